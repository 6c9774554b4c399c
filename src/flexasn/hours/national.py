"""The national working hours of Perpres 21/2023 Pasal 4, standard and Ramadan.

Pasal 4 sets 37 h 30 min a week, breaks excluded (in Ramadan 32 h 30 min); work starts
at 07.30 local time (in Ramadan 08.00); breaks are 60 minutes Monday to Thursday and 90
minutes on Friday (in Ramadan 30 and 60 minutes). The Perpres sets no end time per day:
flexasn's reading (LAW.md §1) splits the week evenly, **7 h 30 min per working day
(6 h 30 min in Ramadan)**.

None of these numbers is written here: they are cited data, ``data/national-hours.toml``,
in the schema of a policy's regional schedules, read by
[`national_schedule`][flexasn.worktime.national_schedule]. ``DAILY_NORM``, ``RAMADAN_DAILY_NORM``,
``START`` and ``RAMADAN_START`` are read from it when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from ..worktime import ScheduleHours, national_schedule


def national_hours(day: date, ramadan: bool) -> ScheduleHours | None:
    """The national hours of ``day``'s weekday (in Ramadan: Ramadan's); None on a weekday
    the national schedule leaves off (Saturday, Sunday)."""
    return national_schedule(ramadan).hours_on(day)


def national_daily_norm(ramadan: bool) -> timedelta:
    """Hours owed on a national working day: the weekly total over the working weekdays."""
    schedule = national_schedule(ramadan)
    return schedule.weekly_total / sum(len(h.days) for h in schedule.hours)


def national_start(ramadan: bool) -> time:
    """When national work starts (local time), from Monday's hours."""
    return national_schedule(ramadan).hours[0].start


def __getattr__(name: str) -> timedelta | time:
    """The former constants, read from the national data when first asked for."""
    values: dict[str, Callable[[], timedelta | time]] = {
        "DAILY_NORM": lambda: national_daily_norm(False),
        "RAMADAN_DAILY_NORM": lambda: national_daily_norm(True),
        "START": lambda: national_start(False),
        "RAMADAN_START": lambda: national_start(True),
    }
    if name in values:
        return values[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DAILY_NORM",  # noqa: F822 (read from the data when first asked for)
    "RAMADAN_DAILY_NORM",  # noqa: F822 (read from the data when first asked for)
    "RAMADAN_START",  # noqa: F822 (read from the data when first asked for)
    "START",  # noqa: F822 (read from the data when first asked for)
    "national_daily_norm",
    "national_hours",
    "national_start",
]
