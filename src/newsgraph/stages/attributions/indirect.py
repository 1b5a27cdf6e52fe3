"""Indirect and mixed speech, and hedged claims.

A token is an indirect cue when the cue model trained on PolNeAR train
(:mod:`.scorer`: sparse features of lemma, content relation and subject kind
plus spaCy's contextual vectors) gives one of its candidate contents (see
:func:`.syntax.content_spans`) a probability above :data:`THRESHOLD`; the best
candidate wins.  Without the model, the count table (how often
``lemma|POS|relation`` was annotated as a cue with that content) is used, with
a prior for the hand list of reporting verbs so that a verb never seen in
training ("quipped that") still counts.  Overlapping candidates are settled by
score, the way PolNeAR gives each token to at most one attribution; a report nested
in another's content is kept besides as a record of its own (:mod:`.nested`).
"""

from __future__ import annotations

import re
from typing import Optional

import numpy as np

from .direct import Candidate
from .nested import inner_report
from .nonspeech import EPISTEMIC, political_news
from .lexicon import hedge_pattern, learned_table, reporting_verbs
from .headline import sentence_case_headline
from .quotes import Quote, content_kind
from .relay import closes_sentence, split_relays
from .sources import choose_all
from .scorer import (DocContext, add_dense, candidate_sparse, dense_features, hopeless,
                     sparse_logits, trained_model)
from .syntax import (age_number, content_parts, content_spans, gerund_after, key,
                     parenthetical, passive_conjunct, quoted_as_saying, same_paragraph, source_span,
                     sourceless, subject_kind, token_at, trailing_readings, trim)

THRESHOLD = 0.35  # for the cue model's probability: about F1/2, the F1-optimal cut of a calibrated model
TABLE_THRESHOLD = 0.3  # for the count table's hit rate (fallback)
SMOOTH = 2.0
PRIOR = 0.5
PRIOR_RELS = ("ccomp",)


def score(tok, rel: str, skind: str) -> float:
    """Smoothed share of PolNeAR train occurrences of this cue+relation that were attributions.

    Backs off from ``lemma|POS|rel|subject-kind`` to ``lemma|POS|rel`` to the
    hand-list prior, each level smoothing the next.
    """
    table = learned_table()
    k = key(tok, rel)
    prior = PRIOR if rel in PRIOR_RELS and tok.lemma_.lower() in reporting_verbs() else 0.0
    hits, seen = table.get(k, (0, 0))
    base = (hits + prior * SMOOTH) / (seen + SMOOTH)
    hits, seen = table.get(f"{k}|{skind}", (0, 0))
    return (hits + base * SMOOTH) / (seen + SMOOTH)


def indirect_candidates(analysis, direct: list[Candidate], quotes: list[Quote]
                        ) -> list[Candidate]:
    """Indirect/mixed attributions that do not overlap the direct ones.

    A title-case headline is read from its own parse in sentence case (see
    :mod:`.headline`): the tagger takes "Rip" in "Lawmakers Rip Plan" for a name.
    """
    doc, norm = analysis.doc, analysis.norm
    used = {c.cue_token for c in direct if c.cue_token is not None}
    quoted = _quoted_mask(norm, quotes)
    title = sentence_case_headline(doc, norm)
    skip_to = 0 if title is None else len(title.text)
    found = _found(doc, norm, quoted, [t for t in doc if t.idx >= skip_to and t.i not in used])
    if title is not None:
        taken = {doc[i].idx for i in used}  # cues of direct quotes, as characters
        mine = [t for t in title if t.idx not in taken]
        found += [_onto(doc, title, c) for c in _found(title, norm, quoted, mine)]
    found, relays = split_relays(doc, norm, direct, found)
    return _settle(direct, found, doc, nest=not political_news(analysis.article.text)) + relays


