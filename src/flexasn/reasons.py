"""Checks, outcomes and reasons: how every answer explains itself.

A [`Reason`][flexasn.Reason] records one check: its stable [`Check`][flexasn.Check] code, whether it
passed (True), failed (False) or could not be decided (None), the law behind it
and its message in Indonesian and English. Reasons are JSON-serialisable and are
part of the API: audit logs store them.

A reason keeps its message key and parameters and renders a message only when it is
read ([`Reason.message`][flexasn.reasons.Reason.message],
[`Reason.messages`][flexasn.reasons.Reason.messages], ``model_dump``, JSON): a decision
lists about ten reasons, and most callers read only the outcome. Reasons built by the
rules are shared: [`reason`][flexasn.reasons.reason] returns the same frozen object for the same
check,
result, basis, key and parameters.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import ConfigDict, PrivateAttr, TypeAdapter, computed_field, model_validator
from pydantic_core import PydanticCustomError

from ._model import Frozen
from .legal import Citation
from .messages import LANGUAGES, Language, render, require_language

Params = tuple[tuple[str, object], ...]
"""A message's parameters, in order: ``(name, value)``; a value given per language is a
``{lang: text}`` dict (see `flexasn.messages.render_all`)."""


@functools.cache
def _messages_adapter() -> TypeAdapter[dict[str, str]]:
    """Validates ``messages`` read back from JSON (built on first use, not at import)."""
    return TypeAdapter(dict[str, str])


class Check(StrEnum):
    """Stable codes of the checks (never renamed; new ones are added)."""

    DATA_COVERAGE = "data_coverage"
    AGENCY_SCOPE = "agency_scope"
    WORKING_DAY = "working_day"
    FLEXIBLE_PERIOD = "flexible_period"
    OPD_ALLOWED = "opd_allowed"
    ROLE_ONSITE = "role_onsite"
    FRONTLINE = "frontline"
    DISCIPLINE = "discipline"
    NEW_EMPLOYEE = "new_employee"
    QUOTA = "quota"
    WEEKLY_LIMIT = "weekly_limit"
    ROSTER = "roster"
    """Schedules: an employee missing from the schedule, or not on the roster."""

    def label(self, lang: Language = "id") -> str:
        """The check in a few words for a reader, in Indonesian (``"id"``, default) or
        English (``"en"``): the condition that lets flexible work go ahead, so that the mark
        before it reads right (``✗ bukan pegawai baru`` is a new employee): ``data hari libur
        tersedia`` for ``data_coverage`` (catalogue table ``check_label``). Text output shows
        it before the code, ``data hari libur tersedia (data_coverage)``; JSON keeps the code
        alone."""
        return render(f"check_label.{self.value}", require_language(lang))

    def named(self, lang: Language = "id") -> str:
        """How text output names the check: its [`label`][flexasn.Check.label], then its
        code in brackets (``bukan pegawai baru (new_employee)``), the code kept for whoever
        searches for it."""
        return f"{self.label(lang)} ({self.value})"


class Outcome(StrEnum):
    """The three possible answers: the law allows, denies, or is not known."""

    ALLOWED = "allowed"
    DENIED = "denied"
    UNDETERMINED = "undetermined"


def _messages_schema(schema: dict[str, Any]) -> None:
    """``messages`` in the JSON Schema as it has always been: an optional object of texts
    (it is read by a validator and written as a computed field)."""
    schema["properties"]["messages"] = {
        "additionalProperties": {"type": "string"},
        "title": "Messages",
        "type": "object",
    }
    schema["required"] = [name for name in schema.get("required", []) if name != "messages"]


class Reason(Frozen):
    """One check made for a decision, with its result, legal basis and messages."""

    check: Check
    passed: bool | None
    """True passed, False failed, None unknown."""
    basis: Citation | None = None
    key: str
    """The message key in the catalogues (``working_day.fail_cuti``)."""
    model_config = ConfigDict(json_schema_extra=_messages_schema)

    _params: Params | None = PrivateAttr(default=None)
    _messages: dict[str, str] | None = PrivateAttr(default=None)

    if TYPE_CHECKING:  # ``messages`` is read by the validator below, as it always was

        def __init__(
            self,
            *,
            check: Check,
            passed: bool | None,
            key: str,
            basis: Citation | None = None,
            messages: dict[str, str] = ...,
        ) -> None: ...

    @model_validator(mode="wrap")
    @classmethod
    def _read_messages(cls, data: Any, handler: Any) -> Any:
        """Accept ``messages`` as the JSON this model writes holds them (a reason read back
        from JSON keeps the messages it was written with)."""
        messages: dict[str, str] = {}
        if isinstance(data, Mapping) and "messages" in data:
            data = dict(data)
            try:
                messages = _messages_adapter().validate_python(data.pop("messages"))
            except ValueError:
                raise PydanticCustomError(
                    "messages_type", "messages must map a language code to a text"
                ) from None
        self = handler(data)
        if isinstance(self, Reason) and self._messages is None and self._params is None:
            self._messages = messages
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def messages(self) -> dict[str, str]:
        """The message in every language, keyed by language code (rendered when first read)."""
        if self._messages is None:
            self._messages = {lang: self._render(lang) for lang in LANGUAGES}
        return self._messages

    def _render(self, lang: Language) -> str:
        params = self._params or ()
        return render(
            self.key,
            lang,
            **{k: (v[lang] if isinstance(v, dict) else v) for k, v in params},
        )

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (``"id"``, default) or English (``"en"``)."""
        lang = require_language(lang)
        if self._messages is not None:
            return self._messages[lang]
        return self._render(lang)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return (self.check, self.passed, self.basis, self.key, self.messages) == (
            other.check,
            other.passed,
            other.basis,
            other.key,
            other.messages,
        )

    def __hash__(self) -> int:
        return hash((self.check, self.passed, self.basis, self.key))

    def __str__(self) -> str:
        mark = {True: "OK", False: "GAGAL", None: "?"}[self.passed]
        basis = f" [{self.basis}]" if self.basis else ""
        return f"{mark} {self.check.named('id')}: {self.message('id')}{basis}"


