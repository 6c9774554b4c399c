"""The made-up example data that ships with flexasn.

Contoh data rekaan yang ikut terpasang bersama flexasn: roster Kabupaten Malang (10 OPD,
420 pegawai dengan NIP rekaan yang sah) dan satu berkas kebijakan contoh.

The files live in the repository's ``examples/`` folder; the wheel carries a copy
under ``flexasn/data/examples/`` (see ``pyproject.toml``), so ``flexasn demo`` and
these functions work after a plain ``pip install`` as well as from a checkout.
Every person in them is made up.

>>> from flexasn.examples import example_roster
>>> roster = example_roster()
>>> len(roster.opds), len(roster.employees)
(10, 420)
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .errors import InvalidInputError
from .messages import LANGUAGES, Text, render
from .roster import Roster, read_roster

EXAMPLES: tuple[str, ...] = ("kab-malang",)
"""Names of the bundled example rosters."""

_CHECKOUT = Path(__file__).resolve().parents[2] / "examples"


def _roots() -> tuple[Path, ...]:
    installed = Path(str(files("flexasn"))) / "data" / "examples"
    return (installed, _CHECKOUT)


def example_dir(name: str = "kab-malang") -> Path:
    """The folder holding the example roster ``name`` (``opd.csv`` and ``pegawai.csv``).

    Raises [`InvalidInputError`][flexasn.InvalidInputError] for an unknown name, or when the
    files are missing from both the installed package and the source checkout.
    """
    if name not in EXAMPLES:
        raise InvalidInputError(Text("argument.unknown_example", name=name, known=list(EXAMPLES)))
    for root in _roots():
        folder = root / name
        if (folder / "opd.csv").is_file() and (folder / "pegawai.csv").is_file():
            return folder
    looked = {
        lang: render("argument.and", lang).join(str(root / name) for root in _roots())
        for lang in LANGUAGES
    }
    raise InvalidInputError(Text("argument.example_missing", name=name, looked=looked))


def example_policy() -> Path:
    """The example policy file of a standing Permen PANRB 4/2025 arrangement (TOML)."""
    for root in _roots():
        path = root / "policies" / "standing-example.toml"
        if path.is_file():
            return path
    raise InvalidInputError(Text("argument.example_policy_missing"))


def example_roster(name: str = "kab-malang") -> Roster:
    """Read the bundled example roster ``name`` with [`read_roster`][flexasn.read_roster]."""
    folder = example_dir(name)
    return read_roster(folder / "opd.csv", folder / "pegawai.csv")


__all__ = ["EXAMPLES", "example_dir", "example_policy", "example_roster"]
