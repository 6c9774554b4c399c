"""Attendance files (fx.read_attendance): hand-made CSV files, good and bad.

Every NIP here is made up. Expected values are worked out by hand: Monday 16 to Friday
20 June 2025 are ordinary working days (no holiday, not Ramadan), each owing 7 h 30 min
(Perpres 21/2023 Pasal 4, flexasn's even split), 37 h 30 min for the week.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import flexasn as fx

WIB = ZoneInfo("Asia/Jakarta")
NIP_A = "198503122010011001"
NIP_B = "198503122010011002"


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


# --- good files ----------------------------------------------------------------------------


def test_english_header_comma_full_date_and_time(tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.csv",
        "start,end,mode\n"
        "2025-06-16 07:30,2025-06-16 16:00,wfo\n"
        "2025-06-17T07:25:30,2025-06-17T16:05+07:00,WFH\n"
        "2025-06-18 00:30Z,2025-06-18 09:00Z,\n",
    )
    records = fx.read_attendance(path)
    assert records == (
        fx.AttendanceRecord(
            start=datetime(2025, 6, 16, 7, 30, tzinfo=WIB),
            end=datetime(2025, 6, 16, 16, 0, tzinfo=WIB),
            mode=fx.WorkMode.WFO,
            row=2,
        ),
        fx.AttendanceRecord(
            start=datetime(2025, 6, 17, 7, 25, 30, tzinfo=WIB),
            end=datetime(2025, 6, 17, 16, 5, tzinfo=timezone(timedelta(hours=7))),
            mode=fx.WorkMode.WFH,
            row=3,
        ),
        fx.AttendanceRecord(
            start=datetime(2025, 6, 18, 0, 30, tzinfo=UTC),
            end=datetime(2025, 6, 18, 9, 0, tzinfo=UTC),
            mode=None,
            row=4,
        ),
    )
    # 00:30 UTC is 07:30 WIB.
    assert records[2].start.astimezone(WIB) == datetime(2025, 6, 18, 7, 30, tzinfo=WIB)


def test_indonesian_export_with_bom_semicolons_date_column_and_nip(tmp_path: Path) -> None:
    """Excel (Indonesian locale) saves "CSV UTF-8" with a BOM and ';'; times with a dot."""
    path = write(
        tmp_path / "kehadiran.csv",
        "Tanggal;Jam Masuk;Jam Pulang;Mode Kerja;NIP\n"
        f"2025-06-16;07.30;16.00;WFO;{NIP_A}\n"
        "\n"  # a blank line is skipped; row numbers still count it
        f"2025-06-17;07:30;2025-06-18 01:00;wfh;{NIP_A}\n"  # a night that ends the next day
        f"2025-06-18;7.45;16.15;;{NIP_A}\n",
        bom=True,
    )
    records = fx.read_attendance(path)
    assert [(r.start, r.end, r.mode, r.row) for r in records] == [
        (
            datetime(2025, 6, 16, 7, 30, tzinfo=WIB),
            datetime(2025, 6, 16, 16, 0, tzinfo=WIB),
            fx.WorkMode.WFO,
            2,
        ),
        (
            datetime(2025, 6, 17, 7, 30, tzinfo=WIB),
            datetime(2025, 6, 18, 1, 0, tzinfo=WIB),
            fx.WorkMode.WFH,
            4,
        ),
        (
            datetime(2025, 6, 18, 7, 45, tzinfo=WIB),
            datetime(2025, 6, 18, 16, 15, tzinfo=WIB),
            None,
            5,
        ),
    ]
    assert NIP_A not in repr(records)  # the NIP is checked, not kept


def test_seconds_and_their_fraction_as_systems_export_them(tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.csv", "start,end\n2025-06-16T07:25:03.12+07:00,2025-06-16 16.00.30\n"
    )
    (record,) = fx.read_attendance(path)
    plus7 = timezone(timedelta(hours=7))
    assert record.start == datetime(2025, 6, 16, 7, 25, 3, 120000, tzinfo=plus7)
    assert record.end == datetime(2025, 6, 16, 16, 0, 30, tzinfo=WIB)


def test_naive_times_are_read_in_the_policy_zone_or_the_given_one(tmp_path: Path) -> None:
    path = write(tmp_path / "k.csv", "mulai,selesai\n2025-06-16 07:30,2025-06-16 16:00\n")
    wita = ZoneInfo("Asia/Makassar")
    assert fx.read_attendance(path)[0].start == datetime(2025, 6, 16, 7, 30, tzinfo=WIB)
    bali = fx.read_attendance(path, timezone="WITA")[0]
    assert bali.start == datetime(2025, 6, 16, 7, 30, tzinfo=wita)
    assert bali.start.utcoffset() == timedelta(hours=8)
    assert fx.read_attendance(path, timezone="Asia/Jayapura")[0].start.utcoffset() == timedelta(
        hours=9
    )
    assert fx.read_attendance(path, policy="kota-malang")[0].start.tzinfo == WIB


def test_a_header_without_rows_gives_no_records(tmp_path: Path) -> None:
    assert fx.read_attendance(write(tmp_path / "k.csv", "start,end\n")) == ()


def test_read_then_check_a_full_week(tmp_path: Path) -> None:
    """Mon-Thu 07:30-16:00 is 8 h 30 min present less a 60-minute break = 7 h 30 min; Friday
    07:30-16:30 is 9 h less 90 minutes = 7 h 30 min. The week: 5 x 7:30 = 37:30, balance 0."""
    rows = [f"2025-06-{d};07.30;16.00;wfo" for d in (16, 17, 18, 19)] + [
        "2025-06-20;07.30;16.30;wfh"
    ]
    path = write(tmp_path / "k.csv", "tanggal;mulai;selesai;mode\n" + "\n".join(rows) + "\n")
    report = fx.check_hours(fx.read_attendance(path))
    assert report.owed == report.worked == timedelta(hours=37, minutes=30)
    assert report.balance == timedelta(0)
    assert report.ok and report.findings == ()


def test_a_finding_leads_back_to_the_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.csv",
        "start,end\n"
        "2025-06-16 07:30,2025-06-16 16:00\n"
        "\n"
        "2025-06-17 08:10,2025-06-17 16:40\n",  # 40 minutes late
    )
    records = fx.read_attendance(path)
    report = fx.check_hours(records, start=records[0].start.date(), end=records[1].start.date())
    (late,) = report.by_code(fx.FindingCode.LATE_START)
    assert late.records == (1,)
    assert records[late.records[0]].row == 4


# --- bad files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "row", "column", "message"),
    [
        (
            "mulai,selesai,nama\n",
            1,
            3,  # an unknown heading is not repeated: the column is named by its position
            "unknown column name (not repeated: it may be personal data); use: check_in, "
            "check_out, date, end, jam_masuk, jam_pulang, masuk, mode, mode_kerja, mulai, nip, "
            "pulang, selesai, start, tanggal, waktu_masuk, waktu_pulang, work_mode",
        ),
        ("mulai,start,selesai\n", 1, "start", "the same field as column 'mulai'"),
        ("mulai,mode\n", 1, None, "missing required column(s): end"),
        ("start,end\n2025-06-16 07:30\n", 2, None, "expected 2 cells, found 1"),
        ("start,end\n2025-06-16 07:30,\n", 2, "end", "empty cell: a date and time is required"),
        (
            "start,end\nkemarin,2025-06-16 12:00\n",
            2,
            "start",
            "not a date and time (YYYY-MM-DD HH:MM, optionally with an offset such as +07:00)",
        ),
        (
            "start,end\n2025-06-16,2025-06-16 12:00\n",  # a date without a time is not midnight
            2,
            "start",
            "not a date and time (YYYY-MM-DD HH:MM, optionally with an offset such as +07:00)",
        ),
        ("start,end\n2025-02-30 07:30,2025-02-30 12:00\n", 2, "start", "not a possible date"),
        ("start,end\n2025-06-16 07:30,2025-06-16 24:00\n", 2, "end", "not a possible date"),
        ("start,end\n2025-06-16 07:30+25:00,2025-06-16 12:00\n", 2, "start", "not a possible"),
        (
            "start,end\n07:30,12:00\n",
            2,
            "start",
            "a time without a date: write YYYY-MM-DD HH:MM or add a date (tanggal) column",
        ),
        (
            "tanggal,start,end\n2025-06-16,07:30,12:00\n,07:30,12:00\n",
            3,
            "tanggal",
            "empty date, but the row's start or end holds only a time",
        ),
        ("tanggal,start,end\n16/06/2025,07:30,12:00\n", 2, "tanggal", "not a date (YYYY-MM-DD)"),
        (
            "start,end,mode\n2025-06-16 07:30,2025-06-16 12:00,kantor\n",
            2,
            "mode",
            "use wfo, wfh or wfa (or leave it empty)",
        ),
        (
            f"start,end,nip\n2025-06-16 07:30,2025-06-16 12:00,{NIP_A}\n"
            f"2025-06-17 07:30,2025-06-17 12:00,{NIP_B}\n",
            3,
            "nip",
            "a different NIP from row 2: an attendance file holds the records of one employee",
        ),
    ],
)
def test_bad_files_name_file_row_and_column(
    tmp_path: Path, content: str, row: int, column: str | int | None, message: str
) -> None:
    path = write(tmp_path / "k.csv", content)
    with pytest.raises(fx.AttendanceError) as info:
        fx.read_attendance(path)
    error = info.value
    assert isinstance(error, fx.HoursError) and isinstance(error, fx.FlexasnError)
    assert (error.file, error.row, error.column) == (str(path), row, column)
    place = "" if column is None else f" {column!r}"
    if isinstance(column, int):
        place = f" {column} ({'ABCDEFGHIJ'[column - 1]})"
    where = f"{path}, row {row}" + (f", column{place}" if column else "")
    text = str(error)
    assert text == error.message("en") and text.startswith(f"{where}: {message}")
    tempat = f"{path}, baris {row}" + (f", kolom{place}" if column else "")
    assert error.message("id").startswith(f"{tempat}: ")
    assert error.message("id") != error.message("en")
    # the file's own path is the test's temporary folder (its name carries a counter that
    # may hold any digits): look for personal data in the rest of the message
    rest = (text.replace(str(path), ""), error.message("id").replace(str(path), ""))
    for value in (NIP_A, NIP_B, NIP_A[-4:], NIP_B[-4:], "kemarin", "kantor", "16/06/2025"):
        assert value not in rest[0] and value not in rest[1]


def test_the_message_in_each_language(tmp_path: Path) -> None:
    path = write(tmp_path / "k.csv", "start,end,mode\n2025-06-16 07:30,2025-06-16 12:00,x\n")
    with pytest.raises(fx.AttendanceError) as info:
        fx.read_attendance(path)
    assert (
        str(info.value)
        == info.value.message("en")
        == (f"{path}, row 2, column 'mode': use wfo, wfh or wfa (or leave it empty)")
    )
    assert info.value.message("id") == (
        f"{path}, baris 2, kolom 'mode': gunakan wfo, wfh atau wfa (atau kosongkan)"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("none.csv", None, "file not found"),
        ("k.xlsx", "x", "Excel files are not read: save the sheet as CSV UTF-8"),
        ("k.csv", "", "the file is empty"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(fx.AttendanceError) as info:
        fx.read_attendance(path)
    assert str(info.value) == f"{path}: {message}"
    assert info.value.file == str(path) and info.value.row is None


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_bytes("mulai,selesai\n2025-06-16 07:30,2025-06-16 12:00 ✓\n".encode("utf-16"))
    with pytest.raises(fx.AttendanceError, match="not UTF-8"):
        fx.read_attendance(path)


def test_bad_zone_arguments(tmp_path: Path) -> None:
    path = write(tmp_path / "k.csv", "start,end\n")
    with pytest.raises(fx.HoursError, match="not both"):
        fx.read_attendance(path, policy="kota-malang", timezone="WIB")
    with pytest.raises(fx.HoursError, match="unknown time zone 'Mars/Olympus'"):
        fx.read_attendance(path, timezone="Mars/Olympus")
    with pytest.raises(fx.UnknownPolicyError):
        fx.read_attendance(path, policy="kota-atlantis")
    with pytest.raises(fx.HoursError, match="timezone must be a string, not int"):
        fx.read_attendance(path, timezone=7)  # type: ignore[arg-type]


BAD_WEEK = (
    "mulai,selesai\n"
    "2025-06-16 07:30,2025-06-16 16:00\n"  # row 2
    "2025-06-17 07:30,2025-06-17 16:00\n"  # row 3
    "2025-06-18 07:30,2025-06-18 12:00\n"  # row 4
    "2025-06-18 11:00,2025-06-18 16:00\n"  # row 5: overlaps row 4 by an hour
    "2025-06-19 15:00,2025-06-19 07:30\n"  # row 6: ends before it starts
)


def test_findings_and_errors_name_the_file_rows(tmp_path: Path) -> None:
    records = fx.read_attendance(write(tmp_path / "k.csv", BAD_WEEK))
    report = fx.check_hours(records, on_invalid="report")
    messages = {f.code: (f.message("id"), f.message("en")) for f in report.findings}
    assert messages[fx.FindingCode.OVERLAPPING_RECORDS] == (
        "Baris 4 dan baris 5 tumpang tindih; waktu yang sama dihitung sekali.",
        "Row 4 and row 5 overlap; the shared time is counted once.",
    )
    assert messages[fx.FindingCode.END_BEFORE_START][1].startswith("Row 6: the end is not after")
    with pytest.raises(fx.AttendanceError) as info:
        fx.check_hours(records)
    error = info.value
    assert (error.row, error.record, error.field) == (6, None, "end")
    assert str(error) == "row 6, field 'end': the end is not after the start"
    assert error.message("id") == "baris 6, isian 'end': jam pulang tidak setelah jam masuk"
    for clock in ("15:00", "07:30", "2025-06-19"):  # attendance times are personal data
        assert clock not in str(error) and clock not in error.message("id")
