"""How the command writes: aligned text tables that fit the terminal, wrapped text, CSV
and JSON with the same stable codes, hours as ``H:MM``."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence
from datetime import timedelta
from decimal import Decimal

import flexasn as fx
from flexasn.messages import Language, render
from flexasn.roster.write import csv_text as table_csv

WIDTH = 80
"""Tables and wrapped text fit an 80-column terminal."""
FORMATS = ("table", "json", "csv")
"""The output formats of the commands that print data."""


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    width: int = WIDTH,
    right: Iterable[int] = (),
) -> list[str]:
    """An aligned text table whose last column wraps so that every line fits ``width``.

    Columns in ``right`` are right-aligned (numbers).
    """
    body = [[str(c) for c in row] for row in rows]
    head = [str(h) for h in headers]
    rights = set(right)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head) - 1)]
    indent = sum(widths) + 2 * len(widths)
    room = max(width - indent, 16)
    lines: list[str] = []
    for n, row in enumerate([head, *body]):
        cells = [
            c.rjust(w) if i in rights and n else c.ljust(w)
            for i, (c, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        wrapped = textwrap.wrap(row[-1], room) or [""]
        lines.append("  ".join([*cells, wrapped[0]]).rstrip())
        lines.extend((" " * indent + more).rstrip() for more in wrapped[1:])
        if n == 0:
            last = min(room, max(len(r[-1]) for r in [head, *body]))
            lines.append("  ".join(["-" * w for w in widths] + ["-" * last]).rstrip())
    return lines


def wrap(text: str, indent: int = 0, first: str = "") -> list[str]:
    """Wrap ``text`` to the terminal width; ``first`` prefixes the first line."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first or " " * indent,
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def csv_cell(value: object) -> object:
    """CSV carries the same stable codes as JSON: ``true``/``false``, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV table (header row first), without the last line break."""
    return table_csv(headers, ([csv_cell(c) for c in row] for row in rows)).rstrip("\n")


def json_text(data: object) -> str:
    """JSON as the command prints it: indented, UTF-8 as is, dates and numbers as text."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def json_number(value: Decimal | None) -> int | float | None:
    """A percentage or other exact number as a JSON number: an int where it is whole
    (``20``), else a float (``12.5``); None stays None."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def hours_minutes(value: timedelta) -> str:
    """A duration as ``H:MM`` (``-0:30`` when negative)."""
    minutes = int(value.total_seconds()) // 60
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


def cite(citation: fx.Citation | None, lang: Language = "id") -> str:
    """A citation in ``lang``, or ``-`` for none."""
    return citation.text(lang) if citation is not None else "-"


def notice_text(notice: fx.FlexasnWarning, lang: Language = "id") -> str:
    """A library notice as the command prints it, on one line: ignored columns end with the
    command's words (``--strict`` rejects such a file), not the Python API's ``strict=True``."""
    text = notice.message(lang)
    if isinstance(notice, fx.IgnoredColumnsWarning):
        text = notice.listed[lang] + render("cli_notice.ignored_hint", lang)
    return " ".join(text.split())
