"""The [`Policy`][flexasn.Policy] of an instansi: its identity, its own instruments and
arrangements, the national layer it inherits and the precedence that picks the arrangement
in force on a day ([`InForce`][flexasn.policy.InForce]); and the validation of a policy's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import Any, Literal, Self

from pydantic import Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .._loader import data_error, locate
from .._model import DateSpan, repeated
from ..errors import InvalidInputError, PolicyConflictError
from ..legal import Instrument, registry
from ..messages import Text
from ..people import Level, ServiceCategory, opd_kinds
from ..worktime import WorkSchedules
from .arrangement import Arrangement, ArrangementKind, Notes

NATIONAL = "nasional"
"""The id of the national layer: the central circulars, inherited by every other policy."""


@dataclass(frozen=True, slots=True)
class InForce:
    """The arrangement in force on a day for a policy, after layers and precedence."""

    arrangement: Arrangement | None
    """The arrangement that governs the day, or None when none covers it."""
    standing: Arrangement | None = None
    """A standing arrangement that also covers the day while a weekly one governs it: its
    weekly limit still counts the weekly day (Permen PANRB 4/2025 Pasal 13; LAW.md §3a)."""
    national: bool = False
    """True when the arrangement comes from the national layer (inherited)."""
    continued: bool = False
    """True when the day is after the last known day of a weekly arrangement whose
    continuation is unknown (the arrangement is then a ``decision_unknown`` stand-in)."""


# Precedence of the candidates for one day (flexasn's reading of LAW.md, "How the
# instruments combine", and DESIGN.md's layers); higher wins, equal ranks conflict.
_RANK_OWN_DATED = 8  # the instansi's own dated window or decision
_RANK_OWN_WEEKLY = 7  # the instansi's own weekly arrangement
_RANK_NATIONAL_DATED = 6  # a national dated window (the later, specific circular)
_RANK_OWN_CONTINUATION = 5  # the instansi's weekly arrangement after its last known day
_RANK_NATIONAL_WEEKLY = 4  # the national weekly arrangement (WFH Fridays 2026)
_RANK_OWN_STANDING = 3  # the instansi's standing Permen PANRB 4/2025 arrangement
_RANK_NATIONAL_CONTINUATION = 2
_RANK_NATIONAL_STANDING = 1


def _continuation(a: Arrangement, day: date) -> Arrangement:
    """``a`` after its last known day: a ``decision_unknown`` stand-in citing ``a``."""
    return a.model_copy(
        update={
            "id": f"{a.id}-lanjutan",
            "kind": ArrangementKind.DECISION_UNKNOWN,
            "days": (
                DateSpan.model_construct(first_day=a.last_day + timedelta(days=1), last_day=day),
            ),
            "modes": (),
            "quota": (),
        }
    )


def _candidates(
    arrangements: tuple[Arrangement, ...],
    level: Level,
    day: date,
    known_on: date | None,
    *,
    own: bool,
) -> list[tuple[int, Arrangement, bool]]:
    found: list[tuple[int, Arrangement, bool]] = []
    ended: list[Arrangement] = []
    for a in arrangements:
        if not a.applies_to(level) or (known_on is not None and not a.known_on(known_on)):
            continue
        if a.covers(day):
            if a.kind is ArrangementKind.STANDING:
                rank = _RANK_OWN_STANDING if own else _RANK_NATIONAL_STANDING
            elif a.is_weekly:
                rank = _RANK_OWN_WEEKLY if own else _RANK_NATIONAL_WEEKLY
            else:
                rank = _RANK_OWN_DATED if own else _RANK_NATIONAL_DATED
            found.append((rank, a, False))
        elif a.continues_unknown(day):
            ended.append(a)
    if ended:
        latest = max(ended, key=lambda a: (a.last_day, a.id))
        rank = _RANK_OWN_CONTINUATION if own else _RANK_NATIONAL_CONTINUATION
        found.append((rank, _continuation(latest, day), True))
    return found


class Policy(Notes):
    """An instansi's flexible-work policy: its identity, its own instruments and arrangements.

    Every policy but ``nasional`` inherits the national layer (the ``nasional`` policy's
    arrangements for its level): a day the instansi's own data does not decide answers
    as the national instruments do. See [`in_force`][flexasn.policy.Policy.in_force] for the
    precedence.
    """

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    level: Level
    timezone: Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] = "Asia/Jakarta"
    province: str | None = None
    instrument: tuple[Instrument, ...] = ()
    """The instansi's own instruments (its circulars), cited by id from its arrangements.
    Each needs its title, sources, confidence and its signed date; where no source gives
    the signed date (an official's statement, a circular reported without it), the date it
    became public (``published``) instead: a date is never invented. A decision cites them
    with the confidence given here."""
    arrangement: tuple[Arrangement, ...] = ()
    work_schedule: WorkSchedules = ()
    """Regional working-hour schedules inside the Perpres 21/2023 totals (see flexasn.worktime)."""

    @model_validator(mode="after")
    def _unique(self) -> Self:
        dupes = repeated([a.id for a in self.arrangement])
        if dupes:
            raise InvalidInputError(Text("policy.duplicate_arrangements", ids=dupes))
        dupes = repeated([i.id for i in self.instrument])
        if dupes:
            raise InvalidInputError(Text("policy.duplicate_instruments", ids=dupes))
        return self

    @model_validator(mode="after")
    def _references(self) -> Self:
        """Bind each basis to the policy's own instrument or the registry's; run the
        conflict checks. Runs whenever a policy is built, from a file or directly."""
        reg = registry().instruments
        local = {i.id: i for i in self.instrument}
        for i, inst in enumerate(self.instrument):
            if inst.id in reg:
                raise _located_error(
                    Text("policy.bundled_instrument", instrument=inst.id), ("instrument", i, "id")
                )
            if inst.signed is None and inst.published is None:
                raise _located_error(Text("policy.no_signed"), ("instrument", i, "signed"))
        articles = registry().articles
        for index, arrangement in enumerate(self.arrangement):
            for field, basis in arrangement.bases():
                loc = ("arrangement", index, *_field_loc(field))
                if basis.instrument in local:
                    basis._local = local[basis.instrument]
                    continue
                if basis.instrument not in reg:
                    raise _located_error(
                        Text("policy.unknown_instrument", instrument=basis.instrument), loc
                    )
                if basis.article is not None and (basis.instrument, basis.article) not in articles:
                    raise _located_error(
                        Text(
                            "policy.unknown_article",
                            article=basis.article,
                            instrument=basis.instrument,
                        ),
                        loc,
                    )
        self.check_conflicts()
        return self

    def arrangements_on(self, day: date) -> tuple[Arrangement, ...]:
        """Every arrangement of the policy's own data whose spans include ``day``."""
        return tuple(a for a in self.arrangement if a.covers(day))

    def in_force(self, day: date, *, known_on: date | None = None) -> InForce:
        """The arrangement that governs ``day``, from the instansi's own data or the
        national layer, with only the instruments public by ``known_on`` (if given).

        Precedence, highest first (flexasn's reading of LAW.md "How the instruments
        combine" and DESIGN.md's layers): the instansi's own dated window or decision;
        its own weekly arrangement; a national dated window; the instansi's weekly
        arrangement after its last known day (unknown); the national weekly arrangement;
        the instansi's standing arrangement; the national weekly arrangement after its
        last known day (unknown); a national standing arrangement. Two candidates of
        equal rank raise [`PolicyConflictError`][flexasn.PolicyConflictError] naming both.
        """
        from .registry import national_policy  # the registry builds policies: imported here

        found = _candidates(self.arrangement, self.level, day, known_on, own=True)
        if self.id != NATIONAL:
            layer = national_policy().arrangement
            found += _candidates(layer, self.level, day, known_on, own=False)
        if not found:
            return InForce(None)
        top = max(rank for rank, _, _ in found)
        best = [(a, continued) for rank, a, continued in found if rank == top]
        if len(best) > 1:
            raise PolicyConflictError(
                Text(
                    "policy.equal_rank",
                    policy=self.id,
                    first=best[0][0].id,
                    second=best[1][0].id,
                    day=day.isoformat(),
                ),
                rules=(best[0][0].id, best[1][0].id),
            )
        chosen, continued = best[0]
        national = not any(a is chosen for a in self.arrangement) and not (
            continued and top == _RANK_OWN_CONTINUATION
        )
        standing = None
        if chosen.is_weekly and chosen.permits_flexible_work:
            standings = [(r, a) for r, a, _ in found if a.kind is ArrangementKind.STANDING]
            if standings:
                standing = max(standings, key=lambda item: item[0])[1]
        return InForce(chosen, standing=standing, national=national, continued=continued)

    def arrangement_on(self, day: date, *, known_on: date | None = None) -> Arrangement | None:
        """The arrangement in force on ``day`` after layers and precedence (see
        [`in_force`][flexasn.policy.Policy.in_force]); None when none covers it."""
        return self.in_force(day, known_on=known_on).arrangement

    def check_conflicts(self) -> None:
        """Raise [`PolicyConflictError`][flexasn.PolicyConflictError] for any conflict the data
        makes possible.

        Arrangements of equal rank (both standing, both weekly, or both dated-type) for
        a shared level that share a day, and quota rules of equal rank that both match
        some OPD kind and service with different limits. Spans are compared, not days.
        """
        for a, b in combinations(self.arrangement, 2):
            if _rank_class(a) != _rank_class(b):
                continue
            if a.levels and b.levels and not set(a.levels) & set(b.levels):
                continue
            shared = a.first_shared_day(b)
            if shared is not None:
                raise PolicyConflictError(
                    Text(
                        "policy.equal_rank",
                        policy=self.id,
                        first=a.id,
                        second=b.id,
                        day=shared.isoformat(),
                    ),
                    rules=(a.id, b.id),
                    day=shared,
                )
        for arrangement in self.arrangement:
            for kind in sorted(opd_kinds()):
                for service in ServiceCategory:
                    arrangement.quota_rule(kind, service)


def _rank_class(a: Arrangement) -> str:
    if a.kind is ArrangementKind.STANDING:
        return "standing"
    return "weekly" if a.is_weekly else "dated"


def _field_loc(field: str) -> tuple[str | int, ...]:
    """``"quota[2].basis"`` -> ``("quota", 2, "basis")``."""
    loc: list[str | int] = []
    for part in field.split("."):
        name, _, index = part.partition("[")
        loc.append(name)
        if index:
            loc.append(int(index.rstrip("]")))
    return tuple(loc)


def _located_error(message: Text, loc: tuple[str | int, ...]) -> ValidationError:
    error = InvalidInputError(message)
    return ValidationError.from_exception_data(
        "Policy",
        [
            {
                "type": PydanticCustomError("value_error", "{error}", {"error": error}),
                "loc": loc,
                "input": None,
            }
        ],
        hide_input=True,
    )


def parse_policy(raw: dict[str, Any], name: str, text: str | None = None) -> Policy:
    """Validate parsed policy data: schema, references to instruments, conflicts."""
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        raise data_error(exc, name, text, model=Policy) from None
    except PolicyConflictError as exc:
        raise _conflict_in_file(exc, raw, name, text) from None


def _conflict_in_file(
    exc: PolicyConflictError, raw: dict[str, Any], name: str, text: str | None
) -> PolicyConflictError:
    """The conflict named with the file and, for two arrangements that overlap, each
    arrangement's line (its ``id =``), in Indonesian and English."""
    entries = raw.get("arrangement")
    ids = [e.get("id") if isinstance(e, dict) else None for e in entries or ()]
    if text is None or exc.day is None or not all(r in ids for r in exc.rules):
        said = exc.text if exc.text is not None else str(exc)
        return PolicyConflictError(
            Text("policy.in_file", file=name, message=said), rules=exc.rules, day=exc.day
        )
    lines = [locate(text, ("arrangement", ids.index(r), "id")) for r in exc.rules]
    params = {
        "first": exc.rules[0],
        "second": exc.rules[1],
        "first_line": lines[0],
        "second_line": lines[1],
        "day": exc.day.isoformat(),
    }
    return PolicyConflictError(
        Text("policy.in_file", file=name, message=Text("policy_error.overlap", **params)),
        rules=exc.rules,
        day=exc.day,
        lines=(lines[0], lines[1]),
    )


__all__ = ["NATIONAL", "InForce", "Policy", "parse_policy"]
