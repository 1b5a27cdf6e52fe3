"""The store side of cross-article linking: read articles in arrival order, write links.

Links are the columns ``articles.story``, ``articles.copy_group`` (the input id of the
group's earliest article), ``articles.copy_root`` (its hash: ids need not be unique),
``articles.copy_score`` and ``entities.corpus_entity``, plus the summary tables ``stories`` and
``corpus_entities``.  ``corpus_state.linked_upto`` is the arrival number (``seq``) of the
last linked article, so an interrupted ingest leaves its unlinked articles for the next
run to pick up.  Every write of one batch goes in one transaction.
"""

from __future__ import annotations

import json
from typing import Iterator

from ..corpus import CorpusArticle
from .db import Store, insert_columns

LINKED_UPTO = "linked_upto"


def linked_upto(store: Store) -> int:
    row = store.con.execute("SELECT value FROM corpus_state WHERE key = ?",
                            [LINKED_UPTO]).fetchone()
    return int(row[0]) if row else 0


def last_seq(store: Store) -> int:
    return store.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]


def _entity_order(record: dict) -> tuple:
    eid = record.get("id", "")
    return (int(eid[1:]) if eid[1:].isdigit() else 1 << 30, eid)


def articles_between(store: Store, first: int, last: int) -> list[CorpusArticle]:
    """Stored articles with ``first <= seq <= last``, in arrival order, with entities."""
    rows = store.con.execute(
        "SELECT hash, id, text, title, CAST(published AS TEXT), source, url, seq "
        "FROM articles WHERE seq BETWEEN ? AND ? ORDER BY seq", [first, last]).fetchall()
    articles = {r[0]: CorpusArticle(key=r[0], id=r[1], text=r[2], title=r[3], published=r[4],
                                    source=r[5], url=r[6], seq=r[7]) for r in rows}
    entities = store.con.execute(
        "SELECT e.article, e.data FROM entities e JOIN articles a ON a.hash = e.article "
        "WHERE a.seq BETWEEN ? AND ?", [first, last]).fetchall()
    for key, data in entities:
        articles[key].entities.append(json.loads(data))
    for article in articles.values():
        article.entities.sort(key=_entity_order)
    return list(articles.values())


def iter_batches(store: Store, after: int, size: int = 1000) -> Iterator[list[CorpusArticle]]:
    """Batches of the articles that arrived after ``after``, oldest first."""
    end = last_seq(store)
    first = after + 1
    while first <= end:
        yield articles_between(store, first, first + size - 1)
        first += size


def reset(store: Store) -> None:
    """Forget every link (``relink`` starts from here)."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE articles SET story = NULL, copy_group = NULL, copy_score = NULL, "
                    "copy_root = NULL WHERE story IS NOT NULL OR copy_group IS NOT NULL")
        con.execute("UPDATE entities SET corpus_entity = NULL WHERE corpus_entity IS NOT NULL")
        con.execute("DELETE FROM entities WHERE stage = ?", [FOUND_STAGE])
        con.execute("DELETE FROM stories")
        con.execute("DELETE FROM corpus_entities")
        con.execute("DELETE FROM corpus_state WHERE key = ?", [LINKED_UPTO])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def write_links(store: Store, *, upto: int, articles: dict[str, tuple],
                entities: list[tuple[str, str, str]], stories: list[tuple],
                corpus_entities: list[tuple], found: list[tuple] = ()) -> None:
    """Write one batch of links atomically.

    ``articles``: hash -> (story, copy_group, copy_score, copy_root); ``entities``: (corpus entity,
    article hash, entity id); ``stories``: (id, label, first, last, articles, entities
    JSON); ``corpus_entities``: (id, label, name, articles, mentions, data JSON).  Stories
    and corpus entities given replace their stored rows.  ``found``: (corpus entity,
    article hash, entity record) of the names linking found that the entities stage
    missed (records of stage ``corpus``, ids "X1", ...), written as entity rows.
    """
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        _update_articles(con, articles)
        _update_entities(con, entities)
        _insert_found(con, list(found))
        _replace(con, "stories", ["id", "label", "first", "last", "articles", "entities"],
                 stories)
        _replace(con, "corpus_entities", ["id", "label", "name", "articles", "mentions",
                                          "data"], corpus_entities)
        con.execute("INSERT OR REPLACE INTO corpus_state VALUES (?, ?)", [LINKED_UPTO, str(upto)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _stage(con, name: str, types: list[tuple[str, str]], rows: list[tuple]) -> None:
    """A temporary table ``name`` holding ``rows`` (inserted column-wise, as the articles'
    records are: :func:`.db.insert_columns`)."""
    columns = ", ".join(f"{c} {t}" for c, t in types)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    insert_columns(con, name, types, rows)


def _update_articles(con, articles: dict[str, tuple]) -> None:
    if not articles:
        return
    _stage(con, "link_articles", [("hash", "TEXT"), ("story", "TEXT"), ("copy_group", "TEXT"),
                                  ("copy_score", "DOUBLE"), ("copy_root", "TEXT")],
           [(k, *v) for k, v in articles.items()])
    con.execute("UPDATE articles SET story = l.story, copy_group = l.copy_group, "
                "copy_score = l.copy_score, copy_root = l.copy_root FROM link_articles l "
                "WHERE articles.hash = l.hash")
    con.execute("DROP TABLE link_articles")


def _update_entities(con, rows: list[tuple[str, str, str]]) -> None:
    if not rows:
        return
    _stage(con, "link_entities", [("corpus_entity", "TEXT"), ("article", "TEXT"),
                                  ("id", "TEXT")], rows)
    con.execute("UPDATE entities SET corpus_entity = l.corpus_entity FROM link_entities l "
                "WHERE entities.article = l.article AND entities.id = l.id")
    con.execute("DROP TABLE link_entities")


FOUND_STAGE = "corpus"  # the stage column of entity rows that linking itself wrote


def _insert_found(con, rows: list[tuple[str, str, dict]]) -> None:
    if not rows:
        return
    types = [("article", "TEXT"), ("id", "TEXT"), ("label", "TEXT"), ("name", "TEXT"),
             ("roles", "TEXT"), ("mentions", "INTEGER"), ("stage", "TEXT"), ("data", "JSON"),
             ("corpus_entity", "TEXT")]
    values = [(article, r["id"], r["label"], r["name"], None, len(r["mentions"]), FOUND_STAGE,
               json.dumps(r, ensure_ascii=False), cid) for cid, article, r in rows]
    _stage(con, "link_found", types, values)
    con.execute("DELETE FROM entities WHERE stage = ? AND (article, id) IN "
                "(SELECT article, id FROM link_found)", [FOUND_STAGE])
    con.execute("INSERT INTO entities (article, id, label, name, roles, mentions, stage, data, "
                "corpus_entity) SELECT * FROM link_found")
    con.execute("DROP TABLE link_found")


_TYPES = {"stories": [("id", "TEXT"), ("label", "TEXT"), ("first", "DATE"), ("last", "DATE"),
                      ("articles", "INTEGER"), ("entities", "JSON")],
          "corpus_entities": [("id", "TEXT"), ("label", "TEXT"), ("name", "TEXT"),
                              ("articles", "INTEGER"), ("mentions", "INTEGER"),
                              ("data", "JSON")]}


def _replace(con, table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    _stage(con, "link_rows", _TYPES[table], rows)
    con.execute(f"DELETE FROM {table} WHERE id IN (SELECT id FROM link_rows)")
    con.execute(f"INSERT INTO {table} SELECT * FROM link_rows")
    con.execute("DROP TABLE link_rows")
