"""Chronology lines: the clause from source to target, without its date phrase, ended at its
phrase and never on a dangling conjunction or preposition."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Timex
from .lowered import first_character_scan

_PHRASE_END = first_character_scan(r"[,;]|\s(?:which|who|after|as|while|saying|amid)\s")
_DATE_PREPOSITION = re.compile(r"(?i:\b(?:on|in|from|since|by|during|at)\s*)$")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")
_SPACED_PUNCTUATION = re.compile(" [,.;:]")  # the same, faster, where words are joined by single spaces
_WORD = re.compile(r"\S+")
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})  # where a cut summary may end instead
# after a conjunction, the words that start a verb phrase or a clause ("and said", "and to reduce",
# "and they"), besides verbs in -ed and -ing; "the United States and China", "bilateral and
# global issues" and "allies and partners" join words, not clauses
_VERB_PHRASE_OPENERS = frozenset({
    "said", "says", "told", "tells", "asked", "asks", "urged", "urges", "called", "calls", "added", "adds",
    "made", "makes", "took", "takes", "gave", "gives", "sent", "sends", "met", "meets", "held", "holds", "to",
    "he", "she", "they", "we", "it"})

SUMMARY_TAIL_WORDS = 14  # words after the source, trigger and target that a summary may keep
_DANGLING = frozenset({"and", "or", "but", "to", "of", "the", "a", "an", "in", "on", "for", "with",
                       "by", "at", "from", "that", "its", "their", "his", "her"})


def _summary(text: str, start: int, end: int, timexes: Sequence[Timex]) -> str:
    """The clause from source to target, without its date phrase, as a chronology line."""
    words = text[start:end]
    within = [t for t in timexes if start <= t.start and t.end <= end]
    for timex in sorted(within, key=lambda t: -t.start):
        a, b = timex.start - start, timex.end - start
        words = _DATE_PREPOSITION.sub("", words[:a]) + words[b:]
    tokens = words.split()
    while tokens and tokens[-1].lower().strip(",;:—–-") in _DANGLING:
        tokens.pop()  # "… protecting Chinese nationals and" ends before its conjunction
    words = " ".join(tokens).strip(" ,;:—–-")
    if _SPACED_PUNCTUATION.search(words):
        words = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", words)
    if not words:
        return ""
    return words[0].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")


# "Experts from ", "A team of ten ", "The team sent by ": a head noun the source only qualifies
_HEAD_BEFORE = re.compile(
    r"(?i:(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){1,3}(?:from|of|in|at|(?:sent|led|dispatched|organi[sz]ed)\s+by)"
    r"\s+(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+(?:of\s+)?)?)$")
_HEAD_LAST_WORDS = frozenset({"from", "of", "in", "at", "by", "two", "three", "four", "five", "six", "seven",
                              "eight", "nine", "ten", "dozens", "hundreds", "thousands"})  # _HEAD_BEFORE's
_APPOSITION_OPEN = re.compile(r"(?i:,\s*((?:including|such\s+as|notably)\s+)?)$")
_APPOSITION_CLOSE = re.compile(r",\s*(?=[a-z])")  # "Xi Jinping, held", "Russia, will continue"
_PHRASE_OPENING = re.compile(r"(?i:(?:[,;:(]|\bthat)\s*)")
_PREPOSITION_FIRST = re.compile(r"(?i:(?:in|on|at|after|before|during|with|for|from|by|amid|under)\b)")
APPOSITION_HEAD_WORDS = 8
PHRASE_PREFIX_WORDS = 10  # words of its phrase before the source that a summary takes in
# where the phrase before a source opens: a comma (not one inside a number: "2,500"), a semicolon,
# colon or bracket, a dateline's dash ("BEIJING, March 19 (Xinhua) --"), "that" (not the
# determiner of "a summary of that conversation")
_PREFIX_OPENING = re.compile(
    r"(?i:(?:,(?!\d)|[;:()]|--|\s[—–-]\s|(?<!\bof\s)(?<!\bin\s)(?<!\bon\s)(?<!\bat\s)(?<!\bfor\s)"
    r"(?<!\bwith\s)(?<!\bto\s)(?<!\bby\s)\bthat\s)\s*)")
_LEADING_CONJUNCTION = re.compile(r"(?i:^\s*(?:(?:and|but|or|so|yet)\b,?\s*)?)")
_PUNCTUATION_BEFORE_A_PREDICATE = frozenset(",;—–-")  # "…, are joining"; after "Q:" a question opens
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                          "do", "does", "did"})  # "…, are joining <the United States>": a predicate
_SUBORDINATORS = frozenset({"which", "who", "whom", "whose", "when", "where", "after", "before", "because",
                            "while", "if", "as", "since", "until", "although", "though", "whether"})


def _phrase_start(text: str, position: int, clause_start: int) -> int:
    """Where the phrase ending at `position` starts: after the last comma, colon, bracket or
    "that" of the clause before it."""
    start = clause_start
    for opening in _PHRASE_OPENING.finditer(text, clause_start, position):
        start = opening.end()
    return start


def _summary_start(text: str, source_start: int, source_end: int, trigger_start: int,
                   clause_start: int) -> int:
    """Where a summary starts: at the head of the subject the source only qualifies: "Experts from
    <Heilongjiang> arrived", "the international community, including <Russia>, will …", "Putin
    and his Chinese counterpart, <Xi Jinping>, held talks"; else where the source's phrase opens
    ("<The> PRC side followed up", "Allies joined <the United States> in exposing …"), when that is
    a few words before it; else at the source."""
    start = _subject_head(text, source_start, source_end, trigger_start, clause_start)
    if start != source_start or source_start <= clause_start:
        return start
    opening = _last_opening(text, clause_start, source_start)
    prefix = _LEADING_CONJUNCTION.sub("", text[opening:source_start])
    words = prefix.lower().split()
    if not words or len(words) > PHRASE_PREFIX_WORDS or not _SUBORDINATORS.isdisjoint(words) or \
            (words[0] in _AUXILIARIES and text[:opening].rstrip()[-1:] in _PUNCTUATION_BEFORE_A_PREDICATE):
        return source_start  # "After a newspaper published a letter in which <Chinese diplomats> …"
    return source_start - len(prefix)


PREFIX_SCAN = 120  # characters before a source searched first for where its phrase opens


def _last_opening(text: str, clause_start: int, position: int) -> int:
    """Where the phrase before `position` opens (after the last _PREFIX_OPENING of the clause, else
    at the clause start): looked for in the last PREFIX_SCAN characters first, then in the whole
    clause before them."""
    near = max(clause_start, position - PREFIX_SCAN)
    for start in (near, clause_start) if near > clause_start else (clause_start,):
        opening = None
        for found in _PREFIX_OPENING.finditer(text, start, position):
            opening = found.end()
        if opening is not None:
            return opening
    return clause_start


def _subject_head(text: str, source_start: int, source_end: int, trigger_start: int,
                  clause_start: int) -> int:
    """The start of the subject's head noun when the source only qualifies it, else the source's."""
    if source_start <= clause_start:
        return source_start
    last = text[max(clause_start, source_start - 14):source_start].split()[-1:]
    if last and (last[0].lower() in _HEAD_LAST_WORDS or last[0][0].isdigit()):  # before the search
        head = _HEAD_BEFORE.search(text, max(clause_start, source_start - 40), source_start)
        if head is not None and head.start() == _phrase_start(text, head.start(), clause_start):
            return head.start()
    closing = _APPOSITION_CLOSE.match(text, source_end)
    if closing is None or closing.end() > trigger_start:
        return source_start
    opening = _APPOSITION_OPEN.search(text, max(clause_start, source_start - 24), source_start)
    if opening is None:
        return source_start
    start = _phrase_start(text, opening.start(), clause_start)
    words = text[start:opening.start()].split()
    if not words or len(words) > APPOSITION_HEAD_WORDS or \
            (opening.group(1) is None and _PREPOSITION_FIRST.match(words[0])):
        return source_start  # "In a statement, Russia, …" opens with a phrase of its own
    return start


def _opens_a_verb_phrase(word: str) -> bool:
    word = word.lower().strip(",;:")
    return word in _VERB_PHRASE_OPENERS or word.endswith(("ed", "ing"))


def _clause_tail(text: str, position: int, clause_end: int) -> int:
    """Extend a summary to the end of its phrase: up to the next comma or the clause end."""
    stop = _PHRASE_END.search(text, position, clause_end)
    end = stop.start() if stop else clause_end
    if len(text[position:end].split()) <= SUMMARY_TAIL_WORDS:  # str.split splits where \S+ ends
        return end
    words = list(_WORD.finditer(text[position:end]))
    if len(words) > SUMMARY_TAIL_WORDS:
        kept = words[:SUMMARY_TAIL_WORDS]
        joined = [i for i, w in enumerate(kept[:-1]) if i and w.group(0).lower() in _CONJUNCTIONS
                  and _opens_a_verb_phrase(kept[i + 1].group(0))]
        if joined:  # "… during the worst of the epidemic and said a team": a whole clause, before "and"
            kept = kept[:joined[-1]]
        while kept and kept[-1].group(0).lower().strip(",;") in _DANGLING:
            kept.pop()
        end = position + (kept[-1].end() if kept else 0)
    return end
