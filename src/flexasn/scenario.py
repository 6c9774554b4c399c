"""Scenarios: a bundled policy with a few overrides, for "what if" questions in notebooks.

A [`Scenario`][flexasn.Scenario] names a base policy and says what to change:

- ``percent``: a new percentage for a service category (``"esensial"``), an OPD kind
  (``"dinkes"``) or ``"default"``; it replaces whatever rule the base gave them;
- ``exclude_kinds``: OPD kinds kept fully in the office (0 %);
- ``extra_days``: more days with the same rules as the target arrangement;
- ``heads_onsite``: keep (or release) heads of OPD in the office.

Overrides apply to the arrangement named by ``arrangement``, or to every arrangement
that permits flexible work. The result is validated exactly like a policy file
([`flexasn.policy.parse_policy`][flexasn.policy.parse_policy]), is immutable, and
[`Scenario.diff`][flexasn.scenario.Scenario.diff] says in
plain lines what changed: only changes that change some OPD's limit or some employee's
answer are listed.

An override is a rule at its own rank (kind 3, service category 2, default 1): it never
outranks a more specific rule of the base policy. Where such a rule shadows it, in part
or wholly (``percent={"default": 30}`` under a policy whose service rules set the percent
for every OPD), the scenario is built and a
[`ShadowedOverrideWarning`][flexasn.ShadowedOverrideWarning] (a
[`FlexasnWarning`][flexasn.FlexasnWarning])
names the rules that win and the OPDs they win for. A warning, not an error, so that a
notebook exploring scenarios keeps running; ``warnings.simplefilter("error",
fx.ShadowedOverrideWarning)`` makes it one. To change those OPDs too, override the
winning rule's key (``percent={"esensial": 30, "langsung": 30, "tidak_langsung": 30}``).

Build one from keyword arguments or a plain dict::

    s = Scenario(name="banten-style", base="kab-malang", percent={"tidak_langsung": "50"})
    s = Scenario.model_validate({"name": "...", "base": "kab-malang", ...})
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, StrictBool, field_validator

from ._model import DateSpan, Frozen
from .errors import PolicyDataError, ShadowedOverrideWarning
from .messages import Text
from .people import ServiceCategory, canonical_kind, opd_kinds
from .policy import Arrangement, Policy, QuotaRule, get_policy, parse_policy

_SERVICES = {s.value for s in ServiceCategory}


class Scenario(Frozen):
    """A named set of overrides on a base policy (validated, immutable)."""

    name: str = Field(min_length=1)
    base: str = Field(min_length=1, description="Id of a bundled policy")
    arrangement: str | None = None
    """The arrangement to change; default: every arrangement that permits flexible work."""
    percent: dict[str, Annotated[Decimal, Field(ge=0, le=100)]] = Field(default_factory=dict)
    exclude_kinds: tuple[str, ...] = ()
    extra_days: tuple[DateSpan, ...] = ()
    heads_onsite: StrictBool | None = None
    description: str | None = None
    _policy: Policy = PrivateAttr()

    @field_validator("percent", mode="before")
    @classmethod
    def _keys(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, pct in value.items():
            name = str(getattr(key, "value", key))
            if name not in _SERVICES and name != "default":
                name = canonical_kind(name)
            out[name] = Decimal(repr(pct)) if isinstance(pct, float) else pct
        return out

    @field_validator("exclude_kinds", mode="before")
    @classmethod
    def _kinds(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(canonical_kind(v) for v in value)
        return value

    @field_validator("extra_days", mode="before")
    @classmethod
    def _spans(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(
                {"first_day": v, "last_day": v} if isinstance(v, date | str) else v for v in value
            )
        return value

    @property
    def id(self) -> str:
        """The scenario's name, used as the policy id in results."""
        return self.name

    def base_policy(self) -> Policy:
        """The bundled policy the scenario starts from."""
        return get_policy(self.base)

    def model_post_init(self, context: Any, /) -> None:
        """Build and validate the resulting policy now: a bad scenario fails on creation."""
        self._policy = _build(self)

    def policy(self) -> Policy:
        """The policy with the overrides applied, validated like a policy file."""
        return self._policy

    def diff(self) -> tuple[str, ...]:
        """Plain lines saying what the scenario changes against its base policy."""
        return policy_diff(self.base_policy(), self.policy())


def _targets(scenario: Scenario, policy: Policy) -> list[int]:
    if scenario.arrangement is not None:
        found = [i for i, a in enumerate(policy.arrangement) if a.id == scenario.arrangement]
        if not found:
            raise PolicyDataError(
                Text(
                    "scenario.no_arrangement",
                    scenario=scenario.name,
                    policy=policy.id,
                    arrangement=scenario.arrangement,
                    known=[a.id for a in policy.arrangement],
                ),
                field="arrangement",
            )
        return found
    found = [i for i, a in enumerate(policy.arrangement) if a.permits_flexible_work]
    if not found and (scenario.percent or scenario.exclude_kinds or scenario.extra_days):
        raise PolicyDataError(
            Text("scenario.none_permits", scenario=scenario.name, policy=policy.id),
            field="arrangement",
        )
    return found


