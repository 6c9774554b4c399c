"""Decision and import benchmark (issue 13, "Speed").

Two figures, each the median of several runs (the machine's cores are shared, so single
runs are noisy; the spread is printed too):

- **decisions per second**: ``eligible_for_wfa`` in one warm process, one thread, over a
  fixed mix of made-up employees, OPDs, policies and days (a dated window, a weekly WFH
  Friday, a standing arrangement, a weekend, cuti bersama, a year beyond the decreed
  calendar, ``known_on``, the weekly limit). Every decision is read as a caller would:
  ``d.allowed``. Target: at least 40,000 a second.
- **import time**: ``import flexasn`` against the import of its dependencies alone
  (pydantic with its two core names ``BaseModel`` and ``Field``, holidays,
  python-dateutil), each in a fresh
  interpreter, alternated so that both see the same load, with bytecode cached as an
  installed package has it (and, where the shell sets ``PYTHONDONTWRITEBYTECODE``, also
  with flexasn's sources compiled on every import). Target: flexasn within 1.5 times
  its dependencies.

    .venv/bin/python benchmarks/bench_decide.py [--rounds 7] [--imports 9]

Nothing here is asserted by the tests: timings are never part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date

DEPENDENCIES = (
    "import pydantic; from pydantic import BaseModel, Field; import holidays; import dateutil"
)
TIMER = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"


def import_time(stmt: str, env: dict[str, str]) -> float:
    """Seconds to run ``stmt`` (an import) in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", TIMER.format(stmt=stmt)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return float(out.stdout.strip())


def import_ratio(runs: int, env: dict[str, str]) -> tuple[float, float, list[float]]:
    """Median import times of the dependencies and of flexasn, and the paired ratios."""
    for stmt in (DEPENDENCIES, "import flexasn"):  # a first run writes the bytecode, if any
        import_time(stmt, env)
    deps: list[float] = []
    own: list[float] = []
    for _ in range(runs):
        deps.append(import_time(DEPENDENCIES, env))
        own.append(import_time("import flexasn", env))
    ratios = [f / d for f, d in zip(own, deps, strict=True)]
    return statistics.median(deps), statistics.median(own), ratios


def cases() -> list[tuple[object, ...]]:
    """The decisions asked each round: (employee, opd, day, keywords)."""
    import flexasn as fx

    opds = [
        fx.Opd(
            code="BKAD",
            name="Badan Keuangan dan Aset Daerah",
            instansi="kab-malang",
            kind="bkad",
            service=fx.ServiceCategory.NON_DIRECT,
            headcount=120,
        ),
        fx.Opd(
            code="DINKES",
            name="Dinas Kesehatan",
            instansi="kota-malang",
            kind="dinkes",
            service=fx.ServiceCategory.ESSENTIAL,
            headcount=300,
        ),
        fx.Opd(
            code="BAPPEDA",
            name="Badan Perencanaan",
            instansi="prov-jatim",
            kind="bappeda",
            service=fx.ServiceCategory.NON_DIRECT,
            headcount=60,
        ),
        fx.Opd(
            code="DISKOMINFO",
            name="Dinas Komunikasi dan Informatika",
            instansi="kab-sleman",
            kind="diskominfo",
            service=fx.ServiceCategory.NON_DIRECT,
            headcount=45,
        ),
    ]
    profiles: list[dict[str, object]] = [
        {},
        {"is_head": True},
        {"frontline": True},
        {"discipline": fx.DisciplineStatus.SERVING},
        {"new_in_post": True},
        {"position": fx.PositionType.STRUCTURAL},
        {"duties_outside_office": True},
    ]
    days = [
        date(2025, 3, 24),  # dated Lebaran window
        date(2025, 3, 28),  # cuti bersama
        date(2025, 5, 6),  # an ordinary Tuesday
        date(2025, 5, 10),  # a Saturday
        date(2026, 4, 10),  # a weekly WFH Friday
        date(2026, 7, 14),  # a Tuesday in 2026
        date(2031, 6, 3),  # beyond the decreed years
    ]
    out: list[tuple[object, ...]] = []
    n = 0
    for opd in opds:
        for profile in profiles:
            n += 1
            employee = fx.Employee.model_validate(
                {"nip": f"1985031220100110{n:02d}", "opd": opd.code, **profile}
            )
            for day in days:
                out.append((employee, opd, day, {}))
            out.append((employee, opd, date(2026, 4, 10), {"known_on": date(2026, 3, 20)}))
            out.append((employee, opd, date(2025, 5, 6), {"remote_days_this_week": 2}))
    return out


def decisions_per_second(rounds: int) -> tuple[list[float], list[float]]:
    """Decisions a second of wall time and of this process's CPU time, one figure per
    round, after a warm-up round. CPU time leaves out the time other processes on a shared
    machine take the core away."""
    import flexasn as fx

    asked = cases()

    def ask_all() -> None:
        for employee, opd, day, kw in asked:
            fx.eligible_for_wfa(employee, opd, day, **kw).allowed  # type: ignore[arg-type]  # noqa: B018

    ask_all()  # warm-up: policies, calendars, caches
    wall: list[float] = []
    cpu: list[float] = []
    repeat = max(1, 20_000 // len(asked))
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            ask_all()
        wall.append(repeat * len(asked) / (time.perf_counter() - start))
        cpu.append(repeat * len(asked) / (time.process_time() - start_cpu))
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds of decisions")
    parser.add_argument("--imports", type=int, default=9, help="fresh interpreters per import")
    args = parser.parse_args()

    # As installed (pip compiles bytecode): both sides read bytecode from one cache folder,
    # written by a first run. Then as this machine's shell runs Python by default
    # (PYTHONDONTWRITEBYTECODE=1): flexasn's sources compiled on every import, while the
    # dependencies' bytecode, compiled by pip, is read.
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)} | {
            "PYTHONPYCACHEPREFIX": cache
        }
        modes = [("bytecode cached, as installed", env)]
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            modes.append(("sources compiled each time", dict(os.environ)))
        for label, mode_env in modes:
            dep, own, ratios = import_ratio(args.imports, mode_env)
            print(
                f"import ({label}): flexasn {own * 1000:.0f} ms, dependencies alone "
                f"{dep * 1000:.0f} ms (medians of {args.imports}); ratio {own / dep:.2f} x "
                f"(paired runs: {min(ratios):.2f}-{max(ratios):.2f})   [target <= 1.5 x]"
            )

    rates, cpu = decisions_per_second(args.rounds)
    print(
        f"eligible_for_wfa: {statistics.median(rates):,.0f} decisions/s warm, one thread "
        f"(median of {args.rounds} rounds; {min(rates):,.0f}-{max(rates):,.0f})"
        "   [target >= 40,000/s]"
    )
    print(
        f"  per second of CPU time: {statistics.median(cpu):,.0f} "
        f"({min(cpu):,.0f}-{max(cpu):,.0f}; the wall figure less other processes' share)"
    )


if __name__ == "__main__":
    main()
