"""The request and response bodies of the web service (pydantic v2; the OpenAPI 3.1
document is generated from them). Employees, OPDs, decisions, quotas and schedules are
the library's own models, so the JSON is the library's."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..check import Violation
from ..decide import Decision
from ..doctor import DoctorReport
from ..ics import InstansiDay
from ..people import Employee, Opd, WorkMode
from ..register import Instansi
from ..schedule import Schedule


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class DecisionRequest(_Body):
    """May this employee of this OPD work away from the office on this day?"""

    employee: Employee
    opd: Opd
    day: date
    known_on: date | None = Field(
        default=None, description="Answer with only the instruments public by this day."
    )
    policy: str | None = Field(
        default=None, description="A policy id to apply instead of the OPD's instansi."
    )
    remote_days_this_week: int | None = Field(
        default=None, ge=0, le=7, description="Remote days already taken that Monday-Sunday week."
    )


class BatchRequest(_Body):
    """Decisions for many employees on many days: every employee on every day.

    Give the days as ``days`` (a list) or as the inclusive span ``first_day``..``last_day``.
    Each employee's ``opd`` names one of ``opds`` by its ``code``.
    """

    opds: list[Opd] = Field(min_length=1)
    employees: list[Employee] = Field(min_length=1)
    days: list[date] | None = None
    first_day: date | None = None
    last_day: date | None = None
    known_on: date | None = None
    policy: str | None = None


class BatchResponse(BaseModel):
    """The decisions, employee by employee (in request order), day by day."""

    count: int
    decisions: list[Decision]


class QuotaRequest(_Body):
    """An OPD's remote-work quota on a day (the non-raising form: ``status`` says why)."""

    opd: Opd
    day: date
    known_on: date | None = None
    policy: str | None = None
    onsite_required: int | None = Field(default=None, ge=0)


class RotationRequest(_Body):
    """Plan who of an OPD works remotely on each day of a span."""

    opd: Opd
    employees: list[Employee] = Field(min_length=1)
    first_day: date
    last_day: date
    policy: str | None = None
    mode: Literal[WorkMode.WFH, WorkMode.WFA] | None = Field(
        default=None, description="The remote mode to prefer where the arrangement allows both."
    )
    history: dict[str, list[date]] | None = Field(
        default=None, description="Remote days already taken before first_day, per NIP."
    )


class ValidateRequest(_Body):
    """Check a schedule (the JSON a rotation returns, or one made by hand)."""

    schedule: Schedule
    opd: Opd
    employees: list[Employee] = Field(min_length=1)
    policy: str | None = None
    history: dict[str, list[date]] | None = None


class ViolationOut(BaseModel):
    """A violation as the library writes it, with the NIP it concerns (the caller's own
    data, needed to act on it; ``null`` for a day's quota)."""

    model_config = ConfigDict(extra="allow")

    check: str
    day: date | None
    employee: str | None
    nip: str | None
    key: str
    messages: dict[str, str]


class ValidateResponse(BaseModel):
    """Every violation of the schedule; an empty list when it is lawful."""

    count: int
    violations: list[ViolationOut]


class CalendarResponse(BaseModel):
    """An instansi's ASN calendar, day by day."""

    instansi: str
    first_day: date
    last_day: date
    days: list[InstansiDay]


class LawInForce(BaseModel):
    """The law in force for an instansi on a day: the day's kind and the arrangement that
    governs it, after layers and precedence (``Policy.in_force``)."""

    instansi: str
    policy: str
    day: date
    day_kind: str
    working_day: bool
    arrangement: dict[str, Any] | None
    national: bool
    continued: bool
    standing: str | None
    data_as_of: date
    known_on: date | None


class PolicyList(BaseModel):
    """Ids of the bundled policies with data of their own (``fx.list_policies()``)."""

    policies: list[str]


class InstansiList(BaseModel):
    """The register of every instansi flexasn answers for."""

    count: int
    instansi: list[Instansi]


class Health(BaseModel):
    """The service is up."""

    status: Literal["ok"]


class Version(BaseModel):
    """The package version and the day the bundled law is known as of."""

    version: str
    data_as_of: date
    api: Literal["v1"]


class Problem(BaseModel):
    """An error, RFC 9457 ``application/problem+json``."""

    type: str
    title: str
    status: int
    detail: str
    messages: dict[str, str]
    instance: str
    errors: list[dict[str, str]] | None = None
    limit: dict[str, Any] | None = None
    error: str | None = None


__all__ = [
    "BatchRequest",
    "BatchResponse",
    "CalendarResponse",
    "DecisionRequest",
    "DoctorReport",
    "Health",
    "InstansiList",
    "LawInForce",
    "PolicyList",
    "Problem",
    "QuotaRequest",
    "RotationRequest",
    "ValidateRequest",
    "ValidateResponse",
    "Version",
    "Violation",
    "ViolationOut",
]
