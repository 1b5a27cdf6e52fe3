"""Name spans from spaCy's entities, cleaned of the small model's usual errors.

``en_core_web_sm`` finds most names but its spans and labels need repair:
titles swallowed into PERSON spans ("President Obama"), a possessive "'s"
kept on the name, "the" kept on organisations, a role phrase tagged as an ORG
("Chair of the Intelligence Committee"), area names cut short ("Kursk" +
"region" tagged PRODUCT), one name given different labels in one article, a
person's surname tagged ORG ("Trump's adviser"), and fragments that are not
names at all ("F-16s", lowercase words, headline words).  Each repair here is a
general rule over token shapes and the lexicons, applied per span, plus one
article-level vote so that a name keeps one label throughout.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from . import headlines, lexicon

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Labels worth repairing into one of LABELS (the tagger confuses these with them).
_REPAIRABLE = LABELS | {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
_DETS = frozenset({"the", "a", "an"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_BAD_POS_IN_NAME = frozenset({"PRON", "AUX"})


@dataclass
class Cand:
    """One name span (token indices ``[start, end)``) with its repaired label.

    ``title_start`` is where a title spaCy put inside the span begins (equal to
    ``start`` when there was none); the roles step reads the title from there.
    """

    start: int
    end: int
    label: str
    title_start: int
    text: str = ""
    gender: str = ""  # "m" / "f" when an honorific says so ("Mr.", "Ms."), for merging
    title: str = ""  # the title word written right before a person's name ("king"), for merging
    headline: bool = False  # inside a title-case headline line, where the tagger guesses

    def key(self) -> str:
        """Grouping form of a non-person name: lowercase, periods dropped ("U.S." = "US"),
        and for an organisation its legal suffix ("Harlow Foods, Inc." = "Harlow Foods")."""
        k = self.text.lower().replace(".", "")
        if self.label == "ORG":
            words = k.replace(",", " ").split()
            if len(words) >= 3 and words[-1] in LEGAL_SUFFIXES:
                k = " ".join(words[:-1])
        return k


LEGAL_SUFFIXES = frozenset(("inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp", "gmbh", "ag",
                            "sa", "nv", "bv", "spa", "ab", "asa", "oyj"))


def is_title(tok) -> bool:
    """A token heading a title or role ("President", "Sen.", "spokeswoman")."""
    return lexicon.key(tok.text) in lexicon.titles()


def is_honorific(tok) -> bool:
    return lexicon.key(tok.text) in lexicon.honorifics()


def collect(doc, text: str) -> list[Cand]:
    """Repaired name candidates of one parsed document, in text order."""
    cands = []
    ranges = headlines.headline_ranges(text, doc)
    openers = headlines.sentence_case_openers(text)
    for start, end, label in _split_org_then_person(doc, doc.ents):
        cand = _repair(doc, start, end, label)
        if cand is not None:
            cand.text = doc[cand.start:cand.end].text
            if cand.label == "PERSON":
                cand.gender = _honorific_gender(doc, cand)
                cand.title = _title_before(doc, cand)
            cand.headline = headlines.inside(ranges, doc[cand.start].idx) or (
                cand.end - cand.start == 1 and doc[cand.start].idx in openers)
            cands.append(cand)
    cands = _drop_titles_before_names(doc, cands)
    cands = _join_split_names(doc, cands)
    cands = _add_known_orgs(doc, text, cands)
    cands = _add_untagged_orgs(doc, cands, ranges)
    cands = _add_untagged_people(doc, text, cands, ranges)
    _relabel_by_article(cands)
    _firms_tagged_people(doc, cands)
    _org_short_forms(doc, cands)
    cands = _drop_unconfirmed_headline_names(doc, text, cands, ranges)
    cands = _drop_lone_titles(doc, cands)
    return [c for c in cands if c.label in LABELS]


_MALE = frozenset({"mr", "sir", "herr", "monsieur", "senor"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "madam", "madame", "mme", "frau", "senora"})


def _add_known_orgs(doc, text: str, cands: list[Cand]) -> list[Cand]:
    """Add well-known organisations the tagger missed ("Politifact: ..." in a headline).

    A hit must cover whole proper-noun tokens (so "Time is short" is no magazine)
    and no candidate already."""
    taken = sorted((doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])) for c in cands)
    starts = [s for s, _ in taken]
    added = []
    for m in lexicon.orgs_pattern().finditer(text):
        s, e = m.span()
        k = bisect.bisect_right(starts, s) - 1
        if (k >= 0 and taken[k][1] > s) or (k + 1 < len(taken) and taken[k + 1][0] < e):
            continue
        span = doc.char_span(s, e)
        if span is None or not all(t.pos_ == "PROPN" for t in span):
            continue
        added.append(Cand(span.start, span.end, "ORG", span.start, text=span.text))
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def _add_untagged_orgs(doc, cands: list[Cand], ranges: list[tuple[int, int]]) -> list[Cand]:
    """Add an organisation the tagger left untagged ("Veltrix Semiconductor warned ..."):
    a run of two to five capitalised proper nouns, outside headlines and every candidate,
    whose last word is an organisation word (``entity_org_words.txt``, ``entity_org_heads.txt``)
    and whose first is no title, nor glued to a word before it ("Charlotte-*Mecklenburg
    Police*", "24-*Hour News*": part of a longer name)."""
    covered = set()
    for c in cands:
        covered.update(range(c.start, c.end))
    added, i, n = [], 0, len(doc)
    while i < n:
        j = i
        while j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].text.isalpha() and j not in covered:
            j += 1
        glued = i > 0 and not doc[i - 1].is_space and (
            not doc[i - 1].whitespace_ or doc[i - 1].pos_ == "PROPN")  # a paragraph start is not
        if 2 <= j - i <= 5 and not glued and _org_shaped([t.text for t in doc[i:j]]) \
                and not is_title(doc[i]) and not headlines.inside(ranges, doc[i].idx):
            added.append(Cand(i, j, "ORG", i, text=doc[i:j].text))
        i = max(j, i + 1)
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def _all_titles(doc, start: int, end: int) -> bool:
    """Every token of ``[start, end)`` is a title or honorific word ("Lt.", "Sheriff's Deputy")."""
    return all(is_title(t) or is_honorific(t) or t.tag_ == "POS" or t.text in ("-", ".")
               for t in doc[start:end]) and any(is_title(t) or is_honorific(t)
                                                for t in doc[start:end])


