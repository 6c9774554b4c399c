"""The register of instansi: every regional government of Indonesia, DKI Jakarta's six
administrative areas, and ``nasional``.

``flexasn/data/regions.csv`` lists each province, kabupaten and kota of the Kemendagri
list with its code and its time zone; ``flexasn/data/regions.toml`` cites where they come
from (the Kepmendagri on region codes, the dataset read and its commit, Keppres 41/1987 on
the three time zones) and with what confidence. ``scripts/gen_regions.py`` writes the CSV;
nothing here reads the network.

The register holds 552 entries, the decree's 38 provinces, 416 kabupaten and 98 kota: 546
regional governments (autonomous regions, *daerah otonom*) and the six administrative areas
of DKI Jakarta, its Kabupaten Administrasi Kepulauan Seribu and five Kota Administrasi. Those
six are not regional governments: their civil servants are employees of the provincial
government. They are in the register so that every id of the decree gets an answer, with
``administrative=True`` and ``parent="prov-dki-jakarta"``; `autonomous_ids` lists the
546 others.

The files are read once, lazily, and checked: a duplicate id or code, an id that does not
follow the slug rule, a code of the wrong pattern, a province that is not a province of the
file, a kabupaten or kota whose code is not under its province's code, an ``administrative``
other than ``true`` or ``false``, an administrative area outside DKI Jakarta, or a time zone
other than the one regions.toml gives the province fails with a
[`PolicyDataError`][flexasn.PolicyDataError] naming the file, the line (the CSV row, the header
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
from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import Field, ValidationError, model_validator

from ._loader import bundled_text, data_error, parse_toml
from ._model import Frozen, field_error
from .errors import InvalidInputError, PolicyDataError, UnknownPolicyError, require_type
from .errors.plain import plain_words
from .legal import Confidence, Source
from .messages import LANGUAGES, Text, render_all
from .people import Level

REGIONS_FILE = "regions.csv"
"""The register's rows, under ``flexasn/data``."""
SOURCE_FILE = "regions.toml"
"""The register's citation and the time zone of each province, under ``flexasn/data``."""
NASIONAL = "nasional"
"""The id of the central government (any central agency): no province, no code."""
COLUMNS = ("id", "name", "level", "province", "code", "timezone", "administrative")
"""The columns of regions.csv, in order (``administrative`` is ``true`` or ``false``)."""
ADMINISTRATIVE_PROVINCE = "prov-dki-jakarta"
"""The only province with administrative areas (kabupaten / kota administrasi) in the
register: DKI Jakarta, whose autonomy lies at the level of the province."""

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
_CODE_HELP: Mapping[Level, Text] = MappingProxyType(
    {
        Level.PROVINSI: Text("instansi.code_provinsi"),
        Level.KABUPATEN: Text("instansi.code_kabupaten"),
        Level.KOTA: Text("instansi.code_kota"),
    }
)


class Instansi(Frozen):
    """A government agency flexasn answers for: a regional government, or ``nasional``.

    ``province`` is the id of the province the instansi lies in (a province's own id for a
    province; ``None`` for ``nasional``); ``code`` the Kemendagri region code (``"35"``,
    ``"35.07"``; ``None`` for ``nasional``); ``timezone`` where its working hours are read
    (Perpres 21/2023: 07.30 local time, WIB / WITA / WIT).

    ``administrative`` is true for the six administrative areas of DKI Jakarta (Kabupaten
    Administrasi Kepulauan Seribu and the five Kota Administrasi), which are not regional
    governments; ``parent`` is then the regional government whose civil servants work
    there, ``"prov-dki-jakarta"``. Every other instansi has ``parent=None``.
    """

    id: Annotated[str, Field(pattern=_ID.pattern)]
    name: str = Field(min_length=1)
    level: Level
    province: str | None = None
    code: str | None = None
    timezone: TimeZone
    administrative: bool = False
    parent: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        name = type(self).__name__
        self._check_administrative(name)
        if self.level is Level.PUSAT:
            for field in ("province", "code"):
                if getattr(self, field) is not None:
                    raise field_error(
                        name, field, InvalidInputError(Text("instansi.pusat_field", field=field))
                    )
            return self
        prefix = _PREFIX[self.level]
        if not self.id.startswith(prefix):
            raise field_error(
                name,
                "id",
                InvalidInputError(
                    Text("instansi.id_prefix", level=self.level.value, prefix=prefix)
                ),
            )
        if self.code is None or not _CODE[self.level].match(self.code):
            raise field_error(
                name,
                "code",
                InvalidInputError(
                    Text(
                        "instansi.code",
                        code=self.code,
                        level=self.level.value,
                        rule=_CODE_HELP[self.level],
                    )
                ),
            )
        if self.province is None or not self.province.startswith(_PREFIX[Level.PROVINSI]):
            raise field_error(
                name,
                "province",
                InvalidInputError(Text("instansi.province", province=self.province)),
            )
        if self.level is Level.PROVINSI and self.province != self.id:
            raise field_error(name, "province", InvalidInputError(Text("instansi.own_province")))
        return self

    def _check_administrative(self, name: str) -> None:
        if not self.administrative:
            if self.parent is not None:
                raise field_error(
                    name, "parent", InvalidInputError(Text("instansi.parent_only_administrative"))
                )
            return
        if self.level not in (Level.KABUPATEN, Level.KOTA):
            raise field_error(
                name,
                "administrative",
                InvalidInputError(Text("instansi.not_administrative", level=self.level.value)),
            )
        if self.province != ADMINISTRATIVE_PROVINCE:
            raise field_error(
                name,
                "administrative",
                InvalidInputError(
                    Text("instansi.administrative_province", province=ADMINISTRATIVE_PROVINCE)
                ),
            )
        if self.parent is None or not self.parent.startswith(_PREFIX[Level.PROVINSI]):
            raise field_error(
                name,
                "parent",
                InvalidInputError(Text("instansi.parent_not_province", parent=self.parent)),
            )
        if self.parent != self.province:
            raise field_error(
                name,
                "parent",
                InvalidInputError(Text("instansi.parent_province", province=self.province)),
            )


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
    administrative: str
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
            raise InvalidInputError(Text("instansi.zone_twice", provinces=", ".join(twice)))
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


