"""The TIMEX3 layer: absolute, deictic (publication date) and anaphoric (story time) expressions,
decided per expression from its words and context. Minimal pairs show the same words resolved
differently in a wire report and in a review article."""

import pytest

from dyadwatch.annotate.timex import find_timexes
from dyadwatch.eval.timex import evaluate_file
from dyadwatch.model import PartialDate

from conftest import shared_data

WIRE_DATE = PartialDate(2020, 2, 5)  # a Wednesday
REVIEW_DATE = PartialDate(2020, 5, 15)


def tagged(text: str, dct: PartialDate | None) -> dict[str, tuple[str, str, str | None, str]]:
    return {t.text: (t.type, t.value, t.mod, t.anchor) for t in find_timexes(text, dct)}


def value_of(text: str, dct: PartialDate | None, expression: str) -> str:
    return tagged(text, dct)[expression][1]


# --- minimal pairs: the same words in a wire report and in a review article -----------------

def test_on_wednesday_is_the_publication_week_in_a_wire_but_the_story_week_in_a_review():
    wire = "Russia closed the land border on Wednesday, officials said."
    review = "On March 16, 2020, Moscow shut its schools. On Wednesday, Russia closed the land border."
    assert tagged(wire, WIRE_DATE)["Wednesday"] == ("DATE", "2020-02-05", None, "dct")
    assert tagged(review, REVIEW_DATE)["Wednesday"] == ("DATE", "2020-03-18", None, "narrative")


def test_the_next_day_follows_the_story_not_the_publication_date():
    wire = "Russia closed the border on Wednesday. The next day, trains stopped."
    review = "On January 30, Mishustin signed the order. The next day, trains stopped."
    assert value_of(wire, WIRE_DATE, "The next day") == "2020-02-06"
    assert tagged(review, REVIEW_DATE)["The next day"] == ("DATE", "2020-01-31", None, "narrative")


def test_four_days_later_and_the_same_day_count_from_the_running_time():
    text = ("On February 5, 2020, Russian planes landed in Wuhan. Four days later, a second flight "
            "brought supplies. The same day, Beijing thanked Moscow. That month, trade fell.")
    values = tagged(text, REVIEW_DATE)
    assert values["Four days later"][1:] == ("2020-02-09", None, "narrative")
    assert values["The same day"][1] == "2020-02-09"
    assert values["That month"][1] == "2020-02"


def test_a_day_after_an_event_whose_date_was_given():
    text = "On March 19, Putin and Xi spoke by phone. A day after the call, Russia sent masks."
    assert tagged(text, REVIEW_DATE)["A day"] == ("DATE", "2020-03-20", None, "narrative")


def test_month_day_without_year_takes_the_nearest_year_leaning_to_the_past():
    assert value_of("Talks began on April 13.", PartialDate(2020, 4, 15), "April 13") == "2020-04-13"
    assert value_of("A deal was signed on December 20.", PartialDate(2020, 1, 10), "December 20") \
        == "2019-12-20"


def test_a_bare_year_in_news_is_background_not_story_time():
    text = "Apple launched the Shuffle in 2003, and as of February it leads the market."
    assert value_of(text, PartialDate(2008, 4, 20), "February") == "2008-02"


def test_a_bare_year_in_history_moves_the_story():
    text = "In 1954, the Geneva Accords divided Vietnam. In April, Diem moved against the sects."
    assert value_of(text, PartialDate(2009, 12, 19), "April") == "1954-04"


def test_a_planned_date_does_not_move_the_story():
    text = "The airline will launch the service in November 2006. It arrives on November 11."
    assert value_of(text, PartialDate(2005, 11, 5), "November 11") == "2005-11-11"


# --- deictic ------------------------------------------------------------------------------

@pytest.mark.parametrize(("expression", "value"), [
    ("today", "2020-02-05"), ("yesterday", "2020-02-04"), ("tomorrow", "2020-02-06"),
    ("last week", "2020-W05"), ("this year", "2020"), ("last month", "2020-01"),
    ("two weeks ago", "2020-W04"), ("earlier this month", "2020-02"),
])
def test_deictic_expressions_count_from_the_publication_date(expression, value):
    text = f"Officials met {expression} in Moscow."
    assert tagged(text, WIRE_DATE)[expression][1:] == (value, None, "dct")


