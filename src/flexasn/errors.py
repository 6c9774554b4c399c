"""The errors flexasn raises.

Every error derives from [`FlexasnError`][flexasn.FlexasnError]. Messages name what was wrong and
where (file, line, field, row, date) and never contain personal data: no NIP and
no name (UU 27/2022 on personal data protection). Where a row must be identified,
the row number or a masked id ([`flexasn.privacy.masked_id`][flexasn.masked_id]) is used.

A column of a file is named as written in the file only when flexasn knows the heading
(a column name of the format); any other heading may be a NIP or a name (a file without
its header row, a transposed file) and the column is named by its position instead:
``column 3 (C)``, with ``error.column == 3``.

No chain: an error raised in place of a lower exception (a decode error holding the
file's bytes, pydantic's error holding the input values) keeps no trace of it:
``__cause__`` and ``__context__`` are ``None``, so a tool that logs exception chains
(Sentry, structlog) finds no personal data there. The file readers are wrapped in
[`unchained`][flexasn.errors.unchained]; the hot paths (model validation, NIP parsing) raise after
their
``except`` block.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar, cast

from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError, ValidationError

from .messages import LANGUAGES, Language, render, require_language
from .privacy import column_letters, masked_id

P = ParamSpec("P")
R = TypeVar("R")
E = TypeVar("E", bound=BaseException)
Item = TypeVar("Item")


class FlexasnError(Exception):
    """Base class of every error raised by flexasn.

    [`message`][flexasn.errors.FlexasnError.message] takes the reader's language; a language
    flexasn does not speak is
    [`UnknownLanguageError`][flexasn.UnknownLanguageError], in every subclass (a subclass's own
    ``message`` is
    wrapped so that it checks the language first).
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("message")
        if callable(own):
            cls.message = _checking_language(own)  # type: ignore[method-assign,assignment]

    def message(self, lang: Language = "id") -> str:
        """The message for people reading ``lang``; errors that name a place (file, row,
        column, field) name it in that language. The default is ``str(self)``."""
        require_language(lang)
        return str(self)


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
    file's
    bytes. The chain is dropped as the error leaves ``func``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FlexasnError as error:
            drop_chain(error)
            raise  # re-raising the error being handled sets no new context

    return wrapper


