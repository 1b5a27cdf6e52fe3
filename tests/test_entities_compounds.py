"""Entities stage: organisations named by a person and an organisation noun ("the Obama
administration", "the Obama team"), issue 12 (cross-document entities).

Hand-built parses (words, tags and entity spans given, as in
test_entities_missed_names.py), so each test says what the rule does whatever the tagger
would guess.  Every sentence is invented for these tests.
"""

from __future__ import annotations

from test_entities_missed_names import build, names

from newsgraph.corpus import CorpusArticle
from newsgraph.corpus.entities import EntityLinker
from newsgraph.corpus.stories import entity_keys


def kinds(entity) -> list[tuple[str, str]]:
    return [(m.span.text, m.kind) for m in entity.mentions]


def test_surname_and_administration_is_an_organisation_of_its_own():
    doc, text = build([
        [("Mara", "NNP", "PERSON"), ("Velde", "NNP", "PERSON"), ("took", "VBD"),
         ("office", "NN"), ("in", "IN"), ("May", "NNP"), (".", ".")],
        [("The", "DT"), ("Velde", "NNP", "PERSON"), ("administration", "NN"), ("said", "VBD"),
         ("the", "DT"), ("Velde", "NNP", "PERSON"), ("administration", "NN"), ("would", "MD"),
         ("wait", "VB"), (".", ".")],
    ])
    from newsgraph.stages.entities import extract

    ents = extract(doc, text)
    org = names(ents, "ORG")["Velde administration"]
    assert kinds(org) == [("Velde administration", "name_again")] * 2
    # the person keeps its own mentions, and its id: the organisation comes last
    person = names(ents, "PERSON")["Mara Velde"]
    assert [m.span.text for m in person.mentions] == ["Mara Velde", "Velde", "Velde"]
    assert person.id == "E1" and org.id == f"E{len(ents)}"


def test_capitalised_noun_and_possessive_and_a_campaign():
    doc, text = build([
        [("Ivo", "NNP", "PERSON"), ("Rask", "NNP", "PERSON"), ("won", "VBD"), (".", ".")],
        [("The", "DT"), ("Rask", "NNP", "PERSON"), ("Administration", "NNP"), ("'s", "POS"),
         ("plan", "NN"), ("failed", "VBD"), (".", ".")],
        [("Tom", "NNP", "PERSON"), ("Alder", "NNP", "PERSON"), ("said", "VBD"), ("the", "DT"),
         ("Alder", "NNP", "PERSON"), ("campaign", "NN"), ("lost", "VBD"), (".", ".")],
    ])
    from newsgraph.stages.entities import extract

    ents = extract(doc, text)
    orgs = names(ents, "ORG")
    assert sorted(orgs) == ["Alder campaign", "Rask administration"]
    assert kinds(orgs["Rask administration"]) == [("Rask Administration", "name_again")]


def test_a_noun_inside_another_name_makes_no_organisation():
    # "Team Sports" is tagged as an organisation of its own: no "Brisk team" is made
    # across it; a noun the name does not touch ("Brisk said the team won") is left alone
    doc, text = build([
        [("Lena", "NNP", "PERSON"), ("Brisk", "NNP", "PERSON"), ("Team", "NNP", "ORG"),
         ("Sports", "NNP", "ORG"), ("opened", "VBD"), (".", ".")],
        [("Brisk", "NNP", "PERSON"), ("said", "VBD"), ("the", "DT"), ("team", "NN"),
         ("won", "VBD"), (".", ".")],
    ])
    from newsgraph.stages.entities import extract

    ents = extract(doc, text)
    assert sorted(names(ents, "ORG")) == ["Team Sports"]


def test_an_organisation_found_for_linking_only_is_no_story_key():
    records = [
        {"id": "E1", "label": "PERSON", "name": "Mara Velde",
         "mentions": [{"start": 0, "end": 10, "text": "Mara Velde", "kind": "name"}]},
        {"id": "E2", "label": "ORG", "name": "Velde administration",
         "mentions": [{"start": 20, "end": 40, "text": "Velde administration",
                       "kind": "name_again"}]},
    ]
    keys = entity_keys(records)
    assert "p:velde" in keys
    assert not [k for k in keys if "administration" in k]


def test_the_organisation_links_across_articles_apart_from_the_person():
    def article(n: int) -> CorpusArticle:
        text = "Mara Velde spoke. The Velde administration said no."
        return CorpusArticle(key=f"k{n}", id=f"a{n}", text=text, seq=n, entities=[
            {"id": "E1", "label": "PERSON", "name": "Mara Velde", "roles": [],
             "mentions": [{"start": 0, "end": 10, "text": "Mara Velde", "kind": "name"},
                          {"start": 22, "end": 27, "text": "Velde", "kind": "name"}]},
            {"id": "E2", "label": "ORG", "name": "Velde administration", "roles": [],
             "mentions": [{"start": 22, "end": 42, "text": "Velde administration",
                           "kind": "name_again"}]}])

    linker = EntityLinker()
    first, second = linker.add(article(1)), linker.add(article(2))
    assert first == second
    assert first["E1"] != first["E2"]
