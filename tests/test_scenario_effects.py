"""Scenarios say only what they change (issue 14): an override that a more specific rule of
the base policy shadows warns, naming the rule that wins; ``diff()`` lists no change that
changes nothing, and every line it lists changes at least one row of a simulation."""

from __future__ import annotations

import functools
import warnings
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from flexasn.people import OPD_KINDS
from flexasn.scenario import Scenario, name_combos


def test_a_default_under_service_rules_changes_nothing_and_warns() -> None:
    # Kabupaten Malang 2025 sets the percent for each of the three service categories
    # (10 / 10 / 20 %), so a default rule (rank 1) reaches no OPD.
    with pytest.warns(fx.ShadowedOverrideWarning) as caught:
        s = Scenario(name="B", base="kab-malang", percent={"default": 30})
    (warning,) = (w.message for w in caught)
    assert isinstance(warning, fx.ShadowedOverrideWarning)
    assert warning.changes_nothing and warning.override == "default"
    assert warning.arrangement == "lebaran-2025"
    assert warning.winners == (
        "layanan esensial berdampak langsung: paling banyak 10 %",
        "layanan langsung non-esensial: 10 %",
        "tanpa layanan publik langsung: paling banyak 20 %",
    )
    # in English the rules are named by the policy's English labels (label_en)
    assert warning.winners_en == (
        "essential services with direct impact: at most 10 %",
        "no direct public service: at most 20 %",
        "non-essential direct services: 10 %",
    )
    assert warning.message("en") == (
        "scenario 'B', arrangement 'lebaran-2025': the override of 'default' changes no OPD: "
        "the more specific rule(s) 'essential services with direct impact: at most 10 %', "
        "'no direct public service: at most 20 %', 'non-essential direct services: 10 %' "
        "of the base policy win for every OPD it names"
    )
    assert warning.message("id").startswith(
        "skenario 'B', pengaturan 'lebaran-2025': perubahan 'default' tidak mengubah OPD mana "
        "pun: aturan yang lebih khusus 'layanan esensial"
    )
    assert str(warning) == warning.message("en")
    assert s.diff() == ()
    # the limits are the base's: BKAD 120 staff, 20 %, head on site: min(24, 119) = 24
    assert s.policy().arrangement[0].quota_rule("bkad", fx.ServiceCategory.NON_DIRECT) == (
        s.base_policy().arrangement[0].quota_rule("bkad", fx.ServiceCategory.NON_DIRECT)
    )


def test_a_partly_shadowed_override_names_the_opds_it_misses() -> None:
    # Kota Malang 2025: eight named OPD kinds 5 % (rank 3), every other OPD 0 % (default).
    with pytest.warns(fx.ShadowedOverrideWarning) as caught:
        s = Scenario(name="k", base="kota-malang", percent={"tidak_langsung": 50})
    (warning,) = (w.message for w in caught)
    assert isinstance(warning, fx.ShadowedOverrideWarning)
    assert not warning.changes_nothing
    eight = "bapenda,bappeda,bkad,bkpsdm,diskominfo,disnaker-pmptsp,dispendukcapil,inspektorat"
    assert warning.where == f"{eight} (tidak_langsung)"
    assert warning.message("en") == (
        "scenario 'k', arrangement 'lebaran-2025': the override of 'tidak_langsung' does not "
        f"reach the OPDs of {eight} (tidak_langsung): the more specific rule(s) 'eight "
        "electronic-service OPDs: at most 5 %' of the base policy win there"
    )
    assert warning.winners == ("delapan OPD layanan elektronik: paling banyak 5 %",)
    # the other tidak_langsung OPDs go from the default 0 % to 50 %
    assert s.diff() == (f"~ lebaran-2025.quota[tidak_langsung except {eight}]: 0% -> 50%",)


def test_an_override_equal_to_the_base_is_no_change_and_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = Scenario(name="same", base="kab-malang", percent={"esensial": 10})
    assert s.diff() == ()


def test_heads_onsite_is_listed_only_where_someone_may_be_remote() -> None:
    s = Scenario(name="h", base="kab-malang", heads_onsite=False)
    assert s.diff() == ("~ lebaran-2025.heads_onsite: true -> false",)
    closed = Scenario(
        name="closed",
        base="kab-malang",
        percent={"esensial": 0, "langsung": 0, "tidak_langsung": 0},
        heads_onsite=False,
    )
    # nobody may be remote: keeping the heads on site or not changes nothing
    assert closed.diff() == (
        "~ lebaran-2025.quota[esensial; langsung]: 10% -> 0%",
        "~ lebaran-2025.quota[tidak_langsung]: 20% -> 0%",
    )


