"""The policy schema and its conflicts, rule by rule (issue 12 part 2).

DESIGN.md: "A value without an instrument and a confidence fails to load", quotas are
percentages of the whole headcount (0-100), the Permen PANRB 4/2025 Pasal 13 weekly
limit belongs to standing arrangements, and "two rules of equal rank that disagree raise
PolicyConflictError naming both. Nothing silently wins by file order". Each bad policy
below is built directly (as a program would) and must fail naming the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import flexasn as fx
from builders import FRI, MON, THU, TUE, WED, arrangement, opd, policy, span, staff
from flexasn.policy import Policy

NO_FLEX = "no_flexible_work"
UNKNOWN = "decision_unknown"


def rule(**fields: Any) -> dict[str, Any]:
    return {"default": True, "percent": "10", **fields}


def instrument(id: str = "se-bupati-uji-1-2025", **fields: Any) -> dict[str, Any]:
    """A policy's own instrument (a regional circular), as DESIGN.md requires it."""
    return {
        "id": id,
        "kind": "surat_edaran_kepala_daerah",
        "short": "SE Bupati Uji 1/2025",
        "number": "1",
        "year": 2025,
        "title": "Uji coba kerja fleksibel",
        "issuer": "Bupati Uji",
        "signed": date(2025, 4, 30),
        "confidence": "single",
        "sources": [{"publisher": "Contoh", "url": "https://example.org/se-1-2025"}],
        **fields,
    }


# --- bounds and patterns: (arrangement fields, policy fields, field named, words) ----------

