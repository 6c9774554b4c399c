"""Shared fixtures. Keep this file small: helpers used by one test module live in it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from common import WriteFile, write_text


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write ``text`` to ``tmp_path / name`` (UTF-8) and return the path."""
    return lambda name, text: write_text(tmp_path, name, text)


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches_under_a_mutant() -> None:
    """``make mutate``: mutmut runs each mutant's tests in a process forked from one whose
    caches the unmutated code filled. Empty them, so that a mutant inside a cached function
    (the loaders of the bundled data) runs instead of being answered from the cache."""
    if os.environ.get("MUTANT_UNDER_TEST", "") in ("", "stats", "fail", "mutant_generation"):
        return
    for name, module in list(sys.modules.items()):
        if name == "flexasn" or name.startswith("flexasn."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@pytest.fixture(autouse=True)
def _no_answer_from_an_earlier_test() -> None:
    """Under ``make mutate`` (``MUTANT_UNDER_TEST`` set, the stats run included): empty
    `flexasn.rules`' per-day contexts before each test, so that every test that asks
    for a decision runs the day's rules itself. Otherwise a test answered from a context an
    earlier test filled never calls them: mutmut would not know the test reaches those
    rules, and a mutant in them would survive untested."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    rules = sys.modules.get("flexasn.rules")
    contexts = getattr(rules, "_CONTEXTS", None)
    if isinstance(contexts, dict):
        contexts.clear()
