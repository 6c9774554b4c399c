"""People and offices (issue 2, part 3): NIP parsing, Opd and Employee as the contract
builds them. Every NIP here is made up, built from its parts by ``nip()``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

import flexasn as fx
from common import OPD_KINDS_BY_HAND

TODAY = date(2025, 6, 15)


def nip(birth: str = "19850312", tmt: str = "201001", sex: str = "1", seq: str = "001") -> str:
    """A made-up NIP: birth date YYYYMMDD, TMT CPNS YYYYMM, sex digit, 3-digit sequence."""
    return birth + tmt + sex + seq


GOOD = nip()  # 198503122010011001, the contract's example


# --- parse_nip: good ---------------------------------------------------------------------


def test_parse_the_contract_example() -> None:
    assert GOOD == "198503122010011001"
    info = fx.parse_nip(GOOD)
    assert info == fx.NipInfo(
        birth_date=date(1985, 3, 12), tmt=date(2010, 1, 1), sex=fx.Sex.MALE, sequence=1
    )


@pytest.mark.parametrize(
    ("number", "birth", "tmt", "sex", "sequence"),
    [
        (nip(sex="2", seq="123"), date(1985, 3, 12), date(2010, 1, 1), fx.Sex.FEMALE, 123),
        (nip(birth="19840229", tmt="200503"), date(1984, 2, 29), date(2005, 3, 1), fx.Sex.MALE, 1),
        (
            nip(birth="19991231", tmt="202506", seq="999"),
            date(1999, 12, 31),
            date(2025, 6, 1),
            fx.Sex.MALE,
            999,
        ),
        # TMT in the month of the 18th birthday: the NIP holds only the month (documented).
        (nip(birth="19850312", tmt="200303"), date(1985, 3, 12), date(2003, 3, 1), fx.Sex.MALE, 1),
    ],
)
def test_good_nips(number: str, birth: date, tmt: date, sex: fx.Sex, sequence: int) -> None:
    info = fx.parse_nip(number, today=TODAY)
    assert (info.birth_date, info.tmt, info.sex, info.sequence) == (birth, tmt, sex, sequence)


def test_tmt_this_month_is_not_in_the_future() -> None:
    assert fx.parse_nip(nip(tmt="202506"), today=TODAY).tmt == date(2025, 6, 1)


def test_pppk_numbers_are_checked_for_18_digits_only() -> None:
    # Month 13, sex digit 0: impossible for a PNS, but the NI PPPK layout is not assumed.
    pppk = "202501012025130099"
    with pytest.raises(fx.InvalidNipError):
        fx.parse_nip(pppk)
    assert fx.parse_nip(pppk, status=fx.EmploymentStatus.PPPK) is None
    assert fx.parse_nip(pppk, status=fx.EmploymentStatus.PPPK_PARUH_WAKTU) is None
    for bad in ("20250101202513009", "2025010120251300999", "20250101202513009X"):
        with pytest.raises(fx.InvalidNipError, match="18 digits"):
            fx.parse_nip(bad, status=fx.EmploymentStatus.PPPK)


def test_status_given_as_its_value_still_checks() -> None:
    with pytest.raises(fx.InvalidNipError):
        fx.parse_nip(nip(sex="3"), status="pns")  # type: ignore[call-overload]
    assert fx.parse_nip("202501012025130099", status="pppk") is None  # type: ignore[call-overload]
    with pytest.raises(fx.InvalidInputError, match="unknown employment status"):
        fx.parse_nip(GOOD, status="honorer")  # type: ignore[call-overload]


# --- parse_nip: bad ------------------------------------------------------------------------

BAD_NIPS: list[tuple[str, str]] = [
    # (number, what the message says)
    (GOOD[:-1], "18 digits"),  # 17 digits
    (GOOD + "1", "18 digits"),  # 19 digits
    ("", "18 digits"),
    (GOOD[:10] + "X" + GOOD[11:], "not all digits"),
    (GOOD[:8] + " " + GOOD[9:], "not all digits"),
    ("-" + GOOD[1:], "not all digits"),
    # Non-ASCII digits: \d and str.isdigit accept them; a NIP does not (fixed).
    ("١٩٨٥٠٣١٢" + GOOD[8:], "not all digits"),  # Arabic-Indic birth date
    ("１９８５" + GOOD[4:], "not all digits"),  # full-width year
    (nip(birth="19850230"), "birth date"),  # 30 February
    (nip(birth="19851312"), "birth date"),  # month 13
    (nip(birth="19850000"), "birth date"),
    (nip(birth="00000312"), "birth date"),  # year 0
    (nip(tmt="201013"), "TMT"),  # month 13
    (nip(tmt="201000"), "TMT"),  # month 0
    (nip(birth="19850312", tmt="200302"), "18th birthday"),  # aged 17 years 11 months
    (nip(birth="19990101", tmt="199901"), "18th birthday"),  # the birth month itself
    (nip(tmt="202507"), "future"),  # the month after TODAY
    (nip(birth="20300101", tmt="204801"), "future"),
    (nip(sex="0"), "sex"),
    (nip(sex="3"), "sex"),
    (nip(sex="9"), "sex"),
]


@pytest.mark.parametrize(("number", "fragment"), BAD_NIPS)
def test_bad_nips(number: str, fragment: str) -> None:
    with pytest.raises(fx.InvalidNipError) as info:
        fx.parse_nip(number, today=TODAY)
    error = info.value
    assert isinstance(error, ValueError) and isinstance(error, fx.FlexasnError)
    message = str(error)
    assert fragment in message
    if number:
        assert number not in message  # never the NIP itself
        assert number[:8] not in message and number[8:14] not in message


def test_a_nip_that_is_not_a_string() -> None:
    with pytest.raises(fx.InvalidNipError, match="not int"):
        fx.parse_nip(198503122010011001)  # type: ignore[call-overload]


def test_the_default_today_is_the_system_date() -> None:
    far = nip(birth="20800101", tmt="209901")
    with pytest.raises(fx.InvalidNipError, match="future"):
        fx.parse_nip(far)
    assert fx.parse_nip(far, today=date(2099, 12, 31)).tmt == date(2099, 1, 1)


def test_mask_nip() -> None:
    assert fx.mask_nip(GOOD) == "…1001"
    assert fx.mask_nip("12") == "…"


# --- Opd -----------------------------------------------------------------------------------


def contract_opd(**changes: object) -> fx.Opd:
    fields: dict[str, object] = {
        "code": "BKAD",
        "name": "Badan Keuangan dan Aset Daerah",
        "instansi": "kota-malang",
        "kind": "bkad",
        "service": fx.ServiceCategory.NON_DIRECT,
        "headcount": 120,
    }
    fields.update(changes)
    return fx.Opd.model_validate(fields)


def test_opd_exactly_as_the_contract_builds_it() -> None:
    opd = fx.Opd(
        code="BKAD",
        name="Badan Keuangan dan Aset Daerah",
        instansi="kota-malang",
        kind="bkad",
        service=fx.ServiceCategory.NON_DIRECT,
        headcount=120,
    )
    assert (opd.code, opd.instansi, opd.kind, opd.headcount) == ("BKAD", "kota-malang", "bkad", 120)
    assert opd.service is fx.ServiceCategory.NON_DIRECT
    assert opd.agency_type is fx.AgencyType.CIVIL
    assert opd == contract_opd()
    assert fx.Opd.model_validate_json(opd.model_dump_json()) == opd
    assert json.loads(opd.model_dump_json())["service"] == "tidak_langsung"


def test_opd_is_frozen_and_hashable() -> None:
    opd = contract_opd()
    with pytest.raises(ValidationError, match="frozen"):
        opd.headcount = 5  # type: ignore[misc]
    assert hash(opd) == hash(contract_opd())


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"headcount": -1}, "greater than or equal to 0"),
        ({"headcount": "banyak"}, "valid integer"),
        ({"headcount": 1.5}, "valid integer"),
        ({"kind": "dinas-rahasia"}, "unknown OPD kind 'dinas-rahasia'"),
        ({"kind": 7}, "string"),
        ({"service": "kadang"}, "esensial"),
        ({"code": ""}, "at least 1 character"),
        ({"colour": "biru"}, "Extra inputs are not permitted"),
        ({"agency_type": "swasta"}, "sipil"),
    ],
)
def test_bad_opds(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        contract_opd(**changes)
    error = info.value
    field = next(iter(changes))
    assert isinstance(error, fx.FlexasnError) and isinstance(error, ValueError)
    assert isinstance(error, ValidationError)  # code written against pydantic still works
    assert fragment in str(error)
    assert error.error_count() == 1
    assert str(error).startswith(f"invalid Opd: field '{field}': ")  # model and field named
    assert isinstance(error, fx.ModelValidationError) and error.fields == (field,)
    assert error.model == "Opd"


def test_a_bad_opd_message_exactly() -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        contract_opd(headcount=-1)
    assert str(info.value) == (
        "invalid Opd: field 'headcount': Input should be greater than or equal to 0"
    )
    # issue 13: no pydantic jargon in a message for people, in either language (str() keeps
    # pydantic's words for code written against pydantic)
    assert info.value.message("id") == "Opd tidak sah: isian 'headcount': paling kecil 0"
    assert info.value.message("en") == "invalid Opd: field 'headcount': must be at least 0"
    assert not isinstance(info.value, fx.InvalidNipError)


def test_every_bad_field_of_an_opd_is_named() -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        contract_opd(headcount=-1, code="", colour="biru")
    assert info.value.fields == ("code", "headcount", "colour")  # in the model's field order
    assert str(info.value) == (
        "invalid Opd: field 'code': String should have at least 1 character; "
        "field 'headcount': Input should be greater than or equal to 0; "
        "field 'colour': Extra inputs are not permitted"
    )
    # The same from model_validate, model_validate_json and model_validate_strings.
    data = {**contract_opd().model_dump(mode="json"), "headcount": -1}
    with pytest.raises(fx.ModelValidationError, match="field 'headcount'"):
        fx.Opd.model_validate(data)
    with pytest.raises(fx.ModelValidationError, match="field 'headcount'"):
        fx.Opd.model_validate_json(json.dumps(data))
    with pytest.raises(fx.ModelValidationError, match="field 'headcount'"):
        fx.Opd.model_validate_strings({k: str(v) for k, v in data.items() if v})


def test_assigning_to_a_frozen_model_is_an_invalid_input_error() -> None:
    opd = contract_opd()
    with pytest.raises(fx.InvalidInputError) as info:
        opd.headcount = 5  # type: ignore[misc]
    assert str(info.value) == "invalid Opd: field 'headcount': Instance is frozen"
    assert opd.headcount == 120


def test_unknown_kind_lists_the_vocabulary() -> None:
    with pytest.raises(ValidationError) as info:
        contract_opd(kind="dinas-rahasia")
    assert "bkad" in str(info.value) and "satpol-pp" in str(info.value)
    with pytest.raises(ValueError, match="unknown OPD kind"):
        fx.canonical_kind("dinas-rahasia")


# DESIGN.md: the canonical vocabulary, at least these (tests/common.py).
CANONICAL = list(OPD_KINDS_BY_HAND)


def test_the_canonical_vocabulary() -> None:
    assert set(CANONICAL) <= fx.OPD_KINDS
    for kind in CANONICAL:
        assert contract_opd(kind=kind).kind == kind


@pytest.mark.parametrize(
    ("local", "kind"),
    [
        ("BPKAD", "bkad"),
        ("bpkad", "bkad"),
        ("BPKPAD", "bkad"),
        ("BKD", "bkpsdm"),
        ("BKPP", "bkpsdm"),
        ("BKPSDM", "bkpsdm"),
        ("Disnaker-PMPTSP", "disnaker-pmptsp"),
        ("Satpol PP", "satpol-pp"),
        (" Dinkes ", "dinkes"),
    ],
)
def test_local_names_map_onto_the_vocabulary(local: str, kind: str) -> None:
    assert contract_opd(kind=local).kind == kind
    assert fx.canonical_kind(local) == kind


def test_the_vocabulary_is_data_read_once() -> None:
    """Issue 13: the kinds and aliases live in data/opd-kinds.toml, read once; the kinds
    are exactly DESIGN.md's list (the contract's "at least" list is the whole file today),
    and the aliases DESIGN.md names map as it says."""
    from flexasn.people import OPD_KIND_ALIASES, opd_kind_vocabulary

    vocabulary = opd_kind_vocabulary()
    assert vocabulary is opd_kind_vocabulary()
    assert fx.OPD_KINDS == frozenset(k.id for k in vocabulary.kind) == frozenset(CANONICAL)
    assert len(CANONICAL) == 28
    for alias, kind in (
        ("bpkad", "bkad"),
        ("bpkpad", "bkad"),
        ("bkd", "bkpsdm"),
        ("bkpp", "bkpsdm"),
    ):
        assert OPD_KIND_ALIASES[alias] == kind
    assert next(k for k in vocabulary.kind if k.id == "bkad").name == (
        "Badan Keuangan dan Aset Daerah"
    )


def test_a_vocabulary_whose_alias_is_a_kind_is_rejected_in_both_languages() -> None:
    from flexasn.people import OpdKindVocabulary

    data = {
        "source": {"document": "x"},
        "kind": [{"id": "bkad", "name": "B"}, {"id": "dinkes", "name": "D", "aliases": ["bkad"]}],
    }
    with pytest.raises(fx.ModelValidationError) as info:
        OpdKindVocabulary.model_validate(data)
    assert info.value.message("id") == (
        "OpdKindVocabulary tidak sah: nama lokal 'bkad' adalah jenis OPD sendiri"
    )
    assert info.value.message("en") == (
        "invalid OpdKindVocabulary: local name 'bkad' is an OPD kind itself"
    )


def test_an_unknown_kind_speaks_each_language_throughout() -> None:
    with pytest.raises(fx.InvalidInputError) as info:
        fx.canonical_kind("dinas-rahasia")
    assert info.value.message("id").startswith(
        "jenis OPD 'dinas-rahasia' tidak dikenal; gunakan salah satu dari: bakesbangpol, "
    )
    assert str(info.value).startswith(
        "unknown OPD kind 'dinas-rahasia'; use one of: bakesbangpol, "
    )


# --- Employee ------------------------------------------------------------------------------


def test_employee_exactly_as_the_contract_builds_it() -> None:
    employee = fx.Employee(
        nip="198503122010011001",
        opd="BKAD",
        status=fx.EmploymentStatus.PNS,
        position=fx.PositionType.EXECUTOR,
        is_head=False,
        frontline=False,
        duty_days=frozenset(),
        discipline=fx.DisciplineStatus.NONE,
        new_in_post=False,
        duties_outside_office=False,
        special_circumstances=False,
    )
    assert employee == fx.Employee(nip=GOOD, opd="BKAD")  # every other field is a default
    assert employee.masked_nip == "…1001"
    assert fx.Employee.model_validate_json(employee.model_dump_json()) == employee


def test_employee_fields_and_values() -> None:
    employee = fx.Employee(
        nip=nip(sex="2"),
        opd="DINKES",
        position=fx.PositionType.FUNCTIONAL,
        is_head=True,
        frontline=True,
        duty_days=frozenset({date(2025, 3, 25)}),
        discipline=fx.DisciplineStatus.IN_PROCESS,
        new_in_post=True,
        duties_outside_office=True,
        special_circumstances=True,
    )
    data = json.loads(employee.model_dump_json())
    assert data["status"] == "pns"
    assert data["position"] == "fungsional"
    assert data["discipline"] == "dalam_proses"
    assert data["duty_days"] == ["2025-03-25"]
    assert date(2025, 3, 25) in employee.duty_days


def test_a_pppk_employee() -> None:
    employee = fx.Employee(nip="202501012025130099", opd="BKAD", status="pppk")
    assert employee.status is fx.EmploymentStatus.PPPK
    with pytest.raises(ValidationError):
        fx.Employee(nip="202501012025130099", opd="BKAD")  # as a PNS, the digits are impossible


def test_employee_is_frozen() -> None:
    employee = fx.Employee(nip=GOOD, opd="BKAD")
    with pytest.raises(ValidationError, match="frozen"):
        employee.is_head = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"nip": nip(birth="19851312")}, "birth date"),
        ({"nip": nip(sex="5")}, "sex"),
        ({"nip": GOOD[:-1]}, "18 digits"),
        ({"nip": int(GOOD)}, "string"),
        ({"gaji": 1}, "Extra inputs are not permitted"),
        ({"opd": ""}, "at least 1 character"),
        ({"status": "honorer"}, "pns"),
        ({"discipline": "berat"}, "tidak_ada"),
        ({"is_head": "mungkin"}, "boolean"),
        ({"duty_days": ["2025-13-01"]}, "date"),
    ],
)
def test_bad_employees_never_show_the_nip(changes: dict[str, object], fragment: str) -> None:
    fields: dict[str, object] = {"nip": GOOD, "opd": "BKAD", **changes}
    with pytest.raises(fx.InvalidInputError) as info:
        fx.Employee.model_validate(fields)
    error = info.value
    assert isinstance(error, fx.FlexasnError) and isinstance(error, ValueError)
    message = str(error)
    assert fragment in message
    assert message.startswith(f"invalid Employee: field '{next(iter(changes))}")  # [0]: an item
    # A malformed NIP is the most specific error of the contract, InvalidNipError, too.
    assert isinstance(error, fx.InvalidNipError) is ("nip" in changes)
    number = str(fields["nip"])
    for text in (message, repr(error), str(error.errors()), error.json()):  # type: ignore[attr-defined]
        assert number not in text
        assert number[:8] not in text


@pytest.mark.parametrize("build", ["init", "model_validate", "model_validate_json"])
def test_a_malformed_nip_in_an_employee_is_an_invalid_nip_error(build: str) -> None:
    number = nip(birth="19851312")  # month 13
    data = {"nip": number, "opd": "BKAD", "is_head": True}
    with pytest.raises(fx.InvalidNipError) as info:
        if build == "init":
            fx.Employee(nip=number, opd="BKAD", is_head=True)
        elif build == "model_validate":
            fx.Employee.model_validate(data)
        else:
            fx.Employee.model_validate_json(json.dumps(data))
    error = info.value
    assert isinstance(error, fx.InvalidInputError) and isinstance(error, fx.ModelNipError)
    assert str(error) == (
        "invalid Employee: field 'nip': NIP digits 1-8 are not a possible birth date (YYYYMMDD)"
    )
    assert error.fields == ("nip",)
    # For programs: pydantic's details, the original InvalidNipError among them, no input.
    (detail,) = error.errors(include_input=True)
    assert detail["loc"] == ("nip",) and detail["type"] == "value_error"
    assert "input" not in detail
    assert isinstance(detail["ctx"]["error"], fx.InvalidNipError)
    assert error.__cause__ is None and error.__suppress_context__  # no raw pydantic error kept
    assert number not in repr(error) and number not in error.json()


def test_an_employee_inside_another_model_is_named_by_its_path() -> None:
    number = nip(sex="5")
    with pytest.raises(fx.InvalidNipError) as info:
        fx.Roster(opds=(contract_opd(),), employees=({"nip": number, "opd": "BKAD"},))
    assert str(info.value) == (
        "invalid Roster: field 'employees[0].nip': "
        "NIP digit 15 (sex) must be 1 (male) or 2 (female)"
    )
    assert number not in repr(info.value)


def test_json_schemas() -> None:
    schema = fx.Employee.model_json_schema()
    contract = {
        "nip",
        "opd",
        "status",
        "position",
        "is_head",
        "frontline",
        "duty_days",
        "discipline",
        "new_in_post",
        "duties_outside_office",
        "special_circumstances",
    }
    assert contract <= set(schema["properties"])
    assert set(schema["required"]) == {"nip", "opd"}
    assert schema["additionalProperties"] is False
    opd_schema = fx.Opd.model_json_schema()
    assert {"code", "name", "instansi", "kind", "service", "headcount"} <= set(
        opd_schema["properties"]
    )
    assert opd_schema["properties"]["headcount"]["minimum"] == 0
    assert opd_schema["additionalProperties"] is False
    json.dumps(schema)
    json.dumps(opd_schema)


# --- enums ---------------------------------------------------------------------------------


def test_enum_values_are_the_contract_terms() -> None:
    assert [s.value for s in fx.ServiceCategory] == ["esensial", "langsung", "tidak_langsung"]
    assert fx.EmploymentStatus.PNS.value == "pns"
    assert {s.name for s in fx.EmploymentStatus} == {"PNS", "PPPK", "PPPK_PARUH_WAKTU"}
    assert [p.value for p in fx.PositionType] == ["struktural", "fungsional", "pelaksana"]
    assert {d.name for d in fx.DisciplineStatus} == {"NONE", "IN_PROCESS", "SERVING"}
    assert [m.name for m in fx.WorkMode] == ["WFO", "WFH", "WFA"]
    assert str(fx.ServiceCategory.ESSENTIAL) == "esensial"  # StrEnum
