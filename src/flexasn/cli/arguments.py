"""The options several commands share, added to a command's parser: ``--lang``,
``--format``, ``--debug``, ``--policy``, the roster files and the OPD facts.

``--lang`` and ``--format`` take their value in any case (``--lang EN``); a language
flexasn does not speak is checked after parsing, as
[`UnknownLanguageError`][flexasn.UnknownLanguageError].
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterable, Sequence

import flexasn as fx

from .output import FORMATS, WIDTH
from .usage import both_words
from .words import both


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Help that fits `WIDTH` columns, descriptions as written."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=WIDTH, max_help_position=30)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """The usage line under a heading of its own, ``pemakaian / usage:`` (argparse
        writes ``usage:`` before it, and indents the lines it wraps by the heading's length:
        the bilingual heading on the same line would push them past `WIDTH`)."""
        if prefix is None:
            self.add_text(f"{both_words('usage')}:")
            prefix = "  "
        super().add_usage(usage, actions, groups, prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Help texts wrapped at spaces only: a path (``examples/kab-malang/pegawai.csv``)
        or a kind (``satpol-pp``) is never cut at a hyphen."""
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def add_lang(p: argparse.ArgumentParser) -> None:
    """``--lang id|en`` (any case; default ``id``)."""
    p.add_argument(
        "--lang",
        type=str.lower,
        default="id",
        metavar="{id,en}",
        help=both("lang"),
    )


def add_format(p: argparse.ArgumentParser, formats: Sequence[str] = FORMATS) -> None:
    """``--format`` among ``formats`` (any case; default ``table``)."""
    p.add_argument(
        "--format",
        type=str.lower,
        choices=formats,
        default="table",
        help=both("format"),
    )


def add_common(p: argparse.ArgumentParser, *, formats: Sequence[str] = FORMATS) -> None:
    """``--lang``, ``--format`` among ``formats`` (none: no ``--format``) and ``--debug``.

    A command with one more format (``calendar --format ics``) passes
    ``formats=(*FORMATS, "ics")`` and handles it in its ``run``.
    """
    add_lang(p)
    if formats:
        add_format(p, formats)
    p.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help=both("debug"),
    )


def add_policy(p: argparse.ArgumentParser) -> None:
    """``--policy ID|FILE``."""
    p.add_argument(
        "--policy",
        metavar="ID|FILE",
        help=both("policy"),
    )


def add_roster(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--opds FILE --employees FILE [--partial] [--strict]``."""
    g = p.add_argument_group(both("roster"))
    g.add_argument("--opds", metavar="FILE", required=required, help=both("opds"))
    g.add_argument("--employees", metavar="FILE", required=required, help=both("employees"))
    g.add_argument(
        "--partial",
        action="store_true",
        help=both("partial"),
    )
    g.add_argument(
        "--strict",
        action="store_true",
        help=both("strict"),
    )


def add_opd_options(p: argparse.ArgumentParser) -> None:
    """The facts of one OPD, for commands run without ``--opds``."""
    g = p.add_argument_group(both("opd_facts"))
    g.add_argument("--opd", metavar="CODE", help=both("opd"))
    g.add_argument("--opd-name", metavar="NAME", help=both("opd_name"))
    g.add_argument("--kind", help=both("kind"))
    g.add_argument("--service", choices=[s.value for s in fx.ServiceCategory], help=both("service"))
    g.add_argument("--headcount", type=int, metavar="N", help=both("headcount"))
    g.add_argument("--instansi", metavar="ID", help=both("instansi"))
    g.add_argument(
        "--agency-type",
        choices=[a.value for a in fx.AgencyType],
        default=fx.AgencyType.CIVIL.value,
        help=both("agency_type"),
    )
