"""Where documents come from: files, folders (recursive), http(s) URLs and standard input."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import __version__
from ..model import Skipped
from .base import IngestError, RawSource

STDIN = "-"


@dataclass(frozen=True)
class FetchOptions:
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 20.0
    max_redirects: int = 5


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def plan(inputs: Iterable[str]) -> list[str | Skipped]:
    """Expand inputs into single sources (file paths, URLs, "-"), with a reason for each miss."""
    planned: list[str | Skipped] = []
    for value in inputs:
        if value == STDIN or is_url(value):
            planned.append(value)
            continue
        if "://" in value:
            planned.append(Skipped(value, "unsupported URL scheme (only http and https)"))
            continue
        path = Path(value)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                planned.append(Skipped(value, "folder holds no files"))
            planned.extend(str(p) for p in files)
        elif path.is_file():
            planned.append(str(path))
        elif path.exists():
            planned.append(Skipped(value, "not a regular file"))
        else:
            planned.append(Skipped(value, "no such file or directory"))
    return planned


def load(item: str, options: FetchOptions) -> RawSource:
    """The bytes of one planned source; raises IngestError with the reason it cannot be read."""
    if item == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        _check_size(len(data), options)
        return RawSource(name="<stdin>", data=data)
    if is_url(item):
        return fetch(item, options)
    path = Path(item)
    try:
        size = path.stat().st_size
        _check_size(size, options)
        return RawSource(name=item, data=path.read_bytes())
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc


def _check_size(size: int, options: FetchOptions) -> None:
    if size > options.max_bytes:
        raise IngestError(
            f"over the size cap ({_megabytes(size)} > {_megabytes(options.max_bytes)};"
            " raise it with --max-bytes)"
        )


def fetch(url: str, options: FetchOptions) -> RawSource:
    """GET a URL with a timeout, a size cap and a bounded number of redirects."""
    started = time.monotonic()
    headers = {"User-Agent": f"dyadwatch/{__version__} (+offline research tool)"}
    try:
        with httpx.Client(timeout=options.timeout, follow_redirects=True,
                          max_redirects=options.max_redirects, headers=headers) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit():
                _check_size(int(declared), options)
            chunks, total = [], 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                _check_size(total, options)
                if time.monotonic() - started > options.timeout:
                    raise IngestError(f"timed out after {options.timeout:g} s")
                chunks.append(chunk)
            return RawSource(name=url, data=b"".join(chunks), url=str(response.url),
                             content_type=response.headers.get("content-type"))
    except httpx.TimeoutException as exc:
        raise IngestError(f"timed out after {options.timeout:g} s") from exc
    except httpx.TooManyRedirects as exc:
        raise IngestError(f"too many redirects (more than {options.max_redirects})") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"could not fetch: {exc}") from exc
