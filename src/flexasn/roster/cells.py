"""The columns of the two roster files and how each cell is read: the headings accepted
(Indonesian or English, after [`normal_key`][flexasn.roster.normal_key]) and one parser per
field, raising [`CellError`][flexasn.roster.cells.CellError] (a catalogue key) for a bad cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..errors import RosterError
from ..messages import render_all
from ..people import (
    AgencyType,
    DisciplineStatus,
    EmploymentStatus,
    PositionType,
    ServiceCategory,
    canonical_kind,
    opd_kind_aliases,
    opd_kinds,
)
from .columns import ISO_DATE, first_error, iso_date, normal_key

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

_ENGLISH_HEADINGS = (
    "code name kind service headcount agency_type province position is_head head frontline"
    " duty_days discipline new_in_post duties_outside_office special_circumstances"
)
_INDONESIAN_HEADINGS = (
    "kode kode_opd nama nama_opd jenis jenis_opd layanan kategori_layanan jumlah_pegawai jumlah"
    " jenis_instansi provinsi status_kepegawaian jabatan jenis_jabatan kepala kepala_opd"
    " garis_depan layanan_tatap_muka hari_piket piket disiplin hukuman_disiplin pegawai_baru"
    " tugas_luar_kantor keadaan_khusus"
)
HEADING_LANGUAGES: dict[str, str] = {
    **dict.fromkeys(_ENGLISH_HEADINGS.split(), "en"),
    **dict.fromkeys(_INDONESIAN_HEADINGS.split(), "id"),
}
"""The language of each heading of [`OPD_COLUMNS`][flexasn.roster.cells.OPD_COLUMNS] and
[`EMPLOYEE_COLUMNS`][flexasn.roster.cells.EMPLOYEE_COLUMNS] that belongs to one (``"id"``
or ``"en"``); the others (``nip``, ``opd``, ``instansi``, ``status``) belong to both. An
error for an unknown heading lists, in each language, that language's headings."""

DEFAULTED = frozenset({"status", "position", "discipline", "agency_type"})
"""Fields whose empty cell means the model's default."""

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


class CellError(ValueError):
    """A bad cell: the catalogue ``key`` of what is wrong, and its ``params`` (the reader
    adds where: file, row, column). Never holds the cell's value."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def messages(self) -> dict[str, str]:
        """What is wrong, in every language."""
        return render_all(self.key, **self.params)


def _bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError("roster_file.yes_no")


def _enum(field: str, values: type[Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        key = normal_key(text)
        key = _ENUM_ALIASES.get(field, {}).get(key, key)
        try:
            return values(key)
        except ValueError:
            pass
        raise CellError("roster_file.one_of", values=", ".join(v.value for v in values))

    return parse


def duty_day_parts(text: str) -> list[str]:
    """The parts of a duty-days cell, in order: ``text`` split at ``;``, ``,`` or spaces,
    empty parts dropped. Each part should be an ISO date
    (``iso_date``); the one duty-day grammar, shared by the
    roster readers and the simulation's DataFrame input."""
    return [part for part in re.split(r"[;,\s]+", text.strip()) if part]


def duty_days_or_bad_part(text: str) -> frozenset[date] | str:
    """The days of a duty-days cell, each once, or else its first part that is not a
    plain ISO date (a ``str``), for the caller to say in its own words: the one loop of
    the duty-day grammar ([`duty_day_parts`][flexasn.roster.cells.duty_day_parts] and
    [`iso_date`][flexasn.roster.columns.iso_date]), shared by
    [`parse_duty_days`][flexasn.roster.cells.parse_duty_days] (whose error never repeats
    the cell) and the simulation's DataFrame input (whose error names the bad part)."""
    days = set()
    for part in duty_day_parts(text):
        day = iso_date(part)
        if day is None:
            return part
        days.add(day)
    return frozenset(days)


