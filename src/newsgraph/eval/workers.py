"""Workers: ``analyze`` and ``ingest`` on every core, against bare spaCy on the same cores.

Every run is a fresh process over the same PolNeAR texts (the first 400 of the train
split: dev has only 84, too few to amortise loading the model; a temporary JSON Lines
file), timed by wall clock including model loading, so the figures are what a user
waits for.  Compared:

* bare spaCy ``nlp.pipe`` with ``n_process=1`` and ``n_process=2`` (batch size 16): the
  ceiling;
* ``newsgraph analyze --jsonl`` with ``--workers 1`` and ``--workers 2``;
* ``newsgraph ingest --workers 2`` into a new store, with and without linking.

Targets (issue 16): workers 2 / workers 1 >= 1.7; workers 2 / spaCy n_process=2 >= 0.9;
ingest / analyze >= 0.9.  The machine is shared: read the ratios, run it twice.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import print_table
from .throughput import polnear_texts

ARTICLES = 400
FLOORS = {"speedup": 1.7, "of_spacy": 0.9, "ingest_of_analyze": 0.9}

_BARE_SPACY = """
import json, sys
from newsgraph.stages.nlp import load_model
nlp = load_model()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):
    pass
"""


def _timed(args: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        tail = (proc.stderr.strip().splitlines() or [""])[-1]
        raise RuntimeError(f"{' '.join(args)} failed: {tail}")
    return time.perf_counter() - started


def run(root: Path, limit: int | None = None) -> dict:
    records = polnear_texts(root, split="train", limit=limit or ARTICLES)
    words = sum(len(r["text"].split()) for r in records)
    ng = [sys.executable, "-m", "newsgraph.cli"]
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r) + "\n")
        for n in (1, 2):
            seconds[f"spacy {n}"] = _timed([sys.executable, "-c", _BARE_SPACY, str(src), str(n)])
            seconds[f"analyze {n}"] = _timed(ng + ["analyze", "--jsonl", "--workers", str(n),
                                                   str(src)])
        for link in (True, False):
            db = Path(tmp) / f"store-{link}.duckdb"
            seconds[f"ingest 2{'' if link else ' no-link'}"] = _timed(
                ng + ["ingest", str(src), "--db", str(db), "--workers", "2"]
                + ([] if link else ["--no-link"]))
    rate = {k: len(records) / s for k, s in seconds.items()}
    return {
        "articles": len(records), "words": words, "seconds": seconds, "rate": rate,
        "speedup": round(rate["analyze 2"] / rate["analyze 1"], 3),
        "of_spacy": round(rate["analyze 2"] / rate["spacy 2"], 3),
        "ingest_of_analyze": round(rate["ingest 2"] / rate["analyze 2"], 3),
        "ingest_no_link_of_analyze": round(rate["ingest 2 no-link"] / rate["analyze 2"], 3),
        "articles_per_day": round(rate["ingest 2"] * 86400),
    }


def report(result: dict) -> None:
    words = result["words"]
    rows = [[name, round(sec, 1), round(result["rate"][name], 1),
             round(words / sec)] for name, sec in result["seconds"].items()]
    print_table(f"Workers — PolNeAR train, {result['articles']} articles, {words:,} words "
                "(wall clock incl. model load; fresh processes)",
                ["run (processes)", "seconds", "articles/s", "words/s"], rows)
    print(f"analyze --workers 2 / --workers 1: {result['speedup']:.2f} (target >= 1.7)")
    print(f"analyze --workers 2 / bare spaCy n_process=2: {result['of_spacy']:.2f} "
          "(target >= 0.9)")
    print(f"ingest / analyze, 2 workers: {result['ingest_of_analyze']:.2f} with linking, "
          f"{result['ingest_no_link_of_analyze']:.2f} without (target >= 0.9)")
    print(f"ingest on this machine: about {result['articles_per_day']:,} articles/day")
