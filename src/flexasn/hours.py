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
(:class:`~flexasn.worktime.WorkSchedule`), its hours replace the default.

All arithmetic is exact (:class:`~datetime.timedelta`, whole minutes); nothing is a float.
A span (of :func:`day_norms`, :func:`required_hours`, :func:`check_hours`) is at most
:data:`~flexasn.calendar.MAX_SPAN_DAYS` days (ten years): a longer one raises
:class:`~flexasn.calendar.SpanTooLongError` before any work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal, Self
from zoneinfo import ZoneInfo

from pydantic import Field, StrictBool, StrictInt, model_validator

from ._model import Frozen
from .calendar import DayKind, check_span, day_info
from .errors import (
    AttendanceError,
    HoursError,
    HoursTypeError,
    ScheduleCoverageError,
    require_date,
    require_type,
)
from .legal import Citation, cite
from .messages import Language, render, require_language
from .people import Opd, WorkMode, canonical_kind
from .policy import Policy, get_policy
from .ramadan import ramadan_period
from .worktime import STANDARD_PATTERN, WorkSchedule, net_duration

PolicyArg = Policy | str | None
OpdArg = Opd | str | None

NATIONAL_POLICY = "nasional"
DAILY_NORM = timedelta(hours=7, minutes=30)
"""7 h 30 min per working day: Pasal 4's 37 h 30 min split over five days (flexasn's reading)."""
RAMADAN_DAILY_NORM = timedelta(hours=6, minutes=30)
"""6 h 30 min per working day in Ramadan: 32 h 30 min over five days (flexasn's reading)."""
START = time(7, 30)
RAMADAN_START = time(8, 0)
_BREAKS = {False: (60, 90), True: (30, 60)}  # ramadan -> (Monday-Thursday, Friday) minutes
_ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
MAX_RECORD = timedelta(hours=24)


# --- daily norms ----------------------------------------------------------------------


class DayNorm(Frozen):
    """What one day owes, with the times, the break and the law behind it.

    ``owed`` is zero on a weekend, national holiday or cuti bersama (and on a weekday a
    regional schedule leaves off). ``start``/``end`` are local times of the policy's
    zone; for the national default the end is derived (start + owed + break).
    """

    day: date
    kind: DayKind
    owed: timedelta
    start: time | None = None
    end: time | None = None
    break_time: timedelta = timedelta(0)
    ramadan: bool = False
    pattern: str = STANDARD_PATTERN
    schedule: str | None = None
    """The regional schedule's id; None where the national rule applies."""
    above_national_total: bool = False
    """True when the regional schedule's weekly total exceeds the national one (Perpres
    21/2023 Pasal 4): owed as the region decreed it, and flagged."""
    estimated: bool = False
    """True when the calendar or the Ramadan period behind the answer is an estimate."""
    basis: Citation


def _resolve(policy: PolicyArg) -> Policy:
    if isinstance(policy, Policy):
        return policy
    if policy is None:
        return get_policy(NATIONAL_POLICY)
    if not isinstance(policy, str):
        raise HoursTypeError(f"policy must be a Policy or a policy id, not {type(policy).__name__}")
    return get_policy(policy)


def _require(opd: OpdArg, pattern: str | None, strict: bool) -> None:
    """Check the types of the arguments the working-hours functions share."""
    require_type(opd, (Opd, str), "opd", optional=True, error=HoursTypeError)
    require_type(pattern, str, "pattern", optional=True, error=HoursTypeError)
    require_type(strict, bool, "strict", error=HoursTypeError)


