"""Headlines and captions without a credit (issue 15, helper-135): a display line's simple
present is past or takes the tense the story gives the same day; a caption's date is no
reference for the story's "the next day". Sentences are invented; the anchor is a
Wednesday, 2024-11-20."""

from __future__ import annotations

import pytest

ANCHOR = "2024-11-20"


@pytest.mark.parametrize("text, value", [
    ("Storm knocks out power to thousands Thursday", "2024-11-14"),
    ("City council approves new budget Tuesday", "2024-11-19"),
    ("Police say man shot Friday", "2024-11-15"),
])
def test_a_headlines_present_is_past(times, text, value):
    (found,) = times(text).values()
    assert found.value == value


@pytest.mark.parametrize("text, published, value", [
    ("Council to vote on budget Thursday", "2024-11-16", "2024-11-21"),
    ("Mayor set to sign budget Monday", ANCHOR, "2024-11-25"),
])
def test_a_headlines_plan_looks_ahead(times, text, published, value):
    (found,) = times(text, published).values()
    assert found.value == value


def test_a_headline_takes_the_tense_the_story_gives_its_day(times):
    found = times("Library hosts book fair Saturday\n\nThe library will host its book fair on "
                  "Saturday morning, the director said.")
    assert found["Saturday"].value == "2024-11-23"


def test_an_uncredited_caption_opening_the_text_takes_the_storys_day(times):
    found = times("Neighbours gather outside the home on Tuesday.\n\nA woman was found dead "
                  "in her home on Tuesday night, police said.", "2024-11-16")
    assert found["Tuesday"].value == "2024-11-12"


def test_an_uncredited_caption_between_paragraphs_is_past(times):
    text = ("A fire destroyed a hardware store on Sunday, the fire chief said.\n\n"
            "Firefighters hose down the roof of the store Monday\n\n"
            "The owner said he would rebuild.")
    assert times(text)["Monday"].value == "2024-11-18"


def test_a_lede_in_the_news_present_still_looks_ahead(times):
    found = times("The council meets Tuesday to vote on the budget.\n\nMembers have argued "
                  "over the plan for weeks.")
    assert found["Tuesday"].value == "2024-11-26"


@pytest.mark.parametrize("caption", [
    "Mourners gather at a vigil on Nov. 14. (AP Photo/Jane Roe)",
    "Mourners gather at a vigil on Elm Street Nov. 14",
])
def test_a_captions_date_is_no_reference_for_the_story(times, caption):
    text = f"A man was shot on Elm Street on Nov. 2.\n\n{caption}\n\nHe died the next day."
    found = times(text)
    assert found["Nov. 14"].value == "2024-11-14"
    assert found["the next day"].value == "2024-11-03"


def test_a_day_before_an_incident_noun_is_past(times):
    found = times("Police seek a suspect in the Friday robbery of a pharmacy.", "2024-11-21")
    assert found["Friday"].value == "2024-11-15"


def test_a_captions_date_serves_its_own_line(times):
    text = ("Deputies leave the farmhouse on Nov. 14 after a standoff. The man was suspected of "
            "setting a barn on fire the previous day. (AP Photo/Jane Roe)\n\nThe farm was sold "
            "last year.")
    assert times(text)["the previous day"].value == "2024-11-13"


@pytest.mark.parametrize("text, span, value", [
    ("Posted: 09/21/2015 3:54 PM\n\nA man has been charged in the robbery of a pharmacy.\n\n"
     "The robbery happened at 2:30 a.m. Saturday, Sept. 12, near the river.",
     "2:30 a.m. Saturday, Sept. 12", "2015-09-12T02:30"),
    ("Posted on 09/21/2015\n\nA man has been charged in the robbery.\n\nThe robbery happened "
     "Sept. 12 near the river.", "Sept. 12", "2015-09-12"),
])
def test_a_date_stamp_line_still_dates_the_story(times, text, span, value):
    assert times(text, "2017-01-28")[span].value == value


@pytest.mark.parametrize("text, value", [
    ("Shoppers lined up outside the mall on Black Friday.", "2024-11-29"),
    ("Online sales on Cyber Monday beat last year's.", "2024-12-02"),
])
def test_shopping_days_are_named_days(times, text, value):
    (found,) = [t for t in times(text, "2024-12-05").values() if t.value.startswith("2024")]
    assert found.value == value


def test_a_headline_day_told_two_ways_in_the_story_keeps_its_own_reading(times):
    text = ("Band plays two shows Saturday\n\nThe band will play on Saturday night in Dayton, "
            "its manager said. It played a matinee there on Saturday afternoon.")
    assert times(text)["Saturday"].value == "2024-11-16"
