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

_UNSAFE = re.compile(f"[{UNFOLDED}]")


def lowered(text: str, start: int, end: int) -> tuple[str, int] | None:
    """text[start - 1:end] lower-cased (one character before start, so that \\b at start sees it)
    and the offset of its first character in text; None where lower-casing would change a match."""
    first = max(0, start - 1)
    span = text[first:end]
    if _UNSAFE.search(span):
        return None
    return span.lower(), first


def case_sensitive(body: str, firsts: str) -> re.Pattern[str]:
    """The pattern body (written in lower case, meant for `(?i:body)`) for lower-cased text, behind
    a look-ahead for `firsts`, the characters its matches can start with, which lets the engine skip
    ahead."""
    return re.compile(f"(?=[{firsts}])(?:{body})")
