"""Annotation layers over a document's text. Each layer is a pure function of the document and
the layers before it; `annotate` runs them and returns the stable JSON shape of
`dyadwatch annotate`: {"document": ..., "sentences": [...], <one key per later layer>}."""

from __future__ import annotations

from typing import Any

from ..model import Document
from .sentences import split_sentences


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


def annotate(document: Document) -> dict[str, Any]:
    return {
        "document": document_record(document),
        "sentences": [
            {"start": s.start, "end": s.end, "text": s.text}
            for s in split_sentences(document.text)
        ],
    }


__all__ = ["annotate", "document_record", "split_sentences"]
