"""Events: precision on real news (issue 13, audit of session 18).

The sentences are invented for these tests (fictional people and places).  Each group
holds words that name no act here, next to the same words where they do.
"""

import pytest


def _types(analyze, text):
    return {(e.type, e.trigger.text.lower().split()[0]) for e in analyze(text).events}


@pytest.mark.parametrize("text,absent", [
    # a trigger noun that only says what a document is about
    ("The deputy wrote in an arrest report that the door was open.", ("COERCE", "arrest")),
    ("Arrest records show the driver owned two cars.", ("COERCE", "arrest")),
    ("The shooting video was shown to the jury on Monday.", ("ASSAULT", "shooting")),
    ("According to an arrest affidavit, the man told deputies he had been asleep.",
     ("COERCE", "arrest")),
])
def test_a_document_name_is_no_act(analyze, text, absent):
    assert absent not in _types(analyze, text)


@pytest.mark.parametrize("text,present", [
    ("Deputies made the arrest after a short chase on Tuesday.", ("COERCE", "arrest")),
    ("The shooting left two men wounded outside the bar.", ("ASSAULT", "shooting")),
])
def test_the_same_nouns_as_acts(analyze, text, present):
    assert present in _types(analyze, text)


@pytest.mark.parametrize("text,kept", [
    # a thing, an idea or a record is no one let go
    ("Mourners released white balloons outside the church.", False),
    ("Police have not released a motive for the stabbing.", False),
    ("The studio released a new trailer for the film on Friday.", False),
    # a discharge after care
    ("The driver was treated at a hospital and released.", False),
    ("Both women were released from Lakeview Hospital on Sunday.", False),
    # someone let go by those who held them, or property they had seized
    ("Kidnappers released the engineer on Friday.", True),
    ("The gunmen released the correspondent after two days.", True),
    ("He was released from the county jail on Monday.", True),
    ("Port authorities released an impounded trawler on Tuesday.", True),
])
def test_a_release_needs_someone_let_go(analyze, text, kept):
    assert (("RETREAT", "released") in _types(analyze, text)) is kept
