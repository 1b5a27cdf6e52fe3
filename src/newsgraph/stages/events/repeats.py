"""What an attack did to its victim is the attack again (issue 13).

After "a man was shot Friday" a story goes on: "he was struck in the leg", "the victim was
injured", "he was killed".  Each of these words is coded ASSAULT, and each names the
shooting once more, from the victim's side: a reader counting acts must not count it
again.  A *harm* (wounded, injured, hurt, struck, hit, killed, maimed, paralysed: a verb,
not the noun "killing") joins the one attack it tells of, in two ways:

- *in its own sentence*, when one word hangs on the other: "wounded in a shooting",
  "a shooting that injured five", "shot and killed", "opened fire, killing three".  A
  clause of time ("hours after another man was struck") is no such link, except an
  attack told in a bare "after" clause of its harm: its cause ("four were wounded after
  gunfire broke out");
- *across the article*, to the one attack whose victim it names again ("the boy" after
  "a boy was shot", "Devon" after "Devon was shot"); or, when the article tells of only
  one attack on people and of no separate one ("in a separate shooting", "another
  shooting"), when the harm's victim is unnamed ("he", "the victim", none) or is the one
  told.  Someone new told after the attack ("a woman was wounded", "three others were
  hurt") may be a victim of another attack: left alone.  So is a harm with a cause of its
  own ("killed in a car crash") and one the doer did to himself ("then killed himself").

Both need the same kind of reality and no two different actors, places or times; a harm
is a verb that tells of harm done ("to kill somebody" is not).  Two harms of different
words join only on the same named victim ("ten were killed and forty injured" are two
groups of people).  Precision comes first: a wrong link hides a real separate act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Event
from . import syntax

# Lemmas that tell what an attack did to its victim rather than how it was done.
HARM = frozenset(("injure", "wound", "hurt", "strike", "hit", "kill", "maim", "paralyze",
                  "paralyse", "graze"))
# Nouns that name the victim of the story's act without naming who: unknown, not a second person.
_VICTIM_NOUNS = frozenset(("victim", "victims"))
_PRONOUNS = frozenset(("he", "she", "him", "her", "they", "them", "who", "it"))
_REFLEXIVES = frozenset(("himself", "herself", "themselves", "itself", "themself"))
# "someone", "anyone": nobody told before, so not the story's victim.
_INDEFINITE = frozenset(("someone", "somebody", "anyone", "anybody", "everyone", "everybody",
                         "nobody", "one", "others", "another"))
# Modifiers that say a definite event noun is not (yet) a known act.
_IRREALIS = frozenset(("planned", "proposed", "possible", "potential", "threatened",
                       "future", "next", "hypothetical", "feared", "rumored", "rumoured"))
# Words that tell the reader an act is a different one: "in a separate shooting", "an
# unrelated attack", "other shootings" (not "another man was wounded": see _elsewhere).
_CUES = frozenset(("separate", "unrelated", "similar", "another", "other", "different",
                   "earlier", "previous", "prior"))
_INCIDENT_NOUNS = frozenset(("incident", "shooting", "attack", "case", "stabbing", "killing",
                             "crash", "accident", "robbery", "assault", "homicide", "murder",
                             "collision", "fire", "explosion", "bombing", "raid", "arrest"))
_REAL = frozenset({"happened", "ongoing"})
# Words that count a plural's acts, so that it is not a generic one ("several riots").
_COUNTING = frozenset(("several", "many", "multiple", "numerous", "few", "some", "both",
                       "repeated", "two", "three", "four", "five"))
# Assault modes that are not violence against a person's body: their harm is not a victim's.
_NOT_BODILY = frozenset(("destroy", "abduct", "sexual", "cyber"))
# Causes of harm that are no attack: "killed in a car crash", "injured in the blast".
_OTHER_CAUSES = frozenset(("accident", "crash", "collision", "wreck", "fire", "blaze", "explosion",
                           "blast", "storm", "earthquake", "quake", "flood", "fall", "overdose",
                           "stampede", "tornado", "hurricane", "avalanche", "landslide"))


@dataclass
class Word:
    """What a mention's words say, read once from the parse."""

    lemma: str = ""
    harm: bool = False
    presupposed: bool = False  # a definite event noun: "the shooting", "Friday's shooting"
    victim: set = field(default_factory=set)  # keys of the named victim: entity id, head lemma
    heads: set = field(default_factory=set)  # and of a victim told for the first time
    elsewhere: bool = False  # its sentence calls the act a separate one
    generic: bool = False  # a bare plural event noun: "mass shootings are rare"
    new_victim: bool = False  # its victim is someone new: "a woman", "three others"
    reflexive: bool = False  # "killed himself": the doer's own act on himself
    a_new_one: bool = False  # and one brought in as new: "a woman", "another man"
    other_cause: bool = False  # "killed in a car crash": a harm told with a cause no attack
    answer: bool = False  # "returned fire", "shot back": the other side's act
    actor_is_act: bool = False  # its actor is another mention: "a shooting that killed two"


