"""The public boundary (issue 12, part 3): wrong types in, one FlexasnError out.

Every callable of ``flexasn.__all__`` that takes arguments is in :data:`CALLS` with a call
that succeeds. Each parameter is then given wrong values chosen by its annotation
(:data:`BAD`): a string or a ``datetime`` for a date, ``None``, an int for a string, a
bool for an int, ... The call must raise a :class:`~flexasn.FlexasnError` (an
:class:`~flexasn.ArgumentTypeError` where the type is wrong) whose message names the
parameter and holds no NIP. A new public callable, or a parameter with an annotation not
in :data:`BAD`, fails :func:`test_every_public_callable_is_in_the_table` or
:func:`test_every_annotation_has_bad_values` until it is added here.

The public models' integer and boolean fields are strict: ``Opd(headcount=True)`` and
``headcount="120"`` raise :class:`~flexasn.ModelValidationError` naming the field.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import inspect
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest

import flexasn as fx
from common import write_text
from flexasn.hours import Shift, ShiftPattern
from flexasn.schedule import ScheduleDay
from flexasn.worktime import ScheduleHours, WorkSchedule

EXAMPLE = Path(__file__).resolve().parents[1] / "examples"
DAY = date(2025, 3, 24)  # a Monday inside the national WFA window of March 2025
NIP = "198503122010011001"  # DESIGN.md's example NIP: never in a message

T = fx.ArgumentTypeError  # the type is wrong (also a TypeError)
V = fx.FlexasnError  # the type is right, the value is not known (also a ValueError)


@dataclass(frozen=True)
class Bad:
    """A wrong value for a parameter and the error it must raise."""

    label: str
    value: Any
    error: type[fx.FlexasnError] = T


DATES = (
    Bad("str", "2025-03-24"),
    Bad("datetime", datetime(2025, 3, 24, 9, 30)),
    Bad("int", 20250324),
)
INTS = (Bad("bool", True), Bad("str", "120"), Bad("float", 120.0))
STRS = (Bad("int", 123), Bad("bytes", b"kab-malang"))
POLICIES = (Bad("int", 123), Bad("bytes", b"kab-malang"), Bad("list", ["kab-malang"]))
PATHS = (Bad("int", 123), Bad("None", None))
NONE = (Bad("None", None),)

BAD: dict[str, tuple[Bad, ...]] = {
    "date": DATES + NONE,
    "date | None": DATES,
    "int": INTS + NONE,
    "int | None": INTS,
    "bool": (Bad("str", "no"), Bad("int", 1), Bad("None", None)),
    "str": STRS + NONE,
    "str | None": STRS,
    "str | Path": PATHS,
    "str | bytes | None": (Bad("int", 123), Bad("list", [b"key"])),
    "Language": (Bad("int", 1), Bad("unknown", "fr", V)),
    "Literal['raise', 'report']": (Bad("int", 1), Bad("unknown", "ignore", V)),
    "EmploymentStatus": (Bad("int", 1), Bad("unknown", "honorer", V)),
    "WorkMode | None": (Bad("int", 1), Bad("unknown", "wfx", V)),
    "str | int | float | Decimal | Fraction": (
        Bad("None", None),
        Bad("bool", True),
        Bad("list", [35]),
        Bad("text", "abc", V),
    ),
    "Opd": (Bad("str", "BKAD"), Bad("dict", {"code": "BKAD"}), Bad("None", None)),
    "Employee": (Bad("str", NIP), Bad("dict", {"nip": NIP}), Bad("None", None)),
    "Policy": (Bad("str", "kab-malang"), Bad("None", None)),
    "Schedule": (Bad("dict", {"opd": "BKAD"}), Bad("None", None)),
    "Schedule | Iterable[Schedule]": (Bad("dict", {"opd": "BKAD"}), Bad("None", None)),
    "Iterable[str] | None": (Bad("int", 123), Bad("list of int", [1])),
    "Roster": (Bad("str", "roster"), Bad("None", None)),
    "Policy | str | None": POLICIES,
    "PolicyArg": POLICIES,
    "PolicyArg | Sequence[PolicyArg]": (Bad("int", 123), Bad("bytes", b"kab-malang")),
    "OpdArg": (Bad("int", 123), Bad("dict", {"kind": "bkad"})),
    "ShiftPattern | None": (Bad("str", "2-2"), Bad("dict", {"anchor": DAY})),
    "Iterable[Opd]": (Bad("int", 123), Bad("list of str", ["BKAD"]), Bad("None", None)),
    "Iterable[Employee]": (Bad("int", 123), Bad("list of str", [NIP]), Bad("None", None)),
    "Iterable[Opd] | RosterFile": (Bad("int", 123), Bad("list of str", ["BKAD"]), *NONE),
    "Iterable[Employee] | Workforce | pd.DataFrame | RosterFile": (
        Bad("int", 123),
        Bad("list of str", [NIP]),
        Bad("None", None),
    ),
    "Iterable[AttendanceRecord | tuple[datetime, datetime] | Mapping[str, object]]": (
        Bad("int", 123),
        Bad("str", "2025-03-24 07:30"),
        Bad("None", None),
    ),
    "Mapping[str, Any] | Schedule | None": (Bad("int", 123), Bad("list", [NIP])),
    "tuple[DaySummary, ...]": (Bad("int", 123), Bad("list of int", [1]), Bad("None", None)),
    "list[dict[str, Any]]": (Bad("str", "rows"), Bad("list of int", [1]), Bad("None", None)),
}
"""Wrong values for each parameter annotation (as written in the source)."""


# --- the table: one successful call per public callable ---------------------------------


@functools.cache
def _roster() -> fx.Roster:
    """The example roster of Kabupaten Malang (read once)."""
    return fx.read_roster(
        EXAMPLE / "kab-malang" / "opd.csv", EXAMPLE / "kab-malang" / "pegawai.csv"
    )


@dataclass(frozen=True)
class World:
    """What the calls are made with; ``tmp`` is a fresh folder for files."""

    tmp: Path

    @property
    def roster(self) -> fx.Roster:
        return _roster()

    @property
    def opd(self) -> fx.Opd:
        return fx.Opd(
            code="BKAD",
            name="Badan Keuangan dan Aset Daerah",
            instansi="kab-malang",
            kind="bkad",
            service=fx.ServiceCategory.NON_DIRECT,
            headcount=4,
        )

    @property
    def staff(self) -> tuple[fx.Employee, ...]:
        return self.roster.employees_of("BKAD")[:4]

    @property
    def schedule(self) -> fx.Schedule:
        return fx.plan_rotation(self.opd, self.staff, DAY, DAY + (date(2025, 3, 25) - DAY))

    def file(self, name: str, text: str) -> Path:
        return write_text(self.tmp, name, text)


Call = tuple[Callable[..., Any], dict[str, Any]]

CALLS: dict[str, Callable[[World], Call]] = {
    "amendments": lambda w: (fx.amendments, {"year": 2025}),
    "articles": lambda w: (fx.articles, {"instrument_id": "permen-panrb-4-2025"}),
    "calendar_year": lambda w: (fx.calendar_year, {"year": 2025}),
    "canonical_kind": lambda w: (fx.canonical_kind, {"kind": "bpkad"}),
    "check_hours": lambda w: (
        fx.check_hours,
        {
            "logs": [(datetime(2025, 3, 24, 7, 30), datetime(2025, 3, 24, 16, 0))],
            "policy": "kab-malang",
            "start": DAY,
            "end": DAY,
            "opd": w.opd,
            "pattern": None,
            "dynamic": False,
            "shift": None,
            "assume_local_time": True,
            "on_invalid": "raise",
            "strict": True,
        },
    ),
    "cite": lambda w: (
        fx.cite,
        {"instrument_id": "permen-panrb-4-2025", "article": "Pasal 17", "reading": False},
    ),
    "covered_years": lambda w: (fx.covered_years, {"known_on": DAY}),
    "daily_norm": lambda w: (
        fx.daily_norm,
        {"day": DAY, "policy": None, "opd": "bkad", "pattern": None, "strict": True},
    ),
    "day_info": lambda w: (fx.day_info, {"day": DAY, "known_on": DAY, "strict": True}),
    "day_kind": lambda w: (fx.day_kind, {"day": DAY, "known_on": DAY, "strict": True}),
    "day_norm": lambda w: (
        fx.day_norm,
        {"day": DAY, "policy": None, "opd": None, "pattern": None, "strict": True},
    ),
    "day_norms": lambda w: (
        fx.day_norms,
        {"start": DAY, "end": DAY, "policy": None, "opd": None, "pattern": None, "strict": True},
    ),
    "days_off": lambda w: (
        fx.days_off,
        {"start": DAY, "end": date(2025, 3, 31), "known_on": None, "strict": True},
    ),
    "doctor": lambda w: (fx.doctor, {"today": date(2026, 1, 5), "horizon": 60}),
    "eligible_for_wfa": lambda w: (
        fx.eligible_for_wfa,
        {
            "employee": w.staff[0],
            "opd": w.opd,
            "on": DAY,
            "policy": "kab-malang",
            "remote_days_this_week": 0,
            "known_on": None,
        },
    ),
    "flexible_work_days": lambda w: (
        fx.flexible_work_days,
        {"year": 2025, "strict": True, "cited": True},
    ),
    "get_policy": lambda w: (fx.get_policy, {"policy_id": "kab-malang"}),
    "holiday_name": lambda w: (
        fx.holiday_name,
        {"day": date(2025, 3, 31), "lang": "en", "known_on": None, "strict": True},
    ),
    "instansi": lambda w: (fx.instansi, {"instansi_id": "kab-malang"}),
    "instrument": lambda w: (fx.instrument, {"instrument_id": "permen-panrb-4-2025"}),
    "is_ramadan": lambda w: (fx.is_ramadan, {"day": DAY, "strict": True}),
    "is_working_day": lambda w: (
        fx.is_working_day,
        {"day": DAY, "known_on": None, "strict": True},
    ),
    "load_policy": lambda w: (
        fx.load_policy,
        {"path": EXAMPLE / "policies" / "standing-example.toml"},
    ),
    "mask_nip": lambda w: (fx.mask_nip, {"nip": NIP}),
    "masked_id": lambda w: (fx.masked_id, {"nip": NIP, "key": "a key"}),
    "max_remote": lambda w: (
        fx.max_remote,
        {"opd": w.opd, "on": DAY, "policy": "kab-malang", "known_on": None},
    ),
    "national_flexible_days": lambda w: (
        fx.national_flexible_days,
        {"year": 2025, "strict": True},
    ),
    "parse_nip": lambda w: (
        fx.parse_nip,
        {"nip": NIP, "status": fx.EmploymentStatus.PNS, "today": DAY},
    ),
    "plan_rotation": lambda w: (
        fx.plan_rotation,
        {
            "opd": w.opd,
            "employees": w.staff,
            "start": DAY,
            "end": date(2025, 3, 25),
            "policy": "kab-malang",
            "history": {},
            "mode": fx.WorkMode.WFA,
            "strict": False,
        },
    ),
    "quota": lambda w: (
        fx.quota,
        {
            "opd": w.opd,
            "on": DAY,
            "policy": "kab-malang",
            "onsite_required": 1,
            "strict": True,
            "known_on": None,
        },
    ),
    "quota_limit": lambda w: (
        fx.quota_limit,
        {"headcount": 180, "percent": "35", "rounding": "floor", "onsite_required": 0},
    ),
    "ramadan_period": lambda w: (fx.ramadan_period, {"day": DAY, "strict": True}),
    "read_attendance": lambda w: (
        fx.read_attendance,
        {
            "path": w.file("hadir.csv", "mulai,selesai\n2025-03-24 07:30,2025-03-24 16:00\n"),
            "policy": None,
            "timezone": "WIB",
        },
    ),
    "read_roster": lambda w: (
        fx.read_roster,
        {
            "opds": EXAMPLE / "kab-malang" / "opd.csv",
            "employees": EXAMPLE / "kab-malang" / "pegawai.csv",
            "check_headcount": True,
            "strict": False,
        },
    ),
    "read_schedule_csv": lambda w: (
        fx.read_schedule_csv,
        {"path": _written(w, fx.write_schedule_csv, "jadwal.csv"), "strict": True},
    ),
    "read_schedule_xlsx": lambda w: (
        fx.read_schedule_xlsx,
        {"path": _written(w, fx.write_schedule_xlsx, "jadwal.xlsx"), "strict": True},
    ),
    "read_schedule_file": lambda w: (
        fx.read_schedule_file,
        {"path": _written(w, fx.write_schedule_csv, "instansi.csv"), "strict": False},
    ),
    "write_roster": lambda w: (
        fx.write_roster,
        {
            "roster": _roster(),
            "opds": w.tmp / "opd.xlsx",
            "employees": w.tmp / "pegawai.csv",
            "lang": "en",
        },
    ),
    "write_schedule_xlsx": lambda w: (
        fx.write_schedule_xlsx,
        {"schedule": w.schedule, "path": w.tmp / "out.xlsx", "order": [w.staff[0].nip]},
    ),
    "write_schedule_file": lambda w: (
        fx.write_schedule_file,
        {"schedules": [w.schedule], "path": w.tmp / "out.json", "order": None},
    ),
    "read_schedule_json": lambda w: (
        fx.read_schedule_json,
        {"path": _written(w, fx.write_schedule_json, "jadwal.json")},
    ),
    "register_policy": lambda w: (fx.register_policy, {"policy": fx.get_policy("kab-malang")}),
    "required_hours": lambda w: (
        fx.required_hours,
        {"start": DAY, "end": DAY, "policy": None, "opd": None, "pattern": None, "strict": True},
    ),
    "set_mask_key": lambda w: (fx.set_mask_key, {"key": None}),
    "simulate": lambda w: (
        fx.simulate,
        {"opds": [w.opd], "employees": w.staff, "start": DAY, "end": DAY, "policy": None},
    ),
    "summarize": lambda w: (
        fx.summarize,
        {"schedule": w.schedule, "opd": w.opd, "policy": "kab-malang"},
    ),
    "unregister_policy": lambda w: (fx.unregister_policy, {"policy_id": "kab-malang"}),
    "validate_schedule": lambda w: (
        fx.validate_schedule,
        {
            "schedule": w.schedule,
            "opd": w.opd,
            "employees": w.staff,
            "policy": "kab-malang",
            "history": None,
        },
    ),
    "working_hours": lambda w: (
        fx.working_hours,
        {"start": DAY, "end": DAY, "policy": None, "opd": None, "pattern": None, "strict": True},
    ),
    "working_days": lambda w: (
        fx.working_days,
        {"start": DAY, "end": date(2025, 3, 31), "known_on": None, "strict": True},
    ),
    "write_schedule_csv": lambda w: (
        fx.write_schedule_csv,
        {"schedule": w.schedule, "path": w.tmp / "out.csv", "order": None},
    ),
    "write_schedule_json": lambda w: (
        fx.write_schedule_json,
        {"schedule": w.schedule, "path": w.tmp / "out.json"},
    ),
    "write_summary_csv": lambda w: (
        fx.write_summary_csv,
        {"lines": w.schedule.summary(), "path": w.tmp / "ringkasan.csv", "lang": "id"},
    ),
    # classes that are not models: their constructors
    "Simulation": lambda w: (fx.Simulation, {"rows": []}),
    "Workforce": lambda w: (fx.Workforce, {"opds": [w.opd], "start": DAY, "end": DAY}),
    # methods of the public models that take a date or a NIP (DESIGN.md's s.mode, s.remote_on)
    "Schedule.mode": lambda w: (w.schedule.mode, {"nip": w.staff[0].nip, "day": DAY}),
    "Schedule.remote_on": lambda w: (w.schedule.remote_on, {"day": DAY}),
    "Schedule.remote_days": lambda w: (w.schedule.remote_days, {"nip": w.staff[0].nip}),
}
"""A call that succeeds, for each public callable, every parameter given."""


DEPRECATED = frozenset({"day_norm", "day_norms", "national_flexible_days"})
"""Deprecated aliases (issue 13): checked at the boundary like the others, their
``DeprecationWarning`` (tested in tests/test_deprecated.py) set aside here."""


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Set the ``DeprecationWarning`` of a deprecated alias aside; nothing otherwise."""
    with warnings.catch_warnings():
        if name in DEPRECATED:
            warnings.simplefilter("ignore", DeprecationWarning)
        yield


