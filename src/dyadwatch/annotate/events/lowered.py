"""Case-insensitive searches run on lower-cased text, several times faster: Python's regex engine
cannot skip ahead through a case-insensitive alternation, but can through a case-sensitive one that
starts with a set of first letters.

Lower-casing keeps every offset and what such a pattern matches, as long as the text holds none of
"İ" (two characters in lower case), "ı" and "ſ" (which a case-insensitive "i" or "s" matches but
which lower-case to themselves); `lowered` refuses such text and the caller keeps the plain search.
Lower-casing keeps whether each character is a word character, so \\b and \\w hold as before."""

from __future__ import annotations

import re

from ..casefold import UNFOLDED
from ..timex.starts import first_characters

_UNSAFE = re.compile(f"[{UNFOLDED}]")


def lowered(text: str, start: int, end: int) -> tuple[str, int] | None:
    """text[start - 1:end] lower-cased (one character before start, so that \\b at start sees it)
    and the offset of its first character in text; None where lower-casing would change a match."""
    first = max(0, start - 1)
    span = text[first:end]
    if _UNSAFE.search(span):
        return None
    return span.lower(), first


def _first_class(body: str) -> str | None:
    """The characters body's matches can start with, as the inside of a character class (read by
    timex.starts.first_characters), or None where they cannot be read."""
    atoms = first_characters(re.compile(body))
    return None if atoms is None else "".join(sorted(source for source, _folded, _word in atoms))


def case_sensitive(body: str) -> re.Pattern[str]:
    """The pattern body (written in lower case, meant for `(?i:body)`) for lower-cased text, behind
    a look-ahead for the characters its matches can start with, which lets the engine skip ahead."""
    firsts = _first_class(body)
    return re.compile(body) if firsts is None else re.compile(f"(?=[{firsts}])(?:{body})")


class Folded:
    """A case-insensitive rule, written in lower case, that searches a sentence's `lowered` copy
    where the copy covers the span. There it begins with a class of the characters its matches can
    start with (read from the rule by timex.starts.first_characters), which the engine scans for
    in C, and tries the rule only at those; with IGNORECASE it would try every character."""

    __slots__ = ("_plain", "_scan", "pattern")

    def __init__(self, body: str) -> None:
        if re.search("[A-Z]", re.sub(r"\\.", "", body)):
            raise ValueError(f"a folded rule is written in lower case: {body!r}")
        self.pattern = re.compile(f"(?i:{body})")
        self._plain = re.compile(body)
        self._scan = first_character_scan(body)

    def search(self, text: str, low: tuple[str, int] | None, start: int, end: int) -> int | None:
        """Where pattern.search(text, start, end) finds its match, or None; `low` is `lowered`
        text around the span, or None."""
        if _covers(low, start, end):
            lower, offset = low  # type: ignore[misc]
            match = self._scan.search(lower, start - offset, end - offset)
            return None if match is None else match.start() + offset
        match = self.pattern.search(text, start, end)
        return None if match is None else match.start()

    def span(self, text: str, low: tuple[str, int] | None, start: int, end: int) -> tuple[int, int] | None:
        """The span of the match pattern.search(text, start, end) finds, or None."""
        if _covers(low, start, end):
            lower, offset = low  # type: ignore[misc]
            found = self._scan.search(lower, start - offset, end - offset)
            if found is None:
                return None
            match = self._plain.match(lower, found.start(), end - offset)
            return found.start() + offset, match.end() + offset  # type: ignore[union-attr]
        match = self.pattern.search(text, start, end)
        return None if match is None else match.span()


def _covers(low: tuple[str, int] | None, start: int, end: int) -> bool:
    """Whether `lowered` text covers text[start:end] and the character before it (\\b looks at it)."""
    if low is None:
        return False
    lower, offset = low
    return (start > offset or start == offset == 0) and end <= offset + len(lower)


def first_character_scan(body: str) -> re.Pattern[str]:
    """A pattern whose search finds where `body` first matches, with a one-character match (its
    start is the match's start): a first character of body, which the engine scans for in C, then
    (looking back over it) body matching from there."""
    firsts = _first_class(body)
    return re.compile(body) if firsts is None else re.compile(f"[{firsts}](?<=(?={body})[\\s\\S])")
