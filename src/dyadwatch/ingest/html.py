"""Reader for HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import logging

import trafilatura

from .base import Extracted, IngestError, RawSource
from .dates import parse_date
from .decode import decode

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Dates only from the page's own markup, never guessed from arbitrary text in it.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_WORDS = 20


def read_html(source: RawSource, warnings: list[str]) -> list[Extracted]:
    html, warning = decode(source.data)
    if warning:
        warnings.append(warning)
    try:
        result = trafilatura.bare_extraction(
            html, url=source.url, with_metadata=True, include_comments=False,
            include_tables=True, date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura surfaces lxml's many parser errors
        raise IngestError(f"HTML could not be parsed: {exc}") from exc
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise IngestError("HTML page has no main text (navigation or boilerplate only)")
    title = (result.title or "").strip() or None
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    return [Extracted(
        text=text.replace("\r\n", "\n") + "\n",
        format="html",
        title=title,
        author=result.author or None,
        date=_date_or_none(result.date),
        outlet=result.sitename or None,
        url=result.url or source.url,
        language=result.language or None,
    )]


def _date_or_none(value: str | None):
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None
