"""Reporting verbs that are never nouns, read as verbs when the tagger makes them nouns.

"Prosecutors allege Thomas fired 18 shots ...": the small model reads "Prosecutors allege
Thomas" as one noun phrase, subject of "fired", so no cue is offered at all (the seed-103
audit missed two such claims in one court story).  A word like "allege" has no noun sense,
so a sentence that opens with a short noun phrase and then such a word is the frame
"<source> <verb> <content>" whatever the parse says.  (When the parse keeps the clause
apart, ``indirect._mistagged_verb`` reads it from the parse instead.)
"""

from __future__ import annotations

from .direct import Candidate
from .syntax import trim
from .tails import SOURCE_POS

VERB_ONLY = frozenset(("allege", "alleges", "contend", "contends", "assert", "asserts"))
MAX_SOURCE_WORDS = 6


def verb_only_frames(analysis, kept: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence opening "<noun phrase> allege(s) <clause>" that the
    parse missed (no kept candidate has that cue or holds the clause)."""
    doc = analysis.doc
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        k = next((i for i, t in enumerate(toks[:MAX_SOURCE_WORDS + 1])
                  if t.lower_ in VERB_ONLY and t.pos_ != "VERB"), None)
        if not k or not all(t.pos_ in SOURCE_POS for t in toks[:k]) or \
                toks[k - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        verb = toks[k]
        a, b = trim(doc, verb.i + 1, sent.end)
        while b > a and doc[b - 1].is_punct and doc[b - 1].text in ".!":
            b -= 1
        if b - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if any(c.cue_token == verb.i or c.content[0] < end and start < c.content[1]
               and c.cue and sent.start_char <= c.cue[0] < start for c in kept):
            continue
        out.append(Candidate("indirect", (start, end), (verb.idx, verb.idx + len(verb.text)),
                             verb.i, (toks[0].i, verb.i)))
    return out
