"""Checking one person's attendance against the hours owed: [`check_hours`][flexasn.check_hours].

The check runs in six steps, each a function: read and localise the records, fix the
span, find overlaps (`flexasn.hours.records`), then the norms of each day, the
rows and findings of each day, and those of each week (here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from .._model import week_of
from ..calendar import DayKind
from ..errors import HoursError, HoursTypeError, require_date, require_type
from ..legal import cite
from ..messages import LANGUAGES as LANGS
from ..messages import render, render_all
from ..policy import Policy
from .norms import (
    DayNorm,
    OpdArg,
    PolicyArg,
    check_arguments,
    norm_on,
    pick_pattern,
    resolve_policy,
)
from .records import Record, RecordSet, finding_messages, overlaps, read_records, span_of, union
from .report import (
    AttendanceRecord,
    DayHours,
    FindingCode,
    HoursFinding,
    HoursReport,
    Severity,
    TimeMode,
    WeekHours,
    hm,
)
from .shifts import ShiftPattern, shift_norm
from .zones import zone_name


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

    ``logs`` are presence records (check-in, check-out):
    [`AttendanceRecord`][flexasn.AttendanceRecord],
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
    records are then left out of the totals; with the default ``"raise"`` they are an
    [`AttendanceError`][flexasn.AttendanceError]). ``shift`` checks the records against a shift
    roster
    (Pasal 17 a) instead of office hours.

    Bad input (a naive datetime, a record over 24 hours, a record outside the span, a
    date beyond the covered years when ``strict``) raises; no partial report.
    """
    _check_arguments(
        logs, opd, pattern, start, end, dynamic, shift, assume_local_time, on_invalid, strict
    )
    p = resolve_policy(policy)
    zone = ZoneInfo(p.timezone)
    reading = cite("perpres-21-2023", "Pasal 4", reading=True)
    records = RecordSet(list(logs), on_invalid, reading)
    read, findings = read_records(records, zone, assume_local_time)  # 1
    days = span_of(read, findings, records, start, end)  # 2
    findings += overlaps(read, records)  # 3
    mode: TimeMode = "sif" if shift is not None else "dinamis" if dynamic else "tetap"
    norms = _norms(days, p, opd, pattern, shift, strict)  # 4 (may raise CoverageError)
    day_rows, day_findings = _day_rows(read, norms, p, zone, dynamic)  # 5
    week_rows, week_findings = _week_rows(day_rows, norms, p, mode, records.remote)  # 6
    findings += day_findings + week_findings
    first, last = days[0], days[-1]
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


def _check_arguments(
    logs: object,
    opd: OpdArg,
    pattern: str | None,
    start: date | None,
    end: date | None,
    dynamic: bool,
    shift: ShiftPattern | None,
    assume_local_time: bool,
    on_invalid: str,
    strict: bool,
) -> None:
    """The types and combinations of [`check_hours`][flexasn.check_hours]'s arguments, before any
    work."""
    if isinstance(logs, Mapping | str | bytes) or not isinstance(logs, Iterable):
        raise HoursTypeError(render_all("hours.logs_type", type=type(logs).__name__))
    check_arguments(opd, pattern, strict)
    require_date(start, "start", optional=True, error=HoursTypeError)
    require_date(end, "end", optional=True, error=HoursTypeError)
    for flag, name in ((dynamic, "dynamic"), (assume_local_time, "assume_local_time")):
        require_type(flag, bool, name, error=HoursTypeError)
    require_type(on_invalid, str, "on_invalid", error=HoursTypeError)
    require_type(shift, ShiftPattern, "shift", optional=True, error=HoursTypeError)
    if dynamic and shift is not None:
        raise HoursError(render_all("hours.dynamic_and_shift"))
    if on_invalid not in ("raise", "report"):
        raise HoursError(render_all("hours.on_invalid", value=repr(on_invalid)))


def _norms(
    days: list[date],
    policy: Policy,
    opd: OpdArg,
    pattern: str | None,
    shift: ShiftPattern | None,
    strict: bool,
) -> list[DayNorm]:
    """Step 4: what each day owes, by the shift roster or by the policy's hours."""
    if shift is not None:
        return [shift_norm(d, shift, strict) for d in days]
    chosen = pick_pattern(policy, opd, pattern)
    return [norm_on(d, policy, chosen, strict) for d in days]


def _day_rows(
    read: list[Record], norms: list[DayNorm], policy: Policy, zone: ZoneInfo, dynamic: bool
) -> tuple[list[DayHours], list[HoursFinding]]:
    """Step 5: each day's row (present, break, worked, balance) and its findings."""
    by_day: dict[date, list[Record]] = {n.day: [] for n in norms}
    for rec in read:
        by_day[rec[1].date()].append(rec)
    rows: list[DayHours] = []
    findings: list[HoursFinding] = []
    for norm in norms:
        recs = sorted(by_day[norm.day], key=lambda r: (r[1], r[0]))
        row = _day_row(norm, recs)
        rows.append(row)
        if recs and norm.owed == timedelta(0):
            findings.append(_on_day_off(norm, row))
        if recs and norm.owed > timedelta(0) and not dynamic and norm.start is not None:
            late = _late_start(norm, recs[0], policy, zone)
            if late is not None:
                findings.append(late)
    return rows, findings


