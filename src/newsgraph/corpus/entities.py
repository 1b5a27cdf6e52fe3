"""Corpus entities: one ``corpus_entity`` id per person, organisation and place across articles.

Articles are added one at a time in arrival order; each of an article's entities joins an
existing corpus entity or starts one, looking only at what came before.  The rules, each
about how news writes names and none about particular names:

- **Blocking.**  People are found under the sound key of their surname
  (:func:`.names.sound_key`: "Kandinsky"/"Kandinskiy"/"Kandinskij" collide), organisations
  under their folded name, initials and last word, places under their gazetteer id
  (:mod:`.places`) or, when the gazetteer does not know them, their folded name.
- **People.**  A full name joins a full-name entity with the same surname key whose given
  names are compatible (equal, an initial, or fuzzy ratio >= 85); "John Smith" and "Mary
  Smith" never meet.  A short form sharing the first three letters ("Katie"/"Kathryn")
  joins only with shared context and never an entity the same article already named (a
  relative).  A bare surname ("Smith", "Mr. Smith") joins the full-name entity with
  that surname that the article's context favours; when several fit and context does not
  choose, it joins the one with most articles (a bare surname in news nearly always means
  the most-reported bearer).  With no full name yet, bare surnames share a surname-only
  entity, which the first full name with that surname then takes over.  A one-word name
  no one bears as a surname ("Katie") joins the full name whose first given name it is,
  only with shared context (a co-mentioned entity or the story): first-name-only mentions
  of victims, children and athletes.  A surname the key
  misses ("Klitschko"/"Klichko") is caught by a fuzzy ratio >= 88 within a 3-letter prefix;
  a full name so respelled joins only a full name with a given name written out in
  common (an initial is not enough, and a one-word name never).
- **Organisations.**  Same folded name (legal forms dropped: "Microsoft Corp."); an acronym
  and the initials of a longer name ("FBI" / "Federal Bureau of Investigation"); a fuzzy
  token-sort ratio >= 92 within the same first or last word, between names of as many
  words, each close to the one in its place ("Kraft Food" / "Kraft Foods", but not "Kent
  Police Department" / "Killeen Police Department"); the distinctive end of a known
  name ("Colts", "Red Sox" / "Boston Red Sox", and the longer name after only the short
  one was seen), but not when it ends in a generic organisation noun ("Department", from
  ``lexicons/entity_org_heads.txt``); a name of two words or more ending in such a noun
  that is a known name without the generic nouns that end it ("Alma Police" / "Alma
  Police Department", either order), only with shared context (a co-mentioned entity or
  the story).
- **A city for its team.**  In an article that names a team by its own name alone
  ("Otters") where earlier articles wrote it as a place and that name ("Port Alma
  Otters"), the place ("Port Alma") is the team: news calls teams by their city ("Port
  Alma signed him").  A team's name is plural and holds no generic organisation noun
  (newspapers, buildings and agencies named after their city are singular or generic:
  "Port Alma Courier", "Port Alma Police Detectives").  Not when the article writes the
  place inside the team's name (the place is then the city) or when two teams fit.  The
  place record takes the team's corpus id and changes none of its counts.
- **Inconsistent labels.**  The tagger labels one name differently across articles
  ("Teixeira" as ORG, "SEACOM" as PERSON).  A name with no match of its own type joins an
  entity of another type written the same way (or, for one word, a person with that
  surname), only when they share a co-mentioned entity or the story.
- **Places** (GPE, LOC) by gazetteer id; FAC and NORP by folded name, each its own type
  (NORP is linked because "Ukrainian" is worth counting across articles, but never with
  places or people).
- **Context keeps namesakes apart.**  Each corpus entity keeps its stories, the name keys of
  entities co-mentioned with it and the title words of its roles.  Among candidates the one
  with most shared context wins; a name match is refused outright when the evidence is
  strong that it is someone else: known from *one other story* only, *no shared
  co-mentions* and *role words on both sides, none shared* (a footballer and a judge named
  John Smith).

- **Names the tagger missed.**  The written forms of the people and organisations linked
  so far (two or more capitalised words, or one of three letters or more; a form two
  corpus entities share is dropped) are looked for in each new article where none of its
  mentions is, before its own names are learnt; a one-word form only when the article
  never writes it in lower case.  Each corpus entity found gets a record of its own
  (ids ``X1``, ``X2``, ..., stage ``corpus``, mentions of kind ``name_again``), in
  :attr:`EntityLinker.found` after :meth:`EntityLinker.add`; the store keeps them as
  entity rows, and ``add`` drops such records from its input, so a relink finds them
  again the same way.  They change no corpus entity's counts or context.

Corpus entity ids are ``"C" + sha1(article key + "/" + entity id)[:16]`` of the entity's
first member, so they are stable across relinks of the same store in the same order.
State per corpus entity is a few small capped collections (see :class:`CorpusEntity`);
loose blocks (first word, last word, surname prefix, a bare surname's full names) are read
only :data:`MAX_BLOCK` entries deep, so an article costs about a millisecond however big
the store grows.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

from rapidfuzz.fuzz import ratio, token_sort_ratio

from . import CorpusArticle
from ..model import NAME_AGAIN
from .names import (acronym, as_acronym, fold, given_match, givens_compatible, org_key,
                    person_key, raw_words, sound_key)
from .places import Place, lookup, place_key

KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "FAC",
         "NORP": "NORP"}
MAX_CONTEXT = 32  # co-mention keys kept per corpus entity (the most frequent)
MAX_STORIES = 8  # most recent story ids kept per corpus entity
MAX_NAMES = 12  # distinct written names kept per corpus entity
MAX_BLOCK = 256  # a loose block (first word, last word, surname prefix) is read this far
SURNAME_FUZZ = 88
ORG_FUZZ = 92
WORD_FUZZ = 85  # each word of a fuzzy organisation match (names.given_match's bar)


class CorpusEntity:
    """What linking keeps of one corpus entity; small, capped collections only."""

    __slots__ = ("id", "kind", "labels", "names", "articles", "mentions", "givens", "surname",
                 "keys", "stories", "context", "roles", "place", "longest", "last_article")

    def __init__(self, cid: str, kind: str) -> None:
        self.id = cid
        self.kind = kind
        self.labels: Counter = Counter()
        self.names: Counter = Counter()
        self.articles = 0
        self.mentions = 0
        self.givens: set[str] = set()  # given-name keys of persons
        self.surname = ""
        self.keys: set[str] = set()  # index keys it is filed under
        self.stories: list[str] = []
        self.context: Counter = Counter()
        self.roles: set[str] = set()
        self.place: Optional[Place] = None
        self.longest = 0  # words in the longest organisation name it is known by
        self.last_article = ""  # so two records of one article count it once

    def add(self, mention: "Mention", story: Optional[str], article: str = "") -> None:
        self.labels[mention.label] += 1
        if mention.name in self.names or len(self.names) < MAX_NAMES:
            self.names[mention.name] += 1
        if article != self.last_article or not article:
            self.articles += 1
            self.last_article = article
        self.mentions += mention.count
        self.givens.update(mention.givens)
        self.roles.update(mention.roles)
        self.longest = max(self.longest, mention.words)
        if story is not None and story not in self.stories:
            self.stories = (self.stories + [story])[-MAX_STORIES:]
        # sorted, and ties cut by key: a set's order changes from one process to the next,
        # and linking must give the same result in every process (replay, relink)
        self.context.update(sorted(mention.context))
        if len(self.context) > MAX_CONTEXT:
            kept = sorted(self.context.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CONTEXT]
            self.context = Counter(dict(kept))


class Mention:
    """One article entity prepared for linking: its keys, context and roles."""

    __slots__ = ("eid", "label", "kind", "name", "count", "givens", "surname", "key",
                 "context", "roles", "place", "words")

    def __init__(self, record: dict) -> None:
        self.eid = record["id"]
        self.label = record.get("label", "")
        self.kind = KINDS.get(self.label, "")
        self.name = " ".join((record.get("name") or "").split())
        self.count = max(1, len(record.get("mentions") or ()))
        self.givens: tuple[str, ...] = ()
        self.surname = ""
        self.key = ""
        self.place: Optional[Place] = None
        self.words = 0
        self.roles = _role_words(record.get("roles") or ())
        self.context: frozenset[str] = frozenset()
        if self.kind == "PERSON":
            self.givens, self.surname = person_key(self.name)
            self.key = "p:" + self.surname
            if not self.surname:
                self.kind = ""
        elif self.kind in ("ORG", "FAC"):
            self.key = self.kind[0].lower() + ":" + org_key(self.name)
            self.words = len(self.key.split())
        elif self.kind == "NORP":
            self.key = "n:" + _norp_key(self.name)
        elif self.kind == "PLACE":
            self.key = "g:" + place_key(self.name)


def _norp_key(name: str) -> str:
    """'Ukrainians' and 'Ukrainian' are one group."""
    key = fold(name).strip()
    return key[:-1] if key.endswith("s") and len(key) > 4 else key


def _role_words(roles: Iterable[dict]) -> frozenset[str]:
    """Title words of an entity's roles ("Reid's representative" -> {"representative"})."""
    from .names import _title_words

    titles = _title_words()
    words = {w for r in roles for w in raw_words(r.get("text") or "") if w in titles}
    # "president-elect" and "president" are one role for telling people apart
    return frozenset(words | {p for w in words for p in w.split("-") if p in titles})


