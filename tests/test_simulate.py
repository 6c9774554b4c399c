"""Batch simulation agrees exactly with the one-at-a-time API; scenarios change what they say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from flexasn.roster.cells import duty_days_or_bad_part
from flexasn.scenario import Scenario
from flexasn.simulate import Workforce, simulate

START, END = date(2025, 3, 21), date(2025, 4, 9)


def nip(i: int) -> str:
    # made-up NIPs: born 1980-01-01 .. , TMT 2005-01, sequence i
    return f"19800101200501{1 + i % 2}{i % 1000:03d}"


def opd(code: str, instansi: str, kind: str, service: str, headcount: int) -> fx.Opd:
    return fx.Opd(
        code=code,
        name=f"OPD {code}",
        instansi=instansi,
        kind=kind,
        service=fx.ServiceCategory(service),
        headcount=headcount,
    )


OPDS = [
    opd("A", "kab-malang", "bkad", "tidak_langsung", 12),
    opd("B", "kab-malang", "sekolah", "langsung", 9),
    opd("C", "kota-malang", "bappeda", "tidak_langsung", 40),
    opd("D", "kota-malang", "dinkes", "esensial", 8),
    opd("E", "prov-banten", "rsud", "esensial", 30),
    opd("F", "nasional", "lainnya", "tidak_langsung", 10),
]

employee_facts = st.fixed_dictionaries(
    {
        "opd": st.sampled_from([o.code for o in OPDS]),
        "is_head": st.booleans(),
        "frontline": st.booleans(),
        "discipline": st.sampled_from(fx.DisciplineStatus),
        "new_in_post": st.booleans(),
        "duty_days": st.frozensets(st.dates(START, END), max_size=2),
    }
)


def build(facts: Sequence[Mapping[str, object]]) -> list[fx.Employee]:
    return [fx.Employee.model_validate({"nip": nip(i), **f}) for i, f in enumerate(facts)]


@settings(max_examples=25, deadline=None)
@given(st.lists(employee_facts, max_size=25))
def test_rows_agree_with_eligible_for_wfa_and_max_remote(facts: list[dict[str, object]]) -> None:
    employees = build(facts)
    sim = simulate(OPDS, employees, START, END)
    rows = sim.rows()
    assert len(rows) == len(OPDS) * 20  # 20 days x 6 OPDs
    by_opd = {o.code: o for o in OPDS}
    for row in rows:
        o = by_opd[row["opd"]]
        staff = [e for e in employees if e.opd == o.code]
        outcomes = [fx.eligible_for_wfa(e, o, row["day"]).outcome for e in staff]
        assert row["eligible"] == outcomes.count(fx.Outcome.ALLOWED)
        assert row["undetermined"] == outcomes.count(fx.Outcome.UNDETERMINED)
        assert row["denied"] == outcomes.count(fx.Outcome.DENIED)
        assert row["employees"] == len(staff)  # nobody is lost
        try:
            expected = fx.max_remote(o, row["day"])
        except fx.QuotaUndefinedError:
            assert row["max_remote"] is None and row["remote_planned"] == 0
        else:
            assert row["max_remote"] == expected
            assert row["remote_planned"] == min(row["eligible"], expected) <= expected
        assert row["onsite"] + row["remote_planned"] == row["employees"]


def test_contract_keys_and_aggregates() -> None:
    employees = build([{"opd": "A"}] * 3 + [{"opd": "C"}] * 2)
    sim = fx.simulate(OPDS, employees, date(2025, 3, 24), date(2025, 3, 27))
    row = sim.rows()[0]
    assert {"day", "instansi", "opd", "headcount", "eligible", "max_remote"} <= set(row)
    assert isinstance(row["day"], date) and row["opd"] == "A"
    # Kab. Malang BKAD 12 staff, 20 %: floor(2.4) = 2 per day; 3 eligible -> 2 planned
    per_day = {r["day"]: r for r in sim.rows() if r["opd"] == "A"}
    assert [r["remote_planned"] for r in per_day.values()] == [2, 2, 2, 2]
    by_instansi = {a["instansi"]: a for a in sim.aggregate("instansi")}
    # Kota Malang Bappeda 40 staff, 5 %: 2 a day; 2 eligible -> 2 a day, 4 days
    assert by_instansi["kota-malang"]["office_days_saved"] == 8
    assert by_instansi["nasional"]["quota_undefined"] == 4
    with pytest.raises(fx.InvalidInputError, match="unknown key"):
        sim.aggregate("colour")


def test_aggregate_names_people_and_person_days_apart() -> None:
    employees = build([{"opd": "A"}] * 3 + [{"opd": "C"}] * 2)
    sim = fx.simulate(OPDS, employees, date(2025, 3, 24), date(2025, 3, 27))  # 4 days
    kab, kota = (
        a for a in sim.aggregate("instansi") if a["instansi"] in {"kab-malang", "kota-malang"}
    )
    # Kab. Malang: A (bkad, 12 staff in the OPDs file, 3 in the roster) and B (sekolah, 9,
    # none). A: min(floor(12 x 20 %), 12 - 1 head) = 2 a day, 3 eligible -> 2 remote, 1 on
    # site; B: floor(9 x 10 %) = 0.
    assert {k: v for k, v in kab.items() if k != "instansi"} == {
        "people": 3,
        "headcount_people": 21,
        "frontline_people": 0,
        "person_days": 12,
        "headcount_days": 84,
        "eligible_days": 12,
        "undetermined_days": 0,
        "denied_days": 0,
        "max_remote_days": 8,
        "remote_days": 8,
        "onsite_days": 4,
        "office_days_saved": 8,
        "frontline_days": 0,
        "days": 4,
        "opds": 2,
        "quota_undefined": 0,
    }
    # Kota Malang: C (bappeda, one of the eight 5 % kinds, 40 staff): floor(2.0) = 2 a day,
    # heads not kept on site; D (dinkes, 8): the default 0 %.
    assert (kota["people"], kota["headcount_people"], kota["person_days"]) == (2, 48, 8)
    assert (kota["eligible_days"], kota["max_remote_days"], kota["remote_days"]) == (8, 8, 8)
    # the names before issue 14 (sums over rows) still read, deprecated, not among the keys
    with pytest.deprecated_call(match="'person_days'"):
        assert kab["employees"] == 12
    with pytest.deprecated_call(match="'remote_days'"):
        assert kab.get("remote_planned") == 8
    assert "employees" not in kab and kab.get("colour", 0) == 0
    with pytest.raises(KeyError):
        kab["colour"]
    # two scenarios over the same people: people counted once, person-days per scenario
    again = fx.simulate(
        OPDS, employees, date(2025, 3, 24), date(2025, 3, 27), policy=[None, "nasional"]
    )
    (total,) = again.aggregate()
    assert (total["people"], total["person_days"], total["days"], total["opds"]) == (5, 40, 4, 6)


def test_dataframe_input_matches_models() -> None:
    employees = build(
        [
            {"opd": "A", "is_head": True},
            {"opd": "A"},
            {"opd": "B", "duty_days": {date(2025, 3, 25)}},
        ]
    )
    frame = pd.DataFrame(
        {
            "nip": [e.nip for e in employees],
            "opd": [e.opd for e in employees],
            "is_head": [e.is_head for e in employees],
            "duty_days": ["", "", "2025-03-25"],
        }
    )
    a = fx.simulate(OPDS, employees, START, END).rows()
    b = fx.simulate(OPDS, frame, START, END).rows()
    assert a == b
    out = fx.simulate(OPDS, frame, START, END).to_pandas()
    assert list(out.columns)[:4] == ["scenario", "day", "instansi", "province"]


def test_dataframe_duty_days_read_as_a_roster_file_reads_them() -> None:
    """One duty-day grammar (issue 13): the DataFrame's ``duty_days`` cell is read as the
    roster file's ``hari_piket`` cell, ISO dates separated by ``;``, ``,`` or spaces."""
    employees = build([{"opd": "C", "duty_days": {date(2025, 3, 25), date(2025, 3, 26)}}])
    expected = fx.simulate(OPDS, employees, START, END).rows()
    off_duty = fx.simulate(OPDS, build([{"opd": "C"}]), START, END).rows()
    assert expected != off_duty  # the duty days change the answer: the cell is read
    for cell in ("2025-03-25;2025-03-26", "2025-03-25, 2025-03-26", "2025-03-25 2025-03-26"):
        frame = pd.DataFrame({"opd": ["C"], "duty_days": [cell]})
        assert fx.simulate(OPDS, frame, START, END).rows() == expected, cell
    with pytest.raises(fx.InvalidInputError, match="duty_days") as info:  # not YYYY-MM-DD
        fx.simulate(OPDS, pd.DataFrame({"opd": ["C"], "duty_days": ["20250325"]}), START, END)
    assert info.value.message("en") == (
        "employees DataFrame: column 'duty_days': '20250325' is not an ISO date"
    )
    assert info.value.message("id") == (
        "DataFrame employees: kolom 'duty_days': '20250325' bukan tanggal ISO (YYYY-MM-DD)"
    )


