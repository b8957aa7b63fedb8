-- Journeys are stored as the TOML document the user wrote: re-reading it gives exactly the
-- journey (ids, aliases, targets), and a newer version of the file replaces it.
CREATE TABLE journeys (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per `curva import` run of one file.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('customer', 'employee')),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    redactions INTEGER NOT NULL,
    problems TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Responses keep the raw stage/touchpoint values, not the matched ids, so that a better
-- journey file (new aliases) re-places stored responses without re-importing anything.
CREATE TABLE responses (
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
    UNIQUE (journey_id, source, response_key)
);

CREATE INDEX responses_by_journey ON responses (journey_id, id);
CREATE INDEX imports_by_journey ON imports (journey_id, id);
