"""Reader for RSS and Atom feeds: each item becomes a document."""

from __future__ import annotations

import re

import feedparser
import lxml.html

from .base import Extracted, IngestError, RawSource
from .dates import parse_date

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br"}


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _item_date(entry) -> object:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                date = parse_date(raw)
            except ValueError:
                date = None
            if date is not None:
                return date
    return None


def read_feed(source: RawSource, warnings: list[str]) -> list[Extracted]:
    parsed = feedparser.parse(source.data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "unreadable"
        raise IngestError(f"not a valid RSS/Atom feed: {reason}")
    if not parsed.entries:
        raise IngestError("feed has no items")
    if parsed.bozo:
        warnings.append(f"feed is not well-formed ({parsed.bozo_exception}); read what parsed")
    channel = parsed.feed.get("title") or None
    items = []
    for index, entry in enumerate(parsed.entries):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        title = (entry.get("title") or "").strip() or None
        items.append(Extracted(
            text=fragment_text(body) + "\n",
            format="feed",
            title=title,
            author=entry.get("author") or None,
            date=_item_date(entry),
            outlet=channel,
            url=entry.get("link") or source.url,
            item=title or f"item {index + 1}",
        ))
    return items
