"""Checks, outcomes and reasons: how every answer explains itself.

A :class:`Reason` records one check: its stable :class:`Check` code, whether it
passed (True), failed (False) or could not be decided (None), the law behind it
and its message in Indonesian and English. Reasons are JSON-serialisable and are
part of the API: audit logs store them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from ._model import Frozen
from .legal import Citation
from .messages import Language, render_all, require_language


class Check(StrEnum):
    """Stable codes of the checks (never renamed; new ones are added)."""

    DATA_COVERAGE = "data_coverage"
    AGENCY_SCOPE = "agency_scope"
    WORKING_DAY = "working_day"
    FLEXIBLE_PERIOD = "flexible_period"
    OPD_ALLOWED = "opd_allowed"
    ROLE_ONSITE = "role_onsite"
    FRONTLINE = "frontline"
    DISCIPLINE = "discipline"
    NEW_EMPLOYEE = "new_employee"
    QUOTA = "quota"
    WEEKLY_LIMIT = "weekly_limit"
    ROSTER = "roster"
    """Schedules: an employee missing from the schedule, or not on the roster."""


class Outcome(StrEnum):
    """The three possible answers: the law allows, denies, or is not known."""

    ALLOWED = "allowed"
    DENIED = "denied"
    UNDETERMINED = "undetermined"


class Reason(Frozen):
    """One check made for a decision, with its result, legal basis and messages."""

    check: Check
    passed: bool | None
    """True passed, False failed, None unknown."""
    basis: Citation | None = None
    key: str
    """The message key in the catalogues (``working_day.fail_cuti``)."""
    messages: dict[str, str] = Field(default_factory=dict)

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (``"id"``, default) or English (``"en"``)."""
        return self.messages[require_language(lang)]

    def __str__(self) -> str:
        mark = {True: "OK", False: "GAGAL", None: "?"}[self.passed]
        basis = f" [{self.basis}]" if self.basis else ""
        return f"{mark} {self.check.value}: {self.message('id')}{basis}"


def reason(
    check: Check, passed: bool | None, key: str, basis: Citation | None = None, **params: Any
) -> Reason:
    """Build a :class:`Reason` whose messages come from the catalogues."""
    return Reason(
        check=check,
        passed=passed,
        basis=basis,
        key=key,
        messages=render_all(key, **params),
    )


def outcome_of(reasons: tuple[Reason, ...]) -> Outcome:
    """Denied if any check failed; undetermined if none failed and one is unknown; else allowed."""
    if any(r.passed is False for r in reasons):
        return Outcome.DENIED
    if any(r.passed is None for r in reasons):
        return Outcome.UNDETERMINED
    return Outcome.ALLOWED
