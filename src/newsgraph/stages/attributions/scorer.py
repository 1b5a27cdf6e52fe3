"""Score indirect cue candidates with a small logistic model trained on PolNeAR train.

A candidate is a token plus a content relation (see :mod:`.syntax`).  The
features are sparse strings: the lemma with the relation, the kind of subject,
the cue's tag and dependency, the first word and length of the content, whether
it holds a quote, negation, and membership in the hand list of reporting verbs
(which lets the model generalise to verbs it never saw).  The weights live in
``lexicons/attribution_cue_weights.json`` and are written by
``scripts/train_attribution.py``; without that file the stage falls back to the
count table (:func:`.indirect.score`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Optional

from .lexicon import LEXICONS, reporting_verbs

WEIGHTS = LEXICONS / "attribution_cue_weights.json"
QUOTE = '"'


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 \
        else "21+"


def features(tok, rel: str, a: int, b: int, skind: str, norm: str) -> list[str]:
    """Sparse features of cue token ``tok`` with content tokens a..b via ``rel``."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    text = norm[doc[a].idx:doc[b - 1].idx + len(doc[b - 1].text)]
    neg = any(c.dep_ == "neg" for c in tok.children)
    lex = lemma in reporting_verbs()
    side = "R" if a > tok.i else "L"
    return [
        "BIAS", f"L:{lemma}|{rel}", f"LS:{lemma}|{rel}|{skind}", f"R:{rel}", f"RS:{rel}|{skind}",
        f"P:{tok.pos_}|{rel}", f"T:{tok.tag_}|{rel}", f"D:{tok.dep_}|{rel}",
        f"W:{doc[a].lower_}|{rel}", f"N:{_bucket(b - a)}|{rel}", f"Q:{QUOTE in text}|{rel}",
        f"NEG:{neg}", f"LEX:{lex}|{rel}", f"LEXS:{lex}|{rel}|{skind}", f"SIDE:{side}|{rel}",
        f"L:{lemma}", f"LP:{lemma}|{tok.pos_}",
    ]


@lru_cache(maxsize=1)
def weights() -> Optional[dict[str, float]]:
    if not WEIGHTS.exists():
        return None
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def probability(feats: list[str], w: dict[str, float]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows: list[list[str]], labels: list[int], epochs: int = 6, l2: float = 1e-5,
        rate: float = 0.2, prune: float = 0.02, min_count: int = 10, seed: int = 0
        ) -> dict[str, float]:
    """Logistic regression by AdaGrad SGD over sparse string features (numpy only).

    Features seen fewer than ``min_count`` times are dropped: they would only
    memorise single articles, and the weights file stays small (~200 kB).
    """
    import random
    from collections import Counter

    import numpy as np

    counts = Counter(f for r in rows for f in r)
    rows = [[f for f in r if counts[f] >= min_count] for r in rows]
    vocab: dict[str, int] = {}
    idx = [np.array([vocab.setdefault(f, len(vocab)) for f in r], dtype=np.int64) for r in rows]
    w = np.zeros(len(vocab))
    g2 = np.full(len(vocab), 1e-8)
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            ii = idx[i]
            z = max(-30.0, min(30.0, float(w[ii].sum())))
            grad = (1.0 / (1.0 + math.exp(-z)) - labels[i]) + l2 * w[ii]
            g2[ii] += grad * grad
            w[ii] -= rate * grad / np.sqrt(g2[ii])
    names = sorted(vocab, key=vocab.get)
    return {n: round(float(w[vocab[n]]), 3) for n in names if abs(w[vocab[n]]) >= prune}