def _written(w: World, writer: Callable[[fx.Schedule, Path], None], name: str) -> Path:
    path = w.tmp / name
    writer(w.schedule, path)
    return path


def _public_callables() -> set[str]:
    """The names in ``flexasn.__all__`` that can be called with arguments: functions and
    classes other than models, enums and errors."""
    names = set()
    for name in fx.__all__:
        obj = getattr(fx, name)
        if not callable(obj):
            continue
        if inspect.isclass(obj) and issubclass(obj, pydantic.BaseModel | enum.Enum | BaseException):
            continue
        if inspect.signature(obj).parameters:
            names.add(name)
    return names


def _cases() -> list[tuple[str, str, Bad]]:
    return [
        (name, param, bad)
        for name in CALLS
        for param, annotation in _parameters(name).items()
        for bad in BAD.get(annotation, ())
    ]


def _parameters(name: str) -> dict[str, str]:
    """Each parameter of the callable ``name`` and its annotation as written."""
    owner, _, method = name.partition(".")
    obj = getattr(getattr(fx, owner), method) if method else getattr(fx, owner)
    params = inspect.signature(obj).parameters
    return {p: str(v.annotation) for p, v in params.items() if p != "self"}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield World(tmp_path)
    fx.unregister_policy("kab-malang")
    fx.set_mask_key(None)


