"""One rule's match to a TIMEX3 type, value, mod and anchor, given the running context."""

from __future__ import annotations

import datetime as dt
import re

from .calendar import Point, shift, valid_day, week_value, year_value
from .context import Context, Resolved, calendar_date, with_part
from .cues import in_quotation, inside_name, news_penalty, partner_year
from .lexicon import time_words
from .patterns import COUNTED_NOUN_AFTER, MONTH_CONTEXT, match_mod, match_month, match_part, match_year
from .relative import (
    clock_time,
    duration,
    infer_year,
    quoted_deictic,
    resolve_month_day,
    same_period_a_year_back,
    the_weekend,
    unit_shift,
    weekday_date,
)

_HALVES = {"the first half of": "H1", "the second half of": "H2", "the latter half of": "H2",
           "the latter part of": "H2"}
_DEICTIC_RULES = frozenset({"deictic_day", "this_part", "deictic_unit", "ago"})


def resolve(rule: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    words = time_words()
    groups = match.groupdict()
    mod = match_mod(match)
    if rule in ("date_mdy", "date_dmy", "date_iso", "date_slash", "part_of_date_dm", "part_of_date_md"):
        month = int(match["month"]) if match["month"].isdigit() else match_month(match)
        day = int(match["day"])
        if not groups.get("year"):
            return resolve_month_day(match, ctx, month, day)
        year = match_year(match)
        if year < 100:  # "7/8/07"
            pivot = (ctx.dct.year % 100) if ctx.dct else 30
            year += 2000 if year <= pivot else 1900
        if not valid_day(year, month, day):
            return None
        resolved = calendar_date(year, month, day, "absolute", mod)
        if groups.get("hour"):
            resolved.type, resolved.value = "TIME", f"{resolved.value}T{match['hour']}:{match['minute']}"
        return with_part(resolved, match_part(match))
    if rule == "month_year":
        return calendar_date(match_year(match), match_month(match), None, "absolute", mod)
    if rule == "month_that_year":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1,
                  "the preceding": -1, "last": -1}.get(" ".join(match["rel"].lower().split()), 0)
        base = ctx.dct if match["rel"].lower() in ("this", "last", "next") and ctx.dct else ref
        return calendar_date(base.year + offset, match_month(match), None, anchor, mod)
    if rule in ("month_day", "day_month"):
        return resolve_month_day(match, ctx, match_month(match), int(match["day"]))
    if rule == "month":
        before = ctx.text[max(0, match.start() - 16):match.start()]
        if not (groups.get("pos") or MONTH_CONTEXT.search(before) or before.endswith("(")
                or partner_year(ctx, match.end()) is not None):
            return None
        month = match_month(match)
        year, anchor = infer_year(ctx, month, None, match.end())
        if year is None:
            return Resolved("DATE", f"XXXX-{month:02d}", mod, "none")
        return calendar_date(year, month, None, anchor, mod)
    if rule in ("season", "season_fall", "season_det"):
        code = words.seasons[match["season"].lower()]
        det = " ".join((groups.get("det") or "").lower().split())
        if groups.get("year"):
            return Resolved("DATE", f"{year_value(match_year(match))}-{code}", mod, "absolute")
        if det in ("this", "last", "next") and ctx.dct:
            year = ctx.dct.year + {"last": -1, "next": 1}.get(det, 0)
            return Resolved("DATE", f"{year_value(year)}-{code}", mod, "dct")
        partner = partner_year(ctx, match.end())
        if partner is not None and not det:
            return Resolved("DATE", f"{year_value(partner)}-{code}", mod, "absolute")
        ref, anchor = ctx.year_reference()
        if groups.get("rel"):
            rel = " ".join(match["rel"].lower().split())
            base = ctx.dct if rel in ("this", "last", "next") and ctx.dct else ref
            anchor = "dct" if base is ctx.dct and rel in ("this", "last", "next") else anchor
            offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1,
                      "the preceding": -1, "last": -1}.get(rel, 0)
            if base is None:
                return None
            return Resolved("DATE", f"{year_value(base.year + offset)}-{code}", mod, anchor)
        if ref is None:
            return Resolved("DATE", f"XXXX-{code}", mod, "none")
        offset = {"the following": 1, "the previous": -1}.get(det, 0)
        return Resolved("DATE", f"{year_value(ref.year + offset)}-{code}", mod, anchor)
    if rule == "bc_range":
        return calendar_date(-int(match["year"]), None, None, "absolute")
    if rule == "bc_year":
        return calendar_date(-int(match["year"]), None, None, "absolute", mod)
    if rule == "year_range":
        return _year_only(match, ctx, mod)
    if rule == "year":
        resolved = _year_only(match, ctx, mod)
        half = " ".join((groups.get("pos") or "").lower().split())
        if resolved and half in _HALVES:
            resolved.value, resolved.mod = f"{resolved.value}-{_HALVES[half]}", None
        return resolved
    if rule == "decade_short":
        return Resolved("DATE", f"19{match['decade2'][0]}", mod, "absolute")
    if rule == "year_apostrophe":
        yy = int(match["yy"])
        pivot = (ctx.dct.year % 100) if ctx.dct else 30
        return calendar_date((2000 if yy <= pivot else 1900) + yy, None, None, "absolute")
    if rule == "decade":
        return Resolved("DATE", match["decade"][:3], mod, "absolute")
    if rule == "century":
        ordinal = match["ord"].lower()
        number = int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else words.ordinals[ordinal]
        bc = (groups.get("era") or "").upper().startswith("B")
        return Resolved("DATE", f"{'BC' if bc else ''}{number - 1:02d}", mod, "absolute")
    if rule in ("quarter", "quarter_code"):
        q = (match["q"] or match.groupdict().get("qa") or "").lower()
        number = int(q[0]) if q[0].isdigit() else (words.ordinals[q] if words.ordinals[q] > 0 else 4)
        if groups.get("year"):
            return Resolved("DATE", f"{match['year']}-Q{number}", mod, "absolute")
        ref, anchor = ctx.year_reference()
        rel = " ".join((groups.get("rel") or "").lower().split())
        if rel in ("this", "last", "next") and ctx.dct:
            ref, anchor = ctx.dct, "dct"
        if ref is None:
            return Resolved("DATE", f"XXXX-Q{number}", mod, "none")
        offset = {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        if anchor == "dct" and not rel and ref.month:
            current = (ref.month - 1) // 3 + 1
            if q in ("last", "final"):
                number, offset = (current - 1, 0) if current > 1 else (4, -1)
            elif number > current:  # the nearer of this year's and last year's, news leaning back
                ahead, behind = number - current, current + 4 - number
                offset = -1 if behind < ahead * news_penalty(ctx, match.start()) else 0
        return Resolved("DATE", f"{year_value(ref.year + offset)}-Q{number}", mod, anchor)
    if rule in _DEICTIC_RULES and ctx.displaced and in_quotation(ctx.text, match.start()):
        return quoted_deictic(rule, match, ctx)
    if rule == "deictic_day":
        word = match["word"].lower()
        if ctx.dct is None or ctx.dct.day is None:
            return Resolved("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None, "none")
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        moved = shift(ctx.dct, offset, "day")
        resolved = calendar_date(moved.year, moved.month, moved.day, "dct")  # type: ignore[union-attr]
        return with_part(resolved, "NI" if word == "tonight" else match_part(match))
    if rule == "this_part":
        word = match["word"].lower()
        if ctx.dct is None or ctx.dct.day is None:
            return None
        moved = shift(ctx.dct, {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0), "day")
        return with_part(calendar_date(moved.year, moved.month, moved.day, "dct"), match_part(match))  # type: ignore[union-attr]
    if rule == "deictic_unit":
        det, unit = match["det"].lower(), match["unit"].lower()
        if det == "past":
            return duration(1, unit, mod)
        if ctx.dct is None:
            return None
        offset = {"last": -1, "next": 1, "coming": 1}.get(det, 0)
        ref = ctx.dct if ctx.dct.day or unit not in ("week", "weekend") else None
        if ref is None:
            return None
        resolved = unit_shift(ref, unit, offset, "dct")
        if resolved:
            resolved.mod = mod
            resolved.point = None
        return resolved
    if rule == "week_of_month":
        month = match_month(match)
        if groups.get("year"):
            year, anchor = int(match["year"]), "absolute"
        else:
            year, anchor = infer_year(ctx, month, None)
        if year is None or year < 1:
            return None
        ordinal = words.ordinals[match["ord"].lower()]
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        # the last full week ends on the month's last day; the n-th starts on day 7(n-1)+1
        day = last - dt.timedelta(days=6) if ordinal < 0 else first + dt.timedelta(days=7 * (ordinal - 1))
        return Resolved("DATE", week_value(day), None, anchor)
    if rule == "pos_the_unit":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        resolved = unit_shift(ref, match["unit"], 0, anchor)
        if resolved:
            resolved.mod, resolved.point = mod, None
        return resolved
    if rule == "on_the_day":
        ref, anchor = ctx.day_reference()
        return calendar_date(ref.year, ref.month, ref.day, anchor) if ref else None
    if rule == "same_period_shift":
        return same_period_a_year_back(match["unit"].lower(), ctx)
    if rule == "whole_unit":  # "for the entire year": the year (month, …) last named
        ref, anchor = ctx.reference()
        if match["unit"].lower() == "year" and ctx.last_year is not None:
            ref, anchor = Point(ctx.last_year), "narrative"
        resolved = unit_shift(ref, match["unit"], 0, anchor) if ref else None
        if resolved:
            resolved.point = None
        return resolved
    if rule == "the_weekend":
        return the_weekend(ctx, match.start())
    if rule == "the_past_unit":
        return duration(1, match["unit"], None)
    if rule == "ago":
        if ctx.dct is None:
            return None
        count = words.count(match["count"])
        if not isinstance(count, int):
            return Resolved("DATE", "PAST_REF", mod, "dct")
        resolved = unit_shift(ctx.dct, match["unit"], -count, "dct")
        if resolved:
            resolved.mod = mod
        return resolved
    if rule == "weekday":
        weekday = words.weekdays[match["weekday"]]
        det = " ".join((groups.get("det") or "").split())
        resolved = weekday_date(ctx, weekday, det, match.start())
        return with_part(resolved, match_part(match)) if resolved else None
    if rule in ("relative_unit", "unit_relative"):
        ref, anchor = ctx.reference()
        if match["unit"].lower() == "year" and ctx.last_year is not None:
            ref, anchor = Point(ctx.last_year), "narrative"  # "last year, … than the year previous"
        if ref is None:
            return None
        rel = match["rel"].lower()
        offset = 1 if rel in ("next", "following", "after") else -1
        resolved = unit_shift(ref, match["unit"], offset, anchor)
        if resolved and offset < 0:
            resolved.point = None  # a flashback does not move the running time
        return resolved
    if rule in ("streak", "best_since"):  # "a second straight day", "its best week since May": the current
        if ctx.dct is None:
            return None
        unit = (match["unit"] or match.groupdict().get("unit2") or "").lower()
        unit = "day" if unit == "session" else unit
        resolved = unit_shift(ctx.dct, unit, 0, "dct")
        if resolved:
            resolved.point = None
        return resolved
    if rule == "present_era":
        return Resolved("DATE", "PRESENT_REF", None, "dct")
    if rule == "that_time":  # "by June 10 … by that time": the time last named
        ref, anchor = (ctx.last_point, "narrative") if ctx.last_point else ctx.reference()
        if ref is None or anchor != "narrative":
            return None
        return Resolved("DATE", ref.value(), None, anchor)
    if rule == "anaphoric":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        return unit_shift(ref, match["unit"], 0, anchor)
    if rule == "later_that":
        ref, anchor = ctx.reference()
        if ref is None:
            return None
        return unit_shift(ref, match["unit"], 0, anchor)
    if rule == "count_later":
        ref, anchor = ctx.reference()
        count = words.count(match["count"])
        if ref is None or not isinstance(count, int):
            return None
        if match["than"]:  # "arrives on November 11, three days later than planned": that day
            day, day_anchor = (ctx.last_day, "narrative") if ctx.last_day else ctx.day_reference()
            return calendar_date(day.year, day.month, day.day, day_anchor) if day else None
        backwards = match["rel"].lower().split()[0] in ("earlier", "before", "previously", "beforehand")
        unit = match["unit"].lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        if unit in ("decade", "century"):
            count, unit = count * (10 if unit == "decade" else 100), "year"
        if unit == "week" and ref.day:
            moved = shift(ref, -count if backwards else count, "week")
            if moved is None:
                return None
            resolved = calendar_date(moved.year, moved.month, moved.day, anchor)
            resolved.point = None if backwards else resolved.point
            return resolved
        resolved = unit_shift(ref, unit, -count if backwards else count, anchor)
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
                return calendar_date(moved.year, moved.month, moved.day, anchor) if moved else None
            if unit.startswith(("year", "month")) and ctx.displaced:
                return unit_shift(ref, unit.rstrip("s"), sign * count, anchor)
        return duration(count, unit, mod)
    if rule == "the_next_count":
        return duration(words.count(match["count"]), match["unit"], None)
    if rule == "duration":
        if match["count"].isdigit() and len(match["count"]) == 4 and match["unit"].lower().startswith("year"):
            return None  # "1918 years" is not a duration anyone writes; "2008 year" is a year
        return duration(words.count(match["count"]), match["unit"], mod)
    if rule in ("duration_quarters",):
        count = words.count(match["count"])
        return Resolved("DURATION", f"P{count}Q", mod, "none") if isinstance(count, int) else None
    if rule == "single_unit":
        return duration(1, match["unit"], None)
    if rule == "vague_long":
        return duration("X", match["unit"].lower(), None)
    if rule == "vague_years":
        return duration("X", match["unit"].lower().removesuffix("s"), None)
    if rule == "plural_units":
        return duration("X", match["unit"].lower().removesuffix("s").replace("centurie", "century"), None)
    if rule == "set_every":
        count = words.count(match["count"]) if groups.get("count") else 1
        resolved = duration(count, match["unit"], None)
        if resolved:
            resolved.type = "SET"
        return resolved
    if rule == "set_times":
        resolved = duration(1, match["unit"], None)
        if resolved:
            resolved.type = "SET"
        return resolved
    if rule == "set_weekday":
        return Resolved("SET", f"XXXX-WXX-{words.weekdays[match['weekday']] + 1}", None, "none")
    if rule == "set_word":
        return Resolved("SET", words.sets[" ".join(match["word"].lower().split())], None, "none")
    if rule == "reference":
        value = words.references[" ".join(match["word"].lower().split())]
        return Resolved("DATE", value, None, "none") if value else None
    if rule in ("clock", "clock24", "clock_military", "noon"):
        return clock_time(match, ctx)
    if rule == "trading_part":  # "rose in morning trading": that part of the news day
        ref, anchor = ctx.day_reference()
        if ref is None:
            return None
        return with_part(calendar_date(ref.year, ref.month, ref.day, anchor), match_part(match))
    if rule == "day_part":
        ref, anchor = ctx.reference()
        part = match_part(match)
        return Resolved("TIME", f"XXXX-XX-XXT{part}", None, "none")
    if rule == "holiday":
        month, day = words.holidays[match["holiday"]]
        if groups.get("year"):
            return calendar_date(int(match["year"]), month, day, "absolute")
        year, anchor = infer_year(ctx, month, day)
        return calendar_date(year, month, day, anchor) if year else None
    return None


def _year_only(match: re.Match[str], ctx: Context, mod: str | None) -> Resolved | None:
    after = ctx.text[match.end():match.end() + 30]
    if COUNTED_NOUN_AFTER.match(after) and not match.groupdict().get("era"):
        return None  # "1500 soldiers": a count, not a year
    if inside_name(ctx.text, match.start(), match.end()):
        return None
    year = match_year(match)
    return calendar_date(year, None, None, "absolute", mod)
