"""``newsgraph serve`` (issue 14): the REST API's contract and filters, analysing and
ingesting posted texts, the guards (body size, rate, token), script payloads on every
page, errors without stack traces, and the real server process."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph import Article, views  # noqa: E402
from newsgraph.api import CSP, MAX_BODY, Server, create_app  # noqa: E402
from conftest import CLI, free_port, running_server  # noqa: E402

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "articles" / "harbour-strike.txt"
SEED_DATE = "2025-03-14"
TOKEN = "t" * 20
CORPUS_KEYS = {"story", "copy_group", "copy_score", "corpus_entities", "copies"}
RECORD_KINDS = ("entities", "attributions", "events", "times", "quantities")
SAID = ('Harbour master Elena Marsh said on Friday that the port would reopen on Monday. '
        '"We are ready to work again," Marsh told reporters.')
# A pasted text with payloads that the analysis turns into quotes (so they reach the
# quote list, the highlighted text and the JSON data block of the result page).
PASTED_HOSTILE = ('Council member Dana Whitcombe said on Tuesday that the '
                  '<script>alert(1)</script> vote would go ahead. "We will not delay it '
                  '<img src=x onerror=alert(2)>," Whitcombe told reporters. "Read '
                  '<a href="javascript:alert(3)">this</a> <svg onload=alert(4)>."')


# -- helpers ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client(web_db):
    """One read-only app over the shared store (closed, with its worker, at the end)."""
    with TestClient(create_app(web_db, analyses_per_minute=600)) as c:
        yield c


@pytest.fixture(scope="module")
def spec(client) -> dict:
    return client.get("/api/openapi.json").json()


@pytest.fixture
def db_copy(web_db, tmp_path) -> Path:
    """A private copy of the shared store, for tests that write or break it."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    return path


def error_of(response, status: int, code: str | None = None) -> dict:
    """The one JSON error shape, with no stack trace; returns its ``error`` member."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    assert_no_trace(response.text)
    return error


def assert_no_trace(text: str) -> None:
    for leak in ("Traceback", 'File "', "site-packages", "newsgraph/", ".py\", line"):
        assert leak not in text


def all_items(client, what: str, **params) -> list[dict]:
    page = client.get(f"/api/{what}", params={"limit": 500, **params}).json()
    assert page["total"] == len(page["items"]) <= 500
    return page["items"]


def keys(items: list[dict]) -> list[tuple]:
    return [(item["article"], item["id"]) for item in items]


def validator(spec: dict, name: str):
    """A JSON Schema validator for component ``name`` of the OpenAPI document (with the
    validator schemathesis brings)."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    return jsonschema_rs.Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                               "components": spec["components"]})


TEMPLATE_TAGS = {tag.lower() for f in (ROOT / "src" / "newsgraph" / "web" / "templates")
                 .glob("*.html") for tag in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)",
                                                        f.read_text(encoding="utf-8"))}
