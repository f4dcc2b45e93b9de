"""Where a rule's matches can start, read from its regular expression, so that a window is searched
quickly and the matches found do not change.

The regex engine searches a pattern that begins with a character class quickly: it skips the
characters outside the class without trying a match. A rule that begins with `\\b` or a look-behind
is searched slowly, with a match tried at every character. `finder` gives each rule a pattern that
begins with a class: the characters its matches can begin with, when they are rare (digits,
capitals), then the rule itself read from there; or, for a rule that begins with `\\b` and whose
matches all begin with a word character, the non-word character before the match. `Finder.finditer`
reads each match found with the rule's own pattern, so the matches are the rule's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C  # the parsed-pattern vocabulary of the re module
from re import _parser

from .caseless import lowered_twin

_Atom = tuple[str, bool, bool]  # a character-class item (as regex source), case-insensitive, a word character
_CATEGORIES = {
    C.CATEGORY_DIGIT: (r"\d", True),
    C.CATEGORY_WORD: (r"\w", True),
    C.CATEGORY_SPACE: (r"\s", False),
    C.CATEGORY_NOT_DIGIT: (r"\D", False),
    C.CATEGORY_NOT_WORD: (r"\W", False),
    C.CATEGORY_NOT_SPACE: (r"\S", False),
}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches in a str pattern


def _char(code: int) -> tuple[str, bool]:
    char = chr(code)
    return re.escape(char) if not char.isalnum() else char, _is_word(char)


def _sequence(items: list, flags: int) -> tuple[set[_Atom] | None, bool]:
    """The first characters of a sequence (None: unknown) and whether it can match nothing."""
    atoms: set[_Atom] = set()
    for item in items:
        first, nullable = _node(item, flags)
        if first is None:
            return None, False
        atoms |= first
        if not nullable:
            return atoms, False
    return atoms, True


def _node(node: tuple, flags: int) -> tuple[set[_Atom] | None, bool]:
    op, arg = node
    folded = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        source, word = _char(arg)
        return {(source, folded, word)}, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is C.IN:
        atoms: set[_Atom] = set()
        for item_op, item in arg:
            if item_op is C.LITERAL:
                source, word = _char(item)
            elif item_op is C.RANGE and item[1] - item[0] < 256:
                source = f"{_char(item[0])[0]}-{_char(item[1])[0]}"
                word = all(_is_word(chr(c)) for c in range(item[0], item[1] + 1))
            elif item_op is C.CATEGORY and item in _CATEGORIES:
                source, word = _CATEGORIES[item]
            else:  # a negated class, a wide range
                return None, False
            atoms.add((source, folded, word))
        return atoms, False
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = arg
        return _sequence(list(pattern), (flags | add_flags) & ~del_flags)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg), flags)
    if op is C.BRANCH:
        atoms = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _sequence(list(branch), flags)
            if first is None:
                return None, False
            atoms |= first
            nullable = nullable or empty
        return atoms, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = arg
        if high == 0:
            return set(), True
        first, empty = _sequence(list(sub), flags)
        return first, (first is not None and (empty or low == 0))
    return None, False  # any character, a back reference, a conditional: not known


def first_characters(pattern: re.Pattern[str], parsed: _parser.SubPattern | None = None) -> set[_Atom] | None:
    """The characters any match of `pattern` begins with, as character-class items; None when
    they cannot be read or a match can be empty. `parsed`: the pattern as re parses it, if at hand."""
    try:
        if parsed is None:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
        atoms, nullable = _sequence(list(parsed), parsed.state.flags)
    except Exception:  # re's parse trees are internal: what this reader cannot follow is not used
        return None
    return None if atoms is None or nullable or not atoms else atoms


def _class(atoms: set[_Atom]) -> str:
    """A regex matching one character of `atoms`."""
    exact = "".join(sorted(source for source, folded, _ in atoms if not folded))
    folded = "".join(sorted(source for source, is_folded, _ in atoms if is_folded))
    classes = [f"[{exact}]"] if exact else []
    if folded:
        classes.append(f"(?i:[{folded}])")
    return classes[0] if len(classes) == 1 else f"(?:{'|'.join(classes)})"


def _letters(atoms: set[_Atom]) -> int:
    """How many lower-case letters a character of `atoms` can be: a rough measure of how often
    text holds one."""
    letters = set()
    for source, folded, _ in atoms:
        if len(source) == 1 and source.isalpha() and (folded or source.islower()):
            letters.add(source.lower())
        elif len(source) > 1 and source[0].isalpha():  # a range such as a-z
            return 26
    return len(letters)


FEW_LETTERS = 2  # first characters that are at most this many lower-case letters (or none) are rare


def finder(pattern: re.Pattern[str], parsed: _parser.SubPattern | None = None) -> re.Pattern[str] | None:
    """A pattern that finds where `pattern` matches, quickly, with a one-character match; its
    start is where the match of `pattern` starts, or one character before (`Finder.before`).
    None when the first characters of `pattern` cannot be read.

    - Where the first characters are rare (digits, capitals, one or two letters): the first
      character, then (looking back over it) the whole pattern matching from there.
    - Where `pattern` begins with \b and every match with a word character: the non-word
      character before the match, then the first character and the pattern."""
    if pattern.flags & re.ASCII:  # \w and \W would be ASCII: not handled
        return None
    try:
        if parsed is None:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
        atoms = first_characters(pattern, parsed)
        if atoms is None:
            return None
        if _letters(atoms) > FEW_LETTERS and _begins_with_boundary(list(parsed)) \
                and all(word for _source, _folded, word in atoms):
            return re.compile(rf"\W(?={_class(atoms)})(?:{pattern.pattern})", pattern.flags)
        return re.compile(rf"{_class(atoms)}(?<=(?={pattern.pattern})[\s\S])", pattern.flags)
    except Exception:  # re's parse trees are internal; global flags inside the pattern
        return None


def _begins_with_boundary(items: list) -> bool:
    """The pattern's first item is \\b, or the first item of the group it begins with (a group
    that turns on ASCII matching would change what \\b means)."""
    while items and items[0][0] is C.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = items[0][1]
        if add_flags & (re.ASCII | re.LOCALE):
            return False
        items = list(pattern)
    return bool(items) and items[0] == (C.AT, C.AT_BOUNDARY)


def _parsed(pattern: re.Pattern[str]) -> _parser.SubPattern | None:
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # what re cannot parse the readers above do not read either
        return None


class Finder:
    """A rule's pattern with a faster way to find its matches in a span of text."""

    __slots__ = ("before", "fast", "pattern", "twin")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        parsed = _parsed(pattern)  # read once by both
        self.fast = finder(pattern, parsed)
        self.before = self.fast is not None and self.fast.pattern.startswith("\\W")
        twin = lowered_twin(pattern, parsed)
        self.twin = Finder(twin) if twin is not None else None

    def finditer(self, text: str, start: int, end: int, low: str | None = None) -> Iterator[re.Match[str]]:
        """What pattern.finditer(text, start, end) gives. `low`: text as caseless.lowered gives it,
        searched instead of text by a rule with a case-sensitive twin."""
        if low is not None and self.twin is not None:
            yield from self._found_in_lowered(text, low, start, end)
            return
        if self.fast is None:
            yield from self.pattern.finditer(text, start, end)
            return
        match_at, search = self.pattern.match, self.fast.search
        position = start
        if self.before:
            if start == 0:  # a match at the start of the text has no character before it
                match = match_at(text, 0, end)
                if match is not None:
                    yield match
                    position = match.end()
            position = max(position - 1, 0)
        skip = 1 if self.before else 0
        while True:
            found = search(text, position, end)
            if found is None:
                return
            match = match_at(text, found.start() + skip, end)
            if match is None:  # cannot happen: found holds the same match
                raise AssertionError(f"{self.pattern.pattern!r} at {found.start() + skip}")
            yield match
            position = match.end() - skip

    def _found_in_lowered(self, text: str, low: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Each match the twin finds in `lowered`, read with the rule itself from the same place
        in the text (for the groups in their own case)."""
        match_at = self.pattern.match
        for found in self.twin.finditer(low, start, end):  # type: ignore[union-attr]
            match = match_at(text, found.start(), end)
            if match is None or match.end() != found.end():  # cannot happen: the two read alike
                raise AssertionError(f"{self.pattern.pattern!r} at {found.start()}")
            yield match
