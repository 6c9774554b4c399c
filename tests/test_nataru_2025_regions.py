"""Regional decisions for Nataru 2025 found on 1 December 2026 (branch lebaran26; logged in
docs/regional-search-log.md, section "Lebaran 2026 and Nataru 2025").

Provinsi Bengkulu: the Pj Sekda on Tuesday 23 December 2025, after a meeting on the central offer
of Surat MenPANRB B/531 (29-31 December 2025): "sehingga kita tidak ada WFA" (Tribun Bengkulu) and
"Tidak ada WFH. ASN wajib masuk kantor seperti biasa" (Word Pers). Expected values, by hand:

- 29, 30 and 31 December 2025 are no flexible-work days for the province, whatever the OPD: a
  non-service OPD is `denied` on the flexible-period check, its quota 0;
- asked as of 22 December 2025 (before the statement, after B/531 of 18 December), only the
  national letter is known: flexible work permitted, the proportion left to the head of OPD
  (`undetermined`, opd_allowed unknown);
- the regional page counts the window as "no flexible work" for Bengkulu, so Nataru 2025 has an
  own decision in 10 of the 38 provinces (9 before: DIY, DKI Jakarta, Lampung, Papua Tengah,
  Riau, Sulawesi Barat, Sulawesi Selatan, Sulawesi Utara, Sumatera Utara).

Two single-source Nataru decisions gained a second outlet in the same pass: Lampung (Radar
Lampung, CahyaMedia beside Medialampung) and Sulawesi Utara (Sulut1news beside Manado Tempo):
both are now [reported].
"""

from __future__ import annotations

from datetime import date

import flexasn as fx
from builders import opd, staff
from flexasn.regional import WINDOWS, RegionalOutcome, outcome

NATARU = next(w for w in WINDOWS if w.id == "nataru-2025")


def bengkulu() -> fx.Opd:
    return opd(kind="bkad").model_copy(update={"instansi": "prov-bengkulu"})


def test_bengkulu_has_no_flexible_work_on_29_to_31_december_2025() -> None:
    for day in (date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)):
        d = fx.eligible_for_wfa(staff(), bengkulu(), day)
        assert d.outcome is fx.Outcome.DENIED, day
        assert fx.Check.FLEXIBLE_PERIOD in d.failed, day
        assert d.arrangement == "nataru-2025", day
        basis = d.reason(fx.Check.FLEXIBLE_PERIOD).basis
        assert basis is not None and basis.instrument == "kebijakan-prov-bengkulu-nataru-2025"


def test_before_the_statement_only_the_national_letter_is_known() -> None:
    d = fx.eligible_for_wfa(staff(), bengkulu(), date(2025, 12, 29), known_on=date(2025, 12, 22))
    assert d.outcome is fx.Outcome.UNDETERMINED
    assert d.unknown == (fx.Check.OPD_ALLOWED,)
    basis = d.reason(fx.Check.FLEXIBLE_PERIOD).basis
    assert basis is not None and basis.instrument == "surat-menpanrb-b-531-2025"


def test_bengkulu_rests_on_two_quoted_outlets() -> None:
    policy = fx.get_policy("prov-bengkulu")
    inst = next(i for i in policy.instrument if i.id == "kebijakan-prov-bengkulu-nataru-2025")
    assert inst.confidence is fx.Confidence.REPORTED
    assert {s.publisher for s in inst.sources} == {
        "Tribun Bengkulu (copy at feed.ilidea.com)",
        "Word Pers Indonesia",
    }
    quotes = " ".join(s.quote or "" for s in inst.sources)
    assert "sehingga kita tidak ada WFA" in quotes
    assert "Tidak ada WFH. ASN wajib masuk kantor seperti biasa" in quotes


def test_the_regional_page_counts_bengkulu_for_nataru_2025() -> None:
    assert outcome("prov-bengkulu", NATARU).outcome is RegionalOutcome.NO_FLEXIBLE_WORK
    provinces = [
        "prov-diy", "prov-dki-jakarta", "prov-lampung", "prov-papua-tengah", "prov-riau",
        "prov-sulbar", "prov-sulsel", "prov-sulut", "prov-sumut", "prov-bengkulu",
    ]  # fmt: skip
    for region in provinces:
        assert outcome(region, NATARU).outcome is not RegionalOutcome.UNKNOWN, region


def test_lampung_and_sulut_nataru_now_rest_on_two_outlets() -> None:
    for region in ("prov-lampung", "prov-sulut"):
        policy = fx.get_policy(region)
        nataru = next(a for a in policy.arrangement if a.id == "nataru-2025")
        assert nataru.confidence is fx.Confidence.REPORTED, region
        inst = next(i for i in policy.instrument if i.id == nataru.basis.instrument)
        assert inst.confidence is fx.Confidence.REPORTED, region
        assert len({s.publisher for s in inst.sources}) >= 2, region
