"""``flexasn validate``: check a rotation schedule (one written by ``flexasn plan
--output``, or by hand) against the law; exit code 1 when it breaks it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import flexasn as fx
from flexasn.messages import Language

from .arguments import add_common, add_policy, add_roster
from .errors import CliError
from .options import policy_option, read_roster_option
from .output import cite, csv_text, json_text, wrap
from .words import say

NAME = "validate"
HELP = (
    "periksa jadwal rotasi / check a rotation schedule",
    "Setiap pelanggaran dengan dasar hukumnya; kode keluar 1 bila ada pelanggaran.\n"
    "Every violation with its basis; exit code 1 when there are any.\n\n"
    "Contoh / example:\n"
    "  flexasn validate jadwal.csv --opds examples/kab-malang/opd.csv \\\n"
    "      --employees examples/kab-malang/pegawai.csv",
)
CSV_KEYS = ["day", "check", "employee", "row", "basis", "message"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn validate``."""
    p.add_argument("schedule", metavar="SCHEDULE", help="jadwal .csv atau .json")
    add_policy(p)
    add_roster(p, required=True)
    add_common(p)


def read_schedule(path: str) -> fx.Schedule:
    """A schedule file: JSON by its ``.json`` name, else CSV."""
    if path.lower().endswith(".json"):
        return fx.read_schedule_json(path)
    return fx.read_schedule_csv(path)


def violation_rows(
    violations: tuple[fx.Violation, ...], rows_of: dict[str, int], lang: Language
) -> list[dict[str, Any]]:
    """Violations as JSON-ready dicts naming each employee by masked id and file row."""
    return [
        {
            "check": v.check.value,
            "day": v.day.isoformat() if v.day else None,
            "employee": v.employee,
            "row": rows_of.get(v.nip) if v.nip else None,
            "failed": [c.value for c in v.failed],
            "basis": cite(v.basis, lang) if v.basis else None,
            "message": v.message(lang),
        }
        for v in violations
    ]


def _text(schedule: fx.Schedule, rows: list[dict[str, Any]], employees: str, lang: Language) -> str:
    """The verdict, then each violation with the employees file's row and its basis."""
    params = {
        "opd": schedule.opd,
        "start": schedule.first_day.isoformat(),
        "end": schedule.last_day.isoformat(),
        "count": len(rows),
    }
    lines = [say(lang, "valid_bad" if rows else "valid_ok", **params)]
    for r in rows:
        lines.append("")
        staff_file = Path(employees).name
        where = f" ({staff_file}, {say(lang, 'row')} {r['row']})" if r["row"] else ""
        head = f"{r['day'] or '-'} {r['check']}: {r['message']}{where}"
        lines += wrap(head, 4, "  ✗ ")
        if r["basis"]:
            lines += wrap(f"{say(lang, 'basis')}: {r['basis']}", 6, "      ")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the violations; exit code 1 when there are any, else 0."""
    lang: Language = args.lang
    schedule = read_schedule(args.schedule)
    policy = policy_option(args)
    roster = read_roster_option(args)
    if schedule.opd not in {o.code for o in roster.opds}:  # the code may be anything: not shown
        raise CliError("schedule_opd", schedule=args.schedule, file=args.opds)
    opd = roster.opd(schedule.opd)
    violations = fx.validate_schedule(schedule, opd, roster.employees_of(opd.code), policy=policy)
    rows = violation_rows(violations, roster.rows(), lang)
    if args.format == "json":
        print(json_text({"opd": schedule.opd, "valid": not violations, "violations": rows}))
    elif args.format == "csv":
        print(csv_text(CSV_KEYS, [[r[k] for k in CSV_KEYS] for r in rows]))
    else:
        print(_text(schedule, rows, args.employees, lang))
    return 1 if violations else 0
