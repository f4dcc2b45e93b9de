from __future__ import annotations

import http.server
import io
import subprocess
import sys
import threading
import time
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `dyadwatch` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch", *args],
        input=stdin, capture_output=True, cwd=cwd, timeout=120,
    )


def shared_data(relative: str) -> Path:
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (it lives beside the project "
                    "in ../shared/data; see that folder's README)")
    return path


def make_pdf(text: str, title: str | None = None, author: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def encrypt_pdf(data: bytes, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


ARTICLE_HTML = """<!doctype html><html><head><title>Lavrov and Wang Yi discuss pandemic | RT</title>
<meta property="og:title" content="Lavrov and Wang Yi discuss pandemic cooperation">
<meta property="og:site_name" content="RT">
<meta name="author" content="Anna Petrova">
<meta property="article:published_time" content="2020-03-24T09:15:00+03:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lavrov and Wang Yi discuss pandemic cooperation</h1>
<p>Russian Foreign Minister Sergey Lavrov and his Chinese counterpart Wang Yi spoke by telephone
on Tuesday and discussed how the two countries can keep working together against the new
coronavirus.</p>
<p>The two ministers agreed that attempts to blame any country for the outbreak were
counterproductive, according to a statement released by the Russian Foreign Ministry after the
call.</p></article><footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>"""

FEED_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>TASS</title><link>https://tass.com</link>
<item><title>Putin and Xi hold phone call</title><link>https://tass.com/politics/1</link>
<pubDate>Thu, 16 Apr 2020 18:05:00 +0300</pubDate>
<description>&lt;p&gt;Russian President Vladimir Putin and Chinese President Xi Jinping held a telephone
conversation on Thursday, the Kremlin press service said. The leaders discussed the fight
against the coronavirus.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://tass.com/politics/2</link>
<pubDate>Thu, 16 Apr 2020 19:00:00 +0300</pubDate><description></description></item>
</channel></rss>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: typing.ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, media, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """A real HTTP server on loopback serving a page, a feed and some failures."""
    _Handler.routes = {
        "/article.html": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode()),
        "/feed": (200, "application/rss+xml", FEED_XML.encode()),
        "/slow": (200, "text/plain", b"too late"),
        "/big": (200, "text/plain", b"word " * 400_000),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
