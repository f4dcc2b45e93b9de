"""Atoms and chunks: the known phrases of a sentence (the longest at each token, found with the
knowledge base's trie; surnames already seen) and the noun phrases they form ("Chinese foreign
ministry spokesman Zhao Lijian", "Russia's Ministry of Emergency Situations", "Hungarian and
Romanian officials")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..trie import token_keys
from .kb import KIND_PRIORITY as KIND_PRIORITY
from .kb import LED_SUFFIX, Entry, KnowledgeBase, choose, token_texts
from .tails import TailPattern

NATIONAL_KINDS = ("organization", "outlet", "metonym", "capital", "country", "demonym", "place")
_FUNCTION_WORDS = (r"(?!(?:to|would|will|has|have|had|is|was|are|were|said|says|that|and|or|but|"
                   r"of|in|on|at|for|with|by|from|as|its|their|his|her|the|a|an)\b)")
_ADJECTIVES_GAP = re.compile(rf"(?:\s+{_FUNCTION_WORDS}[a-z][a-z-]*){{1,2}}\s+")
_POSSESSIVE_ADJECTIVES = re.compile(rf"\s*['’]s(?:\s+{_FUNCTION_WORDS}[a-z][a-z-]*){{1,2}}\s+")
_JOIN_GAP = re.compile(r"\s*|\s*['’]s\s+|\s*-\s*")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_PROPER_GAP = re.compile(r"(?:\s*['’]s)?(?:\s+[A-Z][a-z]+){1,3}\s+")  # "U.S. Commerce Department"
# A sea or strait named after a place is not that place: "the Gulf of Aden", "the Kerch Strait".
_WATER_BEFORE = TailPattern(r"\b(?:Gulf|Sea|Strait|Straits|Bay)\s+of\s+$", ("of",))
_WATER_AFTER = re.compile(r"\s+(?:Strait|Straits|Sea|Gulf|Bay|River)\b")
_COORDINATION = re.compile(r",?\s+(?:and|or)\s+|,\s+")


@dataclass
class Atom:
    start: int
    end: int
    entry: Entry
    is_title: bool = False


NATIONAL = frozenset(NATIONAL_KINDS)
POINTING = frozenset({"reference", "surname"})
_HEAD_OR_PERSON = frozenset({"sector", "title", "person"})


def find_atoms(text: str, start: int, end: int, kb: KnowledgeBase, surnames: Mapping[str, Any],
               unindexed: Collection[str] | None = None) -> list[Atom]:
    """Known phrases and surnames already seen, left to right, each the longest at its token. The
    tokens are split once and only those a phrase or a surname can start at are looked at.
    `unindexed`: the surnames whose key starts no phrase of the trie (all of them if None); the
    tokens of the others are looked at anyway, so only these are searched for."""
    words, offsets = token_texts(text, start, end)
    keys = token_keys(words, text, start, end)
    positions = range(len(words))
    trie = kb.trie
    starts = list(itertools.compress(positions, map(trie.__contains__, keys)))
    others = []
    unindexed = surnames if unindexed is None else unindexed
    if unindexed:
        others += itertools.compress(positions, map(unindexed.__contains__, words))
    led = text.find("-", start, end) >= 0 and "-led\0" in "\0".join(keys) + "\0"  # "Saudi-led"
    if led:
        others += [i for i, key in enumerate(keys) if key.endswith(LED_SUFFIX)]
    if others:
        starts = sorted({*starts, *others})
    atoms: list[Atom] = []
    following = 0  # the first token after the last phrase found
    last = len(keys) - 1
    for i in starts:
        if i < following:
            continue
        key = keys[i]
        node = trie.get(key)
        if node is not None and (i == last or keys[i + 1] not in node) \
                and not (led and key.endswith(LED_SUFFIX)):
            # no phrase goes on past this token: the token alone is one, or none (as "the", "to"
            # mostly are): what longest_match would find, without it
            meaning, used = kb.meaning_alone(words[i], node), 1
        else:
            found = kb.longest_match(words, keys, i)
            meaning, used = (choose(found[1]), found[0]) if found else (None, 0)
        if meaning:
            entry, is_title = meaning
            a, b = offsets[2 * i + 1], offsets[2 * (i + used)]
            if not (entry.kind == "place" and _names_water(text, a, b)):
                atoms.append(Atom(a, b, entry, is_title))
            following = i + used
            continue
        word = words[i]
        if word[:1].isupper() and word in surnames:
            atoms.append(Atom(offsets[2 * i + 1], offsets[2 * i + 2], Entry("surname", name=word)))
    return atoms


def _names_water(text: str, start: int, end: int) -> bool:
    """"the Gulf of Aden", "the Kerch Strait": a sea named after a place is not that place."""
    return _WATER_BEFORE.search(text, max(0, start - 12), start) is not None \
        or _WATER_AFTER.match(text, end) is not None


def _joinable(text: str, chunk: list[Atom], kinds: set[str], atom: Atom) -> bool:
    """Whether atom goes on the chunk (whose atoms' kinds are `kinds`)."""
    kind, last = atom.entry.kind, chunk[-1].entry.kind
    if kind in POINTING or not kinds.isdisjoint(POINTING):
        return False
    if kind == "person" and "person" in kinds:
        return False
    gap = text[chunk[-1].end:atom.start]
    if kind == "agentive" or "agentive" in kinds:
        return "agentive" not in kinds and last == "demonym" and gap.isspace()
    if kind in ("country", "organization", "place") and "person" not in kinds \
            and last in ("sector", "title") and _OF_GAP.fullmatch(gap):
        return True  # "the president of Armenia", "the foreign minister of China", "the mayor of Wuhan"
    if kind in NATIONAL_KINDS and not kinds.isdisjoint(_HEAD_OR_PERSON):
        return False
    if _JOIN_GAP.fullmatch(gap):
        return True
    if kind in ("sector", "title") and _POSSESSIVE_ADJECTIVES.fullmatch(gap) \
            and not kinds.isdisjoint(NATIONAL):
        return True  # "China's top diplomat"
    if kind in ("sector", "title") and text[atom.start:atom.start + 1].isupper() \
            and _PROPER_GAP.fullmatch(gap) and not kinds.isdisjoint(NATIONAL):
        return True  # "the U.S. Commerce Department", "Russia's Emergencies Ministry"
    # "Hungarian and Romanian officials": coordinated nationalities share one head
    if kind == "demonym" and last == "demonym" and _COORDINATION.fullmatch(gap):
        return True
    # "Chinese medical experts": a nationality adjective, one or two adjectives, a sector head
    return last == "demonym" and kind in ("sector", "title") and _ADJECTIVES_GAP.fullmatch(gap) is not None


def join_chunks(text: str, atoms: list[Atom]) -> list[tuple[list[Atom], set[str]]]:
    """The atoms joined into noun phrases, each with the set of its atoms' kinds."""
    if not atoms:
        return []
    chunk, kinds = [atoms[0]], {atoms[0].entry.kind}  # the chunk growing, and its kinds
    chunks = [(chunk, kinds)]
    for atom in itertools.islice(atoms, 1, None):
        if _joinable(text, chunk, kinds, atom):
            chunk.append(atom)
            kinds.add(atom.entry.kind)
        else:
            chunk, kinds = [atom], {atom.entry.kind}
            chunks.append((chunk, kinds))
    return chunks


def distribute(text: str, chunk: list[Atom]) -> list[list[Atom]]:
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
        return [[Atom(chunk[0].start, chunk[-1].end, d.entry, d.is_title)] for d in demonyms]
    first = chunk[0].start
    return [[Atom(first, d.end, d.entry, d.is_title), *rest] for d in demonyms]
