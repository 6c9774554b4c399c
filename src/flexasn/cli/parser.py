"""The ``flexasn`` argument parser: the commands of `flexasn.cli.commands`, usage
errors in one line, and the options a user may write before the command.

``--lang``, ``--format`` and ``--debug`` belong to each command, but a user may write them
before it too (``flexasn --lang EN check ...`` and ``flexasn check ... --lang en``):
`hoist_global_options` moves them to just after the command before parsing.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, NoReturn

import flexasn as fx
from flexasn.messages import Language

from .arguments import Formatter
from .commands import COMMANDS
from .usage import both_words, usage_error
from .words import about, both, say

VALUED = ("--lang", "--format")
"""Options of every command, taking a value, that may come before the command."""
FLAGS = ("--debug",)
"""Flags of every command that may come before the command."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line in the language asked, exit 2
    (no usage dump), and whose own words (group titles, ``-h``) are bilingual as the
    rest of the help is (`flexasn.cli.usage`)."""

    lang: Language = "id"  # set by main() from the command line before parsing

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False})
        # argparse names its two groups in English when it makes them; no argument of
        # its constructor names them otherwise
        self._positionals.title = both_words("positional_arguments")
        self._optionals.title = both_words("options")
        self.add_argument("-h", "--help", action="help", help=both_words("help"))

    def error(self, message: str) -> NoReturn:
        error, see = say(self.lang, "error"), say(self.lang, "see")
        said = usage_error(message, self.lang)
        self.exit(2, f"{error}: {said} ({see} `{self.prog} --help`)\n")


def hoist_global_options(words: Sequence[str]) -> list[str]:
    """``words`` with the options of `VALUED` and `FLAGS` written before the
    command moved to just after it, where its parser takes them."""
    front: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in VALUED and i + 1 < len(words):
            moved += words[i : i + 2]
            i += 2
        elif word in FLAGS or word.startswith(tuple(f"{o}=" for o in VALUED)):
            moved.append(word)
            i += 1
        elif word.startswith("-"):
            front.append(word)
            i += 1
        else:  # the command
            return [*front, word, *moved, *words[i + 1 :]]
    return [*front, *moved]


def usage_language(words: Sequence[str]) -> Language:
    """The language asked for on the command line, for usage errors found while parsing
    (``id`` unless ``--lang en`` in any case)."""
    asked = ""
    for i, word in enumerate(words):
        if word.startswith("--lang="):
            asked = word.partition("=")[2]
        elif word == "--lang" and i + 1 < len(words):
            asked = words[i + 1]
    return "en" if asked.lower() == "en" else "id"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``flexasn`` command."""
    parser = Parser(
        prog="flexasn",
        formatter_class=Formatter,
        description=about("prog_about"),
        epilog=about("prog_epilog", ("flexasn calendar 2025-03 --policy kab-malang",)),
    )
    parser.add_argument("--debug", action="store_true", help=both("debug"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"flexasn {fx.__version__}",
        help=both("version"),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        short, long = command.HELP
        # The HELP texts are wrapped to fit WIDTH already (a test holds them to it);
        # wrapping them again would break examples a user pastes.
        p = sub.add_parser(command.NAME, help=short, description=long, formatter_class=Formatter)
        p.set_defaults(func=command.run)
        command.add_arguments(p)
    return parser
