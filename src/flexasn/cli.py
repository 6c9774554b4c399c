"""The ``flexasn`` command: the library's answers at a terminal, in Indonesian or English.

Importing :mod:`flexasn` never imports this module; it uses the standard library only
(:mod:`argparse`) on top of the library.

Commands: ``calendar``, ``policies``, ``check``, ``quota``, ``plan``, ``validate``,
``hours`` and ``demo``. Every command takes ``--lang id|en`` (default ``id``) and
``--debug``; those that print data take ``--format table|json|csv``.

Exit codes:

- ``0``: success; for ``check``, the employee **may** work remotely (allowed);
- ``1``: a negative finding: ``check`` answers denied or undetermined (not "yes"),
  ``validate`` finds violations, ``hours`` finds a violation of the hours owed;
- ``2``: bad usage or bad input (an unreadable file, a bad date, a date beyond the decreed
  calendar, an unknown policy), reported in one line without a traceback
  (``--debug`` shows it).

Output never carries a full NIP nor a name, errors included (with ``--debug`` too):
tables show employees masked (``…1001``) with their row in the employees file; JSON and
CSV by their masked id (``…1001#5c2e9a07``, :func:`flexasn.privacy.masked_id`: set
``FLEXASN_MASK_KEY`` for ids that stay the same from one run to the next) and row. Only
the files written with ``plan --output`` (which ``validate`` reads back) hold the
roster's NIPs.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import calendar as cal
from .decide import Decision, eligible_for_wfa
from .doctor import DoctorReport, doctor
from .errors import (
    CoverageError,
    FlexasnError,
    InvalidInputError,
    UnknownPolicyError,
    drop_chain,
    mask_location,
)
from .legal import Citation, data_as_of
from .messages import Language, render
from .people import (
    AgencyType,
    DisciplineStatus,
    Employee,
    EmploymentStatus,
    Opd,
    PositionType,
    ServiceCategory,
    WorkMode,
    mask_nip,
    parse_nip,
)
from .policy import Arrangement, ArrangementKind, Policy, QuotaRule, get_policy, list_policies
from .policy import load_policy as _load_policy_file
from .privacy import masked_id
from .quotas import Quota, QuotaStatus, quota

if TYPE_CHECKING:  # pragma: no cover - imported lazily by the commands that need them
    from .hours import HoursReport
    from .roster import Roster
    from .schedule import Schedule

WIDTH = 80
"""Tables and wrapped text fit an 80-column terminal."""
DEMO_START = date(2025, 3, 20)
DEMO_END = date(2025, 4, 10)
DEMO_QUOTA_DAY = date(2025, 3, 24)
DEMO_PLAN = (date(2025, 3, 24), date(2025, 3, 27))
DEMO_CUTI = date(2025, 3, 28)
DEMO_POLICY = "kab-malang"
DEMO_OPD = "BKPSDM"
PLACEHOLDER_NIP = "198001012005011001"
"""A made-up NIP used by ``check`` when none is given (shown as ``-``, never printed)."""
FORMATS = ("table", "json", "csv")


class CliError(FlexasnError):
    """Bad usage or input found by the command itself, with its message in both languages."""

    def __init__(self, text_id: str, text_en: str) -> None:
        self.text = {"id": text_id, "en": text_en}
        super().__init__(text_en)


# --- words of the command (the library's messages live in flexasn/locale) -------------

_DAY_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_KIND_LABELS: dict[str, dict[cal.DayKind, str]] = {
    lang: {k: render(f"day_kind.{k.value}", lang) for k in cal.DayKind} for lang in ("id", "en")
}
_ARRANGEMENT_LABELS: dict[str, dict[ArrangementKind, str]] = {
    "id": {
        ArrangementKind.DATED: "bertanggal (surat edaran)",
        ArrangementKind.WEEKLY: "mingguan (hari tertentu setiap pekan)",
        ArrangementKind.STANDING: "tetap (Permen PANRB 4/2025)",
        ArrangementKind.NO_FLEXIBLE_WORK: "tanpa kerja fleksibel: semua WFO",
        ArrangementKind.DECISION_UNKNOWN: "keputusan tidak diketahui",
    },
    "en": {
        ArrangementKind.DATED: "dated (circular)",
        ArrangementKind.WEEKLY: "weekly (named weekdays)",
        ArrangementKind.STANDING: "standing (Permen PANRB 4/2025)",
        ArrangementKind.NO_FLEXIBLE_WORK: "no flexible work: everyone WFO",
        ArrangementKind.DECISION_UNKNOWN: "decision unknown",
    },
}
_OUTCOMES = {
    "id": {"allowed": "BOLEH", "denied": "TIDAK BOLEH", "undetermined": "BELUM PASTI"},
    "en": {"allowed": "ALLOWED", "denied": "DENIED", "undetermined": "UNDETERMINED"},
}
_MARKS: dict[bool | None, str] = {True: "✓", False: "✗", None: "?"}

_T: dict[str, dict[str, str]] = {
    "id": {
        "error": "flexasn: galat",
        "calendar_title": "Kalender ASN {start} s.d. {end}",
        "calendar_policy": "Pengaturan daerah: {name} ({id})",
        "cal_headers": "tanggal|hari|jenis|nasional|daerah|keterangan",
        "legend_fwa": "FWA = hari kerja fleksibel nasional: {items}",
        "legend_none": "Tidak ada hari kerja fleksibel nasional dalam rentang ini.",
        "legend_region": "Daerah: {mark} = pengaturan '{id}' ({kind}), dasar: {basis}",
        "legend_estimated": "* perkiraan: tanggal belum ditetapkan (tahun di luar kalender "
        "yang ditetapkan, atau hari raya yang menunggu keputusan Menteri Agama)",
        "policies_headers": "id|tingkat|zona|pengaturan|nama",
        "level": "tingkat",
        "timezone": "zona waktu",
        "province": "provinsi",
        "days": "hari",
        "working_days": "hari kerja",
        "modes": "mode",
        "heads_onsite": "kepala OPD di kantor",
        "duty_onsite": "petugas piket di kantor",
        "frontline_onsite": "layanan garis depan di kantor",
        "weekly_limit": "batas per minggu",
        "basis": "dasar",
        "also": "juga",
        "quota": "kuota",
        "quota_none": "proporsi tidak ditetapkan: diserahkan kepada pimpinan instansi",
        "notes": "catatan",
        "confidence": "keyakinan",
        "yes": "ya",
        "no": "tidak",
        "no_arrangements": "(tidak ada pengaturan)",
        "decision": "Keputusan",
        "day": "tanggal",
        "employee": "pegawai",
        "row": "baris",
        "arrangement": "pengaturan",
        "quota_title": "Kuota WFH/WFA per OPD pada {day} ({policy})",
        "quota_headers": "OPD|pegawai|batas|perhitungan / keterangan",
        "q_day_off": "bukan hari kerja",
        "q_no_arrangement": "tidak ada pengaturan kerja fleksibel: semua WFO",
        "q_no_flexible_work": "instansi memutuskan tanpa kerja fleksibel",
        "q_out_of_scope": "di luar cakupan (Permen PANRB 4/2025 Pasal 38)",
        "q_undefined": "tidak ditetapkan: proporsi diserahkan kepada pimpinan instansi",
        "q_unknown": "tidak diketahui: keputusan instansi tidak diketahui",
        "q_coverage": "tidak diketahui: tanggal di luar tahun kalender yang ditetapkan",
        "q_excluded": "OPD dikecualikan",
        "basis_title": "Dasar hukum:",
        "plan_title": "Rotasi {opd} ({name}, {headcount} pegawai) {start} s.d. {end}",
        "plan_grid": "Pegawai yang bekerja fleksibel (H = WFH, A = WFA, O = WFO, - = libur):",
        "plan_rest": "{count} pegawai lainnya WFO setiap hari ({why}).",
        "plan_nobody": "Tidak ada pegawai yang bekerja fleksibel dalam rentang ini.",
        "plan_written": "Jadwal ditulis ke {path} (berisi NIP lengkap; simpan dengan aman).",
        "summary_headers": "tanggal|keluar|WFH|WFA|kantor|batas|sisa|status",
        "fairness": "Keadilan",
        "valid_ok": "Jadwal {opd} {start} s.d. {end} sah: tidak ada pelanggaran.",
        "valid_bad": "Jadwal {opd} {start} s.d. {end}: {count} pelanggaran.",
        "hours_title": "Jam kerja {start} s.d. {end} ({zone}, {mode})",
        "hours_headers": "tanggal|jenis|wajib|bekerja|selisih|",
        "weeks_headers": "minggu mulai|wajib|bekerja|selisih|lengkap|",
        "hours_total": "Jumlah: wajib {owed}, bekerja {worked}, selisih {balance}.",
        "findings": "Temuan:",
        "no_findings": "Tidak ada temuan.",
        "demo_title": "flexasn: pekerjaan utama pada contoh Kabupaten Malang",
        "demo_doctor": "5. Yang belum diketahui data hukum (flexasn doctor)",
        "demo_calendar": "1. Kalender 20 Maret s.d. 10 April 2025",
        "demo_quota": "2. Kuota tiap OPD pada 24 Maret 2025",
        "demo_plan": "3. Rotasi 24-27 Maret 2025",
        "demo_plan_headers": "OPD|pegawai|batas|24|25|26|27|adil",
        "demo_plan_note": "Angka = pegawai WFH/WFA hari itu; adil = selisih hari terbanyak "
        "dan tersedikit.",
        "demo_check": "Pemeriksaan jadwal {opd}: {count} pelanggaran.",
        "demo_decisions": "4. Tiga keputusan yang dijelaskan",
        "demo_d1": "a) Pegawai {opd} pada 24 Maret 2025:",
        "demo_d2": "b) Kepala {opd} pada 24 Maret 2025:",
        "demo_d3": "c) Pegawai yang sama pada 28 Maret 2025 (cuti bersama):",
        "no_example": "contoh Kabupaten Malang tidak ditemukan ({path}): folder itu harus "
        "berisi opd.csv dan pegawai.csv",
    },
    "en": {
        "error": "flexasn: error",
        "calendar_title": "ASN calendar {start} to {end}",
        "calendar_policy": "Regional arrangements: {name} ({id})",
        "cal_headers": "date|day|kind|national|regional|note",
        "legend_fwa": "FWA = national flexible-work day: {items}",
        "legend_none": "No national flexible-work day in this span.",
        "legend_region": "Regional: {mark} = arrangement '{id}' ({kind}), basis: {basis}",
        "legend_estimated": "* estimate: a date not decreed yet (a year beyond the decreed "
        "calendar, or a holiday awaiting the Minister of Religious Affairs)",
        "policies_headers": "id|level|zone|arrangements|name",
        "level": "level",
        "timezone": "time zone",
        "province": "province",
        "days": "days",
        "working_days": "working days",
        "modes": "modes",
        "heads_onsite": "heads of OPD on site",
        "duty_onsite": "duty officers on site",
        "frontline_onsite": "front-line staff on site",
        "weekly_limit": "weekly limit",
        "basis": "basis",
        "also": "also",
        "quota": "quota",
        "quota_none": "no proportion set: left to the head of agency",
        "notes": "notes",
        "confidence": "confidence",
        "yes": "yes",
        "no": "no",
        "no_arrangements": "(no arrangements)",
        "decision": "Decision",
        "day": "date",
        "employee": "employee",
        "row": "row",
        "arrangement": "arrangement",
        "quota_title": "WFH/WFA quota per OPD on {day} ({policy})",
        "quota_headers": "OPD|staff|limit|computation / note",
        "q_day_off": "not a working day",
        "q_no_arrangement": "no flexible-work arrangement: everyone WFO",
        "q_no_flexible_work": "the instansi decided on no flexible work",
        "q_out_of_scope": "out of scope (Permen PANRB 4/2025 Pasal 38)",
        "q_undefined": "not set: the proportion is left to the head of agency",
        "q_unknown": "unknown: the instansi's decision is not known",
        "q_coverage": "unknown: the date is beyond the decreed calendar years",
        "q_excluded": "OPD excluded",
        "basis_title": "Legal basis:",
        "plan_title": "Rotation {opd} ({name}, {headcount} staff) {start} to {end}",
        "plan_grid": "Staff working flexibly (H = WFH, A = WFA, O = WFO, - = day off):",
        "plan_rest": "{count} other staff WFO every day ({why}).",
        "plan_nobody": "Nobody works flexibly in this span.",
        "plan_written": "Schedule written to {path} (it holds full NIPs; keep it safe).",
        "summary_headers": "date|out|WFH|WFA|on site|limit|unused|status",
        "fairness": "Fairness",
        "valid_ok": "Schedule {opd} {start} to {end} is lawful: no violations.",
        "valid_bad": "Schedule {opd} {start} to {end}: {count} violation(s).",
        "hours_title": "Working hours {start} to {end} ({zone}, {mode})",
        "hours_headers": "date|kind|owed|worked|balance|",
        "weeks_headers": "week of|owed|worked|balance|complete|",
        "hours_total": "Total: owed {owed}, worked {worked}, balance {balance}.",
        "findings": "Findings:",
        "no_findings": "No findings.",
        "demo_title": "flexasn: the main job on the Kabupaten Malang example",
        "demo_doctor": "5. What the bundled law does not know yet (flexasn doctor)",
        "demo_calendar": "1. Calendar 20 March to 10 April 2025",
        "demo_quota": "2. Each OPD's quota on 24 March 2025",
        "demo_plan": "3. Rotation 24-27 March 2025",
        "demo_plan_headers": "OPD|staff|limit|24|25|26|27|fair",
        "demo_plan_note": "Numbers = staff on WFH/WFA that day; fair = most minus fewest days.",
        "demo_check": "Check of the {opd} schedule: {count} violation(s).",
        "demo_decisions": "4. Three explained decisions",
        "demo_d1": "a) An employee of {opd} on 24 March 2025:",
        "demo_d2": "b) The head of {opd} on 24 March 2025:",
        "demo_d3": "c) The same employee on 28 March 2025 (cuti bersama):",
        "no_example": "the Kabupaten Malang example was not found ({path}): the folder must "
        "hold opd.csv and pegawai.csv",
    },
}


def _t(lang: Language, key: str, **params: object) -> str:
    return _T[lang][key].format(**params)


def _headers(lang: Language, key: str) -> list[str]:
    return _T[lang][key].split("|")


# --- text layout ---------------------------------------------------------------------


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    width: int = WIDTH,
    right: Iterable[int] = (),
) -> list[str]:
    """An aligned text table whose last column wraps so that every line fits ``width``.

    Columns in ``right`` are right-aligned (numbers).
    """
    body = [[str(c) for c in row] for row in rows]
    head = [str(h) for h in headers]
    rights = set(right)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head) - 1)]
    indent = sum(widths) + 2 * len(widths)
    room = max(width - indent, 16)
    lines: list[str] = []
    for n, row in enumerate([head, *body]):
        cells = [
            c.rjust(w) if i in rights and n else c.ljust(w)
            for i, (c, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        wrapped = textwrap.wrap(row[-1], room) or [""]
        lines.append("  ".join([*cells, wrapped[0]]).rstrip())
        lines.extend((" " * indent + more).rstrip() for more in wrapped[1:])
        if n == 0:
            last = min(room, max(len(r[-1]) for r in [head, *body]))
            lines.append("  ".join(["-" * w for w in widths] + ["-" * last]).rstrip())
    return lines


def wrap(text: str, indent: int = 0, first: str = "") -> list[str]:
    """Wrap ``text`` to the terminal width; ``first`` prefixes the first line."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first or " " * indent,
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    ) or [first.rstrip()]


