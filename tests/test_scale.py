"""Workers, bounded per-article cost, the single writer, and readers during an ingest."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.engines import batch, local
from newsgraph.errors import ArticleError
from newsgraph.ingest import IngestOptions, bounded_lines, read_jsonl
from newsgraph.model import Article
from newsgraph.stages.normalize import normalize_text

BEATS = [
    "The visiting side won 3-1 on Saturday, and coach Mara Lind said her players had earned "
    "the points after a slow start.",
    "A jury in Dover found the former treasurer guilty of fraud on Tuesday. Judge Alan Poe "
    "will sentence him in March, the court said.",
    "Researchers at the university reported that the new battery kept 90 percent of its "
    "charge after 1,000 cycles, according to a study published on Wednesday.",
    "Shares of the bakery chain fell 12 percent after it cut its forecast. Chief executive "
    "Ruth Ames told analysts that flour prices had doubled.",
    "The festival will open with a film by a first-time director, organisers announced, and "
    "tickets go on sale on Friday.",
]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"art{i:02d}", text=f"{BEATS[i % len(BEATS)]} Report number {i}.",
                    published="2025-06-02") for i in range(n)]


def _env(extra_path: Path | None = None) -> dict:
    env = dict(os.environ)
    paths = [str(Path(newsgraph.__file__).resolve().parents[1])]
    if extra_path is not None:
        paths.insert(0, str(extra_path))
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def _write_jsonl(path: Path, articles: list[Article]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n")
    return path


def test_batches_are_cut_by_characters_and_keep_order():
    items = [Article(id=str(i), text="x" * size) for i, size in
             enumerate([400, 400, 900, 50, 2000, 10])]
    cut = list(batch.batches(items, max_chars=1000, max_items=3))
    assert [[a.id for a in b] for b in cut] == [["0", "1"], ["2", "3"], ["4"], ["5"]]


def test_workers_give_the_same_records_in_the_same_order_as_one_process():
    items: list = _articles(12)
    items.insert(4, ArticleError("unreadable", origin="in/bad.txt"))
    one = list(local.run(items, workers=0))
    two = list(local.run(items, workers=2))
    assert len(one) == len(two) == 13
    assert isinstance(two[4], ArticleError) and two[4].origin == "in/bad.txt"
    for a, b in zip(one, two):
        if isinstance(a, ArticleError):
            assert isinstance(b, ArticleError) and a.line() == b.line()
        else:
            assert a.to_dict() == b.to_dict()
    assert any(r.attributions for r in two if not isinstance(r, ArticleError))


def test_cli_workers_option_matches_in_process_output(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", _articles(6))
    runner = CliRunner()
    zero = runner.invoke(app, ["analyze", "--jsonl", "--workers", "0", str(src)])
    two = runner.invoke(app, ["analyze", "--jsonl", "--workers", "2", str(src)])
    assert zero.exit_code == 0 and two.exit_code == 0, two.output
    assert [json.loads(x) for x in zero.stdout.splitlines()] == \
        [json.loads(x) for x in two.stdout.splitlines()]


def _worker_state(analysis) -> dict:
    """A render function: what the worker process that analysed ``analysis`` looks like."""
    import gc

    from threadpoolctl import threadpool_info

    return {"frozen": gc.get_freeze_count(),
            "blas": sorted({i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"})}


def test_a_worker_runs_blas_on_one_thread_with_its_lifelong_objects_frozen():
    [state] = list(local.run(_articles(1), workers=1, render=_worker_state))
    assert state["blas"] == [1]  # one worker per core: no BLAS threads of its own
    assert state["frozen"] > 0  # the model and lexicons are out of the collector's way


def test_punctuation_runs_are_defused_with_offsets_kept():
    text = 'She said "' + '"' * 500 + ' it was over.' + "(" * 40 + "x"
    norm = normalize_text(text)
    assert len(norm) == len(text)
    assert '"' * 32 not in norm and "(" * 32 not in norm
    assert norm.startswith('She said "') or norm.startswith("She said  ")
    assert norm.endswith(" x")


def test_forty_kilobytes_of_quote_marks_fail_or_finish_alone_within_the_limit():
    nasty = Article(id="quotes", text='The mayor said "' + '"' * 40_000 + '" and left.')
    items = [*_articles(2), nasty, *_articles(3)[2:]]
    started = time.monotonic()
    results = list(local.run(items, workers=1, article_timeout=30))
    assert time.monotonic() - started < 60  # one time limit and one worker restart at most
    assert [getattr(r, "article", r).id if not isinstance(r, ArticleError) else r.article_id
            for r in results] == ["art00", "art01", "quotes", "art02"]
    assert all(not isinstance(r, ArticleError) for i, r in enumerate(results) if i != 2)


_SLOW_STAGE = '''
import time
from newsgraph.pipeline import stage

@stage("stall_for_test", version="0", requires=("doc",), order=95)
def stall(analysis):
    """A plugin stage that never ends on one marked article (a stand-in for native code
    that hangs)."""
    if "STALL-THIS-ONE" in analysis.article.text:
        time.sleep(3600)
'''


def _plugin(folder: Path, module: str, source: str) -> Path:
    """A real plugin package, found through the ``newsgraph.stages`` entry point."""
    folder.mkdir()
    (folder / f"{module}.py").write_text(source)
    info = folder / f"{module}-0.dist-info"
    info.mkdir()
    name = module.replace("_", "-")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0\n")
    (info / "entry_points.txt").write_text(f"[newsgraph.stages]\nplugin = {module}\n")
    return folder


def _stall_plugin(folder: Path) -> Path:
    return _plugin(folder, "ng_stall_stage", _SLOW_STAGE)


def test_an_article_over_the_time_limit_fails_alone_and_the_batch_goes_on(tmp_path):
    plugin = _stall_plugin(tmp_path / "plugin")
    articles = _articles(5)
    articles[2] = Article(id="stuck", text=BEATS[0] + " STALL-THIS-ONE")
    src = _write_jsonl(tmp_path / "in.jsonl", articles)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "analyze", "--jsonl",
                           "--workers", "2", "--article-timeout", "3", str(src)],
                          capture_output=True, text=True, env=_env(plugin), timeout=300)
    assert time.monotonic() - started < 120
    assert proc.returncode == 1
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines()]
    assert ids == ["art00", "art01", "art03", "art04"]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and ":3: timeout: analysis took longer than 3 s" in errors[0]


def test_over_long_jsonl_lines_are_skipped_while_streaming():
    data = (b'{"id": "a", "text": "Short one said the mayor."}\n' + b'{"id": "b", "text": "'
            + b"y" * 5000 + b'"}\n' + b'{"id": "c", "text": "Another short one."}\n')
    lines = list(bounded_lines(io.BytesIO(data), 1000, chunk=64))
    assert lines[1] == len(data.splitlines()[1]) + 1 and isinstance(lines[0], bytes)
    items = list(read_jsonl(io.BytesIO(data), "in.jsonl", IngestOptions(max_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["Article", "TooLargeError", "Article"]
    assert items[1].origin == "in.jsonl:2"


def test_kill_during_a_two_worker_ingest_then_rerun_stores_each_article_once(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", _articles(90))
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(src), "--db", str(db), "-v",
           "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=_env(), text=True)
    for line in proc.stdout:
        if line.startswith("stored "):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with duckdb.connect(str(db), read_only=True) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1 <= partial < 90
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() \
            == (90, 90)
        assert con.execute("SELECT count(*) FROM entities WHERE article NOT IN "
                           "(SELECT hash FROM articles)").fetchone()[0] == 0


def test_the_store_can_be_read_while_an_ingest_runs(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", _articles(300))
    db = tmp_path / "live.duckdb"
    ingest = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(src),
                               "--db", str(db), "--workers", "1", "-v"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                              text=True)
    try:
        assert ingest.stdout.readline().startswith("stored ")  # a first batch is in
        read = subprocess.run([sys.executable, "-m", "newsgraph.cli", "query", "articles",
                               "--db", str(db), "--format", "json"],
                              capture_output=True, text=True, env=_env(), timeout=120)
        still_running = ingest.poll() is None
    finally:
        rest, errors = ingest.communicate(timeout=600)
    assert read.returncode == 0, read.stderr
    seen = len(json.loads(read.stdout))
    assert still_running and 1 <= seen < 300
    assert ingest.returncode == 0, errors
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 300


def test_eight_long_articles_stay_under_three_gigabytes(tmp_path):
    """8 articles of 250,000 characters: batches are cut by characters, so a worker holds
    one such article at a time; the whole process tree stays under 3 GB.  (One such
    article peaks near 1 GB in its process: a batch held whole, 8 of them, would pass 3 GB
    many times over.  Thirty-two took ten minutes of CI's twenty on this machine.)"""
    script = textwrap.dedent('''
        import json, random, sys
        random.seed(5)
        people = ["Coach Ines Varga", "The prosecutor", "Dr. Omar Hale", "The union", "Police"]
        verbs = ["said", "told reporters", "announced", "warned"]
        rest = ["that the game was moved to Sunday", "that 40 jobs would go by June",
                "the trial would last two weeks", "that the vaccine study enrolled 300 people"]
        for k in range(8):
            words, size = [], 0
            while size < 250_000:
                s = f"{random.choice(people)} {random.choice(verbs)} {random.choice(rest)}. "
                words.append(s); size += len(s)
            print(json.dumps({"id": f"long{k}", "text": "".join(words)[:250_000]}))
    ''')
    src = tmp_path / "long.jsonl"
    with open(src, "w") as fh:
        subprocess.run([sys.executable, "-c", script], stdout=fh, check=True)
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "analyze", "--jsonl",
                             "--workers", "2", "--article-timeout", "600", str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.25)
    assert proc.returncode == 0, proc.stderr.read()
    assert 0 < peak < 3e9, f"peak {peak / 1e9:.2f} GB"


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (Linux /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def test_ingest_from_parquet_refuses_a_folder_that_is_not_a_spark_run(tmp_path):
    (tmp_path / "not-a-run").mkdir()
    result = CliRunner().invoke(app, ["ingest", "--from-parquet", str(tmp_path / "not-a-run"),
                                      "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "not the output folder of `newsgraph spark`" in result.stderr
    both = CliRunner().invoke(app, ["ingest", "in.txt", "--from-parquet", str(tmp_path),
                                    "--db", str(tmp_path / "x.duckdb")])
    assert both.exit_code == 2 and "not both" in both.stderr


def test_slow_html_extraction_fails_alone_and_the_next_page_is_read():
    from newsgraph.html import article_from_html

    heavy = "<html><body><p " + " ".join(f'a{i}="x"' for i in range(50_000)) + ">hi</p></body></html>"
    started = time.monotonic()
    refused = article_from_html(heavy, "heavy", "in/heavy.html", timeout=1)
    assert isinstance(refused, ArticleError) and refused.code == "timeout"
    assert time.monotonic() - started < 15  # the helper's start is not charged; 1 s is
    page = ("<html><head><title>Bridge</title></head><body><article><p>The county board "
            "voted on Tuesday to close the old river bridge for repairs, its chair said.</p>"
            "<p>Work starts in May and will take about six weeks, engineers said.</p>"
            "</article></body></html>")
    article = article_from_html(page, "bridge", "in/bridge.html", timeout=20)
    assert isinstance(article, Article) and article.text.startswith("The county board")


def test_an_input_error_is_raised_after_every_item_read_before_it():
    """Input that fails part-way (a file gone, a disk error): every article read before
    the error is handed out, with workers as in one process, then the error is raised."""
    def items():
        yield from _articles(40)
        raise OSError("input vanished")

    for workers in (0, 1):
        got = []
        try:
            for result in local.run(items(), workers=workers):
                got.append(result)
        except OSError as exc:
            assert str(exc) == "input vanished"
        else:  # pragma: no cover - the test's failure
            raise AssertionError("the input's error was lost")
        assert [r.article.id for r in got] == [f"art{i:02d}" for i in range(40)], workers


_BROKEN_PLUGIN = 'raise RuntimeError("the plugin cannot load its lexicon")\n'


def test_a_worker_that_cannot_load_the_pipeline_says_why_in_one_line(tmp_path):
    plugin = _plugin(tmp_path / "plugin", "ng_broken_stage", _BROKEN_PLUGIN)
    src = _write_jsonl(tmp_path / "in.jsonl", _articles(2))
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "analyze", "--jsonl",
                           "--workers", "1", str(src)], capture_output=True, text=True,
                          env=_env(plugin), timeout=300)
    assert proc.returncode == 3  # as in one process: the plugin's error, not a worker's death
    assert proc.stderr.strip().splitlines() == [
        "internal error: RuntimeError: the plugin cannot load its lexicon (a bug: please "
        "report it; NEWSGRAPH_DEBUG=1 shows the traceback)"]


def _foreground() -> None:
    """Start the child as a terminal's foreground job, with Ctrl-C at its default: a child
    inherits an ignored SIGINT (as background jobs get it), and then ignores Ctrl-C by
    design, whatever state the test runner's own process is in."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_does_not_wait_for_a_busy_worker(tmp_path):
    plugin = _stall_plugin(tmp_path / "plugin")
    articles = _articles(33)
    articles[32] = Article(id="stuck", text=BEATS[0] + " STALL-THIS-ONE")  # the 2nd batch
    src = _write_jsonl(tmp_path / "in.jsonl", articles)
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "analyze", "--jsonl",
                             "--workers", "1", str(src)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(plugin), text=True,
                            preexec_fn=_foreground)
    assert json.loads(proc.stdout.readline())["id"] == "art00"
    time.sleep(0.5)  # the stalled batch is in the worker
    proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    proc.communicate(timeout=60)
    assert time.monotonic() - started < 3  # was 5 s: a graceful wait for the busy worker
    assert proc.returncode == 130


def test_helper_processes_start_deaf_to_ctrl_c():
    """Ctrl-C at a terminal reaches the whole process group; a worker or HTML helper
    still importing must not die with a traceback of its own."""
    from newsgraph.html import _serve as html_helper

    before = signal.getsignal(signal.SIGINT)  # Python's, or one a library (Spark) installed
    process, conn = local.start_helper(html_helper, (), "test-helper")
    try:
        for _ in range(10):
            os.kill(process.pid, signal.SIGINT)
            time.sleep(0.1)
        assert process.is_alive()
        assert signal.getsignal(signal.SIGINT) is before  # the parent's handler is restored
    finally:
        process.kill()
        process.join(5)
        conn.close()


def test_an_unreadable_jsonl_file_fails_alone(tmp_path):
    import socket

    sock = socket.socket(socket.AF_UNIX)  # open() on a socket fails as on a locked file
    sock.bind(str(tmp_path / "locked.jsonl"))
    try:
        good = tmp_path / "good.txt"
        good.write_text(BEATS[1])
        result = CliRunner().invoke(app, ["analyze", "--jsonl", "--workers", "0",
                                          str(tmp_path / "locked.jsonl"), str(good)])
    finally:
        sock.close()
    assert result.exit_code == 1, result.output
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["good"]
    assert result.stderr.strip().endswith("locked.jsonl: unreadable: cannot read: No such "
                                          "device or address")


def test_no_worker_starts_when_nothing_needs_parsing(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started with nothing to parse")

    monkeypatch.setattr(local._Pool, "__init__", no_pool)
    errors = [ArticleError("unreadable", origin=f"in/{i}.txt") for i in range(3)]
    assert [e.origin for e in local.run(errors, workers=2)] == [e.origin for e in errors]
    assert list(local.run([], workers=2)) == []
    with pytest.raises(AssertionError, match="nothing to parse"):
        list(local.run(_articles(1), workers=2))  # an article does start it
