"""``flexasn policies``: the bundled policies, or one policy's arrangements with their
days, modes, quotas and legal bases."""

from __future__ import annotations

import argparse
from typing import Any

import flexasn as fx
from flexasn.messages import Language

from .arguments import add_common
from .options import resolve_policy_arg
from .output import csv_text, json_text, table, wrap
from .words import arrangement_label, both, command_help, headers, say

NAME = "policies"
EXAMPLES = (
    "flexasn policies",
    "flexasn policies kab-malang",
    "flexasn policies my-policy.toml --format json",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
LIST_KEYS = ("id", "level", "timezone", "arrangements", "name")
CSV_HEADERS = [
    "policy",
    "arrangement",
    "kind",
    "days",
    "modes",
    "heads_onsite",
    "quota_selector",
    "percent",
    "rounding",
    "min_onsite",
    "basis",
]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn policies``."""
    p.add_argument("policy_id", nargs="?", metavar="ID|FILE", help=both("policies_id"))
    add_common(p)


def spans(a: fx.Arrangement) -> str:
    """An arrangement's spans of days, in order."""
    return ", ".join(str(s) for s in sorted(a.days, key=lambda s: s.first_day))


def selector(rule: fx.QuotaRule) -> str:
    """Which OPDs a quota rule is for: ``kind=...``, ``service=...`` or ``default``."""
    if rule.kinds:
        return "kind=" + ",".join(rule.kinds)
    if rule.services:
        return "service=" + ",".join(s.value for s in rule.services)
    return "default"


def rule_citation(a: fx.Arrangement, rule: fx.QuotaRule) -> fx.Citation:
    """The basis of a quota rule: its own, else its arrangement's."""
    return (rule.basis or a.basis).citation()


def _arrangement_lines(a: fx.Arrangement, lang: Language) -> list[str]:
    """One arrangement as text: kind, days, modes, basis, quotas and notes."""
    yes_no = {True: say(lang, "yes"), False: say(lang, "no")}
    title = f" - {a.title}" if a.title else ""
    lines = wrap(f"[{a.id}] {arrangement_label(lang, a.kind)}{title}")
    lines += wrap(f"{say(lang, 'days')}: {spans(a)}", 4, "  ")
    if a.permits_flexible_work:
        modes = ", ".join(m.value.upper() for m in a.modes)
        onsite = (
            f"{say(lang, 'modes')}: {modes} · {say(lang, 'heads_onsite')}: "
            f"{yes_no[a.heads_onsite]} · "
            f"{say(lang, 'duty_onsite')}: {yes_no[a.duty_officers_onsite]} · "
            f"{say(lang, 'frontline_onsite')}: {yes_no[a.frontline_onsite]}"
        )
        if a.weekly_limit is not None:
            onsite += f" · {say(lang, 'weekly_limit')}: {a.weekly_limit}"
        lines += wrap(onsite, 4, "  ")
    basis = f"{say(lang, 'basis')}: {a.citation().text(lang)}"
    if a.also_cites:
        also = "; ".join(b.citation().text(lang) for b in a.also_cites)
        basis += f"; {say(lang, 'also')}: {also}"
    lines += wrap(basis, 4, "  ")
    if a.permits_flexible_work:
        if not a.quota:
            lines += wrap(f"{say(lang, 'quota')}: {say(lang, 'quota_none')}", 4, "  ")
        else:
            lines.append(f"  {say(lang, 'quota')}:")
            for rule in a.quota:
                onsite_extra = f", min_onsite {rule.min_onsite}" if rule.min_onsite else ""
                text = (
                    f"{selector(rule)}: {rule.percent}% ({rule.rounding}{onsite_extra})"
                    f"{' - ' + rule.describe(lang) if rule.label else ''} "
                    f"[{rule_citation(a, rule)}]"
                )
                lines += wrap(text, 6, "    - ")
    if a.note(lang):
        lines += wrap(f"{say(lang, 'notes')}: {a.note(lang)}", 4, "  ")
    return lines


def policy_lines(policy: fx.Policy, lang: Language = "id") -> list[str]:
    """A policy as text: each arrangement with its days, modes, quotas and citations."""
    lines = [f"{policy.id}: {policy.name}"]
    facts = [
        f"{say(lang, 'level')}: {policy.level.value}",
        f"{say(lang, 'timezone')}: {policy.timezone}",
    ]
    if policy.province:
        facts.append(f"{say(lang, 'province')}: {policy.province}")
    lines.append(" · ".join(facts))
    if policy.note(lang):
        lines += wrap(f"{say(lang, 'notes')}: {policy.note(lang)}")
    if not policy.arrangement:
        lines += ["", say(lang, "no_arrangements")]
    for a in policy.arrangement:
        lines += ["", *_arrangement_lines(a, lang)]
    return lines


def policy_json(policy: fx.Policy, lang: Language) -> dict[str, Any]:
    """A policy as JSON, each arrangement and quota rule with its citation in ``lang``."""
    data = policy.model_dump(mode="json")
    for raw, a in zip(data["arrangement"], policy.arrangement, strict=True):
        raw["citation"] = a.citation().text(lang)
        for raw_rule, rule in zip(raw["quota"], a.quota, strict=True):
            raw_rule["citation"] = rule_citation(a, rule).text(lang)
    return data


def policy_csv_rows(policy: fx.Policy, lang: Language) -> list[list[object]]:
    """A policy as CSV rows: one per quota rule (one per arrangement without any)."""
    out: list[list[object]] = []
    for a in policy.arrangement:
        common = [policy.id, a.id, a.kind.value, spans(a), "/".join(a.modes), a.heads_onsite]
        if not a.quota:
            out.append([*common, None, None, None, None, a.citation().text(lang)])
        for rule in a.quota:
            out.append(
                [
                    *common,
                    selector(rule),
                    rule.percent,
                    rule.rounding,
                    rule.min_onsite,
                    rule_citation(a, rule).text(lang),
                ]
            )
    return out


def _list(fmt: str, lang: Language) -> None:
    """Print the bundled policies."""
    policies = [fx.get_policy(p) for p in fx.list_policies()]
    rows = [[p.id, p.level.value, p.timezone, len(p.arrangement), p.name] for p in policies]
    if fmt == "json":
        print(json_text([dict(zip(LIST_KEYS, r, strict=True)) for r in rows]))
    elif fmt == "csv":
        print(csv_text(list(LIST_KEYS), rows))
    else:
        print("\n".join(table(headers(lang, "policies_headers"), rows, right=(3,))))


def run(args: argparse.Namespace) -> int:
    """Print the list of policies, or one policy; exit code 0."""
    lang: Language = args.lang
    if args.policy_id is None:
        _list(args.format, lang)
        return 0
    policy = resolve_policy_arg(args.policy_id)
    if args.format == "json":
        print(json_text(policy_json(policy, lang)))
    elif args.format == "csv":
        print(csv_text(CSV_HEADERS, policy_csv_rows(policy, lang)))
    else:
        print("\n".join(policy_lines(policy, lang)))
    return 0
