"""The register of instansi: every regional government of Indonesia, and ``nasional``.

``flexasn/data/regions.csv`` lists each province, kabupaten and kota that is a regional
government (an autonomous region, *daerah otonom*) with its Kemendagri code and its time
zone; ``flexasn/data/regions.toml`` cites where they come from (the Kepmendagri on region
codes, the dataset read and its commit, Keppres 41/1987 on the three time zones) and with
what confidence. ``scripts/gen_regions.py`` writes the CSV; nothing here reads the network.

DKI Jakarta's Kabupaten Administrasi Kepulauan Seribu and its five Kota Administrasi are
administrative areas of the province, not regional governments: they are not in the
register (the decree's counts of 416 kabupaten and 98 kota include them; the register
holds 415 and 93).

The files are read once, lazily, and checked: a duplicate id or code, an id that does not
follow the slug rule, a code of the wrong pattern, a province that is not a province of the
file, a kabupaten or kota whose code is not under its province's code, or a time zone other
than the one regions.toml gives the province fails with a
:class:`~flexasn.errors.PolicyDataError` naming the file, the line (the CSV row, the header
being line 1), the field and the entry.

>>> from flexasn.register import instansi
>>> instansi("kab-malang").code
'35.07'
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import Field, ValidationError, model_validator

from ._loader import bundled_text, data_error, parse_toml
from ._model import Frozen, field_error
from .errors import InvalidInputError, PolicyDataError, UnknownPolicyError
from .legal import Confidence, Source
from .policy import Level

REGIONS_FILE = "regions.csv"
"""The register's rows, under ``flexasn/data``."""
SOURCE_FILE = "regions.toml"
"""The register's citation and the time zone of each province, under ``flexasn/data``."""
NASIONAL = "nasional"
"""The id of the central government (any central agency): no province, no code."""
COLUMNS = ("id", "name", "level", "province", "code", "timezone")
"""The columns of regions.csv, in order."""

TimeZone = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
"""WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9), as IANA names them."""
TIME_ZONES: tuple[TimeZone, ...] = get_args(TimeZone)

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID = re.compile(rf"^{_SLUG}$")
_PREFIX: Mapping[Level, str] = MappingProxyType(
    {Level.PROVINSI: "prov-", Level.KABUPATEN: "kab-", Level.KOTA: "kota-"}
)
# Kemendagri codes: a province "35"; a kabupaten "35.01"-"35.69"; a kota "35.71"-"35.99".
_CODE: Mapping[Level, re.Pattern[str]] = MappingProxyType(
    {
        Level.PROVINSI: re.compile(r"^[1-9][0-9]$"),
        Level.KABUPATEN: re.compile(r"^[1-9][0-9]\.(?:0[1-9]|[1-6][0-9])$"),
        Level.KOTA: re.compile(r"^[1-9][0-9]\.[7-9][0-9]$"),
    }
)
_CODE_HELP: Mapping[Level, str] = MappingProxyType(
    {
        Level.PROVINSI: "two digits ('35')",
        Level.KABUPATEN: "the province's code, a dot and 01-69 ('35.07')",
        Level.KOTA: "the province's code, a dot and 71-99 ('35.73')",
    }
)


class Instansi(Frozen):
    """A government agency flexasn answers for: a regional government, or ``nasional``.

    ``province`` is the id of the province the instansi lies in (a province's own id for a
    province; ``None`` for ``nasional``); ``code`` the Kemendagri region code (``"35"``,
    ``"35.07"``; ``None`` for ``nasional``); ``timezone`` where its working hours are read
    (Perpres 21/2023: 07.30 local time, WIB / WITA / WIT).
    """

    id: Annotated[str, Field(pattern=_ID.pattern)]
    name: str = Field(min_length=1)
    level: Level
    province: str | None = None
    code: str | None = None
    timezone: TimeZone

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        name = type(self).__name__
        if self.level is Level.PUSAT:
            for field in ("province", "code"):
                if getattr(self, field) is not None:
                    raise field_error(name, field, ValueError(f"a pusat instansi has no {field}"))
            return self
        prefix = _PREFIX[self.level]
        if not self.id.startswith(prefix):
            raise field_error(
                name, "id", ValueError(f"the id of a {self.level.value} starts with {prefix!r}")
            )
        if self.code is None or not _CODE[self.level].match(self.code):
            raise field_error(
                name,
                "code",
                ValueError(
                    f"{self.code!r} is not the code of a {self.level.value}: "
                    f"{_CODE_HELP[self.level]}"
                ),
            )
        if self.province is None or not self.province.startswith(_PREFIX[Level.PROVINSI]):
            raise field_error(
                name, "province", ValueError(f"{self.province!r} is not a province id (prov-…)")
            )
        if self.level is Level.PROVINSI and self.province != self.id:
            raise field_error(name, "province", ValueError("a province's province is its own id"))
        return self


