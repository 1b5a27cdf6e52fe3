"""Events: a trigger word read in its sense (issue 13, word sense).

The sentences are invented for these tests (fictional teams, people and places).  Each
pair holds one word in a sense PLOVER codes and in one it does not.
"""

import pytest


def _types(analyze, text):
    return {(e.type, e.trigger.text.lower().split()[0]) for e in analyze(text).events}


@pytest.mark.parametrize("text,absent", [
    # a dismissal: the object is a person ("fired the coach"), and "on Tuesday" says when
    ("The Dunmore Pikes fired head coach Ray Olsen on Tuesday.", ("ASSAULT", "fired")),
    # the names of people, not the people
    ("Police released the names of the two drivers on Friday.", ("RETREAT", "released")),
    # a vehicle striking someone is no labour strike
    ("A delivery truck struck a cyclist on Fifth Street.", ("PROTEST", "struck")),
    # a place for target practice
    ("The shooting range on Mill Road reopened after repairs.", ("ASSAULT", "shooting")),
    # "on Monday" is when the mayor called, not what he called on anyone to do
    ("The mayor called on Monday to say the road would reopen.", ("REQUEST", "called")),
    # a game: the score says so, with no sports word in the sentence
    ("Harbor City beat Pinecrest 104-99 on Saturday night.", ("ASSAULT", "beat")),
    # a weapon's name, a vehicle or an officer's post: what the trigger noun describes
    ("Deputies said Tarrow kept an assault rifle in his truck.", ("ASSAULT", "assault")),
    ("A patrol car was parked outside the Elm Street diner.", ("MOBILIZE", "patrol")),
    ("Two patrol officers answered a noise complaint on Birch Lane.", ("MOBILIZE", "patrol")),
    # a warrant is a document; no one has been arrested
    ("A judge signed an arrest warrant for Dale Morrow on Friday.", ("COERCE", "arrest")),
    # a discharge after care, not a release from custody
    ("The wounded clerk was released after treatment at Harlow General.", ("RETREAT", "released")),
])
def test_word_in_a_sense_plover_does_not_code(analyze, text, absent):
    assert absent not in _types(analyze, text)


@pytest.mark.parametrize("text,present", [
    ("A gunman fired at two officers outside the station on Tuesday.", ("ASSAULT", "fired")),
    ("Soldiers fired on the crowd at noon.", ("ASSAULT", "fired")),
    ("Kidnappers released a priest they had held for a week.", ("RETREAT", "released")),
    ("Bus drivers struck for two days over pay.", ("PROTEST", "struck")),
    ("Two men beat a clerk with a bat on Saturday night.", ("ASSAULT", "beat")),
    ("The senator called on Monday for an inquiry into the contract.", ("REQUEST", "called")),
])
def test_same_word_in_the_sense_plover_codes(analyze, text, present):
    assert present in _types(analyze, text)


def test_time_preposition_meets_no_prep_condition(analyze):
    from newsgraph.stages.events.syntax import is_when

    doc = analyze("Troops fired on the village on Monday.").doc
    preps = [t for t in doc if t.dep_ == "prep" and t.lower_ == "on"]
    assert [is_when(p) for p in preps] == [False, True]


@pytest.mark.parametrize("text,record", [
    ("Police released the names of the two drivers.", True),
    ("Gunmen released the two engineers on Friday.", False),
])
def test_judge_reads_a_record_as_the_object(analyze, text, record):
    from newsgraph.stages.events import judge

    doc = analyze(text).doc
    verb = next(t for t in doc if t.lower_ == "released")
    assert ("obj_record" in judge.features(None, verb, "RETREAT")) is record
