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

from functools import lru_cache
from typing import Iterator, Optional

import numpy as np

from .lexicon import LEXICONS
from .scorer import load, probabilities

SOURCE_MODEL = LEXICONS / "attribution_source_model.npz"
MARGIN = 0.15  # another option must beat the parse's default by this much
MAX_DISTANCE = 30  # tokens between the cue and a noun phrase worth offering
Span = Optional[tuple[int, int]]


@lru_cache(maxsize=1)
def source_model() -> Optional[dict]:
    return load(SOURCE_MODEL) if SOURCE_MODEL.exists() else None


def noun_phrases(doc) -> list[tuple[int, int, int]]:
    """(start, end, root) of every noun chunk of the document: computed once per article,
    because ``Span.noun_chunks`` walks the whole document each time it is asked."""
    return [(c.start, c.end, c.root.i) for c in doc.noun_chunks]


def options(tok, a: int, b: int, default: Span, phrases: list[tuple[int, int, int]]
            ) -> Iterator[tuple[str, Span]]:
    """("none", None), ("default", span) and ("other", span) for phrases near the cue."""
    yield "none", None
    if default is not None:
        yield "default", default
    sent = tok.sent
    for start, end, root in phrases:
        if start < sent.start or end > sent.end or a <= root < b \
                or abs(root - tok.i) > MAX_DISTANCE:
            continue
        if default is not None and default[0] <= root < default[1]:
            continue  # the default already offers this phrase
        yield "other", (start, end)


def _bucket(n: int) -> str:
    return "0-1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"


def _relation(tok, root) -> str:
    """How the phrase hangs on the cue: its child, its sibling, its head, or further."""
    if root.head.i == tok.i:
        return f"child:{root.dep_}"
    if root.head.i == tok.head.i:
        return f"sib:{root.dep_}"
    if tok.head.i == root.i:
        return f"head:{tok.dep_}"
    if any(anc.i == tok.i for anc in root.ancestors):
        return f"below:{root.dep_}"
    return f"other:{root.dep_}"


def option_features(tok, rel: str, kind: str, span: Span, default: Span
                    ) -> tuple[list[str], np.ndarray]:
    """Sparse and dense features of one source option for cue ``tok``."""
    doc = tok.doc
    vecs = doc.tensor
    lemma = tok.lemma_.lower()
    has_default = "y" if default is not None else "n"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    base = ["BIAS", f"K:{kind}", f"K:{kind}|D:{has_default}", f"K:{kind}|L:{lemma}",
            f"K:{kind}|R:{rel}", f"K:{kind}|T:{tok.tag_}|P:{passive}", f"K:{kind}|CD:{tok.dep_}"]
    if span is None:
        dense = np.concatenate([np.zeros(vecs.shape[1], dtype=np.float32), vecs[tok.i],
                                np.array([0.0, 0.0, 1.0], dtype=np.float32)])
        return base, dense
    root = doc[span[0]:span[1]].root
    how = _relation(tok, root)
    side = "L" if root.i < tok.i else "R"
    base += [f"H:{how}", f"H:{how}|K:{kind}", f"H:{how}|L:{lemma}", f"S:{side}|K:{kind}",
             f"N:{_bucket(abs(root.i - tok.i))}|{side}", f"P:{root.pos_}|{root.ent_type_}",
             f"P:{root.pos_}|{root.ent_type_}|K:{kind}", f"W:{root.lemma_.lower()}"]
    if root.pos_ == "PRON":
        base.append(f"PRON:{root.lower_}")
    dense = np.concatenate([vecs[root.i], vecs[tok.i],
                            np.array([(root.i - tok.i) / 10.0, float(kind == "default"), 0.0],
                                     dtype=np.float32)])
    return base, dense


def choose(tok, rel: str, a: int, b: int, default: Span,
           phrases: list[tuple[int, int, int]]) -> tuple[Span, bool]:
    """(source span, True when the chooser says the cue has no source).

    ``phrases`` is :func:`noun_phrases` of the cue's document.
    """
    model = source_model()
    if model is None:
        return default, False
    opts = list(options(tok, a, b, default, phrases))
    rows, dense = zip(*(option_features(tok, rel, kind, span, default) for kind, span in opts))
    scores = probabilities(list(rows), np.stack(dense), model)
    base = scores[1] if default is not None else scores[0]  # the default, or "none"
    best = int(np.argmax(scores))
    if scores[best] < base + MARGIN:
        return default, False
    kind, span = opts[best]
    return span, kind == "none"