_SCENARIO_LABEL = "scenario: "


def _is_scenario_rule(rule: QuotaRule) -> bool:
    return (rule.label or "").startswith(_SCENARIO_LABEL)


def _override_rules(rules: list[dict[str, Any]], key: str, pct: Decimal) -> list[dict[str, Any]]:
    """Replace whatever rule covered ``key`` (a service, a kind or 'default') by ``pct``."""
    out: list[dict[str, Any]] = []
    field = "services" if key in _SERVICES else "kinds" if key in opd_kinds() else "default"
    for rule in rules:
        if field == "default":
            if rule.get("default"):
                continue
        else:
            values = [v for v in rule.get(field, ()) if str(v) != key]
            if len(values) != len(rule.get(field, ())):
                if not values:
                    continue
                rule = {**rule, field: values}
        out.append(rule)
    new: dict[str, Any] = {"percent": pct, "label": f"{_SCENARIO_LABEL}{key} {pct}%"}
    if field == "default":
        new["default"] = True
    else:
        new[field] = [key]
    out.append(new)
    return out


def _build(scenario: Scenario) -> Policy:
    base = scenario.base_policy()
    raw = base.model_dump(mode="python", exclude_none=True)
    raw["id"] = _slug(scenario.name)
    raw["name"] = f"{base.name} [{scenario.name}]"
    arrangements: list[dict[str, Any]] = list(raw.get("arrangement", ()))
    raw["arrangement"] = arrangements
    for index in _targets(scenario, base):
        a = arrangements[index]
        rules: list[dict[str, Any]] = list(a.get("quota", []))
        for key, pct in scenario.percent.items():
            rules = _override_rules(rules, key, pct)
        for kind in scenario.exclude_kinds:
            rules = _override_rules(rules, kind, Decimal(0))
        a["quota"] = rules
        if scenario.heads_onsite is not None:
            a["heads_onsite"] = scenario.heads_onsite
    if scenario.extra_days:
        template = arrangements[_targets(scenario, base)[0]]
        extra = {
            **template,
            "id": f"{template['id']}-scenario-extra",
            "days": [s.model_dump() for s in scenario.extra_days],
            "notes": f"extra days of scenario {scenario.name!r}",
        }
        arrangements.append(extra)
    policy = parse_policy(raw, f"scenario {scenario.name!r}")
    for index in _targets(scenario, base):
        _warn_shadowed(scenario, policy.arrangement[index])
    return policy


_HERE = str(Path(__file__).resolve().parent)


