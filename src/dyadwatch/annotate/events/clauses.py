"""Which triggers name the sentence's happenings: triggers in subordinate and relative clauses,
infinitives of purpose, participles and gerunds are background; the act a speech act names is
not coded; an event noun after the main verb is its circumstance; one act is one event."""

from __future__ import annotations

import re

from ...model import Actor, EventMention, Sentence
from .lowered import Folded, case_sensitive
from .roles import _dependent_verb
from .speech import SPEECH_ACT_QUADS
from .triggers import _Found

_SUBORDINATING = (
    r"(?:\b(?:after|following|since|when|whenever|because|amid|before|until|while|whose|which|who|"
    r"whom|where|although|though|unless|if|so\s+that|in\s+the\s+wake\s+of)\b|,\s*(?:that|as)\b|"
    r"\bthat\s+(?:was|were|is|are|ha[sd]\s+been)\s)")
_SUBORDINATOR = re.compile(f"(?i:{_SUBORDINATING})")
_SUBORDINATOR_LOWERED = case_sensitive(_SUBORDINATING)
_COMPLEMENT_GAP = re.compile(r"(?i:^(?:(?!\bbut\b|;|,\s+and\b).)*?\b(?:to|that|of)\b)", re.S)
_CLAUSE_JOIN = re.compile(r"(?i:\bbut\b|;|,\s+(?:and|while|whereas)\b)")


def _without_complements(text: str, events: list[EventMention]) -> list[EventMention]:
    """"agreed to undertake exercises", "threatened to storm", "demanded that the US cancel …":
    the speech act is the event; the act it names (a complement) did not happen."""
    kept: list[EventMention] = []
    for event in sorted(events, key=lambda e: e.trigger_start):
        governing = next((k for k in reversed(kept) if k.quad in SPEECH_ACT_QUADS and
                          _COMPLEMENT_GAP.match(text[k.trigger_end:event.trigger_start])
                          and not _CLAUSE_JOIN.search(text, k.trigger_end, event.trigger_start)), None)
        if governing is None:
            kept.append(event)
    return kept


def _after_main_verb(events: list[EventMention], nominal: set[int]) -> list[EventMention]:
    """An event noun after the clause's verb event names its circumstance or its object ("killed
    four soldiers in an attack", "rejected a proposal for talks"), not a second happening."""
    verbs = [e.trigger_end for e in events if e.trigger_start not in nominal]
    if not verbs:
        return events
    first = min(verbs)
    return [e for e in events if e.trigger_start not in nominal or e.trigger_start < first]


def _without_repeats(events: list[EventMention]) -> list[EventMention]:
    """"staged a general strike … in protest of the arrests": the same act by the same source named
    twice in a sentence, once with its target and once without, is one event."""
    def parties(e: EventMention) -> tuple:
        return tuple(sorted(a.code for a in e.source)), e.plover
    with_target = {parties(e) for e in events if e.target}
    return [e for e in events if e.target or parties(e) not in with_target]


_INFINITIVE_BEFORE = Folded(r"\b(?:in\s+order\s+)?to\s+(?:help\s+)?$")
_PARTICLES = frozenset({"over", "out", "off", "up", "down", "back", "in", "away"})
_REDUCED_RELATIVE_BEFORE = Folded(
    r"\b(?:in|to|for|with|from|on|at|into|against|about|over|under)\s+"
    r"(?:[\w'’.-]+\s+){0,5}?(?!(?:has|have|had|was|were|is|are|be|been|being|it|they|he|she|we|who|"
    r"which|that|and|or|also|then|not|never)\s)[\w'’.-]+\s+$")
_REDUCED_RELATIVE_AFTER = re.compile(
    r"(?i:\s+(?:by\s+(?!\w+ing\b)|out\b|over\b|to\b|from\b|last\b|earlier\b|in\b|into\b|during\b|"
    r"under\b|\d))")


def _reduced_relative(text: str, found: _Found, start: int, low: tuple[str, int] | None) -> bool:
    """A past participle that modifies a noun inside a prepositional phrase, with no auxiliary:
    "in a letter handed over to the UN", "to refugees ordered out of the country": a passive
    relative clause, background to the main event."""
    words = text[found.start:found.end].lower().split()
    if found.trigger.pos != "verb" or not words[0].endswith("ed") or \
            any(w not in _PARTICLES for w in words[1:]):
        return False  # "blocked roads" has its object: a main verb
    return _REDUCED_RELATIVE_BEFORE.search(text, low, max(start, found.start - 80), found.start) is not None \
        and _REDUCED_RELATIVE_AFTER.match(text, found.end) is not None


_GERUND_AFTER_PREPOSITION = Folded(  # not "by supporting", "for barring": means and reasons happened
    r"\b(?:in|of|about|without|against)\s+$")


def _subordinate(text: str, sentence: Sentence, found: _Found, frames: list[tuple[int, int, Actor]],
                 low: tuple[str, int] | None) -> bool:
    """A trigger inside a subordinate or relative clause ("… after a coup toppled the government",
    "… the curfew, which was imposed …", "… equipment seized from …"): background to the
    sentence's main event. `low` is the sentence `lowered`."""
    start = max([sentence.start, *(end for _, end, _ in frames if end <= found.start)]) if frames \
        else sentence.start
    if _reduced_relative(text, found, start, low):
        return True
    if _INFINITIVE_BEFORE.search(text, low, max(start, found.start - 20), found.start) is not None:
        return True  # "… delivered supplies to help fight the epidemic"
    if _dependent_verb(text, found, start, low) == "participle":
        return True  # "… shelled the town, killing 20 people"
    if _GERUND_AFTER_PREPOSITION.search(text, low, max(start, found.start - 12), found.start) is not None \
            and text[found.start:found.end].split()[0].lower().endswith("ing"):
        return True  # "late in warning the world", "thanked Russia for protecting …"
    if low is None:
        return _SUBORDINATOR.search(text, start, found.start) is not None
    return _SUBORDINATOR_LOWERED.search(low[0], start - low[1], found.start - low[1]) is not None
