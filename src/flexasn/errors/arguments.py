"""The checks every public entry point makes of its arguments before doing anything: each
raises [`ArgumentTypeError`][flexasn.ArgumentTypeError] (or
[`InvalidInputError`][flexasn.InvalidInputError]) naming the parameter, never the value, in the
reader's language (the catalogue's ``[argument]`` table)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar, cast

from ..messages import LANGUAGES, Language, Text, render, require_language
from .base import ArgumentTypeError, InvalidInputError, UnknownLanguageError

Item = TypeVar("Item")


def is_plain_date(value: object) -> bool:
    """True for a plain ``datetime.date``: not a ``datetime`` (nor a pandas ``Timestamp``,
    both ``date`` subclasses), not a string. The one "is this a plain date" test:
    [`require_date`][flexasn.errors.require_date] raises on its answer."""
    return isinstance(value, date) and not isinstance(value, datetime)


def require_date(
    value: object,
    argument: str | Text,
    *,
    optional: bool = False,
    error: type[ArgumentTypeError] = ArgumentTypeError,
) -> None:
    """Reject anything but a plain ``datetime.date`` for ``argument`` (``None`` too when
    ``optional``).

    A ``datetime`` (or a pandas ``Timestamp``) is a ``date`` subclass that never equals
    the calendar's keys, so it would silently read as an ordinary day; a string is not
    parsed. Raises [`ArgumentTypeError`][flexasn.ArgumentTypeError] (or ``error``) naming the
    parameter (``argument``: its name, or a [`Text`][flexasn.messages.Text] of the catalogue
    where the value is named in words).
    """
    if type(value) is date or (value is None and optional):
        return  # the common case, decided without building anything
    if not is_plain_date(value):
        key = "argument.not_date"
        if isinstance(value, datetime):
            key = "argument.not_date_datetime"
        elif isinstance(value, str):
            key = "argument.not_date_str"
        raise error(Text(key, argument=argument, type=type(value).__name__))


def or_joined(names: Iterable[str]) -> dict[str, str]:
    """``names`` joined with "or" in each language (``'kab-malang' atau 'kab-malinau'``):
    the alternatives a message offers."""
    listed = list(names)
    return {lang: render("argument.or", lang).join(listed) for lang in LANGUAGES}


def type_names(kinds: tuple[type, ...], optional: bool = False) -> dict[str, str]:
    """The names of ``kinds`` joined with "or" in each language (``int or None``)."""
    return or_joined([k.__name__ for k in kinds] + (["None"] if optional else []))


def require_type(
    value: object,
    kind: type | tuple[type, ...],
    argument: str,
    *,
    optional: bool = False,
    error: type[ArgumentTypeError] = ArgumentTypeError,
) -> None:
    """Reject an argument that is not an instance of ``kind`` (a type or a tuple of types;
    ``None`` is taken too when ``optional``). A ``bool`` is not taken for an ``int``.
    Raises [`ArgumentTypeError`][flexasn.ArgumentTypeError] (or ``error``) naming the parameter,
    never the value.
    """
    if type(value) is kind or (value is None and optional):
        return  # the common case, decided without building anything
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        names = type_names(kinds, optional)
        key = "argument.not_an" if names["en"][0] in "AEIOUaeiou" else "argument.not_a"
        raise error(Text(key, argument=argument, kinds=names, type=type(value).__name__))


def require_lang(value: object, argument: str = "lang") -> Language:
    """``value`` if it is a language flexasn speaks (``"id"``, ``"en"``):
    [`ArgumentTypeError`][flexasn.ArgumentTypeError] naming the parameter for a value that is not
    a string, [`UnknownLanguageError`][flexasn.UnknownLanguageError] (the one error of an unknown
    language, everywhere) for a string that is not a language."""
    require_type(value, str, argument)
    if value not in LANGUAGES:
        raise UnknownLanguageError(value, argument)
    return require_language(value)


def require_path(
    value: object, argument: str = "path", *, error: type[ArgumentTypeError] = ArgumentTypeError
) -> None:
    """Reject a path that is neither a ``str`` nor an ``os.PathLike`` (names the parameter)."""
    require_type(value, (str, os.PathLike), argument, error=error)


def require_choice(value: object, choices: Iterable[str], argument: str) -> None:
    """Reject an argument that is not one of the strings ``choices`` (a ``StrEnum``
    member is its value): [`ArgumentTypeError`][flexasn.ArgumentTypeError] for a value that is not
    a string, [`InvalidInputError`][flexasn.InvalidInputError] for a string that is not a choice.
    Names the parameter, never the value."""
    known = tuple(choices)
    require_type(value, str, argument)
    if value not in known:
        raise InvalidInputError(Text("argument.not_one_of", argument=argument, choices=known))


def require_items(
    values: object,
    kind: type[Item],
    argument: str,
    *,
    error: type[ArgumentTypeError] = ArgumentTypeError,
) -> tuple[Item, ...]:
    """The items of the iterable ``values``, each an instance of ``kind``; a string, a
    mapping or a non-iterable is rejected, and so is an item of another type
    (``employees[3] must be an Employee``). Names the parameter, never a value."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise error(
            Text(
                "argument.not_iterable",
                argument=argument,
                kind=kind.__name__,
                type=type(values).__name__,
            )
        )
    items = tuple(values)
    for index, item in enumerate(items):
        require_type(item, kind, f"{argument}[{index}]", error=error)
    return cast("tuple[Item, ...]", items)


__all__ = [
    "is_plain_date",
    "or_joined",
    "require_choice",
    "require_date",
    "require_items",
    "require_lang",
    "require_path",
    "require_type",
    "type_names",
]
