"""Benchmarks and scorers: each module scores one capability on real data.

Real data is read at run time from ``../shared/data`` (beside the repository)
or from the folder named by ``NEWSGRAPH_DATA``; it is never copied into the
repository.  Every scorer module exposes ``run(data_dir, **opts) -> dict`` and
``report(result) -> None`` (prints a table); ``newsgraph bench NAME`` and
``make bench`` call them.  Pinned quality floors live in each module's ``FLOORS`` and
are checked by ``tests/test_floors.py`` when the data is present.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from functools import lru_cache
from typing import Optional




def data_dir() -> Optional[Path]:
    """The shared data folder, or None when it is not beside this checkout."""
    env = os.environ.get("NEWSGRAPH_DATA")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[3]
    candidates += [repo.parent / "shared" / "data", Path.cwd().parent / "shared" / "data"]
    main = _main_checkout(repo)
    if main is not None:  # a git worktree elsewhere: the data beside the main checkout
        candidates.append(main.parent / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def _main_checkout(repo: Path) -> Optional[Path]:
    """The main checkout of a git worktree (whose ``.git`` is a file naming
    ``<main>/.git/worktrees/<name>``), or None.  Without this, tests run in a worktree
    outside the project folder skipped every check that reads ../shared, the
    reference article's among them."""
    marker = repo / ".git"
    if not marker.is_file():
        return None
    try:
        line = marker.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not line.startswith("gitdir:"):
        return None
    gitdir = Path(line.split(":", 1)[1].strip())
    return gitdir.parents[2] if len(gitdir.parents) > 2 and gitdir.parent.name == "worktrees" \
        else None


def require_data_dir() -> Path:
    """The shared data folder, or exit with one line saying how to point at it (scripts)."""
    found = data_dir()
    if found is None:
        raise SystemExit("../shared/data not found (set NEWSGRAPH_DATA)")
    return found


def parse_timed(texts: list[str], batch_size: int = 32) -> tuple[list[str], list, float]:
    """Normalise and parse texts as the pipeline does; time the parse in CPU seconds.

    Returns (normalised texts, docs, seconds).  Scorers use the seconds as the
    denominator of their stage's cost; CPU time is steadier than wall time on a
    shared machine.  A short warm-up keeps first-call allocation out of it.
    """
    from ..stages.nlp import load_model
    from ..stages.normalize import normalize_text

    nlp = load_model()
    norms = [normalize_text(t) for t in texts]
    list(nlp.pipe(norms[:2]))
    started = time.process_time()
    docs = list(nlp.pipe(norms, batch_size=batch_size))
    return norms, docs, time.process_time() - started


@lru_cache(maxsize=4)
def entity_records(path: str, limit: Optional[int] = None) -> tuple[dict, float]:
    """The entities stage over a JSON Lines set (``id``, ``text``, optional ``title`` and
    ``published``): {id: entity records} and the CPU seconds it took.  Kept per process,
    so benchmarks that read the same set (``stories``, ``xdoc``) parse it once."""
    import json

    from .. import Article, Pipeline

    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()][:limit]
    pipeline = Pipeline(only=["entities"])
    started = time.process_time()
    items = (Article(id=d["id"], text=d["text"], title=d.get("title"),
                     published=d.get("published")) for d in docs)
    out = {}
    for doc, result in zip(docs, pipeline.run(items)):
        out[doc["id"]] = result.to_dict()["entities"] if hasattr(result, "to_dict") else []
    return out, time.process_time() - started


def pct_of_parse(stage_s: float, parse_s: float) -> Optional[float]:
    """A stage's cost as a percentage of the parse, rounded for reports."""
    return round(100 * stage_s / parse_s, 2) if parse_s else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred,
            "gold": n_gold}


def print_table(title: str, columns: list[str], rows: list[list]) -> None:
    """Print a plain aligned table (readable in CI logs and terminals)."""
    cells = [[str(c) for c in columns]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    print(f"\n## {title}")
    for n, row in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "" if v is None else str(v)
