"""Definite descriptions that can only mean one person of the article.

After "Finance Minister Lena Ortiz ...", a later "the minister" refers to her
when no other person introduced so far holds a title with that word.  The
description becomes a mention of kind ``description``.  Anything doubtful is
left alone: a title shared by two people, a capitalised modifier the role
does not contain ("the Russian president" when only the Ukrainian one was
named), a rank the description leaves out ("the president" is not the
"former President"), "the president of ..." (which names its own country),
or a description inside a role phrase.
"""

from __future__ import annotations

import bisect
import re

from ...model import Entity, Mention, Span
from . import lexicon

_THE = re.compile(r"\b[Tt]he\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?")
_NEXT = re.compile(r"\s+(?:of\b|[A-Z])")  # "the president of ...", "the President Joe Biden"
# Title words too vague to point at a person on their own ("the figure rose").
_VAGUE = frozenset({"figure", "member", "official", "head", "host", "partner", "owner", "player",
                    "father", "ally", "critic", "supporter", "opponent", "expert", "fellow",
                    "witness", "resident", "student", "observer", "monitor", "chief", "private",
                    "major", "principal", "press", "deputy", "delegate", "speaker", "leader",
                    "representative", "officer", "executive", "manager", "boss", "justice"})
_WORD = re.compile(r"[A-Za-z]+")
# Modifiers that do not change who a title points at.
_NEUTRAL = frozenset({"new", "embattled", "current", "veteran", "longtime", "top"})
_RANK_SUFFIXES = frozenset({"elect", "designate", "nominee"})  # "President-elect"
# Words that make a different office of a title ("former President", "Deputy Attorney General").
_RANKS = frozenset({"former", "ex", "deputy", "vice", "assistant", "associate", "acting",
                    "lieutenant", "under", "co", "then", "late", "interim", "first", "outgoing",
                    "incoming", "junior"})


def _role_words(entity: Entity) -> list[list[str]]:
    """Each role of a person as a list of lowercase words."""
    return [_WORD.findall(r.span.text.lower()) for r in entity.roles]


def _fits(desc: list[str], roles: list[list[str]]) -> bool:
    """Does the description ("president", "attorney general", "former president")
    name one of these roles?  The words must occur together in a role, and the
    role must not put a rank before them that the description leaves out: "the
    president" is not the "former President", "the attorney general" not the
    "Deputy Attorney General"."""
    n = len(desc)
    for words in roles:
        for i in range(len(words) - n + 1):
            if words[i:i + n] == desc and (i == 0 or words[i - 1] not in _RANKS) and (
                    i + n == len(words) or words[i + n] not in _RANK_SUFFIXES):
                return True
    return False


def add_descriptions(text: str, entities: list[Entity]) -> None:
    """Append unambiguous description mentions to the people in ``entities``."""
    people = [e for e in entities if e.label == "PERSON" and e.roles]
    if not people:
        return
    info = [(e, e.mentions[0].span.start, _role_words(e)) for e in people]
    taken = sorted((m.span.start, m.span.end) for e in entities for m in e.mentions)
    taken += [(r.span.start, r.span.end) for e in people for r in e.roles]
    taken.sort()
    taken_starts = [s for s, _ in taken]
    titles = lexicon.titles()
    for m in _THE.finditer(text):
        w1, w2 = m.group(1), m.group(2)
        if w2 is not None and w2.lower() in titles:
            mod, head, e = w1, w2.lower(), m.end(2)
        elif w1.lower() in titles:
            mod, head, e = None, w1.lower(), m.end(1)
        else:
            continue
        if head in _VAGUE or _NEXT.match(text, e):
            continue
        s = m.start()
        if _overlaps(taken, taken_starts, s, e):
            continue
        desc = [head] if mod is None or mod.lower() in _NEUTRAL else [mod.lower(), head]
        fits = [ent for ent, first, roles in info if first < s and _fits(desc, roles)]
        if len(fits) == 1:
            fits[0].mentions.append(Mention(Span.of(text, s, e), "description"))
    for ent in people:
        ent.mentions.sort(key=lambda x: x.span.start)


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap any of the sorted ``spans``?"""
    k = bisect.bisect_left(starts, e)
    for j in range(k - 1, -1, -1):
        if spans[j][1] > s:
            return True
        if starts[j] < s - 200:  # spans here are short; no need to look further back
            break
    return False
