-- One vote per user and answer: voter is an HMAC of user and answer under the key outside the
-- database, so a repeated press is ignored without keeping who pressed.
ALTER TABLE tg_feedback ADD COLUMN voter TEXT;
CREATE UNIQUE INDEX tg_feedback_one_vote ON tg_feedback(answer_id, vote, voter) WHERE voter IS NOT NULL;
