#include "sqlite_checks.h"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>

namespace kams::crash {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

// Each row as text columns.
std::vector<std::vector<std::string>> Query(sqlite3* db, const std::string& sql,
                                            long long param = 0) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    throw std::runtime_error("cannot prepare " + sql + ": " + sqlite3_errmsg(db));
  }
  if (sqlite3_bind_parameter_count(st) > 0) sqlite3_bind_int64(st, 1, param);
  std::vector<std::vector<std::string>> rows;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* text = sqlite3_column_text(st, i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) throw std::runtime_error("failed: " + sql + ": " + sqlite3_errmsg(db));
  return rows;
}

std::string Join(const std::vector<std::string>& row) {
  std::string out;
  for (const auto& v : row) out += (out.empty() ? "" : ",") + v;
  return out;
}

}  // namespace

std::vector<std::string> CheckSqliteFile(const std::string& path, long long after_customer_id) {
  std::vector<std::string> problems;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return {"cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "")};
  sqlite3_busy_timeout(db.get(), 10'000);
  try {
    const auto integrity = Query(db.get(), "PRAGMA integrity_check");
    if (integrity.size() != 1 || integrity[0][0] != "ok") {
      for (const auto& row : integrity) problems.push_back("integrity_check: " + Join(row));
    }
    for (const auto& row : Query(db.get(), "PRAGMA foreign_key_check")) {
      problems.push_back("foreign_key_check: " + Join(row));
    }
    const auto head = Query(db.get(),
                            "SELECT (SELECT last_id FROM audit_head), "
                            "(SELECT COALESCE(MAX(id), 0) FROM audit)");
    if (head.size() != 1 || head[0][0] != head[0][1]) {
      problems.push_back("audit_head.last_id " + head[0][0] + " but newest audit row " +
                         head[0][1]);
    }
    using Key = std::pair<std::string, std::string>;  // customer, month
    std::map<Key, std::string> rollups, sums;
    for (auto& row : Query(db.get(),
                           "SELECT customer_id, month, revenue_fen, orders, margin_fen "
                           "FROM customer_month WHERE customer_id > ?",
                           after_customer_id)) {
      rollups[{row[0], row[1]}] = row[2] + "/" + row[3] + "/" + row[4];
    }
    for (auto& row :
         Query(db.get(),
               "SELECT customer_id, CAST(substr(txn_date, 1, 4) AS INTEGER) * 12 + "
               "CAST(substr(txn_date, 6, 2) AS INTEGER) - 1 AS m, SUM(amount_fen), COUNT(*), "
               "SUM(COALESCE(margin_fen, 0)) FROM customer_transaction WHERE customer_id > ? "
               "GROUP BY customer_id, m",
               after_customer_id)) {
      sums[{row[0], row[1]}] = row[2] + "/" + row[3] + "/" + row[4];
    }
    for (const auto& [key, value] : rollups) {
      auto it = sums.find(key);
      if (it == sums.end() || it->second != value) {
        problems.push_back("customer " + key.first + " month " + key.second + ": roll-up " + value +
                           ", transactions " + (it == sums.end() ? "none" : it->second));
      }
    }
    for (const auto& [key, value] : sums) {
      if (!rollups.count(key)) {
        problems.push_back("customer " + key.first + " month " + key.second + ": transactions " +
                           value + " without a roll-up");
      }
    }
  } catch (const std::exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

}  // namespace kams::crash
