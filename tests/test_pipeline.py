"""The pipeline: declared order is checked; one failing article does not stop the batch."""

import pytest

from newsgraph.errors import ArticleError, PipelineOrderError
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, Stage, check_order


def _noop(analysis):
    return None


def test_stages_run_in_declared_order():
    stages = Pipeline().stages
    names = [s.name for s in stages]
    assert names[:2] == ["normalize", "nlp"]
    check_order(stages)  # does not raise
    assert all(s.tag == f"{s.name}@{s.version}" for s in stages)


def test_a_stage_placed_before_what_it_requires_is_refused():
    late = Stage("parse", "1", ("norm",), ("doc",), _noop, 20)
    early = Stage("needs_doc", "1", ("doc",), ("x",), _noop, 5)
    with pytest.raises(PipelineOrderError, match="needs_doc.*requires doc"):
        check_order([early, late])


def test_a_failing_stage_fails_only_its_article():
    pipeline = Pipeline()

    def explode_on_storms(analysis):
        if "storm" in analysis.article.text:
            raise ValueError("cannot handle storms")

    pipeline.stages.append(Stage("fragile", "0.1", ("doc",), (), explode_on_storms, 999))
    texts = ["The mayor opened the new school on Monday.",
             "A storm closed the coastal road for two days.",
             "The council approved the budget after a long debate."]
    results = list(pipeline.run(Article(id=str(i), text=t) for i, t in enumerate(texts)))
    assert [type(r).__name__ for r in results] == ["Analysis", "ArticleError", "Analysis"]
    assert results[1].code == "stage-failed" and "fragile@0.1" in str(results[1])
    assert pipeline.timings["nlp"] > 0


def test_errors_from_ingest_pass_through_in_place():
    error = ArticleError("file is empty", origin="x.txt", code="empty")
    results = list(Pipeline().run([Article(id="a", text="The port reopened today."), error]))
    assert results[1] is error and results[0].doc is not None
