"""The command's own words: labels, table headings and notes, read from the message
catalogues (``flexasn/locale/<lang>.toml``, the tables whose names begin with ``cli``).

Nothing here holds text: the catalogues do, Indonesian first, and a test checks that
every key is in both languages with the same placeholders.
"""

from __future__ import annotations

import flexasn as fx
from flexasn.messages import Language, catalogue, render

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
    return render(f"cli_outcome.{outcome.value}", lang)


def status_label(lang: Language, status: str) -> str:
    """A schedule day's status (``rule``, ``day_off``, ...) in short words."""
    return _label("cli_status", status, lang)


def time_mode_label(lang: Language, mode: str) -> str:
    """A working-time mode (``tetap``, ``dinamis``, ``sif``) in words."""
    return _label("cli_time_mode", mode, lang)


def severity_label(lang: Language, severity: str) -> str:
    """An hours finding's severity (``violation``, ...) in words."""
    return _label("cli_severity", severity, lang)
