"""The quote layer's shortcuts give what the plain searches give."""

from __future__ import annotations

import random
import re

import pytest

from dyadwatch.annotate.quotes import cues as cues_module
from dyadwatch.annotate.quotes.document import Doc, has_words, word_count


def _plain_alternation(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"


def _lexicon_text(seed: int) -> str:
    """Lexicon phrases in mixed case among words, marks and non-ASCII letters."""
    data = cues_module.yaml.safe_load(
        cues_module.resources.files("dyadwatch.kb").joinpath("quotes/cues.yaml").read_text("utf-8"))
    phrases = [f for v in data["verbs"].values() for f in v]
    phrases += [w for key, value in data.items() if isinstance(value, list) for w in value]
    rng = random.Random(seed)
    phrases += ["the", "a", "his", "Peskov", "on", "at", "ſaid", "\u212aremlin", ",", "“"]
    pieces = []
    for _ in range(600):
        piece = rng.choice(phrases)
        piece = rng.choice([piece, piece.upper(), piece.title(), piece.replace(" ", "  ")])
        pieces.append(piece + rng.choice([" ", " ", ", ", ". ", "\n", ""]))
    return "".join(pieces)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grouped_alternations_match_what_plain_ones_match(seed, monkeypatch):
    grouped = cues_module.load_cues()
    monkeypatch.setattr(cues_module, "_alternation", _plain_alternation)
    plain = cues_module.load_cues()
    text = _lexicon_text(seed)
    for field in ("verb", "clause_verb", "bare_clause_verb", "listener", "setting", "speaker_before",
                  "quoted_as", "term_marker", "headline_speaker", "continuation", "coordinated_predicate",
                  "directive", "stance", "group_speaker"):
        ours, theirs = getattr(grouped, field), getattr(plain, field)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], field
        for start in range(0, len(text), 7):
            found, expected = ours.match(text, start), theirs.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (field, start)


def test_alternation_with_a_capital_or_non_ascii_word_stays_ungrouped():
    assert cues_module._alternation(["Said", "say"]) == _plain_alternation(["Said", "say"])
    assert cues_module._alternation(["ſaid", "say"]) == _plain_alternation(["ſaid", "say"])
    grouped = cues_module._alternation(["said", "say", "told"])
    assert grouped in ("s(?:aid|ay)|t(?:old)", "t(?:old)|s(?:aid|ay)")
    assert re.fullmatch(cues_module._alternation(["say", "said", "point out"]), "point  out")


def test_has_words_counts_as_word_count_does():
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice("ab c’'-,.é_\n") for _ in range(rng.randrange(14)))
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        count = rng.randrange(6)
        assert has_words(text, count, start, end) == (word_count(text[start:end]) >= count)


@pytest.mark.parametrize("text", [
    "“Peskov said,” he noted — and ‘stressed’ that talks went on; ACCORDING to Lavrov, TOLD reporters.",
    "Café owners said so; the \u212aremlin told nothing, ſaid none.",
    "İstanbul officials said that according to them it was over.",
])
def test_cue_gates_agree_with_a_full_scan(text):
    cues = cues_module.default_cues()
    doc = Doc(text, [], [], [], None, cues)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            holds = any(p.search(text[start:end]) for p in (cues.verb, cues.directive, cues.stance)) or \
                re.search("according to", text[start:end], re.IGNORECASE)
            if holds:
                assert doc.may_hold_cue(start, end), (start, end)
            for pattern in (cues.verb, cues.directive, cues.stance):
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                assert [m.span() for m in doc.verbs_in(pattern, start, end)] == expected, (start, end)


@pytest.mark.parametrize("text", [
    "Peskov said; unsaid, resaid and SAID Lavrov told “reporters” he would say more.",
    "Café owners said so; the \u212aremlin told nothing, ſaid none.",
])
def test_verb_spans_are_the_matches_in_the_slice(text):
    cues = cues_module.default_cues()
    doc = Doc(text, [], [], [], None, cues)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            expected = [(start + m.start(), start + m.end()) for m in cues.verb.finditer(text[start:end])]
            assert doc.verb_spans(cues.verb, start, end) == expected, (start, end)
