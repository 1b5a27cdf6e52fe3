"""Find quantity candidates in the token stream: number, scale, currency, unit, range.

The scanner walks the tokens once.  At a token that can start a number it
reads the number, a currency before it, a unit after it, a second number
when a range connector follows ("5 to 10 percent", "$3-4 billion"), and
the bound and change words around it.  Number pairs that are no range are
read as their own forms: scores ("106-103", "voted 52 to 48"), records
("0-for-9"), proportions ("one in five"), heights ("7-foot-3", "the 6-10
forward").  What is *not* a quantity (years, clock times, dates, ordinals,
model names like "F-16s") is refused here, before any unit is looked for;
identifiers in context (phone numbers, addresses, "account ID is 4471") are
left to ``identifiers``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .lexicon import Lexicon, Unit
from .numbers import FEW_MULTIPLES, VULGAR, Num, read_number, simple_fraction
from .tokens import Toks
from .units import UnitMatch, currency_before, is_ordinal_suffix, unit_after, with_denominator

# Scores ("won 106-103") and records ("0-for-9", "a 10-2 record") are their own kinds:
# ``value`` and ``value_max`` are the two sides as written, not a range, and there is no SI value.
SCORE = Unit("score", "score")
RECORD = Unit("record", "record")
# "one of the best players" is membership, not a count (issue 15).  NewsQuant's gold counts it
# as 1: not counting it costs 7 of 457 gold on NewsQuant dev (value F1 0.964 -> 0.956).
COUNT_ONE_OF = False

_MONTHS = frozenset(
    "jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul jul. july "
    "aug aug. august sep sep. sept sept. september oct oct. october nov nov. november dec dec. december"
    .split())
_MINUS = frozenset("-−")
# One-letter currency prefixes ("R" for rand): money only with a scale or thousands ("R2-billion", "R1,500").
_BARE_LETTER_CURRENCY = frozenset(["R"])
# Lower-case words that join a number with a hyphen without making it a name.
_WORD_PREFIXES = frozenset("sub now then mid pre post over under non ex near about around some top "
                           "upper lower low high late early".split())
_RANGE_DASH = frozenset("-–—")
_CLOCK = frozenset(["am", "pm", "a.m.", "p.m.", "a", "p"])
@dataclass
class Cand:
    """A quantity being built; token indices are into ``Toks``."""

    first: int
    end: int
    num_start: int
    value: float
    value_max: Optional[float] = None
    unit: Optional[Unit] = None
    unit_name: Optional[str] = None
    written: bool = False
    bound: str = "="
    change: Optional[str] = None
    counted: bool = False
    about: Optional[tuple[int, int]] = None  # character offsets
    is_range: bool = False
    flags: set = field(default_factory=set)


def start_words(lex: Lexicon) -> frozenset:
    """Lower-case words that may begin a written number."""
    words = set(lex.ones) | set(lex.tens) | set(lex.vague) | set(FEW_MULTIPLES) | {"a", "tens", "half"}
    words |= {k[0] for k in lex.fractions}
    return frozenset(words)


def scan(t: Toks, lex: Lexicon, starts: frozenset, masked: list[tuple[int, int]]) -> list[Cand]:
    """All quantity candidates in reading order (no spaCy needed)."""
    out: list[Cand] = []
    i, n = 0, len(t)
    mask_i = 0
    while i < n:
        tok = t.text[i]
        if not (tok[0].isdigit() or (tok[0] == "." and len(tok) > 1) or t.low[i] in starts or tok in VULGAR):
            i += 1
            continue
        while mask_i < len(masked) and masked[mask_i][1] <= t.start[i]:
            mask_i += 1
        if mask_i < len(masked) and masked[mask_i][0] <= t.start[i]:
            i += 1
            continue
        cand = read_quantity(t, i, lex)
        if cand is None:
            i += 1
            continue
        out.append(cand)
        i = max(cand.end, i + 1)
    return out


def read_quantity(t: Toks, i: int, lex: Lexicon) -> Optional[Cand]:
    """The quantity whose number starts at token ``i`` (None when it is no quantity)."""
    digits = t.text[i][0].isdigit() or t.text[i][0] == "."
    if digits and _is_identifier(t, i, lex):
        return None
    first, sign = i, 1.0
    if digits and i > 0 and t.text[i - 1] in _MINUS and t.attached(i) and not _word_before(t, i - 1):
        first, sign = i - 1, -1.0
    cur = currency_before(t, first, lex) if digits else None
    if cur is None and i > 0 and t.low[i - 1] == "minus" and (i < 2 or t.low[i - 2] != "or"):
        first, sign = i - 1, -1.0  # "minus 5 degrees", "minus five percent"
    if cur is not None:
        first = cur[1]
    num = read_number(t, i, lex, money=cur is not None)
    if num is None:
        return None
    if cur is not None and t.text[cur[1]] in _BARE_LETTER_CURRENCY and cur[1] + 1 == i \
            and not (num.scaled or "," in t.text[i]):
        return None  # "R2-billion" is rand, "R2-D2" and "R5 road" are not ("R$25" is reais)
    if cur is not None and t.text[i][0] == "." and t.text[i][1:].isdigit() and t.attached(i) \
            and (t.text[i - 1], ".") in lex.currency_prefix:
        shift = 10.0 ** (len(t.text[i]) - 1)  # "Rs.25": the prefix's point, not a decimal point
        num.value, num.raw = num.value * shift, num.raw * shift
        if num.value_max is not None:
            num.value_max *= shift
    if not COUNT_ONE_OF and num.written and t.low[i] == "one" and num.end == i + 1 and num.end < len(t) and t.low[num.end] == "of":
        return None  # "one of the best players": membership, not a count
    if digits and _not_a_quantity_after(t, i, num.end, lex):
        return None
    num.value *= sign
    num.raw *= sign
    cand = Cand(first=first, end=num.end, num_start=i, value=num.value, written=num.written,
                value_max=num.value_max, is_range=num.value_max is not None)
    if num.fraction:
        cand.flags.add("fraction")
        cand.change = num.change
    if num.vague:
        cand.bound = "~"  # "hundreds of": at least the first value, of that order
    if cur is None and not num.scaled and not num.vague and not num.fraction and _special_form(t, cand, lex, digits):
        return cand
    if num.scaled:
        cand.flags.add("scaled")
    if cur is not None:
        cand.unit, cand.unit_name = cur[0], cur[0].name
        _minor_tail(t, cand, lex, word=False)
        _money_tail(t, cand, lex)
    elif num.end < len(t) and (t.text[num.end],) in lex.scaled_codes:
        unit, factor = lex.scaled_codes[(t.text[num.end],)]  # "30 MUSD": thirty million dollars
        cand.value *= factor
        cand.unit, cand.unit_name, cand.end = unit, unit.name, num.end + 1
        cand.flags.add("scaled")
        _money_tail(t, cand, lex)
    else:
        m = unit_after(t, num.end, lex, attached_to_number=t.attached(num.end))
        if m is not None and m.hyphen and m.unit.kind == "time":
            return None  # "a five-year plan": a modifier, left to the times stage
        if m is not None and m.unit.name == "pound" and t.low[m.end - 1] in ("pound", "pounds") \
                and _pounds_of_money(t, cand.first, num, m.end, lex):
            m = with_denominator(t, UnitMatch(lex.currency_prefix[("£",)], m.end, "pound sterling"), lex)
        if m is not None:
            cand.unit, cand.unit_name, cand.end = m.unit, m.name, m.end
            if m.unit.name == "foot":
                _inches(t, cand, lex)
            elif m.unit.kind == "money" and m.name == m.unit.name and not num.scaled:
                _minor_tail(t, cand, lex, word=True)
        elif digits and num.end < len(t) and t.attached(num.end) and t.text[num.end][0].isalpha():
            return None  # "3G", "2018s", "4K" is handled as a scale: a name, not a measure
        else:
            _percent_before(t, cand, lex)
            _bracketed_unit(t, cand, lex)
    _range(t, cand, num, lex, between=first > 0 and t.low[first - 1] == "between")
    _bound_after(t, cand, lex)
    return cand


_PERCENT_WORDS = frozenset(("percent", "percents", "percentage"))


def _percent_before(t: Toks, cand: Cand, lex: Lexicon) -> None:
    """'per cent of twenty-two', 'percent of 15.' : the percentage named before its number.

    Only when the percent word is no other number's unit ('40 percent of 10 million' is not
    this) and the number ends its phrase ('a high percent of 18-year-olds' is not this).
    """
    k, n = cand.first, len(t)
    if k < 2 or t.low[k - 1] != "of" or cand.value_max is not None:
        return
    if cand.end < n and t.text[cand.end] not in _CLAUSE_END:
        return
    p = k - 2
    if t.low[p] in ("cent", "cents") and p > 0 and t.low[p - 1] == "per":
        p -= 1
    elif t.low[p] not in _PERCENT_WORDS:
        return
    if p > 0 and (t.text[p - 1][0].isdigit() or t.low[p - 1] in lex.ones or t.low[p - 1] in lex.tens
                  or t.low[p - 1] in lex.scales or t.low[p - 1] in ("a", "the", "what", "which", "high",
                                                                     "low", "large", "small", "big")):
        return
    unit = lex.unit_words.get(("percent",))
    cand.unit, cand.unit_name, cand.first = unit, unit.name, p


_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _bracketed_unit(t: Toks, cand: Cand, lex: Lexicon) -> None:
    """'20 [kg]', '5 (km)': a unit symbol of two or more letters in brackets right after the number."""
    k, n = cand.end, len(t)
    if cand.unit is not None or k + 2 >= n or t.text[k] not in _BRACKETS or not t.text[k - 1][0].isdigit():
        return
    for size in (3, 2, 1):
        close = k + 1 + size
        if close >= n or t.text[close] != _BRACKETS[t.text[k]]:
            continue
        key = tuple(t.text[k + 1:close])
        unit = lex.unit_symbols.get(key)
        if unit is not None and len("".join(key)) >= 2 and all(t.attached(x) for x in range(k + 1, close + 1)):
            cand.unit, cand.unit_name, cand.end = unit, unit.name, close + 1
        return


def _pounds_of_money(t: Toks, first: int, num: Num, end: int, lex: Lexicon) -> bool:
    """'sold for 2.3 million pounds', 'paid 20 pounds', '5 pounds 20 pence': sterling, not weight.

    Money when pence follow, or when a money word stands before the number in its sentence
    (six words back at most) or the number is scaled, and no weight word is near and no
    'of' follows ('2 million pounds of beef' is a weight)."""
    n = len(t)
    if end < n and t.low[end] == "of":
        return False
    k = end + (end < n and t.low[end] == "and")
    if k + 1 < n and t.text[k].isdigit() and t.low[k + 1] in ("pence", "p"):
        return True
    if any(w in lex.pound_weight_cues for w in t.low[end:end + 2]):
        return False  # "20 pounds heavier"
    k = first - 1
    while k >= 0 and first - k <= 6 and t.text[k] not in _SENTENCE_STOPS:
        if t.low[k] in lex.pound_weight_cues:
            return False
        if t.low[k] in lex.pound_money_cues:
            return True  # the nearest cue decides: "weighed 50 pounds and cost 20 pounds"
        k -= 1
    return num.scaled


_SENTENCE_STOPS = frozenset(".!?;")


def _word_before(t: Toks, k: int) -> bool:
    """Token ``k`` is glued to a word or number before it ('F-16', '2014-15')."""
    return t.attached(k) and t.text[k - 1][0].isalnum()


def _is_identifier(t: Toks, i: int, lex: Lexicon) -> bool:
    """Digits glued to letters before them: 'A320', 'F-16', 'COVID-19', 'TA-35', '#5', 'No. 3'."""
    if i == 0 or currency_before(t, i, lex) is not None:
        return False
    prev = t.text[i - 1]
    if t.attached(i):
        if prev[0].isalpha():
            key = (prev,)
            return key not in lex.currency_prefix and key not in lex.currency_attached \
                and t.low[i - 1] not in ("sub", "minus")
        if prev in ("#", "_", "@"):
            return True
        if prev in ("-", "/") and i >= 2 and t.attached(i - 1) and t.text[i - 2][0].isdigit():
            return True  # the tail of "2014-15" or "24/7" whose head was refused
        if prev in ("-", "/") and i >= 2 and t.attached(i - 1) and t.text[i - 2][0].isalpha():
            return t.low[i - 2] not in _WORD_PREFIXES  # "F-16", "TA-35" but not "now-18", "sub-300"
        if prev == "." and i >= 2 and t.attached(i - 1) and t.text[i - 2][0].isalpha():
            return True  # "v.2", "No.3"
    return False


def _not_a_quantity_after(t: Toks, i: int, j: int, lex: Lexicon) -> bool:
    """Ordinals (10th), decades (1990s), clock times (9:01, 11 a.m.), dates (Sept. 20)."""
    n = len(t)
    if is_ordinal_suffix(t, i + 1):
        return True
    text = t.text[i]
    if text.isdigit() and (len(text) > 9 or (len(text) > 1 and text[0] == "0")):
        return True  # an identifier, account or phone number, not an amount
    if i + 2 < n and t.text[i + 1] == "'" and t.low[i + 2] == "s" and t.attached(i + 1) \
            and (is_year(text) or text in ("20", "30", "40", "50", "60", "70", "80", "90")):
        return True  # "the 90's"
    if i + 1 < n and t.attached(i + 1):
        nxt = t.text[i + 1]
        if nxt == "s" and (is_year(text) or text in ("20", "30", "40", "50", "60", "70", "80", "90")):
            return True  # "the 1990s", "the '80s", "2018s" (a possessive with the apostrophe lost)
        if nxt == ":" and i + 2 < n and t.attached(i + 2) and t.text[i + 2][0].isdigit():
            return True  # "9:30", a race time "1:14.2"
        if nxt == "/" and i + 2 < n and t.attached(i + 2) and t.text[i + 2].isdigit() \
                and not simple_fraction(t, i):
            return True  # 9/11, 3/4 dates and scores (but "1/4 mile", "3/4 of")
    if i > 0 and t.text[i - 1] in (":", "/") and t.attached(i) and i > 1 and t.text[i - 2][0].isdigit():
        return True  # "9:30", "9/17/16"
    if j < n and t.low[j] in _CLOCK:
        after = t.text[j + 1] if j + 1 < n else ""
        if t.low[j] in ("am", "pm", "a.m.", "p.m.") or (after == "." and t.attached(j + 1)
                                                        and j + 2 < n and t.low[j + 2] == "m"):
            return True  # "11 a.m." ("10p." ending a sentence is pence)
    if not _day_or_year(text) and not (i + 1 < n and t.attached(i + 1) and t.text[i + 1][0].isdigit()):
        return False  # "In May 4,000 people marched", "$37,305.97 February expenses": no date
        # ("Feb. 21,2015" is one: the year glued to the day after a comma)
    if i > 0 and t.low[i - 1] in _MONTHS:
        return True
    if i > 1 and t.text[i - 1] == "." and t.low[i - 2] + "." in _MONTHS:
        return True
    if j < n and t.low[j] in _MONTHS and j == i + 1:
        return True  # "8 September"
    return False


def _day_or_year(raw: str) -> bool:
    """Digits that can be a date's day or year: 1-31 or a four-digit year."""
    return raw.isdigit() and (1 <= int(raw) <= 31 or is_year(raw))


