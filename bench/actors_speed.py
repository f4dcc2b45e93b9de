"""Speed of the actor layer with a large knowledge base.

Grows the bundled knowledge base to --names generated person names (each with a dated role),
then runs the layer over the demo corpus repeated to about --words words, one core, and prints
words per second (best and median of --runs) together with the time to build the larger KB. It
gives the rate by wall-clock time and by CPU time of this process (time.process_time): on a
machine shared with other work only the second is steady.

    python bench/actors_speed.py [--names 50000] [--words 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from dyadwatch import Workspace
from dyadwatch.annotate.actors import find_actors
from dyadwatch.annotate.actors.kb import Entry, Role, build
from dyadwatch.annotate.sentences import split_sentences
from dyadwatch.demo import corpus_dir

SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "va", "dor", "el", "fin", "gra", "hu", "ix", "jo",
             "ket", "lum", "nar", "osk", "pel", "qui", "ros", "sul", "tam", "ur", "vin", "wex", "yor"]
COUNTRIES = ["RUS", "CHN", "USA", "GBR", "FRA", "DEU", "IND", "JPN", "KOR", "BRA"]


def generated_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    kb = build()
    bundled = kb.entries
    rng = random.Random(7)
    for n in range(args.names):
        role = Role(rng.choice(COUNTRIES), "GOV", "Minister", dt.date(2015, 1, 1), None)
        kb.add(generated_name(rng), Entry("person", name=f"generated {n}", kb_id=f"gen-{n}", roles=(role,)))
    build_seconds = time.perf_counter() - started

    with Workspace(":memory:") as ws:
        documents = [(d.text, split_sentences(d.text)) for d in ws.ingest(corpus_dir()).added]
    corpus_words = sum(len(text.split()) for text, _ in documents)
    repeat = max(1, round(args.words / corpus_words))
    words = corpus_words * repeat

    timings, cpu_timings, found = [], [], 0
    for _ in range(args.runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        found = 0
        for _ in range(repeat):
            for text, sentences in documents:
                found += len(find_actors(text, sentences, None, kb))
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    print(f"actor layer: knowledge base of {kb.entries:,} surface forms "
          f"({bundled:,} bundled + {args.names:,} generated names), built in {build_seconds:.2f} s")
    print(f"  workload: {words:,} words ({len(documents)} demo documents x {repeat}); "
          f"{found:,} actor mentions per run")
    for label, seconds in (("wall-clock", timings), ("CPU time", cpu_timings)):
        print(f"  words/s by {label}: best {words / min(seconds):,.0f}  "
              f"median {words / statistics.median(seconds):,.0f}"
              f"  ({args.runs} runs: {', '.join(f'{t:.2f}' for t in seconds)} s)")


if __name__ == "__main__":
    main()
