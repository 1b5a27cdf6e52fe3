"""Events stage: who did what to whom, coded to PLOVER's 16 types.

For every trigger the lexicon recognises in a sentence (verbs, nominal
triggers such as "strike", "deployment", "talks", "sanctions", and predicate
adjectives such as "willing to"), the stage records the type and mode, the
actor and target as coded :class:`~newsgraph.model.Actor` spans, the modality
(happened, ongoing, planned, hypothetical, negated), the time (a time
expression in the same clause, else the publication date for events reported
as happened), the place (a location governed by in/into/near/at) and the
attribution that reports it.  Two PLOVER conventions are applied: cooperative
acts announced for the future are AGREE (RETREAT announced is CONCEDE), and a
speech act whose content is a demand ("X said Y must ...") is a REQUEST, one
whose content is the speaker's own future use of force or sanctions is a
THREATEN.  See ``lexicons/event_triggers.json`` for the trigger lexicon.
"""

from __future__ import annotations

from typing import Optional

from ...model import Event, Span
from ...pipeline import Analysis, stage
from ..furniture import furniture_of, in_furniture
from . import args, judge as judge_model, syntax
from .coding import can_act, can_be_actor, code_actor
from .incidents import link_incidents
from .lexicon import load
from .modality import content_is_hypothetical, modality_of, nobody_did
from .triggers import Candidate, find

__all__ = ["events_stage", "extract"]


@stage("events", version="1.15", requires=("doc", "entities"), assigns=("events",), order=70)
def events_stage(analysis: Analysis) -> None:
    analysis.events = extract(analysis, tag=events_stage.stage_tag)


def extract(analysis: Analysis, tag: str = "events@1.5", judge="trained") -> list[Event]:
    """All events of an analysed article, in text order, with ids EV1, EV2, ...

    ``judge`` is the trained judge (default), or None to keep every candidate
    the lexicon proposes (training and error analysis)."""
    if judge == "trained":
        judge = judge_model.load()
    events = [ev for ev, _ in candidates(analysis, tag, judge)]
    for n, e in enumerate(events, 1):
        e.id = f"EV{n}"
    link_incidents(events, analysis.doc)
    return events


def candidates(analysis: Analysis, tag: str = "events@1.5", judge=None,
               rules: bool = True) -> list:
    """(event, judge features) of every candidate the judge keeps, in text order.
    ``rules=False`` leaves the no-event rules out (``triggers.find``; training only)."""
    doc = analysis.doc
    if doc is None:
        return []
    out: list = []
    furniture = furniture_of(analysis)  # captions, link lists, footers: no events there
    for sent in doc.sents:
        found = []
        cands = find(analysis, sent, rules)
        if not cands and not _has_speech_verb(sent):
            continue
        context = judge_model.sentence_features(sent)
        for c in cands:
            ev = _event(analysis, c, sent, tag)
            if ev is not None:
                found.append((ev, judge_model.features(analysis, c.token, ev.type, c.actor_tok,
                                                       context=context)))
        found = _judged(found, judge)
        speech = [(ev, judge_model.features(analysis, tok, ev.type, spk, speech=True,
                                            context=context))
                  for ev, tok, spk in _speech_acts(analysis, sent, [e for e, _ in found], tag)]
        found.extend(_judged(speech, judge))
        if judge is not None:  # training sees every candidate
            found = _joined_harm(doc, _one_per_act(doc, found))
        found.sort(key=lambda pair: (pair[0].trigger.start, pair[0].type))
        out.extend(p for p in found if not in_furniture(furniture, p[0].trigger.start))
    return out


# How a second trigger can hang under the first and still name the same act: as its
# object ("carried out an attack"), its purpose ("use missiles for strikes") or a
# modifier; not as its subject ("a strike destroyed"), nor after "after"/"before".
_RESTATING_DEPS = frozenset(("dobj", "pobj", "prep", "attr", "xcomp", "compound", "acl",
                             "oprd"))
_RESTATING_PREPS = frozenset(("for", "in", "with", "of", "into", "as"))


