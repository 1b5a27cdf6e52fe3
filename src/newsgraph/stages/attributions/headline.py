"""Headlines in title case, re-read in sentence case.

"Black Lawmakers Rip Senator As A Fraud" parses badly: the tagger takes every
capitalised word for part of a name, so "Rip" is no verb and the headline
offers no cue.  The same words in sentence case ("Black lawmakers rip Senator as
a fraud") parse like any sentence.  Which words to lower is read from the
article itself (truecasing): a word the body writes in lower case, or never
writes at all, is lowered; a word the body only writes capitalised
mid-sentence (a name) keeps its capital.  (spaCy's entity tags are no help
here: in title case it tags "Will Rebuild" as a person.)  Only letter case changes, so the
headline's parse has the article's character offsets.
"""

from __future__ import annotations

import re
from typing import Optional

from ..nlp import load_model

MIN_WORDS = 4
TITLE_CASE_SHARE = 0.7  # of a headline's words that start with a capital


def sentence_case_headline(doc, text: str):
    """The parse of the first line of ``doc`` (whose text is ``text``) in sentence case, or
    None when it is not in title case.

    The entity recogniser is skipped (it is half the cost of parsing a short
    line); the headline keeps the entities the article's own parse found there.
    """
    line = _sentence_case(doc, text)
    if line is None:
        return None
    title = load_model()(line, disable=["ner"])
    ents = [title.char_span(e.start_char, e.end_char, label=e.label_)
            for e in doc.ents if e.end_char <= len(line)]
    title.ents = [e for e in ents if e is not None]
    return title


def _sentence_case(doc, text: str) -> Optional[str]:
    end = text.find("\n")
    if end <= 0:
        return None
    words = [t for t in _first_tokens(doc, end) if t.is_alpha]
    if len(words) < MIN_WORDS or sum(t.text[0].isupper() for t in words) \
            < TITLE_CASE_SHARE * len(words):
        return None
    lower, capital = _body_case(text[end:])
    chars = list(text[:end])
    for t in words[1:]:
        word = t.lower_
        if t.text.isupper() and len(t) > 1:
            continue  # an acronym: "NATO", "U.N."
        if word in capital and word not in lower:
            continue  # the body writes it capitalised mid-sentence: a name
        if len(word) == len(t.text):
            chars[t.idx:t.idx + len(t.text)] = word
    return "".join(chars)


def _first_tokens(doc, end: int):
    """The tokens before character ``end``, without walking the whole document."""
    for tok in doc:
        if tok.idx >= end:
            return
        yield tok


def _body_case(body: str) -> tuple[set[str], set[str]]:
    """Words the body writes in lower case, and words it writes capitalised mid-sentence
    (after a lower-case word, a digit or a comma: not at a sentence start)."""
    lower = set(_LOWER_WORD.findall(body))
    capital = {w.lower() for w in _MID_CAPITAL.findall(body)}
    return lower, capital


_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019-]*\b")
_MID_CAPITAL = re.compile(r"(?<=[a-z0-9,;] )[A-Z][A-Za-z'\u2019-]*\b")


_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION_WORDS = frozenset("""the and for that this with from will would could should have has had
was were are his her its their they them not but who what when says said told""".split())
MIN_SHARED = 0.6  # of the headline claim's content words found in the body claim


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _FUNCTION_WORDS}


def credit_from_body(norm: str, atts: list, titles) -> None:
    """"Lohan lawyer says deal is close" over "Lindsay Lohan's lawyer, Mark Heller, said a
    deal was close": a headline credits its claim to a description (or to a title word the
    tagger took for a name: "Coach says ..."), and the body names who made it.  The
    headline's claim goes to the speaker of the body claim that holds most of its words."""
    end = norm.find("\n")
    if end <= 0:
        return
    body = [a for a in atts if a.content.start > end and a.speaker is not None]
    for att in atts:
        if att.content.start >= end or not _described(att, titles):
            continue
        words = _stems(att.content.text)
        if len(words) < 2:
            continue
        wanted = "named_person" if _names_a_person(att.source.text, titles) else "named_org"
        best, share = None, 0.0
        for other in body:
            if other.sourcing != wanted:
                continue  # "Popular Website Admits ..." is not the strategist quoted below
            s = len(words & _stems(other.content.text)) / len(words)
            if s > share:
                best, share = other, s
        if best is not None and share >= MIN_SHARED:
            att.speaker, att.speaker_name, att.sourcing = best.speaker, best.speaker_name, \
                best.sourcing
            att.speaker_reason = "headline: the speaker of the same claim in the body"
            att.speaker_confidence = None


PERSON_WORDS = frozenset("he she his her him".split())


def _names_a_person(source: str, titles) -> bool:
    """Whether a headline's source describes a person ("Lohan lawyer", "Coach", "His")
    rather than a body or a document ("Poll", "Popular Website")."""
    last = re.sub(r"['\u2019]s$", "", source.split()[-1].lower()).rstrip(".")
    return last in titles or last in PERSON_WORDS


def _described(att, titles) -> bool:
    """A headline source that names nobody: a description, or one title word ("Coach").
    Not a plural ("Black Lawmakers"): many are not the one the body quotes."""
    if att.source is None or att.source.text.endswith("s") and \
            not att.source.text.lower().endswith(("'s", "’s", "his")):
        return False
    if att.speaker is None:
        return True
    words = att.source.text.split()
    return len(words) == 1 and words[0].lower().strip(".") in titles
