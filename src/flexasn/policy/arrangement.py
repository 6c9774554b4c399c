"""The parts of a policy: an [`Arrangement`][flexasn.Arrangement] (its kind, days, modes, who
stays on site, its weekly limit), its [`QuotaRule`][flexasn.QuotaRule]s and the
[`Basis`][flexasn.Basis] that cites the instrument behind each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Any, Literal, Self

from pydantic import (
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)

from .._model import DateSpan, Frozen, first_shared_day
from ..errors import InvalidInputError, PolicyConflictError
from ..legal import Citation, Confidence, Instrument, cite
from ..legal import instrument as registry_instrument
from ..messages import LANGUAGES, Text, require_language
from ..people import Level, OpdKinds, ServiceCategory, WorkMode

POLICY_SCHEMA_VERSION = 1
Rounding = Literal["floor", "ceil", "half_up", "half_even"]
TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
"""WIB, WITA and WIT."""


class ArrangementKind(StrEnum):
    """What an arrangement decides for its days."""

    DATED = "dated"
    WEEKLY = "weekly"
    STANDING = "standing"
    NO_FLEXIBLE_WORK = "no_flexible_work"
    DECISION_UNKNOWN = "decision_unknown"


class Weekday(StrEnum):
    """A working weekday, as weekly arrangements name them (Monday to Friday, Perpres
    21/2023 Pasal 3)."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"

    @property
    def number(self) -> int:
        """``date.weekday()`` of this day: Monday 0 ... Friday 4."""
        return list(Weekday).index(self)


PERMITTING = frozenset({ArrangementKind.DATED, ArrangementKind.WEEKLY, ArrangementKind.STANDING})
"""The kinds that permit flexible work."""


class Basis(Frozen):
    """A reference from data to an instrument: the bundled registry's, or one the policy
    file declares itself (``[[instrument]]``), and optionally an article."""

    instrument: str
    article: str | None = None
    reading: StrictBool = False
    """True where the value is flexasn's reading of the instrument, not its words."""
    note: str | None = None
    _local: Instrument | None = PrivateAttr(default=None)

    def record(self) -> Instrument:
        """The instrument cited: the policy file's own declaration, else the registry's."""
        return self._local if self._local is not None else registry_instrument(self.instrument)

    def citation(self) -> Citation:
        """The citation of this basis, with the confidence its instrument's data gives."""
        if self._local is None:
            return cite(self.instrument, self.article, reading=self.reading)
        inst = self._local
        return Citation(
            instrument=inst.id,
            short=inst.short,
            article=self.article,
            confidence=inst.confidence,
            url=next((src.url for src in inst.sources if src.url), None),
            reading=self.reading,
        )

    def known_on(self, day: date) -> bool:
        """True when the instrument was public on ``day`` (its ``public_on`` date)."""
        public = self.record().public_on
        return public is None or public <= day


Percent = Annotated[Decimal, Field(ge=0, le=100)]


class QuotaRule(Frozen):
    """At most ``percent`` % of an OPD's whole headcount may be remote.

    Exactly one of ``kinds``, ``services`` or ``default = true`` says which OPDs
    the rule matches.
    """

    kinds: OpdKinds = ()
    services: tuple[ServiceCategory, ...] = ()
    default: StrictBool = False
    percent: Percent
    rounding: Rounding = "floor"
    """``floor`` by default: the instruments say "paling banyak" (at most)."""
    min_onsite: StrictInt = Field(default=0, ge=0)
    """Staff who must stay on site in every matched OPD, beyond the head where heads stay."""
    basis: Basis | None = None
    """Defaults to the arrangement's basis."""
    label: str | None = None
    """The policy's own words for the rule, in Indonesian (``"tanpa layanan publik langsung:
    paling banyak 20 %"``): messages and conflicts name the rule by it."""
    label_en: str | None = None
    """The same words in English, written by flexasn: a translation of ``label``, never new
    facts (``"no direct public service: at most 20 %"``). Output in English uses it; it
    needs a ``label`` (alone it is an [`InvalidInputError`][flexasn.InvalidInputError])."""

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
            raise InvalidInputError(Text("policy.one_selector"))
        if self.label_en and not self.label:
            raise InvalidInputError(Text("policy.label_en_without_label"))
        return self

    @property
    def rank(self) -> int:
        """Specificity: kind 3, service category 2, default 1."""
        return 3 if self.kinds else 2 if self.services else 1

    def matches(self, kind: str, service: ServiceCategory) -> bool:
        """True when this rule applies to an OPD of that kind and service category."""
        return kind in self.kinds or service in self.services or self.default

    def describe(self, lang: str = "id") -> str:
        """A short, stable description used in messages and conflicts, in ``lang``.

        ``"id"`` (default): the ``label``, else the generic description
        (``kinds=bkad 20%``); ``"en"``: the ``label_en``, else the ``label``, else the
        generic description. Another language is
        [`UnknownLanguageError`][flexasn.UnknownLanguageError].
        """
        if require_language(lang) == "en" and self.label_en:
            return self.label_en
        if self.label:
            return self.label
        if self.kinds:
            return f"kinds={','.join(self.kinds)} {self.percent}%"
        if self.services:
            return f"services={','.join(s.value for s in self.services)} {self.percent}%"
        return f"default {self.percent}%"

    def descriptions(self) -> dict[str, str]:
        """[`describe`][flexasn.QuotaRule.describe] in every language (``{"id": ...,
        "en": ...}``), as a message's placeholder takes it: a message read in English
        names the rule in English."""
        return {lang: self.describe(lang) for lang in LANGUAGES}


