"""Regional work schedules: the daily times an instansi sets inside the national totals.

Perpres 21/2023 Pasal 4 sets the weekly totals (37 h 30 min, in Ramadan 32 h 30 min),
the start time (07.30 local time, in Ramadan 08.00) and the breaks; it sets no end
time per day. A region may set its own daily times inside those totals, and units
that give operational support or direct public service are not bound by the
Monday-Friday pattern at all (Pasal 7: they may run six-day weeks or shifts).

A [`WorkSchedule`][flexasn.WorkSchedule] is such a regional schedule as policy data
(``[[work_schedule]]`` in a policy file): the days it covers, the hours of each
weekday, the weekly total it declares (checked against the sum of the days), the OPD
kinds that follow it, and its legal basis. Kota Malang's Ramadan circulars
(SE 6/2025, SE 6/2026) are the bundled example.

This module imports nothing from [`flexasn.policy`][flexasn.policy], which imports it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import combinations
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ._loader import bundled_text, data_error, parse_toml
from ._model import DateSpan, Frozen, first_shared_day, repeated
from .errors import InvalidInputError, PolicyDataError
from .legal import Citation, Confidence, Source, cite, registry
from .messages import Text
from .people import OpdKinds

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as policy files write them, Monday first (``date.weekday()`` order)."""

STANDARD_PATTERN = "standar"
"""The pattern of the instansi's ordinary Monday-Friday units."""

NATIONAL_HOURS_FILE = "national-hours.toml"
"""The national working hours of Perpres 21/2023 Pasal 4 (standard and Ramadan), as two
``[[work_schedule]]`` entries: [`national_schedule`][flexasn.worktime.national_schedule]."""


def net_duration(start: time, end: time, break_minutes: int) -> timedelta:
    """Time from ``start`` to ``end`` less the break; an end not after the start is next day."""
    anchor = date(2000, 1, 3)
    begin = datetime.combine(anchor, start)
    finish = datetime.combine(anchor, end)
    if finish <= begin:
        finish += timedelta(days=1)
    return finish - begin - timedelta(minutes=break_minutes)


class ScheduleBasis(Frozen):
    """A schedule's reference to the instrument registry (the same shape as a policy basis)."""

    instrument: str
    article: str | None = None
    reading: bool = False
    """True where the value is flexasn's reading of the instrument, not its words."""
    note: str | None = None

    @model_validator(mode="after")
    def _known(self) -> Self:
        reg = registry()
        if self.instrument not in reg.instruments:
            raise InvalidInputError(Text("policy.unknown_instrument", instrument=self.instrument))
        if self.article is not None and (self.instrument, self.article) not in reg.articles:
            raise InvalidInputError(
                Text("policy.unknown_article", article=self.article, instrument=self.instrument)
            )
        return self

    def citation(self) -> Citation:
        """The registry citation of this basis."""
        return cite(self.instrument, self.article, reading=self.reading)


