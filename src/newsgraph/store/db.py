"""Store: analysed articles in an embedded DuckDB file.

Writes are per article and atomic: the article row and all its records go in
one transaction, so a run killed part-way leaves only whole articles behind,
and re-running it skips them by content hash and stores the rest exactly once.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import duckdb

from ..errors import ArticleError, StoreError
from ..pipeline import Analysis
from .migrations import MIGRATIONS


def _span_text(span: Optional[dict]) -> Optional[str]:
    return span["text"] if span else None


def _get(d: Optional[dict], key: str) -> Any:
    return d.get(key) if d else None


# For each record table: column -> how to compute it from the record's dict.
COLUMNS: dict[str, dict[str, Callable[[dict], Any]]] = {
    "entities": {
        "label": lambda r: r["label"], "name": lambda r: r["name"],
        "roles": lambda r: "; ".join(x["text"] for x in r["roles"]) or None,
        "mentions": lambda r: len(r["mentions"]),
    },
    "attributions": {
        "kind": lambda r: r["kind"], "speaker": lambda r: r["speaker"],
        "speaker_name": lambda r: r["speaker_name"], "sourcing": lambda r: r["sourcing"],
        "channel": lambda r: r["channel"], "cue": lambda r: _span_text(r["cue"]),
        "source": lambda r: _span_text(r["source"]), "content": lambda r: r["content"]["text"],
        "start": lambda r: r["content"]["start"], "end": lambda r: r["content"]["end"],
        "polarity": lambda r: r.get("polarity", "positive"),
        "mode": lambda r: r.get("mode", "speech"),
    },
    "events": {
        "type": lambda r: r["type"], "mode": lambda r: r["mode"],
        "modality": lambda r: r["modality"], "trigger": lambda r: r["trigger"]["text"],
        "actor": lambda r: _get(r["actor"], "text"),
        "actor_country": lambda r: _get(r["actor"], "country"),
        "target": lambda r: _get(r["target"], "text"),
        "target_country": lambda r: _get(r["target"], "country"),
        "time_value": lambda r: r["time_value"], "place": lambda r: _span_text(r["place_span"]),
        "start": lambda r: r["trigger"]["start"], "end": lambda r: r["trigger"]["end"],
        "actor_entity": lambda r: _get(r["actor"], "entity"),
        "target_entity": lambda r: _get(r["target"], "entity"),
    },
    "times": {
        "type": lambda r: r["type"], "value": lambda r: r["value"], "mod": lambda r: r["mod"],
        "text": lambda r: r["span"]["text"], "start": lambda r: r["span"]["start"],
        "end": lambda r: r["span"]["end"],
    },
    "quantities": {
        "value": lambda r: r["value"], "unit": lambda r: r["unit"], "bound": lambda r: r["bound"],
        "text": lambda r: r["span"]["text"], "start": lambda r: r["span"]["start"],
        "end": lambda r: r["span"]["end"],
    },
}


ARTICLE_COLUMNS = ["hash", "id", "title", "url", "source", "author", "published", "origin",
                   "text", "words", "stages", "seq"]


@dataclass
class Prepared:
    """An analysed article as the rows the store writes for it (``articles`` row without
    ``stages`` and ``seq``; per record table, whole rows).  Workers prepare the articles
    they analysed, so the one writing process only inserts."""

    hash: str
    id: str
    article: list
    records: dict[str, list[list]]


def prepare(analysis: Analysis) -> Prepared:
    """The store's rows for one analysed article (pure Python: no database needed)."""
    a = analysis.article
    key = a.hash
    data = analysis.to_dict()
    records = {table: [[key, r["id"], *(fn(r) for fn in columns.values()), r.get("stage"),
                        json.dumps(r)] for r in data[table]]
               for table, columns in COLUMNS.items()}
    return Prepared(key, a.id, [key, a.id, a.title, a.url, a.source, a.author, a.published,
                                a.origin, a.text, len(a.text.split())], records)


def insert_columns(con: duckdb.DuckDBPyConnection, table: str,
                   columns: list[tuple[str, str]], rows: list, chunk: int = 20_000) -> None:
    """Insert ``rows`` into ``columns`` (name, DuckDB type) of ``table`` column-wise: one
    list parameter per column, unnested and cast.  DuckDB binds a list in C++; a multi-row
    ``VALUES`` of ``?`` marks has it parse and bind every mark (six times slower on an
    ingest's batches) and ``executemany`` runs a statement per row (forty times)."""
    quoted = ", ".join(f'"{name}"' for name, _ in columns)
    unnest = ", ".join(f"unnest(${i + 1}::{kind}[])" for i, (_, kind) in enumerate(columns))
    for start in range(0, len(rows), chunk):
        values = [list(c) for c in zip(*rows[start:start + chunk])]
        if values:
            con.execute(f"INSERT INTO {table} ({quoted}) SELECT {unnest}", values)


_COLUMN_TYPES: dict[str, dict[str, str]] = {}  # table -> column -> type, see _column_types

LOCK_WAIT = 15.0  # seconds a command waits for another process to release the file


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            message = " ".join(str(exc).split())
            locked = "Could not set lock" in message
            if locked and time.monotonic() + pause < deadline:
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
                continue
            if locked:
                holder = re.search(r"\(PID (\d+)\)", message)
                raise StoreError(f"cannot open {path}: another process"
                                 f"{' (PID ' + holder.group(1) + ')' if holder else ''} kept "
                                 f"it locked for over {wait:g} s; try again when it is "
                                 "done") from None
            raise StoreError(f"cannot open {path}: {message}") from None


