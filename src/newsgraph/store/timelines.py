"""Cross-article reads: a story in time order, an entity's timeline, a story's network.

These read the links the corpus layer writes (``articles.story``, ``copy_group``,
``entities.corpus_entity``).  An attribution's speaker and an event's actor and target
are per-article entity ids; joining them to ``entities`` gives their corpus entity, which
is what lets "what did this person say, across all articles" be one query.  An event's
place is a per-article entity id too (in its JSON), so a place's timeline holds the
events located there, and the articles naming it.  Copies are counted once: a row from a
copy is kept only when the article naming its copy group does not hold the same record
(same kind, same corpus entity, same words), and an article row only for the first
article of its copy group that names the place.
"""

from __future__ import annotations

from typing import Optional

from ..errors import NewsgraphError
from .db import Store
from .queries import _EVENT_DATE

# Each record becomes: date, kind, article, copy_of, who, what, detail, start, end; and, for
# counting copies once, seq, hash, copy_root and who_entity (the speaker's or actor's corpus
# entity).  ``@JOIN`` picks the records: all of them, or those of some entities.
_QUOTE_ROWS = """
    SELECT a.published AS date, 'quote' AS kind, a.id AS article, a.copy_group AS copy_of,
           coalesce(q.speaker_name, q.source) AS who, q.content AS what,
           q.kind || ' / ' || q.sourcing || CASE WHEN q.polarity = 'negated'
               THEN ' / negated' ELSE '' END AS detail,
           q.start, q."end", a.seq, a.hash, a.copy_root, @WHO AS who_entity
    FROM attributions q JOIN articles a ON a.hash = q.article @JOIN
"""
_EVENT_ROWS = f"""
    SELECT {_EVENT_DATE} AS date, 'event' AS kind, a.id AS article, a.copy_group AS copy_of,
           e.actor AS who, e.type || ': ' || coalesce(e.actor, '?') || ' ' || e.trigger
               || coalesce(' ' || e.target, '') AS what,
           e.modality || coalesce(' / ' || e.place, '') AS detail,
           e.start, e."end", a.seq, a.hash, a.copy_root, @WHO AS who_entity
    FROM events e JOIN articles a ON a.hash = e.article @JOIN
"""


def _rows(template: str, who: str, join: str) -> str:
    return template.replace("@WHO", who).replace("@JOIN", join)


def _spoke(alias: str) -> str:
    """The entity ``alias`` said the attribution ``q``: its speaker, or one of the sources
    named together (``speakers`` in the record's JSON: "Mayor X and Chief Y said")."""
    return (f"({alias}.id = q.speaker OR "
            f"list_contains(json_extract_string(q.data, '$.speakers[*]'), {alias}.id))")


_QUOTES = _rows(_QUOTE_ROWS,
    who="x.corpus_entity",
    join="LEFT JOIN entities x ON x.article = q.article AND x.id = q.speaker")
_EVENTS = _rows(_EVENT_ROWS,
    who="xa.corpus_entity",
    join="LEFT JOIN entities xa ON xa.article = e.article AND xa.id = e.actor_entity")
# An entity's own records: its mentions (a few thousand rows) joined to the records, not every
# record joined to every entity (1 s on 100k articles against 0.1 s).
_MINE = ("WITH mine AS MATERIALIZED (SELECT article, id, corpus_entity FROM entities "
         "WHERE corpus_entity IN (SELECT unnest(?)))")
_MY_QUOTES = _rows(_QUOTE_ROWS,
    who="m.corpus_entity",
    join=f"JOIN mine m ON m.article = q.article AND {_spoke('m')}")
# as actor or target, or as its place (a place neither says nor does: what happened there)
_MY_EVENTS = _rows(_EVENT_ROWS,
    who="CASE WHEN m.id = e.actor_entity THEN m.corpus_entity END",
    join="JOIN mine m ON m.article = e.article "
         "AND (m.id = e.actor_entity OR m.id = e.target_entity "
         "OR m.id = json_extract_string(e.data, '$.place'))")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# The articles naming a place (a person's or organisation's articles are their own list,
# `query entities`): one row per report, the copy group's first article that names it.
_MY_ARTICLES = f"""
    SELECT a.published AS date, 'article' AS kind, a.id AS article, a.copy_group AS copy_of,
           a.source AS who, coalesce(a.title, '') AS what,
           CAST(n.mentions AS TEXT) || CASE WHEN n.mentions = 1 THEN ' mention'
               ELSE ' mentions' END AS detail,
           NULL AS start, NULL AS "end"
    FROM (SELECT m.article, sum(x.mentions) AS mentions FROM mine m
          JOIN corpus_entities c ON c.id = m.corpus_entity AND c.label IN {PLACE_LABELS}
          JOIN entities x ON x.article = m.article AND x.id = m.id GROUP BY m.article) n
    JOIN articles a ON a.hash = n.article
    QUALIFY row_number() OVER (PARTITION BY coalesce(a.copy_root, a.hash)
        ORDER BY (a.copy_root IS NULL OR a.copy_root = a.hash) DESC, a.seq) = 1
"""
_COLUMNS = ["date", "kind", "article", "copy_of", "who", "what", "detail", "start", "end"]
# A record of a copy whose group's named article holds the same record is left out.
_ONCE = """
    QUALIFY row_number() OVER (
        PARTITION BY kind, coalesce(who_entity, who), what, coalesce(copy_root, hash)
        ORDER BY (copy_root IS NULL OR copy_root = hash) DESC, seq, start) = 1
"""


def _once(select: str) -> str:
    return f"SELECT * FROM ({select}) r {_ONCE}"