def parse_duty_days(text: str) -> frozenset[date]:
    """A duty-days cell (``hari_piket``): ISO dates (``YYYY-MM-DD``) separated by ``;``
    (``,`` or spaces are read too); an empty cell is no day. Anything else raises
    [`CellError`][flexasn.roster.cells.CellError] (``roster_file.duty_days``; a day written
    right that does not exist, ``2025-02-30``: ``policy_error.no_such_date``), never
    repeating the cell. The one duty-day grammar of the readers."""
    days = duty_days_or_bad_part(text)
    if isinstance(days, str):  # a part of the cell: not repeated
        if re.fullmatch(ISO_DATE, days):
            raise CellError("policy_error.no_such_date")
        raise CellError("roster_file.duty_days")
    return days


def _headcount(text: str) -> int:
    value = text.strip()
    if not value.isdigit():
        raise CellError("roster_file.headcount")
    return int(value)


def _kind(text: str) -> str:
    try:
        return canonical_kind(text)
    except ValueError:
        pass
    # canonical_kind's message repeats the cell; this one does not
    raise CellError(
        "roster_file.kind",
        kinds=", ".join(sorted(opd_kinds())),
        aliases=", ".join(sorted(opd_kind_aliases())),
    )


OPD_PARSERS: dict[str, Callable[[str], Any]] = {
    "code": str.strip,
    "name": str.strip,
    "instansi": str.strip,
    "kind": _kind,
    "service": _enum("service", ServiceCategory),
    "headcount": _headcount,
    "agency_type": _enum("agency_type", AgencyType),
    "province": lambda t: t.strip() or None,
}
"""How each cell of an OPDs file is read."""

EMPLOYEE_PARSERS: dict[str, Callable[[str], Any]] = {
    "nip": str.strip,
    "opd": str.strip,
    "status": _enum("status", EmploymentStatus),
    "position": _enum("position", PositionType),
    "is_head": _bool,
    "frontline": _bool,
    "duty_days": parse_duty_days,
    "discipline": _enum("discipline", DisciplineStatus),
    "new_in_post": _bool,
    "duties_outside_office": _bool,
    "special_circumstances": _bool,
}
"""How each cell of an employees file is read."""


def parse_cells(
    parsers: list[tuple[str, int, Callable[[str], Any]]],
    cells: list[str],
    where: tuple[str, int, list[str]],
) -> dict[str, Any]:
    """The fields of a row: each ``(field, index, parser)`` applied to its cell, an empty
    cell of a [`DEFAULTED`][flexasn.roster.cells.DEFAULTED] field left to the model's default.
    A bad cell raises the RosterError of its column (the first from the left); ``where``
    is ``(file, row, header)``."""
    out: dict[str, Any] = {}
    for field, i, parse in parsers:
        cell = cells[i]
        if field in DEFAULTED and not cell.strip():
            continue  # the model's default
        try:
            out[field] = parse(cell)
        except CellError as exc:
            name, row_no, header = where
            raise RosterError(exc.messages(), file=name, row=row_no, column=header[i]) from None
    return out


def model_error(
    exc: ValidationError, name: str, row_no: int, header: list[str], columns: dict[str, int]
) -> RosterError:
    """The RosterError for a row the model refuses: its first error in plain words in every
    language ([`first_error`][flexasn.roster.columns.first_error]), at the column of the
    field (named by the field where the file has no such column); the row's cells are
    never repeated."""
    loc, message = first_error(exc)
    field = str(loc[0]) if loc else None
    column = header[columns[field]] if field in columns else field
    return RosterError(message, file=name, row=row_no, column=column)


__all__ = [
    "DEFAULTED",
    "EMPLOYEE_COLUMNS",
    "EMPLOYEE_PARSERS",
    "EMPLOYEE_REQUIRED",
    "HEADING_LANGUAGES",
    "OPD_COLUMNS",
    "OPD_PARSERS",
    "OPD_REQUIRED",
    "CellError",
    "duty_day_parts",
    "duty_days_or_bad_part",
    "model_error",
    "parse_cells",
    "parse_duty_days",
]
