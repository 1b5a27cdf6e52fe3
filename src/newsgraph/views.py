"""The view layer: the data behind every API response and web page, built once.

Each function here reads the store (or analyses a posted text) and returns plain
dicts and lists in the project's data model: records exactly as ``analyze --json``
writes them, with the article they come from.  :mod:`newsgraph.api` returns them as
JSON and renders the same dicts as HTML, so the page and the API cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional

from .errors import ArticleError, NotFoundError
from .ingest import article_from_record
from .store import Store
from .store import articles as stored_articles
from .store import queries, timelines

LIST_KINDS = ("articles", "quotes", "entities", "events", "times", "quantities", "stories",
              "corpus-entities")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_ANALYZE_CHARS = 100_000  # a long feature is 30k; more is not one article


def listing(store: Store, what: str, /, *, limit: int = DEFAULT_LIMIT, offset: int = 0,
            **filters: Any) -> dict:
    """One page of records of kind ``what`` matching ``filters``, and how many match in
    all."""
    # An empty filter is no filter; a NUL character cannot match anything stored.
    filters = {k: v.replace("\x00", "") if isinstance(v, str) else v
               for k, v in filters.items() if v not in (None, "")}
    total, columns, rows = queries.records(store, what, limit=limit, offset=offset, **filters)
    return {"items": [_item(columns, row) for row in rows], "total": total, "limit": limit,
            "offset": offset}


def _item(columns: list[str], row: tuple) -> dict:
    """A row in record form: the stored record (its JSON) with its article's fields."""
    fields = {c: _plain(v) for c, v in zip(columns, row)}
    data = fields.pop("data", None)
    if isinstance(fields.get("entities"), str):  # a story's main entities
        fields["entities"] = json.loads(fields["entities"])
    if data is None:
        return fields
    record = json.loads(data)
    if "article" in fields:  # a record of one article
        return {**record, **fields}
    return {**fields, **record}  # a corpus entity: its columns, then variants, country...


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def article(store: Store, article_id: str) -> dict:
    """The stored article with this id, with all its records (``analyze --json`` form),
    its story, copy group, copies and each entity's corpus entity."""
    key = stored_articles.find(store, article_id)
    found = stored_articles.load(store, key) if key else None
    if found is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return found


def _timeline(columns: list[str], rows: list[tuple]) -> list[dict]:
    return [{c: _plain(v) for c, v in zip(columns, row)} for row in rows]


def corpus_entity(store: Store, entity_id: str, *, limit: int = 200) -> dict:
    """One corpus entity: its names, its mentions per article, and its timeline (what it
    said and did, and what was done to it, by date, copies counted once)."""
    columns, rows = store.query("SELECT id, name, label, articles, mentions, data "
                                "FROM corpus_entities WHERE id = ?", [entity_id])
    if not rows:
        raise NotFoundError(f"no corpus entity with id {entity_id!r}")
    out = _item(columns, rows[0])
    out["in_articles"] = listing(store, "entities", corpus_entity=entity_id, limit=limit)
    columns, rows = timelines.entity_timeline(store, entity_id, limit=limit)
    out["timeline"] = _timeline(columns, rows)
    return out


def story(store: Store, story_id: str, *, limit: int = 500) -> dict:
    """One story: its label and dates, its articles, quotes and events in time order, and
    its network (who speaks about, accuses, supports whom)."""
    columns, rows = store.query("SELECT id, label, first, last, articles, entities "
                                "FROM stories WHERE id = ?", [story_id])
    if not rows:
        raise NotFoundError(f"no story with id {story_id!r}")
    out = _item(columns, rows[0])
    columns, rows = timelines.story(store, story_id, limit=limit)
    out["timeline"] = _timeline(columns, rows)
    columns, rows = timelines.network(store, story_id, limit=100)
    out["network"] = _timeline(columns, rows)
    return out


def analyze(analyzer, text: str, *, title: Optional[str] = None,
            published: Optional[str] = None) -> dict:
    """Analyse a posted text without storing it: the ``analyze --json`` form.

    Raises ArticleError (with the reason) for text that is empty, too long, not a date,
    not English, or that ran out of time."""
    if len(text) > MAX_ANALYZE_CHARS:
        raise ArticleError(f"text is {len(text):,} characters; at most {MAX_ANALYZE_CHARS:,} "
                           "can be analysed here (use `newsgraph analyze` for longer ones)",
                           code="too-large")
    item = article_from_record({"id": "posted", "text": text, "title": title or None,
                                "published": published or None}, origin="posted")
    if isinstance(item, ArticleError):
        raise item
    result = analyzer.analyze(item)
    if isinstance(result, ArticleError):
        raise result
    return result.to_dict()