def _user_level() -> int:
    """The ``stacklevel`` of the first frame outside flexasn and pydantic: the user's line
    that built the scenario (``Scenario(...)`` or ``Scenario.model_validate(...)``)."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and (
        frame.f_code.co_filename.startswith(_HERE) or "pydantic" in frame.f_code.co_filename
    ):
        frame, level = frame.f_back, level + 1
    return level


def _warn_shadowed(scenario: Scenario, arrangement: Arrangement) -> None:
    """Warn for each override of ``arrangement`` that a base rule shadows (see
    [`ShadowedOverrideWarning`][flexasn.ShadowedOverrideWarning]): a rule the scenario did not write
    wins for some OPD the override names."""
    keys = [*scenario.percent, *(k for k in scenario.exclude_kinds if k not in scenario.percent)]
    for key in keys:
        named = _combos_of(key)
        shadowed: list[Combo] = []
        winners: list[QuotaRule] = []
        for kind, service in named:
            rule = arrangement.quota_rule(kind, service)
            if rule is not None and not _is_scenario_rule(rule):
                shadowed.append((kind, service))
                winners.append(rule)
        if shadowed:
            warnings.warn(
                ShadowedOverrideWarning(
                    scenario=scenario.name,
                    arrangement=arrangement.id,
                    override=key,
                    winners=sorted({r.describe("id") for r in winners}),
                    where=name_combos(shadowed),
                    changes_nothing=len(shadowed) == len(named),
                    winners_en=sorted({r.describe("en") for r in winners}),
                ),
                stacklevel=_user_level(),
            )


def _slug(name: str) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return slug or "scenario"


Combo = tuple[str, ServiceCategory]
"""An OPD as quota rules see it: its canonical kind and its service category."""


@functools.cache
def _combos() -> tuple[Combo, ...]:
    """Every (kind, service category) pair, built on first use (the kinds are data read
    then: ``import flexasn`` does not read ``data/opd-kinds.toml``)."""
    return tuple((k, s) for k in sorted(opd_kinds()) for s in ServiceCategory)


def _combos_of(key: str) -> tuple[Combo, ...]:
    """The OPDs an override key names: a service category, an OPD kind or every OPD."""
    if key == "default":
        return _combos()
    if key in _SERVICES:
        return tuple(c for c in _combos() if c[1].value == key)
    return tuple(c for c in _combos() if c[0] == key)


def name_combos(combos: Iterable[Combo]) -> str:
    """A short name for a set of OPDs (kind, service category): ``default`` for every OPD;
    else service categories whose every kind is in the set, kinds whose every remaining
    service category is, then per service category ``bkad,dinkes (esensial)`` or, when
    most kinds are in, ``tidak_langsung except bkad,bappeda``; joined by ``; ``."""
    group = set(combos)
    if group >= set(_combos()):
        return "default"
    kinds = sorted(opd_kinds())
    services = [s for s in ServiceCategory if all((k, s) in group for k in kinds)]
    others = [s for s in ServiceCategory if s not in services]
    whole = [k for k in kinds if others and all((k, s) in group for s in others)]
    parts = [s.value for s in services]
    if whole:
        parts.append(",".join(whole))
    for s in others:
        some = [k for k in kinds if (k, s) in group and k not in whole]
        if not some:
            continue
        if len(some) > len(kinds) // 2:
            missing = [k for k in kinds if (k, s) not in group and k not in whole]
            parts.append(f"{s.value} except {','.join(missing)}")
        else:
            parts.append(f"{','.join(some)} ({s.value})")
    return "; ".join(parts)


def _effect(rule: QuotaRule | None) -> str:
    """What a quota rule does to an OPD, as the diff shows it (``-``: no rule)."""
    if rule is None:
        return "-"
    text = f"{rule.percent}%"
    if rule.rounding != "floor":
        text += f" {rule.rounding}"
    if rule.min_onsite:
        text += f" min_onsite {rule.min_onsite}"
    return text


def _effects(a: Arrangement) -> dict[Combo, str]:
    return {(k, s): _effect(a.quota_rule(k, s)) for k, s in _combos()}


def _quota_changes(old: Arrangement, new: Arrangement) -> list[tuple[str, str, str]]:
    """``(target, before, after)`` for the OPDs whose winning quota rule changes, grouped
    by the change; OPDs whose limit stays the same are not listed."""
    before, after = _effects(old), _effects(new)
    groups: dict[tuple[str, str], list[Combo]] = {}
    for combo in _combos():
        if before[combo] != after[combo]:
            groups.setdefault((before[combo], after[combo]), []).append(combo)
    return sorted((name_combos(c), b, a) for (b, a), c in groups.items())


def _keeps_everyone_onsite(a: Arrangement) -> bool:
    """True when every OPD's winning rule is 0 %: nobody may be remote, head or not."""
    return all((r := a.quota_rule(k, s)) is not None and r.percent == 0 for k, s in _combos())


def policy_diff(before: Policy, after: Policy) -> tuple[str, ...]:
    """Readable lines describing how ``after`` differs from ``before``, per arrangement.

    Only changes that change something are listed: a quota line names the OPDs whose
    winning quota rule changes (``~ lebaran-2025.quota[esensial]: 10% -> 0%``), so a
    rule that a more specific one shadows everywhere gives no line; ``heads_onsite`` is
    listed only where some OPD may be remote under ``after``.
    """
    out: list[str] = []
    old = {a.id: a for a in before.arrangement}
    new = {a.id: a for a in after.arrangement}
    for aid in sorted(set(old) | set(new)):
        if aid not in old:
            out.append(f"+ arrangement {aid}: days {', '.join(str(s) for s in new[aid].days)}")
            continue
        if aid not in new:
            out.append(f"- arrangement {aid}")
            continue
        a, b = old[aid], new[aid]
        lines: dict[str, str] = {}
        days = (", ".join(str(s) for s in a.days), ", ".join(str(s) for s in b.days))
        if days[0] != days[1]:
            lines["days"] = f"{days[0]} -> {days[1]}"
        if a.heads_onsite != b.heads_onsite and not _keeps_everyone_onsite(b):
            lines["heads_onsite"] = (
                f"{str(a.heads_onsite).lower()} -> {str(b.heads_onsite).lower()}"
            )
        for target, was, now in _quota_changes(a, b):
            lines[f"quota[{target}]"] = f"{was} -> {now}"
        out.extend(f"~ {aid}.{key}: {lines[key]}" for key in sorted(lines))
    return tuple(out)


__all__ = [
    "Scenario",
    "name_combos",
    "policy_diff",
]
