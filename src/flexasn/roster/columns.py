"""The columns and rows of a table read from a file: headings mapped to fields, the
columns left aside, and the checks every file reader makes of a row (its width, a NIP
given twice, a plain ISO date), each raising the one error its readers share.

A column is named by its heading as written only when the heading is a known one; any
other is named by its position (``column 3 (C)``), since a file without its header row,
or a transposed one, has a NIP or a name where the heading should be. The readers that
ignore an unknown column with a notice (rosters) show its heading in their error too, by
the notice's rule ([`shown_heading`][flexasn.roster.columns.shown_heading]), once the
row is known to be a header row.
"""

from __future__ import annotations

import difflib
import re
import warnings
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Protocol

from pydantic import ValidationError

from ..errors import (
    IgnoredColumnsWarning,
    InvalidNipError,
    PppkNumberWarning,
    RosterError,
    masked_words,
)
from ..messages import LANGUAGES, render, render_all
from .model import IgnoredColumn

ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""A plain ISO date, ``YYYY-MM-DD``, in ASCII digits (``\\d`` also matches ``"١"``)."""
_ISO_DATE = re.compile(ISO_DATE)


class RowError(Protocol):
    """An error class that names a place in a file ([`RosterError`][flexasn.RosterError],
    [`AttendanceError`][flexasn.errors.AttendanceError]): what the shared checks raise."""

    def __call__(
        self,
        message: str | dict[str, str],
        *,
        file: str | None = ...,
        row: int | None = ...,
        column: str | int | None = ...,
    ) -> Exception:
        """The error for ``message`` at that place."""
        ...


def normal_key(header: str) -> str:
    """A CSV header or code cell as a lookup key: lower case, spaces and hyphens as ``_``."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def iso_date(text: str) -> date | None:
    """``text`` read as a plain ISO date (``YYYY-MM-DD``, ASCII digits); ``None`` when it is
    not one (eight digits alone are not: a NIP starts with a date)."""
    value = text.strip()
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def column_of(header: Sequence[str], index: int, known: Collection[str]) -> str | int:
    """How an error names column ``index`` (0-based) of ``header``: its heading as written
    when it is a known one (its [`normal_key`][flexasn.roster.normal_key] is in ``known``), else
    its 1-based
    position, since an unknown heading may be a NIP or a name (see the module doc)."""
    title = header[index]
    return title if normal_key(title) in known else index + 1


def shown_heading(heading: str) -> str | None:
    """``heading`` (stripped) when a message may show it, else ``None``: empty, longer than
    40 characters, or with five digits in a row or an ``@`` (a NIP, a phone number, an
    e-mail address) it may be personal data. The one rule of the notice of ignored columns
    ([`ignored_columns`][flexasn.roster.ignored_columns]), the error for an unknown heading
    ([`unknown_heading`][flexasn.roster.unknown_heading]) and the unknown OPD code of an
    employees file."""
    text = heading.strip()
    if not text or len(text) > 40 or re.search(r"[0-9]{5}|@", text):
        return None
    return text


def known_names(known: Collection[str], langs: Mapping[str, str] | None = None) -> dict[str, str]:
    """The ``known`` headings listed for a reader, per language: with ``langs`` (the language
    of each heading that belongs to one; the others belong to both), each language lists its
    own headings and the shared ones; without, every language lists them all."""
    names = sorted(set(known))
    return {
        lang: ", ".join(n for n in names if langs is None or langs.get(n, lang) == lang)
        for lang in LANGUAGES
    }


def unknown_heading(
    header: Sequence[str],
    index: int,
    known: Collection[str],
    langs: Mapping[str, str] | None = None,
    *,
    show: bool = False,
) -> dict[str, str]:
    """The message (Indonesian and English) for the unknown heading of column ``index``:
    it lists the known names (each language its own, given ``langs``: see
    [`known_names`][flexasn.roster.columns.known_names]), and says when no heading of the
    row is known (a file without its header row, or transposed), never repeating the row
    then. With ``show``, in a header row, the heading is shown where the notice of an
    ignored column would show it
    ([`shown_heading`][flexasn.roster.columns.shown_heading]). A known name close to the
    heading is suggested."""
    columns = known_names(known, langs)
    if not any(normal_key(h) in known for h in header):
        return {lang: render("files.no_header", lang, columns=columns[lang]) for lang in LANGUAGES}
    like = difflib.get_close_matches(normal_key(header[index]), sorted(set(known)), n=1)
    heading = shown_heading(header[index]) if show else None
    keys = {
        (False, False): "files.unknown_column",
        (False, True): "files.unknown_column_like",
        (True, False): "files.unknown_column_named",
        (True, True): "files.unknown_column_named_like",
    }
    key = keys[heading is not None, bool(like)]
    params = {"heading": heading, "known": like[0] if like else None}
    return {lang: render(key, lang, columns=columns[lang], **params) for lang in LANGUAGES}


