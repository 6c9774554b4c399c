"""Regional decisions found on 1 December 2026 (branch reg26), worked out by hand from the quotes.

Provinsi Bengkulu, Lebaran 2025: SE Nomor B.000.8/2/B.5/2025. The Pj Sekda on Sunday 23 March
2025: WFA "mulai Senin 24 Maret 2025 besok", "Senin tanggal 24 Maret 2025 sampai hari Kamis tanggal
27 Maret 2025", each head of OPD dividing staff between WFO and WFH (Radar Lebong); "50 persen
kerja dari rumah dan 50 persen kerja di kantor", hospitals "tetap berjalan normal seperti biasa"
(Curup Ekspress, after Bengkulu Ekspress). Two outlets: [reported]. Expected values:

- 24, 25, 26 and 27 March 2025: WFH or WFA allowed, at most 50 % of the OPD's headcount rounded
  down (LAW.md §3): floor(41 x 50 %) = floor(20,5) = 20; floor(100 x 50 %) = 50;
  floor(7 x 50 %) = floor(3,5) = 3;
- a hospital (RSUD) keeps running as usual: no WFA, quota 0 (flexasn's reading of the quote);
- the regional page counts the window as decided, 50 %.

Kota Padang, 8 April 2025 (SE MenPANRB 3/2025's day): the head of BKPSDM on Monday 7 April 2025:
"Mulai Selasa, 8 April 2025, seluruh ASN di lingkungan Pemerintah Kota Padang diwajibkan kembali
masuk kerja seperti biasa", roll-calls in every OPD on 8 and 9 April (Dirgantaraonline; Datateks:
"Seluruh ASN wajib hadir dan tercatat"). Two outlets: [reported]; no flexible work that day is
flexasn's reading of the required presence (the dated sources do not mention WFA).

Searched and not found (docs/regional-search-log*.md): whether Bengkulu's Thursday-Friday WFA went
on after February 2026; Lampung's 8 April 2025, Lebaran 2026 and weekly 2026; a dated copy of
Radar Lambar's "24 hingga 27 Maret 2025" and of Kota Padang's SE 100.3.4.3/153/BU-PDG/2026. Those
cells stay as they were, which the last tests pin.
"""

from __future__ import annotations

from datetime import date

import flexasn as fx
from builders import opd, staff
from flexasn.regional import WINDOWS, RegionalOutcome, outcome

WINDOW = {w.id: w for w in WINDOWS}
BENGKULU_SE = "se-prov-bengkulu-b-000-8-2-b-5-2025"


def bengkulu(headcount: int = 41, kind: str = "bkad") -> fx.Opd:
    return opd(kind=kind, headcount=headcount).model_copy(update={"instansi": "prov-bengkulu"})


def padang() -> fx.Opd:
    return opd(kind="bkpsdm", headcount=60).model_copy(update={"instansi": "kota-padang"})


def test_bengkulu_lebaran_2025_rests_on_two_outlets_quoting_the_circular() -> None:
    policy = fx.get_policy("prov-bengkulu")
    lebaran = next(a for a in policy.arrangement if a.id == "lebaran-2025")
    assert [(s.first_day, s.last_day) for s in lebaran.days] == [
        (date(2025, 3, 24), date(2025, 3, 27))
    ]
    assert lebaran.basis.instrument == BENGKULU_SE
    assert lebaran.confidence is fx.Confidence.REPORTED
    inst = next(i for i in policy.instrument if i.id == BENGKULU_SE)
    assert inst.confidence is fx.Confidence.REPORTED
    assert {s.publisher.split(" (")[0] for s in inst.sources} == {"Radar Lebong", "Curup Ekspress"}
    quotes = " ".join(s.quote or "" for s in inst.sources)
    for words in (
        "Senin tanggal 24 Maret 2025 sampai hari Kamis tanggal 27 Maret 2025",
        "B.000.8/2/B.5/2025",
        "50 persen kerja dari rumah dan 50 persen kerja di kantor",
        "rumah sakit (RS) tetap berjalan normal",
    ):
        assert words in quotes, words
    assert [str(r.percent) for r in lebaran.quota if r.default] == ["50"]


def test_bengkulu_24_to_27_march_2025_allow_half_the_staff_away() -> None:
    for n in (24, 25, 26, 27):
        day = date(2025, 3, n)
        d = fx.eligible_for_wfa(staff(), bengkulu(), day)
        assert d.outcome is fx.Outcome.ALLOWED, day
        assert {m.value for m in d.modes} == {"wfh", "wfa"}
        basis = next(r for r in d.reasons if r.check == "flexible_period").basis
        assert basis is not None and basis.instrument == BENGKULU_SE
        assert fx.max_remote(bengkulu(), day) == 20  # floor(41 x 50 %) = floor(20.5)
    assert fx.max_remote(bengkulu(100), date(2025, 3, 25)) == 50  # floor(100 x 50 %)
    assert fx.max_remote(bengkulu(7), date(2025, 3, 26)) == 3  # floor(7 x 50 %) = floor(3.5)


