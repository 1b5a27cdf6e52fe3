"""The grammar of time expressions: one compiled regex per rule, built from the lexicon.

Each rule names the kind of expression it finds; :mod:`.normalise` turns a
match of that kind into a TIMEX3 type and value.  Rules may overlap: the
extractor keeps the longest match at each place (HeidelTime-style), so "the
past three years" wins over "three years", and "Jan. 20, 2025" over "2025".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, lexicon, number_pattern


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    """Named regex fragments shared by the rules."""
    lex = lexicon()
    ordinals = alternation(k for k in lex["ordinals"])
    year = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d|%|-\d)"
    return {
        "MON": alternation(lex["months"]) + r"(?:\.(?!\w))?",
        "WD": alternation(lex["weekdays"]),
        # "the twenty-second" is spoken "twenty second" as well (broadcast transcripts)
        "DOM": r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d/]|[:,]\d)|"
               + ordinals.replace(r"\-", r"[\s-]") + ")",
        "WDA": alternation(lex["weekday_abbreviations"]),
        "YEAR": year,
        "NUM": number_pattern(),
        "FUZZY": alternation(lex["fuzzy_numbers"]),
        "UNIT": r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?"
                r"|decades?|century|centuries|millennium|millennia|hrs?|mins?)",
        "PART": r"(?:morning|afternoon|evening|night|nite)",  # "nite" in messages
        "ORD": ordinals,
        "SEASON": alternation(lex["seasons"]),
        "DECW": alternation(lex["decade_words"]),
        "TENS": r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
        "ONES": r"(?:one|two|three|four|five|six|seven|eight|nine)",
        "TEENS": r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
                 r"|nineteen)",
        "SPOKEN": r"(?:(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
                  r"|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven"
                  r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))",
        "TZ": r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|ET|PT)\b)?",
        "REL": r"(?:this\s+past|this\s+coming|the\s+previous|the\s+following|this|last|next"
               r"|past|previous|coming|following|current|latest|same|that)",
    }


def _rules(p: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, pattern) pairs in priority order (earlier wins a tie in length)."""
    lex = lexicon()
    qpre = (rf"(?:{p['YEAR']}|fiscal|year-ago|year-earlier|year\s+ago|comparable|corresponding"
            r"|same|latest|current|most\s+recent|(?:this|last|next)\s+year's|the|this|that"
            r"|last|next|past|previous|recent)")
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"),
        ("slash", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)\b"),
        ("mdy", rf"\b(?:(?P<rel>last|this|next)\s+)?(?:(?P<wd>{p['WD']}),?\s+)?(?P<mon>{p['MON']})\s+(?P<dom>{p['DOM']})"
                rf"(?:,?\s+(?:of\s+)?(?P<year>{p['YEAR']}))?\b"),
        ("dmy", rf"\b(?:(?P<wd>{p['WD']}),?\s+)?(?:the\s+)?(?P<dom>{p['DOM']})\s+(?:of\s+)?"
                rf"(?P<mon>{p['MON']})(?:,?\s+(?:of\s+)?(?P<year>{p['YEAR']}))?\b"),
        ("month", rf"\b(?:(?P<rel>this\s+past|this\s+coming|this|last|next)\s+)?"
                  rf"(?P<mon>{p['MON']})(?:(?:,?\s+|\s+of\s+)(?P<year>{p['YEAR']}|{p['SPOKEN']})"
                  rf"|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?\b"),
        ("quarter", rf"\b(?:{qpre}\s+){{0,3}}(?P<ord>{p['ORD']}|1st|2nd|3rd|4th)\s+"
                    rf"(?:fiscal\s+)?(?P<unit>quarter|half)(?P<pl>s)?"
                    rf"(?:\s+of\s+(?:(?P<ofrel>this|last|next)\s+year|(?:fiscal\s+)?"
                    rf"(?P<ofyear>{p['YEAR']})))?\b"),
        ("quarter", rf"\b(?:(?:{p['YEAR']}|fiscal|year-ago|year-earlier)[\s-]+){{0,2}}"
                    rf"(?P<ord>{p['ORD']}|1st|2nd|3rd|4th)-(?:fiscal-)?(?P<unit>quarter|half)"
                    r"(?P<pl>s)?(?P<ofrel>)(?P<ofyear>)\b"),
        ("qcode", r"(?<![\w.-])(?:(?P<y1>(?:19|20)\d\d)[\s/-]?)?(?-i:(?P<code>[QH])(?P<n>[1-4]))"
                  r"(?:(?:[\s/-]|\s+of\s+)(?P<y2>(?:19|20)\d\d)|(?:'|[/-]'?)(?P<yy>\d\d))?(?![\w-])"),
        ("qref", rf"\b(?:{qpre}[\s-]+){{1,3}}(?P<unit>quarter|period|nine\s+months|six\s+months)"
                 r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:last|the\s+previous)\s+year))?\b"),
        ("fiscal", rf"\b(?:(?P<fy>FY)\s*'?(?P<fyn>\d{{4}}|\d\d)\b|(?:the\s+)?fiscal\s+(?:year\s+)?"
                   rf"(?P<year>{p['YEAR']}|'\d\d)\b)"),
        ("century", rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{p['ORD']}|twenty-first)"
                    r"[\s-]+century\b"),
        ("decade", rf"\b(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s"
                   rf"|'(?P<short>\d0)s|(?<=the\s)(?:nineteen[\s-]+)?(?P<word>{p['DECW']}))\b"),
        ("ago", rf"\b(?P<num>{p['NUM']}|{p['FUZZY']})?(?:\s+(?:more|additional|full))?\s*"
                rf"(?P<unit>{p['UNIT']})(?:\s+or\s+so)?\s+(?P<dir>(?:from|after|before)\s+"
                r"(?P<dayref>today|tomorrow|tmrw?|yesterday)\b|ago|earlier|from\s+now|hence"
                r"|before(?=\s*[.,;:!?)]|\s*$)|after(?=\s*[.,;:!?)]|\s*$))"),
        ("yearago", r"\b(?:year-ago|year-earlier)\b"),
        ("relunit", rf"\b(?:(?P<the>the)\s+)?(?P<rel>{p['REL']})\s+(?P<unit>week|weekend|month|year"
                    r"|decade|century|fiscal\s+year|quarter)(?:\s+or\s+so)?\b"),
        ("season", rf"\b(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the)\s+)?"
                   rf"(?P<season>{p['SEASON']})(?:(?:\s+of)?\s+(?P<year>{p['YEAR']}|{p['SPOKEN']}))?\b"),
        ("weekday", rf"\b(?:(?P<rel>this\s+past|this\s+coming|the\s+previous|the\s+following"
                    rf"|this|last|next|previous|every|each)\s+)?(?P<wd>{p['WD']})(?P<pl>s)?"
                    rf"(?:\s+(?P<part>{p['PART']})(?P<ppl>s)?)?\b"),
        ("weekday", rf"\b(?P<rel>this\s+past|this\s+coming|this|last|next)\s+(?P<wd>{p['WDA']})"
                    r"(?!\w|'|\.\w)(?P<pl>)(?P<part>)(?P<ppl>)"),
        ("wdweek", rf"\b(?P<wd>{p['WD']})\s+of\s+(?P<wrel>last|next|this|the\s+following"
                   r"|the\s+previous|that|the\s+same)\s+week\b"),
        ("wddom", rf"\b(?P<wd>{p['WD']}|{p['WDA']}),?\s+"
                  r"(?:the\s+(?P<dom>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
                  r"|(?P<dom2>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
                  r"|(?:the\s+)?(?P<dom3>(?:twenty|thirty)[\s-](?:first|second|third|fourth"
                  r"|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth)"
                  r"|(?P<dom4>[12]\d|3[01]|0?[1-9])(?=\s*(?:[.!?;)]|$)))"  # "on Sunday 31!"
                  r"\b(?![-/]|[\s,]+(?:of\s+)?(?-i:[A-Z][a-z]+)\b)"),  # not "Friday 13th October"
        ("weekof", rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)"
                   rf"\s+week\s+of\s+(?:the\s+year\s+)?(?P<year>{p['YEAR']})\b"),
        ("relday", rf"\b(?:(?P<rel>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                   rf"|yesterday|today|tomorrow|tonight|tmrw?|tdy)(?:\s+(?P<part>{p['PART']}))?"
                   rf"|(?P<this>this|last)\s+(?P<part2>{p['PART']}|night))\b"),
        ("daypart", r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s))the\s+"
                    r"(?P<part>morning|afternoon|evening|night)\b"
                    r"(?!\s+(?:of|after|before)\b|[\s-]+(?:time|shift|session|sky|air|news)\b|-)"),
        ("clock", rf"\b(?:(?P<h>1[0-2]|0?[1-9])(?:[:.]\s?(?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.m\.?|[ap]m\b)"
                  rf"|(?<![\d:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?=\s*(?:[ECMP][SD]T|GMT|UTC|h\b))"
                  rf"|(?P<h2>1[0-2]|0?[1-9])(?:\s+o'clock)?\s+in\s+the\s+(?P<dp>morning|afternoon|evening)"
                  rf"|(?P<word>noon|midnight|midday))(?P<tz>{p['TZ']})"),
        ("duration", rf"\b(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|first|final|coming"
                     r"|following|previous|latest|initial|remaining|additional|further|same|other)\s+)?"
                     rf"(?P<num>{p['NUM']}|{p['FUZZY']})(?P<half2>\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight"
                     r"|consecutive|long|trading|business|calendar|fiscal))?"
                     r"(?:[\s-]+|(?<=\d)(?=(?:hrs?|mins?|days?|weeks?|months?|years?)\b))"  # "1hr", "2weeks"
                     rf"(?P<unit>{p['UNIT']})(?P<adj>-long)?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\b"
                     r"(?!\s*-\s*old|\s+old\b|-\d|-to-)"),
        ("recentunits", r"\brecent\s+(?P<unit>days|weeks|months|quarters|years|decades)\b"),
        ("unitlong", r"\b(?<!-)(?P<unit>hours?|days?|weeks?|months?|years?|decades?)-long\b"),
        ("bareunits", r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bin\s)|(?<=\bwithin\s))(?:the\s+(?:past|last|next|coming)\s+)?"
                      r"(?P<unit>years|months|weeks|days|decades|centuries)\b(?!\s+(?:of|ago|earlier))"),
        ("set", rf"\b(?P<q>every|each|per)\s+(?P<other>other\s+)?(?:(?P<n>{p['NUM']})\s+)?"
                rf"(?P<what>{p['WD']}|{p['UNIT']}|morning|night|evening|afternoon|weekend"
                rf"|{p['MON']}|{p['SEASON']})\b"),
        ("setword", r"\b" + alternation(lex["sets"]) + r"\b"),
        ("present", r"\b" + alternation(lex["present_ref"]) + r"\b"),
        ("past", r"\b" + alternation(lex["past_ref"]) + r"\b"),
        ("future", r"\b" + alternation(lex["future_ref"]) + r"\b"),
        ("holiday", r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>" + alternation(lex["holidays"])
         + r")\b"),
        ("year", rf"\b(?:the\s+year\s+)?(?P<year>{p['YEAR']})\b"),
        ("spokenyear", rf"\b(?:the\s+year\s+)?(?:(?P<cent>nineteen|twenty)[\s-]+(?P<rest>{p['TENS']}"
                       rf"(?:[\s-]+{p['ONES']})?|{p['TEENS']}|hundred)|two\s+thousand(?:\s+and)?"
                       rf"(?:[\s-]+(?P<rest2>{p['ONES']}|{p['TEENS']}))?)\b"),
        ("narrday", r"\b(?:(?P<rel>that(?:\s+same)?|the\s+same|the\s+next|the\s+following"
                    r"|the\s+previous|the\s+preceding)\s+day\b(?!-|'s\s+(?:work|pay))"
                    r"|the\s+day\s+(?P<ba>before|after)(?=\s*[.,;:!?)]))"),
        ("weekend", r"\bthe\s+weekend\b"),
        ("theyear", r"\bthe\s+(?:(?:full|fiscal|calendar)\s+)?year\b(?!\s+(?:two|\d|ago|earlier"
                    r"|before|of|after)\b|'s|-)"),
        ("newyear", r"\bthe\s+new\s+year\b(?!'s|\s+(?:holiday|celebration|festival))"),
        ("yearend", r"\b(?:the\s+end\s+of\s+the\s+year|(?:the\s+)?year[\s-]end|year's\s+end)\b"),
    ]


