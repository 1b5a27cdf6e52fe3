"""A victim is not the doer: reduced passives the parser reads as active (issue 13).

Short sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger, victim", [
    ("A 16-year-old boy shot in the neck on Friday was taken to a hospital.", "shot", "boy"),
    ("A teenager stabbed in the back on Main Street on Friday is in hospital.", "stabbed",
     "teenager"),
])
def test_someone_hurt_in_a_body_part_is_the_target_not_the_actor(analyze, text, trigger,
                                                                 victim):
    events = [e for e in analyze(text).events if e.trigger.text == trigger]
    assert len(events) == 1
    assert events[0].actor is None
    assert events[0].target is not None and victim in events[0].target.span.text


def test_a_doer_with_an_object_keeps_the_actor(analyze):
    events = [e for e in analyze("The gunman shot a woman in the leg.").events
              if e.trigger.text == "shot"]
    assert events[0].actor is not None and events[0].actor.span.text == "The gunman"
