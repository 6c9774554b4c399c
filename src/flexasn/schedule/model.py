"""The schedule model: who works where on each day of a span
([`Schedule`][flexasn.Schedule], [`ScheduleDay`][flexasn.schedule.ScheduleDay]), how fairly
remote days were shared ([`Fairness`][flexasn.Fairness]) and each day's summary line."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StrictInt,
    field_validator,
    model_validator,
)

from .._model import Frozen, span
from ..errors import InvalidInputError, require_date, require_type
from ..legal import Citation
from ..messages import Language, Text, render
from ..people import EmploymentStatus, Opd, WorkMode, check_nip
from ..privacy import masked_id
from ..reasons import Check
from .summary import DayStatus, DaySummary, summary_table

SCHEDULE_SCHEMA_VERSION: Literal[1] = 1


def _masked_keys(value: Any) -> Any:
    """A mapping keyed by NIP, its keys masked (for ``repr()``)."""
    if isinstance(value, Mapping):
        return {masked_id(str(k)): v for k, v in value.items()}
    return value


class ScheduleDay(Frozen):
    """One day of a schedule: who is remote (and how); everyone else is WFO."""

    day: date
    remote: dict[str, WorkMode] = Field(default_factory=dict)
    """NIP -> WFH or WFA. WFO entries are dropped: WFO is the default."""
    limit: StrictInt | None = Field(default=None, ge=0)
    """The OPD's ``max_remote`` that day as the planner computed it; None where the law
    sets none or the schedule was made by hand."""
    status: DayStatus = "unplanned"
    arrangement: str | None = None
    basis: Citation | None = None

    @field_validator("remote", mode="after")
    @classmethod
    def _drop_wfo(cls, value: dict[str, WorkMode]) -> dict[str, WorkMode]:
        return {nip: value[nip] for nip in sorted(value) if value[nip] is not WorkMode.WFO}

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr()`` and ``str()`` name employees by masked id, never by NIP."""
        for name, value in super().__repr_args__():
            yield name, _masked_keys(value) if name == "remote" else value

    def note(self, lang: Language = "id") -> str:
        """Why the day's limit is what it is, in Indonesian (default) or English."""
        return render(
            f"schedule.{self.status}",
            lang,
            day=self.day.isoformat(),
            arrangement=self.arrangement or "-",
            limit="-" if self.limit is None else self.limit,
            basis=self.basis.text(lang) if self.basis else "-",
        )


class Fairness(Frozen):
    """How evenly remote days were shared among the employees eligible on some day.

    The planner keeps ``spread`` (most minus fewest remote days) at 1 or less;
    where a limit makes that impossible, ``limited_by`` names it: a duty roster
    (``role_onsite``), the weekly limit (``weekly_limit``), a criterion in force on
    some days only (``discipline``, ``new_employee``) and so on.
    """

    eligible: int = Field(ge=0)
    """Employees eligible on at least one day on which the OPD had a quota."""
    min_days: int = Field(ge=0)
    max_days: int = Field(ge=0)
    limited_by: tuple[Check, ...] = ()

    @property
    def spread(self) -> int:
        """Most remote days minus fewest, among the eligible."""
        return self.max_days - self.min_days

    def note(self, lang: Language = "id") -> str:
        """A sentence for the report, in Indonesian (default) or English."""
        if self.spread <= 1:
            return render(
                "schedule.fair", lang, eligible=self.eligible, low=self.min_days, high=self.max_days
            )
        return render(
            "schedule.unfair",
            lang,
            eligible=self.eligible,
            low=self.min_days,
            high=self.max_days,
            checks=", ".join(c.value for c in self.limited_by) or "-",
        )


def _employee_id(value: str) -> str:
    # the 18 digits alone: a PPPK number's layout is not assumed (people.check_nip)
    check_nip(value, status=EmploymentStatus.PPPK)
    return value


EmployeeId = Annotated[str, AfterValidator(_employee_id)]
"""An employee's NIP (or NI PPPK) in a schedule: 18 ASCII digits, as in the CSV files; an
error names its place (``employees[3]``), never the id."""


