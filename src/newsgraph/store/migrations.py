"""Schema migrations: named, applied in order, each recorded once in ``migrations``.

Add a migration by appending ``(name, sql)``; never edit one that has shipped.
Record tables keep a few columns to filter and sort on, and the whole record
as JSON in ``data`` so a stage can add fields without a migration.
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE articles (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT, url TEXT, source TEXT, author TEXT,
            published DATE,
            origin TEXT,
            text TEXT NOT NULL,
            words INTEGER,
            stages TEXT,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE failures (
            origin TEXT, article_id TEXT, code TEXT, message TEXT,
            failed_at TIMESTAMP DEFAULT current_timestamp
        );
    """),
    ("0002_records", """
        CREATE TABLE entities (
            article TEXT NOT NULL, id TEXT NOT NULL, label TEXT, name TEXT,
            roles TEXT, mentions INTEGER, stage TEXT, data JSON,
            PRIMARY KEY (article, id)
        );
        CREATE TABLE attributions (
            article TEXT NOT NULL, id TEXT NOT NULL, kind TEXT, speaker TEXT, speaker_name TEXT,
            sourcing TEXT, channel TEXT, cue TEXT, source TEXT, content TEXT,
            start INTEGER, "end" INTEGER, stage TEXT, data JSON,
            PRIMARY KEY (article, id)
        );
        CREATE TABLE events (
            article TEXT NOT NULL, id TEXT NOT NULL, type TEXT, mode TEXT, modality TEXT,
            trigger TEXT, actor TEXT, actor_country TEXT, target TEXT, target_country TEXT,
            time_value TEXT, place TEXT, start INTEGER, "end" INTEGER, stage TEXT, data JSON,
            PRIMARY KEY (article, id)
        );
        CREATE TABLE times (
            article TEXT NOT NULL, id TEXT NOT NULL, type TEXT, value TEXT, mod TEXT,
            text TEXT, start INTEGER, "end" INTEGER, stage TEXT, data JSON,
            PRIMARY KEY (article, id)
        );
        CREATE TABLE quantities (
            article TEXT NOT NULL, id TEXT NOT NULL, value DOUBLE, unit TEXT, bound TEXT,
            text TEXT, start INTEGER, "end" INTEGER, stage TEXT, data JSON,
            PRIMARY KEY (article, id)
        );
    """),
    ("0003_attribution_polarity", """
        ALTER TABLE attributions ADD COLUMN polarity TEXT;
        UPDATE attributions SET polarity = coalesce(json_extract_string(data, '$.polarity'),
                                                    'positive');
    """),
    ("0004_corpus", """
        ALTER TABLE articles ADD COLUMN seq BIGINT;
        UPDATE articles SET seq = r.n FROM (
            SELECT hash, row_number() OVER (ORDER BY ingested_at, hash) AS n FROM articles) r
        WHERE articles.hash = r.hash;
        ALTER TABLE articles ADD COLUMN story TEXT;
        ALTER TABLE articles ADD COLUMN copy_group TEXT;
        ALTER TABLE articles ADD COLUMN copy_score DOUBLE;
        ALTER TABLE entities ADD COLUMN corpus_entity TEXT;
        CREATE TABLE stories (
            id TEXT PRIMARY KEY, label TEXT, first DATE, last DATE, articles INTEGER,
            entities JSON
        );
        CREATE TABLE corpus_entities (
            id TEXT PRIMARY KEY, label TEXT, name TEXT, articles INTEGER, mentions INTEGER,
            data JSON
        );
        CREATE TABLE corpus_state (key TEXT PRIMARY KEY, value TEXT);
    """),
    ("0005_copy_root", """
        ALTER TABLE articles ADD COLUMN copy_root TEXT;
    """),
    # The entity ids of an event's actor and target as columns: timelines and networks join
    # them to corpus entities, and reading them out of the JSON cost 1 s on 100k articles.
    ("0006_event_entities", """
        ALTER TABLE events ADD COLUMN actor_entity TEXT;
        ALTER TABLE events ADD COLUMN target_entity TEXT;
        UPDATE events SET actor_entity = json_extract_string(data, '$.actor.entity'),
                          target_entity = json_extract_string(data, '$.target.entity');
    """),
    # Speech or a state of mind ("believes", "fears"): readers of "who said what" filter on
    # it. Records stored before it are read from their JSON; older ones had no mode: speech.
    ("0007_attribution_mode", """
        ALTER TABLE attributions ADD COLUMN mode TEXT;
        UPDATE attributions SET mode = coalesce(json_extract_string(data, '$.mode'), 'speech');
    """),
]
