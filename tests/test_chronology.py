"""Fusion of mentions into events, and the chronology renderer (pure functions)."""

import json

from dyadwatch.fuse import fuse
from dyadwatch.model import PartialDate
from dyadwatch.report.chronology import Dyad, date_label, render, select


def mention(id, outlet, source, target, plover="AID", date="2020-02-05", precision="day", summary="",
            **extra):
    return {"id": id, "document_id": f"doc{id}", "outlet": outlet, "published": "2020-02-06",
            "sentence": summary, "sentence_start": 0, "sentence_end": len(summary),
            "source": [{"code": c, "country": c[:3]} for c in source],
            "target": [{"code": c, "country": c[:3]} for c in target],
            "plover": plover, "mode": None, "cameo": "070", "intensity": 7.0, "date": date,
            "date_precision": precision, "summary": summary, "negated": False, "modality": None,
            "reciprocal": False, **{"quad": 2, **extra}}


def test_one_happening_from_several_outlets_is_one_event_with_all_sources():
    mentions = [
        mention(1, "TASS", ["RUSGOV"], ["CHN"], summary="Russia sends medical supplies to Wuhan."),
        mention(2, "Reuters", ["RUS"], ["CHNGOV"], summary="Russian planes deliver masks to China."),
        mention(3, "Xinhua", ["RUSMIL"], ["CHN"], date="2020-02", precision="month",
                summary="In February Russian military aircraft brought medical supplies to Wuhan."),
        mention(4, "RT", ["RUS"], ["CHN"], date="2020-02-09", summary="A second shipment arrives."),
    ]
    events = fuse(mentions)
    assert len(events) == 2
    first = next(e for e in events if e.date == "2020-02-05")
    assert {s.outlet for s in first.sources} == {"TASS", "Reuters", "Xinhua"}
    assert first.date_precision == "day"
    assert first.salience > next(e for e in events if e.date == "2020-02-09").salience


def test_a_month_dated_mention_joins_the_day_its_wording_names_or_stands_alone():
    mentions = [
        mention(1, "Global Times", ["CHN"], ["USA"], plover="COERCE", date="2020-02", precision="month",
                summary="China had revoked the credentials of three Wall Street Journal reporters."),
        mention(2, "TASS", ["CHN"], ["USA"], plover="COERCE", date="2020-02-12",
                summary="Beijing expelled an American diplomat."),
        mention(3, "The Diplomat", ["CHN"], ["USA"], plover="COERCE", date="2020-02-19",
                summary="Beijing revoked the press credentials of three Wall Street Journal reporters."),
        mention(4, "Reuters", ["CHN"], ["USA"], plover="COERCE", date="2020-02", precision="month",
                summary="China closed an American consulate."),
    ]
    events = sorted(fuse(mentions), key=lambda e: (e.date, e.summary))
    assert [(e.date, len(e.sources)) for e in events] == \
        [("2020-02", 1), ("2020-02-12", 1), ("2020-02-19", 2)]
    assert {s.outlet for s in events[2].sources} == {"Global Times", "The Diplomat"}


def test_reciprocal_events_fuse_order_free_and_other_categories_stay_apart():
    mentions = [
        mention(1, "Kremlin", ["RUSGOV"], ["CHNGOV"], plover="CONSULT", reciprocal=True,
                summary="Putin and Xi held a phone call."),
        mention(2, "Xinhua", ["CHNGOV"], ["RUSGOV"], plover="CONSULT", reciprocal=True,
                summary="Xi spoke with Putin by phone."),
        mention(3, "TASS", ["RUSGOV"], ["CHNGOV"], plover="ACCUSE", summary="Moscow criticized Beijing."),
    ]
    events = fuse(mentions)
    assert sorted(e.plover for e in events) == ["ACCUSE", "CONSULT"]
    assert len(next(e for e in events if e.plover == "CONSULT").sources) == 2


def test_negated_and_hypothetical_mentions_report_no_happening():
    mentions = [mention(1, "TASS", ["RUS"], ["CHN"], negated=True),
                mention(2, "TASS", ["RUS"], ["CHN"], modality="hypothetical"),
                mention(3, "TASS", ["RUS"], ["CHN"], modality="future", plover="AGREE")]
    assert [e.plover for e in fuse(mentions)] == ["AGREE"]


