"""Find an event's participants in the parse: actor, target and place.

Verbs: the actor is the subject (the agent of a passive; the controller of an
infinitive: "X agreed to visit" -> X; "X urged Y to leave" -> Y), the target is
the indirect object, an actor-like direct object, or the object of
"to/with/against/on/into/at/from".  Nominal triggers: the possessor
("Russia's deployment"), a national modifier ("a Russian missile strike"),
"by X", "between X and Y", or the subject of a light verb ("Ukraine conducted
attacks").  Places are location entities (or capitalised place phrases)
governed by "in/into/near/at".
"""

from __future__ import annotations

from . import syntax
from .coding import actorish, entity_for, _lookup_country
from .judge import person_nouns
from .lexicon import load

OBJECT_CONTROL = frozenset(("urge", "ask", "order", "allow", "permit", "persuade", "force",
                            "call", "press", "encourage", "tell", "let", "help", "enable",
                            "authorize", "authorise", "invite", "instruct", "grant", "give"))
TARGET_PREPS = frozenset(("to", "with", "against", "on", "into", "at", "toward", "towards",
                          "upon", "from", "for"))
NOUN_TARGET_PREPS = frozenset(("on", "against", "into", "to", "with", "at", "toward",
                               "towards", "upon", "of", "for"))
PLACE_PREPS = frozenset(("in", "into", "near", "at", "inside", "outside", "across",
                         "throughout", "around", "within"))
PLACE_NOUNS = frozenset(("region", "province", "city", "town", "village", "district", "border",
                         "capital", "area", "oblast", "territory", "state", "county", "camp",
                         "enclave", "strip", "bank", "peninsula", "island", "valley", "port",
                         "zone", "front", "sea", "gulf", "heights", "republic", "base",
                         "neighborhood", "neighbourhood", "suburb", "governorate"))
_OF_IS_THEME = frozenset(("MOBILIZE", "AID", "RETREAT", "AGREE", "SUPPORT", "COOPERATE",
                          "CONSULT", "CONCEDE", "PROTEST"))


_QUANTITY_WORDS = frozenset(("third", "half", "most", "some", "many", "part", "majority", "dozens",
                             "hundreds", "thousands", "tens", "number", "group", "all", "none",
                             "several", "few", "one", "two", "quarter", "members", "member"))


def _partitive(subj):
    """'Most of these troops' -> troops."""
    if subj is None:
        return None
    if subj.pos_ in ("ADJ", "NUM", "DET", "PRON") or subj.lemma_.lower() in _QUANTITY_WORDS:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = syntax.first_child(c, "pobj")
                if pobj is not None:
                    return pobj
    return subj


def _national(tok) -> bool:
    """A modifier naming a polity or group ("Russian", "NATO", "U.S.")."""
    return tok.ent_type_ in ("NORP", "GPE", "ORG") or bool(_lookup_country(tok.text))


class _Patient:
    patient_actor = True


_PATIENT = _Patient()


def _resolve_pronoun(tok, seen: int = 0):
    """A pronoun subject inside reported speech refers to the speaker, if named."""
    if tok is None or not syntax.is_pronoun(tok):
        return tok
    clause = tok.head
    for _ in range(4):
        if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head.i != clause.i:
            gov = clause.head
            subj = syntax.first_child(gov, *syntax.SUBJ)
            if subj is not None and not syntax.is_pronoun(subj):
                return subj
            clause = gov
        else:
            break
    return tok


