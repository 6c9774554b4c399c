"""flexasn doctor: what the bundled law does not know, worked out by hand from LAW.md."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from flexasn.doctor import doctor


def codes(report_day: date, horizon: int = 60) -> set[tuple[str, str, bool]]:
    return {(f.code, f.subject, f.urgent) for f in doctor(report_day, horizon=horizon).findings}


def test_as_of_the_data_date() -> None:
    report = doctor(date(2026, 11, 30))
    urgent = {(f.code, f.subject) for f in report.urgent}
    # LAW.md §3a: Fridays after 17 July 2026 are unknown (the three national variants);
    # §5: DKI Jakarta, Kota Cimahi and Kota Surabaya's Fridays are known to 29 May 2026,
    # Jawa Barat's Thursdays to the data's date, Jawa Timur's Wednesdays and Fridays are
    # unknown; §4: no Keppres on ASN cuti bersama 2027 yet, and 2027 lies within 60 days.
    # Issue 16: Kalimantan Timur's Friday WFA is read as known to the data's date (30 November
    # 2026), so Friday 4 December 2026 is unknown; Bengkulu's Thursday-Friday WFA was a January
    # 2026 trial and Maluku Utara's Friday WFH/WFA is known only through December 2025: their
    # own unknown continuation outranks the national Friday, so those days stay unknown;
    # Gorontalo's Friday WFA is known only from 7 March to 11 April 2025.
    # Kota Bogor's Fridays (SE 800.1.5/1633-BKPSDM/2026, found 1 December 2026) are read as
    # known to 29 May 2026 like Cimahi's and Surabaya's.
    assert urgent == {
        ("weekly_unknown", "nasional:wfh-jumat-2026-perpanjangan-daerah"),
        ("weekly_unknown", "nasional:wfh-jumat-2026-perpanjangan-provinsi"),
        ("weekly_unknown", "nasional:wfh-jumat-2026-perpanjangan-pusat"),
        ("weekly_unknown", "prov-dki-jakarta:wfh-jumat-2026"),
        ("weekly_unknown", "kota-cimahi:wfh-jumat-2026"),
        ("weekly_unknown", "kota-surabaya:wfh-jumat-2026"),
        ("weekly_unknown", "kota-bogor:wfh-jumat-2026"),
        ("weekly_unknown", "kota-depok:wfh-kamis-2026"),
        ("weekly_unknown", "kota-depok:wfh-senin-2026"),
        ("weekly_unknown", "prov-jabar:wfh-kamis-2026"),
        ("weekly_unknown", "prov-jatim:wfh-mingguan-2026-tidak-diketahui"),
        ("weekly_unknown", "prov-kaltim:wfa-jumat-2026"),
        ("weekly_unknown", "prov-bengkulu:wfa-kamis-jumat-januari-2026"),
        ("weekly_unknown", "prov-malut:wfh-wfa-jumat-2025"),
        ("weekly_unknown", "prov-gorontalo:wfa-jumat-2025"),
        ("asn_decree_missing", "2027"),
    }
    assert report.exit_code == 1
    # Ramadan 1448 H starts 8 February 2027 (estimate), after 29 January 2027: not urgent
    assert ("ramadan_estimated", "1448 H", False) in codes(date(2026, 11, 30))
    # Kab. Malang decided 24-27 March 2025 itself, not 8 April 2025 (SE MenPANRB 3/2025)
    assert ("region_window_undecided", "kab-malang:se-3-2025", False) in codes(date(2026, 11, 30))
    assert not any(s == "kab-malang:se-2-2025" for _, s, _ in codes(date(2026, 11, 30)))
    # Papua decided 24-27 March and 8 April 2025 (no flexible work), not Nataru 2025 nor
    # Lebaran 2026; Sulawesi Selatan's standing 2025 arrangement yields to the national dated
    # windows, and it decided only Nataru 2025 itself
    found = codes(date(2026, 11, 30))
    regions = {s for c, s, _ in found if c == "region_window_undecided"}
    papua = {s for s in regions if s.startswith("prov-papua:")}
    assert papua == {"prov-papua:b-531-2025", "prov-papua:se-2-2026"}
    sulsel = {s for s in regions if s.startswith("prov-sulsel:")}
    assert sulsel == {"prov-sulsel:se-2-2025", "prov-sulsel:se-3-2025", "prov-sulsel:se-2-2026"}


def test_ramadan_becomes_urgent_within_the_horizon() -> None:
    assert ("ramadan_estimated", "1448 H", True) in codes(date(2027, 1, 15))


def test_early_april_2026_only_the_lapsed_regional_weeklies() -> None:
    # 1 April + 30 days: the national Friday WFH is known through 17 July; 2026 has its
    # Keppres. Only the regions' own weekly days whose continuation no source gives are
    # unknown: Kota Depok's Thursdays and Mondays (known to February 2026), Bengkulu's
    # Thursday-Friday trial (January 2026), Maluku Utara's Fridays (known through December
    # 2025) and Gorontalo's Friday WFA (known through 11 April 2025)
    report = doctor(date(2026, 4, 1), horizon=30)
    assert {(f.code, f.subject) for f in report.urgent} == {
        ("weekly_unknown", "kota-depok:wfh-kamis-2026"),
        ("weekly_unknown", "kota-depok:wfh-senin-2026"),
        ("weekly_unknown", "prov-bengkulu:wfa-kamis-jumat-januari-2026"),
        ("weekly_unknown", "prov-malut:wfh-wfa-jumat-2025"),
        ("weekly_unknown", "prov-gorontalo:wfa-jumat-2025"),
    }
    assert report.exit_code == 1


def test_nothing_urgent_early_in_february_2025() -> None:
    # 3 February - 5 March 2025: 2025 has its Keppres, Ramadan 1446 H is decreed, no national
    # window falls in it (the first is 24 March), and no weekly arrangement has ended yet
    report = doctor(date(2025, 2, 3), horizon=30)
    assert report.urgent == () and report.exit_code == 0


def test_stale_data_and_undecreed_years() -> None:
    found = codes(date(2027, 12, 15))
    assert ("data_stale", "data_as_of", True) in found
    assert ("calendar_not_decreed", "2028", True) in found  # no SKB for 2028 recorded


def test_bad_arguments() -> None:
    from flexasn import InvalidInputError

    with pytest.raises(InvalidInputError, match="today"):
        doctor("2026-11-30")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="horizon"):
        doctor(date(2026, 11, 30), horizon=-1)


def test_command_exit_codes_and_json() -> None:
    base = [sys.executable, "-m", "flexasn.cli", "doctor"]
    calm = subprocess.run([*base, "--today", "2025-02-03", "--days", "30"], capture_output=True)
    assert calm.returncode == 0
    busy = subprocess.run(
        [*base, "--today", "2026-11-30", "--format", "json"], capture_output=True, text=True
    )
    assert busy.returncode == 1
    data = json.loads(busy.stdout)
    assert data["exit_code"] == 1 and data["data_as_of"] == "2026-11-30"
    assert any(f["code"] == "asn_decree_missing" for f in data["findings"])


def test_words_in_the_reader_language() -> None:
    from flexasn import UnknownPolicyError

    finding = next(
        f
        for f in doctor(date(2026, 11, 30)).findings
        if f.subject == "nasional:wfh-jumat-2026-perpanjangan-pusat"
    )
    assert "(Jumat)" in finding.message("id") and "(Friday)" in finding.message("en")
    error = UnknownPolicyError("kab-malnag", ["kab-malang", "kota-malang"])
    assert error.message("id").startswith("instansi atau kebijakan 'kab-malnag' tidak dikenal")
    assert "'kab-malang'" in error.message("id")
    assert error.message("en") == str(error)