class EntityLinker:
    """Online cross-article entity linking (see the module docstring for the rules)."""

    def __init__(self) -> None:
        self.entities: dict[str, CorpusEntity] = {}
        self.index: dict[str, list[str]] = {}  # blocking key -> corpus ids, oldest first
        self.bare: dict[str, str] = {}  # surname key -> its surname-only entity
        self._taken: set[str] = set()  # corpus ids linked so far in the current article
        # written forms of linked names -> their corpus id ("" once two entities share one)
        self.forms: dict[str, str] = {}
        self.found: list[dict] = []  # the records search_names made for the last article

    # --- public API -------------------------------------------------------------------
    def add(self, article: CorpusArticle, story: Optional[str] = None) -> dict[str, str]:
        """Link one article's entities; return {article entity id: corpus entity id}.

        ``story`` is the article's story id from story clustering, or None if unknown.
        """
        records = [r for r in article.entities if not str(r.get("id", "")).startswith(FOUND)]
        found = self._search(article.text or "", records)
        mentions = [m for m in (Mention(r) for r in records) if m.kind and m.name]
        _resolve_places(mentions)
        keys = {m.key for m in mentions if m.kind in ("PERSON", "ORG", "PLACE")}
        for m in mentions:
            m.context = frozenset(keys - {m.key})
        out: dict[str, str] = {}
        self._taken = set()
        teams: Optional[dict] = None
        for m in mentions:
            if m.kind == "PLACE":  # "Boston" for the Red Sox (see _teams)
                if teams is None:
                    teams = self._teams(mentions, story)
                team = teams.get(raw_words(m.name))
                if team is not None:
                    out[m.eid] = team.id
                    continue
            entity = self._find(m, story)
            if entity is None:
                entity = self._new(article.key, m)
            entity.add(m, story, article.key)
            self._file(entity, m)
            out[m.eid] = entity.id
            self._taken.add(entity.id)
        self._learn(records, out)
        self.found = []
        for n, (cid, hits) in enumerate(found.items(), 1):
            entity = self.entities[cid]
            record = {"id": f"{FOUND}{n}", "label": entity.labels.most_common(1)[0][0],
                      "name": hits[0][2], "roles": [], "stage": "corpus",
                      "mentions": [{"start": s, "end": e, "text": f, "kind": NAME_AGAIN}
                                   for s, e, f in hits]}
            self.found.append(record)
            out[record["id"]] = cid
        return out

    def _teams(self, mentions: list[Mention], story: Optional[str]
               ) -> dict[tuple[str, ...], CorpusEntity]:
        """{place words: corpus organisation} for a city that stands for a team: the
        article names an organisation by its distinctive name alone ("Otters"), and
        earlier articles wrote it in full as this place and that name ("Port Alma
        Otters"), a team's name (:func:`_team_name`), so "Port Alma" there is the team.
        Not when the article writes the place in the name itself ("Port Alma Otters":
        then "Port Alma" is the city), nor for a place two such organisations share."""
        places = {raw_words(m.name) for m in mentions if m.kind == "PLACE"}
        out: dict[tuple[str, ...], Optional[CorpusEntity]] = {}
        for m in mentions:
            if m.kind != "ORG":
                continue
            e = self._find_org(m, story)
            if e is None or e.kind != "ORG":
                continue
            own = raw_words(m.name)
            for name in e.names:
                words = raw_words(name)
                for place in places:
                    n = len(place)
                    if (0 < n < len(words) and words[:n] == place and own[:n] != place
                            and _team_name(words[n:])):
                        out[place] = e if out.get(place, e) is e else None
        return {k: v for k, v in out.items() if v is not None}

    # --- names the tagger missed in this article but found in others ----------------
    def _search(self, text: str, records: list[dict]) -> dict[str, list[tuple[int, int, str]]]:
        """{corpus id: [(start, end, form)]}: the written forms of names linked in earlier
        articles (:meth:`_learn`) that this article writes where none of its mentions is,
        each form read as one word after another, separated by one space; a one-word
        form only when the article never writes it in lower case ("Police" is a word)."""
        if not self.forms or not text:
            return {}
        taken = sorted((m["start"], m["end"]) for r in records for m in r.get("mentions") or ())
        # (start, end without "'s", end as written) of the words a name can hold
        tokens = [(t.start(), t.start() + len(_core(t.group())), t.end())
                  for t in _TOKEN.finditer(text)]
        # run[k]: how many words from the k-th on are written one space apart (a word
        # ending in "'s" ends a run)
        run = [1] * len(tokens)
        for k in range(len(tokens) - 2, -1, -1):
            _, core, end = tokens[k]
            if core == end and tokens[k + 1][0] == end + 1 and text[end] == " ":
                run[k] = run[k + 1] + 1
        lower: Optional[set[str]] = None
        out: dict[str, list[tuple[int, int, str]]] = {}
        i, upto = 0, 0
        while i < len(tokens):
            start = tokens[i][0]
            hit = None
            if start >= upto and text[start].isupper():
                for n in range(min(MAX_FORM_WORDS, run[i]), 0, -1):
                    last = tokens[i + n - 1]
                    form = text[start:last[1]]
                    cid = self.forms.get(form)
                    if not cid:
                        continue
                    if n == 1:
                        if lower is None:
                            lower = set(_LOWER.findall(text))
                        if form.lower() in lower:
                            continue
                    if _overlaps(taken, start, last[1]):
                        continue
                    hit = (start, last[1], form, cid, n)
                    break
            if hit:
                out.setdefault(hit[3], []).append(hit[:3])
                upto = hit[1]
                i += hit[4]
            else:
                i += 1
        return out

    def _learn(self, records: list[dict], links: dict[str, str]) -> None:
        """Remember how this article wrote its people and organisations: names of two or
        more capitalised words ("Red Sox", "Regina Benjamin"), and one capitalised word of
        three letters or more; a form two corpus entities share is kept for neither."""
        for r in records:
            cid = links.get(r.get("id"))
            if cid is None or r.get("label") not in ("PERSON", "ORG"):
                continue
            for m in r.get("mentions") or ():
                if m.get("kind") != "name":
                    continue
                form = _core((m.get("text") or "").strip())
                words = form.split(" ")
                if len(words) > MAX_FORM_WORDS or not form[:1].isupper():
                    continue
                if len(words) == 1 and len(form) < 3:
                    continue
                if len(words) > 1 and not all(w[:1].isupper() for w in words if len(w) > 3):
                    continue
                if self.forms.get(form, cid) != cid:
                    self.forms[form] = ""
                else:
                    self.forms[form] = cid

    def records(self) -> list[dict]:
        """One dict per corpus entity, in creation order."""
        return [_record(e) for e in self.entities.values()]

    def record(self, cid: str) -> dict:
        """The dict of one corpus entity (as :meth:`records` gives it)."""
        return _record(self.entities[cid])

    def shown(self, cid: str) -> tuple[str, str]:
        """(name, label) of one corpus entity, as its record gives them."""
        e = self.entities[cid]
        return _name(e), _label(e)

    # --- finding candidates -----------------------------------------------------------
    def _find(self, m: Mention, story: Optional[str]) -> Optional[CorpusEntity]:
        if m.kind == "PERSON":
            found = self._find_person(m, story)
        elif m.kind == "ORG":
            found = self._find_org(m, story)
        elif m.kind == "PLACE" and m.place is not None:
            return self._best(self._get("geo:%d" % m.place.geonameid), m, story)
        else:
            found = self._best(self._get(m.key), m, story)
        return found or self._find_other_kind(m, story)

    def _find_other_kind(self, m: Mention, story: Optional[str]) -> Optional[CorpusEntity]:
        """The tagger labels one name differently in different articles ("Teixeira" as an
        organisation, "SEACOM" as a person).  A name with no match of its own kind joins an
        entity of another kind written the same way, or a person with that surname when it
        is one word, but only with shared context (a co-mentioned entity or the story)."""
        words = raw_words(m.name)
        candidates = self._get("x:" + " ".join(words))
        if len(words) == 1 and m.kind != "PERSON":
            candidates += [e for e in self._get("p:" + sound_key(words[0]), MAX_BLOCK)
                           if e.givens]
        return self._best([e for e in candidates if e.kind != m.kind], m, story, min_shared=1)

    def _find_person(self, m: Mention, story: Optional[str]) -> Optional[CorpusEntity]:
        surnames = [m.surname]
        if "p:" + m.surname not in self.index and len(m.surname) >= 5:
            surnames = sorted({e.surname for e in self._get("p3:" + m.surname[:3], MAX_BLOCK)
                               if ratio(e.surname, m.surname) >= SURNAME_FUZZ})
        bare = [self.entities[self.bare[s]] for s in surnames if s in self.bare]
        bare = [e for e in bare if not e.givens]
        if not m.givens:  # "Smith": the full name context favours, else the best known
            full = [e for s in surnames for e in self._get("p:" + s, MAX_BLOCK) if e.givens]
            found = self._best(full, m, story) or self._best(bare, m, story)
            if found is None and "p:" + m.surname not in self.index:
                # "Katie" where no one has that surname: the full name whose given name it
                # is, only with shared context (a first-name-only mention of someone named
                # in full elsewhere: victims, children, athletes)
                found = self._best([e for e in self._get("pf:" + m.surname, MAX_BLOCK)
                                    if e.id not in self._taken], m, story, min_shared=1)
            return found
        # full names are filed by surname and given-name initial, so a common surname's
        # block stays small
        seen: dict[str, CorpusEntity] = {}
        for s in surnames:
            for g in m.givens:
                for e in self._get(f"pg:{s}|{g[0]}", MAX_BLOCK):
                    seen.setdefault(e.id, e)
        full = list(seen.values())
        if surnames != [m.surname]:
            # a surname spelled differently ("Kougias"/"Kouyias") is weak evidence: a full
            # name then needs a full given name in common ("Alexis"), not an initial, and
            # never joins a one-word name ("Tina Valentino" is not the "Valentine" an
            # earlier article named alone)
            return self._best([e for e in full if _full_given_in_common(m.givens, e.givens)],
                              m, story)
        found = self._best([e for e in full if givens_compatible(m.givens, tuple(e.givens))],
                           m, story)
        # a short form ("Katie"/"Kathryn", "Alexis"/"Alexandros") only with context, and
        # never someone this article already named: it would be a relative
        short = [e for e in full if e.id not in self._taken and _same_start(m.givens, e.givens)]
        return found or self._best(short, m, story, min_shared=1) or self._best(bare, m, story)

    def _find_org(self, m: Mention, story: Optional[str]) -> Optional[CorpusEntity]:
        found = self._best(self._get(m.key), m, story)
        if found:
            return found
        own_acronym = as_acronym(m.name)
        if own_acronym:  # "FBI": a longer name with these initials
            return self._best(self._get("oa:" + own_acronym), m, story)
        words = m.key[2:].split()
        if not words:  # a name of punctuation only: nothing to match on
            return None
        initials = acronym(m.name)
        if initials:  # "Federal Bureau of Investigation": an entity written "FBI"
            found = self._best([e for e in self._get("o:" + initials) if e.longest == 1],
                               m, story)
            if found:
                return found
        near = {e.id: e for k in ("of:" + words[0], "oh:" + words[-1])
                for e in self._get(k, MAX_BLOCK)}
        fuzzy = [e for e in near.values()
                 if any(token_sort_ratio(m.key[2:], k[2:]) >= ORG_FUZZ
                        and _same_words(m.key[2:], k[2:]) for k in e.keys
                        if k.startswith("o:"))]
        found = self._best(fuzzy, m, story)
        if found:
            return found
        if len(words) > 1:
            found = self._best(self._org_prefixes(words), m, story, min_shared=1)
        if found or words[-1] in _generic_heads():
            return found
        # "Red Sox" or "Sox": the end of a known "Boston Red Sox"
        found = self._best(self._get("ot:" + " ".join(words)), m, story)
        for n in range(1, len(words)):  # "Boston Red Sox" when only "Red Sox" was seen
            tail = words[n:]
            found = found or self._best([e for e in self._get("o:" + " ".join(tail))
                                         if e.longest == len(tail)], m, story)
        return found

    def _org_prefixes(self, words: list[str]) -> list[CorpusEntity]:
        """Organisations whose names and this one (``words``, its key's words) differ only
        by generic organisation nouns at the end of the longer: a known longer name
        ("Alma Police" -> "Alma Police Department"), or an entity known only by a shorter
        name.  The shorter has two words or more and ends in such a noun itself: "Ford"
        is not "Ford Foundation", and a town the tagger took for an organisation ("Fort
        Alma") is not its police ("Fort Alma Police")."""
        heads = _generic_heads()
        if words[-1] not in heads:  # the generic nouns at the end are both names' last
            return []
        out = []
        for e in self._get("of:" + words[0], MAX_BLOCK):
            for k in e.keys:
                if not k.startswith("o:"):
                    continue
                other = k[2:].split()
                n = min(len(other), len(words))
                longer = other if len(other) > len(words) else words
                if n > 1 and len(other) != len(words) and other[:n] == words[:n] and all(
                        w in heads for w in longer[n - 1:]) and (
                        len(other) > len(words) or e.longest == len(other)):
                    out.append(e)
                    break
        return out

    def _get(self, key: str, limit: Optional[int] = None) -> list[CorpusEntity]:
        """Entities filed under a key, oldest first (the first ``limit`` of them)."""
        ids = self.index.get(key, ())
        return [self.entities[c] for c in (ids[:limit] if limit else ids)]

    def _best(self, candidates: list[CorpusEntity], m: Mention, story: Optional[str],
              min_shared: int = 0) -> Optional[CorpusEntity]:
        """The candidate with most shared context (then most articles, then oldest),
        skipping any that context says is someone else, or that shares less than
        ``min_shared`` (co-mentions, plus one for the same story)."""
        best, best_score = None, None
        for rank, e in enumerate(candidates):
            shared = len(m.context & e.context.keys())
            same_story = story is not None and story in e.stories
            if _apart(e, m, story, shared) or shared + same_story < min_shared:
                continue
            score = (shared + 2 * same_story + (1 if m.roles & e.roles else 0), e.articles,
                     -rank)
            if best_score is None or score > best_score:
                best, best_score = e, score
        return best

    # --- creating and filing ----------------------------------------------------------
    def _new(self, article_key: str, m: Mention) -> CorpusEntity:
        cid = "C" + hashlib.sha1(f"{article_key}/{m.eid}".encode("utf-8")).hexdigest()[:16]
        entity = CorpusEntity(cid, m.kind)
        entity.place = m.place
        self.entities[cid] = entity
        return entity

    def _file(self, e: CorpusEntity, m: Mention) -> None:
        """Index the entity under the keys of the name it was just seen with."""
        keys = []
        if m.kind == "PERSON":
            if not e.surname:
                e.surname = m.surname
                keys += ["p:" + m.surname, "p3:" + m.surname[:3]]
            if not m.givens and not e.givens:  # the surname-only entity of this surname
                self.bare[e.surname] = e.id
            keys += [f"pg:{e.surname}|{g[0]}" for g in m.givens]
            if m.givens and len(m.givens[0]) > 1:
                keys.append("pf:" + m.givens[0])
        elif m.kind == "ORG":
            words = m.key[2:].split()
            keys += [m.key, "of:" + words[0], "oh:" + words[-1]]
            if len(words) > 1 and words[-1] not in _generic_heads():
                keys += ["ot:" + " ".join(words[n:]) for n in range(1, len(words))]
            if acronym(m.name) and len(words) > 1:
                keys.append("oa:" + acronym(m.name))
        elif m.kind == "PLACE" and e.place is not None:
            keys.append("geo:%d" % e.place.geonameid)
        else:
            keys.append(m.key)
        keys.append("x:" + " ".join(raw_words(m.name)))
        for k in keys:
            if k not in e.keys:
                e.keys.add(k)
                self.index.setdefault(k, []).append(e.id)


