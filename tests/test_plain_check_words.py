"""Text output names checks and hours findings in words, the code kept in brackets
(fresh-clone trial 5, section 4): an HR officer reads ``✓ hari kerja (working_day): ...``,
support and JSON users still find ``working_day``. The quota table says its arithmetic in
words, the numbers kept; a notice of the command names ``--strict``, not ``strict=True``.

Every label and every computation below is written out by hand."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import flexasn as fx
from builders import MALANG_BKAD
from flexasn import cli
from flexasn.cli.quota import computation
from flexasn.messages import Language

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kab-malang"
OPDS = str(EXAMPLE / "opd.csv")
EMPLOYEES = EXAMPLE / "pegawai.csv"

# Each label says the condition under which the check lets flexible work go ahead, so that
# ✓ (met), ✗ (not met) and ? (unknown) read right before it: "✗ bukan pegawai baru" is a new
# employee (a label naming the topic, "✗ pegawai baru", read the other way round).
CHECK_WORDS = {
    # Perpres 21/2023 Pasal 6: is the year's holidays and cuti bersama decree known?
    "data_coverage": ("data hari libur tersedia", "holiday data available"),
    # Permen PANRB 4/2025 Pasal 38: TNI, Polri and missions abroad are outside it
    "agency_scope": ("instansi dalam cakupan", "agency in scope"),
    # Perpres 21/2023 Pasal 3: Monday to Friday, not a holiday or cuti bersama
    "working_day": ("hari kerja", "working day"),
    # an arrangement of the instansi in force that day permits flexible work
    "flexible_period": ("masa kerja fleksibel berlaku", "flexible-work period in force"),
    # the arrangement gives the OPD a quota above 0
    "opd_allowed": ("OPD mendapat kuota", "OPD has a quota"),
    # heads of OPD, structural officials, duty officers kept in the office
    "role_onsite": ("jabatan boleh di luar kantor", "role may work away from the office"),
    # staff who serve the public face to face stay on site
    "frontline": ("bukan layanan tatap muka", "not face-to-face service"),
    # Pasal 25: serving or receiving a disciplinary penalty
    "discipline": ("bebas hukuman disiplin", "no disciplinary penalty"),
    # Pasal 25: new in the post
    "new_employee": ("bukan pegawai baru", "not a new employee"),
    # a schedule puts more staff out than the OPD's quota for the day
    "quota": ("dalam kuota harian OPD", "within the OPD's daily quota"),
    # Pasal 13 ayat (1): at most 2 working days a week
    "weekly_limit": (
        "dalam batas hari fleksibel per minggu",
        "within the weekly limit of flexible days",
    ),
    # an employee missing from the schedule, or not on the roster
    "roster": ("tercantum dalam daftar pegawai", "on the staff roster"),
}
FINDING_WORDS = {
    "under_weekly_total": ("jam kerja seminggu kurang", "weekly hours short"),
    "record_on_day_off": ("hadir pada hari libur", "attendance on a day off"),
    "late_start": ("mulai terlambat", "late start"),
    "overlapping_records": ("catatan tumpang tindih", "overlapping records"),
    "end_before_start": ("jam pulang tidak setelah jam masuk", "end not after start"),
    "schedule_above_national_total": (
        "jadwal daerah di atas jam nasional",
        "regional schedule above national hours",
    ),
}
CODES = [*CHECK_WORDS, *FINDING_WORDS]
BARE_CODE = re.compile(rf"^\s*(?:[✓✗?-]\s+)?(?:\w+\s+)?({'|'.join(CODES)}):")
"""A line that starts with a code (after a mark or a severity word), not with words."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def bare_code_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if BARE_CODE.match(line)]


# --- the labels, both languages ----------------------------------------------------------


def test_every_check_has_its_words_in_both_languages() -> None:
    assert {c.value for c in fx.Check} == set(CHECK_WORDS)
    for check in fx.Check:
        words_id, words_en = CHECK_WORDS[check.value]
        assert check.label() == words_id
        assert check.label("id") == words_id
        assert check.label("en") == words_en


def test_every_hours_finding_has_its_words_in_both_languages() -> None:
    assert {c.value for c in fx.FindingCode} == set(FINDING_WORDS)
    for code in fx.FindingCode:
        words_id, words_en = FINDING_WORDS[code.value]
        assert code.label() == words_id
        assert code.label("en") == words_en


def test_a_label_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="fr"):
        fx.Check.WORKING_DAY.label("fr")  # type: ignore[arg-type]


