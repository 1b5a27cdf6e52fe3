"""Refused and negated speech: "declined to comment" is not a claim.

Round 1 stored "has not clarified his strategy" and "declined to say" as if the
speaker had asserted the content.  The parse tells the difference:

* a negation on the cue or on the verb it hangs on ("did *not* say", "*never*
  said", "*without* saying");
* a refusal verb governing the cue ("*declined* to say", "*refused* to
  confirm") or being the cue itself ("declined to comment").

Such an attribution gets ``polarity = "negated"``: a record that the speaker did
*not* say it.  When nothing at all was said (the content is only "to comment",
"requests for comment", "to elaborate") the cue model's reading is dropped, except for the
refusals to speak that :mod:`.refusals` keeps as negated records ("declined to comment").
"""

from __future__ import annotations

import re

from .lexicon import reporting_verbs, thought_cues

REFUSAL = frozenset(("decline", "refuse", "fail"))
NEGATORS = frozenset(("not", "n't", "never", "no"))
# What is left as content when nobody said anything.
_NO_CLAIM = re.compile(
    r"^\W*(?:to\s+)?(?:(?:immediately|publicly|further|directly)\s+)?"
    r"(?:comment|respond|reply|answer|elaborate|return|discuss|speak|say|talk|confirm|"
    r"requests?|calls?|messages?|emails?|questions?|inquir\w*)\b", re.IGNORECASE)
MAX_NO_CLAIM_WORDS = 10
# A question or clause after the refusal is what was not said: keep it, negated.
_CLAUSE = re.compile(r"\b(?:whether|if|that|how|what|why|when|where|who|which)\b", re.IGNORECASE)


# Subjects that deny the verb: "Neither side would say", "No one could explain".
NOBODY = frozenset(("nobody", "none", "neither", "no-one"))


def _negated(tok) -> bool:
    if any((c.dep_ == "neg" or c.lower_ in NEGATORS and c.dep_ == "advmod")
           and not _quoted_word(c) for c in tok.children):
        return True  # (a quoted "Never" the parse hung on "answered" is what was said)
    if tok.lemma_.lower() in reporting_verbs() and any(
            c.dep_ == "nsubj" and _nobody(c) for c in tok.children):
        return True  # "Neither side would say why": nobody said it (a passive's subject
        # is what was said, and "Nobody opposed him" stays a stance, as before)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
    return False


def _quoted_word(tok) -> bool:
    """A word right inside quote marks: ``He answered, "Never,"``."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in _QUOTE_MARKS


_QUOTE_MARKS = frozenset(('"', "\u201c", "\u201d", "'", "\u2018", "\u2019"))


def _alternative_of(tok):
    """The verb whose "or" alternative ``tok`` is ("would not comment *or confirm*",
    "No member would add comment or *indicate* whether"), else None: a negation or a
    nobody-subject on the first verb denies both."""
    if tok.dep_ != "conj" or tok.head.i == tok.i:
        return None
    head = tok.head
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children):
        return None
    return head


def _nobody(subj) -> bool:
    """"nobody", "none of them", "neither side", "no official", "no one"."""
    if subj.lower_ in NOBODY:
        return True
    if subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children)


def cue_polarity(doc, cue_token) -> str:
    """"negated" when the cue is negated or refused, else "positive"."""
    if cue_token is None:
        return "positive"
    tok = doc[cue_token]
    if tok.lemma_.lower() in REFUSAL:
        return "negated"
    if _negated(tok):
        return "negated"
    first = _alternative_of(tok)
    if first is not None and (_negated(first) or any(
            c.dep_ == "nsubj" and _nobody(c) for c in first.children)):
        return "negated"
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head is not tok:
        if head.lemma_.lower() in REFUSAL or (_negated(head) and tok.dep_ == "xcomp"):
            return "negated"
    return "positive"


def cue_mode(doc, cue_token) -> str:
    """"thought" when the cue attributes a state of mind (believes, fears, wants, is
    confident, "in his view"), "speech" otherwise, a cue-less quote or "according to"
    included. Both stay attributions (PolNeAR and our gold annotate beliefs); the mode
    lets a reader of "who said what" leave out what was only thought."""
    if cue_token is None:
        return "speech"
    tok = doc[cue_token]
    return "thought" if tok.lemma_.lower() in thought_cues() or tok.lower_ in thought_cues() \
        else "speech"


def refused_action(doc, cue_token) -> bool:
    """"refused to leave the car", "declined to give up": a refusal of an action, no speech."""
    if cue_token is None:
        return False
    tok = doc[cue_token]
    if tok.lemma_.lower() not in REFUSAL:
        return False
    verbs = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return bool(verbs) and all(v.lemma_.lower() not in reporting_verbs() for v in verbs)


def says_nothing(content_text: str) -> bool:
    """True for contents that hold no claim: "to comment", "requests for comment"."""
    words = content_text.split()
    return len(words) <= MAX_NO_CLAIM_WORDS and '"' not in content_text \
        and bool(_NO_CLAIM.match(content_text)) and not _CLAUSE.search(content_text)
