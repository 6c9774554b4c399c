"""Ramadan periods, for working hours (Perpres 21/2023 Pasal 4).

In Ramadan the Perpres sets 32 h 30 min a week instead of 37 h 30 min, work starts at
08.00 instead of 07.30, and the breaks are 30 minutes (Friday 60) instead of 60 (Friday
90). Which days are Ramadan is set each year by the Minister of Religious Affairs after
the sidang isbat: 1446 H ran from Saturday 1 March to Sunday 30 March 2025, 1447 H from
Thursday 19 February to Friday 20 March 2026.

The periods are cited data (``data/ramadan.toml``). A period that is not yet decreed
(1448 H) is an **estimate** and says so: with ``strict=True`` (the default) a day whose
answer depends on it raises [`CoverageError`][flexasn.CoverageError]; with
``strict=False`` the estimate is used and the period is marked ``estimated``. Beyond
the table, ``strict=False`` estimates Ramadan as the 30 days before the Idul Fitri date
of the ``holidays`` package, so that the hours agree with the calendar's estimate.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any, Self

import holidays
from pydantic import Field, ValidationError, model_validator

from ._loader import bundled_text, data_error, parse_toml
from ._model import Frozen, day_count
from .errors import (
    CoverageError,
    InvalidInputError,
    PolicyDataError,
    require_date,
    require_type,
    unchained,
)
from .legal import Citation, Confidence, Source, cite, registry
from .messages import Text

RAMADAN_FILE = "ramadan.toml"
ESTIMATE_MARGIN = timedelta(days=2)
"""How far the sidang isbat may move an estimated period's ends: in strict mode the
days within this margin of an estimated period are not known either."""
_HOLIDAYS_SOURCE = Source(
    publisher="python-holidays (Indonesia, Idul Fitri estimate)",
    url="https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
)
_MEAN_HIJRI_YEAR_DAYS = 354.36708  # used only to label an estimate with its Hijri year
_REFERENCE = (1446, date(2025, 3, 1))


class RamadanPeriod(Frozen):
    """One Ramadan, inclusive: 1 Ramadan to the day before Idul Fitri (1 Syawal).

    A decreed period cites the Minister of Religious Affairs' decision (``instrument``);
    an estimate has ``estimated = True``, no instrument, and its sources.
    """

    hijri_year: int = Field(ge=1444, le=1600)
    first_day: date
    last_day: date
    instrument: str | None = None
    estimated: bool = False
    confidence: Confidence
    sources: tuple[Source, ...] = ()
    notes: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        length = day_count(self.first_day, self.last_day)
        if length not in (29, 30):
            raise InvalidInputError(Text("data.ramadan_length", length=length))
        if self.estimated and self.instrument is not None:
            raise InvalidInputError(Text("data.estimate_instrument"))
        if not self.estimated and self.instrument is None:
            raise InvalidInputError(Text("data.decreed_instrument"))
        if self.estimated and not self.sources:
            raise InvalidInputError(Text("data.estimate_sources"))
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def __len__(self) -> int:
        return day_count(self.first_day, self.last_day)

    def citation(self) -> Citation | None:
        """The decision that set the period; None for an estimate."""
        return None if self.instrument is None else cite(self.instrument)


class RamadanData(Frozen):
    """The validated content of ``ramadan.toml``."""

    period: tuple[RamadanPeriod, ...] = Field(min_length=1)


@unchained
def parse_ramadan(raw: dict[str, Any], name: str, text: str | None = None) -> RamadanData:
    """Validate parsed Ramadan data: schema, instruments known, periods in order."""
    try:
        data = RamadanData.model_validate(raw)
    except ValidationError as exc:
        raise data_error(exc, name, text) from None
    known = registry().instruments
    for index, period in enumerate(data.period):
        if period.instrument is not None and period.instrument not in known:
            raise PolicyDataError(
                Text("policy.unknown_instrument", instrument=period.instrument),
                file=name,
                field=f"period[{index}].instrument",
            )
        if index and (
            period.first_day <= data.period[index - 1].last_day
            or period.hijri_year != data.period[index - 1].hijri_year + 1
        ):
            raise PolicyDataError(
                Text("data.ramadan_order"),
                file=name,
                field=f"period[{index}]",
            )
    return data


@functools.cache
def ramadan_periods() -> tuple[RamadanPeriod, ...]:
    """The bundled Ramadan periods (decreed and estimated), oldest first."""
    name, text = bundled_text(RAMADAN_FILE)
    return parse_ramadan(parse_toml(name, text), name, text).period


def _covered_years() -> tuple[int, ...]:
    periods = ramadan_periods()
    return tuple(sorted({d.year for p in periods for d in (p.first_day, p.last_day)}))


def _horizon() -> tuple[date, date]:
    """The days the table answers for: from 1 January of its first year to the end of its
    last year, but never as far as the next Ramadan could begin (about 354 days on)."""
    periods = ramadan_periods()
    last = periods[-1]
    end = min(date(last.last_day.year, 12, 31), last.first_day + timedelta(days=340))
    return date(periods[0].first_day.year, 1, 1), end


def _decreed_years() -> tuple[int, ...]:
    periods = [p for p in ramadan_periods() if not p.estimated]
    return tuple(sorted({d.year for p in periods for d in (p.first_day, p.last_day)}))


@functools.cache
def _idul_fitri(year: int) -> tuple[date, ...]:
    """First days of Idul Fitri in ``year`` according to ``holidays`` (estimates included)."""
    table = holidays.country_holidays("ID", years=year, categories=("public",), language="en_US")
    days = {d for d, n in table.items() if "Eid al-Fitr" in n}
    return tuple(sorted(d for d in days if d - timedelta(days=1) not in days))


def _estimate(day: date) -> RamadanPeriod | None:
    for year in (day.year, day.year + 1):
        for eid in _idul_fitri(year):
            first, last = eid - timedelta(days=30), eid - timedelta(days=1)
            if first <= day <= last:
                hijri = _REFERENCE[0] + round((first - _REFERENCE[1]).days / _MEAN_HIJRI_YEAR_DAYS)
                return RamadanPeriod(
                    hijri_year=hijri,
                    first_day=first,
                    last_day=last,
                    estimated=True,
                    confidence=Confidence.SINGLE,
                    sources=(_HOLIDAYS_SOURCE,),
                    notes=(
                        f"Estimate: the 30 days before Idul Fitri {eid.isoformat()} "
                        "(holidays package); not decreed."
                    ),
                )
    return None


def ramadan_period(day: date, *, strict: bool = True) -> RamadanPeriod | None:
    """The Ramadan that ``day`` falls in, or None when it falls in none.

    ``ramadan_period(date(2025, 3, 3)).hijri_year`` is 1446. With ``strict=True`` a day
    near or inside a period that is only estimated (1448 H), or in a year the table
    does not reach, raises [`CoverageError`][flexasn.CoverageError]; ``strict=False``
    answers with the estimate (``estimated=True``).
    """
    require_date(day, "day")
    require_type(strict, bool, "strict")
    for period in ramadan_periods():
        if period.estimated and (
            period.first_day - ESTIMATE_MARGIN <= day <= period.last_day + ESTIMATE_MARGIN
        ):
            if strict:
                raise CoverageError(
                    day,
                    _decreed_years(),
                    Text(
                        "coverage.ramadan_estimate",
                        year=period.hijri_year,
                        first=period.first_day.isoformat(),
                        last=period.last_day.isoformat(),
                    ),
                )
            return period if day in period else None
        if day in period:
            return period
    if _horizon()[0] <= day <= _horizon()[1]:
        return None
    if strict:
        raise CoverageError(day, _covered_years(), "Ramadan calendar")
    return _estimate(day)


def is_ramadan(day: date, *, strict: bool = True) -> bool:
    """True when ``day`` falls in Ramadan (see [`ramadan_period`][flexasn.ramadan_period] for
    ``strict``)."""
    return ramadan_period(day, strict=strict) is not None


__all__ = [
    "RamadanData",
    "RamadanPeriod",
    "is_ramadan",
    "parse_ramadan",
    "ramadan_period",
    "ramadan_periods",
]
