"""Score quote extraction and the cross-outlet comparison against a gold file.

Gold (YAML): `statements` (speaker, date, versions as files with their outlet, differences of
kind omission | addition | wording | attribution, each with `text`, `present_in`,
`missing_from`, `variants`), `quotes` (for every statement-like quotation in the files: a
distinctive substring, its kind and its speaker's name and code) and `not_quotes` (scare quotes
and titles that must not be taken for statements). File paths are relative to a documents
folder.

Figures:
- **quote recall**: gold quotes whose words lie inside an extracted quote of the same file;
- **speaker accuracy**: of all gold quotes, those found with the right speaker (the gold name
  when there is one, else the gold actor code); also given over the found ones;
- **not-quote errors**: scare quotes and titles extracted as statements;
- **statements**: a predicted statement matches the gold statement whose version files it
  shares most (at least half of the smaller set); the statements a group quote gives each side
  ("the two leaders agreed …": the same quotes, one statement per speaker) count as that one
  statement, and their differences are pooled, as are those of a joint statement's speakers
  (gold `speaker` a list) reported by the same documents;
- **differences, per kind**: a predicted difference matches a gold one of the same kind in the
  matched statement when their words agree (rapidfuzz partial ratio >= 80 on normalized text,
  over the text and the variants) and, for omissions, they name a common outlet that left it
  out. P = matching predicted / predicted (in matched statements), R = found gold / gold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from ..compare.similarity import normalize
from ..compare.statements import Difference, Statement

KINDS = ("omission", "addition", "wording", "attribution")
TEXT_MATCH = 80


class QuoteGoldError(ValueError):
    pass


@dataclass
class KindScore:
    """Difference detection for one kind: matching is not one-to-one, so precision counts the
    predicted differences that match some gold one and recall the gold ones that are found."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    matching: int = 0

    @property
    def precision(self) -> float:
        return self.matching / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "gold": self.gold,
                "found": self.found, "predicted": self.predicted, "matching": self.matching}


@dataclass
class QuoteScore:
    gold_quotes: int
    found_quotes: int
    right_speaker: int
    right_kind: int
    not_quote_errors: int
    not_quotes: int
    statements_gold: int
    statements_matched: int
    statements_predicted: int
    differences: dict[str, KindScore] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "quotes": {"gold": self.gold_quotes, "found": self.found_quotes,
                       "recall": share(self.found_quotes, self.gold_quotes),
                       "speaker_accuracy": share(self.right_speaker, self.gold_quotes),
                       "speaker_accuracy_found": share(self.right_speaker, self.found_quotes),
                       "kind_accuracy_found": share(self.right_kind, self.found_quotes)},
            "not_quotes": {"gold": self.not_quotes, "extracted": self.not_quote_errors},
            "statements": {"gold": self.statements_gold, "matched": self.statements_matched,
                           "predicted": self.statements_predicted},
            "differences": {k: v.to_dict() for k, v in self.differences.items()},
        }


