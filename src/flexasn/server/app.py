"""The FastAPI application: routes under ``/v1``, problem+json errors, limits, caches.

Stateless and read-only: every answer is computed from the request and the bundled (or
``FLEXASN_POLICY_PATH``) law; nothing is stored between requests but caches of answers
that depend only on their inputs. Run several workers or hosts behind a load balancer to
scale (see ``docs/server.md``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..calendar import day_info
from ..check import validate_schedule
from ..decide import Decision, decide, situation
from ..doctor import doctor
from ..errors import FlexasnError, InvalidInputError, RosterError, UnknownPolicyError
from ..ics import calendar_ics, default_span, instansi_calendar
from ..legal import data_as_of
from ..messages import render_all
from ..people import Employee, Opd, mask_nip, profile_of
from ..plan import plan_rotation
from ..policy import Policy, get_policy, list_policies, resolve_policy
from ..quotas import quota
from ..register import instansi, instansi_ids
from ..roster import read_roster
from ..schedule import read_schedule_csv, read_schedule_xlsx
from .logs import install_mask_filter
from .models import (
    BatchRequest,
    BatchResponse,
    CalendarResponse,
    DecisionRequest,
    DoctorReport,
    Health,
    InstansiList,
    LawInForce,
    PolicyList,
    Problem,
    QuotaRequest,
    RotationRequest,
    ValidateRequest,
    ValidateResponse,
    Version,
)
from .problems import (
    PROBLEM_JSON,
    internal_problem,
    library_problem,
    limit_problem,
    problem,
    validation_problem,
)
from .settings import Settings

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
JSON = "application/json"
_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": text}
    for code, text in (
        (404, "Unknown instansi or policy"),
        (413, "Body over max_body_bytes"),
        (422, "Invalid request, or over a limit (max_batch, max_span_days, request_timeout)"),
    )
}


class LimitExceeded(Exception):
    """A request over one of the service's limits (answered 413 or 422)."""

    def __init__(self, status: int, key: str, name: str, value: float, **params: Any) -> None:
        self.status, self.key, self.name, self.value, self.params = (
            status,
            key,
            name,
            value,
            params,
        )
        super().__init__(name)


# --- ASGI middleware -------------------------------------------------------------------------


class BodyLimit:
    """Answers 413 to a request whose body is over ``max_body_bytes``, before any route
    reads it: by its ``Content-Length``, or (chunked) by counting as it arrives."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) <= self.limit:
            await self.app(scope, receive, send)  # the server holds it to Content-Length
            return
        if length is not None and length.isdigit():
            await self._refuse(scope, receive, send)
            return
        chunks: list[Message] = []
        size = 0
        while True:
            message = await receive()
            chunks.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = limit_problem(
            Request(scope), 413, "body_too_large", "max_body_bytes", self.limit
        )
        await response(scope, receive, send)


class Guard:
    """Any exception a route did not turn into a problem becomes a 500 problem without
    details; the log names its type and the path, never its message or a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as error:
            if started:  # pragma: no cover - a response cut short: nothing more to send
                return
            await internal_problem(Request(scope), error)(scope, receive, send)


# --- caches ------------------------------------------------------------------------------------

_PLACEHOLDER = "@@flexasn-employee@@"
_SLOT = json.dumps(_PLACEHOLDER).encode()


class DecisionCache:
    """Decisions as JSON, keyed by the facts the rules read (never the NIP): the OPD, the
    employee's facts and whether the day is one of their duty days, the day, ``known_on``,
    the policy and the remote days already taken. The employee's masked NIP is spliced
    into the cached JSON per request. At most ``size`` entries; the oldest go first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: dict[tuple[Any, ...], tuple[bytes, bytes, Policy]] = {}
        self._lock = threading.Lock()  # batches fill it from worker threads

    def json(
        self,
        employee: Employee,
        opd: Opd,
        day: date,
        policy: Policy,
        known_on: date | None = None,
        remote_days: int | None = None,
    ) -> bytes:
        """The decision for ``employee`` as the library's Decision JSON."""
        e = employee
        key = (
            opd,
            e.status,
            profile_of(e),  # what the rules read of the employee (people.Profile)
            day in e.duty_days,
            day,
            known_on,
            policy.id,
            id(policy),
            remote_days,
        )
        found = self._data.get(key)
        if found is None:
            decision = decide(
                situation(e, opd, day, policy, remote_days_this_week=remote_days, known_on=known_on)
            )
            anonymous = decision.model_copy(update={"employee": _PLACEHOLDER})
            head, _, tail = anonymous.model_dump_json().encode().partition(_SLOT)
            found = (head, tail, policy)
            if self.size:
                with self._lock:
                    while len(self._data) >= self.size:
                        del self._data[next(iter(self._data))]
                    self._data[key] = found
        head, tail, _ = found
        return head + json.dumps(mask_nip(e.nip), ensure_ascii=False).encode() + tail


