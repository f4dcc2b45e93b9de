"""From a reader's output to a Document: merge markup, text headers, file names and user overrides.

Precedence, strongest first: the user's options; the format's own markup (HTML meta, feed item);
the text's header lines and dateline; a date written in the file name or URL; a PDF's creation
date. `Document.provenance` records where each field came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from ..kb.outlets import Outlet, OutletRegistry
from ..model import Document, Kind, PartialDate, content_id
from .base import Extracted, IngestError, RawSource
from .dates import date_in_name
from .headers import TextHeader, read_dateline, read_header
from .kinds import detect_kind

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b)\s*")


def normalize_authors(value: str | None) -> str | None:
    """Several authors as one string joined with ", " ("A and B", "A; B" → "A, B")."""
    if not value:
        return None
    names = [n.strip(" *_") for n in _AUTHOR_SEPARATORS.split(value.strip()) if n.strip(" *_")]
    return ", ".join(names) or None


def outlet_slugs(source_name: str) -> list[str]:
    """Outlet names a file name may carry as a slug ("2020-02-19_global-times_x.txt" → "global times",
    "mid-ru" → "mid.ru"); lowest-priority evidence, used only when nothing else names the outlet."""
    if "://" in source_name:
        return []
    stem = source_name.rsplit("/", 1)[-1].split(".", 1)[0]
    parts = [p for p in stem.split("_") if p and not p[0].isdigit()]
    return [form for p in parts for form in (p.replace("-", " "), p.replace("-", "."))]


@dataclass(frozen=True)
class Overrides:
    """Metadata the user states on the command line; it beats anything detected."""

    outlet: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    author: str | None = None
    kind: Kind | None = None


@lru_cache(maxsize=1)
def _language_classifier():
    import py3langid  # loads its model on first use (about half a second)

    return py3langid


def detect_language(text: str) -> str | None:
    sample = text[:3000]
    if len(sample.split()) < 5:
        return None
    code, _score = _language_classifier().classify(sample)
    return code


def _host(url: str | None) -> str | None:
    return urlparse(url).hostname if url and "://" in url else None


def resolve_outlet(
    candidates: list[tuple[str | None, str]], url: str | None, registry: OutletRegistry
) -> tuple[str | None, Outlet | None, str | None]:
    """(name, registry entry, how found): the first candidate the registry knows wins,
    then the URL's domain, then the first candidate as written."""
    for name, how in candidates:
        if name and name.startswith(("http://", "https://")):
            outlet = registry.by_domain(_host(name))
            if outlet:
                return outlet.name, outlet, how + " (domain)"
            continue
        outlet = registry.lookup(name)
        if outlet:
            return outlet.name, outlet, how
    outlet = registry.by_domain(_host(url))
    if outlet:
        return outlet.name, outlet, "url domain"
    for name, how in candidates:
        outlet = registry.find_in(name) if name and len(name) <= 80 else None
        if outlet:
            return outlet.name, outlet, how + " (contains)"
    for name, how in candidates:
        if name and not name.startswith(("http://", "https://")):
            return name.strip(), None, how
    return None, None, None


def _infer_year(header: TextHeader, source_name: str, url: str | None, body: str) -> tuple[int | None, str]:
    for name, how in ((source_name, "file name"), (url or "", "url")):
        dated = date_in_name(name)
        if dated:
            return dated.year, how
    years = Counter(int(y) for y in _YEAR.findall(body[:3000]))
    if years:
        return years.most_common(1)[0][0], "most frequent year in the text"
    return None, ""


def _resolve_date(
    extracted: Extracted, header: TextHeader, overrides: Overrides, source: RawSource, body: str
) -> tuple[PartialDate | None, str | None]:
    if overrides.date:
        return overrides.date, "option"
    markup_first = not extracted.read_text_header
    if markup_first and extracted.date:
        return extracted.date, f"{extracted.format} metadata"
    if header.date:
        return header.date, header.found.get("date")
    if extracted.date:
        return extracted.date, f"{extracted.format} metadata"
    if header.month_day:
        year, how = _infer_year(header, source.name, source.url, body)
        dated = header.month_day.in_year(year) if year else None
        if dated:
            return dated, f"dateline, year from {how}"
    named = date_in_name(source.name) or date_in_name(extracted.url or "")
    if named:
        return named, "file name or url"
    if extracted.fallback_date:
        return extracted.fallback_date, "pdf creation date"
    return None, None


def build_document(
    extracted: Extracted, source: RawSource, overrides: Overrides, registry: OutletRegistry
) -> Document:
    """A Document from one reader output; raises IngestError when there is no text."""
    text = extracted.text
    if extracted.read_text_header:
        header = read_header(text, lambda name: registry.lookup(name) is not None, extracted.title)
    else:
        header = TextHeader()  # markup carries the metadata; wire copy may still open with a dateline
        read_dateline(text, header)
    body = text[header.body_start:] if extracted.read_text_header else text
    body = body.strip("\n") + "\n"
    if not body.strip():
        raise IngestError("no text after the header lines" if text.strip() else "no text")

    provenance: dict[str, str] = {}
    title = overrides.title or extracted.title or header.title
    provenance["title"] = "option" if overrides.title else (
        f"{extracted.format} metadata" if extracted.title else header.found.get("title", "none"))
    author = normalize_authors(overrides.author or extracted.author or header.author)
    if author:
        provenance["author"] = "option" if overrides.author else (
            f"{extracted.format} metadata" if extracted.author else header.found.get("author", ""))
    url = extracted.url or header.url or source.url

    outlet_name, outlet, how = resolve_outlet(
        [(overrides.outlet, "option"), (extracted.outlet, f"{extracted.format} metadata"),
         (header.outlet, header.found.get("outlet", "header"))],
        url, registry,
    )
    if outlet is None:
        slug_outlet = next((registry.lookup(s) or registry.by_domain(s)
                            for s in outlet_slugs(source.name)
                            if registry.lookup(s) or registry.by_domain(s)), None)
        if slug_outlet:
            outlet_name, outlet, how = slug_outlet.name, slug_outlet, "file name"
    if outlet_name:
        provenance["outlet"] = how or ""
    published, date_how = _resolve_date(extracted, header, overrides, source, body)
    if date_how:
        provenance["published"] = date_how

    kind = overrides.kind or header.kind or detect_kind(
        body, " | ".join([title or "", *header.sections]), outlet, author,
        has_dateline=header.dateline is not None,
        has_publication_line=header.found.get("date") == "publication line",
    )
    return Document(
        id=content_id(title, body),
        text=body,
        title=title,
        outlet=outlet_name,
        outlet_country=outlet.country if outlet else None,
        outlet_affiliation=outlet.affiliation if outlet else None,
        author=author,
        published=published,
        language=extracted.language or header.language or detect_language(body),
        kind=kind,
        source=source.name + (f"#{extracted.item}" if extracted.item else ""),
        url=url if url and "://" in url else None,
        format=extracted.format,
        provenance=provenance,
    )
