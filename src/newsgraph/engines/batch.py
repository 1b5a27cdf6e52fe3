"""One batch of articles through the pipeline: the unit of work every engine runs.

The local workers and the Spark runner both call :func:`analyze_batch` on a list of
articles, so the records are the same whichever engine made them.  Batches are cut by
characters, not by count (:func:`batches`): parse memory grows with the text, so eight
long articles must not share a batch the way thirty-two short ones can.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Optional

from ..errors import ArticleError
from ..model import Article
from ..pipeline import Analysis, Pipeline

# Tables a run writes besides the articles, in the order `analyze --json` lists them.
RECORD_TABLES = ("entities", "attributions", "events", "times", "quantities")
ARTICLE_FIELDS = ("id", "text", "published", "title", "url", "source", "author", "hash")
MAX_BATCH_CHARS = 100_000  # about 3 s of parsing here; an article over it goes alone
MAX_BATCH_ITEMS = 32

_PIPELINE: Optional[Pipeline] = None


def pipeline() -> Pipeline:
    """This process's pipeline: the model and lexicons load once, on first use."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def analyze_batch(items: list[Article | ArticleError], pipe: Optional[Pipeline] = None
                  ) -> list[Analysis | ArticleError]:
    """Analyse a batch; one Analysis or ArticleError per item, in order.

    The parse (``doc``) and the normalised text are dropped from each result: nothing
    after the stages needs them, and without them a result is small and picklable."""
    results = list((pipe or pipeline()).run(items))
    for result in results:
        if isinstance(result, Analysis):
            result.doc = None
            result.norm = None
    return results


def batches(items: Iterable[Article | ArticleError], max_chars: int = MAX_BATCH_CHARS,
            max_items: int = MAX_BATCH_ITEMS) -> Iterator[list[Article | ArticleError]]:
    """Group items in input order into batches of at most ``max_chars`` characters of text
    and ``max_items`` items; an article longer than ``max_chars`` is a batch of its own."""
    batch: list[Article | ArticleError] = []
    chars = 0
    for item in items:
        size = len(item.text) if isinstance(item, Article) else 0
        if batch and (chars + size > max_chars or len(batch) >= max_items):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
    if batch:
        yield batch


def json_line(analysis: Analysis) -> str:
    """The ``analyze --jsonl`` line of one article (rendered in the worker)."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False)


def json_block(analysis: Analysis) -> str:
    """One element of ``analyze --json``'s array (rendered in the worker)."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)
