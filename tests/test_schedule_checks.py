"""validate_schedule: history counting, several kinds of violation in one schedule, the
fields of a violation, and the metadata of a planned schedule (issue 12 part 2).

Worked out by hand from DESIGN.md (the Check table: ``quota`` and ``weekly_limit`` for
schedules) and LAW.md §2 (Permen PANRB 4/2025 Pasal 13 ayat (1): at most 2 working days a
week, Monday to Sunday, except for duties outside the office or special circumstances).

The OPD here has 6 staff under a standing arrangement (WFH only, 50 %, heads on site):
its limit is min(floor(6 x 50 %), 6 - 1) = 3 a day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

import flexasn as fx
from builders import FRI, MON, NIPS, SAT, SUN, THU, TUE, WED, arrangement, opd, policy, span, staff
from flexasn.check import Violation, validate_schedule
from flexasn.privacy import masked_id
from flexasn.schedule import Schedule

STANDING = policy(
    arrangement(
        "tetap",
        "standing",
        [span(date(2025, 4, 21), date(2025, 6, 30))],
        modes=["wfh"],
        weekly_limit=2,
        heads_onsite=True,
        quota=[{"default": True, "percent": "50"}],
    )
)
UNIT = opd(headcount=6)
HEAD, A, B, C, D, E = NIPS[:6]
STRANGER = "198001012005011001"  # made up; sorts before everyone on the roster
ROSTER = [
    staff(HEAD, is_head=True),
    staff(A),
    staff(B),
    staff(C),
    staff(D),
    staff(E, duties_outside_office=True),
]
WFH, WFA = fx.WorkMode.WFH, fx.WorkMode.WFA


def schedule(
    first: date,
    last: date,
    remote: dict[date, dict[str, fx.WorkMode]],
    employees: list[str] | None = None,
    history: dict[str, list[date]] | None = None,
) -> Schedule:
    """A schedule made by hand."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    raw: dict[str, Any] = {
        "opd": "X",
        "first_day": first,
        "last_day": last,
        "employees": employees if employees is not None else [e.nip for e in ROSTER],
        "days": [{"day": d, "remote": remote.get(d, {})} for d in days],
        "history": history or {},
    }
    return Schedule.model_validate(raw)


def found(s: Schedule, **kw: Any) -> list[tuple[fx.Check, date | None, str | None, str]]:
    return [
        (v.check, v.day, v.nip, v.key)
        for v in validate_schedule(s, UNIT, ROSTER, policy=STANDING, **kw)
    ]


def weekly(day: date, nip: str) -> tuple[fx.Check, date, str, str]:
    return (fx.Check.WEEKLY_LIMIT, day, nip, "roster.weekly_limit")


# --- history counting -------------------------------------------------------------------


def test_a_lawful_week() -> None:
    s = schedule(MON, SUN, {MON: {A: WFH, B: WFH}, TUE: {A: WFH, C: WFH}, WED: {B: WFH}})
    assert found(s) == []


def test_days_taken_before_the_schedule_count_in_their_week() -> None:
    # A was out Monday and Tuesday; the schedule starts on Wednesday: Wednesday is a 3rd day
    s = schedule(WED, FRI, {WED: {A: WFH}, THU: {B: WFH}})
    assert found(s) == []
    assert found(s, history={A: [MON, TUE]}) == [weekly(WED, A)]
    # the same days carried by the schedule itself
    carried = schedule(WED, FRI, {WED: {A: WFH}}, history={A: [MON, TUE]})
    assert found(carried) == [weekly(WED, A)]
    # one earlier day: Wednesday is the 2nd, a 3rd on Friday goes over
    s = schedule(WED, FRI, {WED: {A: WFH}, FRI: {A: WFH}})
    assert found(s, history={A: [TUE]}) == [weekly(FRI, A)]


def test_a_day_in_both_histories_counts_once() -> None:
    # Monday in the schedule's history and in history=: Wednesday is the 2nd day, Thursday
    # the 3rd
    s = schedule(WED, FRI, {WED: {A: WFH}, THU: {A: WFH}}, history={A: [MON]})
    assert found(s, history={A: [MON]}) == [weekly(THU, A)]
    # two different days, one from each: Wednesday is already the 3rd
    s = schedule(WED, FRI, {WED: {A: WFH}}, history={A: [MON]})
    assert found(s, history={A: [TUE]}) == [weekly(WED, A)]


