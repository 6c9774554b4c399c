"""Attendance files: one employee's presence records, read from CSV for
[`check_hours`][flexasn.check_hours].

The file is read the way roster files are
([`flexasn.roster.read_table`][flexasn.roster.read_table]): UTF-8 with
or without a BOM (Excel's "CSV UTF-8"), ``,`` or ``;`` as the separator (whichever the
header uses), blank lines skipped, headers in Indonesian or English (case, spaces and
hyphens do not matter). One row per record:

| column (English / Indonesian) | required | value |
|---|---|---|
| ``start`` / ``mulai``, ``masuk``, ``jam_masuk`` | yes | when presence began |
| ``end`` / ``selesai``, ``pulang``, ``jam_pulang`` | yes | when it ended |
| ``date`` / ``tanggal`` | no | the day, for time-only cells |
| ``mode`` / ``mode_kerja`` | no | ``wfo``, ``wfh``, ``wfa`` |
| ``nip`` | no | the employee (one per file) |

``start`` and ``end`` hold a date and time, ``2025-05-12 07:25`` (``T`` or a space
between them; ``07.25`` with a dot is read too; seconds and their fraction optional, as
attendance systems export ``2025-05-12T07:25:03.120+07:00``), with or without an offset
(``+07:00``, ``Z``). Without an offset it is local time of the policy's zone
(WIB, WITA or WIT) or of ``timezone``. Where the file has a ``tanggal`` column the cells
may hold only the time (``07.25``); a night shift that ends the next day then needs the
full date and time in ``end``. An empty ``mode`` is unknown. A ``nip`` column is
optional: when present, every row must name the same employee, since ``check_hours``
checks one person.

Reading is all-or-nothing: the first bad cell raises
[`AttendanceError`][flexasn.errors.AttendanceError] naming the file, the row (1 = the header) and
the column, in English and Indonesian; it never repeats a NIP, a name or a cell's value.
As for rosters ([`flexasn.roster`][flexasn.roster]), a column is named by its heading as written
only
when the heading is known; any other (a NIP or a name, in a file without its header row
or transposed) is named by its position, ``column 3 (C)``; and the error keeps no
exception chain. Whether a record makes sense (its end after its start, no overlaps) is
[`check_hours`][flexasn.check_hours]'s to say, so that ``on_invalid="report"`` can list it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from datetime import timezone as fixed_offset
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import (
    AttendanceError,
    HoursError,
    HoursTypeError,
    RosterError,
    require_path,
    require_type,
    unchained,
)
from .hours.norms import PolicyArg, resolve_policy
from .hours.report import AttendanceRecord
from .hours.zones import ZONE_NAMES
from .messages import Text, render_all
from .people import WorkMode
from .policy import Policy
from .roster.cells import CellError
from .roster.columns import ISO_DATE, iso_date, map_columns, width_error
from .roster.table import Row, read_table

ATTENDANCE_COLUMNS: dict[str, str] = {
    "start": "start",
    "mulai": "start",
    "masuk": "start",
    "jam_masuk": "start",
    "waktu_masuk": "start",
    "check_in": "start",
    "end": "end",
    "selesai": "end",
    "pulang": "end",
    "jam_pulang": "end",
    "waktu_pulang": "end",
    "check_out": "end",
    "date": "date",
    "tanggal": "date",
    "mode": "mode",
    "mode_kerja": "mode",
    "work_mode": "mode",
    "nip": "nip",
}
"""Accepted headers (after lower-casing and turning spaces and hyphens into ``_``)."""
ATTENDANCE_REQUIRED = ("start", "end")

ZONE_ALIASES = {short: name for name, short in ZONE_NAMES.items()}
"""Indonesia's zone names, accepted as ``timezone``: WIB, WITA, WIT."""

