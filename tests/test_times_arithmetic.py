"""Time values added by helper h104: counts from a named day, a day joined to the clock time
after it, the first day of a range of days, and "of" before a date's year. Sentences are
invented; the anchor is a Monday, 2024-11-18."""

from __future__ import annotations

import pytest

ANCHOR = "2024-11-18"


@pytest.mark.parametrize("text, span, value", [
    ("The permit expires ten days from today.", "ten days from today", "2024-11-28"),
    ("The vote is set for two weeks from tomorrow.", "two weeks from tomorrow", "2024-12-03"),
    ("The parcel left three days before yesterday.", "three days before yesterday",
     "2024-11-14"),
    ("Payment is due four months from tomorrow.", "four months from tomorrow", "2025-03-19"),
    ("The office reopens two days after today.", "two days after today", "2024-11-20"),
])
def test_a_count_from_a_named_day_is_a_day(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("DATE", value)


def test_a_count_from_a_named_day_without_anchor_is_an_unknown_day(times):
    found = times("The permit expires ten days from today.", published=None)
    assert found["ten days from today"].value == "XXXX-XX-XX"


def test_a_count_after_an_event_stays_a_duration(times):
    found = times("Three days after the storm, the roads reopened.")
    assert found["Three days"].value == "P3D"


@pytest.mark.parametrize("text, span, value", [
    ("The final is this Sat, 7pm at the stadium.", "this Sat, 7pm", "2024-11-23T19:00"),
    ("We board tomorrow 10am from the north pier.", "tomorrow 10am", "2024-11-19T10:00"),
])
def test_a_day_joined_to_the_clock_time_after_it(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("TIME", value)


@pytest.mark.parametrize("text, day, clock", [
    ("The talks resume Tuesday and end before 5 p.m. on most days.", "Tuesday", "5 p.m."),
    ("The class starts today at 9am in the hall.", "today", "9am"),
])
def test_a_day_and_a_clock_time_not_side_by_side_stay_two(times, text, day, clock):
    found = times(text)
    assert day in found and clock in found, list(found)
    assert found[day].type == "DATE"


@pytest.mark.parametrize("text, first, value, last, last_value", [
    ("The fair runs 19-21 March at the old port.", "19", "2025-03-19", "21 March",
     "2025-03-21"),
    ("Classes are held on 8 and 9 December.", "8", "2024-12-08", "9 December", "2024-12-09"),
    ("The festival runs April 8-12 in the old town.", "April 8", "2025-04-08", "12",
     "2025-04-12"),
    ("The congress met April 8-12, 1998 in Rome.", "April 8", "1998-04-08", "12, 1998",
     "1998-04-12"),
    ("Her leave ran May 9th, 2023 through 17th.", "May 9th, 2023", "2023-05-09", "17th",
     "2023-05-17"),
])
def test_the_other_end_of_a_range_of_days_is_a_date(times, text, first, value, last,
                                                    last_value):
    found = times(text)
    assert first in found and last in found, list(found)
    assert found[first].value == value and found[last].value == last_value


@pytest.mark.parametrize("text", [
    "Prices rose on Nov. 5 and 20 percent more by Nov. 9.",
    "The doors open May 3 to 10 p.m. visitors only.",
    "Scores of 25-20 March ahead of the vote.",
])
def test_numbers_before_a_date_that_are_no_range(times, text):
    found = times(text)
    assert not any(t.value and t.span.text.isdigit() for t in found.values()), list(found)


@pytest.mark.parametrize("text, span, value", [
    ("She was born on July 4th of 1976 in Ohio.", "July 4th of 1976", "1976-07-04"),
    ("The fort fell on the 3rd of May of 1808.", "the 3rd of May of 1808", "1808-05-03"),
])
def test_of_before_the_year_of_a_date(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("Traders sold heavily in the morning and bought back later.", "the morning",
     "2024-11-18TMO"),
    ("The storm reached the coast on Friday. Roads were closed during the night.",
     "the night", "2024-11-15TNI"),
])
def test_a_part_of_the_day_after_in_or_during(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("TIME", value)


@pytest.mark.parametrize("text, span", [
    ("He died in the morning of his wedding.", "the morning"),
    ("She works in the evening shift at the plant.", "the evening"),
])
def test_a_part_of_the_day_that_names_no_time(times, text, span):
    assert span not in times(text)


@pytest.mark.parametrize("text, span, value", [
    ("Great show last nite with friends", "last nite", "2024-11-17TNI"),
    ("Dinner tmr nite at the usual place?", "tmr nite", "2024-11-19TNI"),
])
def test_nite_as_written_in_messages(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("The market reopens Sat 23rd after repairs.", "Sat 23rd", "2024-11-23"),
    ("Are you free on Sunday 1?", "Sunday 1", "2024-12-01"),
])
def test_a_weekday_with_its_day_of_the_month(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert found[span].value == value


def test_a_number_after_a_weekday_that_counts_something(times):
    found = times("On Sunday 1 person was hurt in the crash.")
    assert "Sunday" in found and "Sunday 1" not in found, list(found)


@pytest.mark.parametrize("text, span, value", [
    ("Been almost 7months since I last swam.", "7months", "P7M"),
    ("Haven't run in 16days, sadly.", "16days", "P16D"),
])
def test_a_number_glued_to_its_unit(times, text, span, value):
    found = times(text)
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == ("DURATION", value)
