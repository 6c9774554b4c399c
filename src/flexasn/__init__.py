"""flexasn: Indonesia's civil-service flexible-work rules (WFO / WFH / WFA) as cited data.

The public API (see ``DESIGN.md``'s contract) is re-exported here; nothing else is.

>>> import flexasn as fx
>>> from datetime import date
>>> fx.day_kind(date(2025, 3, 28))
<DayKind.CUTI_BERSAMA: 'cuti_bersama'>

Only the modules a decision needs (errors, the legal registry, people, the calendar,
policies, reasons, decisions and quotas) are imported with the package; every other
public name (hours, rosters, schedules, the planner, the simulation, the doctor, the
register, ``__version__``) is imported on first use by `__getattr__`, so
``import flexasn`` stays close to the import of its dependencies (issue 13).
``from flexasn import X`` and ``dir(flexasn)`` work for every name either way.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from .calendar import (
    CalendarYear,
    DayInfo,
    DayKind,
    SpanTooLongError,
    amendments,
    calendar_year,
    covered_years,
    day_info,
    day_kind,
    days_off,
    holiday_name,
    is_working_day,
    working_days,
)
from .decide import (
    Decision,
    eligible_for_wfa,
)
from .errors import (
    ArgumentTypeError,
    AttendanceError,
    CoverageError,
    FlexasnError,
    FlexasnWarning,
    HoursError,
    HoursTypeError,
    IgnoredColumnsWarning,
    InvalidInputError,
    InvalidNipError,
    MissingExtraError,
    ModelNipError,
    ModelValidationError,
    NipTypeError,
    PolicyConflictError,
    PolicyDataError,
    PppkNumberWarning,
    QuotaCoverageError,
    QuotaUndefinedError,
    RosterError,
    ScheduleCoverageError,
    ShadowedOverrideWarning,
    UnknownInstrumentError,
    UnknownLanguageError,
    UnknownPolicyError,
)
from .legal import (
    Article,
    Citation,
    Confidence,
    Instrument,
    Source,
    articles,
    cite,
    data_as_of,
    instrument,
    instruments,
)
from .people import (
    AgencyType,
    DisciplineStatus,
    Employee,
    EmploymentStatus,
    Level,
    NipInfo,
    Opd,
    PositionType,
    ServiceCategory,
    Sex,
    WorkMode,
    canonical_kind,
    mask_nip,
    parse_nip,
)
from .policy import (
    Arrangement,
    ArrangementKind,
    Basis,
    Policy,
    QuotaRule,
    Weekday,
    get_policy,
    list_policies,
    load_policy,
    policy_json_schema,
    register_policy,
    registered_policies,
    unregister_policy,
)
from .quotas import (
    Quota,
    QuotaStatus,
    max_remote,
    quota,
    quota_limit,
)
from .reasons import (
    Check,
    Outcome,
    Reason,
)
from .windows import FlexibleWorkDay, flexible_work_days, national_flexible_days

if TYPE_CHECKING:  # the lazily imported names, for type checkers and editors
    from .attendance import read_attendance
    from .check import (
        Violation,
        validate_schedule,
    )
    from .doctor import (
        DoctorReport,
        Finding,
        doctor,
    )
    from .hours import (
        AttendanceRecord,
        DayHours,
        DayNorm,
        FindingCode,
        HoursFinding,
        HoursReport,
        Severity,
        Shift,
        ShiftPattern,
        WeekHours,
        check_hours,
        daily_norm,
        day_norm,
        day_norms,
        required_hours,
        working_hours,
    )
    from .people import OPD_KINDS
    from .plan import (
        plan_rotation,
        summarize,
    )
    from .privacy import (
        masked_id,
        set_mask_key,
    )
    from .ramadan import (
        RamadanPeriod,
        is_ramadan,
        ramadan_period,
        ramadan_periods,
    )
    from .register import (
        Instansi,
        instansi,
        instansi_ids,
    )
    from .roster import (
        HeadcountMismatch,
        IgnoredColumn,
        Roster,
        read_roster,
        write_roster,
    )
    from .scenario import Scenario
    from .schedule import (
        DaySummary,
        Fairness,
        Schedule,
        ScheduleDay,
        ScheduleFile,
        read_schedule_csv,
        read_schedule_file,
        read_schedule_json,
        read_schedule_xlsx,
        write_schedule_csv,
        write_schedule_file,
        write_schedule_json,
        write_schedule_xlsx,
        write_summary_csv,
    )
    from .simulate import (
        Simulation,
        Workforce,
        simulate,
    )
    from .worktime import (
        ScheduleHours,
        WorkSchedule,
    )

_LAZY: dict[str, str] = {
    "OPD_KINDS": "people",  # read from data/opd-kinds.toml on first use
    "AttendanceRecord": "hours",
    "DayHours": "hours",
    "DayNorm": "hours",
    "DaySummary": "schedule",
    "DoctorReport": "doctor",
    "Fairness": "schedule",
    "Finding": "doctor",
    "FindingCode": "hours",
    "HeadcountMismatch": "roster",
    "HoursFinding": "hours",
    "HoursReport": "hours",
    "Instansi": "register",
    "RamadanPeriod": "ramadan",
    "IgnoredColumn": "roster",
    "Roster": "roster",
    "Scenario": "scenario",
    "Schedule": "schedule",
    "ScheduleDay": "schedule",
    "ScheduleFile": "schedule",
    "ScheduleHours": "worktime",
    "Severity": "hours",
    "Shift": "hours",
    "ShiftPattern": "hours",
    "Simulation": "simulate",
    "Violation": "check",
    "WeekHours": "hours",
    "WorkSchedule": "worktime",
    "Workforce": "simulate",
    "check_hours": "hours",
    "daily_norm": "hours",
    "day_norm": "hours",
    "day_norms": "hours",
    "doctor": "doctor",
    "instansi": "register",
    "instansi_ids": "register",
    "is_ramadan": "ramadan",
    "masked_id": "privacy",
    "plan_rotation": "plan",
    "ramadan_period": "ramadan",
    "ramadan_periods": "ramadan",
    "read_attendance": "attendance",
    "read_roster": "roster",
    "read_schedule_csv": "schedule",
    "read_schedule_file": "schedule",
    "read_schedule_xlsx": "schedule",
    "read_schedule_json": "schedule",
    "required_hours": "hours",
    "set_mask_key": "privacy",
    "simulate": "simulate",
    "summarize": "plan",
    "validate_schedule": "check",
    "write_roster": "roster",
    "write_schedule_csv": "schedule",
    "write_schedule_file": "schedule",
    "write_schedule_xlsx": "schedule",
    "write_schedule_json": "schedule",
    "working_hours": "hours",
    "write_summary_csv": "schedule",
}
"""Public names imported on first use, and the module of ``flexasn`` that holds each."""


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562); ``__version__`` too."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("flexasn")
        except PackageNotFoundError:  # pragma: no cover - a source tree without install
            value = "0.0.0"
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # the next look-up finds it directly
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The ``flexasn`` module itself. Importing a submodule sets it as an attribute of
    the package; where a public function has its module's name (``simulate``,
    ``doctor``), the attribute stays the function, as it was when the package imported
    every module at once."""

    def __setattr__(self, name: str, value: object) -> None:
        if (
            isinstance(value, types.ModuleType)
            and _LAZY.get(name) == name
            and value.__name__ == f"{__name__}.{name}"
        ):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "OPD_KINDS",
    "AgencyType",
    "ArgumentTypeError",
    "Arrangement",
    "ArrangementKind",
    "Article",
    "AttendanceError",
    "AttendanceRecord",
    "Basis",
    "CalendarYear",
    "Check",
    "Citation",
    "Confidence",
    "CoverageError",
    "DayHours",
    "DayInfo",
    "DayKind",
    "DayNorm",
    "DaySummary",
    "Decision",
    "DisciplineStatus",
    "DoctorReport",
    "Employee",
    "EmploymentStatus",
    "Fairness",
    "Finding",
    "FindingCode",
    "FlexasnError",
    "FlexasnWarning",
    "FlexibleWorkDay",
    "HeadcountMismatch",
    "HoursError",
    "HoursFinding",
    "HoursReport",
    "HoursTypeError",
    "IgnoredColumn",
    "IgnoredColumnsWarning",
    "Instansi",
    "Instrument",
    "InvalidInputError",
    "InvalidNipError",
    "Level",
    "MissingExtraError",
    "ModelNipError",
    "ModelValidationError",
    "NipInfo",
    "NipTypeError",
    "Opd",
    "Outcome",
    "Policy",
    "PolicyConflictError",
    "PolicyDataError",
    "PositionType",
    "PppkNumberWarning",
    "Quota",
    "QuotaCoverageError",
    "QuotaRule",
    "QuotaStatus",
    "QuotaUndefinedError",
    "RamadanPeriod",
    "Reason",
    "Roster",
    "RosterError",
    "Scenario",
    "Schedule",
    "ScheduleCoverageError",
    "ScheduleDay",
    "ScheduleFile",
    "ScheduleHours",
    "ServiceCategory",
    "Severity",
    "Sex",
    "ShadowedOverrideWarning",
    "Shift",
    "ShiftPattern",
    "Simulation",
    "Source",
    "SpanTooLongError",
    "UnknownInstrumentError",
    "UnknownLanguageError",
    "UnknownPolicyError",
    "Violation",
    "WeekHours",
    "Weekday",
    "WorkMode",
    "WorkSchedule",
    "Workforce",
    "__version__",
    "amendments",
    "articles",
    "calendar_year",
    "canonical_kind",
    "check_hours",
    "cite",
    "covered_years",
    "daily_norm",
    "data_as_of",
    "day_info",
    "day_kind",
    "day_norm",
    "day_norms",
    "days_off",
    "doctor",
    "eligible_for_wfa",
    "flexible_work_days",
    "get_policy",
    "holiday_name",
    "instansi",
    "instansi_ids",
    "instrument",
    "instruments",
    "is_ramadan",
    "is_working_day",
    "list_policies",
    "load_policy",
    "mask_nip",
    "masked_id",
    "max_remote",
    "national_flexible_days",
    "parse_nip",
    "plan_rotation",
    "policy_json_schema",
    "quota",
    "quota_limit",
    "ramadan_period",
    "ramadan_periods",
    "read_attendance",
    "read_roster",
    "read_schedule_csv",
    "read_schedule_file",
    "read_schedule_json",
    "read_schedule_xlsx",
    "register_policy",
    "registered_policies",
    "required_hours",
    "set_mask_key",
    "simulate",
    "summarize",
    "unregister_policy",
    "validate_schedule",
    "working_days",
    "working_hours",
    "write_roster",
    "write_schedule_csv",
    "write_schedule_file",
    "write_schedule_json",
    "write_schedule_xlsx",
    "write_summary_csv",
]
