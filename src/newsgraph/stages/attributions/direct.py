"""Direct quotes: a quoted stretch plus the frame that says who said it.

The *frame* of a quote is the unquoted text beside it in the same sentence and
paragraph: after it (``," Grenell wrote on X.``) when the quote ends in a comma,
question or exclamation mark, or before it (``Dzhabarov ... warned, "``) when
a comma, a colon or a reporting verb leads into it.  A frame holds the cue (the
reporting verb, or the colon itself) and the source (the cue's subject).

Quotes without a frame are direct attributions only when they stand as a
paragraph or sentence of their own right after another attribution (the same
speaker goes on); short quotes inside a sentence with no frame are scare
quotes or titles and yield nothing here (the indirect pass may still take them
as part of a mixed quote).

Broken parses are common around quote marks, so the frame is also read from
the surface: a name then a finite verb after a comma-closed quote (``," Trump
barked``), the first reporting verb past a long description, ``Said Jane Doe:``
and headline credits (``... - Jane Doe:``, ``Jane Doe: 'We Will Win.'``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..nlp import title_abbreviations
from .lexicon import _lines, learned_table, naming_verbs, reporting_verbs
from .quotes import Quote
from .quote_sources import DASHES, colon_source, dash_source, name_run, noun_run, quote_source
from .syntax import sourceless, subject_of, token_at

MIN_WORDS_STANDALONE = 4
DESCRIBED_WINDOW = 40  # ... or past a relative clause within this many
FOLLOW_CUE_WINDOW = 12  # the cue of a trailing frame sits within this many tokens
CUE_ANY_RATE = 0.25


@dataclass
class Candidate:
    """An attribution before speaker resolution: character offsets, token ranges."""

    kind: str
    content: tuple[int, int]
    cue: Optional[tuple[int, int]] = None
    cue_token: Optional[int] = None
    source: Optional[tuple[int, int]] = None  # token range
    source_chars: Optional[tuple[int, int]] = None  # set when the source is not whole tokens
    source_start: Optional[int] = None  # character where the source begins
    score: float = 1.0
    inherit: bool = False  # speaker carries over from the previous attribution
    sourceless: bool = False  # the cue names nobody ("prices seem to rise"): no fallback
    hedge: Optional[tuple[int, int]] = None
    para: int = -1
    parts: list = field(default_factory=list)
    refusal: bool = False  # "declined to comment": kept, negated, though nothing was said
    # the attribution a frameless quote continues (set by adopt_orphans)
    anchor: Optional["Candidate"] = field(default=None, repr=False, compare=False)
    # the attribution whose content holds this one's cue (a report inside a report)
    within: Optional["Candidate"] = field(default=None, repr=False, compare=False)
    author: Optional[str] = None  # an embedded post's signed name (posts.py)


def is_cue_token(tok) -> bool:
    """A verb that reports speech: in the hand list, or often a cue in PolNeAR train."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in reporting_verbs():
        return True
    hits, seen = learned_table().get(f"{lemma}|{tok.pos_}|any", (0, 0))
    return seen >= 5 and hits / seen >= CUE_ANY_RATE


def direct_candidates(analysis, quotes: list[Quote]) -> list[Candidate]:
    """All direct-quote attributions of the article, in text order.

    Quotes with no frame that open a sentence or paragraph of their own are
    returned as *orphans* (``inherit=True``); :func:`adopt_orphans` keeps those
    that follow another attribution closely enough to be its speaker's.
    """
    doc, norm = analysis.doc, analysis.norm
    out: list[Candidate] = []
    for q in quotes:
        cand = _for_quote(doc, norm, q)
        prev = out[-1] if out else None
        if cand is not None and prev is not None and cand.cue_token is not None \
                and cand.cue_token == prev.cue_token:
            prev.content = (prev.content[0], q.end)  # split quote around one cue
            prev.parts.append((q.start, q.end))
            continue
        if cand is None:
            if prev is not None and _same_frame(prev, q) and not _new_cue_between(doc, prev, q):
                prev.content = (prev.content[0], q.end)  # "A," he said, but "B."
                prev.parts.append((q.start, q.end))
                continue
            if not _opens_sentence(norm, q.start):
                continue
            if prev is not None and not prev.inherit and q.start - prev.content[1] < 200 \
                    and (q.para == prev.para or _next_paragraph(norm, prev, q)):
                prev.content = (prev.content[0], q.end)  # "A." he said. "B."
                prev.parts.append((q.start, q.end))
                prev.para = q.last_para
            elif q.words >= MIN_WORDS_STANDALONE:
                out.append(Candidate("direct", (q.start, q.end), inherit=True, para=q.para,
                                     parts=[(q.start, q.end)], score=0.9))
            continue
        out.append(cand)
    return out


