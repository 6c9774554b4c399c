"""The limits of the web service, each configurable by environment variable or option.

- ``max_body_bytes`` (``FLEXASN_SERVER_MAX_BODY_BYTES``, ``--max-body-bytes``): the largest
  request body, 2,097,152 bytes (2 MiB) by default;
- ``max_batch`` (``FLEXASN_SERVER_MAX_BATCH``, ``--max-batch``): the most employee-days of
  one batch, rotation or schedule request, 10,000;
- ``request_timeout`` (``FLEXASN_SERVER_REQUEST_TIMEOUT``, ``--request-timeout``): seconds a
  request may compute, 10;
- ``max_span_days`` (``FLEXASN_SERVER_MAX_SPAN_DAYS``, ``--max-span-days``): the longest
  span of days of one request, 1,830 (five years);
- ``decision_cache`` (``FLEXASN_SERVER_DECISION_CACHE``, ``--decision-cache``): distinct
  decisions kept, 20,000 (0: none).

A request over a limit gets ``413`` (body) or ``422`` (batch, span, time) as
``application/problem+json`` naming the limit (``limit.name``, ``limit.value``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InvalidInputError
from ..errors.plain import plain_words
from ..messages import Text

ENV_PREFIX = "FLEXASN_SERVER_"


class Settings(BaseModel):
    """The service's limits (see the module doc for defaults and environment variables)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024, le=256 * 1024 * 1024)
    """The largest request body, in bytes: larger bodies get 413."""
    max_batch: int = Field(default=10_000, ge=1, le=1_000_000)
    """The most employee-day decisions one batch request may ask for (employees x days),
    and the most employee-days one rotation or schedule request may cover: more get 422."""
    request_timeout: float = Field(default=10.0, gt=0, le=600)
    """Seconds a request may compute before it is answered 422 naming the limit."""
    max_span_days: int = Field(default=1830, ge=1, le=3660)
    """The longest span, in days, of a calendar, feed, batch, rotation or schedule."""
    decision_cache: int = Field(default=20_000, ge=0, le=10_000_000)
    """How many distinct decisions (by the facts the rules read, never by NIP) are kept;
    0 turns the cache off."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``FLEXASN_SERVER_*`` environment variables (unset: the default).

        Raises [`InvalidInputError`][flexasn.InvalidInputError] naming the variable for a value
        that is not a number or is out of range.
        """
        env = os.environ if environ is None else environ
        values = {
            name: env[ENV_PREFIX + name.upper()]
            for name in cls.model_fields
            if env.get(ENV_PREFIX + name.upper(), "").strip()
        }
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors(include_input=False, include_url=False)[0]
            name = ENV_PREFIX + str(first["loc"][0]).upper()
            said = plain_words(first)  # pydantic's error types in the catalogue's words
            raise InvalidInputError(
                Text("server_settings.invalid", name=name, message=said)
            ) from None

    def env(self) -> dict[str, str]:
        """These settings as environment variables (for worker processes)."""
        return {ENV_PREFIX + k.upper(): str(v) for k, v in self.model_dump().items()}


__all__ = [
    "ENV_PREFIX",
    "Settings",
]
