"""Statements reprinted without quotation marks after a colon (issue 11).

Short articles written for these tests."""

from __future__ import annotations

_BLOCK = ("A fight broke out at the Maple Lanes bowling alley late on Friday.\n\n"
          "Maple Lanes released the following statement on Saturday:\n\n"
          "Shortly before closing, an argument between two groups of customers spilled into "
          "our parking lot. We called police at once and our staff kept everyone inside.\n\n"
          "We thank the officers who came so quickly, and we will add security on weekends.\n\n"
          "Police said no arrests had been made.")


def _find(analysis, needle):
    found = [a for a in analysis.attributions if needle in a.content.text]
    assert len(found) == 1, [(a.content.text, a.speaker_name) for a in analysis.attributions]
    return found[0]


def test_a_statement_after_a_colon_is_attributed_to_who_released_it(analyze):
    an = analyze(_BLOCK)
    att = _find(an, "spilled into our parking lot")
    assert att.speaker_name == "Maple Lanes" and att.cue.text == "released"
    # the next paragraph goes on in the first person: the same statement
    assert "add security on weekends" in att.content.text
    assert "no arrests" not in att.content.text
    # the statement's own clauses are not attributions of their own
    assert not [a for a in an.attributions if a.cue and a.cue.text == "called"]


def test_a_colon_that_names_nobody_introduces_no_statement(analyze):
    an = analyze("The plan is simple. To sum it up:\n\n"
                 "Save a third of the money now, borrow a third from the bank, and raise the "
                 "rest from the members over the next two years.")
    assert not [a for a in an.attributions if "borrow a third" in a.content.text]
