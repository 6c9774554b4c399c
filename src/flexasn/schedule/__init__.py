"""A rotation schedule: who works where on each day of a span, and its files.

A [`Schedule`][flexasn.Schedule] covers **every employee on every day** of an inclusive span
(nobody is lost): an employee listed in ``days[i].remote`` works remotely that day
in the mode given (WFH or WFA); everyone else works from the office (WFO, the
default of Perpres 21/2023). The planner ([`flexasn.plan_rotation`][flexasn.plan_rotation]) also
records
each day's limit (``max_remote``) and why it is what it is, each employee's checks
that kept them on site, and whether the remote days were shared fairly.

Files (the regions' rotation is a spreadsheet a head of OPD sends to the BKPSDM):

- CSV, **wide**: a header ``nip,opd,<ISO date>,<ISO date>,...`` and one row per
  employee whose cells are ``wfo``, ``wfh`` or ``wfa`` (any case). Dates missing
  inside the span are days on which everyone is WFO. ``;`` separators and a BOM
  are accepted. The CSV holds the modes only: limits, history and notes live in
  the JSON.
- JSON: ``schedule.model_dump_json()``, the whole model (``schema_version`` 1).

In both, an employee is named by a NIP (or NI PPPK) of 18 digits; any other id (a name,
a shortened number) is refused, the error naming its row or field, never the id.

Reading is all-or-nothing: a bad file raises [`RosterError`][flexasn.RosterError]
naming the file, row and column, never a NIP, a name or a cell's value. As for rosters
([`flexasn.roster`][flexasn.roster]), a heading is repeated only when it is known (``nip``, ``opd``,
an ISO date); any other is named by its position (``column 3 (C)``), and an error keeps
no exception chain. Employees are named by [`masked_id`][flexasn.masked_id].
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from .._model import Frozen
from ..calendar import SpanTooLongError, check_span
from ..errors import (
    ArgumentTypeError,
    InvalidInputError,
    RosterError,
    mask_location,
    require_choice,
    require_date,
    require_items,
    require_path,
    require_type,
    unchained,
)
from ..legal import Citation
from ..messages import LANGUAGES, Language, render, render_all
from ..people import WorkMode
from ..privacy import masked_id
from ..reasons import Check
from ..workbook import write_workbook

SCHEDULE_SCHEMA_VERSION: Literal[1] = 1

DayStatus = Literal[
    "rule",
    "day_off",
    "no_arrangement",
    "no_flexible_work",
    "out_of_scope",
    "quota_undefined",
    "unplanned",
]
"""Why a day's limit is what it is: a quota ``rule`` applies; a ``day_off`` (weekend,
holiday, cuti bersama); ``no_arrangement`` covers it; the instansi decided
``no_flexible_work``; the agency is ``out_of_scope`` (Permen PANRB 4/2025 Pasal 38);
the law leaves the proportion to the head of agency (``quota_undefined``); or the
schedule was made by hand and no limit was recorded (``unplanned``)."""


def _masked_keys(value: Any) -> Any:
    """A mapping keyed by NIP, its keys masked (for ``repr()``)."""
    if isinstance(value, Mapping):
        return {masked_id(str(k)): v for k, v in value.items()}
    return value


class ScheduleDay(Frozen):
    """One day of a schedule: who is remote (and how); everyone else is WFO."""

    day: date
    remote: dict[str, WorkMode] = Field(default_factory=dict)
    """NIP -> WFH or WFA. WFO entries are dropped: WFO is the default."""
    limit: StrictInt | None = Field(default=None, ge=0)
    """The OPD's ``max_remote`` that day as the planner computed it; None where the law
    sets none or the schedule was made by hand."""
    status: DayStatus = "unplanned"
    arrangement: str | None = None
    basis: Citation | None = None

    @field_validator("remote", mode="after")
    @classmethod
    def _drop_wfo(cls, value: dict[str, WorkMode]) -> dict[str, WorkMode]:
        return {nip: value[nip] for nip in sorted(value) if value[nip] is not WorkMode.WFO}

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr()`` and ``str()`` name employees by masked id, never by NIP."""
        for name, value in super().__repr_args__():
            yield name, _masked_keys(value) if name == "remote" else value

    def note(self, lang: Language = "id") -> str:
        """Why the day's limit is what it is, in Indonesian (default) or English."""
        return render(
            f"schedule.{self.status}",
            lang,
            day=self.day.isoformat(),
            arrangement=self.arrangement or "-",
            limit="-" if self.limit is None else self.limit,
            basis=self.basis.text(lang) if self.basis else "-",
        )


