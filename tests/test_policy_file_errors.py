"""A region writing its own policy file meets plain errors (issue 14): every problem listed,
no pydantic words, the closest valid name for a misspelt field, an overlap naming both
arrangements with their lines, one field-path style, in Indonesian and English."""

from __future__ import annotations

import pytest

import flexasn as fx
from common import WriteFile, policy_error

GOOD = """\
id = "kota-contoh"
name = "Pemerintah Kota Contoh"
level = "kota"

[[arrangement]]
id = "lebaran"
kind = "dated"
days = [{ first_day = 2025-03-24, last_day = 2025-03-27 }]
modes = ["wfa"]
basis = { instrument = "se-menpanrb-2-2025" }
confidence = "reported"

  [[arrangement.quota]]
  default = true
  percent = "10"
"""
# Lines of GOOD: id 1, level 3; [[arrangement]] 5, its id 6, kind 7, confidence 11;
# [[arrangement.quota]] 13, percent 15.

NAME = "kota-contoh.toml"


def load_bad(write_file: WriteFile, text: str) -> fx.PolicyDataError:
    """The error of the policy file ``text``, in plain words (no pydantic jargon)."""
    return policy_error(write_file, text, NAME)


def test_the_good_file_loads(write_file: WriteFile) -> None:
    assert fx.load_policy(write_file(NAME, GOOD)).id == "kota-contoh"


def test_every_problem_is_listed_in_plain_words_in_both_languages(write_file: WriteFile) -> None:
    text = (
        GOOD.replace('id = "kota-contoh"', 'id = "Kota Contoh"')
        .replace('level = "kota"', 'level = "desa"')
        .replace('kind = "dated"', 'kind = "dated"\nheads_onsit = true')
        .replace('percent = "10"', 'percent = "120"')
    )
    error = load_bad(write_file, text)
    assert str(error) == (
        f"{error.file}: 4 problems:\n"
        "  - line 1, field id: must be lowercase letters, digits and hyphens, starting with a "
        'letter or a digit (such as "kab-malang")\n'
        "  - line 3, field level: must be one of 'pusat', 'provinsi', 'kabupaten' or 'kota'\n"
        "  - line 8, field arrangement[0].heads_onsit: unknown field name 'heads_onsit'; did "
        "you mean 'heads_onsite'?\n"
        "  - line 16, field arrangement[0].quota[0].percent: must be at most 100"
    )
    assert error.message("id") == (
        f"{error.file}: 4 masalah:\n"
        "  - baris 1, isian id: harus huruf kecil, angka dan tanda hubung, diawali huruf atau "
        'angka (misalnya "kab-malang")\n'
        "  - baris 3, isian level: harus salah satu dari 'pusat', 'provinsi', 'kabupaten' "
        "atau 'kota'\n"
        "  - baris 8, isian arrangement[0].heads_onsit: nama isian 'heads_onsit' tidak "
        "dikenal; mungkin maksudnya 'heads_onsite'?\n"
        "  - baris 16, isian arrangement[0].quota[0].percent: paling besar 100"
    )
    assert (error.field, error.line) == ("id", 1)
    assert [(f, n) for f, n, _ in error.problems] == [
        ("id", 1),
        ("level", 3),
        ("arrangement[0].heads_onsit", 8),
        ("arrangement[0].quota[0].percent", 16),
    ]


def test_one_problem_is_one_line(write_file: WriteFile) -> None:
    error = load_bad(write_file, GOOD.replace('confidence = "reported"\n', ""))
    assert str(error) == (
        f"{error.file}:5, field arrangement[0].confidence: missing: this field is required"
    )
    assert error.message("id") == (
        f"{error.file}:5, isian arrangement[0].confidence: tidak ada: isian ini wajib"
    )


@pytest.mark.parametrize(
    ("old", "new", "en", "id_"),
    [
        (
            'percent = "10"',
            'percent = "sepuluh"',
            'field arrangement[0].quota[0].percent: must be a number, such as 10 or "12.5"',
            'isian arrangement[0].quota[0].percent: harus berupa angka, misalnya 10 atau "12.5"',
        ),
        (
            "default = true",
            'default = "ya"',
            "field arrangement[0].quota[0].default: must be true or false",
            "isian arrangement[0].quota[0].default: harus true atau false",
        ),
        (
            "days = [{ first_day = 2025-03-24, last_day = 2025-03-27 }]",
            "days = []",
            "field arrangement[0].days: must list at least 1",
            "isian arrangement[0].days: harus berisi paling sedikit 1",
        ),
        (
            'name = "Pemerintah Kota Contoh"',
            'name = ""',
            "field name: must not be empty",
            "isian name: tidak boleh kosong",
        ),
        (
            'level = "kota"',
            'level = "kota"\nwarna = "biru"',
            "field warna: unknown field name 'warna'; the names known here: notes, notes_id, "
            "schema_version, id, name, level, timezone, province, instrument, arrangement, "
            "work_schedule",
            "isian warna: nama isian 'warna' tidak dikenal; nama yang dikenal di sini: notes, "
            "notes_id, schema_version, id, name, level, timezone, province, instrument, "
            "arrangement, work_schedule",
        ),
    ],
)
def test_each_kind_of_problem_in_plain_words(
    write_file: WriteFile, old: str, new: str, en: str, id_: str
) -> None:
    error = load_bad(write_file, GOOD.replace(old, new))
    assert str(error).split(", ", 1)[1] == en
    assert error.message("id").split(", ", 1)[1] == id_


def test_an_overlap_names_both_arrangements_with_their_lines(write_file: WriteFile) -> None:
    second = (
        "\n[[arrangement]]\n"
        'id = "lebaran-kedua"\n'
        'kind = "dated"\n'
        "days = [{ first_day = 2025-03-26, last_day = 2025-03-28 }]\n"
        'modes = ["wfh"]\n'
        'basis = { instrument = "se-menpanrb-2-2025" }\n'
        'confidence = "reported"\n'
    )
    path = write_file(NAME, GOOD + second)  # the second id is on line 18
    with pytest.raises(fx.PolicyConflictError) as info:
        fx.load_policy(path)
    error = info.value
    assert str(error) == (
        f"{path}: arrangements 'lebaran' (line 6) and 'lebaran-kedua' (line 18) both cover "
        "2025-03-26 with equal rank: one must end before the other starts, or be of another "
        "kind"
    )
    assert error.message("id") == (
        f"{path}: pengaturan 'lebaran' (baris 6) dan 'lebaran-kedua' (baris 18) sama-sama "
        "mencakup 2025-03-26 dengan peringkat yang sama: yang satu harus berakhir sebelum "
        "yang lain dimulai, atau berjenis lain"
    )
    assert error.rules == ("lebaran", "lebaran-kedua") and error.lines == (6, 18)
