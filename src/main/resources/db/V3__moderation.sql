-- Moderation: roles, the audit log, proposals waiting for review, citizens' reports.
-- Nothing here is deleted: a revoked role keeps its row, a decided proposal keeps its decision.
CREATE TABLE mod_roles (
    user_id    INTEGER PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('citizen', 'moderator', 'admin')),
    changed_by INTEGER,                -- NULL for administrators taken from QANTAR_ADMINS
    changed_at TEXT NOT NULL
);

-- Small facts of the moderation state: whether QANTAR_ADMINS was taken, the salt for user hashes.
CREATE TABLE mod_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every moderation action and every refused attempt. target is what it was about (a user, a
-- proposal, a passage); detail is free text for people, never a citizen's message.
CREATE TABLE mod_audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   INTEGER NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'error')),
    detail  TEXT
);
CREATE INDEX mod_audit_actor ON mod_audit(actor);

-- A change of the corpus waiting for another moderator. kind: create/update/retire a passage, or
-- a whole source file (bulk upload or a new source with its passages). data is the passage JSON
-- or the source file's YAML; base_digest is the live digest an edit was made against.
CREATE TABLE mod_proposals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('create', 'update', 'retire', 'source')),
    passage_id    TEXT,
    source_id     TEXT NOT NULL,
    data          TEXT,
    base_digest   TEXT,
    reason        TEXT NOT NULL,
    author        INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reviewer      INTEGER,
    reviewed_at   TEXT,
    review_reason TEXT
);
CREATE INDEX mod_proposals_pending ON mod_proposals(status, id);

-- Citizens' reports on answers (thumbs down with a reason). The user is kept only as a salted hash.
CREATE TABLE mod_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id   TEXT NOT NULL,
    user_hash   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    comment     TEXT,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'not_an_issue')),
    resolved_by INTEGER,
    resolved_at TEXT,
    note        TEXT
);
CREATE INDEX mod_reports_open ON mod_reports(status, id);
