"""An instansi's ASN calendar, day by day and as an iCalendar (RFC 5545) feed.

`instansi_calendar` gives every day of a span for one instansi: its kind (working
day, weekend, national holiday, cuti bersama) with its basis, the arrangement in force
(the instansi's own or the national layer's, after precedence:
[`Policy.in_force`][flexasn.policy.Policy.in_force]), whether that arrangement permits flexible
work on
the day, and whether the day is in Ramadan.

`calendar_ics` writes the same calendar as an iCalendar file that a phone's or a
desktop's calendar app subscribes to: one all-day event per national holiday, per cuti
bersama and per flexible-work day (with the circular, the instruments it also cites and
the confidence in the description), and one event per Ramadan with the working hours
of Perpres 21/2023 Pasal 4 as flexasn computes them
([`flexasn.working_hours`][flexasn.working_hours]).

**Stable UIDs.** An event's ``UID`` is made of the instansi, the date and the kind
(``kab-malang-20250328-cuti_bersama@flexasn``; a Ramadan: its Hijri year,
``kab-malang-1446h-ramadan@flexasn``, so that an estimate moved by the sidang isbat
updates the event). A subscribed calendar that fetches the feed again updates each event
in place instead of adding a copy; an event that disappears from the feed (a
cuti bersama revoked) disappears from the calendar. ``DTSTAMP`` is
[`flexasn.data_as_of`][flexasn.data_as_of], so the same data always gives the same bytes.

The feed is built with the ``icalendar`` package (``pip install -e '.[ics]'``),
imported only when a feed is written; without it `MissingExtraError` says which
package to install.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ._model import Frozen, days_within, each_day, require_ordered
from .calendar import DayKind, check_span, covered_years, day_info
from .errors import FlexasnError, require_date, require_lang, require_type
from .hours import working_hours
from .hours.zones import ZONE_NAMES
from .legal import Citation, Confidence, data_as_of
from .messages import Language, render
from .people import WorkMode
from .policy import ArrangementKind, Policy, get_policy
from .ramadan import RamadanPeriod, ramadan_periods

if TYPE_CHECKING:  # the optional dependency, imported when a feed is written
    import icalendar

MAX_FEED_DAYS = 1830
"""The longest span one feed or one calendar request covers: five years of 366 days."""


class MissingExtraError(FlexasnError, ImportError):
    """An optional dependency of flexasn is not installed (``icalendar`` for the feed).

    The message names the extra to install (``pip install -e '.[ics]'``), in
    Indonesian (default) or English.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(render(key, "en"))

    def message(self, lang: Language = "id") -> str:
        """The message in Indonesian (default) or English."""
        return render(self.key, lang)


class InstansiDay(Frozen):
    """One day of an instansi's ASN calendar."""

    day: date
    weekday: int
    """0 = Monday ... 6 = Sunday."""
    kind: DayKind
    working_day: bool
    name_id: str | None = None
    """The holiday's or cuti bersama's name in Indonesian; None on other days."""
    name_en: str | None = None
    estimated: bool = False
    """True where the day's kind rests on an estimate (beyond the decreed years, or a day
    the decree leaves to a later decision)."""
    basis: Citation
    """The law behind the day's kind."""
    arrangement: str | None = None
    """The id of the arrangement in force (after layers and precedence), or None."""
    arrangement_kind: ArrangementKind | None = None
    national: bool = False
    """True when the arrangement comes from the national layer."""
    modes: tuple[WorkMode, ...] = ()
    flexible: bool = False
    """True on a working day whose arrangement permits flexible work (WFH or WFA for the
    OPDs and employees who qualify: ask [`flexasn.eligible_for_wfa`][flexasn.eligible_for_wfa] per
    person)."""
    unknown: bool = False
    """True on a working day whose instansi decision is not known (``undetermined``)."""
    arrangement_basis: Citation | None = None
    also_cites: tuple[Citation, ...] = ()
    confidence: Confidence | None = None
    """The arrangement's confidence (the data file's own), or None without one."""
    ramadan: bool = False


def _span(first_day: date, last_day: date) -> None:
    require_date(first_day, "first_day")
    require_date(last_day, "last_day")
    require_ordered(first_day, last_day)
    check_span(first_day, last_day, MAX_FEED_DAYS)


def _ramadan_days(first_day: date, last_day: date) -> set[date]:
    return days_within(ramadan_periods(), first_day, last_day)