def _problem(
    name: str,
    line: int,
    entry: str | None,
    field: str | None,
    key: str,
    said: Mapping[str, str] | None = None,
    **params: object,
) -> PolicyDataError:
    """The error for row ``line`` (``entry`` its id, when it has one): the catalogue's
    ``register_file.<key>``, or words already said per language (``said``, a
    ``{lang: text}`` mapping, with ``key`` ``""``)."""
    if entry:
        where = render_all("register_file.entry_id", line=line, id=entry)
    else:
        where = render_all("register_file.entry", line=line)
    what = render_all(f"register_file.{key}", **params) if said is None else said
    message: dict[str, str] = {lang: f"{where[lang]}: {what[lang]}" for lang in LANGUAGES}
    return PolicyDataError(message, file=name, field=field, line=line)


def _record(name: str, line: int, fields: list[str]) -> Instansi:
    """One row of the register as an Instansi; an administrative row's ``parent`` is its
    province."""
    if len(fields) != len(COLUMNS):
        raise _problem(name, line, None, None, "fields", count=len(fields), expected=len(COLUMNS))
    record: dict[str, str | bool | None] = {
        column: value.strip() or None for column, value in zip(COLUMNS, fields, strict=True)
    }
    entry = str(record["id"]) if record["id"] else None
    flag = record["administrative"]
    if flag not in ("true", "false"):
        raise _problem(name, line, entry, "administrative", "flag", flag=repr(flag or ""))
    record["administrative"] = flag == "true"
    if flag == "true":
        record["parent"] = record["province"]
    try:
        return Instansi.model_validate(record)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = str(first["loc"][0]) if first["loc"] else None
        error = _problem(name, line, entry, field, "", plain_words(first, Instansi))
    raise error  # outside the except block: no exception chain


def _rows(name: str, reader: Iterator[list[str]]) -> list[tuple[int, Instansi]]:
    """The register's rows and their lines, each id and each code once."""
    rows: list[tuple[int, Instansi]] = []
    by_id: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for fields in reader:
        line = reader.line_num  # type: ignore[attr-defined]  # a csv reader
        if not fields:
            continue
        item = _record(name, line, fields)
        if item.level is Level.PUSAT:
            raise _problem(name, line, item.id, "level", "regional_only")
        if item.id in by_id:
            raise _problem(name, line, item.id, "id", "duplicate_id", first=by_id[item.id])
        assert item.code is not None  # every regional level has one (checked by Instansi)
        if item.code in by_code:
            raise _problem(name, line, item.id, "code", "duplicate_code", first=by_code[item.code])
        by_id[item.id] = by_code[item.code] = line
        rows.append((line, item))
    return rows


def _check_provinces(
    name: str, rows: list[tuple[int, Instansi]], zones: Mapping[str, TimeZone] | None
) -> None:
    """Each row's province is a province of the file, its code lies under the province's
    and its time zone is the province's (``zones``, when given, else the province row's)."""
    provinces = {item.id: item for _, item in rows if item.level is Level.PROVINSI}
    for line, item in rows:
        assert item.province is not None and item.code is not None
        province = provinces.get(item.province)
        if province is None:
            raise _problem(
                name, line, item.id, "province", "not_a_province", province=repr(item.province)
            )
        assert province.code is not None
        if item.level is not Level.PROVINSI and not item.code.startswith(f"{province.code}."):
            code, under = repr(item.code), repr(province.code)
            raise _problem(name, line, item.id, "code", "not_under", code=code, under=under)
        expected = province.timezone if zones is None else zones.get(item.province)
        if expected is None:
            raise _problem(name, line, item.id, "province", "no_zone", file=SOURCE_FILE)
        if item.timezone != expected:
            raise _problem(
                name,
                line,
                item.id,
                "timezone",
                "zone",
                zone=repr(item.timezone),
                province=item.province,
                expected=repr(expected),
                file=SOURCE_FILE,
            )


