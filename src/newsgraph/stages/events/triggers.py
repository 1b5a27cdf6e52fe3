"""Find trigger words in a parsed sentence and read them as PLOVER types.

A token is looked up by lemma in the verb, noun or adjective lexicon; the
entry's alternatives are tested against the token's syntactic context (its
object, modifiers, governing verb, the actor's sector, the sentence's words)
and the first that holds decides the type, or that the word is no event here
("strike a deal", "heart attack", "attacking midfielder").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import args, syntax
from .coding import code_actor, entity_for
from .nonevents import (PERMISSION_VERBS, declines_to_say, harm_by_nature, no_attack,
                        permitted_by_someone)
from .lexicon import Entry, load


@dataclass
class Candidate:
    token: object
    type: str
    mode: Optional[str]
    entry: Entry
    end_token: object = None  # last token of a particle verb ("called for")
    consumed: list = field(default_factory=list)  # object nouns read as part of this trigger
    actor_tok: object = None


# Participles that only describe a noun ("an accepted definition", "agreed rules").
_DESCRIPTIVE_VBN = frozenset(("accept", "agree", "propose", "support", "recognize", "recognise",
                              "establish", "commit", "guarantee", "offer", "promise",
                              "convict",  # "a convicted felon": a status, not the act
                              "threaten"))  # "threatened species": a status
_PARTICLES = frozenset(("down", "up", "out", "back", "off", "aside", "in", "over", "away"))


class _Context:
    """Lazily computed features of one trigger token, for the lexicon's conditions."""

    def __init__(self, analysis, tok, is_noun: bool, sent_words, entry=None):
        self.analysis = analysis
        self.entry = entry
        self.tok = tok
        self.is_noun = is_noun
        self._sent_words = sent_words
        self._cache: dict = {}

    def get(self, key: str):
        if key not in self._cache:
            self._cache[key] = getattr(self, "_" + key)()
        return self._cache[key]

    def _mod(self):
        return syntax.modifier_lemmas(self.tok)

    def _obj(self):
        tok = self.tok
        objs = []
        if self.is_noun:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs.extend(syntax.children(c, "pobj"))
        else:
            obj = self.get("obj_token")
            if obj is not None:
                objs.append(obj)
                objs.extend(syntax.children(obj, "conj"))
            objs.extend(syntax.children(tok, "oprd", "attr", "dative", "nsubjpass"))
            objs.extend(_modified_object(tok))
            for prt in syntax.children(tok, "prt"):
                objs.extend(syntax.children(prt, "pobj"))
        out = set()
        for o in objs:
            out.add(o.lemma_.lower())
            out.add(o.lower_)
            for c in o.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN" and o.pos_ == "PROPN":
                    continue  # a word of a name says nothing of the thing ("Crime Stoppers")
                if c.dep_ in ("compound", "amod"):
                    out.add(c.lemma_.lower())
                    out.add(c.lower_)
                if c.dep_ == "prep" and c.lower_ == "of" and not self.is_noun:
                    for p in c.children:  # "a state of emergency"
                        if p.dep_ == "pobj":
                            out.add(p.lemma_.lower())
                            out.add(p.lower_)
        return out

    def _obj_token(self):
        return None if self.is_noun else syntax.direct_object(self.tok)

    def _pobj(self):
        out = set()
        holders = [self.tok]
        obj = self.get("obj_token")
        if obj is not None:
            holders.append(obj)
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "agent", "prt"):
                    for p in c.children:
                        if p.dep_ in ("pobj", "pcomp"):
                            out.add(p.lemma_.lower())
                            out.add(p.lower_)
                            out.update(syntax.modifier_lemmas(p))
                if c.dep_ in ("oprd", "advcl", "xcomp", "acomp"):
                    out.add(c.lemma_.lower())
        return out

    def _prep(self):
        return {c.lower_ for c in self.tok.children if c.dep_ in ("prep", "prt", "agent")
                and not syntax.is_when(c)}

    def _prt(self):
        tok = self.tok
        # The parser often tags a particle as an adverb ("pulled back", "stepped down").
        out = {c.lower_ for c in tok.children if c.dep_ == "prt"
               or (c.dep_ == "advmod" and c.lower_ in _PARTICLES and c.i == tok.i + 1)}
        doc = tok.doc
        for j in (tok.i + 1, tok.i + 2):
            if j < len(doc) and doc[j].head.i == tok.i and doc[j].dep_ in ("prep", "prt") \
                    and not syntax.is_when(doc[j]):
                out.add(doc[j].lower_)
        return out

    def _head(self):
        gov = syntax.governing_verb(self.tok, limit=3) if self.is_noun else None
        return {gov.lemma_.lower()} if gov is not None else set()

    def _actor_tok(self):
        if self.is_noun:
            return args.noun_actor(self.tok)
        return args.verb_actor(self.tok, self.entry)

    def _sector(self):
        tok = self.get("actor_tok")
        if tok is None:
            return set()
        actor = code_actor(self.analysis, tok)
        return {actor.sector} if actor.sector else set()

    def _context(self):
        return self._sent_words()

    def _subj(self):
        tok = self.get("actor_tok")
        if tok is None:
            return set()
        return syntax.words(syntax.np_tokens(tok))

    def _gov_prep(self):
        tok = self.tok
        if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
            return {tok.head.lower_}
        return set()

    def _ccomp(self):
        return any(c.dep_ == "ccomp" for c in self.tok.children)

    def _has_object(self):
        obj = self.get("obj_token")
        return obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM")

    def _nocontext(self):
        return self._sent_words()

    def _target_person(self):
        """Whether the trigger's object is a person ("attacked Machado", "attacks on him")."""
        tok = self.tok
        if self.is_noun:
            objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                    for p in syntax.children(c, "pobj")]
        else:
            obj = self.get("obj_token")
            objs = [obj] if obj is not None else []
        return any(self._is_person(o) for o in objs)

    def _is_person(self, tok) -> bool:
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her") \
                or tok.lemma_.lower() in load().person_roles:
            return True
        if tok.pos_ != "PROPN":
            return False
        ent = entity_for(self.analysis, tok.idx, tok.idx + len(tok.text))
        return ent is not None and ent.label == "PERSON"

    def _xcomp(self):
        return any(c.dep_ in ("xcomp", "ccomp") for c in self.tok.children)

    def _obj_agent(self):
        """Whether the verb's direct object (active voice) is someone who can act: a
        person, a group or a body ("fired the coach", "fired 40 engineers")."""
        if self.is_noun:
            return False
        obj = syntax.first_child(self.tok, *syntax.OBJ)
        if obj is None:
            return False
        from .judge import agent_kind
        return agent_kind(obj) == "agent" and obj.lower_ not in ("it", "them", "this", "that")

    def _ccomp_subj(self):
        """Words of the subject of the trigger's clausal complement, with its modifiers:
        "warned that heavy rains will cause landslides" gives {"rain", "rains", "heavy"}."""
        if self.is_noun:
            return set()
        out = set()
        clauses = [c for c in self.tok.children if c.dep_ == "ccomp"]
        obj = syntax.first_child(self.tok, "dobj")
        if obj is not None:  # "warned residents that rains ...": the parser may hang it on the object
            clauses += [c for c in obj.children if c.dep_ in ("acl", "relcl")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        for c in clauses:
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    out.add(s.lemma_.lower())
                    out.add(s.lower_)
                    out.update(syntax.modifier_lemmas(s))
        return out

    def _xcomp_lemma(self):
        return {c.lemma_.lower() for c in self.tok.children if c.dep_ in ("xcomp", "advcl")}


def _modified_object(verb) -> list:
    """The noun a participle or relative clause describes, when it is the verb's object:
    "recently released polls", "a report released last year", "a speech she delivered"."""
    head = verb.head
    if head is verb or head.pos_ not in ("NOUN", "PROPN"):
        return []
    if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN":
        return [head]
    if verb.dep_ == "relcl" and syntax.direct_object(verb) is None and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return [head]
    return []


def _holds(alt, ctx: _Context) -> bool:
    for key, want in alt.conds.items():
        if key in ("xcomp", "target_person", "has_object", "ccomp", "obj_agent"):
            if ctx.get(key) != want:
                return False
            continue
        if key == "nocontext":
            if ctx.get(key) & want:
                return False
            continue
        have = ctx.get(key)
        if not (have & want):
            return False
    return True


def _read(entry: Entry, ctx: _Context, rules: bool = True
          ) -> tuple[Optional[str], Optional[str], frozenset]:
    """(type, mode, object words that decided it) of a trigger in its context.  Without
    ``rules`` the alternatives that read no event (type null) are passed over, so the
    reading is the one the lexicon would give without its exceptions."""
    for alt in entry.alts:
        if (rules or alt.type is not None) and _holds(alt, ctx):
            return alt.type, alt.mode, alt.conds.get("obj", frozenset())
    return entry.type, entry.mode, frozenset()


def _entry_for(tok, lex):
    pos = tok.pos_
    lemma = tok.lemma_.lower()
    if pos == "VERB":
        if tok.dep_ == "amod" and (tok.tag_ == "VBG" or tok.lemma_.lower() in _DESCRIPTIVE_VBN):
            return None, False  # "a fighting force", "the attacking side": a description
        for form in syntax.lemma_forms(tok):
            if form in lex.verbs:
                return lex.verbs[form], False
        return None, False
    if pos == "NOUN":
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.descriptive_heads:
            return None, True
        if _names_document(tok, lex):
            return None, True
        entry = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)
        if entry is None and tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            entry = lex.nouns.get(f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}")  # "sit-in"
        return entry, True
    if pos == "ADJ" and (tok.dep_ in ("acomp", "ROOT", "amod") or tok.head.lemma_ == "be"):
        entry = lex.adjectives.get(lemma) or lex.adjectives.get(tok.lower_)
        if entry is not None and (any(c.dep_ in ("xcomp", "prep") for c in tok.children)):
            return entry, False
    return None, False


