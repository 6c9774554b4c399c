"""The routes of the law: the calendar, the law in force, the doctor, policies, the
register and the iCalendar feeds."""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from ..calendar import day_info
from ..doctor import doctor
from ..errors import UnknownPolicyError
from ..ics import calendar_ics, default_span, instansi_calendar
from ..legal import data_as_of
from ..policy import get_policy, list_policies
from ..register import instansi, instansi_ids
from .common import check_span, json_response, limited, raw, settings_of
from .models import CalendarResponse, DoctorReport, InstansiList, LawInForce, PolicyList
from .problems import problem

router = APIRouter()
"""``/v1/calendar``, ``/v1/law``, ``/v1/doctor``, ``/v1/policies`` and ``/v1/instansi``."""


@functools.lru_cache(maxsize=256)
def feed_ics(instansi_id: str, first: date, last: date, known_on: date | None, lang: str) -> bytes:
    """The iCalendar feed of an instansi (kept: it depends only on its arguments)."""
    return calendar_ics(
        instansi_id, first, last, known_on=known_on, lang="en" if lang == "en" else "id"
    )


@functools.lru_cache(maxsize=1)
def register_json() -> bytes:
    """The register of instansi as JSON (kept: the register never changes in a process)."""
    items = [instansi(i).model_dump(mode="json") for i in instansi_ids()]
    return json.dumps({"count": len(items), "instansi": items}, ensure_ascii=False).encode()


def unknown_instansi(request: Request, error: UnknownPolicyError) -> Response:
    """404 for an instansi or policy that does not exist, with suggestions."""
    messages = {"id": error.message("id"), "en": error.message("en")}
    return problem(
        request,
        404,
        "unknown-instansi",
        messages,
        suggestions=list(error.suggestions),
    )


@router.get("/v1/calendar", tags=["law"], response_model=CalendarResponse)
async def calendar(
    request: Request,
    instansi_id: Annotated[str, Query(alias="instansi", min_length=1, max_length=100)],
    first_day: date,
    last_day: date,
    known_on: date | None = None,
    estimate: bool = False,
) -> Response:
    """An instansi's ASN calendar, day by day: the kind of each day with its basis,
    the arrangement in force, flexible work, Ramadan. Days beyond the decreed years
    are refused unless ``estimate=true``."""
    cfg = settings_of(request)
    check_span(cfg, first_day, last_day, "calendar")

    def run() -> bytes:
        days = instansi_calendar(
            instansi_id, first_day, last_day, known_on=known_on, strict=not estimate
        )
        return (
            CalendarResponse(
                instansi=instansi_id, first_day=first_day, last_day=last_day, days=list(days)
            )
            .model_dump_json()
            .encode()
        )

    return raw(await limited(cfg, run))


@router.get("/v1/law", tags=["law"], response_model=LawInForce)
async def law(
    instansi_id: Annotated[str, Query(alias="instansi", min_length=1, max_length=100)],
    day: date,
    known_on: date | None = None,
) -> Response:
    """The law in force for an instansi on a day: the day's kind and the arrangement
    that governs it, after layers and precedence (own data over the national layer)."""
    pol = get_policy(instansi_id)
    info = day_info(day, known_on=known_on, strict=False)
    found = pol.in_force(day, known_on=known_on)
    a = found.arrangement
    return raw(
        LawInForce(
            instansi=instansi_id,
            policy=pol.id,
            day=day,
            day_kind=info.kind.value,
            working_day=info.is_working_day,
            arrangement=None if a is None else a.model_dump(mode="json"),
            national=found.national,
            continued=found.continued,
            standing=found.standing.id if found.standing is not None else None,
            data_as_of=data_as_of(),
            known_on=known_on,
        )
        .model_dump_json()
        .encode()
    )


@router.get("/v1/doctor", tags=["law"], response_model=DoctorReport)
async def doctor_report(request: Request, today: date | None = None, horizon: int = 60) -> Response:
    """What the bundled law does not know yet as of ``today`` (default: the server's
    date): undecreed years, estimated Ramadan, weekly arrangements of unknown
    continuation, regional windows without a decision of their own, stale data."""
    report = await limited(settings_of(request), lambda: doctor(today, horizon=horizon))
    return raw(report.model_dump_json().encode())


@router.get("/v1/policies", tags=["law"], response_model=PolicyList)
async def policies() -> Response:
    """Ids of the bundled policies with data of their own."""
    return json_response({"policies": list(list_policies())})


@router.get("/v1/policies/{policy_id}", tags=["law"], response_model=dict[str, Any])
async def policy(request: Request, policy_id: str) -> Response:
    """One instansi's policy: its own arrangements and instruments (any id of the
    register answers; one without data of its own has none, and answers by the
    national layer)."""
    try:
        pol = get_policy(policy_id)
    except UnknownPolicyError as error:
        return unknown_instansi(request, error)
    return raw(pol.model_dump_json().encode())


@router.get("/v1/instansi", tags=["law"], response_model=InstansiList)
async def instansi_list() -> Response:
    """The register: every instansi flexasn answers for (552 regional governments,
    DKI Jakarta's administrative areas and ``nasional``)."""
    return raw(register_json())


@router.get("/v1/instansi/{instansi_id}", tags=["law"])
async def instansi_one(request: Request, instansi_id: str) -> Response:
    """One instansi of the register: name, level, province, code, time zone."""
    try:
        found = instansi(instansi_id)
    except UnknownPolicyError as error:
        return unknown_instansi(request, error)
    return raw(found.model_dump_json().encode())


@router.get(
    "/v1/instansi/{instansi_id}/calendar.ics",
    tags=["law"],
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "RFC 5545"}},
)
async def feed(
    request: Request,
    instansi_id: str,
    first_day: date | None = None,
    last_day: date | None = None,
    known_on: date | None = None,
    lang: Annotated[str, Query(pattern="^(id|en)$")] = "id",
) -> Response:
    """The instansi's ASN calendar as an iCalendar (RFC 5545) feed to subscribe to:
    national holidays, cuti bersama, flexible-work days (circular and confidence in
    the description) and Ramadan working hours. Stable UIDs: a subscribed calendar
    updates its events instead of adding copies. Default span: from 1 January of the
    year of ``data_as_of`` to the end of the last decreed year."""
    if instansi_id not in instansi_ids() and instansi_id not in list_policies():
        try:
            get_policy(instansi_id)
        except UnknownPolicyError as error:
            return unknown_instansi(request, error)
    start, end = default_span()
    first = first_day if first_day is not None else start
    last = last_day if last_day is not None else end
    cfg = settings_of(request)
    check_span(cfg, first, last, "calendar.ics")
    body = await limited(cfg, lambda: feed_ics(instansi_id, first, last, known_on, lang))
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{instansi_id}.ics"'},
    )


__all__ = [
    "calendar",
    "doctor_report",
    "feed",
    "feed_ics",
    "instansi_list",
    "instansi_one",
    "law",
    "policies",
    "policy",
    "register_json",
    "router",
    "unknown_instansi",
]
