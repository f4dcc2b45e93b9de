"""Sentence boundaries with exact character offsets, by rules over punctuation and an
abbreviation lexicon (kb/abbreviations.yaml). Blank lines always end a sentence; single line
breaks do too, unless the paragraph is hard-wrapped prose."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Sentence

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9])")
_FINAL_MARKS = ".!?…"  # a _CANDIDATE match opens with one of them
_WORD_BEFORE = re.compile(r"([\w.'’-]*)$")
# what _WORD_BEFORE.search finds, in one pass where the search tries every start: every run of
# word characters with the character after it, then the last run (group 1), which ends at the
# end or, as $ lets it, before a final newline
_LAST_WORD = re.compile(r"(?:[\w.'’-]*+(?!\n\Z)[^\w.'’-])*+([\w.'’-]*+)")
_WORD_WINDOW = 40
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([\w]+)")
HARD_WRAP_MIN_LINE = 40
HARD_WRAP_MAX_LINE = 120


@dataclass(frozen=True)
class _Lexicon:
    never_final: frozenset[str]
    months: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(resources.files("dyadwatch.kb").joinpath("abbreviations.yaml")
                          .read_text("utf-8"))
    never_final = set(data["titles"]) | set(data["other"]) | set(data["weekdays"])
    return _Lexicon(frozenset(never_final), frozenset(data["months"]),
                    frozenset(data["sentence_starters"]))


def _word_before(text: str, seg_start: int, end: int) -> str:
    """The word _WORD_BEFORE finds right before `end` in the segment from `seg_start`. Searched
    from the segment's start it would try every start position for every candidate; a short
    window finds the same match unless the match begins at the window's start (the word may go
    on before it), when the whole segment is searched."""
    start = max(seg_start, end - _WORD_WINDOW)
    found = _LAST_WORD.match(text, start, end)
    if found.start(1) == start and start > seg_start:  # type: ignore[union-attr]
        found = _WORD_BEFORE.search(text, seg_start, end)
    return found.group(1)  # type: ignore[union-attr]


def _is_boundary(text: str, seg_start: int, seg_end: int, match: re.Match[str]) -> bool:
    """Does the candidate `match` in the segment text[seg_start:seg_end] end a sentence?"""
    punct = match.group(0)
    if not punct.startswith("."):
        return True
    word = _word_before(text, seg_start, match.start()).lstrip("'’-")
    if not word:
        return True
    key = word.lower()
    lexicon = _lexicon()
    if key in lexicon.never_final:
        return False
    next_word = _NEXT_WORD.match(text, match.end(), seg_end)
    following = next_word.group(1) if next_word else ""
    if key in lexicon.months:
        return not following[:1].isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word:  # U.S., p.m.
        return following.lower() in lexicon.starters
    return True


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: bounded line lengths, most inner lines long."""
    inner = [line.rstrip() for line in lines[:-1] if line.strip()]
    if not inner or max(len(line) for line in lines) > HARD_WRAP_MAX_LINE:
        return False
    return sum(1 for line in inner if len(line) >= HARD_WRAP_MIN_LINE) * 2 >= len(inner)


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans no sentence crosses: paragraphs; in paragraphs that are not hard-wrapped, each line
    (a line that starts in lower case continues the one before)."""
    spans: list[tuple[int, int]] = []
    start = 0
    breaks = [(m.start(), m.end()) for m in _BLOCK_BREAK.finditer(text)]
    for block_end, next_start in [*breaks, (len(text), len(text))]:
        lines = text[start:block_end].split("\n")
        if len(lines) == 1 or _hard_wrapped(lines):
            spans.append((start, block_end))
        else:
            seg_start = offset = start
            for i, line in enumerate(lines):
                offset += len(line) + 1
                following = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
                if not following[:1].islower():
                    spans.append((seg_start, offset - 1))
                    seg_start = offset
        start = next_start
    return spans


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def offsets_of(marks: str, text: str) -> list[int]:
    """Where any of `marks` is in the text, in order (a str.find per mark is much faster than a
    scan for a character class)."""
    offsets = []
    for mark in marks:
        at = text.find(mark)
        while at != -1:
            offsets.append(at)
            at = text.find(mark, at + 1)
    offsets.sort()
    return offsets


def _candidates(text: str, opening: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
    """_CANDIDATE.finditer(text, start, end), tried only at the offsets where a match may open."""
    after = start
    for at in opening[bisect_left(opening, start):bisect_left(opening, end)]:
        if at >= after and (match := _CANDIDATE.match(text, at, end)):
            after = match.end()
            yield match


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    opening = offsets_of(_FINAL_MARKS, text)
    for seg_start, seg_end in _segments(text):
        start = seg_start
        for match in _candidates(text, opening, seg_start, seg_end):
            if _is_boundary(text, seg_start, seg_end, match):
                end = match.end()
                sentence = _trimmed(text, start, end)
                if sentence:
                    sentences.append(sentence)
                start = end
        sentence = _trimmed(text, start, seg_end)
        if sentence:
            sentences.append(sentence)
    return sentences
