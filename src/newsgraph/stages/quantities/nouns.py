"""Use the spaCy parse for what token rules cannot see: the counted noun and the measured thing.

"10,000 North Korean troops": the counted thing is the head noun (``troops``)
of the noun run after the number; its full phrase ("North Korean troops") is
kept as ``about``.  "one of the best speakers" counts ``speakers``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Optional

_NOUN = frozenset(("NOUN", "PROPN"))
_SKIP_AFTER_OF = frozenset("the its their his her our my your these those this that most".split())
_LEADING_SKIP = frozenset(("more", "other", "additional", "extra", "further", "new"))
_NAME_ENTS = frozenset(("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"))
_STOP_ENTS = frozenset(("DATE", "TIME", "ORDINAL", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"))


class DocIndex:
    """Character offset -> spaCy token, by binary search over token starts."""

    def __init__(self, doc):
        self.doc = doc
        self.starts = [tok.idx for tok in doc] if doc is not None else []
        self.text = doc.text if doc is not None else ""  # Doc.text is rebuilt on every access

    def at_or_after(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def covering(self, char: int):
        """The token that contains ``char`` (or None)."""
        if self.doc is None or not self.starts:
            return None
        k = bisect_left(self.starts, char + 1) - 1
        if k < 0:
            return None
        tok = self.doc[k]
        return tok if tok.idx <= char < tok.idx + len(tok.text) else None


def counted_noun(index: DocIndex, char: int, not_counted: frozenset, after_of: bool):
    """(first, head, unit start) tokens of the noun run at ``char``; "name" for a proper name; or None.

    The unit is the head noun with its common modifiers ("heart transplants",
    "first-team players"); named-entity modifiers ("North Korean", "U.S.") are
    left to ``about`` so the unit says what is counted, not whose.
    """
    doc = index.doc
    if doc is None:
        return None
    k = index.at_or_after(char)
    n = len(doc)
    if k < n and after_of and doc[k].lower_ == "of":
        k += 1
        while k < n and doc[k].lower_ in _SKIP_AFTER_OF:
            k += 1
        if k + 1 < n and doc[k].pos_ == "PROPN" and doc[k + 1].tag_ == "POS":
            k += 2  # "one of Airbnb's earliest investments"
    if k + 1 < n and doc[k].lower_ in _LEADING_SKIP and doc[k + 1].pos_ in _NOUN:
        k += 1  # "eight more picks"
    if k >= n:
        return None
    first, head, j = k, None, k
    while j < n and j - k < 6:
        tok = doc[j]
        if tok.lower_ in not_counted or tok.ent_type_ in _STOP_ENTS and tok.ent_iob_ == "B" and j == k:
            break
        if tok.ent_type_ in ("DATE", "TIME"):
            break
        if tok.pos_ in _NOUN and not tok.like_num:
            head = j
        elif (tok.pos_ == "ADV" and head is None and j + 1 < n and doc[j + 1].pos_ in ("ADJ", "VERB")
              and tok.lower_ not in not_counted):
            pass  # "20 decently sized plants"
        elif tok.pos_ == "ADJ" or (tok.text == "-" and j > k) or (tok.tag_ in ("VBG", "VBN") and j + 1 < n
                                                                    and doc[j + 1].pos_ in _NOUN):
            if head is not None and tok.text != "-" and doc[j - 1].text != "-":
                break  # "workers available" ends the run; "coal-fired plants" does not
        else:
            break
        j += 1
    if head is None:
        return None
    if doc[head].pos_ == "PROPN" and doc[head].tag_ != "NNPS" and not _glued_reference(doc[head].text):
        return "name"  # "787 Dreamliner", "49 Zorro Ranch Road", "11 Pro": a name, not a count
    return doc[first], doc[head], doc[_unit_start(doc, first, head)]


def _glued_reference(word: str) -> bool:
    """'barns.[4][5]': a lower-case word with reference marks glued on, which spaCy keeps as one
    token and tags as a name; the word before the marks is the counted noun."""
    cut = word.find("[")
    return cut > 0 and word[:cut].rstrip(".,;:").islower() and word[cut + 1:cut + 2].isdigit()


def _unit_start(doc, first: int, head: int) -> int:
    """Where the unit phrase starts: after any named-entity modifiers ('U.S. officials')."""
    start = first
    while start < head and doc[start].ent_type_ in _NAME_ENTS:
        start += 1
    return start


def measured_thing(index: DocIndex, char: int) -> Optional[tuple[int, int]]:
    """'a range of up to 190 miles' -> the span of 'range' (the noun the measure is of)."""
    tok = index.covering(char)
    if tok is None:
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        noun = tok.head.head
        return noun.idx, noun.idx + len(noun.text)
    return None