class _Located(FlexasnError):
    """An error in a file or a record: ``where`` (file, line, row, column, record,
    field) names the place, ``detail`` what is wrong there: one text, or one per
    language (``{"id": ..., "en": ...}``); ``str()`` is the English message."""

    def _init_place(
        self,
        detail: str | Mapping[str, str],
        *,
        file: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        record: int | None = None,
        field: str | None = None,
        quote_field: bool = True,
    ) -> str:
        self.detail = detail
        self._place = (file, line, row, column, record, field, quote_field)
        return self.message("en")

    def message(self, lang: Language = "id") -> str:
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
        detail = self.detail if isinstance(self.detail, str) else self.detail[lang]
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
    function raised a
    more specific error for a wrong type before, the error is both: ``HoursTypeError``
    (the working-hours functions, also an [`HoursError`][flexasn.errors.HoursError]) and
    ``NipTypeError``
    ([`parse_nip`][flexasn.parse_nip], also an [`InvalidNipError`][flexasn.InvalidNipError])."""


class UnknownLanguageError(InvalidInputError, KeyError):
    """A language flexasn has no messages in (anything but ``"id"`` and ``"en"``), asked of
    a catalogue, a ``message(lang)``, a citation or the command line's ``--lang``. Also a
    ``ValueError`` and a ``KeyError``, as the checks it replaces raised. ``language`` is
    the language asked for, ``known`` the languages flexasn speaks."""

    def __init__(self, language: object) -> None:
        self.language = language
        self.known = LANGUAGES
        super().__init__(self.message("en"))

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])

    def message(self, lang: Language = "id") -> str:
        return render("language.unknown", lang, language=self.language, known=", ".join(self.known))


def require_date(
    value: object,
    argument: str,
    *,
    optional: bool = False,
    error: type[ArgumentTypeError] = ArgumentTypeError,
) -> None:
    """Reject anything but a plain ``datetime.date`` for ``argument`` (``None`` too when
    ``optional``).

    A ``datetime`` (or a pandas ``Timestamp``) is a ``date`` subclass that never equals
    the calendar's keys, so it would silently read as an ordinary day; a string is not
    parsed. Raises [`ArgumentTypeError`][flexasn.ArgumentTypeError] (or ``error``) naming the
    parameter.
    """
    if type(value) is date or (value is None and optional):
        return  # the common case, decided without building anything
    if not isinstance(value, date) or isinstance(value, datetime):
        hint = " (pass its .date())" if isinstance(value, datetime) else ""
        if isinstance(value, str):
            hint = " (parse it first: date.fromisoformat(...))"
        raise error(f"{argument} must be a datetime.date, not {type(value).__name__}{hint}")


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
        names = " or ".join(k.__name__ for k in kinds) + (" or None" if optional else "")
        article = "an" if names[0] in "AEIOUaeiou" else "a"
        raise error(f"{argument} must be {article} {names}, not {type(value).__name__}")


def require_path(
    value: object, argument: str = "path", *, error: type[ArgumentTypeError] = ArgumentTypeError
) -> None:
    """Reject a path that is neither a ``str`` nor an ``os.PathLike`` (names the parameter)."""
    require_type(value, (str, os.PathLike), argument, error=error)


def require_choice(value: object, choices: Iterable[str], argument: str) -> None:
    """Reject an argument that is not one of the strings ``choices`` (a ``StrEnum``
    member is its value): [`ArgumentTypeError`][flexasn.ArgumentTypeError] for a value that is not
    a string,
    [`InvalidInputError`][flexasn.InvalidInputError] for a string that is not a choice. Names the
    parameter,
    never the value."""
    known = tuple(choices)
    require_type(value, str, argument)
    if value not in known:
        raise InvalidInputError(f"{argument} must be one of: {', '.join(known)}")


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
            f"{argument} must be an iterable of {kind.__name__}, not {type(values).__name__}"
        )
    items = tuple(values)
    for index, item in enumerate(items):
        require_type(item, kind, f"{argument}[{index}]", error=error)
    return cast("tuple[Item, ...]", items)


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
    ``pydantic.ValidationError``,
    so code written against pydantic keeps working:

    - ``str(error)`` names the model, each field and what is wrong (English; see
      [`message`][flexasn.errors.ModelValidationError.message] for Indonesian); ``error.model`` is
      the model's name and
      ``error.fields`` the fields concerned (``"days[2].remote"``);
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
        """The message in Indonesian (``"id"``, default) or English (``"en"``).

        The model and field names are the code's; what is wrong is pydantic's (English)
        or the flexasn validator's own words.
        """
        parts = [
            render("errors.field", lang, field=where, message=what) if where else what
            for where, what in ((_where(e["loc"]), _what(e["msg"])) for e in self.errors())
        ]
        return render("errors.invalid_model", lang, model=self.model, details="; ".join(parts))

    def __str__(self) -> str:
        return self.message("en")

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


class UnknownPolicyError(FlexasnError, KeyError):
    """No policy or registered instansi has the requested id.

    ``known`` holds every known id; the message names the closest ones
    (``"kab-malnag"``: did you mean ``"kab-malang"``?), or all of them when they are few.
    """

    def __init__(self, policy_id: str, known: Iterable[str]) -> None:
        self.policy_id = policy_id
        self.known = tuple(sorted(known))
        self.suggestions = tuple(
            difflib.get_close_matches(str(policy_id), self.known, n=3, cutoff=0.6)
        )
        if self.suggestions:
            hint = "did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        elif len(self.known) <= 20:
            hint = f"known policies: {', '.join(self.known)}"
        else:
            hint = (
                f"{len(self.known)} ids are known: 'nasional', 'prov-<slug>', 'kab-<slug>', "
                "'kota-<slug>' (see flexasn.instansi_ids())"
            )
        super().__init__(f"unknown policy {policy_id!r}; {hint}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (default) or English, naming the closest known ids."""
        if lang != "id":
            return str(self)
        if self.suggestions:
            hint = "mungkin maksudnya " + " atau ".join(repr(s) for s in self.suggestions)
        elif len(self.known) <= 20:
            hint = f"id yang dikenal: {', '.join(self.known)}"
        else:
            hint = f"{len(self.known)} id dikenal (lihat flexasn.instansi_ids())"
        return f"instansi atau kebijakan {self.policy_id!r} tidak dikenal; {hint}"


