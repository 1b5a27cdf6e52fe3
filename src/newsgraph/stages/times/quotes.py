"""Deictic days inside direct quotes take the date of the speech, not of the article.

"Addressing the nation on Sunday, he said: 'Today we act.'" -- the speaker's
"today" is the Sunday.  When a "today"/"yesterday"/"tomorrow"/"last night" sits
inside double quotes and the sentence that opens the quote names a day outside
the quotes (the speech date), the quoted day is shifted by the difference
between that day and the publication date.  Quote marks are read from the
normalised text, where curly quotes are already straight.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Optional

_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _quote_bounds(norm: str, pos: int) -> Optional[tuple[int, int]]:
    """(open, close) of the double-quoted passage around ``pos`` within its paragraph."""
    para_start = norm.rfind("\n", 0, pos) + 1
    para_end = norm.find("\n", pos)
    para_end = len(norm) if para_end < 0 else para_end
    before = norm.count('"', para_start, pos)
    if before % 2 == 0:
        return None
    open_q = norm.rfind('"', para_start, pos)
    close_q = norm.find('"', pos, para_end)
    return open_q, (close_q if close_q >= 0 else para_end)


def _sentence(doc: Any, pos: int) -> Optional[tuple[int, int]]:
    """Character bounds of the parsed sentence holding ``pos``."""
    if doc is None:
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    return sent.start_char, sent.end_char


def _speech_day(items: list[dict], norm: str, doc: Any, bounds: tuple[int, int],
                day_kinds: set) -> Optional[str]:
    """The day named outside the quote in the sentence(s) the quote opens or closes in."""
    open_q, close_q = bounds
    lo = _sentence(doc, open_q)
    hi = _sentence(doc, max(open_q, close_q - 1))
    if lo is None or hi is None:
        return None
    best, best_gap = None, None
    for item in items:
        if item["kind"] not in day_kinds or not _DAY.fullmatch(item["value"] or ""):
            continue
        if lo[0] <= item["start"] and item["end"] <= open_q:
            gap = open_q - item["end"]
        elif close_q < item["start"] and item["end"] <= hi[1]:
            gap = item["start"] - close_q
        else:
            continue
        if _quote_bounds(norm, item["start"]) is None and (best_gap is None or gap < best_gap):
            best, best_gap = item["value"], gap  # the day nearest the quote dates the speech
    return best


def redate_quoted(items: list[dict], norm: str, doc: Any, anchor: Optional[date],
                  day_kinds: set) -> None:
    """Shift quoted deictic days (kind ``relday``) to the speech date, in place."""
    if anchor is None or '"' not in norm:
        return
    for item in items:
        if item["kind"] != "relday" or not _DAY.match(item["value"] or ""):
            continue
        bounds = _quote_bounds(norm, item["start"])
        if bounds is None:
            continue
        speech = _speech_day(items, norm, doc, bounds, day_kinds)
        if speech is None:
            continue
        delta = date.fromisoformat(speech) - anchor
        if not delta:
            continue
        shifted = date.fromisoformat(item["value"][:10]) + timedelta(days=delta.days)
        item["value"] = shifted.isoformat() + item["value"][10:]
