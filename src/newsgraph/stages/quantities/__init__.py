"""Quantities: numbers with unit, bound, range, currency, change and conversion checks.

Conventions (documented in ``newsgraph.eval.newsquant`` too, where they are scored):

* ``value`` is in the stated unit after scale words ("$5 million" -> 5000000,
  unit "dollar", currency "USD"; also "US$171-million", "1.2-billion-yuan", "R2-billion",
  "35 lakh", "half a million", "three quarters of a million", "2 1/2", "1½", "30 MUSD");
  an amount in major and minor units is one amount ("3 dollars 50 cents", "$13 and 45
  cents", "15 dollars and 50." = 15.5); a range has ``value`` (low end as
  written) and ``value_max``; vague plurals are approximate (``bound`` "~") with their
  lower bound as ``value`` and one order of magnitude above as ``value_max``
  ("dozens of" 12-120, "hundreds more" 100-1000); "several hundred" is 300-900, "a few
  thousand" 2000-5000.
* A bare count (a number heading its own noun phrase as subject or object: "Five are dead",
  "killing four") is kept with no unit, as NewsQuant's gold writes "a sighting of one", or
  with the noun of a count earlier in its sentence ("Of the 20 players, 11 are rookies" ->
  players).  "one" only with a predicate of people ("one died"), never "no one".
* An attached "m" is metres or millions by the words of its sentence ("won the 600m",
  "the 800m runner" vs "raised 600m in funding", "60m people").
* Scores and records are their own units, not ranges: "won 106-103" is unit "score",
  "went 0-for-9", "a 10-2 record", "improved to 52-3", "Alvarez (52-3, 36 KOs)",
  "the Hawks (12-4)", "a 2-9 start", "started 0-5" and "14-3 in her career" unit
  "record"; ``value`` and ``value_max`` are the two sides as written.  A height in feet and inches is feet ("7-foot-3" = 7.25 foot).
* "pounds" is a weight unless money is said around it ("paid 20 pounds", "fined 300
  pounds", "2.3 million pounds", "5 pounds 20 pence" are sterling; "2 million pounds of
  beef", "weighs 8 pounds" are not).  A rate in time may follow the thing measured
  ("400,000 barrels of oil a day" is "barrel per day").  "per cent of twenty-two" is 22
  percent when "per cent" is no other number's unit and the number ends its phrase.
* "two and a half years" is 2.5 year; "6'2\"" is a height in feet (6.17 foot).
* Fractions: "more than half of" is 0.5 with bound ">"; "a third less" is 1/3 with
  change "down".  "one of the best players" is no count (``scan.COUNT_ONE_OF``).
* Numbers that identify are refused: phone numbers, web and mail addresses, journal
  citations, chains of digit groups (cards, ISO dates, versions), "account ID is 4471",
  "case number 20931", "call 911", street numbers (names), "No. 2", "Game 6"; phone
  numbers split by "|" or ending in letters ("317|262.TIPS"); roads ("6 Mile Road", "Route 9").
* ``unit`` is the canonical unit name from ``lexicons/units.json`` /
  ``quantity_currencies.json`` ("kilometre", "percentage", "dollar per month"),
  or, for a count, the counted head noun as written ("troops"); the whole noun
  phrase ("North Korean troops") is ``about``.  A bare number (an index level)
  has no unit; a written number with nothing counted ("the bottom three") is
  not kept.
* Durations with a number ("18 months", "two hours") are quantities too, with
  time units and SI seconds, as in NewsQuant; they overlap the times stage's
  DURATION records on purpose.  Points in time (years, dates, clock times) are not.
* ``bound``: "up to" <=, "over/more than" >, "at least" >=, "less than/under" <,
  "about/nearly/roughly" ~.  ``change``: up/down from a verb right before ("rose 5%").
* A quantity in parentheses right after another ("190 miles (306 km)") is a
  conversion: ``conversion_of`` names the first, ``consistent`` compares SI values
  (2% tolerance; None when no SI comparison is possible, e.g. two currencies).
"""

from __future__ import annotations

import re

from functools import lru_cache
from typing import Optional

from ...model import Quantity, Span
from ...pipeline import Analysis, stage
from .context import apply_bound, apply_change
from .identifiers import masked_spans, refuse
from .lexicon import Lexicon, lexicon
from .nouns import DocIndex, counted_noun, measured_thing
from .scan import Cand, scan, start_words
from .tokens import Toks
from .units import UnitMatch, rate_after_count, with_denominator

TOLERANCE = 0.02


@stage("quantities", version="1.6", requires=("doc",), assigns=("quantities",), order=50)
def quantities_stage(analysis: Analysis) -> None:
    analysis.quantities = extract(analysis.article.text, analysis.doc, norm=analysis.norm,
                                  tag=quantities_stage.stage_tag)


