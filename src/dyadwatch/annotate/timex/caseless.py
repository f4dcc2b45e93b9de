"""Rules that match every letter case-insensitively, searched in lower-cased text by a case-sensitive
twin: the regex engine skips an alternative on its first letter when that is a plain literal, while
with IGNORECASE it tries every alternative.

Lower-casing keeps every offset, whether each character is a digit, a word character or whitespace,
and what a case-insensitive pattern matches, in text free of casefold.UNFOLDED (`lowered` refuses
other text). A rule whose letters are all ASCII, written in lower case and matched case-insensitively
matches there, without IGNORECASE, exactly where it matches in the text itself."""

from __future__ import annotations

import re
from re import _constants as C  # the parsed-pattern vocabulary of the re module
from re import _parser

from ..casefold import UNFOLDED

_MAX_RANGE = 256  # a wider class range is not read letter by letter: no twin


def lowered(text: str) -> str | None:
    """text lower-cased where searching that stands for searching text case-insensitively."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in UNFOLDED):
        return None
    return low


def lowered_twin(
    pattern: re.Pattern[str], parsed: _parser.SubPattern | None = None
) -> re.Pattern[str] | None:
    """`pattern` without IGNORECASE, to search lower-cased text with: the same pattern with "(?i:"
    written "(?:", accepted only when re parses it as the same pattern but for case, and when every
    letter of `pattern` is matched case-insensitively, ASCII and in lower case. None otherwise.
    `parsed`: the pattern as re parses it, if at hand."""
    if "(?i:" not in pattern.pattern and not pattern.flags & re.IGNORECASE:
        return None
    try:
        if parsed is None:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
        if not _caseless(list(parsed), parsed.state.flags):
            return None
        twin = re.compile(pattern.pattern.replace("(?i:", "(?:"), pattern.flags & ~re.IGNORECASE)
        if _case_blind(parsed) != _case_blind(_parser.parse(twin.pattern, twin.flags)):
            return None
    except Exception:  # re's parse trees are internal: what this reader cannot follow gets no twin
        return None
    return twin


def _caseless(items: list, flags: int) -> bool:
    """Every letter the parsed items match is matched case-insensitively, ASCII and lower case;
    nothing else (a back reference, a conditional) whose case this reader does not follow."""
    for op, arg in items:
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            if not _caseless(list(sub), (flags | add_flags) & ~del_flags):
                return False
        elif op in (C.LITERAL, C.NOT_LITERAL):
            if not _caseless_char(arg, flags):
                return False
        elif op is C.IN:
            if not all(_caseless_item(item_op, item, flags) for item_op, item in arg):
                return False
        elif op is C.BRANCH:
            if not all(_caseless(list(branch), flags) for branch in arg[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _caseless(list(arg[2]), flags):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _caseless(list(arg[1]), flags):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _caseless(list(arg), flags):
                return False
        elif op not in (C.AT, C.ANY):
            return False
    return True


def _caseless_item(op: object, arg: object, flags: int) -> bool:
    if op in (C.LITERAL, C.NOT_LITERAL):
        return _caseless_char(arg, flags)  # type: ignore[arg-type]
    if op is C.RANGE:
        low, high = arg  # type: ignore[misc]
        return high - low < _MAX_RANGE and all(_caseless_char(code, flags) for code in range(low, high + 1))
    return op in (C.CATEGORY, C.NEGATE)


def _caseless_char(code: int, flags: int) -> bool:
    char = chr(code)
    if char.lower() == char.upper():  # no case
        return True
    return bool(flags & re.IGNORECASE) and char.isascii() and char.islower()


def _case_blind(items: object) -> tuple:
    """Parsed items as nested tuples, without IGNORECASE, and with the groups that are left with
    no flags and no number spliced into their sequence (as re's parser does with "(?:...)")."""
    blind: list = []
    for op, arg in items:  # type: ignore[attr-defined]
        if op is C.SUBPATTERN:
            group, add_flags, del_flags, sub = arg
            add_flags, del_flags = add_flags & ~re.IGNORECASE, del_flags & ~re.IGNORECASE
            if group is None and not add_flags and not del_flags:
                blind.extend(_case_blind(sub))
                continue
            arg = (group, add_flags, del_flags, _case_blind(sub))
        else:
            arg = _nested(arg)
        blind.append((op, arg))
    return tuple(blind)


def _nested(value: object) -> object:
    if isinstance(value, _parser.SubPattern):
        return _case_blind(value)
    if isinstance(value, (list, tuple)):
        return tuple(_nested(v) for v in value)
    return value
