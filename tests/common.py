"""Shared test helpers (issue 13), as python-holidays keeps in its ``tests/common.py``.

One way to write a test's file, to load a policy text that must fail, to assert a
decision's outcome and the check that cites a given instrument, and to assert that an
error speaks plain words in both languages and never repeats a NIP. The helpers assert
only what their names say; each test still states the values it expects (worked out by
hand from the law), so a helper never hides what a test pins.

Fixtures stay in ``conftest.py`` (``write_file`` writes through `write_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import pytest

import flexasn as fx
from flexasn.messages import Language

LANGUAGES: tuple[Language, ...] = ("id", "en")
"""The languages every message is given in, Indonesian first."""

JARGON = ("Value error", "Extra inputs", "Input should", "Field required", "more error")
"""pydantic's words, which a user must never read in an error (issue 14)."""


OPD_KINDS_BY_HAND: tuple[str, ...] = (
    "setda",
    "setwan",
    "inspektorat",
    "bappeda",
    "bkad",
    "bapenda",
    "bkpsdm",
    "bpbd",
    "bakesbangpol",
    "satpol-pp",
    "damkar",
    "dinkes",
    "rsud",
    "puskesmas",
    "dinsos",
    "dishub",
    "dispendukcapil",
    "diskominfo",
    "disdik",
    "sekolah",
    "disnaker",
    "dpmptsp",
    "disnaker-pmptsp",
    "dpupr",
    "dlh",
    "kecamatan",
    "kelurahan",
    "lainnya",
)
"""DESIGN.md's canonical OPD kinds, the 28 ``[[kind]]`` ids of ``data/opd-kinds.toml``, copied by
hand in their order: what the vocabulary must hold."""

WriteFile = Callable[[str, str], Path]
"""The ``write_file`` fixture: ``write_file(name, text)`` writes a UTF-8 file into the
test's ``tmp_path`` and returns its path."""


class Cited(Protocol):
    """Anything with a basis: a ``Reason``, a ``Quota``, a ``FlexibleWorkDay`` ..."""

    @property
    def basis(self) -> fx.Citation | None: ...


# --- files ------------------------------------------------------------------------------


def write_text(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder / name`` (UTF-8) and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_roster(folder: Path, opds: str, staff: str) -> tuple[Path, Path]:
    """Write a roster's two files, ``opd.csv`` and ``pegawai.csv``; return their paths."""
    return write_text(folder, "opd.csv", opds), write_text(folder, "pegawai.csv", staff)


def policy_error(write_file: WriteFile, text: str, name: str = "policy.toml") -> fx.PolicyDataError:
    """Write the policy ``text`` as ``name``, load it, and return the
    ``PolicyDataError`` it must raise, whose message is in plain words in both languages."""
    path = write_file(name, text)
    with pytest.raises(fx.PolicyDataError) as info:
        fx.load_policy(path)
    assert_plain_words(info.value)
    return info.value


# --- errors -----------------------------------------------------------------------------


def messages(error: fx.FlexasnError) -> dict[Language, str]:
    """The error's message in every language."""
    return {lang: error.message(lang) for lang in LANGUAGES}


def assert_plain_words(error: fx.FlexasnError) -> None:
    """No pydantic jargon in the error's message, in either language."""
    for lang, text in messages(error).items():
        assert not any(j in text for j in JARGON), f"{lang}: {text}"


def assert_no_nip(error: fx.FlexasnError, nips: Iterable[str]) -> None:
    """None of ``nips`` in the error's message, in either language, nor in ``str()``."""
    texts = [str(error), *messages(error).values()]
    for nip in nips:
        assert not any(nip in text for text in texts), f"the error repeats a NIP: {texts}"


# --- decisions --------------------------------------------------------------------------


def assert_cites(item: Cited, instrument: str) -> fx.Citation:
    """``item`` has a basis, and it is the instrument ``instrument``; the basis returned."""
    assert item.basis is not None, f"no basis, expected {instrument!r}"
    assert item.basis.instrument == instrument
    return item.basis


def assert_decision(
    decision: fx.Decision,
    outcome: fx.Outcome,
    *,
    failed: tuple[fx.Check, ...] | None = None,
    unknown: tuple[fx.Check, ...] | None = None,
) -> None:
    """The decision's outcome, and (where given) exactly the checks that failed and those
    unknown; the explanation in English is shown when it is not so."""
    assert decision.outcome is outcome, decision.explain("en")
    if failed is not None:
        assert decision.failed == failed, decision.explain("en")
    if unknown is not None:
        assert decision.unknown == unknown, decision.explain("en")


def assert_reason(
    decision: fx.Decision,
    check: fx.Check,
    *,
    passed: bool | None,
    key: str | None = None,
    cites: str | None = None,
) -> fx.Reason:
    """The decision's reason for ``check``: whether it passed (None: unknown), and where
    given its message key and the instrument its basis cites; the reason returned."""
    reason = decision.reason(check)
    assert reason.passed is passed, decision.explain("en")
    if key is not None:
        assert reason.key == key
    if cites is not None:
        assert_cites(reason, cites)
    return reason
