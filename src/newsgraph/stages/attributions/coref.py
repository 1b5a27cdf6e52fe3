"""Who a pronoun source means: a small ranker over the people and groups of the article.

Round 1 sent "he said" to the last *named* speaker, whatever its gender, and
never to an unnamed one ("a spokesperson for the association ... he said" went
to the union leader quoted before).  Here a pronoun is resolved as coreference:

* **Referents** are every PERSON/ORG/GPE/NORP entity of the article, every
  *unnamed description* that can speak ("a spokeswoman for the company",
  "officials", "the victim's mother", "the senator's advisers"), and pairs of people joined by "and"
  ("Mr. Grassley and Mr. Leahy ... they wrote").
* Each referent gets a **gender** from evidence in the text: honorifics
  (Mr/Ms/Mrs), a given name or role noun (``lexicons/person_gender.txt``), and
  he/she pronouns in clauses the person is the subject of ("Fowler said he
  expects") or opening the next sentence as its subject ("Fowler chairs the panel.
  He ...").  Relatives who share a surname are different entities with
  different given names, so gender and recency keep them apart.
* A **candidate** is a compatible referent (he/she: a singular person or
  description; they/we: a group, organisation, place or plural description; it:
  an organisation or place) seen in the preceding paragraphs, described by a
  handful of features: gender agreement or clash, distance in sentences and
  paragraphs, subject position, whether its latest mention is the subject of a
  speech verb (turn-taking; "He added" carries on the latest speaker's turn),
  whether that mention sits inside someone else's quotation or inside what someone
  else reports ("Roe said *Doe* could ..."), or in a relative or adverbial clause
  (background: "Gray, who served under *Bush*, ..."), how often it was named, how many
  pronouns already took it up (the person the text keeps talking about: "He implied ...
  He called ..." past a quoted intruder), recency rank among compatible candidates.
  A "nobody" candidate stands for an unnamed referent ("It says" of a report).
* A linear ranker (``lexicons/speaker_ranker.json``, a conditional logit fitted
  by ``scripts/train_speaker_ranker.py`` on the *tuning* half of
  ``polnear-speakers``; ``make speaker-model``) scores the candidates; the best
  wins and its softmax probability is the resolution's confidence.

An unnamed winner stays unnamed: no entity, its description as the name,
sourcing ``anonymous``.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ...model import NAME_AGAIN
from ..entities.lexicon import census_given_names
from ..nlp import title_words
from .lexicon import (LEXICONS, _lines, anonymous_nouns, description_nouns, media_words,
                      reporting_verbs)
from .syntax import age_number

SINGULAR_PERSON = frozenset("he she him her".split())
FIRST_PERSON = frozenset("i me we us".split())
PLURAL = frozenset("they them we us".split())
NEUTER = frozenset(("it",))
HONORIFICS = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f",
              "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
FAMILY = frozenset("mother father wife husband son daughter brother sister parent parents "
                   "grandmother grandfather aunt uncle cousin boyfriend girlfriend widow "
                   "neighbor neighbour victim relative relatives family".split())
# Common nouns for one unnamed person that news lets speak and then takes up with "he" or
# "she" ("A 12-year-old boy was in the room ... the boy told a reporter ... he said"): with
# the role and anonymous-source lists, a referent of their own, never a thing.
PERSON_NOUNS = frozenset("man woman boy girl child kid teen teenager youth adult person "
                         "student pupil witness bystander passenger driver motorist cyclist "
                         "pedestrian neighbor neighbour resident homeowner tenant roommate "
                         "friend classmate coworker colleague customer shopper employee "
                         "worker clerk patient survivor suspect gunman shooter".split())
# Quantifiers that stand for a group of people named before ("West and Lee were treated.
# *Both* told police ..."; "*All* have denied it"): resolved as "they", over groups only.
QUANTIFIERS = frozenset(("both", "all", "each", "neither"))
MAX_SENT_BACK = 12
# A pronoun resolved at least this surely joins its referent's chain: the naming threshold
# of speakers.MIN_PRONOUN_CONFIDENCE (what is named is what is chained).
CHAIN_CONFIDENCE = 0.4
MAX_PARA_BACK = 4
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}

FEATURES = (
    "gender_agree", "gender_clash", "gender_unknown", "sent0", "sent1", "sent_log",
    "other_para", "subject", "speech_subject", "latest_speaker", "in_quote", "possessor",
    "mentions_log", "unnamed", "rank0", "rank1", "org", "gpe", "norp", "plural_people",
    "none_he", "none_they", "none_it", "none_first", "none_latest_subject_thing",
    "author", "org_noun", "main_subject", "latest_subject", "addressee", "governs",
    "para_main", "thing", "in_content", "goes_on_speaker", "governs_nearest",
    "embedded", "pronoun_chain",
)
ORG_NOUNS = frozenset("campaign company firm group committee government administration agency "
                      "department ministry newspaper network union association organization "
                      "organisation party team club council board office commission "
                      "institute foundation corporation bank court".split())
# Words before a name that make it a vessel, not a person ("the warship Admiral Kuznetsov",
# "USS John Rodgers"); compared lower case without the period.
# ("carrier" only as "aircraft carrier": a mail carrier is a person)
VESSELS = frozenset("ship warship frigate destroyer cruiser submarine vessel tanker freighter "
                    "ferry yacht trawler tugboat icebreaker corvette "
                    "uss hms hmas hmcs usns ins rfa mv".split())
# Plural nouns for a police force's people: with one force named, they are that force.
POLICE_WORDS = frozenset(("police", "officer", "investigator", "detective", "deputy",
                          "authority", "trooper"))
# Verbs that carry on a turn ("He added", "she continued"): with a pronoun subject, the
# latest speaker is the referent in 35 of 35 such rows of the ranker's training data
# (feature goes_on_speaker; the other features already rank those rows right, so it
# learns a small weight).
GOES_ON = frozenset(("add", "continue", "conclude", "reiterate", "repeat", "elaborate"))
# A census given name's gender weighs less than one he/she the text uses for the person.
CENSUS_NAME_WEIGHT = 0.9
BIO_VERBS = frozenset(("is", "was", "has", "writes", "teaches", "lives", "served"))
# Before a name opening its paragraph: nothing, or up to two titles ("Rep.", "Dr. Sen.").
_TITLE_LEAD = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s+){0,2}")


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Given names (capitalised) and role nouns (lower case) -> "m"/"f"."""
    out = {}
    for line in _lines("person_gender.txt"):
        g, _, word = line.partition(" ")
        out[word] = g
    return out


