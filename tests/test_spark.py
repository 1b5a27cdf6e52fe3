"""The Spark runner on local[2]: the same records as `analyze --jsonl`, loadable into the
same store as `ingest` gives, copy groups from the Spark job.  Skips without PySpark/Java."""

from __future__ import annotations

import json
import shutil
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.engines import batch
from newsgraph.store import Store

runner = CliRunner()
DATE = "2025-06-01"

# Articles written for this test: a court case, a wire copy of it (new headline, a
# dateline, last paragraph dropped), a match report, an earthquake, a company's results,
# and one French item (fails in the pipeline, on an executor).
COURT = (
    "Treasurer Sentenced Over Missing Road Funds\n\n"
    "A former county treasurer was sentenced to six years in prison on Tuesday for moving "
    "$2.3 million of road repair money into accounts he controlled, prosecutors said.\n\n"
    "Judge Harriet Okafor told Dennis Marlowe, 58, that he had betrayed the voters of Linden "
    "County and ordered him to repay the full amount.\n\n"
    "\"Every pothole in this county has his name on it,\" Okafor said from the bench.\n\n"
    "Marlowe's lawyer, Priya Raman, said her client would appeal the sentence. Investigators "
    "first found the missing money during an audit in March 2023.\n\n"
    "The county has since hired an outside firm to review its accounts, according to a "
    "statement from the board of supervisors.")
COPY = ("Ex-Treasurer Gets Six Years\n\nMILLBROOK, Ore. (Valley Wire) — "
        + COURT.split("\n\n", 1)[1].rsplit("\n\n", 1)[0])
SPORTS = (
    "The Riverton Hawks beat the Glenfield Mariners 3-1 on Saturday, their fourth win in a "
    "row, in front of about 12,000 fans.\n\n"
    "Striker Tomas Keane scored twice in the second half. \"We finally played for ninety "
    "minutes,\" coach Aileen Brody said after the match.\n\n"
    "The Mariners will host the league leaders next weekend.")
QUAKE = (
    "An earthquake of magnitude 5.8 shook the coastal province of Veridia early on Monday, "
    "damaging dozens of homes and cutting power to 40,000 households, officials said.\n\n"
    "The regional governor, Marco Teller, said two people had been injured and that rescue "
    "teams were checking older buildings in the port city of Salvan.\n\n"
    "Schools will stay closed until Wednesday, the education ministry announced.")
BUSINESS = (
    "Shares of Corvane Industries fell 12 percent on Thursday after the packaging maker cut "
    "its annual profit forecast and said it would close two plants.\n\n"
    "Chief executive Lena Ostrowski said weak demand from grocery chains would shave about "
    "$45 million from earnings this year.\n\n"
    "Analysts at Northgate Securities said the closures could save the company money by "
    "2026, but warned that more job cuts were possible.")
FRENCH = ("Le conseil municipal a voté mardi soir un nouveau budget pour la rénovation des "
          "écoles de la ville, a annoncé la mairie dans un communiqué publié mercredi.")


def _spark_missing() -> str | None:
    from newsgraph.engines.spark import SparkUnavailable, require_spark

    try:
        require_spark()
    except SparkUnavailable as exc:
        return str(exc)
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None,
                                 reason=f"Spark test skipped: {_spark_missing()}")


def write_inputs(folder):
    """A JSON Lines file (with a repeated text) and an empty file (fails on the driver)."""
    folder.mkdir()
    items = [
        {"id": "court", "text": COURT, "title": "Treasurer Sentenced", "published": "2025-02-11",
         "source": "Linden Ledger", "url": "https://example.org/court"},
        {"id": "court-copy", "text": COPY, "published": "2025-02-12", "source": "Valley Wire"},
        {"id": "sports", "text": SPORTS, "published": "2025-03-01", "author": "J. Doyle"},
        {"id": "quake", "text": QUAKE},
        {"id": "french", "text": FRENCH, "published": "2025-05-22"},
        {"id": "business", "text": BUSINESS, "published": "2025-05-22"},
        {"id": "sports-again", "text": SPORTS, "published": "2025-03-01"},
    ]
    with open(folder / "news.jsonl", "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    (folder / "blank.txt").write_text("")
    return folder


def parquet(path, table):
    order = "position, n" if table in batch.RECORD_TABLES else "position"
    con = duckdb.connect()
    cur = con.execute(f"SELECT * FROM read_parquet('{path}/{table}/*.parquet') ORDER BY {order}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def store_dump(path) -> dict:
    """Every table's rows, sorted, without arrival timestamps."""
    con = duckdb.connect(str(path), read_only=True)
    dump = {}
    for (table,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
        if table == "migrations":
            continue
        cols = [c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND "
            "column_name NOT IN ('ingested_at', 'failed_at')", [table]).fetchall()]
        rows = con.execute(f"SELECT {', '.join(repr(c).replace(chr(39), chr(34)) for c in cols)}"
                           f" FROM {table}").fetchall()
        dump[table] = sorted(rows, key=repr)
    con.close()
    return dump


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory):
    from newsgraph.engines.spark import run_spark
    from newsgraph.ingest import IngestOptions

    if _spark_missing():
        pytest.skip(f"Spark test skipped: {_spark_missing()}")
    root = tmp_path_factory.mktemp("spark")
    inputs = write_inputs(root / "in")
    errors = []
    run = run_spark([str(inputs)], root / "out", options=IngestOptions(date=DATE),
                    master="local[2]", partitions=3, on_error=errors.append)
    return root, inputs, run, errors


@needs_spark
def test_spark_records_equal_analyze_jsonl(spark_run):
    root, inputs, run, errors = spark_run
    result = runner.invoke(app, ["analyze", "--jsonl", "--workers", "0", str(inputs),
                                 "--date", DATE])
    assert result.exit_code == 1  # the two bad items
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["id"] for e in expected] == ["court", "court-copy", "sports", "quake",
                                           "business", "sports-again"]
    articles = parquet(root / "out", "articles")
    assert [a["id"] for a in articles] == [e["id"] for e in expected]
    for got, want in zip(articles, expected):
        assert {k: got[k] for k in batch.ARTICLE_FIELDS} == \
            {k: want.get(k) for k in batch.ARTICLE_FIELDS}
        assert json.loads(got["stages"]) == batch.pipeline().versions
    assert run.articles == 6
    for table in batch.RECORD_TABLES:
        rows = parquet(root / "out", table)
        got = [(r["article"], r["id"], json.loads(r["data"])) for r in rows]
        want = [(e["id"], rec["id"], rec) for e in expected for rec in e[table]]
        assert got == want, table
        assert run.records[table] == len(want)
    assert sum(run.records.values()) > 40  # the texts give records of every kind
    assert all(run.records.values())


