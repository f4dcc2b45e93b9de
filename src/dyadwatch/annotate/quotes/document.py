"""One document as the quote searches read it: its text, paragraphs, sentences, actors, dates
and quoted spans, indexed once; and small helpers on words and offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property, lru_cache
from itertools import accumulate
from operator import attrgetter

from ...model import Actor, PartialDate, Sentence, Speaker, Timex
from ..timex.calendar import DAY_OR_MONTH_VALUE
from .cues import Cues
from .marks import quoted_spans

_WORD = re.compile(r"[\w’'-]+")
STOP = re.compile(r"[.;!?\"“”«»]")
_ACCORDING_HINT = re.compile("according", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_TOKEN = re.compile(r"\w+")
_START = attrgetter("start")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def has_words(text: str, count: int, start: int = 0, end: int | None = None) -> bool:
    """word_count(text[start:end]) >= count, reading no further than the count-th word."""
    if count <= 0:
        return True
    return _at_least(count).match(text, start, len(text) if end is None else end) is not None


@lru_cache(maxsize=16)
def _at_least(count: int) -> re.Pattern[str]:
    """`count` words as _WORD finds them: each a whole run of word characters (possessive, so
    that no run is split in two), after what lies between runs."""
    return re.compile(rf"(?:[^\w’'-]*+[\w’'-]++){{{count}}}")


def paragraph_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text)]
    return starts


def trim_comma(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's words without surrounding space and without the comma that hands over to
    its cue ("…without exception," Peskov said); sentence punctuation stays."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;—–-\n\t":
        start += 1
    while end > start and text[end - 1] in " ,.;:\n\t":
        end -= 1
    return start, end


class Doc:
    """Indexes over one document's layers, for the cue and speaker searches."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: Sequence[Actor],
                 timexes: Sequence[Timex], published: PartialDate | None, cues: Cues):
        self.text = text
        self.sentences = list(sentences)  # narrowed to those outside transcript turns for indirect speech
        self.all_sentences = list(sentences)
        self.actors = sorted(actors, key=_START)
        self._actor_starts = [a.start for a in self.actors]
        self.all_timexes = sorted(timexes, key=_START)
        self._timex_starts = [t.start for t in self.all_timexes]
        self.timexes = [t for t in self.all_timexes if t.type == "DATE" and DAY_OR_MONTH_VALUE.match(t.value)]
        self._published = published
        self.cues = cues
        self.paragraphs = paragraph_starts(text)
        self.spans = quoted_spans(text)  # every quotation between marks, read once
        # a speaker that names both parties ("Both presidents", "Putin and Xi"), by its span: the
        # speaker of each side (the quote is credited to each)
        self.groups: dict[tuple[int, int], list[Speaker]] = {}
        # where a verb, directive or stance may open, and the word there
        lowered = _ascii_lowered(text)
        first_words = _either(cues.verb_first_words, cues.stance_first_words)
        self._cue_starts, self._cue_words = _verb_candidates(text, lowered, first_words)
        self._verb_starts = self._subset(cues.verb_first_words)
        self._directive_starts = self._subset(cues.directive_first_words)  # the few that may open a directive
        self._stance_starts = self._subset(cues.stance_first_words)
        self._according = _starts_of("according", lowered) if lowered is not None else \
            [m.start() for m in _ACCORDING_HINT.finditer(text)]

    @cached_property
    def published(self) -> str | None:
        """The publication date as ISO text (the date of a quote with no date of its own); many
        headlines have no quote to date."""
        return self._published.iso() if self._published else None

    def _subset(self, words: frozenset[str] | None) -> list[int] | None:
        """The cue candidates whose word may open one of `words` (all of them when None)."""
        if not self._cue_starts or self._cue_words is None or words is None:
            return self._cue_starts  # None, no candidate at all, or all of them
        return [p for p, word in zip(self._cue_starts, self._cue_words, strict=True)
                if word in words or not word.isascii()]

    @cached_property
    def _quoted_parts(self) -> tuple[list[int], list[int]]:
        """The starts of the quoted parts, in order, and the furthest end among the parts up to each."""
        parts = sorted(part for span in self.spans for part in span.parts)
        return [start for start, _ in parts], list(accumulate((end for _, end in parts), max))

    def next_to_quote(self, position: int) -> bool:
        """Is `position` in a quoted part or on a mark next to one: is a - 1 <= position < b + 1 for
        some part (a, b)? Of the parts that start by position + 1, the one that ends furthest tells."""
        starts, furthest = self._quoted_parts
        at = bisect_right(starts, position + 1)
        return at > 0 and furthest[at - 1] + 1 > position

    def may_hold_according(self, start: int, end: int) -> bool:
        """False when text[start:end] cannot hold "according to" (in any case)."""
        at = bisect_left(self._according, start)
        return at < len(self._according) and self._according[at] < end

    def may_hold_cue(self, start: int, end: int) -> bool:
        """False when text[start:end] can hold no verb form, directive or "according to" (a
        window that cuts a word at its end may: the word's head can be a form)."""
        starts, text = self._cue_starts, self.text
        if starts is None or self.may_hold_according(start, end):
            return True
        at = bisect_left(starts, start)
        if at < len(starts) and starts[at] < end:
            return True
        return 0 < end < len(text) and bool(_WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end))

    def verbs_in(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """`pattern.finditer(text, start, end)` for a pattern of verb forms (cues.verb,
        cues.clause_verb, cues.directive, cues.stance), tried only where a word could open one of its
        forms."""
        text = self.text
        starts = self._directive_starts if pattern is self.cues.directive else \
            self._stance_starts if pattern is self.cues.stance else self._verb_starts
        if starts is None:
            return list(pattern.finditer(text, start, end))
        tries = starts[bisect_left(starts, start):bisect_left(starts, end)]
        if end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end):
            cut = end - 1  # a word cut by the window's end: its head may be a form on its own
            while cut > start and _WORD_CHAR.match(text, cut - 1):
                cut -= 1
            if cut >= start and (not tries or tries[-1] < cut):
                tries.append(cut)
        found: list[re.Match[str]] = []
        position = start
        for at in tries:
            if at < position:
                continue
            match = pattern.match(text, at, end)
            if match:
                found.append(match)
                position = match.end()
        return found

    def verb_spans(self, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
        """The spans in the text of pattern.finditer(text[start:end]) for a pattern of verb forms
        (see verbs_in): as verbs_in finds them, unless `start` cuts a word, where the slice's \\b
        and the text's disagree."""
        text = self.text
        if 0 < start < len(text) and _WORD_CHAR.match(text, start - 1) and _WORD_CHAR.match(text, start):
            return [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])]
        return [m.span() for m in self.verbs_in(pattern, start, end)]

    def sentence_at(self, offset: int, everywhere: bool = False) -> Sentence | None:
        for sentence in self.all_sentences if everywhere else self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def paragraph_of(self, offset: int) -> int:
        return max(bisect_right(self.paragraphs, offset) - 1, 0)

    def paragraph_end(self, offset: int) -> int:
        index = self.paragraph_of(offset)
        return self.paragraphs[index + 1] if index + 1 < len(self.paragraphs) else len(self.text)

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """The actors within text[start:end], in order: those from the first that starts at
        `start` or later, up to the last that starts by `end`, that end by `end`."""
        starts = self._actor_starts
        return [a for a in self.actors[bisect_left(starts, start):bisect_right(starts, end)] if a.end <= end]

    def timexes_from(self, start: int, end: int) -> list[Timex]:
        """The time expressions that start from `start` to `end` (inclusive), in order."""
        starts = self._timex_starts
        return self.all_timexes[bisect_left(starts, start):bisect_right(starts, end)]

    def actors_on(self, start: int, end: int) -> list[Actor]:
        """The actors of one mention, text[start:end] ("Both presidents" may be two), in order."""
        starts = self._actor_starts
        at_start = self.actors[bisect_left(starts, start):bisect_right(starts, start)]
        return [a for a in at_start if a.end == end]

    def actor_starting_at(self, offset: int) -> Actor | None:
        """The first actor that starts at `offset`, if any."""
        at = bisect_left(self._actor_starts, offset)
        return self.actors[at] if at < len(self.actors) and self._actor_starts[at] == offset else None

    def actors_before(self, offset: int) -> list[Actor]:
        """The actors that start before `offset`, the nearest first."""
        return self.actors[:bisect_left(self._actor_starts, offset)][::-1]

    def actor_at_word(self, offset: int) -> Actor | None:
        """The first actor that starts at `offset` or later with no word before it (the object of
        "told"); the words before an actor only grow with its start, so only the first can be."""
        at = bisect_left(self._actor_starts, offset)
        if at == len(self.actors):
            return None
        actor = self.actors[at]
        return actor if word_count(self.text[offset:actor.start]) == 0 else None

    def date_of(self, start: int, end: int, outside: Sequence[tuple[int, int]] = (),
                near: int | None = None) -> str | None:
        """The date of the sentence start..end: its time expression nearest to the cue (`near`)
        outside the quoted words, else the publication date."""
        found = [t for t in self.timexes
                 if start <= t.start < end and not any(s <= t.start < e for s, e in outside)]
        if not found:
            return self.published
        anchor = start if near is None else near
        return min(found, key=lambda t: abs(t.start - anchor)).value


