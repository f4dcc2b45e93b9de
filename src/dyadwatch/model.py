"""The vocabulary of the whole house: frozen records that stages pass along."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["absolute", "dct", "narrative", "none"]
Kind = Literal["news", "analysis", "transcript", "other"]
KINDS: tuple[Kind, ...] = ("news", "analysis", "transcript", "other")

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to day, month or year precision ("2020-03-19", "2020-03", "2020")."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]  # type: ignore[arg-type]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"{calendar.month_name[self.month]} {self.year} has no day {self.day}"  # type: ignore[index]
                )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError naming what is wrong."""
        match = _ISO_PARTIAL.match(value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True)
class Span:
    """Characters start..end (end exclusive) of one document's text."""

    document_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A time expression: its span in the text, TIMEX3 type, value and mod, and the anchor used
    to resolve it (absolute; dct = the publication date; narrative = the story's running time)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: Anchor = "absolute"


@dataclass(frozen=True)
class Actor:
    """An actor mention resolved to a PLOVER/CAMEO-style code: ISO-3 country (or IGO, NGO, IMG)
    plus a sector (GOV, MIL, MED, …), e.g. RUSGOV; a bare country has no sector (code RUS)."""

    start: int
    end: int
    text: str
    code: str
    country: str | None
    sector: str | None
    name: str | None = None  # canonical name (person, organization, outlet, country)
    role: str | None = None  # a person's role on the event date ("Foreign Minister")
    kb_id: str | None = None
    resolved_from: int | None = None  # for references: the start offset of the antecedent

    def __init__(self, start: int, end: int, text: str, code: str, country: str | None,
                 sector: str | None, name: str | None = None, role: str | None = None,
                 kb_id: str | None = None, resolved_from: int | None = None) -> None:
        # The generated frozen __init__ with one update of the instance's dict instead of an
        # object.__setattr__ per field: half the cost, and the actor layer makes tens of thousands.
        self.__dict__.update(start=start, end=end, text=text, code=code, country=country,
                             sector=sector, name=name, role=role, kb_id=kb_id,
                             resolved_from=resolved_from)


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is credited to: the words as written and the actor they resolve to."""

    text: str
    start: int
    end: int
    name: str | None = None  # canonical person or organization name
    code: str | None = None  # actor code, e.g. RUSGOV
    resolved_by: str = "cue"  # cue | role | continuation | title | pronoun | group


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class Quote:
    """Words credited to a speaker. `parts` are the quoted (or reported) stretches of text, more
    than one when a quote runs over paragraphs or is interrupted by its cue."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    parts: tuple[tuple[int, int], ...]
    cue: tuple[int, int, str] | None = None
    speaker: Speaker | None = None
    date: str | None = None  # ISO date of the occasion: the cue sentence's own date, else publication
    field: str = "text"  # where the offsets point: the document's text, or its title (a headline quote)


QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}


@dataclass(frozen=True)
class EventMention:
    """One sentence's claim that source actor(s) did something to target actor(s).

    `start`/`end` span the sentence, `trigger_*` the words that name the act. `quad` is the
    CAMEO/GDELT QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict); `intensity` is on the Goldstein scale (-10 … +10). The date comes from
    the clause's own time expression (`date_anchor` = its TIMEX3 anchor), else the sentence
    before (`narrative`), else the publication date (`publication`)."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    trigger_text: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    plover: str
    mode: str | None
    cameo: str
    quad: int
    intensity: float
    date: str | None
    date_precision: str | None
    date_anchor: str | None
    negated: bool = False
    modality: str | None = None  # future | hypothetical | question | None
    reported_by: Actor | None = None
    summary: str = ""
    reciprocal: bool = False
    context: tuple[str, ...] = ()  # countries of every actor in the sentence


@dataclass(frozen=True)
class Source:
    """Where an event was reported: the document, its outlet and date, the sentence and its span."""

    mention_id: int
    document_id: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One real happening, fused from the mentions that report it, with all of them as sources."""

    date: str | None
    date_precision: str | None
    plover: str
    mode: str | None
    cameo: str
    quad: int
    intensity: float
    source: tuple[str, ...]  # actor codes
    target: tuple[str, ...]
    summary: str
    salience: float
    sources: tuple[Source, ...]
    context: tuple[str, ...] = ()  # countries named in the sentences that report it
    parts: tuple[Event, ...] = ()  # what was said in talks, folded into the talks' entry


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    outlet_country: str | None = None
    outlet_affiliation: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    language: str | None = None
    kind: Kind = "other"
    source: str | None = None
    url: str | None = None
    format: str | None = None
    provenance: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def published_precision(self) -> Precision | None:
        return self.published.precision if self.published else None


@dataclass(frozen=True)
class Skipped:
    """A source that could not become a document, with the one reason why."""

    source: str
    reason: str


def content_id(title: str | None, text: str) -> str:
    """Content hash that keys a document: whitespace- and case-stable, so re-ingesting is a no-op."""
    normalized = " ".join(f"{title or ''}\n{text}".split()).casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()
