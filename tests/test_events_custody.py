"""Events: custody and charges told as states, and who underwent a passive act (issue 13,
audit seed 109: missed custody and charges, the victim or defendant as actor).

The sentences are invented for these tests (fictional people and places).
"""

import pytest


def _events(analyze, text, word):
    return [e for e in analyze(text).events if e.trigger.text.lower().split()[0] == word]


def _one(analyze, text, word):
    evs = _events(analyze, text, word)
    assert len(evs) == 1, [(e.type, e.trigger.text) for e in analyze(text).events]
    return evs[0]


def _who(participant):
    return None if participant is None else participant.span.text


# --- the one who underwent a passive act is its target, never its actor -------------

@pytest.mark.parametrize("text,word,target", [
    # a second passive verb sharing the first one's auxiliary and subject
    ("Tom Vance was arrested and charged with burglary.", "charged", "Tom Vance"),
    ("A clerk was shot and killed on Elm Street.", "shot", "A clerk"),
    # a passive joined to an active clause: its subject is the runner, who was arrested
    ("The driver ran from deputies but was arrested near the river.", "arrested", "The driver"),
    # a participle opening the sentence
    ("First charged with arson, Lena Pruitt later admitted the fire.", "charged", "Lena Pruitt"),
    # a bare participle joined to "be"
    ("Omar Reyes is in jail and charged with assault.", "charged", "Omar Reyes"),
])
def test_passive_undergoer_is_target_not_actor(analyze, text, word, target):
    ev = _one(analyze, text, word)
    assert ev.actor is None
    assert _who(ev.target) == target


def test_agent_of_the_second_passive_is_the_actor(analyze):
    ev = _one(analyze, "A clerk was shot and wounded by a masked man.", "shot")
    assert _who(ev.actor) == "a masked man"
    assert _who(ev.target) == "A clerk"


def test_active_joined_verbs_keep_their_actor(analyze):
    ev = _one(analyze, "Deputies arrested Ana Voss and charged her with fraud.", "charged")
    assert _who(ev.actor) == "Deputies"


def test_offender_named_in_the_charge_list_is_no_accuser(analyze):
    ev = _one(analyze, "Dale Koch was charged with possession of a rifle by a felon.", "charged")
    assert ev.actor is None
    assert _who(ev.target) == "Dale Koch"


def test_reduced_relative_names_the_one_it_befell(analyze):
    ev = _one(analyze, "The guard indicted in the robbery resigned on Monday.", "indicted")
    assert _who(ev.target) == "The guard"


# --- custody as a state ---------------------------------------------------------------

@pytest.mark.parametrize("text,word,target", [
    ("Mara Quist is in custody.", "custody", "Mara Quist"),
    ("Gil Farr was booked into the county jail.", "booked", "Gil Farr"),
    ("Gil Farr is being held on a $10,000 bond.", "held", "Gil Farr"),
])
def test_custody_state_is_coerce_of_the_one_held(analyze, text, word, target):
    ev = _one(analyze, text, word)
    assert (ev.type, ev.mode) == ("COERCE", "arrest")
    assert ev.actor is None
    assert _who(ev.target) == target


def test_who_holds_someone_in_custody_is_the_actor(analyze):
    ev = _one(analyze, "Troopers now have the driver in custody.", "custody")
    assert _who(ev.actor) == "Troopers"
    assert _who(ev.target) == "the driver"


def test_nobody_in_custody_is_negated(analyze):
    ev = _one(analyze, "No one is in custody.", "custody")
    assert ev.modality == "negated"


@pytest.mark.parametrize("text", [
    "The couple went to court over custody of their children.",
    "She was granted joint custody after the divorce.",
    "He was released from custody on Friday.",
])
def test_custody_of_children_or_release_is_no_arrest(analyze, text):
    assert not _events(analyze, text, "custody")


def test_place_of_custody_is_no_target(analyze):
    ev = _one(analyze, "Deputies booked Ivo Brandt into the Lake County Jail.", "booked")
    assert ev.target is None or "Jail" not in ev.target.span.text


def test_custody_later_repeats_the_arrest(analyze):
    evs = analyze("Police arrested Kurt Dahl on Monday. Dahl remains in custody.").events
    arrest = next(e for e in evs if e.trigger.text == "arrested")
    custody = next(e for e in evs if e.trigger.text == "custody")
    assert custody.same_as == arrest.id


# --- charges one faces ----------------------------------------------------------------

def test_facing_charges_is_an_accusation_of_the_one_facing(analyze):
    ev = _one(analyze, "Nina Holt faces two burglary charges.", "charges")
    assert (ev.type, ev.mode) == ("ACCUSE", "allege")
    assert ev.actor is None
    assert _who(ev.target) == "Nina Holt"


# --- words that are no act here ---------------------------------------------------------

@pytest.mark.parametrize("text,word", [
    ("The robber pulled out a knife and ran.", "pulled"),  # a weapon drawn, no withdrawal
    ("He was a convicted felon.", "convicted"),  # a status, not the conviction
    ("Ray Moss pleaded guilty to fraud on Friday.", "pleaded"),  # a plea asks nothing
    ("Ray Moss pleaded not guilty.", "pleaded"),
])
def test_no_event_in_this_sense(analyze, text, word):
    assert not _events(analyze, text, word)


def test_withdrawal_without_an_object_is_still_retreat(analyze):
    ev = _one(analyze, "The rebels pulled out of the town on Sunday.", "pulled")
    assert ev.type == "RETREAT"


def test_a_plea_for_help_is_still_a_request(analyze):
    ev = _one(analyze, "The mayor pleaded for help from the state.", "pleaded")
    assert ev.type == "REQUEST"