def _pattern(policy: Policy, opd: OpdArg, pattern: str | None) -> str:
    known = {STANDARD_PATTERN} | {s.pattern for s in policy.work_schedule}
    if pattern is not None:
        if pattern not in known:
            raise HoursError(
                f"policy {policy.id!r} defines no work pattern {pattern!r}; "
                f"known: {', '.join(sorted(known))}"
            )
        return pattern
    if opd is None:
        return STANDARD_PATTERN
    problem: str | None = None
    try:
        kind = opd.kind if isinstance(opd, Opd) else canonical_kind(opd)
    except ValueError as exc:
        problem = str(exc)
    if problem is not None:  # raised outside the except block: no exception chain
        raise HoursError(problem)
    match = next((s.pattern for s in policy.work_schedule if kind in s.kinds), None)
    return match or STANDARD_PATTERN


def _check_day(day: object, name: str = "day") -> date:
    require_date(day, name, error=HoursTypeError)
    assert isinstance(day, date)
    return day


def _norm(day: date, policy: Policy, pattern: str, strict: bool) -> DayNorm:
    info = day_info(day, strict=strict)
    schedule: WorkSchedule | None = next(
        (s for s in policy.work_schedule if s.pattern == pattern and s.covers(day)), None
    )
    if schedule is None and pattern != STANDARD_PATTERN:
        spans = sorted(
            {str(d) for s in policy.work_schedule if s.pattern == pattern for d in s.days}
        )
        raise ScheduleCoverageError(day, policy.id, pattern, spans)
    if schedule is not None:
        hours = schedule.hours_on(day)
        if info.kind in (DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA) or hours is None:
            return DayNorm(
                day=day,
                kind=info.kind,
                owed=timedelta(0),
                ramadan=schedule.ramadan,
                pattern=pattern,
                schedule=schedule.id,
                above_national_total=schedule.above_national_total,
                estimated=info.estimated,
                basis=info.basis if hours is not None else schedule.citation(),
            )
        return DayNorm(
            day=day,
            kind=info.kind,
            owed=hours.net,
            start=hours.start,
            end=hours.end,
            break_time=hours.break_time,
            ramadan=schedule.ramadan,
            pattern=pattern,
            schedule=schedule.id,
            above_national_total=schedule.above_national_total,
            estimated=info.estimated,
            basis=schedule.citation(),
        )
    period = ramadan_period(day, strict=strict)
    in_ramadan = period is not None
    estimated = info.estimated or (period is not None and period.estimated)
    if not info.is_working_day:
        return DayNorm(
            day=day,
            kind=info.kind,
            owed=timedelta(0),
            ramadan=in_ramadan,
            estimated=estimated,
            basis=info.basis,
        )
    owed = RAMADAN_DAILY_NORM if in_ramadan else DAILY_NORM
    start = RAMADAN_START if in_ramadan else START
    mon_thu, friday = _BREAKS[in_ramadan]
    brk = timedelta(minutes=friday if day.weekday() == 4 else mon_thu)
    end = (datetime.combine(day, start) + owed + brk).time()
    return DayNorm(
        day=day,
        kind=info.kind,
        owed=owed,
        start=start,
        end=end,
        break_time=brk,
        ramadan=in_ramadan,
        estimated=estimated,
        basis=cite("perpres-21-2023", "Pasal 4", reading=True),
    )


