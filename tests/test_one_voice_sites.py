"""One message system (issue 13), module by module: an error of each family of messages
that used to be written in code now speaks the catalogue, Indonesian for ``message("id")``
and English, unchanged, for ``str()`` and ``message("en")``; none names a NIP. (The web
service's batch errors: ``tests/test_server.py``.)

The expected texts are the catalogue's (``locale/id.toml``, ``locale/en.toml``) with the
values filled by hand.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest

import flexasn as fx
from flexasn.check import validate_schedule
from flexasn.decide import decide, profile_situation
from flexasn.hours.shifts import Shift, ShiftPattern
from flexasn.people import profile_of
from flexasn.plan import plan_rotation, summarize
from flexasn.quotas import quota_limit
from flexasn.register import closest_ids, parse_register
from flexasn.schedule.history import history_of
from flexasn.simulate.workforce import Workforce

NIPS = [f"19800101200501{1 + i % 2}{i:03d}" for i in range(3)]  # made up
MON = date(2025, 3, 24)


def opd(code: str = "BKAD", headcount: int = 3) -> fx.Opd:
    return fx.Opd(
        code=code,
        name=f"OPD {code}",
        instansi="kab-malang",
        kind="bkad",
        service="tidak_langsung",
        headcount=headcount,
    )


def staff(code: str = "BKAD") -> list[fx.Employee]:
    return [fx.Employee(nip=n, opd=code) for n in NIPS]


def raised(call: Callable[[], object], kind: type[Exception] = fx.FlexasnError) -> fx.FlexasnError:
    with pytest.raises(kind) as info:
        call()
    error = info.value
    assert isinstance(error, fx.FlexasnError)
    for lang in ("id", "en"):
        assert not any(n in error.message(lang) for n in NIPS)  # never a NIP
    return error


def speaks(error: fx.FlexasnError, id_text: str, en_text: str) -> None:
    assert error.message("id") == id_text
    assert error.message("en") == en_text
    assert str(error) == en_text


def test_attendance_zone_argument(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("start,end\n", encoding="utf-8")
    error = raised(lambda: fx.read_attendance(path, timezone=7), fx.HoursTypeError)  # type: ignore[arg-type]
    speaks(
        error,
        "timezone harus berupa string, bukan int",
        "timezone must be a string, not int",
    )


def test_a_shift() -> None:
    error = raised(lambda: Shift(start=time(7), end=time(7)), fx.ModelValidationError)
    assert error.message("id") == "Shift tidak sah: jam akhir shift sama dengan jam mulainya"
    assert error.message("en") == "invalid Shift: a shift's end equals its start"
    pattern = raised(
        lambda: ShiftPattern(anchor=date(2025, 5, 19), cycle=(None,)), fx.ModelValidationError
    )
    assert pattern.message("id").endswith("pola shift memerlukan paling sedikit satu shift")


def test_quota_arithmetic() -> None:
    speaks(
        raised(lambda: quota_limit(-1, "10")),
        "headcount tidak boleh negatif (diberikan -1)",
        "headcount must not be negative (got -1)",
    )
    speaks(
        raised(lambda: quota_limit(10, "abc")),
        "percent 'abc' bukan angka",
        "percent 'abc' is not a number",
    )


def test_the_register() -> None:
    speaks(
        raised(lambda: closest_ids(5)),  # type: ignore[arg-type]
        "id instansi harus berupa string, bukan int",
        "instansi id must be a string, not int",
    )
    header = "id,name,level,province,code,timezone,administrative\n"
    row = "prov-x,Provinsi X,provinsi,prov-jatim,99,Asia/Jakarta,false\n"
    error = raised(lambda: parse_register("regions.csv", header + row), fx.PolicyDataError)
    # a province's province is its own id: said in plain words in each language
    assert error.message("id").endswith(
        "baris 2 (prov-x): provinsi dari sebuah provinsi adalah id-nya sendiri"
    )
    assert str(error).endswith("row 2 (prov-x): a province's province is its own id")


def test_the_planner_and_the_schedule_check() -> None:
    error = raised(lambda: plan_rotation(opd(headcount=2), staff(), MON, MON))
    speaks(
        error,
        "OPD 'BKAD' memiliki jumlah pegawai (headcount) 2 tetapi 3 pegawai diberikan: "
        "perbaiki headcount-nya (dasar kuota)",
        "OPD 'BKAD' has a headcount of 2 but 3 employees were given: "
        "correct the headcount (the quota base)",
    )
    other = raised(lambda: plan_rotation(opd(), staff("SETDA"), MON, MON))
    assert other.message("id").startswith("employees[0] (pegawai ")
    assert other.message("id").endswith(") termasuk OPD 'SETDA', bukan 'BKAD'")
    schedule = plan_rotation(opd(), staff(), MON, MON)
    speaks(
        raised(lambda: validate_schedule(schedule, opd("SETDA"), staff("SETDA"))),
        "jadwal ini untuk OPD 'BKAD', bukan 'SETDA'",
        "the schedule is for OPD 'BKAD', not 'SETDA'",
    )
    speaks(  # the per-day report refuses it in the same words (schedule.require_schedule_of)
        raised(lambda: summarize(schedule, opd("SETDA"))),
        "jadwal ini untuk OPD 'BKAD', bukan 'SETDA'",
        "the schedule is for OPD 'BKAD', not 'SETDA'",
    )


def test_a_decision_needs_an_employee() -> None:
    policy = fx.get_policy("kab-malang")
    s = profile_situation(profile_of(staff()[0]), False, opd(), MON, policy)
    speaks(
        raised(lambda: decide(s)),
        "decide memerlukan situasi seorang pegawai; verdict menjawab untuk sebuah profil",
        "decide needs a situation of an employee; verdict answers for a profile",
    )


def test_a_schedule_and_its_history() -> None:
    schedule = plan_rotation(opd(), staff(), MON, MON)
    error = raised(lambda: schedule.mode("199001012015011001", MON))
    assert error.message("id").startswith("pegawai ")
    assert error.message("id").endswith(" tidak ada dalam jadwal")
    assert str(error).endswith(" is not in the schedule")
    speaks(
        raised(lambda: schedule.mode(NIPS[0], date(2025, 3, 25))),
        "hari 2025-03-25 di luar jadwal (2025-03-24..2025-03-24)",
        "day 2025-03-25 is outside the schedule (2025-03-24..2025-03-24)",
    )
    speaks(
        raised(lambda: history_of(5), fx.ArgumentTypeError),  # type: ignore[arg-type]
        "history harus berupa mapping NIP -> hari jarak jauh, atau sebuah Schedule, bukan int",
        "history must be a mapping NIP -> remote days, or a Schedule, not int",
    )


def test_a_day_of_a_history_names_the_employee_masked() -> None:
    error = raised(lambda: history_of({NIPS[0]: ["2025-03-24"]}), fx.ArgumentTypeError)
    said = error.message("id")
    assert said.startswith("hari dalam history pegawai …")
    assert said.endswith(
        " harus berupa datetime.date, bukan str (uraikan dulu: date.fromisoformat(...))"
    )
    assert str(error).startswith("history of employee …")
    assert str(error).endswith(
        ": a day must be a datetime.date, not str (parse it first: date.fromisoformat(...))"
    )


def test_a_roster() -> None:
    roster = fx.Roster(opds=(opd(),), employees=tuple(staff()))
    speaks(
        raised(lambda: roster.opd("ZZZ")),
        "tidak ada OPD 'ZZZ' dalam roster",
        "no OPD 'ZZZ' in the roster",
    )


def test_the_simulation_workforce() -> None:
    speaks(
        raised(lambda: Workforce([opd(), opd()], MON, MON)),
        "opds[1]: kode OPD 'BKAD' ganda",
        "opds[1]: duplicate OPD code 'BKAD'",
    )
    workforce = Workforce([opd()], MON, MON)
    speaks(
        raised(lambda: workforce.add(staff("SETDA")[0], row=4)),
        "baris pegawai 4: OPD 'SETDA' tidak termasuk OPD yang diberikan",
        "employee row 4: OPD 'SETDA' is not among the OPDs given",
    )


def test_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pictures and ``to_pandas`` without the ``notebook`` extra: one clear error naming
    the package and the install line, still an ``ImportError``."""
    import flexasn.pictures

    result = fx.simulate([opd()], staff(), MON, MON)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "pandas", None)
    error = raised(flexasn.pictures._figure, ImportError)
    speaks(
        error,
        "pictures memerlukan matplotlib: pip install -e '.[notebook]' di folder klon flexasn",
        "pictures needs matplotlib: pip install -e '.[notebook]' in the flexasn clone",
    )
    assert isinstance(error, fx.errors.MissingExtraError) and error.package == "matplotlib"
    speaks(
        raised(result.to_pandas, ImportError),
        "to_pandas memerlukan pandas: pip install -e '.[notebook]' di folder klon flexasn",
        "to_pandas needs pandas: pip install -e '.[notebook]' in the flexasn clone",
    )
