"""How alike two reports of the same words are: clause units, normalized text and a content
overlap that tolerates cuts, paraphrase and another translation."""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import yaml
from rapidfuzz import fuzz

STEM_LENGTH = 5  # words compared by their first letters: relations ~ relationship, value ~ valued
_TOKEN = re.compile(r"[\w’']+")
_CLAUSE_BREAK = re.compile(r"(?<=[.!?;])\s+|,\s+(?=(?:so|but|and therefore|and that|while|whereas)\b)",
                           re.IGNORECASE)
MIN_UNIT_WORDS = 3
SURFACE_MATCH = 0.75  # character similarity at which two short clauses are the same words


def normalize(text: str) -> str:
    """Lower case, one kind of quote and dash, no punctuation: for 'the same words' tests."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"n't\b", " not", text)
    return " ".join(_TOKEN.findall(text)).replace("'", "")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    lines = resources.files("dyadwatch.kb").joinpath("quotes/function_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in lines.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _paraphrases() -> dict[str, str]:
    """Each stem of a paraphrase group (kb/quotes/paraphrases.yaml) → the group's first stem."""
    source = resources.files("dyadwatch.kb").joinpath("quotes/paraphrases.yaml")
    data = yaml.safe_load(source.read_text("utf-8"))
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in groups):
        raise ValueError("kb/quotes/paraphrases.yaml: 'groups' must be a list of word lists")
    canonical: dict[str, str] = {}
    for group in groups:
        first = group[0].lower()[:STEM_LENGTH]
        for word in group:
            canonical.setdefault(word.lower()[:STEM_LENGTH], first)
    return canonical


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """Content words of a text, cut to their first letters; words that reports use for one
    another (kb/quotes/paraphrases.yaml) count as one."""
    stems = set()
    function_words = _function_words()
    canonical = _paraphrases()
    for word in normalize(text).split():
        if word in function_words or len(word) < 3:
            continue
        stem = word[:STEM_LENGTH] if not word.isdigit() else word
        stems.add(canonical.get(stem, stem))
    return frozenset(stems)


@lru_cache(maxsize=1)
def _omission_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """kb/quotes/omissions.yaml: qualifier words, number words, formula phrases (normalized)."""
    source = resources.files("dyadwatch.kb").joinpath("quotes/omissions.yaml")
    data = yaml.safe_load(source.read_text("utf-8"))
    keys = ("qualifiers", "numbers", "formulae")
    if not isinstance(data, dict) or not all(
            isinstance(data.get(k), list) and all(isinstance(w, str) for w in data[k]) for k in keys):
        raise ValueError(f"kb/quotes/omissions.yaml: {', '.join(keys)} must be lists of strings")
    return (frozenset(w.lower() for w in data["qualifiers"]), frozenset(w.lower() for w in data["numbers"]),
            tuple(f" {normalize(f)} " for f in data["formulae"] if normalize(f)))


_DETERMINERS = frozenset({"the", "our", "both", "these", "those", "their", "its"})  # "the two peoples"


def qualified(text: str) -> bool:
    """Does the clause hold a qualifier (a denial, hedge, condition or limit: "not", "perhaps",
    "once", "only", "but") or a number?"""
    qualifiers, numbers, _ = _omission_words()
    words = normalize(text).split()
    previous = ["", *words]
    return any(w in qualifiers or w.isdigit() or (w in numbers and before not in _DETERMINERS)
               for w, before in zip(words, previous, strict=False))


def formulaic(text: str) -> bool:
    """A clause of diplomatic ritual ("comprehensive strategic partners of coordination for a new
    era"): it holds a formula phrase and no qualifier or number."""
    padded = f" {normalize(text)} "
    return any(f in padded for f in _omission_words()[2]) and not qualified(text)


Weights = dict[str, float]


def weights(texts: list[str], versions: int) -> Weights:
    """Inverse document frequency of each content word over the clause units of a statement:
    the names repeated in every clause ("China", "Russia") count for less. A word is not
    counted rarer than one clause per version, so a clause's own words all weigh the same."""
    frequency: dict[str, int] = {}
    for text in texts:
        for stem in content_stems(text):
            frequency[stem] = frequency.get(stem, 0) + 1
    total = len(texts)
    return {stem: math.log(1 + total / max(count, versions)) for stem, count in frequency.items()}


def overlap(a: str, b: str, weight: Weights | None = None) -> float:
    """Weighted share of the shorter text's content words found in the other (0..1), zero when
    fewer than two content words are shared."""
    surface = fuzz.ratio(normalize(a), normalize(b)) / 100
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return surface
    shared = sa & sb
    if len(shared) < min(2, len(sa), len(sb)):
        return surface if surface >= SURFACE_MATCH else 0.0

    def mass(stems: frozenset[str]) -> float:
        return sum(weight.get(s, 1.0) for s in stems) if weight else float(len(stems))

    score = mass(shared) / min(mass(sa), mass(sb))
    return max(score, surface) if surface >= SURFACE_MATCH else score


def coverage(part: str, whole: str) -> float:
    """Share of `part`'s content words found in `whole`."""
    sp = content_stems(part)
    if not sp:
        return 0.0
    return len(sp & content_stems(whole)) / len(sp)


def same_words(a: str, b: str) -> bool:
    """The same wording, up to case and punctuation (a cut at either end allowed)."""
    na, nb = normalize(a), normalize(b)
    return na == nb or (min(len(na), len(nb)) >= 20 and fuzz.partial_ratio(na, nb) >= 97)


def clauses(text: str) -> list[str]:
    """A quotation cut into clause units (sentences, and clauses joined by ', so' or ', but')."""
    units = []
    for piece in _CLAUSE_BREAK.split(text):
        piece = piece.strip(" ,;.\"“”‘’'")
        if len(_TOKEN.findall(piece)) >= MIN_UNIT_WORDS:
            units.append(piece)
        elif units and piece:
            units[-1] = f"{units[-1]} {piece}"
    return units


def changed_words(reference: str, variant: str) -> list[tuple[str, str]]:
    """(reference words, variant words) for each stretch where the wording differs."""
    ref, var = reference.split(), variant.split()
    matcher = SequenceMatcher(a=[normalize(w) for w in ref], b=[normalize(w) for w in var], autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            changes.append((" ".join(ref[i1:i2]), " ".join(var[j1:j2])))
    return changes