def extract(text: str, doc=None, norm: Optional[str] = None, tag: Optional[str] = None
            ) -> list[Quantity]:
    """All quantities in ``text`` (``doc`` is its spaCy parse; offsets index ``text``)."""
    tag = tag or quantities_stage.stage_tag
    lex = lexicon()
    reading = norm if norm is not None else text
    t = Toks(reading)
    masked = masked_spans(reading)
    index = DocIndex(doc)
    kept: list[Cand] = []
    last_count: Optional[Cand] = None
    counts: list[Cand] = []
    for cand in scan(t, lex, _starts(), masked):
        if "idiom" in cand.flags or refuse(t, cand, lex, index):
            continue
        if "tally" in cand.flags:
            kept.append(cand)  # a score or a record: no noun, bound or change to look for
            continue
        if cand.unit is None and not _attach_noun(t, cand, lex, index):
            bare = "name" not in cand.flags and _bare_count(t, cand, index)
            if "fraction" not in cand.flags and ("name" in cand.flags or (cand.written and not bare)):
                continue
            _inherit_count(t, cand, last_count, bare, counts)
        if cand.counted:
            last_count = cand
            counts.append(cand)
        bound_start = apply_bound(t, cand, lex)
        apply_change(t, cand, lex, bound_start)
        kept.append(cand)
    return _records(text, t, kept, index, tag, lex)


@lru_cache(maxsize=1)
def _starts() -> frozenset:
    """Words that may begin a written number, computed once from the lexicon."""
    return start_words(lexicon())


def _attach_noun(t: Toks, cand: Cand, lex: Lexicon, index: DocIndex) -> bool:
    """Give a unit-less number the noun it counts ('10,000 troops'); False when none."""
    char = t.start[cand.end] if cand.end < len(t) else None
    if char is None or index.doc is None:
        return False
    k = cand.end
    if t.text[k] == "-" and t.attached(k) and k + 1 < len(t) and t.attached(k + 1) and t.text[k + 1].isalpha() \
            and not cand.written and t.low[k + 1] not in lex.not_counted:
        cand.counted, cand.unit_name, cand.end = True, t.text[k + 1], k + 2  # "a 100-page report"
        return True
    found = counted_noun(index, char, lex.not_counted, after_of=True)
    if found is None:
        return False
    if found == "name":
        cand.flags.add("name")
        return False
    first, head, unit_start = found
    cand.about = (first.idx, head.idx + len(head.text))
    if "fraction" in cand.flags:
        return True
    cand.counted = True
    end_char = head.idx + len(_REF_TAIL.sub("", head.text))  # "others.[6][7]": one token to spaCy
    cand.unit_name = index.text[unit_start.idx:end_char]
    while cand.end < len(t) and t.end[cand.end] <= end_char:
        cand.end += 1
    if cand.end < len(t) and t.start[cand.end - 1] >= char and t.low[cand.end] in ("per", "a", "an"):
        rate = rate_after_count(t, cand.end, lex)  # "300 people per square kilometre", "three meals a day"
        if rate is not None:
            cand.unit_name, cand.end = f"{cand.unit_name} per {rate[0]}", rate[1]
    return True


_REF_TAIL = re.compile(r"[.,;:]?\[.*$")  # reference marks glued to a word: "others.[6][26]"


# A bare number that stands for people or things named elsewhere: "Five are dead", "killing
# four", "Of the 20 players, 11 are rookies".  Its parse role is a subject or an object.
_BARE_ROLES = frozenset(("nsubj", "nsubjpass", "dobj"))
# "the two", "those three": a reference back, not a count given here.
_BARE_DETERMINERS = frozenset("the these those this that its their his her our my your".split())
# Predicates that take people: "one" is a count only with them ("one died", "one was arrested").
_PEOPLE_PREDICATES = frozenset("die dead kill wound injure injured hurt shoot stab arrest charge rescue evacuate "
                               "hospitalize hospitalise treat survive missing detain convict sentence indict murder "
                               "slay kidnap abduct".split())


def _bare_count(t: Toks, cand: Cand, index: DocIndex) -> bool:
    """A number heading its own noun phrase as a subject or object ('Five are dead', 'killing four').

    NewsQuant's gold writes such counts with no unit ('a sighting of one that was ...'),
    or with the noun of a count before them in the sentence (``_inherit_count``).
    """
    if index.doc is None or cand.unit is not None or cand.is_range or "fraction" in cand.flags:
        return False
    tok = index.covering(t.start[cand.end - 1])
    if tok is None or tok.dep_ not in _BARE_ROLES or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return False
    if any(c.lower_ in _BARE_DETERMINERS or c.lower_ == "of" for c in tok.children):
        return False
    if cand.value == 1:
        k = cand.first - 1
        while k >= 0 and t.text[k] in ("-", "\u2010", "\u2011"):
            k -= 1
        if k >= 0 and t.low[k] in ("no", "any", "every", "some"):
            return False  # "No one was hurt", "no-one"
        if any(w in ("another", "other", "by") for w in t.low[cand.end:cand.end + 3]):
            return False  # "one after another", "one by one"
        head = tok.head
        lemmas = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "attr")}
        return bool(lemmas & _PEOPLE_PREDICATES)
    return cand.value >= 2 and float(cand.value).is_integer()


