"""The command's own words: labels, table headings and notes, read from the message
catalogues (``flexasn/locale/<lang>.toml``, the tables whose names begin with ``cli``).

Nothing here holds text: the catalogues do, Indonesian first, and a test checks that
every key is in both languages with the same placeholders.

The help (``flexasn --help``, table ``[cli_help]``) is printed before ``--lang`` is read,
so it is bilingual: `both` gives ``id / en`` and `about` a command's description, each
language's sentences wrapped to `WIDTH`, then the examples as written.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import flexasn as fx
from flexasn.messages import LANGUAGES, Language, catalogue, render

from .output import WIDTH

MARKS: dict[bool | None, str] = {True: "✓", False: "✗", None: "?"}
"""The mark of a check that passed, failed or is unknown."""


def say(lang: Language, key: str, **params: object) -> str:
    """The command's message ``key`` (table ``[cli]``) in ``lang``, placeholders filled."""
    return render(f"cli.{key}", lang, **params)


def headers(lang: Language, key: str) -> list[str]:
    """A table's column headings, written ``a|b|c`` in the catalogue."""
    return say(lang, key).split("|")


def _label(table: str, code: str, lang: Language) -> str:
    """``code``'s label in the catalogue table ``table``, or the code itself."""
    key = f"{table}.{code}"
    return render(key, lang) if key in catalogue(lang) else code


def day_name(lang: Language, weekday: int) -> str:
    """The short name of a weekday (0 = Monday): ``Sen`` / ``Mon``."""
    return render(f"cli_day.{weekday}", lang)


def kind_label(lang: Language, kind: fx.DayKind) -> str:
    """A day kind in words: ``cuti bersama``, ``working day``."""
    return render(f"day_kind.{kind.value}", lang)


def arrangement_label(lang: Language, kind: fx.ArrangementKind) -> str:
    """A kind of arrangement in words: ``bertanggal (surat edaran)``."""
    return render(f"cli_arrangement.{kind.value}", lang)


def outcome_label(lang: Language, outcome: fx.Outcome) -> str:
    """A decision's outcome as the command prints it: ``BOLEH`` / ``ALLOWED``."""
    return render(f"decision.{outcome.value}", lang)  # the words Decision.explain() heads with


def status_label(lang: Language, status: str) -> str:
    """A schedule day's status (``rule``, ``day_off``, ...) in short words."""
    return _label("cli_status", status, lang)


def time_mode_label(lang: Language, mode: str) -> str:
    """A working-time mode (``tetap``, ``dinamis``, ``sif``) in words."""
    return _label("cli_time_mode", mode, lang)


def severity_label(lang: Language, severity: str) -> str:
    """An hours finding's severity (``violation``, ...) in words."""
    return _label("cli_severity", severity, lang)


def bilingual(*keys: str, **params: object) -> str:
    """The catalogue messages ``keys`` in every language, Indonesian first, joined by
    `` / ``; within a language the messages are joined by ``; ``, and ``params`` fill the
    placeholders of every one. The help is printed before ``--lang`` is read."""
    return " / ".join("; ".join(render(k, lang, **params) for k in keys) for lang in LANGUAGES)


def both(key: str, *more: str, **params: object) -> str:
    """The help text ``key`` (table ``[cli_help]``) in every language, Indonesian first:
    ``bahasa (bawaan: id) / language (default: id)``. The texts ``more`` follow ``key`` in
    each language, after ``; ``; ``params`` fill the placeholders of every text."""
    return bilingual(*(f"cli_help.{k}" for k in (key, *more)), **params)


def about(key: str, examples: Sequence[str] = ()) -> str:
    """A description for ``--help``: the help text ``key`` in each language, Indonesian
    first, each wrapped to `WIDTH`, then ``Contoh / examples:`` and ``examples`` as
    written (indented, never rewrapped: a user pastes them)."""
    prose = [textwrap.fill(render(f"cli_help.{key}", lang), WIDTH) for lang in LANGUAGES]
    if not examples:
        return "\n".join(prose)
    title = both("examples" if len(examples) > 1 else "example")
    lines = [f"  {line}" for line in examples]
    return "\n".join([*prose, "", f"{title}:", *lines])


def command_help(name: str, examples: Sequence[str]) -> tuple[str, str]:
    """A command's ``HELP``: its line in ``flexasn --help`` (help text ``name``) and its
    description (help text ``about_{name}`` with ``examples``), both bilingual."""
    return both(name), about(f"about_{name}", examples)
