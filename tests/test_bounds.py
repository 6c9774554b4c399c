"""Big input, bounded (issue 12, part 4).

A policy spanning years 1-9999 loads (spans are compared, not days), and the functions
that list its days read only the year asked; a cold ``get_policy`` from 16 threads builds
one policy. Timings live in ``benchmarks/`` (``make bench``), not here.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
import flexasn.policy
from flexasn import calendar as cal

# --- a policy spanning years 1-9999 -------------------------------------------------------

HUGE_POLICY = """
id = "kab-contoh-besar"
name = "Kabupaten Contoh Besar (fiktif)"
level = "kabupaten"
timezone = "Asia/Jakarta"

[[arrangement]]
id = "jumat-selamanya"
kind = "weekly"
days = [{ first_day = 0001-01-01, last_day = 9999-12-31 }]
weekdays = ["friday"]
modes = ["wfh"]
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 13 ayat (1)" }
confidence = "reported"

[[arrangement]]
id = "jendela-selamanya"
kind = "dated"
days = [{ first_day = 0001-01-01, last_day = 9999-12-31 }]
modes = ["wfa"]
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 13 ayat (1)" }
confidence = "reported"
"""

SCHEDULE = """
[[work_schedule]]
id = "{id}"
days = [{{ first_day = {first}, last_day = {last} }}]
weekly_total = "37:30"
basis = {{ instrument = "perpres-21-2023", article = "Pasal 4" }}
confidence = "reported"

  [[work_schedule.hours]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = 07:30:00
  end = 16:00:00
  break_minutes = 60
"""


def test_a_policy_spanning_years_1_to_9999_loads(tmp_path: Path) -> None:
    path = tmp_path / "besar.toml"
    path.write_text(HUGE_POLICY, encoding="utf-8")
    policy = fx.load_policy(path)
    assert [a.id for a in policy.arrangement] == ["jumat-selamanya", "jendela-selamanya"]
    assert [(a.first_day, a.last_day) for a in policy.arrangement] == [
        (date(1, 1, 1), date(9999, 12, 31))
    ] * 2
    # the dated window outranks the weekly arrangement on a shared day, at both ends
    for day in (date(1, 1, 5), date(9999, 12, 31)):
        found = policy.arrangement_on(day)
        assert found is not None and found.id == "jendela-selamanya"


def test_equal_rank_arrangements_spanning_every_year_still_conflict(tmp_path: Path) -> None:
    path = tmp_path / "besar.toml"
    text = HUGE_POLICY.replace('kind = "weekly"', 'kind = "dated"').replace(
        'weekdays = ["friday"]\n', ""
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(fx.PolicyConflictError, match="0001-01-01"):
        fx.load_policy(path)


def test_work_schedules_spanning_years_1_to_9999(tmp_path: Path) -> None:
    head = HUGE_POLICY.split("[[arrangement]]")[0]
    apart = SCHEDULE.format(id="a", first="0001-01-01", last="5000-12-31") + SCHEDULE.format(
        id="b", first="5001-01-01", last="9999-12-31"
    )
    path = tmp_path / "jadwal.toml"
    path.write_text(head + apart, encoding="utf-8")
    assert [s.id for s in fx.load_policy(path).work_schedule] == ["a", "b"]
    shared = SCHEDULE.format(id="a", first="0001-01-01", last="9999-12-31") + SCHEDULE.format(
        id="b", first="4000-02-03", last="9999-12-31"
    )
    path.write_text(head + shared, encoding="utf-8")
    with pytest.raises(fx.PolicyDataError, match="both cover 4000-02-03"):
        fx.load_policy(path)


def test_national_flexible_days_read_only_the_year_asked(tmp_path: Path) -> None:
    path = tmp_path / "besar.toml"
    path.write_text(HUGE_POLICY, encoding="utf-8")
    window = fx.load_policy(path).arrangement[1]
    national = fx.get_policy("nasional")
    fx.register_policy(national.model_copy(update={"arrangement": (window,)}))
    try:
        days = cal.flexible_work_days(2025)
    finally:
        fx.unregister_policy("nasional")
    assert days == cal.working_days(date(2025, 1, 1), date(2025, 12, 31))
    assert cal.flexible_work_days(2025)[0] == date(2025, 3, 24)  # the bundled one again


# --- a cold get_policy from 16 threads ------------------------------------------------------


@pytest.mark.parametrize("policy_id", ["kab-malang", "nasional"])
def test_a_cold_get_policy_from_16_threads_builds_one_policy(policy_id: str) -> None:
    flexasn.policy._bundled_policy.cache_clear()
    start = threading.Barrier(16)

    def ask(_: int) -> fx.Policy:
        start.wait()
        return fx.get_policy(policy_id)

    with ThreadPoolExecutor(max_workers=16) as pool:
        got = list(pool.map(ask, range(16)))
    assert all(p is got[0] for p in got)
    assert fx.get_policy(policy_id) is got[0]
