"""Resolvers of expressions counted from a reference rather than read off the page: a date
lacking its year, a weekday, a unit shifted from a reference ("the next week"), the weekend,
durations, deictic words quoted in a narrative of another time, clock times."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Anchor
from .calendar import Point, candidate_years, nearest_year, shift, valid_day, week_value, year_value
from .context import Context, Resolved, calendar_date, date_from, with_part
from .cues import NARRATIVE_FUTURE_PENALTY, NEWS_PENALTIES, ONSET, news_penalty, partner_year, tense_before
from .lexicon import time_words
from .patterns import PAST_VERB, match_mod, match_part


def infer_year(
    ctx: Context, month: int, day: int | None, end: int | None = None
) -> tuple[int | None, Anchor]:
    if end is not None:
        partner = partner_year(ctx, end)
        if partner is not None:
            return partner, "absolute"
    ref, anchor = ctx.year_reference()
    if ref is None:
        return None, "none"
    candidates = candidate_years(month, day, ref)
    if anchor == "narrative":
        return nearest_year(candidates, ref.year, NARRATIVE_FUTURE_PENALTY), anchor
    years = {nearest_year(candidates, ref.year, penalty) for penalty in NEWS_PENALTIES}
    if len(years) == 1:  # whatever the clause's tense, the same year: it need not be read
        return years.pop(), anchor
    return nearest_year(candidates, ref.year, news_penalty(ctx, end)), anchor


def resolve_month_day(match: re.Match[str], ctx: Context, month: int, day: int) -> Resolved | None:
    year, anchor = infer_year(ctx, month, day, match.end())
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", match_mod(match), "none")
    if not valid_day(year, month, day):
        return None
    return with_part(calendar_date(year, month, day, anchor, match_mod(match)), match_part(match))


def weekday_date(ctx: Context, weekday: int, det: str | None, start: int) -> Resolved | None:
    det = (det or "").lower()
    if ctx.story_has_moved() and det not in ("last", "next", "this"):
        ref, anchor = ctx.story, "narrative"
        base = ref.date() if ref else None
        if base is None:
            return None
        delta = (weekday - base.weekday()) % 7
        if det in ("the previous",):
            delta = delta - 7 if delta else -7
        return date_from(base + dt.timedelta(days=delta), anchor)
    if ctx.dct is None or ctx.dct.day is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}", None, "none")
    base = ctx.dct.date()
    if base is None:
        return None
    ahead = (weekday - base.weekday()) % 7
    behind = -((base.weekday() - weekday) % 7)
    if det in ("next", "the next", "the following"):
        delta = ahead or 7
    elif det == "last":
        delta = behind or -7
    elif not ahead:  # the publication date's own weekday, whatever the tense
        delta = 0
    else:
        tense = _weekday_tense(ctx.text, start)
        if tense == "past":
            delta = behind
        elif tense == "future":
            delta = ahead
        else:  # no tense cue: the nearest such day, the past one on a tie
            delta = ahead if ahead < -behind else behind
    return date_from(base + dt.timedelta(days=delta), "dct")


def _weekday_tense(text: str, start: int) -> str | None:
    """Whether the weekday at `start` lies behind ("past") or ahead ("future"), read only where
    the weekday's determiner has not settled it."""
    if ONSET.search(text, max(0, start - 30), start):
        return "future"
    tense = tense_before(text, start)
    if tense is None:  # "on Tuesday delivered the jet": the verb may follow
        following = PAST_VERB.match(text, _word_end(text, start) + 1)
        tense = "past" if following else None
    return tense


def _word_end(text: str, start: int) -> int:
    """Where the word at `start` ends: the next space, or the end of the text."""
    space = text.find(" ", start)
    return space if space >= 0 else len(text)


