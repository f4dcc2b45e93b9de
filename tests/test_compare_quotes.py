"""Statements across outlets: grouping, alignment, differences, the report, the CLI and the
scorer, over a real SQLite store."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from dyadwatch import Workspace
from dyadwatch.compare.similarity import changed_words, clauses, overlap, same_words
from dyadwatch.eval.quotes import read_gold
from dyadwatch.report.quotes import render_statements

from conftest import run_cli


def reported(document: str, outlet: str, kind: str, text: str, quote_kind: str = "direct", *,
             speaker: tuple[str, str], date: str):
    """One outlet's version of a statement by `speaker` (name, code), made on `date`."""
    from dyadwatch.compare.statements import ReportedQuote

    name, code = speaker
    return ReportedQuote(document, outlet, kind, date, 0, len(text), text, quote_kind, name, name, code, date,
                         paragraph=0)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "dyadwatch" / "demo" / "corpus"

TRANSCRIPT = """Interfax, 26 February 2020

Dmitry Peskov's call with journalists

Question: The embassy has complained about checks. How does the Kremlin view this?

Dmitry Peskov: Unfortunately, I don't know anything about this letter. These measures apply to everyone, without exception. We value our relations with China very highly.

Question: Anything else?

Dmitry Peskov: No, that is all for today.
"""
WIRE_A = """TASS, 26 February 2020

Kremlin rules out discrimination

"Unfortunately, I know nothing about this letter," Kremlin spokesman Dmitry Peskov said on Wednesday.

"These measures apply to everyone, without exception," Peskov said. "We value our relations with China very highly," he added.
"""
WIRE_B = """RT, 26 February 2020

Peskov: no discrimination

"These measures apply to everyone, without exception," Kremlin spokesman Dmitry Peskov told journalists on Wednesday.

"We cherish our relations with China," Peskov said. "And nobody should ever doubt our friendship with Beijing," he added.
"""


def write_corpus(folder: Path) -> None:
    for name, text in [("2020-02-26_interfax_call.txt", TRANSCRIPT), ("2020-02-26_tass_peskov.txt", WIRE_A),
                       ("2020-02-26_rt_peskov.txt", WIRE_B)]:
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture()
def workspace(tmp_path):
    write_corpus(tmp_path)
    with Workspace(tmp_path / "store.db") as ws:
        ws.ingest([str(tmp_path)])
        yield ws


def test_similarity_helpers():
    assert same_words("These measures apply to everyone.", "these measures apply to everyone")
    assert not same_words("We value our relations", "We cherish our relations")
    assert changed_words("We value our relations with China", "We cherish our relations with China") == \
        [("value", "cherish")]
    assert clauses("We value our relations with China, so there can be no question of it.") == \
        ["We value our relations with China", "so there can be no question of it"]
    assert overlap("the measures apply to everyone", "measures that apply to everyone without exception") == 1.0
    assert overlap("the measures apply to everyone", "we discussed trade and energy") == 0.0


def test_one_statement_with_three_versions(workspace):
    (statement,) = workspace.statements()
    assert statement.speaker == "Dmitry Peskov" and statement.speaker_code == "RUSGOV"
    assert statement.date == "2020-02-26"
    assert statement.reference.outlet == "Interfax"
    assert set(statement.outlets) == {"Interfax", "TASS", "RT"}


def test_differences_are_classified(workspace):
    (statement,) = workspace.statements()
    by_kind: dict[str, list] = {}
    for difference in statement.differences:
        by_kind.setdefault(difference.kind, []).append(difference)
    omission = next(d for d in by_kind["omission"] if "this letter" in d.text)
    assert omission.missing_from == ["RT"]
    assert set(omission.present_in) == {"Interfax", "TASS"}
    addition = next(d for d in by_kind["addition"] if "friendship" in d.text)
    assert addition.present_in == ["RT"]
    wordings = {tuple(tuple(c) for c in d.changes) for d in by_kind["wording"]}
    assert (("value", "cherish"), ("very highly", "")) in wordings
    assert (("don't know anything", "know nothing"),) in wordings or \
        any(("anything", "nothing") in w for w in wordings)


