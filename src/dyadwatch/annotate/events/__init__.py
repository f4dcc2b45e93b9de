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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...model import Actor, EventMention, PartialDate, Sentence, Timex
from .. import parse
from ..actors.kb import NON_STATE, KnowledgeBase, knowledge_base, tokenize
from .lexicon import EventLexicon, Trigger, event_lexicon

__all__ = ["find_events"]

REPORTING_VERBS = re.compile(
    r"(?i:\b(?:said|says|say|told|added|stated|noted|stressed|reported|claimed|insisted|confirmed|"
    r"declared|explained|warned|wrote|announced|reiterated|concluded|argued|emphasi[sz]ed|asserted|"
    r"maintained|affirmed)\b)")
# "X said Y must …": a deontic modal in reported speech is a demand from the speaker to Y.
_DEONTIC_AFTER = re.compile(r"(?:\s+(?:and\s+)?[\w'’-]+){0,4}?\s+"
                            r"(?:must|should|ought\s+to|has\s+to|have\s+to|needs?\s+to)\b")
DEMAND_CAMEO, DEMAND_GOLDSTEIN = "100", -5.0
DOMESTIC_BY_DEFAULT = frozenset({"PROTEST", "COERCE", "ASSAULT"})
_VERB_BETWEEN = re.compile(
    r"(?i:\b(?:\w+ed|sent|sends|gave|give|gives|offered|made|makes|paid)\b)")
_PHRASE_END = re.compile(r"[,;]|\s(?:which|who|after|as|while|saying|amid)\s")
_BEFORE_REPORTING_VERB = re.compile(  # "Thai military sources said", "the ministry has also said"
    r"(?:\s+(?:sources|officials|spokesman|spokeswoman|spokesperson|authorities|officers|media|radio|"
    r"television))?[\s,]*(?:(?:has|had|also|later|here|on\s+\w+day|\w+day)\s+)*")
_ACCORDING_TO = re.compile(r"(?i:\baccording\s+to\s+)$")
_COORDINATION_GAP = re.compile(r"\s*(?:,\s*|,?\s+and\s+)")
_PASSIVE_AUX = re.compile(r"(?i:\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?)$")
_DIRECTIVE_THAT = re.compile(
    r"(?i:\b(?:demand|demands|demanded|demanding|insist|insists|insisted|insisting|urge|urges|urged|"
    r"urging|call|calls|called|calling|request|requests|requested|requesting)\b[^.;:]{0,60}?\bthat\s"
    r"[^.;:,]*)$")
_PASSIVE_NOUN = re.compile(
    r"(?i:\b(?:was|were|been|being|be|is|are)\s+(?:put|placed|taken)\s+(?:under|into)\s+)$")
_PLACE_GAP = re.compile(r"(?i:^[^,;]*\b(?:in|inside)\s+(?:[\w'’-]+\s+){0,5}$)")
# "The Chinese consulate in Vladivostok urged …": a bare place after a locative preposition that
# follows a noun says where the subject is, it is not the subject (capitals there are no actors).
_LOCATIVE_PREP = re.compile(
    r"(?i:\b(?:in|at|near|inside|outside|within|across|throughout|around)\s+(?:the\s+)?)$")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s")
OBJECT_WINDOW = 60  # characters after a verb within which its object actor must start
PREP_WINDOW = 50
CONDITION_WINDOW = 20  # characters after "if" / "unless" within which a threat's addressee starts
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
SUMMARY_TAIL_WORDS = 14  # words after the source, trigger and target that a summary may keep
_DANGLING = frozenset({"and", "or", "but", "to", "of", "the", "a", "an", "in", "on", "for", "with",
                       "by", "at", "from", "that", "its", "their", "his", "her"})


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    trigger: Trigger


def _triggers(text: str, sentence: Sentence, lexicon: EventLexicon) -> list[_Found]:
    tokens = [(t, s + sentence.start, e + sentence.start) for t, s, e in tokenize(sentence.text)]
    found, i = [], 0
    while i < len(tokens):
        match = lexicon.match_at(tokens, i)
        if match:
            used, trigger = match
            if trigger is not None:  # None: a phrase that names no event ("power supply")
                found.append(_Found(tokens[i][1], tokens[i + used - 1][2], trigger))
            i += used
        else:
            i += 1
    return found


def _in_name(text: str, sentence: Sentence, found: _Found) -> bool:
    """A capitalised trigger inside the sentence is part of a name, not an act: "the UN Emergency
    Relief Coordinator", "the Rally for Democracy"."""
    if found.start == sentence.start or not text[sentence.start:found.start].strip(" \t\n\"'“‘`(["):
        return False
    words = re.findall(r"[^\W\d_]+", text[found.start:found.end])
    return bool(words) and all(w[0].isupper() for w in words) and not text[found.start:found.end].isupper()


