"""flexasn.ics: an instansi's ASN calendar day by day, and its iCalendar feed (RFC 5545).

Expected values from LAW.md: 24-27 March 2025 are the national flexible-work days of
SE MenPANRB 2/2025; Kabupaten Malang decided its own WFH/WFA for them, Kota Batu decided
on no flexible work (all WFO); 28 March 2025 is cuti bersama (Keppres 2/2025).
"""

from __future__ import annotations

import sys
from datetime import date

import icalendar
import pytest

import flexasn as fx
from flexasn.ics import (
    MAX_FEED_DAYS,
    MissingExtraError,
    calendar_ics,
    default_span,
    instansi_calendar,
)


def test_days_of_an_instansi_follow_its_own_decision() -> None:
    malang = instansi_calendar("kab-malang", date(2025, 3, 24), date(2025, 3, 28))
    assert [d.flexible for d in malang] == [True, True, True, True, False]
    assert malang[0].national is False and malang[0].arrangement == "lebaran-2025"
    assert malang[4].kind is fx.DayKind.CUTI_BERSAMA and not malang[4].working_day
    batu = instansi_calendar("kota-batu", date(2025, 3, 24), date(2025, 3, 27))
    assert not any(d.flexible for d in batu)  # Kota Batu: all ASN WFO
    sleman = instansi_calendar("kab-sleman", date(2025, 3, 24), date(2025, 3, 24))
    assert sleman[0].flexible and sleman[0].national  # the national circular reaches it


def test_known_on_leaves_out_later_instruments() -> None:
    before = instansi_calendar(
        "kab-malang", date(2025, 3, 24), date(2025, 3, 24), known_on=date(2025, 3, 1)
    )
    assert not before[0].flexible


def test_bad_spans_and_ids() -> None:
    with pytest.raises(fx.InvalidInputError, match="before"):
        instansi_calendar("kab-malang", date(2025, 3, 2), date(2025, 3, 1))
    with pytest.raises(fx.SpanTooLongError):
        instansi_calendar(
            "kab-malang",
            date(2020, 1, 1),
            date(2020, 1, 1) + (MAX_FEED_DAYS * (date(2020, 1, 2) - date(2020, 1, 1))),
        )
    with pytest.raises(fx.UnknownPolicyError, match="kab-malang"):
        instansi_calendar("kab-malnag", date(2025, 3, 1), date(2025, 3, 2))
    with pytest.raises(fx.CoverageError):
        instansi_calendar("kab-malang", date(2031, 1, 1), date(2031, 1, 2))
    estimated = instansi_calendar("kab-malang", date(2031, 1, 1), date(2031, 1, 2), strict=False)
    assert all(d.estimated for d in estimated)


def test_feed_is_valid_icalendar_with_stable_uids() -> None:
    feed = calendar_ics("kota-batu", date(2025, 3, 1), date(2025, 3, 31), lang="en")
    cal = icalendar.Calendar.from_ical(feed)
    assert str(cal["version"]) == "2.0"
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert "kota-batu-20250328-cuti_bersama@flexasn" in events
    assert not any("kerja_fleksibel" in uid for uid in events)  # Kota Batu: no WFA
    assert "kota-batu-1446h-ramadan@flexasn" in events
    assert feed == calendar_ics("kota-batu", date(2025, 3, 1), date(2025, 3, 31), lang="en")


def test_feed_default_span_and_estimates() -> None:
    first, last = default_span()
    assert first == date(fx.data_as_of().year, 1, 1)
    assert last == date(max(fx.covered_years()), 12, 31)
    feed = calendar_ics("prov-jatim", date(2031, 1, 1), date(2031, 1, 31)).decode()
    assert "(perkiraan)" in feed  # New Year's Day 2031: the holidays package's estimate
    with pytest.raises(fx.InvalidInputError):
        calendar_ics("prov-jatim", lang="fr")  # type: ignore[arg-type]


def test_without_icalendar_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingExtraError) as caught:
        calendar_ics("kab-malang", date(2025, 3, 1), date(2025, 3, 2))
    assert "pip install -e '.[ics]'" in str(caught.value)
    assert "paket tambahan" in caught.value.message("id")
    assert isinstance(caught.value, ImportError) and caught.value.__context__ is None