def _drop_titles_before_names(doc, cands: list[Cand]) -> list[Cand]:
    """Drop a span of any label made only of title words right before a capitalised
    word: the tagger's "Lt." (GPE) of "Lt. Col. Ana Ruiz" or "Deputy" (ORG) of "Deputy
    Ana Ruiz" is part of a title, not a name.  (A lone PERSON title elsewhere is
    :func:`_drop_lone_titles`' business.)"""
    drop = set()
    surnames = None
    for c in cands:
        if c.end >= len(doc) or not _all_titles(doc, c.title_start, c.end):
            continue
        after = doc[c.end]
        if not (after.text[:1].isupper() and after.text.rstrip(".").isalpha()):
            continue
        if c.label == "PERSON":
            if surnames is None:
                surnames = {surname(x.text.split()) for x in cands
                            if x.label == "PERSON" and x.end - x.start >= 2}
            if c.text in surnames:
                continue  # "Dean" of "Howard Dean"
        drop.add(id(c))
    return [c for c in cands if id(c) not in drop] if drop else cands


def _name_word(doc, tok) -> bool:
    """A capitalised proper noun that can be part of a personal name: no title, honorific,
    organisation word, place or acronym."""
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() \
        and not tok.text.isupper() and not is_title(tok) and not is_honorific(tok) \
        and tok.text not in lexicon.org_heads() and tok.text not in lexicon.places()


