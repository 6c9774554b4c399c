"""Reading an OPDs file: one row per OPD (the columns are in
[`flexasn.roster`][flexasn.roster]'s module doc)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ..errors import RosterError, unchained
from ..messages import render_all
from ..people import Opd
from .cells import (
    HEADING_LANGUAGES,
    OPD_COLUMNS,
    OPD_PARSERS,
    OPD_REQUIRED,
    model_error,
    parse_cells,
)
from .columns import ignored_columns, map_columns, warn_ignored, width_error
from .model import IgnoredColumn
from .table import Row, open_table

OpdsRead = tuple[tuple[Opd, ...], dict[str, int], str, tuple[IgnoredColumn, ...]]
"""What an OPDs file holds: the OPDs in file order, each code's row, the headcount
column's heading as written, and the columns ignored."""


@unchained
def read_opds(
    path: str | Path, *, strict: bool = False
) -> tuple[tuple[Opd, ...], dict[str, int], str]:
    """Read an OPDs file: the OPDs in file order, each code's row number, and the
    headcount column's name as written in the file. Unknown columns are ignored with an
    [`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] (``strict=True``: an error)."""
    opds, rows_of, headcount, ignored = read_opds_file(path, strict)
    warn_ignored(ignored)
    return opds, rows_of, headcount


def read_opds_file(path: str | Path, strict: bool) -> OpdsRead:
    """Read an OPDs file without a warning: the columns ignored are returned (for
    [`read_roster`][flexasn.read_roster], which names those of both files at once)."""
    with open_table(path, excel=True) as (name, header, rows):
        return parse_opds(name, header, rows, strict=strict)


def parse_opds(
    name: str, header: list[str], rows: Iterable[Row], *, strict: bool = True
) -> OpdsRead:
    """The OPDs of a table already opened (see
    [`read_opds_file`][flexasn.roster.opds.read_opds_file])."""
    columns, ignored = map_columns(
        name, header, OPD_COLUMNS, OPD_REQUIRED, strict=strict, langs=HEADING_LANGUAGES, show=True
    )
    parsers = [(field, i, OPD_PARSERS[field]) for field, i in columns.items()]
    opds: list[Opd] = []
    rows_of: dict[str, int] = {}
    for row_no, cells in rows:
        if len(cells) != len(header):
            raise width_error(name, row_no, len(header), len(cells))
        fields = parse_cells(parsers, cells, (name, row_no, header))
        try:
            opd = Opd.model_validate(fields)
        except ValidationError as exc:
            raise model_error(exc, name, row_no, header, columns) from None
        if opd.code in rows_of:
            message = render_all("files.same_opd", row=rows_of[opd.code])
            raise RosterError(message, file=name, row=row_no, column=header[columns["code"]])
        rows_of[opd.code] = row_no
        opds.append(opd)
    if not opds:
        raise RosterError(render_all("roster_file.no_opd"), file=name, row=2)
    headcount = header[columns["headcount"]]
    return tuple(opds), rows_of, headcount, ignored_columns(name, header, ignored)


__all__ = ["OpdsRead", "parse_opds", "read_opds", "read_opds_file"]
