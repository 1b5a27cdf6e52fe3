"""Colon attributions: ``Name: claim`` headlines and ``SPEAKER: words`` transcript turns.

A line that opens with a name and a colon says what that name said, with the
colon as the cue: a headline ("Jane Doe: Budget Will Pass", "Poll: Doe Leads"),
a headline quoting in single marks ("Jane Doe on the budget: 'We Will Win.'"),
or a turn of a transcript ("DOE: We will pass it.").  Transcripts are often
printed inside one long quotation, which the direct pass reads as a single
quote; each turn is a separate attribution, so a turn replaces any candidate
that runs across its label.
"""

from __future__ import annotations

import re
from collections import Counter

from .direct import Candidate
from .lexicon import FORCE_ACRONYM, police_force_name, speaker_nouns
from .quote_sources import name_run

MIN_CLAIM_WORDS = 3
MIN_TURNS = 2  # a label must open this many lines, and two labels must, to be a transcript

_NAME_COLON = re.compile(r"^[^\S\n]*(?:[A-Z][\w.'\-]*[^\S\n]+){0,3}[A-Z][\w.'\-]*:",
                         re.MULTILINE)
_TURN = re.compile(r"^[^\S\n]*[\"\u201c]?[^\S\n]*([A-Z][A-Z.'\-]+(?:[^\S\n]+[A-Z][A-Z.'\-]+){0,2}):"
                   r"[^\S\n]+(\S[^\n]*?)[^\S\n]*$", re.MULTILINE)
_SINGLE_HEADLINE = re.compile(
    r"^([^\n\"]{2,160}?):[^\S\n]*('[^\W_][^\n\"]*?[^\s]')[^\S\n]*\.?[^\S\n]*$", re.MULTILINE)


def colon_lines(analysis, taken: list[Candidate]) -> list[Candidate]:
    """``taken`` plus every colon attribution; transcript turns replace what they cut across."""
    doc, norm = analysis.doc, analysis.norm
    turns = transcript_turns(doc, norm) + interview_answers(analysis)
    turns += [t for t in named_answers(analysis) if t.cue not in {u.cue for u in turns}]
    if turns:
        labels = [t.cue[0] for t in turns]
        taken = [c for c in taken
                 if not any(c.content[0] < colon < c.content[1] for colon in labels)]
        taken = taken + turns
    colons = {t.cue for t in turns}
    out = [c for c in _name_lines(doc, norm, taken) if c.cue not in colons]  # one per turn
    out += [c for c in source_after_colon(doc, norm)
            if not any(t.cue == c.cue or t.content[0] <= c.cue[0] < t.content[1]
                       for t in taken + out)]
    return taken + out + _single_quoted_headlines(doc, norm, taken + out)


def transcript_turns(doc, norm: str) -> list[Candidate]:
    """``WALLACE: ...`` lines, when at least two upper-case labels each open two lines or more,
    or one label answers two "Q:" lines or more.

    One label alone ("UPDATE:", "EDITOR'S NOTE:") is a section heading, and
    single letters ("Q:", "A:") name nobody (:func:`interview_answers` reads those).
    """
    found = list(_TURN.finditer(norm))
    counts = Counter(m.group(1) for m in found)
    speakers = {label for label, n in counts.items() if n >= MIN_TURNS}
    answering = len(speakers) < 2
    if answering and not (speakers and _questions(norm) >= MIN_TURNS):
        return []  # one label answering "Q:" lines is an interview with one guest
    out = []
    for m in found:
        if m.group(1) not in speakers or answering and not _after_question(norm, m.start()):
            continue  # ("RELATED: ..." twice near a Q&A answers nothing)
        start, end = m.span(2)
        label = doc.char_span(*m.span(1), alignment_mode="expand")
        if label is None or not len(label):
            continue
        out.append(Candidate("indirect", (start, end), (m.end(1), m.end(1) + 1), None,
                             (label.start, label.end), score=0.8))
    return out


_QA = re.compile(r"^[^\S\n]*(Q|A|Question|Answer)[^\S\n]*[:.][^\S\n]+(\S[^\n]*?)[^\S\n]*$",
                 re.MULTILINE)


def _after_question(norm: str, line_start: int) -> bool:
    """Whether the last non-empty line before ``line_start`` is a "Q:" question."""
    before = norm[:line_start].rstrip().rsplit("\n", 1)[-1].strip().lstrip("\"\u201c")
    return before.startswith(("Q:", "Q.", "Question:"))


def _questions(norm: str) -> int:
    """How many lines open with "Q:" or "Question:"."""
    return sum(m.group(1) in ("Q", "Question") for m in _QA.finditer(norm))


