"""Entities stage: names the tagger missed (issue 12, cross-document entities).

Each rule is checked on a hand-built parse (words, tags and entity spans
given), so the test says what the rule does whatever the tagger would guess.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.stages.entities import extract
from newsgraph.stages.nlp import load_model

_POS = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "VBD": "VERB",
        "VBZ": "VERB", "VBP": "VERB", "VBN": "VERB", "VB": "VERB", "DT": "DET", "IN": "ADP",
        "JJ": "ADJ", ".": "PUNCT", ",": "PUNCT", "POS": "PART", "CD": "NUM", "CC": "CCONJ",
        "PRP": "PRON", "RB": "ADV", "TO": "PART"}


def build(lines: list[list[tuple]]) -> tuple[Doc, str]:
    """A parsed document from lines of (word, tag[, entity label]) tuples.

    Words are joined by spaces, a "." or "," or "'s" sticks to the word before,
    lines end in a newline token, each line is one sentence; a run of tuples
    with one label is one entity span."""
    words, spaces, tags, ents, starts = [], [], [], [], []
    prev = None
    for n, line in enumerate(lines):
        for k, item in enumerate(line):
            word, tag = item[0], item[1]
            label = item[2] if len(item) > 2 else None
            if words and word in (".", ",", "'s") and spaces[-1]:
                spaces[-1] = False
            words.append(word)
            spaces.append(True)
            tags.append(tag)
            starts.append(k == 0)
            if label is None:
                ents.append("O")
            else:
                ents.append(("I-" if prev == label and k > 0 else "B-") + label)
            prev = label
        spaces[-1] = False
        if n < len(lines) - 1:
            words.append("\n")
            spaces.append(False)
            tags.append("_SP")
            starts.append(False)
            ents.append("O")
            prev = None
    pos = [_POS.get(t, "SPACE" if t == "_SP" else "X") for t in tags]
    doc = Doc(load_model().vocab, words=words, spaces=spaces, tags=tags, pos=pos, ents=ents,
              sent_starts=starts)
    return doc, doc.text


def names(entities, label: str | None = None) -> dict:
    return {e.name: e for e in entities if label is None or e.label == label}


def mention_texts(entity) -> list[str]:
    return [m.span.text for m in entity.mentions]


def test_untagged_given_name_and_surname_is_a_person():
    # "Constable Tim Fanning" untagged; "Fanning" tagged once later
    doc, text = build([
        [("Constable", "NNP"), ("Tim", "NNP"), ("Fanning", "NNP"), ("said", "VBD"),
         ("the", "DT"), ("man", "NN"), ("fled", "VBD"), (".", ".")],
        [("Fanning", "NNP", "PERSON"), ("said", "VBD"), ("police", "NNS"), ("waited", "VBD"),
         (".", ".")],
    ])
    ents = names(extract(doc, text), "PERSON")
    assert "Tim Fanning" in ents
    assert mention_texts(ents["Tim Fanning"]) == ["Tim Fanning", "Fanning"]


def test_untagged_given_name_needs_name_words_after_it():
    # "fighting" is written in lowercase: "Bradley Fighting Vehicles" is a thing;
    # a plural or organisation word, or a given name alone, is no person either
    doc, text = build([
        [("They", "PRP"), ("sent", "VBD"), ("Bradley", "NNP"), ("Fighting", "NNP"),
         ("Vehicles", "NNPS"), ("to", "TO"), ("the", "DT"), ("fighting", "NN"), (".", ".")],
        [("Gordon", "NNP"), ("Advisors", "NNPS"), ("and", "CC"), ("Grace", "NNP"),
         ("Church", "NNP"), ("agreed", "VBD"), ("with", "IN"), ("Tony", "NNP"), (".", ".")],
    ])
    assert names(extract(doc, text), "PERSON") == {}


def test_headline_name_confirmed_by_the_body_words():
    # the tagger found "U. S. Marshals" only in the headline; the body writes it too
    doc, text = build([
        [("Inmate", "NNP"), ("Added", "NNP"), ("to", "IN"), ("U.", "NNP", "ORG"),
         ("S.", "NNP", "ORG"), ("Marshals", "NNPS", "ORG"), ("List", "NNP")],
        [("The", "DT"), ("U.", "NNP"), ("S.", "NNP"), ("Marshals", "NNPS"), ("have", "VBP"),
         ("added", "VBN"), ("a", "DT"), ("man", "NN"), (".", ".")],
    ])
    ents = names(extract(doc, text), "ORG")
    assert mention_texts(ents["U. S. Marshals"]) == ["U. S. Marshals", "U. S. Marshals"]


def test_headline_guesses_stay_dropped():
    # title-case words the tagger took for names, which the body never writes
    doc, text = build([
        [("Nadia", "NNP", "PERSON"), ("Korlov", "NNP", "PERSON"), ("Wins", "NNP", "PERSON"),
         ("Vote", "NNP"), ("as", "IN"), ("Budget", "NNP", "ORG"), ("Talks", "NNP", "ORG"),
         ("Stall", "NNP", "ORG")],
        [("Nadia", "NNP", "PERSON"), ("Korlov", "NNP", "PERSON"), ("won", "VBD"), ("the", "DT"),
         ("budget", "NN"), ("vote", "NN"), (".", ".")],
    ])
    ents = names(extract(doc, text))
    assert "Nadia Korlov" in ents
    assert not any("Wins" in n or "Stall" in n for n in ents)


def test_repeated_names_the_tagger_missed():
    # an acronym tagged once and missed twice (once as a noun), a full name missed once
    doc, text = build([
        [("Lars", "NNP"), ("Obrecht", "NNP"), ("accused", "VBN"), ("of", "IN"), ("fraud", "NN")],
        [("The", "DT"), ("SEACOM", "NNP", "ORG"), ("cable", "NN"), ("failed", "VBD"), (",", ","),
         ("Lars", "NNP", "PERSON"), ("Obrecht", "NNP", "PERSON"), ("said", "VBD"), (".", ".")],
        [("Users", "NNS"), ("of", "IN"), ("the", "DT"), ("SEACOM", "NNP"), ("cable", "NN"),
         ("and", "CC"), ("SEACOM", "NNS"), ("'s", "POS"), ("staff", "NN"), ("waited", "VBD"),
         (".", ".")],
    ])
    ents = names(extract(doc, text))
    assert mention_texts(ents["SEACOM"]) == ["SEACOM"] * 3
    assert mention_texts(ents["Lars Obrecht"]) == ["Lars Obrecht"] * 2


def test_headline_name_not_confirmed_by_part_of_a_longer_name():
    # the body writes "U. S. Court" only inside "U. S. Court of Appeals"
    doc, text = build([
        [("Plant", "NNP"), ("Rules", "NNP"), ("Face", "NNP"), ("Key", "NNP"), ("U.", "NNP", "ORG"),
         ("S.", "NNP", "ORG"), ("Court", "NNP", "ORG"), ("Test", "NNP")],
        [("The", "DT"), ("U.", "NNP"), ("S.", "NNP"), ("Court", "NNP"), ("of", "IN"),
         ("Appeals", "NNP"), ("heard", "VBD"), ("the", "DT"), ("case", "NN"), (".", ".")],
    ])
    assert "U. S. Court" not in names(extract(doc, text))


def test_given_name_before_a_span_tagged_a_place_is_a_person():
    # "coach Ana Lima" with only "Lima" tagged, as a city; a plain city keeps its label
    doc, text = build([
        [("City", "NN"), ("coach", "NN"), ("Ana", "NNP"), ("Lima", "NNP", "GPE"),
         ("said", "VBD"), ("her", "PRP"), ("side", "NN"), ("lost", "VBD"), (".", ".")],
        [("The", "DT"), ("team", "NN"), ("flew", "VBD"), ("to", "IN"), ("Lima", "NNP", "GPE"),
         (".", ".")],
    ])
    ents = extract(doc, text)
    assert "Ana Lima" in names(ents, "PERSON")
    assert "Lima" in names(ents, "GPE")


def test_appositive_name_after_a_title_with_particles_is_a_person():
    # "its finance chief, Henk de Vries," tagged as an organisation
    doc, text = build([
        [("Its", "PRP"), ("finance", "NN"), ("chief", "NN"), (",", ","), ("Henk", "NNP", "ORG"),
         ("de", "NNP", "ORG"), ("Vries", "NNP", "ORG"), (",", ","), ("said", "VBD"),
         ("sales", "NNS"), ("fell", "VBD"), (".", ".")],
    ])
    assert "Henk de Vries" in names(extract(doc, text), "PERSON")


def test_untagged_name_after_a_capitalised_title_is_a_person():
    # "Coroner Gerone Hobbs": no common given name, but a title before it
    doc, text = build([
        [("Pulaski", "NNP", "GPE"), ("County", "NNP", "GPE"), ("Coroner", "NNP"),
         ("Gerone", "NNP"), ("Hobbs", "NNP"), ("said", "VBD"), ("the", "DT"), ("boy", "NN"),
         ("died", "VBD"), (".", ".")],
    ])
    assert "Gerone Hobbs" in names(extract(doc, text), "PERSON")


def test_one_word_names_written_again_are_mentions_of_their_own_kind():
    # a one-word organisation tagged once and missed before and after; a sentence-initial
    # common noun that the article also writes in lowercase is no name
    doc, text = build([
        [("Varnholt", "NNP"), ("hired", "VBD"), ("Mira", "NNP", "PERSON"),
         ("Olsen", "NNP", "PERSON"), (".", ".")],
        [("Shares", "NNS"), ("of", "IN"), ("Varnholt", "NNP", "ORG"), ("fell", "VBD"),
         ("after", "IN"), ("Frontier", "NNP", "ORG"), ("sold", "VBD"), ("them", "PRP"),
         (".", ".")],
        [("Varnholt", "NNP"), ("said", "VBD"), ("it", "PRP"), ("would", "MD"), ("buy", "VB"),
         ("them", "PRP"), ("back", "RB"), (".", ".")],
        [("Frontier", "NN"), ("towns", "NNS"), ("lie", "VBP"), ("on", "IN"), ("the", "DT"),
         ("frontier", "NN"), (".", ".")],
    ])
    ents = extract(doc, text)
    org = names(ents)["Varnholt"]
    assert [(m.span.text, m.kind) for m in org.mentions] == [
        ("Varnholt", "name_again"), ("Varnholt", "name"), ("Varnholt", "name_again")]
    assert mention_texts(names(ents)["Frontier"]) == ["Frontier"]
    # ids follow the first mention found before: the person named first is E1
    assert [e.name for e in ents][:2] == ["Mira Olsen", "Varnholt"]
    assert names(ents)["Mira Olsen"].id == "E1"


def test_one_word_name_shared_with_a_person_is_not_searched():
    doc, text = build([
        [("Ford", "NNP", "ORG"), ("recalled", "VBD"), ("cars", "NNS"), (".", ".")],
        [("Ford", "NNP", "PERSON"), ("said", "VBD"), ("so", "RB"), (".", ".")],
        [("Ford", "NNP"), ("did", "VBD"), ("not", "RB"), ("say", "VB"), ("more", "JJR"),
         (".", ".")],
    ])
    kinds = [m.kind for e in extract(doc, text) for m in e.mentions]
    assert "name_again" not in kinds


def test_a_one_word_guess_opening_a_sentence_case_headline_is_dropped():
    # "Chipmaker" opens the headline because it opens the line, not because it is a name
    doc, text = build([
        [("Chipmaker", "NNP", "ORG"), ("warns", "VBZ"), ("on", "IN"), ("orders", "NNS")],
        [("Veltrix", "NNP", "ORG"), ("warned", "VBD"), ("on", "IN"), ("Wednesday", "NNP"),
         (".", ".")],
    ])
    ents = names(extract(doc, text))
    assert "Chipmaker" not in ents and "Veltrix" in ents


def test_untagged_run_of_names_ending_in_an_organisation_word_is_an_organisation():
    doc, text = build([
        [("Veltrix", "NNP"), ("Semiconductor", "NNP"), ("warned", "VBD"), ("on", "IN"),
         ("Wednesday", "NNP"), (".", ".")],
        [("Analysts", "NNS"), ("at", "IN"), ("Pike", "NNP"), ("Ridge", "NNP"), ("agreed", "VBD"),
         (".", ".")],
    ])
    ents = names(extract(doc, text))
    assert ents["Veltrix Semiconductor"].label == "ORG"
    assert "Pike Ridge" not in ents  # no organisation word: left to the tagger

def test_distinctive_end_of_an_organisation_name_is_a_mention_again():
    # "the Larks" after "Dunmore Larks"; a generic last word ("Council") is not searched,
    # and the end of a longer name written after another capitalised word is part of
    # that other name ("the Harbour Larks" is not searched as "Larks")
    doc, text = build([
        [("The", "DT"), ("Dunmore", "NNP", "ORG"), ("Larks", "NNPS", "ORG"), ("signed", "VBD"),
         ("Tomas", "NNP", "PERSON"), ("Vell", "NNP", "PERSON"), (".", ".")],
        [("The", "DT"), ("Larks", "NNPS"), ("paid", "VBD"), ("him", "PRP"), ("well", "RB"),
         (".", ".")],
        [("The", "DT"), ("Kelso", "NNP", "ORG"), ("Town", "NNP", "ORG"),
         ("Council", "NNP", "ORG"), ("met", "VBD"), (".", ".")],
        [("The", "DT"), ("Council", "NNP"), ("agreed", "VBD"), (".", ".")],
        [("Fans", "NNS"), ("of", "IN"), ("the", "DT"), ("Harbour", "NNP"), ("Larks", "NNPS"),
         ("cheered", "VBD"), (".", ".")],
    ])
    ents = names(extract(doc, text))
    larks = ents["Dunmore Larks"]
    assert [(m.span.text, m.kind) for m in larks.mentions] == [
        ("Dunmore Larks", "name"), ("Larks", "name_again")]
    assert mention_texts(ents["Kelso Town Council"]) == ["Kelso Town Council"]


def test_name_in_a_line_of_capitals_is_a_mention_again():
    doc, text = build([
        [("DUNMORE", "NNP"), ("LARKS", "NNP"), ("SIGN", "NNP"), ("VELL", "NNP")],
        [("The", "DT"), ("Dunmore", "NNP", "ORG"), ("Larks", "NNPS", "ORG"), ("signed", "VBD"),
         ("Tomas", "NNP", "PERSON"), ("Vell", "NNP", "PERSON"), (".", ".")],
        [("Critics", "NNS"), ("say", "VBP"), ("DUNMORE", "NNP"), ("LARKS", "NNP"),
         ("overpaid", "VBD"), (".", ".")],
    ])
    larks = names(extract(doc, text))["Dunmore Larks"]
    # the capitals line is found; the same capitals in running text are left alone
    assert [(m.span.text, m.kind) for m in larks.mentions] == [
        ("DUNMORE LARKS", "name_again"), ("Dunmore Larks", "name")]


def test_end_of_a_name_shared_with_a_person_is_not_searched():
    doc, text = build([
        [("The", "DT"), ("Dunmore", "NNP", "ORG"), ("Larks", "NNPS", "ORG"), ("signed", "VBD"),
         ("Ana", "NNP", "PERSON"), ("Larks", "NNP", "PERSON"), (".", ".")],
        [("Larks", "NNP"), ("was", "VBD"), ("happy", "JJ"), (".", ".")],
    ])
    larks = names(extract(doc, text))["Dunmore Larks"]
    assert mention_texts(larks) == ["Dunmore Larks"]
