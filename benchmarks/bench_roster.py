"""Roster reading benchmark (issue 12, part 4): a national-scale roster, bounded.

Generates, in a temporary folder, an OPDs file of 1,000 OPDs and an employees file of
1,000,000 rows (every column of the format, in Indonesian; made-up NIPs, 18 digits
``YYYYMMDD YYYYMM sex seq``, unique by construction; a few duty days, heads, discipline
cases), then reads it with :func:`flexasn.read_roster` in a fresh process and reports:

- the read time and the peak memory (the child process's maximum resident set, which
  includes the interpreter and flexasn's imports), against the targets: under 10 s and
  under 1 GB;
- the time to report a bad last row (an impossible NIP in the last row), which should
  cost no more than the read itself;
- with ``--plan N``, ``flexasn plan`` of the first ``N`` OPDs of the same roster (the
  whole roster is read) over 24-28 March 2025, Kabupaten Malang's Lebaran window, as
  JSON: its wall time and peak memory (``--plan 1000``: every OPD).

    .venv/bin/python benchmarks/bench_roster.py [--rows 1000000] [--opds 1000] [--plan 10]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flexasn.roster import EMPLOYEE_HEADINGS, OPD_HEADINGS

TARGET_SECONDS = 10.0
TARGET_MB = 1024.0
KINDS = [
    ("bkad", "tidak_langsung"),
    ("bappeda", "tidak_langsung"),
    ("dispendukcapil", "langsung"),
    ("dinkes", "esensial"),
    ("sekolah", "langsung"),
    ("kecamatan", "langsung"),
    ("puskesmas", "esensial"),
    ("lainnya", "tidak_langsung"),
]
# The Indonesian headings write_roster writes, but the last of each (jenis_instansi,
# keadaan_khusus: left to their defaults, as in examples/kab-malang).
OPD_HEADER = OPD_HEADINGS["id"][:-1]
EMPLOYEE_HEADER = EMPLOYEE_HEADINGS["id"][:-1]


def made_up_nip(i: int) -> str:
    """The ``i``-th made-up NIP: unique for ``i`` below 25 million, valid for a PNS."""
    birth = date(1965, 1, 1) + timedelta(days=i // 1998)
    sex, seq = (i % 1998) // 999 + 1, i % 999 + 1
    tmt_year, tmt_month = birth.year + 20 + i % 4, i % 12 + 1
    return f"{birth:%Y%m%d}{tmt_year}{tmt_month:02d}{sex}{seq:03d}"


def generate(folder: Path, rows: int, n_opds: int) -> tuple[Path, Path]:
    """Write ``opd.csv`` and ``pegawai.csv`` (``rows`` employees) into ``folder``."""
    sizes = [rows // n_opds + (1 if i < rows % n_opds else 0) for i in range(n_opds)]
    opds, employees = folder / "opd.csv", folder / "pegawai.csv"
    with opds.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(OPD_HEADER)
        for i, size in enumerate(sizes):
            kind, service = KINDS[i % len(KINDS)]
            out.writerow([f"OPD{i:04d}", f"OPD contoh {i}", "kab-malang", kind, service, size])
    duty = ["2025-03-24;2025-03-26", "2025-03-25", "2025-03-27"]
    statuses = ["pns"] * 6 + ["pppk", ""]
    positions = ["fungsional", "pelaksana", "fungsional", "struktural", ""]
    with employees.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(EMPLOYEE_HEADER)
        n = 0
        for i, size in enumerate(sizes):
            code = f"OPD{i:04d}"
            for j in range(size):
                out.writerow(
                    [
                        made_up_nip(n),
                        code,
                        statuses[n % len(statuses)],
                        positions[n % len(positions)],
                        "ya" if j == 0 else "tidak",
                        "ya" if n % 7 == 0 else "tidak",
                        duty[n % 3] if n % 50 == 0 else "",
                        "dalam_proses" if n % 97 == 0 else "",
                        "ya" if n % 31 == 0 else "tidak",
                        "tidak",
                    ]
                )
                n += 1
    return opds, employees


_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
import flexasn as fx
t1 = time.perf_counter()
error = None
try:
    roster = fx.read_roster(sys.argv[1], sys.argv[2])
    count = len(roster.employees)
except fx.RosterError as exc:
    error, count = str(exc), 0
t2 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
print(json.dumps({"import": t1 - t0, "read": t2 - t1, "peak_mb": peak, "count": count,
                  "error": error}))
"""


def read_in_child(opds: Path, employees: Path) -> dict[str, object]:
    """Read the roster in a fresh interpreter: its time and its own peak memory."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(opds), str(employees)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def plan_in_child(opds: Path, employees: Path, n: int) -> tuple[float, float]:
    """``flexasn plan`` of the first ``n`` OPDs, 24-28 March 2025: wall time and peak MB."""
    codes = ",".join(f"OPD{i:04d}" for i in range(n))
    script = (
        "import resource, sys, time\n"
        "from flexasn.cli import main\n"
        "t0 = time.perf_counter()\n"
        "code = main(sys.argv[1:])\n"
        "t = time.perf_counter() - t0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(f'{t} {peak} {code}', file=sys.stderr)\n"
    )
    args = ["plan", "2025-03-24", "2025-03-28", "--opds", str(opds), "--employees"]
    args += [str(employees), "--opd", codes, "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.DEVNULL,  # the schedules: not kept
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    seconds, peak, _ = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(peak)


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--opds", type=int, default=1_000)
    parser.add_argument("--plan", type=int, default=0, metavar="N", help="also plan N OPDs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flexasn-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        opds, employees = generate(folder, args.rows, args.opds)
        size = employees.stat().st_size / 1e6
        print(
            f"generated {args.rows:,} employees in {args.opds:,} OPDs "
            f"({size:.0f} MB) in {time.perf_counter() - t0:.1f} s"
        )
        good = read_in_child(opds, employees)
        assert good["error"] is None, good["error"]
        assert good["count"] == args.rows
        read, peak = float(str(good["read"])), float(str(good["peak_mb"]))
        print(
            f"read_roster: {read:.2f} s (target < {TARGET_SECONDS:.0f} s: "
            f"{verdict(read < TARGET_SECONDS)}), peak {peak:.0f} MB "
            f"(target < {TARGET_MB:.0f} MB: {verdict(peak < TARGET_MB)}); "
            f"import flexasn {float(str(good['import'])):.2f} s"
        )
        text = employees.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[0]
        bad = folder / "pegawai-bad.csv"
        bad.write_text(text + "\n" + "196502301990011001,OPD0000" + "," * 8 + "\n", "utf-8")
        bad_opds = folder / "opd-bad.csv"
        bad_opds.write_text(opds.read_text(encoding="utf-8"), encoding="utf-8")
        failed = read_in_child(bad_opds, bad)
        assert failed["error"] is not None and "row" in str(failed["error"])
        print(
            f"bad last row reported in {float(str(failed['read'])):.2f} s "
            f"(peak {float(str(failed['peak_mb'])):.0f} MB): {failed['error']}"
        )
        if args.plan:
            seconds, plan_peak = plan_in_child(opds, employees, args.plan)
            print(
                f"flexasn plan, {args.plan} OPDs x 5 days on the whole roster: "
                f"{seconds:.2f} s, peak {plan_peak:.0f} MB"
            )


if __name__ == "__main__":
    main()
