"""What makes a decision fast must never change it: lazy messages, shared reasons, cached
citations and day contexts. Each cache is shown unable to give a stale or wrong answer.

No timing is asserted here (benchmarks/bench_decide.py measures speed).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import flexasn as fx
from builders import MALANG_BKAD, MON, TUE, arrangement, opd, policy, staff
from flexasn import decide, reasons, rules
from flexasn.legal import _cite, cite
from flexasn.messages import render_all
from flexasn.reasons import Check, Reason, reason

GOLDEN = Path(__file__).parent / "cases" / "decisions.golden.jsonl"
BKAD = MALANG_BKAD


def bkad(**kw: object) -> fx.Employee:
    return fx.Employee.model_validate({"nip": "198503122010011001", "opd": "BKAD", **kw})


GOLDEN_ASKED: list[tuple[fx.Employee, date, date | None]] = [
    (bkad(), date(2025, 3, 24), None),
    (bkad(is_head=True, frontline=True), date(2025, 3, 28), None),
    (bkad(discipline=fx.DisciplineStatus.SERVING), date(2026, 4, 10), None),
    (bkad(), date(2026, 4, 10), date(2026, 3, 20)),
    (bkad(new_in_post=True), date(2031, 6, 3), None),
    (bkad(), date(2025, 5, 10), None),
]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    rules._CONTEXTS.clear()
    reasons._SHARED.clear()
    yield
    rules._CONTEXTS.clear()
    reasons._SHARED.clear()


# --- the JSON of a decision, byte for byte -------------------------------------------------


@pytest.mark.parametrize("warm", [False, True])
def test_decision_json_is_byte_identical_to_the_eager_renderer(
    fresh_caches: None, warm: bool
) -> None:
    """The golden lines were written by flexasn before messages became lazy (every
    message rendered eagerly, every object validated); cold and warm caches give them."""
    golden = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(golden) == len(GOLDEN_ASKED)
    if warm:
        for employee, day, known_on in GOLDEN_ASKED:
            fx.eligible_for_wfa(employee, BKAD, day, known_on=known_on).model_dump_json()
    for (employee, day, known_on), line in zip(GOLDEN_ASKED, golden, strict=True):
        d = fx.eligible_for_wfa(employee, BKAD, day, known_on=known_on)
        assert d.model_dump_json() == line
        assert json.loads(line)["reasons"] == d.model_dump(mode="json")["reasons"]


def test_decision_read_back_from_json_equals_the_decision() -> None:
    for employee, day, known_on in GOLDEN_ASKED:
        d = fx.eligible_for_wfa(employee, BKAD, day, known_on=known_on)
        again = fx.Decision.model_validate_json(d.model_dump_json())
        assert again == d and again.reasons == d.reasons
        assert again.model_dump_json() == d.model_dump_json()
        assert [hash(r) for r in again.reasons] == [hash(r) for r in d.reasons]
        for mine, theirs in zip(d.reasons, again.reasons, strict=True):
            assert mine.message("en") == theirs.message("en") == theirs.messages["en"]


# --- lazy messages and shared reasons ------------------------------------------------------


def test_a_lazy_message_is_the_eager_rendering(fresh_caches: None) -> None:
    basis = cite("permen-panrb-4-2025", "Pasal 25")
    status = {"id": "sedang menjalani", "en": "serving"}
    r = reason(Check.DISCIPLINE, False, "discipline.fail", basis, status=status)
    assert r._messages is None  # nothing rendered until read
    eager = render_all("discipline.fail", status=status)
    assert r.message("en") == eager["en"] and r.message() == eager["id"]
    assert r.messages == eager
    # the check in words (the condition it asks), its code in brackets
    assert str(r) == f"GAGAL bebas hukuman disiplin (discipline): {eager['id']} [{basis}]"
    with pytest.raises(fx.UnknownLanguageError):
        r.message("fr")  # type: ignore[arg-type]


def test_the_same_arguments_share_one_reason_and_others_do_not(fresh_caches: None) -> None:
    a = reason(Check.OPD_ALLOWED, False, "opd_allowed.fail_zero", None, opd="X", percent=1)
    assert reason(Check.OPD_ALLOWED, False, "opd_allowed.fail_zero", None, opd="X", percent=1) is a
    # equal values that render apart never share a reason
    whole = reason(
        Check.OPD_ALLOWED,
        False,
        "opd_allowed.fail_zero",
        opd="X",
        percent=Decimal("25"),
        headcount=3,
    )
    point = reason(
        Check.OPD_ALLOWED,
        False,
        "opd_allowed.fail_zero",
        opd="X",
        percent=Decimal("25.0"),
        headcount=3,
    )
    assert whole is not point
    assert "25.0" in point.message("en") and "25.0" not in whole.message("en")
    # a per-language parameter is part of the key, language by language
    one = reason(Check.DISCIPLINE, False, "discipline.fail", status={"id": "a", "en": "b"})
    two = reason(Check.DISCIPLINE, False, "discipline.fail", status={"id": "a", "en": "c"})
    assert one is not two and one.message("en") != two.message("en")
    # so are the result and the basis
    passed = reason(Check.NEW_EMPLOYEE, True, "new_employee.pass")
    assert reason(Check.NEW_EMPLOYEE, None, "new_employee.pass").passed is None
    assert reason(Check.NEW_EMPLOYEE, True, "new_employee.pass", cite("perpres-21-2023")) != passed


def test_the_shared_reasons_table_is_bounded(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reasons, "_SHARED_KEPT", 3)
    made = [
        reason(Check.OPD_ALLOWED, None, "opd_allowed.unknown_coverage", opd=f"O{n}")
        for n in range(10)
    ]
    assert len(reasons._SHARED) <= 3
    assert [r.message("en") for r in made] == [
        render_all("opd_allowed.unknown_coverage", opd=f"O{n}")["en"] for n in range(10)
    ]


def test_a_reason_built_directly_keeps_its_messages() -> None:
    r = Reason(
        check=Check.FRONTLINE, passed=True, key="frontline.pass", messages={"id": "x", "en": "y"}
    )
    assert r.message("en") == "y" and r.messages == {"id": "x", "en": "y"}
    assert json.loads(r.model_dump_json())["messages"] == {"id": "x", "en": "y"}
    bare = Reason(check=Check.FRONTLINE, passed=True, key="frontline.pass")
    assert bare.messages == {}  # as before: no messages given, none rendered
    with pytest.raises(KeyError):
        bare.message("id")
    with pytest.raises(fx.ModelValidationError):
        Reason.model_validate(
            {"check": "frontline", "passed": True, "key": "k", "messages": {"id": 1}}
        )
    with pytest.raises(fx.ModelValidationError):
        Reason.model_validate_json('{"check": "frontline", "passed": true, "key": "k", "zzz": 1}')


# --- citations -----------------------------------------------------------------------------


def test_a_cached_citation_is_the_registry_s_citation() -> None:
    _cite.cache_clear()
    first = cite("permen-panrb-4-2025", "Pasal 13 ayat (1)")
    assert cite("permen-panrb-4-2025", "Pasal 13 ayat (1)") is first
    fresh = _cite.__wrapped__("permen-panrb-4-2025", "Pasal 13 ayat (1)", False)
    assert fresh is not first and fresh == first
    assert first.confidence is fx.Confidence.REPORTED  # the article's, not the instrument's
    assert cite("permen-panrb-4-2025", "Pasal 13 ayat (1)", reading=True).reading is True
    for _ in range(2):  # an error is never cached as an answer
        with pytest.raises(fx.PolicyDataError):
            cite("permen-panrb-4-2025", "Pasal 999")
    with pytest.raises(fx.ArgumentTypeError, match="instrument_id"):
        cite(["permen-panrb-4-2025"])  # type: ignore[arg-type]


# --- day contexts --------------------------------------------------------------------------


@pytest.fixture
def registered() -> Iterator[None]:
    yield
    fx.unregister_policy("kab-uji")
    fx.unregister_policy("nasional")


def test_registering_a_policy_changes_a_cached_answer(fresh_caches: None, registered: None) -> None:
    permits = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    closes = policy(arrangement(kind="no_flexible_work"))
    fx.register_policy(permits)
    assert fx.eligible_for_wfa(staff(), opd(), MON).allowed
    fx.register_policy(closes)
    d = fx.eligible_for_wfa(staff(), opd(), MON)
    assert d.outcome is fx.Outcome.DENIED and fx.Check.FLEXIBLE_PERIOD in d.failed
    fx.register_policy(permits)
    assert fx.eligible_for_wfa(staff(), opd(), MON).allowed
    # an equal policy object of its own answers alike
    assert fx.eligible_for_wfa(staff(), opd(), MON, policy=permits.model_copy()).allowed


def test_a_new_national_layer_changes_a_region_s_cached_answer(
    fresh_caches: None, registered: None
) -> None:
    region = policy()  # no arrangement of its own: the national layer alone answers
    assert fx.eligible_for_wfa(staff(), opd(), TUE, policy=region).outcome is fx.Outcome.DENIED
    national = fx.get_policy("nasional")
    window = arrangement(id="uji-nasional", days=[{"first_day": TUE, "last_day": TUE}])
    window["quota"] = [{"default": True, "percent": "50"}]
    fx.register_policy(
        national.model_copy(
            update={
                "arrangement": (
                    *national.arrangement,
                    fx.Policy.model_validate(
                        {"id": "x", "name": "x", "level": "kabupaten", "arrangement": [window]}
                    ).arrangement[0],
                )
            }
        )
    )
    after = fx.eligible_for_wfa(staff(), opd(), TUE, policy=region)
    assert after.arrangement == "uji-nasional"
    fx.unregister_policy("nasional")
    assert fx.eligible_for_wfa(staff(), opd(), TUE, policy=region).arrangement is None


def test_known_on_is_part_of_the_day_context_key(fresh_caches: None) -> None:
    friday = date(2026, 4, 10)
    now = fx.eligible_for_wfa(bkad(), BKAD, friday)
    then = fx.eligible_for_wfa(bkad(), BKAD, friday, known_on=date(2026, 3, 20))
    assert now.arrangement is not None and then.arrangement is None
    assert fx.eligible_for_wfa(bkad(), BKAD, friday).arrangement == now.arrangement
    assert fx.eligible_for_wfa(bkad(), BKAD, friday, known_on=date(2026, 3, 20)) == then


def test_the_day_context_table_is_bounded_and_keeps_answers_right(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "_CONTEXTS_KEPT", 2)
    days = [date(2025, 3, 24), date(2025, 3, 28), date(2025, 5, 10), date(2025, 3, 24)]
    outcomes = [fx.eligible_for_wfa(bkad(), BKAD, day).outcome for day in days]
    assert len(rules._CONTEXTS) <= 2
    assert outcomes == [
        fx.Outcome.ALLOWED,
        fx.Outcome.DENIED,
        fx.Outcome.DENIED,
        fx.Outcome.ALLOWED,
    ]
    ctx = decide.day_context(fx.get_policy("kab-malang"), date(2025, 3, 24))
    assert ctx.covered and ctx.day_info.kind is fx.DayKind.WORKING_DAY
    assert ctx.in_force.arrangement is not None and ctx.in_force.arrangement.id == "lebaran-2025"


def test_reasons_kept_per_context_follow_the_opd_and_employee(fresh_caches: None) -> None:
    """A day context keeps the reasons of the rules that read only the day (and the OPD):
    another OPD, however slightly different, and another employee get their own."""
    window = arrangement(quota=[{"default": True, "percent": "50"}])
    p = policy(window)
    big, one = opd(headcount=40), opd(headcount=1)
    assert fx.eligible_for_wfa(staff(), big, MON, policy=p).allowed
    small = fx.eligible_for_wfa(staff(), one, MON, policy=p)
    assert small.failed == (fx.Check.OPD_ALLOWED,)  # floor(1 x 50 %) = 0
    tni = fx.eligible_for_wfa(staff(), opd(agency_type=fx.AgencyType.TNI), MON, policy=p)
    assert tni.failed == (fx.Check.AGENCY_SCOPE,)
    head = fx.eligible_for_wfa(staff(new_in_post=True), big, MON, policy=p)
    assert head.failed == (fx.Check.NEW_EMPLOYEE,)
    assert fx.eligible_for_wfa(staff(), big, MON, policy=p).allowed
    # a situation built by hand keeps nothing: each rule reads it
    s = decide.situation(staff(), big, MON, p)
    assert s.shared is not None
    bare = dataclasses.replace(s, shared=None, arrangement=None, quota_rule=None)
    assert fx.Check.FLEXIBLE_PERIOD in decide.decide(bare).failed
    assert decide.decide(s).allowed


def test_a_decision_built_from_validated_values_is_the_validated_model() -> None:
    for employee, day, known_on in GOLDEN_ASKED:
        d = fx.eligible_for_wfa(employee, BKAD, day, known_on=known_on)
        validated = fx.Decision(**{name: getattr(d, name) for name in d.model_fields_set})
        assert d == validated and repr(d) == repr(validated)
        assert d.model_fields_set == validated.model_fields_set
        assert d.model_dump_json() == validated.model_dump_json()
        assert d.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
        with pytest.raises(fx.ModelValidationError):
            d.outcome = fx.Outcome.DENIED  # type: ignore[misc]  # still frozen


def test_the_reason_schema_still_lists_messages() -> None:
    """``messages`` is rendered when read, yet the JSON Schema is as it was: an optional
    object of texts, in validation and serialization mode alike."""
    for mode in ("validation", "serialization"):
        schema = fx.Decision.model_json_schema(mode=mode)["$defs"]["Reason"]
        assert list(schema["properties"]) == ["check", "passed", "basis", "key", "messages"]
        assert schema["properties"]["messages"] == {
            "additionalProperties": {"type": "string"},
            "title": "Messages",
            "type": "object",
        }
        assert schema["required"] == ["check", "passed", "key"]
        assert schema["additionalProperties"] is False


def test_the_reasons_kept_per_context_are_bounded(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decide, "_SHARED_KEPT", 2)
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    sizes = [40, 1, 40, 1, 3]
    got = [fx.eligible_for_wfa(staff(), opd(headcount=n), MON, policy=p).allowed for n in sizes]
    assert got == [True, False, True, False, True]
    assert len(decide.day_context(p, MON).shared) <= 2
    r = fx.eligible_for_wfa(staff(), opd(), MON, policy=p).reasons[0]
    assert r != "data_coverage" and r == r.model_copy()


# --- the one decision cache, keyed by what the rules read ---------------------------------


def test_the_decision_cache_answers_each_person_as_eligible_for_wfa(fresh_caches: None) -> None:
    """`decide.Decisions` keeps a verdict per policy, day, OPD, profile and duty day: two
    people with the same facts share it (no NIP is read), and it is their decision."""
    policy = fx.get_policy("kab-malang")
    cache = decide.Decisions()
    other_nip = "197210102024012997"
    for employee, day, known_on in GOLDEN_ASKED:
        if known_on is not None:
            continue
        d = fx.eligible_for_wfa(employee, BKAD, day)
        v = cache.of(policy, BKAD, employee, day)
        assert (v.outcome, v.reasons, v.failed, v.unknown) == (
            d.outcome,
            d.reasons,
            d.failed,
            d.unknown,
        )
        twin = employee.model_copy(update={"nip": other_nip})
        assert cache.of(policy, BKAD, twin, day) is v
    # 24 March 2025 (Kab. Malang's Lebaran window): allowed, but not on one's duty day
    monday = date(2025, 3, 24)
    assert cache.of(policy, BKAD, bkad(), monday).allowed
    on_duty = cache.of(policy, BKAD, bkad(duty_days=[monday]), monday)
    assert on_duty.failed == (fx.Check.ROLE_ONSITE,)
    assert on_duty.held == (fx.Check.ROLE_ONSITE,)


def test_a_situation_without_a_person_gives_no_decision_only_a_verdict() -> None:
    s = decide.profile_situation(
        fx.people.profile_of(bkad()), False, BKAD, date(2025, 3, 24), fx.get_policy("kab-malang")
    )
    assert decide.verdict(s).allowed
    with pytest.raises(fx.InvalidInputError):
        decide.decide(s)
