"""``flexasn validate``: check a rotation schedule (one written by ``flexasn plan
--output``, or by hand) against the law; exit code 1 when it breaks it."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import flexasn as fx
from flexasn.messages import Language

from .arguments import add_common, add_policy, add_roster
from .errors import CliError
from .options import policy_option, read_roster_option
from .output import cite, csv_text, json_text, wrap
from .words import both, command_help, say

NAME = "validate"
EXAMPLES = (
    "flexasn validate jadwal.csv --opds examples/kab-malang/opd.csv \\",
    "    --employees examples/kab-malang/pegawai.csv",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
CSV_KEYS = ["day", "check", "opd", "employee", "file", "row", "roster_row", "basis", "message"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn validate``."""
    p.add_argument("schedule", metavar="SCHEDULE", help=both("validate_schedule"))
    add_policy(p)
    add_roster(p, required=True)
    add_common(p)


def violation_rows(
    violations: Sequence[tuple[fx.Violation, str]],
    found: fx.ScheduleFile,
    roster_rows: Mapping[str, int],
    lang: Language,
) -> list[dict[str, Any]]:
    """Violations (each with its OPD) as JSON-ready dicts naming each employee by masked id,
    their row in the schedule file (``file``, ``row``) and in the employees file
    (``roster_row``), in the roster's order within each day."""
    out = [
        {
            "check": v.check.value,
            "day": v.day.isoformat() if v.day else None,
            "opd": opd,
            "employee": v.employee,
            "file": found.file,
            "row": found.row_of(v.nip) if v.nip else None,
            "roster_row": roster_rows.get(v.nip) if v.nip else None,
            "failed": [c.value for c in v.failed],
            "basis": cite(v.basis, lang) if v.basis else None,
            "message": v.message(lang),
        }
        for v, opd in violations
    ]
    # the checker's order (roster findings, then day by day, a day's quota last), each
    # group in the roster's order
    return sorted(
        out,
        key=lambda r: (
            r["day"] is not None,
            r["day"] or "",
            r["check"] == "quota",
            r["roster_row"] if r["roster_row"] is not None else 1 << 62,
        ),
    )


def _text(
    found: fx.ScheduleFile, rows: list[dict[str, Any]], employees: str, lang: Language
) -> str:
    """The verdict per OPD, then each violation with its rows and its basis."""
    lines: list[str] = []
    for schedule in found.schedules:
        mine = [r for r in rows if r["opd"] == schedule.opd]
        params = {
            "opd": schedule.opd,
            "start": schedule.first_day.isoformat(),
            "end": schedule.last_day.isoformat(),
            "count": len(mine),
        }
        if lines:
            lines.append("")
        lines.append(say(lang, "valid_bad" if mine else "valid_ok", **params))
        for r in mine:
            lines.append("")
            where = []
            if r["row"]:
                where.append(f"{Path(found.file).name}, {say(lang, 'row')} {r['row']}")
            if r["roster_row"]:
                where.append(f"{Path(employees).name}, {say(lang, 'row')} {r['roster_row']}")
            place = f" ({'; '.join(where)})" if where else ""
            head = f"{r['day'] or '-'} {r['check']}: {r['message']}{place}"
            lines += wrap(head, 4, "  ✗ ")
            if r["basis"]:
                lines += wrap(f"{say(lang, 'basis')}: {r['basis']}", 6, "      ")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the violations; exit code 1 when there are any, else 0."""
    lang: Language = args.lang
    found = fx.read_schedule_file(args.schedule, strict=args.strict)
    policy = policy_option(args)
    roster = read_roster_option(args)
    codes = {o.code for o in roster.opds}
    found_violations: list[tuple[fx.Violation, str]] = []
    for schedule in found.schedules:
        if schedule.opd not in codes:  # the code may be anything: not shown
            raise CliError("schedule_opd", schedule=args.schedule, file=args.opds)
        opd = roster.opd(schedule.opd)
        staff = roster.employees_of(opd.code)
        found_violations += [
            (v, opd.code) for v in fx.validate_schedule(schedule, opd, staff, policy=policy)
        ]
    rows = violation_rows(found_violations, found, roster.rows(), lang)
    args.exit_code = 1 if rows else 0  # kept on a broken pipe (flexasn.cli.run_command)
    if args.format == "json":
        one = found.schedules[0].opd if len(found.schedules) == 1 else None
        print(
            json_text(
                {
                    "file": found.file,
                    "opd": one,
                    "opds": [s.opd for s in found.schedules],
                    "valid": not rows,
                    "violations": rows,
                }
            )
        )
    elif args.format == "csv":
        print(csv_text(CSV_KEYS, [[r[k] for k in CSV_KEYS] for r in rows]))
    else:
        print(_text(found, rows, args.employees, lang))
    return int(args.exit_code)
