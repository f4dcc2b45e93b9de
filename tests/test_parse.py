"""The shipped dependency parser (annotate/parse.py) and the event coder's use of it. The
sentences are written for these tests; nothing is trained here and nothing is downloaded."""

import pytest

from dyadwatch.annotate import layers, parse
from dyadwatch.annotate.events import find_events

pytest.importorskip("spacy")
pytestmark = pytest.mark.skipif(not parse.available(), reason="the parser model is not installed")


def roles_of(text: str, word: str) -> parse.Roles:
    parsed = parse.parse(text, [(0, len(text))])[0]
    start = text.index(word)
    roles = parsed.roles(start, start + len(word))
    assert roles is not None
    return roles


def words(text: str, phrases) -> list[str]:
    return [text[p.head[0]:p.head[1]] for p in phrases]


def test_the_model_loads_from_the_package():
    path = parse.model_path()
    assert path.parts[-3:] == ("dyadwatch", "models", parse.MODEL_NAME)
    assert (path / "config.cfg").is_file() and (path / "NOTICE.md").is_file()
    assert parse.available()


def test_subject_and_object_of_a_simple_sentence():
    text = "The minister signed the agreement."
    roles = roles_of(text, "signed")
    assert roles.verbal and not roles.passive
    assert words(text, roles.subjects) == ["minister"]
    assert words(text, roles.objects) == ["agreement"]


def test_passive_subject_and_agent():
    text = "The new treaty was signed by the two presidents in the capital."
    roles = roles_of(text, "signed")
    assert roles.passive
    assert words(text, roles.passive_subjects) == ["treaty"]
    assert words(text, roles.agents) == ["presidents"]


def test_coordinated_subjects_and_a_prepositional_phrase():
    text = "The farmers and the miners held talks with the governor on Monday."
    roles = roles_of(text, "talks")  # the light verb's subject, the noun's "with"
    assert words(text, roles.subjects) == ["farmers", "miners"]
    assert "governor" in words(text, [p for p in roles.obliques if p.preposition == "with"])


def test_offsets_are_the_documents():
    text = "A heading line.\n\nThe minister signed the agreement."
    start = text.index("The minister")
    parsed = parse.parse(text, [(start, len(text))])[start]
    verb = text.index("signed")
    roles = parsed.roles(verb, verb + len("signed"))
    assert roles is not None
    assert words(text, roles.subjects) == ["minister"]


def coded(text: str, trigger: str, parser: bool):
    """(source countries, target countries, category) of the event the trigger word names."""
    sentences, timexes, actors, _ = layers(text)
    return [(sorted(a.country for a in e.source), sorted(a.country for a in e.target), e.plover)
            for e in find_events(text, sentences, actors, timexes, parser=parser)
            if e.trigger_text.split()[0] == trigger]


# The verb's subject is far from it: the actors of a relative clause sit in between.
RELATIVE = ("The Chinese officials who met Japanese diplomats in Tokyo last week signed a trade "
            "agreement with Vietnam.")


def test_the_parse_finds_the_subject_behind_a_relative_clause():
    assert coded(RELATIVE, "signed", parser=True) == [(["CHN"], ["VNM"], "SUPPORT")]
    # the token rules take the actor nearest the verb
    assert coded(RELATIVE, "signed", parser=False) == [(["JPN"], ["VNM"], "SUPPORT")]


def test_the_parse_only_runs_where_an_event_can_be(monkeypatch):
    seen: list[str] = []
    real = parse.parse

    def spy(text, spans):
        seen.extend(text[s:e] for s, e in spans)
        return real(text, spans)

    text = ("The weather was mild in the north. Norway sent aid. "
            "Sweden and Finland signed an accord on fishing.")
    sentences, timexes, actors, _ = layers(text)
    monkeypatch.setattr(parse, "parse", spy)
    find_events(text, sentences, actors, timexes, parser=True)
    assert seen == ["Sweden and Finland signed an accord on fishing."]


def test_off_by_default_and_switched_by_the_environment(monkeypatch):
    monkeypatch.delenv(parse.ENV_SWITCH, raising=False)
    assert not parse.enabled()  # measured: a small gain in F1 for a large cost in speed
    sentences, timexes, actors, _ = layers(RELATIVE)
    default = find_events(RELATIVE, sentences, actors, timexes)
    assert [[a.country for a in e.source] for e in default if e.trigger_text == "signed"] == [["JPN"]]
    monkeypatch.setenv(parse.ENV_SWITCH, "0")
    assert not parse.enabled()
    monkeypatch.setenv(parse.ENV_SWITCH, "1")
    assert parse.enabled()
