"""Edges that never crash: escapes and markup never reach the terminal raw, every error is one
line, pages without an article are refused."""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.html import article_from_html
from newsgraph.errors import ArticleError
from newsgraph.terminal import printable, safe

from conftest import TEST_DATA

runner = CliRunner()
ESC, BEL, CSI, RLO, LRI = "\x1b", "\x07", "\x9b", "\u202e", "\u2066"
RAW = (ESC, BEL, CSI, RLO, LRI, "\u202a", "\u2069")


def cli(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def assert_no_raw(*texts):
    for text in texts:
        for ch in RAW:
            assert ch not in text, f"raw {ch!r} reached the terminal: {text!r}"


def one_line_error(result, code=2):
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output and "MarkupError" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# ------------------------------------------------------------------------ the escaping itself

def test_printable_escapes_controls_c1_and_bidi_and_keeps_the_rest():
    assert printable(f"a{ESC}[31mb{BEL}c{CSI}2Jd") == "a\\x1b[31mb\\x07c\\x9b2Jd"
    assert printable(f"x{RLO}y{LRI}z\u2069") == "x\\u202ey\\u2066z\\u2069"
    assert printable("two\nlines\r") == "two\\x0alines\\x0d"
    kept = "Zelenskyy — café, 5 € [bold]not markup[/bold] 東京"
    assert printable(kept) == kept
    assert printable(printable(ESC)) == "\\x1b"  # escaping twice changes nothing more
    text = safe(f"[red]{ESC}[/red]")
    assert text.plain == "[red]\\x1b[/red]" and not text.spans


# ------------------------------------------------------------- control characters from input

EVIL_ID = f"w{ESC}[31mred{BEL}"
EVIL_TITLE = f"Bridge {RLO}txet{LRI} news{CSI}2J"
EVIL_TEXT = (f"Mayor Ana Ruiz said on Monday that the {ESC}[31mbridge{ESC}[0m over the "
             f"Dorran river would reopen next week{BEL}, and the council agreed to pay 4 million "
             f"dollars for the repairs {RLO}to the span. Engineers from the county said the "
             f"work had gone faster than planned.")


@pytest.fixture()
def evil_jsonl(tmp_path):
    path = tmp_path / "evil.jsonl"
    record = {"id": EVIL_ID, "title": EVIL_TITLE, "text": EVIL_TEXT, "source": f"Wire{ESC}]0;x",
              "published": "2025-03-04"}
    path.write_text(json.dumps(record) + "\n")
    return path


def test_analyze_report_shows_input_controls_escaped(evil_jsonl):
    result = cli("analyze", evil_jsonl)
    assert result.exit_code == 0, result.output
    assert_no_raw(result.stdout, result.stderr)
    assert "w\\x1b[31mred\\x07" in result.stdout  # the id, shown escaped
    assert "\\u202etxet\\u2066" in result.stdout  # the title
    assert "\\x1b[31mbridge" in result.stdout  # the quote's text
    assert "Ana Ruiz" in result.stdout


def test_analyze_json_keeps_the_data_exact(evil_jsonl):
    result = cli("analyze", "--jsonl", evil_jsonl)
    assert result.exit_code == 0
    assert ESC not in result.stdout  # JSON escapes it ...
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["id"] == EVIL_ID and row["title"] == EVIL_TITLE  # ... and keeps it


def test_error_lines_escape_file_names_and_ids(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"a{ESC}[2Jempty{RLO}.txt").write_bytes(b"")
    (folder / "b.jsonl").write_text(json.dumps({"id": f"bad{ESC}[5m", "text": ""}) + "\n"
                                    + json.dumps({"id": f"c{BEL}", "text": 7}) + "\n")
    result = cli("analyze", "--jsonl", folder)
    assert result.exit_code == 1
    assert_no_raw(result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert "a\\x1b[2Jempty\\u202e.txt" in result.stderr


def test_ingest_verbose_and_query_table_escape_ids_and_texts(evil_jsonl, tmp_path):
    db = tmp_path / "e.duckdb"
    stored = cli("ingest", evil_jsonl, TEST_DATA / "quake.txt", "--db", db, "-v")
    assert stored.exit_code == 0, stored.output
    assert_no_raw(stored.stdout, stored.stderr)
    assert "stored w\\x1b[31mred\\x07" in stored.stdout
    for kind in ("articles", "quotes", "entities"):
        table = cli("query", kind, "--db", db)
        assert table.exit_code == 0, table.output
        assert_no_raw(table.stdout, table.stderr)
    articles = cli("query", "articles", "--db", db, "--search", "Dorran")
    # (long cells fold over lines: look for the escapes themselves)
    assert "w\\x1b[31m" in articles.stdout and "\\u202e" in articles.stdout
    quotes = cli("query", "quotes", "--db", db, "--speaker", "Ruiz")
    assert "\\x1b" in quotes.stdout
    as_json = json.loads(cli("query", "articles", "--db", db, "--format", "json").stdout)
    assert EVIL_ID in [r["id"] for r in as_json]  # machine output: the data as stored
    stats = cli("stats", "--db", db)
    assert stats.exit_code == 0 and "articles" in stats.stdout


# ------------------------------------------------------------------- markup in option values

def test_markup_in_option_values_is_printed_literally(tmp_path):
    bad_date = cli("analyze", TEST_DATA / "quake.txt", "--date", "[/]")
    line = one_line_error(bad_date)
    assert "'[/]'" in line and line.startswith("error:")
    missing = cli("query", "articles", "--db", "[red]x", "--speaker", "[bold]")
    assert "[red]x" in one_line_error(missing)
    odd = tmp_path / "[/]" / "[bold]n.duckdb"
    odd.parent.mkdir(parents=True)  # folders "[" and "]": the path reads ".../[/]/..."
    stored = cli("ingest", TEST_DATA / "quake.txt", "--db", odd)
    assert stored.exit_code == 0, stored.output
    assert "[/]" in stored.stderr and "[bold]n.duckdb" in stored.stderr
    stats = cli("stats", "--db", odd)
    assert stats.exit_code == 0, stats.output
    assert "[/]/[bold]n.duckdb" in stats.stdout.replace("\n", "")
    quotes = cli("query", "quotes", "--db", odd, "--speaker", "[bold]")
    assert quotes.exit_code == 0, quotes.output
    relink = cli("relink", "--db", odd)
    assert relink.exit_code == 0, relink.output


def test_control_characters_in_option_values_are_escaped_in_errors(tmp_path):
    result = cli("query", "articles", "--db", tmp_path / f"n{ESC}[31m.duckdb")
    line = one_line_error(result)
    assert "n\\x1b[31m.duckdb" in line
    assert_no_raw(result.stderr)


# --------------------------------------------------------------------------- store errors

@pytest.mark.parametrize("value", ["-1", "0"])
def test_limit_below_one_is_a_usage_error_on_every_command(tmp_path, value):
    db = tmp_path / "none.duckdb"
    assert "--limit" in one_line_error(cli("query", "articles", "--db", db, "--limit", value))
    assert "--limit" in one_line_error(cli("query", "quotes", "--db", db, "-n", value))
    assert "--limit" in one_line_error(cli("bench", "--limit", value))


def test_a_file_that_is_not_a_duckdb_database(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("just some notes, not a database\n" * 20)
    for args in (["stats"], ["query", "articles"], ["relink"],
                 ["ingest", TEST_DATA / "quake.txt"]):
        line = one_line_error(cli(*args, "--db", db))
        assert "DuckDB" in line or "database" in line, line
    assert db.read_text().startswith("just some notes")  # left as it was


def test_a_missing_folder_for_the_database(tmp_path):
    db = tmp_path / "no" / "such" / "folder" / "n.duckdb"
    line = one_line_error(cli("ingest", TEST_DATA / "quake.txt", "--db", db))
    assert "n.duckdb" in line
    assert "ingest" in one_line_error(cli("stats", "--db", db))


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(newsgraph.__file__).resolve().parents[1])
    return env


@pytest.fixture()
def short_lock_wait(monkeypatch):
    """Commands wait for a locked file; keep the wait short here."""
    from newsgraph.store import db as store_db

    monkeypatch.setattr(store_db, "LOCK_WAIT", 0.3)


def test_a_database_locked_by_another_process(tmp_path, short_lock_wait):
    db = tmp_path / "l.duckdb"
    assert cli("ingest", TEST_DATA / "quake.txt", "--db", db).exit_code == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\n"
         f"con = duckdb.connect({str(db)!r})\nprint('ready', flush=True)\ntime.sleep(120)"],
        stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        for args in (["stats"], ["query", "articles"], ["relink"],
                     ["ingest", TEST_DATA / "budget.html"]):
            result = cli(*args, "--db", db)
            line = one_line_error(result)
            assert "lock" in line.lower(), line
        assert time.monotonic() - started < 60
    finally:
        holder.kill()
        holder.wait()
    assert cli("stats", "--db", db).exit_code == 0  # free again: nothing was damaged


def test_disk_full_during_ingest_is_one_line(tmp_path):
    """A file-size limit makes writes fail as on a full disk (Python ignores SIGXFSZ)."""
    db = tmp_path / "full.duckdb"
    limit = 16 * 1024

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(TEST_DATA),
                           "--db", str(db)], capture_output=True, text=True, env=_env(),
                          preexec_fn=small_files, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and ("large" in errors[0] or "space" in errors[0]), proc.stderr


