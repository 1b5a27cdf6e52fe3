"""Group name mentions into entities within one article.

People: a mention joins an earlier person when the surnames agree and the
given names do not conflict ("Biden" / "Joe Biden" / "President Joe Biden";
"V. Putin" / "Vladimir Putin"); a bare surname shared by several people goes to
the one mentioned most recently, so "Hillary Clinton ... Bill Clinton ...
Clinton" attaches the last "Clinton" to Bill, while "Hillary Clinton" and "Bill
Clinton" stay two people.  A bare name seen before any full name is upgraded
when the full name comes.  The canonical name is the fullest personal name.

Other entities merge on their normalised text (case, periods and "the"
ignored; a group's plural joins its singular: "Ukrainian" / "Ukrainians").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from . import lexicon
from .candidates import Cand, surname


@dataclass
class Group:
    """An entity under construction."""

    label: str
    cands: list[Cand] = field(default_factory=list)
    last: int = -1  # token index of the latest mention, for recency
    surname: str = ""
    given: list[str] = field(default_factory=list)
    gender: str = ""
    titles: set = field(default_factory=set)  # title words written before its names

    bare_starts: list[int] = field(default_factory=list)  # mentions by the bare surname

    starts: list[int] = field(default_factory=list)  # mention starts, in text order for people

    def add(self, cand: Cand) -> None:
        self.cands.append(cand)
        self.starts.append(cand.start)
        self.last = max(self.last, cand.start)
        if self.surname and cand.text.lower() == self.surname:
            self.bare_starts.append(cand.start)

    def rename(self, surname: str) -> None:
        """A first name used alone turned out to belong to a full name with this surname."""
        self.surname = surname
        self.bare_starts = [c.start for c in self.cands if c.text.lower() == surname]


def person_parts(text: str) -> tuple[str, list[str]]:
    """(surname, given names) of a personal name, compared case-insensitively."""
    tokens = text.split()
    last = surname(tokens)
    given = tokens[:tokens.index(last)] if last in tokens else tokens[:-1]
    return last.lower(), [g.lower() for g in given]


def _is_suffix(short: list[str], full: list[str]) -> bool:
    """``short`` is a proper tail of ``full``, two words or more ("suu kyi", "aung san suu kyi")."""
    return 2 <= len(short) < len(full) and full[-len(short):] == short


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree when either is absent, or the first ones match or one is an initial."""
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[:1] == y[:1]
    return False


def group_people(cands: list[Cand]) -> list[Group]:
    """Merge PERSON candidates (in text order) into people."""
    people: list[Group] = []
    for cand in cands:
        last, given = person_parts(cand.text)
        target = _match_person(people, last, given, cand.gender, cand.title)
        if target is None:
            target = Group("PERSON", surname=last, given=given)
            people.append(target)
        elif len(given) > len(target.given):
            target.given = given
        target.add(cand)
        target.gender = target.gender or cand.gender
        if cand.title:
            target.titles.add(cand.title)
    return people


_REGNAL_TITLES = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "sultan",
                            "emir", "sheikh", "pope", "crown", "monarch", "regent"})

MAX_BARE_BEFORE_FULL = 3
"""A bare surname used more often than this before a full name is someone else:
an article calling the president "Mr. Obama" throughout and later naming
"Michelle Obama" has two people, while a lede's "Trump" before "Donald Trump"
is one."""


def _match_person(people: list[Group], last: str, given: list[str], gender: str, title: str
                  ) -> Group | None:
    """The person a mention with this surname and these given names refers to.

    A bare surname written with a title the person was never given ("Senator
    Park" after "Governor Ann Park") is someone else; a royal or religious title
    is followed by a given or regnal name, not a surname, so "King Hussein" is
    not "Saddam Hussein" either.  When some namesake was given that title before,
    the titled mention is theirs ("President Clinton" after "former President Bill
    Clinton", even where "Clinton" alone means Hillary)."""
    if title and not given:
        titled = [p for p in people if title in p.titles]
        people = titled or [p for p in people if not p.titles and title not in _REGNAL_TITLES]
    elif given:
        # "King Omar" is not the "Omar" of a later "Omar Haddad"
        people = [p for p in people if p.given or title in p.titles
                  or not (p.titles & _REGNAL_TITLES)]
    if given:
        # a multi-word surname written alone ("Suu Kyi", "Wasserman Schultz", "de Blasio")
        words = given + [last]
        for p in sorted(people, key=lambda p: -p.last):
            full = p.given + [p.surname]
            if _is_suffix(words, full) or _is_suffix(full, words):
                return p
    same = [p for p in people if p.surname == last and _given_compatible(p.given, given)
            and not (gender and p.gender and gender != p.gender)]
    if not given and not same:
        # a lone first name ("Hillary") after the full name
        same = [p for p in people if p.given and p.given[0] == last]
    if given and not same:
        # a first name used alone before the full name ("Melania ... Melania Trump")
        same = [p for p in people if not p.given and p.surname == given[0]
                and not (gender and p.gender and gender != p.gender)]
        if same:
            target = max(same, key=lambda p: p.last)
            target.rename(last)
            return target
    if not same:
        return None
    full = [p for p in same if p.given]
    bare = [p for p in same if not p.given]
    if given:
        if full:
            return max(full, key=lambda p: p.last)
        bare = [p for p in bare if len(p.cands) <= MAX_BARE_BEFORE_FULL]
        return max(bare, key=lambda p: p.last) if bare else None
    return choose_for_bare(bare + full)


