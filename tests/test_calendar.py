"""The ASN calendar (issue 2, part 2), checked against dates written out by hand.

Every expected date below is typed from LAW.md §4 and the SKBs it names (2025: SKB
1017/2/2 of 2024 and its amendment SKB 933/1/3 of 2025; 2026: SKB 1497/2/5 of 2025),
never from the code's output. 2027 is not listed date by date in LAW.md: its table
below is the `holidays` 0.109 data as reviewed when the 2027 SKB was added, pinned so
that a release that moves a date fails here. It was checked date by date against a
public transcription of SKB 1205/3/2 of 2026 (set 15 September 2026; setneg.go.id):
18 national-holiday dates, Isra Mikraj twice (5 January and 26 December 2027), and
8 cuti bersama, the same days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from flexasn.calendar import CalendarYear

D = date

# --- hand-written tables ---------------------------------------------------------------

NATIONAL_HOLIDAYS: dict[int, tuple[date, ...]] = {
    # 17 national holidays, SKB 1017/2/2 Tahun 2024.
    2025: (
        D(2025, 1, 1),  # Tahun Baru Masehi (Wed)
        D(2025, 1, 27),  # Isra Mikraj (Mon)
        D(2025, 1, 29),  # Tahun Baru Imlek (Wed)
        D(2025, 3, 29),  # Nyepi (Sat)
        D(2025, 3, 31),  # Idul Fitri (Mon)
        D(2025, 4, 1),  # Idul Fitri, day 2 (Tue)
        D(2025, 4, 18),  # Wafat Yesus Kristus (Fri)
        D(2025, 4, 20),  # Paskah (Sun)
        D(2025, 5, 1),  # Hari Buruh (Thu)
        D(2025, 5, 12),  # Waisak (Mon)
        D(2025, 5, 29),  # Kenaikan Yesus Kristus (Thu)
        D(2025, 6, 1),  # Hari Lahir Pancasila (Sun)
        D(2025, 6, 6),  # Idul Adha (Fri)
        D(2025, 6, 27),  # 1 Muharam (Fri)
        D(2025, 8, 17),  # Hari Kemerdekaan (Sun)
        D(2025, 9, 5),  # Maulid Nabi (Fri)
        D(2025, 12, 25),  # Natal (Thu)
    ),
    # 17 national holidays, SKB 1497/2/5 Tahun 2025.
    2026: (
        D(2026, 1, 1),  # Tahun Baru Masehi (Thu)
        D(2026, 1, 16),  # Isra Mikraj (Fri)
        D(2026, 2, 17),  # Tahun Baru Imlek (Tue)
        D(2026, 3, 19),  # Nyepi (Thu)
        D(2026, 3, 21),  # Idul Fitri (Sat)
        D(2026, 3, 22),  # Idul Fitri, day 2 (Sun)
        D(2026, 4, 3),  # Wafat Yesus Kristus (Fri)
        D(2026, 4, 5),  # Paskah (Sun)
        D(2026, 5, 1),  # Hari Buruh (Fri)
        D(2026, 5, 14),  # Kenaikan Yesus Kristus (Thu)
        D(2026, 5, 27),  # Idul Adha (Wed)
        D(2026, 5, 31),  # Waisak (Sun)
        D(2026, 6, 1),  # Hari Lahir Pancasila (Mon)
        D(2026, 6, 16),  # 1 Muharam (Tue)
        D(2026, 8, 17),  # Hari Kemerdekaan (Mon)
        D(2026, 8, 25),  # Maulid Nabi (Tue)
        D(2026, 12, 25),  # Natal (Fri)
    ),
    # holidays 0.109 (see the module docstring): 18 entries, Isra Mikraj falls twice in 2027.
    2027: (
        D(2027, 1, 1),
        D(2027, 1, 5),
        D(2027, 2, 6),
        D(2027, 3, 8),
        D(2027, 3, 10),
        D(2027, 3, 11),
        D(2027, 3, 26),
        D(2027, 3, 28),
        D(2027, 5, 1),
        D(2027, 5, 6),
        D(2027, 5, 17),
        D(2027, 5, 20),
        D(2027, 6, 1),
        D(2027, 6, 6),
        D(2027, 8, 15),
        D(2027, 8, 17),
        D(2027, 12, 25),
        D(2027, 12, 26),
    ),
}

CUTI_BERSAMA: dict[int, tuple[date, ...]] = {
    # LAW.md §4: 10 by the SKB (Keppres 2/2025 for ASN) + 18 Aug added on 7 Aug 2025.
    2025: (
        D(2025, 1, 28),
        D(2025, 3, 28),
        D(2025, 4, 2),
        D(2025, 4, 3),
        D(2025, 4, 4),
        D(2025, 4, 7),
        D(2025, 5, 13),
        D(2025, 5, 30),
        D(2025, 6, 9),
        D(2025, 8, 18),
        D(2025, 12, 26),
    ),
    # LAW.md §4: 8 (Keppres 42/2025 for ASN).
    2026: (
        D(2026, 2, 16),
        D(2026, 3, 18),
        D(2026, 3, 20),
        D(2026, 3, 23),
        D(2026, 3, 24),
        D(2026, 5, 15),
        D(2026, 5, 28),
        D(2026, 12, 24),
    ),
    # holidays 0.109 (see the module docstring).
    2027: (
        D(2027, 2, 5),
        D(2027, 3, 9),
        D(2027, 3, 12),
        D(2027, 3, 15),
        D(2027, 3, 25),
        D(2027, 5, 18),
        D(2027, 5, 19),
        D(2027, 12, 24),
    ),
}

ADDED_18_AUGUST = D(2025, 8, 18)
AMENDMENT_KNOWN_ON = D(2025, 8, 7)  # SKB 933/1/3 Tahun 2025

# Contract: national flexible-work days (LAW.md §3) and the circular behind each.
FLEXIBLE_WORK_DAYS: dict[int, dict[date, str]] = {
    2025: {
        D(2025, 3, 24): "se-menpanrb-2-2025",
        D(2025, 3, 25): "se-menpanrb-2-2025",
        D(2025, 3, 26): "se-menpanrb-2-2025",
        D(2025, 3, 27): "se-menpanrb-2-2025",
        D(2025, 4, 8): "se-menpanrb-3-2025",
        D(2025, 12, 29): "surat-menpanrb-b-531-2025",
        D(2025, 12, 30): "surat-menpanrb-b-531-2025",
        D(2025, 12, 31): "surat-menpanrb-b-531-2025",
    },
    2026: {
        D(2026, 3, 16): "se-menpanrb-2-2026",
        D(2026, 3, 17): "se-menpanrb-2-2026",
        D(2026, 3, 25): "se-menpanrb-2-2026",
        D(2026, 3, 26): "se-menpanrb-2-2026",
        D(2026, 3, 27): "se-menpanrb-2-2026",
    },
    2027: {},  # no circular for 2027 is known (LAW.md §3)
}

needs_flexible_work_days = pytest.mark.skipif(
    not hasattr(fx, "flexible_work_days"), reason="fx.flexible_work_days has not landed yet"
)

COVERED_FIRST, COVERED_LAST = D(2025, 1, 1), D(2027, 12, 31)
covered_days = st.dates(min_value=COVERED_FIRST, max_value=COVERED_LAST)


def expected_kind(day: date) -> fx.DayKind:
    """The kind of a covered day from the hand tables (holidays first, as documented)."""
    if day in NATIONAL_HOLIDAYS[day.year]:
        return fx.DayKind.NATIONAL_HOLIDAY
    if day in CUTI_BERSAMA[day.year]:
        return fx.DayKind.CUTI_BERSAMA
    if day.weekday() >= 5:
        return fx.DayKind.WEEKEND
    return fx.DayKind.WORKING_DAY


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# --- the tables themselves --------------------------------------------------------------


def test_hand_tables_are_what_law_md_counts() -> None:
    assert len(NATIONAL_HOLIDAYS[2025]) == len(set(NATIONAL_HOLIDAYS[2025])) == 17
    assert len(NATIONAL_HOLIDAYS[2026]) == len(set(NATIONAL_HOLIDAYS[2026])) == 17
    assert len(CUTI_BERSAMA[2025]) == 11  # 10 + 18 August
    assert len(CUTI_BERSAMA[2026]) == 8
    # SKB 1205/3/2 of 2026: 18 national-holiday dates and 8 cuti bersama.
    assert len(NATIONAL_HOLIDAYS[2027]) == len(set(NATIONAL_HOLIDAYS[2027])) == 18
    assert len(CUTI_BERSAMA[2027]) == 8
    for year in (2025, 2026, 2027):
        assert not set(NATIONAL_HOLIDAYS[year]) & set(CUTI_BERSAMA[year])
        assert all(d.year == year for d in (*NATIONAL_HOLIDAYS[year], *CUTI_BERSAMA[year]))


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_holidays_package_agrees_with_the_hand_tables(year: int) -> None:
    """A `holidays` release that moves, adds or drops a date fails here, loudly."""
    public = holidays.country_holidays("ID", years=year, categories=("public",))
    government = holidays.country_holidays("ID", years=year, categories=("government",))
    assert sorted(public) == sorted(NATIONAL_HOLIDAYS[year])
    assert sorted(government) == sorted(CUTI_BERSAMA[year])


def test_covered_years_are_the_reconciled_years() -> None:
    assert fx.covered_years() == (2025, 2026, 2027)
    assert set(fx.covered_years()) == set(NATIONAL_HOLIDAYS) == set(CUTI_BERSAMA)


# --- day kinds ---------------------------------------------------------------------------


@pytest.mark.parametrize("day", [*CUTI_BERSAMA[2025], *CUTI_BERSAMA[2026]], ids=str)
def test_every_cuti_bersama_of_2025_and_2026(day: date) -> None:
    assert fx.day_kind(day) is fx.DayKind.CUTI_BERSAMA
    assert not fx.is_working_day(day)


@pytest.mark.parametrize("day", [*NATIONAL_HOLIDAYS[2025], *NATIONAL_HOLIDAYS[2026]], ids=str)
def test_every_national_holiday_of_2025_and_2026(day: date) -> None:
    assert fx.day_kind(day) is fx.DayKind.NATIONAL_HOLIDAY
    assert not fx.is_working_day(day)


def test_contract_examples() -> None:
    assert fx.day_kind(D(2025, 3, 28)) is fx.DayKind.CUTI_BERSAMA
    assert fx.is_working_day(D(2025, 3, 24))
    assert fx.day_kind(D(2025, 3, 24)) is fx.DayKind.WORKING_DAY
    assert fx.day_kind(D(2025, 3, 22)) is fx.DayKind.WEEKEND  # an ordinary Saturday
    assert fx.day_kind(D(2025, 3, 23)) is fx.DayKind.WEEKEND  # an ordinary Sunday


def test_day_kind_values_are_the_contract_terms() -> None:
    assert fx.DayKind.WORKING_DAY.value == "hari_kerja"
    assert fx.DayKind.WEEKEND.value == "akhir_pekan"
    assert fx.DayKind.NATIONAL_HOLIDAY.value == "libur_nasional"
    assert fx.DayKind.CUTI_BERSAMA.value == "cuti_bersama"


@pytest.mark.parametrize(
    "day",
    [D(2025, 3, 29), D(2025, 4, 20), D(2025, 6, 1), D(2025, 8, 17), D(2026, 3, 21), D(2026, 5, 31)],
    ids=str,
)
def test_a_holiday_on_a_weekend_reports_its_holiday_kind(day: date) -> None:
    """Documented choice (calendar.py): the holiday kind, so that the name shows."""
    assert day.weekday() >= 5
    info = fx.day_info(day)
    assert info.kind is fx.DayKind.NATIONAL_HOLIDAY
    assert info.name_id and info.name_en
    assert not info.is_working_day


def test_working_days_in_2025_worked_out_by_hand() -> None:
    # 2025 starts on a Wednesday and has 365 = 52 * 7 + 1 days, the extra day a Wednesday:
    #   weekdays = 52 * 5 + 1 = 261.
    # National holidays on a weekday: 17 minus the four on a weekend (Sat 29 Mar,
    #   Sun 20 Apr, Sun 1 Jun, Sun 17 Aug) = 13.
    # Cuti bersama, all eleven on a weekday (28 Jan Tue; 28 Mar Fri; 2, 3, 4 Apr Wed-Fri;
    #   7 Apr Mon; 13 May Tue; 30 May Fri; 9 Jun Mon; 18 Aug Mon; 26 Dec Fri) = 11.
    #   261 - 13 - 11 = 237.
    days = fx.working_days(D(2025, 1, 1), D(2025, 12, 31))
    assert len(days) == 237
    # Before 7 August 2025 nobody knew of 18 August: one more working day.
    assert len(fx.working_days(D(2025, 1, 1), D(2025, 12, 31), known_on=D(2025, 8, 1))) == 238


def test_working_days_in_2026_worked_out_by_hand() -> None:
    # 2026 starts on a Thursday, 365 days: 52 * 5 + 1 = 261 weekdays.
    # Holidays on a weekend: Sat 21 Mar, Sun 22 Mar, Sun 5 Apr, Sun 31 May -> 17 - 4 = 13.
    # Cuti bersama, all eight on a weekday -> 261 - 13 - 8 = 240.
    assert len(fx.working_days(D(2026, 1, 1), D(2026, 12, 31))) == 240


def test_working_days_of_the_lebaran_2025_fortnight() -> None:
    # Mon 24 - Thu 27 Mar work; Fri 28 cuti bersama; Sat 29 Nyepi; Sun 30; Mon 31 and
    # Tue 1 Apr Idul Fitri; Wed 2 - Fri 4 and Mon 7 cuti bersama; Tue 8 - Fri 11 work.
    assert fx.working_days(D(2025, 3, 24), D(2025, 4, 11)) == (
        D(2025, 3, 24),
        D(2025, 3, 25),
        D(2025, 3, 26),
        D(2025, 3, 27),
        D(2025, 4, 8),
        D(2025, 4, 9),
        D(2025, 4, 10),
        D(2025, 4, 11),
    )
    assert fx.working_days(D(2025, 3, 28), D(2025, 3, 28)) == ()


def test_days_off_name_every_day_off() -> None:
    off = fx.days_off(D(2025, 3, 28), D(2025, 4, 7))
    assert [info.day for info in off] == every_day(D(2025, 3, 28), D(2025, 4, 7))
    kinds = {info.day: info.kind for info in off}
    assert kinds[D(2025, 3, 28)] is fx.DayKind.CUTI_BERSAMA
    assert kinds[D(2025, 3, 29)] is fx.DayKind.NATIONAL_HOLIDAY
    assert kinds[D(2025, 3, 30)] is fx.DayKind.WEEKEND
    assert kinds[D(2025, 3, 31)] is fx.DayKind.NATIONAL_HOLIDAY
    assert kinds[D(2025, 4, 5)] is fx.DayKind.WEEKEND
    assert kinds[D(2025, 4, 7)] is fx.DayKind.CUTI_BERSAMA
    assert all(info.name_id for info in off if info.kind is not fx.DayKind.WEEKEND)
    assert all(info.name_id is None for info in off if info.kind is fx.DayKind.WEEKEND)
    assert fx.days_off(D(2025, 3, 24), D(2025, 3, 27)) == ()


def test_an_empty_or_reversed_span_is_an_error() -> None:
    with pytest.raises(fx.InvalidInputError, match="before start"):
        fx.working_days(D(2025, 3, 2), D(2025, 3, 1))
    with pytest.raises(fx.InvalidInputError, match="before start"):
        fx.days_off(D(2025, 3, 2), D(2025, 3, 1))


def test_wrong_types_are_rejected_not_misread() -> None:
    # A datetime is a date subclass that never equals the holiday table's keys: it must
    # not be read as an ordinary working day.
    with pytest.raises(TypeError, match=r"\.date\(\)"):
        fx.day_kind(datetime(2025, 3, 28))
    with pytest.raises(TypeError, match="not str"):
        fx.day_kind("2025-03-28")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="known_on"):
        fx.day_kind(D(2025, 8, 18), known_on=datetime(2025, 8, 1))
    with pytest.raises(TypeError, match="start"):
        fx.working_days(datetime(2025, 3, 1), D(2025, 3, 5))


# --- names ------------------------------------------------------------------------------


def test_holiday_names_in_indonesian_and_english() -> None:
    assert "Kemerdekaan" in (fx.holiday_name(D(2025, 8, 17)) or "")
    assert fx.holiday_name(D(2025, 8, 17), "en") == "Independence Day"
    nyepi_cuti = fx.day_info(D(2025, 3, 28))
    assert "Cuti Bersama" in (nyepi_cuti.name("id") or "")
    assert "Nyepi" in (nyepi_cuti.name() or "")
    assert "Joint Holiday" in (nyepi_cuti.name("en") or "")
    assert "Idul Fitri" in (fx.holiday_name(D(2025, 3, 31)) or "")
    assert "Eid al-Fitr" in (fx.holiday_name(D(2025, 3, 31), "en") or "")
    assert "Natal" in (fx.holiday_name(D(2025, 12, 25)) or "")
    assert fx.holiday_name(D(2025, 3, 24)) is None  # an ordinary working day
    assert fx.holiday_name(D(2025, 3, 22), "en") is None  # an ordinary Saturday


# --- provenance and amendments ----------------------------------------------------------


def test_calendar_year_names_the_decrees() -> None:
    assert fx.calendar_year(2025) == CalendarYear(
        year=2025,
        holidays_decree="skb-libur-2025",
        asn_decree="keppres-2-2025",
        known_on=D(2024, 10, 14),
    )
    y2026 = fx.calendar_year(2026)
    assert (y2026.holidays_decree, y2026.asn_decree) == ("skb-libur-2026", "keppres-42-2025")
    assert y2026.known_on == D(2025, 9, 19)
    y2027 = fx.calendar_year(2027)
    assert (y2027.holidays_decree, y2027.asn_decree) == ("skb-libur-2027", None)
    assert y2027.known_on == D(2026, 9, 15)  # SKB 1205/3/2 of 2026, set 15 September 2026
    for year in fx.covered_years():
        entry = fx.calendar_year(year)
        fx.instrument(entry.holidays_decree)  # each decree is in the registry
        if entry.asn_decree:
            fx.instrument(entry.asn_decree)
    with pytest.raises(fx.CoverageError, match="2028"):
        fx.calendar_year(2028)


def test_amendments() -> None:
    (amendment,) = fx.amendments()
    assert amendment.instrument == "skb-libur-2025-perubahan"
    assert amendment.known_on == AMENDMENT_KNOWN_ON
    assert amendment.added_cuti_bersama == (ADDED_18_AUGUST,)
    assert amendment.removed_cuti_bersama == ()
    assert fx.amendments(2025) == (amendment,)
    assert fx.amendments(2026) == ()
    assert fx.instrument(amendment.instrument).amends == "skb-libur-2025"


def test_basis_of_each_kind_of_day() -> None:
    assert fx.day_info(D(2025, 3, 28)).basis.instrument == "keppres-2-2025"
    assert fx.day_info(D(2025, 3, 31)).basis.instrument == "skb-libur-2025"
    assert fx.day_info(ADDED_18_AUGUST).basis.instrument == "skb-libur-2025-perubahan"
    assert fx.day_info(D(2026, 2, 16)).basis.instrument == "keppres-42-2025"
    # Keppres 42/2025 was signed on 31 Dec 2025 but first reported on 4 Feb 2026 (Okezone):
    # until it became public only the SKB had set 2026.
    assert fx.day_info(D(2026, 2, 16), known_on=D(2025, 10, 1)).basis.instrument == (
        "skb-libur-2026"
    )
    assert fx.day_info(D(2026, 2, 16), known_on=D(2026, 2, 3)).basis.instrument == (
        "skb-libur-2026"
    )
    assert fx.day_info(D(2026, 2, 16), known_on=D(2026, 2, 4)).basis.instrument == (
        "keppres-42-2025"
    )
    # Keppres 2/2025 was signed on 16 Jan 2025 and first reported on 17 Jan (Analisa Kini,
    # from detikcom); between the SKB (14 Oct 2024) and then, the SKB alone had set the 2025
    # cuti bersama.
    assert fx.day_info(D(2025, 3, 28), known_on=D(2025, 1, 16)).basis.instrument == (
        "skb-libur-2025"
    )
    assert fx.day_info(D(2025, 3, 28), known_on=D(2025, 1, 17)).basis.instrument == (
        "keppres-2-2025"
    )
    working = fx.day_info(D(2025, 3, 24)).basis
    assert (working.instrument, working.article) == ("perpres-21-2023", "Pasal 3")


# --- known_on -----------------------------------------------------------------------------


def test_known_on_18_august_2025() -> None:
    before = fx.day_kind(ADDED_18_AUGUST, known_on=D(2025, 8, 1))
    assert before is fx.DayKind.WORKING_DAY
    assert fx.day_kind(ADDED_18_AUGUST, known_on=D(2025, 8, 6)) is fx.DayKind.WORKING_DAY
    assert fx.day_kind(ADDED_18_AUGUST, known_on=D(2025, 8, 7)) is fx.DayKind.CUTI_BERSAMA
    assert fx.day_kind(ADDED_18_AUGUST, known_on=None) is fx.DayKind.CUTI_BERSAMA
    assert fx.day_kind(ADDED_18_AUGUST) is fx.DayKind.CUTI_BERSAMA
    assert fx.day_info(ADDED_18_AUGUST, known_on=D(2025, 8, 1)).name_id is None
    # The holiday the day before was decreed all along.
    assert fx.day_kind(D(2025, 8, 17), known_on=D(2025, 8, 1)) is fx.DayKind.NATIONAL_HOLIDAY


def test_known_on_before_a_years_decree_is_not_covered() -> None:
    # On 1 Sep 2025 the 2026 SKB (19 Sep 2025) was not signed yet.
    assert fx.covered_years(known_on=D(2025, 9, 1)) == (2025,)
    assert fx.covered_years(known_on=D(2024, 10, 13)) == ()
    with pytest.raises(fx.CoverageError) as info:
        fx.day_kind(D(2026, 2, 16), known_on=D(2025, 9, 1))
    assert "2026-02-16" in str(info.value) and "2025-2025" in str(info.value)
    assert fx.day_kind(D(2026, 2, 16), known_on=D(2025, 9, 19)) is fx.DayKind.CUTI_BERSAMA
    estimate = fx.day_info(D(2026, 2, 16), known_on=D(2025, 9, 1), strict=False)
    assert estimate.estimated


def test_2027_is_covered_from_the_day_its_skb_was_set() -> None:
    # SKB 1205/3/2 of 2026 was set on Tuesday 15 September 2026.
    assert fx.covered_years(known_on=D(2026, 9, 14)) == (2025, 2026)
    assert fx.covered_years(known_on=D(2026, 9, 15)) == (2025, 2026, 2027)
    with pytest.raises(fx.CoverageError):
        fx.day_kind(D(2027, 2, 5), known_on=D(2026, 9, 14))
    assert fx.day_kind(D(2027, 2, 5), known_on=D(2026, 9, 15)) is fx.DayKind.CUTI_BERSAMA
    # No Keppres for the 2027 ASN cuti bersama is recorded: the SKB is the basis.
    assert fx.day_info(D(2027, 2, 5)).basis.instrument == "skb-libur-2027"


# --- coverage -------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [D(2028, 3, 1), D(2024, 12, 31), D(2030, 1, 1)], ids=str)
def test_beyond_the_covered_years_is_a_coverage_error(day: date) -> None:
    with pytest.raises(fx.CoverageError) as info:
        fx.day_kind(day)
    message = str(info.value)
    assert day.isoformat() in message
    assert "2025-2027" in message
    assert "strict=False" in message
    assert info.value.day == day
    assert info.value.covered == (2025, 2026, 2027)
    assert isinstance(info.value, fx.FlexasnError)
    for call in (fx.is_working_day, fx.day_info, fx.holiday_name):
        with pytest.raises(fx.CoverageError):
            call(day)


def test_strict_false_gives_a_marked_estimate() -> None:
    info = fx.day_info(D(2028, 3, 1), strict=False)
    assert info.estimated
    assert info.kind is fx.DayKind.WORKING_DAY  # a Wednesday with no holiday estimate
    new_year = fx.day_info(D(2028, 1, 1), strict=False)
    assert new_year.estimated and new_year.kind is fx.DayKind.NATIONAL_HOLIDAY
    assert fx.day_kind(D(2028, 3, 4), strict=False) is fx.DayKind.WEEKEND
    assert not fx.day_info(D(2025, 3, 24)).estimated


# LAW.md §4: SKB 1205/3/2 Tahun 2026 leaves Idul Fitri (10-11 March) and Idul Adha (17 May)
# 1448 H to the Minister of Religious Affairs: those three days, and only those, are estimates
# in the otherwise decreed 2027.
ESTIMATED_2027 = {D(2027, 3, 10), D(2027, 3, 11), D(2027, 5, 17)}


def test_2027_islamic_holidays_left_to_the_minister_are_estimates() -> None:
    assert fx.holiday_name(D(2027, 3, 10)) == "Hari Raya Idul Fitri (perkiraan)"
    assert fx.holiday_name(D(2027, 3, 10), "en") == "Eid al-Fitr (estimated)"
    assert fx.holiday_name(D(2027, 3, 11)) == "Hari kedua dari Hari Raya Idul Fitri (perkiraan)"
    assert fx.holiday_name(D(2027, 3, 11), "en") == "Eid al-Fitr Second Day (estimated)"
    assert fx.holiday_name(D(2027, 5, 17)) == "Hari Raya Idul Adha (perkiraan)"
    assert fx.holiday_name(D(2027, 5, 17), "en") == "Eid al-Adha (estimated)"
    for day in sorted(ESTIMATED_2027):
        info = fx.day_info(day)  # strict: 2027 is covered, the estimate is only labelled
        assert info.estimated and info.kind is fx.DayKind.NATIONAL_HOLIDAY
        assert info.basis.instrument == "skb-libur-2027"
    # Exactly those three days of 2027, and none in 2025 or 2026.
    every_day = [
        D(2025, 1, 1) + timedelta(days=n) for n in range((D(2027, 12, 31) - D(2025, 1, 1)).days + 1)
    ]
    assert {d for d in every_day if fx.day_info(d).estimated} == ESTIMATED_2027
    # The SKB's other Islamic holidays and the cuti bersama around Idul Fitri are decreed.
    assert fx.holiday_name(D(2027, 1, 5)) == "Isra Mikraj Nabi Muhammad"
    assert fx.holiday_name(D(2027, 6, 6)) == "Tahun Baru Islam"
    assert fx.holiday_name(D(2027, 8, 15)) == "Maulid Nabi Muhammad"
    assert fx.holiday_name(D(2027, 12, 26)) == "Isra Mikraj Nabi Muhammad"
    for day in (D(2027, 3, 9), D(2027, 3, 12), D(2027, 3, 15), D(2027, 5, 18)):
        info = fx.day_info(day)
        assert info.kind is fx.DayKind.CUTI_BERSAMA and not info.estimated
        assert "(perkiraan)" not in (info.name_id or "")
    # Beyond the decreed years the estimate keeps its label and its flag.
    beyond = [i for i in fx.days_off(D(2028, 1, 1), D(2028, 12, 31), strict=False) if i.name_id]
    fitri = [i for i in beyond if i.name_id and "Idul Fitri" in i.name_id]
    assert fitri and all(i.estimated and "(perkiraan)" in (i.name_id or "") for i in fitri)


def test_estimated_days_are_data_and_agree_with_holidays() -> None:
    from flexasn.calendar import calendar_year, estimated_days

    assert set(estimated_days(2027)) == ESTIMATED_2027
    assert estimated_days(2025) == estimated_days(2026) == estimated_days(2030) == ()
    assert "1205/3/2" in (calendar_year(2027).estimated_notes or "")
    # The `holidays` package labels the same days (and only those) as estimates.
    for year in fx.covered_years():
        table = holidays.country_holidays(
            "ID",
            years=year,
            categories=("public", "government"),
            language="id",
            islamic_show_estimated=True,
        )
        labelled = {d for d, name in table.items() if "(perkiraan)" in name}
        assert labelled == set(estimated_days(year)), year


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"estimated": [D(2028, 3, 10)], "estimated_notes": "x"}, "not in 2027"),
        ({"estimated": [D(2027, 3, 10), D(2027, 3, 10)], "estimated_notes": "x"}, "twice"),
        ({"estimated": [D(2027, 3, 10)]}, "estimated_notes"),
    ],
)
def test_bad_estimated_days_fail_to_load(changes: dict[str, object], message: str) -> None:
    from flexasn.calendar import _validate

    entry = {"year": 2027, "holidays_decree": "skb-libur-2027", "known_on": D(2026, 9, 15)}
    with pytest.raises(fx.PolicyDataError, match=message):
        _validate({"year": [{**entry, **changes}]}, "calendar.toml", None)


def test_spans_are_checked_whole_before_any_answer() -> None:
    with pytest.raises(fx.CoverageError, match=r"2028-01-\d\d .*2025-2027"):
        fx.working_days(D(2027, 12, 1), D(2028, 1, 31))
    with pytest.raises(fx.CoverageError, match="2024-12-30"):
        fx.days_off(D(2024, 12, 30), D(2025, 1, 5))
    estimate = fx.days_off(D(2027, 12, 30), D(2028, 1, 2), strict=False)
    assert [(i.day, i.estimated) for i in estimate] == [
        (D(2028, 1, 1), True),  # New Year's Day, a Saturday: estimated
        (D(2028, 1, 2), True),  # Sunday
    ]


# --- national flexible-work days (contract) -------------------------------------------------


@needs_flexible_work_days
@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_flexible_work_days(year: int) -> None:
    expected = FLEXIBLE_WORK_DAYS[year]
    assert fx.flexible_work_days(year) == tuple(sorted(expected))


@needs_flexible_work_days
@pytest.mark.parametrize("year", [2025, 2026])
def test_each_flexible_work_day_cites_its_circular(year: int) -> None:
    days = fx.flexible_work_days(year, cited=True)
    assert {item.day: item.basis.instrument for item in days} == FLEXIBLE_WORK_DAYS[year]
    for item in days:
        assert item.basis.short == fx.instrument(item.basis.instrument).short


@needs_flexible_work_days
def test_flexible_work_days_beyond_coverage() -> None:
    with pytest.raises(fx.CoverageError, match="2028"):
        fx.flexible_work_days(2028)
    assert fx.flexible_work_days(2028, strict=False) == ()


@needs_flexible_work_days
def test_hand_flexible_work_days_are_working_days() -> None:
    """The circulars name working days only (LAW.md §3)."""
    for days in FLEXIBLE_WORK_DAYS.values():
        for day in days:
            assert expected_kind(day) is fx.DayKind.WORKING_DAY


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(day=covered_days)
def test_each_date_has_exactly_one_kind(day: date) -> None:
    info = fx.day_info(day)
    assert info.kind is fx.day_kind(day)
    assert info.kind is expected_kind(day)
    assert fx.is_working_day(day) == (info.kind is fx.DayKind.WORKING_DAY) == info.is_working_day
    assert (info.name_id is None) == (info.kind in (fx.DayKind.WORKING_DAY, fx.DayKind.WEEKEND))
    assert info.estimated == (day in ESTIMATED_2027)


@settings(max_examples=60, deadline=None)
@given(first=covered_days, length=st.integers(min_value=0, max_value=45))
def test_working_days_are_monday_to_friday_and_partition_the_span(first: date, length: int) -> None:
    last = min(first + timedelta(days=length), COVERED_LAST)
    work = fx.working_days(first, last)
    off = fx.days_off(first, last)
    assert all(d.weekday() < 5 for d in work)
    assert list(work) == sorted(work)
    assert sorted([*work, *(i.day for i in off)]) == every_day(first, last)
    assert not set(work) & {i.day for i in off}
    assert all(i.kind is not fx.DayKind.WORKING_DAY for i in off)


@st.composite
def day_and_two_known_on(draw: st.DrawFn) -> tuple[date, date, date]:
    """A covered day and two knowledge dates k1 <= k2, both after its year's decree."""
    day = draw(covered_days)
    decreed = fx.calendar_year(day.year).known_on
    k1 = draw(st.dates(min_value=decreed, max_value=COVERED_LAST))
    k2 = draw(st.dates(min_value=k1, max_value=COVERED_LAST))
    return day, k1, k2


