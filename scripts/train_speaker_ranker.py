"""Fit the pronoun-speaker ranker (``lexicons/speaker_ranker.json``): ``make speaker-model``.

Training rows are the gold pronoun sources of ``polnear-speakers/dev.jsonl`` in the
*tuning* half of PolNeAR dev (:func:`newsgraph.eval.speakers.is_locked` is False) and
this project's own labels for 1,330 pronoun sources of 325 PolNeAR *train* articles
(``scripts/data/polnear-train-speakers*.jsonl``: document, pronoun offsets and the
referent as the article names it, labelled by careful reading as the dev set was); the
locked half is never read here, so the benchmark's locked figure stays an honest check.
For each row the candidates are exactly those the stage builds
(:meth:`Discourse.candidates`); the right ones are those whose name carries the
referent's last word (or "nobody" and unnamed descriptions for a referent the article
never names).  The model is a conditional logit (softmax over one row's candidates)
with an L2 penalty, fitted by gradient descent in numpy: a few seconds on one CPU.

    python scripts/train_speaker_ranker.py [--l2 0.05] [--report]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

from newsgraph.eval import data_dir
from newsgraph.eval.polnear import load_split, parse_timed
from newsgraph.eval.speakers import SpeakerRow, is_locked, load_rows, referent_keys
from newsgraph.model import Article
from newsgraph.pipeline import Analysis, load_stages
from newsgraph.stages.attributions.coref import FEATURES, Discourse
from newsgraph.stages.attributions.lexicon import LEXICONS
from newsgraph.stages.attributions.quotes import find_quotes
from newsgraph.stages.attributions.syntax import token_at

OUT = LEXICONS / "speaker_ranker.json"
# Gold rows with no right candidate among those the stage builds (not trainable), for --report.
DROPPED: list = []
# Our labels for PolNeAR train pronoun sources: every file of this pattern (session 4's and
# later rounds of labelling), read together.
TRAIN_LABELS = sorted((Path(__file__).resolve().parent / "data").glob("polnear-train-speakers*.jsonl"))


# Generational suffixes: a label "Brent Bozell III" means the Bozell the article names,
# whose entity may be "Brent Bozell"; the label's key is the surname before the suffix.
SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))


def label_keys(referent: str) -> list[str]:
    """:func:`referent_keys`, with a generational suffix stepped over ("Charles Elliott
    Jr." -> "elliott")."""
    keys = []
    for part in re.split(r"\s+and\s+|\s*,\s*|\s*&\s*", referent):
        words = [w for w in re.findall(r"[\w'.-]+", part.lower())]
        while len(words) > 1 and words[-1] in SUFFIXES:
            words.pop()
        if words:
            keys.append(words[-1].strip("."))
    return keys or referent_keys(referent)


def _suffix(referent) -> str:
    words = re.findall(r"[\w']+", (referent or "").lower())
    return words[-1] if len(words) > 1 and words[-1] in SUFFIXES else ""


def _forms(ref) -> set[str]:
    """The words a candidate's name answers to: a nationality or party (NORP) is named by
    its adjective or its plural ("Republican", "Republicans"; "Democratic", "Democrats";
    "Hispanic", "Hispanics"), whichever the tagger took for the entity's name."""
    words = set(ref.name.lower().replace("'s", "").replace("\u2019s", "").split())
    words |= {w.strip(".") for w in words}
    if ref.kind == "NORP":
        words |= {w + "s" for w in words} | {w[:-2] + "s" for w in words if w.endswith("ic")}
        words |= {w[:-1] for w in words if w.endswith("s")}
    return words


def _is_right(row, ref) -> bool:
    if row.referent is None:
        return ref is None or ref.kind in ("DESC", "ORGDESC", "THING")
    if ref is None:
        return False
    words = _forms(ref)
    return any(k in words for k in label_keys(row.referent))


def pronoun_rows(root: Path, split: str, gold: dict, limit: int | None = None):
    """(article name, its :class:`Discourse`, gold row, pronoun token) for every gold
    pronoun row of PolNeAR ``split`` in text order; each article is parsed once and given
    its entities, as the stage sees it.  The trainer and ``dump_speaker_errors`` both read
    this."""
    docs = [(n, t) for n, t, _ in load_split(root / "polnear", split) if n in gold][:limit]
    texts = [t.read_text(encoding="utf-8") for _, t in docs]
    norms, parsed, _ = parse_timed(texts)
    entities = next(s for s in load_stages() if s.name == "entities")
    for (name, _), text, norm, doc in zip(docs, texts, norms, parsed):
        analysis = Analysis(Article(id=name, text=text), norm=norm, doc=doc)
        entities.fn(analysis)
        disc = Discourse(doc, norm, analysis.entities, find_quotes(norm, text))
        for row in sorted(gold[name], key=lambda r: r.source[0]):
            tok = token_at(doc, row.source[0])
            if tok is not None:
                yield name, disc, row, tok


def build_rows(root: Path, split: str, gold: dict, chain: bool = True,
               groups: list | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """(feature matrix, 0/1 right vector) per gold pronoun row with a right candidate.

    ``gold`` maps article names of PolNeAR ``split`` to their rows (:class:`SpeakerRow`).
    Rows are read in text order and, with ``chain``, each pronoun's right referent takes
    it as a mention before the next one is read, as the stage adds the pronouns it
    resolves; ``groups`` collects each row's article name (for cross-validation)."""
    out = []
    for name, disc, row, tok in pronoun_rows(root, split, gold):
        cands = disc.candidates(tok.lower_, tok.idx)
        y = np.array([_is_right(row, r) for r, _ in cands], dtype=float)
        suffix = _suffix(row.referent)
        if suffix:  # "Donald Trump Jr.": not his father, when the son is a candidate
            same = np.array([r is not None and suffix in _forms(r) for r, _ in cands])
            if (y * same).any():
                y = y * same
        if not y.any():
            DROPPED.append((name, row.source_text, row.referent))
            continue
        x = np.array([[f.get(k, 0.0) for k in FEATURES] for _, f in cands])
        out.append((x, y))
        if groups is not None:
            groups.append(name)
        right = next((r for (r, _), ok in zip(cands, y) if ok and r is not None), None)
        if right is not None and chain:
            # as the stage does with its own choice: the resolved pronoun joins the chain
            disc.add_mention(right, tok.idx, tok.idx + len(tok.text))
    return out


def load_train_labels(*paths: Path) -> dict:
    """This project's own referent labels for PolNeAR *train* pronoun sources."""
    out: dict = {}
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.setdefault(r["doc"], []).append(SpeakerRow(
                    r["doc"], tuple(r["source"]), r["source_text"], (0, 0), r.get("referent"),
                    r.get("referent_kind") or ""))
    return out


def _pack(rows):
    """Rows padded to one (rows, candidates, features) array with a mask of real ones."""
    n = max(x.shape[0] for x, _ in rows)
    X = np.zeros((len(rows), n, rows[0][0].shape[1]))
    Y = np.zeros((len(rows), n))
    M = np.zeros((len(rows), n), dtype=bool)
    for i, (x, y) in enumerate(rows):
        X[i, :len(y)], Y[i, :len(y)], M[i, :len(y)] = x, y, True
    return X, Y, M


def fit(rows, l2: float, steps: int = 3000, lr: float = 0.1) -> np.ndarray:
    """Conditional logit: maximise log P(any right candidate) per row, minus l2 |w|^2
    (full-batch gradient descent over the padded rows)."""
    X, Y, M = _pack(rows)
    w = np.zeros(X.shape[2])
    for _ in range(steps):
        s = np.where(M, X @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        q = p * Y
        q /= q.sum(axis=1, keepdims=True)
        w -= lr * (2 * l2 * w - np.einsum("rn,rnd->d", q - p, X) / len(rows))
    return w


def accuracy(rows, w) -> float:
    return float(np.mean([y[int(np.argmax(x @ w))] for x, y in rows])) if rows else 0.0


def cross_validate(rows, groups: list, l2: float, k: int) -> float:
    """Ranking accuracy of models fitted without each fold's articles, on that fold."""
    import hashlib

    fold = [hashlib.sha256(g.encode()).digest()[0] % k for g in groups]
    right = 0.0
    for i in range(k):
        train = [r for r, f in zip(rows, fold) if f != i]
        test = [r for r, f in zip(rows, fold) if f == i]
        if test:
            right += accuracy(test, fit(train, l2)) * len(test)
    return right / len(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--dev-only", action="store_true",
                        help="train on the tuning half of polnear-speakers only")
    parser.add_argument("--no-chain", action="store_true",
                        help="candidates without earlier resolved pronouns as mentions")
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="also print K-fold cross-validated accuracy (folds by article)")
    parser.add_argument("--dropped", action="store_true",
                        help="list gold rows no candidate of the stage can get right")
    parser.add_argument("--no-write", action="store_true",
                        help="fit and report without rewriting the artifact")
    args = parser.parse_args(argv)
    root = data_dir()
    if root is None or not (root / "polnear-speakers").is_dir():
        print("../shared/data/polnear-speakers is not available", file=sys.stderr)
        return 1
    tuning = {k: v for k, v in load_rows(root).items() if not is_locked(k)}
    groups: list = []
    rows = build_rows(root, "dev", tuning, chain=not args.no_chain, groups=groups)
    print(f"{len(rows)} rows from the tuning half of polnear-speakers")
    if not args.dev_only:
        extra = build_rows(root, "train", load_train_labels(*TRAIN_LABELS),
                           chain=not args.no_chain, groups=groups)
        print(f"{len(extra)} rows from {', '.join(p.name for p in TRAIN_LABELS)}")
        rows += extra
    if args.cv:
        print(f"cross-validated ranking accuracy ({args.cv} folds by article): "
              f"{cross_validate(rows, groups, args.l2, args.cv):.3f}")
    print(f"{len(DROPPED)} gold rows without a right candidate (not trainable)")
    if args.dropped:
        for name, pron, referent in DROPPED:
            print(f"  dropped: {name} {pron!r} -> {referent!r}")
    w = fit(rows, args.l2)
    print(f"ranking accuracy on its {len(rows)} training rows: {accuracy(rows, w):.3f}")
    if args.no_write:
        return 0
    OUT.write_text(json.dumps({
        "about": "pronoun speaker ranker: scripts/train_speaker_ranker.py on the tuning half "
                 "of polnear-speakers (make speaker-model)",
        "l2": args.l2, "rows": len(rows),
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w)}}, indent=1) + "\n",
        encoding="utf-8")
    for k, v in zip(FEATURES, w):
        print(f"  {k:28s} {v:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
