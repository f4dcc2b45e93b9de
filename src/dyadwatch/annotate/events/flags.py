"""Negation, future and hypothetical cues before a trigger, and the categories they recode: a
negated agreement is a rejection, announced force a threat, promised cooperation AGREE."""

from __future__ import annotations

import re
from functools import lru_cache

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
NOUN_MODALITY_WINDOW = 12  # an event noun's modal sits before its verb: "will provide … food aid"


def _has_cue(words: str, cues: tuple[str, ...]) -> bool:
    """A cue as whole words ("not" is not in "notably"); "n't" may end a word ("didn't")."""
    return _cue_pattern(cues).search(words) is not None


@lru_cache(maxsize=16)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a modality's cues, compiled once per lexicon."""
    alternatives = [rf"(?<![\w']){re.escape(cue)}(?!\w)" if not cue.startswith("n'") else re.escape(cue)
                    for cue in cues]
    return re.compile("|".join(alternatives) or r"(?!)")
