"""The DuckDB store: recorded migrations, atomic per-article writes, idempotence."""

import duckdb
import pytest

from newsgraph.errors import ArticleError, StoreError
from newsgraph.model import Article, Entity, Mention, Span
from newsgraph.pipeline import Analysis
from newsgraph.store import Store
from newsgraph.store import queries
from newsgraph.store.migrations import MIGRATIONS


def analysis_of(text: str, id: str = "a1", **fields) -> Analysis:
    """An Analysis with one hand-made entity (no parse needed to test the store)."""
    analysis = Analysis(Article(id=id, text=text, **fields))
    analysis.entities.append(Entity(id="E1", label="PERSON", name="Ada Brook",
                                    mentions=[Mention(Span.of(text, 0, 9))], stage="entities@1.0"))
    return analysis


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    with Store(db) as store:
        assert store.migrate() == []


def test_a_reader_of_an_older_file_is_told_how_to_upgrade_it(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP)")
    for name, sql in MIGRATIONS[:-1]:
        con.execute(sql)
        con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
    con.close()
    with pytest.raises(StoreError, match="older newsgraph.*relink"):
        Store(path, read_only=True)
    with Store(path) as store:  # a writer migrates it
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    Store(path, read_only=True).close()


def test_save_is_idempotent_by_content_hash(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.save(analysis_of("Ada Brook said the plan works.", published="2025-01-02"))
        assert not store.save(analysis_of("Ada Brook said the plan works.", id="copy"))
        counts = store.counts()
        assert counts["articles"] == 1 and counts["entities"] == 1
        columns, rows = queries.entities(store, name="brook")
        row = dict(zip(columns, rows[0]))
        assert (row["name"], row["label"], row["article"]) == ("Ada Brook", "PERSON", "a1")
        assert [(m["start"], m["end"]) for m in row["mentions"]] == [(0, 9)]


def test_a_failing_write_leaves_nothing_behind(tmp_path):
    analysis = analysis_of("Ada Brook said the plan works.")
    analysis.entities.append(analysis.entities[0])  # duplicate (article, id) key
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(duckdb.Error):
            store.save(analysis)
        assert store.counts()["articles"] == 0 and store.counts()["entities"] == 0
        assert store.save(analysis_of("Ada Brook said the plan works."))


def test_failures_are_recorded(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.record_failure(ArticleError("file is empty", origin="x.txt", code="empty"))
        _, rows = queries.failures(store)
        assert rows[0][:4] == ("x.txt", None, "empty", "file is empty")


def test_query_filters_by_date(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis_of("Ada Brook spoke in March.", id="m", published="2025-03-01"))
        store.save(analysis_of("Ada Brook spoke in June.", id="j", published="2025-06-01"))
        _, rows = queries.articles(store, since="2025-04-01")
        assert [r[0] for r in rows] == ["j"]
        _, rows = queries.articles(store, until="2025-04-01", search="march")
        assert [r[0] for r in rows] == ["m"]


def test_read_only_store_cannot_be_opened_missing(tmp_path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError):
        Store(tmp_path / "missing" / "x.duckdb")


def test_quotes_by_speaker_words_and_by_exact_entity_name(tmp_path):
    from newsgraph.model import Attribution

    text = "Ada Brook said the plan works. Her aide, Ada Brookes, said it does not."
    analysis = analysis_of(text, id="q", published="2025-02-01")
    first = text.index("the plan works")
    second = text.index("it does not")
    analysis.attributions = [
        Attribution("A1", "indirect", Span.of(text, first, first + 14),
                    source=Span.of(text, 0, 9), speaker="E1", speaker_name="Ada Brook",
                    sourcing="named_person"),
        Attribution("A2", "indirect", Span.of(text, second, second + 11),
                    source=Span.of(text, 41, 52), speaker_name="Ada Brookes",
                    sourcing="named_person")]
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        _, rows = queries.quotes(store, speaker="brook")
        assert len(rows) == 2
        _, rows = queries.quotes(store, entity="ada brook")
        assert [r[3] for r in rows] == ["Ada Brook"]
        _, rows = queries.quotes(store, speaker="brook", since="2025-03-01")
        assert rows == []


def test_events_by_actor_country_type_and_event_date(tmp_path):
    from newsgraph.model import Actor, Event

    text = "Carvia shelled the border town on Monday and will open talks with Dunmark in May."
    analysis = analysis_of(text, id="ev", published="2025-03-05")

    def s(words):
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    analysis.events = [
        Event("V1", "ASSAULT", s("shelled"), actor=Actor(s("Carvia"), country="CRV"),
              target=Actor(s("the border town")), time_value="2025-03-03"),
        Event("V2", "CONSULT", s("talks"), actor=Actor(s("Carvia"), country="CRV"),
              target=Actor(s("Dunmark"), country="DNM"), modality="planned",
              time_value="2025-05")]
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        _, rows = queries.events(store, actor="crv")
        assert [r[2] for r in rows] == ["ASSAULT", "CONSULT"]
        _, rows = queries.events(store, actor="Carvia", type="assault", until="2025-03-04")
        assert [r[1].isoformat() for r in rows] == ["2025-03-03"]
        _, rows = queries.events(store, target="DNM", modality="planned")
        assert [r[2] for r in rows] == ["CONSULT"]  # a month counts from its first day
        assert rows[0][1].isoformat() == "2025-05-01"


def test_negated_speech_is_stored_with_its_polarity_and_filterable(tmp_path):
    from newsgraph.model import Attribution

    text = "Ada Brook refused to say whether the plan works. Ada Brook said the team is ready."
    analysis = analysis_of(text)
    spans = [(text.index(words), text.index(words) + len(words), polarity) for words, polarity
             in (("whether the plan works", "negated"), ("the team is ready", "positive"))]
    for n, (a, b, polarity) in enumerate(spans):
        analysis.attributions.append(Attribution(
            id=f"A{n + 1}", kind="indirect", content=Span.of(text, a, b), speaker="E1",
            speaker_name="Ada Brook", polarity=polarity, stage="attributions@2.3"))
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        _, negated = queries.quotes(store, polarity="negated")
        _, positive = queries.quotes(store, polarity="positive")
    assert [r[-3] for r in negated] == ["whether the plan works"]
    assert [r[-3] for r in positive] == ["the team is ready"]


def test_thought_is_stored_apart_from_speech_and_filterable(tmp_path):
    from newsgraph.model import Attribution

    text = "Ada Brook believes the plan works. Ada Brook said the team is ready."
    analysis = analysis_of(text)
    for n, (words, mode) in enumerate((("the plan works", "thought"),
                                       ("the team is ready", "speech"))):
        a = text.index(words)
        analysis.attributions.append(Attribution(
            id=f"A{n + 1}", kind="indirect", content=Span.of(text, a, a + len(words)),
            speaker="E1", speaker_name="Ada Brook", mode=mode, stage="attributions@2.3"))
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        _, thought = queries.quotes(store, mode="thought")
        _, speech = queries.quotes(store, mode="speech")
    assert [r[-3] for r in thought] == ["the plan works"]
    assert [r[-3] for r in speech] == ["the team is ready"]


def _store_before(db, migrations: int, *rows: str) -> None:
    """A store file as an older version left it: the first ``migrations`` applied, and
    attribution rows (SQL value tuples) stored with only their JSON."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP)")
    for name, sql in MIGRATIONS[:migrations]:
        con.execute(sql)
        con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
    con.execute("INSERT INTO attributions (article, id, content, data) VALUES " + ", ".join(rows))
    con.close()


def test_mode_migration_backfills_records_stored_before_it(tmp_path):
    db = tmp_path / "old.duckdb"
    _store_before(db, 6, "('h', 'A1', 'x', '{\"kind\": \"direct\"}')",
                  "('h', 'A2', 'y', '{\"kind\": \"indirect\", \"mode\": \"thought\"}')")
    with Store(db) as store:
        assert "0007_attribution_mode" in store.migrations()
        assert store.con.execute("SELECT id, mode FROM attributions ORDER BY id").fetchall() \
            == [("A1", "speech"), ("A2", "thought")]


def test_polarity_migration_backfills_records_stored_before_it(tmp_path):
    db = tmp_path / "old.duckdb"
    _store_before(db, 2, "('h', 'A1', 'x', '{\"kind\": \"direct\"}')")
    with Store(db) as store:
        assert "0003_attribution_polarity" in store.migrations()
        assert store.con.execute("SELECT polarity FROM attributions").fetchall() == [("positive",)]


def test_a_failure_seen_again_is_recorded_once(tmp_path):
    from newsgraph.errors import EncodingError
    from newsgraph.store import Store

    with Store(tmp_path / "f.duckdb") as store:
        for _ in range(2):
            store.record_failure(EncodingError("not valid UTF-8", origin="in/a.txt"))
        store.record_failure(EncodingError("not valid UTF-8", origin="in/b.txt"))
        assert store.counts()["failures"] == 2


def test_a_text_that_failed_in_analysis_is_tried_again_when_a_copy_comes_later(tmp_path):
    """A failure stores nothing, so the same text later in the run is not a duplicate."""
    from newsgraph.store.writer import BatchWriter

    article = Article(id="first", text="The ferry left the harbour at noon with forty people.")
    writer = BatchWriter(tmp_path / "w.duckdb", {}, link=False)
    assert writer.is_new(article.hash)
    writer.add(ArticleError("took too long", article_id="first", code="timeout",
                            content_hash=article.hash))
    assert writer.is_new(article.hash)  # the later copy is parsed, not skipped
    writer.add(ArticleError("took too long", article_id="again", code="timeout",
                            content_hash=article.hash))
    counts = writer.close()
    assert (counts.failed, counts.duplicates, counts.stored) == (2, 0, 0)
