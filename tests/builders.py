"""Small builders for tests that need a policy of their own (a ``Policy`` built directly,
as a user's program would) and the OPD and employees to ask about.

The policies here are made up. Their days are chosen where the national layer decides
nothing (LAW.md §3 and §3a): May to September 2025, away from every national window,
so that what a test asserts comes from the arrangement it builds.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import flexasn as fx

NIP = "198503122010011001"  # made up: born 1985-03-12, TMT CPNS 2010-01, male, 001
NIPS = [f"1985031220100110{n:02d}" for n in range(1, 100)]  # made up, all valid

# A week no national instrument touches: Monday 5 - Friday 9 May 2025, all working days
# (1 May is Labour Day, 12 May Waisak, 13 May cuti bersama: LAW.md §4).
MON, TUE, WED, THU, FRI = (date(2025, 5, d) for d in range(5, 10))
SAT, SUN = date(2025, 5, 10), date(2025, 5, 11)

BASIS = {"instrument": "permen-panrb-4-2025", "article": "Pasal 8"}


def span(first: date, last: date | None = None) -> dict[str, date]:
    return {"first_day": first, "last_day": last or first}


def arrangement(
    id: str = "uji",
    kind: str = "dated",
    days: list[dict[str, date]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """An arrangement as a policy file writes it; a permitting kind allows WFH and WFA."""
    raw: dict[str, Any] = {
        "id": id,
        "kind": kind,
        "days": days if days is not None else [span(MON, FRI)],
        "basis": BASIS,
        "confidence": "reported",
    }
    if kind in ("dated", "weekly", "standing"):
        raw["modes"] = ["wfh", "wfa"]
    raw.update(fields)
    return raw


def policy(*arrangements: dict[str, Any], **fields: Any) -> fx.Policy:
    """A kabupaten's policy built directly from arrangements (no file)."""
    raw: dict[str, Any] = {
        "id": "kab-uji",
        "name": "Pemerintah Kabupaten Uji",
        "level": "kabupaten",
        "arrangement": list(arrangements),
    }
    raw.update(fields)
    return fx.Policy.model_validate(raw)


def opd(
    headcount: int = 40,
    kind: str = "bkad",
    service: fx.ServiceCategory = fx.ServiceCategory.NON_DIRECT,
    **fields: Any,
) -> fx.Opd:
    return fx.Opd(
        code="X",
        name="OPD uji",
        instansi="kab-uji",
        kind=kind,
        service=service,
        headcount=headcount,
        **fields,
    )


MALANG_BKAD = fx.Opd(
    code="BKAD",
    name="Badan Keuangan dan Aset Daerah",
    instansi="kab-malang",
    kind="bkad",
    service=fx.ServiceCategory.NON_DIRECT,
    headcount=120,
)
"""The README's example OPD: Kab. Malang's BKAD, no direct public service, 120 staff."""


def staff(nip: str = NIP, **facts: Any) -> fx.Employee:
    return fx.Employee(nip=nip, opd="X", **facts)


def cited(citation: fx.Citation | None) -> tuple[str, str | None, bool] | None:
    """A citation as (instrument, article, reading), for comparison with a hand value."""
    if citation is None:
        return None
    return (citation.instrument, citation.article, citation.reading)


def hand_quota(**fields: Any) -> fx.Quota:
    """A quota as a caller builds it by hand (read back from a report): OPD X of kab-uji on
    Monday 5 May 2025, 40 staff, no number (status undefined) unless ``fields`` say so."""
    raw: dict[str, Any] = {
        "day": MON,
        "opd": "X",
        "instansi": "kab-uji",
        "policy": "kab-uji",
        "status": "undefined",
        "headcount": 40,
        "reason": "undefined",
    }
    raw.update(fields)
    return fx.Quota.model_validate(raw)