def _join_split_names(doc, cands: list[Cand]) -> list[Cand]:
    """Mend a titled person's name the tagger cut after its first word.

    "Deputy Ana Ruiz" tagged PERSON "Deputy Ana" and PERSON "Ruiz" (or "Ruiz"
    untagged): when a one-word PERSON written after a title (inside its span or
    right before it) is followed at once by one or two name words (:func:`_name_word`),
    tagged PERSON or not tagged at all, the name runs on over them.  The title stays
    outside the name, for the roles step."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    out: list[Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        k += 1
        if c.label != "PERSON" or c.end - c.start != 1 or not _name_word(doc, doc[c.start]) or \
                not (c.title_start < c.start or _title_before(doc, c)):
            out.append(c)
            continue
        end = c.end
        nxt = cands[k] if k < len(cands) else None
        if nxt is not None and nxt.start == c.end and nxt.label == "PERSON" and \
                nxt.end - nxt.start <= 2 and \
                all(_name_word(doc, t) for t in doc[nxt.start:nxt.end]):
            end = nxt.end
            k += 1
        else:
            while end < len(doc) and end - c.start < 3 and end not in covered \
                    and not doc[end].ent_type_ and _name_word(doc, doc[end]):
                end += 1
            if end < len(doc) and end != c.end and _name_word(doc, doc[end]):
                end = c.end  # a longer run of capitalised words: not clearly a name
        if end == c.end:
            out.append(c)
            continue
        joined = Cand(c.start, end, "PERSON", c.title_start, text=doc[c.start:end].text,
                      gender=c.gender, headline=c.headline)
        joined.title = _title_before(doc, joined)
        out.append(joined)
    return out


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


def _org_short_forms(doc, cands: list[Cand]) -> None:
    """Relabel ORG a one-word PERSON span that is the first word of an organisation named
    earlier ("Veltron Semiconductor ... Veltron said", the small tagger's PERSON); the
    short form then joins the organisation (:func:`.merge.group_others`).  When the
    organisation is named after its town ("Greenwood Police Department", the second
    word in ``entity_place_institutions.txt``) and the word is tagged a place elsewhere
    or used as one ("Greenwood police said", "in Greenwood"), it is the town: GPE.

    The organisation must be shaped like one (:func:`_org_shaped`).  Not when any of
    its mentions has a person's title or honorific ("CEO Veltron",
    "Mr. Marrick"), when it is a word of a personal name of the article, a common
    given name or a well-known place, or when a personal pronoun follows a mention in
    its sentence or opens the next one with no other person named between ("Kessler
    said he ...")."""
    orgs = [c for c in cands if c.label == "ORG" and c.end - c.start >= 2
            and _org_shaped(c.text.split())]
    if not orgs:
        return
    by_text: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        if c.label == "PERSON" and not c.headline:
            by_text[c.text].append(c)
    person_words = {w for c in cands if c.label == "PERSON" and c.end - c.start >= 2
                    for w in c.text.split()}
    given, places = lexicon.given_names(), lexicon.places()
    place_forms = {c.text for c in cands if c.label in ("GPE", "LOC")}
    for form, mentions in by_text.items():
        if " " in form or not (form[:1].isupper() and form.isalpha()) or form in person_words \
                or form in given or form in places:
            continue
        first = min(c.start for c in mentions)
        hosts = [o.text.split() for o in orgs if o.start < first and o.text.split()[0] == form]
        if not hosts:
            continue
        if any(c.title or c.gender or c.title_start < c.start for c in mentions):
            continue
        if any(_pronoun_follows(doc, c, cands) for c in mentions):
            continue
        # "Greenwood Police Department": the first word is the town, when a mention is
        # used as a place (:func:`_place_use`)
        town = all(h[1] in lexicon.place_institutions() for h in hosts) and (
            form in place_forms or any(_place_use(doc, c) for c in mentions))
        for c in mentions:
            c.label = "GPE" if town else "ORG"


def _org_shaped(words: list[str]) -> bool:
    """A name whose last word is an organisation word, a business noun or a legal suffix
    ("Harlow Police Department", "Veltron Semiconductor", "Walmart Inc."), not a person's
    name the tagger called ORG ("Corbin Wiederholt")."""
    last = words[-1]
    return last in lexicon.org_heads() or last in lexicon.org_words() \
        or last.lower().rstrip(".") in LEGAL_SUFFIXES


_PLACE_PREPS = frozenset({"in", "from", "to", "near", "outside", "across", "around"})


def _place_use(doc, cand: Cand) -> bool:
    """A name used as a place: before a common noun it modifies ("Greenwood police",
    "Gainesville residents") or after a preposition of place ("in Greenwood")."""
    after = doc[cand.end] if cand.end < len(doc) else None
    return (after is not None and after.is_lower and after.pos_ == "NOUN") or (
        cand.start > 0 and doc[cand.start - 1].lower_ in _PLACE_PREPS)


def _pronoun_follows(doc, cand: Cand, cands: list[Cand]) -> bool:
    """A personal pronoun after the mention in its sentence, or opening the next sentence,
    with no other person named between them."""
    sent = doc[cand.start].sent
    stop = sent.end
    if stop < len(doc):
        stop = min(doc[stop].sent.end, stop + 3)  # the next sentence's first few words
    others = [c.start for c in cands if c.label == "PERSON" and cand.end <= c.start < stop]
    for i in range(cand.end, stop):
        if doc[i].lower_ in _PERSON_PRONOUNS:
            return not any(s < i for s in others)
    return False


def _drop_lone_titles(doc, cands: list[Cand]) -> list[Cand]:
    """Drop a one-word PERSON that is only a title ("Sgt"), unless a person of the
    article has it as surname ("Dean" after "Howard Dean")."""
    lone = [c for c in cands if c.label == "PERSON" and c.end - c.start == 1 and
            (is_title(doc[c.start]) or is_honorific(doc[c.start]))]
    if not lone:
        return cands
    surnames = {surname(c.text.split()) for c in cands
                if c.label == "PERSON" and c.end - c.start >= 2}
    drop = {id(c) for c in lone if c.text not in surnames}
    return [c for c in cands if id(c) not in drop]


def _honorific_gender(doc, cand: Cand) -> str:
    """"m" or "f" when the name is written with a gendered honorific, else ""."""
    lo = max(cand.title_start - 1, 0)
    for i in range(lo, cand.start):
        k = lexicon.key(doc[i].text)
        if k in _MALE:
            return "m"
        if k in _FEMALE:
            return "f"
    return ""


# Abbreviated and full forms of one title, so "Sen. Lind" and "Senator Lind" agree.
_SAME_TITLE = {"sen": "senator", "rep": "representative", "congressman": "representative",
               "congresswoman": "representative", "gov": "governor", "gen": "general",
               "adm": "admiral", "col": "colonel", "capt": "captain", "maj": "major",
               "lt": "lieutenant", "sgt": "sergeant", "prof": "professor", "rev": "reverend",
               "cmdr": "commander", "chairman": "chair", "chairwoman": "chair",
               "chairperson": "chair"}


def _title_before(doc, cand: Cand) -> str:
    """The title word written just before the name (inside or outside the span), canonical."""
    i = cand.start - 1
    while i >= 0 and (doc[i].text == "-" or doc[i].lower_ in ("elect", "designate")
                      or is_honorific(doc[i])):
        i -= 1
    if i < 0 or i < cand.title_start - 1 or not is_title(doc[i]):
        return ""
    k = lexicon.key(doc[i].text)
    return _SAME_TITLE.get(k, k)


def _drop_unconfirmed_headline_names(doc, text: str, cands: list[Cand],
                                     ranges: list[tuple[int, int]]) -> list[Cand]:
    """Keep a headline span only if the body confirms it as a name.

    The body confirms it when a body candidate has the same name (or, for a
    person, the same surname), when the body writes the same words as a name
    (:func:`_written_in_body`: the tagger may miss it there too, "The U.S.
    Marshals have added ..."), or when it is a well-known place.  (A
    person's name opening with a common given name is not enough: "Yvonne
    Hiller Kills ..." runs on into the headline's verb.)"""
    if not any(c.headline for c in cands):
        return cands
    body_keys = {c.key() for c in cands if not c.headline}
    body_keys |= {surname(c.text.split()).lower() for c in cands
                  if not c.headline and c.label == "PERSON"}
    places = lexicon.places()
    return [c for c in cands if not c.headline or c.key() in body_keys or c.text in places
            or _written_in_body(doc, text, c, ranges)]


def _split_org_then_person(doc, ents) -> list[tuple[int, int, str]]:
    """Repairable spans as ``(start, end, label)``, an organisation glued to the person
    named after it cut in two: "Marlow Foods Ines Varga", "the State Water Resources
    Board Karin Holt" (a long role before the name, one span in the small model) are the
    organisation and then the person, not one organisation that speaks."""
    spans = []
    people = {e.start for e in ents if e.label_ == "PERSON"}
    for ent in ents:
        if ent.label_ not in _REPAIRABLE:
            continue
        cut = _person_after_org(doc, ent.start, ent.end) if ent.label_ == "ORG" else None
        if cut is None:
            end = ent.end
            if ent.label_ == "ORG" and ent.end in people:
                end = _before_titles(doc, ent.start, ent.end)
                if not _org_word(doc[end - 1]):
                    end = ent.end  # the title is cut only after an organisation's word
            spans.append((ent.start, end, ent.label_))
        else:
            spans += [(ent.start, _before_titles(doc, ent.start, cut), "ORG"),
                      (cut, ent.end, "PERSON")]
    return spans


def _org_word(tok) -> bool:
    return tok.text in lexicon.org_heads() or tok.text in lexicon.org_words()


def _before_titles(doc, start: int, end: int) -> int:
    """Where the run of title words ending at ``end`` begins ("State Police | Capt. |
    Ann Lee"): the title is the person's role, not part of the organisation's name."""
    while end > start + 1 and is_title(doc[end - 1]):
        end -= 1
    return end


def _person_after_org(doc, start: int, end: int) -> int | None:
    """Where a given name and surname begin after an organisation's last word
    (``entity_org_heads.txt``, ``entity_org_words.txt``) inside one span, when the
    organisation keeps two words of its own (titles between them are the person's:
    "State Police Capt. Doug Cain"), or after any office named by "TITLE of (the)" before
    the span; else None."""
    titled = _role_of_before(doc, start)
    for cut in range(end - 2, start, -1):
        org_stop = _before_titles(doc, start, cut)  # "State Police Capt. | Doug Cain"
        org = [t for t in doc[start:org_stop] if t.lower_ not in _DETS]
        if (len(org) >= 2 and _org_word(doc[org_stop - 1]) or titled and org) \
                and _given_name_person(doc, cut, end, census=True):
            return cut
    return None


def _role_of_before(doc, start: int) -> bool:
    """A title and "of (the)" just before a span: "Secretary of the | Interior Ken
    Salazar", "Minister of | Finance Anna Berg" (the span is the office and the holder)."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and is_title(doc[i - 1])


def _plain_name(doc, start: int, end: int) -> bool:
    """Two or three capitalised singular proper nouns with no title, organisation word,
    place or acronym among them: after a title ("Coroner Gerone Hobbs") a person."""
    heads, places = lexicon.org_heads(), lexicon.places()
    return 2 <= end - start <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper()
        and t.text not in heads and t.text not in places and not is_title(t)
        and not is_honorific(t) and t.tag_ != "NNPS" for t in doc[start:end])


def _given_name_person(doc, start: int, end: int, census: bool = False) -> bool:
    """Two or three capitalised singular proper nouns opening with a common given
    name and holding no title, organisation word or place ("Tim Fanning", not
    "Bradley Fighting Vehicles" or "Grace Church").  ``census``: the census's given
    names that are also towns count too ("Warren", "Chester"), where the position
    already points to a person."""
    first = doc[start].text if 2 <= end - start <= 3 else ""
    if first not in lexicon.given_names() and not (census and first in
                                                   lexicon.census_given_names()):
        return False
    heads, places, areas = lexicon.org_heads(), lexicon.places(), lexicon.place_nouns()
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha()
               and not t.text.isupper() and t.text not in heads and t.text not in places
               and t.lower_ not in areas  # "Walker County", "Warren Township"
               and not is_title(t) and not is_honorific(t) for t in doc[start:end])


def _written_in_body(doc, text: str, cand: Cand, ranges: list[tuple[int, int]]) -> bool:
    """Does the body write the candidate's words, case and all, as a name?

    A hit outside every headline, on word boundaries, whose tokens are proper
    nouns, not part of a longer name; a one-word name must also not open its
    sentence (where any word is capitalised)."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(cand.text) + r"(?![\w-])")
    for m in pattern.finditer(text):
        if headlines.inside(ranges, m.start()):
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or not all(t.pos_ == "PROPN" or t.is_punct for t in span):
            continue
        if len(span) == 1 and span[0].is_sent_start:
            continue
        if _name_goes_on(doc, span.start, span.end):
            continue  # part of a longer name ("U.S. Court of Appeals")
        return True
    return False


def _name_goes_on(doc, start: int, end: int) -> bool:
    """Is the span part of a longer name: a capitalised proper noun (not a title)
    right before it, one right after it, or "of" and a capitalised word after it?"""
    def cap(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
    before = start > 0 and (is_title(doc[start - 1]) or is_honorific(doc[start - 1]))
    return (cap(start - 1) and not before) or cap(end) or (
        end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper())


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'-]*")


def _add_untagged_people(doc, text: str, cands: list[Cand], ranges: list[tuple[int, int]]
                         ) -> list[Cand]:
    """Add people the tagger left out: a common given name, or any capitalised name
    word right after a capitalised title ("Coroner Gerone Hobbs"), and one or two more
    capitalised proper nouns that no entity span touches ("Constable Tim
    Fanning", "Angels GM Tony Reagins"), outside headlines.  The words after the
    given name must never be written in lowercase in the article: "Bradley
    Fighting Vehicles" beside "fighting" is a thing."""
    added = []
    lowercase = None
    given = lexicon.given_names()
    covered = {k for c in cands for k in range(c.start, c.end)}
    toks = getattr(doc, "tokens", None) or list(doc)
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        titled = i > 0 and is_title(toks[i - 1]) and toks[i - 1].text[:1].isupper() \
            and (not toks[i - 1].ent_type_ or i - 1 not in covered)
        if (tok.text not in given and not titled) or tok.pos_ != "PROPN" or tok.ent_type_ \
                or headlines.inside(ranges, tok.idx):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < 4 and doc[end].pos_ == "PROPN" and \
                doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1
        if 2 <= end - i <= 3 and not (end < n and doc[end].text[:1].isupper() and
                                     doc[end].pos_ == "PROPN") and \
                (_given_name_person(doc, i, end) or titled and _plain_name(doc, i, end)):
            if lowercase is None:
                lowercase = set(_LOWER_WORD.findall(text))
            if any(t.lower_ in lowercase for t in doc[i + 1:end]):
                i = end
                continue
            added.append(Cand(i, end, "PERSON", i, text=doc[i:end].text,
                              title=_title_before(doc, Cand(i, end, "PERSON", i))))
        elif end - i == 1 and titled and _titled_surname(doc, i):
            if lowercase is None:
                lowercase = set(_LOWER_WORD.findall(text))
            if tok.lower_ not in lowercase:
                added.append(Cand(i, end, "PERSON", i, text=tok.text,
                                  title=_title_before(doc, Cand(i, end, "PERSON", i))))
        i = end
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def _titled_surname(doc, i: int) -> bool:
    """One name word after a capitalised title that ends the noun phrase ("Deputy Ruiz
    said", "Judge Lind's ruling"): a singular proper noun (:func:`_name_word`), not
    followed by another noun or a number ("Head Start program", "Member States")."""
    tok = doc[i]
    if tok.tag_ != "NNP" or not _name_word(doc, tok) or len(tok.text) < 2:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")


def _repair(doc, start: int, end: int, label: str) -> Cand | None:
    """Fix one span's boundaries and label; None when it is not a name."""
    # "Chair of the House Intelligence Committee": a role tagged as an ORG;
    # the organisation is what follows "of (the)".  The role itself is read
    # by the roles step from the tokens.
    if end - start >= 3 and is_title(doc[start]) and doc[start + 1].lower_ == "of":
        start += 2
        label = "ORG"
    if end - start >= 3 and doc[start].lower_ in ("shares", "stock") and \
            doc[start + 1].lower_ == "of":
        start += 2  # "Shares of Dravida" tagged as one ORG: the firm is what follows
    while start < end and (doc[start].lower_ in _DETS or doc[start].is_punct or (
            label != "PERSON" and doc[start].text[:1].islower())):
        start += 1  # "the", a stray quote, "this White House", "federal Securities ..."
    if start > 0 and start < end and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and doc[start - 1].i >= 1 and doc[start - 2].text[:1].islower():
        return None  # "un-American", "pro-Clinton": a word built on a name, not a name
    while end < len(doc) and end - start >= 2 and doc[end - 1].lower_ in ("and", "of", "&", "for") \
            and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
        end += 1  # "Department of Fish and | Game": a name does not end on "and" or "of"
    end = _cut(doc, start, end, label)
    while end > start and (doc[end - 1].tag_ == "POS" or
                           (doc[end - 1].is_punct and doc[end - 1].text not in ".")):
        end -= 1
    if start >= end:
        return None
    title_start = start
    if label in ("ORG", "GPE", "NORP") and _titled_name(doc, start, end):
        label = "PERSON"  # "General Pavel Dimitrakis" tagged ORG
    if label == "PERSON":
        start = _skip_titles(doc, start, end)
        if start >= end:
            return None
    if _area_noun_follows(doc, start, end, label):
        end += 1
        label = "LOC"
    if label in ("GPE", "LOC", "ORG") and _untagged_given_name_before(doc, start):
        start -= 1  # "coach Ana Lima" with "Lima" tagged a city: the given name opens the name
    if label != "PERSON" and (_after_title(doc, start, end) or _given_name_first(doc, start, end,
                                                                                label)):
        label = "PERSON"  # "Kremlin spokesman Dmitry Orlov", "NBC's Lester Holt" tagged ORG
    if label == "PRODUCT" and _given_name_person(doc, start, end):
        label = "PERSON"  # "Ines Varga, who owns the bakery" (titles of works stay out)
    if label in ("ORG", "GPE", "NORP") and _aged(doc, start, end):
        label = "PERSON"  # "his sister, 19-year-old Zhaniya Holt," tagged ORG
    if not _looks_like_name(doc, start, end, label):
        return None
    last = doc[end - 1].text
    if label == "NORP" and end - start == 1 and len(last) >= 3 and last.isupper():
        label = "ORG"  # "NYPD", "GOP": acronyms are organisations, not nationalities
    if label in ("GPE", "PERSON", "NORP", "PRODUCT") and end - start > 1 and (
            last in lexicon.org_heads() or last in lexicon.org_words()
            and doc[start].text not in lexicon.given_names()):
        label = "ORG"  # "Marrick Foods", "Kingsport Rovers"; "Janet Mills" stays a person
    return Cand(start, end, label, title_start)


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_CUT_PREPS = frozenset({"on", "in"})
_PERCENT = frozenset({"percent", "%", "per", "points"})


def _cut(doc, start: int, end: int, label: str) -> int:
    """End of the name when the tagger ran on past it: at a comma ("Politico,
    Democratic party"), a spaced dash ("Vikings - while"), a figure
    ("Trump 47.3 percent"), or for organisations "on"/"in" ("Hofstra
    University on Long Island")."""
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.text == "," or (tok.text in _DASHES and tok.whitespace_ and doc[i - 1].whitespace_):
            return i
        if tok.like_num and i + 1 < len(doc) and doc[i + 1].lower_ in _PERCENT:
            return i
        if label == "ORG" and tok.lower_ in _CUT_PREPS and tok.text.islower():
            return i
        if label == "PERSON" and tok.text in ("of", "from"):
            return i  # "King Omar of Qadira": the place is not part of the name
    return end


NAME_PARTICLES = frozenset(("de", "van", "von", "der", "den", "da", "di", "du", "del", "della",
                            "dos", "das", "le", "la", "bin", "ibn", "al"))


def _after_title(doc, start: int, end: int) -> bool:
    """Two to four words right after a lowercase title word, or after a title word and a
    comma (an appositive: "its finance chief, Henk de Vries,"), are a person's name,
    whatever the tagger said ("spokesman Dmitry Orlov").  The words are capitalised, but
    for name particles between them ("de", "van der")."""
    if start < 1 or not 2 <= end - start <= 4:
        return False
    before = doc[start - 1]
    if before.text == "," and start >= 2:
        before = doc[start - 2]
    if not (before.is_lower and is_title(before)):
        return False
    words = [t.text for t in doc[start:end]]
    if not all(w.isalpha() and (w[:1].isupper() or (0 < k < len(words) - 1 and w in NAME_PARTICLES))
               for k, w in enumerate(words)):
        return False
    return words[-1] not in lexicon.org_heads() and " ".join(words) not in lexicon.places()


def _title_run_end(doc, start: int, end: int) -> int:
    """End of the capitalised titles opening ``[start, end)``: title words, and a
    possessive or hyphen between two of them ("Sheriff's Deputy", "Lt. Col.")."""
    i = start
    while i < end and doc[i].text[:1].isupper() and is_title(doc[i]):
        i += 1
        if i + 1 < end and (doc[i].tag_ == "POS" or doc[i].text == "-") \
                and doc[i + 1].text[:1].isupper() and is_title(doc[i + 1]):
            i += 1
    return i


def _titled_name(doc, start: int, end: int) -> bool:
    """Capitalised title words ("Coach", "Sheriff's Deputy", "Detective Sgt.") followed
    by two or three capitalised proper nouns, with no organisation word at the end, are
    a titled person."""
    if not (doc[start].is_title and is_title(doc[start])):
        return False
    first = _title_run_end(doc, start, end)
    if not 2 <= end - first <= 3:
        return False
    rest = [doc[i] for i in range(first, end)]
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) and \
        rest[-1].text not in lexicon.org_heads() and rest[-1].tag_ != "NNS" and \
        not is_title(rest[0])


def _untagged_given_name_before(doc, start: int) -> bool:
    """A capitalised common given name right before a place or organisation span, that the
    tagger left outside every entity: "Ana Lima", "Dana Jordan" read as a given name and a
    city.  Given names that are also places are not in the list ("Paris Hilton" stays
    out)."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.pos_ == "PROPN" and not prev.ent_type_ and prev.text in lexicon.given_names() \
        and bool(prev.whitespace_) and prev.is_title


def _given_name_first(doc, start: int, end: int, label: str) -> bool:
    """An ORG/GPE of two to four capitalised words opening with a common given
    name, not ending in an organisation word or a plural, is a person."""
    if label not in ("ORG", "GPE") or not 2 <= end - start <= 4:
        return False
    first = doc[start].text.split("-")[0]
    last = doc[end - 1]
    return first in lexicon.given_names() and last.text not in lexicon.org_heads() \
        and last.lower_ not in lexicon.place_nouns() \
        and last.tag_ != "NNS" and all(t.text[:1].isupper() or t.text == "-"
                                                      or t.text.endswith(".") for t in doc[start:end])


def _area_noun_follows(doc, start: int, end: int, label: str) -> bool:
    """"Kursk" + "region": the area noun belongs to the name, unless the noun
    itself modifies the next word ("U.S. district judge") or the name is an
    adjective or abbreviation ("Russian territory", "U.S. territory")."""
    if label == "NORP" or end >= len(doc) or "." in doc[end - 1].text:
        return False
    noun = doc[end]
    if not (noun.is_lower and noun.lower_ in lexicon.place_nouns()):
        return False
    return not (end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN"))


def _skip_titles(doc, start: int, end: int) -> int:
    """First token after titles and honorifics at the front of a PERSON span."""
    i = start
    while i < end - 1:
        tok = doc[i]
        if is_title(tok) or is_honorific(tok):
            i += 1
        elif tok.text == "-" or (tok.lower_ == "elect" and i > start):
            i += 1
        elif tok.tag_ == "POS" and i > start and is_title(doc[i - 1]) and is_title(doc[i + 1]):
            i += 1
        elif tok.is_lower and tok.pos_ == "ADJ" and i + 1 < end and is_title(doc[i + 1]):
            i += 1  # "former President X"
        else:
            break
    return i


_AGE = re.compile(r"^(\d{1,3})-year-old$")


def _aged(doc, start: int, end: int) -> bool:
    """A name of two or three capitalised words right after a person's age ("19-year-old
    Zhaniya Holt") is a person's, whatever the tagger said, unless it ends in an
    organisation's word ("the 100-year-old Marlow Foods" keeps its label) or only
    qualifies the noun after it ("a 22-year-old White House intern")."""
    if not 2 <= end - start <= 3 or start == 0:
        return False
    age = "".join(t.text for t in doc[max(0, start - 5):start] if not t.is_space)
    m = _AGE.search(age[-12:]) if age.endswith("old") else None
    if m is None or int(m.group(1)) > 110:
        return False
    if end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end].pos_ == "NOUN":
        return False  # "a 22-year-old White House intern": the name only qualifies a noun
    words = [t.text for t in doc[start:end]]
    return all(w[:1].isupper() for w in words) and not any(
        w in lexicon.org_heads() or w in lexicon.org_words() for w in words)


def _looks_like_name(doc, start: int, end: int, label: str) -> bool:
    """False for spans that cannot be a name whatever the tagger said."""
    text = doc[start:end].text
    if not any(ch.isupper() for ch in text):
        return False
    if text.lower() in lexicon.not_names():
        return False
    if label in ("PERSON", "GPE", "LOC", "NORP") and any(ch.isdigit() for ch in text):
        return False
    toks = [doc[i] for i in range(start, end)]
    if any(t.pos_ in _BAD_POS_IN_NAME for t in toks):
        return False
    if label == "PERSON" and not _person_shaped(doc, toks, text, end):
        return False
    return True


# Lowercase particles that may open a personal name ("de Blasio", "bin Laden").
_NAME_PARTICLES = frozenset("de del della di da van von der den bin ibn al el la le du dos das "
                            "ter ten".split())


def _person_shaped(doc, toks: list, text: str, end: int) -> bool:
    """A personal name has a proper-noun token, starts with a capital or a particle,
    is not a plural ("Latinos", "Battleground States") and does not end in a title
    ("Charlotte Mayor" before "Jennifer Roberts" is a place plus a title) and has
    no odd characters ("W]e")."""
    first, last = toks[0], toks[-1]
    if not any(t.pos_ == "PROPN" for t in toks):
        return False
    if first.text[:1].islower() and first.lower_ not in _NAME_PARTICLES:
        return False
    if last.tag_ == "NNS" or (len(toks) == 1 and last.tag_ == "NNPS"):
        return False  # "Latinos"; but "Antonio Guterres" may be tagged NNPS too
    if len(toks) > 1 and is_title(last) and end < len(doc) and doc[end].pos_ == "PROPN":
        return False
    if _ODD_CHAR.search(text):
        return False
    return True


_ODD_CHAR = re.compile(r"[^\w\s.'\u2019-]")


def surname(tokens: list[str]) -> str:
    """Last name token, skipping suffixes ("Jr.") and initials."""
    for tok in reversed(tokens):
        if tok.lower().rstrip(".") not in _NAME_SUFFIXES and tok not in ("-", ","):
            return tok
    return tokens[-1]


def _person_like_words(text: str, surnames: set[str], heads: frozenset[str]) -> bool:
    """Two to four capitalised words ending in a surname of the article, no organisation word."""
    words = text.split()
    return 2 <= len(words) <= 4 and words[-1] in surnames and all(
        w[:1].isupper() and w not in heads for w in words)


# Words that only a business has: "shares of Korvan", "Korvan's chief executive".
_FIRM_OWNED = frozenset(("shares", "stock", "stocks", "shareholders", "stockholders", "ceo",
                         "revenue", "revenues", "subsidiary", "subsidiaries"))
_FIRM_OWNED_PAIRS = frozenset((("chief", "executive"), ("chief", "financial")))


def _firms_tagged_people(doc, cands: list[Cand]) -> None:
    """A one-word "person" that the text treats as a business is an organisation
    ("Korvan's shares fell", "shares of Dravida", "Korvan chief executive ..."): the
    small model tags unfamiliar one-word firm names as people, and then "it" and "the
    company" could not mean them.  Not when the word is also part of a person's full
    name in the article or a known given name."""
    full = {w for c in cands if c.label == "PERSON" and c.end - c.start >= 2
            for w in c.text.split()}
    given = lexicon.given_names()
    single = {c.text for c in cands if c.label == "PERSON" and c.end - c.start == 1
              and c.text not in full and c.text not in given}
    if not single:
        return
    firms = {tok.text for tok in doc if tok.text in single and _business_context(doc, tok.i)}
    for c in cands:
        if c.text in firms:
            c.label = "ORG"


def _business_context(doc, at: int) -> bool:
    """"shares of X", "X's shares / chief executive / revenue", "X shares fell", for the
    one-word name at token ``at`` (tagged or not: the tagger often misses it there)."""
    n = len(doc)
    before = [doc[i].lower_ for i in range(max(0, at - 2), at)]
    if before[-2:] in (["shares", "of"], ["stock", "of"], ["shareholders", "of"]):
        return True
    i = at + 1
    if i < n and doc[i].tag_ == "POS":
        i += 1
    nxt = [doc[k].lower_ for k in range(i, min(n, i + 2))]
    return bool(nxt) and (nxt[0] in _FIRM_OWNED or tuple(nxt[:2]) in _FIRM_OWNED_PAIRS)


def _relabel_by_article(cands: list[Cand]) -> None:
    """Give each name one label across the article.

    Order of evidence: a well-known place name tagged GPE/LOC stays a place;
    a span equal to the full name, surname or first name of a person named in
    the article is that person ("Trump's adviser" tagged ORG); a well-known
    place name tagged otherwise becomes GPE, a well-known organisation ORG;
    else the majority label of that name wins (ties go to the first mention's
    label).
    """
    person_names: set[str] = set()
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2:
            words = c.text.split()
            person_names.update((c.text, surname(words), words[0]))
    places = lexicon.places()
    orgs = lexicon.orgs()
    votes: dict[str, Counter] = defaultdict(Counter)
    surnames = {surname(c.text.split()) for c in cands
                if c.label == "PERSON" and c.end - c.start >= 2}
    heads = lexicon.org_heads()
    for c in cands:
        if c.text in places and c.label in ("GPE", "LOC"):
            continue
        if c.text in person_names and c.label != "PERSON" and c.label != "NORP":
            c.label = "PERSON"
        elif c.label in ("ORG", "GPE") and _person_like_words(c.text, surnames, heads):
            c.label = "PERSON"  # "Enrique Peña Nieto" tagged ORG where "Peña Nieto" is a person
        elif c.text in places and c.label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART"):
            c.label = "GPE"
        elif c.text in orgs:
            c.label = "ORG"
    for c in cands:
        votes[c.key()][c.label] += 1
    for c in cands:
        counts = votes[c.key()]
        if len(counts) > 1:
            top = max(counts.values())
            if counts[c.label] < top:
                c.label = next(lbl for lbl, n in counts.items() if n == top)