def test_a_carried_history_day_on_the_first_day_is_the_schedules_own() -> None:
    # a history that names the first day itself (a hand-made file): that day is counted
    # once, as a day of the schedule
    s = schedule(WED, FRI, {WED: {A: WFH}}, history={A: [MON, WED]})
    assert found(s) == []
    s = schedule(WED, FRI, {WED: {A: WFH}, THU: {A: WFH}}, history={A: [MON, WED]})
    assert found(s) == [weekly(THU, A)]


def test_history_outside_the_week_or_the_roster_does_not_count() -> None:
    s = schedule(WED, FRI, {WED: {A: WFH}, THU: {A: WFH}})
    # Thursday 1 and Friday 2 May belong to the week before
    assert found(s, history={A: [date(2025, 5, 1), date(2025, 5, 2)]}) == []
    # days on or after the first day of the schedule are the schedule's own
    assert found(s, history={A: [WED, THU, FRI]}) == []
    # someone who left the roster
    assert found(s, history={STRANGER: [MON, TUE]}) == []


def test_a_previous_schedule_is_history() -> None:
    before = schedule(MON, TUE, {MON: {A: WFH}, TUE: {A: WFH}})
    after = schedule(WED, FRI, {WED: {A: WFH}, THU: {B: WFH}})
    assert found(after, history=before) == [weekly(WED, A)]
    # and its own history too
    before = schedule(TUE, TUE, {TUE: {A: WFH}}, history={A: [MON]})
    assert found(after, history=before) == [weekly(WED, A)]


def test_the_count_restarts_each_monday() -> None:
    # 12 May 2025 is Waisak and 13 May cuti bersama: the next week's days out are
    # Wednesday 14 and Thursday 15 May, its 1st and 2nd
    next_wed, next_thu = WED + timedelta(days=7), THU + timedelta(days=7)
    s = schedule(
        WED,
        next_thu,
        {WED: {A: WFH}, THU: {A: WFH}, FRI: {A: WFH}, next_wed: {A: WFH}, next_thu: {A: WFH}},
    )
    assert found(s) == [weekly(FRI, A)]
    # every day over the limit is reported, not only the first
    s = schedule(MON, FRI, {d: {A: WFH} for d in (MON, TUE, WED, THU, FRI)})
    assert found(s) == [weekly(WED, A), weekly(THU, A), weekly(FRI, A)]


def test_the_exceptions_of_pasal_13_are_never_over_the_limit() -> None:
    s = schedule(MON, FRI, {d: {E: WFH} for d in (MON, TUE, WED, THU, FRI)})
    assert found(s, history={E: []}) == []


def test_a_dated_window_has_no_weekly_limit() -> None:
    window = policy(arrangement(modes=["wfh"], quota=[{"default": True, "percent": "50"}]))
    s = schedule(MON, FRI, {d: {A: WFH} for d in (MON, TUE, WED, THU, FRI)})
    assert validate_schedule(s, UNIT, ROSTER, policy=window) == ()


# --- several violations in one schedule --------------------------------------------------


