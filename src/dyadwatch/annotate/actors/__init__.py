"""Actors: who acts — countries, governments, officials with dated roles, media, organizations.

Mentions are found with a token trie over the knowledge base (kb.py), joined into noun-phrase
chunks ("Chinese foreign ministry spokesman Zhao Lijian", "Russia's Ministry of Emergency
Situations", "a Chinese expert") and resolved to codes: the nationality word gives the country,
the head word the sector, and a known person's role on the sentence's date decides both. Words
that point back ("the spokesman", "he", a bare surname, "both sides") take their antecedent's
code, with `resolved_from` giving its offset.

The steps live in chunks.py (atoms and chunks), codes.py (a chunk's code, or no actor) and
references.py (words that point back); the knowledge base in kb.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

# The "X as X" names are the ones this module defined or imported before its steps moved to
# chunks.py, codes.py and references.py: still importable from here.
from ...model import Actor, Sentence
from ..trie import token_key
from .chunks import NATIONAL_KINDS as NATIONAL_KINDS
from .chunks import POINTING, distribute, find_atoms, join_chunks
from .codes import BRANCH_SECTORS as BRANCH_SECTORS
from .codes import HEAD_KINDS, resolve_chunk
from .codes import MAX_NAME_TOKENS as MAX_NAME_TOKENS
from .kb import KIND_PRIORITY as KIND_PRIORITY
from .kb import Entry as Entry
from .kb import KnowledgeBase, knowledge_base, surname_of
from .kb import Role as Role
from .kb import tokenize as tokenize
from .references import REFERENCE_WINDOW as REFERENCE_WINDOW
from .references import State, refer

__all__ = ["find_actors", "knowledge_base"]

_AGENTIVE_ONLY = frozenset({"agentive"})


def find_actors(
    text: str,
    sentences: Sequence[Sentence],
    dates: Sequence[dt.date | None] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[Actor]:
    """Actor mentions of a document, sentence by sentence; `dates[i]` is the date on which the
    roles of people in sentence i are read (their event date)."""
    kb = kb or knowledge_base()
    state = State()
    unindexed: set[str] = set()  # the surnames seen whose key starts no phrase of the trie
    actors: list[Actor] = []
    for index, sentence in enumerate(sentences):
        on = dates[index] if dates else None
        atoms = find_atoms(text, sentence.start, sentence.end, kb, state.surnames, unindexed)
        for chunk, kinds in join_chunks(text, atoms):
            if kinds == _AGENTIVE_ONLY:
                continue
            if not kinds.isdisjoint(POINTING) or kinds <= HEAD_KINDS:
                mentions = refer(text, chunk, state, index)
            else:
                mentions = []
                for part in distribute(text, chunk):
                    mention = resolve_chunk(text, part, sentence.end, on, index)
                    if mention:
                        mentions.append(mention)
            for mention in mentions:
                actors.append(mention.actor)
                state.add(mention)
                if mention.person and mention.actor.name and mention.actor.resolved_from is None:
                    surname = surname_of(mention.actor.name, mention.actor.country)
                    state.surnames[surname] = mention
                    if token_key(surname) not in kb.trie:
                        unindexed.add(surname)
    return actors


def load_knowledge_base(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    return knowledge_base(tuple(Path(p) for p in extra_dirs))