@lru_cache(maxsize=1)
def compiled() -> list[tuple[int, str, re.Pattern]]:
    """(priority, kind, regex) for every rule, compiled once, case-insensitive."""
    return [(i, kind, re.compile(pat, re.I)) for i, (kind, pat) in enumerate(_rules(pieces()))]


@lru_cache(maxsize=1)
def modifier_regex() -> re.Pattern:
    """A modifier word right before an expression ("about", "early", "the end of", "mid-")."""
    mods = lexicon()["mods_before"]
    return re.compile(r"\b(?P<mod>" + alternation(mods)[3:-1] + r")[\s-]*$", re.I)


# Which trigger class each rule needs nearby (see :func:`trigger_regex`).
RULE_TRIGGERS = {
    "iso": ("NUM",), "slash": ("NUM",), "mdy": ("MON",), "dmy": ("MON",), "month": ("MON",),
    "quarter": ("UNIT",), "qcode": ("UNIT",), "qref": ("UNIT",), "fiscal": ("NUM", "WORD"), "century": ("UNIT",),
    "decade": ("NUM", "WORD"), "ago": ("UNIT",), "yearago": ("UNIT",), "relunit": ("UNIT",),
    "season": ("WORD",), "weekday": ("WD",), "relday": ("WORD", "UNIT"), "clock": ("CLOCK", "WORD"),
    "duration": ("UNIT",), "bareunits": ("UNIT",), "set": ("WORD",), "setword": ("WORD", "UNIT"),
    "present": ("WORD", "UNIT"), "past": ("WORD", "UNIT"),
    "future": ("WORD", "UNIT"), "holiday": ("WORD", "UNIT"), "year": ("NUM",),
    "spokenyear": ("WORD",), "weekend": ("UNIT",), "yearend": ("UNIT",), "theyear": ("UNIT",), "recentunits": ("UNIT",),
    "unitlong": ("UNIT",), "narrday": ("UNIT",), "newyear": ("UNIT",), "weekof": ("UNIT",),
    "wdweek": ("WD",), "wddom": ("WD",), "daypart": ("WORD",),
}