def _one_per_act(doc, pairs: list) -> list:
    """One event per real-world act: of two events of one type where one trigger hangs
    under the other as its object or purpose ("used missiles for strikes", "launched an
    attack") or as a participle of its result after it ("opened fire, striking two men"),
    the governing one stays and takes the other's missing participants."""
    if len(pairs) < 2:
        return pairs
    toks = [syntax.token_at(doc, ev.trigger.start, ev.trigger.end) for ev, _ in pairs]
    dropped = set()
    for i, (ev, _) in enumerate(pairs):
        tok = toks[i]
        if tok is None:
            continue
        cur = tok
        for _ in range(3):
            result = cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.i > cur.head.i
            if (cur.dep_ not in _RESTATING_DEPS and not result) or cur.head.i == cur.i or (
                    cur.dep_ == "prep" and cur.lower_ not in _RESTATING_PREPS):
                break
            cur = cur.head
            j = next((k for k, t in enumerate(toks) if k != i and k not in dropped
                      and t is not None and t.i == cur.i and pairs[k][0].type == ev.type), None)
            if j is not None:
                keep = pairs[j][0]
                keep.actor = keep.actor or ev.actor
                keep.target = keep.target or ev.target
                dropped.add(i)
                break
    return [p for k, p in enumerate(pairs) if k not in dropped]


def _joined_harm(doc, pairs: list) -> list:
    """One event for an attack and its harm joined by "and" ("was shot and killed", "shot
    and wounded two men"): the harm verb, conjoined right after the attack verb of the
    same type, is not a second act; the attack's trigger spans both words (as our gold
    marks it), so the outcome stays in its words and the two are counted once."""
    from .repeats import HARM

    if len(pairs) < 2:
        return pairs
    toks = [syntax.token_at(doc, ev.trigger.start, ev.trigger.end) for ev, _ in pairs]
    at = {t.i: k for k, t in enumerate(toks) if t is not None}
    dropped = set()
    for k, tok in enumerate(toks):
        if tok is None or tok.pos_ != "VERB" or tok.dep_ != "conj" \
                or tok.lemma_.lower() not in HARM or pairs[k][0].type != "ASSAULT":
            continue
        j = at.get(tok.head.i)
        if j is None or j in dropped or pairs[j][0].type != "ASSAULT" or tok.head.i > tok.i:
            continue
        between = doc[tok.head.i + 1:tok.i]
        if any(t.dep_ not in ("cc", "advmod", "prt") for t in between) or len(between) > 3:
            continue  # "shot a man, then drove off and later killed ...": not one phrase
        keep, harm = pairs[j][0], pairs[k][0]
        keep.trigger = Span.of(doc.text, keep.trigger.start, harm.trigger.end)
        keep.actor = keep.actor or harm.actor  # "was shot and killed by a neighbour"
        keep.target = keep.target or harm.target
        dropped.add(k)
    return [p for k, p in enumerate(pairs) if k not in dropped]


def _has_speech_verb(sent) -> bool:
    speech = load().modality["speech_verbs"]
    return any(t.pos_ == "VERB" and t.lemma_.lower() in speech for t in sent)


def _judged(pairs: list, judge) -> list:
    if judge is None:
        return pairs
    return [(ev, feats) for ev, feats in pairs if judge.keeps(feats)]


