"""Loading data files: every kind of bad instrument file fails with a message that names
the file, the entry, the field and (where it can be found) the line (issue 2, part 1).

The bad files are small and written to tmp_path; each is the valid GOOD file below with
one change, so the line numbers in the assertions can be counted in GOOD.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
from common import WriteFile
from flexasn import calendar
from flexasn._loader import bundled_names, bundled_text, locate, parse_toml, user_text
from flexasn.legal import Registry, build_registry

GOOD = """\
[[instrument]]
id = "perpres-1-2023"
kind = "perpres"
short = "Perpres 1/2023"
year = 2023
title = "Contoh"
issuer = "Presiden"
signed = 2023-04-12
in_force = 2023-04-12
confidence = "reported"
sources = [{ publisher = "Contoh", url = "https://example.org/perpres" }]

[[instrument]]
id = "se-2-2025"
kind = "surat_edaran_menteri"
short = "SE 2/2025"
year = 2025
title = "Contoh"
issuer = "Menteri"
confidence = "seed"
sources = [{ publisher = "Koran", published = "2025-03" }]

[[article]]
instrument = "perpres-1-2023"
article = "Pasal 3"
summary = "Lima hari kerja."
confidence = "reported"
"""
# Line numbers in GOOD: first [[instrument]] 1, its signed 8, in_force 9, confidence 10,
# sources 11; second [[instrument]] 13, its id 14, confidence 20, sources 21;
# [[article]] 23, its instrument 24, confidence 27.


def load(path: Path) -> Registry:
    """Load an instruments file as the bundled registry is loaded."""
    name, text = user_text(path)
    return build_registry(parse_toml(name, text), name, text)


def load_bad(write_file: WriteFile, text: str) -> fx.PolicyDataError:
    path = write_file("instruments.toml", text)
    with pytest.raises(fx.PolicyDataError) as info:
        load(path)
    error = info.value
    assert error.file == str(path)
    assert str(path) in str(error)
    return error


def test_the_good_file_loads(write_file: WriteFile) -> None:
    reg = load(write_file("instruments.toml", GOOD))
    assert sorted(reg.instruments) == ["perpres-1-2023", "se-2-2025"]
    assert reg.instruments["perpres-1-2023"].signed == date(2023, 4, 12)
    assert ("perpres-1-2023", "Pasal 3") in reg.articles


def test_missing_source(write_file: WriteFile) -> None:
    text = GOOD.replace(
        'sources = [{ publisher = "Contoh", url = "https://example.org/perpres" }]\n', ""
    )
    error = load_bad(write_file, text)
    assert error.field == "instrument[perpres-1-2023].sources"
    assert str(error).endswith(": missing: this field is required")  # was pydantic's words
    assert error.line == 1  # the entry's header, not the next entry's sources (line 21 - 1)


def test_empty_sources(write_file: WriteFile) -> None:
    text = GOOD.replace(
        'sources = [{ publisher = "Koran", published = "2025-03" }]', "sources = []"
    )
    error = load_bad(write_file, text)
    assert error.field == "instrument[se-2-2025].sources"
    assert error.line == 21


def test_missing_confidence(write_file: WriteFile) -> None:
    text = GOOD.replace('confidence = "seed"\n', "")
    error = load_bad(write_file, text)
    assert error.field == "instrument[se-2-2025].confidence"
    assert error.message("id").endswith(": tidak ada: isian ini wajib")
    assert error.line == 13


def test_unknown_confidence(write_file: WriteFile) -> None:
    error = load_bad(write_file, GOOD.replace('"seed"', '"rumour"'))
    assert error.field == "instrument[se-2-2025].confidence"
    assert error.line == 20
    assert f"{error.file}:20" in str(error)


def test_missing_article_confidence(write_file: WriteFile) -> None:
    text = GOOD.replace('summary = "Lima hari kerja."\nconfidence = "reported"', 'summary = "x"')
    error = load_bad(write_file, text)
    assert error.field == "article[1].confidence"
    assert error.line == 23


def test_in_force_before_signed(write_file: WriteFile) -> None:
    error = load_bad(write_file, GOOD.replace("in_force = 2023-04-12", "in_force = 2023-04-11"))
    assert error.field == "instrument[perpres-1-2023]"
    assert "in_force 2023-04-11 is before signed 2023-04-12" in str(error)
    assert error.line == 1


def test_duplicate_id(write_file: WriteFile) -> None:
    error = load_bad(write_file, GOOD.replace('id = "se-2-2025"', 'id = "perpres-1-2023"'))
    assert "duplicate instrument id 'perpres-1-2023'" in str(error)
    assert error.field == "instrument[perpres-1-2023].id"
    assert error.line == 14  # the second one


def test_article_citing_an_unknown_instrument(write_file: WriteFile) -> None:
    text = GOOD.replace('instrument = "perpres-1-2023"', 'instrument = "perpres-9-2099"')
    error = load_bad(write_file, text)
    assert "cites unknown instrument 'perpres-9-2099'" in str(error)
    assert "Pasal 3" in str(error)
    assert error.field == "article[1].instrument"
    assert error.line == 24


def test_duplicate_article(write_file: WriteFile) -> None:
    article = GOOD[GOOD.index("[[article]]") :]
    error = load_bad(write_file, GOOD + "\n" + article)
    assert "duplicate article 'Pasal 3'" in str(error)
    assert error.field == "article[2]"
    assert error.line == 30


def test_amending_an_unknown_instrument(write_file: WriteFile) -> None:
    text = GOOD.replace('confidence = "seed"', 'confidence = "seed"\namends = "se-1-2025"')
    error = load_bad(write_file, text)
    assert "amends unknown instrument 'se-1-2025'" in str(error)
    assert error.field == "instrument[se-2-2025].amends"
    assert error.line == 21


def test_invalid_toml_syntax(write_file: WriteFile) -> None:
    text = GOOD.replace(
        'title = "Contoh"\nissuer = "Menteri"', 'title = "Contoh\nissuer = "Menteri"'
    )
    error = load_bad(write_file, text)
    assert "invalid TOML" in str(error)
    assert error.line == 18
    assert f"{error.file}:18" in str(error)


def test_parse_toml_names_the_file_and_line() -> None:
    with pytest.raises(fx.PolicyDataError) as info:
        parse_toml("mine.toml", "a = 1\nb = \n")
    assert info.value.file == "mine.toml" and info.value.line == 2
    assert str(info.value).startswith("mine.toml:2: invalid TOML")
    assert parse_toml("mine.toml", "a = 1") == {"a": 1}


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        ('id = "se-2-2025"', 'id = "SE 2/2025"', "instrument[SE 2/2025].id", "lowercase letters"),
        ('kind = "perpres"', 'kind = "undang_undang"', "instrument[perpres-1-2023].kind", "kind"),
        ("year = 2025", "year = 1900", "instrument[se-2-2025].year", "1945"),
        (
            'issuer = "Menteri"',
            'issuer = "Menteri"\nmood = "happy"',
            "mood",
            "unknown field name 'mood'",
        ),
        ('published = "2025-03"', "published = 2025", "published", "text in quotes"),
        # A month "2025-13" is not a possible date (fixed: the pattern alone accepted it).
        ('published = "2025-03"', 'published = "2025-13"', "published", "not a possible"),
        ('published = "2025-03"', 'published = "2025-02-30"', "published", "not a possible"),
        ('published = "2025-03"', 'url = "ftp://x"', "url", "http:// or https://"),
        (
            '{ publisher = "Koran", published = "2025-03" }',
            '{ publisher = "Koran" }',
            "sources",
            "url",
        ),
        ("signed = 2023-04-12", 'signed = "kemarin"', "signed", "date"),
    ],
)
def test_bad_fields_name_the_entry_and_field(
    write_file: WriteFile, old: str, new: str, field: str, fragment: str
) -> None:
    assert old in GOOD
    error = load_bad(write_file, GOOD.replace(old, new, 1))
    assert error.field is not None and field in error.field
    assert field in str(error)
    assert fragment in str(error)


def test_every_error_is_listed_in_plain_words(write_file: WriteFile) -> None:
    # issue 14: every problem, not "(and 1 more error)"; no pydantic words; one path style
    text = GOOD.replace('kind = "perpres"\n', "").replace('short = "Perpres 1/2023"\n', "")
    text = text.replace(
        'title = "Contoh"\nissuer = "Presiden"', 'title = "Contoh"\nisuer = "Presiden"'
    )
    error = load_bad(write_file, text)
    # GOOD without two lines: the first entry's issuer, misspelt, is on line 5
    assert str(error) == (
        f"{error.file}: 4 problems:\n"
        "  - line 1, field instrument[perpres-1-2023].kind: missing: this field is required\n"
        "  - line 1, field instrument[perpres-1-2023].short: missing: this field is required\n"
        "  - line 1, field instrument[perpres-1-2023].issuer: missing: this field is required\n"
        "  - line 5, field instrument[perpres-1-2023].isuer: unknown field name 'isuer'; did "
        "you mean 'issuer'?"
    )
    assert error.message("id") == (
        f"{error.file}: 4 masalah:\n"
        "  - baris 1, isian instrument[perpres-1-2023].kind: tidak ada: isian ini wajib\n"
        "  - baris 1, isian instrument[perpres-1-2023].short: tidak ada: isian ini wajib\n"
        "  - baris 1, isian instrument[perpres-1-2023].issuer: tidak ada: isian ini wajib\n"
        "  - baris 5, isian instrument[perpres-1-2023].isuer: nama isian 'isuer' tidak "
        "dikenal; mungkin maksudnya 'issuer'?"
    )
    assert (error.field, error.line) == ("instrument[perpres-1-2023].kind", 1)
    assert len(error.problems) == 4


def test_unknown_table_and_wrong_shapes(write_file: WriteFile) -> None:
    error = load_bad(write_file, GOOD + '\n[[pasal]]\nnomor = "1"\n')
    assert "unknown table(s) ['pasal']" in str(error)
    # A single [instrument] table instead of [[instrument]]: not a list of entries.
    error = load_bad(write_file, GOOD.replace("[[instrument]]", "[instrument]", 1).split("\n\n")[0])
    assert "array of tables" in str(error)
    assert error.field == "instrument"
    error = load_bad(write_file, "instrument = 3\n")
    assert "array of tables" in str(error) and error.line == 1


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(fx.PolicyDataError, match="file not found") as info:
        user_text(tmp_path / "nope.toml")
    assert info.value.file == str(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00 bad")
    with pytest.raises(fx.PolicyDataError, match="UnicodeDecodeError"):
        user_text(binary)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeff".encode() + GOOD.encode())
    assert len(load(path).instruments) == 2


def test_bundled_files() -> None:
    name, text = bundled_text("instruments.toml")
    assert name == "flexasn/data/instruments.toml"
    assert "[[instrument]]" in text
    assert "nasional" in bundled_names("policies")
    assert bundled_names("policies") == sorted(bundled_names("policies"))


# --- locate: the line of a pydantic error location ---------------------------------------

NESTED = """\
id = "contoh"
level = "kota"