TWO_ANSWERS = """Interfax, 26 February 2020

Dmitry Peskov's call with journalists

Question: The embassy has complained about checks. How does the Kremlin view this?

Dmitry Peskov: Unfortunately, I don't know anything about this letter. These measures apply to everyone, without exception.

Question: Is a visit to China planned?

Dmitry Peskov: The president will travel to Beijing in April. The visit is being prepared by both sides.
"""
SECOND_ANSWER_ONLY = """Reuters, 26 February 2020

Putin to visit Beijing in April

"The president will travel to Beijing in April," Kremlin spokesman Dmitry Peskov told reporters on Wednesday.
"""


def test_an_outlet_that_skips_a_whole_answer_made_a_selection_not_an_omission(tmp_path):
    (tmp_path / "2020-02-26_interfax_call.txt").write_text(TWO_ANSWERS, encoding="utf-8")
    (tmp_path / "2020-02-26_reuters_visit.txt").write_text(SECOND_ANSWER_ONLY, encoding="utf-8")
    with Workspace(tmp_path / "store.db") as ws:
        ws.ingest([str(tmp_path)])
        (statement,) = ws.statements()
    omissions = {d.text: d.missing_from for d in statement.differences if d.kind == "omission"}
    assert omissions == {"The visit is being prepared by both sides": ["Reuters"]}


PARAPHRASE = """Reuters, 26 February 2020

Kremlin on embassy complaint

"These measures apply to everyone, without exception," Kremlin spokesman Dmitry Peskov told reporters on Wednesday. "I have not seen any such letter," Peskov said. "We value our relations with China very highly," he added.
"""


def test_a_lone_clause_between_shared_ones_is_the_reference_clause_in_other_words(tmp_path):
    transcript = TRANSCRIPT.replace("Unfortunately, I don't know anything about this letter. These measures apply "
                                    "to everyone, without exception.",
                                    "These measures apply to everyone, without exception. Unfortunately, I don't "
                                    "know anything about this letter.")
    (tmp_path / "2020-02-26_interfax_call.txt").write_text(transcript, encoding="utf-8")
    (tmp_path / "2020-02-26_reuters_peskov.txt").write_text(PARAPHRASE, encoding="utf-8")
    with Workspace(tmp_path / "store.db") as ws:
        ws.ingest([str(tmp_path)])
        (statement,) = ws.statements()
    assert [(d.kind, d.text) for d in statement.differences if d.kind in ("omission", "addition")] == []
    row = next(r for r in statement.alignment if r["Interfax"] and "this letter" in r["Interfax"])
    assert row["Reuters"] == "I have not seen any such letter"


