"""read_roster: the documented CSV formats, Indonesian or English headers, BOM, ';', and
all-or-nothing errors naming file, row and column (never a NIP)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
from flexasn.roster import read_roster

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kab-malang"
NIP_A = "198503122010011001"  # made up
NIP_B = "199001012015012002"  # made up

OPDS_EN = (
    "code,name,instansi,kind,service,headcount\n"
    "BKAD,Badan Keuangan,kab-malang,BPKAD,non_direct,2\n"
    "SMP1,SMP Negeri 1,kab-malang,sekolah,langsung,1\n"
)
STAFF_EN = (
    "nip,opd,is_head,frontline,duty_days,discipline,new_in_post,position,status\n"
    f"{NIP_A},BKAD,yes,no,,none,no,structural,pns\n"
    f"{NIP_B},BKAD,0,1,,,,,\n"
    f'198001012005011003,SMP1,,,"2025-03-24;2025-03-26",dalam_proses,ya,fungsional,\n'
)


def write(tmp: Path, opds: str, staff: str) -> tuple[Path, Path]:
    a, b = tmp / "opd.csv", tmp / "pegawai.csv"
    a.write_text(opds, encoding="utf-8")
    b.write_text(staff, encoding="utf-8")
    return a, b


def test_example_roster() -> None:
    r = read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    assert len(r.opds) == 10 and len(r.employees) == sum(o.headcount for o in r.opds)
    assert r.mismatches == ()
    assert r.opd("BKAD").headcount == 120 and r.opd("BKAD").service is fx.ServiceCategory.NON_DIRECT
    school = r.opd("SMPN1-KEPANJEN")
    assert school.kind == "sekolah"
    duty = [e for e in r.employees_of(school.code) if e.duty_days]
    assert duty and all(
        d in {date(2025, 3, 24), date(2025, 3, 25), date(2025, 3, 26), date(2025, 3, 27)}
        for e in duty
        for d in e.duty_days
    )
    heads = [e for e in r.employees if e.is_head]
    assert len(heads) == 10
    assert any(e.frontline for e in r.employees)
    assert any(e.discipline is not fx.DisciplineStatus.NONE for e in r.employees)
    assert any(e.new_in_post for e in r.employees)
    assert all(
        fx.parse_nip(e.nip) is not None for e in r.employees if e.status is fx.EmploymentStatus.PNS
    )
    with pytest.raises(fx.InvalidInputError):
        r.opd("TIDAK-ADA")


def test_english_headers_aliases_and_values(tmp_path: Path) -> None:
    r = read_roster(*write(tmp_path, OPDS_EN, STAFF_EN))
    assert r.opd("BKAD").kind == "bkad"
    a, b, c = r.employees
    assert a.is_head and a.position is fx.PositionType.STRUCTURAL
    assert b.frontline and not b.is_head and b.discipline is fx.DisciplineStatus.NONE
    assert c.duty_days == frozenset({date(2025, 3, 24), date(2025, 3, 26)})
    assert c.discipline is fx.DisciplineStatus.IN_PROCESS and c.new_in_post


def test_indonesian_headers_bom_and_semicolons(tmp_path: Path) -> None:
    opds = (
        "\ufeffKode;Nama;Instansi;Jenis;Layanan;Jumlah Pegawai\n"
        "BKAD;Badan Keuangan;kab-malang;bkad;tidak_langsung;1\n"
    )
    header = "\ufeffNIP;Kode OPD;Kepala;Garis Depan;Hari Piket\n"
    staff = f"{header}{NIP_A};BKAD;ya;tidak;2025-03-24;2025-03-25\n"
    # an unquoted ';' inside duty days would split the cell: the row is refused, not guessed
    with pytest.raises(fx.RosterError) as err:
        read_roster(*write(tmp_path, opds, staff))
    assert err.value.row == 2
    staff = f'{header}{NIP_A};BKAD;ya;tidak;"2025-03-24;2025-03-25"\n'
    r = read_roster(*write(tmp_path, opds, staff))
    assert r.employees[0].is_head and len(r.employees[0].duty_days) == 2
    with pytest.raises(fx.RosterError) as err:
        read_roster(*write(tmp_path, opds.replace(";1\n", ";4\n"), staff))
    assert (err.value.row, err.value.column) == (2, "Jumlah Pegawai")


@pytest.mark.parametrize(
    ("opds", "staff", "which", "row", "column"),
    [
        (OPDS_EN, STAFF_EN.replace(NIP_A, "198513122010011001"), "pegawai", 2, "nip"),
        (OPDS_EN, STAFF_EN.replace(NIP_B, NIP_A), "pegawai", 3, "nip"),
        (OPDS_EN, STAFF_EN.replace("SMP1,,", "DISHUB,,"), "pegawai", 4, "opd"),
        (OPDS_EN, STAFF_EN.replace("yes,no,,none", "mungkin,no,,none"), "pegawai", 2, "is_head"),
        (OPDS_EN, STAFF_EN.replace("2025-03-26", "26/03/2025"), "pegawai", 4, "duty_days"),
        (OPDS_EN, STAFF_EN.replace(",none,", ",berat,"), "pegawai", 2, "discipline"),
        (OPDS_EN, STAFF_EN.replace("nip,opd", "nip,opd_code"), "pegawai", 1, 2),  # unknown
        (OPDS_EN.replace("non_direct", "sometimes"), STAFF_EN, "opd", 2, "service"),
        (OPDS_EN.replace("BPKAD", "kantor"), STAFF_EN, "opd", 2, "kind"),
        (OPDS_EN.replace(",2\n", ",dua\n"), STAFF_EN, "opd", 2, "headcount"),
        (OPDS_EN.replace("SMP1,SMP", "BKAD,SMP"), STAFF_EN, "opd", 3, "code"),
        (OPDS_EN.replace(",1\n", ",5\n"), STAFF_EN, "opd", 3, "headcount"),
    ],
)
def test_errors_name_file_row_column_never_the_nip(
    tmp_path: Path, opds: str, staff: str, which: str, row: int, column: str | int
) -> None:
    paths = write(tmp_path, opds, staff)
    with pytest.raises(fx.RosterError) as err:
        read_roster(*paths)
    e = err.value
    assert (Path(e.file or "").stem, e.row, e.column) == (which, row, column), str(e)
    for n in (NIP_A, NIP_B, "198513122010011001", "198001012005011003"):
        assert n not in str(e)


def test_missing_column_empty_file_and_excel(tmp_path: Path) -> None:
    with pytest.raises(fx.RosterError, match="missing column"):
        read_roster(
            *write(
                tmp_path,
                OPDS_EN.replace(",headcount", "").replace(",2\n", "\n").replace(",1\n", "\n"),
                STAFF_EN,
            )
        )
    with pytest.raises(fx.RosterError, match="empty"):
        read_roster(*write(tmp_path, "", STAFF_EN))
    with pytest.raises(fx.RosterError, match="not found"):
        read_roster(tmp_path / "opd.xlsx", tmp_path / "pegawai.csv")
    with pytest.raises(fx.RosterError, match=r"\.xls files \(Excel 97-2003\) are not read"):
        read_roster(tmp_path / "opd.xls", tmp_path / "pegawai.csv")
    with pytest.raises(fx.RosterError, match="not found"):
        read_roster(tmp_path / "tidak-ada.csv", tmp_path / "pegawai.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("kode,nama\nX,Dinas Pekerjaan Umum \xe9\n".encode("latin-1"))
    with pytest.raises(fx.RosterError, match="UTF-8"):
        read_roster(bad, tmp_path / "pegawai.csv")


def test_headcount_mismatch_reported(tmp_path: Path) -> None:
    paths = write(tmp_path, OPDS_EN.replace(",2\n", ",3\n"), STAFF_EN)
    with pytest.raises(fx.RosterError, match="headcount of 3") as err:
        read_roster(*paths)
    assert err.value.row == 2 and err.value.column == "headcount"
    r = read_roster(*paths, check_headcount=False)
    assert [(m.opd, m.headcount, m.employees, m.row) for m in r.mismatches] == [("BKAD", 3, 2, 2)]
    assert len(r.employees) == 3


def test_roster_rows_name_each_employees_file_row() -> None:
    from flexasn.examples import example_dir

    folder = example_dir()
    roster = fx.read_roster(folder / "opd.csv", folder / "pegawai.csv")
    lines = (folder / "pegawai.csv").read_text(encoding="utf-8").splitlines()
    assert len(roster.employee_rows) == len(roster.employees) == len(lines) - 1
    for e, row in zip(roster.employees, roster.employee_rows, strict=True):
        assert lines[row - 1].startswith(e.nip + ",")
        assert roster.row_of(e.nip) == row
    assert roster.row_of("199001012020011001") is None
    with pytest.raises(ValueError, match="employee_rows has 1 entries for 420"):
        fx.Roster(opds=roster.opds, employees=roster.employees, employee_rows=(2,))