def _reporting(text: str, sentence: Sentence, actors: list[Actor]) -> list[tuple[int, int, Actor]]:
    """(frame start, frame end, reporter) for "X said", ", X said", "said X", "according to X"."""
    frames = []
    for verb in REPORTING_VERBS.finditer(text, sentence.start, sentence.end):
        before = [a for a in actors if a.end <= verb.start()
                  and _BEFORE_REPORTING_VERB.fullmatch(text[a.end:verb.start()])]
        after = [a for a in actors if a.start >= verb.end() and not text[verb.end():a.start].strip()]
        if before:
            frames.append((before[-1].start, verb.end(), before[-1]))
        elif after:
            frames.append((verb.start(), after[0].end, after[0]))
    for actor in actors:
        if _ACCORDING_TO.search(text, max(sentence.start, actor.start - 20), actor.start):
            frames.append((actor.start - len("according to "), actor.end, actor))
    return frames


def _coordinated_before(text: str, actors: list[Actor], index: int, floor: int) -> list[Actor]:
    group = [actors[index]]
    while index > 0 and actors[index - 1].start >= floor and \
            _COORDINATION_GAP.fullmatch(text[actors[index - 1].end:group[0].start]):
        index -= 1
        group.insert(0, actors[index])
    return group


def _coordinated_after(text: str, actors: list[Actor], index: int, ceiling: int) -> list[Actor]:
    group = [actors[index]]
    while index + 1 < len(actors) and actors[index + 1].end <= ceiling and \
            _COORDINATION_GAP.fullmatch(text[group[-1].end:actors[index + 1].start]):
        index += 1
        group.append(actors[index])
    return group


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for actor in actors:
        key = (actor.start, actor.code)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _date_of(value: str) -> tuple[str, str] | None:
    match = _DATE_VALUE.match(value)
    if not match:
        return None
    _year, month, day, week = match.groups()
    if week:
        return value, "week"
    return value, "day" if day else "month" if month else "year"


def _summary(text: str, start: int, end: int, timexes: Sequence[Timex]) -> str:
    """The clause from source to target, without its date phrase, as a chronology line."""
    words = text[start:end]
    for timex in sorted((t for t in timexes if start <= t.start and t.end <= end), key=lambda t: -t.start):
        a, b = timex.start - start, timex.end - start
        words = re.sub(r"(?i:\b(?:on|in|from|since|by|during|at)\s*)$", "", words[:a]) + words[b:]
    tokens = words.replace("\n", " ").split()
    while tokens and tokens[-1].lower().strip(",;:—–-") in _DANGLING:
        tokens.pop()  # "… protecting Chinese nationals and" ends before its conjunction
    words = " ".join(tokens).strip(" ,;:—–-")
    words = re.sub(r"\s+([,.;:])", r"\1", words)
    if not words:
        return ""
    return words[0].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")


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
    for sentence in sentences:
        if _is_heading(sentence.text):
            continue
        in_sentence = [a for a in actors if sentence.start <= a.start < sentence.end]
        triggers = [f for f in _triggers(text, sentence, lexicon)
                    if not any(a.start <= f.start and f.end <= a.end for a in in_sentence)
                    and not _in_name(text, sentence, f)] \
            if in_sentence else []  # a trigger inside a name: "Egyptian demonstrators"
        candidates.append((sentence, in_sentence, triggers))
    use_parser = parse.enabled() if parser is None else parser
    parsed = parse.parse(text, [(s.start, s.end) for s, a, f in candidates if len(a) >= 2 and f]) \
        if use_parser else {}
    for sentence, in_sentence, triggers in candidates:
        dated = [t for t in timexes if sentence.start <= t.start < sentence.end
                 and t.type in ("DATE", "TIME") and _date_of(t.value.split("T")[0])]
        if in_sentence:
            frames = _reporting(text, sentence, in_sentence)
            seen: set[tuple] = set()  # "sent a shipment of aid to", "signs an order closing"
            found_events: list[tuple[bool, EventMention]] = []
            nominal: set[int] = set()  # where the event nouns start
            coded: list[tuple[bool, _Found, EventMention]] = []
            for found in triggers:
                if _DIRECTIVE_THAT.search(text, max(sentence.start, found.start - 120), found.start):
                    continue  # "demanded that Israel ease restrictions": asked for, not done
                if found.trigger.quad == 4 and lexicon.abstract_targets is not None and \
                        lexicon.abstract_targets.match(text, found.end, sentence.end):
                    continue  # "China's fight against the virus": aimed at no one
                event = _event(text, sentence, found, in_sentence, frames, dated, running, published,
                               lexicon, kb, parsed.get(sentence.start))
                if event is not None:
                    coded.append((_subordinate(text, sentence, found, frames), found, event))
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
            demands = _demands(text, sentence, in_sentence, frames, dated, running, published)
            demanded = {a.start for d in demands for a in d.target}
            events.extend(demands)  # the demanded act itself did not happen
            events.extend(e for e in chosen if not {a.start for a in e.source} & demanded)
        narrated = [t for t in dated if not _after_publication(t.value, published)]
        if narrated:  # "bars entry starting from Thursday" does not move the story to Thursday
            running = _date_of(narrated[-1].value.split("T")[0])
    return events


def _after_publication(value: str, published: PartialDate | None) -> bool:
    """A calendar date wholly after the publication date ("2020-02-20" in a report of 2020-02-19);
    weeks and vaguer values are never after it."""
    day = value.split("T")[0]
    if published is None or "W" in day or not _DATE_VALUE.match(day):
        return False
    reference = published.iso()
    common = min(len(day), len(reference))
    return day[:common] > reference[:common]


