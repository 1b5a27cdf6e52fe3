"""Entities: people, organisations, places and groups, with people's roles.

From spaCy's entity spans (repaired in :mod:`.candidates`), this stage builds
one :class:`~newsgraph.model.Entity` per person, organisation, place or group
of the article (:mod:`.merge`), with every mention, and for people the titles
and roles the text gives them (:mod:`.roles`).  It also finds later bare
surnames the tagger missed ("... wrote on X.Trump himself ...") by searching
the text for the surnames of the people already found.

Other stages use :func:`entity_at` (which entity is named at these offsets)
and :func:`entities_by_id`.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ...model import Entity, Mention, Role, Span
from ...pipeline import Analysis, stage
from . import candidates as cnd
from . import merge
from . import descriptions
from . import roles as rl
from . import speakers

ORDER = 30


@stage("entities", version="1.0", requires=("doc",), assigns=("entities",), order=ORDER)
def entities_stage(analysis: Analysis) -> None:
    """Fill ``analysis.entities``, ids E1, E2, ... in order of first mention."""
    analysis.entities = extract(analysis.doc, analysis.article.text, entities_stage.stage_tag)


def extract(doc, text: str, tag: str = "") -> list[Entity]:
    """Entities of one parsed document whose offsets index ``text``."""
    cands = cnd.collect(doc, text)
    people = merge.group_people([c for c in cands if c.label == "PERSON"])
    others = merge.group_others([c for c in cands if c.label != "PERSON"])
    extra = _surname_mentions(doc, text, people, cands)
    new_speakers = _speaker_mentions(doc, text, people, cands, extra)
    starts = [c.start for c in cands]  # text order: binary search for the names inside a role
    built = []
    for group in people + others:
        mentions = [_mention(doc, text, c) for c in group.cands]
        mentions += extra.get(id(group), [])
        mentions.sort(key=lambda m: m.span.start)
        roles = _roles(doc, text, group, cands, starts) if group.label == "PERSON" else []
        built.append(Entity(id="", label=group.label, name=merge.canonical_name(group),
                            mentions=mentions, roles=roles, stage=tag))
    for name, spans in new_speakers.items():
        built.append(Entity(id="", label="PERSON", name=name, stage=tag,
                            mentions=[Mention(Span.of(text, s, e), "name") for s, e in spans]))
    descriptions.add_descriptions(text, built)
    built.sort(key=lambda e: e.mentions[0].span.start)
    for n, ent in enumerate(built, 1):
        ent.id = f"E{n}"
    return built


def _speaker_mentions(doc, text: str, people: list[merge.Group], cands: list[cnd.Cand],
                      extra: dict[int, list[Mention]]) -> dict[str, list[tuple[int, int]]]:
    """Add transcript speaker labels to ``extra``; return the labels of people not named otherwise."""
    labels = speakers.speaker_labels(text)
    if not labels:
        return {}
    covered = sorted(_char_range(doc, c.start, c.end) for c in cands)
    starts = [c[0] for c in covered]
    labels = [lb for lb in labels if not _is_covered(covered, starts, lb[0], lb[1])]
    known, unknown = speakers.resolve(labels, people)
    for gid, spans in known.items():
        extra.setdefault(gid, []).extend(Mention(Span.of(text, s, e), "name") for s, e in spans)
    return unknown


def _char_range(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _mention(doc, text: str, cand: cnd.Cand) -> Mention:
    s, e = _char_range(doc, cand.start, cand.end)
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
            s, e = _char_range(doc, *rng)
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
    """The organisation named inside a role (an ORG, else a country: "Poland's foreign minister")."""
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
    places = [c for c in inside if c.label == "GPE" and not (
        c.start > 0 and doc[c.start - 1].pos_ == "ADP" and doc[c.start - 1].lower_ not in _POLITY_ADP)]
    return places[-1].text if places else None


_POLITY_ADP = frozenset({"of", "for"})


def _surname_mentions(doc, text: str, people: list[merge.Group], cands: list[cnd.Cand]
                      ) -> dict[int, list[Mention]]:
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
    covered = sorted(_char_range(doc, c.start, c.end) for c in cands)
    starts = [c[0] for c in covered]
    out: dict[int, list[Mention]] = {}
    for m in pattern.finditer(text):
        s, e = m.span()
        if _is_covered(covered, starts, s, e):
            continue
        if not _name_like_hit(doc, text, s, e):
            continue
        tok = _tok_at(doc, s)
        owners = by_surname[m.group()]
        if len(owners) > 1 and not any(c.start <= tok for p in owners for c in p.cands):
            continue  # before any of several namesakes is introduced: ambiguous
        owner = merge.choose_for_bare(owners, tok)
        out.setdefault(id(owner), []).append(Mention(Span.of(text, s, e), "name"))
    return out


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


def _is_covered(covered: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_right(starts, s)
    for j in (i - 1, i):
        if 0 <= j < len(covered) and covered[j][0] < e and s < covered[j][1]:
            return True
    return False


def _tok_at(doc, char: int) -> int:
    """Index of the token containing a character offset (binary search over token starts)."""
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def entity_at(analysis: Analysis, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``; the largest overlap wins."""
    best, best_overlap = None, 0
    for ent in analysis.entities:
        for m in ent.mentions:
            overlap = min(end, m.span.end) - max(start, m.span.start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def entities_by_id(analysis: Analysis) -> dict:
    """``{entity.id: entity}`` for the article."""
    return {e.id: e for e in analysis.entities}
