"""The national flexible-work windows: the working days of the minister's dated circulars.

Hari kerja fleksibel nasional: hari kerja dalam jendela bertanggal surat edaran Menteri
PANRB (kebijakan ``nasional``). They are policy data read through the calendar, so this
module sits above both (the law, then policies: see README, "How the code is laid out");
``fx.flexible_work_days`` and ``fx.national_flexible_days`` are the contract's names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ._model import DateSpan, Frozen
from .calendar import check_coverage, is_working_day
from .errors import require_type
from .legal import Citation
from .policy import ArrangementKind, get_policy


class FlexibleWorkDay(Frozen):
    """A national flexible-work day and the circular that set it."""

    day: date
    basis: Citation


def national_flexible_days(year: int, *, strict: bool = True) -> tuple[FlexibleWorkDay, ...]:
    """The national flexible-work days of ``year``, each with the circular that set it.

    They are the working days of the dated windows of the minister's circulars (the
    ``nasional`` policy: SE MenPANRB 2/2025 and 3/2025, Surat B/531/M.KT.02/2025,
    SE MenPANRB 2/2026). The weekly arrangement of 2026 (WFH every Friday, SE MenPANRB
    3/2026) is not a dated window and is not listed: ask
    [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa]
    or [`flexasn.quota`][flexasn.quota] about a Friday. Raises
    [`CoverageError`][flexasn.CoverageError] for a year beyond the covered years unless
    ``strict=False``.
    """
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
    first, last = date(year, 1, 1), date(year, 12, 31)
    out: set[date] = set()
    for s in spans:
        lo, hi = max(s.first_day, first), min(s.last_day, last)
        out.update(lo + timedelta(days=n) for n in range((hi - lo).days + 1))
    return sorted(out)


def flexible_work_days(year: int, *, strict: bool = True) -> tuple[date, ...]:
    """The national flexible-work days of ``year`` from the dated circulars, sorted.

    ``flexible_work_days(2025)`` gives 24-27 March (SE MenPANRB 2/2025), 8 April
    (SE MenPANRB 3/2025) and 29-31 December 2025 (Surat B/531/M.KT.02/2025).
    See `national_flexible_days` for the circular behind each day.
    """
    return tuple(item.day for item in national_flexible_days(year, strict=strict))


__all__ = [
    "FlexibleWorkDay",
    "flexible_work_days",
    "national_flexible_days",
]
