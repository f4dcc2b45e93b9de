"""The timex layer's shortcuts that must not change a result: the year of a date without one
read without the clause's tense where the tense cannot matter, and case-insensitive rules searched
in lower-cased text by their case-sensitive twins."""

import re

from dyadwatch.annotate.timex.calendar import Point, candidate_years, nearest_year
from dyadwatch.annotate.timex.caseless import lowered, lowered_twin
from dyadwatch.annotate.timex.cues import NEWS_PENALTIES
from dyadwatch.annotate.timex.patterns import rules
from dyadwatch.annotate.timex.starts import Finder


def test_nearest_year_leans_as_the_penalty_says():
    ref = Point(2020, 4, 20)
    assert [year for year, _ in candidate_years(2, 29, ref)] == [2020]  # 2019 and 2021 have no Feb 29
    april = candidate_years(4, 13, ref)
    assert {nearest_year(april, ref.year, penalty) for penalty in NEWS_PENALTIES} == {2020}
    october = candidate_years(10, 1, ref)  # five and a half months ahead, six and a half behind
    assert nearest_year(october, ref.year, 2.0) == 2019
    assert nearest_year(october, ref.year, 0.5) == 2020
    assert nearest_year([], 1999) == 1999


def test_twins_only_for_rules_that_ignore_case_throughout():
    assert lowered_twin(re.compile(r"\b(?i:the\s+day)\b")).pattern == r"\b(?:the\s+day)\b"
    assert lowered_twin(re.compile(r"\b\d+\s+days?", re.I)).flags & re.I == 0
    assert lowered_twin(re.compile(r"\b(?i:the)\s+Day")) is None  # "Day" keeps its case
    assert lowered_twin(re.compile(r"(?i:Moscow|local)\s+time")) is None  # written in capitals
    assert lowered_twin(re.compile(r"(?i:[A-Z]+)")) is None
    assert lowered_twin(re.compile(r"(?i:(a)\1)")) is None  # a back reference
    assert lowered_twin(re.compile(r"\d+")) is None  # nothing to gain
    names = {rule.name for rule in rules() if lowered_twin(rule.pattern) is not None}
    assert {"duration", "count_later", "anaphoric", "reference"} <= names
    assert not names & {"month", "weekday", "season", "streak", "vague_long", "clock"}


def test_lowered_refuses_text_that_lowers_unlike_ignorecase():
    assert lowered("On Monday") == "on monday"
    assert lowered("İstanbul") is None
    assert lowered("ſeptember") is None


def test_twins_find_what_each_rule_finds():
    text = ("Two Weeks Later, FOUR DAYS AGO, the Same Period of the previous year, For Decades, "
            "a Second Straight day; In The Past Five Years, Every Two Weeks, twice A Month, the day "
            "after, the Following Week, NOW, Tonight, Midnight, 3 Days-Long, a few hours after that.")
    low = lowered(text)
    assert low is not None
    for rule in rules():
        finder = Finder(rule.pattern)
        for start, end in [(0, len(text)), (5, 60), (31, 140)]:
            assert [(m.span(), m.groupdict()) for m in finder.finditer(text, start, end, low)] == \
                [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text, start, end)], rule.name
