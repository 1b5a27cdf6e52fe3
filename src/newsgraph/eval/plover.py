"""Score the events stage on PLOVER gold records (``plover/gsr-dev.json``).

Each gold record is one sentence with an event type and its source actors.
Old labels are mapped as the PLOVER manual's CAMEO table does: INVESTIGATE and
DISAPPROVE -> ACCUSE, DEMAND -> REQUEST, FIGHT -> ASSAULT.  Sentences are
analysed once each through the whole pipeline (several records share one).

- **type recall**: the gold type is among the sentence's predicted events;
- **top-1 type accuracy**: the type of the sentence's *main* event equals the
  gold type.  The main event is the one whose trigger is highest in the
  dependency tree (fewest steps to the sentence root), ties going to the
  earliest trigger: for "X said Y attacked Z" that is the attack, since the
  speech verb itself is not an event;
- **actor accuracy**, over all gold records: some predicted event of the gold
  type has an actor whose span overlaps an occurrence of a gold source
  ``actorText`` in the sentence (when the gold text does not occur verbatim,
  e.g. "U.S. ... negotiators", sharing a content word counts);
- **target accuracy** (no floor), the same over the records whose gold has target actors;
- **stage time** as a percentage of the spaCy parse time of the same sentences.

``report`` also prints independent probes built at run time from the PLOVER
manual and the CAMEO table (``plover_manual``): type recall and top-1 only, no
floor, since the manual has few real example sentences and most probes are
mode descriptions put in a carrier sentence.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

from . import data_dir, pct_of_parse, print_table

OLD_LABELS = {"INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
              "FIGHT": "ASSAULT"}

FLOORS = {"type_recall": 0.86, "top1_accuracy": 0.83, "actor_accuracy": 0.82}
BUDGET_PCT = 20.0  # stage cost, % of parse: checked by `make bench`, not by tests

_STOP = frozenset("the a an of and in on at to for from by with its his her their s".split())


def gold_type(record: dict) -> str:
    return OLD_LABELS.get(record["event"], record["event"])


def _content_words(text: str) -> set:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOP}


def actor_matches(sentence: str, actor_span, gold_texts: list[str]) -> bool:
    """Whether a predicted actor span overlaps one of the gold actor texts."""
    if actor_span is None:
        return False
    low = sentence.lower()
    for g in gold_texts:
        g = g.strip()
        if not g:
            continue
        found = False
        for m in re.finditer(re.escape(g.lower()), low):
            found = True
            if m.start() < actor_span.end and actor_span.start < m.end():
                return True
        if not found and _content_words(g) & _content_words(actor_span.text):
            return True
    return False


def main_event(analysis, events):
    """The sentence's main event: trigger highest in the parse, then earliest."""
    from ..stages.events import syntax

    best = None
    for e in events:
        tok = syntax.token_at(analysis.doc, e.trigger.start, e.trigger.end)
        d = syntax.depth(tok) if tok is not None else 99
        key = (d, e.trigger.start)
        if best is None or key < best[0]:
            best = (key, e)
    return best[1] if best else None


