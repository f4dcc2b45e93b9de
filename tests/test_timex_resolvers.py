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
            "14 March 2003 and 21 January; 7 Mayor, 8 mayo, 31 Jun, the 1st of Dec. On the day, for\tTHE\n"
            "Day, in the days; a third straight session, its 5th  consecutive week, the second day in a row, "
            "two days in\na ROW.")
    cored = [rule for rule in rules() if rule.core is not None]
    assert {rule.name for rule in cored} >= {"day_month", "date_dmy", "on_the_day", "streak"}
    found = set()
    for rule in cored:
        for match in rule.pattern.finditer(text):
            found.add(rule.name)
            assert rule.core.search(text, match.start(), match.end()) is not None, (rule.name, match[0])
    assert found == {rule.name for rule in cored}


def test_add_months_is_what_relativedelta_gives():
    import datetime as dt

    from dateutil.relativedelta import relativedelta

    from dyadwatch.annotate.timex.calendar import add_months

    for start in (dt.date(2020, 1, 31), dt.date(2019, 3, 30), dt.date(2000, 12, 1), dt.date(5, 2, 28)):
        for amount in range(-30, 31):
            assert add_months(start, amount) == start + relativedelta(months=amount), (start, amount)
    for start, amount in ((dt.date(1, 1, 1), -1), (dt.date(9999, 12, 31), 1)):
        try:
            start + relativedelta(months=amount)
        except ValueError:
            pass
        else:
            raise AssertionError("relativedelta was expected to fail")
        try:
            add_months(start, amount)
        except ValueError:
            continue
        raise AssertionError("add_months was expected to fail like relativedelta")
