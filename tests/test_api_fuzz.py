"""Fuzzing ``newsgraph serve`` (issue 14): schemathesis sends requests generated from the
OpenAPI description to every operation (valid ones, and for the listings invalid ones
too) and checks that none is a server error and that each answer is the documented one;
hypothesis posts odd texts to the analysis and odd filters to the pages.

Bounded and repeatable: every run uses ``derandomize`` (examples from a fixed seed per
test) and no example database, so CI sees the same requests each time.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed "
                                   "(pip install '.[dev]')")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import negative_data_rejection, positive_data_acceptance  # noqa: E402

from newsgraph.api import CSP, create_app  # noqa: E402

ROOT = Path(__file__).parent.parent


def bounded(examples: int):
    return settings(max_examples=examples, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large])


# Every GET operation, with the ids its path takes (taken from the store, so that found
# records are fuzzed and validated as well as missing ones).
LISTINGS = ["/api/articles", "/api/quotes", "/api/entities", "/api/events", "/api/times",
            "/api/quantities", "/api/stories", "/api/corpus-entities"]
ONE = {"/api/articles/{article_id}": ("article_id", "articles"),
       "/api/stories/{story_id}": ("story_id", "stories"),
       "/api/corpus-entities/{entity_id}": ("entity_id", "corpus-entities")}


@pytest.fixture(scope="module")
def app(web_db):
    """The app over the shared store, generous with analyses (the limit has its own test)."""
    app = create_app(web_db, analyses_per_minute=60_000)
    yield app
    app.state.server.close()  # the analysis worker and the store


@pytest.fixture(scope="module")
def schema(app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


@pytest.fixture(scope="module")
def ids(app) -> dict[str, list[str]]:
    client = TestClient(app)
    return {kind: [item["id"] for item in client.get(f"/api/{kind}",
                                                     params={"limit": 500}).json()["items"]]
            for kind in ("articles", "stories", "corpus-entities")}


def test_every_get_operation_is_fuzzed(schema):
    operations = {(op.method.upper(), op.path)
                  for op in (result.ok() for result in schema.get_all_operations())}
    assert operations == {("GET", p) for p in [*LISTINGS, *ONE]} | {("POST", "/api/analyze")}


def _cases(schema, ids, path: str, mode: GenerationMode):
    operation = schema[path]["GET"]
    generated = operation.as_strategy(mode)
    if path not in ONE:
        return generated
    name, kind = ONE[path]
    known = st.sampled_from(ids[kind]).flatmap(
        lambda value: operation.as_strategy(mode, path_parameters={name: value}))
    return st.one_of(generated, known)


def _answered(case, response) -> None:
    """What every answer has, whatever was asked: not a server error, the security
    headers, and for any error the one JSON shape."""
    assert response.status_code < 500, (case.path, case.query, response.text[:500])
    assert response.headers["content-security-policy"] == [CSP]  # schemathesis: all values
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code
        assert "Traceback" not in response.text


@pytest.mark.parametrize("path", [*LISTINGS, *ONE])
def test_valid_requests_get_the_documented_answer(schema, ids, path):
    """Requests that fit the description: no 5xx, and answers that fit it too (status
    code, content type, headers and body against the response schema)."""

    @given(case=_cases(schema, ids, path, GenerationMode.POSITIVE))
    @bounded(100)
    def run(case):
        response = case.call_and_validate()
        _answered(case, response)

    run()


@pytest.mark.parametrize("path", LISTINGS)
def test_invalid_parameters_are_refused_cleanly(schema, ids, path):
    """Requests that break the description: no 5xx, answers as documented.

    ``negative_data_rejection`` is left out: FastAPI reads parameters leniently, so some
    requests outside the schema are answered, not refused, and that is not a fault: a
    number for a date (``since=0.0`` is read as seconds since 1970) and a parameter given
    twice (the last one counts) are the two it finds here."""

    @given(case=_cases(schema, ids, path, GenerationMode.NEGATIVE))
    @bounded(80)
    def run(case):
        response = case.call_and_validate(excluded_checks=[negative_data_rejection])
        _answered(case, response)

    run()


def test_analyze_answers_generated_bodies_as_documented(schema):
    """A few generated bodies for the analysis (each runs the pipeline in the worker).

    ``positive_data_acceptance`` is left out: a text can fit the schema and still be
    refused for what it is (empty, not English), with a documented 422."""
    operation = schema["/api/analyze"]["POST"]

    @given(case=st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                          operation.as_strategy(GenerationMode.NEGATIVE)))
    @bounded(25)
    def run(case):
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance,
                                                           negative_data_rejection])
        _answered(case, response)
        assert response.status_code in (200, 400, 413, 422), response.text[:300]

    run()


# -- hypothesis: texts for the analysis, filters for the pages -------------------------------
PIECES = st.sampled_from([
    "Mayor Ana Ruiz", "Elena Marsh", " said ", " told reporters ", ", according to ",
    '"', "\u201c", "\u201d", "'", "yesterday", "on Friday", "in May 2024", "12 %",
    "$3.5 million", "40 kilometres", ".", ",", " ", "\n", "\r\n", "\t",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "\x00", "\u200b",
    "\u202e", "\ufeff", "é", "e\u0301", "😀", "中文", "\U0010ffff", "the", "city council",
    "workers", "strike", "protest", "The minister announced that"])
WHAT = st.lists(st.one_of(PIECES, st.text(max_size=8)), min_size=1, max_size=12).map("".join)
SENTENCE = st.builds(
    lambda who, verb, when, what, direct: (f'"{what}," {who} {verb} {when}.' if direct
                                            else f"{who} {verb} {when} that {what}."),
    st.sampled_from(["Mayor Ana Ruiz", "Elena Marsh", "The union", "Dr. Ö. Çelik",
                     "A spokesperson for the <b>council</b>", "Ravi \"R\" Okonjo"]),
    st.sampled_from(["said", "told reporters", "announced", "denied", "warned"]),
    st.sampled_from(["on Friday", "yesterday", "in May 2024", "last week", ""]),
    WHAT, st.booleans())
# Mostly sentences that the stages find records in (with odd characters inside), and
# some texts of any characters at all.
TEXTS = st.one_of(st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join),
                  st.lists(st.one_of(SENTENCE, PIECES), min_size=1, max_size=20).map("".join),
                  st.text(max_size=300))


def test_analyze_keeps_every_record_at_its_offsets_for_any_text(app):
    client = TestClient(app)

    @given(text=TEXTS, published=st.one_of(st.none(), st.dates().map(str)))
    @bounded(80)
    def run(text, published):
        response = client.post("/api/analyze", json={"text": text, "published": published})
        assert response.status_code in (200, 422), response.text[:300]
        body = response.json()
        if response.status_code == 422:
            assert set(body["error"]) == {"status", "code", "message"}
            return
        analysed = body["text"]
        for kind in ("entities", "attributions", "events", "times", "quantities"):
            for record in body[kind]:
                spans = [v for v in record.values() if isinstance(v, dict) and "start" in v]
                spans += [m for m in record.get("mentions", [])]
                spans += [p for p in record.get("content_parts", [])]
                for span in spans:
                    assert 0 <= span["start"] <= span["end"] <= len(analysed)
                    assert analysed[span["start"]:span["end"]] == span["text"], (kind, span)

    run()


NEVER = {"img", "svg", "iframe", "object", "embed", "math", "base", "frame", "style"}
TEMPLATE_TAGS = {tag.lower() for f in (ROOT / "src" / "newsgraph" / "web" / "templates")
                 .glob("*.html") for tag in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)",
                                                        f.read_text(encoding="utf-8"))}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.json_blocks: list[str] = []
        self._block: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script" and dict(attrs).get("type") == "application/json":
            self._block = []

    def handle_data(self, data):
        if self._block is not None:
            self._block.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._block is not None:
            self.json_blocks.append("".join(self._block))
            self._block = None


def _assert_inert(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in TEMPLATE_TAGS and tag not in NEVER, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action"):
            value = re.sub(r"[\s\x00-\x1f]", "", attrs.get(name) or "").lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        if tag == "script":
            assert attrs in ({"src": "/static/app.js", "defer": None},
                             {"type": "application/json", "id": "records"}), attrs
    for block in parser.json_blocks:
        assert "<" not in block
        json.loads(block)


FILTER = st.one_of(st.text(max_size=60), st.lists(PIECES, max_size=8).map("".join),
                   st.sampled_from(["\"><script>alert(1)</script>", "' onmouseover='x",
                                    "javascript:alert(1)", "</textarea><svg onload=1>",
                                    "%", "_", "\\", "2025-02-30", "0001-01-01"]))
PAGES = {"/": ("q", "source", "since", "until"), "/quotes": ("speaker", "kind", "sourcing"),
         "/entities": ("name", "label"), "/stories": ("q",)}


def test_pages_render_any_filter_as_inert_text(app):
    client = TestClient(app)

    @given(page=st.sampled_from(sorted(PAGES)), data=st.data())
    @bounded(150)
    def run(page, data):
        params = {name: data.draw(FILTER, label=name) for name in PAGES[page]
                  if data.draw(st.booleans(), label=f"use {name}")}
        offset = data.draw(st.sampled_from([None, 0, 25, 10_000_000]), label="offset")
        if offset is not None:
            params["offset"] = offset
        response = client.get(page, params=params)
        assert response.status_code == 200, (page, params, response.text[-300:])
        assert response.headers["content-security-policy"] == CSP
        _assert_inert(response.text)

    run()


def test_paths_with_any_id_are_a_clean_404_or_the_record(app, ids):
    client = TestClient(app)
    segment = st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(ids["articles"]))

    @given(prefix=st.sampled_from(["/articles/", "/stories/", "/entities/", "/api/articles/",
                                   "/api/stories/", "/api/corpus-entities/"]), value=segment)
    @bounded(150)
    def run(prefix, value):
        from urllib.parse import quote

        response = client.get(prefix + quote(value, safe=""))
        assert response.status_code in (200, 404), (prefix, value, response.text[-300:])
        assert response.headers["content-security-policy"] == CSP
        if prefix.startswith("/api/"):
            if response.status_code == 404:
                assert response.json()["error"]["code"] == "not_found"
        else:
            _assert_inert(response.text)

    run()