def test_an_unexpected_error_is_one_line_internal_error(tmp_path, monkeypatch):
    from newsgraph.store import Store

    assert cli("ingest", TEST_DATA / "quake.txt", "--db", tmp_path / "u.duckdb").exit_code == 0

    def broken(self):
        raise KeyError("boom")

    monkeypatch.setattr(Store, "counts", broken)
    line = one_line_error(cli("stats", "--db", tmp_path / "u.duckdb"), code=3)
    assert line.startswith("internal error: KeyError") and "NEWSGRAPH_DEBUG" in line

    def full(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "counts", full)
    line = one_line_error(cli("stats", "--db", tmp_path / "u.duckdb"))
    assert line == "error: [Errno 28] No space left on device"


# -------------------------------------------------------------------- pages with no article

NAV_ONLY = """<!doctype html><html><head><title>Example News</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<footer><p>&copy; 2021 Example News</p></footer></body></html>"""

BRIEF = """<!doctype html><html><head><title>Ferry service resumes | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav>
<article><h1>Ferry service resumes</h1>
<p>The ferry between Portmere and Anholt Island sailed again on Wednesday after storms kept
both boats in harbour for six days, the operator said.</p></article>
<footer><p>&copy; 2021 Example News. All rights reserved.</p></footer></body></html>"""


