"""`flexasn.rules` answers that mutation testing (issue 12) found no test pinned: the
standing arrangement that counts a day when no in-force record is given."""

from __future__ import annotations

from datetime import date

from builders import FRI, arrangement, policy, span
from flexasn.plan import OpdDay
from flexasn.rules import standing_of

WEEKS = [span(date(2025, 4, 21), date(2025, 6, 30))]


def test_without_an_in_force_record_only_a_standing_arrangement_counts_itself() -> None:
    # LAW.md §3a: a standing arrangement's weekly limit counts the days it governs; a
    # weekly arrangement's day counts only where an in-force record names a standing one
    # beside it. Without that record there is none.
    p = policy(
        arrangement("tetap", "standing", WEEKS, weekly_limit=2),
        arrangement("jumat", "weekly", WEEKS, weekdays=["friday"], continuation="ends"),
    )
    tetap, jumat = p.arrangement
    assert standing_of(tetap, None) is tetap
    assert standing_of(jumat, None) is None
    assert standing_of(None, None) is None
    # an OpdDay built without its in-force record: the weekly day has no weekly limit
    day = OpdDay(FRI, "quota_undefined", None, jumat, None)
    assert day.weekly_limit is None
    assert OpdDay(FRI, "rule", 20, tetap, None).weekly_limit == 2
