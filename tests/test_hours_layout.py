"""The ``flexasn.hours`` package (issue 13): one module per topic, small modules and
functions, every name ``flexasn.hours`` offered before still importable from it, and every
word of it from the message catalogue."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
import flexasn.hours
from flexasn.hours import HoursError, check_hours, required_hours

PACKAGE = Path(flexasn.hours.__file__).parent

# Every public name the single module flexasn/hours.py defined or re-exported for its
# domain (before it became a package): `from flexasn.hours import X` keeps working.
FORMER_NAMES = [
    "AttendanceError",
    "AttendanceRecord",
    "DAILY_NORM",
    "DayHours",
    "DayNorm",
    "FindingCode",
    "HoursError",
    "HoursFinding",
    "HoursReport",
    "HoursTypeError",
    "MAX_RECORD",
    "NATIONAL_POLICY",
    "OpdArg",
    "PolicyArg",
    "RAMADAN_DAILY_NORM",
    "RAMADAN_START",
    "START",
    "STANDARD_PATTERN",
    "ScheduleCoverageError",
    "Severity",
    "Shift",
    "ShiftPattern",
    "TimeMode",
    "WeekHours",
    "check_hours",
    "daily_norm",
    "day_norm",
    "day_norms",
    "required_hours",
]


@pytest.mark.parametrize("name", FORMER_NAMES)
def test_every_former_name_is_importable_from_flexasn_hours(name: str) -> None:
    assert hasattr(flexasn.hours, name)
    assert name in flexasn.hours.__all__


def test_the_public_api_is_the_same_objects() -> None:
    for name in ("daily_norm", "required_hours", "check_hours", "DayNorm", "HoursReport"):
        assert getattr(fx, name) is getattr(flexasn.hours, name)


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_modules_and_functions_are_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            assert node.end_lineno - node.lineno + 1 <= 80, node.name


def test_no_bilingual_text_in_the_hours_code() -> None:
    """No inline Indonesian: the words come from flexasn/locale (``[hours]`` tables)."""
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {  # docstrings, and the strings documenting an attribute, are for developers
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docs:
                    continue
                for word in ("jam", "tidak", "catatan", "pekan", "mulai", " / "):
                    assert word not in node.value, (path.name, node.value)


def test_hours_errors_speak_both_languages() -> None:
    with pytest.raises(HoursError) as info:
        required_hours(date(2025, 3, 7), date(2025, 3, 3))
    assert str(info.value) == "end 2025-03-03 is before start 2025-03-07"
    assert info.value.message("id") == "end 2025-03-03 sebelum start 2025-03-07"
    with pytest.raises(HoursError) as info:
        check_hours([])
    assert info.value.message("en") == "no records and no span: pass start and end"
    assert info.value.message("id").startswith("tidak ada catatan dan tidak ada rentang")
    with pytest.raises(fx.UnknownLanguageError):
        info.value.message("fr")  # type: ignore[arg-type]
