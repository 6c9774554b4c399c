"""The calendar's keyword paths (issue 12 part 2): ``known_on`` and ``strict`` reach every
function, amendments come oldest first, and the national flexible-work days read every
dated window of the national layer.

Dates from LAW.md §4: Monday 18 August 2025 became cuti bersama on 7 August 2025 (SKB
933/1/3 of 2025); 2025 was decreed on 14 October 2024 (SKB 1017/2/2 of 2024); the years
covered are 2025-2027.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

import flexasn as fx
from builders import arrangement, span
from flexasn import calendar
from flexasn.policy import Policy

AUG_18 = date(2025, 8, 18)
BEFORE = date(2025, 8, 1)  # before the amendment was known
WEEK = (date(2025, 8, 18), date(2025, 8, 22))


def test_beyond_the_covered_years_an_estimate_only_when_asked() -> None:
    wednesday, saturday = date(2030, 3, 6), date(2030, 3, 9)
    assert fx.is_working_day(wednesday, strict=False) is True
    assert fx.is_working_day(saturday, strict=False) is False
    with pytest.raises(fx.CoverageError):
        fx.is_working_day(wednesday)
    # 1 January is a national holiday every year: named, as an estimate
    assert fx.holiday_name(date(2030, 1, 1), "en", strict=False) is not None
    with pytest.raises(fx.CoverageError):
        fx.holiday_name(date(2030, 1, 1))
    assert len(fx.working_days(date(2030, 3, 11), date(2030, 3, 15), strict=False)) == 5
    assert [d.day for d in fx.days_off(date(2030, 3, 8), date(2030, 3, 10), strict=False)] == [
        date(2030, 3, 9),
        date(2030, 3, 10),
    ]
    for call in (fx.working_days, fx.days_off):
        with pytest.raises(fx.CoverageError):
            call(date(2030, 3, 4), date(2030, 3, 8))


def test_known_on_reaches_every_calendar_function() -> None:
    assert fx.holiday_name(AUG_18, "en", known_on=BEFORE) is None
    assert fx.holiday_name(AUG_18, "en") is not None
    assert fx.is_working_day(AUG_18, known_on=BEFORE) is True
    assert fx.is_working_day(AUG_18) is False
    assert fx.working_days(*WEEK, known_on=BEFORE) == tuple(date(2025, 8, d) for d in range(18, 23))
    assert fx.working_days(*WEEK) == tuple(date(2025, 8, d) for d in range(19, 23))
    assert fx.days_off(*WEEK, known_on=BEFORE) == ()
    assert [d.day for d in fx.days_off(*WEEK)] == [AUG_18]


def test_a_year_not_yet_decreed_on_known_on_is_not_covered() -> None:
    # on 1 January 2024 no SKB for 2025 existed (it was signed 14 October 2024)
    early = date(2024, 1, 1)
    for call in (fx.working_days, fx.days_off):
        with pytest.raises(fx.CoverageError):
            call(*WEEK, known_on=early)
        assert call(*WEEK, known_on=early, strict=False) is not None


def test_span_arguments_are_named() -> None:
    with pytest.raises(fx.InvalidInputError, match=r"^start must be a datetime\.date"):
        fx.working_days("2025-08-18", WEEK[1])  # type: ignore[arg-type]
    with pytest.raises(fx.InvalidInputError, match=r"^end must be a datetime\.date"):
        fx.days_off(WEEK[0], "2025-08-22")  # type: ignore[arg-type]
    with pytest.raises(fx.InvalidInputError, match=r"^end 2025-08-18 is before start 2025-08-22$"):
        fx.working_days(WEEK[1], WEEK[0])


def test_amendments_come_oldest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # two made-up amendments recorded newest first
    later = calendar.Amendment(
        instrument="skb-libur-2026",
        known_on=date(2026, 1, 5),
        added_cuti_bersama=(date(2026, 1, 2),),
    )
    earlier = calendar.Amendment(
        instrument="skb-libur-2025-perubahan",
        known_on=date(2025, 8, 7),
        removed_cuti_bersama=(date(2025, 12, 26),),
    )
    data = calendar.calendar_data().model_copy(update={"amendment": (later, earlier)})
    monkeypatch.setattr(calendar, "calendar_data", lambda: data)
    assert fx.amendments() == (earlier, later)
    assert fx.amendments(2025) == (earlier,)
    assert fx.amendments(2026) == (later,)
    assert fx.amendments(2027) == ()


@pytest.fixture
def national_registered() -> Iterator[None]:
    yield
    fx.unregister_policy("nasional")


def test_national_flexible_days_read_every_dated_window(national_registered: None) -> None:
    # the national layer with its weekly arrangements listed before its dated windows, and
    # a made-up window in 2028, beyond the covered years
    national = fx.get_policy("nasional")
    weekly = tuple(a for a in national.arrangement if a.is_weekly)
    dated = tuple(a for a in national.arrangement if not a.is_weekly)
    extra = Policy.model_validate(
        {
            "id": "nasional",
            "name": "uji",
            "level": "pusat",
            "arrangement": [arrangement("uji-2028", days=[span(date(2028, 3, 6))])],
        }
    ).arrangement
    fx.register_policy(national.model_copy(update={"arrangement": (*weekly, *dated, *extra)}))
    assert fx.flexible_work_days(2025) == (
        date(2025, 3, 24),
        date(2025, 3, 25),
        date(2025, 3, 26),
        date(2025, 3, 27),
        date(2025, 4, 8),
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2025, 12, 31),
    )
    assert fx.flexible_work_days(2028, strict=False) == (date(2028, 3, 6),)
    (day,) = fx.flexible_work_days(2028, strict=False, cited=True)
    assert day.basis == fx.cite("permen-panrb-4-2025", "Pasal 8")
    with pytest.raises(fx.CoverageError):
        fx.flexible_work_days(2028)


def test_a_year_not_covered_names_the_years_that_are() -> None:
    with pytest.raises(fx.CoverageError) as info:
        fx.calendar_year(2028)
    assert info.value.day == date(2028, 1, 1)
    assert info.value.covered == (2025, 2026, 2027)
    assert str(info.value).startswith("2028-01-01 is outside the decreed ASN calendar")


def test_day_arguments_are_named() -> None:
    with pytest.raises(fx.InvalidInputError, match=r"^day must be a datetime\.date"):
        fx.day_info("2025-08-18")  # type: ignore[arg-type]
    with pytest.raises(fx.InvalidInputError, match=r"^known_on must be a datetime\.date"):
        fx.day_info(AUG_18, known_on="2025-08-01")  # type: ignore[arg-type]


def test_every_amendment_not_yet_known_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # A made-up amendment known early, recorded before the real one of 7 August 2025 that
    # added 18 August: asked on 1 August, the earlier one is known and the later one is not
    # yet, so 18 August is still a working day.
    early = calendar.Amendment(
        instrument="skb-libur-2025",
        known_on=date(2025, 1, 2),
        added_cuti_bersama=(date(2025, 12, 26),),
    )
    real = calendar.Amendment(
        instrument="skb-libur-2025-perubahan",
        known_on=date(2025, 8, 7),
        added_cuti_bersama=(AUG_18,),
    )
    monkeypatch.setattr(calendar, "amendments", lambda year=None: (early, real))
    assert fx.day_kind(AUG_18, known_on=date(2025, 8, 1)) is fx.DayKind.WORKING_DAY
    assert fx.day_kind(AUG_18, known_on=date(2025, 8, 7)) is fx.DayKind.CUTI_BERSAMA
    assert fx.day_kind(date(2025, 12, 26), known_on=date(2025, 8, 1)) is fx.DayKind.CUTI_BERSAMA
