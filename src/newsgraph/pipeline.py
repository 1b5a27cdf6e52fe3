"""The pipeline: ordered stages around one :class:`Analysis` per article.

A stage is a function ``fn(analysis) -> None`` registered with :func:`stage`,
declaring what it ``requires`` (names of Analysis attributes earlier stages
fill) and what it ``assigns``.  The order is checked when a :class:`Pipeline`
is built, so a stage that needs the parse cannot be placed before it.  A new
capability is a new module in ``newsgraph.stages`` that registers one stage;
third-party packages can add stages through the ``newsgraph.stages`` entry
point group.

Throughput: the spaCy parse dominates the cost, so :meth:`Pipeline.run`
streams articles through ``nlp.pipe`` in batches and runs the (cheap) rule
stages on each parsed document as it comes out.  Nothing holds the corpus.
"""

from __future__ import annotations

import importlib
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Optional

from .errors import ArticleError, PipelineOrderError
from .model import Article, Attribution, Entity, Event, Quantity, Span, TimeExpression


@dataclass
class Analysis:
    """Everything known about one article while the stages run.

    ``norm`` is a normalised copy of ``article.text`` of the *same length*
    (quote marks and odd spaces replaced one for one), so offsets into the spaCy
    ``doc`` built from it are offsets into the original text.
    """

    article: Article
    norm: Optional[str] = field(default=None, repr=False)
    doc: Any = field(default=None, repr=False)  # spacy.tokens.Doc
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Page furniture (captions, link lists, bylines, footers): spans of the text that are
    # not news sentences, sorted (``stages.furniture``; None until that stage has run).
    furniture: Optional[list[Span]] = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict:
        """The machine contract of ``newsgraph analyze --json/--jsonl``."""
        a = self.article
        return {
            "id": a.id,
            "text": a.text,
            "published": a.published,
            "title": a.title,
            "url": a.url,
            "source": a.source,
            "author": a.author,
            "hash": a.hash,
            "entities": [r.to_dict() for r in self.entities],
            "attributions": [r.to_dict() for r in self.attributions],
            "events": [r.to_dict() for r in self.events],
            "times": [r.to_dict() for r in self.times],
            "quantities": [r.to_dict() for r in self.quantities],
        }


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    fn: Callable[[Analysis], None]
    order: int

    @property
    def tag(self) -> str:
        """The ``stage@version`` every record produced here carries."""
        return f"{self.name}@{self.version}"


REGISTRY: dict[str, Stage] = {}

# Modules of the built-in stages, in run order.  ``nlp`` is special: it is run
# in batches by the Pipeline rather than per document.
BUILTIN_STAGE_MODULES = (
    "newsgraph.stages.normalize",
    "newsgraph.stages.nlp",
    "newsgraph.stages.furniture",
    "newsgraph.stages.entities",
    "newsgraph.stages.times",
    "newsgraph.stages.quantities",
    "newsgraph.stages.attributions",
    "newsgraph.stages.events",
)


def stage(name: str, *, version: str, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          order: int = 100):
    """Register a stage function.  ``order`` sorts stages (lower runs first)."""

    def register(fn: Callable[[Analysis], None]) -> Callable[[Analysis], None]:
        registered = Stage(name, version, tuple(requires), tuple(assigns), fn, order)
        REGISTRY[name] = registered
        fn.stage_tag = registered.tag  # type: ignore[attr-defined]
        return fn

    return register


def load_stages() -> list[Stage]:
    """Import built-in and plugin stage modules and return stages in run order."""
    for module in BUILTIN_STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a stage not written yet is simply absent
            if exc.name != module:
                raise
    for ep in entry_points(group="newsgraph.stages"):
        ep.load()
    return sorted(REGISTRY.values(), key=lambda s: (s.order, s.name))


def stage_versions() -> dict[str, str]:
    """``{name: version}`` of every stage a default Pipeline runs (without loading a model)."""
    return {s.name: s.version for s in load_stages()}


def check_order(stages: list[Stage]) -> None:
    """Fail early if a stage requires something no earlier stage assigns."""
    available = {"article", "text"}
    for s in stages:
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise PipelineOrderError(
                f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        available.update(s.assigns)


class Pipeline:
    """Runs the registered stages over articles, parsing in batches.

    >>> pipe = Pipeline()
    >>> analysis = pipe.analyze(Article(id="a", text="Ms. Smith said it rained."))
    """

    def __init__(self, only: Optional[Iterable[str]] = None, batch_size: int = 32):
        stages = load_stages()
        if only is not None:
            wanted = set(only) | {"normalize", "nlp"}
            stages = [s for s in stages if s.name in wanted]
        check_order(stages)
        self.stages = stages
        self.batch_size = batch_size
        self.timings: dict[str, float] = defaultdict(float)  # seconds spent per stage

    @property
    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article (raises :class:`ArticleError` on bad input)."""
        for result in self.run([article]):
            if isinstance(result, Exception):
                raise result
            return result
        raise AssertionError("unreachable")

    def run(self, articles: Iterable[Article | ArticleError]
            ) -> Iterator[Analysis | ArticleError]:
        """Yield one Analysis (or the ArticleError that stopped it) per item, in input order.

        Errors already present in the input (from ingest) pass through in place,
        so a caller can report every item in the order it was given.
        """
        from .stages import nlp as nlp_stage

        pre = [s for s in self.stages if s.order < nlp_stage.ORDER]
        post = [s for s in self.stages if s.order > nlp_stage.ORDER]
        it = iter(articles)
        while True:
            batch = [a if isinstance(a, ArticleError) else self._apply(Analysis(a), pre)
                     for a in islice(it, self.batch_size)]
            if not batch:
                return
            started = time.perf_counter()
            batch = nlp_stage.parse_batch(batch, batch_size=self.batch_size)
            self.timings["nlp"] += time.perf_counter() - started
            for item in batch:
                yield item if isinstance(item, ArticleError) else self._apply(item, post)

    def _apply(self, analysis: Analysis, stages: list[Stage]) -> Analysis | ArticleError:
        """Run stages on one article; an error in one stage fails only this article."""
        for s in stages:
            started = time.perf_counter()
            try:
                s.fn(analysis)
            except ArticleError as exc:
                exc.article_id = exc.article_id or analysis.article.id
                exc.origin = exc.origin or analysis.article.origin
                return exc
            except Exception as exc:  # a bug in one stage must not lose the batch
                return ArticleError(f"stage {s.tag} failed: {type(exc).__name__}: {exc}",
                                    article_id=analysis.article.id, code="stage-failed",
                                    origin=analysis.article.origin)
            finally:
                self.timings[s.name] += time.perf_counter() - started
        return analysis
