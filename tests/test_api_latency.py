"""The API latency bench's store builder, at a tiny scale (3 seed articles x 5 copies), on
texts written here; and its client's timing against a mock transport (no server)."""

from __future__ import annotations

import json
import re

import duckdb
import httpx
import pytest

from newsgraph.eval import api_latency

SEEDS = [
    {"id": "ferry", "published": "2016-03-02", "title": "Ferry service resumes",
     "text": "Harbour master Nora Quill said on Tuesday that the ferry to Elm Island would "
             "run again from next week.\n\n\"We have fixed both engines,\" Quill told "
             "reporters in Portmoor. The council paid 40,000 pounds for the repairs."},
    {"id": "school", "published": "2016-03-05", "title": "Two schools to open",
     "text": "Mayor Ann Turner said the city would open two new schools next year.\n\n"
             "Critics, including councillor Raj Patel, said the plan ignored the 300 "
             "families on the east side. Turner said she would meet them on Friday."},
    {"id": "strike", "published": "2016-03-09", "title": "Dockers strike",
     "text": "Dock workers in Portmoor went on strike on Monday, the union said.\n\n"
             "Union leader Maria Santos accused the port authority of breaking its "
             "promises. Police arrested two men near the gates, a spokesman said."},
]
COPIES = 5
N = len(SEEDS) * COPIES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "tiny.duckdb"
    info = api_latency.build_store(path, N, SEEDS, workers=0)
    return path, info


def _one(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()


def test_store_has_the_copies_with_distinct_keys(built):
    path, info = built
    assert not info["reused"] and info["counts"]["articles"] == N
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT hash, id, seq, published FROM articles ORDER BY seq").fetchall()
        assert [r[2] for r in rows] == list(range(1, N + 1))
        assert len({r[0] for r in rows}) == N and len({r[1] for r in rows}) == N
        assert all(re.fullmatch(r"[0-9a-f]{64}", r[0]) for r in rows)
        assert {r[1] for r in rows[:3]} == {s["id"] for s in SEEDS}  # copy 0: the seeds
        assert rows[3][1].endswith("-c1") and rows[-1][1].endswith(f"-c{COPIES - 1}")
        dates = [r[3] for r in rows]
        assert dates == sorted(dates) and dates[0].isoformat() == api_latency.FIRST_DAY
        for table in api_latency.RECORD_TABLES:
            seed_rows = _one(con, f"SELECT count(*) FROM {table} WHERE article IN "
                                  "(SELECT hash FROM articles WHERE seq <= 3)")[0]
            assert _one(con, f"SELECT count(*) FROM {table}")[0] == COPIES * seed_rows
            # every record row belongs to a stored article
            assert _one(con, f"SELECT count(*) FROM {table} r ANTI JOIN articles a "
                             "ON a.hash = r.article")[0] == 0


def test_records_stay_valid_and_linked(built):
    path, _ = built
    with duckdb.connect(str(path), read_only=True) as con:
        assert _one(con, "SELECT count(*) FROM attributions")[0] > 0
        for table in api_latency.RECORD_TABLES:
            for (data,) in con.execute(f"SELECT data FROM {table}").fetchall():
                assert isinstance(json.loads(data), dict)
        # a person keeps one corpus entity across the copies
        cid, articles = _one(con, "SELECT corpus_entity, count(DISTINCT article) FROM entities "
                                  "WHERE name = 'Ann Turner' GROUP BY 1")
        assert cid is not None and articles == COPIES
        assert _one(con, "SELECT articles FROM corpus_entities WHERE id = ?", [cid])[0] == COPIES
        # an event's reported date follows its copy's publication date
        for reported, published in con.execute(
                "SELECT json_extract_string(e.data, '$.reported'), a.published FROM events e "
                "JOIN articles a ON a.hash = e.article").fetchall():
            assert reported is None or reported == published.isoformat()
        # stories: each one's dates and article count match the articles naming it
        for sid, first, last, n in con.execute(
                "SELECT id, first, last, articles FROM stories").fetchall():
            assert _one(con, "SELECT min(published), max(published), count(*) FROM articles "
                             "WHERE story = ?", [sid]) == (first, last, n)
        assert _one(con, "SELECT count(*) FROM articles a WHERE story IS NOT NULL AND NOT "
                         "EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story)")[0] == 0


def test_store_is_reused_and_requests_are_drawn_from_it(built):
    path, info = built
    again = api_latency.build_store(path, N, SEEDS, workers=0)
    assert again["reused"] and again["counts"] == info["counts"]
    paths = api_latency.request_paths(path, 10)
    assert set(paths) == {"/api/quotes?speaker=NAME", "/api/quotes?entity=EXACT_NAME",
                          "/api/entities?name=NAME", "/api/corpus-entities/{id}",
                          "/api/articles/{id}", "/articles/{id}"}
    assert all(len(v) == 10 for v in paths.values())
    assert all(p.startswith("/api/quotes?entity=") and p.endswith("&limit=50")
               for p in paths["/api/quotes?entity=EXACT_NAME"])
    costs = api_latency.connect_cost(path, repeats=3)
    assert all(v["n"] == 3 and v["median_ms"] > 0 for v in costs.values())


def test_client_times_requests_and_counts_errors():
    def answer(request: httpx.Request) -> httpx.Response:
        if "missing" in request.url.path:
            return httpx.Response(404, json={"error": {"status": 404, "code": "not_found",
                                                       "message": "no such article"}})
        return httpx.Response(200, json={"items": [], "total": 0, "limit": 50, "offset": 0,
                                         "next": None})

    with httpx.Client(transport=httpx.MockTransport(answer), base_url="http://t") as client:
        timed = api_latency.time_requests(client, ["/api/articles/a", "/api/articles/missing",
                                                   "/api/articles/b"])
    assert len(timed["ms"]) == 3 and timed["errors"] == 1
    assert timed["first_error"].startswith("404 /api/articles/missing")
    summary = api_latency.summarise([float(i) for i in range(1, 101)])
    assert summary == {"n": 100, "p50": 50.5, "p95": 95.0, "max": 100.0}
