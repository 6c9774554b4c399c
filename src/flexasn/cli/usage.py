"""argparse's own words in the command's languages: the usage line, the group titles and
``-h``'s help (bilingual, as the rest of ``--help``), and the usage errors argparse finds
(in the language asked with ``--lang``).

argparse writes its words in English. They are read from the catalogue table
``[cli_usage]``, whose English texts are argparse's own (Python 3.11 to 3.13) with
``{placeholders}`` for its ``%(...)s`` parts: an error argparse raises is matched against
them and said again in Indonesian. An error whose words argparse changes in a later Python
matches none and is shown as argparse wrote it, never dropped.
"""

from __future__ import annotations

import functools
import re

from flexasn.messages import Language, catalogue, render

from .words import bilingual

ERRORS = (
    "cli_usage.argument",
    "cli_usage.expected_one",
    "cli_usage.expected_at_most_one",
    "cli_usage.expected_at_least_one",
    "cli_usage.expected_n",
    "cli_usage.expected_n_one",
    "cli_usage.required",
    "cli_usage.one_required",
    "cli_usage.invalid_choice",
    "cli_usage.invalid_value",
    "cli_usage.unrecognized",
    "cli_usage.ambiguous",
    "cli_usage.not_allowed_with",
    "cli_usage.ignored_explicit",
)
"""The usage errors of argparse the command says in Indonesian, by catalogue key."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def both_words(key: str) -> str:
    """argparse's word ``key`` (table ``[cli_usage]``) in every language, Indonesian first:
    ``opsi / options``."""
    return bilingual(f"cli_usage.{key}")


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a pattern whose groups are its placeholders."""
    parts = _PLACEHOLDER.split(catalogue("en")[key])
    # split gives text, name, text, name, ...: the last placeholder takes the rest
    regex = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(regex)


def usage_error(message: str, lang: Language) -> str:
    """An error argparse wrote (in English) said in ``lang``: the same words in English;
    in Indonesian the catalogue's, placeholders kept as argparse filled them (the part
    after ``argument --x:`` said again in turn); argparse's own words where none match."""
    if lang == "en":
        return message
    for key in ERRORS:
        found = _pattern(key).fullmatch(message)
        if found is not None:
            values = found.groupdict()
            if "message" in values:
                values["message"] = usage_error(values["message"], lang)
            return render(key, lang, **values)
    return message


__all__ = ["ERRORS", "both_words", "usage_error"]
