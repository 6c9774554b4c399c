"""The bundled made-up examples: found from a checkout and shipped in the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import flexasn as fx
from flexasn import examples

ROOT = Path(__file__).resolve().parents[1]


def test_example_roster_reads_the_kab_malang_example() -> None:
    roster = examples.example_roster()
    # examples/kab-malang: 10 OPDs whose headcounts (40 + 120 + 45 + 35 + 30 + 40 + 25 + 35
    # + 30 + 20) sum to 420, and one employee row for each.
    assert len(roster.opds) == 10
    assert len(roster.employees) == 420
    assert {o.instansi for o in roster.opds} == {"kab-malang"}
    assert sum(o.headcount for o in roster.opds) == 420


def test_example_policy_loads() -> None:
    policy = fx.load_policy(examples.example_policy())
    assert policy.id == "kab-contoh"
    assert [a.id for a in policy.arrangement] == ["fwa-tetap"]


def test_unknown_example_is_a_clear_error() -> None:
    with pytest.raises(fx.InvalidInputError, match=r"unknown example 'kota-x'.*kab-malang"):
        examples.example_dir("kota-x")


def test_missing_files_name_where_flexasn_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(examples, "_roots", lambda: (tmp_path / "a", tmp_path / "b"))
    with pytest.raises(fx.InvalidInputError, match=r"not found .*a.kab-malang and .*b.kab-malang"):
        examples.example_dir()
    with pytest.raises(fx.InvalidInputError, match=r"standing-example\.toml not found"):
        examples.example_policy()


def test_the_wheel_ships_the_examples_where_flexasn_looks() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert mapping == {
        "examples/kab-malang": "flexasn/data/examples/kab-malang",
        "examples/policies": "flexasn/data/examples/policies",
    }
    for source in mapping:
        assert (ROOT / source).is_dir()
    assert (ROOT / "examples" / "kab-malang" / "opd.csv").is_file()
    assert (ROOT / "examples" / "policies" / "standing-example.toml").is_file()


@pytest.mark.parametrize("module", [fx, examples], ids=lambda m: m.__name__)
def test_docstring_examples_run(module: object) -> None:
    import doctest

    result = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_the_example_attendance_week(capsys: pytest.CaptureFixture[str]) -> None:
    """`examples/kab-malang/kehadiran.csv` (docs/cli.md's `hours` example), worked by hand
    from Perpres 21/2023 Pasal 4: 7 h 30 min owed each weekday, 37 h 30 min a week; breaks of
    60 minutes Monday-Thursday and 90 on Friday. Worked: 7:40, 7:34, 6:45, 7:31 and 7:35 =
    37:05, 25 minutes short (a violation: exit 1); Wednesday began at 07.45 (late)."""
    from datetime import timedelta

    from flexasn import cli

    path = Path(__file__).resolve().parent.parent / "examples" / "kab-malang" / "kehadiran.csv"
    argv = ["hours", str(path), "--from", "2025-06-16", "--to", "2025-06-20", "--format", "json"]
    assert cli.main(argv) == 1
    capsys.readouterr()
    report = fx.check_hours(fx.read_attendance(path), policy="kab-malang")
    assert [d.worked for d in report.days] == [timedelta(hours=7, minutes=m) for m in (40, 34)] + [
        timedelta(hours=6, minutes=45)
    ] + [timedelta(hours=7, minutes=m) for m in (31, 35)]
    assert sum((d.worked for d in report.days), timedelta()) == timedelta(hours=37, minutes=5)
    codes = {str(f.code) for f in report.findings}
    assert {"under_weekly_total", "late_start"} <= codes
