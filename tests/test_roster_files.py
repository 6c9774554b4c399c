"""Roster and schedule files as BKPSDM keeps them (issue 14, "Rosters and files"): extra
columns ignored with one notice (``strict=True`` / ``--strict`` rejects them), Excel
workbooks read and written, PPPK numbers flagged, one row order, a whole instansi in one
file, and models that never show a whole NIP."""

from __future__ import annotations

import builtins
import csv
import io
import json
import logging
import re
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import flexasn as fx
from flexasn import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kab-malang"
ROSTER = ["--opds", str(EXAMPLE / "opd.csv"), "--employees", str(EXAMPLE / "pegawai.csv")]
NIP_A = "198503122010011001"  # made up
NIP_B = "199001012015012002"  # made up
PPPK_BAD = "202213452024011001"  # made up: its first eight digits are no date
NAMES = ("Sri Wahyuningsih", "Bambang Sumarsono")  # made up
NIP18 = re.compile(r"(?<!\d)\d{18}(?!\d)")

OPDS = "kode,nama,instansi,jenis,layanan,jumlah_pegawai,alamat\nBKAD,Badan Keuangan,kab-malang,bkad,tidak_langsung,2,Jl. Mawar\n"  # noqa: E501
STAFF = (
    "nip,nama,kode_opd,golongan,unit kerja\n"
    f"{NIP_A},{NAMES[0]},BKAD,III/a,Bidang Anggaran\n"
    f"{NIP_B},{NAMES[1]},BKAD,II/c,Sekretariat\n"
)


def files(tmp: Path, opds: str = OPDS, staff: str = STAFF) -> tuple[Path, Path]:
    a, b = tmp / "opd.csv", tmp / "pegawai.csv"
    a.write_text(opds, encoding="utf-8")
    b.write_text(staff, encoding="utf-8")
    return a, b


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- extra columns -------------------------------------------------------------------------


def test_extra_columns_are_ignored_with_one_notice_naming_them(tmp_path: Path) -> None:
    opds, staff = files(tmp_path)
    with pytest.warns(fx.IgnoredColumnsWarning) as caught:
        roster = fx.read_roster(opds, staff)
    assert len(caught) == 1  # one notice for both files
    notice = caught[0].message
    assert isinstance(notice, fx.IgnoredColumnsWarning)
    en, id_ = notice.message("en"), notice.message("id")
    assert "'alamat' (G)" in en and "'nama' (B)" in en and "'golongan' (D)" in en
    assert "'unit kerja' (E)" in en and "strict=True" in en and "kolom diabaikan" in id_
    assert [(Path(c.file).name, c.column, c.heading) for c in roster.ignored_columns] == [
        ("opd.csv", 7, "alamat"),
        ("pegawai.csv", 2, "nama"),
        ("pegawai.csv", 4, "golongan"),
        ("pegawai.csv", 5, "unit kerja"),
    ]
    assert [e.nip for e in roster.employees] == [NIP_A, NIP_B]
    # the extra cells are not kept anywhere in what was read
    kept = repr(roster.model_dump()) + repr([vars(e) for e in roster.employees])
    assert not any(word in kept for word in ("Wahyuningsih", "Sumarsono", "III/a", "Anggaran"))
    for name in NAMES:  # nor in the notice
        assert name not in en and name not in id_


def test_strict_rejects_extra_columns(tmp_path: Path) -> None:
    opds, staff = files(tmp_path)
    with pytest.raises(fx.RosterError) as err:
        fx.read_roster(opds, staff, strict=True)
    assert (err.value.row, err.value.column) == (1, 7)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        roster = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv", strict=True)
    assert roster.ignored_columns == () and roster.flagged_rows == ()


