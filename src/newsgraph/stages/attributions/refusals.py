"""Refusals to speak: "declined to comment", "did not respond to requests for comment",
"could not be reached for comment", "has yet to return calls".

A newsroom reads these as part of who said what: the source was asked and said
nothing.  Each is kept as an attribution with ``polarity = "negated"`` (never a
claim), its content the words after the refusal ("to comment", "requests for
comment"), as PolNeAR annotates them (46 of the 66 such phrases in PolNeAR train
carry an annotation).  The cue model rarely offers them, since the content is no
clause, so they are found by their wording and given the verb's subject as source.
"""

from __future__ import annotations

import re

from .direct import Candidate
from .syntax import source_span, token_at, trim

_REFUSAL = re.compile(
    r"\b(?:(?:declined|declines|refused|refuses)\s+to\s+(?:comment|elaborate|discuss|answer|say)"
    r"|(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:immediately\s+)?"
    r"(?:respond|return|reply|comment|elaborate)"
    r"|(?:could|can|would)\s*(?:not|n't)\s+be\s+reached"
    r"|(?:has|have|had)\s+yet\s+to\s+(?:respond|return|reply|comment))\b", re.IGNORECASE)
_MAIN = frozenset(("decline", "refuse", "respond", "return", "reply", "comment", "elaborate",
                   "reach"))


def refusal_candidates(analysis, taken: list[Candidate]) -> list[Candidate]:
    """A negated attribution for every refusal phrase no candidate already covers."""
    doc, norm = analysis.doc, analysis.norm
    out = []
    for m in _REFUSAL.finditer(norm):
        own = [c for c in taken if c.cue and c.cue[0] < m.end() and m.start() < c.cue[1]]
        for c in own:
            c.refusal = True  # the cue model's own reading of the refusal: keep it, negated
        if own or any(c.content[0] <= m.start() < c.content[1] for c in taken):
            continue
        verb = next((t for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or []
                     if t.lemma_.lower() in _MAIN and t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        src = source_span(verb)
        if src is None:
            continue  # "calls that were not returned": nobody to credit
        cue_end = verb.idx + len(verb.text)
        a, b = trim(doc, verb.i + 1, verb.right_edge.i + 1) if verb.right_edge.i > verb.i \
            else (verb.i, verb.i + 1)
        while b > a and doc[b - 1].is_punct:
            b -= 1
        if b <= a:
            a, b = verb.i, verb.i + 1  # "Cooley did not elaborate.": the refusal itself
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        cue_start = m.start() if verb.lemma_.lower() not in ("decline", "refuse") else verb.idx
        out.append(Candidate("indirect", (start, end), (cue_start, cue_end), verb.i, src,
                             score=0.5, refusal=True))
    return out
