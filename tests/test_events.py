"""The event layer: triggers, source and target, passive and reported speech, flags, dates and
summaries — with a small fixture lexicon, so these tests pin the mechanics, not the data."""

from pathlib import Path

import pytest
import yaml

from dyadwatch.annotate import sentence_dates
from dyadwatch.annotate.actors import find_actors
from dyadwatch.annotate.events import find_events
from dyadwatch.annotate.events.lexicon import LexiconError, load_lexicon
from dyadwatch.annotate.sentences import split_sentences
from dyadwatch.annotate.timex import find_timexes
from dyadwatch.model import PartialDate

SMALL = load_lexicon(yaml.safe_load((Path(__file__).parent / "fixtures" / "triggers_small.yaml").read_text()))


REVIEW_DATE = PartialDate(2020, 5, 15)


def events(text: str, published: PartialDate | None = REVIEW_DATE):
    sentences = split_sentences(text)
    timexes = find_timexes(text, published)
    first = published.first_day() if published else None
    actors = find_actors(text, sentences, sentence_dates(sentences, timexes, first))
    return find_events(text, sentences, actors, timexes, published, SMALL)


def brief(event) -> tuple:
    return ([a.code for a in event.source], [a.code for a in event.target], event.plover)


def test_source_trigger_target_and_date_from_the_clause():
    [event] = events("On February 5, 2020, Russia sent a shipment of aid to China.")
    assert brief(event) == (["RUS"], ["CHN"], "AID")
    assert (event.date, event.date_precision, event.date_anchor) == ("2020-02-05", "day", "absolute")
    assert (event.cameo, event.quad, event.intensity) == ("070", 2, 7.0)
    assert event.summary == "Russia sent a shipment of aid to China."
    assert event.trigger_text == "sent"


def test_event_nouns_and_prepositional_targets():
    [event] = events("Putin had a phone call with Xi Jinping on March 19.")
    assert brief(event) == (["RUSGOV"], ["CHNGOV"], "CONSULT")
    assert event.mode == "phone" and event.reciprocal
    assert event.date == "2020-03-19"


def test_coordinated_subjects_of_a_reciprocal_trigger():
    [event] = events("Russia and China agreed on Thursday.")
    assert brief(event) == (["RUS", "CHN"], [], "AGREE")


def test_passive_voice_takes_the_agent_after_by():
    [event] = events("The flights to Russia were authorized by China.")
    assert brief(event) == (["CHN"], ["RUS"], "REQUEST")


def test_reported_speech_keeps_the_reporter_apart():
    [event] = events("Peskov said Moscow could not agree with Beijing's criticism.")
    assert brief(event) == (["RUSGOV"], ["CHNGOV"], "REJECT")  # a negated agreement is a rejection
    assert event.reported_by is not None and event.reported_by.name == "Dmitry Peskov"
    assert not event.negated


def test_trailing_reporting_clause():
    [event] = events("China criticized the United States, the foreign ministry said.")
    assert brief(event)[:2] == (["CHN"], ["USA"])
    assert event.summary == "China criticized the United States."


def test_negation_future_hypothetical_and_question_flags():
    [negated] = events("Russia did not criticize China.")
    assert negated.negated and negated.plover == "ACCUSE"
    [promised] = events("Russia will send aid to China.")
    assert promised.modality == "future" and promised.plover == "AGREE"  # promised aid is AGREE
    [maybe] = events("Russia may criticize China.")
    assert maybe.modality == "hypothetical"
    [question] = events("Will Russia send aid to China?")
    assert question.modality == "question"  # a question asks, whatever modal it holds


def test_date_falls_back_to_the_running_time_then_the_publication_date():
    text = "On April 2, Russia thanked Beijing. Later, China sent aid to Russia."
    assert [e.date_anchor for e in events(text)][-1] == "narrative"
    [event] = events("China sent aid to Russia.", PartialDate(2020, 4, 10))
    assert (event.date, event.date_anchor) == ("2020-04-10", "publication")


def test_a_dateline_date_is_the_filing_not_the_event_date():
    published = PartialDate(2020, 3, 4)
    [event] = events("MOSCOW, March 4 (TASS) — China sent aid to Russia on Monday.", published)
    assert (event.date, event.date_anchor) == ("2020-03-02", "dct")
    [event] = events("BEIJING, March 4 — China sent aid to Russia.", published)
    assert (event.date, event.date_anchor) == ("2020-03-04", "publication")


def test_no_actor_no_event():
    assert events("Aid was sent yesterday.") == []


def test_a_malformed_lexicon_is_refused_with_the_entry():
    with pytest.raises(LexiconError, match="trigger 1: category 'HUG'"):
        load_lexicon({"triggers": [{"category": "HUG", "cameo": "010", "forms": ["hug"]}]})
    with pytest.raises(LexiconError, match="goldstein"):
        load_lexicon({"triggers": [{"category": "AID", "cameo": "070", "goldstein": 40, "forms": ["x"]}]})


def test_a_deontic_modal_in_reported_speech_is_a_demand():
    [event] = events("Lavrov said Japan must return the islands.")
    assert brief(event) == (["RUSGOV"], ["JPN"], "REQUEST")
    assert event.reported_by is not None and event.trigger_text == "must"


def test_targets_named_inside_the_object_or_left_domestic():
    [foreign] = events("Russia criticized the Ukrainian decision.")
    assert brief(foreign) == (["RUS"], ["UKR"], "ACCUSE")
    [domestic] = events("The Chinese government accused protesters of violence.")
    assert brief(domestic) == (["CHNGOV"], ["CHNOPP"], "ACCUSE")


def test_event_f1_on_plover_records_does_not_regress():
    from dyadwatch.eval.events import evaluate_plover

    from conftest import shared_data

    score = evaluate_plover(shared_data("events/plover-gsr-dev.jsonl"))
    # measured 0.512 when written, 0.61 after the voice, apposition and gazetteer work, 0.715
    # after the optional-word matcher, the new senses and the clause rules; the target (0.75) is
    # not met yet
    assert score.f1 >= 0.70, score.to_dict()


def test_subjects_named_by_nationality_and_domestic_defaults():
    from dyadwatch.annotate.actors import knowledge_base
    from dyadwatch.annotate.events import _subject_scan

    text = "Thousands of Iraqi Kurds"
    [subject] = _subject_scan(text, 0, len(text), knowledge_base())
    assert (subject.code, subject.text) == ("IRQ", "Iraqi")
    [protest] = events("Russian protesters demonstrated on Sunday.")
    assert brief(protest) == (["RUSOPP"], ["RUS"], "PROTEST")  # no foreign party: domestic
    assert protest.target[0].resolved_from == protest.source[0].start


def test_headings_are_not_claims():
    assert events("Russia's Aid Flights to China\n\nRussia sent aid to China.")[0].summary == \
        "Russia sent aid to China."
    assert len(events("Russia's Aid Flights to China\n\nRussia sent aid to China.")) == 1