def _found(doc, norm: str, quoted: bytearray, tokens: list) -> list[Candidate]:
    """The best-scored content of every token of ``tokens`` that passes the threshold."""
    offered = [(tok, rel, a, b) for tok in tokens
               if not (tok.is_punct or tok.is_space or quoted[tok.idx]) and _may_be_cue(tok)
               for rel, a, b in _readings(tok)]
    ctx = DocContext(doc, norm)
    kinds = _source_kinds(offered)
    scores, threshold = _score(offered, kinds, ctx)
    scores = [0.0 if _glued_reading(tok, rel, a) else max(x, threshold)
              if _trailing_frame(tok, rel, a, b)
              or _frame_hung_on_claim(tok, rel)
              or (rel == "head" and (closes_sentence(tok) or parenthetical(tok)))
              or (rel == "ccomp" and (_mistagged_verb(tok) or _age_subject(tok)))
              or (rel in ("prep_to", "xcomp") and _admission(tok, a))
              or (rel in ("xcomp", "ccomp") and _relative_report(tok)) else x
              for (tok, rel, a, b), x in zip(offered, scores)]
    best: dict[int, tuple[float, int, int, str]] = {}
    for (tok, rel, a, b), s in zip(offered, scores):
        if s >= threshold and (tok.i not in best or s > best[tok.i][0]):
            best[tok.i] = (s, a, b, rel)
    kept = [(doc[i], s, a, b, rel) for i, (s, a, b, rel) in sorted(best.items())
            if not _short_quote(norm, *_chars(doc, a, b))]
    unnamed = [sourceless(tok) for tok, *_ in kept]
    chosen = choose_all([(tok, rel, a, b, None if no else kinds[tok.i][1])
                         for (tok, _, a, b, rel), no in zip(kept, unnamed)], ctx)
    found = []
    for (tok, s, a, b, rel), no, (src, nobody) in zip(kept, unnamed, chosen):
        if passive_conjunct(tok):  # the learned chooser would name the listener
            src, nobody = None, True
        if src is None and _age_subject(tok):  # "The 24-year-old said": the source model
            subj = next(c for c in tok.children if c.dep_ == "nsubj")  # never saw one
            src, nobody = (subj.left_edge.i, subj.right_edge.i + 1), False
        if src is not None:  # a source never runs over a paragraph break (a glued headline)
            src = same_paragraph(tok, *src)
        if no and rel == "xcomp" and tok.lemma_.lower() in RAISED_VIEWS:
            a = _raised_subject_start(tok, a)
        parts = [_snap(quoted, *_chars(doc, a, b)) for a, b in content_parts(tok, rel, a, b, src)]
        parts = [_within_paragraph(norm, quoted, *part) for part in parts]
        parts[-1] = (parts[-1][0], _clock_suffix(norm, parts[-1][1]))
        start, end = parts[0][0], parts[-1][1]
        found.append(Candidate(content_kind(norm, start, end), (start, end), _cue_span(tok), tok.i,
                               src, score=s, parts=parts if len(parts) > 1 else [],
                               sourceless=no or nobody))
    return found


RAISED_VIEWS = EPISTEMIC | {"report"}  # "is said to", "was reported to", not "is expected to"


def _raised_subject_start(tok, a: int) -> int:
    """"*The deal* is said to be worth $180 million", "*the gunman* was thought to have acted
    alone": with nobody named, what is said is about the subject, so the subject opens the
    content (PolNeAR annotates it so), not only the infinitive after the cue."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is None or subj.i > tok.i or subj.lower_ in ("who", "which", "that"):
        return a
    return min(a, subj.left_edge.i)


def _readings(tok):
    """The contents the parse offers a cue (:func:`.syntax.content_spans`, as in training)
    and the stage's own readings of trailing frames (:func:`.syntax.trailing_readings`)."""
    spans = list(content_spans(tok))
    seen = {(a, b) for _, a, b in spans}
    return spans + [r for r in trailing_readings(tok) if (r[1], r[2]) not in seen]


def _onto(doc, title, c: Candidate) -> Candidate:
    """A candidate found in the headline's own parse, with token indices of the article's.

    The two parses share character offsets (only letter case differs), so the
    source and the cue are the article's tokens at the same characters (or, when
    the two tokenizations disagree there, the source is kept as characters).
    """
    if c.source is not None:
        start, end = _chars(title, *c.source)
        span = doc.char_span(start, end)
        c.source, c.source_chars = ((span.start, span.end), None) if span is not None \
            else (None, (start, end))
    tok = token_at(doc, c.cue[0])
    c.cue_token = None if tok is None else tok.i
    return c


