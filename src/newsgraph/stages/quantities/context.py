"""Words around a quantity: its bound ("up to", "over", "about") and change ("rose", "fell").

Both look only a few tokens to the left of the quantity, so the cost is
constant per quantity.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .scan import Cand
from .tokens import Toks

_SIGNED_CHANGE = {"+": "up", "-": "down", "−": "down"}
# Verbs whose particle "up"/"down" is not a change ("gave up 517 yards", "set up 3 clinics").
_PHRASAL = frozenset("gave give gives giving given set sets setting signed sign signs put puts took take takes "
                     "taking taken made make makes making came come comes turned turn turns shut shuts broke "
                     "break breaks broken wound sat sit stood stand backed back called call handed hand "
                     "laid lay lays tied tie locked lock".split())


def apply_bound(t: Toks, cand: Cand, lex: Lexicon) -> int:
    """Set ``cand.bound`` from the words right before it; return where the bound starts."""
    k = cand.first
    for s, key in t.phrases_before(k, lower=True):
        bound = lex.bounds.get(key)
        if bound is None:
            continue
        if key == ("some",) and cand.written:
            continue  # "some two" is rare; "some" + digits is the approximate use
        if key == ("over",) and s > 0 and t.low[s - 1] in ("all", "hand", "took", "taken", "handed"):
            continue
        if key == ("over",) and cand.unit is not None and cand.unit.kind == "time":
            return s  # "over 10 years" is the period something happens in
        if cand.bound == "=":
            cand.bound = bound
        return s
    if cand.bound == "=" and cand.is_range and k > 0 and t.low[k - 1] == "between":
        return k - 1
    return k


def apply_change(t: Toks, cand: Cand, lex: Lexicon, before: int) -> None:
    """'rose 5%', 'was up 19 cents', 'fell by about 3%', '-1.3%' in a market list."""
    if cand.change is not None:
        return  # set by the number itself ("a third less")
    if cand.first < cand.num_start and t.text[cand.first] in _SIGNED_CHANGE \
            and cand.unit is not None and cand.unit.name == "percentage":
        cand.change = _SIGNED_CHANGE[t.text[cand.first]]
        return
    if cand.num_start > 0 and t.text[cand.num_start - 1] == "+" and t.attached(cand.num_start):
        cand.change = "up"
        return
    k = before - 1
    skipped = 0
    while k >= 0 and skipped <= 3:
        w = t.low[k]
        if k > 0 and (t.low[k - 1], w) in lex.change_multi:
            cand.change = lex.change_multi[(t.low[k - 1], w)]
            return
        if w in ("up", "down") and (k + 1 < len(t) and t.low[k + 1] in ("to", "from")
                                    or k > 0 and t.low[k - 1] in _PHRASAL):
            return  # "up to" is a bound, "up from" a baseline, "gave up" no change
        if w in lex.change_up:
            cand.change = "up"
            return
        if w in lex.change_down:
            cand.change = "down"
            return
        if w not in lex.change_skip or w == "to":
            return
        k -= 1
        skipped += 1
