"""Quotations and their speakers.

- direct: text between quotation marks (marks.py) with a cue next to it ("…," Peskov said; Wang
  said: "…"; "We think," he said, "that …" is one quote in two parts). A quote paragraph with no
  cue of its own continues the last speaker. Short quoted spans after "so-called", "titled" and
  the like, and short spans with no cue, are terms or titles, not statements.
- indirect: "X said (that) …", "…, X told reporters.", "according to X, …", "X was quoted as
  saying …"; when the reported clause holds quoted fragments it is a mixed quote.
- speaker: the actor next to the cue (actors layer: names, titles, he/she resolved), a role such
  as "the spokesman" read as the last person in the text who held that role, else the words as
  written with no code."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ...model import Actor, PartialDate, Quote, Sentence, Speaker, Timex
from ..timex.calendar import DAY_OR_MONTH_VALUE
from .cues import Cues, default_cues, load_cues
from .marks import QuotedSpan, quoted_spans

MIN_STATEMENT_WORDS = 5   # a shorter quoted span with no cue is a term, a title or a fragment
SUBJECT_GAP_WORDS = 4     # words allowed between a speaker and its verb ("Peskov on Wednesday said")
CUE_REACH_WORDS = 14      # how far after a closing mark the cue may be ("…," Kremlin spokesman … said)
CONTINUATION_PARAGRAPHS = 2

_WORD = re.compile(r"[\w’'-]+")
_STOP = re.compile(r"[.;!?\"“”«»]")
_GAP_OK = re.compile(r"^[\s,]*(?:(?:side|also|later|then|further|again|earlier|separately|repeatedly|"
                     r"has|had|have|reportedly|once|previously|on|in|at|this|last|the|same|day|"
                     r"morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|"
                     r"sunday|week|month|year|\d+)[\s,]+)*$", re.IGNORECASE)
_PASSIVE_OR_RELATIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|what|which|whom?)\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:what|which|who|whom|that)\s+$", re.IGNORECASE)
_TURN = re.compile(r"([A-Z][\w.'’ -]{0,40}?|Q|A):[ \t]+")
_ANSWER_LABELS = ("a", "answer")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
_DATELINE = re.compile(  # "MOSCOW, Feb 26 — ", "New Delhi, Jan 19 (PTI) ", "Nov 26 (Interfax) - "
    r"(?:[A-Z][A-Z .'-]+,[^—\n]{0,60}?(?:—|–|\s--?\s)|"
    r"(?:[A-Z][\w .'-]{1,30},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
    r"\([A-Z][\w .&/-]{1,30}\)\s*(?:—|–|--?|:)?)\s*")
_ROLE_HEADS = ("spokes", "minister", "president", "premier", "secretary", "ambassador", "envoy",
               "chancellor", "chairman", "leader", "diplomat", "adviser", "advisor", "general",
               "commander", "governor", "mayor", "director", "official", "chief")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def paragraph_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text)]
    return starts


class _Doc:
    """Indexes over one document's layers, for the cue and speaker searches."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: Sequence[Actor],
                 timexes: Sequence[Timex], published: PartialDate | None, cues: Cues):
        self.text = text
        self.sentences = list(sentences)  # narrowed to those outside transcript turns for indirect speech
        self.all_sentences = list(sentences)
        self.actors = sorted(actors, key=lambda a: a.start)
        self.all_timexes = sorted(timexes, key=lambda t: t.start)
        self.timexes = [t for t in self.all_timexes if t.type == "DATE" and DAY_OR_MONTH_VALUE.match(t.value)]
        self.published = published.iso() if published else None
        self.cues = cues
        self.paragraphs = paragraph_starts(text)
        self.spans = quoted_spans(text)  # every quotation between marks, read once
        self._verb_starts = _verb_candidates(text, cues.verb_first_words)
        self._according = [m.start() for m in _ACCORDING_HINT.finditer(text)]

    def may_hold_according(self, start: int, end: int) -> bool:
        """False when text[start:end] cannot hold "according to" (in any case)."""
        at = bisect_left(self._according, start)
        return at < len(self._according) and self._according[at] < end

    def verbs_in(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """`pattern.finditer(text, start, end)` for a pattern of verb forms (cues.verb,
        cues.clause_verb), tried only where a word could open a verb form."""
        text, starts = self.text, self._verb_starts
        if starts is None:
            return list(pattern.finditer(text, start, end))
        tries = starts[bisect_left(starts, start):bisect_left(starts, end)]
        if end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end):
            cut = end - 1  # a word cut by the window's end: its head may be a form on its own
            while cut > start and _WORD_CHAR.match(text, cut - 1):
                cut -= 1
            if cut >= start and (not tries or tries[-1] < cut):
                tries.append(cut)
        found: list[re.Match[str]] = []
        position = start
        for at in tries:
            if at < position:
                continue
            match = pattern.match(text, at, end)
            if match:
                found.append(match)
                position = match.end()
        return found

    def sentence_at(self, offset: int, everywhere: bool = False) -> Sentence | None:
        for sentence in self.all_sentences if everywhere else self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def paragraph_of(self, offset: int) -> int:
        return max(bisect_right(self.paragraphs, offset) - 1, 0)

    def paragraph_end(self, offset: int) -> int:
        index = self.paragraph_of(offset)
        return self.paragraphs[index + 1] if index + 1 < len(self.paragraphs) else len(self.text)

    def actors_in(self, start: int, end: int) -> list[Actor]:
        return [a for a in self.actors if start <= a.start and a.end <= end]

    def date_of(self, start: int, end: int, outside: Sequence[tuple[int, int]] = (),
                near: int | None = None) -> str | None:
        """The date of the sentence start..end: its time expression nearest to the cue (`near`)
        outside the quoted words, else the publication date."""
        found = [t for t in self.timexes
                 if start <= t.start < end and not any(s <= t.start < e for s, e in outside)]
        if not found:
            return self.published
        anchor = start if near is None else near
        return min(found, key=lambda t: abs(t.start - anchor)).value


