"""Trigger readings that name no event, whatever the verb: an accident, harm to oneself, a
crime named as what a charge is about, harm done by nature, a permission no one gives, a
refusal to comment, a player's shooting statistics.  :func:`.triggers.find` drops a
candidate when one of these holds (session 20; figures in docs/status.md)."""

from __future__ import annotations

from . import syntax
from .judge import agent_kind


# Words that make a shooting, a stabbing or a crash an accident: no attack by anyone.
_ACCIDENT_WORDS = frozenset(("accident", "accidental", "accidentally", "unintentional",
                             "unintentionally", "inadvertent", "inadvertently", "misfire",
                             "misfired"))
# Harm a person can do to themselves ("shot himself in the leg"): no attack.  Not "kill":
# "then killed himself" after shooting another stays a second act (``test_event_repeats``).
_SELF_HARM = frozenset(("shoot", "stab", "wound", "injure", "hurt", "cut"))
_REFLEXIVE = frozenset(("himself", "herself", "themselves", "myself", "yourself", "oneself"))
# Names of crimes as the law counts them, and the words that make one a legal category.
_CRIME_NAMES = frozenset(("murder", "assault", "manslaughter", "homicide", "battery", "rape",
                          "kidnapping", "robbery", "arson"))
_CRIME_GRADES = frozenset(("degree", "capital", "aggravated", "aggravate", "attempted",
                           "attempt", "felonious", "felony", "involuntary", "voluntary",
                           "vehicular", "negligent"))
_VICTIM_COUNTS = frozenset(("double", "triple", "quadruple", "mass"))
_INCIDENT_PREPS = frozenset(("of", "in", "at", "on", "near"))
_CHARGE_HEADS = frozenset(("charge", "accuse", "guilty", "convict", "trial", "indict",
                           "suspicion", "acquit", "arrest", "try", "count", "face"))


def _accident_in(sent) -> bool:
    """The sentence calls what happened an accident ("accidentally shot", "an accidental
    shooting", "appears to be accidental"), and does not deny it ("was no accident",
    "not accidental")."""
    for t in sent:
        if t.lower_ not in _ACCIDENT_WORDS and t.lemma_.lower() not in _ACCIDENT_WORDS:
            continue
        around = list(t.children)
        if t.dep_ in ("acomp", "attr") and t.head.i != t.i:
            around += list(t.head.children)
        if any(c.dep_ == "neg" or c.lower_ in ("no", "not", "never") for c in around):
            continue
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for a in (t, t.head)
               for c in a.children):
            continue  # "have not determined whether the shooting was accidental"
        return True
    return False


def _self_harm(verb) -> bool:
    """"shot himself", "stabbed herself": the only one harmed is the one who acted."""
    if verb.lemma_.lower() not in _SELF_HARM:
        return False
    objs = syntax.children(verb, "dobj", "obj")
    objs += [c for o in objs for c in syntax.children(o, "conj")]
    return bool(objs) and all(o.lower_ in _REFLEXIVE for o in objs)


def _crime_named(noun) -> bool:
    """A crime named as the law counts it, the content of a charge, a count or a verdict
    ("charged with first-degree murder", "two counts of aggravated assault", "on trial for
    murder"), not a report of the act itself ("the murder of his neighbour", "the girl's
    shooting")."""
    if noun.lemma_.lower() not in _CRIME_NAMES:
        return False
    if any(t.lemma_.lower() in _CRIME_GRADES or t.lower_ in _CRIME_GRADES
           for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
           for t in c.subtree):
        return True
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _INCIDENT_PREPS) or (
            c.dep_ in ("compound", "nmod") and (
                c.pos_ == "PROPN" or agent_kind(c) == "agent"))
           for c in noun.children):
        return False  # whose, where: "the murder of his neighbour", "the mother and sister murder"
    if any(c.lower_ in _VICTIM_COUNTS for c in noun.children):
        return False  # "a double murder": one act, two victims
    cur = noun
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        if agent_kind(cur) == "agent":
            return False  # "accused of mother and sister murder": a list of victims
    prep = cur.head
    if cur.dep_ != "pobj" or prep.lower_ not in ("with", "of", "for") or prep.head.i == prep.i:
        return False
    return prep.head.lemma_.lower() in _CHARGE_HEADS


