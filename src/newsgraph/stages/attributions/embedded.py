"""Embedded quotes: a quotation that finishes a clause begun before its opening mark.

In ``Bush referred to Rubio as "a bright leader"`` or ``he appreciates a good,
"peaceful protest"`` the words between the cue and the quote belong to what is
reported, so the attribution is *mixed* and its content starts right after the
cue.  A quote that follows its cue directly (``said "..."``), or after an
addressee closed by a comma or colon (``told Reuters, "..."``), stays direct;
but when the words after the cue open the reported clause itself (``said
Friday that if she won, "..."``, ``said on the other hand, "..."``) the content
starts there.  The same holds for a quote with a trailing cue whose sentence
opens with an adverbial (``If the bill passes, "we win," she said``).
"""

from __future__ import annotations

import re

from .direct import Candidate, is_cue_token
from .lexicon import _lines
from .syntax import token_at

_WORD = re.compile(r"[A-Za-z0-9]")
_SENT_BREAK = re.compile(r"[\n!?;\"]|\.(?=\s)")
_ABBREV_END = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*|[ap]\.m|etc|vs)$")
_OPENERS = frozenset(("SCONJ", "ADP", "ADV"))


def widen_embedded(doc, norm: str, cands: list[Candidate]) -> list[Candidate]:
    """Start the content of clause-embedded quotes at the first word of the reported clause."""
    for c in cands:
        if _split_lead(doc, norm, c):
            continue
        start = _lead_start(doc, norm, c)
        if start is None:
            start = _trailing_lead_start(doc, norm, c)
        if start is None:
            continue
        c.content = (start, c.content[1])
        if c.parts:
            c.parts[0] = (start, c.parts[0][1])
        c.kind = "mixed"
    return cands


def _lead_start(doc, norm: str, c: Candidate):
    """Where the reported clause begins, when words lead from the cue into the quote."""
    if c.cue is None or c.inherit or norm[c.content[0]:c.content[0] + 1] != '"':
        return None
    gap_start, gap_end = c.cue[1], c.content[0]
    if gap_start > gap_end:
        return None
    gap = norm[gap_start:gap_end]
    if not _WORD.search(gap) or _breaks(norm, gap_start, gap_end):
        return None
    if c.source is not None and c.source[0] < len(doc) and doc[c.source[0]].idx >= gap_start:
        return None  # 'said retired surgeon Ben Carson "..."': the gap is the source
    lead = gap.strip()
    start = gap_start + (len(gap) - len(gap.lstrip()))
    if lead[-1] in ",:\u2014\u2013-" and not lead.lower().startswith("that ") \
            and not _dangling(doc, gap_start + len(gap.rstrip()) - 1):
        return _clause_opener(doc, gap_start, gap_end)  # 'told Reuters, "..."' stays direct
    return start


def _breaks(norm: str, start: int, end: int) -> bool:
    """A line, sentence or quote break between start and end (not the period of "Sen.")."""
    for m in _SENT_BREAK.finditer(norm, start, end):
        if m.group() != "." or not _ABBREV_END.search(norm, max(0, m.start() - 8), m.start()):
            return True
    return False


def _dangling(doc, comma: int) -> bool:
    """The lead ends in a word that needs the quote to finish it ("described him as,",
    "questions, including,"): the quote is part of the reported phrase."""
    tok = token_at(doc, comma)
    if tok is None or tok.i == 0 or tok.text != ",":
        return False
    prev = doc[tok.i - 1]
    return prev.pos_ in ("ADP", "SCONJ") and prev.dep_ != "prt" \
        or prev.tag_ == "VBG" and prev.dep_ == "prep"


def _clause_opener(doc, start: int, end: int):
    """In a comma-closed lead, the first word that opens the reported clause: the
    complementizer "that", a subordinator ("if", "because") or a discourse
    connective ("on the other hand"); None when the lead is an addressee or a
    time, place or channel ("told Reuters,", "said on Friday in Ohio,")."""
    while start < end and doc.text[start].isspace():
        start += 1
    tok = token_at(doc, start)
    while tok is not None and tok.idx < end:
        low = tok.lower_
        if low == "that" and tok.dep_ in ("mark", "nsubj", "dobj", "det") or \
                tok.pos_ == "SCONJ" and tok.dep_ == "mark" and low != "as":
            return tok.idx
        if _connectives_at(doc, tok):
            return tok.idx
        tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return None


