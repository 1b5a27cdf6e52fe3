"""Who speaks a direct quote: the source phrase in the quote's frame.

The parse often breaks around quotation marks, so besides the cue's subject
(:func:`.syntax.source_span`) these read the frame's words directly: the name
after a trailing quote ("...," Jane Doe, an economist, told me), an inverted
"said Jane Doe", the name after a byline dash, or the speaker of a colon frame.
"""

from __future__ import annotations

from typing import Optional

from .quotes import Quote
from .syntax import NOT_SOURCES, source_span, subject_extent, token_at

DASHES = frozenset(("-", "--", "\u2013", "\u2014", "\u2015"))


_OBJECT_PRONOUNS = frozenset("me him her us them".split())


_RELATIVES = frozenset(("who", "which", "that"))


def quote_source(doc, cue, q: Quote) -> Optional[tuple[int, int]]:
    """Source of a quote's cue: from the parse, else the name in the frame, outside the quote.

    Fallbacks, for parses broken by the quote: after a quote ("...," Jane Doe, an
    economist, told me) the first name after the closing mark; for a participle
    cue ("..., adding") the subject of the sentence's main verb.
    """
    span = source_span(cue)
    if span is None and cue.dep_ == "conj" and cue.head.pos_ in ("NOUN", "PROPN"):
        verb = next((t for t in cue.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        span = source_span(verb) if verb is not None else None  # "adopted X and joked"
    if span is not None and cue.tag_ == "VBG" and doc[span[0]].lower_ in _RELATIVES \
            and cue.sent.root is not cue:
        span = source_span(cue.sent.root)  # ", saying" hung on a relative clause: the main subject
    if span is not None and cue.idx >= q.end:
        span = _outside(doc, *span, q)  # the closing mark and comma hang on the name
        span = span if span[0] < span[1] else None
    if span is not None and not (q.start <= doc[span[0]].idx < q.end) \
            and not (doc[span[0]].lower_ in _OBJECT_PRONOUNS and doc[span[0]].tag_ != "PRP$"):
        # (an object pronoun is no subject; "her rep says" opens with a possessive)
        a, b = _outside(doc, *span, q)
        if a < b and not _is_date(doc[a:b]):
            if a <= cue.i - 1 < b:
                return a, b
            return _adjacent_name(doc, cue, q) or (a, b)
    if cue.idx >= q.end:
        tok = token_at(doc, q.end)
        while tok is not None and tok.i < cue.i:
            if tok.pos_ in ("PROPN", "PRON") and tok.ent_type_ not in NOT_SOURCES \
                    and tok.idx >= q.end:
                return name_run(doc, tok.i)
            tok = doc[tok.i + 1]
        nxt = cue.i + 1
        if nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[nxt].ent_type_ not in NOT_SOURCES:
            return name_run(doc, nxt)  # inverted: "...," said Jane Doe
        phrase = noun_run(doc, nxt) or _described_name(doc, nxt) or _age_phrase(doc, nxt)
        if phrase is not None:
            return phrase  # inverted: "...," said the woman, "...," said one aide
    if cue.tag_ == "VBG" and cue.sent.root is not cue:
        subj = source_span(cue.sent.root)
        if subj is not None and not (q.start <= doc[subj[0]].idx < q.end):
            return subj
    prev = cue.i - 1
    if prev >= 0 and doc[prev].pos_ in ("PROPN", "PRON") \
            and doc[prev].ent_type_ not in NOT_SOURCES and not (q.start <= doc[prev].idx < q.end):
        return name_run(doc, prev)
    return None


def _adjacent_name(doc, cue, q: Quote) -> Optional[tuple[int, int]]:
    """``When X noted that ... -- Trump boasted, "..."``: a person's name or a pronoun right
    before a leading cue is its subject even when the parse, confused by dashes or a
    subordinate clause, picked another phrase."""
    if cue.idx > q.start or cue.i == 0:
        return None
    prev = doc[cue.i - 1]
    if prev.pos_ == "PRON" and prev.lower_ in _SUBJECT_PRONOUNS:
        return prev.i, prev.i + 1
    if prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON":
        return name_run(doc, prev.i)
    return None


_SUBJECT_PRONOUNS = frozenset("i he she we they".split())


_NP_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM"))


def noun_run(doc, i: int):
    """The noun phrase starting at token i (determiners, adjectives, nouns), or None."""
    b = i
    while b < len(doc) and b - i < 8 and doc[b].pos_ in _NP_POS \
            and (doc[b].ent_type_ not in NOT_SOURCES or b == i and doc[b].pos_ == "NUM"
                 and doc[b].ent_type_ == "CARDINAL"):  # "said one person", "two aides"
        b += 1
    if b > i and doc[b - 1].pos_ in ("NOUN", "PROPN"):
        return i, b
    return None


def _described_name(doc, i: int):
    """A person's name after a short description with a participle the tagger took for a
    verb: "...," said *shooting victim Jane Doe*, "said *retired teacher Ann Roe*"."""
    j = i
    while j < len(doc) and j - i < 5 and "\n" not in doc[j].text_with_ws \
            and (doc[j].pos_ in _NP_POS or doc[j].tag_ in ("VBG", "VBN")) \
            and doc[j].ent_type_ not in NOT_SOURCES:
        if doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "PERSON":
            return i, name_run(doc, j)[1]
        j += 1
    return None


def name_run(doc, i: int) -> tuple[int, int]:
    """The run of proper-noun tokens around token i."""
    a, b = i, i + 1
    if doc[i].pos_ == "PROPN":
        while b < len(doc) and doc[b].pos_ == "PROPN":
            b += 1
        while a > 0 and doc[a - 1].pos_ == "PROPN":
            a -= 1
    return a, b


def _age_phrase(doc, i: int) -> Optional[tuple[int, int]]:
    """"the 29-year-old" from token ``i``: an age standing for a person, or None."""
    for j in range(i, min(len(doc), i + 7)):
        if doc[j].lower_ in ("old", "year-old"):
            words = doc[i:j + 1]
            if any(t.like_num for t in words) and all(
                    t.tag_ in ("DT", "CD", "HYPH", "NN", "JJ") for t in words):
                return i, j + 1
            return None
    return None


def _is_date(span) -> bool:
    """A dateline or date the parser took for the subject ("LOS ANGELES, Sept. 28 (UPI)")."""
    if not any(t.ent_type_ in NOT_SOURCES for t in span) or any(
            t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PRON" for t in span):
        return False
    if span[-1].lower_ in ("old", "year-old"):
        return False  # "said the 29-year-old": an age standing for a person
    head = next((t for t in span if t.head.i < span.start or t.head.i >= span.end
                 or t.head.i == t.i), span[0])
    dateline = span[0].text.isupper() and len(span[0].text) > 1
    if head.pos_ == "NUM" and not dateline and (head.lower_ == "one" or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):
        return False  # "One of the gunmen said", "One said": people counted, not a date
    return head.ent_type_ in NOT_SOURCES or dateline  # not "Jane Doe, 69,"


def _outside(doc, a: int, b: int, q: Quote) -> tuple[int, int]:
    """Clip a token range so it does not run into the quote."""
    while a < b and q.start <= doc[a].idx < q.end:
        a += 1
    while b > a and q.start <= doc[b - 1].idx < q.end:
        b -= 1
    return a, b


def dash_source(doc, norm_end: int) -> Optional[tuple[int, int]]:
    """The name after a byline dash."""
    tok = token_at(doc, norm_end)
    if tok is None:
        return None
    a = tok.i + 1
    while a < len(doc) and (doc[a].is_space or doc[a].text in "-\u2013\u2014\u2015"):
        a += 1
    b = a
    while b < len(doc) and doc[b].pos_ == "PROPN" and "\n" not in doc[b].text:
        b += 1
    return (a, b) if b > a else None


def _name_before(doc, i: int) -> Optional[tuple[int, int]]:
    """A person or organisation name ending right before token i (a colon), or None."""
    b = i
    while b > 0 and doc[b - 1].is_space:
        b -= 1
    a = b
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].ent_type_ in ("PERSON", "ORG"):
        a -= 1
    if a == b:
        return None
    for tok in reversed(doc[max(0, a - 12):a]):
        if tok.text in DASHES or tok.is_sent_start or "\n" in tok.text:
            break
        if tok.pos_ in ("VERB", "AUX"):
            return None  # "X had a message for the crowd in Dunmore:": the clause has a subject
    return a, b


def colon_source(doc, colon: int, q: Quote) -> Optional[tuple[int, int]]:
    """For ``Name: "..."`` or ``The message from X: "..."``: the root's subject or first noun."""
    tok = token_at(doc, colon)
    if tok is None:
        return None
    sent = tok.sent
    named = _name_before(doc, tok.i)
    if named is not None:
        return named  # "... - Jane Doe:" / "More from Doe and Roe:"
    root = sent.root
    if root.idx < colon:
        for t in root.children:
            if t.dep_ in ("nsubj", "nsubjpass") and t.idx < colon:
                return subject_extent(t)  # the main clause's subject, not a subordinate one
    for t in sent:
        if t.idx >= colon:
            break
        if t.dep_ in ("nsubj", "nsubjpass"):
            return subject_extent(t)
    for t in sent:
        if t.idx >= colon:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t.left_edge.i, min(t.right_edge.i + 1, tok.i)
    return None
