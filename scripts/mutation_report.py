"""The report of `make mutate`: the mutation score per module and every surviving mutant.

Reads mutmut's results (``mutants/**/*.py.meta``) and ``tests/mutation-survivors.md``,
the tracked list of surviving mutants judged equivalent (no test can tell them from the
original), each with a one-line reason. Prints, per module, the mutants killed (a test
failed, or it timed out) and those that survived; the score with and without the listed
equivalent mutants; then every survivor the list does not explain, with the command
that shows it. Exits 1 when there is one: kill it with a test, or list it with a reason.

    python scripts/mutation_report.py            # after `mutmut run`
    python scripts/mutation_report.py --diff     # also print each unexplained survivor
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
SURVIVORS_FILE = ROOT / "tests" / "mutation-survivors.md"

KILLED = {1, 3}  # a test failed (3: pytest's internal error, a kill too)
TIMEOUT = {-24, 24, 36, 152, 255}  # killed by the time limit (an endless loop)
SURVIVED = {0}
NO_TESTS = {5, 33}  # no test runs the mutated function: survived
NAME = re.compile(r"`(flexasn\.[^`]+__mutmut_\d+)`")


def results() -> dict[str, dict[str, int | None]]:
    """``module -> {mutant name: exit code}`` from mutmut's meta files."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted((MUTANTS / "src").rglob("*.py.meta")):
        relative = meta.relative_to(MUTANTS / "src").with_suffix("").with_suffix("")
        module = ".".join(relative.parts)
        data = json.loads(meta.read_text(encoding="utf-8"))
        found[module] = data["exit_code_by_key"]
    return found


def equivalents() -> set[str]:
    """The mutant names listed in tests/mutation-survivors.md."""
    if not SURVIVORS_FILE.exists():
        return set()
    return set(NAME.findall(SURVIVORS_FILE.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    by_module = results()
    if not by_module:
        print("no mutmut results: run `make mutate` (or `mutmut run`) first", file=sys.stderr)
        return 2
    listed = equivalents()
    totals: Counter[str] = Counter()
    unexplained: list[str] = []
    other: dict[str, list[str]] = defaultdict(list)
    print(f"{'module':<38} {'mutants':>7} {'killed':>7} {'survived':>8} {'equiv.':>6} {'score':>7}")
    for module, codes in by_module.items():
        c: Counter[str] = Counter()
        for name, code in codes.items():
            if code in KILLED or code in TIMEOUT:
                c["killed"] += 1
            elif code in SURVIVED or code in NO_TESTS:
                c["survived"] += 1
                if name in listed:
                    c["equivalent"] += 1
                else:
                    unexplained.append(name)
            else:
                other[str(code)].append(name)
                c["other"] += 1
        checked = c["killed"] + c["survived"]
        if not checked:
            continue
        score = c["killed"] / checked
        print(
            f"{module:<38} {checked:>7} {c['killed']:>7} {c['survived']:>8} "
            f"{c['equivalent']:>6} {score:>7.1%}"
        )
        totals.update(c)
    checked = totals["killed"] + totals["survived"]
    score = totals["killed"] / checked if checked else 0.0
    adjusted = totals["killed"] / (checked - totals["equivalent"]) if checked else 0.0
    print(
        f"{'total':<38} {checked:>7} {totals['killed']:>7} {totals['survived']:>8} "
        f"{totals['equivalent']:>6} {score:>7.1%}"
    )
    print(
        f"\nmutation score: {score:.1%} ({totals['killed']} of {checked} killed); "
        f"{adjusted:.1%} without the {totals['equivalent']} equivalent mutants listed in "
        f"{SURVIVORS_FILE.relative_to(ROOT)}"
    )
    for status, names in sorted(other.items()):
        print(f"\n{len(names)} mutant(s) with mutmut exit code {status} (not checked or suspicious):")
        for name in names:
            print(f"  {name}")
    survivors = {n for codes in by_module.values() for n, c in codes.items() if c in (0, 5, 33)}
    stale = sorted(listed - survivors)
    if stale:
        print(f"\nlisted as equivalent but no longer surviving (remove them): {', '.join(stale)}")
    if unexplained:
        print(f"\n{len(unexplained)} surviving mutant(s) not explained: kill each with a test,")
        print(f"or list it in {SURVIVORS_FILE.relative_to(ROOT)} with the reason it is equivalent")
        for name in unexplained:
            print(f"  {name}    (.venv/bin/mutmut show {name})")
            if "--diff" in argv:
                shown = subprocess.run(
                    [str(Path(sys.executable).parent / "mutmut"), "show", name],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                print("    " + shown.stdout.replace("\n", "\n    "))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
