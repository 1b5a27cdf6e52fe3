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

from dataclasses import dataclass, field

from .candidates import Cand, surname


@dataclass
class Group:
    """An entity under construction."""

    label: str
    cands: list[Cand] = field(default_factory=list)
    last: int = -1  # token index of the latest mention, for recency
    surname: str = ""
    given: list[str] = field(default_factory=list)

    def add(self, cand: Cand) -> None:
        self.cands.append(cand)
        self.last = max(self.last, cand.start)


def person_parts(text: str) -> tuple[str, list[str]]:
    """(surname, given names) of a personal name, compared case-insensitively."""
    tokens = text.split()
    last = surname(tokens)
    given = tokens[:tokens.index(last)] if last in tokens else tokens[:-1]
    return last.lower(), [g.lower() for g in given]


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
        target = _match_person(people, last, given)
        if target is None:
            target = Group("PERSON", surname=last, given=given)
            people.append(target)
        elif len(given) > len(target.given):
            target.given = given
        target.add(cand)
    return people


def _match_person(people: list[Group], last: str, given: list[str]) -> Group | None:
    """The person a mention with this surname and these given names refers to."""
    same = [p for p in people if p.surname == last and _given_compatible(p.given, given)]
    if not given and not same:
        # a lone first name ("Hillary") after the full name
        same = [p for p in people if p.given and p.given[0] == last]
    if not same:
        return None
    if given:
        # a full name upgrades the matching person, full ones first, then bare ones
        full = [p for p in same if p.given]
        if full:
            return max(full, key=lambda p: p.last)
    return max(same, key=lambda p: p.last)


def _other_key(cand: Cand) -> str:
    return cand.key()


def group_others(cands: list[Cand]) -> list[Group]:
    """Merge non-person candidates on their normalised name."""
    by_key: dict[str, Group] = {}
    groups: list[Group] = []
    for cand in cands:
        k = _other_key(cand)
        group = by_key.get(k)
        if group is None and cand.label == "NORP":
            group = by_key.get(k[:-1] if k.endswith("s") else k + "s")
        if group is None:
            group = Group(cand.label)
            groups.append(group)
            by_key[k] = group
        group.add(cand)
    return groups


def canonical_name(group: Group) -> str:
    """The fullest name among the mentions: most words, then most letters, then first."""
    best = None
    best_score = None
    for cand in group.cands:
        words = cand.text.split()
        score = (len(words), sum(len(w.rstrip(".")) for w in words)) if group.label == "PERSON" \
            else (0, 0)
        if best_score is None or score > best_score:
            best, best_score = cand.text, score
    return best or ""
