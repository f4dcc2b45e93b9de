"""The bundled demo corpus: every document's detected metadata against the hand-written gold in
tests/demo_expected/*.yaml, written by the corpus authors from what a reader sees."""

from pathlib import Path

import pytest
import yaml

from dyadwatch import Workspace
from dyadwatch.demo import corpus_dir

EXPECTED_DIR = Path(__file__).parent / "demo_expected"
FIELDS = ("title", "outlet", "author", "published", "precision", "kind")


def _expected() -> dict[tuple[str, str | None], dict]:
    entries = {}
    for path in sorted(EXPECTED_DIR.glob("part_*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8")):
            entries[(entry["file"], entry.get("item"))] = entry
    return entries


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Workspace(db) as ws:
        report = ws.ingest(corpus_dir())
        again = ws.ingest(corpus_dir())
    return report, again


def _key(source: str) -> tuple[str, str | None]:
    path, _, item = source.partition("#")
    return Path(path).relative_to(corpus_dir()).as_posix(), item or None


def test_demo_corpus_is_rich_enough(ingested):
    report, _ = ingested
    assert not report.skipped, report.skipped
    assert len(report.added) >= 30
    formats = {d.format for d in report.added}
    assert formats == {"text", "markdown", "html", "pdf", "feed"}
    kinds = {d.kind for d in report.added}
    assert kinds == {"news", "analysis", "transcript", "other"}


def test_every_demo_document_has_gold_metadata(ingested):
    report, _ = ingested
    found = {_key(d.source) for d in report.added}
    assert found == set(_expected())


def test_detected_metadata_matches_the_gold(ingested):
    report, _ = ingested
    expected = _expected()
    mismatches = []
    for document in report.added:
        gold = expected[_key(document.source)]
        got = {
            "title": document.title, "outlet": document.outlet, "author": document.author,
            "published": document.published.iso() if document.published else None,
            "precision": document.published_precision, "kind": document.kind,
        }
        for field in FIELDS:
            want = gold[field]
            want = str(want) if want is not None else None
            if got[field] != want:
                mismatches.append(f"{_key(document.source)[0]} {field}: got {got[field]!r}, "
                                  f"expected {want!r}")
    assert not mismatches, "\n".join(mismatches)


def test_demo_documents_are_english_with_known_outlets(ingested):
    report, _ = ingested
    assert {d.language for d in report.added} == {"en"}
    assert all(d.outlet_country for d in report.added), [
        d.source for d in report.added if not d.outlet_country]


def test_ingesting_the_demo_corpus_twice_adds_nothing(ingested):
    report, again = ingested
    assert again.added == []
    assert len(again.present) == len(report.added)
