"""What an attack did to its victim is the attack again (issue 13, stages/events/repeats.py).

Short articles written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import Event, Span
from newsgraph.stages.events.incidents import _same_time, link_incidents


def _assaults(an):
    return [e for e in an.events if e.type == "ASSAULT"]


def _by_word(an, word):
    hits = [e for e in an.events if e.trigger.text == word]
    assert hits, [(e.type, e.trigger.text) for e in an.events]
    return hits[0]


def test_struck_and_injured_after_a_shooting_point_at_the_shooting(analyze):
    an = analyze("A man was shot on Elm Street on Friday night, police said. He was struck "
                 "in the leg and taken to a hospital. Officers said the victim was injured but "
                 "is expected to recover.", published="2026-03-14")
    shot, struck, injured = (_by_word(an, w) for w in ("shot", "struck", "injured"))
    assert shot.same_as is None
    assert struck.same_as == shot.id
    assert injured.same_as == shot.id


def test_the_shooting_after_its_harm_joins_the_harm_even_in_a_doubt(analyze):
    an = analyze("A teenager was wounded after a shooting at a park on Saturday. Police said "
                 "they do not know whether the shooting was deliberate.",
                 published="2026-03-14")
    wounded = _by_word(an, "wounded")
    shootings = [e for e in an.events if e.trigger.text == "shooting"]
    assert len(shootings) == 2
    assert wounded.same_as is None
    assert all(e.same_as == wounded.id for e in shootings)


def test_a_harm_that_could_belong_to_two_attacks_stays_alone(analyze):
    an = analyze("A man was shot in the arm on Oak Avenue on Monday. Hours later, a woman "
                 "was stabbed on Pine Street. She was wounded in the back and taken to a "
                 "hospital.", published="2026-03-14")
    assert [e.same_as for e in _assaults(an)] == [None, None, None]


def test_a_harm_the_sentence_calls_separate_is_not_linked(analyze):
    an = analyze("A 30-year-old man was stabbed outside a bar early Sunday, police said. "
                 "In a separate incident, a woman was injured at a bus stop.",
                 published="2026-03-14")
    stabbed, injured = _by_word(an, "stabbed"), _by_word(an, "injured")
    assert stabbed.same_as is None and injured.same_as is None


def test_two_harms_of_two_groups_of_people_are_not_linked(analyze):
    an = analyze("Two people were killed on Route 9 on Tuesday when a truck hit a van, "
                 "troopers said. Three other people were injured and taken to a hospital.",
                 published="2026-03-14")
    killed, injured = _by_word(an, "killed"), _by_word(an, "injured")
    assert injured.same_as is None and killed.same_as is None


def _event(eid, trigger, etype="ASSAULT", mode=None, modality="happened", time=None):
    return Event(id=eid, type=etype, trigger=Span(0, len(trigger), trigger), mode=mode,
                 modality=modality, time_value=time)


def test_without_a_parse_only_same_stem_mentions_are_linked():
    events = [_event("EV1", "shot", mode="firearms"), _event("EV2", "wounded"),
              _event("EV3", "shooting", mode="firearms")]
    link_incidents(events)
    assert [e.same_as for e in events] == [None, None, "EV1"]


def test_a_later_mention_matches_any_stem_its_incident_has_taken(analyze):
    an = analyze("Two guards were wounded at a bank on Monday. Police said the shooting "
                 "began inside the lobby. A customer said the shooting lasted a minute. Both "
                 "guards were wounded in the legs.", published="2026-03-14")
    first = _by_word(an, "wounded")
    assert first.same_as is None
    assert all(e.same_as == first.id for e in _assaults(an) if e is not first)


@pytest.mark.parametrize("x, y, same", [
    ("2016-08-31", "2016-08-31TEV", True), ("2016-08-31", "2016-08-31", True),
    ("2016", "2016-08-31", False), ("2016-08-30", "2016-08-31", False), (None, "2016", True)])
def test_times_of_one_day_told_more_or_less_finely_are_one_time(x, y, same):
    assert _same_time(x, y) is same



def test_a_doer_killing_himself_after_shooting_another_is_a_second_act(analyze):
    an = analyze("A man shot his neighbor on Maple Road on Sunday and then killed himself, "
                 "police said.", published="2026-03-14")
    shot, killed = _by_word(an, "shot"), _by_word(an, "killed")
    assert shot.same_as is None and killed.same_as is None


def test_other_shootings_are_not_the_story_s_shooting(analyze):
    an = analyze("A woman was shot outside a store on Grand Avenue on Friday. Several other "
                 "shootings were reported across the city later that night.",
                 published="2026-03-14")
    assert _by_word(an, "shootings").same_as is None


def _show(an):
    return [(e.id, e.type, e.mode, e.trigger.text, e.modality, e.same_as) for e in an.events]


def test_a_shooting_retold_in_other_words_points_at_the_first(analyze):
    an = analyze("Two gunmen opened fire outside a diner on Birch Lane on Friday night. "
                 "The gunfire sent customers running, police said. Detectives said the "
                 "shooting appeared to be targeted.", published="2026-03-14")
    first = _by_word(an, "opened fire")
    assert first.same_as is None, _show(an)
    assert _by_word(an, "gunfire").same_as == first.id, _show(an)
    assert _by_word(an, "shooting").same_as == first.id, _show(an)


def test_an_arrest_retold_as_a_detention_points_at_the_first(analyze):
    an = analyze("Officers detained a man near the station on Tuesday after a fight. Police "
                 "said he was arrested without incident.", published="2026-03-14")
    detained, arrested = _by_word(an, "detained"), _by_word(an, "arrested")
    assert detained.same_as is None, _show(an)
    assert arrested.same_as == detained.id, _show(an)


def test_a_round_up_of_shootings_keeps_its_shootings_apart(analyze):
    an = analyze("At 2 p.m. on Sunday, a man was shot on Cedar Street, police said. At 9 p.m. "
                 "on Sunday, a woman was stabbed on Walnut Street. Later, two men opened fire "
                 "near a school.", published="2026-03-16")
    assert _by_word(an, "opened fire").same_as is None, _show(an)


def test_fire_returned_is_the_other_side_s_act(analyze):
    an = analyze("A gunman opened fire on two officers outside a warehouse on Monday. One "
                 "officer returned fire, police said.", published="2026-03-14")
    assert _by_word(an, "fire").same_as is None, _show(an)


def test_an_arrest_is_not_the_jail_term_given_later(analyze):
    an = analyze("Police arrested a man after a robbery at a bakery. He was later jailed "
                 "for five years.", published="2026-06-14")
    assert _by_word(an, "jailed").same_as is None, _show(an)


def test_a_harm_caused_by_an_attack_told_in_an_after_clause_is_that_attack(analyze):
    an = analyze("Three people were wounded after gunfire broke out at a park on Saturday, "
                 "police said.", published="2026-03-14")
    wounded, gunfire = _by_word(an, "wounded"), _by_word(an, "gunfire")
    assert {wounded.same_as, gunfire.same_as} == {None, wounded.id}, _show(an)


def test_an_attack_named_as_the_doer_of_its_harm_is_no_actor_against_the_gunman(analyze):
    an = analyze("Police arrested a suspect in a drive-by shooting that killed a teenager "
                 "outside a party on Friday. Witnesses said a man in a passing car opened "
                 "fire on the crowd.", published="2026-03-16")
    shooting = _by_word(an, "shooting")
    assert shooting.same_as is None, _show(an)
    assert _by_word(an, "killed").same_as == shooting.id, _show(an)
    assert _by_word(an, "opened fire").same_as == shooting.id, _show(an)


def test_an_after_clause_shared_by_two_harms_is_the_cause_of_the_first_too(analyze):
    an = analyze("One man was killed and two women were hurt after two gunmen opened fire "
                 "at a bar on Friday, police said.", published="2026-03-14")
    killed, fire = _by_word(an, "killed"), _by_word(an, "opened fire")
    assert killed.same_as is None, _show(an)
    assert fire.same_as == killed.id, _show(an)


@pytest.mark.parametrize("text, trigger", [
    ("A cashier was shot and killed at a gas station on Route 9.", "shot and killed"),
    ("The gunman shot and wounded three people outside the arena.", "shot and wounded"),
])
def test_an_attack_and_its_harm_joined_by_and_are_one_event(analyze, text, trigger):
    """"shot and killed": one act told with two verbs is one event whose trigger spans
    both (as our gold marks it), not an attack and a harm linked by ``same_as``."""
    assert [(e.type, e.trigger.text) for e in analyze(text).events] == [("ASSAULT", trigger)]


@pytest.mark.parametrize("text", [
    "A gunman shot a clerk and then killed himself.",
    "Two men were stabbed and one was killed.",
])
def test_a_harm_with_its_own_object_or_subject_stays_its_own_event(analyze, text):
    assert len(_assaults(analyze(text))) == 2
