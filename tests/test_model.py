"""The data model: spans index the original text; records serialise to the contract."""

import pytest

from newsgraph.model import Article, Attribution, Span, TimeExpression, content_hash


def test_span_trims_whitespace_and_keeps_text_in_sync():
    text = "He said:  hello world  ."
    span = Span.of(text, 8, 23)
    assert text[span.start:span.end] == span.text == "hello world"


def test_span_outside_text_is_refused():
    with pytest.raises(ValueError):
        Span.of("short", 2, 10)


def test_span_overlap_is_half_open():
    assert Span(0, 5, "aaaaa").overlaps(Span(4, 6, "ab"))
    assert not Span(0, 5, "aaaaa").overlaps(Span(5, 6, "b"))


def test_article_hash_is_the_content_identity():
    a = Article(id="x", text="Same words.")
    b = Article(id="y", text="Same words.", title="Other title")
    assert a.hash == b.hash == content_hash("Same words.")
    assert Article(id="x", text="Other words.").hash != a.hash


def test_records_serialise_spans_as_start_end_text():
    text = "Ms. Vale said the vote was fair."
    record = Attribution(id="A1", kind="indirect", content=Span.of(text, 14, 31),
                         cue=Span.of(text, 9, 13), source=Span.of(text, 0, 8),
                         sourcing="named_person", stage="attributions@1.0")
    data = record.to_dict()
    assert data["content"] == {"start": 14, "end": 31, "text": "the vote was fair"}
    assert data["cue"]["text"] == "said" and data["hedge"] is None
    assert data["stage"] == "attributions@1.0"
    t = TimeExpression(id="T1", span=Span(0, 3, "now"), type="DATE", value="PRESENT_REF")
    assert t.to_dict()["span"] == {"start": 0, "end": 3, "text": "now"}
    assert Span.from_dict(data["content"]) == record.content
