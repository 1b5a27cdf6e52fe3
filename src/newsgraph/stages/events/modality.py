"""Modality of an event: happened, ongoing, planned, hypothetical or negated.

The closest cue wins: first the trigger's own modifiers ("planned strikes",
"no talks", "without returning"), then its clause (negation, modal and
future auxiliaries, conditional "if"/"unless", progressive aspect), then the
verbs that govern the clause ("preparing to", "refused to", "have yet to",
"urged ... to").  Reported speech does not change modality: "X said Russia
attacked" is happened, and the attribution records who reports it.
"""

from __future__ import annotations

from . import syntax
from .lexicon import load

# Verbs whose subject act is what takes place or not ("the attack did not happen").
_OCCURRING = frozenset(("happen", "occur", "proceed", "materialize", "materialise", "come",
                        "end", "stop", "succeed", "fail", "work"))

# Verbs about keeping something from happening: their object event is only possible.
_AVERTING = frozenset(("avoid", "prevent", "block", "stop", "halt", "deter", "veto", "refrain"))


def _own_clause(verb) -> str | None:
    """Modality marked inside one clause headed by ``verb`` (None when unmarked)."""
    m = load().modality
    neg = future = hypo = progressive = False
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")):
            neg = True
        elif c.dep_ in ("aux", "auxpass"):
            if low in m["future_aux"]:
                future = True
            elif low in m["hypothetical_aux"] and low != "can":
                hypo = True
            elif c.lemma_ == "be" and verb.tag_ == "VBG":
                progressive = True
        elif c.dep_ == "mark" and low in m["conditional_marks"]:
            hypo = True
        elif c.dep_ == "advmod" and low == "longer" and any(
                g.lower_ == "no" for g in c.children):
            neg = True
    if neg:
        return "negated"
    if hypo:
        return "hypothetical"
    if future:
        return "planned"
    if progressive and verb.lemma_ != "go":
        return "ongoing"
    return None


def _noun_marks(tok) -> str | None:
    m = load().modality
    for c in tok.children:
        low = c.lower_
        if c.dep_ in ("amod", "compound", "advmod", "nmod"):
            if low in m["planned_modifiers"]:
                return "planned"
            if low in m["hypothetical_modifiers"]:
                return "hypothetical"
        if c.dep_ in ("det", "neg") and low in ("no", "not"):
            return "negated"
        if c.dep_ == "det" and low in ("any", "every"):
            return "hypothetical"
    if tok.head.lower_ == "without" and tok.dep_ == "pobj":
        return "negated"
    return None


def _is_theme(noun, verb) -> bool:
    """Whether a noun is the object of ``verb`` (its event is presupposed, not predicated)."""
    cur = noun
    while cur.dep_ == "conj":
        cur = cur.head
    if cur.dep_ in ("dobj", "attr", "oprd") and cur.head.i == verb.i:
        return True
    if cur.dep_ == "pobj" and cur.head.head.i == verb.i and cur.head.lower_ in (
            "to", "of", "about", "against", "on", "over", "at", "after", "with"):
        return True
    return False


def _governor_cue(cur, gov) -> str | None:
    """What a governing verb says about the clause under it."""
    m = load().modality
    lemma = gov.lemma_.lower()
    if lemma in m["yet_governors"] and any(c.lower_ == "yet" for c in gov.children):
        return "negated"
    if lemma in m["negating_governors"]:
        return "negated"
    if lemma in m["ongoing_governors"]:
        return "ongoing"
    if lemma in m["hypothetical_governors"]:
        return "hypothetical"
    if lemma in m["planning_governors"]:
        return "planned"
    if lemma == "go" and gov.tag_ == "VBG":
        return "planned"
    return None


def _sought_result(noun) -> bool:
    """"(a reward for) information leading to an arrest", "tips that lead to the arrest
    of ...": an act that information or a tip may bring about is only possible.  The
    noun is the goal of "lead to"/"result in" said in the present or as a participle of
    a noun for information (``lexicons/event_record_nouns.txt``); "leads" too, which the
    first version left out (10 of about 45 such phrases in the gun-violence articles)."""
    from .judge import record_nouns

    prep = noun.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "the arrest and conviction"
        noun = noun.head
        prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "in") or prep.head.i == prep.i:
        return False
    verb = prep.head
    if verb.lemma_.lower() not in ("lead", "result") or verb.tag_ not in ("VBG", "VBP", "VBZ", "VB") \
            or verb.tag_ == "VBZ" and verb.dep_ not in ("relcl", "acl"):
        return False  # ("A tip leads to an arrest, police say": a story told in the present)
    info = verb.head if verb.dep_ in ("acl", "relcl") else None
    if info is not None and info.lemma_.lower() in ("that", "which"):
        info = None
    if info is None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
            info = verb.head
        else:
            info = subj
    return info is not None and (info.lemma_.lower() in record_nouns()
                                 or info.lower_ in record_nouns())


def modality_of(tok) -> str:
    """The modality of the event triggered by ``tok``."""
    found = _modality_of(tok)
    if found in ("negated", "hypothetical") and _presupposed(tok):
        return "happened"
    return found


