"""Rotation planner benchmark (issue 4): a 10,000-employee instansi over a 5-day window.

Builds a seeded, made-up instansi of 40 OPDs and 10,000 employees (heads, front-line
staff, duty officers, a few under discipline or new in post; made-up NIPs), then plans
every OPD with ``plan_rotation`` over two 5-day windows and times it (employee
construction excluded, reported apart):

- ``kab-malang`` 24-28 March 2025 (the dated Lebaran window; 28 March is cuti bersama);
- the standing example policy (``examples/policies/standing-example.toml``, weekly
  limit 2) over Monday 5 - Friday 9 May 2025.

Target: each under 1 s on one core. Also times ``validate_schedule`` on the results.

    .venv/bin/python benchmarks/bench_plan.py [--seed 4] [--employees 10000]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path

import flexasn as fx
from flexasn.check import validate_schedule
from flexasn.plan import plan_rotation

KINDS = [
    ("bkad", "tidak_langsung"),
    ("bappeda", "tidak_langsung"),
    ("bkpsdm", "tidak_langsung"),
    ("dispendukcapil", "langsung"),
    ("dinkes", "esensial"),
    ("sekolah", "langsung"),
    ("kecamatan", "langsung"),
    ("lainnya", "tidak_langsung"),
]
STANDING = (
    Path(__file__).resolve().parent.parent / "examples" / "policies" / "standing-example.toml"
)


def nip(rng: random.Random, used: set[str]) -> str:
    """A valid, made-up NIP."""
    while True:
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(365 * 35))
        tmt = rng.randint(birth.year + 19, 2024)
        month, sex, seq = rng.randint(1, 12), rng.choice("12"), rng.randint(1, 999)
        text = f"{birth:%Y%m%d}{tmt}{month:02d}{sex}{seq:03d}"
        if text not in used:
            used.add(text)
            return text


def instansi(seed: int, total: int, n_opds: int = 40) -> list[tuple[fx.Opd, list[fx.Employee]]]:
    """A made-up instansi: ``n_opds`` OPDs sharing ``total`` employees."""
    rng = random.Random(seed)
    used: set[str] = set()
    sizes = [total // n_opds + (1 if i < total % n_opds else 0) for i in range(n_opds)]
    window = [date(2025, 3, 24) + timedelta(days=n) for n in range(4)]
    window += [date(2025, 5, 5) + timedelta(days=n) for n in range(5)]
    out = []
    for i, size in enumerate(sizes):
        kind, service = KINDS[i % len(KINDS)]
        opd = fx.Opd(
            code=f"OPD{i:02d}",
            name=f"OPD contoh {i}",
            instansi="kab-malang",
            kind=kind,
            service=fx.ServiceCategory(service),
            headcount=size,
        )
        staff = []
        for j in range(size):
            duty = frozenset(rng.sample(window, 2)) if kind == "sekolah" and j < 20 else frozenset()
            staff.append(
                fx.Employee(
                    nip=nip(rng, used),
                    opd=opd.code,
                    is_head=j == 0,
                    frontline=service != "tidak_langsung" and rng.random() < 0.3,
                    duty_days=duty,
                    discipline=(
                        fx.DisciplineStatus.SERVING
                        if rng.random() < 0.01
                        else fx.DisciplineStatus.NONE
                    ),
                    new_in_post=rng.random() < 0.03,
                    duties_outside_office=rng.random() < 0.02,
                )
            )
        out.append((opd, staff))
    return out


def run(
    label: str,
    data: list[tuple[fx.Opd, list[fx.Employee]]],
    start: date,
    end: date,
    policy: fx.Policy | None,
) -> None:
    t0 = time.perf_counter()
    schedules = [plan_rotation(o, staff, start, end, policy=policy) for o, staff in data]
    planned = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = sum(
        len(validate_schedule(s, o, staff, policy=policy))
        for s, (o, staff) in zip(schedules, data, strict=True)
    )
    checked = time.perf_counter() - t0
    remote = sum(len(d.remote) for s in schedules for d in s.days)
    employees = sum(len(staff) for _, staff in data)
    print(
        f"{label}: planned {employees} employees x {(end - start).days + 1} days in "
        f"{planned:.3f} s ({remote} remote employee-days); validated in {checked:.3f} s, "
        f"{found} violations"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    data = instansi(args.seed, args.employees)
    print(f"built {args.employees} made-up employees in {time.perf_counter() - t0:.3f} s")
    run("kab-malang 2025-03-24..28", data, date(2025, 3, 24), date(2025, 3, 28), None)
    standing = fx.load_policy(STANDING)
    run("standing example 2025-05-05..09", data, date(2025, 5, 5), date(2025, 5, 9), standing)


if __name__ == "__main__":
    main()
