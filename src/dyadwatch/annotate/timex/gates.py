"""What a rule needs before it can match: words or digit shapes any of its matches must contain,
read from the rule's own regular expression. A window of text lacking them is not searched with
that rule, which is where most of the search time went; the matches found do not change.

A requirement is a set of strings one of which every match contains, checked in the lowercased
text with each decimal digit (what `\\d` matches) written as DIGIT: "2020-02-19" is checked as
"####-##-##", so that the digit rules are gated by the shape of their numbers. A string may
begin or end with SPACE, the whitespace at the edge of a word: " day" is "day" beginning a word
("5 days", not "Monday"). A rule's gate is all of its requirements; a rule with none always
runs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from re import _constants as C  # the parsed-pattern vocabulary of the re module
from re import _parser

DIGIT = "#"  # any decimal digit, in the requirements and in the text they are checked in
SPACE = " "  # any whitespace character (what `\\s` matches, where str.split splits)
Requirement = frozenset[str]

_MAX_EXACT = 64  # more alternatives than this and a run of text stops being tracked exactly
_MAX_REPEAT = 4  # a repeat of at most this many copies of known text is known text
_DIGIT_RE = re.compile(r"\d")
_NOTHING_KNOWN: frozenset[str] = frozenset({""})  # as a prefix or suffix: every string has it


@dataclass
class _Analysis:
    """What a node of a parsed pattern can match: every string exactly (None: too many or not
    known), strings every match begins with and ends with, and requirements inside it.
    `optional`: the node may match nothing; its prefix and suffix are those of its other matches."""

    exact: frozenset[str] | None
    prefix: frozenset[str] = _NOTHING_KNOWN
    suffix: frozenset[str] = _NOTHING_KNOWN
    found: list[Requirement] = field(default_factory=list)
    optional: bool = False

    def edges(self) -> tuple[frozenset[str], frozenset[str]]:
        """The prefix and suffix of every match."""
        return (_NOTHING_KNOWN, _NOTHING_KNOWN) if self.optional else (self.prefix, self.suffix)


def _known(exact: frozenset[str]) -> _Analysis:
    return _Analysis(exact, exact, exact)


_UNKNOWN = _Analysis(None)
_EMPTY = _known(_NOTHING_KNOWN)


def requirements(pattern: re.Pattern[str], word_edges: bool = False) -> tuple[Requirement, ...]:
    """The strongest requirements of `pattern`, strongest first; () when none can be read.
    `word_edges`: with SPACE where a string must begin or end a word."""
    try:
        analysis = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # re's parse trees are internal: what this reader cannot follow is not gated
        return ()
    found = [*analysis.found, analysis.prefix, analysis.suffix]
    if analysis.exact is not None:
        found.append(analysis.exact)
    kept = {r if word_edges else _without_edges(r) for r in map(_within_words, found)}
    return tuple(sorted(filter(_useful, kept), key=_strength))


def _without_edges(requirement: Requirement) -> Requirement:
    return frozenset(string.strip(SPACE) for string in requirement)


def _within_words(requirement: Requirement) -> Requirement:
    """`requirement` with each string that spans words cut to its longest word (with the
    SPACE at its edges): a match holding "b. c." holds "b. "."""
    return frozenset(map(_longest_word, requirement))


def _longest_word(string: str) -> str:
    if SPACE not in string.strip(SPACE):
        return string
    words = string.split(SPACE)
    last = len(words) - 1
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    return (SPACE if longest else "") + words[longest] + (SPACE if longest < last else "")


def _useful(requirement: Iterable[str]) -> bool:
    """Worth checking, and checkable within one whitespace-free token of lowercased text (with
    SPACE at its edges)."""
    strings = list(requirement)
    return bool(strings) and all(_useful_string(s) for s in strings)


def _useful_string(string: str) -> bool:
    inner = string[1:] if string.startswith(SPACE) else string
    inner = inner[:-1] if inner.endswith(SPACE) else inner
    return (len(string) >= 2 or string == DIGIT) and bool(inner) and all(map(_checkable, inner))


def _checkable(char: str) -> bool:
    """Found by its lowercase in lowercased text wherever the pattern matches it: an ASCII
    character, or one without case (a curly quote, a dash); never whitespace."""
    return not char.isspace() and (char.isascii() or char.lower() == char.upper() == char)


def _strength(requirement: Requirement) -> tuple[int, int, list[str]]:
    if requirement == {DIGIT}:
        return (0, 0, [])
    return (-min(map(len, requirement)), len(requirement), sorted(requirement))


def _product(firsts: frozenset[str], seconds: frozenset[str]) -> frozenset[str] | None:
    """Every string of `firsts` followed by one of `seconds`; None when too many."""
    if len(firsts) * len(seconds) > _MAX_EXACT:
        return None
    return frozenset(a + b for a in firsts for b in seconds)


def _sequence(items: list) -> _Analysis:
    """Concatenation: runs of exactly known text join into longer strings, and where a run meets
    a node known only by how its matches begin, the two join into a requirement."""
    state = _EMPTY
    found: list[Requirement] = []
    for item in items:
        node = _node(item)
        found.extend(node.found)
        both_known = state.exact is not None and node.exact is not None
        exact = _product(state.exact, node.exact) if both_known else None  # type: ignore[arg-type]
        if exact is not None:
            state = _known(exact)
            continue
        if node.optional:  # the text before it or the node's own ends a match so far
            found.append(state.suffix)
            prefix = state.exact if state.exact is not None else state.prefix
            state = _Analysis(None, prefix, state.suffix | node.suffix)
            continue
        prefix = _product(state.exact, node.prefix) if state.exact is not None else state.prefix
        if node.exact is not None:  # the run goes on, unless it grows too long to track
            suffix = _product(state.suffix, node.exact)
            if suffix is None:
                found.append(state.suffix)
                suffix = node.exact
        else:
            junction = _product(state.suffix, node.prefix)
            found.append(junction if junction is not None else state.suffix)
            suffix = node.suffix
        state = _Analysis(None, prefix if prefix is not None else state.exact or _NOTHING_KNOWN, suffix)
    if state.exact is None:
        found.append(state.suffix)
    return _Analysis(state.exact, state.prefix, state.suffix, found)


def _best(analysis: _Analysis) -> Requirement | None:
    options = [*analysis.found, *analysis.edges()]
    if analysis.exact is not None:
        options.append(analysis.exact)
    options = [o for o in map(_within_words, options) if _useful(o)]
    return min(options, key=_strength) if options else None


def _node(node: tuple) -> _Analysis:
    op, arg = node
    if op is C.LITERAL:
        return _known(frozenset({_shape(chr(arg).lower())}))
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY
    if op is C.IN:
        return _charset(arg)
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is C.BRANCH:
        return _branch([_sequence(list(branch)) for branch in arg[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = arg
        return _repeat(low, high, _sequence(list(sub)))
    return _UNKNOWN  # any character, a back reference, a conditional: nothing known


def _branch(branches: list[_Analysis]) -> _Analysis:
    """Alternatives: the union of what each can be, begin and end with; a requirement when
    every alternative has one."""
    exacts = [b.exact for b in branches]
    exact = frozenset().union(*exacts) if None not in exacts else None  # type: ignore[arg-type]
    if exact is not None and len(exact) <= _MAX_EXACT:
        return _known(exact)
    bests = [_best(b) for b in branches]
    found = [frozenset().union(*bests)] if None not in bests else []  # type: ignore[arg-type]
    edges = [b.edges() for b in branches]
    return _Analysis(None, frozenset().union(*(prefix for prefix, _ in edges)),
                     frozenset().union(*(suffix for _, suffix in edges)), found)


def _repeat(low: int, high: int, sub: _Analysis) -> _Analysis:
    if sub.exact is not None and high <= _MAX_REPEAT:
        exact: frozenset[str] | None = _NOTHING_KNOWN if low == 0 else frozenset()
        copies = _NOTHING_KNOWN
        for count in range(1, high + 1):
            copies = _product(copies, sub.exact)  # type: ignore[assignment]
            if copies is None:
                exact = None
                break
            if count >= low:
                exact = exact | copies  # type: ignore[operator]
        if exact is not None and len(exact) <= _MAX_EXACT:
            return _known(exact)
    prefix, suffix = sub.edges()
    if low == 0:
        return _Analysis(None, prefix, suffix, optional=True)
    best = _best(sub)
    return _Analysis(None, prefix, suffix, [best] if best is not None else [])


def _charset(items: list) -> _Analysis:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(_shape(chr(arg).lower()))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars.add(DIGIT)
        elif op is C.CATEGORY and arg is C.CATEGORY_SPACE:
            chars.add(SPACE)
        elif op is C.RANGE and arg[1] - arg[0] < 16:
            chars |= {_shape(chr(c).lower()) for c in range(arg[0], arg[1] + 1)}
        else:
            return _UNKNOWN
    return _known(frozenset(chars))


def _shape(char: str) -> str:
    """A character of a pattern as the requirements write it: DIGIT, SPACE or itself."""
    return SPACE if char.isspace() else _DIGIT_RE.sub(DIGIT, char)


class Gates:
    """Each rule's requirements as bits; a window's text as the bits it meets."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        needs = [requirements(p, word_edges=True) for p in patterns]
        bits = {need: 1 << i for i, need in enumerate(sorted({n for ns in needs for n in ns}, key=sorted))}
        self.rule_masks = tuple(sum(bits[n] for n in ns) for ns in needs)
        self._string_bits: dict[str, int] = {}
        for need, bit in bits.items():
            for string in need:
                self._string_bits[string] = self._string_bits.get(string, 0) | bit
        self._digit_bits = self._string_bits.pop(DIGIT, 0)
        self._longest = max(map(len, self._string_bits), default=0)
        self._token_bits: dict[str, int] = {}

    def window_masks(self, low: str | None, windows: list[tuple[int, int]]) -> list[int]:
        """The requirement bits each window of the text meets; `low` is the text as
        caseless.lowered gives it, and every bit (-1) is set where there is none (text that cannot
        be gated)."""
        if low is None:
            return [-1] * len(windows)
        masks = []
        known = self._token_bits
        if len(known) > 200_000:
            known.clear()
        for start, end in windows:
            mask = 0
            for token in low[start:end].split():
                bits = known.get(token)
                if bits is None:
                    bits = known[token] = self._bits(token)
                mask |= bits
            masks.append(mask)
        return masks

    def _bits(self, token: str) -> int:
        """The bits of every requirement string inside `token`, a word edged with SPACE."""
        token = f"{SPACE}{_DIGIT_RE.sub(DIGIT, token)}{SPACE}"
        bits = self._digit_bits if DIGIT in token else 0
        lookup = self._string_bits.get
        for start in range(len(token)):
            for end in range(start + 2, min(len(token), start + self._longest) + 1):
                bits |= lookup(token[start:end], 0)
        return bits
