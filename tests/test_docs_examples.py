"""Every code example in the documentation runs.

``python`` blocks of ``docs/*.md`` and ``README.md`` are executed; ``sh`` blocks' lines
that start with ``flexasn`` are run through :func:`flexasn.cli.main` (exit 0 or 1: a
negative finding is a documented answer, bad usage is not). A block preceded by the line
``<!-- no-run -->`` is skipped. The generated pages must match the code and the data.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import shlex
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest

import flexasn as fx
from flexasn import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
SKIP = "<!-- no-run -->"


class Block(NamedTuple):
    path: Path
    line: int
    lang: str
    code: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def blocks(lang: str) -> list[Block]:
    found = []
    for path in [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(1) != lang:
                continue
            before = text[: match.start()].rstrip().splitlines()
            if before and before[-1].strip() == SKIP:
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.append(Block(path, line, lang, match.group(2)))
    return found


PYTHON = blocks("python")
SHELL = [b for b in blocks("sh") if any(s.startswith("flexasn ") for s in b.code.splitlines())]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch directory holding the repository's examples, as the docs' working directory."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    (tmp_path / "kehadiran.csv").write_text(
        "mulai,selesai,mode\n"
        + "".join(f"2025-06-{d} 07:30,2025-06-{d} 16:00,wfo\n" for d in range(16, 21)),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_docs_have_examples() -> None:
    assert len(PYTHON) >= 10
    assert len(SHELL) >= 5


@pytest.mark.parametrize("block", PYTHON, ids=lambda b: b.id)
def test_python_example_runs(block: Block, workdir: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(block.code, block.id, "exec"), namespace)


@pytest.mark.parametrize("block", SHELL, ids=lambda b: b.id)
def test_shell_example_runs(
    block: Block, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for line in block.code.splitlines():
        if not line.startswith("flexasn "):
            continue
        argv = shlex.split(line, comments=True)[1:]
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1), f"{line}: exit {code}: {err}"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_pages", DOCS / "gen_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    gen = load_generator()
    assert gen.main(["--check"]) == 0, capsys.readouterr().err


def test_policy_reference_covers_the_schema() -> None:
    page = (DOCS / "reference" / "policy-file.md").read_text(encoding="utf-8")
    schema = fx.policy_json_schema()
    for name in schema["$defs"]:
        assert f"### {name}" in page
    for field in schema["properties"]:
        assert f"| `{field}` |" in page


def test_legal_sources_list_every_instrument_and_cited_article() -> None:
    page = (DOCS / "legal-sources.md").read_text(encoding="utf-8")
    for inst in fx.instruments():
        assert f"id: `{inst.id}`" in page
    assert "`flexasn.rules.permen_panrb_4_2025.weekly_limit`" in page
    gen = load_generator()
    rules = gen.cite_calls()
    for instrument_id, by_article in rules.items():
        fx.instrument(instrument_id)  # every cite(...) call names a known instrument
        for article in by_article:
            if article is not None:
                fx.cite(instrument_id, article)


def test_concepts_name_every_check() -> None:
    page = (DOCS / "concepts.md").read_text(encoding="utf-8")
    for check in fx.Check:
        assert f"| `{check.value}` |" in page


def test_cli_reference_names_every_command() -> None:
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices is not None
    for name in sub.choices:
        assert f"## flexasn {name}" in page
