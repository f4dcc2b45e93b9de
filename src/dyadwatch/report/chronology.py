"""The chronology of a dyad in the style of Comparative Connections:
"Feb. 5, 2020: Russia sends its first shipment of medical supplies to Wuhan." Each entry keeps
its sources (document, outlet, sentence and character span), so every line can be traced."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Event, PartialDate

MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
FORMATS = ("md", "html", "json", "csv")


@dataclass(frozen=True)
class Dyad:
    first: str
    second: str

    @classmethod
    def parse(cls, value: str) -> Dyad:
        parts = [p.strip().upper() for p in value.split(",") if p.strip()]
        if len(parts) != 2 or any(len(p) != 3 or not p.isalpha() for p in parts):
            raise ValueError(f"{value!r} is not a dyad of two ISO-3 codes like RUS,CHN")
        return cls(parts[0], parts[1])

    def __str__(self) -> str:
        return f"{self.first}–{self.second}"


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _week_monday(value: str) -> dt.date | None:
    """The Monday of an ISO week value ("2020-W08" → 2020-02-17)."""
    match = _WEEK.match(value)
    if not match:
        return None
    try:
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def calendar_key(value: str | None) -> str:
    """A date value as it sorts and compares on the calendar: an ISO week as its Monday."""
    monday = _week_monday(value or "")
    return monday.isoformat() if monday else value or ""


def date_label(value: str | None, precision: str | None) -> str:
    """"2020-02-05" → "Feb. 5, 2020"; "2020-02" → "Feb. 2020"; "2020" → "2020";
    "2020-W08" → "Week of Feb. 17, 2020"."""
    if not value:
        return "Undated"
    monday = _week_monday(value)
    if monday is not None:
        return f"Week of {MONTHS[monday.month - 1]} {monday.day}, {monday.year}"
    try:
        date = PartialDate.parse(value)
    except ValueError:
        return value
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def _countries(codes: Iterable[str]) -> set[str]:
    return {code[:3] for code in codes}


def between(event: Event, dyad: Dyad) -> bool:
    """An event between the two countries: one acts on the other, both act together, or one acts
    with no other country as target in a sentence that names the other ("Russia suspended
    flights" in a report on China, "Russia evacuated its citizens from Wuhan")."""
    source, target = _countries(event.source), _countries(event.target)
    pair = {dyad.first, dyad.second}
    if source & {dyad.first} and target & {dyad.second}:
        return True
    if source & {dyad.second} and target & {dyad.first}:
        return True
    if pair <= source and not target:
        return True
    acting = source & pair
    return bool(acting) and target <= pair and bool((pair - acting) & set(event.context))


def select(events: Iterable[Event], dyad: Dyad, start: PartialDate | None = None,
           end: PartialDate | None = None, limit: int | None = None) -> list[Event]:
    """The dyad's events in the period; with `limit`, the most salient, then in date order."""
    chosen = [e for e in events if between(e, dyad) and e.date]
    if start is not None:
        chosen = [e for e in chosen if calendar_key(e.date) >= start.iso()[:len(calendar_key(e.date))]]
    if end is not None:
        chosen = [e for e in chosen if calendar_key(e.date)[:len(end.iso())] <= end.iso()]
    if limit is not None:
        chosen = sorted(chosen, key=lambda e: -e.salience)[:limit]
    return sorted(chosen, key=lambda e: (calendar_key(e.date), -e.salience))


def entry_record(event: Event) -> dict[str, Any]:
    return {
        "date": event.date, "date_precision": event.date_precision, "summary": event.summary,
        "plover": event.plover, "cameo": event.cameo, "quad": event.quad, "intensity": event.intensity,
        "source": list(event.source), "target": list(event.target), "salience": event.salience,
        "sources": [{"document_id": s.document_id, "outlet": s.outlet, "published": s.published,
                     "sentence": s.sentence, "start": s.start, "end": s.end} for s in event.sources],
    }


def _outlets(event: Event) -> str:
    names = list(dict.fromkeys(s.outlet or "unknown outlet" for s in event.sources))
    return ", ".join(names)


def render(events: list[Event], dyad: Dyad, fmt: str, title: str | None = None) -> str:
    title = title or f"Chronology of {dyad} relations"
    if fmt == "json":
        return json.dumps({"dyad": [dyad.first, dyad.second], "entries": [entry_record(e) for e in events]},
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["date", "date_precision", "summary", "plover", "cameo", "quad", "intensity",
                         "source", "target", "salience", "outlets", "document_ids"])
        for e in events:
            writer.writerow([e.date, e.date_precision, e.summary, e.plover, e.cameo, e.quad, e.intensity,
                             ";".join(e.source), ";".join(e.target), e.salience, _outlets(e),
                             ";".join(dict.fromkeys(s.document_id for s in e.sources))])
        return buffer.getvalue()
    if fmt == "html":
        rows = "\n".join(
            f'<li><strong>{html.escape(date_label(e.date, e.date_precision))}</strong>: '
            f"{html.escape(e.summary)} <span class=\"meta\">{html.escape(e.plover)} · "
            f"{html.escape(_outlets(e))}</span>"
            f"<details><summary>{len(e.sources)} source(s)</summary><ul>"
            + "".join(f"<li><em>{html.escape(s.outlet or '?')}</em> ({html.escape(s.published or '?')}): "
                      f"“{html.escape(s.sentence)}” <code>{s.document_id[:12]}:{s.start}-{s.end}</code></li>"
                      for s in e.sources)
            + "</ul></details></li>" for e in events)
        return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
                "<style>body{font-family:Georgia,serif;max-width:60em;margin:2em auto;line-height:1.5}"
                ".meta{color:#666;font-size:.85em}details{font-size:.85em;color:#333}</style></head>"
                f"<body><h1>{html.escape(title)}</h1><ul>\n{rows}\n</ul></body></html>\n")
    lines = [f"# {title}", ""]
    for e in events:
        lines.append(f"**{date_label(e.date, e.date_precision)}**: {e.summary} "
                     f"*({e.plover}; {_outlets(e)})*")
        lines.append("")
    return "\n".join(lines)