def _money_tail(t: Toks, cand: Cand, lex: Lexicon) -> None:
    """After '$5 million': a rate ('a month', 'per share') or a restating word ('US')."""
    m = unit_after(t, cand.end, lex, attached_to_number=False)
    if m is not None and m.unit.kind == "money" and m.unit.currency == cand.unit.currency:
        cand.end, cand.unit_name = m.end, m.name
        return
    rate = with_denominator(t, UnitMatch(cand.unit, cand.end, cand.unit.name), lex)
    cand.end, cand.unit_name = rate.end, rate.name


# Minor units counted in hundredths of any currency ("5 euros and 20 cents"); pence only of the pound.
_ANY_CURRENCY_MINOR = frozenset(("cent",))
_CLAUSE_END = frozenset(".,;:!?)")


def _minor_tail(t: Toks, cand: Cand, lex: Lexicon, word: bool) -> None:
    """'3 dollars 50 cents', '$13 and 45 cents', 'thirteen dollars forty-five': one amount (3.5, 13.45).

    The hundredths are a whole number under 100 after the major unit (an "and" may stand between),
    with their minor unit named, or, after a currency word ("15 dollars and 50."), unnamed at the
    end of the clause.  A scaled or fractional amount takes no hundredths.
    """
    n = len(t)
    k = cand.end
    if not float(cand.value).is_integer() or k >= n:
        return
    if t.low[k] == "and":
        k += 1
    if k >= n or not (t.text[k].isdigit() or t.low[k] in lex.ones or t.low[k] in lex.tens):
        return
    small = read_number(t, k, lex)
    if small is None or small.vague or small.fraction or small.scaled or not float(small.value).is_integer() \
            or not 0 < small.value < 100:
        return
    j = small.end
    minor = lex.minor_words.get((t.low[j],)) if j < n else None
    if minor is not None:
        if minor.name not in _ANY_CURRENCY_MINOR and minor.currency != cand.unit.currency:
            return
        j += 1
    elif not word or (j < n and t.text[j] not in _CLAUSE_END):
        return
    cand.value += small.value / 100
    cand.end = j


