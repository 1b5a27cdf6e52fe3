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

import json
import re
from pathlib import Path

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

# A long run of punctuation with no space in it.  spaCy's tokenizer strips prefixes and
# suffixes one at a time, re-slicing the rest each time, so 20,000 quote marks took 29 s
# and 10,000 brackets 7 s here (quadratic).  In the parsed copy such a run becomes spaces
# (same length, so offsets hold); no sentence is made of 32 punctuation marks in a row.
PUNCTUATION_RUN = 32
_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % PUNCTUATION_RUN)

# "Image 3 of 10 Relatives say ...": a photo gallery's counter opening a caption paragraph
# (pages of some newspaper groups).  Parsed, it joins the caption's subject ("Image 1 of 10
# Relatives") and "Image" became a speaker; in the parsed copy it becomes spaces.
_GALLERY_LABEL = re.compile(r"(?m)^[ \t]*(?:Image|Photo|Slide|Picture) \d{1,3} of \d{1,3}\b")

# A sentence quoted with single marks, as some British papers quote ('We are shocked,' she
# said.): the opening mark starts a word after a space or the paragraph's start and comes
# before a capital or a digit; the closing one follows the sentence's last punctuation and
# comes before a space.  Apostrophes inside words ("don't") may stand between; no other
# single mark may (so "the officers' cars" ends no quote).  Only in a paragraph with no
# double marks, where single ones cannot be quotes nested in a double-quoted one.
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=[\s(\[\u2014-]))'(?=[A-Z0-9])"
    r"(?:[^'\"\n]|(?<=\w)'(?=\w))*?[,.!?]'(?=\s|$)")


# Text printed one sentence per line opens a double quote on one line and closes it some
# lines down; single marks on the lines between are a quote inside it ("He scolded me,
# \n'You'll be sorry.'\nI wasn't."), not a British-style quote (the quote finder runs on
# as far: quotes.MAX_RUN_ON_LINES).
_OPEN_QUOTE_LINES = 12


def _single_quotes_to_double(out: str) -> str:
    """Single marks quoting a whole sentence become double ones (same offsets), so the
    quote finder and the parser read British-style quotes as they read American ones;
    not inside a double quote left open on an earlier line."""
    if "'" not in out:
        return out
    chars = list(out)
    pos = 0
    open_for = 0  # lines since a double quote was left open (one sentence per line)
    for para in out.split("\n"):
        if not para.strip():
            open_for = 0  # a blank line: a real paragraph break
        elif para.count('"') % 2:
            open_for = 0 if open_for else 1
        elif open_for:
            open_for = 0 if open_for > _OPEN_QUOTE_LINES else open_for + 1
        if '"' not in para and "'" in para and not open_for:
            for m in _SINGLE_QUOTED.finditer(para):
                if _title_case(m.group()):
                    continue  # a headline's or subhead's 'Words In Capitals': left as written
                chars[pos + m.start()] = '"'
                chars[pos + m.end() - 1] = '"'
        pos += len(para) + 1
    return "".join(chars)


def _title_case(words: str) -> bool:
    """Every word of three letters or more capitalised, short function words aside, and
    two such words at least."""
    long = [w for w in re.findall(r"[^\W\d_][\w']*", words)
            if len(w) >= 3 and w not in _TITLE_CASE_MINOR]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


_TITLE_CASE_MINOR = frozenset(("the", "and", "for", "but", "nor", "yet", "with", "from", "into",
                               "onto", "over", "off", "out", "via", "than"))


def _function_words() -> tuple[frozenset, frozenset]:
    data = json.loads((Path(__file__).parents[1] / "lexicons" / "function_words.json")
                      .read_text(encoding="utf-8"))
    return frozenset(data["english"]), frozenset(data["other"])


# Function words: a cheap, dependency-free language check.
_ENGLISH_WORDS, _OTHER_WORDS = _function_words()


def normalize_text(text: str) -> str:
    """Return a same-length copy of ``text`` that spaCy and the rule stages read well."""
    out = text.translate(_ONE_FOR_ONE)

    def doubled(m: re.Match) -> str:
        before = out[m.start() - 1] if m.start() > 0 else " "
        return ' "' if before.isspace() or before in "([{" else '" '

    out = _DOUBLED.sub(doubled, out)
    out = _single_quotes_to_double(out)
    out = _PUNCT_RUN.sub(lambda m: " " * len(m.group()), out)
    out = _GALLERY_LABEL.sub(lambda m: " " * len(m.group()), out)
    assert len(out) == len(text)
    return out


def function_word_shares(text: str, sample_chars: int = 20000) -> tuple[float, float]:
    """Shares of the first words that are English / other-language function words."""
    words = re.findall(r"[^\W\d_]+", text[:sample_chars].lower())
    if not words:
        return 0.0, 0.0
    return (sum(w in _ENGLISH_WORDS for w in words) / len(words),
            sum(w in _OTHER_WORDS for w in words) / len(words))


def check_language(text: str) -> None:
    """Raise NotEnglishError unless the text reads as English.

    Running prose in English has 25-45% function words.  Below 8% the text is
    another language, a table or a word list, when there are enough words to
    judge (30).  Any text where another language's function words outnumber the
    English ones is refused; a short English sentence with few function words
    (a headline-like report) is not.
    """
    letters = sum(ch.isalpha() for ch in text[:20000])
    if letters == 0:
        raise EmptyInputError("no words in the text (only digits, punctuation or spaces)")
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text[:20000])
    if ascii_letters / letters < 0.5:
        raise NotEnglishError("text is not in English (mostly non-Latin letters); "
                              "newsgraph analyses English news only")
    words = re.findall(r"[^\W\d_]+", text[:20000])
    english, other = function_word_shares(text)
    foreign = len(words) >= 5 and other > english and other >= 0.1
    if foreign or (len(words) >= 30 and english < 0.08):
        raise NotEnglishError("text does not read as English (too few English function words); "
                              "newsgraph analyses English news only")


@stage("normalize", version="1.3", requires=("text",), assigns=("norm",), order=ORDER)
def normalize(analysis: Analysis) -> None:
    text = analysis.article.text
    if not text.strip():
        raise EmptyInputError("article text is empty")
    check_language(text)
    analysis.norm = normalize_text(text)
