"""Handlers for relative and vague expressions: weekdays, "two months ago", durations,
sets, times of day and the PRESENT/PAST/FUTURE references.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from . import calendar as cal
from .context import (NARRATIVE_REACH, REL_SHIFT, SMALLER, UNIT_CODE, capitalised,
                      context_quarter, dom_number, duration_value, month_number, unit_code,
                      weekday_number, year_number)
from .lexicon import lexicon, number_value
from .names import _title_case
from .tense import FUTURE, PAST


def h_ago(m, ctx):
    unit = unit_code(m["unit"])
    raw = m["num"]
    direction = m["dir"].lower().split()[0]
    sign = 1 if direction in ("later", "from", "hence", "after") else -1
    n = number_value(raw) if raw else None
    if raw and n is None or not raw and m["unit"].lower().endswith("s"):
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    n = 1 if n is None else n
    if m["dayref"]:  # "three days from today", "two days before yesterday": a day
        return "DATE", _from_day(ctx.anchor, m["dayref"].lower(), unit, sign * n)
    if unit == "Y" and n == 1 and sign < 0:
        cq = context_quarter(ctx, m.start())
        if cq:
            return "DATE", f"{cq[0] - 1}-Q{cq[1]}"
    if ctx.anchor is None:
        return "DATE", cal.shift(None, unit if unit in "DWMQY" else "Y", 0)
    if unit in ("TH", "TM", "TS"):
        return "DATE", cal.day(ctx.anchor)
    if unit == "2W":
        unit, n = "W", n * 2
    if n != int(n):
        unit, k = SMALLER.get(unit, (unit, 1))
        n = n * k
    if unit == "E":
        return "DATE", str(ctx.anchor.year - int(n) * 10 * (1 if sign < 0 else -1))
    if unit == "C":
        return "DATE", str(ctx.anchor.year // 100 + sign * int(n))
    base = _story_point(ctx, m.start(), unit) if direction in _ANAPHORIC else None
    if isinstance(base, int):  # a year the story is at: "a year earlier" counts from it
        return "DATE", str(base + sign * int(n))
    if isinstance(base, str):  # a month the story is at: "two years earlier" counts from it
        months = sign * int(n) * (12 if unit == "Y" else 1)
        y, mo = cal.add_months(int(base[:4]), int(base[5:7]), months)
        return "DATE", str(y) if unit == "Y" else f"{y}-{mo:02d}"
    return "DATE", cal.shift(base or ctx.anchor, unit, sign * int(n))


_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1}
_UNIT_MONTHS = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}


def _from_day(anchor: Optional[date], word: str, unit: str, n: float) -> str:
    """The day ``n`` units from the day ``word`` names ("yesterday", "tomorrow"): a count
    from a named day is itself a day ("four months from tomorrow" is 2017-03-08)."""
    if anchor is None:
        return "XXXX-XX-XX"
    base = anchor + timedelta(days=_DAY_WORDS[word])
    if unit in ("TH", "TM", "TS"):
        return cal.day(base)
    if unit in ("D", "W", "2W"):
        return cal.day(base + timedelta(days=round(n * {"D": 1, "W": 7, "2W": 14}[unit])))
    months = n * _UNIT_MONTHS[unit]
    whole = int(months)
    y, mo = cal.add_months(base.year, base.month, whole)
    last = (date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)).day
    out = date(y, mo, min(base.day, last))
    return cal.day(out + timedelta(days=round((months - whole) * 30)))


_ANAPHORIC = {"later", "earlier", "after", "before"}  # "ago", "from now" count from the anchor


def _story_point(ctx, start: int, unit: str):
    """What "three days earlier" counts from: the last day the story named (a date), or the
    last month it named when the unit is months or years (a "YYYY-MM" string), if within
    about two paragraphs before ``start``; None: the publication date.  For years, a year
    the story moved to after those ("in 2008", "last year") wins (an int): "Prices rose last
    year after falling the year before" counts from last year, not from the publication."""
    year = _story_year(ctx, start) if unit == "Y" else None
    if year is not None:
        return year
    day, end = ctx.refs.get("day"), ctx.refs.get("day_end", -1)
    if day and 0 <= start - end <= NARRATIVE_REACH:
        try:
            return date.fromisoformat(day)
        except ValueError:
            pass
    ref, at = ctx.refs.get("date"), ctx.refs.get("date_at", -1)
    if unit in ("M", "Y") and ref and len(ref) >= 7 and ref[5:7].isdigit() \
            and 0 <= start - at <= NARRATIVE_REACH:
        return ref[:7]
    return None


