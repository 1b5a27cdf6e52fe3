"""Credits at the end of a sentence, read on the surface when the parse breaks them.

News puts the source last: "A man was shot and three others were wounded, police said
today", "He was convicted in 2006, court records show".  The indirect pass reads cues from
the parse, and on a long lede or a document tail the small model often breaks the frame
("said" parsed as a conjunct of the first clause; "court records show" with "records" a
compound and no subject), so nothing was offered: the seed-101 audit missed both ledes
that ended so, and three claims credited to records.  The frame is plain on the surface,
so it is read there, for sentences whose clause no other candidate holds:

    <clause> , <noun phrase> <verb> [when] .

The noun phrase is at most :data:`MAX_SOURCE_WORDS` words with no verb, ending in a noun
or a name; the verb (after "has"/"have" at most: "a new study has found") reports speech
(say, state, confirm, ...), or, after a document noun (``lexicons/attribution_media.txt``),
gives evidence (show, indicate, reveal, find); "when" is at most a few words of date or
time ("today", "on Monday", "late Sunday").
"""

from __future__ import annotations

from .direct import Candidate
from .lexicon import media_words
from .syntax import trim

SAYING = frozenset(("say", "state", "confirm", "report", "announce", "add", "allege", "explain",
                    "write"))
EVIDENCE = frozenset(("show", "indicate", "reveal", "suggest", "state", "say", "confirm", "find"))
SOURCE_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"))  # a source's words
_WHEN_WORDS = frozenset(("on", "late", "early", "this", "last", "today", "tonight", "yesterday"))
MAX_SOURCE_WORDS = 8
MAX_WHEN_WORDS = 4


def tail_frames(analysis, kept: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence ending in a source frame whose clause no kept candidate
    holds already."""
    doc = analysis.doc
    out = []
    for sent in doc.sents:
        frame = _tail(sent)
        if frame is None:
            continue
        comma, source, verb = frame
        a, b = trim(doc, _after_dateline(sent), comma)
        if b - a < 3 or not _clause_like(doc[a:b]):
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if any(_covers(c, start, end) or c.cue and c.cue[0] >= end and
               c.cue[0] < sent.end_char for c in kept):
            continue  # already read: a cue in the tail, or this clause as someone's content
        out.append(Candidate("indirect", (start, end),
                             (verb.idx, verb.idx + len(verb.text)), verb.i, source))
    return out


def _covers(c: Candidate, start: int, end: int) -> bool:
    """``c``'s content holds at least half of start..end (a cue inside the clause, "who
    were told to leave", reports something nested in it and does not count)."""
    inter = min(end, c.content[1]) - max(start, c.content[0])
    return inter >= (end - start) / 2


def _tail(sent):
    """(comma index, source token range, verb token) when ``sent`` ends with
    ", <source> <verb> [when]." else None."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 6 or toks[-1].text not in (".", "!"):
        return None
    j = len(toks) - 2
    when = 0
    while j > 0 and when < MAX_WHEN_WORDS and (toks[j].ent_type_ in ("DATE", "TIME")
                                             or toks[j].lower_ in _WHEN_WORDS):
        j, when = j - 1, when + 1
    verb = toks[j]
    perfect = toks[j - 1].lemma_.lower() == "have" and toks[j - 1].pos_ == "AUX"
    if perfect:
        j -= 1  # "a new study has found"
    elif verb.tag_ == "VBN":
        return None  # "under a plan announced Tuesday": a participle, no frame
    noun = toks[j - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    document = media_words().get(noun.lower_) == "document" or \
        media_words().get(noun.lemma_.lower()) == "document"
    if verb.lemma_.lower() not in (EVIDENCE if document else SAYING) or \
            verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "NNS", "NN"):  # "shows" may be read as a noun
        return None
    i = j - 2
    while i >= 0 and j - 1 - i < MAX_SOURCE_WORDS and toks[i].text != "," and \
            (toks[i].pos_ in SOURCE_POS or toks[i].tag_ == "POS"):
        i -= 1
    if i < 1 or toks[i].text != ",":
        return None
    return toks[i].i, (toks[i + 1].i, noun.i + 1), verb


def _clause_like(span) -> bool:
    """Opens like a sentence and holds a verb: not a fragment a split left behind
    ("... 12th Ave. | around 6:15 p.m., officials said.")."""
    first = span[0].text.lstrip("\"\u201c'")
    return bool(first) and (first[0].isupper() or first[0].isdigit()) and \
        any(t.pos_ in ("VERB", "AUX") for t in span)


def _after_dateline(sent) -> int:
    """Index of the first token after a dateline ("WILLOWBROOK - A man was ...")."""
    for k, tok in enumerate(sent[:6]):
        if tok.text in ("-", "\u2014", "\u2013", "--") and k > 0 and \
                all(t.text.isupper() or t.is_punct for t in sent[:k]):
            return tok.i + 1
    return sent.start
