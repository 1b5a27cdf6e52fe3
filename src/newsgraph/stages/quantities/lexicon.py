"""Load the quantity lexicons (JSON data files) once and index them for lookup.

Every lookup the scanner does is a dict probe on a tuple of token texts, so a
multi-word alias ("per cent", "US $", "miles per hour") costs no more than a
single word.  Symbols are matched with their case ("m" metre, "M" million),
words in lower case.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

LEXICON_DIR = Path(__file__).resolve().parents[2] / "lexicons"

# One token: a digit group (with thousands commas and decimals), a run of
# letters, or any other single non-space character.
TOKEN_RE = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+|\.\d+|[^\W\d_]+|\S")


def split_tokens(text: str) -> tuple[str, ...]:
    """Token texts of a lexicon alias, the same way the scanner splits articles."""
    return tuple(TOKEN_RE.findall(text))


@dataclass(frozen=True)
class Unit:
    """A unit of measure (or a currency) as the lexicon defines it."""

    name: str
    kind: str
    si: Optional[str] = None
    factor: float = 1.0
    offset: float = 0.0
    currency: Optional[str] = None  # ISO 4217 for money units
    detached: bool = False  # a one-letter symbol that may stand apart from the number

    def to_si(self, value: Optional[float]) -> Optional[float]:
        if value is None or self.si is None:
            return None
        return value * self.factor + self.offset


@dataclass
class Lexicon:
    unit_symbols: dict  # tuple of texts -> Unit (case-sensitive)
    tight_symbols: frozenset  # multi-token symbols written without a space ("ft2"): tokens must touch
    unit_words: dict  # tuple of lower-case texts -> Unit
    currency_prefix: dict  # tuple -> Unit
    currency_attached: dict  # tuple -> Unit, only touching the digits
    currency_words: dict  # lower tuple -> Unit
    currency_suffix_symbols: dict  # tuple -> Unit
    minor_words: dict  # lower tuple -> Unit
    minor_attached: dict  # tuple -> Unit
    scaled_codes: dict  # ("MUSD",) -> (Unit, 1e6): an ISO code with a scale letter, written after the number
    ones: dict
    tens: dict
    scales: dict
    abbrev_scales: dict
    detached_scales: frozenset
    vague: dict
    fractions: dict  # lower tuple -> value
    bounds: dict  # lower tuple -> bound
    bounds_after: dict
    change_up: frozenset
    change_down: frozenset
    change_multi: dict  # lower tuple -> up/down for multi-word cues
    change_skip: frozenset
    identifier_nouns: frozenset
    not_counted: frozenset
    score_verbs: frozenset  # "lost 0-2": a dash pair after one of these is a score in either order
    record_verbs: frozenset  # "improved to 52-3": a win-loss record, not a game's score
    record_after: frozenset  # "a 10-2 record", "12-4 overall", "(52-3, 36 KOs)"
    record_before: frozenset  # "unbeaten 12-0", "a record of 216-146"
    result_nouns: frozenset  # "fell to a 2-1 defeat": a game's score after all
    height_nouns: frozenset  # "the 6-10 forward": positions a height is written before
    pound_money_cues: frozenset  # "paid 20 pounds": 'pounds' is sterling after one of these
    pound_weight_cues: frozenset  # "weighs 20 pounds": and a weight with one of these
    street_words: frozenset  # "Avenue", "St": a number before a name ending in one is an address
    not_identifier_modifiers: frozenset  # "the total number is 450" is an amount, not an id
    max_alias: int
    canonical: dict  # lower alias string -> canonical unit name (for scoring)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _load(name: str) -> dict:
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def _units(lex: dict, canonical: dict, tight: set) -> tuple[dict, dict]:
    symbols, words = {}, {}
    for e in lex["units"]:
        unit = Unit(e["name"], e["kind"], e.get("si"), float(e.get("factor", 1.0)),
                    float(e.get("offset", 0.0)), None, bool(e.get("detached", False)))
        for s in e.get("symbols", []):
            symbols[split_tokens(s)] = unit
            if " " not in s and len(split_tokens(s)) > 1:
                tight.add(split_tokens(s))
            canonical.setdefault(s.lower(), unit.name)
        forms = list(e.get("words", []))
        if "plurals" in e:
            forms += e["plurals"]
        else:
            forms += [_plural(w) for w in e.get("words", [])]
        if e.get("name_alias", True):
            forms.append(e["name"])
        for w in forms:
            words[split_tokens(w.lower())] = unit
            canonical[w.lower()] = unit.name
    return symbols, words


# Scale letters before an ISO code in company and budget reports: "30 MUSD", "48.5 MGBP", "250 kEUR".
_CODE_SCALES = {"M": 1e6, "MM": 1e6, "K": 1e3, "k": 1e3}
# Codes of the most traded currencies, also read as a prefix in lower case ("usd 20", "rmb 10");
# other codes are words or names in lower case ("try 20 times", "gel", "php 8").
_LOWER_CODES = frozenset("usd eur gbp jpy cny rmb aud cad hkd chf inr sgd nzd".split())


# Codes that are English words in capitals ("3 TRY", "10 COP"): not read after a number.
_WORD_CODES = frozenset("TRY COP CUP MAD PEN GEL ALL TOP BOB SOS MOP".split())


def _lower_prefix(p: str) -> bool:
    """A prefix also read in lower case: a code ('usd 20', 'rmb 10') or letters with '$' ('hk $', 'c $'),
    but not one letter that is a word or a clitic ('a $5 fee', "it's $5")."""
    letters = "".join(ch for ch in p if ch.isalpha())
    if not letters or p.lower() == p:
        return False
    if "$" in p:
        return letters.lower() not in ("a", "s", "r")
    return p.lower() in _LOWER_CODES


# Forms the singular/plural rule would make that are other words ("25 sole fillets").
_NOT_CURRENCY_FORMS = frozenset(("sole", "lat"))


def _number_forms(names: list) -> list:
    """The names as listed, then the singular or plural the list lacks ('indian rupees' ->
    'indian rupee', 'south african rand' -> 'south african rands'); codes and other short
    words are left alone."""
    out = list(names)
    seen = {w.lower() for w in names}
    for w in names:
        last = w.split()[-1]
        if len(last) < 4 or not last.isalpha():
            continue
        other = w[:-1] if last.endswith("s") and not last.endswith("ss") else w + "s"
        if other.lower() not in seen and other.lower() not in _NOT_CURRENCY_FORMS:
            out.append(other)
            seen.add(other.lower())
    return out


def _currencies(lex: dict, canonical: dict):
    prefix, attached, words, suffix, minor_w, minor_a, scaled = {}, {}, {}, {}, {}, {}, {}
    for e in lex["currencies"]:
        unit = Unit(e["name"], "money", currency=e["code"])  # code null: a name several currencies share
        for p in e.get("prefixes", []):
            prefix[split_tokens(p)] = unit
            if _lower_prefix(p):
                prefix.setdefault(split_tokens(p.lower()), unit)
            canonical.setdefault(p.lower(), unit.name)
        for letter, factor in _CODE_SCALES.items() if e["code"] else ():
            scaled[(letter + e["code"],)] = (unit, factor)
        for p in e.get("attached_prefixes", []):
            attached[split_tokens(p)] = unit
        for s in e.get("suffix_symbols", []):
            suffix[split_tokens(s)] = unit
        if e["code"] and e["code"] not in _WORD_CODES:
            suffix.setdefault((e["code"],), unit)  # "100 HUF", "5,000 VND": the code after the number
        for w in _number_forms(e.get("words", [])):
            words.setdefault(split_tokens(w.lower()), unit)
            canonical.setdefault(w.lower(), unit.name)
    for e in lex["minor"]:
        unit = Unit(e["name"], "money", currency=e["code"])
        for w in e["words"]:
            minor_w[split_tokens(w)] = unit
            canonical.setdefault(w, unit.name)
        for a in e.get("attached", []):
            minor_a[split_tokens(a)] = unit
    canonical["$"] = "dollar"
    return prefix, attached, words, suffix, minor_w, minor_a, scaled


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The quantity lexicons, read from ``newsgraph/lexicons`` once per process."""
    canonical: dict = {}
    tight: set = set()
    unit_symbols, unit_words = _units(_load("units.json"), canonical, tight)
    cur = _currencies(_load("quantity_currencies.json"), canonical)
    nums = _load("numbers.json")
    cues = _load("quantity_cues.json")
    up = [c for c in cues["change_up"]]
    down = [c for c in cues["change_down"]]
    multi = {split_tokens(c): "up" for c in up if " " in c}
    multi.update({split_tokens(c): "down" for c in down if " " in c})
    all_keys = list(unit_symbols) + list(unit_words) + list(cur[0]) + list(cur[2])
    return Lexicon(
        unit_symbols=unit_symbols, tight_symbols=frozenset(tight), unit_words=unit_words, currency_prefix=cur[0],
        currency_attached=cur[1], currency_words=cur[2], currency_suffix_symbols=cur[3],
        minor_words=cur[4], minor_attached=cur[5], scaled_codes=cur[6],
        ones=nums["ones"], tens=nums["tens"], scales=nums["scales"],
        abbrev_scales=nums["abbrev_scales"], detached_scales=frozenset(nums["detached_scales"]),
        vague=nums["vague"],
        fractions={split_tokens(k): v for k, v in nums["fractions"].items()},
        bounds={split_tokens(k): v for k, v in cues["bounds"].items()},
        bounds_after={split_tokens(k): v for k, v in cues["bounds_after"].items()},
        change_up=frozenset(c for c in up if " " not in c),
        change_down=frozenset(c for c in down if " " not in c),
        change_multi=multi, change_skip=frozenset(cues["change_skip"]),
        identifier_nouns=frozenset(cues["identifier_nouns"]),
        not_counted=frozenset(cues["not_counted"]),
        not_identifier_modifiers=frozenset(cues["not_identifier_modifiers"]),
        street_words=frozenset(cues["street_words"]),
        height_nouns=frozenset(cues["height_nouns"]),
        pound_money_cues=frozenset(cues["pound_money_cues"]),
        pound_weight_cues=frozenset(cues["pound_weight_cues"]),
        score_verbs=frozenset(cues["score_verbs"]),
        record_verbs=frozenset(cues["record_verbs"]), record_after=frozenset(cues["record_after"]),
        record_before=frozenset(cues["record_before"]), result_nouns=frozenset(cues["result_nouns"]),
        max_alias=max(len(k) for k in all_keys), canonical=canonical,
    )