def test_the_act_a_speech_act_names_is_not_an_event():
    assert [e.plover for e in events("Russia threatened to attack Georgia.")] == ["THREATEN"]
    both = events("Russia agreed with China but attacked Georgia.")
    assert sorted(e.plover for e in both) == ["AGREE", "ASSAULT"]


def test_the_nearest_target_preposition_and_numbers_with_commas():
    [event] = events("Russia agreed to Chinese mediation in talks with India.")
    assert [a.code for a in event.target] == ["CHN"]
    [aid] = events("Russia sent 13,000 tonnes of grain to Chinese farmers.")
    assert [a.country for a in aid.target] == ["CHN"]


def test_an_event_noun_given_by_the_clause_subject():
    [event] = events("Putin gave Xi Jinping a message of support.", PartialDate(2020, 1, 31))
    assert brief(event) == (["RUSGOV"], ["CHNGOV"], "SUPPORT")
    assert event.summary == "Putin gave Xi Jinping a message of support."


def test_a_user_knowledge_base_also_names_event_targets(tmp_path):
    from dyadwatch.annotate import annotate
    from dyadwatch.annotate.actors import load_knowledge_base
    from dyadwatch.model import Document, content_id

    (tmp_path / "countries.yaml").write_text("CHN: {demonyms: [Sinic]}\n")
    text = "Russia criticized the Sinic reform."
    document = Document(id=content_id(None, text), text=text, published=REVIEW_DATE)
    [without] = annotate(document)["events"]
    [with_kb] = annotate(document, load_knowledge_base([tmp_path]))["events"]
    assert without["target"] == []
    assert [a["code"] for a in with_kb["target"]] == ["CHN"]


def full(text: str, published: PartialDate | None = REVIEW_DATE):
    """Events with the bundled trigger lexicon (for behaviour that lives in the data)."""
    from dyadwatch.annotate.events.lexicon import event_lexicon

    sentences = split_sentences(text)
    timexes = find_timexes(text, published)
    first = published.first_day() if published else None
    actors = find_actors(text, sentences, sentence_dates(sentences, timexes, first))
    return find_events(text, sentences, actors, timexes, published, event_lexicon())


def test_a_trigger_inside_an_actor_name_is_not_an_event():
    lexicon = load_lexicon({"triggers": [
        {"category": "PROTEST", "cameo": "141", "pos": "noun", "forms": ["demonstrators"]},
        {"category": "ASSAULT", "cameo": "190", "forms": ["attacked"]}]})
    text = "Russian demonstrators attacked Armenia."
    sentences = split_sentences(text)
    actors = find_actors(text, sentences, sentence_dates(sentences, [], None))
    assert [brief(e) for e in find_events(text, sentences, actors, [], None, lexicon)] == \
        [(["RUSOPP"], ["ARM"], "ASSAULT")]


def test_an_event_noun_after_the_main_verb_is_its_circumstance():
    assert [brief(e) for e in events("Russia criticized China for the attack on Georgia.")] == \
        [(["RUS"], ["CHN"], "ACCUSE")]


def test_announced_force_or_a_condition_is_a_threat():
    [force] = events("Russia will attack Ukraine.")
    assert brief(force) == (["RUS"], ["UKR"], "THREATEN") and force.modality == "future"
    [condition] = events("Russia will deliver grain to Armenia unless Armenia pays its debts.")
    assert brief(condition) == (["RUS"], ["ARM"], "THREATEN")
    [promise] = events("Russia will deliver grain to Armenia.")
    assert brief(promise) == (["RUS"], ["ARM"], "AGREE")


def test_an_apposition_between_subject_and_verb_is_not_the_subject():
    [event] = events("Armenia, a close Russian ally, rejected the Turkish plan.")
    assert brief(event) == (["ARM"], ["TUR"], "REJECT")


def test_agentless_passive_the_subject_is_the_target():
    [placed] = events("A Canadian reporter was attacked in Ukraine on Friday.")
    assert brief(placed) == (["UKR"], ["CANMED"], "ASSAULT")
    [domestic] = events("Russian protesters were attacked on Sunday.")
    assert brief(domestic) == (["RUS"], ["RUSOPP"], "ASSAULT")
    assert events("China was criticized on Monday.") == []
    [progressive] = events("Russia is sending aid to Armenia.")  # not a passive
    assert brief(progressive) == (["RUS"], ["ARM"], "AID")


def test_participles_and_coordinated_verbs_share_the_clause_subject():
    lexicon = load_lexicon({"triggers": [
        {"category": "ASSAULT", "cameo": "190", "forms": ["shelled", "killing", "wounded"]},
        {"category": "ACCUSE", "cameo": "111", "forms": ["criticized"]}]})

    def run(text):
        sentences = split_sentences(text)
        actors = find_actors(text, sentences, sentence_dates(sentences, [], None))
        return [brief(e) for e in find_events(text, sentences, actors, [], None, lexicon)]

    assert run("Armenian troops shelled Ukraine, killing Turkish farmers.") == \
        [(["ARMMIL"], ["UKR"], "ASSAULT")]
    assert run("Armenian troops shelled Ukraine and criticized Turkey.") == \
        [(["ARMMIL"], ["UKR"], "ASSAULT"), (["ARMMIL"], ["TUR"], "ACCUSE")]
    # a time adverbial between "and" and the verb: "… and last week barred …"
    for adverbial in ("last week", "on Friday", "two days later", "the next day"):
        assert run(f"Armenian troops shelled Ukraine and {adverbial} criticized Turkey.") == \
            [(["ARMMIL"], ["UKR"], "ASSAULT"), (["ARMMIL"], ["TUR"], "ACCUSE")]


def test_the_act_demanded_in_a_that_clause_is_not_coded():
    assert events("Iran demanded that China send aid to Syria.") == []


def test_a_group_located_in_a_capital_takes_its_country():
    [event] = events("Protesters in Tbilisi demonstrated against Russia.")
    assert brief(event) == (["GEO"], ["RUS"], "PROTEST")


def test_sanctions_are_sanction_and_blockades_name_their_target():
    [sanction] = full("Canada imposed sanctions on Belarus.")
    assert brief(sanction) == (["CAN"], ["BLR"], "SANCTION")
    [blockade] = full("Chile announced a naval blockade of Peru.")
    assert brief(blockade) == (["CHL"], ["PER"], "COERCE")
    [road] = full("Demonstrators in Lima blocked a road to the Chilean embassy.")
    assert brief(road) == (["PER"], ["CHLGOV"], "PROTEST")