def _trailing_frame(tok, rel: str, a: int, b: int) -> bool:
    """"<clause>, police said Sunday." / "<clause>, said Capt. Ann Roe of the sheriff's office.":
    a reporting verb after the whole sentence it reports and a comma, with nothing after
    that comma but its subject and its own modifiers (when, where, to whom, in what).
    The cue model, trained on politics where this frame mostly follows direct quotes,
    scores it low when the clause is long or oddly parsed; in police, court and sports
    news it is the usual way to credit an indirect claim."""
    quoted_as = quoted_as_saying(tok)  # "<clause>, officials were quoted by AP as saying."
    if rel != "ccomp" or tok.dep_ != "ROOT" or not (
            quoted_as or tok.lemma_.lower() in reporting_verbs()):
        return False
    subj = [c for c in tok.children if c.dep_ in (("nsubj", "nsubjpass") if quoted_as
                                                   else ("nsubj",)) and c.i >= b]
    if len(subj) != 1:
        return False
    doc = tok.doc
    frame = min(tok.i, subj[0].left_edge.i)
    if b > frame - 1 or frame == 0 or doc[frame - 1].text != ",":
        return False
    if any(not (t.is_punct or t.is_space) for t in doc[tok.sent.start:a]):
        return False  # "In 2009, police said ...": not a trailing frame
    deps = FRAME_DEPS | PASSIVE_FRAME_DEPS if quoted_as else FRAME_DEPS
    return all(c.i < frame or c.dep_ in deps or c.is_space or _comma_participle(c)
               or _glued_reading(tok, "ccomp", c.left_edge.i)
               for c in tok.children)  # (a headline's paragraph break hangs on its verb)


def _glued_reading(tok, rel: str, a: int) -> bool:
    """"Crash injures 2, police say Police and medics went ...": a clause right after the
    verb of a trailing frame, with no "that" or comma and opening on a capital, is the
    next sentence run on (captions, page text without stops), not what was said."""
    doc = tok.doc
    return rel.split("~")[0] == "ccomp" and a == tok.i + 1 and a < len(doc) and doc[a].text[:1].isupper() \
        and a > 1 and doc[a].sent.start <= tok.i and any(
            c.dep_ == "ccomp" and c.i < tok.i for c in tok.children) \
        and any(c.dep_ == "nsubj" and c.i < tok.i and doc[c.left_edge.i - 1].text == ","
                for c in tok.children)


def _age_subject(tok) -> bool:
    """"The 24-year-old said he had ...", "a 19-year-old told police she ...": a reporting
    verb whose subject is an age.  Crime and sports news name people so; PolNeAR hardly
    does, and the cue model scored such a plain report far under its threshold."""
    if tok.lemma_.lower() not in reporting_verbs():
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    return subj is not None and age_number(subj) is not None


def _relative_report(tok) -> bool:
    """"the man who police say fired the shots", "a man whom witnesses said intervened":
    a report inside a relative clause, its own subject a source and the relative pronoun
    the subject of what was said. Crime news writes suspects so (five in one 20-article
    audit); PolNeAR's cue model scored them just under its threshold."""
    if tok.dep_ != "relcl" or tok.lemma_.lower() not in reporting_verbs():
        return False
    kids = list(tok.children)
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in kids) \
        and any(c.tag_ in ("WP", "WDT") and c.i < tok.i for c in kids)


ADMISSIONS = frozenset(("admit", "confess"))


def _admission(tok, start: int) -> bool:
    """"admitted to drinking before the crash", "confessed to shooting himself": an
    admission of a deed is a report of it (35 in the gun-violence and ECB+ texts); PolNeAR,
    whose cue model scores these, holds one."""
    return tok.lemma_.lower() in ADMISSIONS and tok.pos_ == "VERB" \
        and gerund_after(tok.doc, start) is not None


