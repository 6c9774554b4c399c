"""The command's errors: [`CliError`][flexasn.cli.errors.CliError] for bad usage it finds itself,
and the one line
printed for any error (never a traceback, never a NIP)."""

from __future__ import annotations

from pydantic import ValidationError

import flexasn as fx
from flexasn.errors import masked_words
from flexasn.messages import Language, render

from .words import say


class CliError(fx.FlexasnError):
    """Bad usage or input found by the command itself: the message ``key`` of the
    catalogue table ``[cli_error]``, in either language.

    A parameter given as ``{"id": ..., "en": ...}`` is taken per language (a number
    written ``1.830`` in Indonesian, ``1,830`` in English).
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Language = "id") -> str:
        params = {k: v[lang] if isinstance(v, dict) else v for k, v in self.params.items()}
        return render(f"cli_error.{self.key}", lang, **params)


def with_policy_hint(exc: fx.UnknownPolicyError, lang: Language = "id") -> str:
    """An unknown policy's message and where to give a policy file (``--policy``), as
    one more sentence: after a question ("did you mean 'kab-malang'?") without a
    second stop."""
    text = exc.message(lang)
    hint = render("cli_error.policy_hint", lang)
    if text.endswith(("?", ".")):
        hint = hint.removeprefix(".")
    return text + hint


def error_line(exc: BaseException, lang: Language = "id") -> str:
    """The one-line message printed for bad input (never a traceback, never a NIP).

    A flexasn error speaks through its own `message`; an
    unknown policy adds where to give a policy file.
    """
    if isinstance(exc, fx.UnknownPolicyError):
        text = with_policy_hint(exc, lang)
    elif isinstance(exc, fx.FlexasnError):
        text = exc.message(lang)
    elif isinstance(exc, ValidationError):
        loc, words = masked_words(exc.errors(include_url=False, include_input=False)[0])
        where, message = ".".join(str(p) for p in loc), words[lang]
        text = f"{where}: {message}" if where else message
    else:
        text = str(exc)
    return f"{say(lang, 'error')}: {' '.join(text.split())}"
