"""Near-twins merged (issue 13): one function per family, the old names kept for one release.

- `fx.working_hours(start, end=None)` gives the working hours (jam kerja) of each day: it
  replaces `fx.day_norm(day)` (one day) and `fx.day_norms(start, end)` (a span).
  `fx.daily_norm` and `fx.required_hours` (DESIGN.md's contract) stay, not deprecated.
- `fx.flexible_work_days(year, cited=True)` gives each national flexible-work day with its
  circular: it replaces `fx.national_flexible_days(year)`. `fx.flexible_work_days(year)`
  (the contract) still gives the dates.

Each deprecated name answers as before and warns (`DeprecationWarning`) naming its
replacement, at the caller's line. The values are worked out by hand from the law.
"""

from __future__ import annotations

import os
import warnings
from datetime import date, time, timedelta

import pytest

import flexasn as fx
import flexasn.hours

H, M = timedelta(hours=1), timedelta(minutes=1)

# Perpres 21/2023 Pasal 4, in Ramadan: 08.00 start, 32 h 30 min a week over five days
# (6 h 30 min a day), a 30-minute break Monday to Thursday. 3 March 2025 is a Monday of
# Ramadan 1446 H (1-30 March 2025), so it ends at 08.00 + 6 h 30 + 30 min = 15.00.
RAMADAN_MONDAY = date(2025, 3, 3)

# 12-16 May 2025: Vesak (12 May, national holiday) and cuti bersama (13 May) owe nothing;
# 14-16 May owe 7 h 30 min each (37 h 30 min / 5).
VESAK_WEEK = (date(2025, 5, 12), date(2025, 5, 16))
VESAK_WEEK_OWED = [timedelta(0), timedelta(0), 7 * H + 30 * M, 7 * H + 30 * M, 7 * H + 30 * M]

# The national flexible-work days of 2025 and the circular of each (LAW.md §3).
FLEXIBLE_2025 = {
    date(2025, 3, 24): "se-menpanrb-2-2025",
    date(2025, 3, 25): "se-menpanrb-2-2025",
    date(2025, 3, 26): "se-menpanrb-2-2025",
    date(2025, 3, 27): "se-menpanrb-2-2025",
    date(2025, 4, 8): "se-menpanrb-3-2025",
    date(2025, 12, 29): "surat-menpanrb-b-531-2025",
    date(2025, 12, 30): "surat-menpanrb-b-531-2025",
    date(2025, 12, 31): "surat-menpanrb-b-531-2025",
}


# --- the merged functions ---------------------------------------------------------------


def test_working_hours_of_one_day() -> None:
    (monday,) = fx.working_hours(RAMADAN_MONDAY)
    assert monday.day == RAMADAN_MONDAY and monday.ramadan
    assert (monday.owed, monday.start, monday.end) == (6 * H + 30 * M, time(8), time(15))
    assert monday.break_time == 30 * M
    assert fx.daily_norm(RAMADAN_MONDAY) == monday.owed  # the contract's name, the same hours


def test_working_hours_of_a_span() -> None:
    norms = fx.working_hours(*VESAK_WEEK)
    assert [n.day.day for n in norms] == [12, 13, 14, 15, 16]
    assert [n.owed for n in norms] == VESAK_WEEK_OWED
    assert [n.kind for n in norms[:2]] == [fx.DayKind.NATIONAL_HOLIDAY, fx.DayKind.CUTI_BERSAMA]
    assert fx.required_hours(*VESAK_WEEK) == 22 * H + 30 * M


def test_a_single_day_error_names_start() -> None:
    with pytest.raises(fx.HoursTypeError, match=r"^start\b"):
        fx.working_hours("2025-03-03")  # type: ignore[arg-type]


def test_flexible_work_days_cited_and_plain() -> None:
    cited = fx.flexible_work_days(2025, cited=True)
    assert {item.day: item.basis.instrument for item in cited} == FLEXIBLE_2025
    assert fx.flexible_work_days(2025) == tuple(sorted(FLEXIBLE_2025))
    assert fx.flexible_work_days(2025, cited=False) == tuple(sorted(FLEXIBLE_2025))


def test_the_merged_names_are_public() -> None:
    assert "working_hours" in fx.__all__ and "working_hours" in flexasn.hours.__all__
    assert fx.working_hours is flexasn.hours.working_hours


# --- the deprecated aliases: as before, with a warning naming the replacement ----------


def points_at_caller(filename: str) -> bool:
    """The warning names the caller's file: this test. Under ``make mutate`` a mutated
    module (`windows`) is called through mutmut's trampoline, one frame more."""
    if "MUTANT_UNDER_TEST" in os.environ and filename.endswith("trampoline.py"):
        return True
    return filename == __file__


def said(old: str, new: str) -> str:
    """The warning's text (the ``deprecated.renamed`` message, in English)."""
    return f"flexasn.{old} is deprecated and goes in the next release; use flexasn.{new}"


def test_day_norm_warns_and_answers_as_before() -> None:
    with pytest.warns(DeprecationWarning) as w:
        norm = fx.day_norm(RAMADAN_MONDAY)
    assert str(w[0].message) == said("day_norm", "working_hours(day)[0]")
    assert points_at_caller(w[0].filename)  # the warning points at the caller
    assert (norm.owed, norm.start, norm.end) == (6 * H + 30 * M, time(8), time(15))
    assert norm == fx.working_hours(RAMADAN_MONDAY)[0]


def test_day_norms_warns_and_answers_as_before() -> None:
    with pytest.warns(DeprecationWarning) as w:
        norms = fx.day_norms(*VESAK_WEEK)
    assert str(w[0].message) == said("day_norms", "working_hours(start, end)")
    assert points_at_caller(w[0].filename)
    assert [n.owed for n in norms] == VESAK_WEEK_OWED
    assert norms == fx.working_hours(*VESAK_WEEK)


def test_national_flexible_days_warns_and_answers_as_before() -> None:
    with pytest.warns(DeprecationWarning) as w:
        days = fx.national_flexible_days(2025)
    assert str(w[0].message) == said(
        "national_flexible_days", "flexible_work_days(year, cited=True)"
    )
    assert points_at_caller(w[0].filename)
    assert {item.day: item.basis.instrument for item in days} == FLEXIBLE_2025


def test_deprecated_aliases_keep_their_errors() -> None:
    """A wrong argument raises the same error as before (the warning comes first)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(fx.HoursTypeError, match=r"^day\b"):
            fx.day_norm("2025-03-03")  # type: ignore[arg-type]
        with pytest.raises(fx.HoursTypeError, match=r"^end\b"):
            fx.day_norms(RAMADAN_MONDAY, None)  # type: ignore[arg-type]
        with pytest.raises(fx.CoverageError):
            fx.national_flexible_days(2099)


def test_the_contract_names_do_not_warn() -> None:
    """`daily_norm`, `required_hours` and `flexible_work_days` are DESIGN.md's contract:
    never deprecated (the suite turns every warning into an error)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fx.daily_norm(RAMADAN_MONDAY)
        fx.required_hours(*VESAK_WEEK)
        fx.flexible_work_days(2025)
        fx.working_hours(RAMADAN_MONDAY)
