"""`flexasn serve` and `flexasn calendar --format ics`: the web service and the calendar
feed reached from the command line (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexasn import cli

icalendar = pytest.importorskip("icalendar")


def test_calendar_as_an_ics_feed(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """Kab. Malang, March 2025: 24-27 March flexible work (SE MenPANRB 2/2025 and the
    regent's circular), 28 and 31 March cuti bersama (SKB 2025), 31 March-1 April Idul
    Fitri (LAW.md §4)."""
    code = cli.main(["calendar", "2025-03", "--policy", "kab-malang", "--format", "ics"])
    assert code == 0
    feed = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    uids = {str(e["UID"]) for e in feed.walk("VEVENT")}
    assert {f"kab-malang-202503{d}-kerja_fleksibel@flexasn" for d in (24, 25, 26, 27)} <= uids
    assert "kab-malang-20250328-cuti_bersama@flexasn" in uids


def test_a_policy_file_answers_for_its_id_only_while_the_feed_is_written(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import flexasn as fx

    src = Path(fx.__file__).parent / "data" / "policies" / "kota-batu.toml"
    own = tmp_path / "kota-batu.toml"
    own.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    before = fx.registered_policies()
    assert cli.main(["calendar", "2025-03", "--policy", str(own), "--format", "ics"]) == 0
    assert b"BEGIN:VCALENDAR" in capsysbinary.readouterr().out
    assert fx.registered_policies() == before


def test_serve_takes_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--port" in out and "--max-batch" in out
    assert cli.main(["serve", "--port", "delapan"]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert "serve" in capsys.readouterr().out
