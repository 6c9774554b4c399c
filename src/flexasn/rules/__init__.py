"""The rules, one module per instrument family; each rule cites the article it implements.

A rule is a plain function of one `Situation` (one employee's profile, one OPD, one day,
the policy and the arrangement in force) that returns one
[`Reason`][flexasn.Reason]. Rules never raise for a legal answer: pass, fail
or unknown are all reasons. ``decide.eligible_for_wfa`` runs them in a fixed order.

What the rules read of the policy and the day is computed once per policy, day and
``known_on``: the [`DayContext`][flexasn.rules.DayContext] of
[`day_context`][flexasn.rules.day_context], which the quota
([`flexasn.quotas`][flexasn.quotas]), the decision, the planner and the simulation all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..calendar import DayInfo, covered_years, day_info
from ..people import AgencyType, Employee, Opd, Profile, ServiceCategory
from ..policy import (
    NATIONAL,
    Arrangement,
    ArrangementKind,
    InForce,
    Policy,
    QuotaRule,
    national_policy,
)


def standing_of(arrangement: Arrangement | None, in_force: InForce | None) -> Arrangement | None:
    """The standing arrangement whose weekly limit counts a day: ``arrangement`` (the one in
    force) when it is standing, else one beside a weekly arrangement in force (LAW.md §3a)."""
    if arrangement is not None and arrangement.kind is ArrangementKind.STANDING:
        return arrangement
    return in_force.standing if in_force is not None else None


@dataclass(frozen=True, slots=True)
class DayContext:
    """What the rules read that depends on the policy and the day, never on the employee:
    whether the year is decreed, the arrangement in force and the day's kind; and, kept
    as they are first asked, the quota rules, quota terms and reasons made for that day."""

    covered: bool
    in_force: InForce
    day_info: DayInfo
    shared: dict[object, object] = field(default_factory=dict, compare=False)
    """Reasons made for this context: of [`DAY_RULES`][flexasn.decide.DAY_RULES], of
    [`OPD_RULES`][flexasn.decide.OPD_RULES] per OPD and of the other rules per profile."""
    quota_rules: dict[tuple[str, ServiceCategory], QuotaRule | None] = field(
        default_factory=dict, compare=False
    )
    """The quota rule of the arrangement in force for each OPD kind and service."""
    terms: dict[tuple[str, ServiceCategory, AgencyType], object] = field(
        default_factory=dict, compare=False
    )
    """The quota terms ([`QuotaTerms`][flexasn.quotas.QuotaTerms]) for each OPD kind, service
    and agency type, kept by [`quota_terms`][flexasn.quotas.quota_terms]."""

    @property
    def arrangement(self) -> Arrangement | None:
        """The arrangement in force that day after precedence, if any."""
        return self.in_force.arrangement

    @property
    def standing(self) -> Arrangement | None:
        """The standing arrangement whose weekly limit counts the day, if any."""
        return standing_of(self.in_force.arrangement, self.in_force)

    def quota_rule(self, kind: str, service: ServiceCategory, label: str) -> QuotaRule | None:
        """The quota rule of the arrangement in force for an OPD of that kind and service;
        None where the arrangement permits no flexible work or sets no proportion. A
        conflict of rules raises every time, naming ``label``."""
        arrangement = self.in_force.arrangement
        if arrangement is None or not arrangement.permits_flexible_work:
            return None
        key = (kind, service)
        if key in self.quota_rules:
            return self.quota_rules[key]
        rule = arrangement.quota_rule(kind, service, label)
        self.quota_rules[key] = rule  # bounded: kinds x services
        return rule


_CONTEXTS: dict[tuple[int, date, date | None], tuple[Policy, Policy | None, DayContext]] = {}
_CONTEXTS_KEPT = 4096
"""At most this many day contexts are kept; the table starts afresh when full."""


def day_context(policy: Policy, on: date, known_on: date | None = None) -> DayContext:
    """The [`DayContext`][flexasn.rules.DayContext] of ``policy`` on ``on`` as known on
    ``known_on``.

    Kept per policy object, day and ``known_on``, and for the national layer in use when
    it was computed: a policy is frozen and the bundled calendar never changes in a
    process, so only another policy object (a [`register_policy`][flexasn.register_policy], an
    edited file) or another national layer can change the answer, and either misses the
    table. The entry holds the policy itself, so its ``id()`` is not reused while kept.
    """
    national = national_policy() if policy.id != NATIONAL else None
    key = (id(policy), on, known_on)
    kept = _CONTEXTS.get(key)
    if kept is not None and kept[0] is policy and kept[1] is national:
        return kept[2]
    context = DayContext(
        covered=on.year in covered_years(known_on=known_on),
        in_force=policy.in_force(on, known_on=known_on),
        day_info=day_info(on, strict=False, known_on=known_on),
    )
    if len(_CONTEXTS) >= _CONTEXTS_KEPT:
        _CONTEXTS.clear()
    _CONTEXTS[key] = (policy, national, context)
    return context


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything a rule may look at for one employee on one day.

    The rules read the employee's [`Profile`][flexasn.people.Profile] and whether the day is
    one of their duty days, never their NIP: a situation made for a profile alone (the
    planner's and the simulation's) answers as one made for a person."""

    profile: Profile
    on_duty: bool
    """True when the day is one of the employee's duty (piket) days."""
    opd: Opd
    day: date
    policy: Policy
    day_info: DayInfo
    covered: bool
    """True when the day's calendar year is decreed."""
    arrangement: Arrangement | None
    """The arrangement in force that day after precedence, if any."""
    quota_rule: QuotaRule | None
    remote_days_this_week: int | None = None
    """Remote days the employee already has in the day's Monday-Sunday week, if known."""
    in_force: InForce | None = None
    """How the arrangement was found: its layer, a standing arrangement beside a weekly
    one, or a weekly arrangement's unknown continuation."""
    known_on: date | None = None
    """Answer with only the instruments public by this day (None: everything known)."""
    shared: dict[object, object] | None = None
    """Answers already made for the same policy, day and ``known_on`` (kept by
    [`day_context`][flexasn.rules.day_context]): the reasons of the rules that read only
    those, those and the OPD, or those and the profile. None (a situation built by hand):
    every rule runs."""
    employee: Employee | None = None
    """The employee asked about, if a person was (no rule reads it; the decision names
    them by their masked NIP)."""

    @property
    def standing(self) -> Arrangement | None:
        """A standing arrangement whose weekly limit counts the day: the one in force, or
        one beside the weekly arrangement in force (LAW.md §3a)."""
        return standing_of(self.arrangement, self.in_force)

    @property
    def continued(self) -> bool:
        """True on a weekday after the last known day of a weekly arrangement."""
        return self.in_force is not None and self.in_force.continued


__all__ = [
    "Arrangement",
    "ArrangementKind",
    "DayContext",
    "DayInfo",
    "Employee",
    "InForce",
    "Opd",
    "Policy",
    "Profile",
    "QuotaRule",
    "Situation",
    "day_context",
    "standing_of",
]
