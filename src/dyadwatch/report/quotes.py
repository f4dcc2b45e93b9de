"""The quote audit as Markdown, HTML or JSON: each statement's versions side by side, clause by
clause, with changed words marked and every difference listed."""

from __future__ import annotations

import html
import json
from typing import Any

from ..compare.similarity import changed_words
from ..compare.statements import COVERED_ELSEWHERE, Statement
from .chronology import date_label

FORMATS = ("md", "html", "json")
OMITTED = "—"


def _marked(reference: str | None, text: str, open_mark: str, close_mark: str,
            escape: bool = False) -> str:
    """`text` with the words that differ from `reference` wrapped in marks."""
    out = (lambda s: html.escape(s)) if escape else (lambda s: s.replace("|", "\\|"))
    if not reference or reference == text or text == COVERED_ELSEWHERE:
        return out(text)
    changed = {w for _, variant in changed_words(reference, text) for w in variant.split()}
    return " ".join(f"{open_mark}{out(w)}{close_mark}" if w in changed else out(w) for w in text.split())


def _first_words(row: dict[str, str | None], outlets: list[str]) -> str | None:
    """The clause as the first outlet (the reference, when it has it) words it: the others' changed
    words are marked against it."""
    return next((row[o] for o in outlets if row[o] and row[o] != COVERED_ELSEWHERE), None)


def _title(statement: Statement) -> str:
    code = f" ({statement.speaker_code})" if statement.speaker_code else ""
    return (f"{statement.speaker}{code}, {date_label(statement.date, 'day')}: "
            f"{len(statement.outlets)} outlets, reference {statement.reference.outlet}")


def _difference_line(difference: dict[str, Any]) -> str:
    kind, text = difference["kind"], difference["text"]
    if kind == "omission":
        return f"**omission**: “{text}” — in {', '.join(difference['present_in'])}; " \
               f"left out by {', '.join(difference['missing_from'])}"
    if kind == "addition":
        return f"**addition**: “{text}” — only in {', '.join(difference['present_in'])}"
    if kind == "wording":
        changes = "; ".join(f"“{a or '…'}” → “{b or '…'}”" for a, b in difference["changes"][:6])
        return f"**wording**: “{text}” — {changes}"
    return f"**attribution**: “{text}” — credited to {' / '.join(difference['variants'])} " \
           f"({', '.join(difference['present_in'])})"


def _markdown(statements: list[Statement]) -> str:
    lines = ["# Quote audit", ""]
    if not statements:
        lines.append("No statement was reported by two or more documents.")
    for statement in statements:
        record = statement.record()
        outlets = statement.outlets
        lines += [f"## {_title(statement)}", "", "| " + " | ".join(outlets) + " |",
                  "|" + "---|" * len(outlets)]
        for row in statement.alignment:
            reference = _first_words(row, outlets)
            cells = [_marked(reference, row[o], "**", "**") if row[o] else OMITTED for o in outlets]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", "Differences:", ""]
        lines += [f"- {_difference_line(d)}" for d in record["differences"]] or ["- none"]
        lines += ["", "Sources:", ""]
        for version in statement.versions:
            for quote in version.quotes:
                lines.append(f"- {quote.outlet} ({quote.kind}, {quote.speaker_label}): document "
                             f"{quote.document_id[:12]}, {_where(quote.field)} {quote.start}–{quote.end}")
        lines.append("")
    return "\n".join(lines) + "\n"


_STYLE = ("body{font-family:Georgia,serif;margin:2em;line-height:1.45}table{border-collapse:collapse;"
          "width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;font-size:.92em}"
          "th{background:#f3f3f3}mark{background:#ffe08a}td.omitted{background:#fbe3e3;color:#a33;"
          "text-align:center}li{margin:.3em 0}.kind{font-weight:bold}")


def _html(statements: list[Statement]) -> str:
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Quote audit</title>",
             f"<style>{_STYLE}</style></head><body><h1>Quote audit</h1>"]
    if not statements:
        parts.append("<p>No statement was reported by two or more documents.</p>")
    for index, statement in enumerate(statements):
        record = statement.record()
        outlets = statement.outlets
        parts.append(f"<section id='statement-{index + 1}'><h2>{html.escape(_title(statement))}</h2>")
        parts.append("<table><tr>" + "".join(f"<th>{html.escape(o)}</th>" for o in outlets) + "</tr>")
        for row in statement.alignment:
            reference = _first_words(row, outlets)
            cells = [f"<td>{_marked(reference, row[o], '<mark>', '</mark>', escape=True)}</td>" if row[o]
                     else f"<td class='omitted' title='left out by {html.escape(o)}'>{OMITTED}</td>"
                     for o in outlets]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table><h3>Differences</h3><ul>")
        for difference in record["differences"]:
            line = html.escape(_difference_line(difference)).replace("**", "")
            kind = difference["kind"]
            parts.append(f"<li class='difference {kind}'><span class='kind'>{kind}</span>"
                         f"{line[len(kind):]}</li>")
        parts.append("</ul><h3>Sources</h3><ul>")
        for version in statement.versions:
            for quote in version.quotes:
                speaker = html.escape(quote.speaker_label)
                parts.append(f"<li>{html.escape(quote.outlet)} ({quote.kind}, {speaker})"
                             f": document <code>{quote.document_id[:12]}</code>, {_where(quote.field)} "
                             f"{quote.start}–{quote.end}</li>")
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _where(field: str) -> str:
    return "headline characters" if field == "title" else "characters"


def render_statements(statements: list[Statement], fmt: str) -> str:
    if fmt == "json":
        payload = {"statements": [s.record() for s in statements]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(statements)
    if fmt == "md":
        return _markdown(statements)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_quotes(rows: list[dict[str, Any]], fmt: str) -> str:
    """A plain list of quotations (no comparison)."""
    if fmt == "json":
        return json.dumps({"quotes": rows}, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "html":
        items = "".join(
            f"<li><b>{html.escape(str(r['speaker_name'] or r['speaker'] or 'unknown'))}</b> "
            f"({html.escape(str(r['outlet']))}, {r['date']}, {r['kind']}"
            f"{', headline' if r.get('field') == 'title' else ''}): “{html.escape(r['text'])}”</li>"
            for r in rows)
        return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Quotes</title>"
                f"<style>{_STYLE}</style></head><body><h1>Quotes</h1><ul>{items}</ul></body></html>\n")
    if fmt == "md":
        lines = ["# Quotes", ""]
        lines += [f"- {r['date']} — **{r['speaker_name'] or r['speaker'] or 'unknown'}** ({r['outlet']}, "
                  f"{r['kind']}{', headline' if r.get('field') == 'title' else ''}, cue “{r['cue']}”): "
                  f"“{r['text']}”" for r in rows]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
