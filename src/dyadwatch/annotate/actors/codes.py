"""Codes: a chunk resolved to a country and a sector (a known person's role on the sentence's
date, a nationality and a head word, an unknown person after a title), unless it is no actor (a
nationality adjective alone, a capital or a city used as a place)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...model import Actor
from .chunks import NATIONAL, Atom
from .kb import Entry, Role
from .tails import TailPattern, last_words_pattern

# A place, not an actor: "in Kyiv", "visited Beijing", "across China".
_LOCATIVE_BEFORE = last_words_pattern((
    "in", "at", "inside", "across", "within", "throughout", "around", "near", "outside", "into", "via",
    "visited", "visiting", "visit", "visits", "arrived in", "landed in", "flew to", "travelled to",
    "traveled to", "trip to", "headed to", "returned to", "based in", "held in"))
_CAPITAL_LOCATIVE_BEFORE = last_words_pattern(("to", "from"))
_PLACE_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_COORDINATED_PLACE_BEFORE = TailPattern(rf"(?:{_PLACE_NAME}\s*,\s*)*{_PLACE_NAME},?\s+(?:and|or)\s+$",
                                        ("and", "or"))
# "the Chinese city of Wuhan", "the border town of Suifenhe": the place's locative comes before.
_PLACE_APPOSITION = TailPattern(
    r"(?:\b(?:the|a)\s+)?(?:[A-Z][\w-]*\s+)?(?:(?:border|port|river|coastal|northern|southern|"
    r"eastern|western|central)\s+)?(?:city|town|port|village|province|region|state|oblast|krai|"
    r"district|county|prefecture)\s+of\s+$", ("of",))
# Government branches that make a generic government head more specific ("a defence official").
BRANCH_SECTORS = frozenset({"MIL", "COP", "JUD", "LEG", "HLH"})
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w-]*)*")
_NAME_TOKEN = re.compile(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.")
_NEXT_NAME_TOKEN = re.compile(r"\s+(" + _NAME_TOKEN.pattern + r")")
DETERMINER = last_words_pattern(("the", "a", "an"), capture=True)
MAX_NAME_TOKENS = 4
HEAD_KINDS = frozenset({"sector", "title"})


@dataclass
class Mention:
    """A resolved mention, kept for references later in the document."""

    actor: Actor
    sentence: int
    heads: frozenset[str] = frozenset()
    gender: str | None = None
    person: bool = False


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


def resolve_chunk(text: str, chunk: list[Atom], limit: int, on: dt.date | None,
                   sentence: int) -> Mention | None:
    start, end = chunk[0].start, chunk[-1].end
    if chunk[-1].entry.kind == "agentive":  # "an Indian proposal": India acted
        chunk = chunk[:-1]
        if not chunk:
            return None
        demonym = chunk[-1].entry
        return Mention(Actor(chunk[0].start, chunk[-1].end, text[chunk[0].start:chunk[-1].end],
                              demonym.country or "", demonym.country, None, demonym.name), sentence)
    national: list[Entry] = []
    heads: list[Atom] = []
    person = None
    country = None  # the first national entry's that has one
    for atom in chunk:
        kind = atom.entry.kind
        if kind in NATIONAL:
            national.append(atom.entry)
            if country is None and atom.entry.country:
                country = atom.entry.country
        elif kind in HEAD_KINDS:
            heads.append(atom)
        elif kind == "person" and person is None:
            person = atom.entry
    head_sector = heads[-1].entry.sector if heads else None
    if head_sector == "GOV":
        branch = [a.entry.sector for a in heads[:-1] if a.entry.sector in BRANCH_SECTORS]
        head_sector = branch[-1] if branch else head_sector
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
        determiner = DETERMINER.search(text, max(0, start - 4), start)
        if determiner:
            start = determiner.start()
    code = country + (sector or "")
    actor = Actor(start, end, text[start:end], code, country, sector, name, role_title, kb_id)
    return Mention(actor, sentence, _head_words(text, heads, role_title), gender, is_person)


def _head_words(text: str, heads: list[Atom], role_title: str | None) -> frozenset[str]:
    """The words a later "the spokesman", "the foreign minister" is matched against."""
    if not heads and not role_title:
        return frozenset()
    words = {text[a.start:a.end].lower() for a in heads}
    if role_title:
        words |= set(role_title.lower().split())
    return frozenset(words)


_PLACE_KINDS = frozenset({"capital", "metonym", "place"})


def _is_place(text: str, atom: Atom) -> bool:
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
