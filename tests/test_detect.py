import pytest

from dyadwatch.ingest.base import IngestError, RawSource
from dyadwatch.ingest.detect import detect_format


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("page-without-extension", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("story.txt", b"<html><head><title>t</title></head><body>x</body></html>", "html"),
    ("report.bin", b"%PDF-1.4\n...", "pdf"),
    ("news", b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
    ("atom.txt", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    ("notes.md", b"Some words.", "markdown"),
    ("notes", b"# Title\n\nSome **bold** words.\n\n## Part\n\n[link](https://x.org)\n", "markdown"),
    ("story.html.txt", b"MOSCOW, April 15 (TASS) - Plain words.", "text"),
    ("feed.rss", b"this is not xml at all", "feed"),
])
def test_format_is_judged_from_content_first(name, data, expected):
    assert detect_format(RawSource(name, data)) == expected


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"   \n\n", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"PK\x03\x04\x14\x00", "ZIP archive"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_empty_and_binary_input_are_refused_with_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        detect_format(RawSource("file.txt", data))
