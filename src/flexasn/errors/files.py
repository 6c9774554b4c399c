"""The errors of the files and records a user gives: rosters, schedules, attendance, the
working-hours functions' input; and how a notice names a column."""

from __future__ import annotations

from collections.abc import Mapping

from ..messages import Language, render
from ..privacy import column_letters
from .base import ArgumentTypeError, FlexasnError, LocatedError, Said


class RosterError(LocatedError, ValueError):
    """A roster or schedule file is invalid. The message names the file, row and column.

    ``column`` is the heading as written in the file when flexasn knows it, else the
    column's 1-based position (an ``int``): an unknown heading may be personal data.
    """

    def __init__(
        self,
        message: Said,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self._init_place(message, file=file, row=row, column=column))


def column_label(position: int, heading: str | None, lang: Language = "id") -> str:
    """How a notice names a column: ``'nama' (C)``, or ``kolom 3 (C)`` / ``column 3 (C)``
    where the heading is not shown (``None``)."""
    letters = column_letters(position)
    if heading is None:
        return f"{render('errors.place_column', lang)} {position} ({letters})"
    return f"{heading!r} ({letters})"


class HoursError(FlexasnError, ValueError):
    """Bad input to the working-hours functions (a span, a pattern, a shift pattern).

    Raised with a [`Text`][flexasn.messages.Text] of the catalogue, or one text per language
    (``{"id": ..., "en": ...}``): ``str()`` is then the English text,
    [`message`][flexasn.errors.FlexasnError.message] either.
    """

    def __init__(self, message: Said = "", *args: object) -> None:
        self.messages: dict[str, str] | None = (
            dict(message) if isinstance(message, Mapping) else None
        )
        super().__init__(message, *args)


class HoursTypeError(ArgumentTypeError, HoursError):
    """A working-hours function got an argument of the wrong type: an
    [`ArgumentTypeError`][flexasn.ArgumentTypeError] naming the parameter, and an
    [`HoursError`][flexasn.errors.HoursError] as these functions raised before."""


class AttendanceError(LocatedError, HoursError):
    """An attendance record or an attendance file is invalid.

    The message names where: for records passed to ``check_hours`` the record's index
    and field; for a file read by ``read_attendance`` the file, the row (1 = the header)
    and the column: its heading as written in the file when flexasn knows it, else its
    1-based position (an ``int``). It never repeats personal data: records are named by
    their position, never by a NIP or a name.
    """

    def __init__(
        self,
        message: Said,
        *,
        record: int | None = None,
        field: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.record = record
        self.field = field
        self.file = file
        self.row = row
        self.column = column
        super().__init__(
            self._init_place(message, file=file, row=row, column=column, record=record, field=field)
        )


__all__ = ["AttendanceError", "HoursError", "HoursTypeError", "RosterError", "column_label"]
