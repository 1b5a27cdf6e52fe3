"""Read cue, content and source candidates off the dependency parse.

A cue token (``said``, ``according``, ``wants``...) relates to its content in
a few typical ways, named here by a short *relation* string:

``ccomp`` / ``xcomp`` / ``dobj``
    the content is the subtree of that child ("said *that prices rose*",
    "vowed *to end the war*", "expressed *outrage*");
``prep``
    the content is the object of a preposition child ("talked *about the
    deal*");
``head``
    the content is the rest of the cue's head clause ("*Prices rose*,
    according to the bank", "*Prices rose*, he said" when the parser hangs
    "said" under "rose").

The same function serves training (``scripts/train_attribution.py`` counts, per
lemma and relation, how often PolNeAR calls the candidate an attribution) and
the stage (which keeps the candidates the learned table scores high enough), so
the two cannot drift apart.
"""

from __future__ import annotations

from typing import Iterator, Optional

from .lexicon import addressee_verbs, audience_nouns, reporting_verbs, speaker_nouns

CHILD_RELS = ("ccomp", "xcomp", "dobj", "advcl")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset(("who", "whom", "which", "that"))
_TRIM = frozenset(",;:-–—(")
_CLAUSE_HEAD_DEPS = frozenset(("conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "pcomp"))


def token_at(doc, char: int):
    """The token covering character ``char``, or None."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def key(token, rel: str) -> str:
    """Table key of a candidate: lower-case lemma, coarse POS and relation."""
    return f"{token.lemma_.lower()}|{token.pos_}|{rel}"


def subject_kind(token, span: Optional[tuple[int, int]] = ...) -> str:
    """What kind of source the cue has: name, pronoun, noun, or none.

    "Officials think" is an attribution far more often than "it seems to
    think"; keying the table on this too sharpens it (with back-off to the
    plain key when the finer one is rare).  ``span`` is the cue's
    :func:`source_span` when the caller already has it.
    """
    if span is ...:
        span = source_span(token)
    if span is None:
        return "none"
    doc = token.doc
    head = doc[span[0]]
    for t in doc[span[0]:span[1]]:
        if t.head.i < span[0] or t.head.i >= span[1] or t.head.i == t.i:
            head = t
            break
    if head.pos_ == "PRON":
        return "pron"
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "name"
    return "agent" if head.lemma_.lower() in speaker_nouns() else "noun"


def candidates(token) -> Iterator[tuple[str, int, int]]:
    """Yield (relation, start token index, end token index) content candidates of a cue token."""
    if token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ") and token.dep_ != "prep":
        if token.lower_ != "according":
            return
    kids = list(token.children)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    if dobj is not None:
        comp = [c for c in kids if c.i > dobj.i and (
            c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))]
        if comp:  # "called the plan *a disgrace*", "described him *as a liar*"
            yield "dobj2", dobj.left_edge.i, comp[-1].right_edge.i + 1
    audience = token.lemma_.lower() in addressee_verbs()
    for child in kids:
        dep = child.dep_
        if dep == "dobj" and audience and is_audience(child):
            continue  # "addressing the nation": the object is who listens
        if dep in CHILD_RELS:
            yield dep, _object_as_subject(kids, child), clause_end(child)
        elif dep == "acl" and token.pos_ == "NOUN" and child.i > token.i and _complement(child):
            yield "nacl", child.left_edge.i, clause_end(child)  # "her decision to leave"
        elif dep == "prep" and token.pos_ in ("VERB", "NOUN"):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                yield f"prep_{child.lower_}", objs[0].left_edge.i, objs[0].right_edge.i + 1
        elif dep == "agent" and token.pos_ == "VERB":
            # "was accused by prosecutors *of giving the wrong doses*": the parser hangs
            # what the agent accuses of on the agent, not on the verb
            of = [g for c in child.children if c.dep_ == "pobj"
                  for g in stranded_on_agent(c) if g.lower_ == "of"]
            if of:
                obj = next(c for c in of[0].children if c.dep_ == "pcomp")
                yield "prep_of", obj.left_edge.i, obj.right_edge.i + 1
    if token.dep_ in ("prep", "advcl", "parataxis", "ccomp") and token.head.i != token.i:
        span = head_remainder(token)
        if span is not None:
            yield "head", span[0], span[1]
    if token.pos_ == "VERB":
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if subj is not None:  # "*the plan* was endorsed by the mayor": the subject is the content
            yield "nsubjpass", subj.left_edge.i, subject_extent(subj)[1]


def _object_as_subject(kids, clause) -> int:
    """Where a clause's content starts.  "told us *two teens* were wounded", "warned
    *young voters* would stay home": the parser makes the reported clause's subject the
    cue's object and leaves the clause without one; the object right before such a
    clause is its subject, and what was said starts there."""
    start = clause.left_edge.i
    if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in clause.children):
        return start
    obj = next((c for c in kids if c.dep_ == "dobj" and c.right_edge.i + 1 == start), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM") \
            or obj.lemma_.lower() in audience_nouns():
        return start  # ("told investigators Kaleb was alone": the listeners stay out)
    return obj.left_edge.i


def stranded_on_agent(obj) -> list:
    """Prepositions the parser hung on a passive's agent that belong to the verb: "was
    accused by prosecutors *of giving* ...", "was described by colleagues *as quiet*".
    They end the source and the "of" one is what was charged."""
    return [g for g in obj.children if g.dep_ == "prep" and (
        g.lower_ == "of" and any(c.dep_ == "pcomp" for c in g.children) or g.lower_ == "as")]


def trailing_readings(token) -> Iterator[tuple[str, int, int]]:
    """Readings of a cue that follows what it reports, offered by the stage only.

    "*A and did not expect B*, she said": a clause before its cue is said whole (the
    conjoined-verb cut of :func:`clause_end` is for contents after the cue); "*The van
    skidded, injuring its driver*, the fire department said": the misparsed clause of
    :func:`_misparsed_clause`.  The cue model scores them like any ``ccomp``.  They are
    left out of training: PolNeAR train rarely shows them, and offered there they cost the
    retrained model 0.007 all-attribution F1 on PolNeAR dev (session 12).
    """
    if token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
        return
    kids = list(token.children)
    found = []
    for child in kids:
        if child.dep_ in CHILD_RELS and child.i < token.i:
            end = child.right_edge.i + 1
            if end != clause_end(child):
                found.append((child.dep_, child.left_edge.i, end))
    clause = _misparsed_clause(token, kids)
    if clause is not None:
        found.append(("ccomp", clause[0], clause[1]))
    found += _stranded_complements(token, kids)
    found += said_object(token)
    for rel, a, b in found:
        a, b = trim(token.doc, a, b)
        if a < b and not a <= token.i < b:
            yield rel, a, b


# What "say" takes as a real object ("said nothing", "said a prayer", "said so").
_SAID_THINGS = frozenset("nothing something anything everything little much more less so "
                         "goodbye hello prayer prayers grace word words thing things it this "
                         "that yes no mass".split())


def said_object(token) -> list[tuple[str, int, int]]:
    """"Police said *two women and one man, between 30 and 40, working for a bank choked
    on smoke*": in a long sentence the parser makes the reported clause's subject the
    object of "said" and scatters its verb; what was said runs from that object to the
    sentence end.  Not for what "say" does take as an object ("said a prayer")."""
    kids = list(token.children)
    if token.lemma_.lower() != "say" or token.pos_ != "VERB" \
            or any(c.dep_ == "ccomp" for c in kids):
        return []
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is None or obj.lemma_.lower() in _SAID_THINGS or obj.pos_ not in ("NOUN", "PROPN") \
            or token.doc[obj.left_edge.i].is_quote or token.doc[obj.left_edge.i - 1].is_quote:
        return []  # (a word said in quote marks, 'said "CNN" five times', is what was said)
    if any(c.dep_ == "poss" for c in obj.children) or not (
            obj.tag_ in ("NNS", "NNPS") or obj.pos_ == "PROPN"
            or any(c.dep_ == "nummod" for c in obj.children)):
        return []  # "said their vows", "said the suspect's name": things said, no claim
    end = token.sent.end
    while end > obj.i + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].is_space):
        end -= 1
    if not any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ != "relcl"
               and not (t.head.i == token.i and t.dep_ == "conj")
               for t in token.doc[obj.i + 1:end]):
        return []  # no finite verb after the object, but in a relative clause of a noun
        # ("said the name of the man who attacked her"): no clause was misread
    return [("ccomp", obj.left_edge.i, end)]


def _stranded_complements(token, kids) -> list[tuple[str, int, int]]:
    """"told analysts *on a call* that the company had ...", "wrote *in an opinion* that
    ...", "told *an interviewer* that records ...": the parser hangs the "that" clause on
    the noun before it, as a relative clause
    or a clause of the noun.
    A relative clause opens with a pronoun that is its subject or object; this one opens
    with "that" as a complementizer (``mark``), or with a "that" the parser made a subject
    or object the clause already has ("told reporters after the vote *that she was
    disappointed*": "that" and "she" both subjects), so it is what the reporting verb says."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in reporting_verbs() \
            or any(c.dep_ == "ccomp" and c.i > token.i for c in kids):
        return []
    nouns = [obj for prep in kids if prep.dep_ == "prep" and prep.i > token.i
             for obj in prep.children]
    if token.lemma_.lower() in addressee_verbs():  # "told *an interviewer* that ..."
        nouns += [obj for obj in kids if obj.dep_ == "dobj" and obj.i > token.i]
    # "tell our partners *at the Daily Call* that ...": the parse may make the clause a
    # complement of the preposition's object, which no noun takes (not of a gerund:
    # "after *determining* that ..." is a finding of its own)
    objects = [obj for obj in nouns if obj.dep_ == "pobj"]
    return [("ccomp", rel.left_edge.i, clause_end(rel)) for obj in nouns
            for rel in obj.children if (rel.dep_ in ("relcl", "acl") or obj in objects
                                        and rel.dep_ == "ccomp" and rel.i > obj.i)
            and _opens_complement(rel)]


_SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "expl"))


