"""What each region decided for the national windows: the registry behind the regional
decisions page (``docs/regional-decisions.md``), its picture and ``flexasn doctor``'s
coverage counts.

Outcomes are computed from the library (``get_policy(id).in_force(day)``), never by
re-reading policy files, so a user's registered policy or a new bundled file shows up
without code changes. For each region and window the first working day of the window
that the region's *own* data decides gives the outcome:

- ``decided``: an own dated, weekly or standing arrangement permits flexible work (its
  default proportion where it sets one);
- ``no_flexible_work``: the region decided that everyone works from the office;
- ``conflict``: the region's decision is recorded as unknown (sources disagree, or a
  weekly decision whose day is uncertain): ``decision_unknown``;
- ``unknown``: no own decision covers the window (the national layer answers), or the
  region's own weekly arrangement has passed its last known day.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ._loader import bundled_text
from ._model import each_day
from .calendar import is_working_day
from .errors import PolicyConflictError, PolicyDataError
from .messages import Text, render, require_language
from .policy import NATIONAL, Arrangement, ArrangementKind, get_policy, list_policies
from .register import instansi_ids


class RegionalOutcome(StrEnum):
    """What a region decided for a window."""

    DECIDED = "decided"
    NO_FLEXIBLE_WORK = "no_flexible_work"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Window:
    """A national window (or the weekly arrangement) the regions are compared on."""

    id: str
    label_id: str
    label_en: str
    first_day: date
    last_day: date
    weekdays: tuple[int, ...] = ()
    """``date.weekday()`` numbers a region's own arrangement is looked for on first (the
    weekly window looks at Fridays first, then at any working day of the span)."""

    def days(self) -> Iterator[date]:
        """The window's ASN working days, in order."""
        yield from (d for d in each_day(self.first_day, self.last_day) if is_working_day(d))


def _span_label(first: date, last: date, lang: str) -> str:
    """``24-27 Mar``, ``8 Apr``, ``1 Apr-17 Jul``: the span's days, in ``lang``."""
    language = require_language(lang)

    def month(day: date) -> str:
        return render(f"month_short.{day.month}", language)

    if (first.year, first.month) != (last.year, last.month):
        return f"{first.day} {month(first)}-{last.day} {month(last)}"
    days = f"{first.day}" if first == last else f"{first.day}-{last.day}"
    return f"{days} {month(first)}"


def _label(name: str, first: date, last: date, lang: str) -> str:
    """A window's name in ``lang`` (message ``regional_window.<name>``, named by the year
    of its first day) with its span: ``Lebaran 2025 (24-27 Mar)``."""
    span = _span_label(first, last, lang)
    return render(f"regional_window.{name}", require_language(lang), year=first.year, span=span)


# The windows compared, by the national arrangement (and its span) that sets each one's days
# in data/policies/nasional.toml; each one's name is a message of the catalogue
# (``regional_window.<name>``: ``Lebaran {year}``, in each language; the year and the days
# are the data's).
_DATED: tuple[tuple[str, str, str, int], ...] = (
    ("lebaran-2025", "lebaran", "se-2-2025", 0),
    ("lebaran-2025-8-april", "lebaran", "se-3-2025", 0),
    ("nataru-2025", "nataru", "b-531-2025", 0),
    ("lebaran-2026-nyepi", "lebaran", "se-2-2026", 0),
    ("lebaran-2026-idul-fitri", "lebaran", "se-2-2026", 1),
)


def _windows() -> tuple[Window, ...]:
    """The dated windows of the national policy, then its weekly arrangement of 2026 (from
    the first day of its first circular to the last known day of its extension)."""
    national = {a.id: a for a in get_policy(NATIONAL).arrangement}
    out = []
    for window_id, name, arrangement, index in _DATED:
        span = national[arrangement].days[index]
        first, last = span.first_day, span.last_day
        out.append(
            Window(
                window_id,
                _label(name, first, last, "id"),
                _label(name, first, last, "en"),
                first,
                last,
            )
        )
    weekly = [a for a in national.values() if a.kind is ArrangementKind.WEEKLY]
    first = min(a.first_day for a in weekly)
    last = max(a.last_day for a in weekly)
    weekdays = tuple(sorted({w.number for a in weekly for w in a.weekdays}))
    out.append(
        Window(
            f"mingguan-{first.year}",
            _label("weekly", first, last, "id"),
            _label("weekly", first, last, "en"),
            first,
            last,
            weekdays,
        )
    )
    return tuple(out)


