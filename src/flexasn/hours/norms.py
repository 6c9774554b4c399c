"""Hours owed, by the national rule or a regional schedule: the working hours of each day
([`working_hours`][flexasn.working_hours]: times, break, Ramadan, basis) and the hours owed
on a day ([`daily_norm`][flexasn.daily_norm]) or over a span
([`required_hours`][flexasn.required_hours]).

A day owes the national hours (Perpres 21/2023 Pasal 4, `flexasn.hours.national`)
unless the policy holds a regional schedule ([`WorkSchedule`][flexasn.WorkSchedule])
for it; weekends, national holidays and cuti bersama owe nothing (Pasal 3 and 6).

`day_norm` and `day_norms` are deprecated aliases of
[`working_hours`][flexasn.working_hours], kept for one release.
"""

from __future__ import annotations

import warnings
from datetime import date, time, timedelta

from .._model import Frozen, each_day
from ..calendar import DayInfo, DayKind, check_span, day_info
from ..errors import HoursError, HoursTypeError, ScheduleCoverageError, require_date, require_type
from ..legal import Citation, cite
from ..messages import render, render_all
from ..people import Opd, canonical_kind
from ..policy import Policy, get_policy
from ..ramadan import ramadan_period
from ..worktime import STANDARD_PATTERN, WorkSchedule
from .national import national_hours

PolicyArg = Policy | str | None
OpdArg = Opd | str | None

NATIONAL_POLICY = "nasional"


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


def resolve_policy(policy: PolicyArg) -> Policy:
    """The policy asked for: a [`Policy`][flexasn.Policy], a bundled id, or (None)
    the national one."""
    if isinstance(policy, Policy):
        return policy
    if policy is None:
        return get_policy(NATIONAL_POLICY)
    if not isinstance(policy, str):
        raise HoursTypeError(render_all("hours.policy_type", type=type(policy).__name__))
    return get_policy(policy)


def check_arguments(opd: OpdArg, pattern: str | None, strict: bool) -> None:
    """Check the types of the arguments the working-hours functions share."""
    require_type(opd, (Opd, str), "opd", optional=True, error=HoursTypeError)
    require_type(pattern, str, "pattern", optional=True, error=HoursTypeError)
    require_type(strict, bool, "strict", error=HoursTypeError)


def pick_pattern(policy: Policy, opd: OpdArg, pattern: str | None) -> str:
    """The work pattern that applies: ``pattern`` if the policy knows it, else the one the
    OPD's kind follows, else ``"standar"``."""
    known = {STANDARD_PATTERN} | {s.pattern for s in policy.work_schedule}
    if pattern is not None:
        if pattern not in known:
            known_list = ", ".join(sorted(known))
            detail = render_all(
                "hours.unknown_pattern", policy=policy.id, pattern=pattern, known=known_list
            )
            raise HoursError(detail)
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


def check_day(day: object, name: str = "day") -> date:
    """``day`` if it is a plain ``datetime.date``, else
    [`HoursTypeError`][flexasn.hours.norms.HoursTypeError]."""
    require_date(day, name, error=HoursTypeError)
    assert isinstance(day, date)
    return day


def norm_on(day: date, policy: Policy, pattern: str, strict: bool) -> DayNorm:
    """What ``day`` owes under ``policy``'s schedule for ``pattern``, else the national rule."""
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
        return regional_norm(info, schedule, pattern)
    return national_norm(info, strict)


def regional_norm(info: DayInfo, schedule: WorkSchedule, pattern: str) -> DayNorm:
    """What the day of ``info`` owes under a regional ``schedule`` that covers it: nothing
    on a national holiday, on cuti bersama or on a weekday the schedule leaves off."""
    hours = schedule.hours_on(info.day)
    regional = {
        "day": info.day,
        "kind": info.kind,
        "ramadan": schedule.ramadan,
        "pattern": pattern,
        "schedule": schedule.id,
        "above_national_total": schedule.above_national_total,
        "estimated": info.estimated,
    }
    if info.kind in (DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA) or hours is None:
        basis = info.basis if hours is not None else schedule.citation()
        return DayNorm(owed=timedelta(0), basis=basis, **regional)
    return DayNorm(
        owed=hours.net,
        start=hours.start,
        end=hours.end,
        break_time=hours.break_time,
        basis=schedule.citation(),
        **regional,
    )


def national_norm(info: DayInfo, strict: bool) -> DayNorm:
    """What the day of ``info`` owes under the national rule (Perpres 21/2023 Pasal 4):
    nothing on a day off, else the standard or the Ramadan hours."""
    period = ramadan_period(info.day, strict=strict)
    in_ramadan = period is not None
    estimated = info.estimated or (period is not None and period.estimated)
    if not info.is_working_day:
        return DayNorm(
            day=info.day,
            kind=info.kind,
            owed=timedelta(0),
            ramadan=in_ramadan,
            estimated=estimated,
            basis=info.basis,
        )
    hours = national_hours(info.day, in_ramadan)
    assert hours is not None, "a national working day is a weekday the Perpres lists"
    return DayNorm(
        day=info.day,
        kind=info.kind,
        owed=hours.net,
        start=hours.start,
        end=hours.end,
        break_time=hours.break_time,
        ramadan=in_ramadan,
        estimated=estimated,
        basis=cite("perpres-21-2023", "Pasal 4", reading=True),
    )


