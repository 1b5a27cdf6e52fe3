"""newsgraph: news articles as an evidence-linked record of who said and did what.

The public Python API::

    from newsgraph import Article, Pipeline
    analysis = Pipeline().analyze(Article(id="a1", text=..., published="2024-11-18"))
    analysis.to_dict()  # the JSON contract of `newsgraph analyze --json`
"""

from functools import lru_cache

from .model import (Actor, Article, Attribution, Entity, Event, Mention, Quantity, Role, Span,
                    TimeExpression)
from .pipeline import Analysis, Pipeline, stage

__version__ = "0.1.0"

__all__ = [
    "Actor", "Analysis", "Article", "Attribution", "Entity", "Event", "Mention", "Pipeline",
    "Quantity", "Role", "Span", "TimeExpression", "__version__", "analyze_text", "stage",
]


def analyze_text(text: str, published: str | None = None, id: str = "doc") -> Analysis:
    """Convenience: analyse one text with all stages."""
    return _default_pipeline().analyze(Article(id=id, text=text, published=published))


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    """One pipeline per process for analyze_text (the model loads once)."""
    return Pipeline()

