"""`Decision.explain()` cites each check's basis once (issue 13).

On 24 March 2025 the national policy's arrangement is SE MenPANRB 2/2025 (WFH/WFA 24-27
March), which leaves the proportion of remote staff to the head of agency: `opd_allowed`
is unknown and its message already names the circular, so the line must not append it a
second time. A check whose message does not name its basis still gets it appended.
"""

from __future__ import annotations

from datetime import date

import pytest

import flexasn as fx
from flexasn.messages import Language

DAY = date(2025, 3, 24)  # a Monday inside SE MenPANRB 2/2025's window
OPD = fx.Opd(
    code="BKAD",
    name="Badan Keuangan dan Aset Daerah",
    instansi="nasional",
    kind="bkad",
    service=fx.ServiceCategory.NON_DIRECT,
    headcount=10,
)
EMPLOYEE = fx.Employee(nip="198503122010011001", opd="BKAD")


def _line(text: str, check: fx.Check) -> str:
    (line,) = [ln for ln in text.splitlines() if f" ({check.value}): " in ln]
    return line


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_circular_is_cited_once_for_an_unknown_proportion(lang: Language) -> None:
    decision = fx.eligible_for_wfa(EMPLOYEE, OPD, DAY)
    assert decision.outcome is fx.Outcome.UNDETERMINED
    line = _line(decision.explain(lang), fx.Check.OPD_ALLOWED)
    # the check in words, then its code
    words = {"id": "OPD mendapat kuota", "en": "OPD has a quota"}[lang]
    assert line.lstrip().startswith(f"? {words} (opd_allowed):")
    assert line.count("SE MenPANRB 2/2025") == 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_basis_the_message_does_not_name_is_still_appended(lang: Language) -> None:
    text = fx.eligible_for_wfa(EMPLOYEE, OPD, DAY).explain(lang)
    # Perpres 21/2023 Pasal 3: Monday to Friday are working days
    line = _line(text, fx.Check.WORKING_DAY)
    assert line.count("Perpres 21/2023 Pasal 3") == 1
    assert line.endswith("]")
