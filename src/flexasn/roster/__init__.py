"""Roster files: the OPDs of an instansi and their employees, read from CSV or Excel.

Two files, the way BKPSDM exports them. Their formats, with downloadable templates (CSV
and XLSX), are on the documentation page [Roster and schedule files](roster-format.md)
(``docs/roster-format.md``). Headers may be in Indonesian or English
(case and spaces do not matter), the file may start with a BOM (Excel's "CSV UTF-8"),
and the separator may be ``,`` or ``;`` (Excel with an Indonesian locale). An Excel
workbook (``.xlsx``, its first sheet) is read too, with the optional ``xlsx`` extra
(`flexasn.workbook`). Other columns (names, grades, units) are ignored with one
[`IgnoredColumnsWarning`][flexasn.IgnoredColumnsWarning] naming them, their cells never kept;
``strict=True`` rejects them.

OPDs file (one row per OPD):

| column (English / Indonesian)          | required | value                                 |
|----------------------------------------|----------|---------------------------------------|
| ``code`` / ``kode``                    | yes      | the OPD's code, unique                |
| ``name`` / ``nama``                    | yes      | its name                              |
| ``instansi``                           | yes      | the instansi's policy id (kab-malang) |
| ``kind`` / ``jenis``                   | yes      | canonical kind or local alias (bpkad) |
| ``service`` / ``layanan``              | yes      | esensial, langsung, tidak_langsung    |
| ``headcount`` / ``jumlah_pegawai``     | yes      | whole staff: the quota base           |
| ``agency_type`` / ``jenis_instansi``   | no       | sipil (default), tni, polri, ...      |
| ``province`` / ``provinsi``            | no       |                                       |

Employees file (one row per employee): ``nip`` (18 digits), ``opd`` / ``kode_opd``,
and optionally ``status`` (pns, pppk, pppk_paruh_waktu), ``position`` / ``jabatan``
(struktural, fungsional, pelaksana), ``is_head`` / ``kepala``, ``frontline`` /
``garis_depan``, ``duty_days`` / ``hari_piket`` (ISO dates separated by ``;``),
``discipline`` / ``disiplin`` (tidak_ada, dalam_proses, sedang_menjalani),
``new_in_post`` / ``pegawai_baru``, ``duties_outside_office`` / ``tugas_luar_kantor``,
``special_circumstances`` / ``keadaan_khusus``. Yes/no cells accept ``ya``/``tidak``,
``yes``/``no``, ``true``/``false``, ``1``/``0``, ``y``/``t``/``n``; an empty cell is no.

Reading is all-or-nothing: the first bad row raises
[`RosterError`][flexasn.RosterError] naming the file, the row (1 = the header) and
the column. An OPD whose
``headcount`` differs from the number of its employees in the employees file is an
error too (``check_headcount=False`` accepts a partial roster and lists the
differences in `Roster.mismatches`).

Personal data (UU 27/2022) is never repeated in an error, whatever the file holds:

- a column is named by its heading as written in the file only when the heading is a
  known one (one of the names above, in any case and spacing); any other heading is named
  by its position, ``column 3 (C)`` (``error.column == 3``), since a file without its
  header row, or a transposed one, has a NIP or a name where the heading should be. When
  no heading of the first row is known, the error says the header row seems missing;
- a cell's value (a NIP, an OPD code the OPDs file lacks) is never repeated: the row and
  the column say where it is. Only an OPD code both files agree on is named (a headcount
  that differs);
- an error keeps no exception chain ([`flexasn.errors.unchained`][flexasn.errors.unchained]): not
  the file's bytes of a file that is not UTF-8, not the input values of pydantic's error.

One module per step, every name importable from ``flexasn.roster`` as before:

- `model`: [`Roster`][flexasn.Roster], [`IgnoredColumn`][flexasn.IgnoredColumn],
  [`HeadcountMismatch`][flexasn.HeadcountMismatch];
- `table`: the CSV dialect (and a workbook's first sheet) every file reader shares;
- `columns`: headings mapped to fields, the columns ignored, the checks of a row;
- `cells`: the columns of both files and how each cell is read;
- `opds`, `employees`: each file; `read`: [`read_roster`][flexasn.read_roster];
- `write`: [`write_roster`][flexasn.write_roster] and the tables written.
"""

from __future__ import annotations

from .cells import EMPLOYEE_COLUMNS, EMPLOYEE_REQUIRED, OPD_COLUMNS, OPD_REQUIRED
from .columns import (
    column_of,
    ignored_columns,
    normal_key,
    unknown_heading,
    warn_flagged,
    warn_ignored,
)
from .employees import read_employees
from .model import HeadcountMismatch, IgnoredColumn, Roster
from .opds import read_opds
from .read import read_roster
from .table import Row, open_table, read_table
from .write import EMPLOYEE_HEADINGS, OPD_HEADINGS, roster_tables, write_roster

__all__ = [
    "EMPLOYEE_COLUMNS",
    "EMPLOYEE_HEADINGS",
    "EMPLOYEE_REQUIRED",
    "OPD_COLUMNS",
    "OPD_HEADINGS",
    "OPD_REQUIRED",
    "HeadcountMismatch",
    "IgnoredColumn",
    "Roster",
    "Row",
    "column_of",
    "ignored_columns",
    "normal_key",
    "open_table",
    "read_employees",
    "read_opds",
    "read_roster",
    "read_table",
    "roster_tables",
    "unknown_heading",
    "warn_flagged",
    "warn_ignored",
    "write_roster",
]
