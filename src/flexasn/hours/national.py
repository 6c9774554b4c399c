"""The national working hours of Perpres 21/2023 Pasal 4, standard and Ramadan.

Pasal 4 sets 37 h 30 min a week, breaks excluded (in Ramadan 32 h 30 min); work starts
at 07.30 local time (in Ramadan 08.00); breaks are 60 minutes Monday to Thursday and 90
minutes on Friday (in Ramadan 30 and 60 minutes). The Perpres sets no end time per day:
flexasn's reading (LAW.md §1) splits the week evenly, **7 h 30 min per working day
(6 h 30 min in Ramadan)**.
"""

from __future__ import annotations

from datetime import time, timedelta

DAILY_NORM = timedelta(hours=7, minutes=30)
"""7 h 30 min per working day: Pasal 4's 37 h 30 min split over five days (flexasn's reading)."""
RAMADAN_DAILY_NORM = timedelta(hours=6, minutes=30)
"""6 h 30 min per working day in Ramadan: 32 h 30 min over five days (flexasn's reading)."""
START = time(7, 30)
RAMADAN_START = time(8, 0)
_BREAKS = {False: (60, 90), True: (30, 60)}  # ramadan -> (Monday-Thursday, Friday) minutes


def national_day(weekday: int, ramadan: bool) -> tuple[time, timedelta, timedelta]:
    """``(start, owed, break)`` of a national working day (``weekday`` as ``date.weekday()``)."""
    mon_thu, friday = _BREAKS[ramadan]
    brk = timedelta(minutes=friday if weekday == 4 else mon_thu)
    return (
        (RAMADAN_START if ramadan else START),
        (RAMADAN_DAILY_NORM if ramadan else DAILY_NORM),
        brk,
    )


__all__ = ["DAILY_NORM", "RAMADAN_DAILY_NORM", "RAMADAN_START", "START", "national_day"]