def test_every_public_callable_is_in_the_table() -> None:
    missing = _public_callables() - set(CALLS)
    assert not missing, f"add a call to CALLS in {__file__} for: {', '.join(sorted(missing))}"


def test_every_annotation_has_bad_values() -> None:
    unknown = {
        f"{name}({param}: {annotation})"
        for name in CALLS
        for param, annotation in _parameters(name).items()
        if annotation not in BAD
    }
    assert not unknown, f"add wrong values to BAD for: {', '.join(sorted(unknown))}"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_table_call_succeeds_with_every_parameter(name: str, world: World) -> None:
    func, kwargs = CALLS[name](world)
    assert set(kwargs) == set(_parameters(name)), "give every parameter a valid value"
    with _quiet(name):
        func(**kwargs)


@pytest.mark.parametrize(
    ("name", "param", "bad"),
    _cases(),
    ids=[f"{n}-{p}-{b.label}" for n, p, b in _cases()],
)
def test_a_wrong_argument_raises_one_error_naming_the_parameter(
    name: str, param: str, bad: Bad, world: World
) -> None:
    func, kwargs = CALLS[name](world)
    with _quiet(name), pytest.raises(fx.FlexasnError) as caught:
        func(**{**kwargs, param: bad.value})
    error = caught.value
    assert isinstance(error, bad.error), f"{type(error).__name__}: {error}"
    message = str(error)
    assert re.search(rf"\b{re.escape(param)}\b", message), message
    if bad.error is T:  # the parameter is named first, with the type expected
        assert message.startswith(param), message
        assert isinstance(error, TypeError)
    else:
        assert isinstance(error, ValueError)
    assert NIP not in message and all(e.nip not in message for e in world.staff)
    assert error.__cause__ is None and error.__context__ is None


