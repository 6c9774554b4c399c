"""The FastAPI application: routes under ``/v1``, problem+json errors, limits, caches.

Stateless and read-only: every answer is computed from the request and the bundled (or
``FLEXASN_POLICY_PATH``) law; nothing is stored between requests but caches of answers
that depend only on their inputs. Run several workers or hosts behind a load balancer to
scale (see ``docs/server.md``).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from .. import __version__
from ..calendar import day_info
from ..errors import FlexasnError
from ..legal import data_as_of
from ..messages import render_all
from ..policy import get_policy, list_policies
from . import decisions, law, schedules
from .common import PROBLEMS, REF, LimitExceeded, json_response, raw
from .decisions import DecisionCache
from .logs import install_mask_filter
from .middleware import BodyLimit, Guard
from .models import BatchRequest, DecisionRequest, Health, Version
from .problems import library_problem, limit_problem, problem, validation_problem
from .settings import Settings

service = APIRouter()
"""``/v1/health`` and ``/v1/version``."""


@service.get("/v1/health", tags=["service"], response_model=Health)
async def health() -> Response:
    """Is the service up? Always ``{"status": "ok"}`` while it answers."""
    return raw(b'{"status":"ok"}')


@service.get("/v1/version", tags=["service"], response_model=Version)
async def version() -> Response:
    """The package version and the day the bundled law is known as of."""
    return json_response(
        {"version": __version__, "data_as_of": data_as_of().isoformat(), "api": "v1"}
    )


@contextlib.asynccontextmanager
async def _warm_up(app: FastAPI) -> AsyncIterator[None]:
    """Load the law once at start (policies, register, calendar, Ramadan, messages), so
    that the first request does not pay for it."""

    def load() -> None:
        for policy_id in list_policies():
            get_policy(policy_id)
        law.register_json()
        today = data_as_of()
        for year in range(today.year - 1, today.year + 2):
            for month in range(1, 13):
                day_info(date(year, month, 1), strict=False)
        render_all("server.internal")

    await anyio.to_thread.run_sync(load)
    yield


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return validation_problem(request, exc.errors())


async def _library(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FlexasnError)
    return library_problem(request, exc)


async def _limit(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LimitExceeded)
    return limit_problem(request, exc.status, exc.key, exc.name, exc.value, **exc.params)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
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


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web service's ASGI application, with ``settings`` (default:
    `Settings.from_env`)."""
    cfg = settings if settings is not None else Settings.from_env()
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
        responses=PROBLEMS,
        lifespan=_warm_up,
    )
    app.state.settings = cfg
    app.state.decisions = DecisionCache(cfg.decision_cache)
    install_mask_filter()
    app.add_middleware(Guard)
    app.add_middleware(BodyLimit, limit=cfg.max_body_bytes)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(FlexasnError, _library)
    app.add_exception_handler(LimitExceeded, _limit)
    app.add_exception_handler(StarletteHTTPException, _http)
    for router in (service, decisions.router, law.router, schedules.router):
        app.include_router(router)
    _with_raw_bodies(app)
    return app


_RAW_BODIES: tuple[type[BaseModel], ...] = (DecisionRequest, BatchRequest)
"""Bodies parsed by pydantic from the raw bytes (``model_validate_json``): the hot
routes, where FastAPI's own parsing would cost more than the decision itself."""


def _with_raw_bodies(app: FastAPI) -> None:
    """FastAPI's document, with the schemas of the bodies parsed by pydantic directly."""
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = default_openapi()
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for model in _RAW_BODIES:
                found = model.model_json_schema(ref_template=REF)
                for name, sub in found.pop("$defs", {}).items():
                    schemas.setdefault(name, sub)
                schemas[model.__name__] = found
            spec["components"]["schemas"] = dict(sorted(schemas.items()))
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


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
    "health",
    "service",
    "version",
]
