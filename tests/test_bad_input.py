"""Bad input: one clear line naming the file and the reason; the batch goes on; nothing stored is lost."""

import sqlite3

import pytest

from dyadwatch import Workspace
from dyadwatch.ingest.sources import FetchOptions

from conftest import encrypt_pdf, make_pdf, run_cli

GOOD = "Russia and China agreed to expand cooperation against the virus, officials said on Monday.\n"


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nav-only.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF")
    (folder / "encrypted.pdf").write_bytes(
        encrypt_pdf(make_pdf("Secret text about the talks in Moscow."), "s3cret"))
    (folder / "not-a-feed.rss").write_text("this is not XML, just words")
    (folder / "huge.txt").write_text("word " * 30_000)
    (folder / "z_good.md").write_text("# Second good one\n\n" + GOOD.replace("Monday", "Tuesday"))
    return folder


EXPECTED_REASONS = {
    "binary.txt": "not a text document: looks like binary data",
    "empty.txt": "empty file",
    "nav-only.html": "HTML page has no main text",
    "corrupt.pdf": "corrupt PDF",
    "encrypted.pdf": "encrypted PDF",
    "not-a-feed.rss": "not a valid RSS/Atom feed",
    "huge.txt": "over the size cap",
}


def test_each_bad_file_is_skipped_with_its_reason_and_the_rest_is_ingested(tmp_path, bad_folder):
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest(bad_folder, fetch=FetchOptions(max_bytes=100_000))
        reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
        assert sorted(str(d.title) for d in report.added) == ["None", "Second good one"]
        assert set(reasons) == set(EXPECTED_REASONS)
        for name, reason in EXPECTED_REASONS.items():
            assert reason in reasons[name], (name, reasons[name])
        [run] = ws.runs()
        assert run["skipped"] == len(EXPECTED_REASONS)
        assert report.exit_code == 1


def test_cli_prints_one_line_per_skip_and_exits_1(tmp_path, bad_folder):
    result = run_cli("ingest", str(bad_folder), "--db", str(tmp_path / "c.db"),
                     "--max-bytes", "100000", "-q")
    assert result.returncode == 1
    lines = [line for line in result.stderr.decode().splitlines() if line.startswith("skipped:")]
    assert len(lines) == len(EXPECTED_REASONS)
    for name, reason in EXPECTED_REASONS.items():
        [line] = [line for line in lines if f"/{name}:" in line]
        assert reason in line
    assert "added 2, already present 0, skipped 7" in result.stderr.decode()


def test_invalid_utf8_is_decoded_with_a_warning_not_skipped(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Moscow said the talks with Beijing were très productive and warm, and both "
                     "sides praised the results of the meeting.\n".encode("latin-1"))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(GOOD.encode() + b"\xff\xfe\xfa trailing bytes \xc3")
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest([path, broken])
    assert len(report.added) == 2 and not report.skipped
    warnings = dict(report.warnings)
    assert "not valid UTF-8" in warnings[str(path)] or "invalid UTF-8" in warnings[str(path)]
    assert "très" in next(d for d in report.added if d.source == str(path)).text
    assert str(broken) in warnings


def test_missing_path_and_unsupported_scheme(tmp_path):
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest([str(tmp_path / "nope.txt"), "ftp://example.org/x"])
    reasons = [s.reason for s in report.skipped]
    assert reasons == ["no such file or directory", "unsupported URL scheme (only http and https)"]


def test_urls_404_timeout_redirect_loop_and_size_cap(tmp_path, http_server):
    urls = [f"{http_server}/missing", f"{http_server}/slow", f"{http_server}/loop",
            f"{http_server}/big", f"{http_server}/article.html"]
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest(urls, fetch=FetchOptions(timeout=1.0, max_bytes=1_000_000))
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert reasons["missing"] == "HTTP 404 Not Found"
    assert reasons["slow"] == "timed out after 1 s"
    assert reasons["loop"].startswith("too many redirects")
    assert reasons["big"].startswith("over the size cap")
    assert len(report.added) == 1


@pytest.mark.parametrize("bad_date", ["2020-02-30", "2020-13", "yesterday"])
def test_impossible_date_option_is_a_usage_error(tmp_path, bad_date):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "c.db"),
                     "--date", bad_date)
    assert result.returncode == 2
    assert f"impossible date {bad_date!r}" in result.stderr.decode()
    assert not (tmp_path / "c.db").exists()


def test_unknown_option_is_a_usage_error(tmp_path):
    result = run_cli("ingest", "x.txt", "--colour", "red")
    assert result.returncode == 2
    assert "No such option" in result.stderr.decode()


def test_a_bad_batch_leaves_stored_documents_intact(tmp_path, bad_folder):
    db = tmp_path / "c.db"
    good = tmp_path / "first.txt"
    good.write_text("Putin and Xi held a phone call on Thursday and discussed the epidemic.\n")
    with Workspace(db) as ws:
        ws.ingest(good)
        [before] = ws.documents()
    run_cli("ingest", str(bad_folder), "--db", str(db), "--max-bytes", "100000", "-q")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Workspace(db) as ws:
        after = {d.id: d for d in ws.documents()}
    assert after[before.id] == before
    assert len(after) == 3