def test_select_by_dyad_period_and_limit():
    mentions = [mention(1, "A", ["RUS"], ["CHN"], date="2020-01-30", summary="Russia closes border."),
                mention(2, "B", ["USA"], ["CHN"], date="2020-01-31", summary="US bars travellers."),
                mention(3, "C", ["CHN"], ["RUS"], date="2020-04-16", summary="China thanks Russia."),
                mention(4, "D", ["RUS", "CHN"], [], plover="AGREE", date="2020-03-19", summary="Both agree."),
                mention(5, "E", ["CHN"], ["RUS"], date="2020-04-16", summary="China thanks Russia again.",
                        plover="SUPPORT", quad=1)]
    events = fuse(mentions)
    dyad = Dyad.parse("rus,chn")
    assert [e.date for e in select(events, dyad)] == ["2020-01-30", "2020-03-19", "2020-04-16", "2020-04-16"]
    assert [e.date for e in select(events, dyad, PartialDate(2020, 3), PartialDate(2020, 3, 31))] == \
        ["2020-03-19"]
    assert len(select(events, dyad, limit=2)) == 2


def test_an_act_on_a_third_country_is_not_a_dyad_event_and_weeks_sort_by_their_monday():
    mentions = [mention(1, "A", ["CHNGOV"], ["USAMED"], plover="COERCE", date="2020-02-19",
                        summary="Beijing expelled three reporters.", context=["CHN", "RUS", "USA"]),
                mention(2, "B", ["RUS"], [], plover="COERCE", date="2020-W08", precision="week",
                        summary="Russia barred Chinese citizens.", context=["CHN", "RUS"]),
                mention(3, "C", ["RUS"], ["CHN"], date="2020-03-01", summary="Russia sends masks.")]
    chosen = select(fuse(mentions), Dyad.parse("RUS,CHN"))
    assert [e.date for e in chosen] == ["2020-W08", "2020-03-01"]
    assert [e.date for e in select(fuse(mentions), Dyad.parse("RUS,CHN"), PartialDate(2020, 2, 20))] == \
        ["2020-03-01"]
    markdown = render(chosen, Dyad("RUS", "CHN"), "md")
    assert "**Week of Feb. 17, 2020**: Russia barred Chinese citizens." in markdown


def test_rendering_in_comparative_connections_style_and_json_contract():
    events = fuse([mention(1, "TASS", ["RUS"], ["CHN"], summary="Russia sends medical supplies to Wuhan.")])
    markdown = render(events, Dyad("RUS", "CHN"), "md")
    assert "**Feb. 5, 2020**: Russia sends medical supplies to Wuhan." in markdown
    payload = json.loads(render(events, Dyad("RUS", "CHN"), "json"))
    assert payload["dyad"] == ["RUS", "CHN"]
    [entry] = payload["entries"]
    assert set(entry) == {"date", "date_precision", "summary", "plover", "cameo", "quad", "intensity",
                          "source", "target", "salience", "sources", "parts"}
    assert set(entry["sources"][0]) == {"document_id", "outlet", "published", "sentence", "start", "end"}
    assert render(events, Dyad("RUS", "CHN"), "csv").splitlines()[0].startswith("date,date_precision")
    assert "<li><strong>Feb. 5, 2020</strong>" in render(events, Dyad("RUS", "CHN"), "html")


def test_what_was_said_in_talks_joins_the_talks_entry():
    def said(id, document, plover, summary, source=("RUSGOV",), target=("CHNGOV",), quad=1, **extra):
        return {**mention(id, "Kremlin", list(source), list(target), plover=plover, date="2020-04-16",
                          summary=summary, quad=quad, **extra), "document_id": document,
                "sentence_start": 10 * id}

    events = fuse([
        said(1, "kremlin", "CONSULT", "Putin and Xi spoke by phone.", reciprocal=True, mode="phone"),
        said(2, "kremlin", "SUPPORT", "Putin praised China's response."),
        said(3, "kremlin", "REJECT", "Putin rejected attempts to blame Beijing.", quad=3),
        said(4, "kremlin", "AID", "Russia sent masks to China.", quad=2),
        said(5, "tass", "SUPPORT", "Xi thanked Russia for its help.", source=("CHNGOV",), target=("RUS",)),
        said(6, "kremlin", "ACCUSE", "Putin criticized Washington.", target=("USAGOV",), quad=3),
    ])
    entries = select(events, Dyad("RUS", "CHN"))
    [talks] = [e for e in entries if e.plover == "CONSULT" and e.mode == "phone"]
    assert sorted(p.summary for p in talks.parts) == ["Putin praised China's response.",
                                                      "Putin rejected attempts to blame Beijing."]
    assert len(talks.sources) == 3
    assert sorted(e.summary for e in entries if e is not talks) == [
        "Russia sent masks to China.", "Xi thanked Russia for its help."]
    markdown = render(entries, Dyad("RUS", "CHN"), "md")
    assert ("**April 16, 2020**: Putin and Xi spoke by phone. Putin praised China's response. "
            "Putin rejected attempts to blame Beijing. *(CONSULT; Kremlin)*") in markdown
    [entry] = [e for e in json.loads(render(entries, Dyad("RUS", "CHN"), "json"))["entries"] if e["parts"]]
    assert [p["plover"] for p in entry["parts"]] == ["SUPPORT", "REJECT"]
    assert len(select(events, Dyad("RUS", "CHN"), fold=False)) == 5
    visit = fuse([said(1, "kremlin", "CONSULT", "Wang Yi arrived in Moscow.", mode="visit"),
                  said(2, "kremlin", "SUPPORT", "Putin praised China's response.")])
    assert [e.parts for e in select(visit, Dyad("RUS", "CHN"))] == [(), ()]


