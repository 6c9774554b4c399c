"""May this employee work away from the office on this date? Decisions that explain themselves.

[`eligible_for_wfa`][flexasn.eligible_for_wfa] answers the regulations' "fleksibel secara lokasi"
(WFH or
WFA, whichever the arrangement allows; the decision says which). It evaluates every
check, in a fixed order, even after one fails, so that a decision explains itself
fully:

1. ``data_coverage``: the calendar for the date is decreed (Perpres 21/2023 Pasal 6)
2. ``agency_scope``: not TNI, Polri or a mission abroad (Permen PANRB 4/2025 Pasal 38)
3. ``working_day``: an ASN working day (Perpres 21/2023 Pasal 3)
4. ``flexible_period``: an arrangement of the instansi permits flexible work that day
5. ``opd_allowed``: the arrangement gives the OPD a quota above 0
6. ``role_onsite``: not a head of OPD kept on site, not a duty officer on a duty day
7. ``frontline``: not front-line staff (unless the arrangement allows it)
8. ``discipline``: no disciplinary penalty (Permen PANRB 4/2025 Pasal 25, from 21 April 2025)
9. ``new_employee``: not new in post (Pasal 25, from 21 April 2025)
10. ``weekly_limit``: only under a standing arrangement (Pasal 13 ayat (1), with its exceptions)

Outcome: denied if any check failed; undetermined if none failed and one is unknown;
allowed otherwise.

The [`Decision`][flexasn.Decision] JSON (``decision.model_dump_json()``) is a stable, documented
format for audit logs (``schema_version`` 1). It carries the employee's NIP masked to
its last four digits only; callers key their logs with their own identifiers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, cast

from pydantic import computed_field, model_validator

from ._model import Frozen
from .errors import InvalidInputError, require_date, require_type
from .legal import data_as_of
from .messages import Language, Text, render, require_language
from .people import Employee, Opd, Profile, WorkMode, mask_nip, profile_of
from .policy import (
    Arrangement,
    Policy,
    resolve_policy,
)
from .quotas import today_in
from .reasons import Check, Outcome, Reason, outcome_of
from .rules import DayContext, Situation, day_context
from .rules.arrangement import flexible_period, frontline, opd_allowed, role_onsite
from .rules.permen_panrb_4_2025 import (
    agency_scope,
    applies_weekly_limit,
    discipline,
    new_employee,
    weekly_limit,
)
from .rules.perpres_21_2023 import data_coverage, working_day

DECISION_SCHEMA_VERSION: Literal[1] = 1

RULES: tuple[Callable[[Situation], Reason], ...] = (
    data_coverage,
    agency_scope,
    working_day,
    flexible_period,
    opd_allowed,
    role_onsite,
    frontline,
    discipline,
    new_employee,
)
"""The checks of every decision, in their documented order."""

DAY_RULES: frozenset[Callable[[Situation], Reason]] = frozenset(
    {data_coverage, working_day, flexible_period}
)
"""Rules that read only what the policy, the day and ``known_on`` fix: their reason is made
once per [`DayContext`][flexasn.rules.DayContext]."""
OPD_RULES: frozenset[Callable[[Situation], Reason]] = frozenset({agency_scope, opd_allowed})
"""Rules that read those and the OPD only: their reason is made once per context and OPD."""
PROFILE_RULES: frozenset[Callable[[Situation], Reason]] = frozenset(
    {role_onsite, frontline, discipline, new_employee}
)
"""Rules that read the context, the employee's [`Profile`][flexasn.people.Profile] and whether
the day is a duty day, never the OPD: their reason is made once per context, profile and
duty."""


def failed_checks(reasons: tuple[Reason, ...]) -> tuple[Check, ...]:
    """The codes of the checks that failed, in order."""
    return tuple(r.check for r in reasons if r.passed is False)


def unknown_checks(reasons: tuple[Reason, ...]) -> tuple[Check, ...]:
    """The codes of the checks whose answer is not known, in order."""
    return tuple(r.check for r in reasons if r.passed is None)


def reason_of(reasons: tuple[Reason, ...], check: Check | str) -> Reason:
    """The reason of one check; KeyError when that check was not made."""
    for r in reasons:
        if r.check == check:
            return r
    raise KeyError(str(check))


class Decision(Frozen):
    """The answer to "may this employee work remotely on this day?", with every reason."""

    schema_version: Literal[1] = DECISION_SCHEMA_VERSION
    employee: str
    """The employee's NIP masked to its last four digits."""
    opd: str
    instansi: str
    policy: str
    day: date
    outcome: Outcome
    modes: tuple[WorkMode, ...] = ()
    """The remote modes the arrangement in force allows (empty when none permits any)."""
    arrangement: str | None = None
    reasons: tuple[Reason, ...]
    data_as_of: date
    """The day the bundled law is known as of ([`flexasn.data_as_of`][flexasn.data_as_of])."""
    known_on: date | None = None
    """The ``known_on`` the decision was asked with: only instruments public by then."""

    @property
    def law_as_of(self) -> date:
        """The day whose knowledge of the law the answer uses: ``known_on``, else
        ``data_as_of``."""
        return self.known_on if self.known_on is not None else self.data_as_of

    @property
    def later_than_known(self) -> bool:
        """True when the day decided is after the day the law is known as of: the answer
        uses the instruments known then, and later ones may change it."""
        return self.day > self.law_as_of

    @model_validator(mode="before")
    @classmethod
    def _read_allowed(cls, data: Any) -> Any:
        """Accept the JSON this model writes: ``allowed`` is derived, so it must agree."""
        if isinstance(data, dict) and "allowed" in data:
            data = dict(data)
            allowed = data.pop("allowed")
            if allowed != (data.get("outcome") == Outcome.ALLOWED.value):
                raise InvalidInputError(Text("data.allowed_outcome"))
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def allowed(self) -> bool:
        """True exactly when the outcome is ``allowed``."""
        return self.outcome is Outcome.ALLOWED

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def failed(self) -> tuple[Check, ...]:
        """The codes of the checks that failed, in order."""
        return failed_checks(self.reasons)

    @property
    def unknown(self) -> tuple[Check, ...]:
        """The codes of the checks whose answer is not known, in order."""
        return unknown_checks(self.reasons)

    def reason(self, check: Check | str) -> Reason:
        """The reason of one check; KeyError when that check was not made."""
        return reason_of(self.reasons, check)

    def explain(self, lang: Language = "id") -> str:
        """A plain-text explanation, one line per check, in Indonesian or English: each
        check named in words with its code in brackets (``✓ hari kerja (working_day): ...``)."""
        marks = {True: "✓", False: "✗", None: "?"}
        head = render(f"decision.{self.outcome.value}", require_language(lang))
        modes = f" ({', '.join(m.value.upper() for m in self.modes)})" if self.allowed else ""
        lines = [f"{self.day.isoformat()} {self.opd} {self.employee}: {head}{modes}"]
        for r in self.reasons:
            text, cited = r.message(lang), r.basis.text(lang) if r.basis else ""
            basis = f"  [{cited}]" if cited and cited not in text else ""  # cited once
            lines.append(f"  {marks[r.passed]} {r.check.named(lang)}: {text}{basis}")
        if self.later_than_known:
            lines.append("  " + render("decision.later_than_known", lang, as_of=self.law_as_of))
        return "\n".join(lines)