@lru_cache(maxsize=1)
def ranker_weights() -> dict[str, float]:
    path = LEXICONS / "speaker_ranker.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


@dataclass
class MentionInfo:
    start: int
    end: int
    sent: int
    para: int
    subject: bool
    speech_subject: bool
    in_quote: bool
    possessor: bool
    main_subject: bool = False
    addressee: bool = False  # "told *Smith*", "said to *Smith*": spoken to, not speaking
    head_i: int = -1  # the mention's head token, for "X said *he* ..." (X governs he)
    in_content: bool = False  # in what another source reports: "Roe said *Doe* could ..."
    embedded: bool = False  # in a relative or adverbial clause, or a noun's modifier
    pronoun: bool = False  # a resolved pronoun joined to the chain (add_mention)


@dataclass
class Referent:
    key: str
    entity: Optional[object]  # model.Entity, None for an unnamed description or a pair
    name: str
    kind: str  # PERSON | ORG | GPE | NORP | DESC | PAIR
    plural: bool = False
    gender: str = ""
    sure: bool = False
    evidence: dict = field(default_factory=lambda: {"m": [], "f": []})
    mentions: list = field(default_factory=list)
    starts: list = field(default_factory=list)  # mention offsets, sorted, for bisect
    size: int = 0  # people in a PAIR (a pair or a list)
    lemma: str = ""  # a description's head noun

    def vote(self, g: str, weight: float) -> None:
        if g in self.evidence:
            self.evidence[g].append(weight)

    def settle(self) -> None:
        """Gender from strong evidence (honorific, given name, role noun: weight >= 2) when
        there is any, else from the pronouns; "sure" when the strong evidence is one-sided,
        and then a he/she of the other gender cannot mean this referent."""
        strong = {g: sum(w for w in ws if w >= 2) for g, ws in self.evidence.items()}
        weak = {g: sum(w for w in ws if w < 2) for g, ws in self.evidence.items()}
        use = strong if strong["m"] or strong["f"] else weak
        m, f = use["m"], use["f"]
        self.gender = "m" if m > f else "f" if f > m else ""
        self.sure = bool(self.gender) and use is strong and min(m, f) == 0

@dataclass
class Choice:
    referent: Optional[Referent]
    confidence: float
    reason: str


