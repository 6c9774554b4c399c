"""plan_rotation: values by hand from LAW.md; invariants over random rosters and policies."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flexasn as fx
from flexasn.check import validate_schedule
from flexasn.plan import plan_rotation, week_of
from flexasn.roster import read_roster

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
STANDING = fx.load_policy(EXAMPLES / "policies" / "standing-example.toml")
LEBARAN = (date(2025, 3, 24), date(2025, 3, 27))


def nip(i: int) -> str:
    """Made-up NIPs: born 1980-01-01, TMT CPNS 2005-01, sequence i."""
    return f"19800101200501{1 + i % 2}{i:03d}"


def opd(
    headcount: int,
    *,
    code: str = "BKAD",
    kind: str = "bkad",
    service: fx.ServiceCategory = fx.ServiceCategory.NON_DIRECT,
    instansi: str = "kab-malang",
) -> fx.Opd:
    return fx.Opd(
        code=code,
        name=f"OPD {code}",
        instansi=instansi,
        kind=kind,
        service=service,
        headcount=headcount,
    )


def staff(n: int, code: str = "BKAD", **flags: dict[int, dict[str, Any]]) -> list[fx.Employee]:
    extra: dict[int, dict[str, Any]] = flags.get("extra", {})
    return [
        fx.Employee.model_validate({"nip": nip(i), "opd": code, **extra.get(i, {})})
        for i in range(n)
    ]


# --- values by hand (LAW.md §5, Kabupaten Malang) -------------------------------------


def test_kab_malang_bkad_120_staff_24_a_day_head_on_site() -> None:
    # tidak_langsung -> at most 20 % of 120 = 24; head on site -> min(24, 120 - 1) = 24
    bkad = opd(120)
    roster = staff(120, extra={0: {"is_head": True}})
    s = plan_rotation(bkad, roster, date(2025, 3, 24), date(2025, 3, 30))
    assert [d.limit for d in s.days] == [24, 24, 24, 24, 0, 0, 0]
    assert [len(d.remote) for d in s.days] == [24, 24, 24, 24, 0, 0, 0]
    assert [d.status for d in s.days][3:5] == ["rule", "day_off"]  # 28 March: cuti bersama
    assert s.days[0].basis is not None and s.days[0].arrangement == "lebaran-2025"
    head = nip(0)
    assert all(s.mode(head, d.day) is fx.WorkMode.WFO for d in s.days)
    assert s.held[head] == (fx.Check.ROLE_ONSITE,)
    # first mode the arrangement lists: WFH
    assert {m for d in s.days for m in d.remote.values()} == {fx.WorkMode.WFH}
    # 96 slots for 119 eligible: 96 people once, 23 never (held by the quota)
    counts = Counter(n for d in s.days for n in d.remote)
    assert len(counts) == 96 and set(counts.values()) == {1}
    never = set(s.employees) - set(counts) - {head}
    assert len(never) == 23 and all(s.held[n] == (fx.Check.QUOTA,) for n in never)
    assert s.fairness is not None and (s.fairness.eligible, s.fairness.spread) == (119, 1)
    assert s.fairness.limited_by == ()
    assert "119" in s.fairness.note("id") and "119" in s.fairness.note("en")
    assert validate_schedule(s, bkad, roster) == ()
    # max_remote agrees
    assert s.days[0].limit == fx.max_remote(bkad, date(2025, 3, 24))


def test_mode_preference_where_allowed() -> None:
    bkad = opd(20)
    s = plan_rotation(bkad, staff(20), *LEBARAN, mode=fx.WorkMode.WFA)
    assert {m for d in s.days for m in d.remote.values()} == {fx.WorkMode.WFA}
    with pytest.raises(fx.InvalidInputError, match="wfh or wfa"):
        plan_rotation(bkad, staff(20), *LEBARAN, mode=fx.WorkMode.WFO)


def test_essential_opd_10_percent_and_small_opd_rounds_to_zero() -> None:
    dinkes = opd(35, code="DINKES", kind="dinkes", service=fx.ServiceCategory.ESSENTIAL)
    s = plan_rotation(dinkes, staff(35, "DINKES"), *LEBARAN)
    assert [d.limit for d in s.days] == [3, 3, 3, 3]  # floor(35 x 10 %) = 3
    tiny = opd(4, code="KECIL", kind="dinkes", service=fx.ServiceCategory.ESSENTIAL)
    s = plan_rotation(tiny, staff(4, "KECIL"), *LEBARAN)
    assert all(d.limit == 0 and not d.remote for d in s.days)
    assert s.fairness is not None and s.fairness.eligible == 0


def test_kota_malang_excludes_dinkes_and_kota_batu_decided_no_wfa() -> None:
    dinkes = opd(
        30,
        code="DINKES",
        kind="dinkes",
        service=fx.ServiceCategory.ESSENTIAL,
        instansi="kota-malang",
    )
    s = plan_rotation(dinkes, staff(30, "DINKES"), *LEBARAN)
    assert all(not d.remote and d.limit == 0 for d in s.days)
    batu = opd(30, instansi="kota-batu")
    s = plan_rotation(batu, staff(30), *LEBARAN)
    assert {d.status for d in s.days} == {"no_flexible_work"}
    assert not any(d.remote for d in s.days)


def test_quota_left_to_head_of_agency_plans_nobody_out_or_raises_when_strict() -> None:
    # nasional: SE MenPANRB 2/2025 leaves the proportion to the head of each agency
    unit = opd(40, instansi="nasional")
    s = plan_rotation(unit, staff(40), *LEBARAN)
    assert all(d.status == "quota_undefined" and d.limit is None for d in s.days)
    assert not any(d.remote for d in s.days)
    assert s.days[0].basis is not None and s.days[0].basis.instrument == "se-menpanrb-2-2025"
    assert "instrumen" in s.days[0].note("id") and "instrument" in s.days[0].note("en")
    with pytest.raises(fx.QuotaUndefinedError, match="head of agency"):
        plan_rotation(unit, staff(40), *LEBARAN, strict=True)
    # Kabupaten Malang, 8 April 2025: its decision is not known; the day before is cuti bersama
    s = plan_rotation(opd(20), staff(20), date(2025, 4, 7), date(2025, 4, 9))
    assert [d.status for d in s.days] == ["day_off", "quota_undefined", "no_arrangement"]
    assert not any(d.remote for d in s.days)
    summary = s.summary()
    assert [line.limit for line in summary] == [0, None, 0]
    assert summary[1].unused is None


def test_example_roster_school_duty_officers_front_line() -> None:
    roster = read_roster(
        EXAMPLES / "kab-malang" / "opd.csv", EXAMPLES / "kab-malang" / "pegawai.csv"
    )
    assert len(roster.opds) == 10 and 380 <= len(roster.employees) <= 450
    for unit in roster.opds:
        people = roster.employees_of(unit.code)
        s = plan_rotation(unit, people, *LEBARAN)
        assert validate_schedule(s, unit, people) == ()
        for e in people:
            days = s.remote_days(e.nip)
            if e.is_head or e.frontline:
                assert days == ()
            assert not set(days) & e.duty_days
        if unit.kind == "sekolah":
            duty = [e for e in people if e.duty_days]
            assert len(duty) >= 8
            assert any(fx.Check.ROLE_ONSITE in s.held[e.nip] for e in duty)


# --- weekly limit (Permen PANRB 4/2025 Pasal 13 ayat (1)) ------------------------------

MAY = (date(2025, 5, 5), date(2025, 5, 9))  # Monday to Friday, no holiday


def test_weekly_limit_two_days_in_the_standing_example() -> None:
    unit = opd(10, instansi="kab-contoh")  # 30 % of 10 = 3; head on site: min(3, 9) = 3
    roster = staff(10, extra={0: {"is_head": True}})
    s = plan_rotation(unit, roster, *MAY, policy=STANDING)
    assert [len(d.remote) for d in s.days] == [3, 3, 3, 3, 3]
    counts = Counter(n for d in s.days for n in d.remote)
    assert max(counts.values()) <= 2 and sum(counts.values()) == 15
    assert s.fairness is not None and s.fairness.spread <= 1
    assert validate_schedule(s, unit, roster, policy=STANDING) == ()


def test_weekly_limit_counts_history_and_names_the_limit() -> None:
    unit = opd(10, instansi="kab-contoh")
    roster = staff(10, extra={0: {"is_head": True}})
    start = date(2025, 5, 7)  # Wednesday; Monday and Tuesday already taken by three people
    history = {nip(i): [date(2025, 5, 5), date(2025, 5, 6)] for i in (1, 2, 3)}
    history[nip(4)] = [date(2025, 4, 30)]  # an earlier week: does not count
    s = plan_rotation(unit, roster, start, date(2025, 5, 9), policy=STANDING, history=history)
    for i in (1, 2, 3):
        assert s.remote_days(nip(i)) == ()
        assert fx.Check.WEEKLY_LIMIT in s.held[nip(i)]
    assert nip(4) not in s.history and s.history[nip(1)] == (date(2025, 5, 5), date(2025, 5, 6))
    assert s.fairness is not None and s.fairness.spread == 2
    assert s.fairness.limited_by == (fx.Check.WEEKLY_LIMIT,)
    assert "weekly_limit" in s.fairness.note("en")
    assert validate_schedule(s, unit, roster, policy=STANDING) == ()
    # the history travels with the schedule: a previous schedule works as history too
    before = plan_rotation(unit, roster, date(2025, 5, 5), date(2025, 5, 6), policy=STANDING)
    after = plan_rotation(unit, roster, start, date(2025, 5, 9), policy=STANDING, history=before)
    for n in after.employees:
        assert len(before.remote_days(n)) + len(after.remote_days(n)) <= 2


def test_weekly_limit_exceptions_duties_outside_office_and_special_circumstances() -> None:
    unit = opd(10, instansi="kab-contoh")
    extra: dict[int, dict[str, Any]] = {i: {"frontline": True} for i in range(4, 10)}
    extra[0] = {"is_head": True}
    extra[1] = {"duties_outside_office": True}
    extra[2] = {"special_circumstances": True}
    roster = staff(10, extra=extra)  # eligible: 1, 2, 3; limit 3 a day
    s = plan_rotation(unit, roster, *MAY, policy=STANDING)
    assert len(s.remote_days(nip(1))) == 5 and len(s.remote_days(nip(2))) == 5
    assert len(s.remote_days(nip(3))) == 2
    assert validate_schedule(s, unit, roster, policy=STANDING) == ()


# --- errors -------------------------------------------------------------------------


def test_bad_input_is_refused_without_a_nip_in_the_message() -> None:
    unit = opd(3)
    with pytest.raises(fx.InvalidInputError, match="belongs to OPD") as err:
        plan_rotation(unit, staff(2, "LAIN"), *LEBARAN)
    assert nip(0) not in str(err.value)
    with pytest.raises(fx.InvalidInputError, match="twice") as err:
        plan_rotation(unit, [*staff(2), *staff(1)], *LEBARAN)
    assert nip(0) not in str(err.value)
    with pytest.raises(fx.InvalidInputError, match="headcount"):
        plan_rotation(unit, staff(4), *LEBARAN)
    with pytest.raises(fx.InvalidInputError, match="before start"):
        plan_rotation(unit, staff(2), date(2025, 3, 27), date(2025, 3, 24))
    with pytest.raises(fx.CoverageError):
        plan_rotation(unit, staff(2), date(2030, 1, 1), date(2030, 1, 2))
    with pytest.raises(fx.ArgumentTypeError, match=r"employees\[0\] must be an Employee"):
        plan_rotation(unit, ["x"], *LEBARAN)  # type: ignore[list-item]
    s = plan_rotation(unit, staff(2), *LEBARAN)
    with pytest.raises(fx.InvalidInputError, match="not in the schedule") as err:
        s.mode(nip(7), date(2025, 3, 24))
    assert nip(7) not in str(err.value)
    with pytest.raises(fx.InvalidInputError, match="outside the schedule"):
        s.remote_on(date(2025, 3, 28))


# --- invariants over random rosters and policies --------------------------------------


def policy_of(kind: str, percent: int, weekly: int, heads: bool, modes: list[str]) -> fx.Policy:
    arrangement: dict[str, Any] = {
        "id": "acak",
        "kind": kind,
        "days": [{"first_day": date(2025, 4, 21), "last_day": date(2025, 12, 31)}],
        "modes": modes,
        "heads_onsite": heads,
        "basis": {"instrument": "permen-panrb-4-2025", "article": "Pasal 13 ayat (1)"},
        "confidence": "reported",
        "quota": [{"default": True, "percent": str(percent)}],
    }
    if kind == "standing":
        arrangement["weekly_limit"] = weekly
    return fx.Policy.model_validate(
        {"id": "acak", "name": "Kabupaten Acak", "level": "kabupaten", "arrangement": [arrangement]}
    )


@st.composite
def cases(
    draw: st.DrawFn,
) -> tuple[fx.Policy, fx.Opd, list[fx.Employee], date, date, dict[str, list[date]]]:
    pol = policy_of(
        draw(st.sampled_from(["standing", "dated"])),
        draw(st.integers(0, 100)),
        draw(st.integers(1, 3)),
        draw(st.booleans()),
        draw(st.sampled_from([["wfh"], ["wfa"], ["wfa", "wfh"]])),
    )
    start = date(2025, 5, 1) + timedelta(days=draw(st.integers(0, 60)))
    end = start + timedelta(days=draw(st.integers(0, 13)))
    span = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    n = draw(st.integers(1, 25))
    uniform = draw(st.booleans())
    people = []
    for i in range(n):
        flags: dict[str, Any] = {"nip": nip(i), "opd": "X"}
        if not uniform:
            flags.update(
                is_head=draw(st.booleans()),
                frontline=draw(st.booleans()),
                new_in_post=draw(st.booleans()),
                duties_outside_office=draw(st.booleans()),
                special_circumstances=draw(st.booleans()),
                discipline=draw(st.sampled_from(fx.DisciplineStatus)),
                duty_days=frozenset(draw(st.lists(st.sampled_from(span), max_size=3))),
            )
        people.append(fx.Employee.model_validate(flags))
    history: dict[str, list[date]] = {}
    if not uniform:
        monday = week_of(start)
        before = [monday + timedelta(days=k) for k in range((start - monday).days)]
        if before:
            for i in draw(st.lists(st.integers(0, n - 1), max_size=n)):
                history[nip(i)] = draw(st.lists(st.sampled_from(before), max_size=3))
    unit = fx.Opd(
        code="X",
        name="OPD X",
        instansi="acak",
        kind="lainnya",
        service=fx.ServiceCategory.NON_DIRECT,
        headcount=n + draw(st.integers(0, 5)),
    )
    return pol, unit, people, start, end, history


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.randoms(use_true_random=False))
def test_invariants(
    case: tuple[fx.Policy, fx.Opd, list[fx.Employee], date, date, dict[str, list[date]]],
    rnd: random.Random,
) -> None:
    pol, unit, people, start, end, history = case
    s = plan_rotation(unit, people, start, end, policy=pol, history=history)
    # every employee, every day
    assert set(s.employees) == {e.nip for e in people}
    assert [d.day for d in s.days] == [start + timedelta(days=k) for k in range(len(s.days))]
    assert s.days[-1].day == end
    by_nip = {e.nip: e for e in people}
    week_taken: Counter[tuple[str, date]] = Counter()
    for n, days in s.history.items():
        for taken in days:
            week_taken[n, week_of(taken)] += 1
    arrangement = pol.arrangement[0]
    for d in s.days:
        limit = fx.quota(unit, d.day, policy=pol).limit
        assert limit is not None and d.limit == limit
        assert len(d.remote) <= limit  # never over the quota
        week = week_of(d.day)
        for n, mode in d.remote.items():
            assert mode in arrangement.modes
            # never an ineligible person out: the scalar API agrees, weekly limit included
            decision = fx.eligible_for_wfa(
                by_nip[n], unit, d.day, policy=pol, remote_days_this_week=week_taken[n, week]
            )
            assert decision.allowed, decision.explain("en")
        # the whole quota is used unless nobody else may go
        if len(d.remote) < limit:
            for e in people:
                if e.nip not in d.remote:
                    other = fx.eligible_for_wfa(
                        e, unit, d.day, policy=pol, remote_days_this_week=week_taken[e.nip, week]
                    )
                    assert not other.allowed
        for n in d.remote:
            week_taken[n, week] += 1
    # fairness
    assert s.fairness is not None
    if s.fairness.spread > 1:
        assert s.fairness.limited_by and fx.Check.QUOTA not in s.fairness.limited_by
    uniform = all(e == people[0].model_copy(update={"nip": e.nip}) for e in people)
    if not history and uniform:  # same chances every day: at most one day apart
        assert s.fairness.spread <= 1
    # the checker finds nothing in the planner's own schedule
    assert validate_schedule(s, unit, people, policy=pol) == ()
    # determinism: any roster order gives the same schedule
    shuffled = list(people)
    rnd.shuffle(shuffled)
    again = plan_rotation(
        unit, shuffled, start, end, policy=pol, history=dict(reversed(history.items()))
    )
    assert again.model_dump_json() == s.model_dump_json()
