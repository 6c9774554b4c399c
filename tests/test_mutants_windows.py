"""The national flexible-work windows (`flexasn.windows`), pinned where `make mutate` found
a change no test noticed (issue 12): the deprecation warning of
``fx.national_flexible_days`` points at the caller's own line."""

from __future__ import annotations

import inspect
import os

import pytest

import flexasn as fx
import flexasn.windows


def test_the_deprecation_warning_points_at_the_callers_line() -> None:
    frame = inspect.currentframe()
    assert frame is not None
    with pytest.warns(DeprecationWarning) as w:
        line = frame.f_lineno + 1
        fx.national_flexible_days(2025)
    if "MUTANT_UNDER_TEST" in os.environ and hasattr(
        flexasn.windows, "x_national_flexible_days__mutmut_orig"
    ):
        # `make mutate`: mutmut's trampoline stands between the caller and the function,
        # one frame more, so the warning names the trampoline, not a frame further up.
        assert w[0].filename.endswith("trampoline.py")
    else:
        assert (w[0].filename, w[0].lineno) == (__file__, line)
