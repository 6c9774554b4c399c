"""The routes of rotations and schedules: plan one, validate one, from JSON or uploads."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from ..check import validate_schedule
from ..errors import RosterError
from ..plan import plan_rotation
from ..roster import read_roster
from ..schedule import read_schedule_csv, read_schedule_xlsx
from .common import check_batch, check_span, limited, raw, settings_of
from .models import RotationRequest, ValidateRequest, ValidateResponse
from .settings import Settings

T = TypeVar("T")

router = APIRouter()
"""``/v1/rotations`` and ``/v1/schedules/validate``, from JSON and from uploads."""


def history_of(found: dict[str, list[date]] | None) -> dict[str, tuple[date, ...]] | None:
    """The ``history`` of a request as the library takes it."""
    return None if found is None else {nip: tuple(days) for nip, days in found.items()}


def violations_json(found: Iterable[Any]) -> bytes:
    """Violations as JSON, each with the NIP (the caller's own data)."""
    items = [v.model_dump(mode="json") | {"nip": v.nip} for v in found]
    return json.dumps({"count": len(items), "violations": items}, ensure_ascii=False).encode()


def renamed(error: RosterError, folder: str) -> RosterError:
    """The error with the temporary folder left out of its place (the upload's name)."""
    prefix = folder + os.sep
    detail = error.detail
    return RosterError(
        detail if isinstance(detail, str) else dict(detail),
        file=(error.file or "").removeprefix(prefix) or None,
        row=error.row,
        column=error.column,
    )


@router.post("/v1/rotations", tags=["schedules"])
async def rotation(request: Request, body: RotationRequest) -> Response:
    """Plan who of the OPD works remotely on each day (within quota, weekly limits
    and each employee's eligibility). Returns the library's ``Schedule`` JSON, which
    lists employees by NIP (the caller's own data)."""
    cfg = settings_of(request)
    span = check_span(cfg, body.first_day, body.last_day, "rotation")
    check_batch(cfg, span * len(body.employees))

    def run() -> bytes:
        s = plan_rotation(
            body.opd,
            body.employees,
            body.first_day,
            body.last_day,
            policy=body.policy,
            history=history_of(body.history),
            mode=body.mode,
        )
        return s.model_dump_json().encode()

    return raw(await limited(cfg, run))


@router.post("/v1/schedules/validate", tags=["schedules"], response_model=ValidateResponse)
async def validate(request: Request, body: ValidateRequest) -> Response:
    """Every violation of a schedule (quota, weekly limit, eligibility, roster)."""
    s, cfg = body.schedule, settings_of(request)
    span = check_span(cfg, s.first_day, s.last_day, "schedule")
    check_batch(cfg, span * len(body.employees))

    def run() -> bytes:
        return violations_json(
            validate_schedule(
                s, body.opd, body.employees, policy=body.policy, history=history_of(body.history)
            )
        )

    return raw(await limited(cfg, run))


async def uploads(
    settings: Settings, files: dict[str, UploadFile], read: Callable[[dict[str, Path]], T]
) -> T:
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
                raise renamed(error, folder) from None

        return await limited(settings, run)


@router.post("/v1/rotations/csv", tags=["schedules"])
async def rotation_csv(
    request: Request,
    opds: Annotated[UploadFile, File(description="The OPDs file (CSV UTF-8 or .xlsx)")],
    employees: Annotated[UploadFile, File(description="The employees file (CSV UTF-8 or .xlsx)")],
    opd: Annotated[str, Form(min_length=1, description="The code of the OPD to plan")],
    first_day: Annotated[date, Form()],
    last_day: Annotated[date, Form()],
    policy: Annotated[str | None, Form()] = None,
) -> Response:
    """`POST /v1/rotations` from a roster uploaded as CSV (the files
    ``flexasn plan`` reads), as ``multipart/form-data``."""
    cfg = settings_of(request)
    span = check_span(cfg, first_day, last_day, "rotation")

    def read(paths: dict[str, Path]) -> bytes:
        roster = read_roster(paths["opds"], paths["employees"], check_headcount=False)
        staff = roster.employees_of(opd)
        check_batch(cfg, span * len(staff))
        return (
            plan_rotation(roster.opd(opd), staff, first_day, last_day, policy=policy)
            .model_dump_json()
            .encode()
        )

    return raw(await uploads(cfg, {"opds": opds, "employees": employees}, read))


@router.post("/v1/schedules/validate/csv", tags=["schedules"], response_model=ValidateResponse)
async def validate_csv(
    request: Request,
    schedule: Annotated[UploadFile, File(description="The schedule (wide CSV or .xlsx)")],
    opds: Annotated[UploadFile, File(description="The OPDs file (CSV UTF-8 or .xlsx)")],
    employees: Annotated[UploadFile, File(description="The employees file (CSV UTF-8 or .xlsx)")],
    policy: Annotated[str | None, Form()] = None,
) -> Response:
    """`POST /v1/schedules/validate` from CSV uploads (the files ``flexasn
    validate`` reads), as ``multipart/form-data``."""
    cfg = settings_of(request)

    def read(paths: dict[str, Path]) -> bytes:
        path = paths["schedule"]
        s = (read_schedule_xlsx if path.suffix == ".xlsx" else read_schedule_csv)(path)
        span = check_span(cfg, s.first_day, s.last_day, "schedule")
        roster = read_roster(paths["opds"], paths["employees"], check_headcount=False)
        staff = roster.employees_of(s.opd)
        check_batch(cfg, span * len(staff))
        return violations_json(validate_schedule(s, roster.opd(s.opd), staff, policy=policy))

    files = {"schedule": schedule, "opds": opds, "employees": employees}
    return raw(await uploads(cfg, files, read))


__all__ = [
    "history_of",
    "renamed",
    "rotation",
    "rotation_csv",
    "router",
    "uploads",
    "validate",
    "validate_csv",
    "violations_json",
]
