"""Policies: an instansi's flexible-work arrangements as validated, cited data.

A policy file (TOML, one per instansi, under ``flexasn/data/policies/``) names the
instansi, its level and time zone, and its **arrangements**. Each arrangement has
inclusive day spans, a kind, the modes it allows, quota rules, who must stay on
site, a weekly limit where the standing regime applies, and its legal basis.

Arrangement kinds:

- ``dated``: a window a circular names day by day (SE MenPANRB 2/2025, a regional SE).
- ``standing``: a standing arrangement under Permen PANRB 4/2025 (weekly limit, Pasal 13).
- ``no_flexible_work``: the instansi decided that everyone works from the office.
- ``decision_unknown``: the instansi's decision for those days is not known
  (decisions answer ``undetermined``, quotas raise ``QuotaUndefinedError``).

Precedence (flexasn's reading of LAW.md, "How the instruments combine"): a dated
arrangement (any kind but ``standing``) is the later, specific instrument for its
days and outranks a standing one; two non-standing arrangements, or two standing
ones, covering the same day are a :class:`~flexasn.errors.PolicyConflictError`.

Quota rules match an OPD by canonical ``kind`` (rank 3), by service category
(rank 2) or as the default (rank 1); the most specific match wins, and two
matching rules of equal rank with different limits raise
:class:`~flexasn.errors.PolicyConflictError` naming both rules and the OPD. An
arrangement with no quota rules leaves the proportion to the head of agency.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import combinations
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import Field, ValidationError, field_validator, model_validator

from ._loader import bundled_names, bundled_text, data_error, locate, parse_toml, user_text
from ._model import DateSpan, Frozen
from .errors import PolicyConflictError, PolicyDataError, UnknownPolicyError
from .legal import Citation, Confidence, cite, registry
from .people import OPD_KINDS, OpdKinds, ServiceCategory, WorkMode
from .worktime import WorkSchedules

POLICY_SCHEMA_VERSION = 1
Rounding = Literal["floor", "ceil", "half_up", "half_even"]
TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
"""WIB, WITA and WIT."""


class Level(StrEnum):
    """Level of government of an instansi."""

    PUSAT = "pusat"
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


class ArrangementKind(StrEnum):
    """What an arrangement decides for its days."""

    DATED = "dated"
    STANDING = "standing"
    NO_FLEXIBLE_WORK = "no_flexible_work"
    DECISION_UNKNOWN = "decision_unknown"


class Basis(Frozen):
    """A reference from data to the instrument registry: instrument id and article."""

    instrument: str
    article: str | None = None
    reading: bool = False
    """True where the value is flexasn's reading of the instrument, not its words."""
    note: str | None = None

    def citation(self) -> Citation:
        """The registry citation of this basis."""
        return cite(self.instrument, self.article, reading=self.reading)


Percent = Annotated[Decimal, Field(ge=0, le=100)]


