"""Tables read from files: a CSV file (or a workbook's first sheet) as a header and
numbered rows of text cells, the dialect every file reader of flexasn shares (rosters,
schedules, attendance).

UTF-8 with or without a BOM (Excel's "CSV UTF-8"); ``,`` or ``;`` separator (whichever
the header uses); blank lines skipped; rows numbered as records, the header being row 1.
A problem of the file is a [`RosterError`][flexasn.RosterError] naming the file (and the
row where there is one), in Indonesian and English, and keeps no exception chain: not the
bytes of a file that is not UTF-8.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import RosterError, unchained
from ..messages import render_all
from ..workbook import open_workbook

Row = tuple[int, list[str]]
"""A row of a table: its number (1 = the header) and its cells as text."""

_END = "\ue000end\ue000"
"""A line added after a CSV file's text: a record of its own, unless a quoted cell is still
open at the end of the file (an unterminated quote), which then swallows it."""


def file_error(exc: BaseException, name: str) -> RosterError:
    """The [`RosterError`][flexasn.RosterError] for a file that cannot be read: not found,
    not UTF-8 text, or another operating-system error (named by its class, never by its
    text, which may quote the file's bytes). Raise it outside the ``except`` block."""
    if isinstance(exc, FileNotFoundError):
        return RosterError(render_all("table.not_found"), file=name)
    if isinstance(exc, UnicodeDecodeError):
        return RosterError(render_all("table.not_utf8"), file=name)
    return RosterError(render_all("table.cannot_read", error=exc.__class__.__name__), file=name)


def read_text(path: str | Path) -> str:
    """The text of a UTF-8 file (a BOM dropped); [`file_error`][flexasn.roster.table.file_error]
    when it cannot be read (text that is not UTF-8 is named by its error's class)."""
    error: RosterError | None = None
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        error = file_error(exc, str(path))
    except UnicodeDecodeError as exc:
        error = RosterError(
            render_all("table.cannot_read", error=type(exc).__name__), file=str(path)
        )
    raise error  # outside the except block: no exception chain


@unchained
def read_table(path: str | Path, *, excel: bool = False) -> tuple[str, list[str], list[Row]]:
    """Read a CSV file: ``(name, header, [(row number, cells), ...])``.

    UTF-8 with or without a BOM; ``,`` or ``;`` separator (whichever the header uses);
    blank lines are skipped; row numbers count the header as row 1. With ``excel``, an
    ``.xlsx`` workbook's first sheet too (`flexasn.workbook`).
    """
    with open_table(path, excel=excel) as (name, header, rows):
        return name, header, list(rows)


@contextlib.contextmanager
def open_table(
    path: str | Path, *, excel: bool = False
) -> Iterator[tuple[str, list[str], Iterator[Row]]]:
    """[`read_table`][flexasn.roster.read_table], one row at a time: ``(name, header, rows)`` where
    ``rows``
    yields ``(row number, cells)`` as the file is read, so that a large file is never
    held in memory whole. A problem of the file (not UTF-8, malformed CSV) is raised
    where the reading reaches it; the file is closed on leaving the ``with`` block.

    With ``excel`` (rosters and schedules), a workbook (``.xlsx``) is read too, its first
    sheet as `flexasn.workbook.open_workbook` gives it; without, it is refused.
    """
    p = Path(path)
    name = str(p)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        if not excel:
            raise RosterError(render_all("table.excel_refused"), file=name)
        with open_workbook(p) as table:
            yield table
        return
    with _opened(p, name) as handle:
        first = _first_line(handle, name)
        delimiter = ";" if first.count(";") > first.count(",") else ","
        lines = itertools.chain((first,), handle, (_END,))
        rows = _records(csv.reader(lines, delimiter=delimiter), name)
        top = next(rows, None)
        if top is None:
            raise RosterError(render_all("table.empty"), file=name)
        yield name, [h.strip() for h in top[1]], rows


def _opened(p: Path, name: str) -> TextIO:
    """``p`` opened as UTF-8 text (a BOM dropped); a RosterError when it cannot be."""
    error: RosterError | None = None
    try:
        # newline=None, as Path.read_text: line ends are read as "\n" whatever they were
        return p.open(encoding="utf-8-sig")
    except OSError as exc:
        error = file_error(exc, name)
    raise error  # outside the except block: no exception chain


def _first_line(handle: TextIO, name: str) -> str:
    """The first line of an open text file (the others are read by the CSV reader, see
    `_records`); a decoding or reading error as a RosterError."""
    try:
        return handle.readline()
    except (UnicodeDecodeError, OSError) as exc:
        error = file_error(exc, name)
    raise error  # outside the except block: the decode error (the file's bytes) is not kept


def _records(reader: Iterator[list[str]], name: str) -> Iterator[Row]:
    """The numbered records of a CSV reader (1 = the first), blank ones skipped."""
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            error = RosterError(render_all("table.malformed", error=exc), file=name)
        except (UnicodeDecodeError, OSError) as exc:  # from the file, read as the reader goes
            error = file_error(exc, name)
        else:
            number += 1
            if not (record and record[-1].endswith(_END)):
                if "".join(record).strip():  # a cell that is not blank
                    yield number, record
                continue
            if record == [_END]:  # the end marker, a record of its own: the file is whole
                return
            error = RosterError(render_all("table.unterminated"), file=name, row=number)
        raise error


__all__ = ["Row", "file_error", "open_table", "read_table", "read_text"]
