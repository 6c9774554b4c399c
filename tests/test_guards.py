"""Guards found by mutation testing (issue 12, `make mutate`): each test pins a behaviour
that a surviving mutant changed without any other test noticing.

Expected values come from the law (LAW.md) or from the function's documented contract,
worked out by hand; the mutant each test kills is named in its docstring.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import flexasn as fx
from builders import FRI, MON, NIPS, THU, TUE, WED, arrangement, opd, policy, span, staff
from common import assert_decision, write_text
from flexasn.calendar import SpanTooLongError, check_span
from flexasn.check import validate_schedule
from flexasn.errors import ArgumentTypeError
from flexasn.plan import check_roster
from flexasn.policy import Notes, national_policy
from flexasn.schedule import Schedule

# --- calendar ---------------------------------------------------------------------------


def test_a_span_too_long_speaks_indonesian_by_default_and_english_in_str() -> None:
    """`SpanTooLongError.message` defaults to Indonesian; `str()` is English (developers'
    logs); both name the span, its length and the limit."""
    with pytest.raises(SpanTooLongError) as caught:
        check_span(date(2025, 1, 1), date(2025, 1, 10), limit=7)
    err = caught.value
    assert (err.days, err.limit) == (10, 7)
    assert (
        err.message()
        == err.message("id")
        == (
            "rentang 2025-01-01..2025-01-10 berisi 10 hari, melebihi batas 7 hari sekali tanya; "
            "bagi rentangnya (misalnya per tahun)"
        )
    )
    assert (
        str(err)
        == err.message("en")
        == (
            "the span 2025-01-01..2025-01-10 has 10 days, more than the limit of 7 days at once; "
            "split it (for example year by year)"
        )
    )


def test_thousands_in_a_span_error_use_each_languages_separator() -> None:
    with pytest.raises(SpanTooLongError) as caught:
        check_span(date(2020, 1, 1), date(2025, 12, 31), limit=1000)
    # 2020-01-01..2025-12-31: 6 years with two leap years (2020, 2024) = 2,192 days
    assert "2.192 hari" in caught.value.message("id") and "1.000 hari" in caught.value.message()
    assert "2,192 days" in str(caught.value) and "1,000 days" in str(caught.value)


def test_national_flexible_days_are_strict_by_default() -> None:
    """Beyond the decreed years the national flexible-work days are not known: the calendar
    raises `CoverageError` unless the caller asks for an estimate (DESIGN.md, Calendar)."""
    with pytest.raises(fx.CoverageError):
        fx.flexible_work_days(2099, cited=True)
    with pytest.raises(fx.CoverageError):
        fx.flexible_work_days(2099)
    assert fx.flexible_work_days(2099, strict=False, cited=True) == ()


# --- decisions and quotas: argument types -----------------------------------------------

UNIT = opd(headcount=10)


def test_known_on_must_be_a_date_in_every_answer() -> None:
    """`known_on` is checked like every other date argument (issue 12, the boundary)."""
    p = policy(arrangement())
    with pytest.raises(ArgumentTypeError, match="known_on"):
        fx.eligible_for_wfa(staff(), UNIT, MON, policy=p, known_on="2025-05-01")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="known_on"):
        fx.quota(UNIT, MON, policy=p, known_on="2025-05-01")  # type: ignore[arg-type]


def test_onsite_required_must_be_an_int() -> None:
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    with pytest.raises(ArgumentTypeError, match="onsite_required"):
        fx.quota(UNIT, MON, policy=p, onsite_required="2")  # type: ignore[arg-type]


def test_a_roster_check_names_the_opd_argument() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        check_roster("X", [staff()], "employees")  # type: ignore[arg-type]
    assert str(caught.value) == "opd must be an Opd, not str"


def test_a_quota_without_a_number_has_no_percent_and_no_onsite_figure() -> None:
    """`Quota`'s contract: limit, percent and onsite_required are None together, exactly
    where the status is undefined or unknown."""
    base = {"day": MON, "opd": "X", "instansi": "kab-uji", "policy": "kab-uji", "headcount": 10}
    with pytest.raises(ValueError, match="percent and onsite_required"):
        fx.Quota(status=fx.QuotaStatus.SET, limit=5, percent=None, onsite_required=0,
                 reason="rule", **base)  # fmt: skip
    with pytest.raises(ValueError, match="percent and onsite_required"):
        fx.Quota(status=fx.QuotaStatus.UNDEFINED, limit=None, percent=None, onsite_required=1,
                 reason="undefined", **base)  # fmt: skip
    q = fx.Quota(status=fx.QuotaStatus.UNKNOWN, reason="unknown", **base)
    assert q.formula() == "- (unknown)"


# --- policies -----------------------------------------------------------------------------


def test_notes_are_indonesian_by_default() -> None:
    notes = Notes(notes="in English", notes_id="dalam bahasa Indonesia")
    assert notes.note() == "dalam bahasa Indonesia"
    assert notes.note("en") == "in English"


# The national WFH Fridays of 2026 are known until 17 July 2026 (SE MenPANRB 3/2026 and its
# extension, LAW.md §3a); their continuation is not known.
LAST_KNOWN_FRIDAY = date(2026, 7, 17)


def test_the_continuation_of_a_weekly_arrangement_is_a_dated_unknown() -> None:
    """After its last known day, a weekly arrangement whose continuation is unknown answers
    as `decision_unknown` (DESIGN.md): a stand-in from the day after its last known day to
    the day asked, with no modes and no quota, citing the arrangement it continues."""
    day = date(2026, 8, 7)  # a Friday three weeks later
    in_force = fx.get_policy("kab-malang").in_force(day)
    a = in_force.arrangement
    assert a is not None and in_force.continued and in_force.national
    assert a.kind is fx.ArrangementKind.DECISION_UNKNOWN
    assert a.id.endswith("-lanjutan")
    assert [(s.first_day, s.last_day) for s in a.days] == [
        (LAST_KNOWN_FRIDAY + timedelta(days=1), day)
    ]
    assert a.modes == () and a.quota == ()


def test_a_weekly_arrangement_does_not_continue_on_its_own_last_day() -> None:
    """`continues_unknown` is about the days *after* the last known day."""
    friday = next(
        a
        for a in national_policy().arrangement
        if a.kind is fx.ArrangementKind.WEEKLY and a.last_day == LAST_KNOWN_FRIDAY
    )
    assert friday.continuation == "unknown"
    assert not friday.continues_unknown(LAST_KNOWN_FRIDAY)
    assert friday.continues_unknown(LAST_KNOWN_FRIDAY + timedelta(days=7))
    assert not friday.continues_unknown(LAST_KNOWN_FRIDAY + timedelta(days=6))  # a Thursday


# --- schedules: a standing limit beside a weekly day whose proportion is open -------------


def test_a_day_out_whose_answer_is_open_still_counts_toward_the_weekly_limit() -> None:
    """Permen PANRB 4/2025 Pasal 13: at most two remote days a week under a standing
    arrangement. A weekly day in force beside it (here Wednesdays, proportion left to the
    head) is reported as undetermined for whoever is put out on it, and the day still
    counts toward the week (LAW.md §3a): out Monday, Wednesday and Thursday is over the
    limit on Thursday."""
    p = policy(
        arrangement(
            "tetap",
            "standing",
            [span(date(2025, 4, 21), date(2025, 6, 30))],
            modes=["wfh"],
            weekly_limit=2,
            quota=[{"default": True, "percent": "50"}],
        ),
        arrangement("rabu", "weekly", [span(MON, FRI)], weekdays=["wednesday"], modes=["wfh"]),
    )
    unit = opd(headcount=4)
    roster = [staff(n) for n in NIPS[:4]]
    nip = NIPS[1]
    out = {nip: fx.WorkMode.WFH}
    remote = {MON: out, WED: out, THU: out}
    s = Schedule.model_validate(
        {
            "opd": "X",
            "first_day": MON,
            "last_day": FRI,
            "employees": [e.nip for e in roster],
            "days": [{"day": d, "remote": remote.get(d, {})} for d in (MON, TUE, WED, THU, FRI)],
        }
    )
    found = [(v.check, v.day, v.nip, v.key) for v in validate_schedule(s, unit, roster, policy=p)]
    assert found == [
        (fx.Check.OPD_ALLOWED, WED, nip, "roster.undetermined"),
        (fx.Check.WEEKLY_LIMIT, THU, nip, "roster.weekly_limit"),
    ]


def test_an_unknown_language_is_one_clear_error_on_answers_too() -> None:
    """Issue 13: an unknown language is `UnknownLanguageError` everywhere, never a bare
    `KeyError` from inside a table."""
    p = policy(arrangement(quota=[{"default": True, "percent": "50"}]))
    d = fx.eligible_for_wfa(staff(), UNIT, MON, policy=p)
    with pytest.raises(fx.UnknownLanguageError):
        d.explain("jv")  # type: ignore[arg-type]
    s = Schedule.model_validate(
        {
            "opd": "X",
            "first_day": MON,
            "last_day": MON,
            "employees": [NIPS[0]],
            "days": [{"day": MON, "remote": {NIPS[0]: fx.WorkMode.WFH}}],
        }
    )
    (v,) = validate_schedule(s, opd(headcount=1), [staff(NIPS[0], is_head=True)], policy=p)
    with pytest.raises(fx.UnknownLanguageError):
        v.message("jv")  # type: ignore[arg-type]


# --- the planner's and the simulation's shared decisions read the position ----------------

# Friday 10 April 2026: the national WFH Friday (SE MenPANRB 3/2026) reaches every regional
# government; SE Mendagri keeps structural officials of a kabupaten on site that day, and
# leaves the proportion of the others to the head (LAW.md §3a): kab-sleman has no data of
# its own, so the executor's answer is undetermined and the structural official's denied.
WFH_FRIDAY = date(2026, 4, 10)
SLEMAN = fx.Opd(
    code="X",
    name="OPD uji",
    instansi="kab-sleman",
    kind="bkad",
    service=fx.ServiceCategory.NON_DIRECT,
    headcount=2,
)


@pytest.mark.parametrize("structural_first", [False, True])
def test_a_structural_official_and_an_executor_are_never_answered_alike(
    structural_first: bool,
) -> None:
    """Both orders of the roster: a cache shared by employees with the same facts must
    count the position among them (role_onsite reads it)."""
    executor = fx.Employee(nip=NIPS[0], opd="X")
    structural = fx.Employee(nip=NIPS[1], opd="X", position=fx.PositionType.STRUCTURAL)
    roster = [structural, executor] if structural_first else [executor, structural]
    assert_decision(fx.eligible_for_wfa(executor, SLEMAN, WFH_FRIDAY), fx.Outcome.UNDETERMINED)
    assert_decision(fx.eligible_for_wfa(structural, SLEMAN, WFH_FRIDAY), fx.Outcome.DENIED)
    s = Schedule.model_validate(
        {
            "opd": "X",
            "first_day": WFH_FRIDAY,
            "last_day": WFH_FRIDAY,
            "employees": [e.nip for e in roster],
            "days": [{"day": WFH_FRIDAY, "remote": {e.nip: fx.WorkMode.WFH for e in roster}}],
        }
    )
    found = {v.nip: (v.check, v.key) for v in validate_schedule(s, SLEMAN, roster)}
    assert found == {
        executor.nip: (fx.Check.OPD_ALLOWED, "roster.undetermined"),
        structural.nip: (fx.Check.ROLE_ONSITE, "roster.ineligible"),
    }
    (row,) = fx.simulate([SLEMAN], roster, WFH_FRIDAY, WFH_FRIDAY).rows()
    assert (row["eligible"], row["undetermined"], row["denied"]) == (0, 1, 1)


def test_a_workforce_frame_reads_the_position() -> None:
    pd = pytest.importorskip("pandas")
    from flexasn.simulate import workforce_from_frame

    frame = pd.DataFrame({"opd": ["X", "X"], "position": ["pelaksana", "struktural"]})
    wf = workforce_from_frame([SLEMAN], frame, WFH_FRIDAY, WFH_FRIDAY)
    (row,) = fx.simulate([SLEMAN], wf, WFH_FRIDAY, WFH_FRIDAY).rows()
    assert (row["eligible"], row["undetermined"], row["denied"]) == (0, 1, 1)
    bad = pd.DataFrame({"opd": ["X", "X"], "position": ["pelaksana", "eselon"]})
    with pytest.raises(fx.InvalidInputError, match="column 'position', row 1"):
        workforce_from_frame([SLEMAN], bad, WFH_FRIDAY, WFH_FRIDAY)


def test_every_decreed_day_off_has_a_name_in_both_languages() -> None:
    """The working-day check names the holiday or cuti bersama it fails on (Perpres
    21/2023 Pasal 3, the SKB and Keppres of each year): every one has a name."""
    from flexasn.calendar import covered_years, day_info

    for year in covered_years():
        day = date(year, 1, 1)
        while day.year == year:
            info = day_info(day)
            if info.kind in (fx.DayKind.NATIONAL_HOLIDAY, fx.DayKind.CUTI_BERSAMA):
                assert info.name_id and info.name_en, day
            day += timedelta(days=1)


# --- the per-day cache of decide: its rules never read the employee -----------------------


class _NoEmployee:
    """Stands in for the employee (or the OPD): any look at it fails the test."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"a shared rule read the employee's {name!r}")

    def __bool__(self) -> bool:
        raise AssertionError("a shared rule read whether the day is a duty day")


