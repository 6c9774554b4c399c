"""The web service over real HTTP: a uvicorn server on a free loopback port, every endpoint.

Expected values come from the law (LAW.md), not from the service's output:

- Kabupaten Malang, 24-27 March 2025: WFH/WFA (its own circular, after SE MenPANRB
  2/2025), heads of OPD on site; at most 20 % of an OPD without direct public service:
  BKAD (120 staff) min(floor(120 x 20 %), 120 - 1) = 24.
- 28 March 2025 is cuti bersama (Keppres 2/2025), 31 March 2025 Idul Fitri (a national
  holiday), 29-30 March a weekend (29 March also Nyepi).
- Kabupaten Sleman has no data of its own: the national window ``se-2-2025`` governs.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import icalendar
import pytest
import uvicorn

import flexasn as fx
from flexasn.examples import example_dir
from flexasn.server import Settings, build_parser, create_app, main, settings_from_args
from flexasn.server.logs import MaskedAccessFormatter, log_config, mask_path

NIP = "198503122010011001"  # made up (the README's example)
OPD = {
    "code": "BKAD",
    "name": "Badan Keuangan dan Aset Daerah",
    "instansi": "kab-malang",
    "kind": "bkad",
    "service": "tidak_langsung",
    "headcount": 120,
}
LIMITS = Settings(max_body_bytes=256 * 1024, max_batch=2_000, max_span_days=800)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LogLines(logging.Handler):
    """Every line the server logs, formatted as the command line formats it."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.access = MaskedAccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s')

    def emit(self, record: logging.LogRecord) -> None:
        fmt = self.access if record.name == "uvicorn.access" else logging.Formatter()
        self.lines.append(fmt.format(record))


