"""How many staff of an OPD may work remotely on a day: the OPD's quota and its terms.

Which quota rule governs an OPD on a day (or why none does: a day off, no arrangement,
a proportion left to the head of agency, a decision not known) and the limit it gives,
with its basis. The arithmetic itself, ``min(round(headcount x percent / 100),
headcount - onsite_required)`` done exactly, is
[`flexasn.quota_arithmetic`][flexasn.quota_arithmetic] (``quota_limit`` is re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Self
from zoneinfo import ZoneInfo

from pydantic import Field, computed_field, model_validator

from ._model import Frozen
from .calendar import DayKind, covered_years
from .errors import (
    InvalidInputError,
    QuotaCoverageError,
    QuotaUndefinedError,
    require_date,
    require_type,
)
from .legal import Citation, cite
from .messages import LANGUAGES, Language, Text, require_language
from .people import AgencyType, Opd, ServiceCategory
from .policy import Arrangement, ArrangementKind, Policy, QuotaRule, Rounding, resolve_policy
from .quota_arithmetic import exact_limit, quota_limit, require_not_negative, rule_percent
from .rules import DayContext, day_context


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
    """The quota rule's description: its ``label`` (the policy's own words, Indonesian),
    else a generic one ([`QuotaRule.describe`][flexasn.QuotaRule.describe])."""
    rule_en: str | None = None
    """The same in English: the rule's ``label_en`` (flexasn's translation) where the policy
    gives one, else as ``rule``; None where ``rule`` is None.
    [`rule_in`][flexasn.Quota.rule_in] reads the one of a language."""
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
    """Where ``limit`` is None: why, naming the instrument, in English (the message
    [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] carries in strict mode);
    [`message`][flexasn.Quota.message] gives it in Indonesian or English."""

    @model_validator(mode="before")
    @classmethod
    def _read_messages(cls, data: Any) -> Any:
        """Accept the JSON this model writes: ``messages`` is derived from the other
        fields (said again from them when read back), never an input of its own."""
        if isinstance(data, dict) and "messages" in data:
            data = {k: v for k, v in data.items() if k != "messages"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        undefined = self.status in (QuotaStatus.UNDEFINED, QuotaStatus.UNKNOWN)
        if undefined != (self.limit is None):
            raise InvalidInputError(Text("quota_input.limit_none"))
        if undefined != (self.percent is None) or undefined != (self.onsite_required is None):
            raise InvalidInputError(Text("quota_input.percent_none"))
        return self

    def _why(self) -> Text | str | None:
        """Why there is no number, as the error of a strict call says it: None where
        ``limit`` is set; the catalogue's words where ``detail`` is the library's own (they
        are rendered from this quota's fields), else the caller's ``detail`` as written,
        else the catalogue's general words naming the OPD and the day."""
        if self.limit is not None:
            return None
        if self.detail is None:
            return Text("quota_input.undefined", opd=self.opd, day=self.day.isoformat())
        if self.reason in ("coverage", "estimated_holiday") or (
            self.reason in ("unknown", "undefined")
            and self.arrangement is not None
            and self.basis is not None
        ):
            label = f"OPD {self.opd}"
            text = _why_no_number(
                self.reason, self.policy, self.day, self.arrangement, self.basis, label
            )
            if text.render("en") == self.detail:
                return text
        return self.detail

    def rule_in(self, lang: Language = "id") -> str | None:
        """The quota rule's description in Indonesian (``"id"``, default: ``rule``) or
        English (``"en"``: ``rule_en``, else ``rule``); None where no rule applies."""
        if require_language(lang) == "en" and self.rule_en:
            return self.rule_en
        return self.rule

    def message(self, lang: Language = "id") -> str | None:
        """Where ``limit`` is None, why, in Indonesian (``"id"``, default) or English
        (``"en"``); None where there is a number. A ``detail`` written by the caller is
        given as written."""
        require_language(lang)
        why = self._why()
        return why.render(lang) if isinstance(why, Text) else why

    @computed_field  # type: ignore[prop-decorator]
    @property
    def messages(self) -> dict[str, str] | None:
        """Where ``limit`` is None, why, in every language (``{"id": ..., "en": ...}``, as a
        decision's reasons give theirs in JSON); None where there is a number."""
        why = self._why()  # worked out once for both languages
        if why is None:
            return None
        return {lang: why.render(lang) if isinstance(why, Text) else why for lang in LANGUAGES}

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


def _why_no_number(
    reason: str,
    policy_id: str,
    day: date,
    arrangement: str | None,
    basis: Citation | None,
    label: str,
) -> Text:
    """Why quota terms give no number (``reason`` ``coverage``, ``estimated_holiday``,
    ``unknown`` or ``undefined``), naming the OPD as ``label``: the catalogue's words
    (``quota.why_*``), rendered in a language when read."""
    if reason in ("coverage", "estimated_holiday"):
        return Text("quota.why_not_decreed", day=day.isoformat(), opd=label)
    assert arrangement is not None and basis is not None  # undefined and unknown terms cite theirs
    key = "quota.why_unknown" if reason == "unknown" else "quota.why_undefined"
    return Text(
        key,
        policy=policy_id,
        day=day.isoformat(),
        arrangement=arrangement,
        basis=basis.texts(),
        opd=label,
    )


def _detail(policy: Policy, terms: QuotaTerms, day: date, label: str) -> str:
    """Why ``terms`` give no number, naming the OPD as ``label``, in English (the words of
    `_why_no_number`)."""
    arrangement = terms.arrangement.id if terms.arrangement is not None else None
    return _why_no_number(terms.reason, policy.id, day, arrangement, terms.basis, label).render(
        "en"
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
    require_not_negative(onsite, "onsite_required")  # as quota_limit does; the rest is validated
    return exact_limit(opd.headcount, rule_percent(rule.percent), rule.rounding, onsite)


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
        return Quota(**base, detail=_detail(policy, terms, day, f"OPD {opd.code}"))
    if rule is None or terms.arrangement is None:
        onsite = opd.headcount if onsite_required is None else onsite_required
        return Quota(**base, percent=Decimal(0), onsite_required=onsite, limit=0)
    if onsite_required is None:
        onsite_required = default_onsite(terms.arrangement, rule, opd)
    return Quota(
        **base,
        rule=rule.describe("id"),
        rule_en=rule.describe("en"),
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
    why = q._why()
    assert why is not None  # the limit is None
    raise QuotaUndefinedError(why)


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
    if onsite_required is not None:  # refused on any day, not only where a rule reads it
        require_not_negative(onsite_required, "onsite_required")
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
