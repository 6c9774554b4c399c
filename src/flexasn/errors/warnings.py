"""The warnings flexasn issues: something in the input was left aside, not wrong. Like the
errors they speak both languages and never repeat personal data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..messages import LANGUAGES, Language, render, require_language
from .files import column_label


class FlexasnWarning(UserWarning):
    """Base class of the warnings flexasn issues (``warnings.warn``): something in the input
    was left aside, not wrong. Like an error it never repeats personal data, and it speaks
    both languages: [`message`][flexasn.errors.FlexasnWarning.message]; ``str()`` is the English
    message.

    ``warnings.simplefilter("error", fx.FlexasnWarning)`` turns every one into an error;
    ``warnings.simplefilter("ignore", fx.FlexasnWarning)`` silences them.
    """

    def __init__(self, messages: Mapping[Language, str]) -> None:
        self.messages: dict[Language, str] = dict(messages)
        super().__init__(self.messages["en"])

    def message(self, lang: Language = "id") -> str:
        """The notice in Indonesian (``"id"``, default) or English (``"en"``)."""
        return self.messages[require_language(lang)]


class IgnoredColumnsWarning(FlexasnWarning):
    """Columns a roster or schedule file holds besides those flexasn reads (names, grades,
    units, as BKPSDM exports carry) were ignored: one notice per call
    ([`read_roster`][flexasn.read_roster]: one for both files), naming them.

    ``ignored`` holds ``(file, columns)`` pairs, ``columns`` being ``(position, heading)``
    pairs: the 1-based position and the heading as written, or ``None`` for a heading that
    may be personal data (empty, long, or holding a run of digits), named ``column 3 (C)``.
    Their cells are never kept. ``strict=True`` (the
    command line's ``--strict``) rejects such a file instead. ``listed`` is the message
    without that last hint, per language, for a caller that words the hint its own way (the
    command names ``--strict`` only).
    """

    def __init__(self, ignored: Sequence[tuple[str, Sequence[tuple[int, str | None]]]]) -> None:
        self.ignored = tuple((file, tuple(columns)) for file, columns in ignored)
        self.listed: dict[Language, str] = {
            lang: "; ".join(
                render(
                    "files.ignored_columns",
                    lang,
                    file=file,
                    columns=", ".join(column_label(n, heading, lang) for n, heading in columns),
                )
                for file, columns in self.ignored
            )
            for lang in LANGUAGES
        }
        super().__init__(
            {lang: self.listed[lang] + render("files.ignored_hint", lang) for lang in LANGUAGES}
        )


class PppkNumberWarning(FlexasnWarning):
    """PPPK rows of an employees file whose number (NI PPPK) may be mistyped: its first eight
    digits, where a PNS NIP keeps the birth date, are not a possible date.

    flexasn does not assume the NI PPPK layout (LAW.md, section 7; [`parse_nip`][flexasn.parse_nip]
    checks its 18 digits only), so such a row is kept, not rejected, and flagged for a person
    to check. ``file`` is the file, ``rows`` the rows (1 = the header); never the numbers.
    """

    def __init__(self, file: str, rows: Sequence[int]) -> None:
        self.file = file
        self.rows = tuple(rows)
        shown = ", ".join(str(r) for r in self.rows[:20])
        more = len(self.rows) - 20
        super().__init__(
            {
                lang: render(
                    "files.pppk_flagged", lang, file=file, count=len(self.rows), rows=shown
                )
                + (render("files.more_rows", lang, count=more) if more > 0 else "")
                for lang in LANGUAGES
            }
        )


class ShadowedOverrideWarning(FlexasnWarning):
    """A [`Scenario`][flexasn.Scenario] override that a more specific rule of the base policy
    shadows, in part or wholly: ``percent={"default": 30}`` under a policy whose service
    rules set the percent for every OPD changes nothing. The scenario is still built (the
    override stays in its policy, where it is dead); the notice names the rules that win.

    ``scenario`` is the scenario's name, ``arrangement`` the arrangement's id, ``override``
    the override's key (``"default"``, a service category or an OPD kind), ``winners`` the
    descriptions of the base rules that win (their labels, the policy's own Indonesian words;
    ``winners_en`` the same in English where the policy translates them, as messages in
    English say them), ``where`` the OPDs they win for (``"bkad"``,
    ``"esensial"``, ``"default"`` for every OPD) and ``changes_nothing`` is True when the
    override changes no OPD at all in that arrangement.
    """

    def __init__(
        self,
        *,
        scenario: str,
        arrangement: str,
        override: str,
        winners: Sequence[str],
        where: str,
        changes_nothing: bool,
        winners_en: Sequence[str] | None = None,
    ) -> None:
        self.scenario = scenario
        self.arrangement = arrangement
        self.override = override
        self.winners = tuple(winners)
        self.winners_en = tuple(winners_en) if winners_en is not None else self.winners
        self.where = where
        self.changes_nothing = changes_nothing
        key = "scenario.shadowed_all" if changes_nothing else "scenario.shadowed_some"
        super().__init__(
            {
                lang: render(
                    key,
                    lang,
                    scenario=scenario,
                    arrangement=arrangement,
                    override=override,
                    winners=", ".join(
                        repr(w) for w in (self.winners_en if lang == "en" else self.winners)
                    ),
                    where=where,
                )
                for lang in LANGUAGES
            }
        )


__all__ = [
    "FlexasnWarning",
    "IgnoredColumnsWarning",
    "PppkNumberWarning",
    "ShadowedOverrideWarning",
]
