"""Schedule JSON files: ``schedule.model_dump_json()``, the whole model
(``schema_version`` 1); a file may hold one schedule or a list of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import RosterError, require_path, require_type, unchained
from ..messages import render_all
from ..roster.table import read_text
from .model import Schedule
from .wide import field_message


def write_schedule_json(schedule: Schedule, path: str | Path) -> None:
    """Write the whole schedule as JSON (``schema_version`` 1), UTF-8, indented."""
    require_type(schedule, Schedule, "schedule")
    require_path(path)
    Path(path).write_text(schedule.model_dump_json(indent=2) + "\n", encoding="utf-8")


def write_json_many(schedules: tuple[Schedule, ...], path: str | Path) -> None:
    """Write schedules as one JSON file: one schedule as an object, several as a list."""
    if len(schedules) == 1:
        write_schedule_json(schedules[0], path)
        return
    text = "[\n" + ",\n".join(s.model_dump_json(indent=2) for s in schedules) + "\n]\n"
    Path(path).write_text(text, encoding="utf-8")


def _json_of(p: Path) -> Any:
    """The parsed JSON of file ``p``; [`RosterError`][flexasn.RosterError] naming the file (and the
    line of a syntax error) when it cannot be read or parsed."""
    text = read_text(p)
    error: RosterError | None = None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = render_all("schedule_file.invalid_json", line=exc.lineno, error=exc.msg)
        error = RosterError(message, file=str(p))
    raise error  # outside the except block: no exception chain


def _validated(item: Any, name: str, where: str = "") -> Schedule:
    """``item`` validated as a Schedule; a RosterError naming the file and the field."""
    try:
        return Schedule.model_validate(item)
    except ValidationError as exc:
        error = RosterError(field_message(exc, where, item), file=name)
    raise error  # outside the except block: no exception chain


@unchained
def read_schedule_json(path: str | Path) -> Schedule:
    """Read a schedule JSON file; a bad file raises RosterError naming the file and field."""
    require_path(path)
    p = Path(path)
    return _validated(_json_of(p), str(p))


def read_json_many(path: str | Path) -> tuple[Schedule, ...]:
    """The schedules of a JSON file: one object, or a list of them."""
    p = Path(path)
    raw = _json_of(p)
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise RosterError(render_all("schedule_file.no_schedule"), file=str(p))
    out = [
        _validated(item, str(p), f"[{n}] " if isinstance(raw, list) else "")
        for n, item in enumerate(items)
    ]
    if len({s.opd for s in out}) != len(out):
        raise RosterError(render_all("schedule_file.same_opd"), file=str(p))
    return tuple(out)


__all__ = ["read_json_many", "read_schedule_json", "write_json_many", "write_schedule_json"]