NASIONAL_INSTANSI = Instansi(
    id=NASIONAL, name="Instansi Pemerintah Pusat", level=Level.PUSAT, timezone="Asia/Jakarta"
)
"""The central government: national instruments only, hours read in WIB."""


class RegisterSource(Frozen):
    """Where the register's rows come from (``[source]`` of regions.toml)."""

    decree_kind: str = Field(min_length=1)
    decree_number: str = Field(min_length=1)
    decree_title: str = Field(min_length=1)
    decree_signed: date
    decree_sources: tuple[Source, ...] = Field(min_length=1)
    decree_confidence: Confidence
    dataset: Annotated[str, Field(pattern=r"^https?://\S+$")]
    dataset_file: str = Field(min_length=1)
    dataset_commit: Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")]
    dataset_file_last_changed: str = Field(min_length=1)
    dataset_file_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    dataset_licence: str = Field(min_length=1)
    retrieved: date
    confidence: Confidence
    excluded: str
    corrections: str


class TimeZoneSource(Frozen):
    """The instrument dividing Indonesia into three time zones, and each province's zone."""

    instrument: str = Field(min_length=1)
    signed: date
    in_force: date
    confidence: Confidence
    sources: tuple[Source, ...] = Field(min_length=1)
    provinces: dict[TimeZone, tuple[str, ...]]

    def zone_of(self) -> dict[str, TimeZone]:
        """Province id -> time zone."""
        return {p: zone for zone, provinces in self.provinces.items() for p in provinces}

    @model_validator(mode="after")
    def _each_province_once(self) -> Self:
        listed = [p for provinces in self.provinces.values() for p in provinces]
        twice = sorted({p for p in listed if listed.count(p) > 1})
        if twice:
            raise ValueError(f"provinces in more than one zone: {', '.join(twice)}")
        return self


class RegisterCitation(Frozen):
    """The citation of the register: regions.toml, validated."""

    source: RegisterSource
    timezone: TimeZoneSource


def parse_citation(data: Mapping[str, Any], name: str, text: str | None) -> RegisterCitation:
    """Validate regions.toml's content; a bad entry raises PolicyDataError (file, field, line)."""
    try:
        return RegisterCitation.model_validate(data)
    except ValidationError as exc:
        raise data_error(exc, name, text) from None


def parse_register(
    name: str, text: str, zones: Mapping[str, TimeZone] | None = None
) -> tuple[Instansi, ...]:
    """Read and check the register's CSV text (``name`` is how errors name the file).

    ``zones`` (province id -> time zone, as regions.toml gives them) is checked against
    every row when given. Rows come back in file order.
    """
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise PolicyDataError(f"the header must be {','.join(COLUMNS)}", file=name, line=1)

    def fail(line: int, entry: str, field: str | None, what: str) -> PolicyDataError:
        return PolicyDataError(f"{entry}: {what}", file=name, field=field, line=line)

    rows: list[tuple[int, Instansi]] = []
    by_id: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for fields in reader:
        line = reader.line_num
        if not fields:
            continue
        entry = f"row {line}"
        if len(fields) != len(COLUMNS):
            raise fail(line, entry, None, f"{len(fields)} fields, expected {len(COLUMNS)}")
        record: dict[str, str | None] = {
            column: value.strip() or None for column, value in zip(COLUMNS, fields, strict=True)
        }
        entry = f"{entry} ({record['id']})" if record["id"] else entry
        try:
            item = Instansi.model_validate(record)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            field = str(first["loc"][0]) if first["loc"] else None
            raise fail(
                line, entry, field, str(first["msg"]).removeprefix("Value error, ")
            ) from None
        if item.level is Level.PUSAT:
            raise fail(line, entry, "level", "the register lists regional governments only")
        if item.id in by_id:
            raise fail(line, entry, "id", f"duplicate id (first on line {by_id[item.id]})")
        assert item.code is not None  # every regional level has one (checked by Instansi)
        if item.code in by_code:
            raise fail(line, entry, "code", f"duplicate code (first on line {by_code[item.code]})")
        by_id[item.id] = by_code[item.code] = line
        rows.append((line, item))

    provinces = {item.id: item for _, item in rows if item.level is Level.PROVINSI}
    for line, item in rows:
        entry = f"row {line} ({item.id})"
        assert item.province is not None and item.code is not None
        province = provinces.get(item.province)
        if province is None:
            raise fail(line, entry, "province", f"{item.province!r} is not a province of the file")
        assert province.code is not None
        if item.level is not Level.PROVINSI and not item.code.startswith(f"{province.code}."):
            raise fail(
                line,
                entry,
                "code",
                f"{item.code!r} is not under its province's code {province.code!r}",
            )
        expected = province.timezone if zones is None else zones.get(item.province)
        if expected is None:
            raise fail(line, entry, "province", f"{SOURCE_FILE} gives no time zone for it")
        if item.timezone != expected:
            raise fail(
                line,
                entry,
                "timezone",
                f"{item.timezone!r}, but {item.province} is in {expected!r} "
                f"({SOURCE_FILE}, Keppres 41/1987)",
            )
    return tuple(item for _, item in rows)


