"""Writing tables to files (CSV or a workbook, by the path's suffix), and
[`write_roster`][flexasn.write_roster]: a roster as the two files
[`read_roster`][flexasn.read_roster] reads back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import require_lang, require_path, require_type, unchained
from ..messages import Language
from ..workbook import is_workbook, write_workbook
from .model import Roster

OPD_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("kode", "nama", "instansi", "jenis", "layanan", "jumlah_pegawai", "jenis_instansi"),
    "en": ("code", "name", "instansi", "kind", "service", "headcount", "agency_type"),
}
"""The headings [`write_roster`][flexasn.write_roster] writes to an OPDs file, per language."""
EMPLOYEE_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": (
        "nip",
        "kode_opd",
        "status",
        "jabatan",
        "kepala",
        "garis_depan",
        "hari_piket",
        "disiplin",
        "pegawai_baru",
        "tugas_luar_kantor",
        "keadaan_khusus",
    ),
    "en": (
        "nip",
        "opd",
        "status",
        "position",
        "is_head",
        "frontline",
        "duty_days",
        "discipline",
        "new_in_post",
        "duties_outside_office",
        "special_circumstances",
    ),
}
"""The headings [`write_roster`][flexasn.write_roster] writes to an employees file, per language."""


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A table as CSV text (``,`` separator, ``\\n`` line ends), the header first."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write_table(
    path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]], title: str
) -> None:
    """Write a table to ``path``: a workbook of one sheet named ``title`` for a path ending
    in ``.xlsx`` or ``.xlsm``, else CSV (UTF-8)."""
    if is_workbook(path):
        write_workbook(path, header, rows, title=title)
        return
    Path(path).write_text(csv_text(header, rows), encoding="utf-8")


def _yes(value: bool, lang: str) -> str:
    return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")


def roster_tables(
    roster: Roster, lang: Language = "id"
) -> tuple[tuple[list[str], list[list[object]]], tuple[list[str], list[list[object]]]]:
    """The OPDs and employees tables [`write_roster`][flexasn.write_roster] writes: ``(header,
    rows)`` each."""
    opds: list[list[object]] = [
        [o.code, o.name, o.instansi, o.kind, o.service.value, o.headcount, o.agency_type.value]
        for o in roster.opds
    ]
    staff: list[list[object]] = [
        [
            e.nip,
            e.opd,
            e.status.value,
            e.position.value,
            _yes(e.is_head, lang),
            _yes(e.frontline, lang),
            ";".join(d.isoformat() for d in sorted(e.duty_days)),
            e.discipline.value,
            _yes(e.new_in_post, lang),
            _yes(e.duties_outside_office, lang),
            _yes(e.special_circumstances, lang),
        ]
        for e in roster.employees
    ]
    return (list(OPD_HEADINGS[lang]), opds), (list(EMPLOYEE_HEADINGS[lang]), staff)


@unchained
def write_roster(
    roster: Roster, opds: str | Path, employees: str | Path, *, lang: Language = "id"
) -> None:
    """Write a roster as an OPDs file and an employees file that
    [`read_roster`][flexasn.read_roster] reads
    back: CSV (UTF-8), or an Excel workbook for a path ending in ``.xlsx`` (needs the
    ``xlsx`` extra; NIPs are written as text). Headings in Indonesian (``lang="id"``,
    default) or English. The files hold the roster's NIPs: keep them as the roster is kept.
    """
    require_type(roster, Roster, "roster")
    require_path(opds, "opds")
    require_path(employees, "employees")
    require_lang(lang)
    (opd_header, opd_rows), (staff_header, staff_rows) = roster_tables(roster, lang)
    write_table(opds, opd_header, opd_rows, "opd")
    write_table(employees, staff_header, staff_rows, "pegawai")


__all__ = [
    "EMPLOYEE_HEADINGS",
    "OPD_HEADINGS",
    "csv_text",
    "roster_tables",
    "write_roster",
    "write_table",
]
