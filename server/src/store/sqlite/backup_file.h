#pragma once
// Internal to store/: reading and writing the backup format of store/backup.h, a SQLite
// file with KAMS's schema. No SQLite type appears here, so postgres/pg_backup.cc can move
// rows between PostgreSQL and a backup without including SQLite.
//
// The table list always comes from the schema itself (sqlite_master), never from a list
// kept by hand, so the tables of later migrations are carried without a change here.
// schema_migration is left out: each database's own migrations write it.
//
// Errors: SQLite failures surface as exceptions derived from std::runtime_error (internal
// to the store; the callers turn them into Result values).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace kams {

// One value of a backup row: all the schema holds is NULL, integers (ids, instants, money,
// and booleans as 0/1) and text (names, dates, JSON).
struct BackupValue {
  enum class Kind { kNull, kInteger, kText };
  Kind kind = Kind::kNull;
  std::int64_t integer = 0;  // when kInteger
  std::string_view text;     // when kText; owned by whoever made the value
};

struct BackupTable {
  std::string name;
  std::vector<std::string> columns;  // in the table's column order
  bool references_itself = false;    // a foreign key points into the same table
};

// A KAMS backup opened read-only, in one read transaction.
class BackupReader {
 public:
  // Answers bad_request when `path` is missing or not a KAMS backup: not a SQLite file, no
  // schema_migration table, or migrations that are not KAMS's.
  static Result<std::unique_ptr<BackupReader>> Open(const std::string& path);
  ~BackupReader();

  int schema_version() const { return version_; }
  // Every table but schema_migration, each after the tables its foreign keys point at.
  const std::vector<BackupTable>& tables() const { return tables_; }
  std::int64_t CountRows(const BackupTable& table);
  // Calls `row` with the values of each row of `table` (valid during the call only) and
  // returns the number of rows. Throws std::runtime_error on a real number or a blob,
  // which no KAMS column holds.
  std::int64_t ForEachRow(const BackupTable& table,
                          const std::function<void(const std::vector<BackupValue>&)>& row);

  struct Impl;

 private:
  explicit BackupReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  int version_ = 0;
  std::vector<BackupTable> tables_;
};

// A new backup being written, inside one transaction.
class BackupWriter {
 public:
  // Creates `path` (REQUIRES: absent) holding the SQLite schema at `schema_version` and no
  // rows: those the migrations insert themselves (audit_head's) are removed.
  // REQUIRES: 1 <= schema_version <= the newest SQLite migration.
  static std::unique_ptr<BackupWriter> Create(const std::string& path, int schema_version);
  ~BackupWriter();

  // As BackupReader::tables.
  const std::vector<BackupTable>& tables() const { return tables_; }
  // Adds one row to `table` (one of tables()); `row` has a value per column, in order.
  void Insert(const BackupTable& table, const std::vector<BackupValue>& row);
  // Commits and closes the file. Flushing and renaming it is the caller's (durable_file.h).
  void Finish();

  struct Impl;

 private:
  explicit BackupWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<BackupTable> tables_;
};

// Copies the backup at `from` into a new SQLite file `to` with the online backup API
// (sqlite3_backup_*), leaves it in rollback-journal mode (one self-contained file), and
// migrates it up to `up_to` when it is older. Returns the copy's schema version.
int CopyBackupFile(const std::string& from, const std::string& to, int up_to);

// Rows a freshly migrated database (this binary's newest schema) holds in each table: 1 in
// audit_head, 0 elsewhere. A database holds data when a table has more.
const std::map<std::string, std::int64_t>& SeededRowCounts();

// What makes the SQLite file at `path` worth keeping: nullopt when it is absent, empty or
// a KAMS database with no more rows than SeededRowCounts; otherwise a short reason ("it is
// not a KAMS database", "table customer has rows").
std::optional<std::string> SqliteFileData(const std::string& path);

}  // namespace kams
