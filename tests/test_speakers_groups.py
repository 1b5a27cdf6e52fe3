"""A group taken up by "they" is named as the text names the group (issue 11).  Every
article here was written for these tests."""

from __future__ import annotations


def _by_content(analysis, needle):
    hits = [a for a in analysis.attributions if needle in a.content.text]
    assert hits, (needle, [a.content.text for a in analysis.attributions])
    return hits[0]


def test_they_after_a_party_is_named_by_its_plural(analyze):
    an = analyze(
        "A Republican senator from Kansas spoke to farmers on Monday. Republicans in the "
        "state legislature blocked the water bill on Tuesday. They said the plan would "
        "raise costs for growers.")
    costs = _by_content(an, "raise costs for growers")
    assert costs.source.text == "They"
    assert costs.speaker is not None  # still the party's entity record
    assert costs.speaker_name == "Republicans"


def test_a_named_speaker_keeps_the_entity_name(analyze):
    """Only a group pronoun renames: a person or a party named in the source keeps the
    entity's own name."""
    an = analyze(
        "Republicans in the state legislature blocked the water bill on Tuesday. Senator "
        "Ruth Calder said the plan would raise costs for growers. She added that the vote "
        "was close.")
    assert _by_content(an, "raise costs for growers").speaker_name == "Ruth Calder"
    assert _by_content(an, "the vote was close").speaker_name == "Ruth Calder"