def test_the_issue_s_examples() -> None:
    """Issue 12: a string raised AttributeError, a datetime a raw TypeError."""
    employee, opd = _roster().employees_of("BKAD")[0], _roster().opd("BKAD")
    with pytest.raises(fx.ArgumentTypeError, match=r"^on must be a datetime\.date, not str"):
        fx.eligible_for_wfa(employee, opd, on="2025-03-24")  # type: ignore[arg-type]
    with pytest.raises(fx.ArgumentTypeError, match=r"^on .* not datetime \(pass its \.date\(\)\)"):
        fx.eligible_for_wfa(employee, opd, on=datetime(2025, 3, 24, 8))
    with pytest.raises(fx.HoursError, match=r"^day must be a datetime\.date") as caught:
        fx.daily_norm(datetime(2025, 3, 24, 8))
    assert isinstance(caught.value, fx.ArgumentTypeError)
    with pytest.raises(fx.InvalidNipError, match=r"^nip must be a str") as nip_error:
        fx.parse_nip(198503122010011001)  # type: ignore[call-overload]
    assert isinstance(nip_error.value, fx.ArgumentTypeError)


# --- models: integer and boolean fields are strict --------------------------------------


@functools.cache
def _samples() -> dict[type[pydantic.BaseModel], pydantic.BaseModel]:
    roster = _roster()
    policy = fx.get_policy("kota-malang")
    standing = fx.load_policy(EXAMPLE / "policies" / "standing-example.toml")
    arrangement = next(a for a in standing.arrangement if a.weekly_limit is not None)
    shift = Shift(start="07:00", end="15:00", break_minutes=30)
    schedule = fx.plan_rotation(
        roster.opd("SETDA"), roster.employees_of("SETDA"), DAY, date(2025, 3, 25)
    )
    return {
        fx.Opd: roster.opd("BKAD"),
        fx.Employee: roster.employees[0],
        fx.QuotaRule: next(a for a in policy.arrangement if a.quota).quota[0],
        fx.Arrangement: arrangement,
        fx.Basis: arrangement.basis,
        fx.Citation: fx.cite("permen-panrb-4-2025", "Pasal 17"),
        fx.Instrument: fx.instrument("permen-panrb-4-2025"),
        fx.Scenario: fx.Scenario(name="x", base="kab-malang", heads_onsite=True),
        Shift: shift,
        ShiftPattern: ShiftPattern(anchor=DAY, cycle=(shift, None)),
        ScheduleHours: policy.work_schedule[0].hours[0],
        WorkSchedule: policy.work_schedule[0],
        fx.AttendanceRecord: fx.AttendanceRecord(
            start=datetime(2025, 3, 24, 7, 30), end=datetime(2025, 3, 24, 16), row=2
        ),
        ScheduleDay: schedule.days[0],
        fx.Schedule: schedule,
    }


