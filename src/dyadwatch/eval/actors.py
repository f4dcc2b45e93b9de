"""Scoring the actor layer.

- Own gold (YAML, tests/data/actors_gold.yaml): items of text, date and expected actor mentions
  ({text, country, sector}). Each gold mention is paired with the first unused predicted actor
  that overlaps it; reported: mention recall, country accuracy and sector accuracy over all gold
  mentions (a missed mention counts as wrong), and precision of predicted mentions.
- PLOVER gold standard records (JSONL, ../shared/data/events/plover-gsr-dev.jsonl): each sentence
  lists the country codes of its events' sources and targets; reported: the share of those codes
  that the layer finds among the countries of the actors of that sentence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..annotate.actors import find_actors
from ..annotate.actors.kb import KnowledgeBase
from ..annotate.sentences import split_sentences
from ..model import Actor


class ActorGoldError(ValueError):
    """The gold file is malformed; the message names the file and the item."""


@dataclass
class ActorScore:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    country_correct: int = 0
    sector_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "found": self.found,
                "recall": self.ratio(self.found, self.gold),
                "precision": self.ratio(self.found, self.predicted),
                "country_accuracy": self.ratio(self.country_correct, self.gold),
                "sector_accuracy": self.ratio(self.sector_correct, self.gold)}


def _overlaps(actor: Actor, start: int, end: int) -> bool:
    return actor.start < end and start < actor.end


def score_item(text: str, gold: list[dict[str, Any]], predicted: list[Actor], item_id: str,
               score: ActorScore) -> None:
    used: set[int] = set()
    cursor = 0
    score.gold += len(gold)
    score.predicted += len(predicted)
    for mention in gold:
        start = text.find(mention["text"], cursor)
        if start < 0:
            start = text.find(mention["text"])
        end = start + len(mention["text"])
        cursor = start
        candidates = [i for i, a in enumerate(predicted) if i not in used and _overlaps(a, start, end)]
        wanted = f"{mention['country']}{mention.get('sector') or ''}"
        same_code = [i for i in candidates if predicted[i].code == wanted]
        match = (same_code or candidates or [None])[0]
        if match is None:
            score.errors.append({"id": item_id, "kind": "missed", "text": mention["text"],
                                 "gold": f"{mention['country']}{mention.get('sector') or ''}"})
            continue
        used.add(match)
        actor = predicted[match]
        score.found += 1
        country_ok = actor.country == mention["country"]
        sector_ok = country_ok and actor.sector == mention.get("sector")
        score.country_correct += country_ok
        score.sector_correct += sector_ok
        if not sector_ok:
            score.errors.append({"id": item_id, "kind": "code", "text": mention["text"],
                                 "gold": f"{mention['country']}{mention.get('sector') or ''}",
                                 "predicted": actor.code, "predicted_text": actor.text})
    for i, actor in enumerate(predicted):
        if i not in used:
            score.errors.append({"id": item_id, "kind": "spurious", "text": actor.text,
                                 "predicted": actor.code})


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def evaluate_gold(path: str | Path, kb: KnowledgeBase | None = None) -> ActorScore:
    try:
        items = yaml.safe_load(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ActorGoldError(f"{path}: {exc}") from exc
    if not isinstance(items, list):
        raise ActorGoldError(f"{path}: expected a list of items")
    score = ActorScore()
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "text" not in item or "actors" not in item:
            raise ActorGoldError(f"{path}: item {index + 1} needs text and actors")
        text = str(item["text"])
        sentences = split_sentences(text)
        date = _date(item.get("date"))
        predicted = find_actors(text, sentences, [date] * len(sentences), kb)
        score_item(text, item["actors"] or [], predicted, str(item.get("id", index + 1)), score)
    return score


@dataclass
class PloverRecall:
    records: int = 0
    gold: int = 0
    found: int = 0
    missed: Counter = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "gold_actors": self.gold, "found": self.found,
                "recall": self.recall, "missed_by_code": dict(self.missed.most_common())}


def evaluate_plover(path: str | Path, kb: KnowledgeBase | None = None) -> PloverRecall:
    result = PloverRecall()
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ActorGoldError(f"{path}: line {number}: not valid JSON: {exc}") from exc
            text = record["text"]
            gold = {code for event in record["events"] for code in event["source"] + event["target"]}
            sentences = split_sentences(text)
            found = {a.country for a in find_actors(text, sentences, None, kb)}
            result.records += 1
            result.gold += len(gold)
            result.found += len(gold & found)
            for code in gold - found:
                result.missed[code] += 1
                result.examples.append({"id": record["id"], "missing": code, "text": text,
                                        "found": sorted(c for c in found if c)})
    return result
