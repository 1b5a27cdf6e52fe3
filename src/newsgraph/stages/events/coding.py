"""Code an event participant: link it to an entity, give it a country and a sector.

Country codes come from names, demonyms and capitals/metonyms in the
participant's own words ("Russian lawmakers" -> RUS, "the Kremlin" -> RUS),
then from its appositive ("Dzhabarov, a senior figure in Russia's Federation
Council") and the roles the entity stage found.  Sectors come from the head
noun first ("lawmakers" -> legislature), then its modifiers and titles.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...model import NAME_AGAIN, Actor, Span
from ..entities import entity_at
from . import syntax
from .lexicon import load, read_text as load_text


def entity_for(analysis, start: int, end: int):
    """The entity mentioned at ``[start, end)``, if the entity stage found any."""
    if not analysis.entities:
        return None
    try:
        return entity_at(analysis, start, end)
    except Exception:  # a bug elsewhere must not lose the events
        return None


def _spans(n: int, longest: int):
    """``(i, j)`` bounds of every run of up to ``longest`` words out of ``n``, longest first."""
    for size in range(min(longest, n), 0, -1):
        for i in range(n - size + 1):
            yield i, i + size


def _match_country(tokens) -> Optional[str]:
    texts = [t.text for t in tokens]
    for i, j in _spans(len(texts), load().max_country_words):
        code = _lookup_country(" ".join(texts[i:j]))
        if code:
            return code
    for t in texts:  # "U.S.-supplied", "Greek-led": the first part of a hyphenated word
        if "-" in t:
            code = _lookup_country(t.split("-")[0])
            if code:
                return code
    return None


def _lookup_country(phrase: str) -> Optional[str]:
    hit = load().countries.get(phrase.lower())
    if hit is None:
        return None
    code, exact = hit
    if exact is not None:
        return code if phrase == exact else None
    return code if phrase[:1].isupper() else None


def country_of_text(text: str) -> Optional[str]:
    """Country code named anywhere in a short text (entity names, role titles)."""
    words = [w.strip(",.;:()\"") for w in text.replace("'s", " ").replace("\u2019s", " ").split()]
    for i, j in _spans(len(words), load().max_country_words):
        code = _lookup_country(" ".join(words[i:j]))
        if code:
            return code
    return None


def _match_sector(tokens) -> Optional[str]:
    lex = load()
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    for i, j in _spans(len(tokens), lex.max_sector_words):
        for seq in (lemmas, lowers):
            hit = lex.sectors.get(" ".join(seq[i:j]))
            if hit:
                return hit
    return None


def _sector_of_text(text: str) -> Optional[str]:
    lex = load()
    words = [w.strip(",.;:()\"").lower() for w in text.split()]
    for i, j in _spans(len(words), lex.max_sector_words):
        phrase = " ".join(words[i:j])
        hit = lex.sectors.get(phrase) or lex.sectors.get(phrase.rstrip("s"))
        if hit:
            return hit
    return None


def sector_of(head, tokens) -> Optional[str]:
    """Sector from the head noun first, then its modifiers, then the whole phrase."""
    if head.ent_type_ == "GPE" and head.pos_ == "PROPN" and not syntax.children(head, "compound"):
        return None  # a country or city named alone is the state as a whole
    mods = sorted((c for c in head.children if c.dep_ in ("compound", "amod", "nmod")),
                  key=lambda t: t.i)
    # The longest sector phrase ending at the head ("security forces" -> police) first.
    near = [m for m in mods if m.i < head.i] + [head]
    lex = load()
    for k in range(min(len(near), lex.max_sector_words), 1, -1):
        for words in ((t.lemma_.lower() for t in near[-k:]), (t.lower_ for t in near[-k:])):
            hit = lex.sectors.get(" ".join(words))
            if hit:
                return hit
    own = _match_sector([head])
    if own:
        return own
    return _match_sector(mods) or _match_sector(sorted(tokens, key=lambda t: t.i))


def code_actor(analysis, head, start: Optional[int] = None, end: Optional[int] = None
               ) -> Actor:
    """An :class:`Actor` for the participant headed by token ``head``."""
    text = analysis.article.text
    toks = syntax.np_tokens(head)
    if start is None:
        start, end = syntax.np_bounds(head)
    span = Span.of(text, start, end)
    entity = entity_for(analysis, head.idx, head.idx + len(head.text))
    if entity is None:
        entity = entity_for(analysis, span.start, span.end)
    if entity is None:
        entity = antecedent(analysis, head)
    extra = []
    for ap in syntax.children(head, "appos"):
        extra.extend(syntax.np_tokens(ap))
    country = _match_country(sorted(toks, key=lambda t: t.i))
    sector = sector_of(head, toks)
    if extra:
        country = country or _match_country(sorted(extra, key=lambda t: t.i))
        sector = sector or _match_sector(sorted(extra, key=lambda t: t.i))
    if entity is not None:
        country = country or country_of_text(entity.name)
        for role in getattr(entity, "roles", ()):
            country = country or country_of_text(role.span.text) or (
                country_of_text(role.org) if role.org else None)
            sector = sector or _sector_of_text(role.span.text)
    if country in ("UNO", "EUR", "IGO", "NGO") and head.pos_ == "PROPN":
        sector = None  # an international body is coded by its code, not its words
    return Actor(span=span, entity=entity.id if entity is not None else None,
                 country=country, sector=sector)


def actorish(tok) -> bool:
    """Whether a noun can be an event participant (an agent or a recipient)."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                         "QUANTITY"):
        return False
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return syntax.is_pronoun(tok) and tok.lower_ not in ("it", "its")
    lex = load()
    low = tok.lemma_.lower()
    if low in lex.sectors or tok.lower_ in lex.sectors or tok.lower_ in lex.people:
        return True
    return bool(_lookup_country(tok.text))


