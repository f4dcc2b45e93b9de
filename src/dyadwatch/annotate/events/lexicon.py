"""The event-trigger lexicon (kb/events/triggers.yaml): verbs and event nouns with the PLOVER
category, CAMEO code, mode and Goldstein intensity they signal, and modality cue words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from .. import trie
from ..actors.kb import tokenize
from .lowered import first_character_scan

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITY_KEYS = ("negation", "future", "hypothetical", "question")


class LexiconError(ValueError):
    """The trigger lexicon is malformed; the message names the entry."""


@dataclass(frozen=True)
class Trigger:
    category: str
    cameo: str
    mode: str | None
    goldstein: float
    pos: str
    target_preps: tuple[str, ...]
    reciprocal: bool
    takes_object: bool

    @cached_property
    def quad(self) -> int:
        """CAMEO quad class from the code's root: 01–05 verbal cooperation, 06–08 material
        cooperation, 09–13 verbal conflict, 14–20 material conflict."""
        root = int(self.cameo[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


_NUMBER = re.compile(r"\d[\d,.]*")
MAX_SKIPPED = 2  # optional words a form may pass over: "upgraded their diplomatic ties"
NOT_AN_EVENT = "not an event"  # the value of a `not_events` phrase in the trie
OPTIONAL_MEMO = 50_000  # words whose optionality is remembered


class _OptionalWords(dict[str, bool]):
    """Whether each word is optional (one of the optional words or matching their pattern),
    remembered for up to OPTIONAL_MEMO words: "the" and "a" begin no form alone, so the word
    after them is asked about at every one."""

    def __init__(self, words: frozenset[str], pattern: re.Pattern[str] | None) -> None:
        super().__init__()
        self.words, self.pattern = words, pattern

    def __missing__(self, key: str) -> bool:
        optional = key in self.words or (self.pattern is not None and self.pattern.fullmatch(key) is not None)
        if len(self) < OPTIONAL_MEMO:
            self[key] = optional
        return optional


@dataclass(frozen=True)
class EventLexicon:
    trie: dict
    modality: dict[str, tuple[str, ...]]
    optional: frozenset[str] = frozenset()
    optional_pattern: re.Pattern[str] | None = None
    abstract_targets: re.Pattern[str] | None = None  # "fight against the virus": no one is attacked
    approximators: frozenset[str] = frozenset()  # "up to", "about" before a number: passed over freely
    recipient_verbs: frozenset[str] = frozenset()  # "provided Russia a batch of supplies"
    noun_modifiers: frozenset[str] = frozenset()  # "give China firm support": not a Chinese firm
    content_nouns: frozenset[str] = frozenset()  # "sent Xi a message that offered aid"
    intent_nouns: frozenset[str] = frozenset()  # "notified China of its decision to restrict entry"

    @cached_property
    def own_intent(self) -> re.Pattern[str] | None:
        """"… of its decision to temporarily restrict": a decision the clause subject announces,
        ending where its infinitive starts."""
        if not self.intent_nouns:
            return None
        nouns = "|".join(re.escape(n) for n in sorted(self.intent_nouns, key=len, reverse=True))
        return re.compile(rf"(?i:\b(?:of|about|on)\s+(?:its|their|his|her)\s+(?:own\s+)?(?:{nouns})\s+to\s+"
                          rf"(?:[a-z]+ly\s+)?)$")

    @cached_property
    def content_relative(self) -> re.Pattern[str] | None:
        """A message noun before a relative clause or a participle, ending where its verb starts:
        "a message of sympathy that offered …", "a letter which also proposed …", "a message
        offering …"."""
        if not self.content_nouns:
            return None
        nouns = "|".join(re.escape(n) for n in sorted(self.content_nouns, key=len, reverse=True))
        return re.compile(rf"(?i:\b(?:{nouns})(?:\s+of\s+[\w'’-]+)?\s+(?:(?:that|which)\s+(?:also\s+)?)?)$")

    @cached_property
    def passing(self) -> frozenset[str]:
        """Words a form may pass over without a trie step besides its optional words: the words of
        an approximate number and the separators inside a number."""
        return self.approximators | {",", "."}

    @cached_property
    def cue_patterns(self) -> dict[str, re.Pattern[str]]:
        """Each modality's cues as one pattern (_cue_pattern), by modality: "negation", "future" …"""
        return {key: _cue_pattern(cues) for key, cues in self.modality.items()}

    @cached_property
    def optional_words(self) -> _OptionalWords:
        """Whether a word is optional, by word (a lookup in C once the word has been seen)."""
        return _OptionalWords(self.optional, self.optional_pattern)

    def _approximates(self, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], j: int,
                      key: str) -> bool:
        """A word of an approximate number ("up to 4,000", "about 500") or the separator inside a
        number ("4,000"): it passes over without counting; the number counts once."""
        if key in (",", "."):
            return 0 < j < len(words) - 1 and words[j - 1].isdigit() and words[j + 1].isdigit() \
                and ends[j - 1] == starts[j] and ends[j] == starts[j + 1]
        if key not in self.approximators:
            return False
        return any(_NUMBER.fullmatch(words[k]) for k in range(j + 1, min(j + 3, len(words))))

    def match_at(self, tokens: list[tuple[str, int, int]], i: int) -> tuple[int, Trigger | None] | None:
        """The longest trigger starting at token i; a form listed twice keeps its first sense. After
        its first word a form may pass over up to two optional words ("called off a four-day
        strike" is "call off a strike"). A `not_events` phrase ("weapons of mass destruction")
        comes back with no trigger: its words name no event."""
        if i >= len(tokens) or trie.token_key(tokens[i][0]) not in self.trie:
            return None
        words = [token for token, _, _ in tokens]
        return self.match_words(words, [trie.token_key(w) for w in words], [s for _, s, _ in tokens],
                                [e for _, _, e in tokens], i)

    def match_words(self, words: Sequence[str], keys: Sequence[str], starts: Sequence[int],
                    ends: Sequence[int], i: int) -> tuple[int, Trigger | None] | None:
        """match_at over the tokens in flat lists: their texts, trie keys (trie.token_key of each
        text), starts and ends."""
        first = self.trie.get(keys[i]) if i < len(keys) else None
        if first is None:
            return None
        best: tuple[int, int, list] | None = (1, 0, first[None]) if None in first else None
        stack = [(first, i + 1, 0)]
        while stack:
            node, j, skipped = stack.pop()
            if j >= len(keys):
                continue
            key = keys[j]
            nxt = node.get(key)
            if nxt is not None:
                if None in nxt and (best is None or (j + 1 - i, -skipped) > (best[0], -best[1])):
                    best = (j + 1 - i, skipped, nxt[None])  # the longest, then the most literal
                stack.append((nxt, j + 1, skipped))
            if skipped < MAX_SKIPPED and self.optional_words[key]:
                stack.append((node, j + 1, skipped + 1))
            elif (key in self.approximators or key in (",", ".")) and \
                    self._approximates(words, starts, ends, j, key):
                stack.append((node, j + 1, skipped))
        if best is None:
            return None
        value = best[2][0]
        return best[0], (None if value == NOT_AN_EVENT else value)