class Discourse:
    """The referents of one article and their mentions, built once, queried per pronoun."""

    def __init__(self, doc, text: str, entities, quotes, author: Optional[str] = None
                 ) -> None:
        self.doc = doc
        self.text = text
        self.sent_starts = [s.start_char for s in doc.sents]
        self.para_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.quote_ranges = sorted((q.start, q.end) for q in quotes)
        self.quote_starts = [q[0] for q in self.quote_ranges]
        self.referents: list[Referent] = []
        self._add_entities(list(entities or ()))
        self._add_descriptions()
        self._add_pairs()
        self._add_things()
        self.authors = self._authors(author)
        for r in self.referents:
            r.mentions.sort(key=lambda m: m.start)
            r.starts = [m.start for m in r.mentions]
            r.settle()

    # ---- positions -------------------------------------------------------------------
    def sent_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def para_of(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos) - 1

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_ranges[i][0] < pos < self.quote_ranges[i][1]

    def _info(self, start: int, end: int) -> Optional[MentionInfo]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
        subj = head.dep_ in ("nsubj", "nsubjpass") or (
            head.dep_ in ("compound", "appos") and head.head.dep_ in ("nsubj", "nsubjpass"))
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else head.head.head
        speech = subj and verb.lemma_.lower() in reporting_verbs()
        if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
            speech = True
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.lemma_.lower() \
                in reporting_verbs():
            speech = True
        poss = head.dep_ == "poss" or self.text[end:end + 2] in ("'s", "' ")
        main = subj and verb.dep_ == "ROOT"
        gov = head.head
        addressee = (head.dep_ in ("dobj", "dative") and gov.lemma_.lower() in reporting_verbs()
                     ) or (head.dep_ == "pobj" and gov.lower_ == "to"
                           and gov.head.lemma_.lower() in reporting_verbs())
        return MentionInfo(start, end, self.sent_of(start), self.para_of(start), subj, speech,
                           self.in_quote(start), poss, main, addressee, head.i,
                           _in_content(head), _embedded(head))

    # ---- referents -------------------------------------------------------------------
    def _add_entities(self, entities) -> None:
        gw = gender_words()
        for ent in entities:
            if ent.label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            r = Referent(ent.id, ent, ent.name, ent.label,
                         plural=ent.label == "NORP")
            if ent.label == "PERSON":
                words = ent.name.split()
                if len(words) == 1 and not any(
                        o is not ent and o.label == "PERSON" and len(o.name.split()) > 1
                        and o.name.split()[-1] == words[0] for o in entities):
                    # a person named by one given name only ("Caroline", "Hillary"),
                    # never as anyone's surname in the article: a weak vote
                    self._given_name_vote(r, words, weak=True)
                self._given_name_vote(r, words[:-1])
                for role in getattr(ent, "roles", ()):
                    for w in role.span.text.lower().split():
                        if w in gw and w not in PRONOUN_GENDER:
                            # "His manager, Ines Carvalho": "his" is the manager's player
                            r.vote(gw[w], 2.0)
            for m in ent.mentions:
                if m.kind in ("pronoun", NAME_AGAIN):  # the ranker was fitted without these
                    continue
                info = self._info(m.span.start, m.span.end)
                if info is None:
                    continue
                r.mentions.append(info)
                if ent.label == "PERSON":
                    self._gender_evidence(r, info)
            if ent.label == "PERSON" and r.mentions:
                r.kind = self._not_a_person(r) or r.kind
            if r.mentions:
                self.referents.append(r)

    @staticmethod
    def _given_name_vote(r: Referent, words: list[str], weak: bool = False) -> None:
        """The first given name that tells a gender votes for it: strongly from the
        hand-made list; from the census tables (``census_given_names``) below one
        pronoun, because a name common for one sex is worn by the other too ("Lindsey",
        "Jean"): the pronouns the text uses for the person decide then.  ``weak``: a
        person named by one word only ("a resident named Caroline"), which may yet be a
        surname, votes below one pronoun whatever list knows the name."""
        gw, census = gender_words(), census_given_names()
        for word in words:
            if not word[:1].isupper():
                continue
            if gw.get(word) in ("m", "f"):
                r.vote(gw[word], CENSUS_NAME_WEIGHT if weak else 2.0)
                return
            if census.get(word):
                r.vote(census[word], CENSUS_NAME_WEIGHT)
                return

    def _not_a_person(self, r: Referent) -> Optional[str]:
        """A name the tagger took for a person that the text shows is a vessel ("the
        warship Admiral Kuznetsov", "INS Mysore", "the Ethiopian-flagged MV Gibe"): a
        THING, so that "he" and "she" cannot mean it."""
        for m in r.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            i = span.start - 1
            while i >= span.start - 2 and i >= 0 and self.doc[i].text[:1].isupper():
                i -= 1  # the rest of the ship's name ("warship *Admiral* Kuznetsov")
            words = [t.lower_.strip(".") for t in self.doc[max(0, i - 1):span.end - 1]]
            if any(w in VESSELS for w in words[1:]) or words[:2] == ["aircraft", "carrier"]:
                return "THING"
        return None

    def _gender_evidence(self, r: Referent, info: MentionInfo) -> None:
        """Honorific or role word before the name; he/she in the clause it is subject of,
        or as the subject of the next sentence when the name is this one's main subject
        (weak evidence, like any pronoun: it only counts where no title or given name
        tells)."""
        gw = gender_words()
        doc = self.doc
        span = doc.char_span(info.start, info.end, alignment_mode="expand")
        if span is None:
            return
        before = doc[span.start - 1] if span.start > 0 else None
        first = span[0]
        root = span.root
        beside = [root.head] if root.dep_ == "appos" else []
        beside += [c for c in root.children if c.dep_ == "appos"]
        for noun in beside:  # "Her son, Mateo Delgado,", "Ana Ruiz, his widow,"
            if noun.pos_ == "NOUN" and gw.get(noun.lower_) in ("m", "f"):
                r.vote(gw[noun.lower_], 2.0)
        for tok in (before, first):
            if tok is not None and tok.lower_ in HONORIFICS:
                r.vote(HONORIFICS[tok.lower_], 3.0)
            elif tok is not None and tok.lower_ in gw and tok.lower_ == tok.text.lower() \
                    and tok.pos_ == "NOUN":
                r.vote(gw[tok.lower_], 1.0)
        if info.main_subject and not info.in_quote:
            # "Raynard Cole chairs the panel. He said ...": the pronoun that takes up the
            # sentence's subject tells its gender when no given name or title does
            sent = span.root.sent
            if sent.end < len(doc):
                subj = next((t for t in doc[sent.end].sent if t.dep_ in ("nsubj", "nsubjpass")
                             and t.head.dep_ == "ROOT"), None)
                if subj is not None and subj.lower_ in ("he", "she") and \
                        not self.in_quote(subj.idx):
                    r.vote(PRONOUN_GENDER[subj.lower_], 1.0)
        if info.subject and not info.in_quote:
            verb = span.root.head
            for tok in verb.subtree:
                if tok.i >= span.end and tok.lower_ in PRONOUN_GENDER and \
                        not self.in_quote(tok.idx):
                    r.vote(PRONOUN_GENDER[tok.lower_], 1.0)
                    break

    def _add_descriptions(self) -> None:
        """Unnamed people who can speak: anonymous nouns, indefinite role nouns, kin."""
        anon = anonymous_nouns()
        desc = {w for w, lab in description_nouns().items() if lab == "PERSON"}
        gw = gender_words()
        covered = sorted((m.start, m.end) for r in self.referents for m in r.mentions)
        cstarts = [c[0] for c in covered]
        by_lemma: dict[str, Referent] = {}
        for tok in self.doc:
            if _age_noun(tok):  # "The 24-year-old said ... he said": an unnamed person
                info = self._info(tok.idx, tok.idx + len(tok.text))
                if info is not None:
                    r = Referent(f"desc:{tok.idx}", None,
                                 self.doc[tok.left_edge.i:tok.i + 1].text, "DESC",
                                 plural=False, lemma="person")
                    r.mentions.append(info)
                    self.referents.append(r)
                continue
            if tok.tag_ not in ("NN", "NNS") or tok.dep_ in ("compound", "amod"):
                continue
            lemma = tok.lemma_.lower()
            org_noun = lemma in ORG_NOUNS
            if lemma not in anon and lemma not in desc and lemma not in FAMILY \
                    and lemma not in PERSON_NOUNS \
                    and tok.lower_ not in ("police", "authorities") and not org_noun:
                continue
            if tok.dep_ == "appos" or any(c.dep_ == "appos" and c.ent_type_ for c in
                                          tok.children) or _named_after_of(tok):
                continue  # "Ivanka Trump, the nominee's daughter": the name is the referent
            i = bisect_right(cstarts, tok.idx) - 1
            if i >= 0 and covered[i][0] <= tok.idx < covered[i][1]:
                continue
            dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
            poss_name = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
            if lemma in desc and lemma not in anon and dets & {"the", "this", "that"}:
                continue  # "the senator" refers back to a named person
            if dets & {"the", "this", "that"} and tok.tag_ == "NN":
                holder = self._title_holder(tok)
                if holder is not None:  # "Officer Jane Doe ... the officer": her mention
                    info = self._info(tok.idx, tok.idx + len(tok.text))
                    if info is not None:
                        holder.mentions.append(info)
                    continue
            if poss_name and not org_noun and tok.tag_ != "NNS" and lemma not in FAMILY:
                continue  # "Trump's spokeswoman" may be named nearby; leave it to the source
            # (kin stay, as "the driver's sister" does: "Reyes's mother ... She said" is
            # the mother, unnamed, not the last woman named)
            # (a group stays: "Mr. Rubio's advisers conceded ... they were hoping" is the
            # advisers, unnamed, not two men named before them)
            plural = tok.tag_ == "NNS" or tok.lower_ in ("police", "authorities")
            force = self._police_force() if plural and lemma in POLICE_WORDS else None
            if force is not None:  # "Rio Rancho Police ... Investigators say": the force
                info = self._info(tok.idx, tok.idx + len(tok.text))
                if info is not None:
                    force.mentions.append(info)
                    self._absorb(tok.left_edge.idx, tok.idx)
                continue
            left = tok.left_edge.i
            right = tok.right_edge.i + 1 if tok.right_edge.i - left < 10 else tok.i + 1
            name = self.doc[left:right].text
            info = self._info(tok.idx, tok.idx + len(tok.text))
            if info is None:
                continue
            key = f"{lemma}|{plural}"
            r = by_lemma.get(key)
            if r is None or "a" in dets or "an" in dets:
                r = Referent(f"desc:{tok.idx}", None, name, "ORGDESC" if org_noun else "DESC",
                             plural=plural, lemma=lemma)
                by_lemma[key] = r
                self.referents.append(r)
                if lemma in gw:
                    r.vote(gw[lemma], 3.0)
            r.mentions.append(info)

    def _absorb(self, start: int, end: int) -> None:
        """A place naming the force's people ("*San Antonio* police") is part of that
        mention, not a referent of its own there."""
        for r in self.referents:
            if r.kind in ("GPE", "NORP"):
                r.mentions = [m for m in r.mentions if not start <= m.start < end]

    def _police_force(self) -> Optional[Referent]:
        """The one police or sheriff's force the article names, else None."""
        if not hasattr(self, "_force"):
            forces = [r for r in self.referents if r.kind == "ORG" and r.entity is not None
                      and {"police", "sheriff"} & set(r.name.lower().replace("'s", "").split())]
            self._force = forces[0] if len(forces) == 1 else None
        return self._force

    def _title_holder(self, tok) -> Optional[Referent]:
        """The person named nearest before ``tok`` with its word as a title
        (:func:`holds_title`), or None."""
        best = None
        for r in self.referents:
            if r.kind != "PERSON":
                continue
            for m in r.mentions:
                if m.start < tok.idx and (best is None or m.start > best[0]) and \
                        holds_title(self.text, m.start, m.end, tok.lower_):
                    best = (m.start, r)
        return best[1] if best else None

    def _add_things(self) -> None:
        """Documents and other things that speak in news ("the report says. It also
        notes ..."): a document noun (``attribution_media.txt``), any common noun that
        is the subject of a reporting verb, and a singular one that is a sentence's main
        subject ("The ad cites ... It also says").  Chosen, they leave the speaker unnamed, with
        the thing as its description; without them "it" went to the nearest organisation."""
        kinds = media_words()
        verbs = reporting_verbs()
        covered = sorted((m.start, m.end) for r in self.referents for m in r.mentions)
        cstarts = [c[0] for c in covered]
        by_lemma: dict[str, Referent] = {}
        for tok in self.doc:
            if tok.tag_ not in ("NN", "NNS") or tok.dep_ in ("compound", "amod") or tok.ent_type_:
                continue
            lemma = tok.lemma_.lower()
            speaks = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs
            # what a sentence is about ("The ad uses footage ... It also mentions", "The
            # rate is a term: it refers to ..."): "it" takes up a main subject as often
            # as a body named nearby
            topic = tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass") \
                and tok.head.dep_ == "ROOT" and not self.in_quote(tok.idx) \
                and lemma not in gender_words()  # "the former first lady": a person
            if kinds.get(lemma) != "document" and not speaks and not topic:
                continue
            if lemma in anonymous_nouns() or lemma in description_nouns() or lemma in FAMILY \
                    or lemma in PERSON_NOUNS or lemma in ORG_NOUNS \
                    or tok.lower_ in ("police", "authorities"):
                continue  # people and bodies are descriptions, not things
            i = bisect_right(cstarts, tok.idx) - 1
            if i >= 0 and covered[i][0] <= tok.idx < covered[i][1]:
                continue
            info = self._info(tok.idx, tok.idx + len(tok.text))
            if info is None:
                continue
            plural = tok.tag_ == "NNS"
            dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
            key = f"{lemma}|{plural}"
            r = by_lemma.get(key)
            if r is None or dets & {"a", "an"}:
                left = tok.left_edge.i
                right = tok.right_edge.i + 1 if tok.right_edge.i - left < 8 else tok.i + 1
                r = Referent(f"thing:{tok.idx}", None, self.doc[left:right].text, "THING",
                             plural=plural)
                by_lemma[key] = r
                self.referents.append(r)
            r.mentions.append(info)

    def _add_pairs(self) -> None:
        """People joined by "and" make a plural referent: "Mr. Grassley and Mr. Leahy", and
        a list ("Ann Lee, a judge; Bo Park; and Cy Dunn"), whose middle names the parser
        often hangs as appositives of the first; one referent for the whole list, named by
        its people in order."""
        people = [r for r in self.referents if r.kind == "PERSON"]
        at = {}
        for r in people:
            for m in r.mentions:
                at[m.start] = (r, m)
        starts = sorted(at)

        def person_at(tok):
            i = bisect_right(starts, tok.idx) - 1
            if i >= 0:
                r, m = at[starts[i]]
                if m.start <= tok.idx < m.end:
                    return r
            return None

        for start in starts:
            r, m = at[start]
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ == "conj":
                continue  # the list is built once, from its first member
            appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            toks = list(root.conjuncts) + appos + [c for a in appos for c in a.conjuncts]
            if not any(t.dep_ == "conj" for t in toks):
                continue  # no "and": an appositive alone is the same person
            group = [r]  # in the order the text lists them
            for tok in sorted(toks, key=lambda t: t.i):
                other = person_at(tok)
                if other is not None and all(other is not g for g in group):
                    group.append(other)
            if len(group) < 2:
                continue
            names = [g.name for g in group]
            name = names[0] if len(names) == 1 else \
                ", ".join(names[:-1]) + " and " + names[-1]
            pair = Referent(f"pair:{m.start}", None, name, "PAIR", plural=True,
                            size=len(group))
            pair.mentions.append(m)
            self.referents.append(pair)

    def _authors(self, author: Optional[str]) -> list[tuple[int, Referent]]:
        """Who "I" outside quotation marks is: the byline, a person who opens a bio line
        ("Jane Roe is a historian ...", "Rep. Jane Roe, D-Ore., chairs the committee.")
        or signs a paragraph of their own (a letter's signature), or a columnist's name
        labelling the headline ("Jane Roe: Why I ...").  (offset, referent) in text order."""
        out = []
        people = [r for r in self.referents if r.kind == "PERSON"]
        last_para = len(self.para_starts) - 1
        for r in people:
            for m in r.mentions:
                lead = self.text[self.para_starts[m.para]:m.start]
                if not _TITLE_LEAD.fullmatch(lead) or " " not in self.text[m.start:m.end]:
                    continue  # a full name opening its paragraph, perhaps after a title
                end = self.text.find("\n", m.end)
                end = len(self.text) if end < 0 else end
                rest = self.text[m.end:end].strip()
                first = rest.split(" ", 1)[0].lower() if rest else ""
                edge = m.para <= 1 or last_para - m.para <= 3
                bio = edge and (first in BIO_VERBS or self._bio_clause(m, end))
                signature = len(rest.split()) <= 4 and rest[:1] in ("", ".", ",")
                column = m.para == 0 and not lead and rest[:1] == ":"
                if bio or signature or column:
                    out.append((m.start, r))
        if author and not out:
            name = " ".join(author.split())
            ref = next((r for r in people if r.name == name), None)
            out.append((-1, ref or Referent("author", None, name, "PERSON")))
        out.sort(key=lambda x: x[0])
        return out

    def _bio_clause(self, m: MentionInfo, para_end: int) -> bool:
        """The name is the subject of a present-tense main verb ("chairs", "is") in a
        paragraph of one short sentence: a bio line, not narrative (which is past)."""
        if not (m.main_subject and self.sent_of(para_end - 1) == m.sent):
            return False
        verb = self.doc[m.head_i].head
        return verb.tag_ == "VBZ" and para_end - self.para_starts[m.para] <= 300

    def author_for(self, pos: int) -> Optional[Referent]:
        """The signature or bio at or after ``pos``, else the last one before it."""
        after = [r for p, r in self.authors if p >= pos]
        if after:
            return after[0]
        return self.authors[-1][1] if self.authors else None

    # ---- candidates and features -----------------------------------------------------
    def _argument(self, m: MentionInfo) -> bool:
        """A mention that is a clause's participant, not a word qualifying a noun
        ("Trump's microphone", "Carson supporters"), and outside quote marks (a speaker
        may name himself: 'He says ... "it's not Bernie Sanders"')."""
        return m.head_i >= 0 and not m.possessor and not m.in_quote and \
            self.doc[m.head_i].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative")

    def _named_in_own_clause(self, pos: int) -> Optional[tuple[int, int]]:
        """Characters of the clause a subject pronoun at ``pos`` reports ("*He* said [Lavardo
        was a standout kid]"): a name there cannot be the pronoun's referent (a pronoun
        subject never takes up a name in its own complement clause; "he said he", with
        a pronoun, can).  Not for a clause before the pronoun ("[Nixon never called], he
        said"): tried in session 24, it cost speaker accuracy on PolNeAR (0.906 -> 0.899)
        and on our beats (0.932 -> 0.909).  Only a name that is a participant counts
        (:meth:`_argument`):
        "He notes ... an issue with Trump's microphone" is written of Trump himself.
        Applied to the ranked candidates, not to the ranker's training rows: a hard
        constraint, like agreement."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].dep_ != "nsubj":
            return None
        tok = span[0]
        clause = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if clause is None:
            return None
        last = self.doc[clause.right_edge.i]
        return self.doc[clause.left_edge.i].idx, last.idx + len(last.text)

    def candidates(self, pron: str, pos: int) -> list[tuple[Optional[Referent], dict]]:
        """Compatible referents seen before ``pos`` with their features, plus "nobody"."""
        sent, para = self.sent_of(pos), self.para_of(pos)
        p_quote = self.in_quote(pos)
        gender = PRONOUN_GENDER.get(pron, "")
        rows = []
        narrator = pron in ("i", "me") and not p_quote  # the writer speaks, or nobody named
        for r in self.referents:
            if narrator or not _compatible(pron, r) or gender and r.sure and r.gender != gender:
                continue
            k = bisect_left(r.starts, pos) - 1
            if k < 0:
                continue
            m = r.mentions[k]
            if sent - m.sent > MAX_SENT_BACK or para - m.para > MAX_PARA_BACK:
                continue
            rows.append((m.start, r, m, k + 1))
        rows.sort(key=lambda x: -x[0])
        speech = [x for x in rows if x[2].speech_subject and not x[2].in_quote]
        latest_speaker = speech[0][1] if speech else None
        subjects = [x for x in rows if x[2].subject and not x[2].in_quote]
        latest_subject = subjects[0][1] if subjects else None
        ptok = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        ancestors = {t.i for t in ptok[0].ancestors} if ptok is not None and len(ptok) else set()
        # the subject of the nearest clause above the pronoun's own: "Roe said *Doe* lied
        # when he claimed ...": he is Doe, whose clause embeds his
        nearest_subject = _nearest_subject(ptok[0]) if ptok is not None and len(ptok) else -1
        # the report the pronoun itself sits in: a mention in that same report is not
        # "talked about by another source" for it ("Roe said Doe lied when he ...")
        p_report = _report_of(ptok[0]) if ptok is not None and len(ptok) else -1
        para_main = self._paragraph_main(para, pos)
        # "He added ...", "she went on": the pronoun carries on someone's turn
        goes_on = ptok is not None and len(ptok) > 0 and ptok[0].dep_ == "nsubj" and \
            ptok[0].head.lemma_.lower() in GOES_ON
        out = []
        for rank, (_, r, m, count) in enumerate(rows):
            d = sent - m.sent
            f = {
                "gender_agree": float(bool(gender) and r.gender == gender),
                "gender_clash": float(bool(gender) and bool(r.gender) and r.gender != gender),
                "gender_unknown": float(bool(gender) and not r.gender),
                "sent0": float(d == 0), "sent1": float(d == 1),
                "sent_log": math.log1p(max(d, 0)),
                "other_para": float(m.para != para),
                "subject": float(m.subject), "speech_subject": float(m.speech_subject),
                "latest_speaker": float(r is latest_speaker),
                "in_quote": float(m.in_quote and not p_quote),
                "possessor": float(m.possessor),
                "mentions_log": math.log(count),
                "unnamed": float(r.kind == "DESC"),
                "rank0": float(rank == 0), "rank1": float(rank == 1),
                "org": float(r.kind == "ORG"), "gpe": float(r.kind == "GPE"),
                "norp": float(r.kind == "NORP"),
                "plural_people": float(r.kind == "PAIR" or (r.kind == "DESC" and r.plural)),
                "org_noun": float(r.kind == "ORGDESC"),
                "main_subject": float(m.main_subject),
                "latest_subject": float(r is latest_subject),
                "addressee": float(m.addressee),
                "governs": float(d == 0 and m.subject and self.doc[m.head_i].head.i in ancestors),
                "para_main": float(r is para_main),
                "thing": float(r.kind == "THING"),
                "in_content": float(m.in_content and not p_quote and not (
                    d == 0 and p_report >= 0 and _report_of(self.doc[m.head_i]) == p_report)),
                "governs_nearest": float(d == 0 and m.head_i == nearest_subject),
                "goes_on_speaker": float(goes_on and r is latest_speaker),
                "embedded": float(m.embedded),
                "pronoun_chain": math.log1p(sum(x.pronoun for x in r.mentions[:count])),
            }
            out.append((r, f))
        if pron in ("i", "me") and not p_quote:
            author = self.author_for(pos)
            if author is not None:
                out.append((author, {"author": 1.0}))
        out.append((None, self._nobody(pron, pos)))
        return out

    def _paragraph_main(self, para: int, pos: int) -> Optional[Referent]:
        """The first main-clause subject of the pronoun's paragraph before it, else of the
        paragraph before: who the paragraph is about."""
        for p in (para, para - 1):
            best = None
            for r in self.referents:
                for m in r.mentions:
                    if m.para == p and m.main_subject and not m.in_quote and m.start < pos \
                            and (best is None or m.start < best[0]):
                        best = (m.start, r)
            if best is not None:
                return best[1]
        return None

    def add_mention(self, r: Referent, start: int, end: int) -> None:
        """A resolved pronoun becomes a mention of its referent, so the next pronoun
        sees the chain ("Ms. Roe said ... She added ... she said") and not only the
        last time the name was written."""
        info = self._info(start, end)
        if info is None:
            return
        k = bisect_left(r.starts, start)
        if k < len(r.starts) and r.starts[k] == start:
            return
        info.pronoun = True
        r.mentions.insert(k, info)
        r.starts.insert(k, start)

    def _nobody(self, pron: str, pos: int) -> dict:
        f = {"none_he": float(pron in SINGULAR_PERSON), "none_they": float(pron in PLURAL),
             "none_it": float(pron in NEUTER), "none_first": float(pron in FIRST_PERSON)}
        # the latest subject before the pronoun is a thing, not an entity ("The ad ... It says")
        tok = _latest_subject(self.doc, pos)
        if tok is not None and tok.pos_ == "NOUN" and not tok.ent_type_ \
                and tok.lemma_.lower() not in anonymous_nouns():
            f["none_latest_subject_thing"] = 1.0
        return f

    def resolve(self, pron: str, pos: int, possessive: bool = False, group: str = ""
                ) -> Choice:
        """The best candidate for pronoun ``pron`` at ``pos`` (None: nobody named).

        ``group``: a quantifier ("Both", "All") ranked as "they" over groups of people
        only (:func:`_a_group_for`).  Call in text
        order: a pronoun named here becomes a mention of its referent
        (:meth:`add_mention`) for the pronouns after it."""
        weights = ranker_weights()
        cands = self.candidates(pron, pos)
        if group:
            # a quantifier counts off a set just named; unlike "they" it is never generic,
            # so "nobody" is no candidate once a group is
            cands = [(r, f) for r, f in cands if r is not None and _a_group_for(group, r)] \
                or [(r, f) for r, f in cands if r is None]
        cands = [(r, f) for r, f in cands if not (f.get("gender_clash") and _mostly(r))]
        named_below = self._named_in_own_clause(pos)
        if named_below:  # "He said Lavardo was a standout": he is not Lavardo
            cands = [(r, f) for r, f in cands if r is None or not any(
                named_below[0] <= m.start < named_below[1] and self._argument(m)
                for m in r.mentions)]
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for _, f in cands]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(cands)), key=lambda i: scores[i])
        conf = exps[best] / sum(exps)
        ref = cands[best][0]
        if ref is None:
            return Choice(None, round(conf, 3), "pronoun: no compatible referent ranks first")
        feats = cands[best][1]
        if possessive and feats.get("latest_speaker") and not feats.get("rank0"):
            # "X criticised Y over his plan": a possessive carries no turn of speech, and
            # the latest speaker past a nearer compatible mention was wrong 7 times in 11
            # over 600 PolNeAR train articles (read); say so instead of guessing
            return Choice(None, round(conf, 3), "possessive: the latest speaker, not the "
                          f"nearest mention; too uncertain to name (best guess {ref.name})")
        if conf >= CHAIN_CONFIDENCE:
            self.add_mention(ref, pos, pos + len(pron))
        if feats.get("author"):
            return Choice(ref, round(conf, 3), "first person outside quotes: the writer")
        why = "the latest speaker" if feats.get("latest_speaker") else \
            "the nearest compatible mention" if feats.get("rank0") else "an earlier mention"
        if feats.get("gender_agree"):
            why += ", gender agrees"
        return Choice(ref, round(conf, 3), f"pronoun: {why}")


_TITLE_WORDS = re.compile(r"((?:[A-Z][\w'-]*\.?\s+){1,3})$")
_APPOS_ROLE = re.compile(r",\s+(?:the|a|an|[A-Z][\w.'-]*'s)\s+([\w' -]{1,40}?)\s*[,.;]")


# Words that make one title of two ("Lt. Gov.", "Vice President", "Atty. Gen."): abbreviated
# titles and prefixes of rank.
_TITLE_PARTS = frozenset(("lieutenant", "vice", "deputy", "acting", "assistant"))


@lru_cache(maxsize=1)
def _title_parts() -> frozenset:
    """:data:`_TITLE_PARTS` and every abbreviated title ("lt", "gov", "atty")."""
    return _TITLE_PARTS | frozenset(title_words())


def holds_title(text: str, start: int, end: int, word: str) -> bool:
    """Whether the name at start..end carries ``word`` as its title: capitalised words
    right before it or inside it before the surname ("Officer", "Police Officer",
    "Coroner") or the last word of an
    appositive right after it ("Gary Hart, the county coroner,")."""
    before = _TITLE_WORDS.search(text[max(0, start - 40):start])
    words = (before.group(1).split() if before else []) + text[start:end].split()[:-1]
    low = [w.strip(".").lower() for w in words]
    for k, w in enumerate(low):
        if word != w and word != title_words().get(w):  # "Gov." is governor
            continue
        parts = _title_parts()
        if k + 1 < len(low) and low[k + 1] in parts or k and low[k - 1] in parts:
            continue  # "Lt. Gov. Dan Price" is neither "the governor" nor "the lieutenant"
        return True  # also a title the name's own mention holds ("Coroner Gary Hargrove")
    after = _APPOS_ROLE.match(text, end)
    return bool(after) and after.group(1).split()[-1].lower() == word


def _mostly(r: Referent) -> bool:
    """The text tells ``r``'s gender at least two to one ("Ben ... his early years ... his
    brother", one stray "her"): a he/she of the other gender does not mean ``r``, even
    from the ranker's first place ("She said he travelled" went to Ben)."""
    own = sum(r.evidence.get(r.gender, []))
    other = sum(w for g, ws in r.evidence.items() if g != r.gender for w in ws)
    return bool(r.gender) and own >= 2 * other


