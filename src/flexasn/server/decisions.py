"""The routes that decide: one decision, a batch, an OPD's quota; and the decision cache."""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from .._model import each_day
from ..decide import Decision, decide, situation
from ..errors import InvalidInputError, UnknownPolicyError
from ..messages import Text
from ..people import Employee, Opd, mask_nip, profile_of
from ..policy import Policy, resolve_policy
from ..quotas import quota
from .common import (
    LimitExceeded,
    body_schema,
    check_batch,
    check_span,
    limited,
    parse,
    raw,
    settings_of,
)
from .models import BatchRequest, BatchResponse, DecisionRequest, QuotaRequest
from .problems import library_problem

router = APIRouter()
"""``/v1/decisions``, ``/v1/decisions/batch`` and ``/v1/quotas``."""

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


def decision_cache(request: Request) -> DecisionCache:
    """The decision cache of the application answering ``request``."""
    found: DecisionCache = request.app.state.decisions
    return found


@router.post(
    "/v1/decisions",
    tags=["decisions"],
    response_model=Decision,
    openapi_extra=body_schema(DecisionRequest),
)
async def decision(request: Request) -> Response:
    """May this employee work away from the office (WFH or WFA) on this day?

    The library's ``Decision`` JSON: the outcome (allowed, denied, undetermined),
    every check with its result, citation and messages in Indonesian and English.
    The employee's NIP is masked to its last four digits.
    """
    body = await parse(request, DecisionRequest)
    try:
        pol = resolve_policy(body.policy, body.opd.instansi)
    except UnknownPolicyError as error:
        field = "body.policy" if body.policy else "body.opd.instansi"
        return library_problem(request, error, field=field)
    situation(body.employee, body.opd, body.day, pol)  # the OPD matches: or 422
    return raw(
        decision_cache(request).json(
            body.employee,
            body.opd,
            body.day,
            pol,
            body.known_on,
            body.remote_days_this_week,
        )
    )


@router.post(
    "/v1/decisions/batch",
    tags=["decisions"],
    response_model=BatchResponse,
    openapi_extra=body_schema(BatchRequest),
)
async def batch(request: Request) -> Response:
    """Decisions for every employee on every day (employees x days at most
    ``max_batch``); in request order, employee by employee, day by day."""
    body = await parse(request, BatchRequest)
    cfg, cache = settings_of(request), decision_cache(request)
    if body.days is not None and (body.first_day or body.last_day):
        raise InvalidInputError(Text("batch.days_and_span"))
    if body.days is not None:
        days = list(body.days)
        check_batch(cfg, len(days) * len(body.employees))
        if len(days) > cfg.max_span_days:
            raise LimitExceeded(
                422, "span_too_long", "max_span_days", cfg.max_span_days, days=len(days)
            )
    elif body.first_day is not None and body.last_day is not None:
        span = check_span(cfg, body.first_day, body.last_day, "batch")
        check_batch(cfg, span * len(body.employees))
        days = list(each_day(body.first_day, body.last_day))
    else:
        raise InvalidInputError(Text("batch.no_days"))
    opds = {o.code: o for o in body.opds}
    for index, e in enumerate(body.employees):
        if e.opd not in opds:
            raise InvalidInputError(Text("batch.unknown_opd", index=index))

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

    return raw(await limited(cfg, run))


@router.post("/v1/quotas", tags=["decisions"])
async def quotas(request: Request, body: QuotaRequest) -> Response:
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
    return raw(q.model_dump_json().encode())


__all__ = [
    "DecisionCache",
    "batch",
    "decision",
    "decision_cache",
    "quotas",
    "router",
]