BAD: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = [
    (
        "percent above 100",
        {"quota": [rule(percent="100.01")]},
        {},
        "arrangement[0].quota[0].percent",
        "less than or equal to 100",
    ),
    (
        "negative percent",
        {"quota": [rule(percent="-1")]},
        {},
        "arrangement[0].quota[0].percent",
        "greater than or equal to 0",
    ),
    (
        "negative min_onsite",
        {"quota": [rule(min_onsite=-1)]},
        {},
        "arrangement[0].quota[0].min_onsite",
        "greater than or equal to 0",
    ),
    (
        "unknown rounding",
        {"quota": [rule(rounding="up")]},
        {},
        "arrangement[0].quota[0].rounding",
        "floor",
    ),
    (
        "weekly_limit 6",
        {"kind": "standing", "weekly_limit": 6},
        {},
        "arrangement[0].weekly_limit",
        "less than or equal to 5",
    ),
    (
        "weekly_limit -1",
        {"kind": "standing", "weekly_limit": -1},
        {},
        "arrangement[0].weekly_limit",
        "greater than or equal to 0",
    ),
    (
        "weekly_limit on a dated window",
        {"weekly_limit": 2},
        {},
        "arrangement[0]",
        "weekly_limit belongs to standing arrangements",
    ),
    ("an arrangement id in capitals", {"id": "Uji"}, {}, "arrangement[0].id", "pattern"),
    ("an arrangement id starting with a dash", {"id": "-uji"}, {}, "arrangement[0].id", "pattern"),
    ("an arrangement id with an underscore", {"id": "uji_1"}, {}, "arrangement[0].id", "pattern"),
    ("an empty arrangement id", {"id": ""}, {}, "arrangement[0].id", "pattern"),
    ("a policy id with a space", {}, {"id": "kab uji"}, "id", "pattern"),
    ("a policy id starting with a dash", {}, {"id": "-kab-uji"}, "id", "pattern"),
    ("an empty name", {}, {"name": ""}, "name", "at least 1 character"),
    ("an unknown level", {}, {"level": "desa"}, "level", "pusat"),
    ("an unknown time zone", {}, {"timezone": "Asia/Singapore"}, "timezone", "Asia/Jakarta"),
    ("schema version 2", {}, {"schema_version": 2}, "schema_version", "1"),
    ("an unknown field", {"colour": "blue"}, {}, "arrangement[0].colour", "Extra inputs"),
    ("empty days", {"days": []}, {}, "arrangement[0].days", "at least 1 item"),
    (
        "a span ending before it starts",
        {"days": [span(FRI, MON)]},
        {},
        "arrangement[0].days[0]",
        "before first_day",
    ),
    (
        "overlapping spans",
        {"days": [span(MON, WED), span(WED, FRI)]},
        {},
        "arrangement[0]",
        "day spans 2025-05-05..2025-05-07 and 2025-05-07..2025-05-09 overlap",
    ),
    (
        "overlapping spans given out of order",
        {"days": [span(WED, FRI), span(MON, THU)]},
        {},
        "arrangement[0]",
        "overlap",
    ),
    (
        "a span inside another",
        {"days": [span(MON, FRI), span(TUE)]},
        {},
        "arrangement[0]",
        "overlap",
    ),
    (
        "a dated window without modes",
        {"modes": []},
        {},
        "arrangement[0]",
        "a dated arrangement must allow at least one mode",
    ),
    (
        "a standing arrangement without modes",
        {"kind": "standing", "modes": []},
        {},
        "arrangement[0]",
        "a standing arrangement must allow at least one mode",
    ),
    (
        "WFO among the remote modes",
        {"modes": ["wfh", "wfo"]},
        {},
        "arrangement[0]",
        "remote modes only",
    ),
    (
        "modes on a no_flexible_work decision",
        {"kind": NO_FLEX, "modes": ["wfh"]},
        {},
        "arrangement[0]",
        "a no_flexible_work arrangement allows no modes and no quota",
    ),
    (
        "a quota on a no_flexible_work decision",
        {"kind": NO_FLEX, "quota": [rule()]},
        {},
        "arrangement[0]",
        "a no_flexible_work arrangement allows no modes and no quota",
    ),
    (
        "modes on an unknown decision",
        {"kind": UNKNOWN, "modes": ["wfa"]},
        {},
        "arrangement[0]",
        "a decision_unknown arrangement allows no modes and no quota",
    ),
    (
        "a quota on an unknown decision",
        {"kind": UNKNOWN, "quota": [rule()]},
        {},
        "arrangement[0]",
        "allows no modes and no quota",
    ),
    (
        "weekly without weekdays",
        {"kind": "weekly"},
        {},
        "arrangement[0]",
        "a weekly arrangement needs weekdays",
    ),
    (
        "weekdays on a dated window",
        {"weekdays": ["friday"]},
        {},
        "arrangement[0]",
        "a dated arrangement covers every day of its spans",
    ),
    (
        "weekdays on a standing arrangement",
        {"kind": "standing", "weekdays": ["friday"]},
        {},
        "arrangement[0]",
        "a standing arrangement covers every day of its spans",
    ),
    (
        "a weekday twice",
        {"kind": "weekly", "weekdays": ["friday", "friday"]},
        {},
        "arrangement[0]",
        "weekdays lists a day twice",
    ),
    (
        "a Saturday",
        {"kind": "weekly", "weekdays": ["saturday"]},
        {},
        "arrangement[0].weekdays[0]",
        "monday",
    ),
    (
        "a level twice",
        {"levels": ["kota", "kota"]},
        {},
        "arrangement[0]",
        "levels lists a level twice",
    ),
    (
        "an unknown continuation",
        {"kind": "weekly", "weekdays": ["friday"], "continuation": "maybe"},
        {},
        "arrangement[0].continuation",
        "unknown",
    ),
    (
        "a quota rule with no selector",
        {"quota": [{"percent": "10"}]},
        {},
        "arrangement[0].quota[0]",
        "exactly one of kinds, services or default",
    ),
    (
        "a quota rule with two selectors",
        {"quota": [{"kinds": ["bkad"], "default": True, "percent": "10"}]},
        {},
        "arrangement[0].quota[0]",
        "exactly one of kinds, services or default",
    ),
    (
        "a quota rule with kinds and services",
        {"quota": [{"kinds": ["bkad"], "services": ["langsung"], "percent": "10"}]},
        {},
        "arrangement[0].quota[0]",
        "exactly one of kinds, services or default",
    ),
    (
        "a confidence missing",
        {"confidence": None},
        {},
        "arrangement[0].confidence",
        "Field required",
    ),
    (
        "an unknown instrument",
        {"basis": {"instrument": "se-bupati-99"}},
        {},
        "arrangement[0].basis",
        "unknown instrument 'se-bupati-99'",
    ),
    (
        "an unknown article",
        {"basis": {"instrument": "perpres-21-2023", "article": "Pasal 99"}},
        {},
        "arrangement[0].basis",
        "article 'Pasal 99' of 'perpres-21-2023' is not in the registry",
    ),
    (
        "an unknown instrument in also_cites",
        {"also_cites": [{"instrument": "x-1"}]},
        {},
        "arrangement[0].also_cites[0]",
        "unknown instrument 'x-1'",
    ),
    (
        "an unknown instrument in a quota rule",
        {"quota": [rule(basis={"instrument": "x-2"})]},
        {},
        "arrangement[0].quota[0].basis",
        "unknown instrument 'x-2'",
    ),
    (
        "an unknown instrument on site",
        {"heads_onsite": True, "onsite_basis": {"instrument": "x-3"}},
        {},
        "arrangement[0].onsite_basis",
        "unknown instrument 'x-3'",
    ),
    (
        "a bundled instrument declared again",
        {},
        {"instrument": [instrument("perpres-21-2023")]},
        "instrument[0].id",
        "instrument 'perpres-21-2023' is bundled with flexasn",
    ),
    (
        "an own instrument without its signed date or publication date",
        {},
        {"instrument": [instrument(signed=None)]},
        "instrument[0].signed",
        "a policy's own instrument needs its signed date, or where no source gives it",
    ),
    (
        "an own instrument twice",
        {},
        {"instrument": [instrument(), instrument()]},
        "",
        "duplicate instrument id(s): se-bupati-uji-1-2025",
    ),
]