INPUT_MODELS = (
    fx.Opd,
    fx.Employee,
    fx.QuotaRule,
    fx.Arrangement,
    fx.Basis,
    fx.Citation,
    fx.Instrument,
    fx.Scenario,
    Shift,
    ShiftPattern,
    ScheduleHours,
    WorkSchedule,
    fx.AttendanceRecord,
    ScheduleDay,
    fx.Schedule,
)
"""The models users build, or flexasn reads from their files (TOML, CSV, JSON)."""


def _strict_fields(model: type[pydantic.BaseModel]) -> list[tuple[str, tuple[Any, ...]]]:
    """The int and bool fields of ``model`` and the wrong values each must reject."""
    out: list[tuple[str, tuple[Any, ...]]] = []
    for field, info in model.model_fields.items():
        kinds = {info.annotation, *getattr(info.annotation, "__args__", ())}
        if bool in kinds:
            out.append((field, (1, "true", "yes")))
        elif int in kinds:
            out.append((field, (True, "1", 1.0)))
    return out


STRICT_CASES = [
    (model, field, bad)
    for model in INPUT_MODELS
    for field, bads in _strict_fields(model)
    for bad in bads
]


def test_the_strict_fields_include_the_issue_s_examples() -> None:
    fields = {(m.__name__, f) for m, f, _ in STRICT_CASES}
    assert {("Opd", "headcount"), ("Employee", "is_head"), ("QuotaRule", "min_onsite")} <= fields
    assert set(_samples()) == set(INPUT_MODELS)