def _comma_participle(tok) -> bool:
    """", marking the third death this year", ", adding that ...": a participle clause set
    off by a comma after the frame comments on the whole report and leaves it a frame."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.left_edge.i > 0 \
        and tok.doc[tok.left_edge.i - 1].text == ","


def _frame_hung_on_claim(tok, rel: str) -> bool:
    """"<clause>, a team of researchers reported on Wednesday in the journal X.": the
    same trailing frame, which the parser hung on the claim's verb (as an adverbial
    clause or a conjunct) when the sentence is long.  The content is then its head's
    clause (reading ``head``)."""
    if rel != "head" or tok.dep_ not in ("advcl", "conj") or tok.head.dep_ != "ROOT" \
            or tok.i < tok.head.i or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN") \
            or any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
            or tok.lemma_.lower() not in reporting_verbs():
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].i > tok.i:
        return False
    doc = tok.doc
    frame = subj[0].left_edge.i
    if frame == 0 or doc[frame - 1].text != ",":
        return False
    return all(c.i < frame or c.dep_ in FRAME_DEPS for c in tok.children) and all(
        t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1:tok.sent.end])


FRAME_DEPS = frozenset(("nsubj", "prep", "npadvmod", "advmod", "punct", "dobj", "dative"))
PASSIVE_FRAME_DEPS = frozenset(("nsubjpass", "auxpass", "aux", "agent"))


def _may_be_cue(tok) -> bool:
    """Worth scoring: a verb not seen often in PolNeAR train without ever being a cue, or
    another word that was a cue there at least once.  Keeps about half the candidates."""
    hits, seen = learned_table().get(f"{tok.lemma_.lower()}|{tok.pos_}|any", (None, 0))
    if tok.pos_ == "VERB":
        return hits != 0
    return bool(hits) or _mistagged_verb(tok)


def _mistagged_verb(tok) -> bool:
    """A reporting verb the tagger read as a noun heading a clause ("Prosecutors [allege]
    he shot the clerk": "allege" a NOUN whose subject hangs on it as a compound, with a
    ccomp): no noun takes a finite clause without "that", so the parse says it is the
    verb.  Not with a determiner or auxiliary ("The only hope ... is", "did post")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in reporting_verbs() and \
        tok.tag_ == "NN" and tok.i > 0 and \
        all(c.dep_ == "compound" for c in tok.children if c.i < tok.i) and \
        any(c.dep_ == "compound" for c in tok.children) and any(c.dep_ == "ccomp" and c.i > tok.i and
                                 not any(g.lower_ == "that" and g.dep_ == "mark"
                                         for g in c.children) for c in tok.children)


def _source_kinds(offered: list) -> dict[int, tuple[str, Optional[tuple[int, int]]]]:
    """(subject kind, source span) of each offered cue token, computed once per token."""
    kinds: dict[int, tuple[str, Optional[tuple[int, int]]]] = {}
    for tok, *_ in offered:
        if tok.i not in kinds:
            span = source_span(tok)
            kinds[tok.i] = (subject_kind(tok, span), span)
    return kinds


def _score(offered: list, kinds: dict, ctx: DocContext) -> tuple[list[float], float]:
    """Scores of (token, relation, start, end) candidates, and the threshold they must pass.

    The trained model scores all of an article's candidates in one batch; without it the
    count table scores each.
    """
    model = trained_model()
    if model is None or not ctx.has_vectors:
        return [score(tok, rel, kinds[tok.i][0]) for tok, rel, _, _ in offered], TABLE_THRESHOLD
    if not offered:
        return [], THRESHOLD
    rows = [candidate_sparse(tok, rel, a, b, *kinds[tok.i], ctx) for tok, rel, a, b in offered]
    sparse = sparse_logits([feats for feats, _, _ in rows], model)
    scores = np.zeros(len(offered))
    live = np.flatnonzero(~hopeless(sparse, model, THRESHOLD))
    if len(live):
        dense = np.stack([dense_features(offered[i][0], offered[i][2], offered[i][3],
                                         rows[i][1], rows[i][2], ctx) for i in live])
        scores[live] = add_dense(sparse[live], dense, model)
    return scores.tolist(), THRESHOLD


