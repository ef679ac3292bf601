-- Votes on answers are counted without who gave them; who reported what is kept only in
-- mod_reports, as a salted hash. Feedback stored before this rule loses its raw user and chat ids.
UPDATE tg_feedback SET user_id = 0, chat_id = NULL;
