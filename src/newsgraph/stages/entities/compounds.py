"""Organisations named by a person and an organisation noun: "the Obama administration",
"the Obama team", "the Smith campaign".

The tagger tags the name inside ("Obama" as a person), so without this the organisation
is counted as the person when articles are linked.  (The same for places, "Staunton
police", "the Greek government", was tried on ECB+ and moved neither half: left out.)
Each such phrase becomes a mention of an organisation entity of its own (one entity per
phrase written the same way in the article), added after every other entity so nothing
found before changes.  The mentions get the kind the caller asks for (the linking-only
``name_again``: story keys, speaker candidates and events' actors leave them out).
"""

from __future__ import annotations

import re

from ...model import Entity, Mention, Span

# Nouns that make an organisation of the person before them ("the Obama administration").
PERSON_NOUNS = frozenset({"administration", "government", "team", "campaign", "camp",
                          "cabinet", "regime"})
_OWNERS = {"PERSON": PERSON_NOUNS}
_NEXT = re.compile(r"\s([A-Za-z]+)(?:'s|’s)?(?![\w-])")


def add_compounds(text: str, entities: list[Entity], kind: str, tag: str = ""
                  ) -> list[Entity]:
    """The organisation entities of such phrases (without ids), to append to
    ``entities``.  A phrase must follow a name mention directly, with one space, its
    noun in lower case or capitalised ("the Obama Administration"), and must not
    overlap another entity's mention beyond the name it starts with."""
    spans = sorted((m.span.start, m.span.end) for e in entities for m in e.mentions)
    found: dict[str, list[tuple[int, int]]] = {}
    names: dict[str, str] = {}
    for ent in entities:
        nouns = _OWNERS.get(ent.label)
        if not nouns:
            continue
        for m in ent.mentions:
            if m.kind != "name":
                continue
            hit = _NEXT.match(text, m.span.end)
            if hit is None or hit.group(1).lower() not in nouns:
                continue
            noun = hit.group(1)
            if not (noun.islower() or (noun.istitle() and m.span.text[:1].isupper())):
                continue
            s, e = m.span.start, hit.start(1) + len(noun)
            if any(a < e and s < b and (a, b) != (m.span.start, m.span.end) for a, b in spans):
                continue
            name = f"{m.span.text} {noun.lower()}"
            key = name.lower()
            names.setdefault(key, name)
            found.setdefault(key, []).append((s, e))
    out = []
    for key, where in found.items():
        mentions = [Mention(Span.of(text, s, e), kind) for s, e in sorted(set(where))]
        out.append(Entity(id="", label="ORG", name=names[key], mentions=mentions, stage=tag))
    out.sort(key=lambda x: x.mentions[0].span.start)
    return out
