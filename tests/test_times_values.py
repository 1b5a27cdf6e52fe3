"""Time values added in session h95: sets, short weekday names, spoken days of the month,
weeks of a year. Sentences are invented; the anchor is a Monday, 2024-11-18 (ISO week 47)."""

from __future__ import annotations

import pytest

ANCHOR = "2024-11-18"


@pytest.mark.parametrize("text, span, value", [
    ("The ferry runs every other day in winter.", "every other day", "P2D"),
    ("The club meets every other week.", "every other week", "P2W"),
    ("Tourists flock to the coast every summer.", "every summer", "XXXX-SU"),
    ("Every night the generators fall silent.", "Every night", "TNI"),
    ("The market opens only on weekends.", "weekends", "XXXX-WXX-WE"),
    ("She swims everyday before work.", "everyday", "P1D"),
])
def test_sets(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("SET", value)


@pytest.mark.parametrize("text, span", [
    ("Everyday life in the village has changed little.", "Everyday"),
    ("The past two weekends were wet.", "weekends"),
])
def test_words_that_are_no_sets(times, text, span):
    assert span not in times(text)


@pytest.mark.parametrize("text, span, value", [
    ("The shop reopens next Fri after repairs.", "next Fri", "2024-11-22"),
    ("The team lost last Tues in overtime.", "last Tues", "2024-11-12"),
    ("The band plays this Sat at the pier.", "this Sat", "2024-11-23"),
])
def test_short_weekday_names_after_a_relative_word(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


def test_short_weekday_names_alone_are_words(times):
    found = times("The Sun printed the story and the jury sat until late.")
    assert not any(t.value and "2024-11" in t.value for t in found.values()), list(found)


@pytest.mark.parametrize("text, span, value", [
    ("The station aired the interview on March twenty second, 1998.",
     "March twenty second, 1998", "1998-03-22"),
    ("The flood peaked on June twenty-first, 2003.", "June twenty-first, 2003", "2003-06-21"),
])
def test_spoken_day_of_the_month(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


def test_a_count_after_a_month_is_no_day(times):
    found = times("In May twenty workers were laid off.")
    assert "May" in found and found["May"].value == "2024-05"


@pytest.mark.parametrize("text, span, value", [
    ("Sales peaked in the last week of 2016.", "the last week of 2016", "2016-W52"),
    ("The plant closed in the last week of 2020.", "the last week of 2020", "2020-W53"),
    ("The rules apply from the first week of 2019.", "the first week of 2019", "2019-W01"),
    ("Talks stalled in the third week of 2018.", "the third week of 2018", "2018-W03"),
])
def test_week_of_a_year(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("The dam burst on March 3, 2019. Two days earlier, engineers had warned the town.",
     "Two days earlier", "2019-03-01"),
    ("The mill opened in June 2010. Two years earlier, the land was sold.",
     "Two years earlier", "2008"),
    ("The dam burst on March 3, 2019. The following week, the mayor resigned.",
     "The following week", "2019-W10"),
])
def test_earlier_and_the_following_week_count_from_the_story_date(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("She left two days earlier than planned.", "two days earlier", "2024-11-16"),
    ("Shares fell the following week.", "the following week", "2024-W48"),
    ("The deal closed three weeks ago.", "three weeks ago", "2024-W44"),
])
def test_without_a_story_date_the_publication_is_the_reference(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


def test_ago_counts_from_the_publication_even_inside_a_story(times):
    found = times("The dam burst on March 3, 2019. Three weeks ago, the town reopened.")
    assert found["Three weeks ago"].value == "2024-W44"


@pytest.mark.parametrize("text, span, value", [
    ("The minister flew home on Tuesday of last week.", "Tuesday of last week", "2024-11-12"),
    ("The vote is set for Friday of next week.", "Friday of next week", "2024-11-29"),
    ("The dam burst on March 3, 2019. On Friday of the following week, the mayor resigned.",
     "Friday of the following week", "2019-03-08"),
    ("The hearing resumes Monday the 25th.", "Monday the 25th", "2024-11-25"),
    ("The ship sails Wednesday the twenty-seventh.", "Wednesday the twenty-seventh",
     "2024-11-27"),
    ("He was last seen on previous Wednesday.", "previous Wednesday", "2024-11-13"),
])
def test_weekdays_placed_by_their_week_or_their_day_of_month(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text", [
    "On Sunday 12 people died in the floods.",
    "On Monday the second round of talks begins.",
    "On Monday, the 25th Infantry left the base.",
])
def test_a_number_after_a_weekday_that_is_no_day_of_the_month(times, text):
    found = times(text)
    assert [t.value for t in found.values()] == ["2024-11-17" if "Sunday" in text
                                                 else "2024-11-18"], list(found)


@pytest.mark.parametrize("text, span, value", [
    ("see you nov 26 at the gym", "nov 26", "2024-11-26"),
    ("what was the april 2017 bonus", "april 2017", "2017-04"),
])
def test_lower_case_months_with_a_day_or_year(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text", ["it may 5 times over", "we march 3 miles to the gate",
                                  "in june people swim"])
def test_lower_case_may_march_and_bare_months_are_words(times, text):
    assert not times(text)


def test_an_ordinal_in_a_compound_after_a_weekday_is_no_day(times):
    found = times("On Monday 3rd-quarter profit rose at the bank.")
    assert "Monday" in found and found["Monday"].value == "2024-11-18", list(found)


@pytest.mark.parametrize("text, span, value", [
    ("The drive took 2.5 hrs in the snow.", "2.5 hrs", "PT2H30M"),
    ("Crews took a 1hr break at dawn.", "1hr", "PT1H"),
    ("Kickoff is in 30 mins.", "30 mins", "PT30M"),
])
def test_short_hour_and_minute_units(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("DURATION", value)


def test_min_as_a_name_is_no_unit(times):
    assert not times("Min Aung Hlaing addressed the council.")
