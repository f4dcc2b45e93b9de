"""Copies of the demo corpus for benchmarks, each text file made unique so none is deduplicated."""

from __future__ import annotations

import shutil
from pathlib import Path


def unique_copies(source: Path, copies: int, target: Path) -> None:
    """`copies` copies of every file under `source`; each .txt/.md file gets a unique closing
    line (HTML, PDF and feed files are copied as they are and dedupe after the first copy)."""
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        for n in range(copies):
            out = target / f"{n:04d}" / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in (".txt", ".md"):
                out.write_text(path.read_text("utf-8") + f"\nBench copy {n}.\n", "utf-8")
            else:
                shutil.copy(path, out)
