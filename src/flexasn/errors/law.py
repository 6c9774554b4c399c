"""The errors of the law and the policies: an unknown policy or instrument, a bad data
file, two rules in conflict, a date beyond the decreed calendar, a quota no instrument
sets."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ..messages import Language, Text, render
from .arguments import or_joined
from .base import FlexasnError, LocatedError, Said


class UnknownPolicyError(FlexasnError, KeyError):
    """No policy or registered instansi has the requested id.

    ``known`` holds every known id; the message names the closest ones
    (``"kab-malnag"``: did you mean ``"kab-malang"``?), or all of them when they are few.
    """

    def __init__(self, policy_id: str, known: Iterable[str]) -> None:
        self.policy_id = policy_id
        self.known = tuple(sorted(known))
        self.suggestions = tuple(
            difflib.get_close_matches(str(policy_id), self.known, n=3, cutoff=0.6)
        )
        if self.suggestions:
            suggestions = or_joined(repr(s) for s in self.suggestions)
            hint = Text("errors.policy_like", suggestions=suggestions)
        elif len(self.known) <= 20:
            hint = Text("errors.policy_known", known=list(self.known))
        else:
            hint = Text("errors.policy_many", count=len(self.known))
        super().__init__(Text("errors.unknown_policy", policy=policy_id, hint=hint))

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class UnknownInstrumentError(FlexasnError, KeyError):
    """No legal instrument in the registry has the requested id."""

    def __init__(self, instrument_id: str, known: Iterable[str]) -> None:
        self.instrument_id = instrument_id
        self.known = tuple(sorted(known))
        super().__init__(
            Text("errors.unknown_instrument", instrument=instrument_id, known=list(self.known))
        )

    def __str__(self) -> str:
        return str(self.args[0])


class PolicyDataError(LocatedError, ValueError):
    """A bundled or user data file (policy, instruments, calendar) is invalid.

    The message names the file, the entry or field (``arrangement[2].quota[0].percent``),
    the line where it can be found, and what is wrong, in plain words; a file with several
    problems lists every one. ``message("id")`` / ``message("en")`` speak Indonesian and
    English. ``problems`` holds each problem as ``(field, line, {lang: text})``.
    """

    def __init__(
        self,
        message: Said,
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file = file
        self.field = field
        self.line = line
        self.problems: tuple[tuple[str | None, int | None, Mapping[str, str]], ...] = ()
        super().__init__(
            self._init_place(message, file=file, line=line, field=field, quote_field=False)
        )


class PolicyConflictError(FlexasnError):
    """Two rules of equal rank apply to the same case and disagree (Catala's conflict).

    Nothing silently wins by file order: the message names both rules. ``day`` is a day
    both cover, where two arrangements overlap; ``lines`` their lines in the policy file,
    where it was read from one. ``message(lang)`` speaks Indonesian and English.
    """

    def __init__(
        self,
        message: Said,
        *,
        rules: tuple[str, str],
        day: date | None = None,
        lines: tuple[int | None, int | None] | None = None,
    ) -> None:
        self.rules = rules
        self.day = day
        self.lines = lines
        self.messages = dict(message) if isinstance(message, Mapping) else None
        super().__init__(message)


_CALENDARS = {"ASN calendar": "coverage.asn_calendar", "Ramadan calendar": "coverage.ramadan"}


class CoverageError(FlexasnError, LookupError):
    """A date lies beyond the years for which the law (the cuti bersama decree) is known.

    Pass ``strict=False`` to the calendar functions to get an estimate instead.
    """

    def __init__(
        self, day: date, covered: tuple[int, ...], what: str | Text = "ASN calendar"
    ) -> None:
        self.day = day
        self.covered = covered
        self.what = str(what)  # English; ``message`` says it in the reader's language
        self.what_text = what if isinstance(what, Text) else None
        super().__init__(render("coverage.strict_hint", "en", message=self.message("en")))

    def message(self, lang: Language = "id") -> str:
        """The date and the covered years in ``lang``, without the hint to pass
        ``strict=False`` that ``str()`` adds for programmers (the command line has
        ``--estimate``)."""
        span = (
            f"{self.covered[0]}-{self.covered[-1]}"
            if self.covered
            else render("coverage.none", lang)
        )
        what = render(_CALENDARS[self.what], lang) if self.what in _CALENDARS else self.what
        if self.what_text is not None:
            what = self.what_text.render(lang)
        return render("coverage.outside", lang, day=self.day.isoformat(), what=what, span=span)


class QuotaUndefinedError(FlexasnError):
    """No known instrument sets the proportion of staff who may work remotely.

    The national circulars leave it to the head of each agency; a region whose
    decision is unknown has none. The message names the instrument.
    """


class QuotaCoverageError(QuotaUndefinedError, CoverageError):
    """No quota can be given for a day beyond the decreed calendar years: whether it is a
    working day is not decreed. Both a [`QuotaUndefinedError`][flexasn.QuotaUndefinedError] (the
    limit is None) and a [`CoverageError`][flexasn.CoverageError] (the date and the known
    horizon)."""

    def __init__(self, day: date, covered: tuple[int, ...]) -> None:
        CoverageError.__init__(self, day, covered, "ASN calendar")


class ScheduleCoverageError(CoverageError):
    """A policy's pattern (a six-day or other Pasal 7 schedule) is not known for a date.

    Kota Malang's six-day hours are known for Ramadan only; outside it the hours its
    puskesmas owe are not in any instrument flexasn holds.
    """

    def __init__(self, day: date, policy_id: str, pattern: str, known: Sequence[str]) -> None:
        self.day = day
        self.covered = ()
        self.what = "ASN calendar"
        self.what_text = None
        self.policy_id = policy_id
        self.pattern = pattern
        self.text = Text(
            "coverage.pattern_unknown",
            day=day.isoformat(),
            policy=policy_id,
            pattern=pattern,
            known=list(known) or Text("coverage.none"),
        )
        Exception.__init__(self, str(self.text))

    def message(self, lang: Language = "id") -> str:
        """The date, the policy and the pattern whose hours are not known, in ``lang``."""
        return Text.render(self.text, lang) if isinstance(self.text, Text) else str(self)


__all__ = [
    "CoverageError",
    "PolicyConflictError",
    "PolicyDataError",
    "QuotaCoverageError",
    "QuotaUndefinedError",
    "ScheduleCoverageError",
    "UnknownInstrumentError",
    "UnknownPolicyError",
]
