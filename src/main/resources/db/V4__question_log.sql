-- Every time a question is answered (the answer itself is stored once per id in answers), so that
-- gaps and stats count how often something is asked. No user ids: asking stays anonymous.
CREATE TABLE question_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL REFERENCES answers(id),
    asked_at  TEXT NOT NULL
);
CREATE INDEX question_log_asked ON question_log(asked_at);
