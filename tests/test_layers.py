"""The architecture, checked (issue 13): every module of `src/flexasn` belongs to one layer,
and imports only from its own layer or the layers below it (the design notes' Layout:
the law -> policies -> rules -> answers -> many answers -> the edges).

Imports inside functions count too: a lazy import is still a dependency. A new module
must be placed in `LAYERS` (the test fails until it is), which is the point: where a
concept lives is a decision, written down here and in the README's "How the code is laid
out".
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "flexasn"

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    # shared plumbing: models, data loading, errors, messages, masking, workbook I/O
    ("base", frozenset({"_model", "_loader", "errors", "messages", "privacy", "workbook"})),
    # the law: the instrument registry, the calendar, Ramadan, the people and OPDs, the
    # working-hour schedules, the register of instansi
    ("law", frozenset({"legal", "calendar", "ramadan", "people", "worktime", "register"})),
    # policies: the policy model and loading, the national windows, scenarios, the
    # regional decisions' outcomes
    ("policies", frozenset({"policy", "windows", "scenario", "regional"})),
    # rules: the checks and the quota arithmetic they read
    ("rules", frozenset({"reasons", "rules", "quota_arithmetic", "quotas"})),
    # answers: one decision
    ("answers", frozenset({"decide"})),
    # many answers: rotation, schedules and their files, hours, batch, the doctor, pictures
    (
        "many answers",
        frozenset(
            {
                "plan",
                "check",
                "schedule",
                "roster",
                "hours",
                "attendance",
                "simulate",
                "doctor",
                "pictures",
            }
        ),
    ),
    # the edges: the public namespace, the command line, the web service, feeds, examples
    ("edges", frozenset({"", "__main__", "cli", "server", "ics", "examples"})),
)
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def _top(module: str) -> str:
    """`flexasn.rules.arrangement` -> `rules`; the package itself -> `""`."""
    parts = module.split(".")[1:]
    return parts[0] if parts else ""


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path))
    return out


def _imports(module: str, path: Path) -> set[str]:
    """The flexasn modules that ``module`` imports, by absolute name."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] == "flexasn":
                found.add(target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "flexasn"}
    return found


MODULES = [(m, p) for m, p in _modules() if _top(m) not in ("data", "locale")]
"""Every module holding code (the `data` and `locale` packages hold only files)."""


def test_every_module_has_a_layer() -> None:
    unplaced = sorted({_top(m) for m, _ in MODULES} - set(RANK) - {"data", "locale"})
    assert unplaced == [], f"place these modules in a layer of tests/test_layers.py: {unplaced}"


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_no_module_imports_from_a_layer_above(module: str, path: Path) -> None:
    own = RANK[_top(module)]
    above = sorted(
        target
        for target in _imports(module, path)
        if RANK.get(_top(target), -1) > own and _top(target) != _top(module)
    )
    assert above == [], f"{module} ({LAYERS[own][0]}) imports from a layer above: {above}"


def test_the_check_sees_an_import_from_above(tmp_path: Path) -> None:
    """The check itself can fail: a law module importing the decision module is caught."""
    bad = tmp_path / "calendar.py"
    bad.write_text("def f():\n    from .decide import eligible_for_wfa\n", encoding="utf-8")
    targets = _imports("flexasn.calendar", bad)
    assert targets == {"flexasn.decide"}
    assert RANK[_top("flexasn.decide")] > RANK[_top("flexasn.calendar")]


def _private_imports(path: Path) -> list[str]:
    """`from .x import _y` (or `from flexasn.x import _y`) in ``path``: a private name of
    another module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        inside = node.level > 0 or (node.module or "").split(".")[0] == "flexasn"
        if inside and node.module != "__future__":
            found += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
    return found


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_no_private_name_is_imported_across_modules(module: str, path: Path) -> None:
    """Issue 13: what one module needs of another is public there (named, documented)."""
    assert _private_imports(path) == []


def test_the_check_sees_a_private_import(tmp_path: Path) -> None:
    bad = tmp_path / "attendance.py"
    bad.write_text("from .hours import AttendanceRecord, _resolve\n", encoding="utf-8")
    assert _private_imports(bad) == ["hours._resolve"]