NEVER = {"img", "svg", "iframe", "object", "embed", "math", "base", "frame", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


class _Tags(HTMLParser):
    """The start tags of a page, and the content of its script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def assert_safe_html(html: str) -> None:
    """Nothing from the data runs: only the templates' own tags, no event handler
    attributes, no script URLs, no script but ``/static/app.js`` and the JSON data block,
    whose content has no ``<`` at all (so no ``</script``)."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in TEMPLATE_TAGS and tag not in NEVER, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES and value:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), (tag, value)
    for attrs, content in parser.scripts:
        if attrs.get("type") == "application/json":
            assert "<" not in content
            json.loads(content)
        else:
            assert attrs == {"src": "/static/app.js", "defer": None}, attrs
            assert content == ""
    assert len(re.findall(r"<script", html, re.I)) == len(parser.scripts) <= 2
    assert "<script>alert" not in html.lower()


# -- contract -------------------------------------------------------------------------------
GET_PATHS = {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/entities",
             "/api/events", "/api/times", "/api/quantities", "/api/stories",
             "/api/stories/{story_id}", "/api/corpus-entities",
             "/api/corpus-entities/{entity_id}"}


def test_openapi_describes_every_route_with_the_model_and_the_error_shape(client, spec):
    response = client.get("/api/openapi.json")
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.text) == spec
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == GET_PATHS | {"/api/analyze"}  # no ingest without a token
    assert all(set(spec["paths"][p]) == {"get"} for p in GET_PATHS)
    assert set(spec["paths"]["/api/analyze"]) == {"post"}

    def schema_of(path, method, status):
        return (spec["paths"][path][method]["responses"][status]["content"]
                ["application/json"]["schema"])

    ref = "#/components/schemas/"
    assert schema_of("/api/articles/{article_id}", "get", "200") == {"$ref": ref + "StoredArticle"}
    assert schema_of("/api/analyze", "post", "200") == {"$ref": ref + "AnalysedArticle"}
    assert schema_of("/api/quotes", "get", "200") == {"$ref": ref + "QuotesPage"}
    components = spec["components"]["schemas"]
    quote_item = components["QuotesPage"]["properties"]["items"]["items"]
    assert {"$ref": ref + "Attribution"} in quote_item["allOf"]
    stored = components["StoredArticle"]["properties"]
    assert stored["attributions"]["items"] == {"$ref": ref + "Attribution"}
    assert CORPUS_KEYS <= set(stored)
    # Every documented error, 4xx of any operation, is the one error shape.
    errors = [(path, status, response) for path, ops in spec["paths"].items()
              for op in ops.values() for status, response in op["responses"].items()
              if status.startswith("4")]
    assert {status for _, status, _ in errors} >= {"404", "413", "422", "429"}
    for path, status, response in errors:
        assert response["content"]["application/json"]["schema"] == {"$ref": ref + "Error"}, \
            (path, status)
    # Every reference resolves.
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec)))
    assert refs <= set(components)
    assert {"Attribution", "Entity", "Event", "TimeExpression", "Quantity", "Error",
            "StoredArticle", "AnalysedArticle"} <= refs


def test_responses_validate_against_their_documented_schemas(client, spec):
    for article_id in ("harbour-strike", "hostile"):
        validator(spec, "StoredArticle").validate(
            client.get(f"/api/articles/{article_id}").json())
    for what, name in (("articles", "ArticlesPage"), ("quotes", "QuotesPage"),
                       ("entities", "EntitiesPage"), ("events", "EventsPage"),
                       ("times", "TimesPage"), ("quantities", "QuantitiesPage"),
                       ("stories", "StoriesPage"), ("corpus-entities", "CorpusEntitiesPage")):
        page = client.get(f"/api/{what}", params={"limit": 500}).json()
        assert page["items"], what
        validator(spec, name).validate(page)
    validator(spec, "Error").validate(client.get("/api/articles/nope").json())