WINDOWS: tuple[Window, ...] = _windows()
"""Lebaran 2025 (SE MenPANRB 2/2025 and 3/2025), Nataru 2025 (B/531), Lebaran 2026 (SE
MenPANRB 2/2026, two parts) and the weekly arrangement of 2026 (the national Friday WFH
known through 17 July 2026, LAW.md §3a), their days read from the national policy."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One region's outcome for one window, with the arrangement and sources behind it."""

    region: str
    window: str
    outcome: RegionalOutcome
    arrangement: str | None = None
    percent: str | None = None
    """The default proportion the arrangement sets (``None``: left to the head)."""
    urls: tuple[str, ...] = ()


def _percent(a: Arrangement) -> str | None:
    defaults = [q for q in a.quota if q.default]
    return f"{defaults[0].percent}" if defaults else None


def _urls(a: Arrangement) -> tuple[str, ...]:
    return tuple(src.url for src in a.basis.record().sources if src.url)


def _ordered_days(window: Window) -> list[date]:
    days = list(window.days())
    if window.weekdays:
        days = [d for d in days if d.weekday() in window.weekdays] + [
            d for d in days if d.weekday() not in window.weekdays
        ]
    return days


def outcome(region: str, window: Window) -> Cell:
    """The outcome of ``region`` (an instansi id) for ``window``."""
    policy = get_policy(region)
    for day in _ordered_days(window):
        try:
            in_force = policy.in_force(day)
        except PolicyConflictError:
            return Cell(region, window.id, RegionalOutcome.CONFLICT)
        a = in_force.arrangement
        if a is None or in_force.national:
            continue
        if in_force.continued:
            return Cell(region, window.id, RegionalOutcome.UNKNOWN, a.id, urls=_urls(a))
        if a.kind is ArrangementKind.NO_FLEXIBLE_WORK:
            kind = RegionalOutcome.NO_FLEXIBLE_WORK
        elif a.kind is ArrangementKind.DECISION_UNKNOWN:
            kind = RegionalOutcome.CONFLICT
        else:
            kind = RegionalOutcome.DECIDED
        percent = _percent(a) if kind is RegionalOutcome.DECIDED else None
        return Cell(region, window.id, kind, a.id, percent, _urls(a))
    return Cell(region, window.id, RegionalOutcome.UNKNOWN)


@functools.cache
def listed_cities() -> tuple[str, ...]:
    """The most populous kota listed beside the provinces (``data/cities.toml``), by rank."""
    name, text = bundled_text("cities.toml")
    raw = tomllib.loads(text)
    known = set(instansi_ids())
    ids = tuple(str(c["id"]) for c in raw["city"])
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise PolicyDataError(Text("data.not_in_register", ids=unknown), file=name)
    return ids


def provinces() -> tuple[str, ...]:
    """Every province id of the register."""
    return tuple(i for i in instansi_ids() if i.startswith("prov-"))


def regional_policies() -> tuple[str, ...]:
    """The bundled policies with data of their own, except the national layer."""
    return tuple(i for i in list_policies() if i != NATIONAL)


def coverage(regions: tuple[str, ...] | None = None) -> dict[str, int]:
    """Per window id, how many of ``regions`` (default: every bundled regional policy) have
    a decision of their own: decided, no flexible work or a recorded conflict."""
    chosen = regions if regions is not None else regional_policies()
    return {
        w.id: sum(outcome(r, w).outcome is not RegionalOutcome.UNKNOWN for r in chosen)
        for w in WINDOWS
    }


__all__ = [
    "WINDOWS",
    "Cell",
    "RegionalOutcome",
    "Window",
    "coverage",
    "listed_cities",
    "outcome",
    "provinces",
    "regional_policies",
]
