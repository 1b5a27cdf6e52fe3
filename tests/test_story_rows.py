"""A story row names its main corpus entities; an entity renamed by later articles must be
renamed in the rows of older stories too, so an ingest linked in passes writes the same
stories table as ``relink`` of the same store (issues 12 and 16).

The articles are short ones written for this test: a museum story naming "Apple Inc." and
a Senate story under a "WASHINGTON" dateline, linked first; then reports naming "Apple"
and "Washington", which become those entities' names, in other stories.
"""

from __future__ import annotations

import json
import shutil

import pytest

from newsgraph import Article
from newsgraph.corpus.linker import Linker, link, relink
from newsgraph.store import Store

FIRST = [
    dict(id="museum", title="Harbor museum opens a new wing", published="2025-05-03",
         text="The Harbor Museum opened a new wing on Saturday, paid for by a gift from "
              "Apple Inc.\n\nVisitors walked past old sea charts and carved ship models. The "
              "museum's director, Lena Hartwell, thanked the donors and the volunteers who "
              "restored the exhibits."),
    dict(id="dateline", title="Senate clears bridge money", published="2025-05-03",
         text="WASHINGTON - The Senate approved money for the Fairlane Bridge repairs on "
              "Friday.\n\nThe bill now goes to the House, where leaders promised a vote next "
              "week."),
]
LATER = [
    dict(id="phone-1", title="Apple says its new phone ships in June", published="2025-05-20",
         text="Apple said on Tuesday that its newest phone would reach stores in June.\n\n"
              "Apple expects strong demand in Asia, a spokeswoman said. Shares of Apple rose "
              "3 percent after the announcement."),
    dict(id="phone-2", title="Apple phone draws long lines", published="2025-06-12",
         text="Buyers queued overnight outside Apple stores as the new phone went on sale.\n\n"
              "Apple did not say how many units it had shipped. Apple shares closed higher."),
    dict(id="blossom", title="Cherry trees bloom early", published="2025-05-22",
         text="Cherry trees bloomed early in Washington this spring, drawing crowds to the "
              "Tidal Basin.\n\nPark rangers in Washington said the peak came four days ahead "
              "of the forecast."),
    dict(id="marathon", title="Runners fill the streets for the marathon", published="2025-06-01",
         text="Thousands of runners crossed Washington on Sunday in the city's spring "
              "marathon.\n\nOrganisers in Washington said a record number finished the race."),
]


@pytest.fixture(scope="module")
def analyses(pipeline):
    return [pipeline.analyze(Article(**r)) for r in FIRST + LATER]


def _tables(store: Store) -> tuple:
    return tuple(store.query(f"SELECT * FROM {table} ORDER BY ALL")[1]
                 for table in ("stories", "corpus_entities"))


def _story_names(store: Store, article: str) -> list[str]:
    _, rows = store.query("SELECT s.entities FROM stories s JOIN articles a ON a.story = s.id "
                          f"WHERE a.id = '{article}'")
    return [e["name"] for e in json.loads(rows[0][0])]


def test_story_rows_follow_entities_renamed_in_later_passes(tmp_path, analyses):
    path = tmp_path / "passes.duckdb"
    with Store(path) as store:
        for analysis in analyses[:len(FIRST)]:
            store.save(analysis)
        link(store)
        assert "Apple Inc." in _story_names(store, "museum")  # the name so far
        for analysis in analyses[len(FIRST):]:
            store.save(analysis)
        link(store)  # a second pass, from the saved indexes
        linked = _tables(store)
        museum = _story_names(store, "museum")
        dateline = _story_names(store, "dateline")
    assert "Apple" in museum and "Apple Inc." not in museum
    assert "Washington" in dateline and "WASHINGTON" not in dateline
    shutil.copy(path, tmp_path / "copy.duckdb")
    with Store(tmp_path / "copy.duckdb") as copy:
        relink(copy)
        assert _tables(copy) == linked
        relink(copy)
        assert _tables(copy) == linked


@pytest.mark.parametrize("opened", [False, True])
def test_a_replayed_linker_renames_rows_written_before_it(tmp_path, analyses, opened):
    """The second pass by a linker that replayed the store (no saved indexes), built at
    once or chunk by chunk as the ingest's writer builds it."""
    from contextlib import nullcontext

    with Store(tmp_path / "replayed.duckdb") as store:
        for analysis in analyses[:len(FIRST)]:
            store.save(analysis)
        link(store)
        Linker(store).forget_state()
        for analysis in analyses[len(FIRST):]:
            store.save(analysis)
        if opened:
            linker = Linker.opened(lambda: nullcontext(store), chunk=1)
            linker.store = store
        else:
            linker = Linker(store)
        assert linker.link_pending().articles == len(LATER)
        linked = _tables(store)
        relink(store)
        assert _tables(store) == linked
