"""Time expressions (TIMEX3) resolved the way a careful reader would.

Each expression is resolved from its own words and context, not from a document-wide mode:
- absolute expressions carry their own date ("February 5, 2020", "264 BC", "the 1990s");
- deictic ones count from the publication date (dct): "yesterday", "last week", "two weeks ago";
- anaphoric ones count from the story's running time: "the next day", "four days later",
  "that month". The running time moves whenever the text gives a new specific date.
Dates without a year ("on April 13", "in late March") take the year that puts them nearest the
running time (or, before the text has given one, the publication date, leaning to the past);
weekdays count from the publication date unless the story's running time has moved away from it.
"""

from __future__ import annotations

import itertools
import re

from ...model import PartialDate, Timex
from .calendar import Point, valid_day
from .candidates import candidates, select
from .context import Context, Resolved, advance_story, calendar_date
from .patterns import group_text
from .resolve import resolve

__all__ = ["find_timexes"]

_FOUR_DIGIT_YEAR = re.compile(r"\d{4}(?!\d)")


def find_timexes(text: str, dct: PartialDate | None = None) -> list[Timex]:
    """Every time expression in `text`, resolved against the publication date `dct`."""
    ctx = Context(text=text, dct=Point.from_partial(dct) if dct else None)
    ctx.story = ctx.dct
    timexes: list[Timex] = []
    for start, end, _priority, rule, match in select(candidates(text)):
        resolved = resolve(rule.name, match, ctx)
        if resolved is None:
            continue
        if resolved.type == "DATE" and _FOUR_DIGIT_YEAR.match(resolved.value):
            ctx.last_year = int(resolved.value[:4])
        for part_start, part_end, part in _split_ranges(start, end, match, resolved):
            timexes.append(Timex(part_start, part_end, text[part_start:part_end], part.type,  # type: ignore[arg-type]
                                 part.value, part.mod, part.anchor))
            if part.point is not None and part.type in ("DATE", "TIME"):
                advance_story(ctx, part.point, part_start)
                ctx.last_point = part.point
                if part.point.day is not None:
                    ctx.last_day = part.point
    return _times_take_following_dates(timexes, text)


def _split_ranges(
    start: int, end: int, match: re.Match[str], resolved: Resolved
) -> list[tuple[int, int, Resolved]]:
    """"April 6-28" and "1955-1963" are two time expressions, each with its own value."""
    if group_text(match, "day2") and resolved.point and resolved.point.day:
        point, second_day = resolved.point, int(match["day2"])
        if not valid_day(point.year, point.month, second_day):  # type: ignore[arg-type]
            return [(start, end, resolved)]
        second = calendar_date(point.year, point.month, second_day, resolved.anchor)
        return [(start, match.end("day"), resolved), (match.start("day2"), match.end("day2"), second)]
    if group_text(match, "year2") and resolved.point:
        raw = match["year2"]
        first = resolved.point.year
        second_year = (abs(first) // 100) * 100 + int(raw) if len(raw) == 2 else int(raw)
        if first < 0:
            second_year = -second_year
        if first > 0 and second_year <= first:
            return [(start, end, resolved)]
        second = calendar_date(second_year, None, None, resolved.anchor)
        return [(start, match.end("year"), resolved), (match.start("year2"), match.end(), second)]
    return [(start, end, resolved)]


_TIME_DATE_GLUE = re.compile(r"(?i:,?\s*(?:on\s+)?)")


def _times_take_following_dates(timexes: list[Timex], text: str) -> list[Timex]:
    """"16:15 UTC, June 1st" and "5:34 AM on March 20, 2003": the time is on the date that follows.
    With nothing but a space between ("12:00 UTC Monday") the two are one expression."""
    out: list[Timex] = []
    skip_next = False
    for time, date in itertools.pairwise([*timexes, None]):
        if skip_next:
            skip_next = False
            continue
        glue = text[time.end:date.start] if date else ""
        if date is not None and time.type == "TIME" and "T" in time.value and date.type == "DATE" \
                and len(glue) <= 5 and _TIME_DATE_GLUE.fullmatch(glue) \
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.value):
            value = f"{date.value}T{time.value.split('T', 1)[1]}"
            if glue.isspace():
                out.append(Timex(time.start, date.end, text[time.start:date.end], "TIME", value, time.mod,
                                 date.anchor))
                skip_next = True
                continue
            time = Timex(time.start, time.end, time.text, "TIME", value, time.mod, date.anchor)
        out.append(time)
    return out
