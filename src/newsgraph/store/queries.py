"""Read queries behind ``newsgraph query`` and the API: one query builder per record kind.

``rows`` gives flat columns (tables, CSV); ``records`` gives a page of stored records
with their article, and the total (the API).  Both apply the same filters.  Text filters are
case-insensitive substring matches; date filters are inclusive ISO dates and
apply to the article's publication date, except for events, which use the
event's own resolved date when it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .db import Store

_ARTICLE_DATE = "a.published"
# An event's own date: its resolved time value (a month or a year counts from its first day).
_OWN_DATE = ("coalesce(try_cast(substr(e.time_value, 1, 10) AS DATE), "
             "CASE WHEN regexp_full_match(e.time_value, '\\d{4}-\\d{2}') "
             "THEN CAST(e.time_value || '-01' AS DATE) "
             "WHEN regexp_full_match(e.time_value, '\\d{4}') "
             "THEN CAST(e.time_value || '-01-01' AS DATE) END)")
# For ordering and date filters, an event with no time of its own stands at its report's
# date (it happened on or before it).
_EVENT_DATE = f"coalesce({_OWN_DATE}, a.published)"


class _Where:
    """Collects SQL conditions and their parameters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def like(self, column: str, value: Optional[str]) -> None:
        if value:
            self.add(f"{column} ILIKE ?", f"%{value}%")

    def equal(self, column: str, value: Optional[str]) -> None:
        if value:
            self.add(f"upper({column}) = upper(?)", value)

    def dates(self, column: str, since: Optional[str], until: Optional[str]) -> None:
        if since:
            self.add(f"{column} >= CAST(? AS DATE)", since)
        if until:
            self.add(f"{column} <= CAST(? AS DATE)", until)

    def dedupe(self, on: bool) -> None:
        """Count a syndicated story once: keep the article that names its copy group."""
        if on:
            self.add("(a.copy_root IS NULL OR a.copy_root = a.hash)")

    def article(self, value: Optional[str]) -> None:
        if value:
            self.add("(a.id = ? OR a.hash LIKE ?)", value, f"{value}%")

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


class _Grouped(_Where):
    """A WHERE clause followed by a GROUP BY."""

    def __init__(self, where: _Where, group_by: str) -> None:
        super().__init__()
        self.parts, self.params, self.group_by = where.parts, where.params, group_by

    def sql(self) -> str:
        return super().sql() + f" GROUP BY {self.group_by}"


@dataclass
class _Query:
    """One kind's query: its FROM clause, filters and order, and two ways to select from it:
    ``rows`` (flat columns, for tables and CSV) and ``records`` (the record as stored JSON
    with its article, for the API).  Both, and the count, share the same filters."""

    source: str
    where: _Where
    order: str
    rows: str
    records: str = ""
    # The table (and its alias in ``source``) whose stored JSON ``data`` the records carry:
    # read for the page's rows only, after the page is chosen.  Read in the same query, a
    # column of JSON is decoded for every matching row (0.2 s on 100k articles).
    data: Optional[tuple[str, str]] = None


def _select(store: Store, q: _Query, columns: str, limit: Optional[int], offset: int = 0):
    sql = f"SELECT {columns} FROM {q.source}{q.where.sql()} ORDER BY {q.order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return store.query(sql, q.where.params)


_ARTICLE_JOIN = " JOIN articles a "
_ARTICLE_COLUMN = re.compile(r"\ba\.")


def _count(store: Store, q: _Query) -> int:
    """How many rows match.  Every record row belongs to a stored article (they are written
    together), so with no condition on the article the join is left out: four times faster
    on 100k articles."""
    source = q.source
    if _ARTICLE_JOIN in source and not any(_ARTICLE_COLUMN.search(p) for p in q.where.parts):
        source = source.split(_ARTICLE_JOIN)[0]
    return store.query(f"SELECT count(*) FROM {source}{q.where.sql()}",
                       q.where.params)[1][0][0]


def _articles(*, search: Optional[str] = None, source: Optional[str] = None,
              since: Optional[str] = None, until: Optional[str] = None,
              story: Optional[str] = None, dedupe: bool = False) -> _Query:
    """Articles with their story and copy group (null when the article has no copy)."""
    w = _Where()
    w.like("coalesce(a.title, '') || ' ' || a.text", search)
    w.like("a.source", source)
    w.dates(_ARTICLE_DATE, since, until)
    w.equal("a.story", story)
    w.dedupe(dedupe)
    counts = ("(SELECT count(*) FROM entities x WHERE x.article = a.hash) AS entities, "
              "(SELECT count(*) FROM attributions x WHERE x.article = a.hash) AS attributions, "
              "(SELECT count(*) FROM events x WHERE x.article = a.hash) AS events")
    return _Query(
        "articles a", w, "a.published NULLS LAST, a.id",
        rows=("a.id, a.published, a.title, a.source, a.words, a.story, a.copy_group, "
              f"a.copy_score, {counts}, substr(a.hash, 1, 12) AS hash, a.origin"),
        records=("a.id, a.published, a.title, a.source, a.url, a.author, a.words, a.story, "
                 f"a.copy_group, a.copy_score, {counts}, a.hash"))