class QuotaRule(Frozen):
    """At most ``percent`` % of an OPD's whole headcount may be remote.

    Exactly one of ``kinds``, ``services`` or ``default = true`` says which OPDs
    the rule matches.
    """

    kinds: OpdKinds = ()
    services: tuple[ServiceCategory, ...] = ()
    default: bool = False
    percent: Percent
    rounding: Rounding = "floor"
    """``floor`` by default: the instruments say "paling banyak" (at most)."""
    min_onsite: int = Field(default=0, ge=0)
    """Staff who must stay on site in every matched OPD, beyond the head where heads stay."""
    basis: Basis | None = None
    """Defaults to the arrangement's basis."""
    label: str | None = None

    @field_validator("percent", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Any:
        if isinstance(value, float):
            return Decimal(repr(value))
        return value

    @model_validator(mode="after")
    def _one_selector(self) -> Self:
        chosen = sum((bool(self.kinds), bool(self.services), self.default))
        if chosen != 1:
            raise ValueError("a quota rule needs exactly one of kinds, services or default = true")
        return self

    @property
    def rank(self) -> int:
        """Specificity: kind 3, service category 2, default 1."""
        return 3 if self.kinds else 2 if self.services else 1

    def matches(self, kind: str, service: ServiceCategory) -> bool:
        """True when this rule applies to an OPD of that kind and service category."""
        return kind in self.kinds or service in self.services or self.default

    def describe(self) -> str:
        """A short, stable description used in messages and conflicts."""
        if self.label:
            return self.label
        if self.kinds:
            return f"kinds={','.join(self.kinds)} {self.percent}%"
        if self.services:
            return f"services={','.join(s.value for s in self.services)} {self.percent}%"
        return f"default {self.percent}%"


class Notes(Frozen):
    """Free-text notes of a policy or an arrangement, in English and Indonesian."""

    notes: str | None = None
    """Notes in English (what the sources add that the fields do not hold)."""
    notes_id: str | None = None
    """The same notes in Indonesian; output in Indonesian uses them where present."""

    def note(self, lang: str = "id") -> str | None:
        """The notes in ``lang`` (``"id"`` or ``"en"``), falling back to the other one."""
        return (self.notes_id or self.notes) if lang == "id" else (self.notes or self.notes_id)


class Arrangement(Notes):
    """One arrangement of an instansi: its days, kind, modes, quotas and on-site duties."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: ArrangementKind
    title: str | None = None
    days: tuple[DateSpan, ...] = Field(min_length=1)
    """Inclusive spans. A window that skips days (16-17 and 25-27 March 2026) has two."""
    modes: tuple[WorkMode, ...] = ()
    """The remote modes allowed (WFH and/or WFA); empty for arrangements that allow none."""
    quota: tuple[QuotaRule, ...] = ()
    heads_onsite: bool = False
    """The head of each OPD works from the office (Kabupaten Malang 2025)."""
    duty_officers_onsite: bool = True
    """Duty officers (piket) are on site on their duty days."""
    frontline_onsite: bool = True
    """Front-line staff stay on site unless the arrangement says otherwise (LAW.md §3 reading)."""
    weekly_limit: int | None = Field(default=None, ge=0, le=5)
    """Remote days per Monday-Sunday week (Permen PANRB 4/2025 Pasal 13: 2)."""
    basis: Basis
    also_cites: tuple[Basis, ...] = ()
    confidence: Confidence

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        permits = self.kind in (ArrangementKind.DATED, ArrangementKind.STANDING)
        if permits and not self.modes:
            raise ValueError(f"a {self.kind.value} arrangement must allow at least one mode")
        if not permits and (self.modes or self.quota):
            raise ValueError(f"a {self.kind.value} arrangement allows no modes and no quota")
        if WorkMode.WFO in self.modes:
            raise ValueError("modes lists remote modes only (wfh, wfa); WFO is the default")
        if self.weekly_limit is not None and self.kind is not ArrangementKind.STANDING:
            raise ValueError(
                "weekly_limit belongs to standing arrangements (Permen 4/2025 Pasal 13)"
            )
        for a, b in combinations(self.days, 2):
            if a.first_day <= b.last_day and b.first_day <= a.last_day:
                raise ValueError(f"day spans {a} and {b} overlap")
        return self

    @property
    def permits_flexible_work(self) -> bool:
        """True for dated and standing arrangements."""
        return self.kind in (ArrangementKind.DATED, ArrangementKind.STANDING)

    def covers(self, day: date) -> bool:
        """True when ``day`` falls in one of the arrangement's spans."""
        return any(day in s for s in self.days)

    def iter_days(self) -> Iterator[date]:
        """Every calendar day of the arrangement's spans, in order."""
        for s in sorted(self.days, key=lambda s: s.first_day):
            yield from s.days()

    def citation(self) -> Citation:
        """The citation of the arrangement's basis."""
        return self.basis.citation()

    def quota_rule(
        self, kind: str, service: ServiceCategory, opd_label: str = ""
    ) -> QuotaRule | None:
        """The most specific quota rule for an OPD, None when the arrangement sets none.

        Raises :class:`PolicyConflictError` when two rules of the top matching rank
        disagree. ``opd_label`` names the OPD in that message.
        """
        matching = [r for r in self.quota if r.matches(kind, service)]
        if not matching:
            return None
        top = max(r.rank for r in matching)
        best = [r for r in matching if r.rank == top]
        first = best[0]
        for other in best[1:]:
            if (other.percent, other.rounding, other.min_onsite) != (
                first.percent,
                first.rounding,
                first.min_onsite,
            ):
                who = opd_label or f"an OPD of kind {kind!r} ({service.value})"
                raise PolicyConflictError(
                    f"arrangement {self.id!r}: quota rules {first.describe()!r} and "
                    f"{other.describe()!r} both apply to {who} with different limits",
                    rules=(first.describe(), other.describe()),
                )
        return first


class Policy(Notes):
    """An instansi's flexible-work policy: its identity and its arrangements."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    level: Level
    timezone: Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] = "Asia/Jakarta"
    province: str | None = None
    arrangement: tuple[Arrangement, ...] = ()
    work_schedule: WorkSchedules = ()
    """Regional working-hour schedules inside the Perpres 21/2023 totals (see flexasn.worktime)."""

    @model_validator(mode="after")
    def _unique(self) -> Self:
        ids = [a.id for a in self.arrangement]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate arrangement id(s): {', '.join(dupes)}")
        return self

    def arrangements_on(self, day: date) -> tuple[Arrangement, ...]:
        """Every arrangement whose spans include ``day``."""
        return tuple(a for a in self.arrangement if a.covers(day))

    def arrangement_on(self, day: date) -> Arrangement | None:
        """The arrangement in force on ``day``, after precedence; None when none covers it.

        A non-standing arrangement outranks a standing one; two of equal rank raise
        :class:`PolicyConflictError` naming both.
        """
        found = self.arrangements_on(day)
        if not found:
            return None
        dated = [a for a in found if a.kind is not ArrangementKind.STANDING]
        pool = dated or list(found)
        if len(pool) > 1:
            raise PolicyConflictError(
                f"policy {self.id!r}: arrangements {pool[0].id!r} and {pool[1].id!r} "
                f"both cover {day.isoformat()} with equal rank",
                rules=(pool[0].id, pool[1].id),
            )
        return pool[0]

    def check_conflicts(self) -> None:
        """Raise :class:`PolicyConflictError` for any conflict the data makes possible.

        Arrangements of equal rank sharing a day, and quota rules of equal rank that
        both match some OPD kind and service with different limits.
        """
        for a, b in combinations(self.arrangement, 2):
            if (a.kind is ArrangementKind.STANDING) != (b.kind is ArrangementKind.STANDING):
                continue
            shared = next((d for d in a.iter_days() if b.covers(d)), None)
            if shared is not None:
                raise PolicyConflictError(
                    f"policy {self.id!r}: arrangements {a.id!r} and {b.id!r} "
                    f"both cover {shared.isoformat()} with equal rank",
                    rules=(a.id, b.id),
                )
        for arrangement in self.arrangement:
            for kind in sorted(OPD_KINDS):
                for service in ServiceCategory:
                    arrangement.quota_rule(kind, service)


def _check_references(policy: Policy, name: str, text: str | None) -> None:
    reg = registry()
    for index, arrangement in enumerate(policy.arrangement):
        bases = [("basis", arrangement.basis)]
        bases += [(f"also_cites[{i}]", b) for i, b in enumerate(arrangement.also_cites)]
        bases += [
            (f"quota[{i}].basis", r.basis) for i, r in enumerate(arrangement.quota) if r.basis
        ]
        for field, basis in bases:
            where = f"arrangement[{arrangement.id}].{field}"
            line = locate(text, ("arrangement", index, "basis")) if text else None
            if basis.instrument not in reg.instruments:
                raise PolicyDataError(
                    f"unknown instrument {basis.instrument!r}", file=name, field=where, line=line
                )
            if basis.article is not None and (basis.instrument, basis.article) not in reg.articles:
                raise PolicyDataError(
                    f"article {basis.article!r} of {basis.instrument!r} is not in the registry",
                    file=name,
                    field=where,
                    line=line,
                )


def parse_policy(raw: dict[str, Any], name: str, text: str | None = None) -> Policy:
    """Validate parsed policy data: schema, references to the registry, conflicts."""
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        raise data_error(exc, name, text) from None
    _check_references(policy, name, text)
    try:
        policy.check_conflicts()
    except PolicyConflictError as exc:
        raise PolicyConflictError(f"{name}: {exc}", rules=exc.rules) from None
    return policy


def load_policy(path: str | Path) -> Policy:
    """Load a user's own TOML policy file, with the same schema and checks as the bundled ones.

    Errors name the file, the field and, where it can be found, the line:
    :class:`~flexasn.errors.PolicyDataError` for bad data,
    :class:`~flexasn.errors.PolicyConflictError` for rules that contradict each other.
    """
    name, text = user_text(path)
    return parse_policy(parse_toml(name, text), name, text)


@functools.cache
def list_policies() -> tuple[str, ...]:
    """The ids of the bundled policies, sorted."""
    return tuple(bundled_names("policies"))


@functools.cache
def get_policy(policy_id: str) -> Policy:
    """A bundled policy by id (``"kab-malang"``); unknown ids raise UnknownPolicyError."""
    if policy_id not in list_policies():
        raise UnknownPolicyError(policy_id, list_policies())
    name, text = bundled_text(f"policies/{policy_id}.toml")
    policy = parse_policy(parse_toml(name, text), name, text)
    if policy.id != policy_id:
        raise PolicyDataError(
            f"id {policy.id!r} does not match the file name", file=name, field="id"
        )
    return policy


def resolve_policy(policy: Policy | str | None, instansi: str) -> Policy:
    """The policy to apply: the one given, a bundled id, or the instansi's bundled policy."""
    if isinstance(policy, Policy):
        return policy
    return get_policy(policy if policy is not None else instansi)


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of a policy file (the same schema as the bundled files)."""
    return Policy.model_json_schema()


def write_policy_json_schema(path: str | Path) -> None:
    """Write the policy JSON Schema to ``path``."""
    Path(path).write_text(json.dumps(policy_json_schema(), indent=2) + "\n", encoding="utf-8")