def _entry(raw: Any, index: int) -> tuple[Trigger, list[str]]:
    where = f"triggers.yaml: trigger {index + 1}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping")
    if raw.get("category") not in CATEGORIES:
        raise LexiconError(f"{where}: category {raw.get('category')!r} is not a PLOVER category")
    cameo = str(raw.get("cameo", ""))
    if not re.fullmatch(r"\d{2,4}", cameo):
        raise LexiconError(f"{where}: cameo {cameo!r} is not a CAMEO code")
    goldstein = float(raw.get("goldstein", 0.0))
    if not -10 <= goldstein <= 10:
        raise LexiconError(f"{where}: goldstein {goldstein} is outside -10 … 10")
    forms = [str(f) for f in raw.get("forms") or []]
    if not forms:
        raise LexiconError(f"{where}: no forms")
    preps = raw.get("target_preps") or []
    if not all(isinstance(p, str) for p in preps):
        raise LexiconError(f"{where}: target_preps {preps!r} must be words; quote YAML keywords "
                           "such as \"on\" and \"off\"")
    trigger = Trigger(raw["category"], cameo, raw.get("mode"), goldstein, raw.get("pos", "verb"),
                      tuple(preps), bool(raw.get("reciprocal", False)),
                      bool(raw.get("object", True)))
    return trigger, forms


def load_lexicon(data: Any) -> EventLexicon:
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise LexiconError("triggers.yaml: expected a mapping with a list under 'triggers'")
    phrases: dict = {}
    for index, raw in enumerate(data["triggers"]):
        trigger, forms = _entry(raw, index)
        for form in forms:
            trie.insert(phrases, [token for token, _, _ in tokenize(form)], trigger)
    for phrase in data.get("not_events") or []:
        trie.insert(phrases, [token for token, _, _ in tokenize(str(phrase))], NOT_AN_EVENT)
    modality = {key: tuple(str(w).lower() for w in (data.get("modality") or {}).get(key) or ())
                for key in MODALITY_KEYS}
    optional = data.get("optional_words") or {}
    if not isinstance(optional, dict):
        raise LexiconError("triggers.yaml: optional_words must map 'words' and 'patterns' to lists")
    patterns = [str(p) for p in optional.get("patterns") or []]
    try:
        pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    except re.error as exc:
        raise LexiconError(f"triggers.yaml: optional_words: bad pattern: {exc}") from exc
    abstract = [str(w) for w in data.get("abstract_targets") or []]
    abstract_pattern = re.compile(
        r"\s+(?:(?:against|on|off|with)\s+)?(?:[a-z][\w'’-]*\s+){0,5}?(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(abstract, key=len, reverse=True))
        + r")\b") if abstract else None
    roles = data.get("roles") or {}
    if not isinstance(roles, dict):
        raise LexiconError("triggers.yaml: roles must map recipient_verbs, noun_modifiers, "
                           "content_nouns and intent_nouns to lists of words")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in roles.get(key) or [])

    return EventLexicon(phrases, modality, frozenset(str(w).lower() for w in optional.get("words") or []),
                        pattern, abstract_pattern,
                        frozenset(str(w).lower() for w in optional.get("approximators") or []),
                        words("recipient_verbs"), words("noun_modifiers"), words("content_nouns"),
                        words("intent_nouns"))


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    text = resources.files("dyadwatch.kb").joinpath("events", "triggers.yaml").read_text("utf-8")
    return load_lexicon(yaml.safe_load(text))


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a modality's cues, as whole words ("not" is not in "notably"; "n't" may end a
    word: "didn't"). The whole-word cues share one boundary check around their alternation: the same
    matches as a check on each cue, ten times faster (a look-behind on every alternative keeps the
    engine from skipping ahead)."""
    words = [re.escape(cue) for cue in cues if not cue.startswith("n'")]
    alternatives = [rf"(?<![\w'])(?:{'|'.join(words)})(?!\w)"] if words else []
    alternatives += [re.escape(cue) for cue in cues if cue.startswith("n'")]
    return first_character_scan("|".join(alternatives)) if alternatives else re.compile(r"(?!)")
