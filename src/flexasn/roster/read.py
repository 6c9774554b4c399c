"""[`read_roster`][flexasn.read_roster]: an OPDs file and an employees file read together,
the employees checked against the OPDs (their codes, each OPD's headcount)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import RosterError, require_path, require_type, unchained
from ..messages import render_all
from ..people import Employee, Opd
from .columns import warn_flagged, warn_ignored
from .employees import read_staff
from .model import HeadcountMismatch, Roster
from .opds import read_opds_file


def mismatches_of(
    opds: tuple[Opd, ...], staff: tuple[Employee, ...], rows_of: dict[str, int]
) -> tuple[HeadcountMismatch, ...]:
    """The OPDs whose declared headcount differs from their employees in ``staff``."""
    counts = Counter(e.opd for e in staff)
    return tuple(
        HeadcountMismatch(
            opd=o.code, headcount=o.headcount, employees=counts[o.code], row=rows_of[o.code]
        )
        for o in opds
        if o.headcount != counts[o.code]
    )


def headcount_error(
    mismatches: tuple[HeadcountMismatch, ...], opds: str | Path, employees: str | Path, column: str
) -> RosterError:
    """The error for the first OPD whose headcount differs (and how many more do), at its
    row and the headcount column of the OPDs file."""
    m = mismatches[0]
    more = render_all("roster_file.more_opds", count=len(mismatches) - 1)
    message = render_all(
        "roster_file.headcount_mismatch",
        opd=m.opd,
        headcount=m.headcount,
        employees=m.employees,
        file=Path(employees).name,
        more=more if len(mismatches) > 1 else "",
    )
    return RosterError(message, file=str(Path(opds)), row=m.row, column=column)


@unchained
def read_roster(
    opds: str | Path,
    employees: str | Path,
    *,
    check_headcount: bool = True,
    strict: bool = False,
) -> Roster:
    """Read a roster: an OPDs file and an employees file (formats in the module doc), each
    a CSV file or an Excel workbook (``.xlsx``, its first sheet; needs the ``xlsx`` extra).

    All-or-nothing: any bad row raises [`RosterError`][flexasn.RosterError] naming
    the file, the row and the column, never a NIP. With ``check_headcount`` (the
    default) an OPD whose ``headcount`` differs from its employees in the employees
    file is an error naming the OPDs file, the row and the column; with
    ``check_headcount=False`` it is listed in `Roster.mismatches` (a partial
    roster, e.g. one unit of a large OPD).

    Columns flexasn does not read (names, grades, units) are ignored: one
    [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] names them (both files) and
    [`Roster.ignored_columns`][flexasn.roster.Roster.ignored_columns] lists them; their cells are
    never kept. With
    ``strict=True`` such a column is an error, as a misspelt heading of a column the file
    lacks always is (``jabatn``). PPPK rows whose number was flagged are listed in
    [`Roster.flagged_rows`][flexasn.roster.Roster.flagged_rows], with one
    [`PppkNumberWarning`][flexasn.PppkNumberWarning].
    """
    require_path(opds, "opds")
    require_path(employees, "employees")
    require_type(check_headcount, bool, "check_headcount")
    require_type(strict, bool, "strict")
    opd_list, rows_of, headcount_column, opd_ignored = read_opds_file(opds, strict)
    read = read_staff(employees, set(rows_of), strict=strict)
    mismatches = mismatches_of(opd_list, read.employees, rows_of)
    if mismatches and check_headcount:
        raise headcount_error(mismatches, opds, employees, headcount_column)
    warn_ignored((*opd_ignored, *read.ignored))
    warn_flagged(read.name, read.flagged)
    # built from checked parts: validating the roster again would re-run each
    # employee's NIP check (pydantic runs a nested model's after-validators again)
    return Roster.model_construct(
        opds=opd_list,
        employees=read.employees,
        mismatches=mismatches,
        employee_rows=read.rows,
        ignored_columns=(*opd_ignored, *read.ignored),
        flagged_rows=read.flagged,
    )


__all__ = ["headcount_error", "mismatches_of", "read_roster"]
