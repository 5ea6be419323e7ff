-- Visit plans (拜访计划) and the weekly review (周检查) of contact records and plans: who
-- reviewed an item and when (on the item, so the queue of what is still unreviewed walks a
-- partial index of just those), and the comments under records and plans.
CREATE TABLE visit_plan (
  id                  INTEGER PRIMARY KEY,
  customer_id         INTEGER NOT NULL REFERENCES customer(id),
  owner_id            INTEGER NOT NULL REFERENCES app_user(id),
  version             INTEGER NOT NULL DEFAULT 1,
  planned_on          TEXT NOT NULL,              -- YYYY-MM-DD, China time
  start_time          TEXT,                       -- HH:MM
  starts_at           INTEGER NOT NULL,           -- the day's start plus start_time: the order
  purpose             TEXT NOT NULL,
  status              TEXT NOT NULL,              -- planned | completed | cancelled (missed: planned, day passed)
  interaction_id      INTEGER REFERENCES interaction(id),
  cancel_reason       TEXT,
  completed_at        INTEGER,
  cancelled_at        INTEGER,
  missed_notified_at  INTEGER,
  reviewed_at         INTEGER,
  reviewed_by         INTEGER REFERENCES app_user(id),
  created_by          INTEGER NOT NULL REFERENCES app_user(id),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE INDEX visit_plan_owner ON visit_plan(owner_id, starts_at, id);
CREATE INDEX visit_plan_customer ON visit_plan(customer_id, starts_at, id);
CREATE INDEX visit_plan_time ON visit_plan(starts_at, id);
CREATE INDEX visit_plan_open ON visit_plan(planned_on) WHERE status = 'planned';
CREATE UNIQUE INDEX visit_plan_interaction ON visit_plan(interaction_id)
  WHERE interaction_id IS NOT NULL;
CREATE INDEX visit_plan_unreviewed ON visit_plan(owner_id, starts_at)
  WHERE reviewed_at IS NULL AND status <> 'completed';

ALTER TABLE interaction ADD COLUMN reviewed_at INTEGER;
ALTER TABLE interaction ADD COLUMN reviewed_by INTEGER REFERENCES app_user(id);
CREATE INDEX interaction_unreviewed ON interaction(recorded_by, occurred_at)
  WHERE reviewed_at IS NULL AND deleted_at IS NULL;
-- Newest first over everything a wide scope sees, without sorting it all.
CREATE INDEX interaction_time ON interaction(occurred_at, id);

CREATE TABLE visit_plan_contact (
  visit_plan_id  INTEGER NOT NULL REFERENCES visit_plan(id),
  contact_id     INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  PRIMARY KEY (visit_plan_id, contact_id)
) WITHOUT ROWID;

CREATE TABLE visit_plan_participant (
  visit_plan_id  INTEGER NOT NULL REFERENCES visit_plan(id),
  user_id        INTEGER NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (visit_plan_id, user_id)
) WITHOUT ROWID;

CREATE TABLE record_comment (
  id          INTEGER PRIMARY KEY,
  item_kind   TEXT NOT NULL,                      -- interaction | visit_plan
  item_id     INTEGER NOT NULL,
  author_id   INTEGER NOT NULL REFERENCES app_user(id),
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX record_comment_item ON record_comment(item_kind, item_id, id);