def _names_document(noun, lex) -> bool:
    """'an arrest report', 'the shooting video', 'arrest records show': a trigger noun
    that only modifies a document's name tells what the document is about, not that the
    act happened in this sentence (the document, not the act, is what the clause reports)."""
    if noun.dep_ not in ("compound", "nmod", "amod") or noun.head.i == noun.i:
        return False
    head = noun.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
        head = head.head  # "arrest affidavit report"
    return head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in lex.document_heads
                                               or head.lower_ in lex.document_heads)


_RELEASED_THINGS = frozenset(("noun", "nonagent", "thing"))


def _releases_someone(verb, ctx: "_Context", lex) -> bool:
    """Whether a release verb lets someone go: what it releases (its object, or its
    passive subject) is not a thing, an idea or a record ("released balloons", "has not
    released a motive", "released new developments"; a number may count people: "the
    remaining 12"), and it is no discharge after care ("treated and released", "released
    from the hospital", "released after treatment": ``MEDICAL_CARE`` words in its own or a
    joined verb's preposition objects, or a joined verb of care)."""
    from .judge import agent_kind

    obj = ctx.get("obj_token")
    if obj is not None and not obj.like_num and agent_kind(obj) in _RELEASED_THINGS \
            and not _personal(obj) and not _seized(obj, lex):
        return False
    care = lex.medical_care
    joined = [verb] + syntax.children(verb, "conj")
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        joined.append(verb.head)
    for v in joined:
        if v.i != verb.i and v.lemma_.lower() in care:
            return False
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "for", "at", "in", "to", "after"):
                for p in syntax.children(c, "pobj"):
                    if p.lemma_.lower() in care or syntax.modifier_lemmas(p) & care:
                        return False
    return True