[[arrangement]]
id = "a"
days = [{ first_day = 2025-03-24, last_day = 2025-03-27 }]

  [[arrangement.quota]]
  default = true
  percent = "10"

[[arrangement]]
id = "b"

  [[arrangement.quota]]
  kinds = ["bkad"]

  [[arrangement.quota]]
  default = true
  percent = "20"
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("level",), 2),
        (("arrangement", 0, "id"), 5),
        (("arrangement", 1, "id"), 13),
        (("arrangement", 0, "quota", 0, "percent"), 10),
        (("arrangement", 1, "quota", 1, "percent"), 20),
        # a field missing from an entry: that entry's header, never a later entry's line
        (("arrangement", 1, "quota", 0, "percent"), 15),
        (("arrangement", 1, "days"), 12),
        (("arrangement", 0, "quota", 1), 4),  # no second quota in the first arrangement
        (("arrangement", 0, "days", 0, "first_day"), 6),  # inside an inline array
        (("arrangement", 5, "id"), None),
        (("nothing",), None),
        ((), None),
    ],
)
def test_locate(loc: tuple[str | int, ...], line: int | None) -> None:
    assert locate(NESTED, loc) == line


# --- the calendar provenance file ----------------------------------------------------------


def _calendar_raw(**year: object) -> dict[str, list[dict[str, object]]]:
    entry: dict[str, object] = {
        "year": 2025,
        "holidays_decree": "skb-libur-2025",
        "known_on": date(2024, 10, 14),
    }
    entry.update(year)
    return {"year": [entry]}


def test_calendar_file_errors() -> None:
    validate = calendar._validate
    assert validate(_calendar_raw(), "cal.toml", None).year[0].year == 2025
    with pytest.raises(fx.PolicyDataError, match=r"cal.toml, field year\[0\].holidays_decree"):
        validate(_calendar_raw(holidays_decree="skb-9999"), "cal.toml", None)
    with pytest.raises(fx.PolicyDataError, match=r"field year\[0\]\.known_on"):
        validate(_calendar_raw(known_on="2025-13-01"), "cal.toml", None)
    (entry,) = _calendar_raw()["year"]
    with pytest.raises(fx.PolicyDataError, match="duplicate year 2025"):
        validate({"year": [entry, entry]}, "cal.toml", None)
    with pytest.raises(fx.PolicyDataError, match=r"amendment\[0\].instrument"):
        validate(
            {
                **_calendar_raw(),
                "amendment": [{"instrument": "skb-9999", "known_on": date(2025, 8, 7)}],
            },
            "cal.toml",
            None,
        )
