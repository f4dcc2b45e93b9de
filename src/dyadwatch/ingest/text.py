"""Reader for plain text and Markdown."""

from __future__ import annotations

from .base import Extracted, RawSource
from .decode import decode
from .markdown import markdown_to_text


def read_text(source: RawSource, warnings: list[str], markdown: bool = False) -> list[Extracted]:
    text, warning = decode(source.data)
    if warning:
        warnings.append(warning)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = None
    if markdown:
        text, title = markdown_to_text(text)
    return [Extracted(text=text, format="markdown" if markdown else "text", title=title,
                      url=source.url, read_text_header=True)]


def read_markdown(source: RawSource, warnings: list[str]) -> list[Extracted]:
    return read_text(source, warnings, markdown=True)
