"""Name mentions the tagger missed: later bare surnames of the people found,
and names of two words or more (or acronyms) the article writes again.

"... wrote on X.Trump himself ...": the tokenizer glued the name to the
previous sentence, so no entity span covers it.  Searching the text for the
surnames of the people already found (one compiled pattern per article)
recovers such mentions; each goes to the namesake the article means at that
point (:func:`merge.choose_for_bare`).
"""

from __future__ import annotations

import bisect
import re

from ...model import NAME_AGAIN, Mention, Span
from . import candidates as cnd
from . import lexicon, merge

def char_range(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def surname_mentions(doc, text: str, people: list[merge.Group], cands: list[cnd.Cand],
                     also_covered: tuple = ()) -> dict[int, list[Mention]]:
    """Mentions of known surnames that no candidate covers, keyed by id(group).

    Surnames of people named in full (or named by surname more than once) are
    searched, with a case-sensitive
    whole-word pattern; a hit that is a whole token must be tagged PROPN (so a
    sentence-initial "Young" or "Rice" as a common word is left alone).
    """
    by_surname: dict[str, list[merge.Group]] = {}
    for p in people:
        if (p.given or len(p.cands) > 1) and len(p.surname) >= 3:
            form = _surname_form(p)
            if form:
                by_surname.setdefault(form, []).append(p)
    if not by_surname:
        return {}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(s) for s in sorted(by_surname, key=len, reverse=True)) + r")(?![\w-])")
    covered = sorted([char_range(doc, c.start, c.end) for c in cands] + list(also_covered))
    starts = [c[0] for c in covered]
    out: dict[int, list[Mention]] = {}
    for m in pattern.finditer(text):
        s, e = m.span()
        if is_covered(covered, starts, s, e):
            continue
        if not _name_like_hit(doc, text, s, e):
            continue
        tok = tok_at(doc, s)
        owners = by_surname[m.group()]
        if len(owners) > 1 and not any(c.start <= tok for p in owners for c in p.cands):
            continue  # before any of several namesakes is introduced: ambiguous
        owner = merge.choose_for_bare(owners, tok)
        out.setdefault(id(owner), []).append(Mention(Span.of(text, s, e), "name"))
    return out


def repeated_names(doc, text: str, groups: list[merge.Group], cands: list[cnd.Cand]
                   ) -> dict[int, list[Mention]]:
    """Other places where the article writes a name it uses, untagged, keyed by id(group).

    The tagger often names "the SEACOM cable" once and misses it the next time,
    or misses a full name once ("John Jenkin accused of ...").  Searched: the
    written forms of organisations and people of two words or more, and
    organisations' acronyms ("NYPD", "MENA"), case-sensitively on word
    boundaries; a form two entities share is left alone.  A hit must be proper
    nouns (an acronym may carry any tag: "the NYPD's statement")."""
    owners: dict[str, set[int]] = {}
    by_id = {}
    for g in groups:
        if g.label not in ("ORG", "PERSON"):
            continue
        by_id[id(g)] = g
        for c in g.cands:
            form = c.text.rstrip(".") if c.text.endswith(".") and " " not in c.text else c.text
            if c.end - c.start >= 2 or (g.label == "ORG" and _acronym(form)):
                owners.setdefault(form, set()).add(id(g))
    forms = [f for f, ids in owners.items() if len(ids) == 1]
    if not forms:
        return {}
    def proper(s: int, e: int, form: str) -> bool:
        span = doc.char_span(s, e)
        return span is not None and (_acronym(form) or all(
            t.pos_ == "PROPN" or t.is_punct for t in span))

    covered = [char_range(doc, c.start, c.end) for c in cands]
    return _untagged_hits(text, forms, owners, covered, proper, "name")


def names_again(doc, text: str, groups: list[merge.Group], taken: list[tuple[int, int]]
                ) -> dict[int, list[Mention]]:
    """Organisation names ("Varnholt") the article writes again untagged, keyed
    by id(group), as mentions of kind ``name_again``.

    Searched like :func:`repeated_names` (case-sensitive, on word boundaries; a form two
    entities share is left alone) after every other mention is found: a hit overlapping
    one of ``taken`` (the spans of all other mentions) is left alone, so nothing found
    before changes.  A hit must be used as a name (:func:`_name_like_hit`: a
    sentence-initial "Frontier" that the article also writes in lowercase is a common
    word).  Also searched, when no other form and no word of a person's name is written
    the same way: the distinctive end of a longer organisation name ("Sox", "Red Sox" of
    "Boston Red Sox"; not a generic last word such as "Council", and not right after
    another proper noun, where it ends some other name: "the Emmy Award"), and a longer
    name or its end in capitals within a line of capitals ("RED SOX" in a headline).
    One-word personal names are left to :func:`surname_mentions`, which knows
    namesakes.  Their own kind keeps them out of story keys, speaker candidates and
    events' actors, which were fitted without them (model.NAME_AGAIN)."""
    owners: dict[str, set[int]] = {}
    shorter: dict[str, set[int]] = {}  # short and capitalised forms of longer names
    blocked: set[str] = set()  # the words of people's names
    heads = lexicon.org_heads()
    for g in groups:
        if g.label not in ("ORG", "PERSON"):
            continue
        for c in g.cands:
            form = c.text.rstrip(".") if c.text.endswith(".") and " " not in c.text else c.text
            if g.label == "ORG" and c.end - c.start == 1 and _one_word_name(form):
                owners.setdefault(form, set()).add(id(g))
            else:  # a person's or a longer form that is also written as one word: shared
                owners.setdefault(form, set()).add(-id(g) - 1)
            words = form.split()
            if g.label == "PERSON":
                blocked.update(words)
                continue
            if len(words) >= 2:
                shorter.setdefault(form.upper(), set()).add(id(g))  # "RED SOX" in a headline
            if words[-1] in heads or not _one_word_name(words[-1]):
                continue
            for n in range(1, len(words)):  # the distinctive end: "Sox", "Red Sox"
                shorter.setdefault(" ".join(words[n:]), set()).add(id(g))
                shorter.setdefault(" ".join(words[n:]).upper(), set()).add(id(g))
    short_forms = {f for f, ids in shorter.items()
                   if f not in owners and f not in blocked and len(ids) == 1}
    owners.update((f, shorter[f]) for f in short_forms)
    forms = [f for f, ids in owners.items() if len(ids) == 1 and next(iter(ids)) >= 0]
    if not forms:
        return {}

    def accept(s: int, e: int, form: str) -> bool:
        if form in short_forms and form.isupper():
            return _in_capitals_line(text, s, e)
        if form in short_forms and _after_proper_noun(doc, s):
            return False  # part of another name ("the Emmy Award" / "Academy Award")
        if " " in form:
            span = doc.char_span(s, e)
            return span is not None and all(t.pos_ == "PROPN" for t in span)
        return _name_like_hit(doc, text, s, e)

    return _untagged_hits(text, forms, owners, taken, accept, NAME_AGAIN)


