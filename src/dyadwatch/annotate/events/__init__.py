"""Events: who did what to whom, and when — one EventMention per trigger with actors around it.

For each sentence that holds a trigger (kb/events/triggers.yaml) and an actor (the actor layer):
- the **source** is the nearest actor before the trigger in its clause, with actors coordinated
  with it ("Russia and China agreed"); in the passive ("was authorized by X") it is X;
- the **target** is the actor after one of the trigger's prepositions ("talks with", "aid to",
  "a ban on") or, for a transitive verb, its object;
- a reporting frame ("Peskov said Moscow …", "…, the ministry said", "according to X") gives
  `reported_by` and keeps the reporter out of the source when the clause names another actor;
- negation, future and hypothetical cues before the trigger, and a question mark, set the flags.
  A negated agreement is a rejection; promised cooperation is AGREE (as PLOVER codes it);
- the date is the clause's own time expression, else the last date given before, else the
  publication date;
- with the optional dependency parser (`..parse`, `DYADWATCH_PARSER=1`), the subject, agent,
  object and prepositional phrases of the trigger choose source and target where they name
  actors, in sentences with two actors and a trigger; the rules above decide the rest.

This module codes one trigger (`_event`) and keeps each sentence's happenings (`find_events`);
the parts live beside it: `triggers` (finding triggers, event nouns), `roles` (source and
target), `speech` (reporting frames, demands, trailing speech acts), `clauses` (main versus
background triggers), `flags` (negation and modality cues, recoded categories), `dating` and
`summaries`; `lexicon` loads kb/events/triggers.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from ...model import Actor, EventMention, PartialDate, Sentence, Timex
from .. import parse
from ..actors.kb import KnowledgeBase, knowledge_base
from ..dateline import dateline_end
from .clauses import _after_main_verb, _subordinate, _without_complements, _without_repeats
from .dating import _after_publication, _date_of, _event_date
from .flags import cues, recode
from .lexicon import EventLexicon, event_lexicon
from .lowered import Folded, lowered
from .roles import (
    _LATE_AGENT,
    _PRONOUN_SUBJECT,
    _antecedent,
    _clause_subject,
    _coordinated_after,
    _coordinated_before,
    _dependent_verb,
    _distinct,
    _giver_and_recipient,
    _locative,
    _object_target,
    _parsed_roles,
    _place_after,
    _purpose_after_phrase,
    _skip_apposition,
    _subject_scan,
    _target,
    _without_complements_of_the_subject,
    _without_noun_modifiers,
)
from .speech import _DIRECTIVE_THAT, _demands, _reporting, _trailing_speech
from .summaries import _clause_tail, _summary, _summary_start
from .triggers import _anaphoric, _Found, _in_name, _is_heading, _nominal, _occasion, _ruled_out, _triggers

__all__ = ["find_events"]

DOMESTIC_BY_DEFAULT = frozenset({"PROTEST", "COERCE", "ASSAULT"})
_VERB_BETWEEN = re.compile(
    r"(?i:\b(?:\w+ed|sent|sends|gave|give|gives|offered|made|makes|paid)\b)")
_PASSIVE_AUX = Folded(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$")
_PASSIVE_NOUN = Folded(r"\b(?:was|were|been|being|be|is|are)\s+(?:put|placed|taken)\s+(?:under|into)\s+$")
_IN_CONDITION = Folded(r"\b(?:if|unless)\s+[^,;:.]*$")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s")
_BREAK_CHARACTER = re.compile("[;:–—]")  # a sentence without one has no _CLAUSE_BREAK
_BY_AGENT = re.compile(r"\s+by\s+")
_TO_AFTER = re.compile(r"\s+to\b")
# a predicate of its own between an actor and a later verb: the actor is not that verb's subject
_PREDICATE_BETWEEN = re.compile(
    r",\s*(?:are|is|was|were|remain|remains|remained)\b[^,;]*,?\s+(?:and|or|but)\s")
# Whether a sentence can hold what a search before each trigger looks for: the words of
# _DIRECTIVE_THAT and _IN_CONDITION in the lower-cased sentence, and the modals of a demand. Each
# holds wherever its search can match (these searches ignore case; text that lower-casing would
# change for them, `lowered` gives None, holds anything), so a sentence without them skips the
# searches.
_DIRECTIVE_WORDS = ("demand", "insist", "urg", "call", "request")
_CONDITION_WORDS = ("if", "unless")
_ANY_DEONTIC = re.compile(r"\s(?:must|should|ought\s+to|has\s+to|have\s+to|needs?\s+to)\b")


def _may_hold(low: tuple[str, int] | None, words: tuple[str, ...]) -> bool:
    if low is None:
        return True
    lower = low[0]
    for word in words:  # noqa: SIM110 - a loop is twice as fast as any() over a generator
        if word in lower:
            return True
    return False


def find_events(
    text: str,
    sentences: Sequence[Sentence],
    actors: Sequence[Actor],
    timexes: Sequence[Timex],
    published: PartialDate | None = None,
    lexicon: EventLexicon | None = None,
    kb: KnowledgeBase | None = None,
    parser: bool | None = None,
) -> list[EventMention]:
    """Event mentions of a document; `kb` is the actor knowledge base the actors came from (it
    also names subjects and objects the actor layer leaves out). `parser` uses the shipped
    dependency parser on sentences with two actors and a trigger (default: `parse.enabled()`;
    without spaCy or the model, token rules only)."""
    lexicon = lexicon or event_lexicon()
    kb = kb or knowledge_base()
    events: list[EventMention] = []
    running: tuple[str, str] | None = None
    candidates: list[tuple[Sentence, list[Actor], list[_Found]]] = []
    publication = (published.iso(), published.precision) if published is not None else None  # once
    published_iso = publication[0] if publication is not None else None
    actors_in = _by_start(actors)
    for sentence in sentences:
        if _is_heading(sentence.text):
            continue
        in_sentence = actors_in(sentence.start, sentence.end)
        triggers = [f for f in _triggers(text, sentence, lexicon)
                    if not _inside_an_actor(f, in_sentence) and not _in_name(text, sentence, f)
                    and not _occasion(text, f) and not _anaphoric(text, f) and not _ruled_out(text, f)] \
            if in_sentence else []  # a trigger inside a name: "Egyptian demonstrators"
        if triggers and lexicon.noun_modifiers:
            in_sentence = _without_noun_modifiers(text, in_sentence, triggers, lexicon.noun_modifiers,
                                                  lexicon.recipient_verbs)
        candidates.append((sentence, in_sentence, triggers))
    use_parser = parse.enabled() if parser is None else parser
    parsed = parse.parse(text, [(s.start, s.end) for s, a, f in candidates if len(a) >= 2 and f]) \
        if use_parser else {}
    dated_in = _by_start([t for t in timexes
                          if t.type in ("DATE", "TIME") and _date_of(t.value.split("T")[0])])
    for sentence, in_sentence, triggers in candidates:
        dated = dated_in(sentence.start, sentence.end)
        if dated:  # a dateline's date is the filing's: "MOSCOW, March 4 — … on Monday" happened on Monday
            words_start = dateline_end(text, sentence.start, sentence.end)
            dated = [t for t in dated if t.start >= words_start]
        narrated = [t for t in dated if not _after_publication(t.value, published_iso)]
        # an event needs a trigger, a demand ("X said Y must …") a modal, and both an actor
        if in_sentence and (triggers or _ANY_DEONTIC.search(text, sentence.start, sentence.end)):
            low = lowered(text, sentence.start, sentence.end)
            frames = _reporting(text, sentence, in_sentence, low)
            countries = frozenset({a.country for a in in_sentence if a.country})
            facts = _SentenceFacts(sentence, in_sentence, frames, dated, narrated, low, countries,
                                   tuple(sorted(countries)),
                                   _BREAK_CHARACTER.search(text, sentence.start, sentence.end) is not None)
            directive = _may_hold(low, _DIRECTIVE_WORDS)
            condition = _may_hold(low, _CONDITION_WORDS)
            seen: set[tuple] = set()  # "sent a shipment of aid to", "signs an order closing"
            found_events: list[tuple[bool, EventMention]] = []
            nominal: set[int] = set()  # where the event nouns start
            coded: list[tuple[bool, _Found, EventMention]] = []
            for found in triggers:
                if directive and _DIRECTIVE_THAT.search(
                        text, low, max(sentence.start, found.start - 120), found.start) is not None:
                    continue  # "demanded that Israel ease restrictions": asked for, not done
                if condition and _IN_CONDITION.search(
                        text, low, max(sentence.start, found.start - 60), found.start) is not None:
                    continue  # "… unless the president agrees to step down": a condition, not an act
                if found.trigger.quad == 4 and lexicon.abstract_targets is not None and \
                        lexicon.abstract_targets.match(text, found.end, sentence.end):
                    continue  # "China's fight against the virus": aimed at no one
                event = _event(text, facts, found, running, publication, lexicon, kb,
                               parsed.get(sentence.start))
                if event is not None:
                    coded.append((_subordinate(text, sentence, found, frames, low), found, event))
            # the same parties in one sentence: one happening, named by its first main-clause trigger
            for sub, found, event in sorted(coded, key=lambda c: c[0]):
                key = (tuple(sorted(a.code for a in event.source)),
                       tuple(sorted(a.code for a in event.target)))
                if key not in seen:
                    seen.add(key)
                    found_events.append((sub, event))
                    if _nominal(text, found, in_sentence):
                        nominal.add(found.start)
            found_events.sort(key=lambda f: f[1].trigger_start)
            main = [e for sub, e in found_events if not sub]
            chosen = _without_repeats(_after_main_verb(
                _without_complements(text, main or [e for _, e in found_events]), nominal))
            demands = _demands(text, sentence, in_sentence, frames, dated, running, publication)
            demanded = {a.start for d in demands for a in d.target}
            events.extend(demands)  # the demanded act itself did not happen
            events.extend(e for e in chosen if not {a.start for a in e.source} & demanded)
        if narrated:  # "bars entry starting from Thursday" does not move the story to Thursday
            running = _date_of(narrated[-1].value.split("T")[0])
    return events


def _inside_an_actor(found: _Found, actors: list[Actor]) -> bool:
    for actor in actors:  # noqa: SIM110 - a loop is twice as fast as any() over a generator
        if actor.start <= found.start and found.end <= actor.end:
            return True
    return False


_T = TypeVar("_T", Actor, Timex)


def _by_start(items: Sequence[_T]) -> Callable[[int, int], list[_T]]:
    """A function giving the items that start in [start, end), in their order: by bisection when they
    are in order of start (as the layers give them), else by a scan."""
    starts = [item.start for item in items]
    if all(a <= b for a, b in pairwise(starts)):
        ordered = list(items)  # a slice of a list is a new list
        return lambda start, end: ordered[bisect_left(starts, start):bisect_left(starts, end)]
    return lambda start, end: [item for item in items if start <= item.start < end]


def _announced_by_subject(text: str, found: _Found, lexicon: EventLexicon) -> bool:
    """"Russia notified China … of its decision to temporarily restrict …": the infinitive of a
    decision the possessive gives to the clause subject (`lexicon.own_intent`)."""
    return found.trigger.pos == "verb" and lexicon.own_intent is not None and \
        text.rfind(" to ", max(0, found.start - 16), found.start) >= 0 and \
        lexicon.own_intent.search(text, max(0, found.start - 60), found.start) is not None


@dataclass(frozen=True)
class _SentenceFacts:
    """What the triggers of one sentence share, found once for them all."""

    sentence: Sentence
    actors: list[Actor]
    frames: list[tuple[int, int, Actor]]  # reporting frames
    dated: list[Timex]  # its dates and times, after its dateline
    narrated: list[Timex]  # those not after publication
    low: tuple[str, int] | None  # the sentence `lowered`
    countries: frozenset[str]  # its actors' countries
    context: tuple[str, ...]  # the same, sorted
    breaks: bool  # whether it may hold a _CLAUSE_BREAK


def _event(text: str, facts: _SentenceFacts, found: _Found, running: tuple[str, str] | None,
           publication: tuple[str, str] | None, lexicon: EventLexicon, kb: KnowledgeBase,
           parsed: parse.Parsed | None = None) -> EventMention | None:
    """The event `found` names in the sentence of `facts`, or None; `publication` is the
    publication date's iso() and precision."""
    sentence, actors, frames, low = facts.sentence, facts.actors, facts.frames, facts.low
    trigger = found.trigger
    clause_start = sentence.start
    clause_end = sentence.end
    reporter = None
    for frame_start, frame_end, actor in frames:
        if frame_end <= found.start:
            clause_start, reporter = max(clause_start, frame_end), actor
        elif frame_start >= found.end:
            clause_end, reporter = min(clause_end, frame_start), reporter or actor
    if facts.breaks:
        for brk in _CLAUSE_BREAK.finditer(text, clause_start, found.start):
            clause_start = brk.end()
    before = _skip_apposition(text, actors, [i for i, a in enumerate(actors)
                                             if clause_start <= a.start and a.end <= found.start],
                              clause_start, found.start)
    after = [i for i, a in enumerate(actors) if found.end <= a.start and a.end <= clause_end]

    source: list[Actor] = []
    target: list[Actor] = []
    passive = (_PASSIVE_AUX.search(text, low, max(clause_start, found.start - 20), found.start) is not None
               and not text[found.start:found.end].split()[0].lower().endswith("ing")) \
        or _PASSIVE_NOUN.search(text, low, max(clause_start, found.start - 30), found.start) is not None
    if before and text.find(",", actors[before[-1]].end, found.start) >= 0 and \
            _PREDICATE_BETWEEN.search(text, actors[before[-1]].end, found.start):
        before = []  # "the steps do not mean a halt … between the two countries, are temporary, and will …"
    by_agent = passive and _BY_AGENT.match(text, found.end, found.end + 6) is not None
    agent = next((i for i in after if _LATE_AGENT.search(text, max(found.end, actors[i].start - 30),
                                                          actors[i].start)), None) if passive else None
    agentless = False
    if passive and by_agent and after:
        source = _coordinated_after(text, actors, after[0], clause_end)
        if before:
            target = _coordinated_before(text, actors, before[-1], clause_start)
    elif passive and agent is not None and before:
        # "X has been accused of misusing funds, …, by government officials": the agent after the complement
        source = _coordinated_after(text, actors, agent, clause_end)
        if before:
            target = _coordinated_before(text, actors, before[-1], clause_start)
    elif passive and not by_agent and before and not _TO_AFTER.match(text, found.end, found.end + 4):
        # "a journalist was arrested in Lebanon": the subject is the target; the state where it
        # happened acts, else (a domestic act) the subject's own state
        agentless = True
        target = _coordinated_before(text, actors, before[-1], clause_start)
        place = _place_after(text, actors, after, found.end)
        first = place or (target[0] if trigger.category in DOMESTIC_BY_DEFAULT else None)
        if first is not None and first.country:
            source = [Actor(first.start, first.end, first.text, first.country, first.country, None,
                            first.name, resolved_from=first.start)]
    else:
        before = _without_complements_of_the_subject(
            text, actors, [i for i in before if not _locative(text, actors[i], clause_start, low)])
        purpose = _purpose_after_phrase(text, found, actors, before, clause_start)
        if before and (purpose or _dependent_verb(text, found, clause_start, low) or _PRONOUN_SUBJECT.search(
                text, low, max(actors[before[-1]].end, found.start - 40), found.start) is not None
                or _announced_by_subject(text, found, lexicon)):
            # a participle, a joined verb, an unresolved pronoun ("… and said they also opposed"), an
            # infinitive of purpose ("sent experts to Bosnia to investigate") or of the subject's own
            # decision ("notified China of its decision to restrict …") takes the clause's subject
            source = _clause_subject(text, actors, before, clause_start, found, reporter)
        elif before:
            source = _coordinated_before(text, actors, before[-1], clause_start)
        target, landing = _target(text, found, trigger, actors, after, clause_end, low, kb)
        if purpose and not target and actors[before[-1]] not in source:
            target = [actors[before[-1]]]  # where the purpose is carried out: "to Bosnia … to investigate"
        if landing and source:  # a group named by nationality in the object comes first
            nearer = _object_target(text, found, clause_end, source, kb)
            if nearer and nearer[0].start < target[0].start:
                target = nearer
        given = _giver_and_recipient(text, found, actors, before, clause_start, lexicon) if before else None
        if given is not None:  # "provided Russia a batch of supplies", "sent Xi a message that offered …"
            source, target = given
        elif trigger.pos == "noun" and not target and source and before:
            subject = _coordinated_after(text, actors, before[0], found.start)
            if subject[0] is not source[0] and _VERB_BETWEEN.search(text, subject[-1].end, source[0].start):
                # "Putin sent President Xi a message": the noun's giver is the clause's subject
                source, target = subject, source
    speaker_from = _trailing_speech(text, sentence, found)
    if speaker_from is not None:  # "…, a rights group charged on Saturday": that phrase speaks
        speakers = [i for i, a in enumerate(actors) if speaker_from <= a.start and a.end <= found.start]
        source = _coordinated_before(text, actors, speakers[-1], speaker_from) if speakers \
            else _subject_scan(text, speaker_from, found.start, kb)
        if not source:
            return None
        spoken_of = [i for i, a in enumerate(actors) if sentence.start <= a.start and a.end < speaker_from]
        target = _coordinated_after(text, actors, spoken_of[0], speaker_from) if spoken_of else []
    if parsed is not None:  # the parse, where it names actors, overrides the token rules
        parsed_source, parsed_target = _parsed_roles(parsed, found, actors)
        if parsed_source:
            source = parsed_source
            agentless = False
        if parsed_target:
            target = parsed_target
    if not source and reporter is None and not agentless:
        source = _subject_scan(text, clause_start, found.start, kb)
    if not source and reporter is not None and (reporter.end <= found.start
                                                 or facts.countries == {reporter.country}):
        source = [reporter]  # "Peskov said it would …"; a trailing "…, the embassy said" only at home
    if not target and source and not passive:
        target = _object_target(text, found, clause_end, source, kb)
    others = facts.countries - {a.country for a in source}
    if not target and source and trigger.category in DOMESTIC_BY_DEFAULT and not others and source[0].country:
        first = source[0]  # a protest, arrest or attack with no foreign party is domestic
        target = [Actor(first.start, first.end, first.text, first.country, first.country, None, first.name,
                        resolved_from=first.start)]
    source = _distinct([a for a in source if a is not reporter or len(source) == 1])
    target = [a for a in _distinct(target) if all(a.code != s.code or a.start != s.start for s in source)]
    if not source or any(s.text.lower() in ("he", "she") and t.text.lower() in ("him", "her")
                         and t.start > s.end and _antecedent(s, actors) == _antecedent(t, actors)
                         for s in source for t in target):
        return None  # "he … welcome him" resolved to one person: a pronoun object is not its subject

    negated, modality = cues(text, sentence, found, clause_start, lexicon)
    category, cameo, goldstein, quad, negated = recode(text, found, clause_start, clause_end, negated,
                                                       modality, complaint=speaker_from is not None)

    # what has happened happened by publication: a later date is a plan's
    dated = facts.narrated if modality is None else facts.dated
    date, precision, anchor = _event_date(dated, found.start, running, publication)

    # the summary opens with the first party named: in an agentless passive the target, its subject
    first = min([*source, *target] if agentless else source, key=lambda a: a.start)
    span_start = found.start if found.start < first.start \
        else _summary_start(text, first.start, first.end, found.start,
                            clause_start if first.start >= clause_start else sentence.start)  # a reporter
    span_end = max([found.end, *(a.end for a in target)])
    return EventMention(
        start=sentence.start, end=sentence.end, trigger_start=found.start, trigger_end=found.end,
        trigger_text=text[found.start:found.end], source=tuple(source), target=tuple(target),
        plover=category, mode=trigger.mode, cameo=cameo, quad=quad, intensity=goldstein,
        date=date, date_precision=precision, date_anchor=anchor, negated=negated, modality=modality,
        reported_by=reporter, summary=_summary(text, span_start, _clause_tail(text, span_end, clause_end),
                                               dated),
        reciprocal=trigger.reciprocal,
        context=facts.context,
    )