def _story_year(ctx, start: int) -> Optional[int]:
    """The year the story last moved to, when that is the latest reference before ``start``
    (later than the last day and the last month named) and within about two paragraphs."""
    year, at = ctx.refs.get("year"), ctx.refs.get("year_at", -1)
    if year is None or not 0 <= start - ctx.refs.get("year_end", -1) <= NARRATIVE_REACH:
        return None
    month = ctx.refs.get("date") or ""
    if at < ctx.refs.get("day_end", -1) or len(month) >= 7 and at <= ctx.refs.get("date_at", -1):
        return None  # a day or month named after it (or with it) is the nearer reference
    return year


def h_yearago(m, ctx):
    cq = context_quarter(ctx, m.start())
    if cq:
        return "DATE", f"{cq[0] - 1}-Q{cq[1]}"
    return "DATE", cal.shift(ctx.anchor, "Y", -1)


_NARRATIVE = {"following", "the following", "previous", "the previous", "that", "same"}


def _title(m) -> bool:
    """"This Week", "60 Minutes": a capitalised unit after the first word names a programme
    or a work, not a time (in running text the unit word is lower case)."""
    return m.start("unit") > m.start() and m["unit"][:1].isupper() and not m.group().isupper()


_WINDOW_PREP = re.compile(r"\b(?:over|in|within|during|for|through|throughout)\s+$", re.I)


def _told_next(m, ctx) -> bool:
    """"(arrested again) the next year": the year after the story's, as told in the past; not
    a window ahead of the publication ("over the next year", "will ... the next year")."""
    if _WINDOW_PREP.search(ctx.text, max(0, m.start() - 12), m.start()):
        return False
    return ctx.tense(m.start(), m.end()) != FUTURE


