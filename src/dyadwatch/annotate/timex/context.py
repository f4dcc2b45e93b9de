"""The running story time: what each expression is resolved against, and how the text moves it.

The running time starts at the publication date (dct) and moves when the text gives a specific
date; a bare year moves it only when it sets a scene in text narrating another period, a date
after publication never does (a plan), nor does a flashback."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...model import Anchor
from .calendar import Point, date_value

STORY_TIME_DRIFT_DAYS = 7  # a weekday counts from the dct while the story stays this near it
DISPLACED_AFTER_DAYS = 366
REMOTE_YEARS = 20  # a bare year this far from the publication date means the text narrates history
SCENE_SETTING_WORDS = 4  # "In 1976, …": a year this near the start of its sentence sets the scene
_SENTENCE_END = re.compile(r"[.!?;:\n]\s")


@dataclass
class Resolved:
    type: str
    value: str
    mod: str | None = None
    anchor: Anchor = "absolute"
    point: Point | None = None  # a specific time the story moves to


@dataclass
class Context:
    text: str
    dct: Point | None
    story: Point | None = None  # the running (narrative) reference time
    story_set_by_text: bool = False
    displaced: bool = False  # the text has narrated a specific date far from the dct
    last_day: Point | None = None  # the last day the text named: what "the day" refers back to
    last_year: int | None = None  # the year of the last date the text named
    last_point: Point | None = None  # the last date the text named, at its own precision

    def reference(self) -> tuple[Point | None, Anchor]:
        if self.story is not None and self.story_set_by_text:
            return self.story, "narrative"
        return (self.dct, "dct") if self.dct else (None, "none")

    def year_reference(self) -> tuple[Point | None, Anchor]:
        """The reference for completing a date that lacks its year: the story's running time,
        unless it sits at the publication date, where news time (the dct) rules."""
        ref, anchor = self.reference()
        if anchor == "narrative" and self.dct is not None and not self.story_has_moved() \
                and not self.displaced:
            return self.dct, "dct"
        return ref, anchor

    def day_reference(self) -> tuple[Point | None, Anchor]:
        """The latest day-precise reference: the story's if it has one, else the dct."""
        ref, anchor = self.reference()
        if ref is not None and ref.day is not None:
            return ref, anchor
        if self.last_day is not None:
            return self.last_day, "narrative"
        if self.dct is not None and self.dct.day is not None:
            return self.dct, "dct"
        return None, "none"

    def story_has_moved(self) -> bool:
        """The running time is a specific day away from the publication date."""
        if not (self.story_set_by_text and self.story and self.story.day):
            return False
        if self.dct is None or self.dct.day is None:
            return True
        a, b = self.story.date(), self.dct.date()
        return a is None or b is None or abs((a - b).days) > STORY_TIME_DRIFT_DAYS


def with_part(resolved: Resolved, part: str | None) -> Resolved:
    if part:
        resolved.type = "TIME"
        resolved.value += f"T{part}"
    return resolved


def calendar_date(
    year: int, month: int | None, day: int | None, anchor: Anchor, mod: str | None = None
) -> Resolved:
    return Resolved("DATE", date_value(year, month, day), mod, anchor, Point(year, month, day))


def date_from(day: dt.date, anchor: Anchor) -> Resolved:
    return calendar_date(day.year, day.month, day.day, anchor)


def advance_story(ctx: Context, point: Point, start: int) -> None:
    """Move the running time to `point`, named at `start` in the text. A bare year moves it only
    in text that is already narrating a displaced period (or has no publication date): in news,
    "since its launch in 2003" is background and the story stays near the publication date."""
    if ctx.story_set_by_text and ctx.story is not None and point.contains(ctx.story):
        return  # "in 1954" after "on 12 June 1954" keeps the finer running time
    if ctx.dct is not None and point.months_index() > ctx.dct.months_index() + 0.25:
        return  # a date after publication is a plan, not the narrated past
    if point.month is None:  # whether the year opens its sentence is read only when it matters
        if ctx.dct is not None and not ctx.displaced:
            if abs(point.year - ctx.dct.year) <= REMOTE_YEARS or not opens_sentence(ctx.text, start):
                return  # "the highest since 1983" is background, "In 490 BC, …" sets a scene
            ctx.displaced = True
        if ctx.story_set_by_text and ctx.story and ctx.story.month and not opens_sentence(ctx.text, start):
            return  # "declassified in 2005, however, revealed …" does not move the story
    elif ctx.dct is not None:
        here, now = point.date(), ctx.dct.date()
        if here is None or now is None or abs((here - now).days) > DISPLACED_AFTER_DAYS:
            ctx.displaced = True
    ctx.story, ctx.story_set_by_text = point, True


def opens_sentence(text: str, start: int) -> bool:
    window = text[max(0, start - 80):start]
    boundary = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    return len(window[boundary:].split()) <= SCENE_SETTING_WORDS
