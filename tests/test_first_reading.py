"""What a new user reads in ``flexasn demo`` (and ``calendar``, ``plan``, ``check``,
``doctor``), as an HR officer who has never seen flexasn would: plain words, no codes, no
brackets in brackets, a region's inherited day not passed off as its own decision, and a
count that counts what its heading says. Expected texts are worked out by hand from
LAW.md and the bundled Kabupaten Malang example."""

from __future__ import annotations

from datetime import date

import pytest

from flexasn import cli
from flexasn.cli.doctor import doctor_lines, urgent_texts
from flexasn.doctor import doctor
from flexasn.messages import LANGUAGES, catalogue
from flexasn.reasons import Check


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 0
    return capsys.readouterr().out


def flat(text: str) -> str:
    """The text with its wrapping undone: one space between words."""
    return " ".join(text.split())


def nested_brackets(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth > 1:
            return True
    return False


# --- 1 and 2: the calendar's legend ------------------------------------------------------

# Kab. Malang's own WFA for Lebaran 2025 covers 24-27 March 2025 (a dated arrangement);
# for 8 April 2025 it has no decision of its own, so the national SE MenPANRB 3/2025 answers
# (LAW.md; tests/test_doctor.py: region_window_undecided kab-malang:se-3-2025).
OWN_ID = (
    "Daerah: WFH/WFA = pengaturan 'lebaran-2025' (untuk tanggal tertentu), "
    "dasar: Pemkab Malang: WFA Lebaran 2025 [seed]"
)
INHERITED_ID = (
    "Daerah: WFH/WFA = tidak ada keputusan daerah sendiri; mengikuti instrumen nasional "
    "SE MenPANRB 3/2025 [reported] (pengaturan nasional 'se-3-2025')"
)
OWN_EN = (
    "Regional: WFH/WFA = arrangement 'lebaran-2025' (for given dates), "
    "basis: Pemkab Malang: WFA Lebaran 2025 [seed]"
)
INHERITED_EN = (
    "Regional: WFH/WFA = no decision of the region's own; it follows the national "
    "instrument SE MenPANRB 3/2025 [reported] (national arrangement 'se-3-2025')"
)


def legend(out: str) -> str:
    """The notes below the calendar table (from the ``FWA =`` line on), unwrapped."""
    return flat(out[out.index("  FWA = ") :].split("\n\n")[0])


@pytest.mark.parametrize(
    ("argv", "own", "inherited"),
    [
        (["calendar", "2025-03-20..2025-04-10", "--policy", "kab-malang"], OWN_ID, INHERITED_ID),
        (
            ["calendar", "2025-03-20..2025-04-10", "--policy", "kab-malang", "--lang", "en"],
            OWN_EN,
            INHERITED_EN,
        ),
        (["demo"], OWN_ID, INHERITED_ID),
        (["demo", "--lang", "en"], OWN_EN, INHERITED_EN),
    ],
)
def test_the_legend_says_whose_arrangement_a_day_is(
    capsys: pytest.CaptureFixture[str], argv: list[str], own: str, inherited: str
) -> None:
    notes = legend(run(capsys, *argv))
    assert own in notes and inherited in notes
    # the national circular is not presented as the region's own arrangement
    assert "'se-3-2025' (bertanggal" not in notes and "'se-3-2025' (dated" not in notes
    # the kind is said once: no "(bertanggal (surat edaran))"
    assert not nested_brackets(notes), notes


def test_every_kind_of_arrangement_has_plain_words_without_brackets() -> None:
    from flexasn.policy import ArrangementKind

    for lang in LANGUAGES:
        words = catalogue(lang)
        for kind in ArrangementKind:
            text = words[f"cli_arrangement_plain.{kind.value}"]
            assert "(" not in text and ")" not in text


def test_an_unknown_regional_decision_keeps_its_words(capsys: pytest.CaptureFixture[str]) -> None:
    # Kota Palembang's decision for 24-27 March 2025 is unknown (LAW.md §5): its own entry
    out = run(capsys, "calendar", "2025-03-23..2025-03-24", "--policy", "kota-palembang")
    assert "(keputusan tidak diketahui)" in legend(out)
    assert not nested_brackets(legend(out))


# --- 3: why the others stay on site, in words --------------------------------------------


def test_the_rotation_says_in_words_why_the_others_stay_on_site(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # BKPSDM, 35 staff, 24-27 March 2025: 7 a day may work flexibly (floor(35 x 20%)), so
    # 4 x 7 = 28 person-days, one each for 28 people. Its head stays in the office
    # (lebaran-2025 keeps heads on site): 35 - 1 = 34 eligible, 34 - 28 = 6 get no day
    # because the quota went to the others; 6 + 1 = 7 stay WFO every day.
    out = flat(run(capsys, "demo"))
    assert (
        "7 pegawai lainnya WFO setiap hari "
        "(kuota sudah terbagi habis: 6; jabatannya wajib di kantor: 1)."
    ) in out
    en = flat(run(capsys, "demo", "--lang", "en"))
    assert (
        "7 other staff WFO every day (quota used up by others: 6; their role must be on site: 1)."
    ) in en
    for text in (out, en):
        assert "quota 6" not in text and "role_onsite 1" not in text


def test_every_check_has_words_for_holding_someone_on_site() -> None:
    for lang in LANGUAGES:
        words = catalogue(lang)
        for check in Check:
            assert words[f"cli_held.{check.value}"] != check.value


# --- 4: doctor, past windows apart from the horizon --------------------------------------

# As of 30 November 2026 (the data's date) the four national windows (se-2-2025: 24-27
# March 2025; se-3-2025: 8 April 2025; b-531-2025: 29-31 December 2025; se-2-2026: March
# 2026) are over; Ramadan 1448 H (from 8 February 2027, an estimate) comes after
# 29 January 2027 = 30 November 2026 + 60 days.
PAST_WINDOWS = ("se-2-2025", "se-3-2025", "b-531-2025", "se-2-2026")


def test_past_windows_are_listed_apart_and_not_counted() -> None:
    report = doctor(date(2026, 11, 30))
    assert {f.code for f in report.past} == {"region_window_undecided"}
    assert {f.subject.split(":")[1] for f in report.past} == set(PAST_WINDOWS)
    assert all(f.last_day is not None and f.last_day < date(2026, 11, 30) for f in report.past)
    assert [(f.code, f.subject) for f in report.later] == [("ramadan_estimated", "1448 H")]
    assert len(report.urgent) + len(report.later) + len(report.past) == len(report.findings)

    lines = doctor_lines(report, "id")
    text = "\n".join(lines)
    urgent = text.index("belum diketahui dalam 60 hari ke depan:")
    later = text.index("\n  sesudah 60 hari ke depan:")
    past = text.index("\n  sudah lewat sebelum 2026-11-30 (tidak dihitung):")
    assert urgent < text.index("nanti atau sudah lewat:") < later < past
    # no past window under the 60-day heading; each under "sudah lewat"
    assert "Jendela nasional" not in text[urgent:later]
    for window in PAST_WINDOWS:
        assert text.index(f"Jendela nasional '{window}'") > past
    assert text.index("Ramadan 1448 H") < past
    en = "\n".join(doctor_lines(report, "en"))
    assert "\n  after the next 60 days:" in en
    assert "\n  already over before 2026-11-30 (not counted):" in en


def test_the_demo_summary_counts_the_lines_of_its_heading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 30 November 2026: 15 weekly arrangements of unknown continuation and the missing
    # Keppres on ASN cuti bersama 2027 (tests/test_doctor.py): 16 lines, no past window
    report = doctor(date(2026, 11, 30))
    assert len(urgent_texts(report)) == 16
    out = run(capsys, "demo")
    section = out[out.index("belum diketahui dalam 60 hari ke depan:") :]
    section = section[: section.index("\n\n")]
    assert section.count("\n  - ") == 16
    assert "data hukum: 16 hal belum diketahui dalam 60 hari ke depan" in flat(out)


def test_a_window_ahead_counts_once_however_many_regions_it_lists() -> None:
    # 20 March 2025 + 60 days: se-2-2025 (24-27 March, 19 regions without a decision: the 20
    # of the demo's list less Bengkulu, decided since) and se-3-2025 (8 April, 36 regions: the
    # 37 less Kota Padang) lie ahead, and Gorontalo's Friday WFA is known only to 11 April
    # 2025: three lines under the heading, for 56 findings
    report = doctor(date(2025, 3, 20))
    texts = urgent_texts(report)
    assert len(texts) == 3 and len(report.urgent) == 19 + 36 + 1
    assert texts[0].startswith("Jendela nasional 'se-2-2025': 19 kebijakan daerah")
    assert texts[1].startswith("Jendela nasional 'se-3-2025': 36 kebijakan daerah")
    assert report.past == ()


# --- 5: every check of decision (c) has a basis line -------------------------------------


def decision_c(out: str) -> list[str]:
    start = out.index("c) ")
    return out[start : out.index("=" * 72, start)].strip().splitlines()


@pytest.mark.parametrize(
    ("lang", "basis", "none"),
    [
        ("id", "dasar: ", "dasar: - (tidak ada pengaturan yang berlaku pada tanggal itu)"),
        ("en", "basis: ", "basis: - (no arrangement is in force on that date)"),
    ],
)
def test_every_check_of_the_cuti_bersama_decision_has_a_basis_line(
    capsys: pytest.CaptureFixture[str], lang: str, basis: str, none: str
) -> None:
    # 28 March 2025 is cuti bersama (Nyepi); no arrangement of Kab. Malang is in force
    # (lebaran-2025 and SE MenPANRB 2/2025 end on 27 March): opd_allowed and role_onsite,
    # which cite the arrangement in force, say there is none
    lines = decision_c(run(capsys, "demo", "--lang", lang))
    checks = [n for n, line in enumerate(lines) if line.startswith(("  ✓ ", "  ✗ ", "  ? "))]
    assert len(checks) == 9
    for n, nxt in zip(checks, [*checks[1:], len(lines)], strict=True):
        bases = [line.strip() for line in lines[n + 1 : nxt] if line.startswith("      ")]
        assert len(bases) == 1 and bases[0].startswith(basis), lines[n:nxt]
    for check in ("opd_allowed", "role_onsite"):
        n = next(n for n in checks if f" ({check}): " in lines[n])  # words, then the code
        assert next(x.strip() for x in lines[n + 1 :] if x.startswith("      ")) == none


def test_each_heading_only_when_it_has_something() -> None:
    report = doctor(date(2026, 11, 30))
    only_urgent = "\n".join(doctor_lines(report.model_copy(update={"findings": report.urgent})))
    assert "belum diketahui dalam 60 hari ke depan:" in only_urgent
    assert "nanti atau sudah lewat" not in only_urgent
    only_past = "\n".join(doctor_lines(report.model_copy(update={"findings": report.past})))
    assert "belum diketahui dalam" not in only_past and "sesudah 60 hari" not in only_past
    assert "nanti atau sudah lewat:\n  sudah lewat sebelum 2026-11-30 (tidak dihitung):" in (
        only_past
    )
    # 3 February 2025 + 30 days: nothing unknown (tests/test_doctor.py), nothing over yet
    calm = doctor(date(2025, 2, 3), horizon=30)
    assert calm.urgent == () and calm.past == ()
    text = "\n".join(doctor_lines(calm, "en"))
    assert "unknown within" not in text and "already over" not in text
    assert "later or past:\n  after the next 30 days:" in text
    nothing = doctor_lines(calm.model_copy(update={"findings": ()}))
    assert nothing[-1] == "Tidak ada yang kurang atau usang."
