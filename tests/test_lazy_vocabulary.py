"""The OPD-kind vocabulary (``data/opd-kinds.toml``) is read on first use, not by
``import flexasn`` (issue 13), and ``OPD_KINDS`` keeps its type and value."""

from __future__ import annotations

import subprocess
import sys

import pytest

import flexasn as fx
from common import OPD_KINDS_BY_HAND
from flexasn import people

# data/opd-kinds.toml, read by hand: its 28 [[kind]] ids (DESIGN.md's canonical vocabulary,
# tests/common.py) and the aliases listed under them.
KINDS_IN_THE_FILE = frozenset(OPD_KINDS_BY_HAND)
ALIASES_IN_THE_FILE = {
    "bpkad": "bkad",
    "bpkpad": "bkad",
    "bppkad": "bkad",
    "bkd": "bkpsdm",
    "bkpp": "bkpsdm",
    "bpsdm": "bkpsdm",
    "kesbangpol": "bakesbangpol",
    "satpolpp": "satpol-pp",
    "satpol_pp": "satpol-pp",
    "pemadam-kebakaran": "damkar",
    "dinas-kesehatan": "dinkes",
    "rumah-sakit": "rsud",
    "dinas-sosial": "dinsos",
    "dinas-perhubungan": "dishub",
    "dukcapil": "dispendukcapil",
    "kominfo": "diskominfo",
    "dinas-pendidikan": "disdik",
    "dpmptsp-naker": "disnaker-pmptsp",
}


def fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it prints."""
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120
    )
    return out.stdout.strip()


# An audit hook records every opening of data/opd-kinds.toml.
WATCH = (
    "import sys; opened = []; "
    "sys.addaudithook(lambda event, args: opened.append(1) if event == 'open' "
    "and str(args[0]).endswith('opd-kinds.toml') else None); "
)


def test_import_flexasn_does_not_read_the_vocabulary() -> None:
    out = fresh(
        WATCH + "import flexasn; from flexasn import people; "
        "print(len(opened), people.opd_kind_vocabulary.cache_info().currsize, "
        "'OPD_KINDS' in vars(people), 'OPD_KINDS' in vars(flexasn)); "
        "kinds = flexasn.OPD_KINDS; print(len(opened), len(kinds))"
    )
    assert out.splitlines() == ["0 0 False False", "1 28"]  # read once, on first use


def test_a_decision_reads_the_vocabulary_once() -> None:
    """An Opd's kind is checked against the vocabulary: the file is read then, once."""
    out = fresh(
        WATCH + "import flexasn as fx; "
        "o = fx.Opd(code='B', name='B', instansi='kab-malang', kind='BPKAD', "
        "service=fx.ServiceCategory.NON_DIRECT, headcount=10); "
        "fx.canonical_kind('bkd'); print(len(opened), o.kind)"
    )
    assert out == "1 bkad"


def test_opd_kinds_keeps_its_type_and_value() -> None:
    assert type(fx.OPD_KINDS) is frozenset
    assert fx.OPD_KINDS == KINDS_IN_THE_FILE
    scope: dict[str, object] = {}
    exec("from flexasn import OPD_KINDS as a; from flexasn.people import OPD_KINDS as b", scope)
    assert scope["a"] is scope["b"] is fx.OPD_KINDS is people.opd_kinds()
    assert "OPD_KINDS" in dir(fx)


def test_the_aliases_keep_their_type_and_value() -> None:
    from flexasn.people import OPD_KIND_ALIASES

    assert type(OPD_KIND_ALIASES) is dict
    assert OPD_KIND_ALIASES == ALIASES_IN_THE_FILE
    assert OPD_KIND_ALIASES is people.opd_kind_aliases()


def test_another_name_of_people_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        people.no_such_name  # noqa: B018