def _event(analysis: Analysis, cand: Candidate, sent, tag: str) -> Optional[Event]:
    tok = cand.token
    text = analysis.article.text
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    actor_tok = cand.actor_tok
    if is_noun:
        target_tok = args.noun_target(tok, cand.type)
    else:
        target_tok = args.verb_target(tok, cand.entry)
    if target_tok is not None and actor_tok is not None and target_tok.i == actor_tok.i:
        target_tok = None
    if not is_noun and actor_tok is not None and _undergoer_subject(tok):
        actor_tok, target_tok = None, target_tok or actor_tok
    patient_nobody = False
    if not is_noun and actor_tok is not None and not cand.entry.patient_actor:
        patient = _borrowed_patient(tok)
        if patient is not None:
            actor_tok = _own_agent(tok)
            target_tok = args.recipient_in(patient) or (
                patient if _undergoer_noun(patient, cand) else target_tok)
            patient_nobody = _nobody(patient)
    if is_noun and cand.type in _UNDERGONE_TYPES:
        undergoer = _undergoer_of_noun(tok)
        if undergoer is not None:
            actor_tok = None
            target_tok = target_tok or args.recipient_in(undergoer)
    if not is_noun and target_tok is None and tok.dep_ == "acl" and tok.tag_ == "VBN" \
            and not cand.entry.patient_actor and syntax.first_child(tok, "agent", *syntax.OBJ) is None:
        target_tok = args.recipient_in(tok.head)  # "the man charged in the shooting"
    if not is_noun and cand.type == "ACCUSE" and actor_tok is not None \
            and _in_charge_list(tok, actor_tok):
        actor_tok = None
    held_negated = False
    if is_noun and cand.type == "COERCE":
        held, holder = _held_in(tok)
        if held is not None:
            target_tok, actor_tok = args.recipient_in(held), holder
            held_negated = _nobody(held)
    if cand.type == "COERCE" and target_tok is not None and target_tok.dep_ == "pobj" \
            and target_tok.head.lower_ in _CUSTODY_PLACE_PREPS:
        target_tok = None  # "booked into the county jail": where, not whom
    if not is_noun and actor_tok is not None:
        actor_tok = _agreeing_actor(tok, actor_tok)
    modality = modality_of(tok)
    etype, mode = _recode(cand.type, cand.mode, modality, tok)
    if etype == "AGREE" and _vows_force(tok):
        etype, mode = "THREATEN", "violence"
    if etype == "REJECT" and cand.type != "REJECT":
        modality = "happened"
    if (not is_noun and nobody_did(tok)) or ((held_negated or patient_nobody) and modality in (
            "happened", "ongoing")):
        modality = "negated"  # after the recoding, which the judge's training saw
    content_modality = None
    if etype in _SPEECH_LAYERED and not is_noun:
        content_modality = "hypothetical" if content_is_hypothetical(tok) else "planned"
    end = cand.end_token.idx + len(cand.end_token.text)
    trigger = Span.of(text, tok.idx, max(end, tok.idx + len(tok.text)))
    clause = syntax.clause_head(tok)
    ev = Event(id="", type=etype, trigger=trigger, mode=mode, modality=modality,
               content_modality=content_modality, sentence=Span.of(text, sent.start_char, sent.end_char), stage=tag)
    if actor_tok is not None and can_be_actor(actor_tok):
        ev.actor = code_actor(analysis, actor_tok)
    if target_tok is not None:
        ev.target = code_actor(analysis, target_tok)
        if ev.actor is not None and ev.target.span.overlaps(ev.actor.span):
            ev.target = None
        elif ev.target.span.start < trigger.start < ev.target.span.end:
            # "the four men in custody": the participant's words end before the trigger's
            cut = _branch_start(tok, target_tok)
            if cut is not None and cut > ev.target.span.start:
                ev.target.span = Span.of(text, ev.target.span.start,
                                         len(text[:cut].rstrip(" ,")))
    _link_time(analysis, ev, tok, clause, sent)
    _link_place(analysis, ev, tok, clause)
    ev.reported_by = _reporter(analysis, trigger)
    return ev


_SPEECH_LAYERED = frozenset(("THREATEN", "REQUEST"))


_SINGULAR_PERSONAL = frozenset(("he", "she", "him", "her"))


def _agreeing_actor(verb, actor_tok):
    """The actor the judge read, unless it came from resolving the verb's "he"/"she" to the
    speaker of the sentence and that speaker is plural ("Deputies say he shot the man": he
    is not the deputies).  Then the pronoun itself stays the actor."""
    subj = syntax.first_child(verb, *syntax.SUBJ)
    if subj is None or subj.i == actor_tok.i or subj.lower_ not in _SINGULAR_PERSONAL:
        return actor_tok
    plural = actor_tok.tag_ in ("NNS", "NNPS") or actor_tok.lower_ in ("police", "they")
    return subj if plural else actor_tok


# Verbs that need an object in the active voice: without one, their subject underwent the act.
_NEEDS_OBJECT = frozenset(("shoot", "kill", "injure", "wound", "stab", "murder", "arrest",
                           "detain", "slay", "abduct", "kidnap", "rape", "assault", "behead",
                           "execute", "hurt", "jail", "sentence", "convict", "indict"))


