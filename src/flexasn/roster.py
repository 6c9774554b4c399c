"""Roster files: the OPDs of an instansi and their employees, read from CSV or Excel.

Two files, the way BKPSDM exports them. Their formats, with downloadable templates (CSV
and XLSX), are on the documentation page [Roster and schedule files](roster-format.md)
(``docs/roster-format.md``). Headers may be in Indonesian or English
(case and spaces do not matter), the file may start with a BOM (Excel's "CSV UTF-8"),
and the separator may be ``,`` or ``;`` (Excel with an Indonesian locale). An Excel
workbook (``.xlsx``, its first sheet) is read too, with the optional ``xlsx`` extra
(`flexasn.workbook`). Other columns (names, grades, units) are ignored with one
[`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] naming them, their cells never kept;
``strict=True`` rejects them.

OPDs file (one row per OPD):

| column (English / Indonesian)          | required | value                                 |
|----------------------------------------|----------|---------------------------------------|
| ``code`` / ``kode``                    | yes      | the OPD's code, unique                |
| ``name`` / ``nama``                    | yes      | its name                              |
| ``instansi``                           | yes      | the instansi's policy id (kab-malang) |
| ``kind`` / ``jenis``                   | yes      | canonical kind or local alias (bpkad) |
| ``service`` / ``layanan``              | yes      | esensial, langsung, tidak_langsung    |
| ``headcount`` / ``jumlah_pegawai``     | yes      | whole staff: the quota base           |
| ``agency_type`` / ``jenis_instansi``   | no       | sipil (default), tni, polri, ...      |
| ``province`` / ``provinsi``            | no       |                                       |

Employees file (one row per employee): ``nip`` (18 digits), ``opd`` / ``kode_opd``,
and optionally ``status`` (pns, pppk, pppk_paruh_waktu), ``position`` / ``jabatan``
(struktural, fungsional, pelaksana), ``is_head`` / ``kepala``, ``frontline`` /
``garis_depan``, ``duty_days`` / ``hari_piket`` (ISO dates separated by ``;``),
``discipline`` / ``disiplin`` (tidak_ada, dalam_proses, sedang_menjalani),
``new_in_post`` / ``pegawai_baru``, ``duties_outside_office`` / ``tugas_luar_kantor``,
``special_circumstances`` / ``keadaan_khusus``. Yes/no cells accept ``ya``/``tidak``,
``yes``/``no``, ``true``/``false``, ``1``/``0``, ``y``/``t``/``n``; an empty cell is no.

Reading is all-or-nothing: the first bad row raises
[`RosterError`][flexasn.RosterError] naming the file, the row (1 = the header) and
the column. An OPD whose
``headcount`` differs from the number of its employees in the employees file is an
error too (``check_headcount=False`` accepts a partial roster and lists the
differences in `Roster.mismatches`).

Personal data (UU 27/2022) is never repeated in an error, whatever the file holds:

- a column is named by its heading as written in the file only when the heading is a
  known one (one of the names above, in any case and spacing); any other heading is named
  by its position, ``column 3 (C)`` (``error.column == 3``), since a file without its
  header row, or a transposed one, has a NIP or a name where the heading should be. When
  no heading of the first row is known, the error says the header row seems missing;
- a cell's value (a NIP, an OPD code the OPDs file lacks) is never repeated: the row and
  the column say where it is. Only an OPD code both files agree on is named (a headcount
  that differs);
- an error keeps no exception chain ([`flexasn.errors.unchained`][flexasn.errors.unchained]): not
the file's
  bytes of a file that is not UTF-8, not the input values of pydantic's error.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import functools
import io
import itertools
import operator
import re
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, Self, TextIO

from pydantic import BaseModel, Field, ValidationError, model_validator

from ._model import Frozen
from .errors import (
    IgnoredColumnsWarning,
    InvalidInputError,
    InvalidNipError,
    PppkNumberWarning,
    RosterError,
    require_choice,
    require_path,
    require_type,
    unchained,
)
from .messages import Language, render_all
from .people import (
    OPD_KIND_ALIASES,
    OPD_KINDS,
    AgencyType,
    DisciplineStatus,
    Employee,
    EmploymentStatus,
    Opd,
    PositionType,
    ServiceCategory,
    canonical_kind,
    check_nip,
)
from .workbook import is_workbook, open_workbook, write_workbook

Row = tuple[int, list[str]]

OPD_COLUMNS: dict[str, str] = {
    "code": "code",
    "kode": "code",
    "kode_opd": "code",
    "name": "name",
    "nama": "name",
    "nama_opd": "name",
    "instansi": "instansi",
    "kind": "kind",
    "jenis": "kind",
    "jenis_opd": "kind",
    "service": "service",
    "layanan": "service",
    "kategori_layanan": "service",
    "headcount": "headcount",
    "jumlah_pegawai": "headcount",
    "jumlah": "headcount",
    "agency_type": "agency_type",
    "jenis_instansi": "agency_type",
    "province": "province",
    "provinsi": "province",
}
OPD_REQUIRED = ("code", "name", "instansi", "kind", "service", "headcount")

EMPLOYEE_COLUMNS: dict[str, str] = {
    "nip": "nip",
    "opd": "opd",
    "kode_opd": "opd",
    "status": "status",
    "status_kepegawaian": "status",
    "position": "position",
    "jabatan": "position",
    "jenis_jabatan": "position",
    "is_head": "is_head",
    "head": "is_head",
    "kepala": "is_head",
    "kepala_opd": "is_head",
    "frontline": "frontline",
    "garis_depan": "frontline",
    "layanan_tatap_muka": "frontline",
    "duty_days": "duty_days",
    "hari_piket": "duty_days",
    "piket": "duty_days",
    "discipline": "discipline",
    "disiplin": "discipline",
    "hukuman_disiplin": "discipline",
    "new_in_post": "new_in_post",
    "pegawai_baru": "new_in_post",
    "duties_outside_office": "duties_outside_office",
    "tugas_luar_kantor": "duties_outside_office",
    "special_circumstances": "special_circumstances",
    "keadaan_khusus": "special_circumstances",
}
EMPLOYEE_REQUIRED = ("nip", "opd")

_TRUE = {"1", "true", "ya", "yes", "y", "benar", "t"}
_FALSE = {"", "0", "false", "tidak", "no", "n", "salah", "f"}
# "t" is read as true (English); Indonesian "t" for "tidak" is ambiguous and not offered.

_ENUM_ALIASES: dict[str, dict[str, str]] = {
    "service": {
        "essential": "esensial",
        "direct": "langsung",
        "non_direct": "tidak_langsung",
        "nondirect": "tidak_langsung",
        "indirect": "tidak_langsung",
    },
    "status": {"pppk_part_time": "pppk_paruh_waktu", "paruh_waktu": "pppk_paruh_waktu"},
    "position": {"structural": "struktural", "functional": "fungsional", "executor": "pelaksana"},
    "discipline": {
        "none": "tidak_ada",
        "in_process": "dalam_proses",
        "serving": "sedang_menjalani",
        "tidak": "tidak_ada",
        "-": "tidak_ada",
    },
    "agency_type": {"civil": "sipil", "mission_abroad": "perwakilan_luar_negeri"},
}


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
            raise ValueError(
                f"employee_rows has {len(self.employee_rows)} entries for "
                f"{len(self.employees)} employees"
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
            raise InvalidInputError(f"no OPD {code!r} in the roster")
        return found

    def employees_of(self, code: str) -> tuple[Employee, ...]:
        """The employees of one OPD, in file order (indexed on first use: for a roster of
        a million employees, each OPD costs its own staff, not the whole file)."""
        self.opd(code)
        return self._staff.get(code, ())


def normal_key(header: str) -> str:
    """A CSV header or code cell as a lookup key: lower case, spaces and hyphens as ``_``."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def column_of(header: Sequence[str], index: int, known: Collection[str]) -> str | int:
    """How an error names column ``index`` (0-based) of ``header``: its heading as written
    when it is a known one (its [`normal_key`][flexasn.roster.normal_key] is in ``known``), else
    its 1-based
    position, since an unknown heading may be a NIP or a name (see the module doc)."""
    title = header[index]
    return title if normal_key(title) in known else index + 1