# Endings of nouns for people ("correspondent", "worker", "journalist", "detainee").
_PERSON_ENDINGS = ("ent", "ant", "er", "or", "ist", "ee", "ian")


def _personal(noun) -> bool:
    """A common noun that may name a person by its ending, when no list knows it (not
    "-ment", nor a record: "statement", "number", "letter")."""
    from .judge import record_nouns

    low = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and len(low) > 4 and low.endswith(_PERSON_ENDINGS) \
        and not low.endswith("ment") and low not in record_nouns()


def _seized(noun, lex) -> bool:
    """Property held by force, which can be released ("an impounded ship", "the seized
    assets"): a participle modifying the noun that the lexicon reads as COERCE."""
    for c in noun.children:
        if c.dep_ in ("amod", "acl") and c.tag_ == "VBN":
            entry = next((lex.verbs[f] for f in syntax.lemma_forms(c) if f in lex.verbs), None)
            if entry is not None and entry.type == "COERCE":
                return True
    return False


_QUESTION_MARKS = frozenset(("if", "whether"))


def _asks_a_question(verb) -> bool:
    """"asked me if I had heard the shots", "asked did I see anything", "asked where he
    was": a question, not a request for an act.  The verb's clausal complement opens with
    if/whether or a wh-word, or puts its auxiliary before its subject; and the verb asks
    for nothing else (no "to"-infinitive, no "for" object)."""
    if any(c.dep_ == "xcomp" for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    for comp in syntax.children(verb, "ccomp"):
        kids = list(comp.children)
        if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in kids):
            return True
        if comp.left_edge.tag_ in ("WRB", "WP", "WDT") and comp.left_edge.i > verb.i:
            return True
        subj = syntax.first_child(comp, *syntax.SUBJ)
        aux = next((c for c in kids if c.dep_ in ("aux", "auxpass")), None)
        if subj is not None and aux is not None and aux.i < subj.i and aux.i > verb.i:
            return True
    return False