def test_weekday_tense_cues():
    assert value_of("Putin will meet Xi on Friday.", WIRE_DATE, "Friday") == "2020-02-07"
    assert value_of("Putin met Xi on Friday.", WIRE_DATE, "Friday") == "2020-01-31"
    assert value_of("The ban takes effect on Thursday.", WIRE_DATE, "Thursday") == "2020-02-06"


# --- absolute, modifiers, ranges ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "value"), [
    ("It happened on February 5, 2020.", "February 5, 2020", "2020-02-05"),
    ("It happened on Feb. 5, 2020.", "Feb. 5, 2020", "2020-02-05"),
    ("It happened on 5 February 2020.", "5 February 2020", "2020-02-05"),
    ("It happened on 2020-02-05.", "2020-02-05", "2020-02-05"),
    ("It happened in 2019.", "2019", "2019"),
    ("It happened in the 1990s.", "the 1990s", "199"),
    ("It happened in June 1955.", "June 1955", "1955-06"),
    ("Carthage fell in 146 BC.", "146 BC", "BC0146"),
    ("It happened in the 19th century.", "the 19th century", "18"),
    ("It happened in the summer of 2019.", "the summer of 2019", "2019-SU"),
    ("Profits rose in the first quarter of 2020.", "the first quarter of 2020", "2020-Q1"),
    ("Sales fell in the second half of 2008.", "the second half of 2008", "2008-H2"),
])
def test_absolute_expressions(text, expression, value):
    assert tagged(text, REVIEW_DATE)[expression][:2] == ("DATE", value)


def test_modifiers_become_timex3_mods():
    values = tagged("In late March, early 2020 and mid-April, for about two weeks.", REVIEW_DATE)
    assert values["late March"][1:3] == ("2020-03", "END")
    assert values["early 2020"][1:3] == ("2020", "START")
    assert values["mid-April"][1:3] == ("2020-04", "MID")
    assert values["about two weeks"] == ("DURATION", "P2W", "APPROX", "none")


def test_ranges_are_two_expressions_sharing_what_they_share():
    values = tagged("Aid flowed April 6-28 and between 26 June - 4 August 1952.", REVIEW_DATE)
    assert values["April 6"][1] == "2020-04-06"
    assert values["28"][1] == "2020-04-28"
    assert values["26 June"][1] == "1952-06-26"
    assert values["4 August 1952"][1] == "1952-08-04"
    partner = tagged("Trade fell Jan — Apr 2020.", REVIEW_DATE)
    assert partner["Jan"][1] == "2020-01" and partner["Apr 2020"][1] == "2020-04"


def test_durations_and_sets():
    values = tagged("The talks lasted four days, met every week, twice a month and daily.", None)
    assert values["four days"][:2] == ("DURATION", "P4D")
    assert values["every week"][:2] == ("SET", "P1W")
    assert values["twice a month"][:2] == ("SET", "P1M")
    assert values["daily"][:2] == ("SET", "P1D")


def test_references_and_unresolvable_without_a_date():
    values = tagged("Relations are now warm; the future is open. In April, talks began.", None)
    assert values["now"][1] == "PRESENT_REF"
    assert values["the future"][1] == "FUTURE_REF"
    assert values["April"][1:] == ("XXXX-04", None, "none")


@pytest.mark.parametrize("text", [
    "Some called it World War C.", "The G20 met online.", "Russia may agree to the terms.",
    "The troops will march to the border.", "They sent 1500 soldiers and 2000 tanks.",
])
def test_things_that_are_not_times(text):
    assert find_timexes(text, REVIEW_DATE) == []


def test_offsets_index_the_text():
    text = "MOSCOW, January 30 (TASS) — the order takes effect on Friday."
    for timex in find_timexes(text, PartialDate(2020, 1, 30)):
        assert text[timex.start:timex.end] == timex.text


# --- measured on the shared evaluation data (skips when absent) ------------------------------

def test_value_f1_on_wikiwars_meets_the_target():
    score = evaluate_file(shared_data("timex/wikiwars-train.jsonl"))
    assert score.value.f1 >= 0.85, score.to_dict()


def test_value_f1_on_meantime_meets_the_target():
    score = evaluate_file(shared_data("timex/meantime-en.jsonl"))
    assert score.value.f1 >= 0.85, score.to_dict()


