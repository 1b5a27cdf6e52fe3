"""Choose the source of an indirect attribution with a chooser trained on PolNeAR train.

The parse gives a default (:func:`.syntax.source_span`: the subject, the "by"
agent, the possessor of a cue noun...).  It is right nine times in ten; the
tenth is where the source is another phrase of the sentence ("*Oz* ... for
saying that ...", "*Democrats* accused the GOP of stoking ..."), or nobody at
all ("the plan is expected to pass", "calls to act were rejected").  The
chooser scores each *option* - no source, the default, every other noun phrase
of the sentence outside the content - with the same sparse+dense model as the
cue scorer (:mod:`.scorer`), and the stage keeps the default unless another
option beats it by :data:`MARGIN`.  ``scripts/train_attribution.py`` trains it
on the options of every cue whose content the stage can match.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from typing import Iterator, Optional

import numpy as np

from .lexicon import LEXICONS
from .scorer import DocContext, load, probabilities

SOURCE_MODEL = LEXICONS / "attribution_source_model.npz"
MARGIN = 0.15  # another option must beat the parse's default by this much
MAX_DISTANCE = 30  # tokens between the cue and a noun phrase worth offering
Span = Optional[tuple[int, int]]


@lru_cache(maxsize=1)
def source_model() -> Optional[dict]:
    return load(SOURCE_MODEL) if SOURCE_MODEL.exists() else None


def options(tok, a: int, b: int, default: Span, phrases: list[tuple[int, int, int]]
            ) -> Iterator[tuple[str, Span]]:
    """("none", None), ("default", span) and ("other", span) for phrases near the cue."""
    yield "none", None
    if default is not None:
        yield "default", default
    sent = tok.sent
    first = bisect_left(phrases, sent.start, key=lambda p: p[0])  # phrases are in text order
    for start, end, root in islice(phrases, first, None):
        if start >= sent.end:
            break
        if end > sent.end or a <= root < b \
                or abs(root - tok.i) > MAX_DISTANCE:
            continue
        if default is not None and default[0] <= root < default[1]:
            continue  # the default already offers this phrase
        yield "other", (start, end)


def _bucket(n: int) -> str:
    return "0-1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"


def _relation(ctx: DocContext, i: int, root: int) -> str:
    """How the phrase hangs on cue i: its child, its sibling, its head, or further."""
    head, dep = ctx.head, ctx.dep[root]
    if head[root] == i:
        return f"child:{dep}"
    if head[root] == head[i]:
        return f"sib:{dep}"
    if head[i] == root:
        return f"head:{ctx.dep[i]}"
    j, steps = root, 0
    while head[j] != j and steps < 200:
        j, steps = head[j], steps + 1
        if j == i:
            return f"below:{dep}"
    return f"other:{dep}"


def option_features(tok, rel: str, kind: str, span: Span, default: Span, ctx: DocContext
                    ) -> tuple[list[str], np.ndarray]:
    """Sparse and dense features of one source option for cue ``tok``."""
    i, vecs = tok.i, ctx.vecs
    lemma = ctx.lemma[i]
    has_default = "y" if default is not None else "n"
    passive = any(ctx.dep[k] in ("auxpass", "nsubjpass") for k in ctx.kids[i])
    base = ["BIAS", f"K:{kind}", f"K:{kind}|D:{has_default}", f"K:{kind}|L:{lemma}",
            f"K:{kind}|R:{rel}", f"K:{kind}|T:{ctx.tag[i]}|P:{passive}", f"K:{kind}|CD:{ctx.dep[i]}"]
    if span is None:
        dense = np.concatenate([np.zeros(vecs.shape[1], dtype=np.float32), vecs[i],
                                np.array([0.0, 0.0, 1.0], dtype=np.float32)])
        return base, dense
    root = ctx.root(*span)
    how = _relation(ctx, i, root)
    side = "L" if root < i else "R"
    pos, ent = ctx.pos[root], ctx.ent[root]
    base += [f"H:{how}", f"H:{how}|K:{kind}", f"H:{how}|L:{lemma}", f"S:{side}|K:{kind}",
             f"N:{_bucket(abs(root - i))}|{side}", f"P:{pos}|{ent}", f"P:{pos}|{ent}|K:{kind}",
             f"W:{ctx.lemma[root]}"]
    if pos == "PRON":
        base.append(f"PRON:{ctx.lower[root]}")
    dense = np.concatenate([vecs[root], vecs[i],
                            np.array([(root - i) / 10.0, float(kind == "default"), 0.0],
                                     dtype=np.float32)])
    return base, dense


def choose(tok, rel: str, a: int, b: int, default: Span, ctx: DocContext
           ) -> tuple[Span, bool]:
    """(source span, True when the chooser says the cue has no source)."""
    return choose_all([(tok, rel, a, b, default)], ctx)[0]


def choose_all(cues: list[tuple], ctx: DocContext) -> list[tuple[Span, bool]]:
    """:func:`choose` for all (token, relation, start, end, default) cues of an article,
    scored in one batch."""
    model = source_model()
    if model is None or not ctx.has_vectors:
        return [(default, False) for *_, default in cues]
    per_cue = [list(options(tok, a, b, default, ctx.phrases())) for tok, _, a, b, default in cues]
    rows, dense = [], []
    for (tok, rel, _, _, default), opts in zip(cues, per_cue):
        for kind, span in opts:
            feats, vec = option_features(tok, rel, kind, span, default, ctx)
            rows.append(feats)
            dense.append(vec)
    scores = probabilities(rows, np.stack(dense), model) if rows else np.zeros(0)
    out, at = [], 0
    for (*_, default), opts in zip(cues, per_cue):
        mine = scores[at:at + len(opts)]
        at += len(opts)
        base = mine[1] if default is not None else mine[0]  # the default, or "none"
        best = int(np.argmax(mine))
        if mine[best] < base + MARGIN:
            out.append((default, False))
        else:
            kind, span = opts[best]
            out.append((span, kind == "none"))
    return out
