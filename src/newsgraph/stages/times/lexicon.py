"""The time lexicon (``lexicons/time_lexicon.json``), loaded once, and regex pieces built from it.

Keeping the words in a data file lets the grammar in :mod:`.rules` stay small:
each alternation is generated here, longest alternative first so that the
regex engine prefers "a couple of" over "a".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).resolve().parents[2] / "lexicons"


def _load(name: str) -> dict:
    with (_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The lexicon as a dict (read once per process).

    ``numbers`` is built from the number words the quantities stage reads
    (``numbers.json``: ones but "zero", tens) plus the time lexicon's own
    ``number_phrases`` ("a couple of", "half a", ...).
    """
    lex = _load("time_lexicon.json")
    nums = _load("numbers.json")
    lex["numbers"] = {w: v for w, v in nums["ones"].items() if w != "zero"}
    lex["numbers"].update(nums["tens"])
    lex["numbers"].update(lex.pop("number_phrases"))
    return lex


def alternation(words) -> str:
    """A non-capturing regex alternation of ``words``, longest first, spaces flexible."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def number_value(text: str):
    """The value of a number written in digits or words; None when fuzzy or not a number.

    Handles "two", "twenty-four", "twenty four", "5 1/2", "2.5", "1,000", "a couple of".
    """
    words = lexicon()["numbers"]
    t = re.sub(r"\s+", " ", text.lower().strip())
    if not t:
        return None
    if t in words:
        return words[t]
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:[ -](\d)/(\d))?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    total = 0.0
    for part in re.split(r"[ -]+", t):
        if part == "and":
            continue
        if part not in words:
            return None
        v = words[part]
        total = total * v if v == 100 and total else total + v
    return total or None


def number_pattern() -> str:
    """Regex for a cardinal number: digits, fractions, or (compound) number words."""
    lex = lexicon()
    simple = alternation(k for k in lex["numbers"] if k not in ("a", "an", "half a", "a half"))
    digits = r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s+\d/\d)?"
    compound = rf"{simple}(?:[ -]{simple})*"
    return rf"(?:{digits}|{compound}|an?(?:\s+half)?|half\s+an?)"
