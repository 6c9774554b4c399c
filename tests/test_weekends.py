"""The working-day rule, exhaustively: no weekend of the covered years is ever a working
day, under any bundled policy (issue 12 part 2).

Perpres 21/2023 Pasal 3: government agencies work Monday to Friday. Every Saturday and
Sunday of 2025-2027 fails ``working_day`` whatever the arrangement in force (Banten's
window of 24 March - 11 April 2025 spans two weekends), and an OPD's quota that day is
0 (``not_working_day``). A national holiday on a weekend keeps its own kind and names
the SKB (LAW.md §4); the other weekend days cite Pasal 3.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import flexasn as fx
from flexasn.quotas import QuotaStatus

NIP = "198503122010011001"  # made up

# National holidays that fall on a Saturday or Sunday, by hand from the SKBs (LAW.md §4;
# tests/test_calendar.py lists every date). No cuti bersama of 2025-2027 is on a weekend.
WEEKEND_HOLIDAYS: dict[date, str] = {
    date(2025, 3, 29): "skb-libur-2025",  # Nyepi (Sat)
    date(2025, 4, 20): "skb-libur-2025",  # Paskah (Sun)
    date(2025, 6, 1): "skb-libur-2025",  # Hari Lahir Pancasila (Sun)
    date(2025, 8, 17): "skb-libur-2025",  # Hari Kemerdekaan (Sun)
    date(2026, 3, 21): "skb-libur-2026",  # Idul Fitri (Sat)
    date(2026, 3, 22): "skb-libur-2026",  # Idul Fitri, day 2 (Sun)
    date(2026, 4, 5): "skb-libur-2026",  # Paskah (Sun)
    date(2026, 5, 31): "skb-libur-2026",  # Waisak (Sun)
    date(2027, 2, 6): "skb-libur-2027",  # Tahun Baru Imlek (Sat)
    date(2027, 3, 28): "skb-libur-2027",  # Paskah (Sun)
    date(2027, 5, 1): "skb-libur-2027",  # Hari Buruh (Sat)
    date(2027, 6, 6): "skb-libur-2027",  # (Sun)
    date(2027, 8, 15): "skb-libur-2027",  # 1 Muharam (Sun)
    date(2027, 12, 25): "skb-libur-2027",  # Natal (Sat)
    date(2027, 12, 26): "skb-libur-2027",  # (Sun)
}

FIRST_SATURDAY = date(2025, 1, 4)
WEEKENDS = [
    day
    for n in range(0, (date(2027, 12, 31) - FIRST_SATURDAY).days + 1, 7)
    for day in (FIRST_SATURDAY + timedelta(days=n), FIRST_SATURDAY + timedelta(days=n + 1))
    if day.year <= 2027
]


def test_the_weekend_list_is_every_saturday_and_sunday() -> None:
    # 52 weeks and a day or two a year: 2025 and 2026 have 104 weekend days, 2027 has 104
    assert len(WEEKENDS) == 104 + 104 + 104
    assert {d.weekday() for d in WEEKENDS} == {5, 6}
    assert WEEKENDS[-1] == date(2027, 12, 26)


@pytest.mark.parametrize("policy_id", fx.list_policies())
def test_no_weekend_is_a_working_day_under_any_policy(policy_id: str) -> None:
    opd = fx.Opd(
        code="BKAD",
        name="Badan Keuangan dan Aset Daerah",
        instansi=policy_id,
        kind="bkad",
        service=fx.ServiceCategory.NON_DIRECT,
        headcount=120,
    )
    staff = fx.Employee(nip=NIP, opd="BKAD")
    for day in WEEKENDS:
        d = fx.eligible_for_wfa(staff, opd, day)
        r = d.reason(fx.Check.WORKING_DAY)
        assert r.passed is False, (policy_id, day)
        assert d.outcome is fx.Outcome.DENIED
        assert fx.Check.WORKING_DAY in d.failed
        assert r.basis is not None
        if day in WEEKEND_HOLIDAYS:
            assert r.key == "working_day.fail_holiday", day
            assert (r.basis.instrument, r.basis.article) == (WEEKEND_HOLIDAYS[day], None)
        else:
            assert r.key == "working_day.fail_weekend", day
            assert (r.basis.instrument, r.basis.article) == ("perpres-21-2023", "Pasal 3")
        q = fx.quota(opd, day, strict=False)
        assert (q.status, q.reason, q.limit) == (QuotaStatus.NOT_WORKING_DAY, "day_off", 0)
        assert q.basis == r.basis
