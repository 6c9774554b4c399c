"""The registry of the ``flexasn`` command's subcommands, in the order ``--help`` lists them.

A command is one module of this package holding:

- ``NAME``: the word a user types (``"calendar"``);
- ``EXAMPLES``: command lines a user can paste, shown under ``Contoh / examples``;
- ``HELP``: ``(short, long)``, the line in ``flexasn --help`` and the description of
  ``flexasn NAME --help``: ``command_help(NAME, EXAMPLES)`` (`flexasn.cli.words`) renders
  the help texts ``NAME`` and ``about_NAME`` of the catalogue table ``[cli_help]`` in both
  languages, ``id / en``, wrapped to 80 columns (a test holds every command to both);
- ``add_arguments(parser)``: its options, with the shared ones from
  `flexasn.cli.arguments` (``add_common`` gives ``--lang``, ``--format`` and
  ``--debug``, which a user may also write before the command);
- ``run(args) -> int``: the work, over the public API (``import flexasn as fx``) only;
  it prints to standard output and returns the exit code (0 success, 1 a negative
  finding). A command whose exit code is its answer sets ``args.exit_code`` before it
  prints, so that a reader closing the pipe early (``| head``) cannot turn a negative
  finding into 0. It raises [`CliError`][flexasn.cli.errors.CliError] (a catalogue key of the
  table ``[cli_error]``) or any [`FlexasnError`][flexasn.FlexasnError] for bad input:
  [`flexasn.cli.main`][flexasn.cli.main] prints it as one line in the user's language and exits 2.

Adding a command is that module plus one line in `COMMANDS`. ``serve`` is the one
exception to "over the public API": it hands the rest of its line to
`flexasn.server.main` (the optional web service) before this package's parser reads it.
``calendar --format ics`` is a format of an existing command, written by
`flexasn.ics.calendar_ics`.

The command reference (``docs/reference/cli.md``) is generated from the parser by
``docs/gen_pages.py``: run it after adding a command.
"""

from __future__ import annotations

import argparse
from typing import Protocol

from . import calendar, check, demo, doctor, hours, plan, policies, quota, serve, validate


class Command(Protocol):
    """What a command module holds (modules satisfy this protocol)."""

    NAME: str
    HELP: tuple[str, str]

    def add_arguments(self, p: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: tuple[Command, ...] = (
    calendar,
    doctor,
    policies,
    check,
    quota,
    plan,
    validate,
    hours,
    serve,
    demo,
)
"""Every subcommand, in the order ``flexasn --help`` lists them."""
