"""Roster and schedule file errors a user meets (trial5 findings, sections 5, 6 and 8):
an empty NIP or OPD cell says it is empty, a typo of an OPD code is shown with the code
meant, an unknown heading is shown by the same rule as the notice of ignored columns, the
list of accepted headings is in the message's language, and a date written right that
does not exist says so. Each expected text is the catalogue's (``locale/*.toml``), put
together by hand; no NIP and no person's name is ever shown."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

import flexasn as fx
from flexasn.errors.plain import plain_words
from flexasn.roster import read_employees
from flexasn.roster.columns import ignored_columns, shown_heading
from flexasn.schedule import read_schedule_json

NIP_A = "198503122010011001"  # made up
NIP_B = "199001012015012002"  # made up
NAME = "Sri Wahyuningsih"  # made up
OPDS = (
    "kode,nama,instansi,jenis,layanan,jumlah_pegawai\n"
    "SETDA,Sekretariat Daerah,kab-malang,setda,tidak_langsung,1\n"
    "BKAD,Badan Keuangan,kab-malang,bkad,tidak_langsung,1\n"
)
EMPLOYEE_HEADINGS_ID = (
    "disiplin, garis_depan, hari_piket, hukuman_disiplin, jabatan, jenis_jabatan, "
    "keadaan_khusus, kepala, kepala_opd, kode_opd, layanan_tatap_muka, nip, opd, "
    "pegawai_baru, piket, status, status_kepegawaian, tugas_luar_kantor"
)
EMPLOYEE_HEADINGS_EN = (
    "discipline, duties_outside_office, duty_days, frontline, head, is_head, new_in_post, "
    "nip, opd, position, special_circumstances, status"
)
OPD_HEADINGS_ID = (
    "instansi, jenis, jenis_instansi, jenis_opd, jumlah, jumlah_pegawai, kategori_layanan, "
    "kode, kode_opd, layanan, nama, nama_opd, provinsi"
)
OPD_HEADINGS_EN = "agency_type, code, headcount, instansi, kind, name, province, service"


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def said(error: fx.RosterError) -> dict[str, str]:
    return {lang: error.message(lang) for lang in ("id", "en")}


def employees_error(tmp: Path, staff: str, *, strict: bool = False) -> tuple[Path, fx.RosterError]:
    opds = write(tmp, "opd.csv", OPDS)
    path = write(tmp, "pegawai.csv", staff)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", fx.FlexasnWarning)
        with pytest.raises(fx.RosterError) as info:
            fx.read_roster(opds, path, strict=strict)
    text = str(info.value) + info.value.message("id")
    assert NIP_A not in text and NIP_B not in text and "Wahyuningsih" not in text
    return path, info.value


# --- 1, 2: empty NIP and OPD cells, an OPD code mistyped --------------------------------------


def test_an_empty_nip_cell_must_not_be_empty(tmp_path: Path) -> None:
    """policy_error.empty, at the NIP's column: not "NIP harus tepat 18 digit (ada 0 ...)"."""
    path, error = employees_error(tmp_path, f"nip,kode_opd\n{NIP_A},SETDA\n,SETDA\n")
    assert said(error) == {
        "id": f"{path}, baris 3, kolom 'nip': tidak boleh kosong",
        "en": f"{path}, row 3, column 'nip': must not be empty",
    }


def test_an_empty_opd_cell_must_not_be_empty(tmp_path: Path) -> None:
    """With the OPDs file given, an empty kode_opd is empty, not an unknown OPD."""
    path, error = employees_error(tmp_path, f"nip,kode_opd\n{NIP_A},SETDA\n{NIP_B},\n")
    assert said(error) == {
        "id": f"{path}, baris 3, kolom 'kode_opd': tidak boleh kosong",
        "en": f"{path}, row 3, column 'kode_opd': must not be empty",
    }


def test_an_empty_nip_without_the_opds_file(tmp_path: Path) -> None:
    staff = write(tmp_path, "pegawai.csv", f"nip,opd\n   ,BKAD\n{NIP_A},BKAD\n")
    with pytest.raises(fx.RosterError) as info:
        read_employees(staff)
    assert said(info.value)["en"] == f"{staff}, row 2, column 'nip': must not be empty"