def _day_row(norm: DayNorm, recs: list[Record]) -> DayHours:
    """One day: time present (overlaps once), less the break the records do not leave."""
    merged = union([(b, f) for _, b, f in recs])
    present = sum((f - b for b, f in merged), timedelta(0))
    gaps = sum((merged[i + 1][0] - merged[i][1] for i in range(len(merged) - 1)), timedelta(0))
    deducted = min(present, max(timedelta(0), norm.break_time - gaps))
    worked = present - deducted
    return DayHours(
        day=norm.day,
        kind=norm.kind,
        owed=norm.owed,
        worked=worked,
        balance=worked - norm.owed,
        present=present,
        break_deducted=deducted,
        records=tuple(sorted(i for i, _, _ in recs)),
        ramadan=norm.ramadan,
        schedule=norm.schedule,
        estimated=norm.estimated,
    )


def _on_day_off(norm: DayNorm, row: DayHours) -> HoursFinding:
    """A ``record_on_day_off`` notice: work on a day off is compensated, not forbidden."""
    return HoursFinding(
        code=FindingCode.RECORD_ON_DAY_OFF,
        severity=Severity.NOTICE,
        day=norm.day,
        records=row.records,
        basis=norm.basis,
        **finding_messages(
            "hours.record_on_day_off",
            day=norm.day.isoformat(),
            label=_day_label(norm.kind),
            worked=hm(row.worked),
        ),
    )


def _late_start(
    norm: DayNorm, first: Record, policy: Policy, zone: ZoneInfo
) -> HoursFinding | None:
    """A ``late_start`` warning when the day's first record begins after the start time."""
    assert norm.start is not None
    first_in = first[1]
    if first_in <= datetime.combine(norm.day, norm.start, tzinfo=zone):
        return None
    return HoursFinding(
        code=FindingCode.LATE_START,
        severity=Severity.WARNING,
        day=norm.day,
        records=(first[0],),
        basis=norm.basis,
        **finding_messages(
            "hours.late_start",
            day=norm.day.isoformat(),
            started=_clock(first_in.hour, first_in.minute),
            zone=zone_name(policy.timezone),
            due=_clock(norm.start.hour, norm.start.minute),
        ),
    )


def _clock(hour: int, minute: int) -> dict[str, str]:
    """A time of day as each language writes it (07.30, 07:30)."""
    return {lang: render("hours.clock", lang, hour=hour, minute=minute) for lang in LANGS}


def _day_label(kind: DayKind) -> dict[str, str]:
    """Why a day owes nothing, in each language."""
    return {lang: render(f"hours_day_off.{kind.value}", lang) for lang in LANGS}


def _week_rows(
    day_rows: list[DayHours],
    norms: list[DayNorm],
    policy: Policy,
    mode: TimeMode,
    remote: set[int],
) -> tuple[list[WeekHours], list[HoursFinding]]:
    """Step 6: each Monday-Sunday week (only the days inside the span) and its findings."""
    weeks: list[WeekHours] = []
    findings: list[HoursFinding] = []
    for week_start in sorted({week_of(r.day) for r in day_rows}):
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
        weeks.append(week)
        in_week = [n for n in norms if week.first_day <= n.day <= week.last_day]
        above = next((n for n in in_week if n.above_national_total), None)
        if above is not None:
            findings.append(_above_national(week, above, policy))
        if worked < owed:
            away = any(i in remote for r in inside for i in r.records)
            findings.append(_under_weekly(week, in_week, mode, away))
    return weeks, findings


def _above_national(week: WeekHours, norm: DayNorm, policy: Policy) -> HoursFinding:
    """A ``schedule_above_national_total`` notice, once per week."""
    schedule = next(s for s in policy.work_schedule if s.id == norm.schedule)
    key = "hours.above_national_ramadan" if schedule.ramadan else "hours.above_national"
    return HoursFinding(
        code=FindingCode.SCHEDULE_ABOVE_NATIONAL_TOTAL,
        severity=Severity.NOTICE,
        week_start=week.week_start,
        basis=schedule.citation(),
        **finding_messages(
            key,
            week=week.week_start.isoformat(),
            schedule=schedule.id,
            total=hm(schedule.weekly_total),
            national=hm(schedule.national_total),
        ),
    )


def _under_weekly(
    week: WeekHours, norms: list[DayNorm], mode: TimeMode, remote: bool
) -> HoursFinding:
    """An ``under_weekly_total`` violation, with the basis of the total missed."""
    if remote:  # Perpres 21/2023 Pasal 9: flexible location never lowers the weekly total
        basis = cite("perpres-21-2023", "Pasal 9")
    elif mode == "tetap":
        owed_days = [n for n in norms if n.owed]
        basis = owed_days[0].basis if owed_days else cite("perpres-21-2023", "Pasal 4")
    else:
        basis = cite("permen-panrb-4-2025", "Pasal 17")
    return HoursFinding(
        code=FindingCode.UNDER_WEEKLY_TOTAL,
        severity=Severity.VIOLATION,
        week_start=week.week_start,
        basis=basis,
        **finding_messages(
            "hours.under_weekly",
            week=week.week_start.isoformat(),
            worked=hm(week.worked),
            owed=hm(week.owed),
            short=hm(week.owed - week.worked),
        ),
    )


__all__ = ["check_hours"]
