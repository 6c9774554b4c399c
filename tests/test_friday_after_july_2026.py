"""The national Friday WFH of 2026 after 17 July: still unknown on 1 December 2026.

LAW.md §3a: SE MenPANRB 3/2026 (public 31 March 2026) and its extension (announced by
the Menko Perekonomian on 21 May 2026, "for the next two months") make the Fridays that
are ASN working days known through Fri 17 July 2026. From Fri 24 July 2026 the status is
unknown and a Friday answers `undetermined`, never `denied`, until data says otherwise.

A search of 1 December 2026 (docs/regional-search-log.md, "Friday WFH after 17 July
2026") found no later report: no second extension, no end, no change of day. So every
Friday from 24 July to the last Friday before the search (27 November 2026) still answers
`undetermined` with the flexible-period check unknown, even when asked as of that day.
The Fridays are listed by hand; none of them is a national holiday or cuti bersama of
2026 (LAW.md §4: 17 August is a Monday, Maulid Nabi 25 August a Tuesday, the next cuti
bersama is 24 December).
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

import flexasn as fx
from builders import opd, staff

FRIDAYS_AFTER_17_JULY = [
    date(2026, 7, 24),
    date(2026, 7, 31),
    date(2026, 8, 7),
    date(2026, 8, 14),
    date(2026, 8, 21),
    date(2026, 8, 28),
    date(2026, 9, 4),
    date(2026, 9, 11),
    date(2026, 9, 18),
    date(2026, 9, 25),
    date(2026, 10, 2),
    date(2026, 10, 9),
    date(2026, 10, 16),
    date(2026, 10, 23),
    date(2026, 10, 30),
    date(2026, 11, 6),
    date(2026, 11, 13),
    date(2026, 11, 20),
    date(2026, 11, 27),
]
SEARCHED_ON = date(2026, 12, 1)
LAST_KNOWN_FRIDAY = date(2026, 7, 17)

# (instansi, the national arrangement it falls under): a central agency, a kabupaten and
# a kota without an own decision on Fridays (LAW.md "How the instruments combine").
INSTANSI = [
    ("nasional", "wfh-jumat-2026-perpanjangan-pusat"),
    ("kab-sleman", "wfh-jumat-2026-perpanjangan-daerah"),
    ("kota-medan", "wfh-jumat-2026-perpanjangan-daerah"),
]


def test_the_listed_days_are_the_fridays_from_24_july_to_27_november() -> None:
    assert all(d.weekday() == 4 for d in FRIDAYS_AFTER_17_JULY)
    steps = {b - a for a, b in pairwise(FRIDAYS_AFTER_17_JULY)}
    assert steps == {timedelta(days=7)}
    assert FRIDAYS_AFTER_17_JULY[0] == LAST_KNOWN_FRIDAY + timedelta(days=7)
    assert SEARCHED_ON - FRIDAYS_AFTER_17_JULY[-1] < timedelta(days=7)


@pytest.mark.parametrize(("instansi", "national"), INSTANSI)
@pytest.mark.parametrize("day", FRIDAYS_AFTER_17_JULY, ids=str)
def test_a_friday_after_17_july_is_undetermined_as_of_1_december(
    instansi: str, national: str, day: date
) -> None:
    unit = opd().model_copy(update={"instansi": instansi})
    d = fx.eligible_for_wfa(staff(), unit, day, known_on=SEARCHED_ON)
    assert d.outcome is fx.Outcome.UNDETERMINED
    assert d.arrangement == f"{national}-lanjutan"
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.unknown_continuation"
    assert d.modes == ()  # no mode is known to be allowed


@pytest.mark.parametrize(("instansi", "national"), INSTANSI)
def test_17_july_is_still_the_last_known_friday(instansi: str, national: str) -> None:
    unit = opd().model_copy(update={"instansi": instansi})
    d = fx.eligible_for_wfa(staff(), unit, LAST_KNOWN_FRIDAY, known_on=SEARCHED_ON)
    assert d.arrangement == national
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).passed is True
    assert d.modes == (fx.WorkMode.WFH,)
