"""What a newcomer pastes on a fresh clone works (issue 13): the README's ``flexasn check``
line and the example of ``flexasn check --help`` name an employee of the bundled example
roster, and ``flexasn demo`` ends on its result, not on the doctor's lists."""

from __future__ import annotations

import csv
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from flexasn import cli

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "flexasn"  # the installed command, as .venv/bin/flexasn
EMPLOYEES = ROOT / "examples" / "kab-malang" / "pegawai.csv"


def example_row(nip: str) -> dict[str, str]:
    with EMPLOYEES.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["nip"] == nip]
    assert len(rows) == 1, "the NIP shown is not one employee of the example roster"
    return rows[0]


def readme_command() -> list[str]:
    """The README's ``.venv/bin/flexasn check`` command, its continuation lines joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line for line in text.splitlines() if line.startswith(".venv/bin/flexasn check ")]
    assert len(lines) == 1
    return shlex.split(lines[0])[1:]


def test_the_readme_check_line_runs_from_the_clone() -> None:
    argv = readme_command()
    row = example_row(argv[argv.index("--nip") + 1])
    # A PNS of BKAD (tidak_langsung), not its head, on 24 March 2025: Kabupaten Malang's
    # Lebaran 2025 arrangement allows WFH/WFA within BKAD's 20 % quota.
    assert (row["kode_opd"], row["status"], row["kepala"]) == ("BKAD", "pns", "tidak")
    out = subprocess.run(
        [str(SCRIPT), *argv], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Decision: ALLOWED (WFH, WFA)")
    assert "197812302001021430" not in out.stdout  # shown masked: …1430
    assert "…1430" in out.stdout


def test_the_help_example_names_an_employee_of_the_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["check", "--help"]) == 0
    help_text = capsys.readouterr().out
    assert "pegawai.csv --nip NIP" not in help_text  # no placeholder to replace
    example = re.search(r"(flexasn check .*--opds .*\\\n.*--nip (\d{18}))", help_text)
    assert example is not None
    assert example_row(example.group(2))["kode_opd"] == "BKAD"
    # the --nip option's own help points at the same example, in both languages
    option = " ".join(help_text.split("  --nip NIP", 1)[1].split("--status")[0].split())
    assert f"mis. {example.group(2)} dari examples/kab-malang/pegawai.csv" in option
    assert f"e.g. {example.group(2)} from examples/kab-malang/pegawai.csv" in option
    # and the example command runs, from the clone's folder
    monkeypatch.chdir(ROOT)
    argv = shlex.split(example.group(1).replace("\\\n", " "))[1:]
    assert cli.main(argv) == 0


def test_the_demo_ends_on_its_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    doctor = out.index("5. Yang belum diketahui data hukum (flexasn doctor)")
    result = out.index("Hasil pada contoh: kebijakan kab-malang, 10 OPD, 420 pegawai")
    assert doctor < result
    tail = " ".join(out[result:].split())
    # 24-27 March 2025, every OPD at its limit each day (section 2's limits:
    # 8 + 24 + 9 + 7 + 6 + 4 + 2 + 3 + 3 + 2 = 68 a day): 4 x 68 = 272 employee-days.
    assert "rotasi 24-27 Maret 2025: 272 hari-pegawai WFH/WFA; " in tail
    assert "pemeriksaan kuota dan aturan: 0 pelanggaran" in tail
    # a BKAD employee allowed, its head denied (heads stay in the office), the same
    # employee denied on 28 March 2025, a cuti bersama day
    assert (
        "BKAD pada 24 Maret 2025: pegawai BOLEH, kepala TIDAK BOLEH; pegawai yang sama "
        "pada 28 Maret 2025 (cuti bersama): TIDAK BOLEH"
    ) in tail
    assert re.search(r"data hukum: \d+ hal belum diketahui dalam 60 hari ke depan", tail)
    assert tail.endswith("(bagian 5; flexasn doctor)")
    assert len(out[result:].strip().splitlines()) <= 10  # a few lines, not a list
