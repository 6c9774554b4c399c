"""The result of a simulation: rows per (scenario, day, OPD), and their aggregates."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInputError, MissingExtraError, require_type
from ..messages import Text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class Simulation:
    """The result of [`simulate`][flexasn.simulate.simulate]: rows per (scenario, day, OPD) and
    aggregates."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        require_type(rows, list, "rows")
        for index, row in enumerate(rows):
            require_type(row, dict, f"rows[{index}]")
        self._rows = rows

    def rows(self) -> list[dict[str, Any]]:
        """One dict per (scenario, day, OPD); see the module doc for the keys."""
        return [dict(r) for r in self._rows]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows())

    def aggregate(self, *by: str) -> list[dict[str, Any]]:
        """Totals grouped by the named keys, people and person-days under distinct names.

        ``sim.aggregate("scenario", "day")``, ``sim.aggregate("instansi")``,
        ``sim.aggregate("province")``, ``sim.aggregate("service")``. Each group has:

        - the keys it is grouped by;
        - **people**, each counted once however many days the group spans: ``people`` (the
          employees in the roster of the group's OPDs), ``headcount_people`` (the OPDs'
          headcounts), ``frontline_people``;
        - **person-days**, summed over the group's rows (one per day and OPD):
          ``person_days`` (roster employees times days), ``headcount_days``,
          ``eligible_days``, ``undetermined_days``, ``denied_days``, ``max_remote_days``
          (the daily quotas, over the rows where one is set), ``remote_days`` (planned
          remote), ``onsite_days``, ``office_days_saved`` (equal to ``remote_days``),
          ``frontline_days``;
        - ``days`` and ``opds``: the distinct days and OPDs of the group;
          ``quota_undefined``: the rows (OPD-days) without a quota.

        The names before issue 14 (``employees``, ``headcount``, ``eligible``,
        ``undetermined``, ``denied``, ``max_remote``, ``remote_planned``, ``onsite``,
        ``frontline``: sums over rows, so person-days) still read, as
        ``group["employees"]``, with a ``DeprecationWarning`` naming the new name; they are
        not among the keys (a DataFrame of the groups has the new names only) and go in the
        next release.
        """
        for key in by:
            if self._rows and key not in self._rows[0]:
                raise InvalidInputError(
                    Text("workforce.unknown_key", name=key, known=str(sorted(self._rows[0])))
                )
        groups: dict[tuple[Any, ...], _Group] = {}
        for r in self._rows:
            values = tuple(r[k] for k in by)
            group = groups.get(values)
            if group is None:
                group = groups[values] = _Group(dict(zip(by, values, strict=True)))
            group.add(r)
        return [groups[k].totals for k in sorted(groups, key=lambda g: tuple(str(x) for x in g))]

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a tidy pandas DataFrame (needs the ``notebook`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:  # tests/test_one_voice_sites.py hides the package
            raise MissingExtraError(
                feature="to_pandas", package="pandas", extra="notebook"
            ) from exc
        frame = pd.DataFrame(self._rows)
        if not frame.empty:
            frame["day"] = pd.to_datetime(frame["day"])
        return frame


_PEOPLE = {"employees": "people", "headcount": "headcount_people", "frontline": "frontline_people"}
"""Row columns that count people: an aggregate counts each OPD's once, under these names."""

_PERSON_DAYS = {
    "employees": "person_days",
    "headcount": "headcount_days",
    "eligible": "eligible_days",
    "undetermined": "undetermined_days",
    "denied": "denied_days",
    "max_remote": "max_remote_days",
    "remote_planned": "remote_days",
    "onsite": "onsite_days",
    "office_days_saved": "office_days_saved",
    "frontline": "frontline_days",
}
"""Row columns an aggregate sums over rows (one per day and OPD), and their names there."""

_DEPRECATED = {old: new for old, new in _PERSON_DAYS.items() if old != new}
"""The aggregate names before issue 14 (sums over rows), read with a DeprecationWarning."""


class _Group:
    """The totals of one group of rows, each OPD's people and each day counted once."""

    def __init__(self, keys: dict[str, Any]) -> None:
        self.totals = AggregateRow(
            {
                **keys,
                **dict.fromkeys(_PEOPLE.values(), 0),
                **dict.fromkeys(_PERSON_DAYS.values(), 0),
                "days": 0,
                "opds": 0,
                "quota_undefined": 0,
            }
        )
        self.opds: set[tuple[str, str]] = set()
        self.days: set[date] = set()

    def add(self, r: dict[str, Any]) -> None:
        acc = self.totals
        opd_key = (r["instansi"], r["opd"])
        if opd_key not in self.opds:
            self.opds.add(opd_key)
            acc["opds"] += 1
            for column, name in _PEOPLE.items():
                acc[name] += r[column]
        if r["day"] not in self.days:
            self.days.add(r["day"])
            acc["days"] += 1
        for column, name in _PERSON_DAYS.items():
            if column == "max_remote" and r[column] is None:
                acc["quota_undefined"] += 1
                continue
            acc[name] += r[column]


class AggregateRow(dict[str, Any]):
    """One group of [`Simulation.aggregate`][flexasn.simulate.Simulation.aggregate]: a plain
    ``dict`` of the new names, where
    the names before issue 14 still read (``group["employees"]``, ``group.get(...)``) with
    a ``DeprecationWarning`` naming the new one. They go in the next release."""

    def __missing__(self, key: str) -> Any:
        return self._alias(key, 3)

    def get(self, key: str, default: Any = None) -> Any:
        """``dict.get``, reading the deprecated names too (with their warning)."""
        if key in self:
            return dict.__getitem__(self, key)
        return self._alias(key, 3) if key in _DEPRECATED else default

    def _alias(self, key: str, stacklevel: int) -> Any:
        new = _DEPRECATED.get(key)
        if new is None:
            raise KeyError(key)
        people = f" (or {_PEOPLE[key]!r} for people, each counted once)" if key in _PEOPLE else ""
        warnings.warn(
            f"Simulation.aggregate: {key!r} is deprecated; use {new!r} (person-days){people}",
            DeprecationWarning,
            stacklevel=stacklevel,
        )
        return dict.__getitem__(self, new)


__all__ = [
    "AggregateRow",
    "Simulation",
]
