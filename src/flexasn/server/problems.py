"""Errors as RFC 9457 ``application/problem+json``: 4xx with the field path, never a
traceback, a NIP or a name.

Every problem has ``type`` (``urn:flexasn:problem:<code>``), ``title`` (English, stable),
``status``, ``detail`` (in the language of the request's ``Accept-Language``: Indonesian
by default, English for ``en``), ``messages`` (``{"id": ..., "en": ...}``) and
``instance`` (the path, without the query string). A request that fails validation adds
``errors``: one ``{"field", "message", "type"}`` per wrong field, ``field`` being the
path (``body.employees[3].nip``); a location part that may be a NIP is masked
([`flexasn.errors.mask_location`][flexasn.errors.mask_location]). A request over a limit adds
``limit``:
``{"name": "max_batch", "value": 10000}``.

Input values are never echoed: pydantic's ``input`` is dropped, and the library's own
messages ([`FlexasnError`][flexasn.FlexasnError]) never hold personal data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ..errors import FlexasnError, UnknownPolicyError, mask_location, masked_words
from ..messages import Language, render_all

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger("flexasn.server")

TITLES = {
    "invalid-request": "Invalid request",
    "invalid-input": "Invalid input",
    "unknown-instansi": "Unknown instansi",
    "limit-exceeded": "Limit exceeded",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "internal": "Internal server error",
}


def language(request: Request) -> Language:
    """``en`` when the request's ``Accept-Language`` starts with English, else ``id``."""
    accepted = request.headers.get("accept-language", "").strip().lower()
    return "en" if accepted.startswith("en") else "id"


def field_path(loc: Sequence[str | int]) -> str:
    """A pydantic location as a path, masked: ``("body", "employees", 3, "nip")`` ->
    ``body.employees[3].nip``."""
    out = ""
    for part in mask_location(tuple(loc)):
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problem(
    request: Request,
    status: int,
    code: str,
    messages: Mapping[str, str],
    **extra: Any,
) -> Response:
    """A problem+json response; ``messages`` holds the detail in ``id`` and ``en``."""
    body = {
        "type": f"urn:flexasn:problem:{code}",
        "title": TITLES[code],
        "status": status,
        "detail": messages[language(request)],
        "messages": dict(messages),
        "instance": request.url.path,
        **extra,
    }
    headers = {"Content-Language": language(request)}
    return Response(
        json.dumps(body, ensure_ascii=False).encode("utf-8"),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _field_words(error: Mapping[str, Any]) -> dict[str, str]:
    """One wrong field's message in every language, in the catalogue's plain words
    ([`masked_words`][flexasn.errors.model.masked_words]); ``message`` beside it keeps
    pydantic's English, as before."""
    return masked_words(error)[1]


def validation_problem(request: Request, errors: Sequence[Mapping[str, Any]]) -> Response:
    """422 for a request that fails validation: every wrong field by its path."""
    items: list[dict[str, Any]] = [
        {
            "field": field_path(e.get("loc", ())),
            "message": str(e.get("msg", "")).removeprefix("Value error, "),
            "messages": _field_words(e),
            "type": str(e.get("type", "")),
        }
        for e in errors
    ]
    fields = ", ".join(dict.fromkeys(str(i["field"]) for i in items))
    messages = render_all("server.invalid_request", count=len(items), fields=fields)
    return problem(request, 422, "invalid-request", messages, errors=items)


def library_problem(
    request: Request, error: FlexasnError, status: int = 422, field: str | None = None
) -> Response:
    """A problem for an error of the library: its own message, which names what is wrong
    and never holds personal data (see [`flexasn.errors`][flexasn.errors]). An unknown
    instansi or policy adds ``suggestions`` (the closest ids, as a 404 of a path does);
    ``field`` names the request's field the error is about (``body.opd.instansi``)."""
    messages = {"id": error.message("id"), "en": error.message("en")}
    extra: dict[str, Any] = {"error": type(error).__name__}
    if isinstance(error, UnknownPolicyError):
        extra["suggestions"] = list(error.suggestions)
    if field is not None:
        extra["errors"] = [
            {
                "field": field,
                "message": messages["en"],
                "messages": messages,
                "type": "unknown_instansi"
                if isinstance(error, UnknownPolicyError)
                else type(error).__name__,
            }
        ]
    errors = getattr(error, "errors", None)
    if callable(errors):  # a ModelValidationError: pydantic's list, inputs dropped
        extra["errors"] = [
            {
                "field": field_path(e["loc"]),
                "message": e["msg"],
                "messages": _field_words(e),
                "type": e["type"],
            }
            for e in errors(include_url=False, include_input=False)
        ]
    return problem(request, status, "invalid-input", messages, **extra)


def limit_problem(
    request: Request, status: int, key: str, name: str, value: float | int, **params: Any
) -> Response:
    """413 or 422 for a request over one of the service's limits, naming it."""
    messages = render_all(f"server.{key}", limit=value, **params)
    return problem(
        request, status, "limit-exceeded", messages, limit={"name": name, "value": value}
    )


def internal_problem(request: Request, error: BaseException) -> Response:
    """500 without details; the log names the error's type and the path only (an
    exception's message may hold input values)."""
    logger.error("internal error %s on %s", type(error).__name__, request.url.path)
    return problem(request, 500, "internal", render_all("server.internal"))


__all__ = [
    "PROBLEM_JSON",
    "TITLES",
    "field_path",
    "internal_problem",
    "language",
    "library_problem",
    "limit_problem",
    "problem",
    "validation_problem",
]