def h_relunit(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if _title(m):
        return None
    if unit == "quarter":
        return None  # the quarter rules handle these with their context
    n = REL_SHIFT[rel]
    code = UNIT_CODE[unit]
    ref = ctx.refs.get("date")
    narrative = rel in _NARRATIVE or rel == "next" and m["the"] and _told_next(m, ctx)
    year = _story_year(ctx, m.start()) if narrative and code == "Y" else None
    if year is not None:  # "last year ... the previous year": the year the story is at
        return "DATE", str(year + n)
    if ref and rel in _NARRATIVE and code in ("Y", "M"):
        # "the following year", "that month": relative to the date the story is at
        if code == "Y":
            return "DATE", str(int(ref[:4]) + n)
        if len(ref) >= 7 and ref[5:7].isdigit():
            y, mo = cal.add_months(int(ref[:4]), int(ref[5:7]), n)
            return "DATE", f"{y}-{mo:02d}"
    if rel in _NARRATIVE and code == "W":
        day = _story_point(ctx, m.start(), code)
        if isinstance(day, date):  # "the following week" after "on March 3, 2019"
            return "DATE", cal.shift(day, "W", n)
    if unit == "weekend":
        if n == 0 and ctx.tense(m.start(), m.end()) == PAST:
            n = -1
        return "DATE", cal.shift(ctx.anchor, "WE", n)
    return "DATE", cal.shift(ctx.anchor, code, n)


_SEASON_PREP = re.compile(r"\b(?:in|during|by|until|through|since|over)\s+$", re.I)


_AFTER_BREAK = re.compile(r"(?:^|[.!?:;\n\"\u201c(\u2022-])\s*$")


def h_season(m, ctx):
    season = lexicon()["seasons"][m["season"].lower()]
    word = m["season"]
    if word[:1].isupper() and not word.isupper() and not m["year"] \
            and (ctx.text[m.end():m.end() + 1] == "-"
                 or not _AFTER_BREAK.search(ctx.text[max(0, m.start() - 40):m.start()])
                 and not _title_case(ctx.text, m.start(), m.end())):
        return None  # "a home in Spring", "the Spring-area shooting": a town, not the season
    rel = (m["rel"] or "").lower().split()
    word = m["season"].lower()
    if m["year"]:
        return "DATE", f"{year_number(m['year'])}-{season}"
    if not rel:
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if word == "fall" or not re.search(r"\b(in|during|by|until|since|through|this|early|late"
                                           r"|mid)[\s-]+$", before):
            return None
    if rel == ["the"]:
        after = ctx.text[m.end():m.end() + 6].lower()
        if re.match(r"\s+(?:of|from)\b", after) or word == "fall" and not _SEASON_PREP.search(
                ctx.text[max(0, m.start() - 10):m.start()]):
            return None  # "the fall of the city", "hurt in the fall from a ladder"
    n = -1 if rel and rel[-1] in ("last", "past") else 1 if rel and rel[-1] in ("next", "coming") else 0
    return "DATE", cal.season_value(ctx.anchor, season, n, ctx.tense(m.start(), m.end()))


_APPOSED = re.compile(r"\s*(?:,|\()\s*(?:a|which\s+was\s+a|that\s+was\s+a|then\s+a)\s+$", re.I)


def _named_day(m, ctx, wd: int):
    """The day just named when the weekday stands in apposition to it and agrees with it
    ("Dec. 18, a Wednesday"; "on March 3 (a Sunday)")."""
    day, end = ctx.refs.get("day"), ctx.refs.get("day_end", -1)
    if not day or end < 0 or m.start() - end > 24 or not _APPOSED.fullmatch(ctx.text[end:m.start()]):
        return None
    try:
        named = date.fromisoformat(day)
    except ValueError:
        return None
    return day if named.isoweekday() == wd else None


def _story_day(ctx) -> Optional[date]:
    """The last day the story named, the reference of "the previous Friday" and "the
    following Monday" (which count from the story's day, not the publication's)."""
    ref = ctx.refs.get("day")
    try:
        return date.fromisoformat(ref) if ref else None
    except ValueError:
        return None


def h_weekday(m, ctx):
    if not capitalised(m["wd"]) and not m["wd"].islower():
        return None  # "sunday" in a message is the day; "sUnday" is noise
    wd = weekday_number(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = lexicon()["day_parts"].get((m["part"] or "").lower())
    if rel in ("every", "each") or m["pl"] or m["ppl"]:
        return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
    tense = ctx.tense(m.start(), m.end())
    shift = {"last": -1, "this past": -1, "the previous": -1, "previous": -1, "next": 1,
             "this coming": 1, "the following": 1}.get(rel, 0)
    named = _named_day(m, ctx, wd)
    ref = _story_day(ctx) if rel in ("the previous", "previous", "the following") else None
    anchor = ref or ctx.anchor
    if named and not rel:
        value = named  # "on Dec. 18, a Wednesday": the date the sentence just gave
    elif shift and anchor is not None:
        base = anchor + timedelta(days=wd - anchor.isoweekday())
        if shift < 0:
            value = cal.day(base if base < anchor else base - timedelta(weeks=1))
        else:
            value = cal.day(base if base > anchor else base + timedelta(weeks=1))
    else:
        if rel == "this":
            tense = tense or FUTURE
        value = cal.weekday_date(ctx.anchor, wd, tense)
    if part and part in lexicon()["weekday_part_suffixes"]:
        return "TIME", f"{value}T{part}"
    return "DATE", value  # "Friday night": TimeBank mostly gives the day


_WEEK_SHIFT = {"last": -1, "next": 1, "this": 0, "the following": 1, "the previous": -1,
               "that": 0, "the same": 0}


def h_wdweek(m, ctx):
    """"Tuesday of last week", "Friday of the following week": that weekday in that week
    (a week of the story's when the words refer back to it)."""
    wd = weekday_number(m["wd"])
    rel = re.sub(r"\s+", " ", m["wrel"].lower())
    back = rel in ("the following", "the previous", "that", "the same")
    base = (_story_day(ctx) if back else None) or ctx.anchor  # no story day: the anchor's
    if base is None:
        return "DATE", f"XXXX-WXX-{wd}"
    week = base + timedelta(weeks=_WEEK_SHIFT[rel])
    return "DATE", cal.day(week + timedelta(days=wd - week.isoweekday()))


def h_wddom(m, ctx):
    """"Monday the 27th", "Wednesday the thirty-first": the date near the anchor whose day
    of the month falls on that weekday; no such date within two months: no match."""
    wd = weekday_number(m["wd"])
    if m["wd"].lower() in lexicon()["weekday_abbreviations"] and not m["wd"][:1].isupper():
        return None  # "sat 14th": the verb; "Sat 14th" is the day
    raw = m["dom"] or m["dom2"] or m["dom3"] or m["dom4"]
    dom = dom_number(raw)
    if not 1 <= dom <= 31 or ctx.anchor is None:
        return None
    cands = []
    for k in range(-2, 3):
        y, mo = cal.add_months(ctx.anchor.year, ctx.anchor.month, k)
        try:
            d = date(y, mo, dom)
        except ValueError:
            continue
        if d.isoweekday() == wd:
            cands.append(d)
    if not cands:
        return None
    return "DATE", cal.day(min(cands, key=lambda d: abs((d - ctx.anchor).days)))


def _generic_today(ctx, start: int, after: int) -> bool:
    """Whether "today's" names the present age rather than the day: the noun it belongs to
    is one of ``generic_today_heads`` ("today's youth", "today's personal computers"; but
    "today's youth rally" is the day's rally). The parse gives that noun; without a parse,
    the first of the next three words found in the list."""
    heads = lexicon()["generic_today_heads"]
    tok = ctx.token(start)
    if tok is not None and tok.dep_ == "poss" and tok.head.i > tok.i:
        return tok.head.lower_ in heads or tok.head.lemma_.lower() in heads
    words = re.findall(r"[A-Za-z-]+", ctx.text[after:after + 40])[:3]
    return any(w.lower() in heads for w in words)


_SHORT_DAYS = {"tmr": "tomorrow", "tmrw": "tomorrow", "tdy": "today"}  # text messages


def h_relday(m, ctx):
    parts = lexicon()["day_parts"]
    if m["this"]:
        word = m["part2"].lower()
        offset = -1 if m["this"].lower() == "last" else 0
        value = cal.shift(ctx.anchor, "D", offset)
        return "TIME", f"{value}T{parts[word]}"
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in _SHORT_DAYS:
        if not m["rel"].islower():
            return None  # "TMR", "Tdy": an acronym or a name, not a message's "tmr"
        rel = _SHORT_DAYS[rel]
    if rel == "today" and ctx.text[m.end():m.end() + 2] in ("'s", "\u2019s") \
            and _generic_today(ctx, m.start(), m.end() + 2):
        return None  # "today's youth": generic, not the date ("today's vote" is the day)
    if rel == "tomorrow" and re.search(r"\b(?:a|an|better|brighter|bright)\s+$",
                                       ctx.text[max(0, m.start() - 10):m.start()], re.I):
        return "DATE", "FUTURE_REF"  # "a brighter tomorrow": the future, not the next day
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}[rel]
    value = cal.shift(ctx.anchor, "D", offset)
    part = parts.get((m["part"] or "").lower() or ("night" if rel == "tonight" else ""))
    if part:
        return "TIME", f"{value}T{part}"
    return "DATE", value


def h_daypart(m, ctx):
    """"in the morning", "during the night": that part of the day the story is at (the last
    day it named, within about two paragraphs), else of the publication day."""
    part = lexicon()["day_parts"][m["part"].lower()]
    day = _story_point(ctx, m.start(), "D")
    if ctx.anchor is None and not isinstance(day, date):
        return "TIME", f"XXXX-XX-XXT{part}"
    return "TIME", f"{cal.day(day if isinstance(day, date) else ctx.anchor)}T{part}"


def h_clock(m, ctx):
    if m["word"] and re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6):m.start()], re.I):
        return None  # "high noon": the idiom
    if m["word"]:
        hhmm = lexicon()["day_parts"][m["word"].lower()]
    elif m["h2"]:  # "4 in the morning", "9 in the evening"
        h = int(m["h2"]) % 12 + (0 if m["dp"].lower() == "morning" else 12)
        hhmm = f"{h:02d}:00"
    elif m["ap"]:
        h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
        hhmm = f"{h:02d}:{m['min'] or '00'}"
    else:
        hhmm = f"{int(m['hh']):02d}:{m['mm']}"
    return "TIME", f"{cal.shift(ctx.anchor, 'D', 0)}T{hhmm}"