def _event(text: str, sentence: Sentence, found: _Found, actors: list[Actor],
           frames: list[tuple[int, int, Actor]], dated: list[Timex], running: tuple[str, str] | None,
           published: PartialDate | None, lexicon: EventLexicon, kb: KnowledgeBase,
           parsed: parse.Parsed | None = None) -> EventMention | None:
    trigger = found.trigger
    clause_start = sentence.start
    clause_end = sentence.end
    reporter = None
    for frame_start, frame_end, actor in frames:
        if frame_end <= found.start:
            clause_start, reporter = max(clause_start, frame_end), actor
        elif frame_start >= found.end:
            clause_end, reporter = min(clause_end, frame_start), reporter or actor
    for brk in _CLAUSE_BREAK.finditer(text, clause_start, found.start):
        clause_start = brk.end()
    before = _skip_apposition(text, actors, [i for i, a in enumerate(actors)
                                             if clause_start <= a.start and a.end <= found.start],
                              clause_start, found.start)
    after = [i for i, a in enumerate(actors) if found.end <= a.start and a.end <= clause_end]

    source: list[Actor] = []
    target: list[Actor] = []
    passive = (_PASSIVE_AUX.search(text, max(clause_start, found.start - 20), found.start) is not None
               and not text[found.start:found.end].split()[0].lower().endswith("ing")) \
        or _PASSIVE_NOUN.search(text, max(clause_start, found.start - 30), found.start) is not None
    by_agent = re.match(r"\s+by\s+", text[found.end:found.end + 6]) is not None
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
    elif passive and not by_agent and before and not re.match(r"\s+to\b", text[found.end:found.end + 4]):
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
            text, actors, [i for i in before if not _locative(text, actors[i], clause_start)])
        purpose = _purpose_after_phrase(text, found, actors, before, clause_start)
        if before and (_dependent_verb(text, found, clause_start) or _PRONOUN_SUBJECT.search(
                text, max(actors[before[-1]].end, found.start - 40), found.start) or purpose):
            # a participle, a joined verb, an unresolved pronoun ("… and said they also opposed") or
            # an infinitive of purpose ("sent experts to Bosnia to investigate") takes the clause's subject
            source = _coordinated_after(text, actors, before[0], found.start)
        elif before:
            source = _coordinated_before(text, actors, before[-1], clause_start)
        target, landing = _target(text, found, trigger, actors, after, clause_end)
        if purpose and not target and actors[before[-1]] not in source:
            target = [actors[before[-1]]]  # where the purpose is carried out: "to Bosnia … to investigate"
        if landing and source:  # a group named by nationality in the object comes first
            nearer = _object_target(text, found, clause_end, source, kb)
            if nearer and nearer[0].start < target[0].start:
                target = nearer
        subject = _coordinated_after(text, actors, before[0], found.start) if before else []
        if trigger.pos == "noun" and not target and source and subject and subject[0] is not source[0] \
                and _VERB_BETWEEN.search(text, subject[-1].end, source[0].start):
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
    if not source and reporter is not None and (reporter.end <= found.start or {
            a.country for a in actors if a.country} == {reporter.country}):
        source = [reporter]  # "Peskov said it would …"; a trailing "…, the embassy said" only at home
    if not target and source and not passive:
        target = _object_target(text, found, clause_end, source, kb)
    others = {a.country for a in actors if a.country} - {a.country for a in source}
    if not target and source and trigger.category in DOMESTIC_BY_DEFAULT and not others and source[0].country:
        first = source[0]  # a protest, arrest or attack with no foreign party is domestic
        target = [Actor(first.start, first.end, first.text, first.country, first.country, None, first.name,
                        resolved_from=first.start)]
    source = _distinct([a for a in source if a is not reporter or len(source) == 1])
    target = [a for a in _distinct(target) if all(a.code != s.code or a.start != s.start for s in source)]
    if not source or any(s.resolved_from is not None and t.resolved_from is not None and t.start > s.end
                         and _antecedent(s, actors) == _antecedent(t, actors)
                         for s in source for t in target):
        return None  # "he … welcome him" resolved to one person: a pronoun object is not its subject

    window = text[max(clause_start, found.start - 60):found.start].lower().split()
    negated = _has_cue(" ".join(window[-NEGATION_WINDOW:]), lexicon.modality["negation"])
    recent = " ".join(window[-(MODALITY_WINDOW if trigger.pos == "verb" else NOUN_MODALITY_WINDOW):])
    modality = None
    if _has_cue(recent, lexicon.modality["hypothetical"]):
        modality = "hypothetical"
    elif _has_cue(recent, lexicon.modality["future"]):
        modality = "future"
    elif sentence.text.rstrip().endswith("?"):
        modality = "question"

    category, cameo, goldstein, quad = trigger.category, trigger.cameo, trigger.goldstein, trigger.quad
    if speaker_from is not None and category == "PROTEST":  # "…, the ministry protested": a complaint
        category, cameo, goldstein, quad = "ACCUSE", COMPLAINT_CAMEO, COMPLAINT_GOLDSTEIN, 3
    if negated and category in ("AGREE", "SUPPORT"):
        category, cameo, goldstein, quad, negated = "REJECT", REJECT_CAMEO, REJECT_GOLDSTEIN, 3, False
    if modality == "future" and quad == 4 and not negated and _PREPARING.search(
            text, max(clause_start, found.start - 60), found.start):
        # "the army prepared to resume shelling": getting forces ready is a mobilization
        category, cameo, goldstein, quad = "MOBILIZE", MOBILIZE_CAMEO, MOBILIZE_GOLDSTEIN, 4
    elif modality in ("future", "hypothetical") and not negated and category != "THREATEN" and (
            (quad == 4 and category != "MOBILIZE" and modality == "future")
            or _UNLESS.search(text, found.end, clause_end) is not None):
        # "will impose sanctions", "would blockade the capital", "will withdraw … unless …"
        category, cameo, goldstein, quad = "THREATEN", THREATEN_CAMEO, THREATEN_GOLDSTEIN, 3
    elif modality in ("future", "hypothetical") and quad in COOPERATIVE_QUADS and category != "AGREE":
        category, cameo, quad = "AGREE", AGREE_INTENT_CAMEO, 1  # intent to cooperate (PLOVER AGREE)

    if modality is None:  # what has happened happened by publication: a later date is a plan's
        dated = [t for t in dated if not _after_publication(t.value, published)]
    date, precision, anchor = _event_date(dated, found.start, running, published)

    span_start = min([found.start, *(a.start for a in source)])
    span_end = max([found.end, *(a.end for a in target)])
    return EventMention(
        start=sentence.start, end=sentence.end, trigger_start=found.start, trigger_end=found.end,
        trigger_text=text[found.start:found.end], source=tuple(source), target=tuple(target),
        plover=category, mode=trigger.mode, cameo=cameo, quad=quad, intensity=goldstein,
        date=date, date_precision=precision, date_anchor=anchor, negated=negated, modality=modality,
        reported_by=reporter, summary=_summary(text, span_start, _clause_tail(text, span_end, clause_end),
                                               dated),
        reciprocal=trigger.reciprocal,
        context=tuple(sorted({a.country for a in actors if a.country})),
    )


