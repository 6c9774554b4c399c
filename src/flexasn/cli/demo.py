"""``flexasn demo``: the main job on the bundled Kabupaten Malang example: the calendar,
each OPD's quota, the rotation, three explained decisions and what the law does not know
yet, then the result of all five in a few lines, so that the demo ends on it (see
`flexasn.cli.demo_data` for the data and dates)."""

from __future__ import annotations

import argparse
from pathlib import Path

import flexasn as fx
from flexasn.messages import Language

from . import demo_data as data
from .arguments import add_common
from .calendar import calendar_lines
from .check import decision_lines
from .doctor import doctor_lines, urgent_texts
from .output import table, wrap
from .plan import schedule_lines
from .progress import Progress
from .quota import quota_lines, quota_rows
from .words import both, command_help, headers, outcome_label, say

NAME = "demo"
EXAMPLES = (
    "flexasn demo",
    "flexasn demo --lang en",
)
"""Command lines for ``--help`` (commands, not words: written once, in no language)."""
HELP = command_help(NAME, EXAMPLES)
RULE = "=" * 72
"""The line between the demo's sections."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``flexasn demo``."""
    p.add_argument("--example", metavar="DIR", help=both("demo_example"))
    add_common(p, formats=())


def _rotation(roster: fx.Roster, policy: fx.Policy, lang: Language) -> tuple[list[str], int, int]:
    """Section 3: every OPD's rotation in one table, checked, and one OPD's grid; with the
    employee-days of WFH/WFA planned and the violations found."""
    plan_rows = []
    shown: tuple[fx.Opd, fx.Schedule] | None = None
    violations = remote = 0
    progress = Progress(len(roster.opds), "plan")
    for opd in roster.opds:
        staff = roster.employees_of(opd.code)
        schedule = fx.plan_rotation(opd, staff, *data.PLAN, policy=policy)
        violations += len(fx.validate_schedule(schedule, opd, staff, policy=policy))
        limit = schedule.days[0].limit
        fair = schedule.fairness.spread if schedule.fairness else 0
        remote += sum(len(d.remote) for d in schedule.days)
        plan_rows.append(
            [
                opd.code,
                opd.headcount,
                "-" if limit is None else limit,
                *(len(d.remote) for d in schedule.days),
                fair,
            ]
        )
        if opd.code == data.SHOWN_OPD:
            shown = (opd, schedule)
        progress.step()
    lines = table(headers(lang, "demo_plan_headers"), plan_rows, right=range(1, 8))
    lines += wrap(say(lang, "demo_plan_note"))
    lines.append(say(lang, "demo_check", opd="10 OPD", count=violations))
    if shown is not None:
        lines += ["", *schedule_lines(shown[1], shown[0], lang, roster.rows())]
    return lines, remote, violations


def _decisions(
    roster: fx.Roster, policy: fx.Policy, lang: Language
) -> tuple[list[str], list[fx.Decision]]:
    """Section 4: an employee allowed, the head denied, the same employee on cuti bersama;
    with the three decisions."""
    bkad = roster.opd(data.DECISION_OPD)
    staff = roster.employees_of(data.DECISION_OPD)
    head = next(e for e in staff if e.is_head)
    allowed = next(
        d
        for d in (fx.eligible_for_wfa(e, bkad, data.QUOTA_DAY, policy=policy) for e in staff)
        if d.allowed
    )
    member = next(e for e in staff if fx.mask_nip(e.nip) == allowed.employee)
    decisions = [
        (say(lang, "demo_d1", opd=bkad.code), allowed),
        (say(lang, "demo_d2", opd=bkad.code), fx.eligible_for_wfa(head, bkad, data.QUOTA_DAY)),
        (say(lang, "demo_d3"), fx.eligible_for_wfa(member, bkad, data.CUTI, policy=policy)),
    ]
    lines: list[str] = []
    for n, (caption, d) in enumerate(decisions):
        if n:
            lines.append("")
        lines += [caption, *decision_lines(d, lang, bkad.name)]
    return lines, [d for _, d in decisions]


def _result(
    roster: fx.Roster,
    policy: fx.Policy,
    lang: Language,
    rotation: tuple[int, int],
    decisions: list[fx.Decision],
    report: fx.DoctorReport,
) -> list[str]:
    """The end of the demo: the result of the five sections in a few lines."""
    remote, violations = rotation
    outcomes = {f"d{n}": outcome_label(lang, d.outcome) for n, d in enumerate(decisions, 1)}
    title = say(
        lang,
        "demo_result",
        policy=policy.id,
        opds=len(roster.opds),
        staff=len(roster.employees),
    )
    lines = [*wrap(title), ""]
    for text in (
        say(lang, "demo_result_plan", remote=remote, count=violations),
        say(lang, "demo_result_decisions", opd=data.DECISION_OPD, **outcomes),
        # the lines under section 5's heading "unknown within the next N days"
        say(
            lang,
            "demo_result_doctor",
            urgent=len(urgent_texts(report, lang)),
            horizon=report.horizon,
        ),
    ):
        lines += wrap(text, 4, "  - ")
    return lines


def demo_lines(example: Path, lang: Language = "id") -> list[str]:
    """The main job on the bundled Kabupaten Malang example (see ``flexasn demo --help``)."""
    policy = fx.get_policy(data.POLICY)
    roster = fx.read_roster(example / "opd.csv", example / "pegawai.csv")
    lines = [say(lang, "demo_title"), RULE, "", say(lang, "demo_calendar"), ""]
    lines += calendar_lines(*data.CALENDAR, lang, policy)

    lines += ["", RULE, "", say(lang, "demo_quota"), ""]
    rows = quota_rows(list(roster.opds), data.QUOTA_DAY, policy, lang)
    title = say(lang, "quota_title", day=data.QUOTA_DAY.isoformat(), policy=policy.id)
    lines += quota_lines(rows, lang, title)

    plan, remote, violations = _rotation(roster, policy, lang)
    lines += ["", RULE, "", say(lang, "demo_plan"), "", *plan]
    decided, decisions = _decisions(roster, policy, lang)
    lines += ["", RULE, "", say(lang, "demo_decisions"), "", *decided]
    # what the bundled law does not know yet, as of the data's own date (reproducible)
    report = fx.doctor(fx.data_as_of())
    lines += ["", RULE, "", say(lang, "demo_doctor"), "", *doctor_lines(report, lang)]
    # the result last: the doctor's long lists no longer end the demo
    result = _result(roster, policy, lang, (remote, violations), decisions, report)
    return [*lines, "", RULE, "", *result]


def run(args: argparse.Namespace) -> int:
    """Print the demo; exit code 0."""
    print("\n".join(demo_lines(data.example_folder(args.example), args.lang)))
    return 0