def read_gold(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QuoteGoldError(f"{path}: cannot read gold: {exc}") from exc
    if not isinstance(data, dict) or "statements" not in data:
        raise QuoteGoldError(f"{path}: expected a mapping with 'statements', 'quotes' and 'not_quotes'")
    for index, statement in enumerate(data["statements"], 1):
        for key in ("versions", "differences"):
            if key not in statement:
                raise QuoteGoldError(f"{path}: statement {index} has no '{key}'")
        for difference in statement["differences"]:
            if difference.get("kind") not in KINDS:
                raise QuoteGoldError(f"{path}: statement {index}: unknown difference kind "
                                     f"{difference.get('kind')!r}")
    return data


def _similar(a: str, b: str) -> bool:
    na, nb = normalize(a), normalize(b)
    return bool(na and nb) and fuzz.partial_ratio(na, nb) >= TEXT_MATCH


def _difference_matches(gold: dict[str, Any], predicted: Difference) -> bool:
    if gold["kind"] != predicted.kind:
        return False
    gold_texts = [gold.get("text") or "", *(gold.get("variants") or [])]
    predicted_texts = [predicted.text, *predicted.variants]
    if gold["kind"] == "attribution":
        same_claim = any(_similar(g, p) for g in gold_texts[:1] for p in predicted_texts[:1])
        if not same_claim:
            return False
    elif not any(_similar(g, p) for g in gold_texts for p in predicted_texts if g and p):
        return False
    if gold["kind"] == "omission" and gold.get("missing_from"):
        return bool(set(gold["missing_from"]) & set(predicted.missing_from))
    return True


def _holding_quote(document: dict[str, Any], words: str, item: dict[str, Any] | None = None
                   ) -> dict[str, Any] | None:
    """The extracted quote that holds a gold quotation: in the text, else in the title (a headline
    quote); the innermost, since speech reported inside a quotation is its own speaker's. Of the
    quotes on one span (a group speaker's words, one quote per side) the gold `item`'s side."""
    for part in ("text", "title"):
        at = (document.get(part) or "").find(words)
        if at == -1:
            continue
        end = at + len(words)
        holding = [q for q in document["quotes"] if q["field"] == part
                   and any(a <= at + 1 and end - 1 <= b for a, b in q["parts"])]
        inner = min(holding, key=lambda q: q["end"] - q["start"], default=None)
        if inner is None or item is None:
            return inner
        same_span = [q for q in holding if (q["start"], q["end"]) == (inner["start"], inner["end"])]
        return next((q for q in same_span if _right_speaker(q, item)), inner)
    return None


def _right_speaker(quote: dict[str, Any], item: dict[str, Any]) -> bool:
    speaker = quote["speaker"] or {}
    return speaker.get("name") == item.get("speaker_name") if item.get("speaker_name") \
        else speaker.get("code") == item.get("speaker_code")


def _documents(statement: Statement) -> set[str]:
    return {v.document_id for v in statement.versions}


def _matches_versions(shared: int, gold_ids: set[str], statement: Statement) -> bool:
    return shared > 0 and shared * 2 >= min(len(gold_ids), len(_documents(statement)))


def _speakers(gold_statement: dict[str, Any]) -> set[str]:
    speaker = gold_statement.get("speaker")
    return set(speaker) if isinstance(speaker, list) else {speaker} if speaker else set()


def _quote_spans(statement: Statement) -> frozenset[tuple[str, int, int]]:
    return frozenset((v.document_id, q.start, q.end) for v in statement.versions for q in v.quotes)


def _pooled_differences(best: Statement, statements: list[Statement], gold_speakers: set[str],
                        ) -> list[Difference]:
    """The differences of `best` and of the statements that are parts of the same gold statement:
    those made of the same quotes (a group quote, "the two leaders agreed …", is compared once per
    side) and, when the gold statement has several speakers (a joint readout), those of its other
    speakers in the same documents."""
    spans, documents = _quote_spans(best), _documents(best)
    pooled: dict[tuple[str, str], Difference] = {}
    for statement in statements:
        same_quotes = statement is best or _quote_spans(statement) == spans
        joint = len(gold_speakers) > 1 and statement.speaker in gold_speakers and \
            best.speaker in gold_speakers and _documents(statement) == documents
        if same_quotes or joint:
            for difference in statement.differences:
                pooled.setdefault((difference.kind, difference.text), difference)
    return list(pooled.values())


def score_quotes(gold: dict[str, Any], documents: dict[str, dict[str, Any]],
                 statements: list[Statement]) -> QuoteScore:
    """`documents` maps a gold file name to {"id", "text", "title", "quotes": [annotate quote records]}."""
    found = right_speaker = right_kind = 0
    misses: list[str] = []
    for item in gold.get("quotes") or []:
        document = documents.get(item["file"])
        hit = _holding_quote(document, item["text"], item) if document else None
        if hit is None:
            misses.append(f"missed quote: {item['file']}: {item['text']!r}")
            continue
        found += 1
        speaker = hit["speaker"] or {}
        right = _right_speaker(hit, item)
        right_speaker += right
        right_kind += hit["kind"] == item.get("kind")
        if not right:
            expected = item.get("speaker_name") or item.get("speaker_code")
            misses.append(f"wrong speaker: {item['file']}: {item['text']!r}: {speaker.get('text')!r} → "
                          f"{speaker.get('name') or speaker.get('code')} (gold {expected})")
    not_quote_errors = 0
    for item in gold.get("not_quotes") or []:
        document = documents.get(item["file"])
        at = document["text"].find(item["text"]) if document else -1
        body = [q for q in document["quotes"] if q["field"] == "text"] if document else []
        if at != -1 and any(a <= at < b for q in body for a, b in q["parts"]
                            if len(q["text"]) < len(item["text"]) + 12):
            not_quote_errors += 1
            misses.append(f"not a statement, extracted: {item['file']}: {item['text']!r}")

    ids = {name: d["id"] for name, d in documents.items()}
    differences = {k: KindScore() for k in KINDS}
    matched_statements = 0
    for gold_statement in gold["statements"]:
        gold_ids = {ids.get(v["file"]) for v in gold_statement["versions"]} - {None}
        shares = [(len(gold_ids & _documents(statement)), statement) for statement in statements]
        matching = [(shared, st) for shared, st in shares if _matches_versions(shared, gold_ids, st)]
        best = max(matching, key=lambda m: m[0], default=(0, None))[1]
        predicted = _pooled_differences(best, statements, _speakers(gold_statement)) if best else []
        matched_statements += best is not None
        for kind in KINDS:
            gold_diffs = [d for d in gold_statement["differences"] if d["kind"] == kind]
            predicted_diffs = [d for d in predicted if d.kind == kind]
            matches = [[_difference_matches(g, p) for p in predicted_diffs] for g in gold_diffs]
            found_gold = sum(any(row) for row in matches)
            right_predicted = sum(any(row[j] for row in matches) for j in range(len(predicted_diffs)))
            for g, row in zip(gold_diffs, matches, strict=True):
                if not any(row):
                    misses.append(f"missed {kind}: {gold_statement.get('id')}: {g.get('text')!r}")
            for j, p in enumerate(predicted_diffs):
                if not any(row[j] for row in matches):
                    missing = f" (missing from {', '.join(p.missing_from)})" if p.missing_from else ""
                    misses.append(f"spurious {kind}: {gold_statement.get('id')}: {p.text!r}{missing}")
            score = differences[kind]
            score.gold += len(gold_diffs)
            score.found += found_gold
            score.predicted += len(predicted_diffs)
            score.matching += right_predicted
    return QuoteScore(len(gold.get("quotes") or []), found, right_speaker, right_kind, not_quote_errors,
                      len(gold.get("not_quotes") or []), len(gold["statements"]), matched_statements,
                      len(statements), differences, misses)
