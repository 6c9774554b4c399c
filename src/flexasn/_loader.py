"""Reading TOML data files (bundled or the user's) into validated models.

TOML is read with the standard library's `tomllib`: no code runs while a
data file loads. Every failure becomes a [`PolicyDataError`][flexasn.PolicyDataError]
that names the file, the entry, the field and, where it can be found, the line; the
readers here keep no exception chain ([`unchained`][flexasn.errors.unchained]). A caller that
raises `data_error` inside its ``except`` block should drop the chain too.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import PolicyDataError, unchained
from .messages import LANGUAGES, render

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
        raise PolicyDataError("file not found", file=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyDataError(f"cannot read file ({exc.__class__.__name__})", file=str(p)) from None


@unchained
def parse_toml(name: str, text: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error names the file and line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise PolicyDataError(f"invalid TOML: {exc}", file=name, line=line) from None


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


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``tuple[Model, ...]``, ``Model | None``, ``Annotated[...]``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (tuple, list, Union, UnionType):
            inner = [a for a in get_args(annotation) if a is not Ellipsis and a is not NoneType]
            models = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models:
                return None
            annotation = models[0]
        else:
            return annotation


def known_fields(model: type[BaseModel] | None, loc: Sequence[str | int]) -> tuple[str, ...]:
    """The field names a table at ``loc`` (a pydantic location below ``model``) takes."""
    for part in loc:
        if model is None:
            return ()
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        found = _unwrap(info.annotation) if info is not None else None
        model = found if isinstance(found, type) and issubclass(found, BaseModel) else None
    return tuple(model.model_fields) if model is not None else ()


_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "id_pattern",
    r"^https?://\S+$": "url_pattern",
    r"^\d{4}-\d{2}(-\d{2})?$": "month_pattern",
}
"""The patterns of flexasn's models, said in words."""
_SIMPLE = {
    "missing": "missing",
    "too_short": "too_short",
    "too_long": "too_long",
    "decimal_parsing": "number",
    "decimal_type": "number",
    "float_parsing": "number",
    "float_type": "number",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_from_float": "integer",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "string_type": "text",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "tuple_type": "list",
    "list_type": "list",
    "model_type": "table",
    "dict_type": "table",
    "model_attributes_type": "table",
}
_BOUNDS = {
    "less_than_equal": ("le", "at_most"),
    "greater_than_equal": ("ge", "at_least"),
    "less_than": ("lt", "less_than"),
    "greater_than": ("gt", "more_than"),
}


def plain_words(error: Mapping[str, Any], model: type[BaseModel] | None = None) -> dict[str, str]:
    """What one pydantic error says, in plain words in every language (no pydantic jargon).

    An unknown field name gets the closest valid name of its table (``model`` given).
    A flexasn validator's own words are kept as they are (English).
    """
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    loc = tuple(error["loc"])

    def say(key: str, **params: object) -> dict[str, str]:
        return {lang: render(f"policy_error.{key}", lang, **params) for lang in LANGUAGES}

    if kind in _SIMPLE:
        return say(_SIMPLE[kind], **{k: ctx[k] for k in ("min_length", "max_length") if k in ctx})
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        known = known_fields(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return say("extra_like", name=name, suggestion=close[0])
        if known:
            return say("extra_known", name=name, known=", ".join(known))
        return say("extra", name=name)
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        many = " or " in expected
        return {
            lang: render(
                "policy_error.one_of" if many else "policy_error.be",
                lang,
                expected=expected.replace(" or ", render("policy_error.or", lang)),
            )
            for lang in LANGUAGES
        }
    if kind == "string_pattern_mismatch":
        known_pattern = _PATTERNS.get(str(ctx.get("pattern")))
        if known_pattern is not None:
            return say(known_pattern)
        return say("pattern", pattern=ctx.get("pattern"))
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return say("empty")
        return say("too_short_text", min_length=ctx.get("min_length"))
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return say(words, limit=ctx.get(key))
    message = str(error["msg"])
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        message = str(ctx["error"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    message = message.replace("Input should be", "must be")
    return dict.fromkeys(LANGUAGES, message)


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
