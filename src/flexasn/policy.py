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
ones, covering the same day are a [`PolicyConflictError`][flexasn.PolicyConflictError].

Quota rules match an OPD by canonical ``kind`` (rank 3), by service category
(rank 2) or as the default (rank 1); the most specific match wins, and two
matching rules of equal rank with different limits raise
[`PolicyConflictError`][flexasn.PolicyConflictError] naming both rules and the OPD. An
arrangement with no quota rules leaves the proportion to the head of agency.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from itertools import combinations, pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ._loader import bundled_names, bundled_text, data_error, locate, parse_toml, user_text
from ._model import DateSpan, Frozen
from .errors import PolicyConflictError, PolicyDataError, require_path, require_type
from .legal import Citation, Confidence, Instrument, cite, registry
from .legal import instrument as registry_instrument
from .messages import LANGUAGES, render
from .people import OPD_KINDS, OpdKinds, ServiceCategory, WorkMode
from .people import Level as Level  # re-exported: it lived here before 0.2
from .worktime import WorkSchedules

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
            raise ValueError(f"a {self.kind.value} arrangement must allow at least one mode")
        if not permits and (self.modes or self.quota):
            raise ValueError(f"a {self.kind.value} arrangement allows no modes and no quota")
        if WorkMode.WFO in self.modes:
            raise ValueError("modes lists remote modes only (wfh, wfa); WFO is the default")
        if self.weekly_limit is not None and self.kind is not ArrangementKind.STANDING:
            raise ValueError(
                "weekly_limit belongs to standing arrangements (Permen 4/2025 Pasal 13)"
            )
        if self.kind is ArrangementKind.WEEKLY and not self.weekdays:
            raise ValueError('a weekly arrangement needs weekdays (e.g. weekdays = ["friday"])')
        if self.weekdays and self.kind in (ArrangementKind.DATED, ArrangementKind.STANDING):
            raise ValueError(
                f"a {self.kind.value} arrangement covers every day of its spans: "
                "weekdays belong to weekly arrangements"
            )
        if len(set(self.weekdays)) != len(self.weekdays):
            raise ValueError("weekdays lists a day twice")
        if len(set(self.levels)) != len(self.levels):
            raise ValueError("levels lists a level twice")
        ordered = sorted(self.days, key=lambda d: d.first_day)
        for a, b in pairwise(ordered):
            if b.first_day <= a.last_day:
                raise ValueError(f"day spans {a} and {b} overlap")
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
        found: list[date] = []
        for a in self.days:
            for b in other.days:
                start, end = max(a.first_day, b.first_day), min(a.last_day, b.last_day)
                day = start
                # a shared weekday, if any, comes within the first seven days
                while day <= end and day < start + timedelta(days=7):
                    if self.on_weekday(day) and other.on_weekday(day):
                        found.append(day)
                        break
                    day += timedelta(days=1)
        return min(found) if found else None

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
                who = opd_label or f"an OPD of kind {kind!r} ({service.value})"
                raise PolicyConflictError(
                    f"arrangement {self.id!r}: quota rules {first.describe()!r} and "
                    f"{other.describe()!r} both apply to {who} with different limits",
                    rules=(first.describe(), other.describe()),
                )
        return first


NATIONAL = "nasional"
"""The id of the national layer: the central circulars, inherited by every other policy."""


@dataclass(frozen=True, slots=True)
class InForce:
    """The arrangement in force on a day for a policy, after layers and precedence."""

    arrangement: Arrangement | None
    """The arrangement that governs the day, or None when none covers it."""
    standing: Arrangement | None = None
    """A standing arrangement that also covers the day while a weekly one governs it: its
    weekly limit still counts the weekly day (Permen PANRB 4/2025 Pasal 13; LAW.md §3a)."""
    national: bool = False
    """True when the arrangement comes from the national layer (inherited)."""
    continued: bool = False
    """True when the day is after the last known day of a weekly arrangement whose
    continuation is unknown (the arrangement is then a ``decision_unknown`` stand-in)."""


