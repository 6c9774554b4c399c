"""The file readers after issue 13: `flexasn.roster` and `flexasn.schedule` are packages of
one module per step, every name they offered before still importable from them, and the
details of the readers' errors come from the message catalogue (Indonesian first)."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexasn as fx
import flexasn.roster
import flexasn.schedule
from flexasn.register import parse_register

# Every name the single modules flexasn/roster.py and flexasn/schedule.py defined.
FORMER_ROSTER = [
    "EMPLOYEE_COLUMNS",
    "EMPLOYEE_HEADINGS",
    "EMPLOYEE_REQUIRED",
    "OPD_COLUMNS",
    "OPD_HEADINGS",
    "OPD_REQUIRED",
    "HeadcountMismatch",
    "IgnoredColumn",
    "Roster",
    "Row",
    "column_of",
    "ignored_columns",
    "normal_key",
    "open_table",
    "read_employees",
    "read_opds",
    "read_roster",
    "read_table",
    "roster_tables",
    "unknown_heading",
    "warn_flagged",
    "warn_ignored",
    "write_roster",
]
FORMER_SCHEDULE = [
    "SCHEDULE_SCHEMA_VERSION",
    "SUMMARY_HEADERS",
    "DayStatus",
    "DaySummary",
    "EmployeeId",
    "Fairness",
    "Schedule",
    "ScheduleDay",
    "ScheduleFile",
    "history_of",
    "in_order",
    "read_schedule_csv",
    "read_schedule_file",
    "read_schedule_json",
    "read_schedule_xlsx",
    "summary_line",
    "summary_table",
    "write_schedule_csv",
    "write_schedule_file",
    "write_schedule_json",
    "write_schedule_xlsx",
    "write_summary_csv",
]


@pytest.mark.parametrize("name", FORMER_ROSTER)
def test_every_former_roster_name_is_importable(name: str) -> None:
    assert hasattr(flexasn.roster, name) and name in flexasn.roster.__all__


@pytest.mark.parametrize("name", FORMER_SCHEDULE)
def test_every_former_schedule_name_is_importable(name: str) -> None:
    assert hasattr(flexasn.schedule, name) and name in flexasn.schedule.__all__


def test_the_public_api_is_the_same_objects() -> None:
    for name in ("Roster", "read_roster", "write_roster", "IgnoredColumn"):
        assert getattr(fx, name) is getattr(flexasn.roster, name)
    for name in ("Schedule", "read_schedule_csv", "write_schedule_file", "DaySummary"):
        assert getattr(fx, name) is getattr(flexasn.schedule, name)


def test_a_missing_file_is_said_in_both_languages(tmp_path: Path) -> None:
    missing = tmp_path / "pegawai.csv"
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(missing, missing)
    assert info.value.message("en") == f"{missing}: file not found"
    assert info.value.message("id") == f"{missing}: berkas tidak ditemukan"


def test_a_bad_cell_is_said_in_both_languages(tmp_path: Path) -> None:
    opds = tmp_path / "opd.csv"
    opds.write_text(
        "kode,nama,instansi,jenis,layanan,jumlah_pegawai\nA,B,kab-malang,bkad,tidak_langsung,dua\n",
        encoding="utf-8",
    )
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(opds, opds)
    where = f"{opds}, row 2, column 'jumlah_pegawai'"
    assert info.value.message("en") == f"{where}: the headcount is a whole number, 0 or more"
    tempat = f"{opds}, baris 2, kolom 'jumlah_pegawai'"
    assert info.value.message("id") == (
        f"{tempat}: jumlah pegawai adalah bilangan bulat, 0 atau lebih"
    )


def test_a_column_given_twice_in_a_roster_and_in_an_attendance_file(tmp_path: Path) -> None:
    """One column mapping for every reader; each says it in its own words."""
    staff = tmp_path / "pegawai.csv"
    staff.write_text("nip,kode_opd,opd\n", encoding="utf-8")
    with pytest.raises(fx.RosterError) as roster_error:
        flexasn.roster.read_employees(staff)
    assert str(roster_error.value) == (
        f"{staff}, row 1, column 'opd': column for 'opd' given twice ('kode_opd' too)"
    )
    records = tmp_path / "hadir.csv"
    records.write_text("mulai,start,selesai\n", encoding="utf-8")
    with pytest.raises(fx.AttendanceError) as attendance_error:
        fx.read_attendance(records)
    assert attendance_error.value.message("id") == (
        f"{records}, baris 1, kolom 'start': isiannya sama dengan kolom 'mulai'"
    )


def test_a_schedule_row_of_the_wrong_width(tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    path.write_text("nip,opd,2025-03-24\n198503122010011001,BKAD\n", encoding="utf-8")
    with pytest.raises(fx.RosterError) as info:
        fx.read_schedule_csv(path)
    assert info.value.message("en") == f"{path}, row 2: expected 3 cells, found 2"
    assert info.value.message("id") == f"{path}, baris 2: seharusnya 3 sel, ada 2"


def test_the_register_speaks_both_languages() -> None:
    header = "id,name,level,province,code,timezone,administrative\n"
    row = "prov-jatim,Jawa Timur,provinsi,prov-jatim,35,Asia/Jakarta,ya\n"
    with pytest.raises(fx.PolicyDataError) as info:
        parse_register("regions.csv", header + row)
    assert info.value.message("en") == (
        "regions.csv:2, field administrative: row 2 (prov-jatim): 'ya' is neither 'true' nor "
        "'false'"
    )
    assert info.value.message("id") == (
        "regions.csv:2, isian administrative: baris 2 (prov-jatim): 'ya' bukan 'true' maupun "
        "'false'"
    )


def test_an_unknown_time_zone_is_said_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "hadir.csv"
    path.write_text("start,end\n", encoding="utf-8")
    with pytest.raises(fx.HoursError) as info:
        fx.read_attendance(path, timezone="Mars/Olympus")
    assert info.value.message("id").startswith("zona waktu 'Mars/Olympus' tidak dikenal")
    assert "/ zona" not in str(info.value)  # one language per message, no "en / id" pair
