"""Clues in the text around an expression: the tense of its clause, a partner date that lends
its year, a direct quotation, a name the expression sits inside."""

from __future__ import annotations

import re
from collections import deque

from .context import Context
from .lexicon import time_words
from .patterns import PAST_VERB, YEAR_FROM_PARTNER, trigger
from .starts import Finder

NEWS_FUTURE_PENALTY = 2.0  # news refers back more often than forward
NARRATIVE_FUTURE_PENALTY = 1.0  # a narrative has no lean: the nearest year wins
NEWS_PENALTIES = (NEWS_FUTURE_PENALTY, 1 / NEWS_FUTURE_PENALTY)  # every value news_penalty gives
FUTURE_CUES = re.compile(
    r"(?i:\b(?:will|shall|should\s+be|is\s+to|are\s+to|plans?\s+to|scheduled|expected\s+to|due\s+to|"
    r"next|upcoming|going\s+to|set\s+to|intends?\s+to|until|till)\b)")


def _clause_start(text: str, start: int) -> int:
    return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)


_PAST_VERBS, _FUTURE_CUES = Finder(PAST_VERB), Finder(FUTURE_CUES)  # each finds its pattern's matches faster


def tense_before(text: str, start: int) -> str | None:
    """"past" or "future" by the cue in the clause before `start` that ends last, else None
    (when none does, or one word is both: "scheduled").

    Past verbs are single words, so the only ones that can end after the last future cue begin
    at or after its first word: the past verbs are read from there, or, with no future cue,
    only until the first."""
    clause = _clause_start(text, start)
    last_future = deque(_FUTURE_CUES.finditer(text, clause, start), maxlen=1)
    future = last_future[0] if last_future else None
    if future is None:
        return "past" if next(_PAST_VERBS.finditer(text, clause, start), None) else None
    past_at = max((m.end() for m in _PAST_VERBS.finditer(text, future.start(), start)), default=-1)
    if past_at == future.end():
        return None
    return "past" if past_at > future.end() else "future"


def news_penalty(ctx: Context, end: int | None) -> float:
    """News leans to the past, unless the clause speaks of the future ("will close in October")."""
    if end is not None and tense_before(ctx.text, end) == "future":
        return 1 / NEWS_FUTURE_PENALTY
    return NEWS_FUTURE_PENALTY


# "bars entry starting from Thursday", "effective Monday": a measure's onset is ahead of the report
ONSET = re.compile(r"(?i:\b(?:starting|beginning|effective|as\s+of)(?:\s+(?:from|on))?\s+)$")


def partner_year(ctx: Context, end: int) -> int | None:
    partner = YEAR_FROM_PARTNER.match(ctx.text, end)
    if partner is None:
        return None
    year = int(partner["year"])
    if partner["era"]:
        return -year
    return year if 1000 <= year <= 2100 else None


def in_quotation(text: str, start: int) -> bool:
    """Inside a direct quotation of the current paragraph (straight or curly marks)."""
    paragraph = text[max(text.rfind("\n", 0, start), 0):start]
    opened = paragraph.rfind("“")
    if opened > paragraph.rfind("”"):
        return True
    return paragraph.count('"') % 2 == 1


_NAME_WORD_BEFORE = re.compile(r"(?<![.!?:;\n]\s)(?<![.!?][\"”’']\s)(?<!^)\b(?P<word>[A-Z][a-z]+)\s$")
_OPENERS = frozenset({"In", "On", "By", "Since", "From", "After", "Before", "Until", "During", "Of", "The"})
_NAME_WORD_AFTER = re.compile(r"\s(?P<word>[A-Z][a-z]+)\b")


def inside_name(text: str, start: int, end: int) -> bool:
    """A year between two capitalized words of one name: "the Russell 2000 Index", "the Vision
    2030 Plan". A month, weekday, season or sentence opener before it keeps it a year."""
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
    after = _NAME_WORD_AFTER.match(text, end)
    if before is None or after is None or trigger().fullmatch(after["word"]):
        return False  # "… Conference 2010 Yesterday, …": a new sentence with a time word opens
    words = time_words()
    word = before["word"]
    return word not in _OPENERS and word not in words.months and word not in words.weekdays \
        and word.lower() not in words.seasons