def unknown_heading(header: Sequence[str], index: int, known: Collection[str]) -> dict[str, str]:
    """The message (Indonesian and English) for the unknown heading of column ``index``:
    it lists the known names, never repeats the heading, and says when no heading of the
    row is known (a file without its header row, or transposed). A known name close to
    the heading is suggested."""
    columns = ", ".join(sorted(set(known)))
    if not any(normal_key(h) in known for h in header):
        return render_all("files.no_header", columns=columns)
    like = difflib.get_close_matches(normal_key(header[index]), sorted(set(known)), n=1)
    if like:
        return render_all("files.unknown_column_like", columns=columns, known=like[0])
    return render_all("files.unknown_column", columns=columns)


_END = "\ue000end\ue000"
"""A line added after a CSV file's text: a record of its own, unless a quoted cell is still
open at the end of the file (an unterminated quote), which then swallows it."""


@unchained
def read_table(path: str | Path, *, excel: bool = False) -> tuple[str, list[str], list[Row]]:
    """Read a CSV file: ``(name, header, [(row number, cells), ...])``.

    UTF-8 with or without a BOM; ``,`` or ``;`` separator (whichever the header uses);
    blank lines are skipped; row numbers count the header as row 1. With ``excel``, an
    ``.xlsx`` workbook's first sheet too (`flexasn.workbook`).
    """
    with open_table(path, excel=excel) as (name, header, rows):
        return name, header, list(rows)


