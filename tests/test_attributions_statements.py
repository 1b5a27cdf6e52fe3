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


def test_interview_turns_labelled_with_the_guest_s_surname(analyze):
    text = ("Q&A: A baker on closing her shop\n\n"
            "Marisol Reyes opened her bakery in 2006. We spoke with her about closing it.\n\n"
            "Why close now?\n\n"
            "Reyes: Rent doubled this spring. I did not want to raise prices again.\n\n"
            "What will you miss most?\n\n"
            "Reyes: The Friday mornings with my sister in the kitchen.\n")
    analysis = analyze(text)
    names = {e.id: e.name for e in analysis.entities}
    turns = [a for a in analysis.attributions if a.cue.text == ":"]
    assert [a.content.text for a in turns] == [
        "Rent doubled this spring. I did not want to raise prices again.",
        "The Friday mornings with my sister in the kitchen."]
    assert {names.get(a.speaker) for a in turns} == {"Marisol Reyes"}


def test_one_name_colon_line_is_no_interview(analyze):
    text = ("Marisol Reyes opened her bakery in 2006.\n\n"
            "Reyes: the last baker on Main Street closes her doors\n")
    assert [a for a in analyze(text).attributions if a.cue and a.cue.text == ":"
            and a.kind == "indirect" and a.content.text.startswith("the last")] == []


def test_each_named_turn_is_one_record(analyze):
    text = ("Ann Lee runs the shop. We asked her about it.\n\nWhy?\n\n"
            "Lee: Because the rent went up again this year and we could not pay it.\n\n"
            "What next?\n\nLee: We will open a smaller shop in May near the station.\n")
    turns = [a for a in analyze(text).attributions if a.cue and a.cue.text == ":"]
    assert [a.content.text for a in turns] == [
        "Because the rent went up again this year and we could not pay it.",
        "We will open a smaller shop in May near the station."]


def test_a_headline_crediting_its_source_after_a_colon(analyze):
    an = analyze("Woman Found Dead in Burning Car: Police\n\nA woman was found dead on "
                 "Friday in a car on Route 4.")
    a = _find(an, "Woman Found Dead in Burning Car")
    assert a is not None and a.source.text == "Police"
    an = analyze("Charges Filed After Crash at Marina: DA\u2019s Office\n\nA man was charged "
                 "on Thursday.")
    a = _find(an, "Charges Filed After Crash at Marina")
    assert a is not None and a.source.text.endswith("Office")


def test_a_headline_topic_after_a_colon_is_no_source(analyze):
    an = analyze("Storm Closes Schools Across the County: Updates\n\nSchools closed on Monday.")
    assert not [a for a in an.attributions if "Storm Closes" in a.content.text]


def test_a_force_acronym_headline_with_a_number_first_is_a_claim(analyze):
    an = analyze("GMPD: 16-year-old accidentally shoots himself\n\nGLENVILLE - Police say a "
                 "teen shot himself on Sunday.")
    a = _find(an, "16-year-old accidentally shoots himself")
    assert a is not None and a.source.text == "GMPD"
    an = analyze("Totals: 46 votes for, 12 against\n\nThe council met on Monday.")
    assert not [a for a in an.attributions if "46 votes" in a.content.text]
