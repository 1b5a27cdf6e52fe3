"""Spark against the local engine: articles/s of ``newsgraph spark --master local[2]`` and
of ``newsgraph analyze --jsonl`` on the same PolNeAR texts (the first 400 of train, as the
``workers`` benchmark: dev has only 84).

Each run is a fresh process timed by wall clock, start-up and model loading included (for
Spark: the JVM, the Python workers each loading the model, the Parquet writes and the
copy-detection job), so on a small corpus the figures mostly measure fixed costs; the
Spark engine is for corpora and clusters where those are paid once.  Skips with a reason
when PySpark or Java is missing.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from . import print_table
from .throughput import _newsgraph_command, _timed_child, polnear_texts

DEFAULT_LIMIT = 400


def run(root: Path, limit: int | None = None) -> dict:
    from ..engines.spark import SparkUnavailable, require_spark
    from .runner import machine

    try:
        require_spark()
    except SparkUnavailable as exc:
        return {"skipped": str(exc)}
    if not (root / "polnear" / "train" / "text").is_dir():
        return {"skipped": f"{root}/polnear/train/text is not there"}
    records = polnear_texts(root, split="train", limit=limit or DEFAULT_LIMIT)
    words = sum(len(r["text"].split()) for r in records)
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "train.jsonl"
        with open(source, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r) + "\n")
        commands = {
            "newsgraph analyze --jsonl --workers 0 (one process)":
                ["analyze", "--jsonl", "--workers", "0", str(source)],
            "newsgraph analyze --jsonl (default workers)": ["analyze", "--jsonl", str(source)],
            "newsgraph spark --master local[2]":
                ["spark", str(source), "--out", str(Path(tmp) / "spark"), "--master",
                 "local[2]"],
        }
        for name, args in commands.items():
            seconds, _, _ = _timed_child(_newsgraph_command() + args)
            runs[name] = seconds
        import duckdb

        written = duckdb.connect().execute(
            f"SELECT count(*) FROM read_parquet('{Path(tmp) / 'spark' / 'articles'}/*.parquet')"
        ).fetchone()[0]
    return {"articles": len(records), "words": words, "seconds": runs,
            "spark_articles_written": written, "machine": machine()}


def report(result: dict) -> None:
    if "skipped" in result:
        print(f"\n## Spark engine: skipped ({result['skipped']})")
        return
    n = result["articles"]
    print_table(f"Spark engine — PolNeAR train, {n} articles, {result['words']:,} words (wall "
                f"clock incl. start-up and model load; {result['machine']})",
                ["run", "seconds", "articles/s", "words/s"],
                [[name, round(s, 1), round(n / s, 2), round(result["words"] / s)]
                 for name, s in result["seconds"].items()])
    print(f"spark wrote {result['spark_articles_written']} of {n} articles")


if __name__ == "__main__":
    from . import data_dir

    report(run(data_dir()))
