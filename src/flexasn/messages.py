"""Message catalogues (Indonesian, the default, and English) for decisions and findings.

Messages live in ``flexasn/locale/<lang>.toml`` as ``[check] variant = "text {param}"``;
code refers to them by key (``"working_day.fail_cuti"``) and never holds the text. The
command line's own words are there too, in the ``cli*`` tables.

A language flexasn has no catalogue for is one error everywhere: `require_language`
raises [`UnknownLanguageError`][flexasn.UnknownLanguageError] (a ``FlexasnError``, also a
``ValueError`` and a ``KeyError``, as the checks it replaces raised).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Literal, get_args

Language = Literal["id", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)


def require_language(lang: object) -> Language:
    """``lang`` if flexasn speaks it (``"id"``, ``"en"``); else
    [`UnknownLanguageError`][flexasn.UnknownLanguageError] naming the languages it knows."""
    if lang not in LANGUAGES:
        from .errors import UnknownLanguageError  # errors imports this module

        raise UnknownLanguageError(lang)
    return lang


@functools.cache
def _catalogue(lang: Language) -> dict[str, str]:
    text = resources.files("flexasn.locale").joinpath(f"{lang}.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    return {
        f"{section}.{variant}": message
        for section, variants in raw.items()
        for variant, message in variants.items()
    }


def catalogue(lang: str) -> dict[str, str]:
    """The flattened catalogue of one language: ``{"check.variant": text}``; an unknown
    language is [`UnknownLanguageError`][flexasn.UnknownLanguageError]."""
    return _catalogue(require_language(lang))


def render(key: str, lang: Language = "id", **params: object) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled.

    A missing key or placeholder is a KeyError: a bug, caught by the catalogue tests.
    """
    return catalogue(lang)[key].format(**params)


def thousands(n: int, lang: Language = "id") -> str:
    """``n`` with its thousands separated as ``lang`` writes them (``1.830`` in Indonesian,
    ``1,830`` in English)."""
    return f"{n:,}".replace(",", render("cli.thousands", lang))


def render_all(key: str, **params: object) -> dict[str, str]:
    """The message ``key`` in every language, keyed by language code.

    A parameter given as a ``{lang: text}`` dict (see `words`) is taken per language.
    """
    return {
        lang: render(
            key,
            lang,
            **{k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()},
        )
        for lang in LANGUAGES
    }


class Text:
    """A message of the catalogue, not rendered yet: its ``key`` and the values of its
    placeholders, rendered in a language only when read ([`render`][flexasn.messages.Text.render]).

    Errors take one as their message (``raise InvalidInputError(Text("argument.not_one_of",
    argument="mode", choices="wfh, wfa"))``), so that ``message("id")`` is Indonesian and
    ``message("en")`` English throughout. A parameter is rendered in the same language when
    it is a `Text` itself, read per language when it is a ``{"id": ..., "en": ...}`` dict,
    and joined with ``", "`` item by item when it is a list or a tuple.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str = "id") -> str:
        """The message in ``lang`` (``"id"``, the default, or ``"en"``); another language is
        [`UnknownLanguageError`][flexasn.UnknownLanguageError]."""
        language = require_language(lang)
        return render(
            self.key, language, **{k: text_in(v, language) for k, v in self.params.items()}
        )

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Text({self.key!r})"  # the parameters may hold a file's contents: not shown

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def text_in(value: object, lang: Language) -> object:
    """``value`` as a placeholder of a message in ``lang``: a [`Text`][flexasn.messages.Text]
    rendered, a ``{lang: text}`` mapping read, a list or tuple joined item by item with
    ``", "``; anything else as it is (formatted by the message)."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, Mapping) and lang in value:
        return value[lang]
    if isinstance(value, list | tuple):
        return ", ".join(str(text_in(item, lang)) for item in value)
    return value


def words(key: str) -> dict[str, str]:
    """A phrase of the ``[words]`` table in every language, for `render_all`."""
    return {lang: catalogue(lang)[f"words.{key}"] for lang in LANGUAGES}


__all__ = [
    "LANGUAGES",
    "Language",
    "Text",
    "catalogue",
    "render",
    "render_all",
    "require_language",
    "text_in",
    "thousands",
    "words",
]
