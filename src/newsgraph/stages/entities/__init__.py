"""Entities: people, organisations, places and groups, with people's roles.

From spaCy's entity spans (repaired in :mod:`.candidates`), this stage builds
one :class:`~newsgraph.model.Entity` per person, organisation, place or group
of the article (:mod:`.merge`), with every mention, and for people the titles
and roles the text gives them (:mod:`.roles`).  It also finds later bare
surnames and names written again that the tagger missed ("... wrote on
X.Trump himself ...", "the SEACOM cable"; one-word organisation names written again
are mentions of kind ``name_again``, :mod:`.mentions`),
transcript speaker labels ("PENCE: ...", :mod:`.speakers`), and definite
descriptions that can only mean one person ("the minister", kind
``description``, :mod:`.descriptions`).  Organisations named by a person or a
place and an organisation noun ("the Obama administration", "Staunton police") are
entities of their own, last, whose mentions are of kind ``name_again``
(:mod:`.compounds`): only cross-article linking counts them.  Pronouns are left to the
attributions stage.

Other stages use :func:`entity_at` (which entity is named at these offsets)
and :func:`entities_by_id`.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ...model import NAME_AGAIN, Entity, Mention, Role, Span
from ...pipeline import Analysis, stage
from . import candidates as cnd
from . import compounds, descriptions, merge, speakers
from . import mentions as mn
from . import roles as rl

ORDER = 30


@stage("entities", version="1.14", requires=("doc",), assigns=("entities",), order=ORDER)
def entities_stage(analysis: Analysis) -> None:
    """Fill ``analysis.entities``, ids E1, E2, ... in order of first mention."""
    analysis.entities = extract(analysis.doc, analysis.article.text, entities_stage.stage_tag)


def extract(doc, text: str, tag: str = "") -> list[Entity]:
    """Entities of one parsed document whose offsets index ``text``."""
    doc = _TokenCache(doc)
    cands = cnd.collect(doc, text)
    people = merge.group_people([c for c in cands if c.label == "PERSON"])
    others = merge.group_others([c for c in cands if c.label != "PERSON"])
    extra = mn.repeated_names(doc, text, people + others, cands)
    found = [(m.span.start, m.span.end) for ms in extra.values() for m in ms]
    for gid, ms in mn.surname_mentions(doc, text, people, cands, found).items():
        extra.setdefault(gid, []).extend(ms)
    new_speakers = _speaker_mentions(doc, text, people, cands, extra)
    starts = [c.start for c in cands]  # text order: binary search for the names inside a role
    built = []
    of_group = {}
    for group in people + others:
        mentions = [_mention(doc, text, c) for c in group.cands]
        mentions += extra.get(id(group), [])
        mentions.sort(key=lambda m: m.span.start)
        roles = _roles(doc, text, group, cands, starts) if group.label == "PERSON" else []
        built.append(Entity(id="", label=group.label, name=merge.canonical_name(group),
                            mentions=mentions, roles=roles, stage=tag))
        of_group[id(group)] = built[-1]
    for name, spans in new_speakers.items():
        built.append(Entity(id="", label="PERSON", name=name, stage=tag,
                            mentions=[Mention(Span.of(text, s, e), "name") for s, e in spans]))
    descriptions.add_descriptions(text, built)
    # ids in order of the first mention found before names_again (which only adds)
    built.sort(key=lambda e: e.mentions[0].span.start)
    taken = [(m.span.start, m.span.end) for e in built for m in e.mentions]
    taken += [mn.char_range(doc, c.start, c.end) for c in cands]
    for gid, ms in mn.names_again(doc, text, people + others, taken).items():
        ent = of_group[gid]
        ent.mentions = sorted(ent.mentions + ms, key=lambda m: m.span.start)
    # "the Obama administration", "Staunton police": organisations of their own, last
    built += compounds.add_compounds(text, built, NAME_AGAIN, tag)
    for n, ent in enumerate(built, 1):
        ent.id = f"E{n}"
    return built


class _TokenCache:
    """The parsed document with its tokens built once.

    ``doc[i]`` makes a new Token object on every call, and the rules here look
    at the same few tokens around each name many times; a list of the tokens
    makes those looks cheap.  Everything else is the document's own."""

    __slots__ = ("doc", "tokens")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.tokens = list(doc)

    def __getitem__(self, i):
        return self.tokens[i] if isinstance(i, int) else self.doc[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self):
        return iter(self.tokens)

    def __getattr__(self, name: str):
        return getattr(self.doc, name)