@pytest.mark.parametrize(
    ("typed", "meant_id", "meant_en"),
    [
        ("SETDAA", "'SETDA'", "'SETDA'"),
        ("setda", "'SETDA'", "'SETDA'"),  # compared without case
        ("BKADD", "'BKAD'", "'BKAD'"),
    ],
)
def test_a_mistyped_opd_code_is_shown_with_the_code_meant(
    tmp_path: Path, typed: str, meant_id: str, meant_en: str
) -> None:
    """An OPD code is not personal data: files.unknown_opd_code_like, the closest codes
    of the OPDs file (difflib, as UnknownPolicyError)."""
    path, error = employees_error(tmp_path, f"nip,kode_opd\n{NIP_A},SETDA\n{NIP_B},{typed}\n")
    assert said(error) == {
        "id": f"{path}, baris 3, kolom 'kode_opd': kode OPD '{typed}' tidak ada dalam "
        f"berkas OPD; mungkin maksudnya {meant_id}",
        "en": f"{path}, row 3, column 'kode_opd': OPD code '{typed}' is not in the OPDs "
        f"file; did you mean {meant_en}?",
    }


@pytest.mark.parametrize("cell", [NAME, "Wahyuningsih", NIP_A, "DINKES"])
def test_an_opd_cell_that_is_no_typo_of_a_code_is_not_shown(tmp_path: Path, cell: str) -> None:
    """A name or a NIP typed into the column, or a code far from every code of the file,
    is not repeated: files.unknown_opd."""
    path, error = employees_error(tmp_path, f"nip,kode_opd\n{NIP_B},{cell}\n{NIP_A},SETDA\n")
    assert said(error) == {
        "id": f"{path}, baris 2, kolom 'kode_opd': kode OPD yang tidak ada dalam berkas OPD "
        "(tidak ditampilkan di sini)",
        "en": f"{path}, row 2, column 'kode_opd': an OPD code that the OPDs file does not "
        "list (not repeated here)",
    }


# --- 3, 4: unknown headings ------------------------------------------------------------------


def test_strict_lists_the_headings_of_the_message_language(tmp_path: Path) -> None:
    """The heading 'nama' of the notice is shown in the strict error too (one rule), and
    each language lists its own headings (and nip, opd, status, shared)."""
    staff = f"nip,kode_opd,nama\n{NIP_A},SETDA,{NAME}\n{NIP_B},BKAD,x\n"
    opds = write(tmp_path, "opd.csv", OPDS)
    path = write(tmp_path, "pegawai.csv", staff)
    with pytest.warns(fx.IgnoredColumnsWarning) as caught:
        fx.read_roster(opds, path)
    assert "'nama' (C)" in str(caught[0].message)
    path, error = employees_error(tmp_path, staff, strict=True)
    assert (error.row, error.column) == (1, 3)
    assert said(error) == {
        "id": f"{path}, baris 1, kolom 3 (C): nama kolom tidak dikenal: 'nama'; "
        f"gunakan: {EMPLOYEE_HEADINGS_ID}",
        "en": f"{path}, row 1, column 3 (C): unknown column name 'nama'; "
        f"use: {EMPLOYEE_HEADINGS_EN}",
    }


def test_an_opds_file_lists_its_headings_per_language(tmp_path: Path) -> None:
    opds = write(tmp_path, "opd.csv", OPDS.replace("jumlah_pegawai\n", "jumlah_pegawai,telepon\n"))
    opds.write_text(opds.read_text().replace("1\n", "1,0341-123\n"))
    staff = write(tmp_path, "pegawai.csv", f"nip,kode_opd\n{NIP_A},SETDA\n")
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(opds, staff, strict=True)
    assert said(info.value) == {
        "id": f"{opds}, baris 1, kolom 7 (G): nama kolom tidak dikenal: 'telepon'; "
        f"gunakan: {OPD_HEADINGS_ID}",
        "en": f"{opds}, row 1, column 7 (G): unknown column name 'telepon'; use: {OPD_HEADINGS_EN}",
    }


def test_a_close_heading_is_shown_with_the_name_meant(tmp_path: Path) -> None:
    """A typo of a known heading fails in any mode: files.unknown_column_named_like."""
    path, error = employees_error(tmp_path, f"nip,kode_opd,jabatn\n{NIP_A},SETDA,x\n")
    assert said(error) == {
        "id": f"{path}, baris 1, kolom 3 (C): nama kolom tidak dikenal: 'jabatn', mungkin "
        f"maksudnya 'jabatan'; gunakan: {EMPLOYEE_HEADINGS_ID}",
        "en": f"{path}, row 1, column 3 (C): unknown column name 'jabatn', perhaps "
        f"'jabatan'; use: {EMPLOYEE_HEADINGS_EN}",
    }


