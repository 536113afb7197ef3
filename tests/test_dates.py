from datetime import datetime

import pytest
from dateutil import parser as dateutil_parser

from indexer.dates import date_line, normalise, parse_date

REFERENCE = datetime(2020, 5, 10, 12, 0)


@pytest.mark.parametrize("text, expected", [
    ("February 6, 2017 21:02", datetime(2017, 2, 6, 21, 2)),
    ("6 Feb 2017", datetime(2017, 2, 6)),
    ("06/02/2017", datetime(2017, 2, 6)),
    ("2017-02-06", datetime(2017, 2, 6)),
    ("2017-02-06T21:02:00", datetime(2017, 2, 6, 21, 2)),
    ("2017-02-06T21:02:00+02:00", datetime(2017, 2, 6, 19, 2)),
    ("2017-02-06T21:02:00Z", datetime(2017, 2, 6, 21, 2)),
    ("Published: Mon 6 Feb 2017 09:30", datetime(2017, 2, 6, 9, 30)),
    ("Tuesday, March 3, 2015 | 4:15 pm", datetime(2015, 3, 3, 16, 15)),
    ("2016-02-29", datetime(2016, 2, 29)),
    ("3 hours ago", datetime(2020, 5, 10, 9, 0)),
    ("yesterday", datetime(2020, 5, 9)),
    # Times written with a dot, as British sites print them.
    ("Tue 12 Nov 2024 05.02 GMT", datetime(2024, 11, 12, 5, 2)), ("06.02.2017 10.15", datetime(2017, 2, 6, 10, 15)),
    ("12 Nov 2024 5.5 million", datetime(2024, 11, 12)),
    # Months in the languages news sites are most often scraped in.
    ("Madrid, 14 de febrero de 2024", datetime(2024, 2, 14)),
    ("14. Februar 2024, 10:30 Uhr", datetime(2024, 2, 14, 10, 30)),
    ("Publié le 3 mars 2024 à 14h05", datetime(2024, 3, 3, 14, 5)), ("5 maggio 2023", datetime(2023, 5, 5)),
    ("São Paulo, 7 de março de 2022 às 18:40", datetime(2022, 3, 7, 18, 40)),
    ("12 Desember 2019", datetime(2019, 12, 12)),
    # The time before the date.
    ("Published 11:11 PM EST Nov 19, 2019", datetime(2019, 11, 20, 4, 11)),
    ("Updated 14:05 on 3 March 2024", datetime(2024, 3, 3, 14, 5)),
])
def test_news_date_formats(text, expected):
    assert parse_date(text, reference=REFERENCE) == expected


def test_a_relative_date_counts_back_to_the_minute():
    assert parse_date("3 hours ago", reference=datetime(2020, 5, 10, 12, 0, 41, 5123)) == datetime(2020, 5, 10, 9, 0)


@pytest.mark.parametrize("text", ["February 6, 2017 21:02", "february 6, 2017", "Feb 6, 2017", "6 February 2017",
                                  "6 feb 2017", "February 29, 2016 23:59", "Sep 30, 2017 7:05"])
def test_common_formats_read_as_dateutil_reads_them(text):
    # These skip dateutil (strptime is ten times faster): the result must be the same.
    assert parse_date(text) == dateutil_parser.parse(text, dayfirst=True)


@pytest.mark.parametrize("text", ["February 30, 2017", "Sept 31, 2017"])
def test_impossible_days_are_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["2 minute read.", "Score: 3-1", "", "2017-13-45", "in 1987 the port", "3 hours ago",
                                  "Mars 2024 mission", "Marco Rubio 2024"])
def test_non_dates(text):
    # A relative date without a reference moment cannot be placed.
    assert parse_date(text) is None


def test_date_line_refuses_long_lines():
    sentence = "The meeting on February 6, 2017 was the first of many between the two ministers in Moscow."
    assert date_line(sentence) is None
    assert date_line("February 6, 2017") == datetime(2017, 2, 6)


def test_normalise_makes_aware_values_naive_utc():
    from datetime import timedelta, timezone

    aware = datetime(2017, 2, 6, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert normalise(aware) == datetime(2017, 2, 7, 4, 30)


def test_zone_abbreviations_news_sites_print():
    assert parse_date("Nov. 19, 2019 8:03 am ET") == datetime(2019, 11, 19, 13, 3)
    assert parse_date("November 19, 2019 6:21 AM EST") == datetime(2019, 11, 19, 11, 21)
    assert parse_date("6 Feb 2017 09:30 CEST") == datetime(2017, 2, 6, 7, 30)
    assert parse_date("6 Feb 2017 09:30 XYZT") == datetime(2017, 2, 6, 9, 30)
