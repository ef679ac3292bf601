-- Who reported what is now an HMAC of the user id under a key kept outside the database
-- (QANTAR_SECRET or secret.key). The old hashes were keyed by a salt stored here, so anyone with
-- the file could recover the ids: they are replaced by values that name nobody, and the salt goes.
UPDATE mod_reports SET user_hash = 'old-' || id;
DELETE FROM mod_state WHERE key = 'user_salt';
