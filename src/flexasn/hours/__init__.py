"""Working hours under Perpres 21/2023, Ramadan, regional schedules and flexible time.

What the law says, in plain words:

- **Perpres 21/2023 Pasal 3**: government agencies work five days a week, Monday to Friday.
- **Pasal 4**: 37 h 30 min a week, breaks excluded (in Ramadan 32 h 30 min). Work starts
  at 07.30 local time (WIB, WITA or WIT; in Ramadan 08.00). Breaks: 60 minutes Monday to
  Thursday and 90 minutes on Friday (in Ramadan 30 and 60 minutes).
- **Pasal 6**: national holidays and cuti bersama change the days: nothing is owed on them.
- **Pasal 7**: units giving operational support or direct public service are not bound
  by that pattern (six-day weeks, shifts): a region's schedule says what they owe.
- **Pasal 9**: working flexibly never lowers the weekly total.
- **Permen PANRB 4/2025 Pasal 17**: flexible time is either **shift** work (duties
  needing more than 8 h 30 min a day, or more than 5 days and 37.5 h a week) or
  **dynamic** hours (other start times, same totals).

The Perpres sets weekly totals, start times and breaks, not an end time per day. The
national default here (flexasn's reading, LAW.md §1) splits the week evenly: **7 h 30
min per working day (6 h 30 min in Ramadan)**, so a week with holidays owes 7.5 h per
remaining working day. Where a policy holds a regional schedule for the day
([`WorkSchedule`][flexasn.WorkSchedule]), its hours replace the default.

All arithmetic is exact (`timedelta`, whole minutes); nothing is a float.
A span (of [`working_hours`][flexasn.working_hours], [`required_hours`][flexasn.required_hours],
[`check_hours`][flexasn.check_hours]) is at most
[`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS] days (ten years): a longer one raises
[`SpanTooLongError`][flexasn.SpanTooLongError] before any work.

One module per topic:

- `national`: the national hours of Pasal 4 (standard and Ramadan);
- `norms`: hours owed per day and per span ([`working_hours`][flexasn.working_hours],
  [`daily_norm`][flexasn.daily_norm], [`required_hours`][flexasn.required_hours]; the
  deprecated `day_norm` and `day_norms`);
- `shifts`: shift rosters (Permen PANRB 4/2025 Pasal 17 a);
- `zones`: WIB / WITA / WIT and record times in them;
- `report`: the records, findings and report of a check;
- `records` and `check`: [`check_hours`][flexasn.check_hours].
"""

from __future__ import annotations

from datetime import time, timedelta

from ..errors import AttendanceError, HoursError, HoursTypeError, ScheduleCoverageError
from ..worktime import STANDARD_PATTERN
from .check import check_hours
from .national import national_daily_norm, national_start
from .norms import (
    NATIONAL_POLICY,
    DayNorm,
    OpdArg,
    PolicyArg,
    daily_norm,
    day_norm,
    day_norms,
    required_hours,
    working_hours,
)
from .records import MAX_RECORD
from .report import (
    AttendanceRecord,
    DayHours,
    FindingCode,
    HoursFinding,
    HoursReport,
    Severity,
    TimeMode,
    WeekHours,
)
from .shifts import Shift, ShiftPattern


def __getattr__(name: str) -> timedelta | time:
    """``DAILY_NORM``, ``RAMADAN_DAILY_NORM``, ``START``, ``RAMADAN_START``: the national
    hours of Pasal 4, read from ``data/national-hours.toml`` when first asked for (so that
    ``import flexasn`` reads no data)."""
    if name in ("DAILY_NORM", "RAMADAN_DAILY_NORM"):
        return national_daily_norm(name.startswith("RAMADAN"))
    if name in ("START", "RAMADAN_START"):
        return national_start(name.startswith("RAMADAN"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DAILY_NORM",
    "MAX_RECORD",
    "NATIONAL_POLICY",
    "RAMADAN_DAILY_NORM",
    "RAMADAN_START",
    "STANDARD_PATTERN",
    "START",
    "AttendanceError",
    "AttendanceRecord",
    "DayHours",
    "DayNorm",
    "FindingCode",
    "HoursError",
    "HoursFinding",
    "HoursReport",
    "HoursTypeError",
    "OpdArg",
    "PolicyArg",
    "ScheduleCoverageError",
    "Severity",
    "Shift",
    "ShiftPattern",
    "TimeMode",
    "WeekHours",
    "check_hours",
    "daily_norm",
    "day_norm",
    "day_norms",
    "required_hours",
    "working_hours",
]
