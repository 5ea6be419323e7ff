-- Bulk-access alerts (批量访问预警): thresholds per role over a window, the alerts the
-- access.watch job raises, and the customers each alert's user read most. And every user's
-- default account team, applied to the customers they own.

-- One row: the window over which reads are counted, versioned with the thresholds.
CREATE TABLE access_alert_settings (
  singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
  window_minutes  INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO access_alert_settings (singleton, window_minutes) VALUES (1, 10);

-- The most distinct customers a user of the role may read within the window without an
-- alert; NULL: the role never alerts. Front-line roles see their own accounts, directors and
-- service agents a region; specialists, executives and administrators see everything by duty.
CREATE TABLE access_alert_threshold (
  role       TEXT PRIMARY KEY,
  threshold  INTEGER
);
INSERT INTO access_alert_threshold (role, threshold) VALUES
  ('admin', NULL), ('executive', NULL), ('director', 1000), ('kam', 200), ('assistant', 200),
  ('specialist', NULL), ('service', 1000), ('sales', 200);

CREATE TABLE access_alert (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES app_user(id),
  role             TEXT NOT NULL,
  customers        INTEGER NOT NULL,                -- distinct customers read in the window
  reads            INTEGER NOT NULL,                -- access-log entries in the window
  threshold        INTEGER NOT NULL,
  window_start     INTEGER NOT NULL,
  window_end       INTEGER NOT NULL,
  status           TEXT NOT NULL,                   -- open | acknowledged
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL,
  acknowledged_at  INTEGER,
  acknowledged_by  INTEGER REFERENCES app_user(id),
  comment          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_alert_user ON access_alert(user_id, id);
CREATE INDEX access_alert_status ON access_alert(status, id);

CREATE TABLE access_alert_customer (
  alert_id     INTEGER NOT NULL REFERENCES access_alert(id),
  seq          INTEGER NOT NULL,                    -- 1: read most
  customer_id  INTEGER NOT NULL REFERENCES customer(id),
  reads        INTEGER NOT NULL,
  PRIMARY KEY (alert_id, seq)
) WITHOUT ROWID;

-- The watch job counts every user's reads in the last window at once.
CREATE INDEX access_log_at ON access_log(at);

CREATE TABLE default_team (
  owner_id    INTEGER PRIMARY KEY REFERENCES app_user(id),
  version     INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE default_team_member (
  owner_id   INTEGER NOT NULL REFERENCES app_user(id),
  seq        INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES app_user(id),
  team_role  TEXT NOT NULL,
  PRIMARY KEY (owner_id, seq)
) WITHOUT ROWID;