class Fairness(Frozen):
    """How evenly remote days were shared among the employees eligible on some day.

    The planner keeps ``spread`` (most minus fewest remote days) at 1 or less;
    where a limit makes that impossible, ``limited_by`` names it: a duty roster
    (``role_onsite``), the weekly limit (``weekly_limit``), a criterion in force on
    some days only (``discipline``, ``new_employee``) and so on.
    """

    eligible: int = Field(ge=0)
    """Employees eligible on at least one day on which the OPD had a quota."""
    min_days: int = Field(ge=0)
    max_days: int = Field(ge=0)
    limited_by: tuple[Check, ...] = ()

    @property
    def spread(self) -> int:
        """Most remote days minus fewest, among the eligible."""
        return self.max_days - self.min_days

    def note(self, lang: Language = "id") -> str:
        """A sentence for the report, in Indonesian (default) or English."""
        if self.spread <= 1:
            return render(
                "schedule.fair", lang, eligible=self.eligible, low=self.min_days, high=self.max_days
            )
        return render(
            "schedule.unfair",
            lang,
            eligible=self.eligible,
            low=self.min_days,
            high=self.max_days,
            checks=", ".join(c.value for c in self.limited_by) or "-",
        )


class DaySummary(Frozen):
    """One line of the report a head of OPD attaches: remote, on site, limit, unused quota."""

    day: date
    remote: int
    wfh: int
    wfa: int
    onsite: int
    limit: int | None
    unused: int | None
    """``limit - remote`` (None where no limit is known); negative when over the quota."""
    status: DayStatus
    note_id: str
    note_en: str


SUMMARY_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("tanggal", "wfh_wfa", "wfh", "wfa", "wfo", "batas", "kuota_tersisa", "keterangan"),
    "en": ("day", "remote", "wfh", "wfa", "onsite", "limit", "unused", "note"),
}


def _employee_id(value: str) -> str:
    if not (len(value) == 18 and value.isascii() and value.isdigit()):
        raise ValueError("an employee id is a NIP: exactly 18 digits 0-9")
    return value


EmployeeId = Annotated[str, AfterValidator(_employee_id)]
"""An employee's NIP (or NI PPPK) in a schedule: 18 ASCII digits, as in the CSV files; an
error names its place (``employees[3]``), never the id."""