def test_a_heading_that_may_be_personal_data_is_named_by_position(tmp_path: Path) -> None:
    staff = f"nip,kode_opd,{NIP_B[:10]},\n{NIP_A},BKAD,x,\n{NIP_B},BKAD,y,\n"
    opds, staff_path = files(tmp_path, staff=staff)
    with pytest.warns(fx.IgnoredColumnsWarning) as caught:
        roster = fx.read_roster(opds, staff_path)
    text = str(caught[-1].message)
    assert "column 3 (C)" in text and "column 4 (D)" in text and NIP_B[:10] not in text
    assert [c.heading for c in roster.ignored_columns if c.file == str(staff_path)] == [None, None]


def test_a_misspelt_or_missing_column_is_still_an_error(tmp_path: Path) -> None:
    opds, staff = files(tmp_path, staff=STAFF.replace("kode_opd", "kode_unit"))
    with pytest.raises(fx.RosterError) as err:  # opd missing: the unknown heading is named
        fx.read_roster(opds, staff)
    assert (err.value.row, err.value.column) == (1, 2)
    opds, staff = files(tmp_path, staff=f"nip,kode_opd,jabatn\n{NIP_A},BKAD,x\n")
    with pytest.raises(fx.RosterError, match="perhaps 'jabatan'"):
        fx.read_roster(opds, staff)


def test_cli_prints_one_notice_and_strict_refuses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opds, staff = files(tmp_path)
    argv = ["quota", "2025-03-24", "--opds", str(opds), "--employees", str(staff)]
    code, out, err = run(capsys, *argv)
    assert code == 0 and out
    notices = [line for line in err.splitlines() if line.startswith("flexasn: catatan")]
    assert len(notices) == 1 and "'golongan' (D)" in notices[0], err
    code, _, err = run(capsys, *argv, "--strict", "--lang", "en")
    assert code == 2 and "row 1, column 7 (G)" in err
    assert not NIP18.search(err) and "Sumarsono" not in err


def test_schedule_csv_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    path.write_text(
        f"nip,opd,nama,2025-03-24,2025-03-25\n{NIP_A},BKAD,{NAMES[0]},wfh,wfo\n", encoding="utf-8"
    )
    with pytest.warns(fx.IgnoredColumnsWarning, match=r"'nama' \(C\)"):
        schedule = fx.read_schedule_csv(path)
    assert schedule.mode(NIP_A, date(2025, 3, 24)) is fx.WorkMode.WFH
    with pytest.raises(fx.RosterError) as err:
        fx.read_schedule_csv(path, strict=True)
    assert (err.value.row, err.value.column) == (1, 3)
    path.write_text(f"nip,opd,24/03/2025\n{NIP_A},BKAD,wfh\n", encoding="utf-8")
    with pytest.raises(fx.RosterError, match="ISO date"):  # a day written another way
        fx.read_schedule_csv(path)


# --- Excel workbooks ----------------------------------------------------------------------


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_roster_from_workbooks(tmp_path: Path) -> None:
    opds = workbook(
        tmp_path / "opd.xlsx",
        [
            ["Kode", "Nama", "Instansi", "Jenis", "Layanan", "Jumlah Pegawai"],
            ["BKAD", "Badan Keuangan", "kab-malang", "bkad", "tidak_langsung", 2],
        ],
    )
    staff = workbook(
        tmp_path / "pegawai.xlsx",
        [
            ["NIP", "Kode OPD", "Kepala", "Hari Piket"],
            [NIP_A, "BKAD", True, date(2025, 3, 24)],
            [],
            [NIP_B, "BKAD", "tidak", None],
        ],
    )
    roster = fx.read_roster(opds, staff)
    a, b = roster.employees
    assert a.is_head and a.duty_days == frozenset({date(2025, 3, 24)}) and not b.is_head
    assert roster.employee_rows == (2, 4)  # rows as Excel numbers them


