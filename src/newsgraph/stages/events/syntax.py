"""Small helpers over the spaCy dependency parse shared by the event modules.

They answer structural questions ("what is this verb's subject?", "which
verb governs this noun?") with a bounded walk, so the stage stays linear in
the number of tokens.
"""

from __future__ import annotations

import re

from typing import Iterable, Optional

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
PRONOUNS = frozenset("it they he she we i you its their his her our them him us".split())
REL_PRONOUNS = frozenset("who which that whom whose".split())


def is_pronoun(tok) -> bool:
    """A personal pronoun ("us" yes, "US" no)."""
    return tok.pos_ == "PRON" and tok.lower_ in PRONOUNS
# NP parts left out of an actor span: clauses and asides, not the naming words.
_NP_SKIP = frozenset(("relcl", "acl", "appos", "advcl", "punct", "case", "prep", "parataxis",
                      "ccomp", "xcomp", "dep", "mark", "advmod", "npadvmod"))
_NP_PREPS = frozenset(("of", "in", "from"))


def lemma_forms(tok) -> list:
    """The lemma, then naive stems: the tagger's lemma is sometimes wrong ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if low.endswith("ied"):
        out.append(low[:-3] + "y")
    if low.endswith("ed"):
        out += [low[:-1], low[:-2]]
    if low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    if low.endswith("s"):
        out.append(low[:-1])
    return out


def children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


_TIME_ENTS = frozenset(("DATE", "TIME"))


def is_when(prep) -> bool:
    """A preposition that only says when ("on Monday", "at noon", "for two hours"): no
    direction of an act, so it meets no "prep" condition of the trigger lexicon ("fired
    the coach on Monday" is no "fired on")."""
    objs = [p for p in prep.children if p.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(p.ent_type_ in _TIME_ENTS for p in objs)


def first_child(tok, *deps: str):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_passive(verb) -> bool:
    """A passive clause, including the reduced passive of headlines ("Man Charged In ..."):
    a past participle with a subject and no auxiliary at all."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    return (verb.tag_ == "VBN" and verb.dep_ == "ROOT"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children))


def direct_object(verb):
    """The direct object, or the passive subject (what was acted on)."""
    obj = first_child(verb, *OBJ)
    if obj is None and is_passive(verb):
        obj = first_child(verb, *PASS_SUBJ) or first_child(verb, "nsubj")  # headline passive
    return obj


def governing_verb(tok, limit: int = 4):
    """The verb a noun (or its prepositional phrase) depends on, within ``limit`` steps."""
    cur = tok
    for _ in range(limit):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ in ("pobj",) or head.pos_ == "ADP":
            cur = head
            continue
        return None
    return None


def np_tokens(head) -> list:
    """The tokens naming the participant headed by ``head`` (no clauses or asides)."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _NP_SKIP:
                if c.dep_ == "prep" and c.lower_ in _NP_PREPS and t.i == head.i:
                    out.append(c)
                    stack.append(c)
                continue
            out.append(c)
            stack.append(c)
    return out


def np_bounds(head) -> tuple[int, int]:
    """Character bounds of the participant NP headed by ``head``.

    A person's short appositive title is part of how the text names them
    ("Kenzo Oshima, the UN relief coordinator, demanded ...").
    """
    toks = np_tokens(head)
    if head.pos_ == "PROPN":
        for ap in head.children:
            if ap.dep_ == "appos" and ap.i > head.i:
                sub = np_tokens(ap)
                if len(sub) <= 10:
                    toks = toks + sub
    toks = [t for t in toks if not t.is_punct or t.i == head.i]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def modifier_lemmas(tok) -> set:
    """Lemmas of a word's modifiers (and their compounds), split at hyphens too."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod", "nummod", "poss"):
            _add_word(out, c)
            for cc in c.children:
                if cc.dep_ in ("compound", "amod", "npadvmod", "advmod"):
                    _add_word(out, cc)
    return out


def _add_word(out: set, tok) -> None:
    low = tok.lower_
    out.add(low)
    out.add(tok.lemma_.lower())
    if "-" in low:
        out.update(p for p in low.split("-") if p)


SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")  # "104-99", "3-1": a game's score
SCORE_MARK = "#score"  # the word a sentence with a score adds to its words (sentence_words)


def is_score(tok) -> bool:
    """"3-1" as one token, or "3", "-", "1" as three."""
    if SCORE.match(tok.text):
        return True
    sent = tok.sent
    return tok.text in ("-", "\u2013") and 0 < tok.i - sent.start and tok.i + 1 < sent.end \
        and tok.nbor(-1).is_digit and tok.nbor(1).is_digit


def sentence_words(sent) -> set:
    """The words of a sentence for lexicon contexts, with :data:`SCORE_MARK` when it gives a
    score ("beat Pinecrest 104-99": a game, whatever else the sentence says)."""
    out = words(sent)
    if any(is_score(t) for t in sent):
        out.add(SCORE_MARK)
    return out


def words(tokens: Iterable) -> set:
    out = set()
    for t in tokens:
        _add_word(out, t)
    return out


def depth(tok, limit: int = 50) -> int:
    d = 0
    while tok.head.i != tok.i and d < limit:
        tok = tok.head
        d += 1
    return d


def clause_head(tok):
    """The verb (or predicate adjective) heading the clause a trigger sits in."""
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        return tok
    v = governing_verb(tok, limit=6)
    return v if v is not None else tok.sent.root


def token_at(doc, start: int, end: int) -> Optional[object]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