# Short labels of a schedule day's status (the codes are schedule.DayStatus).
_STATUS: dict[str, dict[str, str]] = {
    "id": {
        "rule": "kuota",
        "day_off": "libur",
        "no_arrangement": "tanpa aturan",
        "no_flexible_work": "tanpa FWA",
        "out_of_scope": "di luar cakupan",
        "quota_undefined": "kuota tak tetap",
        "unplanned": "manual",
    },
    "en": {
        "rule": "quota",
        "day_off": "day off",
        "no_arrangement": "no arrangement",
        "no_flexible_work": "no FWA",
        "out_of_scope": "out of scope",
        "quota_undefined": "no quota set",
        "unplanned": "by hand",
    },
}


# Working-time modes (HoursReport.time_mode) and finding severities, as words.
_TIME_MODES: dict[str, dict[str, str]] = {
    "id": {"tetap": "jam tetap", "dinamis": "jam dinamis", "sif": "sif"},
    "en": {"tetap": "fixed hours", "dinamis": "dynamic hours", "sif": "shifts"},
}
_SEVERITIES: dict[str, dict[str, str]] = {
    "id": {"violation": "pelanggaran", "warning": "peringatan", "notice": "catatan"},
    "en": {"violation": "violation", "warning": "warning", "notice": "notice"},
}


def _csv_cell(value: object) -> object:
    """CSV carries the same stable codes as JSON: ``true``/``false``, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
    return buf.getvalue().rstrip("\n")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _hm(value: timedelta) -> str:
    minutes = int(value.total_seconds()) // 60
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


def _cite(c: Citation | None, lang: Language = "id") -> str:
    return c.text(lang) if c is not None else "-"


class Progress:
    """A progress bar on standard error, shown only when it is a terminal."""

    def __init__(self, total: int, label: str) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.shown = total > 3 and sys.stderr.isatty()

    def step(self) -> None:
        """One more item done."""
        self.done += 1
        if self.shown:
            filled = 30 * self.done // self.total
            bar = "#" * filled + "." * (30 - filled)
            end = "\n" if self.done == self.total else ""
            print(f"\r{self.label} [{bar}] {self.done}/{self.total}", end=end, file=sys.stderr)
            sys.stderr.flush()


# --- parsing the command's arguments -----------------------------------------------------


def parse_day(text: str, what: str = "date") -> date:
    """An ISO date (``YYYY-MM-DD``); a bad one is a :class:`CliError` in both languages."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise CliError(
        f"{what}: tanggal tidak sah {text!r}; gunakan YYYY-MM-DD (contoh 2025-03-24)",
        f"{what}: invalid date {text!r}; use YYYY-MM-DD (e.g. 2025-03-24)",
    )


