"""Handlers for calendar expressions: dates, months, years, quarters, decades, holidays.

Each takes a grammar match and the :class:`~.context.Context` and returns
``(type, value)`` or None to reject the match (a number that counts soldiers
rather than naming a year, "May" the modal verb, "Feb. 30").
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional

from . import calendar as cal
from .context import (REL_SHIFT, Context, capitalised, context_quarter, dom_number,
                      month_number, year_number, year_value)
from .lexicon import lexicon, number_value
from .tense import FUTURE, PAST, PERFECT, clause_tense


_VERB_NEXT = re.compile(r"\s+(?:with|on|to|for|against|through|into|towards?|down|across|along"
                       r"|alongside|out|together|in\s+(?:the|support|protest|solidarity))\b", re.I)


_MONTH_PREP = re.compile(r"\b(?:in|since|by|until|till|from|of|during|through|last|next|this"
                         r"|early|late|mid|before|after|since)\s*-?$", re.I)


def _month_ok(m: re.Match, ctx: Context, has_number: bool, lower_ok: bool = False) -> bool:
    """Reject lower-case month words and "May"/"March" used as verbs. A lower-case month
    with a day or a year ("see you nov 26", "april 2017": messages) is ``lower_ok``, but
    "may" and "march", verbs as often as months, never are."""
    mon = m.group("mon")
    if not capitalised(mon) and not (lower_ok and mon.islower()
                                     and mon.rstrip(".") not in ("may", "march", "mar")):
        return False
    low = mon.lower().rstrip(".")
    if low in ("may", "march") and not has_number:
        tag = ctx.token_tag(m.start("mon"))
        if tag in ("MD", "VB", "VBP", "VBZ") or (low == "may" and m.start("mon") == 0):
            return False
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if _VERB_NEXT.match(ctx.text, m.end()) and not _MONTH_PREP.search(before):
            return False  # "March with us": the verb, not the month
    if low in ("mar", "jun", "jul", "sep", "dec", "jan", "feb", "apr", "aug", "oct", "nov") \
            and not has_number and not mon.endswith("."):
        return False
    return True


def h_iso(m, ctx):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}"
    return "DATE", d.isoformat()


def h_slash(m, ctx):
    y = year_value(m["y"], ctx.anchor)
    try:
        return "DATE", date(y, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def h_date(m, ctx):
    if not _month_ok(m, ctx, True, lower_ok=True):
        return None
    month, dom = month_number(m["mon"]), dom_number(m["dom"])
    if not 1 <= dom <= 31:
        return None
    if m["year"]:
        try:
            return "DATE", date(int(m["year"]), month, dom).isoformat()
        except ValueError:
            return None
    ref = ctx.narrative_ref(m.start())
    value = cal.near_ref(ref, month, dom) if ref else None
    if value and value > ctx.anchor.isoformat():
        value = None  # a past event told in the story's time is not after its publication
    if value is None and _after_since(m, ctx):
        value = _latest_before(ctx.anchor, month, dom)
    if value is None:
        value = cal.month_date(ctx.anchor, month, dom, ctx.tense(m.start(), m.end()))
    return ("DATE", value) if value else None  # "Feb. 30" is no date


_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)


def _after_since(m, ctx) -> bool:
    """"since January", "since March 3": the start of a span reaching the publication, so
    the latest such month or day not after it (however far back: "Shares have doubled since
    January" written in November is this January, not the next)."""
    return ctx.anchor is not None and bool(_SINCE.search(ctx.text, max(0, m.start() - 12), m.start()))


def _latest_before(anchor: date, month: int, dom: Optional[int]) -> Optional[str]:
    """The latest month (or day of a month) at or before ``anchor``."""
    year = anchor.year if (month, dom or 1) <= (anchor.month, anchor.day if dom else 1) else anchor.year - 1
    if dom is None:
        return f"{year}-{month:02d}"
    for y in (year, year - 1):
        try:
            return date(y, month, dom).isoformat()
        except ValueError:
            continue  # Feb. 29 outside a leap year
    return None


def h_month(m, ctx):
    if not _month_ok(m, ctx, bool(m["year"] or m["rel"] or m["yrel"]),
                     lower_ok=bool(m["year"])):
        return None
    month = month_number(m["mon"])
    if not (m["year"] or m["rel"] or m["yrel"]) and re.search(
            r"\b(the|a|an|annual)\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.I) \
            and re.match(r"\s+(?:of|for|on|to|against)\b", ctx.text[m.end():m.end() + 9]):
        return None  # "the March for Life": a proper noun, not the month
    if m["year"]:
        return "DATE", f"{year_number(m['year'])}-{month:02d}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.anchor.year
    rel = (m["rel"] or "").lower().split()
    if m["yrel"]:
        year += REL_SHIFT[m["yrel"].lower()]
    elif rel and rel[-1] in ("last", "past"):
        year -= 0 if month < ctx.anchor.month else 1
    elif rel and rel[-1] in ("next", "coming"):
        year += 0 if month > ctx.anchor.month else 1
    elif rel and rel[0] == "this":
        pass
    elif _after_since(m, ctx):
        return "DATE", _latest_before(ctx.anchor, month, None)
    else:
        return "DATE", cal.month_date(ctx.anchor, month, None, ctx.tense(m.start(), m.end()))
    return "DATE", f"{year}-{month:02d}"


def _quarter_year(ctx: Context, q: int, unit: str, tense) -> Optional[int]:
    """The year of a quarter named without one: the latest such quarter, or next by tense."""
    if ctx.anchor is None:
        return None
    y, cur = cal.quarter_of(ctx.anchor)
    if unit == "half":
        cur = 1 if ctx.anchor.month <= 6 else 2
    if q > cur and tense != FUTURE:
        return y - 1
    return y


_ENDED = re.compile(r"\s+(?:ended|ending)\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<dom>[0-3]?\d)\b"
                    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?")


def _ended(m, ctx: Context) -> Optional[tuple[int, int]]:
    """(year, quarter) of "the quarter ended Sept. 30": the calendar quarter holding the
    middle of the three months, so a fiscal quarter ended July 31 is mostly Q2."""
    e = _ENDED.match(ctx.text, m.end())
    if not e or e["mon"].lower() not in lexicon()["months"]:
        return None
    month, dom = month_number(e["mon"]), int(e["dom"])
    if e["year"]:
        year = int(e["year"])
    elif ctx.anchor is not None:
        value = cal.month_date(ctx.anchor, month, dom, PAST)
        if value is None:
            return None
        year = int(value[:4])
    else:
        return None
    try:
        mid = date(year, month, min(dom, 28)) - timedelta(days=45)
    except ValueError:
        return None
    return cal.quarter_of(mid)


def _reported(m, ctx: Context, year: int, q: int) -> bool:
    """A quarter whose results are in: a past one, or the current (fiscal) one when it has
    ended or the clause reports it ("reported fourth-quarter earnings"), not a forecast."""
    if ctx.anchor is None or (year, q) < cal.quarter_of(ctx.anchor):
        return True
    if (year, q) > cal.quarter_of(ctx.anchor):
        return False
    return bool(_ENDED.match(ctx.text, m.end())) \
        or clause_tense(ctx.doc, m.start(), m.end(), through_nouns=True) in (PAST, PERFECT)


_OF_LONGER = re.compile(r"\s+of\s+(?:the\s+|this\s+|that\s+|last\s+|next\s+)?(?:'\d0s|\d{3}0'?s"
                        r"|decade|century|centuries)\b", re.I)


def h_quarter(m, ctx):
    text = m.group().lower()
    unit = m["unit"].lower()
    ordinal = m["ord"].lower()
    q = lexicon()["ordinals"].get(ordinal) or int(ordinal[0])
    limit = 4 if unit == "quarter" else 2
    if q == -1:
        if not (m["ofyear"] or m["ofrel"]) and unit == "quarter":
            return "DATE", cal.shift(ctx.anchor, "Q", -1)  # "the last quarter": the previous one
        q = limit
    if not 1 <= q <= limit:
        return None
    if _OF_LONGER.match(ctx.text, m.end()):
        return None  # "the last half of the '80s": part of a decade, no half of a year
    code = "Q" if unit == "quarter" else "H"
    year = None
    explicit = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if not (explicit or m["ofyear"] or m["ofrel"] or "fiscal" in text) and _in_game(m, ctx):
        return None  # "led 14-3 in the first quarter": a period of play, no calendar date
    if m["ofyear"] or explicit:
        year = int(m["ofyear"] or explicit.group(1))
    elif m["ofrel"] or re.search(r"\b(this|last|next) year's", text):
        rel = m["ofrel"] or re.search(r"\b(this|last|next) year's", text).group(1)
        year = ctx.anchor.year + REL_SHIFT[rel.lower()] if ctx.anchor else None
    elif re.search(r"year-ago|year-earlier|year\s+ago", text):
        base = _quarter_year(ctx, q, unit, PAST)
        year = base - 1 if base else None
    else:
        year = _quarter_year(ctx, q, unit, ctx.tense(m.start(), m.end()))
    value = f"{year if year else 'XXXX'}-{code}{q}"
    if m["pl"] and not m["ofyear"]:
        return "SET", f"XXXX-{code}{q}"
    if code == "Q" and year and _reported(m, ctx, year, q):
        ctx.last_quarter = (year, q, m.start())
    return "DATE", value


_PREV_CAP = re.compile(r"(?<![.!?:;\n\"\u201c(])\s(?-i:[A-Z][\w&-]*)\s+$")


_OF_NEXT = re.compile(r"\s+of\b", re.I)


def h_qcode(m, ctx):
    """Quarters and halves in the short business spelling: "Q3 2023", "2023-Q3", "Q1'24",
    "H1 2023" (the year's quarter or half), and "Q2" alone (the latest second quarter, as
    "second-quarter" is; not after a capitalised name, "the Audi Q3")."""
    code, n = m["code"], int(m["n"])
    if code == "H" and n > 2:
        return None
    raw = m["y1"] or m["y2"] or m["yy"]
    if raw:
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
    elif code == "H" or _PREV_CAP.search(ctx.text[max(0, m.start() - 30):m.start()]) \
            or _OF_NEXT.match(ctx.text, m.end()):
        return None  # "H1" alone is a visa or a flu; "Audi Q3" a car; "Q2 of the form"
    else:
        year = _quarter_year(ctx, n, "quarter", ctx.tense(m.start(), m.end()))
        if year is None:
            return "DATE", f"XXXX-Q{n}"
    if code == "Q" and _reported(m, ctx, year, n):
        ctx.last_quarter = (year, n, m.start())
    return "DATE", f"{year}-{code}{n}"


_YEAR_BACK = {"year-ago", "year-earlier", "ago", "earlier"}


def h_qref(m, ctx):
    """"the quarter", "the year-ago period", "last year's quarter": the quarter in context."""
    text = m.group().lower()
    unit = m["unit"].lower()
    words = set(re.findall(r"[a-z'-]+|\d{4}", text))
    if unit == "period" and not words & {"latest", "year-ago", "year-earlier", "comparable",
                                         "corresponding", "ago"} \
            and not re.search(r"\d{4}", text):
        return None
    if unit != "quarter" and unit != "period":
        n = 9 if unit.startswith("nine") else 6
        if not words & {"year-ago", "year-earlier", "comparable", "corresponding", "latest"}:
            return None
        return "DURATION", f"P{n}M"
    if words <= {"the", "its", "this", "that"} and not words & {"this", "the", "its"}:
        return None
    cq = context_quarter(ctx, m.start())
    ended = _ended(m, ctx) if unit == "quarter" and cq is None else None
    if ended:  # a quarter named by its end date; one named before (fiscal) takes precedence
        ctx.last_quarter = (ended[0], ended[1], m.start())
        return "DATE", f"{ended[0]}-Q{ended[1]}"
    explicit = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if explicit:
        year = int(explicit.group(1))
        return "DATE", f"{year}-Q{cq[1]}" if cq else str(year)
    if ctx.anchor is None and cq is None:
        return "DATE", "XXXX-QX"
    if (cq is None or words & {"current"}) and ctx.anchor is not None:
        base = cal.shift(ctx.anchor, "Q", 0 if words & {"this", "current"} else -1)
        cq = (int(base[:4]), int(base[-1]))
    y, q = cq
    back_year = words & _YEAR_BACK or "year ago" in text or \
        (words & {"last", "previous", "past"} and "year" in text)
    if back_year:
        return "DATE", f"{y - 1}-Q{q}"
    if words & {"last", "previous", "past"}:
        k = y * 4 + q - 2
        return "DATE", f"{k // 4}-Q{k % 4 + 1}"
    if "next" in words:
        k = y * 4 + q
        return "DATE", f"{k // 4}-Q{k % 4 + 1}"
    return "DATE", f"{y}-Q{q}"


def h_fiscal(m, ctx):
    if m["fy"]:
        return "DATE", f"FY{year_value(m['fyn'], ctx.anchor)}"
    return "DATE", str(year_value(m["year"], ctx.anchor))


def h_century(m, ctx):
    ordinal = m["ord"].lower()
    n = 21 if ordinal == "twenty-first" else (
        int(re.match(r"\d+", ordinal).group()) if ordinal[0].isdigit()
        else lexicon()["ordinals"].get(ordinal))
    if not n or n < 1:
        return None
    return "DATE", f"{n - 1:02d}"


def h_decade(m, ctx):
    if m["dec"]:
        return "DATE", m["dec"][:3]
    if m["short"]:
        return "DATE", "19" + m["short"][0]
    return "DATE", "19" + str(lexicon()["decade_words"][m["word"].lower()])


def h_spokenyear(m, ctx):
    """"nineteen ninety-six", "the year two thousand" (transcribed broadcast news)."""
    if m["cent"]:
        rest = number_value(m["rest"]) if m["rest"] != "hundred" else 0
        if rest is None:
            return None
        return "DATE", str((19 if m["cent"].lower() == "nineteen" else 20) * 100 + int(rest))
    rest = number_value(m["rest2"]) if m["rest2"] else 0
    return "DATE", str(2000 + int(rest or 0))


_HOLIDAY_THINGS = re.compile(r"\s+(?:trees?|lights|decorations?|ornaments?|cards?|sweaters?"
                            r"|stockings?|wreaths?|costumes?)\b", re.I)  # not "shopping", a season


def h_holiday(m, ctx):
    if not capitalised(m["name"]):
        return None
    if _HOLIDAY_THINGS.match(ctx.text, m.end()):
        return None  # "my Christmas tree", "Halloween costumes": things, not the day
    spec = lexicon()["holidays"][re.sub(r"\s+", " ", m["name"].lower())]
    rel = (m["rel"] or "").lower()
    tense = PAST if rel == "last" else FUTURE if rel == "next" else ctx.tense(m.start(), m.end())
    step = -1 if rel == "last" else 1 if rel == "next" else 0
    ref = None if step else ctx.narrative_ref(m.start())
    value = cal.near_ref(ref, spec=spec) if ref else None
    if value and value <= ctx.anchor.isoformat():
        return "DATE", value
    return "DATE", cal.holiday_date(ctx.anchor, spec, tense, step)


_YEAR_HEADS = frozenset("year month quarter result level figure earning sale high low".split())


_BLOCK = re.compile(r"\s+block\s+(?:of\b|(?-i:[A-Z]))", re.I)
_ROAD = re.compile(r"\b(?-i:FM|RM|SR|CR|Hwy|Highway|Route|Rte|Interstate|Farm\s+Road"
                   r"|State\s+Road|County\s+Road|Loop)[\s-]+$")


def h_year(m, ctx):
    """A four-digit year, unless the number counts something ("2000 soldiers", "$1990") or is
    the title of a work ("the film 1917")."""
    year = int(m["year"])
    if m.start("year") > m.start():
        return "DATE", str(year)  # "the year 2000" names the year
    before = ctx.text[max(0, m.start() - 2):m.start()]
    if "$" in before or "#" in before or before.endswith("No") or re.search(r"[\d.,:/]$", before):
        return None
    if _work_title(ctx.text, m.start()) and ctx.next_tag(m.end()) not in ("NN", "NNS"):
        return None
    if _BLOCK.match(ctx.text, m.end()) or _ROAD.search(ctx.text[max(0, m.start() - 16):m.start()]):
        return None  # "in the 1900 block of Elm Street", "on FM 1960": an address, a road
    tok = ctx.token(m.start())
    if tok is not None:
        if tok.tag_ not in ("CD", "NNP", "NN"):
            return None
        head = tok.head
        if tok.dep_ == "nummod" and head.tag_ == "NNS" \
                and head.lemma_.lower() not in _YEAR_HEADS:
            return None
    return "DATE", str(year)


_PREV_WORD = re.compile(r"([A-Za-z-]+)\s+[\"'\u201c\u2018]?$")


def _work_title(text: str, start: int) -> bool:
    """A bare year right after a noun for a work or a verb of making or watching one
    ("the film 1917", "Mendes directed 1917"): the year is the work's title."""
    prev = _PREV_WORD.search(text[max(0, start - 24):start])
    if not prev:
        return False
    word = prev.group(1).lower()
    lex = lexicon()
    return word in lex["work_nouns"] or word in lex["work_verbs"]


def _in_game(m, ctx) -> bool:
    """True when the sentence around a quarter or half talks of play (scores, goals, a
    game) and not of money: sports periods are not calendar quarters.  The play may be
    in the two sentences before ("trailed by 14 at halftime. The coach called the first
    half ..."); money must not be in the sentence itself."""
    tok = ctx.token(m.start())
    if tok is not None:
        sent = tok.sent
        own = ctx.text[sent.start_char:sent.end_char].lower()
        if _MONEY.search(own) or _word_list("finance_words").search(own):
            return False
        first = sent
        for _ in range(2):
            if first.start == 0:
                break
            first = tok.doc[first.start - 1].sent
        words = ctx.text[first.start_char:sent.end_char]
    else:
        words = ctx.text[max(0, m.start() - 150):m.end() + 150]
    low = words.lower()
    if _MONEY.search(low) or _word_list("finance_words").search(low):
        return False
    return bool(_SCORE.search(low) or _word_list("game_words").search(low))


_MONEY = re.compile(r"[$\u20ac\u00a3%]")
_SCORE = re.compile(r"\b(?:led|trailed|won|beat|outscored|scored)\b[^.]{0,30}\b\d{1,3}-\d{1,3}\b"
                    r"|\b\d{1,3}-\d{1,3}\s+(?:run|lead|deficit|advantage)\b")  # "a 12-0 run", "a 21-7 lead"


@lru_cache(maxsize=None)
def _word_list(key: str) -> re.Pattern:
    """One compiled whole-word pattern for a word list of the lexicon."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon()[key]) + r")\b")


def h_theyear(m, ctx):
    """"the year ended Sept. 30" is a span of a year; "for the year" is the current one."""
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end():m.end() + 8]):
        return "DURATION", "P1Y"
    return "DATE", cal.shift(ctx.anchor, "Y", 0)


def h_yearend(m, ctx):
    return "DATE", cal.shift(ctx.anchor, "Y", 0)


def h_newyear(m, ctx):
    """"in the new year": written late in a year it is the next one, early in a year this one.

    Capitalised "New Year" is the holiday (or a name such as "Lunar New Year")."""
    if "New" in m.group():
        return None
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.anchor.year + (1 if ctx.anchor.month >= 9 else 0))