def _range(t: Toks, cand: Cand, num: Num, lex: Lexicon, between: bool) -> None:
    """Join '5 to 10 percent', '$3-4 billion', 'between 15kHz and 17kHz' into one range."""
    n = len(t)
    k = cand.end
    if k >= n or cand.is_range:
        return
    conn = t.low[k]
    if cand.unit is None and is_year(t.text[cand.num_start]):
        return  # "in 2018 to 3.9 million"
    plain = cand.unit is None and cand.written and k + 1 < n and t.text[k + 1][0].isalpha()
    if not (conn in _RANGE_DASH or conn == "to" or (conn == "and" and between) or (conn == "or" and plain)):
        return
    if conn in _RANGE_DASH and k + 1 < n and t.attached(k + 1) != t.attached(k):
        return  # "Stoxx 50 -1.3%": a sign, not a range dash
    k2 = k + 1
    if k2 < n and cand.unit is not None and cand.unit.kind == "money":
        cur = _currency_at(t, k2, lex)
        if cur is not None:
            if cur[0].name != cand.unit.name:
                return
            k2 = cur[1]
    if k2 >= n or not (t.text[k2][0].isdigit() or t.low[k2] in lex.ones or t.low[k2] in lex.tens):
        return
    if t.text[k2].startswith("0") and len(t.text[k2]) > 1 and "." not in t.text[k2]:
        return  # "555-0123" is no range
    second = read_number(t, k2, lex, money=cand.unit is not None and cand.unit.kind == "money")
    if second is None or second.vague or second.fraction:
        return
    m = unit_after(t, second.end, lex, attached_to_number=t.attached(second.end))
    record = cand.unit is None and conn in _RANGE_DASH and not num.written \
        and _is_record(t, cand.first, second.end, lex)
    if record:
        m = None  # "a 2-9 start": the noun after names the record, it is no counted unit
    if conn == "to" and (cand.unit is not None or m is None) and cand.first > 0 \
            and not (second.scaled and not num.scaled) \
            and (t.low[cand.first - 1] in lex.change_up or t.low[cand.first - 1] in lex.change_down):
        return  # "rose 1 1/8 to 23 5/8", "rose 0.5 yen to 143.2 yen": the change, then the level
        # it reached ("rise 5 to 10 percent", the unit on the second number only, is a range)
    if cand.unit is not None and cand.unit.kind == "money":
        m2 = None if m is None or m.unit.kind != "money" else m
        end, unit2 = (m2.end if m2 else second.end), cand.unit
    else:
        if cand.unit is not None and m is None and conn not in _RANGE_DASH and not between \
                and not (cand.first > 0 and t.low[cand.first - 1] == "from"):
            return  # "gained 0.7 percent to 6,327.80": the index level is a second quantity
        if cand.unit is not None and m is not None and cand.unit.name == "degree" and m.unit.kind == "temperature":
            cand.unit, cand.unit_name = m.unit, m.name  # "20°-25°C": both ends in celsius
        elif cand.unit is not None and m is not None and m.unit.name != cand.unit.name:
            return
        unit2 = m.unit if m else cand.unit
        end = m.end if m else second.end
        if cand.unit is None and m is not None:
            cand.unit, cand.unit_name = m.unit, m.name
    result = cand.first > 0 and t.low[cand.first - 1] in lex.score_verbs
    record = record or cand.unit is None and conn in _RANGE_DASH and not num.written \
        and _is_record(t, cand.first, end, lex)
    if cand.unit is None and not num.written and float(num.value).is_integer() and float(second.value).is_integer() \
            and (conn in _RANGE_DASH and (num.value >= second.value or result or record)
                 or conn == "to" and num.value > second.value):
        # "a 5-4 decision", "voted 52 to 48", "lost 0-2": a score, not a range
        cand.flags.add("tally")
        cand.unit, cand.unit_name, cand.value_max, cand.end = SCORE, SCORE.name, second.value, end
        if num.value == second.value == 50:
            cand.flags.add("idiom")  # "a 50-50 chance": an even split, no score
        if record:
            cand.unit, cand.unit_name = RECORD, RECORD.name
        return
    if conn == "to" and m is not None and cand.unit is not None and num.value > second.value \
            and not (cand.first > 0 and t.low[cand.first - 1] == "from"):
        return  # "beats him by 46 percent to 42 percent": two shares, not a range
    lo = num.value
    if not num.scaled and second.scaled and abs(num.raw) < abs(second.raw):
        lo = num.raw * (second.value / second.raw if second.raw else 1.0)
    cand.value, cand.value_max, cand.is_range, cand.end = lo, second.value, True, end
    if second.scaled:
        cand.flags.add("scaled")  # "3 and 4 million": a scaled amount, not a date
    cand.unit = cand.unit or unit2
    if cand.unit is not None and cand.unit.kind == "money" and " per " not in (cand.unit_name or ""):
        _money_tail(t, cand, lex)