def parse_span(text: str) -> tuple[date, date]:
    """A month ``YYYY-MM`` or an inclusive span ``YYYY-MM-DD..YYYY-MM-DD``."""
    value = text.strip()
    if ".." in value:
        first, _, last = value.partition("..")
        start, end = parse_day(first, "start"), parse_day(last, "end")
        if end < start:
            raise CliError(
                f"akhir rentang {end} sebelum awalnya {start}",
                f"the span's end {end} is before its start {start}",
            )
        return start, end
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match and 1 <= int(match.group(2)) <= 12:
        start = date(int(match.group(1)), int(match.group(2)), 1)
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, following - timedelta(days=1)
    raise CliError(
        f"bulan tidak sah {text!r}; gunakan YYYY-MM (contoh 2025-03) atau YYYY-MM-DD..YYYY-MM-DD",
        f"invalid month {text!r}; use YYYY-MM (e.g. 2025-03) or YYYY-MM-DD..YYYY-MM-DD",
    )


def check_span_size(start: date, end: date, fmt: str = "table") -> None:
    """The command line's limits on a span (``end`` not before ``start``): at most
    :data:`~flexasn.calendar.MAX_TABLE_DAYS` days (366) shown as a table, at most
    :data:`~flexasn.calendar.MAX_DATA_DAYS` (1,830: five years) written as JSON or CSV. A
    longer span is a :class:`CliError` naming the limits, before any work."""
    days = (end - start).days + 1
    limit = cal.MAX_TABLE_DAYS if fmt == "table" else cal.MAX_DATA_DAYS
    if days <= limit:
        return
    span = f"{start.isoformat()}..{end.isoformat()}"
    n_id, n_en = f"{days:,}".replace(",", "."), f"{days:,}"
    if fmt == "table":
        raise CliError(
            f"rentang {span} berisi {n_id} hari: tabel menampilkan paling banyak "
            f"{cal.MAX_TABLE_DAYS} hari, JSON dan CSV paling banyak "
            f"{cal.MAX_DATA_DAYS:,} hari (--format json|csv); bagi rentangnya".replace(
                "1,830", "1.830"
            ),
            f"the span {span} has {n_en} days: a table shows at most {cal.MAX_TABLE_DAYS} "
            f"days, JSON and CSV at most {cal.MAX_DATA_DAYS:,} days (--format json|csv); "
            "split the span",
        )
    raise CliError(
        f"rentang {span} berisi {n_id} hari: JSON dan CSV paling banyak "
        f"{cal.MAX_DATA_DAYS:,} hari; bagi rentangnya (misalnya per tahun)".replace(
            "1,830", "1.830"
        ),
        f"the span {span} has {n_en} days: JSON and CSV hold at most "
        f"{cal.MAX_DATA_DAYS:,} days; split the span (for example year by year)",
    )


def resolve_policy_arg(value: str) -> Policy:
    """``--policy``: a bundled id (``kab-malang``) or the path of a TOML policy file."""
    path = Path(value)
    if value.endswith(".toml") or path.exists() or "/" in value or "\\" in value:
        return _load_policy_file(path)
    return get_policy(value)


def _policy_opt(args: argparse.Namespace) -> Policy | None:
    value: str | None = args.policy
    return resolve_policy_arg(value) if value else None


def _read_roster(args: argparse.Namespace) -> Roster:
    from .roster import read_roster

    if not args.opds or not args.employees:
        raise CliError(
            "beri daftar OPD dan pegawai: --opds FILE --employees FILE",
            "give the roster: --opds FILE --employees FILE",
        )
    return read_roster(
        args.opds, args.employees, check_headcount=not getattr(args, "partial", False)
    )


def _opd_from_options(args: argparse.Namespace, policy: Policy | None) -> Opd:
    instansi = args.instansi or (policy.id if policy is not None else None)
    missing = [
        name
        for name, value in (
            ("--kind", args.kind),
            ("--service", args.service),
            ("--headcount", args.headcount),
            ("--instansi/--policy", instansi),
        )
        if value is None
    ]
    if missing:
        raise CliError(
            f"data OPD kurang: {', '.join(missing)} (atau beri --opds FILE)",
            f"missing OPD facts: {', '.join(missing)} (or give --opds FILE)",
        )
    code = args.opd or str(args.kind).upper()
    return Opd(
        code=code,
        name=args.opd_name or code,
        instansi=instansi,
        kind=args.kind,
        service=ServiceCategory(args.service),
        headcount=args.headcount,
        agency_type=AgencyType(args.agency_type),
    )


# --- calendar ----------------------------------------------------------------------------


def _region_mark(a: Arrangement) -> str:
    if a.kind is ArrangementKind.NO_FLEXIBLE_WORK:
        return "WFO"
    if a.kind is ArrangementKind.DECISION_UNKNOWN:
        return "?"
    return "/".join(m.value.upper() for m in a.modes)


def calendar_rows(
    start: date,
    end: date,
    policy: Policy | None = None,
    *,
    strict: bool = True,
    lang: Language = "id",
) -> list[dict[str, Any]]:
    """The ASN calendar of a span, one JSON-ready dict per day.

    Keys: ``date`` (ISO), ``weekday`` (0 = Monday), ``kind`` (the :class:`DayKind`
    value), ``working_day``, ``name_id``, ``name_en``, ``estimated``, ``basis``,
    ``national_flexible`` (the circular, or None) and ``regional`` (the policy's
    arrangement covering the day, or None). Citations are rendered in ``lang``.
    """
    if end < start:
        raise CliError(f"akhir {end} sebelum awal {start}", f"end {end} is before start {start}")
    cal.check_span(start, end)  # at most MAX_SPAN_DAYS: SpanTooLongError before any work
    for edge in (start, end):  # name the user's own dates in a coverage error
        cal.day_info(edge, strict=strict)
    flexible = {
        item.day: item.basis
        for year in range(start.year, end.year + 1)
        for item in cal.national_flexible_days(year, strict=strict)
    }
    rows: list[dict[str, Any]] = []
    day = start
    while day <= end:
        info = cal.day_info(day, strict=strict)
        regional: dict[str, Any] | None = None
        if policy is not None:
            found = policy.in_force(day)
            a = found.arrangement
            if a is not None:
                regional = {
                    "policy": policy.id,
                    "arrangement": a.id,
                    "national": found.national,
                    "kind": a.kind.value,
                    "modes": [m.value for m in a.modes],
                    "flexible": a.permits_flexible_work and info.is_working_day,
                    "basis": a.citation().text(lang),
                }
        rows.append(
            {
                "date": day.isoformat(),
                "weekday": day.weekday(),
                "kind": info.kind.value,
                "working_day": info.is_working_day,
                "name_id": info.name_id,
                "name_en": info.name_en,
                "estimated": info.estimated,
                "basis": info.basis.text(lang),
                "national_flexible": str(flexible[day]) if day in flexible else None,
                "regional": regional,
            }
        )
        day += timedelta(days=1)
    return rows


def calendar_lines(
    start: date,
    end: date,
    lang: Language = "id",
    policy: Policy | None = None,
    *,
    strict: bool = True,
) -> list[str]:
    """The ASN calendar of a span as text lines: kinds, holiday names, FWA days, legends."""
    rows = calendar_rows(start, end, policy, strict=strict, lang=lang)
    lines = [_t(lang, "calendar_title", start=start.isoformat(), end=end.isoformat())]
    if policy is not None:
        lines.append(_t(lang, "calendar_policy", name=policy.name, id=policy.id))
    lines.append("")
    body = []
    for r in rows:
        kind = _KIND_LABELS[lang][cal.DayKind(r["kind"])] + ("*" if r["estimated"] else "")
        reg = r["regional"]
        mark = ""
        if reg is not None and r["working_day"] and policy is not None:
            found = policy.arrangement_on(date.fromisoformat(r["date"]))
            if found is not None:
                mark = _region_mark(found)
        body.append(
            [
                r["date"],
                _DAY_NAMES[lang][r["weekday"]],
                kind,
                "FWA" if r["national_flexible"] else "",
                mark,
                r[f"name_{lang}"] or "",
            ]
        )
    lines += table(_headers(lang, "cal_headers"), body)
    lines.append("")
    circulars: dict[str, list[str]] = {}
    for r in rows:
        if r["national_flexible"]:
            circulars.setdefault(r["national_flexible"], []).append(r["date"][5:])
    if circulars:
        items = "; ".join(f"{c} ({', '.join(ds)})" for c, ds in circulars.items())
        lines += wrap(_t(lang, "legend_fwa", items=items), 2, "")
    else:
        lines.append(_t(lang, "legend_none"))
    if policy is not None:
        seen: list[str] = []
        for r in rows:
            reg = r["regional"]
            if reg is not None and r["working_day"] and reg["arrangement"] not in seen:
                seen.append(reg["arrangement"])
                a = policy.arrangement_on(date.fromisoformat(r["date"]))
                if a is None:  # pragma: no cover - the row was built from the same lookup
                    continue
                text = _t(
                    lang,
                    "legend_region",
                    mark=_region_mark(a),
                    id=a.id,
                    kind=_ARRANGEMENT_LABELS[lang][a.kind],
                    basis=a.citation().text(lang),
                )
                lines += wrap(text, 2)
    if any(r["estimated"] for r in rows):
        lines.append(_t(lang, "legend_estimated"))
    return lines


