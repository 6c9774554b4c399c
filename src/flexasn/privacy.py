"""Personal data: what flexasn never shows, and how it names a person instead.

Personal data, in flexasn's inputs, is what UU 27/2022 (Pelindungan Data Pribadi) protects:
NIPs (18-digit employee numbers) and people's names. flexasn keeps the caller's own data
where the caller needs it (a [`Roster`][flexasn.Roster] holds NIPs, so does
``Violation.nip``) but never shows it:

- **Errors** (see [`flexasn.errors`][flexasn.errors]): no message, argument or attribute repeats a
NIP, a
  name or a cell's value. A file's column heading is repeated only when flexasn knows it (a
  column name of the format, or an ISO date heading a schedule's day); any other heading is
  named by its position, ``column 3 (C)``, since in a file without its header row, or a
  transposed one, the "heading" is a NIP or a name. An error raised in place of a lower
  exception keeps no chain (``__cause__`` and ``__context__`` are ``None``), so an error
  tracker that walks the chain finds neither the file's bytes nor pydantic's input values.
- **Masked ids**: where a person must be named (violations, JSON output, a model's error
  location) flexasn writes [`masked_id`][flexasn.masked_id]: the last four digits of the NIP, as
  people are
  used to, followed by a keyed hash that tells apart the many employees who share them (81
  of the 420 employees of the example roster do):
  ``…1001#5c2e9a07``. The hash is the first 8 hexadecimal digits of HMAC-SHA256 of the NIP.
  Without the key, nobody can recover a NIP from it by trying every possible one.

The key is, in order: the ``key=`` argument; the one set with
[`set_mask_key`][flexasn.set_mask_key]; the
environment variable ``FLEXASN_MASK_KEY``; else a random key drawn when flexasn is imported.
With the random key, ids are stable within one run (one output file) and differ between
runs, so two outputs cannot be linked; set a key (kept secret, like a password) for ids that
stay the same across runs. Two different NIPs get the same id only if their last four digits
and the 32-bit hash agree: about one chance in four billion for a pair sharing their last
four digits.
"""

from __future__ import annotations

import os

MASK_KEY_ENV = "FLEXASN_MASK_KEY"
"""The environment variable holding the key of [`masked_id`][flexasn.masked_id] (any non-empty
text)."""

_PROCESS_KEY = os.urandom(32)  # what secrets.token_bytes(32) returns
_key: bytes | None = None


def _require(value: object, kind: type | tuple[type, ...], argument: str, optional: bool) -> None:
    if not (isinstance(value, kind) or (optional and value is None)):
        from .errors import require_type  # errors imports this module: imported when needed

        require_type(value, kind, argument, optional=optional)


def _as_key(key: str | bytes) -> bytes:
    raw = key.encode("utf-8") if isinstance(key, str) else key
    if not isinstance(raw, bytes) or not raw:
        from .errors import InvalidInputError
        from .messages import Text

        raise InvalidInputError(Text("argument.mask_key"))
    return raw


def set_mask_key(key: str | bytes | None) -> None:
    """Set the key of [`masked_id`][flexasn.masked_id] for this process; ``None`` goes back to
    ``FLEXASN_MASK_KEY`` or the random key. An empty key is an
    [`InvalidInputError`][flexasn.InvalidInputError]."""
    global _key
    _require(key, (str, bytes), "key", True)
    _key = None if key is None else _as_key(key)


def _current_key() -> bytes:
    if _key is not None:
        return _key
    env = os.environ.get(MASK_KEY_ENV)
    return env.encode("utf-8") if env else _PROCESS_KEY


def last_digits(nip: str) -> str:
    """The last four characters of ``nip`` when they are four ASCII digits, else ``""``:
    the only part of a NIP a masked form shows ([`mask_nip`][flexasn.mask_nip] and
    [`masked_id`][flexasn.masked_id])."""
    tail = nip[-4:]
    return tail if len(tail) == 4 and tail.isascii() and tail.isdigit() else ""


def masked_id(nip: str, *, key: str | bytes | None = None) -> str:
    """An employee's id for output: ``…1001#5c2e9a07`` (see the module doc).

    The last four characters are shown only when they are digits of a NIP-like id (eight
    characters or more), so an id that is not a NIP (a name in a hand-made file) shows no
    letter of it: ``…#0b41f3d2``.
    """
    _require(nip, str, "nip", False)
    _require(key, (str, bytes), "key", True)
    import hashlib  # imported on first use: not part of ``import flexasn``
    import hmac

    text = nip
    secret = _current_key() if key is None else _as_key(key)
    digest = hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:8]
    shown = last_digits(text) if len(text) >= 8 else ""
    return f"…{shown}#{digest}"


def column_letters(position: int) -> str:
    """A 1-based column position as a spreadsheet names it: 1 -> ``A``, 28 -> ``AB``."""
    letters = ""
    while position > 0:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = ["MASK_KEY_ENV", "column_letters", "last_digits", "masked_id", "set_mask_key"]
