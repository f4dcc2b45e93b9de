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

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Anchor, PartialDate, Timex
from .calendar import Point, closest_year, date_value, shift, valid_day, week_value, year_value
from .gates import Gates
from .lexicon import time_words
from .patterns import COUNTED_NOUN_AFTER, MONTH_CONTEXT, PAST_VERB, YEAR_FROM_PARTNER, Rule, rules, trigger

NEWS_FUTURE_PENALTY = 2.0  # news refers back more often than forward
NARRATIVE_FUTURE_PENALTY = 1.0  # a narrative has no lean: the nearest year wins
SCENE_SETTING_WORDS = 4  # "In 1976, …": a year this near the start of its sentence sets the scene
FUTURE_CUES = re.compile(
    r"(?i:\b(?:will|shall|should\s+be|is\s+to|are\s+to|plans?\s+to|scheduled|expected\s+to|due\s+to|"
    r"next|upcoming|going\s+to|set\s+to|intends?\s+to|until|till)\b)")
STORY_TIME_DRIFT_DAYS = 7

__all__ = ["find_timexes"]


@dataclass
class _Resolved:
    type: str
    value: str
    mod: str | None = None
    anchor: Anchor = "absolute"
    point: Point | None = None  # a specific time the story moves to


@dataclass
class _Context:
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


def _mod(match: re.Match[str]) -> str | None:
    words = time_words()
    groups = match.groupdict()
    if groups.get("pos"):
        return words.position_mods.get(" ".join(groups["pos"].lower().split()))
    if groups.get("qmod"):
        return words.quantity_mods.get(" ".join(groups["qmod"].lower().split()))
    return None


def _year(match: re.Match[str], group: str = "year") -> int:
    year = int(match[group])
    era = (match.groupdict().get("era") or "").upper().replace(".", "").replace(" ", "")
    return -year if era.startswith("BC") else year


def _month(match: re.Match[str]) -> int:
    return time_words().months[match["month"].rstrip(".")]


def _part(match: re.Match[str]) -> str | None:
    part = match.groupdict().get("part")
    return time_words().day_parts[part.lower()] if part else None


def _with_part(resolved: _Resolved, part: str | None) -> _Resolved:
    if part:
        resolved.type = "TIME"
        resolved.value += f"T{part}"
    return resolved


def _date(year: int, month: int | None, day: int | None, anchor: Anchor, mod: str | None = None) -> _Resolved:
    return _Resolved("DATE", date_value(year, month, day), mod, anchor, Point(year, month, day))


def _partner_year(ctx: _Context, end: int) -> int | None:
    partner = YEAR_FROM_PARTNER.match(ctx.text, end)
    if partner is None:
        return None
    year = int(partner["year"])
    if partner["era"]:
        return -year
    return year if 1000 <= year <= 2100 else None


def _infer_year(
    ctx: _Context, month: int, day: int | None, end: int | None = None
) -> tuple[int | None, Anchor]:
    if end is not None:
        partner = _partner_year(ctx, end)
        if partner is not None:
            return partner, "absolute"
    ref, anchor = ctx.year_reference()
    if ref is None:
        return None, "none"
    penalty = NARRATIVE_FUTURE_PENALTY if anchor == "narrative" else _news_penalty(ctx, end)
    return closest_year(month, day, ref, penalty), anchor


def _resolve_month_day(match: re.Match[str], ctx: _Context, month: int, day: int) -> _Resolved | None:
    year, anchor = _infer_year(ctx, month, day, match.end())
    if year is None:
        return _Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", _mod(match), "none")
    if not valid_day(year, month, day):
        return None
    return _with_part(_date(year, month, day, anchor, _mod(match)), _part(match))


def _clause_start(text: str, start: int) -> int:
    return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)


def _tense_before(text: str, start: int) -> str | None:
    """"past" or "future" by the nearer tense cue in the clause before `start`, else None."""
    clause = _clause_start(text, start)
    past_at = max((m.end() for m in PAST_VERB.finditer(text, clause, start)), default=-1)
    future_at = max((m.end() for m in FUTURE_CUES.finditer(text, clause, start)), default=-1)
    if past_at == future_at:
        return None
    return "past" if past_at > future_at else "future"


