"""The public entry points name what is wrong, and a decision explains itself in words
(issue 12 part 2).

DESIGN.md "Errors": every error "names what was wrong and where"; a wrong argument names
the parameter. DESIGN.md principle 5: a decision "lists every check it made, in order,
each with its stable code, pass/fail/unknown, the citation ... and a message".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

import flexasn as fx
from builders import MON, NIPS, arrangement, opd, policy, staff
from flexasn.check import validate_schedule
from flexasn.plan import span_days
from flexasn.policy import resolve_policy

P = policy(arrangement(quota=[{"default": True, "percent": "20"}]))
ANY_SPAN: Any = span_days
ANY_RESOLVE: Any = resolve_policy
ANY_CHECK: Any = validate_schedule


ANY: Any = fx  # calls with arguments of the wrong type, on purpose
HEADCOUNT = (
    "OPD 'X' has a headcount of 1 but 2 employees were given: "
    "correct the headcount (the quota base)"
)
NOT_A_NUMBER = "percent must be a number or a numeric string, not"
TWO = [staff(NIPS[0]), staff(NIPS[1])]
TYPES = [
    (lambda: ANY.eligible_for_wfa("x", opd(), MON, policy=P), "employee must be"),
    (lambda: ANY.eligible_for_wfa(staff(), "x", MON, policy=P), "opd must be"),
    (lambda: ANY.eligible_for_wfa(staff(), opd(), "2025-05-05", policy=P), "on must be"),
    (
        lambda: ANY.eligible_for_wfa(staff(), opd(), MON, policy=P, known_on=datetime(2025, 5, 1)),
        "known_on must be a datetime.date, not datetime (pass its .date())",
    ),
    (lambda: ANY.quota("x", MON, policy=P), "opd must be"),
    (lambda: ANY.quota(opd(), "2025-05-05", policy=P), "on must be"),
    (lambda: ANY.quota(opd(), MON, policy=P, known_on="x"), "known_on must be"),
    (lambda: ANY.max_remote(opd(), MON, policy=P, known_on="x"), "known_on must be"),
    (lambda: ANY.quota_limit(10.0, "10"), "headcount must be an int, not float"),
    (lambda: ANY.quota_limit(True, "10"), "headcount must be an int, not bool"),
    (lambda: ANY.quota_limit(-1, "10"), "headcount must not be negative (got -1)"),
    (lambda: ANY.quota_limit(10, "10", onsite_required=1.0), "onsite_required must be an int"),
    (lambda: ANY.quota_limit(10, "10", onsite_required=True), "onsite_required must be an int"),
    (
        lambda: ANY.quota_limit(10, "10", onsite_required=-2),
        "onsite_required must not be negative (got -2)",
    ),
    (lambda: ANY.quota_limit(10, float("inf")), "percent must be finite, not inf"),
    (lambda: ANY.quota_limit(10, "Infinity"), "percent must be finite, not 'Infinity'"),
    (lambda: ANY.quota_limit(10, "1e3"), "percent must be between 0 and 100, not 1e3"),
    (lambda: ANY.quota_limit(10, "x%"), "percent 'x%' is not a number"),
    (lambda: ANY.quota_limit(10, [10]), f"{NOT_A_NUMBER} list"),
    (lambda: ANY.quota_limit(10, False), f"{NOT_A_NUMBER} bool"),
    (
        lambda: ANY.quota_limit(10, "10", rounding="up"),
        "unknown rounding 'up'; use one of floor, ceil, half_up, half_even",
    ),
    (
        lambda: ANY.plan_rotation(opd(), ["x"], MON, MON, policy=P),
        "employees[0] must be an Employee, not str",
    ),
    (lambda: ANY.plan_rotation(opd(headcount=1), TWO, MON, MON, policy=P), HEADCOUNT),
    (
        lambda: ANY.plan_rotation(opd(), [staff()], MON, MON, policy=P, mode=fx.WorkMode.WFO),
        "mode is the remote mode to prefer: wfh or wfa",
    ),
    (lambda: ANY_SPAN("2025-05-05", MON), "start must be a datetime.date, not str"),
    (lambda: ANY_SPAN(MON, "2025-05-05"), "end must be a datetime.date, not str"),
    (lambda: ANY_SPAN(MON, date(2025, 5, 4)), "end 2025-05-04 is before start 2025-05-05"),
    (lambda: ANY.register_policy("kab-uji"), "policy must be a Policy, not str"),
    (
        lambda: ANY_RESOLVE(3, "kab-uji"),
        "policy must be a Policy or str or None, not int",
    ),
    (lambda: ANY.get_policy(3), "policy_id must be a str, not int"),
]


@pytest.mark.parametrize(("call", "starts"), TYPES)
def test_a_wrong_argument_is_named(call: Callable[[], Any], starts: str) -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        call()
    assert str(info.value).startswith(starts), str(info.value)


def test_a_roster_of_the_checker_is_named_employees() -> None:
    s = fx.plan_rotation(opd(), [staff()], MON, MON, policy=P)
    with pytest.raises(fx.InvalidInputError) as info:
        ANY_CHECK(s, opd(), ["x"], policy=P)
    assert str(info.value) == "employees[0] must be an Employee, not str"


def test_a_check_not_made_is_a_key_error_naming_it() -> None:
    d = fx.eligible_for_wfa(staff(), opd(), MON, policy=P)
    with pytest.raises(KeyError) as info:
        d.reason(fx.Check.WEEKLY_LIMIT)
    assert info.value.args == ("weekly_limit",)
    assert d.reason("working_day") == d.reasons[2]


def test_explain_in_both_languages() -> None:
    allowed = fx.eligible_for_wfa(staff(), opd(), MON, policy=P)
    for lang, head in (("en", "ALLOWED (WFH, WFA)"), ("id", "BOLEH (WFH, WFA)")):
        lines = allowed.explain(lang).split("\n")  # type: ignore[arg-type]
        assert lines[0] == f"2025-05-05 X …1001: {head}"
        assert len(lines) == 1 + 9
        for line, r in zip(lines[1:], allowed.reasons, strict=True):
            basis = f"  [{r.basis.text(lang)}]" if r.basis else ""  # type: ignore[arg-type]
            named = f"{r.check.label(lang)} ({r.check.value})"  # type: ignore[arg-type]
            assert line == f"  ✓ {named}: {r.message(lang)}{basis}"  # type: ignore[arg-type]
    # denied and undetermined: no modes in the head line; ✗ and ? marks
    denied = fx.eligible_for_wfa(staff(is_head=True, frontline=True), opd(), MON, policy=P)
    assert denied.explain("en").split("\n")[0] == "2025-05-05 X …1001: DENIED"
    assert denied.explain("id").split("\n")[0] == "2025-05-05 X …1001: TIDAK BOLEH"
    assert "\n  ✗ not face-to-face service (frontline): " in denied.explain("en")
    assert "\n  ✗ bukan layanan tatap muka (frontline): " in denied.explain("id")
    unknown = fx.eligible_for_wfa(staff(), opd(), date(2030, 3, 6), policy=P)
    assert unknown.explain("en").split("\n")[0] == "2030-03-06 X …1001: UNDETERMINED"
    assert unknown.explain("id").split("\n")[0] == "2030-03-06 X …1001: BELUM PASTI"
    assert "\n  ? holiday data available (data_coverage): " in unknown.explain("en")
    assert "\n  ? data hari libur tersedia (data_coverage): " in unknown.explain("id")
    # a reason without a citation shows none
    none = fx.eligible_for_wfa(staff(), opd(), date(2025, 5, 14), policy=P)
    line = next(x for x in none.explain("en").split("\n") if "opd_allowed" in x)
    assert line.endswith("the quota of OPD X is 0.")
    # an answer about a day after the law is known says so, last
    later = fx.eligible_for_wfa(staff(), opd(), MON, policy=P, known_on=date(2025, 5, 1))
    assert later.explain("en").split("\n")[-1] == (
        "  Note: this answer uses the instruments known as of 2025-05-01; "
        "a circular published later may change it."
    )
    assert later.explain("id").split("\n")[-1].startswith("  Catatan: jawaban ini memakai")
    assert (
        allowed.explain("en").split("\n")[-1].startswith("  ✓ not a new employee (new_employee): ")
    )


def test_remote_days_this_week_are_between_0_and_7() -> None:
    standing = policy(arrangement("tetap", "standing", weekly_limit=2))
    for bad in (-1, 8):
        with pytest.raises(fx.InvalidInputError) as info:
            fx.eligible_for_wfa(staff(), opd(), MON, policy=standing, remote_days_this_week=bad)
        assert str(info.value) == "remote_days_this_week must be between 0 and 7"
    for fine, passed in ((0, True), (1, True), (7, False)):
        d = fx.eligible_for_wfa(staff(), opd(), MON, policy=standing, remote_days_this_week=fine)
        assert d.reason(fx.Check.WEEKLY_LIMIT).passed is passed
