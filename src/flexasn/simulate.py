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
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .decide import decide, situation
from .errors import ArgumentTypeError, InvalidInputError, require_date, require_items, require_type
from .people import DisciplineStatus, Employee, Opd, PositionType
from .people import Profile as Profile  # re-exported: the counts of a Workforce are by Profile
from .people import profile_of as profile_of
from .plan import span_days
from .policy import Policy, resolve_policy
from .quotas import QuotaTerms, default_onsite, quota_limit, quota_terms
from .reasons import Outcome
from .roster import read_employees, read_opds, read_roster
from .scenario import Scenario

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PolicyArg = Policy | Scenario | str | None
RosterFile = str | os.PathLike[str]
"""A roster file (CSV) given by its path; see [`flexasn.roster`][flexasn.roster] for the format."""

NIP_STANDIN = "198001012005011001"
"""A made-up NIP for the stand-in employee each profile is evaluated with."""


@dataclass
class _OpdCounts:
    profiles: Counter[Profile] = field(default_factory=Counter)
    on_duty: defaultdict[date, Counter[Profile]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    employees: int = 0
    frontline: int = 0


class Workforce:
    """Employees aggregated per OPD and profile: the input of a simulation.

    Build it with [`add`][flexasn.simulate.Workforce.add] (one employee at a time, streaming),
    [`add_count`][flexasn.simulate.Workforce.add_count]
    (pre-aggregated counts, for generators) or
    [`workforce_from_frame`][flexasn.simulate.workforce_from_frame].
    """

    def __init__(self, opds: Iterable[Opd], start: date, end: date) -> None:
        require_date(start, "start")
        require_date(end, "end")
        self.opds: dict[str, Opd] = {}
        for index, opd in enumerate(require_items(opds, Opd, "opds")):
            if opd.code in self.opds:
                raise InvalidInputError(f"opds[{index}]: duplicate OPD code {opd.code!r}")
            self.opds[opd.code] = opd
        self.start, self.end = start, end
        self.counts: dict[str, _OpdCounts] = {code: _OpdCounts() for code in self.opds}

    def _slot(self, opd_code: str, where: str) -> _OpdCounts:
        slot = self.counts.get(opd_code)
        if slot is None:
            raise InvalidInputError(f"{where}: OPD {opd_code!r} is not among the OPDs given")
        return slot

    def add(self, employee: Employee, *, row: int | None = None) -> None:
        """Count one employee (its duty days inside the span are remembered)."""
        slot = self._slot(employee.opd, f"employee row {row}" if row is not None else "employee")
        self.add_count(
            employee.opd,
            profile_of(employee),
            1,
            duty_days=employee.duty_days,
            _slot=slot,
        )

    def add_count(
        self,
        opd_code: str,
        profile: Profile,
        count: int,
        *,
        duty_days: Iterable[date] = (),
        _slot: _OpdCounts | None = None,
    ) -> None:
        """Count ``count`` employees of one OPD sharing a profile and duty days."""
        if count < 0:
            raise InvalidInputError("count must not be negative")
        slot = _slot or self._slot(opd_code, "add_count")
        slot.profiles[profile] += count
        slot.employees += count
        if profile.frontline:
            slot.frontline += count
        for d in duty_days:
            if self.start <= d <= self.end:
                slot.on_duty[d][profile] += count


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


class Simulation:
    """The result of [`simulate`][flexasn.simulate.simulate]: rows per (scenario, day, OPD) and
    aggregates."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        require_type(rows, list, "rows")
        for index, row in enumerate(rows):
            require_type(row, dict, f"rows[{index}]")
        self._rows = rows

    def rows(self) -> list[dict[str, Any]]:
        """One dict per (scenario, day, OPD); see the module doc for the keys."""
        return [dict(r) for r in self._rows]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows())

    def aggregate(self, *by: str) -> list[dict[str, Any]]:
        """Totals grouped by the named keys, people and person-days under distinct names.

        ``sim.aggregate("scenario", "day")``, ``sim.aggregate("instansi")``,
        ``sim.aggregate("province")``, ``sim.aggregate("service")``. Each group has:

        - the keys it is grouped by;
        - **people**, each counted once however many days the group spans: ``people`` (the
          employees in the roster of the group's OPDs), ``headcount_people`` (the OPDs'
          headcounts), ``frontline_people``;
        - **person-days**, summed over the group's rows (one per day and OPD):
          ``person_days`` (roster employees times days), ``headcount_days``,
          ``eligible_days``, ``undetermined_days``, ``denied_days``, ``max_remote_days``
          (the daily quotas, over the rows where one is set), ``remote_days`` (planned
          remote), ``onsite_days``, ``office_days_saved`` (equal to ``remote_days``),
          ``frontline_days``;
        - ``days`` and ``opds``: the distinct days and OPDs of the group;
          ``quota_undefined``: the rows (OPD-days) without a quota.

        The names before issue 14 (``employees``, ``headcount``, ``eligible``,
        ``undetermined``, ``denied``, ``max_remote``, ``remote_planned``, ``onsite``,
        ``frontline``: sums over rows, so person-days) still read, as
        ``group["employees"]``, with a ``DeprecationWarning`` naming the new name; they are
        not among the keys (a DataFrame of the groups has the new names only) and go in the
        next release.
        """
        for key in by:
            if self._rows and key not in self._rows[0]:
                raise InvalidInputError(f"unknown key {key!r}; use one of {sorted(self._rows[0])}")
        sums: dict[tuple[Any, ...], AggregateRow] = {}
        seen: dict[tuple[Any, ...], tuple[set[tuple[str, str]], set[date]]] = {}
        for r in self._rows:
            group = tuple(r[k] for k in by)
            acc = sums.get(group)
            if acc is None:
                acc = sums[group] = AggregateRow(
                    {
                        **dict(zip(by, group, strict=True)),
                        **dict.fromkeys(_PEOPLE.values(), 0),
                        **dict.fromkeys(_PERSON_DAYS.values(), 0),
                        "days": 0,
                        "opds": 0,
                        "quota_undefined": 0,
                    }
                )
                seen[group] = (set(), set())
            opds, days = seen[group]
            opd_key = (r["instansi"], r["opd"])
            if opd_key not in opds:
                opds.add(opd_key)
                acc["opds"] += 1
                for column, name in _PEOPLE.items():
                    acc[name] += r[column]
            if r["day"] not in days:
                days.add(r["day"])
                acc["days"] += 1
            for column, name in _PERSON_DAYS.items():
                if column == "max_remote" and r[column] is None:
                    acc["quota_undefined"] += 1
                    continue
                acc[name] += r[column]
        return [sums[k] for k in sorted(sums, key=lambda g: tuple(str(x) for x in g))]

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a tidy pandas DataFrame (needs the ``notebook`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - exercised without the extra
            raise ImportError("to_pandas needs pandas: pip install 'flexasn[notebook]'") from exc
        frame = pd.DataFrame(self._rows)
        if not frame.empty:
            frame["day"] = pd.to_datetime(frame["day"])
        return frame


_PEOPLE = {"employees": "people", "headcount": "headcount_people", "frontline": "frontline_people"}
"""Row columns that count people: an aggregate counts each OPD's once, under these names."""

_PERSON_DAYS = {
    "employees": "person_days",
    "headcount": "headcount_days",
    "eligible": "eligible_days",
    "undetermined": "undetermined_days",
    "denied": "denied_days",
    "max_remote": "max_remote_days",
    "remote_planned": "remote_days",
    "onsite": "onsite_days",
    "office_days_saved": "office_days_saved",
    "frontline": "frontline_days",
}
"""Row columns an aggregate sums over rows (one per day and OPD), and their names there."""

_DEPRECATED = {old: new for old, new in _PERSON_DAYS.items() if old != new}
"""The aggregate names before issue 14 (sums over rows), read with a DeprecationWarning."""


class AggregateRow(dict[str, Any]):
    """One group of [`Simulation.aggregate`][flexasn.simulate.Simulation.aggregate]: a plain
    ``dict`` of the new names, where
    the names before issue 14 still read (``group["employees"]``, ``group.get(...)``) with
    a ``DeprecationWarning`` naming the new one. They go in the next release."""

    def __missing__(self, key: str) -> Any:
        return self._alias(key, 3)

    def get(self, key: str, default: Any = None) -> Any:
        """``dict.get``, reading the deprecated names too (with their warning)."""
        if key in self:
            return dict.__getitem__(self, key)
        return self._alias(key, 3) if key in _DEPRECATED else default

    def _alias(self, key: str, stacklevel: int) -> Any:
        new = _DEPRECATED.get(key)
        if new is None:
            raise KeyError(key)
        people = f" (or {_PEOPLE[key]!r} for people, each counted once)" if key in _PEOPLE else ""
        warnings.warn(
            f"Simulation.aggregate: {key!r} is deprecated; use {new!r} (person-days){people}",
            DeprecationWarning,
            stacklevel=stacklevel,
        )
        return dict.__getitem__(self, new)


class _Evaluator:
    """Caches of one simulation run: quota terms and decisions per distinct situation."""

    def __init__(self) -> None:
        self.terms: dict[tuple[Any, ...], QuotaTerms] = {}
        self.outcomes: dict[tuple[Any, ...], Outcome] = {}

    def quota_terms(self, policy: Policy, day: date, opd: Opd) -> QuotaTerms | None:
        key = (id(policy), day, opd.kind, opd.service, opd.agency_type)
        if key not in self.terms:
            self.terms[key] = quota_terms(policy, day, opd.kind, opd.service, opd.agency_type)
        found = self.terms[key]
        return found if found.defined else None

    def outcome(
        self,
        policy: Policy,
        day: date,
        opd: Opd,
        limit_positive: bool | None,
        profile: Profile,
        on_duty: bool,
    ) -> Outcome:
        key = (
            id(policy),
            day,
            opd.kind,
            opd.service,
            opd.agency_type,
            limit_positive,
            profile,
            on_duty,
        )
        found = self.outcomes.get(key)
        if found is None:
            standin = Employee(
                nip=NIP_STANDIN,
                opd=opd.code,
                duty_days=frozenset({day}) if on_duty else frozenset(),
                **profile._asdict(),
            )
            found = decide(situation(standin, opd, day, policy)).outcome
            self.outcomes[key] = found
        return found


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
    opds = require_items(opds, Opd, "opds")
    if isinstance(employees, Workforce):
        workforce = employees
    elif _is_frame(employees):
        workforce = workforce_from_frame(opds, cast("pd.DataFrame", employees), start, end)
    else:
        if isinstance(employees, str | bytes | dict) or not isinstance(employees, Iterable):
            raise ArgumentTypeError(
                "employees must be an iterable of Employee, a Workforce, a DataFrame or a "
                f"path, not {type(employees).__name__}"
            )
        workforce = Workforce(opds, start, end)
        for index, e in enumerate(cast(Iterable[Employee], employees)):
            require_type(e, Employee, f"employees[{index}]")
            workforce.add(e, row=index + 1)
    policies: Sequence[PolicyArg] = (
        list(policy) if isinstance(policy, list | tuple) else [policy]  # type: ignore[list-item]
    )
    evaluator = _Evaluator()
    rows: list[dict[str, Any]] = []
    for arg in policies:
        resolved: dict[str, Policy] = {}
        for day in days:
            for opd in workforce.opds.values():
                pol = resolved.get(opd.instansi)
                if pol is None:
                    pol = resolved[opd.instansi] = _as_policy(arg, opd.instansi)
                rows.append(_row(evaluator, _label(arg) or pol.id, pol, day, opd, workforce))
    return Simulation(rows)


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


def _row(
    ev: _Evaluator, label: str, policy: Policy, day: date, opd: Opd, wf: Workforce
) -> dict[str, Any]:
    counts = wf.counts[opd.code]
    terms = ev.quota_terms(policy, day, opd)
    if terms is None:
        limit: int | None = None
        limit_positive: bool | None = None
    else:
        limit = _limit(terms, opd)
        limit_positive = limit > 0
    tally: Counter[Outcome] = Counter()
    duty_today = counts.on_duty.get(day, Counter())
    for profile, n in counts.profiles.items():
        on_duty = duty_today.get(profile, 0)
        if n - on_duty:
            tally[ev.outcome(policy, day, opd, limit_positive, profile, False)] += n - on_duty
        if on_duty:
            tally[ev.outcome(policy, day, opd, limit_positive, profile, True)] += on_duty
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


def _limit(terms: QuotaTerms, opd: Opd) -> int:
    """The OPD's limit under ``terms``: the same arithmetic as [`flexasn.quota`][flexasn.quota]."""
    if terms.rule is None or terms.arrangement is None:
        return 0
    return quota_limit(
        opd.headcount,
        terms.rule.percent,
        rounding=terms.rule.rounding,
        onsite_required=default_onsite(terms.arrangement, terms.rule, opd),
    )


def _is_frame(obj: object) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns")


_FRAME_BOOL_COLUMNS = (
    "is_head",
    "frontline",
    "new_in_post",
    "duties_outside_office",
    "special_circumstances",
)


def _enum_column(frame: pd.DataFrame, name: str, default: StrEnum) -> Any:
    """Column ``name`` of ``frame`` as the values of ``default``'s enum (``default`` where
    the column or a cell is missing); [`InvalidInputError`][flexasn.InvalidInputError] naming
    the column and the first row holding another value."""
    if name not in frame.columns:
        return [default.value] * len(frame)
    values = {member.value for member in type(default)}
    col = frame[name].fillna(default.value).astype(str)
    bad = ~col.isin(values)
    if bad.any():
        raise InvalidInputError(
            f"employees DataFrame: column {name!r}, row {int(bad.to_numpy().argmax())}: "
            f"use one of {sorted(values)}"
        )
    return col


def workforce_from_frame(
    opds: Iterable[Opd], frame: pd.DataFrame, start: date, end: date
) -> Workforce:
    """Aggregate a pandas DataFrame of employees into a [`Workforce`][flexasn.Workforce],
    vectorised.

    Required column: ``opd``; optional: the boolean facts of [`Employee`][flexasn.Employee]
    (``is_head``, ``frontline``, ``new_in_post``, ``duties_outside_office``,
    ``special_circumstances``), ``discipline`` and ``position`` (their Indonesian values)
    and ``duty_days``
    (ISO dates separated by ``;``). A missing required column, an unknown value or an
    OPD absent from ``opds`` raises [`InvalidInputError`][flexasn.InvalidInputError] naming
    the column and the first bad row; nothing partial is returned.
    """
    wf = Workforce(opds, start, end)
    if "opd" not in frame.columns:
        raise InvalidInputError("employees DataFrame: missing column 'opd'")
    n = len(frame)
    cols: dict[str, Any] = {"opd": frame["opd"].astype(str)}
    for name in _FRAME_BOOL_COLUMNS:
        if name in frame.columns:
            col = frame[name]
            bad = ~col.isin([True, False, 0, 1])
            if bad.any():
                raise InvalidInputError(
                    f"employees DataFrame: column {name!r}, row {int(bad.to_numpy().argmax())}: "
                    "not a boolean"
                )
            cols[name] = col.astype(bool)
        else:
            cols[name] = [False] * n
    cols["discipline"] = _enum_column(frame, "discipline", DisciplineStatus.NONE)
    cols["position"] = _enum_column(frame, "position", PositionType.EXECUTOR)
    duty = frame["duty_days"].fillna("").astype(str) if "duty_days" in frame.columns else [""] * n
    cols["duty_days"] = duty
    import pandas as pd

    slim = pd.DataFrame(cols)
    absent = ~slim["opd"].isin(list(wf.opds))
    if absent.any():
        row = int(absent.to_numpy().argmax())
        raise InvalidInputError(
            f"employees DataFrame: column 'opd', row {row}: "
            f"OPD {slim['opd'].iloc[row]!r} is not among the OPDs given"
        )
    keys = ["opd", *_FRAME_BOOL_COLUMNS, "discipline", "position", "duty_days"]
    sizes = slim.groupby(keys, sort=False).size()
    for key, count in sizes.items():
        parts: tuple[Any, ...] = tuple(key)  # type: ignore[arg-type]
        opd_code, head, front, new, outside, special, disc, position, duty_text = parts
        profile = Profile(
            bool(head),
            bool(front),
            DisciplineStatus(disc),
            bool(new),
            bool(outside),
            bool(special),
            PositionType(position),
        )
        wf.add_count(str(opd_code), profile, int(count), duty_days=_parse_duty(str(duty_text)))
    return wf


def _parse_duty(text: str) -> list[date]:
    out = []
    for part in text.split(";"):
        part = part.strip()
        if part:
            try:
                out.append(date.fromisoformat(part))
                continue
            except ValueError:
                pass
            raise InvalidInputError(  # outside the except block: no exception chain
                f"employees DataFrame: column 'duty_days': {part!r} is not an ISO date"
            )
    return out


__all__ = [
    "NIP_STANDIN",
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
