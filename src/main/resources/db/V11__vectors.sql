-- Passage vectors by model and hash of the embedded text (qantar.store.VectorStore): a lost or
-- rebuilt index takes them from here instead of embedding every passage again.
CREATE TABLE IF NOT EXISTS vectors (
    model     TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector    BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