# --- decisions ---------------------------------------------------------------------------


def test_explain_names_each_check_in_words_then_its_code() -> None:
    opd = MALANG_BKAD
    head = fx.Employee(nip="198503122010011001", opd="BKAD", is_head=True)
    # 24 March 2025, Kab. Malang's Lebaran WFA: the head of OPD stays in the office
    d = fx.eligible_for_wfa(head, opd, date(2025, 3, 24))
    text_id, text_en = d.explain("id"), d.explain("en")
    assert "\n  ✓ hari kerja (working_day): " in text_id
    assert "\n  ✗ jabatan boleh di luar kantor (role_onsite): " in text_id
    assert "\n  ✓ working day (working_day): " in text_en
    assert "\n  ✗ role may work away from the office (role_onsite): " in text_en
    assert bare_code_lines(text_id) == [] and bare_code_lines(text_en) == []
    # JSON keeps the code alone (DESIGN.md: reasons are part of the API)
    checks = [r["check"] for r in json.loads(d.model_dump_json())["reasons"]]
    assert "role_onsite" in checks and "jabatan wajib di kantor" not in checks


def test_no_indonesian_line_of_the_demo_starts_with_a_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert bare_code_lines(out) == []
    # decision c) is 28 March 2025, cuti bersama (Nyepi)
    assert "  ✗ hari kerja (working_day): 2025-03-28 adalah cuti bersama" in out
    assert "  ✓ data hari libur tersedia (data_coverage): " in out


def test_check_json_and_csv_keep_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "2025-03-24", "--instansi", "kab-malang", "--kind", "bkad"]
    argv += ["--service", "tidak_langsung", "--headcount", "120", "--head"]
    _, out, _ = run(capsys, *argv, "--format", "json")
    assert {r["check"] for r in json.loads(out)["reasons"]} >= {"role_onsite", "working_day"}
    _, out, _ = run(capsys, *argv, "--format", "csv")
    assert "\nrole_onsite,fail," in out
    _, out, _ = run(capsys, *argv)
    assert "  ✗ jabatan boleh di luar kantor (role_onsite): " in out
    assert bare_code_lines(out) == []


# --- hours -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "violation", "warning"),
    [
        (
            "id",
            "  - pelanggaran jam kerja seminggu kurang (under_weekly_total): ",
            "  - peringatan mulai terlambat (late_start): ",
        ),
        (
            "en",
            "  - violation weekly hours short (under_weekly_total): ",
            "  - warning late start (late_start): ",
        ),
    ],
)
def test_hours_findings_in_words_then_the_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, violation: str, warning: str
) -> None:
    # Monday 2 June 2025, in from 07:45 (fixed hours start 07:30) to 12:00: late, and the
    # week's 37.5 hours are far from met
    records = tmp_path / "k.csv"
    records.write_text("mulai,selesai,mode\n2025-06-02 07:45,2025-06-02 12:00,\n", "utf-8")
    argv = ["hours", str(records), "--from", "2025-06-02", "--to", "2025-06-08"]
    code, out, _ = run(capsys, *argv, "--lang", lang)
    assert code == 1
    assert violation in out and warning in out
    assert bare_code_lines(out) == []


# --- quota arithmetic in words -----------------------------------------------------------


def _quota(headcount: int, percent: str, rounding: str, onsite: int, limit: int) -> fx.Quota:
    return fx.Quota(
        day=date(2025, 3, 24),
        opd="X",
        instansi="x",
        policy="x",
        status=fx.QuotaStatus.SET,
        percent=Decimal(percent),
        headcount=headcount,
        onsite_required=onsite,
        rounding=rounding,
        limit=limit,
        reason="rule",
    )


