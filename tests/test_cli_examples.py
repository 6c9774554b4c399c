"""Every command line a command's ``--help`` shows under "Contoh / examples" runs as written
from a clone's root (fresh-clone trial, 1 December 2026: ``flexasn hours --help`` showed a file
that does not exist and dates the bundled attendance file does not hold).

Exit 0 or 1 is a run (1: ``doctor`` found something urgent, ``hours`` a finding); 2 is bad
input, the defect this test catches. ``serve`` is left out (it would start a server); a
user's own policy file (``my-policy.toml``) is the bundled standing example copied under
that name; ``validate jadwal.csv`` reads what the ``plan`` example wrote just before it."""

from __future__ import annotations

import importlib
import pkgutil
import shlex
import shutil
from pathlib import Path

import pytest

from flexasn import cli

ROOT = Path(__file__).resolve().parents[1]
ORDER = ("calendar", "check", "demo", "doctor", "hours", "plan", "policies", "quota", "validate")


def examples() -> list[tuple[str, str]]:
    """(command, one command line): a line ending in a backslash goes on in the next."""
    found = []
    for info in pkgutil.iter_modules(cli.__path__):
        module = importlib.import_module(f"flexasn.cli.{info.name}")
        pending = ""
        for text in getattr(module, "EXAMPLES", ()):
            pending += text.removesuffix("\\").strip() + " "
            if not text.endswith("\\"):
                found.append((info.name, pending.strip()))
                pending = ""
        assert pending == "", f"{info.name}: an example ends in a backslash"
    return found


def test_every_command_with_examples_is_run_here() -> None:
    names = {name for name, _ in examples()}
    assert names - {"serve"} == set(ORDER)


def test_the_examples_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    shutil.copy(
        ROOT / "examples" / "policies" / "standing-example.toml", tmp_path / "my-policy.toml"
    )
    monkeypatch.chdir(tmp_path)
    by_command: dict[str, list[str]] = {}
    for name, text in examples():
        by_command.setdefault(name, []).append(text)
    for name in ORDER:
        for text in by_command[name]:
            argv = shlex.split(text)
            assert argv[0] == "flexasn", text
            code = cli.main(argv[1:])
            err = capsys.readouterr().err
            assert code in (0, 1), f"{text!r} exited {code}: {err}"