def test_workbook_errors_name_file_row_and_column(tmp_path: Path) -> None:
    opds, _ = files(tmp_path)
    staff = workbook(
        tmp_path / "pegawai.xlsx",
        [["nip", "kode_opd", "kepala"], [NIP_A, "BKAD", "mungkin"], [NIP_B, "BKAD", "tidak"]],
    )
    with pytest.raises(fx.RosterError) as err:
        fx.read_roster(opds, staff, check_headcount=False)
    assert (Path(err.value.file or "").name, err.value.row, err.value.column) == (
        "pegawai.xlsx",
        2,
        "kepala",
    )
    # an 18-digit NIP typed as a number has lost digits in Excel: refused, never guessed
    staff = workbook(tmp_path / "angka.xlsx", [["nip", "kode_opd"], [float(NIP_A), "BKAD"]])
    with pytest.raises(fx.RosterError, match="15 digits") as err:
        fx.read_roster(opds, staff, check_headcount=False)
    assert (err.value.row, err.value.column) == (2, 1)
    assert NIP_A[:8] not in str(err.value)
    broken = tmp_path / "rusak.xlsx"
    broken.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(fx.RosterError, match="not a readable Excel workbook") as err:
        fx.read_roster(opds, broken)
    assert err.value.__context__ is None and err.value.__cause__ is None


def test_a_missing_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    opds, _ = files(tmp_path)
    with pytest.raises(
        fx.RosterError, match=r"pip install -e '\.\[xlsx\]' in the flexasn clone"
    ) as err:
        fx.read_roster(opds, tmp_path / "pegawai.xlsx")
    assert "pip install -e '.[xlsx]' di folder klon flexasn" in err.value.message("id")


def test_roster_and_schedule_written_as_workbooks_read_back(tmp_path: Path) -> None:
    roster = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    fx.write_roster(roster, tmp_path / "opd.xlsx", tmp_path / "pegawai.xlsx")
    again = fx.read_roster(tmp_path / "opd.xlsx", tmp_path / "pegawai.xlsx", strict=True)
    assert again.opds == roster.opds and again.employees == roster.employees
    fx.write_roster(roster, tmp_path / "opd.csv", tmp_path / "pegawai.csv", lang="en")
    assert fx.read_roster(tmp_path / "opd.csv", tmp_path / "pegawai.csv").employees == (
        roster.employees
    )
    opd = roster.opd("BKAD")
    schedule = fx.plan_rotation(
        opd, roster.employees_of("BKAD"), date(2025, 3, 24), date(2025, 3, 27)
    )
    fx.write_schedule_xlsx(schedule, tmp_path / "jadwal.xlsx")
    back = fx.read_schedule_xlsx(tmp_path / "jadwal.xlsx")
    assert back.days[0].remote == schedule.days[0].remote and back.employees == schedule.employees


# --- PPPK numbers and --nip ---------------------------------------------------------------


def test_a_pppk_number_with_an_impossible_date_is_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = f"nip,kode_opd,status\n{NIP_A},BKAD,pns\n{PPPK_BAD},BKAD,pppk\n"
    opds, path = files(tmp_path, opds=OPDS.replace(",alamat", "").replace(",Jl. Mawar", ""))
    path.write_text(staff, encoding="utf-8")
    with pytest.warns(fx.PppkNumberWarning) as caught:
        roster = fx.read_roster(opds, path)
    assert roster.flagged_rows == (3,) and len(roster.employees) == 2
    notice = caught[0].message
    assert isinstance(notice, fx.PppkNumberWarning) and notice.rows == (3,)
    assert "rows 3" in str(notice) and "baris 3" in notice.message("id")
    assert PPPK_BAD[:8] not in str(notice)
    code, _, err = run(capsys, "quota", "2025-03-24", "--opds", str(opds), "--employees", str(path))
    assert code == 0 and "PPPK" in err and not NIP18.search(err)


# --- one row order, a whole instansi -------------------------------------------------------


