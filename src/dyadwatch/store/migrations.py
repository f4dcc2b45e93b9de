"""Ordered schema migrations. The store applies those above its recorded version, in one
transaction each; append new steps, never edit a released one."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from . import schema


def _v1_documents_and_runs(conn: Connection) -> None:
    schema.documents.create(conn)
    schema.runs.create(conn)


def _v2_annotations_mentions_events(conn: Connection) -> None:
    schema.annotated.create(conn)
    schema.mentions.create(conn)
    schema.events.create(conn)


def _v3_quotes(conn: Connection) -> None:
    schema.quotes.create(conn)
    # documents annotated before quotes existed are annotated again on the next run
    conn.execute(schema.annotated.delete())


def _v4_headline_quotes(conn: Connection) -> None:
    # a store created at v3 lacks the column; a new one got it from the table definition in v3
    if "field" not in {c["name"] for c in inspect(conn).get_columns("quotes")}:
        conn.execute(text("ALTER TABLE quotes ADD COLUMN field VARCHAR(8) NOT NULL DEFAULT 'text'"))
    # documents annotated before headline quotes existed are annotated again on the next run
    conn.execute(schema.annotated.delete())


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_documents_and_runs,
    _v2_annotations_mentions_events,
    _v3_quotes,
    _v4_headline_quotes,
]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        schema.schema_version.create(conn)
        conn.execute(schema.schema_version.insert().values(version=0))
        return 0
    return int(conn.execute(select(schema.schema_version.c.version)).scalar_one())


def migrate(conn: Connection) -> int:
    """Bring the schema to LATEST; return the version it was at."""
    before = current_version(conn)
    if before > LATEST:
        raise RuntimeError(
            f"the store's schema version {before} is newer than this dyadwatch ({LATEST}); upgrade"
        )
    for version in range(before, LATEST):
        MIGRATIONS[version](conn)
        conn.execute(schema.schema_version.update().values(version=version + 1))
    return before
