"""Story clustering against real events: ECB+ subtopics and gun-violence incidents.

Both sets are read from ``../shared/data`` at run time.  The system sees what a user's
corpus would give it: text, title, publication date (gun-violence only; ECB+ has none)
and the entities stage's output, never the gold labels.  Articles arrive online in a
realistic order: gun-violence by publication date, ECB+ shuffled with a fixed seed (the
file is sorted by topic, which would make online clustering look easier than it is).

Scores are BCubed precision, recall and F1 over articles (for each article, the share
of its predicted story that is its gold event, and the share of its gold event that is
in its predicted story).  Every article is clustered together; the scores are reported
on a tuning half and a locked half (split by topic or incident with
:func:`.speakers.is_locked`).  The story model is trained on the tuning halves only
(``make story-model``).  A plain online TF-IDF centroid clusterer (words only, no
dates, its threshold chosen on the tuning halves) is printed beside it.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Optional

from . import entity_records, print_table
from ..corpus import CorpusArticle
from .speakers import is_locked

# Pinned a little below the measured figures (ECB+ 0.868, 0.875 since the lead feature; gun
# violence 0.925 since the specific-names features; see docs/status.md).
FLOORS = {"ecbplus.f1": 0.855, "gunviolence.f1": 0.915}
BASELINE_THRESHOLD = 0.2  # the plain centroid clusterer's best on the tuning halves
ECB_SEED = 7  # the shuffle that gives ECB+ (undated, sorted by topic in the file) its order
# ECB+ has no natural order, and which two similar events meet first moves its F1 by 0.01-0.02
# from one shuffle to the next: the bench also prints the mean over these shuffles
ECB_ORDERS = (7, 1, 2, 3, 4, 5, 6, 8)


class StorySet:
    """Articles in arrival order with their gold event and the group that decides the half."""

    def __init__(self, name: str, articles: list[CorpusArticle], gold: dict[str, str],
                 group: dict[str, str]) -> None:
        self.name, self.articles, self.gold, self.group = name, articles, gold, group
        self.file_order: list[str] = [a.key for a in articles]  # load_set: the file's

    def keys(self, locked: Optional[bool] = None) -> list[str]:
        return [a.key for a in self.articles
                if locked is None or is_locked(self.group[a.key]) == locked]


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_set(data_dir: Path, name: str, limit: Optional[int] = None,
             entities: Optional[dict[str, list[dict]]] = None) -> StorySet:
    """``ecbplus`` or ``gunviolence`` as a StorySet, entities from the pipeline unless given."""
    path = (data_dir / "ecbplus" / "docs.jsonl" if name == "ecbplus"
            else data_dir / "gunviolence" / "articles.jsonl")
    docs = _read(path)[:limit]
    if entities is None:
        entities, _ = entity_records(str(path), limit)
    articles, gold, group = [], {}, {}
    for d in docs:
        articles.append(CorpusArticle(key=d["id"], id=d["id"], text=d["text"],
                                      title=d.get("title"), published=d.get("published"),
                                      url=d.get("url"), entities=entities.get(d["id"], [])))
        gold[d["id"]] = d.get("subtopic") or d["incident"]
        group[d["id"]] = d.get("topic") or d["incident"]
    in_file = [a.key for a in articles]
    if name == "ecbplus":
        random.Random(ECB_SEED).shuffle(articles)
    else:
        articles.sort(key=lambda a: (a.published or "", a.id))
    stories = StorySet(name, articles, gold, group)
    stories.file_order = in_file
    return stories


def shuffled(stories: StorySet, seed: int) -> StorySet:
    """The set in another arrival order: the file's order shuffled with ``seed``
    (``ECB_SEED`` gives the bench's order of ECB+)."""
    by_key = {a.key: a for a in stories.articles}
    articles = [by_key[k] for k in stories.file_order]
    random.Random(seed).shuffle(articles)
    out = StorySet(stories.name, articles, stories.gold, stories.group)
    out.file_order = stories.file_order
    return out


def bcubed(pred: dict[str, str], gold: dict[str, str], keys: list[str]) -> dict:
    """BCubed P/R/F1 over ``keys``; clusters count all their members, whichever half."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k, v in pred.items():
        by_pred[v].add(k)
    for k, v in gold.items():
        by_gold[v].add(k)
    if not keys:
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "n": 0}
    p = r = 0.0
    for k in keys:
        c, g = by_pred[pred[k]], by_gold[gold[k]]
        p += len(c & g) / len(c)
        r += len(c & g) / len(g)
    p, r = p / len(keys), r / len(keys)
    return {"p": round(p, 4), "r": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "n": len(keys)}


def cluster(stories: StorySet, index=None, copies: bool = True
            ) -> tuple[dict[str, str], float]:
    """Online clustering of the set as the product links it (copies first, a copy
    joining its original's story), or with ``index`` alone; returns (article key ->
    story id, ms per article)."""
    from ..corpus.copies import CopyIndex, copy_features
    from ..corpus.stories import StoryIndex, story_features

    index = index or StoryIndex()
    copy_index = CopyIndex() if copies else None
    started = time.perf_counter()
    pred = {}
    for seq, a in enumerate(stories.articles):
        match = None
        if copy_index is not None:
            match = copy_index.add(a.key, (a.published or "9999-12-31", seq), copy_features(a))
        body = copy_index.substantive_text(a.text or "") if copy_index is not None else None
        pred[a.key] = index.add(a.key, story_features(a, body),
                                copy_of=match.matched if match else None).story
    ms = 1000 * (time.perf_counter() - started) / max(1, len(stories.articles))
    return pred, ms


def baseline(stories: StorySet, threshold: float = BASELINE_THRESHOLD) -> dict[str, str]:
    """Plain online TF-IDF centroid clustering: words of title and body, no entities, no
    dates; join the most similar centroid above ``threshold``."""
    from ..corpus.stories import FEATURES, StoryIndex, StoryModel, story_features

    class Plain(StoryIndex):
        def similarity(self, story, terms, entities, day, names=()):
            words = self.pair_features(story, terms, {}, None)
            return words[0] + words[1]

    index = Plain(StoryModel([0.0] * len(FEATURES), 0.0, threshold))
    pred = {}
    for a in stories.articles:
        f = story_features(a)
        f.entities, f.published = {}, None
        pred[a.key] = index.add(a.key, f).story
    return pred


def score(stories: StorySet, pred: dict[str, str]) -> dict:
    return {"all": bcubed(pred, stories.gold, stories.keys()),
            "tuning": bcubed(pred, stories.gold, stories.keys(False)),
            "locked": bcubed(pred, stories.gold, stories.keys(True))}


def run(data_dir: Path, limit: Optional[int] = None) -> dict:
    result: dict = {"scores": {}}
    for name in ("ecbplus", "gunviolence"):
        stories = load_set(data_dir, name, limit)
        pred, ms = cluster(stories)
        scores = score(stories, pred)
        result["scores"][name] = {"f1": scores["all"]["f1"]}
        result[name] = {"system": scores, "baseline": score(stories, baseline(stories)),
                        "ms_per_article": round(ms, 2), "articles": len(stories.articles),
                        "stories": len(set(pred.values()))}
        if name == "ecbplus":
            result[name]["orders"] = over_orders(stories, ECB_ORDERS)
    return result


def over_orders(stories: StorySet, seeds) -> dict:
    """Mean BCubed F1 of each half over arrival orders (the file shuffled with each seed)."""
    halves = {"tuning": [], "locked": [], "all": []}
    for seed in seeds:
        ordered = shuffled(stories, seed)
        pred, _ = cluster(ordered)
        for half, value in score(ordered, pred).items():
            halves[half].append(value["f1"])
    return {half: round(sum(v) / len(v), 4) for half, v in halves.items()} | {"n": len(seeds)}


def report(result: dict) -> None:
    rows = []
    for name in ("ecbplus", "gunviolence"):
        r = result[name]
        for system in ("system", "baseline"):
            s = r[system]
            rows.append([name, "newsgraph" if system == "system" else "plain TF-IDF centroid",
                         *(f"{s[h]['p']:.3f}/{s[h]['r']:.3f}/{s[h]['f1']:.3f}"
                           for h in ("tuning", "locked", "all"))])
    print_table("stories: online story clustering, BCubed over articles (gold: ECB+ "
                "subtopic, gun-violence incident)", ["set", "clusterer", "tuning P/R/F1", "locked P/R/F1", "all P/R/F1"], rows)
    for name in ("ecbplus", "gunviolence"):
        r = result[name]
        print(f"{name}: {r['articles']} articles -> {r['stories']} stories, "
              f"{r['ms_per_article']:.2f} ms per article to cluster")
        if "orders" in r:
            o = r["orders"]
            print(f"{name} over {o['n']} arrival orders (mean F1): tuning {o['tuning']:.3f}, "
                  f"locked {o['locked']:.3f}, all {o['all']:.3f}")
