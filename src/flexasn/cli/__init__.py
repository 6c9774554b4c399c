"""The ``flexasn`` command: the library's answers at a terminal, in Indonesian or English.

Importing `flexasn` never imports this package; it uses the standard library's
`argparse` on top of the library's public API.

Commands (one module each, registered in `flexasn.cli.commands`, which says how to
add one): ``calendar``, ``doctor``, ``policies``, ``check``, ``quota``, ``plan``,
``validate``, ``hours``, ``serve`` (the web service, an extra) and ``demo``. Every command
takes ``--lang id|en`` (default ``id``) and ``--debug``; those that print data take
``--format table|json|csv`` (``calendar`` also ``ics``). These
three may come before or after the command, their values in any case (``flexasn --lang
EN check ...``). ``flexasn --version`` prints the version; ``python -m flexasn`` is the
same command.

The shared pieces: `words` (labels from the message catalogues),
`output` (tables, CSV, JSON), `progress`,
`errors` ([`CliError`][flexasn.cli.CliError], the one-line error),
`arguments` and `options` (options to values and
models), `parser`, and the demo's data in
`demo_data`.

Exit codes:

- ``0``: success; for ``check``, the employee **may** work remotely (allowed);
- ``1``: a negative finding: ``check`` answers denied or undetermined (not "yes"),
  ``validate`` finds violations, ``hours`` finds a violation of the hours owed,
  ``doctor`` finds something unknown within its horizon;
- ``2``: bad usage or bad input (an unreadable file, a bad date, a date beyond the decreed
  calendar, an unknown policy or language), reported in one line without a traceback
  (``--debug`` shows it).

Output never carries a full NIP nor a name, errors included (with ``--debug`` too):
tables show employees masked (``…1001``) with their row in the employees file; JSON and
CSV by their masked id (``…1001#5c2e9a07``, [`flexasn.privacy.masked_id`][flexasn.masked_id]: set
``FLEXASN_MASK_KEY`` for ids that stay the same from one run to the next) and row. Only
the files written with ``plan --output`` (which ``validate`` reads back) hold the
roster's NIPs.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

import flexasn as fx
from flexasn.errors import drop_chain
from flexasn.messages import Language, require_language

from .errors import CliError, error_line
from .output import notice_text
from .parser import Parser, build_parser, hoist_global_options, usage_language
from .progress import Progress
from .words import say


def _notices(caught: list[warnings.WarningMessage], lang: Language) -> None:
    """Print each flexasn notice ([`FlexasnWarning`][flexasn.FlexasnWarning]: columns ignored, PPPK
    numbers flagged) as one line on standard error, in the user's language; pass any other
    warning on as Python would show it."""
    for w in caught:
        if isinstance(w.message, fx.FlexasnWarning):
            text = notice_text(w.message, lang)
            print(f"{say(lang, 'notice')}: {text}", file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command; bad input is one line on standard error and exit code 2.
    Notices ([`FlexasnWarning`][flexasn.FlexasnWarning]) are lines on standard error too."""
    lang: Language = "id"
    try:
        lang = args.lang = require_language(getattr(args, "lang", "id"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", fx.FlexasnWarning)
            try:
                code: int = args.func(args)
            finally:
                _notices(caught, lang)
    except BrokenPipeError:  # the reader went away (`flexasn calendar 2025 | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        # a command whose exit code is its answer (`check`: 1 unless allowed) set it before
        # printing; the others succeeded
        return int(getattr(args, "exit_code", 0))
    except (fx.FlexasnError, ValueError, OSError) as exc:
        if isinstance(exc, fx.FlexasnError):  # the library drops it already: a second guard
            drop_chain(exc)
        if args.debug:
            raise
        print(error_line(exc, lang), file=sys.stderr)
        return 2
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 negative finding, 2 bad input)."""
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["serve"]:  # the service parses its own options
        from .serve import serve

        return serve(given[1:])
    words = hoist_global_options(given)
    Parser.lang = usage_language(words)
    parser = build_parser()
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse: --help, --version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    return run_command(args)


__all__ = ["CliError", "Progress", "build_parser", "error_line", "main", "run_command"]