@functools.lru_cache(maxsize=256)
def _feed(instansi_id: str, first: date, last: date, known_on: date | None, lang: str) -> bytes:
    return calendar_ics(
        instansi_id, first, last, known_on=known_on, lang="en" if lang == "en" else "id"
    )


@functools.lru_cache(maxsize=1)
def _register_json() -> bytes:
    items = [instansi(i).model_dump(mode="json") for i in instansi_ids()]
    return json.dumps({"count": len(items), "instansi": items}, ensure_ascii=False).encode()


@contextlib.asynccontextmanager
async def _warm_up(app: FastAPI) -> AsyncIterator[None]:
    """Load the law once at start (policies, register, calendar, Ramadan, messages), so
    that the first request does not pay for it."""

    def load() -> None:
        for policy_id in list_policies():
            get_policy(policy_id)
        _register_json()
        today = data_as_of()
        for year in range(today.year - 1, today.year + 2):
            for month in range(1, 13):
                day_info(date(year, month, 1), strict=False)
        render_all("server.internal")

    await anyio.to_thread.run_sync(load)
    yield


# --- helpers -----------------------------------------------------------------------------------


def _json(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False).encode(), media_type=JSON)


def _raw(body: bytes, media_type: str = JSON) -> Response:
    return Response(body, media_type=media_type)


def _check_span(settings: Settings, first: date, last: date, field: str) -> int:
    if last < first:
        raise InvalidInputError(f"{field}: last_day {last} is before first_day {first}")
    days = (last - first).days + 1
    if days > settings.max_span_days:
        raise LimitExceeded(
            422, "span_too_long", "max_span_days", settings.max_span_days, days=days
        )
    return days


def _check_batch(settings: Settings, count: int) -> None:
    if count > settings.max_batch:
        raise LimitExceeded(422, "batch_too_large", "max_batch", settings.max_batch, count=count)


def _history(raw: dict[str, list[date]] | None) -> dict[str, tuple[date, ...]] | None:
    return None if raw is None else {nip: tuple(days) for nip, days in raw.items()}


def _violations(found: Iterable[Any]) -> bytes:
    items = [v.model_dump(mode="json") | {"nip": v.nip} for v in found]
    return json.dumps({"count": len(items), "violations": items}, ensure_ascii=False).encode()


def _unknown_instansi(request: Request, error: UnknownPolicyError) -> Response:
    messages = {"id": error.message("id"), "en": error.message("en")}
    return problem(
        request,
        404,
        "unknown-instansi",
        messages,
        suggestions=list(error.suggestions),
    )


