"""A rotation schedule: who works where on each day of a span, and its files.

A [`Schedule`][flexasn.Schedule] covers **every employee on every day** of an inclusive span
(nobody is lost): an employee listed in ``days[i].remote`` works remotely that day
in the mode given (WFH or WFA); everyone else works from the office (WFO, the
default of Perpres 21/2023). The planner ([`flexasn.plan_rotation`][flexasn.plan_rotation]) also
records
each day's limit (``max_remote``) and why it is what it is, each employee's checks
that kept them on site, and whether the remote days were shared fairly.

Files (the regions' rotation is a spreadsheet a head of OPD sends to the BKPSDM):

- CSV, **wide**: a header ``nip,opd,<ISO date>,<ISO date>,...`` and one row per
  employee whose cells are ``wfo``, ``wfh`` or ``wfa`` (any case). Dates missing
  inside the span are days on which everyone is WFO. ``;`` separators and a BOM
  are accepted. The CSV holds the modes only: limits, history and notes live in
  the JSON.
- JSON: ``schedule.model_dump_json()``, the whole model (``schema_version`` 1).

In both, an employee is named by a NIP (or NI PPPK) of 18 digits; any other id (a name,
a shortened number) is refused, the error naming its row or field, never the id.

Reading is all-or-nothing: a bad file raises [`RosterError`][flexasn.RosterError]
naming the file, row and column, never a NIP, a name or a cell's value. As for rosters
([`flexasn.roster`][flexasn.roster]), a heading is repeated only when it is known (``nip``, ``opd``,
an ISO date); any other is named by its position (``column 3 (C)``), and an error keeps
no exception chain. Employees are named by [`masked_id`][flexasn.masked_id].

One module per concept, every name importable from ``flexasn.schedule`` as before:
`model` (the schedule, its days, fairness), `summary` (the per-day report), `history`
(remote days taken before a schedule), `wide` (the wide CSV and workbook), `jsonfile`
(JSON) and `files` (a file by its suffix, and the public readers and writers).
"""

from __future__ import annotations

from .files import (
    ScheduleFile,
    read_schedule_csv,
    read_schedule_file,
    read_schedule_xlsx,
    write_schedule_csv,
    write_schedule_file,
    write_schedule_xlsx,
)
from .history import history_of
from .jsonfile import read_schedule_json, write_schedule_json
from .model import (
    SCHEDULE_SCHEMA_VERSION,
    EmployeeId,
    Fairness,
    Schedule,
    ScheduleDay,
    require_schedule_of,
    summary_line,
)
from .summary import SUMMARY_HEADERS, DayStatus, DaySummary, summary_table, write_summary_csv
from .wide import in_order

__all__ = [
    "SCHEDULE_SCHEMA_VERSION",
    "SUMMARY_HEADERS",
    "DayStatus",
    "DaySummary",
    "EmployeeId",
    "Fairness",
    "Schedule",
    "ScheduleDay",
    "ScheduleFile",
    "history_of",
    "in_order",
    "read_schedule_csv",
    "read_schedule_file",
    "read_schedule_json",
    "read_schedule_xlsx",
    "require_schedule_of",
    "summary_line",
    "summary_table",
    "write_schedule_csv",
    "write_schedule_file",
    "write_schedule_json",
    "write_schedule_xlsx",
    "write_summary_csv",
]