def _inherit_count(t: Toks, cand: Cand, last: Optional[Cand], bare: bool = False, counts: list = ()) -> None:
    """'6 million homes, including 1.5 million in the region': the second counts homes too.

    A scaled number (million, billion) with nothing after it inherits from a scaled count a
    few tokens back in the same sentence; a bare count ('Of the 20 players on the roster,
    11 are rookies') from the count before it in the same sentence, when every count of the
    sentence before it counts the same thing ('16 points and nine rebounds, scoring 14'
    could be either: nothing is inherited).
    """
    if last is None:
        return
    if bare:
        if cand.first - last.end > 15 or not (last.unit_name or "")[:1].isalpha():
            return
        start = cand.first
        while start > 0 and t.text[start - 1] not in (".", "!", "?", ";"):
            start -= 1
        if len({c.unit_name.lower() for c in counts if c.first >= start}) > 1:
            return
    elif "scaled" not in cand.flags or "scaled" not in last.flags or cand.first - last.end > 8:
        return
    if any(w in (".", "!", "?", ";") for w in t.text[last.end:cand.first]):
        return
    cand.unit_name, cand.counted, cand.about = last.unit_name, True, last.about


def tidy(value: Optional[float]) -> Optional[float]:
    """The value as written, without binary floating-point noise: "$4.1 million" is
    4.1 * 10**6 = 4099999.9999999995 in floats, stored as 4100000.0 (12 significant digits,
    more than any number in print carries)."""
    return None if value is None else float(f"{value:.12g}")


def _records(text: str, t: Toks, kept: list, index: DocIndex, tag: str, lex: Lexicon) -> list[Quantity]:
    out: list[Quantity] = []
    prev: Optional[tuple[Cand, Quantity]] = None
    for n, cand in enumerate(kept, 1):
        unit = cand.unit
        span = Span.of(text, t.start[cand.first], t.end[cand.end - 1])
        plain_unit = unit is not None and cand.unit_name == unit.name
        q = Quantity(
            id=f"Q{n}", span=span, value=tidy(cand.value), unit=cand.unit_name, bound=cand.bound,
            value_max=tidy(cand.value_max),
            si_value=tidy(unit.to_si(cand.value)) if plain_unit else None,
            si_unit=unit.si if plain_unit and unit.si else None,
            currency=unit.currency if unit is not None else None,
            change=cand.change, stage=tag)
        if cand.about is not None:
            q.about = Span.of(text, *cand.about)
        elif unit is not None and index.doc is not None:
            thing = measured_thing(index, t.start[cand.end - 1])
            q.about = Span.of(text, *thing) if thing else None
        if prev is not None and _is_conversion(t, prev[0], cand):
            q.conversion_of = prev[1].id
            if q.bound == "=" and prev[1].bound != "=":
                q.bound = prev[1].bound
            q.consistent = consistent(prev[0], prev[1], cand, q)
            _shared_rate(t, prev[0], prev[1], cand, q, lex)
        out.append(q)
        prev = (cand, q)
    return out


def _is_conversion(t: Toks, a: Cand, b: Cand) -> bool:
    """'190 miles (306 km)', '$1.1 million (US $1.1 million)', '37m (121ft)-long'."""
    k = a.end
    if k >= len(t) or t.text[k] != "(" or a.unit is None or b.unit is None:
        return False
    if b.end >= len(t) or t.text[b.end] != ")":
        return False
    between = t.low[k + 1:b.first]
    return all(w in ("about", "around", "roughly", "approximately", "~", "or", "some", "nearly", "approx")
               for w in between)


def _shared_rate(t: Toks, ca: Cand, a: Quantity, cb: Cand, b: Quantity, lex: Lexicon) -> None:
    """'C $6 (US $4.46) per share': a rate after the parenthesis applies to both amounts."""
    if " per " in (a.unit or "") or " per " in (b.unit or ""):
        return
    rate = with_denominator(t, UnitMatch(cb.unit, cb.end + 1, b.unit or cb.unit.name), lex)
    if rate.end == cb.end + 1:
        return
    suffix = rate.name[len(b.unit or cb.unit.name):]
    a.unit, b.unit = f"{a.unit}{suffix}", f"{b.unit}{suffix}"
    a.si_value = a.si_unit = b.si_value = b.si_unit = None


def consistent(ca: Cand, a: Quantity, cb: Cand, b: Quantity) -> Optional[bool]:
    """Do two statements of one amount agree within 2%?  None when they cannot be compared."""
    ua, ub = ca.unit, cb.unit
    if ua.kind == "money" or ub.kind == "money":
        if ua.currency == ub.currency and a.unit == b.unit:
            return _close(a.value, b.value) and _close(a.value_max, b.value_max)
        return None
    if a.si_unit is None or a.si_unit != b.si_unit:
        return None
    ok = _close(a.si_value, b.si_value) and _close(ua.to_si(a.value_max), ub.to_si(b.value_max))
    if not ok and ua.kind == "temperature":  # a difference of temperatures: compare without offsets
        ok = _close(a.value * ua.factor, b.value * ub.factor)
    return ok


def _close(x: Optional[float], y: Optional[float]) -> bool:
    if x is None or y is None:
        return x is None and y is None
    scale = max(abs(x), abs(y))
    return scale == 0 or abs(x - y) / scale <= TOLERANCE
