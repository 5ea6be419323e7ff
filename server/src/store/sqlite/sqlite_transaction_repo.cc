#include "store/customer_query.h"
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

void SqliteTransactionRepository::AddToMonths(const std::vector<MonthDelta>& deltas) {
  auto& st = c_.Prepare(
      "INSERT INTO customer_month (customer_id, month, revenue_fen, orders, margin_fen) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, month) DO UPDATE SET "
      "revenue_fen = revenue_fen + excluded.revenue_fen, orders = orders + excluded.orders, "
      "margin_fen = margin_fen + excluded.margin_fen");
  for (const auto& d : deltas) {
    st.bind(1, static_cast<std::int64_t>(d.customer_id));
    st.bind(2, d.month);
    st.bind(3, static_cast<std::int64_t>(d.revenue_fen));
    st.bind(4, static_cast<std::int64_t>(d.orders));
    st.bind(5, static_cast<std::int64_t>(d.margin_fen));
    st.exec();
    st.reset();
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
  auto& st = c_.Prepare(
      "SELECT c.id, coalesce(c.external_ref, ''), m.month, m.revenue_fen, m.orders, m.margin_fen "
      "FROM customer c LEFT JOIN customer_month m ON m.customer_id = c.id AND m.month >= ? "
      "WHERE c.deleted_at IS NULL ORDER BY c.id, m.month");
  st.bind(1, first_month);
  Id current = 0;
  while (st.executeStep()) {
    const Id id = st.getColumn(0).getInt64();
    if (id != current) {
      out.AddCustomer(id, st.getColumn(1).getString());
      current = id;
    }
    if (!st.getColumn(2).isNull()) {
      out.AddMonth(st.getColumn(2).getInt(), st.getColumn(3).getInt64(),
                   st.getColumn(4).getInt64(), st.getColumn(5).getInt64());
    }
  }
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

std::vector<std::int64_t> SqliteTransactionRepository::Totals(const Principal& who,
                                                             const std::string& column,
                                                             MonthIndex first, MonthIndex last) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = c_.Prepare(CustomerTotalsSql(who, column, first, last, b));
  BindAll(st, b.values());
  std::vector<std::int64_t> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

}  // namespace kams