@contextlib.contextmanager
def open_table(
    path: str | Path, *, excel: bool = False
) -> Iterator[tuple[str, list[str], Iterator[Row]]]:
    """[`read_table`][flexasn.roster.read_table], one row at a time: ``(name, header, rows)`` where
    ``rows``
    yields ``(row number, cells)`` as the file is read, so that a large file is never
    held in memory whole. A problem of the file (not UTF-8, malformed CSV) is raised
    where the reading reaches it; the file is closed on leaving the ``with`` block.

    With ``excel`` (rosters and schedules), a workbook (``.xlsx``) is read too, its first
    sheet as `flexasn.workbook.open_workbook` gives it; without, it is refused.
    """
    p = Path(path)
    name = str(p)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        if not excel:
            raise RosterError("Excel files are not read: save the sheet as CSV UTF-8", file=name)
        with open_workbook(p) as table:
            yield table
        return
    error: RosterError | None = None
    try:
        # newline=None, as Path.read_text: line ends are read as "\n" whatever they were
        handle = p.open(encoding="utf-8-sig")
    except FileNotFoundError:
        error = RosterError("file not found", file=name)
    except OSError as exc:
        error = RosterError(f"cannot read file ({exc.__class__.__name__})", file=name)
    if error is not None:  # raised outside the except block: no exception chain
        raise error
    with handle:
        first = _first_line(handle, name)
        delimiter = ";" if first.count(";") > first.count(",") else ","
        lines = itertools.chain((first,), handle, (_END,))
        reader = csv.reader(lines, delimiter=delimiter)
        rows = _records(reader, name)
        top = next(rows, None)
        if top is None:
            raise RosterError("the file is empty", file=name)
        yield name, [h.strip() for h in top[1]], rows


def _first_line(handle: TextIO, name: str) -> str:
    """The first line of an open text file (the others are read by the CSV reader, see
    `_records`); a decoding or reading error as a RosterError."""
    try:
        return handle.readline()
    except UnicodeDecodeError:
        error = RosterError("not UTF-8 text: save the sheet as CSV UTF-8", file=name)
    except OSError as exc:
        error = RosterError(f"cannot read file ({exc.__class__.__name__})", file=name)
    raise error  # outside the except block: the decode error (the file's bytes) is not kept