def _news_penalty(ctx: _Context, end: int | None) -> float:
    """News leans to the past, unless the clause speaks of the future ("will close in October")."""
    if end is not None and _tense_before(ctx.text, end) == "future":
        return 1 / NEWS_FUTURE_PENALTY
    return NEWS_FUTURE_PENALTY


# "bars entry starting from Thursday", "effective Monday": a measure's onset is ahead of the report
_ONSET = re.compile(r"(?i:\b(?:starting|beginning|effective|as\s+of)(?:\s+(?:from|on))?\s+)$")


def _weekday(ctx: _Context, weekday: int, det: str | None, start: int) -> _Resolved | None:
    det = (det or "").lower()
    if ctx.story_has_moved() and det not in ("last", "next", "this"):
        ref, anchor = ctx.story, "narrative"
        base = ref.date() if ref else None
        if base is None:
            return None
        delta = (weekday - base.weekday()) % 7
        if det in ("the previous",):
            delta = delta - 7 if delta else -7
        return _date_from(base + dt.timedelta(days=delta), anchor)
    if ctx.dct is None or ctx.dct.day is None:
        return _Resolved("DATE", f"XXXX-WXX-{weekday + 1}", None, "none")
    base = ctx.dct.date()
    if base is None:
        return None
    tense = "future" if _ONSET.search(ctx.text, max(0, start - 30), start) else _tense_before(ctx.text, start)
    if tense is None:  # "on Tuesday delivered the jet": the verb may follow
        following = PAST_VERB.match(ctx.text, start + len(ctx.text[start:].split(" ", 1)[0]) + 1)
        tense = "past" if following else None
    ahead = (weekday - base.weekday()) % 7
    behind = -((base.weekday() - weekday) % 7)
    if det in ("next", "the next", "the following"):
        delta = ahead or 7
    elif det == "last":
        delta = behind or -7
    elif tense == "past":
        delta = behind
    elif tense == "future":
        delta = ahead
    else:  # no tense cue: the nearest such day, the past one on a tie
        delta = ahead if ahead < -behind else behind
    return _date_from(base + dt.timedelta(days=delta), "dct")


def _same_period_a_year_back(unit: str, ctx: _Context) -> _Resolved | None:
    """"sales rose in February compared to the same period last year": the period in focus, a
    year earlier, at the precision the unit names (a "period" takes the focus's own)."""
    ref, anchor = ctx.reference()
    if ref is None:
        return None
    if unit in ("period", "time"):  # a reporting period: a month at the finest
        unit = "month" if ref.month else "year"
    resolved = _unit_shift(Point(ref.year - 1, ref.month, ref.day), unit, 0, anchor)
    if resolved:
        resolved.point = None  # a comparison does not move the running time
    return resolved


def _the_weekend(ctx: _Context, start: int) -> _Resolved | None:
    """"during the weekend": the weekend before the publication date, or the coming one when the
    clause speaks of the future."""
    if ctx.dct is None or ctx.dct.day is None:
        return _Resolved("DATE", "XXXX-WXX-WE", None, "none")
    today = ctx.dct.date()
    if today is None:
        return None
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() < 5 and _tense_before(ctx.text, start) != "future":
        saturday -= dt.timedelta(days=7)
    return _Resolved("DATE", week_value(saturday) + "-WE", None, "dct")


def _date_from(day: dt.date, anchor: Anchor) -> _Resolved:
    return _date(day.year, day.month, day.day, anchor)


def _unit_shift(ref: Point, unit: str, amount: int, anchor: Anchor) -> _Resolved | None:
    """The period `amount` units from `ref`, at the unit's own granularity."""
    unit = unit.lower()
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        moved = shift(ref, amount, "day")
        if moved is None:
            return None
        resolved = _date(moved.year, moved.month, moved.day, anchor)
        return _with_part(resolved, time_words().day_parts.get(unit) if unit != "day" else None)
    if unit in ("week", "weekend"):
        moved = shift(ref, amount, "week")
        if moved is None or moved.date() is None:
            return None
        value = week_value(moved.date()) + ("-WE" if unit == "weekend" else "")  # type: ignore[arg-type]
        return _Resolved("DATE", value, None, anchor)
    if unit == "month":
        if ref.month is None:
            return None
        moved = shift(Point(ref.year, ref.month), amount, "month")
        return _date(moved.year, moved.month, None, anchor) if moved else None
    if unit == "year":
        return _date(ref.year + amount, None, None, anchor)
    if unit == "decade":
        return _Resolved("DATE", year_value(ref.year + 10 * amount)[:-1], None, anchor)
    if unit == "quarter" and ref.month:
        quarter = (ref.month - 1) // 3 + amount
        year = ref.year + quarter // 4
        return _Resolved("DATE", f"{year_value(year)}-Q{quarter % 4 + 1}", None, anchor)
    if unit == "century":
        return _Resolved("DATE", f"{(ref.year - 1) // 100 + amount:02d}", None, anchor)
    return None


