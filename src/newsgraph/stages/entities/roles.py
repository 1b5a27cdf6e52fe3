"""Titles and roles of a person, read from the words around the name.

Three patterns cover most of news style:

* a title before the name: "Ukrainian President Volodymyr Zelenskiy",
  "President-elect Donald Trump", "Trump's foreign policy adviser Richard
  Grenell" (a run of modifiers ending in a title word right before the name);
* an appositive after the name: "Mike Turner, Chair of the House Intelligence
  Committee," / "Vladimir Dzhabarov, a senior figure in Russia's Federation
  Council,";
* an appositive before the name: "Poland's foreign minister, Radoslaw
  Sikorski," / "A senior fellow at the Atlantic Council, Alex Plitsas,".

A role must contain a title word from ``lexicons/titles.txt``.  Appositives
are accepted when the parser links them (dep ``appos``) or, failing that, when
the surface form is unambiguous (closed by a comma and followed by a verb, or
by the end of the sentence).
Everything here looks only at a few tokens around each name.
"""

from __future__ import annotations

from .candidates import is_honorific, is_title

MAX_ROLE_TOKENS = 16
_PREFIX_MAX = 8
_PREFIX_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_PREFIX_ENTS = frozenset({"", "NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})
_CLAUSE_POS = frozenset({"VERB", "AUX", "SCONJ"})
_STOP_PUNCT = frozenset({",", ";", ":", "(", ")", '"', ".", "!", "?", "--", "\u2013", "\u2014"})
_TIME_MODIFIERS = frozenset({"former", "then", "ex", "onetime", "one-time", "late", "outgoing",
                             "incoming", "acting", "interim"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
_LEADING_SKIP = frozenset({"ADP", "CCONJ", "ADV", "PUNCT"})


_TITLE_SUFFIXES = frozenset({"elect", "designate", "nominee"})


def _title_tok(tok) -> bool:
    """A title word, or the "elect" of "President-elect"."""
    return is_title(tok) or (tok.lower_ in _TITLE_SUFFIXES and tok.i > 0
                             and tok.nbor(-1).text == "-")


def _of_title(doc, i: int, sent_start: int) -> int | None:
    """Index of the title word of "chief of staff" / "Secretary of the Navy" ending at ``i``."""
    for k in range(i, max(i - 4, sent_start), -1):
        tok = doc[k]
        if tok.lower_ == "of":
            head = k - 1
            if all(doc[x].lower_ == "the" for x in range(k + 1, i + 1)):
                return None  # "figure of Lincoln", "member of the Kennedy clan": no title object
            if head >= sent_start and _title_tok(doc[head]) and all(
                    doc[x].pos_ in _PREFIX_POS or doc[x].lower_ == "the"
                    for x in range(k + 1, i + 1)):
                return head
            return None
        if tok.pos_ not in _PREFIX_POS and tok.lower_ != "the":
            return None
    return None


def prefix_role(doc, name_start: int, title_start: int, sent_start: int) -> tuple[int, int] | None:
    """Token range of a title written right before the name, or None.

    ``title_start`` < ``name_start`` when spaCy put the title inside the
    PERSON span; the title then extends further left over the same kind of
    words ("Ukrainian" + "President Zelenskiy").
    """
    end = name_start
    i = title_start - 1 if title_start < name_start else name_start - 1
    if title_start == name_start:
        if i < sent_start:
            return None
        if is_honorific(doc[i]):  # "Mr. Smith": a form of address, not a role
            return None
        if not _title_tok(doc[i]):
            head = _of_title(doc, i, sent_start)
            if head is None:
                return None
            i = head
    # strip honorifics between title and name ("Senator Dr. X" is rare; "Dr." alone is not a role)
    while end > title_start and is_honorific(doc[end - 1]):
        end -= 1
    start = i + 1
    j = i
    while j >= sent_start and name_start - j <= _PREFIX_MAX:
        tok = doc[j]
        if tok.is_lower and tok.pos_ == "NOUN" and j + 1 < end and doc[j + 1].is_title \
                and not _title_tok(tok):
            break  # "the network President Putin formed": "network" does not modify the title
        if _title_tok(tok) or tok.text == "-" or tok.tag_ == "POS" or (
                tok.pos_ in _PREFIX_POS and tok.ent_type_ in _PREFIX_ENTS
                and not tok.is_punct and tok.text[:1].isalpha()):
            start = j
            j -= 1
        else:
            break
        if tok.lower_ in _TIME_MODIFIERS and not (j >= sent_start and doc[j].tag_ == "POS"):
            break  # "former" opens the title unless a possessor precedes ("Clinton's former aide")
    while start < end and (doc[start].tag_ == "POS" or doc[start].text == "-"):
        start += 1
    if start >= end or not any(_title_tok(doc[k]) for k in range(start, end)):
        return None
    return start, end


def _appos_linked(doc, name_start: int, name_end: int, r_start: int, r_end: int) -> bool:
    """True when the parser attaches the role and the name as appositives."""
    for k in range(r_start, r_end):
        tok = doc[k]
        if tok.dep_ == "appos" and name_start <= tok.head.i < name_end:
            return True
    for k in range(name_start, name_end):
        tok = doc[k]
        if tok.dep_ == "appos" and r_start <= tok.head.i < r_end:
            return True
    return False


def _role_ok(doc, r_start: int, r_end: int) -> bool:
    """A role phrase: short, not starting with a preposition, holding a title word."""
    if r_end - r_start < 1 or r_end - r_start > MAX_ROLE_TOKENS:
        return False
    if doc[r_start].pos_ in _LEADING_SKIP or doc[r_start].like_num:
        return False
    return any(_title_tok(doc[k]) and doc[k].ent_type_ != "PERSON" for k in range(r_start, r_end))


def appositive_after(doc, name_start: int, name_end: int, sent_end: int) -> tuple[int, int] | None:
    """Token range of "Name, ROLE," or None."""
    if name_end >= sent_end or doc[name_end].text != ",":
        return None
    r_start = name_end + 1
    if r_start + 1 < sent_end and doc[r_start].like_num and doc[r_start + 1].text == ",":
        r_start += 2  # "John Harlan, 45, a farmer from Iowa,": skip the age
    k = r_start
    while k < sent_end and k - r_start <= MAX_ROLE_TOKENS:
        tok = doc[k]
        if tok.text in _STOP_PUNCT:
            break
        if tok.pos_ in _CLAUSE_POS or tok.tag_ == "WP" or (
                tok.pos_ == "PRON" and tok.tag_ != "PRP$"):
            return None
        k += 1
    if not _role_ok(doc, r_start, k):
        return None
    if _appos_linked(doc, name_start, name_end, r_start, k):
        return r_start, k
    closed = k < sent_end and doc[k].text == "," and k + 1 < sent_end \
        and doc[k + 1].pos_ in ("VERB", "AUX")
    # "..., said John Kirby, the White House spokesman." ends the sentence
    final = k < sent_end and doc[k].text in (".", "!", "?") and all(
        t.is_punct for t in doc[k:sent_end])
    return (r_start, k) if (closed or final) else None


def _head_np_start(doc, lo: int, hi: int) -> int:
    """Start of the noun phrase around the first title word in ``[lo, hi)``.

    "discussions with the museum's director" -> "the museum's director";
    "A senior fellow at the Atlantic Council" stays whole (its first title
    word, "fellow", is in the first noun phrase)."""
    first = next((k for k in range(lo, hi) if _title_tok(doc[k])), None)
    if first is None:
        return lo
    k = first
    while k - 1 >= lo and (doc[k - 1].pos_ in _NP_POS or doc[k - 1].text == "-"
                           or doc[k - 1].tag_ in ("POS", "PRP$")):
        k -= 1
    return k


def appositive_before(doc, name_start: int, name_end: int, sent_start: int
                      ) -> tuple[int, int] | None:
    """Token range of "ROLE, Name" or None."""
    comma = name_start - 1
    if comma <= sent_start or doc[comma].text != ",":
        return None
    k = comma - 1
    while k >= sent_start and comma - k <= MAX_ROLE_TOKENS:
        tok = doc[k]
        if tok.text in _STOP_PUNCT or tok.pos_ in _CLAUSE_POS or tok.pos_ == "CCONJ":
            break
        if tok.pos_ == "PRON":
            if tok.tag_ == "PRP$":  # "his chief of staff, ..."
                k -= 1
            break
        k -= 1
    r_start, r_end = k + 1, comma
    at_sentence_start = r_start == sent_start
    r_start = _head_np_start(doc, r_start, r_end)
    if not _role_ok(doc, r_start, r_end):
        return None
    if _appos_linked(doc, name_start, name_end, r_start, r_end):
        return r_start, r_end
    after = doc[name_end] if name_end < len(doc) else None
    closed = after is not None and after.text == "," and name_end + 1 < len(doc) \
        and doc[name_end + 1].pos_ in ("VERB", "AUX")
    return (r_start, r_end) if (closed and at_sentence_start) else None
