"""The input of a simulation: employees counted per OPD and profile, never one by one.

A [`Workforce`][flexasn.Workforce] holds, per OPD, how many employees share each
[`Profile`][flexasn.people.Profile] (and on which days some are on duty): memory grows with
the number of OPDs and distinct profiles, not with the number of employees.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInputError, require_date, require_items
from ..messages import Text
from ..people import DisciplineStatus, Employee, Opd, PositionType, Profile, profile_of
from ..roster.cells import duty_days_or_bad_part

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass
class _OpdCounts:
    profiles: Counter[Profile] = field(default_factory=Counter)
    on_duty: defaultdict[date, Counter[Profile]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    employees: int = 0
    frontline: int = 0


class Workforce:
    """Employees aggregated per OPD and profile: the input of a simulation.

    Build it with [`add`][flexasn.simulate.Workforce.add] (one employee at a time, streaming),
    [`add_count`][flexasn.simulate.Workforce.add_count]
    (pre-aggregated counts, for generators) or
    [`workforce_from_frame`][flexasn.simulate.workforce_from_frame].
    """

    def __init__(self, opds: Iterable[Opd], start: date, end: date) -> None:
        require_date(start, "start")
        require_date(end, "end")
        self.opds: dict[str, Opd] = {}
        for index, opd in enumerate(require_items(opds, Opd, "opds")):
            if opd.code in self.opds:
                raise InvalidInputError(Text("workforce.duplicate_opd", index=index, code=opd.code))
            self.opds[opd.code] = opd
        self.start, self.end = start, end
        self.counts: dict[str, _OpdCounts] = {code: _OpdCounts() for code in self.opds}

    def _slot(self, opd_code: str, where: str | Text) -> _OpdCounts:
        slot = self.counts.get(opd_code)
        if slot is None:
            raise InvalidInputError(Text("workforce.not_among", where=where, code=opd_code))
        return slot

    def add(self, employee: Employee, *, row: int | None = None) -> None:
        """Count one employee (its duty days inside the span are remembered)."""
        row_of = Text("workforce.employee_row", row=row)
        slot = self._slot(employee.opd, row_of if row is not None else Text("workforce.employee"))
        self.add_count(
            employee.opd,
            profile_of(employee),
            1,
            duty_days=employee.duty_days,
            _slot=slot,
        )

    def add_count(
        self,
        opd_code: str,
        profile: Profile,
        count: int,
        *,
        duty_days: Iterable[date] = (),
        _slot: _OpdCounts | None = None,
    ) -> None:
        """Count ``count`` employees of one OPD sharing a profile and duty days."""
        if count < 0:
            raise InvalidInputError(Text("workforce.negative_count"))
        slot = _slot or self._slot(opd_code, "add_count")
        slot.profiles[profile] += count
        slot.employees += count
        if profile.frontline:
            slot.frontline += count
        for d in duty_days:
            if self.start <= d <= self.end:
                slot.on_duty[d][profile] += count


def is_frame(obj: object) -> bool:
    """True for a pandas DataFrame (told apart without importing pandas)."""
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns")


_FRAME_BOOL_COLUMNS = (
    "is_head",
    "frontline",
    "new_in_post",
    "duties_outside_office",
    "special_circumstances",
)


def _enum_column(frame: pd.DataFrame, name: str, default: StrEnum) -> Any:
    """Column ``name`` of ``frame`` as the values of ``default``'s enum (``default`` where
    the column or a cell is missing); [`InvalidInputError`][flexasn.InvalidInputError] naming
    the column and the first row holding another value."""
    if name not in frame.columns:
        return [default.value] * len(frame)
    values = {member.value for member in type(default)}
    col = frame[name].fillna(default.value).astype(str)
    bad = ~col.isin(values)
    if bad.any():
        raise InvalidInputError(
            Text(
                "workforce.enum_value",
                column=name,
                row=int(bad.to_numpy().argmax()),
                known=str(sorted(values)),
            )
        )
    return col


def workforce_from_frame(
    opds: Iterable[Opd], frame: pd.DataFrame, start: date, end: date
) -> Workforce:
    """Aggregate a pandas DataFrame of employees into a [`Workforce`][flexasn.Workforce],
    vectorised.

    Required column: ``opd``; optional: the boolean facts of [`Employee`][flexasn.Employee]
    (``is_head``, ``frontline``, ``new_in_post``, ``duties_outside_office``,
    ``special_circumstances``), ``discipline`` and ``position`` (their Indonesian values)
    and ``duty_days``
    (ISO dates, ``YYYY-MM-DD``, separated by ``;``, ``,`` or spaces, as in a roster file).
    A missing required column, an unknown value or an OPD absent from ``opds`` raises
    [`InvalidInputError`][flexasn.InvalidInputError] naming
    the column and the first bad row; nothing partial is returned.
    """
    wf = Workforce(opds, start, end)
    if "opd" not in frame.columns:
        raise InvalidInputError(Text("workforce.no_opd_column"))
    import pandas as pd

    slim = pd.DataFrame(_frame_columns(frame))
    absent = ~slim["opd"].isin(list(wf.opds))
    if absent.any():
        row = int(absent.to_numpy().argmax())
        raise InvalidInputError(Text("workforce.unknown_opd", row=row, code=slim["opd"].iloc[row]))
    keys = ["opd", *_FRAME_BOOL_COLUMNS, "discipline", "position", "duty_days"]
    sizes = slim.groupby(keys, sort=False).size()
    for key, count in sizes.items():
        parts: tuple[Any, ...] = tuple(key)  # type: ignore[arg-type]
        opd_code, head, front, new, outside, special, disc, position, duty_text = parts
        profile = Profile(
            bool(head),
            bool(front),
            DisciplineStatus(disc),
            bool(new),
            bool(outside),
            bool(special),
            PositionType(position),
        )
        wf.add_count(str(opd_code), profile, int(count), duty_days=_parse_duty(str(duty_text)))
    return wf


def _frame_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """The columns a profile is made of, checked, with their defaults where missing."""
    n = len(frame)
    cols: dict[str, Any] = {"opd": frame["opd"].astype(str)}
    for name in _FRAME_BOOL_COLUMNS:
        if name not in frame.columns:
            cols[name] = [False] * n
            continue
        col = frame[name]
        bad = ~col.isin([True, False, 0, 1])
        if bad.any():
            raise InvalidInputError(
                Text("workforce.not_boolean", column=name, row=int(bad.to_numpy().argmax()))
            )
        cols[name] = col.astype(bool)
    cols["discipline"] = _enum_column(frame, "discipline", DisciplineStatus.NONE)
    cols["position"] = _enum_column(frame, "position", PositionType.EXECUTOR)
    duty = frame["duty_days"].fillna("").astype(str) if "duty_days" in frame.columns else [""] * n
    cols["duty_days"] = duty
    return cols


def _parse_duty(text: str) -> frozenset[date]:
    """A DataFrame's ``duty_days`` cell, read as a roster file's ``hari_piket`` cell (the
    readers' one duty-day grammar, a day given twice counted once); the error names the
    bad part (a DataFrame is the caller's own data, not a file of people)."""
    days = duty_days_or_bad_part(text)
    if isinstance(days, str):
        raise InvalidInputError(Text("workforce.duty_not_iso", part=days))
    return days


__all__ = [
    "Workforce",
    "is_frame",
    "workforce_from_frame",
]