def run(data_dir: Path, limit: Optional[int] = None, probes: bool = True) -> dict:
    from .. import Article, Pipeline
    from ..stages.nlp import load_model

    records = json.loads((Path(data_dir) / "plover" / "gsr-dev.json").read_text(encoding="utf-8"))
    if limit:
        records = records[:limit]
    texts = list(dict.fromkeys(r["text"] for r in records))
    pipe = Pipeline()
    list(load_model().pipe(texts[:8]))  # load and warm up before the pipeline's timings start
    from ..stages.events import judge

    judge.load()  # read once per process: not a per-article cost
    analyses = {}
    for text, res in zip(texts, pipe.run(Article(id=f"g{i}", text=t)
                                          for i, t in enumerate(texts))):
        if not isinstance(res, Exception):
            analyses[text] = res
    parse_s, stage_s = pipe.timings["nlp"], pipe.timings["events"]

    hits = Counter()
    per_type = defaultdict(Counter)
    for r in records:
        gt = gold_type(r)
        a = analyses.get(r["text"])
        events = a.events if a is not None else []
        types = {e.type for e in events}
        per_type[gt]["n"] += 1
        if gt in types:
            hits["type"] += 1
            per_type[gt]["recall"] += 1
        top = main_event(a, events) if a is not None else None
        if top is not None and top.type == gt:
            hits["top1"] += 1
            per_type[gt]["top1"] += 1
        gold_actors = [s.get("actorText", "") for s in (r.get("source") or [])]
        if any(e.type == gt and actor_matches(r["text"], e.actor.span if e.actor else None,
                                              gold_actors) for e in events):
            hits["actor"] += 1
            per_type[gt]["actor"] += 1
        gold_targets = [t.get("actorText", "") for t in r.get("target") or []
                        if isinstance(t, dict)] if isinstance(r.get("target"), list) else []
        if gold_targets:
            hits["with_target"] += 1
            if any(e.type == gt and actor_matches(r["text"], e.target.span if e.target else None,
                                                  gold_targets) for e in events):
                hits["target"] += 1
    n = len(records) or 1
    return {
        "records": len(records),
        "sentences": len(texts),
        "type_recall": round(hits["type"] / n, 4),
        "top1_accuracy": round(hits["top1"] / n, 4),
        "actor_accuracy": round(hits["actor"] / n, 4),
        # Over the records with a gold target: an event of the gold type whose target overlaps it.
        "target_accuracy": round(hits["target"] / max(1, hits["with_target"]), 4),
        "records_with_target": hits["with_target"],
        "events_per_sentence": round(sum(len(a.events) for a in analyses.values())
                                     / max(1, len(analyses)), 2),
        "parse_seconds": round(parse_s, 3),
        "stage_seconds": round(stage_s, 3),
        "stage_pct_of_parse": pct_of_parse(stage_s, parse_s),
        "per_type": {k: dict(v) for k, v in sorted(per_type.items())},
        # Independent probes from the manual and the CAMEO table (no floor: small, unofficial).
        "probes": _probes(data_dir) if probes and not limit else {},
    }


def _probes(data_dir: Path) -> dict:
    from .plover_manual import score

    res = score(data_dir)
    return {k: {m: v[m] for m in ("probes", "type_recall", "top1_accuracy", "per_type", "per_kind")}
            for k, v in res.items()}


def report(result: dict) -> None:
    print_table("PLOVER events on gsr-dev", ["metric", "value", "floor"], [
        ["records", result["records"], None],
        ["type recall", result["type_recall"], FLOORS["type_recall"]],
        ["top-1 type accuracy", result["top1_accuracy"], FLOORS["top1_accuracy"]],
        ["actor accuracy", result["actor_accuracy"], FLOORS["actor_accuracy"]],
        [f"target accuracy ({result.get('records_with_target')} with a target)",
         result.get("target_accuracy"), None],
        ["events per sentence", result["events_per_sentence"], None],
        ["stage time % of parse", result["stage_pct_of_parse"], f"<= {BUDGET_PCT}"],
    ])
    rows = []
    for t, c in result["per_type"].items():
        n = c.get("n", 0) or 1
        rows.append([t, c.get("n", 0), c.get("recall", 0) / n, c.get("top1", 0) / n,
                     c.get("actor", 0) / n])
    print_table("per gold type", ["type", "n", "recall", "top-1", "actor"], rows)
    pr = result.get("probes") or {}
    if pr:
        print_table("probes from the PLOVER manual and the CAMEO table (no gold actors)",
                    ["probe set", "n", "type recall", "top-1"],
                    [[k, v["probes"], v["type_recall"], v["top1_accuracy"]] for k, v in pr.items()]
                    + [[f"  {k}: {kind}", c["n"], round(c.get("recall", 0) / c["n"], 3), None]
                       for k, v in pr.items() for kind, c in v["per_kind"].items()
                       if len(v["per_kind"]) > 1])
        types = sorted({t for v in pr.values() for t in v["per_type"]})
        print_table("probe type recall per gold type", ["type"] + list(pr), [
            [t] + [f"{c.get('recall', 0)}/{c['n']}" if (c := v["per_type"].get(t)) else "-"
                   for v in pr.values()] for t in types])


if __name__ == "__main__":
    d = data_dir()
    if d is None:
        raise SystemExit("../shared/data not found (set NEWSGRAPH_DATA)")
    report(run(d))