@pytest.mark.parametrize(
    ("instansi", "day"),
    [
        ("kab-malang", date(2025, 3, 24)),  # a dated window with service quotas
        ("kab-sleman", WFH_FRIDAY),  # the national weekly WFH Friday, structural on site
        ("kota-batu", date(2025, 3, 24)),  # no flexible work at all
        ("nasional", date(2025, 5, 5)),  # the standing arrangement of Permen 4/2025
        ("kab-malang", date(2025, 3, 22)),  # a Saturday
        ("kab-malang", date(2030, 1, 7)),  # beyond the decreed years
    ],
)
def test_the_rules_made_once_per_day_or_opd_never_read_the_employee(
    instansi: str, day: date
) -> None:
    """`decide.DAY_RULES` and `decide.OPD_RULES` are answered once per policy, day and OPD
    and shared by every employee: a rule there that read the employee (its position, its
    duty days, ...) would give one employee's answer to all."""
    import dataclasses

    from flexasn.decide import DAY_RULES, OPD_RULES, situation

    unit = SLEMAN.model_copy(update={"instansi": instansi})
    s = situation(fx.Employee(nip=NIPS[0], opd="X"), unit, day, fx.get_policy(instansi))
    no = _NoEmployee()
    blind = dataclasses.replace(s, employee=no, profile=no, on_duty=no, shared=None)  # type: ignore[arg-type]
    for rule in DAY_RULES | OPD_RULES:
        assert rule(blind) == rule(dataclasses.replace(s, shared=None))


