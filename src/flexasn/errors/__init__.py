"""The errors flexasn raises.

Every error derives from [`FlexasnError`][flexasn.FlexasnError]. Messages name what was wrong and
where (file, line, field, row, date) and never contain personal data: no NIP and
no name (UU 27/2022 on personal data protection). Where a row must be identified,
the row number or a masked id ([`flexasn.privacy.masked_id`][flexasn.masked_id]) is used.

Every message is a [`Text`][flexasn.messages.Text] of the catalogue (``flexasn/locale``):
``error.message("id")`` is Indonesian throughout, ``error.message("en")`` English, and
``str(error)`` the English message. pydantic's own words never reach a reader: its error
types are said in plain words in one place, [`flexasn.errors.plain`][flexasn.errors.plain].

A column of a file is named as written in the file only when flexasn knows the heading
(a column name of the format); any other heading may be a NIP or a name (a file without
its header row, a transposed file) and the column is named by its position instead:
``column 3 (C)``, with ``error.column == 3``.

No chain: an error raised in place of a lower exception (a decode error holding the
file's bytes, pydantic's error holding the input values) keeps no trace of it:
``__cause__`` and ``__context__`` are ``None``, so a tool that logs exception chains
(Sentry, structlog) finds no personal data there. The file readers are wrapped in
[`unchained`][flexasn.errors.unchained]; the hot paths (model validation, NIP parsing) raise after
their ``except`` block.

The errors live in modules of one concept each (`base`, `arguments`, `model`, `plain`,
`law`, `files`, `warnings`); every name is importable from here as before.
"""

from __future__ import annotations

from .arguments import (
    is_plain_date,
    or_joined,
    require_choice,
    require_date,
    require_items,
    require_lang,
    require_path,
    require_type,
)
from .base import (
    ArgumentTypeError,
    FlexasnError,
    InvalidInputError,
    MissingExtraError,
    UnknownLanguageError,
    drop_chain,
    unchained,
)
from .files import AttendanceError, HoursError, HoursTypeError, RosterError, column_label
from .law import (
    CoverageError,
    PolicyConflictError,
    PolicyDataError,
    QuotaCoverageError,
    QuotaUndefinedError,
    ScheduleCoverageError,
    UnknownInstrumentError,
    UnknownPolicyError,
)
from .model import (
    InvalidNipError,
    ModelNipError,
    ModelValidationError,
    NipTypeError,
    mask_location,
    masked_words,
    model_error,
)
from .warnings import (
    FlexasnWarning,
    IgnoredColumnsWarning,
    PppkNumberWarning,
    ShadowedOverrideWarning,
)

__all__ = [
    "ArgumentTypeError",
    "AttendanceError",
    "CoverageError",
    "FlexasnError",
    "FlexasnWarning",
    "HoursError",
    "HoursTypeError",
    "IgnoredColumnsWarning",
    "InvalidInputError",
    "InvalidNipError",
    "MissingExtraError",
    "ModelNipError",
    "ModelValidationError",
    "NipTypeError",
    "PolicyConflictError",
    "PolicyDataError",
    "PppkNumberWarning",
    "QuotaCoverageError",
    "QuotaUndefinedError",
    "RosterError",
    "ScheduleCoverageError",
    "ShadowedOverrideWarning",
    "UnknownInstrumentError",
    "UnknownLanguageError",
    "UnknownPolicyError",
    "column_label",
    "drop_chain",
    "is_plain_date",
    "mask_location",
    "masked_words",
    "model_error",
    "or_joined",
    "require_choice",
    "require_date",
    "require_items",
    "require_lang",
    "require_path",
    "require_type",
    "unchained",
]
