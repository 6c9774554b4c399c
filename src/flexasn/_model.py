"""Shared pydantic base classes and the inclusive date span used by every data model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator


class Frozen(BaseModel):
    """Base of every flexasn model: immutable, unknown fields rejected, strings stripped."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class DateSpan(Frozen):
    """An inclusive span of days, as legal instruments write them ("24 s.d. 27 Maret 2025").

    ``first_day`` and ``last_day`` both belong to the span, so membership and
    iteration need no off-by-one care: ``date(2025, 3, 27) in span`` is True.
    """

    first_day: date
    last_day: date

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.last_day < self.first_day:
            raise ValueError(
                f"last_day {self.last_day.isoformat()} is before "
                f"first_day {self.first_day.isoformat()}"
            )
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def days(self) -> Iterator[date]:
        """Every day of the span, first to last inclusive."""
        day = self.first_day
        while day <= self.last_day:
            yield day
            day += timedelta(days=1)

    def __len__(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def __str__(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()}..{self.last_day.isoformat()}"


def span(first_day: date, last_day: date | None = None) -> DateSpan:
    """Build an inclusive :class:`DateSpan`; one argument gives a one-day span."""
    return DateSpan(first_day=first_day, last_day=last_day or first_day)
