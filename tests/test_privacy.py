"""Personal data (NIPs and names, UU 27/2022) never leaves flexasn through an error.

Every reader (rosters, schedules in CSV and JSON, attendance) and every command that reads
files is fed headerless, transposed, shifted and non-UTF-8 files built from made-up NIPs and
names. The error's whole chain (``__cause__``, ``__context__``), its ``args``, ``str``,
``repr``, messages in both languages, every attribute, the formatted traceback and the
command's output are searched: no NIP, no eight digits of one in a row, no name.

Violations name employees by a keyed masked id, unambiguous within a file, never by a NIP.
"""

from __future__ import annotations

import json
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import flexasn as fx
from flexasn import cli
from flexasn.attendance import read_attendance
from flexasn.check import validate_schedule
from flexasn.roster import read_roster
from flexasn.schedule import Schedule, ScheduleDay, read_schedule_csv, read_schedule_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kab-malang"

# Made up: valid in form (birth date, TMT CPNS month, sex 1/2, sequence), nobody's.
NIPS = ("198503122010011001", "199001012015012002", "197712252003121003", "196806302000032001")
# Made-up names: words that appear in no flexasn message.
FIRST = ("Sri", "Bambang", "Kartika", "Yohanes", "André", "Nyoman", "Siti")
LAST = ("Wahyuningsih", "Sumarsono", "Purwaningrum", "Setyobudi", "Wijayakusuma", "Hutapea")
NAMES = ("Sri Wahyuningsih", "Bambang Sumarsono", "Kartika Purwaningrum", "André Wijayakusuma")

OPDS_OK = (
    "code,name,instansi,kind,service,headcount\n"
    "BKAD,Badan Keuangan dan Aset Daerah,kab-malang,bkad,tidak_langsung,{n}\n"
)
DAY = date(2025, 3, 24)  # a Monday on which Kabupaten Malang allows WFH


# --- what an error exposes ------------------------------------------------------------------


def _attributes(error: BaseException) -> list[str]:
    out = []
    for name in dir(error):
        if name.startswith("__"):
            continue
        try:
            value = getattr(error, name)
        except Exception:  # a property may refuse: it then exposes nothing
            continue
        if not callable(value):
            out.append(repr(value))
    return out


def exposed(error: BaseException) -> str:
    """Everything a logger or an error tracker could read from ``error`` and its chain."""
    texts = ["".join(traceback.format_exception(error))]
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        texts += [str(e), repr(e), repr(e.args), *_attributes(e)]
        texts += [repr(v) for v in vars(e).values()] if hasattr(e, "__dict__") else []
        if isinstance(e, fx.FlexasnError):
            texts += [e.message("id"), e.message("en")]
        if isinstance(e, ValidationError):
            texts.append(repr(e.errors()))  # pydantic's, with the inputs where it kept them
        todo += [e.__cause__, e.__context__]
    return "\n".join(texts)


def secrets_of(nips: Iterable[str], names: Iterable[str]) -> list[str]:
    """Each NIP, every eight of its digits in a row (a birth date, a TMT), each name, each
    word of a name."""
    out: list[str] = []
    for n in nips:
        out += [n[i : i + 8] for i in range(len(n) - 7)]
    for name in names:
        out += [name, *(w for w in name.split() if len(w) >= 5)]
    return out


def assert_clean(text: str, secrets: Sequence[str], what: str) -> None:
    folded = text.casefold()
    found = [s for s in secrets if s.casefold() in folded]
    assert not found, f"{what} exposes {found}:\n{text[:3000]}"


def assert_no_chain(error: BaseException) -> None:
    assert isinstance(error, fx.FlexasnError), repr(error)
    assert error.__cause__ is None and error.__context__ is None, (
        f"{type(error).__name__} keeps {type(error.__context__ or error.__cause__).__name__}"
    )


def check_reader(read: Callable[[], object], secrets: Sequence[str], what: str) -> None:
    with pytest.raises(fx.FlexasnError) as info:
        read()
    assert_clean(exposed(info.value), secrets, what)
    assert_no_chain(info.value)


