"""Quotations: marks, cues, speakers, kinds, and robustness on bad quoting."""

from __future__ import annotations

import pytest

from dyadwatch.annotate import headline_quotes, layers, title_actors
from dyadwatch.annotate.quotes import find_quotes, load_cues
from dyadwatch.annotate.quotes.marks import quoted_spans
from dyadwatch.model import PartialDate

DAY = PartialDate(2020, 2, 26)


def quotes_of(text: str, title: str | None = None):
    sentences, timexes, actors, _ = layers(text, DAY)
    return find_quotes(text, sentences, actors, timexes, DAY, title_actors=title_actors(title))


def only(text: str, title: str | None = None):
    found = quotes_of(text, title)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# --- marks ----------------------------------------------------------------------------------

def test_straight_and_curly_marks_pair_and_apostrophes_do_not():
    text = 'He said "we don\'t agree" and then “China’s view is wrong” today.'
    spans = quoted_spans(text)
    assert [s.text(text) for s in spans] == ["we don't agree", "China’s view is wrong"]


def test_quote_over_two_paragraphs_with_closing_mark_only_at_the_end():
    text = '"The first part goes on here.\n\n"And the second part ends it," she said.'
    (span,) = quoted_spans(text)
    assert len(span.parts) == 2 and span.closed
    assert span.text(text) == "The first part goes on here. And the second part ends it,"


def test_unbalanced_mark_stops_at_its_paragraph_and_does_not_swallow_the_document():
    text = 'He said "this never closes.\n\nThe next paragraph is narration.\n\nSo is this one.'
    (span,) = quoted_spans(text)
    assert not span.closed
    assert span.end == text.index("\n\n")


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "\"They call it 'a special operation' but it is a war,\" the minister said."
    (span,) = quoted_spans(text)
    assert span.text(text).startswith("They call it 'a special operation'")


# --- direct quotes ----------------------------------------------------------------------------

def test_direct_quote_with_cue_after_gives_speaker_name_and_code():
    quote = only('"These measures apply to everyone, without exception," '
                 "Kremlin spokesman Dmitry Peskov said.")
    assert quote.kind == "direct"
    assert quote.text == "These measures apply to everyone, without exception"
    assert quote.cue and quote.cue[2] == "said"
    assert quote.speaker and quote.speaker.name == "Dmitry Peskov" and quote.speaker.code == "RUSGOV"
    assert quote.speaker.text == "Kremlin spokesman Dmitry Peskov"


def test_inverted_cue_and_pronoun_speaker():
    text = ('Dmitry Peskov spoke to reporters on Wednesday.\n\n'
            '"We value our relations with China very highly," said Peskov. '
            '"So there can be no question of any discrimination," he added.')
    found = quotes_of(text)
    assert [q.speaker.name for q in found] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert found[1].speaker.text == "he"


def test_quote_interrupted_by_its_cue_is_one_quote_in_two_parts():
    quote = only('"We think," Sergei Lavrov said, "that the talks were useful for both sides."')
    assert len(quote.parts) == 2
    assert quote.text == "We think that the talks were useful for both sides."
    assert quote.speaker.name == "Sergei Lavrov"


def test_cue_before_the_quote_with_colon():
    quote = only('Wang Yi said: "China and Russia will keep supporting each other in hard times."')
    assert quote.speaker.name == "Wang Yi" and quote.cue[2] == "said"


def test_quote_paragraph_without_cue_continues_the_last_speaker():
    text = ('"Unfortunately, I know nothing about this letter," Dmitry Peskov said.\n\n'
            '"You know that such measures are taken even in the Kremlin when large events begin."')
    found = quotes_of(text)
    assert len(found) == 2
    assert found[1].speaker.name == "Dmitry Peskov" and found[1].speaker.resolved_by == "continuation"


def test_role_speaker_resolved_to_the_person_who_holds_the_role():
    text = ('Kremlin spokesman Dmitry Peskov spoke on Wednesday.\n\n'
            '"We value our relations with China very highly," the Kremlin spokesman added.')
    quote = only(text)
    assert quote.speaker.text == "the Kremlin spokesman"
    assert quote.speaker.name == "Dmitry Peskov" and quote.speaker.resolved_by == "role"


@pytest.mark.parametrize("text", [
    'Officials criticized what they called "wolf warrior" diplomacy at length.',
    'The paper ran an article titled "The Dragon and the Bear Embrace" on Monday.',
    'The so-called "special military operation" began in February.',
    'He described the talks as "useful" and left.',
])
def test_scare_quotes_and_titles_are_not_statements(text):
    assert quotes_of(text) == []


