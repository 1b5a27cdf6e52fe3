"""A place's timeline: the events located there and the articles naming it, by date,
copies counted once (a place neither says nor does, so the person's timeline of quotes
and acts was empty for it).

Fixtures are short articles written for these tests: a farmers' protest in Bruges from a
wire and an outlet's copy of it, a strike in Antwerp, and a later council decision in
Bruges.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsgraph import Article
from newsgraph.cli import app
from newsgraph.corpus.linker import link
from newsgraph.store import Store, timelines

ARTICLES = [
    {"id": "farm-wire", "title": "Farmers block roads into Bruges", "published": "2025-05-05",
     "source": "Wire",
     "text": "Hundreds of farmers protested in Bruges on Monday against new fertiliser rules, "
             "blocking the ring road with their tractors.\n\nPolice arrested four protesters "
             "in Bruges after a scuffle near the railway station, a police spokesman said.\n\n"
             "The farmers' union said it would return next week if the regional government "
             "did not withdraw the rules."},
    {"id": "farm-copy", "title": "Tractors jam Bruges ring road as farmers protest",
     "published": "2025-05-05", "source": "Flanders Today",
     "text": "BRUGES, Belgium (Wire) - Hundreds of farmers protested in Bruges on Monday "
             "against new fertiliser rules, blocking the ring road with their tractors.\n\n"
             "Police arrested four protesters in Bruges after a scuffle near the railway "
             "station, a police spokesman said.\n\nThe farmers' union said it would return "
             "next week if the regional government did not withdraw the rules."},
    {"id": "port-antwerp", "title": "Antwerp dockers walk out", "published": "2025-05-07",
     "source": "Harbour News",
     "text": "Dock workers went on strike in Antwerp on Wednesday over pay, halting container "
             "traffic at the port.\n\nThe union said talks with employers had broken down."},
    {"id": "bruges-canal", "title": "Bruges to dredge its canals", "published": "2025-05-20",
     "source": "City Desk",
     "text": "The city council of Bruges on Tuesday approved a plan to dredge the old canals "
             "this summer.\n\nMayor Dirk De Smet said boat tours would keep running while "
             "the work went on."},
]


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "p.duckdb"
    with Store(path) as opened:
        for record in ARTICLES:
            opened.save(pipeline.analyze(Article(**record)))
        link(opened)
        yield opened


def _rows(store, name):
    columns, rows = timelines.entity_timeline(store, name)
    return [dict(zip(columns, r)) for r in rows]


def test_a_place_timeline_holds_what_happened_there_and_its_articles(store):
    rows = _rows(store, "Bruges")
    articles = [r["article"] for r in rows if r["kind"] == "article"]
    # the copy names Bruges too, but it is the wire's report: counted once
    assert articles == ["farm-wire", "bruges-canal"]
    events = [r for r in rows if r["kind"] == "event"]
    located = [r for r in events if r["detail"].endswith("/ Bruges")]
    assert {r["what"].split(":")[0] for r in located} >= {"PROTEST", "COERCE"}
    assert all(r["article"] == "farm-wire" for r in located)  # not again from the copy
    assert "port-antwerp" not in {r["article"] for r in rows}
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    # each article's row comes before the records read from it
    first = {}
    for n, r in enumerate(rows):
        first.setdefault(r["article"], (n, r["kind"]))
    assert all(kind == "article" for article, (n, kind) in first.items()
               if article in articles)
    assert rows[0]["detail"] == "2 mentions" and rows[0]["who"] == "Wire"


def test_the_other_place_keeps_to_its_own_events(store):
    rows = _rows(store, "Antwerp")
    assert {r["article"] for r in rows} == {"port-antwerp"}
    assert [r["kind"] for r in rows][0] == "article"
    assert any(r["kind"] == "event" and r["what"].startswith("PROTEST") for r in rows)


def test_a_person_timeline_lists_no_articles(store):
    rows = _rows(store, "Dirk De Smet")
    assert rows and {r["kind"] for r in rows} <= {"quote", "event"}


def test_cli_place_timeline_in_every_format(tmp_path):
    source = tmp_path / "places.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ARTICLES), encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(source), "--db", str(db)]).exit_code == 0

    def query(name, fmt):
        result = runner.invoke(app, ["query", "entity", name, "--timeline", "--db", str(db),
                                     "--format", fmt])
        assert result.exit_code == 0, result.output
        return result.stdout

    place = json.loads(query("Bruges", "json"))
    person = json.loads(query("Dirk De Smet", "json"))
    assert place and person and list(place[0]) == list(person[0])
    assert [r["article"] for r in place if r["kind"] == "article"] == ["farm-wire",
                                                                       "bruges-canal"]
    table = list(csv.reader(io.StringIO(query("Bruges", "csv"))))
    assert table[0] == list(place[0]) and len(table) == len(place) + 1
    assert "farm-wire" in query("Bruges", "table")