@pytest.mark.parametrize(
    ("instansi", "day"),
    [
        ("kab-malang", date(2025, 3, 24)),
        ("kab-sleman", WFH_FRIDAY),
        ("nasional", date(2025, 5, 5)),
        ("kab-malang", date(2025, 3, 22)),
    ],
)
def test_the_rules_made_once_per_profile_never_read_the_opd_or_the_person(
    instansi: str, day: date
) -> None:
    """`decide.PROFILE_RULES` are answered once per policy, day, profile and duty, and shared
    by every OPD and every person with that profile: a rule there that read the OPD or the
    person (their NIP) would give one's answer to all."""
    import dataclasses

    from flexasn.decide import PROFILE_RULES, situation

    unit = SLEMAN.model_copy(update={"instansi": instansi})
    s = situation(fx.Employee(nip=NIPS[0], opd="X"), unit, day, fx.get_policy(instansi))
    blind = dataclasses.replace(s, employee=_NoEmployee(), opd=_NoEmployee(), shared=None)  # type: ignore[arg-type]
    for rule in PROFILE_RULES:
        assert rule(blind) == rule(dataclasses.replace(s, shared=None))


def test_check_coverage_reads_the_decrees_known_then() -> None:
    """`calendar.check_coverage`: the cuti bersama of 2026 were decreed in the SKB of 2025
    (LAW.md §4), after 1 June 2025; as known that day, 2026 is not covered."""
    from flexasn.calendar import check_coverage

    assert check_coverage(date(2026, 6, 1)) is True
    assert check_coverage(date(2026, 6, 1), known_on=date(2025, 6, 1), strict=False) is False
    with pytest.raises(fx.CoverageError):
        check_coverage(date(2026, 6, 1), known_on=date(2025, 6, 1))
    with pytest.raises(fx.CoverageError):
        check_coverage(date(2099, 1, 1))
    assert check_coverage(date(2099, 1, 1), strict=False) is False


