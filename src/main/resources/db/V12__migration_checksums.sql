-- The SHA-256 of each migration's text as it was applied (qantar.store.Migrations): a migration
-- edited after it ran is refused at start instead of leaving databases with different schemas.
-- Rows applied before this column existed get theirs from the text this program ships.
ALTER TABLE schema_version ADD COLUMN checksum TEXT;
