"""Indirect and mixed quotes: "X said (that) …", "…, X told reporters.", "according to X, …",
"…, according to X."; the occasion and time of the saying skipped before the reported clause."""

from __future__ import annotations

import re

from ...model import Quote, Sentence, Speaker
from ..dateline import dateline_end
from .document import Doc, clause_bounds, has_words, word_count
from .speakers import is_person_speaker, role_speaker, subject_after, subject_before

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_ADJUNCT_TIME = re.compile(r"\s*,?\s*(?:(?:on|in)\s+)?")
_QUOTE_MARK = re.compile(r"[\"“”]")
_THAT = re.compile(r"\bthat\b")
_THAT_AFTER = re.compile(r"[^,.;:\"“”]{0,40}?\bthat\b")
_QUOTE_OR_COMMA_AFTER = re.compile(r"\s*(?:,|:?\s*[\"“])")


def past_adjuncts(doc: Doc, after: int) -> int:
    """Skip the occasion and the time right after a cue, in either order: "said at his weekly
    briefing on Wednesday (that) …" — they frame the saying, they are not what was said."""
    for _ in range(2):
        setting = doc.cues.setting.match(doc.text, after)
        if setting:
            after = setting.end()
        timex = next((t for t in doc.timexes_from(after, after + 6)
                      if _ADJUNCT_TIME.fullmatch(doc.text, after, t.start)), None)
        if timex is None:
            break
        after = timex.end
    return after


def _indirect_in(doc: Doc, sentence: Sentence, body_start: int
                 ) -> tuple[int, int, tuple[int, int, str], Speaker] | None:
    """The reported clause of a sentence whose words start at `body_start`, its cue and its
    speaker, or None."""
    text, cues = doc.text, doc.cues
    s_end = sentence.end
    # "According to X, clause." and "clause, according to X."
    according = _ACCORDING.finditer(text[body_start:s_end]) if doc.may_hold_according(body_start, s_end) \
        else ()
    for match in according:
        m_start, m_end = body_start + match.start(), body_start + match.end()
        if doc.next_to_quote(m_start):
            continue
        comma = text.find(",", m_end, s_end)
        cue = (m_start, m_end, text[m_start:m_end])
        if m_start - body_start <= 2 and comma != -1:
            speaker = subject_after(doc, m_end, comma)
            if speaker and is_person_speaker(speaker):
                start, end = clause_bounds(text, comma + 1, s_end)
                return start, end, cue, speaker
        elif text[body_start:m_start].rstrip().endswith(","):
            speaker = subject_after(doc, m_end, s_end)
            if speaker and is_person_speaker(speaker) and word_count(text[speaker.end:s_end]) <= 3:
                start, end = clause_bounds(text, body_start, m_start)
                return start, end, cue, speaker
    for match in doc.verbs_in(cues.verb, body_start, s_end):
        v_start, v_end = match.start(), match.end()
        if doc.next_to_quote(v_start):
            continue
        # "clause, X said (to reporters on Wednesday)." — the frame closes the sentence
        comma = text.rfind(",", body_start, v_start)
        if comma != -1 and not has_words(text, 9, comma, v_start) and \
                not _QUOTE_MARK.search(text, comma, v_start):
            head_end = text.find(",", v_end, s_end)
            rest_head = text[v_end:s_end if head_end == -1 else head_end]
            tail_ok = (not has_words(rest_head, 7) and not cues.clause_verb.search(rest_head)
                       and not _THAT.search(rest_head))
            if tail_ok:
                speaker = subject_before(doc, v_start, comma + 1) or subject_after(doc, v_end, s_end)
                if speaker and is_person_speaker(speaker):
                    start, end = clause_bounds(text, body_start, comma)
                    if has_words(text, 4, start, end):
                        return start, end, (v_start, v_end, match.group(0)), speaker
        # "X said (to reporters) (on Wednesday) (that) clause."
        if not cues.clause_verb.fullmatch(match.group(0)):
            continue
        speaker = subject_before(doc, v_start, body_start)
        if speaker is None or not is_person_speaker(speaker):
            continue
        after = v_end
        listener = cues.listener.match(text, after)
        if listener:
            after = listener.end()
        elif match.group(0).lower().startswith(("tell", "told")):
            object_actor = doc.actor_at_word(after)
            if object_actor is None:
                continue
            after = object_actor.end
        after = past_adjuncts(doc, after)
        that = _THAT_AFTER.match(text[after:s_end])
        nested_report = that is not None and cues.clause_verb.search(that.group(0)) is not None
        if that and word_count(that.group(0)) <= 6 and not nested_report:
            after += that.end()
        elif nested_report:
            pass  # "said the Russian side had stressed that …": what was said is another's report
        elif not cues.bare_clause_verb.fullmatch(match.group(0)):
            continue
        elif _QUOTE_OR_COMMA_AFTER.match(text, after, s_end):
            continue  # a direct quote or an adverbial clause follows, not a reported clause
        start, end = clause_bounds(text, after, s_end)
        if has_words(text, 3, start, end):
            return start, end, (v_start, v_end, match.group(0)), role_speaker(doc, speaker)
    return None


