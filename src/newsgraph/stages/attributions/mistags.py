"""Reporting verbs the tagger took for something else, read as the frames they are.

"Prosecutors allege Thomas fired 18 shots ...": the small model reads "Prosecutors allege
Thomas" as one noun phrase, subject of "fired", so no cue is offered at all (the seed-103
audit missed two such claims in one court story).  A word like "allege" has no noun sense,
so a sentence that opens with a short noun phrase and then such a word is the frame
"<source> <verb> <content>" whatever the parse says.  (When the parse keeps the clause
apart, ``indirect._mistagged_verb`` reads it from the parse instead.)
"""

from __future__ import annotations

import re

from .direct import Candidate
from .lexicon import audience_nouns
from .syntax import trim
from .tails import SOURCE_POS

VERB_ONLY = frozenset(("allege", "alleges", "contend", "contends", "assert", "asserts"))
MAX_SOURCE_WORDS = 6


def _clause_from(doc, i: int, end: int):
    """Character range of the clause from token ``i`` to the sentence's ``end`` (its final
    stop left out), or None when it is too short or has no verb to be what was said."""
    a, b = trim(doc, i, end)
    while b > a and doc[b - 1].is_punct and doc[b - 1].text in ".!":
        b -= 1
    if b - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
        return None
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


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
        clause = _clause_from(doc, verb.i + 1, sent.end)
        if clause is None:
            continue
        start, end = clause
        if any(c.cue_token == verb.i or c.content[0] < end and start < c.content[1]
               and c.cue and sent.start_char <= c.cue[0] < start for c in kept):
            continue
        out.append(Candidate("indirect", (start, end), (verb.idx, verb.idx + len(verb.text)),
                             verb.i, (toks[0].i, verb.i)))
    return out


# "The 24-year-old told police she ...": the small model reads "The 24-year-old told
# police" as one noun phrase ("told" an adjective, "police" its head) and the clause as a
# relative one, so no cue is offered (issue 11's audits: crime news names people by age).
_LISTENERS = frozenset(("police", "officer", "officers", "investigator", "investigators",
                        "detective", "detectives", "deputy", "deputies", "authorities",
                        "trooper", "troopers", "dispatcher", "dispatchers", "juror", "jurors"))
_AGE_FRAME = re.compile(r"(?:The|A|An|the|a|an)\s+\d{1,3}-year-old\s+(told|said)\s")


def age_frames(analysis, kept: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence opening "The N-year-old told <listeners> <clause>" or
    "The N-year-old said <clause>" whose verb the parse did not read as one."""
    doc = analysis.doc
    out = []
    for sent in doc.sents:
        m = _AGE_FRAME.match(sent.text)
        if m is None:
            continue
        verb = next((t for t in sent if t.idx == sent.start_char + m.start(1)), None)
        if verb is None or verb.pos_ == "VERB" and verb.dep_ != "amod":
            continue  # parsed as a verb: the usual readings have it
        i = verb.i + 1
        if verb.lower_ == "told":  # the listeners: "police", "officers", "investigators"
            while i < sent.end and (doc[i].lower_ in ("the", "a", "an")
                                    or doc[i].lower_ in _LISTENERS
                                    or doc[i].lemma_.lower() in audience_nouns()
                                    or doc[i].pos_ == "PRON" and doc[i].lower_ in ("us", "me")):
                i += 1
            if i == verb.i + 1:
                continue
        clause = _clause_from(doc, i, sent.end)
        if clause is None:
            continue
        start, end = clause
        if any(c.cue_token == verb.i or c.content[0] < end and start < c.content[1]
               for c in kept):
            continue
        out.append(Candidate("indirect", (start, end), (verb.idx, verb.idx + len(verb.text)),
                             verb.i, (sent.start, verb.i)))
    return out
