"""pydantic's errors in plain words: the one place where a pydantic error type
(``extra_forbidden``, ``int_parsing``, ...) is mapped to a key of the catalogue's
``[policy_error]`` table, so that no pydantic jargon ("Extra inputs are not permitted",
"Input should be ...") reaches a reader. The data files' errors
([`data_error`][flexasn._loader.data_error]), the models' errors
([`ModelValidationError.message`][flexasn.errors.ModelValidationError.message]) and the command
line all speak through [`plain_words`][flexasn.errors.plain.plain_words]."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..messages import LANGUAGES, Text, render, text_in
from .base import FlexasnError


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``tuple[Model, ...]``, ``Model | None``, ``Annotated[...]``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (tuple, list, Union, UnionType):
            inner = [a for a in get_args(annotation) if a is not Ellipsis and a is not NoneType]
            models = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models:
                return None
            annotation = models[0]
        else:
            return annotation


def known_fields(model: type[BaseModel] | None, loc: Sequence[str | int]) -> tuple[str, ...]:
    """The field names a table at ``loc`` (a pydantic location below ``model``) takes."""
    for part in loc:
        if model is None:
            return ()
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        found = _unwrap(info.annotation) if info is not None else None
        model = found if isinstance(found, type) and issubclass(found, BaseModel) else None
    return tuple(model.model_fields) if model is not None else ()


_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "id_pattern",
    r"^https?://\S+$": "url_pattern",
    r"^\d{4}-\d{2}(-\d{2})?$": "month_pattern",
}
"""The patterns of flexasn's models, said in words."""
_SIMPLE = {
    "missing": "missing",
    "too_short": "too_short",
    "too_long": "too_long",
    "decimal_parsing": "number",
    "decimal_type": "number",
    "float_parsing": "number",
    "float_type": "number",
    "finite_number": "number",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_from_float": "integer",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "string_type": "text",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "datetime_type": "datetime",
    "datetime_parsing": "datetime",
    "datetime_from_date_parsing": "datetime",
    "time_type": "time",
    "time_parsing": "time",
    "tuple_type": "list",
    "list_type": "list",
    "set_type": "list",
    "frozen_set_type": "list",
    "iterable_type": "list",
    "model_type": "table",
    "dict_type": "table",
    "model_attributes_type": "table",
    "frozen_instance": "frozen",
    "frozen_field": "frozen",
    "none_required": "none",
    "json_invalid": "json",
    "json_type": "json",
    "url_parsing": "url_pattern",
    "url_scheme": "url_pattern",
    "url_type": "url_pattern",
    "is_instance_of": "kind",
    "is_subclass_of": "kind",
    "decimal_max_digits": "number",
    "decimal_max_places": "decimal_places",
    "decimal_whole_digits": "number",
    "multiple_of": "multiple_of",
    "timezone_aware": "timezone_aware",
    "timezone_naive": "timezone_naive",
}
_DATES = frozenset(
    {
        "date_parsing",
        "date_from_datetime_parsing",
        "datetime_parsing",
        "datetime_from_date_parsing",
    }
)
"""The types of a date (or date and time) that is not read; pydantic's ``ctx["error"]`` says
"day value is outside expected range" (or month) for one written right that does not
exist (``2025-02-30``): ``policy_error.no_such_date``."""
_BOUNDS = {
    "less_than_equal": ("le", "at_most"),
    "greater_than_equal": ("ge", "at_least"),
    "less_than": ("lt", "less_than"),
    "greater_than": ("gt", "more_than"),
}


def plain_text(
    error: Mapping[str, Any], model: type[BaseModel] | None = None
) -> Text | Mapping[str, str] | str:
    """What one pydantic error says, as a [`Text`][flexasn.messages.Text] of the catalogue (no
    pydantic jargon): an unknown field name gets the closest valid name of its table
    (``model`` given); a flexasn validator's own error is its own Text (or its words per
    language); a plain
    ``ValueError`` of other code keeps its words (a ``str``)."""
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind in _DATES and "outside expected range" in str(ctx.get("error", "")):
        return Text("policy_error.no_such_date")  # 2025-02-30: the form is right, the day is not
    if kind in _SIMPLE:
        limits = {k: ctx[k] for k in ("min_length", "max_length", "multiple_of") if k in ctx}
        return Text(f"policy_error.{_SIMPLE[kind]}", **limits)
    if kind == "extra_forbidden":
        return _extra(str(loc[-1]) if loc else "?", known_fields(model, loc[:-1]))
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        many = " or " in expected
        joined = {
            lang: expected.replace(" or ", render("policy_error.or", lang)) for lang in LANGUAGES
        }
        return Text("policy_error.one_of" if many else "policy_error.be", expected=joined)
    if kind == "string_pattern_mismatch":
        known_pattern = _PATTERNS.get(str(ctx.get("pattern")))
        if known_pattern is not None:
            return Text(f"policy_error.{known_pattern}")
        return Text("policy_error.pattern", pattern=ctx.get("pattern"))
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return Text("policy_error.empty")
        return Text("policy_error.too_short_text", min_length=ctx.get("min_length"))
    if kind == "string_too_long":
        return Text("policy_error.too_long_text", max_length=ctx.get("max_length"))
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return Text(f"policy_error.{words}", limit=ctx.get(key))
    return _own_words(kind, ctx)


def _extra(name: str, known: tuple[str, ...]) -> Text:
    """An unknown field ``name``, with the closest of the ``known`` names."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return Text("policy_error.extra_like", name=name, suggestion=close[0])
    if known:
        return Text("policy_error.extra_known", name=name, known=", ".join(known))
    return Text("policy_error.extra", name=name)


def _own_words(kind: str, ctx: Mapping[str, Any]) -> Text | Mapping[str, str] | str:
    """A validator's own error: a flexasn error speaks through its Text; a plain
    ``ValueError`` raised by other code keeps its words; any other pydantic type is said
    in general words (never pydantic's)."""
    own = ctx.get("error")
    if kind in ("value_error", "assertion_error") and own is not None:
        if isinstance(own, FlexasnError) and own.text is not None:
            return own.text  # a Text, or the error's words per language
        return str(own)
    return Text("policy_error.invalid")


def plain_words(error: Mapping[str, Any], model: type[BaseModel] | None = None) -> dict[str, str]:
    """What one pydantic error says, in plain words in every language (no pydantic jargon):
    [`plain_text`][flexasn.errors.plain.plain_text] rendered in each language."""
    said = plain_text(error, model)
    return {lang: str(text_in(said, lang)) for lang in LANGUAGES}


__all__ = ["known_fields", "plain_text", "plain_words"]
