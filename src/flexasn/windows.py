"""The national flexible-work windows: the working days of the minister's dated circulars.

Hari kerja fleksibel nasional: hari kerja dalam jendela bertanggal surat edaran Menteri
PANRB (kebijakan ``nasional``). They are policy data read through the calendar, so this
module sits above both (the law, then policies: see README, "How the code is laid out");
[`flexible_work_days`][flexasn.flexible_work_days] is the contract's name: the days, or with
``cited=True`` each day with its circular. ``fx.national_flexible_days`` is its deprecated
alias (``cited=True``), kept for one release.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from datetime import date
from typing import Literal, overload

from ._model import DateSpan, Frozen, days_within
from .calendar import check_coverage, is_working_day
from .errors import require_type
from .legal import Citation
from .messages import render
from .policy import ArrangementKind, get_policy


class FlexibleWorkDay(Frozen):
    """A national flexible-work day and the circular that set it."""

    day: date
    basis: Citation


def cited_days(year: int, strict: bool) -> tuple[FlexibleWorkDay, ...]:
    """The national flexible-work days of ``year``, each with the circular that set it (the
    arguments checked): see [`flexible_work_days`][flexasn.flexible_work_days]."""
    require_type(year, int, "year")
    check_coverage(date(year, 1, 1), strict=strict)
    found: dict[date, Citation] = {}
    for arrangement in get_policy("nasional").arrangement:
        if arrangement.kind is not ArrangementKind.DATED:  # the weekly Friday WFH is not a window
            continue
        for day in _days_in_year(arrangement.days, year):  # not every day of its spans
            if arrangement.covers(day) and is_working_day(day, strict=strict):
                found[day] = arrangement.citation()
    return tuple(FlexibleWorkDay(day=d, basis=found[d]) for d in sorted(found))


def _days_in_year(spans: Iterable[DateSpan], year: int) -> list[date]:
    """The days of ``spans`` that fall in ``year``, in order: a span of any length costs
    at most the year's days."""
    return sorted(days_within(spans, date(year, 1, 1), date(year, 12, 31)))


@overload
def flexible_work_days(
    year: int, *, strict: bool = True, cited: Literal[False] = False
) -> tuple[date, ...]: ...
@overload
def flexible_work_days(
    year: int, *, strict: bool = True, cited: Literal[True]
) -> tuple[FlexibleWorkDay, ...]: ...
def flexible_work_days(
    year: int, *, strict: bool = True, cited: bool = False
) -> tuple[date, ...] | tuple[FlexibleWorkDay, ...]:
    """The national flexible-work days of ``year`` from the dated circulars, sorted: the
    dates, or with ``cited=True`` each as a [`FlexibleWorkDay`][flexasn.FlexibleWorkDay]
    with the circular that set it.

    ``flexible_work_days(2025)`` gives 24-27 March (SE MenPANRB 2/2025), 8 April
    (SE MenPANRB 3/2025) and 29-31 December 2025 (Surat B/531/M.KT.02/2025).
    They are the working days of the dated windows of the minister's circulars (the
    ``nasional`` policy: SE MenPANRB 2/2025 and 3/2025, Surat B/531/M.KT.02/2025,
    SE MenPANRB 2/2026). The weekly arrangement of 2026 (WFH every Friday, SE MenPANRB
    3/2026) is not a dated window and is not listed: ask
    [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa]
    or [`flexasn.quota`][flexasn.quota] about a Friday. Raises
    [`CoverageError`][flexasn.CoverageError] for a year beyond the covered years unless
    ``strict=False``.
    """
    require_type(cited, bool, "cited")
    days = cited_days(year, strict)
    return days if cited else tuple(item.day for item in days)


def national_flexible_days(year: int, *, strict: bool = True) -> tuple[FlexibleWorkDay, ...]:
    """Deprecated: use [`flexible_work_days(year, cited=True)`][flexasn.flexible_work_days],
    which it returns; a ``DeprecationWarning`` first."""
    message = render(
        "deprecated.renamed",
        "en",
        old="national_flexible_days",
        new="flexible_work_days(year, cited=True)",
    )
    warnings.warn(message, DeprecationWarning, stacklevel=2)
    return cited_days(year, strict)


__all__ = [
    "FlexibleWorkDay",
    "cited_days",
    "flexible_work_days",
    "national_flexible_days",
]