def test_a_page_with_only_navigation_is_refused():
    item = article_from_html(NAV_ONLY, "nav", "nav.html")
    assert isinstance(item, ArticleError) and item.code == "bad-html"
    assert "no article text" in str(item) and "words" in str(item)


def test_a_menu_of_many_links_without_a_sentence_is_refused():
    menu = " ".join(f'<p><a href="/s{i}">Section {i} headlines</a></p>' for i in range(12))
    item = article_from_html(f"<html><body><main>{menu}</main></body></html>", "m", "m.html")
    assert isinstance(item, ArticleError) and item.code == "bad-html"


def test_a_short_real_brief_is_kept_without_a_date_from_the_footer():
    item = article_from_html(BRIEF, "brief", "brief.html")
    assert not isinstance(item, ArticleError), item
    assert "Anholt Island" in item.text
    assert item.published is None  # "© 2021" in the footer is not a publication date


def test_a_date_from_the_page_metadata_is_still_taken():
    page = BRIEF.replace("<head>", '<head><meta property="article:published_time" '
                         'content="2024-11-05T08:30:00Z">')
    assert article_from_html(page, "brief", "brief.html").published == "2024-11-05"
    timed = BRIEF.replace("<h1>", '<time datetime="2023-02-14">14 February 2023</time><h1>')
    assert article_from_html(timed, "brief", "brief.html").published == "2023-02-14"


def test_analyze_reports_a_navigation_page_on_one_line(tmp_path):
    page = tmp_path / "home.html"
    page.write_text(NAV_ONLY)
    result = cli("analyze", "--jsonl", page)
    assert result.exit_code == 1 and result.stdout == ""
    line = one_line_error(result, code=1)
    assert ": bad-html: no article text found" in line
