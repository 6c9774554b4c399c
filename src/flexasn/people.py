"""People and offices: the domain's enums, [`Opd`][flexasn.Opd], [`Employee`][flexasn.Employee] and
the NIP parser.

Models are frozen pydantic v2 models that reject unknown fields. Bad data raises
[`ModelValidationError`][flexasn.ModelValidationError] (an ``InvalidInputError``); a malformed
NIP raises [`ModelNipError`][flexasn.ModelNipError], which is also an ``InvalidNipError``.
Neither echoes the input values, so a bad NIP or name never reaches a log through an
error message (UU 27/2022).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple, Self, overload

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from ._loader import bundled_text, data_error, parse_toml
from ._model import Frozen, field_error, repeated
from .errors import (
    InvalidInputError,
    InvalidNipError,
    NipTypeError,
    drop_chain,
    require_date,
    require_type,
)
from .messages import Text
from .privacy import last_digits, masked_id


class ServiceCategory(StrEnum):
    """The kind of public service an OPD provides (the regions' quota categories)."""

    ESSENTIAL = "esensial"
    """Essential public service with direct impact on the public (health, safety, transport)."""
    DIRECT = "langsung"
    """Direct, face-to-face public service that is not essential."""
    NON_DIRECT = "tidak_langsung"
    """No direct public service (finance, planning, personnel, supervision)."""


class EmploymentStatus(StrEnum):
    """ASN employment status: PNS or PPPK (UU 20/2023 on ASN)."""

    PNS = "pns"
    PPPK = "pppk"
    PPPK_PARUH_WAKTU = "pppk_paruh_waktu"


class Level(StrEnum):
    """Level of government of an instansi (tingkat pemerintahan): central (``pusat``),
    province, kabupaten or kota."""

    PUSAT = "pusat"
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


class PositionType(StrEnum):
    """Type of position (jabatan)."""

    STRUCTURAL = "struktural"
    FUNCTIONAL = "fungsional"
    EXECUTOR = "pelaksana"


class DisciplineStatus(StrEnum):
    """Disciplinary status under PP 94/2021, as Permen PANRB 4/2025 Pasal 25 reads it."""

    NONE = "tidak_ada"
    IN_PROCESS = "dalam_proses"
    SERVING = "sedang_menjalani"


class WorkMode(StrEnum):
    """Where an employee works on a day."""

    WFO = "wfo"
    WFH = "wfh"
    WFA = "wfa"


class AgencyType(StrEnum):
    """Whether an office is within Perpres 21/2023 and Permen PANRB 4/2025 at all.

    Permen PANRB 4/2025 Pasal 38: the regulation does not apply to TNI, Polri (and
    the ASN posted in them) or to missions abroad.
    """

    CIVIL = "sipil"
    TNI = "tni"
    POLRI = "polri"
    MISSION_ABROAD = "perwakilan_luar_negeri"


class Sex(StrEnum):
    """The sex digit of a PNS NIP."""

    MALE = "laki_laki"
    FEMALE = "perempuan"


class OpdKind(Frozen):
    """One canonical OPD kind of ``data/opd-kinds.toml``: its ``id`` (``"bkad"``), its usual
    Indonesian ``name`` and the local names (``aliases``) that map onto it."""

    id: str = Field(pattern=r"^[a-z][a-z-]*[a-z]$")
    name: str = Field(min_length=1)
    aliases: tuple[Annotated[str, Field(pattern=r"^[a-z][a-z_-]*[a-z]$")], ...] = ()


class OpdKindVocabulary(Frozen):
    """The vocabulary of OPD kinds (``data/opd-kinds.toml``): every kind once, every alias
    once, and no alias that is a kind itself."""

    source: dict[str, str]
    kind: tuple[OpdKind, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        ids = [k.id for k in self.kind]
        aliases = [a for k in self.kind for a in k.aliases]
        for twice in repeated(ids):
            raise InvalidInputError(Text("people.kind_twice", kind=twice))
        for alias in aliases:
            if alias in ids:
                raise InvalidInputError(Text("people.alias_is_kind", alias=alias))
            if aliases.count(alias) > 1:
                raise InvalidInputError(Text("people.alias_twice", alias=alias))
        return self


VOCABULARY_FILE = "opd-kinds.toml"


@functools.cache
def opd_kind_vocabulary() -> OpdKindVocabulary:
    """The OPD-kind vocabulary, read from ``flexasn/data/opd-kinds.toml`` once and validated
    (a bad file is a [`PolicyDataError`][flexasn.PolicyDataError] naming the line)."""
    name, text = bundled_text(VOCABULARY_FILE)
    try:
        return OpdKindVocabulary.model_validate(parse_toml(name, text))
    except ValidationError as exc:
        error = data_error(exc, name, text, model=OpdKindVocabulary)
    raise drop_chain(error)


@functools.cache
def opd_kinds() -> frozenset[str]:
    """The value of [`OPD_KINDS`][flexasn.OPD_KINDS]: read on first use, then cached."""
    return frozenset(k.id for k in opd_kind_vocabulary().kind)


@functools.cache
def opd_kind_aliases() -> dict[str, str]:
    """The value of ``OPD_KIND_ALIASES``: read on first use, then cached."""
    return {alias: k.id for k in opd_kind_vocabulary().kind for alias in k.aliases}


# Only declared: ``__getattr__`` reads them (issue 13: ``import flexasn`` reads no vocabulary).
OPD_KINDS: frozenset[str]
"""The canonical OPD kinds: policies name OPDs by these, whatever their local names
(``data/opd-kinds.toml``, read on first use)."""

OPD_KIND_ALIASES: dict[str, str]
"""Local names that map onto a canonical kind (BPKAD and BPKPAD are ``bkad``; BKD and BKPP are
``bkpsdm``), from ``data/opd-kinds.toml`` (read on first use)."""

_LAZY = {"OPD_KINDS": opd_kinds, "OPD_KIND_ALIASES": opd_kind_aliases}


def __getattr__(name: str) -> Any:
    """``OPD_KINDS`` and ``OPD_KIND_ALIASES``, read on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = _LAZY[name]()  # the next look-up finds it directly
    return value


def canonical_kind(kind: str) -> str:
    """Map a local OPD kind name onto the canonical vocabulary (case-insensitive).

    Raises [`InvalidInputError`][flexasn.InvalidInputError] (a ``ValueError``) naming the
    accepted kinds when the name is unknown.
    """
    require_type(kind, str, "kind")
    key = re.sub(r"[\s_]+", "-", kind.strip().lower())
    key = opd_kind_aliases().get(key, key)
    if key not in opd_kinds():
        raise InvalidInputError(
            Text(
                "people.unknown_kind",
                kind=kind,
                kinds=sorted(opd_kinds()),
                aliases=sorted(opd_kind_aliases()),
            )
        )
    return key


def _canonical_kinds(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(canonical_kind(v) if isinstance(v, str) else v for v in value)
    return value


OpdKinds = Annotated[tuple[str, ...], BeforeValidator(_canonical_kinds)]
"""A list of OPD kinds in a data file, each mapped to its canonical kind (local names
such as BPKAD -> ``bkad`` accepted; an unknown kind is an error)."""


class Opd(Frozen):
    """A perangkat daerah (regional office) or a unit of a central agency.

    ``kind`` is validated against [`OPD_KINDS`][flexasn.OPD_KINDS]; local names such as BPKAD map
    onto it. ``headcount`` is the whole staff of the OPD: the base of every quota.
    """

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    instansi: str = Field(min_length=1, description="Id of the instansi's policy, e.g. kab-malang")
    kind: str
    service: ServiceCategory
    headcount: StrictInt = Field(ge=0)
    """A whole number: ``True`` or ``"120"`` is rejected (a file's text is read by
    [`read_roster`][flexasn.read_roster] or ``model_validate_strings``)."""
    agency_type: AgencyType = AgencyType.CIVIL
    province: str | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return canonical_kind(value) if isinstance(value, str) else value


NIP_PATTERN = re.compile(r"[0-9]{18}")  # ASCII digits only: \d also matches "١" or "１"


def mask_nip(nip: str) -> str:
    """A masked form of a NIP for messages and logs: only its last four digits.

    Many employees share their last four digits: where a person must be told apart from
    others (a file, a list of violations) use [`masked_id`][flexasn.masked_id], or a
    row number. An id whose last four characters are not digits shows none of them.
    """
    require_type(nip, str, "nip")
    return "…" + last_digits(nip)


class NipInfo(Frozen):
    """What a PNS NIP encodes: birth date, TMT CPNS (year and month), sex and a sequence."""

    birth_date: date
    tmt: date
    """The first day of the TMT CPNS month (the NIP records only year and month)."""
    sex: Sex
    sequence: int


@overload
def parse_nip(
    nip: str,
    *,
    status: Literal[EmploymentStatus.PNS] = ...,
    today: date | None = None,
) -> NipInfo: ...


@overload
def parse_nip(
    nip: str,
    *,
    status: EmploymentStatus,
    today: date | None = None,
) -> NipInfo | None: ...


def parse_nip(
    nip: str,
    *,
    status: EmploymentStatus = EmploymentStatus.PNS,
    today: date | None = None,
) -> NipInfo | None:
    """Parse and validate a NIP.

    A PNS NIP has 18 digits: birth date ``YYYYMMDD``, TMT CPNS ``YYYYMM``, a sex digit
    (1 male, 2 female) and a 3-digit sequence. Each date part must be possible, the
    TMT must fall on or after the month of the 18th birthday and not in the future
    (relative to ``today``, default the system date). PPPK numbers (NI PPPK) are also
    18 digits but their layout is not assumed: for them the digits are checked and
    ``None`` is returned.

    Raises [`InvalidNipError`][flexasn.InvalidNipError], whose message says which part is
    wrong and never repeats the number.
    """
    require_type(nip, str, "nip", error=NipTypeError)  # an InvalidNipError too
    require_type(status, str, "status")
    require_date(today, "today", optional=True)
    parts = check_nip(nip, status=status, today=today)
    if parts is None:
        return None
    birth, tmt, sex, sequence = parts
    return NipInfo(birth_date=birth, tmt=tmt, sex=sex, sequence=sequence)


def check_nip(
    nip: str,
    *,
    status: EmploymentStatus = EmploymentStatus.PNS,
    today: date | None = None,
) -> tuple[date, date, Sex, int] | None:
    """Validate a NIP as [`parse_nip`][flexasn.parse_nip] does, with the same errors, without
    building a [`NipInfo`][flexasn.NipInfo]: its parts ``(birth_date, tmt, sex, sequence)``,
    or ``None`` for PPPK numbers. The roster reader calls it once per row."""
    if not isinstance(nip, str):
        raise InvalidNipError(Text("people.nip_type", type=type(nip).__name__))
    if not (len(nip) == 18 and nip.isascii() and nip.isdigit()):  # NIP_PATTERN, faster
        digits = nip.isascii() and nip.isdigit()
        key = "people.nip_length" if digits else "people.nip_length_digits"
        raise InvalidNipError(Text(key, length=len(nip)))
    known: EmploymentStatus | None
    if status.__class__ is EmploymentStatus:
        known = status
    else:
        try:
            known = EmploymentStatus(status)  # a plain "pns" too
        except ValueError:
            known = None
    if known is None:  # raised outside the except block: no exception chain
        raise InvalidInputError(
            Text(
                "people.unknown_status",
                status=status,
                known=[s.value for s in EmploymentStatus],
            )
        )
    status = known
    if status is not EmploymentStatus.PNS:
        return None
    try:
        birth: date | None = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        birth = None
    if birth is None:  # raised here, not in the except block: no exception chain
        raise InvalidNipError(Text("people.nip_birth"))
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < 1900:
        raise InvalidNipError(Text("people.nip_tmt"))
    tmt = date(year, month, 1)
    if (year, month) < (birth.year + 18, birth.month):
        raise InvalidNipError(Text("people.nip_tmt_young"))
    now = today or date.today()
    if (year, month) > (now.year, now.month):
        raise InvalidNipError(Text("people.nip_tmt_future"))
    sex_digit = nip[14]
    if sex_digit not in "12":
        raise InvalidNipError(Text("people.nip_sex"))
    return birth, tmt, Sex.MALE if sex_digit == "1" else Sex.FEMALE, int(nip[15:18])


class Employee(Frozen):
    """An ASN employee as the rules see them: only the facts the law asks about.

    ``nip`` is validated by [`parse_nip`][flexasn.parse_nip] for the employee's ``status``; a
    malformed
    one raises [`ModelNipError`][flexasn.ModelNipError] (an ``InvalidNipError`` and an
    ``InvalidInputError``) naming the field ``nip`` and the part that is wrong, never the
    number. Other bad data raises [`ModelValidationError`][flexasn.ModelValidationError].
    """

    model_config = ConfigDict(hide_input_in_errors=True)

    nip: Annotated[str, Field(description="18-digit NIP (PNS) or NI PPPK")]
    opd: str = Field(min_length=1, description="Code of the employee's OPD")
    status: EmploymentStatus = EmploymentStatus.PNS
    position: PositionType = PositionType.EXECUTOR
    is_head: StrictBool = False
    """Kepala perangkat daerah (head of the OPD)."""
    frontline: StrictBool = False
    """Serves the public face to face."""
    duty_days: frozenset[date] = frozenset()
    """Days on the piket (duty) roster: the employee must be on site."""
    discipline: DisciplineStatus = DisciplineStatus.NONE
    new_in_post: StrictBool = False
    """"Pegawai baru" (Permen PANRB 4/2025 Pasal 25): new in the post by hiring, promotion,
    transfer or rotation; how long counts as new is the agency's parameter."""
    duties_outside_office: StrictBool = False
    """Duties that must be done outside the office (Permen PANRB 4/2025 Pasal 13 exception)."""
    special_circumstances: StrictBool = False
    """Special circumstances approved under Permen PANRB 4/2025 Pasal 30 (Pasal 13 exception)."""

    @field_validator("nip", mode="before")
    @classmethod
    def _nip_is_text(cls, value: Any) -> Any:
        if not isinstance(value, str):  # a malformed NIP too: InvalidNipError, as parse_nip says
            raise InvalidNipError(Text("people.nip_type", type=type(value).__name__))
        return value

    @model_validator(mode="after")
    def _nip(self) -> Self:
        try:
            check_nip(self.nip, status=self.status)
        except InvalidNipError as exc:
            error = exc
        else:
            return self
        # reported at the field ("field 'nip': ..."); raised outside the except block, so
        # that no exception chain is kept
        raise field_error(type(self).__name__, "nip", error)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr()`` and ``str()`` show the NIP masked ([`masked_id`][flexasn.masked_id]),
        never whole: a model logged by mistake leaks no NIP."""
        for name, value in super().__repr_args__():
            yield name, masked_id(value) if name == "nip" and isinstance(value, str) else value

    @property
    def masked_nip(self) -> str:
        """The NIP masked for messages: only its last four digits."""
        return mask_nip(self.nip)


class Profile(NamedTuple):
    """The facts of an employee that eligibility depends on, besides duty days.

    Fakta pegawai yang menentukan kelayakan kerja fleksibel (selain hari piket). Two
    employees of one OPD with the same profile, both on duty or both off duty on a day,
    get the same decision that day: the rotation planner and the batch simulation
    evaluate each profile once. It holds no NIP or name.
    """

    is_head: bool
    frontline: bool
    discipline: DisciplineStatus
    new_in_post: bool
    duties_outside_office: bool
    special_circumstances: bool
    position: PositionType = PositionType.EXECUTOR
    """Read by ``role_onsite``: structural officials stay on site on the weekly WFH day of
    regional governments (SE Mendagri of 31 March 2026)."""


def profile_of(e: Employee) -> Profile:
    """The [`Profile`][flexasn.people.Profile] of an employee: the facts the eligibility rules
    read."""
    return Profile(
        e.is_head,
        e.frontline,
        e.discipline,
        e.new_in_post,
        e.duties_outside_office,
        e.special_circumstances,
        e.position,
    )


__all__ = [
    "NIP_PATTERN",
    "OPD_KINDS",
    "OPD_KIND_ALIASES",
    "VOCABULARY_FILE",
    "AgencyType",
    "DisciplineStatus",
    "Employee",
    "EmploymentStatus",
    "Level",
    "NipInfo",
    "Opd",
    "OpdKind",
    "OpdKindVocabulary",
    "OpdKinds",
    "PositionType",
    "Profile",
    "ServiceCategory",
    "Sex",
    "WorkMode",
    "canonical_kind",
    "check_nip",
    "mask_nip",
    "opd_kind_aliases",
    "opd_kind_vocabulary",
    "opd_kinds",
    "parse_nip",
    "profile_of",
]
