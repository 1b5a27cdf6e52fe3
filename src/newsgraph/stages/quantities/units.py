"""Read what follows (or precedes) a number: currency, unit of measure, per-denominator.

All matching is by longest alias in the lexicon, probed as token tuples.  A
one-letter symbol must touch its number ("37m", "5W") unless the lexicon marks
it as safe on its own; that is what keeps "two U.S. officials" from becoming
atomic mass units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon, Unit
from .tokens import Toks

# "a month" is a rate only when not followed by one of these ("a year ago").
_NOT_RATE_AFTER = frozenset("ago earlier later before after from since".split())
_RATE_WORDS = frozenset("second minute hour day week month year quarter decade century night session season".split())
_TIME_NAMES = frozenset("second minute hour day week month year".split())
# Nouns that make "$60 a barrel", "$5 a share" a price per unit.
_RATE_NOUNS = frozenset("share barrel gallon litre liter ounce pound ton tonne head person piece ticket "
                        "kilo kilogram bottle pack seat plate game".split())
_ORDINAL_SUFFIX = frozenset("st nd rd th".split())
# "per annum", "per capita": the rate's denominator in plain words.
_LATIN_DENOMINATORS = {"annum": "year", "capita": "person", "diem": "day"}


@dataclass
class UnitMatch:
    unit: Unit
    end: int  # token index after the unit
    name: str  # canonical name, with "per X" when a rate
    hyphen: bool = False  # joined by a hyphen ("2.4-liter", "five-year")


def currency_before(t: Toks, i: int, lex: Lexicon) -> Optional[tuple[Unit, int]]:
    """A currency prefix ending right before token ``i``: (unit, first token index)."""
    for k, key in t.phrases_before(i, lower=False):
        unit = lex.currency_prefix.get(key)
        if unit is None and t.attached(i):
            unit = lex.currency_attached.get(key)
        if unit is None:
            continue
        if not _whole_prefix(t, k, i):
            continue
        return unit, k
    return None


def _whole_prefix(t: Toks, k: int, i: int) -> bool:
    """The prefix stands alone (not the tail of a word: 'AUS$' is not 'US$') and is close."""
    if t.attached(k) and t.text[k - 1][0].isalnum():
        return False
    return t.start[i] - t.end[i - 1] <= 1


def unit_after(t: Toks, j: int, lex: Lexicon, attached_to_number: bool) -> Optional[UnitMatch]:
    """The currency word, minor unit or unit of measure starting at token ``j``."""
    n = len(t)
    if j >= n:
        return None
    hyphen = t.text[j] == "-" and t.attached(j) and j + 1 < n and t.attached(j + 1)
    if hyphen:
        j += 1  # "2.4-liter", "65-year-old"
    best = None
    for size in range(min(lex.max_alias, n - j), 0, -1):
        key = tuple(t.text[j:j + size])
        low = tuple(t.low[j:j + size])
        unit = (lex.currency_suffix_symbols.get(key) or lex.minor_attached.get(key)
                if attached_to_number else _suffix_apart(t, j, size, key, lex))
        unit = unit or lex.unit_symbols.get(key)
        word_unit = lex.currency_words.get(low) or lex.minor_words.get(low) or lex.unit_words.get(low)
        if unit is not None and not _symbol_ok(t, j, size, unit, attached_to_number or hyphen, lex):
            unit = None
        unit = unit or word_unit
        if unit is not None:
            best = UnitMatch(unit, j + size, unit.name, hyphen)
            break
    if best is None:
        return None
    return with_denominator(t, best, lex)


def _suffix_apart(t: Toks, j: int, size: int, key: tuple, lex: Lexicon) -> Optional[Unit]:
    """A currency sign or code written after the number with a space ('50 €', '100 zł', '100 HUF'),
    but not one that is the prefix of the next amount ('10 $5 bills')."""
    unit = lex.currency_suffix_symbols.get(key)
    if unit is None:
        return None
    end = j + size
    if end < len(t) and t.attached(end) and t.text[end][0] not in ".,;:!?)\"'\u201d\u2019":
        return None  # "10 $5 bills", "2015 $__output": the sign belongs to what touches it
    if end < len(t) and t.text[end][0].isdigit() and len(t.text[j - 1]) == 4 and t.text[j - 1].isdigit() \
            and 1500 <= int(t.text[j - 1]) <= 2100:
        return None  # "in 1989 $ 50 million": a year, and the sign opens the next amount
    return unit


def _symbol_ok(t: Toks, j: int, size: int, unit: Unit, attached: bool, lex: Lexicon) -> bool:
    """Symbols need a clean right edge; one-letter symbols must touch the number."""
    end = j + size
    if size > 1 and tuple(t.text[j:end]) in lex.tight_symbols and not all(t.attached(k) for k in range(j + 1, end)):
        return False  # "ft 2" is no "ft2"
    if end < len(t) and t.attached(end) and (t.text[end][0].isalnum()) and t.text[end - 1][-1].isalnum():
        return False  # "3G", "4x4", "16s" is not seconds plus something; "33%of" keeps its "%"
    if len(t.text[j]) == 1 and t.text[j].isalpha() and size == 1:
        # "120 g/km": a one-letter symbol over a denominator stands apart too
        over = end + 1 < len(t) and t.text[end] == "/" and t.attached(end) and t.attached(end + 1) \
            and t.text[end + 1][0].isalpha()
        return attached or unit.detached or over or _detached_by_context(t, j, unit)
    if not attached and t.text[j] in ("in", "am", "pm", "a", "an"):
        return False
    return True


# Words of a sentence that make a detached "C" or "F" after digits a temperature ("rose 0.3 C").
_TEMPERATURE_WORDS = frozenset("temperature temperatures warming warmed warmer warmest cooler coolest colder coldest "
                               "heat heatwave degrees celsius fahrenheit thermometer climate freezing frost weather "
                               "forecast".split())


def _detached_by_context(t: Toks, j: int, unit: Unit) -> bool:
    """A one-letter symbol apart from its digits, read by its sentence: 'dive to 6,000 m'
    (distance words, as for an attached 'm'), 'temperatures rose 0.3 C' (temperature words)."""
    if j < 1 or not t.text[j - 1][0].isdigit() or (j + 1 < len(t) and t.attached(j + 1)):
        return False
    if unit.name == "metre" and t.text[j] == "m":
        from .numbers import _distance_lean

        return _distance_lean(t, j) > 0
    if unit.kind == "temperature" and t.text[j] in ("C", "F"):
        k = j - 1
        while k > 0 and j - k < 30 and t.text[k - 1] not in (".", "!", "?", ";"):
            k -= 1
        hi = j + 1
        while hi < len(t) and hi - j < 30 and t.text[hi] not in (".", "!", "?", ";"):
            hi += 1
        return any(w in _TEMPERATURE_WORDS for w in t.low[k:hi])
    return False


def with_denominator(t: Toks, m: UnitMatch, lex: Lexicon) -> UnitMatch:
    """Extend a unit to a rate: '$3,500 a month', 'cents per share', 'barrels a day'."""
    n = len(t)
    k = m.end
    if k < n and t.text[k] == "-" and t.attached(k):
        k += 1
    if k >= n:
        return m
    word = t.low[k]
    if t.low[k:k + 4] == ["p", ".", "a", "."] and all(t.attached(x) for x in range(k + 1, k + 4)):
        return UnitMatch(m.unit, k + 4, f"{m.name} per year", m.hyphen)  # "$50,000 p.a."
    if word in ("per", "/", "each"):
        den = _denominator(t, k + 1, lex, rate_only=False)
    elif word in ("a", "an", "every"):
        den = _denominator(t, k + 1, lex, rate_only=True)
    elif word == "of" and m.unit.kind != "money":
        return _rate_after_thing(t, m, k + 1, lex)
    else:
        den = None
    if den is None:
        return m
    name, end = den
    return UnitMatch(m.unit, end, f"{m.name} per {name}", m.hyphen)


def rate_after_count(t: Toks, k: int, lex: Lexicon) -> Optional[tuple[str, int]]:
    """After a counted noun: 'per square kilometre' (a unit) or 'a day' (time): (name, end)."""
    if t.low[k] == "per":
        n = len(t)
        j = k + 1
        for size in (3, 2, 1):
            key, low = tuple(t.text[j:j + size]), tuple(t.low[j:j + size])
            unit = lex.unit_words.get(low) or lex.unit_symbols.get(key)
            if unit is not None and len(key) == size and (j + size >= n or t.low[j + size] not in _NOT_RATE_AFTER):
                return unit.name, j + size
        if j < n and t.low[j] in _LATIN_DENOMINATORS:
            return _LATIN_DENOMINATORS[t.low[j]], j + 1
        return None
    den = _denominator(t, k + 1, lex, rate_only=True)
    if den is not None and den[0] in _TIME_NAMES:
        return den
    return None


def _rate_after_thing(t: Toks, m: UnitMatch, k: int, lex: Lexicon) -> UnitMatch:
    """'400,000 barrels of oil a day', '34,500 tonnes of copper per year': a rate in time
    after the measured thing (one to three plain words).  The quantity's span stays on the
    unit, so the thing is still read as what is measured."""
    n = len(t)
    for j in range(k + 1, min(k + 4, n)):
        if not all(t.text[x].isalpha() and t.text[x].islower() and t.low[x] not in ("a", "an", "per", "every")
                   for x in range(k, j)):
            return m
        if t.low[j] in ("a", "an", "per", "every"):
            den = _denominator(t, j + 1, lex, rate_only=True)
            if den is not None and den[0] in _TIME_NAMES:
                return UnitMatch(m.unit, m.end, f"{m.name} per {den[0]}", m.hyphen)
            return m
    return m


def _denominator(t: Toks, k: int, lex: Lexicon, rate_only: bool) -> Optional[tuple[str, int]]:
    n = len(t)
    if k < n and t.text[k] == "-" and t.attached(k):
        k += 1
    if k >= n or not t.text[k][0].isalpha():
        return None
    for size in (3, 2, 1):
        key, low = tuple(t.text[k:k + size]), tuple(t.low[k:k + size])
        unit = lex.unit_words.get(low) or lex.unit_symbols.get(key)
        if unit is not None and len(key) == size:
            if rate_only and unit.kind != "time" and low[-1] not in _RATE_NOUNS:
                return None
            if k + size < n and t.low[k + size] in _NOT_RATE_AFTER:
                return None
            return unit.name, k + size
    word = t.low[k]
    if rate_only:
        if (word in _RATE_WORDS or word in _RATE_NOUNS) and not (k + 1 < n and t.low[k + 1] in _NOT_RATE_AFTER):
            return word, k + 1
        return None
    if word in lex.not_counted:
        return None
    return _LATIN_DENOMINATORS.get(word, singular(word)), k + 1


def singular(word: str) -> str:
    """A crude English singular, enough for unit nouns ('shares', 'inches', 'bosses')."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def is_ordinal_suffix(t: Toks, j: int) -> bool:
    return j < len(t) and t.attached(j) and t.low[j] in _ORDINAL_SUFFIX