def read(ev: Event, doc) -> Word:
    if doc is None:
        return Word(lemma=ev.trigger.text.lower())
    tok = syntax.token_at(doc, ev.trigger.start, ev.trigger.end)
    if tok is None:
        return Word(lemma=ev.trigger.text.lower())
    lemma = tok.lemma_.lower()
    word = Word(lemma=lemma)
    # a finite or participle verb: "to kill somebody" tells of no harm done
    word.harm = ev.type == "ASSAULT" and lemma in HARM and tok.pos_ in ("VERB", "ADJ") \
        and tok.tag_ != "VB"
    word.reflexive = any(c.lower_ in _REFLEXIVES for c in tok.children) or (
        ev.target is not None and ev.target.span.text.lower() in _REFLEXIVES)
    word.other_cause = word.harm and any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in _OTHER_CAUSES
                                 for g in c.children) for c in tok.children)
    word.presupposed = tok.pos_ == "NOUN" and _definite(tok)
    word.generic = _generic(tok)
    word.victim = _victim_keys(ev, doc)
    word.heads = _victim_keys(ev, doc, introduced=True) | word.victim
    word.new_victim = ev.target is not None and not word.victim and not _unnamed(ev, doc)
    if word.new_victim:
        head = syntax.token_at(doc, ev.target.span.start, ev.target.span.end)
        word.a_new_one = head is not None and (_other(head) or any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children))
    word.elsewhere = _elsewhere(ev, tok, doc, word.presupposed)
    word.answer = _answer(tok)
    return word


def _answer(tok) -> bool:
    """Fire answered: "returned fire", "fired back", "shot back"."""
    if any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in tok.children):
        return True
    return tok.lemma_.lower() == "fire" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in (
        "return", "exchange")


def _elsewhere(ev: Event, tok, doc, definite: bool) -> bool:
    """Whether the mention's words say its act is another one: the word is its own
    ("another shooting occurred", "an earlier shooting in Rankin"), or it marks an
    incident the mention is placed in ("in a separate incident, a woman was injured").
    "Arrested on unrelated charges" or "linked to a previous incident" do not make the
    mention's own act another one."""
    if any(c.lower_ in _CUES for c in tok.children):
        return True
    if definite:
        return False
    anchors = {tok.i, tok.head.i}
    for prep in (c for t in (tok, tok.head) for c in t.children if c.dep_ == "prep"):
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _INCIDENT_NOUNS and any(
                    c.lower_ in _CUES for c in noun.children) and prep.head.i in anchors:
                return True
    return False


