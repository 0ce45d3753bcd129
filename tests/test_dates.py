"""One date parser for documents and trackers; a month without a day is an explicit choice."""

import datetime as dt

import pytest

from reviewmine import dates
from reviewmine.extract.metadata import parse_date as document_date
from reviewmine.tracker.importer import parse_date as due_date


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("April 2023", dt.date(2023, 4, 1), dt.date(2023, 4, 30)),
        ("Feb 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),  # a leap year's February
        ("Sept. 2014", dt.date(2014, 9, 1), dt.date(2014, 9, 30)),
        ("Q1 2023", dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
        ("03/2023", dt.date(2023, 3, 1), dt.date(2023, 3, 31)),
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_a_date_without_a_day_is_the_first_or_the_last_as_the_caller_says(text, first, last):
    assert dates.parse_date(text, month_only="first") == first
    assert dates.parse_date(text, month_only="last") == last


def test_a_document_date_is_the_first_of_its_month_and_a_due_date_the_last():
    assert document_date("Partnership annual report | April 2023") == "2023-04-01"
    assert due_date("by April 2023") == dt.date(2023, 4, 30)


@pytest.mark.parametrize(
    "text", ["12 June 2017", "12th of June, 2017", "June 12, 2017", "12/06/2017", "2017-06-12"]
)
def test_documents_and_trackers_read_a_full_date_alike(text):
    assert document_date(text) == due_date(text).isoformat() == "2017-06-12"


def test_running_text_needs_a_capitalised_month_a_cell_does_not():
    assert dates.find_date("we may 2020 review it", month_only="first") is None
    assert dates.parse_date("may 2020", month_only="first") == dt.date(2020, 5, 1)


@pytest.mark.parametrize("value", ["31/02/2017", "31/13/2022", "next spring"])
def test_a_date_that_does_not_exist_is_refused(value):
    assert dates.find_date(value, month_only="first") is None
    with pytest.raises(ValueError):
        dates.parse_date(value, month_only="last")
