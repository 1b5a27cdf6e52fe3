"""Quotes inside quotes: "The clerk yelled, 'Stop him!' So we held the man," said Avery.

A speaker who tells what someone else said inside their own quote marks the inner words
with single quotes and frames them as any quote ("The clerk yelled, '...'").  The direct
pass reads only the outer quote, and the indirect pass skips every word inside quote
marks, so the clerk's words were lost (an audit counted three in one sample).  Each inner
quote with a frame of its own inside the outer quote is a direct record of its own,
linked to the outer one as a report inside a report (``within``), as :mod:`.nested` links
indirect ones.
"""

from __future__ import annotations

import re

from .direct import Candidate, make_candidate, preceding_cue
from .nonspeech import political_news
from .quotes import Quote, count_words

# single marks, curly or straight, around words; not an apostrophe inside a word
_INNER = re.compile(r"(?<![\w])['\u2018](?=[^\s'])([^'\u2018\u2019\n]{2,400}?)['\u2019](?![\w])")
MIN_WORDS = 1


def inner_quotes(analysis, kept: list[Candidate]) -> list[Candidate]:
    """Direct candidates for the framed single-quoted quotes inside ``kept``'s direct ones."""
    doc, norm = analysis.doc, analysis.norm
    if political_news(analysis.article.text):
        return []  # as for nested reports (nested.py): PolNeAR's gold leaves them out, and
        # offered there they cost its locked half (direct e2e 0.898 -> 0.889)
    out = []
    for outer in kept:
        if outer.kind != "direct" or outer.content[1] - outer.content[0] < 8:
            continue
        a, b = outer.content
        for m in _INNER.finditer(norm, a + 1, b - 1):
            q = Quote(m.start(), m.end(), True, outer.para, count_words(norm, *m.span(1)))
            if q.words < MIN_WORDS:
                continue
            cue = preceding_cue(doc, norm, q)
            if cue is None or cue[0] != "verb" or not a < cue[1].idx < m.start():
                continue
            cand = make_candidate(doc, q, cue)
            if cand.source is None or doc[cand.source[0]].idx <= a:
                continue  # a frame that is the outer speaker's own is no inner report
            if cand.source[1] - cand.source[0] == 1 and doc[cand.source[0]].pos_ == "PRON":
                # "He told me, 'Give me the money'": a pronoun in the speaker's own story
                # is someone of that story, often never named; naming it from the
                # article's speakers put a robber's words in a police spokesman's mouth
                cand.source, cand.source_start, cand.sourceless = None, None, True
            cand.within = outer
            out.append(cand)
    return out