def _undergoer_subject(tok) -> bool:
    """"Teen killed in crash", "A boy shot in the chest remains in hospital", "Four
    others injured": headlines and reduced clauses drop the passive's auxiliary, and the
    parser reads an active verb whose subject is the victim.  A verb that needs an object
    (:data:`_NEEDS_OBJECT`) but has none, nor a conjoined verb that has one ("shot and
    killed two men"), nor a preposition that takes its aim ("shot at officers"), names its
    subject as the one it befell.  Applied after the judge's features are read, so the
    judge sees the candidate as it was trained."""
    if tok.lemma_.lower() not in _NEEDS_OBJECT or tok.tag_ not in ("VBD", "VBN") \
            or tok.dep_ in ("relcl", "acl", "amod", "xcomp"):
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(c.dep_ in (
            "dobj", "obj", "dative", "ccomp", "xcomp", "auxpass", "aux") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards") for c in kids):
        return False
    for c in kids:
        if c.dep_ == "conj" and any(g.dep_ in ("dobj", "obj") for g in c.children):
            return False
    return True


_OWN_ARGS = frozenset(("nsubj", "csubj", "dobj", "obj", "dative", "expl"))
_CUSTODY_PLACE_PREPS = frozenset(("into", "in", "at"))
_NOBODY = frozenset(("nobody", "none"))


def _nobody(tok) -> bool:
    """"No one", "no suspects", "nobody": a participant that is no one."""
    if tok.lower_ in _NOBODY:
        return True
    if tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _clause_subject(verb):
    """The subject (active or passive) a verb's conjoined or participial clause shares."""
    cur = verb
    for _ in range(4):
        subj = syntax.first_child(cur, "nsubjpass", "nsubj")
        if subj is not None:
            return subj
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _borrowed_patient(verb):
    """The one who underwent a passive act when the actor was read from a subject the
    parse hung elsewhere: a passive joined to another clause ("ran from police but *was
    arrested*", "was arrested and *charged*", "was shot and *killed*", "is in custody and
    *charged*") or a participle opening the sentence ("*Charged* with theft, he
    pleaded ...").  The verb has no active subject or object of its own, and is passive:
    its own passive auxiliary or subject, or a bare participle joined to a passive or to
    "be".  Returns the one it befell (its own passive subject, else the shared subject),
    or None.  Applied after the judge's features are read, as :func:`_undergoer_subject`."""
    kids = list(verb.children)
    if any(c.dep_ in _OWN_ARGS for c in kids):
        return None
    own_subj = syntax.first_child(verb, "nsubjpass")
    own_passive = own_subj is not None or any(c.dep_ == "auxpass" for c in kids)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        head = verb.head
        if own_passive:
            return own_subj if own_subj is not None else _clause_subject(head)
        if any(c.dep_ == "aux" for c in kids):
            return None
        if verb.tag_ == "VBN" and (syntax.is_passive(head) or (
                head.lemma_.lower() == "be" and syntax.first_child(head, "nsubj") is not None)):
            return _clause_subject(head)
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not own_passive \
            and not any(c.dep_ == "aux" for c in kids) \
            and verb.i < verb.head.i and verb.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(verb.head)
    return None


def _undergoer_noun(tok, cand) -> bool:
    """Whether a passive's subject can be the one the act befell: a noun that is neither
    what the trigger's own reading takes as its object ("shots were fired") nor a thing
    or an idea ("the case is being investigated")."""
    if tok.pos_ not in ("NOUN", "PROPN") or any(t.i == tok.i for t in cand.consumed):
        return False
    return judge_model.agent_kind(tok) in ("agent", "noun")


def _branch_start(tok, head):
    """Where the branch of ``head`` that holds ``tok`` begins (its first character)."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        if cur.head.i == head.i:
            return cur.left_edge.idx
        cur = cur.head
    return None


def _in_charge_list(verb, actor_tok) -> bool:
    """"charged with possession of a firearm *by a felon*": an agent read after the
    offences the verb lists names the offence, not the accuser."""
    if actor_tok.dep_ != "pobj" or actor_tok.head.dep_ != "agent" or actor_tok.head.head.i != verb.i:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and c.i < actor_tok.i
               for c in verb.children)


def _own_agent(verb):
    """The "by" agent of a passive verb itself ("was shot and killed *by a deputy*")."""
    agent = syntax.first_child(verb, "agent")
    return syntax.first_child(agent, "pobj") if agent is not None else None


# Nominal triggers whose subject of "face"/"undergo" underwent them: "faces charges",
# "faces arrest", "underwent questioning".
_UNDERGONE_TYPES = frozenset(("ACCUSE", "COERCE", "SANCTION"))
_UNDERGO_VERBS = frozenset(("face", "undergo", "suffer", "await"))


def _undergoer_of_noun(noun):
    """The subject of "face"/"undergo" whose object (or its conjunct) is ``noun``."""
    cur = noun
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ not in ("dobj", "obj") or cur.head.lemma_.lower() not in _UNDERGO_VERBS:
        return None
    verb = cur.head
    subj = _clause_subject(verb)
    if subj is None and verb.dep_ in ("xcomp", "advcl", "conj"):
        subj = _clause_subject(verb.head)
    return subj


_CUSTODY_NOUNS = frozenset(("custody", "detention", "captivity"))


def _held_in(noun):
    """(who is held, who holds) for a state of custody told with "in"/"into": "he is
    in custody" (he), "police have him in custody" (him; police), "the man, who remains
    in custody" (the man)."""
    prep = noun.head
    if noun.lemma_.lower() not in _CUSTODY_NOUNS or noun.dep_ != "pobj" \
            or prep.lower_ not in ("in", "into") or prep.head.i == prep.i:
        return None, None
    verb = prep.head
    obj = None
    of_holder = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in syntax.children(c, "pobj")), None)  # "in the custody of X"
    if verb.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ not in ("dobj", "obj"):
            return verb, of_holder  # "the four men in custody"
        verb, obj = verb.head, verb  # "police have him in custody"
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    obj = obj or syntax.first_child(verb, "dobj", "obj")
    subj = _clause_subject(verb)
    if subj is not None and subj.lower_ in syntax.REL_PRONOUNS and verb.dep_ == "relcl":
        subj = verb.head
    if obj is not None:
        return obj, (subj if subj is not None and not syntax.is_passive(verb) else of_holder)
    return subj, of_holder


