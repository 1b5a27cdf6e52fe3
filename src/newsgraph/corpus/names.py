"""Name normalisation and matching keys for corpus entities.

Linking the same person, organisation or place across articles starts from their names,
and outlets write one name many ways: with or without diacritics ("Núñez"/"Nunez"),
titles ("President", "Dr."), possessives ("Obama's"), and, for names transliterated
from another alphabet, different spelling conventions ("Kandinsky", "Kandinskiy",
"Kandinskyy", German "Kandinskij").  This module turns a name into

- :func:`tokens`: the cleaned, folded words of the name (titles, honorifics, possessives,
  punctuation and generational suffixes removed);
- :func:`sound_key`: a transliteration-folding key of one word, under which those
  spelling variants collide (it is a *blocking* key: collisions are then checked by the
  linker with the given names, fuzzy ratios and context, so it may over-merge a little);
- :func:`person_key`: (given-name keys, surname key) of a person's name;
- :func:`org_key`, :func:`org_head` and :func:`acronym`: an organisation's folded name
  without legal suffixes, its last word, and its initials ("Federal Bureau of
  Investigation" -> "fbi"), so "FBI" meets its expansion.

Nothing here knows particular names: every rule is about how names are written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.fuzz import ratio

# Letters NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
                          "þ": "th", "ð": "d", "’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPLIT = re.compile(r"[^\w'.-]+|(?<=\.)(?=\w)")  # spaces/punctuation; "J.R." -> "J.", "R."
# Generational and degree suffixes: part of how a name is written, not who it is.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Legal-form words dropped from organisation names ("Microsoft Corp." = "Microsoft").
ORG_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "llp",
                          "lp", "ag", "sa", "nv", "gmbh", "limited", "incorporated", "company"})
# Words skipped when taking an organisation's initials ("Bureau *of* Investigation").
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&",
                           "de", "du", "des", "la", "le", "der", "die", "und"})
_ARTICLES = frozenset({"the", "a", "an"})


def fold(text: str) -> str:
    """Lower case without diacritics: 'José Núñez' -> 'jose nunez', 'Łódź' -> 'lodz'.

    Used on names and on whole article bodies (stories), so ASCII text takes a fast path."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    # the marks are looked for among the distinct characters: a body is mostly ASCII
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return (decomposed.translate(marks) if marks else decomposed).lower()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Titles and honorifics from the entity stage's lexicons (one source of truth)."""
    from ..stages.entities.lexicon import honorifics, titles

    return titles() | honorifics()


@lru_cache(maxsize=65536)
def raw_words(name: str) -> tuple[str, ...]:
    """Folded words of a name, punctuation and possessives removed, hyphens kept.

    "Dr. Sanjay Gupta's" -> ["dr", "sanjay", "gupta"]; "U.S." -> ["u", "s"] (dots
    separate initials so "J.R. Smith" and "J. R. Smith" agree).
    """
    out = []
    for piece in _SPLIT.split(fold(name)):
        piece = _POSSESSIVE.sub("", piece.strip("'.-_"))
        piece = piece.strip("'.-_")
        if piece and any(c.isalnum() for c in piece):
            out.append(piece)
    return tuple(out)


def tokens(name: str) -> list[str]:
    """A person's or organisation's name words without leading titles or trailing suffixes.

    Titles are stripped from the front only while a name remains ("President Obama" ->
    ["obama"], but "Prince" alone stays ["prince"]), because a title word can also be a
    name; "Jr."/"III" are dropped from the end for the same reason of form.
    """
    words = list(raw_words(name))
    titles = _title_words()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return words


