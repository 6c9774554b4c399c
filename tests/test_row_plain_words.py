"""A row or entry the model refuses, in a roster file or a schedule file, speaks plain words in
the language asked (roster.columns.first_error): the catalogue's ``[policy_error]`` words,
Indonesian in ``"id"`` and English in ``"en"``, never pydantic's ("Input should be ...",
"Value error, ..."), with the file, the row and the column (or the field) named as before,
and never a NIP of the row.

Every expected message is written out by hand from ``locale/id.toml`` and ``en.toml``:
``roster_file`` places an error as ``<file>, baris <row>, kolom '<column>': <what>``
(``row``/``column`` in English), ``schedule_file.field`` as ``<file>: isian <field>: <what>``
(``field`` in English), and ``<what>`` is the ``[policy_error]`` entry for the model's rule.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError, field_validator

import flexasn as fx
from common import LANGUAGES, WriteFile, assert_no_nip, messages
from flexasn.roster import read_employees
from flexasn.roster.columns import first_error
from flexasn.schedule import read_schedule_json

NIP = "198503122010011001"  # made up: born 12 March 1985, CPNS January 2010, male, 001
OTHER = "199001152015032002"  # made up
PYDANTIC = ("Input should", "Value error", "validation error", "type=", "String should")
"""pydantic's words: none may reach a reader, in either language."""

OPDS_HEADER = "kode,nama,instansi,jenis,layanan,jumlah_pegawai\n"
GOOD_OPD = "BKAD,Badan Keuangan,kab-malang,bkad,esensial,20\n"


def assert_plain(error: fx.FlexasnError) -> None:
    """No pydantic phrase in the message, in either language, nor in ``str()``."""
    for text in (str(error), *messages(error).values()):
        assert not any(p in text for p in PYDANTIC), text


def roster_error(opds: Path, staff: Path) -> fx.RosterError:
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(opds, staff)
    assert_plain(info.value)
    assert_no_nip(info.value, (NIP, OTHER))
    return info.value


# --- roster files -----------------------------------------------------------------------


def test_an_opd_row_without_a_name(write_file: WriteFile) -> None:
    """``Opd.name`` has ``min_length=1``: an empty ``nama`` cell is refused by the model
    (policy_error.empty), at row 3 (the header is row 1), column ``nama`` as written."""
    opds = write_file("opd.csv", OPDS_HEADER + GOOD_OPD + "DINKES,,kab-malang,dinkes,esensial,9\n")
    staff = write_file("pegawai.csv", f"nip,opd\n{NIP},BKAD\n{OTHER},DINKES\n")
    error = roster_error(opds, staff)
    assert messages(error) == {
        "id": f"{opds}, baris 3, kolom 'nama': tidak boleh kosong",
        "en": f"{opds}, row 3, column 'nama': must not be empty",
    }
    assert (error.file, error.row, error.column) == (str(opds), 3, "nama")


def test_an_opd_code_too_long_is_said_in_characters(write_file: WriteFile) -> None:
    """``Opd.code`` has ``max_length=64``: a 65-character code is refused
    (policy_error.too_long_text, 64), the code itself not repeated."""
    code = "X" * 65
    opds = write_file("opd.csv", OPDS_HEADER + f"{code},Dinas,kab-malang,dinkes,esensial,9\n")
    staff = write_file("pegawai.csv", f"nip,opd\n{NIP},{code}\n")
    error = roster_error(opds, staff)
    assert messages(error) == {
        "id": f"{opds}, baris 2, kolom 'kode': paling banyak 64 karakter",
        "en": f"{opds}, row 2, column 'kode': must have at most 64 characters",
    }
    assert code not in str(error)


def test_an_english_heading_is_the_column_named(write_file: WriteFile) -> None:
    """The column is named by its heading as written in the file (``name``, English)."""
    opds = write_file(
        "opd.csv",
        "code,name,instansi,kind,service,headcount\nBKAD,,kab-malang,bkad,essential,20\n",
    )
    staff = write_file("pegawai.csv", f"nip,opd\n{NIP},BKAD\n")
    error = roster_error(opds, staff)
    assert messages(error)["en"] == f"{opds}, row 2, column 'name': must not be empty"
    assert messages(error)["id"] == f"{opds}, baris 2, kolom 'name': tidak boleh kosong"


