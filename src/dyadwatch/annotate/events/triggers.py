"""Finding event triggers in a sentence, and telling an event noun from a verb: the lexicon's forms
outside names ("the UN Emergency Relief Coordinator") and headings, and the determiners,
adjectives and owners that make a verb form a noun ("an attack", "an informal meeting")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count

from ...model import Actor, Sentence
from ..actors.kb import token_texts
from ..trie import token_keys
from .lexicon import EventLexicon, Trigger


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    trigger: Trigger


# Characters whose lower case the tokenizer (actors.kb.TOKEN) reads differently: "İ" lower-cases to
# two characters, the Kelvin sign to an ASCII "k"; lower-casing changes no other character's length,
# class (word, space, digit, ASCII letter) or punctuation. TOKEN's possessive is a lower-case "'s",
# so an upper-case one ("CHINA'S") is three tokens as written and two once lowered.
TOKENS_CHANGE_WHEN_LOWERED = "\u0130\u212a"
_CHANGES_WHEN_LOWERED = re.compile(f"[{TOKENS_CHANGE_WHEN_LOWERED}]|['’]S\\b")


def _token_keys(text: str) -> tuple[list[str], list[int]]:
    """The trie keys of the tokens of text (trie.token_keys of actors.kb.token_texts) and their
    offsets as token_texts gives them: the tokens of the lower-cased text with straight apostrophes,
    where that text has the same tokens, else the tokens' keys one by one."""
    if _CHANGES_WHEN_LOWERED.search(text) is None:
        return token_texts(text.lower().replace("’", "'"), 0, len(text))
    words, offsets = token_texts(text, 0, len(text))
    return token_keys(words, text), offsets


def _triggers(text: str, sentence: Sentence, lexicon: EventLexicon) -> list[_Found]:
    keys, offsets = _token_keys(sentence.text)
    starts, ends = offsets[1::2], offsets[2::2]
    first = lexicon.trie
    found: list[_Found] = []
    free = 0  # the first token no earlier trigger covers
    passing = lexicon.passing
    optional = lexicon.optional_words
    last = len(keys) - 1
    for i in compress(count(), map(first.__contains__, keys)):  # only where a form can start
        if i < free:
            continue
        node = first[keys[i]]
        if None not in node and (i == last or (keys[i + 1] not in node and keys[i + 1] not in passing
                                                and not optional[keys[i + 1]])):
            continue  # "the", "a", "on": only the start of longer forms, and the next word goes on none
        match = lexicon.match_words(keys, keys, starts, ends, i)  # it reads only digits off the words
        if match:
            used, trigger = match
            if trigger is not None:  # None: a phrase that names no event ("power supply")
                found.append(_Found(starts[i] + sentence.start, ends[i + used - 1] + sentence.start, trigger))
            free = i + used
    return found


def _in_name(text: str, sentence: Sentence, found: _Found) -> bool:
    """A capitalised trigger inside the sentence is part of a name, not an act: "the UN Emergency
    Relief Coordinator", "the Rally for Democracy"."""
    if text[found.start].isalpha() and text[found.start].islower():  # its first word is in lower case
        return False
    if found.start == sentence.start or not text[sentence.start:found.start].strip(" \t\n\"'“‘`(["):
        return False
    words = _LETTERS.findall(text[found.start:found.end])
    return bool(words) and all(w[0].isupper() for w in words) and not text[found.start:found.end].isupper()


_LETTERS = re.compile(r"[^\W\d_]+")
HEADING_MAX_WORDS = 12
_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:a|an|the|this|these|that|those|its|their|his|her|our|any|another|of|in|for|during|after|"
    r"against|amid|following|by)\s+)$|['’]s\s+$")
# "an informal meeting", "private visits", "a massive attack": a verb form after an adjective is a noun
_ADJECTIVE_BEFORE = re.compile(r"\b[a-z]+(?:al|ive|ous|ic|ful|ary|ible|able|ate)\s+$")
_AGENT_OR_ISM = re.compile(r"(?i:^\w+(?:isms?|[st]ers|ators)$)")  # "criticism", "protesters", "demonstrators"


