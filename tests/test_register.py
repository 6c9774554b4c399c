"""The register of instansi (DESIGN.md "Every instansi gets an answer").

Expected values are written out here by hand, not read back from the data: the fixed
province ids, the time zone of each province (Keppres 41/1987 as regions.toml cites it),
the slug rule, and spot checks of codes from the Kepmendagri list.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter

import pytest

import flexasn as fx
from flexasn import register as register_module
from flexasn.policy import Level, get_policy
from flexasn.register import (
    NASIONAL,
    Instansi,
    TimeZone,
    autonomous_ids,
    closest_ids,
    instansi,
    instansi_ids,
    parse_citation,
    parse_register,
    register,
    register_source,
)

WIB: TimeZone = "Asia/Jakarta"
WITA: TimeZone = "Asia/Makassar"
WIT: TimeZone = "Asia/Jayapura"

# The fixed province ids, with the zone each is in (WIB: Sumatra, Java, Kalimantan Barat and
# Tengah; WITA: Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara, Sulawesi; WIT: Maluku,
# Maluku Utara, Papua) and its Kemendagri code.
PROVINCES: dict[str, tuple[TimeZone, str]] = {
    "prov-aceh": (WIB, "11"),
    "prov-sumut": (WIB, "12"),
    "prov-sumbar": (WIB, "13"),
    "prov-riau": (WIB, "14"),
    "prov-jambi": (WIB, "15"),
    "prov-sumsel": (WIB, "16"),
    "prov-bengkulu": (WIB, "17"),
    "prov-lampung": (WIB, "18"),
    "prov-babel": (WIB, "19"),
    "prov-kepri": (WIB, "21"),
    "prov-dki-jakarta": (WIB, "31"),
    "prov-jabar": (WIB, "32"),
    "prov-jateng": (WIB, "33"),
    "prov-diy": (WIB, "34"),
    "prov-jatim": (WIB, "35"),
    "prov-banten": (WIB, "36"),
    "prov-bali": (WITA, "51"),
    "prov-ntb": (WITA, "52"),
    "prov-ntt": (WITA, "53"),
    "prov-kalbar": (WIB, "61"),
    "prov-kalteng": (WIB, "62"),
    "prov-kalsel": (WITA, "63"),
    "prov-kaltim": (WITA, "64"),
    "prov-kaltara": (WITA, "65"),
    "prov-sulut": (WITA, "71"),
    "prov-sulteng": (WITA, "72"),
    "prov-sulsel": (WITA, "73"),
    "prov-sultra": (WITA, "74"),
    "prov-gorontalo": (WITA, "75"),
    "prov-sulbar": (WITA, "76"),
    "prov-maluku": (WIT, "81"),
    "prov-malut": (WIT, "82"),
    "prov-papua": (WIT, "91"),
    "prov-papua-barat": (WIT, "92"),
    "prov-papua-selatan": (WIT, "93"),
    "prov-papua-tengah": (WIT, "94"),
    "prov-papua-pegunungan": (WIT, "95"),
    "prov-papua-barat-daya": (WIT, "96"),
}


# DKI Jakarta's six administrative areas (Kepmendagri codes 31.01, 31.71-31.75): in the
# register, flagged, with the province as parent; not regional governments.
ADMINISTRATIVE: dict[str, tuple[str, Level, str]] = {
    "kab-kepulauan-seribu": ("31.01", Level.KABUPATEN, "Kabupaten Administrasi Kepulauan Seribu"),
    "kota-jakarta-pusat": ("31.71", Level.KOTA, "Kota Administrasi Jakarta Pusat"),
    "kota-jakarta-utara": ("31.72", Level.KOTA, "Kota Administrasi Jakarta Utara"),
    "kota-jakarta-barat": ("31.73", Level.KOTA, "Kota Administrasi Jakarta Barat"),
    "kota-jakarta-selatan": ("31.74", Level.KOTA, "Kota Administrasi Jakarta Selatan"),
    "kota-jakarta-timur": ("31.75", Level.KOTA, "Kota Administrasi Jakarta Timur"),
}


def slug(name: str) -> str:
    bare = re.sub(r"^(Kabupaten|Kota) (Administrasi )?", "", name)
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


# --- the bundled register ------------------------------------------------------------


def test_counts() -> None:
    # The decree's 38 provinces, 416 kabupaten and 98 kota, all in the register; the 416
    # and 98 include DKI Jakarta's Kabupaten Administrasi Kepulauan Seribu and five Kota
    # Administrasi, which are not regional governments: 546 autonomous.
    levels = Counter(item.level for item in register())
    assert levels == {Level.PROVINSI: 38, Level.KABUPATEN: 416, Level.KOTA: 98}
    assert len(register()) == 552
    assert len(instansi_ids()) == 553  # and nasional
    autonomous = Counter(item.level for item in register() if not item.administrative)
    assert autonomous == {Level.PROVINSI: 38, Level.KABUPATEN: 415, Level.KOTA: 93}
    assert len(autonomous_ids()) == 546
    assert list(autonomous_ids()) == sorted(autonomous_ids())
    assert set(autonomous_ids()) == {i.id for i in register()} - set(ADMINISTRATIVE)
    assert NASIONAL not in autonomous_ids()


def test_every_province_id_present_with_its_code() -> None:
    provinces = {i.id: i for i in register() if i.level is Level.PROVINSI}
    assert set(provinces) == set(PROVINCES)
    for pid, (_, code) in PROVINCES.items():
        assert provinces[pid].code == code
        assert provinces[pid].province == pid
        assert provinces[pid].name.startswith(("Provinsi ", "Daerah Istimewa "))
    assert provinces["prov-diy"].name == "Daerah Istimewa Yogyakarta"
    assert provinces["prov-jatim"].name == "Provinsi Jawa Timur"
    assert provinces["prov-dki-jakarta"].name == "Provinsi Daerah Khusus Ibukota Jakarta"


def test_each_kabupaten_and_kota_lies_in_a_province() -> None:
    for item in register():
        assert item.province in PROVINCES
        if item.level is not Level.PROVINSI:
            assert item.code is not None
            assert item.code.startswith(PROVINCES[item.province][1] + ".")
            assert item.name.startswith("Kabupaten " if item.level is Level.KABUPATEN else "Kota ")


def test_time_zones_by_province() -> None:
    for item in register():
        assert item.province is not None
        assert item.timezone == PROVINCES[item.province][0], item.id
    zones = register_source().timezone.zone_of()
    assert zones == {pid: zone for pid, (zone, _) in PROVINCES.items()}


@pytest.mark.parametrize(
    ("iid", "zone", "code", "name"),
    [
        ("kota-jayapura", WIT, "91.71", "Kota Jayapura"),
        ("kota-makassar", WITA, "73.71", "Kota Makassar"),
        ("kab-sleman", WIB, "34.04", "Kabupaten Sleman"),
        ("kota-denpasar", WITA, "51.71", "Kota Denpasar"),
        ("kab-malang", WIB, "35.07", "Kabupaten Malang"),
        ("kota-malang", WIB, "35.73", "Kota Malang"),
        ("kota-batu", WIB, "35.79", "Kota Batu"),
        ("kota-palembang", WIB, "16.71", "Kota Palembang"),
        ("kab-lumajang", WIB, "35.08", "Kabupaten Lumajang"),
        ("kota-cimahi", WIB, "32.77", "Kota Cimahi"),
        ("kota-surabaya", WIB, "35.78", "Kota Surabaya"),
        ("kab-lima-puluh-kota", WIB, "13.07", "Kabupaten Lima Puluh Kota"),
        ("kab-kepulauan-siau-tagulandang-biaro", WITA, "71.09", None),
        ("kab-toli-toli", WITA, "72.04", "Kabupaten Toli-Toli"),
        ("kab-merauke", WIT, "93.01", "Kabupaten Merauke"),
        ("kota-ternate", WIT, "82.71", "Kota Ternate"),
        ("kota-pontianak", WIB, "61.71", "Kota Pontianak"),
        ("kota-tarakan", WITA, "65.71", "Kota Tarakan"),
    ],
)
def test_spot_checks(iid: str, zone: str, code: str, name: str | None) -> None:
    item = instansi(iid)
    assert (item.timezone, item.code) == (zone, code)
    if name:
        assert item.name == name


def test_ids_unique_and_follow_the_slug_rule() -> None:
    ids = [i.id for i in register()]
    assert len(ids) == len(set(ids))
    codes = [i.code for i in register()]
    assert len(codes) == len(set(codes))
    for item in register():
        if item.level is Level.KABUPATEN:
            assert item.id == f"kab-{slug(item.name)}"
        elif item.level is Level.KOTA:
            assert item.id == f"kota-{slug(item.name)}"


def test_kabupaten_and_kota_of_one_name_are_two_instansi() -> None:
    for name in ("malang", "bandung", "jayapura", "gorontalo", "sorong", "kupang", "bima"):
        kab, kota = instansi(f"kab-{name}"), instansi(f"kota-{name}")
        assert kab.province == kota.province
        assert kab.code != kota.code


def test_jakarta_administrative_areas_are_flagged() -> None:
    flagged = {i.id: i for i in register() if i.administrative}
    assert set(flagged) == set(ADMINISTRATIVE)
    for iid, (code, level, name) in ADMINISTRATIVE.items():
        item = instansi(iid)
        assert item is flagged[iid]
        assert (item.code, item.level, item.name) == (code, level, name)
        assert (item.province, item.parent, item.timezone) == (
            "prov-dki-jakarta",
            "prov-dki-jakarta",
            WIB,
        )
    assert instansi("kab-kepulauan-seribu").code == "31.01"
    in_dki = [i.id for i in register() if i.province == "prov-dki-jakarta"]
    assert in_dki == ["prov-dki-jakarta", *ADMINISTRATIVE]  # code order
    # nothing else flagged, nothing else with a parent
    for item in register():
        if item.id not in ADMINISTRATIVE:
            assert (item.administrative, item.parent) == (False, None), item.id
            assert "Administrasi" not in item.name
    assert (instansi(NASIONAL).administrative, instansi(NASIONAL).parent) == (False, None)


def test_get_policy_answers_for_every_id() -> None:
    for iid in instansi_ids():
        policy = get_policy(iid)
        assert policy.id == iid
        entry = instansi(iid)
        # an administrative area answers with its province's policy (the staff are the
        # province's civil servants): the province's level
        expected = Level.PROVINSI if entry.administrative else entry.level
        assert policy.level is expected
    seribu = get_policy("kab-kepulauan-seribu")
    assert (seribu.province, seribu.timezone) == ("prov-dki-jakarta", WIB)
    assert seribu.arrangement == get_policy("prov-dki-jakarta").arrangement


def test_nasional() -> None:
    item = instansi(NASIONAL)
    assert (item.level, item.province, item.code, item.timezone) == (
        Level.PUSAT,
        None,
        None,
        WIB,
    )
    assert item not in register()
    assert NASIONAL in instansi_ids()


def test_ids_sorted_and_register_in_code_order() -> None:
    assert list(instansi_ids()) == sorted(instansi_ids())
    provinces = [i.code or "" for i in register() if i.level is Level.PROVINSI]
    assert provinces == sorted(provinces)


def test_every_bundled_policy_is_in_the_register() -> None:
    for policy_id in fx.list_policies():
        assert instansi(policy_id).id == policy_id


def test_citation() -> None:
    cite = register_source()
    assert cite.source.decree_number == "300.2.2-2138 Tahun 2025"
    assert cite.source.dataset == "https://github.com/cahyadsn/wilayah"
    assert cite.source.dataset_commit == "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7"
    assert cite.source.confidence is fx.Confidence.SINGLE
    assert cite.source.administrative == "31.01, 31.71, 31.72, 31.73, 31.74, 31.75"
    assert cite.timezone.confidence is fx.Confidence.REPORTED
    assert "41 Tahun 1987" in cite.timezone.instrument


# --- unknown ids -------------------------------------------------------------------------


def test_closest_ids() -> None:
    assert closest_ids("kab-malnag")[0] == "kab-malang"
    assert closest_ids("KAB-MALANG ", n=1) == ("kab-malang",)
    assert len(closest_ids("kota-malang", n=5)) == 5
    assert closest_ids("zzzzzzzzzzzz") == ()


def test_unknown_id_names_the_closest() -> None:
    with pytest.raises(fx.UnknownPolicyError) as info:
        instansi("kab-malnag")
    error = info.value
    assert isinstance(error, KeyError)
    assert str(error).startswith("unknown policy 'kab-malnag'; did you mean 'kab-malang'")
    assert error.policy_id == "kab-malnag"
    assert "kab-malang" in error.known
    with pytest.raises(fx.UnknownPolicyError, match="ids are known"):
        instansi("zzzzzzzzzzzz")


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_closest_ids_rejects_a_bad_n(bad: object) -> None:
    with pytest.raises(fx.InvalidInputError, match="n must be"):
        closest_ids("kab-malang", n=bad)  # type: ignore[arg-type]


def test_ids_must_be_strings() -> None:
    with pytest.raises(fx.InvalidInputError):
        instansi(35)  # type: ignore[arg-type]
    with pytest.raises(fx.InvalidInputError):
        closest_ids(None)  # type: ignore[arg-type]


# --- the model ---------------------------------------------------------------------------


def test_instansi_is_frozen_and_checked() -> None:
    item = instansi("kab-malang")
    with pytest.raises(fx.ModelValidationError):
        item.name = "x"  # type: ignore[misc]
    with pytest.raises(fx.ModelValidationError, match="code"):
        Instansi(id="nasional", name="x", level=Level.PUSAT, code="35", timezone=WIB)
    with pytest.raises(fx.ModelValidationError, match="timezone"):
        Instansi(id="nasional", name="x", level=Level.PUSAT, timezone="Asia/Pontianak")


JAKSEL = {
    "id": "kota-jakarta-selatan",
    "name": "Kota Administrasi Jakarta Selatan",
    "level": Level.KOTA,
    "province": "prov-dki-jakarta",
    "code": "31.74",
    "timezone": WIB,
    "administrative": True,
    "parent": "prov-dki-jakarta",
}


def test_an_administrative_instansi() -> None:
    item = Instansi.model_validate(JAKSEL)
    assert (item.administrative, item.parent) == (True, "prov-dki-jakarta")
    plain = Instansi.model_validate({**JAKSEL, "administrative": False, "parent": None})
    assert (plain.administrative, plain.parent) == (False, None)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"administrative": False}, "parent", "only an administrative area has a parent"),
        ({"parent": None}, "parent", "not a province id"),
        ({"parent": "kab-kepulauan-seribu"}, "parent", "not a province id"),
        ({"parent": "prov-jabar"}, "parent", "must be its province"),
        (
            {"province": "prov-jabar", "parent": "prov-jabar", "code": "32.74"},
            "administrative",
            "only in prov-dki-jakarta",
        ),
        (
            {"id": "prov-dki-jakarta", "level": Level.PROVINSI, "code": "31"},
            "administrative",
            "a provinsi is not an administrative area",
        ),
        (
            {"id": "nasional", "level": Level.PUSAT, "province": None, "code": None},
            "administrative",
            "a pusat is not an administrative area",
        ),
    ],
)
def test_administrative_is_checked(change: dict[str, object], field: str, words: str) -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        Instansi.model_validate({**JAKSEL, **change})
    assert words in str(info.value)
    assert info.value.errors(include_url=False)[0]["loc"] == (field,)


def test_nasional_has_no_parent() -> None:
    with pytest.raises(fx.ModelValidationError, match="only an administrative area"):
        Instansi(id="nasional", name="x", level=Level.PUSAT, timezone=WIB, parent="prov-aceh")


# --- validation of the data files --------------------------------------------------------

HEADER = "id,name,level,province,code,timezone,administrative\n"
GOOD = (
    HEADER
    + "prov-jatim,Provinsi Jawa Timur,provinsi,prov-jatim,35,Asia/Jakarta,false\n"
    + "prov-bali,Provinsi Bali,provinsi,prov-bali,51,Asia/Makassar,false\n"
    + "kab-malang,Kabupaten Malang,kabupaten,prov-jatim,35.07,Asia/Jakarta,false\n"
)
DKI = "prov-dki-jakarta,Provinsi DKI Jakarta,provinsi,prov-dki-jakarta,31,Asia/Jakarta,false\n"


def test_a_good_file_parses() -> None:
    rows = parse_register("r.csv", GOOD + "\n")
    assert [r.id for r in rows] == ["prov-jatim", "prov-bali", "kab-malang"]
    assert not any(r.administrative or r.parent for r in rows)


def test_an_administrative_row_gets_its_province_as_parent() -> None:
    row = "kab-kepulauan-seribu,Kabupaten Administrasi Kepulauan Seribu,kabupaten,"
    text = GOOD + DKI + row + "prov-dki-jakarta,31.01,Asia/Jakarta,true\n"
    seribu = parse_register("r.csv", text)[-1]
    assert (seribu.id, seribu.administrative, seribu.parent) == (
        "kab-kepulauan-seribu",
        True,
        "prov-dki-jakarta",
    )
    with pytest.raises(fx.PolicyDataError, match="only in prov-dki-jakarta") as info:
        parse_register(
            "r.csv", GOOD + "kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta,true\n"
        )
    assert (info.value.line, info.value.field) == (5, "administrative")


def test_the_cited_administrative_codes_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    cite = register_source()
    fake = cite.model_copy(
        update={"source": cite.source.model_copy(update={"administrative": "31.01"})}
    )
    monkeypatch.setattr(register_module, "register_source", lambda: fake)
    with pytest.raises(fx.PolicyDataError, match=r"regions\.toml cites 31\.01") as info:
        register_module.register.__wrapped__()
    assert info.value.field == "administrative"


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        (
            "kab-malang,Kabupaten Malang,kabupaten,prov-jatim,35.08,Asia/Jakarta,false",
            "id",
            "duplicate id (first on line 4)",
        ),
        (
            "kab-batu,Kabupaten Batu,kabupaten,prov-jatim,35.07,Asia/Jakarta,false",
            "code",
            "duplicate code",
        ),
        (
            "kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Bangkok,false",
            "timezone",
            "Asia/Jakarta",
        ),
        (
            "kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Makassar,false",
            "timezone",
            "prov-jatim is in 'Asia/Jakarta'",
        ),
        ("kota-batu,Kota Batu,kota,prov-jatim,35.7,Asia/Jakarta,false", "code", "71-99"),
        ("kota-batu,Kota Batu,kota,prov-jatim,35.09,Asia/Jakarta,false", "code", "71-99"),
        ("kab-batu,Kabupaten Batu,kabupaten,prov-jatim,35.79,Asia/Jakarta,false", "code", "01-69"),
        ("kota-batu,Kota Batu,kota,prov-jatim,51.79,Asia/Jakarta,false", "code", "not under"),
        ("kota-batu,Kota Batu,kota,kab-malang,35.79,Asia/Jakarta,false", "province", "province id"),
        (
            "kota-batu,Kota Batu,kota,prov-jabar,35.79,Asia/Jakarta,false",
            "province",
            "not a province",
        ),
        (
            "kab-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta,false",
            "id",
            "starts with 'kota-'",
        ),
        (
            "Kota Batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta,false",
            "id",
            "is not in the expected form",  # plain words, not pydantic's "should match pattern"
        ),
        ("kota-batu,Kota Batu,desa,prov-jatim,35.79,Asia/Jakarta,false", "level", "kabupaten"),
        ("nasional,Pusat,pusat,,,Asia/Jakarta,false", "level", "regional governments only"),
        ("prov-x,Provinsi X,provinsi,prov-jatim,99,Asia/Jakarta,false", "province", "its own id"),
        ("kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta", None, "6 fields, expected 7"),
        (
            "kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta,",
            "administrative",
            "'' is neither",
        ),
        ("kota-batu,Kota Batu,kota,prov-jatim,35.79,Asia/Jakarta,yes", "administrative", "'yes'"),
    ],
)
def test_a_bad_row_names_file_line_and_field(row: str, field: str | None, words: str) -> None:
    with pytest.raises(fx.PolicyDataError) as info:
        parse_register("regions.csv", GOOD + row + "\n")
    error = info.value
    assert (error.file, error.line, error.field) == ("regions.csv", 5, field)
    assert words in str(error)
    assert str(error).startswith("regions.csv:5")


def test_the_zone_table_is_checked() -> None:
    zones: dict[str, TimeZone] = {"prov-jatim": WIB, "prov-bali": WIB}
    with pytest.raises(fx.PolicyDataError, match="prov-bali is in 'Asia/Jakarta'") as info:
        parse_register("regions.csv", GOOD, zones)
    assert (info.value.line, info.value.field) == (3, "timezone")
    with pytest.raises(fx.PolicyDataError, match="gives no time zone"):
        parse_register("regions.csv", GOOD, {"prov-jatim": WIB})


def test_a_bad_header() -> None:
    with pytest.raises(fx.PolicyDataError, match="header must be") as info:
        parse_register("regions.csv", "id,name\n")
    assert info.value.line == 1
    with pytest.raises(fx.PolicyDataError, match="header must be"):
        parse_register("regions.csv", "")


def test_a_bad_citation() -> None:
    text = '[source]\ndecree_number = ""\n'
    with pytest.raises(fx.PolicyDataError) as info:
        parse_citation(tomllib.loads(text), "regions.toml", text)
    assert info.value.file == "regions.toml"


def test_a_province_in_two_zones() -> None:
    data = register_source().model_dump()
    data["timezone"]["provinces"][WIT] = ["prov-aceh"]
    with pytest.raises(fx.PolicyDataError, match="more than one zone: prov-aceh"):
        parse_citation(data, "regions.toml", None)


def test_every_bundled_policy_names_its_province_as_the_register_does() -> None:
    """A bundled region's `province` is the register's province id (`prov-jatim`, not a
    free name), so that grouping by province agrees between policies and the register."""
    for policy_id in fx.list_policies():
        if policy_id == "nasional":
            continue
        assert fx.get_policy(policy_id).province == fx.instansi(policy_id).province, policy_id
