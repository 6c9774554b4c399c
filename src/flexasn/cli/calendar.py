"""``flexasn calendar``: the ASN calendar of a month or a span, with the national and
(with ``--policy``) the regional flexible-work days."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

import flexasn as fx
from flexasn._model import each_day
from flexasn.calendar import check_span
from flexasn.messages import Language, render

from .arguments import add_common, add_policy
from .errors import CliError
from .options import check_span_size, parse_span, policy_option
from .output import FORMATS, csv_text, json_text, table, wrap
from .words import both, command_help, day_name, headers, kind_label, say

NAME = "calendar"
EXAMPLES = (
    "flexasn calendar 2025-03",
    "flexasn calendar 2025-03 --policy kab-malang --lang en",
    "flexasn calendar 2025-03-20..2025-04-10 --format json",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
CSV_HEADERS = [
    "date",
    "weekday",
    "kind",
    "working_day",
    "name_id",
    "name_en",
    "estimated",
    "national_flexible",
    "regional_arrangement",
    "regional_kind",
    "regional_modes",
]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn calendar``."""
    p.add_argument("month", metavar="YYYY-MM", help=both("calendar_month"))
    add_policy(p)
    p.add_argument("--estimate", action="store_true", help=both("calendar_estimate"))
    add_common(p, formats=(*FORMATS, "ics"))


def region_mark(a: fx.Arrangement) -> str:
    """The calendar's mark of a regional arrangement: ``WFH/WFA``, ``WFO`` or ``?``."""
    if a.kind is fx.ArrangementKind.NO_FLEXIBLE_WORK:
        return "WFO"
    if a.kind is fx.ArrangementKind.DECISION_UNKNOWN:
        return "?"
    return "/".join(m.value.upper() for m in a.modes)


def _regional(policy: fx.Policy, day: date, info: fx.DayInfo, lang: Language) -> Any:
    """The policy's arrangement covering ``day`` as a JSON-ready dict, or None."""
    found = policy.in_force(day)
    a = found.arrangement
    if a is None:
        return None
    return {
        "policy": policy.id,
        "arrangement": a.id,
        "national": found.national,
        "kind": a.kind.value,
        "modes": [m.value for m in a.modes],
        "flexible": a.permits_flexible_work and info.is_working_day,
        "basis": a.citation().text(lang),
    }


def calendar_rows(
    start: date,
    end: date,
    policy: fx.Policy | None = None,
    *,
    strict: bool = True,
    lang: Language = "id",
) -> list[dict[str, Any]]:
    """The ASN calendar of a span, one JSON-ready dict per day.

    Keys: ``date`` (ISO), ``weekday`` (0 = Monday), ``kind`` (the [`DayKind`][flexasn.DayKind]
    value), ``working_day``, ``name_id``, ``name_en``, ``estimated``, ``basis``,
    ``national_flexible`` (the circular, or None) and ``regional`` (the policy's
    arrangement covering the day, or None). Citations are rendered in ``lang``.
    """
    if end < start:
        raise CliError("end_before_start", start=start, end=end)
    check_span(start, end)  # at most MAX_SPAN_DAYS: SpanTooLongError before any work
    for edge in (start, end):  # name the user's own dates in a coverage error
        fx.day_info(edge, strict=strict)
    flexible = {
        item.day: item.basis
        for year in range(start.year, end.year + 1)
        for item in fx.flexible_work_days(year, strict=strict, cited=True)
    }
    rows: list[dict[str, Any]] = []
    for day in each_day(start, end):
        info = fx.day_info(day, strict=strict)
        rows.append(
            {
                "date": day.isoformat(),
                "weekday": day.weekday(),
                "kind": info.kind.value,
                "working_day": info.is_working_day,
                "name_id": info.name_id,
                "name_en": info.name_en,
                "estimated": info.estimated,
                "basis": info.basis.text(lang),
                "national_flexible": str(flexible[day]) if day in flexible else None,
                "regional": None if policy is None else _regional(policy, day, info, lang),
            }
        )
    return rows


def _body(rows: list[dict[str, Any]], lang: Language, policy: fx.Policy | None) -> list[list[str]]:
    """The calendar table's rows: date, day, kind, FWA, regional mark, holiday name."""
    body = []
    for r in rows:
        kind = kind_label(lang, fx.DayKind(r["kind"])) + ("*" if r["estimated"] else "")
        mark = ""
        if r["regional"] is not None and r["working_day"] and policy is not None:
            found = policy.arrangement_on(date.fromisoformat(r["date"]))
            if found is not None:
                mark = region_mark(found)
        body.append(
            [
                r["date"],
                day_name(lang, r["weekday"]),
                kind,
                "FWA" if r["national_flexible"] else "",
                mark,
                r[f"name_{lang}"] or "",
            ]
        )
    return body