_DEMAND = re.compile(r"(?P<object>[^,.;:\"“”]{1,60}?)\s(?P<demand>(?:not\s+)?to\s+[a-z])")
DIRECTIVE_OBJECT_WORDS = 8


def _directive_in(doc: Doc, sentence: Sentence, body_start: int
                  ) -> tuple[int, int, tuple[int, int, str], Speaker] | None:
    """A demand put to someone: "China's embassy has asked the city's authorities to stop
    singling out Chinese nationals" reports what the embassy asked for, from "to" on."""
    text = doc.text
    for match in doc.verbs_in(doc.cues.directive, body_start, sentence.end):
        v_start, v_end = match.span()
        if doc.next_to_quote(v_start):
            continue
        demand = _DEMAND.match(text, v_end, sentence.end)
        if demand is None or word_count(demand["object"]) > DIRECTIVE_OBJECT_WORDS:
            continue
        addressee = demand["object"]  # someone: an actor, "the …", or a pronoun ("urged them to")
        if not (doc.actors_in(v_end, demand.end("object")) or addressee.lower().startswith(" the ")
                or doc.cues.listener.fullmatch(addressee)):
            continue
        speaker = subject_before(doc, v_start, body_start)
        if speaker is None or not is_person_speaker(speaker):
            continue
        start, end = clause_bounds(text, demand.start("demand"), sentence.end)
        if word_count(text[start:end]) >= 3:
            return start, end, (v_start, v_end, match.group(0)), role_speaker(doc, speaker)
    return None


_STANCE_LINK = re.compile(r"\s+(?:of|that|to|over|about|for|at|with|on|regarding|against)\b", re.IGNORECASE)


def _stance_in(doc: Doc, sentence: Sentence, body_start: int
               ) -> tuple[int, int, tuple[int, int, str], Speaker] | None:
    """A stance taken on a claim or a feeling voiced: "Peskov rejects claims of bias" and "dismissed
    efforts to blame Beijing" (from the verb on: the verb says what the speaker holds), "expressed
    confidence that …" and "voiced their concern over …" (from the object on), "spoke highly of …"."""
    text = doc.text
    for match in doc.verbs_in(doc.cues.stance, body_start, sentence.end):
        v_start = match.start()
        if doc.next_to_quote(v_start):
            continue
        if match["object"] and not _STANCE_LINK.match(text, match.end(), sentence.end):
            continue  # "rejected the report" with nothing on what it said
        participle = match.group(0).split()[0].lower().endswith("ing")
        if participle and text[body_start:v_start].rstrip().endswith(","):
            continue  # "…, voicing concern over …": the participle's subject is not the word before it
        speaker = subject_before(doc, v_start, body_start)
        if speaker is None or not is_person_speaker(speaker):
            continue
        start, end = clause_bounds(text, match.end("light") if match["light"] else v_start, sentence.end)
        if word_count(text[start:end]) >= 3:
            cue_end = next(match.end(g) for g in ("verb", "light", "phrase") if match[g])
            return start, end, (v_start, cue_end, text[v_start:cue_end]), role_speaker(doc, speaker)
    return None


