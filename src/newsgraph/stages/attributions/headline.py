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
