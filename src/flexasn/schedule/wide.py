"""Wide schedule files (CSV or a workbook's first sheet): a header
``nip,opd,<ISO date>,...`` and one row per employee whose cells are ``wfo``, ``wfh`` or
``wfa``, read into one [`Schedule`][flexasn.Schedule] per OPD and written back."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from .._model import span
from ..calendar import SpanTooLongError, check_span
from ..errors import InvalidInputError, InvalidNipError, RosterError, require_items, require_type
from ..messages import LANGUAGES, Text, render_all
from ..people import EmploymentStatus, WorkMode, check_nip
from ..roster.columns import (
    ISO_DATE,
    column_of,
    first_error,
    ignored_columns,
    iso_date,
    nip_error,
    twice_error,
    width_error,
)
from ..roster.model import IgnoredColumn
from ..roster.table import open_table
from .model import Schedule, ScheduleDay

_MODES = {m.value: m for m in WorkMode}


class Layout(NamedTuple):
    """The columns of a wide file: the OPD column (``None`` where the second is not
    ``opd``), each day column ``(index, day)``, and the columns left aside."""

    opd: int | None
    days: list[tuple[int, date]]
    skipped: list[int]


class Wide(NamedTuple):
    """What a wide file holds: its schedules (one per OPD, in the order the file first
    names them), each employee's row, and the columns it ignored."""

    schedules: tuple[Schedule, ...]
    rows: dict[str, int]
    ignored: tuple[IgnoredColumn, ...]


def _layout(name: str, header: list[str], strict: bool) -> Layout:
    """The columns of the header row: ``nip`` first, ``opd`` second, then ISO dates; a
    column whose heading holds no digit is ignored (an error when ``strict``)."""
    lowered = [h.strip().lower() for h in header]
    if not any(h in ("nip", "opd") or iso_date(h) for h in lowered):
        message = render_all("files.no_header", columns="nip, opd, YYYY-MM-DD, YYYY-MM-DD, ...")
        raise RosterError(message, file=name, row=1, column=1)
    if lowered[0] != "nip":
        column = column_of(header, 0, ("nip", "opd"))  # an unknown heading is not repeated
        raise RosterError(render_all("files.first_column"), file=name, row=1, column=column)
    opd = 1 if len(lowered) > 1 and lowered[1] == "opd" else None
    first = 2 if opd is not None else 1
    layout = Layout(opd, [], [])
    for i, col in enumerate(header[first:], start=first):
        day = iso_date(col)
        if day is not None:
            layout.days.append((i, day))
        elif strict or any(c.isdigit() for c in col) or lowered[i] in ("nip", "opd"):
            key = "policy_error.no_such_date" if re.fullmatch(ISO_DATE, col) else "files.day_column"
            raise RosterError(render_all(key), file=name, row=1, column=i + 1)
        else:
            layout.skipped.append(i)
    _check_days(name, [d for _, d in layout.days])
    return layout


def _check_days(name: str, days: list[date]) -> None:
    """The day columns: at least one, in increasing order, a span not too long."""
    if not days:
        raise RosterError(render_all("schedule_file.no_days"), file=name, row=1)
    if any(b <= a for a, b in itertools.pairwise(days)):
        raise RosterError(render_all("schedule_file.days_order"), file=name, row=1)
    error: RosterError | None = None
    try:
        check_span(days[0], days[-1])  # the schedule holds every day in between
    except SpanTooLongError as exc:
        error = RosterError({lang: exc.message(lang) for lang in LANGUAGES}, file=name, row=1)
    if error is not None:  # raised outside the except block: no exception chain
        raise error


class _Rows:
    """The employees of a wide file read so far: each OPD's NIPs, each NIP's row, and
    each OPD's remote days (day -> NIP -> mode)."""

    def __init__(self, name: str, header: list[str], layout: Layout) -> None:
        self.name, self.header, self.layout = name, header, layout
        self.staff: dict[str, list[str]] = {}
        self.seen: dict[str, int] = {}
        self.remote: dict[str, dict[date, dict[str, WorkMode]]] = {}

    def nip(self, row_no: int, cells: list[str]) -> str:
        """The row's NIP: 18 digits, not given before."""
        nip = cells[0].strip()
        try:
            check_nip(nip, status=EmploymentStatus.PPPK)  # the 18 digits alone
        except InvalidNipError as exc:
            raise nip_error(exc, self.name, row_no, "nip") from None
        if nip in self.seen:
            raise twice_error(self.name, row_no, self.seen[nip], "nip")
        self.seen[nip] = row_no
        return nip

    def opd(self, row_no: int, cells: list[str]) -> str:
        """The row's OPD code ("" in a file without an OPD column)."""
        if self.layout.opd is None:
            return ""
        code = cells[self.layout.opd].strip()
        if not code:
            column = self.header[self.layout.opd]
            raise RosterError(
                render_all("schedule_file.empty_opd"), file=self.name, row=row_no, column=column
            )
        return code

    def add(self, row_no: int, cells: list[str]) -> None:
        """Read one row: its NIP, its OPD and its mode on each day."""
        if len(cells) != len(self.header):
            raise width_error(self.name, row_no, len(self.header), len(cells))
        nip, code = self.nip(row_no, cells), self.opd(row_no, cells)
        self.staff.setdefault(code, []).append(nip)
        out = self.remote.setdefault(code, {})
        for i, d in self.layout.days:
            mode = _MODES.get(cells[i].strip().lower() or "wfo")
            if mode is None:
                column = self.header[i].strip()
                message = render_all("schedule_file.mode")
                raise RosterError(message, file=self.name, row=row_no, column=column)
            if mode is not WorkMode.WFO:
                out.setdefault(d, {})[nip] = mode

    def schedules(self) -> tuple[Schedule, ...]:
        """One schedule per OPD, over every day from the first day column to the last."""
        first, last = self.layout.days[0][1], self.layout.days[-1][1]
        all_days = list(span(first, last).days())
        return tuple(
            Schedule(
                opd=code,
                first_day=first,
                last_day=last,
                employees=tuple(nips),
                days=tuple(
                    ScheduleDay(day=d, remote=self.remote[code].get(d, {})) for d in all_days
                ),
            )
            for code, nips in self.staff.items()
        )


