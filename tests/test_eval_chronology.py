"""The chronology scorer on small hand-written gold and predicted chronologies."""

import json

import pytest

from dyadwatch.eval.chronology import (
    ChronEntry,
    ChronologyFormatError,
    content_words,
    parse_entry_line,
    parse_json,
    parse_predicted,
    parse_text,
    read_gold,
    read_predicted,
    score_chronology,
    score_dates,
)

from conftest import run_cli

GOLD = """\
# Russia-China, early 2020 (hand-written test gold)
Jan. 31, 2020: Putin sends Xi a message of support and offers medical aid.
Feb. 5, 2020: Russia sends its first shipment of medical supplies to Wuhan.

Feb. 18, 2020: Russia announces a temporary entry ban on Chinese citizens.
Mar. 2020: Chinese medical supplies arrive in Russia.
"""


def gold() -> list[ChronEntry]:
    return parse_text(GOLD, "gold.txt")


def test_gold_parses_days_months_comments_and_blank_lines():
    entries = gold()
    assert [e.date for e in entries] == ["2020-01-31", "2020-02-05", "2020-02-18", "2020-03"]
    assert entries[1].text == "Russia sends its first shipment of medical supplies to Wuhan."
    assert entries[1].where == "line 3"
    assert (entries[3].date, entries[3].precision) == ("2020-03", "month")


def test_month_names_full_and_abbreviated():
    entries = parse_text("Sept. 3, 2020: a\nSeptember 4, 2020: b\nSep 5, 2020: c\n"
                         "June 2020: d\nMarch 19, 2020: e\n")
    assert [e.date for e in entries] == ["2020-09-03", "2020-09-04", "2020-09-05", "2020-06",
                                        "2020-03-19"]


def test_exact_match_scores_one_everywhere():
    score = score_chronology(gold(), parse_text(GOLD))
    assert (score.dates.precision, score.dates.recall, score.dates.f1) == (1.0, 1.0, 1.0)
    for entries in (score.loose, score.strict):
        assert (entries.found, entries.matching) == (4, 4)
        assert (entries.precision, entries.recall, entries.f1) == (1.0, 1.0, 1.0)
    assert score.missed == score.unmatched == ()


def test_different_dates_do_not_match_even_with_the_same_text():
    predicted = parse_text("Feb. 6, 2020: Russia sends its first shipment of medical supplies to Wuhan.\n"
                           "Feb. 18, 2020: Russia bans entry of Chinese citizens.\n")
    score = score_chronology(gold(), predicted)
    assert (score.dates.correct, score.dates.predicted, score.dates.gold) == (1, 2, 4)
    assert score.dates.precision == pytest.approx(0.5)
    assert score.dates.recall == pytest.approx(0.25)
    assert score.dates.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert (score.loose.found, score.loose.matching) == (1, 1)  # only Feb. 18
    assert [e.date for e in score.unmatched] == ["2020-02-06"]
    assert len(score.missed) == 3


def test_month_precision_matches_only_month_precision():
    month = parse_text("Mar. 2020: Chinese medical supplies reach Russia.")
    day = parse_text("March 3, 2020: Chinese medical supplies reach Russia.")
    assert score_chronology(gold(), month).dates.correct == 1
    assert score_chronology(gold(), month).loose.found == 1
    assert score_chronology(gold(), day).dates.correct == 0
    assert score_chronology(gold(), day).loose.found == 0


def test_content_overlap_thresholds():
    # Same date; shares only "wuhan" with the gold entry ("its", "to", "the" are stop words).
    one = parse_text("Feb. 5, 2020: The evacuation flight leaves Wuhan.")
    score = score_chronology(gold(), one)
    assert (score.loose.found, score.loose.matching) == (1, 1)
    assert (score.strict.found, score.strict.matching) == (0, 0)
    # "shipments" and "supply" reduce to the gold's "shipment" and "supplies": two shared words.
    two = parse_text("Feb. 5, 2020: Moscow dispatches shipments of supply.")
    score = score_chronology(gold(), two)
    assert (score.strict.found, score.strict.matching) == (1, 1)
    # Only stop words and reporting verbs in common: no match.
    none = parse_text("Feb. 5, 2020: It says that the talks are on.")
    assert score_chronology(gold(), none).loose.found == 0


def test_content_words():
    assert content_words("Russia's supplies, the crossings and its masks (https://tass.com/x)") == {
        "russia", "supply", "crossing", "mask"}
    assert "virus" in content_words("The virus spreads")  # -us is not a plural


def test_entry_precision_counts_predicted_entries_not_pairs():
    predicted = parse_text("Feb. 5, 2020: Medical supplies for Wuhan.\n"
                           "Feb. 5, 2020: Wuhan receives supplies.\n"
                           "Feb. 5, 2020: Talks in Geneva.\n")
    score = score_chronology(gold(), predicted)
    assert (score.loose.found, score.loose.matching, score.loose.predicted) == (1, 2, 3)
    assert score.loose.precision == pytest.approx(2 / 3)
    assert score.loose.recall == pytest.approx(1 / 4)
    assert score_dates(gold(), predicted).predicted == 1  # a set: one distinct date


def test_markdown_predictions_skip_headings_and_strip_markers():
    markdown = """\
# Chronology of Russia-China relations

## February 2020

- **Feb. 5, 2020**: Russia sends medical supplies to Wuhan. [TASS](https://tass.com/1)
  - sources: TASS, Xinhua
* **Feb. 18, 2020:** Russia announces an entry ban on Chinese citizens.
Feb. 19, 2020: China objects to the entry ban.
Some closing note: not an entry.
"""
    entries = parse_predicted(markdown, "chronology.md")
    assert [e.date for e in entries] == ["2020-02-05", "2020-02-18", "2020-02-19"]
    assert entries[0].text.startswith("Russia sends medical supplies to Wuhan.")
    assert entries[1].text == "Russia announces an entry ban on Chinese citizens."
    score = score_chronology(gold(), entries)
    assert (score.loose.found, score.strict.found) == (2, 2)


