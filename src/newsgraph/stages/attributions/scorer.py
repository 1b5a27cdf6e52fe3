"""Score indirect cue candidates with a small model trained on PolNeAR train.

A candidate is a token plus a content relation (see :mod:`.syntax`).  The
model has two parts whose outputs add up to one logit:

* a linear part over sparse string features: the lemma with the relation, the
  kind of subject, the cue's tag and dependency, the first word and length of
  the content, whether it holds a quote, negation, and membership in the hand
  list of reporting verbs;
* a one-hidden-layer network over *dense* features: the contextual vectors
  spaCy's own tok2vec leaves in ``doc.tensor`` for the cue, the content's root,
  first word, last word and mean, the source's root, the cue's head and the
  word after the cue.
  PolNeAR has some 600 cue words seen only once or twice in training; their
  vectors resemble those of the common cues ("slammed" looks like "criticised"
  in context), which the lemma features alone cannot see.

Both parts live in ``lexicons/attribution_cue_model.npz``, written by
``scripts/train_attribution.py`` (``make attribution-model``); without that
file the stage falls back to the count table (:func:`.indirect.score`).  The
label the model learns is end to end: the content matches an annotated one
*and* the source the stage would give is the annotated source, so candidates
whose source the parse gets wrong are scored down.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import repeat
from typing import Optional

import numpy as np
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IS_PUNCT, LEMMA, LOWER, ORTH, POS,
                         SENT_START, TAG)

from .lexicon import LEXICONS, reporting_verbs

MODEL = LEXICONS / "attribution_cue_model.npz"
CEILING_MARGIN = 0.5  # added to the highest dense logit seen in training (see :func:`hopeless`)
QUOTE = '"'


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 \
        else "21+"


class DocContext:
    """What every candidate of one article reads, computed once per article.

    Token attributes are copied into plain lists, because the scorer reads
    them hundreds of times per article and spaCy builds a new ``Token``
    object on every ``doc[i]``; they are read with one ``Doc.to_array`` call
    rather than token by token (half the time).
    """

    def __init__(self, doc, norm: str):
        self.doc, self.norm = doc, norm
        self.vecs = doc.tensor
        # a pipeline without spaCy's tok2vec leaves no vectors: the stage then falls back
        # to the count table and the parse's default sources
        self.has_vectors = getattr(self.vecs, "ndim", 0) == 2 and self.vecs.shape[0] == len(doc)
        texts = self._read_columns(doc)
        self.quote = np.array([t == QUOTE for t in texts], dtype=bool)
        self._depth: dict[int, int] = {}
        self._phrases: Optional[list[tuple[int, int, int]]] = None

    def _read_columns(self, doc) -> list[str]:
        """Fill the per-token lists from ``doc.to_array``; return the token texts."""
        arr = doc.to_array(_COLUMNS)
        signed = arr[:, 7:].astype(np.int64)  # relative heads and sentence starts are signed
        cols = arr[:, :7].T.tolist()
        n = len(doc)
        self.lower, self.pos, self.tag = (_strings(doc, cols[k]) for k in (1, 3, 4))
        self.dep, self.ent = _strings(doc, cols[5]), _strings(doc, cols[6])
        self.lemma = _strings(doc, cols[2], _LOWERED)
        self.head = (np.arange(n) + signed[:, 0]).tolist()
        self.punct = [bool(x) for x in signed[:, 1].tolist()]
        self.sent_start = [x == 1 for x in signed[:, 2].tolist()]
        self.kids = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)
        self.left = _left_edges(self.head)
        return _strings(doc, cols[0])

    def phrases(self) -> list[tuple[int, int, int]]:
        """(start, end, root) of every noun chunk, computed on first use:
        ``Span.noun_chunks`` would walk the whole document each time it is asked."""
        if self._phrases is None:
            self._phrases = [(c.start, c.end, c.root.i) for c in self.doc.noun_chunks]
        return self._phrases

    def depth(self, i: int) -> int:
        """Steps from token i up to its sentence root (memoised along the path)."""
        path, j = [], i
        while j not in self._depth and self.head[j] != j and len(path) < 200:
            path.append(j)
            j = self.head[j]
        d = self._depth.setdefault(j, 0)
        for k in reversed(path):
            d += 1
            self._depth[k] = d
        return self._depth[i]

    def root(self, a: int, b: int) -> int:
        """The token of a..b closest to the sentence root (first one on a tie)."""
        best, best_depth = a, None
        for i in range(a, b):
            if a <= self.head[i] < b and self.head[i] != i:
                continue
            d = self.depth(i)
            if best_depth is None or d < best_depth:
                best, best_depth = i, d
        return best


_COLUMNS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IS_PUNCT, SENT_START]

# The string of each hash met so far (a hash is the string's own, whatever the vocab), and
# of the lemma column lower-cased: kept across articles, since looking a hash up in the
# StringStore was most of the time of reading the columns.  Cleared when it grows large.
_NAMES: dict[int, str] = {0: ""}
_LOWERED: dict[int, str] = {0: ""}
_MAX_NAMES = 500_000


def _strings(doc, hashes: list[int], names: dict[int, str] = _NAMES) -> list[str]:
    """The strings of ``hashes`` (0 is ""); lower-cased when ``names`` is ``_LOWERED``."""
    try:
        return list(map(names.__getitem__, hashes))
    except KeyError:
        if len(names) > _MAX_NAMES:
            names.clear()
            names[0] = ""
        strings, lowered = doc.vocab.strings, names is _LOWERED
        for h in hashes:
            if h not in names:
                names[h] = strings[h].lower() if lowered else strings[h]
        return list(map(names.__getitem__, hashes))


def _left_edges(head: list[int]) -> list[int]:
    """The first token of each token's subtree, from the head indices (a projective parse):
    each token lowers the left edge of its ancestors until one is already lower."""
    left = list(range(len(head)))
    for j in range(len(head)):
        below, up = j, head[j]
        while up != below and left[up] > j:
            left[up] = j
            below, up = up, head[up]
    return left


def candidate_sparse(tok, rel: str, a: int, b: int, skind: str,
                     source: Optional[tuple[int, int]], ctx: DocContext):
    """(sparse features, content root, source root) of cue ``tok`` with content a..b;
    the roots are token indices (the source's is None when there is no source)."""
    root = ctx.root(a, b)
    src_root = ctx.root(*source) if source is not None else None
    return features(tok.i, rel, a, b, skind, ctx, root, src_root), root, src_root


def candidate_features(tok, rel: str, a: int, b: int, skind: str,
                       source: Optional[tuple[int, int]], ctx: DocContext
                       ) -> tuple[list[str], np.ndarray]:
    """Sparse and dense features of cue ``tok`` with content tokens a..b via ``rel``."""
    feats, root, src_root = candidate_sparse(tok, rel, a, b, skind, source, ctx)
    return feats, dense_features(tok, a, b, root, src_root, ctx)


def features(i: int, rel: str, a: int, b: int, skind: str, ctx: DocContext, root: int,
             src_root: Optional[int]) -> list[str]:
    """Sparse features of cue token i: strings whose weights the model learns."""
    lemma, pos, tag, dep = ctx.lemma[i], ctx.pos[i], ctx.tag[i], ctx.dep[i]
    quoted = bool(ctx.quote[a:b].any())
    neg = any(ctx.dep[k] == "neg" for k in ctx.kids[i])
    lex = lemma in reporting_verbs()
    side = "R" if a > i else "L"
    last = b - 1
    out = [
        "BIAS", f"L:{lemma}|{rel}", f"LS:{lemma}|{rel}|{skind}", f"R:{rel}", f"RS:{rel}|{skind}",
        f"P:{pos}|{rel}", f"T:{tag}|{rel}", f"D:{dep}|{rel}",
        f"W:{ctx.lower[a]}|{rel}", f"N:{_bucket(b - a)}|{rel}", f"Q:{quoted}|{rel}",
        f"NEG:{neg}", f"LEX:{lex}|{rel}", f"LEXS:{lex}|{rel}|{skind}", f"SIDE:{side}|{rel}",
        f"L:{lemma}", f"LP:{lemma}|{pos}", f"LT:{lemma}|{tag}",
        # what the content is: a clause ("VBD|ccomp") or a noun phrase ("NN|dobj")
        f"CR:{ctx.pos[root]}|{ctx.dep[root]}|{rel}", f"CRT:{ctx.tag[root]}|{rel}",
        f"LCR:{lemma}|{ctx.pos[root]}", f"CL:{ctx.lemma[root]}|{rel}",
        f"H:{ctx.lemma[ctx.head[i]]}|{dep}",
        f"E:{ctx.lower[last] if ctx.punct[last] else ctx.pos[last]}",
    ]
    out += _boundary_features(ctx, root, b)
    if src_root is not None:  # who: "officials", a PERSON, an ORG...
        ent = ctx.ent[src_root]
        out += [f"S:{ctx.lemma[src_root]}", f"SE:{ent}|{rel}",
                f"LSE:{lemma}|{ent or ctx.pos[src_root]}"]
    return out


def _boundary_features(ctx: DocContext, root: int, b: int) -> list[str]:
    """What the content stops before, and what it ends with: PolNeAR keeps "X, but Y" and
    "X because Y" whole but drops ", which ..." and appositives, so the scorer must see
    which modifier a shorter reading (:func:`.syntax.content_spans`) cut off."""
    right = [k for k in ctx.kids[root] if k > root]
    cut = next((k for k in right if k >= b), None)
    kept = [k for k in right if k < b]
    out = []
    if cut is not None:
        edge = ctx.left[cut]
        comma = edge > 0 and ctx.lower[edge - 1] == ","
        out += [f"OUT:{ctx.dep[cut]}|{comma}",
                f"OUTW:{ctx.lower[b] if b < len(ctx.lower) else '<end>'}"]
    else:
        out.append("OUT:none")
    if kept:
        edge = ctx.left[kept[-1]]
        comma = edge > 0 and ctx.lower[edge - 1] == ","
        out.append(f"TAIL:{ctx.dep[kept[-1]]}|{comma}")
    return out


def dense_features(tok, a: int, b: int, root: int, src_root: Optional[int],
                   ctx: DocContext) -> np.ndarray:
    """Contextual vectors of the cue, the content and the source, plus a few shape numbers."""
    vecs, n, i = ctx.vecs, len(ctx.lower), tok.i
    src = vecs[src_root] if src_root is not None else np.zeros(vecs.shape[1], dtype=np.float32)
    shape = np.array([math.log1p(b - a) / 4, (a - i) / 20.0, float(src_root is not None),
                      float(a > i), float(ctx.quote[a:b].any()), float(ctx.sent_start[i])],
                     dtype=np.float32)
    return np.concatenate([vecs[i], vecs[root], vecs[a], src, vecs[a:b].mean(0), shape,
                           vecs[ctx.head[i]], vecs[min(i + 1, n - 1)], vecs[b - 1]])


def load(path) -> dict:
    """A saved model as {"sparse": weight by feature name, "net": dense arrays}."""
    with np.load(path) as data:
        arrays = {k: data[k] for k in data.files}
    names = str(arrays.pop("names")[()]).split("\n")
    sparse = dict(zip(names, arrays.pop("sparse").astype(float).tolist()))
    return {"sparse": sparse, "net": {k: v.astype(np.float32) for k, v in arrays.items()}}


@lru_cache(maxsize=1)
def _thread_pools():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """Context in which numpy's BLAS runs on one thread.

    The scorer's matrix products are small (a few hundred rows per article);
    a multi-threaded BLAS spends more time starting and spinning its threads
    than multiplying (on 2 cores: 6.5 CPU-s against 3.6 on PolNeAR dev).
    """
    return _thread_pools().limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def trained_model() -> Optional[dict]:
    """The model shipped in ``lexicons/``, or None when it has not been trained."""
    return load(MODEL) if MODEL.exists() else None


def sparse_logits(rows: list[list[str]], model: dict) -> np.ndarray:
    sparse = model["sparse"]
    get = sparse.get
    return np.array([sum(map(get, feats, _ZEROS)) for feats in rows])


_ZEROS = repeat(0.0)  # the default of each ``get`` in :func:`sparse_logits`


def _dense_logits(dense: np.ndarray, net: dict[str, np.ndarray]) -> np.ndarray:
    hidden = np.maximum(0.0, ((dense - net["mean"]) / net["std"]) @ net["w1"] + net["b1"])
    return hidden @ net["w2"] + net["b2"][0]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def probabilities(rows: list[list[str]], dense: np.ndarray, model: dict) -> np.ndarray:
    """Probabilities of many candidates at once (one matrix product for the network)."""
    if not rows:
        return np.zeros(0)
    return add_dense(sparse_logits(rows, model), dense, model)


def add_dense(sparse: np.ndarray, dense: np.ndarray, model: dict) -> np.ndarray:
    """Probabilities from already computed sparse logits plus the network."""
    return _sigmoid(sparse + _dense_logits(dense, model["net"]))


def hopeless(sparse: np.ndarray, model: dict, threshold: float) -> np.ndarray:
    """Candidates whose sparse logit is so low that no dense logit seen in training
    (the model's ``ceiling``) could lift them to ``threshold``: the stage skips their
    dense features and network, half of all candidates."""
    ceiling = model["net"].get("ceiling")
    if ceiling is None:
        return np.zeros(len(sparse), dtype=bool)
    return sparse + float(ceiling[0]) < math.log(threshold / (1.0 - threshold))


def probability(feats: list[str], dense: np.ndarray, model: dict) -> float:
    """Probability that one candidate is an attribution: sparse logit + network logit."""
    return float(probabilities([feats], dense[None, :], model)[0])


def fit(rows: list[list[str]], dense: np.ndarray, labels: np.ndarray, *, hidden: int = 128,
        epochs: int = 2, rate: float = 0.003, l2: float = 1e-6, batch: int = 256,
        min_count: int = 5, seed: int = 0) -> dict[str, np.ndarray]:
    """Train the sparse-linear + dense-network model with Adam (numpy only).

    One logit = sum of the weights of a candidate's sparse features + a ReLU
    layer over its standardised dense features.  Features seen fewer than
    ``min_count`` times are dropped (they would only memorise single
    articles).  Two passes over PolNeAR train are enough: later passes lower
    the dev score (the network starts to memorise).  Returns the arrays
    :func:`save` writes.
    """
    from collections import Counter

    counts = Counter(f for r in rows for f in r)
    names = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: i for i, f in enumerate(names)}
    flat, offsets = [], [0]
    for r in rows:
        flat.extend(vocab[f] for f in r if f in vocab)
        offsets.append(len(flat))
    flat_idx, offsets = np.array(flat, dtype=np.int64), np.array(offsets, dtype=np.int64)
    mean, std = dense.mean(0), dense.std(0) + 1e-6
    x = ((dense - mean) / std).astype(np.float32)
    y = labels.astype(np.float32)
    rng = np.random.default_rng(seed)
    p = {"sparse": np.zeros(len(names), dtype=np.float32),
         "w1": (rng.standard_normal((x.shape[1], hidden)) * math.sqrt(2 / x.shape[1])
                ).astype(np.float32),
         "b1": np.zeros(hidden, dtype=np.float32), "w2": np.zeros(hidden, dtype=np.float32),
         "b2": np.zeros(1, dtype=np.float32)}
    m1 = {k: np.zeros_like(v) for k, v in p.items()}
    m2 = {k: np.zeros_like(v) for k, v in p.items()}
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for s0 in range(0, len(y), batch):
            rows_b = order[s0:s0 + batch]
            spans = [flat_idx[offsets[r]:offsets[r + 1]] for r in rows_b]
            z = np.array([p["sparse"][ii].sum() for ii in spans], dtype=np.float32)
            h = np.maximum(0.0, x[rows_b] @ p["w1"] + p["b1"])
            z += h @ p["w2"] + p["b2"][0]
            g = (1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y[rows_b]) / len(rows_b)
            grads = {"sparse": np.zeros_like(p["sparse"])}
            for k, ii in enumerate(spans):
                np.add.at(grads["sparse"], ii, g[k])
            dh = np.outer(g, p["w2"]) * (h > 0)
            grads.update(w1=x[rows_b].T @ dh, b1=dh.sum(0), w2=h.T @ g,
                         b2=np.array([g.sum()], dtype=np.float32))
            step += 1
            for k in p:
                grad = grads[k] + l2 * p[k]
                m1[k] = 0.9 * m1[k] + 0.1 * grad
                m2[k] = 0.999 * m2[k] + 0.001 * grad * grad
                p[k] -= rate * (m1[k] / (1 - 0.9 ** step)) / (
                    np.sqrt(m2[k] / (1 - 0.999 ** step)) + 1e-8)
    keep = np.abs(p["sparse"]) >= 0.02
    return {"names": np.array("\n".join(n for n, k in zip(names, keep) if k)),
            "sparse": p["sparse"][keep], "mean": mean, "std": std,
            "w1": p["w1"], "b1": p["b1"], "w2": p["w2"], "b2": p["b2"]}


