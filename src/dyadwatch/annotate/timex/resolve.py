"""One rule's match to a TIMEX3 type, value, mod and anchor, given the running context.

Each rule (or family of rules sharing a reading) has its own resolver, registered under the rule
names it reads; `resolve` dispatches on the name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .calendar import Point, shift, valid_day, week_value, year_value
from .context import Context, Resolved, calendar_date, with_part
from .cues import in_quotation, inside_name, news_penalty, partner_year
from .lexicon import time_words
from .patterns import (
    COUNTED_NOUN_AFTER,
    MONTH_CONTEXT,
    group_text,
    match_mod,
    match_month,
    match_part,
    match_year,
)
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

Resolver = Callable[[re.Match[str], Context], Resolved | None]

_HALVES = {"the first half of": "H1", "the second half of": "H2", "the latter half of": "H2",
           "the latter part of": "H2"}
_DEICTIC_RULES = frozenset({"deictic_day", "this_part", "deictic_unit", "ago"})
_YEAR_OFFSETS = {"the following": 1, "the next": 1, "next": 1, "the previous": -1, "the preceding": -1,
                 "last": -1}
_RESOLVERS: dict[str, Resolver] = {}


def resolve(rule: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    if rule in _DEICTIC_RULES and ctx.displaced and in_quotation(ctx.text, match.start()):
        return quoted_deictic(rule, match, ctx)
    resolver = _RESOLVERS.get(rule)
    return resolver(match, ctx) if resolver is not None else None


def _reads(*rules: str) -> Callable[[Resolver], Resolver]:
    """Registers the decorated function as the resolver of `rules`."""
    def register(resolver: Resolver) -> Resolver:
        for rule in rules:
            _RESOLVERS[rule] = resolver
        return resolver
    return register


def _words_of(match: re.Match[str], group: str) -> str:
    """The group's text lowercased with its whitespace runs made single spaces ("" when absent)."""
    return " ".join((group_text(match, group) or "").lower().split())


@_reads("date_mdy", "date_dmy", "date_iso", "date_slash", "part_of_date_dm", "part_of_date_md")
def _full_date(match: re.Match[str], ctx: Context) -> Resolved | None:
    month = int(match["month"]) if match["month"].isdigit() else match_month(match)
    day = int(match["day"])
    if not group_text(match, "year"):
        return resolve_month_day(match, ctx, month, day)
    year = match_year(match)
    if year < 100:  # "7/8/07"
        pivot = (ctx.dct.year % 100) if ctx.dct else 30
        year += 2000 if year <= pivot else 1900
    if not valid_day(year, month, day):
        return None
    resolved = calendar_date(year, month, day, "absolute", match_mod(match))
    if group_text(match, "hour"):
        resolved.type, resolved.value = "TIME", f"{resolved.value}T{match['hour']}:{match['minute']}"
    return with_part(resolved, match_part(match))


@_reads("month_year")
def _month_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    return calendar_date(match_year(match), match_month(match), None, "absolute", match_mod(match))


@_reads("month_that_year")
def _month_that_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.reference()
    if ref is None:
        return None
    offset = _YEAR_OFFSETS.get(" ".join(match["rel"].lower().split()), 0)
    base = ctx.dct if match["rel"].lower() in ("this", "last", "next") and ctx.dct else ref
    return calendar_date(base.year + offset, match_month(match), None, anchor, match_mod(match))


@_reads("month_day", "day_month")
def _month_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    return resolve_month_day(match, ctx, match_month(match), int(match["day"]))


@_reads("month")
def _month(match: re.Match[str], ctx: Context) -> Resolved | None:
    before = ctx.text[max(0, match.start() - 16):match.start()]
    if not (group_text(match, "pos") or MONTH_CONTEXT.search(before) or before.endswith("(")
            or partner_year(ctx, match.end()) is not None):
        return None
    month, mod = match_month(match), match_mod(match)
    year, anchor = infer_year(ctx, month, None, match.end())
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}", mod, "none")
    return calendar_date(year, month, None, anchor, mod)


