"""Embedded quotes: a quotation that finishes a clause begun before its opening mark.

In ``Bush referred to Rubio as "a bright leader"`` or ``he appreciates a good,
"peaceful protest"`` the words between the cue and the quote belong to what is
reported, so the attribution is *mixed* and its content starts right after the
cue.  A quote that follows its cue directly (``said "..."``), or after an
addressee closed by a comma or colon (``told Reuters, "..."``), stays direct.
"""

from __future__ import annotations

import re

from .direct import Candidate

_BREAK = re.compile(r"[\n.!?;\"]")
_WORD = re.compile(r"[A-Za-z0-9]")


def widen_embedded(doc, norm: str, cands: list[Candidate]) -> list[Candidate]:
    """Start the content of clause-embedded quotes at the first word after the cue."""
    for c in cands:
        start = _lead_start(doc, norm, c)
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
    if not _WORD.search(gap) or _BREAK.search(gap):
        return None
    lead = gap.strip()
    if lead[-1] in ",:\u2014\u2013-" and not lead.lower().startswith("that "):
        return None  # 'told Reuters, "..."': the quote stands as the object
    if c.source is not None and c.source[0] < len(doc) and doc[c.source[0]].idx >= gap_start:
        return None  # 'said retired surgeon Ben Carson "..."': the gap is the source
    return gap_start + (len(gap) - len(gap.lstrip()))