def test_a_duty_day_given_twice_counts_the_employee_once() -> None:
    """A ``duty_days`` cell naming 25 March 2025 twice is one employee on duty that day, as
    the roster reader's ``hari_piket`` (a set of days) reads it. 25 March is inside the
    national WFA window (24-27 March 2025): of OPD C's two employees the one on duty is
    held on site, the other is eligible."""
    twice = pd.DataFrame({"opd": ["C", "C"], "duty_days": ["2025-03-25;2025-03-25", ""]})
    rows = fx.simulate(OPDS, twice, START, END).rows()
    (day,) = [r for r in rows if r["opd"] == "C" and r["day"] == date(2025, 3, 25)]
    assert (day["employees"], day["eligible"], day["denied"]) == (2, 1, 1)
    once = build([{"opd": "C", "duty_days": {date(2025, 3, 25)}}, {"opd": "C"}])
    assert rows == fx.simulate(OPDS, once, START, END).rows()


def test_one_loop_reads_a_duty_days_cell() -> None:
    """The readers' and the DataFrame's one loop: the days, each once, or the first part
    that is not a plain ISO date, for each caller to say in its own words."""
    assert duty_days_or_bad_part("2025-03-25; 2025-03-25,2025-03-26") == frozenset(
        {date(2025, 3, 25), date(2025, 3, 26)}
    )
    assert duty_days_or_bad_part("") == frozenset()
    assert duty_days_or_bad_part("2025-03-25;25/03/2025;x") == "25/03/2025"
    assert duty_days_or_bad_part("2025-02-30") == "2025-02-30"  # no such day


