"""National-scale simulation benchmark (issue 7).

Generates a seeded synthetic national workforce with the BKN totals of 1 November 2025
(LAW.md §6: 5,588,245 ASN; PNS 3,599,590 / PPPK 1,988,655; functional 3,555,977,
executor 1,714,463, structural 317,805; central 1,348,170 and regional 4,240,075;
38 provinces and 514 kabupaten / kota with 25-45 OPDs each; made-up NIPs), simulates
every 2025 and 2026 national flexible-work day under a scenario, and answers the same
question with a plain loop over ``eligible_for_wfa`` on a 50,000-employee sample.

Prints employee-days per second for both paths, their ratio, the wall time of the
national run (generation included) and the peak memory. Targets on a 2-core machine:
national run under 15 s, under 2 GB peak, batch at least 100 x the loop's rate.

    .venv/bin/python benchmarks/bench_national.py [--seed 7] [--sample 50000]

Needs the ``notebook`` extra (numpy comes with pandas). The generator builds counts
per (OPD, profile) with numpy, never one Python object per employee; NIPs are made up
from the generated birth dates, TMT and sequence numbers (shown for the sample).
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import dataclass
from datetime import date

import numpy as np

import flexasn as fx
from flexasn.people import DisciplineStatus
from flexasn.scenario import Scenario
from flexasn.simulate import Profile, Workforce

TOTAL = 5_588_245
PNS = 3_599_590
CENTRAL = 1_348_170
REGIONAL = 4_240_075
POSITIONS = {"fungsional": 3_555_977, "pelaksana": 1_714_463, "struktural": 317_805}
PROVINCES = 38
KAB_KOTA = 514  # 416 kabupaten + 98 kota
CENTRAL_AGENCIES = 80

KINDS = sorted(fx.OPD_KINDS - {"lainnya"})
SERVICE_OF_KIND = {
    **dict.fromkeys(
        ["dinkes", "rsud", "puskesmas", "damkar", "bpbd", "satpol-pp", "dishub"], "esensial"
    ),
    **dict.fromkeys(
        [
            "dispendukcapil",
            "dpmptsp",
            "disnaker-pmptsp",
            "dinsos",
            "kecamatan",
            "kelurahan",
            "sekolah",
            "disdik",
            "disnaker",
        ],
        "langsung",
    ),
}

SCENARIO = Scenario(
    name="nasional-20-persen",
    base="nasional",
    percent={"default": "20", "langsung": "10", "esensial": "0"},
    description="A what-if: 20 % per OPD, 10 % in direct-service OPDs, essential services on site",
)


@dataclass
class Synthetic:
    opds: list[fx.Opd]
    opd_index: np.ndarray  # per employee
    flags: np.ndarray  # per employee: bit 0 head, 1 frontline, 2 discipline, 3 new in post
    birth: np.ndarray  # yyyymmdd
    tmt: np.ndarray  # yyyymm
    sex: np.ndarray
    seq: np.ndarray
    pns: np.ndarray  # bool


def generate(seed: int) -> Synthetic:
    """The synthetic national workforce (seeded, deterministic)."""
    rng = np.random.default_rng(seed)
    opds: list[fx.Opd] = []
    sizes: list[int] = []
    # regional: 38 provinces + 514 kabupaten / kota, 25-45 OPDs each
    instansi = [("prov", i) for i in range(PROVINCES)] + [("kab", i) for i in range(KAB_KOTA)]
    n_opd = rng.integers(25, 46, size=len(instansi))
    weights = rng.gamma(2.0, 1.0, size=int(n_opd.sum()))
    regional_sizes = rng.multinomial(REGIONAL, weights / weights.sum())
    k = 0
    for (level, i), count in zip(instansi, n_opd, strict=True):
        province = f"prov-{i if level == 'prov' else i % PROVINCES:02d}"
        for j in range(int(count)):
            kind = KINDS[(j * 7 + i) % len(KINDS)]
            opds.append(
                fx.Opd(
                    code=f"{level}{i:03d}-{j:02d}",
                    name=f"OPD {j} ({level} {i})",
                    instansi=f"{level}-{i:03d}",
                    kind=kind,
                    service=fx.ServiceCategory(SERVICE_OF_KIND.get(kind, "tidak_langsung")),
                    headcount=int(regional_sizes[k]),
                    province=province,
                )
            )
            sizes.append(int(regional_sizes[k]))
            k += 1
    # central: 80 agencies, 20 units each
    weights = rng.gamma(2.0, 1.0, size=CENTRAL_AGENCIES * 20)
    central_sizes = rng.multinomial(CENTRAL, weights / weights.sum())
    for a in range(CENTRAL_AGENCIES):
        for j in range(20):
            size = int(central_sizes[a * 20 + j])
            opds.append(
                fx.Opd(
                    code=f"pusat{a:02d}-{j:02d}",
                    name=f"Unit {j} kementerian {a}",
                    instansi=f"pusat-{a:02d}",
                    kind="lainnya",
                    service=fx.ServiceCategory.NON_DIRECT,
                    headcount=size,
                    province="pusat",
                )
            )
            sizes.append(size)
    opd_index = np.repeat(np.arange(len(opds), dtype=np.int32), sizes)
    assert len(opd_index) == TOTAL
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    flags = np.zeros(TOTAL, dtype=np.uint8)
    flags[starts[np.array(sizes) > 0]] |= 1  # one head per non-empty OPD
    service = np.array([o.service.value != "tidak_langsung" for o in opds])[opd_index]
    flags[service & (rng.random(TOTAL) < 0.35)] |= 2  # front line in direct-service OPDs
    flags[rng.random(TOTAL) < 0.005] |= 4  # disciplinary penalty
    flags[rng.random(TOTAL) < 0.03] |= 8  # new in post
    year = rng.integers(1966, 2003, size=TOTAL)
    birth = year * 10000 + rng.integers(1, 13, size=TOTAL) * 100 + rng.integers(1, 29, size=TOTAL)
    tmt_year = np.minimum(year + rng.integers(19, 35, size=TOTAL), 2025)
    tmt = tmt_year * 100 + rng.integers(1, 13, size=TOTAL)
    pns = rng.permutation(np.arange(TOTAL) < PNS)
    return Synthetic(
        opds,
        opd_index,
        flags,
        birth,
        tmt,
        rng.integers(1, 3, size=TOTAL),
        rng.integers(1, 1000, size=TOTAL),
        pns,
    )


def profile(bits: int) -> Profile:
    return Profile(
        is_head=bool(bits & 1),
        frontline=bool(bits & 2),
        discipline=DisciplineStatus.SERVING if bits & 4 else DisciplineStatus.NONE,
        new_in_post=bool(bits & 8),
        duties_outside_office=False,
        special_circumstances=False,
    )


def workforce(syn: Synthetic, start: date, end: date) -> Workforce:
    """Aggregate per (OPD, profile) with one numpy bincount."""
    wf = Workforce(syn.opds, start, end)
    counts = np.bincount(
        syn.opd_index.astype(np.int64) * 16 + syn.flags, minlength=len(syn.opds) * 16
    )
    for key in np.flatnonzero(counts):
        wf.add_count(syn.opds[key // 16].code, profile(int(key % 16)), int(counts[key]))
    return wf


def nip(syn: Synthetic, i: int) -> str:
    """The made-up NIP of employee ``i`` (PNS layout)."""
    return f"{syn.birth[i]:08d}{syn.tmt[i]:06d}{syn.sex[i]}{syn.seq[i]:03d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, default=50_000)
    args = parser.parse_args()

    days = fx.flexible_work_days(2025) + fx.flexible_work_days(2026)
    t0 = time.perf_counter()
    syn = generate(args.seed)
    t_gen = time.perf_counter() - t0
    wf = workforce(syn, min(days), max(days))
    t_agg = time.perf_counter() - t0 - t_gen
    rows = 0
    eligible = 0
    for day in days:  # only the flexible-work days, not every day between them
        sim = fx.simulate(syn.opds, wf, day, day, policy=SCENARIO)
        for r in sim.rows():
            rows += 1
            eligible += r["eligible"]
    wall = time.perf_counter() - t0
    employee_days = TOTAL * len(days)
    batch_rate = employee_days / (wall - t_gen - t_agg)

    rng = np.random.default_rng(args.seed + 1)
    sample = rng.choice(TOTAL, size=args.sample, replace=False)
    policy = SCENARIO.policy()
    people = []
    for i in sample:
        bits = int(syn.flags[i])
        opd = syn.opds[int(syn.opd_index[i])]
        p = profile(bits)
        people.append(
            (
                fx.Employee(
                    nip=nip(syn, int(i)),
                    opd=opd.code,
                    is_head=p.is_head,
                    frontline=p.frontline,
                    discipline=p.discipline,
                    new_in_post=p.new_in_post,
                ),
                opd,
            )
        )
    loop_days = days[:2]
    t1 = time.perf_counter()
    for day in loop_days:
        for employee, opd in people:
            fx.eligible_for_wfa(employee, opd, day, policy=policy)
    loop_rate = len(people) * len(loop_days) / (time.perf_counter() - t1)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"workforce: {TOTAL:,} ASN in {len(syn.opds):,} OPDs; {len(days)} flexible-work days")
    print(f"generation {t_gen:.2f} s, aggregation {t_agg:.2f} s; rows {rows:,}")
    print(f"national run (generation included): {wall:.2f} s   [target < 15 s]")
    print(f"batch: {batch_rate:,.0f} employee-days/s")
    print(
        f"loop over eligible_for_wfa ({len(people):,} x {len(loop_days)} days): "
        f"{loop_rate:,.0f} employee-days/s"
    )
    print(f"ratio batch / loop: {batch_rate / loop_rate:,.0f} x   [target >= 100 x]")
    print(f"peak memory: {peak_mb:,.0f} MB   [target < 2,048 MB]")
    print(f"eligible employee-days under {SCENARIO.name}: {eligible:,}")


if __name__ == "__main__":
    main()
