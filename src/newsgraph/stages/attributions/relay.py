"""Reports of reports: "X said Y, the Star reported", "Z quoted X as saying Y".

News often passes on what someone said through another outlet or witness.
Two attributions are true at once: X said Y (who actually spoke), and the
relaying source reported *that X said Y*.  PolNeAR annotates only the outer
one, with the whole inner report as its content; an analyst reading the story
wants the inner one first.  So both are kept:

* a trailing relay frame (", according to Z.", ", Z reported.", ", reports Z.")
  after a clause that holds a report of its own gets the whole clause as its
  content, and the inner report stays as it is;
* "Z quoted X as saying Y" and "X was quoted by Z as saying Y" keep the outer
  record the cue model found and add X's own: X said Y.

Everything else goes through the usual settling (:func:`.indirect._settle`),
which gives each stretch of text to one attribution.
"""

from __future__ import annotations

from typing import Optional

from .direct import Candidate
from .nonspeech import QUOTE_MARKS
from .quotes import content_kind
from .syntax import trim


def split_relays(doc, norm: str, direct: list[Candidate], found: list[Candidate]
                 ) -> tuple[list[Candidate], list[Candidate]]:
    """(candidates left to settle, relay records kept as they are)."""
    gone: set[int] = set()  # ids of candidates taken out of the settling
    relays = []
    for c in found:
        if id(c) in gone or c.cue_token is None:
            continue
        tok = doc[c.cue_token]
        if tok.lemma_.lower() == "quote":
            inner = _quoted_as_saying(doc, tok, [k for k in found if id(k) not in gone])
            if inner is not None:
                gone.update((id(c), id(inner)))
                relays += [c, inner]
        elif _relay_cue(tok):
            inner = _relay_content(doc, norm, tok, c, direct,
                                   [k for k in found if id(k) not in gone])
            if inner:
                # "X is believed to have ..., according to police": the unsourced view is
                # the relayed report itself, not a second attribution
                gone.add(id(c))
                gone.update(id(k) for k in inner if k.sourceless)
                relays.append(c)
            elif closes_sentence(tok):
                _widen(doc, norm, tok, c)  # "..., and the door was open, according to police"
    return [k for k in found if id(k) not in gone], relays


def _relay_cue(tok) -> bool:
    """"according to", or a finite "reported"/"reports" (not "a reported deal")."""
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"
    return tok.lemma_.lower() == "report" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP")


def _relay_content(doc, norm: str, tok, relay: Candidate, direct: list[Candidate],
                   found: list[Candidate]) -> list[Candidate]:
    """Give a trailing relay frame the whole sentence it relays as content; return the
    reports inside it (none: not a relay, nothing changed).

    The frame must trail: a comma before it (or "according to X" closing the
    sentence) and no quote after it to the sentence end; the inner report (a direct
    quote's cue, or another found cue) sits in the same sentence before the frame.
    A quote that goes on after the frame ("...," X said, according to Z. "...") goes
    on in the relayed report too.
    """
    sent = tok.sent
    frame = _frame_start(tok, relay)
    if frame <= sent.start or (doc[frame - 1].text != "," and not closes_sentence(tok)):
        return []
    if any(t.text in QUOTE_MARKS for t in doc[tok.i:sent.end]):
        return []
    inner = _inner_reports(doc, sent, frame, relay, direct, found)
    if not inner:
        return []
    after = sorted({p for f in inner for p in (f.parts or [f.content]) if p[0] >= relay.cue[1]})
    start = min(_report_start(doc, f) for f in inner)
    return inner if _widen(doc, norm, tok, relay, start, after) else []


def _widen(doc, norm: str, tok, relay: Candidate, start: Optional[int] = None,
           after: Optional[list] = None) -> bool:
    """Make a trailing frame's content the whole sentence before it (from ``start`` when
    a report begins earlier), plus the ``after`` parts of a quote that goes on."""
    sent = tok.sent
    frame = _frame_start(tok, relay)
    lead = next((t.idx for t in sent if not (t.is_punct or t.is_space)), sent.start_char)
    span = doc.char_span(min(lead, start if start is not None else lead), doc[frame].idx,
                         alignment_mode="expand")
    if span is None:
        return False
    a, b = trim(doc, span.start, frame)
    if a >= b:
        return False
    head = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
    relay.parts = [head] + after if after else []
    relay.content = (head[0], after[-1][1] if after else head[1])
    relay.kind = content_kind(norm, *relay.content)
    return True


def _frame_start(tok, relay: Candidate) -> int:
    """First token of a trailing frame: its cue, or its source when that comes first
    ("..., the Star reported")."""
    return tok.i if relay.source is None else min(tok.i, relay.source[0])


def closes_sentence(tok) -> bool:
    """"... at his home according to police.", "..., according to the county.": "according
    to X" with nothing after it but punctuation closes its sentence as a frame, comma or
    not; what it reports is the whole sentence before it."""
    return tok.lower_ == "according" and tok.i > tok.sent.start and all(
        t.is_punct or t.is_space for t in tok.doc[tok.right_edge.i + 1:tok.sent.end])


def _inner_reports(doc, sent, frame: int, relay: Candidate, direct: list[Candidate],
                   found: list[Candidate]) -> list[Candidate]:
    """Reports whose cue sits in ``sent`` before the relay frame."""
    lo, frame_char = sent.start_char, doc[frame].idx
    inner = [d for d in direct if d.cue is not None and lo <= d.cue[0] < frame_char]
    for f in found:
        if f is not relay and f.cue_token is not None and sent.start <= f.cue_token < frame \
                and f.content[0] < frame_char and f.cue[0] < f.content[1]:
            if f.content[1] > frame_char:  # the parse hung the frame inside the report
                _clip(doc, f, frame)
            inner.append(f)
    return inner


def _report_start(doc, f: Candidate) -> int:
    """First character of a report: its content, cue or source, whichever comes first."""
    start = min(f.content[0], f.cue[0])
    if f.source_start is not None:
        start = min(start, f.source_start)
    if f.source is not None:
        start = min(start, doc[f.source[0]].idx)
    return start


def _clip(doc, f: Candidate, frame: int) -> None:
    """End an inner report's content before the relay frame ("..., the Star reported")."""
    span = doc.char_span(f.content[0], doc[frame].idx, alignment_mode="expand")
    if span is None:
        return
    a, b = trim(doc, span.start, frame)
    if a < b:
        f.content = (f.content[0], doc[b - 1].idx + len(doc[b - 1].text))
        f.parts = [p for p in f.parts if p[0] < f.content[1]]
        if f.parts:
            f.parts[-1] = (f.parts[-1][0], min(f.parts[-1][1], f.content[1]))


def _quoted_as_saying(doc, tok, found: list[Candidate]) -> Optional[Candidate]:
    """The "saying" report inside "quoted X as saying Y", with X as its source.

    Active voice: X is the object of "quoted"; passive ("X was quoted by Z as
    saying"): X is its subject.
    """
    speaker = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if speaker is None:
        return None
    for c in found:
        if c.cue_token is None or doc[c.cue_token].lower_ != "saying":
            continue
        say = doc[c.cue_token]
        if not any(a.i == tok.i for a in say.ancestors) or say.i < speaker.i:
            continue
        a, b = trim(doc, speaker.left_edge.i, speaker.right_edge.i + 1)  # with appositions
        c.source, c.source_chars, c.sourceless = (a, b), None, False
        return c
    return None