def _opens_complement(clause) -> bool:
    """True when ``clause`` opens with "that" as a complementizer: tagged so (``mark``, or
    ``IN`` whatever its relation), or made a subject the clause already has."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head.i != clause.i:
        return False
    if first.dep_ == "mark" or first.tag_ == "IN":  # a relative "that" is tagged WDT
        return True
    others = [c.dep_ for c in clause.children if c.i != first.i]
    if first.dep_ not in _SUBJECTS:
        return False  # two objects is no such sign: "a revelation that she thought of X as Y"
    others += [g.dep_ for c in clause.children if c.dep_ in ("aux", "auxpass")
               for g in c.children]  # the other subject may hang on the clause's auxiliary
    return any(dep in _SUBJECTS for dep in others)


def _misparsed_clause(token, kids) -> Optional[tuple[int, int]]:
    """"*The van skidded, injuring its driver*, the fire department said": the parser
    sometimes reads the reported verb as a participle and hangs its subject on the cue,
    which then has two subjects.  The clause is everything from the first subject to
    the comma before the second."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in reporting_verbs():
        return None
    subjects = [c for c in kids if c.dep_ == "nsubj" and c.i < token.i]
    if len(subjects) != 2:
        return None
    first, last = subjects
    comma = last.left_edge.i - 1
    while comma > first.i and token.doc[comma].tag_ == "''":
        comma -= 1  # '"My reaction, that was outrageous," Obama's strategist said'
    if comma <= first.i or token.doc[comma].text != ",":
        return None
    return first.left_edge.i, comma


