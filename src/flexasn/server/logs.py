"""Logs without personal data: an access-log formatter that masks the request line.

uvicorn's access log prints each request's path **and query string**. flexasn's API
takes personal data (NIPs, facts about employees) in POST bodies only, but a client may
still put a NIP in a query string or a path (``/v1/x?nip=1985...``). The formatter here
logs the path without its query string, and masks every run of eight digits or more in
the path (``…1001#5c2e9a07``, [`flexasn.privacy.masked_id`][flexasn.masked_id]); an ISO date
(``2025-03-24``) is kept. Request bodies are never logged, and the service's own error
log names an error's type and path only (`flexasn.server.problems`).
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter

from ..privacy import masked_id

# Long digit runs (a NIP), but not the hash after a masked id's "#": its 8 hex digits are
# all decimal about 2 % of the time, and masking must stay idempotent.
_DIGITS = re.compile(r"(?<!#)[0-9]{8,}")


def mask_path(full_path: str) -> str:
    """The request target as it may be logged: no query string, long digit runs masked."""
    path = full_path.split("?", 1)[0]
    return _DIGITS.sub(lambda m: masked_id(m.group(0)), path)


def _masked_args(args: Any) -> Any:
    if isinstance(args, tuple) and len(args) == 5:
        client, method, full_path, version, status = args
        return (client, method, mask_path(str(full_path)), version, status)
    return args


class MaskFilter(logging.Filter):
    """A filter for the ``uvicorn.access`` logger that masks each record itself
    (`mask_path`), so that every handler (a log shipper, a test's capture) gets the
    masked path. `flexasn.server.create_app` installs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record's request target; never drops a record."""
        record.args = _masked_args(record.args)
        return True


def install_mask_filter() -> None:
    """Add `MaskFilter` to the ``uvicorn.access`` logger, once."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, MaskFilter) for f in access.filters):
        access.addFilter(MaskFilter())


class MaskedAccessFormatter(AccessFormatter):
    """uvicorn's access formatter with the path masked (`mask_path`), for a record
    that did not pass `MaskFilter`."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        """Format the record with the request target masked."""
        record = copy.copy(record)
        record.args = _masked_args(record.args)
        return super().formatMessage(record)


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging configuration with `MaskedAccessFormatter` for access logs."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["access"]["()"] = f"{__name__}.MaskedAccessFormatter"
    config.setdefault("filters", {})["mask"] = {"()": f"{__name__}.MaskFilter"}
    config["loggers"]["uvicorn.access"]["filters"] = ["mask"]
    config["loggers"]["flexasn.server"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config


__all__ = [
    "MaskFilter",
    "MaskedAccessFormatter",
    "install_mask_filter",
    "log_config",
    "mask_path",
]
