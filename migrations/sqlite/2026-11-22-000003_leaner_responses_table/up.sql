-- A leaner responses table for million-row imports:
-- * no AUTOINCREMENT: a plain INTEGER PRIMARY KEY still numbers rows in insertion order (new
--   ids are always above every existing one), without updating sqlite_sequence on every insert;
-- * one index: the unique (journey_id, source, response_key) index also finds a journey's
--   responses, so the (journey_id, id) index only made every insert update one more B-tree.
CREATE TABLE responses_new (
    id INTEGER PRIMARY KEY NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('customer', 'employee')),
    response_key TEXT NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    stage TEXT,
    touchpoint TEXT,
    segment TEXT,
    language TEXT,
    recorded_at TEXT,
    text TEXT,
    ratings TEXT NOT NULL,
    original TEXT,
    UNIQUE (journey_id, source, response_key)
);
INSERT INTO responses_new
    SELECT id, journey_id, source, response_key, import_id, stage, touchpoint, segment, language,
           recorded_at, text, ratings, original
    FROM responses;
DROP TABLE responses;
ALTER TABLE responses_new RENAME TO responses;
