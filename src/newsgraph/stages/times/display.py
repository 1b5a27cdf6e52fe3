"""Display lines: headlines and photo captions, where news grammar tells no tense.

A headline or a caption says "Storm knocks out power Thursday", "Police say man shot
Friday", "Neighbours gather outside the home Tuesday": the simple present of a line set
apart from the story is the headline's past or the scene of a photo already taken, not the
body's news present for a plan ("The council meets Tuesday"). Such a line repeats a day the
story tells, so a weekday in it takes the date of the same weekday told in the story with a
tense of its own; with none, a headline's simple present is past, like a caption's.

A display line is a headline-like line (two to twenty words, nothing closing it as a
sentence: captions scraped without their credit look the same), a line holding a photo
credit (:func:`.context.in_caption`), or the first line of a text when more follow (the
caption or headline a page opens with). Their dates are seen from the publication, and
they set no reference for the story's "the next day" or "the year before": a caption
dates a photo, not the story's events.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .context import headline_like, in_caption, incident_day
from .tense import FUTURE, PAST, PERFECT, UNKNOWN, clause_tense, cue_tense

_REL = re.compile(r"(?:the\s+)?(?:last|next|this|past|coming|previous|following)\s", re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_LEADING_SPACE = re.compile(r"\s*")
_NONSPACE = re.compile(r"\S")


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _opening_line(text: str, pos: int) -> bool:
    """The line at ``pos`` is the text's first, and the story goes on after it."""
    start, end = _line(text, pos)
    return _LEADING_SPACE.match(text).end() >= start and _NONSPACE.search(text, end) is not None


def display_line(text: str, pos: int) -> bool:
    """Whether the expression at ``pos`` stands in a headline, a caption or the opening line."""
    return headline_like(text, pos) or in_caption(text, pos) or _opening_line(text, pos)


def told_tense(text: str, doc, start: int, end: int):
    """The tense the words themselves give the expression: a cue ("until"), an incident it
    dates ("the Friday robbery"), an auxiliary or a past form; UNKNOWN when only the simple
    present (the news present, or a headline's past) or nothing at all would decide."""
    cue = cue_tense(text, start)
    if cue:
        return cue
    if incident_day(text, doc, start, end):
        return PAST
    plain = clause_tense(doc, start, end)
    if plain == FUTURE and clause_tense(doc, start, end, caption=True) == PAST:
        return UNKNOWN  # the simple present: its reading is the line's kind, not its words
    return plain


def _weekday(value: Optional[str]) -> Optional[int]:
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoweekday()
    except ValueError:
        return None


def agree_with_story(items: list[dict], text: str, doc) -> None:
    """A weekday in a display line whose words give no tense takes the date of the same
    weekday told in the story with a tense of its own, when all such tellings outside
    display lines name one date (a page of teasers may tell two Saturdays)."""
    body = [i for i in items if i["kind"] == "weekday" and not display_line(text, i["start"])
            and _weekday(i["value"]) is not None]
    for item in items:
        wd = _weekday(item["value"])
        if item["kind"] != "weekday" or wd is None or not display_line(text, item["start"]):
            continue
        if _REL.match(text, item["start"]):
            continue  # "last Friday", "next Monday" say their own week
        if told_tense(text, doc, item["start"], item["end"]) is not UNKNOWN:
            continue
        if not headline_like(text, item["start"]) and not in_caption(text, item["start"]) \
                and clause_tense(doc, item["start"], item["end"], caption=True) != PAST:
            continue  # an opening sentence that is no simple present is the lede: its own
        if in_caption(text, item["start"]) and clause_tense(doc, item["start"], item["end"],
                                                            caption=True) == PAST:
            continue  # a credited photo shows what is past, whatever the story says
        told = {b["value"][:10] for b in body if _weekday(b["value"]) == wd
                and told_tense(text, doc, b["start"], b["end"]) in (PAST, PERFECT, FUTURE)}
        if len(told) == 1:
            item["value"] = told.pop() + item["value"][10:]
