"""A quota rule's label in English (``label_en``): output in English names the rule in
English words, output in Indonesian keeps the policy's own words.

``label`` is the policy's own Indonesian words (it quotes the circular); ``label_en`` is
flexasn's translation of them, never new facts: the same numbers, the same percent signs.
The English labels below are written by hand, as the translation of the Kab. Malang policy
(Pemkab Malang, WFA Lebaran 2025) reads.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import flexasn as fx
from builders import MALANG_BKAD, MON, arrangement, opd, policy, staff
from flexasn import cli
from flexasn.errors import InvalidInputError
from flexasn.messages import render

ROOT = Path(__file__).resolve().parents[1]
POLICY_FILES = sorted((ROOT / "src" / "flexasn" / "data" / "policies").glob("*.toml"))
POLICY_FILES += sorted((ROOT / "examples" / "policies").glob("*.toml"))
INDONESIAN = {"paling", "banyak", "tetap", "dan", "tidak", "layanan", "pelayanan", "sekolah"}
INDONESIAN |= {"seluruh", "setiap", "contoh", "lain", "tanpa", "rumah", "sakit", "di", "dari"}
"""Words of the labels that an English label has translated (names such as kecamatan,
puskesmas or Satpol PP stay as they are)."""
DAY = date(2025, 3, 24)  # Monday, inside Kab. Malang's WFA Lebaran 2025 window
BKAD = MALANG_BKAD
BKAD_ARGS = ["--instansi", "kab-malang", "--kind", "bkad", "--service", "tidak_langsung"]
BKAD_ARGS += ["--headcount", "120", "--opd", "BKAD"]
LABEL_ID = "tanpa layanan publik langsung: paling banyak 20 %"
LABEL_EN = "no direct public service: at most 20 %"
# 20 % of 120 = 24, below the 119 who may leave the office (the head stays on site)
MESSAGE_ID = f"OPD BKAD mendapat kuota 24 dari 120 pegawai (20%, {LABEL_ID})."
MESSAGE_EN = f"OPD BKAD has a quota of 24 of 120 staff (20%, {LABEL_EN})."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


def _rules(path: Path) -> list[dict[str, Any]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [rule for a in data.get("arrangement", ()) for rule in a.get("quota", ())]


# --- the data --------------------------------------------------------------------------


def test_the_bundled_and_example_policies_have_labelled_rules() -> None:
    labelled = [r for path in POLICY_FILES for r in _rules(path) if "label" in r]
    assert len(labelled) >= 68  # the count the task named; a guard against reading nothing


@pytest.mark.parametrize("path", POLICY_FILES, ids=[p.name for p in POLICY_FILES])
def test_every_labelled_rule_has_an_english_label_with_the_same_numbers(path: Path) -> None:
    for rule in _rules(path):
        assert ("label" in rule) == ("label_en" in rule), rule
        if "label" not in rule:
            continue
        label, label_en = rule["label"], rule["label_en"]
        words = set(re.findall(r"[a-z]+", label_en.lower()))
        assert label_en.strip() and not words & INDONESIAN, rule  # translated, not copied
        number = r"\d+(?:[.,]\d+)?"
        assert Counter(re.findall(number, label_en)) == Counter(re.findall(number, label)), rule
        assert label_en.count("%") == label.count("%"), rule


def test_kab_malang_rules_read_in_english() -> None:
    a = next(a for a in fx.get_policy("kab-malang").arrangement if a.id == "lebaran-2025")
    rule = a.quota_rule("bkad", fx.ServiceCategory.NON_DIRECT)
    assert rule is not None
    assert (rule.label, rule.label_en) == (LABEL_ID, LABEL_EN)


# --- the model -------------------------------------------------------------------------


def test_describe_reads_the_label_of_the_language() -> None:
    rule = fx.QuotaRule(
        services=["tidak_langsung"], percent="20", label=LABEL_ID, label_en=LABEL_EN
    )
    assert rule.describe() == LABEL_ID  # the default is unchanged: Indonesian
    assert rule.describe("id") == LABEL_ID
    assert rule.describe("en") == LABEL_EN
    assert rule.descriptions() == {"id": LABEL_ID, "en": LABEL_EN}
    with pytest.raises(fx.UnknownLanguageError):
        rule.describe("fr")


def test_describe_in_english_falls_back_to_the_label_then_the_generic_words() -> None:
    only_id = fx.QuotaRule(kinds=["bkad"], percent="20", label=LABEL_ID)
    assert only_id.describe("en") == LABEL_ID
    generic = fx.QuotaRule(kinds=["bkad"], percent="20")
    assert generic.describe("en") == generic.describe("id") == "kinds=bkad 20%"
    assert fx.QuotaRule(default=True, percent="5").describe("en") == "default 5%"


def test_an_english_label_without_the_label_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        fx.QuotaRule(kinds=["bkad"], percent="20", label_en=LABEL_EN)
    # the model's error carries the catalogue's words in both languages
    assert render("policy.label_en_without_label", "en") in caught.value.message("en")
    assert render("policy.label_en_without_label", "id") in caught.value.message("id")
    assert "label_en" in render("policy.label_en_without_label", "en")


def test_a_policy_file_with_an_english_label_alone_names_the_problem(tmp_path: Path) -> None:
    text = (ROOT / "src" / "flexasn" / "data" / "policies" / "kab-malang.toml").read_text(
        encoding="utf-8"
    )
    text = text.replace(f'  label = "{LABEL_ID}"\n', "")
    path = tmp_path / "kab-malang.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(fx.FlexasnError) as caught:
        fx.load_policy(path)
    assert "label_en" in caught.value.message("en")


# --- decisions and quotas --------------------------------------------------------------


def _opd_allowed(decision: fx.Decision) -> fx.Reason:
    return next(r for r in decision.reasons if r.check.value == "opd_allowed")


def test_the_english_decision_names_the_rule_in_english() -> None:
    d = fx.eligible_for_wfa(fx.Employee(nip="198503122010011001", opd="BKAD"), BKAD, DAY)
    reason = _opd_allowed(d)
    assert reason.message("en") == MESSAGE_EN
    assert reason.message("id") == MESSAGE_ID  # unchanged
    assert reason.messages == {"id": MESSAGE_ID, "en": MESSAGE_EN}


def test_a_zero_rule_names_itself_in_each_language() -> None:
    rule = {"services": ["esensial"], "percent": "0", "label": "rumah sakit: tetap di tempat"}
    rule["label_en"] = "hospitals: stay on site"
    pol = policy(arrangement(quota=[rule]))
    unit = opd(service=fx.ServiceCategory.ESSENTIAL)
    d = fx.eligible_for_wfa(staff(), unit, MON, policy=pol)
    reason = _opd_allowed(d)
    assert reason.passed is False
    assert reason.message("en") == (
        "OPD X is not among those allowed flexible work (hospitals: stay on site: 0%)."
    )
    assert reason.message("id") == (
        "OPD X tidak termasuk yang boleh bekerja fleksibel (rumah sakit: tetap di tempat: 0%)."
    )


def test_the_quota_carries_the_rule_in_both_languages() -> None:
    q = fx.quota(BKAD, DAY)
    assert (q.rule, q.rule_en) == (LABEL_ID, LABEL_EN)
    assert q.rule_in() == q.rule_in("id") == LABEL_ID
    assert q.rule_in("en") == LABEL_EN
    assert fx.Quota.model_validate_json(q.model_dump_json()).rule_en == LABEL_EN
    with pytest.raises(fx.UnknownLanguageError):
        q.rule_in("fr")  # type: ignore[arg-type]


def test_a_quota_without_an_english_rule_reads_the_rule_in_english() -> None:
    q = fx.quota(BKAD, DAY).model_copy(update={"rule_en": None})
    assert q.rule_in("en") == LABEL_ID
    none = fx.quota(BKAD, date(2025, 3, 29), strict=False)  # a Saturday: no rule applies
    assert none.rule is None and none.rule_en is None and none.rule_in("en") is None


def test_a_conflict_names_the_rules_in_each_language() -> None:
    first = {"kinds": ["bkad"], "percent": "10", "label": "BKAD: paling banyak 10 %"}
    first["label_en"] = "BKAD: at most 10 %"
    second = {"kinds": ["bkad"], "percent": "20", "label": "BKAD: paling banyak 20 %"}
    second["label_en"] = "BKAD: at most 20 %"
    with pytest.raises(fx.PolicyConflictError) as caught:
        policy(arrangement(quota=[first, second]))  # a policy is checked when built
    english, indonesian = caught.value.message("en"), caught.value.message("id")
    assert "'BKAD: at most 10 %' and 'BKAD: at most 20 %'" in english
    assert "'BKAD: paling banyak 10 %' dan 'BKAD: paling banyak 20 %'" in indonesian
    assert caught.value.rules == ("BKAD: paling banyak 10 %", "BKAD: paling banyak 20 %")


# --- the command line ------------------------------------------------------------------


def test_check_in_english_names_the_rule_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "2025-03-24", *BKAD_ARGS, "--lang", "en")
    assert code == 0
    flat = " ".join(out.split())  # the text output wraps long lines
    assert f"(20%, {LABEL_EN})" in flat and "paling banyak" not in flat
    code, out = run(capsys, "check", "2025-03-24", *BKAD_ARGS)
    assert f"(20%, {LABEL_ID})" in " ".join(out.split())


def test_quota_in_english_lists_the_basis_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "quota", "2025-03-24", *BKAD_ARGS, "--lang", "en")
    assert code == 0
    flat = " ".join(out.split())
    assert f"{LABEL_EN}: Pemkab Malang: WFA Lebaran 2025" in flat
    assert LABEL_ID not in flat
    code, out = run(capsys, "quota", "2025-03-24", *BKAD_ARGS)
    assert f"{LABEL_ID}: Pemkab Malang: WFA Lebaran 2025" in " ".join(out.split())


def test_quota_json_gives_the_rule_in_the_output_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for lang, label in (("en", LABEL_EN), ("id", LABEL_ID)):
        code, out = run(
            capsys, "quota", "2025-03-24", *BKAD_ARGS, "--format", "json", "--lang", lang
        )
        assert code == 0
        (row,) = json.loads(out)
        assert row["rule"] == label and "rule_en" not in row


def test_demo_in_english_names_the_rules_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "demo", "--lang", "en")
    assert code == 0
    flat = " ".join(out.split())
    assert LABEL_EN in flat and LABEL_ID not in flat
    assert "paling banyak" not in flat


@pytest.mark.parametrize(
    ("lang", "expected", "other"),
    [
        ("en", "- no direct public service: at most 20", "paling banyak 20"),
        ("id", "- tanpa layanan publik langsung:", "no direct public service"),
    ],
)
def test_policies_lists_each_rule_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: str, expected: str, other: str
) -> None:
    code, out = run(capsys, "policies", "kab-malang", "--lang", lang)
    assert code == 0
    assert expected in out and other not in out