def fit_ensemble(rows: list[list[str]], dense: np.ndarray, labels: np.ndarray, *,
                 seeds: tuple[int, ...] = tuple(range(9)), **options) -> dict[str, np.ndarray]:
    """Average of models trained with different seeds, stored as one model.

    The sparse parts are linear, so their average is one weight per feature;
    the networks' average is one network with all hidden units side by side
    and output weights divided by the number of models.  Averaging smooths the
    seed-to-seed noise: three-seed ensembles scored 0.697 to 0.701 all-attribution
    e2e F1 on PolNeAR dev, and nine seeds average them (0.703) at no cost the stage
    timings could measure.
    """
    models = [fit(rows, dense, labels, seed=seed, **options) for seed in seeds]
    ensemble = _average(models)
    ensemble["ceiling"] = np.array([_dense_logits(dense, ensemble).max() + CEILING_MARGIN])
    return ensemble


def _average(models: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    k = len(models)
    sparse: dict[str, float] = {}
    for m in models:
        for name, w in zip(str(m["names"][()]).split("\n"), m["sparse"].tolist()):
            sparse[name] = sparse.get(name, 0.0) + w / k
    names = sorted(sparse)
    return {"names": np.array("\n".join(names)),
            "sparse": np.array([sparse[n] for n in names], dtype=np.float32),
            "mean": models[0]["mean"], "std": models[0]["std"],
            "w1": np.concatenate([m["w1"] for m in models], axis=1),
            "b1": np.concatenate([m["b1"] for m in models]),
            "w2": np.concatenate([m["w2"] for m in models]) / k,
            "b2": sum(m["b2"] for m in models) / k}


def save(arrays: dict[str, np.ndarray], path=None) -> None:
    """Write the model compactly (float16, compressed: ~0.5 MB)."""
    out = {k: v if k == "names" else v.astype(np.float16) for k, v in arrays.items()}
    np.savez_compressed(path or MODEL, **out)
    trained_model.cache_clear()