_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_ACCORDING_HINT = re.compile("according", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_TOKEN = re.compile(r"\w+")


def _verb_candidates(text: str, first_words: frozenset[str] | None) -> list[int] | None:
    """Where a verb form may start: each word whose lower case opens some form (a word with
    non-ASCII letters is kept, since the patterns' case folding may equate it with one)."""
    if first_words is None:
        return None
    if text.isascii():
        return [m.start() for m in _any_word_of(first_words).finditer(text.lower())]
    return [m.start() for m in _TOKEN.finditer(text)
            if (word := m.group(0)).lower() in first_words or not word.isascii()]


@lru_cache(maxsize=4)
def _any_word_of(words: frozenset[str]) -> re.Pattern[str]:
    """A whole lower-case word of the set, the alternatives grouped by first letter (fast)."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(f"{re.escape(letter)}(?:{'|'.join(rests)})"
                      for letter, rests in sorted(by_letter.items()))
    return re.compile(rf"(?<!\w)(?:{groups or '(?!)'})(?!\w)")


def speaker_of(actor: Actor) -> Speaker:
    """The speaker an actor mention names, as written and resolved."""
    return Speaker(actor.text, actor.start, actor.end, actor.name, actor.code)


def _speaker(doc: _Doc, actor: Actor | None, start: int, end: int) -> Speaker | None:
    if actor is not None:
        return speaker_of(actor)
    written = doc.text[start:end].strip(" ,")
    if not written or _words(written) > 6:
        return None
    offset = start + doc.text[start:end].index(written)
    return Speaker(written, offset, offset + len(written))


def _best_actor(candidates: list[Actor]) -> Actor | None:
    """Of the actors in a speaker phrase, the person if there is one ("Kremlin spokesman Dmitry
    Peskov"), else the last one."""
    if not candidates:
        return None
    people = [a for a in candidates if a.name and a.role]
    return (people or candidates)[-1]


def _subject_before(doc: _Doc, verb_start: int, floor: int) -> Speaker | None:
    """The speaker that ends right before a cue verb: "Peskov said", "the ministry's spokeswoman
    told", "Peskov, the Kremlin spokesman, said"."""
    region = doc.text[floor:verb_start]
    if _PASSIVE_OR_RELATIVE.search(region):
        return None
    candidates = doc.actors_in(floor, verb_start)
    if candidates:
        last = candidates[-1]
        if _RELATIVE_BEFORE.search(doc.text[max(floor, last.start - 12):last.start]):
            return None  # "what it said was a letter"
        gap = doc.text[last.end:verb_start]
        if _GAP_OK.match(gap) and _words(gap) <= SUBJECT_GAP_WORDS:
            phrase = [a for a in candidates if not _STOP.search(doc.text[a.end:last.start])
                      and "," not in doc.text[a.end:last.start] and a.start >= last.start - 60]
            return _speaker(doc, _best_actor(phrase), 0, 0)
        if gap.strip().startswith(",") and gap.rstrip().endswith(","):  # an appositive
            appositive = gap.strip()[1:-1]
            if _words(appositive) <= 8 and not _STOP.search(appositive):
                return _speaker(doc, last, 0, 0)
    words = region.split()
    if 1 <= len(words) <= 3 and not _STOP.search(region):
        written = " ".join(words)
        if _PRONOUN.match(written) or written[:1].isupper() or \
                written.lower().startswith(("the ", "a ", "an ")):
            return _speaker(doc, None, floor, verb_start)
    return None


def _subject_after(doc: _Doc, verb_end: int, ceiling: int) -> Speaker | None:
    """The speaker of an inverted cue: "said Peskov", "said the Kremlin spokesman"."""
    region = doc.text[verb_end:ceiling]
    stop = re.search(r"[,.;:!?]|\bthat\b|\bin\b|\bon\b|\bat\b|\bduring\b", region)
    region_end = verb_end + (stop.start() if stop else len(region))
    candidates = doc.actors_in(verb_end, region_end)
    if candidates:
        first = candidates[0]
        if _words(doc.text[verb_end:first.start]) <= 3:
            return _speaker(doc, _best_actor(candidates), 0, 0)
    written = doc.text[verb_end:region_end]
    if 1 <= _words(written) <= 5:
        return _speaker(doc, None, verb_end, region_end)
    return None


def _cue_after(doc: _Doc, span: QuotedSpan) -> tuple[tuple[int, int, str], Speaker | None, int] | None:
    """A cue after the closing mark: '…," Peskov said', '…," said Peskov', '…?" he asked'."""
    text = doc.text
    inner = text[span.parts[-1][0]:span.end].rstrip()
    after = span.end + 1 if span.closed else span.end
    continues = inner[-1:] in ",?!—–…-:" or text[after:after + 1] == ","
    window_end = min(doc.paragraph_end(after), after + 200)
    window = text[after:window_end]
    first_word = re.match(r"[\s,]*([\w’']+)", window)
    if not continues and not (first_word and first_word.group(1)[:1].islower()):
        return None
    stop = _STOP.search(window)
    reach = window[:stop.start()] if stop else window
    for match in doc.cues.verb.finditer(reach):
        if _words(reach[:match.start()]) > CUE_REACH_WORDS:
            break
        verb_start, verb_end = after + match.start(), after + match.end()
        speaker = _subject_before(doc, verb_start, after)
        if speaker is None:
            speaker = _subject_after(doc, verb_end, after + len(reach))
        if speaker is None:
            continue
        frame_end = max(verb_end, speaker.end)
        return (verb_start, verb_end, text[verb_start:verb_end]), speaker, frame_end
    according = re.match(r"[\s,]*according to\b", window, re.IGNORECASE)
    if according:
        speaker = _subject_after(doc, after + according.end(), after + len(reach))
        if speaker:
            cue_start = after + according.start() + window[according.start():].index("a")
            cue_end = after + according.end()
            return (cue_start, cue_end, text[cue_start:cue_end]), speaker, speaker.end
    return None


def _cue_before(doc: _Doc, span: QuotedSpan) -> tuple[tuple[int, int, str], Speaker | None] | None:
    """A cue before the opening mark: 'Wang said: "…', 'He told reporters that "…',
    'According to Peskov, "…', or a paragraph ending in a colon right before the quote."""
    text = doc.text
    opening = span.start - 1
    sentence = doc.sentence_at(opening) or doc.sentence_at(span.start)
    if sentence and sentence.start <= opening:
        floor = sentence.start
    else:
        floor = doc.paragraphs[doc.paragraph_of(opening)]
    head = text[floor:opening]
    if not head.strip():
        # a quote that opens its paragraph: look at a colon ending the paragraph before
        paragraph = doc.paragraph_of(opening)
        if paragraph == 0:
            return None
        previous = text[doc.paragraphs[paragraph - 1]:opening].rstrip()
        if not previous.endswith(":"):
            return None
        sentence = doc.sentence_at(doc.paragraphs[paragraph - 1] + len(previous) - 1)
        floor = sentence.start if sentence else doc.paragraphs[paragraph - 1]
        head = text[floor:doc.paragraphs[paragraph - 1] + len(previous)]
    according = re.search(r"\baccording to\b([^,.;:]{1,80}),?\s*$", head, re.IGNORECASE)
    if according:
        speaker = _subject_after(doc, floor + according.start(1), floor + according.end(1))
        if speaker:
            start = floor + according.start()
            return (start, start + len("according to"), text[start:start + len("according to")]), speaker
    verbs = list(doc.cues.verb.finditer(head))
    for match in reversed(verbs):
        tail = head[match.end():]
        if _words(tail) > 8 or re.search(r"[.;!?\"“”]", tail):
            continue
        if not _frame_tail(doc.cues, tail):
            continue
        verb_start, verb_end = floor + match.start(), floor + match.end()
        speaker = _subject_before(doc, verb_start, floor)
        if speaker is None:
            speaker = _subject_after(doc, verb_end, floor + len(head))
        if speaker is None:
            continue
        return (verb_start, verb_end, text[verb_start:verb_end]), speaker
    return None


def _frame_tail(cues: Cues, tail: str) -> bool:
    """Whether the words between a cue verb and an opening mark still belong to the cue:
    'said:', 'told reporters that', 'said in a statement on Friday,'."""
    words = tail.strip()
    if not words or words.endswith((":", ",")) or re.search(r"\b(?:that|as saying)$", words, re.IGNORECASE):
        return True
    return bool(cues.listener.fullmatch(" " + words) or cues.setting.fullmatch(" " + words))


def _is_term(doc: _Doc, span: QuotedSpan) -> bool:
    before = doc.text[max(0, span.start - 41):max(0, span.start - 1)]
    return bool(doc.cues.term_marker.search(before))


def _role_speaker(doc: _Doc, speaker: Speaker) -> Speaker:
    """'the spokesman' with no name: the last person named before it whose role has that word."""
    if speaker.name and speaker.name != speaker.code:
        actor = next((a for a in doc.actors if a.start == speaker.start), None)
        if actor is None or actor.role or actor.kb_id:
            return speaker
    words = speaker.text.lower().split()
    head = next((h for w in reversed(words) for h in _ROLE_HEADS if w.startswith(h)), None)
    if head is None:
        return speaker
    country = speaker.code[:3] if speaker.code else None
    for actor in reversed(doc.actors):
        if actor.start >= speaker.start or not actor.name or not actor.role:
            continue
        role = actor.role.lower()
        fits = head in role or (head == "spokes" and "press secretary" in role)
        if fits and (country is None or actor.country == country):
            return Speaker(speaker.text, speaker.start, speaker.end, actor.name, actor.code, "role")
    return speaker


def _is_person_speaker(speaker: Speaker | None) -> bool:
    return speaker is not None and (speaker.name is not None or speaker.code is not None)


def _direct_quotes(doc: _Doc) -> list[Quote]:
    text, spans = doc.text, doc.spans
    quotes: list[Quote] = []
    last_speaker: tuple[int, Speaker] | None = None  # (paragraph, speaker)
    i = 0
    while i < len(spans):
        span = spans[i]
        parts = list(span.parts)
        found_after = _cue_after(doc, span)
        found_before = None if found_after else _cue_before(doc, span)
        cue, speaker = None, None
        if found_after:
            cue, speaker, frame_end = found_after
            # "We think," he said, "that …": the quote goes on after its cue
            if i + 1 < len(spans):
                following = spans[i + 1]
                between = text[frame_end:following.start - 1]
                if re.fullmatch(r"\s*(?:[\w\s]{0,30}?)[,:]\s*", between) and doc.paragraph_of(
                        following.start) == doc.paragraph_of(span.end):
                    parts += list(following.parts)
                    i += 1
                    span = QuotedSpan(tuple(parts), following.closed)
        elif found_before:
            cue, speaker = found_before
        words = _words(span.text(text))
        if cue is None:
            if _is_term(doc, span) or words < MIN_STATEMENT_WORDS:
                i += 1
                continue
            paragraph = doc.paragraph_of(span.start)
            opens_paragraph = not text[doc.paragraphs[paragraph]:span.start - 1].strip()
            if last_speaker and opens_paragraph and paragraph - last_speaker[0] <= CONTINUATION_PARAGRAPHS:
                previous = last_speaker[1]
                speaker = Speaker(previous.text, previous.start, previous.end, previous.name,
                                  previous.code, "continuation")
            elif not opens_paragraph:
                i += 1
                continue
        elif _is_term(doc, span) and words < MIN_STATEMENT_WORDS:
            i += 1
            continue
        if speaker is not None:
            speaker = _role_speaker(doc, speaker)
            if _is_person_speaker(speaker) or speaker.resolved_by != "continuation":
                last_speaker = (doc.paragraph_of(span.end), speaker)
        sentence = doc.sentence_at(cue[0]) if cue else doc.sentence_at(span.start)
        date = doc.date_of(sentence.start, sentence.end, parts, cue[0] if cue else None) if sentence \
            else doc.published
        parts = [_trim_comma(text, a, b) for a, b in parts]
        words = " ".join(text[a:b] for a, b in parts)
        quotes.append(Quote(parts[0][0], parts[-1][1], words, "direct", tuple(parts), cue, speaker, date))
        i += 1
    return quotes


def _trim_comma(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's words without surrounding space and without the comma that hands over to
    its cue ("…without exception," Peskov said); sentence punctuation stays."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;—–-\n\t":
        start += 1
    while end > start and text[end - 1] in " ,.;:\n\t":
        end -= 1
    return start, end


_ADJUNCT_TIME = re.compile(r"\s*,?\s*(?:(?:on|in)\s+)?")


def _past_adjuncts(doc: _Doc, after: int) -> int:
    """Skip the occasion and the time right after a cue, in either order: "said at his weekly
    briefing on Wednesday (that) …" — they frame the saying, they are not what was said."""
    for _ in range(2):
        setting = doc.cues.setting.match(doc.text, after)
        if setting:
            after = setting.end()
        timex = next((t for t in doc.all_timexes if after <= t.start <= after + 6
                      and _ADJUNCT_TIME.fullmatch(doc.text, after, t.start)), None)
        if timex is None:
            break
        after = timex.end
    return after


def _indirect_in(doc: _Doc, sentence: Sentence, quoted: list[tuple[int, int]]
                 ) -> tuple[int, int, tuple[int, int, str], Speaker] | None:
    """The reported clause of a sentence, its cue and its speaker, or None."""
    text, cues = doc.text, doc.cues
    s_start, s_end = sentence.start, sentence.end
    dateline = _DATELINE.match(text, s_start, s_end)
    body_start = dateline.end() if dateline else s_start

    def outside_quotes(position: int) -> bool:
        return not any(a - 1 <= position < b + 1 for a, b in quoted)

    # "According to X, clause." and "clause, according to X."
    according = _ACCORDING.finditer(text[body_start:s_end]) if doc.may_hold_according(body_start, s_end) \
        else ()
    for match in according:
        m_start, m_end = body_start + match.start(), body_start + match.end()
        if not outside_quotes(m_start):
            continue
        comma = text.find(",", m_end, s_end)
        cue = (m_start, m_end, text[m_start:m_end])
        if m_start - body_start <= 2 and comma != -1:
            speaker = _subject_after(doc, m_end, comma)
            if speaker and _is_person_speaker(speaker):
                start, end = _clause_bounds(text, comma + 1, s_end)
                return start, end, cue, speaker
        elif text[body_start:m_start].rstrip().endswith(","):
            speaker = _subject_after(doc, m_end, s_end)
            if speaker and _is_person_speaker(speaker) and _words(text[speaker.end:s_end]) <= 3:
                start, end = _clause_bounds(text, body_start, m_start)
                return start, end, cue, speaker
    for match in doc.verbs_in(cues.verb, body_start, s_end):
        v_start, v_end = match.start(), match.end()
        if not outside_quotes(v_start):
            continue
        before = text[body_start:v_start]
        rest = text[v_end:s_end]
        # "clause, X said (to reporters on Wednesday)." — the frame closes the sentence
        comma = before.rfind(",")
        if comma != -1 and _words(before[comma:]) <= 8 and not re.search(r"[\"“”]", before[comma:]):
            rest_head = rest.split(",", 1)[0]
            tail_ok = (_words(rest_head) <= 6 and not cues.clause_verb.search(rest_head)
                       and not re.search(r"\bthat\b", rest_head))
            if tail_ok:
                speaker = _subject_before(doc, v_start, body_start + comma + 1) or _subject_after(
                    doc, v_end, s_end)
                if speaker and _is_person_speaker(speaker):
                    start, end = _clause_bounds(text, body_start, body_start + comma)
                    if _words(text[start:end]) >= 4:
                        return start, end, (v_start, v_end, match.group(0)), speaker
        # "X said (to reporters) (on Wednesday) (that) clause."
        if not cues.clause_verb.fullmatch(match.group(0)):
            continue
        speaker = _subject_before(doc, v_start, body_start)
        if speaker is None or not _is_person_speaker(speaker):
            continue
        after = v_end
        listener = cues.listener.match(text, after)
        if listener:
            after = listener.end()
        elif match.group(0).lower().startswith(("tell", "told")):
            object_actor = next((a for a in doc.actors if a.start >= after and
                                 _words(text[after:a.start]) == 0), None)
            if object_actor is None:
                continue
            after = object_actor.end
        after = _past_adjuncts(doc, after)
        that = re.match(r"[^,.;:\"“”]{0,40}?\bthat\b", text[after:s_end])
        nested_report = that is not None and cues.clause_verb.search(that.group(0)) is not None
        if that and _words(that.group(0)) <= 6 and not nested_report:
            after += that.end()
        elif nested_report:
            pass  # "said the Russian side had stressed that …": what was said is another's report
        elif not cues.bare_clause_verb.fullmatch(match.group(0)):
            continue
        elif re.match(r"\s*(?:,|:?\s*[\"“])", text[after:s_end]):
            continue  # a direct quote or an adverbial clause follows, not a reported clause
        start, end = _clause_bounds(text, after, s_end)
        if _words(text[start:end]) >= 3:
            return start, end, (v_start, v_end, match.group(0)), _role_speaker(doc, speaker)
    return None


def _indirect_quotes(doc: _Doc, direct: list[Quote]) -> tuple[list[Quote], set[int]]:
    """Indirect and mixed quotes; also the direct quotes absorbed as fragments of a mixed one."""
    quoted = [p for span in doc.spans for p in span.parts]
    direct_parts = [p for q in direct for p in q.parts]
    absorbed: set[int] = set()
    quotes: list[Quote] = []
    for sentence in doc.sentences:
        if any(a <= sentence.start and sentence.end <= b + 1 for a, b in direct_parts):
            continue
        found = _indirect_in(doc, sentence, quoted)
        if found is None:
            continue
        start, end, cue, speaker = found
        fragments = [(a, b) for a, b in quoted if start <= a and b <= end]
        quoted_words = sum(_words(doc.text[a:b]) for a, b in fragments)
        clause_words = _words(doc.text[start:end])
        covered = [q for q in direct if any(start <= a and b <= end for a, b in q.parts)]
        if covered and quoted_words >= 0.85 * clause_words:
            continue  # "X said that "…"": the direct quote already holds it
        absorbed.update(id(q) for q in covered)
        kind = "mixed" if fragments else "indirect"
        date = doc.date_of(sentence.start, sentence.end, fragments, cue[0])
        quotes.append(Quote(start, end, doc.text[start:end], kind, ((start, end),), cue, speaker, date))
    return quotes, absorbed


def _turns(doc: _Doc, title_actors: Sequence[Actor]) -> tuple[list[Quote], list[tuple[int, int]]]:
    """Turns of a transcript ("Dmitry Peskov: …", "A: …"): each answer is a direct quote of the
    person the label names ("A" is the person the title names). Returns the quotes and the
    ranges of every turn, questions included, which hold no quotes of their own."""
    text = doc.text
    labelled = [(p, m) for p in doc.paragraphs if (m := _TURN.match(text, p))]
    if len(labelled) < 2:
        return [], []
    title_person = next((a for a in title_actors if a.name and a.role), None)
    quotes, ranges = [], []
    for index, (start, match) in enumerate(labelled):
        end = labelled[index + 1][0] if index + 1 < len(labelled) else len(text)
        label = match.group(1)
        ranges.append((start, end))
        first_word = label.lower().split()[0] if label.split() else ""
        if first_word in doc.cues.question_labels or label.lower() in doc.cues.procedural_labels:
            continue
        if label.lower() in _ANSWER_LABELS:
            if title_person is None:
                continue
            speaker = Speaker(label, start, start + len(label), title_person.name, title_person.code, "title")
        else:
            actor = _best_actor(doc.actors_in(start, start + len(label)))
            if actor is None and not (label.isupper() and len(label.split()) <= 5):
                continue  # "Here's what's clear:" in prose is not a turn
            # an unnamed speaker in capitals ("SENIOR ADMINISTRATION OFFICIAL") stays as written
            speaker = Speaker(label, start, start + len(label), actor.name if actor else None,
                              actor.code if actor else None)
        body_start, body_end = _trim_comma(text, match.end(), end)
        parts = tuple(_paragraph_spans(text, body_start, body_end))
        words = " ".join(text[a:b] for a, b in parts)
        quotes.append(Quote(body_start, body_end, words, "direct", parts,
                            (start, start + len(label), label), speaker, doc.published))
    return quotes, ranges


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for piece in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text[start:end]):
        a, b = _trim_comma(text, start + piece.start(), start + piece.end())
        if a < b:
            spans.append((a, b))
    return spans


def find_quotes(text: str, sentences: Sequence[Sentence], actors: Sequence[Actor],
                timexes: Sequence[Timex] = (), published: PartialDate | None = None,
                cues: Cues | None = None, title_actors: Sequence[Actor] = ()) -> list[Quote]:
    """Direct, indirect and mixed quotations of a text, in order of their start. `title_actors`
    (the actors of the document's title) name the speaker of a transcript's "A:" turns."""
    doc = _Doc(text, sentences, actors, timexes, published, cues or default_cues())
    turns, turn_ranges = _turns(doc, title_actors)

    def outside_turns(quote: Quote) -> bool:
        return not any(a <= quote.start < b for a, b in turn_ranges)

    direct = [q for q in _direct_quotes(doc) if outside_turns(q)]
    doc.sentences = [s for s in doc.sentences if not any(a <= s.start < b for a, b in turn_ranges)]
    indirect, absorbed = _indirect_quotes(doc, direct)
    kept = [q for q in direct if id(q) not in absorbed]
    found = turns + kept + indirect
    nested = [inner for quote in found for inner in _nested(doc, quote)]
    return _pronouns_resolved(doc, sorted(found + nested, key=lambda q: q.start))


_PERSONAL = re.compile(r"^(?:he|she)$", re.IGNORECASE)


def _pronouns_resolved(doc: _Doc, quotes: list[Quote]) -> list[Quote]:
    """ "…," he said: "he" or "she" is the person quoted last, in the same paragraph or the one or
    two before (news names a speaker, then goes on with the pronoun)."""
    out: list[Quote] = []
    last: tuple[int, Speaker] | None = None  # (paragraph, speaker)
    for quote in quotes:
        speaker = quote.speaker
        paragraph = doc.paragraph_of(quote.start)
        if speaker is not None and speaker.name is None and _PERSONAL.match(speaker.text) and last \
                and paragraph - last[0] <= CONTINUATION_PARAGRAPHS:
            speaker = replace(speaker, name=last[1].name, code=last[1].code, resolved_by="pronoun")
            quote = replace(quote, speaker=speaker)
        elif speaker is not None and speaker.name and speaker.name != speaker.code:
            last = (paragraph, speaker)
        out.append(quote)
    return out


_CLAUSE_OPENING = re.compile(r"(?:^|[.;:!?]\s+|,\s+(?:and|but|while)\s+|\b(?:and|but)\s+)")


def _nested(doc: _Doc, quote: Quote) -> list[Quote]:
    """Speech reported inside a quotation, credited to its own speaker: in "Geng said the
    Russian side had stressed that the measures were temporary", the measures are Russia's
    words; in a transcript answer, "Lavrov said he would pass the request on" is Lavrov's."""
    text, cues = doc.text, doc.cues
    nested = []
    for match in doc.verbs_in(cues.clause_verb, quote.start, quote.end):
        v_start, v_end = match.span()
        floor = max((m.end() for m in _CLAUSE_OPENING.finditer(text, quote.start, v_start)),
                    default=quote.start)
        speaker = _subject_before(doc, v_start, floor)
        same_person = quote.speaker is not None and speaker is not None and speaker.name is not None \
            and speaker.name == quote.speaker.name
        if speaker is None or speaker.code is None or speaker.start < quote.start or same_person:
            continue
        after = _past_adjuncts(doc, v_end)
        that = re.match(r"\s+that\b", text[after:quote.end])
        if that:
            after += that.end()
        elif not cues.bare_clause_verb.fullmatch(match.group(0)):
            continue
        sentence = doc.sentence_at(after, everywhere=True)  # inside a transcript answer too
        end = min(quote.end, sentence.end if sentence else quote.end)
        start, end = _clause_bounds(text, after, end)
        if _words(text[start:end]) >= 4:
            date = doc.date_of(sentence.start, sentence.end, (), v_start) if sentence else quote.date
            nested.append(Quote(start, end, text[start:end], "indirect", ((start, end),),
                                (v_start, v_end, match.group(0)), _role_speaker(doc, speaker), date))
    return nested


__all__ = ["Cues", "find_quotes", "load_cues", "paragraph_starts", "speaker_of"]
