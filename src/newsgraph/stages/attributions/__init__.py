"""Attributions: who said (wrote, thinks, reported) what, according to whom.

Four passes over the parse, each cheap:

1. **Direct quotes** (:mod:`.direct`): every quoted stretch whose frame (the
   words around it, up to the sentence end or the next quote) holds a reporting
   verb or ends in a colon; split quotes around one cue, and quote paragraphs
   that follow one, are kept as one attribution.
2. **Indirect and mixed speech** (:mod:`.indirect`): every token with a content
   the parse offers (``said`` + complement clause, ``according to`` + head
   clause, ``vowed`` + infinitive, a shorter reading without a trailing
   modifier... see :func:`.syntax.content_spans`) that the cue model trained on
   PolNeAR train (:mod:`.scorer`: sparse features plus spaCy's contextual
   vectors) scores high enough; its source is picked by a chooser trained the
   same way (:mod:`.sources`: nobody, the parse's subject/agent, or another
   noun phrase of the sentence).
   A title-case headline is scored in its own sentence-case parse
   (:mod:`.headline`), since the tagger reads "Senators Slam Plan" as a name.
   A report inside another's content ("Police said *the driver told officers he
   had been drinking*") is a record of its own whose ``within`` names the outer one
   (:mod:`.nested`; not in political news, where PolNeAR keeps it in the outer).
3. **Colon lines** (:mod:`.colons`): ``Name: claim`` headlines, headlines
   quoting in single marks, and transcript turns (``SPEAKER: words``); a statement
   reprinted without marks after "X released the following statement:"
   (:mod:`.statements`).
4. **Hedges**: "reportedly"/"allegedly" mark the claim around them as
   second-hand; inside an attribution they are recorded on it, elsewhere they
   make an *unattributed* record.

Then every source is resolved to an entity (:mod:`.speakers`): a name in the
source directly, a pronoun by a ranker over the article's people, organisations
and unnamed descriptions (:mod:`.coref`: gender, number, recency, subject and
speaker turns; the winner's probability is ``speaker_confidence``).  Refused or
negated speech gets ``polarity = "negated"``, or is dropped when nothing was said
(:mod:`.polarity`).  The channel ("on Telegram", "in a statement") is read from
the frame.
"""

from __future__ import annotations

from ...model import Attribution, Span
from ...pipeline import Analysis, stage
from .colons import colon_lines
from .direct import Candidate, adopt_orphans, direct_candidates
from .embedded import widen_embedded
from ..entities.lexicon import titles
from .finish import finish
from .headline import credit_from_body
from .indirect import hedge_candidates, indirect_candidates
from .quotes import find_quotes
from .refusals import refusal_candidates
from .scorer import one_blas_thread
from .statements import statement_blocks
from .tails import tail_frames
from .mistags import age_frames, verb_only_frames
from .posts import signed_posts
from .inner_quotes import inner_quotes


@stage("attributions", version="2.73", requires=("doc", "entities"), assigns=("attributions",),
       order=60)
def attributions(analysis: Analysis) -> None:
    """Fill ``analysis.attributions`` in text order."""
    if analysis.doc is None:
        return
    quotes = find_quotes(analysis.norm, analysis.article.text)
    direct = direct_candidates(analysis, quotes)
    with one_blas_thread():
        indirect = indirect_candidates(analysis, direct, quotes)
    # reports inside reports (nested.py) skip the passes below, which look for the one
    # attribution a stretch of text belongs to, and meet the others again in finish
    nested = [c for c in indirect if c.within is not None]
    kept = direct + [c for c in indirect if c.within is None]
    kept = colon_lines(analysis, kept)
    kept = statement_blocks(analysis, kept)
    kept = kept + signed_posts(analysis, kept)
    kept = kept + tail_frames(analysis, kept)
    kept = kept + verb_only_frames(analysis, kept)
    kept = kept + age_frames(analysis, kept)
    kept = adopt_orphans(analysis.norm, kept)
    kept = widen_embedded(analysis.doc, analysis.norm, kept)
    hedges = hedge_candidates(analysis, kept)
    kept = kept + hedges
    kept = kept + refusal_candidates(analysis, kept)
    nested = nested + inner_quotes(analysis, kept)
    atts = finish(analysis, kept + nested, attributions.stage_tag)
    credit_from_body(analysis.norm, atts, titles())
    analysis.attributions = atts


__all__ = ["attributions", "Attribution", "Span", "Candidate"]