def test_check_coverage_names_a_bad_argument() -> None:
    from flexasn.calendar import check_coverage

    with pytest.raises(ArgumentTypeError) as caught:
        check_coverage("2025-01-01")  # type: ignore[arg-type]
    assert str(caught.value).startswith("day must be a date")
    with pytest.raises(ArgumentTypeError) as caught:
        check_coverage(date(2025, 1, 1), known_on="2025-01-01")  # type: ignore[arg-type]
    assert str(caught.value).startswith("known_on must be a date")


def test_two_policies_on_the_same_day_never_share_a_day_context() -> None:
    """The per-day context is the policy's own: on 24 March 2025 Kab. Malang permits
    WFH/WFA (its regent's circular) while Kota Batu decided no flexible work at all
    (LAW.md §5); asking one right after the other answers each by its own policy."""
    day = date(2025, 3, 24)
    employee = fx.Employee(nip=NIPS[0], opd="X")
    malang = SLEMAN.model_copy(update={"instansi": "kab-malang", "headcount": 40})
    batu = SLEMAN.model_copy(update={"instansi": "kota-batu", "headcount": 40})
    first = fx.eligible_for_wfa(employee, malang, day)
    second = fx.eligible_for_wfa(employee, batu, day)
    assert (first.outcome, second.outcome) == (fx.Outcome.ALLOWED, fx.Outcome.DENIED)
    assert second.reason(fx.Check.FLEXIBLE_PERIOD).passed is False
    assert fx.eligible_for_wfa(employee, malang, day).outcome is fx.Outcome.ALLOWED


