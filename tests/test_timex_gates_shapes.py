"""The timex layer's search shortcuts: digit shapes and joined requirements in the rule gates,
and the tense cues' finders."""

import re

from dyadwatch.annotate.timex.caseless import lowered
from dyadwatch.annotate.timex.gates import DIGIT, requirements


def test_digits_are_required_by_their_shape():
    iso = re.compile(r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
    assert requirements(iso) == (frozenset({"####-##-##"}),)
    assert requirements(re.compile(r"\b(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)")) == (frozenset({"##:##"}),)
    assert requirements(re.compile(r"\d+")) == (frozenset({DIGIT}),)


def test_known_text_joins_the_beginnings_of_the_group_after_it():
    bc = re.compile(r"\d+\s*(?:B\.\w*C\.|BCE|BC)")  # re reads this as B(?:\.\w*C\.|CE|C)
    assert requirements(bc)[0] == frozenset({"#b.", "#bc", "#bce", "b.", "bc", "bce"})
    assert requirements(re.compile(r"\b(?P<span>(?i:today))['’]s\s")) == (frozenset({"today's", "today’s"}),)


def test_word_edges_tell_a_word_from_the_end_of_another():
    from dyadwatch.annotate.timex.gates import Gates

    days = re.compile(r"\b(?P<count>\d+|a)(?:\s+(?i:full))?[\s-]+(?i:days?)\b")
    assert frozenset({" day", " days", "-day", "-days"}) in requirements(days, word_edges=True)
    assert requirements(days) == (frozenset({"day", "days", "-day", "-days"}),)
    text = "on Monday, 3 days ago, a 2-day visit, a full day"
    windows = [(0, 10), (10, 22), (22, 37), (37, len(text))]
    gates = Gates([days])
    rule_mask, = gates.rule_masks
    assert [not rule_mask & ~met for met in gates.window_masks(lowered(text), windows)] == \
        [False, True, True, True]


def test_tense_cue_finders_find_what_the_cue_patterns_find():
    from dyadwatch.annotate.timex.cues import _FUTURE_CUES, _PAST_VERBS

    text = ("Officials SAID on Monday the plan, which will be completed, was expected to start; it is to "
            "open next week and had been delayed until June. Being moved, it was being debated;"
            "\nWorked-out plans to reopen, scheduled_later, intends to go. İt ſaid")
    for finder in (_PAST_VERBS, _FUTURE_CUES):
        assert finder.fast is not None
        for start, end in [(0, len(text)), (5, 60), (17, 100), (len(text) - 30, len(text))]:
            assert [m.span() for m in finder.finditer(text, start, end)] == \
                [m.span() for m in finder.pattern.finditer(text, start, end)]


def test_select_keeps_the_longest_then_earliest_rule_of_overlapping_matches():
    import random

    from dyadwatch.annotate.timex.candidates import select

    def one_by_one(candidates):
        chosen = []
        for c in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
            if not any(c[0] < t[1] and t[0] < c[1] for t in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c[0])

    rng = random.Random(5)
    for _ in range(300):
        spans = [(s, s + rng.randint(1, 12)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 25)))]
        candidates = [(s, e, rng.randint(0, 5), None, None) for s, e in spans]
        assert select(candidates) == one_by_one(candidates)


def test_tense_before_is_the_cue_that_ends_last_in_the_clause():
    from dyadwatch.annotate.timex.cues import FUTURE_CUES, tense_before
    from dyadwatch.annotate.timex.patterns import PAST_VERB

    def by_every_cue(text, start):
        clause = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
        past_at = max((m.end() for m in PAST_VERB.finditer(text, clause, start)), default=-1)
        future_at = max((m.end() for m in FUTURE_CUES.finditer(text, clause, start)), default=-1)
        return None if past_at == future_at else "past" if past_at > future_at else "future"

    text = ("Said the minister, who will be scheduled to visit and was expected to stay until Monday. It "
            "is to open next week, the firm said; talks were set to resume\nand had been delayed until "
            "they reopened. Going to rise, it fell. The meeting was scheduled for Friday and is due to end.")
    assert [tense_before(text, i) for i in range(len(text) + 1)] == \
        [by_every_cue(text, i) for i in range(len(text) + 1)]


def test_trigger_hits_are_those_of_trigger_after():
    from dyadwatch.annotate.timex.candidates import _trigger_hits
    from dyadwatch.annotate.timex.patterns import trigger_after

    text = ("MAY 5 the mayor may March; MARCH march Marching (Monday)-TODAY's 3\u212a \u212aelvin weeKs "
            "Decade-long ١٢ 2020_5 x2020 _May [today]\u00a0tomorrow 3½ days at noon, NOON; Christmas "
            "christmas the  PAST. Sept.Sun sundays SEASON sessions; AGO-ago;\n\tYear")
    for position in range(len(text) + 1):
        assert [m.span() for m in _trigger_hits(text, lowered(text), position)] == \
            [m.span() for m in trigger_after().finditer(text, position)], position
    odd = "İn ſeptember " + text  # lowercasing and IGNORECASE disagree: searched directly
    assert lowered(odd) is None
    assert [m.span() for m in _trigger_hits(odd, lowered(odd), 0)] == \
        [m.span() for m in trigger_after().finditer(odd)]
