"""The context a normaliser consults, and the helpers shared by all handlers.

A handler reads the regex match plus a :class:`Context`: the text, the parse
(for tense and part of speech), the anchor date and what the story has said so
far (the last reported quarter, the last explicit date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any, Optional

from .lexicon import lexicon, number_value
from .tense import FUTURE, PAST, clause_tense, cue_tense

REL_SHIFT = {"this": 0, "current": 0, "latest": -1, "same": 0, "that": 0, "last": -1, "past": -1,
              "previous": -1, "the previous": -1, "this past": -1, "next": 1, "coming": 1,
              "following": 1, "the following": 1, "this coming": 1}


UNIT_CODE = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "E",
              "century": "C", "fiscal year": "Y", "quarter": "Q"}


TIME_UNITS = {"TS": "S", "TM": "M", "TH": "H"}


# A photo credit: "(AP Photo/Jane Roe)", "Photo: Jane Roe / The Courier", "Photo by Jane Roe",
# "(Photo: ...)", "/ Getty Images", "(Jane Roe/AP)", "Image 3 of 12" (a gallery's counter)
_CREDIT = re.compile(r"\((?:AP|Reuters|AFP|Getty|[A-Z][\w.]*)?\s*Photo\b|\bPhoto(?:graph)?\s*(?:by\b|:|credit\b)"
                     r"|/\s*(?:Getty Images|AP Photo)\b|/\s*(?:AP|Reuters|AFP|EPA|Getty)\)"
                     r"|\bImage \d+ of /? ?\d+\b")
CAPTION_REACH = (150, 250)  # characters before and after an expression a credit may stand


def in_caption(text: str, start: int) -> bool:
    """Whether the expression at ``start`` is in a photo caption: a photo credit stands near
    it on the same line (a caption is credited right before or after its words)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - CAPTION_REACH[0])
    nl = text.find("\n", start)
    hi = min(len(text) if nl < 0 else nl, start + CAPTION_REACH[1])
    return bool(_CREDIT.search(text, lo, hi))


_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_CLOSED = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]\s]*$")
HEADLINE_WORDS = (2, 20)
HEADLINE_CHARS = 300  # twenty long words at most