@pytest.mark.parametrize(
    "heading", [f"NIP {NIP_A}", "x" * 41, "sri@example.go.id", f"lama {NIP_A[:5]}"]
)
def test_a_heading_the_notice_hides_the_error_hides(tmp_path: Path, heading: str) -> None:
    """Five digits in a row, an ``@``, more than 40 characters: hidden in the notice and
    the strict error alike (files.unknown_column)."""
    assert ignored_columns("f.csv", ["nip", heading], [1])[0].heading is None
    assert shown_heading(heading) is None
    path, error = employees_error(
        tmp_path, f"nip,kode_opd,{heading}\n{NIP_A},SETDA,x\n", strict=True
    )
    assert said(error) == {
        "id": f"{path}, baris 1, kolom 3 (C): nama kolom tidak dikenal (tidak ditampilkan: "
        f"mungkin data pribadi); gunakan: {EMPLOYEE_HEADINGS_ID}",
        "en": f"{path}, row 1, column 3 (C): unknown column name (not repeated: it may be "
        f"personal data); use: {EMPLOYEE_HEADINGS_EN}",
    }
    assert heading not in str(error)


def test_a_first_row_of_data_is_never_shown(tmp_path: Path) -> None:
    """No known heading in the first row (a file without its header row): nothing of the
    row is shown, however short (a name)."""
    _path, error = employees_error(tmp_path, "Budi,SETDA\nAni,SETDA\n", strict=True)
    assert "Budi" not in str(error) and "Budi" not in error.message("id")
    assert error.message("en").endswith(f"use: {EMPLOYEE_HEADINGS_EN}")
    assert error.message("id").endswith(f"gunakan: {EMPLOYEE_HEADINGS_ID}")


# --- 5: a date that does not exist -----------------------------------------------------------


def test_a_duty_day_that_does_not_exist(tmp_path: Path) -> None:
    """2025-02-30 is written YYYY-MM-DD: policy_error.no_such_date, not the format."""
    path, error = employees_error(
        tmp_path, f"nip,kode_opd,hari_piket\n{NIP_A},SETDA,2025-03-24;2025-02-30\n"
    )
    assert said(error) == {
        "id": f"{path}, baris 2, kolom 'hari_piket': tanggal itu tidak ada",
        "en": f"{path}, row 2, column 'hari_piket': that date does not exist",
    }
    path, error = employees_error(tmp_path, f"nip,kode_opd,hari_piket\n{NIP_A},SETDA,30/02/2025\n")
    assert said(error) == {  # another form: roster_file.duty_days, as before
        "id": f"{path}, baris 2, kolom 'hari_piket': hari piket ditulis sebagai tanggal ISO "
        "(YYYY-MM-DD) dipisahkan ';'",
        "en": f"{path}, row 2, column 'hari_piket': duty days are ISO dates (YYYY-MM-DD) "
        "separated by ';'",
    }


def test_a_schedule_day_column_that_does_not_exist(tmp_path: Path) -> None:
    path = write(tmp_path, "jadwal.csv", f"nip,opd,2025-02-28,2025-02-30\n{NIP_A},BKAD,wfh,wfo\n")
    with pytest.raises(fx.RosterError) as info:
        fx.read_schedule_csv(path)
    assert said(info.value) == {
        "id": f"{path}, baris 1, kolom 4 (D): tanggal itu tidak ada",
        "en": f"{path}, row 1, column 4 (D): that date does not exist",
    }


@pytest.mark.parametrize("value", ["2025-02-30", "2025-02-29", "2025-13-01"])
def test_pydantic_date_that_does_not_exist(value: str) -> None:
    """pydantic's date error for a date written right that does not exist (2025 is no
    leap year; there is no month 13)."""
    with pytest.raises(ValidationError) as info:
        TypeAdapter(date).validate_python(value)
    assert plain_words(info.value.errors()[0]) == {
        "id": "tanggal itu tidak ada",
        "en": "that date does not exist",
    }


