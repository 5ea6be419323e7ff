#include "store/sqlite/sqlite_schema.h"

#include <string>

#include "store/migration.h"

namespace kams {

int SqliteSchemaVersion(SQLite::Database& db) {
  if (!db.tableExists("schema_migration")) return 0;
  SQLite::Statement st(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migration");
  st.executeStep();
  return st.getColumn(0).getInt();
}

int ApplySqliteMigrations(SQLite::Database& db, int up_to) {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    int version = SqliteSchemaVersion(db);
    for (const auto& m : SqliteMigrations()) {
      if (m.version <= version || m.version > up_to) continue;
      db.exec(std::string(m.sql));
      SQLite::Statement st(db,
                           "INSERT INTO schema_migration (version, name, applied_at) "
                           "VALUES (?, ?, CAST(strftime('%s','now') AS INTEGER) * 1000000)");
      st.bind(1, m.version);
      st.bind(2, std::string(m.name));
      st.exec();
      version = m.version;
    }
    db.exec("COMMIT");
    return version;
  } catch (const SQLite::Exception&) {
    try {
      db.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
    }
    throw;
  }
}

}  // namespace kams
