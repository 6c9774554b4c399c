"""Every JSON output of the command has one documented shape (issue 14): each command's
output, for several statuses, validates against the JSON Schema published in the docs
(``flexasn.cli.schemas``); the same keys whatever the status, null where there is no value,
numbers as numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from flexasn import cli
from flexasn.cli.schemas import SCHEMAS, schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kab-malang"
NIP = "198503122010011001"  # made up
BKAD = ["--kind", "bkad", "--service", "tidak_langsung", "--headcount", "120"]


def output(capsys: pytest.CaptureFixture[str], command: str, *argv: str) -> tuple[int, Any]:
    code = cli.main([command, *argv, "--format", "json"])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    validator = Draft202012Validator(
        schema(command), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    return code, data


def test_every_schema_is_a_valid_schema() -> None:
    for command in SCHEMAS:
        Draft202012Validator.check_schema(schema(command))
        words = "policies ID" if command == "policies-id" else command
        assert schema(command)["title"] == f"flexasn {words} --format json"


def test_quota_has_one_shape_for_every_status(capsys: pytest.CaptureFixture[str]) -> None:
    statuses: dict[str, dict[str, Any]] = {}
    for day, extra in [
        ("2025-03-24", ["--opds", str(EXAMPLE / "opd.csv")]),  # set
        ("2025-03-28", ["--opds", str(EXAMPLE / "opd.csv")]),  # cuti bersama
        ("2025-04-08", ["--opds", str(EXAMPLE / "opd.csv")]),  # SE 3/2025: the head's
        ("2025-04-09", ["--instansi", "prov-banten", *BKAD]),  # Banten: decision unknown
        ("2025-04-09", ["--opds", str(EXAMPLE / "opd.csv")]),  # no arrangement
        ("2026-04-10", ["--instansi", "kab-sleman", *BKAD]),  # left to the head
        (
            "2025-03-24",
            [
                "--instansi",
                "kota-malang",
                "--kind",
                "dinkes",
                "--service",
                "esensial",
                "--headcount",
                "8",
            ],
        ),  # the default 0 %
    ]:
        _, rows = output(capsys, "quota", day, *extra)
        for row in rows:
            statuses.setdefault(row["status"], row)
    assert set(statuses) == {
        "set",
        "excluded",
        "not_working_day",
        "unknown",
        "no_flexible_work",
        "undefined",
    }
    keys = {frozenset(r) for r in statuses.values()}
    assert len(keys) == 1  # the same keys whatever the status
    set_row = statuses["set"]
    assert isinstance(set_row["percent"], int | float) and not isinstance(set_row["percent"], bool)
    assert statuses["undefined"]["limit"] is None and statuses["undefined"]["formula"] is None
    assert statuses["undefined"]["percent"] is None
    assert statuses["excluded"]["limit"] == 0  # Kota Malang's default 0 % for Dinkes


def test_quota_percent_is_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    _, (row,) = output(capsys, "quota", "2025-03-24", "--instansi", "kab-malang", *BKAD)
    assert row["percent"] == 20 and row["limit"] == 24 and row["onsite_required"] == 1
    assert row["formula"] == "min(floor(120 x 20%), 120 - 1) = 24"


def test_calendar_has_one_shape_with_and_without_a_policy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, plain = output(capsys, "calendar", "2025-03-24..2025-04-09")
    assert all(r["regional"] is None for r in plain)
    _, regional = output(capsys, "calendar", "2025-03-24..2025-04-09", "--policy", "prov-banten")
    assert {frozenset(r) for r in plain + regional} == {frozenset(plain[0])}
    kinds = {r["regional"]["kind"] for r in regional if r["regional"]}
    assert {"dated", "decision_unknown"} <= kinds
    assert {r["kind"] for r in plain} >= {
        "hari_kerja",
        "cuti_bersama",
        "libur_nasional",
        "akhir_pekan",
    }


def test_check_has_one_shape_for_every_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = {}
    for extra in (
        ["2025-03-24", "--instansi", "kab-malang", *BKAD],
        ["2025-03-24", "--instansi", "kab-malang", *BKAD, "--head"],
        ["2026-04-10", "--instansi", "kab-sleman", *BKAD],
    ):
        _, decision = output(capsys, "check", *extra, "--nip", NIP)
        outcomes[decision["outcome"]] = decision
    assert set(outcomes) == {"allowed", "denied", "undetermined"}
    assert len({frozenset(d) for d in outcomes.values()}) == 1
    reasons = [r for d in outcomes.values() for r in d["reasons"]]
    assert len({frozenset(r) for r in reasons}) == 1
    assert NIP not in json.dumps(outcomes)


def test_doctor_and_policies(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = output(capsys, "doctor", "--today", "2026-11-30", "--days", "60")
    assert report["exit_code"] == code
    assert report["findings"] and isinstance(report["horizon"], int)
    _, policies = output(capsys, "policies")
    assert {p["id"] for p in policies} >= {"kab-malang", "nasional"}
    assert all(isinstance(p["arrangements"], int) for p in policies)


def test_hours_has_one_shape_with_and_without_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = "mulai,selesai,mode\n"
    full = tmp_path / "penuh.csv"
    days = [f"2025-06-{d:02d} 07:30,2025-06-{d:02d} 16:00,wfo" for d in range(16, 20)]
    full.write_text(header + "\n".join([*days, "2025-06-20 07:30,2025-06-20 16:30,wfh"]) + "\n")
    short = tmp_path / "kurang.csv"
    short.write_text(header + "2025-06-02 07:45,2025-06-02 12:00,\n")
    code, ok = output(capsys, "hours", str(full))
    assert code == 0 and ok["findings"] == []
    code, bad = output(capsys, "hours", str(short), "--from", "2025-06-02", "--to", "2025-06-08")
    assert code == 1 and bad["findings"]
    assert set(ok) == set(bad)


ROSTER = ["--opds", str(EXAMPLE / "opd.csv"), "--employees", str(EXAMPLE / "pegawai.csv")]


def test_plan_has_one_shape_for_open_closed_and_undecided_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Kab. Malang, 24-28 March 2025: 24-27 the regent's WFA window (a quota rule), 28 March
    cuti bersama (a day off); then Friday 10 April 2026 (the national WFH Friday, the
    proportion left to the head: no number)."""
    code, plans = output(
        capsys,
        "plan",
        "2025-03-24",
        "2025-03-28",
        "--policy",
        "kab-malang",
        *ROSTER,
        "--opd",
        "BKAD",
    )
    assert code == 0 and [p["opd"] for p in plans] == ["BKAD"]
    statuses = [d["status"] for d in plans[0]["days"]]
    assert statuses == ["rule", "rule", "rule", "rule", "day_off"]
    assert plans[0]["days"][4]["limit"] == 0 and plans[0]["days"][4]["remote"] == []
    assert NIP not in json.dumps(plans)
    _, undecided = output(
        capsys,
        "plan",
        "2026-04-10",
        "2026-04-10",
        "--policy",
        "kab-malang",
        *ROSTER,
        "--opd",
        "BKAD",
    )
    assert undecided[0]["days"][0]["limit"] is None


