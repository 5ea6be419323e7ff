#pragma once
// Internal to store/sqlite: the SQLite schema on a bare connection, shared by the adapter
// (SqliteDatabase::Migrate) and the backup format (backup_file.h).

#include <SQLiteCpp/SQLiteCpp.h>

namespace kams {

// The file's schema version: the highest applied migration, 0 without schema_migration.
int SqliteSchemaVersion(SQLite::Database& db);

// Applies, in one BEGIN IMMEDIATE transaction, the SQLite migrations numbered above the
// file's version and up to `up_to`, recording each in schema_migration. Returns the
// resulting version. Throws SQLite::Exception when a statement fails (after rolling back).
// REQUIRES: no transaction is open on `db`; `up_to` <= the newest migration.
int ApplySqliteMigrations(SQLite::Database& db, int up_to);

}  // namespace kams
