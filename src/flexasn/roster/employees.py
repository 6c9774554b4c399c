"""Reading an employees file: one row per employee (the columns are in
[`flexasn.roster`][flexasn.roster]'s module doc), made for files of a million rows.

The file is read one row at a time; the cells other than the NIP and the OPD are parsed
once per distinct combination (`_Profiles`), the NIP once per row
([`check_nip`][flexasn.people.check_nip]); each employee is built from the checked fields
without validating them again, and shares its OPD's code with the others. The errors are
those of validating row by row, in the same order: the cell count, each column from the
left, the NIP, a NIP given twice, the OPD, the model. Cells of ignored columns are
counted, never kept.

A PPPK number is checked for its 18 digits only (its layout is not assumed, see
[`parse_nip`][flexasn.parse_nip]); one whose first eight digits are not a possible date,
where a NIP keeps the birth date, is kept and its row flagged.
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from ..errors import InvalidNipError, RosterError, or_joined, unchained
from ..messages import render_all
from ..people import Employee, EmploymentStatus, check_nip
from .cells import (
    EMPLOYEE_COLUMNS,
    EMPLOYEE_PARSERS,
    EMPLOYEE_REQUIRED,
    HEADING_LANGUAGES,
    model_error,
    parse_cells,
)
from .columns import (
    ignored_columns,
    map_columns,
    nip_error,
    shown_heading,
    twice_error,
    warn_flagged,
    warn_ignored,
    width_error,
)
from .model import IgnoredColumn
from .table import Row, open_table

_PROFILES_KEPT = 4096
"""How many distinct rows (all cells but the NIP and the OPD) `_Profiles` keeps parsed:
real rosters have a few dozen; beyond the limit rows are parsed one by one."""

Profile = tuple[dict[str, Any], set[str], EmploymentStatus]


class Staff(NamedTuple):
    """What [`read_staff`][flexasn.roster.employees.read_staff] reads of an employees file."""

    name: str
    employees: tuple[Employee, ...]
    rows: tuple[int, ...]
    ignored: tuple[IgnoredColumn, ...]
    flagged: tuple[int, ...]


def possible_date(digits: str) -> bool:
    """Whether eight digits are a possible date ``YYYYMMDD``."""
    try:
        date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return True


def employee_builder() -> Callable[[set[str], dict[str, Any]], Employee]:
    """A function building an [`Employee`][flexasn.Employee] from all its fields, already
    checked, in the model's order: what ``Employee.model_construct`` does, at a fraction of
    its cost, or ``model_construct`` itself if pydantic's model layout is not the one
    expected. ``tests/test_bounds.py`` holds the result equal to ``model_validate``'s.
    """
    layout = {"__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"}
    plain = (
        set(getattr(BaseModel, "__slots__", ())) == layout
        and Employee.__pydantic_post_init__ is None
        and not Employee.__private_attributes__
        and Employee.model_config.get("extra") == "forbid"
    )

    def construct(names: set[str], values: dict[str, Any]) -> Employee:
        return Employee.model_construct(names, **values)

    if not plain:  # pragma: no cover - another pydantic: the documented way
        return construct
    new, put = object.__new__, object.__setattr__

    def build(names: set[str], values: dict[str, Any]) -> Employee:
        employee: Employee = new(Employee)
        put(employee, "__dict__", values)
        put(employee, "__pydantic_fields_set__", names)
        put(employee, "__pydantic_extra__", None)
        put(employee, "__pydantic_private__", None)
        return employee

    return build


class _Profiles:
    """The parsed cells of an employees file but the NIP and the OPD, once per distinct
    row: ``(values, given, status)``, where ``values`` holds every field of the model
    in its order (defaults filled in; ``nip`` and ``opd`` left to fill), ``given`` the
    fields the row gives (pydantic's ``model_fields_set``, shared by the employees with
    the same columns) and ``status`` the employment status the NIP is checked for."""

    def __init__(self, name: str, header: list[str], columns: dict[str, int]) -> None:
        self.name, self.header = name, header
        self.parsers = [
            (field, i, EMPLOYEE_PARSERS[field])
            for field, i in columns.items()
            if field not in ("nip", "opd")
        ]
        self.key = operator.itemgetter(*(i for _, i, _ in self.parsers)) if self.parsers else None
        self.template: dict[str, Any] = {
            name: None if info.is_required() else info.get_default(call_default_factory=True)
            for name, info in Employee.model_fields.items()
        }
        self.kept: dict[Any, Profile] = {}
        self.given: dict[frozenset[str], set[str]] = {}

    def of(self, row_no: int, cells: list[str]) -> Profile:
        """The parsed row; a bad cell raises the RosterError of its column (the first
        from the left)."""
        key = self.key(cells) if self.key is not None else ()
        found = self.kept.get(key)
        if found is not None:
            return found
        fields = parse_cells(self.parsers, cells, (self.name, row_no, self.header))
        values = {**self.template, **fields}
        names = frozenset(("nip", "opd", *fields))
        given = self.given.setdefault(names, set(names))
        found = (values, given, fields.get("status", EmploymentStatus.PNS))
        if len(self.kept) < _PROFILES_KEPT:
            self.kept[key] = found
        return found


class _Reader:
    """The state of reading one employees file: its columns, the OPD codes employees may
    name, and what the rows read so far hold (the NIPs seen, the rows flagged)."""

    def __init__(self, name: str, header: list[str], columns: dict[str, int]) -> None:
        self.name, self.header, self.columns = name, header, columns
        self.nip_col, self.opd_col = header[columns["nip"]], header[columns["opd"]]
        self.seen: dict[str, int] = {}
        self.flagged: list[int] = []

    def bad_nip(self, exc: InvalidNipError, row_no: int) -> RosterError:
        return nip_error(exc, self.name, row_no, self.nip_col)

    def twice(self, nip: str, row_no: int) -> RosterError:
        return twice_error(self.name, row_no, self.seen[nip], self.nip_col)

    def empty(self, row_no: int, column: str) -> RosterError:
        """The error for an empty NIP or OPD cell."""
        return RosterError(
            render_all("policy_error.empty"), file=self.name, row=row_no, column=column
        )

    def unknown_opd(self, row_no: int, opd: str, codes: dict[str, str]) -> RosterError:
        """The error for an OPD code the OPDs file does not list. A typo of a code of the
        file (one word, close to it, compared without case: ``SETDAA``) is shown with the
        closest codes, since an OPD's code is not personal data; any other cell is not
        shown (a person's name typed into the column, a NIP: see
        [`shown_heading`][flexasn.roster.columns.shown_heading])."""
        code = shown_heading(opd)
        lowered = {c.lower(): c for c in sorted(codes)}
        close = (
            []
            if code is None or len(code.split()) != 1
            else difflib.get_close_matches(code.lower(), list(lowered), n=3, cutoff=0.75)
        )
        if not close:
            message = render_all("files.unknown_opd")
        else:
            suggestions = or_joined(repr(lowered[c]) for c in close)
            message = render_all("files.unknown_opd_code_like", code=code, suggestions=suggestions)
        return RosterError(message, file=self.name, row=row_no, column=self.opd_col)

    def empty_opd(
        self, row_no: int, values: dict[str, Any], given: set[str], nip: str
    ) -> RosterError:
        """The model's error for an empty OPD code (the model's only rule the parsers do
        not apply)."""
        fields = {k: v for k, v in values.items() if k in given}
        try:
            Employee.model_validate({**fields, "nip": nip, "opd": ""})
        except ValidationError as exc:
            return model_error(exc, self.name, row_no, self.header, self.columns)
        raise AssertionError("an empty OPD code is refused by the model")  # pragma: no cover

    def read(self, rows: Iterator[Row], opd_codes: set[str] | None) -> list[Employee]:
        """The employees of ``rows``, in order; the first bad row raises its error."""
        nip_i, opd_i, width = self.columns["nip"], self.columns["opd"], len(self.header)
        profile_of = _Profiles(self.name, self.header, self.columns).of
        codes = None if opd_codes is None else {code: code for code in opd_codes}
        build, today = employee_builder(), date.today()
        seen, flagged = self.seen, self.flagged
        employees: list[Employee] = []
        for row_no, cells in rows:
            if len(cells) != width:
                raise width_error(self.name, row_no, width, len(cells))
            values, given, status = profile_of(row_no, cells)
            nip, opd = cells[nip_i].strip(), cells[opd_i].strip()
            if not nip:
                raise self.empty(row_no, self.nip_col)
            try:
                parts = check_nip(nip, status=status, today=today)
            except InvalidNipError as exc:
                raise self.bad_nip(exc, row_no) from None
            if parts is None and not possible_date(nip):  # a PPPK number: flagged only
                flagged.append(row_no)
            if nip in seen:
                raise self.twice(nip, row_no)
            seen[nip] = row_no
            if not opd:
                raise self.empty_opd(row_no, values, given, nip)
            if codes is not None:
                code = codes.get(opd)
                if code is None:
                    raise self.unknown_opd(row_no, opd, codes)
                opd = code  # one string per OPD, not one per employee
            values = values.copy()
            values["nip"], values["opd"] = nip, opd
            employees.append(build(given, values))
        return employees


def read_staff(path: str | Path, opd_codes: set[str] | None, *, strict: bool = True) -> Staff:
    """The employees of a file and the row of each (1 = the header), the columns ignored
    and the rows flagged, without a warning (see the module doc)."""
    with open_table(path, excel=True) as (name, header, rows):
        columns, ignored = map_columns(
            name,
            header,
            EMPLOYEE_COLUMNS,
            EMPLOYEE_REQUIRED,
            strict=strict,
            langs=HEADING_LANGUAGES,
            show=True,
        )
        reader = _Reader(name, header, columns)
        employees = reader.read(rows, opd_codes)
    return Staff(
        name,
        tuple(employees),
        tuple(reader.seen.values()),
        ignored_columns(name, header, ignored),
        tuple(reader.flagged),
    )


@unchained
def read_employees(
    path: str | Path, opd_codes: set[str] | None = None, *, strict: bool = False
) -> tuple[Employee, ...]:
    """Read an employees file; ``opd_codes`` (when given) are the OPDs employees may name.
    Unknown columns are ignored with an [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning]
    (``strict=True``: an error)."""
    staff = read_staff(path, opd_codes, strict=strict)
    warn_ignored(staff.ignored)
    warn_flagged(staff.name, staff.flagged)
    return staff.employees


__all__ = ["Profile", "Staff", "employee_builder", "possible_date", "read_employees", "read_staff"]
