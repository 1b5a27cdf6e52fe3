"""One incident, many mentions: link an article's later mentions of an event to its first.

A news story names its incident again and again: the headline, the lead, "the shooting
occurred ...", a caption, one "shot" per victim.  Each mention is an event record (its
own words and offsets), but a reader counting incidents must not count it again: a later
mention gets ``same_as``, the id of the first mention of the same incident.

Two mentions are one incident when nothing tells them apart: the same PLOVER type (and
mode, when both have one), a trigger of the same stem, the same kind of modality (what
happened is not what is planned), and no two different actors, places or times.  Targets may differ: one
shooting has several victims.  A later mention with an actor the first lacked still joins
it (the story names the shooter later); but two mentions whose actors are different people
are two incidents.
"""

from __future__ import annotations

from typing import Optional

from ...model import Event

_REAL = frozenset({"happened", "ongoing"})
STEM = 3


def link_incidents(events: list[Event]) -> None:
    """Set ``same_as`` on every event that repeats an earlier one of the article."""
    incidents: list[_Incident] = []
    for ev in events:
        found = next((i for i in incidents if i.takes(ev)), None)
        if found is None:
            incidents.append(_Incident(ev))
        else:
            ev.same_as = found.first.id
            found.learn(ev)


class _Incident:
    """The first mention and what the mentions so far say: actor, place, time."""

    def __init__(self, first: Event) -> None:
        self.first = first
        self.actor, self.place, self.time = _actor_key(first), first.place, first.time_value

    def takes(self, ev: Event) -> bool:
        a = self.first
        if a.type != ev.type or (a.mode and ev.mode and a.mode != ev.mode) \
                or _stem(a) != _stem(ev):
            return False
        if (a.modality in _REAL) != (ev.modality in _REAL) or \
                (a.modality not in _REAL and a.modality != ev.modality):
            return False
        return (_compatible(self.actor, _actor_key(ev)) and _compatible(self.place, ev.place)
                and _compatible(self.time, ev.time_value))

    def learn(self, ev: Event) -> None:
        self.actor = self.actor or _actor_key(ev)
        self.place = self.place or ev.place
        self.time = self.time or ev.time_value


def _stem(ev: Event) -> str:
    """The trigger's first letters: "shot"/"shooting", "killed"/"killing",
    "explodes"/"explosion" share theirs; a rape and a killing of one article, both
    assaults, do not (they may be two acts of one incident, or two incidents)."""
    return ev.trigger.text.lower()[:STEM]


def _actor_key(ev: Event) -> Optional[str]:
    if ev.actor is None:
        return None
    return ev.actor.entity or ev.actor.span.text.lower()


def _compatible(x: Optional[str], y: Optional[str]) -> bool:
    return x is None or y is None or x == y
