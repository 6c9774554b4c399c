"""How many staff of an OPD may work remotely: exact quota arithmetic and the OPD's quota.

The regions' circulars say "paling banyak N % dari seluruh jumlah pegawai" (at most
N % of all the OPD's staff). The base is the OPD's whole headcount; staff who must
stay on site are not removed from the base but bound the result (LAW.md, "How the
instruments combine"):

    limit = min(round(headcount x percent / 100), headcount - onsite_required)

with ``round`` named by the rule, ``floor`` by default ("at most"). Arithmetic is
exact (:class:`fractions.Fraction`): ``quota_limit(180, "35")`` is 63, where
``floor(180 * 0.35)`` in floating point gives 62.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import get_args
from zoneinfo import ZoneInfo

from pydantic import Field

from ._model import Frozen
from .calendar import day_info
from .errors import InvalidInputError, QuotaUndefinedError
from .legal import Citation, cite
from .people import AgencyType, Opd, ServiceCategory
from .policy import Arrangement, ArrangementKind, Policy, QuotaRule, Rounding, resolve_policy


def _percent(value: object) -> Fraction:
    if isinstance(value, bool):
        raise InvalidInputError(f"percent must be a number or a numeric string, not {value!r}")
    if isinstance(value, Fraction | int):
        result = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInputError(f"percent must be finite, not {value!r}")
        result = Fraction(Decimal(repr(value)))  # 35.0 is taken as written, never as a binary float
    elif isinstance(value, Decimal | str):
        try:
            dec = Decimal(value.strip().rstrip("%") if isinstance(value, str) else value)
        except InvalidOperation:
            raise InvalidInputError(f"percent {value!r} is not a number") from None
        if not dec.is_finite():
            raise InvalidInputError(f"percent must be finite, not {value!r}")
        result = Fraction(dec)
    else:
        raise InvalidInputError(f"percent must be a number or a numeric string, not {value!r}")
    if not 0 <= result <= 100:
        raise InvalidInputError(f"percent must be between 0 and 100, not {value}")
    return result


def _round(value: Fraction, rounding: str) -> int:
    if rounding == "floor":
        return math.floor(value)
    if rounding == "ceil":
        return math.ceil(value)
    if rounding == "half_up":
        return math.floor(value + Fraction(1, 2))
    if rounding == "half_even":
        return round(value)
    raise InvalidInputError(
        f"unknown rounding {rounding!r}; use one of {', '.join(get_args(Rounding))}"
    )


def quota_limit(
    headcount: int,
    percent: str | int | float | Decimal | Fraction,
    *,
    rounding: str = "floor",
    onsite_required: int = 0,
) -> int:
    """How many of ``headcount`` staff may be remote under ``percent`` % (pure arithmetic).

    ``min(round(headcount x percent / 100), headcount - onsite_required)``, exact:
    ``quota_limit(180, "35") == 63``. A float is taken by its written form
    (``35.0`` is 35), never multiplied as a binary float. Rounding is ``floor``
    (default: "paling banyak"), ``ceil``, ``half_up`` or ``half_even``.

    Raises :class:`~flexasn.errors.InvalidInputError` (a ValueError) for a percent
    outside 0-100, a negative headcount, or an on-site requirement above the headcount.
    """
    if isinstance(headcount, bool) or not isinstance(headcount, int):
        raise InvalidInputError(f"headcount must be an int, not {type(headcount).__name__}")
    if headcount < 0:
        raise InvalidInputError(f"headcount must not be negative (got {headcount})")
    if isinstance(onsite_required, bool) or not isinstance(onsite_required, int):
        raise InvalidInputError("onsite_required must be an int")
    if not 0 <= onsite_required <= headcount:
        raise InvalidInputError(
            f"onsite_required must be between 0 and the headcount {headcount} "
            f"(got {onsite_required})"
        )
    share = _round(headcount * _percent(percent) / 100, rounding)
    return min(share, headcount - onsite_required)


class Quota(Frozen):
    """An OPD's remote-work limit on one day, with the whole computation and its basis."""

    day: date
    opd: str
    instansi: str
    policy: str
    arrangement: str | None = None
    rule: str | None = None
    percent: Decimal = Field(ge=0, le=100)
    headcount: int = Field(ge=0)
    onsite_required: int = Field(ge=0)
    rounding: Rounding = "floor"
    limit: int = Field(ge=0)
    basis: Citation | None = None
    reason: str
    """Why the limit is what it is: ``rule``, ``day_off``, ``no_arrangement``,
    ``no_flexible_work``, ``out_of_scope``."""

    def formula(self) -> str:
        """The computation, for reports: ``min(floor(120 x 20%), 120 - 1) = 24``."""
        return (
            f"min({self.rounding}({self.headcount} x {self.percent}%), "
            f"{self.headcount} - {self.onsite_required}) = {self.limit}"
        )


def today_in(policy: Policy) -> date:
    """Today's date in the instansi's time zone (WIB, WITA or WIT)."""
    return datetime.now(ZoneInfo(policy.timezone)).date()


def _undefined(
    policy: Policy, arrangement: Arrangement, label: str, day: date
) -> QuotaUndefinedError:
    cited = arrangement.citation()
    if arrangement.kind is ArrangementKind.DECISION_UNKNOWN:
        return QuotaUndefinedError(
            f"{policy.id}: the decision for {day.isoformat()} is not known "
            f"(arrangement {arrangement.id!r}, {cited}); no quota can be given for {label}"
        )
    return QuotaUndefinedError(
        f"{policy.id}: {cited} leaves the proportion of remote staff to the head of agency "
        f"(arrangement {arrangement.id!r}, {day.isoformat()}); no quota for {label}"
    )


