"""Salience features of the pronoun ranker (coref.py): the chain of pronouns a person
already took, mentions in background clauses, and a person known by a given name only.
Every article here was written for this file."""

from __future__ import annotations

from newsgraph.stages.attributions.coref import Discourse, ranker_weights
from newsgraph.stages.attributions.quotes import find_quotes


def _disc(an):
    return Discourse(an.doc, an.norm, an.entities, find_quotes(an.norm))


def _feats(disc, pron: str, pos: int) -> dict:
    return {r.name: f for r, f in disc.candidates(pron, pos) if r is not None}


def test_a_person_the_text_keeps_calling_he_carries_the_chain(analyze):
    """"He ... He ..." resolved to Ruiz: the next "he" sees Ruiz's pronoun chain (the
    topic the text keeps), the newer man named once has none."""
    text = ("Senator Mark Ruiz toured the plant on Tuesday. He said the jobs would stay. "
            "He promised new money for training. Foreman Paul Ortiz showed him the line. "
            "He said the state would match the grant.")
    an = analyze(text)
    disc = _disc(an)
    first, second = an.norm.index("He said"), an.norm.index("He promised")
    for pos in (first, second):
        disc.resolve("he", pos)
    feats = _feats(disc, "he", an.norm.rindex("He said"))
    ruiz = next(f for n, f in feats.items() if "Ruiz" in n)
    ortiz = next(f for n, f in feats.items() if "Ortiz" in n)
    assert ruiz["pronoun_chain"] > 0 and ortiz["pronoun_chain"] == 0
    assert ranker_weights()["pronoun_chain"] > 0


def test_a_name_in_a_relative_clause_is_embedded(analyze):
    """"Gray, who served under Judge Bell, ...": Bell is background, Gray is not."""
    an = analyze("Lawyer Dan Gray, who served under Judge Tom Bell for a decade, listed "
                 "the court's rules. He said civility was assumed.")
    disc = _disc(an)
    feats = _feats(disc, "he", an.norm.index("He said"))
    gray = next(f for n, f in feats.items() if "Gray" in n)
    bell = next(f for n, f in feats.items() if "Bell" in n)
    assert bell["embedded"] == 1.0 and gray["embedded"] == 0.0
    assert ranker_weights()["embedded"] < 0


def test_a_woman_known_by_her_given_name_only_is_a_woman(analyze):
    """"a resident named Caroline": no surname, but the given name still tells the
    gender (weakly: a pronoun the text uses for her would outweigh it)."""
    an = analyze("The woman who shouted identified herself as a resident named Caroline. "
                 "Mayor Tom Hale said the square would stay open.")
    disc = _disc(an)
    people = {r.name: r for r in disc.referents if r.kind == "PERSON"}
    assert people["Caroline"].gender == "f" and not people["Caroline"].sure

