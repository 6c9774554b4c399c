"""Every option and positional argument of every command says what it is in ``--help``, in
both languages (fresh-clone trial, 1 December 2026: ``quota --service``, ``--agency-type``,
the day of ``quota`` and ``check``, ``plan START END`` and ``hours --from/--to`` said
nothing)."""

from __future__ import annotations

import argparse

from flexasn.cli.parser import build_parser


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_argument_of_every_command_has_help() -> None:
    silent = []
    for name, command in subcommands().items():
        for action in command._actions:
            if action.help in (None, "") and action.dest != "help":
                silent.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert silent == []


def test_the_help_speaks_both_languages() -> None:
    quota = subcommands()["quota"]
    helps = {a.dest: a.help for a in quota._actions}
    assert helps["date"] == "tanggal yang ditanyakan / the day asked about"
    assert str(helps["agency_type"]).startswith("jenis instansi: sipil (bawaan)")
    assert " / kind of agency: sipil (civil, the default)" in str(helps["agency_type"])
