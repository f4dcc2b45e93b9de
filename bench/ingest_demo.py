"""Time and peak memory to ingest the demo corpus into a fresh SQLite store.

Each repetition runs in a fresh process (so peak memory is that run's own), and the script
prints the median, minimum and maximum. `--copies N` also ingests N variants of every demo
document (each made unique, so none is deduplicated) to see the per-document cost at scale.

    python bench/ingest_demo.py [--runs 5] [--copies 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus_copies import unique_copies

CHILD = r"""
import json, resource, sys, time
from dyadwatch import Workspace
started = time.perf_counter()
with Workspace(sys.argv[1]) as ws:
    report = ws.ingest(sys.argv[2])
    words = sum(len(d.text.split()) for d in report.added)
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "documents": len(report.added), "skipped": len(report.skipped),
                  "words": words, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def one_run(corpus: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([sys.executable, "-c", CHILD, f"{tmp}/bench.db", str(corpus)],
                                capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def report(label: str, runs: list[dict]) -> None:
    def figure(key: str) -> str:
        values = [r[key] for r in runs]
        return (f"median {statistics.median(values):.3f}  min {min(values):.3f}  "
                f"max {max(values):.3f}")

    first = runs[0]
    print(f"{label}: {first['documents']} documents, {first['words']} words, "
          f"{first['skipped']} skipped, {len(runs)} runs")
    print(f"  wall seconds (in-process, after imports): {figure('seconds')}")
    print(f"  peak memory MB:                           {figure('peak_mb')}")
    seconds = statistics.median(r["seconds"] for r in runs)
    print(f"  documents/s: {first['documents'] / seconds:.1f}   words/s: {first['words'] / seconds:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=0)
    args = parser.parse_args()
    from dyadwatch.demo import corpus_dir

    corpus = corpus_dir()
    report("demo corpus", [one_run(corpus) for _ in range(args.runs)])
    if args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            unique_copies(corpus, args.copies, Path(tmp))
            report(f"demo corpus x{args.copies}", [one_run(Path(tmp)) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
