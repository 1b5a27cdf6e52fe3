"""Turn one grammar match into a TIMEX3 type and value.

Every handler takes the regex match and a :class:`Context` (anchor date,
parse, the last quarter mentioned) and returns ``(type, value)`` or None to
reject the match (a number that is not a year, "May" the modal verb, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Optional

from . import calendar as cal
from .lexicon import lexicon, number_value
from .tense import FUTURE, PAST, PERFECT, clause_tense, cue_tense

_REL_SHIFT = {"this": 0, "current": 0, "latest": 0, "same": 0, "that": 0, "last": -1, "past": -1,
              "previous": -1, "the previous": -1, "this past": -1, "next": 1, "coming": 1,
              "following": 1, "the following": 1, "this coming": 1}
_UNIT_CODE = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "E",
              "century": "C", "fiscal year": "Y", "quarter": "Q"}
_TIME_UNITS = {"TS": "S", "TM": "M", "TH": "H"}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60),
            "TM": ("TS", 60), "E": ("Y", 10), "Q": ("M", 3)}


@dataclass
class Context:
    """What the handlers may consult besides the match itself."""

    text: str
    doc: Any
    anchor: Optional[date]
    last_quarter: Optional[tuple[int, int, int]] = None  # (year, quarter, char position)
    refs: dict = field(default_factory=dict)

    def tense(self, start: int, end: int):
        """Direction of the expression: a preposition cue first, then the clause's tense."""
        cue = cue_tense(self.text, start)
        if cue:
            return cue
        return clause_tense(self.doc, start, end)

    def token(self, start: int):
        """The parse token covering character ``start`` (None without a parse)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def token_tag(self, start: int) -> str:
        """The fine POS tag of the token starting at ``start`` ('' without a parse)."""
        if self.doc is None:
            return ""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0].tag_ if span is not None and len(span) else ""

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


def _month(name: str) -> int:
    return lexicon()["months"][name.lower().rstrip(".")]


def _weekday(name: str) -> int:
    return lexicon()["weekdays"][name.lower()]


def _dom(s: str) -> int:
    m = re.match(r"\d+", s)
    return int(m.group()) if m else lexicon()["ordinals"].get(s.lower(), 0)


def _unit_code(unit: str) -> str:
    u = unit.lower()
    u = lexicon()["unit_plurals"].get(u, u)
    if u.endswith("s") and u[:-1] in lexicon()["units"]:
        u = u[:-1]
    return lexicon()["units"][u]


def duration_value(n: Optional[float], unit: str) -> str:
    """TimeML duration: P2M, PT5H, P2Y6M for 2.5 years; PXY when the number is fuzzy."""
    code = _unit_code(unit) if not re.fullmatch(r"[A-Z0-9]+", unit) else unit
    if code == "2W":
        code, n = "W", (n * 2 if n is not None else None)
    if code == "E" and n is not None:
        code, n = "Y", n * 10
    if code == "C" and n is not None:
        code, n = "Y", n * 100
    if code == "L":
        code, n = "Y", (n * 1000 if n is not None else None)
    t = "T" if code in _TIME_UNITS else ""
    letter = _TIME_UNITS.get(code, code)
    if n is None:
        return f"P{t}X{letter}"
    whole = int(n)
    if n != whole and code in _SMALLER:
        small, k = _SMALLER[code]
        rest = round((n - whole) * k)
        st = "T" if small in _TIME_UNITS and not t else ""
        head = f"{whole}{letter}" if whole else ""
        return f"P{t}{head}{st}{rest}{_TIME_UNITS.get(small, small)}"
    return f"P{t}{whole if n == whole else n}{letter}"


def _year(s: str, anchor: Optional[date]) -> int:
    s = s.strip("'")
    if len(s) == 2:
        century = (anchor.year // 100 * 100) if anchor else 1900
        y = century + int(s)
        return y - 100 if anchor and y > anchor.year + 20 else y
    return int(s)


def _year_number(s: str) -> int:
    """A year in digits or spoken words ("nineteen ninety-six")."""
    if s[:1].isdigit():
        return int(s)
    head, _, rest = re.sub(r"\s+", " ", s.lower()).replace("-", " ").partition(" ")
    return (19 if head == "nineteen" else 20) * 100 + int(number_value(rest) or 0)


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


_VERB_NEXT = re.compile(r"\s+(?:with|on|to|for|against|through|into|towards?|down|across|along"
                       r"|alongside|out|together|in\s+(?:the|support|protest|solidarity))\b", re.I)
_MONTH_PREP = re.compile(r"\b(?:in|since|by|until|till|from|of|during|through|last|next|this"
                         r"|early|late|mid|before|after|since)\s*-?$", re.I)


def _month_ok(m: re.Match, ctx: Context, has_number: bool) -> bool:
    """Reject lower-case month words and "May"/"March" used as verbs."""
    mon = m.group("mon")
    if not _capitalised(mon):
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


# --- handlers -------------------------------------------------------------------------------

def h_iso(m, ctx):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}"
    return "DATE", d.isoformat()


def h_slash(m, ctx):
    y = _year(m["y"], ctx.anchor)
    try:
        return "DATE", date(y, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def h_date(m, ctx):
    if not _month_ok(m, ctx, True):
        return None
    month, dom = _month(m["mon"]), _dom(m["dom"])
    if not 1 <= dom <= 31:
        return None
    if m["year"]:
        try:
            return "DATE", date(int(m["year"]), month, dom).isoformat()
        except ValueError:
            return None
    value = cal.month_date(ctx.anchor, month, dom, ctx.tense(m.start(), m.end()))
    return ("DATE", value) if value else None  # "Feb. 30" is no date


def h_month(m, ctx):
    if not _month_ok(m, ctx, bool(m["year"] or m["rel"] or m["yrel"])):
        return None
    month = _month(m["mon"])
    if not (m["year"] or m["rel"] or m["yrel"]) and re.search(
            r"\b(the|a|an|annual)\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.I) \
            and re.match(r"\s+(?:of|for|on|to|against)\b", ctx.text[m.end():m.end() + 9]):
        return None  # "the March for Life": a proper noun, not the month
    if m["year"]:
        return "DATE", f"{_year_number(m['year'])}-{month:02d}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.anchor.year
    rel = (m["rel"] or "").lower().split()
    if m["yrel"]:
        year += _REL_SHIFT[m["yrel"].lower()]
    elif rel and rel[-1] in ("last", "past"):
        year -= 0 if month < ctx.anchor.month else 1
    elif rel and rel[-1] in ("next", "coming"):
        year += 0 if month > ctx.anchor.month else 1
    elif rel and rel[0] == "this":
        pass
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
    code = "Q" if unit == "quarter" else "H"
    year = None
    explicit = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if m["ofyear"] or explicit:
        year = int(m["ofyear"] or explicit.group(1))
    elif m["ofrel"] or re.search(r"\b(this|last|next) year's", text):
        rel = m["ofrel"] or re.search(r"\b(this|last|next) year's", text).group(1)
        year = ctx.anchor.year + _REL_SHIFT[rel.lower()] if ctx.anchor else None
    elif re.search(r"year-ago|year-earlier|year\s+ago", text):
        base = _quarter_year(ctx, q, unit, PAST)
        year = base - 1 if base else None
    else:
        year = _quarter_year(ctx, q, unit, ctx.tense(m.start(), m.end()))
    value = f"{year if year else 'XXXX'}-{code}{q}"
    if m["pl"] and not m["ofyear"]:
        return "SET", f"XXXX-{code}{q}"
    if code == "Q" and year and (ctx.anchor is None or (year, q) <= cal.quarter_of(ctx.anchor)):
        ctx.last_quarter = (year, q, m.start())  # a reported quarter, not a forecast
    return "DATE", value


def _context_quarter(ctx: Context, pos: int) -> Optional[tuple[int, int]]:
    if ctx.last_quarter and pos - ctx.last_quarter[2] < 1500:
        return ctx.last_quarter[0], ctx.last_quarter[1]
    return None


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
    cq = _context_quarter(ctx, m.start())
    explicit = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", text)
    if explicit:
        year = int(explicit.group(1))
        return "DATE", f"{year}-Q{cq[1]}" if cq else str(year)
    if ctx.anchor is None and cq is None:
        return "DATE", "XXXX-QX"
    if (cq is None or words & {"current", "latest", "recent"}) and ctx.anchor is not None:
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
        return "DATE", f"FY{_year(m['fyn'], ctx.anchor)}"
    return "DATE", str(_year(m["year"], ctx.anchor))


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


def h_ago(m, ctx):
    unit = _unit_code(m["unit"])
    raw = m["num"]
    direction = m["dir"].lower().split()[0]
    sign = 1 if direction in ("later", "from", "hence", "after") else -1
    n = number_value(raw) if raw else None
    if raw and n is None or not raw and m["unit"].lower().endswith("s"):
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    n = 1 if n is None else n
    if unit == "Y" and n == 1 and sign < 0:
        cq = _context_quarter(ctx, m.start())
        if cq:
            return "DATE", f"{cq[0] - 1}-Q{cq[1]}"
    if ctx.anchor is None:
        return "DATE", cal.shift(None, unit if unit in "DWMQY" else "Y", 0)
    if unit in ("TH", "TM", "TS"):
        return "DATE", cal.day(ctx.anchor)
    if unit == "2W":
        unit, n = "W", n * 2
    if n != int(n):
        unit, k = _SMALLER.get(unit, (unit, 1))
        n = n * k
    if unit == "E":
        return "DATE", str(ctx.anchor.year - int(n) * 10 * (1 if sign < 0 else -1))
    if unit == "C":
        return "DATE", str(ctx.anchor.year // 100 + sign * int(n))
    return "DATE", cal.shift(ctx.anchor, unit, sign * int(n))


def h_yearago(m, ctx):
    cq = _context_quarter(ctx, m.start())
    if cq:
        return "DATE", f"{cq[0] - 1}-Q{cq[1]}"
    return "DATE", cal.shift(ctx.anchor, "Y", -1)


_NARRATIVE = {"following", "the following", "previous", "the previous", "that", "same"}


def h_relunit(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if unit == "quarter":
        return None  # the quarter rules handle these with their context
    n = _REL_SHIFT[rel]
    code = _UNIT_CODE[unit]
    ref = ctx.refs.get("date")
    if ref and rel in _NARRATIVE and code in ("Y", "M"):
        # "the following year", "that month": relative to the date the story is at
        if code == "Y":
            return "DATE", str(int(ref[:4]) + n)
        if len(ref) >= 7 and ref[5:7].isdigit():
            y, mo = cal.add_months(int(ref[:4]), int(ref[5:7]), n)
            return "DATE", f"{y}-{mo:02d}"
    if unit == "weekend":
        if n == 0 and ctx.tense(m.start(), m.end()) == PAST:
            n = -1
        return "DATE", cal.shift(ctx.anchor, "WE", n)
    return "DATE", cal.shift(ctx.anchor, code, n)


def h_season(m, ctx):
    season = lexicon()["seasons"][m["season"].lower()]
    rel = (m["rel"] or "").lower().split()
    word = m["season"].lower()
    if m["year"]:
        return "DATE", f"{_year_number(m['year'])}-{season}"
    if not rel:
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if word == "fall" or not re.search(r"\b(in|during|by|until|since|through|this|early|late"
                                           r"|mid)[\s-]+$", before):
            return None
    if rel == ["the"]:
        after = ctx.text[m.end():m.end() + 4].lower()
        if word == "fall" or after.startswith(" of"):
            return None
    n = -1 if rel and rel[-1] in ("last", "past") else 1 if rel and rel[-1] in ("next", "coming") else 0
    return "DATE", cal.season_value(ctx.anchor, season, n, ctx.tense(m.start(), m.end()))


def h_weekday(m, ctx):
    if not _capitalised(m["wd"]):
        return None
    wd = _weekday(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = lexicon()["day_parts"].get((m["part"] or "").lower())
    if rel in ("every", "each") or m["pl"]:
        return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
    tense = ctx.tense(m.start(), m.end())
    shift = {"last": -1, "this past": -1, "the previous": -1, "next": 1, "this coming": 1,
             "the following": 1}.get(rel, 0)
    if shift and ctx.anchor is not None:
        base = ctx.anchor + timedelta(days=wd - ctx.anchor.isoweekday())
        if shift < 0:
            value = cal.day(base if base < ctx.anchor else base - timedelta(weeks=1))
        else:
            value = cal.day(base if base > ctx.anchor else base + timedelta(weeks=1))
    else:
        if rel == "this":
            tense = tense or FUTURE
        value = cal.weekday_date(ctx.anchor, wd, tense)
    if part:
        return "TIME", f"{value}T{part}"
    return "DATE", value


def h_relday(m, ctx):
    parts = lexicon()["day_parts"]
    if m["this"]:
        word = m["part2"].lower()
        offset = -1 if m["this"].lower() == "last" else 0
        value = cal.shift(ctx.anchor, "D", offset)
        return "TIME", f"{value}T{parts[word]}"
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel == "today" and ctx.text[m.end():m.end() + 2] == "'s":
        return None  # "today's youth": generic, not the date
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}[rel]
    value = cal.shift(ctx.anchor, "D", offset)
    part = parts.get((m["part"] or "").lower())
    if part:
        return "TIME", f"{value}T{part}"
    return "DATE", value


def h_clock(m, ctx):
    if m["word"]:
        hhmm = lexicon()["day_parts"][m["word"].lower()]
    elif m["ap"]:
        h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
        hhmm = f"{h:02d}:{m['min'] or '00'}"
    else:
        hhmm = f"{int(m['hh']):02d}:{m['mm']}"
    return "TIME", f"{cal.shift(ctx.anchor, 'D', 0)}T{hhmm}"


_RATE = re.compile(r"\b(?:once|twice|thrice|times|hours?|minutes?|days?|weeks?|months?)\s+$",
                   re.I)


def h_duration(m, ctx):
    raw = m["num"]
    low = raw.lower()
    unit = m["unit"].lower()
    if low in ("a", "an") and unit.startswith("second"):
        return None
    if low in ("a", "an") and not m["the"] and not m["rel"] and _RATE.search(
            ctx.text[max(0, m.start() - 10):m.start()]):
        return "SET", duration_value(1, unit)  # "twice a day", "four hours a day"
    if low in ("a", "an") and re.search(r"[\d%]\s*(?:million|billion|thousand|cents?|dollars?"
                                        r"|shares?|percent)?\s+$",
                                        ctx.text[max(0, m.start() - 16):m.start()]):
        return None  # "$1.76 a year": a rate, not a duration
    if unit.startswith("quarter") and "-" in m.group():
        return None  # "three-quarters": a fraction
    if low in ("a", "an", "one") and unit.endswith("s") and not unit.startswith("centur"):
        return None
    n = number_value(raw)
    if n is None and low not in lexicon()["fuzzy_numbers"]:
        return None
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


def h_recentunits(m, ctx):
    """"recent years": a stretch of unstated length reaching up to now."""
    return "DURATION", duration_value(None, m["unit"])


def h_set(m, ctx):
    what = m["what"]
    low = what.lower().rstrip(".")
    if low in lexicon()["weekdays"]:
        return "SET", f"XXXX-WXX-{_weekday(low)}"
    if low in lexicon()["months"]:
        return "SET", f"XXXX-{_month(low):02d}"
    if low in ("morning", "night", "evening", "afternoon"):
        return "SET", f"TXX{lexicon()['day_parts'][low]}"
    if low == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", duration_value(1, low)


def h_setword(m, ctx):
    return "SET", lexicon()["sets"][m.group().lower()]


def h_present(m, ctx):
    return "DATE", "PRESENT_REF"


def h_past(m, ctx):
    return "DATE", "PAST_REF"


def h_future(m, ctx):
    if m.group().lower() == "future" and ctx.token_tag(m.start()) not in ("NN", ""):
        return None  # "future growth": an adjective, not the time
    return "DATE", "FUTURE_REF"


def h_holiday(m, ctx):
    if not _capitalised(m["name"]):
        return None
    spec = lexicon()["holidays"][re.sub(r"\s+", " ", m["name"].lower())]
    rel = (m["rel"] or "").lower()
    tense = PAST if rel == "last" else FUTURE if rel == "next" else ctx.tense(m.start(), m.end())
    return "DATE", cal.holiday_date(ctx.anchor, spec, tense)


def h_spokenyear(m, ctx):
    """"nineteen ninety-six", "the year two thousand" (transcribed broadcast news)."""
    if m["cent"]:
        rest = number_value(m["rest"]) if m["rest"] != "hundred" else 0
        if rest is None:
            return None
        return "DATE", str((19 if m["cent"].lower() == "nineteen" else 20) * 100 + int(rest))
    rest = number_value(m["rest2"]) if m["rest2"] else 0
    return "DATE", str(2000 + int(rest or 0))


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


def h_theyear(m, ctx):
    """"the year ended Sept. 30" is a span of a year; "for the year" is the current one."""
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end():m.end() + 8]):
        return "DURATION", "P1Y"
    return "DATE", cal.shift(ctx.anchor, "Y", 0)


def h_yearend(m, ctx):
    return "DATE", cal.shift(ctx.anchor, "Y", 0)


_YEAR_HEADS = frozenset("year month quarter result level figure earning sale high low".split())


def h_year(m, ctx):
    """A four-digit year, unless the number counts something ("2000 soldiers", "$1990")."""
    year = int(m["year"])
    before = ctx.text[max(0, m.start() - 2):m.start()]
    if "$" in before or "#" in before or before.endswith("No") or re.search(r"[\d.,:/]$", before):
        return None
    tok = ctx.token(m.start())
    if tok is not None:
        if tok.tag_ not in ("CD", "NNP", "NN"):
            return None
        head = tok.head
        if tok.dep_ == "nummod" and head.tag_ == "NNS" \
                and head.lemma_.lower() not in _YEAR_HEADS:
            return None
    return "DATE", str(year)


HANDLERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("h_")}
HANDLERS["mdy"] = HANDLERS["dmy"] = h_date