def build(fields: dict[str, Any], policy_fields: dict[str, Any]) -> Policy:
    raw = arrangement(**{k: v for k, v in fields.items() if v is not None})
    if "confidence" in fields and fields["confidence"] is None:
        del raw["confidence"]
    return policy(raw, **policy_fields)


@pytest.mark.parametrize(
    ("fields", "policy_fields", "field", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD],
)
def test_a_bad_policy_fails_naming_the_field(
    fields: dict[str, Any], policy_fields: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        build(fields, policy_fields)
    assert info.value.fields[0] == field, str(info.value)
    assert words in str(info.value)
    assert isinstance(info.value, fx.FlexasnError)


GOOD: list[tuple[str, dict[str, Any]]] = [
    ("percent 0", {"quota": [rule(percent="0")]}),
    ("percent 100", {"quota": [rule(percent="100")]}),
    ("min_onsite 0", {"quota": [rule(min_onsite=0)]}),
    ("weekly_limit 0", {"kind": "standing", "weekly_limit": 0}),
    ("weekly_limit 5", {"kind": "standing", "weekly_limit": 5}),
    ("an id starting with a digit", {"id": "2025-lebaran"}),
    ("adjacent spans", {"days": [span(MON, TUE), span(WED, FRI)]}),
    ("spans out of order that do not overlap", {"days": [span(WED, FRI), span(MON, TUE)]}),
    ("a no_flexible_work decision", {"kind": NO_FLEX}),
    ("an unknown weekly decision", {"kind": UNKNOWN, "weekdays": ["friday"]}),
    ("a weekly no_flexible_work decision", {"kind": NO_FLEX, "weekdays": ["monday"]}),
    ("two levels", {"levels": ["kabupaten", "kota"]}),
]


@pytest.mark.parametrize("fields", [pytest.param(f, id=say) for say, f in GOOD])
def test_the_bounds_themselves_are_accepted(fields: dict[str, Any]) -> None:
    p = build(fields, {})
    a = p.arrangement[0]
    for name, value in fields.items():
        if name not in ("quota", "days"):
            assert getattr(a, name) == value or [v.value for v in getattr(a, name)] == value


def test_a_float_percent_is_taken_as_written() -> None:
    p = policy(arrangement(quota=[rule(percent=35.0)]))
    assert str(p.arrangement[0].quota[0].percent) == "35.0"
    # 180 x 35 % = 63 exactly (DESIGN.md principle 6)
    assert fx.max_remote(opd(headcount=180), MON, policy=p) == 63


def test_an_own_instrument_is_cited_with_its_own_confidence() -> None:
    own = instrument()
    p = policy(arrangement(basis={"instrument": own["id"], "article": "angka 3"}), instrument=[own])
    d = fx.eligible_for_wfa(staff(), opd(), MON, policy=p)
    basis = d.reason(fx.Check.FLEXIBLE_PERIOD).basis
    assert basis is not None
    assert (basis.instrument, basis.short, basis.article, basis.confidence, basis.url) == (
        "se-bupati-uji-1-2025",
        "SE Bupati Uji 1/2025",
        "angka 3",
        fx.Confidence.SINGLE,
        "https://example.org/se-1-2025",
    )
    # known only from the day it was signed (30 April 2025)
    before = fx.eligible_for_wfa(staff(), opd(), MON, policy=p, known_on=date(2025, 4, 29))
    assert before.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.fail_none"
    on = fx.eligible_for_wfa(staff(), opd(), MON, policy=p, known_on=date(2025, 4, 30))
    assert on.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.pass"


def test_an_own_instrument_known_only_from_its_publication_date_is_accepted() -> None:
    # a decision known from an official's statement: no source gives a signed date, so
    # the data carries the day it became public instead of inventing one
    own = instrument(signed=None, published=date(2025, 5, 2))
    p = policy(arrangement(basis={"instrument": own["id"]}), instrument=[own])
    before = fx.eligible_for_wfa(staff(), opd(), MON, policy=p, known_on=date(2025, 5, 1))
    assert before.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.fail_none"
    on = fx.eligible_for_wfa(staff(), opd(), MON, policy=p, known_on=date(2025, 5, 2))
    assert on.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.pass"


def test_two_policies_with_the_same_own_instrument_id_each_cite_their_own() -> None:
    one = policy(arrangement(basis={"instrument": "se-1"}), instrument=[instrument("se-1")])
    two = policy(
        arrangement(basis={"instrument": "se-1"}),
        instrument=[instrument("se-1", short="SE Bupati Lain 1/2025", confidence="reported")],
    )
    for p, short, confidence in (
        (one, "SE Bupati Uji 1/2025", "single"),
        (two, "SE Bupati Lain 1/2025", "reported"),
    ):
        basis = (
            fx.eligible_for_wfa(staff(), opd(), MON, policy=p)
            .reason(fx.Check.FLEXIBLE_PERIOD)
            .basis
        )
        assert basis is not None and (basis.short, basis.confidence.value) == (short, confidence)


# --- conflicts --------------------------------------------------------------------------


def conflict(*arrangements: dict[str, Any]) -> fx.PolicyConflictError:
    with pytest.raises(fx.PolicyConflictError) as info:
        policy(*arrangements)
    return info.value


def test_duplicate_arrangement_ids() -> None:
    with pytest.raises(fx.ModelValidationError, match=r"duplicate arrangement id\(s\): a, b"):
        policy(
            arrangement("a", days=[span(MON)]),
            arrangement("b", days=[span(TUE)]),
            arrangement("a", days=[span(WED)]),
            arrangement("b", days=[span(THU)]),
        )


def test_every_pair_is_compared_not_only_the_first() -> None:
    # a standing and a dated arrangement share days without conflict (different rank);
    # the conflict is between the 2nd and the 3rd arrangements, on Thursday 8 May
    error = conflict(
        arrangement("tetap", "standing", [span(MON, FRI)]),
        arrangement("satu", days=[span(MON, THU)]),
        arrangement("dua", NO_FLEX, [span(THU, FRI)]),
    )
    assert error.rules == ("satu", "dua")
    assert "'satu' and 'dua' both cover 2025-05-08 with equal rank" in str(error)
    # arrangements for disjoint levels share days without conflict; a later pair conflicts
    error = conflict(
        arrangement("kab", days=[span(MON, FRI)], levels=["kabupaten"]),
        arrangement("kota", days=[span(MON, FRI)], levels=["kota"]),
        arrangement("semua", UNKNOWN, [span(FRI)]),
    )
    assert error.rules == ("kab", "semua")
    assert "2025-05-09" in str(error)


def test_several_conflicting_pairs_name_the_first_in_file_order() -> None:
    error = conflict(
        arrangement("a", days=[span(MON, TUE)]),
        arrangement("b", NO_FLEX, [span(TUE, WED)]),
        arrangement("c", UNKNOWN, [span(WED, THU)]),
    )
    assert error.rules == ("a", "b") and "2025-05-06" in str(error)


@pytest.mark.parametrize(
    ("a", "b", "rules"),
    [
        ({"kind": "standing"}, {"kind": "standing"}, ("a", "b")),
        (
            {"kind": "weekly", "weekdays": ["monday", "friday"]},
            {"kind": UNKNOWN, "weekdays": ["friday"]},
            ("a", "b"),
        ),
        ({"levels": ["kabupaten", "kota"]}, {"levels": ["kota"], "kind": NO_FLEX}, ("a", "b")),
        ({"levels": ["kabupaten"]}, {"kind": NO_FLEX}, ("a", "b")),
        ({}, {"kind": NO_FLEX, "levels": ["kabupaten"]}, ("a", "b")),
    ],
)
def test_equal_rank_arrangements_sharing_a_day_conflict(
    a: dict[str, Any], b: dict[str, Any], rules: tuple[str, str]
) -> None:
    error = conflict(
        arrangement("a", **{"kind": "dated", **a}),
        arrangement("b", **{"kind": "dated", **b}),
    )
    assert error.rules == rules


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"kind": "standing"}, {}),  # a dated window outranks a standing arrangement
        ({"kind": "weekly", "weekdays": ["friday"]}, {}),  # weekly outranks nothing dated
        ({"kind": "weekly", "weekdays": ["monday"]}, {"kind": "weekly", "weekdays": ["friday"]}),
        ({"levels": ["provinsi"]}, {"levels": ["kota", "kabupaten"]}),
        ({"days": [span(MON, TUE)]}, {"days": [span(WED, FRI)]}),
    ],
)
def test_arrangements_that_can_never_meet_do_not_conflict(
    a: dict[str, Any], b: dict[str, Any]
) -> None:
    policy(arrangement("a", **{"kind": "dated", **a}), arrangement("b", **{"kind": "dated", **b}))


