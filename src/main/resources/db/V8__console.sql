-- The moderation console on the web. A login link is signed with a key kept outside the database
-- (QANTAR_SECRET or secret.key in the data folder); only its nonce is stored here, once used, so
-- a link works once. A session is stored as the SHA-256 of its cookie, never the cookie itself.
CREATE TABLE console_links_used (
    nonce   TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL,
    used_at TEXT NOT NULL
);

CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    lang       TEXT NOT NULL,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions(user_id);