def test_bengkulu_hospital_and_the_days_around_the_window() -> None:
    rsud = fx.eligible_for_wfa(staff(), bengkulu(300, "rsud"), date(2025, 3, 25))
    assert rsud.outcome is fx.Outcome.DENIED
    assert [c.value for c in rsud.failed] == ["opd_allowed"]
    assert fx.max_remote(bengkulu(300, "rsud"), date(2025, 3, 25)) == 0
    before = fx.eligible_for_wfa(staff(), bengkulu(), date(2025, 3, 21))  # Friday, office
    assert before.outcome is fx.Outcome.DENIED
    nyepi = fx.eligible_for_wfa(staff(), bengkulu(), date(2025, 3, 28))  # cuti bersama Nyepi
    assert [c.value for c in nyepi.failed] == ["working_day", "flexible_period", "opd_allowed"]


def test_bengkulu_cells_on_the_regional_page() -> None:
    cell = outcome("prov-bengkulu", WINDOW["lebaran-2025"])
    assert (cell.outcome, cell.percent) == (RegionalOutcome.DECIDED, "50")
    # 8 April 2025 and Lebaran 2026: nothing found, the province answers by the national layer
    for window in ("lebaran-2025-8-april", "lebaran-2026-nyepi", "lebaran-2026-idul-fitri"):
        assert outcome("prov-bengkulu", WINDOW[window]).outcome is RegionalOutcome.UNKNOWN


def test_bengkulu_march_2026_stays_unknown() -> None:
    # Thursday 12 and Friday 13 March 2026: no report says the WFA went on after February
    for day in (date(2026, 3, 12), date(2026, 3, 13)):
        d = fx.eligible_for_wfa(staff(), bengkulu(), day)
        assert d.outcome is fx.Outcome.UNDETERMINED, day
        assert [c.value for c in d.unknown] == ["flexible_period", "opd_allowed"]


def test_padang_8_april_2025_all_staff_at_work() -> None:
    d = fx.eligible_for_wfa(staff(), padang(), date(2025, 4, 8))
    assert d.outcome is fx.Outcome.DENIED
    assert [c.value for c in d.failed] == ["flexible_period", "opd_allowed"]
    basis = next(r for r in d.reasons if r.check == "flexible_period").basis
    assert basis is not None and basis.instrument == "kebijakan-kota-padang-8-april-2025"
    assert basis.reading  # the dated sources do not mention WFA
    assert fx.max_remote(padang(), date(2025, 4, 8)) == 0
    # asked as of Sunday 6 April 2025, before the statement: SE MenPANRB 3/2025 only
    early = fx.eligible_for_wfa(staff(), padang(), date(2025, 4, 8), known_on=date(2025, 4, 6))
    assert early.outcome is fx.Outcome.UNDETERMINED
    assert [c.value for c in early.unknown] == ["opd_allowed"]


def test_padang_sources_and_cells() -> None:
    policy = fx.get_policy("kota-padang")
    inst = next(i for i in policy.instrument if i.id == "kebijakan-kota-padang-8-april-2025")
    assert inst.confidence is fx.Confidence.REPORTED
    assert {s.publisher for s in inst.sources} == {"Dirgantaraonline", "Datateks"}
    assert any("8 April 2025" in (s.quote or "") for s in inst.sources)
    cells = [outcome("kota-padang", w).outcome for w in WINDOWS]
    unknown, none = RegionalOutcome.UNKNOWN, RegionalOutcome.NO_FLEXIBLE_WORK
    # Lebaran 2026 stays unknown: SE 100.3.4.3/153/BU-PDG/2026 still has no dated copy
    assert cells == [unknown, none, none, unknown, unknown, unknown]


def test_lampung_cells_not_changed_by_this_pass() -> None:
    lampung = fx.get_policy("prov-lampung")
    lebaran = next(a for a in lampung.arrangement if a.id == "lebaran-2025")
    assert lebaran.confidence is fx.Confidence.SINGLE  # Radar Lambar still undated
    for window in (
        "lebaran-2025-8-april",
        "lebaran-2026-nyepi",
        "lebaran-2026-idul-fitri",
        "mingguan-2026",
    ):
        assert outcome("prov-lampung", WINDOW[window]).outcome is RegionalOutcome.UNKNOWN
