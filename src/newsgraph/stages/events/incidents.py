"""One incident, many mentions: link an article's later mentions of an event to its first.

A news story names its incident again and again: the headline, the lead, "the shooting
occurred ...", a caption, one "shot" per victim.  Each mention is an event record (its
own words and offsets), but a reader counting incidents must not count it again: a later
mention gets ``same_as``, the id of the first mention of the same incident.

Two mentions are one incident when nothing tells them apart: the same PLOVER type (and
mode, when both have one), a trigger of the same stem as one of the incident's, the same
kind of modality (what happened is not what is planned), and no two different actors,
places or times.  Targets may differ: one shooting has several victims.  A later mention
with an actor the first lacked still joins it (the story names the shooter later); but
two mentions whose actors are different people are two incidents.  A mention whose
words call its act another one ("in a separate shooting", "another shooting") joins
nothing, a generic plural ("mass shootings are rare") is no incident of the story, and a
harm told of someone brought in as new ("a woman was killed" after "a man was killed")
does not join by its word alone.  A day and a time of that day are one time, unless the
article tells of several acts (a round-up with two clock times of one day).  The same
sentence printed twice (a caption, a repeated paragraph) is one mention told again.

With the article's parse, two more kinds of repeat are read (issue 13): "the shooting",
named as a known thing, is the shooting already told even where its sentence is a doubt
or a plan ("unsure whether the shooting was deliberate"); and what an attack did to its
victim ("he was struck in the leg", "the victim was injured") is the attack again
(:mod:`.repeats`).
"""

from __future__ import annotations

from typing import Optional

from ...model import Event
from . import repeats

_REAL = frozenset({"happened", "ongoing"})
STEM = 3


def link_incidents(events: list[Event], doc=None) -> None:
    """Set ``same_as`` on every event that repeats an earlier one of the article.

    ``doc``, the article's parse, lets a mention's words be read (its lemma, its
    determiner, its victim); without it only the same-stem links are made."""
    incidents: list[Incident] = []
    words = [repeats.read(ev, doc) for ev in events]
    # An article that tells of a separate act elsewhere ("in another shooting"), or of two
    # times of one day (a round-up: "at 3 p.m. ...", "just after 4 p.m. ..."), may tell of
    # several acts on a day: there a day and a time of it are not the same time.
    several = any(w.elsewhere for w in words) or _two_times_of_a_day(events)
    for n, (ev, word) in enumerate(zip(events, words)):
        found = next((i for i in incidents if i.takes(ev, word)), None)
        if found is None:
            incidents.append(Incident(n, ev, word, strict_time=several))
        else:
            found.learn(n, ev, word)
    if doc is not None:
        incidents = repeats.merge_harms(incidents, doc)
    for inc in incidents:
        first = inc.first
        for _, ev, _ in inc.mentions:
            ev.same_as = None if ev is first else first.id