class UnknownInstrumentError(FlexasnError, KeyError):
    """No legal instrument in the registry has the requested id."""

    def __init__(self, instrument_id: str, known: Iterable[str]) -> None:
        self.instrument_id = instrument_id
        self.known = tuple(sorted(known))
        super().__init__(
            f"unknown instrument {instrument_id!r}; known instruments: {', '.join(self.known)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class PolicyDataError(_Located, ValueError):
    """A bundled or user data file (policy, instruments, calendar) is invalid.

    The message names the file, the entry or field (``arrangement[2].quota[0].percent``),
    the line where it can be found, and what is wrong, in plain words; a file with several
    problems lists every one. ``message("id")`` / ``message("en")`` speak Indonesian and
    English. ``problems`` holds each problem as ``(field, line, {lang: text})``.
    """

    def __init__(
        self,
        message: str | Mapping[str, str],
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file = file
        self.field = field
        self.line = line
        self.problems: tuple[tuple[str | None, int | None, Mapping[str, str]], ...] = ()
        super().__init__(
            self._init_place(message, file=file, line=line, field=field, quote_field=False)
        )


class PolicyConflictError(FlexasnError):
    """Two rules of equal rank apply to the same case and disagree (Catala's conflict).

    Nothing silently wins by file order: the message names both rules. ``day`` is a day
    both cover, where two arrangements overlap; ``lines`` their lines in the policy file,
    where it was read from one. ``message(lang)`` speaks Indonesian where it has the words.
    """

    def __init__(
        self,
        message: str | Mapping[str, str],
        *,
        rules: tuple[str, str],
        day: date | None = None,
        lines: tuple[int | None, int | None] | None = None,
    ) -> None:
        self.rules = rules
        self.day = day
        self.lines = lines
        self.messages = dict(message) if isinstance(message, Mapping) else None
        super().__init__(message["en"] if isinstance(message, Mapping) else message)

    def message(self, lang: Language = "id") -> str:
        """The conflict in ``lang`` (English where flexasn has no Indonesian words for it)."""
        return self.messages[lang] if self.messages else str(self)


class CoverageError(FlexasnError, LookupError):
    """A date lies beyond the years for which the law (the cuti bersama decree) is known.

    Pass ``strict=False`` to the calendar functions to get an estimate instead.
    """

    def __init__(self, day: date, covered: tuple[int, ...], what: str = "ASN calendar") -> None:
        self.day = day
        self.covered = covered
        self.what = what
        super().__init__(f"{self.message('en')}; pass strict=False for an estimate")

    def message(self, lang: Language = "id") -> str:
        """The date and the covered years in ``lang``, without the hint to pass
        ``strict=False`` that ``str()`` adds for programmers (the command line has
        ``--estimate``)."""
        span = (
            f"{self.covered[0]}-{self.covered[-1]}"
            if self.covered
            else render("coverage.none", lang)
        )
        what = render("coverage.asn_calendar", lang) if self.what == "ASN calendar" else self.what
        return render("coverage.outside", lang, day=self.day.isoformat(), what=what, span=span)


class QuotaUndefinedError(FlexasnError):
    """No known instrument sets the proportion of staff who may work remotely.

    The national circulars leave it to the head of each agency; a region whose
    decision is unknown has none. The message names the instrument.
    """


class QuotaCoverageError(QuotaUndefinedError, CoverageError):
    """No quota can be given for a day beyond the decreed calendar years: whether it is a
    working day is not decreed. Both a [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] (the
    limit is None)
    and a [`CoverageError`][flexasn.CoverageError] (the date and the known horizon)."""

    def __init__(self, day: date, covered: tuple[int, ...]) -> None:
        CoverageError.__init__(self, day, covered, "ASN calendar")


class RosterError(_Located, ValueError):
    """A roster or schedule file is invalid. The message names the file, row and column.

    ``column`` is the heading as written in the file when flexasn knows it, else the
    column's 1-based position (an ``int``): an unknown heading may be personal data.
    """

    def __init__(
        self,
        message: str | Mapping[str, str],
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self._init_place(message, file=file, row=row, column=column))


class FlexasnWarning(UserWarning):
    """Base class of the warnings flexasn issues (``warnings.warn``): something in the input
    was left aside, not wrong. Like an error it never repeats personal data, and it speaks
    both languages: [`message`][flexasn.errors.FlexasnWarning.message]; ``str()`` is the English
    message.

    ``warnings.simplefilter("error", fx.FlexasnWarning)`` turns every one into an error;
    ``warnings.simplefilter("ignore", fx.FlexasnWarning)`` silences them.
    """

    def __init__(self, messages: Mapping[Language, str]) -> None:
        self.messages: dict[Language, str] = dict(messages)
        super().__init__(self.messages["en"])

    def message(self, lang: Language = "id") -> str:
        """The notice in Indonesian (``"id"``, default) or English (``"en"``)."""
        return self.messages[require_language(lang)]


class IgnoredColumnsWarning(FlexasnWarning):
    """Columns a roster or schedule file holds besides those flexasn reads (names, grades,
    units, as BKPSDM exports carry) were ignored: one notice per call
    ([`read_roster`][flexasn.read_roster]: one for both files), naming them.

    ``ignored`` holds ``(file, columns)`` pairs, ``columns`` being ``(position, heading)``
    pairs: the 1-based position and the heading as written, or ``None`` for a heading that
    may be personal data (empty, long, or holding a run of digits), named ``column 3 (C)``.
    Their cells are never kept. ``strict=True`` (the
    command line's ``--strict``) rejects such a file instead.
    """

    def __init__(self, ignored: Sequence[tuple[str, Sequence[tuple[int, str | None]]]]) -> None:
        self.ignored = tuple((file, tuple(columns)) for file, columns in ignored)
        messages: dict[Language, str] = {}
        for lang in LANGUAGES:
            parts = [
                render(
                    "files.ignored_columns",
                    lang,
                    file=file,
                    columns=", ".join(column_label(n, heading, lang) for n, heading in columns),
                )
                for file, columns in self.ignored
            ]
            messages[lang] = "; ".join(parts) + render("files.ignored_hint", lang)
        super().__init__(messages)


class PppkNumberWarning(FlexasnWarning):
    """PPPK rows of an employees file whose number (NI PPPK) may be mistyped: its first eight
    digits, where a PNS NIP keeps the birth date, are not a possible date.

    flexasn does not assume the NI PPPK layout (LAW.md, section 7; [`parse_nip`][flexasn.parse_nip]
    checks its 18 digits only), so such a row is kept, not rejected, and flagged for a person
    to check. ``file`` is the file, ``rows`` the rows (1 = the header); never the numbers.
    """

    def __init__(self, file: str, rows: Sequence[int]) -> None:
        self.file = file
        self.rows = tuple(rows)
        shown = ", ".join(str(r) for r in self.rows[:20])
        more = len(self.rows) - 20
        super().__init__(
            {
                lang: render(
                    "files.pppk_flagged", lang, file=file, count=len(self.rows), rows=shown
                )
                + (render("files.more_rows", lang, count=more) if more > 0 else "")
                for lang in LANGUAGES
            }
        )


class ShadowedOverrideWarning(FlexasnWarning):
    """A [`Scenario`][flexasn.Scenario] override that a more specific rule of the base policy
    shadows, in part or wholly: ``percent={"default": 30}`` under a policy whose service
    rules set the percent for every OPD changes nothing. The scenario is still built (the
    override stays in its policy, where it is dead); the notice names the rules that win.

    ``scenario`` is the scenario's name, ``arrangement`` the arrangement's id, ``override``
    the override's key (``"default"``, a service category or an OPD kind), ``winners`` the
    descriptions of the base rules that win, ``where`` the OPDs they win for (``"bkad"``,
    ``"esensial"``, ``"default"`` for every OPD) and ``changes_nothing`` is True when the
    override changes no OPD at all in that arrangement.
    """

    def __init__(
        self,
        *,
        scenario: str,
        arrangement: str,
        override: str,
        winners: Sequence[str],
        where: str,
        changes_nothing: bool,
    ) -> None:
        self.scenario = scenario
        self.arrangement = arrangement
        self.override = override
        self.winners = tuple(winners)
        self.where = where
        self.changes_nothing = changes_nothing
        key = "scenario.shadowed_all" if changes_nothing else "scenario.shadowed_some"
        super().__init__(
            {
                lang: render(
                    key,
                    lang,
                    scenario=scenario,
                    arrangement=arrangement,
                    override=override,
                    winners=", ".join(repr(w) for w in self.winners),
                    where=where,
                )
                for lang in LANGUAGES
            }
        )


def column_label(position: int, heading: str | None, lang: Language = "id") -> str:
    """How a notice names a column: ``'nama' (C)``, or ``kolom 3 (C)`` / ``column 3 (C)``
    where the heading is not shown (``None``)."""
    letters = column_letters(position)
    if heading is None:
        return f"{render('errors.place_column', lang)} {position} ({letters})"
    return f"{heading!r} ({letters})"


class HoursError(FlexasnError, ValueError):
    """Bad input to the working-hours functions (a span, a pattern, a shift pattern).

    Raised with one text, or with one per language (``{"id": ..., "en": ...}``, from the
    message catalogue): ``str()`` is then the English text,
    [`message`][flexasn.errors.HoursError.message] either.
    """

    def __init__(self, message: str | Mapping[str, str] = "", *args: object) -> None:
        self.messages: dict[str, str] | None = None
        if not isinstance(message, str):
            self.messages = dict(message)
            message = self.messages["en"]
        super().__init__(message, *args)

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (``"id"``, default) or English (``"en"``)."""
        return str(self) if self.messages is None else self.messages[lang]


class HoursTypeError(ArgumentTypeError, HoursError):
    """A working-hours function got an argument of the wrong type: an
    [`ArgumentTypeError`][flexasn.ArgumentTypeError] naming the parameter, and an
    [`HoursError`][flexasn.errors.HoursError] as these
    functions raised before."""


class AttendanceError(_Located, HoursError):
    """An attendance record or an attendance file is invalid.

    The message names where: for records passed to ``check_hours`` the record's index
    and field; for a file read by ``read_attendance`` the file, the row (1 = the header)
    and the column: its heading as written in the file when flexasn knows it, else its
    1-based position (an ``int``). It never repeats personal data: records are named by
    their position, never by a NIP or a name.
    """

    def __init__(
        self,
        message: str | Mapping[str, str],
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


class ScheduleCoverageError(CoverageError):
    """A policy's pattern (a six-day or other Pasal 7 schedule) is not known for a date.

    Kota Malang's six-day hours are known for Ramadan only; outside it the hours its
    puskesmas owe are not in any instrument flexasn holds.
    """

    def __init__(self, day: date, policy_id: str, pattern: str, known: Sequence[str]) -> None:
        self.day = day
        self.covered = ()
        self.policy_id = policy_id
        self.pattern = pattern
        spans = ", ".join(known) or "none"
        Exception.__init__(
            self,
            f"{day.isoformat()}: policy {policy_id!r} sets no hours for pattern {pattern!r} "
            f"on this date (known: {spans}) / jam kerja pola {pattern!r} tidak diketahui "
            "untuk tanggal ini",
        )


__all__ = [
    "ArgumentTypeError",
    "AttendanceError",
    "CoverageError",
    "FlexasnError",
    "FlexasnWarning",
    "HoursError",
    "HoursTypeError",
    "IgnoredColumnsWarning",
    "InvalidInputError",
    "InvalidNipError",
    "ModelNipError",
    "ModelValidationError",
    "NipTypeError",
    "PolicyConflictError",
    "PolicyDataError",
    "PppkNumberWarning",
    "QuotaCoverageError",
    "QuotaUndefinedError",
    "RosterError",
    "ScheduleCoverageError",
    "ShadowedOverrideWarning",
    "UnknownInstrumentError",
    "UnknownLanguageError",
    "UnknownPolicyError",
    "column_label",
    "drop_chain",
    "mask_location",
    "model_error",
    "require_choice",
    "require_date",
    "require_items",
    "require_path",
    "require_type",
    "unchained",
]