def test_bad_input_is_one_clear_error() -> None:
    with pytest.raises(fx.InvalidInputError, match="column 'opd'"):
        fx.simulate(OPDS, pd.DataFrame({"nip": ["1"]}), START, END)
    with pytest.raises(fx.InvalidInputError, match="row 1: OPD 'Z'"):
        fx.simulate(OPDS, pd.DataFrame({"opd": ["A", "Z"]}), START, END)
    with pytest.raises(fx.InvalidInputError, match="column 'frontline'"):
        fx.simulate(OPDS, pd.DataFrame({"opd": ["A"], "frontline": ["ya"]}), START, END)
    with pytest.raises(fx.InvalidInputError, match="column 'discipline'"):
        fx.simulate(OPDS, pd.DataFrame({"opd": ["A"], "discipline": ["berat"]}), START, END)
    with pytest.raises(fx.InvalidInputError, match="duty_days"):
        fx.simulate(OPDS, pd.DataFrame({"opd": ["A"], "duty_days": ["25/03"]}), START, END)
    bad = fx.Employee(nip=nip(1), opd="Z")
    with pytest.raises(fx.InvalidInputError, match="row 1: OPD 'Z'"):
        fx.simulate(OPDS, [bad], START, END)
    with pytest.raises(fx.CoverageError, match="2028"):
        fx.simulate(OPDS, [], date(2027, 12, 30), date(2028, 1, 5))
    with pytest.raises(fx.InvalidInputError, match="before start"):
        fx.simulate(OPDS, [], END, START)
    with pytest.raises(fx.InvalidInputError, match="duplicate OPD"):
        Workforce([OPDS[0], OPDS[0]], START, END)


