"""Quota answers that mutation testing (issue 12) found no test pinned: why a quota has no
number on an estimated holiday, and the message of a quota without a number built by hand."""

from __future__ import annotations

from datetime import date

import pytest

import flexasn as fx
from builders import arrangement, hand_quota, opd, policy, span
from common import messages
from flexasn.quotas import QuotaStatus, raise_undefined

# LAW.md §4: the 2027 decree lists Idul Fitri 1448 H on 10-11 March 2027 and Idul Adha on
# 17 May 2027, but leaves them to the Minister of Religious Affairs' later decision: in a
# covered year, whether those days are working days is not decreed yet.
IDUL_FITRI_1448 = (date(2027, 3, 10), date(2027, 3, 11))


def _permitting(first: date, last: date) -> fx.Policy:
    """A made-up kabupaten whose dated arrangement lets 50 % of every OPD out."""
    return policy(arrangement(days=[span(first, last)], quota=[{"default": True, "percent": 50}]))


@pytest.mark.parametrize("day", IDUL_FITRI_1448)
def test_an_estimated_holiday_gives_no_quota_and_says_the_day_is_not_decreed(day: date) -> None:
    # The arrangement sets 50 %, so the proportion is not what is missing: the day is.
    p = _permitting(date(2027, 3, 1), date(2027, 3, 31))
    q = fx.quota(opd(), day, policy=p, strict=False)
    assert (q.status, q.reason, q.limit) == (QuotaStatus.UNKNOWN, "estimated_holiday", None)
    assert q.detail is not None
    assert q.detail.startswith(f"{day.isoformat()}: whether it is an ASN working day is not")
    assert "not decreed yet" in q.detail and "OPD X" in q.detail
    assert "head of agency" not in q.detail  # the arrangement does set the proportion
    # strict: the same reason as the error's message (2027 is covered: not a coverage error)
    with pytest.raises(fx.QuotaUndefinedError) as info:
        fx.quota(opd(), day, policy=p)
    assert not isinstance(info.value, fx.QuotaCoverageError)
    # the error says it in both languages (issue 13: one voice), English as ``detail``
    assert messages(info.value) == {
        "id": f"{day.isoformat()}: belum ditetapkan apakah hari itu hari kerja ASN (di luar "
        "tahun kalender yang sudah ditetapkan, atau hari libur perkiraan); kuota tidak dapat "
        "diberikan bagi OPD X",
        "en": q.detail,
    }
    assert q.message("id") == messages(info.value)["id"] and q.message("en") == q.detail


def test_a_quota_without_a_number_or_a_detail_names_the_opd_and_the_day() -> None:
    # A Quota a caller builds: status undefined, no detail. The strict error falls back on
    # the catalogue's words (locale quota_input.undefined), naming the OPD and the day.
    q = hand_quota()  # Monday 5 May 2025, OPD X, status undefined, no detail
    with pytest.raises(fx.QuotaUndefinedError) as info:
        raise_undefined(q, (2025, 2026, 2027))
    assert not isinstance(info.value, fx.QuotaCoverageError)
    assert messages(info.value) == {
        "id": "tidak ada kuota bagi OPD X pada 2025-05-05",
        "en": "no quota for OPD X on 2025-05-05",
    }


def test_a_quota_with_a_number_raises_nothing() -> None:
    q = hand_quota(status=QuotaStatus.SET, percent=50, onsite_required=0, limit=20, reason="rule")
    raise_undefined(q, (2025,))  # a limit of 20: nothing to raise


def test_a_negative_onsite_requirement_is_refused_with_its_own_words() -> None:
    # Monday 5 May 2025 under a 50 % rule: the limit needs the on-site count, and -1 staff
    # cannot be kept on site; the error names the argument and the value given.
    p = _permitting(date(2025, 5, 5), date(2025, 5, 9))
    with pytest.raises(fx.InvalidInputError) as info:
        fx.quota(opd(), date(2025, 5, 5), policy=p, onsite_required=-1)
    assert messages(info.value) == {
        "id": "onsite_required tidak boleh negatif (diberikan -1)",
        "en": "onsite_required must not be negative (got -1)",
    }
