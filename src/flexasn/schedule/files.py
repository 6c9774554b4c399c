"""Schedule files by their suffix: a wide CSV or workbook (``.xlsx``), or JSON; one
schedule, or every schedule of a file (one per OPD: a whole instansi may share a file)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import Field

from .._model import Frozen
from ..errors import RosterError, require_path, require_type, unchained
from ..messages import render_all
from ..roster.columns import warn_ignored
from ..roster.write import csv_text
from ..workbook import write_workbook
from .jsonfile import read_json_many, write_json_many
from .model import Schedule
from .wide import read_wide, schedules_arg, wide_rows


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
    items = schedules_arg(schedule, "schedule", order)
    require_path(path)
    header, rows = wide_rows(items, order)
    Path(path).write_text(csv_text(header, rows), encoding="utf-8")


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
    text. Needs the ``xlsx`` extra (``pip install -e '.[xlsx]'``); without it a
    RosterError names it."""
    items = schedules_arg(schedule, "schedule", order)
    require_path(path)
    header, rows = wide_rows(items, order)
    write_workbook(path, header, rows, title="jadwal")


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
        return ScheduleFile(file=name, schedules=read_json_many(path))
    schedules, rows, ignored = read_wide(path, strict)
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
    items = schedules_arg(schedules, "schedules", order)
    require_path(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        write_json_many(items, path)
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
    schedules, _, ignored = read_wide(path, strict)
    if len(schedules) > 1:
        message = render_all("schedule_file.one_opd", count=len(schedules))
        raise RosterError(message, file=str(path), column="opd")
    warn_ignored(ignored, stacklevel=4)
    return schedules[0]


__all__ = [
    "ScheduleFile",
    "read_schedule_csv",
    "read_schedule_file",
    "read_schedule_xlsx",
    "write_schedule_csv",
    "write_schedule_file",
    "write_schedule_xlsx",
]