class Running:
    def __init__(self, base: str, logs: LogLines) -> None:
        self.base = base
        self.logs = logs
        self.client = httpx.Client(base_url=base, timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    logs = LogLines()
    names = ("uvicorn.access", "uvicorn.error", "flexasn.server")
    for name in names:
        logging.getLogger(name).addHandler(logs)
        logging.getLogger(name).setLevel(logging.INFO)
    port = free_port()
    config = uvicorn.Config(
        create_app(LIMITS), host="127.0.0.1", port=port, log_config=None, access_log=True
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    running = Running(f"http://127.0.0.1:{port}", logs)
    yield running
    running.client.close()
    srv.should_exit = True
    thread.join(timeout=10)
    for name in names:
        logging.getLogger(name).removeHandler(logs)


def problem_of(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = r.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:flexasn:problem:")
    assert set(body["messages"]) == {"id", "en"}
    assert "Traceback" not in r.text
    return body


# --- service -----------------------------------------------------------------------------------


def test_health_and_version(server: Running) -> None:
    assert server.client.get("/v1/health").json() == {"status": "ok"}
    v = server.client.get("/v1/version").json()
    assert v == {"version": fx.__version__, "data_as_of": fx.data_as_of().isoformat(), "api": "v1"}


def test_openapi_is_3_1_and_lists_every_route(server: Running) -> None:
    spec = server.client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    for path in (
        "/v1/health",
        "/v1/version",
        "/v1/decisions",
        "/v1/decisions/batch",
        "/v1/quotas",
        "/v1/calendar",
        "/v1/law",
        "/v1/doctor",
        "/v1/policies",
        "/v1/policies/{policy_id}",
        "/v1/instansi",
        "/v1/instansi/{instansi_id}",
        "/v1/instansi/{instansi_id}/calendar.ics",
        "/v1/rotations",
        "/v1/rotations/csv",
        "/v1/schedules/validate",
        "/v1/schedules/validate/csv",
    ):
        assert path in spec["paths"], path


# --- decisions ---------------------------------------------------------------------------------


def test_decision_is_the_library_json(server: Running) -> None:
    body = {"employee": {"nip": NIP, "opd": "BKAD"}, "opd": OPD, "day": "2025-03-24"}
    r = server.client.post("/v1/decisions", json=body)
    assert r.status_code == 200, r.text
    d = fx.Decision.model_validate(r.json())
    assert d.outcome is fx.Outcome.ALLOWED
    assert d.modes == (fx.WorkMode.WFH, fx.WorkMode.WFA)
    assert d.arrangement == "lebaran-2025"
    assert d.employee == "…1001"
    assert NIP not in r.text
    # the same as the library answers
    lib = fx.eligible_for_wfa(fx.Employee(nip=NIP, opd="BKAD"), fx.Opd(**OPD), date(2025, 3, 24))
    assert r.json() == lib.model_dump(mode="json")


def test_decision_head_of_opd_is_denied_and_cache_keeps_people_apart(server: Running) -> None:
    head = {"nip": "197210102024012997", "opd": "BKAD", "is_head": True}
    staff = {"nip": NIP, "opd": "BKAD"}
    for employee, outcome in ((head, "denied"), (staff, "allowed"), (head, "denied")):
        r = server.client.post(
            "/v1/decisions", json={"employee": employee, "opd": OPD, "day": "2025-03-24"}
        )
        assert r.json()["outcome"] == outcome
        assert r.json()["employee"] == "…" + employee["nip"][-4:]  # type: ignore[index]
    failed = [x["check"] for x in r.json()["reasons"] if x["passed"] is False]
    assert failed == ["role_onsite"]


def test_decision_known_on_and_duty_day(server: Running) -> None:
    # known on 1 March 2025, before SE MenPANRB 2/2025 and Kab. Malang's circular
    body = {
        "employee": {"nip": NIP, "opd": "BKAD", "duty_days": ["2025-03-25"]},
        "opd": OPD,
        "day": "2025-03-25",
        "known_on": "2025-03-01",
    }
    r = server.client.post("/v1/decisions", json=body).json()
    assert r["known_on"] == "2025-03-01"
    lib = fx.eligible_for_wfa(
        fx.Employee(nip=NIP, opd="BKAD", duty_days=frozenset({date(2025, 3, 25)})),
        fx.Opd(**OPD),
        date(2025, 3, 25),
        known_on=date(2025, 3, 1),
    )
    assert r == lib.model_dump(mode="json")
    body["known_on"] = None
    r = server.client.post("/v1/decisions", json=body).json()
    assert r["outcome"] == "denied"  # a duty officer on the duty day
    assert [x["check"] for x in r["reasons"] if x["passed"] is False] == ["role_onsite"]


def test_batch_many_employees_many_days(server: Running) -> None:
    employees = [
        {"nip": NIP, "opd": "BKAD"},
        {"nip": "197210102024012997", "opd": "BKAD", "is_head": True},
    ]
    body = {
        "opds": [OPD],
        "employees": employees,
        "first_day": "2025-03-24",
        "last_day": "2025-03-28",
    }
    r = server.client.post("/v1/decisions/batch", json=body)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["count"] == 10
    outcomes = [(d["employee"], d["day"], d["outcome"]) for d in data["decisions"]]
    assert outcomes[:5] == [
        ("…1001", "2025-03-24", "allowed"),
        ("…1001", "2025-03-25", "allowed"),
        ("…1001", "2025-03-26", "allowed"),
        ("…1001", "2025-03-27", "allowed"),
        ("…1001", "2025-03-28", "denied"),  # cuti bersama: not a working day
    ]
    assert {o for _, _, o in outcomes[5:]} == {"denied"}  # the head stays in the office
    same = server.client.post(
        "/v1/decisions/batch",
        json={"opds": [OPD], "employees": employees[:1], "days": ["2025-03-24", "2025-03-28"]},
    ).json()
    assert [d["outcome"] for d in same["decisions"]] == ["allowed", "denied"]


def test_quota_with_status(server: Running) -> None:
    q = server.client.post("/v1/quotas", json={"opd": OPD, "day": "2025-03-24"}).json()
    assert (q["status"], q["limit"], q["percent"]) == ("set", 24, "20")
    q = server.client.post("/v1/quotas", json={"opd": OPD, "day": "2025-03-28"}).json()
    assert (q["status"], q["limit"]) == ("not_working_day", 0)
    sleman = OPD | {"instansi": "kab-sleman"}
    q = server.client.post("/v1/quotas", json={"opd": sleman, "day": "2025-03-24"}).json()
    assert (q["status"], q["limit"]) == ("undefined", None)  # left to the head of agency


# --- the law -------------------------------------------------------------------------------------


def test_calendar_of_an_instansi(server: Running) -> None:
    r = server.client.get(
        "/v1/calendar",
        params={"instansi": "kab-malang", "first_day": "2025-03-24", "last_day": "2025-03-31"},
    )
    assert r.status_code == 200, r.text
    days = {d["day"]: d for d in r.json()["days"]}
    assert [d for d in days if days[d]["flexible"]] == [f"2025-03-2{n}" for n in (4, 5, 6, 7)]
    assert days["2025-03-28"]["kind"] == "cuti_bersama"
    assert days["2025-03-31"]["kind"] == "libur_nasional"
    assert days["2025-03-30"]["kind"] == "akhir_pekan"
    assert days["2025-03-24"]["arrangement"] == "lebaran-2025"
    assert days["2025-03-24"]["ramadan"] is True  # 1446 H: 1-30 March 2025
    beyond = {"instansi": "kab-malang", "first_day": "2031-01-01", "last_day": "2031-01-02"}
    problem_of(server.client.get("/v1/calendar", params=beyond), 422)
    r = server.client.get("/v1/calendar", params=beyond | {"estimate": "true"})
    assert all(d["estimated"] for d in r.json()["days"])


def test_law_in_force(server: Running) -> None:
    own = server.client.get("/v1/law", params={"instansi": "kab-malang", "day": "2025-03-24"})
    assert own.json()["arrangement"]["id"] == "lebaran-2025"
    assert own.json()["national"] is False
    sleman = server.client.get("/v1/law", params={"instansi": "kab-sleman", "day": "2025-03-24"})
    assert sleman.json()["arrangement"]["id"] == "se-2-2025"
    assert sleman.json()["national"] is True
    off = server.client.get("/v1/law", params={"instansi": "kab-sleman", "day": "2025-03-28"})
    assert (off.json()["day_kind"], off.json()["working_day"]) == ("cuti_bersama", False)
    bad = server.client.get("/v1/law", params={"instansi": "kab-malnag", "day": "2025-03-24"})
    assert "kab-malang" in problem_of(bad, 422)["detail"]


def test_doctor(server: Running) -> None:
    r = server.client.get("/v1/doctor", params={"today": "2026-12-01"}).json()
    assert r["today"] == "2026-12-01"
    assert r["data_as_of"] == fx.data_as_of().isoformat()
    codes = {f["code"] for f in r["findings"]}
    assert codes <= {
        "calendar_not_decreed",
        "asn_decree_missing",
        "ramadan_estimated",
        "weekly_unknown",
        "region_window_undecided",
        "data_stale",
    }
    assert "ramadan_estimated" in codes  # 1448 H (February-March 2027) is not decreed


def test_policies_and_register(server: Running) -> None:
    ids = server.client.get("/v1/policies").json()["policies"]
    assert {"nasional", "kab-malang", "kota-malang", "prov-jatim"} <= set(ids)
    p = server.client.get("/v1/policies/kab-malang").json()
    assert (p["id"], p["level"]) == ("kab-malang", "kabupaten")
    assert "lebaran-2025" in [a["id"] for a in p["arrangement"]]
    sleman = server.client.get("/v1/policies/kab-sleman").json()
    assert sleman["arrangement"] == []  # no data of its own: the national layer answers
    missing = problem_of(server.client.get("/v1/policies/kab-malnag"), 404)
    assert missing["suggestions"][0] == "kab-malang"
    register = server.client.get("/v1/instansi").json()
    assert register["count"] == len(register["instansi"]) == 552 + 1  # regions and nasional
    assert {i["id"] for i in register["instansi"]} == set(fx.instansi_ids())
    one = server.client.get("/v1/instansi/kota-jayapura").json()
    assert one["timezone"] == "Asia/Jayapura"  # WIT
    problem_of(server.client.get("/v1/instansi/kota-jayapur"), 404)


# --- the subscribed calendar -----------------------------------------------------------------


def test_subscribed_calendar_feed(server: Running) -> None:
    url = "/v1/instansi/kab-malang/calendar.ics"
    params = {"first_day": "2025-01-01", "last_day": "2025-12-31"}
    r = server.client.get(url, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(r.content)
    events = list(cal.walk("VEVENT"))
    by_day: dict[tuple[date, str], Any] = {}
    for e in events:
        kind = str(e.get("categories").cats[0])
        by_day[(e.decoded("dtstart"), kind)] = e
    cuti = by_day[(date(2025, 3, 28), "cuti_bersama")]
    assert str(cuti["uid"]) == "kab-malang-20250328-cuti_bersama@flexasn"
    assert "Keppres 2/2025" in str(cuti["description"])
    for n in (24, 25, 26, 27):
        flexible = by_day[(date(2025, 3, n), "kerja_fleksibel")]
        assert flexible.decoded("dtend") == date(2025, 3, n + 1)  # one all-day event
        text = str(flexible["description"])
        assert "SE MenPANRB 2/2025" in text and "seed" in text
    assert (date(2025, 3, 28), "kerja_fleksibel") not in by_day
    assert (date(2025, 3, 31), "libur_nasional") in by_day  # Idul Fitri 1446 H
    ramadan = by_day[(date(2025, 3, 1), "ramadan")]
    assert ramadan.decoded("dtend") == date(2025, 3, 31)  # 1-30 March inclusive
    assert "08.00 WIB" in str(ramadan["description"])  # Perpres 21/2023 Pasal 4, Ramadan
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    # subscribed again: the same UIDs, the same bytes, so the app updates in place
    assert server.client.get(url, params=params).content == r.content
    wider = server.client.get(url, params={"first_day": "2024-12-01", "last_day": "2025-12-31"})
    again = {str(e["uid"]) for e in icalendar.Calendar.from_ical(wider.content).walk("VEVENT")}
    assert set(uids) <= again
    english = server.client.get(url, params=params | {"lang": "en"}).text
    assert "ASN flexible work (WFH/WFA)" in english
    default = server.client.get(url)
    assert default.status_code == 200
    problem_of(server.client.get("/v1/instansi/kab-malnag/calendar.ics"), 404)


# --- rotations and schedules -----------------------------------------------------------------


def _example_bkad() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    roster = fx.read_roster(example_dir() / "opd.csv", example_dir() / "pegawai.csv")
    opd = roster.opd("BKAD")
    staff = roster.employees_of("BKAD")
    return opd.model_dump(mode="json"), [e.model_dump(mode="json") for e in staff]


def test_rotation_and_validation_from_json(server: Running) -> None:
    opd, staff = _example_bkad()
    body = {"opd": opd, "employees": staff, "first_day": "2025-03-24", "last_day": "2025-03-28"}
    r = server.client.post("/v1/rotations", json=body)
    assert r.status_code == 200, r.text
    schedule = r.json()
    for day in schedule["days"]:
        if day["day"] == "2025-03-28":
            assert day["remote"] == {}  # cuti bersama
        else:
            assert 0 < len(day["remote"]) <= day["limit"] == 24
    ok = server.client.post(
        "/v1/schedules/validate", json={"schedule": schedule, "opd": opd, "employees": staff}
    ).json()
    assert ok == {"count": 0, "violations": []}
    everyone = schedule | {
        "days": [
            d | {"remote": {e["nip"]: "wfh" for e in staff}, "limit": None, "status": "unplanned"}
            for d in schedule["days"]
        ],
        "held": {},
        "fairness": None,
    }
    bad = server.client.post(
        "/v1/schedules/validate", json={"schedule": everyone, "opd": opd, "employees": staff}
    ).json()
    quota_days = {v["day"] for v in bad["violations"] if v["check"] == "quota"}
    assert quota_days == {"2025-03-24", "2025-03-25", "2025-03-26", "2025-03-27"}
    # the head of BKAD stays in the office on the four flexible days (Kab. Malang's rule);
    # on cuti bersama nobody is remote: every one of the 120 is out on a day off
    heads = [v for v in bad["violations"] if v["check"] == "role_onsite"]
    assert len(heads) == 4 and len({v["nip"] for v in heads}) == 1
    assert all(v["employee"].startswith("…") for v in heads)
    off = [v for v in bad["violations"] if v["check"] == "working_day"]
    assert len(off) == 120 and {v["day"] for v in off} == {"2025-03-28"}


def test_rotation_and_validation_from_csv_uploads(server: Running, tmp_path: Path) -> None:
    files = {
        "opds": ("opd.csv", (example_dir() / "opd.csv").read_bytes(), "text/csv"),
        "employees": ("pegawai.csv", (example_dir() / "pegawai.csv").read_bytes(), "text/csv"),
    }
    form = {"opd": "BKAD", "first_day": "2025-03-24", "last_day": "2025-03-27"}
    r = server.client.post("/v1/rotations/csv", files=files, data=form)
    assert r.status_code == 200, r.text
    schedule = fx.Schedule.model_validate(r.json())
    assert all(
        len(schedule.remote_on(d)) <= 24
        for d in fx.working_days(date(2025, 3, 24), date(2025, 3, 27))
    )
    path = tmp_path / "jadwal.csv"
    fx.write_schedule_csv(schedule, path)
    files["schedule"] = ("jadwal.csv", path.read_bytes(), "text/csv")
    checked = server.client.post("/v1/schedules/validate/csv", files=files)
    assert checked.json() == {"count": 0, "violations": []}
    files["opds"] = ("opd.csv", b"\xff\xfe not utf-8", "text/csv")
    bad = problem_of(server.client.post("/v1/rotations/csv", files=files, data=form), 422)
    assert bad["detail"].startswith("opds.csv")  # the upload's name, not a temporary path
    assert "/tmp" not in json.dumps(bad)


def test_rotation_and_validation_from_xlsx_uploads(server: Running, tmp_path: Path) -> None:
    """Workbooks as BKPSDM keeps them (issue 14's .xlsx rosters and schedules, over HTTP)."""
    pytest.importorskip("openpyxl")
    roster = fx.read_roster(example_dir() / "opd.csv", example_dir() / "pegawai.csv")
    fx.write_roster(roster, tmp_path / "opd.xlsx", tmp_path / "pegawai.xlsx")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    files = {
        "opds": ("opd.xlsx", (tmp_path / "opd.xlsx").read_bytes(), xlsx),
        "employees": ("pegawai.xlsx", (tmp_path / "pegawai.xlsx").read_bytes(), xlsx),
    }
    form = {"opd": "BKAD", "first_day": "2025-03-24", "last_day": "2025-03-27"}
    r = server.client.post("/v1/rotations/csv", files=files, data=form)
    assert r.status_code == 200, r.text
    schedule = fx.Schedule.model_validate(r.json())
    fx.write_schedule_xlsx(schedule, tmp_path / "jadwal.xlsx")
    files["schedule"] = ("jadwal.xlsx", (tmp_path / "jadwal.xlsx").read_bytes(), xlsx)
    checked = server.client.post("/v1/schedules/validate/csv", files=files)
    assert checked.json() == {"count": 0, "violations": []}


# --- errors and limits ---------------------------------------------------------------------


def test_each_wrong_field_says_what_is_wrong_in_both_languages(server: Running) -> None:
    # beside pydantic's English "message", each field's "messages" speaks the catalogue's
    # plain words (src/flexasn/locale/*.toml [policy_error]), never pydantic's
    body = {
        "employee": {"nip": NIP, "opd": "BKAD"},
        "opd": OPD | {"headcount": -1},
        "day": "x",
        "extra_f": 1,
    }
    p = problem_of(server.client.post("/v1/decisions", json=body), 422)
    by_field = {e["field"]: e["messages"] for e in p["errors"]}
    assert by_field["body.opd.headcount"] == {"id": "paling kecil 0", "en": "must be at least 0"}
    assert by_field["body.day"] == {
        "id": "harus berupa tanggal YYYY-MM-DD",
        "en": "must be a date written YYYY-MM-DD",
    }
    assert by_field["body.extra_f"]["id"] == "nama isian 'extra_f' tidak dikenal"
    assert "Input should" not in json.dumps([e["messages"] for e in p["errors"]])
    bad_nip = "19850312201001100X"
    body = {"employee": {"nip": bad_nip, "opd": "BKAD"}, "opd": OPD, "day": "2025-03-24"}
    p = problem_of(server.client.post("/v1/decisions", json=body), 422)
    (nip_error,) = [e for e in p["errors"] if e["field"] == "body.employee.nip"]
    assert nip_error["messages"]["id"].startswith("NIP harus tepat 18 digit")
    assert bad_nip not in json.dumps(p)


def test_an_unknown_instansi_in_the_body_is_named_with_suggestions(server: Running) -> None:
    # a typo in the OPD's instansi: 422 naming body.opd.instansi, with the closest ids (as a
    # path's 404 gives them), in both languages (fresh-clone trial, 1 December 2026)
    body = {
        "employee": {"nip": NIP, "opd": "BKAD"},
        "opd": OPD | {"instansi": "kab-malnag"},
        "day": "2025-03-24",
    }
    p = problem_of(server.client.post("/v1/decisions", json=body), 422)
    assert p["suggestions"][0] == "kab-malang"
    (error,) = p["errors"]
    assert (error["field"], error["type"]) == ("body.opd.instansi", "unknown_instansi")
    assert error["messages"]["id"].startswith("instansi atau kebijakan 'kab-malnag' tidak dikenal")
    assert error["messages"]["en"].startswith("unknown policy 'kab-malnag'")
    body["policy"] = "kab-malnag"
    body["opd"] = OPD
    p = problem_of(server.client.post("/v1/decisions", json=body), 422)
    assert p["errors"][0]["field"] == "body.policy"


def test_bad_input_is_a_problem_naming_the_field_never_the_nip(server: Running) -> None:
    bad_nip = "19850312201001100X"
    body = {"employee": {"nip": bad_nip, "opd": "BKAD"}, "opd": OPD, "day": "2025-03-24"}
    r = server.client.post("/v1/decisions", json=body)
    p = problem_of(r, 422)
    assert [e["field"] for e in p["errors"]] == ["body.employee.nip"]
    assert bad_nip not in r.text and bad_nip[:-1] not in r.text
    body = {"employee": {"nip": NIP, "opd": "BKAD"}, "opd": OPD | {"headcount": -1}, "day": "x"}
    p = problem_of(server.client.post("/v1/decisions", json=body), 422)
    assert {e["field"] for e in p["errors"]} == {"body.opd.headcount", "body.day"}
    p = problem_of(
        server.client.post(
            "/v1/decisions", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
    )
    assert p["errors"]
    other = {"employee": {"nip": NIP, "opd": "SETDA"}, "opd": OPD, "day": "2025-03-24"}
    p = problem_of(server.client.post("/v1/decisions", json=other), 422)
    assert "SETDA" in p["messages"]["en"] and NIP not in json.dumps(p)
    english = server.client.post(
        "/v1/decisions", json=other, headers={"Accept-Language": "en-US,en;q=0.9"}
    )
    assert problem_of(english, 422)["detail"] == problem_of(english, 422)["messages"]["en"]
    p = problem_of(server.client.get("/v1/nothing-here"), 404)
    assert p["instance"] == "/v1/nothing-here"
    problem_of(server.client.delete("/v1/health"), 405)


def test_limits_are_named(server: Running) -> None:
    employees = [{"nip": NIP, "opd": "BKAD"}] * 401
    body = {
        "opds": [OPD],
        "employees": employees,
        "first_day": "2025-03-24",
        "last_day": "2025-03-28",
    }
    p = problem_of(server.client.post("/v1/decisions/batch", json=body), 422)
    assert p["limit"] == {"name": "max_batch", "value": 2000}
    assert "2005" in p["detail"]
    big = b'{"x": "' + b"a" * (300 * 1024) + b'"}'
    headers = {"content-type": "application/json"}
    p = problem_of(server.client.post("/v1/decisions", content=big, headers=headers), 413)
    assert p["limit"] == {"name": "max_body_bytes", "value": 256 * 1024}

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"a" * 8192

    p = problem_of(server.client.post("/v1/decisions", content=chunks(), headers=headers), 413)
    assert p["limit"]["name"] == "max_body_bytes"
    long = {"instansi": "kab-malang", "first_day": "2025-01-01", "last_day": "2027-12-31"}
    p = problem_of(server.client.get("/v1/calendar", params=long), 422)
    assert p["limit"] == {"name": "max_span_days", "value": 800}
    both = {
        "opds": [OPD],
        "employees": employees[:1],
        "days": ["2025-03-24"],
        "first_day": "2025-03-24",
    }
    problem_of(server.client.post("/v1/decisions/batch", json=both), 422)
    neither = {"opds": [OPD], "employees": employees[:1]}
    problem_of(server.client.post("/v1/decisions/batch", json=neither), 422)
    stray = {"opds": [OPD], "employees": [{"nip": NIP, "opd": "X"}], "days": ["2025-03-24"]}
    p = problem_of(server.client.post("/v1/decisions/batch", json=stray), 422)
    assert "employees[0].opd" in p["detail"]


def test_a_batch_error_speaks_both_languages(server: Running) -> None:
    """Issue 13: the batch's own errors are catalogue messages (``[batch]``)."""
    neither = {"opds": [OPD], "employees": [{"nip": NIP, "opd": "BKAD"}]}
    p = problem_of(server.client.post("/v1/decisions/batch", json=neither), 422)
    assert p["messages"] == {
        "id": "berikan hari-harinya: days, atau first_day dan last_day",
        "en": "give the days: days, or first_day and last_day",
    }
    stray = {"opds": [OPD], "employees": [{"nip": NIP, "opd": "X"}], "days": ["2025-03-24"]}
    p = problem_of(server.client.post("/v1/decisions/batch", json=stray), 422)
    assert p["messages"]["id"] == (
        "employees[0].opd: tidak ada OPD dengan kode itu dalam opds (tidak diulang di sini)"
    )
    assert NIP not in str(p)
    backwards = {**neither, "first_day": "2025-03-28", "last_day": "2025-03-24"}
    p = problem_of(server.client.post("/v1/decisions/batch", json=backwards), 422)
    assert p["messages"] == {
        "id": "batch: last_day 2025-03-24 sebelum first_day 2025-03-28",
        "en": "batch: last_day 2025-03-24 is before first_day 2025-03-28",
    }


def test_logs_never_hold_a_nip(server: Running, caplog: pytest.LogCaptureFixture) -> None:
    server.client.get("/v1/health", params={"nip": NIP, "nama": "Budi"})
    server.client.get(f"/v1/instansi/{NIP}")
    server.client.post("/v1/decisions", json={"employee": {"nip": NIP[:-1], "opd": "BKAD"}})
    text = "\n".join(server.logs.lines)
    assert '"GET /v1/health HTTP/1.1" 200' in text
    assert "/v1/instansi/…1001#" in text
    assert NIP not in text and NIP[:-1] not in text and "Budi" not in text
    captured = "\n".join(r.getMessage() for r in caplog.records)  # any other handler too
    assert "/v1/health" in captured and NIP not in captured


def test_mask_path() -> None:
    assert mask_path("/v1/law?instansi=kab-malang&nip=198503122010011001") == "/v1/law"
    assert mask_path("/v1/x/2025-03-24") == "/v1/x/2025-03-24"
    assert mask_path(mask_path(f"/v1/x/{NIP}")) == mask_path(f"/v1/x/{NIP}")
    # a masked id whose 8 hex digits happen to be all decimal (about 2 % of keys) is not
    # masked again: masking stays idempotent
    assert mask_path("/v1/x/…1001#12345678") == "/v1/x/…1001#12345678"
    config = log_config("warning")
    assert config["formatters"]["access"]["()"].endswith("MaskedAccessFormatter")
    assert config["loggers"]["flexasn.server"]["level"] == "WARNING"


def asgi_get(app: Any, path: str, **params: str) -> httpx.Response:
    """One request to an application in this process (no server)."""

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, params=params)

    return asyncio.run(get())


def test_request_time_limit() -> None:
    r = asgi_get(create_app(Settings(request_timeout=0.000_001)), "/v1/doctor", today="2026-12-01")
    assert r.status_code == 422
    assert r.json()["limit"] == {"name": "request_timeout", "value": 0.000_001}


def test_an_unexpected_error_is_a_bare_500(monkeypatch: pytest.MonkeyPatch) -> None:
    from flexasn.server import law

    def broken() -> bytes:
        raise RuntimeError(f"secret {NIP}")

    monkeypatch.setattr(law, "register_json", broken)
    r = asgi_get(create_app(Settings()), "/v1/instansi")
    p = problem_of(r, 500)
    assert NIP not in r.text and "secret" not in r.text
    assert p["type"] == "urn:flexasn:problem:internal"


# --- settings and the command line -----------------------------------------------------------


def test_settings_from_env_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.from_env({}) == Settings()
    s = Settings.from_env(
        {"FLEXASN_SERVER_MAX_BATCH": "50", "FLEXASN_SERVER_REQUEST_TIMEOUT": "2.5"}
    )
    assert (s.max_batch, s.request_timeout) == (50, 2.5)
    with pytest.raises(fx.InvalidInputError, match="FLEXASN_SERVER_MAX_BATCH") as info:
        Settings.from_env({"FLEXASN_SERVER_MAX_BATCH": "many"})
    # issue 13: in plain words of the catalogue, Indonesian first
    assert info.value.message("id") == "FLEXASN_SERVER_MAX_BATCH: harus bilangan bulat"
    assert str(info.value) == "FLEXASN_SERVER_MAX_BATCH: must be a whole number"
    assert Settings.from_env(s.env()) == s
    monkeypatch.setenv("FLEXASN_SERVER_MAX_SPAN_DAYS", "30")
    args = build_parser().parse_args(["--max-batch", "7"])
    assert (settings_from_args(args).max_batch, settings_from_args(args).max_span_days) == (7, 30)
    assert settings_from_args(build_parser().parse_args([])).max_batch == Settings().max_batch
    assert main(["--max-batch", "0"]) == 2
    assert main(["--workers", "0"]) == 2


def test_python_m_flexasn_server_serves(tmp_path: Path) -> None:
    """The one command of the docs (``make serve`` runs it), in a process of its own."""
    port = free_port()
    env = os.environ | {"FLEXASN_SERVER_MAX_BATCH": "3"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "flexasn.server", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert r.json() == {"status": "ok"}
        body = {
            "opds": [OPD],
            "employees": [{"nip": NIP, "opd": "BKAD"}] * 2,
            "days": ["2025-03-24", "2025-03-25"],
        }
        over = httpx.post(f"http://127.0.0.1:{port}/v1/decisions/batch", json=body, timeout=10)
        assert over.json()["limit"] == {"name": "max_batch", "value": 3}  # from the environment
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


# --- the documentation's examples, run against the server ------------------------------------

DOCS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "server.md"
DOC_BASE = "http://127.0.0.1:8000"


def doc_blocks(language: str) -> list[str]:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    blocks = []
    for part in text.split(f"```{language}\n")[1:]:
        blocks.append(part.split("```", 1)[0])
    return blocks


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_examples_of_the_docs_run(server: Running, tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    commands = [b for b in doc_blocks("sh") if "curl " in b]
    assert len(commands) >= 6
    for block in commands:
        script = block.replace(DOC_BASE, server.base).replace("@examples/", f"@{examples}/")
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (script, done.stderr)
        if "-o " not in script:
            assert done.stdout.startswith("{"), done.stdout[:200]  # JSON answers
    assert icalendar.Calendar.from_ical((tmp_path / "kab-malang.ics").read_bytes())


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_javascript_example_of_the_docs_runs(server: Running) -> None:
    (block,) = doc_blocks("js")
    done = subprocess.run(
        ["node", "--input-type=module", "-e", block.replace(DOC_BASE, server.base)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("allowed [")


def test_decision_cache_is_bounded_and_never_keyed_by_nip() -> None:
    from flexasn.server.app import DecisionCache

    opd = fx.Opd(**OPD)
    policy = fx.get_policy("kab-malang")
    cache = DecisionCache(2)
    days = [date(2025, 3, 24), date(2025, 3, 25), date(2025, 3, 26)]
    staff = fx.Employee(nip=NIP, opd="BKAD")
    other = fx.Employee(nip="197210102024012997", opd="BKAD")
    for day in days:
        got = json.loads(cache.json(staff, opd, day, policy))
        assert got == fx.eligible_for_wfa(staff, opd, day).model_dump(mode="json")
    assert len(cache._data) == 2  # the oldest went first
    assert all(NIP not in repr(key) for key in cache._data)
    assert json.loads(cache.json(other, opd, days[2], policy))["employee"] == "…2997"
    assert len(cache._data) == 2  # the same facts: the same entry, another masked NIP
    off = DecisionCache(0)
    assert json.loads(off.json(staff, opd, days[0], policy))["outcome"] == "allowed"
    assert off._data == {}