# Forces of nature and accidents: what they kill or injure no one attacked ("a crash killed
# a driver", "the quake injured three people").
_HARM_WITHOUT_ATTACKER = frozenset((
    "storm", "heatwave", "heat", "frost", "snow", "rain", "wind", "hail", "flood", "flooding",
    "drought", "earthquake", "quake", "tremor", "tornado", "hurricane", "typhoon", "cyclone",
    "lightning", "avalanche", "landslide", "mudslide", "wildfire", "tsunami", "eruption",
    "crash", "collision", "wreck", "accident", "pileup", "derailment"))


def harm_by_nature(actor_tok) -> bool:
    """The one said to have done the harm is a force of nature or an accident."""
    return actor_tok is not None and (actor_tok.lemma_.lower() in _HARM_WITHOUT_ATTACKER
                                      or actor_tok.lower_ in _HARM_WITHOUT_ATTACKER)


PERMISSION_VERBS = frozenset(("allow", "permit", "let", "authorize", "authorise"))


def permitted_by_someone(actor_tok) -> bool:
    """A permission is a concession only when someone who can act gives it: a person, group
    or body ("the army allowed convoys in"), not a rule, a thing or a trend ("the law allows
    farmers to ...", "lower rates have allowed companies to ..."), nor an agentless passive
    ("residents were allowed to return", "no funding is allowed")."""
    return actor_tok is not None and agent_kind(actor_tok) == "agent"


# What one declines to do when one declines to comment: say or tell something.
_SAYING = frozenset(("comment", "say", "discuss", "elaborate", "speculate", "confirm",
                     "answer", "disclose", "reveal", "identify", "name", "specify", "detail",
                     "describe", "explain", "divulge"))


def declines_to_say(verb) -> bool:
    """"declined to comment", "refused to say whether ...": no statement is no rejection of
    anyone's demand or proposal (CAMEO's "decline comment" is a statement, which PLOVER
    does not code)."""
    return any(x.lemma_.lower() in _SAYING for x in syntax.children(verb, "xcomp"))


_COURT_SPOTS = frozenset(("field", "floor", "arc", "stripe", "three-point", "3-point"))


def _shooting_stats(verb) -> bool:
    """"shooting 48 percent from the field", "shot 9 of 15 from three-point range": a player's
    shooting told as a share or a count of tries, no one shot."""
    if verb.lemma_.lower() != "shoot":
        return False
    if any(any(ch.isdigit() for ch in o.text) and o.like_num
           for o in syntax.children(verb, "dobj", "obj")):
        return True  # "while shooting 51 percent", the share cut off ("shooting 51.")
    for t in verb.subtree:
        if t.i <= verb.i:
            continue
        if t.lower_ in ("percent", "%", "per") or t.ent_type_ == "PERCENT":
            return True
        if t.like_num and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                p.like_num for p in c.children) for c in t.children):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "from" and (
                t.lower_ in _COURT_SPOTS or any(c.lower_ in _COURT_SPOTS for c in t.children)):
            return True
    return False


def no_attack(tok, is_noun: bool, sent) -> bool:
    """An ASSAULT reading that names no attack by anyone on anyone: an accident, harm to
    oneself, or a crime named as the content of a charge (our labelled sentences code none
    of these; "murder-suicide" and "suicide bombing" are not touched)."""
    if is_noun and _crime_named(tok):
        return True
    if not is_noun and (_self_harm(tok) or _shooting_stats(tok)):
        return True
    return _accident_in(sent)
