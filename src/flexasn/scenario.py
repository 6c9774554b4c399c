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
plain lines what changed. Build one from keyword arguments or a plain dict::

    s = Scenario(name="banten-style", base="kab-malang", percent={"tidak_langsung": "50"})
    s = Scenario.model_validate({"name": "...", "base": "kab-malang", ...})
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, StrictBool, field_validator

from ._model import DateSpan, Frozen
from .errors import PolicyDataError
from .people import OPD_KINDS, ServiceCategory, canonical_kind
from .policy import Arrangement, Policy, get_policy, parse_policy

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
            known = ", ".join(a.id for a in policy.arrangement)
            raise PolicyDataError(
                f"scenario {scenario.name!r}: base policy {policy.id!r} has no arrangement "
                f"{scenario.arrangement!r} (known: {known})",
                field="arrangement",
            )
        return found
    found = [i for i, a in enumerate(policy.arrangement) if a.permits_flexible_work]
    if not found and (scenario.percent or scenario.exclude_kinds or scenario.extra_days):
        raise PolicyDataError(
            f"scenario {scenario.name!r}: base policy {policy.id!r} has no arrangement that "
            "permits flexible work; name one with arrangement=",
            field="arrangement",
        )
    return found


def _override_rules(rules: list[dict[str, Any]], key: str, pct: Decimal) -> list[dict[str, Any]]:
    """Replace whatever rule covered ``key`` (a service, a kind or 'default') by ``pct``."""
    out: list[dict[str, Any]] = []
    field = "services" if key in _SERVICES else "kinds" if key in OPD_KINDS else "default"
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
    new: dict[str, Any] = {"percent": pct, "label": f"scenario: {key} {pct}%"}
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
    return parse_policy(raw, f"scenario {scenario.name!r}")


def _slug(name: str) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return slug or "scenario"


def _describe_arrangement(a: Arrangement) -> dict[str, str]:
    lines = {
        "days": ", ".join(str(s) for s in a.days),
        "heads_onsite": str(a.heads_onsite).lower(),
    }
    for rule in a.quota:
        target = (
            "default"
            if rule.default
            else ",".join(rule.kinds) or ",".join(s.value for s in rule.services)
        )
        lines[f"quota[{target}]"] = f"{rule.percent}%"
    return lines


def policy_diff(before: Policy, after: Policy) -> tuple[str, ...]:
    """Readable lines describing how ``after`` differs from ``before``, per arrangement."""
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
        a, b = _describe_arrangement(old[aid]), _describe_arrangement(new[aid])
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                out.append(f"~ {aid}.{key}: {a.get(key, '-')} -> {b.get(key, '-')}")
    return tuple(out)


__all__ = [
    "Scenario",
    "policy_diff",
]