def norm_of_day(
    day: date,
    *,
    policy: PolicyArg,
    opd: OpdArg,
    pattern: str | None,
    strict: bool,
    name: str = "day",
) -> DayNorm:
    """What ``day`` owes (its [`DayNorm`][flexasn.DayNorm]); the arguments are checked in
    this order: the options, the policy, the day (called ``name`` in an error), the pattern."""
    check_arguments(opd, pattern, strict)
    p = resolve_policy(policy)
    return norm_on(check_day(day, name), p, pick_pattern(p, opd, pattern), strict)


def norms_between(
    start: date, end: date, *, policy: PolicyArg, opd: OpdArg, pattern: str | None, strict: bool
) -> tuple[DayNorm, ...]:
    """The [`DayNorm`][flexasn.DayNorm] of every day from ``start`` to ``end``, both
    inclusive; the arguments are checked in this order: the options, the policy, the
    pattern, the days (all of them before any work)."""
    check_arguments(opd, pattern, strict)
    p = resolve_policy(policy)
    chosen = pick_pattern(p, opd, pattern)
    return tuple(norm_on(d, p, chosen, strict) for d in span_days(start, end))


def working_hours(
    start: date,
    end: date | None = None,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> tuple[DayNorm, ...]:
    """The working hours (jam kerja) of every day from ``start`` to ``end``, both inclusive
    (``end`` omitted: ``start`` alone): one [`DayNorm`][flexasn.DayNorm] per day, with the
    hours owed, the start and end times, the break, the Ramadan flag and the basis.

    ``working_hours(date(2025, 3, 3))`` is one Monday of Ramadan 1446 H: 6 h 30 min owed
    from 08.00, a 30-minute break (Perpres 21/2023 Pasal 4). ``policy`` (a
    [`Policy`][flexasn.Policy] or a bundled id; default: the national rule) may hold
    regional schedules; ``opd`` (an [`Opd`][flexasn.Opd] or its kind) or ``pattern``
    (``"enam-hari"``) picks the schedule of units under Perpres 21/2023 Pasal 7. Every
    day is checked before anything is returned: no partial answer. Raises
    [`CoverageError`][flexasn.CoverageError] for a date beyond the decreed calendar or
    Ramadan periods unless ``strict=False`` (then ``estimated`` is True), and
    [`ScheduleCoverageError`][flexasn.ScheduleCoverageError] where the chosen pattern has
    no hours. [`daily_norm`][flexasn.daily_norm] and
    [`required_hours`][flexasn.required_hours] give the hours owed alone.
    """
    if end is None:
        one = norm_of_day(
            start, policy=policy, opd=opd, pattern=pattern, strict=strict, name="start"
        )
        return (one,)
    return norms_between(start, end, policy=policy, opd=opd, pattern=pattern, strict=strict)


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
    See [`working_hours`][flexasn.working_hours] for the arguments, the errors and the
    day's times.
    """
    return norm_of_day(day, policy=policy, opd=opd, pattern=pattern, strict=strict).owed


def span_days(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both inclusive, checked first."""
    check_day(start, "start")
    check_day(end, "end")
    if end < start:
        detail = render_all(
            "hours.end_before_span_start", end=end.isoformat(), start=start.isoformat()
        )
        raise HoursError(detail)
    # at most MAX_SPAN_DAYS (ten years): SpanTooLongError before any work
    check_span(start, end)
    return list(each_day(start, end))


def required_hours(
    start: date,
    end: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> timedelta:
    """Hours owed from ``start`` to ``end``, both inclusive: the sum of
    [`daily_norm`][flexasn.daily_norm].

    ``required_hours(date(2025, 5, 12), date(2025, 5, 16))`` is 22 h 30 min: 12 May is
    Vesak and 13 May cuti bersama, leaving three working days of 7 h 30 min (Perpres
    21/2023 Pasal 4 and 6). A whole Monday-Sunday week never owes more than 37 h 30 min.
    """
    norms = norms_between(start, end, policy=policy, opd=opd, pattern=pattern, strict=strict)
    return sum((n.owed for n in norms), timedelta(0))


# --- deprecated aliases (issue 13): they go in the next release ------------------------


def _deprecated(old: str, new: str) -> None:
    """Warn that ``flexasn.<old>`` is deprecated in favour of ``flexasn.<new>``."""
    message = render("deprecated.renamed", "en", old=old, new=new)
    warnings.warn(message, DeprecationWarning, stacklevel=3)


def day_norm(
    day: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> DayNorm:
    """Deprecated: use [`working_hours(day)[0]`][flexasn.working_hours]. What ``day`` owes,
    with its times, break, Ramadan flag and basis; a ``DeprecationWarning`` first."""
    _deprecated("day_norm", "working_hours(day)[0]")
    return norm_of_day(day, policy=policy, opd=opd, pattern=pattern, strict=strict)


def day_norms(
    start: date,
    end: date,
    *,
    policy: PolicyArg = None,
    opd: OpdArg = None,
    pattern: str | None = None,
    strict: bool = True,
) -> tuple[DayNorm, ...]:
    """Deprecated: use [`working_hours(start, end)`][flexasn.working_hours], which it
    returns; a ``DeprecationWarning`` first."""
    _deprecated("day_norms", "working_hours(start, end)")
    return norms_between(start, end, policy=policy, opd=opd, pattern=pattern, strict=strict)


__all__ = [
    "NATIONAL_POLICY",
    "DayNorm",
    "OpdArg",
    "PolicyArg",
    "check_arguments",
    "check_day",
    "daily_norm",
    "day_norm",
    "day_norms",
    "national_norm",
    "norm_of_day",
    "norm_on",
    "norms_between",
    "pick_pattern",
    "regional_norm",
    "required_hours",
    "resolve_policy",
    "span_days",
    "working_hours",
]