def _next_paragraph(norm: str, prev: Candidate, q: Quote) -> bool:
    """``"A," she said.`` closing a paragraph and ``"B."`` opening the next: the quote
    paragraph goes on in the voice just named (PolNeAR joins them)."""
    gap = norm[prev.content[1]:q.start]
    return prev.cue is not None and prev.cue[0] >= prev.content[1] \
        and gap.count("\n") <= 2 and gap.strip()[-1:] in (".", "!", "?")


def _same_frame(prev: Candidate, q: Quote) -> bool:
    """The quote follows, in the same paragraph, the cue that closed the previous quote."""
    return (not prev.inherit and prev.cue is not None and q.para == prev.para
            and prev.content[1] <= prev.cue[0] and prev.cue[1] <= q.start
            and q.start - prev.content[1] < 80)


def _new_cue_between(doc, prev: Candidate, q: Quote) -> bool:
    """``"A," she said, adding that B is "C."``: a second cue (or a "that" clause)
    between the first cue and the quote starts an attribution of its own."""
    first = token_at(doc, prev.cue[1] - 1)  # the cue's last token (its end is a space)
    if first is None:
        return False
    for tok in doc[first.i + 1:]:
        if tok.idx >= q.start:
            return False
        if tok.lower_ == "that" or is_cue_token(tok):
            return True
    return False


def adopt_orphans(norm: str, cands: list[Candidate]) -> list[Candidate]:
    """Keep a frameless quote only right after another attribution (same or previous paragraph).

    News goes on quoting the last speaker without repeating "he said"; a quote
    with nobody before it stays unattributed rather than guessed.  Right after a
    mixed or indirect attribution in the same paragraph (``X said that A. "B."``,
    ``A is "C," X said. "B."``) the quote continues that attribution, as PolNeAR
    annotates it.
    """
    anchored = sorted((c for c in cands if not c.inherit), key=lambda c: c.content[0])
    out = []
    for c in cands:
        if not c.inherit:
            out.append(c)
            continue
        before = [a for a in anchored if a.content[1] <= c.content[0]]
        if not before:
            continue
        last = before[-1]
        gap = norm[last.content[1]:c.content[0]]
        if last.kind != "direct" and "\n" not in gap and len(gap) < 200 and last.cue is not None:
            _append_part(last, c)  # 'Nurses are "tired," she said. "We..."': one mixed quote
            continue
        if gap.count("\n") <= 2 and len(gap) < 400:
            if _relayed(norm, last):
                c.inherit = False  # kept, with nobody named: see _relayed
            c.anchor = last
            out.append(c)
    return out


RELAY_CUES = ("report", "according")


def _relayed(norm: str, cand: Candidate) -> bool:
    """"The Ledger reported that ...", "According to the Ledger, ...": a quote that follows
    a report of a report quotes someone the report quoted, not the outlet itself, so it
    does not take the report's source as its speaker."""
    return cand.cue is not None and norm[cand.cue[0]:cand.cue[1]].lower().startswith(RELAY_CUES)


def _append_part(cand: Candidate, orphan: Candidate) -> None:
    """Extend an attribution by a quote that continues it after its trailing frame."""
    parts = cand.parts or [cand.content]
    cand.parts = parts + (orphan.parts or [orphan.content])
    cand.content = (cand.content[0], orphan.content[1])


