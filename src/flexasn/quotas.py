"""How many staff of an OPD may work remotely: exact quota arithmetic and the OPD's quota.

The regions' circulars say "paling banyak N % dari seluruh jumlah pegawai" (at most
N % of all the OPD's staff). The base is the OPD's whole headcount; staff who must
stay on site are not removed from the base but bound the result (LAW.md, "How the
instruments combine"):

    limit = min(round(headcount x percent / 100), headcount - onsite_required)

with ``round`` named by the rule, ``floor`` by default ("at most"). Arithmetic is
exact (`fractions.Fraction`): ``quota_limit(180, "35")`` is 63, where
``floor(180 * 0.35)`` in floating point gives 62.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from typing import Self, get_args
from zoneinfo import ZoneInfo

from pydantic import Field, model_validator

from ._model import Frozen
from .calendar import DayKind, covered_years
from .errors import (
    ArgumentTypeError,
    InvalidInputError,
    QuotaCoverageError,
    QuotaUndefinedError,
    require_date,
    require_type,
)
from .legal import Citation, cite
from .messages import Text
from .people import AgencyType, Opd, ServiceCategory
from .policy import Arrangement, ArrangementKind, Policy, QuotaRule, Rounding, resolve_policy
from .rules import DayContext, day_context


def _percent(value: object) -> Fraction:
    if isinstance(value, bool):
        raise ArgumentTypeError(Text("quota_input.percent_type", type="bool"))
    if isinstance(value, Fraction | int):
        result = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInputError(Text("quota_input.percent_finite", value=value))
        result = Fraction(Decimal(repr(value)))  # 35.0 is taken as written, never as a binary float
    elif isinstance(value, Decimal | str):
        try:
            dec: Decimal | None = Decimal(
                value.strip().rstrip("%") if isinstance(value, str) else value
            )
        except InvalidOperation:
            dec = None
        if dec is None:  # raised outside the except block: no exception chain
            raise InvalidInputError(Text("quota_input.percent_nan", value=value))
        if not dec.is_finite():
            raise InvalidInputError(Text("quota_input.percent_finite", value=value))
        result = Fraction(dec)
    else:
        raise ArgumentTypeError(Text("quota_input.percent_type", type=type(value).__name__))
    if not 0 <= result <= 100:
        raise InvalidInputError(Text("quota_input.percent_range", value=value))
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
        Text("quota_input.rounding", rounding=rounding, choices=", ".join(get_args(Rounding)))
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

    Never below 0: an OPD smaller than its on-site requirement has limit 0. Raises
    [`InvalidInputError`][flexasn.InvalidInputError] (a ValueError) for a percent outside 0-100,
    a negative headcount or a negative on-site requirement.
    """
    require_type(headcount, int, "headcount")
    if headcount < 0:
        raise InvalidInputError(Text("quota_input.negative", argument="headcount", value=headcount))
    require_type(onsite_required, int, "onsite_required")
    require_type(rounding, str, "rounding")
    if onsite_required < 0:
        raise InvalidInputError(
            Text("quota_input.negative", argument="onsite_required", value=onsite_required)
        )
    return _exact_limit(headcount, _percent(percent), rounding, onsite_required)


def _exact_limit(headcount: int, percent: Fraction, rounding: str, onsite_required: int) -> int:
    """``min(round(headcount x percent / 100), headcount - onsite_required)``, never below 0."""
    share = _round(headcount * percent / 100, rounding)
    return max(0, min(share, headcount - onsite_required))


@functools.lru_cache(maxsize=256)
def _rule_percent(percent: Decimal) -> Fraction:
    """A quota rule's percent (validated with the policy) as an exact fraction."""
    return _percent(percent)


class QuotaStatus(StrEnum):
    """Why an OPD's quota on a day has, or has no, number (``Quota.status``)."""

    SET = "set"
    """A quota rule with a percentage above 0 applies (the limit may still be 0 after the
    on-site bound or rounding)."""
    EXCLUDED = "excluded"
    """The OPD's kind or service is kept fully on site (a 0 % rule), or the agency is
    outside Permen PANRB 4/2025 (Pasal 38: TNI, Polri, missions abroad). Limit 0."""
    NO_FLEXIBLE_WORK = "no_flexible_work"
    """No arrangement covers the day, or the instansi decided on none. Limit 0."""
    NOT_WORKING_DAY = "not_working_day"
    """A weekend, national holiday or cuti bersama. Limit 0."""
    UNDEFINED = "undefined"
    """The arrangement in force permits flexible work but leaves the proportion to the head
    of agency. Limit None."""
    UNKNOWN = "unknown"
    """The instansi's decision for the day is not known (a weekly arrangement after its
    last known day included), or the day is beyond the decreed calendar. Limit None."""


