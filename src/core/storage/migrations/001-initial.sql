-- Portable SQL for SQLite and PostgreSQL: times are BIGINT epoch milliseconds, structured data is JSON in TEXT.

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX conversations_expires_at ON conversations (expires_at);

CREATE TABLE ref_counters (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE submissions (
  ref TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  compact TEXT NOT NULL,
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX submissions_kind ON submissions (kind);
CREATE INDEX submissions_user_id ON submissions (user_id);
CREATE INDEX submissions_created_at ON submissions (created_at);

CREATE TABLE processed_events (
  event_id TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL
);
CREATE INDEX processed_events_seen_at ON processed_events (seen_at);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  question TEXT NOT NULL,
  answer_keys TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX feedback_created_at ON feedback (created_at);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_log_created_at ON audit_log (created_at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
