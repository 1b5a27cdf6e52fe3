"""Time expressions: TIMEX3 types and TimeML values, resolved against the publication date.

A HeidelTime-like rule system: the grammar in :mod:`.patterns` (built from
``lexicons/time_lexicon.json``) finds candidate expressions, the longest
non-overlapping ones are kept, a modifier word before each ("about", "early",
"at least") is absorbed into the extent and ``mod``, and :mod:`.normalise`
computes the value.  Weekday and month names without a year are placed before
or after the anchor by the tense of the clause they are in (:mod:`.tense`).
Without an anchor relative expressions keep an underspecified value.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from ...model import Span, TimeExpression
from ...pipeline import Analysis, stage
from . import calendar as cal
from .lexicon import alternation, lexicon
from .context import caption_like
from .display import agree_with_story
from .names import in_name
from .quotes import redate_quoted
from .normalise import HANDLERS, Context
from .patterns import RULE_TRIGGERS, TOKEN, compiled, modifier_regex, trigger_words

_COUNT_MODS = {"EQUAL_OR_MORE", "MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS"}
_POINT_MODS = {"START", "MID", "END"}
_NUMERIC_START = re.compile(r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten"
                            r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|several"
                            r"|few|a\s+few|half|a\s+couple|couple|hundred)", re.I)
_POINT_START = re.compile(r"(?:\d|noon|midnight|midday|year|the\s+(?:end|middle|start)|"
                          + alternation(lexicon()["months"])[3:-1] + r")", re.I)
_EXPLICIT = {"iso", "slash", "mdy", "dmy", "month", "year", "spokenyear"}
_YEAR_VALUE = re.compile(r"\d{4}")
_DAY_REFS = {"iso", "slash", "mdy", "dmy", "weekday", "relday", "holiday"}  # named days only
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# Expressions that put the story in a year, named ("in 2008") or counted ("last year", "two
# years earlier"): the reference of "the year before", "a year earlier", "the previous year"
_YEAR_REFS = _EXPLICIT | {"relunit", "ago", "season", "fiscal"}
# ... but a year that bounds a span ("the first time since 2009", "until 2030") is not one
_BOUNDARY = re.compile(r"\b(?:since|until|till|through|by)\s+$", re.I)
_JOIN = re.compile(r"[ \t]*(?:\([^()]{1,24}\)[ \t]*)?,?[ \t]+(?:on[ \t]+)?")  # one line


_PAD = 60


def _windows(norm: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, merged character windows around its triggers, widened to spaces."""
    raw: dict[str, list[list[int]]] = {}
    n = len(norm)
    table = trigger_words()
    for m in TOKEN.finditer(norm):
        word = m.group()
        if word[0].isdigit():
            if m.group("clock"):
                cls = "CLOCK"
            elif 2 <= len(word) <= 4:
                cls = "NUM"
            else:
                continue
        else:
            cls = table.get(word.lower())
            if cls is None:
                continue
        out = raw.setdefault(cls, [])
        start, end = max(0, m.start() - _PAD), min(n, m.end() + _PAD)
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    windows = {}
    for cls, spans in raw.items():
        widened = []
        for start, end in spans:
            while start > 0 and not norm[start - 1].isspace():
                start -= 1
            while end < n and not norm[end].isspace():
                end += 1
            widened.append((start, end))
        windows[cls] = widened
    return windows


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping windows of several trigger classes."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _candidates(norm: str) -> list[tuple[int, int, int, str, re.Match]]:
    """Every rule match as (start, end, priority, kind, match), searched near its triggers."""
    found = []
    seen = set()
    windows = _windows(norm)
    for prio, kind, rx in compiled():
        classes = RULE_TRIGGERS[kind]
        spans = windows.get(classes[0], []) if len(classes) == 1 else _union(
            [w for c in classes for w in windows.get(c, ())])
        for ws, we in spans:
            for m in rx.finditer(norm, ws, we):
                key = (m.start(), m.end(), prio)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    found.append((m.start(), m.end(), prio, kind, m))
    return found


