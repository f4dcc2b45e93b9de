"""The cue lexicon (kb/quotes/cues.yaml) compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

_LEADING_WORD = re.compile(r"\w+")
_KEYS = ("verbs", "direct_only", "bare_clause", "listeners", "settings", "setting_nouns", "speaker_before",
         "quoted_as", "term_markers", "question_labels", "procedural_labels", "headline_speaker_words",
         "continuing_participles", "coordinating_auxiliaries", "directive_verbs", "stance_verbs",
         "light_verbs", "stance_objects", "stance_phrases", "group_speakers", "leader_roles")
_LATER_KEYS = ("setting_nouns", "headline_speaker_words",  # optional: added after the first release
               "continuing_participles", "coordinating_auxiliaries", "directive_verbs", "stance_verbs",
               "light_verbs", "stance_objects", "stance_phrases", "group_speakers", "leader_roles")
_STANCE = (r"\b(?:(?P<verb>{verbs})|(?P<light>{light}))\s+(?:(?:the|a|an|any|all|his|her|its|their|our|"
           r"[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?(?P<object>{objects})\b|\b(?P<phrase>{phrases})\b")
_OCCASION = (r"(?:at|in|on|during)\s+(?:a|an|the|his|her|its|their|this|[A-Z][\w.]*['’]s)\s+"
             r"(?:[\w-]+\s+){{0,3}}?(?:{nouns})")


@dataclass(frozen=True)
class Cues:
    verb: re.Pattern[str]          # any speech-verb form, as whole words
    clause_verb: re.Pattern[str]   # the forms that introduce indirect speech with "that"
    bare_clause_verb: re.Pattern[str]  # the forms that take a clause without "that"
    listener: re.Pattern[str]      # "reporters", "a briefing" right after the verb
    setting: re.Pattern[str]       # "in a statement", "at his weekly news conference"
    speaker_before: re.Pattern[str]  # "according to", at the end of a prefix
    quoted_as: re.Pattern[str]     # "quoted", "cited": the speaker is the object
    term_marker: re.Pattern[str]   # "so-called", "titled" right before a quoted span
    question_labels: frozenset[str]    # transcript turns that ask ("Q", "Question")
    procedural_labels: frozenset[str]  # transcript turns that run the event ("MODERATOR")
    headline_speaker: re.Pattern[str]  # "…: FM spokesperson": a speaker after a headline's colon
    # ", adding that …" right after a cue: the same speaker goes on (group "verb")
    continuation: re.Pattern[str] = re.compile("(?!)")
    # "and had stressed that": words between "and" and a verb that leave its subject unsaid
    coordinated_predicate: re.Pattern[str] = re.compile("(?!)")
    # "urged Moscow to …", "asked the city authorities not to …": a demand put to someone
    directive: re.Pattern[str] = re.compile("(?!)")
    directive_first_words: frozenset[str] | None = None  # as verb_first_words, for `directive` only
    # "rejects claims of …", "expressed confidence that …", "spoke highly of …": a stance taken
    # (groups verb / light + object, or phrase)
    stance: re.Pattern[str] = re.compile("(?!)")
    stance_first_words: frozenset[str] | None = None  # as verb_first_words, for `stance` only
    group_speaker: re.Pattern[str] = re.compile("(?!)")  # "the leaders", "both presidents": both sides
    leader_roles: tuple[str, ...] = ()  # the roles "leader" stands for (lower case)
    # the first word of every verb form and directive, lower-cased: a match of `verb`,
    # `clause_verb` or `directive` can only start at such a word (`stance`: stance_first_words;
    # None: some form does not open with a word character, so no word can be ruled out)
    verb_first_words: frozenset[str] | None = None


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first; none at all matches nothing. The words are
    grouped by their first character ("s(?:aid|ays)|t(?:old|ells)"), so that a match is tried
    only against the words that open with the character at hand: the same matches, many times
    faster with IGNORECASE. Words in different groups never match at the same place, so the
    order of the groups does not matter, unless one opens with a capital or a non-ASCII
    character (case folding may equate it with another group's): then they stay ungrouped."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not all(w[0].isascii() and not w[0].isupper() for w in ordered):
        return "|".join(_pattern_of(w) for w in ordered) or "(?!)"
    by_first: dict[str, list[str]] = {}  # in the order of `ordered` within each group
    for word in ordered:
        by_first.setdefault(word[0], []).append(_pattern_of(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()) or "(?!)"


def _pattern_of(words: str) -> str:
    """Words as a pattern: each space any run of whitespace."""
    return re.escape(words).replace(r"\ ", r"\s+")


def _check(data: object, where: str) -> dict[str, list[str]]:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping with keys {', '.join(_KEYS)}")
    missing = [k for k in _KEYS if k not in data and k not in _LATER_KEYS]
    if missing:
        raise ValueError(f"{where}: missing keys {', '.join(missing)}")
    data = {**{key: [] for key in _LATER_KEYS}, **data}  # a cue file written before these keys existed
    verbs = data["verbs"]
    if not isinstance(verbs, dict) or not all(
            isinstance(v, list) and all(isinstance(f, str) for f in v) for v in verbs.values()):
        raise ValueError(f"{where}: 'verbs' must map each lemma to a list of word forms")
    for key in _KEYS[1:]:
        if not isinstance(data[key], list) or not all(isinstance(w, str) for w in data[key]):
            raise ValueError(f"{where}: '{key}' must be a list of strings (quote words like 'on')")
    return data  # type: ignore[return-value]


def load_cues(path: Path | None = None) -> Cues:
    if path is None:
        source = resources.files("dyadwatch.kb").joinpath("quotes/cues.yaml")
        where = "kb/quotes/cues.yaml"
    else:
        source, where = path, str(path)
    data = _check(yaml.safe_load(source.read_text(encoding="utf-8")), where)
    forms = [f for v in data["verbs"].values() for f in v]
    direct_only = {w.lower() for w in data["direct_only"]}
    clause_forms = [f for f in forms if f.lower() not in direct_only]
    flags = re.IGNORECASE
    return Cues(
        verb=re.compile(rf"\b(?:{_alternation(forms)})\b", flags),
        clause_verb=re.compile(rf"\b(?:{_alternation(clause_forms)})\b", flags),
        bare_clause_verb=re.compile(rf"\b(?:{_alternation(data['bare_clause'])})\b", flags),
        listener=re.compile(rf"\s*(?:{_alternation(data['listeners'])})\b", flags),
        setting=re.compile(rf"\s*,?\s*(?:{_alternation(data['settings'])}|"
                           rf"{_OCCASION.format(nouns=_alternation(data['setting_nouns']))})\b", flags),
        speaker_before=re.compile(rf"\b(?:{_alternation(data['speaker_before'])})\s*$", flags),
        quoted_as=re.compile(rf"\b(?:{_alternation(data['quoted_as'])})\b", flags),
        term_marker=re.compile(rf"\b(?:{_alternation(data['term_markers'])})\s*$", flags),
        question_labels=frozenset(w.lower() for w in data["question_labels"]),
        procedural_labels=frozenset(w.lower() for w in data["procedural_labels"]),
        headline_speaker=re.compile(rf"\b(?:{_alternation(data['headline_speaker_words'])})", flags),
        verb_first_words=_first_words(forms + data["directive_verbs"]),
        stance_first_words=_first_words(data["stance_verbs"] + data["light_verbs"] + data["stance_phrases"]),
        group_speaker=re.compile(rf"(?:{_alternation(data['group_speakers'])})", flags),
        leader_roles=tuple(w.lower() for w in data["leader_roles"]),
        stance=re.compile(_STANCE.format(verbs=_alternation(data["stance_verbs"]),
                                         light=_alternation(data["light_verbs"]),
                                         objects=_alternation(data["stance_objects"]),
                                         phrases=_alternation(data["stance_phrases"])), flags),
        directive=re.compile(rf"\b(?:{_alternation(data['directive_verbs'])})\b", flags),
        directive_first_words=_first_words(data["directive_verbs"]),
        continuation=re.compile(rf"\s*,\s*(?P<verb>{_alternation(data['continuing_participles'])})\s+that\b",
                                flags),
        coordinated_predicate=re.compile(
            rf"\s*(?:(?:{_alternation(data['coordinating_auxiliaries'])})\s+)*", flags),
    )


def _first_words(forms: list[str]) -> frozenset[str] | None:
    forms = [f.strip() for f in forms if f.strip()]
    firsts = [_LEADING_WORD.match(f) for f in forms]
    if not all(firsts) or not all(f.isascii() for f in forms):
        return None  # a non-ASCII form may match words whose lower case differs (ſ, K)
    return frozenset(m.group(0).lower() for m in firsts)  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    return load_cues()
