"""Tables, as SQLAlchemy Core metadata. Migrations (migrations.py) create and change them."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the normalized content
    Column("title", Text),
    Column("outlet", Text),
    Column("outlet_country", String(3)),
    Column("outlet_affiliation", String(32)),
    Column("author", Text),
    Column("published", String(10)),  # ISO at its precision: 2020-03-19 | 2020-03 | 2020
    Column("published_precision", String(5)),  # day | month | year
    Column("published_sort", String(10), index=True),  # first day of the period, for ordering
    Column("language", String(16)),
    Column("kind", String(16), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("format", String(16)),
    Column("text", Text, nullable=False),
    Column("provenance", JSON),
    Column("run_id", Integer),
    Column("added_at", String(32), nullable=False),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("command", Text),
    Column("inputs", JSON),
    Column("added", Integer, default=0),
    Column("present", Integer, default=0),
    Column("skipped", Integer, default=0),
    Column("skipped_detail", JSON),  # [{"source": ..., "reason": ...}]
    Column("warnings", JSON),        # [{"source": ..., "message": ...}]
)

# v2: annotation results and fused events.
annotated = Table(
    "annotated", metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("annotated_at", String(32), nullable=False),
    Column("layers", JSON),  # {"actors": n, "timexes": n, "events": n}
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text),
    Column("source", JSON),  # [{"code", "country", "sector", "name", "start", "end", "text"}]
    Column("target", JSON),
    Column("plover", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(4)),
    Column("quad", Integer),
    Column("intensity", Float),
    Column("date", String(10), index=True),
    Column("date_precision", String(5)),
    Column("date_anchor", String(16)),
    Column("negated", Boolean),
    Column("modality", String(16)),
    Column("reported_by", JSON),
    Column("summary", Text),
    Column("reciprocal", Boolean),
    Column("context", JSON),  # countries of every actor in the sentence
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("date", String(10), index=True),
    Column("date_precision", String(5)),
    Column("plover", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(4)),
    Column("quad", Integer),
    Column("intensity", Float),
    Column("source", JSON),  # actor codes
    Column("target", JSON),
    Column("summary", Text),
    Column("salience", Float),
    Column("mention_ids", JSON),
    Column("context", JSON),
)

# v3: quotations.
quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # direct | indirect | mixed
    Column("parts", JSON),    # [[start, end], ...] of the quoted words
    Column("cue", JSON),      # {"start", "end", "text"} or null
    Column("speaker", JSON),  # {"text", "start", "end", "name", "code", "resolved_by"} or null
    Column("date", String(10), index=True),
    Column("field", String(8), nullable=False, server_default="text"),  # text | title (a headline quote)
)