def _is_record(t: Toks, first: int, end: int, lex: Lexicon) -> bool:
    """A dash pair at tokens first..end is a win-loss record, not one game's score.

    'a 10-2 record', 'a record of 216-146', 'unbeaten 12-0', 'improved to 52-3', '12-4 overall',
    'Alvarez (52-3, 36 KOs)', 'the Hawks (12-4) host ...'; but 'fell to a 2-1 defeat' and
    'beat Arsenal (2-1)' are scores.
    """
    n = len(t)
    after = t.low[end] if end < n else ""
    if after in lex.result_nouns:
        return False
    if after in lex.record_after:
        return True
    if _record_word_ahead(t, end, lex) and not any(w in lex.score_verbs for w in t.low[max(first - 3, 0):first]):
        return True  # "is 14-3 in her career"; but "won 3-1 in the season opener" is a score
    before = t.low[first - 1] if first > 0 else ""
    if before in lex.record_before or (before == "of" and first > 1 and t.low[first - 2] in lex.record_before):
        return True
    if before == "to" and first > 1 and t.low[first - 2] in lex.record_verbs:
        return True
    if before == "(" and after in (")", ",", ";") and first > 1 and t.text[first - 2][:1].isupper() \
            and not any(w in lex.score_verbs for w in t.low[max(first - 5, 0):first - 1]):
        return True  # a team's or a fighter's record after the name
    return False


