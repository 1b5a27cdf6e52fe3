"""A photo caption's simple present shows a scene already taken, and a weekday set before the
date it names takes that date (helper h125). Sentences are invented; the anchor is a
Wednesday, 2024-11-20."""

from __future__ import annotations

import pytest

ANCHOR = "2024-11-20"


@pytest.mark.parametrize("text, span, value", [
    ("Deputies stand outside the farmhouse on Tuesday. (AP Photo/Jane Roe)", "Tuesday",
     "2024-11-19"),
    ("Neighbours gather at a vigil in Dayton Monday. (Jane Roe/AP)", "Monday", "2024-11-18"),
    ("Crews work at the scene of the fire on Tuesday. Photo: Jane Roe / The Courier", "Tuesday",
     "2024-11-19"),
])
def test_a_captions_present_is_past(times, text, span, value):
    assert times(text)[span].value == value


@pytest.mark.parametrize("text, span, value", [
    ("The council votes on the budget Tuesday, the mayor said.", "Tuesday", "2024-11-26"),
    # no credit: a present-tense line alone reads as a plan, as news present does
    ("The choir sings at the cathedral on Tuesday.", "Tuesday", "2024-11-26"),
])
def test_a_present_without_a_photo_credit_still_looks_ahead(times, text, span, value):
    assert times(text)[span].value == value


def test_a_weekday_before_the_date_it_names_takes_that_date(times):
    found = times("Seven people were hurt Wednesday afternoon, July 9, 2014, on Elm Lane.")
    assert found["Wednesday afternoon"].value == "2014-07-09TAF"


def test_a_weekday_that_disagrees_with_the_date_after_it_keeps_its_own(times):
    found = times("Police arrived Tuesday night, July 9, 2014, at the house.")
    assert found["Tuesday night"].value.startswith("2024-11-19")
