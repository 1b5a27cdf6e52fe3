"""Headlines, captions and section heads: lines where the tagger guesses.

In a title-case line ("Veto Power Impedes Peace Efforts") the small model
tags most capitalised words as names.  The candidates step keeps a name found
in such a line only when the body of the article confirms it.
"""

from __future__ import annotations

import bisect
import re

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_HEAD_MAX_WORDS = 20
# Words title case leaves lowercase; every other word of a headline is capitalised.
_HEAD_SMALL = frozenset("a an the and but or nor for yet so of in on at to by up as via per vs "
                        "with from into onto over than off out".split())


def headline_ranges(text: str, doc) -> list[tuple[int, int]]:
    """Character ranges of title-case headlines, captions and section heads.

    A line, or a line's lead-in before ":" ("Veto Power Impedes Peace Efforts:
    ..."), in which every word but the small function words is capitalised;
    running prose always has a lowercase verb or noun.  The small model tags
    most capitalised words of such lines as names.  A line made only of short
    names ("Kathryn Kates, New York" under a letter) is not a headline: it
    needs a capitalised word outside the tagged names, or a long tagged span.
    """
    out = []
    ents = [(e.start_char, e.end_char, e.text.count(" ") + 1) for e in doc.ents]
    ent_ends = [e for _, e, _ in ents]
    for m in _LINE.finditer(text):
        line = m.group()
        colon = line.find(": ")
        for seg_end in ((len(line), colon) if colon > 0 else (len(line),)):
            words = _WORD.findall(line[:seg_end])
            content = [w for w in words if w.lower() not in _HEAD_SMALL]
            if 2 <= len(words) <= _HEAD_MAX_WORDS and len(content) >= 2 and \
                    all(w[0].isupper() for w in content) and \
                    _not_just_names(line[:seg_end], m.start(), ents, ent_ends):
                out.append((m.start(), m.start() + seg_end))
                break
    return out


_LINE_END = tuple('.?!:;"\u201d\'')


def sentence_case_openers(text: str) -> set[int]:
    """Where the first word of a headline in sentence case starts ("Chipmaker warns on
    orders as rival gains"): a short line with no closing punctuation.  Its first word is
    capitalised by its place, so a one-word name there needs the body's confirmation as
    much as one in a title-case line."""
    out = set()
    for m in _LINE.finditer(text):
        line = m.group().rstrip()
        words = _WORD.findall(line)
        if 2 <= len(words) <= _HEAD_MAX_WORDS and not line.endswith(_LINE_END):
            first = _WORD.search(line)
            if first is not None and first.start() == len(line) - len(line.lstrip()):
                out.add(m.start() + first.start())
    return out


def _not_just_names(segment: str, offset: int, ents: list[tuple[int, int, int]],
                    ent_ends: list[int]) -> bool:
    """True when a title-case segment has a content word outside every entity, or a long entity.

    ``ents`` are in text order and do not overlap, so the ones touching the
    segment are found by binary search."""
    inside = []
    for k in range(bisect.bisect_right(ent_ends, offset), len(ents)):
        if ents[k][0] >= offset + len(segment):
            break
        inside.append(ents[k])
    if any(n >= 4 for _, _, n in inside):
        return True
    for w in _WORD.finditer(segment):
        if w.group().lower() in _HEAD_SMALL or len(w.group()) < 3:
            continue
        pos = offset + w.start()
        if not any(s <= pos < e for s, e, _ in inside):
            return True
    return False


def inside(ranges: list[tuple[int, int]], char: int) -> bool:
    """Is ``char`` inside one of the sorted, disjoint ``ranges``?"""
    k = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= char < ranges[k][1]
