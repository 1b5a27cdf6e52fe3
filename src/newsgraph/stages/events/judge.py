"""A trained judge over trigger candidates: is this word an event here?

The trigger lexicon proposes; this model decides.  A lexicon fitted to a few
hundred sentences fires on every "beat", "charged" and "release" it meets, and
cannot tell a football attack from an armed one.  The judge is a multinomial
logistic regression over sparse features of the candidate in its sentence:
the trigger word and the type the lexicon read, the parse around it (relation,
head, object, prepositions), what kind of thing the actor is (entity label,
pronoun, head noun), and the sentence's own content words, which carry the
beat ("season", "album", "patients").  Since session 13 also the beats those
words mark (``lexicons/event_beats.txt``: "beat=sports" is shared by every sports
sentence, where each word alone is rare in training), whether actor and object can act
(a person, group or body; a thing such as "the heatwave" or "the app":
``agent_kind``), a reflexive object, an "-ly" adverb ("accidentally"), accident words
in the sentence, and a crime named as what someone is charged with ("charged with
murder").  Since session 16 (word sense) also an object that is a record or words
(``lexicons/event_record_nouns.txt``: "released the names", "code execution") and a
preposition that only says when (``prep_when``: "fired the coach on Monday" is no
"fired on").  Classes are the 16 PLOVER types plus
``NONE``.  It is trained by ``make event-model`` (``scripts/train_event_model.py``)
on the tuning halves of PLOVER gold, the events-extra sets, real news sentences
we labelled and sentences we wrote, with the candidates the no-event rules drop as
``NONE`` examples (session 24); the weights are ``lexicons/event_judge.npz``.

A candidate is kept when the judge's probability of ``NONE`` is below the
stored threshold, with the lexicon's type.  Tried and dropped (no gain on the
locked halves): letting the judge retype a candidate, and offering it every
other verb untyped so that it could find events the lexicon has no word for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .coding import actorish, can_act, is_non_agent
from .lexicon import read_text
from . import syntax
from .syntax import is_when as _when

MODEL_PATH = Path(__file__).resolve().parents[2] / "lexicons" / "event_judge.npz"
NONE = "NONE"
DENSE_SCALE = 0.3  # the tok2vec vector's entries are of order 1-10
_REFLEXIVE = frozenset(("himself", "herself", "themselves", "itself", "myself", "yourself"))
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who", "which", "that"))


def _lem(tok) -> str:
    return tok.lemma_.lower()


def _kind(analysis, tok) -> str:
    """What a participant is: an entity label, a pronoun, or its head noun."""
    if tok is None:
        return "none"
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return "pron"
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    return "noun:" + _lem(tok)


@lru_cache(maxsize=1)
def _beat_words() -> dict:
    """lemma -> beats it marks (``lexicons/event_beats.txt``)."""
    out: dict = {}
    for line in read_text("event_beats.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        name, _, words = line.partition(":")
        for w in words.split():
            out.setdefault(w, []).append(name.strip())
    return out


def sentence_features(sent) -> dict:
    """The sentence's content words (entity labels for names), which carry its beat, and
    the beats its words mark ("beat=sports" for "season", "striker", "3-1"), shared by
    every sentence of a beat where each word alone is rare in training."""
    words = {"w=" + (w.ent_type_ if w.ent_type_ else _lem(w)) for w in sent
             if w.is_alpha and not w.is_stop and w.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")}
    scale = 1.0 / math.sqrt(len(words)) if words else 0.0
    out = {w: scale for w in words}
    table = _beat_words()
    for w in sent:
        if w.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or w.like_num:
            for name in table.get(_lem(w), ()):
                out["beat=" + name] = 1.0
        if _lem(w) in _ACCIDENT or w.lower_ in _ACCIDENT:
            out["cue=accident"] = 1.0
        if syntax.is_score(w):
            out["beat=score"] = 1.0
    return out


# Words that make a shooting or a crash an accident (no PLOVER event in our guide).
_ACCIDENT = frozenset(("accidental", "accidentally", "accident", "unintentional",
                       "unintentionally", "misfire", "misfired", "inadvertently"))
# Words whose object names a crime someone is charged with, tried or convicted for
# ("charged with murder", "guilty of assault", "on trial for murder"): the crime named is
# the charge's content, not an act reported by the sentence.
_CHARGE_WORDS = frozenset(("charge", "count", "guilty", "convict", "conviction", "trial",
                           "indict", "indictment", "plead", "accuse", "suspicion", "sentence",
                           "acquit", "try", "arraign"))


@lru_cache(maxsize=1)
def person_nouns() -> tuple:
    """(nouns for people and groups, nouns for things) from ``event_person_nouns.txt``."""
    people, things = set(), set()
    for line in read_text("event_person_nouns.txt").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("things:"):
            things.update(line[len("things:"):].split())
        else:
            people.update(line.split())
    return frozenset(people), frozenset(things)


@lru_cache(maxsize=1)
def record_nouns() -> frozenset:
    """Nouns for information and records (``event_record_nouns.txt``): "the names", "code"."""
    return frozenset(w for line in read_text("event_record_nouns.txt").splitlines()
                     if not line.startswith("#") for w in line.split())


def _is_record(tok) -> bool:
    return tok is not None and (_lem(tok) in record_nouns() or tok.lower_ in record_nouns())


_QUANTITY_HEADS = frozenset(("hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                             "million", "millions", "number", "group", "crowd", "couple",
                             "pair", "team", "band", "handful", "score", "scores"))


# Compounds of "man", "woman", "person", "people" name people ("fishermen", "policewoman",
# "chairperson", "tradespeople"), however many the person-noun list leaves out; not these.
_PERSON_COMPOUND_ENDS = ("man", "woman", "person", "people")
_NOT_PERSON_COMPOUNDS = frozenset(("talisman", "ottoman", "doberman", "caiman", "walkman",
                                   "superman", "batman", "pacman", "catamaran"))


def _person_compound(tok) -> bool:
    low = _lem(tok)
    return tok.pos_ == "NOUN" and len(low) > 5 and low.endswith(_PERSON_COMPOUND_ENDS) \
        and low not in _NOT_PERSON_COMPOUNDS


def agent_kind(tok) -> str:
    """Whether a participant is someone who can act: ``agent`` (a named person, body or
    place, a pronoun for people, a word for people or groups, a compound of
    "man" or "people": "fishermen"), ``thing`` (a force of
    nature, a machine, a work or product: "the heatwave", "the beam", "the app"),
    ``nonagent`` (a word listed as an act or idea: "the decision"), ``noun`` (another
    common noun), ``it`` or ``none``.  "hundreds of refugees" is read by "refugees"."""
    if tok is None:
        return "none"
    if tok.lower_ in ("it", "its", "itself", "this", "that", "which"):
        return "it"
    people, things = person_nouns()
    if _lem(tok) in _QUANTITY_HEADS or tok.like_num:
        inner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if inner is not None:
            tok = inner
    lem = _lem(tok)
    if actorish(tok) or tok.pos_ == "PRON" or lem in people or tok.lower_ in people \
            or _person_compound(tok):
        return "agent"
    if lem in things or tok.lower_ in things:
        return "thing"
    if is_non_agent(tok):
        return "nonagent"
    return "noun"


def features(analysis, tok, etype: str, actor_tok=None, speech: bool = False,
             context: Optional[dict] = None) -> dict:
    """Sparse features of one candidate trigger ``tok`` read as ``etype``; ``context`` is
    ``sentence_features`` of its sentence (computed once per sentence by the caller)."""
    lem = _lem(tok)
    f = {
        "bias": 1.0,
        "type=" + etype: 1.0,
        "lem=" + lem: 1.0,
        "lem_type=" + lem + "|" + etype: 1.0,
        "pos=" + tok.pos_ + "|" + etype: 1.0,
        "tag=" + tok.tag_: 1.0,
        "dep=" + tok.dep_: 1.0,
        "head=" + _lem(tok.head): 1.0,
        "dep_head=" + tok.dep_ + "|" + _lem(tok.head): 1.0,
    }
    if speech:
        f["speech"] = 1.0
    for c in tok.children:
        d = c.dep_
        if d in ("dobj", "pobj", "attr", "oprd", "nsubjpass", "dative"):
            f["obj=" + _lem(c)] = 1.0
            f["objkind=" + _kind(analysis, c)] = 1.0
        elif d in ("prep", "prt", "agent") and _when(c):
            f["prep_when"] = 1.0  # "on Monday": when, not at whom ("fired the coach on Monday")
        elif d in ("prep", "prt", "agent"):
            f["prep=" + c.lower_] = 1.0
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    f["pobj=" + c.lower_ + "|" + _lem(p)] = 1.0
                    f["pobjkind=" + _kind(analysis, p)] = 1.0
        elif d in ("neg",):
            f["neg"] = 1.0
        elif d in ("aux", "auxpass"):
            f["aux=" + c.lower_] = 1.0
        elif d in ("amod", "compound", "nmod", "poss"):
            f["mod=" + _lem(c)] = 1.0
            f["modkind=" + _kind(analysis, c)] = 1.0
        elif d in ("xcomp", "ccomp"):
            f["comp=" + _lem(c)] = 1.0
    if actor_tok is not None and not can_act(actor_tok):
        f["actor_cannot_act"] = 1.0
    akind = agent_kind(actor_tok)
    f["actor_agent=" + akind] = 1.0
    f["actor_agent_type=" + akind + "|" + etype] = 1.0
    patient = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None and tok.pos_ in ("NOUN", "PROPN"):
        patient = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in (
            "on", "against", "of") for p in c.children if p.dep_ == "pobj"), None)
    okind = agent_kind(patient)
    f["obj_agent=" + okind] = 1.0
    f["obj_agent_type=" + okind + "|" + etype] = 1.0
    # What the act is done to, when it is words or a record ("released the names", "code
    # execution", "call the tip line"): no person or group is released, killed or asked.
    held = [patient] if patient is not None else []
    if tok.pos_ in ("NOUN", "PROPN"):
        held += [c for c in tok.children if c.dep_ in ("compound", "nmod")]
    if any(_is_record(h) for h in held):
        f["obj_record"] = 1.0
        f["obj_record_type=" + etype] = 1.0
    if patient is not None and patient.lower_ in _REFLEXIVE:
        f["obj_self"] = 1.0
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_.endswith("ly"):
            f["adv=" + c.lower_] = 1.0
    if tok.pos_ in ("NOUN", "PROPN"):
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if _lem(cur) in _CHARGE_WORDS:
                f["charged_crime"] = 1.0
                break
    kind = _kind(analysis, actor_tok)
    f["actor=" + kind] = 1.0
    f["actor_type=" + kind.split(":")[0] + "|" + etype] = 1.0
    if actor_tok is not None and kind.startswith("noun:"):
        f["actor_head=" + _lem(actor_tok)] = 1.0
    for k, v in (context if context is not None else sentence_features(tok.sent)).items():
        f[k] = v
    f.pop("w=" + (tok.ent_type_ if tok.ent_type_ else lem), None)
    tensor = tok.doc.tensor
    if tensor is not None and len(tensor) > tok.i and tensor.shape[1]:
        # The parser's own contextual vector of the trigger: word sense beyond the lemma.
        for i, v in enumerate(tensor[tok.i]):
            f[f"t:{i}"] = float(v) * DENSE_SCALE
    quoted = sum(1 for w in tok.sent if w.i < tok.i and w.is_quote) % 2 == 1
    if quoted:
        f["in_quote"] = 1.0
    return f


@dataclass
class Judge:
    classes: list
    index: dict
    coef: object  # numpy array, classes x features
    intercept: object
    threshold: float

    def probabilities(self, feats: dict) -> dict:
        import numpy as np

        idx, vals = [], []
        for k, v in feats.items():
            j = self.index.get(k)
            if j is not None:
                idx.append(j)
                vals.append(v)
        scores = self.intercept + self.coef[:, idx] @ np.asarray(vals, dtype=np.float32)
        scores = scores - scores.max()
        p = np.exp(scores)
        p /= p.sum()
        return {c: float(x) for c, x in zip(self.classes, p)}

    def keeps(self, feats: dict) -> bool:
        """Whether the candidate is an event (P(NONE) below the trained limit)."""
        return self.probabilities(feats).get(NONE, 0.0) < self.threshold


@lru_cache(maxsize=1)
def load() -> Optional[Judge]:
    """The trained judge, or None when no model file is installed (lexicon only)."""
    if not MODEL_PATH.exists():
        return None
    import numpy as np

    with np.load(MODEL_PATH, allow_pickle=False) as z:
        classes = [str(c) for c in z["classes"]]
        names = [str(n) for n in z["features"]]
        coef = z["coef"].astype(np.float32)
        intercept = z["intercept"].astype(np.float64)
        threshold = float(z["threshold"])
    return Judge(classes, {n: i for i, n in enumerate(names)}, coef, intercept, threshold)
