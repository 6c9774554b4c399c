"""Reading TOML data files (bundled or the user's) into validated models.

TOML is read with the standard library's `tomllib`: no code runs while a
data file loads. Every failure becomes a [`PolicyDataError`][flexasn.PolicyDataError]
that names the file, the entry, the field and, where it can be found, the line; the
readers here keep no exception chain ([`unchained`][flexasn.errors.unchained]). A caller that
raises `data_error` inside its ``except`` block should drop the chain too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import PolicyDataError, unchained
from .errors.plain import known_fields, plain_words
from .messages import LANGUAGES, Text, render

DATA_PACKAGE = "flexasn.data"


def bundled_text(relative: str) -> tuple[str, str]:
    """Return ``(display_name, text)`` of a file shipped under ``flexasn/data``."""
    resource = resources.files(DATA_PACKAGE).joinpath(relative)
    return f"flexasn/data/{relative}", resource.read_text(encoding="utf-8")


def bundled_names(folder: str, suffix: str = ".toml") -> list[str]:
    """Names (without suffix) of the bundled files in a data sub-folder, sorted."""
    directory = resources.files(DATA_PACKAGE).joinpath(folder)
    return sorted(
        entry.name.removesuffix(suffix)
        for entry in directory.iterdir()
        if entry.name.endswith(suffix)
    )


@unchained
def user_text(path: str | Path) -> tuple[str, str]:
    """Return ``(display_name, text)`` of a user's file; unreadable files raise PolicyDataError."""
    p = Path(path)
    try:
        return str(p), p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyDataError(Text("data.file_not_found"), file=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyDataError(
            Text("data.unreadable", error=exc.__class__.__name__), file=str(p)
        ) from None


@unchained
def parse_toml(name: str, text: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error names the file and line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise PolicyDataError(
            Text("data.invalid_toml", detail=str(exc)), file=name, line=line
        ) from None


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z_\"][\w.\-\" ]*?)\s*\]\]?\s*(#.*)?$")


def _header_name(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group(1).replace(" ", "") if match else None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """Best-effort line number (1-based) of a pydantic error location in TOML text.

    ``("arrangement", 2, "quota", 0, "percent")`` finds the third ``[[arrangement]]``
    header, then the first ``[[arrangement.quota]]`` within that entry, then
    ``percent =`` within that sub-table. The search never leaves the entry it is in:
    a field missing from an entry gives the entry's header line, not a line of the
    next entry.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)  # the lines of the current table (start is its header)
    table: list[str] = []
    found: int | None = None
    i = 0
    while i < len(loc):
        key = loc[i]
        if not isinstance(key, str):
            i += 1
            continue
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(nxt, int):
            name = ".".join((*table, key))
            hits = [n for n in range(start, end) if _header_name(lines[n]) == name]
            if nxt < len(hits):
                table.append(key)
                start = hits[nxt]
                found = start + 1
                end = next(
                    (
                        n
                        for n in range(start + 1, len(lines))
                        if (h := _header_name(lines[n])) is not None
                        and not h.startswith(name + ".")
                    ),
                    len(lines),
                )
                i += 2
                continue
        # a key of the current table: its own lines run up to the first header after it
        first = start + 1 if found is not None else start
        assign = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for n in range(first, end):
            if _header_name(lines[n]) is not None:
                break
            if assign.match(lines[n]):
                return n + 1
        return found
    return found


def field_path(loc: Sequence[str | int], prefix: str = "") -> str | None:
    """A pydantic location as flexasn names fields everywhere:
    ``("arrangement", 2, "quota", 0, "percent")`` -> ``arrangement[2].quota[0].percent``,
    after ``prefix`` (``instrument[perpres-21-2023]``) where the entry has a name."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or None


def data_error(
    exc: ValidationError,
    name: str,
    text: str | None,
    *,
    loc_prefix: tuple[str | int, ...] = (),
    field_prefix: str = "",
    model: type[BaseModel] | None = None,
) -> PolicyDataError:
    """Turn pydantic's errors into one PolicyDataError listing every problem, each with its
    field (``arrangement[2].quota[0].percent``), its line where it can be found and what is
    wrong in plain words, in Indonesian and English (`PolicyDataError.message`).

    ``loc_prefix`` is where the validated entry sits in the file (for the line search),
    ``field_prefix`` how the message names it (``instrument[perpres-21-2023]``), ``model``
    the model validated (for the closest valid name of an unknown field). ``error.field``
    and ``error.line`` are the first problem's in the file; ``error.problems`` holds them
    all, in the file's order, as ``(field, line, {lang: text})``.
    """
    problems: list[tuple[str | None, int | None, dict[str, str]]] = []
    errors = exc.errors(include_url=False)
    locs = [tuple(e["loc"]) for e in errors]
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and any(
            len(o) > len(loc) and o[: len(loc)] == loc for o in locs
        ):
            continue  # a list whose items are wrong: the items say what is wrong
        field = field_path(loc, field_prefix)
        line = locate(text, (*loc_prefix, *loc)) if text is not None else None
        problems.append((field, line, plain_words(error, model)))
    problems.sort(key=lambda p: (p[1] is None, p[1] or 0))  # in the file's order
    field, line, words = problems[0]
    if len(problems) == 1:
        found = PolicyDataError(words, file=name, field=field, line=line)
    else:
        listed: dict[str, str] = {}
        for lang in LANGUAGES:
            items = []
            for f, n, w in problems:
                place = ", ".join(
                    part
                    for part in (
                        f"{render('policy_error.line', lang)} {n}" if n is not None else "",
                        f"{render('errors.place_field', lang)} {f}" if f else "",
                    )
                    if part
                )
                items.append(f"\n  - {place}: {w[lang]}" if place else f"\n  - {w[lang]}")
            listed[lang] = render("policy_error.many", lang, count=len(problems)) + "".join(items)
        found = PolicyDataError(listed, file=name)
        found.field, found.line = field, line
    found.problems = tuple(problems)
    return found


__all__ = [
    "DATA_PACKAGE",
    "bundled_names",
    "bundled_text",
    "data_error",
    "field_path",
    "known_fields",
    "locate",
    "parse_toml",
    "plain_words",
    "user_text",
]
