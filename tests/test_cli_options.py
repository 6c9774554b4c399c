"""The command as a user types it (issue 13): ``--lang``, ``--format`` and ``--debug``
before or after the command and in any case, ``--version``, ``python -m flexasn``; one
message catalogue for the command's words, and one error for an unknown language."""

from __future__ import annotations

import ast
import json
import runpy
import string
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import flexasn as fx
from flexasn import cli
from flexasn.cli.commands import COMMANDS
from flexasn.cli.errors import CliError, error_line
from flexasn.messages import LANGUAGES, catalogue, render

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "src" / "flexasn" / "cli"
BKAD = ["--instansi", "kab-malang", "--kind", "bkad", "--service", "tidak_langsung"]
BKAD += ["--headcount", "120", "--opd", "BKAD"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- options before or after the command, in any case ------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "EN", "check", "2025-03-24", *BKAD],
        ["--lang=en", "check", "2025-03-24", *BKAD],
        ["check", "2025-03-24", *BKAD, "--lang", "En"],
        ["check", "--lang", "EN", "2025-03-24", *BKAD],
    ],
)
def test_lang_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    expected = run(capsys, "check", "2025-03-24", *BKAD, "--lang", "en")
    assert expected[1].startswith("Decision: ALLOWED")
    assert run(capsys, *argv) == expected


def test_format_before_the_command_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "JSON", "--lang", "EN", "calendar", "2025-03")
    assert code == 0 and json.loads(out)[27]["kind"] == "cuti_bersama"
    assert run(capsys, "calendar", "2025-03", "--format", "Csv")[1].startswith("date,weekday")
    code, out, _ = run(capsys, "--format=json", "doctor", "--today", "2025-02-03", "--days", "30")
    assert code == 0 and json.loads(out)["exit_code"] == 0


def test_debug_before_a_command_without_common_options() -> None:
    # doctor defines its own --lang/--format; --debug before it still shows the traceback
    with pytest.raises(CliError):
        cli.main(["--debug", "doctor", "--today", "2026-13-01"])


def test_a_usage_error_speaks_the_language_given_before_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "--lang", "EN", "calendar", "2025-03", "--format", "xml")
    assert code == 2
    assert err.startswith("flexasn: error: argument --format") and "(see `flexasn" in err


# --- --version and python -m flexasn -----------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, f"flexasn {fx.__version__}\n", "")


def test_python_m_flexasn_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flexasn", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == f"flexasn {fx.__version__}\n"


@pytest.mark.parametrize("module", ["flexasn", "flexasn.cli"])
def test_both_main_modules_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setattr(sys, "argv", ["flexasn", "--version"])
    monkeypatch.delitem(sys.modules, f"{module}.__main__", raising=False)  # imported by others
    with pytest.raises(SystemExit) as done:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    assert done.value.code == 0
    assert capsys.readouterr().out == f"flexasn {fx.__version__}\n"


