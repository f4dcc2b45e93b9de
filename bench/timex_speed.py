"""Speed of the time-expression tagger in words per second on one core, beside dateparser.

Builds a ~1M-word workload by repeating the demo corpus documents (each with its publication
date as the document creation time) and times, in this one process pinned to one CPU:

  (a) `find_timexes(text, dct)` over every document in turn, best and median of --runs;
  (b) `dateparser.search.search_dates` (languages=["en"], RELATIVE_BASE = the publication date)
      over the first ~50k words of the same documents only, to keep the run short; its
      figure is words in the slice / seconds, i.e. scaled to words per second.

Both get one untimed warm-up call first (lexicons, compiled patterns, language data).
Words are whitespace-separated tokens (`len(text.split())`).

    python bench/timex_speed.py [--words 1000000] [--runs 3] [--dateparser-words 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable

from cpu import pin_one_core
from dyadwatch.model import PartialDate

Workload = list[tuple[str, PartialDate | None]]  # (text, document creation time)


def demo_documents() -> Workload:
    from dyadwatch import Workspace
    from dyadwatch.demo import corpus_dir

    with Workspace(":memory:") as workspace:
        workspace.ingest(corpus_dir())
        return [(d.text, d.published) for d in workspace.documents()]


def repeat_to(documents: Workload, words: int) -> tuple[Workload, int]:
    """Documents repeated in order until at least `words` words; returns them and the count."""
    if not documents:
        raise SystemExit("the demo corpus has no documents")
    out: Workload = []
    total = 0
    while total < words:
        for text, dct in documents:
            out.append((text, dct))
            total += len(text.split())
            if total >= words:
                break
    return out, total


def time_runs(work: Callable[[], int], runs: int) -> tuple[list[float], int]:
    seconds, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = work()
        seconds.append(time.perf_counter() - started)
    return seconds, found


def report(label: str, words: int, docs: int, seconds: list[float], found: int, note: str = "") -> None:
    best, median = min(seconds), statistics.median(seconds)
    print(f"{label}")
    print(f"  workload: {words:,} words in {docs:,} documents; {found:,} expressions found per run")
    print(f"  seconds per run: best {best:.3f}  median {median:.3f}  ({len(seconds)} runs: "
          + ", ".join(f"{s:.3f}" for s in seconds) + ")")
    print(f"  words/s: best {words / best:,.0f}  median {words / median:,.0f}{note}")



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="size of the tagger workload")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each measurement")
    parser.add_argument("--dateparser-words", type=int, default=50_000,
                        help="size of the slice dateparser is timed on (0 skips it)")
    args = parser.parse_args()

    try:
        from dyadwatch.annotate.timex import find_timexes
    except ImportError as exc:
        raise SystemExit(f"the time-expression tagger is not available: {exc}") from None

    pinned = pin_one_core()
    documents = demo_documents()
    workload, words = repeat_to(documents, args.words)
    print(f"timex speed: demo corpus ({len(documents)} documents) repeated to {words:,} words; "
          f"Python {sys.version.split()[0]}, {pinned}\n")

    def tag_all() -> int:
        return sum(len(find_timexes(text, dct)) for text, dct in workload)

    find_timexes(documents[0][0], documents[0][1])  # warm-up
    seconds, found = time_runs(tag_all, args.runs)
    report("(a) dyadwatch find_timexes", words, len(workload), seconds, found)

    if args.dateparser_words <= 0:
        return
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("\n(b) dateparser is not installed: pip install -e '.[bench]' (skipped)")
        return

    sliced, slice_words = repeat_to(documents, args.dateparser_words)
    bases = [dt.datetime.combine(dct.first_day(), dt.time()) if dct else None
             for _text, dct in sliced]

    def search_all() -> int:
        found = 0
        for (text, _dct), base in zip(sliced, bases, strict=True):
            settings = {"RELATIVE_BASE": base} if base else {}
            found += len(search_dates(text, languages=["en"], settings=settings) or [])
        return found

    search_dates(documents[0][0], languages=["en"])  # warm-up
    dp_seconds, dp_found = time_runs(search_all, args.runs)
    print()
    report("(b) dateparser.search.search_dates, for comparison", slice_words, len(sliced), dp_seconds,
           dp_found, note=f"  (timed on a {slice_words:,}-word slice only, scaled to words/s)")
    tagger_rate = words / statistics.median(seconds)
    dateparser_rate = slice_words / statistics.median(dp_seconds)
    print(f"\nfind_timexes is {tagger_rate / dateparser_rate:,.1f}x the speed of search_dates "
          "(median words/s)")


if __name__ == "__main__":
    main()
