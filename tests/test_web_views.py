"""The view layer under the API and pages: text runs for highlighting, record pages with
totals, schemas read off the data model, and a server that shares its file with ingest."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")

from newsgraph import schema, views  # noqa: E402
from newsgraph.store import Store, queries  # noqa: E402
from newsgraph.web import highlight  # noqa: E402

TEXT = "Mayor Ana Ruiz said on Friday that \"the bridge will reopen in May.\"\n"


def _article() -> dict:
    return {
        "text": TEXT,
        "attributions": [{"id": "A1", "content": {"start": 35, "end": 67, "text": TEXT[35:67]},
                          "source": {"start": 0, "end": 14, "text": TEXT[:14]},
                          "cue": {"start": 15, "end": 19, "text": "said"}}],
        "entities": [{"id": "E1", "mentions": [{"start": 6, "end": 14, "text": "Ana Ruiz"}]}],
        "events": [],
        "times": [{"id": "T1", "span": {"start": 23, "end": 29, "text": "Friday"}},
                  {"id": "T2", "span": {"start": 62, "end": 65, "text": "May"}}],
        # A damaged record (beyond the text) must not break the page.
        "quantities": [{"id": "Q1", "span": {"start": 60, "end": 999, "text": "?"}}],
    }


def test_runs_cover_the_text_once_with_every_record_at_its_offsets():
    runs = highlight.runs(_article())
    assert "".join(r.text for r in runs) == TEXT
    by_text = {r.text: r for r in runs}
    assert by_text["Ana Ruiz"].layers == ["source", "entity"]
    assert by_text["said"].keys == ["attributions-A1"]
    assert by_text["May"].layers == ["quote", "time"]
    assert "quantity" not in {layer for r in runs for layer in r.layers}
    # Each record is anchored once, at its first run (the quote's source comes first).
    anchors = [a for r in runs for a in r.anchors]
    assert sorted(anchors) == ["attributions-A1", "entities-E1", "times-T1", "times-T2"]
    assert runs[0].anchors == ["attributions-A1"]


def test_split_quotes_mark_only_their_quoted_parts():
    text = '"We won," she said, "and we will again."'
    article = {"text": text, "attributions": [{
        "id": "A1", "content": {"start": 0, "end": len(text), "text": text},
        "content_parts": [{"start": 0, "end": 9, "text": text[:9]},
                          {"start": 20, "end": len(text), "text": text[20:]}],
        "source": {"start": 10, "end": 13, "text": "she"}, "cue": None}]}
    quoted = "".join(r.text for r in highlight.runs(article) if "quote" in r.layers)
    assert quoted == text[:9] + text[20:]


def test_schemas_are_the_to_dict_form_of_the_model():
    found = schema.of(schema.model.Entity)
    mention = found["Mention"]["properties"]
    assert set(mention) == {"start", "end", "text", "kind"}  # span flattened, as to_dict does
    attribution = schema.of(schema.model.Attribution)["Attribution"]
    assert attribution["properties"]["content"] == {"$ref": "#/components/schemas/Span"}
    assert "speaker" not in attribution["required"]  # optional fields may be absent
    article, records = schema.analysed_article()
    assert {"text", "attributions", "events"} <= set(article["required"])
    assert set(schema.RECORDS.values()) <= {getattr(schema.model, n) for n in records}


def test_record_pages_agree_with_the_flat_query(web_db):
    with Store(web_db, read_only=True) as store:
        _, flat = queries.quotes(store)
        first = views.listing(store, "quotes", limit=3, offset=0)
        rest = views.listing(store, "quotes", limit=500, offset=3)
    assert first["total"] == rest["total"] == len(flat)
    items = first["items"] + rest["items"]
    assert [(q["article"], q["content"]["start"]) for q in items] == \
        [(row[0], row[-2]) for row in flat]
    assert all(q["stage"].startswith("attributions@") for q in items)


@pytest.mark.parametrize("kind, filters", [
    ("entities", {"label": "PERSON"}),  # counted without the article join
    ("entities", {"label": "PERSON", "article": "harbour-strike"}),  # with it
    ("quotes", {"since": "2025-03-12"}),
    ("events", {}),
])
def test_totals_count_what_the_filters_match(web_db, kind, filters):
    with Store(web_db, read_only=True) as store:
        _, every = queries.rows(store, kind, **filters)
        page = views.listing(store, kind, limit=1, **filters)
    assert page["total"] == len(every) > 0


def test_a_stored_article_reads_back_in_the_analyze_json_form(web_db, pipeline):
    from newsgraph import Article

    text = (Path(__file__).parent.parent / "examples" / "articles" / "harbour-strike.txt"
            ).read_text(encoding="utf-8")
    fresh = pipeline.analyze(Article(id="harbour-strike", text=text, published="2025-03-14",
                                     origin="x")).to_dict()
    with Store(web_db, read_only=True) as store:
        stored = views.article(store, "harbour-strike")
    for key in fresh:
        if key in ("entities", "attributions", "events", "times", "quantities"):
            assert sorted(stored[key], key=lambda r: r["id"]) == \
                sorted(fresh[key], key=lambda r: r["id"]), key
        else:
            assert stored[key] == fresh[key], key


def test_the_server_lets_an_ingest_write_between_requests(web_db, tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.api import Server, create_app

    db = tmp_path / "shared.duckdb"
    db.write_bytes(Path(web_db).read_bytes())
    with TestClient(create_app(db)) as client:
        _ingest_between_requests(client, db, tmp_path, Server.RELEASE_AFTER)


def _ingest_between_requests(client, db: Path, tmp_path: Path, release_after: float) -> None:
    before = client.get("/api/articles").json()["total"]
    time.sleep(release_after * 1.6)
    text = tmp_path / "late.txt"
    text.write_text("The museum said on Sunday that it would open a new wing in June.\n",
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from newsgraph.cli import app; app()",
                           "ingest", str(text), "--db", str(db), "--workers", "0",
                           "--date", "2025-03-16"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert client.get("/api/articles").json()["total"] == before + 1


def test_a_story_has_its_timeline_and_network(web_db):
    from newsgraph.store import timelines

    with Store(web_db, read_only=True) as store:
        sid = store.query("SELECT story FROM articles WHERE id = 'harbour-strike'")[1][0][0]
        story = views.story(store, sid)
        _, edges = timelines.network(store, sid)
    assert story["id"] == sid
    assert "harbour-strike" in {t["article"] for t in story["timeline"] if t["kind"] == "article"}
    assert len(story["network"]) == len(edges)
    assert all({"source", "relation", "target", "reports"} <= set(e) for e in story["network"])
