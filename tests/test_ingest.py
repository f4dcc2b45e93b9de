"""Ingestion end to end: real files, a real HTTP server on loopback, a real SQLite store."""

import json

from dyadwatch import PartialDate, Workspace

from conftest import ARTICLE_HTML, FEED_XML, make_pdf, run_cli

WIRE = """Russia to close Far Eastern border with China

MOSCOW, January 30 (TASS) — Russia will temporarily close its Far Eastern border with China to
stop the spread of the new coronavirus, Prime Minister Mikhail Mishustin said on Thursday.
The order takes effect on Friday.
"""


def test_text_file_with_dateline_and_year_from_the_file_name(tmp_path):
    path = tmp_path / "2020-01-30_border.txt"
    path.write_text(WIRE)
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest(path)
        [document] = report.added
    assert document.title == "Russia to close Far Eastern border with China"
    assert document.outlet == "TASS" and document.outlet_country == "RUS"
    assert document.outlet_affiliation == "state-owned"
    assert document.published == PartialDate(2020, 1, 30)
    assert document.kind == "news"
    assert document.language == "en"
    assert document.text.startswith("MOSCOW, January 30 (TASS)")
    assert document.provenance["published"] == "dateline, year from file name"


def test_html_metadata_comes_from_the_markup(tmp_path):
    path = tmp_path / "page"  # no extension: detected from content
    path.write_text(ARTICLE_HTML)
    with Workspace(tmp_path / "c.db") as ws:
        [document] = ws.ingest(path).added
    assert document.format == "html"
    assert document.title == "Lavrov and Wang Yi discuss pandemic cooperation"
    assert document.outlet == "RT" and document.outlet_country == "RUS"
    assert document.author == "Anna Petrova"
    assert document.published == PartialDate(2020, 3, 24)
    assert "Home" not in document.text and "newsletter" not in document.text
    assert "spoke by telephone" in document.text


def test_feed_items_become_documents_and_empty_items_are_skipped(tmp_path):
    path = tmp_path / "tass.xml"
    path.write_text(FEED_XML)
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest(path)
    [document] = report.added
    assert document.title == "Putin and Xi hold phone call"
    assert document.outlet == "TASS"
    assert document.published == PartialDate(2020, 4, 16)
    assert document.url == "https://tass.com/politics/1"
    assert [s.source for s in report.skipped] == [f"{path}#Empty item"]
    assert report.skipped[0].reason == "no text"


def test_pdf_text_and_header(tmp_path):
    text = ("Medical Diplomacy in a Pandemic\nBy Olga Ivanova\nPublished April 2020 in The Diplomat\n\n"
            "Russia and China exchanged medical aid several times in the first months of 2020. "
            "Each shipment was reported by state media in both countries.")
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(text, title="Medical Diplomacy in a Pandemic", author="Olga Ivanova"))
    with Workspace(tmp_path / "c.db") as ws:
        [document] = ws.ingest(path).added
    assert document.format == "pdf"
    assert document.title == "Medical Diplomacy in a Pandemic"
    assert document.author == "Olga Ivanova"
    assert document.published == PartialDate(2020, 4)
    assert document.outlet == "The Diplomat"
    assert document.kind == "analysis"


def test_url_and_feed_url_over_loopback(tmp_path, http_server):
    with Workspace(tmp_path / "c.db") as ws:
        report = ws.ingest([f"{http_server}/article.html", f"{http_server}/feed"])
    outlets = sorted(d.outlet for d in report.added)
    assert outlets == ["RT", "TASS"]
    assert {d.url for d in report.added} >= {f"{http_server}/article.html"}


