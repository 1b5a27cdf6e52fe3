"""Dump the speaker errors of the *tuning* data, classified by kind, for reading.

Two sources, both outside the locked half:

* ``dev``: the stage end to end on the tuning half of PolNeAR dev, scored as the
  benchmark scores it (:mod:`newsgraph.eval.speakers`): every matched gold pronoun row
  whose predicted ``speaker_name`` does not name the gold referent.
* ``train``: the ranker on this project's own labels for PolNeAR *train* pronoun sources
  (``scripts/data/polnear-train-speakers*.jsonl``), resolved in text order as the stage
  resolves them (:meth:`Discourse.resolve`, hard constraints and the naming threshold
  included): rows whose choice is wrong.  Rows the ranker was fitted on, so the error
  rate is optimistic; it is a pool of kinds to read, not a figure to report.

Locked-half rows are never printed (only the tuning half's errors are read; the benchmark
gives the locked half as totals).

    python scripts/dump_speaker_errors.py [dev|train|both] [--limit N] > /tmp/errors.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgraph.eval import data_dir  # noqa: E402
from newsgraph.eval.speakers import is_locked  # noqa: E402
from newsgraph.stages.attributions.speakers import MIN_PRONOUN_CONFIDENCE  # noqa: E402

PLURAL = {"they", "them", "we", "us", "their", "our"}


def kind_of(pron: str, gold: str | None, gold_kind: str, pred_name: str | None,
            pred_named: bool, reason: str) -> str:
    """A coarse kind for one error, from what is known without reading the article."""
    p = pron.lower()
    form = "they/we" if p in PLURAL else "it" if p in ("it", "its") else \
        "I" if p in ("i", "me", "my") else "he/she"
    if gold is None:
        return f"{form}: unnamed referent, named {'a person/org' if pred_named else 'a description'}"
    if "too uncertain" in reason:
        return f"{form}: {gold_kind or 'named'} referent, left unnamed below confidence"
    if not pred_name:
        return f"{form}: {gold_kind or 'named'} referent, nobody chosen"
    if not pred_named:
        return f"{form}: {gold_kind or 'named'} referent, an unnamed description chosen"
    if " and " in gold or " and " in (pred_name or ""):
        return f"{form}: pair/list involved"
    return f"{form}: {gold_kind or 'named'} referent, another named referent chosen"


def sentence_at(doc, pos: int) -> str:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    sent = span[0].sent
    prev = doc[sent.start - 1].sent.text if sent.start > 0 else ""
    return (prev[-200:] + " || " + sent.text).replace("\n", " ")


def dump_dev(root: Path, limit: int | None) -> list[dict]:
    from newsgraph.eval.polnear import run

    res = run(root, limit=limit, keep_docs=True)
    docs = {name: analysis for name, _, _, analysis in res["_per_doc"]}
    out = []
    for row, att in res["_speaker_errors"]:
        if is_locked(row.doc):
            continue
        analysis = docs[row.doc]
        named = att.speaker is not None
        reason = getattr(att, "speaker_reason", "") or ""
        out.append({
            "set": "dev", "doc": row.doc, "pron": row.source_text, "pos": row.source[0],
            "gold": row.referent, "gold_kind": row.kind, "pred": att.speaker_name,
            "reason": reason, "conf": getattr(att, "speaker_confidence", None),
            "kind": kind_of(row.source_text, row.referent, row.kind, att.speaker_name, named,
                            reason),
            "sentence": sentence_at(analysis.doc, row.source[0])})
    return out


def dump_train(root: Path, limit: int | None) -> list[dict]:
    from train_speaker_ranker import TRAIN_LABELS, _is_right, load_train_labels, pronoun_rows

    gold = load_train_labels(*TRAIN_LABELS)
    out = []
    for name, disc, row, tok in pronoun_rows(root, "train", gold, limit):
        doc = tok.doc
        choice = disc.resolve(tok.lower_, tok.idx)
        ref = choice.referent
        named_ok = ref is not None and choice.confidence >= MIN_PRONOUN_CONFIDENCE
        if row.referent is None:
            right = ref is None or ref.entity is None and ref.kind != "PAIR" or not named_ok
        else:  # as the trainer labels candidates (suffixes, a party's plural)
            right = named_ok and _is_right(row, ref)
        if right:
            continue
        pred_named = named_ok and ref is not None and (ref.entity is not None
                                                       or ref.kind == "PAIR")
        reason = choice.reason if named_ok or ref is None else \
            f"{choice.reason}; too uncertain ({ref.name})"
        out.append({
            "set": "train", "doc": name, "pron": row.source_text, "pos": row.source[0],
            "gold": row.referent, "gold_kind": row.kind,
            "pred": ref.name if ref is not None else None,
            "pred_kind": ref.kind if ref is not None else None,
            "reason": reason, "conf": choice.confidence,
            "kind": kind_of(row.source_text, row.referent, row.kind,
                            ref.name if ref is not None else None, pred_named, reason),
            "sentence": sentence_at(doc, row.source[0])})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", default="both", choices=("dev", "train", "both"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    root = data_dir()
    if root is None:
        print("../shared/data is not available (set NEWSGRAPH_DATA)", file=sys.stderr)
        return 1
    rows = []
    if args.which in ("dev", "both"):
        rows += dump_dev(root, args.limit)
    if args.which in ("train", "both"):
        rows += dump_train(root, args.limit)
    kinds = Counter((r["set"], r["kind"]) for r in rows)
    print("# errors by kind")
    for (s, k), n in sorted(kinds.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"{s:5s} {n:4d}  {k}")
    for r in sorted(rows, key=lambda r: (r["set"], r["kind"], r["doc"], r["pos"])):
        print(f"\n[{r['set']}] {r['kind']}\n  {r['doc']} @{r['pos']} {r['pron']!r}: gold "
              f"{r['gold']!r} ({r['gold_kind']}); predicted {r['pred']!r} "
              f"{r.get('pred_kind') or ''} conf {r['conf']}\n  reason: {r['reason']}\n"
              f"  text: {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