def _calls_no_one(verb) -> bool:
    """"called his grandparents on his cellphone", "officers were called to the home":
    "call on" asks something of someone only when the one called on can act, and a
    passive "called to" a place summons help there (a dispatch, not a request)."""
    if verb.lemma_.lower() != "call":
        return False
    from .judge import agent_kind

    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") and not syntax.is_when(c):
            objs = syntax.children(c, "pobj")
            if objs and all(agent_kind(o) not in ("agent", "it") for o in objs) and not any(
                    x.dep_ in ("xcomp", "ccomp") for x in verb.children):
                return True
        if c.dep_ == "prep" and c.lower_ == "to" and syntax.is_passive(verb):
            objs = syntax.children(c, "pobj")
            if objs and all(agent_kind(o) != "agent" for o in objs):
                return True
    return False


_DEAL_TYPES = frozenset(("AGREE", "SUPPORT", "COOPERATE"))
# Verbs of trade whose priced object makes an agreement to them business.
_TRADE_VERBS = frozenset(("sell", "buy", "acquire", "purchase", "merge", "lease", "license",
                          "licence", "invest"))
# Sectors of parties whose deals are political acts (PLOVER's actors), not business.
_PUBLIC_SECTORS = frozenset(("government", "military", "legislature", "rebels", "paramilitary",
                             "police", "judiciary", "party", "opposition", "intelligence",
                             "labor"))


def _priced(deal) -> bool:
    """A deal with a price or a term: "$161-million", "worth $4 million", "three-year"."""
    for t in deal.subtree:
        if t.ent_type_ == "MONEY" or t.text == "$" or t.lower_ == "worth":
            return True
        if t.i < deal.i and (t.lower_.endswith(("-year", "-month")) or (
                t.lemma_.lower() in ("year", "month") and t.i > 0
                and (t.doc[t.i - 1].text == "-" or t.doc[t.i - 1].like_num))):
            return True  # "a three-year deal", "a six - year deal", "a six year deal"
    return False


def _public(analysis, tok) -> bool:
    """A state (a country code) or a public body's sector."""
    actor = code_actor(analysis, tok)
    return bool(actor.country) or actor.sector in _PUBLIC_SECTORS


def _routine_business(verb, ctx: "_Context", lex) -> bool:
    """"agreed to a seven-year, $161-million deal with the club", "signed a three-year
    contract worth $4 million", "reached six-year deals with X": a priced or termed contract or deal
    (``COMMERCIAL_DEALS``) between parties none of which is a state or a public body
    is routine business (a player's, a firm's), not a PLOVER agreement."""
    deals = [o for o in [verb if ctx.is_noun else ctx.get("obj_token")] if o is not None]
    parties = []
    holders = [verb]
    if ctx.is_noun and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        holders.append(verb.head)  # "reached six-year deals with X for $25 million"
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep":
            for p in syntax.children(c, "pobj"):
                if c.lower_ in ("to", "on", "for"):
                    deals.append(p)
                elif c.lower_ == "with":
                    parties.append(p)
    deals = [d for d in deals if d.lemma_.lower() in lex.commercial_deals and _priced(d)]
    if not ctx.is_noun:  # "agreed to sell its boat unit for $40 million": a priced trade
        deals += [x for x in syntax.children(verb, "xcomp")
                  if x.lemma_.lower() in _TRADE_VERBS and _priced(x)]
    if not deals:
        return False
    for d in deals:
        for c in d.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                parties.extend(syntax.children(c, "pobj"))
    actor = ctx.get("actor_tok")
    if actor is not None:
        parties.append(actor)
    return not any(_public(ctx.analysis, p) for p in parties)


