"""A token trie: phrases as nested dicts keyed by lower-cased tokens, values under the key None.
Shared by the actor knowledge base and the event-trigger lexicon."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Token = tuple[str, int, int]  # text, start, end


def token_key(token: str) -> str:
    return token.lower().replace("’", "'")


def token_keys(words: list[str], text: str, start: int = 0, end: int | None = None) -> list[str]:
    """token_key of each of `words`, the tokens of text[start:end], with one test of the text
    for the curly apostrophe instead of one replace per token."""
    keys = list(map(str.lower, words))
    if text.find("’", start, len(text) if end is None else end) >= 0:
        keys = [key.replace("’", "'") for key in keys]
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
