"""newsgraph: news articles as an evidence-linked record of who said and did what.

The public Python API::

    from newsgraph import Article, Pipeline
    analysis = Pipeline().analyze(Article(id="a1", text=..., published="2024-11-18"))
    analysis.to_dict()  # the JSON contract of `newsgraph analyze --json`
"""

from .model import (Actor, Article, Attribution, Entity, Event, Mention, Quantity, Role, Span,
                    TimeExpression)
from .pipeline import Analysis, Pipeline, stage

__version__ = "0.1.0"

__all__ = sorted([
    "Actor", "Analysis", "Article", "Attribution", "Entity", "Event", "Mention", "Pipeline",
    "Quantity", "Role", "Span", "TimeExpression", "stage", "__version__",
])


def analyze_text(text: str, published: str | None = None, id: str = "doc") -> Analysis:
    """Convenience: analyse one text with all stages."""
    return _default_pipeline().analyze(Article(id=id, text=text, published=published))


_PIPELINE: "Pipeline | None" = None


def _default_pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


__all__.append("analyze_text")
