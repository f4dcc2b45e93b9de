"""Actor's hand-written __init__ (one dict update instead of a setattr per field) must stay the
dataclass's: the same parameters, defaults, equality, hash, repr and immutability."""

import dataclasses
import inspect

import pytest

from dyadwatch.model import Actor


def test_init_takes_the_fields_with_their_defaults() -> None:
    parameters = list(inspect.signature(Actor).parameters.values())
    fields = dataclasses.fields(Actor)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]


def test_actor_behaves_as_a_frozen_dataclass() -> None:
    actor = Actor(3, 9, "Russia", "RUS", "RUS", None, kb_id="Q159", resolved_from=1)
    assert dataclasses.astuple(actor) == (3, 9, "Russia", "RUS", "RUS", None, None, None, "Q159", 1)
    assert actor == Actor(3, 9, "Russia", "RUS", "RUS", None, None, None, "Q159", 1)
    assert hash(actor) == hash(Actor(3, 9, "Russia", "RUS", "RUS", None, None, None, "Q159", 1))
    assert repr(actor) == ("Actor(start=3, end=9, text='Russia', code='RUS', country='RUS', sector=None, "
                           "name=None, role=None, kb_id='Q159', resolved_from=1)")
    assert dataclasses.replace(actor, sector="GOV").sector == "GOV"
    with pytest.raises(dataclasses.FrozenInstanceError):
        actor.code = "CHN"  # type: ignore[misc]


@pytest.mark.parametrize("words", [
    [], [""], ["China", "’s", "Foreign", "Ministry"], ["ΟΔΟΣ", "Σ", "ΣΑΣ", "'Σ'", "σΣ"],
    ["İstanbul", "ẞ", "Ǆ"],
    ["a b", "C"], ["a b", ""], ["Don’t", "U.S.", "-led"]])
def test_token_keys_are_each_words_token_key(words: list[str]) -> None:
    from dyadwatch.annotate.trie import token_key, token_keys

    text = " ".join(words) + " ’"
    assert token_keys(words, text) == [token_key(word) for word in words]
