"""The base of every flexasn error: [`FlexasnError`][flexasn.FlexasnError], whose message is a
catalogue [`Text`][flexasn.messages.Text] rendered in the reader's language, the errors of bad
arguments, the error that names a place in a file, and the helpers that keep no exception
chain."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar

from ..messages import LANGUAGES, Language, Text, render, require_language, text_in
from ..privacy import column_letters

P = ParamSpec("P")
R = TypeVar("R")
E = TypeVar("E", bound=BaseException)

Said = str | Text | Mapping[str, str]
"""What an error says: a catalogue [`Text`][flexasn.messages.Text] (every flexasn error), a
``{"id": ..., "en": ...}`` pair, or a plain string (an error raised by a caller's code)."""


def english(said: Said) -> str:
    """The English of ``said``: ``str()`` of an error."""
    return said if isinstance(said, str) else str(text_in(said, "en"))


class FlexasnError(Exception):
    """Base class of every error raised by flexasn.

    [`message`][flexasn.errors.FlexasnError.message] takes the reader's language; a language
    flexasn does not speak is [`UnknownLanguageError`][flexasn.UnknownLanguageError], in every
    subclass (a subclass's own ``message`` is wrapped so that it checks the language first).
    Raised with a [`Text`][flexasn.messages.Text] of the catalogue, the error speaks each
    language throughout; ``str()`` is the English message, ``text`` the Text.
    """

    text: Text | Mapping[str, str] | None = None

    def __init__(self, message: Said = "", *args: object) -> None:
        if not isinstance(message, str):
            self.text = message
        super().__init__(english(message), *args)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("message")
        if callable(own):
            cls.message = _checking_language(own)  # type: ignore[method-assign,assignment]

    def message(self, lang: Language = "id") -> str:
        """The message for people reading ``lang``; errors that name a place (file, row,
        column, field) name it in that language."""
        language = require_language(lang)
        return str(self) if self.text is None else str(text_in(self.text, language))


def _checking_language(
    method: Callable[[FlexasnError, Language], str],
) -> Callable[[FlexasnError, Language], str]:
    """``method`` (an error's ``message``) preceded by `require_language`."""

    @functools.wraps(method)
    def message(self: FlexasnError, lang: Language = "id") -> str:
        return method(self, require_language(lang))

    return message


def drop_chain(error: E) -> E:
    """``error`` without the exception it was raised from or during (``__cause__`` and
    ``__context__`` set to ``None``), returned for ``raise drop_chain(error)``.

    Call it where the error is re-raised (``raise`` alone), or raised outside an
    ``except`` block: inside one, ``raise`` would set ``__context__`` again.
    """
    error.__cause__ = None
    error.__context__ = None
    return error


def unchained(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap ``func`` so that a [`FlexasnError`][flexasn.FlexasnError] leaving it keeps no exception
    chain.

    Python keeps the exception being handled in ``__context__`` even after
    ``raise ... from None`` (which only hides it from the traceback); a reader that turns a
    ``UnicodeDecodeError`` into a [`RosterError`][flexasn.RosterError] would otherwise carry the
    file's bytes. The chain is dropped as the error leaves ``func``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FlexasnError as error:
            drop_chain(error)
            raise  # re-raising the error being handled sets no new context

    return wrapper


class LocatedError(FlexasnError):
    """An error in a file or a record: ``where`` (file, line, row, column, record,
    field) names the place, ``detail`` what is wrong there: a [`Text`][flexasn.messages.Text],
    one text per language (``{"id": ..., "en": ...}``) or a plain text; ``str()`` is the
    English message."""

    def _init_place(
        self,
        detail: Said,
        *,
        file: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        record: int | None = None,
        field: str | None = None,
        quote_field: bool = True,
    ) -> str:
        # a Text is kept as its words in each language: ``detail`` stays a text or a
        # ``{lang: text}`` mapping, as readers of it (the attendance and upload readers) expect
        self.detail: str | Mapping[str, str] = (
            {lang: detail.render(lang) for lang in LANGUAGES}
            if isinstance(detail, Text)
            else detail
        )
        self._place = (file, line, row, column, record, field, quote_field)
        return self.message("en")

    def message(self, lang: Language = "id") -> str:
        """The place and what is wrong there, in ``lang``."""
        file, line, row, column, record, field, quote_field = self._place
        words = {w: render(f"errors.place_{w}", lang) for w in ("row", "column", "record", "field")}
        where = []
        if file:
            where.append(file if line is None else f"{file}:{line}")
        if row is not None:
            where.append(f"{words['row']} {row}")
        if isinstance(column, int):  # a heading not shown: the column's position
            where.append(f"{words['column']} {column} ({column_letters(column)})")
        elif column:
            where.append(f"{words['column']} {column!r}")
        if record is not None:
            where.append(f"{words['record']} {record}")
        if field:
            where.append(
                f"{words['field']} {field!r}" if quote_field else f"{words['field']} {field}"
            )
        prefix = ", ".join(where)
        detail = str(text_in(self.detail, lang))
        return f"{prefix}: {detail}" if prefix else detail


class InvalidInputError(FlexasnError, ValueError):
    """An argument is of the wrong kind or out of range (a negative headcount, a percent
    above 100, an employee passed with another OPD). The message names the argument."""


class ArgumentTypeError(InvalidInputError, TypeError):
    """A public function got an argument of the wrong type. The message begins with the
    parameter's name (``on must be a datetime.date, not str``) and names the type
    expected, never the value. Also a ``TypeError``.

    Every public entry point checks its arguments with
    [`require_type`][flexasn.errors.require_type],
    [`require_date`][flexasn.errors.require_date] and the like before doing anything. Where a
    function raised a more specific error for a wrong type before, the error is both:
    ``HoursTypeError`` (the working-hours functions, also an
    [`HoursError`][flexasn.errors.HoursError]) and ``NipTypeError``
    ([`parse_nip`][flexasn.parse_nip], also an [`InvalidNipError`][flexasn.InvalidNipError])."""


class UnknownLanguageError(InvalidInputError, KeyError):
    """A language flexasn has no messages in (anything but ``"id"`` and ``"en"``), asked of
    a catalogue, a ``message(lang)``, a citation or the command line's ``--lang``. Also a
    ``ValueError`` and a ``KeyError``, as the checks it replaces raised. ``language`` is
    the language asked for, ``known`` the languages flexasn speaks, ``argument`` the
    parameter that gave it, where a function's argument did."""

    def __init__(self, language: object, argument: str | None = None) -> None:
        self.language = language
        self.known = LANGUAGES
        self.argument = argument
        said = Text("language.unknown", language=language, known=list(LANGUAGES))
        if argument is not None:  # a function's parameter: named, as every argument error does
            said = Text("language.argument", argument=argument, message=said)
        super().__init__(said)

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class MissingExtraError(FlexasnError, ImportError):
    """A feature needs a package of an optional extra that is not installed (pictures
    need matplotlib, ``to_pandas`` needs pandas): the message names the package and the
    ``pip install`` line. Also an ``ImportError``, as it was raised before. ``feature``,
    ``package`` and ``extra`` are the names in the message."""

    def __init__(self, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(
            Text("errors.missing_extra", feature=feature, package=package, extra=extra)
        )


__all__ = [
    "ArgumentTypeError",
    "FlexasnError",
    "InvalidInputError",
    "LocatedError",
    "MissingExtraError",
    "Said",
    "UnknownLanguageError",
    "drop_chain",
    "english",
    "unchained",
]
