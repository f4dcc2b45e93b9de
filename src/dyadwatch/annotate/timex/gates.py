"""What a rule needs before it can match: words or digits any of its matches must contain, read
from the rule's own regular expression. A window of text lacking them is not searched with that
rule, which is where most of the search time went; the matches found do not change.

A requirement is a set of lowercase strings one of which every match contains (checked in the
lowercased text), or DIGIT: a decimal digit, as `\\d` reads it. A rule's gate is all of its
requirements; a rule with none always runs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # the parsed-pattern vocabulary of the re module
from re import _parser

from ..casefold import UNFOLDED

DIGIT = " digit"  # holds a space, so no string of a pattern that is kept as a requirement equals it
Requirement = frozenset[str]

_MAX_EXACT = 64  # more alternatives than this and a run of text stops being tracked exactly
_DIGIT_RE = re.compile(r"\d")

_Exact = frozenset[str] | None  # every string the node can match, when few and known
_Analysis = tuple[_Exact, list[Requirement]]


def requirements(pattern: re.Pattern[str]) -> tuple[Requirement, ...]:
    """The strongest requirements of `pattern`, strongest first; () when none can be read."""
    try:
        exact, found = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # re's parse trees are internal: what this reader cannot follow is not gated
        return ()
    if exact is not None and _useful(exact):
        found.append(exact)
    kept = {r for r in found if _useful(r)}
    return tuple(sorted(kept, key=_strength))


def _useful(requirement: Iterable[str]) -> bool:
    """Worth checking, and checkable within one whitespace-free token of lowercased text."""
    strings = list(requirement)
    return bool(strings) and all(
        s == DIGIT or (len(s) >= 2 and s.isascii() and not any(c.isspace() for c in s)) for s in strings)


def _strength(requirement: Requirement) -> tuple[int, int, list[str]]:
    if requirement == {DIGIT}:
        return (0, 0, [])
    return (-min(map(len, requirement)), len(requirement), sorted(requirement))


def _sequence(items: list) -> _Analysis:
    """Concatenation: runs of exactly known text join into longer strings."""
    found: list[Requirement] = []
    run: frozenset[str] | None = frozenset({""})
    broken = False
    for item in items:
        exact, inner = _node(item)
        found.extend(inner)
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        if run is not None and "" not in run:
            found.append(run)
        broken = True
        run = exact if exact is not None and len(exact) <= _MAX_EXACT else frozenset({""})
    if broken:
        if run is not None and "" not in run:
            found.append(run)
        return None, found
    return run, found


def _best(exact: _Exact, found: list[Requirement]) -> Requirement | None:
    options = list(found)
    if exact is not None and "" not in exact:
        options.append(exact)
    options = [o for o in options if _useful(o)]
    return min(options, key=_strength) if options else None


def _node(node: tuple) -> _Analysis:
    op, arg = node
    if op is C.LITERAL:
        return frozenset({chr(arg).lower()}), []
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset({""}), []
    if op is C.IN:
        return _charset(arg)
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is C.BRANCH:
        exacts: set[str] = set()
        union: set[str] = set()
        exact_known, required = True, True
        for branch in arg[1]:
            exact, found = _sequence(list(branch))
            if exact is None:
                exact_known = False
            else:
                exacts |= exact
            best = _best(exact, found)
            if best is None:
                required = False
            else:
                union |= best
        if exact_known and len(exacts) <= _MAX_EXACT:
            return frozenset(exacts), []
        return None, [frozenset(union)] if required else []
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = arg
        exact, found = _sequence(list(sub))
        if low == 0:
            return (exact | {""} if exact is not None and high == 1 else None), []
        if low == high == 1:
            return exact, found
        best = _best(exact, found)
        return None, [best] if best is not None else []
    return None, []  # any character, a back reference, a conditional: nothing known


def _charset(items: list) -> _Analysis:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg).lower())
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT and len(items) == 1:
            return None, [frozenset({DIGIT})]
        elif op is C.RANGE and arg[1] - arg[0] < 16:
            chars |= {chr(c).lower() for c in range(arg[0], arg[1] + 1)}
        else:
            return None, []
    return frozenset(chars), []


class Gates:
    """Each rule's requirements as bits; a window's text as the bits it meets."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        needs = [requirements(p) for p in patterns]
        bits = {need: 1 << i for i, need in enumerate(sorted({n for ns in needs for n in ns}, key=sorted))}
        self.rule_masks = tuple(sum(bits[n] for n in ns) for ns in needs)
        self._string_bits: dict[str, int] = {}
        for need, bit in bits.items():
            for string in need:
                self._string_bits[string] = self._string_bits.get(string, 0) | bit
        self._digit_bits = self._string_bits.pop(DIGIT, 0)
        self._longest = max(map(len, self._string_bits), default=0)
        self._token_bits: dict[str, int] = {}

    def window_masks(self, text: str, windows: list[tuple[int, int]]) -> list[int]:
        """The requirement bits each window meets; every bit (-1) where text cannot be gated."""
        lowered = text.lower()
        if len(lowered) != len(text) or any(c in text for c in UNFOLDED):
            return [-1] * len(windows)
        masks = []
        known = self._token_bits
        if len(known) > 200_000:
            known.clear()
        for start, end in windows:
            mask = 0
            for token in lowered[start:end].split():
                bits = known.get(token)
                if bits is None:
                    bits = known[token] = self._bits(token)
                mask |= bits
            masks.append(mask)
        return masks

    def _bits(self, token: str) -> int:
        """The bits of every requirement string inside `token` (none holds whitespace)."""
        bits = self._digit_bits if _DIGIT_RE.search(token) else 0
        lookup = self._string_bits.get
        for start in range(len(token)):
            for end in range(start + 2, min(len(token), start + self._longest) + 1):
                bits |= lookup(token[start:end], 0)
        return bits
