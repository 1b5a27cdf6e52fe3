"""Issue 16 leftovers: copies of a text that failed, re-runs of duplicates, the first
linking pass on a store without its saved indexes, hostile WARC records, slow feeds."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import duckdb
from warcio.warcwriter import WARCWriter

from newsgraph import Article
from newsgraph.engines import local
from newsgraph.errors import ArticleError
from newsgraph.ingest import IngestOptions, read_inputs

from test_scale import BEATS, _articles, _env, _plugin, _stall_plugin, _write_jsonl
from test_sources import FERRY, ORCHARD, http_response, raw_response_record

STUCK = BEATS[1] + " STALL-THIS-ONE"


def _cli(*args, plugin: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *map(str, args)],
                          capture_output=True, text=True, env=_env(plugin), timeout=600)


# -- 1. a copy of a text that failed in a worker -----------------------------------------------

def test_a_copy_of_a_text_that_timed_out_is_reported_not_skipped(tmp_path):
    """Two copies of a text that hangs, side by side (the second is read long before the
    first fails): the first times out, the second gets a line of its own naming the
    first, and is not tried again.  A copy of a good text is a duplicate, as before."""
    plugin = _stall_plugin(tmp_path / "plugin")
    good = _articles(4)
    articles = [good[0], Article(id="stuck-a", text=STUCK), Article(id="stuck-b", text=STUCK),
                good[1], Article(id="again", text=good[0].text), good[2], good[3]]
    src = _write_jsonl(tmp_path / "in.jsonl", articles)
    db = tmp_path / "c.duckdb"
    proc = _cli("ingest", src, "--db", db, "--workers", "2", "--article-timeout", "3",
                "--no-link", plugin=plugin)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == f"{src}:2: timeout: analysis took longer than 3 s; skipped (raise " \
        "--article-timeout to allow more)"
    assert lines[1] == f"{src}:3: timeout: the same text as {src}:2 failed earlier in this " \
        "run (timeout); not analysed again"
    assert lines[2].startswith("stored 4, skipped 1 as duplicates, failed 2 in ")
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall()) == \
            ["art00", "art01", "art02", "art03"]
        assert con.execute("SELECT article_id, code FROM failures ORDER BY origin").fetchall() \
            == [("stuck-a", "timeout"), ("stuck-b", "timeout")]


def test_a_copy_read_after_its_text_failed_is_not_analysed_again(tmp_path, monkeypatch):
    """``analyze`` analyses copies in flight (each prints its own id), but a copy read
    after its text failed gets the failure at once: a text that ran out of time would
    only run out of time again."""
    monkeypatch.syspath_prepend(str(_stall_plugin(tmp_path / "plugin")))  # for the worker
    good = _articles(5)
    items = [Article(id="stuck-a", text=STUCK), *good, Article(id="stuck-c", text=STUCK)]
    # one article a batch and three batches read ahead: stuck-c is read after stuck-a failed
    results = list(local.run(items, workers=1, article_timeout=3, max_batch_chars=10))
    assert [type(r).__name__ for r in results] == \
        ["ArticleError", *["Analysis"] * 5, "ArticleError"]
    first, copy = results[0], results[-1]
    assert first.code == "timeout" and first.article_id == "stuck-a"
    assert copy.code == "timeout" and copy.article_id == "stuck-c"
    assert str(copy) == "the same text as stuck-a failed earlier in this run (timeout); " \
        "not analysed again"


def test_copies_are_shared_only_for_the_store(monkeypatch):
    """With the store's rows as the render, an in-flight copy is not parsed twice (it comes
    out as SameText, in its place); without, every copy has its own analysis."""
    items = _articles(3)
    items.insert(2, Article(id="copy", text=items[0].text))
    shared = list(local.run(items, workers=0, share_copies=True))
    assert [type(r).__name__ for r in shared] == ["Analysis", "Analysis", "SameText",
                                                  "Analysis"]
    assert (shared[2].article_id, shared[2].first_id) == ("copy", "art00")
    separate = list(local.run(items, workers=0))
    assert [r.article.id for r in separate] == ["art00", "art01", "copy", "art02"]


# -- 2. a re-run with nothing to parse -----------------------------------------------------------

_NO_WORKERS = '''
import multiprocessing
if multiprocessing.current_process().name == "newsgraph-worker":
    raise RuntimeError("a worker process was started")
'''


def test_a_rerun_of_stored_articles_starts_no_worker(tmp_path):
    """A plugin that cannot load in a worker process (but loads in the ingesting one): a
    re-run of stored articles succeeds, so it started no worker; one new article makes it
    fail, so the plugin would have told."""
    src = _write_jsonl(tmp_path / "in.jsonl", _articles(3))
    db = tmp_path / "r.duckdb"
    first = _cli("ingest", src, "--db", db, "--workers", "2")
    assert first.returncode == 0, first.stderr
    plugin = _plugin(tmp_path / "plugin", "ng_no_workers", _NO_WORKERS)
    again = _cli("ingest", src, "--db", db, "--workers", "2", plugin=plugin)
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("stored 0, skipped 3 as duplicates, failed 0")
    more = _write_jsonl(tmp_path / "more.jsonl", _articles(4)[3:])
    new = _cli("ingest", src, more, "--db", db, "--workers", "2", plugin=plugin)
    assert new.returncode == 3 and "a worker process was started" in new.stderr


# -- 3. the first linking pass without a saved .linker file --------------------------------------

def _links(path: Path) -> list:
    with duckdb.connect(str(path), read_only=True) as con:
        return [con.execute(sql).fetchall() for sql in (
            "SELECT id, story, copy_group, copy_score FROM articles ORDER BY id",
            "SELECT a.id, x.id, x.corpus_entity FROM entities x JOIN articles a "
            "ON a.hash = x.article ORDER BY ALL",
            "SELECT * FROM stories ORDER BY id", "SELECT * FROM corpus_entities ORDER BY id")]


_READER = '''
import sys
from newsgraph.store import Store
with Store(sys.argv[1], read_only=True, wait=float(sys.argv[2])) as store:
    print(store.counts()["articles"])
'''


def test_the_first_linking_pass_lets_readers_in_while_it_replays(tmp_path, pipeline):
    """A store whose saved indexes are gone: the writer's first pass replays it in chunks
    with the file released between them.  A reader in another process (waiting at most
    2 s, not 15) opens it after every chunk; the links are those of one pass."""
    from newsgraph.corpus.linker import link
    from newsgraph.store import Store
    from newsgraph.store.writer import BatchWriter

    stream = Path(__file__).parent / "corpus_data" / "stream.jsonl"
    analyses = [pipeline.analyze(Article(**json.loads(line)))
                for line in stream.read_text(encoding="utf-8").splitlines()]
    whole = tmp_path / "whole.duckdb"
    with Store(whole) as store:
        for analysis in analyses:
            store.save(analysis)
        link(store)
    db = tmp_path / "big.duckdb"
    with Store(db) as store:
        for analysis in analyses[:4]:
            store.save(analysis)
        link(store)
    Path(f"{db}.linker").unlink()  # the first pass must replay the four linked articles

    reads = []

    def read_now(replayed: int) -> None:
        proc = subprocess.run([sys.executable, "-c", _READER, str(db), "2"],
                              capture_output=True, text=True, env=_env(), timeout=120)
        reads.append((replayed, proc.returncode, proc.stdout.strip(), proc.stderr.strip()))

    writer = BatchWriter(db, {}, flush_articles=100, flush_seconds=3600, replay_chunk=1,
                         on_replay=read_now)
    for analysis in analyses[4:]:
        writer.add(analysis)
    counts = writer.close()
    assert reads == [(n, 0, "4", "") for n in (1, 2, 3, 4)]
    assert counts.link_error is None and counts.linked == 2 and counts.saved_state
    assert _links(db) == _links(whole)

    reads.clear()  # the next ingest starts from the indexes that pass saved: no replay
    later = BatchWriter(db, {}, replay_chunk=1, on_replay=read_now)
    later.add(pipeline.analyze(Article(id="late", text=BEATS[3], published="2025-06-03")))
    assert later.close().linked == 1 and later.linker.restored and reads == []


# -- 4. hostile WARC records ---------------------------------------------------------------------

def _http_block(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body


def _warc_head(uri: str, length: int) -> bytes:
    return ("WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Target-URI: {uri}\r\n"
            "WARC-Record-ID: <urn:uuid:5a1d0c3e-7f42-4b8e-9d61-0c2b3a4d5e6f>\r\n"
            "WARC-Date: 2031-01-09T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


def _archive(path: Path, middle: bytes, gz: bool = True) -> Path:
    """A good record, ``middle`` written as it is, and another good record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        http_response(writer, "https://gazette.example/2025/05/ferry-timetable", FERRY)
        fh.write(middle)
        http_response(writer, "https://villages.example/news/orchard?id=7", ORCHARD)
    return path


