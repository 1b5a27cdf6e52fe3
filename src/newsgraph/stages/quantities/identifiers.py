"""Numbers that identify rather than measure: the identifier filter of the quantities stage.

Two passes.  Before scanning, ``masked_spans`` blanks character spans whose every number
is part of a name: phone numbers, web and mail addresses, journal citations, reference marks
("[6][7]"), gallery counters ("Image 3 of 33") and chains of three or more digit groups (card and account numbers, ISO dates,
version numbers).  After
scanning, ``refuse`` drops a unit-less candidate by its context: years and spaCy's dates,
street numbers ("350 Fifth Avenue in", "the 300 block of Elm Street"), road names made of a
number and a unit word ("6 Mile Road"), numbers after a
label ("Game 6", "No. 2", "account ID is 4471", "case number 20931"), numbers to ring
("call 911"), shirt numbers in parentheses, and ages in apposition ("Jane Doe, 45, said").
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .nouns import DocIndex
from .scan import Cand, is_year
from .tokens import Toks

# Phone-number-like strings: 555-0123, (212) 555-0199, +44 20 7946 0958.
# Groups may be split by "|" or "/" as well ("317|262|8477"), and a vanity number ends in capitals
# ("317|262.TIPS", "1-800-FLOWERS", "(555) 262-TIPS").
PHONE_RE = re.compile(r"(?:\+\d{1,3}[ .|/-]?)?(?:\(\d{2,4}\)[ .|/-]?|\d{2,4}[ .|/-])\d{3}[ .|/-]\d{4}\b"
                      r"|\b\d{3}-\d{4}\b"
                      r"|\b0\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}\b"  # 07700 900123, 020 7946 0958
                      r"|(?:\b1[ .|/-]\d{3}|\(\d{3}\) ?\d{3}|\b\d{3}[.|/-]\d{3})[.|/-][A-Z]{4,8}\b(?![a-z])"
                      r"|\b\d{3,4}\|\d{3,4}(?:\|\d{2,4})*\b")  # any digit groups joined by "|"
# Web and mail addresses: every number in them is part of a name.
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
# Chains of three or more digit groups: card and account numbers, ISBNs, dates, versions, addresses.
ID_CHAIN_RE = re.compile(r"\b\d+(?:[-/.]\d+){2,}\b")
# Journal citations, volume(issue): first-last page: "Nature 512: 88-91", "12(3):45-67".
CITATION_RE = re.compile(r"\b\d{1,4}\s?(?:\(\d{1,5}\))?\s?:\s?\d{1,5}[-\u2013]\d{1,5}\b")
# Reference marks copied from encyclopaedias: "killed.[6][7]", "[note 2]", "[16]:87", "[16]:106-107".
REF_MARK_RE = re.compile(r"\[(?:note\s+)?\d{1,4}\](?::\s?\d{1,5}(?:[-\u2013]\d{1,5})?)?")
# A gallery's counter: "Image 3 of 33", "Photo 2 of / 12", "Slide 4 of 9".
GALLERY_RE = re.compile(r"\b(?:Image|Photo|Slide|Picture)\s+\d{1,3}\s+of\s+/?\s*\d{1,3}\b")

_ABBREV_LABELS = frozenset("no vol fig art sec ch pp p nos op ep pt".split())
_DIAL_VERBS = frozenset("dial dials dialed dialled dialing dialling call calls called calling text texted".split())
_NEVER_AFTER_CAP = frozenset("the a an in on at of for to by and or but with from as than about over "
                             "under nearly almost around some up down more less only just".split())


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans whose numbers identify rather than measure (phones, URLs, citations), in order."""
    spans = [(m.start(), m.end())
             for rx in (PHONE_RE, URL_RE, CITATION_RE, ID_CHAIN_RE, REF_MARK_RE, GALLERY_RE)
             for m in rx.finditer(text)]
    return sorted(spans)


