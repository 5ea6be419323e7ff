-- Per-user console preferences (column settings and the like; the language is
-- app_user.locale), versioned on their own so saving a column layout never collides with
-- an administrator editing the user.
ALTER TABLE app_user ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE app_user ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 1;

-- Periodic jobs: one row per job and period. The node that inserts the row runs the job;
-- a node that finds an unfinished row whose lease has expired takes it over.
CREATE TABLE job_run (
  job          TEXT NOT NULL,
  period       TEXT NOT NULL,
  node         TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  lease_until  INTEGER NOT NULL,
  finished_at  INTEGER,
  attempts     INTEGER NOT NULL DEFAULT 1,
  outcome      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job, period)
);