def test_optional_words_and_phrases_that_name_no_event():
    lexicon = load_lexicon({
        "triggers": [{"category": "CONCEDE", "cameo": "082", "forms": ["called off a strike"]},
                     {"category": "SUPPORT", "cameo": "050", "forms": ["upgraded ties"]},
                     {"category": "ASSAULT", "cameo": "1712", "forms": ["destruction"]}],
        "optional_words": {"words": ["their", "diplomatic"], "patterns": [r"\w+-day"]},
        "not_events": ["weapons of mass destruction"]})

    def run(text):
        sentences = split_sentences(text)
        actors = find_actors(text, sentences, sentence_dates(sentences, [], None))
        return [(brief(e), e.trigger_text) for e in find_events(text, sentences, actors, [], None, lexicon)]

    assert run("Chilean miners called off a three-day strike.") == \
        [((["CHLLAB"], [], "CONCEDE"), "called off a three-day strike")]
    assert run("Armenia and Moldova upgraded their diplomatic ties.") == \
        [((["ARM", "MDA"], [], "SUPPORT"), "upgraded their diplomatic ties")]
    assert run("Chilean miners called off a long strike.") == []  # "long" is not optional
    assert run("Peru sold Bolivia weapons of mass destruction.") == []
    with pytest.raises(LexiconError, match="optional_words"):
        load_lexicon({"triggers": [], "optional_words": ["their"]})


def test_bundled_senses_of_news_english():
    cases = {
        "Canada shared evidence with France.": (["CAN"], ["FRA"], "COOPERATE"),
        "Peru reneged on its promise to Chile.": (["PER"], ["CHL"], "REJECT"),
        "The Kenyan minister declined to resign.": (["KENGOV"], [], "REJECT"),
        "Turkish peacekeepers arrived in Cyprus.": (["TUR"], ["CYP"], "AID"),
        "The IAEA dispatched inspectors to Iran.": (["IGOIGO"], ["IRN"], "ACCUSE"),
        "Russia strengthened its forces in Syria.": (["RUS"], ["SYR"], "MOBILIZE"),
        "Ukraine paid compensation to Polish farmers.": (["UKR"], ["POLCVL"], "RETREAT"),
        "France will withdraw weapons inspectors from Iraq.": (["FRA"], ["IRQ"], "THREATEN"),
        "Lebanese workers stopped work on Monday.": (["LBNLAB"], ["LBN"], "PROTEST"),
        "Angolan police prevented a protest in Luanda.": (["AGOCOP"], ["AGO"], "COERCE"),
        "Sudan lifted the ban on the Islamic Salvation Front.": (["SDN"], ["DZAOPP"], "CONCEDE"),
    }
    for text, expected in cases.items():
        assert [brief(e) for e in full(text)] == [expected], text
    assert full("Lebanese families live in the occupied territories.") == []  # an adjective
    assert [brief(e) for e in full("Egypt accused Libya of seeking weapons of mass destruction.")] == \
        [(["EGY"], ["LBY"], "ACCUSE")]


def test_a_capitalised_trigger_inside_a_name_is_not_an_event():
    assert [brief(e) for e in full("The UN Emergency Relief Coordinator criticized Sudan.")] == \
        [(["IGOIGO"], ["SDN"], "ACCUSE")]


def test_reduced_relatives_and_but_clauses():
    lexicon = load_lexicon({"triggers": [
        {"category": "RETREAT", "cameo": "084", "forms": ["handed over"], "target_preps": ["to"]},
        {"category": "RETREAT", "cameo": "0841", "forms": ["release"]},
        {"category": "REQUEST", "cameo": "100", "forms": ["ordered"]},
        {"category": "REJECT", "cameo": "120", "forms": ["refusing"], "target_preps": ["to"]}]})

    def run(text):
        sentences = split_sentences(text)
        actors = find_actors(text, sentences, sentence_dates(sentences, [], None))
        return [(brief(e), e.trigger_text) for e in find_events(text, sentences, actors, [], None, lexicon)]

    # "handed over" modifies "a note": background; the main clause's act names the pair
    assert run("In a note handed over to Britain, Iran said it would release British sailors.") == \
        [((["IRN"], ["GBR"], "RETREAT"), "release")]
    # a "but" clause is not the complement of "ordered"; its subject is the clause's subject
    assert run("Chad opened its border to traders ordered out of Niger, but was still refusing entry "
               "to Malians.") == \
        [((["TCD"], ["MLI"], "REJECT"), "refusing")]


def test_agentive_nouns_and_isms_after_the_main_verb_are_not_events():
    assert [brief(e) for e in full("Ghana defended Togo against Nigerian criticism.")] == \
        [(["GHA"], ["TGO"], "SUPPORT")]


def test_objects_conditions_and_nationalities_choose_the_target():
    [blockade] = full("Greek farmers blockaded Athens to demand aid from the European Union.")
    assert [a.country for a in blockade.target] == ["GRC"]  # the object before the preposition
    [refusal] = full("Jordan will not accept more refugees if fighting spreads to Syria.")
    assert [a.country for a in refusal.target] == ["JOR"]  # not the place in the condition
    [threat] = full("Turkey threatened to impose sanctions unless Armenia withdraws.")
    assert brief(threat) == (["TUR"], ["ARM"], "THREATEN")  # a threat's target is in its condition


def test_reporting_frames_with_a_head_noun_and_trailing_reporters():
    [shelling] = full("Armenian troops shelled Azerbaijan, Turkish military sources said.")
    assert brief(shelling) == (["ARMMIL"], ["AZE"], "ASSAULT") and shelling.reported_by.code == "TURMIL"
    # a foreign reporter after the claim is not its actor
    assert full("Rebels attacked a convoy in Mali, the French army said.") == []


def test_pronoun_subjects_and_preparations():
    second = full("Malian rebels rejected an Algerian proposal and said they opposed Nigerian troops.")[1]
    assert [a.code for a in second.source] == ["MLIREB"]
    [prepared] = full("The Syrian army prepared to resume shelling Lebanese positions.")
    assert brief(prepared) == (["SYRMIL"], ["LBN"], "MOBILIZE")


def test_one_act_named_with_and_without_its_target_is_one_event():
    lexicon = load_lexicon({"triggers": [
        {"category": "CONSULT", "cameo": "040", "pos": "noun", "forms": ["talks"], "target_preps": ["with"]},
        {"category": "CONSULT", "cameo": "040", "pos": "noun", "forms": ["meeting"]}]})
    text = "Chilean unions held talks with the government at a long meeting."
    sentences = split_sentences(text)
    actors = find_actors(text, sentences, sentence_dates(sentences, [], None))
    assert [brief(e) for e in find_events(text, sentences, actors, [], None, lexicon)] == \
        [(["CHLLAB"], ["CHLGOV"], "CONSULT")]


