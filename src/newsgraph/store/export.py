"""Export every table of a store to files: ``newsgraph export --db X --format F --out DIR``.

One file per table, named after it: ``DIR/articles.parquet``, ``DIR/entities.csv``,
``DIR/stories.jsonl``...  DuckDB writes them itself (``COPY ... TO``), so a table of any
size streams to disk.  Formats: ``parquet`` (column types kept, ``data`` as JSON text),
``csv`` (a header row, then RFC 4180 rows) and ``jsonl`` (one JSON object per row; the
JSON columns come out as nested objects, not strings).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import NewsgraphError, StoreError
from .db import Store

FORMATS = {
    "parquet": ("parquet", "FORMAT PARQUET"),
    "csv": ("csv", "FORMAT CSV, HEADER"),
    "jsonl": ("jsonl", "FORMAT JSON"),
}


def tables(store: Store) -> list[str]:
    """Every table of the store (records, failures, the corpus layer's, migrations)."""
    rows = store.con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def export(store: Store, fmt: str, out_dir: str | Path, force: bool = False) -> dict[str, int]:
    """Write every table of ``store`` to ``out_dir/<table>.<ext>``; return rows per table.

    ``fmt`` is ``parquet``, ``csv`` or ``jsonl``.  ``out_dir`` is created if needed; one
    that already holds files is refused unless ``force``, which overwrites the files of
    the tables exported and leaves anything else in the folder alone.  Raises
    :class:`~newsgraph.errors.NewsgraphError` for a bad format or folder."""
    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown export format {fmt!r}; choose from "
                             f"{', '.join(FORMATS)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NewsgraphError(f"--out {out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise NewsgraphError(f"--out {out} is not empty; choose a new folder or pass --force "
                             "to overwrite the exported files")
    out.mkdir(parents=True, exist_ok=True)
    ext, options = FORMATS[fmt]
    counts: dict[str, int] = {}
    for table in tables(store):
        target = str(out / f"{table}.{ext}").replace("'", "''")
        try:
            counts[table] = store.con.execute(
                f"COPY (SELECT * FROM \"{table}\") TO '{target}' ({options})").fetchone()[0]
        except duckdb.Error as exc:
            raise StoreError(f"cannot export {table} to {target}: "
                             f"{' '.join(str(exc).split())}") from None
    return counts