def _cmd_calendar(args: argparse.Namespace) -> int:
    start, end = parse_span(args.month)
    check_span_size(start, end, args.format)
    policy = _policy_opt(args)
    strict = not args.estimate
    if args.format == "table":
        print("\n".join(calendar_lines(start, end, args.lang, policy, strict=strict)))
        return 0
    rows = calendar_rows(start, end, policy, strict=strict, lang=args.lang)
    if args.format == "json":
        print(_json(rows))
        return 0
    headers = [
        "date",
        "weekday",
        "kind",
        "working_day",
        "name_id",
        "name_en",
        "estimated",
        "national_flexible",
        "regional_arrangement",
        "regional_kind",
        "regional_modes",
    ]
    out = []
    for r in rows:
        reg = r["regional"] or {}
        out.append(
            [
                r["date"],
                r["weekday"],
                r["kind"],
                r["working_day"],
                r["name_id"],
                r["name_en"],
                r["estimated"],
                r["national_flexible"],
                reg.get("arrangement"),
                reg.get("kind"),
                "/".join(reg.get("modes", [])),
            ]
        )
    print(_csv(headers, out))
    return 0


# --- policies ----------------------------------------------------------------------------


def _spans(a: Arrangement) -> str:
    return ", ".join(str(s) for s in sorted(a.days, key=lambda s: s.first_day))


def _selector(rule: QuotaRule) -> str:
    if rule.kinds:
        return "kind=" + ",".join(rule.kinds)
    if rule.services:
        return "service=" + ",".join(s.value for s in rule.services)
    return "default"


def _rule_citation(a: Arrangement, rule: QuotaRule) -> Citation:
    return (rule.basis or a.basis).citation()


def policy_lines(policy: Policy, lang: Language = "id") -> list[str]:
    """A policy as text: each arrangement with its days, modes, quotas and citations."""
    t = _T[lang]
    yes_no = {True: t["yes"], False: t["no"]}
    lines = [f"{policy.id}: {policy.name}"]
    facts = [f"{t['level']}: {policy.level.value}", f"{t['timezone']}: {policy.timezone}"]
    if policy.province:
        facts.append(f"{t['province']}: {policy.province}")
    lines.append(" · ".join(facts))
    if policy.note(lang):
        lines += wrap(f"{t['notes']}: {policy.note(lang)}")
    if not policy.arrangement:
        lines += ["", t["no_arrangements"]]
    for a in policy.arrangement:
        lines.append("")
        title = f" - {a.title}" if a.title else ""
        lines += wrap(f"[{a.id}] {_ARRANGEMENT_LABELS[lang][a.kind]}{title}")
        lines += wrap(f"{t['days']}: {_spans(a)}", 4, "  ")
        if a.permits_flexible_work:
            modes = ", ".join(m.value.upper() for m in a.modes)
            onsite = (
                f"{t['modes']}: {modes} · {t['heads_onsite']}: {yes_no[a.heads_onsite]} · "
                f"{t['duty_onsite']}: {yes_no[a.duty_officers_onsite]} · "
                f"{t['frontline_onsite']}: {yes_no[a.frontline_onsite]}"
            )
            if a.weekly_limit is not None:
                onsite += f" · {t['weekly_limit']}: {a.weekly_limit}"
            lines += wrap(onsite, 4, "  ")
        basis = f"{t['basis']}: {a.citation().text(lang)}"
        if a.also_cites:
            basis += f"; {t['also']}: " + "; ".join(b.citation().text(lang) for b in a.also_cites)
        lines += wrap(basis, 4, "  ")
        if a.permits_flexible_work:
            if not a.quota:
                lines += wrap(f"{t['quota']}: {t['quota_none']}", 4, "  ")
            else:
                lines.append(f"  {t['quota']}:")
                for rule in a.quota:
                    onsite_extra = f", min_onsite {rule.min_onsite}" if rule.min_onsite else ""
                    text = (
                        f"{_selector(rule)}: {rule.percent}% ({rule.rounding}{onsite_extra})"
                        f"{' - ' + rule.label if rule.label else ''} "
                        f"[{_rule_citation(a, rule)}]"
                    )
                    lines += wrap(text, 6, "    - ")
        if a.note(lang):
            lines += wrap(f"{t['notes']}: {a.note(lang)}", 4, "  ")
    return lines


def _policy_json(policy: Policy, lang: Language) -> dict[str, Any]:
    data = policy.model_dump(mode="json")
    for raw, a in zip(data["arrangement"], policy.arrangement, strict=True):
        raw["citation"] = a.citation().text(lang)
        for raw_rule, rule in zip(raw["quota"], a.quota, strict=True):
            raw_rule["citation"] = _rule_citation(a, rule).text(lang)
    return data


