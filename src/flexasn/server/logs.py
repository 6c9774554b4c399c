"""Logs without personal data: an access-log formatter that masks the request line.

uvicorn's access log prints each request's path **and query string**. flexasn's API
takes personal data (NIPs, facts about employees) in POST bodies only, but a client may
still put a NIP in a query string or a path (``/v1/x?nip=1985...``). The formatter here
logs the path without its query string, and masks every run of eight digits or more in
the path (``…1001#5c2e9a07``, :func:`flexasn.privacy.masked_id`); an ISO date
(``2025-03-24``) is kept. Request bodies are never logged, and the service's own error
log names an error's type and path only (:mod:`flexasn.server.problems`).
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter

from ..privacy import masked_id

_DIGITS = re.compile(r"[0-9]{8,}")


def mask_path(full_path: str) -> str:
    """The request target as it may be logged: no query string, long digit runs masked."""
    path = full_path.split("?", 1)[0].split("#", 1)[0]
    return _DIGITS.sub(lambda m: masked_id(m.group(0)), path)


class MaskedAccessFormatter(AccessFormatter):
    """uvicorn's access formatter with the path masked (:func:`mask_path`)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        """Format the record with the request target masked."""
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            client, method, full_path, version, status = args
            record = copy.copy(record)
            record.args = (client, method, mask_path(str(full_path)), version, status)
        return super().formatMessage(record)


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging configuration with :class:`MaskedAccessFormatter` for access logs."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["access"]["()"] = f"{__name__}.MaskedAccessFormatter"
    config["loggers"]["flexasn.server"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config