def _starts_of(word: str, text: str) -> list[int]:
    """Where `word` occurs in `text` (str.find: much faster than a regex scan)."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


@lru_cache(maxsize=4)
def _either(verb_words: frozenset[str] | None, stance_words: frozenset[str] | None) -> frozenset[str] | None:
    """The words that may open a verb form, directive or stance (None: any word may)."""
    if verb_words is None or stance_words is None:
        return None
    return verb_words | stance_words


def _ascii_lowered(text: str) -> str | None:
    """The text in lower case, each non-ASCII character made a "?", when no word holds one (the
    text's only non-ASCII characters are marks such as “ ” ’ —): its words, their offsets and
    where "according" is are then the text's. None when a word holds a non-ASCII letter."""
    if not text.isascii():
        if any(_WORD_CHAR.match(c) for c in set(text) if not c.isascii()):
            return None
        text = text.encode("ascii", "replace").decode("ascii")
    return text.lower()


def _verb_candidates(text: str, lowered: str | None, first_words: frozenset[str] | None
                     ) -> tuple[list[int], list[str]] | tuple[None, None]:
    """Where a verb form may start, and the word there in lower case: each word whose lower case
    opens some form (a word with non-ASCII letters is kept, since the patterns' case folding may
    equate it with one). `lowered` is _ascii_lowered(text)."""
    if first_words is None:
        return None, None
    if lowered is not None:
        # every character but a word character made a space: a word then opens only after a
        # space, and the pattern is tried only there; with one space put first, the space
        # before a word is at the word's offset in the text
        spaced = " " + lowered.translate(_NON_WORD_TO_SPACE) + " "
        found = [(m.start(), m.group(0)[1:]) for m in _spaced_word_of(first_words).finditer(spaced)]
    else:
        found = [(m.start(), word.lower()) for m in _TOKEN.finditer(text)
                 if (word := m.group(0)).lower() in first_words or not word.isascii()]
    return [p for p, _ in found], [w for _, w in found]


_NON_WORD_TO_SPACE = str.maketrans(dict.fromkeys(
    [c for c in map(chr, range(128)) if not (c.isalnum() or c == "_")], " "))


@lru_cache(maxsize=4)
def _spaced_word_of(words: frozenset[str]) -> re.Pattern[str]:
    """A lower-case word of the set between spaces, matched from the space before it (the space
    after it is only looked at: it may open the next word). The words are spelled as a trie
    ("sa(?:id|y(?:ing|s)?)"), so that each letter is compared once however many words share it;
    as only a whole word can be followed by a space, the matches are those of a plain
    alternation."""
    return re.compile(rf" {_trie_pattern(_trie_of(words)) if words else '(?!)'}(?= )")


_WORD_END = ""  # the key that marks the end of a word in a trie node


def _trie_of(words: frozenset[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[_WORD_END] = {}
    return root


def _trie_pattern(node: dict[str, dict]) -> str:
    """The words below a trie node as a pattern (empty when a word ends at the node and none goes on)."""
    branches = [re.escape(letter) + _trie_pattern(child) for letter, child in sorted(node.items())
                if letter != _WORD_END]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{pattern})?" if _WORD_END in node else pattern