def _region_legend(a: fx.Arrangement, national: bool, lang: Language) -> str:
    """One regional arrangement's line below the table. An arrangement the policy inherits
    from the national layer (no decision of its own for the day) says so and names the
    national instrument, rather than passing for the region's own."""
    if national:
        return say(
            lang,
            "legend_region_national",
            mark=region_mark(a),
            id=a.id,
            basis=a.citation().text(lang),
        )
    return say(
        lang,
        "legend_region",
        mark=region_mark(a),
        id=a.id,
        kind=render(f"cli_arrangement_plain.{a.kind.value}", lang),
        basis=a.citation().text(lang),
    )


def _legends(rows: list[dict[str, Any]], lang: Language, policy: fx.Policy | None) -> list[str]:
    """The notes below the table: national FWA days, regional arrangements, estimates."""
    lines: list[str] = []
    circulars: dict[str, list[str]] = {}
    for r in rows:
        if r["national_flexible"]:
            circulars.setdefault(r["national_flexible"], []).append(r["date"][5:])
    if circulars:
        items = "; ".join(f"{c} ({', '.join(ds)})" for c, ds in circulars.items())
        lines += wrap(say(lang, "legend_fwa", items=items), 2, "")
    else:
        lines.append(say(lang, "legend_none"))
    if policy is not None:
        seen: list[str] = []
        for r in rows:
            reg = r["regional"]
            if reg is not None and r["working_day"] and reg["arrangement"] not in seen:
                seen.append(reg["arrangement"])
                a = policy.arrangement_on(date.fromisoformat(r["date"]))
                if a is None:  # pragma: no cover - the row was built from the same lookup
                    continue
                lines += wrap(_region_legend(a, reg["national"], lang), 2)
    if any(r["estimated"] for r in rows):
        lines += wrap(say(lang, "legend_estimated"), 2, "")
    return lines


def calendar_lines(
    start: date,
    end: date,
    lang: Language = "id",
    policy: fx.Policy | None = None,
    *,
    strict: bool = True,
) -> list[str]:
    """The ASN calendar of a span as text lines: kinds, holiday names, FWA days, legends."""
    rows = calendar_rows(start, end, policy, strict=strict, lang=lang)
    lines = [say(lang, "calendar_title", start=start.isoformat(), end=end.isoformat())]
    if policy is not None:
        lines.append(say(lang, "calendar_policy", name=policy.name, id=policy.id))
    lines.append("")
    lines += table(headers(lang, "cal_headers"), _body(rows, lang, policy))
    lines.append("")
    return lines + _legends(rows, lang, policy)


def _ics(start: date, end: date, policy: fx.Policy | None, lang: Language) -> bytes:
    """The span as an iCalendar feed (`flexasn.ics.calendar_ics`; needs the ``ics``
    extra), for ``--policy`` (an id or a file) or the national layer."""
    from flexasn.ics import calendar_ics

    return calendar_ics(policy if policy is not None else "nasional", start, end, lang=lang)


def run(args: argparse.Namespace) -> int:
    """Print the calendar; exit code 0."""
    start, end = parse_span(args.month)
    check_span_size(start, end, args.format)
    policy = policy_option(args)
    strict = not args.estimate
    if args.format == "ics":
        sys.stdout.flush()
        sys.stdout.buffer.write(_ics(start, end, policy, args.lang))
        return 0
    if args.format == "table":
        print("\n".join(calendar_lines(start, end, args.lang, policy, strict=strict)))
        return 0
    rows = calendar_rows(start, end, policy, strict=strict, lang=args.lang)
    if args.format == "json":
        print(json_text(rows))
        return 0
    out = []
    for r in rows:
        reg = r["regional"] or {}
        out.append(
            [
                r["date"],
                r["weekday"],
                r["kind"],
                r["working_day"],
                r["name_id"],
                r["name_en"],
                r["estimated"],
                r["national_flexible"],
                reg.get("arrangement"),
                reg.get("kind"),
                "/".join(reg.get("modes", [])),
            ]
        )
    print(csv_text(CSV_HEADERS, out))
    return 0