def _cmd_policies(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    if args.policy_id is None:
        policies = [get_policy(p) for p in list_policies()]
        rows = [[p.id, p.level.value, p.timezone, len(p.arrangement), p.name] for p in policies]
        if args.format == "json":
            keys = ("id", "level", "timezone", "arrangements", "name")
            print(_json([dict(zip(keys, r, strict=True)) for r in rows]))
        elif args.format == "csv":
            print(_csv(["id", "level", "timezone", "arrangements", "name"], rows))
        else:
            print("\n".join(table(_headers(lang, "policies_headers"), rows, right=(3,))))
        return 0
    policy = resolve_policy_arg(args.policy_id)
    if args.format == "json":
        print(_json(_policy_json(policy, lang)))
    elif args.format == "csv":
        headers = [
            "policy",
            "arrangement",
            "kind",
            "days",
            "modes",
            "heads_onsite",
            "quota_selector",
            "percent",
            "rounding",
            "min_onsite",
            "basis",
        ]
        out: list[list[object]] = []
        for a in policy.arrangement:
            common = [policy.id, a.id, a.kind.value, _spans(a), "/".join(a.modes), a.heads_onsite]
            if not a.quota:
                out.append([*common, None, None, None, None, a.citation().text(lang)])
            for rule in a.quota:
                out.append(
                    [
                        *common,
                        _selector(rule),
                        rule.percent,
                        rule.rounding,
                        rule.min_onsite,
                        _rule_citation(a, rule).text(lang),
                    ]
                )
        print(_csv(headers, out))
    else:
        print("\n".join(policy_lines(policy, lang)))
    return 0


# --- check ---------------------------------------------------------------------------------


def decision_lines(d: Decision, lang: Language = "id", opd_name: str | None = None) -> list[str]:
    """A decision as text: the outcome, then every check with its message and citation."""
    t = _T[lang]
    modes = f" ({', '.join(m.value.upper() for m in d.modes)})" if d.allowed else ""
    lines = [f"{t['decision']}: {_OUTCOMES[lang][d.outcome.value]}{modes}"]
    opd = f"{d.opd} ({opd_name})" if opd_name and opd_name != d.opd else d.opd
    facts = (
        f"{t['day']}: {d.day.isoformat()} · OPD: {opd} · {t['employee']}: {d.employee} · "
        f"{t['arrangement']}: {d.arrangement or '-'} ({d.policy})"
    )
    lines += wrap(facts)
    for r in d.reasons:
        lines += wrap(f"{r.check.value}: {r.message(lang)}", 4, f"  {_MARKS[r.passed]} ")
        if r.basis is not None:
            lines += wrap(f"{t['basis']}: {r.basis.text(lang)}", 6, "      ")
    if d.later_than_known:
        lines += wrap(render("decision.later_than_known", lang, as_of=d.law_as_of), 2)
    return lines


def _decision_json(d: Decision, lang: Language) -> dict[str, Any]:
    data = d.model_dump(mode="json")
    for raw, r in zip(data["reasons"], d.reasons, strict=True):
        raw["citation"] = _cite(r.basis, lang) if r.basis else None
    return data


def _employee_from_options(args: argparse.Namespace, opd: Opd, day: date) -> Employee:
    status = EmploymentStatus(args.status)
    nip = args.nip or PLACEHOLDER_NIP
    parse_nip(nip, status=status)
    return Employee(
        nip=nip,
        opd=opd.code,
        status=status,
        position=PositionType(args.position),
        is_head=args.head,
        frontline=args.frontline,
        duty_days=frozenset({day}) if args.duty else frozenset(),
        discipline=DisciplineStatus(args.discipline),
        new_in_post=args.new_in_post,
        duties_outside_office=args.duties_outside_office,
        special_circumstances=args.special_circumstances,
    )


_EMPLOYEE_FLAGS = (
    "head",
    "frontline",
    "duty",
    "new_in_post",
    "duties_outside_office",
    "special_circumstances",
)


def _cmd_check(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    day = parse_day(args.date)
    policy = _policy_opt(args)
    if args.opds or args.employees:
        if not args.nip:
            raise CliError(
                "dengan --opds/--employees, beri --nip pegawai yang diperiksa",
                "with --opds/--employees, give the --nip of the employee to check",
            )
        given = [f"--{f.replace('_', '-')}" for f in _EMPLOYEE_FLAGS if getattr(args, f)]
        if given:
            raise CliError(
                f"data pegawai diambil dari daftar pegawai; hapus {', '.join(given)}",
                f"the employee's facts come from the roster; drop {', '.join(given)}",
            )
        roster = _read_roster(args)
        employee = next((e for e in roster.employees if e.nip == args.nip), None)
        if employee is None:
            raise CliError(
                f"NIP {mask_nip(args.nip)} tidak ada dalam {args.employees}",
                f"NIP {mask_nip(args.nip)} is not in {args.employees}",
            )
        opd = roster.opd(employee.opd)
    else:
        opd = _opd_from_options(args, policy)
        employee = _employee_from_options(args, opd, day)
    decision = eligible_for_wfa(
        employee,
        opd,
        day,
        policy=policy,
        remote_days_this_week=args.remote_days_this_week,
        known_on=parse_day(args.known_on) if args.known_on else None,
    )
    if not args.nip:
        decision = decision.model_copy(update={"employee": "-"})
    if args.format == "json":
        print(_json(_decision_json(decision, lang)))
    elif args.format == "csv":
        rows = [
            [
                r.check.value,
                {True: "pass", False: "fail", None: "unknown"}[r.passed],
                r.message(lang),
                _cite(r.basis, lang) if r.basis else None,
            ]
            for r in decision.reasons
        ]
        print(f"# outcome={decision.outcome.value}")
        print(_csv(["check", "result", "message", "basis"], rows))
    else:
        print("\n".join(decision_lines(decision, lang, opd.name)))
    return 0 if decision.allowed else 1


# --- quota -------------------------------------------------------------------------------


def _undefined_note(q: Quota, lang: Language) -> str:
    key = "q_undefined" if q.status is QuotaStatus.UNDEFINED else "q_unknown"
    if q.reason == "coverage":
        key = "q_coverage"
    cited = f" [{q.basis.text(lang)}]" if q.basis is not None else ""
    return _T[lang][key] + cited


def quota_rows(
    opds: Sequence[Opd],
    day: date,
    policy: Policy | None,
    lang: Language = "id",
    *,
    known_on: date | None = None,
) -> list[dict[str, Any]]:
    """Each OPD's quota on ``day``: JSON-ready dicts with the computation and a note.

    ``status`` is the :class:`~flexasn.quotas.QuotaStatus` (``set``, ``excluded``,
    ``no_flexible_work``, ``not_working_day``, ``undefined``, ``unknown``); ``reason`` the
    finer code; ``limit`` is None where the law gives no number.
    """
    rows: list[dict[str, Any]] = []
    progress = Progress(len(opds), "quota")
    for opd in opds:
        q = quota(opd, day, policy=policy, strict=False, known_on=known_on)
        progress.step()
        data = q.model_dump(mode="json")
        data["name"] = opd.name
        data["basis"] = _cite(q.basis, lang) if q.basis else None
        if q.limit is None:
            data["note"] = _undefined_note(q, lang)
        elif q.reason == "rule":
            data["formula"] = q.formula()
            data["note"] = q.formula() if q.percent else _T[lang]["q_excluded"]
        else:
            data["note"] = _T[lang][f"q_{q.reason}"]
        rows.append(data)
    return rows


def quota_lines(rows: list[dict[str, Any]], lang: Language, title: str) -> list[str]:
    """Quota rows as a text table with the legal bases below it."""
    body = [
        [
            r["opd"],
            r["headcount"],
            "-" if r["limit"] is None else r["limit"],
            r["note"],
        ]
        for r in rows
    ]
    lines = [title, "", *table(_headers(lang, "quota_headers"), body, right=(1, 2))]
    bases: dict[str, list[str]] = {}
    for r in rows:
        if r.get("basis"):
            label = r.get("rule") or r["status"]
            bases.setdefault(f"{label}: {r['basis']}", []).append(r["opd"])
    if bases:
        lines += ["", _T[lang]["basis_title"]]
        for text, opds in bases.items():
            lines += wrap(f"{text} ({', '.join(opds)})", 4, "  - ")
    return lines


def _opds_for(args: argparse.Namespace, policy: Policy | None) -> list[Opd]:
    if args.opds:
        if args.employees:
            return list(_read_roster(args).opds)
        from .roster import read_opds

        return list(read_opds(args.opds)[0])
    return [_opd_from_options(args, policy)]


def _cmd_quota(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    day = parse_day(args.date)
    policy = _policy_opt(args)
    opds = _opds_for(args, policy)
    if args.opd and args.opds:
        opds = [o for o in opds if o.code in set(args.opd.split(","))]
        if not opds:
            raise CliError(
                f"OPD {args.opd!r} tidak ada dalam {args.opds}",
                f"OPD {args.opd!r} is not in {args.opds}",
            )
    rows = quota_rows(opds, day, policy, lang)
    if args.format == "json":
        print(_json(rows))
    elif args.format == "csv":
        keys = ["day", "opd", "headcount", "percent", "rounding", "onsite_required", "limit"]
        keys += ["status", "reason", "rule", "basis", "note"]
        print(_csv(keys, [[r.get(k) for k in keys] for r in rows]))
    else:
        name = policy.id if policy else ", ".join(sorted({o.instansi for o in opds}))
        title = _t(lang, "quota_title", day=day.isoformat(), policy=name)
        print("\n".join(quota_lines(rows, lang, title)))
    return 0


# --- plan and validate -------------------------------------------------------------------


def _plan_opds(args: argparse.Namespace, roster: Roster) -> list[Opd]:
    if not args.opd:
        return list(roster.opds)
    return [roster.opd(code) for code in args.opd.split(",")]


def _grid_lines(
    schedule: Schedule, lang: Language, rows_of: Mapping[str, int] | None = None
) -> list[str]:
    """The rotation grid: the staff who work flexibly on some day, one column per day.

    With ``rows_of`` (NIP -> row in the employees file) each person also gets their row,
    which tells apart two people whose masked NIPs (last four digits) are the same.
    """
    out = [nip for nip in schedule.employees if schedule.remote_days(nip)]
    if not out:
        return [_T[lang]["plan_nobody"]]
    if rows_of:  # in file order, so that a reader can follow the roster
        out.sort(key=lambda nip: rows_of.get(nip, 0))
    cells = {"wfo": "O", "wfh": "H", "wfa": "A"}
    first = [_T[lang]["row"]] if rows_of else []
    headers = [*first, _T[lang]["employee"], *(f"{d.day.day:>2}" for d in schedule.days), ""]
    rows = []
    for nip in out:
        row = [*([str(rows_of.get(nip, "-"))] if rows_of else []), mask_nip(nip)]
        for d in schedule.days:
            row.append(" -" if d.status == "day_off" else f" {cells[schedule.mode(nip, d.day)]}")
        rows.append([*row, ""])
    lines = [_T[lang]["plan_grid"], *table(headers, rows, width=10_000)]
    rest = len(schedule.employees) - len(out)
    if rest:
        why: dict[str, int] = {}
        for nip in schedule.employees:
            if nip not in out:
                for c in schedule.held.get(nip, ()):
                    why[c.value] = why.get(c.value, 0) + 1
        text = ", ".join(f"{k} {v}" for k, v in why.items()) or "-"
        lines += wrap(_t(lang, "plan_rest", count=rest, why=text))
    return lines


def schedule_lines(
    schedule: Schedule,
    opd: Opd,
    lang: Language = "id",
    rows_of: Mapping[str, int] | None = None,
) -> list[str]:
    """A planned rotation as text: the grid, the per-day summary and the fairness note.

    ``rows_of`` maps NIPs to their rows in the employees file (shown in the grid).
    """
    lines = wrap(
        _t(
            lang,
            "plan_title",
            opd=opd.code,
            name=opd.name,
            headcount=opd.headcount,
            start=schedule.first_day.isoformat(),
            end=schedule.last_day.isoformat(),
        )
    )
    lines += ["", *_grid_lines(schedule, lang, rows_of), ""]
    body = [
        [
            s.day.isoformat(),
            s.remote,
            s.wfh,
            s.wfa,
            s.onsite,
            "-" if s.limit is None else s.limit,
            "-" if s.unused is None else s.unused,
            _STATUS[lang].get(s.status, s.status),
        ]
        for s in schedule.summary()
    ]
    lines += table(_headers(lang, "summary_headers"), body, right=range(1, 7))
    notes: dict[str, list[str]] = {}
    for s in schedule.summary():
        notes.setdefault(s.note_id if lang == "id" else s.note_en, []).append(s.day.isoformat())
    for note, days in notes.items():
        span = days[0] if len(days) == 1 else f"{days[0]}..{days[-1]} ({len(days)})"
        lines += wrap(f"{span}: {note}", 4, "  - ")
    if schedule.fairness is not None:
        lines += ["", *wrap(f"{_T[lang]['fairness']}: {schedule.fairness.note(lang)}")]
    return lines


def _schedule_json(
    schedule: Schedule, rows_of: Mapping[str, int], lang: Language
) -> dict[str, Any]:
    """A schedule as JSON with every employee named by a masked id, never a NIP.

    ``employee`` is :func:`~flexasn.privacy.masked_id`, unambiguous within the output;
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
                "basis": _cite(d.basis, lang) if d.basis else None,
                "remote": [
                    {"employee": masked_id(nip), "row": rows_of.get(nip), "mode": mode.value}
                    for nip, mode in d.remote.items()
                ],
            }
            for d in schedule.days
        ],
        "held": [
            {
                "employee": masked_id(nip),
                "row": rows_of.get(nip),
                "checks": [c.value for c in checks],
            }
            for nip, checks in schedule.held.items()
        ],
        "fairness": schedule.fairness.model_dump(mode="json") if schedule.fairness else None,
    }


def _cmd_plan(args: argparse.Namespace) -> int:
    from .check import validate_schedule
    from .plan import plan_rotation
    from .schedule import write_schedule_csv, write_schedule_json

    lang: Language = args.lang
    start, end = parse_day(args.start, "start"), parse_day(args.end, "end")
    if start <= end:  # the other order is the planner's error
        check_span_size(start, end, args.format)
    policy = _policy_opt(args)
    roster = _read_roster(args)
    opds = _plan_opds(args, roster)
    if args.output and len(opds) != 1:
        raise CliError(
            "--output menulis jadwal satu OPD: pilih dengan --opd KODE",
            "--output writes one OPD's schedule: choose it with --opd CODE",
        )
    if args.output and Path(args.output).suffix.lower() not in (".csv", ".json"):
        raise CliError(
            f"--output {args.output}: akhiran berkas harus .csv atau .json",
            f"--output {args.output}: the file name must end in .csv or .json",
        )
    mode = WorkMode(args.mode) if args.mode else None
    progress = Progress(len(opds), "plan")
    rows_of = roster.rows()
    # Each OPD's schedule is written out as soon as it is planned, into a spool file
    # copied to standard output once every OPD is planned: memory holds one schedule
    # at a time, and an error prints nothing (all or nothing).
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for index, opd in enumerate(opds):
            staff = roster.employees_of(opd.code)
            schedule = plan_rotation(opd, staff, start, end, policy=policy, mode=mode)
            if validate_schedule(schedule, opd, staff, policy=policy):  # pragma: no cover
                raise AssertionError(f"the planner made an unlawful schedule for {opd.code}")
            _write_plan(spool, args.format, index, opd, schedule, rows_of, lang)
            if args.output:  # one OPD only (checked above)
                path = Path(args.output)
                if path.suffix.lower() == ".json":
                    write_schedule_json(schedule, path)
                else:
                    write_schedule_csv(schedule, path)
            progress.step()
        if args.format == "json":
            spool.write("\n]" if opds else "[]")
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)
    print()
    if args.output:
        print(_t(lang, "plan_written", path=args.output), file=sys.stderr)
    return 0


def _write_plan(
    out: TextIO,
    fmt: str,
    index: int,
    opd: Opd,
    schedule: Schedule,
    rows_of: Mapping[str, int],
    lang: Language,
) -> None:
    """Write the ``index``-th OPD's schedule of ``flexasn plan`` (0 = the first): the
    output is the same as printing all the schedules at once, as one JSON list, one CSV
    table or text blocks separated by a rule."""
    if fmt == "json":
        item = _json(_schedule_json(schedule, rows_of, lang)).replace("\n", "\n  ")
        out.write(("[\n  " if index == 0 else ",\n  ") + item)
    elif fmt == "csv":
        days = [d.day.isoformat() for d in schedule.days]
        rows = [
            [
                rows_of.get(nip),
                masked_id(nip),
                schedule.opd,
                *(schedule.mode(nip, d.day).value for d in schedule.days),
            ]
            for nip in schedule.employees
        ]
        text = _csv(["row", "employee", "opd", *days], rows)
        body = text.partition("\n")[2]  # the rows, after the header
        out.write(text if index == 0 else ("\n" + body if body else ""))
    else:
        block = "\n".join(schedule_lines(schedule, opd, lang, rows_of))
        out.write(block if index == 0 else "\n\n" + "=" * 40 + "\n\n" + block)


def _read_schedule(path: str) -> Schedule:
    from .schedule import read_schedule_csv, read_schedule_json

    if path.lower().endswith(".json"):
        return read_schedule_json(path)
    return read_schedule_csv(path)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .check import validate_schedule

    lang: Language = args.lang
    schedule = _read_schedule(args.schedule)
    policy = _policy_opt(args)
    roster = _read_roster(args)
    if schedule.opd not in {o.code for o in roster.opds}:  # the code may be anything: not shown
        raise CliError(
            f"OPD jadwal {args.schedule} (kolom opd) tidak ada dalam {args.opds}",
            f"the OPD of schedule {args.schedule} (its opd column) is not in {args.opds}",
        )
    opd = roster.opd(schedule.opd)
    violations = validate_schedule(schedule, opd, roster.employees_of(opd.code), policy=policy)
    rows_of = roster.rows()
    rows = [
        {
            "check": v.check.value,
            "day": v.day.isoformat() if v.day else None,
            "employee": v.employee,
            "row": rows_of.get(v.nip) if v.nip else None,
            "failed": [c.value for c in v.failed],
            "basis": _cite(v.basis, lang) if v.basis else None,
            "message": v.message(lang),
        }
        for v in violations
    ]
    if args.format == "json":
        print(_json({"opd": schedule.opd, "valid": not violations, "violations": rows}))
    elif args.format == "csv":
        keys = ["day", "check", "employee", "row", "basis", "message"]
        print(_csv(keys, [[r[k] for k in keys] for r in rows]))
    else:
        params = {
            "opd": schedule.opd,
            "start": schedule.first_day.isoformat(),
            "end": schedule.last_day.isoformat(),
            "count": len(violations),
        }
        lines = [_t(lang, "valid_bad" if violations else "valid_ok", **params)]
        for r in rows:
            lines.append("")
            staff_file = Path(args.employees).name
            where = f" ({staff_file}, {_T[lang]['row']} {r['row']})" if r["row"] else ""
            head = f"{r['day'] or '-'} {r['check']}: {r['message']}{where}"
            lines += wrap(head, 4, "  ✗ ")
            if r["basis"]:
                lines += wrap(f"{_T[lang]['basis']}: {r['basis']}", 6, "      ")
        print("\n".join(lines))
    return 1 if violations else 0


# --- hours -------------------------------------------------------------------------------


def hours_lines(report: HoursReport, lang: Language = "id") -> list[str]:
    """An hours report as text: days, weeks, totals and findings with citations."""
    lines = [
        _t(
            lang,
            "hours_title",
            start=report.first_day.isoformat(),
            end=report.last_day.isoformat(),
            zone=report.timezone,
            mode=_TIME_MODES[lang].get(report.time_mode, report.time_mode),
        ),
        "",
    ]
    days = [
        [
            f"{d.day.isoformat()} {_DAY_NAMES[lang][d.day.weekday()]}",
            _KIND_LABELS[lang][d.kind],
            _hm(d.owed),
            _hm(d.worked),
            _hm(d.balance),
            "",
        ]
        for d in report.days
    ]
    lines += table(_headers(lang, "hours_headers"), days, right=(2, 3, 4))
    lines = [line.rstrip() for line in lines]
    lines.append("")
    t = _T[lang]
    weeks = [
        [
            w.week_start.isoformat(),
            _hm(w.owed),
            _hm(w.worked),
            _hm(w.balance),
            t["yes"] if w.complete else t["no"],
            "",
        ]
        for w in report.weeks
    ]
    lines += table(_headers(lang, "weeks_headers"), weeks, right=(1, 2, 3))
    lines += [
        "",
        _t(
            lang,
            "hours_total",
            owed=_hm(report.owed),
            worked=_hm(report.worked),
            balance=_hm(report.balance),
        ),
        "",
    ]
    if not report.findings:
        lines.append(t["no_findings"])
    else:
        lines.append(t["findings"])
        for f in report.findings:
            severity = _SEVERITIES[lang].get(f.severity.value, f.severity.value)
            lines += wrap(f"{severity} {f.code.value}: {f.message(lang)}", 4, "  - ")
            if f.basis is not None:
                lines += wrap(f"{t['basis']}: {f.basis.text(lang)}", 6, "      ")
    return lines


def _cmd_hours(args: argparse.Namespace) -> int:
    from .attendance import read_attendance
    from .hours import check_hours

    lang: Language = args.lang
    policy = _policy_opt(args) or get_policy("nasional")
    records = read_attendance(args.records, policy=policy)
    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    if start is not None and end is not None and start <= end:
        check_span_size(start, end, args.format)
    report = check_hours(
        records,
        policy=policy,
        start=start,
        end=end,
        opd=args.kind,
        pattern=args.pattern,
        dynamic=args.dynamic,
        on_invalid="report",
    )
    if report.days:  # a span taken from the records
        check_span_size(report.days[0].day, report.days[-1].day, args.format)
    if args.format == "json":
        print(report.model_dump_json(indent=2))
    elif args.format == "csv":
        rows = [
            [d.day.isoformat(), d.kind.value, _hm(d.owed), _hm(d.worked), _hm(d.balance)]
            for d in report.days
        ]
        print(_csv(["day", "kind", "owed", "worked", "balance"], rows))
    else:
        print("\n".join(hours_lines(report, lang)))
    return 0 if report.ok else 1


# --- demo --------------------------------------------------------------------------------


def _example_dir(given: str | None) -> Path:
    """``--example DIR``, else the example in the working directory, else the bundled one."""
    if given is None:
        local = Path.cwd() / "examples" / "kab-malang"
        if (local / "opd.csv").is_file() and (local / "pegawai.csv").is_file():
            return local
        from .examples import example_dir

        try:
            return example_dir()
        except InvalidInputError:  # pragma: no cover - the wheel and the checkout carry it
            given = str(local)
    path = Path(given)
    if (path / "opd.csv").is_file() and (path / "pegawai.csv").is_file():
        return path
    raise CliError(
        _T["id"]["no_example"].format(path=path),
        _T["en"]["no_example"].format(path=path),
    )


def demo_lines(example: Path, lang: Language = "id") -> list[str]:
    """The main job on the bundled Kabupaten Malang example (see ``flexasn demo --help``)."""
    from .check import validate_schedule
    from .plan import plan_rotation
    from .roster import read_roster

    t = _T[lang]
    policy = get_policy(DEMO_POLICY)
    roster = read_roster(example / "opd.csv", example / "pegawai.csv")
    rule = "=" * 72
    lines = [t["demo_title"], rule, "", t["demo_calendar"], ""]
    lines += calendar_lines(DEMO_START, DEMO_END, lang, policy)

    lines += ["", rule, "", t["demo_quota"], ""]
    rows = quota_rows(list(roster.opds), DEMO_QUOTA_DAY, policy, lang)
    title = _t(lang, "quota_title", day=DEMO_QUOTA_DAY.isoformat(), policy=policy.id)
    lines += quota_lines(rows, lang, title)

    lines += ["", rule, "", t["demo_plan"], ""]
    plan_rows = []
    shown: tuple[Opd, Schedule] | None = None
    violations = 0
    progress = Progress(len(roster.opds), "plan")
    for opd in roster.opds:
        staff = roster.employees_of(opd.code)
        schedule = plan_rotation(opd, staff, *DEMO_PLAN, policy=policy)
        violations += len(validate_schedule(schedule, opd, staff, policy=policy))
        limit = schedule.days[0].limit
        fair = schedule.fairness.spread if schedule.fairness else 0
        plan_rows.append(
            [
                opd.code,
                opd.headcount,
                "-" if limit is None else limit,
                *(len(d.remote) for d in schedule.days),
                fair,
            ]
        )
        if opd.code == DEMO_OPD:
            shown = (opd, schedule)
        progress.step()
    lines += table(_headers(lang, "demo_plan_headers"), plan_rows, right=range(1, 8))
    lines += wrap(t["demo_plan_note"])
    lines.append(_t(lang, "demo_check", opd="10 OPD", count=violations))
    if shown is not None:
        rows_of = roster.rows()
        lines += ["", *schedule_lines(shown[1], shown[0], lang, rows_of)]

    lines += ["", rule, "", t["demo_decisions"], ""]
    bkad = roster.opd("BKAD")
    staff = roster.employees_of("BKAD")
    head = next(e for e in staff if e.is_head)
    allowed = next(
        d
        for d in (eligible_for_wfa(e, bkad, DEMO_QUOTA_DAY, policy=policy) for e in staff)
        if d.allowed
    )
    member = next(e for e in staff if mask_nip(e.nip) == allowed.employee)
    decisions = [
        (_t(lang, "demo_d1", opd=bkad.code), allowed),
        (_t(lang, "demo_d2", opd=bkad.code), eligible_for_wfa(head, bkad, DEMO_QUOTA_DAY)),
        (_t(lang, "demo_d3"), eligible_for_wfa(member, bkad, DEMO_CUTI, policy=policy)),
    ]
    for n, (caption, d) in enumerate(decisions):
        if n:
            lines.append("")
        lines += [caption, *decision_lines(d, lang, bkad.name)]

    # what the bundled law does not know yet, as of the data's own date (reproducible)
    lines += ["", rule, "", t["demo_doctor"], ""]
    lines += doctor_lines(doctor(data_as_of()), lang)
    return lines


# --- doctor ------------------------------------------------------------------------------


def doctor_lines(report: DoctorReport, lang: Language = "id") -> list[str]:
    """A doctor report as text: urgent findings first, each wrapped."""
    title = (
        f"flexasn doctor: per {report.today.isoformat()}, data hukum per "
        f"{report.data_as_of.isoformat()}"
        if lang == "id"
        else f"flexasn doctor: as of {report.today.isoformat()}, law known as of "
        f"{report.data_as_of.isoformat()}"
    )
    lines = [title, *report.coverage_lines(lang)]
    if not report.findings:
        return [*lines, render("doctor.none", lang)]
    for urgent in (True, False):
        group = [f for f in report.findings if f.urgent is urgent]
        if not group:
            continue
        key = "doctor.urgent" if urgent else "doctor.later"
        lines += ["", render(key, lang, horizon=report.horizon) + ":"]
        for f in group:
            lines += wrap(f.message(lang), 4, "  - ")
    return lines


def _cmd_doctor(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    report = doctor(parse_day(args.today) if args.today else None, horizon=args.days)
    if args.format == "json":
        print(_json(report.model_dump(mode="json") | {"exit_code": report.exit_code}))
    else:
        print("\n".join(doctor_lines(report, lang)))
    return report.exit_code


def _cmd_demo(args: argparse.Namespace) -> int:
    print("\n".join(demo_lines(_example_dir(args.example), args.lang)))
    return 0


# --- the parser ----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit 2 (no usage dump)."""

    lang: Language = "id"  # set by main() from the command line before parsing

    def error(self, message: str) -> NoReturn:
        hint = "lihat" if self.lang == "id" else "see"
        self.exit(2, f"{_T[self.lang]['error']}: {message} ({hint} `{self.prog} --help`)\n")


def _after(argv: Sequence[str], option: str) -> str | None:
    """The word after ``option`` in ``argv``, if any."""
    for i, word in enumerate(argv[:-1]):
        if word == option:
            return argv[i + 1]
    return None


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=WIDTH, max_help_position=30)


def _add_common(p: argparse.ArgumentParser, *, formats: bool = True) -> None:
    p.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa / language (default: id)"
    )
    if formats:
        p.add_argument(
            "--format", choices=FORMATS, default="table", help="keluaran / output (table)"
        )
    p.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="tampilkan traceback / show tracebacks",
    )