def _read_traced(path: Path) -> tuple[list, int]:
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)], IngestOptions()))
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_record_ends_the_file_with_one_error_in_bounded_memory(tmp_path):
    """A 200 KB gzip member that inflates to 200 MB of spaces: refused after 64 MB (it
    used to be inflated whole to reach the next record: a 1 MB bomb took 6 s, a 100 MB
    one would take ten minutes)."""
    size = 200 << 20
    block = _http_block(b"<html><body><p>")
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [deflate.compress(_warc_head("https://bomb.example/x", len(block) + size) + block)]
    spaces = b" " * (1 << 22)
    parts += [deflate.compress(spaces) for _ in range(size // len(spaces))]
    parts.append(deflate.compress(b"\r\n\r\n") + deflate.flush())
    path = _archive(tmp_path / "bomb.warc.gz", b"".join(parts))
    assert path.stat().st_size < 1 << 20
    items, peak = _read_traced(path)
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError"]
    assert items[1].code == "bad-warc" and "\n" not in items[1].line()
    assert "inflates over 100 times its size (a decompression bomb?)" in str(items[1])
    assert peak < 32 << 20, peak


def test_a_false_two_gigabyte_length_is_one_bad_record_in_a_gzipped_warc(tmp_path):
    raw = raw_response_record("https://claims.example/x", _http_block(ORCHARD))
    lying = raw.replace(f"Content-Length: {len(_http_block(ORCHARD))}".encode(),
                        b"Content-Length: 2147483648")
    items, peak = _read_traced(_archive(tmp_path / "claim.warc.gz", gzip.compress(lying)))
    assert [getattr(i, "code", "article") for i in items] == ["article", "bad-warc", "article"]
    assert items[1].line().endswith(": bad-warc: record is shorter than its Content-Length; "
                                    "skipped")
    assert "@" in items[1].origin and peak < 16 << 20

    # uncompressed, nothing marks where the record really ends: one error for the file,
    # after the records before it, having read no further than the file's end
    items, peak = _read_traced(_archive(tmp_path / "claim.warc", lying, gz=False))
    assert [getattr(i, "code", "article") for i in items] == ["article", "bad-warc"]
    assert "shorter than its Content-Length" in str(items[1]) and peak < 16 << 20


def test_a_truncated_member_in_the_middle_is_one_error_for_the_file(tmp_path):
    member = gzip.compress(raw_response_record("https://cut.example/x", _http_block(ORCHARD)))
    items, _ = _read_traced(_archive(tmp_path / "cut.warc.gz", member[: len(member) // 2]))
    assert [getattr(i, "code", "article") for i in items] == ["article", "bad-warc"]
    assert "corrupt or cut short after 1 records" in str(items[1])
    assert all("\n" not in i.line() for i in items if isinstance(i, ArticleError))


# -- 4b. a feed that is slow to parse --------------------------------------------------------

def _feed(description: bytes, link: str) -> bytes:
    return (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title>'
            b"<item><title>Bridge works</title><description>" + description +
            b"</description><link>" + link.encode() + b"</link></item></channel></rss>")


def test_a_feed_slow_to_parse_fails_alone_and_the_next_feed_is_read():
    """1.2 MB of nested tags in one description kept feedparser busy for about 20 s in
    the process that feeds the workers; the parse now has a time limit (here 1 s)."""
    from newsgraph.sources.feeds import read_feed

    slow = list(read_feed(_feed(b"<b>" * 400_000, "https://valley.example/1"), "slow.rss",
                          IngestOptions(), timeout=1))
    assert [i.line() for i in slow] == ["slow.rss: timeout: feed parsing took longer than 1 s; "
                                        "skipped"]
    (fine,) = read_feed(_feed(b"Work starts on Monday.", "https://valley.example/2"),
                        "fine.rss", IngestOptions(), timeout=30)
    assert fine.line() == "https://valley.example/2: url: is a URL; pass --fetch to download it"
