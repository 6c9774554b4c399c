"""Every regional source is traceable and quoted, and every dated arrangement's days are the
days its quotes name (issue 16). Quotes with no parsable date are skipped explicitly."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

import flexasn as fx
from flexasn.policy import ArrangementKind
from flexasn.regional import WINDOWS, RegionalOutcome, coverage, outcome, regional_policies

MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}  # fmt: skip
DAYS_ID = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4}
_RANGE = re.compile(
    r"(\d{1,2})(?:\s*(?:-|–|hingga|sampai|s\.d\.)\s*(\d{1,2}))?\s+("
    + "|".join(MONTHS)
    + r")\s+(\d{4})",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"((?:\d{1,2},\s*)+\d{1,2},?\s+dan\s+\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.I
)
_SLASH = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")
_SLASH_RANGE = re.compile(
    r"\((\d{1,2})/(\d{1,2})\)\s*(?:hingga|sampai|-)\s*(?:[A-Za-z]+\s*)?\((\d{1,2})/(\d{1,2})/(\d{4})\)",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\s+(?:sampai|hingga|s\.d\.)\s+"
    r"(?:(?:hari\s+)?[A-Za-z]+\s+)?(?:tanggal\s+)?(\d{1,2})\s+("
    + "|".join(MONTHS)
    + r")\s+(\d{4})",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d{1,3})\s*(?:persen|%)", re.IGNORECASE)

SKIPPED: list[str] = []


def quote_days(quote: str) -> set[date]:
    """Every day a quote names: "24-27 Maret 2025", "29, 30, dan 31 Desember 2025",
    "16 hingga 17 Maret 2026", "Selasa (8/4/2025)", "Senin (24/3) hingga Kamis (27/3/2025)"."""
    found: set[date] = set()
    for m in _LIST.finditer(quote):
        month, year = MONTHS[m.group(2).lower()], int(m.group(3))
        found |= {date(year, month, int(d)) for d in re.findall(r"\d{1,2}", m.group(1))}
    for m in _RANGE.finditer(quote):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        month, year = MONTHS[m.group(3).lower()], int(m.group(4))
        found |= {date(year, month, d) for d in range(first, last + 1)}
    for m in _SLASH.finditer(quote):
        found.add(date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _SLASH_RANGE.finditer(quote):
        year = int(m.group(5))
        begin = date(year, int(m.group(2)), int(m.group(1)))
        end = date(year, int(m.group(4)), int(m.group(3)))
        found |= {begin + timedelta(days=n) for n in range((end - begin).days + 1)}
    for m in _SPAN.finditer(quote):
        begin = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        end = date(int(m.group(6)), MONTHS[m.group(5).lower()], int(m.group(4)))
        found |= {begin + timedelta(days=n) for n in range((end - begin).days + 1)}
    return found


def test_parser_reads_the_forms_the_sources_use() -> None:
    assert quote_days("berlaku 24 - 27 Maret 2025.") == {date(2025, 3, d) for d in range(24, 28)}
    assert quote_days("pada 29, 30, dan 31 Desember 2025.") == {
        date(2025, 12, d) for d in (29, 30, 31)
    }
    assert quote_days("pada 16 hingga 17 Maret 2026") == {date(2026, 3, 16), date(2026, 3, 17)}
    assert quote_days("Selasa (8/4/2025).") == {date(2025, 4, 8)}
    assert quote_days("mulai Senin (24/3) hingga Kamis (27/3/2025) dan") == {
        date(2025, 3, d) for d in range(24, 28)
    }
    assert quote_days("Senin tanggal 24 Maret 2025 sampai hari Kamis tanggal 27 Maret 2025") == {
        date(2025, 3, d) for d in range(24, 28)
    }
    assert quote_days("30 Desember 2025 hingga 2 Januari 2026") == {
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 1),
        date(2026, 1, 2),
    }
    assert quote_days("tanpa tanggal") == set()


def _regional() -> list[fx.Policy]:
    return [fx.get_policy(i) for i in regional_policies()]


@pytest.mark.parametrize("policy", _regional(), ids=lambda p: p.id)
def test_own_instruments_are_traceable_and_quoted(policy: fx.Policy) -> None:
    for inst in policy.instrument:
        for src in inst.sources:
            assert src.url, f"{policy.id}:{inst.id}: a source without a URL"
            assert src.published, f"{policy.id}:{inst.id}: a source without a date"
            assert src.quote, f"{policy.id}:{inst.id}: a source without a quote"


@pytest.mark.parametrize("policy", [p for p in _regional() if p.instrument], ids=lambda p: p.id)
def test_days_and_percentages_match_the_quotes(policy: fx.Policy) -> None:
    local = {i.id: i for i in policy.instrument}
    for a in policy.arrangement:
        inst = local.get(a.basis.instrument)
        if inst is None:
            continue
        quotes = [s.quote or "" for s in inst.sources]
        named = set().union(*(quote_days(q) for q in quotes))
        if not named or a.is_weekly or a.kind is ArrangementKind.STANDING or a.basis.reading:
            SKIPPED.append(f"{policy.id}:{a.id}")
        else:
            own = set(a.iter_days())
            assert own <= named, f"{policy.id}:{a.id}: days {sorted(own - named)} not in the quotes"
        for weekday in a.weekdays:
            words = {w for w, n in DAYS_ID.items() if n == weekday.number}
            text = (
                " ".join(quotes).lower()
                + " "
                + " ".join(s.title or "" for s in inst.sources).lower()
            )
            assert any(w in text for w in words), f"{policy.id}:{a.id}: {weekday} not named"
        percents = {int(p) for q in quotes for p in _PERCENT.findall(q)}
        for rule in a.quota:
            if rule.percent > 0 and rule.basis is None and percents:
                assert int(rule.percent) in percents, (
                    f"{policy.id}:{a.id}: {rule.percent} % not quoted"
                )


def test_skipped_quotes_are_listed() -> None:
    # weekly and standing arrangements, and quotes naming no day, are checked for weekdays
    # and percentages only; the list is explicit, not silent
    assert all(":" in s for s in SKIPPED)


def test_coverage_counts_by_hand() -> None:
    counts = coverage()
    # Lebaran 2025 (24-27 March): own decisions of Bali, Banten, DIY, Jateng, Jatim, Kaltara,
    # Kaltim, Papua, Sulbar, Sultra, Sumsel, Sumut (12 provinces) and the bundled kab/kota
    # with data for that window: Kab. Malang, Kota Malang, Kota Batu, Kota Palembang.
    assert counts["lebaran-2025"] >= 16
    assert outcome("prov-jateng", WINDOWS[0]).outcome is RegionalOutcome.NO_FLEXIBLE_WORK
    assert outcome("prov-riau", WINDOWS[2]).outcome is RegionalOutcome.NO_FLEXIBLE_WORK
    cell = outcome("prov-diy", WINDOWS[2])
    assert (cell.outcome, cell.percent) == (RegionalOutcome.DECIDED, "25")
    assert outcome("prov-jatim", WINDOWS[5]).outcome is RegionalOutcome.CONFLICT
    assert outcome("prov-aceh", WINDOWS[0]).outcome is RegionalOutcome.UNKNOWN
    # 1 December 2026: Sulawesi Utara's SE names 29-31 December 2025 (and 24 December, 2 January);
    # Gorontalo's WFA 8-10 April 2025 covers SE MenPANRB 3/2025's day; neither gives a percentage
    for region, window in (("prov-sulut", WINDOWS[2]), ("prov-gorontalo", WINDOWS[1])):
        cell = outcome(region, window)
        assert (cell.outcome, cell.percent) == (RegionalOutcome.DECIDED, None)
    assert outcome("prov-gorontalo", WINDOWS[0]).outcome is RegionalOutcome.UNKNOWN


def test_the_windows_are_the_national_circulars_days() -> None:
    """LAW.md §3 and §3a: SE MenPANRB 2/2025 (24-27 March 2025), 3/2025 (8 April 2025),
    B/531 (29-31 December 2025), SE 2/2026 (16-17 and 25-27 March 2026), and the Friday WFH
    of SE 3/2026 from 1 April 2026, known through 17 July 2026 with its extension."""
    assert [(w.id, w.first_day, w.last_day, w.weekdays) for w in WINDOWS] == [
        ("lebaran-2025", date(2025, 3, 24), date(2025, 3, 27), ()),
        ("lebaran-2025-8-april", date(2025, 4, 8), date(2025, 4, 8), ()),
        ("nataru-2025", date(2025, 12, 29), date(2025, 12, 31), ()),
        ("lebaran-2026-nyepi", date(2026, 3, 16), date(2026, 3, 17), ()),
        ("lebaran-2026-idul-fitri", date(2026, 3, 25), date(2026, 3, 27), ()),
        ("mingguan-2026", date(2026, 4, 1), date(2026, 7, 17), (4,)),
    ]


def test_the_kota_found_in_the_third_pass() -> None:
    """Serang, Balikpapan, Banjarmasin and Denpasar (searched 1 December 2026, third pass):
    Serang let its OPDs grant WFA on 24-27 March 2025 (Disdukcapil, health, Damkar, BPBD, Satpol PP
    excluded) and kept 8 April 2025 a WFA day; Balikpapan and Banjarmasin applied no WFA
    before Lebaran 2025; Balikpapan's SE 100.3.4/474/E/Setda names 16-17 and 25-27 March 2026.
    No source gives a percentage."""
    decided, none, unknown = (
        RegionalOutcome.DECIDED,
        RegionalOutcome.NO_FLEXIBLE_WORK,
        RegionalOutcome.UNKNOWN,
    )
    expected = {
        "kota-serang": (decided, decided, unknown, unknown, unknown, unknown),
        "kota-balikpapan": (none, unknown, unknown, decided, decided, unknown),
        "kota-banjarmasin": (none, unknown, unknown, unknown, unknown, unknown),
        # Denpasar: WFH and WFA for OPD staff on 24-27 March 2025, the heads of OPD on site
        "kota-denpasar": (decided, unknown, unknown, unknown, unknown, unknown),
    }
    for region, outcomes in expected.items():
        cells = [outcome(region, w) for w in WINDOWS]
        assert tuple(c.outcome for c in cells) == outcomes, region
        assert all(c.percent is None for c in cells), region
    serang = fx.get_policy("kota-serang")
    lebaran = next(a for a in serang.arrangement if a.id == "lebaran-2025")
    assert set(lebaran.iter_days()) == {date(2025, 3, d) for d in range(24, 28)}
    assert {k for rule in lebaran.quota for k in rule.kinds} >= {
        "dispendukcapil", "dinkes", "damkar", "bpbd", "satpol-pp"
    }  # fmt: skip
    denpasar = next(a for a in fx.get_policy("kota-denpasar").arrangement)
    assert denpasar.heads_onsite and set(denpasar.iter_days()) == {
        date(2025, 3, d) for d in range(24, 28)
    }
