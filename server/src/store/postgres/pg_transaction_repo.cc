#include "store/customer_query.h"
#include "store/postgres/pg_repos.h"

namespace kams {

bool PgTransactionRepository::Insert(const Transaction& t) {
  return !s_.Exec(
                "INSERT INTO customer_transaction (customer_id, txn_ref, txn_date, amount_fen, "
                "margin_fen, product, order_ref, created_at, created_by) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                "ON CONFLICT (txn_ref) DO NOTHING RETURNING id",
                t.customer_id, t.txn_ref, FormatCivilDate(t.date), t.amount_fen, t.margin_fen,
                t.product, t.order_ref, t.created_at, t.created_by)
              .empty();
}

std::vector<std::size_t> PgTransactionRepository::InsertMany(std::span<const Transaction> rows,
                                                             std::span<const std::size_t> order) {
  std::vector<std::size_t> skipped;
  for (const std::size_t i : order) {
    if (!Insert(rows[i])) skipped.push_back(i);
  }
  return skipped;
}

void PgTransactionRepository::AddToMonths(const std::vector<MonthDelta>& deltas) {
  for (const auto& d : deltas) {
    s_.Exec(
        "INSERT INTO customer_month (customer_id, month, revenue_fen, orders, margin_fen) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (customer_id, month) DO UPDATE SET "
        "revenue_fen = customer_month.revenue_fen + excluded.revenue_fen, "
        "orders = customer_month.orders + excluded.orders, "
        "margin_fen = customer_month.margin_fen + excluded.margin_fen",
        d.customer_id, d.month, d.revenue_fen, d.orders, d.margin_fen);
  }
}

std::vector<std::pair<std::string, Id>> PgTransactionRepository::CustomerRefs() {
  std::vector<std::pair<std::string, Id>> out;
  for (const auto& r : s_.Exec("SELECT external_ref, id FROM customer "
                               "WHERE external_ref IS NOT NULL AND deleted_at IS NULL")) {
    out.emplace_back(r[0].as<std::string>(), r[1].as<std::int64_t>());
  }
  return out;
}

void PgTransactionRepository::LoadRollups(MonthIndex first_month, MonthlyRollups& out) {
  Id current = 0;
  for (const auto& r : s_.Exec(
           "SELECT c.id, coalesce(c.external_ref, ''), m.month, m.revenue_fen, m.orders, "
           "m.margin_fen FROM customer c LEFT JOIN customer_month m "
           "ON m.customer_id = c.id AND m.month >= $1 "
           "WHERE c.deleted_at IS NULL ORDER BY c.id, m.month",
           first_month)) {
    const Id id = r[0].as<std::int64_t>();
    if (id != current) {
      out.AddCustomer(id, r[1].as<std::string>());
      current = id;
    }
    if (!r[2].is_null()) {
      out.AddMonth(r[2].as<int>(), r[3].as<std::int64_t>(), r[4].as<std::int64_t>(),
                   r[5].as<std::int64_t>());
    }
  }
}

std::vector<MonthDelta> PgTransactionRepository::Months(Id customer_id) {
  std::vector<MonthDelta> out;
  for (const auto& r : s_.Exec("SELECT month, revenue_fen, orders, margin_fen FROM customer_month "
                               "WHERE customer_id = $1 ORDER BY month",
                               customer_id)) {
    out.push_back({customer_id, r[0].as<int>(), r[1].as<std::int64_t>(), r[2].as<std::int64_t>(),
                   r[3].as<std::int64_t>()});
  }
  return out;
}

std::vector<CustomerAmount> PgTransactionRepository::Totals(const Principal& who,
                                                         const std::string& column,
                                                         MonthIndex first, MonthIndex last) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = CustomerTotalsSql(who, column, first, last, b);
  std::vector<CustomerAmount> out;
  for (const auto& r : s_.ExecDynamic(sql, ToPg(b.values()))) {
    out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>()});
  }
  return out;
}

}  // namespace kams
