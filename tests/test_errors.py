"""The error hierarchy of the contract (issue 2, part 4)."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

import flexasn
import flexasn as fx
from flexasn import errors
from flexasn._model import DateSpan, Frozen

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
        if not isinstance(error, type):  # the argument guards (require_type, ...): functions
            assert callable(error) and error.__doc__, name
            continue
        if name.endswith("Warning"):  # the notices: warnings, not errors
            assert issubclass(error, fx.FlexasnWarning) and issubclass(error, UserWarning), name
        else:
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
    # str() is the plain message, not KeyError's quoted repr of it; the closest ids first
    assert str(error) == (
        "unknown policy 'kota-atlantis'; did you mean 'kota-malang' or 'kab-malang'?"
    )
    assert error.suggestions == ("kota-malang", "kab-malang")
    far = fx.UnknownPolicyError("zzz", ["kota-malang", "kab-malang"])
    assert str(far) == "unknown policy 'zzz'; known policies: kab-malang, kota-malang"
    many = fx.UnknownPolicyError("zzz", [f"kab-{n}" for n in range(30)])
    assert "30 ids are known" in str(many) and "kab-1," not in str(many)


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


def test_attendance_error_names_the_file_row_and_column() -> None:
    error = fx.AttendanceError("bad", file="k.csv", row=3, column="mulai")
    assert str(error) == "k.csv, row 3, column 'mulai': bad"
    assert (error.file, error.row, error.column, error.record) == ("k.csv", 3, "mulai", None)


# --- model errors: every flexasn model raises InvalidInputError ---------------------------


def all_models() -> list[type[Frozen]]:
    """Every flexasn model class: the subclasses of Frozen in every module of the package."""
    for module in pkgutil.iter_modules(flexasn.__path__, "flexasn."):
        importlib.import_module(module.name)
    found: list[type[Frozen]] = []
    todo = [Frozen]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("flexasn.") and sub not in found:
                found.append(sub)
                todo.append(sub)
    return sorted(found, key=lambda m: m.__name__)


MODELS = all_models()


def test_the_model_list_is_complete_enough() -> None:
    names = {m.__name__ for m in MODELS}
    assert {"Opd", "Employee", "Citation", "DateSpan", "Policy", "Schedule"} <= names
    assert {"AttendanceRecord", "Decision", "Reason", "Roster", "Instrument"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_raises_invalid_input_error_naming_model_and_field(
    model: type[Frozen],
) -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        model(zzz_unknown=1)
    error = info.value
    assert isinstance(error, fx.FlexasnError) and isinstance(error, ValueError)
    assert isinstance(error, fx.ModelValidationError) and isinstance(error, ValidationError)
    assert error.model == model.__name__
    assert str(error).startswith(f"invalid {model.__name__}: ")
    assert "field 'zzz_unknown': Extra inputs are not permitted" in str(error)
    assert "zzz_unknown" in error.fields
    with pytest.raises(fx.ModelValidationError, match=f"invalid {model.__name__}: "):
        model.model_validate({"zzz_unknown": 1})
    with pytest.raises(fx.ModelValidationError, match=f"invalid {model.__name__}: "):
        model.model_validate_json('{"zzz_unknown": 1}')


def test_model_error_classes() -> None:
    assert issubclass(fx.ModelValidationError, fx.InvalidInputError)
    assert issubclass(fx.ModelValidationError, ValidationError)
    assert issubclass(fx.ModelNipError, fx.InvalidNipError)
    assert issubclass(fx.ModelNipError, fx.ModelValidationError)
    assert not issubclass(fx.InvalidNipError, fx.InvalidInputError)  # parse_nip's own error


def test_a_whole_model_check_is_named_by_its_model() -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        DateSpan(first_day=date(2025, 3, 5), last_day=date(2025, 3, 2))
    assert str(info.value) == "invalid DateSpan: last_day 2025-03-02 is before first_day 2025-03-05"
    assert info.value.fields == ("",)
    # issue 13: the Indonesian message is Indonesian throughout (it was "... is before ...")
    assert info.value.message("id") == (
        "DateSpan tidak sah: last_day 2025-03-02 sebelum first_day 2025-03-05"
    )
    assert info.value.message("en") == str(info.value)


def test_a_nip_used_as_a_key_is_masked_and_no_input_is_kept() -> None:
    number = "198503122010011001"  # made up
    data = {
        "opd": "BKAD",
        "first_day": "2025-03-24",
        "last_day": "2025-03-24",
        "employees": [number],
        "days": [{"day": "2025-03-24", "remote": {number: "kantor"}}],
    }
    with pytest.raises(fx.ModelValidationError) as info:
        fx.Schedule.model_validate(data)
    error = info.value
    masked = fx.masked_id(number)  # …1001#<keyed hash>
    assert str(error) == (
        f"invalid Schedule: field 'days[0].remote.{masked}': Input should be 'wfo', 'wfh' or 'wfa'"
    )
    assert error.errors()[0]["loc"] == ("days", 0, "remote", masked)
    for text in (str(error), repr(error), error.json(), str(error.errors(include_input=True))):
        assert number not in text and "kantor" not in text
    assert "input" not in error.errors(include_input=True)[0]


def test_a_model_error_survives_pickling() -> None:
    with pytest.raises(fx.ModelNipError) as info:
        fx.Employee(nip="123", opd="BKAD")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is fx.ModelNipError
    assert (
        str(copy)
        == str(info.value)
        == ("invalid Employee: field 'nip': a NIP must be exactly 18 digits (got 3 characters)")
    )


def test_loaders_still_turn_model_errors_into_their_own_errors(tmp_path: Path) -> None:
    """roster.py, policy.py and the other readers catch pydantic's ValidationError: the
    model error is one, so they still name the file, row, column or line."""
    opds = tmp_path / "opd.csv"
    opds.write_text(
        "kode,nama,instansi,jenis,layanan,jumlah_pegawai\nBKAD,Badan,kab-malang,bkad,esensial,1\n"
        "DINKES,,kab-malang,dinkes,esensial,1\n",
        encoding="utf-8",
    )
    staff = tmp_path / "pegawai.csv"
    staff.write_text("nip,opd\n198503122010011001,BKAD\n", encoding="utf-8")
    with pytest.raises(fx.RosterError) as roster:
        fx.read_roster(opds, staff)
    # what is wrong in the catalogue's plain words (policy_error.empty), not pydantic's
    assert str(roster.value) == f"{opds}, row 3, column 'nama': must not be empty"
    policy = tmp_path / "p.toml"
    policy.write_text('id = "x"\nname = "X"\nlevel = "planet"\n', encoding="utf-8")
    with pytest.raises(fx.PolicyDataError) as data:
        fx.load_policy(policy)
    assert str(data.value) == (
        f"{policy}:3, field level: must be one of 'pusat', 'provinsi', 'kabupaten' or 'kota'"
    )


def test_only_nip_like_locations_and_employee_keys_are_masked() -> None:
    number = "198503122010011001"  # made up
    assert errors.model._mask(number) == fx.masked_id(number)
    assert str(errors.model._mask(f"NIP {number}")).startswith("…1001#")
    assert errors.model._mask("2025-03-24") == "2025-03-24"  # a date key stays readable
    assert errors.model._mask("remote") == "remote"
    assert errors.model._mask(3) == 3
    # the key of a mapping keyed by employee may be a name: masked, no letter of it shown
    loc = errors.mask_location(("history", "Sri Wahyuningsih", 0))
    assert loc == ("history", fx.masked_id("Sri Wahyuningsih"), 0)
    assert str(loc[1]).startswith("…#")
    masked = fx.masked_id(number)
    assert errors.mask_location(("remote", masked)) == ("remote", masked)  # not masked twice
    assert errors.mask_location(("days", 0, "remote", "2025-03-24")) == (
        "days",
        0,
        "remote",
        fx.masked_id("2025-03-24"),
    )


def test_unchained_drops_the_chain_of_a_flexasn_error_only() -> None:
    @errors.unchained
    def translate(error: Exception) -> None:
        try:
            raise error
        except KeyError:
            raise fx.InvalidInputError("translated") from None

    with pytest.raises(fx.InvalidInputError) as info:
        translate(KeyError("198503122010011001"))
    assert info.value.__context__ is None and info.value.__cause__ is None
    with pytest.raises(ValueError) as other:  # not flexasn's: left as it is
        translate(ValueError("x"))
    assert type(other.value) is ValueError


def test_located_errors_name_the_place_in_each_language() -> None:
    roster = fx.RosterError("unknown value", file="opd.csv", row=3, column="layanan")
    assert str(roster) == roster.message("en") == "opd.csv, row 3, column 'layanan': unknown value"
    assert roster.message("id") == "opd.csv, baris 3, kolom 'layanan': unknown value"
    data = fx.PolicyDataError("missing", file="p.toml", line=4, field="arrangement[0].kind")
    assert str(data) == "p.toml:4, field arrangement[0].kind: missing"
    assert data.message("id") == "p.toml:4, isian arrangement[0].kind: missing"
    record = fx.AttendanceError({"id": "terbalik", "en": "reversed"}, record=2, field="end")
    assert str(record) == "record 2, field 'end': reversed"
    assert record.message("id") == "catatan 2, isian 'end': terbalik"
    assert fx.FlexasnError("plain").message("id") == "plain"