FOUND = "X"  # ids of the records search found ("X1", "X2", ...); entity records are "E.."
MAX_FORM_WORDS = 4  # longest written form searched
# words a name can hold: capitalised ones or digits first, and the small words inside names
# ("Academy of Motion Picture Arts and Sciences"); a form starts with a capital
_TOKEN = re.compile(r"(?<![\w'’-])(?:[A-Z0-9][\w&'’.-]*|(?:of|and|the|for|de|du|la|del|der|"
                    r"van|von)(?![\w'’-]))")
_LOWER = re.compile(r"(?<![\w-])[a-z][\w'’-]*")
_POSSESSIVE_END = re.compile(r"(?:['’]s|['’.])+$")


def _core(word: str) -> str:
    """A token or name without a possessive or trailing dot: "Obama's" -> "Obama"."""
    if word[-1] not in "s'’.":
        return word
    return _POSSESSIVE_END.sub("", word) or word


def _same_words(a: str, b: str) -> bool:
    """Are two organisation keys the same words spelled differently ("kraft food" /
    "kraft foods", "kodak theatre" / "kodak theater"), not one word for another: as many
    words, each as close to the one in its place as given names must be (ratio >= 85).
    A whole-name ratio alone lets a short distinctive word change: "Kent Police
    Department" / "Killeen Police Department", "Orange County Sheriff's Office" /
    "Racine County Sheriff's Office"."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(x == y or ratio(x, y) >= WORD_FUZZ
                                      for x, y in zip(wa, wb))


def _team_name(words: tuple[str, ...]) -> bool:
    """Do the words after the place name a team ("Otters", "Golden Herons"): a plural
    ending, and no generic organisation noun ("Police Detectives", "Sun-Times")?
    Newspapers, buildings and agencies named after their city are singular or generic."""
    heads = _generic_heads()
    if any(part in heads for w in words for part in w.split("-")):
        return False
    last = words[-1]
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _full_given_in_common(a: tuple[str, ...], b: Iterable[str]) -> bool:
    """Do two given-name lists share a given name written out (not an initial)?"""
    return any(len(x) > 1 and len(y) > 1 and given_match(x, y) for x in a for y in b)


def _same_start(a: tuple[str, ...], b: Iterable[str]) -> bool:
    """Do the first given names share their first three letters (a short form)?"""
    return bool(a) and len(a[0]) >= 3 and any(len(g) >= 3 and g[:3] == a[0][:3] for g in b)


def _apart(e: CorpusEntity, m: Mention, story: Optional[str], shared: int) -> bool:
    """Strong evidence that a name match is a namesake: the entity is known from one other
    story only, shares no co-mentioned entity, and both sides have role words, none in
    common.  An entity already reported in several stories is a public figure whose roles
    change ("senator", then "president"), so roles no longer tell it apart."""
    return (story is not None and len(e.stories) == 1 and story not in e.stories
            and shared == 0 and bool(m.roles) and bool(e.roles) and not (m.roles & e.roles))


def _resolve_places(mentions: list[Mention]) -> None:
    """Resolve GPE/LOC names; cities are resolved again near the article's countries and
    states ("Springfield" in an article that also names Illinois)."""
    places = [m for m in mentions if m.kind == "PLACE"]
    for m in places:
        m.place = lookup(m.name)
    areas = [m.place for m in places if m.place is not None and m.place.kind != "city"]
    if areas:
        for m in places:
            if m.place is not None and m.place.kind == "city":
                m.place = lookup(m.name, areas)
    for m in places:
        if m.place is not None:
            m.key = "g:%d" % m.place.geonameid


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    from ..stages.entities.lexicon import org_heads

    # organisation keys spell words of more than three letters by their sound key
    # ("agency" -> "agenci", "committee" -> "comite"): keep both spellings
    heads = {fold(h).rstrip(".") for h in org_heads()}
    return frozenset(heads | {sound_key(h) for h in heads})


def _name(e: CorpusEntity) -> str:
    """The name an entity is shown by: its most common written name (for a person, the
    most common *full* name, if any), ties cut alphabetically; for a place, the
    gazetteer's own name when the articles write it ("Indiana", not the dateline's
    "Ind."); a dateline's capitals ("HOUSTON") only when nothing else is written."""
    names = sorted(e.names.items(), key=lambda kv: (-kv[1], kv[0]))
    if e.place is not None:
        own = fold(e.place.name)
        names = [kv for kv in names if fold(kv[0]) == own] + \
            [kv for kv in names if fold(kv[0]) != own]
    written = {n.lower() for n in e.names if not n.isupper()}
    names = [kv for kv in names if not (kv[0].isupper() and kv[0].lower() in written)] + \
        [kv for kv in names if kv[0].isupper() and kv[0].lower() in written]
    if e.kind == "PERSON":
        full = [kv for kv in names if len(kv[0].split()) > 1]
        names = full + [kv for kv in names if kv not in full]
    return names[0][0] if names else ""


def _label(e: CorpusEntity) -> str:
    return e.labels.most_common(1)[0][0] if e.labels else e.kind


def _record(e: CorpusEntity) -> dict:
    out = {"id": e.id, "label": _label(e), "name": _name(e), "variants": sorted(e.names),
           "articles": e.articles, "mentions": e.mentions}
    if e.place is not None:
        out.update({"geonameid": e.place.geonameid, "place": e.place.name,
                    "place_kind": e.place.kind, "lat": e.place.lat, "lon": e.place.lon,
                    "country": e.place.country, "admin1": e.place.admin1})
    return out
