"""Who speaks: the actor next to a cue verb (before it or, inverted, after it), a role such as
"the spokesman" read as the last person who held it, and "he"/"she" as the person quoted last."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...model import Actor, Quote, Speaker
from .document import STOP, Doc, word_count

SUBJECT_GAP_WORDS = 4     # words allowed between a speaker and its verb ("Peskov on Wednesday said")
CONTINUATION_PARAGRAPHS = 2

_GAP_OK = re.compile(r"^[\s,]*(?:(?:side|also|later|then|further|again|earlier|separately|repeatedly|"
                     r"has|had|have|reportedly|once|previously|on|in|at|this|last|the|same|day|"
                     r"morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|"
                     r"sunday|week|month|year|\d+)[\s,]+)*$", re.IGNORECASE)
_PASSIVE_OR_RELATIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|what|which|whom?)\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:what|which|who|whom|that)\s+$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?=\s)")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
_PERSONAL = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_ROLE_HEADS = ("spokes", "minister", "president", "premier", "secretary", "ambassador", "envoy",
               "chancellor", "chairman", "leader", "diplomat", "adviser", "advisor", "general",
               "commander", "governor", "mayor", "director", "official", "chief")


def speaker_of(actor: Actor) -> Speaker:
    """The speaker an actor mention names, as written and resolved."""
    return Speaker(actor.text, actor.start, actor.end, actor.name, actor.code)


def _speaker(doc: Doc, actor: Actor | None, start: int, end: int) -> Speaker | None:
    if actor is not None:
        return speaker_of(actor)
    written = doc.text[start:end].strip(" ,")
    if not written or word_count(written) > 6:
        return None
    offset = start + doc.text[start:end].index(written)
    return Speaker(written, offset, offset + len(written))


def best_actor(candidates: list[Actor]) -> Actor | None:
    """Of the actors in a speaker phrase, the person if there is one ("Kremlin spokesman Dmitry
    Peskov"), else the last one."""
    if not candidates:
        return None
    people = [a for a in candidates if a.name and a.role]
    return (people or candidates)[-1]


def subject_before(doc: Doc, verb_start: int, floor: int) -> Speaker | None:
    """The speaker that ends right before a cue verb: "Peskov said", "the ministry's spokeswoman
    told", "Peskov, the Kremlin spokesman, said"."""
    region = doc.text[floor:verb_start]
    if _ends_passive_or_relative(region):
        return None
    candidates = doc.actors_in(floor, verb_start)
    if candidates:
        last = candidates[-1]
        if _RELATIVE_BEFORE.search(doc.text[max(floor, last.start - 12):last.start]):
            return None  # "what it said was a letter"
        gap = doc.text[last.end:verb_start]
        place = _PLACE_AFTER.match(gap)  # "China's embassy in Moscow said"
        if place and _GAP_OK.match(gap[place.end():]) and word_count(gap) <= SUBJECT_GAP_WORDS + 2:
            gap = gap[place.end():]
        if _GAP_OK.match(gap) and word_count(gap) <= SUBJECT_GAP_WORDS:
            phrase = [a for a in candidates if a.start >= last.start - 60 and
                      not STOP.search(doc.text, a.end, last.start) and "," not in doc.text[a.end:last.start]]
            return _group(doc, phrase) or _speaker(doc, best_actor(phrase), 0, 0)
        if gap.strip().startswith(",") and gap.rstrip().endswith(","):  # an appositive
            appositive = gap.strip()[1:-1]
            if word_count(appositive) <= 8 and not STOP.search(appositive):
                return _speaker(doc, last, 0, 0)
    words = region.split()
    if not 1 <= len(words) <= 5:
        return None  # too long for a group's name ("The two leaders") or a speaker as written
    written = " ".join(words)
    group_named = 2 <= len(words) <= 5 and doc.cues.group_speaker.fullmatch(written)  # "The leaders noted"
    if group_named or (written.lower() == "they" and _group_before(doc, floor)):  # "…. They underlined"
        offset = floor + region.index(words[0])
        group = _named_group(doc, Speaker(written, offset, offset + len(written)))
        if group:
            return group
    named = _PRONOUN.match(written) or written[:1].isupper() or \
        written.lower().startswith(("the ", "a ", "an "))
    if 1 <= len(words) <= 3 and not STOP.search(region) and named:
        return _speaker(doc, None, floor, verb_start)
    return None


def _ends_passive_or_relative(region: str) -> bool:
    """_PASSIVE_OR_RELATIVE.search(region), tried only where a match can start: its word ends
    where the region's trailing space begins and is at most five letters long."""
    return _PASSIVE_OR_RELATIVE.search(region, max(0, len(region.rstrip()) - 5)) is not None


def _group(doc: Doc, phrase: list[Actor]) -> Speaker | None:
    """A speaker naming both parties: one mention the Actors layer reads as both ("Both
    presidents", "the two sides": two actors on one span), or two joined by "and" ("Putin and
    Xi"). Each side is recorded in doc.groups; the first side's speaker is returned."""
    if not phrase:
        return None
    last = phrase[-1]
    same_span = doc.actors_on(last.start, last.end)
    if len({a.country for a in same_span}) >= 2:
        written = Speaker(last.text, last.start, last.end)
        sides = [_side(doc, written, a) for a in same_span]
    else:
        joined = [a for a in phrase if a.end <= last.start and doc.text[a.end:last.start].strip() == "and"]
        if not joined or joined[-1].code == last.code:
            return None
        first = joined[-1]
        text = doc.text[first.start:last.end]
        sides = [replace(speaker_of(a), text=text, start=first.start, end=last.end) for a in (first, last)]
    doc.groups[(sides[0].start, sides[0].end)] = sides
    return sides[0]


def _side(doc: Doc, written: Speaker, side: Actor) -> Speaker:
    """One side of a group speaker: the person of that country whose role the group's words name
    ("Both presidents": the last President named before), else the side as the Actors layer has it."""
    as_side = Speaker(written.text, written.start, written.end, side.name, side.code, "group")
    people = [a for a in reversed(doc.actors) if a.start < written.start and a.country == side.country]
    named = role_holder(as_side, people, doc.cues.leader_roles)
    return as_side if named is as_side else replace(named, resolved_by="group")


def _group_before(doc: Doc, offset: int) -> bool:
    """Does the sentence before `offset`, in its paragraph, open with a group of both parties
    ("The leaders held talks. They underlined …")?"""
    before = [s for s in doc.all_sentences if s.end <= offset]
    if not before or doc.paragraph_of(before[-1].start) != doc.paragraph_of(offset):
        return False
    opening = before[-1].text.lstrip()
    start = before[-1].start + len(before[-1].text) - len(opening)
    first = doc.actor_starting_at(start)
    pair = doc.actors_on(first.start, first.end) if first else []
    return bool(doc.cues.group_speaker.match(opening)) or len({a.country for a in pair}) >= 2


def _named_group(doc: Doc, written: Speaker) -> Speaker | None:
    """A group speaker the Actors layer leaves unresolved ("The leaders"): the last two countries
    named before, each side by _side."""
    sides: dict[str, Actor] = {}
    for actor in reversed(doc.actors):
        if actor.start >= written.start or not actor.country or actor.country in sides or \
                actor.country in ("IGO", "NGO", "IMG") or actor.sector == "MED":
            continue
        sides[actor.country] = actor
        if len(sides) == 2:
            break
    if len(sides) < 2:
        return None
    found = [_side(doc, written, a) for a in reversed(list(sides.values()))]
    doc.groups[(written.start, written.end)] = found
    return found[0]


def subject_after(doc: Doc, verb_end: int, ceiling: int) -> Speaker | None:
    """The speaker of an inverted cue: "said Peskov", "said the Kremlin spokesman"."""
    region = doc.text[verb_end:ceiling]
    stop = re.search(r"[,.;:!?]|\bthat\b|\bin\b|\bon\b|\bat\b|\bduring\b", region)
    region_end = verb_end + (stop.start() if stop else len(region))
    candidates = doc.actors_in(verb_end, region_end)
    if candidates:
        first = candidates[0]
        if word_count(doc.text[verb_end:first.start]) <= 3:
            return _speaker(doc, best_actor(candidates), 0, 0)
    written = doc.text[verb_end:region_end]
    if 1 <= word_count(written) <= 5:
        return _speaker(doc, None, verb_end, region_end)
    return None


def role_speaker(doc: Doc, speaker: Speaker) -> Speaker:
    """'the spokesman' with no name: the last person named before it whose role has that word."""
    if speaker.name and speaker.name != speaker.code:
        actor = doc.actor_starting_at(speaker.start)
        if actor is None or actor.role or actor.kb_id:
            return speaker
    return role_holder(speaker, doc.actors_before(speaker.start), doc.cues.leader_roles)


def role_holder(speaker: Speaker, people: Sequence[Actor], leader_roles: Sequence[str] = ()) -> Speaker:
    """The speaker resolved to the first of `people` whose role has the head word of the speaker's
    words ("the Kremlin spokesman", "FM spokesperson"), in the speaker's country if it has one;
    "leader" stands for any of `leader_roles` ("president", "premier")."""
    words = speaker.text.lower().split()
    head = next((h for w in reversed(words) for h in _ROLE_HEADS if w.startswith(h)), None)
    if head is None:
        return speaker
    country = speaker.code[:3] if speaker.code else None
    for actor in people:
        if not actor.name or not actor.role:
            continue
        role = actor.role.lower()
        fits = head in role or (head == "spokes" and "press secretary" in role) or \
            (head == "leader" and any(r in role for r in leader_roles))
        if fits and (country is None or actor.country == country):
            return Speaker(speaker.text, speaker.start, speaker.end, actor.name, actor.code, "role")
    return speaker


def is_person_speaker(speaker: Speaker | None) -> bool:
    return speaker is not None and (speaker.name is not None or speaker.code is not None)


def groups_expanded(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """A quote whose speaker names both parties, once for each side (same words, same span)."""
    out: list[Quote] = []
    for quote in quotes:
        speaker = quote.speaker
        sides = doc.groups.get((speaker.start, speaker.end)) if speaker is not None else None
        if sides and speaker is not None and speaker.code == sides[0].code:
            out.extend(replace(quote, speaker=side) for side in sides)
        else:
            out.append(quote)
    return out


def pronouns_resolved(doc: Doc, quotes: list[Quote]) -> list[Quote]:
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
