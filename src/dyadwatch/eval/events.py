"""Scoring the event layer on PLOVER gold-standard records (JSONL).

A predicted event matches a gold one when the PLOVER categories agree, their sources share a
country, and their targets agree: both name a shared country, or the gold target is empty (a
reciprocal or compound event, all parties in `source`) and the predicted target is empty or
lies within the gold sources. Matching is one to one within a sentence; repeated predictions
of the same (source, target, category) in one sentence count once. Category accuracy is taken
over gold events whose actors some prediction matches, whatever its category.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..annotate import layers
from ..model import EventMention


class EventGoldError(ValueError):
    """The gold file is malformed; the message names the file and the line."""


Key = tuple[frozenset[str], frozenset[str], str]


@dataclass
class EventScore:
    records: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    actors_matched: int = 0
    category_correct: int = 0
    confusion: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.category_correct / self.actors_matched if self.actors_matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "gold": self.gold, "predicted": self.predicted,
                "matched": self.matched, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "category_accuracy": self.category_accuracy}


def _key(event: EventMention) -> Key:
    return (frozenset(a.country for a in event.source if a.country),
            frozenset(a.country for a in event.target if a.country), event.plover)


def _actors_match(predicted: Key, gold: dict[str, Any]) -> bool:
    source, target, _ = predicted
    gold_source, gold_target = set(gold["source"]), set(gold["target"])
    if not source & gold_source:
        return False
    if not gold_target:
        return not target or target <= gold_source
    return bool(target & gold_target)


def score_record(gold: list[dict[str, Any]], predicted: list[Key], record_id: str, text: str,
                 score: EventScore) -> None:
    predicted = list(dict.fromkeys(predicted))
    score.records += 1
    score.gold += len(gold)
    score.predicted += len(predicted)
    used: set[int] = set()
    for event in gold:
        same_actors = [i for i, p in enumerate(predicted) if _actors_match(p, event)]
        if same_actors:
            score.actors_matched += 1
            best = next((i for i in same_actors if predicted[i][2] == event["plover"]), same_actors[0])
            score.category_correct += predicted[best][2] == event["plover"]
            score.confusion[(event["plover"], predicted[best][2])] += 1
        match = next((i for i in same_actors if i not in used and predicted[i][2] == event["plover"]), None)
        if match is None:
            score.errors.append({"id": record_id, "kind": "missed", "gold": event,
                                 "predicted": [(sorted(s), sorted(t), c) for s, t, c in predicted],
                                 "text": text})
            continue
        used.add(match)
        score.matched += 1
    for i, (s, t, c) in enumerate(predicted):
        if i not in used:
            score.errors.append({"id": record_id, "kind": "spurious", "predicted": (sorted(s), sorted(t), c),
                                 "text": text})


def predict(text: str) -> list[EventMention]:
    """The event mentions of a sentence with no publication date (the gold records have none)."""
    return layers(text)[3]


def evaluate_plover(path: str | Path) -> EventScore:
    score = EventScore()
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise EventGoldError(f"{path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, gold = record["text"], record["events"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EventGoldError(f"{path}: line {number}: not a PLOVER record: {exc}") from exc
        score_record(gold, [_key(e) for e in predict(text)], record.get("id", str(number)), text, score)
    return score