class ScheduleHours(Frozen):
    """The hours of one or more weekdays in a schedule: start, end, break (minutes).

    The working time owed is ``end - start - break``. Times are local time of the
    instansi (WIB, WITA or WIT: the policy's ``timezone``).
    """

    days: tuple[Weekday, ...] = Field(min_length=1)
    start: time
    end: time
    break_minutes: StrictInt = Field(default=0, ge=0, le=240)

    @field_validator("start", "end")
    @classmethod
    def _naive_minutes(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise InvalidInputError(Text("data.local_time"))
        if value.second or value.microsecond:
            raise InvalidInputError(Text("data.whole_minutes"))
        return value

    @model_validator(mode="after")
    def _positive(self) -> Self:
        if self.end <= self.start:
            raise InvalidInputError(
                Text(
                    "data.end_not_after_start",
                    end=self.end.isoformat("minutes"),
                    start=self.start.isoformat("minutes"),
                )
            )
        if self.net <= timedelta(0):
            raise InvalidInputError(Text("data.break_too_long"))
        if len(set(self.days)) != len(self.days):
            raise InvalidInputError(Text("data.weekday_twice"))
        return self

    @property
    def net(self) -> timedelta:
        """Working time owed on each of these days, break excluded."""
        return net_duration(self.start, self.end, self.break_minutes)

    @property
    def break_time(self) -> timedelta:
        """The break as a duration."""
        return timedelta(minutes=self.break_minutes)


def _minutes(value: Any) -> Any:
    """Accept ``"32:30"`` / ``"32h30m"`` style totals as well as a timedelta or minutes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return timedelta(minutes=value)
    if isinstance(value, str) and ":" in value:
        hours, _, minutes = value.partition(":")
        if hours.strip().isdigit() and minutes.strip().isdigit():
            return timedelta(hours=int(hours), minutes=int(minutes))
    return value


class WorkSchedule(Frozen):
    """A regional work schedule: the hours of each weekday over some days (Perpres Pasal 4, 7).

    ``pattern`` names the group of units that follows it: ``"standar"`` for the
    instansi's ordinary units, another name (``"enam-hari"``) for units under
    Perpres 21/2023 Pasal 7 that keep other days. ``kinds`` lists the OPD kinds that
    follow a non-standard pattern by default (Kota Malang: ``puskesmas``).
    ``weekly_total`` is the total the instrument declares; it must equal the sum of
    the weekdays' hours. A total above the national one (Pasal 4: 37 h 30 min, in Ramadan
    32 h 30 min) is what the region decreed: it loads, and it is flagged
    ([`above_national_total`][flexasn.worktime.WorkSchedule.above_national_total], and a
    ``schedule_above_national_total`` notice in
    [`check_hours`][flexasn.check_hours]), never silently lowered. Provinsi Banten's SE 3/2026
    (35 h a week in Ramadan 1447 H) is the bundled example.

    National holidays and cuti bersama owe nothing whatever the schedule says
    (Perpres 21/2023 Pasal 6); a weekday the schedule does not list owes nothing.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str | None = None
    pattern: str = Field(default=STANDARD_PATTERN, pattern=r"^[a-z0-9][a-z0-9-]*$")
    kinds: OpdKinds = ()
    days: tuple[DateSpan, ...] = Field(min_length=1)
    """Inclusive spans of calendar days the schedule covers."""
    hours: tuple[ScheduleHours, ...] = Field(min_length=1)
    weekly_total: timedelta
    """The weekly total the instrument states (TOML: minutes, or ``"32:30"``)."""
    ramadan: bool = False
    """True for a Ramadan schedule: the national total it is measured against is
    32 h 30 min (Pasal 4), not 37 h 30 min."""
    basis: ScheduleBasis
    also_cites: tuple[ScheduleBasis, ...] = ()
    confidence: Confidence
    sources: tuple[Source, ...] = ()
    """Where the schedule was read, each with the sentence it rests on (``quote``)."""
    notes: str | None = None

    @field_validator("weekly_total", mode="before")
    @classmethod
    def _total(cls, value: Any) -> Any:
        return _minutes(value)

    @field_validator("ramadan", mode="before")
    @classmethod
    def _strict_ramadan(cls, value: Any) -> Any:
        if not isinstance(value, bool):  # as StrictBool: neither 1 nor "true"
            raise PydanticCustomError("bool_type", "Input should be a valid boolean")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        dupes = repeated([d for h in self.hours for d in h.days], key=WEEKDAYS.index)
        if dupes:
            raise InvalidInputError(Text("data.weekday_entries", days=dupes))
        total = sum((h.net * len(h.days) for h in self.hours), timedelta(0))
        if total != self.weekly_total:
            raise InvalidInputError(
                Text("data.weekly_total", total=_fmt(total), weekly=_fmt(self.weekly_total))
            )
        if self.kinds and self.pattern == STANDARD_PATTERN:
            raise InvalidInputError(Text("data.pattern_needed", pattern=self.pattern))
        for a, b in combinations(self.days, 2):
            if a.first_day <= b.last_day and b.first_day <= a.last_day:
                raise InvalidInputError(Text("policy.spans_overlap", first=str(a), second=str(b)))
        return self

    @property
    def national_total(self) -> timedelta:
        """The national weekly total it is measured against (Perpres 21/2023 Pasal 4):
        32 h 30 min for a Ramadan schedule, else 37 h 30 min."""
        return national_schedule(self.ramadan).weekly_total

    @property
    def above_national_total(self) -> bool:
        """True when the region's weekly total exceeds the national one (Banten's 35 h in
        Ramadan 2026): the data is accepted as decreed and flagged, not corrected."""
        return self.weekly_total > self.national_total

    def covers(self, day: date) -> bool:
        """True when ``day`` falls in one of the schedule's spans."""
        return any(day in s for s in self.days)

    def iter_days(self) -> Iterator[date]:
        """Every calendar day of the schedule's spans, in order."""
        for s in sorted(self.days, key=lambda s: s.first_day):
            yield from s.days()

    def hours_on(self, day: date) -> ScheduleHours | None:
        """The hours entry for ``day``'s weekday; None on a weekday the schedule leaves off."""
        name = WEEKDAYS[day.weekday()]
        return next((h for h in self.hours if name in h.days), None)

    def citation(self) -> Citation:
        """The citation of the schedule's basis."""
        return self.basis.citation()