def situation(
    employee: Employee,
    opd: Opd,
    on: date,
    policy: Policy,
    *,
    remote_days_this_week: int | None = None,
    known_on: date | None = None,
) -> Situation:
    """Gather the facts the rules look at (the arrangement in force, the day's kind)."""
    if employee.opd != opd.code:
        raise InvalidInputError(
            Text(
                "argument.other_opd",
                employee=mask_nip(employee.nip),
                opd=employee.opd,
                other=opd.code,
            )
        )
    return profile_situation(
        profile_of(employee),
        on in employee.duty_days,
        opd,
        on,
        policy,
        remote_days_this_week=remote_days_this_week,
        known_on=known_on,
        employee=employee,
    )


def profile_situation(
    profile: Profile,
    on_duty: bool,
    opd: Opd,
    on: date,
    policy: Policy,
    *,
    remote_days_this_week: int | None = None,
    known_on: date | None = None,
    employee: Employee | None = None,
) -> Situation:
    """The situation of any employee with ``profile`` (on a duty day or not) in ``opd``:
    what the rules read, without a person."""
    if remote_days_this_week is not None and not 0 <= remote_days_this_week <= 7:
        raise InvalidInputError(Text("argument.remote_days"))
    context = day_context(policy, on, known_on)
    return Situation(
        profile=profile,
        on_duty=on_duty,
        opd=opd,
        day=on,
        policy=policy,
        day_info=context.day_info,
        covered=context.covered,
        arrangement=context.arrangement,
        quota_rule=context.quota_rule(opd.kind, opd.service, f"OPD {opd.code}"),
        remote_days_this_week=remote_days_this_week,
        in_force=context.in_force,
        known_on=known_on,
        shared=context.shared,
        employee=employee,
    )