def test_an_employee_row_without_an_opd(write_file: WriteFile) -> None:
    """``Employee.opd`` has ``min_length=1``: read without a list of OPDs, a row whose
    ``opd`` cell is empty is refused by the model, at its row and column; the row's NIP
    is not repeated."""
    staff = write_file("pegawai.csv", f"nip,opd\n{OTHER},BKAD\n{NIP},\n")
    with pytest.raises(fx.RosterError) as info:
        read_employees(staff)
    assert_plain(info.value)
    assert_no_nip(info.value, (NIP, OTHER))
    assert messages(info.value) == {
        "id": f"{staff}, baris 3, kolom 'opd': tidak boleh kosong",
        "en": f"{staff}, row 3, column 'opd': must not be empty",
    }


# --- schedule files ---------------------------------------------------------------------


def schedule(**changes: Any) -> dict[str, Any]:
    """A valid one-day schedule of two employees, ``NIP`` working from home, as JSON data."""
    raw: dict[str, Any] = {
        "opd": "BKAD",
        "first_day": "2026-03-02",
        "last_day": "2026-03-02",
        "employees": [NIP, OTHER],
        "days": [{"day": "2026-03-02", "remote": {NIP: "wfh"}}],
    }
    raw.update(changes)
    return raw


DAY_LIMIT = {
    "id": "hari ke-1 (2026-03-02), isian 'limit'",
    "en": "day 1 (2026-03-02), field 'limit'",
}
FIRST_DAY = {"id": "isian first_day", "en": "field first_day"}


def day(**changes: Any) -> list[dict[str, Any]]:
    """The schedule's one day, changed."""
    return [{"day": "2026-03-02", "remote": {NIP: "wfh"}, **changes}]


def schedule_error(write_file: WriteFile, data: Any) -> tuple[Path, dict[str, str]]:
    path = write_file("jadwal.json", json.dumps(data))
    with pytest.raises(fx.RosterError) as info:
        read_schedule_json(path)
    assert_plain(info.value)
    assert_no_nip(info.value, (NIP, OTHER))
    assert info.value.file == str(path)
    return path, {str(lang): text for lang, text in messages(info.value).items()}


def test_the_valid_schedule_is_read(write_file: WriteFile) -> None:
    """The base of the cases below is a valid schedule: each case breaks one thing."""
    path = write_file("jadwal.json", json.dumps(schedule()))
    read = read_schedule_json(path)
    assert read.mode(NIP, date(2026, 3, 2)) is fx.WorkMode.WFH
    assert read.mode(OTHER, date(2026, 3, 2)) is fx.WorkMode.WFO


@pytest.mark.parametrize(
    ("data", "field", "said_id", "said_en"),
    [
        # ScheduleDay.limit: ge=0 (policy_error.at_least)
        (schedule(days=day(limit=-1)), DAY_LIMIT, "paling kecil 0", "must be at least 0"),
        # ScheduleDay.limit: a whole number (policy_error.integer)
        (
            schedule(days=day(limit="dua")),
            DAY_LIMIT,
            "harus bilangan bulat",
            "must be a whole number",
        ),
        # Schedule.first_day: a date (policy_error.date)
        (
            schedule(first_day="2 Maret 2026"),
            FIRST_DAY,
            "harus berupa tanggal YYYY-MM-DD",
            "must be a date written YYYY-MM-DD",
        ),
        # Schedule.first_day: 30 February is written YYYY-MM-DD but is no date
        # (policy_error.no_such_date)
        (
            schedule(first_day="2026-02-30"),
            FIRST_DAY,
            "tanggal itu tidak ada",
            "that date does not exist",
        ),
        # Schedule.employees: a list, not one string (policy_error.list)
        (
            schedule(employees=NIP),
            {"id": "isian employees", "en": "field employees"},
            "harus berupa daftar, ditulis [...]",
            "must be a list, written [...]",
        ),
    ],
)
def test_a_schedule_entry_the_model_refuses(
    write_file: WriteFile, data: dict[str, Any], field: dict[str, str], said_id: str, said_en: str
) -> None:
    """A field of a day is named by the day, counted from 1, and its date
    (schedule_file.day_field); a field of the schedule by its name."""
    path, said = schedule_error(write_file, data)
    assert said == {
        "id": f"{path}: {field['id']}: {said_id}",
        "en": f"{path}: {field['en']}: {said_en}",
    }