def _duration(count: int | float | str | None, unit_word: str, mod: str | None) -> _Resolved | None:
    if count is None:
        return None
    unit = time_words().unit(unit_word)
    if isinstance(count, str):
        amount = "X"
    else:
        total = count * unit.factor
        amount = str(int(total)) if float(total).is_integer() else str(total)
    prefix = "PT" if unit.time else "P"
    return _Resolved("DURATION", f"{prefix}{amount}{unit.letter}", mod, "none")


def _resolve(rule: str, match: re.Match[str], ctx: _Context) -> _Resolved | None:
    words = time_words()
    groups = match.groupdict()
    mod = _mod(match)
    if rule in ("date_mdy", "date_dmy", "date_iso", "date_slash", "part_of_date_dm", "part_of_date_md"):
        month = int(match["month"]) if match["month"].isdigit() else _month(match)
        day = int(match["day"])
        if not groups.get("year"):
            return _resolve_month_day(match, ctx, month, day)
        year = _year(match)
        if year < 100:  # "7/8/07"
            pivot = (ctx.dct.year % 100) if ctx.dct else 30
            year += 2000 if year <= pivot else 1900
        if not valid_day(year, month, day):
            return None
        resolved = _date(year, month, day, "absolute", mod)
        if groups.get("hour"):
            resolved.type, resolved.value = "TIME", f"{resolved.value}T{match['hour']}:{match['minute']}"
        return _with_part(resolved, _part(match))
    if rule == "month_year":
        return _date(_year(match), _month(match), None, "absolute", mod)
    if rule == "month_that_year":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1,
                  "the preceding": -1, "last": -1}.get(" ".join(match["rel"].lower().split()), 0)
        base = ctx.dct if match["rel"].lower() in ("this", "last", "next") and ctx.dct else ref
        return _date(base.year + offset, _month(match), None, anchor, mod)
    if rule in ("month_day", "day_month"):
        return _resolve_month_day(match, ctx, _month(match), int(match["day"]))
    if rule == "month":
        before = ctx.text[max(0, match.start() - 16):match.start()]
        if not (groups.get("pos") or MONTH_CONTEXT.search(before) or before.endswith("(")
                or _partner_year(ctx, match.end()) is not None):
            return None
        month = _month(match)
        year, anchor = _infer_year(ctx, month, None, match.end())
        if year is None:
            return _Resolved("DATE", f"XXXX-{month:02d}", mod, "none")
        return _date(year, month, None, anchor, mod)
    if rule in ("season", "season_fall", "season_det"):
        code = words.seasons[match["season"].lower()]
        det = " ".join((groups.get("det") or "").lower().split())
        if groups.get("year"):
            return _Resolved("DATE", f"{year_value(_year(match))}-{code}", mod, "absolute")
        if det in ("this", "last", "next") and ctx.dct:
            year = ctx.dct.year + {"last": -1, "next": 1}.get(det, 0)
            return _Resolved("DATE", f"{year_value(year)}-{code}", mod, "dct")
        partner = _partner_year(ctx, match.end())
        if partner is not None and not det:
            return _Resolved("DATE", f"{year_value(partner)}-{code}", mod, "absolute")
        ref, anchor = ctx.year_reference()
        if groups.get("rel"):
            rel = " ".join(match["rel"].lower().split())
            base = ctx.dct if rel in ("this", "last", "next") and ctx.dct else ref
            anchor = "dct" if base is ctx.dct and rel in ("this", "last", "next") else anchor
            offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1,
                      "the preceding": -1, "last": -1}.get(rel, 0)
            if base is None:
                return None
            return _Resolved("DATE", f"{year_value(base.year + offset)}-{code}", mod, anchor)
        if ref is None:
            return _Resolved("DATE", f"XXXX-{code}", mod, "none")
        offset = {"the following": 1, "the previous": -1}.get(det, 0)
        return _Resolved("DATE", f"{year_value(ref.year + offset)}-{code}", mod, anchor)
    if rule == "bc_range":
        return _date(-int(match["year"]), None, None, "absolute")
    if rule == "bc_year":
        return _date(-int(match["year"]), None, None, "absolute", mod)
    if rule == "year_range":
        return _year_only(match, ctx, mod)
    if rule == "year":
        resolved = _year_only(match, ctx, mod)
        half = " ".join((groups.get("pos") or "").lower().split())
        if resolved and half in _HALVES:
            resolved.value, resolved.mod = f"{resolved.value}-{_HALVES[half]}", None
        return resolved
    if rule == "decade_short":
        return _Resolved("DATE", f"19{match['decade2'][0]}", mod, "absolute")
    if rule == "year_apostrophe":
        yy = int(match["yy"])
        pivot = (ctx.dct.year % 100) if ctx.dct else 30
        return _date((2000 if yy <= pivot else 1900) + yy, None, None, "absolute")
    if rule == "decade":
        return _Resolved("DATE", match["decade"][:3], mod, "absolute")
    if rule == "century":
        ordinal = match["ord"].lower()
        number = int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else words.ordinals[ordinal]
        bc = (groups.get("era") or "").upper().startswith("B")
        return _Resolved("DATE", f"{'BC' if bc else ''}{number - 1:02d}", mod, "absolute")
    if rule in ("quarter", "quarter_code"):
        q = (match["q"] or match.groupdict().get("qa") or "").lower()
        number = int(q[0]) if q[0].isdigit() else (words.ordinals[q] if words.ordinals[q] > 0 else 4)
        if groups.get("year"):
            return _Resolved("DATE", f"{match['year']}-Q{number}", mod, "absolute")
        ref, anchor = ctx.year_reference()
        rel = " ".join((groups.get("rel") or "").lower().split())
        if rel in ("this", "last", "next") and ctx.dct:
            ref, anchor = ctx.dct, "dct"
        if ref is None:
            return _Resolved("DATE", f"XXXX-Q{number}", mod, "none")
        offset = {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        if anchor == "dct" and not rel and ref.month:
            current = (ref.month - 1) // 3 + 1
            if q in ("last", "final"):
                number, offset = (current - 1, 0) if current > 1 else (4, -1)
            elif number > current:  # the nearer of this year's and last year's, news leaning back
                ahead, behind = number - current, current + 4 - number
                offset = -1 if behind < ahead * _news_penalty(ctx, match.start()) else 0
        return _Resolved("DATE", f"{year_value(ref.year + offset)}-Q{number}", mod, anchor)
    if rule in _DEICTIC_RULES and ctx.displaced and _in_quotation(ctx.text, match.start()):
        return _quoted_deictic(rule, match, ctx)
    if rule == "deictic_day":
        word = match["word"].lower()
        if ctx.dct is None or ctx.dct.day is None:
            return _Resolved("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None, "none")
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        moved = shift(ctx.dct, offset, "day")
        resolved = _date(moved.year, moved.month, moved.day, "dct")  # type: ignore[union-attr]
        return _with_part(resolved, "NI" if word == "tonight" else _part(match))
    if rule == "this_part":
        word = match["word"].lower()
        if ctx.dct is None or ctx.dct.day is None:
            return None
        moved = shift(ctx.dct, {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0), "day")
        return _with_part(_date(moved.year, moved.month, moved.day, "dct"), _part(match))  # type: ignore[union-attr]
    if rule == "deictic_unit":
        det, unit = match["det"].lower(), match["unit"].lower()
        if det == "past":
            return _duration(1, unit, mod)
        if ctx.dct is None:
            return None
        offset = {"last": -1, "next": 1, "coming": 1}.get(det, 0)
        ref = ctx.dct if ctx.dct.day or unit not in ("week", "weekend") else None
        if ref is None:
            return None
        resolved = _unit_shift(ref, unit, offset, "dct")
        if resolved:
            resolved.mod = mod
            resolved.point = None
        return resolved
    if rule == "week_of_month":
        month = _month(match)
        if groups.get("year"):
            year, anchor = int(match["year"]), "absolute"
        else:
            year, anchor = _infer_year(ctx, month, None)
        if year is None or year < 1:
            return None
        ordinal = words.ordinals[match["ord"].lower()]
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        # the last full week ends on the month's last day; the n-th starts on day 7(n-1)+1
        day = last - dt.timedelta(days=6) if ordinal < 0 else first + dt.timedelta(days=7 * (ordinal - 1))
        return _Resolved("DATE", week_value(day), None, anchor)
    if rule == "pos_the_unit":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        resolved = _unit_shift(ref, match["unit"], 0, anchor)
        if resolved:
            resolved.mod, resolved.point = mod, None
        return resolved
    if rule == "on_the_day":
        ref, anchor = ctx.day_reference()
        return _date(ref.year, ref.month, ref.day, anchor) if ref else None
    if rule == "same_period_shift":
        return _same_period_a_year_back(match["unit"].lower(), ctx)
    if rule == "whole_unit":  # "for the entire year": the year (month, …) last named
        ref, anchor = ctx.reference()
        if match["unit"].lower() == "year" and ctx.last_year is not None:
            ref, anchor = Point(ctx.last_year), "narrative"
        resolved = _unit_shift(ref, match["unit"], 0, anchor) if ref else None
        if resolved:
            resolved.point = None
        return resolved
    if rule == "the_weekend":
        return _the_weekend(ctx, match.start())
    if rule == "the_past_unit":
        return _duration(1, match["unit"], None)
    if rule == "ago":
        if ctx.dct is None:
            return None
        count = words.count(match["count"])
        if not isinstance(count, int):
            return _Resolved("DATE", "PAST_REF", mod, "dct")
        resolved = _unit_shift(ctx.dct, match["unit"], -count, "dct")
        if resolved:
            resolved.mod = mod
        return resolved
    if rule == "weekday":
        weekday = words.weekdays[match["weekday"]]
        det = " ".join((groups.get("det") or "").split())
        resolved = _weekday(ctx, weekday, det, match.start())
        return _with_part(resolved, _part(match)) if resolved else None
    if rule in ("relative_unit", "unit_relative"):
        ref, anchor = ctx.reference()
        if match["unit"].lower() == "year" and ctx.last_year is not None:
            ref, anchor = Point(ctx.last_year), "narrative"  # "last year, … than the year previous"
        if ref is None:
            return None
        rel = match["rel"].lower()
        offset = 1 if rel in ("next", "following", "after") else -1
        resolved = _unit_shift(ref, match["unit"], offset, anchor)
        if resolved and offset < 0:
            resolved.point = None  # a flashback does not move the running time
        return resolved
    if rule in ("streak", "best_since"):  # "a second straight day", "its best week since May": the current
        if ctx.dct is None:
            return None
        unit = (match["unit"] or match.groupdict().get("unit2") or "").lower()
        unit = "day" if unit == "session" else unit
        resolved = _unit_shift(ctx.dct, unit, 0, "dct")
        if resolved:
            resolved.point = None
        return resolved
    if rule == "present_era":
        return _Resolved("DATE", "PRESENT_REF", None, "dct")
    if rule == "that_time":  # "by June 10 … by that time": the time last named
        ref, anchor = (ctx.last_point, "narrative") if ctx.last_point else ctx.reference()
        if ref is None or anchor != "narrative":
            return None
        return _Resolved("DATE", ref.value(), None, anchor)
    if rule == "anaphoric":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        return _unit_shift(ref, match["unit"], 0, anchor)
    if rule == "later_that":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        return _unit_shift(ref, match["unit"], 0, anchor)
    if rule == "count_later":
        ref, anchor = ctx.reference()
        count = words.count(match["count"])
        if ref is None or not isinstance(count, int):
            return None
        if match["than"]:  # "arrives on November 11, three days later than planned": that day
            day, day_anchor = (ctx.last_day, "narrative") if ctx.last_day else ctx.day_reference()
            return _date(day.year, day.month, day.day, day_anchor) if day else None
        backwards = match["rel"].lower().split()[0] in ("earlier", "before", "previously", "beforehand")
        unit = match["unit"].lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        if unit in ("decade", "century"):
            count, unit = count * (10 if unit == "decade" else 100), "year"
        if unit == "week" and ref.day:
            moved = shift(ref, -count if backwards else count, "week")
            if moved is None:
                return None
            resolved = _date(moved.year, moved.month, moved.day, anchor)
            resolved.point = None if backwards else resolved.point
            return resolved
        resolved = _unit_shift(ref, unit, -count if backwards else count, anchor)
        if resolved:
            resolved.mod = mod
            if backwards:
                resolved.point = None  # a flashback does not move the running time
        return resolved
    if rule == "count_after_event":
        ref, anchor = ctx.reference()
        count = words.count(match["count"])
        unit = match["unit"].lower()
        sign = 1 if match["rel"].lower() == "after" else -1
        if isinstance(count, int) and ref is not None and anchor == "narrative" \
                and (ctx.displaced or ctx.story_has_moved()):
            if unit.startswith(("day", "week")) and ref.day is not None:
                moved = shift(ref, sign * count, "week" if unit.startswith("week") else "day")
                return _date(moved.year, moved.month, moved.day, anchor) if moved else None
            if unit.startswith(("year", "month")) and ctx.displaced:
                return _unit_shift(ref, unit.rstrip("s"), sign * count, anchor)
        return _duration(count, unit, mod)
    if rule == "the_next_count":
        return _duration(words.count(match["count"]), match["unit"], None)
    if rule == "duration":
        if match["count"].isdigit() and len(match["count"]) == 4 and match["unit"].lower().startswith("year"):
            return None  # "1918 years" is not a duration anyone writes; "2008 year" is a year
        return _duration(words.count(match["count"]), match["unit"], mod)
    if rule in ("duration_quarters",):
        count = words.count(match["count"])
        return _Resolved("DURATION", f"P{count}Q", mod, "none") if isinstance(count, int) else None
    if rule == "single_unit":
        return _duration(1, match["unit"], None)
    if rule == "vague_long":
        return _duration("X", match["unit"].lower(), None)
    if rule == "vague_years":
        return _duration("X", match["unit"].lower().removesuffix("s"), None)
    if rule == "plural_units":
        return _duration("X", match["unit"].lower().removesuffix("s").replace("centurie", "century"), None)
    if rule == "set_every":
        count = words.count(match["count"]) if groups.get("count") else 1
        resolved = _duration(count, match["unit"], None)
        if resolved:
            resolved.type = "SET"
        return resolved
    if rule == "set_times":
        resolved = _duration(1, match["unit"], None)
        if resolved:
            resolved.type = "SET"
        return resolved
    if rule == "set_weekday":
        return _Resolved("SET", f"XXXX-WXX-{words.weekdays[match['weekday']] + 1}", None, "none")
    if rule == "set_word":
        return _Resolved("SET", words.sets[" ".join(match["word"].lower().split())], None, "none")
    if rule == "reference":
        value = words.references[" ".join(match["word"].lower().split())]
        return _Resolved("DATE", value, None, "none") if value else None
    if rule in ("clock", "clock24", "clock_military", "noon"):
        return _clock(match, ctx)
    if rule == "trading_part":  # "rose in morning trading": that part of the news day
        ref, anchor = ctx.day_reference()
        return _with_part(_date(ref.year, ref.month, ref.day, anchor), _part(match)) if ref else None
    if rule == "day_part":
        ref, anchor = ctx.reference()
        part = _part(match)
        return _Resolved("TIME", f"XXXX-XX-XXT{part}", None, "none")
    if rule == "holiday":
        month, day = words.holidays[match["holiday"]]
        if groups.get("year"):
            return _date(int(match["year"]), month, day, "absolute")
        year, anchor = _infer_year(ctx, month, day)
        return _date(year, month, day, anchor) if year else None
    return None


_HALVES = {"the first half of": "H1", "the second half of": "H2", "the latter half of": "H2",
           "the latter part of": "H2"}
_DEICTIC_RULES = frozenset({"deictic_day", "this_part", "deictic_unit", "ago"})


def _quoted_deictic(rule: str, match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """"today" or "two years ago" quoted in a narrative of another time: the speaker's now is the
    story's time, not the publication date."""
    words = time_words()
    story = ctx.story if ctx.story_set_by_text else None
    if rule == "deictic_day":
        word = match["word"].lower()
        if story is None or story.day is None:
            return _Resolved("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None, "none") \
                if word != "tonight" else _Resolved("TIME", "XXXX-XX-XXTNI", None, "none")
        moved = shift(story, {"yesterday": -1, "tomorrow": 1}.get(word, 0), "day")
        return _with_part(_date(moved.year, moved.month, moved.day, "narrative"),  # type: ignore[union-attr]
                          "NI" if word == "tonight" else _part(match))
    if rule == "ago" and story is not None:
        count = words.count(match["count"])
        if isinstance(count, int):
            return _unit_shift(story, match["unit"], -count, "narrative")
    return None


def _year_only(match: re.Match[str], ctx: _Context, mod: str | None) -> _Resolved | None:
    after = ctx.text[match.end():match.end() + 30]
    if COUNTED_NOUN_AFTER.match(after) and not match.groupdict().get("era"):
        return None  # "1500 soldiers": a count, not a year
    if _inside_name(ctx.text, match.start(), match.end()):
        return None
    year = _year(match)
    return _date(year, None, None, "absolute", mod)


_NAME_WORD_BEFORE = re.compile(r"(?<![.!?:;\n]\s)(?<![.!?][\"”’']\s)(?<!^)\b(?P<word>[A-Z][a-z]+)\s$")
_OPENERS = frozenset({"In", "On", "By", "Since", "From", "After", "Before", "Until", "During", "Of", "The"})
_NAME_WORD_AFTER = re.compile(r"\s(?P<word>[A-Z][a-z]+)\b")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A year between two capitalized words of one name: "the Russell 2000 Index", "the Vision
    2030 Plan". A month, weekday, season or sentence opener before it keeps it a year."""
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
    after = _NAME_WORD_AFTER.match(text, end)
    if before is None or after is None or trigger().fullmatch(after["word"]):
        return False  # "… Conference 2010 Yesterday, …": a new sentence with a time word opens
    words = time_words()
    word = before["word"]
    return word not in _OPENERS and word not in words.months and word not in words.weekdays \
        and word.lower() not in words.seasons


def _clock(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    groups = match.groupdict()
    if groups.get("word"):
        hour, minute = (0, 0) if match["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or (not ampm and not groups.get("tz") and ":" not in match.group(0)):
            return None
    ref, anchor = ctx.day_reference()
    day = ref.value() if ref else "XXXX-XX-XX"
    zone = "Z" if (groups.get("tz") or "").upper() in ("UTC", "GMT") else ""
    return _Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}{zone}", None, anchor)


@lru_cache(maxsize=1)
def _gates() -> Gates:
    return Gates(rule.pattern for rule in rules())


Candidate = tuple[int, int, int, Rule, re.Match[str]]  # start, end, rule priority, rule, match


WINDOW_BEFORE, WINDOW_AFTER = 40, 50  # longer than any modifier before or tail after a trigger


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of text around trigger tokens; the rest cannot hold a time expression."""
    windows: list[tuple[int, int]] = []
    for hit in trigger().finditer(text):
        start, end = max(0, hit.start() - WINDOW_BEFORE), min(len(text), hit.end() + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _candidates(text: str) -> list[Candidate]:
    found = []
    windows = _windows(text)
    gates = _gates()
    masks = gates.window_masks(text, windows)
    for priority, (rule, needs) in enumerate(zip(rules(), gates.rule_masks, strict=True)):
        has_span = "span" in rule.pattern.groupindex
        for (window_start, window_end), met in zip(windows, masks, strict=True):
            if needs & ~met:
                continue
            for match in rule.pattern.finditer(text, window_start, window_end):
                start, end = match.span("span") if has_span else match.span()
                if end > start:
                    found.append((start, end, priority, rule, match))
    return found


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches: longest first, then the earlier rule."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        start, end = candidate[0], candidate[1]
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        chosen.append(candidate)
        taken.append((start, end))
    return sorted(chosen, key=lambda c: c[0])


DISPLACED_AFTER_DAYS = 366
REMOTE_YEARS = 20  # a bare year this far from the publication date means the text narrates history


def _advance_story(ctx: _Context, point: Point, scene_setting: bool) -> None:
    """Move the running time to `point`. A bare year moves it only in text that is already
    narrating a displaced period (or has no publication date): in news, "since its launch in
    2003" is background and the story stays near the publication date."""
    if ctx.story_set_by_text and ctx.story is not None and point.contains(ctx.story):
        return  # "in 1954" after "on 12 June 1954" keeps the finer running time
    if ctx.dct is not None and point.months_index() > ctx.dct.months_index() + 0.25:
        return  # a date after publication is a plan, not the narrated past
    if point.month is None and ctx.dct is not None and not ctx.displaced:
        if abs(point.year - ctx.dct.year) <= REMOTE_YEARS or not scene_setting:
            return  # "the highest since 1983" is background, "In 490 BC, …" sets a scene
        ctx.displaced = True
    if point.month is None and ctx.story_set_by_text and ctx.story and ctx.story.month \
            and not scene_setting:
        return  # "declassified in 2005, however, revealed …" does not move the story
    if point.month is not None and ctx.dct is not None:
        here, now = point.date(), ctx.dct.date()
        if here is None or now is None or abs((here - now).days) > DISPLACED_AFTER_DAYS:
            ctx.displaced = True
    ctx.story, ctx.story_set_by_text = point, True


def _split_ranges(
    start: int, end: int, match: re.Match[str], resolved: _Resolved
) -> list[tuple[int, int, _Resolved]]:
    """"April 6-28" and "1955-1963" are two time expressions, each with its own value."""
    groups = match.groupdict()
    if groups.get("day2") and resolved.point and resolved.point.day:
        point, second_day = resolved.point, int(match["day2"])
        if not valid_day(point.year, point.month, second_day):  # type: ignore[arg-type]
            return [(start, end, resolved)]
        second = _date(point.year, point.month, second_day, resolved.anchor)
        return [(start, match.end("day"), resolved), (match.start("day2"), match.end("day2"), second)]
    if groups.get("year2") and resolved.point:
        raw = match["year2"]
        first = resolved.point.year
        second_year = (abs(first) // 100) * 100 + int(raw) if len(raw) == 2 else int(raw)
        if first < 0:
            second_year = -second_year
        if first > 0 and second_year <= first:
            return [(start, end, resolved)]
        second = _date(second_year, None, None, resolved.anchor)
        return [(start, match.end("year"), resolved), (match.start("year2"), match.end(), second)]
    return [(start, end, resolved)]


_SENTENCE_END = re.compile(r"[.!?;:\n]\s")


def _opens_sentence(text: str, start: int) -> bool:
    window = text[max(0, start - 80):start]
    boundary = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    return len(window[boundary:].split()) <= SCENE_SETTING_WORDS


def _in_quotation(text: str, start: int) -> bool:
    """Inside a direct quotation of the current paragraph (straight or curly marks)."""
    paragraph = text[max(text.rfind("\n", 0, start), 0):start]
    opened = paragraph.rfind("“")
    if opened > paragraph.rfind("”"):
        return True
    return paragraph.count('"') % 2 == 1


def find_timexes(text: str, dct: PartialDate | None = None) -> list[Timex]:
    """Every time expression in `text`, resolved against the publication date `dct`."""
    ctx = _Context(text=text, dct=Point.from_partial(dct) if dct else None)
    ctx.story = ctx.dct
    timexes: list[Timex] = []
    for start, end, _priority, rule, match in _select(_candidates(text)):
        resolved = _resolve(rule.name, match, ctx)
        if resolved is None:
            continue
        if resolved.type == "DATE" and re.match(r"\d{4}(?!\d)", resolved.value):
            ctx.last_year = int(resolved.value[:4])
        for part_start, part_end, part in _split_ranges(start, end, match, resolved):
            timexes.append(Timex(part_start, part_end, text[part_start:part_end], part.type,  # type: ignore[arg-type]
                                 part.value, part.mod, part.anchor))
            if part.point is not None and part.type in ("DATE", "TIME"):
                _advance_story(ctx, part.point, _opens_sentence(text, part_start))
                ctx.last_point = part.point
                if part.point.day is not None:
                    ctx.last_day = part.point
    return _times_take_following_dates(timexes, text)


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
