"""One stored article with all its records, in the form ``analyze --json`` prints.

The API and the article page read an article this way: the article row plus each
record table's stored JSON, in text order, so a stored article and a freshly analysed
one look the same to every consumer.
"""

from __future__ import annotations

import json
from typing import Optional

from ..model import RECORD_LISTS
from .db import Store

_FIELDS = ("id", "text", "published", "title", "url", "source", "author", "hash")
_CORPUS = ("story", "copy_group", "copy_score")


def find(store: Store, article_id: str) -> Optional[str]:
    """The content hash of the article with this id (the earliest stored, when an id was
    given twice), or of the article whose full hash this is."""
    row = store.con.execute(
        "SELECT hash FROM articles WHERE id = ? OR hash = ? ORDER BY (id = ?) DESC, seq "
        "LIMIT 1", [article_id, article_id, article_id]).fetchone()
    return row[0] if row else None


def load(store: Store, key: str) -> Optional[dict]:
    """The article with content hash ``key`` and all its records, or None."""
    columns = ", ".join(f"a.{c}" for c in (*_FIELDS, *_CORPUS))
    row = store.con.execute(f"SELECT {columns} FROM articles a WHERE a.hash = ?",
                            [key]).fetchone()
    if row is None:
        return None
    out = dict(zip((*_FIELDS, *_CORPUS), row))
    if out["published"] is not None:
        out["published"] = out["published"].isoformat()
    for table in RECORD_LISTS:
        found = store.con.execute(f"SELECT data FROM {table} WHERE article = ?",
                                  [key]).fetchall()
        out[table] = sorted((json.loads(r[0]) for r in found), key=_position)
    out["corpus_entities"] = dict(store.con.execute(
        "SELECT id, corpus_entity FROM entities WHERE article = ? AND corpus_entity IS NOT "
        "NULL", [key]).fetchall())
    out["copies"] = [dict(zip(("id", "title", "source", "published", "copy_score"), r))
                     for r in store.con.execute(
        "SELECT id, title, source, CAST(published AS TEXT), copy_score FROM articles "
        "WHERE copy_group IS NOT NULL AND copy_group = ? AND hash <> ? ORDER BY seq",
        [out["copy_group"], key]).fetchall()]
    return out


def _position(record: dict) -> tuple:
    """Records in text order (entities by their first mention)."""
    for key in ("content", "trigger", "span"):
        if record.get(key):
            return (record[key]["start"], record["id"])
    mentions = record.get("mentions") or [{"start": 0}]
    return (min(m["start"] for m in mentions), record["id"])
