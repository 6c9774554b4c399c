"""Quota arithmetic (flexasn.quota_limit) and the OPD quota (flexasn.quota)."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import flexasn as fx


def test_contract_example_exact_not_float() -> None:
    # 180 x 35 % = 63 exactly; floor(180 * 0.35) in binary floating point is 62.
    assert math.floor(180 * 0.35) == 62
    assert fx.quota_limit(180, "35") == 63
    assert fx.quota_limit(180, 35) == 63
    assert fx.quota_limit(180, 35.0) == 63  # a float is taken by its written form
    assert fx.quota_limit(180, Decimal("35")) == 63
    assert fx.quota_limit(180, Fraction(35)) == 63
    assert fx.quota_limit(180, "35%") == 63


@pytest.mark.parametrize(
    ("headcount", "percent", "rounding", "onsite", "expected"),
    [
        (120, "20", "floor", 0, 24),
        (120, "20", "floor", 1, 24),  # min(24, 119)
        (45, "10", "floor", 0, 4),  # 4.5 -> 4 ("paling banyak")
        (45, "10", "ceil", 0, 5),
        (45, "10", "half_up", 0, 5),
        (45, "10", "half_even", 0, 4),  # 4.5 -> 4 (to even)
        (55, "10", "half_even", 0, 6),  # 5.5 -> 6 (to even)
        (10, "50", "floor", 8, 2),  # min(5, 10 - 8)
        (0, "50", "floor", 0, 0),
        (7, "100", "floor", 7, 0),
        (9, "10", "floor", 0, 0),  # 0.9 -> 0
    ],
)
def test_worked_examples(
    headcount: int, percent: str, rounding: str, onsite: int, expected: int
) -> None:
    got = fx.quota_limit(headcount, percent, rounding=rounding, onsite_required=onsite)
    assert got == expected


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"headcount": -1, "percent": "10"}, "negative"),
        ({"headcount": 10, "percent": "101"}, "between 0 and 100"),
        ({"headcount": 10, "percent": "-1"}, "between 0 and 100"),
        ({"headcount": 10, "percent": "abc"}, "not a number"),
        ({"headcount": 10, "percent": float("nan")}, "finite"),
        ({"headcount": 10, "percent": "10", "onsite_required": -1}, "onsite_required"),
        ({"headcount": 10, "percent": "10", "rounding": "up"}, "rounding"),
        ({"headcount": 10.0, "percent": "10"}, "headcount must be an int"),
        ({"headcount": 10, "percent": True}, "percent"),
        ({"headcount": 10, "percent": None}, "percent"),
    ],
)
def test_bad_input(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(fx.InvalidInputError, match=fragment):
        fx.quota_limit(**kwargs)  # type: ignore[arg-type]


percents = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)


@given(st.integers(0, 5000), percents, st.data())
def test_limit_invariants(headcount: int, percent: Decimal, data: st.DataObject) -> None:
    onsite = data.draw(st.integers(0, headcount))
    limit = fx.quota_limit(headcount, percent, onsite_required=onsite)
    # equals the exact Fraction computation
    exact = math.floor(Fraction(headcount) * Fraction(percent) / 100)
    assert limit == min(exact, headcount - onsite)
    # never exceeds the cap, nor headcount minus on-site staff; never negative
    assert 0 <= limit <= headcount - onsite
    assert limit <= Fraction(headcount) * Fraction(percent) / 100


@given(st.integers(0, 3000), st.integers(0, 3000), percents, percents)
def test_limit_monotone(h1: int, h2: int, p1: Decimal, p2: Decimal) -> None:
    lo_h, hi_h = sorted((h1, h2))
    lo_p, hi_p = sorted((p1, p2))
    assert fx.quota_limit(lo_h, lo_p) <= fx.quota_limit(hi_h, lo_p)
    assert fx.quota_limit(lo_h, lo_p) <= fx.quota_limit(lo_h, hi_p)


def _opd(**kw: object) -> fx.Opd:
    fields: dict[str, object] = {
        "code": "BKAD",
        "name": "Badan Keuangan dan Aset Daerah",
        "instansi": "kab-malang",
        "kind": "bkad",
        "service": fx.ServiceCategory.NON_DIRECT,
        "headcount": 120,
    }
    fields.update(kw)
    return fx.Opd.model_validate(fields)


def test_quota_whole_computation() -> None:
    q = fx.quota(_opd(), date(2025, 3, 24))
    assert (q.limit, q.percent, q.headcount, q.onsite_required, q.rounding) == (
        24,
        Decimal(20),
        120,
        1,  # Kabupaten Malang keeps the head of each OPD in the office
        "floor",
    )
    assert q.arrangement == "lebaran-2025"
    assert q.basis is not None and q.basis.instrument == "kebijakan-kab-malang-wfa-2025"
    assert q.formula() == "min(floor(120 x 20%), 120 - 1) = 24"
    assert q.reason == "rule"


def test_quota_onsite_override_bounds_the_limit() -> None:
    # 10 staff, 20 % -> 2; if 9 must be on site only 1 may go.
    q = fx.quota(_opd(headcount=10), date(2025, 3, 24), onsite_required=9)
    assert q.limit == 1


def test_quota_reasons_for_zero() -> None:
    assert fx.quota(_opd(), date(2025, 3, 28)).reason == "day_off"
    assert fx.quota(_opd(), date(2025, 5, 5)).reason == "no_arrangement"
    batu = _opd(instansi="kota-batu")
    assert fx.quota(batu, date(2025, 3, 24)).reason == "no_flexible_work"
    tni = _opd(instansi="nasional", agency_type="tni")
    assert fx.quota(tni, date(2025, 3, 24)).reason == "out_of_scope"


def test_quota_limit_is_never_below_zero() -> None:
    # DESIGN.md: an OPD smaller than its on-site requirement has limit 0 (not an error):
    # min(floor(3 x 50 %), 3 - 5) = min(1, -2), bounded at 0
    assert fx.quota_limit(3, "50", onsite_required=5) == 0
    assert fx.quota_limit(0, "100", onsite_required=1) == 0
    # and the bound is the only change: min(floor(10 x 50 %), 10 - 4) = 5
    assert fx.quota_limit(10, "50", onsite_required=4) == 5


def test_quota_undefined_names_the_instrument() -> None:
    opd = _opd(instansi="nasional")
    with pytest.raises(fx.QuotaUndefinedError, match="SE MenPANRB 2/2025"):
        fx.quota(opd, date(2025, 3, 24))
    with pytest.raises(fx.QuotaUndefinedError, match="not known"):
        fx.max_remote(_opd(instansi="kota-palembang"), date(2025, 3, 24))


def test_policy_keyword_overrides_instansi() -> None:
    opd = _opd()  # a Kabupaten Malang OPD judged under Banten's 2025 rule: 20 % of 120
    assert fx.max_remote(opd, date(2025, 4, 8), policy="prov-banten") == 24
    assert fx.max_remote(opd, date(2025, 4, 9), policy=fx.get_policy("kab-malang")) == 0
    # 9 April 2025 in Banten: two officials' statements conflict, so there is no number.
    with pytest.raises(fx.QuotaUndefinedError):
        fx.max_remote(opd, date(2025, 4, 9), policy="prov-banten")


def test_max_remote_today_uses_the_instansi_time_zone() -> None:
    # today's answer is the same as the answer for today's local date
    opd = _opd()
    from flexasn.quotas import today_in

    today = today_in(fx.get_policy("kab-malang"))
    if today.year in fx.covered_years():
        assert fx.max_remote(opd) == fx.max_remote(opd, today)
    else:
        with pytest.raises(fx.CoverageError):
            fx.max_remote(opd)