def _a_group_for(quantifier: str, r: Referent) -> bool:
    """Whether ``r`` is a group a quantifier can stand for: people named together ("West
    and Lee ... Both"; two of them for "both" and "neither") or people described together
    by a noun for people in the story ("two men ... Both"), not a body's staff ("police",
    "officials"), who are not counted off."""
    two = quantifier in ("both", "neither")
    if r.kind == "PAIR":
        return r.size == 2 or not two and r.size > 2
    return r.kind == "DESC" and r.plural and (r.lemma in PERSON_NOUNS or r.lemma in FAMILY)


def _compatible(pron: str, r: Referent) -> bool:
    if pron in SINGULAR_PERSON or pron in ("i", "me"):
        return r.kind == "PERSON" or (r.kind == "DESC" and not r.plural)
    if pron in PLURAL:
        return r.kind in ("ORG", "GPE", "NORP", "PAIR", "ORGDESC") or \
            (r.kind in ("DESC", "THING") and r.plural)
    if pron in NEUTER:
        return r.kind in ("ORG", "GPE") or (r.kind in ("ORGDESC", "THING") and not r.plural)
    return False


_EMBEDDING = frozenset(("relcl", "acl", "advcl", "pcomp"))


def _embedded(tok) -> bool:
    """Whether ``tok`` sits in a relative, adverbial or participial clause ("Gray, who
    served under *Mr. Bush*'s father, ticked ..."): a background mention, less likely
    the one the next pronoun takes up."""
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in _EMBEDDING:
            return True
        tok = tok.head
    return False