# --- indirect and mixed -----------------------------------------------------------------------

def test_indirect_speech_with_that():
    quote = only("Dmitry Peskov said that Moscow could not agree with the criticism.")
    assert quote.kind == "indirect"
    assert quote.text == "Moscow could not agree with the criticism"
    assert quote.speaker.code == "RUSGOV"


@pytest.mark.parametrize("text", [
    "Dmitry Peskov said on Wednesday he was not aware of the letter.",
    "Dmitry Peskov said at his daily conference call on Wednesday that he was not aware of the letter.",
    "Dmitry Peskov said at Wednesday's routine briefing he was not aware of the letter.",
])
def test_the_occasion_and_time_of_saying_are_not_what_was_said(text):
    quote = only(text)
    assert quote.kind == "indirect" and quote.speaker.name == "Dmitry Peskov"
    assert quote.text == "he was not aware of the letter"


@pytest.mark.parametrize("dateline", ["MOSCOW, Feb 26 - ", "Feb 26 (Interfax) - ", "Moscow, Feb 26 (TASS) ",
                                      "(Reuters) - "])
def test_a_wire_dateline_is_not_part_of_the_reported_clause(dateline):
    quote = only(dateline + "The measures are not aimed at anyone, Kremlin spokesman Dmitry Peskov said.")
    assert quote.text == "The measures are not aimed at anyone"


def test_speech_reported_inside_a_quote_is_its_own_speakers():
    found = quotes_of("Geng Shuang said the Russian side had stressed that the measures were temporary "
                      "and would be lifted soon.")
    by_text = {q.text: q for q in found}
    inner = by_text["the measures were temporary and would be lifted soon"]
    assert inner.kind == "indirect" and inner.speaker.code == "RUS"  # "the Russian side": the country
    assert inner.cue[2] == "stressed"
    outer = by_text["the Russian side had stressed that the measures were temporary and would be lifted soon"]
    assert outer.speaker.name == "Geng Shuang"


def test_speech_reported_in_a_transcript_answer_ends_with_its_sentence():
    text = ("Press briefing\n\nQ: What did the Russian minister say?\n\nDmytro Kuleba: I raised the "
            "ceasefire. Sergei Lavrov said that the request would be passed to Moscow. We will keep trying."
            "\n\nQ: Thank you.\n")
    inner = next(q for q in quotes_of(text) if q.speaker.name == "Sergei Lavrov")
    assert inner.text == "the request would be passed to Moscow"


def test_a_quote_of_the_speakers_own_words_has_no_nested_speaker():
    found = quotes_of('"We have noted that Russia offered help," Geng Shuang said.')
    assert [q.speaker.name for q in found] == ["Geng Shuang"]


def test_he_said_is_the_person_quoted_last_nearby():
    first = '"Russia and China are each other\'s largest neighbor," Geng Shuang said.\n\n'
    second = ('"China and Russia are partners. We expect the international community, including Russia, '
              'to adjust the restrictions," he said.')
    last = quotes_of(first + second)[-1]
    assert last.speaker.text == "he" and last.speaker.name == "Geng Shuang"
    assert last.speaker.code == "CHNGOV" and last.speaker.resolved_by == "pronoun"
    far = quotes_of(first + "Trade fell in March.\n\n" * 3 + second)[-1]
    assert far.speaker.text == "he" and far.speaker.name is None


def test_indirect_speech_with_trailing_cue():
    quote = only("The measures apply to everyone and are not aimed at Chinese citizens, "
                 "Kremlin spokesman Dmitry Peskov told reporters on Wednesday.")
    assert quote.kind == "indirect"
    assert quote.text.startswith("The measures apply to everyone")
    assert quote.cue[2] == "told" and quote.speaker.name == "Dmitry Peskov"


def test_according_to_gives_the_speaker():
    quote = only("According to Geng Shuang, the restrictions are temporary and will be lifted soon.")
    assert quote.kind == "indirect" and quote.speaker.name == "Geng Shuang"
    assert quote.text == "the restrictions are temporary and will be lifted soon"


def test_partial_quote_inside_indirect_speech_is_mixed():
    quote = only('Dmitry Peskov said the measures "apply to everyone" and were not aimed at anyone.')
    assert quote.kind == "mixed"
    assert '"apply to everyone"' in quote.text


def test_relative_clause_and_passive_are_not_speech():
    assert quotes_of("The newspaper published what it said was a letter from the embassy.") == []
    assert quotes_of("The minister is said to be unhappy with the deal.") == []