_SHARED_KEPT = 4096
"""At most this many answers are kept per day context; the table starts afresh when full."""


def _keep(shared: dict[object, object], key: object, value: object) -> None:
    if len(shared) >= _SHARED_KEPT:
        shared.clear()
    shared[key] = value


def _reason(rule: Callable[[Situation], Reason], s: Situation) -> Reason:
    """``rule(s)``, or the reason it gave for the same policy, day, ``known_on`` (and OPD, or
    profile and duty)."""
    if s.shared is None:
        return rule(s)
    if rule in DAY_RULES:
        found = s.shared.get(rule)
        if found is None:
            found = rule(s)
            _keep(s.shared, rule, found)
        assert isinstance(found, Reason)
        return found
    if rule in PROFILE_RULES:
        key = (rule, s.profile, s.on_duty)
        found = s.shared.get(key)
        if found is None:
            found = rule(s)
            _keep(s.shared, key, found)
        assert isinstance(found, Reason)
        return found
    if rule not in OPD_RULES:
        return rule(s)
    # per OPD object: the entry holds the OPD, so its id() is not reused while kept; an
    # equal OPD of its own is answered afresh
    kept = s.shared.get((rule, id(s.opd)))
    if isinstance(kept, tuple) and kept[0] is s.opd:
        return cast(Reason, kept[1])
    made = rule(s)
    _keep(s.shared, (rule, id(s.opd)), (s.opd, made))
    return made


def _reasons(s: Situation) -> tuple[Reason, ...]:
    """The reasons of every rule, in their order, the weekly limit last where it applies."""
    reasons = [_reason(rule, s) for rule in RULES]
    if applies_weekly_limit(s):
        reasons.append(weekly_limit(s))
    return tuple(reasons)


def decide(s: Situation) -> Decision:
    """Run every rule on a prepared `Situation` of an employee (``s.employee`` set: the
    decision names them by their masked NIP)."""
    if s.employee is None:
        raise InvalidInputError(Text("rotation.no_employee"))
    a = s.arrangement
    found = _reasons(s)
    return _validated_decision(
        {
            "schema_version": DECISION_SCHEMA_VERSION,
            "employee": mask_nip(s.employee.nip),
            "opd": s.opd.code,
            "instansi": s.opd.instansi,
            "policy": s.policy.id,
            "day": s.day,
            "outcome": outcome_of(found),
            "modes": a.modes if a is not None else (),
            "arrangement": a.id if a is not None else None,
            "reasons": found,
            "data_as_of": data_as_of(),
            "known_on": s.known_on,
        }
    )


def _validated_decision(fields: dict[str, Any]) -> Decision:
    """A [`Decision`][flexasn.Decision] of values already validated, every field given in its order.

    Every value comes from a validated model (the employee, the OPD, the policy, the
    rules' reasons), so validating them again would only repeat the work; this is what
    pydantic's ``model_construct`` does without looking up defaults and aliases.
    ``tests/test_caches.py`` checks the result equals the validated model, field for
    field, in its JSON and its ``repr``.
    """
    made = Decision.__new__(Decision)
    object.__setattr__(made, "__dict__", fields)
    object.__setattr__(made, "__pydantic_fields_set__", set(_DECISION_SET))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


_DECISION_SET = frozenset(Decision.model_fields) - {"schema_version"}
"""The fields a decision is made with (as ``Decision(...)`` would record them)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer of the rules for a profile rather than a person: a
    [`Decision`][flexasn.Decision] without the employee (the same outcome and reasons)."""

    outcome: Outcome
    reasons: tuple[Reason, ...]
    arrangement: Arrangement | None

    @property
    def allowed(self) -> bool:
        """True exactly when the outcome is ``allowed``."""
        return self.outcome is Outcome.ALLOWED

    @property
    def failed(self) -> tuple[Check, ...]:
        """The codes of the checks that failed, in order."""
        return failed_checks(self.reasons)

    @property
    def unknown(self) -> tuple[Check, ...]:
        """The codes of the checks whose answer is not known, in order."""
        return unknown_checks(self.reasons)

    @property
    def held(self) -> tuple[Check, ...]:
        """The checks that failed, then those unknown: why it is not allowed."""
        return self.failed + self.unknown

    def reason(self, check: Check | str) -> Reason:
        """The reason of one check; KeyError when that check was not made."""
        return reason_of(self.reasons, check)


