"""Speakers the text names but the stage left blank (issue 11, audit kinds): the possessor
of a cue noun ("his claim that ..."), a document whose issuer is named, a frame whose
source the parse lost.  Every article here was written for these tests."""

from __future__ import annotations


def _by_content(analysis, needle):
    hits = [a for a in analysis.attributions if needle in a.content.text]
    assert hits, (needle, [a.content.text for a in analysis.attributions])
    return hits[0]


def test_a_possessive_pronoun_on_a_cue_noun_is_ranked_like_its_subject_form(analyze):
    an = analyze(
        "Senator Paul Brandt spoke to farmers in Ames on Monday. His claim that the new "
        "tariff would double grain prices angered traders.")
    a = _by_content(an, "the new tariff would double grain prices")
    assert a.source.text == "His"
    assert a.speaker_name == "Paul Brandt"


def test_a_possessive_pronoun_agrees_in_gender(analyze):
    an = analyze(
        "Mayor Ellen Ward met Tom Riggs, the council treasurer, on Friday. His promise "
        "that the library would stay open drew applause.")
    a = _by_content(an, "the library would stay open")
    assert a.speaker_name == "Tom Riggs"