def _select(found, ctx: Context) -> list[tuple[int, int, str, re.Match]]:
    """Longest valid matches first; a match overlapping a kept one is dropped."""
    kept: list[tuple[int, int, str, re.Match]] = []
    taken = bytearray(len(ctx.text) + 1)
    for start, end, _prio, kind, m in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(taken[start:end]):
            continue
        if in_name(ctx.text, start, end, kind, kind == "month" and not (m["year"] or m["rel"]
                                                                       or m["yrel"])):
            continue
        if HANDLERS[kind](m, ctx) is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, kind, m))
    kept.sort(key=lambda k: k[0])
    return kept


def _modifier(norm: str, start: int, floor: int, ttype: str, value: str, core: str):
    """(new start, mod) when a modifier word right before the expression applies to it."""
    window = norm[max(floor, start - 24):start]
    m = modifier_regex().search(window)
    if not m:
        return start, None
    word = re.sub(r"\s+", " ", m.group("mod").lower()).rstrip("-")
    mod = lexicon()["mods_before"][m.group("mod").lower()] if m.group("mod").lower() in \
        lexicon()["mods_before"] else lexicon()["mods_before"].get(word)
    if mod is None:
        return start, None
    numeric = bool(_NUMERIC_START.match(core))
    if mod in _COUNT_MODS or word in ("over", "under", "within", "some"):
        if not numeric:
            return start, None
    if mod in _POINT_MODS:
        if ttype not in ("DATE", "TIME") or value.endswith("_REF"):
            return start, None
        if word in ("earlier", "later") and not re.match(r"(this|today|yesterday|tomorrow|[A-Z]"
                                                         r"|in\s+the)", core):
            return start, None
    if ttype == "SET":
        return start, None
    if mod == "APPROX" and not (numeric or _POINT_START.match(core)):
        return start, None  # "about the future": a preposition, not an approximation
    if word in lexicon()["mods_outside"]:
        return start, mod  # TimeBank leaves "about", "within" outside the extent
    return start - len(window) + m.start(), mod


_PLAIN_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:TNI)?")  # a day, or "tonight" ("8 p.m. tonight")


_THEN_CLOCK = re.compile(r"[ \t]*,?[ \t]*")  # "Saturday, 7 p.m.", "tomorrow 10am"


