"""The errors flexasn raises.

Every error derives from :class:`FlexasnError`. Messages name what was wrong and
where (file, line, field, row, date) and never contain personal data: no NIP and
no name (UU 27/2022 on personal data protection). Where a row must be identified,
the row number or a masked id is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date


class FlexasnError(Exception):
    """Base class of every error raised by flexasn."""


class InvalidInputError(FlexasnError, ValueError):
    """An argument is of the wrong kind or out of range (a negative headcount, a percent
    above 100, an employee passed with another OPD). The message names the argument."""


class InvalidNipError(FlexasnError, ValueError):
    """A NIP (Nomor Induk Pegawai) is malformed or its date parts are impossible.

    The message says which part is wrong; it never repeats the number itself.
    """


class UnknownPolicyError(FlexasnError, KeyError):
    """No bundled policy has the requested id. The message lists the known ids."""

    def __init__(self, policy_id: str, known: Iterable[str]) -> None:
        self.policy_id = policy_id
        self.known = tuple(sorted(known))
        super().__init__(f"unknown policy {policy_id!r}; known policies: {', '.join(self.known)}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class UnknownInstrumentError(FlexasnError, KeyError):
    """No legal instrument in the registry has the requested id."""

    def __init__(self, instrument_id: str, known: Iterable[str]) -> None:
        self.instrument_id = instrument_id
        self.known = tuple(sorted(known))
        super().__init__(
            f"unknown instrument {instrument_id!r}; known instruments: {', '.join(self.known)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class PolicyDataError(FlexasnError, ValueError):
    """A bundled or user data file (policy, instruments, calendar) is invalid.

    The message names the file, the entry or field, the line where it can be
    found, and what is wrong.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file = file
        self.field = field
        self.line = line
        where = []
        if file:
            where.append(file if line is None else f"{file}:{line}")
        if field:
            where.append(f"field {field}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class PolicyConflictError(FlexasnError):
    """Two rules of equal rank apply to the same case and disagree (Catala's conflict).

    Nothing silently wins by file order: the message names both rules.
    """

    def __init__(self, message: str, *, rules: tuple[str, str]) -> None:
        self.rules = rules
        super().__init__(message)


class CoverageError(FlexasnError, LookupError):
    """A date lies beyond the years for which the law (the cuti bersama decree) is known.

    Pass ``strict=False`` to the calendar functions to get an estimate instead.
    """

    def __init__(self, day: date, covered: tuple[int, ...], what: str = "ASN calendar") -> None:
        self.day = day
        self.covered = covered
        span = f"{covered[0]}-{covered[-1]}" if covered else "none"
        super().__init__(
            f"{day.isoformat()} is outside the decreed {what} (covered years: {span}); "
            f"pass strict=False for an estimate"
        )


class QuotaUndefinedError(FlexasnError):
    """No known instrument sets the proportion of staff who may work remotely.

    The national circulars leave it to the head of each agency; a region whose
    decision is unknown has none. The message names the instrument.
    """


class RosterError(FlexasnError, ValueError):
    """A roster or schedule file is invalid. The message names the file, row and column."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = []
        if file:
            where.append(file)
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column {column!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class HoursError(FlexasnError, ValueError):
    """Bad input to the working-hours functions (a span, a pattern, a shift pattern)."""


class AttendanceError(HoursError):
    """An attendance record is invalid. The message names the record's index and field.

    It never repeats personal data: records are named by their position in the input.
    """

    def __init__(self, message: str, *, record: int | None = None, field: str | None = None):
        self.record = record
        self.field = field
        where = []
        if record is not None:
            where.append(f"record {record}")
        if field:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class ScheduleCoverageError(CoverageError):
    """A policy's pattern (a six-day or other Pasal 7 schedule) is not known for a date.

    Kota Malang's six-day hours are known for Ramadan only; outside it the hours its
    puskesmas owe are not in any instrument flexasn holds.
    """

    def __init__(self, day: date, policy_id: str, pattern: str, known: Sequence[str]) -> None:
        self.day = day
        self.covered = ()
        self.policy_id = policy_id
        self.pattern = pattern
        spans = ", ".join(known) or "none"
        Exception.__init__(
            self,
            f"{day.isoformat()}: policy {policy_id!r} sets no hours for pattern {pattern!r} "
            f"on this date (known: {spans}) / jam kerja pola {pattern!r} tidak diketahui "
            "untuk tanggal ini",
        )


__all__ = [
    "AttendanceError",
    "CoverageError",
    "FlexasnError",
    "HoursError",
    "InvalidInputError",
    "InvalidNipError",
    "PolicyConflictError",
    "PolicyDataError",
    "QuotaUndefinedError",
    "RosterError",
    "ScheduleCoverageError",
    "UnknownInstrumentError",
    "UnknownPolicyError",
]
