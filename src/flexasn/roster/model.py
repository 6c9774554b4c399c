"""The roster model: the OPDs and employees read from a pair of roster files, the columns
left aside and the OPDs whose headcount differs from their staff."""

from __future__ import annotations

import functools
from typing import Self

from pydantic import Field, model_validator

from .._model import Frozen
from ..errors import InvalidInputError
from ..messages import Text
from ..people import Employee, Opd


class IgnoredColumn(Frozen):
    """A column of a roster or schedule file that flexasn does not read (a name, a grade, a
    unit, as BKPSDM exports carry), ignored since ``strict`` was not asked for. Its cells are
    never kept."""

    file: str
    column: int = Field(ge=1)
    """Its 1-based position (``3`` is column C)."""
    heading: str | None
    """The heading as written; ``None`` where it may be personal data (empty, longer than
    40 characters, or holding five digits in a row): the column is then named by its
    position only."""


class HeadcountMismatch(Frozen):
    """An OPD whose declared headcount differs from its employees in the employees file."""

    opd: str
    headcount: int
    employees: int
    row: int
    """Row of the OPD in the OPDs file (1 = the header)."""


class Roster(Frozen):
    """The OPDs and employees read from a pair of roster files, in file order."""

    opds: tuple[Opd, ...]
    employees: tuple[Employee, ...]
    mismatches: tuple[HeadcountMismatch, ...] = Field(default=())
    employee_rows: tuple[int, ...] = Field(default=())
    """Row of each employee in the employees file (1 = the header), in the order of
    `employees`; empty for a roster not read from a file."""
    ignored_columns: tuple[IgnoredColumn, ...] = Field(default=())
    """The columns of both files that were ignored (``strict=False``, the default); the
    same ones the [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] named."""
    flagged_rows: tuple[int, ...] = Field(default=())
    """Rows of the employees file whose PPPK number was flagged (see
    [`PppkNumberWarning`][flexasn.PppkNumberWarning]): kept, to be checked by a person."""

    @model_validator(mode="after")
    def _rows_match(self) -> Self:
        if self.employee_rows and len(self.employee_rows) != len(self.employees):
            raise InvalidInputError(
                Text(
                    "roster_model.rows",
                    rows=len(self.employee_rows),
                    employees=len(self.employees),
                )
            )
        return self

    def rows(self) -> dict[str, int]:
        """NIP -> row in the employees file (empty for a roster not read from a file).

        The row identifies a person where a masked NIP (last four digits) may not.
        """
        return dict(zip((e.nip for e in self.employees), self.employee_rows, strict=False))

    def row_of(self, nip: str) -> int | None:
        """The employee's row in the employees file; ``None`` when unknown. For many
        lookups, take [`rows`][flexasn.roster.Roster.rows] once."""
        return self.rows().get(nip)

    @functools.cached_property
    def _by_code(self) -> dict[str, Opd]:
        return {o.code: o for o in reversed(self.opds)}  # the first OPD of a code wins

    @functools.cached_property
    def _staff(self) -> dict[str, tuple[Employee, ...]]:
        staff: dict[str, list[Employee]] = {}
        for e in self.employees:
            staff.setdefault(e.opd, []).append(e)
        return {code: tuple(people) for code, people in staff.items()}

    def opd(self, code: str) -> Opd:
        """The OPD with that code; InvalidInputError if absent."""
        found = self._by_code.get(code) if isinstance(code, str) else None
        if found is None:
            raise InvalidInputError(Text("roster_model.no_opd", code=code))
        return found

    def employees_of(self, code: str) -> tuple[Employee, ...]:
        """The employees of one OPD, in file order (indexed on first use: for a roster of
        a million employees, each OPD costs its own staff, not the whole file)."""
        self.opd(code)
        return self._staff.get(code, ())


__all__ = ["HeadcountMismatch", "IgnoredColumn", "Roster"]
