"""Store documents and ingest runs; one transaction per document, so a failure loses nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from ..model import Document, PartialDate, Skipped
from . import schema
from .migrations import migrate

MEMORY = ":memory:"


def store_url(path_or_url: str | Path) -> str:
    """A SQLAlchemy URL from a file path, ":memory:", or a URL given as is."""
    value = str(path_or_url)
    if "://" in value:
        return value
    if value == MEMORY:
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _engine(url: str) -> Engine:
    if url == "sqlite://":
        engine = create_engine(url, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _row_to_document(row: Any) -> Document:
    return Document(
        id=row.id, text=row.text, title=row.title, outlet=row.outlet,
        outlet_country=row.outlet_country, outlet_affiliation=row.outlet_affiliation,
        author=row.author,
        published=PartialDate.parse(row.published) if row.published else None,
        language=row.language, kind=row.kind, source=row.source, url=row.url,
        format=row.format, provenance=row.provenance or {},
    )


class Store:
    def __init__(self, path_or_url: str | Path):
        self.url = store_url(path_or_url)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = _engine(self.url)
        with self.engine.begin() as conn:
            migrate(conn)

    def close(self) -> None:
        self.engine.dispose()

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(schema.documents.c.id).where(schema.documents.c.id == document_id)
            ).first()
        return found is not None

    def add_document(self, document: Document, run_id: int | None = None) -> bool:
        """Insert in a transaction of its own; False when a document with that id is present."""
        published = document.published
        row = {
            "id": document.id, "title": document.title, "outlet": document.outlet,
            "outlet_country": document.outlet_country,
            "outlet_affiliation": document.outlet_affiliation, "author": document.author,
            "published": published.iso() if published else None,
            "published_precision": published.precision if published else None,
            "published_sort": published.first_day().isoformat() if published else None,
            "language": document.language, "kind": document.kind, "source": document.source,
            "url": document.url, "format": document.format, "text": document.text,
            "provenance": document.provenance, "run_id": run_id, "added_at": _now(),
        }
        try:
            with self.engine.begin() as conn:
                conn.execute(schema.documents.insert().values(**row))
        except IntegrityError:
            return False
        return True

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Documents in publication order (undated last), optionally only those ids."""
        query = select(schema.documents).order_by(
            schema.documents.c.published_sort.is_(None), schema.documents.c.published_sort,
            schema.documents.c.outlet, schema.documents.c.title,
        )
        if ids is not None:
            query = query.where(schema.documents.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _row_to_document(row)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.documents)).scalar_one())

    def start_run(self, command: str, inputs: list[str]) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(schema.runs.insert().values(
                started_at=_now(), command=command, inputs=inputs,
                added=0, present=0, skipped=0, skipped_detail=[], warnings=[],
            ))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, added: int, present: int, skipped: list[Skipped],
                   warnings: list[tuple[str, str]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(schema.runs.update().where(schema.runs.c.id == run_id).values(
                finished_at=_now(), added=added, present=present, skipped=len(skipped),
                skipped_detail=[{"source": s.source, "reason": s.reason} for s in skipped],
                warnings=[{"source": src, "message": msg} for src, msg in warnings],
            ))

    def runs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.runs).order_by(schema.runs.c.id))
            return [dict(row._mapping) for row in rows]

    # --- annotation results and fused events (schema v2) ---------------------------------------

    def annotated_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {row[0] for row in conn.execute(select(schema.annotated.c.document_id))}

    def save_annotation(self, document_id: str, mentions: list[dict[str, Any]],
                        layers: dict[str, int], quotes: list[dict[str, Any]] | None = None) -> None:
        """Replace a document's event mentions and quotes, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(schema.mentions).where(schema.mentions.c.document_id == document_id))
            conn.execute(delete(schema.quotes).where(schema.quotes.c.document_id == document_id))
            conn.execute(delete(schema.annotated).where(schema.annotated.c.document_id == document_id))
            if mentions:
                conn.execute(schema.mentions.insert(), [{**m, "document_id": document_id} for m in mentions])
            if quotes:
                conn.execute(schema.quotes.insert(), [{**q, "document_id": document_id} for q in quotes])
            conn.execute(schema.annotated.insert().values(document_id=document_id, annotated_at=_now(),
                                                          layers=layers))

    def mentions(self) -> list[dict[str, Any]]:
        """Every stored event mention with its document's outlet, title and publication date."""
        d, m = schema.documents.c, schema.mentions
        query = select(m, d.outlet, d.outlet_country, d.title, d.published, d.text.label("document_text")) \
            .join(schema.documents, d.id == m.c.document_id).order_by(m.c.date, m.c.id)
        with self.engine.connect() as conn:
            rows = [dict(row._mapping) for row in conn.execute(query)]
        for row in rows:
            text = row.pop("document_text")
            row["sentence"] = text[row["sentence_start"]:row["sentence_end"]]
        return rows

    def quotes(self) -> list[dict[str, Any]]:
        """Every stored quote with its document's outlet, kind, title and publication date."""
        d, q = schema.documents.c, schema.quotes
        query = select(q, d.outlet, d.kind.label("document_kind"), d.title, d.published) \
            .join(schema.documents, d.id == q.c.document_id).order_by(q.c.date, q.c.document_id, q.c.start)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def replace_events(self, events: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(schema.events))
            if events:
                conn.execute(schema.events.insert(), events)

    def events(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.events).order_by(schema.events.c.date, schema.events.c.id))
            return [dict(row._mapping) for row in rows]
