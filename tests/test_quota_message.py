"""Why a quota has no number, in Indonesian and English (issue 13, "one voice"): the
``Quota.message`` words and the strict error's ``message("id")`` are the catalogue's, never
English only; ``Quota.detail`` stays the English words."""

from __future__ import annotations

import json
from datetime import date

import pytest

import flexasn as fx
from builders import MON, SAT, TUE, arrangement, hand_quota, opd, policy, span
from common import messages
from flexasn.quotas import QuotaStatus, quota_terms, raise_undefined

PERMEN_8 = "Permen PANRB 4/2025 Pasal 8 [single]"  # builders.BASIS; the article is [single]


def test_a_proportion_left_to_the_head_of_agency_is_said_in_both_languages() -> None:
    q = fx.quota(opd(), MON, policy=policy(arrangement()), strict=False)
    assert (q.status, q.limit) == (QuotaStatus.UNDEFINED, None)
    assert (
        q.message("en")
        == q.detail
        == (
            f"kab-uji: {PERMEN_8} leaves the proportion of remote staff to the head of agency "
            "(arrangement 'uji', 2025-05-05); no quota for OPD X"
        )
    )
    assert (
        q.message()
        == q.message("id")
        == (
            f"kab-uji: {PERMEN_8} menyerahkan proporsi pegawai yang bekerja jarak jauh kepada "
            "pimpinan instansi (pengaturan 'uji', 2025-05-05); tidak ada kuota bagi OPD X"
        )
    )
    with pytest.raises(fx.QuotaUndefinedError) as info:
        fx.quota(opd(), MON, policy=policy(arrangement()))
    assert messages(info.value) == {"id": q.message("id"), "en": q.message("en")}


def test_an_unknown_decision_is_said_in_both_languages() -> None:
    p = policy(arrangement("belum", "decision_unknown", [span(TUE)]))
    q = fx.quota(opd(), TUE, policy=p, strict=False)
    assert q.message("id") == (
        f"kab-uji: keputusan untuk 2025-05-06 belum diketahui (pengaturan 'belum', {PERMEN_8}); "
        "kuota tidak dapat diberikan bagi OPD X"
    )
    with pytest.raises(fx.QuotaUndefinedError) as info:
        fx.quota(opd(), TUE, policy=p)
    assert messages(info.value)["id"] == q.message("id")
    assert messages(info.value)["en"] == q.detail


def test_a_quota_with_a_number_has_no_message() -> None:
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    q = fx.quota(opd(), MON, policy=p)
    assert (q.limit, q.detail, q.message("id"), q.message("en")) == (20, None, None, None)


def test_a_callers_own_detail_is_given_as_written() -> None:
    # A Quota built by a caller (read back from a report) with words of its own: flexasn
    # does not pretend to translate them.
    q = hand_quota(
        arrangement="uji",
        basis=fx.cite("permen-panrb-4-2025", "Pasal 8"),
        detail="menunggu SE bupati",
    )
    assert q.message("id") == q.message("en") == "menunggu SE bupati"
    with pytest.raises(fx.QuotaUndefinedError) as info:
        raise_undefined(q, (2025, 2026, 2027))
    assert str(info.value) == "menunggu SE bupati"


def test_a_quota_read_back_from_json_keeps_both_languages() -> None:
    q = fx.quota(opd(), MON, policy=policy(arrangement()), strict=False)
    back = fx.Quota.model_validate_json(q.model_dump_json())
    assert back.message("id") == q.message("id") and back.message("en") == q.detail


def test_an_unknown_language_is_refused() -> None:
    q = fx.quota(opd(), MON, policy=policy(arrangement()), strict=False)
    with pytest.raises(fx.UnknownLanguageError):
        q.message("fr")  # type: ignore[arg-type]
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    with pytest.raises(fx.UnknownLanguageError):  # even where there is nothing to say
        fx.quota(opd(), MON, policy=p).message("fr")  # type: ignore[arg-type]