def verdict(s: Situation) -> Verdict:
    """Run every rule on a prepared `Situation`, of a person or of a profile alone."""
    found = _reasons(s)
    return Verdict(outcome_of(found), found, s.arrangement)


class Decisions:
    """The one decision cache: [`Verdict`][flexasn.decide.Verdict]s kept by what the rules
    read, the policy, the day, the OPD, the employee's [`Profile`][flexasn.people.Profile]
    and whether the day is one of their duty days (the weekly limit not counted: the
    caller counts). It holds no NIP. The rotation planner, the schedule checker and the
    simulation each keep one for a run."""

    def __init__(self) -> None:
        self._kept: dict[tuple[int, date, int, Profile, bool], tuple[Policy, Opd, Verdict]] = {}

    def verdict(
        self, policy: Policy, opd: Opd, day: date, profile: Profile, on_duty: bool
    ) -> Verdict:
        """The verdict for any employee of ``opd`` with ``profile`` on ``day``."""
        # the entry holds the policy and the OPD, so their id() is not reused while kept
        key = (id(policy), day, id(opd), profile, on_duty)
        kept = self._kept.get(key)
        if kept is not None and kept[0] is policy and kept[1] is opd:
            return kept[2]
        found = verdict(profile_situation(profile, on_duty, opd, day, policy))
        self._kept[key] = (policy, opd, found)
        return found

    def of(
        self, policy: Policy, opd: Opd, e: Employee, day: date, profile: Profile | None = None
    ) -> Verdict:
        """The verdict for employee ``e`` (``profile`` is ``profile_of(e)``, given when known)."""
        return self.verdict(policy, opd, day, profile or profile_of(e), day in e.duty_days)


def eligible_for_wfa(
    employee: Employee,
    opd: Opd,
    on: date | None = None,
    *,
    policy: Policy | str | None = None,
    remote_days_this_week: int | None = None,
    known_on: date | None = None,
) -> Decision:
    """May ``employee`` of ``opd`` work away from the office (WFH or WFA) on ``on``?

    The default for every ASN on a working day is WFO (Perpres 21/2023); an
    arrangement of the instansi in force that day may permit flexible work, for the
    OPDs and people it names. The policy is ``opd.instansi``'s bundled policy unless
    ``policy`` (a [`Policy`][flexasn.Policy] or a bundled id) is given; ``on``
    defaults to today in the instansi's time zone. ``remote_days_this_week`` (remote
    days already taken that Monday-Sunday week) lets a standing arrangement's weekly
    limit (Permen PANRB 4/2025 Pasal 13) be checked; a weekly WFH day counts toward it
    where a standing arrangement also applies. ``known_on`` answers as flexasn would have
    with only the instruments public by that day (the calendar's amendments included).

    Every policy but ``nasional`` inherits the national layer: a national window or the
    weekly national arrangement that the instansi's own data does not decide answers as
    the national instrument does. An answer about a day after ``known_on`` (or
    [`flexasn.data_as_of`][flexasn.data_as_of]) uses the instruments known then and says so
    (``Decision.later_than_known``); a day beyond the decreed calendar years is
    ``undetermined`` (its day kind is not decreed).

    Never raises for a legal answer: an unknown law gives ``Outcome.UNDETERMINED``.
    Raises [`InvalidInputError`][flexasn.InvalidInputError] for an argument of the wrong type
    or when the employee's ``opd`` is not ``opd.code``,
    [`UnknownPolicyError`][flexasn.UnknownPolicyError] for an unknown policy.
    """
    require_type(employee, Employee, "employee")
    require_type(opd, Opd, "opd")
    require_date(on, "on", optional=True)
    require_date(known_on, "known_on", optional=True)
    require_type(remote_days_this_week, int, "remote_days_this_week", optional=True)
    pol = resolve_policy(policy, opd.instansi)
    day = on if on is not None else today_in(pol)
    return decide(
        situation(
            employee,
            opd,
            day,
            pol,
            remote_days_this_week=remote_days_this_week,
            known_on=known_on,
        )
    )


__all__ = [
    "DAY_RULES",
    "DECISION_SCHEMA_VERSION",
    "OPD_RULES",
    "PROFILE_RULES",
    "RULES",
    "DayContext",
    "Decision",
    "Decisions",
    "Verdict",
    "day_context",
    "decide",
    "eligible_for_wfa",
    "failed_checks",
    "profile_situation",
    "reason_of",
    "situation",
    "unknown_checks",
    "verdict",
]