_MENTIONS = ("CAST(json_extract(x.data, '$.mentions') AS "
             "STRUCT(start INTEGER, \"end\" INTEGER, text VARCHAR, kind VARCHAR)[])")


def _entities(*, name: Optional[str] = None, label: Optional[str] = None,
              article: Optional[str] = None, corpus_entity: Optional[str] = None) -> _Query:
    """Every entity of every article, with its corpus entity and its mentions' offsets."""
    w = _Where()
    w.like("x.name", name)
    w.equal("x.label", label)
    w.article(article)
    w.equal("x.corpus_entity", corpus_entity)
    return _Query(
        "entities x JOIN articles a ON a.hash = x.article", w,
        "a.seq, a.id, x.mentions DESC, x.id",
        rows=("a.id AS article, x.id, x.name, x.label, x.corpus_entity, x.roles, "
              f"{_MENTIONS} AS mentions"),
        records="a.id AS article, a.title AS article_title, a.published, x.corpus_entity",
        data=("entities", "x"))


def _corpus_entities(*, name: Optional[str] = None, label: Optional[str] = None) -> _Query:
    """One row per corpus entity: the person, organisation or place across articles."""
    w = _Where()
    if name:
        w.add("(c.name ILIKE ? OR CAST(json_extract(c.data, '$.variants') AS TEXT) ILIKE ?)",
              f"%{name}%", f"%{name}%")
    w.equal("c.label", label)
    return _Query(
        "corpus_entities c", w, "c.articles DESC, c.mentions DESC, c.name",
        rows=("c.id, c.name, c.label, c.articles, c.mentions, "
              "array_to_string(json_extract_string(c.data, '$.variants[*]'), '; ') "
              "AS variants, json_extract_string(c.data, '$.country') AS country, "
              "CAST(json_extract(c.data, '$.lat') AS DOUBLE) AS lat, "
              "CAST(json_extract(c.data, '$.lon') AS DOUBLE) AS lon"),
        records="c.id, c.name, c.label, c.articles, c.mentions, c.data")


def _stories(*, search: Optional[str] = None, since: Optional[str] = None,
             until: Optional[str] = None) -> _Query:
    """Stories, biggest first: label, date range, article count and main entities."""
    w = _Where()
    w.like("s.label", search)
    w.dates("s.last", since, None)
    w.dates("s.first", None, until)
    reports = ("(SELECT count(DISTINCT coalesce(a.copy_root, a.hash)) FROM articles a "
               "WHERE a.story = s.id) AS reports")
    return _Query(
        "stories s", w, "s.articles DESC, s.first NULLS LAST, s.id",
        rows=(f"s.id, s.label, s.first, s.last, s.articles, {reports}, "
              "array_to_string(json_extract_string(s.entities, '$[*].name'), '; ') "
              "AS entities"),
        records=f"s.id, s.label, s.first, s.last, s.articles, {reports}, s.entities")


def _quotes(*, speaker: Optional[str] = None, entity: Optional[str] = None,
            article: Optional[str] = None, kind: Optional[str] = None,
            sourcing: Optional[str] = None, polarity: Optional[str] = None,
            mode: Optional[str] = None,
            since: Optional[str] = None, until: Optional[str] = None,
            story: Optional[str] = None, dedupe: bool = False) -> _Query:
    """Attributions; ``speaker`` matches the resolved speaker or the source words;
    ``polarity="positive"`` leaves out refused and negated speech, ``mode="speech"``
    what was only believed, feared or wanted."""
    w = _Where()
    if speaker:
        w.add("(q.speaker_name ILIKE ? OR q.source ILIKE ?)", f"%{speaker}%", f"%{speaker}%")
    if entity:  # the exact canonical name, as `query entities` lists it; a joint
        # statement ("Mayor X and Chief Y said") counts for each source named in it
        w.add("(lower(q.speaker_name) = lower(?) OR EXISTS (SELECT 1 FROM entities x "
              "WHERE x.article = q.article AND lower(x.name) = lower(?) AND "
              "list_contains(json_extract_string(q.data, '$.speakers[*]'), x.id)))",
              entity, entity)
    w.article(article)
    w.equal("q.kind", kind)
    w.equal("q.sourcing", sourcing)
    w.equal("q.polarity", polarity)
    w.equal("q.mode", mode)
    w.dates(_ARTICLE_DATE, since, until)
    w.equal("a.story", story)
    w.dedupe(dedupe)
    return _Query(
        "attributions q JOIN articles a ON a.hash = q.article", w,
        "a.published NULLS LAST, a.id, q.start",
        rows=("a.id AS article, a.published, q.kind, q.speaker_name AS speaker, "
              "q.source, q.cue, q.sourcing, q.polarity, q.mode, q.channel, q.content, q.start, "
              "q.\"end\""),
        records="a.id AS article, a.title AS article_title, a.published",
        data=("attributions", "q"))