@pytest.mark.parametrize(
    ("model", "field", "bad"),
    STRICT_CASES,
    ids=[f"{m.__name__}.{f}-{b!r}" for m, f, b in STRICT_CASES],
)
def test_an_int_or_bool_field_takes_no_other_type(
    model: type[pydantic.BaseModel], field: str, bad: Any
) -> None:
    data = _samples()[model].model_dump()
    data[field] = bad
    with pytest.raises(fx.ModelValidationError) as caught:
        model.model_validate(data)
    assert field in caught.value.fields, str(caught.value)
    assert re.search(rf"\b{field}\b", str(caught.value))


@pytest.mark.parametrize("headcount", [True, False, "120", 120.0, None])
def test_opd_headcount_is_a_plain_int(headcount: Any) -> None:
    with pytest.raises(fx.ModelValidationError, match="headcount") as caught:
        fx.Opd(
            code="BKAD",
            name="Badan Keuangan dan Aset Daerah",
            instansi="kab-malang",
            kind="bkad",
            service=fx.ServiceCategory.NON_DIRECT,
            headcount=headcount,
        )
    assert caught.value.fields == ("headcount",)


def test_strict_fields_still_read_from_text_and_json() -> None:
    """Files give text (CSV) or JSON numbers: they are read, as before."""
    opd = fx.Opd.model_validate_strings(
        {
            "code": "BKAD",
            "name": "Badan Keuangan dan Aset Daerah",
            "instansi": "kab-malang",
            "kind": "bkad",
            "service": "tidak_langsung",
            "headcount": "120",
        }
    )
    assert opd.headcount == 120
    assert fx.Opd.model_validate_json(opd.model_dump_json()) == opd
    employee = fx.Employee.model_validate_strings({"nip": NIP, "opd": "BKAD", "is_head": "true"})
    assert employee.is_head is True
    roster = _roster()
    assert roster.opd("BKAD").headcount == 120 and any(e.is_head for e in roster.employees)