def test_speech_verb_with_a_noun_object_is_not_indirect_speech():
    assert quotes_of("Russia announced a ban on the entry of Chinese citizens.") == []


# --- transcripts --------------------------------------------------------------------------------

def test_transcript_turns_are_direct_quotes_and_questions_are_not():
    text = ("Question: The embassy complains that Chinese citizens are singled out. Your view?\n\n"
            "Dmitry Peskov: Unfortunately, I don't know anything about this letter.\n\n"
            "Question: So there is no discrimination?\n\n"
            "Dmitry Peskov: We value our relations with China very highly.")
    found = quotes_of(text)
    assert [q.text for q in found] == ["Unfortunately, I don't know anything about this letter.",
                                       "We value our relations with China very highly."]
    assert all(q.speaker.name == "Dmitry Peskov" and q.kind == "direct" for q in found)


def test_answer_turns_belong_to_the_person_the_title_names():
    text = ("Q: Russia announced an entry ban. What is your comment?\n\n"
            "A: Russia notified China in advance through diplomatic channels.")
    quote = only(text, title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference")
    assert quote.speaker.name == "Geng Shuang" and quote.speaker.resolved_by == "title"


# --- robustness ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"', '""', '“”', '" " "', "'", "“unclosed", 'closing only”', '"a" "b" "c" "d"',
    '"' * 50, "He said: " + "“" * 20, "‘‘’’", "\n\n\"\n\n\"\n\n",
])
def test_degenerate_quoting_never_crashes_and_stays_inside_the_text(text):
    for quote in quotes_of(text):
        assert 0 <= quote.start <= quote.end <= len(text)


def test_offsets_index_the_text():
    text = ('MOSCOW, Feb. 26 — "These measures apply to everyone, without exception," '
            "Dmitry Peskov told reporters.")
    quote = only(text)
    assert text[quote.start:quote.end] == quote.text
    assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
    assert text[quote.cue[0]:quote.cue[1]] == quote.cue[2]


def test_cue_lexicon_rejects_a_malformed_file(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs: [said]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.yaml"):
        load_cues(bad)


def test_a_cue_file_written_before_the_optional_keys_still_loads(tmp_path):
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("dyadwatch.kb").joinpath("quotes/cues.yaml").read_text("utf-8"))
    del data["setting_nouns"], data["headline_speaker_words"]
    older = tmp_path / "cues.yaml"
    older.write_text(yaml.safe_dump(data), encoding="utf-8")
    cues = load_cues(older)
    assert cues.headline_speaker.search("FM spokesperson") is None  # an empty list matches nothing
    assert cues.setting.match(" in a statement") and not cues.setting.match(" at the meeting")


# --- headlines ------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "words", "kind", "speaker", "code"), [
    ("China Says Russia’s Entry Ban Is Understandable but Urges Quick Reversal",
     "Russia’s Entry Ban Is Understandable but Urges Quick Reversal", "indirect", "China", "CHN"),
    ("‘Not only Chinese people visit the Kremlin’: Peskov rejects claims of bias",
     "Not only Chinese people visit the Kremlin", "direct", "Peskov", "RUSGOV"),
    ("Russia warned China in advance about entry restrictions, says Beijing",
     "Russia warned China in advance about entry restrictions", "indirect", "Beijing", "CHNGOV"),
    ("China expects Russia to adjust entry restrictions early: Foreign Ministry",
     "China expects Russia to adjust entry restrictions early", "indirect", "Foreign Ministry", None),
    ("Lavrov: West is waging a hybrid war", "West is waging a hybrid war", "indirect", "Lavrov", "RUSGOV"),
])
def test_headlines_credit_statements_with_or_without_a_cue(title, words, kind, speaker, code):
    quote = next(q for q in headline_quotes(title, DAY) if q.text == words)
    assert quote.field == "title" and quote.text == words and quote.kind == kind
    assert title[quote.start:quote.end] == words
    assert quote.speaker.text == speaker and quote.speaker.code == code


def test_a_quoted_headline_and_the_stance_after_it_are_both_the_speakers():
    title = "‘Not only Chinese people visit the Kremlin’: Peskov rejects claims of bias"
    found = [(q.text, q.kind, q.speaker.name) for q in headline_quotes(title, DAY)]
    assert found == [("Not only Chinese people visit the Kremlin", "direct", "Dmitry Peskov"),
                     ("rejects claims of bias", "indirect", "Dmitry Peskov")]


