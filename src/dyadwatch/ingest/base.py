"""What every reader returns, and the one error type a reader raises for a bad source."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PartialDate


class IngestError(Exception):
    """A source that cannot become a document; the message is the one-line reason."""


@dataclass(frozen=True)
class RawSource:
    """Bytes as they arrived, with where they came from."""

    name: str
    data: bytes
    url: str | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Extracted:
    """A reader's output: main text plus whatever metadata the format itself carries."""

    text: str
    format: str
    title: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    item: str | None = None
    read_text_header: bool = False
    fallback_date: PartialDate | None = None  # used only when nothing better states the date
