"""Every public name of the library is listed and documented (issue 13): each module
under `src/flexasn` (the command line apart: its commands are modules of their own) has
an `__all__`, every public class and function it defines is in it, and each of those has
a docstring that says what it does."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "flexasn"


def _library_modules() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        if parts[1] in ("cli", "data", "locale") or parts[-1] == "__main__":
            continue
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


MODULES = _library_modules()


@pytest.mark.parametrize("name", MODULES)
def test_every_module_lists_its_public_names(name: str) -> None:
    module = importlib.import_module(name)
    listed = getattr(module, "__all__", None)
    assert listed is not None, f"{name} has no __all__"
    assert len(set(listed)) == len(listed), f"{name}.__all__ lists a name twice"
    path = Path(inspect.getfile(module))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")
    }
    assert defined <= set(listed), f"{name}: public but not in __all__: {defined - set(listed)}"
    for public in listed:
        assert hasattr(module, public), f"{name}.__all__ names {public!r}, which is not there"


@pytest.mark.parametrize("name", MODULES)
def test_every_listed_class_and_function_has_a_docstring(name: str) -> None:
    module = importlib.import_module(name)
    bare = [
        public
        for public in getattr(module, "__all__", ())
        if (inspect.isclass(obj := getattr(module, public)) or inspect.isfunction(obj))
        and not (obj.__doc__ or "").strip()
    ]
    assert bare == [], f"{name}: no docstring on {bare}"
