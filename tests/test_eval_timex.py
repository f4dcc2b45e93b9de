"""The TempEval-3 timex scorer on small hand-made gold and prediction lists (no tagger needed)."""

import json

import pytest

from dyadwatch.eval.timex import (
    GoldFormatError,
    GoldTimex,
    TimexScore,
    evaluate_file,
    match,
    read_gold,
    score_document,
    score_documents,
)
from dyadwatch.model import PartialDate

TEXT = "On September 1, 1939, Germany invaded Poland; two days later Britain declared war."


def tx(text: str, value: str, type_: str = "DATE", after: int = 0) -> GoldTimex:
    start = TEXT.index(text, after)
    return GoldTimex(start, start + len(text), text, type_, value)


SEPT = tx("September 1, 1939", "1939-09-01")
TWO_DAYS = tx("two days later", "1939-09-03")


def figures(score: TimexScore) -> dict[str, tuple[float, float, float]]:
    return {name: (prf.precision, prf.recall, prf.f1) for name, prf in
            [("strict", score.strict), ("relaxed", score.relaxed), ("type", score.type),
             ("value", score.value)]}


def test_exact_matches_score_one_everywhere():
    score = score_document([SEPT, TWO_DAYS], [SEPT, TWO_DAYS], TEXT, "d1")
    assert (score.gold, score.predicted, score.strict_matches, score.relaxed_matches) == (2, 2, 2, 2)
    assert all(f == (1.0, 1.0, 1.0) for f in figures(score).values())
    assert score.errors == []


def test_overlap_is_a_relaxed_match_but_not_strict():
    predicted = [tx("September 1", "1939-09-01"), tx("two days", "1939-09-03")]
    score = score_document([SEPT, TWO_DAYS], predicted, TEXT)
    assert (score.strict_matches, score.relaxed_matches) == (0, 2)
    assert score.strict.f1 == 0.0
    assert score.relaxed.f1 == 1.0
    assert score.value.f1 == 1.0
    assert score.errors == []


def test_one_to_one_two_overlapping_predictions_give_one_match_and_one_spurious():
    september, year = tx("September 1", "1939-09-01"), tx("1939", "1939")
    score = score_document([SEPT], [year, september], TEXT, "d1")
    assert score.relaxed_matches == 1
    assert score.relaxed.precision == 0.5
    assert score.relaxed.recall == 1.0
    assert score.relaxed.f1 == pytest.approx(2 / 3)
    # the larger overlap wins the gold span; the other prediction is spurious
    assert match([SEPT], [year, september]) == [(0, 1, False)]
    [spurious] = score.spurious
    assert (spurious.predicted_text, spurious.predicted_value, spurious.doc_id) == ("1939", "1939", "d1")
    assert score.missed == [] and score.value_errors == []


def test_exact_pairs_are_made_before_overlaps():
    # the exact prediction takes the gold span even though a wider, overlapping one comes first
    wider = GoldTimex(SEPT.start - 3, SEPT.end, TEXT[SEPT.start - 3:SEPT.end], "DATE", "1939-09-01")
    score = score_document([SEPT], [wider, SEPT], TEXT)
    assert (score.strict_matches, score.relaxed_matches) == (1, 1)
    assert len(score.spurious) == 1 and score.spurious[0].predicted_text == wider.text


def test_one_gold_overlapping_two_golds_matches_only_one():
    september, year = tx("September 1", "1939-09-01"), tx("1939", "1939")
    score = score_document([september, year], [SEPT], TEXT)
    assert score.relaxed_matches == 1
    assert (score.relaxed.precision, score.relaxed.recall) == (1.0, 0.5)
    [missed] = score.missed
    assert missed.gold_text == "1939"


def test_wrong_value_counts_for_relaxed_but_not_value():
    wrong = GoldTimex(TWO_DAYS.start, TWO_DAYS.end, TWO_DAYS.text, "DATE", "1939-09-02")
    score = score_document([SEPT, TWO_DAYS], [SEPT, wrong], TEXT, "wiki")
    assert score.relaxed.f1 == 1.0 and score.strict.f1 == 1.0 and score.type.f1 == 1.0
    assert score.value_correct == 1
    assert score.value.precision == 0.5 and score.value.recall == 0.5 and score.value.f1 == 0.5
    [error] = score.value_errors
    assert (error.gold_text, error.gold_value, error.predicted_text, error.predicted_value,
            error.doc_id) == ("two days later", "1939-09-03", "two days later", "1939-09-02", "wiki")
    assert "two days later" in error.context