OVERLAP = """
id = "kab-uji"
name = "Pemerintah Kabupaten Uji"
level = "kabupaten"

[[arrangement]]
id = "pertama"
kind = "dated"
days = [{ first_day = 2025-05-05, last_day = 2025-05-09 }]
modes = ["wfh"]
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 8" }
confidence = "reported"

[[arrangement]]
id = "kedua"
kind = "no_flexible_work"
days = [{ first_day = 2025-05-07, last_day = 2025-05-12 }]
basis = { instrument = "permen-panrb-4-2025", article = "Pasal 8" }
confidence = "reported"
"""


def test_a_conflict_names_both_arrangements_their_day_and_lines(tmp_path: Path) -> None:
    """Two dated arrangements of one file that disagree on 7-9 May 2025 (equal rank): the
    error names both, the first shared day, and each one's line, from a file or from data."""
    import tomllib

    from flexasn.policy import parse_policy

    path = write_text(tmp_path, "kab-uji.toml", OVERLAP)
    with pytest.raises(fx.PolicyConflictError) as caught:
        fx.load_policy(path)
    err = caught.value
    assert (tuple(err.rules), err.day, err.lines) == (
        ("pertama", "kedua"),
        date(2025, 5, 7),
        (7, 15),
    )
    with pytest.raises(fx.PolicyConflictError) as caught:
        parse_policy(tomllib.loads(OVERLAP), "data")  # no text: no lines to name
    assert (tuple(caught.value.rules), caught.value.day) == (("pertama", "kedua"), date(2025, 5, 7))
