"""Planner answers that mutation testing (issue 12) found no test pinned: what
[`opd_day`][flexasn.plan.opd_day] tells of a day whose quota has no number."""

from __future__ import annotations

from datetime import date

import flexasn as fx
from builders import FRI, MON, arrangement, opd, policy, span
from flexasn.plan import opd_day

WEEKS = [span(date(2025, 4, 21), date(2025, 6, 30))]


def test_a_weekly_day_without_a_number_still_counts_toward_the_standing_limit() -> None:
    # LAW.md §3a, Permen PANRB 4/2025 Pasal 13 ayat (1): a standing arrangement with a weekly
    # limit of 2 covers April-June 2025; the instansi's own weekly Friday arrangement sets
    # no proportion (left to the head of agency). On Friday 9 May 2025 the Friday
    # arrangement governs, its quota has no number, and the standing limit of 2 still
    # counts the day.
    p = policy(
        arrangement(
            "tetap",
            "standing",
            WEEKS,
            weekly_limit=2,
            quota=[{"default": True, "percent": "50"}],
        ),
        arrangement("jumat", "weekly", WEEKS, weekdays=["friday"], continuation="ends"),
    )
    day = opd_day(opd(), FRI, p)
    assert (day.status, day.limit) == ("quota_undefined", None)
    assert day.arrangement is not None and day.arrangement.id == "jumat"
    assert day.in_force is not None and day.in_force.arrangement is day.arrangement
    assert day.weekly_limit == 2
    # Monday 5 May 2025: the standing arrangement itself governs, 50 % of 40 = 20
    monday = opd_day(opd(), MON, p)
    assert (monday.status, monday.limit, monday.weekly_limit) == ("rule", 20, 2)


def test_a_day_without_a_number_and_no_standing_arrangement_has_no_weekly_limit() -> None:
    # the same Friday arrangement alone: no standing arrangement, so no weekly limit
    p = policy(arrangement("jumat", "weekly", WEEKS, weekdays=["friday"], continuation="ends"))
    day = opd_day(opd(), FRI, p)
    assert (day.status, day.limit, day.weekly_limit) == ("quota_undefined", None, None)
    assert day.in_force is not None and day.in_force.standing is None
    assert fx.quota(opd(), FRI, policy=p, strict=False).status is fx.QuotaStatus.UNDEFINED
