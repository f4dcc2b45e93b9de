"""Argument attachment: which actors are an event's source and target — coordination, apposition,
phrases that complete the subject's head noun, prepositional and object targets, conditions,
places of agentless acts, nationalities the actor layer leaves out, the subject a joined verb
takes, givers and recipients of verbs of giving, and the parser's roles."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress, count

from ...model import Actor
from .. import parse
from ..actors.kb import LED_SUFFIX, NON_STATE, Entry, KnowledgeBase, token_texts
from ..trie import token_keys
from .lexicon import EventLexicon, Trigger
from .lowered import Folded, first_character_scan
from .triggers import _Found

_COORDINATION_GAP = re.compile(r"\s*(?:,\s*|,?\s+and\s+)")
_PLACE_GAP = re.compile(r"(?i:^[^,;]*\b(?:in|inside|into|entering)\s+(?:[\w'’-]+\s+){0,5}$)")
_ENTERING = re.compile(r"(?i:\b(?:into|entering)$)")  # ending a trigger: "barred from entering <X>"
# "The Chinese consulate in Vladivostok urged …": a bare place after a locative preposition that
# follows a noun says where the subject is, it is not the subject (capitals there are no actors).
_LOCATIVE_PREP = Folded(r"\b(?:in|at|near|inside|outside|within|across|throughout|around)\s+(?:the\s+)?$")
_OBJECT_STOP = first_character_scan(r",\s|;|\b(?:said|says|which|who|after|because)\b")
_WORD_CHARACTER = re.compile(r"\w")
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
OBJECT_WINDOW = 60  # characters after a verb within which its object actor must start
PREP_WINDOW = 50
CONDITION_WINDOW = 20  # characters after "if" / "unless" within which a threat's addressee starts


def _joined(text: str, first: Actor, second: Actor) -> bool:
    """Two actors of one group: joined by "and" or a comma, or two sides of one mention ("the two
    presidents" is both countries' presidents, on the same span)."""
    return first.start == second.start or bool(_COORDINATION_GAP.fullmatch(text[first.end:second.start]))


def _coordinated_before(text: str, actors: list[Actor], index: int, floor: int) -> list[Actor]:
    group = [actors[index]]
    while index > 0 and actors[index - 1].start >= floor and _joined(text, actors[index - 1], group[0]):
        index -= 1
        group.insert(0, actors[index])
    return group


def _coordinated_after(text: str, actors: list[Actor], index: int, ceiling: int) -> list[Actor]:
    group = [actors[index]]
    while index + 1 < len(actors) and actors[index + 1].end <= ceiling and \
            _joined(text, group[-1], actors[index + 1]):
        index += 1
        group.append(actors[index])
    return group


def _distinct(actors: list[Actor]) -> list[Actor]:
    if len(actors) < 2:  # most sources and targets: nothing can repeat
        return list(actors)
    seen, out = set(), []
    for actor in actors:
        key = (actor.start, actor.code)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


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
    if not before:
        return before
    close = _APPOSITION_CLOSE.search(text, clause_start, trigger_start)
    if close is None:
        return before
    opening = text.rfind(",", clause_start, close.start())
    if opening < 0 or actors[before[-1]].end <= opening:
        return before
    head = [i for i in before if actors[i].end <= opening
            and _APPOSITION_HEAD.fullmatch(text, actors[i].end, opening)]
    return [i for i in before if i <= head[-1]] if head else before


_PARTICIPLE_BEFORE = re.compile(r",\s*$")
_PRONOUN_SUBJECT = Folded(
    r"\b(?:they|he|she|we)\s+(?:(?:also|still|then|later|again|already|not|never|have|has|had|would|will|"
    r"could|was|were|is|are)\s+){0,3}$")
_TIME_ADVERBIAL = (r"(?:(?:last|this|that|next|the\s+following|the\s+next|the\s+same)\s+"
                   r"(?:week|month|year|day|morning|evening|\w+day)|on\s+\w+day|"
                   r"(?:a|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?|months?)\s+later)")
_COORDINATED_VERB_BEFORE = Folded(
    r"\b(?:and|or|but)\s+(?:(?:also|still|then|later|was|were|is|are|has|have|had)\s+){0,2}"
    rf"(?:{_TIME_ADVERBIAL}\s+(?:(?:also|then|was|were|has|have|had)\s+)?)?$")


def _dependent_verb(text: str, found: _Found, start: int, low: tuple[str, int] | None) -> str | None:
    """"participle" after a comma ("…, killing 20 people"), "coordinated" for a verb joined to an
    earlier one ("… and wounded two others", "… and last week barred …", a chronology's present
    tense "sends Xi a message … and offers medical aid"): either way its subject
    is the clause's subject. `low` is the sentence `lowered`."""
    if found.trigger.pos != "verb":
        return None
    word = text[found.start:found.end].split()[0].lower()
    lo = max(start, found.start - 48)
    if word.endswith("ing") and _PARTICIPLE_BEFORE.search(text, lo, found.start):
        return "participle"
    if word.endswith(("ed", "ing", "s")) and \
            _COORDINATED_VERB_BEFORE.search(text, low, lo, found.start) is not None and \
            not (word.endswith("s") and _NOUNS_JOINED.search(text, lo, found.start)):
        return "coordinated"
    return None


# "the commitments and promises", "closure of platforms, and arrests": a plural noun joined to a noun
# (after its determiner, or closing a list), not a verb in -s
_NOUNS_JOINED = re.compile(
    r"(?i:(?:\b(?:the|a|an|its|their|his|her|our|these|those)\s+[\w'’-]+\s+|,\s*)(?:and|or)\s+)$")


@lru_cache(maxsize=64)
def _preposition(word: str) -> Folded:
    return Folded(rf"\b{re.escape(word.lower())}\s+")


_OBJECT_GAP = first_character_scan(r"[,;]|\b(?:said|says)\b")
_LANDING_GAP = first_character_scan(
    r"[;]|\b(?:said|says|which|who|after|following|because|while|when|whenever|until|whether|since|before|"
    r"so\s+that)\b")
_CONDITION = re.compile(r"(?i:\b(?:if|unless)\b)")  # a threat's target is the party in its condition


def _condition_allows(text: str, trigger: Trigger, start: int, end: int) -> bool:
    """An actor past "if" or "unless" is not the act's target, except a threat's: "threatened
    sanctions unless Armenia withdraws"."""
    return trigger.category == "THREATEN" or _CONDITION.search(text, start, end) is None


def _place_named_at(text: str, position: int, end: int, kb: KnowledgeBase | None) -> list[Actor]:
    """A country or capital right at `position` ("arrived in Moscow"), which the actor layer leaves
    out after a locative preposition, as its country."""
    if kb is None:
        return []
    for start, stop, meanings in _kb_matches(kb, text[position:min(end, position + 30)], position):
        if start != position:
            return []
        place = next((e for _, e in meanings if e.kind in ("country", "capital") and e.country), None)
        if place is None:
            return []
        return [Actor(start, stop, text[start:stop], place.country or "", place.country, None, place.name)]
    return []


def _target(text: str, found: _Found, trigger: Trigger, actors: list[Actor], after: list[int],
            clause_end: int, low: tuple[str, int] | None,
            kb: KnowledgeBase | None = None) -> tuple[list[Actor], bool]:
    """The target, and whether it is only the first actor after the trigger (no preposition or
    object names it); `low` is the sentence `lowered`. With `kb`, a country or capital right after
    a target preposition is the target where no actor stands there ("arrived in Moscow")."""
    if trigger.category == "THREATEN":  # "threatened to ban voting in X if Hamas ran": who must comply
        condition = _CONDITION.search(text, found.end, clause_end)
        party = next((i for i in after if condition is not None and actors[i].start >= condition.end()
                      and actors[i].start - condition.end() <= CONDITION_WINDOW), None)
        if party is not None:
            return _coordinated_after(text, actors, party, clause_end), False
    limit = min(clause_end, found.end + PREP_WINDOW)
    spans = (_preposition(p).span(text, low, found.end, limit) for p in trigger.target_preps)
    preps = sorted((span for span in spans if span is not None), key=lambda span: span[0])
    if trigger.takes_object and trigger.pos == "verb" and after and preps:
        first = after[0]  # a direct object before the preposition: "blockade Paris to demand an end to …"
        if actors[first].end <= preps[0][0] and actors[first].start - found.end <= OBJECT_WINDOW \
                and not _OBJECT_GAP.search(text, found.end, actors[first].start):
            return _coordinated_after(text, actors, first, clause_end), False
    for _, prep_end in preps:  # the nearest first: "agreed to US mediation … with the Palestinians"
        candidates = [i for i in after if actors[i].start >= prep_end and actors[i].start - prep_end <= 30]
        named_here = text[prep_end:prep_end + 1].isupper() and \
            (not candidates or actors[candidates[0]].start > prep_end)  # a place's name has a capital
        place = _place_named_at(text, prep_end, clause_end, kb) if named_here else []
        if place:  # "arrived in Moscow on a Russian aircraft": Moscow, not the aircraft
            return place, False
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


_NOT_IN_A_NOUN_PHRASE = (  # verbs, auxiliaries and clause words end a noun phrase
    r"(?!(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did|"
    r"said|says|told|met|sent|held|took|gave|made|and|or|but|that|which|who|while|as|because|if|when|"
    r"after|before|than)\b)")
_OF_PHRASE_GAP = re.compile(  # "the Turkish and Greek sides of the divided island of <B>"
    r"(?:['’]s)?(?:\s+(?!\w+ed\b)" + _NOT_IN_A_NOUN_PHRASE + r"[a-z][\w-]*){0,2}"
    r"\s+(?:of|in|from|at|near|inside|on)\s+"
    r"(?:(?:the|a|an)\s+(?:\w+ed\s+)?|(?!\w+ed\b)" + _NOT_IN_A_NOUN_PHRASE + r"[\w'’.-]+\s+){0,6}")
_HEAD_NOUN = re.compile(  # "sides" in "the Turkish and Greek sides of"
    r"\s+(?!(?:of|in|from|at|near|inside|on)\b)(?!\w+ed\b)" + _NOT_IN_A_NOUN_PHRASE + r"[a-z][\w-]*")
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
    return gap is not None and not _COMMA_OR_SEMICOLON.search(text[last.end:found.start]) and \
        _PHRASE_PREP.search(text, max(clause_start, last.start - 30), last.start) is not None


def _locative(text: str, actor: Actor, clause_start: int, low: tuple[str, int] | None) -> bool:
    """A bare country or place in a locative phrase after a noun ("the consulate in Vladivostok",
    "protesters in Harbin"), not one that opens the clause ("In Harbin, …"). `low` is the
    sentence `lowered`."""
    if actor.sector is not None:
        return False
    prep = _LOCATIVE_PREP.search(text, low, max(clause_start, actor.start - 20), actor.start)
    return prep is not None and _WORD_CHARACTER.search(text, clause_start, prep) is not None


def _place_after(text: str, actors: list[Actor], after: list[int], position: int) -> Actor | None:
    """The country or capital where an agentless act happened: "was arrested in Lebanon", "were
    barred from entering Russia"."""
    for i in after:
        actor = actors[i]
        gap = text[position:actor.start]
        if actor.country and actor.country not in ("IGO", "NGO") and actor.sector in (None, "GOV") \
                and (_PLACE_GAP.match(gap) or (not gap.strip() and _ENTERING.search(text, 0, position))):
            return actor
    return None


def _kb_matches(kb: KnowledgeBase, window: str, offset: int, backward: bool = False,
                ) -> Iterator[tuple[int, int, list[tuple[str, Entry]]]]:
    """kb.match_at at every token of window (at offset in the text), first to last or last to first:
    (start, end, meanings) of each match. Only tokens that can start an entry are tried: the trie's
    first words and words ending in "-led"."""
    words, offsets = token_texts(window, 0, len(window))
    keys = token_keys(words, window)
    first = kb.trie
    starts = [i for i, key in enumerate(keys) if key in first or key.endswith(LED_SUFFIX)] \
        if LED_SUFFIX in window.lower() else list(compress(count(), map(first.__contains__, keys)))
    for i in reversed(starts) if backward else starts:
        match = kb.match_words(words, keys, i)
        if match:
            yield offsets[2 * i + 1] + offset, offsets[2 * (i + match[0])] + offset, match[1]


def _subject_scan(text: str, start: int, end: int, kb: KnowledgeBase) -> list[Actor]:
    """A subject the actor layer leaves out: a nationality on a group ("Thousands of Iraqi Kurds
    demonstrated", "Angry French paper workers blocked …"); a place in a locative phrase only
    when nothing else names one ("Protesters in <capital>" is the capital's country)."""
    located: list[Actor] = []
    for a, b, meanings in _kb_matches(kb, text[start:end], start, backward=True):
        national = next((e for _, e in meanings
                         if e.kind in ("demonym", "country", "capital", "place") and e.country), None)
        if national is not None:
            actor = Actor(a, b, text[a:b], national.country or "", national.country, None, national.name)
            if _LOCATIVE_PREP.search(text, None, max(start, a - 20), a) is None:
                return [actor]
            located = located or [actor]
    return located


def _object_target(text: str, found: _Found, clause_end: int, source: list[Actor],
                   kb: KnowledgeBase) -> list[Actor]:
    """A target the actor layer does not list: a nationality inside the object ("electricity to
    the Azerbaijani republic") or a group with no nationality ("accused rebels of"), which is
    domestic and takes the source's country."""
    window = text[found.end:min(clause_end, found.end + OBJECT_WINDOW)]
    stop = _OBJECT_STOP.search(window)
    window = window[:stop.start()] if stop else window
    for start, end, meanings in _kb_matches(kb, window, found.end):
        entries = [e for _, e in meanings]
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


_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
_RECIPIENT_GAP = re.compile(  # "Russia a batch of", "Xi a message", "China firm"; not "Lavrov to"
    r"(?:\s+(?!(?:to|and|or|but|that|which|who|as|if)\b)[\w'’-]+){0,3}\s+", re.IGNORECASE)


def _recipient(text: str, actor: Actor, noun_start: int, clause_start: int, verbs: frozenset[str]) -> bool:
    """Whether `actor` is the first object of a verb of giving, with the noun it receives starting at
    `noun_start`: "provided Russia a batch of supplies", "sent Xi a message of sympathy"."""
    if _RECIPIENT_GAP.fullmatch(text, actor.end, noun_start) is None:  # anchored: the cheaper test first
        return False
    return _after_a_verb_of_giving(text, actor, clause_start, verbs)


def _after_a_verb_of_giving(text: str, actor: Actor, floor: int, verbs: frozenset[str]) -> bool:
    """Whether the word right before `actor` (not before `floor`) is one of `verbs`."""
    word = _WORD_BEFORE.search(text, max(floor, actor.start - 24), actor.start)
    return word is not None and word.group(1).lower() in verbs


def _without_noun_modifiers(text: str, actors: list[Actor], found: Sequence[_Found],
                            modifiers: frozenset[str], verbs: frozenset[str]) -> list[Actor]:
    """"give China firm support": an actor after a verb of giving whose last word also modifies
    the event word right after it is its country alone ("China"), not a sector of it ("China
    firm", a business). "A Chinese firm signed" keeps its firm."""
    starts = {f.start for f in found}
    out = actors
    for i, actor in enumerate(actors):
        if actor.end + 1 not in starts:
            continue
        head, _, last = actor.text.rpartition(" ")
        if head and last.lower() in modifiers and actor.country and text[actor.end:actor.end + 1] == " " and \
                _after_a_verb_of_giving(text, actor, 0, verbs):
            if out is actors:
                out = list(actors)
            out[i] = Actor(actor.start, actor.start + len(head), head, actor.country, actor.country, None,
                           resolved_from=actor.resolved_from)
    return out


# an opening subordinate clause: "In February, when China was the epicentre, <Russia sealed …>"
_INTRODUCTORY_CLAUSE = re.compile(
    r"(?i:(?:[^,;]*,\s*)?(?:when|while|as|after|before|if|although|though|because|since|once)\b[^,;]*,\s*)")
_PRONOUN_OPENING = re.compile(r"(?i:\s*(?:that\s+)?(?:it|they|he|she|we)\b)")  # a pronoun subject


def _clause_subject(text: str, actors: list[Actor], before: list[int], clause_start: int, found: _Found,
                    reporter: Actor | None) -> list[Actor]:
    """The subject a participle, a joined verb or an infinitive takes: the clause's first actor
    after an opening subordinate clause ("In February, when China was the epicentre, Russia …");
    the reporter when the clause opens with a pronoun ("China said it understood …, but urged
    Moscow": "it" is China)."""
    intro = _INTRODUCTORY_CLAUSE.match(text, clause_start, found.start)
    subject = next((i for i in before if intro is None or actors[i].start >= intro.end()), before[0])
    if reporter is not None and actors[before[0]].start > clause_start and \
            _PRONOUN_OPENING.match(text, clause_start, actors[before[0]].start):
        return [reporter]
    return _coordinated_after(text, actors, subject, found.start)


_RELATIVE_WORD = re.compile(r"\b(?:that|which)\s")  # what lexicon.content_relative ends with, to test first


def _giver_and_recipient(text: str, found: _Found, actors: list[Actor], before: list[int], clause_start: int,
                         lexicon: EventLexicon) -> tuple[list[Actor], list[Actor]] | None:
    """Source and target when the actor before the trigger is the first object of a verb of giving:
    "provided Russia a batch of supplies", "sent Xi a message that offered …" (the message's
    sender offers). The subject gives, the first object receives; None otherwise."""
    if not lexicon.recipient_verbs:
        return None
    recipient = actors[before[-1]]
    relative = lexicon.content_relative.search(text, max(clause_start, found.start - 80), found.start) \
        if lexicon.content_relative is not None \
        and (_RELATIVE_WORD.search(text, max(clause_start, found.start - 12), found.start)
             or text[found.start:found.end].endswith("ing")) else None
    received = relative.start() if relative is not None else found.start  # where the thing given starts
    if not _recipient(text, recipient, received, clause_start, lexicon.recipient_verbs):
        return None
    subject = _coordinated_after(text, actors, before[0], recipient.start) \
        if actors[before[0]] is not recipient else []
    source = [a for a in subject if a is not recipient]
    return source, _coordinated_before(text, actors, before[-1], source[-1].end if source else clause_start)