BKAD_120 = opd("BKAD", "kab-malang", "bkad", "tidak_langsung", 120)
RSUD_250 = opd("RSUD", "kab-malang", "rsud", "esensial", 250)
DINKES_80 = opd("DINKES", "kab-malang", "dinkes", "esensial", 80)


def limits(policy: Scenario | str, day: date = date(2025, 3, 24)) -> dict[str, int | None]:
    sim = fx.simulate([BKAD_120, RSUD_250, DINKES_80], [], day, day, policy=policy)
    return {r["opd"]: r["max_remote"] for r in sim.rows()}


def test_base_limits_by_hand() -> None:
    # heads on site: min(floor(120 x 20%), 119) = 24; floor(250 x 10%) = 25; floor(80 x 10%) = 8
    assert limits("kab-malang") == {"BKAD": 24, "RSUD": 25, "DINKES": 8}


def test_scenario_percent_for_a_service_category_changes_only_that_category() -> None:
    s = Scenario(name="esensial 0", base="kab-malang", percent={"esensial": "0"})
    assert limits(s) == {"BKAD": 24, "RSUD": 0, "DINKES": 0}
    assert s.diff() == ("~ lebaran-2025.quota[esensial]: 10% -> 0%",)


def test_scenario_excluded_kind_changes_only_that_kind() -> None:
    s = Scenario(name="tanpa dinkes", base="kab-malang", exclude_kinds=["DINKES"])
    assert limits(s) == {"BKAD": 24, "RSUD": 25, "DINKES": 0}


def test_scenario_default_percent_and_heads() -> None:
    s = Scenario.model_validate(
        {
            "name": "banten-style",
            "base": "kab-malang",
            "percent": {"tidak_langsung": 50},
            "heads_onsite": False,
        }
    )
    # min(floor(120 x 50%), 120 - 0) = 60; the esensial tiers are untouched
    assert limits(s) == {"BKAD": 60, "RSUD": 25, "DINKES": 8}
    assert s.percent == {"tidak_langsung": Decimal(50)}


def test_scenario_extra_days_change_only_those_days() -> None:
    s = Scenario(name="plus 9 april", base="kab-malang", extra_days=[date(2025, 4, 9)])
    assert limits(s, date(2025, 4, 9)) == {"BKAD": 24, "RSUD": 25, "DINKES": 8}
    assert limits("kab-malang", date(2025, 4, 9)) == {"BKAD": 0, "RSUD": 0, "DINKES": 0}
    assert limits(s, date(2025, 4, 10)) == {"BKAD": 0, "RSUD": 0, "DINKES": 0}
    assert limits(s) == limits("kab-malang")


def test_scenarios_are_validated_and_immutable() -> None:
    with pytest.raises(fx.PolicyConflictError):  # 25 March: the base's own window
        Scenario(name="x", base="kab-malang", extra_days=[date(2025, 3, 25)])
    with pytest.raises(ValueError, match="less than or equal to 100"):
        Scenario(name="x", base="kab-malang", percent={"esensial": 150})
    with pytest.raises(ValueError, match="unknown OPD kind"):
        Scenario(name="x", base="kab-malang", percent={"kantor-rahasia": 5})
    with pytest.raises(ValueError, match="no arrangement 'nope'"):
        Scenario(name="x", base="kab-malang", arrangement="nope", percent={"default": 5})
    with pytest.raises(ValueError, match="permits flexible work"):
        Scenario(name="x", base="kota-palembang", percent={"default": 5})
    s = Scenario(name="x", base="kab-malang")
    with pytest.raises(ValueError, match="frozen"):
        s.name = "y"  # type: ignore[misc]


