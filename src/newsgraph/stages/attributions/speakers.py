"""Resolve an attribution's source words to an entity, and classify its sourcing.

The source span is usually a name ("Andrei Klishas"), but news writing moves
on quickly to pronouns ("He added"), descriptions ("the senator"), appositives
("A senior fellow at the Atlantic Council, Alex Plitsas") and unnamed sources
("two U.S. officials").  Resolution order: an entity mention inside the span;
for a pronoun, the most recent compatible speaker or sentence subject before
it; for a definite description, the most recent entity whose role or name
carries the head noun (else the most recent entity of the right type).
Whatever stays unresolved gets a reason instead of a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ...model import NAME_AGAIN
from ..entities.lexicon import honorifics, key, org_heads, titles
from ..events.judge import person_nouns
from .coref import FAMILY, PERSON_NOUNS, QUANTIFIERS, Discourse, holds_title
from .lexicon import (FORCE_ACRONYM, anonymous_nouns, country_words, description_nouns,
                      media_words, nationality_nouns, police_force_name)
from .quotes import find_quotes
from .syntax import age_number, subject_extent

PERSON_PRONOUNS = frozenset("he she him her i me".split())
GROUP_PRONOUNS = frozenset("they them we us".split())
# A possessor of a cue noun ("*his* comment that ...", "*their* claim") is ranked as the
# pronoun it stands for: the ranker knows subject and object forms only.
POSSESSIVES = {"his": "he", "hers": "she", "its": "it", "their": "they", "theirs": "they",
               "my": "i", "mine": "i", "our": "we", "ours": "we"}
IT_PRONOUNS = frozenset(("it",))
ORG_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
RELATIVES = frozenset(("who", "that", "which", "whom"))
DEFINITE = frozenset("the this that these those".split())
# Titles news abbreviates after naming the holder in full: "The DA said", "the AG's office".
ABBREVIATED_ROLES = {"da": ("district", "attorney"), "ag": ("attorney", "general"),
                     "cfo": ("financial", "officer"), "ceo": ("executive",)}
# Below this ranker probability a pronoun's speaker is left unnamed (the guess stays in
# speaker_reason): a calibrated softmax this unsure is more often wrong than right.
MIN_PRONOUN_CONFIDENCE = 0.4
# Bodies named by their place ("Chicago police"): the speaker is the body, not the city.
INSTITUTIONS = frozenset(("police", "authorities", "government", "officials", "deputies",
                          "prosecutors", "investigators", "firefighters", "troopers"))


# How far back a definite document ("the statement said") looks for who issued one.
ISSUER_SENTENCES = 3
_ISSUING = frozenset(("issue", "release", "publish", "put", "send", "post", "file", "write",
                      "provide", "distribute", "email", "tweet"))


# Documents mostly written about their possessor, not by them ("his records").
_ABOUT_SOMEONE = frozenset(("record", "records", "data", "figures", "indictment",
                            "transcript", "filing", "report", "biography", "bio", "obituary",
                            "autopsy", "profile", "warrant", "file", "dossier"))


def _a_person(tok) -> bool:
    """A possessor that is a person's name or a pronoun ("his", "Doe's")."""
    return tok.pos_ == "PRON" or tok.ent_type_ == "PERSON"


def _sentences_back(tok) -> int:
    """The first token of the sentence ISSUER_SENTENCES before ``tok``'s."""
    doc, first = tok.doc, tok.sent
    for _ in range(ISSUER_SENTENCES):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    return first.start


def _issuing_body(tok) -> bool:
    """A noun before a document that names who issued it ("a *police* statement", "the
    *governor* statement"), not what it is about ("an *arrest* report", "*court* records")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma != "court" and (
        lemma in INSTITUTIONS or description_nouns().get(lemma) in ("ORG", "PERSON"))


def _issuer_of(tok) -> Optional[tuple[int, int]]:
    """The subject that issued document noun ``tok``: "*X* issued a statement", "*X* said
    in a statement", "a statement from *X*", "*X*'s statement"; None when not written."""
    for child in tok.children:
        if child.dep_ == "poss":
            return child.left_edge.i, child.right_edge.i + 1
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1
    verb = None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ISSUING:
        verb = tok.head  # "X issued a statement"
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "X said in a statement"
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject_extent(subj) if subj is not None else None


def _is_title(word: str) -> bool:
    """An abbreviated title or form of address before a name ("Sgt.", "Mr."); only with
    its period, so that "General" of "General Dynamics" stays in the name."""
    return word.endswith(".") and (key(word) in titles() or key(word) in honorifics())


@dataclass
class Resolution:
    entity: Optional[object]  # model.Entity
    reason: str
    sourcing: Optional[str]
    name: Optional[str] = None
    confidence: Optional[float] = None
    members: tuple = ()  # sources named together: each part's entity (model.Entity)


# "records *obtained by* the newspaper", "a memo *seen by* Reuters": who holds a
# document, not who issued it (the document speaks unnamed)
HELD_NOT_ISSUED = frozenset(("obtain", "see", "review", "examine", "receive", "acquire"))


class MentionIndex:
    """Entity mentions of one article sorted by offset, for overlap and look-back queries."""

    def __init__(self, entities) -> None:
        rows = []
        for ent in entities or ():
            for m in ent.mentions:
                if m.kind != NAME_AGAIN:  # speaker rules were written without these
                    rows.append((m.span.start, m.span.end, ent, m.kind))
        rows.sort(key=lambda r: (r[0], r[1]))
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def inside(self, start: int, end: int) -> list[tuple[int, int, object, str]]:
        """Mentions overlapping [start, end)."""
        i = bisect_right(self.starts, end)
        return [r for r in self.rows[:i] if r[1] > start and r[0] < end][-8:]

    def between(self, start: int, end: int) -> list[tuple[int, int, object, str]]:
        """Every mention starting in [start, end)."""
        return self.rows[bisect_right(self.starts, start - 1):bisect_right(self.starts, end - 1)]

    def before(self, pos: int, labels: tuple[str, ...], limit: int = 40):
        """Mentions ending before ``pos`` with one of ``labels``, nearest first."""
        i = bisect_right(self.starts, pos)
        out = []
        for r in reversed(self.rows[:i]):
            if r[1] <= pos and r[2].label in labels and r[3] != "pronoun":
                out.append(r)
                if len(out) >= limit:
                    break
        return out


# Last words of newspapers named after their place ("The Hollywood Reporter", "the Orlando
# Sentinel") that the entity stage's organisation heads leave out: there a short
# "Courier" must still find "Port Alma Courier" across articles (corpus/entities.py)
MASTHEADS = frozenset(("Reporter", "Chronicle", "Examiner", "Sentinel", "Observer", "Courier",
                       "Dispatch", "Inquirer", "Bulletin", "Telegraph"))

# Nouns for a business that, definite and unqualified, mean the firm the story is about
FIRM_NOUNS = frozenset(("company", "firm", "airline", "carrier", "automaker", "retailer",
                        "grocer", "insurer", "lender", "brewer", "manufacturer", "startup"))


def _document_antecedent(clause):
    """"a letter from the driver to the boy's mother *that reads* ...": the parse hangs a
    document's relative clause on the nearest noun; what reads is the document a few
    prepositions up, not the mother."""
    if clause.lemma_.lower() != "read":
        return None
    noun = clause.head
    for _ in range(4):
        if media_words().get(noun.lemma_.lower()) == "document":
            return noun
        if noun.dep_ != "pobj" or noun.head.head.i == noun.head.i:
            return None
        noun = noun.head.head
        if noun.pos_ in ("VERB", "AUX"):  # "released a letter ... to the mother that reads"
            return next((c for c in noun.children if c.dep_ == "dobj"
                         and media_words().get(c.lemma_.lower()) == "document"), None)
    return None


