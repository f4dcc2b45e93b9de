"""The workspace: passes records between the ingest stage and the store (the orchestration layer)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .ingest.base import IngestError
from .ingest.metadata import Overrides
from .ingest.pipeline import read_source
from .ingest.sources import FetchOptions, load, plan
from .kb.outlets import OutletRegistry, registry
from .model import KINDS, Document, PartialDate, Skipped
from .store import Store

if TYPE_CHECKING:
    import pandas as pd

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
