"""Reading attendance records for [`check_hours`][flexasn.check_hours]: each record read and
localised, the span checked against the records, overlapping records found (steps 1-3
of the check)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..errors import AttendanceError, HoursError
from ..legal import Citation
from ..messages import Language, render, render_all
from ..people import WorkMode
from .norms import span_days
from .report import AttendanceRecord, FindingCode, HoursFinding, Severity
from .zones import localise

MAX_RECORD = timedelta(hours=24)
"""The longest record taken: a longer one is an error."""

Record = tuple[int, datetime, datetime]
"""A read record: its index in ``logs``, its local start and end."""


class RecordSet:
    """The records of one check as given, and how a message names each of them."""

    def __init__(self, raw: Sequence[object], on_invalid: str, reading: Citation) -> None:
        self.raw = raw
        self.on_invalid = on_invalid
        self.reading = reading
        """Perpres 21/2023 Pasal 4 (flexasn's reading): the basis of a record's finding."""
        self.remote = {
            i
            for i, r in enumerate(raw)
            if isinstance(r, AttendanceRecord) and r.mode in (WorkMode.WFH, WorkMode.WFA)
        }
        """Indices of the records worked from home or anywhere."""
        self.file_rows = {
            i: r.row
            for i, r in enumerate(raw)
            if isinstance(r, AttendanceRecord) and r.row is not None
        }

    def bad(self, index: int, field: str, key: str, **params: object) -> AttendanceError:
        """An error at a record (message ``key``): its file row, else its index in ``logs``."""
        row = self.file_rows.get(index)
        record = None if row is not None else index
        detail = render_all(key, **params)
        return AttendanceError(detail, row=row, record=record, field=field)

    def named(self, index: int, lang: Language) -> str:
        """A record as people find it: its file row, else its index in ``logs``."""
        if index in self.file_rows:
            return f"{render('errors.place_row', lang)} {self.file_rows[index]}"
        return f"{render('errors.place_record', lang)} {index}"

    def names(self, *indices: int, capital: bool = True) -> dict[str, dict[str, str]]:
        """Per-language names of records, ``{"record": ..., "other": ...}``, for a message."""
        keys = ("record", "other")
        return {
            keys[n]: {
                lang: self.named(i, lang).capitalize()
                if capital and n == 0
                else self.named(i, lang)
                for lang in ("id", "en")
            }
            for n, i in enumerate(indices)
        }


def _as_datetime(index: int, field: str, value: object) -> datetime:
    if not isinstance(value, datetime):
        detail = render_all("hours.not_datetime", type=type(value).__name__)
        raise AttendanceError(detail, record=index, field=field)
    return value


def read_record(index: int, raw: object) -> tuple[datetime, datetime]:
    """The start and end of one record, as given (not yet localised)."""
    if isinstance(raw, AttendanceRecord):
        return raw.start, raw.end
    if isinstance(raw, Mapping):
        missing = [k for k in ("start", "end") if k not in raw]
        if missing:
            detail = render_all("hours.missing_key", name=missing[0])
            raise AttendanceError(detail, record=index, field=missing[0])
        return _as_datetime(index, "start", raw["start"]), _as_datetime(index, "end", raw["end"])
    if isinstance(raw, tuple | list) and len(raw) == 2:
        return _as_datetime(index, "start", raw[0]), _as_datetime(index, "end", raw[1])
    detail = render_all("hours.not_record", type=type(raw).__name__)
    raise AttendanceError(detail, record=index)


def read_records(
    records: RecordSet, zone: ZoneInfo, assume_local_time: bool
) -> tuple[list[Record], list[HoursFinding]]:
    """Step 1: read and localise every record; an end not after its start is an error, or
    with ``on_invalid="report"`` an ``end_before_start`` finding (left out of the totals)."""
    read: list[Record] = []
    findings: list[HoursFinding] = []
    for index, raw in enumerate(records.raw):
        begin, finish = read_record(index, raw)
        begin = localise(index, "start", begin, zone, assume_local_time)
        finish = localise(index, "end", finish, zone, assume_local_time)
        if finish <= begin:
            if records.on_invalid == "raise":  # no times in the message: they are personal data
                raise records.bad(index, "end", "hours.end_not_after_start")
            findings.append(
                HoursFinding(
                    code=FindingCode.END_BEFORE_START,
                    severity=Severity.VIOLATION,
                    day=begin.date(),
                    records=(index,),
                    basis=records.reading,
                    **finding_messages("hours.end_before_start", **records.names(index)),
                )
            )
            continue
        if finish - begin > MAX_RECORD:
            raise records.bad(index, "end", "hours.too_long")
        read.append((index, begin, finish))
    return read, findings


def span_of(
    read: list[Record],
    findings: list[HoursFinding],
    records: RecordSet,
    start: date | None,
    end: date | None,
) -> list[date]:
    """Step 2: the days checked (``start``..``end``, by default the records' first to last
    day); a record starting outside them is an error."""
    record_days = [b.date() for _, b, _ in read] + [f.day for f in findings if f.day]
    first = start if start is not None else min(record_days, default=None)
    last = end if end is not None else max(record_days, default=None)
    if first is None or last is None:
        raise HoursError(render_all("hours.no_span"))
    days = span_days(first, last)
    for index, begin, _ in read:
        if not first <= begin.date() <= last:
            span = f"{first.isoformat()}..{last.isoformat()}"
            raise records.bad(index, "start", "hours.outside_span", span=span)
    return days


def overlaps(read: list[Record], records: RecordSet) -> list[HoursFinding]:
    """Step 3: overlapping records are an error, or with ``on_invalid="report"`` an
    ``overlapping_records`` finding (the shared time is counted once)."""
    findings: list[HoursFinding] = []
    latest: tuple[int, datetime] | None = None
    for index, begin, finish in sorted(read, key=lambda r: (r[1], r[0])):
        if latest is not None and begin < latest[1]:
            pair = tuple(sorted((latest[0], index)))
            if records.on_invalid == "raise":
                other = records.names(latest[0], capital=False)["record"]
                raise records.bad(index, "start", "hours.overlaps", other=other)
            findings.append(
                HoursFinding(
                    code=FindingCode.OVERLAPPING_RECORDS,
                    severity=Severity.VIOLATION,
                    day=begin.date(),
                    records=pair,
                    basis=records.reading,
                    **finding_messages("hours.overlapping", **records.names(*pair)),
                )
            )
        if latest is None or finish > latest[1]:
            latest = (index, finish)
    return findings


def finding_messages(key: str, **params: object) -> dict[str, str]:
    """``message_id`` and ``message_en`` of a finding: message ``key`` in both languages."""
    texts = render_all(key, **params)
    return {"message_id": texts["id"], "message_en": texts["en"]}


def union(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The intervals merged: overlapping or touching ones become one."""
    merged: list[tuple[datetime, datetime]] = []
    for begin, finish in sorted(intervals):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


__all__ = [
    "MAX_RECORD",
    "Record",
    "RecordSet",
    "finding_messages",
    "overlaps",
    "read_record",
    "read_records",
    "span_of",
    "union",
]
