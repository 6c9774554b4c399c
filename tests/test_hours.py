"""Working hours (Perpres 21/2023 Pasal 3, 4, 6, 7, 9; Permen PANRB 4/2025 Pasal 17).

Expected values are worked out by hand from LAW.md §1 and §4; each test says how.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from common import assert_cites, assert_no_nip, write_text
from flexasn.calendar import DayKind
from flexasn.errors import CoverageError, FlexasnError, PolicyDataError
from flexasn.hours import (
    AttendanceError,
    AttendanceRecord,
    FindingCode,
    HoursError,
    ScheduleCoverageError,
    Severity,
    Shift,
    ShiftPattern,
    check_hours,
    daily_norm,
    required_hours,
    working_hours,
)
from flexasn.people import Opd, ServiceCategory, WorkMode
from flexasn.policy import get_policy, load_policy

H = timedelta(hours=1)
M = timedelta(minutes=1)
WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def hm(hours: int, minutes: int = 0) -> timedelta:
    return hours * H + minutes * M


def wib(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


# --- national daily norms -------------------------------------------------------------


def test_ordinary_working_day_owes_7h30() -> None:
    # Monday 19 May 2025: no holiday; 37.5 h / 5 days.
    assert daily_norm(date(2025, 5, 19)) == hm(7, 30)


def test_ordinary_week_owes_37h30() -> None:
    # 19-25 May 2025: Monday-Friday working days, weekend owes nothing.
    assert required_hours(date(2025, 5, 19), date(2025, 5, 25)) == hm(37, 30)
    assert daily_norm(date(2025, 5, 24)) == timedelta(0)  # Saturday
    assert daily_norm(date(2025, 5, 25)) == timedelta(0)  # Sunday


def test_week_with_vesak_and_cuti_bersama_owes_22h30() -> None:
    # 12 May 2025 Vesak (national holiday), 13 May cuti bersama: 14, 15, 16 May x 7.5 h.
    assert daily_norm(date(2025, 5, 12)) == timedelta(0)
    assert daily_norm(date(2025, 5, 13)) == timedelta(0)
    assert required_hours(date(2025, 5, 12), date(2025, 5, 16)) == hm(22, 30)
    assert required_hours(date(2025, 5, 12), date(2025, 5, 18)) == hm(22, 30)


def test_national_times_and_breaks() -> None:
    # Pasal 4: start 07.30; breaks 60 min Mon-Thu, 90 min Fri; end = start + 7.5 h + break.
    (monday,) = working_hours(date(2025, 5, 19))
    assert (monday.start, monday.end, monday.break_time) == (time(7, 30), time(16, 0), 60 * M)
    (friday,) = working_hours(date(2025, 5, 23))
    assert (friday.start, friday.end, friday.break_time) == (time(7, 30), time(16, 30), 90 * M)
    assert monday.basis.instrument == "perpres-21-2023"
    assert monday.basis.article == "Pasal 4"
    assert monday.basis.reading  # the even split is flexasn's reading
    assert monday.schedule is None and not monday.ramadan and not monday.estimated


def test_day_off_cites_the_calendar() -> None:
    (vesak,) = working_hours(date(2025, 5, 12))
    assert vesak.kind is DayKind.NATIONAL_HOLIDAY
    assert vesak.basis.instrument == "skb-libur-2025"
    (cuti,) = working_hours(date(2025, 5, 13))
    assert cuti.kind is DayKind.CUTI_BERSAMA
    (saturday,) = working_hours(date(2025, 5, 24))
    assert saturday.basis.article == "Pasal 3"


# --- Ramadan --------------------------------------------------------------------------


def test_ramadan_week_march_2025_owes_32h30() -> None:
    # 1446 H: 1-30 March 2025. 3-7 March: five working days x 6.5 h.
    assert daily_norm(date(2025, 3, 3)) == hm(6, 30)
    assert required_hours(date(2025, 3, 3), date(2025, 3, 9)) == hm(32, 30)
    (monday,) = working_hours(date(2025, 3, 3))
    assert monday.ramadan
    assert (monday.start, monday.end, monday.break_time) == (time(8, 0), time(15, 0), 30 * M)
    (friday,) = working_hours(date(2025, 3, 7))
    assert (friday.start, friday.end, friday.break_time) == (time(8, 0), time(15, 30), 60 * M)


def test_last_ramadan_week_2025_with_cuti_bersama_and_nyepi() -> None:
    # 24-27 March: 4 x 6.5 h = 26 h; 28 March cuti bersama; 29 March Nyepi (Saturday).
    assert required_hours(date(2025, 3, 24), date(2025, 3, 30)) == hm(26)
    # 31 March-6 April: Idul Fitri (31 Mar, 1 Apr) and cuti bersama 2, 3, 4 April.
    assert required_hours(date(2025, 3, 31), date(2025, 4, 6)) == timedelta(0)
    # 7 April cuti bersama, 8-11 April ordinary (Ramadan over): 4 x 7.5 h.
    assert required_hours(date(2025, 4, 7), date(2025, 4, 13)) == hm(30)


def test_ramadan_2026_boundaries() -> None:
    # 1447 H: 19 Feb-20 Mar 2026. Wednesday 18 Feb is not Ramadan; Thursday 19 Feb is.
    assert daily_norm(date(2026, 2, 18)) == hm(7, 30)
    assert daily_norm(date(2026, 2, 19)) == hm(6, 30)
    # 16-22 Mar 2026: 16, 17 working (Ramadan); 18 cuti bersama, 19 Nyepi, 20 cuti bersama.
    assert required_hours(date(2026, 3, 16), date(2026, 3, 22)) == hm(13)
    # 23-24 Mar cuti bersama; 25-27 Mar ordinary days after Ramadan: 3 x 7.5 h.
    assert required_hours(date(2026, 3, 23), date(2026, 3, 29)) == hm(22, 30)


def test_1448_h_is_an_estimate() -> None:
    # 1448 H is not decreed: strict raises; strict=False uses the estimate 8 Feb-9 Mar 2027.
    with pytest.raises(CoverageError, match="1448 H is not decreed"):
        daily_norm(date(2027, 2, 10))
    with pytest.raises(CoverageError):  # within the margin before the estimate
        daily_norm(date(2027, 2, 6))
    (norm,) = working_hours(date(2027, 2, 10), strict=False)
    assert norm.owed == hm(6, 30) and norm.ramadan and norm.estimated
    # 8-12 Feb 2027: five working days in the estimated Ramadan.
    assert required_hours(date(2027, 2, 8), date(2027, 2, 14), strict=False) == hm(32, 30)
    # January 2027 is decreed (SKB 2027) and far from Ramadan: strict works.
    assert required_hours(date(2027, 1, 11), date(2027, 1, 17)) == hm(37, 30)


def test_beyond_covered_years() -> None:
    with pytest.raises(CoverageError):
        daily_norm(date(2024, 6, 3))
    with pytest.raises(CoverageError):
        required_hours(date(2027, 12, 27), date(2028, 1, 2))
    # strict=False: the holidays estimate; 2028 Ramadan estimated 28 Jan-26 Feb.
    (norm,) = working_hours(date(2028, 2, 1), strict=False)
    assert norm.ramadan and norm.estimated and norm.owed == hm(6, 30)


# --- regional schedules: Kota Malang --------------------------------------------------


def test_kota_malang_ramadan_2025_standard_schedule() -> None:
    # SE 6/2025: Mon-Thu 08.00-15.00 less 30 min = 6.5 h; Fri 07.30-15.00 less 60 = 6.5 h.
    (monday,) = working_hours(date(2025, 3, 3), policy="kota-malang")
    assert (monday.start, monday.end, monday.owed) == (time(8, 0), time(15, 0), hm(6, 30))
    (friday,) = working_hours(date(2025, 3, 7), policy="kota-malang")
    assert (friday.start, friday.end, friday.break_time) == (time(7, 30), time(15, 0), 60 * M)
    assert friday.owed == hm(6, 30)
    assert friday.schedule == "ramadan-2025"
    assert friday.basis.instrument == "se-walikota-malang-6-2025"
    assert required_hours(date(2025, 3, 3), date(2025, 3, 9), policy="kota-malang") == hm(32, 30)


def test_kota_malang_six_day_schedule() -> None:
    # Pasal 7 units: Mon-Thu 07.30-14.15 less 30 min = 6 h 15; Fri 07.30-11.00 = 3.5 h;
    # Sat 07.30-11.30 = 4 h. Week: 4 x 6.25 + 3.5 + 4 = 32.5 h.
    def owed(first: date, last: date | None = None) -> timedelta:
        return required_hours(first, last or first, policy="kota-malang", pattern="enam-hari")

    assert owed(date(2025, 3, 3)) == hm(6, 15)
    assert owed(date(2025, 3, 7)) == hm(3, 30)
    assert owed(date(2025, 3, 8)) == hm(4)
    assert owed(date(2025, 3, 9)) == timedelta(0)
    assert owed(date(2025, 3, 3), date(2025, 3, 9)) == hm(32, 30)
    # 24-30 March 2025: 4 x 6.25 = 25 h; Fri 28 cuti bersama, Sat 29 Nyepi owe nothing.
    assert owed(date(2025, 3, 24), date(2025, 3, 30)) == hm(25)
    # Ramadan 2026 (SE 6/2026): 23 Feb-1 Mar 2026 has no holiday: 32.5 h.
    assert owed(date(2026, 2, 23), date(2026, 3, 1)) == hm(32, 30)
    (saturday,) = working_hours(date(2026, 2, 28), policy="kota-malang", pattern="enam-hari")
    assert saturday.basis.instrument == "se-walikota-malang-6-2026"
    assert (saturday.start, saturday.end, saturday.kind) == (
        time(7, 30),
        time(11, 30),
        DayKind.WEEKEND,
    )


def test_kota_malang_puskesmas_follows_the_six_day_pattern_by_kind() -> None:
    puskesmas = Opd(
        code="PKM-1",
        name="Puskesmas Kedungkandang",
        instansi="kota-malang",
        kind="puskesmas",
        service=ServiceCategory.ESSENTIAL,
        headcount=40,
    )
    assert daily_norm(date(2025, 3, 8), policy="kota-malang", opd=puskesmas) == hm(4)
    assert daily_norm(date(2025, 3, 8), policy="kota-malang", opd="bkad") == timedelta(0)
    # Outside Ramadan the six-day hours are not in any instrument flexasn holds.
    with pytest.raises(ScheduleCoverageError, match="enam-hari"):
        daily_norm(date(2025, 5, 19), policy="kota-malang", opd=puskesmas)
    with pytest.raises(CoverageError):  # the subclass is a CoverageError
        daily_norm(date(2025, 5, 19), policy="kota-malang", pattern="enam-hari")


def test_kota_malang_outside_ramadan_is_the_national_rule() -> None:
    assert working_hours(date(2025, 5, 19), policy="kota-malang")[0].schedule is None
    assert required_hours(date(2025, 5, 12), date(2025, 5, 16), policy="kota-malang") == hm(22, 30)


def test_unknown_pattern_and_bad_arguments() -> None:
    with pytest.raises(HoursError, match="no work pattern 'shift-x'"):
        daily_norm(date(2025, 3, 3), policy="kota-malang", pattern="shift-x")
    with pytest.raises(HoursError, match="before start"):
        required_hours(date(2025, 3, 9), date(2025, 3, 3))
    with pytest.raises(HoursError, match=r"datetime\.date"):
        daily_norm(datetime(2025, 3, 3, 8))
    with pytest.raises(FlexasnError):
        daily_norm(date(2025, 3, 3), policy="kota-atlantis")


# --- check_hours: fixed office hours --------------------------------------------------


def _ordinary_week() -> list[tuple[datetime, datetime]]:
    # 19-23 May 2025: Mon-Thu 07.30-16.00 (8.5 h less 60 min), Fri 07.30-16.30 (9 h less 90).
    return [(wib(2025, 5, d, 7, 30), wib(2025, 5, d, 16)) for d in (19, 20, 21, 22)] + [
        (wib(2025, 5, 23, 7, 30), wib(2025, 5, 23, 16, 30))
    ]


def test_full_week_meets_the_total() -> None:
    report = check_hours(_ordinary_week(), start=date(2025, 5, 19), end=date(2025, 5, 25))
    assert report.owed == hm(37, 30) and report.worked == hm(37, 30)
    assert report.balance == timedelta(0)
    assert report.findings == () and report.ok
    assert [d.worked for d in report.days[:5]] == [hm(7, 30)] * 5
    assert report.days[4].break_deducted == 90 * M
    (week,) = report.weeks
    assert week.complete and week.week_start == date(2025, 5, 19)
    json.loads(report.model_dump_json())  # JSON-serialisable


def test_gap_between_records_counts_as_the_break() -> None:
    # 07.30-12.00 and 13.00-16.00: 7.5 h present, the 60-min gap is the break.
    logs = [
        (wib(2025, 5, 19, 7, 30), wib(2025, 5, 19, 12)),
        (wib(2025, 5, 19, 13), wib(2025, 5, 19, 16)),
    ]
    (day,) = check_hours(logs).days
    assert (day.present, day.break_deducted, day.worked) == (hm(7, 30), timedelta(0), hm(7, 30))
    # A 30-min gap leaves 30 min of the break to deduct.
    logs = [
        (wib(2025, 5, 19, 7, 30), wib(2025, 5, 19, 12)),
        (wib(2025, 5, 19, 12, 30), wib(2025, 5, 19, 16)),
    ]
    (day,) = check_hours(logs).days
    assert (day.present, day.break_deducted, day.worked) == (hm(8), 30 * M, hm(7, 30))


def test_missing_friday_is_under_the_weekly_total() -> None:
    logs = _ordinary_week()[:4]
    report = check_hours(logs, start=date(2025, 5, 19), end=date(2025, 5, 25))
    assert report.worked == hm(30) and report.balance == -hm(7, 30)
    assert report.days[4].balance == -hm(7, 30)
    (finding,) = report.findings
    assert finding.code is FindingCode.UNDER_WEEKLY_TOTAL
    assert finding.severity is Severity.VIOLATION and not report.ok
    assert finding.basis is not None and finding.basis.article == "Pasal 4"
    assert "kurang 7:30" in finding.message("id")
    assert "7:30 short" in finding.message("en")


def test_holiday_week_owes_less_and_work_on_vesak_is_a_notice() -> None:
    # 12-16 May 2025 owes 22.5 h; 3 x 7.5 h worked; plus 4 h on Vesak (12 May).
    logs = [(wib(2025, 5, d, 7, 30), wib(2025, 5, d, 16)) for d in (14, 15)]
    logs += [(wib(2025, 5, 16, 7, 30), wib(2025, 5, 16, 16, 30))]
    logs += [(wib(2025, 5, 12, 8), wib(2025, 5, 12, 12))]
    report = check_hours(logs, start=date(2025, 5, 12), end=date(2025, 5, 16))
    assert report.owed == hm(22, 30)
    assert report.worked == hm(26, 30)  # a day off has no break to deduct
    assert report.balance == hm(4)
    (notice,) = report.findings
    assert notice.code is FindingCode.RECORD_ON_DAY_OFF and notice.severity is Severity.NOTICE
    assert notice.day == date(2025, 5, 12) and notice.records == (3,)
    assert_cites(notice, "skb-libur-2025")
    assert report.ok


def test_late_start_under_fixed_hours_but_not_dynamic() -> None:
    # Dynamic hours (Pasal 17 b): 10.00-18.30 Mon-Thu, 10.00-19.00 Fri: 7.5 h a day.
    logs = [(wib(2025, 5, d, 10), wib(2025, 5, d, 18, 30)) for d in (19, 20, 21, 22)]
    logs += [(wib(2025, 5, 23, 10), wib(2025, 5, 23, 19))]
    fixed = check_hours(logs)
    assert fixed.worked == hm(37, 30)
    late = fixed.by_code(FindingCode.LATE_START)
    assert len(late) == 5 and all(f.severity is Severity.WARNING for f in late)
    assert "10.00 WIB" in late[0].message("id") and "07.30" in late[0].message("id")
    dynamic = check_hours(logs, dynamic=True)
    assert dynamic.time_mode == "dinamis" and dynamic.findings == ()


def test_dynamic_hours_short_week_cites_pasal_17() -> None:
    logs = [(wib(2025, 5, 19, 10), wib(2025, 5, 19, 18, 30))]
    report = check_hours(logs, start=date(2025, 5, 19), end=date(2025, 5, 25), dynamic=True)
    (finding,) = report.findings
    assert finding.basis is not None
    assert (finding.basis.instrument, finding.basis.article) == ("permen-panrb-4-2025", "Pasal 17")


def test_ramadan_week_check_kota_malang() -> None:
    # Kota Malang, 3-7 March 2025: Mon-Thu 08.00-15.00, Fri 07.30-15.00: 32.5 h exactly.
    logs = [(wib(2025, 3, d, 8), wib(2025, 3, d, 15)) for d in (3, 4, 5, 6)]
    logs += [(wib(2025, 3, 7, 7, 30), wib(2025, 3, 7, 15))]
    report = check_hours(logs, policy="kota-malang", start=date(2025, 3, 3), end=date(2025, 3, 9))
    assert report.owed == hm(32, 30) and report.worked == hm(32, 30) and report.findings == ()
    # Under the national rule Friday starts at 08.00, so 07.30 is fine there too, but
    # 08.00 on a Kota Malang Friday is late.
    logs[-1] = (wib(2025, 3, 7, 8), wib(2025, 3, 7, 15, 30))
    report = check_hours(logs, policy="kota-malang")
    assert [f.code for f in report.findings] == [FindingCode.LATE_START]


def test_six_day_puskesmas_week_check() -> None:
    # Six-day pattern 3-8 March 2025: 4 x 6.25 + 3.5 + 4 = 32.5 h.
    logs = [(wib(2025, 3, d, 7, 30), wib(2025, 3, d, 14, 15)) for d in (3, 4, 5, 6)]
    logs += [(wib(2025, 3, 7, 7, 30), wib(2025, 3, 7, 11))]
    logs += [(wib(2025, 3, 8, 7, 30), wib(2025, 3, 8, 11, 30))]
    report = check_hours(logs, policy="kota-malang", opd="puskesmas", end=date(2025, 3, 9))
    assert report.owed == hm(32, 30) and report.worked == hm(32, 30)
    assert report.findings == ()
    assert report.days[5].kind is DayKind.WEEKEND and report.days[5].owed == hm(4)


# --- time zones -----------------------------------------------------------------------


def test_wita_instansi_reads_records_in_local_time() -> None:
    wita = get_policy("nasional").model_copy(update={"timezone": "Asia/Makassar"})
    # 07.00-15.30 WIB is 08.00-16.30 WITA: late for a 07.30 WITA start; 8.5 h less 60 min.
    logs = [(wib(2025, 5, 19, 7), wib(2025, 5, 19, 15, 30))]
    report = check_hours(logs, policy=wita)
    assert report.timezone == "Asia/Makassar"
    (day,) = report.days
    assert day.worked == hm(7, 30)
    (late,) = report.findings
    assert late.code is FindingCode.LATE_START and "08.00 WITA" in late.message("id")
    # The same wall-clock times read as WITA (naive, declared local) start on time.
    naive = [(datetime(2025, 5, 19, 7, 30), datetime(2025, 5, 19, 16))]
    assert check_hours(naive, policy=wita, assume_local_time=True).findings == ()
    # 23.30 WIB on Sunday is 00.30 WITA on Monday: the record belongs to Monday.
    late_night = [(wib(2025, 5, 18, 23, 30), wib(2025, 5, 19, 1, 30))]
    report = check_hours(late_night, policy=wita)
    assert [d.day for d in report.days] == [date(2025, 5, 19)]
    # Aware datetimes in WITA need no declaration.
    aware = [(datetime(2025, 5, 19, 7, 30, tzinfo=WITA), datetime(2025, 5, 19, 16, tzinfo=WITA))]
    assert check_hours(aware, policy=wita).days[0].worked == hm(7, 30)


def test_naive_datetime_without_zone_is_an_error() -> None:
    logs = [(datetime(2025, 5, 19, 7, 30), datetime(2025, 5, 19, 16))]
    with pytest.raises(AttendanceError, match=r"record 0, field 'start'.*Asia/Jakarta") as info:
        check_hours(logs)
    assert info.value.record == 0 and info.value.field == "start"


# --- check_hours: invalid records -----------------------------------------------------


def test_overlapping_records_raise_by_default_and_can_be_reported() -> None:
    logs = [
        (wib(2025, 5, 19, 7, 30), wib(2025, 5, 19, 12)),
        (wib(2025, 5, 19, 11), wib(2025, 5, 19, 16)),
    ]
    with pytest.raises(AttendanceError, match=r"record 1.*overlaps record 0"):
        check_hours(logs)
    report = check_hours(logs, on_invalid="report")
    (day,) = report.days
    assert day.present == hm(8, 30)  # 07.30-16.00 counted once
    assert day.worked == hm(7, 30)
    (finding,) = report.by_code(FindingCode.OVERLAPPING_RECORDS)
    assert finding.records == (0, 1) and finding.severity is Severity.VIOLATION
    assert not report.ok


def test_end_before_start_raises_or_is_reported_and_left_out() -> None:
    logs = [
        (wib(2025, 5, 19, 7, 30), wib(2025, 5, 19, 16)),
        (wib(2025, 5, 20, 16), wib(2025, 5, 20, 7, 30)),
    ]
    with pytest.raises(AttendanceError, match="record 1, field 'end'"):
        check_hours(logs)
    report = check_hours(logs, on_invalid="report")
    assert report.worked == hm(7, 30)
    (finding,) = report.by_code(FindingCode.END_BEFORE_START)
    assert finding.records == (1,)
    assert report.days[1].records == () and report.days[1].worked == timedelta(0)


def test_bad_records_are_named_by_index_never_by_content() -> None:
    nip = "198503122010011001"
    logs: list[object] = [
        {"nip": nip, "start": wib(2025, 5, 19, 7, 30), "end": wib(2025, 5, 19, 16)},
        {"nip": nip, "start": "07:30", "end": wib(2025, 5, 20, 16)},
    ]
    with pytest.raises(AttendanceError, match="record 1, field 'start'") as info:
        check_hours(logs)  # type: ignore[arg-type]
    assert_no_nip(info.value, [nip])
    with pytest.raises(AttendanceError, match="record 0"):
        check_hours([nip])  # type: ignore[list-item]
    with pytest.raises(AttendanceError, match="missing key 'end'"):
        check_hours([{"start": wib(2025, 5, 19, 7)}])
    # Extra keys are ignored: an attendance export can be passed as it is.
    report = check_hours(logs[:1])  # type: ignore[arg-type]
    assert report.worked == hm(7, 30)


def test_other_bad_input() -> None:
    with pytest.raises(AttendanceError, match="more than 24 hours"):
        check_hours([(wib(2025, 5, 19, 7), wib(2025, 5, 20, 8))])
    with pytest.raises(AttendanceError, match="outside the span"):
        check_hours(
            [(wib(2025, 5, 19, 7), wib(2025, 5, 19, 8))],
            start=date(2025, 5, 20),
            end=date(2025, 5, 21),
        )
    with pytest.raises(HoursError, match="no records"):
        check_hours([])
    with pytest.raises(HoursError, match="not both"):
        check_hours([], dynamic=True, shift=_twelve_hour_roster())
    with pytest.raises(CoverageError):  # 2024 is not covered: no partial report
        check_hours([(wib(2024, 5, 20, 7), wib(2024, 5, 20, 8))])
    record = AttendanceRecord(start=wib(2025, 5, 19, 7, 30), end=wib(2025, 5, 19, 16))
    assert check_hours([record]).worked == hm(7, 30)


def test_empty_logs_with_a_span_owe_everything() -> None:
    report = check_hours([], start=date(2025, 5, 12), end=date(2025, 5, 18))
    assert report.owed == hm(22, 30) and report.worked == timedelta(0)
    assert [f.code for f in report.findings] == [FindingCode.UNDER_WEEKLY_TOTAL]


# --- shift work (Pasal 17 a) ----------------------------------------------------------


def _twelve_hour_roster(anchor: date = date(2025, 5, 19), on_holidays: bool = True) -> ShiftPattern:
    # Day 07.00-19.00, night 19.00-07.00 (each 12 h less a 60-min break = 11 h), 2 rest days.
    day = Shift(name="pagi", start=time(7), end=time(19), break_minutes=60)
    night = Shift(name="malam", start=time(19), end=time(7), break_minutes=60)
    return ShiftPattern(anchor=anchor, cycle=(day, night, None, None), on_holidays=on_holidays)


def test_shift_pattern_owes_its_own_hours() -> None:
    roster = _twelve_hour_roster()
    assert roster.shift_on(date(2025, 5, 23)) == roster.cycle[0]
    # 19 May day, 20 night, 21-22 rest, 23 day, 24 night, 25 rest: 4 x 11 h = 44 h.
    logs = [
        (wib(2025, 5, 19, 7), wib(2025, 5, 19, 19)),
        (wib(2025, 5, 20, 19), wib(2025, 5, 21, 7)),
        (wib(2025, 5, 23, 7), wib(2025, 5, 23, 19)),
        (wib(2025, 5, 24, 19), wib(2025, 5, 25, 7)),
    ]
    report = check_hours(logs, shift=roster, end=date(2025, 5, 25))
    assert report.time_mode == "sif"
    assert report.owed == hm(44) and report.worked == hm(44) and report.findings == ()
    # The night shift belongs to the day it starts on.
    assert report.days[1].worked == hm(11) and report.days[2].worked == timedelta(0)
    assert report.days[5].owed == hm(11)  # Saturday is a shift day


def test_shift_findings() -> None:
    roster = _twelve_hour_roster()
    logs = [
        (wib(2025, 5, 19, 7), wib(2025, 5, 19, 19)),
        (wib(2025, 5, 20, 19, 30), wib(2025, 5, 21, 7)),  # late for the night shift
        (wib(2025, 5, 21, 9), wib(2025, 5, 21, 12)),  # a rest day of the roster
    ]
    report = check_hours(logs, shift=roster, start=date(2025, 5, 19), end=date(2025, 5, 22))
    codes = [f.code for f in report.findings]
    assert codes == [FindingCode.LATE_START, FindingCode.RECORD_ON_DAY_OFF]
    rest = report.by_code(FindingCode.RECORD_ON_DAY_OFF)[0]
    assert rest.basis is not None and rest.basis.article == "Pasal 17"
    assert "rest day" in rest.message("en")
    # owed 22 h; worked 11 + 10.5 + 3 = 24.5 h: a surplus, no weekly shortfall.
    assert report.owed == hm(22) and report.worked == hm(24, 30)


def test_shift_on_holidays() -> None:
    # Anchor on Vesak (12 May 2025): a day shift. Units that keep running owe it.
    running = _twelve_hour_roster(anchor=date(2025, 5, 12))
    assert check_hours([], shift=running, start=date(2025, 5, 12), end=date(2025, 5, 12)).owed == (
        hm(11)
    )
    closed = _twelve_hour_roster(anchor=date(2025, 5, 12), on_holidays=False)
    assert check_hours([], shift=closed, start=date(2025, 5, 12), end=date(2025, 5, 12)).owed == (
        timedelta(0)
    )
    assert running.average_week == hm(38, 30)  # 22 h per 4 days x 7


def test_shift_validation() -> None:
    with pytest.raises(ValueError, match="at least one shift"):
        ShiftPattern(anchor=date(2025, 5, 19), cycle=(None,))
    with pytest.raises(ValueError, match="end equals its start"):
        Shift(start=time(7), end=time(7))
    with pytest.raises(HoursError, match="ShiftPattern"):
        check_hours([], start=date(2025, 5, 19), shift="pagi")  # type: ignore[arg-type]


# --- policy data ----------------------------------------------------------------------

_POLICY_HEAD = """
id = "contoh"
name = "Pemerintah Kota Contoh"
level = "kota"
timezone = "Asia/Makassar"
"""

_SCHEDULE = """
[[work_schedule]]
id = "ramadan"
days = [{{ first_day = 2025-03-01, last_day = 2025-03-30 }}]
ramadan = true
weekly_total = "{total}"
basis = {{ instrument = "{instrument}" }}
confidence = "reported"

  [[work_schedule.hours]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = 08:00:00
  end = {end}
  break_minutes = 30
"""


def _write(tmp_path: Path, *schedules: str) -> Path:
    return write_text(tmp_path, "contoh.toml", _POLICY_HEAD + "".join(schedules))


def test_user_policy_with_a_schedule(tmp_path: Path) -> None:
    body = _SCHEDULE.format(total="32:30", instrument="perpres-21-2023", end="15:00:00")
    policy = load_policy(_write(tmp_path, body))
    assert required_hours(date(2025, 3, 3), date(2025, 3, 9), policy=policy) == hm(32, 30)
    assert daily_norm(date(2025, 5, 19), policy=policy) == hm(7, 30)


@pytest.mark.parametrize(
    ("total", "instrument", "end", "message"),
    [
        ("32:00", "perpres-21-2023", "15:00:00", "sum to 32 h 30 min but weekly_total is 32 h"),
        ("32:30", "perpres-99-2099", "15:00:00", "unknown instrument"),
        ("32:30", "perpres-21-2023", "07:00:00", "is not after start"),
    ],
)
def test_bad_schedules_fail_to_load(
    tmp_path: Path, total: str, instrument: str, end: str, message: str
) -> None:
    body = _SCHEDULE.format(total=total, instrument=instrument, end=end)
    with pytest.raises(PolicyDataError, match=message) as info:
        load_policy(_write(tmp_path, body))
    assert "contoh.toml" in str(info.value) and "work_schedule" in str(info.value)


def test_a_user_schedule_above_the_national_ramadan_total_loads_flagged(tmp_path: Path) -> None:
    # 5 x (15.30 - 08.00 - 0.30) = 5 x 7 h = 35 h, above the 32 h 30 min of Ramadan.
    body = _SCHEDULE.format(total="35:00", instrument="perpres-21-2023", end="15:30:00")
    policy = load_policy(_write(tmp_path, body))
    (schedule,) = policy.work_schedule
    assert schedule.above_national_total and schedule.weekly_total == hm(35)
    assert required_hours(date(2025, 3, 3), date(2025, 3, 9), policy=policy) == hm(35)


def test_two_schedules_of_one_pattern_on_a_day_fail(tmp_path: Path) -> None:
    body = _SCHEDULE.format(total="32:30", instrument="perpres-21-2023", end="15:00:00")
    with pytest.raises(PolicyDataError, match="both cover 2025-03-01"):
        load_policy(_write(tmp_path, body, body.replace('id = "ramadan"', 'id = "lain"')))


def test_bundled_schedules_meet_the_ramadan_total() -> None:
    schedules = get_policy("kota-malang").work_schedule
    assert {s.id for s in schedules} == {
        "ramadan-2025",
        "ramadan-2025-enam-hari",
        "ramadan-2026",
        "ramadan-2026-enam-hari",
    }
    assert all(s.weekly_total == hm(32, 30) and s.ramadan for s in schedules)
    batu = get_policy("kota-batu").work_schedule
    assert {s.id for s in batu} == {"ramadan-2026", "ramadan-2026-enam-hari"}
    assert all(s.weekly_total == hm(32, 30) and not s.above_national_total for s in batu)
    # Banten's SE 3/2026 is the one bundled schedule above the national Ramadan total.
    flagged = [
        (pid, s.id)
        for pid in fx.list_policies()
        for s in get_policy(pid).work_schedule
        if s.above_national_total
    ]
    assert flagged == [("prov-banten", "ramadan-2026")]


# --- Ramadan 1447 H schedules of Kota Batu, Banten and Kabupaten Lumajang (LAW.md §5) ----
# 23 Feb - 1 Mar 2026 is a whole Ramadan week with no holiday (1447 H: 19 Feb - 20 Mar).
RAMADAN_WEEK = (date(2026, 2, 23), date(2026, 3, 1))


def test_kota_batu_ramadan_2026_five_day_opds() -> None:
    # SE 061.2/89/35.79.100/II/2026. Mon-Thu 08.00-15.00 less 30 min = 6 h 30;
    # Fri 07.00-14.30 less 60 min = 6 h 30. Week: 4 x 6.5 + 6.5 = 32.5 h.
    (monday,) = working_hours(date(2026, 2, 23), policy="kota-batu")
    assert (monday.start, monday.end, monday.break_time) == (time(8), time(15), hm(0, 30))
    assert monday.owed == hm(6, 30) and monday.schedule == "ramadan-2026"
    (friday,) = working_hours(date(2026, 2, 27), policy="kota-batu")
    assert (friday.start, friday.end, friday.break_time) == (time(7), time(14, 30), hm(1))
    assert friday.owed == hm(6, 30)
    assert friday.basis.instrument == "se-walikota-batu-061-2-89-2026"
    assert friday.basis.confidence is fx.Confidence.SINGLE
    assert required_hours(*RAMADAN_WEEK, policy="kota-batu") == hm(32, 30)
    assert daily_norm(date(2026, 2, 28), policy="kota-batu") == hm(0)  # Saturday


def test_kota_batu_ramadan_2026_six_day_opds() -> None:
    # Mon-Thu and Sat 08.00-14.00 less 30 min = 5 h 30; Fri 07.00-13.00 less 60 min = 5 h.
    # Week: 5 x 5.5 + 5 = 32.5 h.
    def six(day: date) -> timedelta:
        return daily_norm(day, policy="kota-batu", pattern="enam-hari")

    assert six(date(2026, 2, 23)) == hm(5, 30)
    assert six(date(2026, 2, 27)) == hm(5)
    (saturday,) = working_hours(date(2026, 2, 28), policy="kota-batu", pattern="enam-hari")
    assert (saturday.start, saturday.end, saturday.owed) == (time(8), time(14), hm(5, 30))
    week = required_hours(*RAMADAN_WEEK, policy="kota-batu", pattern="enam-hari")
    assert week == hm(32, 30)
    # Outside Ramadan the city's ordinary units follow the national rule.
    assert working_hours(date(2026, 3, 23), policy="kota-batu")[0].schedule is None


def test_banten_ramadan_2026_is_35_hours_and_flagged() -> None:
    # SE 3/2026: Mon-Thu 06.30-14.00 less 30 min = 7 h; Fri 06.30-14.30 less 60 min = 7 h.
    # Week: 4 x 7 + 7 = 35 h, 2 h 30 above the national 32 h 30 for Ramadan.
    (monday,) = working_hours(date(2026, 2, 23), policy="prov-banten")
    assert (monday.start, monday.end, monday.owed) == (time(6, 30), time(14), hm(7))
    assert monday.above_national_total and monday.ramadan
    (friday,) = working_hours(date(2026, 2, 27), policy="prov-banten")
    assert (friday.start, friday.end, friday.break_time, friday.owed) == (
        time(6, 30),
        time(14, 30),
        hm(1),
        hm(7),
    )
    assert required_hours(*RAMADAN_WEEK, policy="prov-banten") == hm(35)
    (schedule,) = get_policy("prov-banten").work_schedule
    assert schedule.weekly_total - schedule.national_total == hm(2, 30)
    # After Ramadan the national rule, no flag.
    (after,) = working_hours(date(2026, 3, 30), policy="prov-banten")
    assert after.schedule is None and not after.above_national_total


def test_banten_hours_report_carries_the_notice() -> None:
    # Mon-Thu 06.30-14.00: 7 h 30 present less the 30-min break = 7 h; Fri 06.30-14.30: 8 h
    # present less the 60-min break = 7 h. Worked 35 h = owed 35 h.
    logs = [
        (
            datetime(2026, 2, d, 6, 30, tzinfo=WIB),
            datetime(2026, 2, d, 14, 30 if d == 27 else 0, tzinfo=WIB),
        )
        for d in range(23, 28)
    ]
    report = check_hours(logs, policy="prov-banten", start=RAMADAN_WEEK[0], end=RAMADAN_WEEK[1])
    assert report.owed == hm(35) and report.worked == hm(35) and report.ok
    (notice,) = report.by_code("schedule_above_national_total")
    assert notice.severity is Severity.NOTICE and notice.week_start == date(2026, 2, 23)
    assert_cites(notice, "se-gubernur-banten-3-2026")
    assert "35:00" in notice.message("id") and "32:30" in notice.message("id")
    assert "above the national Ramadan 32:30 h" in notice.message("en")
    # Kota Batu's 32.5 h week raises no such notice.
    batu = check_hours([], policy="kota-batu", start=RAMADAN_WEEK[0], end=RAMADAN_WEEK[1])
    assert not batu.by_code("schedule_above_national_total")


def test_kabupaten_lumajang_ramadan_2026_is_a_documented_gap() -> None:
    # SE Sekda 800.1.6.2/4/427.72/2026 declares 32 h 30 min but reports only Mon-Thu
    # 08.00-15.00 and Fri 07.00-11.00, no breaks: 4 x 7 h + 4 h = 32 h even with no break,
    # so the reported times cannot be the whole schedule. Nothing is encoded; the national
    # default applies (6 h 30 min a working day in Ramadan).
    reported = 4 * (hm(15) - hm(8)) + (hm(11) - hm(7))
    assert reported == hm(32) < hm(32, 30)
    assert get_policy("kab-lumajang").work_schedule == ()
    (norm,) = working_hours(date(2026, 2, 23), policy="kab-lumajang")
    assert norm.schedule is None and norm.owed == hm(6, 30) and norm.ramadan
    assert required_hours(*RAMADAN_WEEK, policy="kab-lumajang") == hm(32, 30)


# --- properties -----------------------------------------------------------------------

_DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(first=_DAYS, length=st.integers(min_value=0, max_value=40), malang=st.booleans())
def test_owed_hours_of_a_span_are_the_sum_of_its_days(
    first: date, length: int, malang: bool
) -> None:
    last = min(first + timedelta(days=length), date(2026, 12, 31))
    policy = "kota-malang" if malang else None
    total = required_hours(first, last, policy=policy)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    assert total == sum((daily_norm(d, policy=policy) for d in days), timedelta(0))
    assert total == sum((n.owed for n in working_hours(first, last, policy=policy)), timedelta(0))
    assert total % M == timedelta(0)  # whole minutes: exact arithmetic


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=date(2025, 1, 6), max_value=date(2026, 12, 31)), malang=st.booleans())
def test_a_week_never_owes_more_than_37h30(day: date, malang: bool) -> None:
    monday = day - timedelta(days=day.weekday())
    policy = "kota-malang" if malang else None
    owed = required_hours(monday, monday + timedelta(days=6), policy=policy)
    assert timedelta(0) <= owed <= hm(37, 30)
    if working_hours(day, policy=policy)[0].ramadan:
        assert daily_norm(day, policy=policy) <= hm(6, 30)


@settings(max_examples=30, deadline=None)
@given(
    starts=st.lists(st.integers(min_value=0, max_value=6 * 24 * 4 - 1), max_size=6, unique=True),
    seed=st.randoms(use_true_random=False),
)
def test_report_does_not_depend_on_record_order(starts: list[int], seed: random.Random) -> None:
    # Non-overlapping 1-hour records in the week of 19 May 2025 (quarter-hour steps, 6 days).
    monday = wib(2025, 5, 19, 0)
    slots = sorted({s - s % 8 for s in starts})  # 2-hour grid: no overlaps
    logs = [(monday + s * 15 * M, monday + s * 15 * M + H) for s in slots]
    first, last = date(2025, 5, 19), date(2025, 5, 25)
    report = check_hours(logs, start=first, end=last)
    shuffled = list(logs)
    seed.shuffle(shuffled)
    again = check_hours(shuffled, start=first, end=last)
    assert again.worked == report.worked and again.owed == report.owed == hm(37, 30)
    assert report.worked <= len(logs) * H
    assert [d.balance for d in report.days] == [d.worked - d.owed for d in report.days]


def test_remote_week_short_of_the_total_cites_pasal_9() -> None:
    # Perpres Pasal 9: working from home does not lower the weekly total.
    records = [
        AttendanceRecord(start=wib(2025, 5, 19, 7, 30), end=wib(2025, 5, 19, 16), mode=WorkMode.WFH)
    ]
    report = check_hours(records, start=date(2025, 5, 19), end=date(2025, 5, 25))
    (finding,) = report.findings
    assert finding.basis is not None and finding.basis.article == "Pasal 9"
    assert not report.estimated
    estimate = check_hours([], start=date(2027, 2, 8), end=date(2027, 2, 14), strict=False)
    assert estimate.estimated and estimate.owed == hm(32, 30)
