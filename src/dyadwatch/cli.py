"""The `dyadwatch` command: thin commands over the public API.

Exit codes: 0 success; 1 some inputs were skipped (each named on stderr with its reason);
2 usage error (unknown option, impossible date, …); 3 the store could not be opened.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .annotate import annotate as annotate_document
from .ingest.base import IngestError
from .ingest.metadata import Overrides
from .ingest.pipeline import read_source
from .ingest.sources import FetchOptions, load, plan
from .kb.outlets import RegistryError, registry
from .model import KINDS, PartialDate, Skipped
from .workspace import DEFAULT_DB, IngestReport, Workspace

EXIT_SKIPPED = 1
EXIT_STORE = 3
PROGRESS_MIN_SOURCES = 20
TABLE_WIDTH_OFF_TERMINAL = 140

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class DateParam(click.ParamType):
    name = "YYYY[-MM[-DD]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, PartialDate):
            return value
        try:
            return PartialDate.parse(str(value))
        except ValueError as exc:
            self.fail(f"impossible date {value!r}: {exc}", param, ctx)


DB_OPTION = click.option("--db", "db", default=DEFAULT_DB, show_default=True,
                         help="SQLite file path, or a database URL (postgresql://…).")
OUTLETS_OPTION = click.option(
    "--outlets-file", "outlet_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra outlet registry YAML (same shape as kb/outlets.yaml); may repeat.")


def _metadata_options(func: Any) -> Any:
    for option in reversed([
        click.option("--outlet", help="Outlet name for every document (overrides detection)."),
        click.option("--date", type=DateParam(),
                     help="Publication date for every document: YYYY, YYYY-MM or YYYY-MM-DD."),
        click.option("--title", help="Title for every document."),
        click.option("--author", help="Author for every document."),
        click.option("--kind", type=click.Choice(KINDS), help="Document kind for every document."),
    ]):
        func = option(func)
    return func


def _open_workspace(db: str, outlet_files: tuple[str, ...] = ()) -> Workspace:
    try:
        return Workspace(db, outlet_files=[Path(p) for p in outlet_files])
    except RegistryError as exc:
        err.print(f"error: outlet registry: {exc}")
        sys.exit(2)
    except Exception as exc:  # a store that cannot be opened or migrated
        err.print(f"error: cannot open the store {db}: {exc}")
        sys.exit(EXIT_STORE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyadwatch")
def main() -> None:
    """dyadwatch: a dated, sourced chronology of two countries' relations, a relations index and
    an audit of quotations, from your own corpus of news and analysis."""


def _print_report(report: IngestReport, db_url: str) -> None:
    for skipped in report.skipped:
        err.print(f"skipped: {skipped.source}: {skipped.reason}", markup=False)
    err.print(
        f"added {len(report.added)}, already present {len(report.present)}, "
        f"skipped {len(report.skipped)} (run {report.run_id}, store {db_url})",
        markup=False,
    )


def run_ingest(workspace: Workspace, inputs: list[str], quiet: bool = False, **kwargs: Any) -> IngestReport:
    """Ingest with a progress bar on long interactive runs and warnings as they happen."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True,
                        disable=quiet or not err.is_terminal)
    with progress:
        task = progress.add_task("ingesting", total=None)

        def planned(total: int) -> None:
            progress.update(task, total=total, visible=total >= PROGRESS_MIN_SOURCES)

        def advanced(name: str, done: int) -> None:
            progress.update(task, completed=done, description=f"ingesting {Path(name).name[:40]}")

        report = workspace.ingest(inputs, on_planned=planned, on_source=advanced, **kwargs)
    for source, message in report.warnings:
        err.print(f"warning: {source}: {message}", markup=False)
    return report


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@_metadata_options
@OUTLETS_OPTION
@click.option("--max-bytes", type=click.IntRange(min=1), default=FetchOptions.max_bytes,
              show_default=True, help="Size cap for one file or download.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=FetchOptions.timeout,
              show_default=True, help="Seconds allowed for one URL.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(inputs: tuple[str, ...], db: str, outlet: str | None, date: PartialDate | None,
           title: str | None, author: str | None, kind: str | None,
           outlet_files: tuple[str, ...], max_bytes: int, timeout: float, quiet: bool) -> None:
    """Read files, folders (recursively), http(s) URLs, RSS/Atom feeds or - (stdin) into the store.

    Formats (plain text, Markdown, HTML, PDF, feeds) are detected from the content. Re-ingesting
    the same content adds nothing. Exit status: 0 all read, 1 some skipped, 2 usage error.
    """
    workspace = _open_workspace(db, outlet_files)
    with workspace:
        report = run_ingest(
            workspace, list(inputs), quiet=quiet, outlet=outlet, date=date, title=title,
            author=author, kind=kind, fetch=FetchOptions(max_bytes=max_bytes, timeout=timeout),
            command="ingest " + " ".join(sys.argv[2:]),
        )
        _print_report(report, workspace.store.url)
    sys.exit(report.exit_code)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def documents(db: str, fmt: str) -> None:
    """List the stored documents with their metadata, in publication order."""
    with _open_workspace(db) as workspace:
        frame = workspace.documents_df()
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", indent=2, force_ascii=False))
    else:
        print_documents_table(frame)


