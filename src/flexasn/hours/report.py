"""What [`check_hours`][flexasn.check_hours] reads and answers: attendance records, findings,
day and week rows, the report."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

from pydantic import Field, StrictInt

from .._model import Frozen
from ..calendar import DayKind
from ..legal import Citation
from ..messages import Language, render, require_language
from ..people import WorkMode


class AttendanceRecord(Frozen):
    """One attendance record: presence from ``start`` to ``end`` (aware datetimes)."""

    start: datetime
    end: datetime
    mode: WorkMode | None = None
    row: StrictInt | None = Field(default=None, ge=1)
    """The row of the file it was read from (1 = the header), set by
    `read_attendance`; a finding's record index leads to it."""


class FindingCode(StrEnum):
    """Stable codes of what [`check_hours`][flexasn.check_hours] finds. Never renamed."""

    UNDER_WEEKLY_TOTAL = "under_weekly_total"
    RECORD_ON_DAY_OFF = "record_on_day_off"
    LATE_START = "late_start"
    OVERLAPPING_RECORDS = "overlapping_records"
    END_BEFORE_START = "end_before_start"
    SCHEDULE_ABOVE_NATIONAL_TOTAL = "schedule_above_national_total"

    def label(self, lang: Language = "id") -> str:
        """The finding in a few words for a reader, in Indonesian (``"id"``, default) or
        English (``"en"``): ``jam kerja seminggu kurang`` for ``under_weekly_total``
        (catalogue table ``finding_label``). Text output shows it before the code; JSON
        keeps the code alone."""
        return render(f"finding_label.{self.value}", require_language(lang))


class Severity(StrEnum):
    """How serious a finding is."""

    VIOLATION = "violation"
    """The law's total or start time is not met, or the records contradict themselves."""
    WARNING = "warning"
    NOTICE = "notice"
    """Worth a look, not a breach (work on a day off is added to leave, not forbidden)."""


class HoursFinding(Frozen):
    """One finding, with its basis and a message in Indonesian and English."""

    code: FindingCode
    severity: Severity
    day: date | None = None
    week_start: date | None = None
    records: tuple[int, ...] = ()
    """Indices of the records concerned, in the order given."""
    basis: Citation | None = None
    message_id: str
    message_en: str

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (default) or English."""
        return self.message_id if require_language(lang) == "id" else self.message_en


class DayHours(Frozen):
    """One day of a report: owed, worked (net of breaks) and the balance (worked - owed)."""

    day: date
    kind: DayKind
    owed: timedelta
    worked: timedelta
    balance: timedelta
    """Positive: surplus; negative: shortfall."""
    present: timedelta
    """Time covered by the day's records before breaks."""
    break_deducted: timedelta
    records: tuple[int, ...] = ()
    ramadan: bool = False
    schedule: str | None = None
    estimated: bool = False


class WeekHours(Frozen):
    """A Monday-Sunday week of a report (only the days inside the checked span count)."""

    week_start: date
    first_day: date
    last_day: date
    owed: timedelta
    worked: timedelta
    balance: timedelta
    complete: bool
    """True when the whole Monday-Sunday week lies inside the checked span."""


TimeMode = Literal["tetap", "dinamis", "sif"]


class HoursReport(Frozen):
    """The result of [`check_hours`][flexasn.check_hours]: per day, per week, totals and
    findings."""

    first_day: date
    last_day: date
    timezone: str
    time_mode: TimeMode
    """``tetap`` (fixed office hours), ``dinamis`` (dynamic, Pasal 17 b), ``sif`` (shift)."""
    days: tuple[DayHours, ...]
    weeks: tuple[WeekHours, ...]
    owed: timedelta
    worked: timedelta
    balance: timedelta
    findings: tuple[HoursFinding, ...]

    @property
    def ok(self) -> bool:
        """True when no finding is a violation."""
        return not any(f.severity is Severity.VIOLATION for f in self.findings)

    @property
    def estimated(self) -> bool:
        """True when any day's answer rests on an estimate (``strict=False`` beyond the
        decreed years, an estimated Ramadan period, or a holiday its decree leaves to a
        later decision, such as Idul Fitri 1448 H on 10-11 March 2027)."""
        return any(d.estimated for d in self.days)

    def by_code(self, code: FindingCode | str) -> tuple[HoursFinding, ...]:
        """The findings with one code."""
        return tuple(f for f in self.findings if f.code == code)


def hm(value: timedelta) -> str:
    """A duration as hours and minutes, ``"7:30"`` (``"-1:05"`` when negative)."""
    minutes = int(value.total_seconds()) // 60
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60}:{minutes % 60:02d}"


__all__ = [
    "AttendanceRecord",
    "DayHours",
    "FindingCode",
    "HoursFinding",
    "HoursReport",
    "Severity",
    "TimeMode",
    "WeekHours",
    "hm",
]