def verb_actor(verb, entry=None, depth: int = 0):
    """Head token of the actor of a verbal (or adjectival) trigger, or None."""
    if depth > 5:
        return None
    if syntax.is_passive(verb):
        agent = syntax.first_child(verb, "agent")
        if agent is not None:
            pobj = syntax.first_child(agent, "pobj")
            if pobj is not None:
                return pobj
        if entry is not None and entry.patient_actor:
            return _partitive(syntax.first_child(verb, *syntax.PASS_SUBJ))
        if verb.dep_ != "conj":
            return None
    subj = syntax.first_child(verb, *syntax.SUBJ)
    if subj is None and verb.pos_ == "ADJ" and verb.head.i != verb.i:
        subj = syntax.first_child(verb.head, *syntax.SUBJ)  # "X is willing to"
    if subj is not None:
        if subj.lower_ in syntax.REL_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return _resolve_pronoun(subj)
    dep = verb.dep_
    gov = verb.head
    if gov.i == verb.i:
        return None
    if dep == "conj":
        if syntax.is_passive(gov) and syntax.first_child(gov, "agent") is None:
            subj = syntax.first_child(gov, *syntax.PASS_SUBJ)  # "were stationed and engaged"
            if subj is not None:
                return verb_actor(gov, _PATIENT, depth + 1)
        return verb_actor(gov, None, depth + 1)
    if dep == "ccomp" or any(c.dep_ in ("csubj", "expl") for c in verb.children):
        return None  # a content clause without a subject names no actor
    if dep == "pcomp" and gov.pos_ == "ADP" and gov.lower_ in ("of", "for"):
        obj = syntax.first_child(gov.head, "dobj")
        if obj is not None:  # "accused Armenia of shelling", "praised X for releasing"
            return obj
    if dep == "xcomp" and syntax.is_passive(gov) and syntax.first_child(gov, "agent") is None:
        subj = syntax.first_child(gov, *syntax.PASS_SUBJ)
        if subj is not None:  # "the minister is expected to visit"
            return _partitive(subj)
    if dep in ("xcomp", "advcl", "acl", "pcomp"):
        if dep == "xcomp" and gov.lemma_.lower() in OBJECT_CONTROL:
            obj = syntax.first_child(gov, "dobj", "dative")
            if obj is None:  # "called on China to halt"
                for c in gov.children:
                    if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon"):
                        obj = syntax.first_child(c, "pobj")
            if obj is not None:
                return obj
        if dep == "acl" and gov.pos_ in ("NOUN", "PROPN"):
            if verb.tag_ == "VBN":
                return None
            return noun_actor(gov, depth + 1) if depth < 3 else None
        if gov.pos_ == "ADP":
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            return verb_actor(gov, None, depth + 1)
    if dep == "relcl":
        return gov
    return None


def noun_actor(noun, depth: int = 0):
    """Head token of the actor of a nominal trigger, or None."""
    poss = syntax.first_child(noun, "poss")
    light = _light_verb(noun)
    if poss is not None and not syntax.is_pronoun(poss):
        return poss
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            pobj = syntax.first_child(c, "pobj")
            if pobj is not None:
                return pobj
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children
             if g.dep_ in ("amod", "compound")]
    for c in sorted(mods, key=lambda t: t.i):
        if _national(c):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            pobj = syntax.first_child(c, "pobj")
            if pobj is not None:
                return pobj
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for") and \
            noun.head.head.pos_ == "VERB":
        obj = syntax.first_child(noun.head.head, "dobj")
        if obj is not None and actorish(obj):
            return obj  # "accused Armenia of the shelling"
    if light is not None and depth < 4:
        actor = verb_actor(light, None, depth + 1)
        if actor is not None:
            return actor
    if poss is not None:
        return _antecedent(poss)
    return None


def _antecedent(pron):
    """A possessive pronoun ("its incursions") read as the nearest named clause subject."""
    cur = pron
    for _ in range(8):
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = syntax.first_child(cur, *syntax.SUBJ)
            if subj is not None and not syntax.is_pronoun(subj):
                return subj
        if cur.head.i == cur.i:
            break
    return pron


_STATE_VERBS = frozenset(("engage", "go", "take", "join", "remain", "stay", "put", "place",
                          "keep", "be"))
_MOTION_VERBS = frozenset(("return", "go", "come", "arrive", "travel", "fly", "head", "gather",
                           "leave", "depart", "meet", "convene", "sit"))
_MEASURE_NOUNS = frozenset(("day", "week", "month", "round", "series", "wave", "number", "set",
                            "string", "spate", "kind", "type", "form", "campaign", "effort",
                            "mission", "program", "programme", "bid"))


def _light_verb(noun):
    """The light verb a nominal trigger is the object of ("held talks", "launched strikes")."""
    cur = noun
    for _ in range(3):
        while cur.dep_ == "conj":
            cur = cur.head
        if cur.dep_ == "compound" and cur.head.pos_ == "NOUN":
            cur = cur.head  # "launched a mediation effort"
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and \
                cur.head.head.lemma_.lower() in _MEASURE_NOUNS:
            cur = cur.head.head  # "launched ten days of war games"
            continue
        break
    head = cur.head
    if cur.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if any(f in load().light_verbs for f in syntax.lemma_forms(head)):
            return head
    if cur.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        forms = set(syntax.lemma_forms(verb))
        if verb.pos_ in ("VERB", "AUX") and (forms & _STATE_VERBS or (
                head.lower_ == "for" and forms & _MOTION_VERBS)):
            return verb
    return None