def test_a_flashback_does_not_move_the_running_time():
    text = ("On April 7, the crossing closed; Moscow had announced the step the previous day. "
            "The following day, Wuhan's lockdown ended.")
    values = tagged(text, REVIEW_DATE)
    assert values["the previous day"][1] == "2020-04-06"
    assert values["The following day"][1] == "2020-04-08"


def test_a_time_takes_the_date_that_follows_it():
    text = "The firm filed for bankruptcy at 16:15 UTC, June 1st, in New York."
    assert value_of(text, PartialDate(2009, 6, 4), "16:15 UTC") == "2009-06-01T16:15Z"


def test_a_measures_onset_weekday_lies_ahead_even_after_past_verbs():
    wire = PartialDate(2020, 2, 19)  # a Wednesday
    text = "He was asked about the decision to bar Chinese citizens starting from Thursday."
    assert value_of(text, wire, "Thursday") == "2020-02-20"
    assert value_of("The ban took effect on Thursday.", wire, "Thursday") == "2020-02-13"


def test_tense_decides_the_year_of_a_bare_month():
    assert value_of("The sale should be completed in October.", PartialDate(2009, 6, 5),
                    "October") == "2009-10"
    assert value_of("Sales collapsed in October.", PartialDate(2009, 6, 5), "October") == "2008-10"


def test_a_background_year_in_news_does_not_displace_the_story():
    text = "Unemployment reached 8.5%, the highest since 1983. The index gained, ending the day higher."
    assert value_of(text, PartialDate(2009, 4, 3), "the day") == "2009-04-03"


def test_a_time_and_the_day_right_after_it_are_one_expression():
    values = tagged("GM filed for protection at 12:00 UTC Monday, in New York.", PartialDate(2009, 6, 1))
    assert values["12:00 UTC Monday"][:2] == ("TIME", "2009-06-01T12:00Z")


def test_the_same_period_a_year_back_follows_the_period_in_focus():
    text = "Sales rose 43% in February compared to the same period last year."
    assert value_of(text, PartialDate(2010, 3, 3), "the same period last year") == "2009-02"
    text = "Sales fell 35% in January, compared to the same month a year ago."
    assert value_of(text, PartialDate(2009, 2, 3), "the same month a year ago") == "2008-01"


def test_the_day_refers_back_to_the_last_day_named_even_after_a_coarser_date():
    text = ("Stocks rose on Friday. Employers shed 663,000 jobs in March, the Labor Department said. "
            "The index gained, ending the day at 8,017.")
    assert value_of(text, PartialDate(2009, 4, 4), "the day") == "2009-04-03"


def test_a_quarter_takes_the_nearer_year_leaning_to_the_past():
    text = "Ford will close ten plants during the fourth quarter."
    assert value_of(text, PartialDate(2006, 8, 19), "the fourth quarter") == "2006-Q4"
    text = "Profits rose in the fourth quarter, the company said."
    assert value_of(text, PartialDate(2006, 2, 10), "the fourth quarter") == "2005-Q4"


@pytest.mark.parametrize(("text", "dct", "expression", "value"), [
    ("It has in recent years struggled.", PartialDate(2006, 8, 19), "recent years", "PXY"),
    ("They settled their decades-long dispute.", PartialDate(2007, 2, 5), "decades-long", "PXY"),
    ("Stocks fell for the past five trading days.", PartialDate(2011, 3, 18),
     "the past five trading days", "P5D"),
    ("A loss in the fourth quarter of 2005 and for the entire year.", PartialDate(2006, 1, 27),
     "the entire year", "2005"),
    ("Trading was suspended for a second consecutive day.", PartialDate(2008, 9, 17),
     "a second consecutive day", "2008-09-17"),
    ("Costs fell to $118 billion last year, $19 billion less than the year previous.",
     PartialDate(2010, 1, 28), "the year previous", "2008"),
    ("Wall Street had its best week since November.", PartialDate(2009, 3, 13), "week", "2009-W11"),
    ("Stocks gained for a fourth week in a row.", PartialDate(2009, 4, 4), "a fourth week in a row",
     "2009-W14"),
    ("Stocks fell for a third straight session.", PartialDate(2009, 4, 4), "a third straight session",
     "2009-04-04"),
    ("The jet arrives on November 11, three days later than originally planned.", PartialDate(2005, 10, 20),
     "three days later", "2005-11-11"),
    ("The deal should close by June 10. If no price is agreed by that time, Fiat pays the average.",
     PartialDate(2011, 6, 3), "that time", "2011-06-10"),
    ("Apple unveils iPhone 4 at Developers Conference 2010 Yesterday, Apple said more.",
     PartialDate(2010, 6, 8), "2010", "2010"),
    ("The meeting took place during the weekend.", PartialDate(2008, 10, 13), "the weekend", "2008-W41-WE"),
    ("The shares rose in morning trading.", PartialDate(2010, 3, 2), "morning", "2010-03-02TMO"),
    ("Dealers reported their January sales.", PartialDate(2009, 2, 3), "January", "2009-01"),
    ("This is an exciting time at today's GM.", PartialDate(2013, 12, 10), "today", "PRESENT_REF"),
])
def test_news_expressions_of_periods(text, dct, expression, value):
    assert value_of(text, dct, expression) == value