def test_quota_rules_of_equal_rank_that_disagree_conflict_in_any_arrangement() -> None:
    fine = arrangement("satu", days=[span(MON)], quota=[rule(percent="10")])
    for other in (
        {"percent": "20"},
        {"rounding": "ceil"},
        {"min_onsite": 1},
    ):
        bad = arrangement("dua", days=[span(TUE)], quota=[rule(), rule(**other)])
        error = conflict(fine, bad)
        assert "arrangement 'dua'" in str(error)
        assert "an OPD of kind" in str(error)
        assert error.rules[0] == "default 10%"
    # the same numbers under another label are not a conflict
    policy(fine, arrangement("dua", days=[span(TUE)], quota=[rule(), rule(label="lagi")]))
    # rules of equal rank that match no common OPD do not conflict
    policy(
        arrangement(
            quota=[
                {"kinds": ["bkad"], "percent": "10"},
                {"kinds": ["dinkes"], "percent": "0"},
                {"services": ["esensial"], "percent": "0"},
                {"services": ["tidak_langsung"], "percent": "30"},
            ]
        )
    )


def test_a_kind_rule_outranks_a_service_rule_which_outranks_the_default() -> None:
    p = policy(
        arrangement(
            quota=[
                rule(percent="30"),
                {"services": ["tidak_langsung"], "percent": "20"},
                {"kinds": ["bkad"], "percent": "10"},
            ]
        )
    )
    a = p.arrangement[0]
    assert [r.rank for r in a.quota] == [1, 2, 3]
    svc = fx.ServiceCategory
    assert a.quota_rule("bkad", svc.NON_DIRECT) == a.quota[2]
    assert a.quota_rule("bkad", svc.DIRECT) == a.quota[2]
    assert a.quota_rule("dlh", svc.NON_DIRECT) == a.quota[1]
    assert a.quota_rule("dlh", svc.DIRECT) == a.quota[0]
    assert [r.describe() for r in a.quota] == [
        "default 30%",
        "services=tidak_langsung 20%",
        "kinds=bkad 10%",
    ]
    # 40 staff: 10 % -> 4 in BKAD, 20 % -> 8 in a DLH without direct service
    assert fx.max_remote(opd(), MON, policy=p) == 4
    assert fx.max_remote(opd(kind="dlh"), MON, policy=p) == 8
    assert fx.max_remote(opd(kind="dlh", service=svc.DIRECT), MON, policy=p) == 12