def _recode(etype: str, mode, modality: str, tok):
    """PLOVER's conventions for announced cooperation and for refusals."""
    m = load().modality
    if modality == "planned" and etype in m["future_to_agree"]:
        return "AGREE", None
    if modality == "planned" and etype in m["future_to_concede"]:
        return "CONCEDE", mode
    if modality == "negated" and etype in m["cooperative_types"] and _refusal(tok):
        return "REJECT", None
    return etype, mode


_VOWS = frozenset(("vow", "pledge", "promise", "swear"))


def _vows_force(tok) -> bool:
    """'vowed to retaliate': a promise of force is a threat (PLOVER THREATEN)."""
    if tok.lemma_.lower() not in _VOWS:
        return False
    lex = load()
    for c in tok.children:
        if c.dep_ == "xcomp":
            entry = next((lex.verbs[f] for f in syntax.lemma_forms(c) if f in lex.verbs), None)
            if entry is not None and entry.type in ("ASSAULT", "COERCE"):
                return True
    return False


def _refusal(tok) -> bool:
    """'will not accept', 'would not meet', 'failed to reach', 'no longer support'."""
    m = load().modality
    verb = tok if tok.pos_ in ("VERB", "ADJ") else syntax.governing_verb(tok)
    for _ in range(3):
        if verb is None:
            return False
        lows = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg", "advmod")}
        if "longer" in lows or ({"not", "n't", "never"} & lows and lows & m["refusal_negators"]):
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail",):
            return True
        if verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = verb.head
    return False


def _link_time(analysis: Analysis, ev: Event, tok, clause, sent) -> None:
    best = None
    for t in analysis.times or ():
        if not (sent.start_char <= t.span.start < sent.end_char) or t.type not in (
                "DATE", "TIME"):
            continue
        ttok = syntax.token_at(analysis.doc, t.span.start, t.span.end)
        if ttok is None:
            continue
        if _attached(ttok, tok, clause):
            dist = abs(t.span.start - tok.idx)
            if best is None or dist < best[0]:
                best = (dist, t)
    if best is not None:
        ev.time, ev.time_value = best[1].id, best[1].value
    else:
        # No time of its own: the article only tells us it was reported by then.
        ev.reported = analysis.article.published


def _attached(ttok, trigger, clause) -> bool:
    """Whether a time expression's token belongs to the trigger's own clause."""
    cur = ttok
    for _ in range(6):
        if cur.i == trigger.i or cur.i == clause.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.pos_ in ("VERB", "AUX") and cur.i != ttok.i:
            return False
        cur = cur.head
    return False


