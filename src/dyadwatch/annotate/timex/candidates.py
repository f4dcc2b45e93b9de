"""Where time expressions can be: windows around trigger tokens, every rule's matches in them
(each rule only where the words it needs occur, searched from where its matches can start), and
the non-overlapping choice among them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache

from .caseless import lowered
from .gates import Gates
from .patterns import Rule, rules, trigger, trigger_after, trigger_after_lowered
from .starts import Finder


@lru_cache(maxsize=1)
def _gates() -> Gates:
    return Gates(rule.pattern for rule in rules())


Candidate = tuple[int, int, int, Rule, re.Match[str]]  # start, end, rule priority, rule, match
# a rule to run: priority, rule, whether it has a "span" group, its Finder's finditer, and the
# search of its core (None when it has none)
_Runnable = tuple[int, Rule, bool, Callable[[str, int, int, str | None], Iterator[re.Match[str]]],
                  Callable[[str, int, int], re.Match[str] | None] | None]


@lru_cache(maxsize=1)
def _runnable() -> tuple[_Runnable, ...]:
    return tuple((priority, rule, "span" in rule.pattern.groupindex, Finder(rule.pattern).finditer,
                  rule.core.search if rule.core is not None else None)
                 for priority, rule in enumerate(rules()))


_BY_MASK: dict[int, list[_Runnable]] = {}


def _rules_for(met: int) -> list[_Runnable]:
    """The rules whose requirements a window meeting `met` meets, in rule order."""
    chosen = _BY_MASK.get(met)
    if chosen is None:
        if len(_BY_MASK) > 10_000:
            _BY_MASK.clear()
        chosen = _BY_MASK[met] = [run for run, needs in zip(_runnable(), _gates().rule_masks, strict=True)
                                  if not needs & ~met]
    return chosen


WINDOW_BEFORE, WINDOW_AFTER = 40, 50  # longer than any modifier before or tail after a trigger


def trigger_windows(text: str, low: str | None) -> list[tuple[int, int]]:
    """Merged spans of text around trigger tokens; the rest cannot hold a time expression. A run of
    digits gives the span its digits would give one by one. `low`: text as caseless.lowered gives
    it."""
    windows: list[tuple[int, int]] = []
    length = len(text)
    position = 0
    first = trigger().match(text)  # at the start of the text, where trigger_after cannot look
    if first is not None:
        windows.append((0, min(length, first.end() + WINDOW_AFTER)))
        position = first.end()
    for hit in _trigger_hits(text, low, position):
        start, end = hit.span()
        if not text[start].isalnum():  # a digit, or the non-word character before a trigger word
            start += 1
        start, end = max(0, start - WINDOW_BEFORE), min(length, end + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _trigger_hits(text: str, low: str | None, position: int) -> Iterator[re.Match[str]]:
    """What trigger_after().finditer(text, position) gives, found faster: each place where the
    lowercased copy `low` (caseless.lowered) holds a trigger word in lower case is tried with
    trigger_after(). Every hit is such a place, as lowercasing keeps each character a digit, a
    non-word character or whitespace if it was one, and turns what IGNORECASE matches to a letter
    into that letter; text without such a copy is searched directly."""
    if low is None:
        yield from trigger_after().finditer(text, position)
        return
    search, confirm = trigger_after_lowered().search, trigger_after().match
    while (place := search(low, position)) is not None:
        hit = confirm(text, place.start())
        if hit is None:  # "may" the verb, "MARCH"
            position = place.start() + 1
        else:
            yield hit
            position = hit.end()


def candidates(text: str) -> list[Candidate]:
    found = []
    low = lowered(text)  # once, for the trigger search, the gates and the rules' twins
    windows = trigger_windows(text, low)
    for (window_start, window_end), met in zip(windows, _gates().window_masks(low, windows), strict=True):
        for priority, rule, has_span, finditer, core in _rules_for(met):
            if core is not None and core(text, window_start, window_end) is None:
                continue
            for match in finditer(text, window_start, window_end, low):
                start, end = match.span("span") if has_span else match.span()
                if end > start:
                    found.append((start, end, priority, rule, match))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches: longest first, then the earlier rule."""
    chosen: list[Candidate] = []
    starts: list[int] = []  # of the chosen spans, in text order; their ends are in order too
    ends: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        start, end = candidate[0], candidate[1]
        before = bisect_left(starts, end)  # the chosen spans that start before this one ends
        if before and ends[before - 1] > start:  # the last of them does not end before it starts
            continue
        chosen.append(candidate)
        starts.insert(before, start)
        ends.insert(before, end)
    return sorted(chosen, key=lambda c: c[0])