def _records(reader: Iterator[list[str]], name: str) -> Iterator[Row]:
    """The numbered records of a CSV reader (1 = the first), blank ones skipped."""
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            error = RosterError(f"malformed CSV ({exc})", file=name)
        except UnicodeDecodeError:  # from the file, read as the reader goes
            error = RosterError("not UTF-8 text: save the sheet as CSV UTF-8", file=name)
        except OSError as exc:
            error = RosterError(f"cannot read file ({exc.__class__.__name__})", file=name)
        else:
            number += 1
            if not (record and record[-1].endswith(_END)):
                if "".join(record).strip():  # a cell that is not blank
                    yield number, record
                continue
            if record == [_END]:  # the end marker, a record of its own: the file is whole
                return
            error = RosterError(
                "unterminated quote: a quoted cell that begins in this row is never closed "
                '(a closing " is missing)',
                file=name,
                row=number,
            )
        raise error


def _columns(
    name: str,
    header: list[str],
    known: dict[str, str],
    required: tuple[str, ...],
    *,
    strict: bool = True,
) -> tuple[dict[str, int], tuple[int, ...]]:
    """Map canonical field names to column indices, and list the ignored columns (0-based).

    A repeated column, a missing required one, or a first row without any known heading
    fails. An unknown heading fails when ``strict``; else its column is ignored, unless it
    is close to a known name of a column the file lacks (a typo: ``jabatn``) or a required
    column is missing (it may be that column, misnamed), which fail as in strict mode.
    """
    index: dict[str, int] = {}
    ignored: list[int] = []
    given = {known[k] for k in map(normal_key, header) if k in known}
    names = sorted(set(known))
    for i, h in enumerate(header):
        field = known.get(normal_key(h))
        if field is None:
            like = difflib.get_close_matches(normal_key(h), names, n=1) if h.strip() else []
            if strict or not given or (like and known[like[0]] not in given):
                message = unknown_heading(header, i, known)
                raise RosterError(message, file=name, row=1, column=i + 1)
            ignored.append(i)
            continue
        if field in index:
            raise RosterError(
                f"column for {field!r} given twice ({header[index[field]]!r} too)",
                file=name,
                row=1,
                column=h,
            )
        index[field] = i
    missing = [f for f in required if f not in index]
    if missing and ignored:  # an ignored heading may be the missing column, misnamed
        message = unknown_heading(header, ignored[0], known)
        raise RosterError(message, file=name, row=1, column=ignored[0] + 1)
    if missing:
        raise RosterError(f"missing column(s): {', '.join(missing)}", file=name, row=1)
    return index, tuple(ignored)


def ignored_columns(
    name: str, header: Sequence[str], ignored: Iterable[int]
) -> tuple[IgnoredColumn, ...]:
    """The [`IgnoredColumn`][flexasn.IgnoredColumn] of each 0-based index in ``ignored``."""
    out = []
    for i in ignored:
        heading = header[i].strip()
        shown = bool(heading) and len(heading) <= 40 and not re.search(r"[0-9]{5}|@", heading)
        out.append(IgnoredColumn(file=name, column=i + 1, heading=heading if shown else None))
    return tuple(out)


def warn_ignored(columns: Sequence[IgnoredColumn], stacklevel: int = 3) -> None:
    """Issue one [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] naming ``columns`` (none:
    nothing), grouped by file."""
    if not columns:
        return
    by_file: dict[str, list[tuple[int, str | None]]] = {}
    for c in columns:
        by_file.setdefault(c.file, []).append((c.column, c.heading))
    warnings.warn(IgnoredColumnsWarning(list(by_file.items())), stacklevel=stacklevel + 1)


def _bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError("use ya/tidak, yes/no, true/false or 1/0")


