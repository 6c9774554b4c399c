"""``flexasn quota``: each OPD's WFH/WFA quota on a date, with the computation and the
legal basis, or why the law gives no number."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import flexasn as fx
from flexasn.messages import Language, render
from flexasn.roster import read_opds

from .arguments import add_common, add_opd_options, add_policy, add_roster
from .errors import CliError
from .options import (
    opd_from_options,
    parse_day,
    policy_option,
    read_roster_option,
    require_known_instansi,
)
from .output import cite, csv_text, json_number, json_text, table, wrap
from .progress import Progress
from .words import both, command_help, headers, say

NAME = "quota"
EXAMPLES = (
    "flexasn quota 2025-03-24 --opds examples/kab-malang/opd.csv",
    "flexasn quota 2025-03-24 --instansi kab-malang --kind bkad \\",
    "    --service tidak_langsung --headcount 120 --format json",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
CSV_KEYS = ["day", "opd", "headcount", "percent", "rounding", "onsite_required", "limit"]
CSV_KEYS += ["status", "reason", "rule", "basis", "note"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn quota``."""
    p.add_argument("date", metavar="YYYY-MM-DD", help=both("day"))
    add_policy(p)
    add_roster(p)
    add_opd_options(p)
    add_common(p)


def _undefined_note(q: fx.Quota, lang: Language) -> str:
    """Why the law gives no number for a quota, with the basis."""
    key = "q_undefined" if q.status is fx.QuotaStatus.UNDEFINED else "q_unknown"
    if q.reason == "coverage":
        key = "q_coverage"
    cited = f" [{q.basis.text(lang)}]" if q.basis is not None else ""
    return say(lang, key) + cited


def _number(value: Decimal, lang: Language) -> str:
    """An exact number as a reader writes it: ``30.75`` / ``30,75`` (Indonesian), ``24``."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "id" else text


def computation(q: fx.Quota, lang: Language) -> str:
    """A quota's computation in words an HR officer reads, the numbers kept:
    ``20% x 120 = 24 (dibulatkan ke bawah), paling banyak 120 - 1 yang wajib di kantor =
    119: 24``. ``Quota.formula()`` (and JSON's ``formula``) keep the arithmetic's notation."""
    assert q.limit is not None and q.percent is not None and q.onsite_required is not None
    exact = q.percent * q.headcount / 100
    share = fx.quota_limit(q.headcount, q.percent, rounding=q.rounding)  # before the on-site bound
    words = {
        "percent": _number(q.percent, lang),
        "headcount": q.headcount,
        "rounding": render(f"cli_quota_words.{q.rounding}", lang),
        "share": share,
    }
    if exact == share:
        text = render("cli_quota_words.share", lang, **words)
    else:
        text = render("cli_quota_words.share_fraction", lang, exact=_number(exact, lang), **words)
    return render(
        "cli_quota_words.limit",
        lang,
        share=text,
        headcount=q.headcount,
        onsite=q.onsite_required,
        room=q.headcount - q.onsite_required,
        limit=q.limit,
    )


def quota_rows(
    opds: Sequence[fx.Opd],
    day: date,
    policy: fx.Policy | None,
    lang: Language = "id",
    *,
    known_on: date | None = None,
) -> list[dict[str, Any]]:
    """Each OPD's quota on ``day``: JSON-ready dicts with the computation and a note.

    ``status`` is the [`QuotaStatus`][flexasn.QuotaStatus] (``set``, ``excluded``,
    ``no_flexible_work``, ``not_working_day``, ``undefined``, ``unknown``); ``reason`` the
    finer code; ``limit`` is None where the law gives no number; ``rule`` the quota rule's
    label in ``lang`` ([`Quota.rule_in`][flexasn.Quota.rule_in]).
    """
    rows: list[dict[str, Any]] = []
    progress = Progress(len(opds), "quota")
    for opd in opds:
        q = fx.quota(opd, day, policy=policy, strict=False, known_on=known_on)
        progress.step()
        data = q.model_dump(mode="json")
        del data["rule_en"]  # one ``rule``, in the output's language
        data["rule"] = q.rule_in(lang)
        data["percent"] = json_number(q.percent)
        data["name"] = opd.name
        data["basis"] = cite(q.basis, lang) if q.basis else None
        data["formula"] = None  # the same keys whatever the status (schemas.quota_schema)
        if q.limit is None:
            data["note"] = _undefined_note(q, lang)
        elif q.reason == "rule":
            data["formula"] = q.formula()
            data["note"] = computation(q, lang) if q.percent else say(lang, "q_excluded")
        else:
            data["note"] = say(lang, f"q_{q.reason}")
        rows.append(data)
    return rows


def quota_lines(rows: list[dict[str, Any]], lang: Language, title: str) -> list[str]:
    """Quota rows as a text table with the legal bases below it."""
    body = [
        [r["opd"], r["headcount"], "-" if r["limit"] is None else r["limit"], r["note"]]
        for r in rows
    ]
    lines = [title, "", *table(headers(lang, "quota_headers"), body, right=(1, 2))]
    bases: dict[str, list[str]] = {}
    for r in rows:
        if r.get("basis"):
            # a rule's own label in the output's language (Indonesian: it quotes the
            # circular; English: flexasn's translation), else the reason in words
            label = r.get("rule") or say(lang, f"q_{r['reason']}")
            bases.setdefault(f"{label}: {r['basis']}", []).append(r["opd"])
    if bases:
        lines += ["", say(lang, "basis_title")]
        for text, opds in bases.items():
            lines += wrap(f"{text} ({', '.join(opds)})", 4, "  - ")
    return lines


def opds_for(args: argparse.Namespace, policy: fx.Policy | None) -> list[fx.Opd]:
    """The OPDs of ``--opds`` (with ``--employees``, of the whole roster), else the one
    described by the OPD options."""
    if args.opds:
        if args.employees:
            return list(read_roster_option(args).opds)
        opds, rows_of, _ = read_opds(args.opds)
        require_known_instansi(args, opds, rows_of)
        return list(opds)
    return [opd_from_options(args, policy)]


def run(args: argparse.Namespace) -> int:
    """Print the quotas; exit code 0."""
    lang: Language = args.lang
    day = parse_day(args.date)
    policy = policy_option(args)
    opds = opds_for(args, policy)
    if args.opd and args.opds:
        opds = [o for o in opds if o.code in set(args.opd.split(","))]
        if not opds:
            raise CliError("opd_not_found", opd=args.opd, file=args.opds)
    rows = quota_rows(opds, day, policy, lang)
    if args.format == "json":
        print(json_text(rows))
    elif args.format == "csv":
        print(csv_text(CSV_KEYS, [[r.get(k) for k in CSV_KEYS] for r in rows]))
    else:
        name = policy.id if policy else ", ".join(sorted({o.instansi for o in opds}))
        title = say(lang, "quota_title", day=day.isoformat(), policy=name)
        print("\n".join(quota_lines(rows, lang, title)))
    return 0
