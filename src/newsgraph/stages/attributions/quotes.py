"""Find quoted stretches in the normalised text, whatever marks were typed.

``analysis.norm`` has every curly, guillemet or doubled-apostrophe quote
already turned into a straight ``"`` at the same offset, so one pass over the
``"`` characters suffices.  Quotes are paired within a paragraph; an opening
mark that is never closed runs to the end of its paragraph, and when the next
paragraph opens with a mark too the two are chained: that is the news
convention for a quote running over several paragraphs (each paragraph
re-opens the mark, only the last one closes it).

Marks typed the wrong way round (a closing mark where an opening one belongs,
as in ``decision,”Removing``) are harmless: after normalisation both are
``"``, and pairing is by order, not by shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


@dataclass
class Quote:
    """One quoted stretch: ``start`` at the opening mark, ``end`` after the closing one."""

    start: int
    end: int
    closed: bool
    para: int  # index of the paragraph the quote opens in
    words: int
    last_para: int = -1  # index of the paragraph it ends in (differs when chained)

    def __post_init__(self) -> None:
        if self.last_para < 0:
            self.last_para = self.para

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


OPENERS = frozenset("\u201c\u201e\u00ab")
CLOSERS = frozenset("\u201d\u00bb")


def find_quotes(norm: str, original: str | None = None) -> list[Quote]:
    """All quoted stretches of ``norm``, in text order, multi-paragraph quotes chained.

    With the ``original`` text, the shape of curly marks disambiguates nesting:
    a straight quote holding a curly one (``"He read: \u201cA.\u201d Then B."``)
    stays one quote.
    """
    quotes: list[Quote] = []
    lines = paragraph_spans(norm)
    p_index = 0
    while p_index < len(lines):
        start, end = lines[p_index]
        last = p_index
        while True:
            run = _quote_runs_on(norm, lines, last, original)
            if not run:
                break
            last = run
            end = lines[last][1]
        found = _paragraph_quotes(norm, original, start, end, p_index)
        for q in found:
            q.last_para = p_index + norm.count("\n", start, q.end - 1)
        quotes.extend(found)
        p_index = last + 1
    return _chain_paragraphs(norm, quotes)


MAX_RUN_ON_LINES = 12  # a spoken answer printed one sentence per line runs to ten


def _quote_runs_on(norm: str, lines: list[tuple[int, int]], i: int,
                   original: str | None = None) -> int:
    """Index of the line that closes a quote left open on line ``i``, or 0.

    Text broken one sentence per line (wire feeds, some corpora) opens a quote on one
    line and closes it a few lines down, with no mark reopening it: that is one quote,
    not a new paragraph.  Line ``i`` must hold an odd number of marks; the lines after
    it, joined by single line breaks, hold none until one holds an odd number and does
    not open with a mark, within :data:`MAX_RUN_ON_LINES`.  When that line opens with a
    mark instead, it re-opens the quote: the lines before it still belong to the quote (the
    index of the last of them is returned) and the chaining joins the two.

    Across blank lines (real paragraphs) the same run is taken only when the mark that
    ends it is typed as a closing one (a statement printed in paragraphs that never
    re-open the mark, closed at the end of the last): a straight mark there may as well
    open a new quote."""
    if norm.count('"', *lines[i]) % 2 == 0:
        return 0
    paragraphs = False  # a blank line crossed so far
    for j in range(i + 1, min(len(lines), i + 1 + MAX_RUN_ON_LINES)):
        paragraphs = paragraphs or norm[lines[j - 1][1]:lines[j][0]] != "\n"
        if paragraphs and original is None:
            return 0
        line = norm[lines[j][0]:lines[j][1]]
        marks = line.count('"')
        if marks == 0:
            continue
        if line.lstrip().startswith('"'):
            # the mark re-opens the quote, as a new paragraph of it would: the lines
            # before are still inside it, and the chaining joins the two
            return j - 1 if j - 1 > i and not paragraphs else 0
        if paragraphs and original[norm.index('"', lines[j][0])] not in CLOSERS:
            return 0
        return j if marks % 2 == 1 else 0
    return 0


def _pairs_by_order(marks: list[int]) -> tuple[list[tuple[int, int]], int | None]:
    pairs = [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
    return pairs, (marks[-1] if len(marks) % 2 else None)


def _pairs_by_shape(marks: list[int], original: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks allowing one level of nesting signalled by curly shapes."""
    pairs, open_at, depth = [], None, 0
    for i in marks:
        ch = original[i]
        if open_at is None:
            open_at, depth = i, 0  # any shape opens, even a mistyped closing mark
        elif ch in OPENERS and original[open_at] not in OPENERS | CLOSERS:
            depth += 1  # a curly quote inside a straight one
        elif depth and ch in CLOSERS:
            depth -= 1
        else:
            pairs.append((open_at, i))
            open_at, depth = None, 0
    return pairs, open_at


def _paragraph_quotes(norm: str, original: str | None, start: int, end: int, para: int
                      ) -> list[Quote]:
    """Pair the marks of one paragraph; a lone last mark runs to the end."""
    marks = []
    i = norm.find('"', start, end)
    while i >= 0:
        marks.append(i)
        i = norm.find('"', i + 1, end)
    pairs, lone = _pairs_by_order(marks)
    if original is not None and any(original[i] in OPENERS for i in marks) \
            and any(original[i] == '"' for i in marks):
        shaped, shaped_lone = _pairs_by_shape(marks, original)
        if shaped_lone is None or lone is not None:
            pairs, lone = shaped, shaped_lone
    out = []
    for a, b in pairs:
        out.append(Quote(a, b + 1, True, para, count_words(norm, a, b + 1)))
    if lone is not None:
        a = lone
        e = _single_close(norm, a, end)
        while e > a + 1 and norm[e - 1].isspace():
            e -= 1
        if count_words(norm, a, e) >= 1:
            out.append(Quote(a, e, norm[e - 1] == "'", para, count_words(norm, a, e)))
    return out


_SINGLE_CLOSE = re.compile(r"(?<=[.!?,])'(?=\s|$)")


def _single_close(norm: str, start: int, end: int) -> int:
    """End of an opened quote closed by a mistyped single mark (``"Let's go.'``), else ``end``."""
    m = _SINGLE_CLOSE.search(norm, start + 1, end)
    return m.end() if m else end


def _chain_paragraphs(norm: str, quotes: list[Quote]) -> list[Quote]:
    """Join an unclosed quote with the quote that opens the next paragraph."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (prev is not None and not prev.closed and q.para == prev.last_para + 1
                and norm[prev.end:q.start].strip() == ""):
            out[-1] = Quote(prev.start, q.end, q.closed, prev.para, prev.words + q.words, q.para)
            continue
        out.append(q)
    return out


def paragraph_spans(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: the paragraphs quotes are paired within."""
    return [(m.start(), m.end()) for m in _PARA.finditer(norm)]


def count_words(norm: str, start: int, end: int) -> int:
    return len(_WORD.findall(norm, start, end))


def content_kind(norm: str, start: int, end: int) -> str:
    """direct when the content is one quote, mixed when it holds one, else indirect."""
    text = norm[start:end]
    if '"' not in text:
        return "indirect"
    stripped = text.strip().rstrip(".,")
    if stripped.startswith('"') and stripped.count('"') == 2 and stripped.endswith('"'):
        return "direct"
    return "mixed"