# --- bad files ------------------------------------------------------------------------------


def csv_text(rows: Iterable[Sequence[str]], sep: str = ",") -> str:
    return "".join(sep.join(r) + "\n" for r in rows)


def transpose(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    return [list(col) for col in zip(*rows, strict=True)]


def employee_files(nips: Sequence[str], names: Sequence[str]) -> dict[str, bytes]:
    """Broken employees files: the way real exports go wrong."""
    good = [["nip", "opd", "nama"], *([n, "BKAD", m] for n, m in zip(nips, names, strict=True))]
    data = good[1:]
    rows = [[n, "BKAD"] for n in nips]
    return {
        "headerless": csv_text(data).encode(),
        "headerless-name-first": csv_text(
            [[m, n, "BKAD"] for n, m in zip(nips, names, strict=True)]
        ).encode(),
        "headerless-nip-only": csv_text(rows).encode(),
        "headerless-semicolon": csv_text(data, ";").encode(),
        "transposed": csv_text(transpose(good)).encode(),
        "transposed-nip-opd": csv_text(transpose([["nip", "opd"], *rows])).encode(),
        "name-in-opd": csv_text(
            [["nip", "opd"], *([n, m] for n, m in zip(nips, names, strict=True))]
        ).encode(),
        "columns-swapped": csv_text(
            [["nip", "opd"], *([m, n] for n, m in zip(nips, names, strict=True))]
        ).encode(),
        "short-row": csv_text([["nip", "opd", "status"], [nips[0], "BKAD"]]).encode(),
        "cp1252": csv_text(
            [["nip", "opd"], *([n, f"BKAD {m}é"] for n, m in zip(nips, names, strict=True))]
        ).encode("cp1252"),
        "utf-16": csv_text([["nip", "opd"], *rows]).encode("utf-16"),
    }


def schedule_files(nips: Sequence[str], names: Sequence[str]) -> dict[str, bytes]:
    days = [(DAY + timedelta(days=i)).isoformat() for i in range(3)]
    good = [["nip", "opd", *days], *([n, "BKAD", "wfh", "wfo", "wfa"] for n in nips)]
    return {
        "headerless": csv_text(good[1:]).encode(),
        "headerless-names": csv_text([[m, "BKAD", "wfh"] for m in names]).encode(),
        "transposed": csv_text(transpose(good)).encode(),
        "nip-as-day": csv_text([["nip", "opd", nips[0]], [nips[1], "BKAD", "wfh"]]).encode(),
        "name-as-day": csv_text([["nip", "opd", names[0]], [nips[1], "BKAD", "wfh"]]).encode(),
        "name-as-nip": csv_text(
            [["nip", "opd", days[0]], *([m, "BKAD", "wfh"] for m in names)]
        ).encode(),
        "name-as-mode": csv_text([["nip", "opd", days[0]], [nips[0], "BKAD", names[0]]]).encode(),
        "cp1252": csv_text([*good, [nips[0], f"{names[0]}é", "wfh", "wfo", "wfa"]]).encode(
            "cp1252"
        ),
        "utf-16": csv_text(good).encode("utf-16"),
    }


def schedule_jsons(nips: Sequence[str], names: Sequence[str]) -> dict[str, bytes]:
    base: dict[str, Any] = {
        "opd": "BKAD",
        "first_day": DAY.isoformat(),
        "last_day": DAY.isoformat(),
        "employees": list(nips),
        "days": [{"day": DAY.isoformat(), "remote": dict.fromkeys(nips, "wfh")}],
    }

    def variant(**change: Any) -> bytes:
        return json.dumps({**base, **change}, ensure_ascii=False).encode()

    return {
        "csv-as-json": csv_text(
            [[n, "BKAD", m] for n, m in zip(nips, names, strict=True)]
        ).encode(),
        "bad-mode-by-nip": variant(days=[{"day": DAY.isoformat(), "remote": {nips[0]: "x"}}]),
        "bad-mode-by-name": variant(days=[{"day": DAY.isoformat(), "remote": {names[0]: "x"}}]),
        "history-by-name": variant(history={names[0]: ["not a date"]}),
        "held-by-name": variant(employees=[*nips, *names], held={names[1]: ["no such check"]}),
        "names-twice": variant(employees=[names[0], names[0]]),
        "stray-name": variant(days=[{"day": DAY.isoformat(), "remote": {names[0]: "wfh"}}]),
        "employees-not-strings": variant(employees=[{"nip": nips[0], "nama": names[0]}]),
        "cp1252": json.dumps({**base, "opd": f"{names[0]}é"}, ensure_ascii=False).encode("cp1252"),
        "utf-16": variant().decode().encode("utf-16"),
    }


def attendance_files(nips: Sequence[str], names: Sequence[str]) -> dict[str, bytes]:
    start, end = f"{DAY} 07:25", f"{DAY} 16:05"
    good = [["nip", "nama", "mulai", "selesai"], [nips[0], names[0], start, end]]
    return {
        "headerless": csv_text([[nips[0], start, end], [nips[0], start, end]]).encode(),
        "headerless-name": csv_text([[names[0], start, end], [names[0], start, end]]).encode(),
        "headerless-both": csv_text(good[1:] * 2).encode(),
        "transposed": csv_text(
            transpose([["nip", "mulai", "selesai"], [nips[0], start, end]])
        ).encode(),
        "name-in-header": csv_text(
            [["mulai", "selesai", names[0]], [start, end, nips[0]]]
        ).encode(),
        "nip-in-date": csv_text(
            [["tanggal", "mulai", "selesai"], [nips[0], "07:25", "16:05"]]
        ).encode(),
        "name-in-mode": csv_text([["mulai", "selesai", "mode"], [start, end, names[0]]]).encode(),
        "two-people": csv_text(
            [["nip", "mulai", "selesai"], [nips[0], start, end], [nips[1], start, end]]
        ).encode(),
        "cp1252": csv_text(
            [["mulai", "selesai", "catatan"], [start, end, f"{names[0]}é {nips[0]}"]]
        ).encode("cp1252"),
        "utf-16": csv_text([["nip", "mulai", "selesai"], [nips[0], start, end]]).encode("utf-16"),
    }


def write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def good_roster(folder: Path, nips: Sequence[str]) -> tuple[Path, Path]:
    opds = write(folder, "opd.csv", OPDS_OK.format(n=len(nips)).encode())
    staff = write(
        folder, "pegawai.csv", csv_text([["nip", "opd"], *([n, "BKAD"] for n in nips)]).encode()
    )
    return opds, staff


# --- the API --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(employee_files(NIPS, NAMES)))
def test_read_roster_bad_employees_file(tmp_path: Path, case: str) -> None:
    opds, _ = good_roster(tmp_path, NIPS)
    staff = write(tmp_path, "staff.csv", employee_files(NIPS, NAMES)[case])
    check_reader(lambda: read_roster(opds, staff), secrets_of(NIPS, NAMES), case)


@pytest.mark.parametrize("case", sorted(employee_files(NIPS, NAMES)))
def test_read_roster_employees_file_given_as_opds(tmp_path: Path, case: str) -> None:
    _, staff = good_roster(tmp_path, NIPS)
    wrong = write(tmp_path, "staff.csv", employee_files(NIPS, NAMES)[case])
    check_reader(lambda: read_roster(wrong, staff), secrets_of(NIPS, NAMES), case)


def test_read_roster_files_swapped(tmp_path: Path) -> None:
    opds, staff = good_roster(tmp_path, NIPS)
    check_reader(lambda: read_roster(staff, opds), secrets_of(NIPS, NAMES), "swapped")


@pytest.mark.parametrize("case", sorted(schedule_files(NIPS, NAMES)))
def test_read_schedule_csv_bad_file(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, "jadwal.csv", schedule_files(NIPS, NAMES)[case])
    check_reader(lambda: read_schedule_csv(path), secrets_of(NIPS, NAMES), case)


@pytest.mark.parametrize("case", sorted(schedule_jsons(NIPS, NAMES)))
def test_read_schedule_json_bad_file(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, "jadwal.json", schedule_jsons(NIPS, NAMES)[case])
    check_reader(lambda: read_schedule_json(path), secrets_of(NIPS, NAMES), case)


@pytest.mark.parametrize("case", sorted(attendance_files(NIPS, NAMES)))
def test_read_attendance_bad_file(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, "kehadiran.csv", attendance_files(NIPS, NAMES)[case])
    check_reader(lambda: read_attendance(path), secrets_of(NIPS, NAMES), case)


def test_model_errors_keep_no_pydantic_chain() -> None:
    """A model error keeps no pydantic error (which holds the input values) in its chain."""
    for build in (
        lambda: fx.Employee(nip=NIPS[0], opd="BKAD", status="bogus"),
        lambda: fx.Employee.model_validate({"nip": NIPS[0][:17], "opd": NAMES[0], "x": 1}),
        lambda: Schedule.model_validate_json(json.dumps({"opd": "B", "employees": [NIPS[0]]})),
    ):
        check_reader(build, secrets_of(NIPS, NAMES), "model")


@pytest.mark.parametrize(
    ("header", "column", "en", "id_"),
    [
        (f"{NIPS[0]},BKAD", 1, "no known column name in the first row", "baris pertama tidak"),
        (f"nip,opd,{NIPS[0]}", 3, "unknown column name (not repeated", "nama kolom tidak dikenal"),
        # a heading of a header row that may not be personal data is shown, as the notice
        # of ignored columns shows it (tests/test_roster_user_errors.py)
        ("nip,opd,zzz", 3, "unknown column name 'zzz'", "nama kolom tidak dikenal: 'zzz'"),
        ("nip,opd,jabatn", 3, "perhaps 'jabatan'", "mungkin maksudnya 'jabatan'"),
    ],
)
def test_unknown_headings_are_named_by_position(
    tmp_path: Path, header: str, column: int, en: str, id_: str
) -> None:
    opds, _ = good_roster(tmp_path, NIPS)
    staff = write(tmp_path, "staff.csv", f"{header}\n{NIPS[1]},BKAD,x\n".encode())
    with pytest.raises(fx.RosterError) as info:
        read_roster(opds, staff, strict=True)  # without strict, 'zzz' is ignored (a notice)
    error = info.value
    letter = "ABC"[column - 1]
    assert (error.row, error.column) == (1, column)
    assert error.message("en").startswith(f"{staff}, row 1, column {column} ({letter}): ")
    assert error.message("id").startswith(f"{staff}, baris 1, kolom {column} ({letter}): ")
    assert en in error.message("en") and id_ in error.message("id")
    assert NIPS[0] not in str(error) and NIPS[0][:8] not in error.message("id")


def test_column_letters() -> None:
    from flexasn.privacy import column_letters

    assert [column_letters(n) for n in (1, 3, 26, 27, 28, 52, 703)] == [
        "A",
        "C",
        "Z",
        "AA",
        "AB",
        "AZ",
        "AAA",
    ]


# made-up NIPs of every valid shape, and made-up names
nip_strategy = st.builds(
    lambda born, years, months, sex, seq: (
        f"{born:%Y%m%d}{born.year + 18 + years:04d}{months:02d}{sex}{seq:03d}"
    ),
    st.dates(date(1960, 1, 1), date(2000, 12, 31)),
    st.integers(0, 20),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(1, 999),
)
name_strategy = st.builds(lambda a, b: f"{a} {b}", st.sampled_from(FIRST), st.sampled_from(LAST))
people = st.lists(
    st.tuples(nip_strategy, name_strategy), min_size=2, max_size=5, unique_by=lambda p: p[0]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people)
def test_every_reader_any_people(found: list[tuple[str, str]]) -> None:
    nips = [p[0] for p in found]
    names = [p[1] for p in found]
    secrets = secrets_of(nips, names)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        opds, _ = good_roster(folder, nips)
        for case, content in employee_files(nips, names).items():
            staff = write(folder, "staff.csv", content)
            check_reader(partial(read_roster, opds, staff), secrets, f"roster {case}")
        for case, content in schedule_files(nips, names).items():
            path = write(folder, "jadwal.csv", content)
            check_reader(partial(read_schedule_csv, path), secrets, f"schedule {case}")
        for case, content in schedule_jsons(nips, names).items():
            path = write(folder, "jadwal.json", content)
            check_reader(partial(read_schedule_json, path), secrets, f"json {case}")
        for case, content in attendance_files(nips, names).items():
            path = write(folder, "kehadiran.csv", content)
            check_reader(partial(read_attendance, path), secrets, f"attendance {case}")


# --- the command line -----------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], argv: list[str], secrets: Sequence[str]) -> None:
    """Run the command as a user would, then with --debug (the traceback Python prints)."""
    for lang in ("id", "en"):
        code = cli.main([*argv, "--lang", lang])
        out, err = capsys.readouterr()
        assert code == 2, (argv, out, err)
        assert_clean(out + err, secrets, f"{argv[0]} --lang {lang}")
    with pytest.raises(fx.FlexasnError) as info:
        cli.main([*argv, "--debug"])
    out, err = capsys.readouterr()
    assert_clean(out + err + exposed(info.value), secrets, f"{argv[0]} --debug")
    assert_no_chain(info.value)


def _roster_commands(opds: Path, staff: Path) -> list[list[str]]:
    roster = ["--opds", str(opds), "--employees", str(staff)]
    return [
        ["plan", "2025-03-24", "2025-03-27", *roster],
        ["plan", "2025-03-24", "2025-03-27", *roster, "--format", "json"],
        ["check", "2025-03-24", *roster, "--nip", NIPS[0]],
        ["quota", "2025-03-24", *roster],
    ]


@pytest.mark.parametrize("case", sorted(employee_files(NIPS, NAMES)))
def test_cli_roster_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    opds, _ = good_roster(tmp_path, NIPS)
    staff = write(tmp_path, "staff.csv", employee_files(NIPS, NAMES)[case])
    for argv in _roster_commands(opds, staff):
        run_cli(capsys, argv, secrets_of(NIPS, NAMES))


def test_cli_roster_files_swapped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    opds, staff = good_roster(tmp_path, NIPS)
    for argv in _roster_commands(staff, opds):
        run_cli(capsys, argv, secrets_of(NIPS, NAMES))


@pytest.mark.parametrize(
    ("suffix", "case"),
    [(".csv", c) for c in sorted(schedule_files(NIPS, NAMES))]
    + [(".json", c) for c in sorted(schedule_jsons(NIPS, NAMES))],
)
def test_cli_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str, case: str
) -> None:
    opds, staff = good_roster(tmp_path, NIPS)
    files = schedule_files if suffix == ".csv" else schedule_jsons
    path = write(tmp_path, f"jadwal{suffix}", files(NIPS, NAMES)[case])
    argv = ["validate", str(path), "--opds", str(opds), "--employees", str(staff)]
    run_cli(capsys, argv, secrets_of(NIPS, NAMES))


