"""The rotation planner: who of an OPD works remotely on which day, within the law.

The regions' circulars say flexible work goes "secara bergantian" (in rotation),
within the OPD's quota, with heads and duty officers on site.
[`plan_rotation`][flexasn.plan_rotation]
makes that rotation for one OPD over an inclusive span:

- **Nobody is lost.** Every employee is in the schedule on every day; someone never
  chosen is WFO every day, and ``schedule.held`` says which checks kept them on site.
- **The limit.** On each day the OPD's limit is [`flexasn.quota`][flexasn.quota] (the same
  number as [`flexasn.max_remote`][flexasn.max_remote]): 0 on days off, outside any arrangement,
  where the instansi decided on no flexible work or the OPD is excluded.
- **Eligibility.** Only employees whom [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa]
allows that
  day go out (an ``undetermined`` answer is not an allowance). The rules run once
  per distinct situation (day, the employee's facts, on duty or not), not once per
  employee-day: the answer is the same, the planner is fast.
- **The whole quota** is used by default: ``min(limit, eligible)`` go out each day.
- **Fairness.** Each day the employees with the fewest remote days so far go first;
  among equals, those with fewer remaining chances in the span, then a fixed
  pseudo-random order derived from the NIP (a hash), so that neither the order of
  the roster file nor the age encoded in the NIP decides who goes first. Remote-day
  counts of the eligible then differ by at most one unless a limit makes that
  impossible; ``schedule.fairness.limited_by`` names it.
- **Weekly limit.** Under a standing arrangement with a weekly limit (Permen PANRB
  4/2025 Pasal 13 ayat (1): 2 working days a week) nobody goes out more often in a
  Monday-Sunday week, except employees whose duties must be done outside the office
  or in special circumstances. Every remote day of the week counts (those before
  ``start`` when the caller passes ``history=``, and those of a dated window in the
  same week): flexasn's reading, the same count as ``remote_days_this_week``.
- **Mode.** The first mode the arrangement lists (Kabupaten Malang 2025: WFH, then
  WFA); ``mode=`` chooses another where the arrangement allows it.
- **Unknown proportion.** Where the law leaves the proportion to the head of agency
  (the ``nasional`` policy) or the instansi's decision is unknown, no instrument gives
  a limit: the planner puts **nobody** out that day and records the day's status
  ``quota_undefined`` with the instrument; WFO is always lawful. Pass ``strict=True``
  to get the [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] instead.
- **Deterministic.** The same roster in any order gives the same schedule.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ._model import each_day, week_of
from .calendar import working_days
from .decide import Decisions
from .errors import InvalidInputError, require_date, require_items, require_type
from .legal import Citation, cite
from .messages import Text
from .people import Employee, Opd, WorkMode, mask_nip, profile_of
from .policy import Arrangement, InForce, Policy, resolve_policy
from .quotas import quota
from .reasons import Check
from .rules import day_context, standing_of
from .schedule import (
    DayStatus,
    DaySummary,
    Fairness,
    Schedule,
    ScheduleDay,
    history_of,
    require_schedule_of,
    summary_line,
)

WEEKLY_BASIS = ("permen-panrb-4-2025", "Pasal 13 ayat (1)")

_CHECK_ORDER = {c: i for i, c in enumerate(Check)}


@dataclass(frozen=True, slots=True)
class OpdDay:
    """What one day means for one OPD: its limit, the arrangement, the mode, the weekly limit."""

    day: date
    status: DayStatus
    limit: int | None
    arrangement: Arrangement | None
    basis: Citation | None
    in_force: InForce | None = None

    @property
    def open(self) -> bool:
        """True when someone may be out that day (a rule gives a limit above 0)."""
        return self.status == "rule" and bool(self.limit)

    @property
    def weekly_limit(self) -> int | None:
        """The weekly limit of the standing arrangement that counts the day, if any: the
        one in force, or one beside a weekly arrangement in force (LAW.md §3a)."""
        standing = standing_of(self.arrangement, self.in_force)
        return standing.weekly_limit if standing is not None else None

    def mode(self, prefer: WorkMode | None) -> WorkMode:
        """The mode for the day: ``prefer`` if the arrangement allows it, else its first."""
        assert self.arrangement is not None and self.arrangement.modes
        modes = self.arrangement.modes
        return prefer if prefer in modes else modes[0]


def opd_day(opd: Opd, day: date, policy: Policy, *, strict: bool = False) -> OpdDay:
    """The OPD's day: [`flexasn.quota`][flexasn.quota] (``strict=False``) and the arrangement in
    force, both read from the day's [`DayContext`][flexasn.rules.DayContext].

    A quota without a number (``undefined`` or ``unknown``) becomes status
    ``quota_undefined`` (limit None) unless ``strict``, which raises
    [`QuotaUndefinedError`][flexasn.QuotaUndefinedError].
    """
    in_force = day_context(policy, day).in_force
    q = quota(opd, day, policy=policy, strict=strict)
    if q.limit is None:
        return OpdDay(day, "quota_undefined", None, in_force.arrangement, q.basis, in_force)
    status: DayStatus = q.reason  # type: ignore[assignment]
    return OpdDay(day, status, q.limit, in_force.arrangement, q.basis, in_force)


def weekly_exempt(e: Employee) -> bool:
    """Pasal 13's exceptions: duties outside the office, or special circumstances."""
    return e.duties_outside_office or e.special_circumstances


