"""Learn the attribution cue table and cue model from PolNeAR train.

For every token of every training article and every content candidate the
parse offers (see ``newsgraph.stages.attributions.syntax.candidates``), count
how often the annotators marked that token as a cue whose content matches the
candidate (character IoU >= 0.5).  The table ``lemma|POS|relation -> [hits,
seen]`` is written to ``src/newsgraph/lexicons/attribution_cues_learned.json``;
a logistic model over richer features of the same candidates is written to
``attribution_cue_weights.json`` (see ``stages/attributions/scorer.py``); the
stage keeps candidates whose probability passes a threshold.  Also
counted, per ``lemma|POS``, how often a token is part of any cue (used to
recognise the verb next to a direct quote).

Usage:  .venv/bin/python scripts/train_attribution.py [../shared/data]   (~5-6 CPU-minutes: parse ~3, features and fit ~2)
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from newsgraph.eval import data_dir
from newsgraph.eval.polnear import load_gold, load_split, _parse_ranges
from newsgraph.stages.attributions.lexicon import LEXICONS
from newsgraph.stages.attributions.quotes import find_quotes
from newsgraph.stages.attributions.scorer import WEIGHTS, features, fit
from newsgraph.stages.attributions.syntax import candidates, key, subject_kind, trim
from newsgraph.stages.nlp import load_model
from newsgraph.stages.normalize import normalize_text

OUT = LEXICONS / "attribution_cues_learned.json"
MIN_SEEN = 3


def cue_ranges(ann: Path) -> list[tuple[list[tuple[int, int]], set[int]]]:
    """(cue ranges, content characters) for each gold attribution with a cue."""
    spans, out = {}, []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            spans[parts[0]] = (parts[1].split(" ", 1)[0], _parse_ranges(parts[1]))
    for line in lines:
        parts = line.split("\t")
        if not (parts[0].startswith("E") and len(parts) >= 2):
            continue
        args = dict(a.partition(":")[::2] for a in parts[1].split())
        cue, content = spans.get(args.get("Cue", "")), spans.get(args.get("Content", ""))
        if cue and content:
            chars = set()
            for s, e in content[1]:
                chars.update(range(s, e))
            out.append((cue[1], chars))
    return out


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir()
    rows = load_split(root / "polnear", "train")
    nlp = load_model()
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows_x: list[list[str]] = []
    rows_y: list[int] = []
    t0 = time.time()
    texts = (normalize_text(t.read_text(encoding="utf-8")) for _, t, _ in rows)
    for n, ((name, _, ann), doc) in enumerate(zip(rows, nlp.pipe(texts, batch_size=32))):
        gold = cue_ranges(ann)
        quoted = set()
        for q in find_quotes(doc.text):
            quoted.update(range(q.start, q.end))
        in_content = set().union(*(chars for _, chars in gold)) if gold else set()
        for tok in doc:
            c0, c1 = tok.idx, tok.idx + len(tok.text)
            if c0 in quoted or c0 in in_content:
                continue  # nested cues: PolNeAR gives each token to one attribution only
            mine = [chars for ranges, chars in gold
                    if any(s <= c0 and c1 <= e for s, e in ranges)]
            base = f"{tok.lemma_.lower()}|{tok.pos_}"
            table[base + "|any"][1] += 1
            table[base + "|any"][0] += bool(mine)
            skind = None
            for rel, a, b in candidates(tok):
                a, b = trim(doc, a, b)
                if a >= b:
                    continue
                k = key(tok, rel)
                skind = skind or subject_kind(tok)
                cand = set(range(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
                hit = any(len(cand & ch) / len(cand | ch) >= 0.5 for ch in mine)
                for kk in (k, f"{k}|{skind}"):
                    table[kk][1] += 1
                    table[kk][0] += hit
                rows_x.append(features(tok, rel, a, b, skind, doc.text))
                rows_y.append(int(hit))
        if n % 100 == 0:
            print(f"{n}/{len(rows)} docs, {time.time() - t0:.0f}s", file=sys.stderr)
    kept = {k: v for k, v in sorted(table.items()) if v[0] > 0 and v[1] >= MIN_SEEN
            and (not k.endswith("|any") or k.split("|")[1] in ("VERB", "AUX", "NOUN"))}
    lines = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in kept.items()]
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {len(kept)} entries to {OUT}", file=sys.stderr)
    print(f"fitting the cue model on {len(rows_y)} candidates ({sum(rows_y)} positive)",
          file=sys.stderr)
    model = fit(rows_x, rows_y)
    lines = [f"{json.dumps(k)}: {v}" for k, v in sorted(model.items())]
    WEIGHTS.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {len(model)} weights to {WEIGHTS} ({time.time() - t0:.0f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
