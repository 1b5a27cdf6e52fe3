"""Time words that are part of a proper name: "Russia Today", "The Daily Beast", "Theresa May".

Words such as "today", "now" or "daily" are written in lower case in running text;
capitalised in mid-sentence next to another capitalised word they belong to the
name of a channel, programme or publication.  A month name without a day or year
right after a capitalised word that is no preposition ("Prime Minister Theresa
May") is a surname.  Sentence-initial words are left alone ("Today the court..."); a day word ("today",
"tonight") capitalised mid-sentence in sentence-case text is a programme ("appeared on
Today"), in a title-case headline it says nothing.
"""

from __future__ import annotations

import re

from .lexicon import lexicon

_PREV_WORD = re.compile(r"(?P<word>[A-Za-z][\w.&'-]*)[ \t]+$")
_NEXT_CAP = re.compile(r"[ \t]+[A-Z][a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"'(\[\n\u2014-])\s*$")
_LOWER = re.compile(r"[a-z]")
_LETTER = re.compile(r"[A-Za-z]")
_QUOTED_TITLE = re.compile(r"[,.]?['\"]")
# "the March of the Combatant Mothers", "the March for Our Lives", "March on Washington": a
# capitalised month noun after "the" with a name after it is an event, not the month ("in
# March of the next year" keeps its date).
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+[\"'\u201c`]*$")
_EVENT_OF = re.compile(r"[ \t]+(?:of|for|on|against)[ \t]+(?:the[ \t]+|[Oo]ur[ \t]+)?[A-Z][a-z]")
_FUNCTION = frozenset("in on at by of for from to since until till during through last next "
                      "this early late mid before after and or but the a an as every each "
                      "that than".split())
LOWER_KINDS = frozenset({"relday", "present", "past", "future", "setword"})


def _prev_capitalised(norm: str, start: int) -> bool:
    """True when the word before ``start`` is capitalised and does not start a sentence."""
    before = norm[max(0, start - 40):start]
    m = _PREV_WORD.search(before)
    if not m:
        return False
    word = m.group("word")
    if not word[:1].isupper() or word.endswith("."):
        return False
    lex = lexicon()
    low = word.lower()
    if low in _FUNCTION or low in lex["months"] or low in lex["weekdays"]:
        return low == "the" and not _SENTENCE_START.search(before[:m.start()])
    return True


def _line_start(norm: str, start: int) -> bool:
    """True when nothing but marks precede ``start`` on its line: "• Today the council",
    "2) Tomorrow ...": a list item begins a sentence whatever its bullet."""
    return not _LETTER.search(norm, _line_begin(norm, start), start)


def _line_begin(norm: str, at: int) -> int:
    return norm.rfind("\n", 0, at) + 1


def _title_case(norm: str, start: int, end: int) -> bool:
    """True when the line around [start, end) is written in title case (a headline), where
    capitals say nothing: most of its longer words begin with a capital."""
    line_start = _line_begin(norm, start)
    line_end = norm.find("\n", end)
    line = norm[line_start:line_end if line_end >= 0 else len(norm)]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", line) if len(w) > 3]
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 5 and capitals >= 0.6 * len(words)  # fewer: names can fill a line


def _event_name(norm: str, start: int, end: int) -> bool:
    """"the March of the Combatant Mothers": "the", the month, then "of"/"for" and a name."""
    return bool(_EVENT_OF.match(norm, end)) \
        and bool(_THE_BEFORE.search(norm, max(0, start - 8), start))


def in_name(norm: str, start: int, end: int, kind: str, bare_month: bool) -> bool:
    """Whether the candidate [start, end) is part of a proper name rather than a time."""
    first = norm[start:end].split(None, 1)[0] if end > start else ""
    if not first[:1].isupper():
        return False
    if first.isupper() and not _LOWER.search(norm, max(0, start - 30), min(len(norm), end + 30)):
        return False  # an all-caps headline: no evidence either way ("USA TODAY" in text is)
    if kind in LOWER_KINDS:
        if _QUOTED_TITLE.match(norm, end) and norm[max(0, start - 1):start] in ('"', "'") \
                and _LOWER.search(norm, max(0, start - 12), start):
            return True  # the "Today" show: a capitalised time word quoted on its own
        if kind == "setword" and _NEXT_CAP.match(norm, end):
            return True  # "Daily Mail", "Nightly News": a title even at a sentence start
        if _SENTENCE_START.search(norm[max(0, start - 3):start]) or _line_start(norm, start):
            return False
        if _title_case(norm, start, end):
            return False  # "Suspect Arrested Today In Dallas": capitals say nothing
        if _prev_capitalised(norm, start) or _NEXT_CAP.match(norm, end):
            return True
        return kind == "relday"  # "appeared on Today": capitalised mid-sentence, a programme
    if kind == "month" and bare_month:
        return _prev_capitalised(norm, start) or _event_name(norm, start, end)
    return False