def test_force_aimed_at_a_disease_or_a_problem_is_no_event():
    text = "China has won its fight against the virus, and Russia sent medical supplies to China."
    assert [e.plover for e in full(text)] == ["AID"]
    assert full("Harbin is battling a cluster of imported infections from Russia.") == []
    [attack] = full("Russian troops attacked a Chinese border post.")
    assert attack.plover == "ASSAULT"


def test_a_reported_act_is_not_dated_by_a_plan_that_follows_publication():
    wire = PartialDate(2020, 2, 19)  # a Wednesday
    text = ("Russia criticized China over its plan to bar Russian citizens starting from Thursday. "
            "Moscow sent medical aid to Beijing.")
    criticized, sent = full(text, wire)
    assert criticized.plover == "ACCUSE" and criticized.date == "2020-02-19"
    assert criticized.date_anchor == "publication"
    assert sent.date == "2020-02-19"  # the plan's Thursday does not become the story's day
    [plan] = full("Russia will send aid to China starting from Thursday.", wire)
    assert plan.modality == "future" and plan.date == "2020-02-20"


def test_a_bare_place_after_a_locative_preposition_is_not_the_subject():
    # "in Russia" says where the embassy is; the embassy acts
    [event] = events("The Chinese embassy in Russia sent a shipment of aid to Italy.")
    assert brief(event) == (["CHNGOV"], ["ITA"], "AID")
    # a city as the subject acts for its country (places.yaml), with no sector
    [event] = events("Harbin sent a shipment of aid to Russia.")
    assert brief(event) == (["CHN"], ["RUS"], "AID")


def test_approximate_numbers_commitments_and_crises():
    # "up to 2,500" is one approximate number: the form "deploy troops" still matches
    [event] = full("Spain is ready to contribute up to 2,500 troops to a force in Mali.")
    assert brief(event) == (["ESP"], ["MLI"], "AGREE") and event.modality == "future"
    [event] = full("Chile deployed some 1,200 peacekeepers to Haiti.")
    assert brief(event) == (["CHL"], ["HTI"], "AID")
    # a stated commitment is an intent to cooperate
    [event] = full("Officials said Peru remains committed to reforming its pension system.")
    assert brief(event) == (["PER"], [], "AGREE")
    # a battle against a crisis is aimed at no one, however long its description
    assert full("Kenya must fund the battle against the worsening food and fuel crisis.") == []


def test_agreeing_to_a_proposal_targets_its_owner():
    # the nearest preposition's actor, not the party of the talks named further on
    [event] = full("Armenia agreed to a Russian plan for new talks with Azerbaijan.")
    assert brief(event) == (["ARM"], ["RUS"], "AGREE")


def test_a_threat_targets_the_party_its_condition_names():
    [event] = full("Turkey threatened to close its airspace over Cyprus if Greece held the exercise.")
    assert brief(event) == (["TUR"], ["GRC"], "THREATEN")


def test_an_actor_completing_the_subjects_head_noun_is_not_the_subject():
    [event] = full("Russian troops in the eastern part of Ukraine attacked a Moldovan convoy.")
    assert brief(event) == (["RUSMIL"], ["MDA"], "ASSAULT")
    [event] = full("The Indian and Pakistani sides of the disputed region of Nepal agreed to hold talks.")
    assert brief(event)[::2] == (["IND", "PAK"], "AGREE")  # both sides, not Nepal
    # a name or a verb is no head noun: the later actor still acts
    [event] = full("Ethnic Albanians in south Serbia attacked a police station.")
    assert brief(event)[0] == ["SRB"]
    [event] = full("Mexico on Friday sent aid to Cuba.")
    assert brief(event) == (["MEX"], ["CUB"], "AID")


def test_an_infinitive_of_purpose_after_a_place_has_the_clauses_subject():
    [event] = full("The European Union sent ten experts to Moldova on Monday to investigate the incident.")
    assert brief(event) == (["IGOIGO"], ["MDA"], "ACCUSE")
    # without the preposition the actor is the object, and the infinitive is what it is asked to do
    [event] = full("The European Union urged Moldova on Monday to investigate the incident.")
    assert brief(event) == (["IGOIGO"], ["MDA"], "REQUEST")


def test_a_verb_form_after_an_adjective_is_a_noun():
    # "an informal meeting" is the hosting's circumstance, not a second meeting the other way round
    assert [brief(e) for e in full("Peru hosted Chilean ministers in Lima for an informal meeting.")] == \
        [(["PER"], ["CHLGOV"], "CONSULT")]
    # "private visits" names a purpose of the barred travellers, not a visit
    assert [e.plover for e in full("Japan suspended entry for Korean citizens travelling for study or "
                                   "private visits.")] == ["SANCTION"]


def test_a_pronoun_object_is_not_its_subject():
    # the actor layer resolves both "he" and "him" to the last person named; they cannot be one
    text = ("Japanese Prime Minister Shinzo Abe met South Korean President Moon Jae-in in Tokyo, "
            "and he welcomed him warmly.")
    assert [brief(e) for e in full(text)] == [(["JPNGOV"], ["KORGOV"], "CONSULT")]


def test_a_speech_act_closing_the_sentence_belongs_to_the_phrase_before_it():
    text = "Croatian police beat Serbian refugees near Knin, the Serbian government protested on Monday."
    assert [brief(e) for e in full(text)] == [(["HRVCOP"], ["SRBREF"], "ASSAULT"),
                                              (["SRBGOV"], ["HRVCOP"], "ACCUSE")]  # a complaint
    # a speaker the knowledge base cannot name is no reason to credit the accused
    text = "Croatian police beat Serbian refugees near Knin, a refugee group charged on Monday."
    assert [brief(e) for e in full(text)] == [(["HRVCOP"], ["SRBREF"], "ASSAULT")]


def test_a_gerund_after_a_preposition_is_not_the_main_event():
    text = ("The Peruvian government stated that efforts to criticize Chile for being slow in warning "
            "Bolivia were unhelpful.")
    assert [e.trigger_text for e in full(text)] == ["criticize"]  # "in warning" is no second happening


def test_a_passive_agent_after_the_complement():
    text = ("The Bolivian minister has been accused of hiding public funds, most of them abroad, "
            "by Peruvian officials.")
    assert [brief(e) for e in full(text)] == [(["PERGOV"], ["BOLGOV"], "ACCUSE")]


def test_the_issue_5_rules_stop_where_their_pattern_ends():
    # an introductory phrase before a comma is no trailing speaker: only accusations and protests are
    [call] = full("On the evening of March 5, Beijing time, Vladimir Putin and Xi Jinping spoke by phone.")
    assert brief(call) == (["RUSGOV", "CHNGOV"], [], "CONSULT")
    # a verb ends the phrase that completes a head noun ("the minister on Monday criticized …")
    text = "The Peruvian foreign minister on Monday criticized a Chilean court ruling ordering Lima to pay."
    assert (["CHLJUD"], ["PERGOV"], "REQUEST") in [brief(e) for e in full(text)]
    # the means of an act ("by supporting") happened: it is not background
    events_ = full("Iran destabilized the region, including by supporting Houthi attacks against ships.")
    assert (["IRN"], "SUPPORT") in [brief(e)[::2] for e in events_]


