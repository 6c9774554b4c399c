"""``flexasn check``: may one employee work remotely on a date? The decision with every
check and its legal basis; exit code 0 when allowed, 1 when denied or undetermined."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

import flexasn as fx
from flexasn.messages import Language, render

from .arguments import add_common, add_opd_options, add_policy, add_roster
from .errors import CliError
from .options import (
    check_nip_option,
    opd_from_options,
    parse_day,
    policy_option,
    read_roster_option,
)
from .output import cite, csv_text, json_text, wrap
from .words import MARKS, both, command_help, outcome_label, say

NAME = "check"
EXAMPLE_EMPLOYEES = "examples/kab-malang/pegawai.csv"
"""The bundled example's employees file, as a command line in a clone names it."""
EXAMPLE_NIP = "197812302001021430"
"""A made-up NIP of ``examples/kab-malang/pegawai.csv`` (a PNS of BKAD, allowed WFH/WFA on
24 March 2025), for ``--help`` and the README: a command line that works on a fresh clone."""
EXAMPLES = (
    "flexasn check 2025-03-24 --instansi kab-malang --kind bkad \\",
    "    --service tidak_langsung --headcount 120 --head",
    "flexasn check 2025-03-24 --opds examples/kab-malang/opd.csv \\",
    f"    --employees {EXAMPLE_EMPLOYEES} --nip {EXAMPLE_NIP}",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
PLACEHOLDER_NIP = "198001012005011001"
"""A made-up NIP used by ``check`` when none is given (shown as ``-``, never printed)."""
EMPLOYEE_FLAGS = (
    "head",
    "frontline",
    "duty",
    "new_in_post",
    "duties_outside_office",
    "special_circumstances",
)
"""The employee's facts given as flags; with a roster they come from the file instead."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn check``."""
    p.add_argument("date", metavar="YYYY-MM-DD", help=both("day"))
    p.add_argument(
        "--known-on",
        metavar="YYYY-MM-DD",
        help=both("check_known_on"),
    )
    add_policy(p)
    g = p.add_argument_group(both("check_employee"))
    g.add_argument(
        "--nip",
        metavar="NIP",
        help=both(
            "check_nip",
            "check_nip_example",
            nip=EXAMPLE_NIP,
            file=EXAMPLE_EMPLOYEES,
        ),
    )
    g.add_argument(
        "--status",
        choices=[s.value for s in fx.EmploymentStatus],
        default=fx.EmploymentStatus.PNS.value,
        help=both("check_status"),
    )
    g.add_argument(
        "--position",
        choices=[s.value for s in fx.PositionType],
        default=fx.PositionType.EXECUTOR.value,
        help=both("check_position"),
    )
    g.add_argument("--head", action="store_true", help=both("check_head"))
    g.add_argument("--frontline", action="store_true", help=both("check_frontline"))
    g.add_argument("--duty", action="store_true", help=both("check_duty"))
    g.add_argument(
        "--discipline",
        choices=[s.value for s in fx.DisciplineStatus],
        default=fx.DisciplineStatus.NONE.value,
        help=both("check_discipline"),
    )
    g.add_argument("--new-in-post", action="store_true", help=both("check_new_in_post"))
    g.add_argument(
        "--duties-outside-office",
        action="store_true",
        help=both("check_outside"),
    )
    g.add_argument(
        "--special-circumstances",
        action="store_true",
        help=both("check_special"),
    )
    g.add_argument(
        "--remote-days-this-week",
        type=int,
        metavar="N",
        help=both("check_remote_days"),
    )
    add_opd_options(p)
    add_roster(p)
    add_common(p)


def decision_lines(d: fx.Decision, lang: Language = "id", opd_name: str | None = None) -> list[str]:
    """A decision as text: the outcome, then every check (in words, its code in brackets)
    with its message and citation."""
    modes = f" ({', '.join(m.value.upper() for m in d.modes)})" if d.allowed else ""
    lines = [f"{say(lang, 'decision')}: {outcome_label(lang, d.outcome)}{modes}"]
    opd = f"{d.opd} ({opd_name})" if opd_name and opd_name != d.opd else d.opd
    facts = (
        f"{say(lang, 'day')}: {d.day.isoformat()} · OPD: {opd} · "
        f"{say(lang, 'employee')}: {d.employee} · "
        f"{say(lang, 'arrangement')}: {d.arrangement or '-'} ({d.policy})"
    )
    lines += wrap(facts)
    for r in d.reasons:
        lines += wrap(f"{r.check.named(lang)}: {r.message(lang)}", 4, f"  {MARKS[r.passed]} ")
        if r.basis is not None:
            lines += wrap(f"{say(lang, 'basis')}: {r.basis.text(lang)}", 6, "      ")
        elif d.arrangement is None:  # the checks that cite the arrangement in force say why not
            lines += wrap(f"{say(lang, 'basis')}: {say(lang, 'basis_no_arrangement')}", 6, "      ")
    if d.later_than_known:
        lines += wrap(render("decision.later_than_known", lang, as_of=d.law_as_of), 2)
    return lines


def decision_json(d: fx.Decision, lang: Language) -> dict[str, Any]:
    """A decision as JSON, each reason with its citation in ``lang``."""
    data = d.model_dump(mode="json")
    for raw, r in zip(data["reasons"], d.reasons, strict=True):
        raw["citation"] = cite(r.basis, lang) if r.basis else None
    return data


def employee_from_options(args: argparse.Namespace, opd: fx.Opd, day: date) -> fx.Employee:
    """The employee described by ``--nip``, ``--status``, ``--head`` and the rest."""
    status = fx.EmploymentStatus(args.status)
    nip = args.nip or PLACEHOLDER_NIP
    fx.parse_nip(nip, status=status)
    return fx.Employee(
        nip=nip,
        opd=opd.code,
        status=status,
        position=fx.PositionType(args.position),
        is_head=args.head,
        frontline=args.frontline,
        duty_days=frozenset({day}) if args.duty else frozenset(),
        discipline=fx.DisciplineStatus(args.discipline),
        new_in_post=args.new_in_post,
        duties_outside_office=args.duties_outside_office,
        special_circumstances=args.special_circumstances,
    )


def employee_from_roster(args: argparse.Namespace) -> tuple[fx.Employee, fx.Opd]:
    """The employee ``--nip`` of the roster files, and their OPD."""
    if not args.nip:
        raise CliError("nip_needed")
    given = [f"--{f.replace('_', '-')}" for f in EMPLOYEE_FLAGS if getattr(args, f)]
    if given:
        raise CliError("facts_from_roster", given=", ".join(given))
    roster = read_roster_option(args)
    employee = next((e for e in roster.employees if e.nip == args.nip), None)
    if employee is None:
        raise CliError("nip_not_found", nip=fx.mask_nip(args.nip), file=args.employees)
    return employee, roster.opd(employee.opd)


def _print(decision: fx.Decision, fmt: str, lang: Language, opd_name: str) -> None:
    """Print a decision as a table, JSON or CSV."""
    if fmt == "json":
        print(json_text(decision_json(decision, lang)))
    elif fmt == "csv":
        rows = [
            [
                r.check.value,
                {True: "pass", False: "fail", None: "unknown"}[r.passed],
                r.message(lang),
                cite(r.basis, lang) if r.basis else None,
            ]
            for r in decision.reasons
        ]
        print(f"# outcome={decision.outcome.value}")
        print(csv_text(["check", "result", "message", "basis"], rows))
    else:
        print("\n".join(decision_lines(decision, lang, opd_name)))


def run(args: argparse.Namespace) -> int:
    """Print the decision; exit code 0 when allowed, else 1."""
    day = parse_day(args.date)
    check_nip_option(args.nip)
    policy = policy_option(args)
    if args.opds or args.employees:
        employee, opd = employee_from_roster(args)
    else:
        opd = opd_from_options(args, policy)
        employee = employee_from_options(args, opd, day)
    decision = fx.eligible_for_wfa(
        employee,
        opd,
        day,
        policy=policy,
        remote_days_this_week=args.remote_days_this_week,
        known_on=parse_day(args.known_on) if args.known_on else None,
    )
    if not args.nip:
        decision = decision.model_copy(update={"employee": "-"})
    args.exit_code = 0 if decision.allowed else 1  # kept on a broken pipe (run_command)
    _print(decision, args.format, args.lang, opd.name)
    return int(args.exit_code)
