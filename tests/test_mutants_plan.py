"""Planner answers that mutation testing (issue 12) found no test pinned: what
[`opd_day`][flexasn.plan.opd_day] tells of a day whose quota has no number, and the
messages refusing a roster."""

from __future__ import annotations

from datetime import date

import pytest

import flexasn as fx
from builders import FRI, MON, NIPS, arrangement, opd, policy, span, staff
from common import assert_no_nip, messages
from flexasn.plan import opd_day

WEEKS = [span(date(2025, 4, 21), date(2025, 6, 30))]


def test_a_weekly_day_without_a_number_still_counts_toward_the_standing_limit() -> None:
    # LAW.md §3a, Permen PANRB 4/2025 Pasal 13 ayat (1): a standing arrangement with a weekly
    # limit of 2 covers April-June 2025; the instansi's own weekly Friday arrangement sets
    # no proportion (left to the head of agency). On Friday 9 May 2025 the Friday
    # arrangement governs, its quota has no number, and the standing limit of 2 still
    # counts the day.
    p = policy(
        arrangement(
            "tetap",
            "standing",
            WEEKS,
            weekly_limit=2,
            quota=[{"default": True, "percent": "50"}],
        ),
        arrangement("jumat", "weekly", WEEKS, weekdays=["friday"], continuation="ends"),
    )
    day = opd_day(opd(), FRI, p)
    assert (day.status, day.limit) == ("quota_undefined", None)
    assert day.arrangement is not None and day.arrangement.id == "jumat"
    assert day.in_force is not None and day.in_force.arrangement is day.arrangement
    assert day.weekly_limit == 2
    # Monday 5 May 2025: the standing arrangement itself governs, 50 % of 40 = 20
    monday = opd_day(opd(), MON, p)
    assert (monday.status, monday.limit, monday.weekly_limit) == ("rule", 20, 2)


def test_a_day_without_a_number_and_no_standing_arrangement_has_no_weekly_limit() -> None:
    # the same Friday arrangement alone: no standing arrangement, so no weekly limit
    p = policy(arrangement("jumat", "weekly", WEEKS, weekdays=["friday"], continuation="ends"))
    day = opd_day(opd(), FRI, p)
    assert (day.status, day.limit, day.weekly_limit) == ("quota_undefined", None, None)
    assert day.in_force is not None and day.in_force.standing is None
    assert fx.quota(opd(), FRI, policy=p, strict=False).status is fx.QuotaStatus.UNDEFINED


def test_a_roster_of_another_opd_or_a_nip_twice_is_refused_by_row() -> None:
    # the planner names the list and the row, and the employee by the last four digits of
    # their NIP only (NIPS[1] ends in 1002, NIPS[0] in 1001)
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    other = [staff(NIPS[0]), fx.Employee(nip=NIPS[1], opd="Y")]
    with pytest.raises(fx.InvalidInputError) as info:
        fx.plan_rotation(opd(), other, MON, MON, policy=p)
    assert messages(info.value) == {
        "id": "employees[1] (pegawai …1002) termasuk OPD 'Y', bukan 'X'",
        "en": "employees[1] (employee …1002) belongs to OPD 'Y', not to 'X'",
    }
    assert_no_nip(info.value, NIPS[:2])
    twice = [staff(NIPS[0]), staff(NIPS[0])]
    with pytest.raises(fx.InvalidInputError) as info:
        fx.plan_rotation(opd(), twice, MON, MON, policy=p)
    assert messages(info.value) == {
        "id": "employees[1]: pegawai …1001 tercantum dua kali",
        "en": "employees[1]: employee …1001 is listed twice",
    }
    assert_no_nip(info.value, NIPS[:1])