def refuse(t: Toks, cand: Cand, lex: Lexicon, index: DocIndex) -> bool:
    """Numbers that name or date rather than measure: years, dates, 'Game 6', 'Smith, 45,'."""
    if cand.unit is not None and "tally" not in cand.flags:
        return _road_name(t, cand, lex)
    i = cand.num_start
    tok = index.covering(t.start[i])
    raw = t.text[i]
    if tok is not None and tok.ent_type_ in ("DATE", "TIME") and (raw.isalpha() or _date_like(raw)) \
            and "scaled" not in cand.flags:
        return True  # spaCy's date entities; a date part is a day or a year ("13176" is not), and
        # no date runs on to a scale word ("three quarters of a million" is read as "three quarters")
    if is_year(raw):
        return True
    if _street_number(t, cand, lex):
        return True
    if 0 < cand.first and t.text[cand.first - 1] == "(" and cand.end < len(t) and t.text[cand.end] == ")" \
            and "tally" not in cand.flags:
        return True  # "Dak Prescott (4)": a shirt number or a reference; "the Hawks (12-4)" is a record
    if cand.first > 0:
        prev, low = t.text[cand.first - 1], t.low[cand.first - 1]
        if low in lex.identifier_nouns and (not _sentence_start(t, cand.first - 1) or prev.islower()):
            # "(pages 221-240)": a lower-case noun after a bracket or quote starts no sentence
            return True
        if _named_identifier(t, cand, lex):
            return True
        if low in _DIAL_VERBS and raw.isdigit() and len(raw) >= 3:
            return True  # "call 911", "dial 999": a number to ring
        if prev == "." and cand.first >= 2 and t.low[cand.first - 2] in _ABBREV_LABELS:
            return True  # "No. 2", "Vol. 5", "Fig. 3"
        if prev[0].isalpha() and not prev.islower() and low not in _NEVER_AFTER_CAP and not _sentence_start(t, cand.first - 1) \
                and low not in lex.change_up and low not in lex.change_down \
                and not _score_after_team(t, cand, lex):
            return True
        if prev == "," and cand.end < len(t) and t.text[cand.end] in (",", ";", ".") and cand.first >= 2 \
                and t.text[cand.first - 2][0].isupper() and not cand.written:
            return True  # "Jane Doe, 45, said", "Jane Doe, 45; John Roe, 30.": an age in apposition
    return False


def _score_after_team(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'beat Pinecrest 104-99', 'defeated the Eagles 3-1': a score after the beaten team's
    name, not a number in a name ('Route 9')."""
    return "tally" in cand.flags and any(w in lex.score_verbs
                                         for w in t.low[max(cand.first - 5, 0):cand.first])


def _street_number(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'350 Fifth Avenue', '1200 N. Main St.', 'the 300 block of Elm Street': an address."""
    k, n = cand.end, len(t)
    if not t.text[cand.num_start].isdigit():
        return False
    if k + 2 < n and t.low[k] == "block" and t.low[k + 1] == "of" and t.text[k + 2][:1].isupper():
        return True  # the police-report address ("the 300 block of Elm Street")
    for j in range(k, min(k + 5, n)):
        word = t.text[j]
        if word == ".":
            continue
        if not word[:1].isupper():
            return False
        if j > k and t.low[j] in lex.street_words:
            after = j + 1 + (j + 1 < n and t.text[j + 1] == ".")
            # the name ends here ("350 Fifth Avenue in"), unlike "100 Wall Street banks", "St. Louis"
            if after >= n or not t.text[after][:1].isalpha() or t.low[after] in lex.not_counted:
                return True
    return False


def _road_name(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'6 Mile Road', 'near 7 Mile and Gratiot': a length unit written as part of a road's name.

    The unit word is capitalised mid-sentence and either a street word follows it, or it is
    singular after a number other than one in sentence-case text ('6 Mile', not '6 Miles').
    """
    k = cand.end - 1
    word = t.text[k]
    if k <= cand.num_start or len(word) <= 2 or not word[:1].isupper() or not word[1:].islower() or cand.unit.kind != "length":
        return False
    if cand.end < len(t) and t.low[cand.end] in lex.street_words:
        return True
    prev = cand.first - 1
    if prev < 0 or _sentence_start(t, prev + 1) or not t.text[prev].islower():
        return False  # a title-case headline ("Runner Covers 26 Mile Course") says nothing
    return cand.value != 1 and not word.endswith("s") and not t.attached(k)


def _named_identifier(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'account ID is 4471', 'case number: 20931': plain digits named as an identifier."""
    raw = t.text[cand.num_start]
    if not raw.isdigit() or cand.first != cand.num_start or cand.first < 2:
        return False
    k = cand.first - 1
    if t.low[k] in ("is", "was", ":", "#", "="):
        k -= 1
    noun = t.low[k]
    if noun in ("id", "ids", "pin", "zip", "postcode", "extension", "ext", "isbn", "issn", "doi"):
        return True
    # "number"/"code" only after a naming word: "case number 20931", not "the total number is 450"
    return noun in ("number", "code", "no") and k > 0 and t.is_word(k - 1) \
        and t.low[k - 1] not in lex.not_identifier_modifiers


def _sentence_start(t: Toks, k: int) -> bool:
    return k == 0 or t.text[k - 1] in (".", "!", "?", '"', "'", "(", "\u201c")


def _date_like(raw: str) -> bool:
    return raw.isdigit() and (int(raw) <= 31 or is_year(raw))