def _nominal(text: str, found: _Found, actors: list[Actor]) -> bool:
    """An event noun, or a verb form used as one: "an attack", "the bombing", "a US offer",
    "Iraq's proposal", "for collaborating"."""
    if found.trigger.pos != "verb" or _AGENT_OR_ISM.match(text[found.start:found.end]):
        return True
    start = found.start
    owner = next((a for a in actors if a.end <= start and not text[a.end:start].strip()), None)
    if owner is not None:  # "a US offer": the determiner sits before the actor
        start = owner.start
    return _NOUN_BEFORE.search(text, max(0, start - 12), start) is not None or \
        _ADJECTIVE_BEFORE.search(text, max(0, start - 24), start) is not None


_OCCASION_NOUNS = frozenset({"request", "invitation", "initiative", "suggestion", "behest", "urging"})
_INVITING_NOUNS = frozenset({"invitation", "initiative", "behest"})  # also after "on": "on the invitation of"
# "at Lavrov's request", "at the invitation of", "upon the request of": the occasion of another act
_OCCASION_BEFORE = re.compile(
    r"(?i:\b(at|upon|on)\s+(?:the\s+|(?:(?!(?:at|upon|on)\s)[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s+)?)$")


def _occasion(text: str, found: _Found) -> bool:
    """An event noun that only says on whose request or invitation another act took place; "vote
    on Poroshenko's request" is an act on the request itself."""
    noun = text[found.start:found.end].lower()
    if noun not in _OCCASION_NOUNS:
        return False
    before = _OCCASION_BEFORE.search(text, max(0, found.start - 48), found.start)
    return before is not None and (before.group(1).lower() != "on" or noun in _INVITING_NOUNS)


_DEFINITE_BEFORE = re.compile(r"(?i:\b(?:the|these|those|such)\s+(?:[a-z][\w-]*\s+){0,2})$")
# a verb form is a noun right after the determiner or after an adjective ("the relevant restrictions"),
# not after any word ("the government restricted")
_DEFINITE_BEFORE_A_VERB_FORM = re.compile(
    r"(?i:\b(?:the|these|those|such)\s+(?:(?:[a-z]+(?:al|ive|ous|ic|ful|ary|ible|able|ate|ant|ent)|new|"
    r"latest|recent|current|existing)\s+)?)$")
_NAMED_AFTER = re.compile(  # "the ban on", "the talks with", "the sanctions imposed by"
    r"(?i:\s*(?:,\s*)?(?:of|on|against|to|with|from|for|in|between|by|at|imposed|announced)\b)")


def _anaphoric(text: str, found: _Found) -> bool:
    """A definite event noun with nothing after it that says whose or on whom ("adjust the
    relevant restrictions", "affected by the ban") speaks of an act told before, not a new one;
    "the closure of the border" and "the talks with Japan" still name one."""
    if _NAMED_AFTER.match(text, found.end) is not None:  # anchored: the cheaper test first
        return False
    before = _DEFINITE_BEFORE if found.trigger.pos == "noun" else _DEFINITE_BEFORE_A_VERB_FORM
    return before.search(text, max(0, found.start - 40), found.start) is not None


_WITHOUT_BEFORE = re.compile(r"(?i:\bwithout\s+(?:(?:any|a|an|the|further|new)\s+)?)$")


def _ruled_out(text: str, found: _Found) -> bool:
    """An event noun (or a verb's noun form) after "without" names an act that did not happen:
    "may enter the country without restriction". A gerund ("acted without consulting China")
    stays an event, negated (`flags.cues`)."""
    return not text[found.start:found.end].endswith("ing") and \
        _WITHOUT_BEFORE.search(text, max(0, found.start - 24), found.start) is not None


def _is_heading(text: str) -> bool:
    """A heading or a caption, not a claim: short and without a closing stop."""
    return not text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")")) \
        and len(text.split()) <= HEADING_MAX_WORDS
