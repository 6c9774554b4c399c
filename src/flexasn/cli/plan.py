"""``flexasn plan``: a lawful WFH/WFA rotation for a span, per OPD, as a grid with a
per-day summary; ``--output`` writes the full schedules of the OPDs planned (every OPD of
the roster without ``--opd``: a whole instansi) to one file for ``flexasn validate``."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import flexasn as fx
from flexasn.messages import Language, render

from .arguments import add_common, add_policy, add_roster
from .errors import CliError
from .options import check_span_size, parse_day, policy_option, read_roster_option
from .output import cite, csv_text, json_text, table, wrap
from .progress import Progress
from .words import both, command_help, headers, say, status_label

NAME = "plan"
EXAMPLES = (
    "flexasn plan 2025-03-24 2025-03-27 --opds examples/kab-malang/opd.csv \\",
    "    --employees examples/kab-malang/pegawai.csv --opd BKAD --output jadwal.csv",
    "flexasn plan 2025-03-24 2025-03-27 --opds examples/kab-malang/opd.csv \\",
    "    --employees examples/kab-malang/pegawai.csv --output instansi.xlsx",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
CELLS = {"wfo": "O", "wfh": "H", "wfa": "A"}
"""A work mode's letter in the rotation grid."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn plan``."""
    p.add_argument("start", metavar="START", help=both("plan_start"))
    p.add_argument("end", metavar="END", help=both("plan_end"))
    add_policy(p)
    add_roster(p, required=True)
    p.add_argument("--opd", metavar="CODE[,CODE]", help=both("plan_opd"))
    p.add_argument("--mode", choices=("wfh", "wfa"), help=both("plan_mode"))
    p.add_argument(
        "--output",
        metavar="FILE",
        help=both("plan_output"),
    )
    add_common(p)


def grid_lines(
    schedule: fx.Schedule, lang: Language, rows_of: Mapping[str, int] | None = None
) -> list[str]:
    """The rotation grid: the staff who work flexibly on some day, one column per day.

    With ``rows_of`` (NIP -> row in the employees file) each person also gets their row,
    which tells apart two people whose masked NIPs (last four digits) are the same.
    """
    out = [nip for nip in schedule.employees if schedule.remote_days(nip)]
    if not out:
        return [say(lang, "plan_nobody")]
    if rows_of:  # in file order, so that a reader can follow the roster
        out.sort(key=lambda nip: rows_of.get(nip, 0))
    first = [say(lang, "row")] if rows_of else []
    head = [*first, say(lang, "employee"), *(f"{d.day.day:>2}" for d in schedule.days), ""]
    rows = []
    for nip in out:
        row = [*([str(rows_of.get(nip, "-"))] if rows_of else []), fx.mask_nip(nip)]
        for d in schedule.days:
            row.append(" -" if d.status == "day_off" else f" {CELLS[schedule.mode(nip, d.day)]}")
        rows.append([*row, ""])
    lines = [say(lang, "plan_grid"), *table(head, rows, width=10_000)]
    rest = len(schedule.employees) - len(out)
    if rest:
        why: dict[str, int] = {}
        for nip in schedule.employees:
            if nip not in out:
                for c in schedule.held.get(nip, ()):
                    why[c.value] = why.get(c.value, 0) + 1
        # each check that held someone on site in words, with how many it held
        text = "; ".join(f"{render(f'cli_held.{k}', lang)}: {v}" for k, v in why.items()) or "-"
        lines += wrap(say(lang, "plan_rest", count=rest, why=text))
    return lines


def schedule_lines(
    schedule: fx.Schedule,
    opd: fx.Opd,
    lang: Language = "id",
    rows_of: Mapping[str, int] | None = None,
) -> list[str]:
    """A planned rotation as text: the grid, the per-day summary and the fairness note.

    ``rows_of`` maps NIPs to their rows in the employees file (shown in the grid).
    """
    title = say(
        lang,
        "plan_title",
        opd=opd.code,
        name=opd.name,
        headcount=opd.headcount,
        start=schedule.first_day.isoformat(),
        end=schedule.last_day.isoformat(),
    )
    lines = [*wrap(title), "", *grid_lines(schedule, lang, rows_of), ""]
    body = [
        [
            s.day.isoformat(),
            s.remote,
            s.wfh,
            s.wfa,
            s.onsite,
            "-" if s.limit is None else s.limit,
            "-" if s.unused is None else s.unused,
            status_label(lang, s.status),
        ]
        for s in schedule.summary()
    ]
    lines += table(headers(lang, "summary_headers"), body, right=range(1, 7))
    notes: dict[str, list[str]] = {}
    for s in schedule.summary():
        notes.setdefault(s.note_id if lang == "id" else s.note_en, []).append(s.day.isoformat())
    for note, days in notes.items():
        span = days[0] if len(days) == 1 else f"{days[0]}..{days[-1]} ({len(days)})"
        lines += wrap(f"{span}: {note}", 4, "  - ")
    if schedule.fairness is not None:
        lines += ["", *wrap(f"{say(lang, 'fairness')}: {schedule.fairness.note(lang)}")]
    return lines


