"""Metadata detection on real government texts: the White House US–China readouts and background
press calls in ../shared/data/corpora/wh-us-china (public domain). Skips when the data is absent."""

import csv

import pytest

from dyadwatch import Workspace

from conftest import shared_data

KIND = {"readout": "other", "background-press-call": "transcript"}


@pytest.fixture(scope="module")
def white_house(tmp_path_factory):
    folder = shared_data("corpora/wh-us-china")
    with (folder / "index.tsv").open(encoding="utf-8") as handle:
        index = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    with Workspace(tmp_path_factory.mktemp("wh") / "wh.db") as ws:
        report = ws.ingest(sorted(str(p) for p in folder.glob("*.txt")))
    return index, report


def test_every_white_house_text_is_ingested(white_house):
    index, report = white_house
    assert not report.skipped
    assert len(report.added) == len(index) == 25


@pytest.mark.parametrize("field", ["title", "published", "outlet", "kind"])
def test_white_house_metadata(white_house, field):
    index, report = white_house
    wrong = []
    for document in report.added:
        row = index[document.source.rsplit("/", 1)[-1]]
        expected = {"title": row["title"], "published": row["date"], "outlet": "The White House",
                    "kind": KIND[row["kind"]]}[field]
        got = {"title": document.title, "outlet": document.outlet, "kind": document.kind,
               "published": document.published.iso() if document.published else None}[field]
        if got != expected:
            wrong.append(f"{row['file']}: {got!r} != {expected!r}")
    assert not wrong, "\n".join(wrong)
