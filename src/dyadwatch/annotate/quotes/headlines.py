"""Statements a headline credits. Headlines leave out the cue or put the speaker next to a colon:
"China Says Russia's Entry Ban Is Understandable", "'Not only Chinese people visit the
Kremlin': Peskov rejects claims", "China expects Russia to adjust restrictions early: FM
spokesperson", "Lavrov: No talks without guarantees". Offsets are the title's; every quote has
`field="title"`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...model import Actor, PartialDate, Quote, Sentence, Speaker
from . import find_quotes, speaker_of
from .cues import Cues, default_cues
from .speakers import role_holder

_AFTER_QUOTE = re.compile(r"[’'\"”]?\s*(?P<mark>[:–—-])\s+")  # "'…': Peskov rejects …", "'…' - Peskov"
_TRAILING_SPEAKER = re.compile(r":\s+(?P<speaker>[^:]{2,40})$")  # "… early: FM spokesperson"
MAX_SPEAKER_WORDS = 4


def find_headline_quotes(title: str, actors: Sequence[Actor], published: PartialDate | None,
                         cues: Cues | None = None, body_actors: Sequence[Actor] = ()) -> list[Quote]:
    """`body_actors`, the actors of the text under the title, name a role the headline gives
    without a name ("…: FM spokesperson" is the spokesperson the text names first)."""
    cues = cues or default_cues()
    sentence = [Sentence(0, len(title), title)]  # a headline is one sentence, however it is punctuated
    found = [_speaker_after_colon(title, q, actors)
             for q in find_quotes(title, sentence, actors, (), published, cues)]
    if not found:
        found = _statement_before_colon(title, actors, published, cues) or \
            _statement_after_colon(title, actors, published)
    found = [_named_in_body(q, body_actors) for q in found]
    return [replace(q, field="title") for q in found]


def _named_in_body(quote: Quote, body_actors: Sequence[Actor]) -> Quote:
    speaker = quote.speaker
    if speaker is None or (speaker.name and speaker.name != speaker.code):
        return quote
    named = role_holder(speaker, sorted(body_actors, key=lambda a: a.start))
    return quote if named is speaker else replace(quote, speaker=named)


_LEADING_SPEAKER = re.compile(r"^(?P<speaker>[^:]{2,40}?):\s+(?P<words>.+)$")  # "Lavrov: West is …"


def _statement_after_colon(title: str, actors: Sequence[Actor], published: PartialDate | None
                           ) -> list[Quote]:
    """"Peskov: No discrimination against Chinese citizens": the actor before the colon says the
    rest (a topic before the colon, "Coronavirus: …", names no actor and gives nothing)."""
    match = _LEADING_SPEAKER.match(title)
    if match is None or len(match["speaker"].split()) > MAX_SPEAKER_WORDS or len(match["words"].split()) < 3:
        return []
    actor = next((a for a in actors if a.end == match.end("speaker") and a.code), None)
    if actor is None:
        return []
    start, end = match.start("words"), len(title.rstrip())
    date = published.iso() if published else None
    return [Quote(start, end, title[start:end], "indirect", ((start, end),),
                  (match.end("speaker"), match.end("speaker") + 1, ":"),
                  speaker_of(actor), date)]


def _speaker_after_colon(title: str, quote: Quote, actors: Sequence[Actor]) -> Quote:
    """A quoted headline with no cue: the speaker is the actor right after a colon or dash."""
    if quote.speaker is not None or quote.kind != "direct":
        return quote
    gap = _AFTER_QUOTE.match(title, quote.end)
    actor = next((a for a in actors if gap and a.start == gap.end()), None)
    if actor is None:
        return quote
    cue = (gap.start("mark"), gap.end("mark"), gap["mark"])  # type: ignore[union-attr]
    return replace(quote, cue=cue, speaker=speaker_of(actor))


def _statement_before_colon(title: str, actors: Sequence[Actor], published: PartialDate | None,
                            cues: Cues) -> list[Quote]:
    """"China expects Russia to adjust restrictions early: FM spokesperson": the words before the
    colon are the speaker's, as reported."""
    match = _TRAILING_SPEAKER.search(title)
    if match is None or len(match["speaker"].split()) > MAX_SPEAKER_WORDS:
        return []
    start, end = match.start("speaker"), match.end("speaker")
    in_tail = [a for a in actors if start <= a.start and a.end <= end]
    if not in_tail and not cues.headline_speaker.search(match["speaker"]):
        return []
    actor = in_tail[-1] if in_tail else None
    speaker = speaker_of(actor) if actor else Speaker(match["speaker"].strip(), start, end)
    body_start = len(title) - len(title.lstrip())
    body_end = len(title[:match.start()].rstrip())
    if len(title[body_start:body_end].split()) < 3:
        return []
    date = published.iso() if published else None
    return [Quote(body_start, body_end, title[body_start:body_end], "indirect", ((body_start, body_end),),
                  (match.start(), match.start() + 1, ":"), speaker, date)]
