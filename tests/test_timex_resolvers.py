"""The rule table: every rule the patterns define has a resolver, and a rule's core is in each
of its matches."""

from dyadwatch.annotate.timex.patterns import rules
from dyadwatch.annotate.timex.resolve import _RESOLVERS


def test_every_rule_has_a_resolver():
    names = {rule.name for rule in rules()}
    assert names <= set(_RESOLVERS)
    assert set(_RESOLVERS) <= names  # no resolver for a rule that no longer exists


def test_every_match_of_a_rule_holds_a_match_of_its_core():
    text = ("On 5 May, the 6-8th of June, 12th  of\nDecember, Tuesday, 3 and 4 Sept. 2019, the morning of "
            "14 March 2003 and 21 January; 7 Mayor, 8 mayo, 31 Jun, the 1st of Dec.")
    cored = [rule for rule in rules() if rule.core is not None]
    assert {rule.name for rule in cored} >= {"day_month", "date_dmy"}
    found = 0
    for rule in cored:
        for match in rule.pattern.finditer(text):
            found += 1
            assert rule.core.search(text, match.start(), match.end()) is not None, (rule.name, match[0])
    assert found >= 6