@functools.cache
def register_source() -> RegisterCitation:
    """The citation of the bundled register: decree, dataset and commit, confidence, and the
    time zone of each province with the instrument behind it."""
    name, text = bundled_text(SOURCE_FILE)
    return parse_citation(parse_toml(name, text), name, text)


@functools.cache
def register() -> tuple[Instansi, ...]:
    """Every regional government in the register (38 provinces, 415 kabupaten, 93 kota), in
    the order of their Kemendagri codes; ``nasional`` is not among them."""
    name, text = bundled_text(REGIONS_FILE)
    zones = register_source().timezone.zone_of()
    rows = parse_register(name, text, zones)
    missing = sorted(set(zones) - {i.id for i in rows if i.level is Level.PROVINSI})
    if missing:
        raise PolicyDataError(
            f"provinces with a time zone in {SOURCE_FILE} but no row: {', '.join(missing)}",
            file=name,
        )
    return rows


@functools.cache
def _index() -> Mapping[str, Instansi]:
    index = {item.id: item for item in register()}
    index[NASIONAL] = NASIONAL_INSTANSI
    return MappingProxyType(index)


@functools.cache
def instansi_ids() -> tuple[str, ...]:
    """Every id :func:`instansi` answers for (the register's and ``nasional``), sorted."""
    return tuple(sorted(_index()))


def closest_ids(instansi_id: str, n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` known ids closest to ``instansi_id``, best first (``difflib``); case and
    surrounding spaces are ignored. ``()`` when none is close."""
    if not isinstance(instansi_id, str):
        raise InvalidInputError(f"instansi id must be a string, not {type(instansi_id).__name__}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidInputError(f"n must be a positive whole number, not {n!r}")
    query = instansi_id.strip().lower()
    return tuple(difflib.get_close_matches(query, instansi_ids(), n=n, cutoff=0.6))


def unknown_instansi_error(instansi_id: str) -> UnknownPolicyError:
    """The error for an id outside the register: :class:`~flexasn.errors.UnknownPolicyError`,
    whose message names the closest known ids (``did you mean 'kab-malang'?``)."""
    return UnknownPolicyError(instansi_id, instansi_ids())


def instansi(instansi_id: str) -> Instansi:
    """The instansi with this id: ``"nasional"`` or a regional government of the register
    (``"kab-malang"``, ``"kota-malang"``, ``"prov-jatim"``).

    An id outside the register raises :class:`~flexasn.errors.UnknownPolicyError` whose
    message names the closest known ids.
    """
    if not isinstance(instansi_id, str):
        raise InvalidInputError(f"instansi id must be a string, not {type(instansi_id).__name__}")
    found = _index().get(instansi_id)
    if found is None:
        raise unknown_instansi_error(instansi_id)
    return found


__all__ = [
    "COLUMNS",
    "NASIONAL",
    "NASIONAL_INSTANSI",
    "REGIONS_FILE",
    "SOURCE_FILE",
    "TIME_ZONES",
    "Instansi",
    "RegisterCitation",
    "RegisterSource",
    "TimeZone",
    "TimeZoneSource",
    "closest_ids",
    "instansi",
    "instansi_ids",
    "parse_citation",
    "parse_register",
    "register",
    "register_source",
    "unknown_instansi_error",
]
