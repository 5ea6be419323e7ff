-- Engagement: contact records (客户接触记录) with their contacts and participants, the
-- first-contact owner of a customer's request (首问负责制), contact cadence rules (跟进频率)
-- and the breaches the daily check finds, and handovers (交接) of a leaving user's accounts.
CREATE TABLE interaction (
  id                      INTEGER PRIMARY KEY,
  customer_id             INTEGER NOT NULL REFERENCES customer(id),
  version                 INTEGER NOT NULL DEFAULT 1,
  channel                 TEXT NOT NULL,          -- visit | phone | email | meeting | letter | fax | internet | counter | other
  purpose                 TEXT NOT NULL,
  summary                 TEXT NOT NULL DEFAULT '',
  outcome                 TEXT NOT NULL DEFAULT '',
  next_step               TEXT NOT NULL DEFAULT '',
  next_step_due           TEXT,                   -- YYYY-MM-DD
  next_step_owner_id      INTEGER REFERENCES app_user(id),
  next_step_done_at       INTEGER,
  is_request              INTEGER NOT NULL DEFAULT 0,
  first_contact_owner_id  INTEGER REFERENCES app_user(id),
  request_closed_at       INTEGER,
  occurred_at             INTEGER NOT NULL,
  recorded_by             INTEGER NOT NULL REFERENCES app_user(id),
  created_at              INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL,
  deleted_at              INTEGER
);
CREATE INDEX interaction_customer ON interaction(customer_id, occurred_at, id);
CREATE INDEX interaction_recorded_by ON interaction(recorded_by, occurred_at, id);
CREATE INDEX interaction_next_step ON interaction(next_step_owner_id, next_step_due)
  WHERE next_step_done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX interaction_open_request ON interaction(first_contact_owner_id)
  WHERE is_request = 1 AND request_closed_at IS NULL AND deleted_at IS NULL;

CREATE TABLE interaction_contact (
  interaction_id  INTEGER NOT NULL REFERENCES interaction(id),
  contact_id      INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  PRIMARY KEY (interaction_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX interaction_contact_contact ON interaction_contact(contact_id);

CREATE TABLE interaction_participant (
  interaction_id  INTEGER NOT NULL REFERENCES interaction(id),
  user_id         INTEGER NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (interaction_id, user_id)
) WITHOUT ROWID;
CREATE INDEX interaction_participant_user ON interaction_participant(user_id, interaction_id);

-- Cadence per tier code of the primary scheme: at least one contact every
-- min_interval_days, at most max_contacts within any period_days. NULL: no bound.
CREATE TABLE cadence_rule (
  tier               TEXT PRIMARY KEY,
  min_interval_days  INTEGER,
  max_contacts       INTEGER,
  period_days        INTEGER NOT NULL DEFAULT 7
) WITHOUT ROWID;
INSERT INTO cadence_rule (tier, min_interval_days, max_contacts, period_days) VALUES
  ('strategic', 14, 3, 7), ('key', 30, 3, 7), ('A', 14, 3, 7), ('B', 30, 3, 7),
  ('class1', 14, 3, 7), ('class2', 30, 3, 7), ('5star', 14, 3, 7), ('4star', 30, 3, 7);

-- The rule set's version, the days a breach may last before the director hears of it, and
-- the business day every account was last evaluated (the daily check does it once a day).
CREATE TABLE cadence_setting (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  grace_days  INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  evaluated_on TEXT
);
INSERT INTO cadence_setting (id, grace_days, version) VALUES (1, 7, 1);

-- One account's own cadence, overriding its tier's.
CREATE TABLE customer_cadence (
  customer_id        INTEGER PRIMARY KEY REFERENCES customer(id),
  min_interval_days  INTEGER,
  max_contacts       INTEGER,
  period_days        INTEGER NOT NULL DEFAULT 7,
  set_by             INTEGER REFERENCES app_user(id),
  set_at             INTEGER NOT NULL
);

-- Breaches as last evaluated (on every contact record and daily): overdue (no contact since
-- due_on) or over-contacted (contacts within the period above the maximum).
CREATE TABLE cadence_breach (
  customer_id           INTEGER NOT NULL REFERENCES customer(id),
  kind                  TEXT NOT NULL,            -- overdue | over_contacted
  since                 TEXT NOT NULL,            -- YYYY-MM-DD the breach began
  due_on                TEXT,                     -- overdue: the day contact was due
  last_contact_at       INTEGER,
  contacts_in_period    INTEGER NOT NULL,
  min_interval_days     INTEGER,
  max_contacts          INTEGER,
  period_days           INTEGER NOT NULL,
  notified_owner_at     INTEGER,
  notified_director_at  INTEGER,
  PRIMARY KEY (customer_id, kind)
) WITHOUT ROWID;
CREATE INDEX cadence_breach_kind ON cadence_breach(kind, customer_id);

-- A leaving user's accounts and open work handed to successors in one step.
CREATE TABLE handover (
  id            INTEGER PRIMARY KEY,
  from_user_id  INTEGER NOT NULL REFERENCES app_user(id),
  actor_id      INTEGER NOT NULL REFERENCES app_user(id),
  mode          TEXT NOT NULL,                    -- single | round_robin | mapping
  at            INTEGER NOT NULL
);
CREATE INDEX handover_from ON handover(from_user_id, id);

CREATE TABLE handover_item (
  handover_id  INTEGER NOT NULL REFERENCES handover(id),
  kind         TEXT NOT NULL,    -- customer | team_seat | next_step | request | nomination | notification
  entity_id    INTEGER NOT NULL,
  customer_id  INTEGER,
  to_user_id   INTEGER NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (handover_id, kind, entity_id)
) WITHOUT ROWID;
CREATE INDEX handover_item_customer ON handover_item(customer_id);

-- A customer's earlier owners, newest last: kept when the owner changes by hand or handover.
CREATE TABLE customer_owner_history (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customer(id),
  owner_id     INTEGER REFERENCES app_user(id),
  until_at     INTEGER NOT NULL,
  changed_by   INTEGER REFERENCES app_user(id),
  handover_id  INTEGER REFERENCES handover(id)
);
CREATE INDEX customer_owner_history_customer ON customer_owner_history(customer_id, id);

-- Accounts whose cadence broke within 90 days of being handed over: the relationship may be
-- decaying. Kept once per handover, account and kind.
CREATE TABLE handover_decay (
  handover_id  INTEGER NOT NULL REFERENCES handover(id),
  customer_id  INTEGER NOT NULL REFERENCES customer(id),
  kind         TEXT NOT NULL,
  since        TEXT NOT NULL,
  flagged_at   INTEGER NOT NULL,
  PRIMARY KEY (handover_id, customer_id, kind)
) WITHOUT ROWID;
CREATE INDEX handover_decay_customer ON handover_decay(customer_id);
