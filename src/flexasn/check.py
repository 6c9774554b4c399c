"""The schedule checker: is a rotation lawful? Every violation, with its check and citation.

[`validate_schedule`][flexasn.validate_schedule] checks any [`Schedule`][flexasn.Schedule], the
planner's or one made by hand (read from a CSV), against an OPD's roster and the
instansi's policy, and returns every [`Violation`][flexasn.Violation], in a fixed order:

1. ``roster``: a schedule employee not on the roster, a roster employee missing from
   the schedule (``day`` is None);
2. per day, per remote employee (by NIP): an employee the rules do not allow out that
   day, named by the first check that fails (or, for an ``undetermined`` answer, is
   unknown): ``working_day`` for a day off, ``flexible_period`` outside any
   arrangement, ``role_onsite`` for a head or a duty officer, and so on, with every
   such check in ``failed``; a mode the arrangement does not allow
   (``flexible_period``); more remote days in a Monday-Sunday week than a standing
   arrangement allows (``weekly_limit``, Permen PANRB 4/2025 Pasal 13 ayat (1), from
   the day that goes over; days in ``schedule.history`` and ``history=`` count);
3. per day: more staff out than the OPD's limit (``quota``), where a quota rule gives
   a limit above 0. Where it gives none (a day off, no arrangement, an excluded OPD)
   each remote employee is already reported by the check that fails for them, so the
   same fact is not reported twice.

An empty tuple means the schedule is lawful. Messages are in Indonesian and English
and name employees by their masked id only ([`masked_id`][flexasn.masked_id],
``…1001#5c2e9a07``: the last four digits and a keyed hash, unambiguous within a file where
the last four digits alone are not). ``repr()`` and the JSON of a [`Violation`][flexasn.Violation]
carry
that id (``employee``), never the NIP; ``Violation.nip`` keeps it for programs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import Field, computed_field

from ._model import Frozen
from .decide import Decisions, Verdict
from .legal import Citation
from .messages import Language, render_all, require_language
from .people import Employee, Opd, WorkMode
from .plan import (
    OpdDay,
    check_roster,
    opd_day,
    prior_days,
    week_of,
    weekly_citation,
    weekly_exempt,
)
from .policy import Policy, resolve_policy
from .privacy import masked_id
from .reasons import Check
from .schedule import Schedule, require_schedule_of


class Violation(Frozen):
    """One way a schedule breaks the law or the roster: the check, the day, the employee.

    The employee is [`employee`][flexasn.check.Violation.employee], a masked id, in ``repr()``, the
    messages and the JSON
    (``model_dump``, ``model_dump_json``); the NIP is the attribute
    [`nip`][flexasn.check.Violation.nip] only. To
    write the NIP too (into a file only its owner reads), add it yourself:
    ``violation.model_dump(mode="json") | {"nip": violation.nip}``.
    """

    check: Check
    day: date | None
    """The day; None for a roster violation that concerns the whole schedule."""
    nip: str | None = Field(repr=False, exclude=True)
    """The employee's NIP, for programs (the caller's own data); None for a day's quota.
    Left out of ``repr()`` and of the JSON, which carry
    [`employee`][flexasn.check.Violation.employee]."""
    key: str
    """The message key in the catalogues (``roster.ineligible``)."""
    basis: Citation | None = None
    failed: tuple[Check, ...] = ()
    """For an employee out who may not be: every check that failed (then those unknown)."""
    messages: dict[str, str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def employee(self) -> str | None:
        """The employee's masked id ([`masked_id`][flexasn.masked_id]), as the messages
        name them: unambiguous within a file; None for a day's quota."""
        return None if self.nip is None else masked_id(self.nip)

    @property
    def citation(self) -> Citation | None:
        """The law behind the violation (same as ``basis``)."""
        return self.basis

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (``"id"``, default) or English (``"en"``)."""
        return self.messages[require_language(lang)]

    def __str__(self) -> str:
        day = self.day.isoformat() if self.day else "-"
        basis = f" [{self.basis}]" if self.basis else ""
        return f"{day} ✗ {self.check.named('id')}: {self.message('id')}{basis}"  # not met


def _violation(
    check: Check,
    on: date | None,
    who: str | None,
    key: str,
    basis: Citation | None = None,
    failed: tuple[Check, ...] = (),
    /,
    **params: Any,
) -> Violation:
    return Violation(
        check=check,
        day=on,
        nip=who,
        key=key,
        basis=basis,
        failed=failed,
        messages=render_all(key, **params),
    )


def validate_schedule(
    schedule: Schedule,
    opd: Opd,
    employees: Iterable[Employee],
    *,
    policy: Policy | str | None = None,
    history: Mapping[str, Any] | Schedule | None = None,
) -> tuple[Violation, ...]:
    """Every violation of ``schedule`` for ``opd``'s roster ``employees`` (see the module doc).

    ``policy`` defaults to the instansi's bundled policy; ``history`` adds remote days
    taken before the schedule's first day (to ``schedule.history``) for the weekly limit.
    Raises [`InvalidInputError`][flexasn.InvalidInputError] for a schedule of another OPD, an
    employee of another OPD or listed twice, and
    [`CoverageError`][flexasn.CoverageError] for days beyond the decreed calendar.
    """
    require_schedule_of(schedule, opd)
    pol = resolve_policy(policy, opd.instansi)
    roster = check_roster(opd, employees, "employees")
    out = _roster_violations(schedule, roster, opd)
    week_counts = _earlier_weeks(schedule, history, roster)
    decisions = Decisions()
    for d in schedule.days:
        day = opd_day(opd, d.day, pol)
        week = week_of(d.day)
        for nip, mode in d.remote.items():
            week_counts[nip, week] += 1
            e = roster.get(nip)
            if e is not None:  # one not on the roster is reported above
                found = decisions.of(pol, opd, e, d.day)
                out.extend(_employee_violations(day, nip, e, mode, found, week_counts[nip, week]))
        if day.status == "rule" and day.limit and len(d.remote) > day.limit:
            out.append(
                _violation(
                    Check.QUOTA,
                    d.day,
                    None,
                    "quota.fail",
                    day.basis,
                    remote=len(d.remote),
                    day=d.day.isoformat(),
                    limit=day.limit,
                )
            )
    return tuple(out)


def _roster_violations(
    schedule: Schedule, roster: Mapping[str, Employee], opd: Opd
) -> list[Violation]:
    """Schedule employees not on the roster, then roster employees missing from it."""
    members = set(schedule.employees)
    strangers = [(nip, "roster.not_on_roster") for nip in schedule.employees if nip not in roster]
    missing = [(nip, "roster.missing") for nip in roster if nip not in members]
    return [
        _violation(Check.ROSTER, None, nip, key, employee=masked_id(nip), opd=opd.code)
        for nip, key in (*strangers, *missing)
    ]


def _earlier_weeks(
    schedule: Schedule,
    history: Mapping[str, Any] | Schedule | None,
    roster: Mapping[str, Employee],
) -> defaultdict[tuple[str, date], int]:
    """Remote days per employee and Monday-Sunday week before the schedule's first day:
    ``history=`` and ``schedule.history`` together, each day counted once."""
    week_counts: defaultdict[tuple[str, date], int] = defaultdict(int)
    earlier = prior_days(history, schedule.first_day, roster)
    for nip, days in schedule.history.items():
        earlier[nip] = tuple(sorted({*earlier.get(nip, ()), *days}))
    for nip, days in earlier.items():
        for taken in days:
            if taken < schedule.first_day:
                week_counts[nip, week_of(taken)] += 1
    return week_counts


def _employee_violations(
    day: OpdDay, nip: str, e: Employee, mode: WorkMode, found: Verdict, in_week: int
) -> list[Violation]:
    """Why one remote employee may not be out that day: the rules, the mode, the week
    (``in_week`` remote days that week so far, this one included)."""
    iso, shown = day.day.isoformat(), mode.value.upper()
    if not found.allowed:
        checks = found.held
        first = found.reason(checks[0])
        return [
            _violation(
                checks[0],
                day.day,
                nip,
                "roster.ineligible" if found.failed else "roster.undetermined",
                first.basis,
                checks,
                employee=masked_id(nip),
                day=iso,
                mode=shown,
                check=checks[0].value,
                reason={lang: first.message(lang) for lang in ("id", "en")},
            )
        ]
    out: list[Violation] = []
    a = day.arrangement
    assert a is not None  # an allowed decision has a permitting arrangement
    if mode not in a.modes:
        out.append(
            _violation(
                Check.FLEXIBLE_PERIOD,
                day.day,
                nip,
                "roster.mode_not_allowed",
                a.citation(),
                employee=masked_id(nip),
                day=iso,
                mode=shown,
                arrangement=a.id,
                modes=", ".join(m.value.upper() for m in a.modes),
            )
        )
    cap = day.weekly_limit
    if cap is not None and not weekly_exempt(e) and in_week > cap:
        out.append(
            _violation(
                Check.WEEKLY_LIMIT,
                day.day,
                nip,
                "roster.weekly_limit",
                weekly_citation(),
                employee=masked_id(nip),
                day=iso,
                week=week_of(day.day).isoformat(),
                count=in_week,
                limit=cap,
            )
        )
    return out


__all__ = [
    "Violation",
    "validate_schedule",
]