def test_value_is_compared_as_an_exact_string():
    predicted = [GoldTimex(SEPT.start, SEPT.end, SEPT.text, "DATE", "1939-9-1")]
    assert score_document([SEPT], predicted, TEXT).value_correct == 0


def test_wrong_type_counts_for_relaxed_but_not_type():
    predicted = [GoldTimex(TWO_DAYS.start, TWO_DAYS.end, TWO_DAYS.text, "DURATION", "1939-09-03")]
    score = score_document([TWO_DAYS], predicted, TEXT)
    assert score.relaxed.f1 == 1.0 and score.value.f1 == 1.0
    assert score.type_correct == 0 and score.type.f1 == 0.0
    assert score.errors == []  # only value errors are listed


def test_spurious_and_missed():
    score = score_document([SEPT], [TWO_DAYS], TEXT, "d")
    assert score.relaxed_matches == 0
    assert all(f == (0.0, 0.0, 0.0) for f in figures(score).values())
    assert [e.kind for e in score.errors] == ["missed", "spurious"]
    missed, spurious = score.errors
    assert (missed.gold_text, missed.gold_value, missed.predicted_text) == (SEPT.text, "1939-09-01", None)
    assert (spurious.gold_text, spurious.predicted_text) == (None, TWO_DAYS.text)


def test_context_is_about_sixty_characters_either_side_on_one_line():
    text = "x" * 100 + "\nin 1939\n" + "y" * 100
    gold = GoldTimex(text.index("1939"), text.index("1939") + 4, "1939", "DATE", "1939")
    [missed] = score_document([gold], [], text).errors
    assert missed.context.startswith("…") and missed.context.endswith("…")
    assert "in 1939" in missed.context and "\n" not in missed.context
    assert len(missed.context) == 60 + 4 + 60 + 2  # ±60 characters and two ellipses


@pytest.mark.parametrize(("gold", "predicted"), [([], []), ([SEPT], []), ([], [SEPT])])
def test_empty_inputs_give_zero_without_dividing_by_zero(gold, predicted):
    score = score_document(gold, predicted, TEXT)
    assert all(f == (0.0, 0.0, 0.0) for f in figures(score).values())
    assert score_documents([]).relaxed.f1 == 0.0


def test_counts_are_summed_over_documents_and_matching_stays_per_document():
    # the same span in two documents: a prediction in document b cannot match gold in document a
    score = score_documents([("a", TEXT, [SEPT], []), ("b", TEXT, [], [SEPT]),
                             ("c", TEXT, [TWO_DAYS], [TWO_DAYS])])
    assert (score.documents, score.gold, score.predicted, score.relaxed_matches) == (3, 2, 2, 1)
    assert score.relaxed.f1 == 0.5
    assert [(e.kind, e.doc_id) for e in score.errors] == [("missed", "a"), ("spurious", "b")]
    record = score.to_dict(errors=5)
    assert record["relaxed"]["f1"] == 0.5 and len(record["errors"]["missed"]) == 1
    json.dumps(record)


def write_gold(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gold_line(doc_id="d1", dct="2009-12-19", timexes=(SEPT,)):
    return json.dumps({"doc_id": doc_id, "dct": dct, "text": TEXT,
                       "timexes": [t.__dict__ for t in timexes]})


def test_read_gold_and_evaluate_with_a_given_tagger(tmp_path):
    path = write_gold(tmp_path, [gold_line(), "", gold_line("d2", None, (SEPT, TWO_DAYS))])
    documents = read_gold(path)
    assert [(d.doc_id, d.dct, len(d.timexes), d.line) for d in documents] == [
        ("d1", PartialDate(2009, 12, 19), 1, 1), ("d2", None, 2, 3)]
    seen = []

    def tagger(text, dct):
        seen.append(dct)
        return [SEPT]

    score = evaluate_file(path, tagger)
    assert seen == [PartialDate(2009, 12, 19), None]
    assert (score.gold, score.predicted, score.strict_matches) == (3, 2, 2)


def test_bad_gold_files_name_the_problem(tmp_path):
    with pytest.raises(GoldFormatError, match="not found"):
        read_gold(tmp_path / "absent.jsonl")
    with pytest.raises(GoldFormatError, match="line 2: not valid JSON"):
        read_gold(write_gold(tmp_path, [gold_line(), "{not json"]))
    with pytest.raises(GoldFormatError, match="line 1: no 'timexes'"):
        read_gold(write_gold(tmp_path, [json.dumps({"doc_id": "x", "text": ""})]))
    with pytest.raises(GoldFormatError, match="line 1: dct"):
        read_gold(write_gold(tmp_path, [gold_line(dct="2009-13-45")]))