@pytest.mark.parametrize("text", [
    "The former president met the formerly state-owned carrier's board.",
    "The market fell on what is known as Black Monday.",
    "The Russell 2000 Index of smaller companies dropped.",
])
def test_names_that_hold_a_weekday_or_a_year_are_not_times(text):
    assert find_timexes(text, PartialDate(2007, 10, 19)) == []


# --- speed devices that must not change what is found ----------------------------------------

GATE_SAMPLE = (
    "On Wednesday, Feb. 5, 2020, at 10:30 a.m. UTC, the ministry said that two weeks ago, in early "
    "March 2019 and again the following year, every Monday and twice a month since the 1990s, the "
    "talks (Q3 2019) had stalled; 264 BC, the 19th century, the next day, four days later, that "
    "morning, yesterday evening, the same period last year, a third straight session, 7/8/07.\n"
    "WEDNESDAY 5 FEBRUARY 2020: THE SECOND QUARTER OF 2020, LAST WEEK, CHRISTMAS 2019."
)


def test_gated_rules_find_the_same_candidates_as_every_rule_everywhere(monkeypatch):
    from dyadwatch.annotate.timex import gates
    from dyadwatch.annotate.timex.candidates import candidates

    gated = [(c[0], c[1], c[2], c[4].span()) for c in candidates(GATE_SAMPLE)]
    assert gated
    monkeypatch.setattr(gates.Gates, "window_masks", lambda self, low, windows: [-1] * len(windows))
    everywhere = [(c[0], c[1], c[2], c[4].span()) for c in candidates(GATE_SAMPLE)]
    assert gated == everywhere


def test_finders_find_what_each_rule_finds_in_any_span():
    from dyadwatch.annotate.timex.patterns import rules
    from dyadwatch.annotate.timex.starts import Finder

    text = (GATE_SAMPLE + " today's Russia, Today’s China; 5pm and 0930 GMT, the '90s and ’60s, in2020, "
            "$2020, 2,020, x2020, 44 B.C., 1955-1963, ٢٠٢٠ and ١٢ May, İstanbul ſeptember. Monday")
    spans = [(0, len(text)), (0, 40), (3, 90), (17, 200), (len(text) - 60, len(text)), (41, 41)]
    finders = [Finder(rule.pattern) for rule in rules()]
    assert sum(f.fast is not None for f in finders) > len(finders) * 0.9  # most rules get one
    for rule, finder in zip(rules(), finders, strict=True):
        for start, end in spans:
            for offset in range(0, 12):  # start the text at each place of "On Wednesday, …"
                shifted = text[offset:]
                assert [(m.span(), m.groupdict()) for m in finder.finditer(shifted, start, end)] == \
                    [(m.span(), m.groupdict()) for m in rule.pattern.finditer(shifted, start, end)], rule.name


def test_first_characters_are_read_from_the_pattern():
    import re

    from dyadwatch.annotate.timex.starts import finder, first_characters

    assert first_characters(re.compile(r"\b(?:(?P<w>Mon|Tue),?\s+)?(?i:the\s+)?(?P<d>\d+)")) == {
        ("M", False, True), ("T", False, True), ("t", True, True), (r"\d", False, True)}
    assert first_characters(re.compile(r"\b(?:the\s+)?")) is None  # can match nothing
    assert first_characters(re.compile(r"[^a]b")) is None
    assert finder(re.compile(r"\b(?:on|at|during)\s+(?:the\s+)?day")).pattern.startswith(r"\W")
    assert finder(re.compile(r"(?<![\d$])(?P<year>\d{4})")).pattern.startswith(r"[\d]")


