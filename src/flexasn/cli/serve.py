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

NAME = "serve"
HELP = (
    "layanan web (HTTP, /v1) / the web service (HTTP, /v1)",
    "Menjawab lewat HTTP untuk aplikasi PHP, Java, JavaScript: keputusan, kuota,\n"
    "kalender (juga .ics), rotasi. Perlu pip install 'flexasn[server]'. Answers over\n"
    "HTTP for apps not written in Python: decisions, quotas, the calendar (also as\n"
    ".ics), rotations. Needs the server extra. Opsi / options: flexasn serve --help.\n\n"
    "Contoh / examples:\n"
    "  flexasn serve\n"
    "  flexasn serve --port 8080 --workers 2",
)


def serve(argv: Sequence[str]) -> int:
    """Run `flexasn.server.main` with ``argv``; without the extra, one error line
    naming it (exit code 2)."""
    lang: Language = "en" if "en" in [a.lower() for a in argv] else "id"
    try:
        from flexasn import server
    except fx.FlexasnError as exc:  # MissingExtraError: names `pip install 'flexasn[server]'`
        print(error_line(exc, lang), file=sys.stderr)
        return 2
    try:
        return server.main(list(argv))
    except SystemExit as exc:  # its parser: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The service's options, for ``flexasn --help`` (`serve` parses them)."""
    p.add_argument("options", nargs=argparse.REMAINDER, help="--host, --port, --workers, ...")


def run(args: argparse.Namespace) -> int:
    """Start the service (reached only through the parser; [`flexasn.cli.main`][flexasn.cli.main]
    normally hands ``serve`` to `serve` first)."""
    return serve(args.options)
