#pragma once
// `kams backup` and `kams restore`, for both backends, through one backup format: a SQLite
// database file with KAMS's schema (the SQLite migrations) at the source's schema version.
// So a backup of PostgreSQL restores into SQLite and the other way round, and any backup can
// be inspected with `sqlite3`. Booleans are stored as 0/1, everything else as it is; audit
// rows and their hashes are copied verbatim, so `kams audit verify` passes on a restored
// database exactly when it passed on the source.
//
// Both functions open their own connections (a restore replaces the database under any open
// handle): stop the `kams serve` nodes of a target before restoring into it. A backup may
// be taken while the server runs.

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kams {

struct TableRows {
  std::string table;
  std::int64_t rows = 0;
};

struct BackupReport {
  int schema_version = 0;         // of the source, and so of the backup
  std::vector<TableRows> tables;  // every table of the backup but schema_migration
  double seconds = 0;
};

struct RestoreReport {
  int backup_version = 0;         // the backup's schema version
  int schema_version = 0;         // the target's, afterwards (this binary's latest)
  std::vector<TableRows> tables;  // rows restored per table
  double seconds = 0;
};

// What a restore does with a target that already holds data (anything beyond what the
// migrations themselves insert): refuse, or replace it.
enum class ExistingData { kRefuse, kReplace };

// Writes a consistent copy of `db` (a SQLite file or a postgres:// URL) to `out_path`.
// SQLite: VACUUM INTO; PostgreSQL: one REPEATABLE READ READ ONLY transaction copied into a
// new SQLite file. The copy is written to `out_path`.tmp, flushed to disk and renamed, so
// `out_path` is either absent or complete; a failed backup leaves no file behind.
// Answers conflict when `out_path` (or its .tmp) exists, bad_request when `db` holds no
// KAMS schema or one newer than this binary (PostgreSQL), internal on I/O or database
// failures.
Result<BackupReport> BackupDatabase(const std::string& db, const std::string& out_path);

// Replaces the contents of `db` (a SQLite file, created if absent, or a postgres:// URL) with
// the backup at `backup_path`, migrated to this binary's schema when it is older.
// Answers bad_request when the file is not a KAMS backup, conflict when its schema is newer
// than this binary or when the target holds data and `existing` is kRefuse. A SQLite target
// is replaced atomically (a new file renamed over it). A PostgreSQL target is copied in one
// transaction after it was migrated (and, with kReplace, emptied by dropping its tables
// first: a restore that fails after that leaves an empty database to restore into again).
Result<RestoreReport> RestoreDatabase(const std::string& backup_path, const std::string& db,
                                      ExistingData existing);

}  // namespace kams
