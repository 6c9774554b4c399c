"""``flexasn hours``: the hours owed and worked from attendance records (Perpres 21/2023,
Ramadan, regional schedules), with findings; exit code 1 on a violation."""

from __future__ import annotations

import argparse

import flexasn as fx
from flexasn.messages import Language

from .arguments import add_common, add_policy
from .options import check_span_size, parse_day, policy_option
from .output import csv_text, hours_minutes, table, wrap
from .words import (
    both,
    command_help,
    day_name,
    headers,
    kind_label,
    say,
    severity_label,
    time_mode_label,
)

NAME = "hours"
EXAMPLES = (
    "flexasn hours examples/kab-malang/kehadiran.csv \\",
    "    --from 2025-06-16 --to 2025-06-20",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn hours``."""
    p.add_argument("records", metavar="RECORDS.csv", help=both("hours_records"))
    add_policy(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=both("hours_from"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=both("hours_to"))
    p.add_argument("--kind", help=both("hours_kind"))
    p.add_argument("--pattern", help=both("hours_pattern"))
    p.add_argument("--dynamic", action="store_true", help=both("hours_dynamic"))
    add_common(p)


def _findings(report: fx.HoursReport, lang: Language) -> list[str]:
    """The report's findings, each with its severity, its words and code, message and basis."""
    if not report.findings:
        return [say(lang, "no_findings")]
    lines = [say(lang, "findings")]
    for f in report.findings:
        severity = severity_label(lang, f.severity.value)
        named = f"{f.code.label(lang)} ({f.code.value})"  # words first, the code searched for
        lines += wrap(f"{severity} {named}: {f.message(lang)}", 4, "  - ")
        if f.basis is not None:
            lines += wrap(f"{say(lang, 'basis')}: {f.basis.text(lang)}", 6, "      ")
    return lines


def hours_lines(report: fx.HoursReport, lang: Language = "id") -> list[str]:
    """An hours report as text: days, weeks, totals and findings with citations."""
    hm = hours_minutes
    title = say(
        lang,
        "hours_title",
        start=report.first_day.isoformat(),
        end=report.last_day.isoformat(),
        zone=report.timezone,
        mode=time_mode_label(lang, report.time_mode),
    )
    days = [
        [
            f"{d.day.isoformat()} {day_name(lang, d.day.weekday())}",
            kind_label(lang, d.kind),
            hm(d.owed),
            hm(d.worked),
            hm(d.balance),
            "",
        ]
        for d in report.days
    ]
    lines = [title, "", *table(headers(lang, "hours_headers"), days, right=(2, 3, 4))]
    lines = [line.rstrip() for line in lines]
    lines.append("")
    yes, no = say(lang, "yes"), say(lang, "no")
    weeks = [
        [
            w.week_start.isoformat(),
            hm(w.owed),
            hm(w.worked),
            hm(w.balance),
            yes if w.complete else no,
            "",
        ]
        for w in report.weeks
    ]
    lines += table(headers(lang, "weeks_headers"), weeks, right=(1, 2, 3))
    total = say(
        lang,
        "hours_total",
        owed=hm(report.owed),
        worked=hm(report.worked),
        balance=hm(report.balance),
    )
    return [*lines, "", total, "", *_findings(report, lang)]


def run(args: argparse.Namespace) -> int:
    """Print the hours report; exit code 0 when the hours owed are met, else 1."""
    policy = policy_option(args) or fx.get_policy("nasional")
    records = fx.read_attendance(args.records, policy=policy)
    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    if start is not None and end is not None and start <= end:
        check_span_size(start, end, args.format)
    report = fx.check_hours(
        records,
        policy=policy,
        start=start,
        end=end,
        opd=args.kind,
        pattern=args.pattern,
        dynamic=args.dynamic,
        on_invalid="report",
    )
    args.exit_code = 0 if report.ok else 1  # kept on a broken pipe (flexasn.cli.run_command)
    if report.days:  # a span taken from the records
        check_span_size(report.days[0].day, report.days[-1].day, args.format)
    if args.format == "json":
        print(report.model_dump_json(indent=2))
    elif args.format == "csv":
        hm = hours_minutes
        rows = [
            [d.day.isoformat(), d.kind.value, hm(d.owed), hm(d.worked), hm(d.balance)]
            for d in report.days
        ]
        print(csv_text(["day", "kind", "owed", "worked", "balance"], rows))
    else:
        print("\n".join(hours_lines(report, args.lang)))
    return int(args.exit_code)