@settings(max_examples=150, deadline=None)
@given(case=day_and_two_known_on())
def test_known_on_never_adds_days_off_before_they_were_decreed(
    case: tuple[date, date, date],
) -> None:
    day, k1, k2 = case
    early, late, now = (
        fx.day_kind(day, known_on=k1),
        fx.day_kind(day, known_on=k2),
        fx.day_kind(day),
    )
    # Days off only accumulate as decrees appear: what was off earlier is off later.
    if early is not fx.DayKind.WORKING_DAY:
        assert late is not fx.DayKind.WORKING_DAY
    if late is not fx.DayKind.WORKING_DAY:
        assert now is not fx.DayKind.WORKING_DAY
    # A cuti bersama added by an amendment is not off before the amendment was known.
    for amendment in fx.amendments():
        if day in amendment.added_cuti_bersama and k1 < amendment.known_on:
            assert early is fx.DayKind.WORKING_DAY


@settings(max_examples=40, deadline=None)
@given(known_on=st.dates(min_value=D(2024, 10, 14), max_value=COVERED_LAST))
def test_fewer_days_off_in_2025_the_earlier_one_asks(known_on: date) -> None:
    off = {i.day for i in fx.days_off(D(2025, 8, 1), D(2025, 8, 31), known_on=known_on)}
    now = {i.day for i in fx.days_off(D(2025, 8, 1), D(2025, 8, 31))}
    assert off <= now
    assert (ADDED_18_AUGUST in off) == (known_on >= AMENDMENT_KNOWN_ON)


