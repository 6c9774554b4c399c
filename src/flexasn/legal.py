"""Legal instruments, their articles, and citations.

Every number and date flexasn ships names the instrument that set it, the
article where known, a source and a confidence (see ``LAW.md``). The registry is
read once, lazily, from ``flexasn/data/instruments.toml`` and validated: a
missing source or confidence, an in-force date before the signing date, a
duplicate id or an article of an unknown instrument all fail to load with a
[`PolicyDataError`][flexasn.PolicyDataError] naming the file and the entry.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import Field, StrictBool, StrictInt, ValidationError, field_validator, model_validator

from ._loader import bundled_text, data_error, locate, parse_toml
from ._model import Frozen
from .errors import (
    InvalidInputError,
    PolicyDataError,
    UnknownInstrumentError,
    is_plain_date,
    require_type,
)
from .messages import LANGUAGES, Language, Text, render, require_language

INSTRUMENTS_FILE = "instruments.toml"


class Confidence(StrEnum):
    """How sure the project is of a fact (LAW.md's tags)."""

    OFFICIAL = "official"
    """Read in an official portal's summary (JDIH, menpan.go.id, setkab)."""
    REPORTED = "reported"
    """Reported by several independent news outlets that quote the text."""
    SINGLE = "single"
    """One secondary source only."""
    SEED = "seed"
    """From a news report the project was specified from; treat as ``single``."""


class InstrumentKind(StrEnum):
    """Kinds of legal instrument, by their Indonesian names."""

    PERPRES = "perpres"
    KEPPRES = "keppres"
    PERMEN = "permen"
    SKB = "skb"
    SURAT_EDARAN_MENTERI = "surat_edaran_menteri"
    SURAT_MENTERI = "surat_menteri"
    KEPUTUSAN_MENTERI = "keputusan_menteri"
    SURAT_EDARAN_DAERAH = "surat_edaran_kepala_daerah"
    KEBIJAKAN_DAERAH = "kebijakan_daerah"
    """A regional decision known only from officials' statements (no numbered circular found)."""
    PENGUMUMAN_PEMERINTAH = "pengumuman_pemerintah"
    """A central-government announcement with no numbered instrument reported (a minister's
    statement, e.g. the extension of the Friday WFH of 21 May 2026)."""


class Source(Frozen):
    """Where a fact was read: a URL, or for the seed reports the outlet and date."""

    publisher: str = Field(min_length=1)
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    title: str | None = None
    published: Annotated[str, Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] | None = None
    """Publication date of a printed or unlinked report: ``YYYY-MM-DD`` or ``YYYY-MM``."""
    quote: str | None = Field(default=None, min_length=1)
    """The sentence the fact rests on, quoted in the source's own language."""

    @field_validator("published")
    @classmethod
    def _possible_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                date.fromisoformat(value if len(value) == 10 else f"{value}-01")
            except ValueError:
                raise InvalidInputError(Text("data.published_impossible", value=value)) from None
        return value

    @model_validator(mode="after")
    def _traceable(self) -> Self:
        if self.url is None and self.published is None:
            raise InvalidInputError(Text("data.source_url"))
        return self


class Instrument(Frozen):
    """A legal instrument: a Perpres, a Permen, a circular, an SKB, a regional decision."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: InstrumentKind
    short: str = Field(min_length=1, description="Short name, e.g. 'Permen PANRB 4/2025'")
    number: str | None = None
    year: StrictInt = Field(ge=1945, le=2100)
    title: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    signed: date | None = None
    in_force: date | None = None
    published: date | None = None
    """The day the instrument became public (first report). ``known_on`` answers ignore an
    instrument published after that date. Defaults to ``signed``, then ``in_force``."""
    confidence: Confidence
    sources: tuple[Source, ...] = Field(min_length=1)
    amends: str | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.signed and self.in_force and self.in_force < self.signed:
            raise InvalidInputError(
                Text(
                    "data.in_force_before_signed",
                    in_force=self.in_force.isoformat(),
                    signed=self.signed.isoformat(),
                )
            )
        if self.signed and self.published and self.published < self.signed:
            raise InvalidInputError(
                Text(
                    "data.published_before_signed",
                    published=self.published.isoformat(),
                    signed=self.signed.isoformat(),
                )
            )
        return self

    @property
    def public_on(self) -> date | None:
        """When the instrument became public: ``published``, else ``signed``, else ``in_force``."""
        return self.published or self.signed or self.in_force


class Article(Frozen):
    """An article (pasal) of an instrument, as quoted by the sources."""

    instrument: str
    article: str = Field(min_length=1, description="As written: 'Pasal 13 ayat (1)'")
    summary: str = Field(min_length=1)
    confidence: Confidence
    sources: tuple[Source, ...] = ()


class Citation(Frozen):
    """A reference to the law behind a value or a check: instrument, article, confidence.

    JSON-serialisable. [`text`][flexasn.legal.Citation.text] renders it like a footnote in
    Indonesian or English:
    ``Permen PANRB 4/2025 Pasal 13 ayat (1) [reported]``; a citation that is flexasn's own
    reading says so in that language (``Perpres 21/2023 Pasal 4 (tafsiran flexasn)
    [reported]``, ``... (flexasn's reading) [reported]``). ``str(citation)`` is the
    Indonesian text, the library's default language, as ``Reason.message()`` is. The
    instrument's short name and article are cited as the instruments write them, and
    the confidence is its stable code (LAW.md's tag) in both languages.
    """

    instrument: str
    short: str
    article: str | None = None
    confidence: Confidence
    url: str | None = None
    reading: StrictBool = False
    """True where the citation is flexasn's own reading of how instruments combine."""

    def text(self, lang: Language = "id") -> str:
        """The citation as a footnote in Indonesian (``"id"``, default) or English (``"en"``).

        Raises [`UnknownLanguageError`][flexasn.UnknownLanguageError] (an
        [`InvalidInputError`][flexasn.InvalidInputError]) for another language.
        """
        require_language(lang)
        text = self.short if self.article is None else f"{self.short} {self.article}"
        if self.reading:
            text += " " + render("citation.reading", lang)
        return f"{text} [{self.confidence.value}]"

    def texts(self) -> dict[str, str]:
        """[`text`][flexasn.legal.Citation.text] in every language, keyed by language code.

        Pass it as a message parameter to `flexasn.messages.render_all`, which takes
        a ``{lang: text}`` parameter per language: ``render_all(key, basis=c.texts())``.
        """
        return {lang: self.text(lang) for lang in LANGUAGES}

    def __str__(self) -> str:
        return self.text("id")


class Registry(Frozen):
    """The validated instrument registry."""

    instruments: Mapping[str, Instrument]
    articles: Mapping[tuple[str, str], Article]
    data_as_of: date | None = None
    """The day the bundled law is known as of (the last search for new instruments)."""


_CONFIDENCE_ORDER = [Confidence.OFFICIAL, Confidence.REPORTED, Confidence.SINGLE, Confidence.SEED]


def weakest(*levels: Confidence) -> Confidence:
    """The least certain of several confidence levels (a chain is as strong as its weakest link)."""
    return max(levels, key=_CONFIDENCE_ORDER.index)


def build_registry(raw: dict[str, Any], name: str, text: str | None = None) -> Registry:
    """Validate the parsed content of an instruments file (bundled or a test's): its
    tables, then the instruments, the articles and the data-as-of date, in that order."""
    _check_tables(raw, name, text)
    instruments = _read_instruments(raw.get("instrument", []), name, text)
    articles = _read_articles(raw.get("article", []), instruments, name, text)
    return Registry(instruments=instruments, articles=articles, data_as_of=_data_as_of(raw, name))


def _line(text: str | None, path: tuple[str | int, ...]) -> int | None:
    """The line of ``path`` in the file's ``text`` (None without the text)."""
    return locate(text, path) if text else None


def _check_tables(raw: dict[str, Any], name: str, text: str | None) -> None:
    """Only the known tables, and ``instrument`` and ``article`` as arrays of tables."""
    unknown = set(raw) - {"instrument", "article", "data_as_of"}
    if unknown:
        raise PolicyDataError(Text("data.unknown_tables", tables=str(sorted(unknown))), file=name)
    for table in ("instrument", "article"):
        if not isinstance(raw.get(table, []), list):
            raise PolicyDataError(
                Text("data.not_array", table=table),
                file=name,
                field=table,
                line=_line(text, (table,)),
            )


def _read_instruments(entries: list[Any], name: str, text: str | None) -> dict[str, Instrument]:
    """The ``[[instrument]]`` entries by id: each valid, no id twice, every ``amends``
    naming an instrument of the file."""
    instruments: dict[str, Instrument] = {}
    for index, entry in enumerate(entries):
        try:
            inst = Instrument.model_validate(entry)
        except ValidationError as exc:
            label = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else index + 1
            raise data_error(
                exc,
                name,
                text,
                loc_prefix=("instrument", index),
                field_prefix=f"instrument[{label}]",
                model=Instrument,
            ) from None
        if inst.id in instruments:
            raise PolicyDataError(
                Text("data.duplicate_instrument", id=inst.id),
                file=name,
                field=f"instrument[{inst.id}].id",
                line=_line(text, ("instrument", index, "id")),
            )
        instruments[inst.id] = inst
    for index, inst in enumerate(instruments.values()):
        if inst.amends is not None and inst.amends not in instruments:
            raise PolicyDataError(
                Text("data.amends_unknown", instrument=inst.amends),
                file=name,
                field=f"instrument[{inst.id}].amends",
                line=_line(text, ("instrument", index, "amends")),
            )
    return instruments


def _read_articles(
    entries: list[Any], instruments: dict[str, Instrument], name: str, text: str | None
) -> dict[tuple[str, str], Article]:
    """The ``[[article]]`` entries by (instrument, article): each valid, citing an
    instrument of the file, none twice."""
    articles: dict[tuple[str, str], Article] = {}
    for index, entry in enumerate(entries):
        try:
            art = Article.model_validate(entry)
        except ValidationError as exc:
            raise data_error(
                exc,
                name,
                text,
                loc_prefix=("article", index),
                field_prefix=f"article[{index + 1}]",
                model=Article,
            ) from None
        line = _line(text, ("article", index, "instrument"))
        if art.instrument not in instruments:
            raise PolicyDataError(
                Text(
                    "data.article_unknown_instrument",
                    article=art.article,
                    instrument=art.instrument,
                ),
                file=name,
                field=f"article[{index + 1}].instrument",
                line=line,
            )
        key = (art.instrument, art.article)
        if key in articles:
            raise PolicyDataError(
                Text("data.duplicate_article", article=art.article, instrument=art.instrument),
                file=name,
                field=f"article[{index + 1}]",
                line=line,
            )
        articles[key] = art
    return articles


def _data_as_of(raw: dict[str, Any], name: str) -> date | None:
    """The file's ``data_as_of``: a plain date, or None where the file gives none."""
    as_of = raw.get("data_as_of")
    if as_of is not None and not is_plain_date(as_of):
        raise PolicyDataError(Text("data.as_of_not_date"), file=name, field="data_as_of")
    return as_of


@functools.cache
def registry() -> Registry:
    """The bundled registry, loaded and validated on first use."""
    name, text = bundled_text(INSTRUMENTS_FILE)
    return build_registry(parse_toml(name, text), name, text)


def data_as_of() -> date:
    """The day the bundled law is known as of: the last time the sources were searched for
    new instruments (``data_as_of`` in ``flexasn/data/instruments.toml``). Every
    [`Decision`][flexasn.Decision] carries it; an answer about a later date uses the
    instruments known then and says so."""
    as_of = registry().data_as_of
    if as_of is None:
        raise PolicyDataError(Text("data.as_of_missing"), file=f"flexasn/data/{INSTRUMENTS_FILE}")
    return as_of


def instrument(instrument_id: str) -> Instrument:
    """Look up a legal instrument by id, e.g. ``instrument("permen-panrb-4-2025")``.

    Raises [`UnknownInstrumentError`][flexasn.UnknownInstrumentError] (listing the known ids)
    for an id the registry does not hold.
    """
    require_type(instrument_id, str, "instrument_id")
    reg = registry()
    try:
        return reg.instruments[instrument_id]
    except KeyError:
        raise UnknownInstrumentError(instrument_id, reg.instruments) from None


def instruments() -> tuple[Instrument, ...]:
    """Every instrument the project knows, sorted by id."""
    reg = registry()
    return tuple(reg.instruments[key] for key in sorted(reg.instruments))


def articles(instrument_id: str | None = None) -> tuple[Article, ...]:
    """The articles the project cites, optionally of one instrument only."""
    require_type(instrument_id, str, "instrument_id", optional=True)
    reg = registry()
    return tuple(art for art in reg.articles.values() if instrument_id in (None, art.instrument))


def cite(instrument_id: str, article: str | None = None, *, reading: bool = False) -> Citation:
    """A [`Citation`][flexasn.Citation] of an instrument (and article) in the registry.

    The confidence is the article's where the registry lists the article, else
    the instrument's. An article the registry does not list is an error: code
    must not cite what the data does not hold. The bundled registry never changes in a
    process, so the same arguments give the same (frozen) citation.
    """
    require_type(instrument_id, str, "instrument_id")
    require_type(article, str, "article", optional=True)
    require_type(reading, bool, "reading")
    return _cite(instrument_id, article, reading)


@functools.lru_cache(maxsize=1024)
def _cite(instrument_id: str, article: str | None, reading: bool) -> Citation:
    inst = instrument(instrument_id)
    confidence = inst.confidence
    if article is not None:
        art = registry().articles.get((instrument_id, article))
        if art is None:
            raise PolicyDataError(
                Text("policy.unknown_article", article=article, instrument=instrument_id),
                file=f"flexasn/data/{INSTRUMENTS_FILE}",
            )
        confidence = art.confidence
    return Citation(
        instrument=inst.id,
        short=inst.short,
        article=article,
        confidence=confidence,
        url=next((s.url for s in inst.sources if s.url), None),
        reading=reading,
    )


__all__ = [
    "INSTRUMENTS_FILE",
    "Article",
    "Citation",
    "Confidence",
    "Instrument",
    "InstrumentKind",
    "Registry",
    "Source",
    "articles",
    "build_registry",
    "cite",
    "data_as_of",
    "instrument",
    "instruments",
    "registry",
    "weakest",
]