def test_validate_has_one_shape_valid_or_not(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    written = tmp_path / "jadwal.csv"
    argv = ["2025-03-24", "2025-03-27", "--policy", "kab-malang", *ROSTER, "--opd", "BKAD"]
    assert cli.main(["plan", *argv, "--output", str(written)]) == 0
    capsys.readouterr()
    code, ok = output(capsys, "validate", str(written), "--policy", "kab-malang", *ROSTER)
    assert (code, ok["valid"], ok["violations"], ok["opd"]) == (0, True, [], "BKAD")
    # everyone of the file out on 24 March: far over the limit of 24 (floor(120 x 20 %))
    lines = written.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    column = head.index("2025-03-24")
    crowded = [lines[0]] + [
        ",".join(v if i != column else "wfh" for i, v in enumerate(line.split(",")))
        for line in lines[1:]
    ]
    written.write_text("\n".join(crowded) + "\n", encoding="utf-8")
    code, bad = output(capsys, "validate", str(written), "--policy", "kab-malang", *ROSTER)
    assert code == 1 and bad["valid"] is False
    assert "quota" in {v["check"] for v in bad["violations"]}
    assert NIP not in json.dumps(bad)


@pytest.mark.parametrize("policy_id", ["kab-malang", "prov-jatim", "nasional", "kab-sleman"])
def test_one_policy_has_its_published_shape(
    capsys: pytest.CaptureFixture[str], policy_id: str
) -> None:
    """`flexasn policies ID --format json`: a bundled policy with its own instruments, one
    with weekly arrangements, the national layer, and a register-only region."""
    code = cli.main(["policies", policy_id, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    validator = Draft202012Validator(
        schema("policies-id"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert code == 0
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)] == []
    assert data["id"] == policy_id
