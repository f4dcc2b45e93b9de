"""The resolver table: every rule the patterns define has a resolver."""

from dyadwatch.annotate.timex.patterns import rules
from dyadwatch.annotate.timex.resolve import _RESOLVERS


def test_every_rule_has_a_resolver():
    names = {rule.name for rule in rules()}
    assert names <= set(_RESOLVERS)
    assert set(_RESOLVERS) <= names  # no resolver for a rule that no longer exists
