"""Whole-workforce simulation for notebooks: what a policy does to every OPD on every day.

The batch layer never asks rule authors for vectorised code. It groups employees by
the facts the rules look at (head, front line, discipline, new in post, the Pasal 13
exceptions, and whether the day is one of their duty days) and OPDs by kind, service
category and agency type, evaluates each distinct situation **once** with the very
same scalar rules as [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa], and counts. Iterables
of
models are streamed: memory grows with the number of OPDs and distinct profiles, not
with the number of employees or days. The roster files ([`flexasn.roster`][flexasn.roster]) are
read whole first, all-or-nothing; a pandas DataFrame is aggregated vectorised.

Per (day, OPD) a row holds at least ``day, instansi, opd, headcount, eligible,
max_remote`` (the contract) and also ``scenario, province, kind, service, employees,
undetermined, denied, remote_planned, onsite, office_days_saved, frontline``:

- ``eligible``: employees whose decision is ``allowed``; ``undetermined`` and
  ``denied`` likewise (they sum to ``employees``, the roster count);
- ``max_remote``: [`flexasn.max_remote`][flexasn.max_remote], or None where no instrument sets it;
- ``remote_planned``: ``min(eligible, max_remote)``, what the rotation planner puts
  out by default (the whole quota); ``onsite = employees - remote_planned``;
  ``office_days_saved`` equals ``remote_planned`` (one office day per remote person);
- ``frontline``: front-line staff in the roster, who stay on site in every
  bundled arrangement.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..decide import Decisions
from ..errors import ArgumentTypeError, require_items, require_type
from ..messages import Text
from ..people import Employee, Opd
from ..people import Profile as Profile  # re-exported: the counts of a Workforce are by Profile
from ..people import profile_of as profile_of
from ..plan import span_days
from ..policy import Policy, resolve_policy
from ..quotas import quota_terms
from ..reasons import Outcome
from ..roster import read_employees, read_opds, read_roster
from ..rules import DayContext, day_context
from ..scenario import Scenario
from .results import AggregateRow, Simulation
from .workforce import Workforce, is_frame, workforce_from_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PolicyArg = Policy | Scenario | str | None
RosterFile = str | os.PathLike[str]
"""A roster file (CSV) given by its path; see [`flexasn.roster`][flexasn.roster] for the format."""


def _as_policy(arg: PolicyArg, instansi: str) -> Policy:
    if isinstance(arg, Scenario):
        return arg.policy()
    return resolve_policy(arg, instansi)


def _label(arg: PolicyArg) -> str | None:
    if isinstance(arg, Scenario):
        return arg.name
    if isinstance(arg, Policy):
        return arg.id
    return arg


def simulate(
    opds: Iterable[Opd] | RosterFile,
    employees: Iterable[Employee] | Workforce | pd.DataFrame | RosterFile,
    start: date,
    end: date,
    *,
    policy: PolicyArg | Sequence[PolicyArg] = None,
) -> Simulation:
    """Simulate a policy over a whole workforce, per day and OPD.

    Simulasi kebijakan atas seluruh pegawai, per hari dan per OPD.

    ``opds`` is an iterable of [`Opd`][flexasn.Opd] or the path of an OPDs file;
    ``employees`` an iterable of [`Employee`][flexasn.Employee] (streamed), a
    [`Workforce`][flexasn.Workforce] (which carries its own OPDs), a pandas DataFrame (see
    [`workforce_from_frame`][flexasn.simulate.workforce_from_frame]) or the path of an employees
    file. Two paths are read
    together with [`flexasn.read_roster`][flexasn.read_roster] (headcounts checked against the
    employees file); one path alone with [`flexasn.roster.read_opds`][flexasn.roster.read_opds] or
    [`flexasn.roster.read_employees`][flexasn.roster.read_employees] (employees must name a given
    OPD). A roster
    already read goes in as ``simulate(roster.opds, roster.employees, ...)``.

    ``policy`` is None (each OPD's own instansi policy), a bundled id, a
    [`Policy`][flexasn.Policy], a [`Scenario`][flexasn.Scenario], or a
    list of them to compare (rows carry a ``scenario`` key).

    The counts agree exactly with one-at-a-time calls of
    [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa] and
    [`flexasn.max_remote`][flexasn.max_remote]: the same rules,
    evaluated once per distinct situation. Raises
    [`CoverageError`][flexasn.CoverageError] for a span beyond the decreed years,
    [`RosterError`][flexasn.RosterError] for a bad roster file (naming the file, the
    row and the column) and [`InvalidInputError`][flexasn.InvalidInputError] for an employee
    whose OPD is absent (naming the row), all before computing anything.
    """
    days = span_days(start, end)
    opds, employees = _read_files(opds, employees)
    workforce = _workforce(require_items(opds, Opd, "opds"), employees, start, end)
    policies: Sequence[PolicyArg] = (
        list(policy) if isinstance(policy, list | tuple) else [policy]  # type: ignore[list-item]
    )
    run = _Run()
    return Simulation([row for arg in policies for row in run.rows(arg, days, workforce)])


def _workforce(
    opds: tuple[Opd, ...],
    employees: Iterable[Employee] | Workforce | pd.DataFrame,
    start: date,
    end: date,
) -> Workforce:
    """The employees as a [`Workforce`][flexasn.Workforce] (streamed, or from a DataFrame)."""
    if isinstance(employees, Workforce):
        return employees
    if is_frame(employees):
        return workforce_from_frame(opds, cast("pd.DataFrame", employees), start, end)
    if isinstance(employees, str | bytes | dict) or not isinstance(employees, Iterable):
        raise ArgumentTypeError(Text("workforce.employees_type", type=type(employees).__name__))
    workforce = Workforce(opds, start, end)
    for index, e in enumerate(cast(Iterable[Employee], employees)):
        require_type(e, Employee, f"employees[{index}]")
        workforce.add(e, row=index + 1)
    return workforce


def _read_files(
    opds: Iterable[Opd] | RosterFile,
    employees: Iterable[Employee] | Workforce | pd.DataFrame | RosterFile,
) -> tuple[Iterable[Opd], Iterable[Employee] | Workforce | pd.DataFrame]:
    """Read whichever of the two inputs are roster files (all-or-nothing, RosterError)."""
    if isinstance(opds, str | os.PathLike) and isinstance(employees, str | os.PathLike):
        roster = read_roster(Path(opds), Path(employees))
        return roster.opds, roster.employees
    if isinstance(opds, str | os.PathLike):
        opds = read_opds(Path(opds))[0]
    if isinstance(employees, str | os.PathLike):
        opds = tuple(opds)
        codes = {o.code for o in opds if isinstance(o, Opd)}
        return opds, read_employees(Path(employees), codes)
    return opds, employees


class _Run:
    """One simulation run: its decisions ([`Decisions`][flexasn.decide.Decisions], the one
    cache keyed by what the rules read) and, per policy, day and OPD facts, the OPD whose
    decisions stand for every OPD with those facts.

    An OPD's decisions depend on the OPD only through its kind, service category and agency
    type and whether its limit that day is above 0 (the rules ``agency_scope`` and
    ``opd_allowed``): the outcomes of one OPD are those of every OPD with the same facts.
    Quota terms are read from the day's context
    ([`quota_terms`][flexasn.quotas.quota_terms]).
    """

    def __init__(self) -> None:
        self.decisions = Decisions()
        self.standing_for: dict[tuple[Any, ...], tuple[Policy, Opd]] = {}

    def stand_in(self, policy: Policy, day: date, opd: Opd, limit: int | None) -> Opd:
        """The OPD whose decisions on ``day`` stand for ``opd``'s (the first one seen with
        its facts)."""
        positive = None if limit is None else limit > 0
        key = (id(policy), day, opd.kind, opd.service, opd.agency_type, positive)
        kept = self.standing_for.get(key)
        if kept is None or kept[0] is not policy:
            kept = self.standing_for[key] = (policy, opd)
        return kept[1]

    def rows(self, arg: PolicyArg, days: list[date], wf: Workforce) -> list[dict[str, Any]]:
        """The rows of one policy argument: every OPD on every day."""
        rows: list[dict[str, Any]] = []
        resolved: dict[str, Policy] = {}
        for day in days:
            contexts: dict[str, DayContext] = {}  # the day's context of each instansi
            for opd in wf.opds.values():
                pol = resolved.get(opd.instansi)
                if pol is None:
                    pol = resolved[opd.instansi] = _as_policy(arg, opd.instansi)
                context = contexts.get(opd.instansi)
                if context is None:
                    context = contexts[opd.instansi] = day_context(pol, day)
                rows.append(self.row(_label(arg) or pol.id, pol, context, day, opd, wf))
        return rows

    def row(
        self, label: str, policy: Policy, context: DayContext, day: date, opd: Opd, wf: Workforce
    ) -> dict[str, Any]:
        """The row of one OPD on one day."""
        counts = wf.counts[opd.code]
        terms = quota_terms(policy, day, opd.kind, opd.service, opd.agency_type, context=context)
        limit = terms.limit(opd)
        verdict, stand_in = self.decisions.verdict, self.stand_in(policy, day, opd, limit)
        tally: Counter[Outcome] = Counter()
        duty_today = counts.on_duty.get(day, Counter())
        for profile, n in counts.profiles.items():
            on_duty = duty_today.get(profile, 0)
            if n - on_duty:
                tally[verdict(policy, stand_in, day, profile, False).outcome] += n - on_duty
            if on_duty:
                tally[verdict(policy, stand_in, day, profile, True).outcome] += on_duty
        eligible = tally[Outcome.ALLOWED]
        planned = min(eligible, limit) if limit is not None else 0
        return {
            "scenario": label,
            "day": day,
            "instansi": opd.instansi,
            "province": opd.province,
            "opd": opd.code,
            "kind": opd.kind,
            "service": opd.service.value,
            "headcount": opd.headcount,
            "employees": counts.employees,
            "eligible": eligible,
            "undetermined": tally[Outcome.UNDETERMINED],
            "denied": tally[Outcome.DENIED],
            "max_remote": limit,
            "remote_planned": planned,
            "onsite": counts.employees - planned,
            "office_days_saved": planned,
            "frontline": counts.frontline,
        }


__all__ = [
    "AggregateRow",
    "PolicyArg",
    "Profile",
    "RosterFile",
    "Simulation",
    "Workforce",
    "profile_of",
    "simulate",
    "workforce_from_frame",
]