def _enum(field: str, values: type[Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        key = normal_key(text)
        key = _ENUM_ALIASES.get(field, {}).get(key, key)
        try:
            return values(key)
        except ValueError:
            raise ValueError(f"use one of: {', '.join(v.value for v in values)}") from None

    return parse


def _days(text: str) -> frozenset[date]:
    out = set()
    for part in re.split(r"[;,\s]+", text.strip()):
        if part:
            try:
                out.add(date.fromisoformat(part))
            except ValueError:
                raise ValueError("duty days are ISO dates (YYYY-MM-DD) separated by ';'") from None
    return frozenset(out)


def _headcount(text: str) -> int:
    value = text.strip()
    if not value.isdigit():
        raise ValueError("the headcount is a whole number, 0 or more")
    return int(value)


def _kind(text: str) -> str:
    try:
        return canonical_kind(text)
    except ValueError:
        pass
    # canonical_kind's message repeats the cell; this one does not
    raise ValueError(
        f"unknown OPD kind; use one of: {', '.join(sorted(OPD_KINDS))} "
        f"(or a local alias: {', '.join(sorted(OPD_KIND_ALIASES))})"
    )


_OPD_PARSERS: dict[str, Callable[[str], Any]] = {
    "code": str.strip,
    "name": str.strip,
    "instansi": str.strip,
    "kind": _kind,
    "service": _enum("service", ServiceCategory),
    "headcount": _headcount,
    "agency_type": _enum("agency_type", AgencyType),
    "province": lambda t: t.strip() or None,
}

_EMPLOYEE_PARSERS: dict[str, Callable[[str], Any]] = {
    "nip": str.strip,
    "opd": str.strip,
    "status": _enum("status", EmploymentStatus),
    "position": _enum("position", PositionType),
    "is_head": _bool,
    "frontline": _bool,
    "duty_days": _days,
    "discipline": _enum("discipline", DisciplineStatus),
    "new_in_post": _bool,
    "duties_outside_office": _bool,
    "special_circumstances": _bool,
}


def _fields(
    name: str,
    header: list[str],
    columns: dict[str, int],
    parsers: dict[str, Callable[[str], Any]],
    row_no: int,
    cells: list[str],
) -> dict[str, Any]:
    if len(cells) != len(header):
        raise RosterError(
            f"expected {len(header)} cells, found {len(cells)}", file=name, row=row_no
        )
    out: dict[str, Any] = {}
    for field, i in columns.items():
        cell = cells[i]
        if field in ("status", "position", "discipline", "agency_type") and not cell.strip():
            continue  # the model's default
        try:
            out[field] = parsers[field](cell)
        except ValueError as exc:
            raise RosterError(str(exc), file=name, row=row_no, column=header[i]) from None
    return out


def _model_error(
    exc: ValidationError, name: str, row_no: int, header: list[str], columns: dict[str, int]
) -> RosterError:
    first = exc.errors(include_url=False, include_input=False)[0]
    field = str(first["loc"][0]) if first["loc"] else None
    column = header[columns[field]] if field in columns else field
    message = str(first["msg"]).removeprefix("Value error, ")
    return RosterError(message, file=name, row=row_no, column=column)


@unchained
def read_opds(
    path: str | Path, *, strict: bool = False
) -> tuple[tuple[Opd, ...], dict[str, int], str]:
    """Read an OPDs file: the OPDs in file order, each code's row number, and the
    headcount column's name as written in the file. Unknown columns are ignored with an
    [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] (``strict=True``: an error)."""
    opds, rows_of, headcount, ignored = _read_opds_file(path, strict)
    warn_ignored(ignored)
    return opds, rows_of, headcount


def _read_opds_file(
    path: str | Path, strict: bool
) -> tuple[tuple[Opd, ...], dict[str, int], str, tuple[IgnoredColumn, ...]]:
    with open_table(path, excel=True) as (name, header, rows):
        return _read_opds(name, header, rows, strict=strict)


def _read_opds(
    name: str, header: list[str], rows: Iterable[Row], *, strict: bool = True
) -> tuple[tuple[Opd, ...], dict[str, int], str, tuple[IgnoredColumn, ...]]:
    columns, ignored = _columns(name, header, OPD_COLUMNS, OPD_REQUIRED, strict=strict)
    opds: list[Opd] = []
    rows_of: dict[str, int] = {}
    for row_no, cells in rows:
        fields = _fields(name, header, columns, _OPD_PARSERS, row_no, cells)
        try:
            opd = Opd.model_validate(fields)
        except ValidationError as exc:
            raise _model_error(exc, name, row_no, header, columns) from None
        if opd.code in rows_of:
            raise RosterError(
                render_all("files.same_opd", row=rows_of[opd.code]),
                file=name,
                row=row_no,
                column=header[columns["code"]],
            )
        rows_of[opd.code] = row_no
        opds.append(opd)
    if not opds:
        raise RosterError("the file lists no OPD", file=name, row=2)
    return (
        tuple(opds),
        rows_of,
        header[columns["headcount"]],
        ignored_columns(name, header, ignored),
    )


@unchained
def read_employees(
    path: str | Path, opd_codes: set[str] | None = None, *, strict: bool = False
) -> tuple[Employee, ...]:
    """Read an employees file; ``opd_codes`` (when given) are the OPDs employees may name.
    Unknown columns are ignored with an [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning]
    (``strict=True``: an error)."""
    staff = _read_employees(path, opd_codes, strict=strict)
    warn_ignored(staff.ignored)
    warn_flagged(staff.name, staff.flagged)
    return staff.employees


class _Staff(NamedTuple):
    """What `_read_employees` reads."""

    name: str
    employees: tuple[Employee, ...]
    rows: tuple[int, ...]
    ignored: tuple[IgnoredColumn, ...]
    flagged: tuple[int, ...]


def _possible_date(digits: str) -> bool:
    """Whether eight digits are a possible date ``YYYYMMDD``."""
    try:
        date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return True


def warn_flagged(name: str, rows: Sequence[int], stacklevel: int = 3) -> None:
    """Issue one [`PppkNumberWarning`][flexasn.PppkNumberWarning] for ``rows`` (none: nothing)."""
    if rows:
        warnings.warn(PppkNumberWarning(name, rows), stacklevel=stacklevel + 1)


_PROFILES_KEPT = 4096
"""How many distinct rows (all cells but the NIP and the OPD) `_read_employees`
keeps parsed: real rosters have a few dozen; beyond the limit rows are parsed one by one."""


def _employee_builder() -> Callable[[set[str], dict[str, Any]], Employee]:
    """A function building an [`Employee`][flexasn.Employee] from all its fields, already checked,
    in
    the model's order: what ``Employee.model_construct`` does, at a fraction of its cost,
    or ``model_construct`` itself if pydantic's model layout is not the one expected.
    ``tests/test_bounds.py`` holds the result equal to ``model_validate``'s.
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
            (field, i, _EMPLOYEE_PARSERS[field])
            for field, i in columns.items()
            if field not in ("nip", "opd")
        ]
        self.key = operator.itemgetter(*(i for _, i, _ in self.parsers)) if self.parsers else None
        self.template: dict[str, Any] = {
            name: None if info.is_required() else info.get_default(call_default_factory=True)
            for name, info in Employee.model_fields.items()
        }
        self.kept: dict[Any, tuple[dict[str, Any], set[str], EmploymentStatus]] = {}
        self.given: dict[frozenset[str], set[str]] = {}

    def of(
        self, row_no: int, cells: list[str]
    ) -> tuple[dict[str, Any], set[str], EmploymentStatus]:
        """The parsed row; a bad cell raises the RosterError of its column (the first
        from the left)."""
        key = self.key(cells) if self.key is not None else ()
        found = self.kept.get(key)
        if found is not None:
            return found
        fields: dict[str, Any] = {}
        for field, i, parse in self.parsers:
            cell = cells[i]
            if field in ("status", "position", "discipline") and not cell.strip():
                continue  # the model's default
            try:
                fields[field] = parse(cell)
            except ValueError as exc:
                raise RosterError(
                    str(exc), file=self.name, row=row_no, column=self.header[i]
                ) from None
        values = {**self.template, **fields}
        names = frozenset(("nip", "opd", *fields))
        given = self.given.setdefault(names, set(names))
        found = (values, given, fields.get("status", EmploymentStatus.PNS))
        if len(self.kept) < _PROFILES_KEPT:
            self.kept[key] = found
        return found


def _read_employees(path: str | Path, opd_codes: set[str] | None, *, strict: bool = True) -> _Staff:
    """The employees of a file and the row of each (1 = the header).

    Made for files of a million rows: the file is read one row at a time; the cells
    other than the NIP and the OPD are parsed once per distinct combination
    (`_Profiles`), the NIP once per row ([`check_nip`][flexasn.people.check_nip]); each
    employee is built from the checked fields without validating them again, and shares
    its OPD's code with the others. The errors are those of validating row by row, in the
    same order: the cell count, each column from the left, the NIP, a NIP given twice,
    the OPD, the model. Cells of ignored columns are counted, never kept.

    A PPPK number is checked for its 18 digits only (its layout is not assumed, see
    [`parse_nip`][flexasn.parse_nip]); one whose first eight digits are not a possible
    date, where a NIP keeps the birth date, is kept and its row flagged.
    """
    flagged: list[int] = []
    with open_table(path, excel=True) as (name, header, rows):
        columns, ignored = _columns(
            name, header, EMPLOYEE_COLUMNS, EMPLOYEE_REQUIRED, strict=strict
        )
        nip_i, opd_i = columns["nip"], columns["opd"]
        nip_col, opd_col = header[nip_i], header[opd_i]
        profiles = _Profiles(name, header, columns)
        codes = None if opd_codes is None else {code: code for code in opd_codes}
        build = _employee_builder()
        today = date.today()
        width = len(header)
        employees: list[Employee] = []
        seen: dict[str, int] = {}
        for row_no, cells in rows:
            if len(cells) != width:
                raise RosterError(
                    f"expected {width} cells, found {len(cells)}", file=name, row=row_no
                )
            parsed, given, status = profiles.of(row_no, cells)
            nip, opd = cells[nip_i].strip(), cells[opd_i].strip()
            try:
                parts = check_nip(nip, status=status, today=today)
            except InvalidNipError as exc:
                raise RosterError(str(exc), file=name, row=row_no, column=nip_col) from None
            if parts is None and not _possible_date(nip):  # a PPPK number: flagged only
                flagged.append(row_no)
            if nip in seen:
                raise RosterError(
                    f"the same NIP as row {seen[nip]}", file=name, row=row_no, column=nip_col
                )
            seen[nip] = row_no
            if codes is not None:
                code = codes.get(opd)
                if code is None:
                    raise RosterError(
                        render_all("files.unknown_opd"), file=name, row=row_no, column=opd_col
                    )
                opd = code  # one string per OPD, not one per employee
            if not opd:  # the model's only rule the parsers do not apply: its error
                fields = {k: v for k, v in parsed.items() if k in given}
                try:
                    Employee.model_validate({**fields, "nip": nip, "opd": opd})
                except ValidationError as exc:
                    raise _model_error(exc, name, row_no, header, columns) from None
            values = parsed.copy()
            values["nip"], values["opd"] = nip, opd
            employees.append(build(given, values))
    return _Staff(
        name,
        tuple(employees),
        tuple(seen.values()),
        ignored_columns(name, header, ignored),
        tuple(flagged),
    )


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
    opd_list, rows_of, headcount_column, opd_ignored = _read_opds_file(opds, strict)
    read = _read_employees(employees, set(rows_of), strict=strict)
    staff, staff_rows = read.employees, read.rows
    counts = Counter(e.opd for e in staff)
    mismatches = tuple(
        HeadcountMismatch(
            opd=o.code, headcount=o.headcount, employees=counts[o.code], row=rows_of[o.code]
        )
        for o in opd_list
        if o.headcount != counts[o.code]
    )
    if mismatches and check_headcount:
        m = mismatches[0]
        more = f" (and {len(mismatches) - 1} more OPDs)" if len(mismatches) > 1 else ""
        raise RosterError(
            f"OPD {m.opd!r} declares a headcount of {m.headcount} but the employees file "
            f"{Path(employees).name} lists {m.employees}{more}; for a partial roster pass "
            "check_headcount=False (flexasn ... --partial at the command line)",
            file=str(Path(opds)),
            row=m.row,
            column=headcount_column,
        )
    warn_ignored((*opd_ignored, *read.ignored))
    warn_flagged(read.name, read.flagged)
    # built from checked parts: validating the roster again would re-run each
    # employee's NIP check (pydantic runs a nested model's after-validators again)
    return Roster.model_construct(
        opds=opd_list,
        employees=staff,
        mismatches=mismatches,
        employee_rows=staff_rows,
        ignored_columns=(*opd_ignored, *read.ignored),
        flagged_rows=read.flagged,
    )


OPD_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("kode", "nama", "instansi", "jenis", "layanan", "jumlah_pegawai", "jenis_instansi"),
    "en": ("code", "name", "instansi", "kind", "service", "headcount", "agency_type"),
}
"""The headings [`write_roster`][flexasn.write_roster] writes to an OPDs file, per language."""
EMPLOYEE_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": (
        "nip",
        "kode_opd",
        "status",
        "jabatan",
        "kepala",
        "garis_depan",
        "hari_piket",
        "disiplin",
        "pegawai_baru",
        "tugas_luar_kantor",
        "keadaan_khusus",
    ),
    "en": (
        "nip",
        "opd",
        "status",
        "position",
        "is_head",
        "frontline",
        "duty_days",
        "discipline",
        "new_in_post",
        "duties_outside_office",
        "special_circumstances",
    ),
}
"""The headings [`write_roster`][flexasn.write_roster] writes to an employees file, per language."""


def _yes(value: bool, lang: str) -> str:
    return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")


def roster_tables(
    roster: Roster, lang: Language = "id"
) -> tuple[tuple[list[str], list[list[object]]], tuple[list[str], list[list[object]]]]:
    """The OPDs and employees tables [`write_roster`][flexasn.write_roster] writes: ``(header,
    rows)`` each."""
    opds: list[list[object]] = [
        [o.code, o.name, o.instansi, o.kind, o.service.value, o.headcount, o.agency_type.value]
        for o in roster.opds
    ]
    staff: list[list[object]] = [
        [
            e.nip,
            e.opd,
            e.status.value,
            e.position.value,
            _yes(e.is_head, lang),
            _yes(e.frontline, lang),
            ";".join(d.isoformat() for d in sorted(e.duty_days)),
            e.discipline.value,
            _yes(e.new_in_post, lang),
            _yes(e.duties_outside_office, lang),
            _yes(e.special_circumstances, lang),
        ]
        for e in roster.employees
    ]
    return (list(OPD_HEADINGS[lang]), opds), (list(EMPLOYEE_HEADINGS[lang]), staff)


def _write_table(path: str | Path, header: list[str], rows: list[list[object]], title: str) -> None:
    if is_workbook(path):
        write_workbook(path, header, rows, title=title)
        return
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    Path(path).write_text(buf.getvalue(), encoding="utf-8")


@unchained
def write_roster(
    roster: Roster, opds: str | Path, employees: str | Path, *, lang: Language = "id"
) -> None:
    """Write a roster as an OPDs file and an employees file that
    [`read_roster`][flexasn.read_roster] reads
    back: CSV (UTF-8), or an Excel workbook for a path ending in ``.xlsx`` (needs the
    ``xlsx`` extra; NIPs are written as text). Headings in Indonesian (``lang="id"``,
    default) or English. The files hold the roster's NIPs: keep them as the roster is kept.
    """
    require_type(roster, Roster, "roster")
    require_path(opds, "opds")
    require_path(employees, "employees")
    require_choice(lang, OPD_HEADINGS, "lang")
    (opd_header, opd_rows), (staff_header, staff_rows) = roster_tables(roster, lang)
    _write_table(opds, opd_header, opd_rows, "opd")
    _write_table(employees, staff_header, staff_rows, "pegawai")


__all__ = [
    "EMPLOYEE_COLUMNS",
    "EMPLOYEE_REQUIRED",
    "OPD_COLUMNS",
    "OPD_REQUIRED",
    "HeadcountMismatch",
    "IgnoredColumn",
    "Roster",
    "Row",
    "column_of",
    "ignored_columns",
    "normal_key",
    "open_table",
    "read_employees",
    "read_opds",
    "read_roster",
    "read_table",
    "roster_tables",
    "unknown_heading",
    "warn_flagged",
    "warn_ignored",
    "write_roster",
]