def print_documents_table(frame: Any) -> None:
    from rich.table import Table

    table = Table(header_style="bold", box=None, pad_edge=False)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, max_width=28, overflow="ellipsis")
    table.add_column("ctry", no_wrap=True, min_width=4)
    table.add_column("kind", no_wrap=True, min_width=10)
    table.add_column("format", no_wrap=True, min_width=8)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=72)
    for row in frame.itertuples():
        table.add_row(row.published or "—", row.outlet or "?", row.outlet_country or "",
                      row.kind, row.format or "", row.title or "(untitled)")
    console = out if out.is_terminal else Console(highlight=False, width=TABLE_WIDTH_OFF_TERMINAL)
    console.print(table)
    console.print(f"{len(frame)} documents")


@main.command()
@DB_OPTION
def runs(db: str) -> None:
    """List ingest runs with what each added and what it skipped, and why."""
    with _open_workspace(db) as workspace:
        for run in workspace.runs():
            out.print(f"run {run['id']}  {run['started_at']}  added {run['added']}  "
                      f"present {run['present']}  skipped {run['skipped']}  {run['command']}",
                      markup=False)
            for skipped in run["skipped_detail"] or []:
                out.print(f"    skipped: {skipped['source']}: {skipped['reason']}", markup=False)


@main.command()
@click.argument("files", nargs=-1, required=True)
@_metadata_options
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one object (an array for several documents); "
                                      "jsonl: one object per line.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra knowledge-base folder (people.yaml, organizations.yaml, countries.yaml, "
                   "sectors.yaml, PETRARCH *.txt actor dictionaries); may repeat.")
