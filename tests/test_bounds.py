"""Big input, bounded (issue 12, part 4).

A policy spanning years 1-9999 loads (spans are compared, not days); every function that
answers for each day of a span refuses more than its documented limit, in both languages,
before any work; the roster reader built for a million rows gives the same employees and
the same errors as validating row by row; a cold ``get_policy`` from 16 threads builds one
policy. Timings live in ``benchmarks/`` (``make bench``), not here.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import flexasn as fx
import flexasn.policy
from common import assert_no_nip, write_roster, write_text
from flexasn import calendar as cal
from flexasn import cli, roster
from flexasn.cli.output import csv_text, json_text
from flexasn.cli.plan import schedule_json, schedule_lines
from flexasn.hours import check_hours, working_hours
from flexasn.plan import plan_rotation
from flexasn.schedule import read_schedule_csv

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kab-malang"
NIP = "198503122010011001"  # made up

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
    path = write_text(tmp_path, "besar.toml", HUGE_POLICY)
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
    path = write_text(tmp_path, "jadwal.toml", head + apart)
    assert [s.id for s in fx.load_policy(path).work_schedule] == ["a", "b"]
    shared = SCHEDULE.format(id="a", first="0001-01-01", last="9999-12-31") + SCHEDULE.format(
        id="b", first="4000-02-03", last="9999-12-31"
    )
    path.write_text(head + shared, encoding="utf-8")
    with pytest.raises(fx.PolicyDataError, match="both cover 4000-02-03"):
        fx.load_policy(path)


def test_national_flexible_days_read_only_the_year_asked(tmp_path: Path) -> None:
    path = write_text(tmp_path, "besar.toml", HUGE_POLICY)
    window = fx.load_policy(path).arrangement[1]
    national = fx.get_policy("nasional")
    fx.register_policy(national.model_copy(update={"arrangement": (window,)}))
    try:
        days = fx.flexible_work_days(2025)
    finally:
        fx.unregister_policy("nasional")
    assert days == cal.working_days(date(2025, 1, 1), date(2025, 12, 31))
    assert fx.flexible_work_days(2025)[0] == date(2025, 3, 24)  # the bundled one again


# --- spans are capped ----------------------------------------------------------------------


def test_library_spans_are_capped_at_max_span_days() -> None:
    start = date(2020, 1, 1)
    last = start + timedelta(days=cal.MAX_SPAN_DAYS - 1)
    assert len(cal.days_off(start, last, strict=False)) > 0  # exactly the limit: answered
    for call in (cal.working_days, cal.days_off):
        with pytest.raises(cal.SpanTooLongError) as info:
            call(date(1, 1, 1), date(9999, 12, 31), strict=False)
        error = info.value
        assert isinstance(error, fx.InvalidInputError)
        assert (error.days, error.limit) == (3_652_059, cal.MAX_SPAN_DAYS)
        assert "3,660 days" in str(error) and "3,652,059" in str(error)
        assert "3.660 hari" in error.message("id") and "3.652.059" in error.message("id")
    with pytest.raises(cal.SpanTooLongError):
        cal.working_days(start, last + timedelta(days=1), strict=False)


def test_planner_and_hours_spans_are_capped() -> None:
    opd = fx.Opd(
        code="BKAD",
        name="BKAD",
        instansi="kab-malang",
        kind="bkad",
        service=fx.ServiceCategory.NON_DIRECT,
        headcount=1,
    )
    staff = [fx.Employee(nip=NIP, opd="BKAD")]
    with pytest.raises(cal.SpanTooLongError):
        plan_rotation(opd, staff, date(1, 1, 1), date(9999, 12, 31))
    with pytest.raises(cal.SpanTooLongError):
        working_hours(date(1, 1, 1), date(9999, 12, 31), strict=False)
    first = datetime(2025, 3, 3, 7, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    with pytest.raises(cal.SpanTooLongError):
        check_hours(
            [(first, first + timedelta(hours=8))],
            policy="kab-malang",
            start=date(2025, 1, 1),
            end=date(2045, 1, 1),
            strict=False,
        )


def test_a_schedule_file_spanning_every_year_is_refused(tmp_path: Path) -> None:
    path = write_text(
        tmp_path, "jadwal.csv", f"nip,opd,0001-01-01,9999-12-31\n{NIP},BKAD,wfo,wfh\n"
    )
    with pytest.raises(fx.RosterError) as info:
        read_schedule_csv(path)
    error = info.value
    assert error.__cause__ is None and error.__context__ is None
    assert "row 1" in str(error) and "3,660 days" in str(error)
    assert "baris 1" in error.message("id") and "3.660 hari" in error.message("id")
    assert_no_nip(error, [NIP])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_calendar_of_every_year_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "0001-01-01..9999-12-31", "--estimate")
    assert (code, out) == (2, "")
    assert "3.652.059 hari" in err and "366 hari" in err and "1.830 hari" in err
    code, out, err = run(
        capsys, "calendar", "0001-01-01..9999-12-31", "--estimate", "--format", "json"
    )
    assert (code, out) == (2, "")
    assert "1.830 hari" in err and "366" not in err
    code, out, err = run(
        capsys, "calendar", "2020-01-01..2025-01-04", "--format", "csv", "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert "1,831 days" in err and "at most 1,830 days" in err


def test_cli_table_limit_is_one_year(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "2024-01-01..2024-12-31", "--estimate")
    assert code == 0 and out.count("\n2024-") >= 366  # a leap year: 366 days, shown
    code, out, err = run(capsys, "calendar", "2024-01-01..2025-01-01", "--estimate", "--lang", "en")
    assert (code, out) == (2, "")
    assert "has 367 days: a table shows at most 366 days" in err


def test_cli_plan_and_hours_spans_are_capped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opds, staff = str(EXAMPLE / "opd.csv"), str(EXAMPLE / "pegawai.csv")
    code, out, err = run(
        capsys, "plan", "0001-01-01", "9999-12-31", "--opds", opds, "--employees", staff
    )
    assert (code, out) == (2, "") and "366 hari" in err
    records = tmp_path / "presensi.csv"
    records.write_text(
        "start,end\n2025-03-03T07:30:00+07:00,2025-03-03T16:00:00+07:00\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys, "hours", str(records), "--from", "2025-01-01", "--to", "2026-01-02", "--lang", "en"
    )
    assert (code, out) == (2, "") and "has 367 days: a table shows at most 366 days" in err


# --- the roster reader at national scale ---------------------------------------------------

OPDS = (
    "kode,nama,instansi,jenis,layanan,jumlah_pegawai\n"
    "BKAD,Badan Keuangan,kab-malang,bpkad,tidak_langsung,3\n"
    'SMP1,"SMP Negeri 1\n(dua baris)",kab-malang,sekolah,langsung,2\n'
)
STAFF = (
    "nip,kode_opd,status,jabatan,kepala,garis_depan,hari_piket,disiplin,pegawai_baru\n"
    "198503122010011001,BKAD,pns,struktural,ya,tidak,,,tidak\n"
    "199001012015012002,BKAD,, ,,,,dalam_proses,\n"
    "202301012023011003,BKAD,pppk,Fungsional,TIDAK,ya,2025-03-24;2025-03-26,,ya\n"
    '198001012005011003,SMP1,,fungsional,,,"2025-03-24, 2025-03-25",,\n'
    "198001012005011004, SMP1 ,PNS,,,,,tidak_ada,y\n"
)


def same_as_validated(employees: tuple[fx.Employee, ...]) -> None:
    """Each employee equals the one pydantic validates from the same given fields."""
    for e in employees:
        given = e.model_dump(include=e.model_fields_set)
        validated = fx.Employee.model_validate(given)
        assert e == validated and repr(e) == repr(validated)
        assert list(vars(e)) == list(vars(validated))
        assert e.model_fields_set == validated.model_fields_set
        assert e.model_dump_json() == validated.model_dump_json()


def test_fast_roster_reading_builds_the_validated_employees(tmp_path: Path) -> None:
    example = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    same_as_validated(example.employees)
    r = fx.read_roster(*write_roster(tmp_path, OPDS, STAFF))
    same_as_validated(r.employees)
    assert [e.status.value for e in r.employees] == ["pns", "pns", "pppk", "pns", "pns"]
    assert r.employees[1].model_fields_set == {"nip", "opd", "discipline"} | {
        "is_head",
        "frontline",
        "duty_days",
        "new_in_post",
    }
    assert r.employees[3].duty_days == {date(2025, 3, 24), date(2025, 3, 25)}
    assert r.employees[4].opd == "SMP1" and r.employees[4].new_in_post
    assert r.opds[1].name == "SMP Negeri 1\n(dua baris)"
    assert r.employee_rows == (2, 3, 4, 5, 6)
    assert r == fx.Roster(opds=r.opds, employees=r.employees, employee_rows=r.employee_rows)


def test_parsed_rows_kept_or_not_give_the_same_roster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_roster(tmp_path, OPDS, STAFF)
    kept = fx.read_roster(*paths)
    monkeypatch.setattr(roster.employees, "_PROFILES_KEPT", 0)
    assert fx.read_roster(*paths) == kept


def test_rows_are_numbered_by_record_and_crlf_is_read(tmp_path: Path) -> None:
    # the OPDs file's second OPD spans two lines: rows count records, not lines
    bad = OPDS.replace("sekolah,langsung,2", "sekolah,langsung,dua")
    with pytest.raises(fx.RosterError, match=r"row 3, column 'jumlah_pegawai'"):
        fx.read_roster(*write_roster(tmp_path, bad, STAFF))
    crlf = fx.read_roster(
        *write_roster(tmp_path, OPDS.replace("\n", "\r\n"), STAFF.replace("\n", "\r\n"))
    )
    assert crlf == fx.read_roster(*write_roster(tmp_path, OPDS, STAFF))


def made_up_nips(n: int) -> list[str]:
    """``n`` distinct, valid, made-up NIPs."""
    out = []
    for i in range(n):
        birth = date(1970, 1, 1) + timedelta(days=i // 999)
        out.append(f"{birth:%Y%m%d}1995011{i % 999 + 1:03d}")
    return out


def test_a_late_non_utf8_byte_is_still_reported_without_the_bytes(tmp_path: Path) -> None:
    a, b = write_roster(tmp_path, OPDS, STAFF)
    rows = "".join(f"{nip},BKAD,,,,,,,\n" for nip in made_up_nips(3000))
    b.write_bytes((STAFF + rows).encode("utf-8") + b"198001012005011005,SMP1,,,,,,,\xe9\n")
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(a, b)
    error = info.value
    assert "not UTF-8" in str(error)
    assert error.__cause__ is None and error.__context__ is None


def test_errors_keep_their_order_within_a_row(tmp_path: Path) -> None:
    # a bad NIP and a bad yes/no cell further right: the cell is reported, as before
    row = "19850312201001100X,BKAD,pns,struktural,mungkin,tidak,,,tidak\n"
    with pytest.raises(fx.RosterError, match=r"row 2, column 'kepala'"):
        fx.read_roster(*write_roster(tmp_path, OPDS, STAFF.split("\n")[0] + "\n" + row))
    # a bad NIP and an unknown OPD: the NIP
    row = "19850312201001100X,NOPE,pns,struktural,ya,tidak,,,tidak\n"
    with pytest.raises(fx.RosterError, match=r"row 2, column 'nip'"):
        fx.read_roster(*write_roster(tmp_path, OPDS, STAFF.split("\n")[0] + "\n" + row))
    # an empty OPD code with no OPDs file to check it against: the model's error
    path = write_text(tmp_path, "staff.csv", "nip,opd\n198503122010011001, \n")
    with pytest.raises(fx.RosterError, match=r"row 2, column 'opd'"):
        roster.read_employees(path)


def test_a_bad_last_row_of_a_large_roster(tmp_path: Path) -> None:
    lines = ["nip,kode_opd", *(f"{nip},BKAD" for nip in made_up_nips(5000))]
    lines.append("196502301990011001,BKAD")  # 30 February
    opds = "kode,nama,instansi,jenis,layanan,jumlah_pegawai\nBKAD,B,kab-malang,bkad,langsung,5001\n"
    with pytest.raises(fx.RosterError) as info:
        fx.read_roster(*write_roster(tmp_path, opds, "\n".join(lines) + "\n"))
    message = str(info.value)
    assert "row 5002, column 'nip'" in message and "birth date" in message
    assert "196502301990011001" not in message


def test_employees_of_uses_an_index_and_keeps_file_order(tmp_path: Path) -> None:
    r = fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    for o in r.opds:
        assert r.employees_of(o.code) == tuple(e for e in r.employees if e.opd == o.code)
        assert r.opd(o.code) is o
    with pytest.raises(fx.InvalidInputError, match="no OPD 'NOPE'"):
        r.employees_of("NOPE")
    assert r == fx.read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")  # index not compared


# --- a cold get_policy from 16 threads ------------------------------------------------------


@pytest.mark.parametrize("policy_id", ["kab-malang", "nasional"])
def test_a_cold_get_policy_from_16_threads_builds_one_policy(policy_id: str) -> None:
    flexasn.policy.registry._bundled_policy.cache_clear()
    start = threading.Barrier(16)

    def ask(_: int) -> fx.Policy:
        start.wait()
        return fx.get_policy(policy_id)

    with ThreadPoolExecutor(max_workers=16) as pool:
        got = list(pool.map(ask, range(16)))
    assert all(p is got[0] for p in got)
    assert fx.get_policy(policy_id) is got[0]


# --- flexasn plan writes one OPD at a time ----------------------------------------------


def test_cli_plan_output_is_the_same_as_all_schedules_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    opds, staff = str(EXAMPLE / "opd.csv"), str(EXAMPLE / "pegawai.csv")
    r = fx.read_roster(opds, staff)
    chosen = [r.opd(code) for code in ("BKAD", "BKPSDM", "SETDA")]
    start, end = date(2025, 3, 24), date(2025, 3, 28)
    plans = [(o, plan_rotation(o, r.employees_of(o.code), start, end)) for o in chosen]
    rows_of = r.rows()
    days = [d.day for d in plans[0][1].days]
    grid = [
        [rows_of.get(nip), fx.masked_id(nip), s.opd, *(s.mode(nip, d).value for d in days)]
        for _, s in plans
        for nip in sorted(s.employees, key=rows_of.__getitem__)  # the roster's order
    ]
    expected = {
        "json": json_text([schedule_json(s, rows_of, "id") for _, s in plans]),
        "csv": csv_text(["row", "employee", "opd", *(d.isoformat() for d in days)], grid),
        "table": ("\n\n" + "=" * 40 + "\n\n").join(
            "\n".join(schedule_lines(s, o, "id", rows_of)) for o, s in plans
        ),
    }
    for fmt, text in expected.items():
        code, out, _ = run(
            capsys, "plan", "2025-03-24", "2025-03-28", "--opds", opds, "--employees", staff,
            "--opd", "BKAD,BKPSDM,SETDA", "--format", fmt,
        )  # fmt: skip
        assert (code, out) == (0, text + "\n")


def test_cli_plan_prints_nothing_when_a_later_opd_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a partial roster whose second OPD lists more employees than its headcount
    opds, staff = write_roster(tmp_path, OPDS.replace("langsung,2", "langsung,1"), STAFF)
    code, out, err = run(
        capsys, "plan", "2025-03-24", "2025-03-28", "--opds", str(opds), "--employees",
        str(staff), "--partial", "--format", "json", "--lang", "en",
    )  # fmt: skip
    assert (code, out) == (2, "") and "headcount of 1 but 2 employees" in err
    # the default language says it in Indonesian (issue 13: one message system)
    code, out, err = run(
        capsys, "plan", "2025-03-24", "2025-03-28", "--opds", str(opds), "--employees",
        str(staff), "--partial", "--format", "json",
    )  # fmt: skip
    assert (code, out) == (2, "") and "(headcount) 1 tetapi 2 pegawai diberikan" in err