def _opens_sentence(norm: str, start: int) -> bool:
    lead = norm[:start].rstrip(" ")
    return not lead or lead[-1] in ".!?\n\""


def _for_quote(doc, norm: str, q: Quote) -> Optional[Candidate]:
    """The attribution a quote makes with its frame, or None."""
    if q.words < 1 or q.words <= 2 and _nickname(doc, norm, q) or _work_title(norm, q):
        return None
    after = _following_cue(doc, norm, q)
    before = preceding_cue(doc, norm, q)
    if after is not None and not (before is not None and _is_according(after)):
        # "he said, "...," according to a court filing": the quote is his; the filing
        # relays the whole sentence (:mod:`.relay`)
        return _run_to_subject(doc, norm, q, make_candidate(doc, q, after))
    if before is not None:
        return make_candidate(doc, q, before)
    return _continued(doc, norm, q)


def _is_according(cue) -> bool:
    """A frame cue that is "according (to)"."""
    tok = cue[1]
    return tok is not None and tok.lower_ == "according"


def _nickname(doc, norm: str, q: Quote) -> bool:
    """``Rep. Robert C. "Bobby" Scott``: a short quote between two parts of a name."""
    before = token_at(doc, q.start - 2) if q.start >= 2 and norm[q.start - 1] == " " else None
    after = token_at(doc, q.end + 1) if norm[q.end:q.end + 1] == " " else None
    return before is not None and after is not None and before.pos_ == "PROPN" \
        and after.pos_ == "PROPN" and after.text[:1].isupper()


_WORK_NOUNS = frozenset(
    "film movie album song single track book novel memoir show series sitcom play musical "
    "opera documentary poem painting exhibit exhibition podcast episode game video column "
    "essay report program programme title hit record feature".split())
_WORK_AFTER = frozenset(("directed", "written", "produced", "starring", "by", "which", "is",
                         "was", "opens", "premiered", "debuts", "airs",
                         # a title naming someone's work: ""Twilight" director X", ""Friends" star"
                         "director", "star", "author", "creator", "producer", "writer",
                         "actor", "actress", "singer", "cast", "sequel", "franchise"))
_APPOSITIVE_DETS = frozenset(("the", "a", "an", "her", "his", "their", "its"))
_NAME_WORDS = frozenset("moniker nickname nicknamed alias aka a.k.a. dubbed codename "
                        "code-named pseudonym".split())
_MINOR = frozenset("a an the of and in on to for at by with or from".split())
MAX_TITLE_WORDS = 8


def _title_case(inner: str) -> bool:
    words = [w.strip(",.!?:;'") for w in inner.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR for w in words)


def _work_title(norm: str, q: Quote) -> bool:
    """``the film "The Quiet Harbor"``, ``starred in "Long Road"``, ``"Blue Hour," directed
    by ...``: the title of a work, not something said.  A short title-case quote counts
    as a title when a work noun or a preposition stands just before it, or a credit
    ("directed by", "which") or a sentence verb about a work follows it.  A name given in
    quote marks (a moniker, "known as ...") is no speech either."""
    a, b = q.inner
    inner = norm[a:b].strip()
    if not _title_case(inner.rstrip(",.")):
        return False
    before = norm[max(0, q.start - 40):q.start].lower().replace(",", " ").split()
    after = norm[q.end:q.end + 30].lower().replace(",", " ").split()
    if before and (before[-1] in _NAME_WORDS or before[-2:] == ["known", "as"]):
        return True  # a name: "under the moniker "Deep Water"", "known as "Big Ed""
    if before and (before[-1] in _WORK_NOUNS or before[-1] in ("in", "on", "of", "from")
                   or len(before) > 1 and before[-2] in _WORK_NOUNS and before[-1] in ("the",)):
        return True
    if len(before) > 2 and any(w.rstrip("'s") in _WORK_NOUNS for w in before[-4:]) \
            and norm[q.start - 2:q.start].strip() in (",", ""):
        return True
    if after and after[0] in _APPOSITIVE_DETS and any(
            w.rstrip("'s") in _WORK_NOUNS for w in after[1:5]):
        return True  # ``"Paper Lanterns," the third feature from ...``: an appositive
    return bool(after) and after[0] in _WORK_AFTER