class Notes(Frozen):
    """Free-text notes of a policy or an arrangement, in English and Indonesian."""

    notes: str | None = None
    """Notes in English (what the sources add that the fields do not hold)."""
    notes_id: str | None = None
    """The same notes in Indonesian; output in Indonesian uses them where present."""

    def note(self, lang: str = "id") -> str | None:
        """The notes in ``lang`` (``"id"`` or ``"en"``), falling back to the other one; another
        language is [`UnknownLanguageError`][flexasn.UnknownLanguageError]."""
        if require_language(lang) == "id":
            return self.notes_id or self.notes
        return self.notes or self.notes_id


class Arrangement(Notes):
    """One arrangement of an instansi: its days, kind, modes, quotas and on-site duties."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: ArrangementKind
    title: str | None = None
    days: tuple[DateSpan, ...] = Field(min_length=1)
    """Inclusive spans. A window that skips days (16-17 and 25-27 March 2026) has two."""
    weekdays: tuple[Weekday, ...] = ()
    """Weekly arrangements: the weekdays of the spans it covers (``["friday"]``). Required
    for ``weekly``; allowed for ``no_flexible_work`` and ``decision_unknown`` (a weekly
    decision that is unknown); empty elsewhere: every day of the spans."""
    continuation: Literal["unknown", "ends"] = "unknown"
    """Arrangements with ``weekdays``: what is known after the last day of the spans.
    ``unknown`` (default): the same weekdays after it answer as ``decision_unknown``
    until data says otherwise (DESIGN.md); ``ends``: an instrument ended it."""
    levels: tuple[Level, ...] = ()
    """The levels of government the arrangement applies to (empty: every level). The
    national layer uses it for rules that bind regional governments only (SE Mendagri)."""
    modes: tuple[WorkMode, ...] = ()
    """The remote modes allowed (WFH and/or WFA); empty for arrangements that allow none."""
    quota: tuple[QuotaRule, ...] = ()
    heads_onsite: StrictBool = False
    """The head of each OPD works from the office (Kabupaten Malang 2025)."""
    structural_onsite: StrictBool = False
    """Structural officials (echelon posts, ``PositionType.STRUCTURAL``) work from the
    office (SE Mendagri 800.1.5/3349/SJ for regional governments on WFH Fridays)."""
    onsite_basis: Basis | None = None
    """The instrument that keeps heads or structural officials on site, where it is not
    the arrangement's basis."""
    duty_officers_onsite: StrictBool = True
    """Duty officers (piket) are on site on their duty days."""
    frontline_onsite: StrictBool = True
    """Front-line staff stay on site unless the arrangement says otherwise (LAW.md §3 reading)."""
    weekly_limit: StrictInt | None = Field(default=None, ge=0, le=5)
    """Remote days per Monday-Sunday week (Permen PANRB 4/2025 Pasal 13: 2)."""
    basis: Basis
    also_cites: tuple[Basis, ...] = ()
    confidence: Confidence

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        permits = self.kind in PERMITTING
        if permits and not self.modes:
            raise InvalidInputError(Text("policy.no_mode", kind=self.kind.value))
        if not permits and (self.modes or self.quota):
            raise InvalidInputError(Text("policy.modes_not_allowed", kind=self.kind.value))
        if WorkMode.WFO in self.modes:
            raise InvalidInputError(Text("policy.wfo_mode"))
        if self.weekly_limit is not None and self.kind is not ArrangementKind.STANDING:
            raise InvalidInputError(Text("policy.weekly_limit"))
        if self.kind is ArrangementKind.WEEKLY and not self.weekdays:
            raise InvalidInputError(Text("policy.no_weekdays"))
        if self.weekdays and self.kind in (ArrangementKind.DATED, ArrangementKind.STANDING):
            raise InvalidInputError(Text("policy.weekdays_not_weekly", kind=self.kind.value))
        if len(set(self.weekdays)) != len(self.weekdays):
            raise InvalidInputError(Text("policy.weekday_twice"))
        if len(set(self.levels)) != len(self.levels):
            raise InvalidInputError(Text("policy.level_twice"))
        if len(set(self.modes)) != len(self.modes):
            raise InvalidInputError(Text("policy.mode_twice"))
        ordered = sorted(self.days, key=lambda d: d.first_day)
        for a, b in pairwise(ordered):
            if b.first_day <= a.last_day:
                raise InvalidInputError(Text("policy.spans_overlap", first=str(a), second=str(b)))
        return self

    @property
    def permits_flexible_work(self) -> bool:
        """True for dated, weekly and standing arrangements."""
        return self.kind in PERMITTING

    @property
    def is_weekly(self) -> bool:
        """True when the arrangement recurs on named weekdays."""
        return bool(self.weekdays)

    @property
    def first_day(self) -> date:
        """The first day of the earliest span."""
        return min(s.first_day for s in self.days)

    @property
    def last_day(self) -> date:
        """The last day of the latest span: the last day the arrangement is known for."""
        return max(s.last_day for s in self.days)

    def on_weekday(self, day: date) -> bool:
        """True when ``day`` is one of the arrangement's weekdays (every day if none)."""
        return not self.weekdays or any(w.number == day.weekday() for w in self.weekdays)

    def applies_to(self, level: Level) -> bool:
        """True when the arrangement binds an instansi of that level."""
        return not self.levels or level in self.levels

    def covers(self, day: date) -> bool:
        """True when ``day`` falls in one of the spans, on one of the weekdays."""
        return self.on_weekday(day) and any(day in s for s in self.days)

    def continues_unknown(self, day: date) -> bool:
        """True when ``day`` is one of the weekdays after the last known day of a weekly
        arrangement whose continuation is unknown (DESIGN.md: it answers as
        ``decision_unknown`` there)."""
        return (
            self.is_weekly
            and self.continuation == "unknown"
            and day > self.last_day
            and self.on_weekday(day)
        )

    def known_on(self, day: date) -> bool:
        """True when the arrangement's instrument was public on ``day``."""
        return self.basis.known_on(day)

    def iter_days(self) -> Iterator[date]:
        """Every day the arrangement covers (its weekdays only, if it names them), in order."""
        for s in sorted(self.days, key=lambda s: s.first_day):
            yield from (d for d in s.days() if self.on_weekday(d))

    def first_shared_day(self, other: Arrangement) -> date | None:
        """The first day both arrangements cover, or None. Compares spans, not days, so
        spans of any length cost the same."""
        return first_shared_day(
            self.days, other.days, lambda d: self.on_weekday(d) and other.on_weekday(d)
        )

    def citation(self) -> Citation:
        """The citation of the arrangement's basis."""
        return self.basis.citation()

    def onsite_citation(self) -> Citation:
        """The citation of the rule keeping heads or structural officials on site."""
        return (self.onsite_basis or self.basis).citation()

    def bases(self) -> Iterator[tuple[str, Basis]]:
        """Every basis the arrangement cites, with its field name."""
        yield "basis", self.basis
        yield from ((f"also_cites[{i}]", b) for i, b in enumerate(self.also_cites))
        if self.onsite_basis is not None:
            yield "onsite_basis", self.onsite_basis
        yield from ((f"quota[{i}].basis", r.basis) for i, r in enumerate(self.quota) if r.basis)

    def quota_rule(
        self, kind: str, service: ServiceCategory, opd_label: str = ""
    ) -> QuotaRule | None:
        """The most specific quota rule for an OPD, None when the arrangement sets none.

        Raises [`PolicyConflictError`][flexasn.PolicyConflictError] when two rules of the top
        matching rank
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
                who = opd_label or Text("policy.opd_of_kind", kind=kind, service=service.value)
                raise PolicyConflictError(
                    Text(
                        "policy.quota_conflict",
                        arrangement=self.id,
                        first=first.descriptions(),
                        second=other.descriptions(),
                        who=who,
                    ),
                    rules=(first.describe(), other.describe()),
                )
        return first


__all__ = [
    "PERMITTING",
    "POLICY_SCHEMA_VERSION",
    "TIMEZONES",
    "Arrangement",
    "ArrangementKind",
    "Basis",
    "Notes",
    "Percent",
    "QuotaRule",
    "Rounding",
    "Weekday",
]