_POST_MODIFIERS = frozenset(("prep", "relcl", "acl", "appos", "conj", "advcl", "cc", "punct",
                             "npadvmod", "advmod"))


def content_spans(token) -> Iterator[tuple[str, int, int]]:
    """Every content the cue ``token`` may have: :func:`candidates`, trimmed, plus variants.

    PolNeAR annotators often stop a content before a trailing modifier ("*her
    death* in downtown Tulsa") or start it at the addressee of a directive
    ("urged *his supporters to vote*").  Offering the shorter and the longer
    reading as separate candidates lets the trained scorer pick; the stage and
    the training script both call this, so they see the same candidates.
    """
    doc = token.doc
    seen = set()
    for rel, a, b in candidates(token):
        spans = [(rel, a, b)]
        root = doc[a:b].root
        cuts = [c.left_edge.i for c in root.children
                if c.i > root.i and c.dep_ in _POST_MODIFIERS and c.left_edge.i < b]
        if cuts and min(cuts) > a:
            spans.append((rel + "~core", a, min(cuts)))
        if rel == "xcomp":
            obj = [c for c in token.children if c.dep_ in ("dobj", "nsubj") and token.i < c.i < a]
            if obj:
                spans.append((rel + "~obj", obj[0].left_edge.i, b))
        for name, x, y in spans:
            x = _after_relative(token, name, x)
            x, y = trim(doc, x, y)
            if x < y and (x, y) not in seen and not x <= token.i < y:
                seen.add((x, y))
                yield name, x, y


