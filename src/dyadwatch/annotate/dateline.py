"""A news dateline at the start of a sentence ("MOSCOW, Feb 26 (Reuters) - ", "BEIJING, Feb. 19
(Xinhua) -- ", "Nov 26 (Interfax) - "): where the filing was made and when, not what the
sentence reports."""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]+,[^—\n]{0,60}?(?:—|–|\s--?\s)|"
    r"(?:[A-Z][\w .'-]{1,30},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
    r"\([A-Z][\w .&/-]{1,30}\)\s*(?:—|–|--?|:)?)\s*")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the words of the sentence text[start:end] begin, after its dateline if it has one."""
    match = DATELINE.match(text, start, end)
    return match.end() if match else start