def headline_like(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` reads as a headline: two to twenty words, nothing closing
    it as a sentence (a caption scraped without its credit looks the same)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if end - start > HEADLINE_CHARS:
        return False  # a paragraph, not a headline (and no word count over a whole document)
    line = text[start:end].strip()
    words = len(_WORD.findall(line))
    return HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not _CLOSED.search(line)


_STAMP_WORD = re.compile(r"[A-Za-z]{3,}")  # words, not clock digits; "PM", "EDT" aside


def caption_like(text: str, start: int, end: Optional[int] = None) -> bool:
    """A line whose dates must not become the story's reference and are seen from the
    publication: a credited caption or a headline-like line (a photo's date is not the
    story's, and a headline is written on the day it is published). A line that is little
    more than the expression [start, end) ("Posted: 09/21/2015 4:25 PM") is a date stamp,
    which dates the story itself."""
    if in_caption(text, start):
        return True
    if not headline_like(text, start):
        return False
    if end is None:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + " " + text[end:len(text) if line_end < 0 else line_end]
    return len([w for w in _STAMP_WORD.findall(rest) if not (w.isupper() and len(w) <= 4)]) > 3


NARRATIVE_REACH = 800  # characters: about two paragraphs of news


SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60),
            "TM": ("TS", 60), "E": ("Y", 10), "Q": ("M", 3)}


@lru_cache(maxsize=1)
def _incident_regexes() -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(re.escape(w) for w in lexicon()["incident_nouns"])
    return (re.compile(rf"\b(?:{words})\s+(?:on\s+|in\s+|early\s+|late\s+)?$", re.I),
            re.compile(rf"^(?:['\u2019]s\s+(?:\w+\s+)?|\s+)(?:{words})\b", re.I))


def _after_incident(text: str, start: int, end: int) -> bool:
    """'the shooting Saturday night', 'a crash on Monday', "Sunday's shooting", "the Friday
    robbery": the day of an incident the story reports, which has happened (see the
    lexicon's incident_nouns)."""
    before, after = _incident_regexes()
    return bool(before.search(text[max(0, start - 30):start])
                or after.match(text[end:end + 30]))


def _in_incident_phrase(doc, start: int) -> bool:
    """'the fatal shootings of four people in a home Thursday night': an incident noun
    heads the words before the day, with no verb or punctuation between (within 12 words)."""
    if doc is None:
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    nouns = lexicon()["incident_nouns"]
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 12) - 1, -1):
        prev = doc[i]
        if prev.pos_ in ("VERB", "AUX") and not (prev.dep_ == "acl" and prev.tag_ == "VBG") \
                or prev.is_punct and prev.tag_ != "HYPH":
            return False  # a hyphen stays inside ("a 13-year-old girl"), as does "a shooting
            # involving a child": a participle that only describes the noun
        if prev.lower_ in nouns and prev.pos_ == "NOUN" and prev.dep_ != "compound":
            return True
    return False


def incident_day(text: str, doc, start: int, end: int) -> bool:
    """Whether the expression at [start, end) dates an incident the story reports."""
    return _after_incident(text, start, end) or _in_incident_phrase(doc, start)


@dataclass
class Context:
    """What the handlers may consult besides the match itself."""

    text: str
    doc: Any
    anchor: Optional[date]
    last_quarter: Optional[tuple[int, int, int]] = None  # (year, quarter, char position)
    refs: dict = field(default_factory=dict)
    resolving: bool = False  # False while candidates are chosen, True while values are set

    def narrative_ref(self, start: int) -> Optional[str]:
        """The date the story is telling about, when it is not the publication's: the last
        explicit date of month precision or finer ("December 2023", "Dec. 20, 2023") within
        about two paragraphs before ``start``, in a year before the anchor's. A date without
        a year in a past clause belongs to that year ("On Dec. 27 they broke in").
        A bare year ("founded in 2015") is too weak a sign and is not used."""
        ref, at = self.refs.get("date"), self.refs.get("date_at", -1)
        if not self.refs.get("date_scene") or caption_like(self.text, start):
            return None
        if not ref or len(ref) < 7 or not ref[5:7].isdigit() or start - at > NARRATIVE_REACH:
            return None
        if self.anchor is None or int(ref[:4]) >= self.anchor.year:
            return None
        if self.tense(start, start + 1) == FUTURE or self._present_clause(start):
            return None  # "Sentencing is set for Feb. 14": scheduled from the publication
        return ref

    def _present_clause(self, start: int) -> bool:
        """Whether the sentence around ``start`` is in the present or modal ("is set for",
        "will", "can"): what it dates is seen from the publication, not the story's past."""
        tok = self.token(start)
        if tok is None:
            return False
        root = tok.sent.root
        verbs = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        return any(v.tag_ in ("VBZ", "VBP", "MD") for v in verbs)

    def sets_scene(self, start: int, end: int) -> bool:
        """Whether the date at [start, end) says when something happened ("in December
        2023", "on Dec. 20, 2023, police ...") rather than naming a thing ("the August 1988
        cease-fire"): the head of its words modifies a verb, not a noun."""
        if self.doc is None:
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        root = span.root
        return root.dep_ not in ("compound", "nmod", "amod", "poss", "appos")

    def in_background(self, start: int, end: int) -> bool:
        """Whether the date at [start, end) dates a description of something rather than the
        story's line: it names a thing ("the 2008 crisis") or sits in a clause that describes
        a noun ("The company, founded in 1980, said ...", "a mill that closed in 1975")."""
        if not self.sets_scene(start, end):
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand") if self.doc is not None else None
        if span is None or not len(span):
            return False
        return any(t.dep_ in ("acl", "relcl", "appos") for t in span.root.ancestors)

    def tense(self, start: int, end: int):
        """Direction of the expression: a preposition cue first, then the clause's tense."""
        cue = cue_tense(self.text, start)
        if cue:
            return cue
        if incident_day(self.text, self.doc, start, end):
            return PAST
        return clause_tense(self.doc, start, end, caption=in_caption(self.text, start)
                            or headline_like(self.text, start))

    def token(self, start: int):
        """The parse token covering character ``start`` (None without a parse)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def token_tag(self, start: int) -> str:
        """The fine POS tag of the token starting at ``start`` ('' without a parse)."""
        tok = self.token(start)
        return tok.tag_ if tok is not None else ""

    def next_tag(self, end: int) -> str:
        """The fine POS tag of the first token after ``end``."""
        if self.doc is None:
            return ""
        span = self.doc.char_span(end, end + 1, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        tok = span[0]
        if tok.idx < end and tok.i + 1 < len(self.doc):
            tok = self.doc[tok.i + 1]
        return tok.tag_ if tok.idx >= end else ""


def month_number(name: str) -> int:
    return lexicon()["months"][name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    low = name.lower()
    return lexicon()["weekdays"].get(low) or lexicon()["weekday_abbreviations"][low]


def dom_number(s: str) -> int:
    m = re.match(r"\d+", s)
    if m:
        return int(m.group())
    return lexicon()["ordinals"].get(re.sub(r"[\s-]+", "-", s.lower()), 0)  # "twenty second"


def unit_code(unit: str) -> str:
    u = unit.lower()
    u = lexicon()["unit_plurals"].get(u, u)
    if u.endswith("s") and u[:-1] in lexicon()["units"]:
        u = u[:-1]
    return lexicon()["units"][u]


def duration_value(n: Optional[float], unit: str) -> str:
    """TimeML duration: P2M, PT5H, P2Y6M for 2.5 years; PXY when the number is fuzzy."""
    code = unit_code(unit) if not re.fullmatch(r"[A-Z0-9]+", unit) else unit
    if code == "2W":
        code, n = "W", (n * 2 if n is not None else None)
    if code == "E" and n is not None:
        code, n = "Y", n * 10
    if code == "C" and n is not None:
        code, n = "Y", n * 100
    if code == "L":
        code, n = "Y", (n * 1000 if n is not None else None)
    t = "T" if code in TIME_UNITS else ""
    letter = TIME_UNITS.get(code, code)
    if n is None:
        return f"P{t}X{letter}"
    whole = int(n)
    if n != whole and code in SMALLER:
        small, k = SMALLER[code]
        rest = round((n - whole) * k)
        st = "T" if small in TIME_UNITS and not t else ""
        head = f"{whole}{letter}" if whole else ""
        return f"P{t}{head}{st}{rest}{TIME_UNITS.get(small, small)}"
    return f"P{t}{whole if n == whole else n}{letter}"


def year_value(s: str, anchor: Optional[date]) -> int:
    s = s.strip("'")
    if len(s) == 2:
        century = (anchor.year // 100 * 100) if anchor else 1900
        y = century + int(s)
        return y - 100 if anchor and y > anchor.year + 20 else y
    return int(s)


def year_number(s: str) -> int:
    """A year in digits or spoken words ("nineteen ninety-six")."""
    if s[:1].isdigit():
        return int(s)
    head, _, rest = re.sub(r"\s+", " ", s.lower()).replace("-", " ").partition(" ")
    return (19 if head == "nineteen" else 20) * 100 + int(number_value(rest) or 0)


def capitalised(text: str) -> bool:
    return text[:1].isupper()


def context_quarter(ctx: Context, pos: int) -> Optional[tuple[int, int]]:
    """The reported quarter the story is about, if mentioned within the last 1500 characters.

    Each reference to it ("the year-ago period", "the latest quarter") keeps it alive, so a
    long earnings story still compares against the same quarter at its end.
    """
    if ctx.last_quarter and pos - ctx.last_quarter[2] < 1500:
        y, q = ctx.last_quarter[0], ctx.last_quarter[1]
        ctx.last_quarter = (y, q, max(pos, ctx.last_quarter[2]))
        return y, q
    return None
