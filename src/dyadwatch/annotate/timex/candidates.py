"""Where time expressions can be: windows around trigger tokens, every rule's matches in them
(each rule only where the words it needs occur), and the non-overlapping choice among them."""

from __future__ import annotations

import re
from functools import lru_cache

from .gates import Gates
from .patterns import Rule, rules, trigger


@lru_cache(maxsize=1)
def _gates() -> Gates:
    return Gates(rule.pattern for rule in rules())


Candidate = tuple[int, int, int, Rule, re.Match[str]]  # start, end, rule priority, rule, match


WINDOW_BEFORE, WINDOW_AFTER = 40, 50  # longer than any modifier before or tail after a trigger


def trigger_windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of text around trigger tokens; the rest cannot hold a time expression."""
    windows: list[tuple[int, int]] = []
    for hit in trigger().finditer(text):
        start, end = max(0, hit.start() - WINDOW_BEFORE), min(len(text), hit.end() + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def candidates(text: str) -> list[Candidate]:
    found = []
    windows = trigger_windows(text)
    gates = _gates()
    masks = gates.window_masks(text, windows)
    for priority, (rule, needs) in enumerate(zip(rules(), gates.rule_masks, strict=True)):
        has_span = "span" in rule.pattern.groupindex
        for (window_start, window_end), met in zip(windows, masks, strict=True):
            if needs & ~met:
                continue
            for match in rule.pattern.finditer(text, window_start, window_end):
                start, end = match.span("span") if has_span else match.span()
                if end > start:
                    found.append((start, end, priority, rule, match))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches: longest first, then the earlier rule."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        start, end = candidate[0], candidate[1]
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        chosen.append(candidate)
        taken.append((start, end))
    return sorted(chosen, key=lambda c: c[0])