@needs_spark
def test_spark_failures_reported_and_written(spark_run):
    root, inputs, run, errors = spark_run
    assert [(e.code, e.article_id) for e in errors] == [("empty", None),
                                                       ("not-english", "french")]
    failures = parquet(root / "out", "failures")
    assert [(f["article"], f["code"], f["position"]) for f in failures] == [
        (None, "empty", 0), ("french", "not-english", 5)]
    assert failures[0]["origin"].endswith("blank.txt") and failures[0]["hash"] is None
    assert failures[1]["origin"].endswith("news.jsonl:5") and len(failures[1]["hash"]) == 64
    assert run.failed == 2


@needs_spark
def test_spark_copy_groups(spark_run):
    root, _, run, _ = spark_run
    copies = parquet(root / "out", "copies")
    groups = {}
    for row in copies:
        groups.setdefault(row["copy_group"], set()).add(row["article"])
    # the wire copy joins the court story; the repeated match report is its own group
    assert groups == {"court": {"court", "court-copy"}, "sports": {"sports", "sports-again"}}
    scores = {r["article"]: r["copy_score"] for r in copies}
    assert 0.6 <= scores["court-copy"] < 1.0 and scores["sports-again"] == 1.0
    assert run.copy_groups == 2


@needs_spark
def test_load_parquet_gives_the_ingest_store(spark_run, tmp_path):
    from newsgraph.store.parquet import load_parquet

    root, inputs, _, _ = spark_run
    ingested = tmp_path / "ingested.duckdb"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(ingested), "--date", DATE,
                                 "--no-link", "--workers", "0"])
    assert result.exit_code == 1, result.output
    loaded = tmp_path / "loaded.duckdb"
    with Store(loaded) as store:
        counts = load_parquet(root / "out", store)
    assert counts["stored"] == 5 and counts["duplicates"] == 1 and counts["failed"] == 2
    want, got = store_dump(ingested), store_dump(loaded)
    assert want["articles"] and want["entities"] and want["failures"]
    assert got == want
    with Store(loaded) as store:  # loading again stores nothing new
        again = load_parquet(root / "out", store)
        assert again["stored"] == 0 and again["duplicates"] == 6
        assert sum(again[t] for t in batch.RECORD_TABLES) == 0


@needs_spark
def test_load_parquet_then_link_gives_the_linked_ingest_store(spark_run, tmp_path):
    from newsgraph.store.parquet import load_parquet

    root, inputs, _, _ = spark_run
    ingested = tmp_path / "ingested.duckdb"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(ingested), "--date", DATE,
                                 "--workers", "0"])
    assert result.exit_code == 1, result.output
    loaded = tmp_path / "loaded.duckdb"
    with Store(loaded) as store:
        load_parquet(root / "out", store)
    assert runner.invoke(app, ["relink", "--db", str(loaded)]).exit_code == 0
    want, got = store_dump(ingested), store_dump(loaded)
    assert want["stories"] and want["corpus_entities"]
    assert got == want
    copy_groups = {r["article"]: r["copy_group"] for r in parquet(root / "out", "copies")}
    con = duckdb.connect(str(loaded), read_only=True)
    stored = dict(con.execute("SELECT id, copy_group FROM articles "
                              "WHERE copy_group IS NOT NULL").fetchall())
    con.close()
    # the Spark job and the store's linker agree on the wire copy (the repeated match
    # report is stored once, so the store has no group for it)
    assert stored == {"court": "court", "court-copy": "court"}
    assert stored.items() <= copy_groups.items()


@needs_spark
def test_spark_command_refuses_a_used_folder(spark_run):
    root, inputs, _, _ = spark_run
    result = runner.invoke(app, ["spark", str(inputs), "--out", str(root / "out")])
    assert result.exit_code == 2
    assert "not empty" in result.output and "--force" in result.output


def test_spark_command_without_pyspark_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails
    result = runner.invoke(app, ["spark", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "pip install 'newsgraph[spark]'" in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()


def test_spark_needs_java(monkeypatch):
    from newsgraph.engines.spark import SparkUnavailable, require_spark

    if "pyspark" not in sys.modules:
        pytest.importorskip("pyspark", reason="PySpark is not installed")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(SparkUnavailable, match="Java 17"):
        require_spark()
