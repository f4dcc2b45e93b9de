"""Speech reported inside a quotation, credited to its own speaker."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...model import Quote, Speaker
from .document import Doc, clause_bounds, word_count
from .indirect import past_adjuncts
from .speakers import role_speaker, speaker_of, subject_before

_CLAUSE_OPENING = re.compile(r"(?:^|[.;:!?]\s+|,\s+(?:and|but|while)\s+|\b(?:and|but)\s+)")


def nested_quotes(doc: Doc, quote: Quote) -> list[Quote]:
    """Speech reported inside a quotation, credited to its own speaker: in "Geng said the
    Russian side had stressed that the measures were temporary", the measures are Russia's
    words; in a transcript answer, "Lavrov said he would pass the request on" is Lavrov's."""
    text, cues = doc.text, doc.cues
    nested = []
    verbs = doc.verbs_in(cues.clause_verb, quote.start, quote.end)
    # where a clause opens in the quote: its words end in a space, so none runs into a verb, and
    # those found before a verb are those a search up to the verb finds
    openings = [m.end() for m in _CLAUSE_OPENING.finditer(text, quote.start, quote.end)] if verbs else []
    for match in verbs:
        v_start, v_end = match.span()
        before = bisect_right(openings, v_start)
        floor = openings[before - 1] if before else quote.start
        speaker = subject_before(doc, v_start, floor) or _coordinated_subject(doc, quote, floor, v_start)
        same_person = quote.speaker is not None and speaker is not None and speaker.name is not None \
            and speaker.name == quote.speaker.name
        if speaker is None or speaker.code is None or speaker.start < quote.start or same_person:
            continue
        listener = cues.listener.match(text, v_end)  # "he told me that …"
        after = past_adjuncts(doc, listener.end() if listener else v_end)
        that = re.match(r"\s+that\b", text[after:quote.end])
        if that:
            after += that.end()
        elif not cues.bare_clause_verb.fullmatch(match.group(0)):
            continue
        sentence = doc.sentence_at(after, everywhere=True)  # inside a transcript answer too
        end = min(quote.end, sentence.end if sentence else quote.end)
        start, end = clause_bounds(text, after, end)
        if word_count(text[start:end]) >= 4:
            date = doc.date_of(sentence.start, sentence.end, (), v_start) if sentence else quote.date
            fragments = any(start <= a and b <= end for span in doc.spans for a, b in span.parts)
            kind = "mixed" if fragments else "indirect"
            nested.append(Quote(start, end, text[start:end], kind, ((start, end),),
                                (v_start, v_end, match.group(0)), role_speaker(doc, speaker), date))
    return nested


_AND = re.compile(r"\band\s+$")


def _coordinated_subject(doc: Doc, quote: Quote, floor: int, v_start: int) -> Speaker | None:
    """The subject of a predicate joined by "and": in "Russia had informed China in advance and
    had stressed that …", Russia stressed it. The subject opens the clause before the "and"."""
    text = doc.text
    joined = _AND.search(text, quote.start, floor)
    if joined is None or not doc.cues.coordinated_predicate.fullmatch(text, floor, v_start):
        return None
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, quote.start, joined.start())),
                  default=quote.start)
    first = next((a for a in doc.actors_in(opening, joined.start())), None)
    if first is None or word_count(text[opening:first.start]) > 1 or first.code is None:
        return None
    return speaker_of(first)
