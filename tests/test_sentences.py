from dyadwatch.annotate.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_point_at_the_sentence_text():
    text = "  Russia closed the border. China protested!  Why? Nobody knows.\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Russia closed the border.", "China protested!", "Why?", "Nobody knows."]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_abbreviations_initials_and_month_dates_do_not_split():
    text = ("Mr. Lavrov met Gen. Li in St. Petersburg on Feb. 5 at 3 p.m. local time. "
            "J. Smith of the U.S. State Department agreed. The U.S. The talks ended.")
    assert texts(text) == [
        "Mr. Lavrov met Gen. Li in St. Petersburg on Feb. 5 at 3 p.m. local time.",
        "J. Smith of the U.S. State Department agreed.",
        "The U.S.",
        "The talks ended.",
    ]


def test_quotes_close_the_sentence_with_it():
    assert texts('"We will help," he said. "It is our duty." Then he left.') == [
        '"We will help," he said.', '"It is our duty."', "Then he left."]


def test_paragraphs_and_lines_bound_sentences():
    text = "Headline without a stop\n\nQuestion: Is the border closed?\nZhao Lijian: Yes it is"
    assert texts(text) == ["Headline without a stop", "Question: Is the border closed?",
                           "Zhao Lijian: Yes it is"]


def test_hard_wrapped_prose_is_joined_across_line_breaks():
    text = ("Russia and China agreed on Thursday to expand their cooperation in\n"
            "the fight against the new coronavirus, the Kremlin said in a statement\n"
            "released after the call. The leaders spoke for an hour.\n")
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert sentences[0].text.endswith("released after the call.")


def test_the_whole_word_before_a_full_stop_counts_however_long():
    # "." inside the word makes it an abbreviation; only its last 40 characters have none
    text = "See a.b" + "c" * 50 + ". Moscow agreed. It did."
    assert texts(text) == ["See a.b" + "c" * 50 + ". Moscow agreed.", "It did."]
