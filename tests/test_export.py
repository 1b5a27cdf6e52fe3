"""`newsgraph export`: every table of a store, as Parquet, CSV or JSON Lines, round trip."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.store.export import export, tables

from conftest import TEST_DATA
from test_spark import BUSINESS, COPY, COURT, QUAKE

runner = CliRunner()
ALL_TABLES = {"articles", "entities", "attributions", "events", "times", "quantities",
              "failures", "stories", "corpus_entities", "corpus_state", "migrations"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A linked store with articles, records of every kind, a failure and a story."""
    folder = tmp_path_factory.mktemp("export")
    path = folder / "news.duckdb"
    articles = folder / "news.jsonl"
    with open(articles, "w", encoding="utf-8") as fh:
        for n, text in enumerate([COURT, COPY, BUSINESS, QUAKE]):
            fh.write(json.dumps({"id": f"a{n}", "text": text, "source": "Test Wire"}) + "\n")
    result = runner.invoke(app, ["ingest", str(articles), str(TEST_DATA / "french.txt"),
                                 "--db", str(path), "--date", "2025-06-03", "--workers", "0"])
    assert result.exit_code == 1, result.output  # french.txt is not English
    return path


def counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ALL_TABLES}
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_every_table_round_trip(db, tmp_path, fmt):
    out = tmp_path / fmt
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    want = counts(db)
    assert want["articles"] == 4 and want["failures"] == 1
    assert all(want.values())  # every table has rows to export
    assert {p.name for p in out.iterdir()} == {f"{t}.{fmt}" for t in ALL_TABLES}
    con = duckdb.connect()
    source = duckdb.connect(str(db), read_only=True)
    for table in ALL_TABLES:
        path = out / f"{table}.{fmt}"
        columns = [c for (c,) in source.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index", [table]).fetchall()]
        if fmt == "parquet":
            got = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
            names = [d[0] for d in con.execute(
                f"SELECT * FROM read_parquet('{path}') LIMIT 0").description]
            assert names == columns
        elif fmt == "csv":
            with open(path, newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            assert rows[0] == columns  # the header
            got = len(rows) - 1
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            objects = [json.loads(line) for line in lines]
            assert all(list(o) == columns for o in objects)
            got = len(objects)
        assert got == want[table], table
    source.close()


def test_export_keeps_text_and_records(db, tmp_path):
    with Store(db, read_only=True) as store:
        written = export(store, "parquet", tmp_path / "p")
        _, rows = store.query("SELECT hash, text FROM articles ORDER BY hash")
        _, records = store.query("SELECT article, id, data FROM events ORDER BY article, id")
    assert written == counts(db)
    con = duckdb.connect()
    assert con.execute(f"SELECT hash, text FROM read_parquet('{tmp_path / 'p'}/articles.parquet')"
                       " ORDER BY hash").fetchall() == rows
    got = con.execute(f"SELECT article, id, data FROM read_parquet("
                      f"'{tmp_path / 'p'}/events.parquet') ORDER BY article, id").fetchall()
    assert [(a, i, json.loads(d)) for a, i, d in got] == \
        [(a, i, json.loads(d)) for a, i, d in records]
    lines = [json.loads(x) for x in
             (_jsonl(db, tmp_path / "j") / "entities.jsonl").read_text().splitlines()]
    assert all(isinstance(x["data"], dict) for x in lines)  # JSON columns stay JSON


def _jsonl(db, out):
    with Store(db, read_only=True) as store:
        export(store, "jsonl", out)
    return out


def test_export_refuses_a_folder_with_files_unless_forced(db, tmp_path):
    out = tmp_path / "used"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    args = ["export", "--db", str(db), "--format", "csv", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    result = runner.invoke(app, args + ["--force"])
    assert result.exit_code == 0, result.output
    assert (out / "notes.txt").read_text() == "mine"  # left alone
    assert (out / "articles.csv").exists()
    result = runner.invoke(app, args + ["--force"])  # again: overwritten, not appended
    assert result.exit_code == 0
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.reader(fh))) == 1 + counts(db)["articles"]


def test_export_usage_errors(tmp_path, db):
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format",
                                  "csv", "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "no database" in missing.output
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "xml", "--out",
                              str(tmp_path / "o")])
    assert bad.exit_code == 2
    with Store(db, read_only=True) as store:
        assert set(tables(store)) == ALL_TABLES
        with pytest.raises(Exception, match="unknown export format"):
            export(store, "xml", tmp_path / "o")