def choose_for_bare(people: list[Group], tok: int = 10**9) -> Group:
    """Which of several people sharing a surname a bare surname at token ``tok`` means.

    A person the text already calls by the bare surname (only that, or after
    the full name) is meant again: once "Cruz" is Ted Cruz, a later "Cruz"
    stays his even after "Heidi Cruz" is mentioned.  Otherwise the person
    named most recently before ``tok``.  Binary search over each person's
    mention starts keeps this cheap on long articles."""
    def latest(starts: list[int]) -> int:
        k = bisect.bisect_right(starts, tok)
        return starts[k - 1] if k else -1

    scored = []
    for n, p in enumerate(people):
        scored.append((latest(p.bare_starts) >= 0, latest(p.starts), -n, p))
    return max(scored, key=lambda t: t[:3])[3]


def group_others(cands: list[Cand]) -> list[Group]:
    """Merge non-person candidates on their normalised name, then short forms into full ones."""
    by_key: dict[str, Group] = {}
    groups: list[Group] = []
    for cand in cands:
        k = cand.key()
        group = by_key.get(k)
        if group is None and cand.label == "NORP":
            group = by_key.get(k[:-1] if k.endswith("s") else k + "s")
        if group is None:
            group = Group(cand.label)
            groups.append(group)
            by_key[k] = group
        group.add(cand)
    return _merge_short_forms(groups)


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def initials(name: str) -> str:
    """"North Atlantic Treaty Organization" -> "nato"; "United States" -> "us"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _short_form_of(short: Group, full: Group) -> bool:
    """True when ``short`` is an acronym of ``full``, or (for organisations) its
    distinctive first word or its generic last word ("Hofstra" / "Hofstra
    University", "Council" / "Security Council")."""
    s = short.cands[0].text
    if full.label not in ("ORG", "GPE") or short.label not in ("ORG", "GPE"):
        return False
    f_words = full.cands[0].text.split()
    if len(f_words) < 2:
        return False
    if s.isupper() and s.replace(".", "").isalpha() and short.cands[0].key() == initials(
            full.cands[0].text):
        return True
    if short.label != "ORG" or full.label != "ORG":
        return False
    s_words = s.split()
    if len(s_words) >= len(f_words):
        return False
    if len(s_words) > 1:  # "Intelligence Committee" of "House Intelligence Committee"
        return f_words[-len(s_words):] == s_words and s_words[-1] in lexicon.org_heads()
    return s == f_words[0] or (s == f_words[-1] and s in lexicon.org_heads())


def _host_keys(name: str) -> list[tuple]:
    """Lookup keys under which a full name can be found from its short forms."""
    words = name.split()
    keys = [("acr", initials(name)), ("word", words[0]), ("word", words[-1])]
    keys += [("tail", tuple(words[-n:])) for n in range(2, len(words))]
    return keys


def _short_keys(cand: Cand) -> list[tuple]:
    """Keys a possible short form looks its full name up by (see :func:`_host_keys`)."""
    words = cand.text.split()
    if len(words) == 1:
        return [("acr", cand.key()), ("word", words[0])]
    return [("tail", tuple(words))]


def _merge_short_forms(groups: list[Group]) -> list[Group]:
    """Fold one-word forms and acronyms into the full name they abbreviate.

    A short form matching several full names goes to the one mentioned last
    before it (or first, when it comes before them all)."""
    fulls = [g for g in groups if len(g.cands[0].text.split()) >= 2]
    if not fulls:
        return groups
    index: dict[tuple, list[Group]] = {}
    for f in fulls:
        for k in _host_keys(f.cands[0].text):
            index.setdefault(k, []).append(f)
    out = []
    merged: set[int] = set()
    for g in groups:
        maybe = {id(f): f for k in _short_keys(g.cands[0]) for f in index.get(k, ())}
        hosts = [f for f in maybe.values()
                 if f is not g and id(f) not in merged and _short_form_of(g, f)]
        if not hosts:
            out.append(g)
            continue
        first = g.cands[0].start
        before = [h for h in hosts if h.cands[0].start < first]
        host = max(before, key=lambda h: h.cands[0].start) if before else \
            min(hosts, key=lambda h: h.cands[0].start)
        merged.add(id(g))
        for c in g.cands:
            host.add(c)
        host.cands.sort(key=lambda c: c.start)
    return out


def canonical_name(group: Group) -> str:
    """The fullest name among the mentions: most words, then most letters, then first."""
    best = None
    best_score = None
    for cand in group.cands:
        words = cand.text.split()
        if group.label == "PERSON":
            score = (len(words), sum(len(w.rstrip(".")) for w in words))
        elif group.label == "NORP":
            score = (0, 0)  # the first form ("Ukrainian", not "Ukrainians")
        else:
            score = (len(words), 0)  # the full name over an acronym or short form
        if best_score is None or score > best_score:
            best, best_score = cand.text, score
    return best or ""