def indirect_quotes(doc: Doc, direct: list[Quote]) -> tuple[list[Quote], set[int]]:
    """Indirect and mixed quotes; also the direct quotes absorbed as fragments of a mixed one."""
    quoted = [p for span in doc.spans for p in span.parts]
    direct_parts = [p for q in direct for p in q.parts]
    absorbed: set[int] = set()
    quotes: list[Quote] = []
    for sentence in doc.sentences:
        if not doc.may_hold_cue(sentence.start, sentence.end):
            continue
        if any(a <= sentence.start and sentence.end <= b + 1 for a, b in direct_parts):
            continue
        # the sentence's words start after its dateline ("MOSCOW, Feb 26 (Reuters) - ")
        body_start = dateline_end(doc.text, sentence.start, sentence.end)
        found = _indirect_in(doc, sentence, body_start) or _directive_in(doc, sentence, body_start) or \
            _stance_in(doc, sentence, body_start)
        if found is None:
            continue
        start, end, cue, speaker = found
        fragments = [(a, b) for a, b in quoted if start <= a and b <= end]
        covered = [q for q in direct if any(start <= a and b <= end for a, b in q.parts)]
        if covered and _mostly_quoted(doc.text, start, end, fragments):
            continue  # "X said that "…"": the direct quote already holds it
        absorbed.update(id(q) for q in covered)
        kind = "mixed" if fragments else "indirect"
        date = doc.date_of(sentence.start, sentence.end, fragments, cue[0])
        quotes.append(Quote(start, end, doc.text[start:end], kind, ((start, end),), cue, speaker, date))
    return quotes, absorbed


def _mostly_quoted(text: str, start: int, end: int, fragments: list[tuple[int, int]]) -> bool:
    """Are most words of the clause text[start:end] (85 %) in its quoted fragments?"""
    quoted_words = sum(word_count(text[a:b]) for a, b in fragments)
    return quoted_words >= 0.85 * word_count(text[start:end])


def continued_quotes(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """A speech verb's participle right after a quote's cue goes on with the same speaker:
    '"…," Peskov told journalists on Wednesday, pointing out that checks are made even at the
    Kremlin'; "…, the ministry said, adding that …". Only after a cue that follows its quote."""
    text, cues = doc.text, doc.cues
    found: list[Quote] = []
    taken = [(q.start, q.end) for q in quotes]
    for quote in quotes:
        if quote.cue is None or quote.speaker is None or quote.cue[0] < quote.end:
            continue
        sentence = doc.sentence_at(quote.cue[0])
        if sentence is None:
            continue
        after = max(quote.cue[1], quote.speaker.end)
        listener = cues.listener.match(text, after)
        if listener:
            after = listener.end()
        after = past_adjuncts(doc, after)
        participle = cues.continuation.match(text, after, sentence.end)
        if participle is None:
            continue
        start, end = clause_bounds(text, participle.end(), sentence.end)
        if word_count(text[start:end]) < 3 or any(start < b and a < end for a, b in taken):
            continue
        fragments = [p for span in doc.spans for p in span.parts if start <= p[0] and p[1] <= end]
        cue = (participle.start("verb"), participle.end("verb"), participle.group("verb"))
        date = doc.date_of(sentence.start, sentence.end, fragments, cue[0])
        found.append(Quote(start, end, text[start:end], "mixed" if fragments else "indirect",
                           ((start, end),), cue, quote.speaker, date))
    return found
