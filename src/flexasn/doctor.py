"""What the bundled law does not know yet: the report behind ``flexasn doctor``.

Law here moves every few months, and new circulars come one to four weeks before the days
they govern (LAW.md §5, "What is known, and when"). `doctor` lists, as of a day:

- ``calendar_not_decreed``: a year with no SKB on national holidays and cuti bersama yet;
- ``asn_decree_missing``: a covered year whose Keppres on ASN cuti bersama is not recorded
  (flexasn then reads the SKB's cuti bersama as ASN days off, and says so);
- ``ramadan_estimated``: a Ramadan period that is an estimate, not a decision of the
  Minister of Religious Affairs (working hours depend on it);
- ``weekly_unknown``: a weekly arrangement whose continuation after its last known day is
  unknown (those weekdays answer ``undetermined``);
- ``region_window_undecided``: per bundled region, a national window it has no decision of
  its own for (it answers by the national instrument: flexible work permitted, the
  proportion left to its head);
- ``data_stale``: [`flexasn.data_as_of`][flexasn.data_as_of] is more than 30 days before the day
asked.

A finding is **urgent** when a user is likely to ask about it within the next ``horizon``
days (60 by default): an unknown day falls inside ``[today, today + horizon]``. The command
exits 1 when any finding is urgent. The others are either **later** (their unknown days come
after the horizon) or **past** (all their days were over before ``today``, such as a
national window of an earlier year that a region had no decision of its own for): see
[`DoctorReport.later`][flexasn.doctor.DoctorReport.later] and
[`DoctorReport.past`][flexasn.doctor.DoctorReport.past].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import Field

from ._model import Frozen, each_day
from .calendar import calendar_year, covered_years, is_working_day
from .legal import data_as_of
from .messages import LANGUAGES, Language, Text, render, render_all, require_language
from .policy import NATIONAL, Arrangement, ArrangementKind, get_policy, list_policies
from .ramadan import ramadan_periods

STALE_AFTER_DAYS = 30
"""How old [`flexasn.data_as_of`][flexasn.data_as_of] may be before the data counts as stale."""


class Finding(Frozen):
    """One thing the bundled law does not know, with the days it concerns."""

    code: str
    """``calendar_not_decreed``, ``asn_decree_missing``, ``ramadan_estimated``,
    ``weekly_unknown``, ``region_window_undecided`` or ``data_stale``."""
    subject: str
    """What it is about: a year, an arrangement id, ``<policy>:<arrangement>``."""
    first_day: date | None = None
    """The first day concerned (``None`` when it is not about days)."""
    last_day: date | None = None
    urgent: bool
    """True when an unknown day falls within the horizon."""
    messages: dict[str, str]

    def message(self, lang: Language = "id") -> str:
        """The finding in Indonesian (``"id"``, default) or English (``"en"``)."""
        return self.messages[require_language(lang)]


class DoctorReport(Frozen):
    """The findings of `doctor`, urgent ones first."""

    today: date
    horizon: int
    data_as_of: date
    findings: tuple[Finding, ...]
    coverage: dict[str, int] = Field(default_factory=dict)
    """Per window of `flexasn.regional.WINDOWS`, how many bundled regional policies
    have a decision of their own (decided, no flexible work or a recorded conflict)."""
    regions: int = 0
    """How many bundled regional policies the coverage counts are out of."""

    def coverage_lines(self, lang: Language = "id") -> list[str]:
        """The coverage counts as text, one line per window."""
        from .regional import WINDOWS

        lines = [render("doctor.coverage_head", lang, regions=self.regions)]
        for w in WINDOWS:
            label = w.label_id if lang == "id" else w.label_en
            lines.append(f"  {label}: {self.coverage.get(w.id, 0)}/{self.regions}")
        return lines

    @property
    def urgent(self) -> tuple[Finding, ...]:
        """The findings a user is likely to meet within the horizon."""
        return tuple(f for f in self.findings if f.urgent)

    @property
    def later(self) -> tuple[Finding, ...]:
        """The findings whose unknown days come after the horizon (not counted in it)."""
        return tuple(f for f in self.findings if not f.urgent and not self._over(f))

    @property
    def past(self) -> tuple[Finding, ...]:
        """The findings whose days were all over before ``today`` (a national window of an
        earlier month): they concern no day to come, so the horizon does not count them."""
        return tuple(f for f in self.findings if not f.urgent and self._over(f))

    def _over(self, f: Finding) -> bool:
        return f.last_day is not None and f.last_day < self.today

    @property
    def exit_code(self) -> int:
        """1 when something is urgent, else 0 (``flexasn doctor``)."""
        return 1 if self.urgent else 0


@dataclass(frozen=True, slots=True)
class _Window:
    first: date
    last: date


def _overlaps(first: date, last: date, window: _Window) -> bool:
    return first <= window.last and window.first <= last


def _calendar(window: _Window, out: list[Finding]) -> None:
    covered = set(covered_years())
    for year in range(window.first.year, window.last.year + 1):
        if year not in covered:
            code = "calendar_not_decreed"
        elif calendar_year(year).asn_decree is None:
            code = "asn_decree_missing"
        else:
            continue
        out.append(
            Finding(
                code=code,
                subject=str(year),
                first_day=date(year, 1, 1),
                last_day=date(year, 12, 31),
                urgent=True,
                messages=render_all(f"doctor.{code}", year=year),
            )
        )


def _ramadan(window: _Window, out: list[Finding]) -> None:
    for period in ramadan_periods():
        if not period.estimated or period.last_day < window.first:
            continue
        out.append(
            Finding(
                code="ramadan_estimated",
                subject=f"{period.hijri_year} H",
                first_day=period.first_day,
                last_day=period.last_day,
                urgent=_overlaps(period.first_day, period.last_day, window),
                messages=render_all(
                    "doctor.ramadan_estimated",
                    year=period.hijri_year,
                    first=period.first_day.isoformat(),
                    last=period.last_day.isoformat(),
                ),
            )
        )


def _series(a: Arrangement) -> tuple[str, ...]:
    """Weekly arrangements of the same weekdays and levels continue one another."""
    return (*sorted(w.value for w in a.weekdays), *sorted(lv.value for lv in a.levels))


def _weekly(window: _Window, out: list[Finding]) -> None:
    for policy_id in list_policies():
        policy = get_policy(policy_id)
        open_ended = [a for a in policy.arrangement if a.is_weekly and a.continuation == "unknown"]
        latest: dict[tuple[str, ...], date] = {}
        for a in open_ended:
            latest[_series(a)] = max(latest.get(_series(a), a.last_day), a.last_day)
        for a in open_ended:
            if a.last_day != latest[_series(a)]:
                continue  # a later arrangement of the same days continues it
            after = a.last_day + timedelta(days=1)
            first = max(after, window.first)
            urgent = any(
                a.on_weekday(day) and is_working_day(day, strict=False)
                for day in each_day(first, window.last)
            )
            days = {
                lang: ", ".join(render(f"weekday.{w.value}", lang) for w in a.weekdays)
                for lang in LANGUAGES
            }
            out.append(
                Finding(
                    code="weekly_unknown",
                    subject=f"{policy.id}:{a.id}",
                    first_day=after,
                    urgent=urgent,
                    messages=render_all(
                        "doctor.weekly_unknown",
                        policy=policy.id,
                        arrangement=a.id,
                        last=a.last_day.isoformat(),
                        days=days,
                    ),
                )
            )


def _regions(window: _Window, out: list[Finding]) -> None:
    national = get_policy(NATIONAL)
    windows = [a for a in national.arrangement if a.kind is ArrangementKind.DATED]
    for policy_id in list_policies():
        if policy_id == NATIONAL:
            continue
        policy = get_policy(policy_id)
        for a in windows:
            undecided = [
                d
                for d in a.iter_days()
                if a.applies_to(policy.level) and policy.in_force(d).national
            ]
            if not undecided:
                continue
            out.append(
                Finding(
                    code="region_window_undecided",
                    subject=f"{policy.id}:{a.id}",
                    first_day=undecided[0],
                    last_day=undecided[-1],
                    urgent=_overlaps(undecided[0], undecided[-1], window),
                    messages=render_all(
                        "doctor.region_window_undecided",
                        policy=policy.id,
                        arrangement=a.id,
                        days=", ".join(d.isoformat() for d in undecided),
                    ),
                )
            )


def doctor(today: date | None = None, *, horizon: int = 60) -> DoctorReport:
    """What the bundled law does not know as of ``today`` (default: the computer's date).

    Lists years without a decreed calendar or a Keppres on ASN cuti bersama, estimated
    Ramadan periods, weekly arrangements whose continuation is unknown, national windows a
    bundled region has no decision for, and stale data; a finding is urgent when an
    unknown day falls within ``horizon`` days of ``today``.
    """
    from .errors import InvalidInputError, require_date, require_type

    require_date(today, "today", optional=True)
    require_type(horizon, int, "horizon")
    day = today if today is not None else date.today()
    if not 0 <= horizon <= 3660:
        raise InvalidInputError(Text("argument.horizon", value=horizon))
    window = _Window(day, day + timedelta(days=horizon))
    found: list[Finding] = []
    as_of = data_as_of()
    if (day - as_of).days > STALE_AFTER_DAYS:
        found.append(
            Finding(
                code="data_stale",
                subject="data_as_of",
                first_day=as_of,
                urgent=True,
                messages=render_all(
                    "doctor.data_stale", as_of=as_of.isoformat(), days=(day - as_of).days
                ),
            )
        )
    _calendar(window, found)
    _ramadan(window, found)
    _weekly(window, found)
    _regions(window, found)
    ordered = sorted(found, key=lambda f: (not f.urgent, f.first_day or date.min, f.subject))
    from .regional import coverage, regional_policies

    return DoctorReport(
        today=day,
        horizon=horizon,
        data_as_of=as_of,
        findings=tuple(ordered),
        coverage=coverage(),
        regions=len(regional_policies()),
    )


__all__ = [
    "STALE_AFTER_DAYS",
    "DoctorReport",
    "Finding",
    "doctor",
]
