"""name_again mentions count for corpus entities only: story keys, speaker candidates
and event actors see the mentions they saw before the kind existed."""

from __future__ import annotations

from types import SimpleNamespace

from newsgraph.corpus.entities import Mention as LinkMention
from newsgraph.corpus.stories import entity_keys
from newsgraph.model import Entity, Mention, Span
from newsgraph.stages.attributions.speakers import MentionIndex
from newsgraph.stages.entities import entity_at

TEXT = "Varnholt sold shares. Varnholt fell."


def _org() -> Entity:
    return Entity(id="E1", label="ORG", name="Varnholt", mentions=[
        Mention(Span.of(TEXT, 0, 8), "name"), Mention(Span.of(TEXT, 22, 30), "name_again")])


def _record(kinds: list[str]) -> dict:
    return {"id": "E1", "label": "ORG", "name": "Varnholt",
            "mentions": [{"start": 0, "end": 8, "text": "Varnholt", "kind": k} for k in kinds]}


def test_story_keys_do_not_weigh_name_again():
    assert entity_keys([_record(["name", "name_again", "name_again"])]) == \
        entity_keys([_record(["name"])])
    assert entity_keys([_record(["name", "name"])]) != entity_keys([_record(["name"])])


def test_corpus_entities_count_name_again():
    assert LinkMention(_record(["name", "name_again"])).count == 2


def test_speaker_index_and_entity_at_skip_name_again():
    org = _org()
    index = MentionIndex([org])
    assert [(r[0], r[3]) for r in index.rows] == [(0, "name")]
    analysis = SimpleNamespace(entities=[org])
    assert entity_at(analysis, 22, 30) is None
    assert entity_at(analysis, 0, 8) is org