_TRAILING_SPEAKER = re.compile(  # ", a human rights group "
    r",\s+(?!(?:and|but|or|while|as|when|which|who|after|before|until|because)\b)(?:[\w'’.-]+\s+){1,6}$")
_TRAILING_REST = re.compile(  # " on Saturday.", " here Wednesday."
    r"(?i:(?:\s+(?:here|there|today|yesterday|again|(?:on|last|this)\s+\w+|\w+day))*\s*[.!]?[\"”’']?\s*)")


def _trailing_speech(text: str, sentence: Sentence, found: _Found) -> int | None:
    """Where the speaker of a speech act that closes the sentence begins: "U.S. agents abused
    migrants, a rights group charged on Saturday." The speaker is in that phrase, not before it,
    and the sentence before the comma is what it says."""
    if found.trigger.pos != "verb" or (found.trigger.quad not in SPEECH_ACT_QUADS
                                       and found.trigger.category != "PROTEST") \
            or not _TRAILING_REST.fullmatch(text, found.end, sentence.end):
        return None
    phrase = _TRAILING_SPEAKER.search(text, max(sentence.start, found.start - 80), found.start)
    return phrase.start() + 1 if phrase else None


def _antecedent(actor: Actor, actors: list[Actor]) -> int:
    """The start of the mention a chain of references ("… King Abdullah … he … him") goes back to."""
    by_start = {a.start: a for a in actors}
    seen = {actor.start}
    while actor.resolved_from is not None and actor.resolved_from in by_start \
            and actor.resolved_from not in seen:
        seen.add(actor.resolved_from)
        actor = by_start[actor.resolved_from]
    return actor.resolved_from if actor.resolved_from is not None else actor.start


def _actors_of(phrases: Sequence[parse.Phrase], actors: list[Actor], found: _Found) -> list[Actor]:
    """The actors a parsed phrase names: the one covering its head word ("the Russian foreign
    minister"), else those among the words that name it ("Senior Hungarian and Romanian officials")."""
    out: list[Actor] = []
    outside = [a for a in actors if a.end <= found.start or a.start >= found.end]
    for phrase in phrases:
        covering = [a for a in outside if a.start <= phrase.head[0] < a.end]
        out += covering or [a for a in outside if any(a.start <= s < a.end for s, _ in phrase.words)]
    return _distinct(out)


