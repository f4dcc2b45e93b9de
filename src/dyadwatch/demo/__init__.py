"""`dyadwatch demo`: the main job on the bundled demo corpus (Russia–China, January–April 2020)."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

from rich.console import Console

from ..workspace import Workspace

# The analysis piece whose relative dates the demo shows resolved.
SHOWCASE = "analysis/2020-05_cc_russia-china-pandemic.md"
SHOWCASE_ANCHORS = ("narrative", "dct")


def corpus_dir() -> Path:
    """The bundled demo corpus folder (installed with the package)."""
    return Path(str(resources.files("dyadwatch.demo").joinpath("corpus")))


def _fresh_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_demo(out_dir: Path, out: Console, err: Console) -> int:
    from ..cli import print_documents_table, run_ingest

    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "demo.db"
    _fresh_store(db)
    corpus = corpus_dir()
    out.print(f"[bold]dyadwatch demo[/bold]: ingesting the demo corpus from {corpus}")
    with Workspace(db) as workspace:
        report = run_ingest(workspace, [str(corpus)], command="demo")
        for skipped in report.skipped:
            err.print(f"skipped: {skipped.source}: {skipped.reason}", markup=False)
        out.print(f"added {len(report.added)} documents, skipped {len(report.skipped)}")
        frame = workspace.documents_df()
        print_documents_table(frame)
        csv_path = out_dir / "documents.csv"
        frame.to_csv(csv_path, index=False)
        annotations = out_dir / "annotations.jsonl"
        actor_counts: Counter[str] = Counter()
        actor_names: dict[str, Counter[str]] = {}
        showcase: dict | None = None
        with annotations.open("w", encoding="utf-8") as handle:
            def keep(record: dict) -> None:
                nonlocal showcase
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                if (record["document"]["source"] or "").endswith(SHOWCASE):
                    showcase = record
                for actor in record["actors"]:
                    actor_counts[actor["code"]] += 1
                    actor_names.setdefault(actor["code"], Counter())[actor["name"] or actor["text"]] += 1

            workspace.annotate(on_record=keep)
        print_actor_counts(actor_counts, actor_names, out)
        chronology_files = write_chronology(workspace, out_dir, out)
        if showcase is not None:
            print_relative_dates(showcase, out)
        audit_files = write_quote_audit(workspace, out_dir, out)
    out.print("\n[bold]outputs[/bold]")
    for path, what in ((db, "SQLite store (open with the Python API or any SQLite client)"),
                       (csv_path, "document metadata table"),
                       (annotations, "annotate output for every document (JSON lines)"),
                       *chronology_files, *audit_files):
        out.print(f"  {path}  — {what}", markup=False)
    return 1 if report.skipped else 0


ACTOR_CODES_SHOWN = 20
DEMO_DYAD = "RUS,CHN"
CHRONOLOGY_SHOWN = 25


def write_chronology(workspace: Workspace, out_dir: Path, out: Console) -> list[tuple[Path, str]]:
    """Fuse the corpus's mentions into events; print the Russia–China chronology (its most
    salient entries) and write it whole as Markdown and HTML."""
    from ..report.chronology import Dyad, date_label, render, select

    dyad = Dyad.parse(DEMO_DYAD)
    events = select(workspace.fuse(), dyad)
    files = []
    for fmt, what in (("md", "Markdown"), ("html", "HTML")):
        path = out_dir / f"chronology-{dyad.first.lower()}-{dyad.second.lower()}.{fmt}"
        title = f"Chronology of Russia–China relations, {len(events)} entries"
        path.write_text(render(events, dyad, fmt, title), encoding="utf-8")
        files.append((path, f"{dyad} chronology ({what}), every entry with its sources"))
    shown = select(events, dyad, limit=CHRONOLOGY_SHOWN)
    out.print(f"\n[bold]chronology[/bold] of Russia–China relations: {len(events)} events; "
              f"the {len(shown)} most salient, in date order (outlets in brackets)")
    for event in shown:
        outlets = ", ".join(dict.fromkeys(s.outlet or "?" for s in event.sources))
        out.print(f"  {date_label(event.date, event.date_precision)}: {event.summary} [{outlets}]",
                  markup=False)
    return files


def write_quote_audit(workspace: Workspace, out_dir: Path, out: Console) -> list[tuple[Path, str]]:
    """Group the corpus's quotes into statements reported by several outlets; print each one's
    differences in brief and write the audit as Markdown and HTML."""
    from ..report.quotes import render_statements

    statements = workspace.statements()
    files = []
    for fmt, what in (("md", "Markdown"), ("html", "HTML")):
        path = out_dir / f"quote-audit.{fmt}"
        path.write_text(render_statements(statements, fmt), encoding="utf-8")
        files.append((path, f"quote audit ({what}): versions side by side, differences marked"))
    quotes = workspace.quotes()
    out.print(f"\n[bold]quote audit[/bold]: {len(quotes)} quotes, {len(statements)} statements reported by "
              "two or more documents")
    for statement in statements:
        kinds = Counter(d.kind for d in statement.differences)
        summary = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "no differences"
        out.print(f"  {statement.date} {statement.speaker}: {len(statement.outlets)} outlets "
                  f"({', '.join(statement.outlets)}); {summary}", markup=False)
        for difference in statement.differences:
            if difference.kind == "omission" and len(difference.missing_from) < len(statement.outlets) - 1:
                out.print(f"      left out by {', '.join(difference.missing_from)}: “{difference.text}”",
                          markup=False)
    return files


def print_actor_counts(counts: Counter[str], names: dict[str, Counter[str]], out: Console) -> None:
    """The actors found in the corpus, by code and count, with the names behind each code."""
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("code", no_wrap=True)
    table.add_column("mentions", justify="right")
    table.add_column("most frequent names", overflow="ellipsis", no_wrap=True)
    for code, count in counts.most_common(ACTOR_CODES_SHOWN):
        top = ", ".join(f"{name} ({n})" for name, n in names[code].most_common(4))
        table.add_row(code, str(count), top)
    out.print(f"\n[bold]actors[/bold]: {sum(counts.values())} mentions of {len(counts)} codes "
              f"(top {min(ACTOR_CODES_SHOWN, len(counts))})")
    console = out if out.is_terminal else Console(highlight=False, width=140)
    console.print(table)


def print_relative_dates(record: dict, out: Console) -> None:
    """The relative time expressions of one annotated document with the dates they resolve to."""
    from rich.table import Table

    document = record["document"]
    text = document["text"]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("expression", "value", "anchor", "in context"):
        table.add_column(column, no_wrap=column != "in context", overflow="ellipsis")
    for timex in record["timexes"]:
        if timex["anchor"] not in SHOWCASE_ANCHORS:
            continue
        context = " ".join(text[max(0, timex["start"] - 40):timex["end"] + 30].split())
        table.add_row(timex["text"], timex["value"], timex["anchor"], f"…{context}…")
    out.print(f"\n[bold]relative dates resolved[/bold] in “{document['title']}” "
              f"({document['outlet']}, published {document['published'] or '?'}): narrative = from the "
              "story's running "
              "time, dct = from the publication date")
    console = out if out.is_terminal else Console(highlight=False, width=140)
    console.print(table)
