"""The command line, run for real: analyze, ingest, query, stats, kill-and-rerun."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app

from conftest import TEST_DATA

runner = CliRunner()
CONTRACT = {"id", "text", "published", "entities", "attributions", "events", "times",
            "quantities"}


def cli(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_analyze_jsonl_contract_in_input_order():
    result = cli("analyze", "--jsonl", TEST_DATA / "wire.jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["w1", "w2"]
    for row in rows:
        assert CONTRACT <= set(row)
        for kind in ("entities", "attributions", "events", "times", "quantities"):
            assert isinstance(row[kind], list)
    assert rows[0]["published"] == "2025-06-03"
    for e in rows[0]["entities"]:
        for m in e["mentions"]:
            assert rows[0]["text"][m["start"]:m["end"]] == m["text"]


def test_analyze_file_id_is_the_file_name_and_date_option_applies():
    result = cli("analyze", "--json", "--date", "2025-04-12", TEST_DATA / "quake.txt")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["id"] == "quake" and row["published"] == "2025-04-12"


def test_analyze_readable_report_shows_entities():
    result = cli("analyze", TEST_DATA / "quake.txt")
    assert result.exit_code == 0
    assert "quake" in result.stdout and "Lina Moreau" in result.stdout


def test_bad_items_are_one_line_each_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c_latin1.txt").write_bytes("Caf\u00e9 cr\u00e8me, he said.".encode("latin-1"))
    (tmp_path / "d_french.txt").write_bytes((TEST_DATA / "french.txt").read_bytes())
    (tmp_path / "e_good.txt").write_bytes((TEST_DATA / "quake.txt").read_bytes())
    (tmp_path / "f_broken.html").write_bytes((TEST_DATA / "broken.html").read_bytes())
    result = cli("analyze", "--jsonl", tmp_path)
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["e_good", "f_broken"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    for line, code in zip(errors, ["empty", "binary", "encoding", "not-english"]):
        assert f": {code}: " in line


def test_ingest_twice_then_query_and_stats(tmp_path):
    db = tmp_path / "n.duckdb"
    first = cli("ingest", TEST_DATA / "quake.txt", TEST_DATA / "wire.jsonl", "--db", db)
    assert first.exit_code == 0, first.output
    assert "stored 3, skipped 0 as duplicates, failed 0" in first.stderr
    again = cli("ingest", TEST_DATA, "--db", db)
    assert "skipped 3 as duplicates" in again.stderr
    assert again.exit_code == 1  # french.txt in the folder is refused
    as_json = cli("query", "articles", "--db", db, "--format", "json")
    assert sorted(r["id"] for r in json.loads(as_json.stdout)) == [
        "broken", "budget", "quake", "w1", "w2"]
    as_csv = cli("query", "entities", "--db", db, "--format", "csv", "--label", "PERSON")
    names = [row["name"] for row in csv.DictReader(io.StringIO(as_csv.stdout))]
    assert "Lina Moreau" in names
    failures = json.loads(cli("query", "failures", "--db", db, "--format", "json").stdout)
    assert [f["code"] for f in failures] == ["not-english"]
    stats = cli("stats", "--db", db)
    assert stats.exit_code == 0 and "articles" in stats.stdout


def test_query_usage_errors(tmp_path):
    missing = cli("query", "articles", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 2 and "ingest" in missing.stderr
    bad_date = cli("query", "quotes", "--db", tmp_path / "none.duckdb", "--from", "May 1")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(newsgraph.__file__).resolve().parents[1])
    return env


def test_kill_part_way_then_rerun_stores_each_article_exactly_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    n = 70
    for i in range(n):
        (folder / f"art{i:03d}.txt").write_text(
            f"Council member Dana Pryce said on Monday that plan number {i} would cost "
            f"{i + 3} million dollars, and that the vote would take place next week.")
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--db", str(db), "-v"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(),
                            text=True)
    stored_before_kill = 0
    for line in proc.stdout:
        stored_before_kill += line.startswith("stored ")
        if stored_before_kill == 5:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with duckdb.connect(str(db)) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 <= partial < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    assert rerun.returncode == 0, rerun.stderr
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
        orphans = con.execute("SELECT count(*) FROM entities WHERE article NOT IN "
                              "(SELECT hash FROM articles)").fetchone()[0]
        assert orphans == 0
        per_article = con.execute("SELECT count(DISTINCT article) FROM entities").fetchone()[0]
        assert per_article == n
