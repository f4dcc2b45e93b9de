"""A token trie: phrases as nested dicts keyed by lower-cased tokens, values under the key None.
Shared by the actor knowledge base and the event-trigger lexicon."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Token = tuple[str, int, int]  # text, start, end


def token_key(token: str) -> str:
    return token.lower().replace("’", "'")


def token_keys(words: list[str], text: str, start: int = 0, end: int | None = None) -> list[str]:
    """token_key of each of `words`, the tokens of text[start:end]: one lower() of the words
    joined by spaces, split again, and one test of the text for the curly apostrophe instead of
    one replace per token. A space is no token's and breaks the only context lower() heeds (a
    final sigma), so the pieces are the words' own lower(); words holding a space would give
    more pieces, and are lowered one by one."""
    lowered = " ".join(words).lower()
    if text.find("’", start, len(text) if end is None else end) >= 0:
        lowered = lowered.replace("’", "'")
    keys = lowered.split(" ")
    if len(keys) != len(words):
        keys = [token_key(word) for word in words]
    return keys


def insert(trie: dict, keys: list[str], value: Any) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(token_key(key), {})
    node.setdefault(None, []).append(value)


def matches(trie: dict, tokens: list[Token], i: int) -> Iterator[tuple[int, list[Any]]]:
    """Every phrase starting at token i: (tokens used, values), shortest first."""
    node, j = trie, i
    while j < len(tokens):
        node = node.get(token_key(tokens[j][0]))
        if node is None:
            return
        j += 1
        if None in node:
            yield j - i, node[None]


def longest(trie: dict, tokens: list[Token], i: int,
            accept: Callable[[int, list[Any]], list[Any]] = lambda _n, values: values,
            ) -> tuple[int, list[Any]] | None:
    """The longest phrase starting at token i with values that `accept` keeps."""
    best = None
    for used, values in matches(trie, tokens, i):
        kept = accept(used, values)
        if kept:
            best = (used, kept)
    return best
