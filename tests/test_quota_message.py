"""Why a quota has no number, in Indonesian and English (issue 13, "one voice"): the
``Quota.message`` words and the strict error's ``message("id")`` are the catalogue's, never
English only; ``Quota.detail`` stays the English words."""

from __future__ import annotations

import pytest

import flexasn as fx
from builders import MON, SAT, TUE, arrangement, hand_quota, opd, policy, span
from common import messages
from flexasn.quotas import QuotaStatus, raise_undefined

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
