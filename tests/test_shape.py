"""The code's shape, checked (issue 13, "Done when"): no module of `src/flexasn` is over
500 lines and no function over 80 lines, so each module holds one concept a newcomer can
read at once and each function reads as the steps it is made of.

`OVER` lists what is still too long; the list may only shrink: an entry that is no longer
over its limit fails too, so the list cannot go stale.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "flexasn"
MODULE_LINES = 500
FUNCTION_LINES = 80

# "<path relative to src/flexasn>" or "<path>:<function>": still over its limit.
OVER: frozenset[str] = frozenset({})


def _too_long(root: Path = SRC) -> set[str]:
    found: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MODULE_LINES:
            found.add(rel)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > FUNCTION_LINES:
                    found.add(f"{rel}:{node.name}")
    return found


def test_no_module_or_function_grows_past_its_limit() -> None:
    new = _too_long() - OVER
    assert not new, f"over {MODULE_LINES} lines (module) or {FUNCTION_LINES} (function): {new}"


def test_the_list_of_long_code_only_shrinks() -> None:
    gone = OVER - _too_long()
    assert not gone, f"no longer too long, remove from OVER: {sorted(gone)}"


def test_the_limits_are_measured(tmp_path: Path) -> None:
    """The measure itself (a check that cannot fail is a defect): a function of 80 lines and
    a module of 500 pass, one line more is flagged, nested packages included."""
    ok = "\n".join(f"    x{i} = {i}" for i in range(79))
    (tmp_path / "fits.py").write_text(f"def fits():\n{ok}\n", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text(f"def long():\n{ok}\n    y = 0\n", encoding="utf-8")
    (tmp_path / "full.py").write_text("x = 0\n" * MODULE_LINES, encoding="utf-8")
    (tmp_path / "big.py").write_text("x = 0\n" * (MODULE_LINES + 1), encoding="utf-8")
    assert _too_long(tmp_path) == {"pkg/long.py:long", "big.py"}
