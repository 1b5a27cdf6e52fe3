"""One incident mentioned again and again: later mentions point at the first (issue 13).

Short articles written for these tests."""

from __future__ import annotations

from newsgraph.model import Actor, Event, Span
from newsgraph.stages.events.incidents import link_incidents


def _event(eid, trigger, etype="ASSAULT", actor=None, modality="happened", place=None):
    return Event(id=eid, type=etype, trigger=Span(0, len(trigger), trigger),
                 actor=Actor(Span(0, len(actor), actor)) if actor else None,
                 modality=modality, place=place)


def test_repeated_mentions_of_one_shooting_point_at_the_first(analyze):
    an = analyze("A man was shot outside a bar on Main Street late on Friday, police said.\n\n"
                 "The shooting happened as the bar was closing, officers said. The man was "
                 "taken to a hospital, where a second man who was shot in the arm was also "
                 "treated.")
    shootings = [e for e in an.events if e.type == "ASSAULT"]
    assert len(shootings) >= 2, [(e.type, e.trigger.text) for e in an.events]
    first = shootings[0]
    assert first.same_as is None
    assert all(e.same_as == first.id for e in shootings[1:])


def test_different_doers_or_different_acts_are_different_incidents():
    events = [_event("EV1", "shot", actor="Lopez"), _event("EV2", "shot", actor="Grant"),
              _event("EV3", "stabbed"), _event("EV4", "shooting"),
              _event("EV5", "shooting", modality="planned")]
    link_incidents(events)
    assert [e.same_as for e in events] == [None, None, None, "EV1", None]


def test_a_doer_named_later_joins_the_first_mention_and_then_counts():
    events = [_event("EV1", "shooting"), _event("EV2", "shot", actor="Lopez"),
              _event("EV3", "shot", actor="Grant")]
    link_incidents(events)
    assert [e.same_as for e in events] == [None, "EV1", None]


def _ecb_doc(text: str, mentions: list[tuple[int, int, str]]) -> dict:
    """An ECB+-shaped article: one annotated sentence holding the (start, end, chain)
    action mentions."""
    return {"annotated_sentences": [1], "sentences": [[1, 0, len(text)]], "mentions": [
        {"start": s, "end": e, "type": "ACTION_OCCURRENCE", "chain": c, "sentence": 1}
        for s, e, c in mentions]}


def test_the_incidents_bench_scores_pairs_of_linked_mentions_against_gold_chains():
    from newsgraph.eval.incidents import _pairs

    text = "Bomb explodes in market. The explosion killed two. A second bomb exploded later."
    doc = _ecb_doc(text, [(5, 13, "A"), (29, 38, "A"), (65, 73, "B")])
    events = [_event("EV1", "explodes"), _event("EV2", "explosion"), _event("EV3", "exploded")]
    for ev, (s, e) in zip(events, [(5, 13), (29, 38), (65, 73)]):
        ev.trigger = Span(s, e, text[s:e])
    link_incidents(events)  # all three join EV1: the third is a second bomb, wrongly
    assert _pairs(events, doc) == (1, 3, 1)  # one right link of three; the one gold pair found


def test_the_acts_view_counts_an_attack_and_its_harm_in_one_sentence_as_one_act():
    from newsgraph.eval.incidents import _pairs

    text = "A gunman shot and killed a guard. A dog was hurt later."
    doc = _ecb_doc(text, [(9, 13, "A"), (18, 24, "B"), (45, 49, "C")])
    events = [_event("EV1", "shot"), _event("EV2", "killed"), _event("EV3", "hurt")]
    for ev, (s, e), sent in zip(events, [(9, 13), (18, 24), (45, 49)], [(0, 33), (0, 33),
                                                                       (34, 55)]):
        ev.trigger = Span(s, e, text[s:e])
        ev.sentence = Span(sent[0], sent[1], text[sent[0]:sent[1]])
    events[1].same_as = "EV1"
    assert _pairs(events, doc) == (0, 1, 0)  # ECB+: two chains, the link is wrong
    assert _pairs(events, doc, acts=True) == (1, 1, 0)  # one act: the link is right
    events[2].same_as = "EV1"  # a harm in another sentence: only ECB+ can credit it
    assert _pairs(events, doc, acts=True) == (1, 3, 0)
    events[1].trigger = Span(18, 24, "parked")  # not a harm word: no rescue
    assert _pairs(events, doc, acts=True) == (0, 3, 0)


def test_underspecified_times_fit_the_times_they_could_be():
    from newsgraph.stages.events.incidents import _same_time

    assert _same_time("XXXX-12-25", "2008-12-25")
    assert _same_time("2010", "XXXX")
    assert _same_time("XXXX-WXX-3", "2009-02-04")  # a Wednesday
    assert not _same_time("XXXX-WXX-7", "2009-02-04")  # not a Sunday
    assert _same_time("XXXX-WXX-2", "XXXX-XX-XXTNI")
    assert not _same_time("XXXX-12-25", "2008-12-24")
    assert not _same_time("PRESENT_REF", "2016-08-10")
    assert not _same_time("XXXX-12-25", "2008-12-25", strict=True)


def test_a_mention_joins_by_its_lemma_when_its_letters_differ():
    from newsgraph.stages.events.incidents import Incident
    from newsgraph.stages.events.repeats import Word

    found = _event("EV1", "found", etype="SANCTION")
    finds = _event("EV2", "finds", etype="SANCTION")
    convicted = _event("EV3", "convicted", etype="SANCTION")
    inc = Incident(0, found, Word(lemma="find"))
    assert inc.takes(finds, Word(lemma="find"))
    assert not inc.takes(convicted, Word(lemma="convict"))
    assert not Incident(0, found, Word(lemma="found")).takes(finds, Word(lemma="finds"))


def test_an_afternoon_and_a_clock_time_in_it_are_one_time_not_a_round_up():
    from newsgraph.stages.events.incidents import _same_time

    assert _same_time("2026-03-15TAF", "2026-03-15T14:21")
    assert not _same_time("2026-03-15TMO", "2026-03-15T14:21")
    assert _same_time("2026-03-15TEV", "2026-03-15TNI")

    def three(first, second):
        events = [_event("EV1", "shot"), _event("EV2", "shooting"), _event("EV3", "shot")]
        for ev, t in zip(events, (first, second, "2026-03-15")):
            ev.time_value = t
        link_incidents(events)
        return [e.same_as for e in events]

    assert three("2026-03-15TAF", "2026-03-15T14:21") == [None, "EV1", "EV1"]
    # two clock times of a day: a round-up, where the day alone joins neither
    assert three("2026-03-15T14:00", "2026-03-15T21:00") == [None, None, None]