def _continued(doc, norm: str, q: Quote) -> Optional[Candidate]:
    """``"We are shocked" by the attack, Jane Doe said.``: the sentence goes on after the
    quote before its source and cue; the content runs up to the source.
    """
    if not q.closed or not _opens_clause(norm, q.start):
        return None
    nxt = norm[q.end:q.end + 3].lstrip(" ")
    if not nxt or not nxt[0].islower():
        return None
    frame = _trailing_frame(doc, norm, q)
    if frame is None:
        return None
    first, stop = frame
    for tok in doc[first.i:min(len(doc), first.i + DESCRIBED_WINDOW)]:
        if tok.idx >= stop:
            break
        if not is_cue_token(tok) or tok.tag_ == "VBG":
            continue
        subj = subject_of(tok)
        if subj is None or doc[_first_word(subj)].idx <= q.end:
            continue
        end = doc[_first_word(subj)].idx if subj.i < tok.i else tok.idx  # or "..., said X"
        while end > q.end and norm[end - 1] in " ,":
            end -= 1
        if _ends_on_comma(norm, q):
            end = q.end
            while end < len(norm) and norm[end] in "'\"\u201d\u2019":
                end += 1  # the second mark of a '' close
        cand = make_candidate(doc, q, ("verb", tok, None))
        cand.content = (q.start, end)
        cand.parts = [(q.start, end)]
        return cand
    return None


def _ends_on_comma(norm: str, q: Quote) -> bool:
    """``"It was larger than we expected," lead author X said``: a comma before the
    closing mark ends the quoted sentence there, so lower-case words after it belong
    to the frame ("lead author", a verb to the parser), not to the quote."""
    return norm[q.start:q.end].rstrip("\"'\u201d\u2019 ").endswith(",")


def _first_word(subj) -> int:
    """Index of the subject's first non-punctuation token (the parser hangs the
    closing quote mark and comma on the name that follows them)."""
    return next((t.i for t in subj.subtree if not (t.is_punct or t.is_space)), subj.i)


def _run_to_subject(doc, norm: str, q: Quote, cand: Candidate) -> Candidate:
    """Extend a quote's content over lower-case words between it and its cue's subject."""
    if cand.cue_token is None or _ends_on_comma(norm, q):
        return cand
    cue = doc[cand.cue_token]
    nxt = norm[q.end:q.end + 3].lstrip(" ")
    subj = subject_of(cue)
    if not nxt or not nxt[0].islower() or subj is None or subj.i > cue.i:
        return cand
    first = token_at(doc, _skip_space(norm, q.end, len(norm)))
    start = _first_word(subj)
    if first is None or start <= first.i or first.i >= cue.i:
        return cand
    end = doc[start].idx
    while end > q.end and norm[end - 1] in " ,":
        end -= 1
    cand.content = (q.start, end)
    cand.parts = [(q.start, end)]
    return cand


def make_candidate(doc, q: Quote, cue) -> Candidate:
    kind, tok, colon = cue
    if kind == "named":  # the parse is broken: the source is the name at token ``colon``
        src = name_run(doc, colon) if doc[colon].pos_ == "PROPN" else noun_run(doc, colon)
        cand = make_candidate(doc, q, ("verb", tok, None))
        if src is not None:
            cand.source, cand.source_start = src, doc[src[0]].idx
        return cand
    # 'The detective was told, "..."': a passive cue's subject heard the words; with no
    # "by" agent nobody is named as their source
    heard = tok is not None and sourceless(tok)
    if tok is not None:
        cue_span, cue_i = (tok.idx, tok.idx + len(tok.text)), tok.i
        src = None if heard else quote_source(doc, tok, q)
    else:
        cue_span, cue_i = (colon, colon + 1), None
        src = dash_source(doc, norm_end=colon) if kind == "dash" else colon_source(doc, colon, q)
    cand = Candidate("direct", (q.start, q.end), cue_span, cue_i, src, para=q.para,
                     parts=[(q.start, q.end)], sourceless=heard)
    if src is not None:
        cand.source_start = doc[src[0]].idx
    return cand