def _add_policy(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        metavar="ID|FILE",
        help="kebijakan bawaan (kab-malang) atau berkas TOML / bundled id or a TOML file",
    )


def _add_roster(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    g = p.add_argument_group("daftar pegawai / roster (CSV)")
    g.add_argument("--opds", metavar="FILE", required=required, help="berkas OPD / OPDs file")
    g.add_argument(
        "--employees", metavar="FILE", required=required, help="berkas pegawai / employees file"
    )
    g.add_argument(
        "--partial",
        action="store_true",
        help="daftar pegawai sebagian: jumlah_pegawai tidak dicocokkan / a partial roster: "
        "headcounts are not checked against the employees file",
    )


def _add_opd_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("OPD (tanpa --opds / without --opds)")
    g.add_argument("--opd", metavar="CODE", help="kode OPD / OPD code")
    g.add_argument("--opd-name", metavar="NAME", help="nama OPD / OPD name")
    g.add_argument("--kind", help="jenis OPD kanonik / canonical kind (bkad, dinkes, ...)")
    g.add_argument("--service", choices=[s.value for s in ServiceCategory])
    g.add_argument("--headcount", type=int, metavar="N", help="jumlah pegawai / headcount")
    g.add_argument("--instansi", metavar="ID", help="id kebijakan instansi / policy id")
    g.add_argument(
        "--agency-type", choices=[a.value for a in AgencyType], default=AgencyType.CIVIL.value
    )


_HELP: dict[str, tuple[str, str]] = {
    "calendar": (
        "kalender ASN sebulan / the ASN calendar of a month",
        "Jenis hari, nama libur, hari kerja fleksibel nasional dan (dengan --policy)\n"
        "daerah. Day kinds, holiday names, national and (with --policy) regional\n"
        "flexible-work days. Paling banyak 366 hari sebagai tabel, 1.830 sebagai JSON\n"
        "atau CSV. At most 366 days as a table, 1,830 as JSON or CSV.\n\n"
        "Contoh / examples:\n"
        "  flexasn calendar 2025-03\n"
        "  flexasn calendar 2025-03 --policy kab-malang --lang en\n"
        "  flexasn calendar 2025-03-20..2025-04-10 --format json",
    ),
    "doctor": (
        "apa yang belum diketahui data hukum / what the bundled law does not know yet",
        "Tahun tanpa Keppres cuti bersama, Ramadan perkiraan, pengaturan mingguan yang\n"
        "kelanjutannya tidak diketahui, jendela nasional tanpa keputusan daerah. Kode\n"
        "keluar 1 bila ada yang mendesak dalam --days hari. Years without a Keppres,\n"
        "estimated Ramadan, weekly arrangements of unknown continuation, national windows\n"
        "without a regional decision. Exit code 1 when something is urgent.\n\n"
        "Contoh / examples:\n"
        "  flexasn doctor\n"
        "  flexasn doctor --today 2026-11-30 --days 60 --format json",
    ),
    "policies": (
        "kebijakan bawaan / bundled policies",
        "Tanpa ID: daftar kebijakan. Dengan ID atau berkas: pengaturannya, tanggal, kuota\n"
        "dan dasar hukum. Without ID: the list; with an ID or a file: its arrangements.\n\n"
        "Contoh / examples:\n"
        "  flexasn policies\n"
        "  flexasn policies kab-malang\n"
        "  flexasn policies my-policy.toml --format json",
    ),
    "check": (
        "bolehkah seorang pegawai WFH/WFA pada suatu tanggal? / may one employee work remotely?",
        "Keputusan dengan setiap pemeriksaan dan dasar hukumnya. Kode keluar: 0 boleh,\n"
        "1 tidak boleh atau belum pasti. The decision with every check and citation.\n"
        "Exit code: 0 allowed, 1 denied or undetermined.\n\n"
        "Contoh / examples:\n"
        "  flexasn check 2025-03-24 --instansi kab-malang --kind bkad \\\n"
        "      --service tidak_langsung --headcount 120 --head\n"
        "  flexasn check 2025-03-24 --opds examples/kab-malang/opd.csv \\\n"
        "      --employees examples/kab-malang/pegawai.csv --nip NIP",
    ),
    "quota": (
        "kuota WFH/WFA tiap OPD pada suatu tanggal / each OPD's quota on a date",
        "Batas = min(floor(jumlah x persen), jumlah - yang wajib di kantor), dengan\n"
        "dasarnya. Limit = min(floor(headcount x percent), headcount - on site), with\n"
        "its basis.\n\n"
        "Contoh / examples:\n"
        "  flexasn quota 2025-03-24 --opds examples/kab-malang/opd.csv\n"
        "  flexasn quota 2025-03-24 --instansi kab-malang --kind bkad \\\n"
        "      --service tidak_langsung --headcount 120 --format json",
    ),
    "plan": (
        "rotasi WFH/WFA untuk suatu rentang / the rotation for a span",
        "Layar tidak pernah menampilkan NIP lengkap; --output FILE (.csv atau .json)\n"
        "menulis jadwal lengkap satu OPD untuk `flexasn validate`. Screens show masked\n"
        "NIPs only; --output writes one OPD's full schedule for `flexasn validate`.\n\n"
        "Contoh / examples:\n"
        "  flexasn plan 2025-03-24 2025-03-27 --opds examples/kab-malang/opd.csv \\\n"
        "      --employees examples/kab-malang/pegawai.csv --opd BKAD --output jadwal.csv",
    ),
    "validate": (
        "periksa jadwal rotasi / check a rotation schedule",
        "Setiap pelanggaran dengan dasar hukumnya; kode keluar 1 bila ada pelanggaran.\n"
        "Every violation with its basis; exit code 1 when there are any.\n\n"
        "Contoh / example:\n"
        "  flexasn validate jadwal.csv --opds examples/kab-malang/opd.csv \\\n"
        "      --employees examples/kab-malang/pegawai.csv",
    ),
    "hours": (
        "laporan jam kerja dari catatan kehadiran / hours report from attendance records",
        "CSV dengan kolom mulai,selesai[,mode] (start,end[,mode]); waktu tanpa zona\n"
        "dibaca sebagai waktu setempat kebijakan. Times without an offset are the\n"
        "policy's local time. Kode keluar 1 bila jam wajib tidak terpenuhi / exit 1 on\n"
        "a violation.\n\n"
        "Contoh / example:\n"
        "  flexasn hours kehadiran.csv --from 2025-05-12 --to 2025-05-16",
    ),
    "demo": (
        "pekerjaan utama pada contoh Kabupaten Malang / the main job on the example",
        "Kalender 20 Maret-10 April 2025, kuota tiap OPD 24 Maret, rotasi 24-27 Maret\n"
        "dan tiga keputusan yang dijelaskan. The calendar, quotas, rotation and three\n"
        "decisions.\n\n"
        "Contoh / examples:\n"
        "  flexasn demo\n"
        "  flexasn demo --lang en",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``flexasn`` command."""
    parser = _Parser(
        prog="flexasn",
        formatter_class=_Formatter,
        description="Aturan kerja fleksibel ASN (WFO/WFH/WFA) dengan dasar hukumnya.\n"
        "Indonesia's civil-service flexible-work rules, with citations.",
        epilog="Kode keluar / exit codes: 0 berhasil / success, 1 temuan negatif /\n"
        "negative finding, 2 penggunaan atau masukan salah / bad usage or input.\n\n"
        "Contoh / example: flexasn calendar 2025-03 --policy kab-malang",
    )
    parser.add_argument("--debug", action="store_true", help="tampilkan traceback / tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        short, long = _HELP[name]
        # The texts in _HELP are wrapped by hand to fit WIDTH (a test holds them to it);
        # wrapping them again would break examples a user pastes.
        p = sub.add_parser(name, help=short, description=long, formatter_class=_Formatter)
        p.set_defaults(func=func)
        return p

    p = command("calendar", _cmd_calendar)
    p.add_argument("month", metavar="YYYY-MM", help="bulan atau rentang / month or span A..B")
    _add_policy(p)
    p.add_argument(
        "--estimate", action="store_true", help="perkiraan di luar tahun yang ditetapkan"
    )
    _add_common(p)

    p = command("doctor", _cmd_doctor)
    p.add_argument(
        "--today", metavar="YYYY-MM-DD", help="tanggal acuan / the day to report as of (today)"
    )
    p.add_argument(
        "--days",
        type=int,
        default=60,
        metavar="N",
        help="cakrawala mendesak / urgent horizon in days (60)",
    )
    p.add_argument(
        "--lang", choices=("id", "en"), default="id", help="bahasa / language (default: id)"
    )
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="keluaran / output (table)"
    )
    p.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    p = command("policies", _cmd_policies)
    p.add_argument("policy_id", nargs="?", metavar="ID|FILE")
    _add_common(p)

    p = command("check", _cmd_check)
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument(
        "--known-on",
        metavar="YYYY-MM-DD",
        help="jawab dengan instrumen yang terbit s.d. tanggal ini / answer with only the "
        "instruments public by this date",
    )
    _add_policy(p)
    g = p.add_argument_group("pegawai / employee")
    g.add_argument("--nip", help="NIP (opsional / optional; shown masked)")
    g.add_argument(
        "--status", choices=[s.value for s in EmploymentStatus], default=EmploymentStatus.PNS.value
    )
    g.add_argument(
        "--position", choices=[s.value for s in PositionType], default=PositionType.EXECUTOR.value
    )
    g.add_argument("--head", action="store_true", help="kepala OPD / head of the OPD")
    g.add_argument("--frontline", action="store_true", help="layanan tatap muka / front line")
    g.add_argument("--duty", action="store_true", help="piket pada tanggal itu / on duty that day")
    g.add_argument(
        "--discipline",
        choices=[s.value for s in DisciplineStatus],
        default=DisciplineStatus.NONE.value,
    )
    g.add_argument("--new-in-post", action="store_true", help="pegawai baru / new in post")
    g.add_argument(
        "--duties-outside-office",
        action="store_true",
        help="tugas di luar kantor (Pasal 13) / duties outside the office",
    )
    g.add_argument(
        "--special-circumstances",
        action="store_true",
        help="keadaan khusus (Pasal 13) / special circumstances",
    )
    g.add_argument(
        "--remote-days-this-week",
        type=int,
        metavar="N",
        help="hari WFH/WFA lain pekan ini / other remote days this week",
    )
    _add_opd_options(p)
    _add_roster(p)
    _add_common(p)

    p = command("quota", _cmd_quota)
    p.add_argument("date", metavar="YYYY-MM-DD")
    _add_policy(p)
    _add_roster(p)
    _add_opd_options(p)
    _add_common(p)

    p = command("plan", _cmd_plan)
    p.add_argument("start", metavar="START")
    p.add_argument("end", metavar="END")
    _add_policy(p)
    _add_roster(p, required=True)
    p.add_argument("--opd", metavar="CODE[,CODE]", help="OPD yang direncanakan / OPDs to plan")
    p.add_argument("--mode", choices=("wfh", "wfa"), help="mode yang diutamakan / preferred mode")
    p.add_argument("--output", metavar="FILE", help="tulis jadwal (.csv/.json) / write schedule")
    _add_common(p)

    p = command("validate", _cmd_validate)
    p.add_argument("schedule", metavar="SCHEDULE", help="jadwal .csv atau .json")
    _add_policy(p)
    _add_roster(p, required=True)
    _add_common(p)

    p = command("hours", _cmd_hours)
    p.add_argument("records", metavar="RECORDS.csv")
    _add_policy(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--kind", help="jenis OPD untuk jadwal daerah / OPD kind (puskesmas)")
    p.add_argument("--pattern", help="pola kerja daerah / regional pattern (enam-hari)")
    p.add_argument("--dynamic", action="store_true", help="jam dinamis (Pasal 17 b)")
    _add_common(p)

    p = command("demo", _cmd_demo)
    p.add_argument("--example", metavar="DIR", help="direktori contoh / example directory")
    _add_common(p, formats=False)
    return parser


def error_line(exc: BaseException, lang: Language = "id") -> str:
    """The one-line message printed for bad input (never a traceback, never a NIP)."""
    from pydantic import ValidationError

    if isinstance(exc, CliError):
        text = exc.text[lang]
    elif isinstance(exc, CoverageError) and exc.covered:
        span = f"{exc.covered[0]}-{exc.covered[-1]}"
        text = (
            f"{exc.day.isoformat()} di luar kalender ASN yang sudah ditetapkan "
            f"(tahun tercakup: {span})"
            if lang == "id"
            else f"{exc.day.isoformat()} is outside the decreed ASN calendar "
            f"(covered years: {span})"
        )
    elif isinstance(exc, UnknownPolicyError):
        hint = (
            ". Untuk instansi di luar daftar, beri --policy BERKAS.toml."
            if lang == "id"
            else ". For an instansi outside the register, give --policy FILE.toml."
        )
        text = exc.message(lang) + hint
    elif isinstance(exc, FlexasnError):
        text = exc.message(lang)
    elif isinstance(exc, ValidationError):
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in mask_location(first["loc"]))
        message = str(first["msg"]).removeprefix("Value error, ")
        text = f"{where}: {message}" if where else message
    else:
        text = str(exc)
    return f"{_T[lang]['error']}: {' '.join(text.split())}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 negative finding, 2 bad input)."""
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    _Parser.lang = "en" if "--lang=en" in words or _after(words, "--lang") == "en" else "id"
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    lang: Language = getattr(args, "lang", "id")
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # the reader went away (`flexasn calendar 2025 | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (FlexasnError, ValueError, OSError) as exc:
        if isinstance(exc, FlexasnError):  # the library drops it already: a second guard
            drop_chain(exc)
        if args.debug:
            raise
        print(error_line(exc, lang), file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
