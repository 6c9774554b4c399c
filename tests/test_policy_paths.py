"""Policies and quotas, path by path (issue 12 part 2): the continuation of a weekly
arrangement, own arrangements on a day, registration, file errors located to their line,
the JSON Schema file, today's date in the instansi's time zone, and the quota's edges.

Expected values are worked out by hand from DESIGN.md ("Every instansi gets an answer",
the quota contract) and LAW.md §3a (the national Friday known through 17 July 2026).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import flexasn as fx
from builders import FRI, MON, SAT, TUE, WED, arrangement, opd, policy, span, staff
from flexasn import quotas
from flexasn.policy import write_policy_json_schema
from flexasn.quotas import QuotaStatus, quota_terms

FRIDAY_AFTER = date(2026, 7, 24)  # the first Friday after the national Friday is known


# --- a weekly arrangement after its last known day ---------------------------------------


def test_after_its_last_known_day_a_weekly_arrangement_is_a_stand_in() -> None:
    unit = opd().model_copy(update={"instansi": "kab-sleman"})
    d = fx.eligible_for_wfa(staff(), unit, FRIDAY_AFTER)
    assert d.outcome is fx.Outcome.UNDETERMINED
    assert d.arrangement == "wfh-jumat-2026-perpanjangan-daerah-lanjutan"
    assert d.modes == ()  # no mode is known to be allowed
    q = fx.quota(unit, FRIDAY_AFTER, strict=False)
    assert (q.status, q.reason, q.arrangement) == (
        QuotaStatus.UNKNOWN,
        "unknown",
        "wfh-jumat-2026-perpanjangan-daerah-lanjutan",
    )
    # the Thursday before is an ordinary working day: no arrangement at all
    assert fx.eligible_for_wfa(staff(), unit, FRIDAY_AFTER - timedelta(days=1)).arrangement is None


def test_an_own_weekly_arrangement_that_ends_has_no_continuation() -> None:
    days = [span(MON, FRI)]
    ends = policy(arrangement("rabu", "weekly", days, weekdays=["wednesday"], continuation="ends"))
    unknown = policy(arrangement("rabu", "weekly", days, weekdays=["wednesday"]))
    next_wed = WED + timedelta(days=7)
    assert fx.eligible_for_wfa(staff(), opd(), next_wed, policy=ends).arrangement is None
    d = fx.eligible_for_wfa(staff(), opd(), next_wed, policy=unknown)
    assert d.arrangement == "rabu-lanjutan"
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.unknown_continuation"
    # other weekdays after it keep the default
    thursday = fx.eligible_for_wfa(staff(), opd(), next_wed + timedelta(days=1), policy=unknown)
    assert thursday.arrangement is None


def test_the_days_of_a_weekly_arrangement() -> None:
    p = policy(
        arrangement(
            "jumat", "weekly", [span(date(2025, 5, 1), date(2025, 5, 31))], weekdays=["friday"]
        )
    )
    a = p.arrangement[0]
    assert list(a.iter_days()) == [date(2025, 5, d) for d in (2, 9, 16, 23, 30)]
    assert (a.first_day, a.last_day) == (date(2025, 5, 1), date(2025, 5, 31))
    assert a.is_weekly and a.permits_flexible_work


def test_own_arrangements_on_a_day() -> None:
    p = policy(
        arrangement("satu", days=[span(MON, TUE)]),
        arrangement("tetap", "standing", [span(MON, FRI)]),
    )
    one, standing = p.arrangement
    assert p.arrangements_on(MON) == (one, standing)
    assert p.arrangements_on(WED) == (standing,)
    assert p.arrangements_on(SAT) == ()
    assert p.arrangement_on(MON) == one
    assert p.arrangement_on(WED) == standing
    # an instrument not yet public: Permen PANRB 4/2025 was published 21 April 2025
    assert p.arrangement_on(MON, known_on=date(2025, 4, 1)) is None
    assert p.in_force(MON, known_on=date(2025, 4, 1)).arrangement is None


# --- registration ---------------------------------------------------------------------


@pytest.fixture
def registered() -> Iterator[None]:
    yield
    fx.unregister_policy("kab-uji")


def test_registering_again_returns_the_policy_replaced(registered: None) -> None:
    first, second = policy(arrangement("satu")), policy(arrangement("dua"))
    assert fx.register_policy(first) is None
    assert fx.register_policy(second) is first
    assert fx.get_policy("kab-uji") is second
    assert fx.unregister_policy("kab-uji") is second
    assert fx.unregister_policy("kab-uji") is None


# --- errors in a policy file name their line ---------------------------------------------

FILE = """\
id = "kab-uji"
name = "Pemerintah Kabupaten Uji"
level = "kabupaten"

[[arrangement]]
id = "uji"
kind = "dated"
days = [{ first_day = 2025-05-05, last_day = 2025-05-09 }]
modes = ["wfh"]
basis = { instrument = "permen-panrb-4-2025" }
confidence = "reported"

  [[arrangement.quota]]
  default = true
  percent = "10"

  [[arrangement.quota]]
  kinds = ["bkad"]
  percent = "20"
  basis = { instrument = "se-bupati-tidak-ada" }