@pytest.mark.parametrize(
    ("quota", "lang", "words"),
    [
        # Kab. Malang BKAD: 20 % of 120 is 24 exactly; the head stays: at most 119
        (
            _quota(120, "20", "floor", 1, 24),
            "id",
            "20% x 120 = 24 (dibulatkan ke bawah), "
            "paling banyak 120 - 1 yang wajib di kantor = 119: 24",
        ),
        (
            _quota(120, "20", "floor", 1, 24),
            "en",
            "20% x 120 = 24 (rounded down), at most 120 - 1 who must stay in the office = 119: 24",
        ),
        # 75 % of 41 is 30.75, rounded down 30; nobody kept in the office
        (
            _quota(41, "75", "floor", 0, 30),
            "id",
            "75% x 41 = 30,75 (dibulatkan ke bawah: 30), "
            "paling banyak 41 - 0 yang wajib di kantor = 41: 30",
        ),
        (
            _quota(41, "75", "floor", 0, 30),
            "en",
            "75% x 41 = 30.75 (rounded down: 30), "
            "at most 41 - 0 who must stay in the office = 41: 30",
        ),
        # 50 % of 10 is 5, but 8 must stay in the office: at most 10 - 8 = 2
        (
            _quota(10, "50", "floor", 8, 2),
            "id",
            "50% x 10 = 5 (dibulatkan ke bawah), paling banyak 10 - 8 yang wajib di kantor = 2: 2",
        ),
        # 35 % of 30 is 10.5, half up 11
        (
            _quota(30, "35", "half_up", 1, 11),
            "id",
            "35% x 30 = 10,5 (dibulatkan ke terdekat, setengah ke atas: 11), "
            "paling banyak 30 - 1 yang wajib di kantor = 29: 11",
        ),
        # 12.5 % of 25 is 3.125, rounded down 3
        (
            _quota(25, "12.5", "floor", 1, 3),
            "id",
            "12,5% x 25 = 3,125 (dibulatkan ke bawah: 3), "
            "paling banyak 25 - 1 yang wajib di kantor = 24: 3",
        ),
        (
            _quota(25, "12.5", "floor", 1, 3),
            "en",
            "12.5% x 25 = 3.125 (rounded down: 3), "
            "at most 25 - 1 who must stay in the office = 24: 3",
        ),
        # 10 % of 7 is 0.7, rounded up 1
        (
            _quota(7, "10", "ceil", 1, 1),
            "id",
            "10% x 7 = 0,7 (dibulatkan ke atas: 1), "
            "paling banyak 7 - 1 yang wajib di kantor = 6: 1",
        ),
        # 10 % of 25 is 2.5, half to even 2
        (
            _quota(25, "10", "half_even", 0, 2),
            "en",
            "10% x 25 = 2.5 (rounded to the nearest, halves to the even number: 2), "
            "at most 25 - 0 who must stay in the office = 25: 2",
        ),
    ],
)
def test_the_computation_in_words(quota: fx.Quota, lang: Language, words: str) -> None:
    assert computation(quota, lang) == words


def test_the_quota_table_in_words_and_the_json_formula_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Kab. Malang, 24 March 2025: DPMPTSP (25 staff, 10 %): 2.5 rounded down 2, the head
    # stays in the office
    _, out, _ = run(capsys, "quota", "2025-03-24", "--opds", OPDS, "--opd", "DPMPTSP")
    assert "20% x" not in out and "min(" not in out and "floor" not in out
    flat = " ".join(out.split())
    assert (
        "DPMPTSP 25 2 10% x 25 = 2,5 (dibulatkan ke bawah: 2), "
        "paling banyak 25 - 1 yang wajib di kantor = 24: 2"
    ) in flat
    _, out, _ = run(
        capsys, "quota", "2025-03-24", "--opds", OPDS, "--opd", "DPMPTSP", "--format", "json"
    )
    (row,) = json.loads(out)
    assert row["formula"] == "min(floor(25 x 10%), 25 - 1) = 2"
    assert row["note"].startswith("10% x 25 = 2,5 (dibulatkan ke bawah: 2)")


# --- the ignored-columns notice ----------------------------------------------------------


def test_the_command_s_notice_names_strict_as_the_command_spells_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with EMPLOYEES.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    nip = rows[1][0]
    employees = tmp_path / "pegawai.csv"
    with employees.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[*rows[0], "unit kerja"], *([*r, "Bidang"] for r in rows[1:])])
    argv = ["check", "2025-03-24", "--opds", OPDS, "--employees", str(employees), "--nip", nip]
    for lang, hint in (
        ("id", "(isinya tidak dibaca; --strict menolak berkas seperti ini)"),
        ("en", "(their cells are not read; --strict rejects such a file)"),
    ):
        _, _, err = run(capsys, *argv, "--lang", lang)
        assert "'unit kerja'" in err and err.rstrip().endswith(hint), err
        assert "strict=True" not in err
    # the Python API's own message keeps its word
    with pytest.warns(fx.IgnoredColumnsWarning) as caught:
        fx.read_roster(OPDS, employees)
    (warning,) = [w.message for w in caught if isinstance(w.message, fx.IgnoredColumnsWarning)]
    assert "strict=True atau --strict" in warning.message("id")