def test_an_act_in_a_condition_is_not_coded():
    text = "Chile will boycott the summit unless Peru agrees to resume talks."
    assert [e.trigger_text for e in full(text)] == ["boycott"]
    # a condition closed by a comma leaves the main clause's act alone
    [event] = full("If the talks fail, Peru will recall its ambassador from Chile.")
    assert event.source[0].code == "PER"


def _corpus_sentences():
    """Every sentence of the demo corpus and of the events fixture texts, with its document's text."""
    from dyadwatch import Workspace
    from dyadwatch.demo import corpus_dir

    with Workspace(":memory:") as workspace:
        workspace.ingest(corpus_dir())
        documents = workspace.documents()
    extra = ["Talks broke down; Russia called off a four-day strike, about 4,000 troops and up to 1.5 tonnes "
             "of aid\u2019s worth. The U.S. didn\u2019t agree, nor did Moscow\u2019s ally. \u0130stanbul: "
             "\u03a3\u039f\u03a3 said."]
    for text in [d.text for d in documents] + extra:
        for sentence in split_sentences(text):
            yield text, sentence


def test_trigger_search_at_possible_first_words_finds_what_a_scan_of_every_token_finds():
    from dyadwatch.annotate.actors.kb import tokenize
    from dyadwatch.annotate.events.lexicon import event_lexicon
    from dyadwatch.annotate.events.triggers import _Found, _triggers

    lexicon = event_lexicon()

    def scan(text, sentence):  # the search before the first-word index: match_at at every token
        tokens = [(t, s + sentence.start, e + sentence.start) for t, s, e in tokenize(sentence.text)]
        found, i = [], 0
        while i < len(tokens):
            match = lexicon.match_at(tokens, i)
            if match:
                if match[1] is not None:
                    found.append(_Found(tokens[i][1], tokens[i + match[0] - 1][2], match[1]))
                i += match[0]
            else:
                i += 1
        return found

    checked = 0
    for text, sentence in _corpus_sentences():
        expected = scan(text, sentence)
        assert _triggers(text, sentence, lexicon) == expected, sentence.text
        checked += len(expected)
    assert checked > 300
    # a form with an apostrophe, on curly and straight ones
    lexicon = load_lexicon({"triggers": [{"category": "ASSAULT", "cameo": "190",
                                          "forms": ["waged people's war", "sent troops", "O'Neill"]}],
                            "optional_words": {"words": ["a"], "approximators": ["about"]}})
    for text in ["Rebels waged people\u2019s war, sent about 4,000 troops and O\u2019Neill.",
                 "Rebels waged people's war; O'Neill sent a 4,000 troops."]:
        for sentence in split_sentences(text):
            assert _triggers(text, sentence, lexicon) == scan(text, sentence) != []


def test_one_cue_pattern_finds_what_a_pattern_per_cue_finds():
    import re

    from dyadwatch.annotate.events.lexicon import _cue_pattern, event_lexicon

    lexicon = event_lexicon()
    windows = {" ".join(sentence.text.lower().split()[k:k + n])
               for _, sentence in _corpus_sentences() for n in (3, 6) for k in range(0, 40, 2)}
    windows |= {"didn't agree", "notably", "won't", "they'll", "it will", "wouldn't consider", "ready-to",
                "'will", "no longer", "no longerer", "if-then", "unless,", "whether"}
    for key in ("negation", "future", "hypothetical"):
        cues = lexicon.modality[key]
        each = [re.compile(rf"(?<![\w']){re.escape(c)}(?!\w)" if not c.startswith("n'") else re.escape(c))
                for c in cues]
        pattern = _cue_pattern(cues)
        hits = 0
        for window in windows:
            expected = any(p.search(window) for p in each)
            assert (pattern.search(window) is not None) == expected, (key, window)
            hits += expected
        assert hits > 20


def test_actors_by_start_finds_what_a_scan_finds_in_order_or_not():
    from dyadwatch.annotate.events import _by_start
    from dyadwatch.model import Actor

    def actor(start: int) -> Actor:
        return Actor(start, start + 3, "Foo", "RUS", "RUS", None)

    for starts in ([], [0, 4, 4, 9, 15, 15, 30], [9, 0, 4, 30, 15, 4]):
        actors = [actor(s) for s in starts]
        within = _by_start(actors)
        for start in range(-1, 33):
            for end in range(start, 34):
                assert within(start, end) == [a for a in actors if start <= a.start < end]


def test_the_quick_sentence_tests_hold_wherever_their_searches_match():
    import re

    from dyadwatch.annotate import events as layer
    from dyadwatch.annotate.events.lowered import lowered
    from dyadwatch.annotate.events.speech import _DEONTIC_AFTER, _DIRECTIVE_THAT

    extra = ["\u0130f Russia agrees, Chinese troops withdraw.", "Iran would help \u0131f Iraq called.",
             "UNLESS CHINA AGREES, RUSSIA ATTACKS.", "Russia Demanded That Japan Withdraw.",
             "Russia said Japan\nmust return the islands.", "Russia said Japan ought  to leave."]
    sentences = list(_corpus_sentences()) + [(t, s) for t in extra for s in split_sentences(t)]
    held = {"directive": 0, "condition": 0, "deontic": 0}
    for text, sentence in sentences:
        span = text[sentence.start:sentence.end]
        low = lowered(text, sentence.start, sentence.end)
        ends = [sentence.start + k for m in re.finditer(r"\w+", span) for k in m.span()] + [sentence.end]
        for end in ends:
            if _DIRECTIVE_THAT.pattern.search(text, max(sentence.start, end - 120), end):
                held["directive"] += 1
                assert layer._may_hold(low, layer._DIRECTIVE_WORDS), span
            if layer._IN_CONDITION.pattern.search(text, max(sentence.start, end - 60), end):
                held["condition"] += 1
                assert layer._may_hold(low, layer._CONDITION_WORDS), span
            modal = _DEONTIC_AFTER.match(text, end)
            if modal and modal.end() <= sentence.end:
                held["deontic"] += 1
                assert layer._ANY_DEONTIC.search(text, sentence.start, sentence.end), span
    assert min(held.values()) > 3, held