def _parsed_roles(parsed: parse.Parsed, found: _Found,
                  actors: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Source and target from the dependency parse: the subject (the agent in the passive, a noun's
    owner: "Russia's aid") acts on the object, on a phrase with one of the trigger's prepositions
    ("talks with", "aid to") or, in the passive, on the subject."""
    roles = parsed.roles(found.start, found.end)
    if roles is None:
        return [], []
    preps = set(found.trigger.target_preps)
    with_prep = _actors_of(sorted((p for p in roles.obliques if p.preposition in preps),
                                  key=lambda p: p.head), actors, found)
    if roles.passive:  # without "by", the token rules find the place where it happened
        source = _actors_of(roles.agents, actors, found)
        target = (_actors_of(roles.passive_subjects, actors, found) if source else []) or with_prep
    else:
        source = _actors_of(roles.subjects, actors, found) or _actors_of(roles.owners, actors, found)
        target = with_prep or _actors_of(roles.objects, actors, found)
    return source, [a for a in target if a not in source]


_LATE_AGENT = re.compile(r"(?i:,\s+by\s+(?:(?:the|a|an|[a-z]+)\s+)?)$")  # ", by current Haitian officials"
_APPOSITION_CLOSE = re.compile(
    r",\s*(?:(?:has|have|had|is|are|was|were|also|now|then|today|yesterday|on\s+\w+day|\w+day|\w+ly)\s+)*$")
_APPOSITION_HEAD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?")


def _skip_apposition(text: str, actors: list[Actor], before: list[int], clause_start: int,
                     trigger_start: int) -> list[int]:
    """"Pakistan, a close U.S. ally, has refused …": the actors inside an apposition between the
    subject and its verb are not the subject."""
    close = _APPOSITION_CLOSE.search(text, clause_start, trigger_start)
    if not before or close is None:
        return before
    opening = text.rfind(",", clause_start, close.start())
    if opening < 0 or actors[before[-1]].end <= opening:
        return before
    head = [i for i in before if actors[i].end <= opening
            and _APPOSITION_HEAD.fullmatch(text, actors[i].end, opening)]
    return [i for i in before if i <= head[-1]] if head else before


_SUBORDINATOR = re.compile(
    r"(?i:(?:\b(?:after|following|since|when|whenever|because|amid|before|until|while|whose|which|who|"
    r"whom|where|although|though|unless|if|so\s+that|in\s+the\s+wake\s+of)\b|,\s*(?:that|as)\b|\bthat\s+(?:was|were|is|are|ha[sd]\s+been)\s))")


HEADING_MAX_WORDS = 12
SPEECH_ACT_QUADS = (1, 3)  # verbal cooperation and conflict: agree, request, threaten, reject …
_COMPLEMENT_GAP = re.compile(r"(?i:^(?:(?!\bbut\b|;|,\s+and\b).)*?\b(?:to|that|of)\b)", re.S)
_CLAUSE_JOIN = re.compile(r"(?i:\bbut\b|;|,\s+(?:and|while|whereas)\b)")


def _without_complements(text: str, events: list[EventMention]) -> list[EventMention]:
    """"agreed to undertake exercises", "threatened to storm", "demanded that the US cancel …":
    the speech act is the event; the act it names (a complement) did not happen."""
    kept: list[EventMention] = []
    for event in sorted(events, key=lambda e: e.trigger_start):
        governing = next((k for k in reversed(kept) if k.quad in SPEECH_ACT_QUADS and
                          _COMPLEMENT_GAP.match(text[k.trigger_end:event.trigger_start])
                          and not _CLAUSE_JOIN.search(text, k.trigger_end, event.trigger_start)), None)
        if governing is None:
            kept.append(event)
    return kept


_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:a|an|the|this|these|that|those|its|their|his|her|our|any|another|of|in|for|during|after|"
    r"against|amid|following|by)\s+)$|['’]s\s+$")


# "an informal meeting", "private visits", "a massive attack": a verb form after an adjective is a noun
_ADJECTIVE_BEFORE = re.compile(r"\b[a-z]+(?:al|ive|ous|ic|ful|ary|ible|able|ate)\s+$")
_AGENT_OR_ISM = re.compile(r"(?i:^\w+(?:isms?|[st]ers|ators)$)")  # "criticism", "protesters", "demonstrators"


def _nominal(text: str, found: _Found, actors: list[Actor]) -> bool:
    """An event noun, or a verb form used as one: "an attack", "the bombing", "a US offer",
    "Iraq's proposal", "for collaborating"."""
    if found.trigger.pos != "verb" or _AGENT_OR_ISM.match(text[found.start:found.end]):
        return True
    start = found.start
    owner = next((a for a in actors if a.end <= start and not text[a.end:start].strip()), None)
    if owner is not None:  # "a US offer": the determiner sits before the actor
        start = owner.start
    return _NOUN_BEFORE.search(text, max(0, start - 12), start) is not None or \
        _ADJECTIVE_BEFORE.search(text, max(0, start - 24), start) is not None


def _after_main_verb(events: list[EventMention], nominal: set[int]) -> list[EventMention]:
    """An event noun after the clause's verb event names its circumstance or its object ("killed
    four soldiers in an attack", "rejected a proposal for talks"), not a second happening."""
    verbs = [e.trigger_end for e in events if e.trigger_start not in nominal]
    if not verbs:
        return events
    first = min(verbs)
    return [e for e in events if e.trigger_start not in nominal or e.trigger_start < first]


def _without_repeats(events: list[EventMention]) -> list[EventMention]:
    """"staged a general strike … in protest of the arrests": the same act by the same source named
    twice in a sentence, once with its target and once without, is one event."""
    def parties(e: EventMention) -> tuple:
        return tuple(sorted(a.code for a in e.source)), e.plover
    with_target = {parties(e) for e in events if e.target}
    return [e for e in events if e.target or parties(e) not in with_target]


def _is_heading(text: str) -> bool:
    """A heading or a caption, not a claim: short and without a closing stop."""
    return len(text.split()) <= HEADING_MAX_WORDS and not text.rstrip().endswith(
        (".", "!", "?", '"', "”", "’", "'", ")"))


def _demands(text: str, sentence: Sentence, actors: list[Actor], frames: list[tuple[int, int, Actor]],
             dated: list[Timex], running: tuple[str, str] | None,
             published: PartialDate | None) -> list[EventMention]:
    """"The minister said Libya must hand over the suspects" → REQUEST from the minister to Libya."""
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
            date, precision, anchor = _event_date(dated, trigger_start, running, published)
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


def _event_date(dated: list[Timex], position: int, running: tuple[str, str] | None,
                published: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    """The clause's own date, else the running date, else the publication date."""
    if dated:
        own = min(dated, key=lambda t: abs(t.start - position))
        date, precision = _date_of(own.value.split("T")[0])  # type: ignore[misc]
        return date, precision, own.anchor
    if running is not None:
        return running[0], running[1], "narrative"
    if published is not None:
        return published.iso(), published.precision, "publication"
    return None, None, None


_INFINITIVE_BEFORE = re.compile(r"(?i:\b(?:in\s+order\s+)?to\s+(?:help\s+)?)$")


_PARTICIPLE_BEFORE = re.compile(r",\s*$")
_PRONOUN_SUBJECT = re.compile(
    r"(?i:\b(?:they|he|she|we)\s+(?:(?:also|still|then|later|again|already|not|never|have|has|had|would|will|"
    r"could|was|were|is|are)\s+){0,3})$")
_COORDINATED_VERB_BEFORE = re.compile(
    r"(?i:\b(?:and|or|but)\s+(?:(?:also|still|then|later|was|were|is|are|has|have|had)\s+){0,2})$")


def _dependent_verb(text: str, found: _Found, start: int) -> str | None:
    """"participle" after a comma ("…, killing 20 people"), "coordinated" for a verb joined to an
    earlier one ("… and wounded two others"): either way its subject is the clause's subject."""
    if found.trigger.pos != "verb":
        return None
    word = text[found.start:found.end].split()[0].lower()
    lo = max(start, found.start - 24)
    if word.endswith("ing") and _PARTICIPLE_BEFORE.search(text, lo, found.start):
        return "participle"
    if word.endswith(("ed", "ing")) and _COORDINATED_VERB_BEFORE.search(text, lo, found.start):
        return "coordinated"
    return None


_PARTICLES = frozenset({"over", "out", "off", "up", "down", "back", "in", "away"})
_REDUCED_RELATIVE_BEFORE = re.compile(
    r"(?i:\b(?:in|to|for|with|from|on|at|into|against|about|over|under)\s+"
    r"(?:[\w'’.-]+\s+){0,5}?(?!(?:has|have|had|was|were|is|are|be|been|being|it|they|he|she|we|who|"
    r"which|that|and|or|also|then|not|never)\s)[\w'’.-]+\s+)$")
_REDUCED_RELATIVE_AFTER = re.compile(
    r"(?i:\s+(?:by\s+(?!\w+ing\b)|out\b|over\b|to\b|from\b|last\b|earlier\b|in\b|into\b|during\b|"
    r"under\b|\d))")


def _reduced_relative(text: str, found: _Found, start: int) -> bool:
    """A past participle that modifies a noun inside a prepositional phrase, with no auxiliary:
    "in a letter handed over to the UN", "to refugees ordered out of the country": a passive
    relative clause, background to the main event."""
    words = text[found.start:found.end].lower().split()
    if found.trigger.pos != "verb" or not words[0].endswith("ed") or \
            any(w not in _PARTICLES for w in words[1:]):
        return False  # "blocked roads" has its object: a main verb
    return _REDUCED_RELATIVE_BEFORE.search(text, max(start, found.start - 80), found.start) is not None \
        and _REDUCED_RELATIVE_AFTER.match(text, found.end) is not None


_GERUND_AFTER_PREPOSITION = re.compile(
    r"(?i:\b(?:in|of|for|by|from|about|without|against|with|despite)\s+)$")


def _subordinate(text: str, sentence: Sentence, found: _Found, frames: list[tuple[int, int, Actor]]) -> bool:
    """A trigger inside a subordinate or relative clause ("… after a coup toppled the government",
    "… the curfew, which was imposed …", "… equipment seized from …"): background to the
    sentence's main event."""
    start = max([sentence.start, *(end for _, end, _ in frames if end <= found.start)])
    if _reduced_relative(text, found, start):
        return True
    if _INFINITIVE_BEFORE.search(text, max(start, found.start - 20), found.start):
        return True  # "… delivered supplies to help fight the epidemic"
    if _dependent_verb(text, found, start) == "participle":
        return True  # "… shelled the town, killing 20 people"
    if _GERUND_AFTER_PREPOSITION.search(text, max(start, found.start - 12), found.start) \
            and text[found.start:found.end].split()[0].lower().endswith("ing"):
        return True  # "late in warning the world", "thanked Russia for protecting …"
    return _SUBORDINATOR.search(text, start, found.start) is not None


def _has_cue(words: str, cues: tuple[str, ...]) -> bool:
    """A cue as whole words ("not" is not in "notably"); "n't" may end a word ("didn't")."""
    return _cue_pattern(cues).search(words) is not None


@lru_cache(maxsize=16)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a modality's cues, compiled once per lexicon."""
    alternatives = [rf"(?<![\w']){re.escape(cue)}(?!\w)" if not cue.startswith("n'") else re.escape(cue)
                    for cue in cues]
    return re.compile("|".join(alternatives) or r"(?!)")


@lru_cache(maxsize=64)
def _preposition(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:\b{re.escape(word)}\s+)")


_OBJECT_GAP = re.compile(r"[,;]|\b(?:said|says)\b")
_LANDING_GAP = re.compile(r"[;]|\b(?:said|says|which|who|after|following|because|while|when|whenever|until|"
                          r"whether|since|before|so\s+that)\b")
_CONDITION = re.compile(r"(?i:\b(?:if|unless)\b)")  # a threat's target is the party in its condition


def _condition_allows(text: str, trigger: Trigger, start: int, end: int) -> bool:
    """An actor past "if" or "unless" is not the act's target, except a threat's: "threatened
    sanctions unless Armenia withdraws"."""
    return trigger.category == "THREATEN" or _CONDITION.search(text, start, end) is None


def _target(text: str, found: _Found, trigger: Trigger, actors: list[Actor], after: list[int],
            clause_end: int) -> tuple[list[Actor], bool]:
    """The target, and whether it is only the first actor after the trigger (no preposition or
    object names it)."""
    if trigger.category == "THREATEN":  # "threatened to ban voting in X if Hamas ran": who must comply
        condition = _CONDITION.search(text, found.end, clause_end)
        party = next((i for i in after if condition is not None and actors[i].start >= condition.end()
                      and actors[i].start - condition.end() <= CONDITION_WINDOW), None)
        if party is not None:
            return _coordinated_after(text, actors, party, clause_end), False
    limit = min(clause_end, found.end + PREP_WINDOW)
    preps = sorted((m for p in trigger.target_preps if (m := _preposition(p).search(text, found.end, limit))),
                   key=lambda m: m.start())
    if trigger.takes_object and trigger.pos == "verb" and after and preps:
        first = after[0]  # a direct object before the preposition: "blockade Paris to demand an end to …"
        if actors[first].end <= preps[0].start() and actors[first].start - found.end <= OBJECT_WINDOW \
                and not _OBJECT_GAP.search(text, found.end, actors[first].start):
            return _coordinated_after(text, actors, first, clause_end), False
    for match in preps:  # the nearest preposition first: "agreed to US mediation … with the Palestinians"
        candidates = [i for i in after
                      if actors[i].start >= match.end() and actors[i].start - match.end() <= 30]
        if candidates:
            return _coordinated_after(text, actors, candidates[0], clause_end), False
    if trigger.takes_object and trigger.pos == "verb" and after:
        first = after[0]
        if actors[first].start - found.end <= OBJECT_WINDOW and \
                not _OBJECT_GAP.search(text, found.end, actors[first].start) and \
                not _LANDING_GAP.search(text, found.end, actors[first].start) and \
                _condition_allows(text, trigger, found.end, actors[first].start):
            return _coordinated_after(text, actors, first, clause_end), False
    if after:  # where the act lands: "lifted a state of emergency in Darfur", "freed Afghan prisoners"
        first = after[0]
        if not _LANDING_GAP.search(text, found.end, actors[first].start) and \
                _condition_allows(text, trigger, found.end, actors[first].start):
            return [actors[first]], True
    return [], False


_OF_PHRASE_GAP = re.compile(  # "the Turkish and Greek sides of the divided island of <B>"
    r"(?:['’]s)?(?:\s+(?!\w+ed\b)[a-z][\w-]*){0,2}\s+(?:of|in|from|at|near|inside|on)\s+(?:[\w'’.-]+\s+){0,6}")
_HEAD_NOUN = re.compile(  # "sides" in "the Turkish and Greek sides of"
    r"\s+(?!(?:of|in|from|at|near|inside|on)\b)(?!\w+ed\b)[a-z][\w-]*")
_COMMON_HEAD = re.compile(r"\b[a-z][\w-]*$")  # an actor that ends in its own head noun: "Russian troops"


def _without_complements_of_the_subject(text: str, actors: list[Actor], before: list[int]) -> list[int]:
    """Actors inside a phrase that completes the subject's head noun are not the subject: in "the
    Turkish and Greek sides of the island of Cyprus agreed" or "Russian forces in the south of
    Ukraine attacked", the actor on the head noun acts."""
    if len(before) < 2:
        return before
    last = actors[before[-1]]
    head = next((i for i in reversed(before[:-1]) if actors[i].end <= last.start
                 and _OF_PHRASE_GAP.fullmatch(text, actors[i].end, last.start)
                 and (_HEAD_NOUN.match(text, actors[i].end) or _COMMON_HEAD.search(actors[i].text))), None)
    return before if head is None else [i for i in before if i <= head]


_PHRASE_PREP = re.compile(  # the preposition of a phrase an actor sits in: "to Bosnia", "in the north of"
    r"(?i:\b(?:to|into|in|from|at|near|on|inside|across|toward|towards)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?)$")
_PURPOSE_GAP = re.compile(  # what may stand between that phrase and the infinitive: a date, "on Wednesday"
    r"(?i:(?:\s+(?:on|in|at|last|this|next|early|late)?\s*[\w,'’-]+?){0,3}?\s+(?:in\s+order\s+)?to\s+(?:help\s+)?)")


def _purpose_after_phrase(text: str, found: _Found, actors: list[Actor], before: list[int],
                          clause_start: int) -> bool:
    """"The UN sent experts to Bosnia on Monday to investigate …": an infinitive of purpose after a
    prepositional phrase has the clause's subject; the actor in the phrase is where, not who (but
    "urged Bosnia to investigate" gives the infinitive to the object)."""
    if found.trigger.pos != "verb" or len(before) < 2:
        return False
    last = actors[before[-1]]
    gap = _PURPOSE_GAP.fullmatch(text, last.end, found.start)
    return gap is not None and not re.search(r"[,;]", text[last.end:found.start]) and \
        _PHRASE_PREP.search(text, max(clause_start, last.start - 30), last.start) is not None


def _locative(text: str, actor: Actor, clause_start: int) -> bool:
    """A bare country or place in a locative phrase after a noun ("the consulate in Vladivostok",
    "protesters in Harbin"), not one that opens the clause ("In Harbin, …")."""
    if actor.sector is not None:
        return False
    prep = _LOCATIVE_PREP.search(text, max(clause_start, actor.start - 20), actor.start)
    return prep is not None and re.search(r"\w", text[clause_start:prep.start()]) is not None


def _place_after(text: str, actors: list[Actor], after: list[int], position: int) -> Actor | None:
    """The country or capital where an agentless act happened: "was arrested in Lebanon"."""
    for i in after:
        actor = actors[i]
        if actor.country and actor.country not in ("IGO", "NGO") and actor.sector in (None, "GOV") \
                and _PLACE_GAP.match(text[position:actor.start]):
            return actor
    return None


def _subject_scan(text: str, start: int, end: int, kb: KnowledgeBase) -> list[Actor]:
    """A subject the actor layer leaves out: a nationality on a group ("Thousands of Iraqi Kurds
    demonstrated", "Angry French paper workers blocked …"); a place in a locative phrase only
    when nothing else names one ("Protesters in <capital>" is the capital's country)."""
    tokens = [(t, s + start, e + start) for t, s, e in tokenize(text[start:end])]
    located: list[Actor] = []
    for i in range(len(tokens) - 1, -1, -1):
        match = kb.match_at(tokens, i)
        if not match:
            continue
        national = next((e for _, e in match[1]
                         if e.kind in ("demonym", "country", "capital", "place") and e.country), None)
        if national is not None:
            a, b = tokens[i][1], tokens[i + match[0] - 1][2]
            actor = Actor(a, b, text[a:b], national.country or "", national.country, None, national.name)
            if not _LOCATIVE_PREP.search(text, max(start, a - 20), a):
                return [actor]
            located = located or [actor]
    return located


def _object_target(text: str, found: _Found, clause_end: int, source: list[Actor],
                   kb: KnowledgeBase) -> list[Actor]:
    """A target the actor layer does not list: a nationality inside the object ("electricity to
    the Azerbaijani republic") or a group with no nationality ("accused rebels of"), which is
    domestic and takes the source's country."""
    window = text[found.end:min(clause_end, found.end + OBJECT_WINDOW)]
    stop = re.search(r",\s|;|\b(?:said|says|which|who|after|because)\b", window)
    window = window[:stop.start()] if stop else window
    tokens = [(t, s + found.end, e + found.end) for t, s, e in tokenize(window)]
    for i in range(len(tokens)):
        match = kb.match_at(tokens, i)
        if not match:
            continue
        entries = [e for _, e in match[1]]
        start, end = tokens[i][1], tokens[i + match[0] - 1][2]
        national = next((e for e in entries
                         if e.kind in ("demonym", "country", "capital") and e.country), None)
        if national is not None:
            return [Actor(start, end, text[start:end], national.country or "", national.country, None,
                          national.name)]
        group = next((e for e in entries if e.kind in ("sector", "title") and e.sector), None)
        if group is not None and source and source[0].country and source[0].country not in NON_STATE:
            country = source[0].country
            return [Actor(start, end, text[start:end], country + group.sector, country, group.sector)]
    return []




def _clause_tail(text: str, position: int, clause_end: int) -> int:
    """Extend a summary to the end of its phrase: up to the next comma or the clause end."""
    stop = _PHRASE_END.search(text, position, clause_end)
    end = stop.start() if stop else clause_end
    words = list(re.finditer(r"\S+", text[position:end]))
    if len(words) > SUMMARY_TAIL_WORDS:
        kept = words[:SUMMARY_TAIL_WORDS]
        while kept and kept[-1].group(0).lower().strip(",;") in _DANGLING:
            kept.pop()
        end = position + (kept[-1].end() if kept else 0)
    return end