def day_norm(
    day: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> DayNorm:
    """What ``day`` owes, with its times, break, Ramadan flag and basis.

    ``policy`` (a :class:`~flexasn.policy.Policy` or a bundled id; default: the national
    rule) may hold regional schedules; ``opd`` (an :class:`~flexasn.people.Opd` or its
    kind) or ``pattern`` (``"enam-hari"``) picks the schedule of units under Perpres
    21/2023 Pasal 7. Raises :class:`~flexasn.errors.CoverageError` for a date beyond the
    decreed calendar or Ramadan periods unless ``strict=False`` (then ``estimated`` is
    True), and :class:`ScheduleCoverageError` where the chosen pattern has no hours.
    """
    _require(opd, pattern, strict)
    p = _resolve(policy)
    return _norm(_check_day(day), p, _pattern(p, opd, pattern), strict)


def daily_norm(
    day: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> timedelta:
    """Hours owed on ``day``: 7 h 30 min on a working day, 6 h 30 min in Ramadan, 0 on a day off.

    Perpres 21/2023 Pasal 4 sets 37 h 30 min a week (32 h 30 min in Ramadan); flexasn
    splits it evenly over the working days (its reading, LAW.md §1). Weekends, national
    holidays and cuti bersama owe nothing (Pasal 3 and 6). A regional schedule in the
    policy replaces the default: ``daily_norm(date(2025, 3, 8), policy="kota-malang",
    pattern="enam-hari")`` is 4 h (a Saturday of Kota Malang's six-day Ramadan week).
    See :func:`day_norm` for the arguments and errors.
    """
    return day_norm(day, policy=policy, opd=opd, pattern=pattern, strict=strict).owed


def _days(start: date, end: date) -> list[date]:
    _check_day(start, "start")
    _check_day(end, "end")
    if end < start:
        raise HoursError(f"end {end.isoformat()} is before start {start.isoformat()}")
    # at most MAX_SPAN_DAYS (ten years): SpanTooLongError before any work
    return [start + timedelta(days=n) for n in range(check_span(start, end))]


def day_norms(
    start: date,
    end: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> tuple[DayNorm, ...]:
    """The :class:`DayNorm` of every day from ``start`` to ``end``, both inclusive.

    Every day is checked before anything is returned: no partial answer.
    """
    _require(opd, pattern, strict)
    p = _resolve(policy)
    chosen = _pattern(p, opd, pattern)
    return tuple(_norm(d, p, chosen, strict) for d in _days(start, end))


def required_hours(
    start: date,
    end: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> timedelta:
    """Hours owed from ``start`` to ``end``, both inclusive: the sum of :func:`daily_norm`.

    ``required_hours(date(2025, 5, 12), date(2025, 5, 16))`` is 22 h 30 min: 12 May is
    Vesak and 13 May cuti bersama, leaving three working days of 7 h 30 min (Perpres
    21/2023 Pasal 4 and 6). A whole Monday-Sunday week never owes more than 37 h 30 min.
    """
    norms = day_norms(start, end, policy=policy, opd=opd, pattern=pattern, strict=strict)
    return sum((n.owed for n in norms), timedelta(0))


# --- shift work (Permen PANRB 4/2025 Pasal 17 huruf a) ----------------------------------


class Shift(Frozen):
    """One shift: local start and end (an end at or before the start is the next day), break."""

    name: str | None = None
    start: time
    end: time
    break_minutes: StrictInt = Field(default=0, ge=0, le=240)

    @model_validator(mode="after")
    def _valid(self) -> Self:
        for value in (self.start, self.end):
            if value.tzinfo is not None or value.second or value.microsecond:
                raise ValueError("shift times are local whole minutes without a zone")
        if self.start == self.end:
            raise ValueError("a shift's end equals its start")
        if self.net <= timedelta(0):
            raise ValueError("the break is as long as the shift or longer")
        return self

    @property
    def net(self) -> timedelta:
        """Working time owed in the shift, break excluded."""
        return net_duration(self.start, self.end, self.break_minutes)


class ShiftPattern(Frozen):
    """A repeating shift roster: ``cycle[i]`` is worked on ``anchor + i`` days (mod its length).

    ``None`` in the cycle is a rest day. Shift work is the Permen PANRB 4/2025 Pasal 17
    huruf a form of flexible time, for duties needing more than 8 h 30 min a day or
    more than five days and 37.5 h a week (emergency rooms, IT monitoring, security).
    A shift unit keeps working on holidays unless ``on_holidays`` is False, in which
    case national holidays and cuti bersama owe nothing.
    """

    anchor: date
    cycle: tuple[Shift | None, ...] = Field(min_length=1, max_length=366)
    on_holidays: StrictBool = True

    @model_validator(mode="after")
    def _some_shift(self) -> Self:
        if all(s is None for s in self.cycle):
            raise ValueError("a shift pattern needs at least one shift")
        return self

    def shift_on(self, day: date) -> Shift | None:
        """The shift worked on ``day``; None on a rest day of the cycle."""
        return self.cycle[(day - self.anchor).days % len(self.cycle)]

    @property
    def average_week(self) -> timedelta:
        """Hours a week the cycle averages (exact only when the cycle's length divides evenly)."""
        total = sum((s.net for s in self.cycle if s is not None), timedelta(0))
        return total * 7 / len(self.cycle)


def _shift_norm(day: date, shift: ShiftPattern, strict: bool) -> DayNorm:
    info = day_info(day, strict=strict)
    on = shift.shift_on(day)
    basis = cite("permen-panrb-4-2025", "Pasal 17")
    holiday = info.kind in (DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA)
    if on is None or (holiday and not shift.on_holidays):
        return DayNorm(
            day=day,
            kind=info.kind,
            owed=timedelta(0),
            pattern="sif",
            estimated=info.estimated,
            basis=info.basis if on is not None else basis,
        )
    return DayNorm(
        day=day,
        kind=info.kind,
        owed=on.net,
        start=on.start,
        end=on.end,
        break_time=timedelta(minutes=on.break_minutes),
        pattern="sif",
        estimated=info.estimated,
        basis=basis,
    )


# --- attendance check -----------------------------------------------------------------


class AttendanceRecord(Frozen):
    """One attendance record: presence from ``start`` to ``end`` (aware datetimes)."""

    start: datetime
    end: datetime
    mode: WorkMode | None = None
    row: StrictInt | None = Field(default=None, ge=1)
    """The row of the file it was read from (1 = the header), set by
    :func:`~flexasn.attendance.read_attendance`; a finding's record index leads to it."""


class FindingCode(StrEnum):
    """Stable codes of what :func:`check_hours` finds. Never renamed."""

    UNDER_WEEKLY_TOTAL = "under_weekly_total"
    RECORD_ON_DAY_OFF = "record_on_day_off"
    LATE_START = "late_start"
    OVERLAPPING_RECORDS = "overlapping_records"
    END_BEFORE_START = "end_before_start"
    SCHEDULE_ABOVE_NATIONAL_TOTAL = "schedule_above_national_total"


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
    """The result of :func:`check_hours`: per day, per week, totals and findings."""

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


def _hm(value: timedelta) -> str:
    minutes = int(value.total_seconds()) // 60
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60}:{minutes % 60:02d}"


def _read_record(index: int, raw: object) -> tuple[datetime, datetime]:
    if isinstance(raw, AttendanceRecord):
        return raw.start, raw.end
    if isinstance(raw, Mapping):
        missing = [k for k in ("start", "end") if k not in raw]
        if missing:
            raise AttendanceError(f"missing key {missing[0]!r}", record=index, field=missing[0])
        return _as_datetime(index, "start", raw["start"]), _as_datetime(index, "end", raw["end"])
    if isinstance(raw, tuple | list) and len(raw) == 2:
        return _as_datetime(index, "start", raw[0]), _as_datetime(index, "end", raw[1])
    raise AttendanceError(
        f"expected an AttendanceRecord, a (start, end) pair or a mapping with 'start' and "
        f"'end', not {type(raw).__name__}",
        record=index,
    )


def _as_datetime(index: int, field: str, value: object) -> datetime:
    if not isinstance(value, datetime):
        raise AttendanceError(
            f"expected a datetime, not {type(value).__name__}", record=index, field=field
        )
    return value


def _localise(index: int, field: str, value: datetime, zone: ZoneInfo, assume: bool) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        if not assume:
            raise AttendanceError(
                f"naive datetime with no time zone; pass aware datetimes or "
                f"assume_local_time=True to read it in {zone.key} / waktu tanpa zona",
                record=index,
                field=field,
            )
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def _union(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for begin, finish in sorted(intervals):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


def check_hours(
    logs: Iterable[AttendanceRecord | tuple[datetime, datetime] | Mapping[str, object]],
    *,
    policy: PolicyArg = None,
    start: date | None = None,
    end: date | None = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    dynamic: bool = False,
    shift: ShiftPattern | None = None,
    assume_local_time: bool = False,
    on_invalid: Literal["raise", "report"] = "raise",
    strict: bool = True,
) -> HoursReport:
    """Check one person's attendance records against the hours owed (Perpres 21/2023).

    ``logs`` are presence records (check-in, check-out): :class:`AttendanceRecord`,
    ``(start, end)`` pairs or mappings with ``start`` and ``end`` (other keys are
    ignored). Datetimes must be aware; naive ones are read in the policy's zone (WIB,
    WITA, WIT) only with ``assume_local_time=True``. A record belongs to the local day it
    starts on (a night shift belongs to the day it begins).

    The span is ``start``..``end`` (inclusive; default: the first to the last record's
    day). For each day: time present (overlaps counted once), less the day's break
    where the records do not already leave that much time between them, gives the hours
    worked; the balance is worked minus owed. Weeks run Monday to Sunday; every hour
    worked in the span counts towards its week (Pasal 9: the weekly total is what must
    be met).

    Findings, each with its basis: ``under_weekly_total`` (Pasal 4 or the regional
    schedule; Pasal 9 when the week has WFH/WFA records; Pasal 17 for flexible time),
    ``record_on_day_off`` (the calendar's basis; a notice: work on a holiday is
    compensated, not forbidden), ``schedule_above_national_total`` (a notice, once per
    week: the regional schedule owed that week exceeds the national weekly total of
    Pasal 4; the hours are owed as the region decreed them), ``late_start`` (fixed
    hours and shifts only: dynamic hours, Permen 4/2025 Pasal 17 b, accept any start),
    and with
    ``on_invalid="report"`` ``overlapping_records`` and ``end_before_start`` (the bad
    records are then left out of the totals; with the default ``"raise"`` they are an
    :class:`AttendanceError`). ``shift`` checks the records against a shift roster
    (Pasal 17 a) instead of office hours.

    Bad input (a naive datetime, a record over 24 hours, a record outside the span, a
    date beyond the covered years when ``strict``) raises; no partial report.
    """
    if isinstance(logs, Mapping | str | bytes) or not isinstance(logs, Iterable):
        raise HoursTypeError(
            f"logs must be an iterable of records, not {type(logs).__name__} "
            "(a single mapping or string is not taken)"
        )
    _require(opd, pattern, strict)
    require_date(start, "start", optional=True, error=HoursTypeError)
    require_date(end, "end", optional=True, error=HoursTypeError)
    for flag, name in ((dynamic, "dynamic"), (assume_local_time, "assume_local_time")):
        require_type(flag, bool, name, error=HoursTypeError)
    require_type(on_invalid, str, "on_invalid", error=HoursTypeError)
    require_type(shift, ShiftPattern, "shift", optional=True, error=HoursTypeError)
    if dynamic and shift is not None:
        raise HoursError("choose dynamic hours or a shift pattern, not both (Pasal 17)")
    if on_invalid not in ("raise", "report"):
        raise HoursError(f"on_invalid must be 'raise' or 'report', not {on_invalid!r}")
    p = _resolve(policy)
    zone = ZoneInfo(p.timezone)
    raw_records = list(logs)

    # 1. Read and localise every record; collect the invalid ones.
    records: list[tuple[int, datetime, datetime]] = []
    remote: set[int] = {
        i
        for i, raw in enumerate(raw_records)
        if isinstance(raw, AttendanceRecord) and raw.mode in (WorkMode.WFH, WorkMode.WFA)
    }
    findings: list[HoursFinding] = []
    reading = cite("perpres-21-2023", "Pasal 4", reading=True)
    file_rows = {
        i: raw.row
        for i, raw in enumerate(raw_records)
        if isinstance(raw, AttendanceRecord) and raw.row is not None
    }

    def bad(index: int, field: str, id_: str, en: str) -> AttendanceError:
        """An error at a record: its file row, else its index in ``logs``."""
        row = file_rows.get(index)
        record = None if row is not None else index
        return AttendanceError({"id": id_, "en": en}, row=row, record=record, field=field)

    def named(index: int, lang: Language) -> str:
        """A record as people find it: its file row, else its index in ``logs``."""
        if index in file_rows:
            return f"{render('errors.place_row', lang)} {file_rows[index]}"
        return f"{render('errors.place_record', lang)} {index}"

    for index, raw in enumerate(raw_records):
        begin, finish = _read_record(index, raw)
        begin = _localise(index, "start", begin, zone, assume_local_time)
        finish = _localise(index, "end", finish, zone, assume_local_time)
        if finish <= begin:
            if on_invalid == "raise":  # no times in the message: they are personal data
                raise bad(
                    index,
                    "end",
                    "jam pulang tidak setelah jam masuk",
                    "the end is not after the start",
                )
            findings.append(
                HoursFinding(
                    code=FindingCode.END_BEFORE_START,
                    severity=Severity.VIOLATION,
                    day=begin.date(),
                    records=(index,),
                    basis=reading,
                    message_id=f"{named(index, 'id').capitalize()}: jam pulang tidak setelah "
                    "jam masuk; tidak dihitung.",
                    message_en=f"{named(index, 'en').capitalize()}: the end is not after the "
                    "start; not counted.",
                )
            )
            continue
        if finish - begin > MAX_RECORD:
            raise bad(index, "end", "lebih dari 24 jam", "lasts more than 24 hours")
        records.append((index, begin, finish))

    # 2. The span, checked against the records.
    record_days = [b.date() for _, b, _ in records] + [f.day for f in findings if f.day]
    first = start if start is not None else min(record_days, default=None)
    last = end if end is not None else max(record_days, default=None)
    if first is None or last is None:
        raise HoursError("no records and no span: pass start and end / tidak ada catatan")
    days = _days(first, last)
    for index, begin, _ in records:
        if not first <= begin.date() <= last:
            span = f"{first.isoformat()}..{last.isoformat()}"
            raise bad(
                index, "start", f"dimulai di luar rentang {span}", f"starts outside the span {span}"
            )

    # 3. Overlapping records.
    ordered = sorted(records, key=lambda r: (r[1], r[0]))
    latest: tuple[int, datetime] | None = None
    for index, begin, finish in ordered:
        if latest is not None and begin < latest[1]:
            pair = tuple(sorted((latest[0], index)))
            if on_invalid == "raise":
                raise bad(
                    index,
                    "start",
                    f"tumpang tindih dengan {named(latest[0], 'id')}",
                    f"overlaps {named(latest[0], 'en')}",
                )
            findings.append(
                HoursFinding(
                    code=FindingCode.OVERLAPPING_RECORDS,
                    severity=Severity.VIOLATION,
                    day=begin.date(),
                    records=pair,
                    basis=reading,
                    message_id=f"{named(pair[0], 'id').capitalize()} dan "
                    f"{named(pair[1], 'id')} tumpang tindih; waktu yang sama dihitung sekali.",
                    message_en=f"{named(pair[0], 'en').capitalize()} and "
                    f"{named(pair[1], 'en')} overlap; the shared time is counted once.",
                )
            )
        if latest is None or finish > latest[1]:
            latest = (index, finish)

    # 4. Norms (may raise CoverageError: before any result is built).
    if shift is not None:
        norms = [_shift_norm(d, shift, strict) for d in days]
        mode: TimeMode = "sif"
    else:
        chosen = _pattern(p, opd, pattern)
        norms = [_norm(d, p, chosen, strict) for d in days]
        mode = "dinamis" if dynamic else "tetap"

    # 5. Per day.
    by_day: dict[date, list[tuple[int, datetime, datetime]]] = {d: [] for d in days}
    for rec in records:
        by_day[rec[1].date()].append(rec)
    day_rows: list[DayHours] = []
    for norm in norms:
        recs = sorted(by_day[norm.day], key=lambda r: (r[1], r[0]))
        merged = _union([(b, f) for _, b, f in recs])
        present = sum((f - b for b, f in merged), timedelta(0))
        gaps = sum((merged[i + 1][0] - merged[i][1] for i in range(len(merged) - 1)), timedelta(0))
        deducted = min(present, max(timedelta(0), norm.break_time - gaps))
        worked = present - deducted
        indices = tuple(sorted(i for i, _, _ in recs))
        day_rows.append(
            DayHours(
                day=norm.day,
                kind=norm.kind,
                owed=norm.owed,
                worked=worked,
                balance=worked - norm.owed,
                present=present,
                break_deducted=deducted,
                records=indices,
                ramadan=norm.ramadan,
                schedule=norm.schedule,
                estimated=norm.estimated,
            )
        )
        if recs and norm.owed == timedelta(0):
            findings.append(
                HoursFinding(
                    code=FindingCode.RECORD_ON_DAY_OFF,
                    severity=Severity.NOTICE,
                    day=norm.day,
                    records=indices,
                    basis=norm.basis,
                    message_id=f"{norm.day.isoformat()} bukan hari kerja ({_day_label(norm, 'id')})"
                    f", tetapi ada catatan kehadiran {_hm(worked)} jam.",
                    message_en=f"{norm.day.isoformat()} is not a working day "
                    f"({_day_label(norm, 'en')}) but has {_hm(worked)} h of attendance.",
                )
            )
        if recs and norm.owed > timedelta(0) and not dynamic and norm.start is not None:
            first_in = recs[0][1]
            due = datetime.combine(norm.day, norm.start, tzinfo=zone)
            if first_in > due:
                zone_name = _ZONE_NAMES.get(p.timezone, p.timezone)
                findings.append(
                    HoursFinding(
                        code=FindingCode.LATE_START,
                        severity=Severity.WARNING,
                        day=norm.day,
                        records=(recs[0][0],),
                        basis=norm.basis,
                        message_id=f"{norm.day.isoformat()}: mulai {first_in:%H.%M} {zone_name}, "
                        f"jam kerja mulai {norm.start:%H.%M}.",
                        message_en=f"{norm.day.isoformat()}: started {first_in:%H:%M} "
                        f"{zone_name}; work starts at {norm.start:%H:%M}.",
                    )
                )

    # 6. Per week.
    week_rows: list[WeekHours] = []
    for week_start in sorted({d - timedelta(days=d.weekday()) for d in days}):
        inside = [r for r in day_rows if week_start <= r.day < week_start + timedelta(days=7)]
        owed = sum((r.owed for r in inside), timedelta(0))
        worked = sum((r.worked for r in inside), timedelta(0))
        week = WeekHours(
            week_start=week_start,
            first_day=inside[0].day,
            last_day=inside[-1].day,
            owed=owed,
            worked=worked,
            balance=worked - owed,
            complete=len(inside) == 7,
        )
        week_rows.append(week)
        above = next(
            (
                n
                for n in norms
                if week.first_day <= n.day <= week.last_day and n.above_national_total
            ),
            None,
        )
        if above is not None:
            findings.append(_above_national(week, above, p))
        if worked < owed:
            away = any(i in remote for r in inside for i in r.records)
            findings.append(_under_weekly(week, norms, mode, away))

    findings.sort(key=lambda f: (f.day or f.week_start or first, f.code.value, f.records))
    owed_total = sum((r.owed for r in day_rows), timedelta(0))
    worked_total = sum((r.worked for r in day_rows), timedelta(0))
    return HoursReport(
        first_day=first,
        last_day=last,
        timezone=p.timezone,
        time_mode=mode,
        days=tuple(day_rows),
        weeks=tuple(week_rows),
        owed=owed_total,
        worked=worked_total,
        balance=worked_total - owed_total,
        findings=tuple(findings),
    )


_KIND_LABELS: dict[DayKind, tuple[str, str]] = {
    DayKind.WORKING_DAY: ("hari libur pola kerja", "a rest day of the work pattern"),
    DayKind.WEEKEND: ("akhir pekan", "weekend"),
    DayKind.NATIONAL_HOLIDAY: ("libur nasional", "national holiday"),
    DayKind.CUTI_BERSAMA: ("cuti bersama", "cuti bersama (joint leave)"),
}


def _day_label(norm: DayNorm, lang: Language) -> str:
    labels = _KIND_LABELS[norm.kind]
    return labels[0] if lang == "id" else labels[1]


def _above_national(week: WeekHours, norm: DayNorm, policy: Policy) -> HoursFinding:
    schedule = next(s for s in policy.work_schedule if s.id == norm.schedule)
    total, national = _hm(schedule.weekly_total), _hm(schedule.national_total)
    ramadan_id, ramadan_en = (" Ramadan", " Ramadan") if schedule.ramadan else ("", "")
    return HoursFinding(
        code=FindingCode.SCHEDULE_ABOVE_NATIONAL_TOTAL,
        severity=Severity.NOTICE,
        week_start=week.week_start,
        basis=schedule.citation(),
        message_id=f"Pekan mulai {week.week_start.isoformat()}: jadwal daerah "
        f"'{schedule.id}' menetapkan {total} jam seminggu, di atas {national} jam{ramadan_id} "
        "nasional (Perpres 21/2023 Pasal 4); jam wajib dihitung menurut jadwal daerah.",
        message_en=f"Week of {week.week_start.isoformat()}: regional schedule "
        f"'{schedule.id}' sets {total} h a week, above the national{ramadan_en} {national} h "
        "(Perpres 21/2023 Pasal 4); hours owed follow the regional schedule.",
    )


def _under_weekly(
    week: WeekHours, norms: list[DayNorm], mode: TimeMode, remote: bool
) -> HoursFinding:
    if remote:  # Perpres 21/2023 Pasal 9: flexible location never lowers the weekly total
        basis = cite("perpres-21-2023", "Pasal 9")
    elif mode == "tetap":
        owed_days = [n for n in norms if week.first_day <= n.day <= week.last_day and n.owed]
        basis = owed_days[0].basis if owed_days else cite("perpres-21-2023", "Pasal 4")
    else:
        basis = cite("permen-panrb-4-2025", "Pasal 17")
    short = week.owed - week.worked
    return HoursFinding(
        code=FindingCode.UNDER_WEEKLY_TOTAL,
        severity=Severity.VIOLATION,
        week_start=week.week_start,
        basis=basis,
        message_id=f"Pekan mulai {week.week_start.isoformat()}: bekerja {_hm(week.worked)} dari "
        f"{_hm(week.owed)} jam wajib; kurang {_hm(short)}.",
        message_en=f"Week of {week.week_start.isoformat()}: worked {_hm(week.worked)} of "
        f"{_hm(week.owed)} h owed; {_hm(short)} short.",
    )


__all__ = [
    "DAILY_NORM",
    "RAMADAN_DAILY_NORM",
    "AttendanceError",
    "AttendanceRecord",
    "DayHours",
    "DayNorm",
    "FindingCode",
    "HoursError",
    "HoursFinding",
    "HoursReport",
    "ScheduleCoverageError",
    "Severity",
    "Shift",
    "ShiftPattern",
    "WeekHours",
    "check_hours",
    "daily_norm",
    "day_norm",
    "day_norms",
    "required_hours",
]