def test_a_bad_mode_names_the_employee_masked(write_file: WriteFile) -> None:
    """A mode that is not one of WorkMode's (policy_error.one_of, the values joined with
    ``atau``/``or``): the field is the employee's entry, named by masked id, never by NIP."""
    path, said = schedule_error(write_file, schedule(days=day(remote={NIP: "wfx"})))
    field = f"remote.{fx.masked_id(NIP)}"  # of the first day, named by its date
    assert said == {
        "id": f"{path}: hari ke-1 (2026-03-02), isian '{field}': harus salah satu dari 'wfo', "
        "'wfh' atau 'wfa'",
        "en": f"{path}: day 1 (2026-03-02), field '{field}': must be one of 'wfo', 'wfh' or 'wfa'",
    }


def test_an_unknown_field_named_by_a_nip_is_masked(write_file: WriteFile) -> None:
    """An unknown top-level field (policy_error.extra) whose name is a NIP: the name is
    said masked, in the field and in what is wrong."""
    path, said = schedule_error(write_file, {**schedule(), NIP: "wfh"})
    masked = fx.masked_id(NIP)
    assert said == {
        "id": f"{path}: isian {masked}: nama isian '{masked}' tidak dikenal",
        "en": f"{path}: field {masked}: unknown field name '{masked}'",
    }


def test_the_schedules_own_rule_speaks_indonesian(write_file: WriteFile) -> None:
    """A rule of the Schedule model itself (schedule_model.stray_remote: someone remote who
    is not listed) says so in Indonesian too, not only in English."""
    stray = "199212312020121003"  # made up, not in ``employees``
    data = schedule(days=day(remote={NIP: "wfh", stray: "wfa"}))
    path, said = schedule_error(write_file, data)
    assert stray not in str(said)
    masked = fx.masked_id(stray)
    assert said == {
        "id": f"{path}: 2026-03-02: pegawai {masked} bekerja jarak jauh tetapi tidak tercantum",
        "en": f"{path}: 2026-03-02: employee {masked} is remote but not listed",
    }


def test_a_list_file_names_the_schedule(write_file: WriteFile) -> None:
    """In a file holding a list of schedules the error starts with the schedule's place in
    the list (``[1]``, the second), before the field."""
    second = {**schedule(days=day(limit=-1)), "opd": "DINKES"}
    path = write_file("jadwal.json", json.dumps([schedule(), second]))
    with pytest.raises(fx.RosterError) as info:
        fx.read_schedule_file(path)
    assert_plain(info.value)
    assert_no_nip(info.value, (NIP, OTHER))
    assert messages(info.value) == {
        "id": f"{path}: [1] hari ke-1 (2026-03-02), isian 'limit': paling kecil 0",
        "en": f"{path}: [1] day 1 (2026-03-02), field 'limit': must be at least 0",
    }


# --- first_error itself -----------------------------------------------------------------


class _Row(BaseModel):
    """A model of other code whose validator's own words repeat the cell."""

    name: str

    @field_validator("name")
    @classmethod
    def _known(cls, value: str) -> str:
        raise ValueError(f"unknown person {value!r}")


def test_other_codes_words_give_way_to_general_words() -> None:
    """A plain ValueError of other code may repeat the cell (a name, a NIP): its words are
    replaced by the catalogue's general ones (policy_error.invalid)."""
    with pytest.raises(ValidationError) as info:
        _Row(name=f"Budi Santoso {NIP}")
    loc, said = first_error(info.value)
    assert loc == ("name",)
    assert said == {"id": "nilainya tidak sah", "en": "is not a valid value"}
    assert set(said) == set(LANGUAGES)