_RATE = re.compile(r"\b(?:once|twice|thrice|times|hours?|minutes?|days?|weeks?|months?)\s+$",
                   re.I)


_MODALS = frozenset("will would could can might may shall should 'll wo ca".split())


def _someday(m, ctx) -> bool:
    """"could one day lead the party": "one day" as an unspecified future time, told by a
    modal on the verb it modifies (not "for one day", "one day later")."""
    if re.search(r"\b(?:for|in|within|after|than|only|just|a|per)\s+$",
                 ctx.text[max(0, m.start() - 8):m.start()], re.I) \
            or re.match(r"\s*(?:later|earlier|before|after|ago)\b", ctx.text[m.end():m.end() + 8]):
        return False
    tok = ctx.token(m.start())
    for _ in range(4):
        if tok is None:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children) \
                or tok.lower_ in _MODALS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def h_duration(m, ctx):
    raw = m["num"]
    low = raw.lower()
    unit = m["unit"].lower()
    if _title(m):
        return None
    if low in ("a", "an") and m["adj"]:
        return None  # "a day-long meeting": the article is the noun's ("day-long" rule)
    if low in ("a", "an") and unit.startswith("second"):
        return None
    if low in ("a", "an") and not m["the"] and not m["rel"] and _RATE.search(
            ctx.text[max(0, m.start() - 10):m.start()]):
        return "SET", duration_value(1, unit)  # "twice a day", "four hours a day"
    if low in ("a", "an") and re.search(r"[\d%][\s-]*(?:million|billion|thousand|cents?|dollars?"
                                        r"|shares?|percent)?[\s-]+$",
                                        ctx.text[max(0, m.start() - 16):m.start()]):
        return None  # "$1.76 a year", "$12-an-hour workers": a rate, not a duration
    if unit.startswith("quarter") and ("-" in m.group() or low in ("a", "an", "one")):
        return None  # "three-quarters", "a quarter of the cost": a fraction
    if low in ("a", "an", "one") and unit.endswith("s") and not unit.startswith("centur"):
        return None
    if low in ("a", "an") and not m["the"] and not m["rel"] and re.search(
            r"\bon\s+$", ctx.text[max(0, m.start() - 4):m.start()], re.I):
        return None  # "on a day rich in symbolism": a day, not a stretch of time
    if low == "one" and unit == "day" and not m["the"] and not m["rel"] and _someday(m, ctx):
        return "DATE", "FUTURE_REF"
    n = number_value(raw)
    if n is None and low not in lexicon()["fuzzy_numbers"]:
        return None
    if (m["half"] or m["half2"]) and n is not None:
        n += 0.5  # "a minute and a half", "seven and a half years"
    if n is not None and n > 10000:
        return None
    if (m["rel"] or "").lower() in ("last", "past") and m["the"] is None and n is not None \
            and re.match(r"\s*(weekend)", ctx.text[m.end():m.end() + 8]):
        return None
    return "DURATION", duration_value(n, unit)