def test_a_headline_role_is_the_person_the_text_under_it_names():
    title = "Beijing hopes the border will reopen soon: MFA spokesman"
    text = ("Chinese Foreign Ministry spokesman Zhao Lijian said on Monday that Beijing hoped the border "
            "would reopen soon. Kremlin spokesman Dmitry Peskov declined to comment.")
    _, _, actors, _ = layers(text, DAY)
    (quote,) = headline_quotes(title, DAY, None, None, actors)
    assert quote.speaker.text == "MFA spokesman" and quote.speaker.name == "Zhao Lijian"
    assert quote.speaker.resolved_by == "role"
    (unnamed,) = headline_quotes(title, DAY)
    assert unnamed.speaker.name is None  # without the text, the role stays as written


@pytest.mark.parametrize("title", ["Russia to close Far Eastern border with China",
                                   "Coronavirus: Russia shuts its border",
                                   "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference"])
def test_headlines_without_a_statement_give_no_quote(title):
    assert headline_quotes(title, DAY) == []


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Lavrov on Monday rejected claims that Moscow had armed the rebels.",
     "rejected claims that Moscow had armed the rebels", "Sergei Lavrov"),
    ("Wang Yi dismissed reports of a rift between Beijing and Moscow.",
     "dismissed reports of a rift between Beijing and Moscow", "Wang Yi"),
    ("Putin expressed confidence that the two countries would overcome the crisis.",
     "confidence that the two countries would overcome the crisis", "Vladimir Putin"),
    ("Zhao Lijian spoke highly of Russia's help in the evacuation of Chinese students.",
     "spoke highly of Russia's help in the evacuation of Chinese students", "Zhao Lijian"),
])
def test_a_stance_on_a_claim_or_a_feeling_voiced_is_speech(text, words, speaker):
    quote = only(text)
    assert quote.text == words and quote.kind == "indirect" and quote.speaker.name == speaker


@pytest.mark.parametrize("text", [
    "Lavrov rejected the proposal.",                      # no claim or feeling named
    "The ministry welcomed the delegation at the airport.",
    "Beijing sent a note to Moscow, voicing concern over the checks.",  # whose concern: not the word before
])
def test_stance_verbs_without_a_stance_are_not_speech(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Vladimir Putin held talks with Xi Jinping by phone. The leaders noted that the sanctions were "
     "counterproductive.", "the sanctions were counterproductive"),
    ("President Vladimir Putin spoke with President Xi Jinping. Both presidents said the trade would grow "
     "this year.", "the trade would grow this year"),
    ("Putin and Xi said the trade would grow this year.", "the trade would grow this year"),
])
def test_a_group_speaker_is_credited_to_each_side(text, words):
    found = quotes_of(text)
    assert [(q.text, q.speaker.name) for q in found] == [(words, "Vladimir Putin"), (words, "Xi Jinping")]
    assert found[0].speaker.text == found[1].speaker.text and found[0].start == found[1].start


def test_a_group_phrase_with_no_two_parties_before_it_is_no_speaker():
    assert quotes_of("The leaders noted that the sanctions were counterproductive.") == []


def test_they_after_a_sentence_opening_with_a_group_is_the_group():
    text = ("Vladimir Putin held talks with Xi Jinping by phone.\n\nThe leaders discussed the pandemic. They "
            "underlined their intention to expand cooperation in medicine.")
    assert [q.speaker.name for q in quotes_of(text)] == ["Vladimir Putin", "Xi Jinping"]
    other = ("Vladimir Putin held talks with Xi Jinping by phone.\n\nThe students returned home. They said "
             "the flights had been cancelled.")
    assert all(q.speaker.name is None for q in quotes_of(other))


# --- the verb search shortcut gives what a full regex scan gives ------------------------------

@pytest.mark.parametrize("text", [
    "Peskov said on Wednesday that talks went on; he pointed   out the risks, SAID Lavrov.",
    "Unsaid words, a saidx and said_2 are not cues; Said is.",
    "The ſaid form and the Kelvin sign in \u212aremlin tells nothing, but café owners said so.",
    "He told reporters he would say more: notes, noted, statement, stated.",
    "",
])
def test_verb_matches_equal_a_full_scan_of_any_window(text):
    from dyadwatch.annotate.quotes.cues import default_cues
    from dyadwatch.annotate.quotes.document import Doc

    cues = default_cues()
    doc = Doc(text, [], [], [], None, cues)
    for pattern in (cues.verb, cues.clause_verb):
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                assert [m.span() for m in doc.verbs_in(pattern, start, end)] == expected, (start, end)


# --- a participle after the cue, a predicate joined by "and" ----------------------------------