def test_folder_is_recursive_and_second_ingest_adds_nothing(tmp_path):
    (tmp_path / "corpus" / "deep").mkdir(parents=True)
    (tmp_path / "corpus" / "2020-01-30_a.txt").write_text(WIRE)
    (tmp_path / "corpus" / "deep" / "page.html").write_text(ARTICLE_HTML)
    (tmp_path / "corpus" / ".hidden.txt").write_text("ignored dot file")
    with Workspace(tmp_path / "c.db") as ws:
        first = ws.ingest(tmp_path / "corpus")
        second = ws.ingest(tmp_path / "corpus")
        assert len(ws.documents()) == 2
        assert [r["added"] for r in ws.runs()] == [2, 0]
    assert len(first.added) == 2 and not first.skipped
    assert len(second.added) == 0 and len(second.present) == 2


def test_command_line_options_override_detection(tmp_path):
    path = tmp_path / "2020-01-30_border.txt"
    path.write_text(WIRE)
    with Workspace(tmp_path / "c.db") as ws:
        [document] = ws.ingest(path, outlet="Reuters", date="2020-01-31", title="Border shut").added
    assert (document.outlet, document.outlet_country) == ("Reuters", "GBR")
    assert document.published == PartialDate(2020, 1, 31)
    assert document.title == "Border shut"
    assert document.provenance["published"] == "option"


def test_dataframe_view(tmp_path):
    path = tmp_path / "2020-01-30_border.txt"
    path.write_text(WIRE)
    with Workspace(tmp_path / "c.db") as ws:
        ws.ingest(path)
        frame = ws.documents_df()
    assert list(frame["outlet"]) == ["TASS"]
    assert list(frame["published"]) == ["2020-01-30"]
    assert frame.loc[0, "words"] > 30


def test_cli_ingest_stdin_documents_and_exit_code(tmp_path):
    db = str(tmp_path / "c.db")
    result = run_cli("ingest", "-", "--db", db, "--outlet", "Xinhua", "--date", "2020-03-19",
                     stdin=b"China and Russia pledged to deepen cooperation against the virus.\n")
    assert result.returncode == 0, result.stderr
    assert b"added 1, already present 0, skipped 0" in result.stderr
    listing = run_cli("documents", "--db", db, "--format", "json")
    [row] = json.loads(listing.stdout)
    assert row["outlet"] == "Xinhua" and row["published"] == "2020-03-19"
    assert row["source"] == "<stdin>"


def test_cli_annotate_gives_document_and_sentences_with_offsets(tmp_path):
    path = tmp_path / "2020-01-30_border.txt"
    path.write_text(WIRE)
    result = run_cli("annotate", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) == {"document", "sentences", "timexes", "actors", "events", "quotes"}
    assert record["document"]["outlet"] == "TASS"
    assert record["document"]["published"] == "2020-01-30"
    text = record["document"]["text"]
    assert len(record["sentences"]) == 2
    for sentence in record["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    jsonl = run_cli("annotate", str(path), str(path), "--format", "jsonl")
    assert len(jsonl.stdout.splitlines()) == 2


def test_outlet_slug_in_the_file_name_is_the_last_resort(tmp_path):
    path = tmp_path / "2020-02-19_fmprc_press-conference.txt"
    path.write_text("Spokesperson's Regular Press Conference\n\nQ: Any comment on the border?\n"
                    "A: We have noted the reports.\nQ: And the flights?\nA: They continue.\n")
    named = tmp_path / "2020-02-19_global-times_story.txt"
    named.write_text("Xinhua, February 19, 2020\n\nChina notes Russia's entry measures, officials said.\n")
    with Workspace(tmp_path / "c.db") as ws:
        documents = {d.source: d for d in ws.ingest([path, named]).added}
    transcript = documents[str(path)]
    assert transcript.outlet == "Ministry of Foreign Affairs of the People's Republic of China"
    assert transcript.provenance["outlet"] == "file name"
    assert transcript.kind == "transcript"
    assert documents[str(named)].outlet == "Xinhua"  # the text beats the file name


def test_several_authors_are_joined_with_commas(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Closed Gates, Open Channels\nBy Elena Markova and Wen Jiahao\n\n"
                    "The year began with a closed border and ended with open channels.\n")
    with Workspace(tmp_path / "c.db") as ws:
        [document] = ws.ingest(path).added
    assert document.author == "Elena Markova, Wen Jiahao"