"""


def test_an_unknown_instrument_in_a_quota_rule_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kab-uji.toml"
    path.write_text(FILE, encoding="utf-8")
    with pytest.raises(fx.PolicyDataError) as info:
        fx.load_policy(path)
    assert info.value.line == 20
    assert info.value.field is not None and "quota" in info.value.field
    assert f"{path}:20" in str(info.value)
    assert "unknown instrument 'se-bupati-tidak-ada'" in str(info.value)


def test_an_error_found_after_the_schema_is_a_value_error_of_its_field() -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        policy(arrangement(basis={"instrument": "se-tidak-ada"}))
    assert str(info.value) == (
        "invalid Policy: field 'arrangement[0].basis': unknown instrument 'se-tidak-ada'"
    )
    (error,) = info.value.errors()
    assert error["type"] == "value_error"
    assert error["loc"] == ("arrangement", 0, "basis")


# --- the JSON Schema file ------------------------------------------------------------------


def test_the_schema_file_is_indented_json(tmp_path: Path) -> None:
    out = tmp_path / "policy.schema.json"
    write_policy_json_schema(out)
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == fx.policy_json_schema()
    lines = text.split("\n")
    assert lines[0] == "{" and lines[1].startswith('  "') and not lines[1].startswith("   ")
    assert text.endswith("}\n")


# --- today, in the instansi's time zone ---------------------------------------------------


def test_today_is_the_date_in_the_instansis_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    # 5 May 2025 at 20:00 UTC is already 6 May in WIB (UTC+7), WITA and WIT
    instant = datetime(2025, 5, 5, 20, 0, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return instant if tz is None else instant.astimezone(tz)

    monkeypatch.setattr(quotas, "datetime", Clock)
    for zone in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"):
        assert quotas.today_in(policy(timezone=zone)) == date(2025, 5, 6)
    # 16:00 UTC: 23:00 in WIB, but already midnight in WITA (UTC+8)
    instant = datetime(2025, 5, 5, 16, 0, tzinfo=UTC)
    assert quotas.today_in(policy(timezone="Asia/Jakarta")) == date(2025, 5, 5)
    assert quotas.today_in(policy(timezone="Asia/Makassar")) == date(2025, 5, 6)


# --- the quota's edges ---------------------------------------------------------------


def test_quota_limit_keeps_nobody_on_site_unless_told() -> None:
    # DESIGN.md: quota_limit(180, "35") is 63, onsite_required=0 by default
    assert fx.quota_limit(7, "100") == 7
    assert fx.quota_limit(7, "100", onsite_required=1) == 6
    # "%" is the only suffix a percentage may have
    with pytest.raises(fx.InvalidInputError, match="not a number"):
        fx.quota_limit(10, "50X")
    assert fx.quota_limit(10, " 50 % ".replace(" %", "%")) == 5


def test_a_one_person_opd_whose_head_stays_on_site() -> None:
    p = policy(arrangement(heads_onsite=True, quota=[{"default": True, "percent": "100"}]))
    q = fx.quota(opd(headcount=1), MON, policy=p)
    assert (q.limit, q.onsite_required) == (0, 1)
    q = fx.quota(opd(headcount=2), MON, policy=p)
    assert (q.limit, q.onsite_required) == (1, 1)


def test_an_on_site_count_given_is_kept_whatever_the_status() -> None:
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    for day, status in ((SAT, QuotaStatus.NOT_WORKING_DAY), (MON, QuotaStatus.SET)):
        q = fx.quota(opd(), day, policy=p, onsite_required=3)
        assert (q.status, q.onsite_required) == (status, 3)
    assert fx.quota(opd(), MON, policy=p, onsite_required=3).limit == 20  # min(20, 40 - 3)
    assert fx.quota(opd(), MON, policy=p, onsite_required=25).limit == 15


def test_quota_terms_name_the_opd_or_the_opd_in_general() -> None:
    p = policy(arrangement())
    terms = quota_terms(p, MON, "bkad", fx.ServiceCategory.NON_DIRECT)
    assert terms.status is QuotaStatus.UNDEFINED and not terms.defined
    assert terms.detail is not None and terms.detail.endswith("no quota for the OPD")
    terms = quota_terms(p, date(2028, 5, 3), "bkad", fx.ServiceCategory.NON_DIRECT)
    assert terms.detail is not None and terms.detail.endswith("no quota can be given for the OPD")
    terms = quota_terms(p, date(2028, 5, 3), "bkad", fx.ServiceCategory.NON_DIRECT, label="BKAD")
    assert terms.detail is not None and terms.detail.endswith("no quota can be given for BKAD")


def test_beyond_the_calendar_the_error_names_the_years_known_then() -> None:
    p = policy(arrangement())
    with pytest.raises(fx.QuotaCoverageError) as info:
        fx.quota(opd(), date(2028, 5, 3), policy=p)
    assert "covered years: 2025-2027" in str(info.value)
    assert info.value.covered == (2025, 2026, 2027)
    # asked as of 1 September 2025, only 2025 was decreed
    with pytest.raises(fx.QuotaCoverageError) as info:
        fx.quota(opd(), date(2026, 5, 4), policy=p, known_on=date(2025, 9, 1))
    assert info.value.covered == (2025,)
    assert "covered years: 2025-2025" in str(info.value)


def test_a_decision_unknown_quota_names_the_decision() -> None:
    p = policy(arrangement("belum", "decision_unknown", [span(TUE)]))
    with pytest.raises(fx.QuotaUndefinedError) as info:
        fx.quota(opd(), TUE, policy=p)
    assert str(info.value) == (
        "kab-uji: the decision for 2025-05-06 is not known (arrangement 'belum', "
        f"{fx.cite('permen-panrb-4-2025', 'Pasal 8')}); no quota can be given for OPD X"
    )


# --- a user's policy folders (FLEXASN_POLICY_PATH) -------------------------------------

USER_POLICY = """\
id = "kab-sleman"
name = "Kabupaten Sleman (uji A)"
level = "kabupaten"
"""


def test_every_folder_of_the_policy_path_is_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty, second = tmp_path / "kosong", tmp_path / "kedua"
    empty.mkdir()
    second.mkdir()
    (second / "kab-sleman.toml").write_text(USER_POLICY, encoding="utf-8")
    monkeypatch.setenv("FLEXASN_POLICY_PATH", f"{empty}{os.pathsep}{second}")
    assert fx.get_policy("kab-sleman").name == "Kabupaten Sleman (uji A)"


def test_an_edited_policy_file_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kab-sleman.toml"
    path.write_text(USER_POLICY, encoding="utf-8")
    monkeypatch.setenv("FLEXASN_POLICY_PATH", str(tmp_path))
    assert fx.get_policy("kab-sleman").name == "Kabupaten Sleman (uji A)"
    first = path.stat()
    # the same size, a later modification time
    path.write_text(USER_POLICY.replace("uji A", "uji B"), encoding="utf-8")
    os.utime(path, ns=(first.st_atime_ns, first.st_mtime_ns + 10**9))
    assert fx.get_policy("kab-sleman").name == "Kabupaten Sleman (uji B)"
    # another size, the same modification time as before
    path.write_text(USER_POLICY.replace("uji A", "uji C, lagi"), encoding="utf-8")
    os.utime(path, ns=(first.st_atime_ns, first.st_mtime_ns + 10**9))
    assert fx.get_policy("kab-sleman").name == "Kabupaten Sleman (uji C, lagi)"


def test_a_file_whose_id_is_not_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kab-bantul.toml"
    path.write_text(USER_POLICY, encoding="utf-8")
    monkeypatch.setenv("FLEXASN_POLICY_PATH", str(tmp_path))
    with pytest.raises(fx.PolicyDataError) as info:
        fx.get_policy("kab-bantul")
    assert (info.value.file, info.value.field) == (str(path), "id")
    assert str(path) in str(info.value)
    assert "id 'kab-sleman' does not match the file name" in str(info.value)


def test_an_administrative_area_of_jakarta_answers_with_the_province_under_its_own_name() -> None:
    for area in ("kota-jakarta-selatan", "kab-kepulauan-seribu"):
        entry = fx.instansi(area)
        p = fx.get_policy(area)
        assert (p.id, p.name, p.province) == (area, entry.name, entry.province)
        assert p.name != fx.get_policy("prov-dki-jakarta").name
        assert p.arrangement == fx.get_policy("prov-dki-jakarta").arrangement


# --- own instruments without a link, readings, rules naming services ---------------------


def test_an_own_instrument_cited_as_a_reading_and_known_from_print() -> None:
    own = {
        "id": "se-bupati-cetak",
        "kind": "surat_edaran_kepala_daerah",
        "short": "SE Bupati Uji 2/2025",
        "year": 2025,
        "title": "Uji",
        "issuer": "Bupati Uji",
        "signed": date(2025, 4, 30),
        "confidence": "single",
        "sources": [{"publisher": "Koran Uji", "published": "2025-05-01"}],
    }
    p = policy(
        arrangement(basis={"instrument": "se-bupati-cetak", "reading": True}), instrument=[own]
    )
    basis = p.arrangement[0].citation()
    assert (basis.instrument, basis.url, basis.reading) == ("se-bupati-cetak", None, True)
    assert basis.text("en") == "SE Bupati Uji 2/2025 (flexasn's reading) [single]"


def test_a_rule_naming_services_describes_them_all() -> None:
    p = policy(arrangement(quota=[{"services": ["esensial", "langsung"], "percent": "5"}]))
    assert p.arrangement[0].quota[0].describe() == "services=esensial,langsung 5%"