def test_plan_writes_a_whole_instansi_that_validate_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    roster = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    for suffix in (".csv", ".xlsx", ".json"):
        path = tmp_path / f"instansi{suffix}"
        code, _, _ = run(capsys, "plan", "2025-03-24", "2025-03-27", *ROSTER, "--output", str(path))
        assert code == 0 and path.is_file()
        found = fx.read_schedule_file(path)
        assert [s.opd for s in found.schedules] == [o.code for o in roster.opds]
        code, out, _ = run(capsys, "validate", str(path), *ROSTER, "--format", "json")
        data = json.loads(out)
        assert code == 0 and data["valid"] and data["opds"] == [o.code for o in roster.opds]
    # the CSV follows the roster's order, row for row
    text = (tmp_path / "instansi.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in text[1:]] == [e.nip for e in roster.employees]
    with pytest.raises(fx.RosterError, match="one OPD; the file names 10"):
        fx.read_schedule_csv(tmp_path / "instansi.csv")


def test_validate_names_the_row_of_the_schedule_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "instansi.csv"
    assert run(capsys, "plan", "2025-03-24", "2025-03-27", *ROSTER, "--output", str(path))[0] == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    roster = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    head = next(e for e in roster.employees if e.is_head)
    at = next(i for i, line in enumerate(lines) if line.startswith(head.nip))
    lines[at] = lines[at].replace("wfo", "wfh")  # the head of an OPD out every day
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path), *ROSTER, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and rows
    mine = [r for r in rows if r["row"]]
    assert {r["file"] for r in mine} == {str(path)}
    assert {r["row"] for r in mine} == {str(at + 1)}
    assert {r["roster_row"] for r in mine} == {str(roster.row_of(head.nip))}
    assert not NIP18.search(out)


# --- models never show a whole NIP --------------------------------------------------------


def test_models_never_show_a_whole_nip(caplog: pytest.LogCaptureFixture) -> None:
    roster = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    opd = roster.opd("BKAD")
    staff = roster.employees_of("BKAD")
    schedule = fx.plan_rotation(opd, staff, date(2025, 3, 24), date(2025, 3, 27))
    decision = fx.eligible_for_wfa(staff[0], opd, date(2025, 3, 24))
    violations = fx.validate_schedule(
        schedule.model_copy(update={"days": schedule.days}), opd, staff[1:]
    )
    found = fx.ScheduleFile(file="x.csv", schedules=(schedule,), rows={staff[0].nip: 2})
    models: list[object] = [
        staff[0],
        roster,
        schedule,
        schedule.days[0],
        decision,
        found,
        *violations,
        fx.Employee(nip=NIP_A, opd="BKAD"),
    ]
    logger = logging.getLogger("flexasn.test")
    with caplog.at_level(logging.INFO, logger="flexasn.test"):
        for model in models:
            logger.info("%r", model)
            logger.info("%s", model)
            logger.info("model: %s", [model])
    text = caplog.text + "".join(repr(m) + str(m) for m in models)
    nips = {e.nip for e in roster.employees} | {NIP_A}
    assert "…" in text
    assert not [n for n in nips if n in text]
    assert not NIP18.search(text)


# --- the templates of docs/roster-format.md -----------------------------------------------

TEMPLATES = Path(__file__).resolve().parent.parent / "docs" / "templates"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_templates_read_back_valid(suffix: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no notice: every column is known
        roster = fx.read_roster(
            TEMPLATES / f"opd{suffix}", TEMPLATES / f"pegawai{suffix}", strict=True
        )
        found = fx.read_schedule_file(TEMPLATES / f"jadwal{suffix}", strict=True)
    assert [o.code for o in roster.opds] == ["BKAD", "DINKES"]
    for schedule in found.schedules:
        opd = roster.opd(schedule.opd)
        assert fx.validate_schedule(schedule, opd, roster.employees_of(opd.code)) == ()
    page = (TEMPLATES.parent / "roster-format.md").read_text(encoding="utf-8")
    assert f"templates/opd{suffix}" in page and f"templates/jadwal{suffix}" in page
