"""The time-word lexicon (kb/time_words.yaml), loaded once and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_REFERENCE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF", None}


@dataclass(frozen=True)
class Unit:
    letter: str
    time: bool = False
    factor: int = 1


@dataclass(frozen=True)
class TimeWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    numbers: dict[str, int | str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    position_mods: dict[str, str]
    quantity_mods: dict[str, str]
    references: dict[str, str | None]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    named_day_words: tuple[str, ...]
    unit_qualifiers: tuple[str, ...]

    def unit(self, word: str) -> Unit:
        word = word.lower()
        if word.startswith("centur"):
            return self.units["century"]
        return self.units[word] if word in self.units else self.units[word.rstrip("s")]

    def count(self, word: str) -> int | str | float | None:
        """A count written in digits or words: "3", "three", "a few" (X), "two and a half"."""
        word = " ".join(word.lower().replace("-", " ").split())
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            return float(word) if "." in word else int(word)
        if word.endswith(" and a half"):
            base = self.count(word.removesuffix(" and a half"))
            return base + 0.5 if isinstance(base, int) else None
        if word in self.numbers:
            return self.numbers[word]
        parts = word.split()
        if len(parts) == 2 and all(p in self.numbers for p in parts):  # "twenty five"
            first, second = self.numbers[parts[0]], self.numbers[parts[1]]
            if isinstance(first, int) and isinstance(second, int) and first >= 20 and second < 10:
                return first + second
        return None


def alternation(words, case_insensitive: bool = True, folded: bool = False) -> str:
    """A regex alternation of words, spaces matching any whitespace, that prefers the longest word
    that fits (as "longest first" would). It is built as a trie ("day", "days", "daytime" become
    day(?:s|time)?) so the regex engine tries one branch per letter instead of every word.

    `folded`: case-insensitive like `case_insensitive`, but each letter written as the class of
    the characters IGNORECASE takes for it ("[Dd]"), which matches the same text and lets the
    engine skip a branch on its first character (it does not for IGNORECASE letters)."""
    trie: dict = {}
    lower = case_insensitive or folded
    for word in words:
        node = trie
        for char in (word.lower() if lower else word):
            unit = r"\s+" if char == " " else _folded(char) if folded else re.escape(char)
            node = node.setdefault(unit, {})
        node[""] = {}  # a word ends here
    body = _trie_regex(trie)
    return f"(?i:{body})" if case_insensitive and not folded else f"(?:{body})"


# The characters other than its two cases that IGNORECASE takes for an ASCII letter (a test checks
# this against every code point): "İ" and "ı" for i, "ſ" for s, the Kelvin sign for k.
FOLDS_BEYOND_ASCII = "\u0130\u0131\u017f\u212a"


def _folded(char: str) -> str:
    if not (char.isascii() and char.isalpha()):
        return re.escape(char)
    folds = sorted({c for c in (char.lower(), char.upper(), *FOLDS_BEYOND_ASCII)
                    if re.fullmatch(f"(?i:{char})", c)})
    return f"[{''.join(folds)}]"


def _trie_regex(node: dict) -> str:
    branches = [unit + _trie_regex(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
    return body + "?" if "" in node else body


@lru_cache(maxsize=1)
def time_words() -> TimeWords:
    data = yaml.safe_load(resources.files("dyadwatch.kb").joinpath("time_words.yaml").read_text("utf-8"))
    references = {k.lower(): v for k, v in data["references"].items()}
    bad = {k: v for k, v in references.items() if v not in _REFERENCE_VALUES}
    if bad:
        raise ValueError(f"time_words.yaml: references with unknown values: {bad}")
    return TimeWords(
        months=dict(data["months"]),
        weekdays=dict(data["weekdays"]),
        seasons={k.lower(): v for k, v in data["seasons"].items()},
        day_parts={k.lower(): v for k, v in data["day_parts"].items()},
        numbers={str(k).lower(): v for k, v in data["numbers"].items()},
        ordinals={k.lower(): v for k, v in data["ordinals"].items()},
        units={k: Unit(**v) for k, v in data["units"].items()},
        position_mods={k.lower(): v for k, v in data["position_mods"].items()},
        quantity_mods={k.lower(): v for k, v in data["quantity_mods"].items()},
        references=references,
        sets={k.lower(): v for k, v in data["sets"].items()},
        holidays={k: (v[0], v[1]) for k, v in data["holidays"].items()},
        named_day_words=tuple(data["named_day_words"]),
        unit_qualifiers=tuple(data["unit_qualifiers"]),
    )