def test_equal_rank_conflicts_are_found_at_query_time_too() -> None:
    # model_copy skips validation: the conflict the load-time check would have found is
    # found when a day both cover is asked about, naming both arrangements
    a = policy(arrangement("a", days=[span(MON, WED)])).arrangement[0]
    b = policy(arrangement("b", NO_FLEX, [span(WED, FRI)])).arrangement[0]
    broken = policy(arrangement("a", days=[span(MON, WED)])).model_copy(
        update={"arrangement": (a, b)}
    )
    assert broken.arrangement_on(MON) == a
    assert broken.arrangement_on(FRI) == b
    for ask in (
        lambda: fx.eligible_for_wfa(staff(), opd(), WED, policy=broken),
        lambda: fx.quota(opd(), WED, policy=broken),
        lambda: broken.in_force(WED),
    ):
        with pytest.raises(fx.PolicyConflictError) as info:
            ask()
        assert info.value.rules == ("a", "b")
        assert "'a' and 'b' both cover 2025-05-07 with equal rank" in str(info.value)
        assert "kab-uji" in str(info.value)
    with pytest.raises(fx.PolicyConflictError):
        broken.check_conflicts()


def test_quota_rules_that_disagree_are_found_at_query_time_naming_the_opd() -> None:
    a = policy(arrangement(quota=[rule()])).arrangement[0]
    broken_rule = a.model_copy(
        update={"quota": (*a.quota, a.quota[0].model_copy(update={"percent": 20}))}
    )
    broken = policy(arrangement()).model_copy(update={"arrangement": (broken_rule,)})
    with pytest.raises(fx.PolicyConflictError) as info:
        fx.eligible_for_wfa(staff(), opd(), MON, policy=broken)
    assert "OPD X" in str(info.value) and "'uji'" in str(info.value)
    assert info.value.rules == ("default 10%", "default 20%")