def test_mixed_violations_each_reported_once_in_order() -> None:
    # Monday: the head (kept on site) and A with WFA (only WFH allowed) and someone not on
    # the roster; Tuesday: 4 out, over the limit of 3; Wednesday: A's 3rd day; Saturday:
    # B out on a weekend. E is on the roster but not in the schedule.
    s = schedule(
        MON,
        SUN,
        {
            MON: {HEAD: WFH, A: WFA, STRANGER: WFH},
            TUE: {A: WFH, B: WFH, C: WFH, D: WFH},
            WED: {A: WFH},
            SAT: {B: WFH},
        },
        employees=[HEAD, A, B, C, D, STRANGER],
    )
    violations = validate_schedule(s, UNIT, ROSTER, policy=STANDING)
    assert [(v.check, v.day, v.nip, v.key) for v in violations] == [
        (fx.Check.ROSTER, None, STRANGER, "roster.not_on_roster"),
        (fx.Check.ROSTER, None, E, "roster.missing"),
        (fx.Check.ROLE_ONSITE, MON, HEAD, "roster.ineligible"),
        (fx.Check.FLEXIBLE_PERIOD, MON, A, "roster.mode_not_allowed"),
        (fx.Check.QUOTA, TUE, None, "quota.fail"),
        weekly(WED, A),
        (fx.Check.WORKING_DAY, SAT, B, "roster.ineligible"),
    ]
    stranger, missing, head, mode, quota, week, weekend = violations
    assert missing.message("en") == (
        f"Employee {masked_id(E)} is on the roster of OPD X but missing from the schedule: "
        "every employee must be scheduled every day."
    )
    assert stranger.message("en") == (
        f"Employee {masked_id(STRANGER)} is in the schedule but not on the roster of OPD X."
    )
    assert head.failed == (fx.Check.ROLE_ONSITE,)
    assert head.basis == fx.cite("permen-panrb-4-2025", "Pasal 8")
    assert "WFH on 2025-05-05" in head.message("en") and "(role_onsite)" in head.message("en")
    assert mode.basis == fx.cite("permen-panrb-4-2025", "Pasal 8")
    assert mode.message("en") == (
        f"Employee {masked_id(A)} is scheduled WFA on 2025-05-05 but arrangement 'tetap' "
        "allows only WFH."
    )
    assert quota.message("en") == "4 staff work flexibly on 2025-05-06, over the limit of 3."
    assert quota.basis == fx.cite("permen-panrb-4-2025", "Pasal 8")
    assert (quota.nip, quota.employee) == (None, None)
    assert week.basis == fx.cite("permen-panrb-4-2025", "Pasal 13 ayat (1)")
    assert week.message("en") == (
        f"Employee {masked_id(A)} works flexibly 3 days in the week from 2025-05-05 (up to "
        "2025-05-07), over the limit of 2 days a week (Permen PANRB 4/2025 Pasal 13 ayat (1))."
    )
    assert weekend.failed == (fx.Check.WORKING_DAY,)
    assert weekend.basis == fx.cite("perpres-21-2023", "Pasal 3")


def test_an_employee_whose_answer_is_not_known() -> None:
    unknown = policy(arrangement("belum", "decision_unknown"))
    s = schedule(MON, MON, {MON: {A: WFH}})
    (v,) = validate_schedule(s, UNIT, ROSTER, policy=unknown)
    assert (v.check, v.key, v.failed) == (
        fx.Check.FLEXIBLE_PERIOD,
        "roster.undetermined",
        (fx.Check.FLEXIBLE_PERIOD, fx.Check.OPD_ALLOWED),
    )
    assert "whether they may is not known (flexible_period)" in v.message("en")
    # a check that fails comes first, then those unknown
    roster = [staff(A, frontline=True), *ROSTER[2:]]
    (v,) = validate_schedule(s, UNIT, [staff(HEAD, is_head=True), *roster], policy=unknown)
    assert (v.check, v.key, v.failed) == (
        fx.Check.FRONTLINE,
        "roster.ineligible",
        (fx.Check.FRONTLINE, fx.Check.FLEXIBLE_PERIOD, fx.Check.OPD_ALLOWED),
    )


def test_an_excluded_opd_reports_each_person_not_the_quota() -> None:
    # a 0 % rule: every remote employee fails opd_allowed; no quota violation besides
    excluded = policy(arrangement(modes=["wfh"], quota=[{"default": True, "percent": "0"}]))
    s = schedule(MON, MON, {MON: {A: WFH, B: WFH}})
    v = validate_schedule(s, UNIT, ROSTER, policy=excluded)
    assert [(x.check, x.nip) for x in v] == [
        (fx.Check.OPD_ALLOWED, A),
        (fx.Check.OPD_ALLOWED, B),
    ]


def test_exactly_at_the_limit_is_lawful() -> None:
    s = schedule(MON, MON, {MON: {A: WFH, B: WFH, C: WFH}})
    assert found(s) == []


