"""``import flexasn`` loads what a decision needs; every other public name on first use.

Timings are never asserted (benchmarks/bench_decide.py measures them): these tests pin
what is imported, and that every contract name still is ``flexasn``'s own.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import flexasn as fx

HEAVY = (
    "flexasn.hours",
    "flexasn.attendance",
    "flexasn.roster",
    "flexasn.plan",
    "flexasn.check",
    "flexasn.schedule",
    "flexasn.simulate",
    "flexasn.doctor",
    "flexasn.register",
    "flexasn.pictures",
    "pandas",
    "numpy",
    "matplotlib",
)


def fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it prints."""
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120
    )
    return out.stdout.strip()


def test_import_flexasn_leaves_the_heavy_modules_unloaded() -> None:
    loaded = fresh(
        f"import sys, flexasn; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert loaded == ""


def test_a_decision_needs_no_heavy_module() -> None:
    code = (
        "import sys; from datetime import date; import flexasn as fx; "
        "o = fx.Opd(code='B', name='B', instansi='kab-malang', kind='bkad', "
        "service=fx.ServiceCategory.NON_DIRECT, headcount=10); "
        "e = fx.Employee(nip='198503122010011001', opd='B'); "
        "print(fx.eligible_for_wfa(e, o, date(2025, 3, 24)).outcome.value, "
        "fx.max_remote(o, date(2025, 3, 24)), "
        "[m for m in ('flexasn.simulate', 'flexasn.hours', 'pandas') if m in sys.modules], "
        "sep='|')"
    )
    assert fresh(code) == "allowed|2|[]"  # kab-malang, 24 March 2025


@pytest.mark.parametrize("name", fx.__all__)
def test_every_public_name_is_importable_and_listed(name: str) -> None:
    assert name in dir(fx)
    value = getattr(fx, name)
    scope: dict[str, object] = {}
    exec(f"from flexasn import {name} as imported", {}, scope)
    assert scope["imported"] is value


def test_a_function_named_as_its_module_stays_the_function() -> None:
    """``simulate`` and ``doctor`` are functions of modules of the same name: importing
    the module first (as ``from flexasn.simulate import Profile`` does) keeps them so."""
    out = fresh(
        "import flexasn.simulate, flexasn.doctor; import flexasn as fx; "
        "from flexasn.simulate import Profile; "
        "print(callable(fx.simulate) and not isinstance(fx.simulate, type(fx)), "
        "callable(fx.doctor) and not isinstance(fx.doctor, type(fx)), Profile.__name__)"
    )
    assert out == "True True Profile"
    assert callable(fx.simulate) and fx.simulate.__module__ == "flexasn.simulate"
    assert callable(fx.doctor) and fx.doctor.__module__ == "flexasn.doctor"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        fx.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        exec("from flexasn import no_such_name", {})


def test_version_is_read_on_first_use() -> None:
    assert fresh("import flexasn; print(flexasn.__version__ == flexasn.__version__)") == "True"
    assert isinstance(fx.__version__, str) and fx.__version__
