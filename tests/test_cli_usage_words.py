"""argparse's own words in the command's languages (issue 13, "one voice"): a usage error
is said in the language asked with ``--lang`` (Indonesian by default), and the help's
usage line, group titles and ``-h`` are bilingual like the rest of ``--help``."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from flexasn import cli
from flexasn.cli.usage import ERRORS, usage_error
from flexasn.messages import catalogue


def _stderr(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str]:
    code = cli.main(list(words))
    return code, capsys.readouterr().err.strip()


def test_a_missing_value_is_said_in_indonesian_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _stderr(capsys, "check", "--nip") == (
        2,
        "flexasn: galat: argumen --nip: memerlukan satu nilai (lihat `flexasn check --help`)",
    )


def test_and_in_english_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert _stderr(capsys, "check", "--lang", "en", "--nip") == (
        2,
        "flexasn: error: argument --nip: expected one argument (see `flexasn check --help`)",
    )


def test_a_choice_not_offered_names_the_choices_in_indonesian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = _stderr(capsys, "calendar", "2025-03", "--format", "xls")
    assert code == 2
    assert err == (
        "flexasn: galat: argumen --format: pilihan tidak sah: 'xls' (pilih dari 'table', "
        "'json', 'csv', 'ics') (lihat `flexasn calendar --help`)"
    )


def test_a_missing_command_and_an_unknown_word(capsys: pytest.CaptureFixture[str]) -> None:
    assert _stderr(capsys)[1].startswith("flexasn: galat: argumen berikut wajib diisi: COMMAND")
    code, err = _stderr(capsys, "doctor", "--lang", "id", "--bogus")
    assert (code, err.split(" (")[0]) == (2, "flexasn: galat: argumen tidak dikenal: --bogus")


def test_words_argparse_may_add_later_are_shown_as_written() -> None:
    assert usage_error("a message no Python writes yet", "id") == "a message no Python writes yet"
    assert usage_error("argument --x: a new complaint", "id") == "argumen --x: a new complaint"


def test_the_help_is_bilingual_down_to_argparse_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("pemakaian / usage:\n\n  flexasn check [-h] ")
    assert "\nopsi / options:\n" in out
    assert "-h, --help" in out and "tampilkan bantuan ini lalu keluar / show this help" in out
    assert "usage: flexasn" not in out  # argparse's English heading is gone


def _shape(text: str) -> str:
    """A message with its placeholders (argparse's ``%(x)s``, ``%s``, ``%r`` or the
    catalogue's ``{x}``) all written ``*``."""
    return re.sub(r"%\(\w+\)[sr]|%[sr]|\{\w+\}", "*", text)


def test_the_english_words_are_argparse_own() -> None:
    # The catalogue's English must be what this Python's argparse writes, or an error
    # would never be recognised and stay in English.
    source = inspect.getsource(argparse)
    said = {_shape(m) for m in re.findall(r"""(?:_|ngettext)\(\s*'([^']*)'""", source)}
    said |= {_shape(m) for m in re.findall(r"""ngettext\('[^']*',\s*'([^']*)'""", source)}
    english = catalogue("en")
    missing = [k for k in ERRORS if _shape(english[k]) not in said]
    assert missing == []
    for word in ("positional_arguments", "options", "help"):
        assert _shape(english[f"cli_usage.{word}"]) in said
    assert "usage: " in source
