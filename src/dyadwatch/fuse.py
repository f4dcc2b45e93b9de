"""Fusion: event mentions from many documents become events, one per real happening.

Two mentions report the same happening when they have the same actors (by country; order-free
for reciprocal triggers), compatible dates (the same day, or one contained in the other at a
coarser precision), and the same PLOVER category — or categories of the same quad class with
similar wording. A mention dated only by month, week or year could belong to any happening of
that period: it joins one only with similar wording (the best match), else it stands alone, and
the most precisely dated mentions form the events first. Each event keeps all its mentions as
sources; its salience grows with the number of independent outlets, the number of mentions and
the intensity. Mentions that are negated, hypothetical or questions report no happening and are
left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import Event, Source

_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "and", "for", "with", "its", "by",
    "at", "from", "as", "is", "was", "were", "has", "had", "that", "this", "be", "been",
    "their", "his", "her", "it", "said", "says",
})
WORDING_OVERLAP = 0.34  # share of content words two summaries need to merge across categories


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _countries(actors: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(a["country"] for a in actors if a.get("country"))


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def reports_a_happening(mention: dict[str, Any]) -> bool:
    return not mention.get("negated") and mention.get("modality") in (None, "future") and \
        (mention.get("modality") != "future" or mention["plover"] == "AGREE")


@dataclass
class _Cluster:
    actors: frozenset[str]
    source: frozenset[str]
    target: frozenset[str]
    reciprocal: bool
    mentions: list[dict[str, Any]] = field(default_factory=list)
    wordings: list[set[str]] = field(default_factory=list)  # each mention's summary words
    dates: Counter = field(default_factory=Counter)
    date: str | None = None  # the most precise date, the most reported among equals

    def add(self, mention: dict[str, Any], words: set[str]) -> None:
        self.mentions.append(mention)
        self.wordings.append(words)
        if mention["date"]:
            self.dates[mention["date"]] += 1
            self.date = max(self.dates, key=lambda d: (len(d), self.dates[d]))

    def same_actors(self, mention: dict[str, Any], source: frozenset[str], target: frozenset[str]) -> bool:
        if self.reciprocal or mention.get("reciprocal"):
            return self.actors == source | target
        return (self.source, self.target) == (source, target)

    def similarity(self, mention: dict[str, Any], words: set[str]) -> float:
        """How well the mention fits, by wording; -1 when it cannot be the same happening."""
        if not _dates_compatible(self.date, mention["date"]):
            return -1
        overlap = max(_overlap(words, other) for other in self.wordings)
        same_category = mention["plover"] in {m["plover"] for m in self.mentions}
        # one country acting at home or on no one named does many things a day: there the wording
        # must agree too
        domestic = len(self.actors) == 1
        if same_category and mention["date"] == self.date and (not domestic or overlap >= WORDING_OVERLAP):
            return overlap
        same_quad = any(m["quad"] == mention["quad"] for m in self.mentions)
        return overlap if (same_category or same_quad) and overlap >= WORDING_OVERLAP else -1


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def fuse(mentions: list[dict[str, Any]]) -> list[Event]:
    """Cluster stored mention rows (with `outlet`, `published`, `sentence`) into events."""
    clusters: list[_Cluster] = []
    by_actors: dict[frozenset[str], list[_Cluster]] = {}  # only clusters with the same actors can match
    for mention in sorted(mentions, key=lambda m: (-len(m["date"] or ""), m["date"] or "", m["id"])):
        if not reports_a_happening(mention):
            continue
        source, target = _countries(mention["source"]), _countries(mention["target"])
        if not source:
            continue
        candidates = by_actors.setdefault(source | target, [])
        words = _words(mention["summary"] or "")
        scored = [(c.similarity(mention, words), -i, c) for i, c in enumerate(candidates)
                  if c.same_actors(mention, source, target)]
        fit, _, cluster = max(scored, key=lambda s: s[:2], default=(-1, 0, None))
        if cluster is None or fit < 0:  # the best fit, the earliest cluster among equals
            cluster = _Cluster(source | target, source, target, bool(mention.get("reciprocal")))
            candidates.append(cluster)
            clusters.append(cluster)
        cluster.add(mention, words)
    return [_event(c) for c in clusters]


def _event(cluster: _Cluster) -> Event:
    mentions = cluster.mentions
    category = Counter(m["plover"] for m in mentions).most_common(1)[0][0]
    chosen = [m for m in mentions if m["plover"] == category]
    outlets = {m.get("outlet") or m["document_id"] for m in mentions}
    intensity = sum(m["intensity"] or 0.0 for m in chosen) / len(chosen)
    summary = _best_summary(chosen)
    date = cluster.date
    precision = next((m["date_precision"] for m in mentions if m["date"] == date), None)
    sources = tuple(Source(m["id"], m["document_id"], m.get("outlet"), m.get("published"),
                           m.get("sentence", ""), m["sentence_start"], m["sentence_end"]) for m in mentions)
    codes = lambda key: tuple(sorted({a["code"] for m in chosen for a in m[key]}))  # noqa: E731
    context = tuple(sorted({c for m in mentions for c in (m.get("context") or [])}))
    return Event(date, precision, category, chosen[0]["mode"], chosen[0]["cameo"], chosen[0]["quad"],
                 round(intensity, 2), codes("source"), codes("target"), summary,
                 round(2.0 * len(outlets) + len(mentions) + abs(intensity) / 10, 2), sources, context)


_CLAUSE_OPENING = re.compile(r"(?i:(?:^|[:;,(—–]|--|\bthat)\s*(?:the\s+)?)$")  # also "…, the President of"


def _opens_a_clause(summary: str, sentence: str) -> bool:
    """Whether a summary's first two words open a clause of its sentence (its start, or after a
    colon, comma, dash or "that") rather than start inside a phrase ("Heilongjiang medical
    institutions arrived" out of "specialists from … Heilongjiang medical institutions arrived")."""
    head = " ".join(summary.split()[:2]).rstrip(".,")
    at = sentence.lower().find(head.lower()) if head else -1
    return at >= 0 and _CLAUSE_OPENING.search(sentence[:at]) is not None


def _best_summary(mentions: list[dict[str, Any]]) -> str:
    """The summary that tells the event best: prefer ones that start with a name, not a pronoun,
    are neither fragments nor run-ons and open a clause of their sentence; among those, the nearest
    to 12 words, then the most central (the most words shared with the other mentions' summaries,
    so that a mention fused in by its date and parties does not speak for the rest)."""
    wordings = [_words(m["summary"] or "") for m in mentions]

    def score(i: int) -> tuple[bool, bool, int, float]:
        summary = mentions[i]["summary"] or ""
        words = len(summary.split())
        named = not re.match(r"(?i)(he|she|it|they|the two|both)\b", summary)
        central = sum(len(wordings[i] & other) / len(wordings[i] | other)
                      for j, other in enumerate(wordings) if j != i and wordings[i] | other)
        return (named and 4 <= words <= 22, _opens_a_clause(summary, mentions[i].get("sentence") or ""),
                -abs(words - 12), central)
    return mentions[max(range(len(mentions)), key=score)]["summary"]