def find(analysis, sent, rules: bool = True) -> list[Candidate]:
    """Trigger candidates in one sentence, in text order.

    Without ``rules`` the hand-written no-event rules are not applied (the lexicon's
    null readings, a release of no one, a question, routine business, no attack, a
    refusal to comment, a missing actor, a permission no one gives, harm by nature):
    the judge's training sees those candidates too, as the no-event examples they mostly
    are (``scripts/train_event_model.py``); the stage always applies them."""
    lex = load()
    words_cache: list = []

    def sent_words():
        if not words_cache:
            words_cache.append(syntax.sentence_words(sent))
        return words_cache[0]

    out = []
    for tok in sent:
        entry, is_noun = _entry_for(tok, lex)
        if entry is None:
            continue
        ctx = _Context(analysis, tok, is_noun, sent_words, entry)
        etype, mode, via_obj = _read(entry, ctx, rules)
        if etype is None or (is_noun and _anaphoric(tok)):
            continue
        if rules and _ruled_out(tok, is_noun, etype, mode, entry, ctx, sent, lex):
            continue
        if etype in ("REQUEST", "REJECT") and mode is None:
            mode = _shared_mode(ctx, lex)
        cand = Candidate(tok, etype, mode, entry)
        cand.actor_tok = ctx.get("actor_tok")
        if via_obj and not is_noun:
            obj = ctx.get("obj_token")
            # Only an object that decided the reading is part of the trigger: in
            # "called the test a violation" the test is the target, not the cue.
            if obj is not None and (obj.lemma_.lower() in via_obj or obj.lower_ in via_obj):
                cand.consumed.append(obj)
                cand.consumed.extend(syntax.children(obj, "conj"))
        prt = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
        if not prt and not is_noun:
            nxt = tok.i + 1
            if nxt < len(tok.doc) and tok.doc[nxt].head.i == tok.i and tok.doc[nxt].dep_ == "prep" \
                    and tok.doc[nxt].lower_ in ctx.get("prt") and any(
                        a.conds.get("prt") for a in entry.alts):
                prt = [tok.doc[nxt]]
        cand.end_token = prt[0] if prt else tok
        if via_obj and cand.consumed and 0 < cand.consumed[0].i - cand.end_token.i <= 1:
            cand.end_token = cand.consumed[0]  # "opened fire", "lifted curfews"
        out.append(cand)
    consumed = {t.i for c in out for t in c.consumed}
    consumed.update(_restated(out))
    return [c for c in out if c.token.i not in consumed]


def _ruled_out(tok, is_noun: bool, etype: str, mode, entry: Entry, ctx: _Context, sent,
               lex) -> bool:
    """Whether a hand-written rule says this reading names no event (see :func:`find`)."""
    if entry.needs_object and not is_noun and ctx.get("obj_token") is None \
            and not syntax.children(tok, "dative", "xcomp", "ccomp"):
        return True
    if mode == "release" and not is_noun and not _releases_someone(tok, ctx, lex):
        return True
    if etype == "REQUEST" and not is_noun and (_asks_a_question(tok) or _calls_no_one(tok)):
        return True
    if etype in _DEAL_TYPES and _routine_business(tok, ctx, lex):
        return True
    if etype == "ASSAULT" and no_attack(tok, is_noun, sent):
        return True
    if etype == "REJECT" and not is_noun and declines_to_say(tok):
        return True
    actor = ctx.get("actor_tok")
    if entry.needs_actor and actor is None and not (not is_noun and syntax.is_passive(tok)):
        return True  # (an agentless passive names no actor: "was charged with murder")
    if not is_noun and tok.lemma_.lower() in PERMISSION_VERBS and not permitted_by_someone(actor):
        return True
    return etype == "ASSAULT" and harm_by_nature(actor)


def _shared_mode(ctx: _Context, lex):
    """PLOVER's REQUEST/REJECT mode (meet, yield, assist, change) from what is asked."""
    words = set(ctx.get("obj")) | ctx.get("pobj") | ctx.get("xcomp_lemma")
    for c in ctx.tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            words.update(x.lemma_.lower() for x in c.children if x.dep_ in ("dobj", "prt"))
    for mode, vocab in lex.request_modes:
        if words & vocab:
            return mode
    return None


def _anaphoric(noun) -> bool:
    """'this deployment', 'these strikes': a reference back to an event coded before."""
    return any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "such")
               for c in noun.children)


def _restated(cands: list) -> set:
    """Nouns that only restate their verb's event ("engaged in combat", "attacked in an attack")."""
    verbs = {c.token.i: c for c in cands if c.token.pos_ != "NOUN"}
    out = set()
    for c in cands:
        tok = c.token
        if tok.pos_ != "NOUN":
            continue
        head = tok.head
        if head.pos_ == "ADP":
            if head.lower_ not in ("in", "into", "to"):
                continue
            head = head.head
        v = verbs.get(head.i)
        if v is not None and v.type == c.type and tok.dep_ in ("dobj", "pobj", "attr"):
            out.add(tok.i)
    return out
