"""The calendar's spans (`flexasn.calendar`), pinned where `make mutate` found a change no
test noticed (issue 12): a span is checked at both ends before any day is read, with the
reader's ``known_on``, so the error names the span's uncovered end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as D

import pytest

import flexasn as fx
from common import messages


@pytest.mark.parametrize("ask", [fx.working_days, fx.days_off], ids=lambda f: f.__name__)
def test_a_span_into_a_year_not_yet_decreed_names_its_last_day(ask: Callable[..., object]) -> None:
    # On 1 September 2025 the 2026 SKB (set 19 September 2025) was not known: only 2025
    # was covered. December 2025 - January 2026 is checked at both ends first, so the
    # error names 31 January 2026, the end that is not covered, as it does for a span into
    # a year no decree covers at all (2028, below), and not 1 January 2026, the first
    # uncovered day a day-by-day reading would meet.
    with pytest.raises(fx.CoverageError) as info:
        ask(D(2025, 12, 1), D(2026, 1, 31), known_on=D(2025, 9, 1))
    assert info.value.day == D(2026, 1, 31)
    assert info.value.covered == (2025,)
    assert messages(info.value) == {
        "id": "2026-01-31 di luar kalender ASN yang sudah ditetapkan (tahun tercakup: 2025-2025)",
        "en": "2026-01-31 is outside the decreed ASN calendar (covered years: 2025-2025)",
    }
    with pytest.raises(fx.CoverageError) as info:
        ask(D(2027, 12, 1), D(2028, 1, 31))
    assert info.value.day == D(2028, 1, 31)
    assert info.value.covered == (2025, 2026, 2027)
