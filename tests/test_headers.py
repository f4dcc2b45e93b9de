from dyadwatch.ingest.headers import read_header
from dyadwatch.model import PartialDate

KNOWN = {"tass", "reuters", "xinhua", "global research", "comparative connections"}


def is_outlet(name: str) -> bool:
    return name.strip().lower() in KNOWN


def test_header_block_is_read_and_cut_from_the_body():
    text = ("Title: Russia sends medical aid to Wuhan\nDate: 2020-02-05\nSource: Xinhua\n"
            "Author: Li Ming\n\nTwo Russian planes landed in Wuhan on Wednesday.\n")
    header = read_header(text, is_outlet)
    assert header.title == "Russia sends medical aid to Wuhan"
    assert header.date == PartialDate(2020, 2, 5)
    assert header.outlet == "Xinhua"
    assert header.author == "Li Ming"
    assert text[header.body_start:].startswith("Two Russian planes")


def test_outlet_and_date_line_then_headline():
    text = "Global Research, April 17, 2020\n\nMoscow and Beijing close ranks\n\nThe pandemic has ...\n"
    header = read_header(text, is_outlet)
    assert header.outlet == "Global Research"
    assert header.date == PartialDate(2020, 4, 17)
    assert header.title == "Moscow and Beijing close ranks"
    assert text[header.body_start:].startswith("The pandemic")


def test_publication_line_with_month_precision_and_byline():
    text = ("Russia-China Relations: Partners in a Pandemic\nBy Elena Markova\n"
            "Published May 2020 in Comparative Connections\n\nThe year began ...\n")
    header = read_header(text, is_outlet)
    assert header.date == PartialDate(2020, 5)
    assert header.date.precision == "month"
    assert header.outlet == "Comparative Connections"
    assert header.author == "Elena Markova"
    assert header.title == "Russia-China Relations: Partners in a Pandemic"


def test_byline_with_outlet_credit():
    header = read_header("Headline here\nBy Andrew Osborn, Reuters\n\nText.\n", is_outlet)
    assert header.author == "Andrew Osborn"
    assert header.outlet == "Reuters"


def test_dateline_without_year_stays_in_the_body():
    text = "Russia to shut border\n\nMOSCOW, January 30 (TASS) — Russia will close its border.\n"
    header = read_header(text, is_outlet)
    assert header.outlet == "TASS"
    assert header.date is None
    assert (header.month_day.month, header.month_day.day) == (1, 30)
    assert text[header.body_start:].startswith("MOSCOW, January 30 (TASS)")


def test_tass_style_dateline_and_dateline_with_year():
    slash = read_header("MOSCOW, April 15. /TASS/. Russia and China ...\n", is_outlet)
    assert slash.outlet == "TASS"
    assert (slash.month_day.month, slash.month_day.day) == (4, 15)
    dated = read_header("BEIJING, March 19, 2020 (Xinhua) -- China ...\n", is_outlet)
    assert dated.outlet == "Xinhua"
    assert dated.date == PartialDate(2020, 3, 19)


def test_date_in_a_transcript_title():
    text = ("Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on April 13, 2020\n\n"
            "Question: About the border ...\n")
    header = read_header(text, is_outlet)
    assert header.date == PartialDate(2020, 4, 13)
    assert header.title.startswith("Foreign Ministry Spokesperson")


def test_plain_prose_has_no_header():
    text = "Russia and China agreed to cooperate. The talks lasted an hour.\n"
    header = read_header(text, is_outlet)
    assert header.body_start == 0
    assert header.title is None and header.date is None


def test_masthead_and_section_lines_name_the_outlet():
    text = ("Valdai Discussion Club | Expert Opinions\n\nRussian-Chinese Trade in the Year of the Virus\n\n"
            "Sergei Tomilin\n\n29.04.2020\n\nEconomic relations between Russia and China ...\n")
    header = read_header(text, lambda n: n.lower() == "valdai discussion club")
    assert header.outlet == "Valdai Discussion Club"
    assert header.sections == ["Expert Opinions"]
    assert header.title == "Russian-Chinese Trade in the Year of the Virus"
    assert header.author == "Sergei Tomilin"  # a bare name line directly above a date line
    assert header.date == PartialDate(2020, 4, 29)
    assert text[header.body_start:].startswith("Economic relations")


def test_an_outlet_name_alone_on_a_line_and_a_breadcrumb():
    text = ("Suifenhe and the Limits of Solidarity\n\nCarnegie Moscow Center\n\nPublished April 22, 2020\n\n"
            "Commentary | Russia in the Asia-Pacific\n\nLast Thursday, Putin and Xi spoke.\n")
    header = read_header(text, lambda n: n.lower() == "carnegie moscow center")
    assert header.outlet == "Carnegie Moscow Center"
    assert header.sections == ["Commentary", "Russia in the Asia-Pacific"]
    assert text[header.body_start:].startswith("Last Thursday")


def test_standfirst_between_headline_and_byline_is_header():
    text = ("From Trade Truce to Blame Game\n\nFour months ago the two signed a deal. The virus "
            "changed that.\n\nBy Jonathan Pierce\nMay 06, 2020\n\nOn January 15, Trump and Liu He signed.\n")
    header = read_header(text, is_outlet)
    assert header.author == "Jonathan Pierce"
    assert header.date == PartialDate(2020, 5, 6)
    assert text[header.body_start:].startswith("On January 15")


def test_a_date_line_is_not_an_outlet_and_a_sentence_is_not_a_byline():
    header = read_header("Headline\nFebruary 5, 2020\n\nMOSCOW (Reuters) - Planes landed.\n", is_outlet)
    assert header.date == PartialDate(2020, 2, 5)
    assert header.outlet == "Reuters"
    prose = read_header("Headline\n\nBy Wednesday, officials said the border would close.\n", is_outlet)
    assert prose.author is None
    assert prose.body_start > 0
