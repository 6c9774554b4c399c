"""Generate the made-up Kabupaten Malang roster in examples/kab-malang/ (seeded, reproducible).

Every NIP is MADE UP: a random birth date, a TMT CPNS month after the 18th birthday and
before 2025, a sex digit and a sequence. None is meant to be a real person's. Run:

    .venv/bin/python examples/make_example_roster.py [FOLDER]

It rewrites ``opd.csv`` and ``pegawai.csv`` in ``FOLDER`` (default: ``examples/kab-malang``),
with the Indonesian headings that ``flexasn.roster.write_roster`` writes
(``flexasn.roster.OPD_HEADINGS`` and ``EMPLOYEE_HEADINGS``), but the last of each: every
example OPD is civil (``jenis_instansi``) and no example employee has special circumstances
(``keadaan_khusus``). The output is identical on every run (``random.Random(2025)``).
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from flexasn.roster import EMPLOYEE_HEADINGS, OPD_HEADINGS

HERE = Path(__file__).parent / "kab-malang"
# The columns written: every heading but the last (jenis_instansi, keadaan_khusus), which
# the example leaves to its default.
OPD_COLUMNS = OPD_HEADINGS["id"][:-1]
EMPLOYEE_COLUMNS = EMPLOYEE_HEADINGS["id"][:-1]

# code, name, kind, service (layanan), headcount, front-line staff
OPDS: list[tuple[str, str, str, str, int, int]] = [
    ("SETDA", "Sekretariat Daerah", "setda", "tidak_langsung", 40, 0),
    ("BKAD", "Badan Keuangan dan Aset Daerah", "bkad", "tidak_langsung", 120, 0),
    ("BAPENDA", "Badan Pendapatan Daerah", "bapenda", "tidak_langsung", 45, 6),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "bkpsdm", "tidak_langsung", 35, 0),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "diskominfo", "tidak_langsung", 30, 0),
    (
        "DISPENDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dispendukcapil",
        "langsung",
        40,
        14,
    ),
    ("DPMPTSP", "Dinas Penanaman Modal dan PTSP", "dpmptsp", "langsung", 25, 8),
    ("DINKES", "Dinas Kesehatan", "dinkes", "esensial", 35, 10),
    ("SMPN1-KEPANJEN", "SMP Negeri 1 Kepanjen", "sekolah", "langsung", 30, 0),
    ("KEC-KEPANJEN", "Kecamatan Kepanjen", "kecamatan", "langsung", 20, 6),
]

DUTY_WINDOW = [date(2025, 3, 24) + timedelta(days=n) for n in range(4)]  # 24-27 March 2025


def made_up_nip(rng: random.Random, used: set[str]) -> str:
    """A valid, made-up PNS NIP (birth date, TMT CPNS, sex digit, sequence)."""
    while True:
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 35))
        year = rng.randint(max(birth.year + 19, 1990), 2024)
        month = rng.randint(1, 12)
        nip = f"{birth:%Y%m%d}{year:04d}{month:02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
        if nip not in used:
            used.add(nip)
            return nip


def main(folder: Path = HERE) -> None:
    rng = random.Random(2025)
    used: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "opd.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(OPD_COLUMNS)
        for code, name, kind, service, headcount, _ in OPDS:
            w.writerow([code, name, "kab-malang", kind, service, headcount])
    rows: list[list[str]] = []
    for code, _name, kind, _service, headcount, frontline in OPDS:
        for i in range(headcount):
            head = i == 0
            status = "pppk" if not head and rng.random() < 0.15 else "pns"
            position = "struktural" if head or i < 4 else rng.choice(["fungsional", "pelaksana"])
            if kind == "sekolah" and not head:
                position = "fungsional" if i < 22 else "pelaksana"
            duty = ""
            if kind == "sekolah" and 1 <= i <= 8:  # two duty officers a day, 24-27 March 2025
                duty = DUTY_WINDOW[(i - 1) // 2].isoformat()
            elif kind == "sekolah" and i == 9:  # one teacher on duty twice
                duty = f"{DUTY_WINDOW[0].isoformat()};{DUTY_WINDOW[2].isoformat()}"
            front = not head and 1 <= i <= frontline
            roll = rng.random()
            discipline = (
                "dalam_proses" if roll < 0.01 else "sedang_menjalani" if roll < 0.02 else ""
            )
            new = "ya" if rng.random() < 0.04 else "tidak"
            outside = "ya" if rng.random() < 0.03 else "tidak"
            rows.append(
                [
                    made_up_nip(rng, used),
                    code,
                    status,
                    position,
                    "ya" if head else "tidak",
                    "ya" if front else "tidak",
                    duty,
                    discipline,
                    new,
                    outside,
                ]
            )
    with (folder / "pegawai.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(EMPLOYEE_COLUMNS)
        w.writerows(rows)
    print(f"{len(OPDS)} OPDs, {len(rows)} employees written to {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
