-- Same as migrations/sqlite/0002_preferences_and_jobs.sql.
ALTER TABLE app_user ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE app_user ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE job_run (
  job          TEXT NOT NULL,
  period       TEXT NOT NULL,
  node         TEXT NOT NULL,
  started_at   BIGINT NOT NULL,
  lease_until  BIGINT NOT NULL,
  finished_at  BIGINT,
  attempts     INTEGER NOT NULL DEFAULT 1,
  outcome      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job, period)
);
