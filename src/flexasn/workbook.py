"""Excel workbooks (``.xlsx``): the first sheet of a workbook read as a table of text cells,
and tables written as a workbook, for rosters and schedules.

Reading needs the optional package openpyxl (``pip install -e '.[xlsx]'``); without it a
[`RosterError`][flexasn.RosterError] names the extra. The sheet is read one row at a time
(openpyxl's read-only mode), so a large workbook is never held whole; its rows are numbered
as Excel numbers them (1 = the header row), blank rows skipped, and each cell becomes the
text a CSV file would hold:

- a whole number as its digits (``120``), other numbers as Python writes them;
- a date (or a date and time at midnight) as an ISO date ``2025-03-24``, which is what the
  schedule's day columns and the roster's ``hari_piket`` expect;
- ``TRUE``/``FALSE`` as ``true``/``false``; an empty cell as an empty text.

A number of 16 digits or more stored as a number is refused ([`RosterError`][flexasn.RosterError]
naming the
row and the column's position): Excel keeps 15 significant digits, so an 18-digit NIP typed
into a "General" cell has lost its last digits, and might still look like a valid NIP. Type
NIPs into a column formatted as Text; flexasn writes them as text.

Errors never repeat a cell (see [`flexasn.privacy`][flexasn.privacy]) and keep no exception chain.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .errors import RosterError
from .messages import render_all

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
"""The workbook files flexasn reads (the first sheet); ``.xls`` (Excel 97-2003) is not."""

_LONG = 10**15
"""The smallest number of 16 digits: Excel keeps 15 significant digits."""


def _openpyxl(name: str) -> Any:
    """The openpyxl module, or a RosterError naming the ``xlsx`` extra."""
    module: Any = None
    with contextlib.suppress(ImportError):
        import openpyxl

        module = openpyxl
    if module is None:  # raised outside the except block: no exception chain
        raise RosterError(render_all("files.xlsx_missing"), file=name)
    return module


def cell_text(value: object, name: str, row: int, column: int) -> str:
    """A cell's value as the text a CSV file would hold (see the module doc)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if abs(value) >= _LONG and isinstance(value, float):
            raise RosterError(
                render_all("files.xlsx_long_number"), file=name, row=row, column=column
            )
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


@contextlib.contextmanager
def open_workbook(
    path: str | Path,
) -> Iterator[tuple[str, list[str], Iterator[tuple[int, list[str]]]]]:
    """The first sheet of a workbook as [`flexasn.roster.open_table`][flexasn.roster.open_table]
    gives a CSV file:
    ``(name, header, rows)``, ``rows`` yielding ``(row number, cells)`` as the sheet is
    read. Empty cells at the end of the header row are dropped, and the rows are cut or
    padded to the header's width where the cells beyond it are empty."""
    p = Path(path)
    name = str(p)
    if p.suffix.lower() == ".xls":
        raise RosterError(render_all("files.xlsx_old"), file=name)
    openpyxl = _openpyxl(name)
    if not p.exists():
        raise RosterError(render_all("table.not_found"), file=name)
    workbook: Any = None
    try:
        workbook = openpyxl.load_workbook(p, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # a zip that is not a workbook, a corrupt part, no sheet
        sheet = None
    if sheet is None:  # raised outside the except block: no exception chain
        if workbook is not None:
            workbook.close()
        raise RosterError(render_all("files.xlsx_unreadable"), file=name)
    try:
        numbered = _numbered(sheet.iter_rows(values_only=True), name)
        top = next(numbered, None)
        if top is None:
            raise RosterError(render_all("table.empty"), file=name)
        header = list(top[1])
        while header and not header[-1].strip():
            header.pop()
        width = len(header)
        yield (
            name,
            [h.strip() for h in header],
            ((number, _fit(cells, width)) for number, cells in numbered),
        )
    finally:
        workbook.close()


def _numbered(rows: Iterable[Sequence[object]], name: str) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows as text, numbered as Excel numbers them, blank ones skipped."""
    for number, values in enumerate(rows, start=1):
        cells = [cell_text(v, name, number, i) for i, v in enumerate(values, start=1)]
        if "".join(cells).strip():
            yield number, cells


def _fit(cells: list[str], width: int) -> list[str]:
    """``cells`` cut to ``width`` where the cells beyond are empty, padded where short."""
    if len(cells) > width and not "".join(cells[width:]).strip():
        return cells[:width]
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    return cells


def write_workbook(
    path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, title: str
) -> None:
    """Write a table to a workbook of one sheet named ``title``: the header row in bold and
    frozen, every cell of text (a NIP stays 18 digits), numbers as numbers."""
    name = str(path)
    openpyxl = _openpyxl(name)
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    bold = Font(bold=True)
    for i, heading in enumerate(header, start=1):
        sheet.cell(row=1, column=i, value=heading).font = bold
    for r, row in enumerate(rows, start=2):
        for i, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=i, value=value)
            if isinstance(value, str):
                cell.number_format = "@"  # text: Excel keeps the digits as they are
    for i, heading in enumerate(header, start=1):
        letter = openpyxl.utils.get_column_letter(i)
        sheet.column_dimensions[letter].width = max(10, min(40, len(heading) + 2))
    sheet.freeze_panes = "A2"
    workbook.save(path)


def is_workbook(path: str | Path) -> bool:
    """Whether ``path`` names an Excel workbook by its suffix (``.xlsx``, ``.xlsm``)."""
    return Path(path).suffix.lower() in EXCEL_SUFFIXES


__all__ = ["EXCEL_SUFFIXES", "cell_text", "is_workbook", "open_workbook", "write_workbook"]
