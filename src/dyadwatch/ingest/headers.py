"""Metadata from the plain-text headers real sources print above (and at the start of) their text.

Recognised forms:
- a header block:        "Title: …" / "Date: 2020-03-19" / "Source: Xinhua" / "Author: …"
- an outlet-and-date line: "TASS, April 16, 2020" or "Global Research, April 17, 2020"
- a publication line:    "Published May 2020 in Comparative Connections", "Published April 22, 2020"
- a byline:              "By Andrew Osborn" or "By Andrew Osborn, Reuters"
- a masthead or section line: "Valdai Discussion Club | Expert Opinions", "Carnegie Moscow Center"
- an author line:        "Sergei Tomilin" alone, directly above a date line
- a headline:            the first short line that is none of the above
- a standfirst:          a short paragraph between the headline and a byline or date line
- a dateline:            "MOSCOW, April 15 (TASS) — …", "BEIJING, March 19 (Xinhua) -- …",
                         "MOSCOW, April 15. /TASS/. …" opening the first paragraph (kept in the body)
Header lines are cut from the body; the dateline stays, as it is part of the first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import KINDS, PartialDate
from .dates import DATE_IN_TEXT, MonthDay, parse_date, parse_month_day

_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "publication date": "date", "dated": "date",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "publication": "outlet",
    "author": "author", "authors": "author", "byline": "author",
    "url": "url", "link": "url",
    "kind": "kind", "language": "language",
    "license": None, "licence": None, "copyright": None,
}
_KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.*?)\s*$")
_BYLINE = re.compile(r"^\s*by\s+(?P<who>[A-Z][^\n]{1,150}?)\s*$", re.I)
_BYLINE_MAX_WORDS = 12
_CALENDAR_WORD = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
                  r"march|april|may|june|july|august|september|october|november|december")
_MONTH_OR_DAY_START = re.compile(rf"^(?:{_CALENDAR_WORD})\b", re.I)
_NOT_A_NAME = re.compile(rf"^(?:the|a|an|this|that|then|now|{_CALENDAR_WORD})\b", re.I)
_NAME_LINE = re.compile(r"^\s*(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}\s*$")
_SECTION_SPLIT = re.compile(r"\s+[|·•»›]\s+")
_SECTION_MAX_WORDS = 6
_STANDFIRST_MAX_WORDS = 60
_PUBLISHED = re.compile(
    r"^\s*(?:first\s+)?published(?:\s+on)?\s+(?:(?P<date1>.+?)\s+(?:in|by)\s+(?P<outlet1>.+?)"
    r"|(?:in|by)\s+(?P<outlet2>.+?),?\s+(?:on\s+)?(?P<date2>\S.+?)|(?P<date3>.+?))\s*\.?\s*$",
    re.I,
)
_OUTLET_DATE = re.compile(r"^\s*(?P<name>[^,|\n]{2,60}?)\s*(?:,|\||—|–|\s-\s)\s*(?P<date>.+?)\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"(?:\s*\((?P<outlet1>[^()\n]{2,40})\)\s*[—–-]{1,2}"
    r"|\.\s*/(?P<outlet2>[^/\n]{2,40})/\.?"
    r"|\s+[—–-]{1,2})\s*"
)
_TERMINAL = (".", ";", ":")
MAX_TITLE_WORDS = 30


@dataclass
class TextHeader:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    month_day: MonthDay | None = None
    url: str | None = None
    kind: str | None = None
    language: str | None = None
    dateline: str | None = None
    sections: list[str] = field(default_factory=list)
    body_start: int = 0
    found: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: object, how: str) -> None:
        if value and getattr(self, name) is None:
            setattr(self, name, value)
            self.found[name] = how


def _lines(text: str) -> list[tuple[int, str]]:
    offset, out = 0, []
    for line in text.splitlines(keepends=True):
        out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return out


def _safe_date(phrase: str) -> PartialDate | None:
    try:
        return parse_date(phrase)
    except ValueError:
        return None


def _split_byline(who: str, is_outlet: Callable[[str], bool]) -> tuple[str, str | None]:
    """"Andrew Osborn, Reuters" → ("Andrew Osborn", "Reuters"); a trailing date is dropped."""
    parts = [p.strip() for p in re.split(r"\s*[,|]\s*|\s+[—–]\s+", who) if p.strip()]
    outlet = None
    while len(parts) > 1 and (is_outlet(parts[-1]) or _safe_date(parts[-1])):
        last = parts.pop()
        if outlet is None and is_outlet(last):
            outlet = last
    return ", ".join(parts).strip(" *_"), outlet


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and not line.rstrip().endswith(_TERMINAL)
        and not _DATELINE.match(line)
    )


def _header_line(line: str, header: TextHeader, is_outlet: Callable[[str], bool]) -> bool:
    """Take what one header line says; False when it is no header line."""
    key_line = _KEY_LINE.match(line)
    if key_line and key_line["key"].strip().lower() in _HEADER_KEYS:
        target = _HEADER_KEYS[key_line["key"].strip().lower()]
        value = key_line["value"].strip()
        if target == "date":
            date = _safe_date(value)
            if date is None:
                return False
            header.set("date", date, "header block")
        elif target == "kind":
            header.set("kind", value.lower() if value.lower() in KINDS else None, "header block")
        elif target is not None:
            header.set(target, value, "header block")
        return True
    byline = _BYLINE.match(line)
    if byline and _is_byline(byline["who"]):
        author, outlet = _split_byline(byline["who"], is_outlet)
        header.set("author", author, "byline")
        header.set("outlet", outlet, "byline")
        return True
    published = _PUBLISHED.match(line)
    if published:
        date_text = published["date1"] or published["date2"] or published["date3"]
        date = _safe_date(date_text or "")
        if date is not None:
            header.set("date", date, "publication line")
            header.set("outlet", published["outlet1"] or published["outlet2"], "publication line")
            return True
    date = _safe_date(line)
    if date is not None and len(line) < 60:
        header.set("date", date, "date line")
        return True
    outlet_date = _OUTLET_DATE.match(line)
    if outlet_date and not _safe_date(outlet_date["name"]) and not _MONTH_OR_DAY_START.match(
            outlet_date["name"]):
        date = _safe_date(outlet_date["date"])
        if date is not None and (is_outlet(outlet_date["name"]) or header.date is None):
            header.set("outlet", outlet_date["name"].strip(), "outlet-and-date line")
            header.set("date", date, "outlet-and-date line")
            return True
    return _section_line(line, header, is_outlet)


def _section_line(line: str, header: TextHeader, is_outlet: Callable[[str], bool]) -> bool:
    """A masthead or breadcrumb: an outlet name alone, or short segments split by "|"."""
    segments = [s.strip() for s in _SECTION_SPLIT.split(line.strip()) if s.strip()]
    if not segments or any(len(s.split()) > _SECTION_MAX_WORDS for s in segments):
        return False
    outlets = [s for s in segments if is_outlet(s)]
    if outlets:
        header.set("outlet", outlets[0], "masthead")
    elif len(segments) < 2:
        return False
    header.sections.extend(s for s in segments if s not in outlets)
    return True


def _is_byline(who: str) -> bool:
    return (len(who.split()) <= _BYLINE_MAX_WORDS and not who.rstrip().endswith(".")
            and not _NOT_A_NAME.match(who))


def read_header(
    text: str, is_outlet: Callable[[str], bool] = lambda _name: False, title: str | None = None
) -> TextHeader:
    """Read the header lines at the top of `text`; `body_start` is where the body begins."""
    header = TextHeader()
    if title:
        header.set("title", title, "markup")
    lines = [(offset, line) for offset, line in _lines(text) if line.strip()]
    body_start = len(text)
    for i, (offset, line) in enumerate(lines):
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        if _header_line(line, header, is_outlet):
            continue
        if header.title and line.strip().casefold() == header.title.casefold():
            continue  # the headline printed again above the text
        if header.title is None and _is_headline(line):
            header.set("title", line.strip().strip("*_# "), "headline line")
            continue
        if header.author is None and _NAME_LINE.match(line) and _safe_date(following.strip()):
            header.set("author", line.strip(), "author line")
            continue
        if (header.title and len(line.split()) <= _STANDFIRST_MAX_WORDS
                and _header_line(following, TextHeader(), is_outlet)):
            continue  # a standfirst between the headline and the byline or date
        body_start = offset
        break
    header.body_start = body_start
    read_dateline(text[body_start:], header)
    if header.date is None and header.title:
        in_title = DATE_IN_TEXT.search(header.title)
        if in_title:
            header.set("date", _safe_date(in_title.group(0)), "title")
    return header


def read_dateline(body: str, header: TextHeader) -> None:
    match = _DATELINE.match(body)
    if not match or not (match["date"] or match["outlet1"] or match["outlet2"]):
        return
    header.dateline = match.group(0).strip()
    outlet = (match["outlet1"] or match["outlet2"] or "").strip()
    header.set("outlet", outlet or None, "dateline")
    if match["date"]:
        date = _safe_date(match["date"])
        if date is not None and date.precision == "day":
            header.set("date", date, "dateline")
        else:
            header.month_day = header.month_day or parse_month_day(match["date"])