def check_roster(opd: Opd, employees: Iterable[Employee], what: str) -> dict[str, Employee]:
    """The roster by NIP, sorted; wrong types, other OPDs and duplicates raise."""
    require_type(opd, Opd, "opd")
    by_nip: dict[str, Employee] = {}
    for index, e in enumerate(require_items(employees, Employee, what)):
        if e.opd != opd.code:
            raise InvalidInputError(
                Text(
                    "rotation.other_opd",
                    what=what,
                    index=index,
                    employee=mask_nip(e.nip),
                    opd=e.opd,
                    other=opd.code,
                )
            )
        if e.nip in by_nip:
            raise InvalidInputError(
                Text("rotation.listed_twice", what=what, index=index, employee=mask_nip(e.nip))
            )
        by_nip[e.nip] = e
    return {nip: by_nip[nip] for nip in sorted(by_nip)}


def span_days(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive; the whole span must be decreed.

    Raises [`InvalidInputError`][flexasn.InvalidInputError] when ``end`` is before ``start``
    and [`CoverageError`][flexasn.CoverageError] beyond the decreed calendar.
    """
    require_date(start, "start")
    require_date(end, "end")
    if end < start:
        raise InvalidInputError(
            Text("argument.end_before_start", end=end.isoformat(), start=start.isoformat())
        )
    working_days(start, end)  # raises CoverageError before any work
    return list(each_day(start, end))


def prior_days(
    history: Mapping[str, Any] | Schedule | None, start: date, roster: Mapping[str, Employee]
) -> dict[str, tuple[date, ...]]:
    """The remote days of ``history`` that share a Monday-Sunday week with ``start`` and
    fall before it: the only ones a weekly limit inside the span can count. Employees
    not on the roster (who left) are ignored."""
    monday = week_of(start)
    out: dict[str, tuple[date, ...]] = {}
    for nip, days in history_of(history).items():
        kept = tuple(d for d in days if monday <= d < start)
        if kept and nip in roster:
            out[nip] = kept
    return out


def _tiebreak(nip: str) -> bytes:
    return hashlib.blake2b(nip.encode("ascii", "replace"), digest_size=8).digest()


def plan_rotation(
    opd: Opd,
    employees: Iterable[Employee],
    start: date,
    end: date,
    *,
    policy: Policy | str | None = None,
    history: Mapping[str, Any] | Schedule | None = None,
    mode: WorkMode | None = None,
    strict: bool = False,
) -> Schedule:
    """Plan who of ``opd`` works remotely on each day from ``start`` to ``end`` (inclusive).

    Returns a [`Schedule`][flexasn.Schedule] of every employee on every day (see
    the module doc for the rules it follows). ``policy`` is the instansi's bundled
    policy by default; ``history`` gives remote days already taken before ``start``
    (a mapping NIP -> dates, or the previous [`Schedule`][flexasn.Schedule]) so that a standing
    arrangement's weekly limit counts them; ``mode`` prefers WFH or WFA where the
    arrangement allows it.

    Raises [`InvalidInputError`][flexasn.InvalidInputError] for an employee of another OPD,
    a NIP listed twice, more employees than the OPD's headcount (the quota base would
    be wrong) or ``end`` before ``start``; [`CoverageError`][flexasn.CoverageError] for a
    span beyond the decreed calendar; [`QuotaUndefinedError`][flexasn.QuotaUndefinedError]
    only with ``strict=True``.
    """
    require_type(opd, Opd, "opd")
    require_date(start, "start")
    require_date(end, "end")
    require_type(strict, bool, "strict")
    prefer = _preferred_mode(mode)
    pol = resolve_policy(policy, opd.instansi)
    roster = check_roster(opd, employees, "employees")
    if len(roster) > opd.headcount:
        raise InvalidInputError(
            Text("rotation.headcount", opd=opd.code, headcount=opd.headcount, count=len(roster))
        )
    days = [opd_day(opd, d, pol, strict=strict) for d in span_days(start, end)]
    past = prior_days(history, start, roster)
    rotation = _Rotation(roster, past)
    eligible_on = [rotation.eligible(pol, opd, day) for day in days]
    rotation.count_chances(eligible_on)
    plan_days = [
        rotation.day(day, today, prefer) for day, today in zip(days, eligible_on, strict=True)
    ]
    return Schedule(
        opd=opd.code,
        instansi=opd.instansi,
        policy=pol.id,
        first_day=start,
        last_day=end,
        employees=tuple(roster),
        days=tuple(plan_days),
        history=past,
        held={
            nip: tuple(sorted(checks, key=_CHECK_ORDER.__getitem__))
            for nip, checks in sorted(rotation.held.items())
        },
        fairness=_fairness(rotation.counts, rotation.held),
    )


def _preferred_mode(mode: WorkMode | None) -> WorkMode | None:
    """``mode=`` of the planner: None, or WFH or WFA."""
    if mode is None:
        return None
    require_type(mode, str, "mode")
    if mode not in (WorkMode.WFH, WorkMode.WFA):
        raise InvalidInputError(Text("rotation.prefer_mode"))
    return WorkMode(mode)


class _Rotation:
    """The planner's state over a span: who is eligible when, their remote days so far
    (in the span and per Monday-Sunday week), and why anyone was held on site."""

    def __init__(
        self, roster: Mapping[str, Employee], past: Mapping[str, tuple[date, ...]]
    ) -> None:
        self.roster = roster
        self.profiles = {nip: profile_of(e) for nip, e in roster.items()}
        self.decisions = Decisions()
        self.held: dict[str, set[Check]] = defaultdict(set)
        self.remaining: dict[str, int] = defaultdict(int)
        self.counts: dict[str, int] = {}
        self.week_counts: dict[tuple[str, date], int] = defaultdict(int)
        for nip, ds in past.items():
            for d in ds:
                self.week_counts[nip, week_of(d)] += 1
        self.tiebreak: dict[str, bytes] = {}

    def eligible(self, policy: Policy, opd: Opd, day: OpdDay) -> list[str]:
        """The employees the rules allow out on an open day (the others are held)."""
        today: list[str] = []
        if not day.open:
            return today
        for nip, e in self.roster.items():
            found = self.decisions.of(policy, opd, e, day.day, self.profiles[nip])
            if found.allowed:
                today.append(nip)
            else:
                self.held[nip].update(found.held)
        return today

    def count_chances(self, eligible_on: list[list[str]]) -> None:
        """Each employee's eligible days in the span, their remaining chances."""
        for today in eligible_on:
            for nip in today:
                self.remaining[nip] += 1
        self.counts = dict.fromkeys(self.remaining, 0)
        self.tiebreak = {nip: _tiebreak(nip) for nip in self.remaining}

    def day(self, day: OpdDay, today: list[str], prefer: WorkMode | None) -> ScheduleDay:
        """Choose who goes out on one day: the fewest remote days first, within the weekly
        limit and the OPD's limit."""
        remote: dict[str, WorkMode] = {}
        if today:
            cap = day.weekly_limit
            week = week_of(day.day)
            candidates: list[str] = []
            for nip in today:
                self.remaining[nip] -= 1
                if (
                    cap is not None
                    and not weekly_exempt(self.roster[nip])
                    and self.week_counts[nip, week] >= cap
                ):
                    self.held[nip].add(Check.WEEKLY_LIMIT)
                else:
                    candidates.append(nip)
            counts, remaining, tiebreak = self.counts, self.remaining, self.tiebreak
            candidates.sort(key=lambda n: (counts[n], remaining[n], tiebreak[n], n))
            assert day.limit is not None
            for nip in candidates[day.limit :]:
                self.held[nip].add(Check.QUOTA)
            day_mode = day.mode(prefer)
            for nip in sorted(candidates[: day.limit]):
                remote[nip] = day_mode
                counts[nip] += 1
                self.week_counts[nip, week] += 1
        return ScheduleDay(
            day=day.day,
            remote=remote,
            limit=day.limit,
            status=day.status,
            arrangement=day.arrangement.id if day.arrangement else None,
            basis=day.basis,
        )


