-- Transactions (orders) per customer and the monthly roll-ups kept with them in the same
-- transaction: tier evaluation, churn warnings and dashboards read the roll-ups.
CREATE TABLE customer_transaction (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customer(id),
  txn_ref      TEXT NOT NULL UNIQUE,          -- the source system's transaction id
  txn_date     TEXT NOT NULL,                 -- YYYY-MM-DD
  amount_fen   INTEGER NOT NULL,
  margin_fen   INTEGER,
  product      TEXT NOT NULL DEFAULT '',
  order_ref    TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  created_by   INTEGER
);
CREATE INDEX customer_transaction_customer ON customer_transaction(customer_id, txn_date);

-- month = year * 12 + (month - 1)
CREATE TABLE customer_month (
  customer_id  INTEGER NOT NULL REFERENCES customer(id),
  month        INTEGER NOT NULL,
  revenue_fen  INTEGER NOT NULL DEFAULT 0,
  orders       INTEGER NOT NULL DEFAULT 0,
  margin_fen   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