def _recipient(tok) -> bool:
    """Whether a noun can receive an act: a participant (:func:`.coding.actorish`) or a
    common noun for people ("a 19-year-old man was shot", "arrested a teenager").  Targets
    only: the actor, which the judge reads, keeps the narrower test it was trained with."""
    if actorish(tok):
        return True
    people = person_nouns()[0]
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in people or tok.lower_ in people)


def _actorish_in(tok):
    """``tok`` if it names a recipient, else a national modifier or possessor of it."""
    if tok is None:
        return None
    tok = _partitive(tok)
    if _recipient(tok):
        return tok
    poss = syntax.first_child(tok, "poss")
    if poss is not None and actorish(poss):
        return poss
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and _national(c):
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            pobj = syntax.first_child(c, "pobj")
            if pobj is not None and actorish(pobj):
                return pobj
    return None


recipient_in = _actorish_in  # for the stage's corrections after the judge


def verb_target(verb, entry=None):
    """Head token of the recipient of a verbal trigger, or None."""
    dative = syntax.first_child(verb, "dative")
    if dative is not None:
        if dative.dep_ == "dative" and dative.pos_ == "ADP":
            dative = syntax.first_child(dative, "pobj") or dative
        if actorish(dative):
            return dative
    if syntax.is_passive(verb) and not (entry is not None and entry.patient_actor):
        subj = syntax.first_child(verb, *syntax.PASS_SUBJ)
        found = _actorish_in(subj) if subj is not None else None
        if found is not None:
            return found
    obj = syntax.first_child(verb, *syntax.OBJ)
    found = _actorish_in(obj)
    if found is not None:
        return found
    for holder in (verb, obj):
        if holder is None:
            continue
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                pobj = syntax.first_child(c, "pobj")
                if pobj is not None and actorish(pobj):
                    return pobj
    xcomp = syntax.first_child(verb, "xcomp", "ccomp")
    if xcomp is not None:
        subj = syntax.first_child(xcomp, *syntax.SUBJ)
        if subj is not None and actorish(subj) and not syntax.is_pronoun(subj):
            return subj
        if xcomp.dep_ == "xcomp" and subj is None:
            # "threatened to shell Iraqi towns", "refused to release the prisoners": the act
            # the verb threatens, refuses or demands falls on its infinitive's object.
            found = _actorish_in(syntax.first_child(xcomp, *syntax.OBJ))
            if found is not None:
                return found
    return None


def noun_target(noun, event_type: str):
    """Head token of the recipient of a nominal trigger, or None."""
    for c in noun.children:
        if c.dep_ != "prep":
            continue
        prep = c.lower_
        if prep not in NOUN_TARGET_PREPS:
            continue
        if prep == "of" and event_type in _OF_IS_THEME:
            continue
        pobj = syntax.first_child(c, "pobj")
        found = _actorish_in(pobj) if pobj is not None else None
        if found is not None:
            return found
    return None


def find_place(analysis, trigger, clause):
    """(entity id or None, place head token) of a location governed by in/into/near/at."""
    holders = [trigger]
    if clause is not None and clause.i != trigger.i:
        holders.append(clause)
    cur = clause if clause is not None else trigger
    if cur.dep_ == "conj":
        holders.append(cur.head)
    for c in trigger.children:  # "fired at demonstrators in Tbilisi"
        if c.dep_ in ("dobj",):
            holders.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("at", "on", "against"):
            holders.extend(syntax.children(c, "pobj"))
    for h in holders:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
                continue
            pobj = syntax.first_child(c, "pobj")
            if pobj is None:
                continue
            hit = _placeish(analysis, pobj)
            if hit is not None:
                return hit
    return None


def _placeish(analysis, tok):
    ent = entity_for(analysis, tok.idx, tok.idx + len(tok.text))
    if ent is not None and ent.label in ("GPE", "LOC", "FAC"):
        return ent.id, tok
    if ent is not None:
        return None
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return None, tok
    if tok.lemma_.lower() in PLACE_NOUNS and any(
            c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_)
            for c in tok.children):
        return None, tok
    return None
