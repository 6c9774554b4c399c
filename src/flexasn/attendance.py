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
from .messages import render
from .people import WorkMode
from .policy import Policy
from .roster import normal_key, read_table, unknown_heading

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

ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
"""Indonesia's zone names, accepted as ``timezone``."""

_TIME = (
    r"(?P<hour>[0-9]{1,2})[:.](?P<minute>[0-9]{2})"
    r"(?:[:.](?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,6}))?)?"
)
_OFFSET = r"(?P<offset>Z|[+-][0-9]{2}:?[0-9]{2})?"
_MOMENT = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:T|\s+)" + _TIME + r"\s*" + _OFFSET)
_TIME_ONLY = re.compile(_TIME + r"\s*" + _OFFSET)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits, as parse_nip reads them


class _CellError(ValueError):
    """A bad cell: the catalogue key of what is wrong (the caller adds where)."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _error(
    key: str, file: str, row: int | None, column: str | int | None, **params: object
) -> AttendanceError:
    """An AttendanceError whose message is the catalogue's, in both languages."""
    texts = {lang: render(f"attendance.{key}", lang, **params) for lang in ("id", "en")}
    return AttendanceError(texts, file=file, row=row, column=column)


def _zone(policy: PolicyArg, timezone: str | None) -> tzinfo:
    require_type(policy, (Policy, str), "policy", optional=True, error=HoursTypeError)
    if timezone is not None and not isinstance(timezone, str):
        raise HoursTypeError(f"timezone must be a string, not {type(timezone).__name__}")
    if timezone is None:
        return ZoneInfo(resolve_policy(policy).timezone)
    if policy is not None:
        raise HoursError("pass policy or timezone, not both / pilih policy atau timezone")
    name = ZONE_ALIASES.get(timezone.strip().upper(), timezone.strip())
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise HoursError(
            f"unknown time zone {timezone!r}; use WIB, WITA, WIT or an IANA name "
            "(Asia/Jakarta) / zona waktu tidak dikenal"
        ) from None


def _offset(text: str | None, zone: tzinfo) -> tzinfo:
    if not text:
        return zone
    if text == "Z":
        return UTC
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24) or int(digits[2:]) >= 60:
        raise _CellError("impossible")
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
        raise _CellError("impossible") from None


def _day(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise _CellError("date")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _CellError("impossible") from None


def _moment(cell: str, day: date | None, has_date_column: bool, zone: tzinfo) -> datetime:
    """Read a start or end cell; ``day`` is the row's date column (None when it has none)."""
    text = cell.strip()
    if not text:
        raise _CellError("empty")
    full = _MOMENT.fullmatch(text)
    if full is not None:
        return datetime.combine(_day(full["date"]), _clock(full), _offset(full["offset"], zone))
    clock = _TIME_ONLY.fullmatch(text)
    if clock is None:
        raise _CellError("not_moment")
    if not has_date_column:
        raise _CellError("no_date")
    if day is None:
        raise _CellError("date_needed")
    return datetime.combine(day, _clock(clock), _offset(clock["offset"], zone))


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
    try:
        name, header, rows = read_table(path)
    except RosterError as exc:  # the chain is dropped by @unchained
        detail = exc.detail if isinstance(exc.detail, str) else dict(exc.detail)
        raise AttendanceError(detail, file=exc.file, row=exc.row) from None
    columns: dict[str, int] = {}
    for i, title in enumerate(header):
        field = ATTENDANCE_COLUMNS.get(normal_key(title))
        if field is None:  # the heading is not repeated: named by its position
            message = unknown_heading(header, i, ATTENDANCE_COLUMNS)
            raise AttendanceError(message, file=name, row=1, column=i + 1)
        if field in columns:
            raise _error("duplicate_column", name, 1, title, other=header[columns[field]])
        columns[field] = i
    missing = [f for f in ATTENDANCE_REQUIRED if f not in columns]
    if missing:
        raise _error("missing_columns", name, 1, None, columns=", ".join(missing))

    records: list[AttendanceRecord] = []
    first_nip: tuple[str, int] | None = None
    for row_no, cells in rows:
        if len(cells) != len(header):
            raise _error("cells", name, row_no, None, expected=len(header), found=len(cells))
        day: date | None = None  # an empty date matters only where a time-only cell needs it
        if "date" in columns and (text := cells[columns["date"]].strip()):
            try:
                day = _day(text)
            except _CellError as exc:
                raise _error(exc.key, name, row_no, header[columns["date"]]) from None
        moments: dict[str, datetime] = {}
        for field in ("start", "end"):
            try:
                moments[field] = _moment(cells[columns[field]], day, "date" in columns, zone)
            except _CellError as exc:
                where = columns["date" if exc.key == "date_needed" else field]
                raise _error(exc.key, name, row_no, header[where]) from None
        mode: WorkMode | None = None
        if "mode" in columns and (text := cells[columns["mode"]].strip()):
            try:
                mode = WorkMode(text.lower())
            except ValueError:
                raise _error("mode", name, row_no, header[columns["mode"]]) from None
        if "nip" in columns and (nip := cells[columns["nip"]].strip()):
            if first_nip is None:
                first_nip = (nip, row_no)
            elif nip != first_nip[0]:
                column = header[columns["nip"]]
                raise _error("other_employee", name, row_no, column, first=first_nip[1])
        records.append(
            AttendanceRecord(start=moments["start"], end=moments["end"], mode=mode, row=row_no)
        )
    return tuple(records)


__all__ = ["ATTENDANCE_COLUMNS", "read_attendance"]