def _fmt(value: timedelta) -> str:
    minutes = int(value.total_seconds()) // 60
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _no_overlap(schedules: tuple[WorkSchedule, ...]) -> tuple[WorkSchedule, ...]:
    dupes = repeated([s.id for s in schedules])
    if dupes:
        raise InvalidInputError(Text("data.duplicate_schedules", ids=dupes))
    for a, b in combinations(schedules, 2):
        if a.pattern != b.pattern:
            continue
        shared = first_shared_day(a.days, b.days)
        if shared is not None:
            raise InvalidInputError(
                Text(
                    "data.schedules_overlap",
                    first=a.id,
                    second=b.id,
                    pattern=a.pattern,
                    day=shared.isoformat(),
                )
            )
    owners: dict[str, str] = {}
    for s in schedules:
        for kind in s.kinds:
            if owners.setdefault(kind, s.pattern) != s.pattern:
                raise InvalidInputError(
                    Text("data.kind_two_patterns", kind=kind, first=owners[kind], second=s.pattern)
                )
    return schedules


@functools.cache
def _national_schedules() -> tuple[WorkSchedule, WorkSchedule]:
    name, text = bundled_text(NATIONAL_HOURS_FILE)
    entries = parse_toml(name, text).get("work_schedule")
    if not isinstance(entries, list) or len(entries) != 2:
        raise PolicyDataError(Text("data.two_schedules"), file=name)
    schedules: list[WorkSchedule] = []
    for index, entry in enumerate(entries):
        try:
            schedules.append(WorkSchedule.model_validate(entry))
        except ValidationError as exc:
            raise data_error(
                exc, name, text, loc_prefix=("work_schedule", index), field_prefix="work_schedule"
            ) from None
    standard, ramadan = sorted(schedules, key=lambda s: s.ramadan)
    if standard.ramadan or not ramadan.ramadan:
        raise PolicyDataError(Text("data.standard_and_ramadan"), file=name)
    return standard, ramadan


def national_schedule(ramadan: bool = False) -> WorkSchedule:
    """The national hours of Perpres 21/2023 Pasal 4 (``ramadan``: those of Ramadan), read
    from ``data/national-hours.toml``: the weekly total, the start, the breaks, and the
    daily hours of flexasn's reading (the week split evenly over Monday to Friday)."""
    return _national_schedules()[1 if ramadan else 0]


def __getattr__(name: str) -> timedelta:
    """``WEEKLY_TOTAL`` (37 h 30 min) and ``RAMADAN_WEEKLY_TOTAL`` (32 h 30 min), the
    Pasal 4 totals, read from the national data when first asked for."""
    if name == "WEEKLY_TOTAL":
        return national_schedule(False).weekly_total
    if name == "RAMADAN_WEEKLY_TOTAL":
        return national_schedule(True).weekly_total
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


WorkSchedules = Annotated[tuple[WorkSchedule, ...], AfterValidator(_no_overlap)]
"""A policy's regional schedules: ids unique, one schedule per pattern and day, one
pattern per OPD kind."""


__all__ = [
    "NATIONAL_HOURS_FILE",
    "RAMADAN_WEEKLY_TOTAL",  # noqa: F822 (read from the data when first asked for)
    "STANDARD_PATTERN",
    "WEEKDAYS",
    "WEEKLY_TOTAL",  # noqa: F822 (read from the data when first asked for)
    "ScheduleBasis",
    "ScheduleHours",
    "WorkSchedule",
    "WorkSchedules",
    "national_schedule",
    "net_duration",
]