def instansi_calendar(
    instansi_id: str | Policy,
    first_day: date,
    last_day: date,
    *,
    known_on: date | None = None,
    strict: bool = True,
) -> tuple[InstansiDay, ...]:
    """Every day from ``first_day`` to ``last_day`` (inclusive) of ``instansi_id``'s ASN
    calendar: kind and basis, the arrangement in force, flexible work, Ramadan.
    ``instansi_id`` may be a [`Policy`][flexasn.Policy] itself (a user's policy file).

    ``known_on`` answers with only the instruments public by that day. Raises
    [`UnknownPolicyError`][flexasn.UnknownPolicyError] for an id outside the register,
    [`InvalidInputError`][flexasn.InvalidInputError] for a span that ends before it starts,
    [`SpanTooLongError`][flexasn.SpanTooLongError] beyond `MAX_FEED_DAYS` days and,
    unless ``strict=False``, [`CoverageError`][flexasn.CoverageError] for a day beyond the
    decreed years.
    """
    require_type(instansi_id, (str, Policy), "instansi_id")
    require_date(known_on, "known_on", optional=True)
    require_type(strict, bool, "strict")
    _span(first_day, last_day)
    policy = instansi_id if isinstance(instansi_id, Policy) else get_policy(instansi_id)
    for edge in (first_day, last_day):  # a coverage error names the user's own dates
        day_info(edge, known_on=known_on, strict=strict)
    ramadan = _ramadan_days(first_day, last_day)
    return tuple(
        _day(policy, day, known_on, strict, day in ramadan) for day in each_day(first_day, last_day)
    )


def _day(
    policy: Policy, day: date, known_on: date | None, strict: bool, ramadan: bool
) -> InstansiDay:
    info = day_info(day, known_on=known_on, strict=strict)
    found = policy.in_force(day, known_on=known_on)
    a = found.arrangement
    fields: dict[str, Any] = {}
    if a is not None:
        fields = {
            "arrangement": a.id,
            "arrangement_kind": a.kind,
            "national": found.national,
            "modes": a.modes,
            "flexible": info.is_working_day and a.permits_flexible_work,
            "unknown": info.is_working_day and a.kind is ArrangementKind.DECISION_UNKNOWN,
            "arrangement_basis": a.citation(),
            "also_cites": tuple(b.citation() for b in a.also_cites),
            "confidence": a.confidence,
        }
    return InstansiDay(
        day=day,
        weekday=day.weekday(),
        kind=info.kind,
        working_day=info.is_working_day,
        name_id=info.name_id,
        name_en=info.name_en,
        estimated=info.estimated,
        basis=info.basis,
        ramadan=ramadan,
        **fields,
    )


def default_span() -> tuple[date, date]:
    """The span a feed covers by default: 1 January of the year of
    [`flexasn.data_as_of`][flexasn.data_as_of] to 31 December of the last decreed year."""
    first = date(data_as_of().year, 1, 1)
    last = date(max(covered_years(), default=first.year), 12, 31)
    return first, max(first, last)


def _load_icalendar() -> Any:
    try:
        import icalendar
    except ImportError:
        error = MissingExtraError("ics.missing")
    else:
        return icalendar
    raise error  # outside the except block: no exception chain


def _uid(instansi_id: str, day: date, kind: str) -> str:
    return f"{instansi_id}-{day:%Y%m%d}-{kind}@flexasn"


def _event(
    ical: Any, uid: str, first: date, last: date, summary: str, lines: list[str], kind: str
) -> icalendar.Event:
    event: icalendar.Event = ical.Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.combine(data_as_of(), time(0, 0), tzinfo=UTC))
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # all-day events: DTEND is exclusive
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("categories", [kind])
    event.add("transp", "TRANSPARENT")
    return event


def _day_events(
    ical: Any, instansi_id: str, d: InstansiDay, lang: Language
) -> Iterator[icalendar.Event]:
    mark = render("ics.estimated", lang) if d.estimated else ""
    note = [render("ics.estimate_note", lang)] if d.estimated else []
    if d.kind in (DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA):
        name = (d.name_id if lang == "id" else d.name_en) or d.name_id or ""
        key = "ics.holiday" if d.kind is DayKind.NATIONAL_HOLIDAY else "ics.cuti_bersama"
        other = d.name_en if lang == "id" else d.name_id
        lines = [other] if other and other != name else []
        lines += [render("ics.basis", lang, basis=d.basis.text(lang)), *note]
        named = d.kind is DayKind.CUTI_BERSAMA and name.lower().startswith(
            ("cuti bersama", "joint")
        )
        summary = (name if named else render(key, lang, name=name)) + mark
        yield _event(
            ical, _uid(instansi_id, d.day, d.kind.value), d.day, d.day, summary, lines, d.kind.value
        )
    if d.flexible and d.arrangement_basis is not None and d.confidence is not None:
        modes = "/".join(m.value.upper() for m in d.modes)
        layer = render("ics.layer_national" if d.national else "ics.layer_own", lang)
        lines = [
            render("ics.arrangement", lang, arrangement=d.arrangement, layer=layer, modes=modes),
            render("ics.basis", lang, basis=d.arrangement_basis.text(lang)),
        ]
        if d.also_cites:
            bases = "; ".join(c.text(lang) for c in d.also_cites)
            lines.append(render("ics.also", lang, bases=bases))
        lines += [render("ics.confidence", lang, confidence=d.confidence.value), *note]
        summary = render("ics.flexible", lang, modes=modes) + mark
        kind = "kerja_fleksibel"
        yield _event(ical, _uid(instansi_id, d.day, kind), d.day, d.day, summary, lines, kind)


