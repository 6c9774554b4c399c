"""Rewrite the Sphinx roles of flexasn's docstrings as Markdown the docs site renders.

The API reference is rendered by mkdocstrings from Markdown docstrings, so a Sphinx role
(``:class:`~flexasn.errors.RosterError```, ``:func:`flexasn.quota```, ``:meth:`in_force```)
shows as raw text there. This script rewrites every role inside a docstring (a module,
class or function docstring, or an attribute's docstring: any string statement) of
``src/flexasn/**/*.py``; comments, code and other strings are left as they are.

- a target that resolves on the site becomes an autorefs link,
  ``[`Opd`][flexasn.Opd]``: the public name ``flexasn.<Name>`` where the package re-exports
  it, else the full path the API page renders (``flexasn.policy.Policy.in_force``);
- any other target becomes plain code, ``` `Name` ```;
- ``~`` shows the short name (``:func:`~flexasn.hours.check_hours``` -> ``check_hours``),
  otherwise the target as written; a ``Title <target>`` role shows its title.

A target resolves when the site's inventory (``site/objects.inv``, written by ``make docs``)
lists it, tried as written, then relative to the enclosing class, the module and the
package, as Sphinx would. Usage::

    make docs && python scripts/docstring_roles.py            # rewrite src/flexasn
    python scripts/docstring_roles.py --check                 # exit 1 while a role is left
    python scripts/docstring_roles.py --root DIR --inventory FILE

A link is longer than its role: the script names each line it made longer than ruff's limit
(100 characters), to re-wrap by hand before ``make test``.
"""

from __future__ import annotations

import argparse
import ast
import functools
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "flexasn"
LINE_LENGTH = 100  # ruff's line-length (pyproject.toml)
ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|mod|data|attr|exc|obj|const):`(?P<body>[^`]+)`"
)


def read_inventory(path: Path) -> dict[str, str]:
    """The names of a Sphinx inventory (version 2, as mkdocstrings writes it) -> their URI."""
    data = path.read_bytes()
    parts = data.split(b"\n", 4)
    if len(parts) < 5 or not parts[0].startswith(b"# Sphinx inventory version 2"):
        raise ValueError(f"{path}: not a Sphinx inventory (version 2)")
    names = {}
    for line in zlib.decompress(parts[4]).decode("utf-8").splitlines():
        match = re.match(r"(?x)(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)", line)
        if match:
            name, uri = match.group(1), match.group(4)
            names[name] = uri.replace("$", name) if uri.endswith("$") else uri
    return names


@dataclass(frozen=True)
class Docstring:
    """A docstring's place in the file: first and last byte (exclusive), and its scope."""

    start: int
    end: int
    line: int
    scope: str | None  # the enclosing class, dotted from the module, or None


def docstrings(tree: ast.Module, line_starts: list[int]) -> Iterator[Docstring]:
    """Every string statement of the module (docstrings of modules, classes, functions and
    attributes), with the class it lies in."""

    def walk(node: ast.AST, scope: str | None) -> Iterator[Docstring]:
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.Expr)
                and isinstance(child.value, ast.Constant)
                and isinstance(child.value.value, str)
                and child.end_lineno is not None
                and child.end_col_offset is not None
            ):
                yield Docstring(
                    line_starts[child.lineno - 1] + child.col_offset,
                    line_starts[child.end_lineno - 1] + child.end_col_offset,
                    child.lineno,
                    scope,
                )
            inner = scope
            if isinstance(child, ast.ClassDef):
                inner = f"{scope}.{child.name}" if scope else child.name
            yield from walk(child, inner)

    yield from walk(tree, None)


class Converter:
    """Turns one role into Markdown, resolving its target against the site's inventory."""

    def __init__(self, inventory: dict[str, str]) -> None:
        self.inventory = inventory

    def resolve(self, target: str, module: str, scope: str | None) -> str | None:
        """The identifier the site knows for ``target``, the public one where there is one."""
        target = target.lstrip(".")
        candidates = [target] if target.startswith(f"{PACKAGE}.") or target == PACKAGE else []
        if scope:
            parts = scope.split(".")
            candidates += [
                f"{module}.{'.'.join(parts[:n])}.{target}" for n in range(len(parts), 0, -1)
            ]
        candidates += [f"{module}.{target}", f"{PACKAGE}.{target}"]
        found = next((c for c in candidates if c in self.inventory), None)
        if found is None:
            return None
        public = f"{PACKAGE}.{found.rsplit('.', 1)[-1]}"
        if public != found and self.inventory.get(public) == self.inventory[found]:
            return public
        return found

    def convert(self, match: re.Match[str], module: str, scope: str | None) -> str:
        body = match.group("body").strip()
        titled = re.fullmatch(r"(?s)(.*?)\s*<([^<>]+)>", body)
        title, target = (titled.group(1), titled.group(2)) if titled else (None, body)
        no_link = target.startswith("!")
        short = target.startswith("~")
        target = target.lstrip("!~")
        shown = title or (target.lstrip(".").rsplit(".", 1)[-1] if short else target)
        identifier = None if no_link else self.resolve(target, module, scope)
        return f"[`{shown}`][{identifier}]" if identifier else f"`{shown}`"


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def rewrite(text: str, module: str, converter: Converter) -> tuple[str, list[tuple[int, str]]]:
    """The file's text with its docstrings' roles rewritten, and each role found (its line)."""
    data = text.encode("utf-8")
    line_starts = [0]
    for line in data.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    found: list[tuple[int, str]] = []
    spans = sorted(docstrings(ast.parse(text), line_starts), key=lambda d: d.start)
    out, last = [], 0
    for doc in spans:
        segment = data[doc.start : doc.end].decode("utf-8")
        for match in ROLE.finditer(segment):
            found.append((doc.line + segment.count("\n", 0, match.start()), match.group(0)))
        new = ROLE.sub(
            functools.partial(converter.convert, module=module, scope=doc.scope), segment
        )
        out += [data[last : doc.start], new.encode("utf-8")]
        last = doc.end
    out.append(data[last:])
    return b"".join(out).decode("utf-8"), found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 while a role is left"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository (default: this one)"
    )
    parser.add_argument(
        "--inventory", type=Path, help="the site's objects.inv (default: ROOT/site/objects.inv)"
    )
    args = parser.parse_args(argv)
    src = args.root / "src" / PACKAGE
    inventory_path = args.inventory or args.root / "site" / "objects.inv"
    if not args.check and not inventory_path.exists():
        print(f"no {inventory_path}: run `make docs` first", file=sys.stderr)
        return 2
    converter = Converter(read_inventory(inventory_path) if inventory_path.exists() else {})
    left = 0
    for path in sorted(src.rglob("*.py")):
        module = module_name(path, src.parent)
        text = path.read_text(encoding="utf-8")
        new, found = rewrite(text, module, converter)
        rel = path.relative_to(args.root).as_posix()
        for line, role in found:
            if args.check:
                print(f"{rel}:{line}: {role}")
        left += len(found)
        if found and not args.check:
            path.write_text(new, encoding="utf-8")
            print(f"{rel}: {len(found)} role(s) rewritten")
            before = set(text.splitlines())
            for number, long in enumerate(new.splitlines(), 1):
                if len(long) > LINE_LENGTH and long not in before:
                    print(f"{rel}:{number}: longer than {LINE_LENGTH} characters now: re-wrap it")
    if args.check and left:
        print(f"{left} Sphinx role(s) left in docstrings", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