def _link_place(analysis: Analysis, ev: Event, tok, clause) -> None:
    hit = args.find_place(analysis, tok, clause)
    if hit is None:
        return
    ent_id, ptok = hit
    start, end = syntax.np_bounds(ptok)
    toks = [t for t in syntax.np_tokens(ptok) if t.dep_ != "det" or t.i == ptok.i]
    start = min(t.idx for t in toks if not t.is_punct or t.i == ptok.i)
    ev.place = ent_id
    ev.place_span = Span.of(analysis.article.text, start, end)


def _reporter(analysis: Analysis, trigger: Span) -> Optional[str]:
    best = None
    for a in analysis.attributions or ():
        c = a.content
        if c is not None and c.start <= trigger.start and trigger.end <= c.end:
            if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                best = a
    return best.id if best is not None else None


def _speech_acts(analysis: Analysis, sent, events: list[Event], tag: str) -> list[Event]:
    """REQUEST / THREATEN for speech verbs whose content is a demand or a threat."""
    m = load().modality
    by_start = {e.trigger.start for e in events}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in m["speech_verbs"]:
            continue
        if tok.idx in by_start:
            continue
        comp = syntax.first_child(tok, "ccomp")
        if comp is None:
            continue
        etype = _speech_type(tok, comp, events)
        if etype is None:
            continue
        text = analysis.article.text
        ev = Event(id="", type=etype, trigger=Span.of(text, tok.idx, tok.idx + len(tok.text)),
                   modality=modality_of(tok), content_modality=(
                       "hypothetical" if content_is_hypothetical(tok) else "planned"),
                   sentence=Span.of(text, sent.start_char, sent.end_char), stage=tag)
        speaker = args.verb_actor(tok)
        if speaker is not None and can_act(speaker):
            ev.actor = code_actor(analysis, speaker)
        addressee = syntax.first_child(comp, *syntax.SUBJ)
        if etype == "REQUEST" and addressee is not None:
            ev.target = code_actor(analysis, addressee)
        elif etype == "THREATEN":
            lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text)
            content_ev = next((e for e in events if e.type in m["conflict_types"]
                               and lo <= e.trigger.start < hi), None)
            if content_ev is not None and content_ev.target is not None:
                ev.target = content_ev.target
        _link_time(analysis, ev, tok, tok, sent)
        ev.reported_by = _reporter(analysis, ev.trigger)
        out.append((ev, tok, speaker))
    return out


def _yet(have) -> bool:
    """"had yet to regain consciousness": not yet done, no obligation ("had to leave")."""
    return any(c.lower_ == "yet" for x in [have, *syntax.children(have, "xcomp")]
               for c in x.children)


def _speakers_own_future_act(doc, ev: Event) -> bool:
    """Whether an act told inside speech can be a threat of the speaker's: a verb whose
    doer is a pronoun or left out ("they would attack the capital"), not someone named
    ("my friends would come and shoot up a party"), not a passive ("if a child is shot"),
    and not a past that did not happen ("they would have picked it up and started
    shooting").  Nouns keep the old reading.  Helper-137: four such THREATENs in 1,100
    gun-violence articles, all wrong; no event set changes."""
    tok = syntax.token_at(doc, ev.trigger.start, ev.trigger.end)
    if tok is None or tok.pos_ != "VERB":
        return True
    cur = tok
    for _ in range(4):  # a conjoined verb shares its clause's subject and auxiliaries
        kids = list(cur.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            return False
        aux = {c.lower_ for c in kids if c.dep_ == "aux"}
        if "have" in aux and aux & {"would", "'d", "could", "might", "should"}:
            return False
        subj = next((c for c in kids if c.dep_ in syntax.SUBJ), None)
        if subj is not None:
            return syntax.is_pronoun(subj)
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            return True
        cur = cur.head
    return True


def _speech_type(verb, comp, events: list[Event]) -> Optional[str]:
    m = load().modality
    aux = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
    subj = syntax.first_child(comp, *syntax.SUBJ)
    own = subj is None or syntax.is_pronoun(subj)
    if aux & m["deontic_aux"] and not own:
        return "REQUEST"
    if comp.lemma_.lower() == "have" and any(c.dep_ == "xcomp" for c in comp.children) \
            and not own and not _yet(comp):
        return "REQUEST"
    lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text)
    for e in events:
        if lo <= e.trigger.start < hi and e.type in m["conflict_types"] \
                and e.modality in ("planned", "hypothetical") and own \
                and _speakers_own_future_act(verb.doc, e):
            if aux & {"would", "'d"} or any(c.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children)
                    for c in comp.children):
                return "THREATEN"
    return None
