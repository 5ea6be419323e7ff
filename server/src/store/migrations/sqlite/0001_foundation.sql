-- KAMS foundation schema: organisation, users, auth, customers, contacts, audit.
-- Instants are INTEGER microseconds since the Unix epoch (UTC); civil dates are TEXT
-- 'YYYY-MM-DD'; money is INTEGER fen.

CREATE TABLE org_unit (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES org_unit(id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX org_unit_parent ON org_unit(parent_id);

-- Ancestry of every unit (itself included at depth 0): scope checks become one join.
CREATE TABLE org_unit_closure (
  ancestor_id   INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  descendant_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  depth         INTEGER NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX org_unit_closure_desc ON org_unit_closure(descendant_id);

CREATE TABLE app_user (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL,
  org_unit_id    INTEGER NOT NULL REFERENCES org_unit(id),
  active         INTEGER NOT NULL DEFAULT 1,
  email          TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  locale         TEXT NOT NULL DEFAULT '',
  password_hash  TEXT NOT NULL,
  password_changed_at INTEGER,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  last_login_at  INTEGER
);
CREATE INDEX app_user_unit ON app_user(org_unit_id);

CREATE TABLE session (
  token_hash    TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES app_user(id),
  csrf_hash     TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  client_addr   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX session_user ON session(user_id);

CREATE TABLE api_token (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES app_user(id),
  name          TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER,
  expires_at    INTEGER
);
CREATE INDEX api_token_user ON api_token(user_id);

CREATE TABLE login_throttle (
  throttle_key  TEXT PRIMARY KEY,
  failures      INTEGER NOT NULL,
  window_start  INTEGER NOT NULL,
  locked_until  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE customer (
  id                  INTEGER PRIMARY KEY,
  version             INTEGER NOT NULL DEFAULT 1,
  external_ref        TEXT UNIQUE,
  name                TEXT NOT NULL,
  name_lc             TEXT NOT NULL,
  stage               TEXT NOT NULL,
  credit_code         TEXT UNIQUE,
  industry            TEXT NOT NULL DEFAULT '',
  region              TEXT NOT NULL DEFAULT '',
  address             TEXT NOT NULL DEFAULT '',
  phone               TEXT NOT NULL DEFAULT '',
  website             TEXT NOT NULL DEFAULT '',
  org_unit_id         INTEGER NOT NULL REFERENCES org_unit(id),
  owner_id            INTEGER REFERENCES app_user(id),
  is_key_account      INTEGER NOT NULL DEFAULT 0,
  tier                TEXT,
  ownership           TEXT NOT NULL DEFAULT '',
  scale               TEXT NOT NULL DEFAULT '',
  employees           INTEGER,
  founded_on          TEXT NOT NULL DEFAULT '',
  characteristics     TEXT NOT NULL DEFAULT '',
  annual_revenue_fen  INTEGER,
  main_business       TEXT NOT NULL DEFAULT '',
  competitors         TEXT NOT NULL DEFAULT '',
  potential           TEXT NOT NULL DEFAULT '',
  business_notes      TEXT NOT NULL DEFAULT '',
  first_deal_on       TEXT NOT NULL DEFAULT '',
  credit_rating       TEXT NOT NULL DEFAULT '',
  payment_terms_days  INTEGER,
  trading_notes       TEXT NOT NULL DEFAULT '',
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  created_by          INTEGER,
  deleted_at          INTEGER
);
CREATE INDEX customer_owner ON customer(owner_id, id);
CREATE INDEX customer_unit ON customer(org_unit_id, id);
CREATE INDEX customer_name ON customer(name, id);
CREATE INDEX customer_updated ON customer(updated_at, id);
CREATE INDEX customer_created ON customer(created_at, id);

-- Character bigrams of each customer's lower-cased name: `q=` substring search over
-- Chinese and Latin names without a full scan (verified against name_lc afterwards).
CREATE TABLE customer_name_gram (
  gram         TEXT NOT NULL,
  customer_id  INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
  PRIMARY KEY (gram, customer_id)
) WITHOUT ROWID;

CREATE TABLE account_team (
  customer_id  INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES app_user(id),
  team_role    TEXT NOT NULL,
  added_at     INTEGER NOT NULL,
  PRIMARY KEY (customer_id, user_id)
) WITHOUT ROWID;
CREATE INDEX account_team_user ON account_team(user_id, customer_id);

CREATE TABLE contact (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL DEFAULT 1,
  name           TEXT NOT NULL,
  title          TEXT NOT NULL DEFAULT '',
  department     TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  buying_role    TEXT NOT NULL DEFAULT '',
  reports_to_id  INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  interests      TEXT NOT NULL DEFAULT '',
  birthday       TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX contact_customer ON contact(customer_id, id);
CREATE INDEX contact_reports_to ON contact(reports_to_id);

CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  actor_id     INTEGER,
  actor_name   TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER,
  customer_id  INTEGER,
  request_id   TEXT NOT NULL,
  client_addr  TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_actor ON audit(actor_id, id);
CREATE INDEX audit_customer ON audit(customer_id, id);
CREATE INDEX audit_action ON audit(action, id);

CREATE TABLE audit_change (
  audit_id  INTEGER NOT NULL REFERENCES audit(id),
  seq       INTEGER NOT NULL,
  field     TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  PRIMARY KEY (audit_id, seq)
) WITHOUT ROWID;

-- The chain's head, kept apart from the rows so deleting the newest rows is detected.
CREATE TABLE audit_head (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id    INTEGER NOT NULL,
  last_hash  TEXT NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, 0, '');

CREATE TABLE access_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  user_id      INTEGER NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER NOT NULL,
  customer_id  INTEGER,
  request_id   TEXT NOT NULL,
  client_addr  TEXT NOT NULL
);
CREATE INDEX access_log_user ON access_log(user_id, at);