def _after_proper_noun(doc, s: int) -> bool:
    """Is the token right before character ``s`` a capitalised proper noun (so a hit
    there is the end of another name: "the Emmy Award" is no "Academy Award")?"""
    i = tok_at(doc, s)
    if i == 0 or doc[i].idx != s:
        return False
    prev = doc[i - 1]
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_space


def _in_capitals_line(text: str, s: int, e: int) -> bool:
    """Is the hit in a line written in capitals (a headline), where the tagger reads
    nothing as a name?"""
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    line = text[start:end if end >= 0 else len(text)]
    return not any(ch.islower() for ch in line)


def _untagged_hits(text: str, forms: list[str], owners: dict[str, set[int]], covered,
                   accept, kind: str) -> dict[int, list[Mention]]:
    """Mentions of ``kind`` at the non-overlapping whole-word hits of ``forms`` outside
    ``covered`` (character ranges) that ``accept(start, end, form)`` takes, keyed by the
    id of the form's one owner."""
    covered = sorted(covered)
    starts = [c[0] for c in covered]
    out: dict[int, list[Mention]] = {}
    last_end = -1
    for s, e, form in _find_words(text, forms):
        if s < last_end or is_covered(covered, starts, s, e) or not accept(s, e, form):
            continue
        last_end = e
        out.setdefault(next(iter(owners[form])), []).append(Mention(Span.of(text, s, e), kind))
    return out


def _one_word_name(form: str) -> bool:
    """A one-word name worth searching again: capitalised, three letters or more,
    not all capitals (acronyms have their own rule in :func:`repeated_names`)."""
    return len(form) >= 3 and form[:1].isupper() and form.isalpha() and not form.isupper()


def _find_words(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of the forms (no letter, digit, "_" or "-" on either
    side), by start, the longer first at one start.  ``str.find`` per form: a
    pattern of all forms would be compiled anew for every article."""
    hits = []
    for form in forms:
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if not (pos > 0 and _joins(text[pos - 1])) and \
                    not (end < len(text) and _joins(text[end])):
                hits.append((pos, end, form))
            pos = text.find(form, pos + 1)
    hits.sort(key=lambda h: (h[0], -h[1]))
    return hits


def _joins(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _acronym(word: str) -> bool:
    """Two to six capitals, nothing else ("NYPD", "MENA")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


_NOMINAL = frozenset({"PROPN", "NOUN", "ADJ", "X"})


def _name_like_hit(doc, text: str, s: int, e: int) -> bool:
    """Is this surname hit used as a name?  A whole token tagged PROPN is; one
    tagged NOUN/ADJ (the small tagger's usual slip on sentence-initial names)
    is only if the article never uses the word in lowercase ("Young", "Rice")."""
    span = doc.char_span(s, e)
    if span is None:
        return True  # glued to a neighbour ("X.Trump"): the tokenizer is at fault, not the word
    if len(span) != 1 or span[0].pos_ not in _NOMINAL:
        return False
    if span[0].pos_ == "PROPN":
        return True
    return text[s:e].lower() not in _lowercase_words(text)


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'-]*")
_LOWER_CACHE: list = [None, frozenset()]


def _lowercase_words(text: str) -> frozenset:
    """Words the text writes in lowercase, computed once per text."""
    if _LOWER_CACHE[0] is not text:
        _LOWER_CACHE[0] = text
        _LOWER_CACHE[1] = frozenset(_LOWER_WORD.findall(text))
    return _LOWER_CACHE[1]


def _surname_form(person: merge.Group) -> str:
    """The surname as written in the person's fullest mention (case matters for the search)."""
    best = max(person.cands, key=lambda c: len(c.text.split()))
    words = best.text.split()
    form = cnd.surname(words)
    return form if form[:1].isupper() else ""


def is_covered(covered: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_right(starts, s)
    for j in (i - 1, i):
        if 0 <= j < len(covered) and covered[j][0] < e and s < covered[j][1]:
            return True
    return False


def tok_at(doc, char: int) -> int:
    """Index of the token containing a character offset (binary search over token starts)."""
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo
