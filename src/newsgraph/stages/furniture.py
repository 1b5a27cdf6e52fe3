"""Page furniture: the parts of an article's text that are not news sentences.

Scraped articles carry the page around the story: photo captions and credits
("... (Photo: Name/Station)", "Image 3 of 10 ..."), lists of related headlines
("RELATED: ... | ... | ..."), bylines, share and sign-up lines, contact lines and
copyright footers.  Read as sentences they yield events and quotes that the story
does not report.  This stage finds them once per article and records them as
:class:`~newsgraph.model.Span` ranges on ``analysis.furniture``; the text is never
changed, so every other record keeps its offsets.  Stages that should not read
furniture ask :func:`furniture_of` (which also works on an Analysis built by hand)
or :func:`in_furniture`.

Each piece has a kind (:func:`find` returns them):

- ``caption``: a line holding a photo credit or caption marker (lexicon
  ``credit_patterns``, a ``Photo:``-like label, a trailing ``Name Name/Outlet``
  credit, a gallery counter): the line up to the credit's end, and the rest of the
  line too when the rest is only the credit's tail (no sentence of its own);
- ``list``: a line opened by a link-list label ("Related:", "READ MORE", "WATCH:") or
  by a video's running time ("2:07 Mayor speaks"),
  a line of headlines joined by ``|``, the headline-like lines (short, no
  sentence-final punctuation) that follow a label standing alone;
- ``run``: three or more headline-like lines in a row after the story has begun,
  unless a line ending in ":" introduces them (the story's own list: "Those
  injured:");
- ``boilerplate``: copyright, sign-up, share and "click here" sentences (the first
  sentence of a line opened by one of ``line_openers``, and any sentence holding one
  of ``boilerplate_cues``: a footer glued to a paragraph takes no news with it);
- ``byline`` and ``contact``: "By Name Name", "Posted: <date>", "Contact Name at ...".

A sentence repeated word for word is not furniture: the first telling is news, and
tying later tellings to it is the events' incident linking's job.

All word lists are in ``lexicons/furniture.json``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..model import Span
from ..pipeline import Analysis, stage

ORDER = 25  # after the parse, before every stage that reads sentences

_LEX = json.loads((Path(__file__).parents[1] / "lexicons" / "furniture.json")
                  .read_text(encoding="utf-8"))


def _alternation(items: Iterable[str], escape: bool = True) -> str:
    items = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(i) if escape else i for i in items)


# "RELATED: ...", "Read more | ...", "MORE - ...", "Related Coverage ..." (see _list_label).
_LIST_LABEL = re.compile(
    r"^[\s\-\u2013\u2014\u2022*>|\u00bb\u25ba\u25b6\u25a0\u25cf\u2192]*(?P<label>%s)\b(?P<punct>\s*[:|\u00bb>]|\s+[\-\u2013\u2014]\s|\.{3})?"
    % _alternation(_LEX["list_labels"]), re.IGNORECASE)
_CREDIT_LABEL = re.compile(
    r"^[\s(]*(?:%s)\s*:" % _alternation(_LEX["credit_labels"]), re.IGNORECASE)
_CREDIT = re.compile("|".join(f"(?:{p})" for p in _LEX["credit_patterns"]), re.IGNORECASE)
# "... without incident. Jane Doe/KTVB": a photographer's name and an outlet after a slash,
# closing the line, alone or after the end of a sentence (not inside a title such as
# "... A Smith/Jones Debate").  Case-sensitive: capitalised words on both sides of the slash.
_TRAILING_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"')\]|])\s+)(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*\s?/\s?"
    r"(?:[A-Z][\w.&'-]*)(?:\s+[A-Z0-9][\w.&'-]*){0,4}\)?\s*$")
# a whole word at its end ("Subscribers who lost power ..." is news), "\u00a92016" still one
_OPENER = re.compile(r"^[\s\-\u2013\u2014\u2022*(]*(?:%s)(?:(?<!\w)|(?!\w))" % _alternation(
    _LEX["line_openers"], escape=False), re.IGNORECASE)
_GALLERY = re.compile(r"^(?:%s)\b" % _alternation(_LEX["gallery_openers"], escape=False),
                      re.IGNORECASE)
# "2:07 Mother of toddler speaks out": a video's running time opening a playlist item.
_VIDEO = re.compile(r"^(?:%s)" % _alternation(_LEX["video_openers"], escape=False), re.IGNORECASE)
_CUE = re.compile(r"(?<!\w)(?:%s)(?!\w)" % _alternation(_LEX["boilerplate_cues"], escape=False),
                  re.IGNORECASE)
_CONTACT = re.compile("|".join(f"(?:{p})" for p in _LEX["contact_patterns"]))
_DATELINE = re.compile(r"^(?:%s)\b:?\s*(?:on\s+)?\S*\d" % _alternation(
    _LEX["dateline_openers"]), re.IGNORECASE)
# "By Jane Doe", "By JANE DOE, Staff Writer", "By The Associated Press": capitalised words
# and a few lower-case joiners only ("By Tuesday, police had arrested two men" is news).
# Case-sensitive, and no word can match two ways, so the match is linear (an IGNORECASE
# version let "and"/"the" match both branches and backtracked for minutes).
_BYLINE = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'@-]*(?:[\s,|]+(?:[A-Z][\w.'@-]*|and|&|of|the|for|"
                     r"staff|writer|reporter|editor|correspondent))*\s*$")

_SENTENCE_END = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]\s]*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")

HEADLINE_MAX_WORDS = 20  # a headline-like line: at most this many words ...
RUN_MIN_LINES = 3  # ... and this many of them in a row make a list


@dataclass(frozen=True)
class Piece:
    """One piece of furniture: where it is and what kind it is."""

    span: Span
    kind: str  # caption | list | run | boilerplate | byline | contact


@dataclass
class _Line:
    start: int  # offsets of the stripped line in the text
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def headline_like(self) -> bool:
        """Two to twenty words, not ending like a sentence or a clause (.!?:;,)."""
        n = self.words
        return 2 <= n <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(self.text)

    @property
    def prose(self) -> bool:
        """A line of running text: eight or more words ending like a sentence."""
        return self.words >= 8 and bool(_SENTENCE_END.search(self.text))


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _chunks(line: _Line) -> list[tuple[int, int]]:
    """Sentence-like pieces of a line, as offsets into the text."""
    out, last = [], 0
    for m in _SENTENCE_SPLIT.finditer(line.text):
        out.append((line.start + last, line.start + m.start()))
        last = m.end()
    out.append((line.start + last, line.end))
    return out


def _caption(line: _Line) -> Optional[int]:
    """End offset of the caption part of a line holding a credit, else None."""
    if _GALLERY.search(line.text):
        return line.end
    hits = [*_CREDIT.finditer(line.text), *_CREDIT_LABEL.finditer(line.text),
            *_TRAILING_CREDIT.finditer(line.text)]
    if not hits:
        return None
    m = max(hits, key=lambda h: h.end())  # the last credit: galleries chain several
    tail = line.text[m.end():]
    tail_words = len(_WORD.findall(tail))
    if tail_words <= 6 or not _SENTENCE_END.search(tail):
        return line.end
    return line.start + m.end()


def _list_label(line: _Line) -> Optional[re.Match]:
    """The link-list label opening a line: followed by punctuation, standing alone, in
    capitals ("MORE Man dies ..."), or of two or more capitalised words ("Related
    Coverage ...")."""
    m = _LIST_LABEL.search(line.text)
    if m is None:
        return None
    word = m.group("label")
    rest = line.text[m.end():]
    if len(_WORD.findall(rest)) >= 12 and _SENTENCE_END.search(rest):
        return None  # a label over running text ("UPDATE:"-like): the story itself
    alone = not _WORD.findall(rest)
    if m.group("punct") or alone or (word.isupper() and len(word) > 1) or (
            " " in word and word.istitle()):
        return m
    return None


def on_link_line(text: str, pos: int) -> bool:
    """Whether the line holding character ``pos`` is opened by a link-list label
    ("RELATED: Man hurt in crash, police say") or is a video playlist's item ("1:11 Boy
    hurt in crash, police say Pause"): another article's headline, whose claims are not
    this article's."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    raw = text[start:end if end >= 0 else len(text)]
    stripped = raw.strip()
    if not stripped:
        return False
    line = _Line(start, start + len(stripped), stripped)
    return _list_label(line) is not None or bool(_VIDEO.search(stripped)) and line.headline_like


def _line_kind(line: _Line) -> Optional[str]:
    text = line.text
    if _list_label(line) is not None:
        return "list"
    if _VIDEO.search(text) and line.headline_like:
        return "list"  # a playlist item reads as a headline; a live blog's "10:42 Police
        # said ..." is a sentence
    if line.words <= 12 and _BYLINE.search(text):
        return "byline"
    if _DATELINE.search(text) and line.words <= 15:
        return "byline"
    if _CONTACT.search(text):
        return "contact"
    if " | " in text:
        parts = [p for p in text.split(" | ") if p.strip()]
        if len(parts) >= 2 and all(len(_WORD.findall(p)) <= HEADLINE_MAX_WORDS
                                   and not _SENTENCE_END.search(p) for p in parts):
            return "list"
    return None


def find(text: str) -> list[Piece]:
    """Every piece of furniture in ``text``, in text order, not overlapping."""
    lines = _lines(text)
    marked: dict[int, tuple[int, int, str]] = {}  # line index -> (start, end, kind), whole/part
    extra: list[tuple[int, int, str]] = []  # pieces smaller than a line
    begun = False  # has the story begun (a line of running text seen)?
    run: list[int] = []
    own_list = False
    list_open = False  # a label standing alone opens a list of headline-like lines

    def close_run() -> None:
        if len(run) >= RUN_MIN_LINES:
            for k in run:
                marked.setdefault(k, (lines[k].start, lines[k].end, "run"))
        run.clear()

    for i, line in enumerate(lines):
        if _OPENER.search(line.text):  # "Copyright ...", "Click here ...": its first sentence
            s, e = _chunks(line)[0]
            extra.append((s, e, "boilerplate"))
        kind = _line_kind(line)
        if kind is not None:
            marked[i] = (line.start, line.end, kind)
            label = _list_label(line) if kind == "list" else None
            list_open = label is not None and not _WORD.findall(line.text[label.end():])
            close_run()
            continue
        cap = _caption(line)
        if cap is not None:
            marked[i] = (line.start, cap, "caption")
            close_run()
            continue
        if list_open and line.headline_like:
            marked[i] = (line.start, line.end, "list")
            continue
        list_open = False
        for s, e in _chunks(line):
            if _CUE.search(text[s:e]):
                extra.append((s, e, "boilerplate"))
        if i > 0 and lines[i - 1].text.endswith(":") and not run:
            own_list = True  # "Those injured:" introduces the story's own list
        own_list = own_list and line.headline_like
        if begun and line.headline_like and not own_list:
            run.append(i)
        else:
            close_run()
        begun = begun or line.prose
    close_run()

    merged: list[list] = []
    for s, e, kind in sorted([*marked.values(), *extra]):
        if merged and (s <= merged[-1][1] or (
                merged[-1][2] == kind and not text[merged[-1][1]:s].strip(" "))):
            # overlapping pieces, or pieces of one kind side by side in a line: one piece
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, kind])
    out = [Piece(Span.of(text, s, e), kind) for s, e, kind in merged]
    return [p for p in out if p.span.end > p.span.start]


def furniture_of(analysis: Analysis) -> list[Span]:
    """The furniture spans of an analysed article, found once (also on an Analysis built
    by hand, as the benches do)."""
    if analysis.furniture is None:
        analysis.furniture = [p.span for p in find(analysis.article.text)]
    return analysis.furniture


def in_furniture(spans: list[Span], start: int) -> bool:
    """Whether the character at ``start`` lies in one of ``spans`` (sorted, disjoint)."""
    k = bisect.bisect_right(spans, start, key=lambda s: s.start) - 1
    return k >= 0 and start < spans[k].end


@stage("furniture", version="1.1", requires=("text",), assigns=("furniture",), order=ORDER)
def furniture_stage(analysis: Analysis) -> None:
    analysis.furniture = [p.span for p in find(analysis.article.text)]