def annotate(files: tuple[str, ...], outlet: str | None, date: PartialDate | None,
             title: str | None, author: str | None, kind: str | None, fmt: str,
             kb_dirs: tuple[str, ...]) -> None:
    """Print each document's metadata and annotation layers with character offsets.

    Shape, per document: {"document": {...}, "sentences": [{"start", "end", "text"}], ...}.
    """
    overrides = Overrides(outlet=outlet, date=date, title=title, author=author, kind=kind)  # type: ignore[arg-type]
    outlets = registry()
    kb = _load_kb(kb_dirs)
    records, skipped = [], []
    for item in plan(files):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        try:
            source = load(item, FetchOptions())
        except IngestError as exc:
            skipped.append(Skipped(item, str(exc)))
            continue
        result = read_source(source, overrides, outlets)
        skipped.extend(result.skipped)
        records.extend(annotate_document(doc, kb) for doc in result.documents)
    for skip in skipped:
        err.print(f"skipped: {skip.source}: {skip.reason}", markup=False)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif records:
        payload = records[0] if len(records) == 1 else records
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    sys.exit(EXIT_SKIPPED if skipped else 0)


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", "db", default=None, help="Use this store (path or URL) instead of input paths.")
@click.option("--dyad", default="RUS,CHN", show_default=True, help="Two ISO-3 country codes.")
@click.option("--from", "start", type=DateParam(), help="First date (YYYY[-MM[-DD]]).")
@click.option("--to", "end", type=DateParam(), help="Last date (YYYY[-MM[-DD]]).")
@click.option("--limit", type=click.IntRange(min=1), help="Keep the N most salient events.")
@click.option("--fold/--no-fold", default=True, show_default=True,
              help="Put what was said in talks into the talks' entry.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json", "csv"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra knowledge-base folder; may repeat.")
def chronology(inputs: tuple[str, ...], db: str | None, dyad: str, start: PartialDate | None,
               end: PartialDate | None, limit: int | None, fold: bool, fmt: str, output: str | None,
               kb_dirs: tuple[str, ...]) -> None:
    """Print the dated, sourced chronology of a dyad's relations (Comparative Connections style).

    Give input paths (read into a temporary in-memory store) or --db for a persistent store;
    documents not yet annotated are annotated, and mentions are fused into events.
    """
    from .report.chronology import Dyad, render, select

    try:
        pair = Dyad.parse(dyad)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--dyad") from exc
    workspace = _open_workspace(db or ":memory:")
    with workspace:
        skipped = _ingest_and_annotate(workspace, inputs, db, kb_dirs, "chronology")
        events = select(workspace.fuse(), pair, start, end, limit, fold)
    _emit(render(events, pair, fmt), output, f"{len(events)} entries")
    sys.exit(EXIT_SKIPPED if skipped else 0)


def _ingest_and_annotate(workspace: Workspace, inputs: tuple[str, ...], db: str | None,
                         kb_dirs: tuple[str, ...], command: str) -> bool:
    """Read the input paths (if any) into the workspace and annotate what is new; report each
    skipped input on stderr. Returns whether any input was skipped."""
    if not inputs and not db:
        raise click.UsageError("give input paths or --db")
    skipped = False
    if inputs:
        report = run_ingest(workspace, list(inputs), quiet=True, command=command)
        for skip in report.skipped:
            err.print(f"skipped: {skip.source}: {skip.reason}", markup=False)
        skipped = bool(report.skipped)
    workspace.annotate(kb=_load_kb(kb_dirs))
    return skipped


def _emit(text: str, output: str | None, count: str) -> None:
    """Print a report, or write it to `output` and say what was written."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"{count} written to {output}", markup=False)
    else:
        click.echo(text)


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", "db", default=None, help="Use this store (path or URL) instead of input paths.")
@click.option("--speaker", default=None,
              help="Keep quotes whose speaker (as written, name or code) contains this.")
@click.option("--compare", is_flag=True,
              help="Group quotes into statements across outlets and list differences.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra knowledge-base folder; may repeat.")
def quotes(inputs: tuple[str, ...], db: str | None, speaker: str | None, compare: bool, fmt: str,
           output: str | None, kb_dirs: tuple[str, ...]) -> None:
    """List quotations with their speakers, or (--compare) audit how outlets reported each statement.

    With --compare, quotes of the same speaker on the same occasion in different documents form a
    statement; its versions are aligned clause by clause and every omission, addition, wording
    change and attribution shift is listed.
    """
    from .report.quotes import render_quotes, render_statements

    workspace = _open_workspace(db or ":memory:")
    with workspace:
        skipped = _ingest_and_annotate(workspace, inputs, db, kb_dirs, "quotes")
        if compare:
            statements = workspace.statements(speaker)
            text, count = render_statements(statements, fmt), f"{len(statements)} statements"
        else:
            rows = workspace.quotes(speaker).to_dict("records")
            text, count = render_quotes(rows, fmt), f"{len(rows)} quotes"
    _emit(text, output, count)
    sys.exit(EXIT_SKIPPED if skipped else 0)


def _load_kb(kb_dirs: tuple[str, ...]) -> Any:
    from .annotate.actors import load_knowledge_base
    from .annotate.actors.kb import KBError

    try:
        return load_knowledge_base(kb_dirs)
    except KBError as exc:
        err.print(f"error: knowledge base: {exc}", markup=False)
        sys.exit(2)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="dyadwatch-demo",
              show_default=True, help="Folder for the demo's store and outputs.")
def demo(out_dir: str) -> None:
    """Run the main job on the bundled demo corpus and say where the outputs are."""
    from .demo import run_demo

    sys.exit(run_demo(Path(out_dir), out, err))


@main.group("eval")
def eval_group() -> None:
    """Score annotation layers against gold data (see docs/evaluation.md)."""


@eval_group.command("timex")
@click.argument("gold", metavar="GOLD.jsonl")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print the first N value errors, N misses and N spurious timexes.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def eval_timex(gold: str, n_errors: int, fmt: str) -> None:
    """Tag the documents of a gold JSONL file and score the time expressions (TempEval-3):
    strict and relaxed span P/R/F1, and type and value F1 over relaxed matches."""
    from .eval.timex import GoldFormatError, evaluate, read_gold

    try:
        documents = read_gold(gold)
    except GoldFormatError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    score = evaluate(documents)
    if fmt == "json":
        click.echo(json.dumps(score.to_dict(errors=n_errors or None), ensure_ascii=False, indent=2))
        return
    pct = "{:5.1f}".format
    out.print(f"{gold}: {score.documents} documents, {score.gold} gold timexes, "
              f"{score.predicted} predicted", markup=False)
    out.print(f"{'':8} {'P':>5}  {'R':>5}  {'F1':>5}  matched", markup=False)
    for name, prf in [("strict", score.strict), ("relaxed", score.relaxed),
                      ("type", score.type), ("value", score.value)]:
        out.print(f"{name:8} {pct(100 * prf.precision)}  {pct(100 * prf.recall)}  "
                  f"{pct(100 * prf.f1)}  {prf.correct:7d}", markup=False)
    if n_errors:
        _print_timex_errors(score, n_errors)


def _print_timex_errors(score: Any, n: int) -> None:
    for title, errors in [("value errors", score.value_errors), ("missed", score.missed),
                          ("spurious", score.spurious)]:
        out.print(f"\n{title} (first {min(n, len(errors))} of {len(errors)}):", markup=False)
        for e in errors[:n]:
            gold = f"gold {e.gold_text!r} {e.gold_type} {e.gold_value}"
            predicted = f"predicted {e.predicted_text!r} {e.predicted_type} {e.predicted_value}"
            what = {"value": f"{gold}  ≠  {predicted}", "missed": gold, "spurious": predicted}[e.kind]
            out.print(f"  [{e.doc_id}] {what}\n      {e.context}", markup=False)


@eval_group.command("actors")
@click.argument("gold", metavar="GOLD.yaml|GOLD.jsonl")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra knowledge-base folder; may repeat.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print the first N errors.")
def eval_actors(gold: str, kb_dirs: tuple[str, ...], n_errors: int) -> None:
    """Score the actor layer: on our YAML gold set (mention recall, country and sector accuracy),
    or on PLOVER gold-standard records in JSONL (recall of the gold country codes)."""
    from .eval.actors import ActorGoldError, evaluate_gold, evaluate_plover

    kb = _load_kb(kb_dirs)
    try:
        if gold.endswith(".jsonl"):
            recall = evaluate_plover(gold, kb)
            out.print(f"{gold}: {recall.records} records, {recall.gold} gold actor codes, "
                      f"found {recall.found}: recall {100 * recall.recall:.1f}", markup=False)
            out.print(f"missed by code: {dict(recall.missed.most_common(15))}", markup=False)
            for example in recall.examples[:n_errors]:
                out.print(f"  [{example['id']}] missing {example['missing']} (found {example['found']}): "
                          f"{example['text'][:140]}", markup=False)
            return
        score = evaluate_gold(gold, kb)
    except (ActorGoldError, OSError) as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    figures = score.to_dict()
    out.print(f"{gold}: {score.gold} gold mentions, {score.predicted} predicted", markup=False)
    for key in ("recall", "precision", "country_accuracy", "sector_accuracy"):
        out.print(f"  {key:17} {100 * figures[key]:5.1f}", markup=False)
    for error in score.errors[:n_errors]:
        out.print(f"  [{error['id']}] {error['kind']}: {error}", markup=False)


@eval_group.command("events")
@click.argument("gold", metavar="GOLD.jsonl")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print the first N misses and spurious events.")
def eval_events(gold: str, n_errors: int) -> None:
    """Score the event layer on PLOVER gold-standard records: precision, recall and F1 of events
    (same category, a shared source country, compatible targets), and category accuracy."""
    from .eval.events import EventGoldError, evaluate_plover

    try:
        score = evaluate_plover(gold)
    except EventGoldError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    out.print(f"{gold}: {score.records} records, {score.gold} gold events, {score.predicted} predicted, "
              f"{score.matched} matched", markup=False)
    out.print(f"  precision {100 * score.precision:5.1f}  recall {100 * score.recall:5.1f}  "
              f"F1 {100 * score.f1:5.1f}  category accuracy {100 * score.category_accuracy:5.1f}",
              markup=False)
    for error in score.errors[:n_errors]:
        what = error.get("gold", error.get("predicted"))
        out.print(f"  [{error['id']}] {error['kind']}: {what} | {error['text'][:120]}", markup=False)


@eval_group.command("chronology")
@click.argument("gold", metavar="GOLD.txt")
@click.argument("predicted", metavar="PRED")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print the first N missed gold entries and N unmatched predicted entries.")
def eval_chronology(gold: str, predicted: str, fmt: str, n_errors: int) -> None:
    """Score a predicted chronology (text, dyadwatch Markdown or JSON, detected from the content)
    against a gold chronology of 'Feb. 5, 2020: text' lines: set-of-dates P/R/F1, and entry
    recall and precision (same date and at least 1, or 2, shared content words)."""
    from .eval.chronology import (
        ChronologyFormatError,
        read_gold,
        read_predicted,
        report_lines,
        score_chronology,
    )

    try:
        score = score_chronology(read_gold(gold), read_predicted(predicted))
    except ChronologyFormatError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(score.to_dict(errors=n_errors or None), ensure_ascii=False, indent=2))
        return
    for line in report_lines(score, gold, predicted, n_errors):
        out.print(line, markup=False)


@eval_group.command("quotes")
@click.argument("gold", metavar="GOLD.yaml")
@click.option("--docs", "docs_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder the gold's file names are relative to (default: 'docs' beside the gold).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print the first N misses (quotes, speakers, differences).")
def eval_quotes(gold: str, docs_dir: str | None, fmt: str, n_errors: int) -> None:
    """Score quote extraction (recall, speaker accuracy) and difference detection (P/R per kind)
    against a gold file of statements, quotes and not-quotes (format in docs/quotes.md)."""
    from .eval.quotes import KINDS, QuoteGoldError, read_gold, score_quotes

    try:
        data = read_gold(gold)
    except QuoteGoldError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    base = Path(docs_dir) if docs_dir else Path(gold).parent / "docs"
    if not base.is_dir():
        err.print(f"error: {base}: no documents folder; give --docs", markup=False)
        sys.exit(2)
    names = {v["file"] for s in data["statements"] for v in s["versions"]}
    names |= {q["file"] for q in data.get("quotes") or []} | {q["file"] for q in data.get("not_quotes") or []}
    missing = sorted(n for n in names if not (base / n).is_file())
    if missing:
        err.print(f"error: {base / missing[0]}: file named in the gold does not exist", markup=False)
        sys.exit(2)
    with Workspace(":memory:") as workspace:
        report = workspace.ingest([str(base / n) for n in sorted(names)])
        by_source = {Path(d.source).resolve(): d for d in report.added}
        workspace.annotate()
        quotes = workspace.store.quotes()
        statements = workspace.statements()
    documents = {}
    for name in names:
        document = by_source.get((base / name).resolve())
        if document is not None:
            documents[name] = {"id": document.id, "text": document.text, "title": document.title or "",
                               "quotes": [q for q in quotes if q["document_id"] == document.id]}
    score = score_quotes(data, documents, statements)
    if fmt == "json":
        click.echo(json.dumps(score.to_dict() | {"misses": score.misses[:n_errors]}, ensure_ascii=False,
                              indent=2))
        return
    figures = score.to_dict()
    q = figures["quotes"]
    out.print(f"{gold}: {score.gold_quotes} gold quotes, {score.statements_gold} statements", markup=False)
    out.print(f"quotes found: {q['recall']:.1%}   speaker accuracy: {q['speaker_accuracy']:.1%} "
              f"(of found {q['speaker_accuracy_found']:.1%})   kind accuracy (found): "
              f"{q['kind_accuracy_found']:.1%}", markup=False)
    out.print(f"scare quotes / titles taken as statements: {score.not_quote_errors} of {score.not_quotes}",
              markup=False)
    out.print(f"statements matched: {score.statements_matched} of {score.statements_gold} "
              f"({score.statements_predicted} predicted)", markup=False)
    for kind in KINDS:
        k = score.differences[kind]
        out.print(f"{kind:<12} P {k.precision:6.1%}  R {k.recall:6.1%}  F1 {k.f1:6.1%}  "
                  f"(gold {k.gold}, predicted {k.predicted})", markup=False)
    for line in score.misses[:n_errors]:
        out.print(f"  {line}", markup=False)


if __name__ == "__main__":
    main()
