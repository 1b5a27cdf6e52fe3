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
