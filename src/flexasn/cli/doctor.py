"""``flexasn doctor``: what the bundled law does not know yet (years without a Keppres,
estimated Ramadan, weekly arrangements of unknown continuation, national windows without
a regional decision); exit code 1 when something is unknown within the horizon."""

from __future__ import annotations

import argparse

import flexasn as fx
from flexasn.messages import Language, render

from .arguments import add_format, add_lang
from .options import parse_day
from .output import json_text, wrap
from .words import both, command_help, say

NAME = "doctor"
EXAMPLES = (
    "flexasn doctor",
    "flexasn doctor --today 2026-11-30 --days 60 --format json",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn doctor``."""
    p.add_argument("--today", metavar="YYYY-MM-DD", help=both("doctor_today"))
    p.add_argument(
        "--days",
        type=int,
        default=60,
        metavar="N",
        help=both("doctor_days"),
    )
    add_lang(p)
    add_format(p, ("table", "json"))
    p.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )


def urgent_texts(report: fx.DoctorReport, lang: Language = "id") -> list[str]:
    """The lines under the heading "unknown within the next N days": one per urgent
    finding, the regions of one national window on one line (what a summary counts)."""
    return _texts(list(report.urgent), lang)


def doctor_lines(report: fx.DoctorReport, lang: Language = "id") -> list[str]:
    """A doctor report as text: urgent findings first, each wrapped; then, not counted in
    the horizon, the later ones and the past ones (windows that were over before the day
    asked) under their own subheadings; the regions without a decision of their own for a
    national window are grouped, one line per window."""
    today, as_of = report.today.isoformat(), report.data_as_of.isoformat()
    lines = [say(lang, "doctor_title", today=today, as_of=as_of), *report.coverage_lines(lang)]
    if not report.findings:
        return [*lines, render("doctor.none", lang)]
    if report.urgent:
        lines += ["", render("doctor.urgent", lang, horizon=report.horizon) + ":"]
        for text in urgent_texts(report, lang):
            lines += wrap(text, 4, "  - ")
    if not (report.later or report.past):
        return lines
    lines += ["", render("doctor.later", lang) + ":"]
    later = render("doctor.later_after", lang, horizon=report.horizon)
    past = render("doctor.past", lang, today=today)
    for group, heading in ((report.later, later), (report.past, past)):
        if group:
            lines += wrap(heading + ":", 2)
            for text in _texts(list(group), lang):
                lines += wrap(text, 4, "  - ")
    return lines


def _texts(findings: list[fx.Finding], lang: Language) -> list[str]:
    """Each finding's message, in order; ``region_window_undecided`` findings of one window
    become one line listing the regions (the first of them sets the line's place)."""
    windows: dict[str, list[fx.Finding]] = {}
    for f in findings:
        if f.code == "region_window_undecided":
            windows.setdefault(f.subject.split(":", 1)[1], []).append(f)
    texts: list[str] = []
    for f in findings:
        if f.code != "region_window_undecided":
            texts.append(f.message(lang))
            continue
        window = f.subject.split(":", 1)[1]
        same = windows.pop(window, None)
        if same is None:
            continue  # listed with the first region of its window
        if len(same) == 1:
            texts.append(f.message(lang))
            continue
        regions = ", ".join(g.subject.split(":", 1)[0] for g in same)
        texts.append(
            render(
                "doctor.region_window_undecided_many",
                lang,
                arrangement=window,
                count=len(same),
                regions=regions,
            )
        )
    return texts


def run(args: argparse.Namespace) -> int:
    """Print the report; its exit code (1 when something is urgent)."""
    report = fx.doctor(parse_day(args.today) if args.today else None, horizon=args.days)
    args.exit_code = report.exit_code  # kept on a broken pipe (flexasn.cli.run_command)
    if args.format == "json":
        print(json_text(report.model_dump(mode="json") | {"exit_code": report.exit_code}))
    else:
        print("\n".join(doctor_lines(report, args.lang)))
    return int(args.exit_code)
