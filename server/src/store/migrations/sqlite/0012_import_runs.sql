-- Import runs (导入记录): every CSV import, from the CLI or the API, with its progress
-- (written in the same transaction as each batch of rows) and the first 1,000 rows it
-- refused. created_by NULL: the command line.
CREATE TABLE import_run (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL,                  -- customers | transactions
  status            TEXT NOT NULL,                  -- queued | running | succeeded | failed | cancelled | interrupted
  file_name         TEXT NOT NULL DEFAULT '',
  bytes_total       INTEGER NOT NULL,
  bytes_done        INTEGER NOT NULL DEFAULT 0,
  rows_read         INTEGER NOT NULL DEFAULT 0,
  imported          INTEGER NOT NULL DEFAULT 0,
  rejected          INTEGER NOT NULL DEFAULT 0,
  error             TEXT,
  cancel_requested  INTEGER NOT NULL DEFAULT 0,
  created_by        INTEGER REFERENCES app_user(id),
  node              TEXT NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL,
  started_at        INTEGER,
  finished_at       INTEGER,
  heartbeat_at      INTEGER NOT NULL
);
-- A node's queued runs, touched with every batch of the run ahead of them.
CREATE INDEX import_run_queued ON import_run (node) WHERE status = 'queued';

CREATE TABLE import_reject (
  import_run_id  INTEGER NOT NULL REFERENCES import_run(id),
  line           INTEGER NOT NULL,
  column_name    TEXT NOT NULL,
  reason         TEXT NOT NULL,
  PRIMARY KEY (import_run_id, line, column_name)
);
