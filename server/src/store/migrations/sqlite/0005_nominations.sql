-- Nominations (提报) of customers as key accounts, and requests to change a tier by hand,
-- approved level by level up the org tree; and every user's notification inbox.
CREATE TABLE nomination (
  id                INTEGER PRIMARY KEY,
  customer_id       INTEGER NOT NULL REFERENCES customer(id),
  nominator_id      INTEGER NOT NULL REFERENCES app_user(id),
  kind              TEXT NOT NULL,                  -- nominate | change
  scheme_id         INTEGER REFERENCES tier_scheme(id),
  proposed_tier     TEXT,                           -- change: NULL revokes
  reason            TEXT NOT NULL,
  pinned_until      TEXT,                           -- the decision holds against evaluation until
  revenue_12m_fen   INTEGER NOT NULL,               -- the metrics when (re)submitted
  orders_12m        INTEGER NOT NULL,
  margin_12m_fen    INTEGER NOT NULL,
  status            TEXT NOT NULL,                  -- pending | approved | rejected | withdrawn
  level             INTEGER NOT NULL,               -- the level deciding now (1-based)
  levels            INTEGER NOT NULL,
  approver_role     TEXT,                           -- who decides now: this role …
  approver_unit_id  INTEGER REFERENCES org_unit(id), -- … in this unit (NULL when decided)
  submissions       INTEGER NOT NULL DEFAULT 1,
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  decided_at        INTEGER
);
CREATE INDEX nomination_customer ON nomination(customer_id, id);
CREATE INDEX nomination_nominator ON nomination(nominator_id, id);
CREATE INDEX nomination_approver ON nomination(approver_unit_id, approver_role, id);

CREATE TABLE nomination_step (
  id              INTEGER PRIMARY KEY,
  nomination_id   INTEGER NOT NULL REFERENCES nomination(id),
  customer_id     INTEGER NOT NULL REFERENCES customer(id),
  submission      INTEGER NOT NULL,
  level           INTEGER NOT NULL,
  action          TEXT NOT NULL,                    -- submit | approve | reject | withdraw
  actor_id        INTEGER REFERENCES app_user(id),
  comment         TEXT NOT NULL DEFAULT '',
  at              INTEGER NOT NULL
);
CREATE INDEX nomination_step_nomination ON nomination_step(nomination_id, id);

-- The approval chain: the role that decides at each level, found up the org tree from the
-- customer's unit. By default the customer's director, then a KAM specialist.
CREATE TABLE approval_level (
  level  INTEGER PRIMARY KEY,
  role   TEXT NOT NULL
);
INSERT INTO approval_level (level, role) VALUES (1, 'director'), (2, 'specialist');

CREATE TABLE notification (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES app_user(id),
  kind         TEXT NOT NULL,                       -- e.g. nomination.approved
  entity       TEXT NOT NULL,
  entity_id    INTEGER,
  customer_id  INTEGER REFERENCES customer(id),
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  read_at      INTEGER
);
CREATE INDEX notification_user ON notification(user_id, id);
