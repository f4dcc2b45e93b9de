"""Actors: who acts — countries, governments, officials with dated roles, media, organizations.

Mentions are found with a token trie over the knowledge base (kb.py), joined into noun-phrase
chunks ("Chinese foreign ministry spokesman Zhao Lijian", "Russia's Ministry of Emergency
Situations", "a Chinese expert") and resolved to codes: the nationality word gives the country,
the head word the sector, and a known person's role on the sentence's date decides both. Words
that point back ("the spokesman", "he", a bare surname, "both sides") take their antecedent's
code, with `resolved_from` giving its offset.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...model import Actor, Sentence
from .kb import LED_SUFFIX, Entry, KnowledgeBase, Role, knowledge_base, surname_of, token_texts

__all__ = ["find_actors", "knowledge_base"]

NATIONAL_KINDS = ("organization", "outlet", "metonym", "capital", "country", "demonym", "place")
KIND_PRIORITY = ("person", "reference", "organization", "metonym", "outlet", "capital", "country",
                 "demonym", "place", "title", "sector", "agentive")
_FUNCTION_WORDS = (r"(?!(?:to|would|will|has|have|had|is|was|are|were|said|says|that|and|or|but|"
                   r"of|in|on|at|for|with|by|from|as|its|their|his|her|the|a|an)\b)")
_ADJECTIVES_GAP = re.compile(rf"(?:\s+{_FUNCTION_WORDS}[a-z][a-z-]*){{1,2}}\s+")
_POSSESSIVE_ADJECTIVES = re.compile(rf"\s*['’]s(?:\s+{_FUNCTION_WORDS}[a-z][a-z-]*){{1,2}}\s+")
_JOIN_GAP = re.compile(r"\s*|\s*['’]s\s+|\s*-\s*")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_PROPER_GAP = re.compile(r"(?:\s*['’]s)?(?:\s+[A-Z][a-z]+){1,3}\s+")  # "U.S. Commerce Department"
# A place, not an actor: "in Kyiv", "visited Beijing", "across China".
_LOCATIVE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|inside|across|within|throughout|around|near|outside|into|via|visited|visiting|"
    r"visit|visits|arrived\s+in|landed\s+in|flew\s+to|travelled\s+to|traveled\s+to|trip\s+to|"
    r"headed\s+to|returned\s+to|based\s+in|held\s+in)\s+)$")
_CAPITAL_LOCATIVE_BEFORE = re.compile(r"(?i:\b(?:to|from)\s+)$")
_PLACE_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_COORDINATED_PLACE_BEFORE = re.compile(rf"(?:{_PLACE_NAME}\s*,\s*)*{_PLACE_NAME},?\s+(?:and|or)\s+$")
# "the Chinese city of Wuhan", "the border town of Suifenhe": the place's locative comes before.
_PLACE_APPOSITION = re.compile(
    r"(?:\b(?:the|a)\s+)?(?:[A-Z][\w-]*\s+)?(?:(?:border|port|river|coastal|northern|southern|"
    r"eastern|western|central)\s+)?(?:city|town|port|village|province|region|state|oblast|krai|"
    r"district|county|prefecture)\s+of\s+$")
# A sea or strait named after a place is not that place: "the Gulf of Aden", "the Kerch Strait".
_WATER_BEFORE = re.compile(r"\b(?:Gulf|Sea|Strait|Straits|Bay)\s+of\s+$")
_WATER_AFTER = re.compile(r"\s+(?:Strait|Straits|Sea|Gulf|Bay|River)\b")
# Government branches that make a generic government head more specific ("a defence official").
BRANCH_SECTORS = frozenset({"MIL", "COP", "JUD", "LEG", "HLH"})
_COORDINATION = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w-]*)*")
_NAME_TOKEN = re.compile(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.")
_NEXT_NAME_TOKEN = re.compile(r"\s+(" + _NAME_TOKEN.pattern + r")")
_DETERMINER = re.compile(r"(?i:\b(the|a|an)\s+)$")
MAX_NAME_TOKENS = 4
REFERENCE_WINDOW = 3  # sentences back for "he", "the spokesman"
# "it" refers back only as the subject of one of these ("Russia said it would …", not "it is unclear").
_AGENT_VERBS = frozenset({
    "said", "says", "would", "will", "has", "had", "could", "can", "should", "must", "may", "might",
    "plans", "planned", "wants", "wanted", "accused", "rejected", "denied", "added", "called", "urged",
    "warned", "demanded", "agreed", "decided", "announced", "claimed", "insisted", "hoped", "expects",
    "expected", "sent", "signed", "launched", "opened", "closed", "banned", "imposed", "condemned"})


@dataclass
class _Atom:
    start: int
    end: int
    entry: Entry
    is_title: bool = False


@dataclass
class _Mention:
    """A resolved mention, kept for references later in the document."""

    actor: Actor
    sentence: int
    heads: frozenset[str] = frozenset()
    gender: str | None = None
    person: bool = False


@dataclass
class _State:
    mentions: list[_Mention] = field(default_factory=list)
    surnames: dict[str, _Mention] = field(default_factory=dict)


_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
_NATIONAL = frozenset(NATIONAL_KINDS)
_HEAD_KINDS = frozenset({"sector", "title"})
_POINTING = frozenset({"reference", "surname"})
_AGENTIVE_ONLY = frozenset({"agentive"})


def _choose(meanings: list[tuple[str, Entry]]) -> tuple[Entry, bool]:
    if len(meanings) == 1:
        entry = meanings[0][1]
        return entry, entry.kind == "title"
    entries = [e for _, e in meanings]
    best = min(entries, key=lambda e: _KIND_RANK[e.kind])
    return best, any(e.kind == "title" for e in entries)


def _atoms(text: str, start: int, end: int, kb: KnowledgeBase, state: _State) -> list[_Atom]:
    """Known phrases and surnames already seen, left to right, each the longest at its token. The
    tokens are split once and only those a phrase or a surname can start at are looked at."""
    words, offsets = token_texts(text, start, end)
    keys = list(map(str.lower, words))
    if text.find("’", start, end) >= 0:
        keys = [key.replace("’", "'") for key in keys]
    positions = range(len(words))
    starts = list(itertools.compress(positions, map(kb.trie.__contains__, keys)))
    others = []
    if state.surnames:
        others += itertools.compress(positions, map(state.surnames.__contains__, words))
    if text.find("-", start, end) >= 0 and "-led\0" in "\0".join(keys) + "\0":  # "Saudi-led"
        others += [i for i, key in enumerate(keys) if key.endswith(LED_SUFFIX)]
    if others:
        starts = sorted({*starts, *others})
    atoms: list[_Atom] = []
    following = 0  # the first token after the last phrase found
    for i in starts:
        if i < following:
            continue
        found = kb.match_words(words, keys, i)
        if found:
            used, meanings = found
            entry, is_title = _choose(meanings)
            a, b = offsets[2 * i + 1], offsets[2 * (i + used)]
            if not (entry.kind == "place" and _names_water(text, a, b)):
                atoms.append(_Atom(a, b, entry, is_title))
            following = i + used
            continue
        word = words[i]
        if word[:1].isupper() and word in state.surnames:
            atoms.append(_Atom(offsets[2 * i + 1], offsets[2 * i + 2], Entry("surname", name=word)))
    return atoms


def _names_water(text: str, start: int, end: int) -> bool:
    """"the Gulf of Aden", "the Kerch Strait": a sea named after a place is not that place."""
    return _WATER_BEFORE.search(text, max(0, start - 12), start) is not None \
        or _WATER_AFTER.match(text, end) is not None


def _joinable(text: str, chunk: list[_Atom], atom: _Atom) -> bool:
    gap = text[chunk[-1].end:atom.start]
    kinds = {a.entry.kind for a in chunk}
    if atom.entry.kind in _POINTING or not kinds.isdisjoint(_POINTING):
        return False
    if atom.entry.kind == "person" and "person" in kinds:
        return False
    if atom.entry.kind == "agentive" or "agentive" in kinds:
        return "agentive" not in kinds and chunk[-1].entry.kind == "demonym" and gap.isspace()
    if atom.entry.kind in ("country", "organization", "place") and "person" not in kinds \
            and chunk[-1].entry.kind in ("sector", "title") and _OF_GAP.fullmatch(gap):
        return True  # "the president of Armenia", "the foreign minister of China", "the mayor of Wuhan"
    if atom.entry.kind in NATIONAL_KINDS and kinds & {"sector", "title", "person"}:
        return False
    if _JOIN_GAP.fullmatch(gap):
        return True
    if atom.entry.kind in ("sector", "title") and _POSSESSIVE_ADJECTIVES.fullmatch(gap) \
            and not kinds.isdisjoint(_NATIONAL):
        return True  # "China's top diplomat"
    if atom.entry.kind in ("sector", "title") and text[atom.start:atom.start + 1].isupper() \
            and _PROPER_GAP.fullmatch(gap) and not kinds.isdisjoint(_NATIONAL):
        return True  # "the U.S. Commerce Department", "Russia's Emergencies Ministry"
    # "Hungarian and Romanian officials": coordinated nationalities share one head
    if atom.entry.kind == "demonym" and chunk[-1].entry.kind == "demonym" and _COORDINATION.fullmatch(gap):
        return True
    # "Chinese medical experts": a nationality adjective, one or two adjectives, a sector head
    return chunk[-1].entry.kind == "demonym" and atom.entry.kind in ("sector", "title") \
        and _ADJECTIVES_GAP.fullmatch(gap) is not None


def _chunks(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    chunks: list[list[_Atom]] = []
    for atom in atoms:
        if chunks and _joinable(text, chunks[-1], atom):
            chunks[-1].append(atom)
        else:
            chunks.append([atom])
    return chunks


def _role_on(entry: Entry, on: dt.date | None, wanted_sector: str | None) -> tuple[Role | None, bool]:
    """The role held on the date (preferring the chunk's sector); else the last one held before
    it, flagged as former."""
    dated = [r for r in entry.roles if r.start or r.end]
    undated = [r for r in entry.roles if not (r.start or r.end)]
    if on is None:
        current = [r for r in dated if r.end is None] or dated or undated
        return (current[0] if current else None), False
    active = [r for r in dated if r.active(on)]
    if active:
        preferred = [r for r in active if r.sector == wanted_sector]
        return (preferred or active)[0], False
    if undated:
        return undated[0], False
    past = sorted((r for r in dated if r.end and r.end <= on), key=lambda r: r.end)  # type: ignore[arg-type, return-value]
    if past:
        return past[-1], True
    return None, False


def _first_country(entry: Entry) -> str | None:
    """The country of a person's earliest known role (for dates before any of them)."""
    dated = sorted((r for r in entry.roles if r.start), key=lambda r: r.start)  # type: ignore[arg-type, return-value]
    return dated[0].country if dated else None


def _name_after(text: str, end: int, limit: int) -> int:
    """End of an unknown person's name right after a title: capitalized tokens."""
    position, count = end, 0
    while count < MAX_NAME_TOKENS:
        match = _NEXT_NAME_TOKEN.match(text, position, limit)
        if not match:
            break
        position, count = match.end(), count + 1
    return position if count else end


def _resolve_chunk(text: str, chunk: list[_Atom], limit: int, on: dt.date | None,
                   sentence: int) -> _Mention | None:
    start, end = chunk[0].start, chunk[-1].end
    if chunk[-1].entry.kind == "agentive":  # "an Indian proposal": India acted
        chunk = chunk[:-1]
        if not chunk:
            return None
        demonym = chunk[-1].entry
        return _Mention(Actor(chunk[0].start, chunk[-1].end, text[chunk[0].start:chunk[-1].end],
                              demonym.country or "", demonym.country, None, demonym.name), sentence)
    national: list[Entry] = []
    heads: list[_Atom] = []
    person = None
    for atom in chunk:
        kind = atom.entry.kind
        if kind in _NATIONAL:
            national.append(atom.entry)
        elif kind in _HEAD_KINDS:
            heads.append(atom)
        elif kind == "person" and person is None:
            person = atom.entry
    head_sector = heads[-1].entry.sector if heads else None
    if head_sector == "GOV":
        branch = [a.entry.sector for a in heads[:-1] if a.entry.sector in BRANCH_SECTORS]
        head_sector = branch[-1] if branch else head_sector
    country = next((e.country for e in national if e.country), None)
    name = role_title = kb_id = None
    gender = None
    if person is not None:
        role, former = _role_on(person, on, head_sector)
        if role is None:  # before any known role: the person's country, sector from the title
            country, sector = country or _first_country(person), head_sector
        else:
            country, sector = role.country, ("ELI" if former else role.sector)
            role_title = (f"former {role.title}" if former and role.title else role.title)
        name, kb_id, gender = person.name, person.kb_id, person.gender
        is_person = True
    else:
        is_person = False
        if heads and heads[-1].is_title and text[heads[-1].end:heads[-1].end + 1].isspace():
            name_end = _name_after(text, heads[-1].end, limit)
            if name_end > heads[-1].end:
                name, end, is_person = " ".join(text[heads[-1].end:name_end].split()), name_end, True
                role_title = text[heads[0].start:heads[-1].end]
        if national and national[0].kind == "organization" and head_sector in ("GOV", None):
            sector = national[0].sector  # "a senior EU official" is the EU's
        elif head_sector:
            sector = head_sector
        elif national:
            sector = national[0].sector
            if national[0].kind == "demonym" and not national[0].plural:
                return None  # "Russian" alone is an adjective, not an actor
        else:
            return None
        if not name and national:
            name = national[0].name
            kb_id = national[0].kb_id
    if chunk[-1].entry.kind == "sector" and text[chunk[-1].start:chunk[-1].start + 1].isupper():
        tail = _OF_TAIL.match(text, end, limit)
        if tail:
            end = tail.end()  # "Russia's Ministry of Emergency Situations"
    if country is None:
        return None
    if len(chunk) == 1 and _is_place(text, chunk[0]):
        return None
    if chunk[0].entry.kind in ("demonym", "sector", "title"):
        determiner = _DETERMINER.search(text, max(0, start - 4), start)
        if determiner:
            start = determiner.start()
    code = country + (sector or "")
    actor = Actor(start, end, text[start:end], code, country, sector, name, role_title, kb_id)
    words = {text[a.start:a.end].lower() for a in heads}
    if role_title:
        words |= set(role_title.lower().split())
    return _Mention(actor, sentence, frozenset(words), gender, is_person)


def _distribute(text: str, chunk: list[_Atom]) -> list[list[_Atom]]:
    """"Hungarian and Romanian officials" → [Hungarian officials], [Romanian officials]; the
    spans stay those of the whole phrase."""
    if len(chunk) == 1:
        return [chunk]
    demonyms = [a for a in chunk if a.entry.kind == "demonym"]
    if len(demonyms) < 2 or not all(_COORDINATION.fullmatch(text[a.end:b.start])
                                    for a, b in itertools.pairwise(demonyms)):
        return [chunk]
    rest = [a for a in chunk if a.entry.kind != "demonym"]
    if not rest:
        return [[_Atom(chunk[0].start, chunk[-1].end, d.entry, d.is_title)] for d in demonyms]
    first = chunk[0].start
    return [[_Atom(first, d.end, d.entry, d.is_title), *rest] for d in demonyms]


_PLACE_KINDS = frozenset({"capital", "metonym", "place"})


def _is_place(text: str, atom: _Atom) -> bool:
    """A capital or a city or region (places.yaml) used as a place ("talks in Beijing", "landed in
    Shanghai", "flew to Vladivostok"), not as an actor. Countries stay actors
    even after "in": where something happens is often its target ("shelled southern Lebanon"),
    which the event layer decides."""
    kind = atom.entry.kind
    if kind not in _PLACE_KINDS:
        return False
    start = atom.start
    if kind == "place":
        apposition = _PLACE_APPOSITION.search(text, max(0, start - 60), start)
        if apposition:
            start = apposition.start()
    before = text[max(0, start - 25):start]
    if _LOCATIVE_BEFORE.search(before):
        return True
    coordinated = _COORDINATED_PLACE_BEFORE.search(text, max(0, atom.start - 60), atom.start)
    if coordinated:  # "in Kyiv and Beijing"
        return _LOCATIVE_BEFORE.search(text[max(0, coordinated.start() - 25):coordinated.start()]) is not None
    return kind != "metonym" and _CAPITAL_LOCATIVE_BEFORE.search(before) is not None


def _head_word(words: set[str] | frozenset[str]) -> set[str]:
    return {re.sub(r"spokes(?:man|woman|person)", "spokes", w) for w in words}


def _antecedent_by_title(state: _State, heads: set[str], sentence: int) -> _Mention | None:
    """The nearest earlier mention whose title or role holds every word of `heads`
    ("the prime minister" → a mention with role Prime Minister)."""
    wanted = {word for head in _head_word(heads) for word in head.split()}
    for mention in reversed(state.mentions):
        if sentence - mention.sentence > REFERENCE_WINDOW:
            break
        known = {word for head in _head_word(mention.heads) for word in head.split()}
        if wanted and wanted <= known:
            return mention
    return None


def _refer(text: str, chunk: list[_Atom], state: _State, sentence: int) -> list[_Mention]:
    """Mentions that point back: "he", "both sides", a bare surname, "the spokesman"."""
    atom = chunk[0]
    entry = atom.entry
    start, end = atom.start, chunk[-1].end
    antecedents: list[_Mention] = []
    if entry.kind == "surname":
        antecedents = [state.surnames[entry.name]] if entry.name in state.surnames else []
    elif entry.kind == "reference" and entry.name == "person":
        for mention in reversed(state.mentions):
            if sentence - mention.sentence > 1:
                break
            if mention.person and (mention.gender in (None, entry.gender)):
                antecedents = [mention]
                break
    elif entry.kind == "reference" and entry.name == "thing":
        following = text[end:end + 30].split()
        if following and following[0].lower() in _AGENT_VERBS:
            for mention in reversed(state.mentions):
                if sentence - mention.sentence > 1:
                    break
                if not mention.person and mention.actor.resolved_from is None:
                    antecedents = [mention]
                    break
    elif entry.kind == "reference" and entry.name in ("organization", "company"):
        wanted = ("IGO", "NGO") if entry.name == "organization" else ("BUS",)
        for mention in reversed(state.mentions):
            if sentence - mention.sentence > REFERENCE_WINDOW:
                break
            if mention.actor.sector in wanted:
                antecedents = [mention]
                break
    elif entry.kind == "reference" and entry.name == "pair":
        seen: dict[str, _Mention] = {}
        for mention in reversed(state.mentions):
            country = mention.actor.country
            if mention.actor.sector == "MED":
                continue  # the outlets that report a meeting are not its sides
            if country and country not in ("IGO", "NGO", "IMG") and country not in seen:
                seen[country] = mention
            if len(seen) == 2:
                break
        if len(seen) == 2:
            antecedents = list(reversed(list(seen.values())))
    else:
        determiner = _DETERMINER.search(text, max(0, start - 4), start)
        if determiner and determiner.group(1).lower() == "the":
            heads = {text[a.start:a.end].lower() for a in chunk}
            found = _antecedent_by_title(state, heads, sentence)
            antecedents = [found] if found else []
            start = determiner.start()
    out = []
    for antecedent in antecedents:
        source = antecedent.actor
        sector = source.sector
        if entry.kind == "reference" and entry.name == "pair" and entry.sector:
            sector = entry.sector
        elif entry.kind == "reference" and entry.name == "pair" and sector is None:
            sector = entry.default_sector  # "the two sides" of two bare countries → GOV
        code = (source.country or "") + (sector or "")
        actor = Actor(start, end, text[start:end], code, source.country, sector, source.name, source.role,
                      source.kb_id, resolved_from=source.start)
        out.append(_Mention(actor, sentence, antecedent.heads, antecedent.gender, antecedent.person))
    return out


def find_actors(
    text: str,
    sentences: Sequence[Sentence],
    dates: Sequence[dt.date | None] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[Actor]:
    """Actor mentions of a document, sentence by sentence; `dates[i]` is the date on which the
    roles of people in sentence i are read (their event date)."""
    kb = kb or knowledge_base()
    state = _State()
    actors: list[Actor] = []
    for index, sentence in enumerate(sentences):
        on = dates[index] if dates else None
        atoms = _atoms(text, sentence.start, sentence.end, kb, state)
        for chunk in _chunks(text, atoms):
            kinds = {a.entry.kind for a in chunk}
            if kinds == _AGENTIVE_ONLY:
                continue
            if not kinds.isdisjoint(_POINTING) or kinds <= _HEAD_KINDS:
                mentions = _refer(text, chunk, state, index)
            else:
                mentions = []
                for part in _distribute(text, chunk):
                    mention = _resolve_chunk(text, part, sentence.end, on, index)
                    if mention:
                        mentions.append(mention)
            for mention in mentions:
                actors.append(mention.actor)
                state.mentions.append(mention)
                if mention.person and mention.actor.name and mention.actor.resolved_from is None:
                    state.surnames[surname_of(mention.actor.name, mention.actor.country)] = mention
    return actors


def load_knowledge_base(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    return knowledge_base(tuple(Path(p) for p in extra_dirs))
