"""Chronology lines: the clause from source to target, without its date phrase, ended at its
phrase and never on a dangling conjunction or preposition."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Timex
from .lowered import first_character_scan

_PHRASE_END = first_character_scan(r"[,;]|\s(?:which|who|after|as|while|saying|amid)\s")
_DATE_PREPOSITION = re.compile(r"(?i:\b(?:on|in|from|since|by|during|at)\s*)$")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")
_SPACED_PUNCTUATION = re.compile(" [,.;:]")  # the same, faster, where words are joined by single spaces
_WORD = re.compile(r"\S+")
SUMMARY_TAIL_WORDS = 14  # words after the source, trigger and target that a summary may keep
_DANGLING = frozenset({"and", "or", "but", "to", "of", "the", "a", "an", "in", "on", "for", "with",
                       "by", "at", "from", "that", "its", "their", "his", "her"})


def _summary(text: str, start: int, end: int, timexes: Sequence[Timex]) -> str:
    """The clause from source to target, without its date phrase, as a chronology line."""
    words = text[start:end]
    within = [t for t in timexes if start <= t.start and t.end <= end]
    for timex in sorted(within, key=lambda t: -t.start):
        a, b = timex.start - start, timex.end - start
        words = _DATE_PREPOSITION.sub("", words[:a]) + words[b:]
    tokens = words.split()
    while tokens and tokens[-1].lower().strip(",;:—–-") in _DANGLING:
        tokens.pop()  # "… protecting Chinese nationals and" ends before its conjunction
    words = " ".join(tokens).strip(" ,;:—–-")
    if _SPACED_PUNCTUATION.search(words):
        words = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", words)
    if not words:
        return ""
    return words[0].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")


def _clause_tail(text: str, position: int, clause_end: int) -> int:
    """Extend a summary to the end of its phrase: up to the next comma or the clause end."""
    stop = _PHRASE_END.search(text, position, clause_end)
    end = stop.start() if stop else clause_end
    if len(text[position:end].split()) <= SUMMARY_TAIL_WORDS:  # str.split splits where \S+ ends
        return end
    words = list(_WORD.finditer(text[position:end]))
    if len(words) > SUMMARY_TAIL_WORDS:
        kept = words[:SUMMARY_TAIL_WORDS]
        while kept and kept[-1].group(0).lower().strip(",;") in _DANGLING:
            kept.pop()
        end = position + (kept[-1].end() if kept else 0)
    return end