def _generic(tok) -> bool:
    """A bare plural that is the subject of a present-tense statement: "mass shootings
    are rare", "riots often follow" tell of a kind of act, not of one act of the story."""
    if tok.tag_ != "NNS" or tok.dep_ not in ("nsubj", "nsubjpass") or any(
            c.dep_ in ("det", "poss", "nummod") or c.lower_ in _COUNTING
            for c in tok.children):
        return False
    verb = tok.head
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tenses & {"VBZ", "VBP"}) and not tenses & {"VBD", "VBN"} - {verb.tag_}


def _definite(tok) -> bool:
    kids = list(tok.children)
    if any(c.dep_ == "amod" and c.lower_ in _IRREALIS for c in kids):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "that", "this")) or c.dep_ == "poss"
               for c in kids)


def _unnamed(ev: Event, doc) -> bool:
    """A victim told without a name or a description: a pronoun, "the victim"."""
    head = syntax.token_at(doc, ev.target.span.start, ev.target.span.end)
    if head is None or head.lower_ in _INDEFINITE:
        return False
    return head.lower_ in _PRONOUNS or head.pos_ == "PRON" or head.lemma_.lower() in _VICTIM_NOUNS


def _victim_keys(ev: Event, doc, introduced: bool = False) -> set:
    """The target's entity, and its head noun when it is definite; nothing for a pronoun,
    "the victim", someone new ("a woman") or no target.  ``introduced``: the keys by which
    a later mention may refer back to this victim ("a boy", later "the boy")."""
    if ev.target is None:
        return set()
    head = syntax.token_at(doc, ev.target.span.start, ev.target.span.end)
    keys = set()
    if head is not None and (head.lower_ in _PRONOUNS or head.lemma_.lower() in _VICTIM_NOUNS
                             or head.pos_ == "PRON"):
        return {("entity", ev.target.entity)} if ev.target.entity else set()
    if ev.target.entity:
        keys.add(("entity", ev.target.entity))
    if head is not None and head.pos_ in ("NOUN", "PROPN") and (
            _definite_person(head) or introduced and not _other(head)):
        keys.add(("head", head.lemma_.lower()))
    return keys