def _country_code(tok) -> Optional[str]:
    """The country a capitalised word names or is the demonym of ("Sweden", "Swedish",
    "Swede"), from the country table the events stage also reads."""
    if not tok.text[:1].isupper():
        return None
    return country_words().get(tok.text.lower())


def _nationality(doc, a: int, b: int, head) -> Optional[str]:
    """The country code of a source that is "the" and a singular demonym ("the Swede",
    "the Brazilian"), else None."""
    if b - a != 2 or doc[a].lower_ != "the" or head.i != a + 1 or head.tag_ in ("NNS", "NNPS"):
        return None
    return nationality_nouns().get(head.text.lower()) if head.text[:1].isupper() else None


def _head(doc, a: int, b: int):
    """The syntactic head of tokens a..b (the one whose head lies outside)."""
    for tok in doc[a:b]:
        if tok.head.i < a or tok.head.i >= b or tok.head.i == tok.i:
            return tok
    return doc[a]


def _issuing_force(head):
    """The body that issued the words a source names as a thing: "a statement *from Hazel
    Crest police*", "a release by state troopers".  Resolved as a source of its own, so
    that a town the tagger took for a person ("Hazel Crest") stays the police's town."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in INSTITUTIONS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in INSTITUTIONS:
                    return obj
    return None


def _entity_for_span(index: MentionIndex, doc, text: str, a: int, b: int, head
                     ) -> Optional[tuple]:
    """The best entity mention inside the source: at the head, else a person, else any."""
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    found = [r for r in index.inside(start, end) if r[3] != "pronoun"
             and not _in_relative_clause(doc, r, a, b)]
    if not found:
        return None
    appos = {c.i for c in head.children if c.dep_ == "appos"}
    for r in found:
        if r[0] <= head.idx < r[1]:
            return _titled_member(index, doc, r) or r + ("named",)
    for r in found:
        toks = [t for t in doc[a:b] if r[0] <= t.idx < r[1]]
        if any(t.i in appos or t.head.i in appos for t in toks) and r[2].label == "PERSON":
            return r + ("appositive",)
    for r in found:
        if r[2].label == "PERSON" and not _is_possessor(text, r):
            return r + ("named",)
    for r in found:
        if not _is_possessor(text, r) and not _norp_modifier(doc, r[0], r[1], r[2].label, head) \
                and not _place_modifier(doc, r[0], r[1], r[2].label, head):
            return r + ("named",)
    return None


def _in_relative_clause(doc, row, a: int, b: int) -> bool:
    """The mention lies in a clause that describes someone in the source ("Mia Lopez, a
    17-year-old *who knew Reed*, said", "a lawyer *representing Reed*"): who is described
    speaks, not who is named in the description (when the tagger missed the speaker's own
    name, Reed was taken)."""
    tok = next((t for t in doc[a:b] if row[0] <= t.idx < row[1]), None)
    while tok is not None and a <= tok.i < b and tok.head.i != tok.i:
        if tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBG":
            return True  # (not "polls conducted *for AP*", "a report released *by* X":
        tok = tok.head  # the issuer of a document speaks)
    return False


def _titled_member(index: MentionIndex, doc, org) -> Optional[tuple]:
    """"LMPD Homicide Unit Lt. Todd Kessinger", "Acme CFO Jo Ruiz": a body, then only a
    title, then a person's name; the parse may end the source at the body (two subjects
    of one "said"), but the person speaks and the body is where they work."""
    if org[2].label != "ORG":
        return None
    for r in index.between(org[1], org[1] + 40):
        if r[2].label != "PERSON" or r[3] == "pronoun":
            continue
        gap = doc.char_span(org[1], r[0], alignment_mode="expand")
        if gap is not None and len(gap) and all(key(t.text) in titles() for t in gap):
            return r + ("named",)
    return None


def _norp_modifier(doc, start: int, end: int, label: str, head=None) -> bool:
    """A nationality, religion or party word modifying another noun ("the Canadian mining
    company", "many Democratic lawmakers"): the noun is who speaks, not the group."""
    if label != "NORP":
        return False  # ("a CNN tally", "an AP poll": an organisation modifying is its issuer)
    root = _mention_root(doc, start, end)
    return root is not None and root.dep_ in ("amod", "compound", "nmod") \
        and root.head.pos_ == "NOUN" and not (start <= root.head.idx < end) \
        and not (head is not None and root.head.i == head.i)  # "The Chinese government":
    # a name on the source's own head is read by _described_by_name


def _place_modifier(doc, start: int, end: int, label: str, head) -> bool:
    """A place qualifying a noun other than the source's head: "The man, a *Brooklyn*-born
    chef, said", "The company, a *Texas* firm, said".  The place is not who speaks (on
    the head itself, "the Sanford police chief", :func:`_modifies_head` reads it)."""
    if label not in ("GPE", "LOC"):
        return False
    up = _mention_root(doc, start, end)
    while up is not None and up.dep_ in ("amod", "compound", "nmod", "npadvmod") \
            and up.head.i != up.i:
        up = up.head
        if up.pos_ == "NOUN":
            return up.i != head.i and not start <= up.idx < end and not _by_preposition(up, head)
        if up.tag_ not in ("VBN", "JJ", "HYPH") and up.pos_ != "PROPN":
            return False
    return False


def _by_preposition(noun, head) -> bool:
    """``noun`` hangs from the source's head through a preposition ("a poll *of* Indiana
    voters"): the place is read by the preposition rules, which keep the whole phrase."""
    up = noun
    while up.i != head.i and up.head.i != up.i:
        if up.dep_ in ("pobj", "prep", "poss"):
            return True  # (or a possessor: "the Dallas County medical examiner's office")
        up = up.head
    return False


def _most_named(rows, every=None):
    """The entity with the most mentions among ``rows``, None on a tie: "the company" in a
    story about one firm is that firm, not the bank whose analyst was quoted last; with two
    firms named once each, it is a guess.  With ``every`` (mentions of any label), a mention whose entity's name
    is the first word of a candidate's name counts for that candidate too (the caller passes
    only mentions that act as subjects or owners: :func:`_acts`)."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[2].id] = counts.get(r[2].id, 0) + 1
    if every:
        first = {}
        for r in rows:
            words = r[2].name.split()
            if len(words) > 1:
                first.setdefault(words[0], set()).add(r[2].id)
        for r in every:
            if r[2].id not in counts and r[2].name in first:
                for cid in first[r[2].name]:
                    counts[cid] += 1
    best = max(counts.values())
    if sum(n == best for n in counts.values()) > 1:
        return None  # two firms named as often: a guess would name the wrong one as often
    return max((r[2] for r in rows), key=lambda e: counts[e.id])


# Words for a part of a group: "Most of the Ohio delegation" is some of its members, not
# Ohio or the delegation as a body.
GROUP_PARTS = frozenset((
    "half", "halves", "third", "thirds", "quarter", "quarters", "percent", "majority",
    "majorities", "minority", "most", "all", "some", "many", "few", "none", "several",
    "both", "each", "either", "neither", "any", "dozens", "hundreds", "thousands", "scores"))

_FORCE_WORDS = frozenset(("the", "police", "sheriff", "department", "dept", "dept.", "force",
                          "office", "service", "pd"))


def _force_place(name: str) -> str:
    """"Detroit Police Department" and "Detroit Police" -> "detroit": what tells forces
    apart is whose they are."""
    words = name.lower().replace("'s", "").replace("\u2019s", "").split()
    return " ".join(w for w in words if w not in _FORCE_WORDS) or " ".join(words)


def _initials(name: str) -> str:
    """"Louisville Metro Police Department" -> "LMPD", "L.A. Police Department" -> "LAPD"
    ("the", "of" and "'s" left out)."""
    words = [w for w in name.replace("'s", "").split() if w.lower() not in ("the", "of")]
    return "".join(w.replace(".", "").upper() if "." in w else w[0].upper() for w in words)


_PLACES_OF_WORDS = frozenset(("on", "in", "at", "via", "through"))
_WORDS_PLACED = frozenset((
    "post", "posting", "statement", "interview", "video", "journal", "article", "broadcast",
    "appearance", "tweet", "message", "page", "account", "appear", "publish", "write",
    "say", "tell", "announce", "report"))


def _acts(doc, start: int, end: int) -> bool:
    """A mention that is a subject or an owner ("Valeant has ...", "Valeant's shares"):
    how a firm's short name is written, where a place named after it is mostly written
    after a preposition ("in Washington", "the Washington Post")."""
    root = _mention_root(doc, start, end)
    return root is not None and root.dep_ in ("nsubj", "nsubjpass", "poss")


def _mention_root(doc, start: int, end: int):
    """The syntactic head of the mention at characters start..end, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _in_a_phrase(doc, start: int, end: int) -> bool:
    """A mention that is the object of a preposition of place ("a post on Instagram", "in
    the journal Nature"): where words appeared, not the firm the story follows.  "the
    company" goes to an organisation the text names at least once otherwise."""
    root = _mention_root(doc, start, end)
    if root is None:
        return False
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in _PLACES_OF_WORDS:
        return False
    # where words appeared, not who acted: "a post on Instagram", "published in the
    # journal", "said in an interview on CNN"; "a stake in X", "workers at X" name the firm
    return root.head.head.lemma_.lower() in _WORDS_PLACED


def _possessed_by_name(head) -> bool:
    """"Felt's family", "Trump's campaign": a proper name as the noun's possessor."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)


def _person_noun(lemma: str) -> bool:
    """A noun that describes a person: a role ("chief", "minister"), an unnamed source, or
    one of :data:`.coref.PERSON_NOUNS` ("the boy", "a neighbor")."""
    return description_nouns().get(lemma) == "PERSON" or lemma in anonymous_nouns() \
        or lemma in PERSON_NOUNS


def _describes_a_person(head) -> bool:
    """A common noun for a person: a role or title ("owner", "lawyer"), an unnamed source,
    a relative ("wife")."""
    if head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    return _person_noun(lemma) or key(head.text) in titles() or lemma in FAMILY


# Prepositions that give members of the group they hang on, not whom it serves.
_EXAMPLES = frozenset(("like", "including"))


PLACE_BODIES = frozenset(("embassy", "consulate", "ministry", "council", "parliament",
                          "department", "office", "court", "army", "navy", "legislature",
                          "senate", "assembly", "cabinet", "administration", "regime"))


def _body_word(head) -> bool:
    """A word for a body of a place ("the Embassy of France", "the government of Chad"):
    the place's own organ, which the rules for named bodies read."""
    return head.lemma_.lower() in INSTITUTIONS | PLACE_BODIES


def _hangs_by_preposition(doc, row, head) -> bool:
    """True when the mention ``row`` follows the head noun inside a prepositional phrase
    hung on it ("the owner *of Harbor Lanes*", "a lawyer *for the Carver family*"),
    not in apposition to it ("a lawyer, *John Carver*")."""
    toks = [t for t in head.subtree if row[0] <= t.idx < row[1]]
    if not toks or toks[0].i <= head.i:
        return False
    up, crossed = toks[0], False
    while up.i != head.i:
        if up.dep_ in ("appos", "conj") or up.head.i == up.i:
            return False
        if up.dep_ == "prep" and up.lower_ in _EXAMPLES:
            return False  # "Customers like Hayes said": Hayes is one of them
        crossed = crossed or up.dep_ == "prep"
        up = up.head
    return crossed


def _role_names(holder, name: str) -> bool:
    """Whether ``holder``'s roles or name carry ``name`` ("Republican" in "the Republican
    nominee"): a role is matched only with the word that qualified it."""
    roles = " ".join(getattr(x.span, "text", "") for x in getattr(holder, "roles", ()))
    return name.lower() in f"{roles} {holder.name}".lower()


_TRUNK_DEPS = frozenset(("compound", "nmod", "conj", "amod", "det", "predet", "nummod",
                         "quantmod", "nsubj", "nsubjpass"))


def _on_trunk(tok, head) -> bool:
    """Whether ``tok`` is ``head`` or hangs on it by names and modifiers only, not inside
    a prepositional phrase, an appositive or a clause."""
    for _ in range(6):
        if tok.i == head.i:
            return True
        if tok.dep_ not in _TRUNK_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _before_relative(doc, x: int, y: int) -> int:
    """The end of tokens x..y cut before a ", who ..." clause ("Democrats across the
    country, who highlighted ...": the clause is no part of the name)."""
    for t in doc[x + 1:y]:
        if t.lower_ in ("who", "which", "whose") and doc[t.i - 1].text == ",":
            return t.i - 1
    return y


def _a_named_person(ent) -> bool:
    """A person the article names with more than one word."""
    return ent is not None and ent.label == "PERSON" and len(ent.name.split()) > 1


def _part_head(doc, x: int, y: int, a: int, b: int):
    """The head of tokens x..y of a source a..b: the one hung outside the whole source if
    any ("county *detectives* said" parsed with "Prosecutors and county" as a modifier)."""
    outside = [t for t in doc[x:y] if t.head.i < x or t.head.i >= y or t.head.i == t.i]
    return next((t for t in outside if t.head.i < a or t.head.i >= b or t.head.i == t.i),
                outside[0] if outside else doc[x])


def _listed(doc, a: int, end: int) -> list:
    """The items of a list before its last "and" ("Mayor Ann Cole, Sheriff Dan Ruiz and
    ..."): split at each comma the parser follows with a conjunct, so the middle names
    are speakers too; one item when no comma opens a conjunct (an appositive, "Ann Roe,
    a professor, and ...", stays whole and is judged as one)."""
    cuts = [t.i for t in doc[a + 1:end] if t.text == "," and t.i + 1 < end
            and any(u.dep_ == "conj" and u.head.i < t.i for u in doc[t.i + 1:end])]
    return list(zip([a] + [c + 1 for c in cuts], cuts + [end]))


def _and_list(words: list) -> str:
    """"A and B", "A, B and C": a joint source's name as a reader writes it."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _stands_alone(head) -> bool:
    """Whether a noun phrase with this head names someone by itself: a name, a pronoun, a
    plural, or a noun with its own determiner ("the mayor"); "reality star" in "mogul
    and reality star Ann Roe" only describes."""
    return head.pos_ in ("PROPN", "PRON") or head.tag_ in ("NNS", "NNPS") or any(
        c.dep_ in ("det", "poss", "nummod") for c in head.children)


def _before_clause(head, b: int) -> int:
    """The end of the source cut before a clause that modifies its head noun ("The union
    *representing workers at the plant in Leeds*", "a man *who met Obama*"): what is named
    in that clause is not who speaks."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return b
    for child in head.children:
        if child.dep_ in ("acl", "relcl") and child.i > head.i:
            b = min(b, child.left_edge.i)
    return b


def _modifies_head(doc, row, head) -> bool:
    """True when the mention ``row`` lies outside the source's head, a common noun, and
    only modifies it: every token of the mention hangs as compound/nmod/amod from a word
    up to the head ("Sanford" in "the Sanford police chief", "Ohio" in "the Ohio-based
    grocer", where the parser makes the place a noun modifier of "based")."""
    if row[0] <= head.idx < row[1] or head.tag_ not in ("NN", "NNS"):
        return False
    toks = [t for t in head.subtree if row[0] <= t.idx < row[1]]
    if not toks or any(t.i > head.i for t in toks):
        return False
    for t in toks:
        up = t
        while up.i != head.i:
            if up.dep_ not in ("compound", "nmod", "amod", "poss", "npadvmod") \
                    or up.head.i == up.i:
                return False
            up = up.head
    return True


def _name_runs_on(doc, row, head) -> bool:
    """The mention ``row`` ends inside one proper name that goes on, through capitalised
    words and possessives only, to the source's head ("[Los Angeles County District]
    Attorney's Office"): the tagger cut the name short."""
    between, i = [], head.i - 1
    while i >= 0 and doc[i].idx >= row[1]:
        between.append(doc[i])
        i -= 1
    return bool(between) and head.idx > row[1] and all(
        t.pos_ == "PROPN" or t.tag_ == "POS" for t in between)


def _is_possessor(text: str, row) -> bool:
    """True for "Poland's" in "Poland's foreign minister": not the speaker itself."""
    end = row[1]
    return text[end:end + 2] in ("'s", "' ")


def _sourcing_for_entity(ent) -> str:
    media = media_words()
    words = [w.strip(".,'\"").lower() for w in ent.name.split()]
    if ent.label != "PERSON" and any(media.get(w) == "media" for w in words):
        return "media"
    return "named_person" if ent.label == "PERSON" else "named_org"


def _group_name(ent, pos: int) -> Optional[str]:
    """The people a nationality or party stands for, as the text wrote them: "they" after
    "Republicans" is the Republicans, though the entity took its name from an adjective
    ("a Republican senator").  The latest plural mention before ``pos``, else None."""
    if getattr(ent, "label", None) != "NORP":
        return None
    plural = [m.span for m in ent.mentions if m.span.start < pos and m.kind != "pronoun"
              and m.span.text[-1:] == "s" and m.span.text[:-1].lower() in
              (ent.name.lower(), ent.name.lower()[:-2])]
    latest = max(plural, key=lambda s: s.start) if plural else None
    return None if latest is None or latest.text == ent.name else latest.text


class SpeakerResolver:
    """Resolves source spans of one article; remembers speakers for later pronouns."""

    def __init__(self, analysis) -> None:
        self.doc = analysis.doc
        self.text = analysis.norm or analysis.doc.text
        self.index = MentionIndex(analysis.entities)
        self.has_entities = bool(analysis.entities)
        self.speakers: list[tuple[int, object]] = []  # (offset, entity) of resolved speakers
        self.last_reason = ""  # how the last of them was resolved
        self.last_content = (0, 0)  # and what they said
        self._analysis = analysis
        self._discourse: Optional[Discourse] = None
        self._by_span: dict[tuple[int, int], Resolution] = {}
        self._police_places: Optional[list[tuple[int, str]]] = None
        self._forces: Optional[list] = None

    @property
    def discourse(self) -> Discourse:
        """The article's referents, built on the first pronoun source."""
        if self._discourse is None:
            a = self._analysis
            self._discourse = Discourse(self.doc, self.text, a.entities,
                                        find_quotes(self.text, a.article.text),
                                        getattr(a.article, "author", None))
        return self._discourse

    def remember(self, pos: int, entity, reason: str = "",
                 content: tuple[int, int] = (0, 0)) -> None:
        """Note who spoke at ``pos``, how that was resolved and what they said (a name
        inside their own words does not take a namesake's turn away)."""
        if entity is not None:
            self.speakers.append((pos, entity))
            self.last_reason = reason
            self.last_content = content

    def last_speaker(self, pos: int, labels: tuple[str, ...]):
        for p, ent in reversed(self.speakers):
            if p < pos and ent.label in labels:
                return p, ent
        return None

    def resolve(self, a: int, b: int, depth: int = 0) -> Resolution:
        """Resolve source tokens a..b of the parse (``depth`` > 0: an issuer of a document
        being resolved, which does not look for issuers again).  One source shared by
        conjoined cues ("Reyes said he called and learned ...") is one speaker: the
        first resolution of a span is kept, though speaking turns have moved since."""
        if depth:
            return self._resolve_span(a, b, depth)
        if (a, b) not in self._by_span:
            self._by_span[(a, b)] = self._resolve_span(a, b)
        return self._by_span[(a, b)]

    def _resolve_span(self, a: int, b: int, depth: int = 0) -> Resolution:
        doc = self.doc
        head = _head(doc, a, b)
        if head.lower_ in RELATIVES and head.head.dep_ == "relcl" and head.head.head.i < a:
            document = _document_antecedent(head.head)
            noun = document or head.head.head  # "the senator, who said ...": the antecedent
            a, b = noun.left_edge.i, (noun.right_edge.i if document is not None else noun.i) + 1
            head = noun
        if media_words().get(head.lemma_.lower()) == "document" and depth == 0:
            res = self._document_issuer(head, a, b)
            if res is not None:  # "a report released by X", "the statement" X issued
                return res
        b = _before_clause(head, b)  # "The union representing workers in Leeds": not Leeds
        if depth == 0:
            joint = self._joint(head, a, b)
            if joint is not None:  # "Mayor Ann Holt and Chief Raul Diaz told reporters"
                return joint
        force = _issuing_force(head)
        if force is not None:  # "a statement from Hazel Crest police": the police speak
            return self.resolve(force.left_edge.i, force.i + 1, depth=1)
        age = age_number(head)
        if age is None and doc[b - 1].head.i >= b and age_number(doc[b - 1], alone=True):
            # "The 24-year-old told police": the parse hung the age on the listeners
            head = doc[b - 1]
            age = age_number(head, alone=True)
        if age is not None and depth == 0:  # "The 24-year-old said": a person of that age
            return self._by_age(head, age, a, b)
        nationality = _nationality(doc, a, b, head)
        if nationality is not None:  # "the Swede told reporters": a person, not a people
            return self._by_nationality(head, nationality, a, b)
        hit = _entity_for_span(self.index, doc, self.text, a, b, head)
        if (head.pos_ == "NUM" or head.lower_ in GROUP_PARTS) \
                and any(c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i
                        for c in head.children) \
                and not (hit is not None and hit[4] == "appositive"):
            # "One of the gunmen", "two of the victims", "half of Vermont Democrats", "all
            # of the GOP candidates": unnamed members of a group, and no name inside ("one
            # of the protesters from Ohio") is who spoke; "One of her cousins, Ann Roe," is
            # named by the appositive
            return Resolution(None, "unnamed member of a group", "anonymous",
                              name=doc[a:b].text)
        outside = hit is not None and hit[4] == "named" and not (hit[0] <= head.idx < hit[1]) \
            and hit[2].label != "PERSON"
        if outside and head.lemma_.lower() in anonymous_nouns():
            return Resolution(None, f"unnamed {head.lower_} of {hit[2].name}", "anonymous",
                              name=doc[a:b].text if head.pos_ == "PROPN" else self._phrase(head))
        if outside and hit[2].label in ("GPE", "NORP", "LOC") and head.lower_ in INSTITUTIONS:
            # "Little Rock police", "state authorities": the body speaks, not the place
            return Resolution(None, f"{head.lower_} of {hit[2].name}", "named_org",
                              name=self._phrase(head))
        if outside and head.pos_ == "PROPN" \
                and (head.text in org_heads() or head.text in MASTHEADS) \
                and (hit[2].label in ("GPE", "LOC") or _name_runs_on(doc, hit, head)):
            # "the Tuscaloosa County Metro Homicide Unit": a body named after its place,
            # which the tagger ended at the place; "the Los Angeles County District
            # Attorney's Office": a body whose name the tagger cut short
            return Resolution(None, "organisation named after its place", "named_org",
                              name=self._phrase(head).removeprefix("the ").removeprefix("The "))
        if hit is not None and hit[4] == "named" and (
                _describes_a_person(head) or outside and head.pos_ == "PROPN"
                and key(head.text) in titles()) and _hangs_by_preposition(doc, hit, head):
            # (a capitalised title too: "The President of the City Council of Huntsville")
            # "the owner of Harbor Lanes", "a lawyer for the Carver family": a person
            # described by the name, who is not the name
            return Resolution(None, f"unnamed {head.lower_} of {hit[2].name}", "anonymous",
                              name=self._phrase(head))
        if outside and hit[2].label in ("GPE", "LOC", "NORP") \
                and not _body_word(head) and _hangs_by_preposition(doc, hit, head):
            # "Some delegates at the convention in Philadelphia", "Nobody in British
            # Columbia", "10News in San Diego": the place only locates who spoke
            return Resolution(None, f"{head.lower_} in {hit[2].name}",
                              None if head.pos_ == "PROPN" else "anonymous",
                              name=doc[a:b].text)
        if hit is not None and _modifies_head(doc, hit, head):
            res = self._described_by_name(head, hit[2])
            if res is not None:
                return res
        if hit is not None:
            ent = hit[2]
            other = self._namesake_in_turn(ent, a, b)
            if other is not None:
                return Resolution(other, "bare surname shared: the namesake who spoke last",
                                  _sourcing_for_entity(other))
            return Resolution(ent, f"{hit[4]} in the source", _sourcing_for_entity(ent))
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        if (head.pos_ == "NUM" or head.tag_ == "NNS" and _person_noun(head.lemma_.lower())) \
                and any(c.dep_ in ("det", "predet") and c.lower_ in QUANTIFIERS
                        for c in head.children):
            # "Both men told police", "All three said": the group named before, if any
            res = self._pronoun(next(c for c in head.children if c.lower_ in QUANTIFIERS))
            if res.name is not None and res.sourcing != "document":
                return res
        lemma = head.lemma_.lower()
        media = media_words().get(lemma)
        det = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if det & DEFINITE and low in ABBREVIATED_ROLES:
            holder = self._title_holder(head, ABBREVIATED_ROLES[low])
            if holder is not None:  # "District Attorney Karen Bell ... The DA said"
                return Resolution(holder, "description: the person named with that title",
                                  _sourcing_for_entity(holder))
        if det & DEFINITE and head.tag_ == "NN":
            holder = self._title_holder(head)
            if holder is not None:
                return Resolution(holder, "description: the person named with that title",
                                  _sourcing_for_entity(holder))
        if low in ("police", "authorities") and b - a <= 2 and not det - {"the"}:
            force = self._police_force(head.idx)
            if force is not None:
                return Resolution(force, "police: the article's named force",
                                  _sourcing_for_entity(force))
        body = self._named_body(head) if head.pos_ == "NOUN" and \
            doc[head.left_edge.i].lower_ in DEFINITE else None
        if body is not None:
            return Resolution(body, "description: the one organisation named with its words",
                              _sourcing_for_entity(body))
        if det & DEFINITE and lemma in description_nouns() and head.tag_ in ("NN", "NNP"):
            res = self._description(head, lemma)
            if res is not None:
                return res
        if media:
            return Resolution(None, f"{media} without a named entity", media,
                              name=self._ent_name(a, b, head) or self._phrase(head))
        name = self._ent_name(a, b, head)
        if lemma in anonymous_nouns() or head.tag_ in ("NNS",) and not name:
            # unnamed stays unnamed, but the reader still sees who: "police", "officials"
            return Resolution(None, "anonymous source", "anonymous", name=self._phrase(head))
        if name and head.tag_ in ("NN", "NNS") and _describes_a_person(head):
            # "Poland's foreign minister": a person described by a name, not the name
            return Resolution(None, f"unnamed {head.lower_} described by {name}", "anonymous",
                              name=self._phrase(head))
        if name and head.pos_ == "NOUN" and _possessed_by_name(head):
            # "Felt's family", "Trump's campaign": a name that only says whose
            body = lemma in INSTITUTIONS or description_nouns().get(lemma) == "ORG"
            return Resolution(None, f"{head.lower_} of {name}",
                              "named_org" if body else "anonymous", name=self._phrase(head))
        if name:
            reason = "named, no entity record" if not self.has_entities else "name not linked"
            label = self._ent_label(a, b)
            return Resolution(None, reason, "named_person" if label == "PERSON" else "named_org",
                              name=name)
        if head.pos_ == "PROPN" and b - a == 1:
            firm = self._first_word_of_org(head)
            if firm is not None:  # "Harlow Foods ... Harlow did not comment": its short form
                return Resolution(firm, "first word of an organisation named before",
                                  "named_org")
        if head.pos_ == "PROPN":
            a2, b2 = head.i, head.i + 1
            # the whole name, across a possessive: "Ada County Coroner's Office"
            while a2 > a and (doc[a2 - 1].pos_ == "PROPN"
                              or doc[a2 - 1].tag_ in ("POS", "HYPH")  # (and "KSTP-TV")
                              and a2 - 2 >= a and doc[a2 - 2].pos_ == "PROPN"):
                a2 -= 1
            while a2 < head.i and _is_title(doc[a2].text):
                a2 += 1  # "Sgt. Ines Barros": the rank is no part of the name
            return Resolution(None, "name not recognised as an entity", None,
                              name=doc[a2:b2].text)
        if head.pos_ == "NOUN" and (_person_noun(lemma) or lemma in description_nouns()
                                    or key(head.text) in titles()):
            # "The mayor", "a police corporal": nobody named, but the reader sees who
            return Resolution(None, "unnamed description, nobody named with it", "anonymous",
                              name=self._phrase(head))
        if head.pos_ == "NOUN" and head.text.capitalize() in org_heads():
            # "the weather service said", "the state department said": a body, unnamed
            return Resolution(None, "unnamed organisation", "anonymous", name=self._phrase(head))
        if head.pos_ == "NOUN":
            if lemma in person_nouns()[0] or lemma in FAMILY:
                # "the teen", "a forklift driver", "one neighbor": an unnamed person is an
                # anonymous source (issue 11); roles and titles were taken just above
                return Resolution(None, "unnamed description of a person", "anonymous",
                                  name=self._phrase(head))
            # "The studio said", "a traffic stop": nobody named, and no list says what
            # kind of speaker; the reader still sees the description (sourcing unknown)
            return Resolution(None, "unnamed description of an unknown kind", None,
                              name=self._phrase(head))
        return Resolution(None, "source names no entity", None)

    def _first_word_of_org(self, head):
        """The one organisation named before ``head`` whose name of two words or more
        begins with this word, when no person has it as a name; else None."""
        word = head.text
        found = {id(r[2]): r[2] for r in self.index.before(head.idx, ("ORG",), limit=40)
                 if len(r[2].name.split()) >= 2 and r[2].name.split()[0] == word}
        people = self.index.before(head.idx, ("PERSON",), limit=40)
        if len(found) != 1 or any(word in r[2].name.split() for r in people):
            return None
        return next(iter(found.values()))

    def _by_age(self, head, age: str, a: int, b: int) -> Resolution:
        """"Ana Ruiz, 24, ... The 24-year-old said": the nearest person named before with
        that age ("Name, 24," or "24-year-old Name"); with none, an unnamed person."""
        doc = self.doc

        def aged(span) -> bool:
            after = doc[span.end:span.end + 3]
            before = doc[max(0, span.start - 4):span.start].text.replace(" ", "")
            return len(after) >= 2 and after[0].text == "," and after[1].text == age \
                or before.endswith(f"{age}-year-old")

        ent = self._person_named_with(head, aged)
        if ent is not None:
            return Resolution(ent, "age named before with the person", "named_person")
        phrase = doc[a:b].text if b - a <= 8 else doc[head.left_edge.i:head.i + 1].text
        return Resolution(None, "unnamed person described by age", "anonymous", name=phrase)

    def _by_nationality(self, head, code: str, a: int, b: int) -> Resolution:
        """"Sweden's Erik Lindqvist ... the Swede said": the nearest person named before
        with that country beside the name (its name or demonym within a few words); with
        none, an unnamed description.  Sports and foreign news call people so."""
        doc = self.doc

        def of_country(span) -> bool:
            near = doc[max(0, span.start - 4):min(len(doc), span.end + 3)]
            return any(_country_code(t) == code for t in near
                       if not span.start <= t.i < span.end)

        ent = self._person_named_with(head, of_country)
        if ent is not None:
            return Resolution(ent, f"{head.text} named before with the country", "named_person")
        return Resolution(None, "unnamed description by nationality", "anonymous",
                          name=doc[a:b].text)

    def _person_named_with(self, head, beside):
        """The nearest of the last dozen people named before ``head`` whose mention's
        tokens pass ``beside`` (an age or a country written next to the name), or None."""
        for row in self.index.before(head.idx, ("PERSON",), limit=12):
            span = self.doc.char_span(row[0], row[1], alignment_mode="expand")
            if span is not None and beside(span):
                return row[2]
        return None

    def _joint(self, head, a: int, b: int) -> Optional[Resolution]:
        """Sources named together ("David and Haley Cole said", "Prosecutors and
        detectives said", "Donald Trump and House Speaker Paul Ryan said"): every one of
        them said it, so no one of them is the speaker; the record keeps the whole phrase
        and each part's resolution in its reason.  Only an "and" on the source's trunk
        joins speakers: one inside a phrase of the name ("the daughter of Bill Clinton
        and ..."), or within one entity's name ("Procter and Gamble"), does not."""
        doc = self.doc
        cc = next((t for t in doc[a:b] if t.dep_ == "cc" and t.lower_ in ("and", "&")
                   and a < t.i < b - 1 and t.head.pos_ in ("NOUN", "PROPN", "PRON")
                   and _on_trunk(t.head, head)), None)
        if cc is None or any(r[0] < cc.idx < r[1] for r in self.index.inside(cc.idx, cc.idx + 1)):
            return None
        end = cc.i
        while end > a and doc[end - 1].text in (",", "both", "Both"):
            end -= 1
        parts = _listed(doc, a, end) + [(cc.i + 1, b)]
        if any(x >= y or not _stands_alone(_part_head(doc, x, y, a, b)) for x, y in parts):
            return None  # "real estate mogul and reality star Ann Roe": one person
        if not any(t.pos_ in ("PROPN", "PRON") for t in doc[parts[0][0]:parts[0][1]]) and any(
                t.dep_ == "appos" and t.pos_ == "PROPN" for t in doc[cc.i + 1:b]):
            return None  # "The president and CEO of the bank, Jane Wu,": one person
        second = _part_head(doc, *parts[1], a, b)
        if doc[cc.i - 1].text == "," and second.tag_ in ("NN", "NNP") and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in second.children):
            return None  # "Ann Roe, a professor at X, and a co-editor of Y": one person
        parts = [(x, _before_relative(doc, x, y)) for x, y in parts]
        if doc[parts[0][0]:parts[0][1]].text == doc[parts[1][0]:parts[1][1]].text:
            return None  # "Johnson and Johnson": one company's name
        res = [self.resolve(x, y, depth=1) for x, y in parts]
        if b - a == 3 and all(y - x == 1 and doc[x].pos_ == "PROPN" for x, y in parts) \
                and not all(_a_named_person(r.entity) for r in res):
            return None  # "Smith and Wesson said it ...": one company's name, unless both
            # words are people the article names in full ("Woodward and Bernstein")
        names = [r.name or getattr(r.entity, "name", None) or doc[x:y].text
                 for r, (x, y) in zip(res, parts)]
        kinds = {r.sourcing for r in res}
        sourcing = "named_person" if "named_person" in kinds else \
            "named_org" if "named_org" in kinds else res[0].sourcing
        spoken = [names[k] if doc[x].pos_ == "PRON" and y - x == 1
                  and names[k] not in names[:k] + names[k + 1:] else doc[x:y].text
                  for k, (x, y) in enumerate(parts)]
        members = tuple({id(r.entity): r.entity for r, (x, y) in zip(res, parts)
                         if r.entity is not None and self._names_head(r.entity, doc, x, y, a, b)
                         }.values())
        return Resolution(None, "sources named together: " + "; ".join(names), sourcing,
                          name=_and_list([w.strip(" ,") for w in spoken]), members=members)

    def _names_head(self, ent, doc, x: int, y: int, a: int, b: int) -> bool:
        """The part of a joint source is the entity itself, its mention on the part's head
        ("Chief Raul Diaz"), not a name it only mentions ("a background check *with the
        State Police*", "teachers *at Lincoln High*")."""
        head = _part_head(doc, x, y, a, b)
        return any(r[2] is ent and r[0] <= head.idx < r[1]
                   for r in self.index.inside(head.idx, head.idx + 1))

    def _namesake_in_turn(self, ent, a: int, b: int):
        """Quotation turn-taking for a bare surname two people share: "Patricia Smith, the
        victim's mother, said ... 'He was kind,' Smith said" is the mother speaking again,
        although the entities stage gives a bare "Smith" to the person the text first
        called so.  The namesake who spoke last keeps the turn when nobody else spoke
        since, the name's first holder was not mentioned in between, and the namesake's
        turn was taken by name (:meth:`_turn_named`).  Over the 411 gun-violence, ECB+
        and PolNeAR train articles where two people share a surname that speaks, this
        moved 17 speakers; read by hand, 16 to the right person, 1 wrong (a son quoted,
        then "his father" tweeting) (session 22)."""
        if ent.label != "PERSON" or b - a != 1 or not self.speakers:
            return None
        word = self.doc[a]
        surname = word.text
        if ent.name.split()[-1] != surname:
            return None
        pos, other = self.speakers[-1]
        if other is ent or other.label != "PERSON" or pos >= word.idx:
            return None
        words = other.name.split()
        if len(words) < 2 or words[-1] != surname:
            return None
        said = self.last_content
        if any(r[2] is ent and not said[0] <= r[0] < said[1]
               for r in self.index.between(pos, word.idx)):
            return None  # the first holder named again since the namesake spoke (not
            # in the namesake's own words: "learned that Joshua had been shot")
        return other if self._turn_named(pos, other) else None

    def _turn_named(self, pos: int, other) -> bool:
        """Whether the namesake's turn was taken by name: the source named them, or a
        pronoun did in or right after a sentence that names them in full ("Her father,
        Ruben Vega, watched.  He said ...").  A turn that only a pronoun
        gave ("Tina had five children ... , she said", which meant the mother) would
        otherwise pass every later bare surname to the wrong relative."""
        reason = self.last_reason
        if reason.startswith(("named in", "appositive in", "bare surname shared")):
            return True
        if not reason.startswith("pronoun"):
            return False
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        sent = span[0].sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start else sent.start_char
        return any(r[2] is other and len(self.text[r[0]:r[1]].split()) >= 2
                   for r in self.index.between(start, sent.end_char))

    def _document_issuer(self, head, a: int, b: int) -> Optional[Resolution]:
        """Who issued the document that speaks: the agent of a participle on it ("a report
        *released by* the Labor Department", "research conducted by X"); for a definite
        one with no owner of its own ("the statement said"), whoever issued the same kind
        of document shortly before ("X issued a statement", "X said in a statement").  The
        issuer is resolved as any source is; None when no such issuer is written."""
        doc = self.doc
        for child in head.children:
            if child.dep_ == "acl" and child.i > head.i \
                    and child.lemma_.lower() not in HELD_NOT_ISSUED:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        obj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                        if obj is not None:
                            return self._issued(head, obj.left_edge.i, obj.right_edge.i + 1)
        for child in head.children:
            if child.dep_ == "compound" and child.i == head.i - 1 and _issuing_body(child) \
                    or child.dep_ == "poss" and not (_a_person(child) and
                                                     head.lemma_.lower() in _ABOUT_SOMEONE):
                # "the church's statement", "the coroner's records", "a police statement",
                # "Sanders' email"; not "his arrest report", "Doe's records": about someone
                return self._issued(head, child.left_edge.i, child.i + 1)
        if doc[head.left_edge.i].lower_ not in DEFINITE or \
                any(c.dep_ in ("poss", "compound", "prep") for c in head.children):
            return None
        lemma, limit, i = head.lemma_.lower(), _sentences_back(head), head.i
        while i > limit:
            i -= 1
            tok = doc[i]
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            issuer = _issuer_of(tok)
            if issuer is not None:
                return self._issued(head, *issuer)
            if doc[tok.left_edge.i].lower_ in DEFINITE and not any(
                    c.dep_ in ("poss", "compound", "prep", "acl") for c in tok.children):
                limit = _sentences_back(tok)  # "the statement" again: the same one, go on
                continue
            return None  # the nearest earlier one says nobody: no guess further back
        return None

    def _issued(self, head, a: int, b: int) -> Optional[Resolution]:
        res = self.resolve(a, b, depth=1)
        if res.entity is None and res.name is None:
            return None
        return Resolution(res.entity, f"{head.lower_} issued by: {res.reason}",
                          res.sourcing, name=res.name, confidence=res.confidence)

    def _title_holder(self, head, words: tuple[str, ...] = ()):
        """"Officer Jane Doe ... the officer said", "Gary Hart, the county coroner, ...
        The coroner said": the nearest person named before with the description's noun as
        a title before the name or an appositive after it (:func:`.coref.holds_title`).
        None when nobody was named with it."""
        words = words or (head.lower_,)
        kids = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
        places = any(c.ent_type_ in ("GPE", "LOC") or c.pos_ == "PROPN" and c.ent_type_ != "NORP"
                     for c in kids)
        mods = [c.lower_ for c in kids
                if c.ent_type_ not in ("NORP", "GPE", "LOC") and c.pos_ != "PROPN"]
        holders = []
        for start, end, ent, _ in self.index.before(head.idx, ("PERSON",), limit=40):
            if all(holds_title(self.text, start, end, w) for w in words):
                near = self.text[max(0, start - 60):min(end + 60, head.left_edge.idx)].lower()
                # "the union representative": the description's own words must be the
                # named holder's too ("the Russian president": a nationality word is not
                # written next to every name)
                if not all(m in near for m in mods):
                    return None
                if not places:
                    return ent
                if ent not in holders:
                    holders.append(ent)
        # "the Sanford police chief" is the one police chief named; "the Vermont senator"
        # is not whichever of several senators was named last
        return holders[0] if len(holders) == 1 else None

    def _named_body(self, head):
        """"The Orange County Sheriff's Office ... the sheriff's office said": the one
        organisation named before whose name holds the description's noun and the common
        nouns before it; None when none or several do, or the description is one word."""
        words = [c.lower_ for c in head.children if c.dep_ in ("compound", "poss")
                 and c.i < head.i and c.pos_ == "NOUN"]
        if not words:
            return None
        words.append(head.lower_)
        found = {}
        for r in self.index.before(head.idx, ("ORG",), limit=200):
            name = set(r[2].name.lower().replace("'s", "").replace("’s", "").split())
            if all(w in name for w in words):
                found[r[2].id] = r[2]
        return next(iter(found.values())) if len(found) == 1 else None

    def _police_force(self, pos: int):
        """The one police force the article names ("Portsmouth Police", "the Dayton Police
        Department", "LMPD"), for a bare "police said" after it; None when none or several
        anywhere in the article: a page of teasers from other towns before its own story
        names one force early and another later, and which one a bare "police" means is not
        clear. A unit of a force or a person the tagger took for an organisation ("State
        Police Capt. Ann Lee") is not the force: its name must end as a force's does."""
        if self._forces is None:
            self._forces = self._named_forces()
        if len(self._forces) != 1 or self._forces[0][0] >= pos:
            return None
        force = self._forces[0][1]
        if force is None:
            return None
        inside = [(r[0], r[1]) for r in self.index.before(pos, ("ORG",), limit=200)
                  if r[2] is force]
        own = set(force.name.split())
        for idx, place in self._place_police():
            if idx >= pos:
                break
            if place not in own and not any(a <= idx < b for a, b in inside):
                return None  # "Metro police said" too: which force is meant is not clear
        return force

    def _named_forces(self) -> list:
        """(first offset, entity) of each force the article names, one per force: "Detroit
        Police" and "the Detroit Police Department" are one, and so are "LMPD" and
        "Louisville Metro Police Department"; a force written only as an acronym the tagger
        left untagged ("LMPD officers were called") counts too, as None."""
        forces: dict = {}
        acronyms = []
        for r in self.index.rows:
            if r[2].label != "ORG" or r[3] == "pronoun" or not police_force_name(r[2].name):
                continue
            if FORCE_ACRONYM.fullmatch(r[2].name):
                acronyms.append((r[2].name, r[0], r[2]))
            else:
                forces.setdefault(_force_place(r[2].name), (r[0], r[2]))
        by_initials = {_initials(e.name): k for k, (_, e) in forces.items()}
        acronyms += [(t.text, t.idx, None) for t in self.doc if FORCE_ACRONYM.fullmatch(t.text)]
        for name, idx, ent in sorted(acronyms, key=lambda a: a[1]):
            key_ = by_initials.get(name, name)
            if key_ not in forces or forces[key_][1] is None and ent is not None:
                forces[key_] = (idx, ent)
        return sorted(forces.values(), key=lambda f: f[0])

    def _place_police(self) -> list[tuple[int, str]]:
        """(offset, place word) of every "<Place> police" in the article, found once."""
        if self._police_places is None:
            doc = self.doc
            self._police_places = [(t.idx, doc[t.i - 1].text) for t in doc
                                   if t.text == "police" and t.i and doc[t.i - 1].pos_ == "PROPN"]
        return self._police_places

    def _described_by_name(self, head, ent) -> Optional[Resolution]:
        """"the Sanford police chief", "a Trump campaign spokesman", "the Clinton campaign":
        a name that only modifies the noun that speaks is not the speaker. A person's role
        goes to the story's holder of it when one is named, else stays an unnamed
        description; a body ("campaign", "police") is named by its whole phrase."""
        lemma = head.lemma_.lower()
        kind = description_nouns().get(lemma)
        res = self._description(head, lemma) if kind == "PERSON" else None
        if res is not None and res.reason == "description matches a role or name":
            return res  # "the Republican nominee" -> the one whose role says so
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
        if _person_noun(lemma) and definite:
            # "Police Chief Cecil Smith ... the Sanford police chief said": the person named
            # with that title, the name before it only locating the role
            holder = self._title_holder(head)
            if holder is not None and holder.id != ent.id:
                return Resolution(holder, "description: the person named with that title",
                                  _sourcing_for_entity(holder))
        if _person_noun(lemma):
            return Resolution(None, f"unnamed {head.lower_} described by {ent.name}",
                              "anonymous", name=self._phrase(head))
        if kind == "ORG" or head.lower_ in INSTITUTIONS:
            return Resolution(None, f"{head.lower_} of {ent.name}", "named_org",
                              name=self._phrase(head))
        if _possessed_by_name(head):
            # "Felt's family revealed": whose family, not who spoke
            return Resolution(None, f"{head.lower_} of {ent.name}", "anonymous",
                              name=self._phrase(head))
        if ent.label in ("GPE", "NORP") and (not head.ent_type_ or head.is_lower):
            # (a lower-case head the tagger took for a name alone, "grocer", is none)
            # "the US software giant", "Republican voters": a place or nationality
            # qualifying a noun no list knows is part of the description, not who speaks
            # (an organisation there usually is: "the IMF report", "a House panel")
            return Resolution(None, f"{head.lower_} described by {ent.name}", None,
                              name=self._phrase(head))
        return None

    def resolve_chars(self, start: int, end: int) -> Resolution:
        """Resolve a source given as characters (an entity mention inside a glued token)."""
        found = [r for r in self.index.inside(start, end) if r[3] != "pronoun"]
        if found:
            ent = found[-1][2]
            return Resolution(ent, "nearest name before a subjectless cue",
                              _sourcing_for_entity(ent))
        return Resolution(None, "source names no entity", None)

    def _phrase(self, head) -> str:
        """The noun phrase up to its head: "Little Rock police", "two Iranian officials"."""
        return self.doc[head.left_edge.i:head.i + 1].text

    def _ent_name(self, a: int, b: int, head=None) -> Optional[str]:
        """The PERSON/ORG/GPE/NORP name spaCy tagged at the source's head, else the first
        one in tokens a..b ("Celebrity website TMZ": TMZ, not a tagged "Celebrity")."""
        doc, i = self.doc, a
        if head is not None and head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            for ent in doc.ents:
                if ent.start <= head.i < ent.end and ent.start >= a and ent.end <= b:
                    return ent.text
        while i < b:
            if doc[i].ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                j = i + 1
                while j < b and doc[j].ent_iob_ == "I":
                    j += 1
                chars = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
                if not _norp_modifier(doc, *chars, doc[i].ent_type_, head) \
                        and not _place_modifier(doc, *chars, doc[i].ent_type_, head):
                    return doc[i:j].text
                i = j
                continue
            i += 1
        return None

    def _ent_label(self, a: int, b: int) -> Optional[str]:
        for tok in self.doc[a:b]:
            if tok.ent_type_:
                return tok.ent_type_
        return None

    def _pronoun(self, head) -> Resolution:
        """Rank the article's compatible referents (:mod:`.coref`); unnamed stays unnamed.
        A quantifier ("Both told police", "All have denied it") is ranked as "they" over
        the groups of people before it."""
        low = POSSESSIVES.get(head.lower_, head.lower_)
        if head.lower_ in QUANTIFIERS:
            choice = self.discourse.resolve("they", head.idx, group=head.lower_)
        else:
            choice = self.discourse.resolve(low, head.idx, possessive=low != head.lower_)
        ref = choice.referent
        if ref is not None and choice.confidence < MIN_PRONOUN_CONFIDENCE:
            # more likely wrong than right: say so instead of putting words in a mouth
            return Resolution(None, f"{choice.reason}; too uncertain to name (best guess "
                              f"{ref.name}, {choice.confidence:.2f})", None,
                              confidence=choice.confidence)
        if ref is None:
            why = choice.reason if self.has_entities else \
                "pronoun; no entities to resolve against"
            return Resolution(None, why, "anonymous" if low in GROUP_PRONOUNS else None,
                              confidence=choice.confidence)
        if ref.kind == "THING":
            return Resolution(None, f"{choice.reason} (a document or thing)", "document",
                              name=ref.name, confidence=choice.confidence)
        if ref.entity is None and ref.kind == "ORGDESC" and low in IT_PRONOUNS \
                and not ref.plural:
            named = self._named_description(ref)
            if named is not None:
                return Resolution(named.entity, f"{choice.reason}; {named.reason}",
                                  named.sourcing, confidence=choice.confidence)
        if ref.kind == "PAIR":  # "West and Lee ... Both told police": the people named
            return Resolution(None, f"{choice.reason} (a group of people named before)",
                              "named_person", name=ref.name, confidence=choice.confidence)
        if ref.entity is None:
            return Resolution(None, f"{choice.reason} (unnamed)",
                              "anonymous" if ref.kind in ("DESC", "ORGDESC") else "named_person",
                              name=ref.name, confidence=choice.confidence)
        return Resolution(ref.entity, choice.reason, _sourcing_for_entity(ref.entity),
                          name=_group_name(ref.entity, head.idx) if low in GROUP_PRONOUNS
                          else None, confidence=choice.confidence)

    def _named_description(self, ref) -> Optional[Resolution]:
        """"Veltrix cut its forecast. The company ... It said": a pronoun that takes up
        "the company" means whom that description means, when it names someone
        (:meth:`_description`: the firm named most before it, a matching name)."""
        if not ref.mentions or ref.mentions[0].head_i < 0:
            return None
        head = self.doc[ref.mentions[0].head_i]
        lemma = head.lemma_.lower()
        res = self._description(head, lemma) if lemma in description_nouns() else None
        return res if res is not None and res.entity is not None else None

    def _description(self, head, lemma: str) -> Optional[Resolution]:
        """"the senator" -> the person named before whose role or name says so.

        Without a role or name that matches, the description stays unnamed: snapping it
        to the latest entity of its kind put a company's words in a union leader's mouth,
        and on 30 such guesses read over PolNeAR train and gun-violence articles 16 named
        the wrong person or body."""
        label = description_nouns()[lemma]
        labels = ("PERSON",) if label == "PERSON" else ("ORG",)
        rows = self.index.before(head.idx, labels, limit=40)
        qualifiers = [c.text for c in head.children if c.dep_ in ("compound", "amod", "nmod")
                      and c.i < head.i and c.text[:1].isupper()]
        for r in rows:
            ent = r[2]
            if all(_role_names(ent, q) for q in [lemma] + qualifiers):
                return Resolution(ent, "description matches a role or name",
                                  _sourcing_for_entity(ent))
        if rows and label == "ORG" and lemma in FIRM_NOUNS and not qualifiers:
            # "the company" in a story about one firm is that firm (5 of 5 read right;
            # "the campaign", "the group", "the newspaper" were 1 of 10); "the airline",
            # "the grocer" name a firm by its trade as "the company" does
            firms = self.index.before(head.idx, labels, limit=400)
            acting = {r[2].id for r in firms if not _in_a_phrase(self.doc, r[0], r[1])}
            firms = [r for r in firms if r[2].id in acting]
            if firms:
                # a firm named in full once and then by its first word, whatever the tagger
                # called that word ("Valeant Pharmaceuticals International" ... "Valeant")
                every = [r for r in self.index.before(
                    head.idx, ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"),
                    limit=400) if _acts(self.doc, r[0], r[1])]
                ent = _most_named(firms, every)
                if lemma not in ("company", "firm") and len(acting) > 1:
                    ent = None  # "the airline" among several bodies: which one is not
                    # clear (a French channel named more than the airline it reported on)
                if ent is not None:
                    return Resolution(ent, "description: the organisation named most before it",
                                      _sourcing_for_entity(ent))
        if rows or qualifiers or lemma in anonymous_nouns():
            # No role or name matches: nobody is named with this description, and a guess
            # (the latest person, the organisation named most) put "the newspaper" on the
            # IMF and "the candidate" on a photo agency: wrong 16 of 30 times read
            return Resolution(None, "unnamed description, no named holder of that role",
                              "anonymous", name=self._phrase(head))
        return None
