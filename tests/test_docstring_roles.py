"""``scripts/docstring_roles.py``: Sphinx roles in docstrings become Markdown the docs site
renders. Run on copies in ``tmp_path``, never on ``src/flexasn``."""

from __future__ import annotations

import importlib.util
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "docstring_roles", ROOT / "scripts" / "docstring_roles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def write_inventory(path: Path, names: dict[str, str]) -> Path:
    """A Sphinx inventory (version 2) as mkdocstrings writes it: name -> URI."""
    body = "".join(f"{name} py:class 2 {uri} -\n" for name, uri in names.items())
    header = (
        b"# Sphinx inventory version 2\n# Project: flexasn\n# Version: 0.0.0\n"
        b"# The remainder of this file is compressed using zlib.\n"
    )
    path.write_bytes(header + zlib.compress(body.encode("utf-8")))
    return path


SOURCE = '''"""A module: see :class:`~flexasn.people.Opd` and :mod:`flexasn.roster`.

Raises :exc:`flexasn.errors.Unknown`; :func:`!flexasn.quota` is not linked.
"""

# a comment keeps :class:`Opd`
TEXT = "a string that is no docstring keeps :func:`quota`"


class Policy:
    """A policy; see :meth:`in_force` and :attr:`Policy.name`, ünïcode before."""

    name: str = "x"
    """The name (:data:`~flexasn.DEFAULT`, :class:`the office <flexasn.people.Opd>`)."""

    def in_force(self) -> None:
        """Uses :meth:`in_force` of :class:`Policy`."""
'''

EXPECTED = '''"""A module: see [`Opd`][flexasn.Opd] and [`flexasn.roster`][flexasn.roster].

Raises `flexasn.errors.Unknown`; `flexasn.quota` is not linked.
"""

# a comment keeps :class:`Opd`
TEXT = "a string that is no docstring keeps :func:`quota`"


class Policy:
    """A policy; see [`in_force`][flexasn.policy.Policy.in_force] and [`Policy.name`][flexasn.policy.Policy.name], ünïcode before."""

    name: str = "x"
    """The name (`DEFAULT`, [`the office`][flexasn.Opd])."""

    def in_force(self) -> None:
        """Uses [`in_force`][flexasn.policy.Policy.in_force] of [`Policy`][flexasn.Policy]."""
'''  # noqa: E501


def test_roles_become_autorefs_links_or_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script()
    package = tmp_path / "src" / "flexasn"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""The package."""\n', encoding="utf-8")
    (package / "policy.py").write_text(SOURCE, encoding="utf-8")
    inventory = write_inventory(
        tmp_path / "objects.inv",
        {
            "flexasn.people.Opd": "api/#flexasn.people.Opd",
            "flexasn.Opd": "api/#flexasn.people.Opd",
            "flexasn.roster": "api/#$",
            "flexasn.quota": "api/#flexasn.quotas.quota",
            "flexasn.policy.Policy": "api/#flexasn.policy.Policy",
            "flexasn.Policy": "api/#flexasn.policy.Policy",
            "flexasn.policy.Policy.in_force": "api/#flexasn.policy.Policy.in_force",
            "flexasn.policy.Policy.name": "api/#flexasn.policy.Policy.name",
        },
    )
    args = ["--root", str(tmp_path), "--inventory", str(inventory)]
    assert script.main([*args, "--check"]) == 1
    listed = capsys.readouterr().out
    assert "src/flexasn/policy.py:1: :class:`~flexasn.people.Opd`" in listed
    assert "src/flexasn/policy.py:17: :meth:`in_force`" in listed

    assert script.main(args) == 0
    out = capsys.readouterr().out
    assert "src/flexasn/policy.py: 10 role(s) rewritten" in out
    assert "src/flexasn/policy.py:11: longer than 100 characters now" in out
    assert (package / "policy.py").read_text(encoding="utf-8") == EXPECTED
    assert script.main([*args, "--check"]) == 0


def test_rewrite_needs_the_site_inventory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script()
    (tmp_path / "src" / "flexasn").mkdir(parents=True)
    assert script.main(["--root", str(tmp_path)]) == 2
    assert "run `make docs` first" in capsys.readouterr().err
    (tmp_path / "bad.inv").write_bytes(b"not an inventory")
    with pytest.raises(ValueError, match="not a Sphinx inventory"):
        script.main(["--root", str(tmp_path), "--inventory", str(tmp_path / "bad.inv")])


def test_the_sources_hold_no_sphinx_role_in_any_docstring(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One docstring style, the one the docs site renders (issue 14): a new `:class:` role
    in a docstring fails here, naming its file and line, before it reaches the API page."""
    script = load_script()
    code = script.main(["--check", "--inventory", str(ROOT / "no-inventory")])
    assert (code, capsys.readouterr().out) == (0, "")