# Precedence of the candidates for one day (flexasn's reading of LAW.md, "How the
# instruments combine", and DESIGN.md's layers); higher wins, equal ranks conflict.
_RANK_OWN_DATED = 8  # the instansi's own dated window or decision
_RANK_OWN_WEEKLY = 7  # the instansi's own weekly arrangement
_RANK_NATIONAL_DATED = 6  # a national dated window (the later, specific circular)
_RANK_OWN_CONTINUATION = 5  # the instansi's weekly arrangement after its last known day
_RANK_NATIONAL_WEEKLY = 4  # the national weekly arrangement (WFH Fridays 2026)
_RANK_OWN_STANDING = 3  # the instansi's standing Permen PANRB 4/2025 arrangement
_RANK_NATIONAL_CONTINUATION = 2
_RANK_NATIONAL_STANDING = 1


def _continuation(a: Arrangement, day: date) -> Arrangement:
    """``a`` after its last known day: a ``decision_unknown`` stand-in citing ``a``."""
    return a.model_copy(
        update={
            "id": f"{a.id}-lanjutan",
            "kind": ArrangementKind.DECISION_UNKNOWN,
            "days": (
                DateSpan.model_construct(first_day=a.last_day + timedelta(days=1), last_day=day),
            ),
            "modes": (),
            "quota": (),
        }
    )


def _candidates(
    arrangements: tuple[Arrangement, ...],
    level: Level,
    day: date,
    known_on: date | None,
    *,
    own: bool,
) -> list[tuple[int, Arrangement, bool]]:
    found: list[tuple[int, Arrangement, bool]] = []
    ended: list[Arrangement] = []
    for a in arrangements:
        if not a.applies_to(level) or (known_on is not None and not a.known_on(known_on)):
            continue
        if a.covers(day):
            if a.kind is ArrangementKind.STANDING:
                rank = _RANK_OWN_STANDING if own else _RANK_NATIONAL_STANDING
            elif a.is_weekly:
                rank = _RANK_OWN_WEEKLY if own else _RANK_NATIONAL_WEEKLY
            else:
                rank = _RANK_OWN_DATED if own else _RANK_NATIONAL_DATED
            found.append((rank, a, False))
        elif a.continues_unknown(day):
            ended.append(a)
    if ended:
        latest = max(ended, key=lambda a: (a.last_day, a.id))
        rank = _RANK_OWN_CONTINUATION if own else _RANK_NATIONAL_CONTINUATION
        found.append((rank, _continuation(latest, day), True))
    return found