def _presupposed(noun) -> bool:
    """"The shooting did not appear to be random", "could not confirm whether the
    shooting was a suicide", "Philip's murder fueled ...": a definite act that is the
    subject of another verb is taken as having happened; the negation or the doubt is
    about what is said of it.  Not for verbs of taking place ("the attack never
    happened").  Over 400 gun-violence articles this changed 10 modalities, all right by
    hand (session 22)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass") \
            or noun.head.i == noun.i \
            or noun.head.lemma_.lower() in load().light_verbs | _OCCURRING | _VERIFYING:
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _DOUBTED for c in noun.children):
        return False  # "the alleged shooting", "the possible strike": doubted by its own words
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE
               for c in noun.children)


_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
# "the shooting could not be confirmed": whether it happened is what is said
_VERIFYING = frozenset(("confirm", "verify", "substantiate", "prove", "corroborate"))
_DOUBTED = frozenset(("alleged", "rumored", "rumoured", "reported", "possible", "potential",
                      "threatened", "planned", "suspected", "apparent", "proposed",
                      "expected", "feared", "likely"))


def _modality_of(tok) -> str:
    if tok.pos_ in ("NOUN", "PROPN"):
        marked = _noun_marks(tok)
        if marked:
            return marked
        if _sought_result(tok):
            return "hypothetical"
        gov = syntax.governing_verb(tok, limit=4)
        if gov is not None and gov.lemma_.lower() not in load().light_verbs \
                and _is_theme(tok, gov):
            # The noun is an argument of another verb ("responded to the strike"):
            # only verbs about intention or possibility change what it reports.
            cue = _governor_cue(tok, gov)
            if cue == "negated" and gov.lemma_.lower() in _AVERTING:
                return "hypothetical"
            if cue in ("negated", "planned", "hypothetical"):
                own = _own_clause(gov)
                return "negated" if own == "negated" and cue != "negated" else cue
            return "happened"
        if gov is None:
            head = tok.head
            # "permission to use weapons for strikes": a noun inside an infinitive
            if head.i != tok.i and head.pos_ == "NOUN":
                marked = _noun_marks(head)
                if marked:
                    return marked
            return "happened"
        cur = gov
    else:
        cur = tok
    steps = 0
    while steps < 6:
        steps += 1
        own = _own_clause(cur)
        if own:
            return own
        dep = cur.dep_
        gov = cur.head
        if gov.i == cur.i:
            break
        if dep == "conj":
            cur = gov
            continue
        if dep in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "csubj"):
            is_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if dep == "ccomp" and gov.lemma_.lower() in load().modality["speech_verbs"]:
                return "happened"  # reported speech: the content's own marks decided
            if gov.lemma_.lower() in load().modality["transparent_governors"]:
                cur = gov  # "attempted to assassinate": the attempt is what happened
                continue
            if gov.pos_ in ("NOUN", "PROPN"):
                if is_inf:  # "permission to strike", "a plan to attack"
                    return _noun_marks(gov) or "planned"
                return "happened"
            if gov.pos_ == "ADJ" and is_inf:
                cue = _governor_cue(cur, gov)
                if cue:
                    return cue
            if dep in ("xcomp", "ccomp") or is_inf:
                cue = _governor_cue(cur, gov)
                if cue:
                    gov_own = _own_clause(gov)
                    if gov_own == "negated" and cue != "negated":
                        return "negated"
                    return cue
                if dep == "advcl" and is_inf:
                    return "planned"  # purpose clause: "deployed troops to fight"
                if dep == "ccomp" and not is_inf:
                    # A finite content clause keeps its own modality: "did not realize
                    # that her son had been shot" does not negate the shooting.
                    return "happened"
            if dep in ("advcl", "acl") and not is_inf:
                break
            cur = gov
            continue
        if dep in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr"):
            nxt = syntax.governing_verb(cur, limit=3)
            if nxt is None or nxt is cur:
                break
            cur = nxt
            continue
        break
    return "happened"


def content_is_hypothetical(trigger) -> bool:
    """Whether what a warning or threat is about is itself only possible.

    "warned that the decision could lead to war" -> True;
    "threatened to shell the towns" -> False (the threat is of an intended act).
    """
    m = load().modality
    comp = syntax.children(trigger, "ccomp")
    tokens = []
    if comp:
        for c in comp:
            tokens.extend(c.subtree)
    else:
        if any(c.dep_ == "xcomp" for c in trigger.children):
            return False  # "threatened to shell": the content is an intended act
        tokens = [t for t in trigger.sent if t.i > trigger.i]  # a quote after "warned,"
    for t in tokens:
        if t.dep_ in ("aux",) and t.lower_ in m["hypothetical_aux"] and t.lower_ not in (
                "must", "should", "ought", "can"):
            return True
        if t.dep_ == "mark" and t.lower_ in ("if", "unless"):
            return True
    return False


_NOBODY = frozenset(("nobody", "none", "nothing", "noone"))


def nobody_did(verb) -> bool:
    """"No one was injured", "Nobody fired", "No shots were fired": the clause's subject is
    nobody, so the act did not happen, whatever the verb's own marks."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no"
                                          for d in c.children):
                return True
    return False
