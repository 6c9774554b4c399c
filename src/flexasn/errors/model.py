"""The errors of bad data given to a model or a NIP:
[`ModelValidationError`][flexasn.ModelValidationError] (also a ``pydantic.ValidationError``),
[`InvalidNipError`][flexasn.InvalidNipError] and their children, and the translation of
pydantic's error that drops the inputs and masks every location that may be personal data."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError, ValidationError

from ..messages import LANGUAGES, Language, Text, render, text_in
from ..privacy import masked_id
from .base import ArgumentTypeError, FlexasnError, InvalidInputError
from .plain import plain_text


class InvalidNipError(FlexasnError, ValueError):
    """A NIP (Nomor Induk Pegawai) is malformed or its date parts are impossible.

    The message says which part is wrong; it never repeats the number itself.
    """


class NipTypeError(ArgumentTypeError, InvalidNipError):
    """A NIP that is not a string (``parse_nip(198503122010011001)``): an
    [`ArgumentTypeError`][flexasn.ArgumentTypeError] naming the parameter, and an
    [`InvalidNipError`][flexasn.InvalidNipError] as
    [`parse_nip`][flexasn.parse_nip] raised before."""


class ModelValidationError(InvalidInputError, ValidationError):
    """A flexasn model was built from bad data: ``Opd(headcount=-1, ...)``, a policy entry
    of the wrong type, an assignment to a frozen model.

    Every model raises it from its constructor, ``model_validate``, ``model_validate_json``
    and ``model_validate_strings``. It is an [`InvalidInputError`][flexasn.InvalidInputError] (so a
    [`FlexasnError`][flexasn.FlexasnError] and a ``ValueError``) and also a
    ``pydantic.ValidationError``, so code written against pydantic keeps working:

    - ``str(error)`` names the model, each field and what is wrong as pydantic says it
      (English, for programmers); [`message`][flexasn.errors.ModelValidationError.message]
      says it in plain words, Indonesian (the default) or English, for people;
      ``error.model`` is the model's name and ``error.fields`` the fields concerned
      (``"days[2].remote"``);
    - ``error.errors()`` lists every problem for programs (``type``, ``loc``, ``msg``,
      ``ctx``), as pydantic does.

    Input values are never kept: neither the message nor ``errors()`` (even with
    ``include_input=True``) holds them, and a location that looks like a NIP (a NIP used
    as a mapping key) or is the key of a mapping keyed by employee is masked
    ([`masked_id`][flexasn.masked_id]). The messages of flexasn's own
    validators, which say what is wrong in their own words, hold no personal data.
    """

    @property
    def model(self) -> str:
        """The name of the model that rejected the data (``"Opd"``)."""
        return self.title

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields concerned, in order, without repeats; ``""`` for a whole-model check."""
        return tuple(dict.fromkeys(_where(e["loc"]) for e in self.errors()))

    def errors(
        self, *, include_url: bool = True, include_context: bool = True, include_input: bool = True
    ) -> list[ErrorDetails]:
        """Every problem, as ``pydantic.ValidationError.errors()`` gives it, without inputs.

        ``include_input`` is accepted for compatibility and ignored: the input is never kept.
        """
        return super().errors(
            include_url=include_url, include_context=include_context, include_input=False
        )

    def json(
        self,
        *,
        indent: int | None = None,
        include_url: bool = True,
        include_context: bool = True,
        include_input: bool = True,
    ) -> str:
        """[`errors`][flexasn.errors.ModelValidationError.errors] as JSON (without inputs, whatever
        ``include_input`` says)."""
        return super().json(
            indent=indent,
            include_url=include_url,
            include_context=include_context,
            include_input=False,
        )

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (``"id"``, default) or English (``"en"``), in plain
        words throughout ([`plain_text`][flexasn.errors.plain.plain_text]): the model and field
        names are the code's, what is wrong the catalogue's."""
        parts = [
            render("errors.field", lang, field=where, message=what) if where else what
            for where, what in (
                (_where(e["loc"]), str(text_in(plain_text(e), lang))) for e in self.errors()
            )
        ]
        return render("errors.invalid_model", lang, model=self.model, details="; ".join(parts))

    def __str__(self) -> str:
        parts = [
            render("errors.field", "en", field=where, message=what) if where else what
            for where, what in ((_where(e["loc"]), _what(e["msg"])) for e in self.errors())
        ]
        return render("errors.invalid_model", "en", model=self.model, details="; ".join(parts))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class ModelNipError(InvalidNipError, ModelValidationError):
    """A model was given a malformed NIP (``Employee(nip="123")``): both an
    [`InvalidNipError`][flexasn.InvalidNipError], the most specific error, and a
    [`ModelValidationError`][flexasn.ModelValidationError].
    Like every error here, its message never repeats the number."""


_NIP_LIKE = re.compile(r"[0-9]{8,}")
_MASKED = re.compile(r"…(?:[0-9]{4})?#[0-9a-f]{8}")  # what masked_id gives
_KEYED_BY_EMPLOYEE = frozenset({"remote", "history", "held"})
"""Model fields that map an employee id to a value (``ScheduleDay.remote``,
``Schedule.history``, ``Schedule.held``): the key after them in a location is an id."""


def _mask(part: str | int, after: str | int | None = None) -> str | int:
    """A location part, masked ([`masked_id`][flexasn.masked_id]) when it may be a NIP
    (a run of eight digits or more; an ISO date such as ``2025-03-24`` is left as it is) or
    is the key of a mapping keyed by employee (which may hold a name)."""
    if not isinstance(part, str) or _MASKED.fullmatch(part):  # masked already: kept
        return part
    if _NIP_LIKE.search(part) or after in _KEYED_BY_EMPLOYEE:
        return masked_id(part)
    return part


def mask_location(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """A pydantic error location with every part that may be personal data masked."""
    return tuple(_mask(part, loc[i - 1] if i else None) for i, part in enumerate(loc))


def masked_words(error: Mapping[str, Any]) -> tuple[tuple[str | int, ...], dict[str, str]]:
    """One pydantic error as a user is told it: its location with every part that may be
    personal data masked ([`mask_location`][flexasn.mask_location]), and what is wrong in
    the catalogue's plain words in every language
    ([`plain_text`][flexasn.errors.plain.plain_text], said of the masked location, so that
    an unknown field named by a NIP is not repeated). The words of a plain ``ValueError``
    raised by other code, which may repeat the input, give way to the catalogue's general
    words (``policy_error.invalid``). The one translation of the readers' row errors, the
    command's error line and the web service's wrong fields."""
    loc = mask_location(tuple(error.get("loc", ())))
    said = plain_text({**error, "type": error.get("type", ""), "loc": loc})
    if isinstance(said, str):  # another library's own words: they may hold the input
        said = Text("policy_error.invalid")
    return loc, {lang: str(text_in(said, lang)) for lang in LANGUAGES}


def _where(loc: tuple[str | int, ...]) -> str:
    """A pydantic location as a field path: ``("days", 2, "remote")`` -> ``days[2].remote``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _what(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def model_error(exc: ValidationError, model: str) -> ModelValidationError:
    """Translate pydantic's error about ``model`` into a
    [`ModelValidationError`][flexasn.ModelValidationError].

    The inputs are dropped and NIP-like locations masked; a malformed NIP anywhere in the
    data gives a [`ModelNipError`][flexasn.ModelNipError]. An error already translated is returned
    as it is.
    """
    if isinstance(exc, ModelValidationError):
        return exc
    details = exc.errors(include_url=False, include_input=False)
    nip = any(isinstance(d.get("ctx", {}).get("error"), InvalidNipError) for d in details)
    line_errors: list[InitErrorDetails] = [
        {
            # A custom error keeps pydantic's type code and message exactly as they were.
            "type": PydanticCustomError(d["type"], d["msg"], d.get("ctx")),
            "loc": mask_location(d["loc"]),
            "input": None,
        }
        for d in details
    ]
    kind = ModelNipError if nip else ModelValidationError
    return kind.from_exception_data(model, line_errors, hide_input=True)


__all__ = [
    "InvalidNipError",
    "ModelNipError",
    "ModelValidationError",
    "NipTypeError",
    "mask_location",
    "masked_words",
    "model_error",
]