def _memo_value(value: object) -> object:
    """A hashable stand-in for a message parameter that renders exactly as ``value`` does:
    str and int as they are, a per-language dict as its items, anything else by type and
    ``repr`` (``Decimal("25")`` and ``Decimal("25.0")`` are equal but render apart)."""
    kind = type(value)
    if kind is str or kind is int:
        return value
    if isinstance(value, dict):
        return tuple((lang, str(value[lang])) for lang in LANGUAGES)
    return (kind, repr(value))


_SHARED: dict[tuple[object, ...], Reason] = {}
_SHARED_KEPT = 4096
"""At most this many shared reasons are kept; the table starts afresh when full."""


def reason(
    check: Check, passed: bool | None, key: str, basis: Citation | None = None, **params: Any
) -> Reason:
    """The [`Reason`][flexasn.Reason] of one check, its messages from the catalogues (rendered when
    read). The same arguments give the same shared, frozen object."""
    items = tuple(params.items())
    memo = (check, passed, key, basis, tuple((name, _memo_value(v)) for name, v in items))
    shared = _SHARED.get(memo)
    if shared is None:
        shared = Reason.model_construct(check=check, passed=passed, basis=basis, key=key)
        shared._params = items
        if len(_SHARED) >= _SHARED_KEPT:
            _SHARED.clear()
        _SHARED[memo] = shared
    return shared


def outcome_of(reasons: tuple[Reason, ...]) -> Outcome:
    """Denied if any check failed; undetermined if none failed and one is unknown; else allowed."""
    if any(r.passed is False for r in reasons):
        return Outcome.DENIED
    if any(r.passed is None for r in reasons):
        return Outcome.UNDETERMINED
    return Outcome.ALLOWED


__all__ = [
    "Check",
    "Outcome",
    "Params",
    "Reason",
    "outcome_of",
    "reason",
]
