"""flexasn: Indonesia's civil-service flexible-work rules (WFO / WFH / WFA) as cited data.

The public API (see ``DESIGN.md``'s contract) is re-exported here; nothing else is.

>>> import flexasn as fx
>>> from datetime import date
>>> fx.day_kind(date(2025, 3, 28))
<DayKind.CUTI_BERSAMA: 'cuti_bersama'>
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .calendar import (
    CalendarYear,
    DayInfo,
    DayKind,
    FlexibleWorkDay,
    amendments,
    calendar_year,
    covered_years,
    day_info,
    day_kind,
    days_off,
    flexible_work_days,
    holiday_name,
    is_working_day,
    national_flexible_days,
    working_days,
)
from .decide import Decision, eligible_for_wfa
from .errors import (
    CoverageError,
    FlexasnError,
    InvalidInputError,
    InvalidNipError,
    PolicyConflictError,
    PolicyDataError,
    QuotaUndefinedError,
    RosterError,
    UnknownInstrumentError,
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
    instrument,
    instruments,
)
from .people import (
    OPD_KINDS,
    AgencyType,
    DisciplineStatus,
    Employee,
    EmploymentStatus,
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
    Level,
    Policy,
    QuotaRule,
    get_policy,
    list_policies,
    load_policy,
    policy_json_schema,
)
from .quotas import Quota, max_remote, quota, quota_limit
from .reasons import Check, Outcome, Reason
from .scenario import Scenario
from .simulate import Simulation, Workforce, simulate

try:
    __version__ = _version("flexasn")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "OPD_KINDS",
    "AgencyType",
    "Arrangement",
    "ArrangementKind",
    "Article",
    "Basis",
    "CalendarYear",
    "Check",
    "Citation",
    "Confidence",
    "CoverageError",
    "DayInfo",
    "DayKind",
    "Decision",
    "DisciplineStatus",
    "Employee",
    "EmploymentStatus",
    "FlexasnError",
    "FlexibleWorkDay",
    "Instrument",
    "InvalidInputError",
    "InvalidNipError",
    "Level",
    "NipInfo",
    "Opd",
    "Outcome",
    "Policy",
    "PolicyConflictError",
    "PolicyDataError",
    "PositionType",
    "Quota",
    "QuotaRule",
    "QuotaUndefinedError",
    "Reason",
    "RosterError",
    "Scenario",
    "ServiceCategory",
    "Sex",
    "Simulation",
    "Source",
    "UnknownInstrumentError",
    "UnknownPolicyError",
    "WorkMode",
    "Workforce",
    "__version__",
    "amendments",
    "articles",
    "calendar_year",
    "canonical_kind",
    "cite",
    "covered_years",
    "day_info",
    "day_kind",
    "days_off",
    "eligible_for_wfa",
    "flexible_work_days",
    "get_policy",
    "holiday_name",
    "instrument",
    "instruments",
    "is_working_day",
    "list_policies",
    "load_policy",
    "mask_nip",
    "max_remote",
    "national_flexible_days",
    "parse_nip",
    "policy_json_schema",
    "quota",
    "quota_limit",
    "simulate",
    "working_days",
]
