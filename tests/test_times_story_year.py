"""'The year before', 'a year earlier', 'the previous year' count from the year the story is
at (named or counted), not from the publication (helper h125). Sentences are invented; the
anchor is a Monday, 2024-11-18."""

from __future__ import annotations

import pytest

ANCHOR = "2024-11-18"


@pytest.mark.parametrize("text, span, value", [
    ("The mill shut in 2008. A year earlier, it had employed 900 people.", "A year earlier", "2007"),
    ("Rents rose 4 percent last year, after rising 6 percent the year before.", "year before",
     "2022"),
    ("Arrests fell last year. The previous year, police had made 1,200.", "The previous year",
     "2022"),
    ("Net income rose to $5 million in 2019 from $3 million a year earlier.", "a year earlier",
     "2018"),
    ("The river flooded two years ago, and the following year the levee was rebuilt.",
     "the following year", "2023"),
])
def test_a_year_counted_back_from_the_story_year(times, text, span, value):
    assert times(text)[span].value == value


@pytest.mark.parametrize("text, span, value", [
    # a year in a clause that describes the company is background, not the story's year
    ("The bakery, founded in 1980, said sales rose 8 percent from a year earlier.",
     "a year earlier", "2023"),
    # a year counted before a day named later: the day is the nearer reference
    ("Output fell last year. On March 3, 2012, the strike began. A year earlier, talks had "
     "collapsed.", "A year earlier", "2011"),
])
def test_a_year_in_the_background_or_a_finer_reference_is_not_the_story_year(times, text, span,
                                                                            value):
    assert times(text)[span].value == value


def test_a_story_year_out_of_reach_is_not_used(times):
    filler = "The council met and talked about roads and parks for a long time. " * 14
    text = f"The mill shut in 2008. {filler}Sales fell 3 percent from a year earlier."
    assert times(text)["a year earlier"].value == "2023"


def test_a_year_that_bounds_a_span_is_not_the_story_year(times):
    text = "Sales fell last year for the first time since 2009. The year before, they rose 3%."
    assert times(text)["year before"].value == "2022"


@pytest.mark.parametrize("text, span, value", [
    ("The guard was freed from jail in 2019 and arrested again the next year.", "the next year",
     "2020"),
    ("He was fired in 2016, and the next year he sued the city.", "the next year", "2017"),
    # a window ahead of the publication, not the year after the story's
    ("The mill opened in 2019; it will close over the next year.", "the next year", "2025"),
])
def test_the_next_year_told_in_the_past(times, text, span, value):
    assert times(text)[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("Shares have more than doubled since January.", "January", "2024-01"),
    ("The bridge has been shut since Nov. 25.", "Nov. 25", "2023-11-25"),
    ("Rents have climbed since March 3.", "March 3", "2024-03-03"),
])
def test_since_a_month_or_day_is_the_latest_one_before_the_publication(times, text, span,
                                                                        value):
    assert times(text)[span].value == value
