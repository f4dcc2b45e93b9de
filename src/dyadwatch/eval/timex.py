"""Score time expressions against gold, with the TempEval-3 definitions.

Matching is per document and one-to-one: first every gold span is paired with a predicted span
that has exactly the same (start, end); then the remaining gold and predicted spans that overlap
are paired greedily, largest overlap first. A *strict* match is an exact-span pair, a *relaxed*
match is any pair. Precision = matches / predicted, recall = matches / gold, F1 their harmonic
mean; counts are summed over documents before dividing (micro average).

Attribute scores (TempEval-3): among the relaxed matches, count those whose attribute (`type`,
`value`) is equal as a string; attribute P = correct / predicted, R = correct / gold. So value F1
is the relaxed F1 counting only the matches whose value is also right.

The scoring functions are pure and accept any objects with `start`, `end`, `text`, `type` and
`value` attributes (the tagger's `Timex`, or `GoldTimex` read from the gold JSONL files).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from ..model import PartialDate

CONTEXT_CHARS = 60
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


class TimexLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class GoldTimex:
    """One gold time expression, as in the gold JSONL files."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    dct: PartialDate | None
    text: str
    timexes: tuple[GoldTimex, ...]
    line: int = 0


class GoldFormatError(ValueError):
    """The gold file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from `correct` out of `predicted` (for P) and `gold` (for R)."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "correct": self.correct}


ErrorKind = Literal["missed", "spurious", "value"]


@dataclass(frozen=True)
class TimexError:
    """One error for analysis: a missed gold timex, a spurious prediction, or a relaxed match
    whose value is wrong. `start`/`end` cover the gold and predicted spans involved."""

    kind: ErrorKind
    doc_id: str
    start: int
    end: int
    gold_text: str | None
    gold_type: str | None
    gold_value: str | None
    predicted_text: str | None
    predicted_type: str | None
    predicted_value: str | None
    context: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "doc_id": self.doc_id, "start": self.start, "end": self.end,
            "gold_text": self.gold_text, "gold_type": self.gold_type, "gold_value": self.gold_value,
            "predicted_text": self.predicted_text, "predicted_type": self.predicted_type,
            "predicted_value": self.predicted_value, "context": self.context,
        }


@dataclass
class TimexScore:
    """Counts summed over documents, the figures computed from them, and the errors."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    type_correct: int = 0
    value_correct: int = 0
    errors: list[TimexError] = field(default_factory=list)

    @property
    def strict(self) -> PRF:
        return PRF(self.strict_matches, self.predicted, self.gold)

    @property
    def relaxed(self) -> PRF:
        return PRF(self.relaxed_matches, self.predicted, self.gold)

    @property
    def type(self) -> PRF:
        return PRF(self.type_correct, self.predicted, self.gold)

    @property
    def value(self) -> PRF:
        return PRF(self.value_correct, self.predicted, self.gold)

    def errors_of(self, kind: ErrorKind) -> list[TimexError]:
        return [e for e in self.errors if e.kind == kind]

    @property
    def missed(self) -> list[TimexError]:
        return self.errors_of("missed")

    @property
    def spurious(self) -> list[TimexError]:
        return self.errors_of("spurious")

    @property
    def value_errors(self) -> list[TimexError]:
        return self.errors_of("value")

    def add(self, other: TimexScore) -> TimexScore:
        """Add another score's counts and errors into this one (returns self)."""
        self.documents += other.documents
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict_matches += other.strict_matches
        self.relaxed_matches += other.relaxed_matches
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct
        self.errors.extend(other.errors)
        return self

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        """Counts and figures (fractions in 0..1); with `errors=N`, the first N errors of each kind."""
        record: dict[str, Any] = {
            "documents": self.documents, "gold": self.gold, "predicted": self.predicted,
            "strict_matches": self.strict_matches, "relaxed_matches": self.relaxed_matches,
            "strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict(),
            "type": self.type.to_dict(), "value": self.value.to_dict(),
        }
        if errors is not None:
            record["errors"] = {
                "value": [e.to_dict() for e in self.value_errors[:errors]],
                "missed": [e.to_dict() for e in self.missed[:errors]],
                "spurious": [e.to_dict() for e in self.spurious[:errors]],
            }
        return record


def _overlap(a: TimexLike, b: TimexLike) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[TimexLike], predicted: Sequence[TimexLike]) -> list[tuple[int, int, bool]]:
    """One-to-one pairs (gold index, predicted index, strict) for one document.

    Exact-span pairs first (in order, so duplicate spans pair off one by one); then the rest,
    greedily by largest overlap, ties broken by position so the result is deterministic.
    """
    pairs: list[tuple[int, int, bool]] = []
    free_gold = set(range(len(gold)))
    free_pred = set(range(len(predicted)))
    by_span: dict[tuple[int, int], list[int]] = {}
    for j in sorted(free_pred, key=lambda j: (predicted[j].start, predicted[j].end, j)):
        by_span.setdefault((predicted[j].start, predicted[j].end), []).append(j)
    for i in sorted(free_gold, key=lambda i: (gold[i].start, gold[i].end, i)):
        same = by_span.get((gold[i].start, gold[i].end))
        if same:
            j = same.pop(0)
            pairs.append((i, j, True))
            free_gold.discard(i)
            free_pred.discard(j)
    candidates = [
        (-_overlap(gold[i], predicted[j]), gold[i].start, predicted[j].start, i, j)
        for i in free_gold for j in free_pred
        if _overlap(gold[i], predicted[j]) > 0
    ]
    for _neg, _gs, _ps, i, j in sorted(candidates):
        if i in free_gold and j in free_pred:
            pairs.append((i, j, False))
            free_gold.discard(i)
            free_pred.discard(j)
    return sorted(pairs, key=lambda p: (gold[p[0]].start, gold[p[0]].end, p[0]))