def _connectives_at(doc, tok):
    """Discourse connectives (lexicon) that begin at token ``tok``."""
    text = doc[tok.i:tok.i + 5].text.lower()
    return [p for p in _connectives() if text == p or text.startswith(p + " ")
            or text.startswith(p + ",")]


_CONNECTIVES: list[str] = []


def _connectives() -> list[str]:
    if not _CONNECTIVES:
        _CONNECTIVES.extend(sorted(_lines("attribution_direct_connectives.txt"), key=len,
                                   reverse=True))
    return _CONNECTIVES


def _split_lead(doc, norm: str, c: Candidate) -> bool:
    """``An early vote, she said, "would help us."``: the words before a parenthetical
    frame begin the reported sentence; the content is those words plus the quote
    (two parts, the frame left out), and it is mixed speech."""
    if c.cue is None or c.inherit or c.kind != "direct" or c.source is None \
            or c.cue[1] > c.content[0] or not _opening_mark(norm, c.content[0]):
        return False
    if norm[c.cue[1]:c.content[0]].strip() not in ("", ","):
        return False
    src = doc[c.source[0]].idx
    if src >= c.cue[0] or not norm[c.content[0] + 1:c.content[0] + 2].islower():
        return False  # the quote must go on with the lead's sentence (lower case)
    start = _sentence_start(norm, src)
    while start < src and norm[start].isspace():
        start += 1
    lead = norm[start:src].rstrip()
    if not lead.endswith(",") or not _WORD.search(lead):
        return False
    first = token_at(doc, start)
    if first is None or first.pos_ not in _LEAD_OPENERS or c.cue_token is None \
            or doc[c.cue_token].tag_ not in ("VBD", "VBZ", "VBP") \
            or any(is_cue_token(t) or t.ent_type_ in ("DATE", "TIME")
                   for t in doc[first.i:c.source[0]]):
        return False  # "But, she said, ..." / "Later, he said, ...": a connective or time
    end = start + len(lead) - 1
    while end > start and norm[end - 1] in " ,":
        end -= 1
    c.parts = [(start, end)] + (c.parts or [c.content])
    c.content = (start, c.content[1])
    c.kind = "mixed"
    return True


# A split lead is a clause or subject of its own ("The plan, she said, "is dead."), or a
# subordinate clause ("While sales rose, he said, "profits fell.").
_LEAD_OPENERS = frozenset(("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "SCONJ"))


def _trailing_lead_start(doc, norm: str, c: Candidate):
    """``With the polls closed, "we will wait," he said.``: a quote whose cue follows it
    but whose sentence opens with an adverbial phrase or clause (no cue in it) reports
    the whole sentence, so the content starts at the sentence start."""
    if c.cue is None or c.inherit or c.kind != "direct" or c.cue[0] < c.content[1] \
            or not _opening_mark(norm, c.content[0]):
        return None
    start = _sentence_start(norm, c.content[0])
    lead = norm[start:c.content[0]].rstrip()
    if not lead.endswith(",") or not _WORD.search(lead):
        return None
    while start < c.content[0] and norm[start].isspace():
        start += 1
    first = token_at(doc, start)
    if first is None:
        return None
    last = token_at(doc, c.content[0])
    toks = [t for t in doc[first.i:last.i if last is not None else first.i] if t.idx < c.content[0]]
    while toks and toks[0].pos_ == "CCONJ":
        toks = toks[1:]
    if not toks or toks[0].pos_ not in _OPENERS or toks[0].lower_ == "as" \
            or any(is_cue_token(t) for t in toks):
        return None  # "As for taxes, "...," she said": a topic, not part of the quote
    return first.idx


def _opening_mark(norm: str, pos: int) -> bool:
    """A quote mark that opens a quotation (a word follows it, not a space)."""
    return norm[pos:pos + 1] == '"' and not norm[pos + 1:pos + 2].isspace()


def _sentence_start(norm: str, pos: int) -> int:
    """Start of the sentence holding ``pos``: after the last line, quote or sentence break
    (``pos`` itself when none is found within 300 characters: no lead then)."""
    lo = max(0, pos - 300)
    best = lo if lo == 0 else pos
    for m in _SENT_BREAK.finditer(norm, lo, pos):
        if m.group() == "." and _ABBREV_END.search(norm, max(0, m.start() - 8), m.start()):
            continue
        best = m.end()
    return best