def same_period_a_year_back(unit: str, ctx: Context) -> Resolved | None:
    """"sales rose in February compared to the same period last year": the period in focus, a
    year earlier, at the precision the unit names (a "period" takes the focus's own)."""
    ref, anchor = ctx.reference()
    if ref is None:
        return None
    if unit in ("period", "time"):  # a reporting period: a month at the finest
        unit = "month" if ref.month else "year"
    resolved = unit_shift(Point(ref.year - 1, ref.month, ref.day), unit, 0, anchor)
    if resolved:
        resolved.point = None  # a comparison does not move the running time
    return resolved


def the_weekend(ctx: Context, start: int) -> Resolved | None:
    """"during the weekend": the weekend before the publication date, or the coming one when the
    clause speaks of the future."""
    if ctx.dct is None or ctx.dct.day is None:
        return Resolved("DATE", "XXXX-WXX-WE", None, "none")
    today = ctx.dct.date()
    if today is None:
        return None
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() < 5 and tense_before(ctx.text, start) != "future":
        saturday -= dt.timedelta(days=7)
    return Resolved("DATE", week_value(saturday) + "-WE", None, "dct")


def unit_shift(ref: Point, unit: str, amount: int, anchor: Anchor) -> Resolved | None:
    """The period `amount` units from `ref`, at the unit's own granularity."""
    unit = unit.lower()
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        moved = shift(ref, amount, "day")
        if moved is None:
            return None
        resolved = calendar_date(moved.year, moved.month, moved.day, anchor)
        return with_part(resolved, time_words().day_parts.get(unit) if unit != "day" else None)
    if unit in ("week", "weekend"):
        moved = shift(ref, amount, "week")
        if moved is None or moved.date() is None:
            return None
        value = week_value(moved.date()) + ("-WE" if unit == "weekend" else "")  # type: ignore[arg-type]
        return Resolved("DATE", value, None, anchor)
    if unit == "month":
        if ref.month is None:
            return None
        moved = shift(Point(ref.year, ref.month), amount, "month")
        return calendar_date(moved.year, moved.month, None, anchor) if moved else None
    if unit == "year":
        return calendar_date(ref.year + amount, None, None, anchor)
    if unit == "decade":
        return Resolved("DATE", year_value(ref.year + 10 * amount)[:-1], None, anchor)
    if unit == "quarter" and ref.month:
        quarter = (ref.month - 1) // 3 + amount
        year = ref.year + quarter // 4
        return Resolved("DATE", f"{year_value(year)}-Q{quarter % 4 + 1}", None, anchor)
    if unit == "century":
        return Resolved("DATE", f"{(ref.year - 1) // 100 + amount:02d}", None, anchor)
    return None


def duration(count: int | float | str | None, unit_word: str, mod: str | None) -> Resolved | None:
    if count is None:
        return None
    unit = time_words().unit(unit_word)
    if isinstance(count, str):
        amount = "X"
    else:
        total = count * unit.factor
        amount = str(int(total)) if float(total).is_integer() else str(total)
    prefix = "PT" if unit.time else "P"
    return Resolved("DURATION", f"{prefix}{amount}{unit.letter}", mod, "none")


def quoted_deictic(rule: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    """"today" or "two years ago" quoted in a narrative of another time: the speaker's now is the
    story's time, not the publication date."""
    words = time_words()
    story = ctx.story if ctx.story_set_by_text else None
    if rule == "deictic_day":
        word = match["word"].lower()
        if story is None or story.day is None:
            return Resolved("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None, "none") \
                if word != "tonight" else Resolved("TIME", "XXXX-XX-XXTNI", None, "none")
        moved = shift(story, {"yesterday": -1, "tomorrow": 1}.get(word, 0), "day")
        return with_part(calendar_date(moved.year, moved.month, moved.day, "narrative"),  # type: ignore[union-attr]
                          "NI" if word == "tonight" else match_part(match))
    if rule == "ago" and story is not None:
        count = words.count(match["count"])
        if isinstance(count, int):
            return unit_shift(story, match["unit"], -count, "narrative")
    return None


def clock_time(match: re.Match[str], ctx: Context) -> Resolved | None:
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
    return Resolved("TIME", f"{day}T{hour:02d}:{minute:02d}{zone}", None, anchor)
