-- Sources and passages as they are live now; every change is also a row in revisions.
CREATE TABLE sources (
    id         TEXT PRIMARY KEY,
    data       TEXT NOT NULL,          -- JSON of the source fields
    status     TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'retired')),
    updated_at TEXT NOT NULL
);

CREATE TABLE passages (
    id            TEXT PRIMARY KEY,
    source_id     TEXT NOT NULL REFERENCES sources(id),
    side          TEXT NOT NULL,
    data          TEXT NOT NULL,       -- JSON of the passage fields
    digest        TEXT NOT NULL,       -- digest of data as live now
    import_digest TEXT,                -- digest of the knowledge/ version last imported
    status        TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'retired')),
    updated_at    TEXT NOT NULL
);
CREATE INDEX passages_source ON passages(source_id);

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL CHECK (entity IN ('source', 'passage')),
    entity_id  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'retire', 'restore')),
    data       TEXT,
    author     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX revisions_entity ON revisions(entity, entity_id);

-- Corpus-wide files (topics, glossary, timeline) and bookkeeping such as the knowledge/ digest.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Answers, so that a cited answer can be reopened exactly as it was shown.
CREATE TABLE answers (
    id          TEXT PRIMARY KEY,
    question    TEXT NOT NULL,
    language    TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    best_score  REAL NOT NULL,
    created_at  TEXT NOT NULL
);