def interview_answers(analysis) -> list[Candidate]:
    """A question-and-answer interview ("Q: Why close now?" / "A: I was tired ..."): every
    answer is the words of the person the introduction names first, the one interviewed.
    The questions are the publication's and make no record.  Only with two questions and
    two answers or more, and a person named before the first question."""
    doc, norm = analysis.doc, analysis.norm
    found = list(_QA.finditer(norm))
    answers = [m for m in found if m.group(1) in ("A", "Answer")]
    if len(answers) < MIN_TURNS or len(found) - len(answers) < MIN_TURNS:
        return []
    first = found[0].start()
    mentions = sorted((m.span.start, m.span.end) for e in analysis.entities
                      if e.label == "PERSON" for m in e.mentions if m.span.end <= first)
    person = doc.char_span(*mentions[0], alignment_mode="expand") if mentions else None
    source = (person.start, person.end) if person is not None else _untagged_name(doc, first)
    if source is None:
        return []
    return [Candidate("indirect", m.span(2), (m.end(1), m.end(1) + 1), None, source, score=0.8)
            for m in answers]


_NAMED_TURN = re.compile(r"^[^\S\n]*([A-Z][\w'\-]+(?:[^\S\n]+[A-Z][\w'\-]+){0,2}):"
                         r"[^\S\n]+(\S[^\n]*?)[^\S\n]*$", re.MULTILINE)


def named_answers(analysis) -> list[Candidate]:
    """An interview printed as turns labelled with the guest's name in ordinary case
    ("Vega: Rent doubled."): lines opened by the full name or surname of a person the
    article named before, when that label opens two lines or more.  The label is the
    source; the questions (unlabelled, or "Q:") make no record."""
    doc, norm = analysis.doc, analysis.norm
    names = set()
    for e in analysis.entities:
        if e.label == "PERSON" and len(e.name.split()) >= 2:
            names |= {e.name, e.name.split()[-1]}
    found = [m for m in _NAMED_TURN.finditer(norm) if m.group(1) in names
             and len(m.group(2).split()) >= MIN_CLAIM_WORDS]
    counts = Counter(m.group(1) for m in found)
    out = []
    for m in found:
        label = doc.char_span(*m.span(1), alignment_mode="expand")
        if counts[m.group(1)] < MIN_TURNS or label is None or not len(label):
            continue
        out.append(Candidate("indirect", m.span(2), (m.end(1), m.end(1) + 1), None,
                             (label.start, label.end), score=0.8))
    return out


def _untagged_name(doc, before: int):
    """A name the tagger missed: the first subject of two or three proper nouns before
    character ``before`` with no place or body among them; its token range, or None."""
    for t in doc:
        if t.idx >= before:
            break
        if t.pos_ != "PROPN" or t.dep_ != "nsubj":
            continue
        a, b = name_run(doc, t.i)
        if 2 <= b - a <= 3 and not any(w.ent_type_ in ("GPE", "LOC", "ORG", "FAC", "NORP")
                                       for w in doc[a:b]):
            return a, b
    return None


DOCUMENT_SOURCES = frozenset(("poll", "survey", "study", "report", "audit", "review", "probe",
                              "lawsuit", "memo", "letter", "analysis", "census"))
# Groups that speak unnamed, as a headline credits them ("Police: Man shot outside bar").
GROUP_SOURCES = frozenset(("police", "authorities", "officials", "prosecutors", "investigators",
                           "witnesses", "deputies", "troopers", "firefighters", "experts",
                           "scientists", "researchers", "doctors", "sources", "residents"))


def _speaks(doc, word, body_start: int) -> bool:
    """A headline's lone word before a colon is a source only when it can speak: a person or
    organisation the body names ("Pence: ..."), a speaker noun, a group that speaks unnamed
    ("Police: ...") or a document ("Poll: ...").
    A topic ("Budget: council cuts hours") is no source."""
    low = word.lower_
    if low in DOCUMENT_SOURCES or low in GROUP_SOURCES or low in speaker_nouns() \
            or FORCE_ACRONYM.fullmatch(word.text):  # "NYPD: ...": a police force
        return True
    return any(e.label_ in ("PERSON", "ORG", "NORP") and e.start_char > body_start
               and any(t.lower_ == low for t in e) for e in doc.ents)