# --- the application ---------------------------------------------------------------------------


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web service's ASGI application, with ``settings`` (default:
    `Settings.from_env`)."""
    cfg = settings if settings is not None else Settings.from_env()
    cache = DecisionCache(cfg.decision_cache)
    app = FastAPI(
        title="flexasn",
        version=__version__,
        summary="Aturan kerja fleksibel ASN (WFO/WFH/WFA) sebagai layanan web / "
        "Indonesia's civil-service flexible-work rules as a web service",
        description=(
            "Stateless, read-only answers with reasons and legal citations. Errors are "
            "RFC 9457 `application/problem+json`. Personal data (NIPs, facts about "
            "employees) travels in POST bodies only and is never logged."
        ),
        responses=_PROBLEMS,
        lifespan=_warm_up,
    )
    app.state.settings = cfg
    install_mask_filter()
    app.add_middleware(Guard)
    app.add_middleware(BodyLimit, limit=cfg.max_body_bytes)

    async def limited(func: Callable[[], T]) -> T:
        """Run ``func`` in a worker thread within ``request_timeout``."""
        try:
            return await asyncio.wait_for(
                anyio.to_thread.run_sync(func, abandon_on_cancel=True), cfg.request_timeout
            )
        except TimeoutError:
            raise LimitExceeded(422, "timeout", "request_timeout", cfg.request_timeout) from None

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return validation_problem(request, exc.errors())

    @app.exception_handler(FlexasnError)
    async def _library(request: Request, exc: FlexasnError) -> Response:
        return library_problem(request, exc)

    @app.exception_handler(LimitExceeded)
    async def _limit(request: Request, exc: LimitExceeded) -> Response:
        return limit_problem(request, exc.status, exc.key, exc.name, exc.value, **exc.params)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if exc.status_code == 405:
            messages = render_all("server.method_not_allowed", method=request.method, path=path)
            return problem(request, 405, "method-not-allowed", messages)
        if exc.status_code == 404:
            return problem(request, 404, "not-found", render_all("server.not_found", path=path))
        return problem(  # pragma: no cover - no route raises another status
            request,
            exc.status_code,
            "invalid-request",
            {"id": str(exc.detail), "en": str(exc.detail)},
        )

    # --- service ---

    @app.get("/v1/health", tags=["service"], response_model=Health)
    async def health() -> Response:
        """Is the service up? Always ``{"status": "ok"}`` while it answers."""
        return _raw(b'{"status":"ok"}')

    @app.get("/v1/version", tags=["service"], response_model=Version)
    async def version() -> Response:
        """The package version and the day the bundled law is known as of."""
        return _json({"version": __version__, "data_as_of": data_as_of().isoformat(), "api": "v1"})

    # --- decisions ---

    @app.post(
        "/v1/decisions",
        tags=["decisions"],
        response_model=Decision,
        openapi_extra=_body_schema(DecisionRequest),
    )
    async def decision(request: Request) -> Response:
        """May this employee work away from the office (WFH or WFA) on this day?

        The library's ``Decision`` JSON: the outcome (allowed, denied, undetermined),
        every check with its result, citation and messages in Indonesian and English.
        The employee's NIP is masked to its last four digits.
        """
        body = await _parse(request, DecisionRequest)
        pol = resolve_policy(body.policy, body.opd.instansi)
        situation(body.employee, body.opd, body.day, pol)  # the OPD matches: or 422
        return _raw(
            cache.json(
                body.employee,
                body.opd,
                body.day,
                pol,
                body.known_on,
                body.remote_days_this_week,
            )
        )

    @app.post(
        "/v1/decisions/batch",
        tags=["decisions"],
        response_model=BatchResponse,
        openapi_extra=_body_schema(BatchRequest),
    )
    async def batch(request: Request) -> Response:
        """Decisions for every employee on every day (employees x days at most
        ``max_batch``); in request order, employee by employee, day by day."""
        body = await _parse(request, BatchRequest)
        if body.days is not None and (body.first_day or body.last_day):
            raise InvalidInputError("give either days or first_day and last_day, not both")
        if body.days is not None:
            days = list(body.days)
            _check_batch(cfg, len(days) * len(body.employees))
            if len(days) > cfg.max_span_days:
                raise LimitExceeded(
                    422, "span_too_long", "max_span_days", cfg.max_span_days, days=len(days)
                )
        elif body.first_day is not None and body.last_day is not None:
            span = _check_span(cfg, body.first_day, body.last_day, "batch")
            _check_batch(cfg, span * len(body.employees))
            days = [body.first_day + timedelta(days=n) for n in range(span)]
        else:
            raise InvalidInputError("give the days: days, or first_day and last_day")
        opds = {o.code: o for o in body.opds}
        for index, e in enumerate(body.employees):
            if e.opd not in opds:
                raise InvalidInputError(
                    f"employees[{index}].opd: no OPD with that code in opds (not repeated here)"
                )

        def run() -> bytes:
            parts: list[bytes] = []
            policies: dict[str, Policy] = {}
            for e in body.employees:
                opd = opds[e.opd]
                pol = policies.get(opd.instansi)
                if pol is None:
                    pol = policies[opd.instansi] = resolve_policy(body.policy, opd.instansi)
                parts += [cache.json(e, opd, d, pol, body.known_on) for d in days]
            return b'{"count":%d,"decisions":[' % len(parts) + b",".join(parts) + b"]}"

        return _raw(await limited(run))

    @app.post("/v1/quotas", tags=["decisions"])
    async def quotas(body: QuotaRequest) -> Response:
        """An OPD's remote-work quota on a day, never raising for a legal answer:
        ``status`` (set, excluded, no_flexible_work, not_working_day, undefined, unknown)
        says why there is or is no number; ``limit`` is null where the law gives none."""
        q = quota(
            body.opd,
            body.day,
            policy=body.policy,
            onsite_required=body.onsite_required,
            strict=False,
            known_on=body.known_on,
        )
        return _raw(q.model_dump_json().encode())

    # --- the law ---

    @app.get("/v1/calendar", tags=["law"], response_model=CalendarResponse)
    async def calendar(
        instansi_id: Annotated[str, Query(alias="instansi", min_length=1, max_length=100)],
        first_day: date,
        last_day: date,
        known_on: date | None = None,
        estimate: bool = False,
    ) -> Response:
        """An instansi's ASN calendar, day by day: the kind of each day with its basis,
        the arrangement in force, flexible work, Ramadan. Days beyond the decreed years
        are refused unless ``estimate=true``."""
        _check_span(cfg, first_day, last_day, "calendar")

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

        return _raw(await limited(run))

    @app.get("/v1/law", tags=["law"], response_model=LawInForce)
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
        return _raw(
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

    @app.get("/v1/doctor", tags=["law"], response_model=DoctorReport)
    async def doctor_report(today: date | None = None, horizon: int = 60) -> Response:
        """What the bundled law does not know yet as of ``today`` (default: the server's
        date): undecreed years, estimated Ramadan, weekly arrangements of unknown
        continuation, regional windows without a decision of their own, stale data."""
        report = await limited(lambda: doctor(today, horizon=horizon))
        return _raw(report.model_dump_json().encode())

    @app.get("/v1/policies", tags=["law"], response_model=PolicyList)
    async def policies() -> Response:
        """Ids of the bundled policies with data of their own."""
        return _json({"policies": list(list_policies())})

    @app.get("/v1/policies/{policy_id}", tags=["law"], response_model=dict[str, Any])
    async def policy(request: Request, policy_id: str) -> Response:
        """One instansi's policy: its own arrangements and instruments (any id of the
        register answers; one without data of its own has none, and answers by the
        national layer)."""
        try:
            pol = get_policy(policy_id)
        except UnknownPolicyError as error:
            return _unknown_instansi(request, error)
        return _raw(pol.model_dump_json().encode())

    @app.get("/v1/instansi", tags=["law"], response_model=InstansiList)
    async def instansi_list() -> Response:
        """The register: every instansi flexasn answers for (552 regional governments,
        DKI Jakarta's administrative areas and ``nasional``)."""
        return _raw(_register_json())

    @app.get("/v1/instansi/{instansi_id}", tags=["law"])
    async def instansi_one(request: Request, instansi_id: str) -> Response:
        """One instansi of the register: name, level, province, code, time zone."""
        try:
            found = instansi(instansi_id)
        except UnknownPolicyError as error:
            return _unknown_instansi(request, error)
        return _raw(found.model_dump_json().encode())

    @app.get(
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
                return _unknown_instansi(request, error)
        start, end = default_span()
        first = first_day if first_day is not None else start
        last = last_day if last_day is not None else end
        _check_span(cfg, first, last, "calendar.ics")
        body = await limited(lambda: _feed(instansi_id, first, last, known_on, lang))
        return Response(
            body,
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="{instansi_id}.ics"'},
        )

    # --- rotations and schedules ---

    @app.post("/v1/rotations", tags=["schedules"])
    async def rotation(body: RotationRequest) -> Response:
        """Plan who of the OPD works remotely on each day (within quota, weekly limits
        and each employee's eligibility). Returns the library's ``Schedule`` JSON, which
        lists employees by NIP (the caller's own data)."""
        span = _check_span(cfg, body.first_day, body.last_day, "rotation")
        _check_batch(cfg, span * len(body.employees))

        def run() -> bytes:
            s = plan_rotation(
                body.opd,
                body.employees,
                body.first_day,
                body.last_day,
                policy=body.policy,
                history=_history(body.history),
                mode=body.mode,
            )
            return s.model_dump_json().encode()

        return _raw(await limited(run))

    @app.post("/v1/schedules/validate", tags=["schedules"], response_model=ValidateResponse)
    async def validate(body: ValidateRequest) -> Response:
        """Every violation of a schedule (quota, weekly limit, eligibility, roster)."""
        s = body.schedule
        span = _check_span(cfg, s.first_day, s.last_day, "schedule")
        _check_batch(cfg, span * len(body.employees))

        def run() -> bytes:
            return _violations(
                validate_schedule(
                    s, body.opd, body.employees, policy=body.policy, history=_history(body.history)
                )
            )

        return _raw(await limited(run))

    async def _uploads(files: dict[str, UploadFile], read: Callable[[dict[str, Path]], T]) -> T:
        """Save the uploads in a private temporary folder and read them with the library;
        an error names the upload field, never the folder."""
        with tempfile.TemporaryDirectory(prefix="flexasn-") as folder:
            paths: dict[str, Path] = {}
            for field, upload in files.items():
                # a workbook is read as one (the xlsx extra), anything else as CSV
                suffix = Path(upload.filename or "").suffix.lower()
                paths[field] = Path(folder) / f"{field}{suffix if suffix == '.xlsx' else '.csv'}"
                paths[field].write_bytes(await upload.read())

            def run() -> T:
                try:
                    return read(paths)
                except RosterError as error:
                    raise _renamed(error, folder) from None

            return await limited(run)

    @app.post("/v1/rotations/csv", tags=["schedules"])
    async def rotation_csv(
        opds: Annotated[UploadFile, File(description="The OPDs file (CSV UTF-8 or .xlsx)")],
        employees: Annotated[
            UploadFile, File(description="The employees file (CSV UTF-8 or .xlsx)")
        ],
        opd: Annotated[str, Form(min_length=1, description="The code of the OPD to plan")],
        first_day: Annotated[date, Form()],
        last_day: Annotated[date, Form()],
        policy: Annotated[str | None, Form()] = None,
    ) -> Response:
        """`POST /v1/rotations` from a roster uploaded as CSV (the files
        ``flexasn plan`` reads), as ``multipart/form-data``."""
        span = _check_span(cfg, first_day, last_day, "rotation")

        def read(paths: dict[str, Path]) -> bytes:
            roster = read_roster(paths["opds"], paths["employees"], check_headcount=False)
            staff = roster.employees_of(opd)
            _check_batch(cfg, span * len(staff))
            return (
                plan_rotation(roster.opd(opd), staff, first_day, last_day, policy=policy)
                .model_dump_json()
                .encode()
            )

        return _raw(await _uploads({"opds": opds, "employees": employees}, read))

    @app.post("/v1/schedules/validate/csv", tags=["schedules"], response_model=ValidateResponse)
    async def validate_csv(
        schedule: Annotated[UploadFile, File(description="The schedule (wide CSV or .xlsx)")],
        opds: Annotated[UploadFile, File(description="The OPDs file (CSV UTF-8 or .xlsx)")],
        employees: Annotated[
            UploadFile, File(description="The employees file (CSV UTF-8 or .xlsx)")
        ],
        policy: Annotated[str | None, Form()] = None,
    ) -> Response:
        """`POST /v1/schedules/validate` from CSV uploads (the files ``flexasn
        validate`` reads), as ``multipart/form-data``."""

        def read(paths: dict[str, Path]) -> bytes:
            path = paths["schedule"]
            s = (read_schedule_xlsx if path.suffix == ".xlsx" else read_schedule_csv)(path)
            span = _check_span(cfg, s.first_day, s.last_day, "schedule")
            roster = read_roster(paths["opds"], paths["employees"], check_headcount=False)
            staff = roster.employees_of(s.opd)
            _check_batch(cfg, span * len(staff))
            return _violations(validate_schedule(s, roster.opd(s.opd), staff, policy=policy))

        files = {"schedule": schedule, "opds": opds, "employees": employees}
        return _raw(await _uploads(files, read))

    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        """FastAPI's document, with the schemas of the bodies parsed by pydantic directly."""
        if app.openapi_schema is None:
            spec = default_openapi()
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for model in _RAW_BODIES:
                found = model.model_json_schema(ref_template=_REF)
                for name, sub in found.pop("$defs", {}).items():
                    schemas.setdefault(name, sub)
                schemas[model.__name__] = found
            spec["components"]["schemas"] = dict(sorted(schemas.items()))
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


_REF = "#/components/schemas/{model}"
_RAW_BODIES: tuple[type[BaseModel], ...] = (DecisionRequest, BatchRequest)
"""Bodies parsed by pydantic from the raw bytes (``model_validate_json``): the hot
routes, where FastAPI's own parsing would cost more than the decision itself."""


def _body_schema(model: type[BaseModel]) -> dict[str, Any]:
    ref = {"$ref": _REF.format(model=model.__name__)}
    return {"requestBody": {"required": True, "content": {JSON: {"schema": ref}}}}


async def _parse(request: Request, model: type[M]) -> M:
    """The body as ``model``; a validation error as FastAPI's (422, fields by path)."""
    raw = await request.body()
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        for error in errors:
            error["loc"] = ("body", *error["loc"])
        raise RequestValidationError(errors) from None


def _renamed(error: RosterError, folder: str) -> RosterError:
    """The error with the temporary folder left out of its place (the upload's name)."""
    prefix = folder + os.sep
    detail = error.detail
    return RosterError(
        detail if isinstance(detail, str) else dict(detail),
        file=(error.file or "").removeprefix(prefix) or None,
        row=error.row,
        column=error.column,
    )


def app_from_env() -> FastAPI:
    """The application with `Settings.from_env` (uvicorn's ``--factory`` target,
    used for several workers)."""
    return create_app(Settings.from_env())


__all__ = [
    "BodyLimit",
    "DecisionCache",
    "Guard",
    "LimitExceeded",
    "app_from_env",
    "create_app",
]