def _following_cue(doc, norm: str, q: Quote):
    """The cue after a quote that ends with , ? ! or no mark (``"...," he said``)."""
    if not q.closed:
        return None
    dash = _DASH_NAME.match(norm, q.end)
    if dash and _opens_clause(norm, q.start):
        return ("dash", None, dash.start(1))  # "..." \u2015 Jane Doe: the dash is the cue
    inner_end = norm[q.start:q.end - 1].rstrip().rstrip("'").rstrip()  # past a nested quote
    sentence_after = False  # the quote ends its sentence and a new one starts after it
    if not inner_end or inner_end[-1] == ".":
        nxt = norm[q.end:q.end + 40].lstrip(" ")
        if not nxt or not nxt[0].islower():
            if not nxt[:1].isupper():
                return None
            sentence_after = True
    if not _opens_clause(norm, q.start):
        return None
    frame = _trailing_frame(doc, norm, q)
    if frame is None:
        return None
    if sentence_after:
        return _bare_frame_sentence(doc, norm, *frame)
    tok, stop = frame
    first, n = tok, 0
    while tok is not None and tok.idx < stop and n < FOLLOW_CUE_WINDOW:
        if tok.tag_ in ("WP", "WDT"):
            break  # a relative clause about the speaker: its verbs are not the cue
        if (is_cue_token(tok) or _trailing_cue(tok)) and not _reduced_relative(tok):
            return ("verb", tok, None)
        if tok.pos_ not in _FRAME_POS and not _name_word(tok) and not _reduced_relative(tok):
            break
        n += 1
        tok = tok.nbor(1) if tok.i + 1 < len(doc) else None
    described = _described_cue(doc, first, stop)
    if described is None and inner_end and inner_end[-1] == ",":
        return _comma_frame_cue(doc, first, stop) or _far_cue(doc, first, stop)
    return described


def _far_cue(doc, first, stop: int):
    """``"...," Jane Roe, the director of X and whose film won Y, told The Post.``: past a
    long description the parse may hang the cue anywhere; after a comma-closed quote
    the first finite reporting verb of a frame that opens with a name is its cue."""
    if first.pos_ not in ("PROPN", "NOUN", "DET", "PRON", "ADJ") and not _name_word(first):
        return None
    for tok in doc[first.i:min(len(doc), first.i + DESCRIBED_WINDOW)]:
        if tok.idx >= stop:
            break
        if tok.tag_ in ("VBD", "VBZ", "VBN") and is_cue_token(tok) and not _has_aux(tok) \
                and not _reduced_relative(tok):
            return ("named", tok, first.i)
    return None