def test_knowledge_base_matches_at_possible_first_words_are_those_of_a_scan_of_every_token():
    from dyadwatch.annotate.actors import knowledge_base
    from dyadwatch.annotate.actors.kb import tokenize
    from dyadwatch.annotate.events.roles import _kb_matches

    kb = knowledge_base()
    extra = "The Saudi-led coalition and US-led forces met Russia\u2019s envoy in Xi\u2019an."
    matched = 0
    for _, sentence in list(_corpus_sentences()) + [(extra, s) for s in split_sentences(extra)]:
        window, offset = sentence.text, sentence.start
        tokens = [(t, s + offset, e + offset) for t, s, e in tokenize(window)]
        expected = [(tokens[i][1], tokens[i + m[0] - 1][2], m[1])
                    for i in range(len(tokens)) if (m := kb.match_at(tokens, i))]
        assert list(_kb_matches(kb, window, offset)) == expected, window
        assert list(_kb_matches(kb, window, offset, backward=True)) == expected[::-1]
        matched += len(expected)
    assert matched > 1000


def test_searches_on_lower_cased_text_match_where_the_case_insensitive_searches_do():
    import re

    from dyadwatch.annotate.events import clauses, speech
    from dyadwatch.annotate.events.lowered import lowered
    from dyadwatch.model import Sentence

    pairs = [(speech.REPORTING_VERBS, speech._REPORTING_VERBS_LOWERED, speech._REPORTING_VERB),
             (clauses._SUBORDINATOR, clauses._SUBORDINATOR_LOWERED, clauses._SUBORDINATING)]
    # every branch of each pattern, in capitals and glued to a word before or after
    words = [w.replace("[sz]", "z").replace(r"\s+", " ").replace(r"\s*", "").replace(r"\s", " ")
             .replace("ha[sd]", "had").replace("(?:", "").replace(")", "").replace(r"\b", "")
             for _, _, body in pairs for w in re.split(r"\||\(\?:", body) if re.search("[a-z]", w)]
    extra = [f"{pre}{w}{post} Russia" for w in words for pre in ("", "X", " ,", "Y, ")
             for post in ("", "s", " ", ".")]
    extra += [w.upper() for w in extra[:200]] + ["Iran \u0130f said, \u0131f Russia wh\u0131le sa\u0131d",
                                                "Russia \u017fays that Chin\u0130 after"]
    sentences = list(_corpus_sentences()) + [(t, Sentence(0, len(t), t)) for t in extra]
    found = 0
    for text, sentence in sentences:
        for original, lowered_pattern, _ in pairs:
            expected = [m.span() for m in original.finditer(text, sentence.start, sentence.end)]
            low = lowered(text, sentence.start, sentence.end)
            got = expected if low is None else \
                [(m.start() + low[1], m.end() + low[1])
                 for m in lowered_pattern.finditer(low[0], sentence.start - low[1])]
            assert got == expected, text[sentence.start:sentence.end]
            found += len(expected)
        for start in range(sentence.start, sentence.end, 7):
            for end in (start + 1, start + 25, sentence.end):
                end = min(end, sentence.end)
                expected = clauses._SUBORDINATOR.search(text, start, end) is not None
                low = lowered(text, start, end)
                if low is not None:
                    got = clauses._SUBORDINATOR_LOWERED.search(low[0], start - low[1]) is not None
                    assert got == expected, text[start:end]
                found += expected
    assert found > 1000


def test_the_two_sides_of_one_mention_act_together():
    text = "China and Russia held talks. The two sides agreed to expand trade."
    agree = [e for e in full(text) if e.plover == "AGREE"]
    assert [sorted(a.country for a in e.source) for e in agree] == [["CHN", "RUS"]]


def test_talks_with_someone_the_occasion_of_an_act_and_refusals_to_act():
    [call] = full("Chinese Foreign Minister Wang Yi spoke with Russian Foreign Minister Sergei Lavrov "
                  "on Saturday at Lavrov's request.")
    assert brief(call) == (["CHNGOV"], ["RUSGOV"], "CONSULT") and call.reciprocal
    # "at X's request", "at the invitation of": on whose request another act took place
    assert [brief(e) for e in full("Xi visited Moscow at the invitation of President Putin.")] == \
        [(["CHNGOV"], ["RUSGOV"], "CONSULT")]
    # "vote on X's request" is an act on the request itself
    voted = full("The Ukrainian parliament voted on Poroshenko's request.")
    assert [e.trigger_text for e in voted] == ["request"]
    [advice] = full("The ministry advised Russians to refrain from trips to China.")
    assert advice.negated
    for text in ("Russia held no talks with China.", "Russia gave no aid to China."):
        [refused] = full(text)
        assert refused.negated and brief(refused)[:2] == (["RUS"], ["CHN"])


def test_folded_rules_find_on_lowered_text_what_their_case_insensitive_patterns_find():
    from dyadwatch.annotate.events import _PASSIVE_AUX, _PASSIVE_NOUN, clauses, roles
    from dyadwatch.annotate.events.lowered import lowered

    rules = [_PASSIVE_AUX, _PASSIVE_NOUN, roles._PRONOUN_SUBJECT, roles._COORDINATED_VERB_BEFORE,
             roles._LOCATIVE_PREP, clauses._INFINITIVE_BEFORE, clauses._GERUND_AFTER_PREPOSITION,
             clauses._REDUCED_RELATIVE_BEFORE]
    extra = ["Troops WERE deployed. Russia Was Heavily Shelled In The East, And Attacked.",
             "They \u0130s attacked; she \u0131s seized and wAS ARRESTED by police in order to help."]
    sentences = list(_corpus_sentences()) + [(t, s) for t in extra for s in split_sentences(t)]
    found = 0
    for text, sentence in sentences:
        low = lowered(text, sentence.start, sentence.end)
        for end in range(sentence.start, sentence.end + 1, 3):
            for width in (12, 30, 80):
                start = max(0, end - width)  # may begin before the sentence, where low does not reach
                for rule in rules:
                    match = rule.pattern.search(text, start, end)
                    expected = None if match is None else match.start()
                    assert rule.search(text, low, start, end) == expected, (text[start:end], rule.pattern)
                    found += expected is not None
        for start in range(sentence.start, sentence.end, 5):
            for preposition in ("to", "with", "against", "on"):
                rule = roles._preposition(preposition)
                match = rule.pattern.search(text, start, min(sentence.end, start + 50))
                assert rule.span(text, low, start, min(sentence.end, start + 50)) == (match and match.span())
    assert found > 1000


def test_first_character_scans_find_where_their_patterns_first_match():
    import re

    from dyadwatch.annotate.events.lowered import first_character_scan

    bodies = [r",\s|;|\b(?:said|says|which|who|after|because)\b", r"[,;]|\b(?:said|says)\b",
              r"[,;]|\s(?:which|who|after|as|while|saying|amid)\s", r"(?<![\w'])(?:not|never)(?!\w)|n't"]
    found = 0
    for body in bodies:
        pattern, scan = re.compile(body), first_character_scan(body)
        for text, sentence in _corpus_sentences():
            for start in range(sentence.start, sentence.end, 11):
                for end in (start + 20, start + 60, sentence.end):
                    match, fast = pattern.search(text, start, end), scan.search(text, start, end)
                    assert (match and match.start()) == (fast and fast.start()), text[start:end]
                    found += match is not None
    assert found > 1000


