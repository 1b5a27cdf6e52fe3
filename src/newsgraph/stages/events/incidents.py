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

Session 21 (issue 13): a story also retells its act in other words of the same kind: "two
men opened fire", then "the gunfire", then "the shooting"; "detained", then "arrested",
then "in custody"; "an investigation", then "investigating".  Mentions of one type and
one mode whose words can be retold (shooting, bombing, killing, stabbing; the taking of
an arrest, not a later jail term; an investigation) join the one earlier incident they
fit, in an article that tells of a single act of the kind: not in a round-up (two clock
times of a day) nor where a separate act is named, and not when two earlier incidents
fit.  Fire answered ("returned fire") is the other side's act.  A mention's stem is also
its lemma's ("finds", "found").  Times the times stage left underspecified
("XXXX-12-25", a weekday of an unknown week) fit the times they could be, and a part of
a day fits a clock time in it ("Sunday afternoon", "the 2:21 p.m. shooting": no round-up).
An actor that is itself a mention ("a shooting that killed two") is no participant.
"""

from __future__ import annotations

import datetime
import re
from typing import Optional

from ...model import Event
from . import repeats, syntax

_REAL = frozenset({"happened", "ongoing"})
STEM = 3


def link_incidents(events: list[Event], doc=None) -> None:
    """Set ``same_as`` on every event that repeats an earlier one of the article.

    ``doc``, the article's parse, lets a mention's words be read (its lemma, its
    determiner, its victim); without it only the same-stem links are made."""
    incidents: list[Incident] = []
    words = [repeats.read(ev, doc) for ev in events]
    for ev, word in zip(events, words):
        word.actor_is_act = _actor_is_act(ev, events, doc)
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
    if not several:
        incidents = _merge_retold(incidents)
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
        self.actor, self.place, self.time = _actor_key(first, word), first.place, first.time_value
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
                or not _stems(ev, word) & self.stems:
            return False
        if not _same_reality(a, ev, word) or word.generic or self.generic or word.elsewhere:
            return False
        if word.harm and (word.a_new_one or word.reflexive) and self.victims:
            return False  # "a woman was killed" after "a man was killed": maybe two acts
        return self.fits(ev, word)

    def fits(self, ev: Event, word: "repeats.Word" = None) -> bool:
        """No two different actors, places or times."""
        return (_compatible(self.actor, _actor_key(ev, word)) and _compatible(self.place, ev.place)
                and _same_time(self.time, ev.time_value, self.strict_time))

    def fits_incident(self, other: "Incident") -> bool:
        return (_compatible(self.actor, other.actor) and _compatible(self.place, other.place)
                and _same_time(self.time, other.time, self.strict_time)
                and not (self.mode and other.mode and self.mode != other.mode))

    def learn(self, n: int, ev: Event, word: "repeats.Word") -> None:
        self.mentions.append((n, ev, word))
        self.actor = self.actor or _actor_key(ev, word)
        self.place = self.place or ev.place
        self.time = self.time or ev.time_value
        self.mode = self.mode or ev.mode
        self.stems |= _stems(ev, word)
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


# Modes whose words name one kind of act in other words: "the shooting", "opened fire",
# "gunned down", "gunfire"; "arrested", "detained", "in custody"; "an investigation",
# "investigating", "a probe".  (Not a conviction and a sentence: two steps of a case.)
_RETOLD_MODES = {"ASSAULT": ("firearms", "explosives", "targeted", "primitive"),
                 "COERCE": ("arrest",), "ACCUSE": ("investigate",)}
# The words of an arrest that tell the taking itself, not a later step ("jailed",
# "sentenced", "imprisoned").
_TAKING = frozenset(("arrest", "detain", "apprehend", "nab", "custody", "book", "take",
                     "detention"))


def _merge_retold(incidents: list) -> list:
    """The incidents after each one told again in other words has joined the one it
    retells: same type, the same kind of act (mode), the same reality, nothing telling
    them apart, and only one earlier incident it can be."""
    out: list = []
    for inc in incidents:
        if not _retold_kind(inc):
            out.append(inc)
            continue
        fits = [o for o in out if _retold_kind(o) and o.first.type == inc.first.type
                and o.mode == inc.mode and o.fits_incident(inc)]
        if len(fits) == 1:
            fits[0].absorb(inc)
        else:
            out.append(inc)
    return out


def _retold_kind(inc) -> bool:
    """An incident that told its act (not only its harm), really, as one act of the
    story, in words of a kind that can be retold."""
    a = inc.first
    if inc.generic or inc.elsewhere or not inc.told_act or a.modality not in _REAL \
            or inc.mode not in _RETOLD_MODES.get(a.type, ()):
        return False
    if any(w.answer for _, _, w in inc.mentions):
        return False
    return a.type != "COERCE" or all(w.lemma in _TAKING for _, _, w in inc.mentions)


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
    return _stem_of(ev, ev.trigger.text)


def _stems(ev: Event, word: "repeats.Word") -> set:
    """The trigger's stem and its lemma's: "found" and "finds" share "fin"."""
    stems = {_stem(ev)}
    if word.lemma and word.lemma != ev.trigger.text.lower():
        stems.add(_stem_of(ev, word.lemma))
    return stems


def _stem_of(ev: Event, text: str) -> str:
    stem = text.lower()[:STEM]
    if ev.type == "COERCE" and ev.mode == "arrest" and stem in _CUSTODY_STEMS:
        return "arr"
    return stem


# Custody told as a state or a step of the arrest ("in custody", "taken into custody",
# "booked into jail", "held on bond") is the arrest told again.
_CUSTODY_STEMS = frozenset(("cus", "tak", "boo", "hel", "hol"))


def _actor_is_act(ev: Event, events: list[Event], doc) -> bool:
    """Whether the actor's head word is another mention's trigger: "a shooting that
    killed two", "the gunfire injured five" (not "the gunman in the Oregon shooting")."""
    if ev.actor is None or doc is None:
        return False
    head = syntax.token_at(doc, ev.actor.span.start, ev.actor.span.end)
    return head is not None and any(o is not ev and o.trigger.start <= head.idx < o.trigger.end
                                    for o in events)