def _by_row(nips: Iterable[str], rows_of: Mapping[str, int]) -> list[str]:
    """``nips`` in the roster's order (their rows in the employees file); those without a
    row after them, sorted."""
    return sorted(nips, key=lambda nip: (rows_of.get(nip, 1 << 62), nip))


def schedule_json(
    schedule: fx.Schedule, rows_of: Mapping[str, int], lang: Language
) -> dict[str, Any]:
    """A schedule as JSON with every employee named by a masked id, never a NIP.

    ``employee`` is [`masked_id`][flexasn.masked_id], unambiguous within the output;
    ``row`` is the employee's row in the employees file (1 = the header).
    """
    return {
        "opd": schedule.opd,
        "instansi": schedule.instansi,
        "policy": schedule.policy,
        "first_day": schedule.first_day.isoformat(),
        "last_day": schedule.last_day.isoformat(),
        "employees": len(schedule.employees),
        "days": [
            {
                "day": d.day.isoformat(),
                "status": d.status,
                "limit": d.limit,
                "arrangement": d.arrangement,
                "basis": cite(d.basis, lang) if d.basis else None,
                "remote": [
                    {
                        "employee": fx.masked_id(nip),
                        "row": rows_of.get(nip),
                        "mode": d.remote[nip].value,
                    }
                    for nip in _by_row(d.remote, rows_of)
                ],
            }
            for d in schedule.days
        ],
        "held": [
            {
                "employee": fx.masked_id(nip),
                "row": rows_of.get(nip),
                "checks": [c.value for c in schedule.held[nip]],
            }
            for nip in _by_row(schedule.held, rows_of)
        ],
        "fairness": schedule.fairness.model_dump(mode="json") if schedule.fairness else None,
    }


def write_plan(
    out: TextIO,
    fmt: str,
    index: int,
    opd: fx.Opd,
    schedule: fx.Schedule,
    rows_of: Mapping[str, int],
    lang: Language,
) -> None:
    """Write the ``index``-th OPD's schedule of ``flexasn plan`` (0 = the first): the
    output is the same as printing all the schedules at once, as one JSON list, one CSV
    table or text blocks separated by a rule."""
    if fmt == "json":
        item = json_text(schedule_json(schedule, rows_of, lang)).replace("\n", "\n  ")
        out.write(("[\n  " if index == 0 else ",\n  ") + item)
    elif fmt == "csv":
        days = [d.day.isoformat() for d in schedule.days]
        rows = [
            [
                rows_of.get(nip),
                fx.masked_id(nip),
                schedule.opd,
                *(schedule.mode(nip, d.day).value for d in schedule.days),
            ]
            for nip in _by_row(schedule.employees, rows_of)
        ]
        text = csv_text(["row", "employee", "opd", *days], rows)
        body = text.partition("\n")[2]  # the rows, after the header
        out.write(text if index == 0 else ("\n" + body if body else ""))
    else:
        block = "\n".join(schedule_lines(schedule, opd, lang, rows_of))
        out.write(block if index == 0 else "\n\n" + "=" * 40 + "\n\n" + block)


OUTPUT_SUFFIXES = (".csv", ".xlsx", ".json")
"""The files ``--output`` writes."""


def _check_output(args: argparse.Namespace) -> None:
    """``--output`` writes a ``.csv``, ``.xlsx`` or ``.json`` file."""
    if args.output and Path(args.output).suffix.lower() not in OUTPUT_SUFFIXES:
        raise CliError("output_suffix", path=args.output)


def run(args: argparse.Namespace) -> int:
    """Plan and print each OPD's rotation; exit code 0."""
    lang: Language = args.lang
    start, end = parse_day(args.start, "start"), parse_day(args.end, "end")
    if start <= end:  # the other order is the planner's error
        check_span_size(start, end, args.format)
    policy = policy_option(args)
    roster = read_roster_option(args)
    opds = [roster.opd(code) for code in args.opd.split(",")] if args.opd else list(roster.opds)
    _check_output(args)
    mode = fx.WorkMode(args.mode) if args.mode else None
    progress = Progress(len(opds), "plan")
    rows_of = roster.rows()
    planned: list[fx.Schedule] = []
    # Each OPD's schedule is written out as soon as it is planned, into a spool file
    # copied to standard output once every OPD is planned: memory holds one schedule
    # at a time, and an error prints nothing (all or nothing).
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for index, opd in enumerate(opds):
            staff = roster.employees_of(opd.code)
            schedule = fx.plan_rotation(opd, staff, start, end, policy=policy, mode=mode)
            if fx.validate_schedule(schedule, opd, staff, policy=policy):  # pragma: no cover
                raise AssertionError(f"the planner made an unlawful schedule for {opd.code}")
            write_plan(spool, args.format, index, opd, schedule, rows_of, lang)
            if args.output:
                planned.append(schedule)
            progress.step()
        if args.output:  # every OPD planned, one file, in the roster's order
            fx.write_schedule_file(planned, args.output, order=(e.nip for e in roster.employees))
        if args.format == "json":
            spool.write("\n]" if opds else "[]")
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)
    print()
    if args.output:
        print(say(lang, "plan_written", path=args.output), file=sys.stderr)
    return 0