def test_articles_are_listed_in_pages_that_link_to_the_next(client):
    everything = all_items(client, "articles")
    ids = [a["id"] for a in everything]
    assert {"harbour-strike", "hostile"} <= set(ids) and len(set(ids)) == len(ids)
    assert [a["published"] for a in everything] == sorted(a["published"] for a in everything)
    seen, url, pages = [], "/api/articles?limit=2", 0
    while url:
        page = client.get(url).json()
        assert page["limit"] == 2 and page["total"] == len(everything)
        assert len(page["items"]) == min(2, len(everything) - page["offset"])
        seen += [a["id"] for a in page["items"]]
        url, pages = page["next"], pages + 1
    assert seen == ids and pages == -(-len(ids) // 2)
    page = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert [a["id"] for a in page["items"]] == ids[1:3]
    past = client.get("/api/articles", params={"offset": len(ids) + 5}).json()
    assert past["items"] == [] and past["next"] is None and past["total"] == len(ids)
    assert [a["id"] for a in all_items(client, "articles", q="Valmora")] == ["harbour-strike"]
    assert [a["id"] for a in all_items(client, "articles", since="2025-03-12")] == \
        ["harbour-strike"]


def test_a_stored_article_is_what_analyze_json_prints_for_its_file(client):
    done = subprocess.run([*CLI, "analyze", str(SEED), "--json", "--date", SEED_DATE],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [fresh] = json.loads(done.stdout)
    stored = client.get("/api/articles/harbour-strike").json()
    assert set(stored) == set(fresh) | CORPUS_KEYS
    for key in fresh:
        assert stored[key] == fresh[key], key  # records identical, in the same order
    assert stored["attributions"] and stored["entities"] and stored["events"]
    assert set(stored["corpus_entities"]) == {e["id"] for e in stored["entities"]}
    assert client.get(f"/api/articles/{stored['hash']}").json() == stored  # by content hash
    assert stored["story"] == next(a["story"] for a in all_items(client, "articles")
                                   if a["id"] == "harbour-strike")


def test_a_missing_id_is_a_404_in_the_error_shape(client):
    assert "nope" in error_of(client.get("/api/articles/nope"), 404, "not_found")["message"]
    error_of(client.get("/api/stories/nope"), 404, "not_found")
    error_of(client.get("/api/corpus-entities/nope"), 404, "not_found")
    error_of(client.get("/api/articles/harbour-strike/"), 404, "not_found")
    error_of(client.get("/api/articles/%00"), 404, "not_found")


def test_pages_and_api_answers_all_carry_the_content_security_policy(client):
    story = all_items(client, "stories")[0]["id"]
    entity = all_items(client, "corpus-entities")[0]["id"]
    for url in ("/", "/quotes", "/entities", "/stories", "/analyze", "/api/docs",
                "/articles/harbour-strike", f"/stories/{story}", f"/entities/{entity}",
                "/articles/nope", "/no/such/page"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.headers["content-type"].startswith("text/html"), url
        assert response.headers["content-security-policy"] == CSP, url
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "<h1>" in response.text
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert "default-src 'none'" in CSP
    for url in ("/api/articles", "/api/articles/nope", "/api/openapi.json", "/static/app.js"):
        assert client.get(url).headers["content-security-policy"] == CSP, url
    article = client.get("/articles/harbour-strike")
    assert article.status_code == 200 and "Elena Marsh" in article.text


# -- filters ----------------------------------------------------------------------------------
def test_quotes_filter_by_speaker_entity_kind_sourcing_mode_and_dates(client):
    everything = all_items(client, "quotes")
    assert len({q["article"] for q in everything}) >= 4

    def words(q):
        return ((q.get("speaker_name") or "") + " " + (q["source"] or {}).get("text", "")).lower()

    cases = {
        (("speaker", "marsh"),): [q for q in everything if "marsh" in words(q)],
        (("entity", "elena marsh"),): [q for q in everything
                                       if (q.get("speaker_name") or "").lower() == "elena marsh"],
        (("kind", "DIRECT"),): [q for q in everything if q["kind"] == "direct"],
        (("sourcing", "anonymous"),): [q for q in everything if q.get("sourcing") == "anonymous"],
        (("mode", "thought"),): [q for q in everything if q["mode"] == "thought"],
        (("mode", "speech"),): [q for q in everything if q["mode"] == "speech"],
        (("since", "2025-02-01"), ("until", "2025-03-11")): [
            q for q in everything if "2025-02-01" <= q["published"] <= "2025-03-11"],
        (("speaker", "whitcombe"), ("kind", "direct")): [
            q for q in everything if "whitcombe" in words(q) and q["kind"] == "direct"],
    }
    for params, expected in cases.items():
        found = all_items(client, "quotes", **dict(params))
        assert expected and keys(found) == keys(expected), params
    assert {q["article"] for q in all_items(client, "quotes", since="2025-02-01",
                                            until="2025-03-11")} == {"council-vote", "hostile"}
    assert all_items(client, "quotes", speaker="nobody-by-this-name") == []
    assert keys(all_items(client, "quotes", article="hostile")) == \
        keys([q for q in everything if q["article"] == "hostile"])


def test_entities_filter_by_name_and_label(client):
    everything = all_items(client, "entities")
    marsh = all_items(client, "entities", name="marsh")
    assert [e["name"] for e in marsh] == ["Elena Marsh"]
    assert marsh[0]["article"] == "harbour-strike" and marsh[0]["corpus_entity"]
    people = all_items(client, "entities", label="person")
    assert keys(people) == keys([e for e in everything if e["label"] == "PERSON"])
    assert 0 < len(people) < len(everything)
    assert all_items(client, "entities", name="marsh", label="ORG") == []


def test_events_filter_by_type_actor_and_their_own_dates(client):
    everything = all_items(client, "events")
    protests = all_items(client, "events", type="protest")
    assert protests and keys(protests) == keys([e for e in everything if e["type"] == "PROTEST"])
    dockers = all_items(client, "events", actor="dock workers")
    assert keys(dockers) == keys([e for e in everything if "dock workers" in
                                  ((e["actor"] or {}).get("text") or "").lower()])
    assert dockers and dockers[0]["date"] == "2025-03-10"  # Monday before the report
    # Dates are the event's own when it has one, else its report's.
    since = all_items(client, "events", since="2025-03-11")
    assert keys(since) == keys([e for e in everything
                                if (e["date"] or e["published"]) >= "2025-03-11"])
    assert ("harbour-strike", dockers[0]["id"]) not in keys(since)


def test_times_and_quantities_filters(client):
    times = all_items(client, "times")
    dates = all_items(client, "times", type="date", value="2025-03")
    assert dates and keys(dates) == keys([t for t in times if t["type"] == "DATE"
                                          and t["value"].startswith("2025-03")])
    quantities = all_items(client, "quantities")
    middle = all_items(client, "quantities", min=3, max=4000)
    assert keys(middle) == keys([q for q in quantities if 3 <= q["value"] <= 4000])
    assert {q["value"] for q in middle} >= {3.0, 36.0, 4000.0}
    dollars = all_items(client, "quantities", unit="dollar", min=1e8)
    assert [q["value"] for q in dollars] == [210_000_000.0]


def test_stories_and_corpus_entities_list_and_one_with_its_timeline(client):
    stories = all_items(client, "stories")
    harbour = next(a for a in all_items(client, "articles") if a["id"] == "harbour-strike")
    story = client.get(f"/api/stories/{harbour['story']}").json()
    assert story["id"] == harbour["story"] and story["articles"] == 1
    assert story["id"] in {s["id"] for s in stories}
    kinds = {item["kind"] for item in story["timeline"]}
    assert {"article", "quote", "event"} <= kinds
    assert {item["article"] for item in story["timeline"]} == {"harbour-strike"}
    assert [i["date"] for i in story["timeline"]] == sorted(i["date"] for i in story["timeline"])
    assert [s["id"] for s in all_items(client, "stories", q="dock workers")] == [story["id"]]

    [marsh] = all_items(client, "corpus-entities", name="elena")
    entity = client.get(f"/api/corpus-entities/{marsh['id']}").json()
    assert entity["name"] == "Elena Marsh" and entity["label"] == "PERSON"
    assert entity["in_articles"]["total"] == 1
    assert entity["in_articles"]["items"][0]["article"] == "harbour-strike"
    assert entity["timeline"] and all(t["who"] == "Elena Marsh" for t in entity["timeline"])
    assert {t["kind"] for t in entity["timeline"]} == {"quote"}
    people = all_items(client, "corpus-entities", label="PERSON")
    assert people and all(p["label"] == "PERSON" for p in people)


def test_page_filters_each_read_their_own_parameter(client):
    def shown(html: str) -> int:
        found = re.search(r'<p class="pager">\s*(?:\d+–\d+ of (\d+)|Nothing found\.)', html)
        assert found, html[-800:]
        return int(found.group(1) or 0)

    for url, params, api, api_params in (
            ("/quotes", {"speaker": "Marsh"}, "quotes", {"speaker": "Marsh"}),
            ("/quotes", {"speaker": "Marsh", "kind": "direct"}, "quotes",
             {"speaker": "Marsh", "kind": "direct"}),
            ("/quotes", {"sourcing": "anonymous"}, "quotes", {"sourcing": "anonymous"}),
            ("/entities", {"name": "Marsh"}, "corpus-entities", {"name": "Marsh"}),
            ("/entities", {"label": "PERSON"}, "corpus-entities", {"label": "PERSON"}),
            ("/", {"q": "Valmora"}, "articles", {"q": "Valmora"}),
            ("/", {"source": "Example Wire"}, "articles", {"source": "Example Wire"}),
            ("/", {"since": "2025-03-01", "until": "2025-03-12"}, "articles",
             {"since": "2025-03-01", "until": "2025-03-12"}),
            ("/stories", {"q": "dock"}, "stories", {"q": "dock"})):
        total = client.get(f"/api/{api}", params=api_params).json()["total"]
        everything = client.get(f"/api/{api}").json()["total"]
        assert 0 < total < everything, (url, params)
        assert shown(client.get(url, params=params).text) == total, (url, params)
    page = client.get("/quotes", params={"speaker": "Marsh", "sourcing": "named_person"}).text
    assert 'name="speaker" value="Marsh"' in page
    assert '<option value="named_person" selected>' in page
    assert shown(client.get("/quotes", params={"kind": "no-such-kind"}).text) == 0


@pytest.mark.parametrize("query", [
    "/api/quotes?since=2025-02-30", "/api/articles?until=2025-13-01",
    "/api/events?since=yesterday", "/api/quotes?limit=0", "/api/quotes?limit=501",
    "/api/articles?offset=-1", "/api/articles?limit=ten", "/api/quantities?min=lots",
    "/api/articles?dedupe=maybe", "/api/entities?name=" + "x" * 201])
def test_invalid_parameters_are_a_422_in_the_error_shape(client, query):
    error = error_of(client.get(query), 422, "invalid_request")
    name = query.split("?")[1].split("=")[0]
    assert name in error["message"]


def test_unknown_paths_and_wrong_methods_answer_in_the_error_shape(client):
    error_of(client.get("/api/nope"), 404, "not_found")
    error_of(client.get("/static/nope.js"), 404, "not_found")
    response = client.delete("/api/articles")
    error_of(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"
    error_of(client.post("/api/quotes", json={}), 405, "method_not_allowed")
    error_of(client.get("/api/analyze"), 405, "method_not_allowed")
    page = client.get("/no/such/page")  # pages answer with a page
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


# -- POST /api/analyze ------------------------------------------------------------------------
def test_analyze_returns_the_records_of_a_posted_text(client, pipeline):
    response = client.post("/api/analyze", json={"text": SAID, "published": SEED_DATE,
                                                  "title": "Port"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["text"] == SAID and result["title"] == "Port"
    assert result["published"] == SEED_DATE
    said = [(a["kind"], a["speaker_name"]) for a in result["attributions"]]
    assert said == [("indirect", "Elena Marsh"), ("direct", "Elena Marsh")]
    assert result["attributions"][1]["content"]["text"] == '"We are ready to work again,"'
    friday = next(t for t in result["times"] if t["span"]["text"] == "Friday")
    assert friday["value"] == SEED_DATE  # anchored on the posted date
    for kind in RECORD_KINDS:  # every span is at its offsets in the text
        for record in result[kind]:
            for span in [v for v in record.values() if isinstance(v, dict) and "start" in v]:
                assert SAID[span["start"]:span["end"]] == span["text"]
    local = pipeline.analyze(Article(id="posted", text=SAID, published=SEED_DATE,
                                     title="Port")).to_dict()
    assert {k: result[k] for k in RECORD_KINDS} == {k: local[k] for k in RECORD_KINDS}
    assert set(result) == set(local)
    assert not set(result) & CORPUS_KEYS  # nothing stored: no story, no copies


@pytest.mark.parametrize("body, code", [
    ({"text": ""}, "empty"), ({"text": " \n\t "}, "empty"),
    ({"text": "a" * (views.MAX_ANALYZE_CHARS + 1)}, "invalid_request"),
    ({"text": "é" * (views.MAX_ANALYZE_CHARS + 1)}, "invalid_request"),
    ({}, "invalid_request"), ({"text": 5}, "invalid_request"),
    ({"text": "The mayor spoke.", "published": "2025-02-30"}, "invalid_request"),
    ({"text": "The mayor spoke.", "title": "t" * 1001}, "invalid_request"),
    (["text"], "invalid_request")])
def test_analyze_refuses_unusable_texts_with_a_422(client, body, code):
    error_of(client.post("/api/analyze", json=body), 422, code)


def test_analyze_refuses_bodies_that_are_not_json(client):
    error_of(client.post("/api/analyze", content=b"text=hello",
                         headers={"content-type": "application/x-www-form-urlencoded"}), 422)
    error_of(client.post("/api/analyze", content=b"{not json",
                         headers={"content-type": "application/json"}), 422)
    not_text = client.post("/api/analyze", content=b"\xff\xfe\x00",
                           headers={"content-type": "application/json"})
    error_of(not_text, not_text.status_code)  # FastAPI: 400, a body it cannot decode
    assert not_text.status_code in (400, 422)


def test_bodies_over_the_limit_are_a_413_declared_or_streamed(client):
    big = b'{"text": "' + b"a" * MAX_BODY + b'"}'
    response = client.post("/api/analyze", content=big,
                           headers={"content-type": "application/json"})
    error_of(response, 413, "too_large")
    assert response.headers["content-security-policy"] == CSP

    def chunks():  # no content-length: the body is counted as it streams
        for _ in range(MAX_BODY // 4096 + 2):
            yield b"a" * 4096

    for path, media in (("/api/analyze", "application/json"),
                        ("/analyze", "application/x-www-form-urlencoded")):
        response = client.post(path, content=chunks(), headers={"content-type": media})
        assert response.request.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.request.headers
        error_of(response, 413, "too_large")
    # Just under the limit by streaming is read, and judged on its content.
    small = iter([b'{"text": ', b'""}'])
    error_of(client.post("/api/analyze", content=small,
                         headers={"content-type": "application/json"}), 422, "empty")


def test_analyses_are_rate_limited_per_client(web_db):
    with TestClient(create_app(web_db, analyses_per_minute=1)) as limited:
        for _ in range(5):  # the burst
            error_of(limited.post("/api/analyze", json={"text": ""}), 422, "empty")
        response = limited.post("/api/analyze", json={"text": SAID})
        error = error_of(response, 429, "rate_limited")
        assert 1 <= int(response.headers["retry-after"]) <= 60
        assert response.headers["retry-after"] in error["message"]
        page = limited.post("/analyze", data={"text": SAID})  # the paste page shares it
        assert page.status_code == 429 and page.headers["content-type"].startswith("text/html")
        assert int(page.headers["retry-after"]) >= 1
        assert limited.get("/api/articles").status_code == 200  # reading is not limited
        other = TestClient(limited.app, client=("10.0.0.2", 5000))  # another address
        error_of(other.post("/api/analyze", json={"text": ""}), 422, "empty")


# -- POST /api/ingest -------------------------------------------------------------------------
def test_without_a_token_there_is_no_ingest(client):
    response = client.post("/api/ingest", json={"id": "x", "text": SAID},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (404, 405)
    error_of(response, response.status_code)
    assert client.get("/api/articles/x").status_code == 404


def test_ingest_needs_the_token_and_stores_each_text_once(db_copy):
    posted = {"id": "port-reopens", "text": SAID, "published": SEED_DATE,
              "title": "Port to reopen", "source": "Harbour Gazette",
              "url": "https://example.org/port"}
    with TestClient(create_app(db_copy, token=TOKEN)) as writer:
        spec = writer.get("/api/openapi.json").json()
        assert set(spec["paths"]["/api/ingest"]) == {"post"}
        assert "401" in spec["paths"]["/api/ingest"]["post"]["responses"]
        before = writer.get("/api/articles").json()["total"]
        for headers in ({}, {"Authorization": "Bearer wrong"},
                        {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": TOKEN},
                        {"Authorization": f"Basic {TOKEN}"}, {"X-Token": TOKEN}):
            error_of(writer.post("/api/ingest", json=posted, headers=headers), 401,
                     "unauthorized")
        assert writer.get("/api/articles").json()["total"] == before
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = writer.post("/api/ingest", json=posted, headers=auth)
        assert response.status_code == 200, response.text
        stored = response.json()
        assert stored["id"] == "port-reopens" and stored["stored"] is True
        assert re.fullmatch(r"[0-9a-f]{64}", stored["hash"])
        article = writer.get("/api/articles/port-reopens").json()
        assert article["hash"] == stored["hash"] and article["title"] == "Port to reopen"
        assert article["published"] == SEED_DATE and article["story"]
        assert [a["speaker_name"] for a in article["attributions"]] == ["Elena Marsh"] * 2
        assert writer.get("/api/articles").json()["total"] == before + 1
        quotes = all_items(writer, "quotes", article="port-reopens")
        assert [q["speaker_name"] for q in quotes] == ["Elena Marsh"] * 2
        again = writer.post("/api/ingest", json=posted, headers=auth).json()
        assert again == {**stored, "stored": False}
        renamed = writer.post("/api/ingest", json={**posted, "id": "other-name"},
                              headers=auth).json()
        assert renamed == {**stored, "stored": False}  # the id it is found under
        # Without the token, a bad body is not described: 401 before any validation.
        error_of(writer.post("/api/ingest", json={"text": 5}), 401, "unauthorized")
        assert writer.get("/api/articles").json()["total"] == before + 1
        error_of(writer.post("/api/ingest", json={**posted, "id": "blank", "text": " "},
                             headers=auth), 422, "empty")
        error_of(writer.post("/api/ingest", json={"text": SAID}, headers=auth), 422,
                 "invalid_request")
    # The write outlives the server.
    with TestClient(create_app(db_copy)) as reader:
        assert reader.get("/api/articles/port-reopens").json()["hash"] == stored["hash"]


# -- script payloads --------------------------------------------------------------------------
def test_the_hostile_article_page_shows_its_payloads_as_text(client):
    response = client.get("/articles/hostile")
    assert response.status_code == 200
    html = response.text
    assert_safe_html(html)
    # The payloads are there, escaped: shown, not run, not dropped.
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Budget row" in html
    assert "&lt;b&gt;Gazette&lt;/b&gt;" in html
    assert "onerror=alert(&#39;quote&#39;)" in html
    assert "javascript:alert(&#39;url&#39;)" not in html  # the URL is not linked at all
    assert "Dana Whitcombe" in html
    stored = client.get("/api/articles/hostile").json()
    assert stored["url"] == "javascript:alert('url')"  # the API gives the data as it is
    assert client.get("/api/articles/hostile").headers["content-type"] == "application/json"


def test_listing_pages_and_error_pages_never_inject_markup(client):
    story = next(a["story"] for a in all_items(client, "articles") if a["id"] == "hostile")
    [whitcombe] = all_items(client, "corpus-entities", name="Whitcombe")
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>"
    urls = ["/", "/quotes", "/entities", "/stories", f"/stories/{story}",
            f"/entities/{whitcombe['id']}", "/quotes?speaker=Whitcombe",
            "/articles/<script>alert(1)</script>", "/<img src=x onerror=alert(1)>"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_safe_html(response.text)
    for url, params in (("/", {"q": payload, "source": payload, "since": payload}),
                        ("/quotes", {"speaker": payload, "kind": payload}),
                        ("/entities", {"name": payload, "label": payload}),
                        ("/stories", {"q": payload})):
        response = client.get(url, params=params)
        assert response.status_code == 200, url
        assert_safe_html(response.text)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text  # echoed in the form
    home = client.get("/").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in home
    missing = client.get("/articles/<script>alert(1)</script>")
    assert missing.status_code == 404 and "&lt;script&gt;alert(1)&lt;/script&gt;" in missing.text


def test_the_paste_page_result_runs_nothing_from_the_text(client):
    response = client.post("/analyze", data={"text": PASTED_HOSTILE, "title": "<b>x</b>",
                                             "date": SEED_DATE})
    assert response.status_code == 200, response.text[-500:]
    assert_safe_html(response.text)
    assert "analysed, not stored" in response.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in response.text
    assert "Dana Whitcombe" in response.text
    refused = client.post("/analyze", data={"text": " ", "title": '"><script>alert(5)</script>',
                                            "date": "<svg/onload=1>"})
    assert refused.status_code == 422
    assert_safe_html(refused.text)
    assert "&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;" in refused.text
    assert 'value="&lt;svg/onload=1&gt;"' in refused.text
    odd = client.post("/analyze", data={"text": SAID, "date": "<svg onload=alert(7)>" * 2})
    assert odd.status_code == 200  # a date that is not one is left out, not an error
    assert_safe_html(odd.text)
    too_long = client.post("/analyze", data={"text": "Words. " * 15_000, "title": "t"})
    assert too_long.status_code == 422 and "at most 100,000" in too_long.text
    assert too_long.text.count("Words. ") >= 15_000  # the pasted text is kept in the form
    assert_safe_html(too_long.text)


# -- faults: no stack traces --------------------------------------------------------------------
def test_an_internal_error_is_a_500_without_a_trace(web_db, monkeypatch, caplog):
    def broken(*args, **kwargs):  # a fault deep in the product, simulated
        raise RuntimeError("secret detail at /srv/newsgraph/store/queries.py line 42")

    monkeypatch.setattr(views, "listing", broken)
    monkeypatch.setattr(views, "article", broken)
    with TestClient(create_app(web_db), raise_server_exceptions=False) as faulty:
        for url in ("/api/quotes", "/api/articles/harbour-strike"):
            response = faulty.get(url)
            error = error_of(response, 500, "internal")
            assert "secret" not in response.text and "RuntimeError" not in response.text
            assert "log" in error["message"]
            assert response.headers["content-security-policy"] == CSP
        for url in ("/", "/articles/harbour-strike"):
            page = faulty.get(url)
            assert page.status_code == 500 and page.headers["content-type"].startswith(
                "text/html")
            assert "secret" not in page.text and "RuntimeError" not in page.text
            assert_no_trace(page.text)
            assert_safe_html(page.text)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "newsgraph.serve")
    assert "RuntimeError: secret detail" in logged and "Traceback" in logged  # for the operator


def test_a_store_broken_under_the_server_is_a_503_without_a_trace(db_copy):
    with TestClient(create_app(db_copy), raise_server_exceptions=False) as server:
        assert server.get("/api/articles").status_code == 200
        deadline = time.monotonic() + 10 * Server.RELEASE_AFTER
        while server.app.state.server._store is not None:  # idle: the file is let go
            assert time.monotonic() < deadline
            time.sleep(Server.RELEASE_AFTER / 4)
        db_copy.write_bytes(b"this is not a database\n" * 500)
        response = server.get("/api/articles")
        error_of(response, 503, "unavailable")
        assert "duckdb" not in response.text.lower() and str(db_copy) not in response.text
        page = server.get("/")
        assert page.status_code == 503 and "try again" in page.text
        assert_no_trace(page.text)
        assert str(db_copy) not in page.text


def test_an_unreadable_store_cannot_be_served(tmp_path):
    from newsgraph.errors import StoreError

    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database")
    with pytest.raises(StoreError):
        create_app(bad)


# -- the real server ------------------------------------------------------------------------
def _serve(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def served(web_db):
    """``newsgraph serve`` on a free loopback port, until the module's tests are done."""
    with running_server(web_db) as (process, base):
        yield process, base


def test_the_real_server_answers_like_the_app(served, client):
    process, base = served
    with httpx.Client(base_url=base, timeout=30) as http:
        listed = http.get("/api/articles", params={"limit": 2}).json()
        expected = client.get("/api/articles", params={"limit": 2}).json()
        assert listed["items"] == expected["items"] and listed["total"] == expected["total"]
        assert listed["next"] == "/api/articles?limit=2&offset=2"  # relative: no Host echoed
        article = http.get("/api/articles/harbour-strike")
        assert article.json() == client.get("/api/articles/harbour-strike").json()
        assert article.headers["content-security-policy"] == CSP
        assert "server" not in article.headers
        error_of(http.get("/api/articles/nope"), 404, "not_found")
        error_of(http.get("/api/quotes", params={"since": "2025-02-30"}), 422)
        page = http.get("/articles/hostile")
        assert page.headers["content-security-policy"] == CSP
        assert_safe_html(page.text)

        def chunks():
            for _ in range(MAX_BODY // 4096 + 2):
                yield b"a" * 4096

        error_of(http.post("/api/analyze", content=chunks(),
                           headers={"content-type": "application/json"}), 413, "too_large")
        error_of(http.post("/api/analyze", content=b"a" * (MAX_BODY + 1),
                           headers={"content-type": "application/json"}), 413, "too_large")
    assert process.poll() is None


def test_the_real_server_stops_cleanly_on_ctrl_c(served):
    process, base = served
    assert httpx.get(base + "/api/articles/nope").status_code == 404
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    assert out.startswith("newsgraph: serving ") and "read-only" in out
    with pytest.raises(httpx.TransportError):
        httpx.get(base + "/api/articles", timeout=2)


@pytest.mark.parametrize("args, env, says", [
    (["--db", "{missing}"], {}, "no database at"),
    (["--db", "{db}", "--token-env", "NEWSGRAPH_TEST_UNSET_TOKEN"], {}, "--token-env"),
    (["--db", "{db}", "--token-env", "NEWSGRAPH_TEST_TOKEN"],
     {"NEWSGRAPH_TEST_TOKEN": "short"}, "at least 16 characters")])
def test_serve_refuses_a_bad_start_in_one_line(web_db, tmp_path, monkeypatch, args, env,
                                               says):
    monkeypatch.delenv("NEWSGRAPH_TEST_UNSET_TOKEN", raising=False)
    args = [a.format(missing=tmp_path / "missing.duckdb", db=web_db) for a in args]
    process = _serve(*args, "--port", str(free_port()), env=env)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2, (out, err)
    assert out == "" and err.startswith("error: ") and says in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "missing.duckdb").exists()