_RECORD_GLUE = frozenset("in on for of this last the his her their its".split())


def _record_word_ahead(t: Toks, end: int, lex: Lexicon) -> bool:
    """'14-3 in her career', '5-2 on the season', '7-1 this season': a record word after a
    few function words only (a word of content between ends the look)."""
    for k in range(end, min(end + 4, len(t))):
        if t.low[k] in lex.record_after and k > end:
            return True
        if t.low[k] not in _RECORD_GLUE:
            return False
    return False


def _special_form(t: Toks, cand: Cand, lex: Lexicon, digits: bool) -> bool:
    """Number pairs that are neither ranges nor counts: records, proportions, heights."""
    if digits and (_tally(t, cand, lex) or _dash_height(t, cand, lex) or _quote_height(t, cand, lex)):
        return True
    return _proportion(t, cand, lex)


def _proportion(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'one in five adults', '9 out of 10 doctors': the proportion (0.2, 0.9), counting nothing."""
    k, n = cand.end, len(t)
    if k + 1 < n and t.low[k] == "in":
        k += 1
    elif k + 2 < n and t.low[k] == "out" and t.low[k + 1] == "of":
        k += 2
    else:
        return False
    if k < n and t.low[k] == "every":
        k += 1
    if k >= n or not (t.text[k].isdigit() or t.low[k] in lex.ones or t.low[k] in lex.tens) or is_year(t.text[k]):
        return False  # "the 757 in 2011"
    second = read_number(t, k, lex)
    if second is None or second.vague or second.fraction or second.scaled or not float(cand.value).is_integer():
        return False
    if not 0 < cand.value < second.value or unit_after(t, second.end, lex, t.attached(second.end)) is not None:
        return False  # "2 in 10 minutes" is no proportion
    cand.value, cand.end = cand.value / second.value, second.end
    cand.flags.add("fraction")
    return True


def _dash_height(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'the 6-10 forward': a player's height in feet and inches, read as feet (6.83)."""
    k, n = cand.end, len(t)
    if k + 2 >= n or cand.value not in (4, 5, 6, 7) or cand.written or cand.end != cand.num_start + 1:
        return False
    if not (t.text[k] == "-" and t.attached(k) and t.attached(k + 1) and t.text[k + 1].isdigit()
            and int(t.text[k + 1]) < 12 and t.low[k + 2] in lex.height_nouns):
        return False
    foot = lex.unit_words[("foot",)]
    cand.value += int(t.text[k + 1]) / 12
    cand.unit, cand.unit_name, cand.end = foot, foot.name, k + 2
    return True


_FEET_MARKS = frozenset("'′’")
_INCH_MARKS = frozenset('"″”')


def _quote_height(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'6'2"', '5′11″': feet and inches written with marks, read as feet (6.17)."""
    k, n = cand.end, len(t)
    if k + 1 >= n or cand.written or cand.end != cand.num_start + 1 or not 1 <= cand.value <= 8 \
            or t.text[k] not in _FEET_MARKS or not t.attached(k) or not t.attached(k + 1) \
            or not t.text[k + 1].isdigit() or int(t.text[k + 1]) >= 12:
        return False
    end = k + 2
    if end < n and t.text[end] in _INCH_MARKS and t.attached(end):
        end += 1
    elif end + 1 < n and t.text[end] in _FEET_MARKS and t.text[end + 1] in _FEET_MARKS and t.attached(end):
        end += 2  # two apostrophes for the inch mark
    else:
        return False
    foot = lex.unit_words[("foot",)]
    cand.value += int(t.text[k + 1]) / 12
    cand.unit, cand.unit_name, cand.end = foot, foot.name, end
    return True


def _tally(t: Toks, cand: Cand, lex: Lexicon) -> bool:
    """'0-for-9', '3-for-4': a batting or shooting record (made, attempted), its own kind."""
    k, n = cand.end, len(t)
    if cand.written or cand.value_max is not None or k + 3 >= n or cand.end != cand.num_start + 1:
        return False
    if not (t.text[k] == "-" and t.low[k + 1] == "for" and t.text[k + 2] == "-" and t.text[k + 3].isdigit()
            and all(t.attached(x) for x in range(k, k + 4))):
        return False
    cand.flags.add("tally")
    cand.unit, cand.unit_name = RECORD, RECORD.name
    cand.value_max, cand.is_range, cand.end = float(t.text[k + 3]), False, k + 4
    return True


def _inches(t: Toks, cand: Cand, lex: Lexicon) -> None:
    """'7-foot-3', '6 feet 4 inches': a height in feet and inches, read as feet (7.25)."""
    k, n = cand.end, len(t)
    if k + 1 < n and t.text[k] == "-" and t.attached(k) and t.attached(k + 1) and t.text[k + 1].isdigit():
        inches, end = int(t.text[k + 1]), k + 2
        if end + 1 < n and t.text[end] == "-" and t.attached(end) and t.low[end + 1] in ("inch", "in"):
            end += 2  # "6-foot-10-inch"
        elif end < n and t.text[end] == "-" and t.attached(end):
            return  # "6-foot-10-wide" is something else; left as feet
    elif k + 1 < n and t.text[k].isdigit() and t.low[k + 1] in ("inch", "inches", "in"):
        inches, end = int(t.text[k]), k + 2
    else:
        return
    if inches >= 12 or cand.written:
        return
    cand.value += inches / 12
    cand.end = end


def is_year(raw: str) -> bool:
    """A four-digit integer that reads as a year (1500-2100)."""
    return raw.isdigit() and len(raw) == 4 and 1500 <= int(raw) <= 2100


def _currency_at(t: Toks, k: int, lex: Lexicon) -> Optional[tuple[Unit, int]]:
    """A currency prefix starting at token ``k``: (unit, index of the number after it)."""
    for size in (3, 2, 1):
        key = tuple(t.text[k:k + size])
        unit = lex.currency_prefix.get(key) or lex.currency_attached.get(key)
        if unit is not None and k + size < len(t) and t.text[k + size][0].isdigit():
            return unit, k + size
    return None


def _bound_after(t: Toks, cand: Cand, lex: Lexicon) -> None:
    """'50 or more', '10,000-plus', '18+'."""
    k = cand.end
    for size in (2, 1):
        key = tuple(t.low[k:k + size])
        if key in lex.bounds_after and len(key) == size:
            if key in (("+",), ("-", "plus")) and not t.attached(k):
                continue
            cand.bound = lex.bounds_after[key]
            cand.end = k + size
            return
