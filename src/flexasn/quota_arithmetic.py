"""Quota arithmetic, exact: how many of an OPD's staff a percentage lets out.

The regions' circulars say "paling banyak N % dari seluruh jumlah pegawai" (at most N % of
all the OPD's staff); the base is the whole headcount and the staff who must stay on site
bound the result (LAW.md, "How the instruments combine"):

    limit = min(round(headcount x percent / 100), headcount - onsite_required)

with ``round`` named by the rule, ``floor`` by default ("at most"). Arithmetic is exact
(`fractions.Fraction`): ``quota_limit(180, "35")`` is 63, where ``floor(180 * 0.35)`` in
floating point gives 62. [`flexasn.quotas`][flexasn.quotas] applies it to an OPD on a day.
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import get_args

from .errors import ArgumentTypeError, InvalidInputError, require_type
from .messages import Text
from .policy import Rounding


def _percent(value: object) -> Fraction:
    if isinstance(value, bool):
        raise ArgumentTypeError(Text("quota_input.percent_type", type="bool"))
    if isinstance(value, Fraction | int):
        result = Fraction(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInputError(Text("quota_input.percent_finite", value=value))
        result = Fraction(Decimal(repr(value)))  # 35.0 is taken as written, never as a binary float
    elif isinstance(value, Decimal | str):
        try:
            dec: Decimal | None = Decimal(
                value.strip().rstrip("%") if isinstance(value, str) else value
            )
        except InvalidOperation:
            dec = None
        if dec is None:  # raised outside the except block: no exception chain
            raise InvalidInputError(Text("quota_input.percent_nan", value=value))
        if not dec.is_finite():
            raise InvalidInputError(Text("quota_input.percent_finite", value=value))
        result = Fraction(dec)
    else:
        raise ArgumentTypeError(Text("quota_input.percent_type", type=type(value).__name__))
    if not 0 <= result <= 100:
        raise InvalidInputError(Text("quota_input.percent_range", value=value))
    return result


def _round(value: Fraction, rounding: str) -> int:
    if rounding == "floor":
        return math.floor(value)
    if rounding == "ceil":
        return math.ceil(value)
    if rounding == "half_up":
        return math.floor(value + Fraction(1, 2))
    if rounding == "half_even":
        return round(value)
    raise InvalidInputError(
        Text("quota_input.rounding", rounding=rounding, choices=", ".join(get_args(Rounding)))
    )


def quota_limit(
    headcount: int,
    percent: str | int | float | Decimal | Fraction,
    *,
    rounding: str = "floor",
    onsite_required: int = 0,
) -> int:
    """How many of ``headcount`` staff may be remote under ``percent`` % (pure arithmetic).

    ``min(round(headcount x percent / 100), headcount - onsite_required)``, exact:
    ``quota_limit(180, "35") == 63``. A float is taken by its written form
    (``35.0`` is 35), never multiplied as a binary float. Rounding is ``floor``
    (default: "paling banyak"), ``ceil``, ``half_up`` or ``half_even``.

    Never below 0: an OPD smaller than its on-site requirement has limit 0. Raises
    [`InvalidInputError`][flexasn.InvalidInputError] (a ValueError) for a percent outside 0-100,
    a negative headcount or a negative on-site requirement.
    """
    require_type(headcount, int, "headcount")
    require_not_negative(headcount, "headcount")
    require_type(onsite_required, int, "onsite_required")
    require_type(rounding, str, "rounding")
    require_not_negative(onsite_required, "onsite_required")
    return exact_limit(headcount, _percent(percent), rounding, onsite_required)


def require_not_negative(value: int, argument: str) -> None:
    """Refuse a negative count (a headcount, staff kept on site), naming the argument."""
    if value < 0:
        raise InvalidInputError(Text("quota_input.negative", argument=argument, value=value))


def exact_limit(headcount: int, percent: Fraction, rounding: str, onsite_required: int) -> int:
    """``min(round(headcount x percent / 100), headcount - onsite_required)``, never below 0."""
    share = _round(headcount * percent / 100, rounding)
    return max(0, min(share, headcount - onsite_required))


@functools.lru_cache(maxsize=256)
def rule_percent(percent: Decimal) -> Fraction:
    """A quota rule's percent (validated with the policy) as an exact fraction."""
    return _percent(percent)


__all__ = ["exact_limit", "quota_limit", "require_not_negative", "rule_percent"]
