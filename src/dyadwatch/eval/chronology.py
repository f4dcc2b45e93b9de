"""Score a chronology (dated entries) against a gold chronology.

Entries are lines `Mon. D, YYYY: text` in the style of *Comparative Connections* ("Feb. 5, 2020:
Russia sends its first shipment of medical supplies to Wuhan."), or `Mon. YYYY: text` for an
entry known to the month. A predicted chronology may also be the Markdown dyadwatch prints
(`- **Feb. 5, 2020**: summary …`) or JSON (`{"entries": [{"date", "date_precision", "summary"}]}`).

Figures:

- **date P/R/F1**: the set-of-dates measure of timeline summarization (Martschat & Markert 2017;
  Tran et al.). Each chronology is reduced to the set of its dates as ISO strings at their
  precision ("2020-02-05", "2020-03"), so a month-precision date matches only a month-precision
  date of the same month. P = |pred ∩ gold| / |pred|, R = |pred ∩ gold| / |gold|.
- **entry recall / precision**: a gold entry is *found* when some predicted entry has the same
  date (as above) and shares at least `min_shared` content words with it (lowercased, stop words
  removed, plural -s reduced); a predicted entry *matches* when it is such a partner of some gold
  entry. Matching is not one-to-one: two predicted entries may match the same gold entry.
  Recall = found / gold entries, precision = matching / predicted entries. Reported with
  `min_shared` 1 (loose) and 2 (strict).

The scoring functions are pure; `read_gold` and `read_predicted` read files and raise
`ChronologyFormatError` naming the file and the line (or JSON entry) for bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model import PartialDate
from .timex import PRF

LOOSE, STRICT = 1, 2  # shared content words needed for an entry match

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}

# Function words and the reporting verbs that summaries share without sharing an event.
STOP_WORDS = frozenset({
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "for",
    "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its",
    "more", "no", "not", "of", "on", "or", "other", "our", "over", "she", "since", "so", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "under",
    "until", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "would", "say", "says", "said",
})

# `- `, `* ` or `+ ` list marker, optional bold, the date, optional bold, a colon, the text.
_ENTRY = re.compile(
    r"""^(?:[-*+]\s+)?(?:\*\*|__)?\s*
    (?:(?P<month>[A-Za-z]+)\.?\s+
       (?:(?P<day>\d{1,2})(?:\s*[-–—]\s*(?:[A-Za-z]+\.?\s+)?\d{1,2})?\s*,?\s+)?
       (?P<year>\d{4})
     | (?P<iso>\d{4}-(?:W\d{2}|\d{2}(?:-\d{2})?))
    )
    \s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*
    (?P<text>.*?)\s*$""",
    re.VERBOSE,
)
# dyadwatch's Markdown ends an entry with its category and outlets: "*(CONSULT; TASS, Xinhua)*".
_TRAILING_META = re.compile(r"\s*[*_]\([^()]*\)[*_]\s*$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_URL = re.compile(r"https?://\S+")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[^\W_]+")

InputFormat = Literal["auto", "text", "json"]


class ChronologyFormatError(ValueError):
    """A chronology file is missing or malformed; the message names the file and line or entry."""


@dataclass(frozen=True)
class ChronEntry:
    """One dated entry. `date` is an ISO string at its precision ("2020-02-05", "2020-03",
    "2020", or an ISO week "2020-W12"): dates are compared as these strings. `where` says where
    the entry was read ("line 12", "entry 3")."""

    date: str
    precision: str
    text: str
    where: str = ""

    @classmethod
    def of(cls, date: PartialDate, text: str, where: str = "") -> ChronEntry:
        return cls(date.iso(), date.precision, text, where)


# ---------------------------------------------------------------------------------------------
# Parsing


def parse_entry_line(line: str) -> tuple[str, str, str] | None:
    """(ISO date, precision, text) of a line that starts with a date such as `Feb. 5, 2020:` or
    `Mar. 2020:` (Markdown list and bold markers allowed; also ISO `2020-02-05:`, `2020-03:`,
    `2020-W12:`), else None. A day range (`March 2-4, 2020:`) gives its first day. A trailing
    `*(…)*` (dyadwatch's category and outlets) is left out of the text. Raises ValueError for a
    date that has the shape but does not exist (`Feb. 30, 2020:`)."""
    match = _ENTRY.match(line.strip())
    if not match:
        return None
    text = _TRAILING_META.sub("", match["text"])
    if match["iso"]:
        week = _ISO_WEEK.match(match["iso"])
        if week:
            if not 1 <= int(week[2]) <= 53:
                raise ValueError(f"{match['iso']!r} has no such week")
            return match["iso"], "week", text
        date = PartialDate.parse(match["iso"])
        return date.iso(), date.precision, text
    month = MONTHS.get(match["month"].lower())
    if month is None:
        return None
    day = int(match["day"]) if match["day"] else None
    date = PartialDate(int(match["year"]), month, day)
    return date.iso(), date.precision, text


def parse_text(text: str, source: str = "<text>", strict: bool = True) -> list[ChronEntry]:
    """Entries of a text chronology. Blank lines and lines starting with `#` are skipped.

    `strict` (gold): every other line must be an entry, else ChronologyFormatError.
    Not strict (predictions): lines that do not start with a date (headings, notes) are ignored.
    """
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}: line {number}"
        try:
            parsed = parse_entry_line(line)
        except ValueError as exc:
            raise ChronologyFormatError(f"{where}: impossible date: {exc}") from None
        if parsed is None:
            if strict:
                raise ChronologyFormatError(
                    f"{where}: not a dated entry like 'Feb. 5, 2020: text' or 'Mar. 2020: text': "
                    f"{_clip(line)!r}")
            continue
        date, precision, summary = parsed
        if strict and not summary:
            raise ChronologyFormatError(f"{where}: no text after the date: {_clip(line)!r}")
        entries.append(ChronEntry(date, precision, summary, f"line {number}"))
    return entries


def parse_json(text: str, source: str = "<json>") -> list[ChronEntry]:
    """Entries of `{"entries": [{"date": "2020-02-05", "date_precision": "day", "summary": …}]}`
    (a bare list of entries is accepted too; other keys are ignored). `date_precision` is
    optional; when it is coarser than the date (`"2020-03-01"`, `"month"`) the date is cut to
    it. An ISO week (`"2020-W12"`) is kept as it is; an entry whose date is null is left out.
    `text` may stand for `summary`."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ChronologyFormatError(
            f"{source}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    items = raw.get("entries") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise ChronologyFormatError(f"{source}: expected an object with an 'entries' list")
    entries = [_json_entry(item, f"{source}: entry {index}", index) for index, item in enumerate(items)]
    return [e for e in entries if e is not None]


def _json_entry(item: Any, where: str, index: int) -> ChronEntry | None:
    if not isinstance(item, dict):
        raise ChronologyFormatError(f"{where}: not an object")
    if "date" not in item:
        raise ChronologyFormatError(f"{where}: no 'date'")
    if item["date"] is None:
        return None  # undated: not in a chronology
    if not isinstance(item["date"], str):
        raise ChronologyFormatError(f"{where}: 'date' is not a string")
    summary = item.get("summary", item.get("text", ""))
    if not isinstance(summary, str):
        raise ChronologyFormatError(f"{where}: 'summary' is not a string")
    week = _ISO_WEEK.match(item["date"])
    if week:
        return ChronEntry(item["date"], "week", summary, f"entry {index}")
    try:
        date = PartialDate.parse(item["date"])
    except ValueError as exc:
        raise ChronologyFormatError(f"{where}: date: {exc}") from None
    precision = item.get("date_precision") or date.precision
    order = ("year", "month", "day")
    if precision not in order:
        raise ChronologyFormatError(f"{where}: date_precision {precision!r} is not day, month or year")
    if order.index(precision) > order.index(date.precision):
        raise ChronologyFormatError(
            f"{where}: date {item['date']!r} is coarser than date_precision {precision!r}")
    if precision == "year":
        date = PartialDate(date.year)
    elif precision == "month":
        date = PartialDate(date.year, date.month)
    return ChronEntry.of(date, summary, f"entry {index}")


def parse_predicted(text: str, source: str = "<predicted>", fmt: InputFormat = "auto") -> list[ChronEntry]:
    """A predicted chronology: JSON when `fmt` says so or (auto) the content starts with `{` or
    `[`, else text in the lenient mode (undated lines ignored)."""
    if fmt == "json" or (fmt == "auto" and text.lstrip().startswith(("{", "["))):
        return parse_json(text, source)
    return parse_text(text, source, strict=False)


def _read(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise ChronologyFormatError(f"file not found: {path}")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChronologyFormatError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def read_gold(path: str | Path) -> list[ChronEntry]:
    """Read a gold chronology text file (strict: every non-comment line is an entry)."""
    return parse_text(_read(path), str(path), strict=True)


def read_predicted(path: str | Path, fmt: InputFormat = "auto") -> list[ChronEntry]:
    """Read a predicted chronology: text, dyadwatch Markdown or JSON (see `parse_predicted`)."""
    return parse_predicted(_read(path), str(path), fmt)


def _clip(line: str, limit: int = 80) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Content words


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    """Lowercased words of `text` without URLs, possessive 's, stop words and one-letter words,
    with plural -s reduced ("supplies" → "supply", "crossings" → "crossing")."""
    text = _POSSESSIVE.sub("", _URL.sub(" ", text.lower()))
    return frozenset(_singular(w) for w in _WORD.findall(text) if len(w) > 1 and w not in STOP_WORDS)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class EntryScore:
    """Entry matching at one threshold: `found` gold entries of `gold`, `matching` predicted
    entries of `predicted`."""

    min_shared: int
    gold: int
    predicted: int
    found: int
    matching: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matching / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"min_shared_words": self.min_shared, "found": self.found, "matching": self.matching,
                "recall": self.recall, "precision": self.precision, "f1": self.f1}


@dataclass(frozen=True)
class ChronologyScore:
    gold_entries: int
    predicted_entries: int
    dates: PRF  # correct = shared dates, predicted / gold = distinct dates
    loose: EntryScore
    strict: EntryScore
    missed: tuple[ChronEntry, ...]  # gold entries not found (loose)
    unmatched: tuple[ChronEntry, ...]  # predicted entries matching no gold entry (loose)

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {
            "gold_entries": self.gold_entries, "predicted_entries": self.predicted_entries,
            "dates": {"gold": self.dates.gold, "predicted": self.dates.predicted,
                      "shared": self.dates.correct, "precision": self.dates.precision,
                      "recall": self.dates.recall, "f1": self.dates.f1},
            "entries": self.loose.to_dict(),
            "entries_strict": self.strict.to_dict(),
        }
        if errors is not None:
            record["missed"] = [_entry_dict(e) for e in self.missed[:errors]]
            record["unmatched"] = [_entry_dict(e) for e in self.unmatched[:errors]]
        return record


def _entry_dict(entry: ChronEntry) -> dict[str, Any]:
    return {"date": entry.date, "precision": entry.precision, "text": entry.text, "where": entry.where}


def score_dates(gold: Iterable[ChronEntry], predicted: Iterable[ChronEntry]) -> PRF:
    """Set-of-dates P/R/F1: dates compared as ISO strings at their precision."""
    gold_dates = {e.date for e in gold}
    predicted_dates = {e.date for e in predicted}
    return PRF(len(gold_dates & predicted_dates), len(predicted_dates), len(gold_dates))


def entry_matches(gold: Sequence[ChronEntry], predicted: Sequence[ChronEntry],
                  min_shared: int = LOOSE) -> list[tuple[int, int]]:
    """Every (gold index, predicted index) pair with the same date key and at least
    `min_shared` content words in common."""
    by_date: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for j, entry in enumerate(predicted):
        by_date.setdefault(entry.date, []).append((j, content_words(entry.text)))
    pairs = []
    for i, entry in enumerate(gold):
        words = content_words(entry.text)
        pairs.extend((i, j) for j, other in by_date.get(entry.date, ())
                     if len(words & other) >= min_shared)
    return pairs


def score_entries(gold: Sequence[ChronEntry], predicted: Sequence[ChronEntry],
                  min_shared: int = LOOSE) -> EntryScore:
    pairs = entry_matches(gold, predicted, min_shared)
    return EntryScore(min_shared, len(gold), len(predicted), len({i for i, _ in pairs}),
                      len({j for _, j in pairs}))


def score_chronology(gold: Sequence[ChronEntry], predicted: Sequence[ChronEntry]) -> ChronologyScore:
    """All figures, and the gold entries missed and predictions unmatched at the loose threshold."""
    pairs = entry_matches(gold, predicted, LOOSE)
    found, matching = {i for i, _ in pairs}, {j for _, j in pairs}
    return ChronologyScore(
        gold_entries=len(gold), predicted_entries=len(predicted),
        dates=score_dates(gold, predicted),
        loose=EntryScore(LOOSE, len(gold), len(predicted), len(found), len(matching)),
        strict=score_entries(gold, predicted, STRICT),
        missed=tuple(e for i, e in enumerate(gold) if i not in found),
        unmatched=tuple(e for j, e in enumerate(predicted) if j not in matching),
    )


def evaluate_files(gold_path: str | Path, predicted_path: str | Path,
                   fmt: InputFormat = "auto") -> ChronologyScore:
    return score_chronology(read_gold(gold_path), read_predicted(predicted_path, fmt))


def report_lines(score: ChronologyScore, gold_name: str = "gold", predicted_name: str = "predicted",
                 errors: int = 0) -> list[str]:
    """The text report: counts, then P, R, F1 as percentages for dates and entries."""
    pct = "{:5.1f}".format
    d = score.dates
    lines = [
        f"{gold_name}: {score.gold_entries} gold entries on {d.gold} dates; "
        f"{predicted_name}: {score.predicted_entries} entries on {d.predicted} dates",
        f"{'':22} {'P':>5}  {'R':>5}  {'F1':>5}",
        f"{'dates':22} {pct(100 * d.precision)}  {pct(100 * d.recall)}  {pct(100 * d.f1)}  "
        f"{d.correct} shared dates",
    ]
    for label, entry in [("entries (>=1 word)", score.loose), ("entries (>=2 words)", score.strict)]:
        lines.append(f"{label:22} {pct(100 * entry.precision)}  {pct(100 * entry.recall)}  "
                     f"{pct(100 * entry.f1)}  {entry.found} gold found, {entry.matching} predicted matching")
    if errors:
        for title, entries in [("missed gold entries", score.missed),
                               ("unmatched predicted entries", score.unmatched)]:
            lines.append(f"\n{title} (first {min(errors, len(entries))} of {len(entries)}):")
            lines.extend(f"  {e.where}: {e.date}: {_clip(e.text, 100)}" for e in entries[:errors])
    return lines