def _after_relative(token, rel: str, start: int) -> int:
    """"the changes, *which* officials said *were smaller*": the relative pronoun is the
    subject or object of the clause said, so the clause's span reaches back over its
    own cue.  What was said is the clause after the cue; PolNeAR marks it so (with the
    pronoun as a second piece, which the content's overlap does not need)."""
    if rel.split("~")[0] != "ccomp" or start >= token.i:
        return start
    first = token.doc[start]
    if first.lower_ in RELATIVE_PRONOUNS and first.tag_ in ("WDT", "WP") \
            and first.head.i > token.i and token.dep_ in ("relcl", "acl", "advcl"):
        return token.i + 1
    return start


def _complement(verb) -> bool:
    """A clause that completes a noun ("decision *to leave*", "claim *that it rose*")."""
    return any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in verb.children)


def is_audience(noun) -> bool:
    """A person, a group or an audience noun: someone spoken to, not something said."""
    return noun.pos_ == "PRON" or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        or noun.lemma_.lower() in audience_nouns()


def _modal(verb) -> bool:
    """"... and also *may have* intended to shoot another": a modal marks the claim's own
    verb; a second report is told as a fact ("and predicted that ...")."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def clause_end(head) -> int:
    """End of a content clause, stopping before a conjoined reporting verb.

    "said that A, and predicted that B" is two attributions; when the parser
    hangs "predicted" under A, the first content must not swallow the second.
    """
    end = head.right_edge.i + 1
    verbs = reporting_verbs()
    for child in head.children:
        if child.dep_ in ("conj", "advcl") and child.i > head.i \
                and child.lemma_.lower() in verbs and not _modal(child) \
                and (child.tag_ == "VBG" or any(g.dep_ in ("ccomp", "xcomp")
                                                for g in child.children)):
            cut = child.left_edge.i
            for sib in head.children:
                if sib.dep_ in ("cc", "punct") and head.i < sib.i < cut:
                    cut = min(cut, sib.i)
            end = min(end, cut)
    return end


def head_remainder(token) -> Optional[tuple[int, int]]:
    """The head clause of ``token`` without ``token``'s own subtree (larger side)."""
    head = token.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a, b = token.left_edge.i, token.right_edge.i + 1
    left, right = (lo, a), (b, hi)
    best = left if left[1] - left[0] >= right[1] - right[0] else right
    if token.dep_ == "parataxis" and head.i < token.i and left[1] - left[0] >= 2:
        # "A, police said, and B": the frame reports the clause it follows (with B, which
        # :func:`content_parts` adds).  PolNeAR train, such frames in mid-sentence: the
        # content holds the clause before 26 times of 28, the clause after alone twice.
        best = left
    if best[1] - best[0] < 2:
        return None
    return best


def joined_clauses(doc, cue_i: int, content: tuple[int, int]) -> tuple[int, int]:
    """A content clause widened over the other clauses its cue reports on the same side,
    joined only by commas and conjunctions: "A, and B, police said" and "said A and B"
    (two complements of one "said") are one claim.  PolNeAR train (600 articles), cues
    with two such complements: both in the annotated content 86 times, one 33."""
    cue = doc[cue_i]
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span):
        return content
    root = span.root
    if root.dep_ != "ccomp" or root.head.i != cue.i:
        return content
    side = [c for c in cue.children if c.dep_ == "ccomp" and (c.i < cue.i) == (root.i < cue.i)]
    if len(side) < 2:
        return content
    side.sort(key=lambda c: c.left_edge.i)
    for a, b in zip(side, side[1:]):
        if any(not (t.is_punct or t.dep_ == "cc") for t in doc[a.right_edge.i + 1:b.left_edge.i]):
            return content
    lo, hi = trim(doc, side[0].left_edge.i, side[-1].right_edge.i + 1)
    if lo <= cue.i < hi or lo >= hi:
        return content
    start = min(content[0], doc[lo].idx)
    end = max(content[1], doc[hi - 1].idx + len(doc[hi - 1].text))
    return start, end


def trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing commas, dashes and conjunctions a subtree drags along."""
    while start < end and (doc[start].text in _TRIM or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


_CLIMB = _CLAUSE_HEAD_DEPS | {"prep", "pobj", "dep", "npadvmod", "advmod", "acomp"}
NOT_SOURCES = frozenset(("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"))
NOT_SUBJECTS = frozenset(("DATE", "TIME", "MONEY", "QUANTITY"))  # "six in 10 said" is a source


def subject_of(token):
    """The subject of a cue: its own, or inherited from the clause it hangs on.

    "acknowledge the risks but *argue*" (conj), "..., *saying*" (advcl/xcomp),
    "by *saying*" (pcomp) and "has *vowed*" all take the subject of the
    governing verb.  Dates and times the parser took for a subject
    ("1:50 p.m. ...") are no source.
    """
    cur = token
    for _ in range(5):
        subjects = [c for c in cur.children if c.dep_ in SUBJECTS]
        if len(subjects) > 1:
            # "Ann Roe, who police say had a permit": "who" is the subject of what was
            # said, "police" of the saying
            subjects = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS] or subjects
            # "said Capt. Jeff Noland" parsed with "Capt" and "Noland" both subjects
            subjects = [c for c in subjects if c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                        ] or subjects
            if _misparsed_clause(cur, list(cur.children)) is not None:
                subjects = subjects[-1:]  # the first one belongs to what was said
        for child in subjects:
            if child.ent_type_ in NOT_SUBJECTS:
                return None
            return child
        if cur is token and _second_report(token):
            cur = token.head.head  # past the reported clause, to the first report's verb
            continue
        if cur.dep_ in _CLIMB and cur.head.i != cur.i and cur.head.pos_ not in ("NOUN", "PROPN"):
            cur = cur.head
            continue
        return None
    return None


def _second_report(token) -> bool:
    """"The sheriff said no knife was found and *added* that ...": a second reporting verb
    the parser coordinated with the clause the first one reports, not with the first verb.
    Its subject is the first reporter's: in 700 PolNeAR train articles the gold source of
    such a cue was the outer subject 45 times, the reported clause's 8 (session 17)."""
    head = token.head
    return (token.dep_ == "conj" or _adding(token)) \
        and head.dep_ == "ccomp" and head.i < token.i \
        and head.head.i < head.i and head.head.lemma_.lower() in reporting_verbs() \
        and token.lemma_.lower() in reporting_verbs()


def _adding(token) -> bool:
    """"The coach said the players needed rest*, adding* that ...": "adding" after a comma,
    hung by the parser on the reported clause, goes on the report when that clause's
    subject is no name or pronoun ("Police say Collins corroborated the story, adding
    that he ..." is Collins adding; "saying", "insisting" often are the reported
    person's, so only "adding")."""
    if token.dep_ != "advcl" or token.lemma_.lower() != "add" or token.tag_ != "VBG" \
            or token.i == 0 or token.doc[token.i - 1].text != ",":
        return False
    subj = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ not in ("PROPN", "PRON")


RAISING = frozenset(("seem", "appear", "look", "sound"))


def sourceless(token) -> bool:
    """A cue whose grammatical subject is not who holds the view.

    "Prices seem to rise", "The plan is expected to pass": raising verbs and
    passives without a "by" agent report a view nobody is named for; the
    subject is part of the content, so the attribution has no source.
    """
    if token.lemma_.lower() in RAISING and token.pos_ in ("VERB", "AUX") \
            and token.tag_ != "VBG":  # "is looking to" is an intent, not an appearance
        return True
    if passive_conjunct(token):
        return True
    kids = [c.dep_ for c in token.children]
    return token.tag_ == "VBN" and "auxpass" in kids and "agent" not in kids \
        and not quoted_as_saying(token)


def age_number(tok, alone: bool = False) -> Optional[str]:
    """The number of an age standing for a person ("the 24-year-old", "a 19-year-old"),
    ``tok`` being its head "old"; None for any other word, and for an age that qualifies
    a noun ("a 24-year-old man"), which is that noun's business, unless the caller knows
    the age stands ``alone`` (a source span that ends at it)."""
    if tok.lower_ not in ("old", "year-old") or tok.dep_ == "amod" and not alone:
        return None
    words = list(tok.subtree)
    num = next((t for t in words if t.like_num), None)
    years = any(t.lower_ in ("year", "years") or t.lower_.endswith("-year") for t in words)
    return num.text if num is not None and years else None