def _fairness(counts: dict[str, int], held: Mapping[str, set[Check]]) -> Fairness:
    """Spread of remote days among the eligible, and what limits it when above one."""
    if not counts:
        return Fairness(eligible=0, min_days=0, max_days=0)
    low, high = min(counts.values()), max(counts.values())
    limited: set[Check] = set()
    if high - low > 1:
        for nip, n in counts.items():
            if n <= high - 2:
                limited.update(held.get(nip, set()) - {Check.QUOTA})
    return Fairness(
        eligible=len(counts),
        min_days=low,
        max_days=high,
        limited_by=tuple(sorted(limited, key=_CHECK_ORDER.__getitem__)),
    )


def summarize(
    schedule: Schedule, opd: Opd, *, policy: Policy | str | None = None
) -> tuple[DaySummary, ...]:
    """The per-day report of any schedule (one made by hand too): remote, on site, the
    limit under the policy, unused quota (negative when over), and why.

    Unlike `Schedule.summary`, the limits are computed now with
    [`flexasn.quota`][flexasn.quota]; a day whose proportion the law leaves open has no limit.
    """
    require_schedule_of(schedule, opd)
    pol = resolve_policy(policy, opd.instansi)
    lines = []
    for d in schedule.days:
        ctx = opd_day(opd, d.day, pol)
        filled = d.model_copy(
            update={
                "limit": ctx.limit,
                "status": ctx.status,
                "arrangement": ctx.arrangement.id if ctx.arrangement else None,
                "basis": ctx.basis,
            }
        )
        lines.append(summary_line(filled, len(schedule.employees)))
    return tuple(lines)


def weekly_citation() -> Citation:
    """Permen PANRB 4/2025 Pasal 13 ayat (1): at most 2 working days a week."""
    return cite(*WEEKLY_BASIS)


__all__ = [
    "WEEKLY_BASIS",
    "OpdDay",
    "check_roster",
    "opd_day",
    "plan_rotation",
    "prior_days",
    "span_days",
    "summarize",
    "week_of",
    "weekly_citation",
    "weekly_exempt",
]
