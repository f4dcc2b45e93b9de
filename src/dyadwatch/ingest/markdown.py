"""Markdown to plain text, keeping words and line structure and dropping markup."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),            # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),        # links
    (re.compile(r"`([^`]+)`"), r"\1"),                   # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"<!--.*?-->"), ""),
]


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """The text of a Markdown document and its first level-1 heading (removed from the text)."""
    title = None
    front = _FRONT_MATTER.match(markdown)
    lines: list[str] = [*front["body"].splitlines(), ""] if front else []
    for line in markdown[front.end() if front else 0:].splitlines():
        heading = _HEADING.match(line)
        if heading:
            if title is None and heading["level"] == "#":
                title = _inline(heading["text"])
                continue
            line = heading["text"]
        elif _RULE.match(line):
            line = ""
        else:
            line = re.sub(r"^\s{0,3}>\s?", "", line)
        lines.append(_inline(line))
    return "\n".join(lines).strip("\n") + "\n", title


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