def _in_content(tok) -> bool:
    """Whether ``tok`` sits in a clause another source reports ("Roe said *Doe* could file
    a complaint"): a clause above it is the complement of a reporting verb.  A name there
    is talked about, less likely the next speaker than the one who reports."""
    verbs = reporting_verbs()
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in verbs:
            return True
        tok = tok.head
    return False


def _report_of(tok) -> int:
    """The head of the clause a reporting verb above ``tok`` takes as its complement ("Roe
    said [Doe lied when he claimed ...]"), as a token index, or -1 (:func:`_in_content`)."""
    verbs = reporting_verbs()
    for _ in range(12):
        if tok.head.i == tok.i:
            return -1
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in verbs:
            return tok.i
        tok = tok.head
    return -1


def _nearest_subject(tok) -> int:
    """Index of the subject of the nearest clause above ``tok``'s own (the first ancestor
    past its head with a subject other than ``tok``), or -1."""
    seen = 0
    for anc in tok.ancestors:
        seen += 1
        if seen > 8:
            break
        for c in anc.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.i < tok.i:
                return c.i
    return -1


def _latest_subject(doc, pos: int):
    """The nearest subject token before ``pos``, in its own sentence or the one before."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    here = span[0]
    lo = here.sent.start
    if lo > 0:
        lo = doc[lo - 1].sent.start
    for i in range(here.i - 1, lo - 1, -1):
        if doc[i].dep_ in ("nsubj", "nsubjpass"):
            return doc[i]
    return None


def _named_after_of(tok) -> bool:
    """"A resident of Oak Hollow, Gary Pruitt, said": the parse hangs the person's name
    on the place of the "of" phrase, but the name is the description's referent (the
    source resolves it so), not a second person the pronouns may take."""
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
               and c.head.dep_ == "pobj" and c.head.head.head.i == tok.i
               for c in tok.subtree)


def _age_noun(tok) -> bool:
    """An age standing for a person in a noun's place: "the 24-year-old"."""
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") \
        and age_number(tok) is not None