def test_dyadwatch_markdown_and_iso_dates():
    # As dyadwatch's chronology prints it: bold date, summary, then *(category; outlets)*.
    markdown = ("# Chronology of RUS–CHN relations\n\n"
                "**Feb. 5, 2020**: Russia sends medical supplies to Wuhan. *(AID; TASS, Xinhua)*\n\n"
                "**March 2020**: Chinese supplies arrive in Russia. *(AID; CGTN)*\n\n"
                "**2020-W12**: Moscow and Beijing consult. *(CONSULT; RT)*\n\n"
                "2020-02-18: Russia announces an entry ban.\n")
    entries = parse_predicted(markdown)
    assert [(e.date, e.precision) for e in entries] == [
        ("2020-02-05", "day"), ("2020-03", "month"), ("2020-W12", "week"), ("2020-02-18", "day")]
    assert entries[0].text == "Russia sends medical supplies to Wuhan."
    assert parse_entry_line("Feb. 5, 2020: plain text") == ("2020-02-05", "day", "plain text")
    assert parse_entry_line("Undated: text") is None


def test_json_predictions():
    payload = {"entries": [
        {"date": "2020-02-05", "date_precision": "day", "summary": "Russia ships medical supplies to Wuhan."},
        {"date": "2020-03-01", "date_precision": "month", "summary": "Chinese supplies arrive."},
        {"date": "2020-02-18", "summary": "Entry ban on Chinese citizens."},
    ]}
    entries = parse_predicted(json.dumps(payload), "pred.json")
    assert [e.date for e in entries] == ["2020-02-05", "2020-03", "2020-02-18"]
    assert entries[1].where == "entry 1"
    score = score_chronology(gold(), entries)
    assert score.dates.correct == 3
    assert (score.loose.found, score.loose.matching) == (3, 3)
    assert score.to_dict()["entries"]["recall"] == pytest.approx(3 / 4)


def test_json_weeks_and_undated_entries():
    entries = parse_json(json.dumps([
        {"date": "2020-W12", "date_precision": "week", "summary": "a"},
        {"date": None, "date_precision": None, "summary": "undated"},
        {"date": "2020", "summary": "b"},
    ]))
    assert [(e.date, e.precision) for e in entries] == [("2020-W12", "week"), ("2020", "year")]


@pytest.mark.parametrize(("payload", "message"), [
    ('{"entries": [{"date": "2020-02-30", "summary": "x"}]}', "entry 0: date"),
    ('{"entries": [{"summary": "x"}]}', "entry 0: no 'date'"),
    ('{"entries": [{"date": 2020, "summary": "x"}]}', "entry 0: 'date' is not a string"),
    ('{"entries": [{"date": "2020-02", "date_precision": "day", "summary": "x"}]}', "coarser"),
    ('{"items": []}', "'entries' list"),
    ('{"entries": [', "not valid JSON"),
])
def test_json_errors(payload, message):
    with pytest.raises(ChronologyFormatError, match=message):
        parse_json(payload, "pred.json")


def test_malformed_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text("Feb. 5, 2020: fine\nRussia and China talk on the phone.\n", "utf-8")
    with pytest.raises(ChronologyFormatError, match=r"gold\.txt: line 2: not a dated entry"):
        read_gold(path)
    path.write_text("# comment\nFeb. 30, 2020: no such day\n", "utf-8")
    with pytest.raises(ChronologyFormatError, match=r"gold\.txt: line 2: impossible date"):
        read_gold(path)
    path.write_text("Feb. 5, 2020:\n", "utf-8")
    with pytest.raises(ChronologyFormatError, match="no text after the date"):
        read_gold(path)
    with pytest.raises(ChronologyFormatError, match="file not found"):
        read_predicted(tmp_path / "absent.md")


def test_empty_inputs_score_zero():
    score = score_chronology([], [])
    assert (score.dates.f1, score.loose.recall, score.loose.precision) == (0.0, 0.0, 0.0)


def test_cli(tmp_path):
    gold_path = tmp_path / "gold.txt"
    gold_path.write_text(GOLD, "utf-8")
    pred_path = tmp_path / "pred.md"
    pred_path.write_text("## Chronology\n- **Feb. 5, 2020**: Russia sends medical supplies to Wuhan.\n",
                         "utf-8")
    result = run_cli("eval", "chronology", str(gold_path), str(pred_path))
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "4 gold entries on 4 dates" in text and "1 entries on 1 dates" in text
    assert "dates" in text and "100.0   25.0   40.0" in text
    result = run_cli("eval", "chronology", str(gold_path), str(pred_path), "--format", "json")
    figures = json.loads(result.stdout)
    assert figures["entries"]["found"] == 1 and figures["dates"]["f1"] == pytest.approx(0.4)
    bad = tmp_path / "bad.txt"
    bad.write_text("not a date\n", "utf-8")
    result = run_cli("eval", "chronology", str(bad), str(pred_path))
    assert result.returncode == 2
    assert "bad.txt: line 1" in result.stderr.decode()
    result = run_cli("eval", "chronology", str(gold_path), str(tmp_path / "missing.md"))
    assert result.returncode == 2 and "file not found" in result.stderr.decode()
