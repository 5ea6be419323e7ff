#pragma once
// One SQLite connection with its cache of prepared statements (internal to store/sqlite).

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "store/sql_binder.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kams {

class SqliteConnection {
 public:
  // `cache_mib`: this connection's page cache; `wal_autocheckpoint_pages`: 0 keeps
  // SQLite's default (1000 pages).
  SqliteConnection(const std::string& path, int busy_timeout_ms, int cache_mib = 64,
                   int wal_autocheckpoint_pages = 0);
  SQLite::Database& db() { return db_; }
  // A prepared statement for `sql`, reset with its bindings cleared. Prepared once per
  // connection and reused.
  SQLite::Statement& Prepare(const std::string& sql);
  // The same through the C API, for bulk paths that bind and step a statement millions of
  // times (SQLiteCpp costs a shared_ptr copy per column read and a copy per bound text).
  // Bind with SQLITE_STATIC only data that outlives the next step; check results with Check.
  sqlite3_stmt* PrepareRaw(const std::string& sql);
  // Throws SQLite::Exception (as SQLiteCpp does) unless `rc` is SQLITE_OK, ROW or DONE.
  void Check(int rc);
  // Writes `rows` as `head VALUES (row_sql), (row_sql), … tail`, kRowsPerStatement rows a
  // statement and the rest one at a time: a step and a reset per row cost about as much as
  // the B-tree work of a narrow row. `bind(st, first, row)` binds a row's `columns` values
  // from parameter `first + 1` on; bound texts must stay alive until the rows are written.
  template <typename Rows, typename Bind>
  void WriteRows(std::string_view head, std::string_view row_sql, std::string_view tail,
                 int columns, const Rows& rows, Bind bind);
  void Exec(const std::string& sql) { db_.exec(sql); }
  // Runs a statement without results through the statement cache (BEGIN, COMMIT, …).
  void ExecCached(const std::string& sql);
  // Resets every statement handed out since the last call, so none keeps a read snapshot
  // open past the end of its transaction.
  void ResetInUse();

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
  };
  std::vector<SQLite::Statement*> in_use_;
  std::vector<sqlite3_stmt*> raw_in_use_;
  SQLite::Database db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
  std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, Finalize>> raw_cache_;
};

template <typename Rows, typename Bind>
void SqliteConnection::WriteRows(std::string_view head, std::string_view row_sql,
                                 std::string_view tail, int columns, const Rows& rows, Bind bind) {
  constexpr std::size_t kRowsPerStatement = 32;
  const auto statement = [&](std::size_t n) {
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) sql += ", ";
      sql += row_sql;
    }
    sql += tail;
    return PrepareRaw(sql);
  };
  const auto run = [&](sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    Check(rc);
  };
  std::size_t i = 0;
  if (rows.size() >= kRowsPerStatement) {
    sqlite3_stmt* st = statement(kRowsPerStatement);
    for (; i + kRowsPerStatement <= rows.size(); i += kRowsPerStatement) {
      for (std::size_t k = 0; k < kRowsPerStatement; ++k) {
        bind(st, static_cast<int>(k) * columns, rows[i + k]);
      }
      run(st);
    }
  }
  if (i == rows.size()) return;
  sqlite3_stmt* st = statement(1);
  for (; i < rows.size(); ++i) {
    bind(st, 0, rows[i]);
    run(st);
  }
}

// Binds values to placeholders ?1, ?2, … in order.
void BindAll(SQLite::Statement& st, const std::vector<SqlValue>& values);
// The same for a statement of PrepareRaw; texts are not copied (`values` must outlive the
// steps).
void BindAll(sqlite3_stmt* st, const std::vector<SqlValue>& values);

// Column helpers that map NULL to empty optionals.
std::optional<std::int64_t> OptInt(const SQLite::Column& c);
std::optional<std::string> OptText(const SQLite::Column& c);
void BindOpt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v);
void BindOpt(SQLite::Statement& st, int index, const std::optional<std::string>& v);

}  // namespace kams
