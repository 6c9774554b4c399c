"""Time zones: the names people use (WIB, WITA, WIT) and reading record times in them.

An instansi works in local time (Perpres 21/2023 Pasal 4: "zona waktu setempat"); its
policy's ``timezone`` is ``Asia/Jakarta`` (WIB), ``Asia/Makassar`` (WITA) or
``Asia/Jayapura`` (WIT).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ..errors import AttendanceError
from ..messages import render_all

ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
"""The Indonesian name of each zone: UTC+7, +8, +9."""


def zone_name(timezone: str) -> str:
    """``"WIB"``, ``"WITA"`` or ``"WIT"``; another zone keeps its IANA name."""
    return ZONE_NAMES.get(timezone, timezone)


def localise(index: int, field: str, value: datetime, zone: ZoneInfo, assume: bool) -> datetime:
    """``value`` in ``zone``: an aware datetime converted, a naive one read in the zone
    with ``assume`` (else [`AttendanceError`][flexasn.errors.AttendanceError] at record
    ``index``)."""
    if value.tzinfo is None or value.utcoffset() is None:
        if not assume:
            detail = render_all("hours.naive", zone=zone.key)
            raise AttendanceError(detail, record=index, field=field)
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


__all__ = ["ZONE_NAMES", "localise", "zone_name"]