def _actor_key(ev: Event, word: "repeats.Word" = None) -> Optional[str]:
    if ev.actor is None or (word is not None and word.actor_is_act):
        return None
    return ev.actor.entity or ev.actor.span.text.lower()


def _compatible(x: Optional[str], y: Optional[str]) -> bool:
    return x is None or y is None or x == y


def _two_times_of_a_day(events: list[Event]) -> bool:
    """Two times of one day that cannot be one time ("T14:00" and "T21:00"; not "TAF" and
    "T14:21", the afternoon and a clock time in it)."""
    times = {e.time_value for e in events if e.time_value and len(e.time_value) > 10
             and e.time_value[10] == "T"}
    return any(x[:10] == y[:10] and not _same_time(x, y) for x in times for y in times)


def _same_time(x: Optional[str], y: Optional[str], strict: bool = False) -> bool:
    """Compatible times: one unknown, equal, or (unless ``strict``) a day and a time of
    that day ("2016-08-31" and "2016-08-31TEV"; not 6:45 p.m. and 2:15 p.m., nor "2016"
    and a day).  A value the times stage left underspecified (``X`` digits: "XXXX-12-25",
    a weekday of an unknown week "XXXX-WXX-2", a night of an unknown day
    "XXXX-XX-XXTNI") fits every value of its shape it could be: "XXXX-WXX-3" fits a
    day that is a Wednesday, not one that is a Sunday.  A part of a day fits a clock time
    in it ("TAF" and "T14:21"), and an evening a night."""
    if x is None or y is None or x == y:
        return True
    if strict or not (_DATE_LIKE.match(x) and _DATE_LIKE.match(y)):
        return False
    (dx, _, tx), (dy, _, ty) = x.partition("T"), y.partition("T")
    if not _same_day(dx, dy):
        return False
    if tx and ty:
        return _fits(tx, ty) or _within(tx, ty) or _within(ty, tx) or {tx, ty} == {"EV", "NI"}
    return not (tx or ty) or len(dx) == 10  # a day and a time of that day


_DATE_LIKE = re.compile(r"[0-9X]{4}(?:-|$)")


def _fits(a: str, b: str) -> bool:
    """Same shape, each digit equal or left unknown (``X``) in one of them."""
    return len(a) == len(b) and all(p == q or "X" in (p, q) for p, q in zip(a, b))


# The hours of a part of the day (TimeML's MO, AF, EV, NI), told loosely.
_DAY_PARTS = {"MO": range(4, 12), "AF": range(12, 18), "EV": range(17, 22),
              "NI": tuple(range(18, 24)) + tuple(range(0, 6))}


def _within(part: str, clock: str) -> bool:
    """A clock time in a part of the day: "14:21" in the afternoon."""
    hours = _DAY_PARTS.get(part)
    return hours is not None and len(clock) >= 2 and clock[:2].isdigit() \
        and int(clock[:2]) in hours


def _same_day(a: str, b: str) -> bool:
    if _fits(a, b):
        return True
    week, day = (a, b) if "W" in a else (b, a)
    if not (week.startswith("XXXX-WXX-") and week[-1].isdigit() and len(week) == 10):
        return False
    if day == "XXXX-XX-XX":
        return True
    try:
        return datetime.date.fromisoformat(day).isoweekday() == int(week[-1])
    except ValueError:
        return False
