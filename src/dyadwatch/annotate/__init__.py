"""Annotation layers over a document's text. Each layer is a pure function of the document and
the layers before it; `annotate` runs them and returns the stable JSON shape of
`dyadwatch annotate`: {"document": ..., "sentences": [...], <one key per later layer>}."""

from __future__ import annotations

from typing import Any

from ..model import Document, Timex
from .sentences import split_sentences
from .timex import find_timexes


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


def annotate(document: Document) -> dict[str, Any]:
    return {
        "document": document_record(document),
        "sentences": [
            {"start": s.start, "end": s.end, "text": s.text}
            for s in split_sentences(document.text)
        ],
        "timexes": [timex_record(t) for t in find_timexes(document.text, document.published)],
    }


__all__ = ["annotate", "document_record", "find_timexes", "split_sentences", "timex_record"]
