#pragma once
// One SQLite connection with its cache of prepared statements (internal to store/sqlite).

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/sql_binder.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kams {

class SqliteConnection {
 public:
  SqliteConnection(const std::string& path, int busy_timeout_ms);
  SQLite::Database& db() { return db_; }
  // A prepared statement for `sql`, reset with its bindings cleared. Prepared once per
  // connection and reused.
  SQLite::Statement& Prepare(const std::string& sql);
  void Exec(const std::string& sql) { db_.exec(sql); }
  // Runs a statement without results through the statement cache (BEGIN, COMMIT, …).
  void ExecCached(const std::string& sql);
  // Resets every statement handed out since the last call, so none keeps a read snapshot
  // open past the end of its transaction.
  void ResetInUse();

 private:
  std::vector<SQLite::Statement*> in_use_;
  SQLite::Database db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
};

// Binds values to placeholders ?1, ?2, … in order.
void BindAll(SQLite::Statement& st, const std::vector<SqlValue>& values);

// Column helpers that map NULL to empty optionals.
std::optional<std::int64_t> OptInt(const SQLite::Column& c);
std::optional<std::string> OptText(const SQLite::Column& c);
void BindOpt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v);
void BindOpt(SQLite::Statement& st, int index, const std::optional<std::string>& v);

}  // namespace kams
