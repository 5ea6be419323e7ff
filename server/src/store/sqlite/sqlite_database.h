#pragma once
// The SQLite adapter: a pool of connections to one database file in WAL mode with
// synchronous=FULL and foreign keys on. Writers take an in-process lock and then
// BEGIN IMMEDIATE, so they queue instead of spinning on SQLITE_BUSY; readers run in
// parallel on their own snapshots.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/backup.h"
#include "store/store_database.h"

namespace kams {

class SqliteConnection;

struct SqliteOptions {
  std::string path;
  int pool_size = 8;
  int busy_timeout_ms = 10'000;
  int cache_mib = 64;                 // page cache per connection
  int wal_autocheckpoint_pages = 0;   // 0: SQLite's default (1000)
};

class SqliteDatabase final : public StoreDatabase {
 public:
  // Opens (creating if needed) the file. Throws std::runtime_error on failure.
  explicit SqliteDatabase(SqliteOptions options);
  ~SqliteDatabase() override;

  Status Run(TxMode mode, const std::function<Status(Tx&)>& work) override;
  std::string_view Backend() const override { return "sqlite"; }

  // Applies every pending migration in one transaction. Fails (without change) when the
  // file's schema is newer than this binary. Returns the resulting schema version.
  Result<int> Migrate() override;
  // The schema version of the file (0 for an empty one).
  int SchemaVersion() override;
  // Not supported: `kams demo` removes the file before opening it instead.
  Status Reset() override;
  // Runs `sql` on a connection outside the ports, for the demo and benchmark loaders.
  void ExecRaw(const std::string& sql);

 private:
  struct Lease;
  Lease Acquire();
  void Release(std::unique_ptr<SqliteConnection> c);
  bool FenceFailedCommit(SqliteConnection& conn, int attempts);

  SqliteOptions options_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  std::mutex write_mutex_;
  bool fence_pending_ = false;  // guarded by write_mutex_
};

// `kams backup` and `kams restore` of SQLite files (see store/backup.h for the contract):
// the backup is VACUUM INTO `out_path`.tmp, flushed and renamed; the restore copies the
// backup with the online backup API into `db`.tmp, migrates that copy when the backup is
// older, and renames it over `db` (removing the old file's -wal and -shm first).
Result<BackupReport> BackupSqlite(const std::string& db, const std::string& out_path);
Result<RestoreReport> RestoreSqlite(const std::string& backup_path, const std::string& db,
                                    ExistingData existing);

}  // namespace kams