def parse_register(
    name: str, text: str, zones: Mapping[str, TimeZone] | None = None
) -> tuple[Instansi, ...]:
    """Read and check the register's CSV text (``name`` is how errors name the file).

    ``zones`` (province id -> time zone, as regions.toml gives them) is checked against
    every row when given. Rows come back in file order; an administrative row's
    ``parent`` is its province.
    """
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        message = render_all("register_file.header", columns=",".join(COLUMNS))
        raise PolicyDataError(message, file=name, line=1)
    rows = _rows(name, reader)
    _check_provinces(name, rows, zones)
    return tuple(item for _, item in rows)


@functools.cache
def register_source() -> RegisterCitation:
    """The citation of the bundled register: decree, dataset and commit, confidence, and the
    time zone of each province with the instrument behind it."""
    name, text = bundled_text(SOURCE_FILE)
    return parse_citation(parse_toml(name, text), name, text)


@functools.cache
def register() -> tuple[Instansi, ...]:
    """Every entry of the register (38 provinces, 416 kabupaten, 98 kota: 552), in the order
    of their Kemendagri codes; ``nasional`` is not among them. Six are the administrative
    areas of DKI Jakarta (``administrative=True``); `autonomous_ids` lists the 546
    regional governments."""
    name, text = bundled_text(REGIONS_FILE)
    zones = register_source().timezone.zone_of()
    rows = parse_register(name, text, zones)
    missing = sorted(set(zones) - {i.id for i in rows if i.level is Level.PROVINSI})
    if missing:
        message = render_all(
            "register_file.missing_provinces", file=SOURCE_FILE, provinces=", ".join(missing)
        )
        raise PolicyDataError(message, file=name)
    cited = register_source().source.administrative
    flagged = ", ".join(str(i.code) for i in rows if i.administrative)
    if flagged != cited:
        message = render_all(
            "register_file.administrative", flagged=flagged, file=SOURCE_FILE, cited=cited
        )
        raise PolicyDataError(message, file=name, field="administrative")
    return rows


@functools.cache
def _index() -> Mapping[str, Instansi]:
    index = {item.id: item for item in register()}
    index[NASIONAL] = NASIONAL_INSTANSI
    return MappingProxyType(index)


@functools.cache
def instansi_ids() -> tuple[str, ...]:
    """Every id `instansi` answers for (the register's and ``nasional``), sorted."""
    return tuple(sorted(_index()))


@functools.cache
def autonomous_ids() -> tuple[str, ...]:
    """The ids of the register's 546 regional governments (autonomous regions), sorted: every
    entry but the six administrative areas of DKI Jakarta; ``nasional`` is not among them."""
    return tuple(sorted(item.id for item in register() if not item.administrative))


def closest_ids(instansi_id: str, n: int = 3) -> tuple[str, ...]:
    """Up to ``n`` known ids closest to ``instansi_id``, best first (``difflib``); case and
    surrounding spaces are ignored. ``()`` when none is close."""
    if not isinstance(instansi_id, str):
        raise InvalidInputError(Text("instansi.id_type", type=type(instansi_id).__name__))
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidInputError(Text("instansi.closest_n", value=n))
    query = instansi_id.strip().lower()
    return tuple(difflib.get_close_matches(query, instansi_ids(), n=n, cutoff=0.6))


def unknown_instansi_error(instansi_id: str) -> UnknownPolicyError:
    """The error for an id outside the register: [`UnknownPolicyError`][flexasn.UnknownPolicyError],
    whose message names the closest known ids (``did you mean 'kab-malang'?``)."""
    return UnknownPolicyError(instansi_id, instansi_ids())


def instansi(instansi_id: str) -> Instansi:
    """The instansi with this id: ``"nasional"`` or a regional government of the register
    (``"kab-malang"``, ``"kota-malang"``, ``"prov-jatim"``).

    An id outside the register raises [`UnknownPolicyError`][flexasn.UnknownPolicyError] whose
    message names the closest known ids.
    """
    require_type(instansi_id, str, "instansi_id")
    found = _index().get(instansi_id)
    if found is None:
        raise unknown_instansi_error(instansi_id)
    return found


__all__ = [
    "ADMINISTRATIVE_PROVINCE",
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
    "autonomous_ids",
    "closest_ids",
    "instansi",
    "instansi_ids",
    "parse_citation",
    "parse_register",
    "register",
    "register_source",
    "unknown_instansi_error",
]
