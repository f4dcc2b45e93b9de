"""Direct quotes: text between quotation marks with a cue after the closing mark or before the
opening one; a quote in two parts around its cue; a cue-less quote paragraph continuing the last
speaker; terms, titles and scare quotes left out."""

from __future__ import annotations

import re

from ...model import Quote, Speaker
from .cues import Cues
from .document import STOP, Doc, trim_comma, word_count
from .marks import QuotedSpan
from .speakers import CONTINUATION_PARAGRAPHS, is_person_speaker, role_speaker, subject_after, subject_before

_ONLY_A_STOP = re.compile(r"[ \t]*[.!?]?[ \t]*")
MIN_STATEMENT_WORDS = 5   # a shorter quoted span with no cue is a term, a title or a fragment
CUE_REACH_WORDS = 14      # how far after a closing mark the cue may be ("…," Kremlin spokesman … said)


def _subject_around(doc: Doc, verb_start: int, verb_end: int, floor: int, ceiling: int) -> Speaker | None:
    """The speaker of a cue verb: its subject before it ("he said"), else after it ("said Peskov")."""
    return subject_before(doc, verb_start, floor) or subject_after(doc, verb_end, ceiling)


def _cue_after(doc: Doc, span: QuotedSpan) -> tuple[tuple[int, int, str], Speaker | None, int] | None:
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
    stop = STOP.search(window)
    reach_end = after + (stop.start() if stop else len(window))
    for verb_start, verb_end in doc.verb_spans(doc.cues.verb, after, reach_end):
        if word_count(text[after:verb_start]) > CUE_REACH_WORDS:
            break
        speaker = _subject_around(doc, verb_start, verb_end, after, reach_end)
        if speaker is None:
            continue
        frame_end = max(verb_end, speaker.end)
        return (verb_start, verb_end, text[verb_start:verb_end]), speaker, frame_end
    according = re.match(r"[\s,]*according to\b", window, re.IGNORECASE)
    if according:
        speaker = subject_after(doc, after + according.end(), reach_end)
        if speaker:
            cue_start = after + according.start() + window[according.start():].index("a")
            cue_end = after + according.end()
            return (cue_start, cue_end, text[cue_start:cue_end]), speaker, speaker.end
    return None


def _cue_before(doc: Doc, span: QuotedSpan) -> tuple[tuple[int, int, str], Speaker | None] | None:
    """A cue before the opening mark: 'Wang said: "…', 'He told reporters that "…',
    'According to Peskov, "…', or a paragraph ending in a colon right before the quote."""
    text = doc.text
    opening = span.start - 1
    sentence = doc.sentence_at(opening) or doc.sentence_at(span.start)
    if sentence and sentence.start <= opening:
        floor = sentence.start
    else:
        floor = doc.paragraphs[doc.paragraph_of(opening)]
    head_end = opening
    head = text[floor:head_end]
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
        head_end = doc.paragraphs[paragraph - 1] + len(previous)
        head = text[floor:head_end]
    according = re.search(r"\baccording to\b([^,.;:]{1,80}),?\s*$", head, re.IGNORECASE) \
        if doc.may_hold_according(floor, head_end) else None
    if according:
        speaker = subject_after(doc, floor + according.start(1), floor + according.end(1))
        if speaker:
            start = floor + according.start()
            return (start, start + len("according to"), text[start:start + len("according to")]), speaker
    for verb_start, verb_end in reversed(doc.verb_spans(doc.cues.verb, floor, head_end)):
        tail = text[verb_end:head_end]
        if word_count(tail) > 8 or re.search(r"[.;!?\"“”]", tail):
            continue
        if not _frame_tail(doc.cues, tail):
            continue
        speaker = _subject_around(doc, verb_start, verb_end, floor, head_end)
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


def _is_term(doc: Doc, span: QuotedSpan) -> bool:
    before = doc.text[max(0, span.start - 41):max(0, span.start - 1)]
    return bool(doc.cues.term_marker.search(before))


def direct_quotes(doc: Doc) -> list[Quote]:
    text, spans = doc.text, doc.spans
    quotes: list[Quote] = []
    last_speaker: tuple[int, Speaker] | None = None  # (paragraph, speaker)
    last_frame: tuple[int, Speaker] | None = None  # (end of the last cue after a quote, its speaker)
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
        words = word_count(span.text(text))
        if cue is None:
            if _is_term(doc, span) or words < MIN_STATEMENT_WORDS:
                i += 1
                continue
            paragraph = doc.paragraph_of(span.start)
            opens_paragraph = not text[doc.paragraphs[paragraph]:span.start - 1].strip()
            # '"…," he stressed. "…"': a quote right after the cue of the one before goes on with it
            follows_cue = last_frame is not None and bool(
                _ONLY_A_STOP.fullmatch(text, last_frame[0], span.start - 1))
            if last_speaker and opens_paragraph and paragraph - last_speaker[0] <= CONTINUATION_PARAGRAPHS:
                previous = last_speaker[1]
                speaker = Speaker(previous.text, previous.start, previous.end, previous.name,
                                  previous.code, "continuation")
            elif follows_cue and last_frame is not None:
                previous = last_frame[1]
                speaker = Speaker(previous.text, previous.start, previous.end, previous.name,
                                  previous.code, "continuation")
            elif not opens_paragraph:
                i += 1
                continue
        elif _is_term(doc, span) and words < MIN_STATEMENT_WORDS:
            i += 1
            continue
        if speaker is not None:
            speaker = role_speaker(doc, speaker)
            if is_person_speaker(speaker) or speaker.resolved_by != "continuation":
                last_speaker = (doc.paragraph_of(span.end), speaker)
        last_frame = (frame_end, speaker) if found_after and speaker is not None else None
        sentence = doc.sentence_at(cue[0]) if cue else doc.sentence_at(span.start)
        date = doc.date_of(sentence.start, sentence.end, parts, cue[0] if cue else None) if sentence \
            else doc.published
        parts = [trim_comma(text, a, b) for a, b in parts]
        words = " ".join(text[a:b] for a, b in parts)
        quotes.append(Quote(parts[0][0], parts[-1][1], words, "direct", tuple(parts), cue, speaker, date))
        i += 1
    return quotes
