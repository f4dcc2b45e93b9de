"""One source in, documents (or the reason it was skipped) out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..kb.outlets import OutletRegistry
from ..model import Document, Skipped
from .base import Extracted, IngestError, RawSource
from .detect import detect_format
from .feed import read_feed
from .html import read_html
from .metadata import Overrides, build_document
from .pdf import read_pdf
from .text import read_markdown, read_text

Reader = Callable[[RawSource, list[str]], list[Extracted]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "pdf": read_pdf,
    "feed": read_feed,
}


@dataclass
class SourceResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_source(source: RawSource, overrides: Overrides, registry: OutletRegistry) -> SourceResult:
    """Detect the format, read, and build documents; never raises for bad input."""
    result = SourceResult()
    try:
        fmt = detect_format(source)
        extracted = READERS[fmt](source, result.warnings)
    except IngestError as exc:
        result.skipped.append(Skipped(source.name, str(exc)))
        return result
    for item in extracted:
        name = f"{source.name}#{item.item}" if item.item else source.name
        try:
            result.documents.append(build_document(item, source, overrides, registry))
        except IngestError as exc:
            result.skipped.append(Skipped(name, str(exc)))
    return result
