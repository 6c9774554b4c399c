"""The rules, one module per instrument family; each rule cites the article it implements.

A rule is a plain function of one :class:`Situation` (one employee, one OPD, one day,
the policy and the arrangement in force) that returns one
:class:`~flexasn.reasons.Reason`. Rules never raise for a legal answer: pass, fail
or unknown are all reasons. ``decide.eligible_for_wfa`` runs them in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..calendar import DayInfo
from ..people import Employee, Opd
from ..policy import Arrangement, Policy, QuotaRule


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