@pytest.mark.parametrize("value", ["30 Februari 2025", "2025-2-3"])
def test_pydantic_date_in_another_form(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(date).validate_python(value)
    assert plain_words(info.value.errors()[0])["id"] == "harus berupa tanggal YYYY-MM-DD"


def test_a_schedule_json_date_that_does_not_exist(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "opd": "BKAD",
        "first_day": "2025-02-30",
        "last_day": "2025-03-03",
        "employees": [NIP_A],
        "days": [],
    }
    path = write(tmp_path, "jadwal.json", json.dumps(data))
    with pytest.raises(fx.RosterError) as info:
        read_schedule_json(path)
    assert said(info.value) == {
        "id": f"{path}: isian first_day: tanggal itu tidak ada",
        "en": f"{path}: field first_day: that date does not exist",
    }


def test_the_web_service_says_the_date_does_not_exist() -> None:
    """The web service speaks through the same plain words: ``"day": "2025-02-30"``."""
    import asyncio

    httpx = pytest.importorskip("httpx")
    pytest.importorskip("fastapi")
    from flexasn.server import Settings, create_app

    opd = {
        "code": "BKAD",
        "name": "Badan Keuangan dan Aset Daerah",
        "instansi": "kab-malang",
        "kind": "bkad",
        "service": "tidak_langsung",
        "headcount": 120,
    }
    body = {"employee": {"nip": NIP_A, "opd": "BKAD"}, "opd": opd, "day": "2025-02-30"}

    async def post() -> Any:
        transport = httpx.ASGITransport(app=create_app(Settings()), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/v1/decisions", json=body)

    r = asyncio.run(post())
    assert r.status_code == 422
    by_field = {e["field"]: e["messages"] for e in r.json()["errors"]}
    assert by_field == {
        "body.day": {"id": "tanggal itu tidak ada", "en": "that date does not exist"}
    }
    assert NIP_A not in r.text


# --- 6: a schedule JSON's day named by its date ----------------------------------------------


def two_days(**second: Any) -> dict[str, Any]:
    """A valid schedule of 24 and 25 March 2025, its second day changed."""
    return {
        "opd": "BKAD",
        "first_day": "2025-03-24",
        "last_day": "2025-03-25",
        "employees": [NIP_A, NIP_B],
        "days": [
            {"day": "2025-03-24", "remote": {NIP_A: "wfh"}},
            {"day": "2025-03-25", "remote": {NIP_B: "wfa"}, **second},
        ],
    }


def schedule_said(tmp: Path, data: Any) -> tuple[Path, dict[str, str]]:
    path = write(tmp, "jadwal.json", json.dumps(data))
    with pytest.raises(fx.RosterError) as info:
        read_schedule_json(path)
    assert NIP_A not in str(info.value) and NIP_B not in info.value.message("id")
    return path, said(info.value)


def test_a_day_field_is_named_by_the_day(tmp_path: Path) -> None:
    """``days.1.limit`` is the second day, 25 March 2025: schedule_file.day_field."""
    assert read_schedule_json(write(tmp_path, "ok.json", json.dumps(two_days()))).days
    path, words = schedule_said(tmp_path, two_days(limit=-1))
    assert words == {
        "id": f"{path}: hari ke-2 (2025-03-25), isian 'limit': paling kecil 0",
        "en": f"{path}: day 2 (2025-03-25), field 'limit': must be at least 0",
    }


@pytest.mark.parametrize("day", ["2025-02-30", NIP_A, "25 Maret 2025"])
def test_a_day_whose_date_is_bad_is_named_by_its_number(tmp_path: Path, day: str) -> None:
    """A day's own date is shown only when it is a date (never a NIP typed there)."""
    path, words = schedule_said(tmp_path, two_days(day=day))
    assert words["id"].startswith(f"{path}: hari ke-2, isian 'day': ")
    assert words["en"].startswith(f"{path}: day 2, field 'day': ")


def test_a_day_entry_that_is_no_table(tmp_path: Path) -> None:
    data = two_days()
    data["days"][1] = "2025-03-25"
    path, words = schedule_said(tmp_path, data)
    assert words == {
        "id": f"{path}: hari ke-2: harus berupa tabel berisi isian kunci = nilai",
        "en": f"{path}: day 2: must be a table of key = value entries",
    }


def test_every_heading_has_its_language_or_is_shared() -> None:
    # a heading added to a column table must be placed in HEADING_LANGUAGES (or be one of the
    # four both languages write the same way), or the --strict message would list it in both
    from flexasn.roster.cells import EMPLOYEE_COLUMNS, HEADING_LANGUAGES, OPD_COLUMNS

    headings = set(OPD_COLUMNS) | set(EMPLOYEE_COLUMNS)
    shared = headings - set(HEADING_LANGUAGES)
    assert shared == {"nip", "opd", "instansi", "status"}
    assert set(HEADING_LANGUAGES) <= headings
    assert set(HEADING_LANGUAGES.values()) == {"id", "en"}
