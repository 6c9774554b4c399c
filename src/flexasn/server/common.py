"""What every route of the web service shares: the limits, the worker threads, responses."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import anyio.to_thread
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.responses import Response

from ..errors import InvalidInputError
from ..messages import Text
from .models import Problem
from .problems import PROBLEM_JSON
from .settings import Settings

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
JSON = "application/json"
PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": text}
    for code, text in (
        (404, "Unknown instansi or policy"),
        (413, "Body over max_body_bytes"),
        (422, "Invalid request, or over a limit (max_batch, max_span_days, request_timeout)"),
    )
}
"""The problem responses every route may give (in the OpenAPI document)."""


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


def settings_of(request: Request) -> Settings:
    """The settings of the application answering ``request``."""
    found: Settings = request.app.state.settings
    return found


async def limited(settings: Settings, func: Callable[[], T]) -> T:
    """Run ``func`` in a worker thread within ``request_timeout``."""
    try:
        return await asyncio.wait_for(
            anyio.to_thread.run_sync(func, abandon_on_cancel=True), settings.request_timeout
        )
    except TimeoutError:
        raise LimitExceeded(422, "timeout", "request_timeout", settings.request_timeout) from None


def json_response(data: Any) -> Response:
    """``data`` as a JSON response."""
    return Response(json.dumps(data, ensure_ascii=False).encode(), media_type=JSON)


def raw(body: bytes, media_type: str = JSON) -> Response:
    """A response of JSON already encoded."""
    return Response(body, media_type=media_type)


def check_span(settings: Settings, first: date, last: date, field: str) -> int:
    """The days from ``first`` to ``last``; 422 past ``max_span_days``."""
    if last < first:
        raise InvalidInputError(Text("batch.span_reversed", field=field, last=last, first=first))
    days = (last - first).days + 1
    if days > settings.max_span_days:
        raise LimitExceeded(
            422, "span_too_long", "max_span_days", settings.max_span_days, days=days
        )
    return days


def check_batch(settings: Settings, count: int) -> None:
    """422 for more answers than ``max_batch``."""
    if count > settings.max_batch:
        raise LimitExceeded(422, "batch_too_large", "max_batch", settings.max_batch, count=count)


REF = "#/components/schemas/{model}"
"""Where the OpenAPI document holds a schema."""


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI request body of a route that parses ``model`` itself."""
    ref = {"$ref": REF.format(model=model.__name__)}
    return {"requestBody": {"required": True, "content": {JSON: {"schema": ref}}}}


async def parse(request: Request, model: type[M]) -> M:
    """The body as ``model``; a validation error as FastAPI's (422, fields by path)."""
    body = await request.body()
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        for error in errors:
            error["loc"] = ("body", *error["loc"])
        raise RequestValidationError(errors) from None


__all__ = [
    "JSON",
    "PROBLEMS",
    "REF",
    "LimitExceeded",
    "body_schema",
    "check_batch",
    "check_span",
    "json_response",
    "limited",
    "parse",
    "raw",
    "settings_of",
]