def test_python_m_flexasn_runs_a_command() -> None:
    argv = [sys.executable, "-m", "flexasn", "--lang", "en", "calendar", "2025-03"]
    result = subprocess.run([*argv, "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)[27]["kind"] == "cuti_bersama"


# --- an unknown language: one error, everywhere ------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "2025-03", "--lang", "xx"],
        ["--lang", "xx", "calendar", "2025-03"],
        ["doctor", "--lang", "FR"],
        ["demo", "--lang=de"],
    ],
)
def test_cli_unknown_language(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("flexasn: galat: bahasa '") and "tidak dikenal" in lines[0]
    assert lines[0].endswith("gunakan salah satu dari: id, en")
    with pytest.raises(fx.UnknownLanguageError):
        cli.main([*argv, "--debug"])


XX: Any = "xx"  # a language flexasn does not speak, passed on purpose


def _coverage() -> fx.CoverageError:
    return fx.CoverageError(date(2030, 1, 1), (2025, 2026, 2027))


WITH_MESSAGE = [
    lambda: catalogue(XX),
    lambda: render("cli.error", XX),
    lambda: fx.FlexasnError("x").message(XX),
    lambda: _coverage().message(XX),
    lambda: fx.UnknownPolicyError("kab-malnag", fx.instansi_ids()).message(XX),
    lambda: fx.RosterError("bad", file="f.csv", row=2).message(XX),
    lambda: fx.SpanTooLongError(date(2025, 1, 1), date(2040, 1, 1), 3660).message(XX),
    lambda: CliError("roster_needed").message(XX),
    lambda: fx.UnknownLanguageError(XX).message(XX),
    lambda: fx.cite("permen-panrb-4-2025").text(XX),
    lambda: fx.doctor(date(2026, 11, 30)).findings[0].message(XX),
    lambda: (
        fx.eligible_for_wfa(
            fx.Employee(nip="198503122010011001", opd="BKAD"),
            fx.Opd(
                code="BKAD",
                name="BKAD",
                instansi="kab-malang",
                kind="bkad",
                service=fx.ServiceCategory.NON_DIRECT,
                headcount=120,
            ),
            date(2025, 3, 24),
        )
        .reasons[0]
        .message(XX)
    ),
]


@pytest.mark.parametrize("call", WITH_MESSAGE, ids=range(len(WITH_MESSAGE)))
def test_unknown_language_is_one_error(call: object) -> None:
    assert callable(call)
    with pytest.raises(fx.UnknownLanguageError) as caught:
        call()
    error = caught.value
    # one clear error, and every kind of error the checks it replaces raised
    assert isinstance(error, fx.InvalidInputError | ValueError | KeyError)
    assert str(error).startswith("unknown language '") and str(error).endswith("id, en")
    assert error.message("id").startswith("bahasa '")


def test_a_pydantic_error_is_one_line_without_the_input() -> None:
    class Row(BaseModel):
        nip: str
        days: dict[str, int]

    with pytest.raises(ValidationError) as caught:
        Row.model_validate({"nip": "198503122010011001", "days": {"198503122010011001": "x"}})
    line = error_line(caught.value, "en")
    assert line.startswith("flexasn: error: days.") and "198503122010011001" not in line
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(int).validate_python("x")
    # issue 13: pydantic's own words ("Input should be ...") never reach the reader
    assert error_line(caught.value) == "flexasn: galat: harus bilangan bulat"
    assert error_line(caught.value, "en") == "flexasn: error: must be a whole number"


def test_coverage_error_speaks_both_languages() -> None:
    error = _coverage()
    assert error.message() == (
        "2030-01-01 di luar kalender ASN yang sudah ditetapkan (tahun tercakup: 2025-2027)"
    )
    assert error.message("en") == (
        "2030-01-01 is outside the decreed ASN calendar (covered years: 2025-2027)"
    )
    assert str(error) == error.message("en") + "; pass strict=False for an estimate"


# --- one catalogue ------------------------------------------------------------------------


def _fields(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def test_every_key_in_both_languages_with_the_same_placeholders() -> None:
    by_lang = {lang: catalogue(lang) for lang in LANGUAGES}
    keys = set(by_lang["id"])
    for lang, messages in by_lang.items():
        assert set(messages) == keys, lang
    for key in keys:
        # the same names, conversions (!r) and format specs in every language
        assert len({frozenset(_fields(m[key])) for m in by_lang.values()}) == 1, key
    assert {k.split(".")[0] for k in keys} >= {"cli", "cli_error", "cli_day", "language"}


def test_the_command_holds_no_catalogue_of_its_own() -> None:
    """No ``{"id": ..., "en": ...}`` table of words left in the command's modules: the
    words are in flexasn/locale (the bilingual --help texts too, table ``[cli_help]``)."""
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                assert not keys >= {"id", "en"}, f"{path.name}:{node.lineno}"


def test_every_command_is_registered_once_with_help() -> None:
    names = [c.NAME for c in COMMANDS]
    assert len(names) == len(set(names))
    for command in COMMANDS:
        short, long = command.HELP
        assert short and "Contoh / example" in long


def test_a_denied_answer_exits_1_even_when_the_reader_stops_early() -> None:
    """`flexasn check ... | head -1`: a reader that closes the pipe before the answer is
    written must not turn a denied answer into exit code 0 ("may work remotely")."""
    import os
    import subprocess
    import sys

    argv = [sys.executable, "-m", "flexasn", "check", "2025-03-24", "--instansi", "kab-malang"]
    argv += ["--kind", "bkad", "--service", "tidak_langsung", "--headcount", "120", "--head"]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every write breaks
    try:
        done = subprocess.run(argv, stdout=write_end, stderr=subprocess.DEVNULL, timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2026-04-10", "not set: the proportion is left to the head of agency"),
        ("2030-01-07", "unknown: the date is beyond the decreed calendar years"),
    ],
)
def test_quota_bases_say_why_in_words(
    capsys: pytest.CaptureFixture[str], day: str, words: str
) -> None:
    """The legal bases below a quota table name each one by a rule's label or, without a
    rule, by the reason in words, never by a status code (`undefined:`)."""
    from pathlib import Path

    opds = Path(__file__).resolve().parent.parent / "examples" / "kab-malang" / "opd.csv"
    code, out, _ = run(
        capsys, "quota", day, "--opds", str(opds), "--policy", "kab-malang", "--lang", "en"
    )
    assert code == 0
    basis = out.split("Legal basis:")[-1]
    assert f"- {words}: " in " ".join(basis.split())


def test_doctor_keeps_its_finding_when_the_reader_stops_early() -> None:
    """The same for `doctor` (exit 1: something unknown within the horizon; as of
    30 November 2026 the 2027 Keppres on ASN cuti bersama is missing, LAW.md §4)."""
    import os
    import subprocess
    import sys

    argv = [sys.executable, "-m", "flexasn", "doctor", "--today", "2026-11-30"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(argv, stdout=write_end, stderr=subprocess.DEVNULL, timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == 1