def _chars(doc, a: int, b: int) -> tuple[int, int]:
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _quoted_mask(norm: str, quotes: list[Quote]) -> bytearray:
    """1 for every character inside a quote: cues there are the quoted speaker's, not ours."""
    mask = bytearray(len(norm) + 1)
    for q in quotes:
        mask[q.start:q.end] = b"\x01" * (q.end - q.start)
    return mask


def _short_quote(norm: str, start: int, end: int) -> bool:
    """Content that is only a few quoted words: a scare quote or a title, not a claim."""
    text = norm[start:end].strip(" .,")
    return (len(text) > 1 and text[0] == '"' and text.find('"', 1) in (len(text) - 1, -1)
            and len(text.split()) <= 5)


def _snap(quoted: bytearray, start: int, end: int) -> tuple[int, int]:
    """Widen a content span that stops inside a quote to the whole quote.

    The parser often ends a clause at a sentence break inside a quotation
    ("said that \"A. B.\""); the quotation is one piece of content.
    """
    n = len(quoted) - 1
    while end < n and quoted[end - 1] and quoted[end]:
        end += 1
    while start > 0 and quoted[start] and quoted[start - 1]:
        start -= 1
    return start, end


_CLOCK_SUFFIX = re.compile(r" ?[ap]\.? ?m\.?(?![a-z])", re.IGNORECASE)


def _clock_suffix(norm: str, end: int) -> int:
    """"said the alarm went off at 3:05 a.m.": the parser hangs a sentence-final "a.m." on
    the reporting verb as punctuation, and the clause would end at "3:05"."""
    if end == 0 or not norm[end - 1].isdigit():
        return end
    m = _CLOCK_SUFFIX.match(norm, end)
    return m.end() if m else end


def _within_paragraph(norm: str, quoted: bytearray, start: int, end: int) -> tuple[int, int]:
    """Stop a content at the end of its paragraph, unless a quotation carries it over.

    A parse that runs a clause past a line break ("said \"A.\"" then the next
    paragraph) glues two paragraphs; reported speech does not cross one on its own.
    """
    brk = norm.find("\n", start, end)
    while brk >= 0 and quoted[brk]:
        brk = norm.find("\n", brk + 1, end)
    if brk <= start:
        return start, end
    while brk > start and norm[brk - 1].isspace():
        brk -= 1
    return start, brk


def _cue_span(tok) -> tuple[int, int]:
    """The cue words: the verb, with "according to" taken whole."""
    end = tok.idx + len(tok.text)
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        end = tok.nbor(1).idx + 2
    return tok.idx, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a[1] - a[0], b[1] - b[0]))


def _frame(d: Candidate) -> tuple[int, int]:
    """The characters between a direct quote's cue (and source) and its content."""
    if d.cue[0] < d.content[0]:
        start = d.cue[0] if d.source_start is None else min(d.cue[0], d.source_start)
        return start, d.content[0]
    return d.content[1], d.cue[1]


def _reports_first(doc, c: Candidate, d: Candidate) -> bool:
    """"Capps said that Congress must act, saying, \"...\"": the quote's cue goes on the
    claim ``c`` reports, so the quote's frame runs from Capps over ``c``, which is a
    report of its own, not a part of the frame."""
    if doc is None or c.cue_token is None or d.cue_token is None or c.cue_token >= d.cue_token:
        return False
    tok = doc[d.cue_token]
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == c.cue_token:
            return True
    return False


def _inside(c: Candidate, outer: Candidate) -> bool:
    return outer.content[0] <= c.cue[0] < outer.content[1]


def _reach(c: Candidate) -> tuple[int, int]:
    """The characters a candidate can clash over: its content and its cue's start."""
    if c.cue is None:
        return c.content
    return min(c.content[0], c.cue[0]), max(c.content[1], c.cue[0] + 1)


