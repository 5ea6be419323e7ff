#include "store/sqlite/sqlite_repos.h"

namespace kams {

bool SqliteTransactionRepository::Insert(const Transaction& t) {
  auto& st = c_.Prepare(
      "INSERT INTO customer_transaction (customer_id, txn_ref, txn_date, amount_fen, margin_fen, "
      "product, order_ref, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (txn_ref) DO NOTHING");
  st.bind(1, static_cast<std::int64_t>(t.customer_id));
  st.bind(2, t.txn_ref);
  st.bind(3, FormatCivilDate(t.date));
  st.bind(4, static_cast<std::int64_t>(t.amount_fen));
  BindOpt(st, 5, t.margin_fen);
  st.bind(6, t.product);
  st.bind(7, t.order_ref);
  st.bind(8, static_cast<std::int64_t>(t.created_at));
  BindOpt(st, 9, t.created_by);
  return st.exec() == 1;
}

std::vector<std::size_t> SqliteTransactionRepository::InsertMany(
    const std::vector<Transaction>& rows) {
  sqlite3_stmt* st = c_.PrepareRaw(
      "INSERT INTO customer_transaction (customer_id, txn_ref, txn_date, amount_fen, margin_fen, "
      "product, order_ref, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (txn_ref) DO NOTHING");
  sqlite3* db = c_.db().getHandle();
  std::vector<std::size_t> skipped;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Transaction& t = rows[i];
    const std::string date = FormatCivilDate(t.date);  // texts stay alive until the step
    sqlite3_bind_int64(st, 1, t.customer_id);
    sqlite3_bind_text(st, 2, t.txn_ref.data(), static_cast<int>(t.txn_ref.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 3, date.data(), static_cast<int>(date.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, t.amount_fen);
    t.margin_fen ? sqlite3_bind_int64(st, 5, *t.margin_fen) : sqlite3_bind_null(st, 5);
    sqlite3_bind_text(st, 6, t.product.data(), static_cast<int>(t.product.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 7, t.order_ref.data(), static_cast<int>(t.order_ref.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, t.created_at);
    t.created_by ? sqlite3_bind_int64(st, 9, *t.created_by) : sqlite3_bind_null(st, 9);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    c_.Check(rc);
    if (sqlite3_changes(db) == 0) skipped.push_back(i);
  }
  return skipped;
}

void SqliteTransactionRepository::AddToMonths(const std::vector<MonthDelta>& deltas) {
  sqlite3_stmt* st = c_.PrepareRaw(
      "INSERT INTO customer_month (customer_id, month, revenue_fen, orders, margin_fen) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, month) DO UPDATE SET "
      "revenue_fen = revenue_fen + excluded.revenue_fen, orders = orders + excluded.orders, "
      "margin_fen = margin_fen + excluded.margin_fen");
  for (const auto& d : deltas) {
    sqlite3_bind_int64(st, 1, d.customer_id);
    sqlite3_bind_int(st, 2, d.month);
    sqlite3_bind_int64(st, 3, d.revenue_fen);
    sqlite3_bind_int64(st, 4, d.orders);
    sqlite3_bind_int64(st, 5, d.margin_fen);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    c_.Check(rc);
  }
}

std::vector<std::pair<std::string, Id>> SqliteTransactionRepository::CustomerRefs() {
  auto& st = c_.Prepare(
      "SELECT external_ref, id FROM customer WHERE external_ref IS NOT NULL AND deleted_at IS NULL");
  std::vector<std::pair<std::string, Id>> out;
  while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getInt64());
  return out;
}

void SqliteTransactionRepository::LoadRollups(MonthIndex first_month, MonthlyRollups& out) {
  // One pass in customer order: customers without months still take part (as zeros).
  // Through the C API: tens of millions of columns for a million customers.
  sqlite3_stmt* st = c_.PrepareRaw(
      "SELECT c.id, coalesce(c.external_ref, ''), m.month, m.revenue_fen, m.orders, m.margin_fen "
      "FROM customer c LEFT JOIN customer_month m ON m.customer_id = c.id AND m.month >= ? "
      "WHERE c.deleted_at IS NULL ORDER BY c.id, m.month");
  sqlite3_bind_int(st, 1, first_month);
  Id current = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const Id id = sqlite3_column_int64(st, 0);
    if (id != current) {
      const auto* ref = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
      out.AddCustomer(id, std::string(ref ? ref : "", static_cast<std::size_t>(sqlite3_column_bytes(st, 1))));
      current = id;
    }
    if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
      out.AddMonth(sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3),
                   sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5));
    }
  }
  c_.Check(rc);
}

std::vector<MonthDelta> SqliteTransactionRepository::Months(Id customer_id) {
  auto& st = c_.Prepare(
      "SELECT month, revenue_fen, orders, margin_fen FROM customer_month WHERE customer_id = ? "
      "ORDER BY month");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  std::vector<MonthDelta> out;
  while (st.executeStep()) {
    out.push_back({customer_id, st.getColumn(0).getInt(), st.getColumn(1).getInt64(),
                   st.getColumn(2).getInt64(), st.getColumn(3).getInt64()});
  }
  return out;
}

}  // namespace kams