def _story_exists(store: Store, story: str) -> None:
    if store.con.execute("SELECT 1 FROM stories WHERE id = ?", [story]).fetchone() is None:
        raise NewsgraphError(f"no story {story!r}; list them with `newsgraph query stories`")


def story(store: Store, story_id: str, *, limit: Optional[int] = None):
    """A story's articles (with their copies), quotes and events, in time order."""
    _story_exists(store, story_id)
    articles = """
        SELECT a.published AS date, 'article' AS kind, a.id AS article,
               a.copy_group AS copy_of, a.source AS who, coalesce(a.title, '') AS what,
               CAST(a.words AS TEXT) || ' words' AS detail, NULL AS start, NULL AS "end",
               a.seq
        FROM articles a WHERE a.story = ?"""
    cols = ", ".join(f'"{c}"' for c in _COLUMNS)
    sql = (f"SELECT {cols} FROM ({articles}) "
           f"UNION ALL SELECT {cols} FROM ({_once(_QUOTES + ' WHERE a.story = ?')}) "
           f"UNION ALL SELECT {cols} FROM ({_once(_EVENTS + ' WHERE a.story = ?')}) "
           "ORDER BY date NULLS LAST, article, kind = 'article' DESC, start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, [story_id, story_id, story_id])


def find_corpus_entities(store: Store, name: str) -> list[str]:
    """Corpus entity ids for a name: its id, else an exact name or variant, else names
    containing it; case and accents do not matter ("elodie" finds "Élodie"), and ``%`` or
    ``_`` are plain characters."""
    fold = "lower(strip_accents({}))"
    exact = store.con.execute(
        f"SELECT id FROM corpus_entities WHERE id = ? OR {fold.format('name')} = "
        f"{fold.format('?')} OR list_contains(list_transform(json_extract_string(data, "
        f"'$.variants[*]'), lambda v: {fold.format('v')}), {fold.format('?')}) "
        "ORDER BY articles DESC, id", [name, name, name]).fetchall()
    if exact:
        return [r[0] for r in exact]
    like = store.con.execute(
        f"SELECT id FROM corpus_entities WHERE contains({fold.format('name')}, "
        f"{fold.format('?')}) ORDER BY articles DESC, id", [name]).fetchall()
    return [r[0] for r in like]


def entity_timeline(store: Store, name: str, *, limit: Optional[int] = None):
    """What an entity said (quotes) and did (events as actor), what was done to it
    (events as target) and, for a place, what happened there (events located there)
    and the articles naming it, by date across articles, copies counted once."""
    ids = find_corpus_entities(store, name)
    if not ids:
        raise NewsgraphError(f"no corpus entity named {name!r}; list them with "
                             "`newsgraph query corpus-entities --name ...`")
    cols = ", ".join(f'"{c}"' for c in _COLUMNS)
    sql = (f"{_MINE} SELECT {cols} FROM ({_once(_MY_QUOTES)}) "
           f"UNION ALL SELECT {cols} FROM ({_once(_MY_EVENTS)}) "
           f"UNION ALL SELECT {cols} FROM ({_MY_ARTICLES}) "
           "ORDER BY date NULLS LAST, article, kind = 'article' DESC, start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, [ids])


def network(store: Store, story_id: Optional[str] = None, *, limit: Optional[int] = None):
    """Who quotes, accuses, supports whom: directed edges between corpus entities.

    An event gives actor -> target under its PLOVER type (ACCUSE, SUPPORT, ...); a quote
    gives speaker -> each person or organisation named inside the quoted words, as
    ``SPEAKS_ABOUT``.  ``reports`` counts copies once.
    """
    if story_id:
        _story_exists(store, story_id)
    where = "WHERE a.story = ?" if story_id else ""
    params = [story_id] * 2 if story_id else []
    quoted = f"""
        SELECT DISTINCT coalesce(a.copy_root, a.hash) AS report, xs.corpus_entity AS src,
               'SPEAKS_ABOUT' AS relation, xm.corpus_entity AS dst, a.id AS article
        FROM attributions q JOIN articles a ON a.hash = q.article
        JOIN entities xs ON xs.article = q.article AND {_spoke('xs')}
        JOIN entities xm ON xm.article = q.article AND xm.corpus_entity IS NOT NULL
             AND xm.label IN ('PERSON', 'ORG')
             AND xm.corpus_entity <> xs.corpus_entity
             AND len(list_filter(CAST(json_extract(xm.data, '$.mentions')
                 AS STRUCT(start INTEGER, "end" INTEGER, text TEXT, kind TEXT)[]),
                 lambda m: m.start >= q.start AND m."end" <= q."end")) > 0
        {where}"""
    acted = f"""
        SELECT DISTINCT coalesce(a.copy_root, a.hash) AS report, xa.corpus_entity AS src,
               e.type AS relation, xt.corpus_entity AS dst, a.id AS article
        FROM events e JOIN articles a ON a.hash = e.article
        JOIN entities xa ON xa.article = e.article
             AND xa.id = e.actor_entity
        JOIN entities xt ON xt.article = e.article
             AND xt.id = e.target_entity
        {where}"""
    sql = f"""
        SELECT s.name AS source, r.relation, d.name AS target,
               count(DISTINCT r.report) AS reports, string_agg(DISTINCT r.article, ', ')
               AS articles, r.src AS source_entity, r.dst AS target_entity
        FROM ({quoted} UNION ALL {acted}) r
        JOIN corpus_entities s ON s.id = r.src JOIN corpus_entities d ON d.id = r.dst
        GROUP BY ALL ORDER BY reports DESC, source, relation, target"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)
