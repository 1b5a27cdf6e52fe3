"""The pipeline on a Spark cluster: ``newsgraph spark INPUT... --out DIR``.

The driver reads the inputs (:func:`newsgraph.ingest.read_inputs`, so every input format
and every input error is the same as for ``analyze``), numbers them in input order and
hands them to Spark as rows.  Each executor runs :func:`analyze_partition` over its share:
the articles go through :func:`.batch.batches` and :func:`.batch.analyze_batch`, the
same per-batch function the local engine uses, with the pipeline (spaCy model and
lexicons) loaded once per Python worker process (:func:`.batch.pipeline`; Spark reuses its
Python workers between tasks).  The output is Parquet under ``DIR``:

``DIR/articles/``
    ``position`` (input order), ``id``, ``text``, ``published``, ``title``, ``url``,
    ``source``, ``author``, ``hash``, ``origin``, ``stages`` (the stage versions, JSON)
``DIR/{entities,attributions,events,times,quantities}/``
    ``article`` (the input id), ``id``, ``data`` (the record as JSON, exactly as
    ``analyze --jsonl`` gives it), ``position`` (the article's input position), ``n`` (the
    record's place in the article's list, from 0)
``DIR/failures/``
    ``article``, ``origin``, ``code``, ``message``, ``position``, ``hash`` (null for an
    item that could not be read)
``DIR/copies/``
    ``article``, ``position``, ``hash``, ``copy_group`` (the input id of the group's
    earliest article), ``copy_root`` (its hash), ``copy_score``: one row per article that
    has a syndicated copy in the run (see :func:`copy_groups`).

Ids need not be unique (two files named ``a.txt`` in two folders), so the tables also
carry ``position``, which is.  Nothing is deduplicated here: a text given twice is
analysed twice, as ``analyze --jsonl`` does; :func:`newsgraph.store.parquet.load_parquet`
keeps the first, as ``ingest`` does.

PySpark is optional (``pip install 'newsgraph[spark]'``); this module imports it only
inside the functions that need it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..errors import ArticleError, NewsgraphError
from ..ingest import IngestOptions, read_inputs
from ..model import Article
from . import batch

INPUT_FIELDS = ("position", "id", "text", "published", "title", "url", "source", "author",
                "origin")
ARTICLE_COLUMNS = ("position", "id", "text", "published", "title", "url", "source", "author",
                   "hash", "origin", "stages")
FAILURE_COLUMNS = ("article", "origin", "code", "message", "position", "hash")
COPY_COLUMNS = ("article", "position", "hash", "copy_group", "copy_root", "copy_score")
BUCKET_HEAD = 32  # a band bucket pairs each member with at most its first 32 members


class SparkUnavailable(NewsgraphError):
    """PySpark or Java is missing: the message says what to install."""


@dataclass
class SparkRun:
    """What a run wrote: counts per table and the time it took."""

    out: str
    articles: int = 0  # analysed and written to DIR/articles
    failed: int = 0  # unreadable inputs plus articles the pipeline failed
    records: dict[str, int] = field(default_factory=dict)
    copies: int = 0  # articles in a copy group of two or more
    copy_groups: int = 0
    seconds: float = 0.0


def require_spark() -> None:
    """Raise :class:`SparkUnavailable` unless PySpark can be imported and Java found."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable("PySpark is not installed; install it with "
                               "pip install 'newsgraph[spark]'") from None
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        raise SparkUnavailable("Spark needs Java 17 or later: no `java` on PATH and no "
                               "JAVA_HOME (on Debian: apt-get install openjdk-17-jre-headless)")


# -- executors ------------------------------------------------------------------------------
def analyze_partition(rows: Iterable) -> Iterator[tuple]:
    """Run the pipeline over one partition of input rows; one result row per article.

    Called on the executors.  Result rows follow :data:`RESULT_COLUMNS`: the article's
    fields, then either the error (code, message) or, per record table, a list of
    ``(record id, record JSON)``."""
    pipe = batch.pipeline()
    stages = json.dumps(pipe.versions)
    positions: deque[int] = deque()

    def articles() -> Iterator[Article]:
        for row in rows:
            values = dict(zip(INPUT_FIELDS, row))
            positions.append(values.pop("position"))
            yield Article(**values)

    for chunk in batch.batches(articles()):
        results = batch.analyze_batch(chunk, pipe)
        for article, result in zip(chunk, results):
            yield _result_row(positions.popleft(), article, result, stages)


def _result_row(position: int, article: Article, result, stages: str) -> tuple:
    a = article
    head = (position, a.id, a.text, a.published, a.title, a.url, a.source, a.author, a.hash,
            a.origin, stages)
    if isinstance(result, ArticleError):
        return head + (result.code, str(result)) + tuple([] for _ in batch.RECORD_TABLES)
    data = result.to_dict()
    return head + (None, None) + tuple(
        [(r["id"], json.dumps(r, ensure_ascii=False)) for r in data[table]]
        for table in batch.RECORD_TABLES)


