"""Rules read from the instansi's arrangement in force (its circular or decision):
the flexible period, the OPD's quota, and who must stay on site."""

from __future__ import annotations

from datetime import timedelta

from ..legal import cite
from ..people import PositionType
from ..policy import ArrangementKind
from ..quotas import rule_limit
from ..reasons import Check, Reason, reason
from . import Situation


def flexible_period(s: Situation) -> Reason:
    """Is an arrangement of the instansi in force that day that permits flexible work?

    The default for every ASN on a working day is WFO (Perpres 21/2023 Pasal 3). A
    dated circular or a standing Permen PANRB 4/2025 arrangement may permit flexible
    work; an explicit "no flexible work" decision fails; an unknown decision is unknown.
    """
    a = s.arrangement
    day = s.day.isoformat()
    if not s.covered and (a is None or a.permits_flexible_work):
        # beyond the decreed years the day's kind is not known (DESIGN.md): a circular
        # for it may yet come, or the day may be a holiday
        return reason(
            Check.FLEXIBLE_PERIOD,
            None,
            "flexible_period.unknown_coverage",
            a.citation() if a is not None else cite("perpres-21-2023", "Pasal 6"),
            instansi=s.policy.name,
            day=day,
        )
    if a is None:
        return reason(
            Check.FLEXIBLE_PERIOD,
            False,
            "flexible_period.fail_none",
            cite("perpres-21-2023", "Pasal 3"),
            instansi=s.policy.name,
            day=day,
        )
    basis = a.citation()
    if a.kind is ArrangementKind.NO_FLEXIBLE_WORK:
        return reason(
            Check.FLEXIBLE_PERIOD,
            False,
            "flexible_period.fail_no_flexible",
            basis,
            instansi=s.policy.name,
            day=day,
            arrangement=a.id,
        )
    if a.kind is ArrangementKind.DECISION_UNKNOWN and s.continued:
        return reason(
            Check.FLEXIBLE_PERIOD,
            None,
            "flexible_period.unknown_continuation",
            basis,
            instansi=s.policy.name,
            day=day,
            arrangement=a.id.removesuffix("-lanjutan"),
            last=(a.days[0].first_day - timedelta(days=1)).isoformat(),
        )
    if a.kind is ArrangementKind.DECISION_UNKNOWN:
        return reason(
            Check.FLEXIBLE_PERIOD,
            None,
            "flexible_period.unknown",
            basis,
            instansi=s.policy.name,
            day=day,
            arrangement=a.id,
        )
    modes = ", ".join(m.value.upper() for m in a.modes)
    # the national policy's own arrangements are never ``national`` (Policy.in_force)
    inherited = s.in_force is not None and s.in_force.national
    return reason(
        Check.FLEXIBLE_PERIOD,
        True,
        "flexible_period.pass_national" if inherited else "flexible_period.pass",
        basis,
        arrangement=a.id,
        day=day,
        modes=modes,
        instansi=s.policy.name,
    )


def opd_allowed(s: Situation) -> Reason:
    """Does the arrangement give the OPD a quota above 0?

    Quota rules match the OPD by kind, then service category, then the default; the
    limit is ``min(floor(headcount x percent), headcount - on-site staff)``. Unknown
    where the arrangement leaves the proportion to the head of agency (the national
    circulars) or the instansi's decision is unknown.
    """
    a = s.arrangement
    opd = s.opd.code
    if a is None and not s.covered:
        return reason(
            Check.OPD_ALLOWED,
            None,
            "opd_allowed.unknown_coverage",
            cite("perpres-21-2023", "Pasal 6"),
            opd=opd,
        )
    if a is None or a.kind is ArrangementKind.NO_FLEXIBLE_WORK:
        basis = a.citation() if a else None
        return reason(Check.OPD_ALLOWED, False, "opd_allowed.fail_no_arrangement", basis, opd=opd)
    if a.kind is ArrangementKind.DECISION_UNKNOWN:
        return reason(
            Check.OPD_ALLOWED, None, "opd_allowed.unknown_decision", a.citation(), opd=opd
        )
    rule = s.quota_rule
    if rule is None:
        return reason(
            Check.OPD_ALLOWED,
            None,
            "opd_allowed.unknown",
            a.citation(),
            instrument=a.citation().texts(),
        )
    basis = (rule.basis or a.basis).citation()
    if rule.percent == 0:
        return reason(
            Check.OPD_ALLOWED,
            False,
            "opd_allowed.fail_excluded",
            basis,
            opd=opd,
            rule=rule.descriptions(),
            percent=rule.percent,
        )
    limit = rule_limit(a, rule, s.opd)
    params = {"opd": opd, "percent": rule.percent, "headcount": s.opd.headcount}
    if limit == 0:
        return reason(Check.OPD_ALLOWED, False, "opd_allowed.fail_zero", basis, **params)
    return reason(
        Check.OPD_ALLOWED,
        True,
        "opd_allowed.pass",
        basis,
        limit=limit,
        rule=rule.descriptions(),
        **params,
    )


def role_onsite(s: Situation) -> Reason:
    """Does the employee's role require presence that day?

    A head of OPD where the arrangement keeps heads in the office (Kabupaten Malang
    2025); a structural (echelon) official where the arrangement keeps them in the office
    (SE Mendagri 800.1.5/3349/SJ: regional governments on WFH Fridays); a duty officer
    (piket) on a duty day, in every arrangement that keeps duty
    officers on site (the default).
    """
    a = s.arrangement
    e = s.profile
    if e.is_head and a is not None and a.heads_onsite:
        return reason(
            Check.ROLE_ONSITE, False, "role_onsite.fail_head", a.onsite_citation(), arrangement=a.id
        )
    if e.position is PositionType.STRUCTURAL and a is not None and a.structural_onsite:
        return reason(
            Check.ROLE_ONSITE,
            False,
            "role_onsite.fail_structural",
            a.onsite_citation(),
            arrangement=a.id,
        )
    if s.on_duty and (a is None or a.duty_officers_onsite):
        return reason(
            Check.ROLE_ONSITE,
            False,
            "role_onsite.fail_duty",
            a.citation() if a else None,
            day=s.day.isoformat(),
        )
    return reason(Check.ROLE_ONSITE, True, "role_onsite.pass", a.citation() if a else None)


def frontline(s: Situation) -> Reason:
    """Front-line staff (who serve the public face to face) stay on site unless the
    arrangement says otherwise: every circular requires public services to continue,
    and Permen PANRB 4/2025's task criteria require little face-to-face contact
    (flexasn's reading of LAW.md)."""
    basis = cite("permen-panrb-4-2025", reading=True)
    a = s.arrangement
    if not s.profile.frontline:
        return reason(Check.FRONTLINE, True, "frontline.pass", basis)
    if a is not None and not a.frontline_onsite:
        return reason(
            Check.FRONTLINE, True, "frontline.pass_allowed", a.citation(), arrangement=a.id
        )
    return reason(Check.FRONTLINE, False, "frontline.fail", basis)


__all__ = [
    "flexible_period",
    "frontline",
    "opd_allowed",
    "role_onsite",
]
