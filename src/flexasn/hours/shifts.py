"""Shift work (Permen PANRB 4/2025 Pasal 17 huruf a): shifts, shift rosters and what
a shift roster owes on a day."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Self

from pydantic import Field, StrictBool, StrictInt, model_validator

from .._model import Frozen
from ..calendar import DayKind, day_info
from ..errors import InvalidInputError
from ..legal import cite
from ..messages import Text
from ..worktime import net_duration
from .norms import DayNorm


class Shift(Frozen):
    """One shift: local start and end (an end at or before the start is the next day), break."""

    name: str | None = None
    start: time
    end: time
    break_minutes: StrictInt = Field(default=0, ge=0, le=240)

    @model_validator(mode="after")
    def _valid(self) -> Self:
        for value in (self.start, self.end):
            if value.tzinfo is not None or value.second or value.microsecond:
                raise InvalidInputError(Text("hours_input.shift_minutes"))
        if self.start == self.end:
            raise InvalidInputError(Text("hours_input.shift_empty"))
        if self.net <= timedelta(0):
            raise InvalidInputError(Text("hours_input.shift_break"))
        return self

    @property
    def net(self) -> timedelta:
        """Working time owed in the shift, break excluded."""
        return net_duration(self.start, self.end, self.break_minutes)


class ShiftPattern(Frozen):
    """A repeating shift roster: ``cycle[i]`` is worked on ``anchor + i`` days (mod its length).

    ``None`` in the cycle is a rest day. Shift work is the Permen PANRB 4/2025 Pasal 17
    huruf a form of flexible time, for duties needing more than 8 h 30 min a day or
    more than five days and 37.5 h a week (emergency rooms, IT monitoring, security).
    A shift unit keeps working on holidays unless ``on_holidays`` is False, in which
    case national holidays and cuti bersama owe nothing.
    """

    anchor: date
    cycle: tuple[Shift | None, ...] = Field(min_length=1, max_length=366)
    on_holidays: StrictBool = True

    @model_validator(mode="after")
    def _some_shift(self) -> Self:
        if all(s is None for s in self.cycle):
            raise InvalidInputError(Text("hours_input.shift_none"))
        return self

    def shift_on(self, day: date) -> Shift | None:
        """The shift worked on ``day``; None on a rest day of the cycle."""
        return self.cycle[(day - self.anchor).days % len(self.cycle)]

    @property
    def average_week(self) -> timedelta:
        """Hours a week the cycle averages (exact only when the cycle's length divides evenly)."""
        total = sum((s.net for s in self.cycle if s is not None), timedelta(0))
        return total * 7 / len(self.cycle)


def shift_norm(day: date, shift: ShiftPattern, strict: bool) -> DayNorm:
    """What ``shift`` owes on ``day`` (Pasal 17 a): its shift, nothing on a rest day, and
    nothing on a holiday when the roster stops on holidays."""
    info = day_info(day, strict=strict)
    on = shift.shift_on(day)
    basis = cite("permen-panrb-4-2025", "Pasal 17")
    holiday = info.kind in (DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA)
    if on is None or (holiday and not shift.on_holidays):
        return DayNorm(
            day=day,
            kind=info.kind,
            owed=timedelta(0),
            pattern="sif",
            estimated=info.estimated,
            basis=info.basis if on is not None else basis,
        )
    return DayNorm(
        day=day,
        kind=info.kind,
        owed=on.net,
        start=on.start,
        end=on.end,
        break_time=timedelta(minutes=on.break_minutes),
        pattern="sif",
        estimated=info.estimated,
        basis=basis,
    )


__all__ = ["Shift", "ShiftPattern", "shift_norm"]