def test_names_of_sets_of_opds() -> None:
    every = [(k, s) for k in OPD_KINDS for s in fx.ServiceCategory]
    assert name_combos(every) == "default"
    assert name_combos([c for c in every if c[0] == "bkad"]) == "bkad"
    assert name_combos([("bkad", fx.ServiceCategory.ESSENTIAL)]) == "bkad (esensial)"


# --- every listed change changes a row ------------------------------------------------------

BASES = ("kab-malang", "kota-malang", "prov-banten", "prov-jatim", "kota-surabaya")
SERVICES = tuple(s.value for s in fx.ServiceCategory)
KINDS = ("bkad", "dinkes", "rsud", "bappeda", "sekolah", "inspektorat", "dishub", "setda")
# One OPD of every (kind, service) pair, big enough that a percent point shows in its limit
# (floor(1000 x p %) = 10 p), each with a head and one other employee.
OPDS = [
    fx.Opd(
        code=f"{kind}-{service.value}",
        name=f"{kind} {service.value}",
        instansi="kab-malang",
        kind=kind,
        service=service,
        headcount=1000,
    )
    for kind in sorted(OPD_KINDS)
    for service in fx.ServiceCategory
]
STAFF = [
    fx.Employee(nip=f"19800101200501{1 + (i % 2)}{i // 2:03d}", opd=o.code, is_head=i % 2 == 0)
    for n, o in enumerate(OPDS)
    for i in (2 * n, 2 * n + 1)
]


@functools.cache
def first_day_in_force(base: str, arrangement: str) -> date:
    policy = fx.get_policy(base)
    (a,) = (a for a in policy.arrangement if a.id == arrangement)
    return next(d for d in a.iter_days() if fx.is_working_day(d) and policy.arrangement_on(d) is a)


def rows(policy: Any, day: date) -> dict[str, dict[str, Any]]:
    sim = fx.simulate(OPDS, STAFF, day, day, policy=policy)
    return {r["opd"]: {k: v for k, v in r.items() if k != "scenario"} for r in sim.rows()}


def named(target: str) -> set[tuple[str, str]]:
    """The (kind, service) pairs a diff line's target names (the inverse of name_combos)."""
    every = {(k, s) for k in OPD_KINDS for s in SERVICES}
    if target == "default":
        return every
    out: set[tuple[str, str]] = set()
    for part in target.split("; "):
        if part in SERVICES:
            out |= {c for c in every if c[1] == part}
        elif " except " in part:
            service, _, kinds = part.partition(" except ")
            out |= {(k, service) for k in OPD_KINDS if k not in kinds.split(",")}
        elif part.endswith(")"):
            kinds, _, service = part[:-1].partition(" (")
            out |= {(k, service) for k in kinds.split(",")}
        else:
            out |= {c for c in every if c[0] in part.split(",")}
    return out


scenarios = st.fixed_dictionaries(
    {
        "base": st.sampled_from(BASES),
        "percent": st.dictionaries(
            st.sampled_from(("default", *SERVICES, *KINDS)), st.integers(0, 100), max_size=3
        ),
        "exclude_kinds": st.lists(st.sampled_from(KINDS), max_size=2, unique=True),
        "heads_onsite": st.sampled_from((None, True, False)),
    }
)


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_every_listed_change_changes_a_row_and_every_change_is_listed(
    spec: dict[str, Any],
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", fx.ShadowedOverrideWarning)
        s = Scenario(name="s", **spec)
    lines = s.diff()
    by_opd = {o.code: o for o in OPDS}
    changed_somewhere = False
    for a in s.base_policy().arrangement:
        if not a.permits_flexible_work:
            continue
        day = first_day_in_force(s.base, a.id)
        before, after = rows(s.base, day), rows(s, day)
        differs = {code for code in before if before[code] != after[code]}
        changed_somewhere |= bool(differs)
        mine = [line for line in lines if line.startswith(f"~ {a.id}.")]
        for line in mine:
            key = line.removeprefix(f"~ {a.id}.").split(": ")[0]
            if key == "heads_onsite":
                assert differs, line
                continue
            target = named(key.removeprefix("quota[").removesuffix("]"))
            hit = [c for c in differs if (by_opd[c].kind, by_opd[c].service.value) in target]
            assert hit, f"{line} changes no row"
        if differs:
            assert mine, f"rows of {a.id} change but diff() lists nothing"
    assert bool(lines) == changed_somewhere