_UNIT_WORDS = ("hr hrs min mins second seconds minute minutes hour hours hourly day days week "
               "weeks weekend weekends fortnight fortnights month months quarter quarters year "
               "years decade decades century centuries millennium millennia half period periods "
               "yearend q h")


@lru_cache(maxsize=1)
def trigger_words() -> dict[str, str]:
    """Lower-case word -> trigger class (MON, WD, UNIT, CLOCK, WORD).

    The rules of a class run only in windows around its trigger words, so a
    document is tokenised once with a trivial regex instead of being scanned
    by every rule over all of its text.
    """
    lex = lexicon()
    table: dict[str, str] = {}
    words = set(lex["seasons"]) | set(lex["day_parts"]) | set(lex["decade_words"]) \
        | set(lex["sets"])
    for phrase in lex["present_ref"] + lex["past_ref"] + lex["future_ref"] + list(lex["holidays"]):
        words.update(w for w in re.split(r"[\s'-]+", phrase) if len(w) > 3 or w == "now")
    words |= {"yesterday", "today", "tomorrow", "tonight", "tmr", "tmrw", "tdy", "fy", "fiscal", "nineteen",
              "twenty", "thousand", "every", "each", "per"}
    for w in words:
        table[w] = "WORD"
    for w in _UNIT_WORDS.split():
        table[w] = "UNIT"
    for w in ("am", "pm", "m", "noon", "midnight", "midday"):
        table[w] = "CLOCK"
    for w in list(lex["weekdays"]) + list(lex["weekday_abbreviations"]):
        table[w] = "WD"
    for w in lex["months"]:
        table[w] = "MON"
    return table


TOKEN = re.compile(r"[A-Za-z]+|\d+(?P<clock>[:.]\d\d)?")