def _name_lines(doc, norm: str, taken: list[Candidate]) -> list[Candidate]:
    """``Jane Doe: claim``: a person or organisation, or a headline's single word, then a colon.

    The single word is allowed on the first line only ("Poll: Doe Leads",
    "Smith: ..."): a headline credits its source that way, while in the body
    a lone word before a colon is a heading or a table row ("Total: 46").
    """
    first_line_end = norm.find("\n")
    out = []
    for m in _NAME_COLON.finditer(norm):
        colon = m.end() - 1
        if any(c.content[0] <= colon < c.content[1] for c in taken):
            continue
        span = doc.char_span(m.start(), colon, alignment_mode="expand")
        if span is None or not len(span):
            continue
        named = any(e.label_ in ("PERSON", "ORG") for e in span.ents) \
            and all(t.pos_ in ("PROPN", "PUNCT") for t in span)
        headline_word = (len(span) == 1 and span[0].pos_ in ("PROPN", "NOUN")
                         and span[0].is_title and 0 <= colon < first_line_end
                         and _speaks(doc, span[0], first_line_end))
        if not (named or headline_word):
            continue
        end = norm.find("\n", colon)
        end = len(norm) if end < 0 else end
        rest = norm[colon + 1:end].strip()
        if len(rest.split()) < MIN_CLAIM_WORDS or rest[0].isdigit() and not _has_verb(
                doc, end - len(norm[colon + 1:end].lstrip()), end):
            continue  # "Total: 46 votes"; not "Police: 16-year-old shoots himself"
        if named and _about_itself(span, rest):
            continue  # "Ann Roe: Roe admitted the theft ...": a list entry about her
        kind = "direct" if rest[0] == '"' else "indirect"
        out.append(Candidate(kind, (colon + 1, end), (colon, colon + 1), None,
                             (span[0].i, span[-1].i + 1), score=0.8))
    return out


def _has_verb(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" for t in span)


# "<claim>: <source>" on a headline: "Man Shot Outside Bar: Police", "... Dead: DA's Office"
_SOURCE_AFTER = re.compile(r"^[^\w\n]*(\w[^\n]{10,200}?):[^\S\n]*"
                           r"((?:[A-Z][\w.\-]*(?:['\u2019]s)?[^\S\n]+){0,3}"
                           r"[A-Z][\w.\-]*)[^\S\n]*$")


def source_after_colon(doc, norm: str) -> list[Candidate]:
    """A headline that ends with its source after a colon ("Woman Dead After Crash:
    Police", "Charges Filed: DA's Office"): the words before the colon are the claim, the
    capitalised words after it the source, when they can speak (a police force, a body's
    office, a group or a document: :func:`_speaks_after`)."""
    end = norm.find("\n")
    end = len(norm) if end < 0 else end
    m = _SOURCE_AFTER.match(norm[:end])
    if m is None or len(m.group(1).split()) < MIN_CLAIM_WORDS:
        return []
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or not _speaks_after(span):
        return []
    colon = m.end(1)
    return [Candidate("indirect", (m.start(1), colon), (colon, colon + 1), None,
                      (span[0].i, span[-1].i + 1), score=0.8)]


def _speaks_after(span) -> bool:
    last = span[-1].lower_
    return police_force_name(span.text) or last in GROUP_SOURCES or last in DOCUMENT_SOURCES \
        or last in ("office", "department", "sheriff", "coroner", "officials", "spokesman",
                    "spokeswoman", "spokesperson") \
        or any(e.label_ in ("PERSON", "ORG") and e.start_char >= span.start_char for e in span.ents)


def _about_itself(label, rest: str) -> bool:
    """The words after a name's colon open with that name, or a pronoun, in the third
    person: an entry of a list of people ("Branden Cole: Cole admitted to ...", "Ann Roe:
    She was sentenced ..."), not what the name said."""
    first = rest.lstrip("\"' ").split(" ", 1)[0].strip(",.")
    return first in {t.text for t in label if t.pos_ == "PROPN"} or first in (
        "He", "She", "They", "His", "Her", "Their")


def _single_quoted_headlines(doc, norm: str, taken: list[Candidate]) -> list[Candidate]:
    """``Jane Doe on the budget: 'We Will Not Cut Schools.'``: a headline quoting in single
    marks after a colon; the first person or organisation named before the colon said it."""
    out = []
    for m in _SINGLE_HEADLINE.finditer(norm):
        start, end = m.span(2)
        if any(c.content[0] < end and start < c.content[1] for c in taken):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        names = [(e.start, e.end) for e in span.ents if e.label_ in ("PERSON", "ORG")]
        names += [name_run(doc, t.i) for t in span if t.pos_ == "PROPN"]
        if not names and len(span) <= 3 and all(t.text[:1].isupper() for t in span):
            names.append((span.start, span.end))  # "Reid:": a bare name the tagger missed
        src = names[0] if names else None
        out.append(Candidate("direct", (start, end), (m.end(1), m.end(1) + 1), None, src,
                             score=0.8, parts=[(start, end)]))
    return out
