-- Report handling: every status change with who made it and their note, and when a reminder last went out.

CREATE TABLE report_status_changes (
  id TEXT PRIMARY KEY,
  ref TEXT NOT NULL REFERENCES submissions (ref) ON DELETE CASCADE,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX report_status_changes_ref ON report_status_changes (ref, changed_at);

ALTER TABLE submissions ADD COLUMN reminded_at BIGINT;