def test_cli_validate_schedule_naming_a_person_as_its_opd(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A well-formed schedule whose OPD column holds a name: the roster has no such OPD."""
    opds, staff = good_roster(tmp_path, NIPS)
    rows = [["nip", "opd", DAY.isoformat()], *([n, NAMES[0], "wfh"] for n in NIPS)]
    path = write(tmp_path, "jadwal.csv", csv_text(rows).encode())
    argv = ["validate", str(path), "--opds", str(opds), "--employees", str(staff)]
    run_cli(capsys, argv, secrets_of(NIPS, NAMES))


@pytest.mark.parametrize("case", sorted(attendance_files(NIPS, NAMES)))
def test_cli_hours(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    path = write(tmp_path, "kehadiran.csv", attendance_files(NIPS, NAMES)[case])
    run_cli(capsys, ["hours", str(path)], secrets_of(NIPS, NAMES))


# --- violations and masked ids --------------------------------------------------------------


def _everyone_out_on_a_sunday() -> tuple[tuple[fx.Employee, ...], tuple[Any, ...]]:
    roster = read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    opd = roster.opd("BKAD")
    staff = roster.employees_of("BKAD")
    sunday = date(2025, 3, 23)
    schedule = Schedule(
        opd="BKAD",
        first_day=sunday,
        last_day=sunday,
        employees=tuple(e.nip for e in staff),
        days=(ScheduleDay(day=sunday, remote={e.nip: fx.WorkMode.WFH for e in staff}),),
    )
    return staff, validate_schedule(schedule, opd, staff)


def test_violation_repr_and_json_carry_no_nip() -> None:
    staff, violations = _everyone_out_on_a_sunday()
    assert len(violations) == len(staff) == 120
    secrets = secrets_of((e.nip for e in staff), ())
    for v in violations[:10]:
        assert v.nip is not None  # kept for programs: the caller's own data
        data = v.model_dump(mode="json")
        assert "nip" not in data and data["employee"] == v.employee == fx.masked_id(v.nip)
        for text in (repr(v), str(v), v.model_dump_json(), json.dumps(data), v.message("en")):
            assert_clean(text, secrets, "violation")


def test_violation_ids_are_unambiguous() -> None:
    _, violations = _everyone_out_on_a_sunday()
    ids = [v.employee for v in violations]
    assert len(set(ids)) == len(ids)
    assert all(v.employee and v.employee in v.message("id") for v in violations)


def test_masked_ids_are_unique_where_last_four_digits_collide() -> None:
    roster = read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    nips = [e.nip for e in roster.employees]
    assert len(nips) == 420
    assert len({fx.mask_nip(n) for n in nips}) < 420  # the last four digits collide
    masked = {fx.masked_id(n) for n in nips}
    assert len(masked) == 420
    one = fx.masked_id(NIPS[0])
    assert one.startswith("…1001#") and len(one) == len("…1001#") + 8
    assert fx.masked_id(NIPS[0]) == one  # stable within the process
    assert fx.masked_id("Sri Wahyuningsih").startswith("…#")  # no letter of a name shown


def test_mask_key_makes_ids_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLEXASN_MASK_KEY", raising=False)
    random_id = fx.masked_id(NIPS[0])
    monkeypatch.setenv("FLEXASN_MASK_KEY", "kunci rahasia instansi")
    keyed = fx.masked_id(NIPS[0])
    assert keyed != random_id and fx.masked_id(NIPS[0]) == keyed
    assert fx.masked_id(NIPS[0], key="kunci rahasia instansi") == keyed
    assert fx.masked_id(NIPS[0], key=b"other") != keyed
    try:
        fx.set_mask_key("kunci lain")
        assert fx.masked_id(NIPS[0]) not in (keyed, random_id)
        assert fx.masked_id(NIPS[0]) == fx.masked_id(NIPS[0], key="kunci lain")
    finally:
        fx.set_mask_key(None)
    monkeypatch.delenv("FLEXASN_MASK_KEY")
    assert fx.masked_id(NIPS[0]) == random_id
    with pytest.raises(fx.InvalidInputError):
        fx.set_mask_key("")


def test_cli_validate_json_ids_unambiguous(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    roster = read_roster(EXAMPLE / "opd.csv", EXAMPLE / "pegawai.csv")
    staff = roster.employees_of("BKAD")
    sunday = date(2025, 3, 23)
    rows = [["nip", "opd", sunday.isoformat()], *([e.nip, "BKAD", "wfh"] for e in staff)]
    path = write(tmp_path, "jadwal.csv", csv_text(rows).encode())
    roster_args = ["--opds", str(EXAMPLE / "opd.csv"), "--employees", str(EXAMPLE / "pegawai.csv")]
    code = cli.main(["validate", str(path), *roster_args, "--format", "json"])
    out, _ = capsys.readouterr()
    assert code == 1
    ids = [v["employee"] for v in json.loads(out)["violations"]]
    assert len(ids) == 120 and len(set(ids)) == 120
    assert_clean(out, secrets_of((e.nip for e in staff), ()), "validate --format json")
