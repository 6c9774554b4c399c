"""Property-based tests of the web service generated from its OpenAPI 3.1 document.

schemathesis generates requests for every operation, both as the document allows them
(positive) and as it forbids them (negative: wrong types, missing fields, bad dates): the
service answers each with a 2xx or a 4xx problem, never a 5xx. Bounded to a few examples
per operation (deadline off) so that it runs in seconds; the service runs in this process
(schemathesis's ASGI client), with small limits.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.generation.modes import GenerationMode

from flexasn.server import Settings, create_app

app = create_app(Settings(max_batch=50, max_span_days=62, request_timeout=5))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=6,
    deterministic=True,
    database="none",
)


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_no_server_error_for_any_input(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:500])
    if response.status_code >= 400:
        assert response.headers["content-type"][0].startswith("application/problem+json")