def test_the_fields_of_a_violation() -> None:
    s = schedule(MON, MON, {MON: {HEAD: WFH}})
    (v,) = validate_schedule(s, UNIT, ROSTER, policy=STANDING)
    assert isinstance(v, Violation)
    assert v.employee == masked_id(HEAD)
    assert v.citation == v.basis
    # the condition not met, in words, its code in brackets
    expected = f"2025-05-05 ✗ jabatan boleh di luar kantor (role_onsite): {v.message('id')}"
    assert str(v) == f"{expected} [{v.basis}]"
    dumped = v.model_dump(mode="json")
    assert dumped["employee"] == masked_id(HEAD) and "nip" not in dumped
    assert HEAD not in repr(v) and HEAD not in v.model_dump_json()
    assert set(v.messages) == {"id", "en"}


@pytest.mark.parametrize("bad", ["schedule", "opd"])
def test_a_schedule_of_another_opd_is_refused(bad: str) -> None:
    s = schedule(MON, MON, {})
    if bad == "schedule":
        with pytest.raises(fx.InvalidInputError, match=r"^schedule must be a Schedule, not dict$"):
            validate_schedule(s.model_dump(), UNIT, ROSTER, policy=STANDING)  # type: ignore[arg-type]
    else:
        other = UNIT.model_copy(update={"code": "Y"})
        with pytest.raises(fx.InvalidInputError, match="the schedule is for OPD 'X', not 'Y'"):
            validate_schedule(s, other, ROSTER, policy=STANDING)


# --- the metadata of a planned schedule --------------------------------------------------


def test_the_metadata_of_a_planned_schedule() -> None:
    # the week of 5 May 2025 with A out Monday and Tuesday before (history); limit 3 a day
    plan = fx.plan_rotation(
        UNIT, ROSTER, WED, SUN, policy=STANDING, history={A: [MON, TUE, date(2025, 4, 28)]}
    )
    assert plan.schema_version == 1
    assert (plan.opd, plan.instansi, plan.policy) == ("X", "kab-uji", "kab-uji")
    assert (plan.first_day, plan.last_day) == (WED, SUN)
    assert plan.employees == tuple(sorted(e.nip for e in ROSTER))
    # only the days of the first week before the first day are kept
    assert plan.history == {A: (MON, TUE)}
    assert [d.day for d in plan.days] == [WED, THU, FRI, SAT, SUN]
    assert [d.limit for d in plan.days] == [3, 3, 3, 0, 0]
    assert [d.status for d in plan.days] == ["rule", "rule", "rule", "day_off", "day_off"]
    assert [d.arrangement for d in plan.days] == ["tetap"] * 5
    assert plan.days[0].basis == fx.cite("permen-panrb-4-2025", "Pasal 8")
    assert plan.days[3].basis == fx.cite("perpres-21-2023", "Pasal 3")
    # A already has 2 days this week: never out again; the head never
    assert all(A not in d.remote and HEAD not in d.remote for d in plan.days)
    assert plan.held[A] == (fx.Check.WEEKLY_LIMIT,)
    assert plan.held[HEAD] == (fx.Check.ROLE_ONSITE,)
    # 3 a day on 3 days among B, C, D and E (A held): B, C and D at most 2 each (the weekly
    # limit), E (duties outside the office) every day
    assert [len(plan.remote_days(n)) for n in (B, C, D, E)] == [2, 2, 2, 3]
    assert plan.fairness is not None
    assert plan.fairness.eligible == 5  # A was eligible too, then held by the weekly limit
    assert (plan.fairness.min_days, plan.fairness.max_days) == (0, 3)
    assert plan.fairness.limited_by == (fx.Check.WEEKLY_LIMIT,)
    assert all(d.remote == dict.fromkeys(d.remote, WFH) for d in plan.days)
    assert validate_schedule(plan, UNIT, ROSTER, policy=STANDING, history={A: [MON, TUE]}) == ()


def test_a_roster_violation_has_no_day_and_no_citation() -> None:
    s = schedule(MON, MON, {}, employees=[e.nip for e in ROSTER[:-1]])
    (v,) = validate_schedule(s, UNIT, ROSTER, policy=STANDING)
    assert (v.check, v.day, v.basis, v.failed) == (fx.Check.ROSTER, None, None, ())
    assert v.message() == v.messages["id"] == v.message("id")
    assert str(v) == f"- ✗ tercantum dalam daftar pegawai (roster): {v.message('id')}"