class _Near:
    """Items by the stretch of text they cover, in buckets of characters, so each
    candidate is compared with its neighbours, not with the whole article (a
    250,000-character transcript spent seconds in the all-pairs comparison)."""

    SIZE = 512

    def __init__(self) -> None:
        self.buckets: dict[int, list] = {}

    def add(self, item, span: tuple[int, int]) -> None:
        for b in range(span[0] // self.SIZE, max(span[0], span[1] - 1) // self.SIZE + 1):
            self.buckets.setdefault(b, []).append(item)

    def near(self, span: tuple[int, int]) -> list:
        seen: dict[int, object] = {}
        for b in range(span[0] // self.SIZE, max(span[0], span[1] - 1) // self.SIZE + 1):
            for item in self.buckets.get(b, ()):
                seen.setdefault(id(item), item)
        return list(seen.values())


def _settle(direct: list[Candidate], found: list[Candidate], doc=None, nest: bool = False
            ) -> list[Candidate]:
    """Give each stretch of text to one attribution, as PolNeAR does.

    Direct quotes win; a cue nested in another attribution's content loses to
    that outer attribution ("X said *the senator believes Y*"); otherwise the
    better-scored candidate wins.  With ``nest``, a nested cue that is a report
    of its own is kept besides, linked to the outer one (:mod:`.nested`).
    """
    kept: list[Candidate] = []
    alive: set[int] = set()  # ids of the kept candidates not displaced since
    near_direct, near_frames, near_kept = _Near(), _Near(), _Near()
    nested: list[tuple[Candidate, Candidate]] = []  # (inner report, the outer holding it)
    for d in direct:
        near_direct.add(d, d.content)
        if d.cue is not None:
            frame = _frame(d)
            near_frames.add((frame, d), frame)
    for c in sorted(found, key=lambda c: -c.score):
        reach = _reach(c)
        if any(_overlap(c.content, d.content) > 0.5 or _inside(c, d)
               for d in near_direct.near(reach)):
            continue
        if any(f[0] <= c.content[0] and c.content[1] <= f[1] and not _reports_first(doc, c, d)
               for f, d in near_frames.near(c.content)):
            continue  # "had a message for the crowd: \"...\"" is the quote's frame
        clash = [k for k in near_kept.near(reach) if id(k) in alive and (
            _overlap(c.content, k.content) > 0.5 or _inside(c, k) or _inside(k, c))]
        if clash and all(_inside(k, c) and not _inside(c, k) for k in clash):
            alive.difference_update(id(k) for k in clash)
            nested += [(k, c) for k in clash]
        elif clash:
            if all(_inside(c, k) and not _inside(k, c) for k in clash):
                nested.append((c, min(clash, key=lambda k: k.content[1] - k.content[0])))
            continue
        kept.append(c)
        alive.add(id(c))
        near_kept.add(c, reach)
    out = [k for k in kept if id(k) in alive]
    if not nest:
        return out
    return out + _inner_reports(direct, nested, alive, doc)


def _inner_reports(direct: list[Candidate], nested: list, alive: set[int], doc
                   ) -> list[Candidate]:
    """The reports nested in a kept attribution's content (:mod:`.nested`), settled among
    themselves (one layer: a report inside an inner report stays in it), each pointing
    at its outer attribution by ``within``."""
    owner = {id(c): k for c, k in nested if id(k) in alive}
    inner = [c for c, k in nested if id(c) in owner and id(c) not in alive
             and inner_report(doc, c, k)]
    inner = _settle(direct, inner, doc, nest=False)
    for c in inner:
        c.within = owner[id(c)]
    return inner


def hedge_candidates(analysis, kept: list[Candidate]) -> list[Candidate]:
    """"reportedly" & co: mark the attribution they sit in, or make an unattributed one."""
    doc, norm = analysis.doc, analysis.norm
    out = []
    for m in hedge_pattern().finditer(norm):
        span = (m.start(), m.end())
        tok = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tok is None or not len(tok):
            continue
        head = tok.root.head if tok.root.dep_ == "advmod" else tok.root
        owner = next((c for c in kept if c.content[0] <= span[0] < c.content[1]
                      or c.cue_token == head.i), None)
        if owner is not None:
            owner.hedge = span  # "X is reportedly planning to...": the attribution is hedged
            continue
        a, b = trim(doc, head.left_edge.i, head.right_edge.i + 1)
        if a >= b:
            continue
        start, end = _chars(doc, a, b)
        cand = Candidate("indirect", (start, end), span, tok.root.i, None, score=0.5, hedge=span)
        out.append(cand)
    return out