class Schedule(Frozen):
    """Every employee of one OPD on every day of an inclusive span.

    ``mode(nip, day)`` gives the work mode; ``remote_on(day)`` the NIPs out that day.
    The model is frozen and JSON-serialisable (``model_dump_json``); validation errors
    never echo the input (no NIP in a message).
    """

    model_config = ConfigDict(hide_input_in_errors=True)

    schema_version: Literal[1] = SCHEDULE_SCHEMA_VERSION
    opd: str = Field(min_length=1)
    instansi: str | None = None
    policy: str | None = None
    """The id of the policy the planner applied (None for a schedule made by hand)."""
    first_day: date
    last_day: date
    employees: tuple[EmployeeId, ...]
    """Every employee's NIP, sorted (each 18 digits: a name or a shortened id is refused)."""
    days: tuple[ScheduleDay, ...]
    """One entry per calendar day from ``first_day`` to ``last_day``, in order."""
    history: dict[str, tuple[date, ...]] = Field(default_factory=dict)
    """Remote days taken before ``first_day`` in its Monday-Sunday week, per NIP: they
    count towards a standing arrangement's weekly limit (Permen PANRB 4/2025 Pasal 13)."""
    held: dict[str, tuple[Check, ...]] = Field(default_factory=dict)
    """Per NIP, the checks that kept the employee on site on some day on which the OPD
    had a quota: an eligibility check, ``quota`` (others' turn) or ``weekly_limit``."""
    fairness: Fairness | None = None

    @field_validator("employees", mode="after")
    @classmethod
    def _sorted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        ordered = tuple(sorted(value))
        for a, b in itertools.pairwise(ordered):
            if a == b:
                raise ValueError(f"employee {masked_id(a)} is listed twice")
        return ordered

    @field_validator("history", "held", mode="after")
    @classmethod
    def _by_nip(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {nip: value[nip] for nip in sorted(value)}

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.last_day < self.first_day:
            raise ValueError("last_day is before first_day")
        expected = (self.last_day - self.first_day).days + 1
        if len(self.days) != expected or any(
            d.day != self.first_day + timedelta(days=i) for i, d in enumerate(self.days)
        ):
            raise ValueError(
                "days must hold each day from first_day to last_day exactly once, in order"
            )
        known = set(self.employees)
        for d in self.days:
            stray = next((nip for nip in d.remote if nip not in known), None)
            if stray is not None:
                raise ValueError(
                    f"{d.day.isoformat()}: employee {masked_id(stray)} is remote but not listed"
                )
        for nip in (*self.history, *self.held):
            if nip not in known:
                raise ValueError(f"employee {masked_id(nip)} is not listed")
        return self

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr()`` and ``str()`` name employees by masked id
        ([`masked_id`][flexasn.masked_id]), never by NIP."""
        for name, value in super().__repr_args__():
            if name == "employees":
                yield name, tuple(masked_id(nip) for nip in value)
            elif name in ("history", "held"):
                yield name, _masked_keys(value)
            else:
                yield name, value

    @functools.cached_property
    def _members(self) -> frozenset[str]:
        return frozenset(self.employees)

    def _day(self, day: date) -> ScheduleDay:
        require_date(day, "day")
        if not self.first_day <= day <= self.last_day:
            raise InvalidInputError(
                f"day {day.isoformat()} is outside the schedule ({self.first_day.isoformat()}.."
                f"{self.last_day.isoformat()})"
            )
        return self.days[(day - self.first_day).days]

    def mode(self, nip: str, day: date) -> WorkMode:
        """Where the employee works on ``day``: WFO unless scheduled WFH or WFA.

        Raises [`InvalidInputError`][flexasn.InvalidInputError] for an employee not in the
        schedule (named by a masked NIP) or a day outside its span.
        """
        require_type(nip, str, "nip")
        if nip not in self._members:
            raise InvalidInputError(f"employee {masked_id(nip)} is not in the schedule")
        return self._day(day).remote.get(nip, WorkMode.WFO)

    def remote_on(self, day: date) -> tuple[str, ...]:
        """The NIPs of the employees working remotely (WFH or WFA) on ``day``, sorted."""
        return tuple(self._day(day).remote)

    def remote_days(self, nip: str) -> tuple[date, ...]:
        """The days on which the employee is remote, in order."""
        require_type(nip, str, "nip")
        if nip not in self._members:
            raise InvalidInputError(f"employee {masked_id(nip)} is not in the schedule")
        return tuple(d.day for d in self.days if nip in d.remote)

    def summary(self) -> tuple[DaySummary, ...]:
        """One [`DaySummary`][flexasn.DaySummary] per day, with the limits the planner recorded.

        For a schedule made by hand (no limits recorded) use
        [`flexasn.summarize`][flexasn.summarize].
        """
        return tuple(summary_line(d, len(self.employees)) for d in self.days)

    def summary_text(self, lang: Language = "id") -> str:
        """The per-day summary as a plain-text table (Indonesian by default)."""
        return summary_table(self.summary(), lang)


def summary_line(d: ScheduleDay, employees: int) -> DaySummary:
    """The summary of one day of a schedule of ``employees`` staff."""
    modes = list(d.remote.values())
    remote = len(modes)
    return DaySummary(
        day=d.day,
        remote=remote,
        wfh=modes.count(WorkMode.WFH),
        wfa=modes.count(WorkMode.WFA),
        onsite=employees - remote,
        limit=d.limit,
        unused=None if d.limit is None else d.limit - remote,
        status=d.status,
        note_id=d.note("id"),
        note_en=d.note("en"),
    )


def summary_table(lines: tuple[DaySummary, ...], lang: Language = "id") -> str:
    """Summary lines as an aligned plain-text table with headers in ``lang``."""
    headers = SUMMARY_HEADERS[lang]
    rows = [list(headers)]
    for s in lines:
        rows.append(
            [
                s.day.isoformat(),
                str(s.remote),
                str(s.wfh),
                str(s.wfa),
                str(s.onsite),
                "-" if s.limit is None else str(s.limit),
                "-" if s.unused is None else str(s.unused),
                s.note_id if lang == "id" else s.note_en,
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(headers) - 1)]
    return "\n".join(
        "  ".join([*(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)), r[-1]]).rstrip()
        for r in rows
    )


def write_summary_csv(
    lines: tuple[DaySummary, ...], path: str | Path, lang: Language = "id"
) -> None:
    """Write summary lines to a CSV file with headers in ``lang`` (UTF-8)."""
    require_items(lines, DaySummary, "lines")
    require_path(path)
    require_choice(lang, SUMMARY_HEADERS, "lang")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SUMMARY_HEADERS[lang])
    for s in lines:
        writer.writerow(
            [
                s.day.isoformat(),
                s.remote,
                s.wfh,
                s.wfa,
                s.onsite,
                "" if s.limit is None else s.limit,
                "" if s.unused is None else s.unused,
                s.note_id if lang == "id" else s.note_en,
            ]
        )
    Path(path).write_text(buf.getvalue(), encoding="utf-8")


# --- files -----------------------------------------------------------------------------

_MODES = {m.value: m for m in WorkMode}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def in_order(nips: Iterable[str], order: Iterable[str] | None) -> list[str]:
    """``nips`` in the order of ``order`` (a roster's NIPs, in its file order); those
    ``order`` does not list come after them, sorted."""
    members = list(nips)
    if order is None:
        return members
    known = set(members)
    first = [nip for nip in dict.fromkeys(order) if nip in known]
    placed = set(first)
    return first + sorted(nip for nip in members if nip not in placed)


def _wide_rows(
    schedules: Sequence[Schedule], order: Iterable[str] | None
) -> tuple[list[str], list[list[str]]]:
    """Schedules of one span as the wide table of their files: the header and one row per
    employee, OPD after OPD, each in ``order``."""
    first = schedules[0]
    for s in schedules[1:]:
        if (s.first_day, s.last_day) != (first.first_day, first.last_day):
            raise InvalidInputError("schedules written to one file must cover the same span")
    header = ["nip", "opd", *(d.day.isoformat() for d in first.days)]
    ranks = None if order is None else list(order)
    rows = [
        [nip, s.opd, *(d.remote.get(nip, WorkMode.WFO).value for d in s.days)]
        for s in schedules
        for nip in in_order(s.employees, ranks)
    ]
    return header, rows


def _schedules(
    value: Schedule | Iterable[Schedule], argument: str, order: Iterable[str] | None = None
) -> tuple[Schedule, ...]:
    """The schedules to write (one or several), checked, and ``order`` checked too."""
    items = (value,) if isinstance(value, Schedule) else require_items(value, Schedule, argument)
    if not items:
        raise InvalidInputError(f"{argument}: give at least one schedule")
    codes = [s.opd for s in items]
    if len(set(codes)) != len(codes):
        raise InvalidInputError(f"{argument}: one schedule per OPD")
    if order is not None and not isinstance(order, Iterator):  # a generator is read once
        require_items(order, str, "order")
    return items


def write_schedule_csv(
    schedule: Schedule | Iterable[Schedule],
    path: str | Path,
    *,
    order: Iterable[str] | None = None,
) -> None:
    """Write the schedule as a wide CSV: ``nip,opd,<day>...``, cells ``wfo``/``wfh``/``wfa``.

    Several schedules of one span (a whole instansi, one per OPD) go to one file, OPD after
    OPD. ``order`` lists NIPs in the order to write them (a roster's, ``roster.employees``
    NIPs): the roster's order; without it, each OPD's employees are sorted.
    """
    items = _schedules(schedule, "schedule", order)
    require_path(path)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    header, rows = _wide_rows(items, order)
    writer.writerow(header)
    writer.writerows(rows)
    Path(path).write_text(buf.getvalue(), encoding="utf-8")


@unchained
def write_schedule_xlsx(
    schedule: Schedule | Iterable[Schedule],
    path: str | Path,
    *,
    order: Iterable[str] | None = None,
) -> None:
    """Write the schedule as an Excel workbook (``.xlsx``), the same wide table as
    [`write_schedule_csv`][flexasn.write_schedule_csv] (one or several schedules, ``order``) on one
    sheet, NIPs as
    text. Needs the ``xlsx`` extra (``pip install 'flexasn[xlsx]'``); without it a
    RosterError names it."""
    items = _schedules(schedule, "schedule", order)
    require_path(path)
    header, rows = _wide_rows(items, order)
    write_workbook(path, header, rows, title="jadwal")


class ScheduleFile(Frozen):
    """The schedules of one file (one per OPD: a whole instansi may share a file), and the
    row of each employee in it, for messages that name the file's rows.

    ``repr()`` never shows [`rows`][flexasn.schedule.ScheduleFile.rows], which is keyed by NIP.
    """

    file: str
    schedules: tuple[Schedule, ...]
    rows: dict[str, int] = Field(default_factory=dict, repr=False)
    """NIP -> row in the file (1 = the header); empty for a JSON file."""

    def row_of(self, nip: str) -> int | None:
        """The employee's row in the file; ``None`` when unknown."""
        return self.rows.get(nip)


@unchained
def read_schedule_file(path: str | Path, *, strict: bool = False) -> ScheduleFile:
    """Read every schedule of a file: a wide CSV or workbook (``.xlsx``) whose ``opd`` column
    may name several OPDs (as ``flexasn plan --output`` writes a whole instansi), or a JSON
    file holding one schedule or a list of them. The same checks and errors as
    [`read_schedule_csv`][flexasn.read_schedule_csv] and
    [`read_schedule_json`][flexasn.read_schedule_json]; extra columns as there."""
    require_path(path)
    require_type(strict, bool, "strict")
    name = str(path)
    if Path(path).suffix.lower() == ".json":
        return ScheduleFile(file=name, schedules=_read_json_many(path))
    schedules, rows, ignored = _read_wide(path, strict)
    from ..roster import warn_ignored

    warn_ignored(ignored)
    return ScheduleFile(file=name, schedules=schedules, rows=rows)


def write_schedule_file(
    schedules: Schedule | Iterable[Schedule],
    path: str | Path,
    *,
    order: Iterable[str] | None = None,
) -> None:
    """Write schedules to one file that [`read_schedule_file`][flexasn.read_schedule_file] reads
    back, by its
    suffix: ``.json`` (one schedule as an object, several as a list), ``.xlsx`` or CSV."""
    items = _schedules(schedules, "schedules", order)
    require_path(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        if len(items) == 1:
            write_schedule_json(items[0], path)
            return
        text = "[\n" + ",\n".join(s.model_dump_json(indent=2) for s in items) + "\n]\n"
        Path(path).write_text(text, encoding="utf-8")
    elif suffix in (".xlsx", ".xlsm"):
        write_schedule_xlsx(items, path, order=order)
    else:
        write_schedule_csv(items, path, order=order)


@unchained
def read_schedule_csv(path: str | Path, *, strict: bool = False) -> Schedule:
    """Read a wide schedule CSV (see the module doc); all-or-nothing.

    The span runs from the first to the last date column; dates missing in between
    are days on which everyone is WFO; it is at most
    [`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS] days (ten years). Raises
    [`RosterError`][flexasn.RosterError] naming the file, row (1 = the header) and
    column for any bad cell.

    A column whose heading holds no digit (``nama``, ``golongan``, ``unit kerja``) is
    ignored with one [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] naming it, its cells
    never kept; with ``strict=True`` it is an error. A heading with a digit that is not an
    ISO date (``24/03/2025``) is always an error: it may be a day written another way.
    An ``.xlsx`` path is read as [`read_schedule_xlsx`][flexasn.read_schedule_xlsx] reads it.
    """
    require_path(path)
    return _read_one(path, strict)


@unchained
def read_schedule_xlsx(path: str | Path, *, strict: bool = False) -> Schedule:
    """Read a schedule from an Excel workbook (``.xlsx``): the first sheet holds the same
    wide table as the CSV ([`read_schedule_csv`][flexasn.read_schedule_csv]), with the same checks
    and errors (rows
    numbered as Excel numbers them). Day headings may be date cells. Needs the ``xlsx``
    extra; a ``.csv`` path is read as a CSV."""
    require_path(path)
    return _read_one(path, strict)


def _read_one(path: str | Path, strict: bool) -> Schedule:
    """The one schedule of a wide file (a file naming several OPDs is refused)."""
    schedules, _, ignored = _read_wide(path, strict)
    if len(schedules) > 1:
        raise RosterError(
            f"a schedule is for one OPD; the file names {len(schedules)} "
            "(read a whole instansi with read_schedule_file)",
            file=str(path),
            column="opd",
        )
    from ..roster import warn_ignored

    warn_ignored(ignored, stacklevel=4)
    return schedules[0]


def _read_wide(
    path: str | Path, strict: bool
) -> tuple[tuple[Schedule, ...], dict[str, int], tuple[Any, ...]]:
    """The schedules of a wide file (CSV or workbook), one per OPD in the order the file
    first names them, each employee's row, and the columns it ignored."""
    from ..roster import column_of, ignored_columns, open_table  # the dialect rosters use

    require_type(strict, bool, "strict")
    with open_table(path, excel=True) as (name, header, rows):
        lowered = [h.strip().lower() for h in header]
        if not any(h in ("nip", "opd") or _iso_date(h) for h in lowered):
            known = "nip, opd, YYYY-MM-DD, YYYY-MM-DD, ..."
            raise RosterError(
                render_all("files.no_header", columns=known), file=name, row=1, column=1
            )
        if lowered[0] != "nip":
            column = column_of(header, 0, ("nip", "opd"))  # an unknown heading is not repeated
            raise RosterError(render_all("files.first_column"), file=name, row=1, column=column)
        opd_col = 1 if len(lowered) > 1 and lowered[1] == "opd" else None
        first_date = 2 if opd_col is not None else 1
        day_cols: list[tuple[int, date]] = []
        skipped: list[int] = []
        for i, col in enumerate(header[first_date:], start=first_date):
            day = _iso_date(col)
            if day is None:
                if strict or any(c.isdigit() for c in col) or lowered[i] in ("nip", "opd"):
                    raise RosterError(
                        render_all("files.day_column"), file=name, row=1, column=i + 1
                    )
                skipped.append(i)
                continue
            day_cols.append((i, day))
        days = [d for _, d in day_cols]
        if not days:
            raise RosterError("the file has no day columns", file=name, row=1)
        if any(b <= a for a, b in itertools.pairwise(days)):
            raise RosterError("day columns must be in increasing order", file=name, row=1)
        error: RosterError | None = None
        try:
            check_span(days[0], days[-1])  # the schedule holds every day in between
        except SpanTooLongError as exc:
            error = RosterError({lang: exc.message(lang) for lang in LANGUAGES}, file=name, row=1)
        if error is not None:  # raised outside the except block: no exception chain
            raise error
        staff: dict[str, list[str]] = {}
        seen: dict[str, int] = {}
        remote: dict[str, dict[date, dict[str, WorkMode]]] = {}
        for row_no, cells in rows:
            if len(cells) != len(header):
                raise RosterError(
                    f"expected {len(header)} cells, found {len(cells)}", file=name, row=row_no
                )
            nip = cells[0].strip()
            if not nip.isdigit() or len(nip) != 18:
                raise RosterError(
                    "a NIP must be exactly 18 digits", file=name, row=row_no, column="nip"
                )
            if nip in seen:
                raise RosterError(
                    f"the same NIP as row {seen[nip]}", file=name, row=row_no, column="nip"
                )
            seen[nip] = row_no
            code = ""
            if opd_col is not None:
                code = cells[opd_col].strip()
                if not code:
                    raise RosterError(
                        "empty OPD code", file=name, row=row_no, column=header[opd_col]
                    )
            staff.setdefault(code, []).append(nip)
            out = remote.setdefault(code, {})
            for i, d in day_cols:
                mode = _MODES.get(cells[i].strip().lower() or "wfo")
                if mode is None:
                    raise RosterError(
                        "use wfo, wfh or wfa", file=name, row=row_no, column=header[i].strip()
                    )
                if mode is not WorkMode.WFO:
                    out.setdefault(d, {})[nip] = mode
        if not seen:
            raise RosterError("the file lists no employee", file=name, row=2)
        if opd_col is None:
            raise RosterError("missing column 'opd' (second column)", file=name, row=1)
        ignored = ignored_columns(name, header, skipped)
    first, last = days[0], days[-1]
    all_days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    try:
        schedules = tuple(
            Schedule(
                opd=code,
                first_day=first,
                last_day=last,
                employees=tuple(nips),
                days=tuple(ScheduleDay(day=d, remote=remote[code].get(d, {})) for d in all_days),
            )
            for code, nips in staff.items()
        )
    except ValidationError as exc:  # pragma: no cover - the checks above come first
        raise RosterError(_first_error(exc), file=name) from None
    return schedules, seen, ignored


def _iso_date(text: str) -> date | None:
    """A heading read as an ISO date (``YYYY-MM-DD``); None when it is not one."""
    value = text.strip()
    if not _ISO_DATE.fullmatch(value):  # not eight digits alone: a NIP starts with a date
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def write_schedule_json(schedule: Schedule, path: str | Path) -> None:
    """Write the whole schedule as JSON (``schema_version`` 1), UTF-8, indented."""
    require_type(schedule, Schedule, "schedule")
    require_path(path)
    Path(path).write_text(schedule.model_dump_json(indent=2) + "\n", encoding="utf-8")


def _json_of(p: Path) -> Any:
    """The parsed JSON of file ``p``; [`RosterError`][flexasn.RosterError] naming the file (and the
    line of
    a syntax error) when it cannot be read or parsed."""
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError("file not found", file=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"cannot read file ({exc.__class__.__name__})", file=str(p)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RosterError(f"invalid JSON at line {exc.lineno}: {exc.msg}", file=str(p)) from None


@unchained
def read_schedule_json(path: str | Path) -> Schedule:
    """Read a schedule JSON file; a bad file raises RosterError naming the file and field."""
    require_path(path)
    p = Path(path)
    raw = _json_of(p)
    try:
        return Schedule.model_validate(raw)
    except ValidationError as exc:
        raise RosterError(_first_error(exc), file=str(p)) from None


def _read_json_many(path: str | Path) -> tuple[Schedule, ...]:
    """The schedules of a JSON file: one object, or a list of them."""
    p = Path(path)
    raw = _json_of(p)
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise RosterError("the file holds no schedule", file=str(p))
    out = []
    for n, item in enumerate(items):
        try:
            out.append(Schedule.model_validate(item))
        except ValidationError as exc:
            where = f"[{n}] " if isinstance(raw, list) else ""
            raise RosterError(where + _first_error(exc), file=str(p)) from None
    if len({s.opd for s in out}) != len(out):
        raise RosterError("the file holds two schedules of one OPD", file=str(p))
    return tuple(out)


def _first_error(exc: ValidationError) -> str:
    first = exc.errors(include_url=False, include_input=False)[0]
    # A location may hold a NIP or a name (a mapping's key): masked.
    where = ".".join(str(p) for p in mask_location(first["loc"]))
    return f"field {where}: {first['msg']}" if where else str(first["msg"])


def history_of(history: Mapping[str, Any] | Schedule | None) -> dict[str, tuple[date, ...]]:
    """Normalise a ``history=`` argument: a mapping NIP -> remote days, or an earlier
    schedule (its remote days and its own history)."""
    if history is None:
        return {}
    if isinstance(history, Schedule):
        out: dict[str, set[date]] = {nip: set(days) for nip, days in history.history.items()}
        for d in history.days:
            for nip in d.remote:
                out.setdefault(nip, set()).add(d.day)
        return {nip: tuple(sorted(days)) for nip, days in out.items()}
    if not isinstance(history, Mapping):
        raise ArgumentTypeError(
            f"history must be a mapping NIP -> remote days, or a Schedule, not "
            f"{type(history).__name__}"
        )
    result: dict[str, tuple[date, ...]] = {}
    for nip, days in history.items():
        if not isinstance(nip, str):
            raise ArgumentTypeError("history keys must be NIP strings")
        items = tuple(days) if isinstance(days, Iterable) else (days,)
        if not all(isinstance(d, date) and not isinstance(d, datetime) for d in items):
            raise ArgumentTypeError(
                f"history of employee {masked_id(nip)}: days must be datetime.date"
            )
        result[nip] = tuple(sorted(set(items)))
    return result


__all__ = [
    "SCHEDULE_SCHEMA_VERSION",
    "SUMMARY_HEADERS",
    "DayStatus",
    "DaySummary",
    "EmployeeId",
    "Fairness",
    "Schedule",
    "ScheduleDay",
    "ScheduleFile",
    "history_of",
    "in_order",
    "read_schedule_csv",
    "read_schedule_file",
    "read_schedule_json",
    "read_schedule_xlsx",
    "summary_line",
    "summary_table",
    "write_schedule_csv",
    "write_schedule_file",
    "write_schedule_json",
    "write_schedule_xlsx",
    "write_summary_csv",
]
