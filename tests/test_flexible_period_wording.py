"""The flexible_period messages say what is true on any day: a weekend, a holiday, a date no
arrangement covers, a "no flexible work" decision, an unknown decision.

Facts (LAW.md, the bundled policies): Kabupaten Malang's Lebaran 2025 arrangement covers
24-27 March 2025; 28 March 2025 is cuti bersama, 29 March Nyepi (a national holiday) and
30 March a Sunday, which no arrangement of Kabupaten Malang covers; its decision for
8 April 2025 is unknown. Kota Batu decided on no flexible work for 24-27 March 2025.
"""

from __future__ import annotations

from datetime import date

import pytest

import flexasn as fx
from common import assert_cites

NIP = "198503122010011001"  # made up


def reason(instansi: str, day: date, check: str = "flexible_period") -> fx.Reason:
    opd = fx.Opd(
        code="BKPSDM",
        name="Badan Kepegawaian",
        instansi=instansi,
        kind="bkpsdm",
        service=fx.ServiceCategory.NON_DIRECT,
        headcount=80,
    )
    return fx.eligible_for_wfa(fx.Employee(nip=NIP, opd="BKPSDM"), opd, day).reason(check)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2025, 3, 28), fx.DayKind.CUTI_BERSAMA),
        (date(2025, 3, 29), fx.DayKind.NATIONAL_HOLIDAY),
        (date(2025, 3, 30), fx.DayKind.WEEKEND),
    ],
)
def test_no_arrangement_on_a_day_off(day: date, kind: fx.DayKind) -> None:
    assert fx.day_kind(day) is kind
    r = reason("kab-malang", day)
    assert r.passed is False and r.key == "flexible_period.fail_none"
    iso = day.isoformat()
    assert r.message("en") == (
        f"No arrangement of Pemerintah Kabupaten Malang permits flexible work on {iso} "
        "(none is in force on that date); on working days the default is work from the "
        "office (WFO)."
    )
    assert r.message("id") == (
        f"Tidak ada pengaturan Pemerintah Kabupaten Malang yang mengizinkan kerja fleksibel "
        f"pada {iso} (tidak ada yang berlaku pada tanggal itu); pada hari kerja ketentuan "
        "dasarnya bekerja dari kantor (WFO)."
    )
    # Not the old claim that everyone works from the office on a day off.
    assert "everyone works from the office" not in r.message("en")
    assert "semua ASN bekerja dari kantor" not in r.message("id")


def test_no_flexible_work_decided() -> None:
    r = reason("kota-batu", date(2025, 3, 25))
    assert r.passed is False and r.key == "flexible_period.fail_no_flexible"
    assert r.message("en") == (
        "Pemerintah Kota Batu decided that no flexible work is permitted on 2025-03-25 "
        "('lebaran-2025'): on working days everyone works from the office (WFO)."
    )
    assert r.message("id") == (
        "Pemerintah Kota Batu memutuskan tidak ada kerja fleksibel pada 2025-03-25 "
        "('lebaran-2025'): pada hari kerja semua pegawai bekerja dari kantor (WFO)."
    )
    quota = reason("kota-batu", date(2025, 3, 25), "opd_allowed")
    assert quota.message("en") == (
        "No arrangement permits flexible work on this date, so the quota of OPD BKPSDM is 0."
    )
    assert quota.message("id") == (
        "Tidak ada pengaturan yang mengizinkan kerja fleksibel pada tanggal ini, sehingga "
        "kuota OPD BKPSDM adalah 0."
    )


def test_unknown_decision() -> None:
    r = reason("kota-palembang", date(2025, 3, 24))
    assert r.passed is None and r.key == "flexible_period.unknown"
    assert r.message("en") == (
        "Whether Pemerintah Kota Palembang permits flexible work on 2025-03-24 is not "
        "known: its decision ('lebaran-2025-unknown') is unknown."
    )
    assert r.message("id") == (
        "Belum diketahui apakah Pemerintah Kota Palembang mengizinkan kerja fleksibel pada "
        "2025-03-24: keputusannya ('lebaran-2025-unknown') tidak diketahui."
    )


def test_inherited_national_window_says_so() -> None:
    # Kab. Malang has no decision of its own for 8 April 2025: SE MenPANRB 3/2025 applies
    r = reason("kab-malang", date(2025, 4, 8))
    assert r.passed is True and r.key == "flexible_period.pass_national"
    assert_cites(r, "se-menpanrb-3-2025")
    assert r.message("en") == (
        "The national arrangement 'se-3-2025' is in force on 2025-04-08 and permits flexible "
        "work (WFH, WFA); no decision of Pemerintah Kabupaten Malang of its own for that day "
        "is recorded, so the national instrument applies."
    )


def test_weekly_continuation_unknown() -> None:
    # LAW.md §3a: the Friday WFH is known through 17 July 2026; 24 July is unknown
    r = reason("kab-malang", date(2026, 7, 24))
    assert r.passed is None and r.key == "flexible_period.unknown_continuation"
    assert_cites(r, "wfh-jumat-2026-perpanjangan")
    assert "2026-07-17" in r.message("en") and "2026-07-17" in r.message("id")
