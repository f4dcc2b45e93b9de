"""The kind of a document: news, analysis, transcript or other, from cues in kb/document_kinds.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..kb.outlets import Outlet
from ..model import Kind

_OUTLET_TYPE_KIND: dict[str, Kind] = {
    "journal": "analysis", "think-tank": "analysis", "government": "other",
    "wire": "news", "newspaper": "news", "broadcaster": "news", "online": "news",
}
# "Zhao Lijian:" or "Question:" at the start of a line.
_SPEAKER_TURN = re.compile(r"^(?P<label>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*|Q|A)\s*:\s+\S", re.M)


@dataclass(frozen=True)
class KindCues:
    transcript_title_words: tuple[str, ...]
    turn_labels: frozenset[str]
    min_turns: int
    min_turns_with_title: int
    analysis_title_words: tuple[str, ...]
    min_words_signed: int


@lru_cache(maxsize=1)
def kind_cues() -> KindCues:
    data = yaml.safe_load(resources.files("dyadwatch.kb").joinpath("document_kinds.yaml")
                          .read_text("utf-8"))
    return KindCues(
        tuple(w.lower() for w in data["transcript"]["title_words"]),
        frozenset(w.lower() for w in data["transcript"]["turn_labels"]),
        int(data["transcript"]["min_turns"]),
        int(data["transcript"]["min_turns_with_title"]),
        tuple(w.lower() for w in data["analysis"]["title_words"]),
        int(data["analysis"]["min_words_signed"]),
    )


def count_turns(text: str, labels: frozenset[str]) -> int:
    """Question/answer turns: lines opening with a turn label, or a speaker who speaks twice."""
    speakers: dict[str, int] = {}
    for match in _SPEAKER_TURN.finditer(text):
        label = match["label"].lower()
        speakers[label] = speakers.get(label, 0) + 1
    labelled = sum(n for label, n in speakers.items() if label in labels)
    named = sum(n for label, n in speakers.items() if label not in labels and n >= 2)
    return labelled + named


def _has_word(title: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", title) for w in words)


def detect_kind(
    text: str,
    title: str | None,
    outlet: Outlet | None,
    author: str | None,
    has_dateline: bool,
    has_publication_line: bool,
) -> Kind:
    cues = kind_cues()
    title_lower = (title or "").lower()
    turns = count_turns(text, cues.turn_labels)
    if turns >= cues.min_turns or (
        turns >= cues.min_turns_with_title and _has_word(title_lower, cues.transcript_title_words)
    ):
        return "transcript"
    if outlet is not None and outlet.type in ("journal", "think-tank", "government"):
        return _OUTLET_TYPE_KIND[outlet.type]
    if has_publication_line or _has_word(title_lower, cues.analysis_title_words):
        return "analysis"
    if has_dateline:
        return "news"
    if outlet is not None:
        return _OUTLET_TYPE_KIND[outlet.type]
    if author and len(text.split()) >= cues.min_words_signed:
        return "analysis"
    return "other"