def _speaker_mentions(doc, text: str, people: list[merge.Group], cands: list[cnd.Cand],
                      extra: dict[int, list[Mention]]) -> dict[str, list[tuple[int, int]]]:
    """Add transcript speaker labels to ``extra``.

    Returns the labels of speakers not named otherwise, with their spans."""
    labels = speakers.speaker_labels(text)
    if not labels:
        return {}
    covered = sorted(mn.char_range(doc, c.start, c.end) for c in cands)
    starts = [c[0] for c in covered]
    labels = [lb for lb in labels if not mn.is_covered(covered, starts, lb[0], lb[1])]
    known, unknown = speakers.resolve(labels, people)
    for gid, spans in known.items():
        extra.setdefault(gid, []).extend(Mention(Span.of(text, s, e), "name") for s, e in spans)
    return unknown


def _mention(doc, text: str, cand: cnd.Cand) -> Mention:
    s, e = mn.char_range(doc, cand.start, cand.end)
    return Mention(Span.of(text, s, e), "name")


def _roles(doc, text: str, group: merge.Group, cands: list[cnd.Cand], starts: list[int]
           ) -> list[Role]:
    """Distinct roles of one person over all its mentions, in text order."""
    out: list[Role] = []
    seen: set[str] = set()
    for cand in group.cands:
        sent = doc[cand.start].sent
        found = [rl.prefix_role(doc, cand.start, cand.title_start, sent.start),
                 rl.appositive_after(doc, cand.start, cand.end, sent.end),
                 rl.appositive_before(doc, cand.title_start, cand.end, sent.start)]
        for rng in found:
            if rng is None:
                continue
            s, e = mn.char_range(doc, *rng)
            span = Span.of(text, s, e)
            norm = _role_key(span.text)
            if norm in seen:
                continue
            seen.add(norm)
            out.append(Role(span, _role_org(doc, rng, cands, starts)))
    out.sort(key=lambda r: r.span.start)
    return out


_ROLE_DET = re.compile(r"^(?:the|a|an|another)\s+", re.IGNORECASE)


def _role_key(role: str) -> str:
    """Two roles are the same when they differ only in case and a leading article."""
    return _ROLE_DET.sub("", role.lower()).strip()


def _role_org(doc, rng: tuple[int, int], cands: list[cnd.Cand], starts: list[int]
              ) -> Optional[str]:
    """The organisation named inside a role: an ORG, else a country ("Poland's foreign
    minister")."""
    lo = bisect.bisect_left(starts, rng[0])
    inside = []
    for c in cands[lo:]:
        if c.start >= rng[1]:
            break
        if c.end <= rng[1]:
            inside.append(c)
    orgs = [c for c in inside if c.label == "ORG"]
    if orgs:
        return orgs[-1].text
    # a place holds the role as a polity ("Poland's foreign minister", "the mayor
    # of Port Alma", "Indiana Gov."), not as an origin or seat ("a farmer from Iowa")
    places = [c for c in inside if c.label == "GPE" and not _origin(doc, c.start)]
    return places[-1].text if places else None


_POLITY_ADP = frozenset({"of", "for"})


def _origin(doc, start: int) -> bool:
    """A place after "from", "in", "at" ... is where someone is, not whom they serve."""
    return start > 0 and doc[start - 1].pos_ == "ADP" and doc[start - 1].lower_ not in _POLITY_ADP


def entity_at(analysis: Analysis, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``; the largest overlap wins
    (``name_again`` mentions left out, as the events were fitted without them)."""
    best, best_overlap = None, 0
    for ent in analysis.entities:
        for m in ent.mentions:
            if m.kind == NAME_AGAIN:
                continue
            overlap = min(end, m.span.end) - max(start, m.span.start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def entities_by_id(analysis: Analysis) -> dict:
    """``{entity.id: entity}`` for the article."""
    return {e.id: e for e in analysis.entities}