# --- files: schedule ids and CSV quotes ------------------------------------------------


def test_a_json_schedule_rejects_an_id_that_is_not_a_nip(tmp_path: Path) -> None:
    roster = _roster()
    schedule = fx.plan_rotation(roster.opd("SETDA"), roster.employees_of("SETDA"), DAY, DAY)
    path = tmp_path / "jadwal.json"
    fx.write_schedule_json(schedule, path)
    first = schedule.employees[0]
    for wrong in ("Budi Santoso", first[:-1], first + "0", "19850312201001100x"):
        path.write_text(path.read_text(encoding="utf-8").replace(first, wrong, 1))
        with pytest.raises(fx.RosterError, match=r"employees\.0.*18 digits") as caught:
            fx.read_schedule_json(path)
        assert wrong not in str(caught.value) and "Budi" not in str(caught.value)
        path.write_text(path.read_text(encoding="utf-8").replace(wrong, first, 1))
    assert fx.read_schedule_json(path) == schedule


def test_a_schedule_built_directly_rejects_an_id_that_is_not_a_nip() -> None:
    with pytest.raises(fx.ModelValidationError, match=r"employees\[1\]") as caught:
        fx.Schedule(
            opd="BKAD",
            first_day=DAY,
            last_day=DAY,
            employees=(NIP, "Budi"),
            days=(ScheduleDay(day=DAY),),
        )
    assert "Budi" not in str(caught.value) and caught.value.fields == ("employees[1]",)


OPDS_HEADER = "kode,nama,instansi,jenis,layanan,jumlah_pegawai\n"
UNTERMINATED = [
    (
        "inside the file",
        OPDS_HEADER
        + 'BKAD,"Badan Keuangan,kab-malang,bkad,tidak_langsung,4\n'
        + "SETDA,Setda,kab-malang,setda,tidak_langsung,1\n",
        2,
    ),
    (
        "last cell, after a blank line",
        OPDS_HEADER
        + "SETDA,Setda,kab-malang,setda,tidak_langsung,1\n\n"
        + 'BKAD,Badan,kab-malang,bkad,tidak_langsung,"4',
        4,
    ),
]


@pytest.mark.parametrize(("label", "text", "row"), UNTERMINATED, ids=[u[0] for u in UNTERMINATED])
def test_an_unterminated_quote_is_named_with_its_row(
    label: str, text: str, row: int, tmp_path: Path
) -> None:
    opds = tmp_path / "opd.csv"
    opds.write_text(text, encoding="utf-8")
    with pytest.raises(fx.RosterError, match="unterminated quote") as caught:
        fx.read_roster(opds, EXAMPLE / "kab-malang" / "pegawai.csv")
    assert caught.value.row == row and "cells" not in str(caught.value)


def test_unterminated_quotes_in_schedule_and_attendance_files(tmp_path: Path) -> None:
    schedule = tmp_path / "jadwal.csv"
    schedule.write_text(f'nip,opd,2025-03-24\n{NIP},BKAD,"wfh\n', encoding="utf-8")
    with pytest.raises(fx.RosterError, match=r"row 2.*unterminated quote") as caught:
        fx.read_schedule_csv(schedule)
    assert NIP not in str(caught.value)
    attendance = tmp_path / "hadir.csv"
    attendance.write_text('mulai,selesai\n"2025-03-24 07:30,2025-03-24 16:00\n', encoding="utf-8")
    with pytest.raises(fx.AttendanceError, match="unterminated quote"):
        fx.read_attendance(attendance)


def test_a_quote_inside_a_cell_is_still_read_leniently(tmp_path: Path) -> None:
    """A stray quote after a closed one (``"Badan" Keuangan``) was read before: still is."""
    opds = tmp_path / "opd.csv"
    opds.write_text(
        OPDS_HEADER + 'SETDA,"Sekretariat" Daerah,kab-malang,setda,tidak_langsung,0\n',
        encoding="utf-8",
    )
    employees = tmp_path / "pegawai.csv"
    employees.write_text("nip,kode_opd\n", encoding="utf-8")
    roster = fx.read_roster(opds, employees)
    assert roster.opds[0].name == "Sekretariat Daerah"
