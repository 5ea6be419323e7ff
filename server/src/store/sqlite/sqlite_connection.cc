#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

namespace kams {

namespace {
// Before the first connection: no global lock around every allocation (memory
// statistics), and connections without their own mutex, since the pool hands each one
// to a single thread at a time.
const bool kConfigured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  return true;
}();
}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, int busy_timeout_ms, int cache_mib,
                                   int wal_autocheckpoint_pages)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
  (void)kConfigured;
  db_.setBusyTimeout(busy_timeout_ms);
  db_.exec("PRAGMA journal_mode=WAL");
  db_.exec("PRAGMA synchronous=FULL");
  db_.exec("PRAGMA foreign_keys=ON");
  db_.exec("PRAGMA temp_store=MEMORY");
  db_.exec("PRAGMA cache_size=-" + std::to_string(static_cast<long long>(cache_mib) * 1024));
  if (wal_autocheckpoint_pages > 0) {
    db_.exec("PRAGMA wal_autocheckpoint=" + std::to_string(wal_autocheckpoint_pages));
  }
}

sqlite3_stmt* SqliteConnection::PrepareRaw(const std::string& sql) {
  auto it = raw_cache_.find(sql);
  if (it == raw_cache_.end()) {
    sqlite3_stmt* st = nullptr;
    Check(sqlite3_prepare_v3(db_.getHandle(), sql.c_str(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &st, nullptr));
    it = raw_cache_.emplace(sql, std::unique_ptr<sqlite3_stmt, Finalize>(st)).first;
  } else {
    sqlite3_reset(it->second.get());
    sqlite3_clear_bindings(it->second.get());
  }
  raw_in_use_.push_back(it->second.get());
  return it->second.get();
}

void SqliteConnection::Check(int rc) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw SQLite::Exception(db_.getHandle(), rc);
  }
}

SQLite::Statement& SqliteConnection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  } else {
    // Not reset(): it reports the statement's last error again (an interrupted walk's),
    // which its caller has already seen.
    it->second->tryReset();
    it->second->clearBindings();
  }
  in_use_.push_back(it->second.get());
  return *it->second;
}

void SqliteConnection::ExecCached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  }
  SQLite::Statement& st = *it->second;
  try {
    st.exec();
  } catch (...) {
    st.reset();
    throw;
  }
  st.reset();
}

void SqliteConnection::ResetInUse() {
  for (auto* st : in_use_) {
    try {
      st->reset();
    } catch (const SQLite::Exception&) {
      // reset reports the statement's last error again; the transaction already saw it
    }
  }
  in_use_.clear();
  for (auto* st : raw_in_use_) sqlite3_reset(st);
  raw_in_use_.clear();
}

void BindAll(SQLite::Statement& st, const std::vector<SqlValue>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* n = std::get_if<std::int64_t>(&values[i])) {
      st.bind(index, static_cast<std::int64_t>(*n));
    } else if (std::holds_alternative<std::monostate>(values[i])) {
      st.bind(index);  // NULL
    } else {
      st.bind(index, std::get<std::string>(values[i]));
    }
  }
}

void BindAll(sqlite3_stmt* st, const std::vector<SqlValue>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* n = std::get_if<std::int64_t>(&values[i])) {
      sqlite3_bind_int64(st, index, *n);
    } else if (const auto* text = std::get_if<std::string>(&values[i])) {
      sqlite3_bind_text(st, index, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(st, index);
    }
  }
}

std::optional<std::int64_t> OptInt(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

void BindOpt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v) {
  if (v) {
    st.bind(index, static_cast<std::int64_t>(*v));
  } else {
    st.bind(index);
  }
}

void BindOpt(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

}  // namespace kams
