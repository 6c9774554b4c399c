"""Ramadan periods (data/ramadan.toml) and the regional schedule model (flexasn.worktime)."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from flexasn.errors import CoverageError, PolicyDataError
from flexasn.hours import HoursError, daily_norm
from flexasn.ramadan import is_ramadan, parse_ramadan, ramadan_period, ramadan_periods
from flexasn.worktime import ScheduleBasis, ScheduleHours, WorkSchedule

# --- Ramadan periods ------------------------------------------------------------------


def test_decreed_periods_cite_the_minister_of_religious_affairs() -> None:
    p1446, p1447, p1448 = ramadan_periods()
    assert (p1446.first_day, p1446.last_day, len(p1446)) == (
        date(2025, 3, 1),
        date(2025, 3, 30),
        30,
    )
    assert (p1447.first_day, p1447.last_day, len(p1447)) == (
        date(2026, 2, 19),
        date(2026, 3, 20),
        30,
    )
    citation = p1446.citation()
    assert citation is not None and citation.instrument == "penetapan-ramadan-1446"
    assert p1447.instrument == "penetapan-ramadan-1447" and not p1447.estimated
    assert p1448.estimated and p1448.citation() is None and p1448.sources


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 2, 28), False),
        (date(2025, 3, 1), True),
        (date(2025, 3, 30), True),
        (date(2025, 3, 31), False),  # Idul Fitri 1446 H
        (date(2026, 2, 18), False),
        (date(2026, 2, 19), True),
        (date(2026, 3, 20), True),
        (date(2026, 3, 21), False),  # Idul Fitri 1447 H
        (date(2027, 1, 15), False),  # decreed calendar, far from the 1448 H estimate
    ],
)
def test_is_ramadan(day: date, expected: bool) -> None:
    assert is_ramadan(day) is expected


def test_estimates() -> None:
    with pytest.raises(CoverageError, match="1448 H is not decreed"):
        is_ramadan(date(2027, 3, 11))  # within the margin after the estimate
    assert not is_ramadan(date(2027, 3, 11), strict=False)
    period = ramadan_period(date(2030, 12, 30), strict=False)
    assert period is not None and period.estimated and period.hijri_year == 1452
    assert ramadan_period(date(2028, 6, 1), strict=False) is None
    with pytest.raises(CoverageError, match="Ramadan calendar"):
        is_ramadan(date(2023, 4, 1))
    with pytest.raises(TypeError):
        is_ramadan("2025-03-01")  # type: ignore[arg-type]


def _period(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "hijri_year": 1446,
        "first_day": date(2025, 3, 1),
        "last_day": date(2025, 3, 30),
        "instrument": "penetapan-ramadan-1446",
        "confidence": "reported",
    }
    entry.update(changes)
    return {key: value for key, value in entry.items() if value is not None}


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ([_period(last_day=date(2025, 4, 5))], "29 or 30 days"),
        ([_period(estimated=True)], "an estimate cites no instrument"),
        ([_period(instrument=None)], "needs its instrument"),
        ([_period(instrument=None, estimated=True)], "needs the sources"),
        ([_period(instrument="penetapan-ramadan-9999")], "unknown instrument"),
        ([_period(), _period()], "follow each other"),
        ([], "period: must list at least 1"),  # issue 14: plain words (was pydantic's)
    ],
)
def test_bad_ramadan_data(periods: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(PolicyDataError, match=message):
        parse_ramadan({"period": periods}, "ramadan.toml")


# --- schedule model -------------------------------------------------------------------


def _schedule(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": "contoh",
        "days": [{"first_day": date(2025, 3, 1), "last_day": date(2025, 3, 30)}],
        "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": time(8), "end": time(15)}],
        "weekly_total": 35 * 60,
        "basis": {"instrument": "perpres-21-2023", "article": "Pasal 4"},
        "confidence": "reported",
    }
    entry.update(changes)
    return entry


def test_schedule_model() -> None:
    schedule = WorkSchedule.model_validate(_schedule())
    assert schedule.weekly_total == timedelta(hours=35)
    assert schedule.hours_on(date(2025, 3, 8)) is None  # Saturday
    assert schedule.citation().article == "Pasal 4"
    assert len(list(schedule.iter_days())) == 30


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekly_total": "35:10"}, "sum to 35 h 00 min"),
        ({"kinds": ["puskesmas"]}, "name one"),
        ({"kinds": ["planet"]}, "unknown OPD kind"),
        (
            {
                "days": [
                    {"first_day": date(2025, 3, 1), "last_day": date(2025, 3, 10)},
                    {"first_day": date(2025, 3, 10), "last_day": date(2025, 3, 20)},
                ]
            },
            "overlap",
        ),
        (
            {
                "hours": [
                    {"days": ["mon"], "start": time(8), "end": time(15)},
                    {"days": ["mon"], "start": time(8), "end": time(15)},
                ],
                "weekly_total": 14 * 60,
            },
            "more than one hours entry",
        ),
        ({"basis": {"instrument": "perpres-21-2023", "article": "Pasal 99"}}, "not in the"),
    ],
)
def test_bad_schedules(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        WorkSchedule.model_validate(_schedule(**changes))


def test_a_total_above_the_national_one_loads_and_is_flagged() -> None:
    # 5 x (15.00 - 08.00) = 35 h: within the ordinary 37 h 30 min, above Ramadan's 32 h 30 min.
    ordinary = WorkSchedule.model_validate(_schedule())
    assert ordinary.national_total == timedelta(hours=37, minutes=30)
    assert not ordinary.above_national_total
    ramadan = WorkSchedule.model_validate(_schedule(ramadan=True))
    assert ramadan.national_total == timedelta(hours=32, minutes=30)
    assert ramadan.weekly_total == timedelta(hours=35)
    assert ramadan.above_national_total
    # Exactly the national total is not above it.
    exact = WorkSchedule.model_validate(
        _schedule(
            ramadan=True,
            hours=[
                {"days": ["mon", "tue", "wed", "thu", "fri"], "start": time(8), "end": time(14, 30)}
            ],
            weekly_total="32:30",
        )
    )
    assert not exact.above_national_total


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"days": ["mon"], "start": time(8, tzinfo=UTC), "end": time(15)}, "zone"),
        ({"days": ["mon"], "start": time(8, 0, 30), "end": time(15)}, "whole minutes"),
        ({"days": ["mon"], "start": time(8), "end": time(9), "break_minutes": 60}, "break"),
        ({"days": ["mon", "mon"], "start": time(8), "end": time(15)}, "listed twice"),
    ],
)
def test_bad_schedule_hours(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ScheduleHours.model_validate(entry)


def test_schedule_basis_must_be_known() -> None:
    with pytest.raises(ValidationError, match="unknown instrument"):
        ScheduleBasis(instrument="perpres-0-0000")


def test_bad_policy_and_opd_arguments() -> None:
    with pytest.raises(HoursError, match="Policy or a policy id"):
        daily_norm(date(2025, 3, 3), policy=42)  # type: ignore[arg-type]
    with pytest.raises(HoursError, match="unknown OPD kind"):
        daily_norm(date(2025, 3, 3), policy="kota-malang", opd="planet")
