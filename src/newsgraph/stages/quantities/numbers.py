"""Read one number at a token position: digits, written words, vague plurals, fractions.

A reader returns ``Num`` (value, optional upper end, where it stopped) or
None.  Scale words and abbreviations ("3.9 million", "$4.2bn", "25k") are
applied here because they belong to the number, not to the unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon
from .tokens import Toks

# After "37m", these words mean metres, not millions ("a 100m sprint").
_METRE_CONTEXT = frozenset("long tall high wide deep away above below from in race sprint dash relay "
                           "hurdles freestyle butterfly backstroke breaststroke medley final title "
                           "run swim event record".split())
# Of those, the ones that also follow a million ("raised 600m in funding", "a 60m title bid").
_WEAK_METRE_CONTEXT = frozenset("in from final title run event record".split())
# Words in the sentence that say an attached "m" is a distance (sport, height, depth) ...
_DISTANCE_WORDS = frozenset("race races runner runners sprint sprinter sprinters relay relays hurdles freestyle "
                            "butterfly backstroke breaststroke medley swim swimmer swimmers swimming track indoor "
                            "outdoor athletics athlete athletes olympic olympics olympian medal medals heat heats "
                            "semifinal semifinals final finals championship championships champion meet clocked "
                            "seconds lap laps metres meters metre meter km kilometres kilometers tall deep wide "
                            "altitude elevation climb climbed summit peak mountain cliff tower depth height length "
                            "distance pool rowing kayak canoe skating skater downhill ski jump jumped dive "
                            "dived underwater runway ran run finished finish finishing placed".split())
# ... and words that say it is a million (money, people, sales).
_MILLION_WORDS = frozenset("revenue revenues sales profit profits loss losses funding raised raise raising worth "
                           "valued valuation budget deal cost costs price priced paid pay paying investment invest "
                           "invested investors debt deficit shares share users people viewers subscribers customers "
                           "population residents visitors fans votes voters fund funds fine fined compensation bid "
                           "fee fees transfer contract salary wage income earnings turnover spending spent spend "
                           "tax dollars pounds euros million billion bn tonnes barrels market stake bonus sold "
                           "bought acquisition buy loan loans mortgage pension donation donated grant subsidy "
                           "households homes jobs copies downloads streams tickets".split())
_CURRENCY_SIGNS = frozenset("$£€¥₹")
_SENTENCE_END = frozenset(".!?;")
_SCI_TIMES = frozenset("×xX")
_MINUS = frozenset("-−–")
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
FRACTION_DENOMINATORS = frozenset((2, 3, 4, 8, 16))
_FRACTION_CHANGE = {"less": "down", "fewer": "down", "lower": "down", "smaller": "down", "cheaper": "down",
                    "more": "up", "higher": "up", "larger": "up", "bigger": "up"}


@dataclass
class Num:
    value: float
    end: int  # token index after the number (and its scale)
    written: bool = False
    scaled: bool = False
    raw: float = 0.0  # the value before a scale word
    value_max: Optional[float] = None  # vague plurals ("dozens of") are ranges
    vague: bool = False
    fraction: bool = False
    change: Optional[str] = None  # "a third less": the fraction is a change


def read_number(t: Toks, i: int, lex: Lexicon, money: bool = False) -> Optional[Num]:
    """The number starting at token ``i``, or None."""
    text = t.text[i]
    if text in VULGAR:
        return _scale(t, i + 1, lex, VULGAR[text], money, scaled=False)  # "½ teaspoon"
    if text[0].isdigit() or (text[0] == "." and len(text) > 1):
        return _digits(t, i, lex, money)
    low = t.low[i]
    few = _few_of_scale(t, i, lex)
    if few is not None:
        return few
    part = _part_of_scale(t, i, lex)
    if part is not None:
        return part
    if low in lex.vague or low in ("tens",):
        return _vague(t, i, lex)
    frac = _fraction(t, i, lex)
    if frac is not None:
        return frac
    return _words(t, i, lex)


def _digits(t: Toks, i: int, lex: Lexicon, money: bool) -> Num:
    raw = float(t.text[i].replace(",", ""))
    j = i + 1
    n = len(t)
    # scientific notation: 2.998×10−8
    if (j + 1 < n and t.text[j] in _SCI_TIMES and t.attached(j) and t.text[j + 1] == "10"
            and t.attached(j + 1)):
        k, sign = j + 2, 1
        if k < n and t.text[k] in _MINUS and t.attached(k):
            sign, k = -1, k + 1
        if k < n and t.text[k].isdigit() and t.attached(k):
            raw *= 10 ** (sign * int(t.text[k]))
            j = k + 1
    j, raw = _fraction_part(t, i, j, raw)
    part = _and_a_part(t, j) if t.text[i].isdigit() and j == i + 1 else None
    if part is not None:
        j, raw = part[0], raw + part[1]  # "2 and a half years"
    return _scale(t, j, lex, raw, money, scaled=False)


def _scale(t: Toks, j: int, lex: Lexicon, raw: float, money: bool, scaled: bool) -> Num:
    """Apply the scale words or abbreviations at token ``j`` to ``raw``."""
    n = len(t)
    value = raw
    if j < n and t.attached(j) and t.text[j] in lex.abbrev_scales:
        factor = _abbrev_factor(t, j, lex, money)
        if factor:
            value, scaled, j = value * factor, True, j + 1
    while j < n and (t.low[j] in lex.scales or t.low[j] in lex.detached_scales) and not scaled_out(t, j) \
            or _hyphen_scale(t, j, lex):
        if t.text[j] == "-":
            j += 1  # "$23-million", "1.2-billion-yuan": the scale joined by a hyphen
        factor = lex.scales.get(t.low[j]) or lex.abbrev_scales[t.low[j]]
        if factor <= value and factor >= 1000 and scaled:
            break  # "3 million thousand" is not a thing; stop at the first scale
        value, scaled, j = value * factor, True, j + 1
    return Num(value, j, scaled=scaled, raw=raw)


def _fraction_part(t: Toks, i: int, j: int, raw: float) -> tuple[int, float]:
    """'1½', '2 1/2', '3/4': a fraction after (or as) the digits; (index after it, value)."""
    n = len(t)
    if j < n and t.text[j] in VULGAR and t.text[i].isdigit():  # "1½", "5 ½"
        return j + 1, raw + VULGAR[t.text[j]]
    if j + 1 < n and t.text[j] == "/" and t.attached(j) and t.attached(j + 1) and simple_fraction(t, i):
        return j + 2, raw / int(t.text[j + 1])
    if j + 2 < n and t.text[i].isdigit() and t.text[j].isdigit() and not t.attached(j) \
            and t.text[j + 1] == "/" and simple_fraction(t, j):
        return j + 3, raw + int(t.text[j]) / int(t.text[j + 2])
    return j, raw


def simple_fraction(t: Toks, k: int) -> bool:
    """Tokens k..k+2 are 'n/d' with n < d and d a denominator news uses (halves to sixteenths)."""
    if k + 2 >= len(t) or t.text[k + 1] != "/" or not (t.attached(k + 1) and t.attached(k + 2)):
        return False
    num, den = t.text[k], t.text[k + 2]
    if not (num.isdigit() and den.isdigit()) or int(den) not in FRACTION_DENOMINATORS:
        return False
    after = k + 3
    if after < len(t) and t.attached(after) and t.text[after] == "/":
        return False  # "1/2/2020" is a date
    return 0 < int(num) < int(den)


# "several hundred", "a few thousand": an unnamed small multiple of a scale word, approximate,
# read like the vague plurals (lower end as the value, upper end as value_max).
FEW_MULTIPLES = {"several": (3, 9), "few": (2, 5)}
_FEW_SCALES = frozenset(("dozen", "hundred", "thousand", "million", "billion", "trillion"))


def _few_of_scale(t: Toks, i: int, lex: Lexicon) -> Optional[Num]:
    """'Several hundred protesters' (300-900), 'a few thousand fans' (2000-5000)."""
    n = len(t)
    j = i + 1 if t.low[i] == "a" and i + 1 < n and t.low[i + 1] == "few" else i
    if t.low[j] not in FEW_MULTIPLES or j + 1 >= n or t.low[j + 1] not in _FEW_SCALES:
        return None
    lo, hi = FEW_MULTIPLES[t.low[j]]
    scale = 12 if t.low[j + 1] == "dozen" else lex.scales[t.low[j + 1]]
    return Num(lo * scale, j + 2, written=True, scaled=scale >= 1000, raw=lo, value_max=hi * scale, vague=True)


_PART_WORDS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}


def _part_of_scale(t: Toks, i: int, lex: Lexicon) -> Optional[Num]:
    """'half a million', 'a quarter million', 'a quarter of a billion', 'three quarters of a million',
    'two-thirds of a billion': a fraction of a scale word."""
    n = len(t)
    j = i
    if t.low[j] == "half":
        part, j = 0.5, j + 1
    elif t.low[j] in ("a", "one") and j + 1 < n and t.low[j + 1] in _PART_WORDS:
        part, j = _PART_WORDS[t.low[j + 1]], j + 2
    else:
        for size in (3, 2):
            key = tuple(t.low[i:i + size])
            if len(key) == size and key in lex.fractions:
                part, j = lex.fractions[key], i + size
                break
        else:
            return None
    if j + 1 < n and t.low[j] == "of" and t.low[j + 1] in ("a", "one"):
        j += 2
    elif j < n and t.low[j] in ("a", "an"):
        j += 1
    if j < n and t.low[j] in lex.scales and t.low[j] not in ("hundred", "lakhs", "crores"):
        scale = lex.scales[t.low[j]]
        return Num(part * scale, j + 1, written=True, scaled=True, raw=part)
    return None


def _hyphen_scale(t: Toks, j: int, lex: Lexicon) -> bool:
    """'-million' glued to the digits before it (Canadian and South African house style)."""
    return (j + 1 < len(t) and t.text[j] == "-" and t.attached(j) and t.attached(j + 1)
            and t.low[j + 1] in lex.scales and t.low[j + 1] != "hundred")


def scaled_out(t: Toks, j: int) -> bool:
    """'hundreds of' after a digit is not a scale of it."""
    return t.low[j].endswith("s") and t.low[j] not in ("mn", "bn", "tn", "mln", "bln", "trn", "lakhs", "crores")


def _abbrev_factor(t: Toks, j: int, lex: Lexicon, money: bool) -> Optional[float]:
    """Resolve attached 'm', 'b', 'B' (million/metre, billion/byte) from context."""
    s = t.text[j]
    nxt = t.low[j + 1] if j + 1 < len(t) else ""
    nxt_attached = j + 1 < len(t) and t.attached(j + 1) and t.text[j + 1][0].isalnum()
    if nxt_attached:
        return None  # "5mg", "3kHz": a unit symbol, not a scale
    if s in ("m", "b", "B") and not money:
        if s == "b":
            return None
        if nxt in _METRE_CONTEXT and nxt not in _WEAK_METRE_CONTEXT:
            return None  # "37m long", "a 100m sprint"
        lean = _distance_lean(t, j)
        if lean > 0 or (lean == 0 and (nxt in _WEAK_METRE_CONTEXT or not nxt[:1].isalpha())):
            return None  # "won the 600m.", "the 600m runner", "clocked 1:14 over 600m"
    return lex.abbrev_scales[s]


def _distance_lean(t: Toks, j: int) -> int:
    """Distance words minus money/count words in the sentence around the 'm' at token ``j``.

    "He won the 600m in 1:15" leans to metres, "raised 600m in funding" and "60m people" to
    millions; a race time ("1:14.2") counts as a distance word.
    """
    n = len(t)
    lo = j - 1
    while lo > 0 and j - lo < 30 and t.text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = j + 1
    while hi < n and hi - j < 30 and t.text[hi] not in _SENTENCE_END:
        hi += 1
    lean = 0
    for k in range(max(lo, 0), hi):
        if k == j:
            continue
        w = t.low[k]
        if w in _DISTANCE_WORDS:
            lean += 1
        elif w in _MILLION_WORDS or w in _CURRENCY_SIGNS:
            lean -= 1
        elif w == ":" and 0 < k < n - 1 and t.text[k - 1].isdigit() and t.text[k + 1][:1].isdigit() \
                and t.attached(k) and t.attached(k + 1):
            lean += 1
    return lean


def _vague(t: Toks, i: int, lex: Lexicon) -> Optional[Num]:
    """'dozens of', 'thousands of', 'tens of thousands of': one order of magnitude."""
    n = len(t)
    low = t.low[i]
    if low == "tens" or (low == "hundreds" and i + 2 < n and t.low[i + 2] in lex.vague
                         and t.low[i + 1] == "of" and t.low[i + 2] != "dozens"):
        if i + 3 < n and t.low[i + 1] == "of" and t.low[i + 2] in lex.vague and t.low[i + 3] == "of":
            base = (10 if low == "tens" else 100) * lex.vague[t.low[i + 2]]
            return Num(base, i + 4, written=True, value_max=base * 10, vague=True)
        return None
    if i + 1 < n and t.low[i + 1] in ("of", "more"):
        base = lex.vague[low]
        end = i + 2 if t.low[i + 1] == "of" else i + 1  # "hundreds more volunteers": the noun follows
        return Num(base, end, written=True, value_max=base * 10, vague=True)
    return None


def _fraction(t: Toks, i: int, lex: Lexicon) -> Optional[Num]:
    """'half of', 'a third of', 'two-thirds of' (only before 'of' or a determiner)."""
    n = len(t)
    for size in (3, 2, 1):
        if i + size >= n:
            continue
        key = tuple(t.low[i:i + size])
        if key not in lex.fractions:
            continue
        if t.low[i + size] in ("of", "the", "its", "their", "his", "her", "our"):
            end = i + size + (1 if t.low[i + size] == "of" else 0)
            return Num(lex.fractions[key], end, written=True, fraction=True)
        if t.low[i + size] in _FRACTION_CHANGE and size > 1:
            # "a third less fuel", "a quarter more water": a change by that fraction
            return Num(lex.fractions[key], i + size + 1, written=True, fraction=True,
                       change=_FRACTION_CHANGE[t.low[i + size]])
    return None


def _words(t: Toks, i: int, lex: Lexicon) -> Optional[Num]:
    """'three', 'twenty-five', 'four hundred thousand', 'a dozen', 'a million'."""
    n = len(t)
    j, total, cur, seen, last_scale = i, 0.0, 0.0, False, 1.0
    if t.low[i] == "a" and i + 1 < n and (t.low[i + 1] in lex.scales or t.low[i + 1] == "dozen"
                                          or (t.low[i + 1] == "couple" and i + 2 < n and t.low[i + 2] == "of")):
        cur, j = 1.0, i + 1
    while j < n:
        w = t.low[j]
        if w in lex.ones:
            if seen and cur % 10 != 0:
                break
            cur += lex.ones[w]
        elif w in lex.tens:
            if seen and cur % 100 != 0:
                break
            cur += lex.tens[w]
            if j + 2 < n and t.text[j + 1] == "-" and t.attached(j + 1) and t.low[j + 2] in lex.ones:
                cur += lex.ones[t.low[j + 2]]
                j += 2
        elif w == "hundred":
            cur, last_scale = (cur or 1) * 100, 100.0
        elif w in lex.scales:
            total += (cur or 1) * lex.scales[w]
            cur, last_scale = 0, float(lex.scales[w])
        elif w == "dozen":
            cur = (cur or 1) * 12
        elif w == "couple" and j + 1 < n and t.low[j + 1] == "of" and cur == 1:
            cur, j = 2, j + 1
        elif w == "and" and seen and j + 1 < n and (t.low[j + 1] in lex.ones or t.low[j + 1] in lex.tens) \
                and (total or cur >= 100):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = total + cur
    if value == 0 and t.low[i] != "zero":
        return None
    part = _and_a_part(t, j)
    if part is not None and last_scale == 1 and float(value).is_integer():
        num = _scale(t, part[0], lex, value + part[1], money=False, scaled=False)  # "two and a half million"
        num.written = True
        return num
    return Num(value, j, written=True, scaled=last_scale > 1, raw=value / last_scale)


_AND_PARTS = {("a", "half"): 0.5, ("one", "half"): 0.5, ("a", "quarter"): 0.25, ("one", "quarter"): 0.25,
              ("a", "third"): 1 / 3, ("three", "quarters"): 0.75}


def _and_a_part(t: Toks, j: int) -> Optional[tuple[int, float]]:
    """'and a half', 'and three quarters' after a whole number: (index after it, the part)."""
    if j + 2 < len(t) and t.low[j] == "and" and (t.low[j + 1], t.low[j + 2]) in _AND_PARTS:
        return j + 3, _AND_PARTS[(t.low[j + 1], t.low[j + 2])]
    return None
