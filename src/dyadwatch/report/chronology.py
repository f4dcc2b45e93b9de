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
from dataclasses import dataclass, replace
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


VERBAL_QUADS = (1, 3)  # CAMEO quad classes of words: verbal cooperation, verbal conflict
PARTS_SHOWN = 2  # of what was said in talks, the sentences a Markdown or HTML entry prints


def _parties(event: Event) -> set[str]:
    return _countries(event.source) | _countries(event.target)


def _is_talks(event: Event) -> bool:
    """A meeting, call or discussion on a known day; a visit or an arrival is not talks."""
    return event.plover == "CONSULT" and event.mode != "visit" and event.date_precision == "day"


def _said_in(part: Event, talks: Event) -> bool:
    """Words the talks' parties exchanged that day, reported by a document that reports the talks:
    "Putin and Xi spoke by phone. Both praised …; Xi thanked Russia for …". Other talks that day
    stay entries of their own."""
    return part.quad in VERBAL_QUADS and part.plover != "CONSULT" and part.date == talks.date and \
        _parties(part) <= _parties(talks) and \
        bool({s.document_id for s in part.sources} & {s.document_id for s in talks.sources})


def fold_talks(events: list[Event]) -> list[Event]:
    """Each day's talks (the most salient first) take in what their parties said to or of each
    other that day in the same reports: one chronology entry for a phone call and the praise,
    thanks and pledges made in it. The folded events stay as the entry's `parts` and their
    mentions join its sources."""
    talks = sorted(filter(_is_talks, events), key=lambda e: -e.salience)
    parts_of: dict[int, list[Event]] = {}
    folded: set[int] = set()  # parts are never talks (CONSULT), so talks are never folded
    for head in talks:
        parts = [e for e in events if id(e) not in folded and _said_in(e, head)]
        if parts:
            parts_of[id(head)] = parts
            folded.update(id(e) for e in parts)
    result = []
    for event in events:
        if id(event) in folded:
            continue
        parts = parts_of.get(id(event))
        if parts:
            sources = tuple(dict.fromkeys(event.sources + tuple(s for p in parts for s in p.sources)))
            event = replace(event, sources=sources, parts=tuple(parts))
        result.append(event)
    return result


def merge_retold(events: list[Event]) -> list[Event]:
    """Entries on one date that read the same are one line: two triggers of one sentence ("a
    plane, bringing equipment, and shipments … have been arriving") can give two events with the
    same summary. The most salient keeps its coding and takes the others' sources."""
    kept: dict[tuple[str | None, str], Event] = {}
    for event in sorted(events, key=lambda e: -e.salience):
        key = (event.date, event.summary.casefold())
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        known = {(s.document_id, s.start) for s in first.sources}
        extra = tuple(s for s in event.sources if (s.document_id, s.start) not in known)
        kept[key] = replace(first, sources=first.sources + extra)
    return list(kept.values())  # select() orders them


def select(events: Iterable[Event], dyad: Dyad, start: PartialDate | None = None,
           end: PartialDate | None = None, limit: int | None = None, fold: bool = True) -> list[Event]:
    """The dyad's events in the period, with what was said in talks folded into the talks' entry
    (unless `fold` is false); with `limit`, the most salient, then in date order."""
    chosen = [e for e in events if between(e, dyad) and e.date]
    if fold:
        chosen = fold_talks(chosen)
    chosen = merge_retold(chosen)
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
        "parts": [{"summary": p.summary, "plover": p.plover, "cameo": p.cameo, "quad": p.quad,
                   "intensity": p.intensity, "source": list(p.source), "target": list(p.target)}
                  for p in event.parts],
    }


def entry_text(event: Event) -> str:
    """The entry's line: its summary, then what was said in the talks, the most widely reported
    first and in text order among equals."""
    said = sorted(event.parts, key=lambda p: (-len({s.outlet for s in p.sources}), p.sources[0].start))
    said = said[:PARTS_SHOWN]
    return " ".join([event.summary, *(p.summary for p in said)])


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
            writer.writerow([e.date, e.date_precision, entry_text(e), e.plover, e.cameo, e.quad, e.intensity,
                             ";".join(e.source), ";".join(e.target), e.salience, _outlets(e),
                             ";".join(dict.fromkeys(s.document_id for s in e.sources))])
        return buffer.getvalue()
    if fmt == "html":
        rows = "\n".join(
            f'<li><strong>{html.escape(date_label(e.date, e.date_precision))}</strong>: '
            f"{html.escape(entry_text(e))} <span class=\"meta\">{html.escape(e.plover)} · "
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
        lines.append(f"**{date_label(e.date, e.date_precision)}**: {entry_text(e)} "
                     f"*({e.plover}; {_outlets(e)})*")
        lines.append("")
    return "\n".join(lines)
