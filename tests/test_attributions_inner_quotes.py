"""Quotes inside quotes: a speaker telling what someone else said, in single marks.
Every sentence here was written for this file."""

from __future__ import annotations


def _inner(analysis):
    return [a for a in analysis.attributions if a.within is not None]


def test_a_framed_inner_quote_is_a_record_inside_the_outer_one(analyze):
    text = ("\"The clerk yelled from the counter, 'Stop him, stop him!' So the officers held "
            "the man,\" said police spokesman Dan Avery.\n")
    analysis = analyze(text)
    outer = next(a for a in analysis.attributions if a.cue.text == "said")
    [inner] = _inner(analysis)
    assert inner.content.text == "'Stop him, stop him!'" and inner.kind == "direct"
    assert inner.speaker_name == "The clerk" and inner.within == outer.id
    assert outer.speaker_name == "Dan Avery"


def test_a_pronoun_inside_the_story_is_not_named_from_the_article(analyze):
    text = ("Police spokesman Dan Avery described the robbery on Monday.\n\n"
            "\"He told me, 'Give me the money,' and I gave it to him,\" the clerk said.\n")
    [inner] = _inner(analyze(text))
    assert inner.speaker is None and inner.speaker_name is None


def test_scare_quotes_and_apostrophes_make_no_inner_record(analyze):
    text = "\"I don't know what 'safe' means anymore,\" Ana Ruiz said.\n"
    assert _inner(analyze(text)) == []
