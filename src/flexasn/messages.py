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


def words(key: str) -> dict[str, str]:
    """A phrase of the ``[words]`` table in every language, for `render_all`."""
    return {lang: catalogue(lang)[f"words.{key}"] for lang in LANGUAGES}


__all__ = [
    "LANGUAGES",
    "Language",
    "catalogue",
    "render",
    "render_all",
    "require_language",
    "words",
]
