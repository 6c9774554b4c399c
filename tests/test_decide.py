"""eligible_for_wfa: the contract's API, explanations, JSON, weekly limit, invariants."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from builders import MALANG_BKAD
from flexasn.messages import LANGUAGES, catalogue

NIP = "198503122010011001"  # made up
BKAD = MALANG_BKAD

STANDING = """
id = "kota-contoh"
name = "Pemerintah Kota Contoh"
level = "kota"
timezone = "Asia/Makassar"

[[arrangement]]
id = "fwa-tetap"
kind = "standing"
days = [{ first_day = 2025-04-21, last_day = 2026-12-31 }]
modes = ["wfh", "wfa"]
weekly_limit = 2
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 13 ayat (1)" }
confidence = "reported"

  [[arrangement.quota]]
  default = true
  percent = "25"
"""


def employee(**kw: object) -> fx.Employee:
    return fx.Employee.model_validate({"nip": NIP, "opd": "BKAD", **kw})


def test_contract_surface() -> None:
    d = fx.eligible_for_wfa(employee(), BKAD, date(2025, 3, 24))
    assert d.outcome is fx.Outcome.ALLOWED
    assert d.allowed is True and bool(d) is True
    assert d.failed == ()
    assert [r.check for r in d.reasons] == [
        fx.Check.DATA_COVERAGE,
        fx.Check.AGENCY_SCOPE,
        fx.Check.WORKING_DAY,
        fx.Check.FLEXIBLE_PERIOD,
        fx.Check.OPD_ALLOWED,
        fx.Check.ROLE_ONSITE,
        fx.Check.FRONTLINE,
        fx.Check.DISCIPLINE,
        fx.Check.NEW_EMPLOYEE,
    ]
    r = d.reason("working_day")
    assert r.passed is True
    assert r.basis is not None and r.basis.instrument == "perpres-21-2023"
    assert r.message("id") == "2025-03-24 adalah hari kerja ASN."
    assert r.message("en") == "2025-03-24 is an ASN working day."
    assert d.modes == (fx.WorkMode.WFH, fx.WorkMode.WFA)


def test_denied_is_falsy_and_lists_failed_checks() -> None:
    d = fx.eligible_for_wfa(employee(is_head=True), BKAD, date(2025, 3, 24))
    assert d.outcome is fx.Outcome.DENIED and not d
    assert d.failed == (fx.Check.ROLE_ONSITE,)
    assert d.reason(fx.Check.ROLE_ONSITE).message("en") == (
        "The head of the OPD must work from the office under arrangement 'lebaran-2025'."
    )
    assert "TIDAK BOLEH" in d.explain()
    assert "DENIED" in d.explain("en")


def test_every_check_evaluated_after_a_failure() -> None:
    d = fx.eligible_for_wfa(employee(is_head=True, frontline=True), BKAD, date(2025, 3, 28))
    assert d.failed == (
        fx.Check.WORKING_DAY,
        fx.Check.FLEXIBLE_PERIOD,
        fx.Check.OPD_ALLOWED,
        fx.Check.FRONTLINE,  # no arrangement keeps heads on site on a day off; front line always
    )


def test_decision_json_is_stable_and_has_no_nip() -> None:
    d = fx.eligible_for_wfa(employee(), BKAD, date(2025, 3, 24))
    text = d.model_dump_json()
    assert NIP not in text
    data = json.loads(text)
    assert data["schema_version"] == 1
    assert data["employee"] == "…1001"
    assert data["outcome"] == "allowed" and data["allowed"] is True
    assert data["day"] == "2025-03-24"
    assert data["reasons"][2]["check"] == "working_day"
    assert set(data["reasons"][2]["messages"]) == {"id", "en"}
    # Perpres 21/2023 Pasal 3: [official] (the setneg.go.id and JDIH summaries, LAW.md §1).
    assert data["reasons"][2]["basis"]["confidence"] == "official"
    again = fx.Decision.model_validate_json(text)
    assert again.outcome is d.outcome and again.reasons == d.reasons


def test_employee_of_another_opd_is_an_error() -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        fx.eligible_for_wfa(employee(opd="BAPPEDA"), BKAD, date(2025, 3, 24))
    assert NIP not in str(info.value)
    assert "BAPPEDA" in str(info.value) and "…1001" in str(info.value)


def test_weekly_limit_under_a_standing_arrangement(tmp_path: Path) -> None:
    path = tmp_path / "kota-contoh.toml"
    path.write_text(STANDING, encoding="utf-8")
    policy = fx.load_policy(path)
    opd = BKAD.model_copy(update={"instansi": "kota-contoh"})
    day = date(2025, 6, 4)  # a Wednesday
    # the day itself counts: with 1 day taken, a 2nd is within Pasal 13's 2 days
    d = fx.eligible_for_wfa(employee(), opd, day, policy=policy, remote_days_this_week=1)
    assert d.allowed and d.reason("weekly_limit").passed is True
    d = fx.eligible_for_wfa(employee(), opd, day, policy=policy, remote_days_this_week=2)
    assert d.failed == (fx.Check.WEEKLY_LIMIT,)
    assert "Pasal 13" in d.reason("weekly_limit").message("en")
    # Pasal 13 exceptions: duties outside the office, special circumstances
    for facts in ({"duties_outside_office": True}, {"special_circumstances": True}):
        d = fx.eligible_for_wfa(employee(**facts), opd, day, policy=policy, remote_days_this_week=4)
        assert d.allowed, facts
    # without a count the limit is stated, not checked
    d = fx.eligible_for_wfa(employee(), opd, day, policy=policy)
    assert d.allowed and d.reason("weekly_limit").key == "weekly_limit.pass_not_counted"
    # Pasal 25 applies in the standing regime
    d = fx.eligible_for_wfa(employee(new_in_post=True), opd, day, policy=policy)
    assert d.failed == (fx.Check.NEW_EMPLOYEE,)
    with pytest.raises(fx.InvalidInputError):
        fx.eligible_for_wfa(employee(), opd, day, policy=policy, remote_days_this_week=9)


def test_weekly_limit_check_only_under_standing_arrangements() -> None:
    d = fx.eligible_for_wfa(employee(), BKAD, date(2025, 3, 24), remote_days_this_week=4)
    assert fx.Check.WEEKLY_LIMIT not in [r.check for r in d.reasons]


def test_today_default() -> None:
    from flexasn.quotas import today_in

    d = fx.eligible_for_wfa(employee(), BKAD)
    assert d.day == today_in(fx.get_policy("kab-malang"))


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    id_, en = catalogue("id"), catalogue("en")
    assert set(id_) == set(en)
    for key in id_:
        assert set(re.findall(r"{(\w+)}", id_[key])) == set(re.findall(r"{(\w+)}", en[key])), key
    with pytest.raises(ValueError, match="unknown language"):
        catalogue("fr")


employees = st.builds(
    fx.Employee,
    nip=st.just(NIP),
    opd=st.just("X"),
    position=st.sampled_from(fx.PositionType),
    is_head=st.booleans(),
    frontline=st.booleans(),
    discipline=st.sampled_from(fx.DisciplineStatus),
    new_in_post=st.booleans(),
    duty_days=st.frozensets(st.dates(date(2025, 3, 20), date(2025, 4, 12)), max_size=3),
)
opds = st.builds(
    fx.Opd,
    code=st.just("X"),
    name=st.just("OPD contoh"),
    instansi=st.sampled_from(fx.list_policies()),
    kind=st.sampled_from(sorted(fx.OPD_KINDS)),
    service=st.sampled_from(fx.ServiceCategory),
    headcount=st.integers(0, 500),
    agency_type=st.sampled_from(fx.AgencyType),
)
days = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(employees, opds, days)
def test_decisions_are_complete_and_consistent(e: fx.Employee, opd: fx.Opd, day: date) -> None:
    d = fx.eligible_for_wfa(e, opd, day)
    assert len(d.reasons) >= 9
    for r in d.reasons:
        for lang in LANGUAGES:
            assert r.message(lang)
    if d.failed:
        assert d.outcome is fx.Outcome.DENIED
    elif d.unknown:
        assert d.outcome is fx.Outcome.UNDETERMINED
    else:
        assert d.outcome is fx.Outcome.ALLOWED
    if d.allowed:
        # never allowed where the OPD's quota is 0, never on a day off
        assert fx.max_remote(opd, day) > 0
        assert fx.is_working_day(day)
        assert d.modes
    try:
        limit = fx.max_remote(opd, day)
    except fx.QuotaUndefinedError:
        assert d.outcome is not fx.Outcome.ALLOWED
    else:
        assert 0 <= limit <= opd.headcount


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 400))
def test_no_bundled_policy_ever_allows_a_weekend(offset: int) -> None:
    day = date(2025, 1, 4) + timedelta(days=offset)  # 4 Jan 2025 is a Saturday
    if day.weekday() < 5:
        return
    for policy_id in fx.list_policies():
        opd = BKAD.model_copy(update={"instansi": policy_id})
        assert fx.eligible_for_wfa(employee(), opd, day).outcome is fx.Outcome.DENIED


def test_explain_renders_citations_in_its_language() -> None:
    staff = fx.Employee(nip=NIP, opd="BKAD")
    d = fx.eligible_for_wfa(staff, BKAD, date(2025, 3, 24))
    assert "(flexasn's reading)" in d.explain("en") and "tafsiran" not in d.explain("en")
    assert "(tafsiran flexasn)" in d.explain("id") and "reading" not in d.explain("id")


def test_beyond_the_calendar_the_estimate_is_named_in_words() -> None:
    # Wednesday 6 March 2030: beyond the decreed years (2025-2027), so working_day is
    # unknown and names the estimated kind as a word, not a code.
    staff = fx.Employee(nip=NIP, opd="BKAD")
    d = fx.eligible_for_wfa(staff, BKAD, date(2030, 3, 6))
    r = next(r for r in d.reasons if r.check is fx.Check.WORKING_DAY)
    assert r.passed is None
    assert r.message("id").endswith("perkiraan: hari kerja.")
    assert r.message("en").endswith("estimate: working day.")