def _reduced_relative(tok) -> bool:
    """A participle that only describes a noun before it ("to the questions *posed* by the
    judge", "a statement *released* by the club said"): after a quote it is no frame,
    since its agent asked or issued something and did not say the quote."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.i < tok.i \
        and any(c.dep_ == "agent" for c in tok.children)  # (not "the 43-year-old asked")


def _has_aux(tok) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _comma_frame_cue(doc, first, stop: int):
    """``"...," Trump barked.``: after a quote closed by a comma, a name and a finite
    verb are its frame even when the verb is no listed cue (manner of speaking)."""
    seen_name = False
    for tok in doc[first.i:min(len(doc), first.i + FOLLOW_CUE_WINDOW)]:
        if tok.idx >= stop or tok.tag_ in ("WP", "WDT"):
            return None
        if tok.tag_ == "VBN" and tok.dep_ == "acl":
            continue  # "a drama *shot* in three weeks": a participle, no manner of speaking
        if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP", "VBN") \
                and not _name_word(tok) and not _has_aux(tok):
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < first.i for c in tok.children):
                return None  # '"The Lantern Keeper," a drama ..., won': the quote is its subject
            return ("verb", tok, None) if seen_name else None
        if tok.pos_ in ("PROPN", "PRON", "NOUN") or _name_word(tok):
            seen_name = True
        elif tok.pos_ not in _FRAME_POS:
            return None
    return None


def _trailing_frame(doc, norm: str, q: Quote):
    """(first token after the quote, end of its frame), or None when no token follows."""
    stop = _frame_stop(norm, q.end)
    first = token_at(doc, _skip_space(norm, q.end, stop))
    return None if first is None else (first, stop)


def _bare_frame_sentence(doc, norm: str, first, stop: int):
    """``"... missing." Trump said.``: a quote closed by a period, then a sentence made of
    nothing but a name and a reporting verb, is framed by it (a comma was meant).
    ``first``/``stop``: the quote's trailing frame (:func:`_trailing_frame`)."""
    words = [t for t in doc[first.i:first.i + 8] if t.idx < stop and not (t.is_punct or t.is_space)]
    if not 2 <= len(words) <= 5 or not norm[stop - 1:stop] == ".":
        return None
    cue = words[-1]
    if not is_cue_token(cue) or cue.tag_ not in ("VBD", "VBZ") \
            or any(t.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ") for t in words[:-1]):
        return None
    return ("verb", cue, None)


def _trailing_cue(tok) -> bool:
    """A manner-of-speaking verb (lexicon) that is a cue right after a quote: "barked",
    "went on", "shot back"."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    verbs = _trailing_verbs()
    return lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in tok.children
                                 if c.dep_ in ("prt", "advmod", "prep"))


_TRAILING: set = set()


def _trailing_verbs() -> set:
    if not _TRAILING:
        _TRAILING.update(_lines("attribution_direct_trailing_verbs.txt"))
    return _TRAILING


def _described_cue(doc, first, stop: int):
    """A trailing cue whose subject opens the frame, past a relative clause or long title.

    ``"...," Jane Doe, who ran the agency for a decade, told reporters``: the
    walk over name words stops at "ran"; the parse still makes the name the
    subject of "told".
    """
    if first.pos_ not in ("PROPN", "NOUN", "DET", "PRON", "ADJ") and not _name_word(first):
        return None
    for tok in doc[first.i:min(len(doc), first.i + DESCRIBED_WINDOW)]:
        if tok.idx >= stop:
            break
        if not is_cue_token(tok):
            continue
        subj = subject_of(tok)
        if subj is not None and _first_word(subj) == first.i:
            return ("verb", tok, None)
    return None


def _name_word(tok) -> bool:
    """A word of the speaker's name or title the tagger took for a verb: capitalised
    ("Trump", "Will", "Fight"), or a bare base form ("screenwriter"), which cannot be a
    finite cue."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ == "VB" or tok.text[:1].isupper() and tok.tag_ in ("MD", "VBP")


# What may stand between a quote and its trailing cue: the speaker's name and
# description ("Brent Bozell, founder of the Media Research Center, tells").
_FRAME_POS = frozenset(("PROPN", "PRON", "NOUN", "DET", "ADJ", "PUNCT", "ADP", "NUM", "CCONJ",
                        "PART", "SPACE"))


_DASH_NAME = re.compile(r"(?:[^\S\n]*|[^\S\n]*\n\s*(?=[\u2015\u2014\u2013-]))([\u2015\u2014\u2013]|--?)[^\S\n]*[A-Z][\w.'\-]*(?:[^\S\n]+[A-Z][\w.'\-]*){0,4}[^\S\n]*(?:[.,]|$)", re.MULTILINE)


def _opens_clause(norm: str, start: int) -> bool:
    """A quote with a trailing cue stands first in its sentence (or after , : or a dash)."""
    i = start
    while i > 0 and norm[i - 1] in " \t":
        i -= 1
    return i == 0 or norm[i - 1] in "\n.!?:,\u2014\u2013-\"("


def _passive_label(toks) -> bool:
    """A naming or choosing verb in the passive right before the quote: what its subject
    was named, voted or crowned is a title, nobody's words ("was named, 'Athlete of the
    Year'")."""
    words = [t for t in toks if not t.is_punct]
    if not words:
        return False
    verb = words[-1]
    return verb.lemma_.lower() in naming_verbs() and \
        any(c.dep_ == "auxpass" for c in verb.children)


def preceding_cue(doc, norm: str, q: Quote):
    """The cue before a quote introduced by a comma, a colon or a reporting verb."""
    lead_end = q.start
    while lead_end > 0 and norm[lead_end - 1] == " ":
        lead_end -= 1
    if lead_end > 0 and norm[lead_end - 1] == "\n":  # "X said:" closing the paragraph before
        back = lead_end
        while back > 0 and norm[back - 1].isspace():
            back -= 1
        if back > 0 and norm[back - 1] == ":":
            lead_end = back
        elif back > 1 and norm[back - 1] == "," and _cue_before(doc, back - 1):
            lead_end = back  # "X, director of Y, commented," closing the paragraph before
        elif back > 0 and norm[back - 1].isalpha() and norm.count("\n", back, lead_end) == 1:
            last = token_at(doc, back - 1)  # "..., he said" closing a line, no stop after it:
            if last is not None and is_cue_token(last):  # the next line is what he said
                lead_end = back
    if lead_end == 0 or norm[lead_end - 1] in "\n.!?\"":
        return None
    mark = norm[lead_end - 1]
    prev = token_at(doc, lead_end - 1)
    if prev is None:
        return None
    start = _frame_start(doc, norm, prev)
    toks = [t for t in doc[:prev.i + 1] if t.idx >= start] if prev.i < 400 else \
        [t for t in doc[max(0, prev.i - 80):prev.i + 1] if t.idx >= start]
    if mark not in ",:" and not (toks and is_cue_token(toks[-1]) and q.words >= 3
                                 and toks[-1].lemma_.lower() not in naming_verbs()
                                 and _opens_capital(norm, q)):
        return None  # 'won't allow "law-abiding owners to..."': the quote is an object
    if _passive_label(toks):
        return None  # 'was voted "Most Likely to Succeed"', 'was named, "Rookie of the Year"'
    if toks and toks[-1].lower_ == "that" or (mark == "," and len(toks) > 1
                                               and toks[-2].lower_ == "that"):
        return None  # 'tweeted that, "..."' is mixed speech: the indirect pass takes it
    inverted = (_inverted_colon(toks) or _dash_credit(toks)) if mark == ":" else None
    if inverted is not None:
        return inverted
    for tok in reversed(toks):
        if is_cue_token(tok) and not _subordinate(tok) and not _modifier(tok):
            return ("verb", tok, None)
    if mark == ":" and toks:
        return ("colon", None, lead_end - 1)
    return None


def _cue_before(doc, comma: int) -> bool:
    """A reporting verb just before the comma at ``comma``: "..., commented,"."""
    tok = token_at(doc, comma - 1)
    return tok is not None and is_cue_token(tok)


def _modifier(tok) -> bool:
    """A participle modifying a noun ("in a *written* statement"): no cue of its own."""
    return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound") \
        and tok.head.pos_ in ("NOUN", "PROPN")


def _subordinate(tok) -> bool:
    """A verb heading an "if"/"when" clause (``said that if the bill passed, "..."``): not the
    frame's cue, whatever it is."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in tok.children)


# Subordinators of a condition or time, never of a reporting frame ("as she said").
_CONDITIONS = frozenset("if when whenever unless once until because".split())


def _inverted_colon(toks):
    """``Said Jane Doe: "..."`` / ``Added Doe:``: a reporting verb opening the frame, then
    only a name before the colon (the tagger often reads the verb as part of the name)."""
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    if len(words) < 2 or not words[0].text[:1].isupper() or not _reporting_form(words[0]) \
            or any(t.pos_ != "PROPN" for t in words[1:]):
        return None
    return ("named", words[0], words[1].i)


def _dash_credit(toks):
    """``POLLS MISSED THE SHIFT - Jane Doe and John Roe: "..."``: a name after a dash
    closing a headline credits the quote, whatever verbs the headline holds."""
    dashes = [k for k, t in enumerate(toks) if t.text in DASHES]
    if not dashes:
        return None
    words = [t for t in toks[dashes[-1] + 1:] if not (t.is_punct or t.is_space)]
    if not 1 <= len(words) <= 6 or not words[0].text[:1].isupper() \
            or any(not t.text[:1].isupper() and t.pos_ != "CCONJ" for t in words):
        return None
    cue = toks[-1] if toks[-1].text == ":" else words[-1]
    return ("named", cue, words[0].i)


def _reporting_form(tok) -> bool:
    """A reporting verb in any inflection, whatever the tagger made of it."""
    low = tok.text.lower()
    verbs = reporting_verbs()
    return tok.lemma_.lower() in verbs and tok.pos_ == "VERB" or any(
        low[:len(low) - k] in verbs for k in (1, 2) if low.endswith(("d", "s")))


def _opens_capital(norm: str, q: Quote) -> bool:
    """The quote starts like a sentence (capital letter), not mid-clause ("is deeply ...")."""
    for ch in norm[q.start + 1:q.start + 6]:
        if ch.isalnum():
            return ch.isupper() or ch.isdigit()
    return True


def _frame_start(doc, norm: str, tok) -> int:
    """Where the leading frame begins: sentence start, paragraph start or previous quote."""
    start = tok.sent.start_char
    para = norm.rfind("\n", 0, tok.idx) + 1
    quote = norm.rfind('"', 0, tok.idx) + 1
    return max(start, para, quote)


_SENT_END = re.compile(r"[.!?](?=\s|$)")
_ABBREV = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*|[ap]\.m|etc|vs)$")


def _frame_stop(norm: str, pos: int) -> int:
    """Where a trailing frame ends: next quote, paragraph end or sentence end.

    A period after a title or initial ("Mr.", "Sen.", "U.S.") ends no sentence.
    """
    ends = [len(norm)]
    for i in (_next_quote_mark(norm, pos), norm.find("\n", pos)):
        if i >= 0:
            ends.append(i)
    limit = min(ends)
    for m in _SENT_END.finditer(norm, pos, limit):
        if m.group() == "." and (_ABBREV.search(norm, max(0, m.start() - 8), m.start())
                                 or _titled(norm, m.start())):
            continue
        ends.append(m.end())
        break
    return min(ends)


def _titled(norm: str, period: int) -> bool:
    """The period closes an abbreviated title of the lexicon ("Const.", "Supt."), longer
    than :data:`_ABBREV` reads."""
    word = norm[max(0, period - 8):period].split()[-1:] or [""]
    return f"{word[0]}." in title_abbreviations()


def _next_quote_mark(norm: str, pos: int) -> int:
    """The next quote mark from ``pos``, skipping nicknames (``Marcia "Cia" Price``)."""
    i = norm.find('"', pos)
    while i >= 0:
        m = _NICKNAME.match(norm, i)
        if m is None or not _NAME_BEFORE.search(norm, max(0, i - 40), i):
            return i
        i = norm.find('"', m.end())
    return i


_NICKNAME = re.compile(r'"[A-Z][\w.\'-]*(?: [A-Z][\w.\'-]*)?" (?=[A-Z])')
_NAME_BEFORE = re.compile(r"[A-Z][\w.]* $")


def _skip_space(norm: str, pos: int, stop: int) -> int:
    while pos < stop and norm[pos] in " ,":
        pos += 1
    return pos
