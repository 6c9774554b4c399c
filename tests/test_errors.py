"""The error hierarchy of the contract (issue 2, part 4)."""

from __future__ import annotations

from datetime import date

import pytest

import flexasn as fx
from flexasn import errors

CONTRACT_ERRORS: list[type[Exception]] = [
    fx.InvalidNipError,
    fx.UnknownPolicyError,
    fx.PolicyDataError,
    fx.PolicyConflictError,
    fx.CoverageError,
    fx.QuotaUndefinedError,
    fx.RosterError,
]


@pytest.mark.parametrize("error", CONTRACT_ERRORS, ids=lambda e: e.__name__)
def test_every_contract_error_is_a_flexasn_error(error: type[Exception]) -> None:
    assert issubclass(error, fx.FlexasnError)
    assert issubclass(fx.FlexasnError, Exception)


def test_every_error_in_errors_py_is_exported_and_a_flexasn_error() -> None:
    for name in errors.__all__:
        error = getattr(errors, name)
        assert issubclass(error, fx.FlexasnError), name
        assert getattr(fx, name) is error, name


def test_python_bases_for_except_clauses() -> None:
    assert issubclass(fx.InvalidNipError, ValueError)  # the contract says so
    assert issubclass(fx.InvalidInputError, ValueError)
    assert issubclass(fx.PolicyDataError, ValueError)
    assert issubclass(fx.RosterError, ValueError)
    assert issubclass(fx.UnknownPolicyError, KeyError)
    assert issubclass(fx.UnknownInstrumentError, KeyError)
    assert issubclass(fx.CoverageError, LookupError)
    assert issubclass(fx.ScheduleCoverageError, fx.CoverageError)
    assert issubclass(fx.AttendanceError, fx.HoursError)


def test_unknown_policy_lists_the_known_ids_sorted() -> None:
    error = fx.UnknownPolicyError("kota-atlantis", ["kota-malang", "kab-malang"])
    assert error.policy_id == "kota-atlantis"
    assert error.known == ("kab-malang", "kota-malang")
    # str() is the plain message, not KeyError's quoted repr of it
    assert str(error) == "unknown policy 'kota-atlantis'; known policies: kab-malang, kota-malang"


def test_unknown_instrument_message() -> None:
    error = fx.UnknownInstrumentError("x", ["b", "a"])
    assert str(error) == "unknown instrument 'x'; known instruments: a, b"


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"file": "p.toml", "field": "level", "line": 4}, "p.toml:4, field level: bad"),
        ({"file": "p.toml", "field": "level"}, "p.toml, field level: bad"),
        ({"file": "p.toml", "line": 4}, "p.toml:4: bad"),
        ({"field": "level"}, "field level: bad"),
        ({}, "bad"),
    ],
)
def test_policy_data_error_names_file_line_and_field(
    kwargs: dict[str, str | int], text: str
) -> None:
    error = fx.PolicyDataError("bad", **kwargs)  # type: ignore[arg-type]
    assert str(error) == text
    assert (error.file, error.field, error.line) == (
        kwargs.get("file"),
        kwargs.get("field"),
        kwargs.get("line"),
    )


def test_policy_conflict_names_both_rules() -> None:
    error = fx.PolicyConflictError("two rules disagree", rules=("a 10%", "b 20%"))
    assert error.rules == ("a 10%", "b 20%")
    assert str(error) == "two rules disagree"


def test_coverage_error_names_the_date_and_the_horizon() -> None:
    error = fx.CoverageError(date(2028, 3, 1), (2025, 2026, 2027))
    assert (error.day, error.covered) == (date(2028, 3, 1), (2025, 2026, 2027))
    message = str(error)
    assert "2028-03-01" in message and "2025-2027" in message and "strict=False" in message
    assert "none" in str(fx.CoverageError(date(2025, 1, 1), ()))
    assert "Ramadan calendar" in str(
        fx.CoverageError(date(2028, 1, 1), (2025,), "Ramadan calendar")
    )


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"file": "r.csv", "row": 3, "column": "nip"}, "r.csv, row 3, column 'nip': bad"),
        ({"row": 0}, "row 0: bad"),
        ({}, "bad"),
    ],
)
def test_roster_error_names_row_and_column(kwargs: dict[str, str | int], text: str) -> None:
    error = fx.RosterError("bad", **kwargs)  # type: ignore[arg-type]
    assert str(error) == text


def test_attendance_error_names_the_record() -> None:
    assert (
        str(fx.AttendanceError("late", record=2, field="start")) == "record 2, field 'start': late"
    )


def test_errors_carry_no_personal_data_in_practice() -> None:
    """A real failure: parse a bad NIP and a bad employee; neither message has the number."""
    number = "198513122010011001"  # made up; month 13
    with pytest.raises(fx.InvalidNipError) as info:
        fx.parse_nip(number)
    assert number not in str(info.value)
    assert number not in repr(info.value)
