"""``flexasn serve``: the web service (`flexasn.server`, the optional ``server`` extra).

Everything after ``serve`` belongs to the service's own options (``--host``, ``--port``,
``--workers`` and the limits; ``flexasn serve --help`` lists them), so
[`flexasn.cli.main`][flexasn.cli.main] hands the line to `serve` before its own parser reads it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import flexasn as fx
from flexasn.messages import Language

from .errors import error_line
from .words import both, command_help

NAME = "serve"
EXAMPLES = (
    "flexasn serve",
    "flexasn serve --port 8080 --workers 2",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)


def serve(argv: Sequence[str]) -> int:
    """Run `flexasn.server.main` with ``argv``; without the extra, one error line
    naming it (exit code 2)."""
    lang: Language = "en" if "en" in [a.lower() for a in argv] else "id"
    try:
        from flexasn import server
    except fx.FlexasnError as exc:  # MissingExtraError: names `pip install -e '.[server]'`
        print(error_line(exc, lang), file=sys.stderr)
        return 2
    try:
        return server.main(list(argv))
    except SystemExit as exc:  # its parser: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The service's options, for ``flexasn --help`` (`serve` parses them)."""
    p.add_argument("options", nargs=argparse.REMAINDER, help=both("serve_options"))


def run(args: argparse.Namespace) -> int:
    """Start the service (reached only through the parser; [`flexasn.cli.main`][flexasn.cli.main]
    normally hands ``serve`` to `serve` first)."""
    return serve(args.options)
