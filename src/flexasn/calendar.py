"""The ASN calendar: working days, weekends, national holidays and cuti bersama.

Perpres 21/2023 Pasal 3: government agencies work five days a week, Monday to
Friday. Pasal 6: days change for national holidays and cuti bersama, which the
SKB of three ministers sets each year (and a Keppres sets for ASN).

The dates come from the ``holidays`` package (``holidays.Indonesia``, categories
``public`` and ``government``); flexasn adds their provenance
(``data/calendar.toml``) and **coverage**: a year is covered once its cuti bersama
decree is known. Outside the covered years every function here raises
[`CoverageError`][flexasn.CoverageError] unless called with ``strict=False``, which
answers with the ``holidays`` estimate and marks it ``estimated``.

A national holiday or cuti bersama that falls on a Saturday or Sunday is reported
as `DayKind.NATIONAL_HOLIDAY` / `DayKind.CUTI_BERSAMA`, not
``WEEKEND``, so that its name shows; either way it is not a working day.

``known_on`` answers as the calendar stood on that date: an amendment decreed later
is not applied (Monday 18 August 2025 became cuti bersama on 7 August 2025), and a
year whose decree was not yet signed is not covered.

**Spans are bounded.** A function that answers for every day of a span
([`working_days`][flexasn.working_days], [`days_off`][flexasn.days_off], the planner,
[`flexasn.hours`][flexasn.hours], a schedule
file's day columns) takes at most [`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS] days (3,660:
ten years) at once;
a longer span raises [`SpanTooLongError`][flexasn.SpanTooLongError] (an ``InvalidInputError``)
naming the
limit, before any work: ask year by year. The command line shows at most 366 days in a
table and 1,830 days (five years) as JSON or CSV
([`MAX_TABLE_DAYS`][flexasn.calendar.MAX_TABLE_DAYS],
[`MAX_DATA_DAYS`][flexasn.calendar.MAX_DATA_DAYS]).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Literal, Self

import holidays
from pydantic import Field, ValidationError, model_validator

from ._loader import bundled_text, data_error, parse_toml
from ._model import Frozen, day_count, each_day
from .errors import (
    CoverageError,
    InvalidInputError,
    PolicyDataError,
    require_date,
    require_lang,
    require_type,
    unchained,
)
from .legal import Citation, cite, registry
from .messages import Text, render, require_language, thousands

Language = Literal["id", "en"]
CALENDAR_FILE = "calendar.toml"
_HOLIDAYS_LANG: dict[str, str] = {"id": "id", "en": "en_US"}


MAX_SPAN_DAYS = 3660
"""The longest span, in days (ten years of 366), a function of flexasn answers for at
once; see [`SpanTooLongError`][flexasn.SpanTooLongError]."""
MAX_TABLE_DAYS = 366
"""The longest span the command line shows as a table: one year."""
MAX_DATA_DAYS = 1830
"""The longest span the command line writes as JSON or CSV: five years of 366 days."""


class SpanTooLongError(InvalidInputError):
    """A span of more days than a function answers for at once
    ([`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS],
    or the command line's own limits). ``days`` is the span's length, ``limit`` the
    limit; `message` says it in Indonesian (default) or English."""

    def __init__(self, start: date, end: date, limit: int) -> None:
        self.start, self.end, self.limit = start, end, limit
        self.days = day_count(start, end)
        super().__init__(self.message("en"))

    def message(self, lang: Language = "id") -> str:
        """The span, its length and the limit, in ``lang``."""
        days, limit = thousands(self.days, lang), thousands(self.limit, lang)
        span = f"{self.start.isoformat()}..{self.end.isoformat()}"
        return render("calendar.span_too_long", lang, span=span, days=days, limit=limit)


def check_span(start: date, end: date, limit: int = MAX_SPAN_DAYS) -> int:
    """The number of days of the inclusive span ``start..end`` (``end`` not before
    ``start``); [`SpanTooLongError`][flexasn.SpanTooLongError] when it is more than ``limit``."""
    days = day_count(start, end)
    if days > limit:
        raise SpanTooLongError(start, end, limit)
    return days


class DayKind(StrEnum):
    """The kind of a day for ASN (Perpres 21/2023 Pasal 3 and 6)."""

    WORKING_DAY = "hari_kerja"
    WEEKEND = "akhir_pekan"
    NATIONAL_HOLIDAY = "libur_nasional"
    CUTI_BERSAMA = "cuti_bersama"


class CalendarYear(Frozen):
    """Provenance of one year's holidays and cuti bersama."""

    year: int = Field(ge=2000, le=2100)
    holidays_decree: str
    asn_decree: str | None = None
    known_on: date
    """The day the year's decree was signed: before it the year is not covered."""
    estimated: tuple[date, ...] = ()
    """Days the decree leaves to a later decision (Idul Fitri and Idul Adha 1448 H in 2027):
    covered, but estimates until an instrument decides them."""
    estimated_notes: str | None = None
    """Why those days are estimates, with the source."""

    @model_validator(mode="after")
    def _estimates_in_the_year(self) -> Self:
        stray = [d.isoformat() for d in self.estimated if d.year != self.year]
        if stray:
            raise InvalidInputError(Text("data.estimated_outside", days=stray, year=self.year))
        if len(set(self.estimated)) != len(self.estimated):
            raise InvalidInputError(Text("data.estimated_twice"))
        if self.estimated and not self.estimated_notes:
            raise InvalidInputError(Text("data.estimated_notes"))
        return self


class Amendment(Frozen):
    """A later change to a year's cuti bersama, with the day it became known."""

    instrument: str
    known_on: date
    added_cuti_bersama: tuple[date, ...] = ()
    removed_cuti_bersama: tuple[date, ...] = ()


class CalendarData(Frozen):
    """The validated content of ``calendar.toml``."""

    year: tuple[CalendarYear, ...] = Field(min_length=1)
    amendment: tuple[Amendment, ...] = ()


class DayInfo(Frozen):
    """One day of the ASN calendar with its name, basis and whether it is an estimate."""

    day: date
    kind: DayKind
    name_id: str | None = None
    name_en: str | None = None
    estimated: bool = False
    """True where the day's kind rests on an estimate: outside the covered years
    (``strict=False``: the ``holidays`` estimate), and on the days a covered year's decree
    leaves to a later decision (``calendar.toml``: Idul Fitri, 10-11 March, and Idul Adha,
    17 May 2027, await the Minister of Religious Affairs)."""
    basis: Citation

    @property
    def is_working_day(self) -> bool:
        """True on an ASN working day."""
        return self.kind is DayKind.WORKING_DAY

    def name(self, lang: Language = "id") -> str | None:
        """The holiday's name in Indonesian (default) or English; None on ordinary days.
        Another language is [`UnknownLanguageError`][flexasn.UnknownLanguageError]."""
        return self.name_id if require_language(lang) == "id" else self.name_en


@unchained
def _validate(raw: dict[str, Any], name: str, text: str | None) -> CalendarData:
    try:
        data = CalendarData.model_validate(raw)
    except ValidationError as exc:
        raise data_error(exc, name, text) from None
    known = registry().instruments
    seen: set[int] = set()
    for index, entry in enumerate(data.year):
        if entry.year in seen:
            raise PolicyDataError(
                Text("data.duplicate_year", year=entry.year), file=name, field=f"year[{index}]"
            )
        seen.add(entry.year)
        for field in ("holidays_decree", "asn_decree"):
            ref = getattr(entry, field)
            if ref is not None and ref not in known:
                raise PolicyDataError(
                    Text("policy.unknown_instrument", instrument=ref),
                    file=name,
                    field=f"year[{index}].{field}",
                )
    for index, amendment in enumerate(data.amendment):
        if amendment.instrument not in known:
            raise PolicyDataError(
                Text("policy.unknown_instrument", instrument=amendment.instrument),
                file=name,
                field=f"amendment[{index}].instrument",
            )
    return data


@functools.cache
def calendar_data() -> CalendarData:
    """The bundled calendar provenance, validated on first use."""
    name, text = bundled_text(CALENDAR_FILE)
    return _validate(parse_toml(name, text), name, text)


@functools.cache
def _years() -> Mapping[int, CalendarYear]:
    return {entry.year: entry for entry in calendar_data().year}


def covered_years(*, known_on: date | None = None) -> tuple[int, ...]:
    """Years whose cuti bersama decree is known: as of ``known_on``, or (``None``) every
    year the bundled data holds."""
    require_date(known_on, "known_on", optional=True)
    return tuple(
        sorted(y for y, entry in _years().items() if known_on is None or entry.known_on <= known_on)
    )


def calendar_year(year: int) -> CalendarYear:
    """Provenance of a covered year: the SKB and Keppres that set its days off."""
    require_type(year, int, "year")
    entry = _years().get(year)
    if entry is None:
        raise CoverageError(date(year, 1, 1), covered_years())
    return entry


def year_decree(entry: CalendarYear, known_on: date | None = None) -> str:
    """The instrument that sets a year's ASN days off as known on ``known_on``: the Keppres
    on ASN cuti bersama once public, else the SKB (the Keppres may come later)."""
    asn_decree = entry.asn_decree
    if asn_decree is not None and known_on is not None:
        made_public = registry().instruments[asn_decree].public_on
        if made_public is not None and made_public > known_on:  # known later than the SKB
            return entry.holidays_decree
    return asn_decree or entry.holidays_decree


def amendments(year: int | None = None) -> tuple[Amendment, ...]:
    """The recorded amendments (optionally those touching one year), oldest first."""
    require_type(year, int, "year", optional=True)
    items = [
        a
        for a in calendar_data().amendment
        if year is None
        or any(d.year == year for d in (*a.added_cuti_bersama, *a.removed_cuti_bersama))
    ]
    return tuple(sorted(items, key=lambda a: a.known_on))


def estimated_days(year: int) -> tuple[date, ...]:
    """The days of a covered year its decree leaves to a later decision (``calendar.toml``),
    sorted; empty for a year with none or a year not covered."""
    entry = _years().get(year)
    return tuple(sorted(entry.estimated)) if entry is not None else ()


@functools.cache
def _holidays(year: int, category: str, lang: str) -> Mapping[date, str]:
    # ``holidays`` computes Islamic dates and labels them "(perkiraan)" / "(estimated)".
    # In a decreed year the SKB fixes most of them (the reconciliation test holds the
    # package to it), so the label would mislead there; it stays on the days the data
    # lists as estimates (``calendar.toml``) and everywhere beyond the decreed years.
    def table(show_estimated: bool) -> dict[date, str]:
        return dict(
            holidays.country_holidays(
                "ID",
                years=year,
                categories=(category,),
                language=_HOLIDAYS_LANG[lang],
                islamic_show_estimated=show_estimated,
            ).items()
        )

    labelled = table(True)
    if year not in _years():
        return labelled
    estimates = set(estimated_days(year))
    return {d: labelled[d] if d in estimates else name for d, name in table(False).items()}


def _check_coverage(day: date, known_on: date | None, strict: bool) -> bool:
    """True when the day is covered; raise (strict) or return False (estimate) when not.
    Every public function of the calendar passes its ``known_on`` and ``strict`` here
    (``covered_years`` checks ``known_on``)."""
    require_type(strict, bool, "strict")
    covered = covered_years(known_on=known_on)
    if day.year in covered:
        return True
    if strict:
        raise CoverageError(day, covered)
    return False


def check_coverage(day: date, *, known_on: date | None = None, strict: bool = True) -> bool:
    """True when ``day``'s year is decreed (as known on ``known_on``); beyond the covered
    years, [`CoverageError`][flexasn.CoverageError] (``strict``) or False (an estimate)."""
    require_date(day, "day")
    require_date(known_on, "known_on", optional=True)
    return _check_coverage(day, known_on, strict)


def _cuti_bersama_change(day: date, known_on: date | None) -> bool | None:
    """Whether an amendment not yet known on ``known_on`` changes ``day``.

    Returns True if the day must be treated as cuti bersama (a removal not yet known),
    False if it must not (an addition not yet known), None if nothing applies.
    """
    if known_on is None:
        return None
    result: bool | None = None
    for amendment in amendments():
        if amendment.known_on <= known_on:
            continue
        if day in amendment.added_cuti_bersama:
            result = False
        elif day in amendment.removed_cuti_bersama:
            result = True
    return result


def day_info(day: date, *, known_on: date | None = None, strict: bool = True) -> DayInfo:
    """Everything the calendar knows of ``day``: kind, holiday name, basis, estimate flag.

    Raises [`CoverageError`][flexasn.CoverageError] beyond the covered years unless
    ``strict=False``.
    """
    require_date(day, "day")
    if known_on is not None:
        require_date(known_on, "known_on")
    covered = _check_coverage(day, known_on, strict)
    year_entry = _years().get(day.year)
    public = _holidays(day.year, "public", "id")
    government = _holidays(day.year, "government", "id")
    change = _cuti_bersama_change(day, known_on)
    is_cuti = (day in government) if change is None else change
    if day in public:
        kind, category = DayKind.NATIONAL_HOLIDAY, "public"
    elif is_cuti:
        kind, category = DayKind.CUTI_BERSAMA, "government"
    elif day.weekday() >= 5:
        kind, category = DayKind.WEEKEND, ""
    else:
        kind, category = DayKind.WORKING_DAY, ""
    name_id = name_en = None
    if category:
        name_id = _holidays(day.year, category, "id").get(day)
        name_en = _holidays(day.year, category, "en").get(day)
        if name_id is None:  # a removal not yet known: the package no longer names it
            name_id, name_en = "Cuti Bersama", "Joint Holiday"
    if kind is DayKind.CUTI_BERSAMA and year_entry is not None:
        amended = next(
            (
                a
                for a in amendments()
                if day in a.added_cuti_bersama and (known_on is None or a.known_on <= known_on)
            ),
            None,
        )
        basis = cite(amended.instrument if amended else year_decree(year_entry, known_on))
    elif kind is DayKind.NATIONAL_HOLIDAY and year_entry is not None:
        basis = cite(year_entry.holidays_decree)
    else:
        basis = cite("perpres-21-2023", "Pasal 3")
    return DayInfo(
        day=day,
        kind=kind,
        name_id=name_id,
        name_en=name_en,
        estimated=not covered or day in estimated_days(day.year),
        basis=basis,
    )


def day_kind(day: date, *, known_on: date | None = None, strict: bool = True) -> DayKind:
    """The ASN kind of ``day``: working day, weekend, national holiday or cuti bersama.

    ``day_kind(date(2025, 3, 28))`` is ``DayKind.CUTI_BERSAMA`` (SKB 2025 and Keppres
    2/2025). A holiday on a weekend reports its holiday kind. Raises
    [`CoverageError`][flexasn.CoverageError] for a date beyond the covered years unless
    ``strict=False``.
    """
    return day_info(day, known_on=known_on, strict=strict).kind


def is_working_day(day: date, *, known_on: date | None = None, strict: bool = True) -> bool:
    """True when ``day`` is an ASN working day (Monday-Friday, not a holiday or cuti bersama)."""
    return day_kind(day, known_on=known_on, strict=strict) is DayKind.WORKING_DAY


def holiday_name(
    day: date, lang: Language = "id", *, known_on: date | None = None, strict: bool = True
) -> str | None:
    """The name of the national holiday or cuti bersama on ``day`` (Indonesian by default)."""
    require_lang(lang)
    return day_info(day, known_on=known_on, strict=strict).name(lang)


def _days(start: date, end: date, known_on: date | None, strict: bool) -> list[date]:
    """Every day of ``start..end``, the arguments checked and both ends' coverage too
    (no partial answer)."""
    require_date(start, "start")
    require_date(end, "end")
    if end < start:
        raise InvalidInputError(
            Text("argument.end_before_start", end=end.isoformat(), start=start.isoformat())
        )
    check_span(start, end)  # at most MAX_SPAN_DAYS: SpanTooLongError before any work
    for edge in (start, end):
        _check_coverage(edge, known_on, strict)
    return list(each_day(start, end))


def working_days(
    start: date, end: date, *, known_on: date | None = None, strict: bool = True
) -> tuple[date, ...]:
    """The ASN working days from ``start`` to ``end``, both inclusive, in order.

    The whole span is checked for coverage first: no partial answer. A span of more
    than [`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS] days raises
    [`SpanTooLongError`][flexasn.SpanTooLongError].
    """
    days = _days(start, end, known_on, strict)
    return tuple(d for d in days if is_working_day(d, known_on=known_on, strict=strict))


def days_off(
    start: date, end: date, *, known_on: date | None = None, strict: bool = True
) -> tuple[DayInfo, ...]:
    """The days from ``start`` to ``end`` (inclusive) that are not working days, with names.

    A span of more than [`MAX_SPAN_DAYS`][flexasn.calendar.MAX_SPAN_DAYS] days raises
    [`SpanTooLongError`][flexasn.SpanTooLongError].
    """
    days = _days(start, end, known_on, strict)
    infos = (day_info(d, known_on=known_on, strict=strict) for d in days)
    return tuple(info for info in infos if not info.is_working_day)


__all__ = [
    "CALENDAR_FILE",
    "MAX_DATA_DAYS",
    "MAX_SPAN_DAYS",
    "MAX_TABLE_DAYS",
    "Amendment",
    "CalendarData",
    "CalendarYear",
    "DayInfo",
    "DayKind",
    "Language",
    "SpanTooLongError",
    "amendments",
    "calendar_data",
    "calendar_year",
    "check_coverage",
    "check_span",
    "covered_years",
    "day_info",
    "day_kind",
    "days_off",
    "estimated_days",
    "holiday_name",
    "is_working_day",
    "working_days",
    "year_decree",
]
