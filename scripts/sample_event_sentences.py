"""Draw a fixed random sample of real news sentences for event labelling.

The labels we write by reading (``scripts/data/event-sentences.jsonl``) name
each sentence by its source, document and character offsets only; the text
stays in ``../shared/data`` and is read at run time.  This script is how the
sample was drawn, so that anyone can print the same sentences again:

    python scripts/sample_event_sentences.py --out /tmp/sentences.jsonl

Sources: PolNeAR *train* (politics), gun-violence local news (crime),
ECB+ (celebrity, disasters, sports, business, technology) and TimeBank
(business and world news of 1998).  At most two sentences per document.
Documents of the events audit sample are excluded so the audit stays unseen.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgraph.eval import require_data_dir  # noqa: E402

SEED = 13
PER_SOURCE = {"polnear": 260, "gunviolence": 200, "ecbplus": 220, "timebank": 160}
PER_SOURCE_CANDIDATES = {"polnear": 220, "gunviolence": 160, "ecbplus": 200, "timebank": 140}
_SENT = re.compile(r"[^\n]+")


def _documents(root: Path, source: str):
    if source == "polnear":
        for p in sorted((root / "polnear" / "train" / "text").glob("*.txt")):
            yield p.stem, p.read_text(encoding="utf-8")
    elif source == "gunviolence":
        with open(root / "gunviolence" / "articles.jsonl", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                yield r["id"], r["text"]
    elif source == "ecbplus":
        with open(root / "ecbplus" / "docs.jsonl", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                yield r["id"], r["text"]
    elif source == "timebank":
        from newsgraph.eval.timebank import read_tml
        for p in sorted((root / "tempeval3" / "train" / "TimeBank").glob("*.tml")):
            yield p.stem, read_tml(p).text


def sentences(nlp, text: str):
    """(start, end) of parser sentences, 25 to 400 characters, with a letter."""
    for m in _SENT.finditer(text):
        if len(m.group()) > 20000:
            continue
        doc = nlp(m.group())
        for s in doc.sents:
            t = s.text.strip()
            if 25 <= len(t) <= 400 and re.search(r"[a-z]{3}", t):
                start = m.start() + s.start_char
                yield start, start + len(s.text)


EVENT_AUDIT_SEED = 13  # scripts/audit_sample.py --layer events --seed 13


def audit_docs(root: Path) -> set:
    from audit_sample import sample  # the same directory
    return {r["id"] for r in sample(root, EVENT_AUDIT_SEED, 10)}


def _fires(pipeline, text: str) -> bool:
    """Whether the trigger lexicon proposes any candidate in the sentence (judge off)."""
    from newsgraph import Article
    from newsgraph.stages.events import candidates

    try:
        res = pipeline.analyze(Article(id="s", text=text))
    except Exception:  # not English, too short: not a sentence to label
        return False
    return bool(candidates(res, judge=None))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--with-candidates", action="store_true",
                    help="only sentences where the trigger lexicon fires (the judge's cases); "
                         "the second labelled sample, seed 14")
    ap.add_argument("--exclude", type=Path, default=None,
                    help="a JSON Lines file of sentences already drawn (by id)")
    args = ap.parse_args()
    root = require_data_dir()
    from newsgraph.stages.nlp import load_model
    nlp = load_model()
    skip = audit_docs(root)
    rng = random.Random(args.seed)
    seen = set()
    if args.exclude:
        with open(args.exclude, encoding="utf-8") as fh:
            seen = {json.loads(line)["id"] for line in fh if line.strip()}
    pipeline = None
    if args.with_candidates:
        from newsgraph import Pipeline
        pipeline = Pipeline()
    rows = []
    for source, n in (PER_SOURCE_CANDIDATES if pipeline else PER_SOURCE).items():
        docs = [(d, t) for d, t in _documents(root, source) if d not in skip]
        rng.shuffle(docs)
        taken = 0
        for doc_id, text in docs:
            if taken >= n:
                break
            spans = list(sentences(nlp, text))
            if pipeline is None and not seen:  # the first sample, as it was drawn
                spans = rng.sample(spans, min(2, len(spans)))
            else:
                rng.shuffle(spans)
            got = 0
            for start, end in spans:
                if taken >= n or got >= 2:
                    break
                key = f"{source}:{doc_id}:{start}"
                if key in seen or (pipeline is not None and not _fires(pipeline, text[start:end])):
                    continue
                got += 1
                rows.append({"id": f"{source}:{doc_id}:{start}", "source": source, "doc": doc_id,
                             "start": start, "end": end, "text": text[start:end]})
                taken += 1
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
