"""Permen PANRB 4/2025 (flexible work as a standing arrangement): scope, employee
criteria and the weekly limit."""

from __future__ import annotations

from ..legal import Citation, cite, instrument
from ..messages import words
from ..people import AgencyType, DisciplineStatus
from ..reasons import Check, Reason, reason
from . import Situation

PERMEN = "permen-panrb-4-2025"


def agency_scope(s: Situation) -> Reason:
    """Pasal 38: the regulation does not apply to TNI, Polri (and the ASN posted in them)
    or to missions abroad; Perpres 21/2023 excludes them likewise."""
    basis = cite(PERMEN, "Pasal 38")
    if s.opd.agency_type is AgencyType.CIVIL:
        return reason(Check.AGENCY_SCOPE, True, "agency_scope.pass", basis)
    return reason(
        Check.AGENCY_SCOPE, False, "agency_scope.fail", basis, agency=s.opd.agency_type.value
    )


def _in_force(s: Situation) -> bool:
    in_force = instrument(PERMEN).in_force
    return in_force is not None and s.day >= in_force


def _passed_before_in_force(check: Check, key: str, basis: Citation) -> Reason:
    """The check passes on a day before the Permen came into force (Pasal 25 did not
    apply yet): the reason names the day it did."""
    return reason(check, True, key, basis, in_force=str(instrument(PERMEN).in_force))


def discipline(s: Situation) -> Reason:
    """Pasal 25: an employee serving, or in the process of receiving, a disciplinary
    penalty (PP 94/2021) may not work flexibly. Applies to every arrangement on dates
    from 21 April 2025, when the Permen came into force (flexasn's reading of LAW.md)."""
    basis = cite(PERMEN, "Pasal 25")
    if not _in_force(s):
        return _passed_before_in_force(Check.DISCIPLINE, "discipline.pass_not_in_force", basis)
    status = s.profile.discipline
    if status is DisciplineStatus.NONE:
        return reason(Check.DISCIPLINE, True, "discipline.pass", basis)
    phrase = "in_process" if status is DisciplineStatus.IN_PROCESS else "serving"
    return reason(Check.DISCIPLINE, False, "discipline.fail", basis, status=words(phrase))


def new_employee(s: Situation) -> Reason:
    """Pasal 25: a new employee ("pegawai baru": new in the post by hiring, promotion,
    transfer or rotation) may not work flexibly. From 21 April 2025."""
    basis = cite(PERMEN, "Pasal 25")
    if not _in_force(s):
        return _passed_before_in_force(Check.NEW_EMPLOYEE, "new_employee.pass_not_in_force", basis)
    if s.profile.new_in_post:
        return reason(Check.NEW_EMPLOYEE, False, "new_employee.fail", basis)
    return reason(Check.NEW_EMPLOYEE, True, "new_employee.pass", basis)


def applies_weekly_limit(s: Situation) -> bool:
    """True where a standing arrangement with a weekly limit counts the day: in force that
    day, or beside the weekly arrangement in force (a WFH Friday counts toward the Pasal 13
    limit where a standing arrangement also applies, LAW.md §3a)."""
    a = s.standing
    return a is not None and a.weekly_limit is not None


def weekly_limit(s: Situation) -> Reason:
    """Pasal 13 ayat (1): location flexibility at most 2 working days a week, except for
    employees whose duties must be done outside the office or in special circumstances.

    The day being decided counts: with ``remote_days_this_week`` already taken, the
    day is allowed only if one more stays within the limit.
    """
    standing = s.standing
    assert standing is not None and standing.weekly_limit is not None
    limit = standing.weekly_limit
    basis = cite(PERMEN, "Pasal 13 ayat (1)")
    if s.profile.duties_outside_office or s.profile.special_circumstances:
        phrase = (
            "duties_outside_office" if s.profile.duties_outside_office else "special_circumstances"
        )
        return reason(
            Check.WEEKLY_LIMIT,
            True,
            "weekly_limit.pass_exception",
            basis,
            limit=limit,
            exception=words(phrase),
        )
    if s.remote_days_this_week is None:
        return reason(Check.WEEKLY_LIMIT, True, "weekly_limit.pass_not_counted", basis, limit=limit)
    count = s.remote_days_this_week + 1
    ok = count <= limit
    return reason(
        Check.WEEKLY_LIMIT,
        ok,
        "weekly_limit.pass" if ok else "weekly_limit.fail",
        basis,
        limit=limit,
        count=count,
    )


__all__ = [
    "PERMEN",
    "agency_scope",
    "applies_weekly_limit",
    "discipline",
    "new_employee",
    "weekly_limit",
]
