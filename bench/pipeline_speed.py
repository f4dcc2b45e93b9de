"""Speed of the whole annotate pipeline in words per second, beside bare spaCy tokenization.

Builds a ~1M-word workload by repeating the demo corpus documents and times, in this one
process pinned to one CPU:

  (a) `dyadwatch.annotate.annotate(document)` on every document in turn: every layer
      `dyadwatch annotate` prints (sentences, time expressions, actors, and whatever later
      layers `annotate` runs when you run this);
  (b) the reference ceiling: spaCy's blank English pipeline with only the rule-based
      `sentencizer` (tokenization + sentence splitting, no model, nothing downloaded) over the
      same texts with `nlp.pipe(texts)`.

Each gets one untimed warm-up call first; the script prints the best and median of --runs runs
in words per second and the ratio of the two. Words are whitespace-separated tokens.

With --layers it also runs the layers one by one, as `annotate` chains them, and prints the CPU
seconds each takes over the workload (best of --runs), to show where the time goes.

With --ingest it also times, once, a full ingest + annotate of the repeated corpus into a fresh
SQLite file: a temporary folder holds copies of the demo corpus, each .txt/.md file made unique by
a closing line (HTML, PDF and feed files are the same in every copy, so they are stored once);
then `Workspace.ingest(folder)`, then annotation of every stored document, then fusion if the
Workspace has a `fuse()` or `events()` method. It prints documents per second.

    python bench/pipeline_speed.py [--words 1000000] [--runs 2] [--layers] [--ingest] [--copies N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus_copies import unique_copies
from cpu import pin_one_core
from dyadwatch.model import Document


def demo_documents() -> list[Document]:
    from dyadwatch import Workspace
    from dyadwatch.demo import corpus_dir

    with Workspace(":memory:") as workspace:
        workspace.ingest(corpus_dir())
        return workspace.documents()


def repeat_to(documents: list[Document], words: int) -> tuple[list[Document], int]:
    """Documents repeated in order until at least `words` words; returns them and the count."""
    if not documents:
        raise SystemExit("the demo corpus has no documents")
    out: list[Document] = []
    total = 0
    while total < words:
        for document in documents:
            out.append(document)
            total += len(document.text.split())
            if total >= words:
                break
    return out, total


def time_runs(work: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def report(label: str, words: int, docs: int, seconds: list[float], found: str) -> float:
    """Print one measurement; return the median words per second."""
    best, median = min(seconds), statistics.median(seconds)
    print(label)
    print(f"  workload: {words:,} words in {docs:,} documents; per run: {found}")
    print(f"  seconds per run: best {best:.2f}  median {median:.2f}  ({len(seconds)} runs: "
          + ", ".join(f"{s:.2f}" for s in seconds) + ")")
    print(f"  words/s: best {words / best:,.0f}  median {words / median:,.0f}")
    return words / median


def layer_counts(records: Counter[str]) -> str:
    return ", ".join(f"{count:,} {key}" for key, count in records.items()) or "nothing"


def measure_annotate(workload: list[Document], words: int, runs: int) -> float:
    from dyadwatch.annotate import annotate

    def annotate_all() -> Counter[str]:
        counts: Counter[str] = Counter()
        for document in workload:
            for key, value in annotate(document).items():
                if isinstance(value, list):
                    counts[key] += len(value)
        return counts

    try:
        annotate(workload[0])  # warm-up: lexicons, knowledge base, compiled patterns
    except Exception as exc:
        raise SystemExit(f"annotate() fails on the demo corpus, nothing measured: "
                         f"{type(exc).__name__}: {exc}") from None
    seconds, counts = time_runs(annotate_all, runs)
    return report("(a) dyadwatch.annotate.annotate, every layer", words, len(workload), seconds,
                  layer_counts(counts))


def layer_seconds(workload: list[Document]) -> dict[str, float]:
    """CPU seconds of each layer over the workload, chained as `annotate` chains them."""
    from dyadwatch.annotate import (
        find_actors,
        find_events,
        find_quotes,
        find_timexes,
        headline_quotes,
        sentence_dates,
        split_sentences,
        title_actors,
    )

    seconds = dict.fromkeys(["sentences", "time expressions", "actors", "events", "quotes"], 0.0)
    clock = time.process_time
    for document in workload:
        text, published = document.text, document.published
        started = clock()
        sentences = split_sentences(text)
        split = clock()
        timexes = find_timexes(text, published)
        timed = clock()
        first_day = published.first_day() if published else None
        actors = find_actors(text, sentences, sentence_dates(sentences, timexes, first_day))
        in_title = title_actors(document.title)
        found_actors = clock()
        find_events(text, sentences, actors, timexes, published)
        found_events = clock()
        find_quotes(text, sentences, actors, timexes, published, title_actors=in_title)
        headline_quotes(document.title, published, None, in_title, actors)
        found_quotes = clock()
        spent = (split - started, timed - split, found_actors - timed,
                 found_events - found_actors, found_quotes - found_events)
        for layer, layer_spent in zip(seconds, spent, strict=True):
            seconds[layer] += layer_spent
    return seconds


def measure_layers(workload: list[Document], words: int, runs: int) -> None:
    best: dict[str, float] = {}
    for _ in range(runs):
        for layer, spent in layer_seconds(workload).items():
            best[layer] = min(best.get(layer, math.inf), spent)
    total = sum(best.values())
    print(f"\n(a') the layers one by one, CPU seconds over the workload (best of {runs}; records not built)")
    for layer, spent in best.items():
        print(f"  {layer:17} {spent:6.2f} s  {spent / total:6.1%}  {words / spent:>12,.0f} words/s")
    print(f"  {'sum':17} {total:6.2f} s  {'':6}  {words / total:>12,.0f} words/s")


def measure_spacy(workload: list[Document], words: int, runs: int) -> float | None:
    try:
        import spacy
    except ImportError:
        print("\n(b) spaCy is not installed: pip install -e '.[bench]' (skipped)")
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = [document.text for document in workload]

    def split_all() -> Counter[str]:
        counts: Counter[str] = Counter()
        for doc in nlp.pipe(texts):
            counts["tokens"] += len(doc)
            counts["sentences"] += sum(1 for _ in doc.sents)
        return counts

    nlp(texts[0])  # warm-up
    seconds, counts = time_runs(split_all, runs)
    print()
    return report(f"(b) spaCy {spacy.__version__} blank('en') + sentencizer, nlp.pipe: the ceiling",
                  words, len(workload), seconds, layer_counts(counts))


def measure_ingest(copies: int) -> None:
    from dyadwatch import Workspace
    from dyadwatch.annotate import annotate
    from dyadwatch.demo import corpus_dir

    print(f"\n(c) ingest + annotate of {copies} copies of the demo corpus into a fresh SQLite file "
          "(one run)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        unique_copies(corpus_dir(), copies, folder)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        with Workspace(Path(tmp) / "bench.db") as workspace:
            started = time.perf_counter()
            ingest_report = workspace.ingest(folder)
            ingested = time.perf_counter()
            documents = workspace.documents()
            if callable(getattr(workspace, "annotate", None)):
                how = "Workspace.annotate()"
                workspace.annotate()
            else:
                how = "annotate(document) on each stored document"
                for document in documents:
                    annotate(document)
            annotated = time.perf_counter()
            fusion = next((name for name in ("fuse", "events")
                           if callable(getattr(workspace, name, None))), None)
            fused_note = "fusion is not measured: Workspace has no fuse() or events() method"
            if fusion:
                result = getattr(workspace, fusion)()
                size = f"{len(result):,} events" if hasattr(result, "__len__") else "done"
                fused_note = f"Workspace.{fusion}(): {size}"
            finished = time.perf_counter()
    words = sum(len(d.text.split()) for d in documents)
    n = len(documents)
    print(f"  {files:,} files -> {n:,} documents ({words:,} words), "
          f"{len(ingest_report.present):,} duplicates, {len(ingest_report.skipped):,} skipped")
    print(f"  ingest   {ingested - started:7.2f} s  {n / (ingested - started):8.1f} documents/s")
    print(f"  annotate {annotated - ingested:7.2f} s  {n / (annotated - ingested):8.1f} documents/s  ({how})")
    if fusion:
        print(f"  {fusion:8} {finished - annotated:7.2f} s  ({fused_note})")
    else:
        print(f"  {fused_note}")
    print(f"  total    {finished - started:7.2f} s  {n / (finished - started):8.1f} documents/s, "
          f"{words / (finished - started):,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="size of the workload")
    parser.add_argument("--runs", type=int, default=2, help="repetitions of (a) and (b)")
    parser.add_argument("--layers", action="store_true",
                        help="also print the CPU seconds of each layer")
    parser.add_argument("--ingest", action="store_true",
                        help="also time ingest + annotate of the repeated corpus into SQLite")
    parser.add_argument("--copies", type=int, default=0,
                        help="copies of the demo corpus for --ingest (default: as many as --words)")
    args = parser.parse_args()

    pinned = pin_one_core()
    documents = demo_documents()
    workload, words = repeat_to(documents, args.words)
    print(f"pipeline speed: demo corpus ({len(documents)} documents) repeated to {words:,} words; "
          f"Python {sys.version.split()[0]}, {pinned}\n")
    annotate_rate = measure_annotate(workload, words, args.runs)
    if args.layers:
        measure_layers(workload, words, args.runs)
    spacy_rate = measure_spacy(workload, words, args.runs)
    if spacy_rate:
        print(f"\nannotate runs at {annotate_rate / spacy_rate:.1%} of the spaCy tokenize+sentencize "
              f"speed (median words/s; spaCy is {spacy_rate / annotate_rate:,.1f}x faster)")
    if args.ingest:
        corpus_words = sum(len(d.text.split()) for d in documents)
        measure_ingest(args.copies or math.ceil(args.words / corpus_words))


if __name__ == "__main__":
    main()