def test_words_two_outlets_add_to_a_transcript_are_an_addition_not_its_omission(tmp_path):
    added = ' "The embassy will get a full answer from the mayor\'s office," he said.\n'
    (tmp_path / "2020-02-26_interfax_call.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "2020-02-26_tass_peskov.txt").write_text(WIRE_A.rstrip("\n") + added, encoding="utf-8")
    (tmp_path / "2020-02-26_rt_peskov.txt").write_text(WIRE_B.rstrip("\n") + added, encoding="utf-8")
    with Workspace(tmp_path / "store.db") as ws:
        ws.ingest([str(tmp_path)])
        (statement,) = ws.statements()
    about_answer = [d for d in statement.differences if "full answer" in d.text]
    assert [(d.kind, sorted(d.present_in), d.missing_from) for d in about_answer] == \
        [("addition", ["RT", "TASS"], ["Interfax"])]


def test_a_headline_statement_is_a_version_with_its_span_in_the_title(tmp_path):
    headline = WIRE_B.replace("Peskov: no discrimination", "Peskov: Kremlin measures apply to everyone")
    write_corpus(tmp_path)
    (tmp_path / "2020-02-26_rt_peskov.txt").write_text(headline, encoding="utf-8")
    with Workspace(tmp_path / "store.db") as ws:
        ws.ingest([str(tmp_path)])
        frame = ws.quotes()
        [row] = frame[frame["field"] == "title"].to_dict("records")
        title = ws.document(row["document_id"]).title
        (statement,) = ws.statements()
    assert title[row["start"]:row["end"]] == "Kremlin measures apply to everyone" == row["text"]
    assert row["outlet"] == "RT" and row["speaker_name"] == "Dmitry Peskov" and row["cue"] == ":"
    versions = json.loads(render_statements([statement], "json"))["statements"][0]["versions"]
    assert {"outlet": "RT", "field": "title", "text": "Kremlin measures apply to everyone"}.items() <= \
        next(v for v in versions if v["field"] == "title").items()
    assert "headline characters" in render_statements([statement], "md")


def test_quotes_dataframe_and_speaker_filter(workspace):
    frame = workspace.quotes()
    assert {"Interfax", "TASS", "RT"} <= set(frame["outlet"])
    assert (frame["speaker_name"] == "Dmitry Peskov").all()
    assert workspace.quotes(speaker="Zakharova").empty
    row = frame.iloc[0]
    document = workspace.document(row["document_id"])
    assert document.text[row["start"]:row["end"]].startswith(row["text"][:20])


def test_report_formats(workspace):
    statements = workspace.statements()
    record = json.loads(render_statements(statements, "json"))
    (statement,) = record["statements"]
    assert {"speaker", "speaker_code", "date", "versions", "differences"} <= set(statement)
    assert {"document_id", "outlet", "text", "start", "end", "kind"} <= set(statement["versions"][0])
    markdown = render_statements(statements, "md")
    assert "| Interfax |" in markdown and "**cherish**" in markdown and "—" in markdown
    page = render_statements(statements, "html")
    assert "<mark>cherish</mark>" in page and "class='omitted'" in page


def test_cli_quotes_compare_json(tmp_path):
    write_corpus(tmp_path)
    result = run_cli("quotes", str(tmp_path), "--compare", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert len(payload["statements"]) == 1
    kinds = {d["kind"] for d in payload["statements"][0]["differences"]}
    assert {"omission", "addition", "wording"} <= kinds
    listing = run_cli("quotes", str(tmp_path), "--speaker", "Peskov", "--format", "json")
    assert listing.returncode == 0
    assert all(q["speaker_name"] == "Dmitry Peskov" for q in json.loads(listing.stdout)["quotes"])


def test_cli_quotes_needs_inputs():
    result = run_cli("quotes")
    assert result.returncode == 2 and "give input paths or --db" in result.stderr.decode()


def test_demo_gold_scores(tmp_path):
    """The demo's planted statements (tests/demo_expected/quotes_gold.yaml) are found, and the
    omissions the gold lists are detected."""
    gold = ROOT / "tests" / "demo_expected" / "quotes_gold.yaml"
    result = run_cli("eval", "quotes", str(gold), "--docs", str(DEMO), "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["statements"]["matched"] == len(read_gold(gold)["statements"])
    assert figures["differences"]["omission"]["recall"] >= 0.8
    assert figures["quotes"]["speaker_accuracy_found"] >= 0.75


def test_eval_quotes_lists_missed_and_spurious_differences():
    gold = ROOT / "tests" / "demo_expected" / "quotes_gold.yaml"
    result = run_cli("eval", "quotes", str(gold), "--docs", str(DEMO), "--errors", "500")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert any(line.strip().startswith("missed wording:") for line in lines)
    assert any(line.strip().startswith("spurious omission:") and "(missing from " in line for line in lines)


def test_eval_quotes_rejects_bad_gold(tmp_path):
    bad = tmp_path / "gold.yaml"
    bad.write_text("statements:\n  - versions: []\n    differences:\n      - kind: rewrite\n", encoding="utf-8")
    result = run_cli("eval", "quotes", str(bad), "--docs", str(tmp_path))
    assert result.returncode == 2 and "unknown difference kind" in result.stderr.decode()


HELD_OUT = ROOT / "tests" / "data" / "quotes_eval" / "gold.yaml"


@pytest.mark.skipif(not HELD_OUT.exists(), reason="held-out quote set not present")
def test_held_out_set_runs_and_finds_its_statements():
    result = run_cli("eval", "quotes", str(HELD_OUT), "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["statements"]["matched"] >= figures["statements"]["gold"] - 1
    assert figures["quotes"]["recall"] >= 0.6


def test_demo_writes_the_quote_audit(tmp_path):
    result = run_cli("demo", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "quote audit" in result.stdout.decode()
    audit = (tmp_path / "out" / "quote-audit.md").read_text("utf-8")
    assert "## Dmitry Peskov (RUSGOV), Feb. 26, 2020" in audit
    assert "## Geng Shuang (CHNGOV), Feb. 19, 2020" in audit
    assert "left out by RT" in audit
    assert (tmp_path / "out" / "quote-audit.html").read_text("utf-8").count("<section") >= 2
    assert (tmp_path / "out" / "chronology-rus-chn.md").exists()


def test_white_house_texts_give_sane_quotes():
    """The extractor over the White House readouts and background-call transcripts in
    ../shared/data: no crash, offsets that index the text, every quote with a speaker, and no
    question or moderator turn taken for a statement."""
    from conftest import shared_data

    folder = shared_data("corpora/wh-us-china")
    with Workspace(":memory:") as ws:
        report = ws.ingest(sorted(str(p) for p in folder.glob("*.txt")))
        assert not report.skipped
        ws.annotate()
        documents = {d.id: d for d in ws.documents()}
        rows = ws.store.quotes()
    assert len(rows) >= 50
    for row in rows:
        text = documents[row["document_id"]].text
        assert " ".join(text[row["start"]:row["end"]].split()) == " ".join(row["text"].split())
        assert row["speaker"] and row["speaker"]["text"]
        assert not text[max(0, row["start"] - 12):row["start"]].rstrip().endswith(("Q:", "MODERATOR:"))
    speakers = {(r["speaker"] or {}).get("name") for r in rows}
    assert "Joe Biden" in speakers


def test_without_a_transcript_the_speakers_own_government_account_is_the_reference():
    from dyadwatch.compare.statements import ReportedQuote, Version, _reference

    def version(outlet: str, kind: str, text: str) -> Version:
        quote = ReportedQuote("d-" + outlet, outlet, kind, "2020-04-16", 0, len(text), text, "indirect",
                              "Putin", "Vladimir Putin", "RUSGOV", "2020-04-16")
        return Version(quote.document_id, outlet, kind, [quote])

    kremlin = version("President of Russia", "other", "attempts to accuse China are counterproductive")
    beijing = version("Ministry of Foreign Affairs of the People's Republic of China", "other",
                      "attempts to accuse China of informing the world too late are counterproductive and wrong")
    wire = version("Reuters", "news", "attempts to accuse China of informing the world too late about the "
                   "virus are counterproductive, the Kremlin said")
    assert _reference([beijing, wire, kremlin]) is kremlin
    assert _reference([beijing, wire]) is beijing  # no own account: the fullest of the readouts


def test_two_sentences_reported_as_one_clause_are_not_an_omission():
    from dyadwatch.compare.statements import find_statements

    quote = partial(reported, speaker=("Geng Shuang", "CHNGOV"), date="2020-02-19")

    said = ("These measures do not mean a total ban on travel between our two countries. They are temporary "
            "and will be lifted once the situation gets better. We value our cooperation with Russia very highly.")
    joined = ("The measures do not mean a complete halt to travel between the two countries, are temporary and "
              "will be lifted once the situation improves. We value our cooperation with Russia very highly.")
    (statement,) = find_statements([quote("t", "MFA", "transcript", said), quote("w", "Wire", "news", joined)])
    assert [d.kind for d in statement.differences] == ["wording"]
    assert statement.alignment[1] == {"MFA": "They are temporary and will be lifted once the situation gets better",
                                      "Wire": "(in another clause)"}


def test_words_reports_use_for_one_another_count_as_one_content_word():
    from dyadwatch.compare.similarity import content_stems

    assert content_stems("he was not aware of the letter") == content_stems("I do not know of the letter")
    assert overlap("And trust me, nobody is singled out", "And believe me, nobody is singled out") == 1.0
    assert overlap("the precautions are temporary", "these steps are only interim") == 1.0
    assert not content_stems("the talks were useful") & content_stems("the steps were temporary")


def test_a_dropped_clause_of_diplomatic_ritual_is_not_an_omission():
    from dyadwatch.compare.similarity import formulaic
    from dyadwatch.compare.statements import find_statements

    quote = partial(reported, speaker=("Zhao Lijian", "CHNGOV"), date="2020-05-04")

    said = ("China and Russia are comprehensive strategic partners of coordination for a new era. The two sides "
            "will hold talks on vaccine trials next week. Perhaps the talks will be held in Kazan.")
    wire = "The two sides will hold talks on vaccine trials next week."
    (statement,) = find_statements([quote("t", "MFA", "transcript", said), quote("w", "Wire", "news", wire)])
    assert [d.text for d in statement.differences if d.kind == "omission"] == \
        ["Perhaps the talks will be held in Kazan"]
    assert formulaic("the two peoples enjoy a deep friendship")
    assert not formulaic("the traditional friendship will not be affected by the ban")
    assert not formulaic("trade between the comprehensive strategic partners fell by 12 percent")


def test_a_stance_one_outlet_reports_is_not_an_addition():
    from dyadwatch.compare.statements import find_statements

    quote = partial(reported, speaker=("Dmitry Peskov", "RUSGOV"), date="2020-02-26")

    said = "These measures apply to everyone, without exception."
    (statement,) = find_statements([
        quote("t", "Interfax", "transcript", said),
        quote("w", "RT", "news", said), quote("w", "RT", "news", "rejects claims of bias in virus checks", "indirect"),
        quote("w", "RT", "news", "the checks will go on until the summer", "indirect")])
    assert [d.text for d in statement.differences if d.kind == "addition"] == \
        ["the checks will go on until the summer"]


def test_the_scorer_matches_each_side_of_a_group_speaker_to_its_own_quote():
    from dyadwatch.eval.quotes import _holding_quote

    words = "the sanctions were counterproductive"
    text = f"The leaders noted that {words}."

    def quote(name: str, code: str) -> dict:
        return {"field": "text", "start": 23, "end": 23 + len(words), "parts": [[23, 23 + len(words)]],
                "kind": "indirect", "speaker": {"name": name, "code": code}}

    document = {"text": text, "title": "", "quotes": [quote("Vladimir Putin", "RUSGOV"), quote("Xi Jinping", "CHNGOV")]}
    for name in ("Vladimir Putin", "Xi Jinping"):
        hit = _holding_quote(document, words, {"speaker_name": name})
        assert hit["speaker"]["name"] == name


def test_an_outlet_that_quotes_a_fragment_of_a_clause_reported_it():
    from dyadwatch.compare.statements import find_statements

    quote = partial(reported, speaker=("Dmitry Peskov", "RUSGOV"), date="2020-02-26")

    said = ("As for the task force and the steps to stop the spread of the virus in Moscow, these measures apply "
            "to everyone, without exception. We value our relations with China very highly.")
    wire = 'Peskov said the checks "apply to everyone" and that Moscow valued its relations with China very highly'
    (statement,) = find_statements([quote("t", "Interfax", "transcript", said, "direct"),
                                    quote("w", "Reuters", "news", wire, "mixed")])
    assert [d.text for d in statement.differences if d.kind == "omission"] == []


def test_eval_pools_the_differences_of_a_group_quotes_sides_and_of_a_joint_statements_speakers():
    from dyadwatch.compare.statements import Difference, Statement, Version
    from dyadwatch.eval.quotes import _pooled_differences

    def statement(speaker: str, start: int, difference: str) -> Statement:
        versions = [Version(doc, doc, "news", [reported(doc, doc, "news", "We agreed.", speaker=(speaker, "X"),
                                                        date="2020-04-16")]) for doc in ("d1", "d2")]
        for version in versions:
            version.quotes[0].start, version.quotes[0].end = start, start + 10
        return Statement(speaker, "X", "2020-04-16", versions, [Difference("omission", difference, ["d1"])],
                         versions[0])

    putin, xi_same_quote, xi_own_quote = (statement("Putin", 0, "a"), statement("Xi", 0, "b"),
                                          statement("Xi", 50, "c"))
    everyone = [putin, xi_same_quote, xi_own_quote]
    texts = lambda pooled: sorted(d.text for d in pooled)  # noqa: E731
    assert texts(_pooled_differences(putin, everyone, {"Putin"})) == ["a", "b"]
    assert texts(_pooled_differences(putin, everyone, {"Putin", "Xi"})) == ["a", "b", "c"]
    assert texts(_pooled_differences(xi_own_quote, [xi_own_quote, statement("Lavrov", 80, "d")],
                                     {"Xi", "Putin"})) == ["c"]