def _minutes(value: timedelta) -> int:
    return int(value.total_seconds()) // 60


def _hours(value: timedelta) -> str:
    minutes = _minutes(value)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _ramadan_event(
    ical: Any, policy: Policy, period: RamadanPeriod, lang: Language
) -> icalendar.Event | None:
    norms = working_hours(period.first_day, period.last_day, policy=policy, strict=False)
    norms = tuple(n for n in norms if n.owed > timedelta(0) and n.ramadan)
    mon_thu = next((n for n in norms if n.day.weekday() < 4), None)
    friday = next((n for n in norms if n.day.weekday() == 4), None)
    if mon_thu is None or friday is None or mon_thu.start is None:
        return None  # a period without both kinds of working day: no hours to show
    hours = render(
        "ics.ramadan_hours",
        lang,
        start=mon_thu.start.strftime("%H.%M"),
        zone=ZONE_NAMES[policy.timezone],
        owed=_hours(mon_thu.owed),
        break_mt=_minutes(mon_thu.break_time),
        break_fri=_minutes(friday.break_time),
    )
    lines = [hours, render("ics.basis", lang, basis=mon_thu.basis.text(lang))]
    decree = period.citation()
    if decree is not None:
        lines.append(render("ics.basis", lang, basis=decree.text(lang)))
    lines.append(render("ics.confidence", lang, confidence=period.confidence.value))
    summary = render("ics.ramadan", lang, year=period.hijri_year)
    if period.estimated:
        summary += render("ics.estimated", lang)
        lines.append(render("ics.estimate_note", lang))
    uid = f"{policy.id}-{period.hijri_year}h-ramadan@flexasn"
    return _event(ical, uid, period.first_day, period.last_day, summary, lines, "ramadan")


def calendar_ics(
    instansi_id: str | Policy,
    first_day: date | None = None,
    last_day: date | None = None,
    *,
    known_on: date | None = None,
    lang: Language = "id",
) -> bytes:
    """The ASN calendar of ``instansi_id`` (an id, or a [`Policy`][flexasn.Policy]) as an
    iCalendar (RFC 5545) file, UTF-8 bytes.

    National holidays, cuti bersama and the instansi's flexible-work days from
    ``first_day`` to ``last_day`` (inclusive; default `default_span`), and each
    Ramadan that overlaps the span with its working hours. Days beyond the decreed years
    are estimates and say so in their title. Event titles and descriptions are in
    Indonesian (default) or English (``lang="en"``). Each event's ``UID`` is stable (see
    the module doc). Raises `MissingExtraError` without the ``icalendar`` package,
    and what `instansi_calendar` raises for a bad id or span.
    """
    require_lang(lang)
    start, end = default_span()
    first = start if first_day is None else first_day
    last = end if last_day is None else last_day
    require_type(instansi_id, (str, Policy), "instansi_id")
    policy = instansi_id if isinstance(instansi_id, Policy) else get_policy(instansi_id)
    days = instansi_calendar(policy, first, last, known_on=known_on, strict=False)
    ical = _load_icalendar()
    cal = ical.Calendar()
    version = _version()
    cal.add("prodid", f"-//flexasn//ASN calendar {version}//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", render("ics.calendar_name", lang, name=policy.name))
    cal.add(
        "x-wr-caldesc",
        render(
            "ics.calendar_description",
            lang,
            name=policy.name,
            id=policy.id,
            as_of=data_as_of().isoformat(),
        ),
    )
    cal.add("x-wr-timezone", policy.timezone)
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for d in days:
        for event in _day_events(ical, policy.id, d, lang):
            cal.add_component(event)
    for period in ramadan_periods():
        if period.first_day <= last and period.last_day >= first:
            hours = _ramadan_event(ical, policy, period, lang)
            if hours is not None:
                cal.add_component(hours)
    return bytes(cal.to_ical())


def _version() -> str:
    from . import __version__

    return str(__version__)


__all__ = [
    "MAX_FEED_DAYS",
    "InstansiDay",
    "MissingExtraError",
    "calendar_ics",
    "default_span",
    "instansi_calendar",
]
