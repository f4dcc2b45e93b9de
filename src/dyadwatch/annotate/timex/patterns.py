"""Regular expressions that find time expressions, built from the lexicon, and readers of the
named groups they capture. Each rule has a name the resolver dispatches on; overlapping matches
are settled by length, then rule order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alternation, time_words


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    # A pattern every match of `pattern` holds a match of, found quickly (it begins with a digit
    # or a space, which the engine skips to): a window where it finds nothing is not searched
    # with `pattern`.
    core: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    w = time_words()
    full_months = [m for m in w.months if len(m) > 4 or m in ("June", "July", "May")]
    short_months = [m for m in w.months if m not in full_months]
    month = (rf"(?P<month>{alternation(full_months, case_insensitive=False)}(?![A-Za-z])|"
             rf"{alternation(short_months, case_insensitive=False)}(?![A-Za-z])\.?)")
    weekday = rf"(?P<weekday>{alternation(w.weekdays, case_insensitive=False)})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    day2 = r"(?:\s*(?:-|–|—|to|and|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]))?"
    year = r"(?P<year>(?:1\d|20)\d\d)(?!\d|:\d)"
    era = r"(?:\s*(?P<era>B\.\s?C\.(?:E\.)?|BCE|BC|A\.D\.|AD|CE)(?![A-Za-z]))?"
    bc = r"\s*(?P<era>B\.\s?C\.(?:E\.)?|BCE|BC)(?![A-Za-z])"
    pos = rf"(?:(?P<pos>{alternation(w.position_mods)})(?:\s*-\s*|\s+))?"
    qmod = rf"(?:(?P<qmod>{alternation(w.quantity_mods)})\s+)?"
    count = rf"(?P<count>(?!(?i:a\s+second)\b)(?:\d+(?:\.\d+)?|{alternation(w.numbers)}(?:\s+and\s+a\s+half)?|" \
            rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)))"
    qualifier = rf"(?:(?i:{alternation(w.unit_qualifiers)})\s+)?"  # "five trading days"
    units = qualifier + r"(?P<unit>(?i:second|minute|hour|day|night|weekend|week|fortnight|month|year|decade|centur(?:y|ie)))"
    part = r"(?P<part>(?i:morning|afternoon|evening|night))"
    season = r"(?P<season>(?i:spring|summer|autumn|winter))"
    anaphoric_det = r"(?P<det>(?i:that\s+same|the\s+same|that|the\s+very\s+same))"
    rel_year = r"(?P<rel>(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|this|last|next))\s+(?i:year)"
    not_named_day = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in w.named_day_words)
    streak_units = r"(?i:day|session|week|month|year|quarter)"
    wd_pre = rf"(?:{weekday},?\s+)?"
    # the last digit of a day and the month name after it: "5 May", "6-8th of June"
    day_then_month = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{month}")

    def rule(name: str, pattern: str, flags: int = 0, core: re.Pattern[str] | None = None) -> Rule:
        return Rule(name, re.compile(pattern, flags), core)

    return (
        rule("date_mdy", rf"\b{wd_pre}(?:the\s+)?{pos}{month}\s+{day}{day2},?\s+{year}{era}"),
        rule("date_dmy", rf"\b{wd_pre}(?:the\s+)?{pos}{day}{day2}\s+(?:of\s+)?{month},?\s+{year}{era}",
             core=day_then_month),
        rule("date_iso", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b"),
        rule("date_slash", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b"),
        rule("part_of_date_dm", rf"(?i:\bthe\s+){part}(?i:\s+of\s+){wd_pre}(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year}{era})?",
             core=day_then_month),
        rule("part_of_date_md", rf"(?i:\bthe\s+){part}(?i:\s+of\s+){wd_pre}{month}\s+{day}(?:,?\s+{year}{era})?"),
        rule("month_year", rf"\b{pos}{month},?\s+(?:of\s+)?{year}{era}"),
        rule("month_that_year", rf"\b{pos}{month}\s+(?i:of\s+){rel_year}"),
        rule("month_day", rf"\b{wd_pre}{pos}{month}\s+{day}{day2}(?:\s+{part})?"),
        rule("day_month", rf"\b{wd_pre}(?:the\s+)?{pos}{day}{day2}\s+(?:of\s+)?{month}", core=day_then_month),
        rule("month", rf"\b{pos}{month}"),
        rule("season", rf"\b(?:(?P<the>the)\s+)?{pos}{season}(?:\s+(?:of\s+)?(?:{year}{era}|{rel_year}))?", re.I),
        rule("season_fall", rf"\b(?i:the\s+)?{pos}(?P<season>(?i:fall))\s+(?i:of\s+)?{year}{era}"),
        rule("season_det", rf"\b(?P<det>(?i:this|last|next|that|the\s+following|the\s+previous|the\s+next|the\s+same|early|late))\s+{season}"),
        rule("bc_range", r"\b(?P<year>\d{1,4})\s*(?:-|–|to)\s*(?P<year2>\d{1,4})" + bc),
        rule("bc_year", rf"\b{pos}(?P<year>\d{{1,4}}){bc}"),
        rule("year_range", r"(?<![\d$£€.,/-])(?P<year>(?:1\d|20)\d\d)\s*(?:-|–|—|to)\s*(?P<year2>(?:1\d|20)?\d\d)(?![\d%])"),
        rule("year", rf"(?<![\d$£€.,/-]){pos}(?:(?i:the\s+year\s+))?{year}{era}(?![\d%]|,\d|\.\d)"),
        rule("decade_short", r"(?<![\w'])(?:(?i:the)\s+)?'?(?P<decade2>[3-9]0)'?s\b"),
        rule("year_apostrophe", r"(?<![\w'])['’](?P<yy>\d\d)\b(?!['’]?s)"),
        rule("decade", rf"\b(?i:the\s+)?{pos}(?P<decade>(?:1\d|20)\d0)'?s\b"),
        rule("century", rf"\b(?i:the\s+)?{pos}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{alternation(w.ordinals)}))[\s-]+(?i:century){era}"),
        rule("quarter", rf"\b(?:(?i:the\s+)(?P<q>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+|(?P<qa>(?i:first|second|third|fourth|1st|2nd|3rd|4th))-)(?i:quarter)(?:\s+(?i:of\s+)(?:{year}|{rel_year}))?"),
        rule("quarter_code", r"\bQ(?P<q>[1-4])(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
        rule("present_era", r"\b(?P<span>(?i:today))['’]s\s+(?=[A-Z])"),  # "today's Russia": the present, not a day
        rule("deictic_day", rf"\b(?P<dir>(?i:earlier|later)\s+)?(?P<word>(?i:today|yesterday|tomorrow|tonight))(?:\s+{part})?\b"),
        rule("this_part", rf"\b(?P<word>(?i:this|yesterday|tomorrow|last))\s+{part}\b"),
        rule("deictic_unit", rf"\b{pos}(?:(?P<dir>(?i:earlier|later))\s+)?(?P<det>(?i:this|last|next|coming|current|past))\s+(?P<unit>(?i:week|weekend|month|year|decade|quarter|century))\b(?!\s+(?i:of)\b)"),
        rule("week_of_month", rf"\b(?i:the\s+)(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of\s+){month}(?:,?\s+{year})?"),
        rule("pos_the_unit", r"\b(?P<pos>(?i:the\s+(?:end|beginning|start|middle|close)\s+of|early\s+in|late\s+in))\s+(?i:the\s+)(?P<unit>(?i:year|month|week|day))\b"),
        rule("on_the_day", r"\b(?i:on|for|during|across|through|end|ended|ending|finish|finished|finishing|close|closed|closing|in)\s+(?P<span>(?i:the\s+day))\b(?!\s+(?i:before|after|of|when|that|on|in|following)\b)",
             core=re.compile(r"\s(?i:the\s+day)\b")),
        rule("same_period_shift", r"\b(?i:the\s+same)\s+(?P<unit>(?i:period|month|quarter|week|day|time))\s+(?i:of\s+)?(?i:(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:ago|earlier|before))\b"),
        rule("whole_unit", r"\b(?i:the\s+(?:entire|whole|full))\s+(?P<unit>(?i:year|month|week|day))\b(?!\s+(?i:of|before|after)\b)"),
        rule("the_weekend", r"\b(?i:during|over|at|on|across|through)\s+(?P<span>(?i:the\s+weekend))\b(?!\s+(?i:of|before|after)\b)"),
        rule("the_past_unit", r"\b(?i:the\s+)(?P<det>(?i:past|last))\s+(?P<unit>(?i:week|month|year|decade|century))\b(?!\s+(?i:of)\b)"),
        rule("ago", rf"\b{qmod}{count}[\s-]+{units}s?\s+(?i:ago)\b", re.I),
        rule("weekday", rf"\b{not_named_day}(?:(?P<det>(?i:last|next|this|that|the\s+following|the\s+previous|the\s+next))\s+)?{weekday}(?:\s+{part})?\b"),
        rule("relative_unit", r"\b(?i:the\s+)(?P<rel>(?i:next|following|previous|preceding|prior))\s+(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year|decade))\b"),
        rule("unit_relative", r"\b(?i:the\s+)(?P<unit>(?i:day|night|week|month|year))\s+(?P<rel>(?i:before|after|previous|prior|earlier))\b"),
        rule("streak", rf"\b(?:(?i:an?|the|its|their)\s+)?(?:(?i:{alternation(w.ordinals)})|\d+(?:st|nd|rd|th))\s+(?:(?i:consecutive|straight|successive|running)\s+(?P<unit>{streak_units})\b|(?P<unit2>{streak_units})\s+(?i:in\s+a\s+row)\b)",
             core=re.compile(r"\s(?i:consecutive|straight|successive|running|in\s+a\s+row)")),
        rule("best_since", rf"\b(?i:its|their|the)\s+(?i:best|worst|biggest|strongest|weakest|largest|sharpest|steepest)\s+(?P<span>(?P<unit>{streak_units}))\s+(?i:since|in|on\s+record)\b"),
        rule("anaphoric", rf"\b{anaphoric_det}\s+(?P<unit>(?i:day|night|morning|afternoon|evening|week|weekend|month|year))\b"),
        rule("that_time", r"\b(?i:by|at|until|till|since|during|in|from)\s+(?P<span>(?i:that\s+time))\b"),
        rule("later_that", r"\b(?P<dir>(?i:later|earlier))\s+(?i:that|the\s+same|in\s+the)\s+(?P<unit>(?i:day|night|morning|afternoon|evening|week|month|year))\b"),
        rule("count_later", rf"\b{qmod}{count}[\s-]+{units}s?\s+(?P<rel>(?i:later|afterwards?|after\s+that|thereafter|earlier|before\s+that|previously|beforehand))\b(?:(?=(?P<than>\s+than\b)))?", re.I),
        rule("count_after_event", rf"\b{qmod}(?P<span>{count}[\s-]+{units}s?)\s+(?P<rel>(?i:after|before))\s", re.I),
        rule("the_next_count", rf"\b(?i:the\s+)(?P<rel>(?i:past|last|next|coming|following|previous|first|final))\s+{count}\s+{units}s?\b", re.I),
        rule("duration", rf"\b{qmod}{count}[\s-]+(?:(?i:straight|consecutive|successive|full|whole|more|additional|long)\s+)?{units}s?(?:[\s-]long)?\b", re.I),
        rule("duration_quarters", rf"\b{qmod}{count}\s+(?i:straight|consecutive|successive|full)\s+(?P<unit>(?i:quarter))s?\b", re.I),
        rule("vague_years", r"\b(?i:over|in|for)\s+(?P<span>(?:(?i:the|recent|the\s+recent)\s+)?(?P<unit>(?i:years|decades|months|weeks)))\b(?!\s+(?:(?i:of|ago|later|earlier|before|after)\b|\d))"),
        rule("vague_long", r"\b(?P<unit>(?i:decade|year|month|week))s-long\b"),
        rule("single_unit", r"\b(?P<count>(?i:single|one))-(?P<unit>(?i:day|week|month|year))\b"),
        rule("plural_units", r"\b(?i:for|over|within|after|lasted|took|in|just)\s+(?P<span>(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades|centuries)))\b"),
        rule("set_every", rf"\b(?i:every|each)\s+(?:{count}\s+)?{units}s?\b", re.I),
        rule("set_times", rf"\b(?P<times>(?i:once|twice|three\s+times|four\s+times|several\s+times))\s+(?i:a|per|each|every)\s+{units}\b"),
        rule("set_weekday", rf"\b(?i:every|each)\s+{weekday}\b"),
        rule("set_word", rf"\b(?P<word>{alternation(w.sets)})\b"),
        rule("reference", rf"\b(?P<word>{alternation(k for k, v in w.references.items() if v)})\b"),
        rule("clock", r"\b(?P<hour>[0-2]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))(?:\s+(?P<tz>UTC|GMT|(?i:Moscow|Beijing|local)\s+time))?"),
        rule("clock24", r"\b(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?:\s*(?P<tz>UTC|GMT|(?i:hrs|hours)))?(?!\d)"),
        rule("clock_military", r"\b(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)\s*(?P<tz>UTC|GMT)\b"),
        rule("noon", r"\b(?P<word>(?i:noon|midday|midnight))\b"),
        rule("trading_part", rf"\b(?i:in|during)\s+(?:(?i:early|late)\s+)?(?P<span>{part})\s+(?i:trading|trade|dealings|session)\b"),
        rule("day_part", rf"\b(?i:at|by|during|overnight|through)\s+(?P<span>(?:(?i:the)\s+)?{part})\b(?!\s+(?i:of)\b)"),
        rule("holiday", rf"\b(?P<holiday>{alternation(w.holidays, case_insensitive=False)})(?:\s+{year})?\b"),
    )


def _trigger_words() -> tuple[set[str], set[str]]:
    """The words that start a trigger: capitalized ones (case kept) and the others (any case)."""
    w = time_words()
    words = {*w.seasons, *w.day_parts, *w.references, *w.sets, *w.units, "centuries", "ago",
             "noon", "midday", "midnight", "today", "yesterday", "tomorrow", "tonight", "fall",
             "quarter", "half", "session"}
    capitalized = {*w.months, *w.weekdays, *(h.split()[0] for h in w.holidays)}
    return capitalized, words


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Every time expression holds one of these: a digit, a month or weekday name, or a time
    word of the lexicon. Rules run only in windows around them."""
    capitalized, words = _trigger_words()
    return re.compile(rf"\d|\b(?:{alternation(capitalized, case_insensitive=False)}|"
                      rf"{alternation(words)})")