def test_compare_several_scenarios() -> None:
    a = Scenario(name="A", base="kab-malang")
    # the default rule ranks below the service rules, so B changes nothing: it warns
    # (issue 14) and its diff lists nothing (it listed "quota[default]: - -> 50%" before)
    with pytest.warns(fx.ShadowedOverrideWarning, match="changes no OPD"):
        b = Scenario(name="B", base="kab-malang", percent={"default": 50})
    sim = fx.simulate([BKAD_120], [], date(2025, 3, 24), date(2025, 3, 24), policy=[a, b])
    assert [(r["scenario"], r["max_remote"]) for r in sim.rows()] == [("A", 24), ("B", 24)]
    assert b.diff() == ()


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kab-malang"
LEBARAN = (date(2025, 3, 24), date(2025, 3, 27))


def test_roster_files_give_the_same_rows_as_the_models() -> None:
    opds_file, staff_file = EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv"
    roster = fx.read_roster(opds_file, staff_file)
    expected = fx.simulate(roster.opds, roster.employees, *LEBARAN).rows()
    assert len(expected) == 10 * 4  # 10 OPDs x 4 days
    assert fx.simulate(opds_file, staff_file, *LEBARAN).rows() == expected
    assert fx.simulate(str(opds_file), str(staff_file), *LEBARAN).rows() == expected
    # one file and models: the OPDs file with employee models, OPD models with the file
    assert fx.simulate(opds_file, list(roster.employees), *LEBARAN).rows() == expected
    assert fx.simulate(iter(roster.opds), staff_file, *LEBARAN).rows() == expected
    by = {(r["opd"], r["day"].day): r for r in expected}
    # BKAD: 120 staff, 20 %, the head stays on site: min(floor(24.0), 120 - 1) = 24 a day;
    # 119 eligible (all but the head: discipline and new-in-post count from 21 April)
    assert [by["BKAD", d]["max_remote"] for d in range(24, 28)] == [24, 24, 24, 24]
    assert [by["BKAD", d]["eligible"] for d in range(24, 28)] == [119, 119, 119, 119]
    # SMPN1-KEPANJEN: 30 staff, 10 % -> 3; eligible = 30 - head - those on piket that day
    # (3 on the 24th and 26th, 2 on the 25th and 27th)
    smp = [by["SMPN1-KEPANJEN", d] for d in range(24, 28)]
    assert [r["eligible"] for r in smp] == [26, 27, 26, 27]
    assert [r["remote_planned"] for r in smp] == [3, 3, 3, 3]


def test_roster_file_errors_are_roster_errors_naming_file_row_and_column(
    tmp_path: Path,
) -> None:
    bkad_2 = opd("BKAD", "kab-malang", "bkad", "tidak_langsung", 2)
    opds_file = tmp_path / "opd.csv"
    opds_file.write_text(
        "kode,nama,instansi,jenis,layanan,jumlah_pegawai\n"
        "BKAD,Badan Keuangan,kab-malang,bkad,tidak_langsung,2\n",
        encoding="utf-8",
    )
    staff_file = tmp_path / "pegawai.csv"
    staff_file.write_text(
        f"nip,kode_opd,kepala\n{nip(1)},BKAD,ya\n{nip(2)},BKAD,mungkin\n", encoding="utf-8"
    )
    with pytest.raises(fx.RosterError) as bad_cell:
        fx.simulate(opds_file, staff_file, *LEBARAN)
    assert (bad_cell.value.file, bad_cell.value.row, bad_cell.value.column) == (
        str(staff_file),
        3,
        "kepala",
    )
    assert nip(2) not in str(bad_cell.value)
    with pytest.raises(fx.RosterError, match="row 3, column 'kepala'"):
        fx.simulate([bkad_2], staff_file, *LEBARAN)  # the employees file with OPD models
    staff_file.write_text(f"nip,kode_opd\n{nip(1)},BKAD\n", encoding="utf-8")
    with pytest.raises(fx.RosterError, match=r"headcount of 2 but .* lists 1") as short:
        fx.simulate(opds_file, staff_file, *LEBARAN)
    assert (short.value.row, short.value.column) == (2, "jumlah_pegawai")
    with pytest.raises(fx.RosterError, match="row 2, column 'kode_opd'"):
        fx.simulate([OPDS[1]], staff_file, *LEBARAN)  # no OPD 'BKAD' among those given
    with pytest.raises(fx.RosterError, match="file not found"):
        fx.simulate(tmp_path / "tidak-ada.csv", [], *LEBARAN)