# Transliteration folding, applied in order to one folded word.  Each rule merges
# spellings that different romanisation conventions (English, German, French, ISO)
# produce for the same sound; none is specific to any name.
_SOUND_RULES = [
    (re.compile(r"tsch"), "ch"),  # German Tsch- = English Ch-
    (re.compile(r"sch"), "sh"),  # German Sch- = English Sh-
    (re.compile(r"x"), "ks"),  # Alexander = Aleksander
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),  # Wladimir = Vladimir
    (re.compile(r"j"), "y"),  # Kandinskij = Kandinskiy, Jurij = Yuriy
    (re.compile(r"z"), "s"),  # German Sacharowa = Zakharova
    (re.compile(r"k"), "c"),  # Aleksandr = Alecsandr; -ski = -sci
    (re.compile(r"q"), "c"),
    (re.compile(r"y"), "i"),  # -sky/-skiy/-skyy/-ski all end in vowel runs of i
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Kandinskyy = Kandinsky
]


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """Transliteration-folding key of one word.

    'Kandinsky', 'Kandinskiy', 'Kandinskyy', 'Kandinski' and 'Kandinskij' all give
    'candinsci'; 'Zakharova'/'Sacharowa' give 'sacharova', 'Vladimir'/'Wladimir' 'vladimir'.  Initials go through the same rules, so
    "J." stays the initial of "John" ('i').
    """
    word = fold(word).replace("-", "").replace("'", "")
    for pattern, repl in _SOUND_RULES:
        word = pattern.sub(repl, word)
    # Vowel runs ending a word ("-ii", "-ie", "-iy" -> "-i") are spelling, not sound.
    word = re.sub(r"i[ie]?$", "i", word)
    return word


def person_key(name: str) -> tuple[tuple[str, ...], str]:
    """(given-name sound keys, surname sound key) of a person's name.

    The surname is the last word; a hyphenated surname also keys on its last part so that
    "Ann Smith-Cole" can be found under "cole".  A single-word name has no given names.
    """
    words = tokens(name)
    if not words:
        return (), ""
    return tuple(sound_key(w) for w in words[:-1]), sound_key(words[-1])


def given_match(a: str, b: str) -> bool:
    """Do two given-name keys name the same person?  Equal, or an initial of the other.

    Fuzzy ratio >= 85 covers spelling variants the sound key misses ("Mohammed"/
    "Muhammad" collide through it only partly).
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return min(len(a), len(b)) >= 4 and ratio(a, b) >= 85


def givens_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two given-name lists are compatible when some word of one matches some word of the
    other ("W. Mark Felt" and "Mark Felt"), or either is empty (a bare surname)."""
    if not a or not b:
        return True
    return any(given_match(x, y) for x in a for y in b)


def org_words(name: str) -> list[str]:
    """An organisation's words without a leading article or trailing legal form."""
    words = list(raw_words(name))
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in ORG_SUFFIXES:
        words = words[:-1]
    return words


def org_key(name: str) -> str:
    """Folded organisation name: 'The Microsoft Corp.' -> 'microsoft', 'U.S. Navy' -> 'us navy'.

    Single-letter runs are joined so "U.S." and "US" agree.
    """
    out: list[str] = []
    previous_initial = False
    for w in org_words(name):
        initial = len(w) == 1
        if initial and previous_initial:
            out[-1] += w
        else:
            out.append(w)
        previous_initial = initial
    return " ".join(sound_key(w) if len(w) > 3 else w for w in out)


def org_head(name: str) -> str:
    """The last word of an organisation's name: 'Indianapolis Colts' -> 'colts'."""
    words = org_words(name)
    return words[-1] if words else ""


def acronym(name: str) -> str:
    """Initials of a multi-word organisation name, or "" for one word.

    'Federal Bureau of Investigation' -> 'fbi'; function words are skipped, as acronyms
    usually skip them.
    """
    words = [w for w in org_words(name) if w not in _ACRONYM_SKIP]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words)


def as_acronym(name: str) -> str:
    """The name itself as an acronym when it is written as one ("FBI", "F.B.I.", "IBF"),
    else ""."""
    letters = re.sub(r"[.\s]", "", name.strip())
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return fold(letters)
    return ""
