"""Past or future? The tense of the clause a time expression sits in.

A weekday or month name without a year is resolved to the nearest matching
date before or after the anchor; the grammatical tense of the governing verb
decides which side: "said on Sunday" is the Sunday before, "will meet on
Sunday" and "is set to take office on January 20" are after.  The parse gives
the governing verb (walk up the heads from the expression) and its auxiliaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, lexicon

PAST, FUTURE, UNKNOWN = "past", "future", None
PERFECT = "perfect"  # "has given": past, but a cue like "until" may override it


def _sets():
    lex = lexicon()
    return frozenset(lex["future_aux"]), frozenset(lex["future_governors"])


@lru_cache(maxsize=1)
def _modals() -> frozenset:
    return frozenset(lexicon()["modal_aux"])


@lru_cache(maxsize=1)
def _cue_regex():
    """A preposition right before the expression that fixes its direction ("until Tuesday")."""
    lex = lexicon()
    tail = r"\s+(?:the\s+)?(?:at\s+)?(?:" + _CLOCK + r"\s+)?$"
    return (re.compile(r"\b" + alternation(lex["future_preps"]) + tail, re.I),
            re.compile(r"\b" + alternation(lex["past_preps"]) + tail, re.I))


# A clock time between the cue and a day: "until 9 a.m. EST Tuesday".
_CLOCK = r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,3})?|noon|midnight)"


def cue_tense(text: str, start: int):
    """FUTURE after "until", "as soon as", ...; PAST after "since"; else UNKNOWN."""
    window = text[max(0, start - 40):start]
    future, past = _cue_regex()
    if future.search(window):
        return FUTURE
    if past.search(window):
        return PAST
    return UNKNOWN


def clause_tense(doc, start: int, end: int, through_nouns: bool = False, caption: bool = False):
    """PAST, FUTURE or UNKNOWN for the expression at characters [start, end) of ``doc``.

    An expression modifying a noun ("a June agreement") says nothing about the clause's
    tense unless ``through_nouns`` ("reported fourth-quarter earnings": were they reported?).
    In a photo ``caption`` or a headline the simple present shows a scene already taken
    ("Police stand outside the house Tuesday", "Storm knocks out power Thursday"), not a
    plan: it is PAST; there "Mayor set to sign budget Monday" is the plan "is set to".
    """
    if doc is None:
        return UNKNOWN
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    future_aux, future_gov = _sets()
    token = span.root
    possessive = token.dep_ == "poss"
    if token.dep_ in ("compound", "amod", "nmod") and not through_nouns:
        return UNKNOWN  # "a June agreement": modifies a noun, the clause's tense says nothing
    # A possessive ("Monday's debate will be ...") names the day of the event the clause is
    # about, so the clause's tense places it; measured neutral on TimeBank, unlike compounds.
    for _ in range(6):  # climb to the governing verb
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return UNKNOWN
    if possessive and _simple_present(token, [c for c in token.children
                                              if c.dep_ in ("aux", "auxpass")]):
        return UNKNOWN  # "the move follows Tuesday's declaration": no plan, no direction
    return _verb_tense(token, future_aux, future_gov, caption=caption)


def _verb_tense(verb, future_aux, future_gov, depth: int = 0, caption: bool = False):
    """Tense of one verb from its tag, its auxiliaries and (for infinitives) its governor."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & future_aux:
        return FUTURE
    if aux_words & _modals() and not any(a.lemma_ == "have" for a in auxes):
        return FUTURE  # "the Senate may vote Tuesday"
    if "to" in aux_words and verb.head.i == verb.i:
        return FUTURE  # "Council to vote on budget Thursday": a headline's plan
    if caption and verb.head.i == verb.i and not auxes and verb.tag_ in ("VBD", "VBN") \
            and verb.lower_ in future_gov and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in verb.children):
        return FUTURE  # "Mayor set to sign budget Monday": a headline's "is set to" (in
        # running text "set" with no auxiliary is a past)
    if "to" in aux_words and depth < 3:
        gov = verb.head
        holders = (gov, gov.head) if gov.pos_ == "ADJ" else (gov,)
        if gov.i != verb.i and any(a.lemma_ == "have" and a.tag_ == "VBD" for h in holders
                                   for a in h.children if a.dep_ in ("aux", "auxpass")):
            return PAST  # "had been due to expire Friday": the plan lies in the past
        if gov.i != verb.i and (gov.lemma_.lower() in future_gov or gov.lower_ in future_gov):
            return FUTURE
        if gov.i != verb.i and gov.lemma_ == "be" and gov.tag_ in ("VBZ", "VBP"):
            return FUTURE  # "is to resume trading Tuesday"
        if gov.i != verb.i and gov.pos_ in ("VERB", "AUX", "ADJ"):
            return _verb_tense(gov, future_aux, future_gov, depth + 1)
        return UNKNOWN
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in _NONFINITE_DEPS and depth < 3:
        gov = _governing_verb(verb.head)
        if gov is not None and gov.i != verb.i:
            return _verb_tense(gov, future_aux, future_gov, depth + 1)
    if verb.tag_ == "VBN" and auxes and all(a.tag_ == "VBG" for a in auxes) \
            and verb.dep_ in _NONFINITE_DEPS and depth < 3:
        gov = _governing_verb(verb.head)  # "died Friday after being shot Thursday"
        if gov is not None and gov.i != verb.i:
            return _verb_tense(gov, future_aux, future_gov, depth + 1)
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        if verb.lower_ in future_gov and not any(a.tag_ == "VBD" for a in auxes):
            return FUTURE  # "has scheduled a news conference Thursday"
        return PERFECT
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBP", "VBZ") for a in auxes):
        return FUTURE  # "are meeting on Tuesday": a present progressive plans ahead
    if _present_plan(verb, auxes, future_gov):
        return FUTURE  # "the hearing is scheduled for Tuesday", "the report is due Tuesday"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl"):
        return PAST  # "reported on Sunday"
    if _misread_past(verb, auxes):
        return PAST  # "Weakness hurt the index on Friday": no present agrees with it
    if _simple_present(verb, auxes):
        if caption:
            return PAST  # a caption's present: the scene in the photo, already past
        return FUTURE  # "The two leaders meet Monday": news present for a planned event
    return UNKNOWN


# A participle clause without its own auxiliary ("with the third departing each Thursday",
# "starting at noon Saturday") happens when the clause it hangs from happens.
_NONFINITE_DEPS = frozenset({"advcl", "pcomp", "acl", "xcomp"})


def _present_plan(verb, auxes, future_gov) -> bool:
    """A present passive of a verb of planning ("is scheduled for", "are set for") or a
    present "be" with such a complement ("is due", "is set"): a plan, so it looks ahead."""
    if verb.tag_ == "VBN" and verb.lower_ in future_gov:
        return any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and not auxes:
        return any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in future_gov
                   for c in verb.children)
    return False


def _governing_verb(token):
    """The nearest verb at or above ``token`` (a few steps up), or None."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _misread_past(verb, auxes) -> bool:
    """A verb tagged plural present (VBP) whose subject is one singular noun cannot be a
    present ("the index cut", "Weakness hurt"): it is the past of a verb whose past and
    present are spelt alike (cut, hurt, set, put, hit), which the tagger misread."""
    if verb.tag_ != "VBP" or auxes:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP")
            and not any(c.dep_ == "conj" for c in subjects[0].children))


_STATIVE = frozenset({"say", "be", "have", "tell", "report", "show", "follow", "remain"})


def _simple_present(verb, auxes) -> bool:
    """A main verb in the simple present that is no reporting or stative verb."""
    return verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lemma_ not in _STATIVE