class Store:
    """A DuckDB file holding articles, their records, and the items that failed.

    >>> with Store("newsgraph.duckdb") as store:
    ...     store.save(analysis)
    """

    def __init__(self, path: str | Path = "newsgraph.duckdb", read_only: bool = False,
                 wait: Optional[float] = None):
        """Open (or create) the file.  DuckDB lets one process write or several read; an
        ingest holds the file only while it writes a batch, so a reader or writer that
        finds it locked waits up to ``wait`` seconds for its turn."""
        self.path = str(path)
        self.con = _connect(self.path, read_only, LOCK_WAIT if wait is None else wait)
        if not read_only:
            self.migrate()
        else:
            self._check_current()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> "Store":
        """This store on a cursor of its own: one per thread, since a DuckDB connection is
        not to be shared between threads and its cursors are independent (the server
        gives each request one)."""
        other = object.__new__(Store)
        other.path, other.con = self.path, self.con.cursor()
        return other

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS migrations "
                         "(name TEXT PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {row[0] for row in self.con.execute("SELECT name FROM migrations").fetchall()}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from None
            applied.append(name)
        return applied

    def _check_current(self) -> None:
        """A reader cannot migrate: say how to upgrade a file an older version wrote."""
        try:
            done = set(self.migrations())
        except duckdb.Error:
            done = set()
        missing = [name for name, _ in MIGRATIONS if name not in done]
        if missing:
            self.con.close()
            raise StoreError(f"{self.path} was written by an older newsgraph (missing "
                             f"{', '.join(missing)}); upgrade it with "
                             f"`newsgraph relink --db {self.path}`")

    def migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM migrations ORDER BY name")
                .fetchall()]

    # -- writing ----------------------------------------------------------------------------
    def has(self, content_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE hash = ?",
                                [content_hash]).fetchone() is not None

    def save(self, analysis: Analysis, stages: Optional[dict[str, str]] = None) -> bool:
        """Store one analysed article and its records atomically; False if already stored."""
        return self.save_many([analysis], stages)[0]

    def save_many(self, items: list[Analysis | Prepared],
                  stages: Optional[dict[str, str]] = None) -> list[bool]:
        """Store analysed articles and their records in one transaction; for each, False
        if it was already stored (by content hash, also within the list).

        One transaction per batch instead of per article: the commit, not the rows, was
        the store's cost (ingest ran at 0.66 of analyze's rate with one per article).  A
        run killed part-way still leaves only whole articles: the batch commits or not.
        Items may come already prepared (:func:`prepare`, by the worker that analysed
        them)."""
        prepared = [p if isinstance(p, Prepared) else prepare(p) for p in items]
        stored: list[bool] = []
        self.con.execute("BEGIN TRANSACTION")
        try:
            known = self._known([p.hash for p in prepared])
            seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            articles, records = [], {table: [] for table in COLUMNS}
            for p in prepared:
                if p.hash in known:
                    stored.append(False)
                    continue
                known.add(p.hash)
                stored.append(True)
                seq += 1
                articles.append([*p.article, json.dumps(stages or {}), seq])
                for table in COLUMNS:
                    records[table] += p.records[table]
            self._insert_rows("articles", ARTICLE_COLUMNS, articles)
            for table, columns in COLUMNS.items():
                self._insert_rows(table, ["article", "id", *columns, "stage", "data"],
                                  records[table])
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise
        return stored

    def _rollback(self) -> None:
        """Undo the open transaction; if DuckDB already aborted it, the error that caused
        that is the one to report, not the failed ROLLBACK."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _known(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        marks = ", ".join("?" * len(keys))
        rows = self.con.execute(f"SELECT hash FROM articles WHERE hash IN ({marks})",
                                keys).fetchall()
        return {r[0] for r in rows}

    def _insert_rows(self, table: str, names: list[str], rows: list[list]) -> None:
        types = self._column_types(table)
        insert_columns(self.con, table, [(n, types[n]) for n in names], rows)

    def _column_types(self, table: str) -> dict[str, str]:
        """Column -> DuckDB type; the same in every store (each is migrated on opening),
        so asked once per process, not once per batch."""
        if table not in _COLUMN_TYPES:
            _COLUMN_TYPES[table] = {name: kind for name, kind, *_ in
                                    self.con.execute(f'DESCRIBE "{table}"').fetchall()}
        return _COLUMN_TYPES[table]

    def record_failure(self, error: ArticleError) -> None:
        """Record a failed item once: the same item failing the same way in a later run (or
        a concurrent one) is not added again."""
        values = [error.origin, error.article_id, error.code, str(error)]
        self.con.execute("INSERT INTO failures (origin, article_id, code, message) "
                         "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM failures WHERE "
                         "origin IS NOT DISTINCT FROM ? AND article_id IS NOT DISTINCT FROM ? "
                         "AND code = ? AND message = ?)", values + values)

    # -- reading ----------------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run a read query; return (column names, rows)."""
        cur = self.con.execute(sql, list(params))
        return [d[0] for d in cur.description], cur.fetchall()

    def counts(self) -> dict[str, int]:
        tables = ["articles", *COLUMNS, "failures"]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
