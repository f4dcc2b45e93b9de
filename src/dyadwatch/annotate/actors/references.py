"""References: mentions that point back ("the spokesman", "he", "it", a bare surname, "both
sides") take the code of their antecedent in the document, with `resolved_from` giving its offset."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

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


_NOT_A_SIDE = frozenset({"IGO", "NGO", "IMG"})


@dataclass
class State:
    mentions: list[Mention] = field(default_factory=list)
    surnames: dict[str, Mention] = field(default_factory=dict)
    # the countries that can be "the two sides": how often each is named, and where in `mentions`
    # it last is, kept up to date by add() instead of counted again at each "both sides"
    sides: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        country = mention.actor.country
        if mention.actor.sector != "MED" and country and country not in _NOT_A_SIDE:
            # the outlets that report a meeting are not its sides
            self.sides[country] = (self.sides.get(country, (0, 0))[0] + 1, len(self.mentions))
        self.mentions.append(mention)


_SPOKES = re.compile(r"spokes(?:man|woman|person)")


@lru_cache(maxsize=4096)
def _title_words(heads: frozenset[str]) -> frozenset[str]:
    """The words of a mention's head words and role title ("spokesman" and "spokeswoman" as one)."""
    return frozenset(word for head in heads for word in _SPOKES.sub("spokes", head).split())


def _antecedent_by_title(state: State, heads: set[str], sentence: int) -> Mention | None:
    """The nearest earlier mention whose title or role holds every word of `heads`
    ("the prime minister" → a mention with role Prime Minister)."""
    wanted = _title_words(frozenset(heads))
    if not wanted:
        return None
    for mention in reversed(state.mentions):
        if sentence - mention.sentence > REFERENCE_WINDOW:
            break
        if wanted <= _title_words(mention.heads):
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
    if len(state.sides) < 2:
        return []
    two = sorted(state.sides.values(), reverse=True)[:2]  # (count, index of the latest mention)
    return [state.mentions[index] for index in sorted(index for _, index in two)]