def default_onsite(arrangement: Arrangement, rule: QuotaRule, opd: Opd) -> int:
    """Staff an arrangement keeps on site in an OPD regardless of the roster.

    The rule's ``min_onsite`` plus the head of the OPD where heads stay on site.
    """
    head = 1 if arrangement.heads_onsite and opd.headcount > 0 else 0
    return min(opd.headcount, rule.min_onsite + head)


@dataclass(frozen=True, slots=True)
class QuotaTerms:
    """What an OPD's quota on a day depends on, before its headcount is known.

    Shared by every OPD of the same kind, service category and agency type on that
    day under one policy: the batch layer (:mod:`flexasn.simulate`) computes it once.
    """

    reason: str
    arrangement: Arrangement | None = None
    rule: QuotaRule | None = None
    basis: Citation | None = None


def quota_terms(
    policy: Policy,
    day: date,
    kind: str,
    service: ServiceCategory,
    agency_type: AgencyType = AgencyType.CIVIL,
    *,
    label: str = "the OPD",
) -> QuotaTerms:
    """The terms of a quota on ``day`` for an OPD of that kind, service and agency type.

    Raises :class:`~flexasn.errors.QuotaUndefinedError` where no instrument sets the
    proportion and :class:`~flexasn.errors.CoverageError` beyond the decreed calendar.
    """
    info = day_info(day)
    if agency_type is not AgencyType.CIVIL:
        return QuotaTerms("out_of_scope", basis=cite("permen-panrb-4-2025", "Pasal 38"))
    if not info.is_working_day:
        return QuotaTerms("day_off", basis=info.basis)
    arrangement = policy.arrangement_on(day)
    if arrangement is None:
        return QuotaTerms("no_arrangement")
    if arrangement.kind is ArrangementKind.NO_FLEXIBLE_WORK:
        return QuotaTerms("no_flexible_work", arrangement, basis=arrangement.citation())
    if arrangement.kind is ArrangementKind.DECISION_UNKNOWN:
        raise _undefined(policy, arrangement, label, day)
    rule = arrangement.quota_rule(kind, service, label)
    if rule is None:
        raise _undefined(policy, arrangement, label, day)
    return QuotaTerms("rule", arrangement, rule, (rule.basis or arrangement.basis).citation())


def quota_from_terms(
    terms: QuotaTerms,
    opd: Opd,
    day: date,
    policy: Policy,
    onsite_required: int | None = None,
) -> Quota:
    """Apply quota terms to one OPD's headcount (exact arithmetic, see :func:`quota_limit`)."""
    base = {"day": day, "opd": opd.code, "instansi": opd.instansi, "policy": policy.id}
    arrangement, rule = terms.arrangement, terms.rule
    if rule is None or arrangement is None:
        onsite = opd.headcount if onsite_required is None else onsite_required
        return Quota(
            **base,
            arrangement=arrangement.id if arrangement else None,
            percent=Decimal(0),
            headcount=opd.headcount,
            onsite_required=onsite,
            limit=0,
            basis=terms.basis,
            reason=terms.reason,
        )
    onsite = default_onsite(arrangement, rule, opd) if onsite_required is None else onsite_required
    limit = quota_limit(opd.headcount, rule.percent, rounding=rule.rounding, onsite_required=onsite)
    return Quota(
        **base,
        arrangement=arrangement.id,
        rule=rule.describe(),
        percent=rule.percent,
        headcount=opd.headcount,
        onsite_required=onsite,
        rounding=rule.rounding,
        limit=limit,
        basis=terms.basis,
        reason=terms.reason,
    )


def quota(
    opd: Opd,
    on: date | None = None,
    *,
    policy: Policy | str | None = None,
    onsite_required: int | None = None,
) -> Quota:
    """The OPD's remote-work quota on ``on`` (default: today in the instansi's time zone).

    The limit is 0 on a day off, where no arrangement permits flexible work, for an
    agency outside Permen PANRB 4/2025 (Pasal 38), or where the OPD is excluded.
    ``onsite_required`` overrides the arrangement's count of staff who must stay on
    site (a planner that knows the roster's duty officers passes it).

    Raises :class:`~flexasn.errors.QuotaUndefinedError` where no known instrument
    sets the proportion (the national circulars leave it to the head of agency; a
    region whose decision is unknown), and
    :class:`~flexasn.errors.CoverageError` beyond the decreed calendar.
    """
    pol = resolve_policy(policy, opd.instansi)
    day = on if on is not None else today_in(pol)
    terms = quota_terms(pol, day, opd.kind, opd.service, opd.agency_type, label=f"OPD {opd.code}")
    return quota_from_terms(terms, opd, day, pol, onsite_required)


def max_remote(opd: Opd, on: date | None = None, *, policy: Policy | str | None = None) -> int:
    """How many of the OPD's staff may be remote on ``on`` (default: today, local time).

    0 on days off, outside any arrangement, where the instansi decided on no
    flexible work, or where the OPD is excluded. Raises
    :class:`~flexasn.errors.QuotaUndefinedError` where no instrument sets the proportion.
    """
    return quota(opd, on, policy=policy).limit
