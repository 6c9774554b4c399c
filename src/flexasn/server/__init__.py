"""flexasn as a web service, for the apps that are not written in Python.

``pip install -e '.[server]'``, then ``python -m flexasn.server`` (or ``make serve``)
answers on http://127.0.0.1:8000 under ``/v1``; the OpenAPI 3.1 document is at
``/openapi.json`` and the interactive reference at ``/docs``.

FastAPI on uvicorn: FastAPI's request and response models are pydantic v2 models, the
library's own (``Employee``, ``Opd``, ``Decision``, ``Quota``, ``Schedule``), so the JSON
is the library's and the OpenAPI 3.1 document is generated from them; uvicorn (with
httptools and uvloop) is the ASGI server FastAPI is usually run on.

- `create_app` builds the application with `Settings` (limits);
- `main` is the command line: ``--host``, ``--port``, ``--workers`` and the limits;
- `flexasn.server.logs` keeps NIPs out of the access log.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..ics import MissingExtraError

try:
    import fastapi  # noqa: F401 - checked here so that the error names the extra
    import uvicorn
except ImportError:  # pragma: no cover - the dev extra installs them
    _missing = MissingExtraError("server.missing")
    raise _missing from None

from ..errors import FlexasnError
from .app import app_from_env, create_app
from .logs import log_config
from .settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

_LIMITS = (
    ("--max-body-bytes", "max_body_bytes", int, "largest request body in bytes (413 above)"),
    ("--max-batch", "max_batch", int, "most employee-days per batch, rotation or schedule"),
    ("--request-timeout", "request_timeout", float, "seconds a request may compute"),
    ("--max-span-days", "max_span_days", int, "longest span of days per request"),
    ("--decision-cache", "decision_cache", int, "distinct decisions kept (0: no cache)"),
)


def build_parser() -> argparse.ArgumentParser:
    """The options of ``python -m flexasn.server`` (and of ``flexasn serve``)."""
    parser = argparse.ArgumentParser(
        prog="flexasn serve",
        description="Layanan web flexasn / the flexasn web service (HTTP, /v1, OpenAPI 3.1). "
        "Each limit may also be set by its FLEXASN_SERVER_* environment variable.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="log level (default info)",
    )
    parser.add_argument(
        "--no-access-log", action="store_true", help="do not log each request (path only)"
    )
    for option, name, kind, text in _LIMITS:
        env = "FLEXASN_SERVER_" + name.upper()
        parser.add_argument(option, dest=name, type=kind, default=None, help=f"{text} [{env}]")
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The limits: the environment's, with the options given on the command line over them."""
    base = Settings.from_env()
    given = {
        name: getattr(args, name) for _, name, _, _ in _LIMITS if getattr(args, name) is not None
    }
    return Settings.model_validate(base.model_dump() | given) if given else base


def main(argv: Sequence[str] | None = None) -> int:
    """Run the web service until interrupted; the exit code (2 for bad options).

    The lead wires ``flexasn serve`` to it: ``return flexasn.server.main(argv)``.
    """
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        settings = settings_from_args(args)
    except (FlexasnError, ValueError) as error:
        print(f"flexasn serve: {error}", file=sys.stderr)
        return 2
    if args.workers < 1 or not 0 < args.port < 65536:
        print("flexasn serve: --workers must be 1 or more and --port 1-65535", file=sys.stderr)
        return 2
    os.environ.update(settings.env())  # worker processes read their limits from here
    uvicorn.run(
        "flexasn.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=log_config(args.log_level),
        log_level=args.log_level,
        access_log=not args.no_access_log,
        server_header=False,
    )
    return 0


__all__ = [
    "Settings",
    "app_from_env",
    "build_parser",
    "create_app",
    "log_config",
    "main",
    "settings_from_args",
]
