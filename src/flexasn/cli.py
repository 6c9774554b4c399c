"""The ``flexasn`` command.

Importing :mod:`flexasn` never imports this module. Exit codes: 0 success, 1 a
negative finding (violations), 2 bad usage or bad input (one clear line, no
traceback; ``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, timedelta

from . import calendar as cal
from .errors import FlexasnError
from .messages import Language

DEMO_START = date(2025, 3, 20)
DEMO_END = date(2025, 4, 10)

_DAY_NAMES = {
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_KIND_LABELS = {
    "id": {
        cal.DayKind.WORKING_DAY: "hari kerja",
        cal.DayKind.WEEKEND: "akhir pekan",
        cal.DayKind.NATIONAL_HOLIDAY: "libur nasional",
        cal.DayKind.CUTI_BERSAMA: "cuti bersama",
    },
    "en": {
        cal.DayKind.WORKING_DAY: "working day",
        cal.DayKind.WEEKEND: "weekend",
        cal.DayKind.NATIONAL_HOLIDAY: "national holiday",
        cal.DayKind.CUTI_BERSAMA: "cuti bersama",
    },
}
_TEXT = {
    "id": {
        "calendar_title": "Kalender ASN {start} s.d. {end}",
        "legend": "FWA = hari kerja fleksibel nasional (surat edaran MenPANRB)",
        "fwa": "FWA",
    },
    "en": {
        "calendar_title": "ASN calendar {start} to {end}",
        "legend": "FWA = national flexible-work day (MenPANRB circulars)",
        "fwa": "FWA",
    },
}


def calendar_lines(start: date, end: date, lang: Language = "id") -> list[str]:
    """The ASN calendar of a span as text lines: day, kind, holiday name, FWA marks."""
    flexible = {
        item.day: item.basis
        for year in range(start.year, end.year + 1)
        for item in cal.national_flexible_days(year)
    }
    text = _TEXT[lang]
    lines = [text["calendar_title"].format(start=start.isoformat(), end=end.isoformat()), ""]
    day = start
    while day <= end:
        info = cal.day_info(day)
        name = info.name(lang) or ""
        mark = f"{text['fwa']} ({flexible[day].short})" if day in flexible else ""
        detail = " - ".join(part for part in (name, mark) if part)
        lines.append(
            f"{day.isoformat()} {_DAY_NAMES[lang][day.weekday()]}  "
            f"{_KIND_LABELS[lang][info.kind]:<16} {detail}".rstrip()
        )
        day += timedelta(days=1)
    lines += ["", text["legend"]]
    return lines


def _cmd_calendar(args: argparse.Namespace) -> int:
    try:
        year, month = (int(part) for part in args.month.split("-"))
        start = date(year, month, 1)
    except ValueError:
        raise FlexasnError(f"month must be YYYY-MM (got {args.month!r})") from None
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    print("\n".join(calendar_lines(start, end, args.lang)))
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    print("\n".join(calendar_lines(DEMO_START, DEMO_END, args.lang)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``flexasn`` command."""
    parser = argparse.ArgumentParser(
        prog="flexasn",
        description="Aturan kerja fleksibel ASN (WFO/WFH/WFA) dengan dasar hukumnya. "
        "Indonesia's civil-service flexible-work rules, with citations.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa / language")

    p = sub.add_parser(
        "calendar",
        help="kalender ASN sebulan / the ASN calendar of a month",
        description="Contoh / example: flexasn calendar 2025-03",
    )
    p.add_argument("month", help="YYYY-MM")
    common(p)
    p.set_defaults(func=_cmd_calendar)

    p = sub.add_parser(
        "demo",
        help="contoh pekerjaan utama / the main job on the bundled example",
        description="Contoh / example: flexasn demo --lang en",
    )
    common(p)
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 negative finding, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except (FlexasnError, ValueError) as exc:
        if args.debug:
            raise
        print(f"flexasn: error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