class Policy(Notes):
    """An instansi's flexible-work policy: its identity, its own instruments and arrangements.

    Every policy but ``nasional`` inherits the national layer (the ``nasional`` policy's
    arrangements for its level): a day the instansi's own data does not decide answers
    as the national instruments do. See [`in_force`][flexasn.policy.Policy.in_force] for the
    precedence.
    """

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    level: Level
    timezone: Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] = "Asia/Jakarta"
    province: str | None = None
    instrument: tuple[Instrument, ...] = ()
    """The instansi's own instruments (its circulars), cited by id from its arrangements.
    Each needs its title, sources, confidence and its signed date; where no source gives
    the signed date (an official's statement, a circular reported without it), the date it
    became public (``published``) instead: a date is never invented. A decision cites them
    with the confidence given here."""
    arrangement: tuple[Arrangement, ...] = ()
    work_schedule: WorkSchedules = ()
    """Regional working-hour schedules inside the Perpres 21/2023 totals (see flexasn.worktime)."""

    @model_validator(mode="after")
    def _unique(self) -> Self:
        ids = [a.id for a in self.arrangement]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate arrangement id(s): {', '.join(dupes)}")
        own = [i.id for i in self.instrument]
        dupes = sorted({i for i in own if own.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate instrument id(s): {', '.join(dupes)}")
        return self

    @model_validator(mode="after")
    def _references(self) -> Self:
        """Bind each basis to the policy's own instrument or the registry's; run the
        conflict checks. Runs whenever a policy is built, from a file or directly."""
        reg = registry().instruments
        local = {i.id: i for i in self.instrument}
        for i, inst in enumerate(self.instrument):
            if inst.id in reg:
                raise _located_error(
                    f"instrument {inst.id!r} is bundled with flexasn: cite it without declaring it",
                    ("instrument", i, "id"),
                )
            if inst.signed is None and inst.published is None:
                raise _located_error(
                    "a policy's own instrument needs its signed date, or where no source gives "
                    "it the date it became public (published)",
                    ("instrument", i, "signed"),
                )
        articles = registry().articles
        for index, arrangement in enumerate(self.arrangement):
            for field, basis in arrangement.bases():
                loc = ("arrangement", index, *_field_loc(field))
                if basis.instrument in local:
                    basis._local = local[basis.instrument]
                    continue
                if basis.instrument not in reg:
                    raise _located_error(f"unknown instrument {basis.instrument!r}", loc)
                if basis.article is not None and (basis.instrument, basis.article) not in articles:
                    raise _located_error(
                        f"article {basis.article!r} of {basis.instrument!r} is not in the registry",
                        loc,
                    )
        self.check_conflicts()
        return self

    def arrangements_on(self, day: date) -> tuple[Arrangement, ...]:
        """Every arrangement of the policy's own data whose spans include ``day``."""
        return tuple(a for a in self.arrangement if a.covers(day))

    def in_force(self, day: date, *, known_on: date | None = None) -> InForce:
        """The arrangement that governs ``day``, from the instansi's own data or the
        national layer, with only the instruments public by ``known_on`` (if given).

        Precedence, highest first (flexasn's reading of LAW.md "How the instruments
        combine" and DESIGN.md's layers): the instansi's own dated window or decision;
        its own weekly arrangement; a national dated window; the instansi's weekly
        arrangement after its last known day (unknown); the national weekly arrangement;
        the instansi's standing arrangement; the national weekly arrangement after its
        last known day (unknown); a national standing arrangement. Two candidates of
        equal rank raise [`PolicyConflictError`][flexasn.PolicyConflictError] naming both.
        """
        found = _candidates(self.arrangement, self.level, day, known_on, own=True)
        if self.id != NATIONAL:
            layer = national_policy().arrangement
            found += _candidates(layer, self.level, day, known_on, own=False)
        if not found:
            return InForce(None)
        top = max(rank for rank, _, _ in found)
        best = [(a, continued) for rank, a, continued in found if rank == top]
        if len(best) > 1:
            raise PolicyConflictError(
                f"policy {self.id!r}: arrangements {best[0][0].id!r} and {best[1][0].id!r} "
                f"both cover {day.isoformat()} with equal rank",
                rules=(best[0][0].id, best[1][0].id),
            )
        chosen, continued = best[0]
        national = not any(a is chosen for a in self.arrangement) and not (
            continued and top == _RANK_OWN_CONTINUATION
        )
        standing = None
        if chosen.is_weekly and chosen.permits_flexible_work:
            standings = [(r, a) for r, a, _ in found if a.kind is ArrangementKind.STANDING]
            if standings:
                standing = max(standings, key=lambda item: item[0])[1]
        return InForce(chosen, standing=standing, national=national, continued=continued)

    def arrangement_on(self, day: date, *, known_on: date | None = None) -> Arrangement | None:
        """The arrangement in force on ``day`` after layers and precedence (see
        [`in_force`][flexasn.policy.Policy.in_force]); None when none covers it."""
        return self.in_force(day, known_on=known_on).arrangement

    def check_conflicts(self) -> None:
        """Raise [`PolicyConflictError`][flexasn.PolicyConflictError] for any conflict the data
        makes possible.

        Arrangements of equal rank (both standing, both weekly, or both dated-type) for
        a shared level that share a day, and quota rules of equal rank that both match
        some OPD kind and service with different limits. Spans are compared, not days.
        """
        for a, b in combinations(self.arrangement, 2):
            if _rank_class(a) != _rank_class(b):
                continue
            if a.levels and b.levels and not set(a.levels) & set(b.levels):
                continue
            shared = a.first_shared_day(b)
            if shared is not None:
                raise PolicyConflictError(
                    f"policy {self.id!r}: arrangements {a.id!r} and {b.id!r} "
                    f"both cover {shared.isoformat()} with equal rank",
                    rules=(a.id, b.id),
                    day=shared,
                )
        for arrangement in self.arrangement:
            for kind in sorted(OPD_KINDS):
                for service in ServiceCategory:
                    arrangement.quota_rule(kind, service)


def _rank_class(a: Arrangement) -> str:
    if a.kind is ArrangementKind.STANDING:
        return "standing"
    return "weekly" if a.is_weekly else "dated"


def _field_loc(field: str) -> tuple[str | int, ...]:
    """``"quota[2].basis"`` -> ``("quota", 2, "basis")``."""
    loc: list[str | int] = []
    for part in field.split("."):
        name, _, index = part.partition("[")
        loc.append(name)
        if index:
            loc.append(int(index.rstrip("]")))
    return tuple(loc)


def _located_error(message: str, loc: tuple[str | int, ...]) -> ValidationError:
    return ValidationError.from_exception_data(
        "Policy",
        [
            {
                "type": PydanticCustomError("value_error", "{error}", {"error": message}),
                "loc": loc,
                "input": None,
            }
        ],
        hide_input=True,
    )


def parse_policy(raw: dict[str, Any], name: str, text: str | None = None) -> Policy:
    """Validate parsed policy data: schema, references to instruments, conflicts."""
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        raise data_error(exc, name, text, model=Policy) from None
    except PolicyConflictError as exc:
        raise _conflict_in_file(exc, raw, name, text) from None


def _conflict_in_file(
    exc: PolicyConflictError, raw: dict[str, Any], name: str, text: str | None
) -> PolicyConflictError:
    """The conflict named with the file and, for two arrangements that overlap, each
    arrangement's line (its ``id =``), in Indonesian and English."""
    entries = raw.get("arrangement")
    ids = [e.get("id") if isinstance(e, dict) else None for e in entries or ()]
    if text is None or exc.day is None or not all(r in ids for r in exc.rules):
        return PolicyConflictError(f"{name}: {exc}", rules=exc.rules, day=exc.day)
    lines = [locate(text, ("arrangement", ids.index(r), "id")) for r in exc.rules]
    params = {
        "first": exc.rules[0],
        "second": exc.rules[1],
        "first_line": lines[0],
        "second_line": lines[1],
        "day": exc.day.isoformat(),
    }
    return PolicyConflictError(
        {lang: f"{name}: {render('policy_error.overlap', lang, **params)}" for lang in LANGUAGES},
        rules=exc.rules,
        day=exc.day,
        lines=(lines[0], lines[1]),
    )


def load_policy(path: str | Path) -> Policy:
    """Load a user's own TOML policy file, with the same schema and checks as the bundled ones.

    The file may declare its own instruments (``[[instrument]]``: the region's circulars)
    and cite them. Errors name the file, the field and, where it can be found, the line:
    [`PolicyDataError`][flexasn.PolicyDataError] for bad data,
    [`PolicyConflictError`][flexasn.PolicyConflictError] for rules that contradict each other.
    """
    require_path(path)
    name, text = user_text(path)
    return parse_policy(parse_toml(name, text), name, text)


@functools.cache
def list_policies() -> tuple[str, ...]:
    """The ids of the bundled policies with data of their own, sorted.

    [`get_policy`][flexasn.get_policy] answers for more: every id of the register of regional
    governments (`flexasn.instansi_ids`), over the national layer.
    """
    return tuple(bundled_names("policies"))


_REGISTERED: dict[str, Policy] = {}
_LOCK = threading.RLock()
POLICY_PATH_ENV = "FLEXASN_POLICY_PATH"
"""Environment variable: folders (separated by ``os.pathsep``) of the user's policy files,
named ``<id>.toml``; a file there is the policy used for its instansi id."""


def register_policy(policy: Policy) -> Policy | None:
    """Make ``policy`` the one used for its instansi id (``policy.id``) by every call that
    does not pass ``policy=``; returns the policy it replaces, if one was registered.

    Registering a policy with id ``nasional`` replaces the national layer that every
    other policy inherits. [`unregister_policy`][flexasn.unregister_policy] undoes it.
    """
    require_type(policy, Policy, "policy")
    with _LOCK:
        previous = _REGISTERED.get(policy.id)
        _REGISTERED[policy.id] = policy
    return previous


def unregister_policy(policy_id: str) -> Policy | None:
    """Forget a policy registered with [`register_policy`][flexasn.register_policy]; returns it, or
    None."""
    require_type(policy_id, str, "policy_id")
    with _LOCK:
        return _REGISTERED.pop(policy_id, None)


def registered_policies() -> tuple[str, ...]:
    """The ids of the policies registered with [`register_policy`][flexasn.register_policy],
    sorted."""
    with _LOCK:
        return tuple(sorted(_REGISTERED))


@functools.cache
def _load_user_file(path: str, mtime_ns: int, size: int) -> Policy:
    del mtime_ns, size  # part of the cache key: an edited file is read again
    return load_policy(path)


def _from_policy_path(policy_id: str) -> Policy | None:
    folders = os.environ.get(POLICY_PATH_ENV, "")
    for folder in filter(None, folders.split(os.pathsep)):
        candidate = Path(folder) / f"{policy_id}.toml"
        try:
            stat = candidate.stat()
        except OSError:
            continue
        with _LOCK:
            policy = _load_user_file(str(candidate), stat.st_mtime_ns, stat.st_size)
        if policy.id != policy_id:
            raise PolicyDataError(
                f"id {policy.id!r} does not match the file name", file=str(candidate), field="id"
            )
        return policy
    return None


@functools.cache
def _bundled_policy(policy_id: str) -> Policy:
    name, text = bundled_text(f"policies/{policy_id}.toml")
    policy = parse_policy(parse_toml(name, text), name, text)
    if policy.id != policy_id:
        raise PolicyDataError(
            f"id {policy.id!r} does not match the file name", file=name, field="id"
        )
    return policy


@functools.cache
def _register_policy(policy_id: str) -> Policy:
    from .register import instansi  # the register is loaded only when asked for

    entry = instansi(policy_id)
    return Policy(
        id=entry.id,
        name=entry.name,
        level=entry.level,
        timezone=entry.timezone,
        province=entry.province,
    )


def _administrative_parent(policy_id: str) -> str | None:
    from .register import instansi

    return instansi(policy_id).parent


def get_policy(policy_id: str) -> Policy:
    """The policy of an instansi id: ``"kab-malang"``, ``"kab-sleman"``, ``"nasional"``.

    In order: a policy registered with [`register_policy`][flexasn.register_policy]; a file
    ``<id>.toml`` in a
    folder of ``FLEXASN_POLICY_PATH``; the bundled policy with data of its own; for any
    other id of the register of 552 regional governments, a policy with no data of its
    own, answering by the national layer alone (for DKI Jakarta's six administrative
    areas, whose staff are the province's: the province's policy under the area's id and
    name). An id outside the register raises
    [`UnknownPolicyError`][flexasn.UnknownPolicyError] naming the closest known ids.
    """
    require_type(policy_id, str, "policy_id")
    registered = _REGISTERED.get(policy_id)
    if registered is not None:
        return registered
    from_path = _from_policy_path(policy_id)
    if from_path is not None:
        return from_path
    with _LOCK:  # built once, even when many threads ask at the same time
        if policy_id in list_policies():
            return _bundled_policy(policy_id)
        policy = _register_policy(policy_id)
    parent = _administrative_parent(policy_id)
    if parent is not None:
        # DKI Jakarta's kota / kabupaten administrasi are not regional governments: their
        # civil servants are the province's, under the province's arrangements
        # (same province: the register gives the parent as their province)
        return get_policy(parent).model_copy(update={"id": policy.id, "name": policy.name})
    return policy


def national_policy() -> Policy:
    """The national layer every other policy inherits (the ``nasional`` policy, or the
    one registered in its place)."""
    return get_policy(NATIONAL)


def resolve_policy(policy: Policy | str | None, instansi: str) -> Policy:
    """The policy to apply: the one given, an instansi id, or the instansi's own policy."""
    if isinstance(policy, Policy):
        return policy
    require_type(policy, (Policy, str), "policy", optional=True)
    return get_policy(policy if policy is not None else instansi)


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of a policy file (the same schema as the bundled files)."""
    return Policy.model_json_schema()


def write_policy_json_schema(path: str | Path) -> None:
    """Write the policy JSON Schema to ``path``."""
    import json  # imported on first use: not part of ``import flexasn``

    Path(path).write_text(json.dumps(policy_json_schema(), indent=2) + "\n", encoding="utf-8")


__all__ = [
    "NATIONAL",
    "PERMITTING",
    "POLICY_PATH_ENV",
    "POLICY_SCHEMA_VERSION",
    "TIMEZONES",
    "Arrangement",
    "ArrangementKind",
    "Basis",
    "InForce",
    "Level",
    "Notes",
    "Percent",
    "Policy",
    "QuotaRule",
    "Rounding",
    "Weekday",
    "get_policy",
    "list_policies",
    "load_policy",
    "national_policy",
    "parse_policy",
    "policy_json_schema",
    "register_policy",
    "registered_policies",
    "resolve_policy",
    "unregister_policy",
    "write_policy_json_schema",
]