def test_lower_casing_changes_the_tokens_only_at_the_listed_characters():
    import re
    import sys

    from dyadwatch.annotate.events.triggers import TOKENS_CHANGE_WHEN_LOWERED

    classes = [re.compile(p) for p in (r"\w", r"\s", r"\d", r"[A-Za-z]", r"[-.'’]")]
    changed = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if low != char and (len(low) != 1 or any(bool(c.match(char)) != bool(c.match(low)) for c in classes)):
            changed.add(char)
    assert changed == set(TOKENS_CHANGE_WHEN_LOWERED)


def test_folded_directive_and_condition_searches_find_what_their_case_insensitive_patterns_find():
    from dyadwatch.annotate import events as layer
    from dyadwatch.annotate.events.lowered import lowered
    from dyadwatch.annotate.events.speech import _DIRECTIVE_THAT

    pairs = [(_DIRECTIVE_THAT.pattern, _DIRECTIVE_THAT, 120),
             (layer._IN_CONDITION.pattern, layer._IN_CONDITION, 60)]
    extra = ["\u0130f Russia agrees, Chinese troops withdraw.", "Iran would help \u0131f Iraq called.",
             "UNLESS CHINA AGREES, RUSSIA ATTACKS.", "Russia Demanded That Japan Withdraw its troops."]
    sentences = list(_corpus_sentences()) + [(t, s) for t in extra for s in split_sentences(t)]
    found = 0
    for text, sentence in sentences:
        low = lowered(text, sentence.start, sentence.end)
        for end in range(sentence.start, sentence.end + 1, 2):
            for pattern, folded, width in pairs:
                start = max(sentence.start, end - width)
                match = pattern.search(text, start, end)
                assert folded.search(text, low, start, end) == (match and match.start()), text[start:end]
                found += match is not None
    assert found > 20


def test_the_lexicon_cue_patterns_are_the_cue_pattern_of_each_modality():
    from dyadwatch.annotate.events.lexicon import _cue_pattern, event_lexicon

    lexicon = event_lexicon()
    assert set(lexicon.cue_patterns) == set(lexicon.modality)
    for key, cues in lexicon.modality.items():
        assert lexicon.cue_patterns[key].pattern == _cue_pattern(cues).pattern


def test_a_verb_of_giving_names_its_recipient_before_the_event_noun():
    [aid] = full("China has provided Russia a batch of supplies and is helping it buy medical materials "
                 "in China.", PartialDate(2020, 4, 16))
    assert brief(aid) == (["CHN"], ["RUS"], "AID")
    assert aid.summary.startswith("China has provided Russia a batch of supplies")
    # "firm" right before the noun it modifies is no Chinese firm; the subject gives the support
    [support] = full("The international community, including Russia, will continue to give China firm "
                     "support.", PartialDate(2020, 2, 19))
    assert ([a.code for a in support.source], [a.code for a in support.target]) == (["RUS"], ["CHN"])
    assert support.summary == "The international community, including Russia, will continue to give China " \
                              "firm support."
    [firm] = full("A Chinese firm signed a deal with Russia.")
    assert [a.code for a in firm.source] == ["CHNBUS"]
    [helped] = full("Russia helped China evacuate its citizens.")  # "help" gives too
    assert brief(helped) == (["RUS"], ["CHN"], "AID")
    [protest] = full("Russia sent Lavrov to protest the decision.")  # an infinitive, not a thing given
    assert [a.code for a in protest.source] == ["RUSGOV"]


def test_a_message_that_offers_is_its_senders_offer():
    found = full("Putin sent Chinese President Xi Jinping a message of sympathy that offered medical "
                 "supplies.", PartialDate(2020, 1, 31))
    assert found
    assert all(brief(e)[:2] == (["RUSGOV"], ["CHNGOV"]) for e in found)
    assert all(e.summary.startswith("Putin sent Chinese President Xi Jinping") for e in found)


def test_kinds_of_travel_and_definite_nouns_told_before_are_no_events():
    invitations = full("Russia will stop issuing invitations for Chinese citizens on private and study "
                       "visits.")
    assert "CONSULT" not in {e.plover for e in invitations}
    assert full("The ban covers Chinese citizens travelling to Russia for work, study, private visits "
                "and tourism.") == []
    assert full("Chinese students in Russian universities affected by the restrictions will be offered "
                "distance learning.") == []
    # a definite noun that says on whom, and a verb after a noun, still name acts
    [imposed] = full("Russia imposed the new restrictions on Chinese citizens.")
    assert brief(imposed) == (["RUS"], ["CHNCVL"], "COERCE")
    [restricted] = full("The Russian government restricted entry for Chinese citizens.")
    assert brief(restricted) == (["RUSGOV"], ["CHNCVL"], "COERCE")


def test_a_capital_after_a_target_preposition_is_the_target():
    [event] = full("Chinese doctors arrived in Moscow on a Russian military aircraft.")
    assert [(a.code, a.text) for a in event.target] == [("RUS", "Moscow")]


def test_a_summary_starts_at_the_head_its_source_qualifies():
    [team] = full("A team of ten Chinese medical experts arrived in Moscow.")
    assert team.summary == "A team of ten Chinese medical experts arrived in Moscow."
    [call] = full("Russian President Vladimir Putin and his Chinese counterpart, Xi Jinping, held a "
                  "telephone conversation.")
    assert call.summary.startswith("Russian President Vladimir Putin and his Chinese counterpart, Xi Jinping")
    [condemned] = full("In a statement, Russia, which borders China, condemned China.")
    assert condemned.summary.startswith("Russia, which borders China, condemned")


def test_what_is_denied_or_done_without_is_negated():
    [halt] = full("The Russian side said the steps do not mean a total halt to exchanges with China.")
    assert halt.negated
    [consulting] = full("Russia acted without consulting China.")
    assert consulting.negated
    assert full("Holders of these visas may enter the Russian Federation without restriction.") == []
    [ban] = full("Russia announced a complete ban on Chinese citizens.")  # no denial: an act
    assert not ban.negated


def test_a_chronology_line_in_the_present_tense_shares_its_subject():
    found = full("Jan. 31, 2020: Putin sends Xi a message of support and offers medical aid.",
                 PartialDate(2020, 5))
    assert found and all([a.code for a in e.source] == ["RUSGOV"] for e in found)
    # a participle on a message noun is the sender's act, as a relative clause on it is
    [offering] = full("On the same day President Vladimir Putin sent President Xi Jinping a message of "
                      "sympathy offering medical supplies.", PartialDate(2020, 4))
    assert offering.trigger_text == "offering"
    assert brief(offering)[:2] == (["RUSGOV"], ["CHNGOV"])


