"""The workspace: passes records between the ingest stage and the store (the orchestration layer)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ingest.base import IngestError
from .ingest.metadata import Overrides
from .ingest.pipeline import read_source
from .ingest.sources import FetchOptions, load, plan
from .kb.outlets import OutletRegistry, registry
from .model import KINDS, Document, Event, PartialDate, Skipped
from .store import Store

if TYPE_CHECKING:
    import pandas as pd

    from .compare.statements import ReportedQuote, Statement

DEFAULT_DB = "dyadwatch.db"
DOCUMENT_COLUMNS = [
    "id", "published", "published_precision", "outlet", "outlet_country", "outlet_affiliation",
    "kind", "title", "author", "language", "format", "source", "url", "words",
]


@dataclass
class IngestReport:
    run_id: int
    added: list[Document] = field(default_factory=list)
    present: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every source was read, 1 when some were skipped."""
        return 1 if self.skipped else 0


def _overrides(outlet: str | None, date: str | PartialDate | None, title: str | None,
               author: str | None, kind: str | None) -> Overrides:
    if isinstance(date, str):
        date = PartialDate.parse(date)
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    return Overrides(outlet=outlet, date=date, title=title, author=author, kind=kind)  # type: ignore[arg-type]


class Workspace:
    """A corpus in a store: `Workspace("corpus.db")`, `Workspace(":memory:")` or a database URL."""

    def __init__(self, path_or_url: str | Path = DEFAULT_DB, outlet_files: Iterable[Path] = ()):
        self.store = Store(path_or_url)
        self.outlets: OutletRegistry = registry(tuple(Path(p) for p in outlet_files))
        self._events: list[Event] | None = None  # fused events, until documents change

    def __repr__(self) -> str:
        return f"Workspace({self.store.url!r})"

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ingest(
        self,
        inputs: str | Path | Iterable[str | Path],
        *,
        outlet: str | None = None,
        date: str | PartialDate | None = None,
        title: str | None = None,
        author: str | None = None,
        kind: str | None = None,
        fetch: FetchOptions | None = None,
        command: str = "ingest",
        on_source: Callable[[str, int], None] | None = None,
        on_planned: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Read every input into the store; bad sources are skipped with a reason, never raised.

        `on_planned(total)` is told how many sources there are, `on_source(name, n_done)` after
        each one (for progress bars). Raises ValueError only for bad arguments (e.g. the date).
        """
        overrides = _overrides(outlet, date, title, author, kind)
        self._events = None
        if isinstance(inputs, str | Path):
            inputs = [inputs]
        names = [str(i) for i in inputs]
        fetch = fetch or FetchOptions()
        run_id = self.store.start_run(command, names)
        report = IngestReport(run_id=run_id)
        planned = plan(names)
        if on_planned:
            on_planned(len(planned))
        try:
            for done, item in enumerate(planned, start=1):
                self._ingest_one(item, overrides, fetch, report)
                if on_source:
                    on_source(item.source if isinstance(item, Skipped) else item, done)
        finally:
            self.store.finish_run(run_id, len(report.added), len(report.present),
                                  report.skipped, report.warnings)
        return report

    def _ingest_one(self, item: str | Skipped, overrides: Overrides, fetch: FetchOptions,
                    report: IngestReport) -> None:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            return
        try:
            source = load(item, fetch)
        except IngestError as exc:
            report.skipped.append(Skipped(item, str(exc)))
            return
        result = read_source(source, overrides, self.outlets)
        report.skipped.extend(result.skipped)
        report.warnings.extend((source.name, w) for w in result.warnings)
        for document in result.documents:
            if self.store.add_document(document, report.run_id):
                report.added.append(document)
            else:
                report.present.append(document)

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        return list(self.store.documents(ids))

    def document(self, document_id: str) -> Document | None:
        found = self.documents([document_id])
        return found[0] if found else None

    def documents_df(self) -> pd.DataFrame:
        """One row per document (metadata, no text), in publication order."""
        import pandas as pd

        rows = [{
            "id": d.id, "published": d.published.iso() if d.published else None,
            "published_precision": d.published_precision, "outlet": d.outlet,
            "outlet_country": d.outlet_country, "outlet_affiliation": d.outlet_affiliation,
            "kind": d.kind, "title": d.title, "author": d.author, "language": d.language,
            "format": d.format, "source": d.source, "url": d.url, "words": len(d.text.split()),
        } for d in self.documents()]
        return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)

    def runs(self) -> list[dict]:
        return self.store.runs()

    # --- annotation, fusion, chronology -----------------------------------------------------

    def annotate(self, kb: Any = None, force: bool = False,
                 on_record: Callable[[dict[str, Any]], None] | None = None) -> int:
        """Annotate stored documents not yet annotated (all with `force`) and store their event
        mentions, each document in its own transaction; `on_record` sees each annotate record.
        Returns how many documents were annotated."""
        from .annotate import annotate

        done = set() if force else self.store.annotated_ids()
        pending = [d for d in self.documents() if d.id not in done]
        if pending:
            self._events = None
        for document in pending:
            record = annotate(document, kb)
            self.store.save_annotation(document.id, [_mention_row(e, record) for e in record["events"]],
                                       {k: len(record[k]) for k in ("timexes", "actors", "events", "quotes")},
                                       [_quote_row(q) for q in record["quotes"]])
            if on_record:
                on_record(record)
        return len(pending)

    def fuse(self) -> list[Event]:
        """Fuse all stored mentions into events, replacing the stored events."""
        from .fuse import fuse

        events = fuse(self.store.mentions())
        self.store.replace_events([_event_row(e) for e in events])
        self._events = events
        return events

    def fused_events(self) -> list[Event]:
        """The fused events, annotating and fusing first what has changed since."""
        self.annotate()
        return self._events if self._events is not None else self.fuse()

    def events(self) -> pd.DataFrame:
        """One row per fused event: date, category, actors, summary, salience, sources."""
        import pandas as pd

        from .report.chronology import entry_record

        return pd.DataFrame([entry_record(e) for e in self.fused_events()],
                            columns=["date", "date_precision", "summary", "plover", "cameo", "quad",
                                     "intensity", "source", "target", "salience", "sources"])

    def chronology(self, dyad: str = "RUS,CHN", start: str | None = None, end: str | None = None,
                   limit: int | None = None, fold: bool = True) -> pd.DataFrame:
        """The dyad's chronology as a DataFrame (see `report.chronology`); `fold` puts what was
        said in talks into the talks' entry."""
        import pandas as pd

        from .report.chronology import Dyad, entry_record, select

        chosen = select(self.fused_events(), Dyad.parse(dyad), PartialDate.parse(start) if start else None,
                        PartialDate.parse(end) if end else None, limit, fold)
        return pd.DataFrame([entry_record(e) for e in chosen])

    # --- quotes ---------------------------------------------------------------------------------

    def quotes(self, speaker: str | None = None) -> pd.DataFrame:
        """One row per quotation: document, outlet, speaker (as written, name, code), kind, cue,
        words and span (`field` "title" for a headline's); `speaker` keeps rows whose speaker
        text, name or code contains it."""
        import pandas as pd

        self.annotate()
        rows = [_quote_frame_row(q) for q in self.store.quotes()]
        if speaker:
            needle = speaker.lower()
            rows = [r for r in rows if needle in " ".join(
                str(r[k] or "") for k in ("speaker", "speaker_name", "speaker_code")).lower()]
        return pd.DataFrame(rows, columns=["date", "document_id", "outlet", "speaker", "speaker_name",
                                           "speaker_code", "kind", "cue", "text", "start", "end", "field"])

    def statements(self, speaker: str | None = None) -> list[Statement]:
        """Statements reported by two or more documents, with their versions and differences."""
        from .annotate.quotes import paragraph_starts
        from .compare.statements import find_statements

        self.annotate()
        rows = self.store.quotes()
        paragraphs = {doc.id: paragraph_starts(doc.text)
                      for doc in self.store.documents({row["document_id"] for row in rows})}
        return find_statements([reported_quote(q, paragraphs.get(q["document_id"])) for q in rows], speaker)


def reported_quote(row: dict[str, Any], paragraphs: list[int] | None = None) -> ReportedQuote:
    """A stored quote for comparison; `paragraphs` (the document's paragraph starts) tells which
    passage it belongs to."""
    from .compare.statements import ReportedQuote

    speaker = row["speaker"] or {}
    paragraph = paragraphs[max(bisect_right(paragraphs, row["start"]) - 1, 0)] \
        if paragraphs and row["field"] == "text" else None
    return ReportedQuote(row["document_id"], row["outlet"] or "unknown outlet", row["document_kind"],
                         row["published"], row["start"], row["end"], row["text"], row["kind"],
                         speaker.get("text"), speaker.get("name"), speaker.get("code"), row["date"],
                         paragraph, row["field"])


def _quote_frame_row(row: dict[str, Any]) -> dict[str, Any]:
    speaker = row["speaker"] or {}
    return {"date": row["date"], "document_id": row["document_id"], "outlet": row["outlet"],
            "speaker": speaker.get("text"), "speaker_name": speaker.get("name"),
            "speaker_code": speaker.get("code"), "kind": row["kind"],
            "cue": (row["cue"] or {}).get("text"), "text": row["text"], "start": row["start"],
            "end": row["end"], "field": row["field"]}


def _quote_row(quote: dict[str, Any]) -> dict[str, Any]:
    return {"start": quote["start"], "end": quote["end"], "text": quote["text"], "kind": quote["kind"],
            "parts": quote["parts"], "cue": quote["cue"], "speaker": quote["speaker"], "date": quote["date"],
            "field": quote["field"]}


def _mention_row(event: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    actors = {(a["start"], a["code"]): a for a in record["actors"]}

    def full(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Each reference with its canonical name when the actor layer lists it."""
        return [{"code": ref["code"], "country": ref["country"], "sector": ref["sector"],
                 "name": actors.get((ref["start"], ref["code"]), {}).get("name"), "start": ref["start"],
                 "end": ref["end"], "text": ref["text"]} for ref in refs]

    return {
        "sentence_start": event["start"], "sentence_end": event["end"],
        "trigger_start": event["trigger"]["start"], "trigger_end": event["trigger"]["end"],
        "trigger_text": event["trigger"]["text"], "source": full(event["source"]),
        "target": full(event["target"]), "plover": event["plover"], "mode": event["mode"],
        "cameo": event["cameo"], "quad": event["quad"], "intensity": event["intensity"],
        "date": event["date"], "date_precision": event["date_precision"],
        "date_anchor": event["date_anchor"], "negated": event["negated"], "modality": event["modality"],
        "reported_by": event["reported_by"], "summary": event["summary"], "reciprocal": event["reciprocal"],
        "context": event["context"],
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {"date": event.date, "date_precision": event.date_precision, "plover": event.plover,
            "mode": event.mode, "cameo": event.cameo, "quad": event.quad, "intensity": event.intensity,
            "source": list(event.source), "target": list(event.target), "summary": event.summary,
            "salience": event.salience, "mention_ids": [s.mention_id for s in event.sources],
            "context": list(event.context)}