def _merge_clock(items: list[dict], norm: str) -> list[dict]:
    """"5 p.m. EST Nov. 9" and "noon Thursday": a clock time joined to the day after it;
    "this Sat, 7pm" and "tomorrow 10am": a day joined to the clock time right after it (not
    across "at": "today at 9am" is two expressions in the tweets' annotation)."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        if prev and prev["kind"] == "clock" and _PLAIN_DAY.fullmatch(item["value"] or "") \
                and _JOIN.fullmatch(" " + norm[prev["end"]:item["start"]]):
            prev["value"] = item["value"][:10] + prev["value"][prev["value"].index("T"):]
            prev["end"] = item["end"]
            prev["dated"] = True
            continue
        if prev and item["kind"] == "clock" and item["mod"] is None and prev["kind"] in _DAY_REFS \
                and _PLAIN_DAY.fullmatch(prev["value"] or "") and "T" in (item["value"] or "") \
                and _THEN_CLOCK.fullmatch(norm[prev["end"]:item["start"]]):
            prev.update(value=prev["value"][:10] + item["value"][item["value"].index("T"):],
                        end=item["end"], type="TIME", kind="clock", dated=True)
            continue
        out.append(item)
    return out


_COMMA = re.compile(r"[ \t]*,[ \t]*")


def _weekday_then_date(items: list[dict], norm: str) -> None:
    """"Wednesday afternoon, July 9, 2014": a weekday (with a part of the day) set before
    the date it names takes that date when the weekdays agree, not one near the publication."""
    for prev, item in zip(items, items[1:]):
        if prev["kind"] != "weekday" or item["kind"] not in ("mdy", "dmy", "iso", "slash") \
                or not _COMMA.fullmatch(norm[prev["end"]:item["start"]]):
            continue
        try:
            mine, named = date.fromisoformat(prev["value"][:10]), date.fromisoformat(item["value"][:10])
        except (TypeError, ValueError):
            continue
        if mine != named and mine.isoweekday() == named.isoweekday():
            prev["value"] = item["value"][:10] + prev["value"][10:]


_STATED_YEAR = re.compile(r"\d{4}|['\u2019]\d\d\b|\d{1,2}[/.-]\d{1,2}[/.-]\d\d")


def _states_year(kind: str, core: str) -> bool:
    """Whether the expression names its year itself. A date whose year came from the
    story's reference ("Dec. 27" after "December 2023") must not renew that reference, or
    one old date would carry a whole article into the past; a yearless date read from the
    publication still does (TimeBank's "the next year" after "in March")."""
    return kind == "spokenyear" or bool(_STATED_YEAR.search(core))


def _date_clocks(items: list[dict], ctx: Context) -> None:
    """"Friday night about 8 p.m.": a clock time with no day of its own takes the day named
    in its sentence (the nearest one), not the publication day it was first given."""
    days = [i for i in items if i["type"] == "DATE" and _DAY_VALUE.fullmatch(i["value"] or "")]
    for item in items:
        if item["kind"] != "clock" or item.get("dated") or "T" not in (item["value"] or ""):
            continue
        tok = ctx.token(item["start"])
        if tok is None:
            continue
        sent = tok.sent
        near = [d for d in days if sent.start_char <= d["start"] and d["end"] <= sent.end_char]
        if not near:
            continue
        day = min(near, key=lambda d: min(abs(d["start"] - item["end"]),
                                          abs(item["start"] - d["end"])))
        item["value"] = day["value"] + item["value"][item["value"].index("T"):]


_RANGE_TO = r"[ \t]*(?:-|\u2013|to|and|through|till)[ \t]*"  # "19-20", "8 and 9", "9th through 17th"
_RANGE_HEAD = re.compile(r"(?<![\d.,:/-])([12]\d|3[01]|0?[1-9])" + _RANGE_TO + "$")
_RANGE_TAIL = re.compile(_RANGE_TO + r"([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                         r"(?:,?[ \t]+((?:1[6-9]|20)\d\d)\b(?![\d,.]\d|%)"
                         r"|(?=[ \t]*(?:$|[^\w\s]|[A-Z]|(?:at|in|on|from|for|with|http)\b)))")


def _day_ranges(items: list[dict], norm: str) -> list[dict]:
    """"19-20 Oct", "8 and 9 March", "April 8-12, 2025": the bare day number at the other
    end of a range of days in one month is a date of its own, in the same month and year
    (the year written after the range is both days')."""
    added = []
    for item in items:
        if item["kind"] not in ("mdy", "dmy") or not _DAY_VALUE.fullmatch(item["value"] or ""):
            continue
        dom = int(item["value"][8:10])
        if item["kind"] == "dmy":
            m = _RANGE_HEAD.search(norm, max(0, item["start"] - 16), item["start"])
            if m and int(m.group(1)) < dom:
                added.append((m.start(1), m.end(1), int(m.group(1)), item, None))
        else:
            m = _RANGE_TAIL.match(norm, item["end"])
            if m and int(m.group(1)) > dom:
                added.append((m.start(1), m.end(), int(m.group(1)), item, m.group(2)))
    for start, end, day, item, year in added:
        if year:  # the year after the range is the first day's too; its own match goes
            items = [i for i in items if not (start <= i["start"] and i["end"] <= end)]
            item["value"] = year + item["value"][4:]
        if any(i["start"] < end and start < i["end"] for i in items):
            continue
        items.append({"start": start, "end": end, "type": "DATE", "mod": None, "kind": "rangeday",
                      "value": f"{item['value'][:8]}{day:02d}"})
    items.sort(key=lambda i: i["start"])
    return items


def extract(text: str, norm: Optional[str], doc: Any, published: Optional[str],
            tag: str = "times@1.8") -> list[TimeExpression]:
    """All time expressions of ``text`` (``norm``: its same-length normalised copy)."""
    norm = norm if norm is not None else text
    anchor = cal.parse_anchor(published)
    ctx = Context(norm, doc, anchor)
    kept = _select(_candidates(norm), ctx)
    ctx.last_quarter = None
    ctx.resolving = True
    items = []
    floor = 0
    kept_refs = None  # (line, the story's references) while in a caption's line
    for start, end, kind, m in kept:
        line = norm.rfind("\n", 0, start)
        if kept_refs is not None and line != kept_refs[0]:
            ctx.refs = kept_refs[1]  # out of the caption: the story's references again
            kept_refs = None
        resolved = HANDLERS[kind](m, ctx)
        if resolved is None:
            continue  # needs story context that is missing ("that day" with no day named)
        ttype, value = resolved
        if kind == "duration" and m["the"] and not m["rel"] and "-" in norm[m.end("num"):end]:
            start = m.start("num")  # "the two-year contract": the article belongs to the noun
        core = norm[start:end]
        if kind == "yearend":
            new_start, mod = start, "END"
        elif m.groupdict().get("mod") and kind == "decade":
            mod = {"early": "START", "mid": "MID", "late": "END"}[m["mod"].lower().rstrip("-")]
            new_start = start
        else:
            new_start, mod = _modifier(norm, start, floor, ttype, value, core)
        items.append({"start": new_start, "end": end, "type": ttype, "value": value, "mod": mod,
                      "kind": kind})
        floor = end
        if kept_refs is None and caption_like(norm, start, end):
            # a caption dates a photo and a headline the day it ran: what they set serves
            # their own line only ("... on March 14 ... the previous day"), not the story
            kept_refs = (line, dict(ctx.refs))
        if kind in _EXPLICIT and _YEAR_VALUE.match(value or "") \
                and (_states_year(kind, core) or ctx.narrative_ref(start) is None):
            ctx.refs["date"] = value  # the story's reference time for "the following year"
            ctx.refs["date_at"] = start
            ctx.refs["date_scene"] = ctx.sets_scene(start, end)
        if ttype == "DATE" and kind in _YEAR_REFS and _YEAR_VALUE.match(value or "") \
                and (kind not in _EXPLICIT or ctx.refs.get("date_at") == start) \
                and not _BOUNDARY.search(norm, max(0, start - 10), start) \
                and not ctx.in_background(start, end):
            ctx.refs["year"] = int(value[:4])  # the year the story is at for "the year before"
            ctx.refs["year_at"], ctx.refs["year_end"] = start, end
        if kind in _DAY_REFS and _DAY_VALUE.match(value or ""):
            ctx.refs["day"] = value[:10]  # the story's reference day for "the next day"
            ctx.refs["day_end"] = end
    items = _day_ranges(_merge_clock(items, norm), norm)
    _weekday_then_date(items, norm)
    _date_clocks(items, ctx)
    agree_with_story(items, norm, doc)
    redate_quoted(items, norm, doc, anchor, _DAY_REFS - {"relday"})
    out = []
    for item in items:
        span = Span.of(text, item["start"], item["end"])
        out.append(TimeExpression(id=f"T{len(out) + 1}", span=span, type=item["type"],
                                  value=item["value"], mod=item["mod"],
                                  anchor=anchor.isoformat() if anchor else None, stage=tag))
    return out


@stage("times", version="1.8", requires=("doc",), assigns=("times",), order=40)
def times_stage(analysis: Analysis) -> None:
    """Fill ``analysis.times`` from the text, the parse and the publication date."""
    analysis.times = extract(analysis.article.text, analysis.norm, analysis.doc,
                             analysis.article.published, tag=times_stage.stage_tag)