def test_a_negative_onsite_requirement_is_refused_on_a_day_off_too() -> None:
    # Saturday 10 May 2025 is no working day: no rule reads the count, yet -1 staff on
    # site is a wrong argument whatever the day, and the error says so in its own words
    # (before: the Quota model's message about a field).
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    with pytest.raises(fx.InvalidInputError) as info:
        fx.quota(opd(), SAT, policy=p, onsite_required=-1)
    assert messages(info.value) == {
        "id": "onsite_required tidak boleh negatif (diberikan -1)",
        "en": "onsite_required must not be negative (got -1)",
    }


# --- found by mutation testing (make mutate, 1 Dec 2026) --------------------------------


def test_beyond_the_calendar_the_quota_says_why_in_indonesian() -> None:
    # 2028 has no SKB yet (LAW.md §4: 2025-2027 decreed): no quota, in both languages.
    q = fx.quota(opd(), date(2028, 5, 3), policy=policy(arrangement()), strict=False)
    assert q.reason == "coverage"
    assert q.message("id") == (
        "2028-05-03: belum ditetapkan apakah hari itu hari kerja ASN (di luar tahun kalender "
        "yang sudah ditetapkan, atau hari libur perkiraan); kuota tidak dapat diberikan bagi "
        "OPD X"
    )
    assert q.message("en") == q.detail


def test_a_callers_quota_without_an_arrangement_keeps_its_words() -> None:
    # reason "undefined" and a basis, but no arrangement named: nothing to say it again
    # from, so the caller's detail stands (and nothing fails on the missing arrangement).
    q = hand_quota(basis=fx.cite("permen-panrb-4-2025", "Pasal 8"), detail="lihat SE daerah")
    assert q.message("id") == q.message("en") == "lihat SE daerah"


def test_a_reason_code_flexasn_does_not_write_is_never_translated() -> None:
    # A caller's own reason code with the very words of flexasn's English: the words are
    # the caller's, given as written in both languages (only flexasn's codes are said again).
    english = (
        f"kab-uji: {PERMEN_8} leaves the proportion of remote staff to the head of agency "
        "(arrangement 'uji', 2025-05-05); no quota for OPD X"
    )
    q = hand_quota(
        reason="menunggu_bupati",
        arrangement="uji",
        basis=fx.cite("permen-panrb-4-2025", "Pasal 8"),
        detail=english,
    )
    assert q.message("id") == english


def test_the_terms_detail_names_the_policy() -> None:
    terms = quota_terms(policy(arrangement()), MON, "bkad", fx.ServiceCategory.NON_DIRECT)
    assert terms.detail is not None and terms.detail.startswith(f"kab-uji: {PERMEN_8} leaves")


def test_terms_refuse_a_negative_onsite_count_by_its_name() -> None:
    # QuotaTerms.limit (the planner's and the simulation's path) checks it too.
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    terms = quota_terms(p, MON, "bkad", fx.ServiceCategory.NON_DIRECT)
    assert terms.limit(opd(), 3) == 20  # min(floor(40 x 50 %), 40 - 3)
    with pytest.raises(fx.InvalidInputError) as info:
        terms.limit(opd(), -2)
    assert messages(info.value) == {
        "id": "onsite_required tidak boleh negatif (diberikan -2)",
        "en": "onsite_required must not be negative (got -2)",
    }


def test_the_quota_json_gives_why_in_both_languages_and_reads_back() -> None:
    # What the web service (/v1/quotas) and `flexasn quota --format json` write: the
    # reasons of a quota without a number in Indonesian and English, as a decision's
    # reasons are; a quota with a number has none.
    q = fx.quota(opd(), MON, policy=policy(arrangement()), strict=False)
    data = json.loads(q.model_dump_json())
    assert data["messages"] == {"id": q.message("id"), "en": q.detail}
    assert data["messages"]["id"].endswith("tidak ada kuota bagi OPD X")
    assert fx.Quota.model_validate(data) == q  # derived: read back from the other fields
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    assert json.loads(fx.quota(opd(), MON, policy=p).model_dump_json())["messages"] is None
