"""References: mentions that point back ("the spokesman", "he", "it", a bare surname, "both
sides") take the code of their antecedent in the document, with `resolved_from` giving its offset."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Actor
from .chunks import Atom
from .codes import DETERMINER, Mention

REFERENCE_WINDOW = 3  # sentences back for "he", "the spokesman"
# "it" refers back only as the subject of one of these ("Russia said it would …", not "it is unclear").
_AGENT_VERBS = frozenset({
    "said", "says", "would", "will", "has", "had", "could", "can", "should", "must", "may", "might",
    "plans", "planned", "wants", "wanted", "accused", "rejected", "denied", "added", "called", "urged",
    "warned", "demanded", "agreed", "decided", "announced", "claimed", "insisted", "hoped", "expects",
    "expected", "sent", "signed", "launched", "opened", "closed", "banned", "imposed", "condemned"})


@dataclass
class State:
    mentions: list[Mention] = field(default_factory=list)
    surnames: dict[str, Mention] = field(default_factory=dict)


def _head_word(words: set[str] | frozenset[str]) -> set[str]:
    return {re.sub(r"spokes(?:man|woman|person)", "spokes", w) for w in words}


def _antecedent_by_title(state: State, heads: set[str], sentence: int) -> Mention | None:
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


def refer(text: str, chunk: list[Atom], state: State, sentence: int) -> list[Mention]:
    """Mentions that point back: "he", "both sides", a bare surname, "the spokesman"."""
    atom = chunk[0]
    entry = atom.entry
    start, end = atom.start, chunk[-1].end
    antecedents: list[Mention] = []
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
        antecedents = _the_two_sides(state)
    else:
        determiner = DETERMINER.search(text, max(0, start - 4), start)
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
        out.append(Mention(actor, sentence, antecedent.heads, antecedent.gender, antecedent.person))
    return out


def _the_two_sides(state: State) -> list[Mention]:
    """"The two sides", "both leaders": the two countries the text has named most so far (the
    parties of a readout, not a third country its last sentence mentions), ties going to the
    later; each side's latest mention, in text order."""
    latest: dict[str, Mention] = {}
    counts: dict[str, int] = {}
    for mention in state.mentions:
        country = mention.actor.country
        if mention.actor.sector == "MED" or not country or country in ("IGO", "NGO", "IMG"):
            continue  # the outlets that report a meeting are not its sides
        latest[country] = mention
        counts[country] = counts.get(country, 0) + 1
    if len(latest) < 2:
        return []
    order = {id(m): i for i, m in enumerate(state.mentions)}
    two = sorted(latest, key=lambda c: (counts[c], order[id(latest[c])]), reverse=True)[:2]
    return sorted((latest[c] for c in two), key=lambda m: order[id(m)])