def _events(*, actor: Optional[str] = None, target: Optional[str] = None,
            type: Optional[str] = None, modality: Optional[str] = None,
            article: Optional[str] = None, since: Optional[str] = None,
            until: Optional[str] = None, story: Optional[str] = None,
            dedupe: bool = False) -> _Query:
    """Events; ``actor``/``target`` match the words or the country code."""
    w = _Where()
    for column, value in (("actor", actor), ("target", target)):
        if value:
            w.add(f"(e.{column} ILIKE ? OR upper(e.{column}_country) = upper(?))",
                  f"%{value}%", value)
    w.equal("e.type", type)
    w.equal("e.modality", modality)
    w.article(article)
    w.dates(_EVENT_DATE, since, until)
    w.equal("a.story", story)
    w.dedupe(dedupe)
    # ``date`` is the event's own time when it has one; otherwise it is empty and
    # ``reported`` gives the publication date the event precedes ("on or before").
    return _Query(
        "events e JOIN articles a ON a.hash = e.article", w,
        f"{_EVENT_DATE} NULLS LAST, a.id, e.start",
        rows=(f"a.id AS article, {_OWN_DATE} AS date, e.type, e.mode, e.modality, "
              "json_extract_string(e.data, '$.content_modality') AS content_modality, "
              "e.actor, e.actor_country, e.trigger, e.target, e.target_country, e.place, "
              "e.time_value, CASE WHEN e.time_value IS NULL THEN a.published END AS "
              "reported, e.start, e.\"end\""),
        records=f"a.id AS article, a.title AS article_title, a.published, {_OWN_DATE} AS date",
        data=("events", "e"))


def _times(*, type: Optional[str] = None, value: Optional[str] = None,
           article: Optional[str] = None) -> _Query:
    w = _Where()
    w.equal("t.type", type)
    if value:
        w.add("t.value LIKE ?", f"{value}%")
    w.article(article)
    return _Query(
        "times t JOIN articles a ON a.hash = t.article", w, "a.id, t.start",
        rows=("a.id AS article, a.published, t.type, t.value, t.mod, t.text, t.start, "
              "t.\"end\""),
        records="a.id AS article, a.title AS article_title, a.published",
        data=("times", "t"))


def _quantities(*, unit: Optional[str] = None, min_value: Optional[float] = None,
                max_value: Optional[float] = None, article: Optional[str] = None) -> _Query:
    w = _Where()
    w.like("q.unit", unit)
    if min_value is not None:
        w.add("q.value >= ?", min_value)
    if max_value is not None:
        w.add("q.value <= ?", max_value)
    w.article(article)
    return _Query(
        "quantities q JOIN articles a ON a.hash = q.article", w, "a.id, q.start",
        rows="a.id AS article, q.value, q.unit, q.bound, q.text, q.start, q.\"end\"",
        records="a.id AS article, a.title AS article_title, a.published",
        data=("quantities", "q"))


def _failures() -> _Query:
    return _Query("failures", _Where(), "failed_at",
                  rows="origin, article_id, code, message, failed_at")


BUILDERS: dict[str, Callable[..., _Query]] = {
    "articles": _articles, "entities": _entities, "corpus-entities": _corpus_entities,
    "stories": _stories, "quotes": _quotes, "events": _events, "times": _times,
    "quantities": _quantities, "failures": _failures}


def rows(store: Store, what: str, /, *, limit: Optional[int] = None, offset: int = 0,
         **filters: Any):
    """(columns, rows) of one kind as flat columns: what ``newsgraph query`` prints."""
    q = BUILDERS[what](**filters)
    return _select(store, q, q.rows, limit, offset)


def records(store: Store, what: str, /, *, limit: int, offset: int = 0, **filters: Any):
    """(total, columns, rows) of one kind in record form (the stored JSON and its article):
    one page of what the API lists, and how many match in all."""
    q = BUILDERS[what](**filters)
    if q.data is None:
        columns, found = _select(store, q, q.records or q.rows, limit, offset)
        return _count(store, q), columns, found
    table, alias = q.data
    columns, found = _select(store, q, f"{alias}.rowid AS _row, {q.records}", limit, offset)
    data = dict(store.query(f"SELECT rowid, data FROM {table} WHERE rowid IN "
                            "(SELECT unnest(?))", [[row[0] for row in found]])[1])
    return (_count(store, q), [*columns[1:], "data"],
            [(*row[1:], data[row[0]]) for row in found])


def _flat(kind: str) -> Callable:
    def query(store: Store, *, limit: Optional[int] = None, offset: int = 0, **filters: Any):
        return rows(store, kind, limit=limit, offset=offset, **filters)
    query.__name__ = kind.replace("-", "_")
    query.__doc__ = BUILDERS[kind].__doc__
    return query


articles, entities, corpus_entities, stories, quotes, events, times, quantities, failures = (
    _flat(k) for k in BUILDERS)
