-- Questions kept for review (declined, "did you mean", 👎) and the decisions on them. An accepted question
-- (status example or out-of-scope, with its label) is a live example until `review export` writes it into
-- knowledge/. asker is a salted hash, only to count distinct askers; question is stored with emails and
-- phone numbers masked.
CREATE TABLE review_questions (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  channel TEXT NOT NULL,
  asker TEXT NOT NULL,
  reason TEXT NOT NULL,
  reply TEXT NOT NULL,
  candidates TEXT NOT NULL,
  pressed TEXT NOT NULL,
  status TEXT NOT NULL,
  label TEXT,
  decided_by TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX review_questions_status ON review_questions (status);
CREATE INDEX review_questions_created_at ON review_questions (created_at);
