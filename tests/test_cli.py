"""The ``flexasn`` command, driven as a user would: every command, format, language and
exit code; bad files and bad dates give one clear line and code 2."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flexasn import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kab-malang"
OPDS = str(EXAMPLE / "opd.csv")
EMPLOYEES = str(EXAMPLE / "pegawai.csv")
ROSTER = ["--opds", OPDS, "--employees", EMPLOYEES]
STANDING = str(ROOT / "examples" / "policies" / "standing-example.toml")
BKAD = ["--instansi", "kab-malang", "--kind", "bkad", "--service", "tidak_langsung"]
BKAD += ["--headcount", "120", "--opd", "BKAD"]
NIP18 = re.compile(r"(?<!\d)\d{18}(?!\d)")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def fits(out: str, width: int = 80) -> None:
    long = [line for line in out.splitlines() if len(line) > width]
    assert not long, long


def roster_nip(**want: str) -> str:
    """The NIP of the first employee of the example roster matching the given cells."""
    with Path(EMPLOYEES).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if all(row[k] == v for k, v in want.items()):
                return row["nip"]
    raise AssertionError(want)


# --- calendar -------------------------------------------------------------------------


def test_calendar_table_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "2025-03")
    assert code == 0 and err == ""
    assert "2025-03-28  Jum   cuti bersama" in out
    assert "Hari Suci Nyepi" in out
    assert "SE MenPANRB 2/2025" in out
    fits(out)


def test_calendar_table_en_with_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2025-03", "--policy", "kab-malang", "--lang", "en")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("2025-03-24"))
    assert line.split() == ["2025-03-24", "Mon", "working", "day", "FWA", "WFH/WFA"]
    assert "arrangement 'lebaran-2025'" in out
    fits(out)


def test_calendar_span_and_unknown_decision(capsys: pytest.CaptureFixture[str]) -> None:
    # Kota Palembang's decision for 24-27 March 2025 is unknown (LAW.md §5)
    code, out, _ = run(capsys, "calendar", "2025-03-23..2025-03-24", "--policy", "kota-palembang")
    assert code == 0
    assert "keputusan tidak diketahui" in out
    line = next(x for x in out.splitlines() if x.startswith("2025-03-24"))
    assert line.split() == ["2025-03-24", "Sen", "hari", "kerja", "FWA", "?"]
    # Kab. Malang has no decision for 8 April 2025: the national SE 3/2025 applies (inherited)
    code, out, _ = run(capsys, "calendar", "2025-04-07..2025-04-08", "--policy", "kab-malang")
    line = next(x for x in out.splitlines() if x.startswith("2025-04-08"))
    assert line.split() == ["2025-04-08", "Sel", "hari", "kerja", "FWA", "WFH/WFA"]


def test_calendar_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2025-03", "--format", "json")
    assert code == 0
    days = json.loads(out)
    assert len(days) == 31
    by_date = {d["date"]: d for d in days}
    assert by_date["2025-03-28"]["kind"] == "cuti_bersama"
    assert by_date["2025-03-31"]["kind"] == "libur_nasional"
    assert by_date["2025-03-01"]["kind"] == "akhir_pekan"
    assert by_date["2025-03-24"]["kind"] == "hari_kerja"
    assert by_date["2025-03-24"]["national_flexible"].startswith("SE MenPANRB 2/2025")
    assert by_date["2025-03-24"]["regional"] is None


def test_calendar_json_with_policy_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2025-04", "--policy", STANDING, "--format", "json")
    assert code == 0
    day = {d["date"]: d for d in json.loads(out)}["2025-04-21"]
    assert day["regional"]["policy"] == "kab-contoh"
    assert day["regional"]["kind"] == "standing"


def test_calendar_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "calendar", "2025-03", "--format", "csv", "--policy", "kab-malang", "--lang", "en"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 31
    # The same stable codes as JSON: weekday 0 = Monday, lower-case booleans, both names.
    assert rows[27]["kind"] == "cuti_bersama" and rows[27]["weekday"] == "4"
    assert rows[27]["working_day"] == "false" and rows[24]["working_day"] == "true"
    assert rows[27]["name_id"] == "Cuti Bersama Hari Suci Nyepi"
    assert rows[0]["name_en"] == "" and rows[0]["estimated"] == "false"
    assert rows[23]["regional_arrangement"] == "lebaran-2025"
    assert rows[23]["regional_modes"] == "wfh/wfa"


def test_calendar_estimate_beyond_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2030-01", "--estimate", "--lang", "en")
    assert code == 0
    assert "* estimate" in out


def test_calendar_marks_the_2027_idul_fitri_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    # 2027 is decreed, but Idul Fitri 1448 H (10-11 March) awaits the Minister of Religious
    # Affairs (LAW.md §4): no --estimate needed, and the two days carry the mark.
    code, out, _ = run(capsys, "calendar", "2027-03")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("2027-")]
    marked = [row.split()[0] for row in rows if "*" in row]
    assert marked == ["2027-03-10", "2027-03-11"]
    assert out.count("(perkiraan)") == 2  # the two names, wrapped or not
    assert "* perkiraan: tanggal belum ditetapkan" in out
    fits(out)  # the footnote wraps at 80 like the legend above it (was one 130-character line)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["calendar", "2025-13"], "bulan tidak sah"),
        (["calendar", "March"], "bulan tidak sah"),
        (["calendar", "2025-03-10..2025-03-01"], "sebelum"),
        (["calendar", "2025-02-30..2025-03-01"], "tanggal tidak sah"),
        (["calendar", "2030-01"], "di luar kalender ASN"),
        (["calendar", "2025-03", "--policy", "nope"], "'nope'"),
        (["calendar", "2025-03", "--policy", "missing.toml"], "berkas tidak ditemukan"),
    ],
)
def test_calendar_bad_input(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert line.startswith("flexasn: galat: ") and needle in line


def test_error_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "calendar", "2030-01", "--lang", "en")
    assert code == 2
    assert one_error_line(err).startswith("flexasn: error: 2030-01-01 is outside the decreed")
    # The error names the user's own date, not 1 January of the year.
    code, _, err = run(capsys, "calendar", "2028-03")
    assert code == 2 and "2028-03-01 di luar kalender ASN" in one_error_line(err)


def test_bad_policy_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nname = "X"\nlevel = "negara"\n', encoding="utf-8")
    code, _, err = run(capsys, "policies", str(bad))
    assert code == 2
    line = one_error_line(err)
    assert "bad.toml" in line and "level" in line
    broken = tmp_path / "broken.toml"
    broken.write_text("id = \n", encoding="utf-8")
    code, _, err = run(capsys, "calendar", "2025-03", "--policy", str(broken))
    assert code == 2 and "bukan TOML yang sah" in one_error_line(err)


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(cli.CliError):
        cli.main(["calendar", "2025-13", "--debug"])
    with pytest.raises(cli.CliError):
        cli.main(["--debug", "calendar", "2025-13"])


# --- policies ----------------------------------------------------------------------------


def test_policies_list_all_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policies")
    assert code == 0 and "kab-malang" in out and "tingkat" in out
    fits(out)
    code, out, _ = run(capsys, "policies", "--format", "json", "--lang", "en")
    ids = [p["id"] for p in json.loads(out)]
    assert "nasional" in ids and ids == sorted(ids)
    code, out, _ = run(capsys, "policies", "--format", "csv")
    assert out.splitlines()[0] == "id,level,timezone,arrangements,name"


def test_policy_detail_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policies", "kab-malang")
    assert code == 0
    assert "[lebaran-2025]" in out and "2025-03-24..2025-03-27" in out
    assert "service=tidak_langsung: 20%" in out
    assert "kepala OPD di kantor: ya" in out
    fits(out)
    code, out, _ = run(capsys, "policies", "nasional", "--lang", "en")
    assert "left to the head of agency" in out
    code, out, _ = run(capsys, "policies", STANDING, "--lang", "en")
    assert "weekly limit: 2" in out


def test_policy_detail_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "policies", "kab-malang", "--format", "json")
    data = json.loads(out)
    first = data["arrangement"][0]
    assert first["id"] == "lebaran-2025" and "Pemkab Malang" in first["citation"]
    assert first["quota"][2]["percent"] == "20" and first["quota"][2]["citation"]
    _, out, _ = run(capsys, "policies", "kota-batu", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[0]["policy"] == "kota-batu"


# --- check -------------------------------------------------------------------------------


def test_check_allowed_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "2025-03-24", *BKAD)
    assert code == 0
    assert out.startswith("Keputusan: BOLEH (WFH, WFA)")
    assert "✓ OPD mendapat kuota (opd_allowed): " in out and "dasar: Pemkab Malang" in out
    fits(out)


def test_check_head_denied_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "2025-03-24", *BKAD, "--head", "--lang", "en")
    assert code == 1
    assert out.startswith("Decision: DENIED")
    assert "✗ role may work away from the office (role_onsite): " in out


def test_check_undetermined_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--kind", "bkad", "--service", "tidak_langsung", "--headcount", "10"]
    code, out, _ = run(capsys, "check", "2025-03-24", "--policy", "nasional", *argv)
    assert code == 1 and "BELUM PASTI" in out


def test_check_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "2025-03-28", *BKAD, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["outcome"] == "denied" and data["allowed"] is False
    assert data["employee"] == "-"
    working = next(r for r in data["reasons"] if r["check"] == "working_day")
    assert working["passed"] is False and working["citation"].startswith("Keppres 2/2025")
    code, out, _ = run(capsys, "check", "2025-03-24", *BKAD, "--format", "csv", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# outcome=allowed"
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[1:]))))
    assert [r["check"] for r in rows][:3] == ["data_coverage", "agency_scope", "working_day"]


def test_check_employee_facts(capsys: pytest.CaptureFixture[str]) -> None:
    nip = "198503122010011001"
    argv = ["check", "2025-05-05", "--policy", STANDING, "--kind", "bkad"]
    argv += ["--service", "tidak_langsung", "--headcount", "50", "--nip", nip]
    code, out, _ = run(
        capsys, *argv, "--discipline", "dalam_proses", "--remote-days-this-week", "0"
    )
    assert code == 1 and "✗ bebas hukuman disiplin (discipline): " in out
    assert nip not in out and "…1001" in out
    code, out, _ = run(capsys, *argv, "--remote-days-this-week", "2")
    assert code == 1 and "✗ dalam batas hari fleksibel per minggu (weekly_limit): " in out
    code, out, _ = run(capsys, *argv, "--duty", "--frontline", "--new-in-post")
    assert code == 1 and "✗ jabatan boleh di luar kantor (role_onsite): " in out
    assert "✗ bukan layanan tatap muka (frontline): " in out
    code, out, _ = run(capsys, *argv, "--special-circumstances", "--remote-days-this-week", "4")
    assert code == 0


def test_check_from_roster(capsys: pytest.CaptureFixture[str]) -> None:
    head = roster_nip(kode_opd="BKAD", kepala="ya")
    code, out, _ = run(capsys, "check", "2025-03-24", *ROSTER, "--nip", head)
    assert code == 1 and "✗ jabatan boleh di luar kantor (role_onsite): " in out
    assert "BKAD (Badan Keuangan dan Aset Daerah)" in out
    assert not NIP18.search(out)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["check", "24-03-2025", *BKAD], "tanggal tidak sah"),
        (["check", "2025-02-29", *BKAD], "tanggal tidak sah"),
        (["check", "2025-03-24", "--kind", "bkad"], "--service"),
        (["check", "2025-03-24", *BKAD, "--nip", "12345"], "bukan 18 digit"),
        (["check", "2025-03-24", *ROSTER, "--nip", "12345"], "bukan 18 digit"),
        (["check", "2025-03-24", *ROSTER, "--nip", "12345", "--lang", "en"], "not 18 digits"),
        (["check", "2025-03-24", *BKAD[:3], "planet", *BKAD[4:]], "jenis OPD 'planet'"),
        (["check", "2025-03-24", *ROSTER], "--nip"),
        (["check", "2025-03-24", *ROSTER, "--nip", "198503122010011001"], "…1001"),
        (["check", "2025-03-24", *ROSTER, "--nip", "198503122010011001", "--head"], "--head"),
        (["check", "2025-03-24", "--opds", OPDS, "--nip", "198503122010011001"], "--employees"),
    ],
)
def test_check_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert needle in line
    assert not NIP18.search(line)


def test_check_beyond_coverage_is_undetermined(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "2031-03-24", *BKAD)
    assert code == 1 and "? data hari libur tersedia (data_coverage): " in out
    assert "? hari kerja (working_day): " in out


def test_check_roster_without_bundled_policy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opds = tmp_path / "opd.csv"
    opds.write_text(
        "kode,nama,instansi,jenis,layanan,jumlah_pegawai\nX,X,kab-contoh,bkad,tidak_langsung,1\n",
        encoding="utf-8",
    )
    staff = tmp_path / "pegawai.csv"
    staff.write_text("nip,kode_opd\n198503122010011001,X\n", encoding="utf-8")
    argv = ["check", "2025-05-05", "--opds", str(opds), "--employees", str(staff)]
    argv += ["--nip", "198503122010011001"]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "--policy" in one_error_line(err)
    code, out, _ = run(capsys, *argv, "--policy", STANDING)
    assert code in (0, 1) and "kab-contoh" in out


# --- quota -------------------------------------------------------------------------------


def test_quota_roster_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quota", "2025-03-24", "--opds", OPDS)
    assert code == 0
    # 20 % of 120 is 24 exactly; the head stays in the office: at most 120 - 1 = 119
    assert (
        "BKAD                120     24  20% x 120 = 24 (dibulatkan ke bawah), paling\n"
        "                                banyak 120 - 1 yang wajib di kantor = 119: 24\n"
    ) in out
    assert "Dasar hukum:" in out
    fits(out)


def test_quota_with_employees_and_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quota", "2025-03-24", *ROSTER, "--opd", "DINKES", "--lang", "en")
    assert code == 0 and "DINKES" in out and "BKAD " not in out
    code, _, err = run(capsys, "quota", "2025-03-24", "--opds", OPDS, "--opd", "NOPE")
    assert code == 2 and "NOPE" in one_error_line(err)


def test_quota_json_csv_and_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quota", "2025-03-24", *BKAD, "--format", "json")
    (row,) = json.loads(out)
    assert row["limit"] == 24 and row["formula"] == "min(floor(120 x 20%), 120 - 1) = 24"
    code, out, _ = run(capsys, "quota", "2025-03-28", *BKAD, "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["status"] == "not_working_day" and row["reason"] == "day_off"
    assert row["limit"] == "0"
    code, out, _ = run(capsys, "quota", "2025-04-08", "--opds", OPDS, "--lang", "en")
    assert code == 0 and "left to the head of" in out  # SE 3/2025, inherited
    code, out, _ = run(
        capsys, "quota", "2025-03-24", "--opds", OPDS, "--policy", "kota-palembang", "--lang", "en"
    )
    assert code == 0 and "the instansi's decision is not known" in out
    code, out, _ = run(capsys, "quota", "2025-03-24", *BKAD[2:], "--policy", "nasional")
    assert code == 0 and "tidak ditetapkan" in out
    code, out, _ = run(capsys, "quota", "2025-03-24", *BKAD[2:], "--policy", "kota-batu")
    assert "tanpa kerja fleksibel" in out
    code, out, _ = run(capsys, "quota", "2025-05-05", *BKAD)
    assert "tidak ada pengaturan" in out
    code, out, _ = run(capsys, "quota", "2025-03-24", *BKAD, "--agency-type", "tni")
    assert "Pasal 38" in out


def test_quota_excluded_opd(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--kind", "rsud", "--service", "esensial", "--headcount", "300"]
    code, out, _ = run(capsys, "quota", "2025-03-24", *argv, "--policy", "kota-malang")
    assert code == 0 and "OPD dikecualikan" in out


def test_quota_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "quota", "2025-3-24", "--opds", OPDS)
    assert code == 2 and "tanggal tidak sah" in one_error_line(err)
    bad = tmp_path / "opd.csv"
    bad.write_text("kode,nama,instansi,jenis,layanan,jumlah_pegawai\nA,B,kab-malang,bkad,x,1\n")
    code, _, err = run(capsys, "quota", "2025-03-24", "--opds", str(bad))
    line = one_error_line(err)
    assert code == 2 and "baris 2" in line and "layanan" in line
    code, _, err = run(capsys, "quota", "2025-03-24", "--opds", str(tmp_path / "none.csv"))
    # the command speaks Indonesian by default: "file not found"
    assert code == 2 and "berkas tidak ditemukan" in one_error_line(err)


# --- plan and validate -------------------------------------------------------------------


def test_plan_table_one_opd(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "2025-03-24", "2025-03-27", *ROSTER, "--opd", "BKPSDM")
    assert code == 0
    assert "Rotasi BKPSDM" in out and "H = WFH" in out
    assert "2025-03-24       7    7    0      28      7     0  kuota" in out
    assert "Keadilan:" in out
    assert not NIP18.search(out)
    fits(out)
    # Each grid line names the person's row in pegawai.csv (1 = the header), which tells
    # apart two people whose masked NIPs share their last four digits.
    lines = Path(EMPLOYEES).read_text(encoding="utf-8").splitlines()
    grid = [line.split() for line in out.splitlines() if re.match(r"^\d+ +…\d{4} ", line)]
    assert len(grid) == 28  # 7 a day over 4 days, each person out once (34 eligible)
    rows = [int(g[0]) for g in grid]
    assert rows == sorted(rows)
    for row, masked, *_ in grid:
        nip, opd = lines[int(row) - 1].split(",")[:2]
        assert opd == "BKPSDM" and nip.endswith(masked.removeprefix("…"))


def test_plan_all_opds_en_mode_wfa(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "2025-03-21", "2025-03-24", *ROSTER, "--mode", "wfa", "--lang", "en"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out.count("Rotation ") == 10
    assert " A " in out and "day off" in out and "no arrangement" in out
    assert not NIP18.search(out)


def test_plan_json_and_csv_mask_nips(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "2025-03-24", "2025-03-27", *ROSTER, "--opd", "DPMPTSP,DINKES"]
    _, out, _ = run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert [s["opd"] for s in data] == ["DPMPTSP", "DINKES"]
    assert len(data[0]["days"][0]["remote"]) == 2
    assert data[0]["days"][0]["remote"][0]["employee"].startswith("…")
    assert not NIP18.search(out)
    _, out, _ = run(capsys, *argv, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 25 + 35
    assert rows[0].keys() >= {"row", "employee", "opd", "2025-03-24"}
    assert all(int(r["row"]) >= 2 for r in rows)
    assert not NIP18.search(out)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_plan_output_then_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"jadwal{suffix}"
    argv = ["plan", "2025-03-24", "2025-03-27", *ROSTER, "--opd", "BKAD", "--output", str(path)]
    code, _, err = run(capsys, *argv)
    assert code == 0 and path.is_file() and "jadwal" in err
    code, out, _ = run(capsys, "validate", str(path), *ROSTER)
    assert code == 0 and "sah: tidak ada pelanggaran" in out
    code, out, _ = run(capsys, "validate", str(path), *ROSTER, "--format", "json")
    assert code == 0 and json.loads(out)["valid"] is True


def test_validate_violations_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    argv = ["plan", "2025-03-24", "2025-03-28", *ROSTER, "--opd", "DPMPTSP", "--output", str(path)]
    assert run(capsys, *argv)[0] == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("wfo", "wfh"), encoding="utf-8")  # everyone out, every day
    code, out, _ = run(capsys, "validate", str(path), *ROSTER)
    assert code == 1
    assert "pelanggaran" in out and "quota" in out and "working_day" in out
    assert not NIP18.search(out)
    fits(out)
    code, out, _ = run(capsys, "validate", str(path), *ROSTER, "--format", "csv", "--lang", "en")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"quota", "role_onsite", "working_day"} <= {r["check"] for r in rows}
    assert not NIP18.search(out)
    # The head of DPMPTSP (role_onsite) is named by the row of pegawai.csv that holds them,
    # and by their row of the schedule file being validated, with its name.
    lines = Path(EMPLOYEES).read_text(encoding="utf-8").splitlines()
    heads = [r for r in rows if r["check"] == "role_onsite"]
    assert len({r["roster_row"] for r in heads}) == 1
    head = lines[int(heads[0]["roster_row"]) - 1].split(",")
    assert head[1] == "DPMPTSP" and head[4] == "ya"
    schedule_lines = path.read_text(encoding="utf-8").splitlines()
    assert {r["file"] for r in rows} == {str(path)}
    assert schedule_lines[int(heads[0]["row"]) - 1].split(",")[0] == head[0]
    # one row order everywhere: the schedule file and the findings follow the roster
    staff = [line.split(",")[0] for line in lines[1:] if line.split(",")[1] == "DPMPTSP"]
    assert [line.split(",")[0] for line in schedule_lines[1:]] == staff
    day_rows = [int(r["roster_row"]) for r in rows if r["day"] == "2025-03-24" and r["roster_row"]]
    assert day_rows == sorted(day_rows)
    code, out, _ = run(capsys, "validate", str(path), *ROSTER, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["valid"] is False and data["file"] == str(path)
    assert all(v["file"] == str(path) for v in data["violations"])
    assert {v["row"] for v in data["violations"] if v["check"] == "role_onsite"} == {
        int(heads[0]["row"])
    }
    code, out, _ = run(capsys, "validate", str(path), *ROSTER)
    assert f"jadwal.csv, baris {heads[0]['row']}; pegawai.csv, baris" in out


def test_plan_and_validate_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ods = tmp_path / "jadwal.ods"
    argv = ["plan", "2025-03-24", "2025-03-27", *ROSTER, "--opd", "BKAD", "--output", str(ods)]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "harus .csv, .xlsx atau .json" in one_error_line(err)
    assert not ods.exists()
    code, _, err = run(capsys, "plan", "2025-03-27", "2025-03-24", *ROSTER, "--opd", "BKAD")
    assert code == 2 and "sebelum" in one_error_line(err)  # "before", said in Indonesian
    code, _, err = run(capsys, "plan", "2025-03-24", "2025-03-27", *ROSTER, "--opd", "NOPE")
    assert code == 2 and "NOPE" in one_error_line(err)
    bad = tmp_path / "jadwal.csv"
    bad.write_text("nip,opd,2025-03-24\n123,BKAD,wfh\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad), *ROSTER)
    line = one_error_line(err)
    assert code == 2 and "baris 2" in line and "tepat 18 digit" in line
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad.with_suffix(".json")), *ROSTER)
    assert code == 2 and "berkas tidak ditemukan" in one_error_line(err)  # file not found


def test_plan_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "plan", "2025-03-24", "2025-03-27")  # argparse: roster required
    assert code == 2 and "--opds" in err


# --- hours -------------------------------------------------------------------------------


def write_records(path: Path, rows: list[str]) -> str:
    path.write_text("mulai,selesai,mode\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_hours_full_week_ok(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    days = [f"2025-06-{d:02d} 07:30,2025-06-{d:02d} 16:00,wfo" for d in range(16, 20)]
    days.append("2025-06-20 07:30,2025-06-20 16:30+07:00,wfh")
    records = write_records(tmp_path / "k.csv", days)
    code, out, _ = run(capsys, "hours", records)
    assert code == 0 and "Tidak ada temuan." in out and "37:30" in out
    fits(out)
    code, out, _ = run(capsys, "hours", records, "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    code, out, _ = run(capsys, "hours", records, "--format", "csv", "--lang", "en")
    assert out.splitlines()[0] == "day,kind,owed,worked,balance"


def test_hours_short_week_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = write_records(tmp_path / "k.csv", ["2025-06-02 07:45,2025-06-02 12:00,"])
    argv = ["hours", records, "--from", "2025-06-02", "--to", "2025-06-08", "--lang", "en"]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    assert "under_weekly_total" in out and "late_start" in out
    assert "(Asia/Jakarta, fixed hours)" in out
    assert "violation weekly hours short (under_weekly_total): " in out
    code, out, _ = run(capsys, *argv, "--dynamic")
    assert code == 1 and "late_start" not in out and "dynamic hours" in out
    code, out, _ = run(capsys, *argv[:-2])  # in Indonesian: words, not codes
    assert "(Asia/Jakarta, jam tetap)" in out
    assert "pelanggaran jam kerja seminggu kurang (under_weekly_total): " in out


def test_hours_regional_pattern(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = write_records(tmp_path / "k.csv", ["2025-03-08 07:30,2025-03-08 11:30,"])
    argv = ["hours", records, "--policy", "kota-malang", "--kind", "puskesmas"]
    code, out, _ = run(capsys, *argv, "--from", "2025-03-08", "--to", "2025-03-08")
    assert code == 0 and "4:00" in out


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("mulai,selesai\nkemarin,2025-06-02 12:00\n", "baris 2, kolom 'mulai': bukan tanggal"),
        ("mulai,selesai,mode\n2025-06-02 07:30,2025-06-02 12:00,kantor\n", "wfo, wfh atau wfa"),
        ("jam,selesai\n2025-06-02 07:30,2025-06-02 12:00\n", "kolom tidak dikenal"),
        ("mode\nwfo\n", "kolom wajib tidak ada: start, end"),
        (
            "mulai,selesai\n2025-06-02 07:30,2025-06-03 12:00\n",
            "baris 2, isian 'end': lebih dari 24",
        ),
    ],
)
def test_hours_bad_records(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, needle: str
) -> None:
    path = tmp_path / "k.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "hours", str(path))
    assert code == 2 and out == ""
    assert needle in one_error_line(err)
    _, _, err = run(capsys, "hours", str(path), "--lang", "en")
    assert "baris" not in one_error_line(err) and "kolom" not in one_error_line(err)


def test_hours_reads_an_indonesian_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command reads files with fx.read_attendance: BOM, ';', a tanggal column, times
    with a dot, a NIP column. Mon-Thu 07.30-16.00 less 60 min and Fri 07.30-16.30 less
    90 min are 7:30 each: 37:30 for the week of 16 June 2025, nothing short."""
    nip = "198503122010011001"
    rows = [f"2025-06-{d};07.30;16.00;{nip}" for d in (16, 17, 18, 19)]
    rows.append(f"2025-06-20;07.30;16.30;{nip}")
    path = tmp_path / "kehadiran.csv"
    text = "Tanggal;Jam Masuk;Jam Pulang;NIP\n" + "\n".join(rows) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run(capsys, "hours", str(path), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["findings"] == []
    assert report["owed"] == report["worked"] == "P1DT13H30M"  # 37 h 30 min
    assert nip not in out


def test_hours_bad_file_names_row_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    nip = "198503122010011001"
    path = tmp_path / "k.csv"
    path.write_text(
        f"tanggal,mulai,selesai,nip\n2025-06-16,07.30,16.00,{nip}\n"
        f"2025-06-17,07.30,16.00,{nip[:-1]}2\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "hours", str(path), "--lang", "en")
    line = one_error_line(err)
    assert code == 2 and out == ""
    assert f"{path}, row 3, column 'nip': a different NIP from row 2" in line
    rest = line.replace(str(path), "")  # the temporary folder's name may hold any digits
    assert nip[:-1] not in rest and nip[-4:] not in rest


def test_hours_bad_span(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = write_records(tmp_path / "k.csv", ["2025-06-02 07:30,2025-06-02 16:00,"])
    code, _, err = run(capsys, "hours", records, "--from", "2025-06-31")
    assert code == 2 and "--from" in one_error_line(err)


# --- demo, help, the installed script ----------------------------------------------------


def test_demo_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "1. Kalender 20 Maret s.d. 10 April 2025" in out
    assert "2025-04-10  Kam   hari kerja" in out
    # 20 % of 120 is 24 exactly; the head stays in the office: at most 120 - 1 = 119
    assert (
        "BKAD                120     24  20% x 120 = 24 (dibulatkan ke bawah), paling\n"
        "                                banyak 120 - 1 yang wajib di kantor = 119: 24\n"
    ) in out
    assert "Pemeriksaan jadwal 10 OPD: 0 pelanggaran." in out
    assert out.count("Keputusan: BOLEH") == 1 and out.count("Keputusan: TIDAK BOLEH") == 2
    assert "✗ jabatan boleh di luar kantor (role_onsite): " in out
    assert "✗ hari kerja (working_day): 2025-03-28 adalah cuti bersama" in out
    assert not NIP18.search(out)
    fits(out)


def test_demo_en_and_missing_example(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "demo", "--lang", "en", "--example", str(EXAMPLE))
    assert code == 0 and "Decision: ALLOWED" in out
    code, _, err = run(capsys, "demo", "--example", str(tmp_path), "--lang", "en")
    assert code == 2 and "example was not found" in one_error_line(err)


@pytest.mark.parametrize(
    "command", ["calendar", "policies", "check", "quota", "plan", "validate", "hours", "demo"]
)
def test_help_has_an_example(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "Contoh / example" in out and f"flexasn {command}" in out
    fits(out)


def test_top_level_help_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "exit codes" in out
    fits(out)
    assert run(capsys)[0] == 2
    assert run(capsys, "nonsense")[0] == 2
    code, _, err = run(capsys, "calendar", "2025-03", "--format", "xml")
    assert code == 2
    line = one_error_line(err)  # no usage dump: one line, with where to look
    assert line.startswith("flexasn: galat: argumen --format") and "flexasn calendar --help" in line
    code, _, err = run(capsys, "check", "2025-03-24", "--service", "foo", "--lang", "en")
    assert code == 2
    assert one_error_line(err).startswith("flexasn: error: argument --service")


def test_a_closed_pipe_is_not_an_error() -> None:
    # `flexasn calendar ... | head -1`: the reader goes away after one line. Three years
    # as JSON (about 300 kB) overflow any pipe buffer, so the writer meets the closed pipe.
    command = ["calendar", "2025-01-01..2027-12-31", "--format", "json"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "flexasn.cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert first.strip() == b"["
    assert err == ""


def test_progress_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = cli.Progress(4, "plan")
    for _ in range(4):
        progress.step()
    assert "plan [" in capsys.readouterr().err


def test_importing_flexasn_does_not_import_the_cli() -> None:
    code = "import sys, flexasn; print('flexasn.cli' in sys.modules, 'argparse' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[0] == "False"


def test_installed_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("flexasn")
    ok = subprocess.run(
        [str(script), "calendar", "2025-03", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)[27]["kind"] == "cuti_bersama"
    bad = subprocess.run(
        [str(script), "check", "2025-03-32", "--kind", "bkad"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    demo = subprocess.run(
        [str(script), "demo"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert demo.returncode == 0 and "Tiga keputusan" in demo.stdout


@pytest.mark.parametrize(
    ("lang", "mine", "other"),
    [
        ("id", "(tafsiran flexasn)", "(flexasn's reading)"),
        ("en", "(flexasn's reading)", "(tafsiran flexasn)"),
    ],
)
def test_citations_speak_the_chosen_language(
    capsys: pytest.CaptureFixture[str], lang: str, mine: str, other: str
) -> None:
    # The frontline check rests on flexasn's reading of Permen PANRB 4/2025; its citation
    # says so in the language of the output, in every format.
    for fmt in ("table", "json", "csv"):
        code, out, _ = run(capsys, "check", "2025-03-24", *BKAD, "--lang", lang, "--format", fmt)
        assert code == 0
        assert mine in out and other not in out, fmt
    _, out, _ = run(capsys, "demo", "--lang", lang)
    assert mine in out and other not in out


def test_a_partial_roster_needs_partial(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # One BKAD employee only, while opd.csv declares 120: an error naming --partial,
    # then with --partial the plan runs for that one person.
    lines = Path(EMPLOYEES).read_text(encoding="utf-8").splitlines()
    one = next(line for line in lines[1:] if line.split(",")[1] == "BKAD" and ",ya," not in line)
    staff = tmp_path / "pegawai.csv"
    staff.write_text(f"{lines[0]}\n{one}\n", encoding="utf-8")
    argv = ["plan", "2025-03-24", "2025-03-24", "--opds", OPDS, "--employees", str(staff)]
    code, _, err = run(capsys, *argv, "--opd", "BKAD")
    line = one_error_line(err)
    assert code == 2 and "--partial" in line and "jumlah_pegawai" in line
    code, out, _ = run(capsys, *argv, "--opd", "BKAD", "--partial", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    # BKAD's limit on 24 March 2025 is min(floor(120 x 20 %), 120 - 1) = 24: one person fits.
    assert [(r["opd"], r["2025-03-24"]) for r in rows] == [("BKAD", "wfh")]
