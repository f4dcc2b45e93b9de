import pytest

from dyadwatch.ingest.dates import MonthDay, date_in_name, parse_date, parse_month_day
from dyadwatch.model import PartialDate


@pytest.mark.parametrize(("phrase", "iso", "precision"), [
    ("April 15, 2020", "2020-04-15", "day"),
    ("Apr. 15, 2020", "2020-04-15", "day"),
    ("Sept. 3, 2020", "2020-09-03", "day"),
    ("15 April 2020", "2020-04-15", "day"),
    ("Wednesday, April 15, 2020", "2020-04-15", "day"),
    ("2020-04-15", "2020-04-15", "day"),
    ("15.04.2020", "2020-04-15", "day"),
    ("Thu, 16 Apr 2020 23:05:00 +0300", "2020-04-16", "day"),  # the source's own time zone
    ("2020-03-19T23:30:00+03:00", "2020-03-19", "day"),
    ("May 2020", "2020-05", "month"),
    ("2020-05", "2020-05", "month"),
    ("2020", "2020", "year"),
])
def test_parse_date_forms_and_precision(phrase, iso, precision):
    date = parse_date(phrase)
    assert date is not None
    assert date.iso() == iso
    assert date.precision == precision


@pytest.mark.parametrize("phrase", ["hello", "Moscow", "April", "the next day", ""])
def test_parse_date_rejects_non_dates(phrase):
    assert parse_date(phrase) is None


@pytest.mark.parametrize("phrase", ["February 30, 2020", "2019-02-29", "2020-13-01"])
def test_impossible_dates_raise_with_reason(phrase):
    with pytest.raises(ValueError):
        parse_date(phrase)


def test_month_day_without_year():
    assert parse_month_day("Jan. 30") == MonthDay(1, 30)
    assert parse_month_day("30 January") == MonthDay(1, 30)
    assert parse_month_day("Feb 29") == MonthDay(2, 29)
    assert parse_month_day("Feb 30") is None
    assert MonthDay(2, 29).in_year(2019) is None
    assert MonthDay(2, 29).in_year(2020) == PartialDate(2020, 2, 29)


def test_dates_in_file_names_and_urls():
    assert date_in_name("wires/2020-01-30_tass_border.txt") == PartialDate(2020, 1, 30)
    assert date_in_name("https://example.org/2020/03/19/story.html") == PartialDate(2020, 3, 19)
    assert date_in_name("analysis/2020-05_review.md") == PartialDate(2020, 5)
    assert date_in_name("notes-12345.txt") is None


def test_partial_date_parse_and_order():
    assert PartialDate.parse("2020-02-05").first_day().isoformat() == "2020-02-05"
    assert PartialDate.parse("2020-02").first_day().isoformat() == "2020-02-01"
    with pytest.raises(ValueError, match="no day 30"):
        PartialDate.parse("2020-02-30")
    with pytest.raises(ValueError, match="YYYY"):
        PartialDate.parse("20/02/2020")