_TIME = (
    r"(?P<hour>[0-9]{1,2})[:.](?P<minute>[0-9]{2})"
    r"(?:[:.](?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,6}))?)?"
)
_OFFSET = r"(?P<offset>Z|[+-][0-9]{2}:?[0-9]{2})?"
_MOMENT = re.compile(rf"(?P<date>{ISO_DATE})(?:T|\s+)" + _TIME + r"\s*" + _OFFSET)
_TIME_ONLY = re.compile(_TIME + r"\s*" + _OFFSET)
_DATE = re.compile(ISO_DATE)


def _cell_error(exc: CellError, name: str, row: int, column: str) -> AttendanceError:
    """A bad cell's error, at its row and column, in both languages."""
    return AttendanceError(exc.messages(), file=name, row=row, column=column)


def _zone(policy: PolicyArg, timezone: str | None) -> tzinfo:
    require_type(policy, (Policy, str), "policy", optional=True, error=HoursTypeError)
    if timezone is not None and not isinstance(timezone, str):
        raise HoursTypeError(Text("hours_input.timezone_type", type=type(timezone).__name__))
    if timezone is None:
        return ZoneInfo(resolve_policy(policy).timezone)
    if policy is not None:
        raise HoursError(render_all("attendance_zone.both"))
    name = ZONE_ALIASES.get(timezone.strip().upper(), timezone.strip())
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        error = HoursError(render_all("attendance_zone.unknown", timezone=repr(timezone)))
    raise error  # outside the except block: no exception chain


def _offset(text: str | None, zone: tzinfo) -> tzinfo:
    if not text:
        return zone
    if text == "Z":
        return UTC
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24) or int(digits[2:]) >= 60:
        raise CellError("attendance.impossible")
    return fixed_offset(-delta if text[0] == "-" else delta)


def _clock(match: re.Match[str]) -> time:
    try:
        return time(
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
            int((match["fraction"] or "0").ljust(6, "0")),
        )
    except ValueError:
        pass
    raise CellError("attendance.impossible")