@_reads("season", "season_fall", "season_det")
def _season(match: re.Match[str], ctx: Context) -> Resolved | None:
    code = time_words().seasons[match["season"].lower()]
    det = _words_of(match, "det")
    mod = match_mod(match)
    if group_text(match, "year"):
        return Resolved("DATE", f"{year_value(match_year(match))}-{code}", mod, "absolute")
    if det in ("this", "last", "next") and ctx.dct:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(det, 0)
        return Resolved("DATE", f"{year_value(year)}-{code}", mod, "dct")
    partner = partner_year(ctx, match.end())
    if partner is not None and not det:
        return Resolved("DATE", f"{year_value(partner)}-{code}", mod, "absolute")
    ref, anchor = ctx.year_reference()
    if group_text(match, "rel"):
        rel = " ".join(match["rel"].lower().split())
        base = ctx.dct if rel in ("this", "last", "next") and ctx.dct else ref
        anchor = "dct" if base is ctx.dct and rel in ("this", "last", "next") else anchor
        if base is None:
            return None
        return Resolved("DATE", f"{year_value(base.year + _YEAR_OFFSETS.get(rel, 0))}-{code}", mod, anchor)
    if ref is None:
        return Resolved("DATE", f"XXXX-{code}", mod, "none")
    offset = {"the following": 1, "the previous": -1}.get(det, 0)
    return Resolved("DATE", f"{year_value(ref.year + offset)}-{code}", mod, anchor)


@_reads("bc_range")
def _bc_range(match: re.Match[str], ctx: Context) -> Resolved | None:
    return calendar_date(-int(match["year"]), None, None, "absolute")


@_reads("bc_year")
def _bc_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    return calendar_date(-int(match["year"]), None, None, "absolute", match_mod(match))


@_reads("year_range")
def _year_range(match: re.Match[str], ctx: Context) -> Resolved | None:
    return _year_only(match, ctx, match_mod(match))


@_reads("year")
def _year(match: re.Match[str], ctx: Context) -> Resolved | None:
    resolved = _year_only(match, ctx, match_mod(match))
    half = _words_of(match, "pos")
    if resolved and half in _HALVES:
        resolved.value, resolved.mod = f"{resolved.value}-{_HALVES[half]}", None
    return resolved


def _year_only(match: re.Match[str], ctx: Context, mod: str | None) -> Resolved | None:
    after = ctx.text[match.end():match.end() + 30]
    if COUNTED_NOUN_AFTER.match(after) and not group_text(match, "era"):
        return None  # "1500 soldiers": a count, not a year
    if inside_name(ctx.text, match.start(), match.end()):
        return None
    year = match_year(match)
    return calendar_date(year, None, None, "absolute", mod)