def passive_conjunct(token) -> bool:
    """"had been contacted by a caller and *told* that a bomb ...": a cue joined to a
    passive verb, with no subject or agent of its own, is passive too: its subject heard
    the words (not "was arrested and told police that ...": an addressee makes it active)."""
    kids = {c.dep_ for c in token.children}
    return token.dep_ == "conj" and not {"agent", "nsubj", "nsubjpass"} & kids \
        and any(c.dep_ == "auxpass" for c in token.head.children) and (
            token.tag_ == "VBN" or token.lemma_.lower() in addressee_verbs()
            and not {"dobj", "dative"} & kids)


def quoted_as_saying(token) -> bool:
    """"<words>, X was quoted (by AP) as saying.": the wire's passive frame after the words
    it credits, whose subject is who spoke; the agent only passed them on.  PolNeAR train
    credits the subject ("..., Braynard is quoted as saying").  With the words after it
    ("X was quoted by AP as saying Y") the frame is a relay (:mod:`.relay`): not this."""
    if token.lemma_.lower() not in ("quote", "cite") or token.tag_ != "VBN":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i
               and any(g.lemma_.lower() in reporting_verbs() and g.right_edge.i == g.i
                       for g in c.children)
               for c in token.children)


def _passive_subject(token) -> Optional[tuple[int, int]]:
    subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    return None if subj is None else (subj.left_edge.i, subj.right_edge.i + 1)


def source_span(token) -> Optional[tuple[int, int]]:
    """Token range of the source of a cue, or None.

    "according to X" and "X's vow" name the source as an object/possessor;
    passive cues name it in the agent ("was told by X"); otherwise it is the
    subject.
    """
    if token.lower_ == "according":
        for child in token.children:
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj.left_edge.i, obj.right_edge.i + 1
        return None
    spoke = _passive_subject(token) if quoted_as_saying(token) else None
    if spoke is not None:
        return spoke
    for child in token.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    cut = stranded_on_agent(obj)
                    return obj.left_edge.i, cut[0].i if cut else obj.right_edge.i + 1
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return None  # "a man described as her father": he is described; by whom, unsaid
    if token.dep_ == "acl" and token.pos_ == "VERB" and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ in _SETTING_PREPS \
                and prep.head.pos_ in ("VERB", "AUX"):
            # "was heard on a microphone telling X", "a speech during the convention
            # showing": a participle the parser hung on a setting speaks for the subject
            subj = subject_of(prep.head)
            if subj is not None and subj.dep_ != "csubj":
                return same_paragraph(token, *subject_extent(subj))
        return noun.left_edge.i, token.left_edge.i if token.left_edge.i > noun.left_edge.i else noun.i + 1
    if token.pos_ == "NOUN" and token.left_edge.i < token.i and \
            any(c.dep_ == "ccomp" for c in token.children):
        return token.left_edge.i, token.i  # "[Prosecutors] allege he ...", a verb tagged NOUN
    if token.pos_ == "NOUN":
        return noun_source(token)
    subj = subject_of(token)
    if subj is None or subj.dep_ == "csubj":
        return None
    return same_paragraph(token, *_before_cue(subj, token, subject_extent(subj)))


def _before_cue(subj, cue, extent: tuple[int, int]) -> tuple[int, int]:
    """A subject before its cue ends before it: "*MPD* originally reported that there were
    three victims; two teens and a man" with the list hung on "MPD" as an appositive
    would make the whole sentence the source."""
    start, end = extent
    if not (subj.i < cue.i < end):
        return extent
    ends = [c.right_edge.i + 1 for c in subj.children if c.right_edge.i < cue.i]
    return start, max([subj.i + 1] + ends)


# Prepositions whose object is where or when something was said, not who said it ("on a
# microphone", "during a speech", "at a rally"); "to X backing Y", "with polls showing" are
# X and the polls (read on PolNeAR train: wrong 5 of 6 when these took the clause subject).
_SETTING_PREPS = frozenset(("on", "during", "at"))


def same_paragraph(cue, a: int, b: int) -> Optional[tuple[int, int]]:
    """Clip a source to the cue's paragraph: a subject running over a line break is a
    parse that glued a headline or the previous paragraph to this sentence."""
    doc = cue.doc
    for t in doc[a:b]:
        if "\n" in t.text or "\n" in t.whitespace_:
            if t.i < cue.i:
                a = t.i + 1
            elif t.i < b:
                b = t.i + (0 if "\n" in t.text else 1)
    while a < b and doc[a].is_space:
        a += 1
    return (a, b) if a < b else None


