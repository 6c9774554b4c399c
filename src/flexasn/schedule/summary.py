"""A schedule's summary: one line per day (remote, on site, limit, unused quota), as the
report a head of OPD attaches, a plain-text table or a CSV file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from .._model import Frozen
from ..errors import require_items, require_lang, require_path
from ..messages import Language
from ..roster.write import csv_text

DayStatus = Literal[
    "rule",
    "day_off",
    "no_arrangement",
    "no_flexible_work",
    "out_of_scope",
    "quota_undefined",
    "unplanned",
]
"""Why a day's limit is what it is: a quota ``rule`` applies; a ``day_off`` (weekend,
holiday, cuti bersama); ``no_arrangement`` covers it; the instansi decided
``no_flexible_work``; the agency is ``out_of_scope`` (Permen PANRB 4/2025 Pasal 38);
the law leaves the proportion to the head of agency (``quota_undefined``); or the
schedule was made by hand and no limit was recorded (``unplanned``)."""


class DaySummary(Frozen):
    """One line of the report a head of OPD attaches: remote, on site, limit, unused quota."""

    day: date
    remote: int
    wfh: int
    wfa: int
    onsite: int
    limit: int | None
    unused: int | None
    """``limit - remote`` (None where no limit is known); negative when over the quota."""
    status: DayStatus
    note_id: str
    note_en: str


SUMMARY_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("tanggal", "wfh_wfa", "wfh", "wfa", "wfo", "batas", "kuota_tersisa", "keterangan"),
    "en": ("day", "remote", "wfh", "wfa", "onsite", "limit", "unused", "note"),
}


def summary_table(lines: tuple[DaySummary, ...], lang: Language = "id") -> str:
    """Summary lines as an aligned plain-text table with headers in ``lang``."""
    headers = SUMMARY_HEADERS[lang]
    rows = [list(headers)]
    for s in lines:
        rows.append(
            [
                s.day.isoformat(),
                str(s.remote),
                str(s.wfh),
                str(s.wfa),
                str(s.onsite),
                "-" if s.limit is None else str(s.limit),
                "-" if s.unused is None else str(s.unused),
                s.note_id if lang == "id" else s.note_en,
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(headers) - 1)]
    return "\n".join(
        "  ".join([*(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)), r[-1]]).rstrip()
        for r in rows
    )


def write_summary_csv(
    lines: tuple[DaySummary, ...], path: str | Path, lang: Language = "id"
) -> None:
    """Write summary lines to a CSV file with headers in ``lang`` (UTF-8)."""
    require_items(lines, DaySummary, "lines")
    require_path(path)
    require_lang(lang)
    rows = [
        [
            s.day.isoformat(),
            s.remote,
            s.wfh,
            s.wfa,
            s.onsite,
            "" if s.limit is None else s.limit,
            "" if s.unused is None else s.unused,
            s.note_id if lang == "id" else s.note_en,
        ]
        for s in lines
    ]
    Path(path).write_text(csv_text(SUMMARY_HEADERS[lang], rows), encoding="utf-8")


__all__ = ["SUMMARY_HEADERS", "DayStatus", "DaySummary", "summary_table", "write_summary_csv"]