@_reads("decade_short")
def _decade_short(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", f"19{match['decade2'][0]}", match_mod(match), "absolute")


@_reads("year_apostrophe")
def _year_apostrophe(match: re.Match[str], ctx: Context) -> Resolved | None:
    yy = int(match["yy"])
    pivot = (ctx.dct.year % 100) if ctx.dct else 30
    return calendar_date((2000 if yy <= pivot else 1900) + yy, None, None, "absolute")


@_reads("decade")
def _decade(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", match["decade"][:3], match_mod(match), "absolute")


@_reads("century")
def _century(match: re.Match[str], ctx: Context) -> Resolved | None:
    ordinal = match["ord"].lower()
    number = int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else time_words().ordinals[ordinal]
    bc = (group_text(match, "era") or "").upper().startswith("B")
    return Resolved("DATE", f"{'BC' if bc else ''}{number - 1:02d}", match_mod(match), "absolute")


@_reads("quarter", "quarter_code")
def _quarter(match: re.Match[str], ctx: Context) -> Resolved | None:
    ordinals = time_words().ordinals
    mod = match_mod(match)
    q = (match["q"] or group_text(match, "qa") or "").lower()
    number = int(q[0]) if q[0].isdigit() else (ordinals[q] if ordinals[q] > 0 else 4)
    if group_text(match, "year"):
        return Resolved("DATE", f"{match['year']}-Q{number}", mod, "absolute")
    ref, anchor = ctx.year_reference()
    rel = _words_of(match, "rel")
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


@_reads("deictic_day")
def _deictic_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = match["word"].lower()
    if ctx.dct is None or ctx.dct.day is None:
        return Resolved("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX", None, "none")
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    moved = shift(ctx.dct, offset, "day")
    resolved = calendar_date(moved.year, moved.month, moved.day, "dct")  # type: ignore[union-attr]
    return with_part(resolved, "NI" if word == "tonight" else match_part(match))


@_reads("this_part")
def _this_part(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = match["word"].lower()
    if ctx.dct is None or ctx.dct.day is None:
        return None
    moved = shift(ctx.dct, {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0), "day")
    return with_part(calendar_date(moved.year, moved.month, moved.day, "dct"), match_part(match))  # type: ignore[union-attr]


@_reads("deictic_unit")
def _deictic_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    det, unit = match["det"].lower(), match["unit"].lower()
    mod = match_mod(match)
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


@_reads("week_of_month")
def _week_of_month(match: re.Match[str], ctx: Context) -> Resolved | None:
    month = match_month(match)
    if group_text(match, "year"):
        year, anchor = int(match["year"]), "absolute"
    else:
        year, anchor = infer_year(ctx, month, None)
    if year is None or year < 1:
        return None
    ordinal = time_words().ordinals[match["ord"].lower()]
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    # the last full week ends on the month's last day; the n-th starts on day 7(n-1)+1
    day = last - dt.timedelta(days=6) if ordinal < 0 else first + dt.timedelta(days=7 * (ordinal - 1))
    return Resolved("DATE", week_value(day), None, anchor)  # type: ignore[arg-type]


@_reads("pos_the_unit")
def _pos_the_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.reference()
    if ref is None:
        return None
    resolved = unit_shift(ref, match["unit"], 0, anchor)
    if resolved:
        resolved.mod, resolved.point = match_mod(match), None
    return resolved


@_reads("on_the_day")
def _on_the_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.day_reference()
    return calendar_date(ref.year, ref.month, ref.day, anchor) if ref else None


@_reads("same_period_shift")
def _same_period_shift(match: re.Match[str], ctx: Context) -> Resolved | None:
    return same_period_a_year_back(match["unit"].lower(), ctx)


@_reads("whole_unit")
def _whole_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    """"for the entire year": the year (month, …) last named."""
    ref, anchor = ctx.reference()
    if match["unit"].lower() == "year" and ctx.last_year is not None:
        ref, anchor = Point(ctx.last_year), "narrative"
    resolved = unit_shift(ref, match["unit"], 0, anchor) if ref else None
    if resolved:
        resolved.point = None
    return resolved


@_reads("the_weekend")
def _the_weekend(match: re.Match[str], ctx: Context) -> Resolved | None:
    return the_weekend(ctx, match.start())


@_reads("the_past_unit")
def _the_past_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration(1, match["unit"], None)


@_reads("ago")
def _ago(match: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.dct is None:
        return None
    mod = match_mod(match)
    count = time_words().count(match["count"])
    if not isinstance(count, int):
        return Resolved("DATE", "PAST_REF", mod, "dct")
    resolved = unit_shift(ctx.dct, match["unit"], -count, "dct")
    if resolved:
        resolved.mod = mod
    return resolved


@_reads("weekday")
def _weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    weekday = time_words().weekdays[match["weekday"]]
    det = " ".join((group_text(match, "det") or "").split())
    resolved = weekday_date(ctx, weekday, det, match.start())
    return with_part(resolved, match_part(match)) if resolved else None


@_reads("relative_unit", "unit_relative")
def _relative_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
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


@_reads("streak", "best_since")
def _current_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    """"a second straight day", "its best week since May": the current one."""
    if ctx.dct is None:
        return None
    unit = (match["unit"] or group_text(match, "unit2") or "").lower()
    unit = "day" if unit == "session" else unit
    resolved = unit_shift(ctx.dct, unit, 0, "dct")
    if resolved:
        resolved.point = None
    return resolved


@_reads("present_era")
def _present_era(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", "PRESENT_REF", None, "dct")


@_reads("that_time")
def _that_time(match: re.Match[str], ctx: Context) -> Resolved | None:
    """"by June 10 … by that time": the time last named."""
    ref, anchor = (ctx.last_point, "narrative") if ctx.last_point else ctx.reference()
    if ref is None or anchor != "narrative":
        return None
    return Resolved("DATE", ref.value(), None, anchor)


@_reads("anaphoric", "later_that")
def _same_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.reference()
    if ref is None:
        return None
    return unit_shift(ref, match["unit"], 0, anchor)


@_reads("count_later")
def _count_later(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.reference()
    count = time_words().count(match["count"])
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
        resolved.mod = match_mod(match)
        if backwards:
            resolved.point = None  # a flashback does not move the running time
    return resolved


@_reads("count_after_event")
def _count_after_event(match: re.Match[str], ctx: Context) -> Resolved | None:
    ref, anchor = ctx.reference()
    count = time_words().count(match["count"])
    unit = match["unit"].lower()
    sign = 1 if match["rel"].lower() == "after" else -1
    if isinstance(count, int) and ref is not None and anchor == "narrative" \
            and (ctx.displaced or ctx.story_has_moved()):
        if unit.startswith(("day", "week")) and ref.day is not None:
            moved = shift(ref, sign * count, "week" if unit.startswith("week") else "day")
            return calendar_date(moved.year, moved.month, moved.day, anchor) if moved else None
        if unit.startswith(("year", "month")) and ctx.displaced:
            return unit_shift(ref, unit.rstrip("s"), sign * count, anchor)
    return duration(count, unit, match_mod(match))


@_reads("the_next_count")
def _the_next_count(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration(time_words().count(match["count"]), match["unit"], None)


@_reads("duration")
def _duration(match: re.Match[str], ctx: Context) -> Resolved | None:
    if match["count"].isdigit() and len(match["count"]) == 4 and match["unit"].lower().startswith("year"):
        return None  # "1918 years" is not a duration anyone writes; "2008 year" is a year
    return duration(time_words().count(match["count"]), match["unit"], match_mod(match))


@_reads("duration_quarters")
def _duration_quarters(match: re.Match[str], ctx: Context) -> Resolved | None:
    count = time_words().count(match["count"])
    return Resolved("DURATION", f"P{count}Q", match_mod(match), "none") if isinstance(count, int) else None


@_reads("single_unit")
def _single_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration(1, match["unit"], None)


@_reads("vague_long")
def _vague_long(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration("X", match["unit"].lower(), None)


@_reads("vague_years")
def _vague_years(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration("X", match["unit"].lower().removesuffix("s"), None)


@_reads("plural_units")
def _plural_units(match: re.Match[str], ctx: Context) -> Resolved | None:
    return duration("X", match["unit"].lower().removesuffix("s").replace("centurie", "century"), None)


@_reads("set_every")
def _set_every(match: re.Match[str], ctx: Context) -> Resolved | None:
    count = time_words().count(match["count"]) if group_text(match, "count") else 1
    return _as_set(duration(count, match["unit"], None))


@_reads("set_times")
def _set_times(match: re.Match[str], ctx: Context) -> Resolved | None:
    return _as_set(duration(1, match["unit"], None))


def _as_set(resolved: Resolved | None) -> Resolved | None:
    if resolved:
        resolved.type = "SET"
    return resolved


@_reads("set_weekday")
def _set_weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("SET", f"XXXX-WXX-{time_words().weekdays[match['weekday']] + 1}", None, "none")


@_reads("set_word")
def _set_word(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("SET", time_words().sets[" ".join(match["word"].lower().split())], None, "none")


@_reads("reference")
def _reference(match: re.Match[str], ctx: Context) -> Resolved | None:
    value = time_words().references[" ".join(match["word"].lower().split())]
    return Resolved("DATE", value, None, "none") if value else None


@_reads("clock", "clock24", "clock_military", "noon")
def _clock(match: re.Match[str], ctx: Context) -> Resolved | None:
    return clock_time(match, ctx)


@_reads("trading_part")
def _trading_part(match: re.Match[str], ctx: Context) -> Resolved | None:
    """"rose in morning trading": that part of the news day."""
    ref, anchor = ctx.day_reference()
    if ref is None:
        return None
    return with_part(calendar_date(ref.year, ref.month, ref.day, anchor), match_part(match))


@_reads("day_part")
def _day_part(match: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("TIME", f"XXXX-XX-XXT{match_part(match)}", None, "none")


@_reads("holiday")
def _holiday(match: re.Match[str], ctx: Context) -> Resolved | None:
    month, day = time_words().holidays[match["holiday"]]
    if group_text(match, "year"):
        return calendar_date(int(match["year"]), month, day, "absolute")
    year, anchor = infer_year(ctx, month, day)
    return calendar_date(year, month, day, anchor) if year else None
