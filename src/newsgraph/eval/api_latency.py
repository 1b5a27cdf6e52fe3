"""API latency: ``newsgraph serve`` over a 100k-article store, timed request by request.

**The store.**  Analysing 100k articles would take hours, so :func:`build_store` analyses a
few hundred real ones and replicates them inside DuckDB:

1. the seed: the first 300 PolNeAR train texts (read at run time from ``../shared/data``,
   never written into the repository), with their publisher, title, author and date from
   ``metadata.tsv``, analysed by the local engine (2 workers) and stored by the ingest's
   writer with linking, so copy groups, stories and corpus entities exist;
2. copy ``k`` of every seed article (``k = 0`` is the seed itself) gets its own content hash
   (``sha256(seed hash + ":" + k)``, still 64 hex digits), its own id (``{seed id}-c{k}``),
   arrival number ``seq = k * seeds + rank`` and a publication date that grows with ``seq``
   over three years (2015-2017, about 90 articles a day); all its records (entities,
   attributions, events, times, quantities) are copied with the new article hash, with one
   ``INSERT ... SELECT`` per table and per chunk of copies;
3. ``entities.corpus_entity`` is kept, so one person spans many articles as in a real corpus;
   copy ``k``'s story and copy group are the seed's, renamed per copy (so a story has the
   seed story's articles of one copy batch), and ``stories`` and ``corpus_entities`` are
   rebuilt with their dates and counts over the whole store.

The records' JSON stays the analysed record: only an event's ``reported`` date (the
publication date) is set to the copy's.  Times keep the values they resolved against the
seed's date, so a copy's "on Monday" may name a day years away from its publication date:
irrelevant to latency, wrong for anything else.  Copies also share their seed's text, so
the store must not be used to score copy detection or stories.

The store is cached in ``build/bench/`` (git-ignored) with a small JSON description beside
it, and reused when both still match; the analysed seed store is cached too.

**The bench.**  A real server (``newsgraph serve``, a child process on a free port) answers
sequential requests from one ``httpx`` client: after 20 warm-up requests, at least 200 per
endpoint, with parameters drawn from the store (speaker names, entity names, corpus entity
ids, article ids).  Wall-clock milliseconds per request, including reading the body.  The
target is a p95 under 100 ms for the quote and entity queries.  The machine is shared: the
figures include whatever else runs on it.
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence
from urllib.parse import quote

from . import print_table

ARTICLES = 100_000
SEEDS = 300
SEED_WORKERS = 2
REQUESTS = 200  # per endpoint
WARM_UP = 20
TARGET_MS = 100.0  # p95, for the quote and entity queries
FIRST_DAY = "2015-01-01"
DAYS = 1095  # three years
CHUNK_ARTICLES = 7_500  # articles copied per transaction
BUILD_VERSION = 1  # bump when the store's recipe changes: cached stores are rebuilt
SERVER_START_TIMEOUT = 120.0
FLOORS: dict = {}

REPO = Path(__file__).resolve().parents[3]
DEFAULT_STORE = REPO / "build" / "bench" / "api-100k.duckdb"
RECORD_TABLES = ("entities", "attributions", "events", "times", "quantities")


def _log(message: str) -> None:
    print(f"[api bench] {message}", file=sys.stderr, flush=True)


# -- the seed ---------------------------------------------------------------------------------

def polnear_seed(root: Path, n: int = SEEDS) -> list:
    """The first ``n`` PolNeAR train texts as Articles, with their metadata (title,
    publisher, author, date) where ``metadata.tsv`` has them."""
    from ..model import Article

    folder = root / "polnear" / "train" / "text"
    files = sorted(folder.glob("*.txt"))[:n]
    if not files:
        raise FileNotFoundError(f"no PolNeAR train texts under {folder}")
    meta: dict[str, dict] = {}
    table = root / "polnear" / "metadata.tsv"
    if table.is_file():
        with open(table, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row.get("filename", "")] = row

    def field(row: dict, key: str) -> Optional[str]:
        value = (row.get(key) or "").strip()
        return value if value and value != "None" else None

    articles = []
    for f in files:
        row = meta.get(f.stem, {})
        published = field(row, "publication_date")
        if published and len(published) != 10:
            published = None
        articles.append(Article(id=f.stem, text=f.read_text(encoding="utf-8"),
                                title=field(row, "title"), source=field(row, "publisher"),
                                author=field(row, "author"), published=published,
                                origin=f"polnear/train/{f.name}"))
    return articles


def _as_articles(items: Iterable) -> list:
    from ..model import Article

    return [a if isinstance(a, Article) else Article(**a) for a in items]


def build_seed(path: Path, articles: Sequence, workers: int = SEED_WORKERS) -> dict:
    """Analyse ``articles`` and store them, linked, in a new store at ``path`` (the ingest's
    engine and writer).  An interrupted build resumes: stored articles are skipped."""
    from ..engines import local
    from ..errors import ArticleError
    from ..pipeline import stage_versions
    from ..store.db import prepare
    from ..store.writer import BatchWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = BatchWriter(path, stage_versions(), link=True)
    fresh = [a for a in articles if writer.is_new(a.hash)]
    started = time.perf_counter()
    failed = 0
    for result in local.run(fresh, workers=workers, render=prepare):
        failed += isinstance(result, ArticleError)
        writer.add(result)
    counts = writer.close()
    if counts.link_error:
        raise RuntimeError(f"linking the seed store failed: {counts.link_error}")
    return {"stored": counts.stored, "failed": failed, "linked": counts.linked,
            "seconds": round(time.perf_counter() - started, 1)}


def _count_articles(path: Path) -> Optional[int]:
    import duckdb

    if not path.is_file():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error:
        return None


# -- replication ------------------------------------------------------------------------------

def _columns(con, table: str, schema: str = "seed") -> list[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns "
                       "WHERE table_catalog = ? AND table_name = ? ORDER BY ordinal_position",
                       [schema, table]).fetchall()
    return [r[0] for r in rows]


def _copy_select(con, table: str, alias: str, overrides: dict[str, str]) -> tuple[str, str]:
    """(quoted column list, SELECT list) copying ``table``'s columns from ``alias`` except
    those in ``overrides`` (column -> SQL expression)."""
    names = _columns(con, table)
    quoted = ", ".join(f'"{n}"' for n in names)
    exprs = ", ".join(overrides.get(n, f'{alias}."{n}"') for n in names)
    return quoted, exprs


def _replicate(con, seeds: int, n_articles: int) -> None:
    """Fill the empty store ``con`` has open with ``n_articles`` copies of the attached
    ``seed`` store's articles and records (see the module docstring)."""
    copies = math.ceil(n_articles / seeds)
    con.execute("CREATE TEMP TABLE seed_rank AS SELECT hash, "
                "CAST(row_number() OVER (ORDER BY seq, hash) AS BIGINT) AS rank "
                "FROM seed.articles")
    con.execute("CREATE TEMP MACRO copy_hash(h, k) AS "
                "CASE WHEN k = 0 THEN h ELSE sha256(h || ':' || k) END")
    con.execute("CREATE TEMP MACRO copy_id(i, k) AS "
                "CASE WHEN k = 0 THEN i ELSE i || '-c' || k END")
    con.execute("CREATE TEMP MACRO copy_story(s, k) AS "
                "CASE WHEN k = 0 THEN s ELSE 'S' || substr(sha256(s || ':' || k), 1, 12) END")
    con.execute(f"CREATE TEMP MACRO copy_seq(k, r) AS k * {seeds} + r")
    con.execute(f"CREATE TEMP MACRO copy_date(n) AS DATE '{FIRST_DAY}' + "
                f"CAST(floor((n - 1) * {DAYS} / {n_articles}) AS INTEGER)")
    source = ("FROM seed.{table} r JOIN seed_rank m ON m.hash = r.{key} "
              "CROSS JOIN range({k0}, {k1}) t(k) "
              f"WHERE copy_seq(t.k, m.rank) <= {n_articles} ORDER BY t.k, m.rank")
    article_overrides = {
        "hash": "copy_hash(r.hash, t.k)", "id": "copy_id(r.id, t.k)",
        "published": "copy_date(copy_seq(t.k, m.rank))", "seq": "copy_seq(t.k, m.rank)",
        "story": "copy_story(r.story, t.k)", "copy_group": "copy_id(r.copy_group, t.k)",
        "copy_root": "copy_hash(r.copy_root, t.k)"}
    reported = ("CASE WHEN json_extract_string(r.data, '$.reported') IS NULL THEN r.data "
                "ELSE json_merge_patch(r.data, json_object('reported', "
                "CAST(copy_date(copy_seq(t.k, m.rank)) AS VARCHAR))) END")
    statements = []
    for table, overrides, key in [("articles", article_overrides, "hash")] + [
            (t, {"article": "copy_hash(r.article, t.k)",
                 **({"data": reported} if t == "events" else {})}, "article")
            for t in RECORD_TABLES]:
        names, exprs = _copy_select(con, table, "r", overrides)
        statements.append((table, f"INSERT INTO {table} ({names}) SELECT {exprs} "
                                  + source.replace("{table}", table).replace("{key}", key)))
    step = max(1, CHUNK_ARTICLES // seeds)
    started = time.perf_counter()
    for k0 in range(0, copies, step):
        k1 = min(copies, k0 + step)
        con.execute("BEGIN TRANSACTION")
        for _, sql in statements:
            con.execute(sql.replace("{k0}", str(k0)).replace("{k1}", str(k1)))
        con.execute("COMMIT")
        done = min(n_articles, k1 * seeds)
        _log(f"copied {done:,}/{n_articles:,} articles ({time.perf_counter() - started:.0f} s)")

    # Stories: one per seed story and copy, with that copy's dates and article count.
    con.execute(f"""
        INSERT INTO stories (id, label, first, last, articles, entities)
        SELECT g.story, s.label, g.first, g.last, g.n, s.entities
        FROM (SELECT story, min(published) AS first, max(published) AS last, count(*) AS n
              FROM articles WHERE story IS NOT NULL GROUP BY story) g
        JOIN (SELECT s.*, copy_story(s.id, t.k) AS copy
              FROM seed.stories s CROSS JOIN range(0, {copies}) t(k)) s ON s.copy = g.story
    """)
    # Corpus entities: the seed's, with their counts over the whole store.
    con.execute("""
        INSERT INTO corpus_entities (id, label, name, articles, mentions, data)
        SELECT c.id, c.label, c.name, coalesce(n.articles, 0), coalesce(n.mentions, 0),
               json_merge_patch(c.data, json_object('articles', coalesce(n.articles, 0),
                                                    'mentions', coalesce(n.mentions, 0)))
        FROM seed.corpus_entities c LEFT JOIN (
            SELECT corpus_entity, count(DISTINCT article) AS articles,
                   CAST(sum(mentions) AS INTEGER) AS mentions
            FROM entities WHERE corpus_entity IS NOT NULL GROUP BY corpus_entity) n
        ON n.corpus_entity = c.id
    """)
    con.execute("INSERT INTO corpus_state SELECT * FROM seed.corpus_state "
                "WHERE key <> 'linked_upto'")
    con.execute("INSERT INTO corpus_state VALUES ('linked_upto', ?)",
                [str(min(n_articles, copies * seeds))])


def _describe(path: Path) -> Path:
    return path.with_suffix(".json")


def _cached(path: Path, wanted: dict) -> Optional[dict]:
    """The description of the store at ``path`` if it was built as ``wanted`` and still has
    that many articles; else None."""
    try:
        described = json.loads(_describe(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if {k: described.get(k) for k in wanted} != wanted:
        return None
    if _count_articles(path) != wanted["articles"]:
        return None
    return described


def build_store(path: str | Path = DEFAULT_STORE, n_articles: int = ARTICLES,
                seeds: int | Sequence = SEEDS, *, root: Optional[Path] = None,
                workers: int = SEED_WORKERS, rebuild: bool = False) -> dict:
    """Build (or reuse) a store of ``n_articles`` articles replicated from analysed seeds.

    ``seeds`` is a number of PolNeAR train texts (read from ``root``, the shared data folder)
    or the seed articles themselves (Articles or dicts of their fields).  Returns the
    store's description: its path, counts, file size and build seconds (0 when reused:
    ``built_seconds`` keeps the time of the build that made it)."""
    import duckdb

    from ..store.db import COLUMNS, Store

    path = Path(path)
    if isinstance(seeds, int):
        label = f"polnear-train-{seeds}"
        seed_path = path.with_name(f"{path.stem}-seed{seeds}.duckdb")
    else:
        articles = _as_articles(seeds)
        label = "given-" + _digest([a.hash for a in articles])
        seed_path = path.with_name(f"{path.stem}-seed.duckdb")
    wanted = {"articles": n_articles, "seeds": label, "version": BUILD_VERSION}
    if not rebuild and (described := _cached(path, wanted)) is not None:
        return {**described, "path": str(path), "reused": True, "seconds": 0.0}

    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(seeds, int):
        if _count_articles(seed_path) != seeds:
            if root is None:
                from . import require_data_dir
                root = require_data_dir()
            articles = polnear_seed(root, seeds)
            _log(f"analysing {len(articles)} seed articles with {workers} workers")
            seed_info = build_seed(seed_path, articles, workers)
        else:
            seed_info = {"stored": seeds, "seconds": 0.0, "reused": True}
    else:
        if seed_path.exists():
            seed_path.unlink()
        seed_info = build_seed(seed_path, articles, workers)
    seed_seconds = time.perf_counter() - started
    n_seeds = _count_articles(seed_path) or 0
    if n_seeds == 0:
        raise RuntimeError("no seed article could be analysed")

    _log(f"replicating {n_seeds} seed articles to {n_articles:,}")
    copying = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, partial.with_name(partial.name + ".wal")):
        if stale.exists():
            stale.unlink()
    with Store(partial) as store:
        con = store.con
        con.execute("SET threads = 2")
        con.execute("SET memory_limit = '3GB'")
        con.execute("SET preserve_insertion_order = true")
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH '{seed_path}' AS seed (READ_ONLY)")
        _replicate(con, n_seeds, n_articles)
        con.execute("DETACH seed")
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ["articles", *COLUMNS, "stories", "corpus_entities"]}
    os.replace(partial, path)
    copy_seconds = time.perf_counter() - copying
    described = {**wanted, "counts": counts, "seed_articles": n_seeds,
                 "seed_seconds": round(seed_seconds, 1), "copy_seconds": round(copy_seconds, 1),
                 "built_seconds": round(time.perf_counter() - started, 1),
                 "megabytes": round(path.stat().st_size / 2**20, 1), "seed": seed_info}
    _describe(path).write_text(json.dumps(described, indent=1) + "\n", encoding="utf-8")
    return {**described, "path": str(path), "reused": False,
            "seconds": described["built_seconds"]}


def _digest(parts: list[str]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


# -- opening the file per request -------------------------------------------------------------

def connect_cost(path: str | Path, repeats: int = 20) -> dict[str, dict]:
    """Milliseconds to open the store read-only, run one query and close it, against the
    same query on a connection held open (median and max of ``repeats``).

    Two queries: a small one (an article by id) and a quote search (a speaker's quotes,
    one page and the total, in the one-phase form ``/api/quotes?speaker=`` used before
    ``store/queries.py`` read the records' JSON for the page's rows only: it isolates the
    cost of opening the file, not the endpoint's speed, which the request tables give).  ``duckdb`` shares one
    database instance between the open connections of a process, so every open here comes
    after the previous one is closed: what a server that opens the file per request (and
    holds nothing, so also keeps no cache) pays each time."""
    import duckdb

    from ..store.db import Store

    path = str(path)
    with duckdb.connect(path, read_only=True) as con:
        ids = [r[0] for r in con.execute(
            f"SELECT id FROM articles USING SAMPLE reservoir({repeats} ROWS) REPEATABLE (3)"
        ).fetchall()]
        speakers = [r[0] for r in con.execute(
            "SELECT speaker_name FROM (SELECT speaker_name FROM attributions WHERE "
            "speaker_name IS NOT NULL) USING SAMPLE reservoir("
            f"{repeats} ROWS) REPEATABLE (5)").fetchall()]
    small = "SELECT id, title, published FROM articles WHERE id = ?"
    where = "WHERE q.speaker_name ILIKE ? OR q.source ILIKE ?"
    page = ("SELECT a.id, a.title, a.published, q.data FROM attributions q JOIN articles a "
            f"ON a.hash = q.article {where} ORDER BY a.published, a.id, q.start LIMIT 50")
    total = f"SELECT count(*) FROM attributions q {where}"

    def quotes(con, name: str) -> None:
        con.execute(page, [f"%{name}%"] * 2).fetchall()
        con.execute(total, [f"%{name}%"] * 2).fetchall()

    runs: dict[str, list[float]] = {
        "connect + close": [], "connect + article by id + close": [],
        "Store(read_only) + article by id + close": [], "article by id, held connection": [],
        "connect + quote search + close": [], "quote search, held connection": []}
    for article_id, name in zip(ids, speakers):
        t0 = time.perf_counter()
        duckdb.connect(path, read_only=True).close()
        t1 = time.perf_counter()
        con = duckdb.connect(path, read_only=True)
        con.execute(small, [article_id]).fetchall()
        con.close()
        t2 = time.perf_counter()
        store = Store(path, read_only=True)
        store.query(small, [article_id])
        store.close()
        t3 = time.perf_counter()
        con = duckdb.connect(path, read_only=True)
        quotes(con, name)
        con.close()
        t4 = time.perf_counter()
        runs["connect + close"].append(t1 - t0)
        runs["connect + article by id + close"].append(t2 - t1)
        runs["Store(read_only) + article by id + close"].append(t3 - t2)
        runs["connect + quote search + close"].append(t4 - t3)
    with duckdb.connect(path, read_only=True) as con:
        quotes(con, speakers[0])  # the held connection has its cache warm, as a server's
        for article_id, name in zip(ids, speakers):
            t0 = time.perf_counter()
            con.execute(small, [article_id]).fetchall()
            t1 = time.perf_counter()
            quotes(con, name)
            runs["article by id, held connection"].append(t1 - t0)
            runs["quote search, held connection"].append(time.perf_counter() - t1)
    return {name: {"n": len(s), "median_ms": round(1000 * statistics.median(s), 2),
                   "max_ms": round(1000 * max(s), 2)} for name, s in runs.items()}


# -- the requests -----------------------------------------------------------------------------

def request_paths(path: str | Path, n: int = REQUESTS, seed: int = 7) -> dict[str, list[str]]:
    """``n`` request paths per endpoint, with parameters drawn from the store at ``path``.

    Speaker names are the stored ``speaker_name`` values, half whole and half only their
    last word (what a user types); ``entity=`` takes an exact speaker name (the canonical
    name it matches); entity names come from ``entities.name``, corpus entity ids and
    article ids uniformly from their tables."""
    import duckdb

    rng = random.Random(seed)
    with duckdb.connect(str(path), read_only=True) as con:
        def column(sql: str) -> list:
            return [r[0] for r in con.execute(sql).fetchall()]

        speakers = column("SELECT DISTINCT speaker_name FROM attributions "
                          "WHERE speaker_name IS NOT NULL ORDER BY 1")
        names = column("SELECT DISTINCT name FROM entities WHERE name IS NOT NULL ORDER BY 1")
        corpus = column("SELECT id FROM corpus_entities ORDER BY id")
        articles = column(f"SELECT id FROM articles USING SAMPLE "
                          f"reservoir({max(4 * n, 1000)} ROWS) REPEATABLE (11) ORDER BY id")
    if not (speakers and names and corpus and articles):
        raise RuntimeError(f"{path} has no speakers, entities or articles to ask about")

    def draw(pool: list) -> list:
        return [rng.choice(pool) for _ in range(n)]

    def short(name: str) -> str:
        return name.split()[-1] if rng.random() < 0.5 and name.split() else name

    q = lambda s: quote(s, safe="")  # noqa: E731 - a one-word helper
    return {
        "/api/quotes?speaker=NAME": [f"/api/quotes?speaker={q(short(s))}&limit=50"
                                     for s in draw(speakers)],
        "/api/quotes?entity=EXACT_NAME": [f"/api/quotes?entity={q(s)}&limit=50"
                                          for s in draw(speakers)],
        "/api/entities?name=NAME": [f"/api/entities?name={q(s)}&limit=50" for s in draw(names)],
        "/api/corpus-entities/{id}": [f"/api/corpus-entities/{q(c)}" for c in draw(corpus)],
        "/api/articles/{id}": [f"/api/articles/{q(a)}" for a in draw(articles)],
        "/articles/{id}": [f"/articles/{q(a)}" for a in draw(articles)],
    }


TARGETED = ("/api/quotes?speaker=NAME", "/api/quotes?entity=EXACT_NAME",
            "/api/entities?name=NAME")
# Maxima the runner checks (a dotted key walks the result: latency -> endpoint -> p95).
CEILINGS = {f"latency.{endpoint}.p95": TARGET_MS for endpoint in TARGETED}


def time_requests(client, paths: list[str]) -> dict[str, Any]:
    """Send ``paths`` one after another; milliseconds per request (body read) and how
    many did not answer 200 (with the first such answer, shortened)."""
    times, errors, first_error = [], 0, None
    for p in paths:
        t0 = time.perf_counter()
        response = client.get(p)
        _ = response.content
        times.append(1000 * (time.perf_counter() - t0))
        if response.status_code != 200:
            errors += 1
            if first_error is None:
                first_error = f"{response.status_code} {p}: {response.text[:200]}"
    return {"ms": times, "errors": errors, "first_error": first_error}


def summarise(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)

    def pct(p: float) -> float:  # nearest rank
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]

    return {"n": len(ordered), "p50": round(statistics.median(ordered), 1),
            "p95": round(pct(95), 1), "max": round(ordered[-1], 1)}


def measure(base_url: str, paths: dict[str, list[str]], warm_up: int = WARM_UP) -> dict:
    """Warm up, then time every endpoint's paths against the server at ``base_url``."""
    import httpx

    results = {}
    with httpx.Client(base_url=base_url, timeout=60.0) as client:
        mixed = [p for group in zip(*paths.values()) for p in group]
        for p in mixed[:warm_up]:
            client.get(p)
        for endpoint, group in paths.items():
            timed = time_requests(client, group)
            results[endpoint] = {**summarise(timed["ms"]), "errors": timed["errors"],
                                 "first_error": timed["first_error"]}
    return results


# -- the server -------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A ``newsgraph serve`` child process on a free port, stopped on exit.

    ``command`` builds the argument list from (store, port) (default: this interpreter's
    ``newsgraph serve``); the server is up when ``GET /api/articles?limit=1`` answers."""

    def __init__(self, store: str | Path, command: Optional[Callable[[str, int], list[str]]]
                 = None, timeout: float = SERVER_START_TIMEOUT):
        self.store = str(store)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.command = (command or _serve_command)(self.store, self.port)
        self.timeout = timeout
        self.proc: Optional[subprocess.Popen] = None
        self.log = tempfile.TemporaryFile()
        self.started_in = 0.0

    def __enter__(self) -> "Server":
        import httpx

        started = time.perf_counter()
        self.proc = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = started + self.timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode}) before "
                                   f"answering: {self.tail()}")
            try:
                if httpx.get(self.base_url + "/api/articles?limit=1", timeout=5.0
                             ).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() > deadline:
                self.stop()
                raise RuntimeError(f"the server did not answer within {self.timeout:g} s: "
                                   f"{self.tail()}")
            time.sleep(0.2)
        self.started_in = time.perf_counter() - started
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def tail(self) -> str:
        self.log.seek(0)
        lines = self.log.read().decode("utf-8", "replace").strip().splitlines()
        return " | ".join(lines[-3:]) or "(nothing on stderr)"


def _serve_command(store: str, port: int) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "serve", "--db", store,
            "--host", "127.0.0.1", "--port", str(port)]


# -- the benchmark ----------------------------------------------------------------------------

def _machine() -> str:
    from ..engines.local import default_workers

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} CPUs ({default_workers()} usable), shared with other work "
            f"(load average {load:.2f} at the start)")


def run(root: Path, limit: int | None = None, store: str | Path = DEFAULT_STORE,
        articles: int = ARTICLES, command: Optional[Callable[[str, int], list[str]]] = None
        ) -> dict:
    """Build or reuse the store, measure opening it per request, start the server and time
    the endpoints.  ``limit`` lowers the requests per endpoint (default 200)."""
    requests = limit or REQUESTS
    machine = _machine()
    built = build_store(store, articles, root=root)
    opening = connect_cost(store)
    paths = request_paths(store, requests)
    with Server(store, command) as server:
        latency = measure(server.base_url, paths)
        started_in = server.started_in
    return {"machine": machine, "store": built, "connect": opening,
            "server_start_s": round(started_in, 1), "latency": latency,
            "requests": requests, "target_ms": TARGET_MS,
            "missed": [e for e in TARGETED if latency[e]["p95"] >= TARGET_MS]}


def report(result: dict) -> None:
    s = result["store"]
    c = s["counts"]
    print_table(f"API latency store — {s['path']}",
                ["articles", "entities", "attributions", "events", "stories",
                 "corpus entities", "MB", "built in s", "reused"],
                [[c["articles"], c["entities"], c["attributions"], c["events"], c["stories"],
                  c["corpus_entities"], f"{s['megabytes']:.0f}", f"{s['built_seconds']:.0f}",
                  "yes" if s["reused"] else "no"]])
    print_table("Opening the store per request, against holding it (20 runs, read-only; "
                "a fresh open also starts with an empty cache)",
                ["what", "median ms", "max ms"],
                [[name, v["median_ms"], v["max_ms"]] for name, v in result["connect"].items()])
    rows = []
    for endpoint, v in result["latency"].items():
        target = f"p95 < {result['target_ms']:g}" if endpoint in TARGETED else ""
        met = ("yes" if v["p95"] < result["target_ms"] else "NO") if target else ""
        rows.append([endpoint, v["n"], v["p50"], v["p95"], v["max"], v["errors"], target, met])
    print_table(f"API latency — sequential requests after {WARM_UP} warm-up, ms per request "
                f"(server up in {result['server_start_s']} s)",
                ["endpoint", "requests", "p50 ms", "p95 ms", "max ms", "non-200", "target",
                 "met?"], rows)
    print(f"machine: {result['machine']}")
    for endpoint, v in result["latency"].items():
        if v["first_error"]:
            print(f"first non-200 answer of {endpoint}: {v['first_error']}")


if __name__ == "__main__":
    from . import require_data_dir

    report(run(require_data_dir()))