def h_bareunits(m, ctx):
    text = m.group().lower()
    if re.match(r"the\s+(next|coming)", text):
        return "DATE", "FUTURE_REF"
    return "DURATION", duration_value(None, m["unit"])


def h_unitlong(m, ctx):
    """"a day-long meeting" lasts one day; "a decades-long feud" an unstated number of them."""
    unit = m["unit"].lower()
    return "DURATION", duration_value(None if unit.endswith("s") else 1, unit)


def h_recentunits(m, ctx):
    """"recent years": a stretch of unstated length reaching up to now."""
    return "DURATION", duration_value(None, m["unit"])


def h_set(m, ctx):
    what = m["what"]
    low = what.lower().rstrip(".")
    step = 2 if m["other"] else 1  # "every other week": one week in two
    if m["n"]:  # "every 72 minutes": a period of several units
        n = number_value(m["n"])
        if n is None or low.rstrip("s") not in lexicon()["units"]:
            return None
        return "SET", duration_value(n * step, low)
    if low in lexicon()["weekdays"]:
        return "SET", f"XXXX-WXX-{weekday_number(low)}"
    if low in lexicon()["months"]:
        return "SET", f"XXXX-{month_number(low):02d}"
    if low in lexicon()["seasons"]:
        return "SET", f"XXXX-{lexicon()['seasons'][low]}"  # "every summer"
    if low in ("morning", "night", "evening", "afternoon"):
        return "SET", f"T{lexicon()['day_parts'][low]}"  # a time of day, any day: "TNI"
    if low == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", duration_value(step, low)