class Incident:
    """The mentions of one incident, and what they say so far: actor, place, time, mode,
    victims, and whether any of them told the act itself (not only its harm)."""

    def __init__(self, n: int, first: Event, word: "repeats.Word",
                 strict_time: bool = False) -> None:
        self.strict_time = strict_time
        self.mentions: list = []  # (position in the article, event, word)
        self.actor, self.place, self.time = _actor_key(first), first.place, first.time_value
        self.mode = first.mode
        self.stems: set = set()
        self.victims: set = set()  # keys a later mention may refer back by
        self.named: set = set()  # keys of victims told by name or as known
        self.harms: set = set()
        self.told_act = False
        self.generic = word.generic
        self.elsewhere = word.elsewhere
        self.learn(n, first, word)

    @property
    def first(self) -> Event:
        return min(self.mentions, key=lambda m: m[0])[1]

    def takes(self, ev: Event, word: "repeats.Word") -> bool:
        if any(_told_again(m, ev) for _, m, _ in self.mentions):
            return True  # a caption or a paragraph printed twice
        a = self.first
        if a.type != ev.type or (self.mode and ev.mode and self.mode != ev.mode) \
                or _stem(ev) not in self.stems:
            return False
        if not _same_reality(a, ev, word) or word.generic or self.generic or word.elsewhere:
            return False
        if word.harm and (word.a_new_one or word.reflexive) and self.victims:
            return False  # "a woman was killed" after "a man was killed": maybe two acts
        return self.fits(ev)

    def fits(self, ev: Event) -> bool:
        """No two different actors, places or times."""
        return (_compatible(self.actor, _actor_key(ev)) and _compatible(self.place, ev.place)
                and _same_time(self.time, ev.time_value, self.strict_time))

    def fits_incident(self, other: "Incident") -> bool:
        return (_compatible(self.actor, other.actor) and _compatible(self.place, other.place)
                and _same_time(self.time, other.time, self.strict_time)
                and not (self.mode and other.mode and self.mode != other.mode))

    def learn(self, n: int, ev: Event, word: "repeats.Word") -> None:
        self.mentions.append((n, ev, word))
        self.actor = self.actor or _actor_key(ev)
        self.place = self.place or ev.place
        self.time = self.time or ev.time_value
        self.mode = self.mode or ev.mode
        self.stems.add(_stem(ev))
        self.victims |= word.heads
        self.named |= word.victim
        if word.harm:
            self.harms.add(word.lemma)
        else:
            self.told_act = True

    def absorb(self, other: "Incident") -> None:
        for n, ev, word in other.mentions:
            self.learn(n, ev, word)
        self.elsewhere = self.elsewhere or other.elsewhere


def _told_again(a: Event, b: Event) -> bool:
    """The same words of the same sentence, printed again."""
    return (a.type == b.type and a.trigger.text == b.trigger.text and a.sentence is not None
            and b.sentence is not None and a.sentence.start != b.sentence.start
            and a.sentence.text == b.sentence.text
            and a.trigger.start - a.sentence.start == b.trigger.start - b.sentence.start)


def _same_reality(a: Event, ev: Event, word: "repeats.Word") -> bool:
    """Both real, or both the same unreal kind; a known act named by a definite noun
    ("the shooting") is real whatever its sentence says of it."""
    if a.modality in _REAL and (ev.modality in _REAL or word.presupposed):
        return True
    return a.modality not in _REAL and a.modality == ev.modality


def _stem(ev: Event) -> str:
    """The trigger's first letters: "shot"/"shooting", "killed"/"killing",
    "explodes"/"explosion" share theirs; a rape and a killing of one article, both
    assaults, do not (they may be two acts of one incident, or two incidents)."""
    stem = ev.trigger.text.lower()[:STEM]
    if ev.type == "COERCE" and ev.mode == "arrest" and stem in _CUSTODY_STEMS:
        return "arr"
    return stem


# Custody told as a state or a step of the arrest ("in custody", "taken into custody",
# "booked into jail", "held on bond") is the arrest told again.
_CUSTODY_STEMS = frozenset(("cus", "tak", "boo", "hel", "hol"))


def _actor_key(ev: Event) -> Optional[str]:
    if ev.actor is None:
        return None
    return ev.actor.entity or ev.actor.span.text.lower()


def _compatible(x: Optional[str], y: Optional[str]) -> bool:
    return x is None or y is None or x == y


def _two_times_of_a_day(events: list[Event]) -> bool:
    times = {e.time_value for e in events if e.time_value and len(e.time_value) > 10
             and e.time_value[10] == "T"}
    return len({t[:10] for t in times}) < len(times)


def _same_time(x: Optional[str], y: Optional[str], strict: bool = False) -> bool:
    """Compatible times: one unknown, equal, or (unless ``strict``) a day and a time of
    that day ("2016-08-31" and "2016-08-31TEV"; not 6:45 p.m. and 2:15 p.m., nor "2016"
    and a day)."""
    if x is None or y is None or x == y:
        return True
    if strict:
        return False
    day, other = (x, y) if len(x) < len(y) else (y, x)
    return len(day) == 10 and day[-1].isdigit() and other.startswith(day + "T")