def is_non_agent(tok) -> bool:
    """Whether a noun is listed as a thing, act or idea (``event_non_agents.txt``)."""
    if tok.pos_ != "NOUN":
        return False
    words, suffixes = _non_agent_lexicon()
    low = tok.lemma_.lower()
    return low in words or tok.lower_ in words or (low.endswith(suffixes) and len(low) > 5)


@lru_cache(maxsize=1)
def _non_agent_lexicon() -> tuple[frozenset, tuple]:
    words, suffixes = set(), []
    for line in load_text("event_non_agents.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        (suffixes.append(line[1:]) if line.startswith("-") else words.add(line))
    return frozenset(words), tuple(suffixes)


def can_act(tok) -> bool:
    """Whether a participant's head can be an actor: a person, a group, a body, a polity.

    "The decision", "This first step", "the policy shift" cannot do anything: an
    event whose subject is a thing keeps no actor (issue 13)."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if actorish(tok):
        return True
    lex = load()
    low = tok.lemma_.lower()
    if low in lex.people or tok.lower_ in lex.people or low in lex.person_roles:
        return True
    words, suffixes = _non_agent_lexicon()
    if low in words or tok.lower_ in words:
        return False
    return not (tok.pos_ == "NOUN" and low.endswith(suffixes) and len(low) > 5)


_NOT_DOERS_ENT = frozenset(("DATE", "TIME"))


@lru_cache(maxsize=1)
def _instruments() -> frozenset:
    """``event_instruments.txt``: weapons, which no act has as its actor."""
    return frozenset(line.strip() for line in load_text("event_instruments.txt").splitlines()
                     if line.strip() and not line.startswith("#"))
_DEMONSTRATIVES = frozenset(("this", "these", "those"))


def can_be_actor(tok) -> bool:
    """Whether an actor head may stand in an event record: :func:`can_act`, and not a time
    ("today's shooting", "Hours later, groups filed"; "a 17-year-old" is a person) or a bare
    demonstrative ("This led to patrols").  Stricter than
    :func:`can_act`, which the judge reads as a feature and was trained with."""
    if not can_act(tok) or tok.pos_ == "NOUN" and tok.lemma_.lower() in _instruments():
        return False  # (a weapon is what the act is done with: "shot by a shotgun")
    if tok.ent_type_ in _NOT_DOERS_ENT and tok.pos_ != "ADJ" or tok.pos_ == "ADV":
        return False
    return not (tok.pos_ in ("PRON", "DET") and tok.lower_ in _DEMONSTRATIVES)


# What a pronoun or a generic definite noun can refer back to, by entity label.
_REFERS = {"he": ("PERSON",), "him": ("PERSON",), "his": ("PERSON",), "she": ("PERSON",),
           "her": ("PERSON",), "it": ("ORG", "GPE"), "its": ("ORG", "GPE"),
           "they": ("ORG", "GPE", "NORP"), "them": ("ORG", "GPE", "NORP"),
           "their": ("ORG", "GPE", "NORP"), "group": ("ORG", "NORP"),
           "organization": ("ORG",), "organisation": ("ORG",), "company": ("ORG",),
           "firm": ("ORG",), "party": ("ORG",), "militia": ("ORG", "NORP"),
           "movement": ("ORG",), "union": ("ORG",), "country": ("GPE",), "nation": ("GPE",)}
_REACH = 600  # characters back: about a paragraph


def antecedent(analysis, head):
    """The entity a pronoun ("it", "they", "she") or a generic definite noun ("the
    group", "the company") refers back to: the attribution's resolved speaker when the
    pronoun is a source, else the nearest preceding mention of a compatible kind within
    about a paragraph.  None when nothing fits (the actor stays its own words)."""
    word = head.lower_
    if word not in _REFERS:
        return None
    if head.pos_ not in ("PRON",) and not any(c.dep_ == "det" and c.lower_ == "the"
                                              for c in head.children):
        return None
    start = head.idx
    for a in analysis.attributions or ():
        if a.source is not None and a.source.start <= start < a.source.end and a.speaker:
            hit = next((e for e in analysis.entities if e.id == a.speaker), None)
            if hit is not None:
                return hit
    labels = _REFERS[word]
    best = None
    for e in analysis.entities or ():
        if e.label not in labels:
            continue
        for m in e.mentions:
            if start - _REACH <= m.span.start and m.span.end <= start \
                    and m.kind not in ("pronoun", NAME_AGAIN):
                if best is None or m.span.start > best[0]:
                    best = (m.span.start, e)
    return best[1] if best is not None else None
