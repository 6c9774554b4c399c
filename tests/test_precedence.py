"""Which arrangement governs a day, rank by rank (issue 12 part 2).

The precedence is the documented one of ``Policy.in_force`` (flexasn's reading of
LAW.md "How the instruments combine" and DESIGN.md's layers), highest first: the
instansi's own dated window or decision; its own weekly arrangement; a national dated
window; the instansi's weekly arrangement after its last known day (unknown); the
national weekly arrangement; the instansi's standing arrangement; the national weekly
arrangement after its last known day (unknown); a national standing arrangement. A
dated circular naming its days is the later, specific instrument: no weekly limit on
them (LAW.md §3). A weekly WFH day counts toward the standing limit (LAW.md §3a).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

import flexasn as fx
from builders import MON, arrangement, opd, policy, span, staff

FRIDAY_AFTER = date(2026, 7, 24)  # the national Friday is known through 17 July 2026
NATIONAL_FRIDAY = date(2026, 5, 8)  # a Friday of SE MenPANRB 3/2026
REGION = {"id": "kab-uji", "level": "kabupaten"}


def standing(id: str = "tetap", **fields: Any) -> dict[str, Any]:
    days = [span(date(2025, 4, 21), date(2026, 12, 31))]
    fields = {"weekly_limit": 2, "quota": [{"default": True, "percent": "50"}], **fields}
    return arrangement(id, "standing", days, **fields)


def decide(p: fx.Policy, day: date, **kw: Any) -> fx.Decision:
    return fx.eligible_for_wfa(staff(), opd(), day, policy=p, **kw)


def test_an_own_standing_arrangement_outranks_the_national_friday_after_its_last_day() -> None:
    p = policy(standing())
    d = decide(p, FRIDAY_AFTER)
    assert d.arrangement == "tetap" and d.outcome is fx.Outcome.ALLOWED
    # and the national Friday while it is known outranks the own standing arrangement
    d = decide(p, NATIONAL_FRIDAY)
    assert d.arrangement == "wfh-jumat-2026-daerah"
    # whose weekly limit still counts the Friday (LAW.md §3a)
    assert d.reason(fx.Check.WEEKLY_LIMIT).key == "weekly_limit.pass_not_counted"
    assert (
        decide(p, NATIONAL_FRIDAY, remote_days_this_week=2).reason(fx.Check.WEEKLY_LIMIT).passed
        is False
    )


def test_an_own_weekly_arrangement_after_its_last_day_outranks_the_national_friday() -> None:
    # an own Friday arrangement known until 30 April 2026: on 8 May its continuation is
    # unknown, and it is the instansi's own word on Fridays, above the national one
    p = policy(
        arrangement(
            "jumat-sendiri",
            "weekly",
            [span(date(2026, 4, 1), date(2026, 4, 30))],
            weekdays=["friday"],
            modes=["wfh"],
            quota=[{"default": True, "percent": "30"}],
        )
    )
    d = decide(p, NATIONAL_FRIDAY)
    assert d.arrangement == "jumat-sendiri-lanjutan"
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.unknown_continuation"
    found = p.in_force(NATIONAL_FRIDAY)
    assert (found.continued, found.national) == (True, False)
    # within its days it governs, its own
    found = p.in_force(date(2026, 4, 10))
    assert found.arrangement is not None and found.arrangement.id == "jumat-sendiri"
    assert (found.continued, found.national) == (False, False)


def test_the_national_friday_after_its_last_day_is_national() -> None:
    found = policy().in_force(FRIDAY_AFTER)
    assert found.arrangement is not None
    assert found.arrangement.id == "wfh-jumat-2026-perpanjangan-daerah-lanjutan"
    assert (found.continued, found.national) == (True, True)
    found = policy().in_force(NATIONAL_FRIDAY)
    assert (found.continued, found.national, found.standing) == (False, True, None)


def test_a_dated_window_over_a_standing_arrangement_has_no_weekly_limit() -> None:
    p = policy(
        standing(),
        arrangement("jendela", days=[span(MON)], quota=[{"default": True, "percent": "50"}]),
    )
    found = p.in_force(MON)
    assert found.arrangement is not None and found.arrangement.id == "jendela"
    assert found.standing is None
    d = decide(p, MON, remote_days_this_week=4)
    assert d.outcome is fx.Outcome.ALLOWED
    assert fx.Check.WEEKLY_LIMIT not in [r.check for r in d.reasons]
    # the day after, the standing arrangement and its limit again
    d = decide(p, MON + timedelta(days=1), remote_days_this_week=4)
    assert d.reason(fx.Check.WEEKLY_LIMIT).passed is False


@pytest.fixture
def national_with_standing() -> Iterator[None]:
    # the national layer with a made-up national standing arrangement (weekly limit 3)
    national = fx.get_policy("nasional")
    extra = fx.Policy.model_validate(
        {
            "id": "nasional",
            "name": "uji",
            "level": "pusat",
            "arrangement": [standing("tetap-nasional", weekly_limit=3)],
        }
    ).arrangement
    fx.register_policy(national.model_copy(update={"arrangement": (*national.arrangement, *extra)}))
    yield
    fx.unregister_policy("nasional")


def test_an_own_standing_arrangement_outranks_a_national_one(national_with_standing: None) -> None:
    d = decide(policy(standing()), MON)
    assert d.arrangement == "tetap"
    assert "2 flexible-work days" in d.reason(fx.Check.WEEKLY_LIMIT).message("en")
    # a region without its own: the national standing arrangement, limit 3
    d = decide(policy(), MON)
    assert d.arrangement == "tetap-nasional"
    assert "3 flexible-work days" in d.reason(fx.Check.WEEKLY_LIMIT).message("en")


def test_beside_a_weekly_day_the_own_standing_limit_counts(national_with_standing: None) -> None:
    # the national Friday governs; of the two standing arrangements beside it, the own one
    # (limit 2) counts the day
    found = policy(standing()).in_force(NATIONAL_FRIDAY)
    assert found.arrangement is not None and found.arrangement.id == "wfh-jumat-2026-daerah"
    assert found.standing is not None and found.standing.id == "tetap"
    found = policy().in_force(NATIONAL_FRIDAY)
    assert found.standing is not None and found.standing.id == "tetap-nasional"


def test_a_quota_beyond_the_calendar_names_the_arrangement_in_force() -> None:
    p = policy(arrangement("tetap", "standing", [span(MON, date(2030, 12, 31))]))
    q = fx.quota(opd(), date(2028, 5, 3), policy=p, strict=False)
    assert (q.status, q.reason, q.arrangement) == (fx.QuotaStatus.UNKNOWN, "coverage", "tetap")


def test_a_quota_rule_conflict_found_by_quota_names_the_opd() -> None:
    a = policy(arrangement(quota=[{"default": True, "percent": "10"}])).arrangement[0]
    twice = a.model_copy(
        update={"quota": (*a.quota, a.quota[0].model_copy(update={"rounding": "ceil"}))}
    )
    broken = policy().model_copy(update={"arrangement": (twice,)})
    with pytest.raises(fx.PolicyConflictError, match="both apply to OPD X with different"):
        fx.quota(opd(), MON, policy=broken)