def test_date_labels():
    assert date_label("2020-09-03", "day") == "Sept. 3, 2020"
    assert date_label("2020-05-01", "day") == "May 1, 2020"
    assert date_label("2020-03", "month") == "March 2020"
    assert date_label("2020-02", "month") == "Feb. 2020"
    assert date_label(None, None) == "Undated"


def test_cli_chronology_from_files_fuses_outlets_and_keeps_sources(tmp_path):
    from conftest import run_cli

    (tmp_path / "2020-02-09_tass.txt").write_text(
        "Russian aid plane lands in Wuhan\n\nMOSCOW, February 9 (TASS) — Russia sent 23 tonnes of "
        "medical aid to China on Sunday, the Emergencies Ministry said.\n")
    (tmp_path / "2020-02-09_xinhua.txt").write_text(
        "Russia delivers aid\n\nBEIJING, February 9 (Xinhua) -- Russia delivered medical supplies to "
        "China on Sunday to help fight the epidemic.\n")
    result = run_cli("chronology", str(tmp_path), "--dyad", "RUS,CHN", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    [entry] = payload["entries"]
    assert entry["date"] == "2020-02-09" and entry["plover"] == "AID"
    assert {s["outlet"] for s in entry["sources"]} == {"TASS", "Xinhua"}
    for source in entry["sources"]:
        assert source["sentence"].startswith(("MOSCOW", "BEIJING"))
    markdown = run_cli("chronology", str(tmp_path), "--format", "md").stdout.decode()
    assert "**Feb. 9, 2020**: Russia" in markdown
    bad = run_cli("chronology", str(tmp_path), "--dyad", "RUSSIA")
    assert bad.returncode == 2 and b"not a dyad" in bad.stderr


def test_cli_chronology_folds_what_was_said_in_talks_unless_told_not_to(tmp_path):
    from conftest import run_cli

    (tmp_path / "2020-04-16_kremlin.txt").write_text(
        "Call with Xi\n\nMOSCOW, April 16 (TASS) — Vladimir Putin held talks with Xi Jinping by phone on "
        "Thursday. Putin praised China on Thursday for its response to the epidemic.\n")

    def entries(*options):
        result = run_cli("chronology", str(tmp_path), "--format", "json", *options)
        return json.loads(result.stdout)["entries"]

    folded = entries()
    assert [(e["plover"], [p["plover"] for p in e["parts"]]) for e in folded] == [("CONSULT", ["SUPPORT"])]
    apart = entries("--no-fold")
    assert sorted(e["plover"] for e in apart) == ["CONSULT", "SUPPORT"]


def test_workspace_chronology_dataframe(tmp_path):
    from dyadwatch import Workspace

    (tmp_path / "2020-03-19_a.txt").write_text(
        "Call\n\nMOSCOW, March 19 (TASS) — Putin held talks with Xi Jinping by phone on Thursday.\n")
    with Workspace(tmp_path / "c.db") as ws:
        ws.ingest(tmp_path / "2020-03-19_a.txt")
        assert ws.annotate() == 1
        assert ws.annotate() == 0  # already annotated
        frame = ws.chronology("RUS,CHN")
        assert list(frame["date"]) == ["2020-03-19"] and list(frame["plover"]) == ["CONSULT"]
        assert len(ws.events()) >= 1


def test_events_follow_new_documents(tmp_path):
    from dyadwatch import Workspace

    first = tmp_path / "2020-03-19_a.txt"
    first.write_text("Call\n\nMOSCOW, March 19 (TASS) — Putin held talks with Xi Jinping by phone.\n")
    second = tmp_path / "2020-04-16_b.txt"
    second.write_text("Call\n\nMOSCOW, April 16 (TASS) — Putin held talks with Xi Jinping by phone.\n")
    with Workspace(tmp_path / "c.db") as ws:
        ws.ingest(first)
        assert list(ws.chronology("RUS,CHN")["date"]) == ["2020-03-19"]
        ws.ingest(second)
        assert list(ws.chronology("RUS,CHN")["date"]) == ["2020-03-19", "2020-04-16"]


def test_actor_named_only_by_the_event_layer_keeps_its_country_in_the_chronology(tmp_path):
    from dyadwatch import Workspace

    # "Chinese" before "medical supplies" is no actor of the actor layer; the event layer names it
    (tmp_path / "2020-03-04_a.txt").write_text(
        "Supplies\n\nChinese medical supplies were delivered to Russia on Monday.\n")
    with Workspace(tmp_path / "c.db") as ws:
        ws.ingest(tmp_path / "2020-03-04_a.txt")
        frame = ws.chronology("RUS,CHN")
        assert list(frame["date"]) == ["2020-03-02"] and list(frame["plover"]) == ["AID"]
        assert list(frame["source"]) == [["CHN"]] and list(frame["target"]) == [["RUS"]]


def test_a_fused_event_prefers_a_summary_that_opens_a_clause():
    from dyadwatch.fuse import _best_summary, _opens_a_clause

    sentence = ("On April 11 a team of Chinese specialists from the China CDC and Heilongjiang medical "
                "institutions arrived in Moscow.")
    assert not _opens_a_clause("Heilongjiang medical institutions arrived in Moscow.", sentence)
    assert _opens_a_clause("Ten experts arrive in Moscow.", "April 11, 2020: Ten experts arrive in Moscow.")
    mid = {"summary": "Heilongjiang medical institutions arrived in Moscow.", "sentence": sentence}
    whole = {"summary": "A team of Chinese medical experts arrived in Moscow.",
             "sentence": "A team of Chinese medical experts arrived in Moscow on Saturday."}
    assert _best_summary([mid, whole]) == whole["summary"]
    assert _best_summary([whole, mid]) == whole["summary"]


def test_a_fused_event_speaks_with_its_most_central_summary_among_equals():
    from dyadwatch.fuse import _best_summary

    presidents = [{"summary": "Xi Jinping spoke with Vladimir Putin by phone about the pandemic.",
                   "sentence": "Xi Jinping spoke with Vladimir Putin by phone about the pandemic."},
                  {"summary": "Putin and Xi spoke by phone about the pandemic and cooperation.",
                   "sentence": "Putin and Xi spoke by phone about the pandemic and cooperation."}]
    ministers = {"summary": "Lavrov and Wang Yi also discussed vaccines and border checks together.",
                 "sentence": "The ministers, Lavrov and Wang Yi also discussed vaccines and border checks "
                             "together."}
    # three summaries of the same length: the one that shares the most words with the others wins
    assert len({len(m["summary"].split()) for m in [*presidents, ministers]}) == 1
    assert _best_summary([ministers, *presidents]) in {m["summary"] for m in presidents}


def test_acts_at_home_on_one_day_fuse_only_when_their_wording_agrees():
    mentions = [
        mention(1, "TASS", ["CHN"], ["CHNCVL"], plover="COERCE",
                summary="China restricted the movement of Chinese citizens in Harbin."),
        mention(2, "The Diplomat", ["CHNGOV"], ["CHNMED"], plover="COERCE",
                summary="Beijing revoked the press credentials of three reporters."),
        mention(3, "Xinhua", ["CHNGOV"], ["CHNCVL"], plover="COERCE",
                summary="Harbin restricted the movement of citizens."),
        # between two countries, one category on one day is one happening whatever the wording
        mention(4, "TASS", ["RUS"], ["CHN"], plover="COERCE", summary="Russia closed the border."),
        mention(5, "RT", ["RUSGOV"], ["CHNCVL"], plover="COERCE", summary="Moscow barred Chinese visitors."),
        # so does one country acting on no one named
        mention(6, "Valdai", ["CHN"], [], plover="COERCE", summary="China closed its own crossings."),
        mention(7, "Carnegie", ["CHNGOV"], [], plover="COERCE",
                summary="Harbin and Suifenhe imposed quarantines on arrivals."),
        mention(8, "CGTN", ["CHN"], [], plover="COERCE", summary="China closed border crossings."),
    ]
    events = fuse(mentions)
    assert sorted(sorted(s.outlet for s in e.sources) for e in events) == \
        [["CGTN", "Valdai"], ["Carnegie"], ["RT", "TASS"], ["TASS", "Xinhua"], ["The Diplomat"]]


def test_entries_of_one_date_that_read_the_same_are_one_line():
    line = "A Russian plane, bringing equipment, and shipments of Chinese masks have been arriving in Russia."
    events = fuse([mention(1, "Global Research", ["RUSMIL"], ["CHN"], plover="AID", summary=line),
                   mention(2, "Global Research", ["CHN"], ["RUS"], plover="CONSULT", quad=1, summary=line),
                   mention(3, "TASS", ["RUS"], ["CHN"], plover="AID", date="2020-02-06", summary=line)])
    assert len(events) == 3
    entries = select(events, Dyad("RUS", "CHN"))
    assert [(e.date, len(e.sources)) for e in entries] == [("2020-02-05", 2), ("2020-02-06", 1)]
