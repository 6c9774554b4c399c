"""Shared pydantic base classes and the inclusive date span used by every data model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Protocol, Self

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .errors import InvalidInputError, drop_chain, model_error
from .messages import Text


def repeated(items: Sequence[str], key: Callable[[str], Any] | None = None) -> list[str]:
    """The items that ``items`` lists more than once, each once, sorted (by ``key`` when
    given): what a "listed twice" error names."""
    return sorted((i for i, n in Counter(items).items() if n > 1), key=key)


def field_error(model: str, field: str, error: ValueError) -> ValidationError:
    """A validation error of one field, raised by a whole-model validator.

    pydantic places an error raised in a model validator at the model itself; raising
    this instead puts it at ``field`` (``Employee.nip``), inside any enclosing model too
    (``employees[3].nip``). The message is the error's own; the input is not kept.
    """
    return ValidationError.from_exception_data(
        model,
        [
            {
                "type": PydanticCustomError(
                    "value_error", "Value error, {error}", {"error": error}
                ),
                "loc": (field,),
                "input": None,
            }
        ],
        hide_input=True,
    )


def require_ordered(first_day: date, last_day: date) -> None:
    """[`InvalidInputError`][flexasn.InvalidInputError] when ``last_day`` is before
    ``first_day`` (the span would be reversed); nothing otherwise."""
    if last_day < first_day:
        raise InvalidInputError(
            Text("errors.span_reversed", last=last_day.isoformat(), first=first_day.isoformat())
        )


def day_count(first_day: date, last_day: date) -> int:
    """How many days the inclusive span ``first_day..last_day`` holds: both ends count
    (one for a single day; zero or less when ``last_day`` is before ``first_day``)."""
    return (last_day - first_day).days + 1


def each_day(first_day: date, last_day: date) -> Iterator[date]:
    """Every day from ``first_day`` to ``last_day``, both inclusive, in order; no day at
    all when ``last_day`` is before ``first_day`` (a clipped span that is empty).

    The one place a span of days is expanded: callers check the span first, as their
    own errors require."""
    day = first_day
    while day <= last_day:
        yield day
        day += timedelta(days=1)


def week_of(day: date) -> date:
    """The Monday of the day's Monday-Sunday week."""
    return day - timedelta(days=day.weekday())


class Dated(Protocol):
    """Anything with an inclusive ``first_day`` and ``last_day`` (a `DateSpan`, a Ramadan
    period)."""

    @property
    def first_day(self) -> date:
        """The first day, inclusive."""
        ...

    @property
    def last_day(self) -> date:
        """The last day, inclusive."""
        ...


def days_within(spans: Iterable[Dated], first_day: date, last_day: date) -> set[date]:
    """The days of ``spans`` that fall from ``first_day`` to ``last_day`` (both inclusive),
    each once: a span of any length costs at most the days asked for."""
    out: set[date] = set()
    for s in spans:
        out.update(each_day(max(s.first_day, first_day), min(s.last_day, last_day)))
    return out


def first_shared_day(
    spans: Iterable[DateSpan],
    others: Iterable[DateSpan],
    on_weekday: Callable[[date], bool] | None = None,
) -> date | None:
    """The first day inside both one of ``spans`` and one of ``others``, or None.

    With ``on_weekday`` (a test that looks at a day's weekday only), the first shared day
    it accepts: such a day, if any, comes within the first seven days of an overlap. The
    spans are compared, not their days, so spans of any length cost the same."""
    accept = on_weekday or (lambda _: True)
    found: list[date] = []
    for x in spans:
        for y in others:
            first, last = max(x.first_day, y.first_day), min(x.last_day, y.last_day)
            week = each_day(first, min(last, first + timedelta(days=6)))
            day = next((d for d in week if accept(d)), None)
            if day is not None:
                found.append(day)
    return min(found, default=None)


class Frozen(BaseModel):
    """Base of every flexasn model: immutable, unknown fields rejected, strings stripped.

    Bad data raises [`ModelValidationError`][flexasn.ModelValidationError] (an
    [`InvalidInputError`][flexasn.InvalidInputError], so a ``FlexasnError`` and a ``ValueError``,
    and still a ``pydantic.ValidationError``) from the constructor, ``model_validate``,
    ``model_validate_json``, ``model_validate_strings`` and an assignment; a malformed NIP
    raises [`ModelNipError`][flexasn.ModelNipError], also an ``InvalidNipError``. The error
    names the model and the fields and never holds the input values, nor pydantic's own
    error: it is raised after the ``except`` block, with no exception chain.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, hide_input_in_errors=True
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            error = model_error(exc, type(self).__name__)
        else:
            return
        raise drop_chain(error)  # outside the except block: pydantic's error is not kept

    # pydantic calls a model's own __init__ when it validates that model inside another;
    # this one only translates the error, so nested validation is left to pydantic and
    # the outer model reports the whole path (``days[2].remote``).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` (pydantic's keywords accepted); bad data raises ModelValidationError."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            error = model_error(exc, cls.__name__)
        raise drop_chain(error)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Validate JSON text; bad data raises ModelValidationError."""
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as exc:
            error = model_error(exc, cls.__name__)
        raise drop_chain(error)

    @classmethod
    def model_validate_strings(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate string data (as from a form or a CSV); bad data raises ModelValidationError."""
        try:
            return super().model_validate_strings(obj, **kwargs)
        except ValidationError as exc:
            error = model_error(exc, cls.__name__)
        raise drop_chain(error)

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:  # a frozen model: "Instance is frozen"
            error = model_error(exc, type(self).__name__)
        else:
            return
        raise drop_chain(error)


class DateSpan(Frozen):
    """An inclusive span of days, as legal instruments write them ("24 s.d. 27 Maret 2025").

    ``first_day`` and ``last_day`` both belong to the span, so membership and
    iteration need no off-by-one care: ``date(2025, 3, 27) in span`` is True.
    """

    first_day: date
    last_day: date

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        require_ordered(self.first_day, self.last_day)
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def days(self) -> Iterator[date]:
        """Every day of the span, first to last inclusive."""
        return each_day(self.first_day, self.last_day)

    def __len__(self) -> int:
        return day_count(self.first_day, self.last_day)

    def __str__(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()}..{self.last_day.isoformat()}"


def span(first_day: date, last_day: date | None = None) -> DateSpan:
    """Build an inclusive `DateSpan`; one argument gives a one-day span."""
    return DateSpan(first_day=first_day, last_day=last_day or first_day)


__all__ = [
    "DateSpan",
    "Dated",
    "Frozen",
    "day_count",
    "days_within",
    "each_day",
    "field_error",
    "first_shared_day",
    "repeated",
    "require_ordered",
    "span",
    "week_of",
]
