"""Dependency structure for the event coder: who did what to whom, where token rules fall short.

A small spaCy tagger and parser trained on the UD English Web Treebank ships in
`dyadwatch/models/en_ewt_parser` (`make model`; licence and accuracy in docs/events.md). It is
loaded lazily from the package, never downloaded, and run only on the sentences the event coder
asks for (those holding two actors and a trigger). It is off by default: `DYADWATCH_PARSER=1` in
the environment (or `find_events(..., parser=True)`) turns it on. Without spaCy (`pip install
"dyadwatch[parser]"`) or the model, `parse()` returns nothing and the coder keeps its token rules.

`Parsed.roles(start, end)` gives the grammatical roles around a trigger span: subjects, passive
subjects, agents ("by X"), objects and prepositional phrases, each as a `Phrase` (the head word
and the words that name it: "Senior Hungarian officials" has head "officials" and names
"Hungarian"). Offsets are the document's characters.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["MODEL_NAME", "Parsed", "Phrase", "Roles", "available", "enabled", "model_path", "parse"]

MODEL_NAME = "en_ewt_parser"
ENV_SWITCH = "DYADWATCH_PARSER"  # "0"/"off"/"false": token rules only; "1"/"on": parse
# Off by default: on the PLOVER dev records it adds 1.0 point of event F1 (2 events of 210) and
# costs about 40 % of the pipeline's words/s (docs/events.md, "Parser").
DEFAULT_ON = False

# the words of a noun phrase that name who it is: "the Russian foreign minister", "Iraq's army"
_NAMING = frozenset({"amod", "compound", "nmod:poss", "flat", "nmod", "case", "det", "nummod"})
_NAMING_PREPOSITIONS = frozenset({"of", "from"})  # "the minister of …", "troops from …", not "talks with …"
_SUBJECT = ("nsubj", "nsubj:outer")
_PASSIVE_SUBJECT = ("nsubj:pass",)
_OBJECT = ("obj", "iobj")
_OBLIQUE = ("obl", "nmod", "obl:unmarked", "nmod:unmarked")
_INHERITS_SUBJECT = ("conj", "xcomp")  # "… and attacked", "agreed to send": the head's subject
_RELATIVE = ("acl:relcl",)
_COMPLEMENT = ("ccomp",)
_PERSONAL = frozenset({"it", "they", "he", "she", "we"})
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
_VERB_TAGS = ("VB", "MD")


def model_path() -> Path:
    return Path(str(resources.files("dyadwatch") / "models" / MODEL_NAME))


def enabled() -> bool:
    """Whether the event coder parses by default: the environment switch, else DEFAULT_ON."""
    value = os.environ.get(ENV_SWITCH, "").strip().lower()
    if value in ("0", "off", "false", "no"):
        return False
    if value in ("1", "on", "true", "yes"):
        return True
    return DEFAULT_ON


@lru_cache(maxsize=1)
def _nlp() -> Any | None:
    path = model_path()
    if not (path / "config.cfg").is_file():
        return None
    try:
        import spacy
    except ImportError:
        return None
    return spacy.load(path)


def available() -> bool:
    """spaCy is installed and the shipped model loads."""
    return _nlp() is not None


@dataclass(frozen=True)
class Phrase:
    """A noun phrase in a grammatical role: its head word and the words that name it."""

    head: tuple[int, int]
    words: tuple[tuple[int, int], ...] = ()
    preposition: str | None = None  # for prepositional phrases: "to", "with", "against"


@dataclass(frozen=True)
class Roles:
    verbal: bool
    passive: bool
    subjects: tuple[Phrase, ...] = ()
    passive_subjects: tuple[Phrase, ...] = ()
    agents: tuple[Phrase, ...] = ()
    objects: tuple[Phrase, ...] = ()
    obliques: tuple[Phrase, ...] = ()
    owners: tuple[Phrase, ...] = ()  # a noun's possessor or modifier: "Russia's aid", "Russian aid"


@dataclass
class Parsed:
    """One parsed sentence; `offset` turns the parse's character offsets into the document's."""

    doc: Any
    offset: int
    _by_char: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for token in self.doc:
            for char in range(token.idx, token.idx + len(token.text)):
                self._by_char[char] = token.i

    def _tokens(self, start: int, end: int) -> list[Any]:
        seen = sorted({self._by_char[c] for c in range(start - self.offset, end - self.offset)
                       if c in self._by_char})
        return [self.doc[i] for i in seen]

    def head_of(self, start: int, end: int) -> Any | None:
        """The syntactic head of a character span: its token whose head lies outside it."""
        tokens = self._tokens(start, end)
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        verbs = [t for t in heads if t.tag_.startswith(_VERB_TAGS)]
        return (verbs or heads or [None])[0]

    def roles(self, start: int, end: int) -> Roles | None:
        token = self.head_of(start, end)
        if token is None:
            return None
        verbal = token.tag_.startswith("VB")
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children)
        subjects = self._subjects(token)
        objects: list[Phrase] = []
        obliques = self._obliques(token)
        owners: list[Phrase] = []
        if not verbal:
            owners = [p for c in token.children if c.dep_ in ("nmod:poss", "amod", "compound")
                      for p in self._phrases(c)]
            # "held talks with", "provided aid to": the light verb's subject and phrases
            if token.dep_ == "obj" and token.head.tag_.startswith("VB"):
                verb = token.head
                subjects = self._subjects(verb)
                obliques += self._obliques(verb)
                objects = [p for c in verb.children if c.dep_ == "iobj" for p in self._phrases(c)]
        else:
            found = [c for c in token.children if c.dep_ in _OBJECT]
            objects = [p for c in found for p in self._phrases(c)]
            # "sent supplies to China": the phrase may hang on the object
            obliques += [p for c in found if c.dep_ == "obj" for p in self._obliques(c)]
        return Roles(
            verbal=verbal, passive=passive, subjects=tuple(subjects),
            passive_subjects=tuple(p for c in token.children if c.dep_ in _PASSIVE_SUBJECT
                                   for p in self._phrases(c)),
            agents=tuple(p for c in token.children if c.dep_ == "obl:agent" for p in self._phrases(c)),
            objects=tuple(objects), obliques=tuple(obliques), owners=tuple(owners))

    def _subjects(self, token: Any, depth: int = 0) -> list[Phrase]:
        for _ in range(4):  # "agreed to send and deliver": climb conjuncts and complements
            found = [c for c in token.children if c.dep_ in _SUBJECT]
            if found:
                if token.dep_ in _RELATIVE and found[0].lower_ in _RELATIVE_WORDS:
                    return self._phrases(token.head)  # "the state that attacked": the state
                if depth < 2 and len(found) == 1 and found[0].lower_ in _PERSONAL \
                        and token.dep_ in _COMPLEMENT and token.head.i != token.i:
                    # "Iraq said it would allow", "… and said they opposed": the pronoun is the
                    # subject of the clause it is reported in
                    return self._subjects(token.head, depth + 1) or self._phrases(found[0])
                return [p for c in found for p in self._phrases(c)]
            if token.dep_ not in _INHERITS_SUBJECT or token.head.i == token.i:
                return []
            if any(c.dep_ in _PASSIVE_SUBJECT for c in token.children):
                return []
            token = token.head
        return []

    def _obliques(self, token: Any) -> list[Phrase]:
        out = []
        for child in token.children:
            if child.dep_ not in _OBLIQUE:
                continue
            case = next((c for c in child.children if c.dep_ == "case" and c.i < child.i), None)
            if case is None:
                continue
            out += [Phrase(p.head, p.words, case.lower_) for p in self._phrases(child)]
        return out

    def _span(self, token: Any) -> tuple[int, int]:
        return token.idx + self.offset, token.idx + len(token.text) + self.offset

    def _phrases(self, token: Any) -> list[Phrase]:
        """The phrase headed by `token` and those coordinated with it ("Russia and China")."""
        out = []
        for head in [token, *(c for c in token.subtree if c.dep_ == "conj" and self._conjunct_of(c, token))]:
            words = []
            stack = [c for c in head.children if self._names(c)]
            while stack:  # below the head, coordinated modifiers too: "Hungarian and Romanian"
                word = stack.pop()
                words.append(self._span(word))
                stack += [c for c in word.children if self._names(c) or c.dep_ == "conj"]
            out.append(Phrase(self._span(head), tuple(sorted(words))))
        return out

    @staticmethod
    def _names(token: Any) -> bool:
        if token.dep_ != "nmod":
            return token.dep_ in _NAMING
        case = next((c for c in token.children if c.dep_ == "case"), None)
        return case is None or case.lower_ in _NAMING_PREPOSITIONS

    @staticmethod
    def _conjunct_of(token: Any, root: Any) -> bool:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            if token.i == root.i:
                return True
        return False


def parse(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, Parsed]:
    """Parse the sentences text[start:end] (all at once); keyed by their start. Empty when the
    parser is not available."""
    nlp = _nlp()
    if nlp is None or not spans:
        return {}
    docs = nlp.pipe((text[s:e] for s, e in spans), batch_size=64)
    return {s: Parsed(doc, s) for (s, _e), doc in zip(spans, docs, strict=True)}
