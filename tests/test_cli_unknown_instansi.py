"""An OPDs file naming an instansi outside the register (a typo: ``kab-malnag``) is reported at
its row and column, in the language asked, with the closest ids, before anything is decided
(fresh-clone trial, 1 December 2026: the error named no file, row or column)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexasn import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kab-malang"


def typo_opds(tmp: Path) -> Path:
    lines = (EXAMPLE / "opd.csv").read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("BKAD,") and ",kab-malang," in lines[2]
    lines[2] = lines[2].replace(",kab-malang,", ",kab-malnag,")
    path = tmp / "opd.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def first_nip() -> str:
    return (EXAMPLE / "pegawai.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            "flexasn: galat: opd.csv, baris 3, kolom 'instansi': instansi atau kebijakan "
            "'kab-malnag' tidak dikenal; mungkin maksudnya 'kab-malang'",
        ),
        (
            "en",
            "flexasn: error: opd.csv, row 3, column 'instansi': unknown policy 'kab-malnag'; "
            "did you mean 'kab-malang'",
        ),
    ],
)
def test_check_names_the_row_of_the_unknown_instansi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    opds = typo_opds(tmp_path)
    argv = ["check", "2025-03-24", "--opds", str(opds), "--employees"]
    argv += [str(EXAMPLE / "pegawai.csv"), "--nip", first_nip(), "--lang", lang]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(expected)
    assert first_nip() not in err


def test_quota_names_the_row_and_asks_one_question_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opds = typo_opds(tmp_path)
    assert cli.main(["quota", "2025-03-24", "--opds", str(opds), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "opd.csv, row 3, column 'instansi'" in err
    # one sentence after the question, no "?." (the hint follows the suggestion)
    assert "'kab-pemalang'? For an instansi outside the register, give --policy" in err
    assert "?." not in err


def test_with_policy_the_file_s_instansi_is_not_looked_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --policy answers every OPD of the file: its instansi cell is the caller's own label
    opds = typo_opds(tmp_path)
    argv = ["quota", "2025-03-24", "--opds", str(opds), "--policy", "kab-malang"]
    assert cli.main(argv) == 0
    assert "BKAD" in capsys.readouterr().out
