"""Policy files: the bundled ones, a user's own (load_policy), validation and conflicts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
from flexasn.people import canonical_kind
from flexasn.policy import ArrangementKind

MINIMAL = """
id = "contoh"
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


def write(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_policy_ids_match_the_contract() -> None:
    # DESIGN.md: the eight of 2025 and LAW.md's new regions of 2026; issue 16: the kota and
    # the provinces with a cited decision of their own
    contract = {
        "kab-lumajang",
        "kab-malang",
        "kota-bandung",
        "kota-batu",
        "kota-bekasi",
        "kota-cimahi",
        "kota-depok",
        "kota-makassar",
        "kota-malang",
        "kota-padang",
        "kota-palembang",
        "kota-pekanbaru",
        "kota-semarang",
        "kota-surabaya",
        "kota-tangerang",
        "nasional",
        "prov-banten",
        "prov-dki-jakarta",
        "prov-jabar",
        "prov-jatim",
    }
    issue_16 = {
        "prov-bali",
        "prov-bengkulu",
        "prov-diy",
        "prov-gorontalo",
        "prov-jateng",
        "prov-kaltara",
        "prov-kalteng",
        "prov-kaltim",
        "prov-lampung",
        "prov-malut",
        "prov-ntb",
        "prov-papua",
        "prov-papua-tengah",
        "prov-riau",
        "prov-sulbar",
        "prov-sulsel",
        "prov-sulteng",
        "prov-sultra",
        "prov-sumsel",
        "prov-sumut",
        "prov-sulut",
        "kota-serang",
        "kota-balikpapan",
        "kota-banjarmasin",
        "kota-denpasar",
        "kota-bogor",
    }
    assert fx.list_policies() == tuple(sorted(contract | issue_16))


@pytest.mark.parametrize("policy_id", fx.list_policies())
def test_every_bundled_policy_loads_and_cites_known_instruments(policy_id: str) -> None:
    policy = fx.get_policy(policy_id)
    assert policy.id == policy_id
    for arrangement in policy.arrangement:
        citation = arrangement.citation()
        assert citation.short
        # the registry's instrument, or the policy file's own [[instrument]] (issue 16)
        assert arrangement.basis.record().sources


def test_unknown_policy_names_the_closest_ids() -> None:
    # DESIGN.md: "kab-malnag": did you mean "kab-malang"?
    with pytest.raises(fx.UnknownPolicyError) as info:
        fx.get_policy("kab-malnag")
    assert "kab-malnag" in str(info.value)
    assert "kab-malang" in str(info.value)
    assert "kab-malang" in info.value.known and "kab-sleman" in info.value.known


def test_kab_malang_encodes_law_md() -> None:
    arrangement = fx.get_policy("kab-malang").arrangement_on(date(2025, 3, 24))
    assert arrangement is not None
    assert arrangement.kind is ArrangementKind.DATED
    assert arrangement.heads_onsite
    rule = arrangement.quota_rule("bkad", fx.ServiceCategory.NON_DIRECT)
    assert rule is not None and rule.percent == 20
    rule = arrangement.quota_rule("rsud", fx.ServiceCategory.ESSENTIAL)
    assert rule is not None and rule.percent == 10


def test_prov_jatim_2025_tiers_as_reported() -> None:
    # Pastipas and SuaraJatim (20 March 2025): 100 % WFO for the essential OPDs; at most 50 %
    # WFH or WFA for Setda, Bapenda, Bappeda, BPKAD, BKD, BPSDM, DPMPTSP, Diskominfo; 25 %
    # for the rest. BKD and BPSDM are both bkpsdm in the canonical vocabulary.
    arrangement = fx.get_policy("prov-jatim").arrangement_on(date(2025, 3, 24))
    assert arrangement is not None and arrangement.id == "lebaran-2025"
    assert arrangement.modes == (fx.WorkMode.WFH, fx.WorkMode.WFA)
    assert arrangement.confidence is fx.Confidence.REPORTED
    non_direct = fx.ServiceCategory.NON_DIRECT
    for kind in ("setda", "bapenda", "bappeda", "BPKAD", "BKD", "BPSDM", "dpmptsp", "diskominfo"):
        rule = arrangement.quota_rule(canonical_kind(kind), non_direct)
        assert rule is not None and rule.percent == 50, kind
    for kind in ("dinkes", "rsud", "dinsos", "dishub", "satpol-pp", "bpbd"):
        rule = arrangement.quota_rule(kind, fx.ServiceCategory.ESSENTIAL)
        assert rule is not None and rule.percent == 0, kind
    rule = arrangement.quota_rule("lainnya", non_direct)  # e.g. Dinas Pertanian
    assert rule is not None and rule.percent == 25


def test_kota_malang_ramadan_2026_rests_on_the_bkpsdm_statement_not_the_se() -> None:
    arrangement = fx.get_policy("kota-malang").arrangement_on(date(2026, 3, 16))
    assert arrangement is not None and arrangement.kind is ArrangementKind.NO_FLEXIBLE_WORK
    citation = arrangement.citation()
    assert citation.instrument == "kebijakan-kota-malang-ramadan-2026"
    assert citation.reading and citation.confidence is fx.Confidence.SINGLE
    assert "se-walikota-malang-6-2026" in {b.instrument for b in arrangement.also_cites}
    assert "SE Wali Kota Malang 6/2026" not in (arrangement.title or "")


def test_load_user_policy(tmp_path: Path) -> None:
    policy = fx.load_policy(write(tmp_path, MINIMAL))
    assert policy.id == "contoh"
    opd = fx.Opd(
        code="X", name="X", instansi="contoh", kind="bkad", service="tidak_langsung", headcount=50
    )
    assert fx.max_remote(opd, date(2025, 3, 25), policy=policy) == 5


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ('level = "kota"', 'level = "desa"', ["policy.toml:4", "field level"]),
        (
            'percent = "10"',
            'percent = "120"',
            ["policy.toml:16", "arrangement[0].quota[0].percent: must be at most 100"],
        ),
        ('modes = ["wfa"]', 'modes = ["wfo"]', ["remote modes only"]),
        ("last_day = 2025-03-27", "last_day = 2025-03-20", ["before first_day"]),
        ('confidence = "reported"', 'confidence = "rumour"', ["confidence"]),
        (
            'id = "contoh"',
            'id = "contoh"\ncolour = "blue"',
            ["field colour: unknown field name 'colour'"],
        ),
        ('"se-menpanrb-2-2025"', '"se-menpanrb-99-2025"', ["unknown instrument", "basis"]),
        (
            '{ instrument = "se-menpanrb-2-2025" }',
            '{ instrument = "se-menpanrb-2-2025", article = "Pasal 99" }',
            ["Pasal 99", "not in the registry"],
        ),
        ("default = true", "default = false", ["exactly one of kinds, services or default"]),
        ('kind = "dated"', 'kind = "no_flexible_work"', ["allows no modes"]),
        (
            'kind = "dated"',
            'kind = "dated"\nweekly_limit = 2',
            ["weekly_limit belongs to standing"],
        ),
        ("[[arrangement]]", "[[arrangement]", ["invalid TOML", "policy.toml:"]),
    ],
)
def test_bad_policy_files_name_file_field_and_line(
    tmp_path: Path, old: str, new: str, fragments: list[str]
) -> None:
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(fx.PolicyDataError) as info:
        fx.load_policy(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(fx.PolicyDataError, match="file not found"):
        fx.load_policy(tmp_path / "nope.toml")


def test_unknown_opd_kind_in_a_quota_rule(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("default = true", 'kinds = ["dinas-rahasia"]'))
    with pytest.raises(fx.PolicyDataError, match="unknown OPD kind"):
        fx.load_policy(path)


def test_equal_rank_quota_rules_that_disagree_conflict(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace(
            "default = true",
            'kinds = ["bkad", "bappeda"]',
        )
        + '\n  [[arrangement.quota]]\n  kinds = ["bkad"]\n  percent = "20"\n'
    )
    with pytest.raises(fx.PolicyConflictError) as info:
        fx.load_policy(write(tmp_path, text))
    message = str(info.value)
    assert "kinds=bkad,bappeda 10%" in message and "kinds=bkad 20%" in message
    assert "bkad" in message and "policy.toml" in message


def test_rules_of_different_rank_do_not_conflict(tmp_path: Path) -> None:
    text = MINIMAL + '\n  [[arrangement.quota]]\n  kinds = ["bkad"]\n  percent = "0"\n'
    policy = fx.load_policy(write(tmp_path, text))
    arrangement = policy.arrangement[0]
    rule = arrangement.quota_rule("bkad", fx.ServiceCategory.NON_DIRECT)
    assert rule is not None and rule.percent == 0  # kind outranks the default
    rule = arrangement.quota_rule("dlh", fx.ServiceCategory.NON_DIRECT)
    assert rule is not None and rule.percent == 10


def test_overlapping_dated_arrangements_conflict(tmp_path: Path) -> None:
    extra = """
[[arrangement]]
id = "tambahan"
kind = "no_flexible_work"
days = [{ first_day = 2025-03-27, last_day = 2025-03-28 }]
basis = { instrument = "se-menpanrb-2-2025" }
confidence = "reported"
"""
    with pytest.raises(fx.PolicyConflictError) as info:
        fx.load_policy(write(tmp_path, MINIMAL + extra))
    assert "'lebaran'" in str(info.value) and "'tambahan'" in str(info.value)
    assert "2025-03-27" in str(info.value)
    assert info.value.rules == ("lebaran", "tambahan")


def test_dated_outranks_standing(tmp_path: Path) -> None:
    standing = """
[[arrangement]]
id = "tetap"
kind = "standing"
days = [{ first_day = 2025-04-21, last_day = 2025-12-31 }]
modes = ["wfh"]
weekly_limit = 2
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 13 ayat (1)" }
confidence = "reported"

  [[arrangement.quota]]
  default = true
  percent = "30"

[[arrangement]]
id = "nataru"
kind = "no_flexible_work"
days = [{ first_day = 2025-12-29, last_day = 2025-12-31 }]
basis = { instrument = "surat-menpanrb-b-531-2025" }
confidence = "reported"
"""
    policy = fx.load_policy(write(tmp_path, MINIMAL + standing))
    on_standing = policy.arrangement_on(date(2025, 6, 2))
    assert on_standing is not None and on_standing.id == "tetap"
    on_both = policy.arrangement_on(date(2025, 12, 30))
    assert on_both is not None and on_both.id == "nataru"
    assert policy.arrangement_on(date(2025, 4, 1)) is None


def test_json_schema_is_published() -> None:
    schema = fx.policy_json_schema()
    assert schema["title"] == "Policy"
    assert "arrangement" in schema["properties"]
    json.dumps(schema)  # serialisable
    from flexasn.policy import write_policy_json_schema

    assert "QuotaRule" in schema["$defs"]
    assert write_policy_json_schema is not None


def test_write_json_schema(tmp_path: Path) -> None:
    from flexasn.policy import write_policy_json_schema

    out = tmp_path / "policy.schema.json"
    write_policy_json_schema(out)
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Policy"


def test_every_bundled_note_is_in_both_languages() -> None:
    for pid in fx.list_policies():
        p = fx.get_policy(pid)
        for item in (p, *p.arrangement):
            assert (item.notes is None) == (item.notes_id is None), (pid, item)
    batu = fx.get_policy("kota-batu")
    noted = next(a for a in batu.arrangement if a.notes)
    assert noted.note("id") == "Alasan yang disampaikan Sekda: arus mudik rendah, pelayanan publik."
    assert (
        noted.note("en") == "Reasons given by the Sekda: low homecoming traffic, public services."
    )


def test_a_note_in_one_language_serves_both() -> None:
    only_en = fx.get_policy("nasional").model_copy(update={"notes_id": None})
    assert only_en.note("id") == only_en.note("en") == only_en.notes