def map_columns(
    name: str,
    header: list[str],
    known: dict[str, str],
    required: tuple[str, ...],
    *,
    strict: bool = True,
    words: str = "table",
    error: RowError = RosterError,
    langs: Mapping[str, str] | None = None,
    show: bool = False,
) -> tuple[dict[str, int], tuple[int, ...]]:
    """Map canonical field names to column indices, and list the ignored columns (0-based).

    A repeated column, a missing required one, or a first row without any known heading
    fails. An unknown heading fails when ``strict``; else its column is ignored, unless it
    is close to a known name of a column the file lacks (a typo: ``jabatn``) or a required
    column is missing (it may be that column, misnamed), which fail as in strict mode.
    ``words`` is the catalogue table whose ``duplicate_column`` and ``missing_columns``
    say what is wrong; ``error`` the class raised; ``langs`` the language of the headings
    of one language, for the list of known names
    ([`known_names`][flexasn.roster.columns.known_names]); ``show`` whether the error for
    an unknown heading shows it ([`unknown_heading`][flexasn.roster.unknown_heading]).
    """
    index: dict[str, int] = {}
    ignored: list[int] = []
    given = {known[k] for k in map(normal_key, header) if k in known}
    names = sorted(set(known))
    for i, h in enumerate(header):
        field = known.get(normal_key(h))
        if field is None:
            like = difflib.get_close_matches(normal_key(h), names, n=1) if h.strip() else []
            if strict or not given or (like and known[like[0]] not in given):
                raise error(
                    unknown_heading(header, i, known, langs, show=show),
                    file=name,
                    row=1,
                    column=i + 1,
                )
            ignored.append(i)
            continue
        if field in index:
            other = header[index[field]]
            message = render_all(f"{words}.duplicate_column", field=field, other=other)
            raise error(message, file=name, row=1, column=h)
        index[field] = i
    missing = [f for f in required if f not in index]
    if missing and ignored:  # an ignored heading may be the missing column, misnamed
        message = unknown_heading(header, ignored[0], known, langs, show=show)
        raise error(message, file=name, row=1, column=ignored[0] + 1)
    if missing:
        message = render_all(f"{words}.missing_columns", columns=", ".join(missing))
        raise error(message, file=name, row=1)
    return index, tuple(ignored)


def width_error(
    name: str, row_no: int, expected: int, found: int, error: RowError = RosterError
) -> Exception:
    """The error for a row of ``found`` cells in a table of ``expected`` columns."""
    message = render_all("table.cells", expected=expected, found=found)
    return error(message, file=name, row=row_no)


def twice_error(name: str, row_no: int, first: int, column: str | int) -> RosterError:
    """The error for a NIP given a second time, on ``row_no`` (first on row ``first``)."""
    message = render_all("table.same_nip", row=first)
    return RosterError(message, file=name, row=row_no, column=column)


def nip_error(exc: InvalidNipError, name: str, row_no: int, column: str | int) -> RosterError:
    """A NIP's [`InvalidNipError`][flexasn.InvalidNipError] as the error of its cell, in the
    languages the NIP's error speaks. Raise it outside the ``except`` block."""
    message: dict[str, str] = {lang: exc.message(lang) for lang in LANGUAGES}
    return RosterError(message, file=name, row=row_no, column=column)


def first_error(exc: ValidationError) -> tuple[tuple[str | int, ...], dict[str, str]]:
    """The location (every part that may be personal data masked) and what pydantic's
    first error says, in plain words in every language
    ([`masked_words`][flexasn.errors.model.masked_words]: no pydantic jargon, the input
    never kept)."""
    return masked_words(exc.errors(include_url=False, include_input=False)[0])


def ignored_columns(
    name: str, header: Sequence[str], ignored: Iterable[int]
) -> tuple[IgnoredColumn, ...]:
    """The [`IgnoredColumn`][flexasn.IgnoredColumn] of each 0-based index in ``ignored``."""
    return tuple(
        IgnoredColumn(file=name, column=i + 1, heading=shown_heading(header[i])) for i in ignored
    )


def warn_ignored(columns: Sequence[IgnoredColumn], stacklevel: int = 3) -> None:
    """Issue one [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] naming ``columns`` (none:
    nothing), grouped by file."""
    if not columns:
        return
    by_file: dict[str, list[tuple[int, str | None]]] = {}
    for c in columns:
        by_file.setdefault(c.file, []).append((c.column, c.heading))
    warnings.warn(IgnoredColumnsWarning(list(by_file.items())), stacklevel=stacklevel + 1)


def warn_flagged(name: str, rows: Sequence[int], stacklevel: int = 3) -> None:
    """Issue one [`PppkNumberWarning`][flexasn.PppkNumberWarning] for ``rows`` (none: nothing)."""
    if rows:
        warnings.warn(PppkNumberWarning(name, rows), stacklevel=stacklevel + 1)


__all__ = [
    "ISO_DATE",
    "RowError",
    "column_of",
    "first_error",
    "ignored_columns",
    "iso_date",
    "known_names",
    "map_columns",
    "nip_error",
    "normal_key",
    "shown_heading",
    "twice_error",
    "unknown_heading",
    "warn_flagged",
    "warn_ignored",
    "width_error",
]