@lru_cache(maxsize=1)
def trigger_after() -> re.Pattern[str]:
    """What trigger() finds after the start of a text, found faster: a run of digits (each digit a
    trigger), or a non-word character and the trigger word after it (the trigger starts one
    character later). A pattern that begins with a character class is searched by skipping the
    characters outside it; trigger()'s \\b is tried at every character."""
    capitalized, words = _trigger_words()
    return re.compile(rf"[\d\W](?:(?<=\d)\d*|{alternation(capitalized, case_insensitive=False)}|"
                      rf"{alternation(words, folded=True)})")


@lru_cache(maxsize=1)
def trigger_after_lowered() -> re.Pattern[str]:
    """Where trigger_after() can find a trigger, found about twice as fast in lowercased text:
    every trigger word in lower case and literal letters (the engine skips an alternative on its
    first letter when that is a literal, not when it is a class such as [Dd]). It finds more than
    trigger_after does (the verb "may"), so each place it finds is to be confirmed with that."""
    capitalized, words = _trigger_words()
    lowered = sorted({word.lower() for word in (*capitalized, *words)})
    return re.compile(rf"[\d\W](?:(?<=\d)\d*|{alternation(lowered, case_insensitive=False)})")


# A partner date that lends its year: "26 June - 4 August 1952", "April and June 1955",
# "the summer and autumn of 481 BC".
YEAR_FROM_PARTNER = re.compile(
    r"(?:\s*[-–—]\s*|\s+(?:to|until|and|or|through)\s+)(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?"
    r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:[A-Z][a-z]+\.?|(?i:spring|summer|autumn|fall|winter))"
    r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?(?P<year>\d{1,4})(?:\s*(?P<era>BC|B\.C\.|BCE))?(?![\d:])"
)
# Past-tense verbs, the cue that a weekday lies behind: "said Friday", "met Xi on Monday".
PAST_VERB = re.compile(  # not a participle after "be" ("should be completed")
    r"(?i:\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?:\w{2,}ed|said|told|met|held|began|took|made|gave|came|went|saw|spoke|wrote|sent|won|lost|"
    r"left|fell|rose|hit|put|ran|led|paid|sold|bought|was|were|did|had)\b)"
)
MONTH_CONTEXT = re.compile(
    r"(?i:\b(?:in|during|since|until|till|by|from|to|of|through|throughout|between|and|or|early|late|"
    r"mid|last|next|this|that|each|every|before|after|around|on|end|beginning|start|middle|until|into|"
    r"its|their|our)\s*-?\s*)$"  # "their January sales"
)
COUNTED_NOUN_AFTER = re.compile(r"^\s+(?!(?:was|has|saw|is|as|its|this|his|its)\b)[a-z]{2,}s\b")


def group_text(match: re.Match[str], name: str) -> str | None:
    """The text of group `name`, None when the rule has no such group or it did not take part
    (what match.groupdict().get(name) gives, without building the dict)."""
    return match[name] if name in match.re.groupindex else None


def match_mod(match: re.Match[str]) -> str | None:
    if pos := group_text(match, "pos"):
        return time_words().position_mods.get(" ".join(pos.lower().split()))
    if qmod := group_text(match, "qmod"):
        return time_words().quantity_mods.get(" ".join(qmod.lower().split()))
    return None


def match_year(match: re.Match[str], group: str = "year") -> int:
    year = int(match[group])
    era = (group_text(match, "era") or "").upper().replace(".", "").replace(" ", "")
    return -year if era.startswith("BC") else year


def match_month(match: re.Match[str]) -> int:
    return time_words().months[match["month"].rstrip(".")]


def match_part(match: re.Match[str]) -> str | None:
    part = group_text(match, "part")
    return time_words().day_parts[part.lower()] if part else None
