"""The national flexible-work windows (`flexasn.windows`): the deprecation warning of
``fx.national_flexible_days`` points at the caller's own line (not only its file, which
`tests/test_deprecated.py` checks).

Under ``make mutate`` mutmut's trampoline adds two frames between the caller and the
function, so the line cannot be seen there: the test is skipped, and the stacklevel mutant
is listed in `tests/mutation-survivors.md`."""

from __future__ import annotations

import inspect
import os

import pytest

import flexasn as fx


@pytest.mark.skipif("MUTANT_UNDER_TEST" in os.environ, reason="mutmut's trampoline frames")
def test_the_deprecation_warning_points_at_the_callers_line() -> None:
    frame = inspect.currentframe()
    assert frame is not None
    with pytest.warns(DeprecationWarning) as w:
        line = frame.f_lineno + 1
        fx.national_flexible_days(2025)
    assert (w[0].filename, w[0].lineno) == (__file__, line)
