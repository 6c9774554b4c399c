"""plan_rotation's documented rules, one by one (issue 12 part 2): fairness by remaining
chances, an order the NIP does not decide, history, a weekly day beside a standing
arrangement, days without a number, the fairness report and the per-day summary.

The rules are those of the module documentation of ``flexasn.plan`` (the circulars'
"secara bergantian", in rotation, within the quota); the expected values are worked out
by hand. Every policy is built directly (tests/builders.py).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

import flexasn as fx
from builders import FRI, MON, NIPS, SAT, SUN, THU, TUE, WED, arrangement, opd, policy, span, staff
from flexasn.plan import summarize

WFH = fx.WorkMode.WFH
OWN = fx.cite("permen-panrb-4-2025", "Pasal 8")


def half(**fields: Any) -> fx.Policy:
    """A window 5-9 May 2025 (or ``days``) with a 50 % default rule."""
    return policy(arrangement(quota=[{"default": True, "percent": "50"}], **fields))


# --- who goes first ------------------------------------------------------------------------


@pytest.mark.parametrize("busy", [0, 1])
def test_among_equals_fewer_remaining_chances_go_first(busy: int) -> None:
    # 2 staff, 50 %: one a day on Monday and Tuesday. One of them is on duty on Tuesday, so
    # has a single chance (Monday): they go first on Monday, the other on Tuesday, one day
    # each, whatever the pseudo-random order (both orders are tried)
    a, b = NIPS[0], NIPS[1]
    roster = [staff(a), staff(b)]
    roster[busy] = staff(roster[busy].nip, duty_days=frozenset({TUE}))
    plan = fx.plan_rotation(opd(headcount=2), roster, MON, TUE, policy=half())
    assert plan.remote_on(MON) == (roster[busy].nip,)
    assert plan.remote_on(TUE) == (roster[1 - busy].nip,)
    assert plan.fairness is not None
    assert (plan.fairness.min_days, plan.fairness.max_days) == (1, 1)


def test_the_order_is_neither_the_roster_nor_the_nip() -> None:
    # one place on one day among 10 staff: over 30 different rosters the place does not
    # always go to the lowest (oldest) or the highest NIP, and never depends on the order
    # the roster is given in
    firsts: Counter[int] = Counter()
    for k in range(30):
        nips = [f"19{50 + k:02d}0101200501100{n}" for n in range(10)]
        roster = [staff(n) for n in nips]
        plan = fx.plan_rotation(
            opd(headcount=20),
            roster,
            MON,
            MON,
            policy=policy(arrangement(quota=[{"default": True, "percent": "5"}])),
        )
        (chosen,) = plan.remote_on(MON)
        again = fx.plan_rotation(
            opd(headcount=20),
            roster[::-1],
            MON,
            MON,
            policy=policy(arrangement(quota=[{"default": True, "percent": "5"}])),
        )
        assert again.remote_on(MON) == (chosen,)
        firsts[nips.index(chosen)] += 1
    assert firsts[0] < 30 and firsts[9] < 30
    assert len(firsts) > 2


def test_fewest_days_so_far_go_first() -> None:
    # 3 staff, 1 place a day (50 % of 3 = 1.5 -> 1) over 3 days: one day each
    roster = [staff(n) for n in NIPS[:3]]
    plan = fx.plan_rotation(opd(headcount=3), roster, MON, WED, policy=half())
    assert sorted(len(plan.remote_days(n)) for n in NIPS[:3]) == [1, 1, 1]
    assert plan.fairness is not None and plan.fairness.limited_by == ()


# --- the weekly limit -------------------------------------------------------------------

STANDING = [{"default": True, "percent": "100"}]


def standing(**fields: Any) -> dict[str, Any]:
    return arrangement(
        "tetap",
        "standing",
        [span(date(2025, 4, 21), date(2025, 6, 30))],
        weekly_limit=2,
        quota=STANDING,
        **fields,
    )


def test_history_of_one_day_leaves_one_more_day() -> None:
    # weekly limit 2: A took Monday; from Tuesday A may go once more, B twice
    a, b = NIPS[0], NIPS[1]
    plan = fx.plan_rotation(
        opd(headcount=2),
        [staff(a), staff(b)],
        TUE,
        FRI,
        policy=policy(standing()),
        history={a: [MON]},
    )
    assert [len(plan.remote_days(n)) for n in (a, b)] == [1, 2]
    assert plan.held[a] == (fx.Check.WEEKLY_LIMIT,)
    # every remote day of A's counts, the one before the plan included
    assert plan.history == {a: (MON,)}


def test_a_weekly_friday_counts_toward_the_standing_limit() -> None:
    # LAW.md §3a: a Friday WFH day counts toward the Pasal 13 two-day limit where a
    # standing arrangement also applies. A instansi's own weekly Friday with a 100 % rule:
    p = policy(
        standing(),
        arrangement(
            "jumat",
            "weekly",
            [span(date(2025, 5, 1), date(2025, 6, 30))],
            weekdays=["friday"],
            modes=["wfh"],
            quota=STANDING,
            continuation="ends",
        ),
    )
    a = NIPS[0]
    roster = [staff(a)]
    unit = opd(headcount=1)
    # A out Monday and Tuesday under the standing arrangement: Friday is a third day
    s = fx.plan_rotation(unit, roster, MON, FRI, policy=p)
    assert s.remote_days(a) == (MON, TUE)
    assert s.days[4].arrangement == "jumat"
    assert s.held[a] == (fx.Check.WEEKLY_LIMIT,)
    raw = s.model_dump()
    raw["days"][4]["remote"] = {a: WFH}
    over = fx.Schedule.model_validate(raw)
    found = fx.validate_schedule(over, unit, roster, policy=p)
    assert [(v.check, v.day) for v in found] == [(fx.Check.WEEKLY_LIMIT, FRI)]
    # on its own a Friday is lawful
    raw["days"][0]["remote"] = {}
    assert fx.validate_schedule(fx.Schedule.model_validate(raw), unit, roster, policy=p) == ()


# --- days without a number, and the report ---------------------------------------------


def test_a_day_whose_proportion_is_left_to_the_head() -> None:
    # an arrangement with no quota rule: nobody out, the day says why
    p = policy(arrangement())
    plan = fx.plan_rotation(opd(headcount=4), [staff(n) for n in NIPS[:4]], MON, MON, policy=p)
    day = plan.days[0]
    assert (day.status, day.limit, day.arrangement, day.basis, day.remote) == (
        "quota_undefined",
        None,
        "uji",
        OWN,
        {},
    )
    assert day.note("en") == (
        "No known instrument sets the proportion of remote staff on 2025-05-05 "
        f"({OWN.text('en')}): nobody is scheduled out of the office."
    )
    assert plan.fairness == fx.Fairness(eligible=0, min_days=0, max_days=0)
    assert plan.held == {}
    with pytest.raises(fx.QuotaUndefinedError):
        fx.plan_rotation(
            opd(headcount=4), [staff(n) for n in NIPS[:4]], MON, MON, policy=p, strict=True
        )


def test_the_fairness_report_names_what_limits_it_in_check_order() -> None:
    # 4 staff, 50 %: 2 a day over 14-25 April 2025 (18 April Good Friday, a weekend): 9
    # days, 18 places. N is new in post: the criterion is in force from 21 April (Permen
    # PANRB 4/2025 Pasal 25), and N is on duty on 14 April: eligible 15-17 April only. D
    # is on duty every day but 14 and 25 April. P and Q share the rest.
    first, last = date(2025, 4, 14), date(2025, 4, 25)
    days = [first + timedelta(days=k) for k in range(12)]
    work = [d for d in days if d.weekday() < 5 and d != date(2025, 4, 18)]
    n, d, p, q = NIPS[:4]
    roster = [
        staff(n, new_in_post=True, duty_days=frozenset({first})),
        staff(d, duty_days=frozenset(w for w in work if w not in (first, last))),
        staff(p),
        staff(q),
    ]
    plan = fx.plan_rotation(
        opd(headcount=4), roster, first, last, policy=half(days=[span(first, last)])
    )
    counts = {x: len(plan.remote_days(x)) for x in (n, d, p, q)}
    assert (counts[n], counts[d]) == (3, 2)
    assert counts[p] + counts[q] == 18 - 5 and abs(counts[p] - counts[q]) <= 1
    assert plan.held[n] == (fx.Check.ROLE_ONSITE, fx.Check.NEW_EMPLOYEE)
    assert plan.held[d] == (fx.Check.ROLE_ONSITE,)
    assert plan.fairness is not None
    assert plan.fairness.limited_by == (fx.Check.ROLE_ONSITE, fx.Check.NEW_EMPLOYEE)
    assert plan.fairness.eligible == 4
    assert "role_onsite, new_employee" in plan.fairness.note("en")


def test_only_those_two_days_behind_name_the_limit() -> None:
    # weekly limit 2, 100 %: P takes Monday and Tuesday, Q took two days before (history)
    # and is held all week; P is also on duty on Friday. Q, two days behind, is limited by
    # the weekly limit; P's duty day does not count as a limit
    p, q = NIPS[0], NIPS[1]
    roster = [staff(p, duty_days=frozenset({FRI})), staff(q)]
    plan = fx.plan_rotation(
        opd(headcount=2),
        roster,
        WED,
        FRI,
        policy=policy(standing()),
        history={q: [MON, TUE]},
    )
    assert [len(plan.remote_days(x)) for x in (p, q)] == [2, 0]
    assert plan.held[p] == (fx.Check.ROLE_ONSITE,)
    assert plan.fairness is not None
    assert plan.fairness.limited_by == (fx.Check.WEEKLY_LIMIT,)


def test_summarize_a_schedule_made_by_hand() -> None:
    p = half()
    unit = opd(headcount=4)
    roster = [staff(n) for n in NIPS[:4]]
    raw = {
        "opd": "X",
        "first_day": FRI,
        "last_day": SUN,
        "employees": NIPS[:4],
        "days": [
            {"day": FRI, "remote": {NIPS[0]: "wfh", NIPS[1]: "wfa", NIPS[2]: "wfh"}},
            {"day": SAT, "remote": {}},
            {"day": SUN, "remote": {}},
        ],
    }
    s = fx.Schedule.model_validate(raw)
    lines = summarize(s, unit, policy=p)
    first = lines[0]
    # 50 % of 4 = 2: three out is one over
    assert (first.day, first.remote, first.wfh, first.wfa, first.onsite) == (FRI, 3, 2, 1, 1)
    assert (first.limit, first.unused, first.status) == (2, -1, "rule")
    assert first.note_en == f"Quota of 2 staff under arrangement 'uji' ({OWN.text('en')})."
    assert [(x.limit, x.unused, x.status) for x in lines[1:]] == [(0, 0, "day_off")] * 2
    assert lines[1].note_en == "2025-05-10 is not a working day: everyone is off or WFO."
    # the schedule's own record knows no limit (made by hand)
    assert [x.limit for x in s.summary()] == [None, None, None]
    with pytest.raises(fx.InvalidInputError, match="the schedule is for OPD 'X', not 'Y'"):
        summarize(s, unit.model_copy(update={"code": "Y"}), policy=p)
    assert fx.validate_schedule(s, unit, roster, policy=p)[0].check is fx.Check.QUOTA


def test_the_whole_quota_is_used_and_the_rest_held_by_it() -> None:
    # 5 staff at 50 %: 2 a day (2.5 rounded down), Monday to Thursday: 8 places for 5
    # people, everyone eligible: 1 or 2 days each, the others held by the quota each day
    roster = [staff(n) for n in NIPS[:5]]
    plan = fx.plan_rotation(opd(headcount=5), roster, MON, THU, policy=half())
    assert [len(d.remote) for d in plan.days] == [2, 2, 2, 2]
    assert sorted(len(plan.remote_days(n)) for n in NIPS[:5]) == [1, 1, 2, 2, 2]
    assert set(plan.held.values()) == {(fx.Check.QUOTA,)}
    assert (plan.instansi, plan.policy, plan.opd) == ("kab-uji", "kab-uji", "X")
