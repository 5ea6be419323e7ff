-- Tier schemes (versioned; several active at once), every customer's current tier under each
-- scheme, and the history of every change with what it rested on.
CREATE TABLE tier_scheme (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL,            -- the current version's name
  kind                  TEXT NOT NULL,            -- abc | stars | rules
  current_version       INTEGER NOT NULL,
  active                INTEGER NOT NULL DEFAULT 0,  -- applied by the nightly job
  is_primary            INTEGER NOT NULL DEFAULT 0,  -- sets customer.tier / is_key_account
  version               INTEGER NOT NULL DEFAULT 1,  -- of this row, for If-Match
  created_at            INTEGER NOT NULL,
  created_by            INTEGER REFERENCES app_user(id),
  updated_at            INTEGER NOT NULL,
  last_applied_at       INTEGER,
  last_applied_version  INTEGER,
  last_applied_as_of    TEXT,
  deleted_at            INTEGER
);
CREATE UNIQUE INDEX tier_scheme_live_name ON tier_scheme(name) WHERE deleted_at IS NULL;

CREATE TABLE tier_scheme_version (
  scheme_id    INTEGER NOT NULL REFERENCES tier_scheme(id),
  version      INTEGER NOT NULL,
  definition   TEXT NOT NULL,                   -- the scheme as JSON
  created_at   INTEGER NOT NULL,
  created_by   INTEGER REFERENCES app_user(id),
  PRIMARY KEY (scheme_id, version)
) WITHOUT ROWID;

-- A customer's tier under a scheme. Rows exist for customers with a tier, and for pinned
-- manual decisions (tier NULL: revoked by hand). `value` is the deciding figure when the
-- tier was set (the metric over the window for abc, the lowest month for stars).
CREATE TABLE customer_tier (
  customer_id   INTEGER NOT NULL REFERENCES customer(id),
  scheme_id     INTEGER NOT NULL REFERENCES tier_scheme(id),
  tier          TEXT,
  value         INTEGER NOT NULL DEFAULT 0,
  since         TEXT NOT NULL,                  -- YYYY-MM-DD
  pinned_until  TEXT,                           -- evaluation keeps its hands off until then
  PRIMARY KEY (customer_id, scheme_id)
) WITHOUT ROWID;
CREATE INDEX customer_tier_scheme ON customer_tier(scheme_id, customer_id);

-- Every change of tier. Rule changes keep the facts the reason is written from (rendered in
-- the reader's language from the scheme version); manual ones the requester's words.
CREATE TABLE tier_change (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customer(id),
  scheme_id       INTEGER NOT NULL REFERENCES tier_scheme(id),
  scheme_version  INTEGER NOT NULL,
  old_tier        TEXT,
  new_tier        TEXT,
  kind            TEXT NOT NULL,                -- assign | upgrade | downgrade | revoke
  source          TEXT NOT NULL,                -- rule | manual | nomination
  note            TEXT NOT NULL DEFAULT '',
  facts           TEXT NOT NULL DEFAULT '',
  actor_id        INTEGER REFERENCES app_user(id),
  effective_on    TEXT NOT NULL,
  pinned_until    TEXT,
  created_at      INTEGER NOT NULL
);
CREATE INDEX tier_change_customer ON tier_change(customer_id, id);
