"""Reported speech: reporting frames ("Peskov said …", "…, the ministry said", "according to X"),
demands in reported speech ("X said Y must …"), directives whose act is only asked for, and
speech acts that close a sentence ("…, a rights group charged")."""

from __future__ import annotations

import re

from ...model import Actor, EventMention, Sentence, Timex
from .dating import _event_date
from .lowered import Folded, case_sensitive
from .roles import _coordinated_after
from .summaries import _clause_tail, _summary
from .triggers import _Found

_REPORTING_VERB = (
    r"\b(?:said|says|say|told|added|stated|noted|stressed|reported|claimed|insisted|confirmed|"
    r"declared|explained|warned|wrote|announced|reiterated|concluded|argued|emphasi[sz]ed|asserted|"
    r"maintained|affirmed)\b")
REPORTING_VERBS = re.compile(f"(?i:{_REPORTING_VERB})")
_REPORTING_VERBS_LOWERED = case_sensitive(_REPORTING_VERB)
# "X said Y must …": a deontic modal in reported speech is a demand from the speaker to Y.
_DEONTIC_AFTER = re.compile(r"(?:\s+(?:and\s+)?[\w'’-]+){0,4}?\s+"
                            r"(?:must|should|ought\s+to|has\s+to|have\s+to|needs?\s+to)\b")
DEMAND_CAMEO, DEMAND_GOLDSTEIN = "100", -5.0
_BEFORE_REPORTING_VERB = re.compile(  # "Thai military sources said", "the Russian side said", "has also said"
    r"(?:\s+(?:sources|officials|spokesman|spokeswoman|spokesperson|authorities|officers|media|radio|"
    r"television|side))?[\s,]*(?:(?:has|had|also|later|here|on\s+\w+day|\w+day)\s+)*")
_ACCORDING_TO = re.compile(r"(?i:\baccording\s+to\s+)$")
_DIRECTIVE_THAT = Folded(
    r"\b(?:demand|demands|demanded|demanding|insist|insists|insisted|insisting|urge|urges|urged|"
    r"urging|call|calls|called|calling|request|requests|requested|requesting)\b[^.;:]{0,60}?\bthat\s"
    r"[^.;:,]*$")


def _reporting(text: str, sentence: Sentence, actors: list[Actor],
               low: tuple[str, int] | None) -> list[tuple[int, int, Actor]]:
    """(frame start, frame end, reporter) for "X said", ", X said", "said X", "according to X";
    `low` is the sentence `lowered`."""
    frames = []
    verbs = [m.span() for m in REPORTING_VERBS.finditer(text, sentence.start, sentence.end)] if low is None \
        else [(m.start() + low[1], m.end() + low[1])
              for m in _REPORTING_VERBS_LOWERED.finditer(low[0], sentence.start - low[1])]
    for start, end in verbs:
        before = next((a for a in reversed(actors)  # the last actor the verb may follow
                       if a.end <= start and _BEFORE_REPORTING_VERB.fullmatch(text, a.end, start)), None)
        if before is not None:
            frames.append((before.start, end, before))
            continue
        after = next((a for a in actors if a.start >= end and not text[end:a.start].strip()), None)
        if after is not None:
            frames.append((start, after.end, after))
    if low is not None and "according" not in low[0]:
        return frames
    for actor in actors:
        if _ACCORDING_TO.search(text, max(sentence.start, actor.start - 20), actor.start):
            frames.append((actor.start - len("according to "), actor.end, actor))
    # in text order, so that the frame nearest before a trigger reports it: "According to Geng, the
    # Russian side said …" is the Russian side's word
    return sorted(frames, key=lambda frame: frame[:2])


_TRAILING_SPEAKER = re.compile(  # ", a human rights group "
    r",\s+(?!(?:and|but|or|while|as|when|which|who|after|before|until|because)\b)(?:[\w'’.-]+\s+){1,6}$")
_TRAILING_REST = re.compile(  # " on Saturday.", " here Wednesday."
    r"(?i:(?:\s+(?:here|there|today|yesterday|again|(?:on|last|this)\s+\w+|\w+day))*\s*[.!]?[\"”’']?\s*)")


def _trailing_speech(text: str, sentence: Sentence, found: _Found) -> int | None:
    """Where the speaker of a speech act that closes the sentence begins: "U.S. agents abused
    migrants, a rights group charged on Saturday." The speaker is in that phrase, not before it,
    and the sentence before the comma is what it says."""
    if found.trigger.pos != "verb" or found.trigger.category not in ("ACCUSE", "PROTEST") \
            or not _TRAILING_REST.fullmatch(text, found.end, sentence.end):
        return None
    phrase = _TRAILING_SPEAKER.search(text, max(sentence.start, found.start - 80), found.start)
    return phrase.start() + 1 if phrase else None


SPEECH_ACT_QUADS = (1, 3)  # verbal cooperation and conflict: agree, request, threaten, reject …


def _demands(text: str, sentence: Sentence, actors: list[Actor], frames: list[tuple[int, int, Actor]],
             dated: list[Timex], running: tuple[str, str] | None,
             publication: tuple[str, str] | None) -> list[EventMention]:
    """"The minister said Libya must hand over the suspects" → REQUEST from the minister to Libya;
    `publication` is the publication date's iso() and precision."""
    out = []
    for _frame_start, frame_end, reporter in frames:
        for index, actor in enumerate(actors):
            if actor.start < frame_end or actor is reporter:
                continue
            modal = _DEONTIC_AFTER.match(text, actor.end)
            if modal is None or modal.end() > sentence.end:
                continue
            targets = _coordinated_after(text, actors, index, modal.start() + len(modal.group(0)))
            trigger_start = modal.end() - len(modal.group(0).split()[-1])
            date, precision, anchor = _event_date(dated, trigger_start, running, publication)
            out.append(EventMention(
                start=sentence.start, end=sentence.end,
                trigger_start=trigger_start, trigger_end=modal.end(),
                trigger_text=text[trigger_start:modal.end()], source=(reporter,), target=tuple(targets),
                plover="REQUEST", mode=None, cameo=DEMAND_CAMEO, quad=3, intensity=DEMAND_GOLDSTEIN,
                date=date, date_precision=precision, date_anchor=anchor, reported_by=reporter,
                summary=_summary(text, reporter.start, _clause_tail(text, modal.end(), sentence.end), dated),
                context=tuple(sorted({a.country for a in actors if a.country}))))
            break
    return out
