"""Normalise the text for parsing while keeping every offset valid.

The normalised copy has exactly the length of the original: curly and
typographic quote marks become straight ones, a doubled apostrophe used as a
quote mark becomes a straight double quote plus a space on the outer side, and
unusual spaces become plain spaces.  Because every replacement is one
character for one character, offsets into the parse are offsets into
``Article.text`` and no mapping table is needed.

It also refuses text that is not worth parsing: empty, or not English.
"""

from __future__ import annotations

import re

from ..errors import EmptyInputError, NotEnglishError
from ..pipeline import Analysis, stage

ORDER = 10

_ONE_FOR_ONE = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2039": "'", "\u203a": "'", "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u202f": " ", "\u2007": " ", "\u3000": " ", "\t": " ", "\u00ad": " ",
    "\u200b": " ", "\ufeff": " ",
})

# `` and '' (LaTeX / PTB style) and two apostrophes typed for a double quote.
_DOUBLED = re.compile(r"``|''")

# Common English function words: a cheap, dependency-free language check.
_ENGLISH_WORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had "
    "that this it its he she they we you i his her their our not will would said says".split())


def normalize_text(text: str) -> str:
    """Return a same-length copy of ``text`` that spaCy and the rule stages read well."""
    out = text.translate(_ONE_FOR_ONE)

    def doubled(m: re.Match) -> str:
        before = out[m.start() - 1] if m.start() > 0 else " "
        return ' "' if before.isspace() or before in "([{" else '" '

    out = _DOUBLED.sub(doubled, out)
    assert len(out) == len(text)
    return out


def english_share(text: str, sample_chars: int = 20000) -> float:
    """Share of the first words that are common English function words."""
    words = re.findall(r"[^\W\d_]+", text[:sample_chars].lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH_WORDS for w in words) / len(words)


def check_language(text: str) -> None:
    """Raise NotEnglishError unless the text reads as English.

    Running prose in English has 25-45% function words; below 8% (with enough
    words to judge) the text is another language, a table or a word list.
    """
    letters = sum(ch.isalpha() for ch in text[:20000])
    if letters == 0:
        raise EmptyInputError("no words in the text (only digits, punctuation or spaces)")
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text[:20000])
    if ascii_letters / letters < 0.5:
        raise NotEnglishError("text is not in English (mostly non-Latin letters); "
                              "newsgraph analyses English news only")
    words = re.findall(r"[^\W\d_]+", text[:20000])
    if len(words) >= 12 and english_share(text) < 0.08:
        raise NotEnglishError("text does not read as English (too few English function words); "
                              "newsgraph analyses English news only")


@stage("normalize", version="1.0", requires=("text",), assigns=("norm",), order=ORDER)
def normalize(analysis: Analysis) -> None:
    text = analysis.article.text
    if not text.strip():
        raise EmptyInputError("article text is empty")
    check_language(text)
    analysis.norm = normalize_text(text)
