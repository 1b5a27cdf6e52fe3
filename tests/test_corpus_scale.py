"""The corpus-scale benchmark at a tiny size: it produces figures, and the synthetic store
it builds is one the real linker links completely, without error.

Needs ``../shared/data`` (the texts are read at run time) and parses ~20 seed articles, so
it takes about half a minute.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np

from newsgraph.corpus.linker import link, relink
from newsgraph.eval import corpus_scale as cs
from newsgraph.store import Store


def test_tiny_run_produces_numbers(shared_data):
    result = cs.run(shared_data, limit=300)
    small, large = result["sizes"]
    assert (small, large) == (30, 300)
    for n in (small, large):
        r = result["runs"][str(n)]
        assert r["articles"] == n
        assert r["seconds"] > 0 and r["peak_mb"] > 0
        assert r["shape"]["unlinked"] == 0
    assert result["incremental"]["articles"] == result["incremental"]["added"] == 3
    assert result["growth_ratio"] > 0
    cs.report(result)


def test_synthetic_store_links_without_error(shared_data):
    docs = cs._source_docs(shared_data)
    seeds = cs.parse_seeds(docs, cs.MIN_SEEDS, seconds=0)
    with tempfile.TemporaryDirectory() as tmp:
        path, _, (synth, plans) = cs.build(shared_data, 200, 20, Path(tmp), seeds, docs)
        with Store(path) as store:
            assert store.con.execute("SELECT count(*), min(seq), max(seq), "
                                     "count(DISTINCT hash) FROM articles").fetchone() == \
                (200, 1, 200, 200)
            # records are the entities stage's shape, offsets pointing at their text
            for text, data in store.con.execute(
                    "SELECT a.text, e.data FROM entities e JOIN articles a ON a.hash = e.article "
                    "LIMIT 200").fetchall():
                record = json.loads(data)
                for m in record["mentions"]:
                    assert set(m) == {"start", "end", "text", "kind"}
                    assert text[m["start"]:m["end"]] == m["text"]
            stats = relink(store)
            assert stats.articles == 200
            assert 0 < stats.copies < 100
            assert store.con.execute("SELECT count(*) FROM articles WHERE story IS NULL"
                                     ).fetchone()[0] == 0
            cs.store_articles(store, synth, plans, 200, 220, Path(tmp))
            assert link(store).articles == 20


def test_plans_are_in_arrival_order_with_copies_after_originals():
    plans, events = cs.make_plans(2000, 30, np.random.default_rng(1))
    assert len(plans) == 2000
    assert [(p.day, p.order) for p in plans] == sorted((p.day, p.order) for p in plans)
    copies = [i for i, p in enumerate(plans) if p.source >= 0]
    assert abs(len(copies) / 2000 - cs.COPY_SHARE) < 0.01
    assert all(plans[i].source < i and plans[plans[i].source].source < 0 for i in copies)
    assert all(0 <= seed < 30 for seed in events)
