"""The format of a source, judged from its content first and its name or media type second."""

from __future__ import annotations

import re

from .base import IngestError, RawSource

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xd0\xcf\x11\xe0": "legacy Office document",
    b"SQLite format 3": "SQLite database",
}
_FEED_ROOT = re.compile(rb"<(?:rss|rdf:RDF|feed)[\s>]", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]",
                         re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|section|span|h[1-6]|br)[\s/>]", re.I)
_MARKDOWN = re.compile(r"^(?:#{1,6} \S|\*\*?[^*\n]+\*\*?\s*$|> )|\]\(https?://", re.M)
FEED_EXTENSIONS = (".rss", ".atom", ".xml", ".rdf")
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown")


def _binary_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text; decode handles it
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "binary data"
    return None


def detect_format(source: RawSource) -> str:
    """One of pdf, html, feed, markdown, text; raises IngestError for empty or binary input."""
    data = source.data
    if not data.strip():
        raise IngestError("empty file" if data == b"" else "no text (whitespace only)")
    head = data[:8192]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    binary = _binary_kind(head)
    if binary:
        raise IngestError(f"not a text document: looks like {binary}")
    name = source.name.lower().split("?")[0]
    media = (source.content_type or "").lower()
    if _FEED_ROOT.search(head[:2048]) and not _HTML_START.search(head):
        return "feed"
    if _HTML_START.search(head) or len(_HTML_TAGS.findall(head)) >= 3 or "html" in media:
        return "html"
    if name.endswith(FEED_EXTENSIONS) or "rss" in media or "atom" in media:
        return "feed"  # the feed reader says why it is not a usable feed
    if name.endswith(MARKDOWN_EXTENSIONS) or "markdown" in media:
        return "markdown"
    if len(_MARKDOWN.findall(head.decode("utf-8", "replace"))) >= 3:
        return "markdown"
    return "text"
