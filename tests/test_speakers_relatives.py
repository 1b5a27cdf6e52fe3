"""A surname a story's subject shares with a relative, and a name set after an "of"
phrase.  Every article here was written for this file."""

from __future__ import annotations

def test_a_namesake_keeps_the_turn_past_a_name_in_their_own_words(analyze):
    """The father speaks of his son by name and goes on speaking: his own words naming
    the son do not hand the bare surname back to the son."""
    text = ("Tomas Reyes, 15, was shot on Monday.\n\n"
            "The boy's father, Raul Reyes, told reporters the family was in shock.\n\n"
            "Reyes said he called the boy's phone and learned that Tomas had died. "
            "Reyes said he had told his son to stay home that night.\n")
    analysis = analyze(text)
    names = {e.id: e.name for e in analysis.entities}
    spoken = [names.get(a.speaker) for a in analysis.attributions
              if a.source and a.source.text == "Reyes"]
    assert len(spoken) >= 3 and set(spoken) == {"Raul Reyes"}


def test_a_relative_speaking_again_by_surname_keeps_the_turn(analyze):
    text = ("Tomas Reyes, 19, was killed on Friday.\n\n"
            "His mother, Patricia Reyes, said he loved football. \"He was kind to "
            "everyone,\" Reyes said.\n")
    analysis = analyze(text)
    names = {e.id: e.name for e in analysis.entities}
    quote = next(a for a in analysis.attributions if a.kind == "direct")
    assert names[quote.speaker] == "Patricia Reyes"


def test_a_name_after_an_of_phrase_is_the_description_s_referent(analyze):
    text = ("An ice storm cut power to 9,000 homes.\n\n"
            "A resident of Oak Hollow, Gary Pruitt, said his family slept in the car. "
            "He said they were lucky.\n")
    analysis = analyze(text)
    he = next(a for a in analysis.attributions if a.source and a.source.text == "He")
    assert he.speaker_name == "Gary Pruitt" and he.sourcing == "named_person"