def noun_source(noun) -> Optional[tuple[int, int]]:
    """Who a cue noun belongs to: "*her* decision", "a report *by the agency*",
    or the subject of the verb it is the object of ("*Jones* made the claim that ...").
    """
    for child in noun.children:
        if child.dep_ == "poss":
            return child.left_edge.i, child.right_edge.i + 1
    names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i
             and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                     for t in c.subtree)]
    if names:  # "the Clinton campaign plans to...", "Trump claims that...": the name owns it
        return noun.left_edge.i, noun.i
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj.left_edge.i, obj.right_edge.i + 1
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.ent_type_ not in NOT_SUBJECTS:
            return subject_extent(subj)  # its own subject only: "raising questions" has none
    return None


def subject_extent(subj) -> tuple[int, int]:
    """The subject phrase, cut before a relative clause that would swallow the cue."""
    start, end = subj.left_edge.i, subj.right_edge.i + 1
    for child in subj.children:
        if child.dep_ == "relcl" and child.i > subj.i:
            end = min(end, child.left_edge.i)
    return start, end


_ASIDE_DEPS = frozenset(("npadvmod", "advmod", "prt", "prep", "dobj", "dative"))


def parenthetical(token) -> bool:
    """A reporting verb set off by commas inside the clause it reports ("[A], the lawyer
    said on Monday, [B]"): a frame as plain as a trailing "..., police said"."""
    return token.lemma_.lower() in reporting_verbs() and _around_parenthetical(token) is not None


def _around_parenthetical(token) -> Optional[list[tuple[int, int]]]:
    """"[The museum], Mr. Obama said, [would make visitors ...]": a cue phrase set off by
    commas inside the clause it reports; the content is the clause on both sides of it,
    including a clause the parser hung on the cue ("[Though it was seamless], he said, ...").
    The parser may also hang the frame on the clause before it ("[The stove was on],
    police said, [and a heater had been left running]"): the same two sides."""
    doc = token.doc
    if token.dep_ != "parataxis":
        return None
    subj = next((c for c in token.children if c.dep_ in SUBJECTS and c.i < token.i), None)
    if subj is None:
        return None
    start, end = subj.left_edge.i, token.i + 1
    while end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ in _ASIDE_DEPS:
        end = doc[end].right_edge.i + 1  # "said on Monday", "told reporters"
    if start < 1 or end >= len(doc) or doc[start - 1].text != "," or doc[end].text != ",":
        return None
    head = token.head
    sent = token.sent
    left = trim(doc, max(sent.start, min(head.left_edge.i, token.left_edge.i)), start - 1)
    right = trim(doc, end + 1, head.right_edge.i + 1)
    if left[0] >= left[1] or right[0] >= right[1]:
        return None
    return [left, right]


def content_parts(token, rel: str, a: int, b: int, source) -> list[tuple[int, int]]:
    """Token ranges of the content: for the relation ``head``, both sides of the cue.

    "[A], the paper said, [including B]": the parser hangs the cue inside the
    clause it reports, so the content is the clause minus the cue's phrase.
    (Tried and dropped, as they lowered PolNeAR scores: adding clauses
    conjoined to the cue, and the words before a parenthetical source.)
    """
    doc = token.doc
    parts = [(a, b)]
    if rel == "head":
        around = _around_parenthetical(token)
        if around is not None:
            return around
        head = token.head
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        ta, tb = token.left_edge.i, token.right_edge.i + 1
        other = (tb, hi) if a < ta else (lo, ta)
        oa, ob = trim(doc, *other)
        if ob - oa >= 3 and not any(t.is_sent_start for t in doc[oa + 1:ob]):
            parts = sorted([(a, b), (oa, ob)])
    return parts


def gerund_after(doc, start: int):
    """The gerund a content opening at token ``start`` reports, through "to" or "of" and
    adverbs ("to *drinking*", "to accidentally *shooting* himself", "of *cutting*"), or
    None: a deed admitted or boasted of, not a thing."""
    i = start
    if i < len(doc) and doc[i].lower_ in ("to", "of"):
        i += 1
    while i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    return doc[i] if i < len(doc) and doc[i].tag_ == "VBG" else None