class Quota(Frozen):
    """An OPD's remote-work limit on one day, with the whole computation and its basis.

    ``status`` says why there is or is no number; ``limit`` is None exactly where the law
    gives none (``undefined``, ``unknown``), and then ``percent`` and ``onsite_required``
    are None too.
    """

    day: date
    opd: str
    instansi: str
    policy: str
    status: QuotaStatus
    arrangement: str | None = None
    rule: str | None = None
    percent: Decimal | None = Field(default=None, ge=0, le=100)
    headcount: int = Field(ge=0)
    onsite_required: int | None = Field(default=None, ge=0)
    rounding: Rounding = "floor"
    limit: int | None = Field(default=None, ge=0)
    basis: Citation | None = None
    reason: str
    """A finer code than ``status``, kept for schedules and the command line: ``rule``,
    ``day_off``, ``no_arrangement``, ``no_flexible_work``, ``out_of_scope``, ``undefined``,
    ``unknown``, ``coverage``."""
    detail: str | None = None
    """Where ``limit`` is None: why, naming the instrument (the message
    [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] carries in strict mode)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        undefined = self.status in (QuotaStatus.UNDEFINED, QuotaStatus.UNKNOWN)
        if undefined != (self.limit is None):
            raise InvalidInputError(Text("quota_input.limit_none"))
        if undefined != (self.percent is None) or undefined != (self.onsite_required is None):
            raise InvalidInputError(Text("quota_input.percent_none"))
        return self

    def formula(self) -> str:
        """The computation, for reports: ``min(floor(120 x 20%), 120 - 1) = 24``; for a quota
        without a number, its status."""
        if self.limit is None or self.percent is None or self.onsite_required is None:
            return f"- ({self.status.value})"
        return (
            f"min({self.rounding}({self.headcount} x {self.percent}%), "
            f"{self.headcount} - {self.onsite_required}) = {self.limit}"
        )


def today_in(policy: Policy) -> date:
    """Today's date in the instansi's time zone (WIB, WITA or WIT)."""
    return datetime.now(ZoneInfo(policy.timezone)).date()


GENERIC_LABEL = "the OPD"
"""How quota terms shared by every OPD of a kind name the OPD in their ``detail``."""


def _detail(policy: Policy, terms: QuotaTerms, day: date, label: str) -> str:
    """Why ``terms`` give no number, naming the OPD as ``label``."""
    if terms.reason in ("coverage", "estimated_holiday"):
        return (
            f"{day.isoformat()}: whether it is an ASN working day is not decreed yet (beyond "
            f"the decreed calendar, or an estimated holiday); no quota can be given for {label}"
        )
    arrangement = terms.arrangement
    assert arrangement is not None  # undefined and unknown terms name their arrangement
    cited = arrangement.citation()
    if arrangement.kind is ArrangementKind.DECISION_UNKNOWN:
        return (
            f"{policy.id}: the decision for {day.isoformat()} is not known "
            f"(arrangement {arrangement.id!r}, {cited}); no quota can be given for {label}"
        )
    return (
        f"{policy.id}: {cited} leaves the proportion of remote staff to the head of agency "
        f"(arrangement {arrangement.id!r}, {day.isoformat()}); no quota for {label}"
    )


def default_onsite(arrangement: Arrangement, rule: QuotaRule, opd: Opd) -> int:
    """Staff an arrangement keeps on site in an OPD regardless of the roster.

    The rule's ``min_onsite`` plus the head of the OPD where heads stay on site.
    """
    head = 1 if arrangement.heads_onsite and opd.headcount > 0 else 0
    return min(opd.headcount, rule.min_onsite + head)


def rule_limit(
    arrangement: Arrangement, rule: QuotaRule, opd: Opd, onsite_required: int | None = None
) -> int:
    """The OPD's limit under a quota rule of an arrangement: [`quota_limit`][flexasn.quota_limit]
    of its headcount at the rule's percent and rounding, bounded by the staff kept on site
    ([`default_onsite`][flexasn.quotas.default_onsite] unless ``onsite_required`` is given)."""
    onsite = default_onsite(arrangement, rule, opd) if onsite_required is None else onsite_required
    if onsite < 0:  # the same check as quota_limit's; everything else is validated already
        raise InvalidInputError(
            Text("quota_input.negative", argument="onsite_required", value=onsite)
        )
    return _exact_limit(opd.headcount, _rule_percent(rule.percent), rule.rounding, onsite)


@dataclass(frozen=True, slots=True)
class QuotaTerms:
    """What an OPD's quota on a day depends on, before its headcount is known.

    Shared by every OPD of the same kind, service category and agency type on that
    day under one policy: [`quota_terms`][flexasn.quotas.quota_terms] computes it once per
    [`DayContext`][flexasn.rules.DayContext], and the quota, the planner and the simulation
    ([`flexasn.simulate`][flexasn.simulate]) read it.
    """

    status: QuotaStatus
    reason: str
    arrangement: Arrangement | None = None
    rule: QuotaRule | None = None
    basis: Citation | None = None
    detail: str | None = None
    """Why there is no number, where there is none."""

    @property
    def defined(self) -> bool:
        """True when the terms give a number (a limit, possibly 0)."""
        return self.status not in (QuotaStatus.UNDEFINED, QuotaStatus.UNKNOWN)

    def limit(self, opd: Opd, onsite_required: int | None = None) -> int | None:
        """The OPD's limit under these terms (None where they give no number, 0 where no
        rule applies): the arithmetic of [`rule_limit`][flexasn.quotas.rule_limit]."""
        if not self.defined:
            return None
        if self.rule is None or self.arrangement is None:
            return 0
        return rule_limit(self.arrangement, self.rule, opd, onsite_required)


def out_of_scope_terms() -> QuotaTerms:
    """Terms of an agency outside Permen PANRB 4/2025 (TNI, Polri, missions abroad)."""
    return QuotaTerms(
        QuotaStatus.EXCLUDED, "out_of_scope", basis=cite("permen-panrb-4-2025", "Pasal 38")
    )


def _derive_terms(
    policy: Policy, context: DayContext, day: date, kind: str, service: ServiceCategory, label: str
) -> QuotaTerms:
    """The terms of a civil agency's OPD, worked out from the day's context (``detail``
    names the OPD in general); [`quota_terms`][flexasn.quotas.quota_terms] keeps them there."""
    info, covered = context.day_info, context.covered
    # an estimated Islamic holiday in a covered year (LAW.md §4): its day kind is not certain
    uncertain = not covered or (info.estimated and info.kind is not DayKind.WEEKEND)
    if not info.is_working_day and (not uncertain or info.kind is DayKind.WEEKEND):
        return QuotaTerms(QuotaStatus.NOT_WORKING_DAY, "day_off", basis=info.basis)
    arrangement = context.arrangement
    if arrangement is not None and arrangement.kind is ArrangementKind.NO_FLEXIBLE_WORK:
        basis = arrangement.citation()
        return QuotaTerms(
            QuotaStatus.NO_FLEXIBLE_WORK, "no_flexible_work", arrangement, basis=basis
        )
    found: QuotaTerms | None = None
    if uncertain and (arrangement is not None or not covered):
        reason = "coverage" if not covered else "estimated_holiday"
        found = QuotaTerms(QuotaStatus.UNKNOWN, reason, arrangement, basis=info.basis)
    elif arrangement is None:
        return QuotaTerms(QuotaStatus.NO_FLEXIBLE_WORK, "no_arrangement")
    elif arrangement.kind is ArrangementKind.DECISION_UNKNOWN:
        found = QuotaTerms(
            QuotaStatus.UNKNOWN, "unknown", arrangement, basis=arrangement.citation()
        )
    else:
        rule = context.quota_rule(kind, service, label)
        if rule is None:
            basis = arrangement.citation()
            found = QuotaTerms(QuotaStatus.UNDEFINED, "undefined", arrangement, basis=basis)
        else:
            status = QuotaStatus.SET if rule.percent > 0 else QuotaStatus.EXCLUDED
            basis = (rule.basis or arrangement.basis).citation()
            return QuotaTerms(status, "rule", arrangement, rule, basis)
    return replace(found, detail=_detail(policy, found, day, GENERIC_LABEL))


def quota_terms(
    policy: Policy,
    day: date,
    kind: str,
    service: ServiceCategory,
    agency_type: AgencyType = AgencyType.CIVIL,
    *,
    label: str = GENERIC_LABEL,
    known_on: date | None = None,
    context: DayContext | None = None,
) -> QuotaTerms:
    """The terms of a quota on ``day`` for an OPD of that kind, service and agency type:
    which quota rule governs it that day, or why none does.

    The one place this is worked out: computed once per policy, day, ``known_on`` and OPD
    kind, service and agency type (kept in the day's
    [`DayContext`][flexasn.rules.DayContext]; a caller holding it already passes it as
    ``context``) and read by [`quota`][flexasn.quota], the rotation planner and the
    simulation. ``label`` names the OPD in ``detail`` and in a
    [`PolicyConflictError`][flexasn.PolicyConflictError].

    Never raises for a legal answer: where no instrument sets the proportion, or the day
    is beyond the decreed calendar, the terms say so (``status`` undefined or unknown).
    """
    if agency_type is not AgencyType.CIVIL:  # whatever the day holds, even a conflict
        return out_of_scope_terms()
    if context is None:
        context = day_context(policy, day, known_on)
    key = (kind, service, agency_type)
    kept = context.terms.get(key)
    if isinstance(kept, QuotaTerms):
        terms = kept
    else:  # a conflict raises every time, naming this OPD
        terms = _derive_terms(policy, context, day, kind, service, label)
        context.terms[key] = terms  # bounded: kinds x services x agency types
    if terms.detail is not None and label != GENERIC_LABEL:
        return replace(terms, detail=_detail(policy, terms, day, label))
    return terms


def quota_from_terms(
    terms: QuotaTerms,
    opd: Opd,
    day: date,
    policy: Policy,
    onsite_required: int | None = None,
) -> Quota:
    """Apply quota terms to one OPD's headcount (exact arithmetic, see
    [`quota_limit`][flexasn.quota_limit])."""
    base = {
        "day": day,
        "opd": opd.code,
        "instansi": opd.instansi,
        "policy": policy.id,
        "status": terms.status,
        "headcount": opd.headcount,
        "basis": terms.basis,
        "reason": terms.reason,
        "arrangement": terms.arrangement.id if terms.arrangement else None,
    }
    rule, limit = terms.rule, terms.limit(opd, onsite_required)
    if limit is None:
        return Quota(**base, detail=terms.detail)
    if rule is None or terms.arrangement is None:
        onsite = opd.headcount if onsite_required is None else onsite_required
        return Quota(**base, percent=Decimal(0), onsite_required=onsite, limit=0)
    if onsite_required is None:
        onsite_required = default_onsite(terms.arrangement, rule, opd)
    return Quota(
        **base,
        rule=rule.describe(),
        percent=rule.percent,
        onsite_required=onsite_required,
        rounding=rule.rounding,
        limit=limit,
    )


def raise_undefined(q: Quota, covered: tuple[int, ...]) -> None:
    """Raise the error strict callers get for a quota without a number."""
    if q.limit is not None:
        return
    if q.reason == "coverage":
        raise QuotaCoverageError(q.day, covered)
    raise QuotaUndefinedError(
        q.detail or Text("quota_input.undefined", opd=q.opd, day=q.day.isoformat())
    )


def quota(
    opd: Opd,
    on: date | None = None,
    *,
    policy: Policy | str | None = None,
    onsite_required: int | None = None,
    strict: bool = True,
    known_on: date | None = None,
) -> Quota:
    """The OPD's remote-work quota on ``on`` (default: today in the instansi's time zone).

    ``Quota.status`` says why there is or is no number: ``set`` (a rule's percentage
    above 0), ``excluded`` (a 0 % rule, or an agency outside Permen PANRB 4/2025 Pasal 38),
    ``no_flexible_work``, ``not_working_day`` (limit 0 for all of these), ``undefined``
    (the arrangement leaves the proportion to the head of agency) and ``unknown`` (the
    decision is not known, or the day is beyond the decreed calendar): ``limit`` is None
    for the last two. ``onsite_required`` overrides the arrangement's count of staff who
    must stay on site (a planner that knows the roster's duty officers passes it).
    ``known_on`` answers with only the instruments public by that day.

    With ``strict=True`` (default) a quota without a number raises
    [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] naming the instrument (beyond the decreed
    calendar [`QuotaCoverageError`][flexasn.QuotaCoverageError], also a ``CoverageError``); with
    ``strict=False`` it never raises for a legal answer.
    """
    require_type(opd, Opd, "opd")
    require_date(on, "on", optional=True)
    require_date(known_on, "known_on", optional=True)
    require_type(onsite_required, int, "onsite_required", optional=True)
    require_type(strict, bool, "strict")
    pol = resolve_policy(policy, opd.instansi)
    day = on if on is not None else today_in(pol)
    terms = quota_terms(
        pol,
        day,
        opd.kind,
        opd.service,
        opd.agency_type,
        label=f"OPD {opd.code}",
        known_on=known_on,
    )
    q = quota_from_terms(terms, opd, day, pol, onsite_required)
    if strict:
        raise_undefined(q, covered_years(known_on=known_on))
    return q


def max_remote(
    opd: Opd,
    on: date | None = None,
    *,
    policy: Policy | str | None = None,
    known_on: date | None = None,
) -> int:
    """How many of the OPD's staff may be remote on ``on`` (default: today, local time).

    0 on days off, outside any arrangement, where the instansi decided on no flexible
    work, or where the OPD is excluded. Raises [`QuotaUndefinedError`][flexasn.QuotaUndefinedError]
    exactly where [`quota`][flexasn.quota] gives no number (``Quota.limit`` is None).
    """
    q = quota(opd, on, policy=policy, known_on=known_on)
    assert q.limit is not None  # strict quota() raised otherwise
    return q.limit


__all__ = [
    "GENERIC_LABEL",
    "Quota",
    "QuotaStatus",
    "QuotaTerms",
    "default_onsite",
    "max_remote",
    "out_of_scope_terms",
    "quota",
    "quota_from_terms",
    "quota_limit",
    "quota_terms",
    "raise_undefined",
    "rule_limit",
    "today_in",
]
