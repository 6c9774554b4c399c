"""From the command's options to the library's values: dates and spans, the policy, the
roster, an OPD described by its options. Bad values are `CliError` in both
languages."""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

import flexasn as fx
from flexasn._model import day_count
from flexasn.calendar import MAX_DATA_DAYS, MAX_TABLE_DAYS
from flexasn.messages import LANGUAGES, thousands
from flexasn.roster.columns import iso_date
from flexasn.roster.opds import read_opds_file

from .errors import CliError, with_policy_hint


def parse_day(text: str, what: str = "date") -> date:
    """An ISO date (``YYYY-MM-DD``); a bad one is a `CliError` in both languages."""
    day = iso_date(text)
    if day is None:
        raise CliError("bad_date", what=what, text=text)
    return day


def parse_span(text: str) -> tuple[date, date]:
    """A month ``YYYY-MM`` or an inclusive span ``YYYY-MM-DD..YYYY-MM-DD``."""
    value = text.strip()
    if ".." in value:
        first, _, last = value.partition("..")
        start, end = parse_day(first, "start"), parse_day(last, "end")
        if end < start:
            raise CliError("span_reversed", start=start, end=end)
        return start, end
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match and 1 <= int(match.group(2)) <= 12:
        start = date(int(match.group(1)), int(match.group(2)), 1)
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, following - timedelta(days=1)
    raise CliError("bad_month", text=text)


def _number(n: int) -> dict[str, str]:
    """``n`` with thousands separated as each language writes them (``1.830``, ``1,830``)."""
    return {lang: thousands(n, lang) for lang in LANGUAGES}


def check_span_size(start: date, end: date, fmt: str = "table") -> None:
    """The command line's limits on a span (``end`` not before ``start``): at most
    [`MAX_TABLE_DAYS`][flexasn.calendar.MAX_TABLE_DAYS] days (366) shown as a table, at most
    [`MAX_DATA_DAYS`][flexasn.calendar.MAX_DATA_DAYS] (1,830: five years) written as JSON or CSV. A
    longer span is a `CliError` naming the limits, before any work."""
    days = day_count(start, end)
    limit = MAX_TABLE_DAYS if fmt == "table" else MAX_DATA_DAYS
    if days <= limit:
        return
    span = f"{start.isoformat()}..{end.isoformat()}"
    key = "span_table" if fmt == "table" else "span_data"
    raise CliError(
        key, span=span, days=_number(days), table=MAX_TABLE_DAYS, data=_number(MAX_DATA_DAYS)
    )


def resolve_policy_arg(value: str) -> fx.Policy:
    """``--policy``: a bundled id (``kab-malang``) or the path of a TOML policy file."""
    path = Path(value)
    if value.endswith(".toml") or path.exists() or "/" in value or "\\" in value:
        return fx.load_policy(path)
    return fx.get_policy(value)


def policy_option(args: argparse.Namespace) -> fx.Policy | None:
    """The policy given with ``--policy``, if any."""
    value: str | None = args.policy
    return resolve_policy_arg(value) if value else None


def read_roster_option(args: argparse.Namespace) -> fx.Roster:
    """The roster of ``--opds`` and ``--employees`` (both needed)."""
    if not args.opds or not args.employees:
        raise CliError("roster_needed")
    roster = fx.read_roster(
        args.opds,
        args.employees,
        check_headcount=not getattr(args, "partial", False),
        strict=getattr(args, "strict", False),
    )
    require_known_instansi(args, roster.opds)
    return roster


def require_known_instansi(
    args: argparse.Namespace, opds: Sequence[fx.Opd], rows_of: Mapping[str, int] | None = None
) -> None:
    """Without ``--policy``, each OPD of ``--opds`` is answered by its ``instansi``'s
    policy: an id outside the register (``kab-malnag``) is reported at its row of the OPDs
    file (``rows_of``, code -> row, as the reader gives it; read again from the file only
    on that error when not given), with the closest ids, before anything is decided."""
    if getattr(args, "policy", None):
        return
    for opd in opds:
        try:
            fx.get_policy(opd.instansi)
        except fx.UnknownPolicyError as exc:
            if rows_of is None:
                _, rows_of, _, _ = read_opds_file(args.opds, strict=False)
            said: dict[str, str] = {lang: with_policy_hint(exc, lang) for lang in LANGUAGES}
            row = rows_of[opd.code]
            name = Path(args.opds).name
            raise fx.RosterError(said, file=name, row=row, column="instansi") from None


def check_nip_option(nip: str | None) -> None:
    """``--nip``: 18 digits 0-9, or a `CliError` saying how many characters it has
    (never repeating them), before any file is read."""
    if nip is not None and not (len(nip) == 18 and nip.isascii() and nip.isdigit()):
        raise CliError("nip_digits", length=len(nip))


def opd_from_options(args: argparse.Namespace, policy: fx.Policy | None) -> fx.Opd:
    """The OPD described by ``--kind``, ``--service``, ``--headcount`` and the rest."""
    instansi = args.instansi or (policy.id if policy is not None else None)
    missing = [
        name
        for name, value in (
            ("--kind", args.kind),
            ("--service", args.service),
            ("--headcount", args.headcount),
            ("--instansi/--policy", instansi),
        )
        if value is None
    ]
    if missing:
        raise CliError("opd_facts", missing=", ".join(missing))
    code = args.opd or str(args.kind).upper()
    return fx.Opd(
        code=code,
        name=args.opd_name or code,
        instansi=instansi,
        kind=args.kind,
        service=fx.ServiceCategory(args.service),
        headcount=args.headcount,
        agency_type=fx.AgencyType(args.agency_type),
    )
