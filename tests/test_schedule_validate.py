"""validate_schedule catches each violation planted in an otherwise lawful hand-made schedule;
schedules round-trip through JSON and CSV; the per-day summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import flexasn as fx
from flexasn.check import Violation, validate_schedule
from flexasn.plan import plan_rotation, summarize
from flexasn.schedule import (
    Schedule,
    read_schedule_csv,
    read_schedule_json,
    write_schedule_csv,
    write_schedule_json,
    write_summary_csv,
)

STANDING = fx.load_policy(
    Path(__file__).resolve().parent.parent / "examples" / "policies" / "standing-example.toml"
)
HEAD, FRONT = 0, 1


def nip(i: int) -> str:
    return f"19800101200501{1 + i % 2}{i:03d}"  # made up


BKAD = fx.Opd(
    code="BKAD",
    name="Badan Keuangan dan Aset Daerah",
    instansi="kab-malang",
    kind="bkad",
    service=fx.ServiceCategory.NON_DIRECT,
    headcount=20,
)
ROSTER = [
    fx.Employee(nip=nip(i), opd="BKAD", is_head=i == HEAD, frontline=i == FRONT) for i in range(20)
]
START, END = date(2025, 3, 24), date(2025, 4, 9)  # 28 Mar - 7 Apr off, 8 Apr unknown, 9 Apr none
BASE = plan_rotation(BKAD, ROSTER, START, END)


def edit(
    s: Schedule, day: date, add: dict[str, fx.WorkMode] | None = None, remove: tuple[str, ...] = ()
) -> Schedule:
    """A hand-edited copy of ``s`` (validated as a new schedule)."""
    raw: dict[str, Any] = s.model_dump()
    for d in raw["days"]:
        if d["day"] == day:
            for n in remove:
                del d["remote"][n]
            d["remote"].update(add or {})
    return Schedule.model_validate(raw)


def only(found: tuple[Violation, ...]) -> Violation:
    assert len(found) == 1, [str(v) for v in found]
    return found[0]


def no_nip_in_messages(found: tuple[Violation, ...]) -> None:
    for v in found:
        for text in v.messages.values():
            assert not any(nip(i) in text for i in range(20))


def test_base_is_lawful_and_limited() -> None:
    assert validate_schedule(BASE, BKAD, ROSTER) == ()
    assert [len(BASE.remote_on(date(2025, 3, 24 + k))) for k in range(4)] == [4, 4, 4, 4]
    assert BASE.remote_on(date(2025, 4, 8)) == () == BASE.remote_on(date(2025, 4, 9))


def idle_on(s: Schedule, day: date) -> str:
    """An eligible employee not out that day."""
    return next(n for n in s.employees if n not in s.remote_on(day) and n not in (nip(0), nip(1)))


def test_over_quota() -> None:
    day = date(2025, 3, 24)
    found = validate_schedule(edit(BASE, day, {idle_on(BASE, day): fx.WorkMode.WFA}), BKAD, ROSTER)
    v = only(found)
    assert (v.check, v.day, v.nip) == (fx.Check.QUOTA, day, None)
    assert v.citation is not None and v.citation.instrument == "kebijakan-kab-malang-wfa-2025"
    assert "5" in v.message("id") and "4" in v.message("en")


@pytest.mark.parametrize(
    ("who", "check"), [(HEAD, fx.Check.ROLE_ONSITE), (FRONT, fx.Check.FRONTLINE)]
)
def test_ineligible_employee_out(who: int, check: fx.Check) -> None:
    day = date(2025, 3, 25)
    swap = BASE.remote_on(day)[0]
    planted = edit(BASE, day, {nip(who): fx.WorkMode.WFH}, remove=(swap,))
    v = only(validate_schedule(planted, BKAD, ROSTER))
    assert (v.check, v.day, v.nip, v.failed) == (check, day, nip(who), (check,))
    assert v.key == "roster.ineligible" and v.basis is not None
    no_nip_in_messages((v,))
    assert nip(who)[-4:] in v.message("en")


def test_remote_on_a_day_off() -> None:
    day = date(2025, 3, 28)  # cuti bersama
    v = only(validate_schedule(edit(BASE, day, {nip(5): fx.WorkMode.WFH}), BKAD, ROSTER))
    assert (v.check, v.day, v.nip) == (fx.Check.WORKING_DAY, day, nip(5))
    assert fx.Check.FLEXIBLE_PERIOD in v.failed
    assert "cuti bersama" in v.message("id")


def test_remote_outside_any_arrangement_and_where_the_decision_is_unknown() -> None:
    day = date(2025, 4, 9)
    v = only(validate_schedule(edit(BASE, day, {nip(5): fx.WorkMode.WFH}), BKAD, ROSTER))
    assert (v.check, v.day, v.nip) == (fx.Check.FLEXIBLE_PERIOD, day, nip(5))
    # 8 April 2025: SE MenPANRB 3/2025 applies (inherited); the proportion is the head's
    day = date(2025, 4, 8)
    v = only(validate_schedule(edit(BASE, day, {nip(5): fx.WorkMode.WFH}), BKAD, ROSTER))
    assert (v.check, v.key) == (fx.Check.OPD_ALLOWED, "roster.undetermined")


def test_employee_not_on_roster_and_roster_employee_missing() -> None:
    never = next(n for n in BASE.employees if not BASE.remote_days(n))
    v = only(validate_schedule(BASE, BKAD, [e for e in ROSTER if e.nip != never]))
    assert (v.check, v.day, v.nip, v.key) == (fx.Check.ROSTER, None, never, "roster.not_on_roster")
    partial = plan_rotation(BKAD, ROSTER[:-1], START, END)
    v = only(validate_schedule(partial, BKAD, ROSTER))
    assert (v.check, v.day, v.nip, v.key) == (fx.Check.ROSTER, None, nip(19), "roster.missing")
    no_nip_in_messages((v,))


STANDING_OPD = BKAD.model_copy(update={"instansi": "kab-contoh", "headcount": 10})
STANDING_ROSTER = ROSTER[:10]
MAY = (date(2025, 5, 5), date(2025, 5, 9))


def test_over_the_weekly_limit() -> None:
    s = plan_rotation(STANDING_OPD, STANDING_ROSTER, *MAY, policy=STANDING)
    assert validate_schedule(s, STANDING_OPD, STANDING_ROSTER, policy=STANDING) == ()
    busy = next(n for n in s.employees if len(s.remote_days(n)) == 2)
    day = next(d.day for d in s.days if busy not in d.remote)
    swap = s.remote_on(day)[0]
    planted = edit(s, day, {busy: fx.WorkMode.WFH}, remove=(swap,))
    v = only(validate_schedule(planted, STANDING_OPD, STANDING_ROSTER, policy=STANDING))
    third = sorted([*s.remote_days(busy), day])[2]  # reported on the day that goes over
    assert (v.check, v.day, v.nip) == (fx.Check.WEEKLY_LIMIT, third, busy)
    assert v.basis is not None and v.basis.article == "Pasal 13 ayat (1)"
    # days taken before the schedule count, whether passed or carried by the schedule
    quiet = next(n for n in s.employees if len(s.remote_days(n)) == 1)
    earlier = {quiet: [date(2025, 5, 5), date(2025, 5, 6)]}
    later = plan_rotation(STANDING_OPD, STANDING_ROSTER, date(2025, 5, 7), MAY[1], policy=STANDING)
    assert validate_schedule(later, STANDING_OPD, STANDING_ROSTER, policy=STANDING) == ()
    if later.remote_days(quiet):
        found = validate_schedule(
            later, STANDING_OPD, STANDING_ROSTER, policy=STANDING, history=earlier
        )
        assert {v.check for v in found} == {fx.Check.WEEKLY_LIMIT}


def test_mode_the_arrangement_does_not_allow() -> None:
    only_wfh = STANDING.model_copy(
        update={
            "arrangement": (
                STANDING.arrangement[0].model_copy(update={"modes": (fx.WorkMode.WFH,)}),
            )
        }
    )
    s = plan_rotation(STANDING_OPD, STANDING_ROSTER, *MAY, policy=only_wfh)
    day = MAY[0]
    who = s.remote_on(day)[0]
    planted = edit(s, day, {who: fx.WorkMode.WFA})
    v = only(validate_schedule(planted, STANDING_OPD, STANDING_ROSTER, policy=only_wfh))
    assert (v.check, v.day, v.nip, v.key) == (
        fx.Check.FLEXIBLE_PERIOD,
        day,
        who,
        "roster.mode_not_allowed",
    )


def test_checker_refuses_a_schedule_of_another_opd() -> None:
    other = BKAD.model_copy(update={"code": "LAIN"})
    with pytest.raises(fx.InvalidInputError, match="schedule is for OPD"):
        validate_schedule(BASE, other, [])


# --- files and summary ---------------------------------------------------------------


def test_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "jadwal.json"
    write_schedule_json(BASE, path)
    assert read_schedule_json(path) == BASE
    path.write_text('{"opd": "BKAD"}', encoding="utf-8")
    with pytest.raises(fx.RosterError, match=r"jadwal\.json"):
        read_schedule_json(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(fx.RosterError, match="invalid JSON"):
        read_schedule_json(path)
    raw = BASE.model_dump(mode="json")
    raw["days"][0]["remote"]["198001012005011099"] = "wfh"
    path.write_text(__import__("json").dumps(raw), encoding="utf-8")
    with pytest.raises(fx.RosterError) as err:
        read_schedule_json(path)
    assert "198001012005011099" not in str(err.value)


def test_csv_round_trip_and_hand_made_schedule(tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    write_schedule_csv(BASE, path)
    back = read_schedule_csv(path)
    assert back.employees == BASE.employees
    for d in BASE.days:
        assert back.remote_on(d.day) == BASE.remote_on(d.day)
        for n in BASE.remote_on(d.day):
            assert back.mode(n, d.day) is BASE.mode(n, d.day)
    assert validate_schedule(back, BKAD, ROSTER) == ()
    lines = summarize(back, BKAD)
    assert [line.limit for line in lines[:4]] == [4, 4, 4, 4]
    assert [line.unused for line in lines[:4]] == [0, 0, 0, 0]
    assert back.summary()[0].status == "unplanned"
    # a hand-made sheet: ';' separated, a BOM, upper-case cells, only two days
    sheet = "\ufeffNIP;OPD;2025-03-24;2025-03-26\n" + "".join(
        f"{nip(i)};BKAD;{'WFH' if i in (2, 3) else 'wfo'};{'WFA' if i == 0 else ''}\n"
        for i in range(20)
    )
    path.write_text(sheet, encoding="utf-8")
    hand = read_schedule_csv(path)
    assert (hand.first_day, hand.last_day, len(hand.days)) == (
        date(2025, 3, 24),
        date(2025, 3, 26),
        3,
    )
    v = only(validate_schedule(hand, BKAD, ROSTER))
    assert (v.check, v.day, v.nip) == (fx.Check.ROLE_ONSITE, date(2025, 3, 26), nip(0))


@pytest.mark.parametrize(
    ("text", "row", "column"),
    [
        ("nip,opd,2025-03-24\n123,BKAD,wfo\n", 2, "nip"),
        (f"nip,opd,2025-03-24\n{nip(1)},BKAD,kantor\n", 2, "2025-03-24"),
        (f"nip,opd,24/03/2025\n{nip(1)},BKAD,wfo\n", 1, 3),  # not a known heading: column 3
        (f"nip,opd,2025-03-24\n{nip(1)},BKAD,wfo\n{nip(1)},BKAD,wfh\n", 3, "nip"),
        (f"opd,nip,2025-03-24\n{nip(1)},BKAD,wfo\n", 1, "opd"),
        (f"nip,opd,2025-03-24\n{nip(1)},BKAD\n", 2, None),
    ],
)
def test_bad_schedule_csv(tmp_path: Path, text: str, row: int, column: str | int | None) -> None:
    path = tmp_path / "jadwal.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(fx.RosterError) as err:
        read_schedule_csv(path)
    assert (err.value.file, err.value.row, err.value.column) == (str(path), row, column)
    assert nip(1) not in str(err.value)


def test_summary_for_the_head_of_opd(tmp_path: Path) -> None:
    lines = BASE.summary()
    first = lines[0]
    assert (first.remote, first.wfh, first.wfa, first.onsite, first.limit, first.unused) == (
        4,
        4,
        0,
        16,
        4,
        0,
    )
    assert lines[(date(2025, 4, 8) - START).days].limit is None
    text = BASE.summary_text()
    assert text.splitlines()[0].startswith("tanggal") and "kuota_tersisa" in text
    assert BASE.summary_text("en").splitlines()[0].startswith("day")
    path = tmp_path / "ringkasan.csv"
    write_summary_csv(lines, path, "en")
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith("2025-03-24,4,4,0,16,4,0,")
