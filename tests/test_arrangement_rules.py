"""What an arrangement says, and what it leaves to its defaults (issue 12 part 2).

Hand-worked from DESIGN.md ("Public API contract", the Check table) and LAW.md §3 "How
the instruments combine": front-line staff stay on site unless the arrangement says
otherwise; the head of an OPD works remotely unless the arrangement keeps heads on site
(``heads_onsite``, default false); a duty officer is on site on a duty day unless the
arrangement says otherwise (``duty_officers_onsite``, default true); a quota rule's own
rounding replaces the default ``floor``. Every policy here is built directly
(tests/builders.py), over days the national layer does not decide.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from builders import FRI, MON, NIPS, SAT, THU, TUE, WED, arrangement, opd, policy, span, staff
from flexasn.quotas import QuotaStatus

NO_DAY = date(2025, 5, 14)  # a working Wednesday no arrangement covers


# --- front-line staff -------------------------------------------------------------------


def test_an_arrangement_that_lets_front_line_staff_out() -> None:
    lets_out = policy(
        arrangement(frontline_onsite=False, quota=[{"default": True, "percent": "50"}])
    )
    d = fx.eligible_for_wfa(staff(frontline=True), opd(), MON, policy=lets_out)
    assert d.outcome is fx.Outcome.ALLOWED
    r = d.reason(fx.Check.FRONTLINE)
    assert (r.passed, r.key) == (True, "frontline.pass_allowed")
    assert "'uji'" in r.message("en") and "'uji'" in r.message("id")
    # the same person where the arrangement says nothing: kept on site
    default = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    d = fx.eligible_for_wfa(staff(frontline=True), opd(), MON, policy=default)
    assert d.outcome is fx.Outcome.DENIED and d.failed == (fx.Check.FRONTLINE,)
    assert d.reason(fx.Check.FRONTLINE).key == "frontline.fail"
    # and staff who are not front line pass under both, for the plain reason
    for p in (lets_out, default):
        r = fx.eligible_for_wfa(staff(), opd(), MON, policy=p).reason(fx.Check.FRONTLINE)
        assert (r.passed, r.key) == (True, "frontline.pass")


def test_front_line_staff_without_any_arrangement_stay_on_site() -> None:
    lets_out = policy(arrangement(frontline_onsite=False))
    d = fx.eligible_for_wfa(staff(frontline=True), opd(), NO_DAY, policy=lets_out)
    r = d.reason(fx.Check.FRONTLINE)
    assert (r.passed, r.key) == (False, "frontline.fail")
    assert d.arrangement is None


def test_a_planned_rotation_sends_front_line_staff_out_only_where_allowed() -> None:
    # 10 staff, all front line, 50 %: floor(10 x 50 %) = 5 a day where they may go
    roster = [staff(nip, frontline=True) for nip in NIPS[:10]]
    unit = opd(headcount=10)
    rule = [{"default": True, "percent": "50"}]
    allowed = fx.plan_rotation(
        unit, roster, MON, FRI, policy=policy(arrangement(frontline_onsite=False, quota=rule))
    )
    assert [len(allowed.remote_on(d)) for d in (MON, TUE, WED, THU, FRI)] == [5] * 5
    kept = fx.plan_rotation(unit, roster, MON, FRI, policy=policy(arrangement(quota=rule)))
    assert [len(kept.remote_on(d)) for d in (MON, TUE, WED, THU, FRI)] == [0] * 5
    assert set(kept.held.values()) == {(fx.Check.FRONTLINE,)}


# --- the defaults of an arrangement ------------------------------------------------------


def test_the_defaults_of_an_arrangement() -> None:
    a = policy(arrangement()).arrangement[0]
    assert a.heads_onsite is False
    assert a.structural_onsite is False
    assert a.duty_officers_onsite is True
    assert a.frontline_onsite is True
    assert a.weekly_limit is None
    assert a.continuation == "unknown"
    assert a.levels == () and a.weekdays == () and a.quota == () and a.also_cites == ()
    assert a.onsite_basis is None
    rule = policy(arrangement(quota=[{"default": True, "percent": "10"}])).arrangement[0].quota[0]
    assert (rule.rounding, rule.min_onsite, rule.basis, rule.label) == ("floor", 0, None, None)


def test_heads_work_remotely_unless_the_arrangement_keeps_them_on_site() -> None:
    rule = [{"default": True, "percent": "20"}]
    silent = policy(arrangement(quota=rule))
    head = staff(is_head=True)
    d = fx.eligible_for_wfa(head, opd(), MON, policy=silent)
    assert d.outcome is fx.Outcome.ALLOWED
    assert d.reason(fx.Check.ROLE_ONSITE).key == "role_onsite.pass"
    # no head kept on site: min(floor(40 x 20 %), 40 - 0) = 8
    q = fx.quota(opd(), MON, policy=silent)
    assert (q.limit, q.onsite_required) == (8, 0)
    keeps = policy(arrangement(quota=rule, heads_onsite=True))
    d = fx.eligible_for_wfa(head, opd(), MON, policy=keeps)
    assert d.failed == (fx.Check.ROLE_ONSITE,)
    assert d.reason(fx.Check.ROLE_ONSITE).key == "role_onsite.fail_head"
    assert "'uji'" in d.reason(fx.Check.ROLE_ONSITE).message("en")
    # the head counts among the staff on site: min(floor(40 x 20 %), 40 - 1) = 8
    q = fx.quota(opd(), MON, policy=keeps)
    assert (q.limit, q.onsite_required) == (8, 1)
    # where that bound bites: 5 staff at 100 %, the head on site, 4 may go
    assert (
        fx.quota(
            opd(headcount=5),
            MON,
            policy=policy(
                arrangement(quota=[{"default": True, "percent": "100"}], heads_onsite=True)
            ),
        ).limit
        == 4
    )
    # an empty OPD keeps no head on site
    q = fx.quota(opd(headcount=0), MON, policy=keeps)
    assert (q.limit, q.onsite_required) == (0, 0)


def test_structural_officials_work_remotely_unless_kept_on_site() -> None:
    rule = [{"default": True, "percent": "20"}]
    official = staff(position=fx.PositionType.STRUCTURAL)
    d = fx.eligible_for_wfa(official, opd(), MON, policy=policy(arrangement(quota=rule)))
    assert d.outcome is fx.Outcome.ALLOWED
    keeps = policy(arrangement(quota=rule, structural_onsite=True))
    d = fx.eligible_for_wfa(official, opd(), MON, policy=keeps)
    assert d.failed == (fx.Check.ROLE_ONSITE,)
    r = d.reason(fx.Check.ROLE_ONSITE)
    assert r.key == "role_onsite.fail_structural" and "'uji'" in r.message("en")
    # a head who is also structural is named as the head where heads stay on site
    both = policy(arrangement(quota=rule, structural_onsite=True, heads_onsite=True))
    head = staff(is_head=True, position=fx.PositionType.STRUCTURAL)
    d = fx.eligible_for_wfa(head, opd(), MON, policy=both)
    assert d.reason(fx.Check.ROLE_ONSITE).key == "role_onsite.fail_head"


def test_duty_officers_stay_on_site_on_duty_days_unless_the_arrangement_says_otherwise() -> None:
    rule = [{"default": True, "percent": "20"}]
    officer = staff(duty_days=frozenset({MON}))
    silent = policy(arrangement(quota=rule))
    d = fx.eligible_for_wfa(officer, opd(), MON, policy=silent)
    assert d.failed == (fx.Check.ROLE_ONSITE,)
    r = d.reason(fx.Check.ROLE_ONSITE)
    assert r.key == "role_onsite.fail_duty"
    assert "2025-05-05" in r.message("en") and "2025-05-05" in r.message("id")
    # not on duty the next day
    assert fx.eligible_for_wfa(officer, opd(), TUE, policy=silent).allowed
    released = policy(arrangement(quota=rule, duty_officers_onsite=False))
    d = fx.eligible_for_wfa(officer, opd(), MON, policy=released)
    assert d.outcome is fx.Outcome.ALLOWED
    assert d.reason(fx.Check.ROLE_ONSITE).key == "role_onsite.pass"
    # with no arrangement at all, a duty day is still a duty day
    d = fx.eligible_for_wfa(staff(duty_days=frozenset({NO_DAY})), opd(), NO_DAY, policy=silent)
    assert d.reason(fx.Check.ROLE_ONSITE).key == "role_onsite.fail_duty"


# --- rounding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headcount", "percent", "rounding", "expected"),
    [
        # half_up: below one half rounds down, one half and above up
        (10, "4", "half_up", 0),  # 0.4
        (10, "5", "half_up", 1),  # 0.5
        (10, "14", "half_up", 1),  # 1.4
        (10, "15", "half_up", 2),  # 1.5
        (10, "16", "half_up", 2),  # 1.6
        (10, "20", "half_up", 2),  # 2 exactly
        (30, "49", "half_up", 15),  # 14.7
        # half_even: one half goes to the even neighbour
        (10, "5", "half_even", 0),  # 0.5
        (10, "15", "half_even", 2),  # 1.5
        (10, "25", "half_even", 2),  # 2.5
        (10, "14", "half_even", 1),  # 1.4
        (10, "16", "half_even", 2),  # 1.6
        # ceil: any part up; an exact number stays
        (10, "1", "ceil", 1),  # 0.1
        (10, "20", "ceil", 2),  # 2 exactly
        (10, "21", "ceil", 3),  # 2.1
        # floor: "paling banyak"
        (10, "29", "floor", 2),  # 2.9
        (10, "30", "floor", 3),  # 3 exactly
    ],
)
def test_rounding_by_hand(headcount: int, percent: str, rounding: str, expected: int) -> None:
    assert fx.quota_limit(headcount, percent, rounding=rounding) == expected


def test_a_quota_rule_rounds_as_it_says() -> None:
    # 10 staff at 15 %: 1.5; floor 1 (the default), ceil 2, half_up 2, half_even 2;
    # at 25 %: 2.5; half_even 2
    def limit(percent: str, **rule: str) -> int | None:
        p = policy(arrangement(quota=[{"default": True, "percent": percent, **rule}]))
        q = fx.quota(opd(headcount=10), MON, policy=p)
        assert q.rounding == rule.get("rounding", "floor")
        return q.limit

    assert limit("15") == 1
    assert limit("15", rounding="ceil") == 2
    assert limit("15", rounding="half_up") == 2
    assert limit("25", rounding="half_even") == 2
    assert limit("35", rounding="half_even") == 4
    assert limit("4", rounding="half_up") == 0  # 0.4: below one half


def test_the_rules_own_rounding_decides_eligibility_and_the_rotation() -> None:
    # 4 staff at 20 %: 0.8; floor gives 0 (nobody), ceil gives 1
    unit = opd(headcount=4)
    floor = policy(arrangement(quota=[{"default": True, "percent": "20"}]))
    ceil = policy(arrangement(quota=[{"default": True, "percent": "20", "rounding": "ceil"}]))
    d = fx.eligible_for_wfa(staff(), unit, MON, policy=floor)
    r = d.reason(fx.Check.OPD_ALLOWED)
    assert (r.passed, r.key) == (False, "opd_allowed.fail_zero")
    assert "20" in r.message("en") and "4" in r.message("en")
    d = fx.eligible_for_wfa(staff(), unit, MON, policy=ceil)
    r = d.reason(fx.Check.OPD_ALLOWED)
    assert (r.passed, r.key) == (True, "opd_allowed.pass")
    assert "quota of 1 of 4 staff (20%" in r.message("en")
    roster = [staff(nip) for nip in NIPS[:4]]
    plan = fx.plan_rotation(unit, roster, MON, FRI, policy=ceil)
    assert [d.limit for d in plan.days] == [1] * 5
    assert [len(d.remote) for d in plan.days] == [1] * 5
    assert fx.plan_rotation(unit, roster, MON, FRI, policy=floor).remote_on(MON) == ()


def test_min_onsite_bounds_the_quota_and_the_decision() -> None:
    # 10 staff at 50 % with 8 kept on site: min(5, 10 - 8) = 2; with 10 kept on site, 0
    def p(min_onsite: int) -> fx.Policy:
        rule = {"default": True, "percent": "50", "min_onsite": min_onsite}
        return policy(arrangement(quota=[rule]))

    q = fx.quota(opd(headcount=10), MON, policy=p(8))
    assert (q.limit, q.onsite_required) == (2, 8)
    assert q.formula() == "min(floor(10 x 50%), 10 - 8) = 2"
    d = fx.eligible_for_wfa(staff(), opd(headcount=10), MON, policy=p(10))
    assert d.reason(fx.Check.OPD_ALLOWED).key == "opd_allowed.fail_zero"
    # more kept on site than the OPD has: the on-site count is the whole OPD
    q = fx.quota(opd(headcount=10), MON, policy=p(12))
    assert (q.limit, q.onsite_required) == (0, 10)


# --- the fields of a Quota and a Decision ---------------------------------------------


def test_every_field_of_a_quota_with_a_number() -> None:
    p = policy(
        arrangement(
            heads_onsite=True,
            quota=[{"kinds": ["bkad"], "percent": "35", "rounding": "half_up", "label": "BKAD"}],
        )
    )
    q = fx.quota(opd(headcount=30), MON, policy=p)
    # 30 x 35 % = 10.5 -> half_up 11; min(11, 30 - 1) = 11
    assert q.model_dump() == {
        "day": MON,
        "opd": "X",
        "instansi": "kab-uji",
        "policy": "kab-uji",
        "status": QuotaStatus.SET,
        "arrangement": "uji",
        "rule": "BKAD",
        "rule_en": "BKAD",  # no label_en: English reads the label
        "percent": Decimal(35),
        "headcount": 30,
        "onsite_required": 1,
        "rounding": "half_up",
        "limit": 11,
        "basis": fx.cite("permen-panrb-4-2025", "Pasal 8").model_dump(),
        "reason": "rule",
        "detail": None,
        "messages": None,  # a number: nothing to explain
    }
    assert q.formula() == "min(half_up(30 x 35%), 30 - 1) = 11"


def test_the_fields_of_quotas_without_a_rule() -> None:
    p = policy(
        arrangement(quota=[{"kinds": ["dinkes"], "percent": "0"}]),
        arrangement("tanpa", "no_flexible_work", [span(date(2025, 5, 19), date(2025, 5, 23))]),
        arrangement("belum", "decision_unknown", [span(date(2025, 6, 2), date(2025, 6, 5))]),
    )
    own = fx.cite("permen-panrb-4-2025", "Pasal 8")
    cases = {
        # day, kind: status, reason, limit, percent, onsite_required, arrangement, basis
        (MON, "dinkes"): (QuotaStatus.EXCLUDED, "rule", 0, Decimal(0), 0, "uji", own),
        (MON, "bkad"): (QuotaStatus.UNDEFINED, "undefined", None, None, None, "uji", own),
        (SAT, "bkad"): (
            QuotaStatus.NOT_WORKING_DAY,
            "day_off",
            0,
            Decimal(0),
            40,
            None,
            fx.cite("perpres-21-2023", "Pasal 3"),
        ),
        (NO_DAY, "bkad"): (
            QuotaStatus.NO_FLEXIBLE_WORK,
            "no_arrangement",
            0,
            Decimal(0),
            40,
            None,
            None,
        ),
        (date(2025, 5, 20), "bkad"): (
            QuotaStatus.NO_FLEXIBLE_WORK,
            "no_flexible_work",
            0,
            Decimal(0),
            40,
            "tanpa",
            own,
        ),
        (date(2025, 6, 3), "bkad"): (
            QuotaStatus.UNKNOWN,
            "unknown",
            None,
            None,
            None,
            "belum",
            own,
        ),
        (date(2028, 5, 3), "bkad"): (
            QuotaStatus.UNKNOWN,
            "coverage",
            None,
            None,
            None,
            None,
            fx.cite("perpres-21-2023", "Pasal 3"),
        ),
    }
    for (day, kind), expected in cases.items():
        q = fx.quota(opd(kind=kind), day, policy=p, strict=False)
        got = (q.status, q.reason, q.limit, q.percent, q.onsite_required, q.arrangement, q.basis)
        assert got == expected, (day, kind)
        assert (q.day, q.opd, q.instansi, q.policy, q.headcount) == (
            day,
            "X",
            "kab-uji",
            "kab-uji",
            40,
        )
        assert (q.detail is None) == (q.limit is not None), (day, kind)
        if q.limit is None:
            assert q.formula() == f"- ({q.status.value})"


def test_quotas_without_a_number_say_why_and_strict_raises() -> None:
    p = policy(
        arrangement(),
        arrangement("belum", "decision_unknown", [span(date(2025, 6, 2), date(2025, 6, 5))]),
    )
    q = fx.quota(opd(), MON, policy=p, strict=False)
    assert q.detail is not None
    assert "leaves the proportion of remote staff to the head of agency" in q.detail
    assert "'uji'" in q.detail and "2025-05-05" in q.detail and "OPD X" in q.detail
    with pytest.raises(fx.QuotaUndefinedError, match="head of agency"):
        fx.quota(opd(), MON, policy=p)
    with pytest.raises(fx.QuotaUndefinedError, match="head of agency"):
        fx.max_remote(opd(), MON, policy=p)
    q = fx.quota(opd(), date(2025, 6, 3), policy=p, strict=False)
    assert q.detail is not None
    assert "the decision for 2025-06-03 is not known" in q.detail and "'belum'" in q.detail
    with pytest.raises(fx.QuotaUndefinedError, match="not known"):
        fx.max_remote(opd(), date(2025, 6, 3), policy=p)
    q = fx.quota(opd(), date(2028, 5, 3), policy=p, strict=False)
    assert q.detail is not None and "beyond the decreed calendar" in q.detail
    with pytest.raises(fx.CoverageError):
        fx.quota(opd(), date(2028, 5, 3), policy=p)


def test_an_agency_outside_the_permen_is_excluded() -> None:
    # Pasal 38: TNI, Polri, missions abroad; the quota is 0 whatever the arrangement says
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    for agency in (fx.AgencyType.TNI, fx.AgencyType.POLRI):
        q = fx.quota(opd(agency_type=agency), MON, policy=p)
        assert (q.status, q.reason, q.limit, q.arrangement) == (
            QuotaStatus.EXCLUDED,
            "out_of_scope",
            0,
            None,
        )
        assert q.basis == fx.cite("permen-panrb-4-2025", "Pasal 38")
        assert fx.max_remote(opd(agency_type=agency), MON, policy=p) == 0


def test_every_field_of_a_decision() -> None:
    p = policy(arrangement(modes=["wfh"], quota=[{"default": True, "percent": "20"}]))
    d = fx.eligible_for_wfa(staff(), opd(), MON, policy=p)
    assert (d.employee, d.opd, d.instansi, d.policy, d.day) == (
        "…1001",
        "X",
        "kab-uji",
        "kab-uji",
        MON,
    )
    assert d.arrangement == "uji"
    assert d.modes == (fx.WorkMode.WFH,)
    assert d.known_on is None and d.data_as_of == fx.data_as_of()
    assert d.schema_version == 1
    d = fx.eligible_for_wfa(staff(), opd(), NO_DAY, policy=p, known_on=date(2025, 6, 1))
    assert (d.arrangement, d.modes, d.known_on) == (None, (), date(2025, 6, 1))
    assert d.law_as_of == date(2025, 6, 1) and d.later_than_known is False
    d = fx.eligible_for_wfa(staff(), opd(), date(2025, 6, 2), policy=p, known_on=date(2025, 6, 1))
    assert d.later_than_known is True
    # a decision for no flexible work names the arrangement and allows no mode
    p = policy(arrangement("tanpa", "no_flexible_work"))
    d = fx.eligible_for_wfa(staff(), opd(), MON, policy=p)
    assert (d.arrangement, d.modes, d.outcome) == ("tanpa", (), fx.Outcome.DENIED)


# --- invariants ----------------------------------------------------------------------


def _rounded(value: Fraction, rounding: str) -> int:
    """The four roundings, written out again from their definitions."""
    whole, part = divmod(value.numerator, value.denominator)
    rest = Fraction(part, value.denominator)  # 0 <= rest < 1
    if rounding == "floor" or rest == 0:
        return whole
    if rounding == "ceil":
        return whole + 1
    if rounding == "half_up":
        return whole + (1 if rest >= Fraction(1, 2) else 0)
    if rest == Fraction(1, 2):  # half_even
        return whole + whole % 2
    return whole + (1 if rest > Fraction(1, 2) else 0)


@settings(max_examples=80, deadline=None)
@given(
    percent=st.decimals(min_value=0, max_value=100, places=2),
    rounding=st.sampled_from(["floor", "ceil", "half_up", "half_even"]),
    min_onsite=st.integers(0, 8),
    heads_onsite=st.booleans(),
    headcount=st.integers(0, 12),
)
def test_a_quota_never_exceeds_its_cap_and_a_plan_never_its_quota(
    percent: Decimal, rounding: str, min_onsite: int, heads_onsite: bool, headcount: int
) -> None:
    rule = {
        "default": True,
        "percent": str(percent),
        "rounding": rounding,
        "min_onsite": min_onsite,
    }
    p = policy(arrangement(quota=[rule], heads_onsite=heads_onsite))
    unit = opd(headcount=headcount)
    q = fx.quota(unit, MON, policy=p)
    onsite = min(headcount, min_onsite + (1 if heads_onsite and headcount else 0))
    share = _rounded(Fraction(headcount) * Fraction(percent) / 100, rounding)
    assert q.onsite_required == onsite
    assert q.limit == max(0, min(share, headcount - onsite))
    assert q.limit is not None and 0 <= q.limit <= headcount - onsite
    if rounding == "floor":  # "paling banyak": never above the exact share
        assert q.limit <= Fraction(headcount) * Fraction(percent) / 100
    assert fx.max_remote(unit, MON, policy=p) == q.limit
    expected = QuotaStatus.SET if percent > 0 else QuotaStatus.EXCLUDED
    assert q.status is expected
    # a rotation of the whole OPD: nobody lost, never more out than the quota, the whole
    # quota used (every executor is eligible; the head is where heads stay on site)
    roster = [staff(nip, is_head=i == 0) for i, nip in enumerate(NIPS[:headcount])]
    plan = fx.plan_rotation(unit, roster, MON, FRI, policy=p)
    assert plan.employees == tuple(sorted(NIPS[:headcount]))
    eligible = headcount - (1 if heads_onsite and headcount else 0)
    for d in plan.days:
        assert d.limit == q.limit
        assert len(d.remote) == min(q.limit, eligible)
        assert set(d.remote.values()) <= {fx.WorkMode.WFH}  # the first mode listed
        assert all(plan.mode(e.nip, d.day) in (fx.WorkMode.WFH, fx.WorkMode.WFO) for e in roster)
    assert fx.validate_schedule(plan, unit, roster, policy=p) == ()
