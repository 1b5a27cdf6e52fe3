"""Incidents: do an article's event mentions that ``same_as`` links really repeat one event?

ECB+ (``../shared/data/ecbplus``) annotates every event mention of its articles with a
coreference chain.  Each predicted event whose trigger overlaps an annotated action
mention (in the sentences the annotators covered) takes that mention's chain; over every
pair of such events in one article, a pair is linked when the two share an incident
(``same_as``) and is right when they share a chain.  Scored as pairwise precision,
recall and F1, by document-name halves (tuning / locked, :func:`speakers.is_locked`).

"Linked pairs" counts what a reader would otherwise see twice: with no links every pair
of mentions of one event is a duplicate record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from . import print_table

FLOORS = {"precision": 0.85}  # session 14: 0.921 tuning, 1.000 locked (63 linked pairs)


def _docs(root: Path, limit: Optional[int]) -> list[dict]:
    with open(root / "ecbplus" / "docs.jsonl", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return docs[:limit] if limit else docs


def _gold_chain(doc: dict, start: int, end: int) -> Optional[str]:
    covered = doc["annotated_sentences"]
    for m in doc["mentions"]:
        if m["type"].startswith(("ACTION", "NEG_ACTION")) and m["sentence"] in covered \
                and m["start"] < end and start < m["end"]:
            return m["chain"]
    return None


def _pairs(events, doc: dict) -> tuple[int, int, int]:
    """(linked and right, linked, should be linked) over the article's matched events."""
    root = {e.id: e.same_as or e.id for e in events}
    matched = [(root[e.id], _gold_chain(doc, e.trigger.start, e.trigger.end)) for e in events]
    matched = [m for m in matched if m[1] is not None]
    tp = linked = gold = 0
    for i in range(len(matched)):
        for j in range(i + 1, len(matched)):
            same_pred, same_gold = matched[i][0] == matched[j][0], matched[i][1] == matched[j][1]
            tp += same_pred and same_gold
            linked += same_pred
            gold += same_gold
    return tp, linked, gold


def run(root: Path, limit: Optional[int] = None) -> dict:
    from ..model import Article
    from ..pipeline import Analysis, load_stages
    from . import parse_timed
    from .speakers import is_locked

    docs = _docs(root, limit)
    stages = [s for s in load_stages() if s.name in ("entities", "times", "events")]
    norms, parsed, _ = parse_timed([d["text"] for d in docs])
    counts = {"tuning": [0, 0, 0, 0], "locked": [0, 0, 0, 0]}  # tp, linked, gold, events
    for d, norm, parse in zip(docs, norms, parsed):
        analysis = Analysis(Article(id=d["id"], text=d["text"]), norm=norm, doc=parse)
        for s in stages:
            s.fn(analysis)
        half = counts["locked" if is_locked(d["id"]) else "tuning"]
        for k, v in enumerate(_pairs(analysis.events, d)):
            half[k] += v
        half[3] += len(analysis.events)
    result = {"documents": len(docs), "halves": {}}
    for name, (tp, linked, gold, n) in counts.items():
        p = tp / linked if linked else 0.0
        r = tp / gold if gold else 0.0
        result["halves"][name] = {"precision": round(p, 3), "recall": round(r, 3),
                                  "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                                  "linked": linked, "gold": gold, "events": n}
    tp = sum(c[0] for c in counts.values())
    linked = sum(c[1] for c in counts.values())
    result["precision"] = round(tp / linked, 3) if linked else 0.0
    return result


def report(result: dict) -> None:
    rows = [[name, h["precision"], h["recall"], h["f1"], h["linked"], h["gold"], h["events"]]
            for name, h in result["halves"].items()]
    print_table(f"Incidents — ECB+ within-article event chains, {result['documents']} articles "
                "(pairs of predicted events on annotated action mentions)",
                ["half", "precision", "recall", "F1", "linked pairs", "gold pairs", "events"],
                rows)
