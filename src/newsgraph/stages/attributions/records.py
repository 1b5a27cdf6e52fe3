"""Claims credited to a document at the end of their sentence: "..., court records show."

Police and court news sources facts to paper: "He was convicted in 2006, court records
show", "The gun went off, the report states".  The indirect pass reads a cue from the
parse, and the small model often breaks this tail ("court records show" with "records" a
compound and no subject, "the manifest shows" read as a noun), so nothing was offered and
the seed-101 audit found such claims missed.  The frame is plain on the surface, so it is
read there: a sentence that ends with a comma, a short noun phrase whose last word is a
document (``lexicons/attribution_media.txt``, kind "document") and a verb of evidence or
saying, credits the clause before the comma to that document.
"""

from __future__ import annotations

from .direct import Candidate
from .lexicon import media_words
from .syntax import trim

EVIDENCE_VERBS = frozenset(("show", "indicate", "reveal", "state", "say", "suggest", "confirm"))
_MODIFIER_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM"))
MAX_MODIFIERS = 4  # "the Orange County incident report states"


def document_frames(analysis, kept: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence ending "..., <document> <verb>." that no kept candidate
    already covers."""
    doc = analysis.doc
    out = []
    for sent in doc.sents:
        frame = _document_tail(sent)
        if frame is None:
            continue
        comma, src_start, verb = frame
        a, b = trim(doc, sent.start, comma)
        if b - a < 3:
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if any(c.content[0] < end and start < c.content[1] or
               c.cue and sent.start_char <= c.cue[0] < sent.end_char for c in kept):
            continue
        out.append(Candidate("indirect", (start, end),
                             (verb.idx, verb.idx + len(verb.text)), verb.i,
                             (src_start, verb.i)))
    return out


def _document_tail(sent):
    """(comma index, source start index, verb token) when ``sent`` ends with
    ", [modifiers] DOCUMENT VERB." else None."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 6 or toks[-1].text not in (".", "!"):
        return None
    verb, noun = toks[-2], toks[-3]
    if verb.lemma_.lower() not in EVIDENCE_VERBS:  # "shows" read as a noun keeps lemma "show"
        return None
    if media_words().get(noun.lower_) != "document" and \
            media_words().get(noun.lemma_.lower()) != "document":
        return None
    i = len(toks) - 4
    while i >= 0 and len(toks) - 4 - i < MAX_MODIFIERS and toks[i].pos_ in _MODIFIER_POS \
            and toks[i].text != ",":
        i -= 1
    if i < 0 or toks[i].text != ",":
        return None
    return toks[i].i, toks[i + 1].i, verb