def context(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
    """text[start-chars:end+chars] on one line, with … where it was cut."""
    if not text:
        return ""
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def score_document(gold: Sequence[TimexLike], predicted: Sequence[TimexLike], text: str = "",
                   doc_id: str = "") -> TimexScore:
    """Score one document's predictions against its gold timexes."""
    pairs = match(gold, predicted)
    score = TimexScore(documents=1, gold=len(gold), predicted=len(predicted),
                       strict_matches=sum(strict for _i, _j, strict in pairs),
                       relaxed_matches=len(pairs))
    matched_gold = {i for i, _j, _s in pairs}
    matched_pred = {j for _i, j, _s in pairs}
    errors: list[TimexError] = []
    for i, j, _strict in pairs:
        g, p = gold[i], predicted[j]
        score.type_correct += int(str(g.type) == str(p.type))
        if str(g.value) == str(p.value):
            score.value_correct += 1
        else:
            start, end = min(g.start, p.start), max(g.end, p.end)
            errors.append(TimexError("value", doc_id, start, end, g.text, g.type, g.value,
                                     p.text, p.type, p.value, context(text, start, end)))
    for i, g in enumerate(gold):
        if i not in matched_gold:
            errors.append(TimexError("missed", doc_id, g.start, g.end, g.text, g.type, g.value,
                                     None, None, None, context(text, g.start, g.end)))
    for j, p in enumerate(predicted):
        if j not in matched_pred:
            errors.append(TimexError("spurious", doc_id, p.start, p.end, None, None, None,
                                     p.text, p.type, p.value, context(text, p.start, p.end)))
    errors.sort(key=lambda e: (e.start, e.end))
    score.errors = errors
    return score


def score_documents(
    documents: Iterable[tuple[str, str, Sequence[TimexLike], Sequence[TimexLike]]],
) -> TimexScore:
    """Sum the scores of (doc_id, text, gold, predicted) documents (micro average)."""
    total = TimexScore()
    for doc_id, text, gold, predicted in documents:
        total.add(score_document(gold, predicted, text, doc_id))
    return total


def _gold_timex(raw: Any, where: str) -> GoldTimex:
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{where}: a timex is not an object")
    try:
        start, end, text = raw["start"], raw["end"], raw["text"]
        type_, value = raw["type"], raw["value"]
    except KeyError as exc:
        raise GoldFormatError(f"{where}: a timex has no {exc.args[0]!r}") from None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise GoldFormatError(f"{where}: timex offsets {start!r}..{end!r} are not valid")
    return GoldTimex(start, end, str(text), str(type_), str(value))


def parse_gold_line(line: str, where: str, number: int = 0) -> GoldDocument:
    """One gold JSONL line to a GoldDocument; GoldFormatError names `where` on any problem."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{where}: expected a JSON object")
    for key in ("doc_id", "text", "timexes"):
        if key not in raw:
            raise GoldFormatError(f"{where}: no {key!r} key")
    if not isinstance(raw["text"], str) or not isinstance(raw["timexes"], list):
        raise GoldFormatError(f"{where}: 'text' must be a string and 'timexes' a list")
    dct_raw = raw.get("dct")
    try:
        dct = PartialDate.parse(str(dct_raw)) if dct_raw else None
    except ValueError as exc:
        raise GoldFormatError(f"{where}: dct: {exc}") from None
    timexes = tuple(_gold_timex(t, where) for t in raw["timexes"])
    return GoldDocument(str(raw["doc_id"]), dct, raw["text"], timexes, number)


def read_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file (one document per line; blank lines are ignored).

    Raises GoldFormatError naming the file, and the line number for a bad line.
    """
    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(f"gold file not found: {path}")
    documents = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    documents.append(parse_gold_line(line, f"{path}: line {number}", number))
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return documents


Tagger = Callable[[str, PartialDate | None], Sequence[TimexLike]]


def evaluate(documents: Iterable[GoldDocument], tagger: Tagger | None = None) -> TimexScore:
    """Run `tagger(text, dct)` (default: dyadwatch's `find_timexes`) on each gold document and
    score the output."""
    if tagger is None:
        from ..annotate.timex import find_timexes

        tagger = find_timexes
    return score_documents(
        (doc.doc_id, doc.text, doc.timexes, tagger(doc.text, doc.dct)) for doc in documents
    )


def evaluate_file(path: str | Path, tagger: Tagger | None = None) -> TimexScore:
    """Read the gold JSONL file at `path`, tag every document and score it."""
    return evaluate(read_gold(path), tagger)
