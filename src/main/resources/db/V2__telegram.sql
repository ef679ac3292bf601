-- Telegram: the getUpdates offset, every update received (so none is lost or handled twice),
-- the outbox of messages to deliver, users' chosen language, and feedback on answers.
CREATE TABLE tg_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- An update is stored before Telegram is told it was received; handled_at is set in the same
-- transaction that puts its replies into tg_outbox.
CREATE TABLE tg_updates (
    update_id   INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    handled_at  TEXT
);
CREATE INDEX tg_updates_pending ON tg_updates(handled_at) WHERE handled_at IS NULL;

-- Bot API calls waiting to be delivered, in order per chat. sent_at is set once the Bot API
-- accepted the call; failed holds the reason Telegram refused it for good.
CREATE TABLE tg_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    update_id  INTEGER,
    chat_id    INTEGER,
    paced      INTEGER NOT NULL,
    method     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    failed     TEXT
);
CREATE INDEX tg_outbox_unsent ON tg_outbox(id) WHERE sent_at IS NULL AND failed IS NULL;

CREATE TABLE tg_users (
    user_id    INTEGER PRIMARY KEY,
    lang       TEXT,
    updated_at TEXT NOT NULL
);

-- Votes and complaints on answers, for moderators.
CREATE TABLE tg_feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id  TEXT NOT NULL,
    user_id    INTEGER NOT NULL,
    chat_id    INTEGER,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    reason     TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX tg_feedback_answer ON tg_feedback(answer_id);
