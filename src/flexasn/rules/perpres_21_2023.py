"""Perpres 21/2023 (Hari Kerja dan Jam Kerja): the working-day rules."""

from __future__ import annotations

from ..calendar import DayKind, calendar_year, covered_years, year_decree
from ..legal import cite
from ..messages import LANGUAGES, render
from ..reasons import Check, Reason, reason
from . import Situation


def data_coverage(s: Situation) -> Reason:
    """Is the law for this date known? (Perpres 21/2023 Pasal 6: holidays and cuti bersama.)

    Passes when the year's cuti bersama decree is known; unknown beyond the covered years:
    a cuti bersama not yet decreed could fall on the day.
    """
    if s.covered:
        decree = calendar_year(s.day.year)
        return reason(
            Check.DATA_COVERAGE,
            True,
            "data_coverage.pass",
            cite(year_decree(decree, s.known_on)),
            year=s.day.year,
            decree=cite(decree.holidays_decree).short,
        )
    covered = covered_years(known_on=s.known_on)
    return reason(
        Check.DATA_COVERAGE,
        None,
        "data_coverage.unknown",
        cite("perpres-21-2023", "Pasal 6"),
        year=s.day.year,
        covered=f"{covered[0]}-{covered[-1]}" if covered else "-",
    )


def working_day(s: Situation) -> Reason:
    """Is the day an ASN working day? (Perpres 21/2023 Pasal 3: Monday to Friday; Pasal 6.)

    Fails on weekends, national holidays and cuti bersama. Beyond the covered years a
    weekday is unknown (a holiday may yet be decreed); a weekend fails all the same.
    """
    info = s.day_info
    day = s.day.isoformat()
    basis = info.basis
    if (not s.covered and info.kind is not DayKind.WEEKEND) or (
        s.covered and info.estimated and info.kind is not DayKind.WORKING_DAY
    ):
        # beyond the decreed years, or an Islamic holiday whose date the Minister of
        # Religious Affairs has not set yet (LAW.md §4: 10-11 March, 17 May 2027)
        kind = {lang: render(f"day_kind.{info.kind.value}", lang) for lang in LANGUAGES}
        return reason(Check.WORKING_DAY, None, "working_day.unknown", basis, day=day, kind=kind)
    if info.kind is DayKind.WORKING_DAY:
        return reason(Check.WORKING_DAY, True, "working_day.pass", basis, day=day)
    if info.kind is DayKind.WEEKEND:
        return reason(Check.WORKING_DAY, False, "working_day.fail_weekend", basis, day=day)
    key = (
        "working_day.fail_holiday"
        if info.kind is DayKind.NATIONAL_HOLIDAY
        else "working_day.fail_cuti"
    )
    return reason(
        Check.WORKING_DAY,
        False,
        key,
        basis,
        day=day,
        name={"id": info.name_id or "", "en": info.name_en or ""},
    )


__all__ = [
    "data_coverage",
    "working_day",
]
