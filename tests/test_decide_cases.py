"""Legally phrased decision cases (tests/cases/*.toml), worked out by hand from LAW.md.

Each case names an OPD, an employee's facts and a day, and states the outcome, the
checks that fail or are unknown, and the OPD's max_remote that day; ``cites`` maps a check
to the instrument its reason must cite.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import flexasn as fx

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_NIP = "198503122010011001"  # made up: born 1985-03-12, TMT CPNS 2010-01, male, 001


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        default_instansi = path.stem if path.stem in fx.list_policies() else None
        opds: dict[str, fx.Opd] = {}
        for code, fields in raw["opds"].items():
            fields = {"instansi": default_instansi, **fields}
            opds[code] = fx.Opd(code=code, **fields)
        for case in raw["case"]:
            params.append(pytest.param(opds[case["opd"]], case, id=f"{path.stem}:{case['says']}"))
    return params


CASES = _load()


@pytest.mark.parametrize(("opd", "case"), CASES)
def test_case(opd: fx.Opd, case: dict[str, Any]) -> None:
    employee = fx.Employee(nip=DEFAULT_NIP, opd=opd.code, **case.get("employee", {}))
    day: date = case["day"]
    known_on: date | None = case.get("known_on")
    decision = fx.eligible_for_wfa(employee, opd, day, known_on=known_on)
    assert decision.known_on == known_on
    assert decision.outcome == fx.Outcome(case["outcome"]), decision.explain("en")
    assert [c.value for c in decision.failed] == case.get("failed", []), decision.explain("en")
    assert [c.value for c in decision.unknown] == case.get("unknown", []), decision.explain("en")
    if "modes" in case:
        assert [m.value for m in decision.modes] == case["modes"]
    for check, instrument_id in case.get("cites", {}).items():
        reason = next(r for r in decision.reasons if r.check == check)
        assert reason.basis is not None and reason.basis.instrument == instrument_id
    expected = case["max_remote"]
    if expected == "undefined":
        with pytest.raises(fx.QuotaUndefinedError):
            fx.max_remote(opd, day, known_on=known_on)
        assert fx.quota(opd, day, strict=False, known_on=known_on).limit is None
    elif expected == "coverage":
        with pytest.raises(fx.CoverageError):
            fx.max_remote(opd, day, known_on=known_on)
    else:
        assert fx.max_remote(opd, day, known_on=known_on) == expected
        assert fx.quota(opd, day, strict=False, known_on=known_on).limit == expected


def test_cases_cover_every_bundled_policy_and_every_check() -> None:
    policies = {c.values[0].instansi for c in CASES}
    assert policies >= set(fx.list_policies())
    seen: set[str] = set()
    for c in CASES:
        case = c.values[1]
        assert isinstance(case, dict)
        seen.update(case.get("failed", []))
        seen.update(case.get("unknown", []))
    eligibility_checks = {
        "data_coverage",
        "agency_scope",
        "working_day",
        "flexible_period",
        "opd_allowed",
        "role_onsite",
        "frontline",
        "discipline",
        "new_employee",
    }
    assert eligibility_checks <= seen
