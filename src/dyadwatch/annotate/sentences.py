"""Sentence boundaries with exact character offsets, by rules over punctuation and an
abbreviation lexicon (kb/abbreviations.yaml). Blank lines always end a sentence; single line
breaks do too, unless the paragraph is hard-wrapped prose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Sentence

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.'’-]*)$")
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


def _word_before(text: str, end: int) -> str:
    """The word _WORD_BEFORE finds right before `end`. Searched from 0 it would try every start
    position of the segment for every candidate; a short window finds the same match unless the
    match begins at the window's start (the word may go on before it), when the whole text is
    searched."""
    start = max(0, end - _WORD_WINDOW)
    found = _WORD_BEFORE.search(text, start, end)
    if found.start() == start and start > 0:  # type: ignore[union-attr]
        found = _WORD_BEFORE.search(text, 0, end)
    return found.group(1)  # type: ignore[union-attr]


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct = match.group(0)
    if not punct.startswith("."):
        return True
    word = _word_before(text, match.start()).lstrip("'’-")
    if not word:
        return True
    key = word.lower()
    lexicon = _lexicon()
    if key in lexicon.never_final:
        return False
    next_word = _NEXT_WORD.match(text, match.end())
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


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for seg_start, seg_end in _segments(text):
        start = seg_start
        segment = text[seg_start:seg_end]
        for match in _CANDIDATE.finditer(segment):
            if _is_boundary(segment, match):
                end = seg_start + match.end()
                sentence = _trimmed(text, start, end)
                if sentence:
                    sentences.append(sentence)
                start = end
        sentence = _trimmed(text, start, seg_end)
        if sentence:
            sentences.append(sentence)
    return sentences
