-- Contracts (合同) with customers: number (unique within the customer), title, dates and
-- value; status active or terminated (with its date and reason). A contract past its end
-- date stays active in the data: "expired" is read from ends_on. Dates are YYYY-MM-DD.
CREATE TABLE contract (
  id                  INTEGER PRIMARY KEY,
  customer_id         INTEGER NOT NULL REFERENCES customer(id),
  version             INTEGER NOT NULL DEFAULT 1,
  number              TEXT NOT NULL,
  title               TEXT NOT NULL,
  status              TEXT NOT NULL,              -- active | terminated
  signed_on           TEXT,
  starts_on           TEXT NOT NULL,
  ends_on             TEXT,                       -- NULL: open-ended
  amount_fen          INTEGER,
  terminated_on       TEXT,
  termination_reason  TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT '',
  created_by          INTEGER REFERENCES app_user(id),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE UNIQUE INDEX contract_number ON contract(customer_id, number);
-- The dossier's list, newest start first.
CREATE INDEX contract_customer ON contract(customer_id, starts_on, id);
-- My day's reminders: active contracts by end date.
CREATE INDEX contract_ending ON contract(ends_on) WHERE status = 'active';