def test_a_summary_cut_for_length_ends_before_a_joined_clause():
    [thanks] = full("Xi also thanked Moscow for its help during the worst of China's epidemic and said a "
                    "team of Chinese doctors would travel to Russia.", PartialDate(2020, 4, 11))
    assert thanks.summary == "Xi also thanked Moscow for its help during the worst of China's epidemic."


def test_plural_nouns_and_joined_words_are_not_clauses():
    # a plural noun joined to another noun is no verb in -s taking the clause's subject
    [promises] = [e for e in full("Biden believes it is important that China live up to the commitments "
                                  "and promises it has made.") if e.trigger_text == "promises"]
    assert [a.code for a in promises.source] == ["CHN"]
    # a summary cut for length keeps "the United States and China" whole; it ends only before a clause
    from dyadwatch.annotate.events.summaries import _clause_tail

    text = ("Biden met Xi to discuss the importance of managing the competition between the United "
            "States and China and of addressing areas of strategic risk in the region.")
    position = text.index(" to discuss")
    assert text[position:_clause_tail(text, position, len(text))] == \
        " to discuss the importance of managing the competition between the United States and China"


def test_the_infinitive_of_the_subjects_own_decision_is_the_subjects_act():
    [restrict] = full("Russia notified China in advance of its decision to temporarily restrict the entry "
                      "of Chinese citizens.", PartialDate(2020, 2, 19))
    assert brief(restrict) == (["RUS"], ["CHNCVL"], "COERCE")
    # after "for", "its" is the one judged: the nearest actor keeps it
    [criticized] = full("China criticized Russia for its decision to restrict the entry of Chinese citizens.")
    assert brief(criticized) == (["CHN"], ["RUS"], "ACCUSE")


def test_a_pronoun_subject_after_a_reporting_verb_is_the_reporter():
    [urged] = [e for e in full("China said it understood Russia's reasons for barring Chinese citizens, "
                               "but urged Moscow to lift the restrictions.", PartialDate(2020, 2, 20))
               if e.plover == "REQUEST"]
    assert brief(urged) == (["CHN"], ["RUSGOV"], "REQUEST")
    # a named subject after the reporting verb keeps the verb joined to it
    [rejected] = full("Peskov said Russia understood the concerns but rejected China's criticism.")
    assert [a.code for a in rejected.source] == ["RUS"]


def test_signing_an_order_is_no_agreement_but_what_it_orders_may_be_an_act():
    [closing] = full("Mishustin signed an order closing border crossings with China.")
    assert brief(closing) == (["RUSGOV"], ["CHN"], "COERCE")
    on_crossings = full("Mishustin signed an order on border crossings with China.")
    assert "SUPPORT" not in {e.plover for e in on_crossings}
    [agreement] = full("Russia and China signed an agreement on trade.")
    assert agreement.plover == "SUPPORT"


def test_a_summary_starts_where_the_phrase_of_its_source_opens():
    [met] = full("The PRC side followed up on that when Foreign Minister Wang met with Secretary Blinken.")
    assert met.summary.startswith("The PRC side followed up")
    [call] = full("BEIJING, March 19 (Xinhua) -- Chinese President Xi Jinping spoke with Russian President "
                  "Vladimir Putin over the phone on Thursday evening.", PartialDate(2020, 3, 19))
    assert call.summary.startswith("Chinese President Xi Jinping spoke with")  # not "Xinhua) --"
    [visas] = full("From February 19, Russian authorities will stop issuing invitations for Chinese "
                   "citizens.", PartialDate(2020, 2, 18))
    assert visas.summary.startswith("Russian authorities will stop")
    # a predicate after a comma, or a subordinate clause before the source, is not taken in
    [joining] = full("First, a group of allies, including Japan and Canada, are joining the United States in "
                     "criticizing China's cyber activities.")
    assert joining.summary.startswith("United States in criticizing")
    complained = [e for e in full("After a newspaper published a letter in which Chinese diplomats "
                                  "complained about checks, Moscow defended the checks.")
                  if e.plover == "ACCUSE"]
    assert [e.summary.split()[:2] for e in complained] == [["Chinese", "diplomats"]]


def test_shutting_the_gates_and_closing_ones_own_crossings_are_closures():
    [gates] = full("In February it was Russia that shut the gates on Chinese citizens.")
    assert brief(gates) == (["RUS"], ["CHNCVL"], "COERCE")
    [crossings] = full("In April, China closed its own crossings after infected citizens returned from "
                       "Russia.")
    assert ([a.code for a in crossings.source], crossings.plover) == (["CHN"], "COERCE")


def test_agentless_entry_bans_and_clauses_around_the_subject():
    # the country whose entry is barred bars it, and the summary opens with the passive's subject
    [barred] = full("Chinese citizens were barred from entering Russia for work.")
    assert brief(barred) == (["RUS"], ["CHNCVL"], "COERCE")
    assert barred.summary == "Chinese citizens were barred from entering Russia for work."
    # an opening "when" clause is not where a joined verb finds its subject
    [sealed] = full("In February, when China was the epicentre, Russia sealed its Far Eastern border and "
                    "barred entry to Chinese citizens.")
    assert [a.code for a in sealed.source] == ["RUS"]
    # an actor followed by a predicate of its own is not a later passive verb's subject
    steps = full("Geng said Russia and China agreed. According to Geng, the Russian side said the steps do "
                 "not mean a total halt to exchanges between the two countries, are temporary, and will be "
                 "adjusted or even lifted once the situation improves.")
    [lifted] = [e for e in steps if e.trigger_text == "lifted"]
    assert [a.code for a in lifted.source] == ["RUS"]  # the reporter, "the Russian side"


def test_the_nearest_reporting_frame_reports_and_a_summary_takes_its_article():
    # two frames: the one nearest before the trigger reports it ("the Russian side", not Geng)
    found = full("Foreign Ministry spokesman Geng Shuang said on Wednesday that Russia acted. According to "
                 "Geng, the Russian side said the steps do not mean a total halt to exchanges between the "
                 "two countries.", PartialDate(2020, 2, 19))
    [halt] = [e for e in found if e.trigger_text == "halt"]
    assert [a.code for a in halt.source] == ["RUS"] and halt.reported_by.code == "RUS"
    assert halt.summary.startswith("The Russian side said")


def test_trigger_keys_of_lowered_text_are_those_of_the_text_also_for_capital_possessives():
    from dyadwatch.annotate.actors.kb import token_texts
    from dyadwatch.annotate.events.triggers import _token_keys
    from dyadwatch.annotate.trie import token_keys

    for text in ("CHINA'S envoy and RUSSIA’S minister", "China's envoy", "RUSSIA'S BAN ON CHINESE CITIZENS"):
        words, offsets = token_texts(text, 0, len(text))
        assert _token_keys(text) == (token_keys(words, text), offsets), text
