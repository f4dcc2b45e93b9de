"""Annotation layers over a document's text. Each layer is a pure function of the document and
the layers before it; `annotate` runs them and returns the stable JSON shape of
`dyadwatch annotate`: {"document": ..., "sentences": [...], <one key per later layer>}."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..model import Actor, Document, EventMention, PartialDate, Quote, Sentence, Timex
from .actors import find_actors
from .actors.kb import KnowledgeBase
from .events import find_events
from .quotes import find_quotes
from .quotes.headlines import find_headline_quotes
from .sentences import split_sentences
from .timex import find_timexes
from .timex.calendar import DAY_OR_MONTH_VALUE


def document_record(document: Document) -> dict[str, Any]:
    published = document.published
    return {
        "id": document.id,
        "title": document.title,
        "outlet": document.outlet,
        "outlet_country": document.outlet_country,
        "outlet_affiliation": document.outlet_affiliation,
        "author": document.author,
        "published": published.iso() if published else None,
        "published_precision": published.precision if published else None,
        "language": document.language,
        "kind": document.kind,
        "source": document.source,
        "url": document.url,
        "format": document.format,
        "provenance": document.provenance,
        "text": document.text,
    }


def timex_record(timex: Timex) -> dict[str, Any]:
    return {"start": timex.start, "end": timex.end, "text": timex.text, "type": timex.type,
            "value": timex.value, "mod": timex.mod, "anchor": timex.anchor}


def actor_record(actor: Actor) -> dict[str, Any]:
    return {"start": actor.start, "end": actor.end, "text": actor.text, "code": actor.code,
            "country": actor.country, "sector": actor.sector, "name": actor.name, "role": actor.role,
            "kb_id": actor.kb_id, "resolved_from": actor.resolved_from}


def _actor_ref(actor: Actor) -> dict[str, Any]:
    """An event's actor: its own country and sector, since the event layer also names actors the
    actor layer does not list ("Chinese donations followed")."""
    return {"code": actor.code, "country": actor.country, "sector": actor.sector,
            "start": actor.start, "end": actor.end, "text": actor.text}


def event_record(event: EventMention) -> dict[str, Any]:
    return {
        "start": event.start, "end": event.end,
        "trigger": {"start": event.trigger_start, "end": event.trigger_end, "text": event.trigger_text},
        "source": [_actor_ref(a) for a in event.source], "target": [_actor_ref(a) for a in event.target],
        "plover": event.plover, "mode": event.mode, "cameo": event.cameo, "quad": event.quad,
        "intensity": event.intensity, "date": event.date, "date_precision": event.date_precision,
        "date_anchor": event.date_anchor, "negated": event.negated, "modality": event.modality,
        "reported_by": _actor_ref(event.reported_by) if event.reported_by else None,
        "summary": event.summary, "reciprocal": event.reciprocal, "context": list(event.context),
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "start": quote.start, "end": quote.end, "text": quote.text, "kind": quote.kind,
        "parts": [list(p) for p in quote.parts],
        "cue": {"start": quote.cue[0], "end": quote.cue[1], "text": quote.cue[2]} if quote.cue else None,
        "speaker": {"text": speaker.text, "start": speaker.start, "end": speaker.end, "name": speaker.name,
                    "code": speaker.code, "resolved_by": speaker.resolved_by} if speaker else None,
        "date": quote.date, "field": quote.field,
    }


def sentence_dates(sentences: Sequence[Sentence], timexes: Sequence[Timex],
                   published: dt.date | None) -> list[dt.date | None]:
    """The date each sentence speaks of: its first calendar date (day or month), else the date
    of the sentence before, else the publication date. People's roles are read on it. A month
    stands for its last day (no later than publication): "Mishustin, who became prime minister
    earlier this month" holds the office the month ends with."""
    dates: list[dt.date | None] = []
    current = published
    dated = [t for t in timexes if t.type == "DATE" and DAY_OR_MONTH_VALUE.match(t.value)]
    i = 0
    for sentence in sentences:
        while i < len(dated) and dated[i].start < sentence.start:
            i += 1
        if i < len(dated) and dated[i].start < sentence.end:
            year, month, day = DAY_OR_MONTH_VALUE.match(dated[i].value).groups()  # type: ignore[union-attr]
            if day:
                current = dt.date(int(year), int(month), int(day))
            else:
                first = dt.date(int(year), int(month), 1)
                current = first.replace(day=calendar.monthrange(first.year, first.month)[1])
                if published is not None and first <= published < current:
                    current = published
        dates.append(current)
    return dates


def layers(text: str, published: PartialDate | None = None, kb: KnowledgeBase | None = None,
           ) -> tuple[list[Sentence], list[Timex], list[Actor], list[EventMention]]:
    """Every layer of a text, each built on the ones before: sentences, time expressions, actors
    (roles read on each sentence's date) and event mentions."""
    sentences = split_sentences(text)
    timexes = find_timexes(text, published)
    first_day = published.first_day() if published else None
    actors = find_actors(text, sentences, sentence_dates(sentences, timexes, first_day), kb)
    events = find_events(text, sentences, actors, timexes, published, kb=kb)
    return sentences, timexes, actors, events


def title_actors(title: str | None, kb: KnowledgeBase | None = None) -> list[Actor]:
    """Actors named in a title: they tell who answers in a transcript ("Spokesperson Geng
    Shuang's Regular Press Conference")."""
    if not title:
        return []
    return find_actors(title, split_sentences(title), None, kb)


def headline_quotes(title: str | None, published: PartialDate | None, kb: KnowledgeBase | None = None,
                    actors: Sequence[Actor] | None = None, body_actors: Sequence[Actor] = ()) -> list[Quote]:
    """Statements the title credits (offsets are the title's, `field` is "title"); `actors` are
    the title's if already found, `body_actors` the text's (they name a role such as "FM
    spokesperson" that the title gives without a name)."""
    if not title:
        return []
    if actors is None:
        actors = find_actors(title, [Sentence(0, len(title), title)], None, kb)
    return find_headline_quotes(title, actors, published, body_actors=body_actors)


def annotate(document: Document, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    sentences, timexes, actors, events = layers(document.text, document.published, kb)
    in_title = title_actors(document.title, kb)
    quotes = find_quotes(document.text, sentences, actors, timexes, document.published, title_actors=in_title)
    quotes += headline_quotes(document.title, document.published, kb, in_title, actors)
    return {
        "document": document_record(document),
        "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in sentences],
        "timexes": [timex_record(t) for t in timexes],
        "actors": [actor_record(a) for a in actors],
        "events": [event_record(e) for e in events],
        "quotes": [quote_record(q) for q in quotes],
    }


__all__ = [
    "actor_record",
    "annotate",
    "document_record",
    "event_record",
    "find_actors",
    "find_events",
    "find_quotes",
    "find_timexes",
    "headline_quotes",
    "layers",
    "quote_record",
    "sentence_dates",
    "split_sentences",
    "timex_record",
    "title_actors",
]