def read_wide(path: str | Path, strict: bool) -> Wide:
    """The schedules of a wide file (CSV or workbook), one per OPD in the order the file
    first names them, each employee's row, and the columns it ignored."""
    require_type(strict, bool, "strict")
    with open_table(path, excel=True) as (name, header, rows):
        layout = _layout(name, header, strict)
        read = _Rows(name, header, layout)
        for row_no, cells in rows:
            read.add(row_no, cells)
        if not read.seen:
            raise RosterError(render_all("schedule_file.no_employee"), file=name, row=2)
        if layout.opd is None:
            raise RosterError(render_all("schedule_file.no_opd_column"), file=name, row=1)
        ignored = ignored_columns(name, header, layout.skipped)
    try:
        schedules = read.schedules()
    except ValidationError as exc:  # pragma: no cover - the checks above come first
        raise RosterError(field_message(exc), file=name) from None
    return Wide(schedules, read.seen, ignored)


def _day_of(data: object, index: int) -> str | None:
    """The ``day`` of entry ``index`` of ``data["days"]`` (a schedule read from JSON) when
    it is a plain ISO date (never anything else of the file)."""
    days = data.get("days") if isinstance(data, dict) else None
    entry = days[index] if isinstance(days, list) and 0 <= index < len(days) else None
    day = entry.get("day") if isinstance(entry, dict) else None
    return day if isinstance(day, str) and iso_date(day) is not None else None


def field_message(exc: ValidationError, where: str = "", data: object = None) -> dict[str, str]:
    """pydantic's first error about a schedule, as the detail of a RosterError in every
    language: the field (its NIP-like parts masked) and what is wrong, in plain words
    ([`first_error`][flexasn.roster.columns.first_error]); ``where`` goes before it. A
    field of a day (``days.1.limit``) is named by the day, counted from 1, with its date
    when ``data`` (the schedule as read) gives it: ``hari ke-2 (2025-03-25), isian
    'limit'``."""
    loc, message = first_error(exc)
    field = ".".join(str(p) for p in loc)
    if len(loc) >= 2 and loc[0] == "days" and isinstance(loc[1], int):
        date_of = _day_of(data, loc[1])
        place = (
            render_all("schedule_file.day_number", number=loc[1] + 1)
            if date_of is None
            else render_all("schedule_file.day_number_date", number=loc[1] + 1, day=date_of)
        )
        rest = ".".join(str(p) for p in loc[2:])
        if not rest:
            return render_all("schedule_file.day_entry", where=where, day=place, message=message)
        return render_all(
            "schedule_file.day_field", where=where, day=place, field=rest, message=message
        )
    if not field:
        return {lang: where + message[lang] for lang in LANGUAGES}
    return render_all("schedule_file.field", where=where, field=field, message=message)


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


def wide_rows(
    schedules: Sequence[Schedule], order: Iterable[str] | None
) -> tuple[list[str], list[list[str]]]:
    """Schedules of one span as the wide table of their files: the header and one row per
    employee, OPD after OPD, each in ``order``."""
    first = schedules[0]
    for s in schedules[1:]:
        if (s.first_day, s.last_day) != (first.first_day, first.last_day):
            raise InvalidInputError(Text("schedule_model.same_span"))
    header = ["nip", "opd", *(d.day.isoformat() for d in first.days)]
    ranks = None if order is None else list(order)
    rows = [
        [nip, s.opd, *(d.remote.get(nip, WorkMode.WFO).value for d in s.days)]
        for s in schedules
        for nip in in_order(s.employees, ranks)
    ]
    return header, rows


def schedules_arg(
    value: Schedule | Iterable[Schedule], argument: str, order: Iterable[str] | None = None
) -> tuple[Schedule, ...]:
    """The schedules to write (one or several), checked, and ``order`` checked too."""
    items = (value,) if isinstance(value, Schedule) else require_items(value, Schedule, argument)
    if not items:
        raise InvalidInputError(Text("schedule_model.none_given", argument=argument))
    codes = [s.opd for s in items]
    if len(set(codes)) != len(codes):
        raise InvalidInputError(Text("schedule_model.one_per_opd", argument=argument))
    if order is not None and not isinstance(order, Iterator):  # a generator is read once
        require_items(order, str, "order")
    return items


__all__ = [
    "Layout",
    "Wide",
    "field_message",
    "in_order",
    "read_wide",
    "schedules_arg",
    "wide_rows",
]