class Schedule(Frozen):
    """Every employee of one OPD on every day of an inclusive span.

    ``mode(nip, day)`` gives the work mode; ``remote_on(day)`` the NIPs out that day.
    The model is frozen and JSON-serialisable (``model_dump_json``); validation errors
    never echo the input (no NIP in a message).
    """

    model_config = ConfigDict(hide_input_in_errors=True)

    schema_version: Literal[1] = SCHEDULE_SCHEMA_VERSION
    opd: str = Field(min_length=1)
    instansi: str | None = None
    policy: str | None = None
    """The id of the policy the planner applied (None for a schedule made by hand)."""
    first_day: date
    last_day: date
    employees: tuple[EmployeeId, ...]
    """Every employee's NIP, sorted (each 18 digits: a name or a shortened id is refused)."""
    days: tuple[ScheduleDay, ...]
    """One entry per calendar day from ``first_day`` to ``last_day``, in order."""
    history: dict[str, tuple[date, ...]] = Field(default_factory=dict)
    """Remote days taken before ``first_day`` in its Monday-Sunday week, per NIP: they
    count towards a standing arrangement's weekly limit (Permen PANRB 4/2025 Pasal 13)."""
    held: dict[str, tuple[Check, ...]] = Field(default_factory=dict)
    """Per NIP, the checks that kept the employee on site on some day on which the OPD
    had a quota: an eligibility check, ``quota`` (others' turn) or ``weekly_limit``."""
    fairness: Fairness | None = None

    @field_validator("employees", mode="after")
    @classmethod
    def _sorted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        ordered = tuple(sorted(value))
        for a, b in itertools.pairwise(ordered):
            if a == b:
                raise InvalidInputError(Text("schedule_model.listed_twice", employee=masked_id(a)))
        return ordered

    @field_validator("history", "held", mode="after")
    @classmethod
    def _by_nip(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {nip: value[nip] for nip in sorted(value)}

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.last_day < self.first_day:
            raise InvalidInputError(Text("schedule_model.last_before_first"))
        whole = span(self.first_day, self.last_day)
        if len(self.days) != len(whole) or any(
            d.day != day for d, day in zip(self.days, whole.days(), strict=False)
        ):
            raise InvalidInputError(Text("schedule_model.days"))
        known = set(self.employees)
        for d in self.days:
            stray = next((nip for nip in d.remote if nip not in known), None)
            if stray is not None:
                raise InvalidInputError(
                    Text(
                        "schedule_model.stray_remote",
                        day=d.day.isoformat(),
                        employee=masked_id(stray),
                    )
                )
        for nip in (*self.history, *self.held):
            if nip not in known:
                raise InvalidInputError(Text("schedule_model.not_listed", employee=masked_id(nip)))
        return self

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr()`` and ``str()`` name employees by masked id
        ([`masked_id`][flexasn.masked_id]), never by NIP."""
        for name, value in super().__repr_args__():
            if name == "employees":
                yield name, tuple(masked_id(nip) for nip in value)
            elif name in ("history", "held"):
                yield name, _masked_keys(value)
            else:
                yield name, value

    @functools.cached_property
    def _members(self) -> frozenset[str]:
        return frozenset(self.employees)

    def _day(self, day: date) -> ScheduleDay:
        require_date(day, "day")
        if not self.first_day <= day <= self.last_day:
            raise InvalidInputError(
                Text(
                    "schedule_model.outside",
                    day=day.isoformat(),
                    first=self.first_day.isoformat(),
                    last=self.last_day.isoformat(),
                )
            )
        return self.days[(day - self.first_day).days]

    def mode(self, nip: str, day: date) -> WorkMode:
        """Where the employee works on ``day``: WFO unless scheduled WFH or WFA.

        Raises [`InvalidInputError`][flexasn.InvalidInputError] for an employee not in the
        schedule (named by a masked NIP) or a day outside its span.
        """
        require_type(nip, str, "nip")
        if nip not in self._members:
            raise InvalidInputError(Text("schedule_model.not_member", employee=masked_id(nip)))
        return self._day(day).remote.get(nip, WorkMode.WFO)

    def remote_on(self, day: date) -> tuple[str, ...]:
        """The NIPs of the employees working remotely (WFH or WFA) on ``day``, sorted."""
        return tuple(self._day(day).remote)

    def remote_days(self, nip: str) -> tuple[date, ...]:
        """The days on which the employee is remote, in order."""
        require_type(nip, str, "nip")
        if nip not in self._members:
            raise InvalidInputError(Text("schedule_model.not_member", employee=masked_id(nip)))
        return tuple(d.day for d in self.days if nip in d.remote)

    def summary(self) -> tuple[DaySummary, ...]:
        """One [`DaySummary`][flexasn.DaySummary] per day, with the limits the planner recorded.

        For a schedule made by hand (no limits recorded) use
        [`flexasn.summarize`][flexasn.summarize].
        """
        return tuple(summary_line(d, len(self.employees)) for d in self.days)

    def summary_text(self, lang: Language = "id") -> str:
        """The per-day summary as a plain-text table (Indonesian by default)."""
        return summary_table(self.summary(), lang)


def require_schedule_of(schedule: Schedule, opd: Opd) -> None:
    """Refuse anything but a [`Schedule`][flexasn.Schedule] of this [`Opd`][flexasn.Opd]
    (``schedule.opd`` is its code): the checker and the per-day report read one OPD's
    schedule against that OPD's quota and roster."""
    require_type(schedule, Schedule, "schedule")
    require_type(opd, Opd, "opd")
    if schedule.opd != opd.code:
        raise InvalidInputError(
            Text("rotation.other_schedule", schedule=schedule.opd, opd=opd.code)
        )


def summary_line(d: ScheduleDay, employees: int) -> DaySummary:
    """The summary of one day of a schedule of ``employees`` staff."""
    modes = list(d.remote.values())
    remote = len(modes)
    return DaySummary(
        day=d.day,
        remote=remote,
        wfh=modes.count(WorkMode.WFH),
        wfa=modes.count(WorkMode.WFA),
        onsite=employees - remote,
        limit=d.limit,
        unused=None if d.limit is None else d.limit - remote,
        status=d.status,
        note_id=d.note("id"),
        note_en=d.note("en"),
    )


__all__ = [
    "SCHEDULE_SCHEMA_VERSION",
    "EmployeeId",
    "Fairness",
    "Schedule",
    "ScheduleDay",
    "require_schedule_of",
    "summary_line",
]
