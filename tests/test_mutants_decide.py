"""Decision answers that mutation testing (issue 12) found no test pinned: the message
refusing an employee of another OPD, and the arrangement a profile's verdict names."""

from __future__ import annotations

import pytest

import flexasn as fx
from builders import MON, NIP, SAT, arrangement, opd, policy
from common import assert_no_nip, messages
from flexasn.decide import decide, situation, verdict

HALF = [{"default": True, "percent": "50"}]


def test_an_employee_of_another_opd_is_refused_naming_both_opds() -> None:
    # the employee's OPD is "Y", the OPD asked about is "X"; the NIP (…1001) is masked
    p = policy(arrangement(quota=HALF))
    with pytest.raises(fx.InvalidInputError) as info:
        fx.eligible_for_wfa(fx.Employee(nip=NIP, opd="Y"), opd(), MON, policy=p)
    assert messages(info.value) == {
        "id": "pegawai …1001 termasuk OPD 'Y', bukan 'X'",
        "en": "employee …1001 belongs to OPD 'Y', not to 'X'",
    }
    assert_no_nip(info.value, [NIP])


def test_a_verdict_names_the_arrangement_in_force_like_the_decision() -> None:
    # Monday 5 May 2025 lies in the made-up dated arrangement "uji" (5-9 May): a verdict,
    # the decision without the employee, names it; Saturday 10 May is outside it.
    p = policy(arrangement(quota=HALF))
    employee = fx.Employee(nip=NIP, opd="X")
    s = situation(employee, opd(), MON, p)
    found = verdict(s)
    assert found.arrangement is not None and found.arrangement.id == "uji"
    assert decide(s).arrangement == "uji"
    assert found.outcome is decide(s).outcome is fx.Outcome.ALLOWED
    outside = verdict(situation(employee, opd(), SAT, p))
    assert outside.arrangement is None and outside.outcome is fx.Outcome.DENIED


def test_every_rule_is_shared_in_exactly_one_way() -> None:
    # decide's rule tables: each of the nine checks of a decision is made once per day,
    # per OPD or per profile (DESIGN.md's layers), never two of these and never none
    from flexasn.decide import DAY_RULES, OPD_RULES, PROFILE_RULES, RULES

    assert len(RULES) == 9
    assert set(RULES) == DAY_RULES | OPD_RULES | PROFILE_RULES
    assert len(DAY_RULES) + len(OPD_RULES) + len(PROFILE_RULES) == len(RULES)
