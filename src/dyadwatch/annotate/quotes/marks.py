"""Quoted spans of a text: pairs of quotation marks, read the way a typesetter writes them.

- Double marks (" “ ” „ « ») delimit quotes; single marks (' ‘ ’) too, but only where a text uses
  them as its outer marks (no double marks around them) and not as apostrophes.
- A quote left open at the end of a paragraph goes on when the next paragraph opens with a mark
  (the convention for quotes over several paragraphs); otherwise it ends with its paragraph, so an
  unbalanced mark never swallows the rest of the document.
- The result is the inner text of each quote as one or more parts (one per paragraph)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..sentences import offsets_of

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[\"“«„])")
_DOUBLE_OPEN, _DOUBLE_CLOSE, _DOUBLE_EITHER = "“„«", "”»", '"'
_SINGLE_OPEN, _SINGLE_CLOSE, _SINGLE_EITHER = "‘", "’", "'"
_ALL_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_EITHER + _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_EITHER
_OPENING_CONTEXT = set(" \t\n([{/")
_DASHES = "—–-"
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation between marks; `parts` are the (start, end) of its inner text per paragraph."""

    parts: tuple[tuple[int, int], ...]
    closed: bool  # False when the closing mark is missing and the quote stopped at a paragraph end

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def text(self, text: str) -> str:
        return " ".join(text[s:e].strip() for s, e in self.parts)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if _VISIBLE.search(text, s, e)]  # not blank


def _direction(text: str, i: int, opening: str, closing: str) -> str | None:
    """'open', 'close' or None (an apostrophe or a stray mark) for the mark at i."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in opening:
        return "open"
    if mark in closing:
        if mark == "’" and before.isalnum() and after.isalnum():
            return None  # don't, China’s
        return "close"
    # a straight mark: decide from its neighbours
    if before in _OPENING_CONTEXT or before in "“‘«":
        return "open" if not after.isspace() else None
    if before in _DASHES:
        return "close" if after.isspace() or i + 1 == len(text) else "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text):
        return "close"
    return None


def _single_is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, Xi's
    # "the ministers' talks": a plural possessive
    return before in "sS" and (after.isspace() or after in ".,;:")


def _scan(text: str, positions: list[int], opening: str, closing: str,
          single: bool) -> list[tuple[int, str]]:
    """The direction of each mark at `positions` that is no apostrophe or stray mark."""
    marks = []
    for i in positions:
        ch = text[i]
        if single and ch in "’'" and _single_is_apostrophe(text, i):
            continue
        direction = _direction(text, i, opening, closing)
        if direction:
            marks.append((i, direction))
    return marks


def _pair(text: str, paragraphs: list[tuple[int, int]], opening: str, closing: str, either: str,
          single: bool) -> list[QuotedSpan]:
    quotes: list[QuotedSpan] = []
    parts: list[tuple[int, int]] = []
    open_at: int | None = None
    positions = offsets_of(opening + closing + either, text)
    if not positions:
        return []
    for index, (p_start, p_end) in enumerate(paragraphs):
        first, last = bisect_left(positions, p_start), bisect_left(positions, p_end)
        if first == last and open_at is None:
            continue  # no mark, no quote going on
        marks = _scan(text, positions[first:last], opening, closing, single)
        if open_at is not None:
            # a quote carried over from the paragraph before goes on only if this one opens with a mark
            if marks and marks[0][1] == "open" and not text[p_start:marks[0][0]].strip():
                open_at = marks[0][0] + 1
                marks = marks[1:]
            else:
                quotes.append(QuotedSpan(tuple(parts), closed=False))
                parts, open_at = [], None
        for position, direction in marks:
            if direction == "open":
                if open_at is not None:  # a second opening mark: the first quote was never closed
                    parts.append((open_at, position))
                    quotes.append(QuotedSpan(tuple(parts), closed=False))
                    parts = []
                open_at = position + 1
            elif open_at is not None:
                parts.append((open_at, position))
                quotes.append(QuotedSpan(tuple(parts), closed=True))
                parts, open_at = [], None
        if open_at is not None:
            parts.append((open_at, p_end))
            next_opens = index + 1 < len(paragraphs) and _first_visible(text, paragraphs[index + 1][0]) in (
                opening + either)
            if not next_opens:
                quotes.append(QuotedSpan(tuple(parts), closed=False))
                parts, open_at = [], None
    if parts:
        quotes.append(QuotedSpan(tuple(parts), closed=False))
    return [_trimmed(text, q) for q in quotes if any(text[s:e].strip() for s, e in q.parts)]


def _first_visible(text: str, start: int) -> str:
    """text[start:].lstrip()[:1] without copying the rest of the text."""
    found = _VISIBLE.search(text, start)
    return found.group() if found else ""


def _trimmed(text: str, quote: QuotedSpan) -> QuotedSpan:
    parts = []
    for s, e in quote.parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            parts.append((s, e))
    return QuotedSpan(tuple(parts), quote.closed)


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quotation in the text, in order."""
    if not any(mark in text for mark in _ALL_MARKS):
        return []  # most headlines
    paragraphs = _paragraphs(text)
    doubles = _pair(text, paragraphs, _DOUBLE_OPEN, _DOUBLE_CLOSE, _DOUBLE_EITHER, single=False)
    covered = [(q.start, q.end) for q in doubles]
    singles = [q for q in _pair(text, paragraphs, _SINGLE_OPEN, _SINGLE_CLOSE, _SINGLE_EITHER, single=True)
               if q.closed and len(q.parts) == 1
               and not any(s <= q.start and q.end <= e for s, e in covered)]
    return sorted(doubles + singles, key=lambda q: q.start)
