CREATE TABLE responses_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
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
INSERT INTO responses_old SELECT * FROM responses;
DROP TABLE responses;
ALTER TABLE responses_old RENAME TO responses;
CREATE INDEX responses_by_journey ON responses (journey_id, id);