def _definite_person(head) -> bool:
    """"the boy", "his son", "Devon": a person told before.  "a boy", "three others",
    "the other man" bring in someone new, whose head word says nothing of sameness."""
    if _other(head):
        return False
    if head.pos_ == "PROPN":
        return True
    return any((c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those"))
               or c.dep_ == "poss" or c.lower_ in _PARTITIVE for c in head.children)


# "one guard", "both men" after "two guards were shot": some of the people told before.
_PARTITIVE = frozenset(("one", "both", "all", "each", "either"))


def _other(head) -> bool:
    return any(c.lower_ in ("other", "another", "second", "third", "more", "fourth")
               for c in head.children)


def merge_harms(incidents: list, doc) -> list:
    """The incidents after each harm-only incident has joined the attack it tells of."""
    incidents = list(incidents)
    changed = True
    while changed:
        changed = False
        for h in [i for i in incidents if _harm_only(i)]:
            target = _attack_for(h, incidents, doc)
            if target is not None:
                target.absorb(h)
                incidents.remove(h)
                changed = True
                break
    return incidents


def _harm_only(inc) -> bool:
    return not inc.told_act and _bodily(inc)


def _bodily(inc) -> bool:
    a = inc.first
    return (a.type == "ASSAULT" and a.modality in _REAL and not inc.generic
            and inc.mode not in _NOT_BODILY)


def _attack_for(h, incidents: list, doc):
    """The attack incident a harm-only incident tells of, or None."""
    attacks = [i for i in incidents if i is not h and i.told_act and _bodily(i)]
    near = [a for a in attacks if a.fits_incident(h) and _linked_in_sentence(h, a, doc)]
    if len(near) == 1:
        return near[0]
    if near:
        return None
    if h.elsewhere or any(w.reflexive or w.other_cause for _, _, w in h.mentions):
        return None
    if any(_same_sentence(h, a) for a in attacks):
        return None  # "after the shooting, he struck her": the attack told, the harm not its
    named = [a for a in attacks if a.fits_incident(h) and all(
        word.victim & a.victims for _, _, word in h.mentions)]
    if len(named) == 1:
        return named[0]
    if len(attacks) == 1 and not any(i.elsewhere for i in incidents):
        a = attacks[0]
        start = min(n for n, _, _ in a.mentions)
        if a.fits_incident(h) and all(_victim_fits(word, a, n > start)
                                      for n, _, word in h.mentions):
            return a
    # two harms of one named victim (an entity of the article)
    same = [i for i in incidents if i is not h and _bodily(i) and i.fits_incident(h)
            and _named_victims(h) & _named_victims(i)
            and not (h.harms & i.harms and not i.told_act)]
    return same[0] if len(same) == 1 else None


def _named_victims(inc) -> set:
    return {k for k in inc.victims if k[0] == "entity"}


def _victim_fits(word: Word, attack, after: bool) -> bool:
    """A harm's victim can be the attack's: unnamed, the one told, or anyone when the
    attack is not yet told; not someone new told after it ("a woman was also hurt")."""
    if word.new_victim and after:
        return False
    return not word.victim or not attack.named or bool(word.victim & attack.victims)


def _same_sentence(h, attack) -> bool:
    starts = {ev.sentence.start for _, ev, _ in h.mentions if ev.sentence is not None}
    return any(ev.sentence is not None and ev.sentence.start in starts
               for _, ev, _ in attack.mentions)


def _linked_in_sentence(h, attack, doc) -> bool:
    for _, hev, hword in h.mentions:
        for _, aev, aword in attack.mentions:
            if hword.reflexive and aev.target is not None and not aword.reflexive:
                continue  # "shot his daughter and then killed himself": two acts
            if hev.sentence is None or aev.sentence is None \
                    or hev.sentence.start != aev.sentence.start:
                continue
            ht = syntax.token_at(doc, hev.trigger.start, hev.trigger.end)
            at = syntax.token_at(doc, aev.trigger.start, aev.trigger.end)
            if ht is not None and at is not None and (
                    _governs(ht, at, cause=not aword.harm) or _governs(at, ht)):
                return True
    return False


def _bare_after(clause) -> bool:
    """A clause led by "after" alone: no "hours after", "days after", "soon after"."""
    marks = [c for c in clause.children
             if c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS]
    return [m.lower_ for m in marks] == ["after"] and not any(
        c.dep_ in ("npadvmod", "advmod", "nummod") for m in marks for c in m.children) \
        and not any(c.dep_ == "npadvmod" for c in clause.children)


# Clauses of time: what they tell happened at another moment ("hours after X was struck").
_TIME_MARKS = frozenset(("after", "before", "since", "until", "till", "while", "when", "as"))


def _governs(top, low, limit: int = 6, cause: bool = False) -> bool:
    """Whether ``low`` hangs under ``top`` within a few steps, not through a clause of time.
    With ``cause`` (``low`` tells an attack, ``top`` its harm), a clause of "after" with no
    measure of time is the harm's cause: "was killed after two men opened fire", not
    "was killed hours after two men opened fire"; so it is of a harm joined to another
    that holds the clause ("one was killed and two were hurt after ...")."""
    cur = low
    for _ in range(limit):
        if cur.i == top.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("advcl", "pcomp") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in cur.children) \
                and not (cause and cur.dep_ == "advcl" and _bare_after(cur) and (
                    cur.head.i == top.i or cur.head.dep_ == "conj" and cur.head.head.i == top.i)):
            return False
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ == "pcomp" \
                and cur.head.lower_ in _TIME_MARKS:
            return False
        if cur.dep_ == "relcl" and cur.head.dep_ in ("nsubj", "nsubjpass"):
            return False  # "X, who killed a man in 2013, opened fire": the doer's other act
        cur = cur.head
    return False