def features_partition(rows: Iterable) -> Iterator[tuple]:
    """``(position, published, copy features as bytes)`` of each article with a body long
    enough to be matched (executors)."""
    from ..corpus.copies import text_features

    for position, published, text in rows:
        features = text_features(text)
        if not features.empty:
            yield position, published, features.to_bytes()


def bucket_pairs(members: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Candidate pairs ``(earlier, later)`` of one band bucket: every member is paired with
    the bucket's first :data:`BUCKET_HEAD` members before it, as the online index keeps at
    most that many per bucket (a huge bucket is boilerplate, not a story)."""
    ordered = sorted(set(members))
    for j, later in enumerate(ordered):
        for earlier in ordered[:min(j, BUCKET_HEAD)]:
            yield earlier, later


def verify_pair(pair) -> Optional[tuple[int, int, float]]:
    """``(a, b, score)`` when the MinHash tier of :mod:`newsgraph.corpus.copies` accepts the
    pair (and their dates are close enough), else None."""
    from ..corpus.copies import CopyFeatures, minhash_match, within_window

    (a, (pub_a, blob_a)), (b, (pub_b, blob_b)) = pair
    if not within_window(pub_a, pub_b):
        return None
    score = minhash_match(CopyFeatures.from_bytes(blob_a), CopyFeatures.from_bytes(blob_b))
    return (a, b, score) if score > 0 else None


# -- the driver -----------------------------------------------------------------------------
def _schemas():
    from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField,
                                   StructType)

    def strings(names):
        return [StructField(n, StringType()) for n in names]

    record = ArrayType(StructType(strings(("id", "data"))))
    result = StructType([StructField("position", LongType(), False),
                         *strings(ARTICLE_COLUMNS[1:]), *strings(("error_code", "error")),
                         *[StructField(t, record) for t in batch.RECORD_TABLES]])
    failures = StructType([*strings(FAILURE_COLUMNS[:4]), StructField("position", LongType()),
                           StructField("hash", StringType())])
    copies = StructType([StructField("article", StringType()),
                         StructField("position", LongType()), *strings(COPY_COLUMNS[2:5]),
                         StructField("copy_score", DoubleType())])
    return result, failures, copies


def _session(master: Optional[str], app_name: str):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    effective = master
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = effective = "local[*]"  # not under spark-submit, which brings its --master
    elif master is None:
        from pyspark import SparkConf

        effective = SparkConf().get("spark.master", "")
    if master:
        builder = builder.master(master)
    if effective and effective.startswith("local"):
        # Workers run this interpreter (the one that has newsgraph and the model), and a
        # local run needs no web UI (two runs at once would fight over its port).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.ui.enabled", "false")
    session = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _check_out(out: str, force: bool) -> None:
    """Refuse a local output folder that holds anything, unless ``force``."""
    if "://" in out:
        return  # a cluster file system: Spark refuses an existing table itself
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise NewsgraphError(f"--out {out} is a file, not a folder")
    if not force and path.is_dir() and any(path.iterdir()):
        raise NewsgraphError(f"--out {out} is not empty; choose a new folder or pass --force "
                             "to overwrite its tables")


def run_spark(inputs: list[str], out: str | Path, *, options: Optional[IngestOptions] = None,
              master: Optional[str] = "local[*]", partitions: Optional[int] = None,
              copies: bool = True, force: bool = False,
              on_error: Optional[Callable[[ArticleError], None]] = None,
              app_name: str = "newsgraph") -> SparkRun:
    """Analyse ``inputs`` with Spark and write the Parquet tables under ``out``.

    ``master``: a Spark master URL (``local[2]``, ``spark://host:7077``, ``yarn``); None
    means the one ``spark-submit`` was given (or ``local[*]`` outside it).  ``partitions``:
    how many slices the articles are cut into (default: twice the cluster's cores, at most
    one per article).  ``on_error`` is called on the driver with every item that failed:
    unreadable inputs as they are read, pipeline failures after the job.  ``force``
    replaces the tables of an earlier run in ``out``.  Raises :class:`SparkUnavailable`
    without PySpark or Java, :class:`NewsgraphError` for a bad ``--date`` or output folder.
    """
    require_spark()
    out = str(out).rstrip("/") or "/"
    _check_out(out, force)
    if partitions is not None and partitions < 1:
        raise NewsgraphError("--partitions must be 1 or more")
    started = time.perf_counter()
    report = on_error or (lambda error: None)
    rows: list[tuple] = []
    failures: list[tuple] = []
    for position, item in enumerate(read_inputs(inputs, options)):
        if isinstance(item, ArticleError):
            report(item)
            failures.append((item.article_id, item.origin, item.code, str(item), position, None))
        else:
            rows.append((position, item.id, item.text, item.published, item.title, item.url,
                         item.source, item.author, item.origin))

    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    result_schema, failure_schema, copy_schema = _schemas()
    session = _session(master, app_name)
    try:
        sc = session.sparkContext
        slices = partitions or max(1, min(len(rows), 2 * sc.defaultParallelism))
        results = session.createDataFrame(
            sc.parallelize(rows, slices).mapPartitions(analyze_partition), result_schema)
        results = results.persist(StorageLevel.MEMORY_AND_DISK)  # the pipeline runs once
        mode = "overwrite" if force else "errorifexists"
        ok = results.filter(F.col("error_code").isNull())
        ok.select(*ARTICLE_COLUMNS).write.mode(mode).parquet(f"{out}/articles")
        run = SparkRun(out=out)
        for table in batch.RECORD_TABLES:
            (ok.select("position", F.col("id").alias("article"),
                       F.posexplode(table).alias("n", "record"))
               .select("article", "record.id", "record.data", "position", "n")
               .write.mode(mode).parquet(f"{out}/{table}"))
        counts = ok.agg(F.count(F.lit(1)), *[F.sum(F.size(t)) for t in batch.RECORD_TABLES]
                        ).collect()[0]
        run.articles = counts[0]
        run.records = {t: int(n or 0) for t, n in zip(batch.RECORD_TABLES, counts[1:])}
        failed = (results.filter(F.col("error_code").isNotNull())
                  .select("id", "origin", "error_code", "error", "position", "hash")
                  .orderBy("position").collect())
        for row in failed:
            report(ArticleError(row["error"], article_id=row["id"], origin=row["origin"],
                                code=row["error_code"]))
        failures = sorted(failures + [tuple(r) for r in failed], key=lambda r: r[4])
        run.failed = len(failures)
        (session.createDataFrame(failures, failure_schema).coalesce(1)
         .write.mode(mode).parquet(f"{out}/failures"))
        groups = copy_groups(ok) if copies else []
        (session.createDataFrame(groups, copy_schema).coalesce(1)
         .write.mode(mode).parquet(f"{out}/copies"))
        run.copies = len(groups)
        run.copy_groups = len({g[4] for g in groups})
        results.unpersist()
    finally:
        session.stop()
    run.seconds = time.perf_counter() - started
    return run


def copy_groups(articles) -> list[tuple]:
    """Syndicated copies among the run's articles, as a Spark job over the MinHash tier of
    :mod:`newsgraph.corpus.copies`: band keys (:func:`~newsgraph.corpus.copies.band_keys`)
    -> group by band -> candidate pairs -> each verified by
    :func:`~newsgraph.corpus.copies.minhash_match` within the copy date window -> connected
    components on the driver (verified pairs are few).

    ``articles``: a DataFrame with ``position``, ``id``, ``hash``, ``published``, ``text``.
    Returns :data:`COPY_COLUMNS` rows for the articles in a group of two or more.  The
    group is named by its earliest member (publication date, then input position), as the
    store's linker does, and an article's score is its best verified match.

    Unlike the online index this sees the whole run at once and has no paragraph tier and
    no boilerplate discount (both depend on arrival order): ``newsgraph relink`` on the
    loaded store gives the store's own copy groups."""
    from ..corpus.copies import band_keys, CopyFeatures

    features = (articles.select("position", "published", "text").rdd
                .mapPartitions(features_partition).map(lambda r: (r[0], (r[1], r[2]))))
    features = features.persist()
    bands = features.flatMap(lambda r: [(key, r[0]) for key in
                                        band_keys(CopyFeatures.from_bytes(r[1][1]).signature)])
    pairs = bands.groupByKey().flatMap(lambda kv: bucket_pairs(kv[1])).distinct()
    joined = (pairs.join(features)  # (a, (b, fa))
              .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
              .join(features)  # (b, ((a, fa), fb))
              .map(lambda kv: ((kv[1][0][0], kv[1][0][1]), (kv[0], kv[1][1]))))
    verified = joined.map(verify_pair).filter(lambda v: v is not None).collect()
    features.unpersist()
    if not verified:
        return []
    involved = sorted({p for a, b, _ in verified for p in (a, b)})
    meta = {r["position"]: (r["id"], r["hash"], r["published"])
            for r in articles.filter(articles.position.isin(involved))
            .select("position", "id", "hash", "published").collect()}

    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, float] = {}
    for a, b, score in verified:
        parent[find(b)] = find(a)
        best[a] = max(best.get(a, 0.0), score)
        best[b] = max(best.get(b, 0.0), score)
    members: dict[int, list[int]] = {}
    for x in list(parent):
        members.setdefault(find(x), []).append(x)
    rows = []
    for group in members.values():
        name = min(group, key=lambda p: (meta[p][2] or "9999-12-31", p))
        for p in sorted(group):
            rows.append((meta[p][0], p, meta[p][1], meta[name][0], meta[name][1], best[p]))
    return sorted(rows, key=lambda r: r[1])
