"""Statements printed without quotation marks after "X issued the following statement:".

Local news often reprints a press statement as paragraphs of its own, with no marks:
a paragraph ending in a colon names who speaks ("The club released the following
statement:"), and the next paragraph is the statement, in the speaker's first person.
The direct pass only sees quoted text and the indirect pass only a verb's own sentence,
so such a statement was missed, and the clauses inside it were read as the writer's
("We would like to thank ..." credited to "Three people").

The block is the paragraph after the colon, and each paragraph after it that goes on in
the first person ("we", "our", "I"), up to :data:`MAX_PARAGRAPHS`.  Only a reporting verb
with a subject introduces one: a bare colon ("Here are the results:") is a list, and
"To sum up:" or "Imagine:" name nobody.
"""

from __future__ import annotations

import re

from .direct import Candidate, make_candidate, preceding_cue
from .quotes import Quote, count_words, paragraph_spans

MAX_PARAGRAPHS = 4
MIN_WORDS = 8
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|[Mm]e)\b")


def statement_blocks(analysis, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` plus one candidate per unmarked statement block; candidates whose cue lies
    inside a block are the statement's own words and are dropped."""
    doc, norm = analysis.doc, analysis.norm
    paragraphs = paragraph_spans(norm)
    blocks: list[Candidate] = []
    i = 1
    while i < len(paragraphs):
        block = _block_after(norm, paragraphs, i)
        if block is None:
            i += 1
            continue
        start, end, last = block
        pseudo = Quote(start, end, False, i, count_words(norm, start, end), last)
        cue = preceding_cue(doc, norm, pseudo)
        cand = make_candidate(doc, pseudo, cue) if cue is not None and cue[0] == "verb" \
            else None
        if cand is not None and cand.source is not None:  # "To sum up:", "Imagine:" name
            cand.kind = "indirect"  # nobody; no marks: PolNeAR and our gold score indirect
            blocks.append(cand)
        i = last + 1
    if not blocks:
        return kept
    inside = [(b.content[0], b.content[1]) for b in blocks]
    kept = [c for c in kept if c.kind == "direct" or c.cue is None
            or not any(a <= c.cue[0] < b for a, b in inside)]
    return sorted(kept + blocks, key=lambda c: c.content[0])


def _block_after(norm: str, paragraphs: list[tuple[int, int]], i: int):
    """(start, end, index of last paragraph) of a statement opening at paragraph ``i``."""
    before = norm[paragraphs[i - 1][0]:paragraphs[i - 1][1]].rstrip()
    if not before.endswith(":"):
        return None
    if not _plain(norm, *paragraphs[i]) or count_words(norm, *paragraphs[i]) < MIN_WORDS:
        return None
    last = i
    while last + 1 < len(paragraphs) and last + 1 - i < MAX_PARAGRAPHS \
            and _plain(norm, *paragraphs[last + 1]) \
            and _FIRST_PERSON.search(norm, *paragraphs[last + 1]):
        last += 1
    return paragraphs[i][0], paragraphs[last][1], last


def _plain(norm: str, start: int, end: int) -> bool:
    """No quotation mark and no colon-ended line: prose, not a quote or another lead-in."""
    text = norm[start:end]
    return '"' not in text and not text.rstrip().endswith(":")
