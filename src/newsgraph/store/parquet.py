"""Load a Spark run (``newsgraph spark ... --out DIR``) into the store.

The rows written are the ones :meth:`Store.save` writes for the same articles: the record
tables' columns come from the same :data:`~newsgraph.store.db.COLUMNS` functions (called
from SQL as a Python function over each record's JSON), ``data`` is the record as
``save`` dumps it, ``words`` counts as ``save`` counts.  Loading is idempotent by content
hash, like ``ingest``: an article whose text is already stored, or appeared earlier in the
run, is skipped; new articles get arrival numbers (``seq``) in input order, so linking
afterwards gives what an ``ingest`` of the same input gives.
"""

from __future__ import annotations

import glob
import json
from pathlib import Path

import duckdb

from ..errors import StoreError
from .db import COLUMNS, Store

RECORD_TABLES = tuple(COLUMNS)
_UDF = "newsgraph_record_columns"
_WORDS = "newsgraph_word_count"


def _record_columns(table: str, data: str) -> str:
    """A record's store row after ``article`` and ``id``, as a JSON array: the COLUMNS
    values, ``stage`` and ``data`` (dumped as Store.save dumps it)."""
    record = json.loads(data)
    return json.dumps([*(fn(record) for fn in COLUMNS[table].values()), record.get("stage"),
                       json.dumps(record)])


def _word_count(text: str) -> int:
    return len(text.split())


def _files(root: Path, table: str, required: bool) -> str | None:
    """The glob of a table's Parquet files, or None when the table wrote none."""
    folder = root / table
    if not folder.is_dir():
        if required:
            raise StoreError(f"{folder} is missing: not the output folder of `newsgraph spark`")
        return None
    pattern = str(folder / "*.parquet")
    return pattern if glob.glob(pattern) else None


def load_parquet(directory: str | Path, store: Store) -> dict[str, int]:
    """Load the Parquet tables of a Spark run in ``directory`` into ``store``, atomically.

    Returns counts: ``stored`` (new articles), ``duplicates`` (skipped: already stored, or
    the same text earlier in the run), ``failed`` (failure rows recorded), and the number
    of records stored per record table.  Runs in one transaction: on an error nothing is
    written.  ``DIR/copies`` is not loaded: linking the store (``ingest``'s or
    ``newsgraph relink``) computes its own copy groups, stories and corpus entities.
    Raises :class:`~newsgraph.errors.StoreError` when ``directory`` is not a Spark run.
    """
    root = Path(directory)
    articles = _files(root, "articles", required=True)
    con = store.con
    for name, fn, args, result in ((_UDF, _record_columns, ["VARCHAR", "VARCHAR"], "VARCHAR"),
                                   (_WORDS, _word_count, ["VARCHAR"], "BIGINT")):
        try:
            con.remove_function(name)
        except duckdb.Error:
            pass
        con.create_function(name, fn, args, result, side_effects=False)
    counts = {"stored": 0, "duplicates": 0, "failed": 0, **{t: 0 for t in RECORD_TABLES}}
    con.execute("BEGIN TRANSACTION")
    try:
        _load(con, root, articles, counts)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot load {root}: {' '.join(str(exc).split())}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in (_UDF, _WORDS):
            try:
                con.remove_function(name)
            except duckdb.Error:
                pass
    return counts


def _load(con, root: Path, articles: str | None, counts: dict[str, int]) -> None:
    failures = _files(root, "failures", required=False)
    failed_src = ("SELECT position, hash FROM read_parquet($f) WHERE hash IS NOT NULL"
                  if failures else "SELECT NULL::BIGINT AS position, NULL AS hash LIMIT 0")
    params = {"f": failures} if failures else {}
    if articles:
        con.execute("CREATE OR REPLACE TEMP TABLE _ng_run AS "
                    "SELECT * FROM read_parquet($a)", {"a": articles})
    else:  # a run in which no article was analysed
        con.execute("CREATE OR REPLACE TEMP TABLE _ng_run (position BIGINT, id TEXT, "
                    "text TEXT, published TEXT, title TEXT, url TEXT, source TEXT, "
                    "author TEXT, hash TEXT, origin TEXT, stages TEXT)")
    # What ingest would have parsed: the first item of each text not already stored (an
    # item that failed in the pipeline counts: ingest would have skipped later copies).
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ng_first AS
        SELECT hash, min(position) AS position FROM (
            SELECT position, hash FROM _ng_run UNION ALL {failed_src}) items
        WHERE hash NOT IN (SELECT hash FROM articles)
        GROUP BY hash""", params)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _ng_new AS
        SELECT r.* FROM _ng_run r JOIN _ng_first f USING (hash, position)""")
    seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
    con.execute(f"""
        INSERT INTO articles (hash, id, title, url, source, author, published, origin, text,
                              words, stages, seq)
        SELECT hash, id, title, url, source, author, published, origin, text,
               {_WORDS}(text), stages, $seq + row_number() OVER (ORDER BY position)
        FROM _ng_new""", {"seq": seq})
    counts["stored"] = con.execute("SELECT count(*) FROM _ng_new").fetchone()[0]
    counts["duplicates"] = con.execute("SELECT count(*) FROM _ng_run").fetchone()[0] \
        - counts["stored"]
    for table, columns in COLUMNS.items():
        source = _files(root, table, required=False)
        if not source or not counts["stored"]:
            continue
        names = list(columns) + ["stage", "data"]
        quoted = ", ".join(f'"{n}"' for n in ["article", "id", *names])
        values = ", ".join(f"json_extract_string(v, '$[{i}]')" for i in range(len(names)))
        counts[table] = con.execute(f"""
            INSERT INTO {table} ({quoted})
            SELECT hash, id, {values} FROM (
                SELECT a.hash, r.id, {_UDF}('{table}', r.data) AS v, r.position, r.n
                FROM read_parquet($src) r JOIN _ng_new a ON r.position = a.position)
            ORDER BY position, n""", {"src": source}).fetchone()[0]
    if failures:
        # Items that could not be read, and pipeline failures of texts ingest would parse.
        counts["failed"] = con.execute("""
            INSERT INTO failures (origin, article_id, code, message)
            SELECT origin, article, code, message FROM read_parquet($f) x
            WHERE x.hash IS NULL OR EXISTS (SELECT 1 FROM _ng_first f
                                            WHERE f.hash = x.hash AND f.position = x.position)
            ORDER BY x.position""", {"f": failures}).fetchone()[0]
    for temp in ("_ng_new", "_ng_first", "_ng_run"):
        con.execute(f"DROP TABLE IF EXISTS {temp}")