@needs_flexible_work_days
@settings(max_examples=10, deadline=None)
@given(year=st.sampled_from([2025, 2026, 2027]))
def test_flexible_work_days_are_working_days(year: int) -> None:
    days = fx.flexible_work_days(year)
    assert list(days) == sorted(set(days))
    assert all(d.year == year and fx.is_working_day(d) for d in days)


# --- an amendment that removes a day (none is recorded yet; the mechanism is tested) ------


def test_a_removal_not_yet_known_still_counts_as_cuti_bersama(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flexasn import calendar

    # Hypothetical: a decree of 1 Mar 2025 cancels a cuti bersama on Mon 24 Mar 2025 (the
    # package, updated afterwards, no longer lists it). Asked before 1 March, it was off.
    removal = calendar.Amendment(
        instrument="skb-libur-2025-perubahan",
        known_on=D(2025, 3, 1),
        removed_cuti_bersama=(D(2025, 3, 24),),
    )
    monkeypatch.setattr(calendar, "amendments", lambda year=None: (removal,))
    before = fx.day_info(D(2025, 3, 24), known_on=D(2025, 2, 1))
    assert before.kind is fx.DayKind.CUTI_BERSAMA
    assert (before.name("id"), before.name("en")) == ("Cuti Bersama", "Joint Holiday")
    assert fx.day_kind(D(2025, 3, 24), known_on=D(2025, 3, 1)) is fx.DayKind.WORKING_DAY
    assert fx.day_kind(D(2025, 3, 24)) is fx.DayKind.WORKING_DAY


# --- the inclusive date span every legal window uses ---------------------------------------


def test_date_spans_are_inclusive() -> None:
    from flexasn._model import DateSpan, span

    window = span(D(2025, 3, 24), D(2025, 3, 27))  # "24 s.d. 27 Maret 2025"
    assert D(2025, 3, 24) in window and D(2025, 3, 27) in window
    assert D(2025, 3, 23) not in window and D(2025, 3, 28) not in window
    assert "2025-03-24" not in window  # only dates belong to a span
    assert len(window) == 4
    assert list(window.days()) == every_day(D(2025, 3, 24), D(2025, 3, 27))
    assert str(window) == "2025-03-24..2025-03-27"
    one = span(D(2025, 4, 8))
    assert (len(one), str(one), list(one.days())) == (1, "2025-04-08", [D(2025, 4, 8)])
    with pytest.raises(ValueError, match="last_day 2025-03-20 is before first_day 2025-03-24"):
        DateSpan(first_day=D(2025, 3, 24), last_day=D(2025, 3, 20))
