"""The trie-shaped pattern of cue candidates finds the same words as a plain alternation."""

import re

from dyadwatch.annotate.quotes.document import _spaced_word_of


def test_trie_pattern_matches_like_an_alternation() -> None:
    words = frozenset({"said", "say", "says", "saying", "tell", "told", "a", "add", "added"})
    plain = re.compile(rf" (?:{'|'.join(sorted(words, key=len, reverse=True))})(?= )")
    spaced = " said say a aa says sayings told tell  saying add adde added x "
    assert [m.span() for m in _spaced_word_of(words).finditer(spaced)] == \
        [m.span() for m in plain.finditer(spaced)]


def test_empty_word_set_matches_nothing() -> None:
    assert _spaced_word_of(frozenset()).search(" said ") is None
