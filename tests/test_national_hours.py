"""The national working hours of Perpres 21/2023 Pasal 4 are cited data
(``data/national-hours.toml``, in the schema of a regional ``[[work_schedule]]``), and the
values loaded equal LAW.md §1's figures, worked by hand:

- 37 h 30 min a week, breaks excluded; in Ramadan 32 h 30 min;
- work starts at 07.30 local time; in Ramadan 08.00;
- breaks: 60 min Monday-Thursday, 90 min Friday; in Ramadan 30 and 60 min;
- Monday to Friday (Pasal 3); flexasn's reading splits the week evenly:
  37 h 30 / 5 = 7 h 30 a day (32 h 30 / 5 = 6 h 30 in Ramadan), so a day ends at
  07.30 + 7 h 30 + 1 h = 16.00 (Friday + 1 h 30 = 16.30), in Ramadan
  08.00 + 6 h 30 + 30 min = 15.00 (Friday + 1 h = 15.30).
"""

from __future__ import annotations

import tomllib
from datetime import date, time, timedelta
from pathlib import Path

import pytest

import flexasn as fx
import flexasn.data
from flexasn import hours, worktime
from flexasn.legal import Confidence
from flexasn.worktime import WEEKDAYS, WorkSchedule, national_schedule

H = timedelta(hours=1)
M = timedelta(minutes=1)
MONDAY, FRIDAY = date(2025, 6, 16), date(2025, 6, 20)  # an ordinary week, no holiday


@pytest.mark.parametrize(
    ("ramadan", "weekly", "daily", "start", "breaks", "ends"),
    [
        (False, 37 * H + 30 * M, 7 * H + 30 * M, time(7, 30), (60, 90), (time(16), time(16, 30))),
        (True, 32 * H + 30 * M, 6 * H + 30 * M, time(8), (30, 60), (time(15), time(15, 30))),
    ],
)
def test_loaded_values_equal_law_md(
    ramadan: bool,
    weekly: timedelta,
    daily: timedelta,
    start: time,
    breaks: tuple[int, int],
    ends: tuple[time, time],
) -> None:
    schedule = national_schedule(ramadan)
    assert schedule.ramadan is ramadan
    assert schedule.weekly_total == weekly == schedule.national_total
    assert not schedule.above_national_total
    days = [schedule.hours_on(MONDAY + timedelta(days=n)) for n in range(7)]
    assert [WEEKDAYS[n] for n, h in enumerate(days) if h is not None] == [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
    ]
    for n, h in enumerate(days[:5]):
        assert h is not None
        assert h.start == start and h.net == daily
        assert h.break_minutes == (breaks[1] if n == 4 else breaks[0])
        assert h.end == (ends[1] if n == 4 else ends[0])
    assert sum((h.net for h in days if h is not None), timedelta(0)) == weekly


def test_the_citation_is_law_md_s() -> None:
    for ramadan in (False, True):
        schedule = national_schedule(ramadan)
        assert schedule.basis.instrument == "perpres-21-2023"
        assert schedule.basis.article == "Pasal 4"
        assert schedule.basis.reading  # the daily split is flexasn's reading (LAW.md §1)
        assert schedule.confidence is Confidence.OFFICIAL
        assert schedule.citation() == fx.cite("perpres-21-2023", "Pasal 4", reading=True)
        assert schedule.sources and all(s.url and s.quote for s in schedule.sources)
    standard = " ".join(s.quote or "" for s in national_schedule(False).sources)
    ramadan_text = " ".join(s.quote or "" for s in national_schedule(True).sources)
    assert "37 jam 30 menit" in standard and "07.30" in standard
    assert "90 menit" in standard and "60 menit" in standard
    assert "32 jam 30 menit" in ramadan_text and "08.00" in ramadan_text
    assert "60 menit" in ramadan_text and "30 menit" in ramadan_text


def test_the_file_is_a_regional_schedule_schema() -> None:
    """Each entry loads as a policy's ``[[work_schedule]]`` does."""
    path = Path(flexasn.data.__file__).parent / "national-hours.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == {"work_schedule"}
    loaded = [WorkSchedule.model_validate(entry) for entry in raw["work_schedule"]]
    assert loaded == [national_schedule(False), national_schedule(True)]


def test_the_code_reads_the_data() -> None:
    assert worktime.WEEKLY_TOTAL == 37 * H + 30 * M
    assert worktime.RAMADAN_WEEKLY_TOTAL == 32 * H + 30 * M
    assert hours.DAILY_NORM == 7 * H + 30 * M and hours.RAMADAN_DAILY_NORM == 6 * H + 30 * M
    starts = (hours.START, hours.RAMADAN_START)
    assert starts == (time(7, 30), time(8))
    with pytest.raises(AttributeError):
        _ = hours.NO_SUCH_NAME
    with pytest.raises(AttributeError):
        _ = worktime.NO_SUCH_NAME
    with pytest.raises(AttributeError):
        _ = hours.national.NO_SUCH_NAME
    assert hours.national.DAILY_NORM == 7 * H + 30 * M
    ramadan_start = hours.national.RAMADAN_START
    assert ramadan_start == time(8)
    # the public API answers from it: a whole ordinary week, and a whole Ramadan week
    assert fx.required_hours(MONDAY, MONDAY + timedelta(days=6)) == 37 * H + 30 * M
    assert fx.daily_norm(FRIDAY) == 7 * H + 30 * M
    ramadan_week = fx.required_hours(date(2026, 3, 2), date(2026, 3, 8))  # Ramadan 1447 H
    assert ramadan_week == 32 * H + 30 * M
    (friday,) = fx.working_hours(date(2026, 3, 6))
    assert (friday.start, friday.end, friday.break_time) == (time(8), time(15, 30), H)