def test_trigger_windows_are_those_of_every_trigger_hit():
    from dyadwatch.annotate.timex.candidates import WINDOW_AFTER, WINDOW_BEFORE, trigger_windows
    from dyadwatch.annotate.timex.caseless import lowered
    from dyadwatch.annotate.timex.patterns import trigger

    def one_by_one(text):
        windows = []
        for hit in trigger().finditer(text):
            start, end = max(0, hit.start() - WINDOW_BEFORE), min(len(text), hit.end() + WINDOW_AFTER)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    text = (GATE_SAMPLE + " Decade-long talks; the long-term plan, at this time. ſeptember İn K ١٢ 5pm "
            + "x " * 60 + "2020_5 _May (Monday) [today]\u00a0tomorrow 3½ days")
    for offset in range(len(text)):
        part = text[offset:]
        assert trigger_windows(part, lowered(part)) == one_by_one(part), offset
        assert trigger_windows(part, None) == one_by_one(part), offset  # the search without the copy


def test_folded_alternation_matches_like_ignorecase():
    import re
    import sys

    from dyadwatch.annotate.timex.lexicon import FOLDS_BEYOND_ASCII, alternation

    letter = re.compile("[a-z]", re.I)
    odd = {c for c in map(chr, range(128, sys.maxunicode + 1)) if letter.fullmatch(c)}
    assert odd == set(FOLDS_BEYOND_ASCII)
    words = ["day", "days", "daytime", "the past", "long-term", "six", "kilo", "in"]
    folded = re.compile(rf"\b(?:{alternation(words, folded=True)})")
    ignorecase = re.compile(rf"\b(?:{alternation(words)})")
    text = "DAYS Daytime dAy the  PAST Long-Term ſix \u212ailo İn ın in " + GATE_SAMPLE
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in ignorecase.finditer(text)]
    assert len(list(folded.finditer(text))) > 8


def test_requirements_are_read_from_the_rule_patterns():
    import re

    from dyadwatch.annotate.timex.gates import DIGIT, requirements

    assert requirements(re.compile(r"\b(?P<count>\d+)\s+(?i:days?|weeks?)\s+(?i:ago)\b")) == (
        frozenset({"ago"}), frozenset({"day", "days", "week", "weeks"}), frozenset({DIGIT}))
    assert requirements(re.compile(r"\b(?:early\s+)?(?:May|June)")) == (frozenset({"may", "june"}),)
    assert requirements(re.compile(r"\b(?:the\s+)?\w+")) == ()  # nothing certain: always runs


def test_unfolded_lists_every_character_ignorecase_takes_for_a_letter_that_lower_does_not():
    import re
    import sys

    from dyadwatch.annotate.casefold import UNFOLDED

    letter = re.compile("[a-z]", re.I)
    odd = {c for c in map(chr, range(128, sys.maxunicode + 1))
           if letter.fullmatch(c) and not (len(c.lower()) == 1 and c.lower().isascii())}
    assert odd == set(UNFOLDED)


def test_alternation_as_a_trie_matches_like_longest_first():
    import re

    from dyadwatch.annotate.timex.lexicon import alternation, time_words

    def longest_first(words, case_insensitive):
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return f"(?i:{body})" if case_insensitive else f"(?:{body})"

    w = time_words()
    words = [*w.units, *w.references, *w.sets, *w.months, *w.weekdays, *w.numbers, *w.quantity_mods,
             *w.position_mods, "day", "daytime"]
    text = GATE_SAMPLE + " the time being, daytimes, per  day, Sept. fortnightly " + " ".join(words)
    for case_insensitive in (True, False):
        for tail in ("", r"\s+(?:ago|\d+)", r"s?\b"):  # what follows decides how far the words reach
            plain = re.compile(rf"\b(?:{longest_first(words, case_insensitive)}){tail}")
            trie = re.compile(rf"\b(?:{alternation(words, case_insensitive)}){tail}")
            for sample in (text, text.upper(), text.lower()):
                assert [m.span() for m in plain.finditer(sample)] == [m.span() for m in trie.finditer(sample)]