_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|many"
                      r"|past|last|next|recent|coming|these|those|both|consecutive|straight)\s+$",
                      re.I)


def h_setword(m, ctx):
    word = m.group().lower()
    if word == "everyday":
        tok = ctx.token(m.start())
        after = re.match(r"\s+[a-z]+", ctx.text[m.end():m.end() + 20])
        if (tok.dep_ == "amod" or tok.tag_ == "JJ" and after) if tok is not None else after:
            return None  # "everyday life": the adjective, not "every day"
    if word == "weekends" and _COUNTED.search(ctx.text[max(0, m.start() - 14):m.start()]):
        return None  # "the past two weekends": some weekends, not every one
    return "SET", lexicon()["sets"][word]


def h_weekof(m, ctx):
    """"the first week of 2019", "the last week of 2016": an ISO week of that year."""
    year = int(m["year"])
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        return "DATE", cal.week(date(year, 12, 28))  # Dec. 28 is always in the year's last week
    n = lexicon()["ordinals"].get(ordinal) or int(ordinal[0])
    return "DATE", f"{year}-W{n:02d}"



def h_present(m, ctx):
    return "DATE", "PRESENT_REF"


def h_past(m, ctx):
    return "DATE", "PAST_REF"


def h_future(m, ctx):
    if m.group().lower() == "future" and ctx.token_tag(m.start()) not in ("NN", ""):
        return None  # "future growth": an adjective, not the time
    return "DATE", "FUTURE_REF"


_NARR_SHIFT = {"that": 0, "that same": 0, "the same": 0, "the next": 1, "the following": 1,
               "the previous": -1, "the preceding": -1, "before": -1, "after": 1}


_MONTH_VALUE = re.compile(r"\d{4}-\d\d")


def h_narrday(m, ctx):
    """"the next day", "that same day": a day relative to the last day the story named.

    Without such a day the phrase is left alone: "that day" in a general statement ("the
    trades made that day") names no date, and none is guessed from the anchor.
    """
    key = re.sub(r"\s+", " ", (m["rel"] or m["ba"]).lower())
    ref = ctx.refs.get("day")
    month = ctx.refs.get("date") or ""
    if _MONTH_VALUE.fullmatch(month) and ctx.refs.get("date_at", -1) > ctx.refs.get("day_end", -1):
        # "killed last October ... crossed out that same day": a day of the month named last
        return "DATE", f"{month}-XX"
    if not ref:  # known only in the text-order pass; while choosing, keep the candidate
        return None if ctx.resolving else ("DATE", "XXXX-XX-XX")
    return "DATE", cal.day(date.fromisoformat(ref) + timedelta(days=_NARR_SHIFT[key]))


def h_weekend(m, ctx):
    """"the weekend": the one just past, or the coming one when the clause looks ahead."""
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE"
    tense = ctx.tense(m.start(), m.end())
    if ctx.anchor.isoweekday() >= 6:
        n = 0
    else:
        n = 0 if tense == FUTURE else -1
    return "DATE", cal.shift(ctx.anchor, "WE", n)