def test_participle_after_the_cue_goes_on_with_the_same_speaker():
    text = ('"We have nothing to hide at all," Russian Foreign Minister Sergei Lavrov told reporters '
            "on Monday, pointing out that inspections are carried out at every border crossing.")
    direct, continued = quotes_of(text)
    assert continued.text == "inspections are carried out at every border crossing"
    assert continued.kind == "indirect" and continued.cue[2] == "pointing out"
    assert continued.speaker.name == direct.speaker.name == "Sergei Lavrov"


def test_participle_without_that_is_not_speech():
    text = '"We will see what happens next," Lavrov said, adding to the confusion over the talks.'
    assert [q.kind for q in quotes_of(text)] == ["direct"]


def test_speech_verb_joined_by_and_takes_the_subject_of_the_first_predicate():
    text = ("Kremlin spokesman Dmitry Peskov said China had notified Moscow in advance and had "
            "stressed that the checks were temporary and would end soon.")
    outer, inner = quotes_of(text)
    assert outer.speaker.name == "Dmitry Peskov"
    assert inner.text == "the checks were temporary and would end soon"
    assert inner.speaker.code == "CHN"


def test_predicate_joined_by_and_with_no_actor_opening_the_clause_names_no_one():
    text = ("Kremlin spokesman Dmitry Peskov said the talks had gone well and stressed that the "
            "checks were temporary and would end soon.")
    assert [q.speaker.name for q in quotes_of(text)] == ["Dmitry Peskov"]


def test_speech_reported_in_a_transcript_question_is_found_but_the_question_is_not_a_statement():
    text = ("Q: A newspaper has printed a letter from the Chinese Embassy. The embassy complains that "
            "Chinese students are being stopped for checks at metro stations. What is your comment?\n\n"
            "Dmitry Peskov: We have not seen this letter, so I cannot comment on it in any detail.\n\n"
            "Q: Will the Kremlin answer it?\n\n"
            "Dmitry Peskov: No, there is nothing to answer here at all.")
    reported, *answers = quotes_of(text)
    assert reported.text == "Chinese students are being stopped for checks at metro stations"
    assert reported.kind == "indirect" and reported.speaker.code == "CHNGOV"
    assert [q.speaker.name for q in answers] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_speech_told_to_a_pronoun_inside_a_quotation_is_the_nested_speakers():
    text = ('"I met Sergei Lavrov in Geneva on Monday, and he told me that Moscow was ready to resume '
            'the talks," Chinese Foreign Minister Wang Yi said.')
    outer, inner = quotes_of(text)
    assert outer.speaker.name == "Wang Yi"
    assert inner.text == "Moscow was ready to resume the talks" and inner.speaker.name == "Sergei Lavrov"


def test_a_place_after_the_speaker_does_not_hide_it():
    quote = only("China's embassy in Moscow said on Tuesday that the checks were hurting relations "
                 "between the two countries.")
    assert quote.text == "the checks were hurting relations between the two countries"
    assert quote.speaker.text == "China's embassy" and quote.speaker.code == "CHNGOV"


def test_a_demand_put_to_someone_is_reported_speech_from_to_on():
    quote = only("Chinese Foreign Minister Wang Yi urged Washington not to politicize the search for "
                 "the origin of the virus.")
    assert quote.text == "not to politicize the search for the origin of the virus"
    assert quote.kind == "indirect" and quote.cue[2] == "urged" and quote.speaker.name == "Wang Yi"
    asked = only("MOSCOW (Reuters) - China's embassy in Moscow has asked the city authorities to stop "
                 "checking Chinese students on the metro, warning that the practice hurt relations.")
    assert asked.text.startswith("to stop checking Chinese students") and asked.speaker.code == "CHNGOV"


def test_asked_about_something_or_being_asked_is_no_demand():
    assert quotes_of("Lavrov asked about the talks to be held next week in Geneva.") == []
    assert quotes_of("Peskov was asked to comment on the letter on Wednesday.") == []


def test_a_quote_right_after_the_cue_of_the_one_before_goes_on_with_its_speaker():
    first = '"These rules apply to every single visitor, without exception,"'
    second = '"Believe me, the Kremlin has plenty of foreign guests every week."'
    _, following = quotes_of(f"{first} Kremlin spokesman Dmitry Peskov stressed. {second}")
    assert following.text.startswith("Believe me") and following.speaker.name == "Dmitry Peskov"
    assert following.speaker.resolved_by == "continuation"
    assert len(quotes_of(f"{first} Peskov said. The ministry has not commented. {second}")) == 1
