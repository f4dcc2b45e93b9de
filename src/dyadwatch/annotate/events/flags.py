"""Negation, future and hypothetical cues before a trigger, and the categories they recode: a
negated agreement is a rejection, announced force a threat, promised cooperation AGREE."""

from __future__ import annotations

import re

from ...model import Sentence
from .lexicon import EventLexicon
from .triggers import _Found

COOPERATIVE_QUADS = (1, 2)
AGREE_INTENT_CAMEO = "030"
REJECT_CAMEO, REJECT_GOLDSTEIN = "120", -4.0
COMPLAINT_CAMEO, COMPLAINT_GOLDSTEIN = "114", -2.0  # complain officially
THREATEN_CAMEO, THREATEN_GOLDSTEIN = "130", -4.4  # announced force, sanctions or protest is a threat
_UNLESS = re.compile(r"(?i:\bunless\b)")
MOBILIZE_CAMEO, MOBILIZE_GOLDSTEIN = "150", -7.2
_PREPARING = re.compile(  # "prepared to attack", not the willingness of "is prepared to attack"
    r"(?i:(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"\bprepar(?:ed|es|ing)\s+to\s+(?:[\w-]+\s+){0,2})$")
NEGATION_WINDOW, MODALITY_WINDOW = 3, 6  # tokens before the trigger
# "the measures do not amount to a complete ban", "does not mean a total halt": what is named is
# denied; "acted without consulting China": what is named did not happen
_DENIED_AS = re.compile(
    r"(?i:\b(?:not|n't|never)\s+(?:amount(?:s|ed)?\s+to|mean|means|meant|constitute|constitutes|represent|"
    r"represents|equal|equals)\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}|\bwithout\s+)$")
_DENIAL_WORDS = ("not", "n't", "never", "without")  # what every match of _DENIED_AS holds
NOUN_MODALITY_WINDOW = 12  # an event noun's modal sits before its verb: "will provide … food aid"


def cues(text: str, sentence: Sentence, found: _Found, clause_start: int,
         lexicon: EventLexicon) -> tuple[bool, str | None]:
    """Whether the trigger is negated, and its modality: a question, else hypothetical or future
    from the cues before it (a noun's modal may sit before its verb)."""
    lowered = text[max(clause_start, found.start - 60):found.start].lower()
    window = lowered.split()
    patterns = lexicon.cue_patterns
    negated = patterns["negation"].search(" ".join(window[-NEGATION_WINDOW:])) is not None or (
        any(word in lowered for word in _DENIAL_WORDS)  # a cheap test before the search
        and _DENIED_AS.search(text, max(clause_start, found.start - 60), found.start) is not None)
    recent = " ".join(window[-(MODALITY_WINDOW if found.trigger.pos == "verb" else NOUN_MODALITY_WINDOW):])
    modality = None
    if sentence.text.rstrip().endswith("?"):  # "Will China provide more assistance?" asks, whatever its modal
        modality = "question"
    elif patterns["hypothetical"].search(recent) is not None:
        modality = "hypothetical"
    elif patterns["future"].search(recent) is not None:
        modality = "future"
    return negated, modality


def recode(text: str, found: _Found, clause_start: int, clause_end: int, negated: bool, modality: str | None,
           complaint: bool) -> tuple[str, str, float, int, bool]:
    """Category, CAMEO code, Goldstein intensity, quad class and negation after the cues: a
    trailing "protested" is a complaint, a negated agreement a rejection, announced force a
    threat (or a mobilization when forces are being prepared), promised cooperation AGREE."""
    trigger = found.trigger
    category, cameo, goldstein, quad = trigger.category, trigger.cameo, trigger.goldstein, trigger.quad
    if complaint and category == "PROTEST":  # "…, the ministry protested": a complaint
        category, cameo, goldstein, quad = "ACCUSE", COMPLAINT_CAMEO, COMPLAINT_GOLDSTEIN, 3
    if negated and category in ("AGREE", "SUPPORT"):
        category, cameo, goldstein, quad, negated = "REJECT", REJECT_CAMEO, REJECT_GOLDSTEIN, 3, False
    if modality == "future" and quad == 4 and not negated and _PREPARING.search(
            text, max(clause_start, found.start - 60), found.start):
        # "the army prepared to resume shelling": getting forces ready is a mobilization
        category, cameo, goldstein, quad = "MOBILIZE", MOBILIZE_CAMEO, MOBILIZE_GOLDSTEIN, 4
    elif modality in ("future", "hypothetical") and not negated and category != "THREATEN" and (
            (quad == 4 and category != "MOBILIZE" and modality == "future")
            or _UNLESS.search(text, found.end, clause_end) is not None):
        # "will impose sanctions", "would blockade the capital", "will withdraw … unless …"
        category, cameo, goldstein, quad = "THREATEN", THREATEN_CAMEO, THREATEN_GOLDSTEIN, 3
    elif modality in ("future", "hypothetical") and quad in COOPERATIVE_QUADS and category != "AGREE":
        category, cameo, quad = "AGREE", AGREE_INTENT_CAMEO, 1  # intent to cooperate (PLOVER AGREE)
    return category, cameo, goldstein, quad, negated
