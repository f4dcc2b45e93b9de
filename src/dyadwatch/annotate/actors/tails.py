"""Patterns for what comes right before a mention ("in Kyiv", "the city of Wuhan", "the
spokesman"): searched in a window that they must end, after one of a few last words and
whitespace. The window is first tested for that last word, a string test far cheaper than the
search, which tries the pattern at every position of the window."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..casefold import UNFOLDED


class TailPattern:
    """A pattern that matches only at the end of the searched window, with one of `last_words`
    before the window's trailing whitespace (with `ignore_case`, in any case)."""

    def __init__(self, pattern: str, last_words: Iterable[str], ignore_case: bool = False) -> None:
        self.regex = re.compile(pattern)
        self.ignore_case = ignore_case
        self.last_words = tuple(word.lower() if ignore_case else word for word in last_words)

    def may_match(self, window: str) -> bool:
        """False where the pattern cannot match at the end of window."""
        ending = window.rstrip()
        if not self.ignore_case:
            return ending.endswith(self.last_words)
        # lower() and IGNORECASE agree except on the UNFOLDED letters, where only the search can tell
        return ending.lower().endswith(self.last_words) \
            or (not window.isascii() and any(c in window for c in UNFOLDED))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """regex.search(text, pos, endpos), run only where it may match."""
        endpos = len(text) if endpos is None else endpos
        if not self.may_match(text[pos:endpos]):
            return None
        return self.regex.search(text, pos, endpos)


def last_words_pattern(phrases: Iterable[str], capture: bool = False) -> TailPattern:
    """A case-insensitive TailPattern for a window ending with one of `phrases` and whitespace
    ("arrived in " as well as "arrived\\nin "), the alternation in a group if `capture`."""
    phrases = tuple(phrases)
    alternation = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    group = f"({alternation})" if capture else f"(?:{alternation})"
    return TailPattern(rf"(?i:\b{group}\s+)$", (phrase.split()[-1] for phrase in phrases),
                       ignore_case=True)
