"""The ``history=`` of a rotation: remote days taken before a schedule's first day, which
count towards a standing arrangement's weekly limit (Permen PANRB 4/2025 Pasal 13)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..errors import ArgumentTypeError, require_date
from ..messages import Text
from ..privacy import masked_id
from .model import Schedule


def _of_schedule(history: Schedule) -> dict[str, tuple[date, ...]]:
    """An earlier schedule's remote days and its own history, per NIP."""
    out: dict[str, set[date]] = {nip: set(days) for nip, days in history.history.items()}
    for d in history.days:
        for nip in d.remote:
            out.setdefault(nip, set()).add(d.day)
    return {nip: tuple(sorted(days)) for nip, days in out.items()}


def history_of(history: Mapping[str, Any] | Schedule | None) -> dict[str, tuple[date, ...]]:
    """Normalise a ``history=`` argument: a mapping NIP -> remote days, or an earlier
    schedule (its remote days and its own history)."""
    if history is None:
        return {}
    if isinstance(history, Schedule):
        return _of_schedule(history)
    if not isinstance(history, Mapping):
        raise ArgumentTypeError(Text("schedule_model.history_type", type=type(history).__name__))
    result: dict[str, tuple[date, ...]] = {}
    for nip, days in history.items():
        if not isinstance(nip, str):
            raise ArgumentTypeError(Text("schedule_model.history_keys"))
        items = tuple(days) if isinstance(days, Iterable) else (days,)
        for day in items:
            require_date(day, Text("schedule_model.history_day", employee=masked_id(nip)))
        result[nip] = tuple(sorted(set(items)))
    return result


__all__ = ["history_of"]
