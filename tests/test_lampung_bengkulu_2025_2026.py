"""Two regional decisions found on 1 December 2026 (branch lampung25), worked out by hand.

Provinsi Lampung, Lebaran 2025: SE Nomor 51 Tahun 2025 (its signer not reported), WFA for the
province's ASN and
BUMD staff "mulai berlaku tanggal 24 Maret", the government "membagi jumlah pegawai yang
melaksanakan tugas kedinasan di kantor dan yang bekerja dari rumah" (Harian Momentum, the
Governor on Thursday 13 March 2025). One outlet: [single]. No proportion (left to the head); the
last day (27 March 2025) is flexasn's reading of SE MenPANRB 2/2025's days.

Provinsi Bengkulu, February 2026: the January trial (WFA Thursday and Friday, 75 %) was
continued after the evaluation of Monday 26 January 2026 (BETV) and "masih akan berjalan satu
bulan ke depan" (the Pj Sekda, early February 2026, Rakyat Bengkulu): read as February 2026,
so its Thursdays and Fridays allow WFA for floor(41 x 75 %) = floor(30,75) = 30 of a 41-person
OPD; from Thursday 5 March 2026 the continuation is unknown again.
"""

from __future__ import annotations

from datetime import date

import flexasn as fx
from builders import opd, staff
from flexasn.regional import WINDOWS, RegionalOutcome, outcome

LEBARAN_2025 = next(w for w in WINDOWS if w.id == "lebaran-2025")


def lampung() -> fx.Opd:
    return opd(kind="bkad").model_copy(update={"instansi": "prov-lampung"})


def bengkulu(headcount: int = 41) -> fx.Opd:
    return opd(kind="bkad").model_copy(update={"instansi": "prov-bengkulu", "headcount": headcount})


def test_lampung_lebaran_2025_rests_on_se_51_2025_with_one_outlet() -> None:
    policy = fx.get_policy("prov-lampung")
    lebaran = next(a for a in policy.arrangement if a.id == "lebaran-2025")
    assert [(s.first_day, s.last_day) for s in lebaran.days] == [
        (date(2025, 3, 24), date(2025, 3, 27))
    ]
    assert lebaran.basis.instrument == "se-prov-lampung-51-2025"
    assert lebaran.basis.reading  # the last day is not in the quote
    assert lebaran.confidence is fx.Confidence.SINGLE
    inst = next(i for i in policy.instrument if i.id == "se-prov-lampung-51-2025")
    assert inst.confidence is fx.Confidence.SINGLE
    assert {s.publisher for s in inst.sources} == {"Harian Momentum"}
    quotes = " ".join(s.quote or "" for s in inst.sources)
    assert "Nomor 51 Tahun 2025" in quotes
    assert "mulai berlaku tanggal 24 Maret" in quotes
    assert not lebaran.quota  # no proportion in the quote


def test_lampung_24_to_27_march_2025_is_left_to_the_head() -> None:
    for day in (date(2025, 3, 24), date(2025, 3, 27)):
        d = fx.eligible_for_wfa(staff(), lampung(), day)
        assert d.outcome is fx.Outcome.UNDETERMINED, day
        assert [c.value for c in d.unknown] == ["opd_allowed"]
        assert {m.value for m in d.modes} == {"wfh", "wfa"}
        basis = next(r for r in d.reasons if r.check == "flexible_period").basis
        assert basis is not None and basis.instrument == "se-prov-lampung-51-2025"


def test_the_regional_page_counts_lampung_for_lebaran_2025() -> None:
    cell = outcome("prov-lampung", LEBARAN_2025)
    assert (cell.outcome, cell.percent) == (RegionalOutcome.DECIDED, None)


def test_bengkulu_thursdays_and_fridays_of_february_2026_allow_wfa() -> None:
    # Thursdays and Fridays of February 2026: 5, 6, 12, 13, 19, 20, 26, 27 (none a holiday)
    for n in (5, 6, 12, 13, 19, 20, 26, 27):
        day = date(2026, 2, n)
        d = fx.eligible_for_wfa(staff(), bengkulu(), day)
        assert d.outcome is fx.Outcome.ALLOWED, day
        assert [m.value for m in d.modes] == ["wfa"]
        assert fx.max_remote(bengkulu(), day) == 30  # floor(41 x 75 %) = floor(30.75)
    # 100 staff: floor(100 x 75 %) = 75
    assert fx.max_remote(bengkulu(100), date(2026, 2, 12)) == 75


def test_bengkulu_office_days_and_march_2026() -> None:
    d = fx.eligible_for_wfa(staff(), bengkulu(), date(2026, 2, 11))  # Wednesday: office
    assert d.outcome is fx.Outcome.DENIED
    later = fx.eligible_for_wfa(staff(), bengkulu(), date(2026, 3, 5))  # after the read month
    assert later.outcome is fx.Outcome.UNDETERMINED
    assert [c.value for c in later.unknown] == ["flexible_period", "opd_allowed"]


def test_bengkulu_continuation_rests_on_two_more_outlets() -> None:
    policy = fx.get_policy("prov-bengkulu")
    weekly = next(a for a in policy.arrangement if a.id == "wfa-kamis-jumat-januari-2026")
    assert weekly.days[-1].last_day == date(2026, 2, 28)
    assert weekly.basis.reading
    inst = next(i for i in policy.instrument if i.id == weekly.basis.instrument)
    publishers = {s.publisher for s in inst.sources}
    assert {"BETV (Disway)", "Rakyat Bengkulu (Disway)"} <= publishers
    assert any("satu bulan ke depan" in (s.quote or "") for s in inst.sources)
