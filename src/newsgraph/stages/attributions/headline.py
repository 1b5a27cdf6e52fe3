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

from typing import Optional

from ..nlp import load_model

MIN_WORDS = 4
TITLE_CASE_SHARE = 0.7  # of a headline's words that start with a capital


def sentence_case_headline(doc):
    """The parse of the first line in sentence case, or None when it is not in title case."""
    text = _sentence_case(doc)
    return None if text is None else load_model()(text)


def _sentence_case(doc) -> Optional[str]:
    end = doc.text.find("\n")
    if end <= 0:
        return None
    words = [t for t in doc if t.idx < end and t.is_alpha]
    if len(words) < MIN_WORDS or sum(t.text[0].isupper() for t in words) \
            < TITLE_CASE_SHARE * len(words):
        return None
    lower, capital = _body_case(doc, end)
    chars = list(doc.text[:end])
    for t in words[1:]:
        word = t.lower_
        if t.text.isupper() and len(t) > 1:
            continue  # an acronym: "NATO", "U.N."
        if word in capital and word not in lower:
            continue  # the body writes it capitalised mid-sentence: a name
        if len(word) == len(t.text):
            chars[t.idx:t.idx + len(t.text)] = word
    return "".join(chars)


def _body_case(doc, start: int) -> tuple[set[str], set[str]]:
    """Words the body writes in lower case, and words it writes capitalised mid-sentence."""
    lower, capital = set(), set()
    for t in doc:
        if t.idx <= start or not t.is_alpha or t.is_sent_start:
            continue
        (capital if t.text[0].isupper() else lower).add(t.lower_)
    return lower, capital