def _day(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise CellError("attendance.date")
    day = iso_date(text)
    if day is None:
        raise CellError("attendance.impossible")
    return day


def _moment(cell: str, day: date | None, has_date_column: bool, zone: tzinfo) -> datetime:
    """Read a start or end cell; ``day`` is the row's date column (None when it has none)."""
    text = cell.strip()
    if not text:
        raise CellError("attendance.empty")
    full = _MOMENT.fullmatch(text)
    if full is not None:
        return datetime.combine(_day(full["date"]), _clock(full), _offset(full["offset"], zone))
    clock = _TIME_ONLY.fullmatch(text)
    if clock is None:
        raise CellError("attendance.not_moment")
    if not has_date_column:
        raise CellError("attendance.no_date")
    if day is None:
        raise CellError("attendance.date_needed")
    return datetime.combine(day, _clock(clock), _offset(clock["offset"], zone))


def _table(path: str | Path) -> tuple[str, list[str], list[Row], dict[str, int]]:
    """The file's name, header, rows and columns (field -> index); a problem of the file or
    of its header row as an AttendanceError."""
    try:
        name, header, rows = read_table(path)
    except RosterError as exc:  # the chain is dropped by @unchained
        detail = exc.detail if isinstance(exc.detail, str) else dict(exc.detail)
        raise AttendanceError(detail, file=exc.file, row=exc.row, column=exc.column) from None
    columns, _ = map_columns(
        name,
        header,
        ATTENDANCE_COLUMNS,
        ATTENDANCE_REQUIRED,
        words="attendance",
        error=AttendanceError,
    )
    return name, header, rows, columns


class _Records:
    """The records of one attendance file, row by row: each row's cells read in the
    file's columns and zone, every row naming the same employee."""

    def __init__(self, name: str, header: list[str], columns: dict[str, int], zone: tzinfo):
        self.name, self.header, self.columns, self.zone = name, header, columns, zone
        self.first_nip: tuple[str, int] | None = None

    def cell(self, cells: list[str], field: str) -> str:
        """The row's cell of ``field``, stripped; ``""`` where the file has no such column."""
        return cells[self.columns[field]].strip() if field in self.columns else ""

    def day(self, row_no: int, cells: list[str]) -> date | None:
        """The row's date column; an empty one matters only where a time-only cell needs it."""
        text = self.cell(cells, "date")
        try:
            return _day(text) if text else None
        except CellError as exc:
            raise _cell_error(exc, self.name, row_no, self.header[self.columns["date"]]) from None

    def moment(self, row_no: int, cells: list[str], field: str, day: date | None) -> datetime:
        """The row's start or end."""
        try:
            return _moment(cells[self.columns[field]], day, "date" in self.columns, self.zone)
        except CellError as exc:
            where = self.columns["date" if exc.key == "attendance.date_needed" else field]
            raise _cell_error(exc, self.name, row_no, self.header[where]) from None

    def mode(self, row_no: int, cells: list[str]) -> WorkMode | None:
        """The row's work mode (``None`` where it is empty or the file has no such column)."""
        text = self.cell(cells, "mode")
        try:
            return WorkMode(text.lower()) if text else None
        except ValueError:
            column = self.header[self.columns["mode"]]
        raise _cell_error(CellError("attendance.mode"), self.name, row_no, column)

    def same_employee(self, row_no: int, cells: list[str]) -> None:
        """Every row of the file names the same employee (where it names one)."""
        nip = self.cell(cells, "nip")
        if not nip:
            return
        if self.first_nip is None:
            self.first_nip = (nip, row_no)
        elif nip != self.first_nip[0]:
            message = render_all("attendance.other_employee", first=self.first_nip[1])
            column = self.header[self.columns["nip"]]
            raise AttendanceError(message, file=self.name, row=row_no, column=column)

    def record(self, row_no: int, cells: list[str]) -> AttendanceRecord:
        """One row as a record; its first bad cell (from the left) raises."""
        if len(cells) != len(self.header):
            raise width_error(self.name, row_no, len(self.header), len(cells), AttendanceError)
        day = self.day(row_no, cells)
        start = self.moment(row_no, cells, "start", day)
        end = self.moment(row_no, cells, "end", day)
        mode = self.mode(row_no, cells)
        self.same_employee(row_no, cells)
        return AttendanceRecord(start=start, end=end, mode=mode, row=row_no)


@unchained
def read_attendance(
    path: str | Path, *, policy: PolicyArg = None, timezone: str | None = None
) -> tuple[AttendanceRecord, ...]:
    """Read one employee's attendance records from a CSV file (format in the module doc).

    Times without an offset are local time of ``policy``'s zone (a
    [`Policy`][flexasn.Policy] or a bundled id; default the national rule, WIB) or
    of ``timezone`` (``"WITA"``, ``"Asia/Makassar"``); pass one or the other. The records
    come back in file order, aware, each with the ``row`` it was read from, ready for
    [`check_hours`][flexasn.check_hours] (pass the same ``policy``): a finding's record
    index ``i`` is ``records[i]``, on row ``records[i].row`` of the file.

    All-or-nothing: a missing or unreadable file, an unknown or missing column, or a bad
    cell raises [`AttendanceError`][flexasn.errors.AttendanceError] naming the file, the row and the
    column, never a NIP or the cell's value. A file with a header and no rows gives
    ``()``. A bad ``policy`` or ``timezone`` raises [`HoursError`][flexasn.errors.HoursError]
    (an unknown policy id [`UnknownPolicyError`][flexasn.UnknownPolicyError]).
    """
    require_path(path, error=HoursTypeError)
    zone = _zone(policy, timezone)
    name, header, rows, columns = _table(path)
    records = _Records(name, header, columns, zone)
    return tuple(records.record(row_no, cells) for row_no, cells in rows)


__all__ = ["ATTENDANCE_COLUMNS", "ZONE_ALIASES", "read_attendance"]
