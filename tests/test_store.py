import sqlite3

import pytest

from dyadwatch.model import Document, PartialDate, Skipped, content_id
from dyadwatch.store import Store, store_url
from dyadwatch.store.migrations import LATEST


def doc(text: str, **fields) -> Document:
    return Document(id=content_id(fields.get("title"), text), text=text, **fields)


def test_store_is_a_real_sqlite_file_in_wal_mode_at_the_latest_schema(tmp_path):
    path = tmp_path / "corpus.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "runs", "schema_version"} <= tables


def test_reopening_does_not_migrate_twice_or_lose_rows(tmp_path):
    store = Store(tmp_path / "c.db")
    assert store.add_document(doc("Russia and China agreed.", title="A"))
    store.close()
    reopened = Store(tmp_path / "c.db")
    assert reopened.count_documents() == 1


def test_adding_the_same_content_twice_is_a_no_op(tmp_path):
    store = Store(tmp_path / "c.db")
    first = doc("Putin and Xi spoke by phone.", title="Call", published=PartialDate(2020, 3, 19))
    assert store.add_document(first) is True
    assert store.add_document(first) is False
    assert store.count_documents() == 1
    [back] = store.documents()
    assert back.published == PartialDate(2020, 3, 19)
    assert back.title == "Call" and back.text == first.text


def test_content_id_ignores_whitespace_and_case_only():
    assert content_id("T", "Russia  closed\nthe border.") == content_id("t", "Russia closed the border.")
    assert content_id("T", "Russia closed the border.") != content_id("T", "China closed the border.")


def test_documents_come_in_publication_order_with_undated_last(tmp_path):
    store = Store(":memory:")
    store.add_document(doc("c", title="undated"))
    store.add_document(doc("b", title="march", published=PartialDate(2020, 3)))
    store.add_document(doc("a", title="feb 5", published=PartialDate(2020, 2, 5)))
    assert [d.title for d in store.documents()] == ["feb 5", "march", "undated"]


def test_runs_record_what_was_skipped_and_why(tmp_path):
    store = Store(tmp_path / "c.db")
    run = store.start_run("ingest x", ["x"])
    store.finish_run(run, added=2, present=1, skipped=[Skipped("bad.pdf", "corrupt PDF: EOF")],
                     warnings=[("latin.txt", "decoded as cp1252")])
    [record] = store.runs()
    assert record["added"] == 2 and record["present"] == 1 and record["skipped"] == 1
    assert record["skipped_detail"] == [{"source": "bad.pdf", "reason": "corrupt PDF: EOF"}]
    assert record["finished_at"] is not None


def test_store_urls():
    assert store_url(":memory:") == "sqlite://"
    assert store_url("postgresql://u@localhost/db") == "postgresql://u@localhost/db"
    assert store_url("x.db").startswith("sqlite:////")


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "c.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 999")
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


def test_a_version_3_store_gains_the_quote_field_and_is_annotated_again(tmp_path):
    path = tmp_path / "v3.db"
    store = Store(path)
    document = doc("Peskov said the measures apply to everyone.", title="A")
    store.add_document(document)
    quote = {"start": 12, "end": 43, "text": "the measures apply to everyone", "kind": "indirect",
             "parts": [[12, 43]], "cue": None, "speaker": None, "date": None}
    store.save_annotation(document.id, [], {"quotes": 1}, [quote])
    store.close()
    with sqlite3.connect(path) as conn:  # the store as version 3 left it
        conn.execute("ALTER TABLE quotes DROP COLUMN field")
        conn.execute("UPDATE schema_version SET version = 3")
    reopened = Store(path)
    [quote] = reopened.quotes()
    assert quote["field"] == "text" and quote["text"] == "the measures apply to everyone"
    assert reopened.count_documents() == 1
    reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST
        assert conn.execute("SELECT COUNT(*) FROM annotated").fetchone()[0] == 0
