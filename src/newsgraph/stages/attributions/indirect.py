"""Indirect and mixed speech, and hedged claims.

A token is an indirect cue when the learned table (PolNeAR train: how often
``lemma|POS|relation`` was annotated as a cue whose content is that
relation's span) scores it above :data:`THRESHOLD`.  Reporting verbs from the
hand list get a prior, so a verb the training data never saw ("quipped that")
still counts.  Overlapping candidates are settled by score, the way PolNeAR
gives each token to at most one attribution.
"""

from __future__ import annotations

from .direct import Candidate
from .lexicon import hedge_pattern, learned_table, reporting_verbs
from .syntax import candidates, key, source_span, trim

THRESHOLD = 0.3
SMOOTH = 2.0
PRIOR = 0.5
PRIOR_RELS = ("ccomp",)


def score(tok, rel: str) -> float:
    """Smoothed share of PolNeAR train occurrences of this cue+relation that were attributions."""
    hits, seen = learned_table().get(key(tok, rel), (0, 0))
    prior = PRIOR if rel in PRIOR_RELS and tok.lemma_.lower() in reporting_verbs() else 0.0
    return (hits + prior * SMOOTH) / (seen + SMOOTH)


def indirect_candidates(analysis, direct: list[Candidate]) -> list[Candidate]:
    """Indirect/mixed attributions that do not overlap the direct ones."""
    doc, norm = analysis.doc, analysis.norm
    used = {c.cue_token for c in direct if c.cue_token is not None}
    found = []
    for tok in doc:
        if tok.i in used or tok.is_punct or tok.is_space:
            continue
        best = None
        for rel, a, b in candidates(tok):
            a, b = trim(doc, a, b)
            if a >= b or a <= tok.i < b:
                continue
            s = score(tok, rel)
            if s >= THRESHOLD and (best is None or s > best[0]):
                best = (s, a, b)
        if best is None:
            continue
        s, a, b = best
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        cue = _cue_span(tok)
        found.append(Candidate(_kind(norm, start, end), (start, end), cue, tok.i,
                               source_span(tok), score=s))
    return _settle(direct, found)


def _cue_span(tok) -> tuple[int, int]:
    """The cue words: the verb, with "according to" taken whole."""
    end = tok.idx + len(tok.text)
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        end = tok.nbor(1).idx + 2
    return tok.idx, end


def _kind(norm: str, start: int, end: int) -> str:
    """direct when the content is one quote, mixed when it holds one, else indirect."""
    text = norm[start:end]
    if '"' not in text:
        return "indirect"
    stripped = text.strip().rstrip(".,")
    if stripped.startswith('"') and stripped.count('"') == 2 and stripped.endswith('"'):
        return "direct"
    return "mixed"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a[1] - a[0], b[1] - b[0]))


def _settle(direct: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Keep the best-scored candidate where contents overlap (direct quotes win)."""
    kept: list[Candidate] = []
    for c in sorted(found, key=lambda c: -c.score):
        if any(_overlap(c.content, d.content) > 0.5 for d in direct):
            continue
        if any(_overlap(c.content, k.content) > 0.5 for k in kept):
            continue
        kept.append(c)
    return kept


def hedge_candidates(analysis, kept: list[Candidate]) -> list[Candidate]:
    """"reportedly" & co: mark the attribution they sit in, or make an unattributed one."""
    doc, norm = analysis.doc, analysis.norm
    out = []
    for m in hedge_pattern().finditer(norm):
        span = (m.start(), m.end())
        owner = next((c for c in kept if c.content[0] <= span[0] < c.content[1]), None)
        if owner is not None:
            owner.hedge = span
            continue
        tok = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tok is None or not len(tok):
            continue
        head = tok.root.head if tok.root.dep_ == "advmod" else tok.root
        a, b = trim(doc, head.left_edge.i, head.right_edge.i + 1)
        if a >= b:
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        cand = Candidate("indirect", (start, end), span, tok.root.i, None, score=0.5, hedge=span)
        out.append(cand)
    return out
