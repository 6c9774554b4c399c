"""The rules, one module per instrument family; each rule cites the article it implements.

A rule is a plain function of one `Situation` (one employee, one OPD, one day,
the policy and the arrangement in force) that returns one
[`Reason`][flexasn.Reason]. Rules never raise for a legal answer: pass, fail
or unknown are all reasons. ``decide.eligible_for_wfa`` runs them in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..calendar import DayInfo
from ..people import Employee, Opd
from ..policy import Arrangement, ArrangementKind, InForce, Policy, QuotaRule


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything a rule may look at for one employee on one day."""

    employee: Employee
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
    [`flexasn.decide.situation`][flexasn.decide.situation]): the reasons of the rules that read
    only those, or
    those and the OPD. None (a situation built by hand): every rule runs."""

    @property
    def standing(self) -> Arrangement | None:
        """A standing arrangement whose weekly limit counts the day: the one in force, or
        one beside the weekly arrangement in force (LAW.md §3a)."""
        a = self.arrangement
        if a is not None and a.kind is ArrangementKind.STANDING:
            return a
        return self.in_force.standing if self.in_force is not None else None

    @property
    def continued(self) -> bool:
        """True on a weekday after the last known day of a weekly arrangement."""
        return self.in_force is not None and self.in_force.continued


__all__ = [
    "Arrangement",
    "ArrangementKind",
    "DayInfo",
    "Employee",
    "InForce",
    "Opd",
    "Policy",
    "QuotaRule",
    "Situation",
]
