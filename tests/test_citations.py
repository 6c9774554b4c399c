"""The citation of every check, for each of its outcomes (issue 12 part 2).

DESIGN.md principle 5: a decision lists every check with "the citation (instrument +
article + confidence)". Each case below names a situation, the check, its result and
message key, and the citation worked out by hand from LAW.md: the instrument, the
article (None where the law is cited as a whole) and whether it is flexasn's reading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

import flexasn as fx
from builders import FRI, MON, arrangement, cited, opd, policy, span, staff

PERPRES_3 = ("perpres-21-2023", "Pasal 3", False)
PERPRES_6 = ("perpres-21-2023", "Pasal 6", False)
PASAL_13 = ("permen-panrb-4-2025", "Pasal 13 ayat (1)", False)
PASAL_25 = ("permen-panrb-4-2025", "Pasal 25", False)
PASAL_38 = ("permen-panrb-4-2025", "Pasal 38", False)
FRONTLINE_READING = ("permen-panrb-4-2025", None, True)  # LAW.md §3: flexasn's reading
OWN = ("permen-panrb-4-2025", "Pasal 8", False)  # the basis of the builders' arrangements
RULE_BASIS = ("se-menpanrb-2-2025", None, True)

# A kabupaten's own policy: a window 5-9 May 2025, a decision that no one works flexibly
# 19-23 May, an unknown decision 2-5 June, and a standing arrangement from 1 July
# (weekly limit 2) that lets front-line staff out and keeps no duty officer on site.
POLICY = policy(
    arrangement(
        "jendela",
        days=[span(MON, FRI)],
        heads_onsite=True,
        structural_onsite=True,
        onsite_basis={"instrument": "perpres-21-2023", "article": "Pasal 7"},
        quota=[
            {"kinds": ["bkad"], "percent": "20"},
            {"kinds": ["dinkes"], "percent": "0", "basis": {"instrument": "perpres-21-2023"}},
            {
                "default": True,
                "percent": "10",
                "basis": {"instrument": "se-menpanrb-2-2025", "reading": True},
            },
        ],
    ),
    arrangement("tanpa-fwa", "no_flexible_work", [span(date(2025, 5, 19), date(2025, 5, 23))]),
    arrangement("belum-diketahui", "decision_unknown", [span(date(2025, 6, 2), date(2025, 6, 5))]),
    arrangement(
        "fwa-tetap",
        "standing",
        [span(date(2025, 7, 1), date(2025, 12, 19))],
        weekly_limit=2,
        frontline_onsite=False,
        duty_officers_onsite=False,
        quota=[{"default": True, "percent": "25"}],
    ),
)
STANDING_DAY = date(2025, 7, 2)  # a Wednesday under the standing arrangement


@dataclass(frozen=True)
class Case:
    says: str
    ask: Callable[[], fx.Decision]
    check: fx.Check
    passed: bool | None
    key: str
    basis: tuple[str, str | None, bool] | None


def ask(
    day: date,
    *,
    unit: fx.Opd | None = None,
    instansi: str | None = None,
    pol: fx.Policy | None = POLICY,
    known_on: date | None = None,
    remote: int | None = None,
    **facts: Any,
) -> Callable[[], fx.Decision]:
    """A question for later: ``instansi`` asks its bundled policy (or the national layer)."""

    def decision() -> fx.Decision:
        office = unit or opd()
        if instansi is not None:
            office = office.model_copy(update={"instansi": instansi})
        return fx.eligible_for_wfa(
            staff(**facts),
            office,
            day,
            policy=None if instansi is not None else pol,
            known_on=known_on,
            remote_days_this_week=remote,
        )

    return decision


C = fx.Check
STANDING_ONLY = policy(arrangement("tetap", "standing", [span(MON, date(2030, 1, 1))]))
NO_DAY = date(2025, 5, 14)  # a working Wednesday no arrangement covers
ON_SITE_BASIS = ("perpres-21-2023", "Pasal 7", False)
MENDAGRI = ("se-mendagri-800-1-5-3349-2026", "ketentuan pejabat struktural kabupaten/kota", False)

CASES = [
    # data_coverage: the ASN decree of the year (Keppres), else the SKB; unknown beyond
    Case(
        "2025: Keppres 2/2025",
        ask(MON),
        C.DATA_COVERAGE,
        True,
        "data_coverage.pass",
        ("keppres-2-2025", None, False),
    ),
    Case(
        "2026: Keppres 42/2025",
        ask(date(2026, 5, 4)),
        C.DATA_COVERAGE,
        True,
        "data_coverage.pass",
        ("keppres-42-2025", None, False),
    ),
    Case(
        "2027: no ASN Keppres yet, the SKB",
        ask(date(2027, 5, 3)),
        C.DATA_COVERAGE,
        True,
        "data_coverage.pass",
        ("skb-libur-2027", None, False),
    ),
    Case(
        "2025 asked before Keppres 2/2025 was signed (16 Jan 2025): the SKB",
        ask(MON, known_on=date(2024, 12, 1)),
        C.DATA_COVERAGE,
        True,
        "data_coverage.pass",
        ("skb-libur-2025", None, False),
    ),
    Case(
        "2028 is beyond the decreed years",
        ask(date(2028, 5, 3)),
        C.DATA_COVERAGE,
        None,
        "data_coverage.unknown",
        PERPRES_6,
    ),
    # agency_scope: Pasal 38 both ways
    Case("a civil agency", ask(MON), C.AGENCY_SCOPE, True, "agency_scope.pass", PASAL_38),
    Case(
        "Polri",
        ask(MON, unit=opd(agency_type=fx.AgencyType.POLRI)),
        C.AGENCY_SCOPE,
        False,
        "agency_scope.fail",
        PASAL_38,
    ),
    # working_day: Pasal 3 for ordinary days, the decree for days off
    Case("a Monday", ask(MON), C.WORKING_DAY, True, "working_day.pass", PERPRES_3),
    Case(
        "a Saturday",
        ask(date(2025, 5, 10)),
        C.WORKING_DAY,
        False,
        "working_day.fail_weekend",
        PERPRES_3,
    ),
    Case(
        "Labour Day 2025",
        ask(date(2025, 5, 1)),
        C.WORKING_DAY,
        False,
        "working_day.fail_holiday",
        ("skb-libur-2025", None, False),
    ),
    Case(
        "Labour Day 2026",
        ask(date(2026, 5, 1)),
        C.WORKING_DAY,
        False,
        "working_day.fail_holiday",
        ("skb-libur-2026", None, False),
    ),
    Case(
        "cuti bersama 13 May 2025",
        ask(date(2025, 5, 13)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("keppres-2-2025", None, False),
    ),
    Case(
        "cuti bersama 18 Aug 2025, added by SKB 933/1/3",
        ask(date(2025, 8, 18)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("skb-libur-2025-perubahan", None, False),
    ),
    Case(
        "cuti bersama 15 May 2026",
        ask(date(2026, 5, 15)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("keppres-42-2025", None, False),
    ),
    Case(
        "cuti bersama 18 May 2027: the SKB",
        ask(date(2027, 5, 18)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("skb-libur-2027", None, False),
    ),
    Case(
        "cuti bersama 28 Mar 2025 asked before Keppres 2/2025",
        ask(date(2025, 3, 28), known_on=date(2024, 12, 1)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("skb-libur-2025", None, False),
    ),
    Case(
        "a weekday of 2028",
        ask(date(2028, 5, 3)),
        C.WORKING_DAY,
        None,
        "working_day.unknown",
        PERPRES_3,
    ),
    Case(
        "a Saturday of 2028",
        ask(date(2028, 5, 6)),
        C.WORKING_DAY,
        False,
        "working_day.fail_weekend",
        PERPRES_3,
    ),
    # flexible_period: the arrangement's own basis, Pasal 3 without one, Pasal 6 beyond
    Case("the window", ask(MON), C.FLEXIBLE_PERIOD, True, "flexible_period.pass", OWN),
    Case(
        "SE 2/2025 for a region without data",
        ask(date(2025, 3, 24), instansi="kab-sleman"),
        C.FLEXIBLE_PERIOD,
        True,
        "flexible_period.pass_national",
        ("se-menpanrb-2-2025", None, False),
    ),
    Case(
        "no arrangement",
        ask(NO_DAY),
        C.FLEXIBLE_PERIOD,
        False,
        "flexible_period.fail_none",
        PERPRES_3,
    ),
    Case(
        "no flexible work",
        ask(date(2025, 5, 20)),
        C.FLEXIBLE_PERIOD,
        False,
        "flexible_period.fail_no_flexible",
        OWN,
    ),
    Case(
        "an unknown decision",
        ask(date(2025, 6, 3)),
        C.FLEXIBLE_PERIOD,
        None,
        "flexible_period.unknown",
        OWN,
    ),
    Case(
        "a national Friday after 17 Jul 2026",
        ask(date(2026, 7, 24), instansi="kab-sleman"),
        C.FLEXIBLE_PERIOD,
        None,
        "flexible_period.unknown_continuation",
        ("wfh-jumat-2026-perpanjangan", None, True),
    ),
    Case(
        "2028, no arrangement",
        ask(date(2028, 5, 3)),
        C.FLEXIBLE_PERIOD,
        None,
        "flexible_period.unknown_coverage",
        PERPRES_6,
    ),
    Case(
        "2028, a standing arrangement",
        ask(date(2028, 5, 3), pol=STANDING_ONLY),
        C.FLEXIBLE_PERIOD,
        None,
        "flexible_period.unknown_coverage",
        OWN,
    ),
    # opd_allowed: the quota rule's basis where it has one, else the arrangement's
    Case("BKAD 20 %", ask(MON), C.OPD_ALLOWED, True, "opd_allowed.pass", OWN),
    Case(
        "the default rule's own basis, a reading",
        ask(MON, unit=opd(kind="dpupr")),
        C.OPD_ALLOWED,
        True,
        "opd_allowed.pass",
        RULE_BASIS,
    ),
    Case(
        "Dinkes 0 %",
        ask(MON, unit=opd(kind="dinkes")),
        C.OPD_ALLOWED,
        False,
        "opd_allowed.fail_excluded",
        ("perpres-21-2023", None, False),
    ),
    Case(
        "4 staff at 20 %: 0",
        ask(MON, unit=opd(headcount=4)),
        C.OPD_ALLOWED,
        False,
        "opd_allowed.fail_zero",
        OWN,
    ),
    Case(
        "no arrangement", ask(NO_DAY), C.OPD_ALLOWED, False, "opd_allowed.fail_no_arrangement", None
    ),
    Case(
        "no flexible work",
        ask(date(2025, 5, 20)),
        C.OPD_ALLOWED,
        False,
        "opd_allowed.fail_no_arrangement",
        OWN,
    ),
    Case(
        "an unknown decision",
        ask(date(2025, 6, 3)),
        C.OPD_ALLOWED,
        None,
        "opd_allowed.unknown_decision",
        OWN,
    ),
    Case(
        "SE 2/2025 leaves the proportion to the head",
        ask(date(2025, 3, 24), instansi="kab-sleman"),
        C.OPD_ALLOWED,
        None,
        "opd_allowed.unknown",
        ("se-menpanrb-2-2025", None, False),
    ),
    Case(
        "2028, no arrangement",
        ask(date(2028, 5, 3)),
        C.OPD_ALLOWED,
        None,
        "opd_allowed.unknown_coverage",
        PERPRES_6,
    ),
    # role_onsite: the on-site basis for heads and structural officials
    Case("an executor", ask(MON), C.ROLE_ONSITE, True, "role_onsite.pass", OWN),
    Case("no arrangement", ask(NO_DAY), C.ROLE_ONSITE, True, "role_onsite.pass", None),
    Case(
        "the head",
        ask(MON, is_head=True),
        C.ROLE_ONSITE,
        False,
        "role_onsite.fail_head",
        ON_SITE_BASIS,
    ),
    Case(
        "a structural official",
        ask(MON, position=fx.PositionType.STRUCTURAL),
        C.ROLE_ONSITE,
        False,
        "role_onsite.fail_structural",
        ON_SITE_BASIS,
    ),
    Case(
        "a structural official on a national WFH Friday",
        ask(date(2026, 4, 10), instansi="kab-sleman", position=fx.PositionType.STRUCTURAL),
        C.ROLE_ONSITE,
        False,
        "role_onsite.fail_structural",
        MENDAGRI,
    ),
    Case(
        "a duty officer on duty",
        ask(MON, duty_days=frozenset({MON})),
        C.ROLE_ONSITE,
        False,
        "role_onsite.fail_duty",
        OWN,
    ),
    Case(
        "a duty officer on duty, no arrangement",
        ask(NO_DAY, duty_days=frozenset({NO_DAY})),
        C.ROLE_ONSITE,
        False,
        "role_onsite.fail_duty",
        None,
    ),
    # frontline: flexasn's reading of the Permen, or the arrangement that lets them out
    Case("not front line", ask(MON), C.FRONTLINE, True, "frontline.pass", FRONTLINE_READING),
    Case(
        "front line",
        ask(MON, frontline=True),
        C.FRONTLINE,
        False,
        "frontline.fail",
        FRONTLINE_READING,
    ),
    Case(
        "front line, no arrangement",
        ask(NO_DAY, frontline=True),
        C.FRONTLINE,
        False,
        "frontline.fail",
        FRONTLINE_READING,
    ),
    Case(
        "front line, let out by the standing arrangement",
        ask(STANDING_DAY, frontline=True),
        C.FRONTLINE,
        True,
        "frontline.pass_allowed",
        OWN,
    ),
    # discipline and new_employee: Pasal 25, before and from 21 April 2025
    Case("no penalty", ask(MON), C.DISCIPLINE, True, "discipline.pass", PASAL_25),
    Case(
        "a penalty in process",
        ask(MON, discipline=fx.DisciplineStatus.IN_PROCESS),
        C.DISCIPLINE,
        False,
        "discipline.fail",
        PASAL_25,
    ),
    Case(
        "a penalty served",
        ask(MON, discipline=fx.DisciplineStatus.SERVING),
        C.DISCIPLINE,
        False,
        "discipline.fail",
        PASAL_25,
    ),
    Case(
        "a penalty on 17 April 2025, before the Permen",
        ask(date(2025, 4, 17), discipline=fx.DisciplineStatus.SERVING),
        C.DISCIPLINE,
        True,
        "discipline.pass_not_in_force",
        PASAL_25,
    ),
    Case("not new", ask(MON), C.NEW_EMPLOYEE, True, "new_employee.pass", PASAL_25),
    Case(
        "new in post",
        ask(MON, new_in_post=True),
        C.NEW_EMPLOYEE,
        False,
        "new_employee.fail",
        PASAL_25,
    ),
    Case(
        "new in post on 17 April 2025",
        ask(date(2025, 4, 17), new_in_post=True),
        C.NEW_EMPLOYEE,
        True,
        "new_employee.pass_not_in_force",
        PASAL_25,
    ),
    # weekly_limit: Pasal 13 ayat (1), every outcome
    Case(
        "not counted",
        ask(STANDING_DAY),
        C.WEEKLY_LIMIT,
        True,
        "weekly_limit.pass_not_counted",
        PASAL_13,
    ),
    Case(
        "the second day",
        ask(STANDING_DAY, remote=1),
        C.WEEKLY_LIMIT,
        True,
        "weekly_limit.pass",
        PASAL_13,
    ),
    Case(
        "the third day",
        ask(STANDING_DAY, remote=2),
        C.WEEKLY_LIMIT,
        False,
        "weekly_limit.fail",
        PASAL_13,
    ),
    Case(
        "the third day, duties outside the office",
        ask(STANDING_DAY, remote=2, duties_outside_office=True),
        C.WEEKLY_LIMIT,
        True,
        "weekly_limit.pass_exception",
        PASAL_13,
    ),
    Case(
        "the third day, special circumstances",
        ask(STANDING_DAY, remote=2, special_circumstances=True),
        C.WEEKLY_LIMIT,
        True,
        "weekly_limit.pass_exception",
        PASAL_13,
    ),
]


# known_on: answers as flexasn would have then (DESIGN.md "Data currency")
CASES += [
    Case(
        "2026 asked on 1 Sep 2025, before its SKB (19 Sep 2025)",
        ask(date(2026, 5, 4), known_on=date(2025, 9, 1)),
        C.DATA_COVERAGE,
        None,
        "data_coverage.unknown",
        PERPRES_6,
    ),
    Case(
        "2025 asked on 1 Jan 2024, before any decree",
        ask(MON, known_on=date(2024, 1, 1)),
        C.DATA_COVERAGE,
        None,
        "data_coverage.unknown",
        PERPRES_6,
    ),
    Case(
        "18 Aug 2025 asked on 1 Aug 2025, before it became cuti bersama",
        ask(date(2025, 8, 18), known_on=date(2025, 8, 1)),
        C.WORKING_DAY,
        True,
        "working_day.pass",
        PERPRES_3,
    ),
    Case(
        "18 Aug 2025 asked on 7 Aug 2025, the day SKB 933/1/3 added it",
        ask(date(2025, 8, 18), known_on=date(2025, 8, 7)),
        C.WORKING_DAY,
        False,
        "working_day.fail_cuti",
        ("skb-libur-2025-perubahan", None, False),
    ),
    Case(
        "new in post on 21 April 2025, the day the Permen came into force",
        ask(date(2025, 4, 21), new_in_post=True),
        C.NEW_EMPLOYEE,
        False,
        "new_employee.fail",
        PASAL_25,
    ),
    Case(
        "a penalty on 21 April 2025",
        ask(date(2025, 4, 21), discipline=fx.DisciplineStatus.SERVING),
        C.DISCIPLINE,
        False,
        "discipline.fail",
        PASAL_25,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.check.value}: {c.says}")
def test_every_check_cites_its_law_for_each_outcome(case: Case) -> None:
    d = case.ask()
    r = d.reason(case.check)
    assert (r.passed, r.key) == (case.passed, case.key), d.explain("en")
    assert cited(r.basis) == case.basis, d.explain("en")
    if r.basis is not None:
        # the confidence is the registry's for that article (or the instrument's)
        expected = fx.cite(r.basis.instrument, r.basis.article, reading=r.basis.reading)
        assert r.basis == expected


def test_every_check_and_outcome_has_a_case() -> None:
    seen = {(c.check, c.passed) for c in CASES}
    for check in (C.DATA_COVERAGE, C.FLEXIBLE_PERIOD, C.OPD_ALLOWED, C.WORKING_DAY):
        assert {(check, True), (check, False), (check, None)} - seen <= {(C.DATA_COVERAGE, False)}
    for check in (C.AGENCY_SCOPE, C.ROLE_ONSITE, C.FRONTLINE, C.DISCIPLINE, C.NEW_EMPLOYEE):
        assert {(check, True), (check, False)} <= seen
    assert {(C.WEEKLY_LIMIT, True), (C.WEEKLY_LIMIT, False)} <= seen


# --- and what each says: the English message, by hand from the catalogue -------------------


def holiday(day: date) -> str:
    return f"{day.isoformat()} is a national holiday ({fx.holiday_name(day, 'en')})."


def cuti(day: date) -> str:
    return f"{day.isoformat()} is a cuti bersama day ({fx.holiday_name(day, 'en')})."


SLEMAN = "Kabupaten Sleman"
UJI = "Pemerintah Kabupaten Uji"
WFO = "on working days the default is work from the office (WFO)."
SKB_2025 = "SKB 3 Menteri 1017/2/2 Tahun 2024"
NOT_BEFORE = "of Permen PANRB 4/2025 Pasal 25 was not in force before 2025-04-21."
OVER = "The limit of 2 days a week does not apply:"
ROLE = "must work from the office under arrangement"

SAYS: dict[tuple[fx.Check, str], str] = {
    (
        C.DATA_COVERAGE,
        "2025: Keppres 2/2025",
    ): f"The ASN calendar for 2025 is decreed ({SKB_2025}).",
    (C.DATA_COVERAGE, "2026: Keppres 42/2025"): (
        "The ASN calendar for 2026 is decreed (SKB 3 Menteri 1497/2/5 Tahun 2025)."
    ),
    (C.DATA_COVERAGE, "2027: no ASN Keppres yet, the SKB"): (
        "The ASN calendar for 2027 is decreed (SKB 3 Menteri 1205/3/2 Tahun 2026)."
    ),
    (
        C.DATA_COVERAGE,
        "2025 asked before Keppres 2/2025 was signed (16 Jan 2025): the SKB",
    ): f"The ASN calendar for 2025 is decreed ({SKB_2025}).",
    (C.DATA_COVERAGE, "2028 is beyond the decreed years"): (
        "The ASN calendar for 2028 is not decreed yet (covered years: 2025-2027); "
        "the answer cannot be certain."
    ),
    (C.AGENCY_SCOPE, "a civil agency"): (
        "The agency is within Perpres 21/2023 and Permen PANRB 4/2025."
    ),
    (C.AGENCY_SCOPE, "Polri"): (
        "Flexible work rules do not apply to polri (Permen PANRB 4/2025 Pasal 38)."
    ),
    (C.WORKING_DAY, "a Monday"): "2025-05-05 is an ASN working day.",
    (C.WORKING_DAY, "a Saturday"): "2025-05-10 is a weekend day, not a working day.",
    (C.WORKING_DAY, "Labour Day 2025"): holiday(date(2025, 5, 1)),
    (C.WORKING_DAY, "Labour Day 2026"): holiday(date(2026, 5, 1)),
    (C.WORKING_DAY, "cuti bersama 13 May 2025"): cuti(date(2025, 5, 13)),
    (C.WORKING_DAY, "cuti bersama 18 Aug 2025, added by SKB 933/1/3"): cuti(date(2025, 8, 18)),
    (C.WORKING_DAY, "cuti bersama 15 May 2026"): cuti(date(2026, 5, 15)),
    (C.WORKING_DAY, "cuti bersama 18 May 2027: the SKB"): cuti(date(2027, 5, 18)),
    (C.WORKING_DAY, "cuti bersama 28 Mar 2025 asked before Keppres 2/2025"): cuti(
        date(2025, 3, 28)
    ),
    (C.WORKING_DAY, "a weekday of 2028"): (
        "2028-05-03 lies beyond the decreed calendar years; estimate: working day."
    ),
    (C.WORKING_DAY, "a Saturday of 2028"): "2028-05-06 is a weekend day, not a working day.",
    (C.FLEXIBLE_PERIOD, "the window"): (
        "Arrangement 'jendela' is in force on 2025-05-05 and permits flexible work (WFH, WFA)."
    ),
    (C.FLEXIBLE_PERIOD, "SE 2/2025 for a region without data"): (
        "The national arrangement 'se-2-2025' is in force on 2025-03-24 and permits flexible "
        f"work (WFH, WFA); no decision of {SLEMAN} of its own for that day is recorded, so the "
        "national instrument applies."
    ),
    (C.FLEXIBLE_PERIOD, "no arrangement"): (
        f"No arrangement of {UJI} permits flexible work on 2025-05-14 (none is in force on "
        f"that date); {WFO}"
    ),
    (C.FLEXIBLE_PERIOD, "no flexible work"): (
        f"{UJI} decided that no flexible work is permitted on 2025-05-20 ('tanpa-fwa'): "
        "on working days everyone works from the office (WFO)."
    ),
    (C.FLEXIBLE_PERIOD, "an unknown decision"): (
        f"Whether {UJI} permits flexible work on 2025-06-03 is not known: its decision "
        "('belum-diketahui') is unknown."
    ),
    (C.FLEXIBLE_PERIOD, "a national Friday after 17 Jul 2026"): (
        "Whether weekly arrangement 'wfh-jumat-2026-perpanjangan-daerah' still applies to "
        f"{SLEMAN} on 2026-07-24 is not known: it is known only up to 2026-07-17, and no "
        "later instrument was found."
    ),
    (C.FLEXIBLE_PERIOD, "2028, no arrangement"): (
        "2028-05-03 lies beyond the decreed calendar years: whether it is a working day, and "
        f"whether an arrangement of {UJI} will permit flexible work on it, is not known yet."
    ),
    (C.FLEXIBLE_PERIOD, "2028, a standing arrangement"): (
        "2028-05-03 lies beyond the decreed calendar years: whether it is a working day, and "
        f"whether an arrangement of {UJI} will permit flexible work on it, is not known yet."
    ),
    # 40 staff: BKAD 20 % -> 8 (min(8, 40 - 1), the head on site); the default 10 % -> 4
    (C.OPD_ALLOWED, "BKAD 20 %"): "OPD X has a quota of 8 of 40 staff (20%, kinds=bkad 20%).",
    (C.OPD_ALLOWED, "the default rule's own basis, a reading"): (
        "OPD X has a quota of 4 of 40 staff (10%, default 10%)."
    ),
    (C.OPD_ALLOWED, "Dinkes 0 %"): (
        "OPD X is not among those allowed flexible work (kinds=dinkes 0%: 0%)."
    ),
    (C.OPD_ALLOWED, "4 staff at 20 %: 0"): (
        "The quota of OPD X rounds down to 0 (20% of 4 staff)."
    ),
    (C.OPD_ALLOWED, "no arrangement"): (
        "No arrangement permits flexible work on this date, so the quota of OPD X is 0."
    ),
    (C.OPD_ALLOWED, "no flexible work"): (
        "No arrangement permits flexible work on this date, so the quota of OPD X is 0."
    ),
    (C.OPD_ALLOWED, "an unknown decision"): (
        "The proportion for OPD X is unknown because the instansi's decision is unknown."
    ),
    (C.OPD_ALLOWED, "SE 2/2025 leaves the proportion to the head"): (
        "The proportion of staff who may work flexibly is left to the head of agency "
        "(SE MenPANRB 2/2025 [reported])."
    ),
    (C.OPD_ALLOWED, "2028, no arrangement"): (
        "No quota for OPD X is known: the day lies beyond the decreed calendar years."
    ),
    (C.ROLE_ONSITE, "an executor"): (
        "The employee's role does not require presence in the office today."
    ),
    (C.ROLE_ONSITE, "no arrangement"): (
        "The employee's role does not require presence in the office today."
    ),
    (C.ROLE_ONSITE, "the head"): f"The head of the OPD {ROLE} 'jendela'.",
    (C.ROLE_ONSITE, "a structural official"): (f"Structural (echelon) officials {ROLE} 'jendela'."),
    (C.ROLE_ONSITE, "a structural official on a national WFH Friday"): (
        f"Structural (echelon) officials {ROLE} 'wfh-jumat-2026-daerah'."
    ),
    (C.ROLE_ONSITE, "a duty officer on duty"): (
        "The employee is on the duty (piket) roster on 2025-05-05 and must be on site."
    ),
    (C.ROLE_ONSITE, "a duty officer on duty, no arrangement"): (
        "The employee is on the duty (piket) roster on 2025-05-14 and must be on site."
    ),
    (C.FRONTLINE, "not front line"): "The employee does not serve the public face to face.",
    (C.FRONTLINE, "front line"): (
        "Front-line (face-to-face) staff stay on site so that public services continue."
    ),
    (C.FRONTLINE, "front line, no arrangement"): (
        "Front-line (face-to-face) staff stay on site so that public services continue."
    ),
    (C.FRONTLINE, "front line, let out by the standing arrangement"): (
        "The employee serves the public face to face, but arrangement 'fwa-tetap' allows "
        "flexible work."
    ),
    (C.DISCIPLINE, "no penalty"): (
        "The employee is not serving, nor in the process of receiving, a disciplinary penalty."
    ),
    (C.DISCIPLINE, "a penalty in process"): (
        "The employee is in the process of receiving a disciplinary penalty "
        "(Permen PANRB 4/2025 Pasal 25)."
    ),
    (C.DISCIPLINE, "a penalty served"): (
        "The employee is serving a disciplinary penalty (Permen PANRB 4/2025 Pasal 25)."
    ),
    (C.DISCIPLINE, "a penalty on 17 April 2025, before the Permen"): (
        f"The discipline criterion {NOT_BEFORE}"
    ),
    (C.NEW_EMPLOYEE, "not new"): "The employee is not new in the post.",
    (C.NEW_EMPLOYEE, "new in post"): (
        "An employee new in the post may not yet work flexibly (Permen PANRB 4/2025 Pasal 25)."
    ),
    (C.NEW_EMPLOYEE, "new in post on 17 April 2025"): f"The new-employee criterion {NOT_BEFORE}",
    (C.WEEKLY_LIMIT, "not counted"): (
        "A limit of 2 flexible-work days a week applies (Pasal 13); this week's count was not "
        "given."
    ),
    (C.WEEKLY_LIMIT, "the second day"): "2 of at most 2 flexible-work days this week.",
    (C.WEEKLY_LIMIT, "the third day"): (
        "Over the limit of 2 flexible-work days a week (3 days) (Permen PANRB 4/2025 Pasal 13)."
    ),
    (C.WEEKLY_LIMIT, "the third day, duties outside the office"): (
        f"{OVER} duties that must be done outside the office (Pasal 13)."
    ),
    (C.WEEKLY_LIMIT, "the third day, special circumstances"): (
        f"{OVER} the employee's special circumstances (Pasal 13)."
    ),
}

SAYS |= {
    (C.DATA_COVERAGE, "2026 asked on 1 Sep 2025, before its SKB (19 Sep 2025)"): (
        "The ASN calendar for 2026 is not decreed yet (covered years: 2025-2025); "
        "the answer cannot be certain."
    ),
    (C.DATA_COVERAGE, "2025 asked on 1 Jan 2024, before any decree"): (
        "The ASN calendar for 2025 is not decreed yet (covered years: -); "
        "the answer cannot be certain."
    ),
    (C.WORKING_DAY, "18 Aug 2025 asked on 1 Aug 2025, before it became cuti bersama"): (
        "2025-08-18 is an ASN working day."
    ),
    (C.WORKING_DAY, "18 Aug 2025 asked on 7 Aug 2025, the day SKB 933/1/3 added it"): cuti(
        date(2025, 8, 18)
    ),
    (C.NEW_EMPLOYEE, "new in post on 21 April 2025, the day the Permen came into force"): (
        "An employee new in the post may not yet work flexibly (Permen PANRB 4/2025 Pasal 25)."
    ),
    (C.DISCIPLINE, "a penalty on 21 April 2025"): (
        "The employee is serving a disciplinary penalty (Permen PANRB 4/2025 Pasal 25)."
    ),
}

# Where a message holds words of its own language, the Indonesian one too.
SAYS_ID: dict[tuple[fx.Check, str], str] = {
    (C.WORKING_DAY, "a weekday of 2028"): "perkiraan: hari kerja.",
    (C.WORKING_DAY, "cuti bersama 13 May 2025"): f"({fx.holiday_name(date(2025, 5, 13))}).",
    (C.WORKING_DAY, "Labour Day 2025"): f"({fx.holiday_name(date(2025, 5, 1))}).",
    (C.DISCIPLINE, "a penalty in process"): "dalam proses penjatuhan",
    (C.DISCIPLINE, "a penalty served"): "sedang menjalani",
    (C.WEEKLY_LIMIT, "the third day, duties outside the office"): (
        "tugas harus dilakukan di luar kantor"
    ),
    (C.WEEKLY_LIMIT, "the third day, special circumstances"): "keadaan khusus pegawai",
    (C.OPD_ALLOWED, "SE 2/2025 leaves the proportion to the head"): (
        "(SE MenPANRB 2/2025 [reported])"
    ),
}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.check.value}: {c.says}")
def test_every_check_says_what_it_found(case: Case) -> None:
    r = case.ask().reason(case.check)
    assert r.message("en") == SAYS[case.check, case.says]
    if (case.check, case.says) in SAYS_ID:
        assert SAYS_ID[case.check, case.says] in r.message("id")
    assert r.message("id") and r.message("id") != r.message("en")


def test_every_case_has_its_words() -> None:
    assert set(SAYS) == {(c.check, c.says) for c in CASES}
