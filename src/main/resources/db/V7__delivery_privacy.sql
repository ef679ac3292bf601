-- Handled updates and finished outbox calls keep only ids and states: what citizens wrote, what
-- they were sent and who they are is dropped once delivery no longer needs it. attempted_at marks
-- a call that went out at least once, so a repeat after a crash or a timeout is shown as one.
ALTER TABLE tg_outbox ADD COLUMN attempted_at TEXT;
UPDATE tg_updates SET data = '' WHERE handled_at IS NOT NULL;
UPDATE tg_outbox SET payload = '', chat_id = NULL WHERE sent_at IS NOT NULL OR failed IS NOT NULL;
