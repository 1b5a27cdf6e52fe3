"""Past or future: the tense signals that place a weekday or month without a date; and a
half of a decade, which is no half-year.

Sentences are invented, from several beats; the anchor is a Monday, 2024-11-18, so
"Thursday" is 2024-11-14 looking back and 2024-11-21 looking ahead.
"""

from __future__ import annotations

import pytest

from newsgraph import Article, Pipeline

ANCHOR = "2024-11-18"
BEFORE, AFTER = "2024-11-14", "2024-11-21"


@pytest.fixture(scope="module")
def times():
    pipeline = Pipeline(only=["times"])

    def run(text: str) -> dict:
        analysis = pipeline.analyze(Article(id="t", text=text, published=ANCHOR))
        return {t.span.text: t.value for t in analysis.times}

    return run


@pytest.mark.parametrize("text, span, value", [
    # a modal looks ahead ...
    ("The Senate may vote on the bill Thursday.", "Thursday", AFTER),
    ("The jury should reach a verdict Thursday, lawyers said.", "Thursday", AFTER),
    # ... unless a perfect follows it
    ("The striker might have left the stadium on Thursday.", "Thursday", BEFORE),
    # "could" is also a past ("police could not confirm Thursday"): no direction of its own
    ("Police could not confirm the name on Thursday.", "Thursday", BEFORE),
])
def test_modals(times, text, span, value):
    assert times(text)[span] == value


@pytest.mark.parametrize("text, span, value", [
    # a singular noun subject with a verb tagged as plural present: the verb is a past
    # spelt like its present (hurt, cut, set)
    ("A shortage of nurses hurt the clinic on Thursday.", "Thursday", BEFORE),
    # a true plural present in a news lead still announces the day ahead
    ("Bus drivers strike Thursday over pay.", "Thursday", AFTER),
])
def test_past_spelt_like_present(times, text, span, value):
    assert times(text)[span] == value


@pytest.mark.parametrize("text, span, value", [
    ("The team will play two friendlies, starting with a match against Chile on Thursday.",
     "Thursday", AFTER),
    ("The band toured Europe, starting with a concert in Lisbon on Thursday.",
     "Thursday", BEFORE),
])
def test_participle_clause_takes_the_tense_of_its_clause(times, text, span, value):
    assert times(text)[span] == value


def test_previous_and_following_weekday_count_from_the_story_day(times):
    found = times("The index closed at 2,082 on Oct. 25, down 4% from the previous Friday.")
    assert found["the previous Friday"] == "2024-10-18"
    found = times("The trial opened on Oct. 14, and the verdict came the following Thursday.")
    assert found["the following Thursday"] == "2024-10-17"
    # with no day named before, they count from the publication day as before
    assert times("Shares rose from the previous Friday.")["the previous Friday"] == "2024-11-15"


@pytest.mark.parametrize("text, span, value", [
    ("Vinyl sales grew through the last half of the '80s.", "the '80s", "198"),
    ("The museum was built in the first half of the 1960s.", "the 1960s", "196"),
    # a half of a year stays one
    ("Revenue fell in the first half of 2023.", "the first half of 2023", "2023-H1"),
])
def test_half_of_a_decade_is_no_half_year(times, text, span, value):
    found = times(text)
    assert found[span] == value, found
    assert not any(v.endswith(("-H1", "-H2")) for v in found.values()) or value.endswith("H1")


@pytest.mark.parametrize("text, span, value", [
    # the clause is present or looks ahead, but the incident it names has happened
    ("Police are investigating a stabbing Thursday night outside a bar.", "Thursday night",
     BEFORE),
    ("Detectives are still looking into Thursday's crash on Route 9.", "Thursday", BEFORE),
    ("The robbery on Thursday comes a month after a similar one.", "Thursday", BEFORE),
    ("Investigators are studying the blaze in March at the mill.", "March", "2024-03"),
    ("Police are investigating the killings of two men at a farm Thursday night.",
     "Thursday night", BEFORE),
    ("A man faces charges over the fatal stabbing of a 19-year-old student Thursday night.",
     "Thursday night", BEFORE),
    ("Deputies are searching for two men after a home invasion on Thursday.", "Thursday",
     BEFORE),
    ("Deputies are looking into a crash involving a school bus Thursday morning.",
     "Thursday morning", BEFORE),
    # a day that is not an incident's keeps the clause's direction
    ("Police will hold a briefing Thursday about the fire.", "Thursday", AFTER),
    ("The man charged in the shooting will appear in court Thursday.", "Thursday", AFTER),
])
def test_a_reported_incident_has_happened(times, text, span, value):
    assert times(text)[span] == value


@pytest.mark.parametrize("text, span, value", [
    ("A vigil for the family is planned for Thursday.", "Thursday", AFTER),
    ("The plea hearing is scheduled for Thursday.", "Thursday", AFTER),
    ("Autopsies are scheduled Thursday, the coroner said.", "Thursday", AFTER),
    ("The budget vote is set for Thursday.", "Thursday", AFTER),
    ("The audit, which is due Thursday, will be made public.", "Thursday", AFTER),
    # the plan already past
    ("The plea hearing was scheduled for Thursday.", "Thursday", BEFORE),
])
def test_a_present_plan_looks_ahead(times, text, span, value):
    assert times(text)[span] == value


@pytest.mark.parametrize("text, span, value", [
    # a passive without a finite verb of its own ("after being shot") takes its governor's
    ("The cyclist died Saturday after being struck by a van Thursday.", "Thursday", BEFORE),
    ("The hikers will be honoured after being rescued Thursday.", "Thursday", AFTER),
])
def test_a_nonfinite_passive_follows_its_governor(times, text, span, value):
    assert times(text)[span] == value


def test_a_clock_inside_a_longer_time_is_not_read_alone(times):
    assert "08:35 PDT" not in times("Logged ( Mon Nov 18 17:08:35 PDT 2024 ) by the server.")
